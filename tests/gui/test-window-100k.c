/* test-window-100k.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "core/demo/smt-demo.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-locale.h"
#include "gui/app/smt-application-private.h"
#include "gui/app/smt-window-private.h"
#include "gui/models/smt-person-item.h"

#include "smt-test-util.h"

/* The people list on a register of 100.000 people: it opens and scrolls to
 * its end with fewer than 1.000 rows ever read from the register, and each
 * large jump through it reads only the rows around what is shown. */

#define PEOPLE        100000
#define MAX_FETCHED   1000
#define SCROLL_STEPS  4

typedef struct
{
  double y;
  char  *text;
} Cell;

static void
cell_clear (gpointer data)
{
  g_free (((Cell *) data)->text);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  double y = ((const Cell *) a)->y, z = ((const Cell *) b)->y;

  return (y > z) - (y < z);
}

/* The labels of the column view that are drawn wholly inside the
 * scrolled window's viewport, with their top in its coordinates. */
static void
collect_visible_labels (GtkWidget *widget,
                        GtkWidget *viewport,
                        GArray    *cells)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child)
          && gtk_widget_compute_bounds (child, viewport, &bounds)
          && bounds.origin.y >= 0
          && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (viewport))
        {
          Cell cell = { bounds.origin.y, g_strdup (gtk_label_get_text (GTK_LABEL (child))) };

          g_array_append_val (cells, cell);
        }
      collect_visible_labels (child, viewport, cells);
    }
}

static char *
write_screenshot (GtkWidget  *widget,
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

/* Sets the vertical adjustment to its end and draws, until the end holds. */
static void
scroll_to_end (SmtWindow     *window,
               GtkAdjustment *adj)
{
  for (guint tries = 0; tries < 5; tries++)
    {
      double end = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);

      if (tries > 0 && gtk_adjustment_get_value (adj) == end)
        break;
      gtk_adjustment_set_value (adj, end);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==,
                     gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
}

static void
test_scroll_to_end (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-gui-100k-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autoptr(SmtPersonItem) last_item = NULL;
  SmtPersonRow last_row = { 0 };
  SmtApplication *app;
  SmtWindow *window;
  SmtPeopleModel *model;
  GtkWidget *column_view;
  GtkWidget *scrolled;
  GtkAdjustment *adj;
  gint64 start;
  guint n;
  guint64 fetched;
  double bottom;
  gboolean last_shown = FALSE;

  g_assert_no_error (error);
  path = g_build_filename (dir, "xa-100k.smt", NULL);
  start = g_get_monotonic_time ();
  g_assert_true (smt_demo_generate (path, PEOPLE, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("demo of %u people made in %.1f s", PEOPLE,
                  (g_get_monotonic_time () - start) / 1e6);

  app = smt_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  window = g_object_ref (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_assert_true (SMT_IS_WINDOW (window));
  smt_window_show_view (window, "people");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_test_message ("opened and drawn in %.0f ms",
                  (g_get_monotonic_time () - start) / 1e3);
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "list");

  model = smt_window_get_people_model (window);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, PEOPLE);
  ids = smt_people_query_ids (smt_window_get_register (window), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n);
  g_test_message ("rows fetched at the top: %" G_GUINT64_FORMAT,
                  smt_people_model_get_rows_fetched (model));

  /* Straight to the bottom, as when the scroll bar's thumb is dragged
   * there between two frames. GTK 4.8 estimates the height of rows it has
   * not measured, so the bottom is set again until it holds. */
  column_view = smt_window_get_column_view (window);
  scrolled = gtk_widget_get_ancestor (column_view, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, 100 * gtk_adjustment_get_page_size (adj));
  scroll_to_end (window, adj);

  /* The last person of the register's order is the model's last item, and
   * already fetched: asking for it reads nothing more. */
  g_assert_cmpint (smt_people_model_get_id (model, n - 1), ==,
                   g_array_index (ids, gint64, ids->len - 1));
  fetched = smt_people_model_get_rows_fetched (model);
  last_item = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  g_assert_nonnull (last_item);
  g_assert_cmpuint (smt_people_model_get_rows_fetched (model), ==, fetched);
  g_assert_cmpint (smt_person_item_get_id (last_item), ==,
                   g_array_index (ids, gint64, ids->len - 1));

  /* And the bottom row on screen shows that person's name, as the core
   * reads it. */
  g_assert_true (smt_people_fetch_rows (smt_window_get_register (window),
                                        &g_array_index (ids, gint64, ids->len - 1), 1, NULL,
                                        &last_row, &error));
  g_assert_no_error (error);
  g_array_set_clear_func (cells, cell_clear);
  collect_visible_labels (column_view, scrolled, cells);
  g_assert_cmpuint (cells->len, >, 0);
  g_array_sort (cells, compare_cells);
  bottom = g_array_index (cells, Cell, cells->len - 1).y;
  for (guint i = 0; i < cells->len; i++)
    {
      const Cell *cell = &g_array_index (cells, Cell, i);

      if (cell->y >= bottom - 1 && g_strcmp0 (cell->text, last_row.full_name) == 0)
        last_shown = TRUE;
    }
  g_test_message ("last person: %s (id %" G_GINT64_FORMAT ")", last_row.full_name, last_row.id);
  g_assert_true (last_shown);
  smt_person_row_clear (&last_row);

  g_test_message ("rows fetched in all: %" G_GUINT64_FORMAT " of %u",
                  smt_people_model_get_rows_fetched (model), n);
  g_assert_cmpuint (smt_people_model_get_rows_fetched (model), <, MAX_FETCHED);

  shot = write_screenshot (GTK_WIDGET (window), "screenshot-100k-end.png");

  /* Back to the top and down again in a few large jumps, drawn after each.
   * GTK 4.8 keeps about 200 rows bound around the viewport, so every
   * position drawn reads one or two of the model's blocks: the total grows
   * with the number of positions, each one costs far fewer than 1.000. */
  gtk_adjustment_set_value (adj, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (guint step = 1; step <= SCROLL_STEPS; step++)
    {
      double end = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
      guint64 before = smt_people_model_get_rows_fetched (model);

      gtk_adjustment_set_value (adj, end * step / (SCROLL_STEPS + 1));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_test_message ("jump to %.0f of %.0f px: %" G_GUINT64_FORMAT " more rows fetched",
                      gtk_adjustment_get_value (adj), gtk_adjustment_get_upper (adj),
                      smt_people_model_get_rows_fetched (model) - before);
      g_assert_cmpuint (smt_people_model_get_rows_fetched (model) - before, <, MAX_FETCHED);
    }
  fetched = smt_people_model_get_rows_fetched (model);
  scroll_to_end (window, adj);
  g_assert_cmpint (smt_people_model_get_id (model, n - 1), ==,
                   g_array_index (ids, gint64, ids->len - 1));
  g_test_message ("after the jumps and the end again: %" G_GUINT64_FORMAT " rows fetched "
                  "(%" G_GUINT64_FORMAT " for the last stretch)",
                  smt_people_model_get_rows_fetched (model),
                  smt_people_model_get_rows_fetched (model) - fetched);
  g_assert_cmpuint (smt_people_model_get_rows_fetched (model) - fetched, <, MAX_FETCHED);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_object_unref (app);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  /* Our own config and data folders, before GLib caches the real ones. */
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
  g_test_init (&argc, &argv, NULL);
  smt_locale_init ();
  gtk_disable_setlocale ();
  gtk_init ();

  g_test_add_func ("/window-100k/scroll-to-end", test_scroll_to_end);

  status = g_test_run ();
  smt_test_rm_rf (home);
  return status;
}
