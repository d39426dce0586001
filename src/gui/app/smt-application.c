/* smt-application.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/demo/smt-demo.h"

#include "gui/assistants/smt-new-register-assistant.h"
#include "gui/base/smt-gui.h"
#include "smt-application-private.h"
#include "smt-window-private.h"
#include "smt-window.h"

#define STATE_GROUP        "state"
#define STATE_KEY_REGISTER "last-register"
#define STATE_KEY_RECENT   "recent-registers"
#define STATE_KEY_TITLES   "recent-titles"
#define MAX_RECENT         8

/* The sample commune made on first start, while a window shows progress.
 * Shared between the worker thread (progress) and the main thread. */
typedef struct
{
  GWeakRef  window;
  char     *path;       /* where the register ends up */
  char     *part_path;  /* where it is built, so a half-made one never opens */

  GMutex    mutex;
  double    fraction;
  char     *what;
  gboolean  idle_pending;
  gboolean  finished;
} DemoJob;

struct _SmtApplication
{
  AdwApplication  parent_instance;

  /* borrowed: the job of the running task, if any */
  DemoJob        *demo_job;
  /* the registers opened lately, for the main menu */
  GMenu          *recent_menu;
};

G_DEFINE_FINAL_TYPE (SmtApplication, smt_application, ADW_TYPE_APPLICATION)

/* ---- remembered state ------------------------------------------------------- */

static char *
state_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "somattran", "state.ini", NULL);
}

char *
smt_application_dup_last_register (void)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = state_path ();
  g_autofree char *value = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  value = g_key_file_get_string (keyfile, STATE_GROUP, STATE_KEY_REGISTER, NULL);
  if (value == NULL || *value == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

/* "Xã Hòa Điền — xa-hoa-dien.smt" */
static char *
recent_label (const char *path,
              const char *title)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (base);

  if (title == NULL || *title == '\0')
    return g_steal_pointer (&display);
  return g_strdup_printf ("%s — %s", title, display);
}

/* The menu of recent registers, from state.ini: those still on disk. */
static void
fill_recent_menu (SmtApplication *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = state_path ();
  g_auto(GStrv) paths = NULL;
  g_auto(GStrv) titles = NULL;
  gsize n_paths = 0, n_titles = 0;

  g_menu_remove_all (self->recent_menu);
  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return;
  paths = g_key_file_get_string_list (keyfile, STATE_GROUP, STATE_KEY_RECENT, &n_paths, NULL);
  titles = g_key_file_get_string_list (keyfile, STATE_GROUP, STATE_KEY_TITLES, &n_titles, NULL);
  for (gsize i = 0; i < n_paths; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;
      label = recent_label (paths[i], i < n_titles ? titles[i] : NULL);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Remembers the register for the next start and at the top of the recent
 * registers, with its commune's name. */
static void
remember_last_register (SmtApplication *self,
                        const char     *register_path,
                        const char     *title)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *absolute = g_canonicalize_filename (register_path, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) old_paths = NULL;
  g_auto(GStrv) old_titles = NULL;
  gsize n_paths = 0, n_titles = 0;

  /* The file holds other keys too (the language, read before GTK starts). */
  g_key_file_load_from_file (keyfile, path,
                             G_KEY_FILE_KEEP_COMMENTS | G_KEY_FILE_KEEP_TRANSLATIONS, NULL);
  g_key_file_set_string (keyfile, STATE_GROUP, STATE_KEY_REGISTER, absolute);

  g_ptr_array_add (paths, g_strdup (absolute));
  g_ptr_array_add (titles, g_strdup (title != NULL ? title : ""));
  old_paths = g_key_file_get_string_list (keyfile, STATE_GROUP, STATE_KEY_RECENT, &n_paths, NULL);
  old_titles = g_key_file_get_string_list (keyfile, STATE_GROUP, STATE_KEY_TITLES, &n_titles,
                                           NULL);
  for (gsize i = 0; i < n_paths && paths->len < MAX_RECENT; i++)
    if (g_strcmp0 (old_paths[i], absolute) != 0)
      {
        g_ptr_array_add (paths, g_strdup (old_paths[i]));
        g_ptr_array_add (titles, g_strdup (i < n_titles ? old_titles[i] : ""));
      }
  g_key_file_set_string_list (keyfile, STATE_GROUP, STATE_KEY_RECENT,
                              (const char * const *) paths->pdata, paths->len);
  g_key_file_set_string_list (keyfile, STATE_GROUP, STATE_KEY_TITLES,
                              (const char * const *) titles->pdata, titles->len);

  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_key_file_save_to_file (keyfile, path, &error))
    g_warning ("Cannot remember the last register in %s: %s",
               path, error ? error->message : g_strerror (errno));
  fill_recent_menu (self);
}

/**
 * smt_application_get_recent_menu:
 * @self: the application
 *
 * Returns: (transfer none): the registers opened lately, newest first, as
 * app.open-recent items
 */
GMenuModel *
smt_application_get_recent_menu (SmtApplication *self)
{
  g_return_val_if_fail (SMT_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

char *
smt_application_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "somattran", "xa-mau.smt", NULL);
}

/* ---- opening a register ------------------------------------------------------ */

static SmtWindow *
find_window_showing (SmtApplication *self,
                     const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      SmtRegister *reg;
      g_autoptr(GFile) other = NULL;

      if (!SMT_IS_WINDOW (l->data))
        continue;
      reg = smt_window_get_register (l->data);
      if (reg == NULL)
        continue;
      other = g_file_new_for_path (smt_register_get_path (reg));
      if (g_file_equal (file, other))
        return l->data;
    }
  return NULL;
}

static void
show_open_error (SmtWindow    *window,
                 const GError *error)
{
  AdwMessageDialog *dialog;

  if (smt_window_get_register (window) == NULL)
    {
      smt_window_show_error (window, _("Cannot Open the Register"), error);
      return;
    }

  /* Keep the register the window shows; say why the other one did not open. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Cannot Open the Register"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * smt_application_open_path:
 * @self: the application
 * @window: the window to show the register in
 * @path: a register file
 *
 * Opens @path in @window (or presents the window that already shows it) and
 * remembers it for the next start. Failures are shown in the window.
 *
 * Returns: %TRUE if the register is shown
 */
gboolean
smt_application_open_path (SmtApplication *self,
                           SmtWindow      *window,
                           const char     *path)
{
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  SmtWindow *showing;

  g_return_val_if_fail (SMT_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (SMT_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A second connection would be refused: one writer per register. */
  showing = find_window_showing (self, path);
  if (showing != NULL)
    {
      gtk_window_present (GTK_WINDOW (showing));
      return TRUE;
    }

  reg = smt_register_open (path, &error);
  if (reg == NULL)
    {
      show_open_error (window, error);
      return FALSE;
    }
  smt_window_set_register (window, reg);
  {
    g_autofree char *title = smt_register_dup_commune_title (reg);

    remember_last_register (self, path, title);
  }
  return TRUE;
}

/* ---- the sample commune ------------------------------------------------------- */

static void
demo_job_clear (gpointer data)
{
  DemoJob *job = data;

  g_weak_ref_clear (&job->window);
  g_free (job->path);
  g_free (job->part_path);
  g_free (job->what);
  g_mutex_clear (&job->mutex);
}

static void
demo_job_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, demo_job_clear);
}

static void
remove_register_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", ".holder" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static gboolean
demo_progress_idle (gpointer data)
{
  DemoJob *job = data;
  g_autoptr(SmtWindow) window = NULL;
  g_autofree char *what = NULL;
  double fraction;
  gboolean finished;

  g_mutex_lock (&job->mutex);
  job->idle_pending = FALSE;
  fraction = job->fraction;
  what = g_strdup (job->what);
  finished = job->finished;
  g_mutex_unlock (&job->mutex);

  window = g_weak_ref_get (&job->window);
  if (!finished && window != NULL && smt_window_get_register (window) == NULL)
    smt_window_show_progress (window, _("Creating the Sample Commune…"), fraction, what);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread. */
static void
demo_progress_cb (double      fraction,
                  const char *what,
                  gpointer    user_data)
{
  DemoJob *job = user_data;

  g_mutex_lock (&job->mutex);
  job->fraction = fraction;
  if (g_strcmp0 (what, job->what) != 0)
    {
      g_free (job->what);
      job->what = g_strdup (what);
    }
  if (!job->idle_pending)
    {
      job->idle_pending = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, demo_progress_idle,
                       g_atomic_rc_box_acquire (job), demo_job_release);
    }
  g_mutex_unlock (&job->mutex);
}

static void
demo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!smt_demo_generate (job->part_path, SMT_DEMO_DEFAULT_PEOPLE, SMT_DEMO_DEFAULT_SEED,
                          demo_progress_cb, job, &error))
    {
      remove_register_files (job->part_path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_rename (job->part_path, job->path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (job->path);

      remove_register_files (job->part_path);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Cannot save the sample commune as “%s”: %s."),
                               display, g_strerror (saved_errno));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
demo_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SmtApplication *self = SMT_APPLICATION (source_object);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SmtWindow) window = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&job->mutex);
  job->finished = TRUE;
  g_mutex_unlock (&job->mutex);
  self->demo_job = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (window != NULL)
        smt_window_show_error (window, _("Cannot Create the Sample Commune"), error);
      else
        g_warning ("Cannot create the sample commune: %s", error->message);
      return;
    }

  /* The user may have opened another register meanwhile. */
  if (window != NULL && smt_window_get_register (window) == NULL)
    smt_application_open_path (self, window, job->path);
}

static void
start_demo (SmtApplication *self,
            SmtWindow      *window,
            const char     *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  DemoJob *job;

  if (self->demo_job != NULL)
    return;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);
      g_autoptr(GError) error =
        g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Cannot create the folder “%s”: %s."), display,
                     g_strerror (saved_errno));

      smt_window_show_error (window, _("Cannot Create the Sample Commune"), error);
      return;
    }

  job = g_atomic_rc_box_new0 (DemoJob);
  g_weak_ref_init (&job->window, window);
  g_mutex_init (&job->mutex);
  job->path = g_strdup (path);
  job->part_path = g_strconcat (path, ".part", NULL);
  /* Left over from a start that was killed half way. */
  remove_register_files (job->part_path);

  self->demo_job = job;
  smt_window_show_progress (window, _("Creating the Sample Commune…"), 0.0, NULL);

  task = g_task_new (self, NULL, demo_done_cb, NULL);
  g_task_set_source_tag (task, start_demo);
  g_task_set_task_data (task, job, demo_job_release);
  g_task_run_in_thread (task, demo_thread);
}

/* The last register, or the sample commune (made on first start). */
static void
open_default (SmtApplication *self,
              SmtWindow      *window)
{
  g_autofree char *last = smt_application_dup_last_register ();
  g_autofree char *demo = NULL;

  if (last != NULL && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    {
      smt_application_open_path (self, window, last);
      return;
    }

  demo = smt_application_dup_demo_path ();
  if (g_file_test (demo, G_FILE_TEST_IS_REGULAR))
    smt_application_open_path (self, window, demo);
  else
    start_demo (self, window, demo);
}

/* ---- actions ------------------------------------------------------------------ */

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  SmtApplication *self = SMT_APPLICATION (user_data);
  GtkWindow *parent = gtk_native_dialog_get_transient_for (native);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  SmtWindow *window;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file == NULL)
    {
      g_object_unref (native);
      return;
    }
  path = g_file_get_path (file);

  if (SMT_IS_WINDOW (parent))
    window = SMT_WINDOW (parent);
  else
    window = smt_window_new (GTK_APPLICATION (self));

  if (path != NULL)
    {
      smt_application_open_path (self, window, path);
    }
  else
    {
      g_autoptr(GError) error =
        g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Only registers on this computer can be opened. Copy the file "
                               "to a folder here first."));

      show_open_error (window, error);
    }
  gtk_window_present (GTK_WINDOW (window));

  g_object_unref (native);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SmtApplication *self = SMT_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Register"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("Registers (*.smt)"));
  gtk_file_filter_add_suffix (filter, "smt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* Start where the register on screen lives. */
  if (SMT_IS_WINDOW (parent) && smt_window_get_register (SMT_WINDOW (parent)) != NULL)
    {
      const char *current = smt_register_get_path (smt_window_get_register (SMT_WINDOW (parent)));
      g_autofree char *dir = g_path_get_dirname (current);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SmtApplication *self = SMT_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", PACKAGE_NAME,
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Sổ Mặt trận authors"),
                        "comments", _("The register of a commune’s Fatherland Front office: "
                                      "people, households and member organisations, the "
                                      "indicators the province asks for, and the annex "
                                      "tables of every report. Works without internet."),
                        "copyright", "© 2026 The Sổ Mặt trận authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SmtApplication *self = SMT_APPLICATION (user_data);

  /* Closing the windows drops their registers, which closes the files. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_destroy (window);
    }
  g_application_quit (G_APPLICATION (self));
}

/* Ctrl+Z, from the main window or a page over it: the main window keeps
 * what was last recorded. */
static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SmtApplication *self = SMT_APPLICATION (user_data);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SMT_IS_WINDOW (l->data))
      {
        smt_window_undo (l->data);
        return;
      }
}

/* The window a register chosen from the menu goes to: the active one. */
static SmtWindow *
target_window (SmtApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  while (active != NULL && !SMT_IS_WINDOW (active))
    active = gtk_window_get_transient_for (active);
  if (active != NULL)
    return SMT_WINDOW (active);
  active = GTK_WINDOW (smt_window_new (GTK_APPLICATION (self)));
  gtk_window_present (active);
  return SMT_WINDOW (active);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SmtApplication *self = SMT_APPLICATION (user_data);

  smt_application_open_path (self, target_window (self),
                             g_variant_get_string (parameter, NULL));
}

/* The sample commune, made again if it was deleted. */
static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SmtApplication *self = SMT_APPLICATION (user_data);
  SmtWindow *window = target_window (self);
  g_autofree char *demo = smt_application_dup_demo_path ();

  if (g_file_test (demo, G_FILE_TEST_IS_REGULAR))
    smt_application_open_path (self, window, demo);
  else if (smt_window_get_register (window) == NULL)
    start_demo (self, window, demo);
  else
    {
      SmtWindow *other = smt_window_new (GTK_APPLICATION (self));

      gtk_window_present (GTK_WINDOW (other));
      start_demo (self, other, demo);
    }
}

static void
on_register_created (SmtApplication          *self,
                     const char              *path,
                     SmtNewRegisterAssistant *assistant)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (assistant));
  SmtWindow *window = SMT_IS_WINDOW (parent) ? SMT_WINDOW (parent) : target_window (self);

  /* No import assistant yet to offer as the next step: the register is
   * open, and the toast says what comes next. */
  if (smt_application_open_path (self, window, path))
    {
      SmtRegister *reg = smt_window_get_register (window);
      g_autofree char *title = smt_register_dup_commune_title (reg);
      g_autofree char *message = g_strdup_printf (_("The register of %s is ready. Add its "
                                                    "people next."), title);

      smt_window_add_toast (window, message);
    }
}

/**
 * smt_application_new_register:
 * @self: the application
 *
 * Opens the assistant that makes the register of a commune, with its
 * hamlets, organisations and branches (Ctrl+Shift+N; the demo's banner);
 * the new register replaces the one in the active window.
 *
 * Returns: (transfer none): the assistant
 */
GtkWindow *
smt_application_new_register (SmtApplication *self)
{
  SmtNewRegisterAssistant *assistant;

  g_return_val_if_fail (SMT_IS_APPLICATION (self), NULL);

  assistant = smt_new_register_assistant_new (GTK_WINDOW (target_window (self)));
  g_signal_connect_object (assistant, "created", G_CALLBACK (on_register_created), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (assistant));
  return GTK_WINDOW (assistant);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  smt_application_new_register (SMT_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "undo",  .activate = undo_action },
  { .name = "open",  .activate = open_action },
  { .name = "new",   .activate = new_action },
  { .name = "open-demo", .activate = open_demo_action },
  { .name = "open-recent", .activate = open_recent_action, .parameter_type = "s" },
  { .name = "about", .activate = about_action },
  { .name = "quit",  .activate = quit_action },
};

/* ---- GApplication ----------------------------------------------------------------- */

static void
smt_application_startup (GApplication *application)
{
  static const char *const quit_accels[] = { "<Control>q", NULL };
  static const char *const open_accels[] = { "<Control>o", NULL };
  static const char *const new_accels[] = { "<Control><Shift>n", NULL };
  static const char *const close_accels[] = { "<Control>w", NULL };
  static const char *const undo_accels[] = { "<Control>z", NULL };
  SmtApplication *self = SMT_APPLICATION (application);

  /* Before chaining up: AdwApplication loads style.css from the resources. */
  smt_gui_ensure_resources ();

  G_APPLICATION_CLASS (smt_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new", new_accels);
  fill_recent_menu (self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         close_accels);
}

static void
smt_application_activate (GApplication *application)
{
  SmtApplication *self = SMT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (smt_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);
  open_default (self, SMT_WINDOW (window));
}

static void
smt_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SmtApplication *self = SMT_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      SmtWindow *window = path != NULL ? find_window_showing (self, path) : NULL;

      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      window = smt_window_new (GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (window));
      if (path != NULL)
        {
          smt_application_open_path (self, window, path);
        }
      else
        {
          g_autoptr(GError) error =
            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("Only registers on this computer can be opened. Copy "
                                   "the file to a folder here first."));

          smt_window_show_error (window, _("Cannot Open the Register"), error);
        }
    }
}

static void
smt_application_finalize (GObject *object)
{
  SmtApplication *self = (SmtApplication *) object;

  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (smt_application_parent_class)->finalize (object);
}

static void
smt_application_class_init (SmtApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = smt_application_finalize;

  app_class->startup = smt_application_startup;
  app_class->activate = smt_application_activate;
  app_class->open = smt_application_open;
}

static void
smt_application_init (SmtApplication *self)
{
  self->recent_menu = g_menu_new ();
}

SmtApplication *
smt_application_new (void)
{
  return g_object_new (SMT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/somattran/SoMatTran",
                       NULL);
}
