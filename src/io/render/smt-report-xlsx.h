/* smt-report-xlsx.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/reports/smt-report.h"

G_BEGIN_DECLS

/* Writes a report to an .xlsx file with libxlsxwriter: one sheet laid out
 * as the printed page (A4, the orientation, the Decree's margins, the
 * header rows repeated on every page, fitted to the page's width, page
 * numbers), Times New Roman, the title block in merged cells, the table
 * with its merges and borders, numbers as numbers with invariant format
 * codes (#,##0; 0.0%), ratios as formulas with their cached results. The
 * file is written under a temporary name and renamed into place; on any
 * failure nothing is left at path and error says what to do (the file is
 * open in Excel, the folder cannot be written). */
gboolean smt_report_write_xlsx (const SmtReport  *report,
                                const char       *path,
                                GError          **error);

G_END_DECLS
