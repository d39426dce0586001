/* smt-indicators-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/targets/smt-period.h"
#include "gui/models/smt-indicator-item.h"
#include "io/render/smt-chart.h"

G_BEGIN_DECLS

#define SMT_TYPE_INDICATORS_VIEW (smt_indicators_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtIndicatorsView, smt_indicators_view, SMT, INDICATORS_VIEW, GtkWidget)

/* Chỉ tiêu: every indicator for a period against a resolution's targets
 * (STT, wording, before the resolution, result, target, so sánh), the
 * rows behind a computed figure, the values typed by hand, and the chosen
 * indicator by organisation or by hamlet below the table. */
GtkWidget              *smt_indicators_view_new            (void);

/* For the tests. A period in any form smt_period_parse reads ("2025-Q2"). */
gboolean                smt_indicators_view_set_period     (SmtIndicatorsView *self,
                                                            const char        *code);
const SmtPeriod        *smt_indicators_view_get_period     (SmtIndicatorsView *self);
/* Resolution by key; 0: none. */
gboolean                smt_indicators_view_set_resolution (SmtIndicatorsView *self,
                                                            gint64             resolution_id);
guint                   smt_indicators_view_get_n_lines    (SmtIndicatorsView *self);
const SmtIndicatorLine *smt_indicators_view_get_line       (SmtIndicatorsView *self,
                                                            guint              position);
/* Selects the row of code and activates it as Enter would: the dialog it
 * opened (explanation or typed value), NULL when none. */
GtkWindow              *smt_indicators_view_activate       (SmtIndicatorsView *self,
                                                            const char        *code);
/* The breakdown of the row of code, by hamlet or by organisation. */
gboolean                smt_indicators_view_show_breakdown (SmtIndicatorsView *self,
                                                            const char        *code,
                                                            gboolean           by_hamlet);
guint                   smt_indicators_view_get_n_breakdown (SmtIndicatorsView *self);
const SmtIndicatorLine *smt_indicators_view_get_breakdown  (SmtIndicatorsView *self,
                                                            guint              position);
const char             *smt_indicators_view_get_error      (SmtIndicatorsView *self);
/* Selects the row of code and shows its chart of kind (0: 12 months, 1: 8
 * quarters, 2: 5 years, 3: year on year, 4: by hamlet, 5: by hamlet with
 * the organisations stacked), a line per
 * organisation or not; returns the chart shown (NULL: none). */
const SmtChart         *smt_indicators_view_show_chart     (SmtIndicatorsView *self,
                                                            const char        *code,
                                                            guint              kind,
                                                            gboolean           by_organisation);

G_END_DECLS
