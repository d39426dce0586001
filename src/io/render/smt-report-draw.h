/* smt-report-draw.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>

#include "core/reports/smt-report.h"

G_BEGIN_DECLS

/* A report laid out on A4 pages with Pango: the title block on the first
 * page, the header rows repeated on every page, no body row cut across
 * pages (a group heading stays with the row after it), notes and the
 * signature block after the last row, page numbers at the top centre from
 * the second page on (Decree 30/2020). One draw function serves the
 * preview in the window, GtkPrintOperation and the PDF file. */
typedef struct _SmtReportLayout SmtReportLayout;

/* Lays the report out; the report must outlive the layout. Text is
 * measured with metrics that do not depend on the device (no hinting of
 * metrics), so the pages break alike on screen, on paper and in the PDF.
 * Use a layout from one thread at a time (it draws through a shared Pango
 * layout). */
SmtReportLayout *smt_report_layout_new        (const SmtReport       *report);
void             smt_report_layout_free       (SmtReportLayout       *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtReportLayout, smt_report_layout_free)

guint            smt_report_layout_get_n_pages (const SmtReportLayout *layout);
/* The paper as oriented, in points (1/72 inch): 595,3 × 841,9 portrait. */
void             smt_report_layout_get_page_size (const SmtReportLayout *layout,
                                                  double                *width_pt,
                                                  double                *height_pt);

/* The body rows on page (0-based): n_rows of them from first (the title
 * block and the header rows are not counted). Every body row is on
 * exactly one page. */
void             smt_report_layout_get_page_rows (const SmtReportLayout *layout,
                                                  guint                  page,
                                                  guint                 *first,
                                                  guint                 *n_rows);

/* Draws page (0-based) with the paper's top-left corner at the origin of
 * cr, one unit a point; the caller scales for a preview. It does not paint
 * the paper: a preview paints it white first. */
void             smt_report_draw_page         (const SmtReportLayout *layout,
                                               cairo_t               *cr,
                                               guint                  page);

/* Writes every page to a PDF file (fonts embedded) through a temporary
 * name; on failure nothing is left at path and error says what to do. */
gboolean         smt_report_write_pdf         (const SmtReport       *report,
                                               const char            *path,
                                               GError               **error);

G_END_DECLS
