/* smt-chart-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "io/render/smt-chart.h"

G_BEGIN_DECLS

/* A chart on the screen, drawn by smt_chart_draw (the code that writes the
 * files); hovering a point or a bar shows its exact value and period. */

#define SMT_TYPE_CHART_VIEW (smt_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtChartView, smt_chart_view, SMT, CHART_VIEW, GtkWidget)

GtkWidget      *smt_chart_view_new       (void);
/* Shows chart (transfer full; NULL: nothing). */
void            smt_chart_view_set_chart (SmtChartView  *self,
                                          SmtChart      *chart);
const SmtChart *smt_chart_view_get_chart (SmtChartView  *self);
/* Writes the chart shown to a .png, .svg or .pdf at A4 width. */
gboolean        smt_chart_view_export    (SmtChartView  *self,
                                          const char    *path,
                                          GError       **error);
/* The tooltip text at (x, y) of the widget, NULL off every point; for
 * tests and the tooltip. */
char           *smt_chart_view_describe_at (SmtChartView *self,
                                            double        x,
                                            double        y);

G_END_DECLS
