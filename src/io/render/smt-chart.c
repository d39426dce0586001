/* smt-chart.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "io/files/smt-atomic-file.h"
#include "smt-chart.h"

typedef struct
{
  char   *name;
  GArray *values;  /* double, one per category */
} Series;

struct _SmtChart
{
  SmtChartKind  kind;
  char         *title;
  gboolean      percent;
  GPtrArray    *labels;       /* char * */
  GPtrArray    *long_labels;  /* char * */
  GPtrArray    *series;       /* Series * */
  double        target;
  double        baseline;
};

#define PAD        10.0
#define FONT_SIZE  10.0
#define TITLE_SIZE 13.0
#define SWATCH     26.0
#define HIT_RADIUS 8.0

/* Okabe–Ito: told apart by colour-blind readers; with the dashes and
 * markers below, also in greyscale. */
static const double palette[][3] = {
  { 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0 },  /* blue */
  { 0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0 },  /* orange */
  { 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0 },  /* bluish green */
  { 0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0 },  /* reddish purple */
  { 0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0 },  /* sky blue */
  { 0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0 },  /* vermillion */
  { 0xF0 / 255.0, 0xE4 / 255.0, 0x42 / 255.0 },  /* yellow */
};

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_array_unref (s->values);
  g_free (s);
}

SmtChart *
smt_chart_new (SmtChartKind kind,
               const char  *title,
               gboolean     percent)
{
  SmtChart *chart = g_new0 (SmtChart, 1);

  chart->kind = kind;
  chart->title = g_strdup (title ? title : "");
  chart->percent = percent;
  chart->labels = g_ptr_array_new_with_free_func (g_free);
  chart->long_labels = g_ptr_array_new_with_free_func (g_free);
  chart->series = g_ptr_array_new_with_free_func (series_free);
  chart->target = NAN;
  chart->baseline = NAN;
  return chart;
}

void
smt_chart_free (SmtChart *chart)
{
  if (chart == NULL)
    return;
  g_free (chart->title);
  g_ptr_array_unref (chart->labels);
  g_ptr_array_unref (chart->long_labels);
  g_ptr_array_unref (chart->series);
  g_free (chart);
}

void
smt_chart_add_category (SmtChart   *chart,
                        const char *label,
                        const char *long_label)
{
  g_ptr_array_add (chart->labels, g_strdup (label));
  g_ptr_array_add (chart->long_labels, g_strdup (long_label ? long_label : label));
  for (guint i = 0; i < chart->series->len; i++)
    {
      Series *s = g_ptr_array_index (chart->series, i);
      double nan = NAN;

      g_array_append_val (s->values, nan);
    }
}

guint
smt_chart_add_series (SmtChart     *chart,
                      const char   *name,
                      const double *values,
                      guint         n_values)
{
  Series *s = g_new0 (Series, 1);

  s->name = g_strdup (name ? name : "");
  s->values = g_array_sized_new (FALSE, FALSE, sizeof (double), chart->labels->len);
  for (guint i = 0; i < chart->labels->len; i++)
    {
      double v = i < n_values ? values[i] : NAN;

      g_array_append_val (s->values, v);
    }
  g_ptr_array_add (chart->series, s);
  return chart->series->len - 1;
}

void
smt_chart_set_target (SmtChart *chart,
                      double    target)
{
  chart->target = target;
}

void
smt_chart_set_baseline (SmtChart *chart,
                        double    baseline)
{
  chart->baseline = baseline;
}

SmtChartKind smt_chart_get_kind (const SmtChart *chart) { return chart->kind; }
const char *smt_chart_get_title (const SmtChart *chart) { return chart->title; }
gboolean smt_chart_is_percent (const SmtChart *chart) { return chart->percent; }
guint smt_chart_get_n_series (const SmtChart *chart) { return chart->series->len; }
guint smt_chart_get_n_categories (const SmtChart *chart) { return chart->labels->len; }
double smt_chart_get_target (const SmtChart *chart) { return chart->target; }
double smt_chart_get_baseline (const SmtChart *chart) { return chart->baseline; }

const char *
smt_chart_get_series_name (const SmtChart *chart,
                           guint           series)
{
  g_return_val_if_fail (series < chart->series->len, NULL);
  return ((Series *) g_ptr_array_index (chart->series, series))->name;
}

double
smt_chart_get_value (const SmtChart *chart,
                     guint           series,
                     guint           category)
{
  Series *s;

  g_return_val_if_fail (series < chart->series->len, NAN);
  s = g_ptr_array_index (chart->series, series);
  g_return_val_if_fail (category < s->values->len, NAN);
  return g_array_index (s->values, double, category);
}

const char *
smt_chart_get_category_label (const SmtChart *chart,
                              guint           category,
                              gboolean        long_form)
{
  g_return_val_if_fail (category < chart->labels->len, NULL);
  return g_ptr_array_index (long_form ? chart->long_labels : chart->labels, category);
}

void
smt_chart_series_colour (guint   series,
                         double *rgb)
{
  const double *c = palette[series % G_N_ELEMENTS (palette)];

  rgb[0] = c[0];
  rgb[1] = c[1];
  rgb[2] = c[2];
}

/* ---- text ---- */

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
measure (cairo_t    *cr,
         const char *text,
         double      size,
         gboolean    bold,
         double     *w,
         double     *h)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold);
  int pw, ph;

  pango_layout_get_pixel_size (layout, &pw, &ph);
  *w = pw;
  *h = ph;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      size,
           gboolean    bold,
           double      x,
           double      y)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, size, bold);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ---- geometry ---- */

static void
data_range (const SmtChart *chart,
            double         *lo,
            double         *hi)
{
  *lo = NAN;
  *hi = NAN;
  for (guint c = 0; c < chart->labels->len; c++)
    {
      double sum = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          double v = smt_chart_get_value (chart, s, c);

          if (isnan (v))
            continue;
          if (chart->kind == SMT_CHART_BARS_STACKED)
            {
              sum += v;
              v = sum;
            }
          if (isnan (*lo) || v < *lo)
            *lo = v;
          if (isnan (*hi) || v > *hi)
            *hi = v;
        }
    }
  if (!isnan (chart->baseline))
    {
      *lo = isnan (*lo) ? chart->baseline : MIN (*lo, chart->baseline);
      *hi = isnan (*hi) ? chart->baseline : MAX (*hi, chart->baseline);
    }
}

static gboolean
has_legend (const SmtChart *chart)
{
  return chart->series->len > 1 || !isnan (chart->target) || !isnan (chart->baseline);
}

/* The legend's entries: series, then target and baseline. */
static GPtrArray *
legend_texts (const SmtChart *chart)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  if (!has_legend (chart))
    return texts;
  for (guint s = 0; s < chart->series->len; s++)
    g_ptr_array_add (texts, g_strdup (smt_chart_get_series_name (chart, s)));
  if (!isnan (chart->target))
    {
      g_autofree char *v = smt_chart_format_value (chart->target, chart->percent);

      /* TRANSLATORS: the dashed line of a resolution's target on a chart */
      g_ptr_array_add (texts, g_strdup_printf (_("Target %s"), v));
    }
  if (!isnan (chart->baseline))
    {
      g_autofree char *v = smt_chart_format_value (chart->baseline, chart->percent);

      /* TRANSLATORS: the dotted line of the value before the resolution */
      g_ptr_array_add (texts, g_strdup_printf (_("Before the resolution %s"), v));
    }
  return texts;
}

void
smt_chart_geometry_free (SmtChartGeometry *g)
{
  if (g == NULL)
    return;
  g_array_unref (g->tick_boxes);
  g_array_unref (g->x_label_boxes);
  g_array_unref (g->x_label_index);
  g_array_unref (g->legend_boxes);
  g_free (g);
}

double
smt_chart_geometry_x (const SmtChartGeometry *g,
                      guint                   category)
{
  return g->plot.x + (category + 0.5) * g->category_width;
}

SmtChartGeometry *
smt_chart_compute_geometry (const SmtChart *chart,
                            cairo_t        *cr,
                            double          width,
                            double          height)
{
  SmtChartGeometry *g = g_new0 (SmtChartGeometry, 1);
  g_autoptr(GPtrArray) legend = legend_texts (chart);
  g_autofree double *widths = NULL;
  g_autofree double *centres = NULL;
  g_autofree gboolean *shown = NULL;
  double tw, th, lh, legend_h = 0, lo, hi, plot_top, plot_bottom, label_w = 0;
  guint n = chart->labels->len;

  g->tick_boxes = g_array_new (FALSE, FALSE, sizeof (SmtChartBox));
  g->x_label_boxes = g_array_new (FALSE, FALSE, sizeof (SmtChartBox));
  g->x_label_index = g_array_new (FALSE, FALSE, sizeof (guint));
  g->legend_boxes = g_array_new (FALSE, FALSE, sizeof (SmtChartBox));
  g->bounds = (SmtChartBox) { 0, 0, width, height };

  measure (cr, chart->title, TITLE_SIZE, TRUE, &tw, &th);
  g->title = (SmtChartBox) { PAD, PAD, MIN (tw, width - 2 * PAD), th };
  measure (cr, "0", FONT_SIZE, FALSE, &tw, &lh);

  /* The legend along the bottom. */
  if (legend->len > 0)
    {
      g_autofree double *lw = g_new (double, legend->len);
      g_autofree SmtChartBox *boxes = g_new (SmtChartBox, legend->len);

      for (guint i = 0; i < legend->len; i++)
        {
          measure (cr, g_ptr_array_index (legend, i), FONT_SIZE, FALSE, &lw[i], &th);
          lw[i] += SWATCH + 6;
        }
      legend_h = smt_chart_legend_place (PAD, 0, width - 2 * PAD, lw, legend->len,
                                         lh, 14, boxes);
      for (guint i = 0; i < legend->len; i++)
        {
          boxes[i].y += height - PAD - legend_h;
          g_array_append_val (g->legend_boxes, boxes[i]);
        }
      legend_h += PAD;
    }

  plot_top = g->title.y + g->title.h + PAD + lh / 2;
  /* The x labels go below the lowest tick label, so the first may reach left. */
  plot_bottom = height - PAD - legend_h - lh - lh / 2 - 4;
  if (plot_bottom < plot_top + 10)
    plot_bottom = plot_top + 10;

  data_range (chart, &lo, &hi);
  smt_chart_nice_ticks (lo, hi, chart->target, chart->percent,
                        smt_chart_max_ticks (plot_bottom - plot_top, lh * 2.2), &g->ticks);
  for (guint i = 0; i < g->ticks.count; i++)
    {
      g_autofree char *label = smt_chart_format_tick (g->ticks.min + i * g->ticks.step,
                                                      g->ticks.step, chart->percent);
      double w, h;

      measure (cr, label, FONT_SIZE, FALSE, &w, &h);
      label_w = MAX (label_w, w);
    }
  g->plot.x = PAD + label_w + 8;
  g->plot.y = plot_top;
  g->plot.w = MAX (10, width - PAD - 6 - g->plot.x);
  g->plot.h = plot_bottom - plot_top;
  g->y = (SmtChartScale) { g->ticks.min, g->ticks.max, plot_bottom, plot_top };
  g->target_y = isnan (chart->target) ? NAN : smt_chart_scale_map (&g->y, chart->target);
  g->baseline_y = isnan (chart->baseline) ? NAN : smt_chart_scale_map (&g->y, chart->baseline);
  g->category_width = n > 0 ? g->plot.w / n : g->plot.w;

  for (guint i = 0; i < g->ticks.count; i++)
    {
      g_autofree char *label = smt_chart_format_tick (g->ticks.min + i * g->ticks.step,
                                                      g->ticks.step, chart->percent);
      double w, h, y = smt_chart_scale_map (&g->y, g->ticks.min + i * g->ticks.step);
      SmtChartBox box;

      measure (cr, label, FONT_SIZE, FALSE, &w, &h);
      box = (SmtChartBox) { g->plot.x - 8 - w, y - h / 2, w, h };
      g_array_append_val (g->tick_boxes, box);
    }

  widths = g_new (double, MAX (n, 1));
  centres = g_new (double, MAX (n, 1));
  shown = g_new (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      measure (cr, g_ptr_array_index (chart->labels, i), FONT_SIZE, FALSE, &widths[i], &th);
      centres[i] = smt_chart_geometry_x (g, i);
    }
  smt_chart_thin_labels (centres, widths, n, 8, 0, width, shown);
  for (guint i = 0; i < n; i++)
    if (shown[i])
      {
        SmtChartBox box = { centres[i] - widths[i] / 2, plot_bottom + lh / 2 + 2, widths[i], lh };

        g_array_append_val (g->x_label_boxes, box);
        g_array_append_val (g->x_label_index, i);
      }
  return g;
}

/* ---- drawing ---- */

static void
set_dash (cairo_t *cr,
          guint    series)
{
  static const double dashes[][4] = {
    { 0 }, { 9, 4 }, { 2, 3 }, { 9, 3, 2, 3 },
  };
  static const int n_dashes[] = { 0, 2, 2, 4 };
  guint i = series % G_N_ELEMENTS (n_dashes);

  cairo_set_dash (cr, dashes[i], n_dashes[i], 0);
}

static void
draw_marker (cairo_t *cr,
             guint    series,
             double   x,
             double   y)
{
  double r = 3.5;

  switch (series % 4)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 0.5, y + r);
      cairo_line_to (cr, x - r - 0.5, y + r);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - r - 1);
      cairo_line_to (cr, x + r + 1, y);
      cairo_line_to (cr, x, y + r + 1);
      cairo_line_to (cr, x - r - 1, y);
      cairo_close_path (cr);
      break;
    }
  cairo_fill (cr);
}

/* A bar: filled with the series' colour, hatched for every other series so
 * the bars stay apart in greyscale. */
static void
draw_bar (cairo_t *cr,
          guint    series,
          double   x,
          double   y,
          double   w,
          double   h)
{
  double rgb[3];

  if (w <= 0 || h <= 0)
    return;
  smt_chart_series_colour (series, rgb);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  if (series % 3 != 0)
    {
      cairo_set_source_rgba (cr, 1, 1, 1, 0.6);
      cairo_set_line_width (cr, 1.2);
      for (double d = -h; d < w; d += series % 3 == 1 ? 5 : 3)
        {
          if (series % 3 == 1)
            {
              cairo_move_to (cr, x + d, y + h);
              cairo_line_to (cr, x + d + h, y);
            }
          else
            {
              cairo_move_to (cr, x + d + h, y + h);
              cairo_line_to (cr, x + d, y);
            }
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x + 0.4, y + 0.4, w - 0.8, h - 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The rectangle of a bar, in both bar kinds. */
static gboolean
bar_rect (const SmtChart         *chart,
          const SmtChartGeometry *g,
          guint                   s,
          guint                   c,
          SmtChartBox            *box)
{
  double v = smt_chart_get_value (chart, s, c);
  double inner = g->category_width * 0.75;
  double left = smt_chart_geometry_x (g, c) - inner / 2;
  double base = 0, y0, y1;

  if (isnan (v))
    return FALSE;
  if (chart->kind == SMT_CHART_BARS_STACKED)
    {
      for (guint k = 0; k < s; k++)
        {
          double below = smt_chart_get_value (chart, k, c);

          if (!isnan (below))
            base += below;
        }
      box->x = left;
      box->w = inner;
    }
  else
    {
      double each = inner / MAX (chart->series->len, 1);

      box->x = left + s * each;
      box->w = each;
    }
  y0 = smt_chart_scale_map (&g->y, MAX (base, g->ticks.min));
  y1 = smt_chart_scale_map (&g->y, base + v);
  box->y = MIN (y0, y1);
  box->h = fabs (y0 - y1);
  return TRUE;
}

static void
draw_reference (cairo_t *cr,
                const SmtChartGeometry *g,
                double   y,
                gboolean target)
{
  static const double target_dash[] = { 8, 4 };
  static const double baseline_dash[] = { 1.5, 3 };

  cairo_save (cr);
  if (target)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, target_dash, 2, 0);
    }
  else
    {
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_set_line_width (cr, 1.6);
      cairo_set_dash (cr, baseline_dash, 2, 0);
    }
  /* On whole pixels, crisp on the screen. */
  y = round (y);
  cairo_move_to (cr, g->plot.x, y);
  cairo_line_to (cr, g->plot.x + g->plot.w, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_legend_swatch (const SmtChart *chart,
                    cairo_t        *cr,
                    guint           entry,
                    const SmtChartBox *box)
{
  double cy = box->y + box->h / 2;
  guint n = chart->series->len;

  cairo_save (cr);
  if (entry < n)
    {
      double rgb[3];

      smt_chart_series_colour (entry, rgb);
      if (chart->kind == SMT_CHART_LINE)
        {
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_set_line_width (cr, 2);
          set_dash (cr, entry);
          cairo_move_to (cr, box->x, cy);
          cairo_line_to (cr, box->x + SWATCH, cy);
          cairo_stroke (cr);
          draw_marker (cr, entry, box->x + SWATCH / 2, cy);
        }
      else
        draw_bar (cr, entry, box->x, box->y + 2, SWATCH, box->h - 4);
    }
  else
    {
      SmtChartGeometry g = { 0 };

      g.plot = (SmtChartBox) { box->x, 0, SWATCH, 0 };
      draw_reference (cr, &g, cy,
                      entry == n && !isnan (chart->target));
    }
  cairo_restore (cr);
}

void
smt_chart_draw (const SmtChart *chart,
                cairo_t        *cr,
                double          width,
                double          height)
{
  g_autoptr(SmtChartGeometry) g = NULL;
  g_autoptr(GPtrArray) legend = NULL;
  guint n = chart->labels->len;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  g = smt_chart_compute_geometry (chart, cr, width, height);
  legend = legend_texts (chart);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_save (cr);
  cairo_rectangle (cr, g->title.x, g->title.y, g->title.w, g->title.h);
  cairo_clip (cr);
  {
    /* A title longer than the chart is cut with an ellipsis, not mid-letter. */
    g_autoptr(PangoLayout) title = make_layout (cr, chart->title, TITLE_SIZE, TRUE);

    pango_layout_set_width (title, (int) (g->title.w * PANGO_SCALE));
    pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
    cairo_move_to (cr, g->title.x, g->title.y);
    pango_cairo_show_layout (cr, title);
  }
  cairo_restore (cr);

  /* Grid and tick labels. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < g->ticks.count; i++)
    {
      double value = g->ticks.min + i * g->ticks.step;
      double y = round (smt_chart_scale_map (&g->y, value)) + 0.5;
      SmtChartBox *box = &g_array_index (g->tick_boxes, SmtChartBox, i);
      g_autofree char *label = smt_chart_format_tick (value, g->ticks.step, chart->percent);

      cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
      cairo_move_to (cr, g->plot.x, y);
      cairo_line_to (cr, g->plot.x + g->plot.w, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_text (cr, label, FONT_SIZE, FALSE, box->x, box->y);
    }
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, g->plot.x, g->plot.y + g->plot.h + 0.5);
  cairo_line_to (cr, g->plot.x + g->plot.w, g->plot.y + g->plot.h + 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < g->x_label_boxes->len; i++)
    {
      SmtChartBox *box = &g_array_index (g->x_label_boxes, SmtChartBox, i);
      guint c = g_array_index (g->x_label_index, guint, i);
      double x = smt_chart_geometry_x (g, c);

      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, round (x) + 0.5, g->plot.y + g->plot.h);
      cairo_line_to (cr, round (x) + 0.5, g->plot.y + g->plot.h + 3);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_text (cr, g_ptr_array_index (chart->labels, c), FONT_SIZE, FALSE, box->x, box->y);
    }

  /* The series, inside the plot. */
  cairo_save (cr);
  cairo_rectangle (cr, g->plot.x, g->plot.y - 6, g->plot.w, g->plot.h + 6);
  cairo_clip (cr);
  if (!isnan (g->baseline_y))
    draw_reference (cr, g, g->baseline_y, FALSE);
  for (guint s = 0; s < chart->series->len; s++)
    {
      double rgb[3];

      smt_chart_series_colour (s, rgb);
      if (chart->kind == SMT_CHART_LINE)
        {
          gboolean pen_down = FALSE;

          cairo_save (cr);
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_set_line_width (cr, 2);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          set_dash (cr, s);
          for (guint c = 0; c < n; c++)
            {
              double v = smt_chart_get_value (chart, s, c);

              if (isnan (v))
                {
                  pen_down = FALSE;
                  continue;
                }
              if (pen_down)
                cairo_line_to (cr, smt_chart_geometry_x (g, c), smt_chart_scale_map (&g->y, v));
              else
                cairo_move_to (cr, smt_chart_geometry_x (g, c), smt_chart_scale_map (&g->y, v));
              pen_down = TRUE;
            }
          cairo_stroke (cr);
          /* Markers while they stay apart. */
          if (g->category_width >= 9)
            for (guint c = 0; c < n; c++)
              {
                double v = smt_chart_get_value (chart, s, c);

                if (!isnan (v))
                  draw_marker (cr, s, smt_chart_geometry_x (g, c), smt_chart_scale_map (&g->y, v));
              }
          cairo_restore (cr);
        }
      else
        for (guint c = 0; c < n; c++)
          {
            SmtChartBox box;

            if (bar_rect (chart, g, s, c, &box))
              draw_bar (cr, s, box.x, box.y, box.w, box.h);
          }
    }
  if (!isnan (g->target_y))
    draw_reference (cr, g, g->target_y, TRUE);
  cairo_restore (cr);

  for (guint i = 0; i < g->legend_boxes->len; i++)
    {
      SmtChartBox *box = &g_array_index (g->legend_boxes, SmtChartBox, i);

      draw_legend_swatch (chart, cr, i, box);
      cairo_save (cr);
      cairo_rectangle (cr, box->x, box->y, box->w, box->h);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      show_text (cr, g_ptr_array_index (legend, i), FONT_SIZE, FALSE,
                 box->x + SWATCH + 6, box->y);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

gboolean
smt_chart_hit_test (const SmtChart *chart,
                    double          width,
                    double          height,
                    double          x,
                    double          y,
                    guint          *series,
                    guint          *category)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SmtChartGeometry) g = smt_chart_compute_geometry (chart, cr, width, height);
  double best = HIT_RADIUS * HIT_RADIUS;
  gboolean found = FALSE;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint s = 0; s < chart->series->len; s++)
    for (guint c = 0; c < chart->labels->len; c++)
      {
        if (chart->kind == SMT_CHART_LINE)
          {
            double v = smt_chart_get_value (chart, s, c);
            double dx, dy;

            if (isnan (v))
              continue;
            dx = smt_chart_geometry_x (g, c) - x;
            dy = smt_chart_scale_map (&g->y, v) - y;
            if (dx * dx + dy * dy <= best)
              {
                best = dx * dx + dy * dy;
                *series = s;
                *category = c;
                found = TRUE;
              }
          }
        else
          {
            SmtChartBox box;

            if (bar_rect (chart, g, s, c, &box) &&
                x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h)
              {
                *series = s;
                *category = c;
                return TRUE;
              }
          }
      }
  return found;
}

char *
smt_chart_describe_point (const SmtChart *chart,
                          guint           series,
                          guint           category)
{
  double v = smt_chart_get_value (chart, series, category);
  g_autofree char *value = isnan (v) ? g_strdup ("—") : smt_chart_format_value (v, chart->percent);
  const char *name = smt_chart_get_series_name (chart, series);
  const char *period = smt_chart_get_category_label (chart, category, TRUE);

  if (name == NULL || *name == '\0')
    return g_strdup_printf ("%s: %s", period, value);
  return g_strdup_printf ("%s — %s: %s", name, period, value);
}

/* ---- files ---- */

gboolean
smt_chart_write (const SmtChart *chart,
                 const char     *path,
                 GError        **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (lower, ".png");

  if (!png && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a picture this program writes. End the file name with "
                     ".png, .svg or .pdf."), path);
      return FALSE;
    }
  tmp = smt_atomic_file_temp_path (path);
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                          (int) (2 * SMT_CHART_PAGE_WIDTH),
                                          (int) (2 * SMT_CHART_PAGE_HEIGHT));
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (tmp, SMT_CHART_PAGE_WIDTH, SMT_CHART_PAGE_HEIGHT);
  else
    surface = cairo_pdf_surface_create (tmp, SMT_CHART_PAGE_WIDTH, SMT_CHART_PAGE_HEIGHT);

  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, 2, 2);
  smt_chart_draw (chart, cr, SMT_CHART_PAGE_WIDTH, SMT_CHART_PAGE_HEIGHT);
  if (!png)
    cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png (surface, tmp);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      smt_atomic_file_abandon (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be written to “%s” (%s). Check that the folder "
                     "exists and that there is room on the disk."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return smt_atomic_file_commit (tmp, path, error);
}
