/* smt-indicators-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/activity/smt-settings-query.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-targets.h"
#include "io/render/smt-chart-data.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/dialogs/smt-explain-dialog.h"
#include "gui/dialogs/smt-indicator-value-dialog.h"
#include "gui/models/smt-indicator-item.h"
#include "gui/widgets/smt-chart-view.h"
#include "gui/widgets/smt-period-picker.h"
#include "smt-indicators-view.h"

/* Chỉ tiêu. The period is chosen by kind (month, quarter, 6 or 9 months,
 * year, the resolution's term, two dates), the resolution gives the
 * wording, order, baselines and targets. The table has the resolution's
 * indicators in its order, then the rest of the catalogue; every figure is
 * smt_indicator_compute's, as `somattran indicators` prints it. A period
 * opens on the last complete quarter before the register's today: the
 * figures of a quarter still running would move. */

struct _SmtIndicatorsView
{
  GtkWidget           parent_instance;

  /* template widgets */
  SmtPeriodPicker    *period_picker;
  GtkDropDown        *resolution_dropdown;
  GtkLabel           *period_label;
  GtkLabel           *error_label;
  GtkPaned           *paned;
  GtkColumnView      *column_view;
  GtkLabel           *detail_label;
  GtkStack           *detail_stack;
  GtkToggleButton    *by_organisation_button;
  GtkToggleButton    *by_hamlet_button;
  GtkColumnView      *breakdown_view;
  GtkDropDown        *chart_kind_dropdown;
  GtkCheckButton     *chart_by_organisation;
  SmtChartView       *chart_view;

  /* owned */
  SmtRegister        *reg;
  GPtrArray          *resolutions;   /* SmtResolutionRow, one per drop-down entry but the last */
  GPtrArray          *organisations; /* SmtOrganisationInfo */
  GPtrArray          *hamlets;       /* SmtHamletInfo */
  SmtPeriod          *period;
  GListStore         *store;         /* SmtIndicatorItem */
  GtkSingleSelection *selection;
  GListStore         *breakdown_store;
  char               *error;
  guint               filling;
};

static void smt_indicators_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtIndicatorsView, smt_indicators_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW,
                                                      smt_indicators_view_view_init))

static void reload (SmtIndicatorsView *self);
static void update_breakdown (SmtIndicatorsView *self);
static void update_chart (SmtIndicatorsView *self);

static void
show_error (SmtIndicatorsView *self,
            const char        *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const SmtResolutionRow *
current_resolution (SmtIndicatorsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->resolution_dropdown);

  if (self->resolutions == NULL || selected >= self->resolutions->len)
    return NULL;
  return g_ptr_array_index (self->resolutions, selected);
}

/* ---- the period ----------------------------------------------------------- */

/* The resolution's term for the picker: from its start to its end, or to
 * the register's today while it runs. */
static void
update_term (SmtIndicatorsView *self)
{
  const SmtResolutionRow *r = current_resolution (self);
  const char *today = self->reg != NULL ? smt_register_get_today (self->reg) : NULL;
  const char *to;

  if (r == NULL)
    {
      smt_period_picker_set_term (self->period_picker, NULL, NULL);
      return;
    }
  to = r->term_to;
  if (to == NULL || (today != NULL && strcmp (to, today) > 0))
    to = today;
  smt_period_picker_set_term (self->period_picker,
                              r->term_from != NULL ? r->term_from : r->issued_on, to);
}

static void
on_period_changed (SmtIndicatorsView *self)
{
  if (self->filling == 0)
    reload (self);
}

static void
on_resolution_changed (SmtIndicatorsView *self)
{
  if (self->filling == 0)
    reload (self);
}

/* ---- the table ---------------------------------------------------------------- */

static SmtIndicatorLine *
compute_line (SmtIndicatorsView  *self,
              const char         *code,
              const SmtTargetRow *target,
              GError            **error)
{
  /* A resolution's target may count other organisations than the
   * indicator's own default. */
  SmtIndicatorQuery query = { .scope = target != NULL ? target->scope : NULL };
  SmtIndicatorResult *result = smt_indicator_compute (self->reg, code, self->period, &query,
                                                      error);
  SmtIndicatorLine *line;

  if (result == NULL)
    return NULL;
  line = g_new0 (SmtIndicatorLine, 1);
  line->result = result;
  if (target != NULL)
    {
      line->has_target = TRUE;
      line->target.label = g_strdup (target->label);
      line->target.position = target->position;
      line->target.has_baseline = target->has_baseline;
      line->target.baseline = target->baseline;
      line->target.target = target->target;
      line->target.at_most = target->at_most;
    }
  line->label = g_strdup (target != NULL && target->label != NULL && *target->label != '\0'
                          ? target->label : smt_indicator_info_get_name (result->info));
  return line;
}

static void
reload (SmtIndicatorsView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  g_autofree char *selected_code = NULL;
  const SmtResolutionRow *resolution;
  const SmtIndicatorInfo *all;
  SmtIndicatorItem *selected;
  guint n, select = 0;

  if (self->reg == NULL)
    {
      g_list_store_remove_all (self->store);
      g_list_store_remove_all (self->breakdown_store);
      return;
    }
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    selected_code = g_strdup (smt_indicator_item_get_line (selected)->result->code);

  g_clear_pointer (&self->period, smt_period_free);
  update_term (self);
  self->period = smt_period_picker_get_period (self->period_picker, &message);
  if (self->period == NULL)
    {
      show_error (self, message);
      gtk_label_set_text (self->period_label, "");
      g_list_store_remove_all (self->store);
      g_list_store_remove_all (self->breakdown_store);
      return;
    }
  resolution = current_resolution (self);
  label = smt_period_to_label (self->period);
  if (resolution != NULL)
    {
      /* Translators: "Quý II/2025 · Nghị quyết 06-NQ/TU: Về nâng cao chất lượng…" */
      char *with = g_strdup_printf (_("%s · Resolution %s: %s"), label, resolution->number,
                                    resolution->title);

      g_free (label);
      label = with;
    }
  gtk_label_set_text (self->period_label, label);

  for (guint i = 0; resolution != NULL && i < resolution->targets->len; i++)
    {
      const SmtTargetRow *t = g_ptr_array_index (resolution->targets, i);
      SmtIndicatorLine *line;

      if (g_hash_table_contains (seen, t->indicator_code))
        continue;
      if ((line = compute_line (self, t->indicator_code, t, &error)) == NULL)
        break;
      g_hash_table_add (seen, t->indicator_code);
      g_ptr_array_add (items, smt_indicator_item_new (line));
    }
  all = smt_catalogue_get_all (&n);
  for (guint i = 0; error == NULL && i < n; i++)
    {
      SmtIndicatorLine *line;

      if (g_hash_table_contains (seen, all[i].code))
        continue;
      if ((line = compute_line (self, all[i].code, NULL, &error)) == NULL)
        break;
      g_ptr_array_add (items, smt_indicator_item_new (line));
    }
  show_error (self, error != NULL ? error->message : NULL);
  for (guint i = 0; i < items->len; i++)
    {
      SmtIndicatorLine *line = (SmtIndicatorLine *)
        smt_indicator_item_get_line (g_ptr_array_index (items, i));

      line->number = i + 1;
      if (selected_code != NULL && strcmp (line->result->code, selected_code) == 0)
        select = i;
    }
  self->filling++;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  if (items->len > 0)
    gtk_single_selection_set_selected (self->selection, select);
  self->filling--;
  update_breakdown (self);
}

/* ---- cells ---------------------------------------------------------------------- */

enum
{
  COL_NUMBER,
  COL_LABEL,
  COL_SOURCE,
  COL_SCOPE,
  COL_BASELINE,
  COL_RESULT,
  COL_TARGET,
  COL_COMPARISON,
  COL_FRACTION,
};

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  int column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_LABEL ? 0 : 1);
  if (column == COL_NUMBER || column == COL_SOURCE || column == COL_SCOPE)
    gtk_label_set_xalign (GTK_LABEL (label), column == COL_NUMBER ? 1 : 0);
  if (column == COL_SCOPE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COL_LABEL)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  int column = GPOINTER_TO_INT (data);
  const SmtIndicatorLine *line = smt_indicator_item_get_line (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  gboolean under = FALSE;

  gtk_widget_remove_css_class (label, "warning");
  switch (column)
    {
    case COL_NUMBER:
      text = g_strdup_printf ("%u", line->number);
      break;
    case COL_LABEL:
      text = g_strdup (line->label);
      tooltip = g_strdup_printf ("%s\n%s", smt_indicator_info_get_name (line->result->info),
                                 line->result->code);
      break;
    case COL_SOURCE:
      if (line->result->info->source == SMT_INDICATOR_TYPED)
        {
          text = g_strdup (_("typed by hand"));
          tooltip = g_strdup (_("Typed by hand for each period, with a note: press Enter to "
                                "type it"));
        }
      else
        {
          text = g_strdup (_("computed"));
          tooltip = g_strdup (_("Computed from the register: press Enter to see the rows "
                                "behind it"));
        }
      break;
    case COL_SCOPE:
      if (line->result->scope != NULL)
        {
          text = smt_scope_describe_short (line->result->scope);
          tooltip = smt_scope_describe (line->result->scope);
        }
      else
        {
          text = g_strdup (_("Commune"));
          tooltip = g_strdup (_("A value typed for the whole commune"));
        }
      break;
    case COL_BASELINE:
      text = smt_indicator_line_baseline_text (line);
      break;
    case COL_RESULT:
      text = smt_indicator_line_result_text (line);
      tooltip = smt_indicator_line_fraction_text (line);
      /* How the figure was counted, when it says ("mẫu số nhập tay"). */
      for (guint k = 0; k < line->result->notes->len; k++)
        {
          g_autofree char *before = g_steal_pointer (&tooltip);

          tooltip = g_strdup_printf ("%s%s%s", before != NULL ? before : "",
                                     before != NULL ? "\n" : "",
                                     (char *) g_ptr_array_index (line->result->notes, k));
        }
      break;
    case COL_TARGET:
      text = smt_indicator_line_target_text (line);
      break;
    case COL_COMPARISON:
      text = smt_indicator_line_comparison_text (line, &under);
      if (under)
        {
          gtk_widget_add_css_class (label, "warning");
          tooltip = g_strdup (_("Below the target"));
        }
      break;
    case COL_FRACTION:
    default:
      text = smt_indicator_line_fraction_text (line);
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
add_column (GtkColumnView *view,
            const char    *title,
            int            column,
            int            width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) c = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  c = gtk_column_view_column_new (title, g_object_ref (factory));
  if (width > 0)
    gtk_column_view_column_set_fixed_width (c, width);
  else
    gtk_column_view_column_set_expand (c, TRUE);
  gtk_column_view_column_set_resizable (c, TRUE);
  gtk_column_view_append_column (view, c);
}

/* ---- the breakdown ---------------------------------------------------------------- */

/* A typed value: how the period's figure was made, and for one kept per
 * organisation (budget, equipment) each organisation's figure. */
static void
update_typed_breakdown (SmtIndicatorsView      *self,
                        const SmtIndicatorLine *line,
                        gboolean                by_hamlet)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) text = g_string_new (NULL);

  if (line->result->info->per_organisation && !by_hamlet)
    /* TRANSLATORS: the indicator's wording */
    g_string_append_printf (text, _("%s: typed by hand, for the commune or per organisation."),
                            line->label);
  else
    g_string_append_printf (text, _("%s: typed by hand for the whole commune, not by unit."),
                            line->label);
  for (guint i = 0; i < line->result->notes->len; i++)
    g_string_append_printf (text, " %s", (char *) g_ptr_array_index (line->result->notes, i));
  gtk_label_set_text (self->detail_label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), text->str);
  for (guint i = 0; line->result->info->per_organisation && !by_hamlet
                    && self->organisations != NULL && i < self->organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (self->organisations, i);
      SmtIndicatorQuery query = { .organisation_id = o->id };
      SmtIndicatorResult *result;
      SmtIndicatorLine *unit_line;

      if (!o->active)
        continue;
      result = smt_indicator_compute (self->reg, line->result->info->code, self->period, &query,
                                      NULL);
      if (result == NULL)
        break;
      unit_line = g_new0 (SmtIndicatorLine, 1);
      unit_line->number = items->len + 1;
      unit_line->label = g_strdup (o->name);
      unit_line->result = result;
      g_ptr_array_add (items, smt_indicator_item_new (unit_line));
    }
  g_list_store_splice (self->breakdown_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->breakdown_store)),
                       items->pdata, items->len);
}

static void
update_breakdown (SmtIndicatorsView *self)
{
  SmtIndicatorItem *selected = gtk_single_selection_get_selected_item (self->selection);
  gboolean by_hamlet = gtk_toggle_button_get_active (self->by_hamlet_button);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const SmtIndicatorLine *line;
  GPtrArray *units;

  if (selected == NULL || self->reg == NULL || self->period == NULL)
    {
      gtk_label_set_text (self->detail_label, "");
      g_list_store_remove_all (self->breakdown_store);
      return;
    }
  line = smt_indicator_item_get_line (selected);
  if (line->result->info->source == SMT_INDICATOR_TYPED)
    {
      update_typed_breakdown (self, line, by_hamlet);
      return;
    }
  {
    g_autofree char *words = smt_scope_describe (line->result->scope);
    /* TRANSLATORS: the indicator's wording, then the organisations it counts */
    g_autoptr(GString) text = g_string_new (NULL);

    g_string_printf (text, _("%s — counts %s"), line->label, words);
    for (guint k = 0; k < line->result->notes->len; k++)
      g_string_append_printf (text, " · %s", (char *) g_ptr_array_index (line->result->notes, k));

    gtk_label_set_text (self->detail_label, text->str);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_label), text->str);
  }
  units = by_hamlet ? self->hamlets : self->organisations;
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      SmtIndicatorQuery query = { .scope = line->result->scope->text };
      SmtIndicatorResult *result;
      SmtIndicatorLine *unit_line;
      const char *name;

      if (by_hamlet)
        {
          const SmtHamletInfo *h = g_ptr_array_index (units, i);

          query.hamlet_id = h->id;
          name = h->name;
        }
      else
        {
          const SmtOrganisationInfo *o = g_ptr_array_index (units, i);

          if (!o->active)
            continue;
          query.organisation_id = o->id;
          name = o->name;
        }
      result = smt_indicator_compute (self->reg, line->result->info->code, self->period, &query,
                                      &error);
      if (result == NULL)
        break;
      unit_line = g_new0 (SmtIndicatorLine, 1);
      unit_line->number = items->len + 1;
      unit_line->label = g_strdup (name);
      unit_line->result = result;
      g_ptr_array_add (items, smt_indicator_item_new (unit_line));
    }
  if (error != NULL)
    gtk_label_set_text (self->detail_label, error->message);
  g_list_store_splice (self->breakdown_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->breakdown_store)),
                       items->pdata, items->len);
  update_chart (self);
}

/* ---- the chart ------------------------------------------------------------------------ */

typedef enum
{
  CHART_MONTHS,      /* the 12 months up to the period's end */
  CHART_QUARTERS,    /* the 8 quarters up to it */
  CHART_YEARS,       /* the 5 years up to it */
  CHART_YEAR_ON_YEAR,
  CHART_HAMLETS,     /* the period, by hamlet */
  CHART_HAMLETS_STACKED, /* the same, organisations stacked */
} ChartKind;

static SmtPeriod *
month_period (int index)   /* months since year 0 */
{
  g_autofree char *code = g_strdup_printf ("%04d-%02d", index / 12, index % 12 + 1);

  return smt_period_parse (code, NULL);
}

static SmtPeriod *
quarter_period (int index) /* quarters since year 0 */
{
  g_autofree char *code = g_strdup_printf ("%04d-Q%d", index / 4, index % 4 + 1);

  return smt_period_parse (code, NULL);
}

static SmtPeriod *
year_period (int year)
{
  g_autofree char *code = g_strdup_printf ("%04d", year);

  return smt_period_parse (code, NULL);
}

/* The chart of the selected indicator, drawn only while its page is shown. */
static void
update_chart (SmtIndicatorsView *self)
{
  SmtIndicatorItem *selected;
  const SmtResolutionRow *resolution;
  SmtChartBy by;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) from = NULL;
  g_autoptr(SmtPeriod) to = NULL;
  SmtChart *chart = NULL;
  const char *end;
  const char *code;
  int year, month;

  if (self->selection == NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "chart") != 0)
    return;
  selected = gtk_single_selection_get_selected_item (self->selection);
  resolution = current_resolution (self);
  by = gtk_check_button_get_active (self->chart_by_organisation) ? SMT_CHART_BY_ORGANISATION
                                                                  : SMT_CHART_BY_NONE;
  if (selected == NULL || self->reg == NULL || self->period == NULL)
    {
      smt_chart_view_set_chart (self->chart_view, NULL);
      return;
    }
  code = smt_indicator_item_get_line (selected)->result->info->code;
  end = smt_period_get_end (self->period);
  year = (int) g_ascii_strtoll (end, NULL, 10);
  month = (int) g_ascii_strtoll (end + 5, NULL, 10);
  switch (gtk_drop_down_get_selected (self->chart_kind_dropdown))
    {
    case CHART_QUARTERS:
      from = quarter_period (year * 4 + (month - 1) / 3 - 7);
      to = quarter_period (year * 4 + (month - 1) / 3);
      chart = smt_chart_data_trend (self->reg, code, from, to, by,
                                    resolution ? resolution->id : 0, &error);
      break;
    case CHART_YEARS:
      from = year_period (year - 4);
      to = year_period (year);
      chart = smt_chart_data_trend (self->reg, code, from, to, by,
                                    resolution ? resolution->id : 0, &error);
      break;
    case CHART_YEAR_ON_YEAR:
      chart = smt_chart_data_year_on_year (self->reg, code, year,
                                           resolution ? resolution->id : 0, &error);
      break;
    case CHART_HAMLETS:
    case CHART_HAMLETS_STACKED:
      chart = smt_chart_data_by_hamlet (self->reg, code, self->period, by,
                                        gtk_drop_down_get_selected (self->chart_kind_dropdown)
                                        == CHART_HAMLETS_STACKED,
                                        resolution ? resolution->id : 0, &error);
      break;
    case CHART_MONTHS:
    default:
      from = month_period (year * 12 + month - 1 - 11);
      to = month_period (year * 12 + month - 1);
      chart = smt_chart_data_trend (self->reg, code, from, to, by,
                                    resolution ? resolution->id : 0, &error);
      break;
    }
  if (chart == NULL)
    gtk_label_set_text (self->detail_label, error->message);
  smt_chart_view_set_chart (self->chart_view, chart);
}

static void
on_chart_choice_changed (SmtIndicatorsView *self)
{
  update_chart (self);
}

static void
on_detail_page_changed (SmtIndicatorsView *self)
{
  update_chart (self);
}

static void
on_export_response (GtkNativeDialog   *native,
                    int                response,
                    SmtIndicatorsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (!smt_chart_view_export (self->chart_view, path, &error))
        gtk_label_set_text (self->detail_label, error->message);
      else
        {
          g_autofree char *display = g_filename_display_name (path);
          /* Translators: after a chart was saved; %s is the file */
          g_autofree char *text = g_strdup_printf (_("Saved the chart as %s"), display);

          gtk_label_set_text (self->detail_label, text);
        }
    }
  g_object_unref (native);
}

static void
on_chart_export (SmtIndicatorsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (smt_chart_view_get_chart (self->chart_view) == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Save the Chart"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Pictures (PNG, SVG, PDF)"));
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("chart.png"));
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_selection_changed (SmtIndicatorsView *self)
{
  if (self->filling == 0)
    update_breakdown (self);
}

static void
on_by_toggled (SmtIndicatorsView *self,
               GtkToggleButton   *button)
{
  if (gtk_toggle_button_get_active (button))
    update_breakdown (self);
}

/* ---- activating a row ---------------------------------------------------------------- */

typedef struct
{
  char   *code;
  char   *period;
  double  previous;
} ValueUndo;

static void
value_undo_free (gpointer data)
{
  ValueUndo *undo = data;

  g_free (undo->code);
  g_free (undo->period);
  g_free (undo);
}

/* The value before, typed again: a new row superseding the undone one. */
static gboolean
undo_value (SmtRegister  *reg,
            gpointer      data,
            GError      **error)
{
  ValueUndo *undo = data;

  return smt_indicator_value_set (reg, undo->code, undo->period, undo->previous,
                                  _("Undone (Ctrl+Z) right after it was recorded"), error) != 0;
}

static void
on_value_recorded (SmtIndicatorValueDialog *dialog,
                   gint64                   key,
                   double                   previous,
                   SmtIndicatorsView       *self)
{
  g_autofree char *period = smt_period_to_label (self->period);
  g_autofree char *message = g_strdup_printf (_("Value typed for %s"), period);

  if (isnan (previous))
    smt_view_record_change (GTK_WIDGET (self), message, NULL, NULL, NULL);
  else
    {
      ValueUndo *undo = g_new0 (ValueUndo, 1);

      undo->code = g_strdup (smt_indicator_value_dialog_get_code (dialog));
      undo->period = smt_period_to_code (self->period);
      undo->previous = previous;
      smt_view_record_change (GTK_WIDGET (self), message, undo_value, undo, value_undo_free);
    }
}

static GtkWindow *
activate_line (SmtIndicatorsView      *self,
               const SmtIndicatorLine *line)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autoptr(GError) error = NULL;

  if (self->reg == NULL || self->period == NULL)
    return NULL;
  if (line->result->info->source == SMT_INDICATOR_TYPED)
    {
      SmtIndicatorValueDialog *dialog =
        smt_indicator_value_dialog_new (parent, self->reg, line->result->info, self->period);

      g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_value_recorded), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return GTK_WINDOW (dialog);
    }
  else
    {
      SmtIndicatorQuery query = { .explain = TRUE, .scope = line->result->scope->text };
      SmtIndicatorResult *result =
        smt_indicator_compute (self->reg, line->result->code, self->period, &query, &error);
      SmtExplainDialog *dialog;

      if (result == NULL)
        {
          show_error (self, error->message);
          return NULL;
        }
      dialog = smt_explain_dialog_new (parent, result);
      gtk_window_present (GTK_WINDOW (dialog));
      return GTK_WINDOW (dialog);
    }
}

static void
on_row_activate (SmtIndicatorsView *self,
                 guint              position)
{
  g_autoptr(SmtIndicatorItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL)
    activate_line (self, smt_indicator_item_get_line (item));
}

/* ---- for the tests -------------------------------------------------------------------- */

static guint
find_code (SmtIndicatorsView *self,
           const char        *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmtIndicatorItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (strcmp (smt_indicator_item_get_line (item)->result->code, code) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

gboolean
smt_indicators_view_set_period (SmtIndicatorsView *self,
                                const char        *code)
{
  g_autoptr(SmtPeriod) period = NULL;

  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), FALSE);
  if ((period = smt_period_parse (code, NULL)) == NULL)
    return FALSE;
  smt_period_picker_set_period (self->period_picker, period);
  reload (self);
  return self->period != NULL && smt_period_equal (self->period, period);
}

const SmtPeriod *
smt_indicators_view_get_period (SmtIndicatorsView *self)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), NULL);
  return self->period;
}

gboolean
smt_indicators_view_set_resolution (SmtIndicatorsView *self,
                                    gint64             resolution_id)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), FALSE);
  for (guint i = 0; self->resolutions != NULL && i < self->resolutions->len; i++)
    if (((const SmtResolutionRow *) g_ptr_array_index (self->resolutions, i))->id == resolution_id)
      {
        gtk_drop_down_set_selected (self->resolution_dropdown, i);
        return TRUE;
      }
  if (resolution_id == 0 && self->resolutions != NULL)
    {
      gtk_drop_down_set_selected (self->resolution_dropdown, self->resolutions->len);
      return TRUE;
    }
  return FALSE;
}

guint
smt_indicators_view_get_n_lines (SmtIndicatorsView *self)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

static const SmtIndicatorLine *
line_at (GListStore *store,
         guint       position)
{
  g_autoptr(SmtIndicatorItem) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  /* The store keeps the item alive. */
  return item != NULL ? smt_indicator_item_get_line (item) : NULL;
}

const SmtIndicatorLine *
smt_indicators_view_get_line (SmtIndicatorsView *self,
                              guint              position)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), NULL);
  return line_at (self->store, position);
}

GtkWindow *
smt_indicators_view_activate (SmtIndicatorsView *self,
                              const char        *code)
{
  guint position;

  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), NULL);
  if ((position = find_code (self, code)) == GTK_INVALID_LIST_POSITION)
    return NULL;
  gtk_single_selection_set_selected (self->selection, position);
  return activate_line (self, line_at (self->store, position));
}

gboolean
smt_indicators_view_show_breakdown (SmtIndicatorsView *self,
                                    const char        *code,
                                    gboolean           by_hamlet)
{
  guint position;

  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), FALSE);
  if ((position = find_code (self, code)) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  self->filling++;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_toggle_button_set_active (by_hamlet ? self->by_hamlet_button
                                          : self->by_organisation_button, TRUE);
  self->filling--;
  gtk_stack_set_visible_child_name (self->detail_stack, "breakdown");
  update_breakdown (self);
  return TRUE;
}

guint
smt_indicators_view_get_n_breakdown (SmtIndicatorsView *self)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->breakdown_store));
}

const SmtIndicatorLine *
smt_indicators_view_get_breakdown (SmtIndicatorsView *self,
                                   guint              position)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), NULL);
  return line_at (self->breakdown_store, position);
}

const char *
smt_indicators_view_get_error (SmtIndicatorsView *self)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), NULL);
  return self->error;
}

/* ---- the register ---------------------------------------------------------------------- */

static gboolean
load_lists (SmtIndicatorsView  *self,
            gboolean            same,
            GError            **error)
{
  g_autoptr(GPtrArray) resolutions = smt_settings_resolutions (self->reg, error);
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 chosen = 0;
  guint select = 0;

  if (resolutions == NULL
      || (organisations = smt_organisations_list (self->reg, error)) == NULL
      || (hamlets = smt_hamlets_list (self->reg, error)) == NULL)
    return FALSE;
  if (same && current_resolution (self) != NULL)
    chosen = current_resolution (self)->id;
  else if (same && self->resolutions != NULL)
    chosen = -1;  /* none was chosen */
  for (guint i = 0; i < resolutions->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (resolutions, i);
      g_autofree char *issued = smt_date_to_display (r->issued_on);
      /* Translators: a resolution in the picker: "06-NQ/TU (21/07/2021)" */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), r->number, issued);

      gtk_string_list_append (names, text);
      if (r->id == chosen)
        select = i;
    }
  gtk_string_list_append (names, _("No resolution"));
  if (chosen == -1 || resolutions->len == 0)
    select = resolutions->len;

  self->filling++;
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  self->resolutions = g_steal_pointer (&resolutions);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  self->organisations = g_steal_pointer (&organisations);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  self->hamlets = g_steal_pointer (&hamlets);
  gtk_drop_down_set_model (self->resolution_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->resolution_dropdown, select);
  self->filling--;
  return TRUE;
}

static gboolean
smt_indicators_view_view_refresh (SmtView      *view,
                                  SmtRegister  *reg,
                                  GError      **error)
{
  SmtIndicatorsView *self = SMT_INDICATORS_VIEW (view);
  gboolean same = reg != NULL && reg == self->reg;

  if (!same)
    {
      g_clear_object (&self->reg);
      self->reg = reg != NULL ? g_object_ref (reg) : NULL;
    }
  if (self->reg == NULL)
    {
      reload (self);
      return TRUE;
    }
  if (!load_lists (self, same, error))
    return FALSE;
  if (!same)
    {
      g_autoptr(SmtPeriod) period = smt_period_last_complete_quarter (smt_register_get_today (self->reg));

      smt_period_picker_set_period (self->period_picker, period);
    }
  reload (self);
  return TRUE;
}

static void
smt_indicators_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_indicators_view_view_refresh;
}

/* ---- life ---------------------------------------------------------------------------- */

static void
smt_indicators_view_dispose (GObject *object)
{
  SmtIndicatorsView *self = SMT_INDICATORS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_INDICATORS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->breakdown_store);
  g_clear_object (&self->reg);
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->hamlets, g_ptr_array_unref);
  g_clear_pointer (&self->period, smt_period_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (smt_indicators_view_parent_class)->dispose (object);
}

static void
smt_indicators_view_class_init (SmtIndicatorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_indicators_view_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-indicators-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, period_picker);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, resolution_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, paned);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, chart_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, chart_by_organisation);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, chart_view);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_export);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, by_organisation_button);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, by_hamlet_button);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorsView, breakdown_view);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_resolution_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_by_toggled);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
smt_indicators_view_init (SmtIndicatorsView *self)
{
  g_autoptr(GtkNoSelection) breakdown_selection = NULL;

  const char *chart_kinds[] = {
    _("12 months"), _("8 quarters"), _("5 years"), _("Against last year"), _("By hamlet"),
    _("By hamlet, stacked"), NULL
  };
  g_autoptr(GtkStringList) chart_kind_list = NULL;

  g_type_ensure (SMT_TYPE_CHART_VIEW);
  g_type_ensure (SMT_TYPE_PERIOD_PICKER);
  gtk_widget_init_template (GTK_WIDGET (self));
  chart_kind_list = gtk_string_list_new (chart_kinds);
  gtk_drop_down_set_model (self->chart_kind_dropdown, G_LIST_MODEL (chart_kind_list));
  smt_period_picker_set_offers_term (self->period_picker, TRUE);

  self->store = g_list_store_new (SMT_TYPE_INDICATOR_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_column (self->column_view, _("No."), COL_NUMBER, 48);
  add_column (self->column_view, _("Indicator"), COL_LABEL, 0);
  add_column (self->column_view, _("Source"), COL_SOURCE, 80);
  add_column (self->column_view, _("Scope"), COL_SCOPE, 170);
  add_column (self->column_view, _("Before the Resolution"), COL_BASELINE, 130);
  add_column (self->column_view, _("Result"), COL_RESULT, 90);
  add_column (self->column_view, _("Target"), COL_TARGET, 90);
  add_column (self->column_view, _("Compared (%)"), COL_COMPARISON, 100);

  self->breakdown_store = g_list_store_new (SMT_TYPE_INDICATOR_ITEM);
  breakdown_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->breakdown_store)));
  gtk_column_view_set_model (self->breakdown_view, GTK_SELECTION_MODEL (breakdown_selection));
  add_column (self->breakdown_view, _("No."), COL_NUMBER, 48);
  add_column (self->breakdown_view, _("Organisation or hamlet"), COL_LABEL, 0);
  add_column (self->breakdown_view, _("Result"), COL_RESULT, 110);
  add_column (self->breakdown_view, _("Numerator / denominator"), COL_FRACTION, 200);
}

GtkWidget *
smt_indicators_view_new (void)
{
  return g_object_new (SMT_TYPE_INDICATORS_VIEW, NULL);
}

const SmtChart *
smt_indicators_view_show_chart (SmtIndicatorsView *self,
                                const char        *code,
                                guint              kind,
                                gboolean           by_organisation)
{
  g_return_val_if_fail (SMT_IS_INDICATORS_VIEW (self), NULL);

  if (!smt_indicators_view_show_breakdown (self, code, FALSE))
    return NULL;
  gtk_stack_set_visible_child_name (self->detail_stack, "chart");
  gtk_check_button_set_active (self->chart_by_organisation, by_organisation);
  gtk_drop_down_set_selected (self->chart_kind_dropdown, kind);
  update_chart (self);
  return smt_chart_view_get_chart (self->chart_view);
}
