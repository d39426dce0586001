/* bench-reports.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the reports on demo registers (100.000 people by default):
 * for each report, the model built from the register (the first build,
 * which reads the indicator facts, and the median of the next ones), then
 * the median time to write it to XLSX and to PDF, with its size in rows
 * and pages. The member list is that of the largest branch. Nothing
 * asserts on time.
 *
 * SMT_BENCH_SIZES  people per register, comma separated (100000)
 * SMT_BENCH_RUNS   runs per measurement (5) */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "core/demo/smt-demo.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-format.h"
#include "core/register/smt-locale.h"
#include "core/reports/smt-reports.h"
#include "core/targets/smt-targets.h"
#include "io/render/smt-report-draw.h"
#include "io/render/smt-report-xlsx.h"

static guint bench_runs = 5;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The branch with the most members on date. */
static gint64
largest_branch (SmtRegister *reg,
                const char  *date,
                guint       *members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = smt_branches_list (reg, 0, date, &error);
  gint64 best = 0;

  g_assert_no_error (error);
  *members = 0;
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (b->members > *members)
        {
          *members = b->members;
          best = b->id;
        }
    }
  return best;
}

static void
bench_report (SmtRegister           *reg,
              const SmtReportParams *params,
              const char            *dir,
              const char            *label)
{
  g_autofree double *build = g_new (double, bench_runs);
  g_autofree double *xlsx = g_new (double, bench_runs);
  g_autofree double *pdf = g_new (double, bench_runs);
  g_autofree char *xlsx_path = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(SmtReportLayout) layout = NULL;
  double first;
  GStatBuf st_x, st_p;

  /* The first build after the facts were given back reads them again. */
  smt_indicators_release_facts (reg);
  first = now_ms ();
  report = smt_report_build (reg, params, &error);
  first = now_ms () - first;
  g_assert_no_error (error);
  for (guint r = 0; r < bench_runs; r++)
    {
      g_autoptr(SmtReport) again = NULL;
      double t = now_ms ();

      again = smt_report_build (reg, params, &error);
      build[r] = now_ms () - t;
      g_assert_no_error (error);

      t = now_ms ();
      if (!smt_report_write_xlsx (again, xlsx_path, &error))
        g_error ("xlsx: %s", error->message);
      xlsx[r] = now_ms () - t;

      t = now_ms ();
      if (!smt_report_write_pdf (again, pdf_path, &error))
        g_error ("pdf: %s", error->message);
      pdf[r] = now_ms () - t;
    }
  layout = smt_report_layout_new (report);
  g_stat (xlsx_path, &st_x);
  g_stat (pdf_path, &st_p);
  g_print ("  %-34s %6u rows %4u pages | build first %7.1f ms, median %7.1f ms"
           " | XLSX %7.1f ms (%" G_GINT64_FORMAT " kB) | PDF %7.1f ms (%" G_GINT64_FORMAT " kB)\n",
           label, report->body->len, smt_report_layout_get_n_pages (layout), first,
           median (build, bench_runs), median (xlsx, bench_runs), (gint64) st_x.st_size / 1024,
           median (pdf, bench_runs), (gint64) st_p.st_size / 1024);
}

static void
bench_size (guint people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-bench-reports-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.smt", NULL);
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) quarter = smt_period_new_quarter (2025, 2);
  g_autoptr(SmtPeriod) half = smt_period_new_half (2025, 1);
  g_autofree char *people_text = smt_format_int (people);
  g_autofree char *branch_label = NULL;
  SmtReportParams params = { 0 };
  guint members;
  double t;

  g_assert_no_error (error);
  t = now_ms ();
  if (!smt_demo_generate (path, people, SMT_DEMO_DEFAULT_SEED, NULL, NULL, &error))
    g_error ("demo: %s", error->message);
  g_print ("Demo of %s people made in %.1f s\n", people_text, (now_ms () - t) / 1000);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);

  params.kind = SMT_REPORT_ANNEX;
  params.period = quarter;
  params.resolution_id = smt_resolution_lookup (reg, "06-NQ/TU");
  params.signed_on = "2025-07-05";
  bench_report (reg, &params, dir, "Phụ lục 06-NQ/TU, Quý II/2025");

  params.kind = SMT_REPORT_MEMBERS;
  bench_report (reg, &params, dir, "Hội viên theo ấp, Quý II/2025");

  params.kind = SMT_REPORT_CHANGES;
  bench_report (reg, &params, dir, "Biến động, Quý II/2025");

  params.kind = SMT_REPORT_MEETINGS;
  params.period = half;
  bench_report (reg, &params, dir, "Sinh hoạt, 6 tháng đầu 2025");

  params.kind = SMT_REPORT_RATINGS;
  params.period = NULL;
  params.year = 2024;
  params.organisation_id = smt_organisation_lookup (reg, "PN");
  bench_report (reg, &params, dir, "Xếp loại Hội Phụ nữ 2024");

  params.kind = SMT_REPORT_BRANCH_MEMBERS;
  params.organisation_id = 0;
  /* The list as on the date line's day, 05/07/2025. */
  params.branch_id = largest_branch (reg, params.signed_on, &members);
  branch_label = g_strdup_printf ("Danh sách chi hội lớn nhất (%u)", members);
  bench_report (reg, &params, dir, branch_label);

  g_clear_object (&reg);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes = g_getenv ("SMT_BENCH_SIZES");
  const char *runs = g_getenv ("SMT_BENCH_RUNS");
  g_auto(GStrv) list = g_strsplit (sizes != NULL ? sizes : "100000", ",", -1);

  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  setlocale (LC_ALL, "");
  if (runs != NULL && atoi (runs) > 0)
    bench_runs = (guint) atoi (runs);
  g_print ("Reports: medians of %u runs\n", bench_runs);
  for (guint i = 0; list[i] != NULL; i++)
    bench_size ((guint) atoi (list[i]));
  return 0;
}
