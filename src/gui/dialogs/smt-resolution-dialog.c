/* smt-resolution-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n.h>

#include "core/register/smt-date.h"
#include "core/targets/smt-targets.h"

#include "gui/base/smt-gui.h"
#include "smt-resolution-dialog.h"

struct _SmtResolutionDialog
{
  AdwWindow    parent_instance;

  AdwWindowTitle *window_title;
  GtkButton   *save_button;
  AdwEntryRow *number_row;
  AdwEntryRow *title_row;
  AdwEntryRow *issuer_row;
  AdwEntryRow *issued_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  AdwEntryRow *reason_row;
  GtkLabel    *error_label;

  SmtRegister *reg;
  gint64       editing;  /* the resolution corrected, 0 when adding one */
};

G_DEFINE_FINAL_TYPE (SmtResolutionDialog, smt_resolution_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
show_error (SmtResolutionDialog *self,
            const char          *message,
            AdwEntryRow         *row)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A date typed in row, as ISO in *iso; empty gives NULL when optional. */
static gboolean
read_date (SmtResolutionDialog  *self,
           AdwEntryRow          *row,
           gboolean              optional,
           char                **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *iso = NULL;
  if (optional && text[0] == '\0')
    return TRUE;
  *iso = smt_date_parse (text);
  if (*iso != NULL)
    return TRUE;
  show_error (self, _("The date is not a date. Type it as day/month/year, for example "
                      "05/02/2026."), row);
  return FALSE;
}

gboolean
smt_resolution_dialog_save (SmtResolutionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *issued = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 key;

  g_return_val_if_fail (SMT_IS_RESOLUTION_DIALOG (self), FALSE);

  if (!read_date (self, self->issued_row, FALSE, &issued)
      || !read_date (self, self->from_row, TRUE, &from)
      || !read_date (self, self->to_row, TRUE, &to))
    return FALSE;
  if (self->editing != 0)
    key = smt_resolution_update (self->reg, self->editing,
                                 gtk_editable_get_text (GTK_EDITABLE (self->number_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)),
                                 issued, from, to,
                                 gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                 &error) ? self->editing : 0;
  else
    key = smt_resolution_add (self->reg, gtk_editable_get_text (GTK_EDITABLE (self->number_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)),
                              issued, from, to, &error);
  if (key == 0)
    {
      show_error (self, error != NULL ? error->message : _("The resolution was not added."),
                  NULL);
      return FALSE;
    }
  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[RECORDED], 0, key);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (SmtResolutionDialog *self,
                 GtkButton           *button)
{
  smt_resolution_dialog_save (self);
}

static void
smt_resolution_dialog_dispose (GObject *object)
{
  SmtResolutionDialog *self = SMT_RESOLUTION_DIALOG (object);

  g_clear_object (&self->reg);
  gtk_widget_dispose_template (GTK_WIDGET (self), SMT_TYPE_RESOLUTION_DIALOG);

  G_OBJECT_CLASS (smt_resolution_dialog_parent_class)->dispose (object);
}

static void
smt_resolution_dialog_class_init (SmtResolutionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_resolution_dialog_dispose;

  /**
   * SmtResolutionDialog::recorded:
   * @key: the key of the new resolution
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-resolution-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, issued_row);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, SmtResolutionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_resolution_dialog_init (SmtResolutionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SmtResolutionDialog *
smt_resolution_dialog_new (GtkWindow   *parent,
                           SmtRegister *reg)
{
  SmtResolutionDialog *self;
  g_autofree char *today = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  self = g_object_new (SMT_TYPE_RESOLUTION_DIALOG, "transient-for", parent, NULL);
  self->reg = g_object_ref (reg);
  today = smt_date_to_display (smt_register_get_today (reg));
  gtk_editable_set_text (GTK_EDITABLE (self->issued_row), today);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->number_row));
  return self;
}

SmtResolutionDialog *
smt_resolution_dialog_new_edit (GtkWindow              *parent,
                                SmtRegister            *reg,
                                const SmtResolutionRow *resolution)
{
  SmtResolutionDialog *self;
  g_autofree char *issued = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (resolution != NULL, NULL);

  self = smt_resolution_dialog_new (parent, reg);
  self->editing = resolution->id;
  gtk_window_set_title (GTK_WINDOW (self), _("Correct a Resolution"));
  adw_window_title_set_title (self->window_title, _("Correct a Resolution"));
  adw_window_title_set_subtitle (self->window_title, resolution->number);
  gtk_button_set_label (self->save_button, _("_Save"));
  issued = smt_date_to_display (resolution->issued_on);
  from = resolution->term_from ? smt_date_to_display (resolution->term_from) : g_strdup ("");
  to = resolution->term_to ? smt_date_to_display (resolution->term_to) : g_strdup ("");
  smt_resolution_dialog_set_fields (self, resolution->number, resolution->title,
                                    resolution->issuer, issued, from, to);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), TRUE);
  return self;
}

void
smt_resolution_dialog_set_reason (SmtResolutionDialog *self,
                                  const char          *text)
{
  g_return_if_fail (SMT_IS_RESOLUTION_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), text);
}

void
smt_resolution_dialog_set_fields (SmtResolutionDialog *self,
                                  const char          *number,
                                  const char          *title,
                                  const char          *issuer,
                                  const char          *issued_on,
                                  const char          *term_from,
                                  const char          *term_to)
{
  const char *texts[] = { number, title, issuer, issued_on, term_from, term_to };
  AdwEntryRow *rows[] = { self->number_row, self->title_row, self->issuer_row,
                          self->issued_row, self->from_row, self->to_row };

  g_return_if_fail (SMT_IS_RESOLUTION_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (texts[i] != NULL)
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), texts[i]);
}

const char *
smt_resolution_dialog_get_error (SmtResolutionDialog *self)
{
  g_return_val_if_fail (SMT_IS_RESOLUTION_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
