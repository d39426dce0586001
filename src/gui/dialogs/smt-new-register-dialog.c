/* smt-new-register-dialog.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "core/register/smt-register.h"
#include "core/register/smt-text.h"
#include "core/setup/smt-setup.h"

#include "gui/base/smt-gui.h"
#include "smt-new-register-dialog.h"

struct _SmtNewRegisterDialog
{
  AdwWindow     parent_instance;

  AdwComboRow  *kind_row;
  AdwEntryRow  *name_row;
  AdwEntryRow  *province_row;
  AdwEntryRow  *place_row;
  AdwActionRow *file_row;
  GtkLabel     *error_label;

  char         *path;
  gboolean      path_chosen;  /* by the user: no longer follows the name */
};

G_DEFINE_FINAL_TYPE (SmtNewRegisterDialog, smt_new_register_dialog, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The words of the schema (commune.kind), shown as they are. */
static const char *const kinds[] = { "xã", "phường", "đặc khu", NULL };

static void
set_path (SmtNewRegisterDialog *self,
          const char           *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_free (self->path);
  self->path = g_strdup (path);
  adw_action_row_set_subtitle (self->file_row, display);
}

/* "xa-hoa-dien.smt" in the documents folder, numbered when taken. */
static void
suggest_path (SmtNewRegisterDialog *self)
{
  const char *folder = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *words = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) base = g_string_new (NULL);

  if (folder == NULL || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    folder = g_get_home_dir ();
  words = g_strdup_printf ("%s %s", kinds[MIN (kind, 2)], name);
  folded = smt_text_fold (words);
  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *file = n == 1 ? g_strdup_printf ("%s.smt", base->str)
                                     : g_strdup_printf ("%s-%u.smt", base->str, n);
      g_autofree char *path = g_build_filename (folder, file, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) || n == 99)
        {
          set_path (self, path);
          return;
        }
    }
}

static void
on_name_changed (SmtNewRegisterDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!self->path_chosen)
    suggest_path (self);
}

static void
on_save_response (GtkNativeDialog      *native,
                  int                   response,
                  SmtNewRegisterDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, ".smt"))
        {
          char *with = g_strconcat (path, ".smt", NULL);

          g_free (path);
          path = with;
        }
      self->path_chosen = TRUE;
      set_path (self, path);
    }
  g_object_unref (native);
}

static void
on_choose_clicked (SmtNewRegisterDialog *self)
{
  GtkFileChooserNative *native;
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  native = gtk_file_chooser_native_new (_("Save the New Register As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), base);
  g_signal_connect_object (native, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
show_error (SmtNewRegisterDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_create_clicked (SmtNewRegisterDialog *self)
{
  smt_new_register_dialog_create (self);
}

static void
smt_new_register_dialog_finalize (GObject *object)
{
  SmtNewRegisterDialog *self = (SmtNewRegisterDialog *) object;

  g_free (self->path);

  G_OBJECT_CLASS (smt_new_register_dialog_parent_class)->finalize (object);
}

static void
smt_new_register_dialog_class_init (SmtNewRegisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = smt_new_register_dialog_finalize;

  /**
   * SmtNewRegisterDialog::created:
   * @path: the new register's file
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  smt_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
      "/io/github/somattran/SoMatTran/smt-new-register-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterDialog, province_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, SmtNewRegisterDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
smt_new_register_dialog_init (SmtNewRegisterDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) kinds);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (list));
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_name_changed),
                            self);
  suggest_path (self);
}

SmtNewRegisterDialog *
smt_new_register_dialog_new (GtkWindow *parent)
{
  return g_object_new (SMT_TYPE_NEW_REGISTER_DIALOG, "transient-for", parent, NULL);
}

void
smt_new_register_dialog_set_fields (SmtNewRegisterDialog *self,
                                    guint                 kind,
                                    const char           *name,
                                    const char           *province,
                                    const char           *place)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->province_row), province);
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), place);
}

void
smt_new_register_dialog_set_path (SmtNewRegisterDialog *self,
                                  const char           *path)
{
  g_return_if_fail (SMT_IS_NEW_REGISTER_DIALOG (self));

  self->path_chosen = TRUE;
  set_path (self, path);
}

const char *
smt_new_register_dialog_get_path (SmtNewRegisterDialog *self)
{
  g_return_val_if_fail (SMT_IS_NEW_REGISTER_DIALOG (self), NULL);
  return self->path;
}

/**
 * smt_new_register_dialog_create:
 * @self: the dialog
 *
 * Creates the register, as the Create button does. A refusal (no name, a
 * file that exists) is said in the dialog, which stays open; no file is
 * left behind.
 *
 * Returns: %TRUE when the register was created (and the dialog closed)
 */
gboolean
smt_new_register_dialog_create (SmtNewRegisterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  SmtCommuneFields commune = { 0 };
  const char *place;

  g_return_val_if_fail (SMT_IS_NEW_REGISTER_DIALOG (self), FALSE);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    {
      show_error (self, _("Type the commune’s name, without “Xã” or “Phường”."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return FALSE;
    }
  place = gtk_editable_get_text (GTK_EDITABLE (self->place_row));
  commune.name = name;
  commune.kind = kinds[MIN (adw_combo_row_get_selected (self->kind_row), 2)];
  commune.province = gtk_editable_get_text (GTK_EDITABLE (self->province_row));
  commune.place = *place != '\0' ? place : NULL;

  reg = smt_setup_new_register (self->path, &commune, 0, NULL, &error);
  if (reg == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  /* Closed here; the window opens it as any other register. */
  g_clear_object (&reg);
  path = g_strdup (self->path);
  g_signal_emit (self, signals[CREATED], 0, path);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

const char *
smt_new_register_dialog_get_error (SmtNewRegisterDialog *self)
{
  g_return_val_if_fail (SMT_IS_NEW_REGISTER_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
