/* smt-report.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A printed table as offices hand it upward (Decree 30/2020/NĐ-CP): the
 * issuing body and the national motto, the place-and-date line, the title,
 * a table whose header rows may merge cells, notes under it and the
 * signature block. It is plain data: src/core builds it from the register
 * (smt-reports.h) and src/io renders the very same model to XLSX
 * (smt-report-xlsx.h) and to paper or PDF (smt-report-draw.h).
 *
 * The table is a grid of n_columns columns. Every row, header or body, has
 * exactly n_columns cells; a cell that spans others (col_span, row_span > 1)
 * covers them, and the covered cells are kept with covered set so that the
 * renderers can walk the grid by index. Widths are in millimetres of the
 * printed page; the sum must fit the page (smt_report_check). */

typedef enum
{
  SMT_REPORT_PORTRAIT,
  SMT_REPORT_LANDSCAPE,
} SmtReportOrientation;

/* A4 and the margins of the Decree, in millimetres: top and bottom 20–25,
 * left 30–35, right 15–20. */
#define SMT_REPORT_PAPER_WIDTH_MM   210.0
#define SMT_REPORT_PAPER_HEIGHT_MM  297.0
#define SMT_REPORT_MARGIN_TOP_MM     20.0
#define SMT_REPORT_MARGIN_BOTTOM_MM  20.0
#define SMT_REPORT_MARGIN_LEFT_MM    30.0
#define SMT_REPORT_MARGIN_RIGHT_MM   15.0

/* The font every part is set in; Liberation Serif stands in where Times
 * New Roman is absent (fonts-liberation2). */
#define SMT_REPORT_FONT_FAMILY "Times New Roman"

typedef enum
{
  SMT_REPORT_CELL_TEXT,     /* text; '\n' breaks a line */
  SMT_REPORT_CELL_INT,      /* a whole number: 437.388 */
  SMT_REPORT_CELL_DECIMAL,  /* a number with up to `decimals` decimals: 5,5 */
  SMT_REPORT_CELL_PERCENT,  /* value in percent (52.7 means 52,7 %) */
  SMT_REPORT_CELL_RATIO,    /* value in percent = cell num_col ÷ cell den_col of
                             * the same row × 100; written to XLSX as a formula
                             * with its cached result */
} SmtReportCellKind;

typedef enum
{
  SMT_REPORT_ALIGN_LEFT,
  SMT_REPORT_ALIGN_CENTER,
  SMT_REPORT_ALIGN_RIGHT,
} SmtReportAlign;

typedef struct
{
  SmtReportCellKind kind;
  char             *text;      /* TEXT: the text; numbers: NULL (see smt_report_cell_text) */
  double            value;     /* INT, DECIMAL, PERCENT, RATIO */
  gboolean          has_value; /* FALSE: a number cell that has none ("—" when printed) */
  int               decimals;  /* DECIMAL, PERCENT, RATIO: the most decimals shown;
                                * trailing zeros are dropped (97,4 %) */
  int               num_col;   /* RATIO: the columns of the numerator and the */
  int               den_col;   /* denominator in the same row */
  guint             col_span;  /* ≥ 1 */
  guint             row_span;  /* ≥ 1 */
  gboolean          covered;   /* under another cell's span: not drawn, not written */
  SmtReportAlign    align;
  gboolean          bold;
  gboolean          italic;
} SmtReportCell;

typedef enum
{
  SMT_REPORT_ROW_NORMAL,
  SMT_REPORT_ROW_GROUP,  /* a heading inside the body (an organisation, a hamlet):
                          * kept on the same page as the row after it */
  SMT_REPORT_ROW_TOTAL,  /* a total or subtotal: bold */
} SmtReportRowKind;

typedef struct
{
  SmtReportRowKind  kind;
  SmtReportCell    *cells;   /* n_columns of them */
} SmtReportRow;

typedef struct
{
  double          width_mm;
  SmtReportAlign  align;    /* of the body cells, unless a cell says otherwise */
} SmtReportColumn;

typedef struct
{
  char                 *code;         /* the report's kind: "annex", "members"… */
  char                 *file_stem;    /* a file name without extension the save
                                       * dialog offers: "phu-luc-06-NQ-TU-2025-Q2" */
  char                 *sheet_name;   /* ≤ 31 characters, no []:*?/\ */
  SmtReportOrientation  orientation;
  double                font_pt;      /* table text: 13, 12, or 11 for wide tables */

  /* The title block. */
  char                 *issuer_top;     /* "ỦY BAN MTTQ VIỆT NAM\nXÃ HÒA ĐIỀN" */
  char                 *issuer_bottom;  /* "BAN THƯỜNG TRỰC", bold, a short rule under it */
  char                 *nation;         /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" */
  char                 *motto;          /* "Độc lập - Tự do - Hạnh phúc", rule under it */
  char                 *place_date;     /* "Hòa Điền, ngày 05 tháng 02 năm 2026", italic */
  char                 *title;          /* capitals, bold; '\n' breaks */
  char                 *subtitle;       /* "(Đính kèm Báo cáo số …)", "Quý II/2025"; NULL */

  guint                 n_columns;
  SmtReportColumn      *columns;
  GPtrArray            *header;         /* SmtReportRow, repeated on every page */
  GPtrArray            *body;           /* SmtReportRow */
  GPtrArray            *notes;          /* char *, lines under the table */

  /* The signature block, bottom right. */
  char                 *sign_for;       /* "TM. BAN THƯỜNG TRỰC" */
  char                 *sign_title;     /* "CHỦ TỊCH" */
  char                 *sign_name;      /* "" leaves the space to sign in */
} SmtReport;

SmtReport     *smt_report_new             (const char            *code,
                                           SmtReportOrientation   orientation,
                                           guint                  n_columns);
void           smt_report_free            (SmtReport             *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtReport, smt_report_free)

/* Sets the width and the body alignment of column index. */
void           smt_report_set_column      (SmtReport             *report,
                                           guint                  index,
                                           double                 width_mm,
                                           SmtReportAlign         align);

/* Appends an empty row (every cell an empty TEXT cell, centred in the
 * header, in the column's alignment in the body) and returns it. */
SmtReportRow  *smt_report_add_header_row  (SmtReport             *report);
SmtReportRow  *smt_report_add_row         (SmtReport             *report,
                                           SmtReportRowKind       kind);

/* Fills cell col of row and returns it for further touches (bold, align). */
SmtReportCell *smt_report_row_set_text    (SmtReportRow          *row,
                                           guint                  col,
                                           const char            *text);
SmtReportCell *smt_report_row_set_int     (SmtReportRow          *row,
                                           guint                  col,
                                           gint64                 value);
SmtReportCell *smt_report_row_set_decimal (SmtReportRow          *row,
                                           guint                  col,
                                           double                 value,
                                           int                    decimals);
SmtReportCell *smt_report_row_set_percent (SmtReportRow          *row,
                                           guint                  col,
                                           double                 percent,
                                           int                    decimals);
/* numerator ÷ denominator × 100 from two INT or DECIMAL cells of the row,
 * which must be set first; no value when the denominator is 0. */
SmtReportCell *smt_report_row_set_ratio   (SmtReportRow          *row,
                                           guint                  col,
                                           guint                  num_col,
                                           guint                  den_col,
                                           int                    decimals);
/* A number cell with no value: "—" when printed, empty in XLSX. */
SmtReportCell *smt_report_row_set_none    (SmtReportRow          *row,
                                           guint                  col,
                                           SmtReportCellKind      kind);

/* Makes cell (row, col) span col_span columns and row_span rows of the same
 * part (header or body), marking the cells it covers. The header's spans
 * stay inside the header, the body's inside the body. */
void           smt_report_merge           (SmtReport             *report,
                                           gboolean               header,
                                           guint                  row,
                                           guint                  col,
                                           guint                  col_span,
                                           guint                  row_span);

/* A whole body row of one merged cell: a group heading ("Hội Nông dân")
 * bold and left-aligned. */
SmtReportRow  *smt_report_add_group       (SmtReport             *report,
                                           const char            *text);

void           smt_report_add_note        (SmtReport             *report,
                                           const char            *note);

/* The text printed for a cell: the text, or the number the Vietnamese way
 * (437.388; 5,5; 52,7 %), "—" for a number without a value, "" for a
 * covered cell. */
char          *smt_report_cell_text       (const SmtReportCell   *cell);

/* The width the table may take on the page: A4 less the margins, in mm. */
double         smt_report_printable_width (const SmtReport       *report);

/* Checks the model before it is rendered: every span inside its part and
 * not overlapping another, ratio cells pointing at number cells, the
 * columns no wider than the page. A table wider than the page is a fault of
 * the report's design, caught here and in the tests, never printed cut. */
gboolean       smt_report_check           (const SmtReport       *report,
                                           GError               **error);

/* The texts every report shares, from the register's commune ("Hòa Điền",
 * "xã", place, signer): issuer lines in capitals, the motto, the date line
 * for signed_on (ISO, e.g. "2026-02-05" → "Hòa Điền, ngày 05 tháng 02 năm
 * 2026") and the signature block. */
void           smt_report_set_frame       (SmtReport             *report,
                                           const char            *commune_name,
                                           const char            *commune_kind,
                                           const char            *place,
                                           const char            *signer_title,
                                           const char            *signer_name,
                                           const char            *signed_on);

/* "ngày 05 tháng 02 năm 2026" for an ISO date. */
char          *smt_report_long_date       (const char            *iso);

G_END_DECLS
