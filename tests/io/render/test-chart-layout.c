/* test-chart-layout.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <math.h>

#include "core/register/smt-locale.h"
#include "io/render/smt-chart-layout.h"

static void
test_scale (void)
{
  SmtChartScale y = { 0, 500000, 400, 40 };   /* bottom 400, top 40 */
  SmtChartScale x = { 0, 10, 50, 550 };

  g_assert_cmpfloat_with_epsilon (smt_chart_scale_map (&y, 0), 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (smt_chart_scale_map (&y, 500000), 40, 1e-9);
  g_assert_cmpfloat_with_epsilon (smt_chart_scale_map (&y, 250000), 220, 1e-9);
  g_assert_cmpfloat_with_epsilon (smt_chart_scale_map (&x, 3), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (smt_chart_scale_unmap (&y, 220), 250000, 1e-6);
  g_assert_cmpfloat_with_epsilon (smt_chart_scale_unmap (&x, 200), 3, 1e-9);
}

static void
test_ticks_count (void)
{
  SmtChartTicks t;
  g_autofree char *label = NULL;
  g_autofree char *top = NULL;

  /* 0–437.388, 6 ticks at most: 0, 100.000, …, 500.000. */
  smt_chart_nice_ticks (12, 437388, NAN, FALSE, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.step, ==, 100000);
  g_assert_cmpfloat (t.max, ==, 500000);
  g_assert_cmpuint (t.count, ==, 6);
  label = smt_chart_format_tick (t.min + t.step, t.step, FALSE);
  g_assert_cmpstr (label, ==, "100.000");
  top = smt_chart_format_tick (t.max, t.step, FALSE);
  g_assert_cmpstr (top, ==, "500.000");

  /* More room: steps of 50.000, 0 to 450.000, 10 ticks. */
  smt_chart_nice_ticks (12, 437388, NAN, FALSE, 11, &t);
  g_assert_cmpfloat (t.step, ==, 50000);
  g_assert_cmpfloat (t.max, ==, 450000);
  g_assert_cmpuint (t.count, ==, 10);

  /* Small counts never get fractional ticks. */
  smt_chart_nice_ticks (0, 3, NAN, FALSE, 20, &t);
  g_assert_cmpfloat (t.step, ==, 1);
  g_assert_cmpfloat (t.max, ==, 3);
  g_assert_cmpuint (t.count, ==, 4);

  /* A target above the data is in range. */
  smt_chart_nice_ticks (100, 180, 250, FALSE, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.step, ==, 50);
  g_assert_cmpfloat (t.max, ==, 250);
  g_assert_cmpuint (t.count, ==, 6);

  /* The step is 1, 2 or 5 × 10^n. */
  g_assert_cmpfloat (smt_chart_nice_step (0, 7, 5), ==, 2);
  g_assert_cmpfloat (smt_chart_nice_step (0, 0.9, 4), ==, 0.5);
  g_assert_cmpfloat (smt_chart_nice_step (0, 1234, 3), ==, 1000);
}

static void
test_ticks_percent (void)
{
  SmtChartTicks t;
  g_autofree char *label = NULL;
  g_autofree char *fine = NULL;

  /* 52,7–88 %: read on 0–100 %. */
  smt_chart_nice_ticks (52.7, 88, NAN, TRUE, 6, &t);
  g_assert_cmpfloat (t.min, ==, 0);
  g_assert_cmpfloat (t.max, ==, 100);
  g_assert_cmpfloat (t.step, ==, 20);
  g_assert_cmpuint (t.count, ==, 6);
  label = smt_chart_format_tick (60, t.step, TRUE);
  g_assert_cmpstr (label, ==, "60 %");

  /* Small rates keep their own scale: 0–15 % in steps of 5. */
  smt_chart_nice_ticks (1.2, 12, NAN, TRUE, 4, &t);
  g_assert_cmpfloat (t.max, ==, 15);
  g_assert_cmpfloat (t.step, ==, 5);

  /* Fine steps get decimals with a comma. */
  smt_chart_nice_ticks (0, 1.8, NAN, TRUE, 11, &t);
  g_assert_cmpfloat (t.step, ==, 0.2);
  fine = smt_chart_format_tick (0.6, t.step, TRUE);
  g_assert_cmpstr (fine, ==, "0,6 %");
}

static void
test_format_value (void)
{
  g_autofree char *pct = smt_chart_format_value (52.66, TRUE);
  g_autofree char *count = smt_chart_format_value (437388, FALSE);

  g_assert_cmpstr (pct, ==, "52,7 %");
  g_assert_cmpstr (count, ==, "437.388");
}

static void
test_period_labels (void)
{
  g_autoptr(SmtPeriod) month = smt_period_new_month (2025, 5);
  g_autoptr(SmtPeriod) quarter = smt_period_new_quarter (2025, 2);
  g_autoptr(SmtPeriod) year = smt_period_new_year (2025);
  g_autofree char *m = smt_chart_period_short_label (month);
  g_autofree char *q = smt_chart_period_short_label (quarter);
  g_autofree char *y = smt_chart_period_short_label (year);

  g_assert_cmpstr (m, ==, "T5/2025");
  g_assert_cmpstr (q, ==, "Quý II/2025");
  g_assert_cmpstr (y, ==, "2025");
}

/* 120 monthly labels 52 px wide over 600 px: thinned until none overlap. */
static void
test_thin_labels (void)
{
  double centres[120], widths[120];
  gboolean shown[120];
  guint count, every = 0;
  SmtChartBox boxes[120];
  guint n_boxes = 0;

  for (guint i = 0; i < 120; i++)
    {
      centres[i] = 60 + i * 5.0;
      widths[i] = 52;
    }
  count = smt_chart_thin_labels (centres, widths, 120, 6, 0, 700, shown);
  /* 52 + 6 px needs 58 px: every 12th label (60 px apart). */
  g_assert_true (shown[0]);
  for (guint i = 1; i < 120 && every == 0; i++)
    if (shown[i])
      every = i;
  g_assert_cmpuint (every, ==, 12);
  g_assert_cmpuint (count, ==, 10);
  for (guint i = 0; i < 120; i++)
    if (shown[i])
      boxes[n_boxes++] = (SmtChartBox) { centres[i] - widths[i] / 2, 0, widths[i], 14 };
  g_assert_cmpuint (n_boxes, ==, count);
  for (guint i = 0; i < n_boxes; i++)
    for (guint j = i + 1; j < n_boxes; j++)
      g_assert_false (smt_chart_box_overlap (&boxes[i], &boxes[j]));

  /* Wide apart: all shown. A label past the edge is left out. */
  {
    double c[3] = { 10, 100, 200 };
    double w[3] = { 40, 40, 40 };
    gboolean s[3];

    g_assert_cmpuint (smt_chart_thin_labels (c, w, 3, 4, 0, 300, s), ==, 2);
    g_assert_false (s[0]);
    g_assert_true (s[1]);
    g_assert_true (s[2]);
  }
}

static void
test_legend (void)
{
  double widths[4] = { 120, 150, 100, 90 };
  SmtChartBox boxes[4];
  SmtChartBox area = { 20, 300, 300, 100 };
  double height;

  height = smt_chart_legend_place (20, 300, 300, widths, 4, 18, 10, boxes);
  /* 120 + 10 + 150 fit on the first row; 100 + 10 + 90 on the second. */
  g_assert_cmpfloat (height, ==, 46);
  g_assert_cmpfloat (boxes[0].x, ==, 20);
  g_assert_cmpfloat (boxes[1].x, ==, 150);
  g_assert_cmpfloat (boxes[1].y, ==, 300);
  g_assert_cmpfloat (boxes[2].x, ==, 20);
  g_assert_cmpfloat (boxes[2].y, ==, 328);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (smt_chart_box_inside (&boxes[i], &area));
      for (guint j = i + 1; j < 4; j++)
        g_assert_false (smt_chart_box_overlap (&boxes[i], &boxes[j]));
    }
  g_assert_cmpfloat (smt_chart_legend_place (0, 0, 100, widths, 0, 18, 10, boxes), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/chart-layout/scale", test_scale);
  g_test_add_func ("/chart-layout/ticks-count", test_ticks_count);
  g_test_add_func ("/chart-layout/ticks-percent", test_ticks_percent);
  g_test_add_func ("/chart-layout/format-value", test_format_value);
  g_test_add_func ("/chart-layout/period-labels", test_period_labels);
  g_test_add_func ("/chart-layout/thin-labels", test_thin_labels);
  g_test_add_func ("/chart-layout/legend", test_legend);
  return g_test_run ();
}
