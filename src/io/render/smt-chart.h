/* smt-chart.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "smt-chart-layout.h"

G_BEGIN_DECLS

/* A chart of figures over categories (periods, hamlets), drawn with Cairo
 * and Pango by one function for the window and for PNG, SVG and PDF files. */

typedef enum
{
  SMT_CHART_LINE,
  SMT_CHART_BARS_GROUPED,
  SMT_CHART_BARS_STACKED,
} SmtChartKind;

typedef struct _SmtChart SmtChart;

SmtChart    *smt_chart_new            (SmtChartKind    kind,
                                       const char     *title,
                                       gboolean        percent);
void         smt_chart_free           (SmtChart       *chart);

/* A category on the x axis: its short label on the axis ("T5/2025") and the
 * long one for a tooltip ("Tháng 5/2025"; NULL: the short one). */
void         smt_chart_add_category   (SmtChart       *chart,
                                       const char     *label,
                                       const char     *long_label);
/* A series with one value per category (NaN: no value); returns its index. */
guint        smt_chart_add_series     (SmtChart       *chart,
                                       const char     *name,
                                       const double   *values,
                                       guint           n_values);
void         smt_chart_set_target     (SmtChart       *chart,
                                       double          target);
void         smt_chart_set_baseline   (SmtChart       *chart,
                                       double          baseline);

SmtChartKind smt_chart_get_kind       (const SmtChart *chart);
const char  *smt_chart_get_title      (const SmtChart *chart);
gboolean     smt_chart_is_percent     (const SmtChart *chart);
guint        smt_chart_get_n_series   (const SmtChart *chart);
guint        smt_chart_get_n_categories (const SmtChart *chart);
const char  *smt_chart_get_series_name (const SmtChart *chart,
                                        guint           series);
double       smt_chart_get_value      (const SmtChart *chart,
                                       guint           series,
                                       guint           category);
const char  *smt_chart_get_category_label (const SmtChart *chart,
                                           guint           category,
                                           gboolean        long_form);
/* NaN when unset. */
double       smt_chart_get_target     (const SmtChart *chart);
double       smt_chart_get_baseline   (const SmtChart *chart);
/* The RGB colour of a series (Okabe–Ito), each 0–1. */
void         smt_chart_series_colour  (guint           series,
                                       double         *rgb);

/* Where everything goes at a size; the boxes of all text, for tests. */
typedef struct
{
  SmtChartBox    bounds;
  SmtChartBox    title;
  SmtChartBox    plot;
  SmtChartTicks  ticks;
  SmtChartScale  y;
  double         category_width;
  double         target_y;        /* NaN when there is no target */
  double         baseline_y;      /* NaN when there is no baseline */
  GArray        *tick_boxes;      /* SmtChartBox of each tick label */
  GArray        *x_label_boxes;   /* SmtChartBox of each x label shown */
  GArray        *x_label_index;   /* guint: the category of each */
  GArray        *legend_boxes;    /* SmtChartBox of each legend entry */
} SmtChartGeometry;

SmtChartGeometry *smt_chart_compute_geometry (const SmtChart *chart,
                                              cairo_t        *cr,
                                              double          width,
                                              double          height);
void              smt_chart_geometry_free    (SmtChartGeometry *geometry);
/* The x of a category's centre. */
double            smt_chart_geometry_x       (const SmtChartGeometry *geometry,
                                              guint                   category);

/* Draws the chart into (0, 0, width, height) of cr, nothing outside. */
void         smt_chart_draw           (const SmtChart *chart,
                                       cairo_t        *cr,
                                       double          width,
                                       double          height);

/* The series and category under (x, y) at that size: a line's point within
 * a few pixels, or a bar. */
gboolean     smt_chart_hit_test       (const SmtChart *chart,
                                       double          width,
                                       double          height,
                                       double          x,
                                       double          y,
                                       guint          *series,
                                       guint          *category);
/* "Hội Phụ nữ — Tháng 5/2025: 52,7 %" */
char        *smt_chart_describe_point (const SmtChart *chart,
                                       guint           series,
                                       guint           category);

/* A4 width: 595 pt for PDF and SVG; PNG at twice that in pixels. */
#define SMT_CHART_PAGE_WIDTH  595.0
#define SMT_CHART_PAGE_HEIGHT 370.0

/* Writes the chart to path by its ending: .png, .svg or .pdf, under a
 * temporary name renamed into place. */
gboolean     smt_chart_write          (const SmtChart *chart,
                                       const char     *path,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtChart, smt_chart_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtChartGeometry, smt_chart_geometry_free)

G_END_DECLS
