/* smt-target-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-scope.h"
#include "core/targets/smt-targets.h"

#include "gui/base/smt-gui.h"
#include "smt-target-dialog.h"

struct _SmtTargetDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  AdwComboRow    *indicator_row;
  AdwComboRow    *organisation_row;
  AdwComboRow    *scope_row;
  AdwEntryRow    *label_row;
  AdwEntryRow    *position_row;
  AdwComboRow    *comparator_row;
  AdwEntryRow    *target_row;
  AdwEntryRow    *baseline_row;
  AdwEntryRow    *baseline_date_row;
  AdwEntryRow    *deadline_row;
  GtkLabel       *error_label;

  SmtRegister    *reg;
  gint64          resolution_id;
  const SmtIndicatorInfo *indicators;  /* the catalogue, in the annex's order */
  guint           n_indicators;
  GPtrArray      *organisations;       /* SmtOrganisationInfo; row 0 is "all" */
  GPtrArray      *scopes;              /* char *: the scope of each item of scope_row;
                                        * NULL for the indicator's own */
  char           *auto_label;          /* the wording filled in from the indicator */
};

G_DEFINE_FINAL_TYPE (SmtTargetDialog, smt_target_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SmtTargetDialog *self,
            const char      *message,
            AdwEntryRow     *row)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static const SmtIndicatorInfo *
selected_indicator (SmtTargetDialog *self)
{
  guint i = adw_combo_row_get_selected (self->indicator_row);

  return i < self->n_indicators ? &self->indicators[i] : NULL;
}

/* "gathering_rate" or "gathering_rate:PN", as chosen. */
static char *
selected_code (SmtTargetDialog *self)
{
  const SmtIndicatorInfo *info = selected_indicator (self);
  guint o = adw_combo_row_get_selected (self->organisation_row);

  if (info == NULL)
    return NULL;
  if (info->per_organisation && o > 0 && self->organisations != NULL
      && o <= self->organisations->len)
    return g_strconcat (info->code, ":",
                        ((SmtOrganisationInfo *) g_ptr_array_index (self->organisations,
                                                                    o - 1))->code, NULL);
  return g_strdup (info->code);
}

/* The choices of organisations counted: the indicator's own, the usual
 * ones, and the target's when it is none of them. Typed values have none. */
static const char *const usual_scopes[] = {
  "socio_political", "socio_political,mass", "front,socio_political",
  "front,socio_political,mass", "mass",
};

static void
fill_scopes (SmtTargetDialog *self,
             const char      *current)
{
  const SmtIndicatorInfo *info = selected_indicator (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->scopes, g_ptr_array_unref);
  self->scopes = g_ptr_array_new_with_free_func (g_free);
  /* One organisation chosen (gathering_rate:PN): that one is counted. */
  gtk_widget_set_visible (GTK_WIDGET (self->scope_row),
                          info != NULL && info->source == SMT_INDICATOR_COMPUTED
                          && !(info->per_organisation
                               && adw_combo_row_get_selected (self->organisation_row) > 0));
  if (info == NULL || info->source != SMT_INDICATOR_COMPUTED)
    {
      adw_combo_row_set_model (self->scope_row, NULL);
      return;
    }
  {
    g_autoptr(SmtScope) own = smt_scope_new (self->reg, info->scope, NULL);
    g_autofree char *words = own != NULL ? smt_scope_describe (own) : g_strdup (info->scope);
    /* Translators: the indicator's default scope: "Theo chỉ tiêu: các đoàn
     * thể chính trị - xã hội (…)" */
    g_autofree char *text = g_strdup_printf (_("As the indicator: %s"), words);

    gtk_string_list_append (names, text);
    g_ptr_array_add (self->scopes, NULL);
  }
  for (guint i = 0; i <= G_N_ELEMENTS (usual_scopes); i++)
    {
      const char *text = i < G_N_ELEMENTS (usual_scopes) ? usual_scopes[i] : current;
      g_autoptr(SmtScope) scope = NULL;
      g_autofree char *words = NULL;
      gboolean seen = FALSE;

      if (text == NULL || (scope = smt_scope_new (self->reg, text, NULL)) == NULL)
        continue;
      for (guint k = 1; k < self->scopes->len && !seen; k++)
        seen = g_strcmp0 (g_ptr_array_index (self->scopes, k), scope->text) == 0;
      if (current != NULL && g_strcmp0 (scope->text, current) == 0)
        selected = seen ? selected : self->scopes->len;
      if (seen)
        continue;
      words = smt_scope_describe (scope);
      words[0] = g_ascii_toupper (words[0]);
      gtk_string_list_append (names, words);
      g_ptr_array_add (self->scopes, g_strdup (scope->text));
    }
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->scope_row, selected);
}

static void
on_organisation_changed (SmtTargetDialog *self,
                         GParamSpec      *pspec,
                         AdwComboRow     *row)
{
  const SmtIndicatorInfo *info = selected_indicator (self);

  gtk_widget_set_visible (GTK_WIDGET (self->scope_row),
                          info != NULL && info->source == SMT_INDICATOR_COMPUTED
                          && !(info->per_organisation
                               && adw_combo_row_get_selected (self->organisation_row) > 0));
}

static const char *
selected_scope (SmtTargetDialog *self)
{
  guint i = adw_combo_row_get_selected (self->scope_row);

  if (self->scopes == NULL || i >= self->scopes->len
      || !gtk_widget_get_visible (GTK_WIDGET (self->scope_row)))
    return NULL;
  return g_ptr_array_index (self->scopes, i);
}

static void
on_indicator_changed (SmtTargetDialog *self,
                      GParamSpec      *pspec,
                      AdwComboRow     *row)
{
  const SmtIndicatorInfo *info = selected_indicator (self);
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));

  gtk_widget_set_visible (GTK_WIDGET (self->organisation_row),
                          info != NULL && info->per_organisation);
  fill_scopes (self, NULL);
  /* The wording follows the indicator until the user types their own. */
  if (info != NULL && (label[0] == '\0' || g_strcmp0 (label, self->auto_label) == 0))
    {
      g_free (self->auto_label);
      self->auto_label = g_strdup (smt_indicator_info_get_name (info));
      gtk_editable_set_text (GTK_EDITABLE (self->label_row), self->auto_label);
    }
  show_error (self, NULL, NULL);
}

/* A number typed in row; empty is allowed when optional (*has FALSE). */
static gboolean
read_number (SmtTargetDialog *self,
             AdwEntryRow     *row,
             gboolean         optional,
             gboolean        *has,
             double          *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *has = FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (optional && *text == '\0')
    return TRUE;
  if (smt_settings_parse_number (text, value))
    {
      *has = TRUE;
      return TRUE;
    }
  show_error (self, _("This is not a number. Type a number, for example 82 or 82,5."), row);
  return FALSE;
}

static gboolean
read_date (SmtTargetDialog  *self,
           AdwEntryRow      *row,
           char            **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *iso = NULL;
  if (text[0] == '\0')
    return TRUE;
  *iso = smt_date_parse (text);
  if (*iso != NULL)
    return TRUE;
  show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                      "05/02/2026."), row);
  return FALSE;
}

gboolean
smt_target_dialog_save (SmtTargetDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *baseline_date = NULL;
  g_autofree char *deadline = NULL;
  SmtTargetFields f = { 0 };
  gboolean has_target, has_position;
  double position = 0;
  gint64 key;

  g_return_val_if_fail (SMT_IS_TARGET_DIALOG (self), FALSE);

  code = selected_code (self);
  if (code == NULL)
    {
      show_error (self, _("Choose the indicator."), NULL);
      return FALSE;
    }
  if (!read_number (self, self->target_row, FALSE, &has_target, &f.target)
      || !read_number (self, self->baseline_row, TRUE, &f.has_baseline, &f.baseline)
      || !read_number (self, self->position_row, TRUE, &has_position, &position)
      || !read_date (self, self->baseline_date_row, &baseline_date)
      || !read_date (self, self->deadline_row, &deadline))
    return FALSE;
  f.resolution_id = self->resolution_id;
  f.indicator_code = code;
  f.position = has_position ? (int) position : 1;
  f.label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));
  f.baseline_date = baseline_date;
  f.deadline = deadline;
  f.at_most = adw_combo_row_get_selected (self->comparator_row) == 1;
  f.scope = selected_scope (self);
  key = smt_target_set (self->reg, &f, &error);
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("The target was not saved."), NULL);
      return FALSE;
    }
  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtTargetDialog *self,
                 GtkButton       *button)
{
  smt_target_dialog_save (self);
}

static void
smt_target_dialog_dispose (GObject *object)
{
  SmtTargetDialog *self = SMT_TARGET_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->scopes, g_ptr_array_unref);
  g_clear_pointer (&self->auto_label, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_TARGET_DIALOG);

  G_OBJECT_CLASS (smt_target_dialog_parent_class)->dispose (object);
}

static void
smt_target_dialog_class_init (SmtTargetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_target_dialog_dispose;

  /**
   * SmtTargetDialog::recorded:
   * @key: the key of the target
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-target-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, comparator_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, baseline_date_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTargetDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_indicator_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_target_dialog_init (SmtTargetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_number (AdwEntryRow *row,
            double       value)
{
  g_autofree char *text = smt_format_decimal (value, 6);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
set_date (AdwEntryRow *row,
          const char  *iso)
{
  g_autofree char *text = iso != NULL ? smt_date_to_display (iso) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

SmtTargetDialog *
smt_target_dialog_new (GtkWindow          *parent,
                       SmtRegister        *reg,
                       gint64              resolution_id,
                       const char         *resolution_number,
                       const SmtTargetRow *existing,
                       guint               n_targets)
{
  SmtTargetDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) orgs = gtk_string_list_new (NULL);
  g_autofree char *position = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  self = g_object_new (SMT_TYPE_TARGET_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->resolution_id = resolution_id;
  adw_window_title_set_subtitle (self->window_title, resolution_number);

  self->indicators = smt_catalogue_get_all (&self->n_indicators);
  for (guint i = 0; i < self->n_indicators; i++)
    gtk_string_list_append (names, smt_indicator_info_get_name (&self->indicators[i]));
  self->organisations = smt_organisations_list (reg, NULL);
  if (self->organisations == NULL)
    self->organisations = g_ptr_array_new ();
  gtk_string_list_append (orgs, _("All organisations together"));
  for (guint i = 0; i < self->organisations->len; i++)
    gtk_string_list_append (orgs, ((SmtOrganisationInfo *)
                                   g_ptr_array_index (self->organisations, i))->name);
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (orgs));
  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (names));
  on_indicator_changed (self, NULL, self->indicator_row);

  position = g_strdup_printf ("%u", n_targets + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->position_row), position);
  if (existing != NULL)
    {
      /* The indicator is the target's key: it stays. */
      smt_target_dialog_set_indicator (self, existing->indicator_code);
      gtk_widget_set_sensitive (GTK_WIDGET (self->indicator_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->organisation_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->label_row), existing->label);
      g_clear_pointer (&position, g_free);
      position = g_strdup_printf ("%d", existing->position);
      gtk_editable_set_text (GTK_EDITABLE (self->position_row), position);
      set_number (self->target_row, existing->target);
      if (existing->has_baseline)
        set_number (self->baseline_row, existing->baseline);
      set_date (self->baseline_date_row, existing->baseline_date);
      set_date (self->deadline_row, existing->deadline);
      adw_combo_row_set_selected (self->comparator_row, existing->at_most ? 1 : 0);
      fill_scopes (self, existing->scope);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}

gboolean
smt_target_dialog_set_indicator (SmtTargetDialog *self,
                                 const char      *code)
{
  g_autofree char *organisation = NULL;
  const SmtIndicatorInfo *info;

  g_return_val_if_fail (SMT_IS_TARGET_DIALOG (self), FALSE);

  info = smt_catalogue_lookup (code, &organisation);
  if (info == NULL)
    return FALSE;
  for (guint i = 0; i < self->n_indicators; i++)
    if (strcmp (self->indicators[i].code, info->code) == 0)
      adw_combo_row_set_selected (self->indicator_row, i);
  adw_combo_row_set_selected (self->organisation_row, 0);
  for (guint i = 0; organisation != NULL && i < self->organisations->len; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->code,
                   organisation) == 0)
      adw_combo_row_set_selected (self->organisation_row, i + 1);
  return TRUE;
}

void
smt_target_dialog_set_values (SmtTargetDialog *self,
                              const char      *label,
                              const char      *target,
                              const char      *baseline,
                              const char      *baseline_date,
                              const char      *deadline)
{
  const char *texts[] = { label, target, baseline, baseline_date, deadline };
  AdwEntryRow *rows[] = { self->label_row, self->target_row, self->baseline_row,
                          self->baseline_date_row, self->deadline_row };

  g_return_if_fail (SMT_IS_TARGET_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (texts[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), texts[i]);
}

void
smt_target_dialog_set_at_most (SmtTargetDialog *self,
                               gboolean         at_most)
{
  g_return_if_fail (SMT_IS_TARGET_DIALOG (self));
  adw_combo_row_set_selected (self->comparator_row, at_most ? 1 : 0);
}

const char *
smt_target_dialog_get_error (SmtTargetDialog *self)
{
  g_return_val_if_fail (SMT_IS_TARGET_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
