/* smt-gui-test.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-gui-test.h"

#include <glib/gstdio.h>

#include "core/check/smt-check.h"
#include "core/demo/smt-demo.h"
#include "core/register/smt-locale.h"
#include "gui/views/smt-overview-view.h"

#include "smt-test-util.h"

static char *home;

void
smt_gui_test_init (int    *argc,
                   char ***argv)
{
  /* Our own config and data folders, before GLib caches the real ones.
   * (G_TEST_OPTION_ISOLATE_DIRS would hide the system's icons and GSettings
   * schemas too, and gtk_test_init() ignores options anyway.) */
  home = g_dir_make_tmp ("smt-gui-home-XXXXXX", NULL);
  g_assert_nonnull (home);
  {
    g_autofree char *config = g_build_filename (home, "config", NULL);
    g_autofree char *data = g_build_filename (home, "data", NULL);

    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }

  /* Not gtk_test_init(): it sets the C locale, under which gettext ignores
   * LANGUAGE=vi. */
  g_test_init (argc, argv, NULL);
  smt_locale_init ();
  gtk_disable_setlocale ();
  gtk_init ();
}

int
smt_gui_test_run (void)
{
  int status = g_test_run ();

  smt_test_rm_rf (home);
  g_clear_pointer (&home, g_free);
  return status;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
smt_gui_wait_until (SmtGuiCondition condition,
                    gpointer        data,
                    guint           seconds,
                    const char     *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out after %u s waiting for %s", seconds, what);
  g_source_remove (id);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
smt_gui_wait_until_null (gpointer pointer)
{
  smt_gui_wait_until (pointer_is_null, pointer, SMT_GUI_WAIT_SECONDS, "the window to close");
}

char *
smt_gui_write_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  char *path;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %dx%d: %s", width, height, path);
  return path;
}

char *
smt_gui_demo_copy (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_BUILT, "demo-10k.smt", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  char *dir = g_dir_make_tmp ("smt-gui-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  path = g_build_filename (dir, "xa-mau.smt", NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  *dir_out = dir;
  return path;
}

char *
smt_gui_demo_make (guint   n_people,
                   char  **dir_out)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("smt-gui-XXXXXX", &error);
  char *path;
  gboolean ok;

  g_assert_no_error (error);
  path = g_build_filename (dir, "xa-mau.smt", NULL);
  ok = smt_demo_generate (path, n_people, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  *dir_out = dir;
  return path;
}

SmtApplication *
smt_gui_start_application (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_canonicalize_filename (g_get_tmp_dir (), NULL);
  SmtApplication *app;

  /* The application reads and writes state.ini: never the user's own. */
  g_assert_true (g_str_has_prefix (g_get_user_config_dir (), tmp));
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), tmp));

  app = smt_application_new ();

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

void
smt_gui_reset_state (void)
{
  g_autofree char *config = g_build_filename (g_get_user_config_dir (), "somattran", NULL);
  g_autofree char *data = g_build_filename (g_get_user_data_dir (), "somattran", NULL);

  smt_test_rm_rf (config);
  smt_test_rm_rf (data);
}

/* A registered GtkApplication keeps a reference to itself until its
 * shutdown, which only g_application_run() emits: no finalize check here. */
void
smt_gui_stop_application (SmtApplication *app)
{
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_object_unref (app);
}

SmtWindow *
smt_gui_only_window (SmtApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (SMT_IS_WINDOW (windows->data));
  return g_object_ref (windows->data);
}

void
smt_gui_close_window (SmtWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static gboolean
page_is_overview (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
}

static gboolean
overview_counted (gpointer data)
{
  GtkWidget *view = smt_window_get_overview (data);

  return smt_overview_view_get_overview (SMT_OVERVIEW_VIEW (view)) != NULL;
}

void
smt_gui_wait_for_overview (SmtWindow *window)
{
  smt_gui_wait_until (overview_counted, window, SMT_GUI_WAIT_SECONDS, "Tổng quan");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

SmtWindow *
smt_gui_open_register (SmtApplication *app,
                       const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SmtWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  smt_gui_wait_until (page_is_overview, window, SMT_GUI_WAIT_SECONDS, "the register");
  smt_gui_wait_for_overview (window);
  return window;
}

GtkWidget *
smt_gui_find_descendant (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = smt_gui_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
smt_gui_find_window (SmtApplication *app,
                     GType           type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  /* Dialogs are not always the application's: any window on screen. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

char *
smt_gui_content_hash (SmtRegister *reg)
{
  g_autoptr(GError) error = NULL;
  char *hash = smt_register_content_hash (reg, &error);

  g_assert_no_error (error);
  return hash;
}
