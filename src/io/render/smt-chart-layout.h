/* smt-chart-layout.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "core/targets/smt-period.h"

G_BEGIN_DECLS

/* The geometry of a chart as pure functions, with no drawing library: the
 * value scale, its ticks and their Vietnamese labels, which x labels to show
 * so that none overlap, and where the legend goes. Everything is plain
 * structs with boxes, so tests can check what overlaps what. */

typedef struct
{
  double x, y, w, h;
} SmtChartBox;

gboolean smt_chart_box_overlap (const SmtChartBox *a,
                                const SmtChartBox *b);
/* TRUE when inner lies within outer (edges included). */
gboolean smt_chart_box_inside  (const SmtChartBox *inner,
                                const SmtChartBox *outer);

/* A linear map from [min, max] of the data to [pixel_min, pixel_max]; for a
 * y axis pixel_min is the bottom (the larger y). */
typedef struct
{
  double min;
  double max;
  double pixel_min;
  double pixel_max;
} SmtChartScale;

double smt_chart_scale_map    (const SmtChartScale *scale,
                               double               value);
double smt_chart_scale_unmap  (const SmtChartScale *scale,
                               double               pixel);

/* The ticks of a value axis: min, min + step, … max, count of them. */
typedef struct
{
  double min;
  double max;
  double step;
  guint  count;
} SmtChartTicks;

/* The smallest 1, 2 or 5 × 10^n step giving at most max_ticks ticks (both
 * ends included) over [lo, hi]. */
double   smt_chart_nice_step  (double         lo,
                               double         hi,
                               guint          max_ticks);
/* Nice bounds and ticks for data in [lo, hi] (NaN when there is none):
 * counts start at 0; percentages start at 0 and, when the data passes 50 %
 * and stays within 100 %, end at 100 %. extra (NaN for none) is a value that
 * must be in range too (a target). At most max_ticks (≥ 2) ticks. */
void     smt_chart_nice_ticks (double         lo,
                               double         hi,
                               double         extra,
                               gboolean       percent,
                               guint          max_ticks,
                               SmtChartTicks *ticks);
/* How many ticks fit in a height with at least min_gap pixels between them
 * (2 at least). */
guint    smt_chart_max_ticks  (double         height,
                               double         min_gap);
/* The tick's value the Vietnamese way, with as many decimals as the step
 * needs: "100.000", "52,7 %", "2,5". */
char    *smt_chart_format_tick (double         value,
                                double         step,
                                gboolean       percent);
/* A value the Vietnamese way for a tooltip or a label: counts whole
 * ("437.388"), percentages with one decimal ("52,7 %"). */
char    *smt_chart_format_value (double        value,
                                 gboolean      percent);

/* A period's short label for an axis: "T5/2025", "Quý II/2025", "2025";
 * other kinds as smt_period_to_label. */
char    *smt_chart_period_short_label (const SmtPeriod *period);

/* X labels centred on centres[i] with widths[i]: marks in shown[] which to
 * draw so that no two are closer than gap pixels, and none passes [left,
 * right]: every k-th label, k as small as fits, starting with the first.
 * Returns how many are shown. */
guint    smt_chart_thin_labels (const double  *centres,
                                const double  *widths,
                                guint          n,
                                double         gap,
                                double         left,
                                double         right,
                                gboolean      *shown);

/* Legend entries of the given widths and one height, laid out left to right
 * from (x, y), wrapping at max_width, gap between entries and rows; fills
 * boxes[n] and returns the height taken (0 when n is 0). */
double   smt_chart_legend_place (double        x,
                                 double        y,
                                 double        max_width,
                                 const double *widths,
                                 guint         n,
                                 double        height,
                                 double        gap,
                                 SmtChartBox  *boxes);

G_END_DECLS
