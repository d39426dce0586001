/* test-cli-chart.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "core/demo/smt-demo.h"
#include "core/indicators/smt-indicators.h"
#include "core/register/smt-locale.h"
#include "io/render/smt-chart-data.h"
#include "smt-test-util.h"

/* `somattran chart` on a small demo register, and the charts it is made
 * from, checked against the indicators computed one by one. */

static char *demo_dir;
static char *demo_path;

static void
test_files (void)
{
  g_autofree char *png = g_build_filename (demo_dir, "trend.png", NULL);
  g_autofree char *svg = g_build_filename (demo_dir, "hamlets.svg", NULL);
  g_autofree char *pdf = g_build_filename (demo_dir, "yoy.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  gsize len;

  g_assert_cmpint (smt_test_cli (&out, &err, "chart", demo_path, "gathering_rate", "--from", "2024-01",
                        "--to", "2025-12", "--by", "org", "-o", png, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_cmpint (memcmp (contents, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 1190);
  g_assert_cmpuint (len, >, 5000);
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (smt_test_cli (&out, &err, "chart", demo_path, "members_total", "--to", "2025-Q2",
                        "--hamlets", "--by", "org", "--stacked", "-o", svg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, &len, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"595pt\""));

  g_assert_cmpint (smt_test_cli (&out, &err, "chart", demo_path, "households_covered", "--to", "2025-12",
                        "--compare-year", "-o", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, pdf, NULL };
      g_autofree char *info = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &info, NULL, NULL, NULL));
      /* A4 width: 595 points. */
      g_assert_nonnull (strstr (info, "595 x 370 pts"));
    }

  /* Refusals: in Vietnamese, and no file written. */
  {
    g_autofree char *bad = g_build_filename (demo_dir, "bad.png", NULL);

    g_assert_cmpint (smt_test_cli (&out, &err, "chart", demo_path, "no_such_indicator", "--from",
                          "2025-01", "--to", "2025-03", "-o", bad, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "không phải là chỉ tiêu"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    g_assert_cmpint (smt_test_cli (&out, &err, "chart", demo_path, "gathering_rate", "--from",
                          "2025-01", "--to", "2025-03", "--by", "street", "-o", bad, NULL), ==, 2);
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
}

/* The chart's values are the indicator's, period by period. */
static void
test_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = smt_register_open (demo_path, &error);
  g_autoptr(SmtPeriod) from = smt_period_new_quarter (2024, 1);
  g_autoptr(SmtPeriod) to = smt_period_new_quarter (2025, 4);
  g_autoptr(SmtChart) trend = NULL;
  g_autoptr(SmtChart) yoy = NULL;
  g_autoptr(SmtChart) ranked = NULL;
  g_autoptr(SmtPeriod) q2 = smt_period_new_quarter (2025, 2);
  SmtIndicatorQuery whole = { 0 };

  g_assert_no_error (error);
  trend = smt_chart_data_trend (reg, "households_covered", from, to, SMT_CHART_BY_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smt_chart_get_n_categories (trend), ==, 8);
  g_assert_cmpuint (smt_chart_get_n_series (trend), ==, 1);
  g_assert_true (smt_chart_is_percent (trend));
  g_assert_cmpstr (smt_chart_get_category_label (trend, 5, FALSE), ==, "Quý II/2025");
  {
    g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, "households_covered", q2,
                                                             &whole, &error);

    g_assert_no_error (error);
    g_assert_true (r->defined);
    g_assert_cmpfloat_with_epsilon (smt_chart_get_value (trend, 0, 5), r->value, 1e-9);
  }

  yoy = smt_chart_data_year_on_year (reg, "members_total", 2025, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smt_chart_get_n_categories (yoy), ==, 12);
  g_assert_cmpuint (smt_chart_get_n_series (yoy), ==, 2);
  g_assert_cmpstr (smt_chart_get_series_name (yoy, 1), ==, "2024");
  {
    g_autoptr(SmtPeriod) may = smt_period_new_month (2024, 5);
    g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, "members_total", may,
                                                             &whole, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (smt_chart_get_value (yoy, 1, 4), r->value, 1e-9);
  }

  /* Gathering rate by hamlet: sorted from the highest. */
  ranked = smt_chart_data_by_hamlet (reg, "gathering_rate", q2, SMT_CHART_BY_NONE, FALSE, 0,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smt_chart_get_n_categories (ranked), >, 2);
  for (guint i = 1; i < smt_chart_get_n_categories (ranked); i++)
    if (!isnan (smt_chart_get_value (ranked, 0, i)))
      g_assert_cmpfloat (smt_chart_get_value (ranked, 0, i - 1), >=,
                         smt_chart_get_value (ranked, 0, i));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  demo_dir = g_dir_make_tmp ("smt-cli-chart-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (demo_dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (demo_path, 600, 5, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_add_func ("/cli-chart/files", test_files);
  g_test_add_func ("/cli-chart/data", test_data);
  status = g_test_run ();
  smt_test_rm_rf (demo_dir);
  g_free (demo_path);
  g_free (demo_dir);
  return status;
}
