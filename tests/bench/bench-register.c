/* bench-register.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmarks of the register: demo generation and file size at 10k and 100k
 * people, and opening a 100k register up to the first page of the people
 * list. Reports medians of several runs (SMT_BENCH_RUNS, default 3; the
 * 100k generation runs SMT_BENCH_RUNS_100K times, default 3). */

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "core/demo/smt-demo.h"
#include "core/organisations/smt-member-spans.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-format.h"
#include "core/register/smt-register.h"

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
  g_array_sort (values, compare_double);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1)
          + g_array_index (values, double, values->len / 2)) / 2;
}

static void
print_runs (const char *what,
            GArray     *values,
            const char *unit)
{
  g_autoptr(GString) runs = g_string_new (NULL);
  g_autofree char *med = NULL;

  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *v = smt_format_decimal (g_array_index (values, double, i), 1);

      g_string_append_printf (runs, "%s%s", i ? "; " : "", v);
    }
  med = smt_format_decimal (median (values), 1);
  g_print ("%-44s median %s %s  (runs: %s)\n", what, med, unit, runs->str);
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

static char *
bench_generate (const char *dir,
                guint       people,
                guint       runs)
{
  g_autoptr(GArray) seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *label = NULL;
  g_autofree char *size = NULL;
  g_autofree char *count = smt_format_int (people);
  char *path = NULL;
  GStatBuf st;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start;
      double elapsed;

      g_free (path);
      path = g_strdup_printf ("%s/demo-%u.smt", dir, people);
      remove_register (path);
      start = g_get_monotonic_time ();
      if (!smt_demo_generate (path, people, 1, NULL, NULL, &error))
        g_error ("demo: %s", error->message);
      elapsed = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (seconds, elapsed);
    }
  label = g_strdup_printf ("demo generation, %s people", count);
  print_runs (label, seconds, "s");
  size = smt_format_size (g_stat (path, &st) == 0 ? (guint64) st.st_size : 0);
  g_print ("%-44s %s\n", "  file size", size);
  return path;
}

static void
bench_open_first_page (const char *path,
                       guint       runs)
{
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ids_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) spans_ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtRegister) reg = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) found = NULL;
      g_autoptr(GArray) spans = NULL;
      SmtPersonRow rows[50];
      SmtPeopleFilter search = { .search = "nguyen van" };
      gint64 t0, t1, t2, t3, t4, t5;
      double v;

      t0 = g_get_monotonic_time ();
      reg = smt_register_open (path, &error);
      if (reg == NULL)
        g_error ("open: %s", error->message);
      t1 = g_get_monotonic_time ();
      ids = smt_people_query_ids (reg, NULL, &error);
      t2 = g_get_monotonic_time ();
      if (!smt_people_fetch_rows (reg, (gint64 *) ids->data, MIN (50u, ids->len), NULL, rows,
                                  &error))
        g_error ("fetch: %s", error->message);
      t3 = g_get_monotonic_time ();
      for (guint i = 0; i < MIN (50u, ids->len); i++)
        smt_person_row_clear (&rows[i]);
      found = smt_people_query_ids (reg, &search, &error);
      t4 = g_get_monotonic_time ();
      spans = smt_member_spans_load (reg, 0, &error);
      if (spans == NULL)
        g_error ("spans: %s", error->message);
      t5 = g_get_monotonic_time ();

      v = (t1 - t0) / 1e3;
      g_array_append_val (open_ms, v);
      v = (t2 - t1) / 1e3;
      g_array_append_val (ids_ms, v);
      v = (t3 - t2) / 1e3;
      g_array_append_val (page_ms, v);
      v = (t3 - t0) / 1e3;
      g_array_append_val (total_ms, v);
      v = (t4 - t3) / 1e3;
      g_array_append_val (search_ms, v);
      v = (t5 - t4) / 1e3;
      g_array_append_val (spans_ms, v);
    }
  print_runs ("100k: open the register", open_ms, "ms");
  print_runs ("100k: ordered keys of all people", ids_ms, "ms");
  print_runs ("100k: first page (50 rows)", page_ms, "ms");
  print_runs ("100k: open + first page", total_ms, "ms");
  print_runs ("100k: search \"nguyen van\"", search_ms, "ms");
  print_runs ("100k: spans of every membership", spans_ms, "ms");
}

int
main (int   argc,
      char *argv[])
{
  const char *runs_env = g_getenv ("SMT_BENCH_RUNS");
  const char *runs_100k_env = g_getenv ("SMT_BENCH_RUNS_100K");
  guint runs = runs_env ? (guint) atoi (runs_env) : 3;
  guint runs_100k = runs_100k_env ? (guint) atoi (runs_100k_env) : 3;
  g_autofree char *dir = g_dir_make_tmp ("smt-bench-XXXXXX", NULL);
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;

  setlocale (LC_ALL, "");
  runs = MAX (runs, 1);
  runs_100k = MAX (runs_100k, 1);
  g_print ("Sổ Mặt trận register benchmark (%u runs; 100k generation %u runs)\n", runs,
           runs_100k);
  small = bench_generate (dir, 10000, runs);
  large = bench_generate (dir, 100000, runs_100k);
  bench_open_first_page (large, MAX (runs, 5));

  remove_register (small);
  remove_register (large);
  g_rmdir (dir);
  return 0;
}
