/* bench-sheets.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of reading a spreadsheet: the 30.000-member list of the
 * fixtures (title block, two-row Nam/Nữ header, hamlet rows, 12 columns)
 * opened and its sheet read whole, median of SMT_BENCH_RUNS runs (5);
 * beside gnumeric's ssconvert and LibreOffice converting the same file to
 * CSV, when they are on PATH, as ratios. Nothing asserts on time. */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "io/sheets/smt-workbook.h"
#include "io/sheets/sheet-fixtures.h"

/* CPU seconds of this process: on a shared machine the wall clock also
 * counts the time others hold the processor. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *times,
        guint   runs)
{
  qsort (times, runs, sizeof (double), compare_doubles);
  return times[runs / 2];
}

/* Median seconds of @argv run @runs times, or a negative number when it
 * failed. */
static double
time_command (const char *const *argv,
              guint              runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      int status = 0;
      gint64 start = g_get_monotonic_time ();

      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, NULL))
        return -1.0;
      times[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  return median (times, runs);
}

int
main (void)
{
  const char *runs_env = g_getenv ("SMT_BENCH_RUNS");
  guint runs = runs_env != NULL ? (guint) MAX (1, atoi (runs_env)) : 5;
  g_autofree char *dir = g_dir_make_tmp ("bench-sheets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hoi-vien-30000.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "hoi-vien.csv", NULL);
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *libreoffice = g_find_program_in_path ("libreoffice");
  guint n_rows = 0, n_cols = 0;
  double ours;

  setlocale (LC_ALL, "");
  if (!fixture_write_member_list_xlsx (path, 30000))
    g_error ("cannot write %s", path);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();
      g_autoptr(SmtWorkbook) wb = smt_workbook_open (path, &error);
      g_autoptr(SmtSheet) sheet = NULL;

      if (wb == NULL)
        g_error ("%s", error->message);
      sheet = smt_workbook_read_sheet (wb, 0, NULL, NULL, NULL, &error);
      if (sheet == NULL)
        g_error ("%s", error->message);
      times[r] = (g_get_monotonic_time () - start) / 1e6;
      cpu[r] = cpu_seconds () - cpu_start;
      n_rows = sheet->n_rows;
      n_cols = sheet->n_cols;
    }
  ours = median (times, runs);
  g_print ("read 30.000-member .xlsx (%u rows × %u columns): %.3f s, %.3f s of CPU "
           "(medians of %u)\n", n_rows, n_cols, ours, median (cpu, runs), runs);

  if (ssconvert != NULL)
    {
      const char *argv[] = { ssconvert, path, csv, NULL };
      double t = time_command (argv, runs);

      if (t < 0)
        g_print ("ssconvert: failed\n");
      else
        g_print ("ssconvert to CSV: %.3f s, %.1f× our reading\n", t, t / ours);
    }
  else
    g_print ("ssconvert (gnumeric): absent\n");

  if (libreoffice != NULL)
    {
      const char *argv[] = {
        libreoffice, "--headless", "--convert-to", "csv", "--outdir", dir, path, NULL,
      };
      double t = time_command (argv, MIN (runs, 3));

      if (t < 0)
        g_print ("libreoffice: failed\n");
      else
        g_print ("libreoffice --convert-to csv: %.3f s, %.1f× our reading\n", t, t / ours);
    }
  else
    g_print ("libreoffice: absent\n");

  g_unlink (path);
  g_unlink (csv);
  {
    g_autofree char *lo_csv = g_build_filename (dir, "hoi-vien-30000.csv", NULL);

    g_unlink (lo_csv);
  }
  g_rmdir (dir);
  return 0;
}
