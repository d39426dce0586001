/* smt-overview-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/indicators/smt-overview.h"

G_BEGIN_DECLS

#define SMT_TYPE_OVERVIEW_VIEW (smt_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtOverviewView, smt_overview_view, SMT, OVERVIEW_VIEW, GtkWidget)

GtkWidget *smt_overview_view_new     (void);
/* Shows the current month of reg (NULL: nothing); FALSE with error when
 * the register cannot be read. */
gboolean   smt_overview_view_refresh (SmtOverviewView  *self,
                                      SmtRegister      *reg,
                                      GError          **error);
/* For the tests: the figures shown, NULL before a refresh. */
const SmtOverview *smt_overview_view_get_overview (SmtOverviewView *self);

G_END_DECLS
