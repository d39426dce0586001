/* smt-chart-data.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "smt-chart.h"

G_BEGIN_DECLS

/* Charts made from the register's indicators. With a resolution
 * (resolution_id ≠ 0), its target and baseline for the indicator are drawn. */

typedef enum
{
  SMT_CHART_BY_NONE,          /* one series: the whole commune */
  SMT_CHART_BY_ORGANISATION,  /* a series per socio-political organisation */
  SMT_CHART_BY_HAMLET,        /* a series per hamlet */
} SmtChartBy;

/* The indicator for each period from `from` to `to` (same kind). */
SmtChart *smt_chart_data_trend        (SmtRegister     *reg,
                                       const char      *code,
                                       const SmtPeriod *from,
                                       const SmtPeriod *to,
                                       SmtChartBy       by,
                                       gint64           resolution_id,
                                       GError         **error);
/* This year against the year before, month by month. */
SmtChart *smt_chart_data_year_on_year (SmtRegister     *reg,
                                       const char      *code,
                                       int              year,
                                       gint64           resolution_id,
                                       GError         **error);
/* The indicator in the period for each hamlet: bars, a series per
 * organisation when by is SMT_CHART_BY_ORGANISATION (grouped, or stacked),
 * else one series sorted from the highest. */
SmtChart *smt_chart_data_by_hamlet    (SmtRegister     *reg,
                                       const char      *code,
                                       const SmtPeriod *period,
                                       SmtChartBy       by,
                                       gboolean         stacked,
                                       gint64           resolution_id,
                                       GError         **error);

G_END_DECLS
