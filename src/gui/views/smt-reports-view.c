/* smt-reports-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/activity/smt-settings-query.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/reports/smt-export-log.h"
#include "io/render/smt-report-draw.h"
#include "io/render/smt-report-xlsx.h"

#include "gui/base/smt-gui.h"
#include "gui/base/smt-view.h"
#include "gui/widgets/smt-period-picker.h"
#include "smt-reports-view.h"

/* Báo cáo. The left column lists the six kinds of smt-reports.h and, under
 * them, only the parameters the chosen kind needs; the right shows the
 * pages as smt_report_draw_page draws them for paper, one at a time,
 * scaled to the width. A change of parameter builds the report again
 * after a short pause, so that typing a date or a number is not held up by
 * a build (up to a second or two on a large register); meanwhile the view
 * says so. What is exported, printed or saved is the report on screen,
 * built from the parameters it shows. */

/* The pause after the last change before the report is built again. */
#define BUILD_DELAY_MS 300

/* Grey around the paper, and its margin, in pixels. */
#define PREVIEW_MARGIN 16.0
#define PREVIEW_BOTTOM 64.0

/* A report as built, with the parameters it was built from; shared with a
 * print operation that may outlive the next build. */
typedef struct
{
  SmtReportParams  params;
  SmtPeriod       *period;
  char            *report_number;
  char            *report_date;
  char            *signed_on;
  SmtReport       *report;
  SmtReportLayout *layout;
} Built;

static void
built_clear (gpointer data)
{
  Built *built = data;

  g_clear_pointer (&built->layout, smt_report_layout_free);
  g_clear_pointer (&built->report, smt_report_free);
  g_clear_pointer (&built->period, smt_period_free);
  g_clear_pointer (&built->report_number, g_free);
  g_clear_pointer (&built->report_date, g_free);
  g_clear_pointer (&built->signed_on, g_free);
}

static void
built_unref (Built *built)
{
  g_rc_box_release_full (built, built_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Built, built_unref)

struct _SmtReportsView
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkListBox      *kind_list;
  GtkLabel        *summary_label;
  GtkWidget       *period_box;
  SmtPeriodPicker *period_picker;
  GtkWidget       *resolution_box;
  GtkDropDown     *resolution_dropdown;
  GtkEntry        *report_number_entry;
  GtkEntry        *report_date_entry;
  GtkWidget       *organisation_box;
  GtkDropDown     *organisation_dropdown;
  GtkWidget       *rating_year_box;
  GtkSpinButton   *rating_year_spin;
  GtkWidget       *branch_box;
  GtkDropDown     *branch_organisation_dropdown;
  GtkDropDown     *branch_dropdown;
  GtkCheckButton  *personal_check;
  GtkLabel        *personal_note;
  GtkEntry        *signed_entry;
  GtkWidget       *page_box;
  GtkLabel        *page_label;
  GtkLabel        *status_label;
  GtkDrawingArea  *preview;

  /* owned */
  SmtRegister     *reg;
  GPtrArray       *resolutions;    /* SmtResolutionRow, one per drop-down entry */
  GPtrArray       *all_organisations; /* SmtOrganisationInfo */
  GPtrArray       *organisations;  /* the active ones of all_organisations */
  GPtrArray       *branches;       /* SmtBranchInfo of the branch organisation */
  Built           *built;          /* the report shown, or NULL */
  char            *error;
  guint            page;
  guint            build_source;
  guint            filling;
};

static void smt_reports_view_view_init (SmtViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmtReportsView, smt_reports_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (SMT_TYPE_VIEW,
                                                      smt_reports_view_view_init))

static void schedule_build (SmtReportsView *self);

/* ---- messages ---------------------------------------------------------------- */

static void
show_status (SmtReportsView *self,
             const char     *message,
             gboolean        is_error)
{
  if (is_error)
    {
      g_free (self->error);
      self->error = g_strdup (message);
    }
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
toast (SmtReportsView *self,
       const char     *message)
{
  smt_view_add_toast (GTK_WIDGET (self), message);
}

/* ---- the kinds ------------------------------------------------------------------ */

static SmtReportKind
current_kind (SmtReportsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->kind_list);

  return row != NULL ? (SmtReportKind) gtk_list_box_row_get_index (row) : SMT_REPORT_ANNEX;
}

static void
show_parameters (SmtReportsView *self)
{
  SmtReportKind kind = current_kind (self);
  gboolean with_period = kind == SMT_REPORT_ANNEX || kind == SMT_REPORT_MEMBERS
                         || kind == SMT_REPORT_MEETINGS || kind == SMT_REPORT_CHANGES;

  gtk_widget_set_visible (self->period_box, with_period);
  /* An annex may cover its resolution's whole term (a tổng kết). */
  smt_period_picker_set_offers_term (self->period_picker, kind == SMT_REPORT_ANNEX);
  gtk_widget_set_visible (self->resolution_box, kind == SMT_REPORT_ANNEX);
  gtk_widget_set_visible (self->organisation_box,
                          kind == SMT_REPORT_MEMBERS || kind == SMT_REPORT_MEETINGS
                          || kind == SMT_REPORT_RATINGS || kind == SMT_REPORT_CHANGES);
  gtk_widget_set_visible (self->rating_year_box, kind == SMT_REPORT_RATINGS);
  gtk_widget_set_visible (self->branch_box, kind == SMT_REPORT_BRANCH_MEMBERS);
  gtk_widget_set_visible (GTK_WIDGET (self->personal_note),
                          gtk_check_button_get_active (self->personal_check));
  gtk_label_set_text (self->summary_label, smt_report_kind_summary (kind));
}

/* The names in the list, each with its summary as a tooltip; the summary
 * of the chosen one is written under the list. */
static void
fill_kinds (SmtReportsView *self)
{
  for (guint i = 0; i < SMT_REPORT_N_KINDS; i++)
    {
      GtkWidget *name = gtk_label_new (smt_report_kind_name (i));

      gtk_widget_set_margin_top (name, 8);
      gtk_widget_set_margin_bottom (name, 8);
      gtk_widget_set_margin_start (name, 10);
      gtk_widget_set_margin_end (name, 10);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_widget_set_tooltip_text (name, smt_report_kind_summary (i));
      gtk_list_box_append (self->kind_list, name);
    }
  gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, 0));
}

static void
on_kind_selected (SmtReportsView *self)
{
  if (self->kind_list == NULL)  /* disposed */
    return;
  /* Ratings are given by one organisation under its own scale: the first
   * rather than "every organisation", which they cannot be built for. */
  if (current_kind (self) == SMT_REPORT_RATINGS
      && gtk_drop_down_get_selected (self->organisation_dropdown) == 0
      && self->organisations != NULL && self->organisations->len > 0)
    {
      self->filling++;
      gtk_drop_down_set_selected (self->organisation_dropdown, 1);
      self->filling--;
    }
  show_parameters (self);
  if (self->filling == 0)
    schedule_build (self);
}

/* Enter on a kind builds it at once. */
static void
on_kind_activated (SmtReportsView *self)
{
  smt_reports_view_build (self);
}

/* ---- the lists of the register ----------------------------------------------------- */

static gint64
selected_id (GPtrArray   *rows,
             GtkDropDown *dropdown,
             gsize        id_offset,
             guint        skip)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (rows == NULL || selected == GTK_INVALID_LIST_POSITION || selected < skip
      || selected - skip >= rows->len)
    return 0;
  return G_STRUCT_MEMBER (gint64, g_ptr_array_index (rows, selected - skip), id_offset);
}

static gint64
current_resolution (SmtReportsView *self)
{
  return selected_id (self->resolutions, self->resolution_dropdown,
                      G_STRUCT_OFFSET (SmtResolutionRow, id), 0);
}

/* The chosen resolution's term for the period picker: from its start to
 * its end, or to the register's today while it runs. */
static void
update_term (SmtReportsView *self)
{
  gint64 id = current_resolution (self);
  const char *today = self->reg != NULL ? smt_register_get_today (self->reg) : NULL;

  smt_period_picker_set_term (self->period_picker, NULL, NULL);
  for (guint i = 0; self->resolutions != NULL && i < self->resolutions->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (self->resolutions, i);
      const char *to = r->term_to;

      if (r->id != id)
        continue;
      if (to == NULL || (today != NULL && strcmp (to, today) > 0))
        to = today;
      smt_period_picker_set_term (self->period_picker,
                                  r->term_from != NULL ? r->term_from : r->issued_on, to);
    }
}

/* The organisation drop-down begins with "every organisation". */
static gint64
current_organisation (SmtReportsView *self)
{
  return selected_id (self->organisations, self->organisation_dropdown,
                      G_STRUCT_OFFSET (SmtOrganisationInfo, id), 1);
}

static gint64
current_branch (SmtReportsView *self)
{
  return selected_id (self->branches, self->branch_dropdown,
                      G_STRUCT_OFFSET (SmtBranchInfo, id), 0);
}

static guint
find_id (GPtrArray *rows,
         gsize      id_offset,
         gint64     id)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (G_STRUCT_MEMBER (gint64, g_ptr_array_index (rows, i), id_offset) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
setup_name (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item),
                               data != NULL ? gtk_string_object_get_string (string) : NULL);
}

/* Long names (an organisation, a branch) do not widen the column: cut
 * with an ellipsis on the button, whole in the list that drops down. */
static void
set_name_factories (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_name), GINT_TO_POINTER (1));
  g_signal_connect (button, "bind", G_CALLBACK (bind_name), GINT_TO_POINTER (1));
  g_signal_connect (list, "setup", G_CALLBACK (setup_name), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_name), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static GtkStringList *
string_list_for_search (GtkDropDown *dropdown)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (dropdown, expression);
  return list;
}

/* The branches of the organisation chosen over them, today's. */
static gboolean
load_branches (SmtReportsView  *self,
               gint64           keep,
               GError         **error)
{
  gint64 organisation_id = selected_id (self->organisations, self->branch_organisation_dropdown,
                                        G_STRUCT_OFFSET (SmtOrganisationInfo, id), 0);
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GtkStringList) names = string_list_for_search (self->branch_dropdown);
  guint select;

  if (organisation_id == 0)
    branches = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_branch_info_free);
  else if ((branches = smt_branches_list (self->reg, organisation_id, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      gtk_string_list_append (names, b->name);
    }
  select = find_id (branches, G_STRUCT_OFFSET (SmtBranchInfo, id), keep);
  self->filling++;
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  self->branches = g_steal_pointer (&branches);
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->branch_dropdown,
                              select != GTK_INVALID_LIST_POSITION ? select : 0);
  self->filling--;
  return TRUE;
}

static void
on_branch_organisation_changed (SmtReportsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->filling > 0 || self->reg == NULL)
    return;
  if (!load_branches (self, 0, &error))
    show_status (self, error->message, TRUE);
  else
    schedule_build (self);
}

static gboolean
load_lists (SmtReportsView  *self,
            gboolean         same,
            GError         **error)
{
  g_autoptr(GPtrArray) resolutions = smt_settings_resolutions (self->reg, error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GtkStringList) resolution_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) organisation_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) branch_organisation_names = gtk_string_list_new (NULL);
  gint64 resolution = same ? current_resolution (self) : 0;
  gint64 organisation = same ? current_organisation (self) : 0;
  gint64 branch_organisation = same
    ? selected_id (self->organisations, self->branch_organisation_dropdown,
                   G_STRUCT_OFFSET (SmtOrganisationInfo, id), 0)
    : 0;
  gint64 branch = same ? current_branch (self) : 0;
  guint select;

  if (resolutions == NULL || (all = smt_organisations_list (self->reg, error)) == NULL)
    return FALSE;
  organisations = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    if (((SmtOrganisationInfo *) g_ptr_array_index (all, i))->active)
      g_ptr_array_add (organisations, g_ptr_array_index (all, i));

  for (guint i = 0; i < resolutions->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (resolutions, i);
      g_autofree char *issued = smt_date_to_display (r->issued_on);
      /* Translators: a resolution in the picker: "06-NQ/TU (21/07/2021)" */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), r->number, issued);

      gtk_string_list_append (resolution_names, text);
    }
  gtk_string_list_append (organisation_names, _("Every organisation"));
  for (guint i = 0; i < organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (organisations, i);

      gtk_string_list_append (organisation_names, o->name);
      gtk_string_list_append (branch_organisation_names, o->name);
    }

  self->filling++;
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  self->resolutions = g_steal_pointer (&resolutions);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  self->organisations = g_steal_pointer (&organisations);
  g_clear_pointer (&self->all_organisations, g_ptr_array_unref);
  self->all_organisations = g_steal_pointer (&all);

  gtk_drop_down_set_model (self->resolution_dropdown, G_LIST_MODEL (resolution_names));
  select = find_id (self->resolutions, G_STRUCT_OFFSET (SmtResolutionRow, id), resolution);
  gtk_drop_down_set_selected (self->resolution_dropdown,
                              select != GTK_INVALID_LIST_POSITION ? select : 0);

  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (organisation_names));
  select = find_id (self->organisations, G_STRUCT_OFFSET (SmtOrganisationInfo, id),
                    organisation);
  gtk_drop_down_set_selected (self->organisation_dropdown,
                              select != GTK_INVALID_LIST_POSITION ? select + 1 : 0);

  gtk_drop_down_set_model (self->branch_organisation_dropdown,
                           G_LIST_MODEL (branch_organisation_names));
  select = find_id (self->organisations, G_STRUCT_OFFSET (SmtOrganisationInfo, id),
                    branch_organisation);
  gtk_drop_down_set_selected (self->branch_organisation_dropdown,
                              select != GTK_INVALID_LIST_POSITION ? select : 0);
  self->filling--;
  return load_branches (self, branch, error);
}

/* ---- building ---------------------------------------------------------------------- */

static void
update_pages (SmtReportsView *self)
{
  guint n = smt_reports_view_get_n_pages (self);

  if (self->page >= n)
    self->page = n > 0 ? n - 1 : 0;
  gtk_widget_set_visible (self->page_box, n > 0);
  if (n == 0)
    gtk_label_set_text (self->page_label, "");
  else
    {
      /* Translators: the page of the preview: "Trang 1/3" */
      g_autofree char *text = g_strdup_printf (_("Page %u/%u"), self->page + 1, n);

      gtk_label_set_text (self->page_label, text);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.next-page", self->page + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-xlsx", self->built != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", self->built != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.save-pdf", self->built != NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self->preview));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
set_built (SmtReportsView *self,
           Built          *built)
{
  g_clear_pointer (&self->built, built_unref);
  self->built = built;
  update_pages (self);
}

/* The parameters the controls say, into built; FALSE with a message. */
static gboolean
params_from_controls (SmtReportsView  *self,
                      Built           *built,
                      char           **message)
{
  SmtReportKind kind = current_kind (self);
  const char *signed_text = gtk_editable_get_text (GTK_EDITABLE (self->signed_entry));
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->report_number_entry));
  const char *report_date = gtk_editable_get_text (GTK_EDITABLE (self->report_date_entry));

  *message = NULL;
  built->params.kind = kind;
  if (kind == SMT_REPORT_ANNEX || kind == SMT_REPORT_MEMBERS || kind == SMT_REPORT_MEETINGS
      || kind == SMT_REPORT_CHANGES)
    {
      update_term (self);
      if ((built->period = smt_period_picker_get_period (self->period_picker, message)) == NULL)
        return FALSE;
      built->params.period = built->period;
    }
  if (kind == SMT_REPORT_ANNEX)
    {
      built->report_number = g_strstrip (g_strdup (number));
      if (*built->report_number == '\0')
        g_clear_pointer (&built->report_number, g_free);
      built->params.resolution_id = current_resolution (self);
      if (*report_date != '\0' && (built->report_date = smt_date_parse (report_date)) == NULL)
        {
          *message = g_strdup (_("Type the date of the report as day/month/year, for "
                                 "example 05/07/2025, or leave it empty."));
          return FALSE;
        }
      built->params.report_number = built->report_number;
      built->params.report_date = built->report_date;
    }
  if (kind == SMT_REPORT_MEMBERS || kind == SMT_REPORT_MEETINGS || kind == SMT_REPORT_RATINGS
      || kind == SMT_REPORT_CHANGES)
    built->params.organisation_id = current_organisation (self);
  if (kind == SMT_REPORT_RATINGS)
    built->params.year = gtk_spin_button_get_value_as_int (self->rating_year_spin);
  if (kind == SMT_REPORT_BRANCH_MEMBERS)
    {
      built->params.branch_id = current_branch (self);
      built->params.show_personal = gtk_check_button_get_active (self->personal_check);
    }
  if (*signed_text != '\0' && (built->signed_on = smt_date_parse (signed_text)) == NULL)
    {
      *message = g_strdup (_("Type the date on the report as day/month/year, for example "
                             "05/07/2025."));
      return FALSE;
    }
  built->params.signed_on = built->signed_on;
  return TRUE;
}

static gboolean
build_now (SmtReportsView *self)
{
  g_autoptr(Built) built = g_rc_box_new0 (Built);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_pointer (&self->error, g_free);
  if (self->reg == NULL)
    {
      set_built (self, NULL);
      show_status (self, NULL, FALSE);
      return FALSE;
    }
  if (!params_from_controls (self, built, &message))
    {
      set_built (self, NULL);
      show_status (self, message, TRUE);
      return FALSE;
    }
  built->report = smt_report_build (self->reg, &built->params, &error);
  if (built->report == NULL)
    {
      set_built (self, NULL);
      show_status (self, error != NULL ? error->message : _("The report cannot be built."), TRUE);
      return FALSE;
    }
  built->layout = smt_report_layout_new (built->report);
  show_status (self, NULL, FALSE);
  set_built (self, g_steal_pointer (&built));
  return TRUE;
}

static gboolean
on_build_timeout (gpointer data)
{
  SmtReportsView *self = data;

  self->build_source = 0;
  build_now (self);
  return G_SOURCE_REMOVE;
}

/* Builds again after a pause, so that a run of changes (typing a date)
 * builds once; the view says it is working meanwhile. */
static void
schedule_build (SmtReportsView *self)
{
  if (self->reg == NULL)
    return;
  g_clear_handle_id (&self->build_source, g_source_remove);
  self->build_source = g_timeout_add (BUILD_DELAY_MS, on_build_timeout, self);
  show_status (self, _("Preparing the report…"), FALSE);
}

static void
on_param_changed (SmtReportsView *self)
{
  if (self->filling == 0)
    schedule_build (self);
}

static void
on_personal_toggled (SmtReportsView *self)
{
  show_parameters (self);
  on_param_changed (self);
}

/* ---- the preview -------------------------------------------------------------------- */

static void
paper_rect (SmtReportsView *self,
            int             width,
            double         *x,
            double         *y,
            double         *w,
            double         *h,
            double         *scale)
{
  double page_w = SMT_REPORT_PAPER_WIDTH_MM * 72.0 / 25.4;
  double page_h = SMT_REPORT_PAPER_HEIGHT_MM * 72.0 / 25.4;

  if (self->built != NULL)
    smt_report_layout_get_page_size (self->built->layout, &page_w, &page_h);
  *scale = MAX (width - 2 * PREVIEW_MARGIN, 50.0) / page_w;
  *x = PREVIEW_MARGIN;
  *y = PREVIEW_MARGIN;
  *w = page_w * *scale;
  *h = page_h * *scale;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  SmtReportsView *self = data;
  double x, y, w, h, scale;

  cairo_set_source_rgb (cr, 0.55, 0.56, 0.58);
  cairo_paint (cr);
  if (self->built == NULL)
    return;
  paper_rect (self, width, &x, &y, &w, &h, &scale);
  /* The shadow, then the paper. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_rectangle (cr, x + 3, y + 4, w, h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  smt_report_draw_page (self->built->layout, cr, self->page);
  cairo_restore (cr);
}

/* The height follows the width: the page scaled to fit it. */
static void
on_preview_resize (SmtReportsView *self,
                   int             width,
                   int             height)
{
  double x, y, w, h, scale;
  int wanted;

  paper_rect (self, width, &x, &y, &w, &h, &scale);
  /* Room under the paper for the page turner floating over it. */
  wanted = (int) (h + PREVIEW_MARGIN + PREVIEW_BOTTOM + 0.5);
  if (gtk_drawing_area_get_content_height (self->preview) != wanted)
    gtk_drawing_area_set_content_height (self->preview, wanted);
}

static void
go_to_page (SmtReportsView *self,
            int             delta)
{
  guint n = smt_reports_view_get_n_pages (self);
  int page = (int) self->page + delta;

  if (n == 0)
    return;
  self->page = CLAMP (page, 0, (int) n - 1);
  update_pages (self);
}

/* Page Up and Page Down turn the preview's pages wherever the focus is in
 * the view (the list of kinds would take them otherwise), except in a
 * list dropped down from a picker. */
static gboolean
on_page_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint n = smt_reports_view_get_n_pages (SMT_REPORTS_VIEW (widget));

  if (n == 0 || (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return FALSE;
  go_to_page (SMT_REPORTS_VIEW (widget), GPOINTER_TO_INT (data));
  return TRUE;
}

static void
add_page_keys (SmtReportsView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Up, 0),
                        gtk_callback_action_new (on_page_key, GINT_TO_POINTER (-1), NULL)));
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Page_Down, 0),
                        gtk_callback_action_new (on_page_key, GINT_TO_POINTER (1), NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
action_previous_page (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  go_to_page (SMT_REPORTS_VIEW (widget), -1);
}

static void
action_next_page (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  go_to_page (SMT_REPORTS_VIEW (widget), 1);
}

/* ---- exporting ------------------------------------------------------------------------ */

/* Records a print of built in the register's export log; a failure to
 * record is shown in the view (the pages are already printed). */
static void
log_export (SmtReportsView *self,
            Built          *built,
            const char     *destination)
{
  g_autoptr(GError) error = NULL;

  if (self->reg != NULL
      && smt_export_log_add (self->reg, &built->params, destination, &error) == 0)
    show_status (self, error->message, TRUE);
}

static gboolean
export_built (SmtReportsView  *self,
              Built           *built,
              const char      *path,
              GError         **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *message = NULL;
  gboolean ok;

  if (g_str_has_suffix (path, ".pdf") || g_str_has_suffix (path, ".PDF"))
    ok = smt_report_write_pdf (built->report, path, error);
  else
    ok = smt_report_write_xlsx (built->report, path, error);
  if (!ok)
    {
      show_status (self, (*error)->message, TRUE);
      return FALSE;
    }
  /* What went out is remembered, or it does not go out: a file the
   * register cannot record is taken back, as `somattran export` does. */
  if (self->reg != NULL && smt_export_log_add (self->reg, &built->params, path, error) == 0)
    {
      g_unlink (path);
      show_status (self, (*error)->message, TRUE);
      return FALSE;
    }
  show_status (self, NULL, FALSE);
  /* Translators: a toast after a report was saved: "Đã lưu phu-luc.xlsx" */
  message = g_strdup_printf (_("Saved %s"), basename);
  toast (self, message);
  return TRUE;
}

typedef struct
{
  GWeakRef        view;
  Built          *built;
  const char     *suffix;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  g_weak_ref_clear (&request->view);
  g_clear_pointer (&request->built, built_unref);
  g_free (request);
}

static void
on_save_response (GtkNativeDialog *native,
                  int              response,
                  SaveRequest     *request)
{
  g_autoptr(SmtReportsView) self = g_weak_ref_get (&request->view);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (self != NULL && file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);

      if (!g_str_has_suffix (lower, request->suffix))
        {
          char *with = g_strconcat (path, request->suffix, NULL);

          g_free (path);
          path = with;
        }
      export_built (self, request->built, path, &error);
    }
  save_request_free (request);
  g_object_unref (native);
}

static void
choose_file (SmtReportsView *self,
             gboolean        pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  SaveRequest *request;

  if (self->built == NULL)
    return;
  native = gtk_file_chooser_native_new (pdf ? _("Save the Report as PDF")
                                            : _("Export the Report to XLSX"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents (*.pdf)")
                                        : _("Workbooks (*.xlsx)"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = g_strconcat (self->built->report->file_stem, pdf ? ".pdf" : ".xlsx", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  request = g_new0 (SaveRequest, 1);
  g_weak_ref_init (&request->view, self);
  request->built = g_rc_box_acquire (self->built);
  request->suffix = pdf ? ".pdf" : ".xlsx";
  g_signal_connect (native, "response", G_CALLBACK (on_save_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
action_export_xlsx (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  choose_file (SMT_REPORTS_VIEW (widget), FALSE);
}

static void
action_save_pdf (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  choose_file (SMT_REPORTS_VIEW (widget), TRUE);
}

/* ---- printing -------------------------------------------------------------------------- */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Built             *built)
{
  gtk_print_operation_set_n_pages (operation, smt_report_layout_get_n_pages (built->layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Built             *built)
{
  smt_report_draw_page (built->layout, gtk_print_context_get_cairo_context (context), page);
}

static GtkPrintOperation *
print_operation_new (Built *built)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, built->report->orientation == SMT_REPORT_LANDSCAPE
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, built->report->file_stem);
  gtk_print_operation_set_n_pages (operation, smt_report_layout_get_n_pages (built->layout));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), built);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), built);
  g_object_set_data_full (G_OBJECT (operation), "smt-built", g_rc_box_acquire (built),
                          (GDestroyNotify) built_unref);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SmtReportsView          *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_status (self, error != NULL ? error->message : _("The report could not be printed."),
                   TRUE);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      show_status (self, NULL, FALSE);
      log_export (self, g_object_get_data (G_OBJECT (operation), "smt-built"), "print");
      toast (self, _("Sent to the printer"));
    }
}

/* After the view's handler, even when the view is gone. */
static void
on_print_finished (GtkPrintOperation       *operation,
                   GtkPrintOperationResult  result,
                   gpointer                 data)
{
  g_object_unref (operation);
}

static void
action_print (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  SmtReportsView *self = SMT_REPORTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  if (self->built == NULL)
    return;
  operation = print_operation_new (self->built);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  g_signal_connect_after (operation, "done", G_CALLBACK (on_print_finished), NULL);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_status (self, error->message, TRUE);
}

/* ---- for the tests ---------------------------------------------------------------------- */

void
smt_reports_view_select_kind (SmtReportsView *self,
                              SmtReportKind   kind)
{
  g_return_if_fail (SMT_IS_REPORTS_VIEW (self));
  g_return_if_fail (kind < SMT_REPORT_N_KINDS);
  gtk_list_box_select_row (self->kind_list, gtk_list_box_get_row_at_index (self->kind_list, kind));
}

SmtReportKind
smt_reports_view_get_kind (SmtReportsView *self)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), SMT_REPORT_ANNEX);
  return current_kind (self);
}

gboolean
smt_reports_view_set_period (SmtReportsView *self,
                             const char     *code)
{
  g_autoptr(SmtPeriod) period = NULL;

  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), FALSE);
  if ((period = smt_period_parse (code, NULL)) == NULL)
    return FALSE;
  smt_period_picker_set_period (self->period_picker, period);
  schedule_build (self);
  return TRUE;
}

gboolean
smt_reports_view_set_resolution (SmtReportsView *self,
                                 gint64          resolution_id)
{
  guint i;

  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), FALSE);
  i = find_id (self->resolutions, G_STRUCT_OFFSET (SmtResolutionRow, id), resolution_id);
  gtk_drop_down_set_selected (self->resolution_dropdown, i);
  return i != GTK_INVALID_LIST_POSITION || resolution_id == 0;
}

gboolean
smt_reports_view_set_organisation (SmtReportsView *self,
                                   gint64          organisation_id)
{
  guint i;

  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), FALSE);
  if (organisation_id == 0)
    {
      gtk_drop_down_set_selected (self->organisation_dropdown, 0);
      return TRUE;
    }
  i = find_id (self->organisations, G_STRUCT_OFFSET (SmtOrganisationInfo, id), organisation_id);
  if (i == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->organisation_dropdown, i + 1);
  return TRUE;
}

void
smt_reports_view_set_year (SmtReportsView *self,
                           int             year)
{
  g_return_if_fail (SMT_IS_REPORTS_VIEW (self));
  gtk_spin_button_set_value (self->rating_year_spin, year);
}

gboolean
smt_reports_view_set_branch (SmtReportsView *self,
                             gint64          branch_id)
{
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 organisation_id = 0;
  guint i;

  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), FALSE);
  if (self->reg == NULL || (branches = smt_branches_list (self->reg, 0, NULL, &error)) == NULL)
    return FALSE;
  for (i = 0; i < branches->len; i++)
    if (((SmtBranchInfo *) g_ptr_array_index (branches, i))->id == branch_id)
      organisation_id = ((SmtBranchInfo *) g_ptr_array_index (branches, i))->organisation_id;
  i = find_id (self->organisations, G_STRUCT_OFFSET (SmtOrganisationInfo, id), organisation_id);
  if (i == GTK_INVALID_LIST_POSITION)
    return FALSE;
  self->filling++;
  gtk_drop_down_set_selected (self->branch_organisation_dropdown, i);
  self->filling--;
  if (!load_branches (self, branch_id, &error))
    return FALSE;
  schedule_build (self);
  return current_branch (self) == branch_id;
}

void
smt_reports_view_set_show_personal (SmtReportsView *self,
                                    gboolean        show)
{
  g_return_if_fail (SMT_IS_REPORTS_VIEW (self));
  gtk_check_button_set_active (self->personal_check, show);
}

gboolean
smt_reports_view_build (SmtReportsView *self)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), FALSE);
  return build_now (self);
}

const SmtReport *
smt_reports_view_get_report (SmtReportsView *self)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), NULL);
  return self->built != NULL ? self->built->report : NULL;
}

guint
smt_reports_view_get_n_pages (SmtReportsView *self)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), 0);
  return self->built != NULL ? smt_report_layout_get_n_pages (self->built->layout) : 0;
}

guint
smt_reports_view_get_page (SmtReportsView *self)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), 0);
  return self->page;
}

void
smt_reports_view_set_page (SmtReportsView *self,
                           guint           page)
{
  g_return_if_fail (SMT_IS_REPORTS_VIEW (self));
  go_to_page (self, (int) page - (int) self->page);
}

GtkWidget *
smt_reports_view_get_preview (SmtReportsView *self)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), NULL);
  return GTK_WIDGET (self->preview);
}

void
smt_reports_view_get_paper_rect (SmtReportsView *self,
                                 double         *x,
                                 double         *y,
                                 double         *width,
                                 double         *height)
{
  double scale;

  g_return_if_fail (SMT_IS_REPORTS_VIEW (self));
  paper_rect (self, gtk_widget_get_width (GTK_WIDGET (self->preview)), x, y, width, height,
              &scale);
}

gboolean
smt_reports_view_export (SmtReportsView  *self,
                         const char      *path,
                         GError         **error)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), FALSE);
  if (self->build_source != 0)
    build_now (self);
  if (self->built == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           self->error != NULL ? self->error : _("No report to save."));
      return FALSE;
    }
  return export_built (self, self->built, path, error);
}

gboolean
smt_reports_view_print_to_file (SmtReportsView  *self,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), FALSE);
  if (self->build_source != 0)
    build_now (self);
  if (self->built == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           self->error != NULL ? self->error : _("No report to print."));
      return FALSE;
    }
  operation = print_operation_new (self->built);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      show_status (self, (*error)->message, TRUE);
      return FALSE;
    }
  log_export (self, self->built, path);
  return TRUE;
}

const char *
smt_reports_view_get_error (SmtReportsView *self)
{
  g_return_val_if_fail (SMT_IS_REPORTS_VIEW (self), NULL);
  return self->error;
}

/* ---- the register ------------------------------------------------------------------------ */

static gboolean
smt_reports_view_view_refresh (SmtView      *view,
                               SmtRegister  *reg,
                               GError      **error)
{
  SmtReportsView *self = SMT_REPORTS_VIEW (view);
  gboolean same = reg != NULL && reg == self->reg;

  if (!same)
    {
      g_clear_object (&self->reg);
      self->reg = reg != NULL ? g_object_ref (reg) : NULL;
    }
  if (self->reg == NULL)
    {
      build_now (self);
      return TRUE;
    }
  if (!load_lists (self, same, error))
    return FALSE;
  if (!same)
    {
      const char *today = smt_register_get_today (self->reg);
      g_autoptr(SmtPeriod) period = smt_period_last_complete_quarter (today);
      g_autofree char *shown = smt_date_to_display (today);

      smt_period_picker_set_period (self->period_picker, period);
      self->filling++;
      gtk_spin_button_set_value (self->rating_year_spin,
                                 g_ascii_strtoll (today, NULL, 10) - 1);
      gtk_editable_set_text (GTK_EDITABLE (self->signed_entry), shown);
      self->filling--;
    }
  schedule_build (self);
  return TRUE;
}

static void
smt_reports_view_view_init (SmtViewInterface *iface)
{
  iface->refresh = smt_reports_view_view_refresh;
}

/* ---- life ---------------------------------------------------------------------------- */

static void
smt_reports_view_dispose (GObject *object)
{
  SmtReportsView *self = SMT_REPORTS_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->build_source, g_source_remove);
  self->filling++;  /* no build while the children go */
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_REPORTS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->built, built_unref);
  g_clear_object (&self->reg);
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->all_organisations, g_ptr_array_unref);
  g_clear_pointer (&self->branches, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (smt_reports_view_parent_class)->dispose (object);
}

static void
smt_reports_view_class_init (SmtReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_reports_view_dispose;

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, kind_list);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, period_box);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, period_picker);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, resolution_box);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, resolution_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, report_number_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, report_date_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, organisation_box);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, rating_year_box);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, rating_year_spin);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, branch_box);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView,
                                        branch_organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, personal_check);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, personal_note);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, signed_entry);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, page_box);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, page_label);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, SmtReportsView, preview);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_param_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_organisation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_personal_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_resize);

  gtk_widget_class_install_action (widget_class, "reports.export-xlsx", NULL, action_export_xlsx);
  gtk_widget_class_install_action (widget_class, "reports.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "reports.save-pdf", NULL, action_save_pdf);
  gtk_widget_class_install_action (widget_class, "reports.previous-page", NULL,
                                   action_previous_page);
  gtk_widget_class_install_action (widget_class, "reports.next-page", NULL, action_next_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "reports.export-xlsx", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "reports.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reports.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reports.save-pdf", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
smt_reports_view_init (SmtReportsView *self)
{
  g_type_ensure (SMT_TYPE_PERIOD_PICKER);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  add_page_keys (self);
  set_name_factories (self->resolution_dropdown);
  set_name_factories (self->organisation_dropdown);
  set_name_factories (self->branch_organisation_dropdown);
  set_name_factories (self->branch_dropdown);
  self->filling++;
  fill_kinds (self);
  show_parameters (self);
  self->filling--;
  update_pages (self);
}

GtkWidget *
smt_reports_view_new (void)
{
  return g_object_new (SMT_TYPE_REPORTS_VIEW, NULL);
}
