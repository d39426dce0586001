/* test-chart-render.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/register/smt-locale.h"
#include "io/render/smt-chart.h"

#define W      800
#define H      460
#define MARGIN 20

/* Months from January 2024 as categories. */
static void
add_months (SmtChart *chart,
            guint     n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmtPeriod) p = smt_period_new_month (2024 + i / 12, 1 + i % 12);
      g_autofree char *s = smt_chart_period_short_label (p);
      g_autofree char *l = smt_period_to_label (p);

      smt_chart_add_category (chart, s, l);
    }
}

static SmtChart *
make_line (guint n_months)
{
  SmtChart *chart = smt_chart_new (SMT_CHART_LINE, "Tỷ lệ hộ tham gia sinh hoạt", TRUE);
  static const char *names[] = { "Hội Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên" };

  add_months (chart, n_months);
  for (guint s = 0; s < 3; s++)
    {
      g_autofree double *v = g_new (double, n_months);

      for (guint i = 0; i < n_months; i++)
        v[i] = 55 + 10 * s + 8 * sin (i / 3.0 + s);
      if (n_months > 5)
        v[4] = NAN;   /* a month with nothing to divide by */
      smt_chart_add_series (chart, names[s], v, n_months);
    }
  smt_chart_set_target (chart, 90);
  smt_chart_set_baseline (chart, 45);
  return chart;
}

static SmtChart *
make_bars (SmtChartKind kind)
{
  SmtChart *chart = smt_chart_new (kind, "Hội viên theo ấp và đoàn thể", FALSE);
  static const double values[3][6] = {
    { 120, 98, 143, 87, 110, 131 },
    { 80, 102, 95, 60, 77, 88 },
    { 45, 51, 38, 62, 40, 57 },
  };
  static const char *names[] = { "Hội Phụ nữ", "Hội Nông dân", "Đoàn Thanh niên" };

  for (guint h = 0; h < 6; h++)
    {
      g_autofree char *label = g_strdup_printf ("Ấp %u", h + 1);

      smt_chart_add_category (chart, label, NULL);
    }
  for (guint s = 0; s < 3; s++)
    smt_chart_add_series (chart, names[s], values[s], 6);
  smt_chart_set_target (chart, kind == SMT_CHART_BARS_STACKED ? 300 : 150);
  return chart;
}

static gboolean
pixel_is (const guint8 *row,
          int           x,
          const double *rgb,
          int           tolerance)
{
  guint32 px = ((const guint32 *) row)[x];
  int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

  return (px >> 24) == 0xff &&
         ABS (r - (int) round (rgb[0] * 255)) <= tolerance &&
         ABS (g - (int) round (rgb[1] * 255)) <= tolerance &&
         ABS (b - (int) round (rgb[2] * 255)) <= tolerance;
}

static void
check_boxes (const SmtChartGeometry *g)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (SmtChartBox));

  g_array_append_val (all, g->title);
  g_array_append_vals (all, g->tick_boxes->data, g->tick_boxes->len);
  g_array_append_vals (all, g->x_label_boxes->data, g->x_label_boxes->len);
  g_array_append_vals (all, g->legend_boxes->data, g->legend_boxes->len);
  g_assert_cmpuint (g->x_label_boxes->len, >, 1);
  for (guint i = 0; i < all->len; i++)
    {
      SmtChartBox *a = &g_array_index (all, SmtChartBox, i);

      g_assert_true (smt_chart_box_inside (a, &g->bounds));
      /* Text never sits on the plot's data area. */
      g_assert_false (smt_chart_box_overlap (a, &g->plot));
      for (guint j = i + 1; j < all->len; j++)
        g_assert_false (smt_chart_box_overlap (a, &g_array_index (all, SmtChartBox, j)));
    }
}

/* Draws at an offset on a bigger surface: the margin stays untouched. */
static void
render_and_check (SmtChart   *chart,
                  const char *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         W + 2 * MARGIN, H + 2 * MARGIN);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SmtChartGeometry) g = NULL;
  g_autofree char *file = g_strdup_printf ("chart-%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  const guint8 *data;
  int stride;
  guint target_hits = 0, stray_black = 0;

  g = smt_chart_compute_geometry (chart, cr, W, H);
  cairo_translate (cr, MARGIN, MARGIN);
  smt_chart_draw (chart, cr, W, H);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("chart saved in %s", path);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* Nothing outside (0, 0, W, H). */
  for (int y = 0; y < H + 2 * MARGIN; y++)
    for (int x = 0; x < W + 2 * MARGIN; x++)
      if (x < MARGIN || y < MARGIN || x >= W + MARGIN || y >= H + MARGIN)
        g_assert_cmpuint (((const guint32 *) (data + y * stride))[x], ==, 0);

  /* The dashed target line (the only pure black in the plot) lies at the
   * height the scale gives for the target. */
  g_assert_false (isnan (g->target_y));
  g_assert_cmpfloat_with_epsilon (g->target_y, smt_chart_scale_map (&g->y, smt_chart_get_target (chart)), 1e-9);
  for (int x = (int) g->plot.x + 1; x < (int) (g->plot.x + g->plot.w) - 1; x++)
    {
      gboolean hit = FALSE;

      for (int y = (int) g->plot.y; y < (int) (g->plot.y + g->plot.h); y++)
        {
          static const double black[3] = { 0, 0, 0 };

          if (pixel_is (data + (y + MARGIN) * stride, x + MARGIN, black, 10))
            {
              if (fabs (y + 0.5 - g->target_y) <= 2)
                hit = TRUE;
              else
                stray_black++;
            }
        }
      target_hits += hit;
    }
  /* Dashes of 8 on, 4 off: about two thirds of the columns. */
  g_assert_cmpuint (target_hits, >, g->plot.w * 0.5);
  g_assert_cmpuint (stray_black, ==, 0);

  /* Each series' colour is there, inside the plot. */
  for (guint s = 0; s < smt_chart_get_n_series (chart); s++)
    {
      double rgb[3];
      guint count = 0;

      smt_chart_series_colour (s, rgb);
      for (int y = (int) g->plot.y; y < (int) (g->plot.y + g->plot.h); y++)
        for (int x = (int) g->plot.x; x < (int) (g->plot.x + g->plot.w); x++)
          count += pixel_is (data + (y + MARGIN) * stride, x + MARGIN, rgb, 24);
      g_assert_cmpuint (count, >, 20);
    }

  check_boxes (g);
  cairo_surface_destroy (surface);
}

static void
test_line (void)
{
  g_autoptr(SmtChart) chart = make_line (24);

  render_and_check (chart, "line");
}

static void
test_line_long (void)
{
  g_autoptr(SmtChart) chart = make_line (120);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SmtChartGeometry) g = smt_chart_compute_geometry (chart, cr, W, H);

  /* 120 month labels cannot all be shown; fewer are, none overlapping. */
  g_assert_cmpuint (g->x_label_boxes->len, <, 120);
  g_assert_cmpuint (g->x_label_boxes->len, >=, 5);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  render_and_check (chart, "line-120-months");
}

static void
test_bars_grouped (void)
{
  g_autoptr(SmtChart) chart = make_bars (SMT_CHART_BARS_GROUPED);

  render_and_check (chart, "bars-grouped");
}

static void
test_bars_stacked (void)
{
  g_autoptr(SmtChart) chart = make_bars (SMT_CHART_BARS_STACKED);

  render_and_check (chart, "bars-stacked");
}

static void
test_hit (void)
{
  g_autoptr(SmtChart) line = make_line (24);
  g_autoptr(SmtChart) bars = make_bars (SMT_CHART_BARS_STACKED);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SmtChartGeometry) gl = smt_chart_compute_geometry (line, cr, W, H);
  g_autoptr(SmtChartGeometry) gb = smt_chart_compute_geometry (bars, cr, W, H);
  g_autofree char *text = NULL;
  g_autofree char *bar_text = NULL;
  guint s = 99, c = 99;
  double v = smt_chart_get_value (line, 1, 16);

  /* Near series 1's point of May 2025. */
  g_assert_true (smt_chart_hit_test (line, W, H, smt_chart_geometry_x (gl, 16) + 2,
                                     smt_chart_scale_map (&gl->y, v) - 2, &s, &c));
  g_assert_cmpuint (s, ==, 1);
  g_assert_cmpuint (c, ==, 16);
  text = smt_chart_describe_point (line, s, c);
  {
    g_autofree char *value = smt_chart_format_value (v, TRUE);
    g_autofree char *expected = g_strdup_printf ("Hội Nông dân — Tháng 5/2025: %s", value);

    g_assert_cmpstr (text, ==, expected);
  }
  /* Far from every point. */
  g_assert_false (smt_chart_hit_test (line, W, H, 2, 2, &s, &c));

  /* The middle segment of the third hamlet's stack: 143 + 95/2 up. */
  g_assert_true (smt_chart_hit_test (bars, W, H, smt_chart_geometry_x (gb, 2),
                                     smt_chart_scale_map (&gb->y, 143 + 47), &s, &c));
  g_assert_cmpuint (s, ==, 1);
  g_assert_cmpuint (c, ==, 2);
  bar_text = smt_chart_describe_point (bars, s, c);
  g_assert_cmpstr (bar_text, ==, "Hội Nông dân — Ấp 3: 95");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_write (void)
{
  g_autoptr(SmtChart) chart = make_line (24);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "a.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "a.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "a.doc", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (smt_chart_write (chart, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpint (memcmp (contents, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  /* IHDR: 1190 × 740 pixels (A4 width at twice 72 dpi). */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 1190);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 740);
  g_clear_pointer (&contents, g_free);

  g_assert_true (smt_chart_write (chart, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &len, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"595"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (smt_chart_write (chart, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpint (memcmp (contents, "%PDF", 4), ==, 0);
  {
    g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

    if (pdfinfo != NULL)
      {
        const char *argv[] = { pdfinfo, pdf, NULL };
        g_autofree char *out = NULL;
        int status;

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                     &out, NULL, &status, NULL));
        /* A4 width: 595 points. */
        g_assert_nonnull (strstr (out, "Page size:"));
        g_assert_nonnull (strstr (out, "595 x 370 pts"));
      }
  }

  g_assert_false (smt_chart_write (chart, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/chart-render/line", test_line);
  g_test_add_func ("/chart-render/line-120-months", test_line_long);
  g_test_add_func ("/chart-render/bars-grouped", test_bars_grouped);
  g_test_add_func ("/chart-render/bars-stacked", test_bars_stacked);
  g_test_add_func ("/chart-render/hit", test_hit);
  g_test_add_func ("/chart-render/write", test_write);
  return g_test_run ();
}
