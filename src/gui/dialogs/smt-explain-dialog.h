/* smt-explain-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/indicators/smt-indicators.h"

G_BEGIN_DECLS

#define SMT_TYPE_EXPLAIN_DIALOG (smt_explain_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtExplainDialog, smt_explain_dialog, SMT, EXPLAIN_DIALOG, AdwWindow)

/* The rows behind a figure: the numerator's and the denominator's (two
 * pages, each counted), each with the event that put it there; a search
 * (tones and case ignored) narrows both; the rows go to an XLSX workbook.
 * result must be computed with explain; the dialog takes it. */
SmtExplainDialog *smt_explain_dialog_new        (GtkWindow          *parent,
                                                 SmtIndicatorResult *result);

const SmtIndicatorResult *smt_explain_dialog_get_result (SmtExplainDialog *self);
/* For the tests: the search, the rows shown on a page, an export. */
void              smt_explain_dialog_set_search (SmtExplainDialog   *self,
                                                 const char         *text);
guint             smt_explain_dialog_get_shown  (SmtExplainDialog   *self,
                                                 gboolean            denominator);
gboolean          smt_explain_dialog_export     (SmtExplainDialog   *self,
                                                 const char         *path);
/* The error or the confirmation shown, NULL when none. */
const char       *smt_explain_dialog_get_message (SmtExplainDialog  *self);

G_END_DECLS
