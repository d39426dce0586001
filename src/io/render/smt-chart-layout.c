/* smt-chart-layout.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/register/smt-format.h"
#include "smt-chart-layout.h"

gboolean
smt_chart_box_overlap (const SmtChartBox *a,
                       const SmtChartBox *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w &&
         a->y < b->y + b->h && b->y < a->y + a->h;
}

gboolean
smt_chart_box_inside (const SmtChartBox *inner,
                      const SmtChartBox *outer)
{
  return inner->x >= outer->x - 1e-9 && inner->y >= outer->y - 1e-9 &&
         inner->x + inner->w <= outer->x + outer->w + 1e-9 &&
         inner->y + inner->h <= outer->y + outer->h + 1e-9;
}

double
smt_chart_scale_map (const SmtChartScale *scale,
                     double               value)
{
  if (scale->max == scale->min)
    return scale->pixel_min;
  return scale->pixel_min + (value - scale->min) / (scale->max - scale->min) *
                            (scale->pixel_max - scale->pixel_min);
}

double
smt_chart_scale_unmap (const SmtChartScale *scale,
                       double               pixel)
{
  if (scale->pixel_max == scale->pixel_min)
    return scale->min;
  return scale->min + (pixel - scale->pixel_min) / (scale->pixel_max - scale->pixel_min) *
                      (scale->max - scale->min);
}

double
smt_chart_nice_step (double lo,
                     double hi,
                     guint  max_ticks)
{
  static const double mantissas[] = { 1, 2, 5 };
  double range = hi - lo;
  int exponent;

  if (max_ticks < 2)
    max_ticks = 2;
  if (!(range > 0))
    return 1;
  exponent = (int) floor (log10 (range / (max_ticks - 1))) - 1;
  for (;; exponent++)
    for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
      {
        double step = mantissas[i] * pow (10, exponent);
        double first = floor (lo / step + 1e-9);
        double last = ceil (hi / step - 1e-9);

        if (last - first + 1 <= max_ticks)
          return step;
      }
}

void
smt_chart_nice_ticks (double         lo,
                      double         hi,
                      double         extra,
                      gboolean       percent,
                      guint          max_ticks,
                      SmtChartTicks *ticks)
{
  double step;

  if (isnan (lo) || isnan (hi))
    {
      lo = 0;
      hi = percent ? 100 : 1;
    }
  if (!isnan (extra))
    {
      lo = MIN (lo, extra);
      hi = MAX (hi, extra);
    }
  /* Counts and percentages are read against zero. */
  if (lo > 0)
    lo = 0;
  if (percent && hi > 50 && hi <= 100 && lo >= 0)
    hi = 100;
  if (hi <= lo)
    hi = lo + (percent ? 10 : 1);

  step = smt_chart_nice_step (lo, hi, max_ticks);
  /* Counts have no fractional ticks. */
  if (!percent && step < 1)
    step = 1;
  ticks->step = step;
  ticks->min = floor (lo / step + 1e-9) * step;
  ticks->max = ceil (hi / step - 1e-9) * step;
  ticks->count = (guint) llround ((ticks->max - ticks->min) / step) + 1;
}

guint
smt_chart_max_ticks (double height,
                     double min_gap)
{
  if (min_gap <= 0 || height <= 0)
    return 2;
  return MAX (2, (guint) floor (height / min_gap) + 1);
}

static int
decimals_for_step (double step)
{
  int decimals = 0;

  while (decimals < 6 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  return decimals;
}

char *
smt_chart_format_tick (double   value,
                       double   step,
                       gboolean percent)
{
  int decimals = decimals_for_step (step);

  if (fabs (value) < step * 1e-9)
    value = 0;
  if (percent)
    return smt_format_percent (value, decimals);
  if (decimals == 0)
    return smt_format_int ((gint64) llround (value));
  return smt_format_decimal (value, decimals);
}

char *
smt_chart_format_value (double   value,
                        gboolean percent)
{
  if (percent)
    return smt_format_percent (value, 1);
  if (value == round (value))
    return smt_format_int ((gint64) llround (value));
  return smt_format_decimal (value, 2);
}

char *
smt_chart_period_short_label (const SmtPeriod *period)
{
  switch (smt_period_get_kind (period))
    {
    case SMT_PERIOD_MONTH:
      /* TRANSLATORS: a month on a chart's axis, short: "T5/2025" */
      return g_strdup_printf (_("M%d/%d"), smt_period_get_index (period),
                              smt_period_get_year (period));
    case SMT_PERIOD_YEAR:
      return g_strdup_printf ("%d", smt_period_get_year (period));
    default:
      return smt_period_to_label (period);
    }
}

guint
smt_chart_thin_labels (const double *centres,
                       const double *widths,
                       guint         n,
                       double        gap,
                       double        left,
                       double        right,
                       gboolean     *shown)
{
  for (guint every = 1; every <= MAX (n, 1); every++)
    {
      gboolean fits = TRUE;
      double previous_end = -G_MAXDOUBLE;
      guint count = 0;

      for (guint i = 0; i < n; i++)
        {
          double start = centres[i] - widths[i] / 2;
          double end = centres[i] + widths[i] / 2;

          shown[i] = FALSE;
          if (i % every != 0)
            continue;
          /* A label hanging over the edge is left out, not squeezed. */
          if (start < left || end > right)
            continue;
          if (start < previous_end + gap)
            {
              fits = FALSE;
              break;
            }
          shown[i] = TRUE;
          previous_end = end;
          count++;
        }
      if (fits)
        return count;
    }
  for (guint i = 0; i < n; i++)
    shown[i] = FALSE;
  return 0;
}

double
smt_chart_legend_place (double        x,
                        double        y,
                        double        max_width,
                        const double *widths,
                        guint         n,
                        double        height,
                        double        gap,
                        SmtChartBox  *boxes)
{
  double cx = x;
  double cy = y;

  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      double w = MIN (widths[i], max_width);

      if (cx > x && cx + w > x + max_width)
        {
          cx = x;
          cy += height + gap;
        }
      boxes[i] = (SmtChartBox) { cx, cy, w, height };
      cx += w + gap;
    }
  return cy + height - y;
}
