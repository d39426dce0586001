/* bench-chart.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of drawing a chart: a 120-month line chart of 3 series, drawn
 * by smt_chart_draw to a 1366 × 540 image surface (a window's width) and to
 * the A4 PNG size; prints the median milliseconds per frame of
 * SMT_BENCH_RUNS frames (50). Nothing asserts on time. */

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "core/register/smt-format.h"
#include "core/register/smt-locale.h"
#include "io/render/smt-chart.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static SmtChart *
make_chart (void)
{
  SmtChart *chart = smt_chart_new (SMT_CHART_LINE, "Tỷ lệ tập hợp hội viên", TRUE);

  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(SmtPeriod) p = smt_period_new_month (2016 + i / 12, 1 + i % 12);
      g_autofree char *s = smt_chart_period_short_label (p);
      g_autofree char *l = smt_period_to_label (p);

      smt_chart_add_category (chart, s, l);
    }
  for (guint s = 0; s < 3; s++)
    {
      double v[120];

      for (guint i = 0; i < 120; i++)
        v[i] = 40 + 15 * s + 10 * sin (i / 7.0 + s);
      smt_chart_add_series (chart, s == 0 ? "Phụ nữ" : s == 1 ? "Nông dân" : "Đoàn TN", v, 120);
    }
  smt_chart_set_target (chart, 85);
  smt_chart_set_baseline (chart, 35);
  return chart;
}

static double
median_ms (const SmtChart *chart,
           int             width,
           int             height,
           guint           runs)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  g_autofree double *times = g_new (double, runs);
  double median;

  for (guint r = 0; r < runs; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      smt_chart_draw (chart, cr, width, height);
      cairo_surface_flush (surface);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  median = times[runs / 2];
  cairo_surface_destroy (surface);
  return median;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SmtChart) chart = NULL;
  const char *runs_text = g_getenv ("SMT_BENCH_RUNS");
  guint runs = runs_text ? (guint) MAX (1, atoi (runs_text)) : 50;
  g_autofree char *window = NULL;
  g_autofree char *a4 = NULL;

  smt_locale_init ();
  setlocale (LC_ALL, "");
  chart = make_chart ();
  /* The first frame loads the fonts. */
  median_ms (chart, 200, 100, 1);
  window = smt_format_decimal (median_ms (chart, 1366, 540, runs), 2);
  a4 = smt_format_decimal (median_ms (chart, 1190, 740, runs), 2);
  g_print ("chart of 120 months × 3 series, median of %u frames:\n", runs);
  g_print ("  1366 × 540 (window):  %s ms per frame\n", window);
  g_print ("  1190 × 740 (A4 PNG):  %s ms per frame\n", a4);
  return 0;
}
