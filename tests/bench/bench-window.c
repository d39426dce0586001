/* bench-window.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmarks of the window, under Xvfb: cold start to the first frame that
 * shows the people list on the 10k and 100k demos, a search keystroke to
 * the next frame on 100k, and resident memory after opening 100k. Each run
 * is a fresh process (this program again, with --run), so a start is as
 * cold as the page cache allows: the demo was just written. Reports medians
 * of SMT_BENCH_RUNS runs (default 5); SMT_BENCH_SIZES ("10000,100000")
 * chooses the demos. Nothing asserts on time. */

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <gtk/gtk.h>
#include <glib/gstdio.h>

#include "core/demo/smt-demo.h"
#include "core/register/smt-format.h"
#include "core/register/smt-locale.h"
#include "gui/app/smt-application-private.h"
#include "gui/app/smt-window-private.h"
#include "gui/views/smt-indicators-view.h"
#include "gui/views/smt-overview-view.h"

#define SEARCH_TEXT "nguyen van"

/* ---- the child: one start ------------------------------------------------------ */

typedef enum
{
  WAIT_ANY,        /* the window's first frame, whatever it shows */
  WAIT_OVERVIEW,   /* Tổng quan counted */
  WAIT_LIST,       /* the people list */
} WaitFor;

typedef struct
{
  SmtWindow  *window;
  WaitFor     what;
  const char *search;     /* the model must have this search; NULL: any */
  gint64      drawn_at;   /* monotonic µs of the first fitting frame; 0: not yet */
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  SmtPeopleModel *model = smt_window_get_people_model (wait->window);

  if (wait->drawn_at != 0)
    return;
  if (wait->what == WAIT_ANY)
    {
      wait->drawn_at = g_get_monotonic_time ();
      return;
    }
  if (wait->what == WAIT_OVERVIEW)
    {
      GtkWidget *view = smt_window_get_overview (wait->window);

      if (smt_overview_view_get_overview (SMT_OVERVIEW_VIEW (view)) != NULL)
        wait->drawn_at = g_get_monotonic_time ();
      return;
    }
  if (model == NULL)
    return;
  if (!gtk_widget_get_mapped (smt_window_get_column_view (wait->window)))
    return;
  if (wait->search != NULL && g_strcmp0 (smt_people_model_get_search (model), wait->search) != 0)
    return;
  wait->drawn_at = g_get_monotonic_time ();
}

/* Runs the main loop until a frame has been painted after the condition of
 * @wait holds; returns when it was. */
static gint64
wait_for_frame (FrameWait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (wait->window));
  gulong handler;

  g_assert (clock != NULL);
  wait->drawn_at = 0;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
  gtk_widget_queue_draw (GTK_WIDGET (wait->window));
  while (wait->drawn_at == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return wait->drawn_at;
}

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_params,
                     const GValue          *params,
                     gpointer               data)
{
  *(gint64 *) data = g_get_monotonic_time ();
  return TRUE;
}

static void
model_searched_cb (gint64 *at)
{
  *at = g_get_monotonic_time ();
}

static guint64
rss_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line != NULL ? g_ascii_strtoull (line + strlen (field) + 1, NULL, 10) : 0;
}

/* One cold start on @path; prints "key value" lines for the parent. Times
 * count from @spawned, the parent's monotonic clock when it started us. */
static int
run_child (const char *path,
           gint64      spawned,
           gboolean    search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SmtApplication *app;
  SmtWindow *window;
  FrameWait wait = { 0 };
  gint64 t_init, t_open, t_frame, t_counted, t_list, t_click;

  smt_locale_init ();
  gtk_disable_setlocale ();
  gtk_init ();
  t_init = g_get_monotonic_time ();
  g_print ("init_rss_kib %" G_GUINT64_FORMAT "\n", rss_kib ("VmRSS:"));

  app = smt_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("register: %s", error->message);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = g_object_ref (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  t_open = g_get_monotonic_time ();
  g_print ("open_rss_kib %" G_GUINT64_FORMAT "\n", rss_kib ("VmRSS:"));
  if (g_strcmp0 (smt_window_get_page_name (window), "overview") != 0)
    g_error ("%s: Tổng quan is not shown (%s)", path, smt_window_get_page_name (window));

  /* The start page: its first frame ("Counting…"), then counted. */
  wait.window = window;
  wait.what = WAIT_ANY;
  t_frame = wait_for_frame (&wait);
  g_print ("first_frame_rss_kib %" G_GUINT64_FORMAT "\n", rss_kib ("VmRSS:"));
  wait.what = WAIT_OVERVIEW;
  t_counted = wait_for_frame (&wait);
  g_print ("counted_rss_kib %" G_GUINT64_FORMAT "\n", rss_kib ("VmRSS:"));
  /* Then the people list, as a click on the sidebar would show it. */
  t_click = g_get_monotonic_time ();
  smt_window_show_view (window, "people");
  if (g_strcmp0 (smt_window_get_page_name (window), "list") != 0)
    g_error ("%s: the people list is not shown (%s)", path, smt_window_get_page_name (window));
  wait.what = WAIT_LIST;
  t_list = wait_for_frame (&wait);
  g_print ("gtk_init_ms %.3f\n", (t_init - spawned) / 1e3);
  g_print ("open_ms %.3f\n", (t_open - t_init) / 1e3);
  g_print ("first_frame_ms %.3f\n", (t_frame - spawned) / 1e3);
  g_print ("in_process_frame_ms %.3f\n", (t_frame - t_init) / 1e3);
  g_print ("counted_frame_ms %.3f\n", (t_counted - spawned) / 1e3);
  g_print ("list_frame_ms %.3f\n", (t_list - t_click) / 1e3);
  g_print ("rss_kib %" G_GUINT64_FORMAT "\n", rss_kib ("VmRSS:"));
  g_print ("hwm_kib %" G_GUINT64_FORMAT "\n", rss_kib ("VmHWM:"));

  /* Chỉ tiêu: shown (every indicator of the default period), then other
   * periods chosen one after the other, each to its next frame. */
  {
    static const char *const periods[] = { "2025-Q2", "2025-Q1", "2024", "2025-H1", "2025-05" };
    SmtIndicatorsView *view = NULL;
    gint64 t0;

    wait.what = WAIT_ANY;
    t0 = g_get_monotonic_time ();
    smt_window_show_view (window, "indicators");
    g_print ("indicators_frame_ms %.3f\n", (wait_for_frame (&wait) - t0) / 1e3);
    view = SMT_INDICATORS_VIEW (gtk_stack_get_child_by_name (
      GTK_STACK (gtk_widget_get_parent (smt_window_get_overview (window))), "indicators"));
    for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
      {
        t0 = g_get_monotonic_time ();
        if (!smt_indicators_view_set_period (view, periods[i]))
          g_error ("period %s refused", periods[i]);
        g_print ("period_switch_ms %.3f\n", (wait_for_frame (&wait) - t0) / 1e3);
      }
    /* Back to the list for the search. */
    smt_window_show_view (window, "people");
    wait.what = WAIT_LIST;
    wait_for_frame (&wait);
  }
  g_print ("rows_fetched %" G_GUINT64_FORMAT "\n",
           smt_people_model_get_rows_fetched (smt_window_get_people_model (window)));

  if (search)
    {
      GtkEditable *entry = GTK_EDITABLE (smt_window_get_search_entry (window));
      guint signal_id = g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY);
      gint64 changed_at = 0;
      gint64 model_at = 0;
      gulong hook, handler;
      guint keystroke = 0;
      int position = 0;

      g_print ("search_delay_ms %u\n",
               gtk_search_entry_get_search_delay (GTK_SEARCH_ENTRY (entry)));
      /* Before the window's own handler: when the debounce ended. */
      hook = g_signal_add_emission_hook (signal_id, 0, search_changed_hook, &changed_at, NULL);
      /* When the model holds the new list (the query and items-changed). */
      handler = g_signal_connect_swapped (smt_window_get_people_model (window), "notify::search",
                                          G_CALLBACK (model_searched_cb), &model_at);
      gtk_widget_activate_action (GTK_WIDGET (window), "people.search", NULL);
      for (const char *p = SEARCH_TEXT; *p; p = g_utf8_next_char (p))
        {
          g_autofree char *expected = NULL;
          gint64 typed;

          changed_at = 0;
          typed = g_get_monotonic_time ();
          gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
          gtk_editable_set_position (entry, position);
          expected = g_strdup (gtk_editable_get_text (entry));
          /* A trailing space searches for the same words: skip it. */
          if (g_str_has_suffix (expected, " "))
            continue;
          wait.search = expected;
          t_frame = wait_for_frame (&wait);
          g_print ("keystroke_ms %.3f\n", (t_frame - typed) / 1e3);
          if (keystroke++ == 0)
            g_print ("first_keystroke_ms %.3f\n", (t_frame - typed) / 1e3);
          else
            g_print ("later_keystroke_ms %.3f\n", (t_frame - typed) / 1e3);
          g_print ("debounce_ms %.3f\n", (changed_at - typed) / 1e3);
          g_print ("search_to_frame_ms %.3f\n", (t_frame - changed_at) / 1e3);
          g_print ("search_to_model_ms %.3f\n", (model_at - changed_at) / 1e3);
          g_print ("model_to_frame_ms %.3f\n", (t_frame - model_at) / 1e3);
        }
      g_signal_remove_emission_hook (signal_id, hook);
      g_signal_handler_disconnect (smt_window_get_people_model (window), handler);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_object_unref (app);
  return 0;
}

/* ---- the parent: demos, runs, medians -------------------------------------------- */

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare_double);
  if (sorted->len % 2 == 1)
    return g_array_index (sorted, double, sorted->len / 2);
  return (g_array_index (sorted, double, sorted->len / 2 - 1)
          + g_array_index (sorted, double, sorted->len / 2)) / 2;
}

static void
print_runs (const char *what,
            GArray     *values,
            const char *unit,
            int         digits)
{
  g_autoptr(GString) runs = g_string_new (NULL);
  g_autofree char *med = NULL;

  if (values == NULL || values->len == 0)
    return;
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *v = smt_format_decimal (g_array_index (values, double, i), digits);

      g_string_append_printf (runs, "%s%s", i ? "; " : "", v);
    }
  med = smt_format_decimal (median (values), digits);
  /* Padded by characters, not bytes: the labels are Vietnamese. */
  g_print ("%s%*s median %s %s  (runs: %s)\n", what,
           (int) MAX (0, 48 - g_utf8_strlen (what, -1)), "", med, unit, runs->str);
}

/* key → GArray of doubles, over all runs */
static void
add_value (GHashTable *results,
           const char *key,
           double      value)
{
  GArray *values = g_hash_table_lookup (results, key);

  if (values == NULL)
    {
      values = g_array_new (FALSE, FALSE, sizeof (double));
      g_hash_table_insert (results, g_strdup (key), values);
    }
  g_array_append_val (values, value);
}

static void
spawn_run (const char *self_path,
           const char *path,
           gboolean    search,
           GHashTable *results)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  const char *argv[] = { self_path, "--run", path, spawned, search ? "--search" : NULL, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("run on %s: %s", path, error->message);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (lines[i], " ", 2);

      if (kv[0] != NULL && kv[1] != NULL)
        add_value (results, kv[0], g_ascii_strtod (kv[1], NULL));
    }
}

static void
remove_register (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static GArray *
lookup (GHashTable *results,
        const char *key)
{
  return g_hash_table_lookup (results, key);
}

static void
bench_size (const char *self_path,
            const char *dir,
            guint       people,
            guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) results =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  g_autofree char *path = g_strdup_printf ("%s/demo-%u.smt", dir, people);
  g_autofree char *count = smt_format_int (people);
  g_autofree char *label = NULL;
  gboolean search = people >= 100000;
  GArray *values;
  gint64 start;

  remove_register (path);
  start = g_get_monotonic_time ();
  if (!smt_demo_generate (path, people, 1, NULL, NULL, &error))
    g_error ("demo: %s", error->message);
  {
    g_autofree char *seconds = smt_format_decimal ((g_get_monotonic_time () - start) / 1e6, 1);

    g_print ("%s people: demo made in %s s\n", count, seconds);
  }

  for (guint run = 0; run < runs; run++)
    spawn_run (self_path, path, search, results);

  label = g_strdup_printf ("%s: cold start → first frame (Tổng quan)", count);
  print_runs (label, lookup (results, "first_frame_ms"), "ms", 0);
  print_runs ("  of which process start and gtk_init", lookup (results, "gtk_init_ms"), "ms", 0);
  print_runs ("  of which open the register and the list", lookup (results, "open_ms"), "ms", 0);
  print_runs ("  gtk_init → first frame", lookup (results, "in_process_frame_ms"), "ms", 0);
  g_free (label);
  label = g_strdup_printf ("%s: cold start → Tổng quan counted and drawn", count);
  print_runs (label, lookup (results, "counted_frame_ms"), "ms", 0);
  g_free (label);
  label = g_strdup_printf ("%s: then the people list (sidebar) → frame", count);
  print_runs (label, lookup (results, "list_frame_ms"), "ms", 0);
  print_runs ("  rows fetched for that frame", lookup (results, "rows_fetched"), "", 0);
  if ((values = lookup (results, "rss_kib")) != NULL)
    {
      for (guint i = 0; i < values->len; i++)
        g_array_index (values, double, i) /= 1024;
      g_free (label);
      label = g_strdup_printf ("%s: resident memory with Tổng quan and the list", count);
      print_runs (label, values, "MB", 1);
    }
  if ((values = lookup (results, "hwm_kib")) != NULL)
    {
      for (guint i = 0; i < values->len; i++)
        g_array_index (values, double, i) /= 1024;
      print_runs ("  peak resident memory until then", values, "MB", 1);
    }
  g_free (label);
  label = g_strdup_printf ("%s: Chỉ tiêu shown → frame", count);
  print_runs (label, lookup (results, "indicators_frame_ms"), "ms", 0);
  g_free (label);
  label = g_strdup_printf ("%s: Chỉ tiêu, another period → frame", count);
  print_runs (label, lookup (results, "period_switch_ms"), "ms", 0);
  if (search)
    {
      g_autofree char *delay = NULL;

      values = lookup (results, "search_delay_ms");
      delay = smt_format_int (values != NULL ? (gint64) median (values) : 0);
      g_free (label);
      label = g_strdup_printf ("%s: search keystroke → frame (raw)", count);
      print_runs (label, lookup (results, "keystroke_ms"), "ms", 0);
      g_print ("  (%u keystrokes per run, typing “%s”; the entry waits %s ms after "
               "a keystroke before it searches)\n",
               lookup (results, "keystroke_ms")->len / runs, SEARCH_TEXT, delay);
      print_runs ("  of which the debounce wait", lookup (results, "debounce_ms"), "ms", 0);
      print_runs ("  search → frame (debounce excluded)", lookup (results, "search_to_frame_ms"),
                  "ms", 0);
      print_runs ("    of which search → model holds the list",
                  lookup (results, "search_to_model_ms"), "ms", 0);
      print_runs ("    of which model → frame drawn", lookup (results, "model_to_frame_ms"),
                  "ms", 0);
      print_runs ("  first keystroke (“n”) → frame (raw)", lookup (results, "first_keystroke_ms"),
                  "ms", 0);
      print_runs ("  later keystrokes → frame (raw)", lookup (results, "later_keystroke_ms"),
                  "ms", 0);
    }
  remove_register (path);
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_env = g_getenv ("SMT_BENCH_RUNS");
  const char *sizes_env = g_getenv ("SMT_BENCH_SIZES");
  guint runs = runs_env ? (guint) atoi (runs_env) : 5;
  g_auto(GStrv) sizes = g_strsplit (sizes_env != NULL ? sizes_env : "10000,100000", ",", -1);
  g_autofree char *dir = NULL;
  g_autofree char *self_path = NULL;

  if (argc >= 4 && g_str_equal (argv[1], "--run"))
    return run_child (argv[2], g_ascii_strtoll (argv[3], NULL, 10),
                      argc >= 5 && g_str_equal (argv[4], "--search"));

  setlocale (LC_ALL, "");
  dir = g_dir_make_tmp ("smt-bench-window-XXXXXX", NULL);
  g_assert (dir != NULL);
  /* The runs read and write state.ini: never the user's own. */
  {
    g_autofree char *config = g_build_filename (dir, "config", NULL);
    g_autofree char *data = g_build_filename (dir, "data", NULL);

    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert (self_path != NULL);
  runs = MAX (runs, 1);
  g_print ("Sổ Mặt trận window benchmark (%u runs, each a fresh process)\n", runs);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint people = (guint) atoi (sizes[i]);

      if (people > 0)
        bench_size (self_path, dir, people, runs);
    }
  {
    g_autofree char *config = g_build_filename (dir, "config", NULL);
    g_autofree char *data = g_build_filename (dir, "data", NULL);
    g_autofree char *state_dir = g_build_filename (config, "somattran", NULL);
    g_autofree char *state = g_build_filename (state_dir, "state.ini", NULL);

    g_unlink (state);
    g_rmdir (state_dir);
    g_rmdir (config);
    g_rmdir (data);
  }
  g_rmdir (dir);
  return 0;
}
