/* smt-indicator-value-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <glib/gi18n.h>

#include "core/activity/smt-settings-query.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-indicator-value-query.h"
#include "core/targets/smt-targets.h"
#include "core/targets/smt-typed-figure.h"

#include "gui/base/smt-gui.h"
#include "smt-indicator-value-dialog.h"

struct _SmtIndicatorValueDialog
{
  AdwWindow               parent_instance;

  /* template widgets */
  AdwWindowTitle         *window_title;
  GtkLabel               *error_label;
  AdwPreferencesGroup    *group;
  AdwComboRow            *organisation_row;
  AdwEntryRow            *value_row;
  AdwEntryRow            *note_row;
  GtkLabel               *history_label;

  /* owned */
  SmtRegister            *reg;
  const SmtIndicatorInfo *info;
  SmtPeriod              *period;
  char                   *error;
  double                  previous;   /* the current value, NAN when none */
  GPtrArray              *organisations;  /* SmtOrganisationInfo, rows 1… of
                                           * organisation_row (0: the commune) */
  char                   *code;       /* as typed: "budget" or "budget:PN" */
};

G_DEFINE_FINAL_TYPE (SmtIndicatorValueDialog, smt_indicator_value_dialog, ADW_TYPE_WINDOW)

enum
{
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_organisation_changed (SmtIndicatorValueDialog *self,
                                     GParamSpec              *pspec,
                                     AdwComboRow             *row);

static void
show_error (SmtIndicatorValueDialog *self,
            const char              *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_row), "error");
}

void
smt_indicator_value_dialog_set_values (SmtIndicatorValueDialog *self,
                                       const char              *value,
                                       const char              *note)
{
  g_return_if_fail (SMT_IS_INDICATOR_VALUE_DIALOG (self));
  if (value != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  if (note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), note);
}

gboolean
smt_indicator_value_dialog_save (SmtIndicatorValueDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *period = NULL;
  const char *text;
  double value;
  gint64 key;

  g_return_val_if_fail (SMT_IS_INDICATOR_VALUE_DIALOG (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->value_row));
  if (!smt_settings_parse_number (text, &value))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a number. Enter a number, for example 12 or 3,5."), text);

      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
      return FALSE;
    }
  period = smt_period_to_code (self->period);
  key = smt_indicator_value_set (self->reg, self->code, period, value,
                                 gtk_editable_get_text (GTK_EDITABLE (self->note_row)), &error);
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("The value was not saved."));
      return FALSE;
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key, self->previous);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
smt_indicator_value_dialog_get_error (SmtIndicatorValueDialog *self)
{
  g_return_val_if_fail (SMT_IS_INDICATOR_VALUE_DIALOG (self), NULL);
  return self->error;
}

static void
on_save_clicked (SmtIndicatorValueDialog *self,
                 GtkButton               *button)
{
  smt_indicator_value_dialog_save (self);
}

static void
smt_indicator_value_dialog_dispose (GObject *object)
{
  SmtIndicatorValueDialog *self = SMT_INDICATOR_VALUE_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->period, smt_period_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_INDICATOR_VALUE_DIALOG);

  G_OBJECT_CLASS (smt_indicator_value_dialog_parent_class)->dispose (object);
}

static void
smt_indicator_value_dialog_class_init (SmtIndicatorValueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_indicator_value_dialog_dispose;

  /**
   * SmtIndicatorValueDialog::recorded:
   * @key: the key of the value typed
   * @previous: the value it superseded, NAN when none
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                    G_TYPE_DOUBLE);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-indicator-value-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorValueDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorValueDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorValueDialog, group);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorValueDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorValueDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorValueDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SmtIndicatorValueDialog, history_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_organisation_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_indicator_value_dialog_init (SmtIndicatorValueDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->previous = NAN;
}

/* The day a value was typed, on this computer's clock: "23/11/2026". */
static char *
entered_day (const char *entered_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;

  if (entered_at == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (entered_at, NULL);
  if (utc == NULL)
    {
      iso = g_strndup (entered_at, 10);
      return smt_date_to_display (iso);
    }
  local = g_date_time_to_local (utc);
  iso = g_date_time_format (local, "%Y-%m-%d");
  return smt_date_to_display (iso);
}

/* The values typed for the period and the organisation chosen (or the
 * commune), the current one in the fields; when none is typed for
 * exactly the period, what the period reads from the values typed inside
 * it (smt-typed-figure.h). */
static void
load_history (SmtIndicatorValueDialog *self)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(SmtTypedFigure) figure = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint selected = adw_combo_row_get_selected (self->organisation_row);
  const SmtOrganisationInfo *org = NULL;

  if (self->organisations != NULL && selected >= 1 && selected <= self->organisations->len)
    org = g_ptr_array_index (self->organisations, selected - 1);
  g_free (self->code);
  self->code = org != NULL ? g_strdup_printf ("%s:%s", self->info->code, org->code)
                           : g_strdup (self->info->code);
  self->previous = NAN;
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");

  history = smt_indicator_value_history (self->reg, self->code, self->period, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      const SmtIndicatorValueRow *row = g_ptr_array_index (history, i);
      g_autofree char *value = smt_format_decimal (row->value, 6);
      g_autofree char *day = entered_day (row->entered_at);
      if (row->current)
        {
          self->previous = row->value;
          gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
          gtk_editable_set_text (GTK_EDITABLE (self->note_row), row->note);
          /* Translators: "Giá trị hiện tại: 12 (nhập 20/11/2026)" */
          g_string_append_printf (text, _("Current value: %s (typed %s)"), value,
                                  day != NULL ? day : "");
        }
      else
        {
          g_string_append_c (text, '\n');
          /* Translators: "Giá trị trước đó: 10 (nhập 01/10/2026) — theo sổ tay" */
          g_string_append_printf (text, _("Earlier value: %s (typed %s)"), value,
                                  day != NULL ? day : "");
          if (row->note != NULL && *row->note != '\0')
            g_string_append_printf (text, " — %s", row->note);
        }
    }
  if (text->len == 0)
    {
      g_string_append (text, _("No value has been typed for this period yet."));
      figure = smt_typed_figure_get (self->reg, self->info, org != NULL ? org->id : 0,
                                     self->period, NULL);
      if (figure != NULL && figure->defined)
        {
          g_autofree char *value = smt_format_decimal (figure->value, 6);

          g_string_append_c (text, '\n');
          /* Translators: what a period reads from the values typed inside it */
          g_string_append_printf (text, _("The period reads %s from the values typed inside it:"),
                                  value);
          for (guint i = 0; figure->notes != NULL && i < figure->notes->len; i++)
            g_string_append_printf (text, "\n%s", (char *) g_ptr_array_index (figure->notes, i));
          g_string_append_c (text, '\n');
          g_string_append (text, _("A value typed here replaces them for this period."));
        }
    }
  else
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("A new value supersedes the current one, which stays in "
                               "history."));
    }
  gtk_label_set_text (self->history_label, text->str);
}

static void
on_organisation_changed (SmtIndicatorValueDialog *self,
                         GParamSpec              *pspec,
                         AdwComboRow             *row)
{
  if (self->info != NULL)
    load_history (self);
}

SmtIndicatorValueDialog *
smt_indicator_value_dialog_new (GtkWindow              *parent,
                                SmtRegister            *reg,
                                const SmtIndicatorInfo *info,
                                const SmtPeriod        *period)
{
  SmtIndicatorValueDialog *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (info != NULL && period != NULL, NULL);

  self = g_object_new (SMT_TYPE_INDICATOR_VALUE_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->period = smt_period_copy (period);
  label = smt_period_to_label (period);
  adw_window_title_set_subtitle (self->window_title, label);
  adw_preferences_group_set_title (self->group, smt_indicator_info_get_name (info));
  adw_preferences_group_set_description (self->group, label);
  if (info->per_organisation)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      /* The whole commune: the Front and the organisations together. */
      gtk_string_list_append (names, _("The whole commune (Mặt trận and the organisations)"));
      self->organisations = smt_organisations_list (reg, NULL);
      for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
        gtk_string_list_append (names,
                                ((SmtOrganisationInfo *) g_ptr_array_index (self->organisations,
                                                                            i))->short_name);
      adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->organisation_row, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->organisation_row), TRUE);
    }
  self->info = info;
  load_history (self);
  return self;
}

void
smt_indicator_value_dialog_set_organisation (SmtIndicatorValueDialog *self,
                                             const char              *code)
{
  g_return_if_fail (SMT_IS_INDICATOR_VALUE_DIALOG (self));

  if (code == NULL)
    {
      adw_combo_row_set_selected (self->organisation_row, 0);
      return;
    }
  for (guint i = 0; self->organisations != NULL && i < self->organisations->len; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (self->organisations, i))->code,
                   code) == 0)
      {
        adw_combo_row_set_selected (self->organisation_row, i + 1);
        return;
      }
  g_return_if_reached ();
}

const char *
smt_indicator_value_dialog_get_code (SmtIndicatorValueDialog *self)
{
  g_return_val_if_fail (SMT_IS_INDICATOR_VALUE_DIALOG (self), NULL);
  return self->code;
}

const char *
smt_indicator_value_dialog_get_history (SmtIndicatorValueDialog *self)
{
  g_return_val_if_fail (SMT_IS_INDICATOR_VALUE_DIALOG (self), NULL);
  return gtk_label_get_text (self->history_label);
}
