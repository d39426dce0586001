/* smt-trait-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/register/smt-date.h"

#include "gui/base/smt-gui.h"
#include "smt-trait-dialog.h"

struct _SmtTraitDialog
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkButton          *save_button;
  AdwPreferencesGroup *group;
  AdwComboRow        *trait_row;
  AdwEntryRow        *from_row;
  AdwEntryRow        *to_row;
  AdwEntryRow        *reason_row;
  GtkLabel           *error_label;

  /* owned */
  SmtRegister        *reg;
  SmtTraitDialogMode  mode;
  gint64              person_id;
  gint64              record_id;   /* END, VOID: the record concerned */
  GPtrArray          *traits;      /* SmtTraitInfo, the rows of trait_row */
};

G_DEFINE_FINAL_TYPE (SmtTraitDialog, smt_trait_dialog, ADW_TYPE_WINDOW)

enum
{
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (SmtTraitDialog *self,
            const char     *message,
            AdwEntryRow    *row)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A date typed in row into *iso: NULL when empty; FALSE after a message
 * when it is not a date. */
static gboolean
read_date (SmtTraitDialog  *self,
           AdwEntryRow     *row,
           char           **iso)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *iso = NULL;
  if (text[0] == '\0')
    return TRUE;
  if ((*iso = smt_date_parse (text)) == NULL)
    {
      show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                          "05/02/2026."), row);
      return FALSE;
    }
  return TRUE;
}

gboolean
smt_trait_dialog_save (SmtTraitDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *reason;
  gint64 key = 0;

  g_return_val_if_fail (SMT_IS_TRAIT_DIALOG (self), FALSE);

  reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  switch (self->mode)
    {
    case SMT_TRAIT_DIALOG_ADD:
      {
        guint selected = adw_combo_row_get_selected (self->trait_row);

        if (selected >= self->traits->len)
          {
            show_error (self, _("Choose the trait."), NULL);
            return FALSE;
          }
        if (!read_date (self, self->from_row, &from) || !read_date (self, self->to_row, &to))
          return FALSE;
        key = smt_person_trait_add (self->reg, self->person_id,
                                    ((SmtTraitInfo *) g_ptr_array_index (self->traits,
                                                                         selected))->id,
                                    from, to, reason, &error);
        break;
      }
    case SMT_TRAIT_DIALOG_END:
      if (!read_date (self, self->to_row, &to))
        return FALSE;
      if (to == NULL)
        {
          show_error (self, _("Type the last day the person had the trait."), self->to_row);
          return FALSE;
        }
      key = smt_person_trait_end (self->reg, self->record_id, to, reason, &error);
      break;
    case SMT_TRAIT_DIALOG_VOID:
    default:
      if (reason[0] == '\0')
        {
          show_error (self, _("Write why the record was wrong: the reason is kept with it."),
                      self->reason_row);
          return FALSE;
        }
      key = smt_person_trait_void (self->reg, self->record_id, reason, &error);
      break;
    }
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("The change was not recorded."),
                  NULL);
      return FALSE;
    }
  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
smt_trait_dialog_get_error (SmtTraitDialog *self)
{
  g_return_val_if_fail (SMT_IS_TRAIT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
smt_trait_dialog_set_text (SmtTraitDialog *self,
                           const char     *field,
                           const char     *text)
{
  g_return_if_fail (SMT_IS_TRAIT_DIALOG (self));

  if (g_strcmp0 (field, "trait") == 0)
    {
      for (guint i = 0; i < self->traits->len; i++)
        if (g_ascii_strcasecmp (((SmtTraitInfo *) g_ptr_array_index (self->traits, i))->code,
                                text) == 0)
          {
            adw_combo_row_set_selected (self->trait_row, i);
            return;
          }
      g_return_if_reached ();
    }
  else if (g_strcmp0 (field, "from") == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->from_row), text);
  else if (g_strcmp0 (field, "to") == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), text);
  else if (g_strcmp0 (field, "reason") == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
  else
    g_return_if_reached ();
}

/* Typing again hides a message about the last try. */
static void
on_field_changed (SmtTraitDialog *self,
                  GtkEditable    *editable)
{
  show_error (self, NULL, NULL);
}

static void
on_save_clicked (SmtTraitDialog *self,
                 GtkButton      *button)
{
  smt_trait_dialog_save (self);
}

static void
smt_trait_dialog_dispose (GObject *object)
{
  SmtTraitDialog *self = SMT_TRAIT_DIALOG (object);

  g_clear_object (&self->reg);
  g_clear_pointer (&self->traits, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_TRAIT_DIALOG);

  G_OBJECT_CLASS (smt_trait_dialog_parent_class)->dispose (object);
}

static void
smt_trait_dialog_class_init (SmtTraitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_trait_dialog_dispose;

  /**
   * SmtTraitDialog::recorded:
   * @key: the key of the new record (a record, its end, or its void)
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-trait-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, group);
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, trait_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtTraitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_trait_dialog_init (SmtTraitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmtTraitDialog *
smt_trait_dialog_new (GtkWindow               *parent,
                      SmtRegister             *reg,
                      SmtTraitDialogMode       mode,
                      gint64                   person_id,
                      const char              *person_name,
                      const SmtPersonTraitRow *record)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SmtTraitDialog *self;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail ((mode == SMT_TRAIT_DIALOG_ADD) == (record == NULL), NULL);

  self = g_object_new (SMT_TYPE_TRAIT_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  self->mode = mode;
  self->person_id = person_id;
  self->traits = smt_traits_list (reg, NULL);
  if (self->traits == NULL)
    self->traits = g_ptr_array_new ();
  for (guint i = 0; i < self->traits->len; i++)
    gtk_string_list_append (names, ((SmtTraitInfo *) g_ptr_array_index (self->traits, i))->name);
  adw_combo_row_set_model (self->trait_row, G_LIST_MODEL (names));
  adw_window_title_set_subtitle (self->window_title, person_name);

  if (mode == SMT_TRAIT_DIALOG_ADD)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Record a Trait"));
      adw_window_title_set_title (self->window_title, _("Record a Trait"));
      adw_preferences_group_set_description (self->group,
          _("What makes the person eligible for an organisation beyond age and sex."));
    }
  else
    {
      g_autofree char *text = smt_person_trait_describe (record);

      self->record_id = record->id;
      gtk_widget_set_visible (GTK_WIDGET (self->trait_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->from_row), FALSE);
      adw_preferences_group_set_title (self->group, text);
      if (mode == SMT_TRAIT_DIALOG_END)
        {
          g_autofree char *today = smt_date_to_display (smt_register_get_today (reg));

          gtk_window_set_title (GTK_WINDOW (self), _("End a Trait"));
          adw_window_title_set_title (self->window_title, _("End a Trait"));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->to_row),
                                         _("Last day the person had it"));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                         _("Why it ended (retired, left the job…)"));
          gtk_editable_set_text (GTK_EDITABLE (self->to_row), today);
        }
      else
        {
          gtk_window_set_title (GTK_WINDOW (self), _("Void a Trait"));
          adw_window_title_set_title (self->window_title, _("Void a Trait"));
          gtk_widget_set_visible (GTK_WIDGET (self->to_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                         _("Why the record was wrong"));
          adw_preferences_group_set_description (self->group,
              _("The record stays in the history, marked void."));
        }
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  return self;
}
