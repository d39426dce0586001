/* bench-import.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the import: the 30.000-member list of the sheet fixtures
 * (title block, two-row Nam/Nữ header, a hamlet group row every 250
 * members, 12 columns), medians of SMT_BENCH_RUNS runs (5):
 *   reading   the file opened and its sheet read whole (SmtWorkbook);
 *   preview   from the file to the plan with every problem found: read,
 *             encodings guessed, decoded, header and rows found, mapping
 *             guessed, member rows read, planned against the register;
 *   import    the preview, every row left undecided taken as a new
 *             person (as --on-duplicate new) or, when that does not mend
 *             it (joined before birth), skipped; then written in one
 *             batch into a fresh register whose six hamlets are the list's.
 * Beside them, in the same run, gnumeric's ssconvert and LibreOffice
 * converting the same file to CSV, when they are on PATH, as ratios.
 * Nothing asserts on time. */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "core/import/smt-import-plan.h"
#include "core/register/smt-locale.h"
#include "core/setup/smt-setup.h"
#include "io/import/smt-import-source.h"
#include "io/sheets/sheet-fixtures.h"
#include "io/sheets/smt-workbook.h"
#include "smt-test-util.h"

#define N_MEMBERS 30000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const double *times,
        guint         runs)
{
  g_autofree double *sorted = g_memdup2 (times, sizeof (double) * runs);

  qsort (sorted, runs, sizeof (double), compare_doubles);
  return sorted[runs / 2];
}

/* CPU seconds of this process: on a shared machine the wall clock also
 * counts the time others hold the processor. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Median seconds of argv run runs times, or a negative number when it
 * failed. */
static double
time_command (const char *const *argv,
              guint              runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      int status = 0;
      gint64 start = g_get_monotonic_time ();

      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, NULL, NULL, &status, NULL)
          || !g_spawn_check_wait_status (status, NULL))
        return -1.0;
      times[r] = seconds_since (start);
    }
  return median (times, runs);
}

/* A real commune's register with the fixture's six hamlets, each with
 * the branches a new register proposes. */
static SmtRegister *
fresh_register (const char *path)
{
  static const char *const hamlets[] = {
    "Ấp Tân Hòa", "Ấp Bình An", "Ấp Phú Lợi", "Ấp Long Hưng", "Ấp Mỹ Thạnh", "Ấp Hòa Bình",
  };
  g_autoptr(SmtSetupPlan) plan = smt_setup_plan_new ();
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_hamlet_entry_free);
  g_autoptr(GError) error = NULL;
  SmtRegister *reg;

  smt_setup_plan_set_commune (plan, "Tân Phú", "xã", "Cần Thơ", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (hamlets); i++)
    g_ptr_array_add (entries, smt_hamlet_entry_new (hamlets[i], "ấp"));
  smt_setup_plan_set_hamlets (plan, entries);
  smt_setup_plan_propose_branches (plan);
  g_unlink (path);
  reg = smt_setup_new_register_from_plan (path, plan, &error);
  if (reg == NULL)
    g_error ("%s", error->message);
  return reg;
}

int
main (void)
{
  const char *runs_env = g_getenv ("SMT_BENCH_RUNS");
  guint runs = runs_env != NULL ? (guint) MAX (1, atoi (runs_env)) : 5;
  g_autofree char *dir = g_dir_make_tmp ("bench-import-XXXXXX", NULL);
  g_autofree char *maps = g_build_filename (dir, "mappings", NULL);
  g_autofree char *path = g_build_filename (dir, "hoi-vien-30000.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "hoi-vien.csv", NULL);
  g_autofree char *db = g_build_filename (dir, "tan-phu.smt", NULL);
  g_autofree double *read = g_new (double, runs);
  g_autofree double *load = g_new (double, runs);
  g_autofree double *rows_t = g_new (double, runs);
  g_autofree double *plan_t = g_new (double, runs);
  g_autofree double *preview = g_new (double, runs);
  g_autofree double *decide_t = g_new (double, runs);
  g_autofree double *apply_t = g_new (double, runs);
  g_autofree double *whole = g_new (double, runs);
  g_autofree double *read_cpu = g_new (double, runs);
  g_autofree double *preview_cpu = g_new (double, runs);
  g_autofree double *whole_cpu = g_new (double, runs);
  g_autofree double *apply_cpu = g_new (double, runs);
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autofree char *libreoffice = g_find_program_in_path ("libreoffice");
  SmtImportSummary s = { 0 }, decided = { 0 };
  guint n_rows = 0;
  double ours, reading;

  setlocale (LC_ALL, "");
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  /* Nothing remembered from the user's own lists. */
  g_setenv ("SMT_IMPORT_MAPPINGS_DIR", maps, TRUE);
  if (!fixture_write_member_list_xlsx (path, N_MEMBERS))
    g_error ("cannot write %s", path);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_seconds ();
      g_autoptr(SmtWorkbook) wb = smt_workbook_open (path, &error);
      g_autoptr(SmtSheet) sheet = NULL;

      if (wb == NULL || (sheet = smt_workbook_read_sheet (wb, 0, NULL, NULL, NULL, &error)) == NULL)
        g_error ("%s", error->message);
      read[r] = seconds_since (start);
      read_cpu[r] = cpu_seconds () - cpu;
      n_rows = sheet->n_rows;
    }

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtRegister) reg = fresh_register (db);
      g_autoptr(SmtImportSource) source = NULL;
      g_autoptr(SmtImportPlan) plan = NULL;
      GPtrArray *rows;
      SmtImportPlanOptions options = { .organisation = "ND" };
      gint64 start = g_get_monotonic_time (), t, batch = 0;
      double cpu = cpu_seconds ();

      if ((source = smt_import_source_open (path, &error)) == NULL
          || !smt_import_source_load_sheet (source, 0, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      load[r] = seconds_since (start);
      t = g_get_monotonic_time ();
      if ((rows = smt_import_source_read_rows (source, NULL, &error)) == NULL)
        g_error ("%s", error->message);
      rows_t[r] = seconds_since (t);
      t = g_get_monotonic_time ();
      options.file_name = smt_import_source_file_name (source);
      options.file_sha256 = smt_import_source_sha256 (source);
      options.sheet = "Hội viên";
      if ((plan = smt_import_plan_new (reg, &options, rows, NULL, &error)) == NULL)
        g_error ("%s", error->message);
      plan_t[r] = seconds_since (t);
      preview[r] = seconds_since (start);
      preview_cpu[r] = cpu_seconds () - cpu;
      smt_import_plan_get_summary (plan, &s);

      t = g_get_monotonic_time ();
      for (guint i = 0; i < smt_import_plan_get_n_rows (plan); i++)
        if (smt_import_plan_get_row (plan, i)->status == SMT_IMPORT_STATUS_UNDECIDED)
          {
            if (!smt_import_plan_decide (plan, i, SMT_IMPORT_NEW_PERSON, 0, &error))
              g_error ("%s", error->message);
            /* Joined before birth and the like: a new person does not mend it. */
            if (smt_import_plan_get_row (plan, i)->status == SMT_IMPORT_STATUS_UNDECIDED
                && !smt_import_plan_decide (plan, i, SMT_IMPORT_SKIP, 0, &error))
              g_error ("%s", error->message);
          }
      if (smt_import_plan_n_undecided (plan) > 0)
        g_error ("%u rows still undecided", smt_import_plan_n_undecided (plan));
      decide_t[r] = seconds_since (t);
      t = g_get_monotonic_time ();
      apply_cpu[r] = cpu_seconds ();
      if (!smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error))
        g_error ("%s", error->message);
      apply_t[r] = seconds_since (t);
      apply_cpu[r] = cpu_seconds () - apply_cpu[r];
      smt_import_plan_get_summary (plan, &decided);
      whole[r] = seconds_since (start);
      whole_cpu[r] = cpu_seconds () - cpu;
    }

  reading = median (read, runs);
  g_print ("30.000-member .xlsx (%u rows), medians of %u runs (wall clock; CPU of this "
           "process):\n", n_rows, runs);
  g_print ("  reading (open + read sheet):          %.3f s (CPU %.3f s)\n", reading,
           median (read_cpu, runs));
  g_print ("  preview (file → plan, every problem): %.3f s (CPU %.3f s)\n",
           median (preview, runs), median (preview_cpu, runs));
  g_print ("    of which open + load sheet:         %.3f s (reading %.3f, then guess, decode, "
           "layout, mapping about %.3f)\n", median (load, runs), reading,
           median (load, runs) - reading);
  g_print ("    read member rows:                   %.3f s\n", median (rows_t, runs));
  g_print ("    plan:                               %.3f s\n", median (plan_t, runs));
  g_print ("  whole import (preview + decide + write): %.3f s (CPU %.3f s; deciding %.3f s, "
           "writing %.3f s, CPU %.3f s)\n", median (whole, runs), median (whole_cpu, runs),
           median (decide_t, runs), median (apply_t, runs), median (apply_cpu, runs));
  g_print ("  plan: %u rows read, %u new persons, %u households, %u undecided; then "
           "decided (look-alikes new, impossible rows skipped): %u new persons, %u skipped\n",
           s.rows_read, s.new_persons, s.households, s.undecided, decided.new_persons,
           decided.skipped);
  for (guint k = 0; k < SMT_N_IMPORT_PROBLEMS; k++)
    if (s.problems[k] > 0)
      g_print ("    rows with a problem “%s”: %u\n", smt_import_problem_code_to_string (k),
               s.problems[k]);

  ours = reading;
  if (ssconvert != NULL)
    {
      const char *argv[] = { ssconvert, path, csv, NULL };
      double t = time_command (argv, runs);

      if (t < 0)
        g_print ("ssconvert: failed\n");
      else
        g_print ("ssconvert to CSV: %.3f s: our reading %.1f× faster, our preview %.1f×, "
                 "our whole import %.2f× its time\n", t, t / ours, t / median (preview, runs),
                 median (whole, runs) / t);
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
        g_print ("libreoffice --convert-to csv: %.3f s: our reading %.1f× faster\n", t,
                 t / ours);
    }
  else
    g_print ("libreoffice: absent\n");

  smt_test_rm_rf (dir);
  return 0;
}
