/* smt-reports-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/reports/smt-reports.h"

G_BEGIN_DECLS

#define SMT_TYPE_REPORTS_VIEW (smt_reports_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtReportsView, smt_reports_view, SMT, REPORTS_VIEW, GtkWidget)

/* Báo cáo: the reports a commune hands upward (smt-reports.h), chosen on
 * the left with the parameters their kind needs, previewed page by page
 * on the right as they will be printed, and exported to XLSX, printed or
 * saved as PDF. A report is built again shortly after a parameter
 * changes. */
GtkWidget       *smt_reports_view_new               (void);

/* For the tests. Each setter only changes the control; the report is
 * built again after a short delay, or at once by smt_reports_view_build. */
void             smt_reports_view_select_kind       (SmtReportsView *self,
                                                     SmtReportKind   kind);
SmtReportKind    smt_reports_view_get_kind          (SmtReportsView *self);
/* Any form smt_period_parse reads: "2025-Q2". */
gboolean         smt_reports_view_set_period        (SmtReportsView *self,
                                                     const char     *code);
/* 0: none. */
gboolean         smt_reports_view_set_resolution    (SmtReportsView *self,
                                                     gint64          resolution_id);
/* 0: every organisation. */
gboolean         smt_reports_view_set_organisation  (SmtReportsView *self,
                                                     gint64          organisation_id);
void             smt_reports_view_set_year          (SmtReportsView *self,
                                                     int             year);
/* Chooses the branch's organisation, then the branch. */
gboolean         smt_reports_view_set_branch        (SmtReportsView *self,
                                                     gint64          branch_id);
void             smt_reports_view_set_show_personal (SmtReportsView *self,
                                                     gboolean        show);
/* Builds the report now; FALSE when it could not be built (see get_error). */
gboolean         smt_reports_view_build             (SmtReportsView *self);
/* The report shown, NULL when none. */
const SmtReport *smt_reports_view_get_report        (SmtReportsView *self);
guint            smt_reports_view_get_n_pages       (SmtReportsView *self);
guint            smt_reports_view_get_page          (SmtReportsView *self);
void             smt_reports_view_set_page          (SmtReportsView *self,
                                                     guint           page);
/* The drawing area of the preview, and where the paper lies in it. */
GtkWidget       *smt_reports_view_get_preview       (SmtReportsView *self);
void             smt_reports_view_get_paper_rect    (SmtReportsView *self,
                                                     double         *x,
                                                     double         *y,
                                                     double         *width,
                                                     double         *height);
/* Writes the report shown to path (.xlsx or .pdf) as the buttons do,
 * without a file chooser: recorded in the register's export log and told
 * by a toast on success, the error shown in the view otherwise. */
gboolean         smt_reports_view_export            (SmtReportsView *self,
                                                     const char     *path,
                                                     GError        **error);
/* Prints the report to a PDF file through GtkPrintOperation, as the print
 * dialog's "Print to File" does; recorded in the export log. */
gboolean         smt_reports_view_print_to_file     (SmtReportsView *self,
                                                     const char     *path,
                                                     GError        **error);
/* The message shown in the view, NULL when none. */
const char      *smt_reports_view_get_error         (SmtReportsView *self);

G_END_DECLS
