/* smt-sheet.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One sheet of a spreadsheet or a text file, read whole into memory as a
 * grid of cells: what every reader (xlsx, xls, ods, csv/txt) produces and
 * what the import's layout reads. Rows and columns count from 0.
 *
 * Text is kept as the file holds it, before any legacy decoding:
 * - a cell of a Unicode file (xlsx, ods, UTF-8/UTF-16 text) holds UTF-8;
 * - a cell written with a TCVN3 or VNI font holds the characters Excel
 *   shows for it (each legacy byte as its Windows-1252 character, e.g.
 *   "NguyÔn" for TCVN3 "Nguyễn"), with the font's hint set;
 * - a cell of an 8-bit text file whose encoding is not yet known holds each
 *   byte as its Windows-1252 character (the five bytes 1252 leaves
 *   undefined as U+0081, U+008D, U+008F, U+0090, U+009D) and the hint
 *   SMT_TEXT_HINT_8BIT.
 * So one function (smt_legacy_text_decode, smt-legacy-text.h) turns any of
 * them into Vietnamese once the encoding is chosen. Text in a cell is never
 * NULL for SMT_CELL_TEXT; numbers keep their double value. */

typedef enum {
  SMT_CELL_EMPTY = 0,
  SMT_CELL_TEXT,
  SMT_CELL_NUMBER,
  SMT_CELL_DATE,      /* number is the Excel serial (days since 1899-12-30) */
  SMT_CELL_BOOL,      /* number is 0 or 1 */
  SMT_CELL_ERROR,     /* text holds the error as shown (#N/A …) */
} SmtCellKind;

/* What the file says about a text cell's encoding. */
typedef enum {
  SMT_TEXT_HINT_NONE = 0,   /* Unicode text and a Unicode (or no) font */
  SMT_TEXT_HINT_TCVN3,      /* font .Vn* (".VnTime", ".VnTimeH" …) */
  SMT_TEXT_HINT_VNI,        /* font VNI-* ("VNI-Times" …) */
  SMT_TEXT_HINT_8BIT,       /* an 8-bit text file: cp1258, TCVN3 or VNI */
} SmtTextHint;

typedef struct {
  char        *text;     /* TEXT, ERROR: the text; NUMBER/DATE: NULL */
  double       number;   /* NUMBER, DATE, BOOL */
  guint8       kind;     /* SmtCellKind */
  guint8       hint;     /* SmtTextHint, for TEXT */
  guint16      font;     /* index into SmtSheet.fonts, 0 = none */
} SmtCell;

typedef struct {
  guint first_row;
  guint first_col;
  guint last_row;        /* inclusive */
  guint last_col;        /* inclusive */
} SmtCellRange;

typedef struct _SmtSheet SmtSheet;

struct _SmtSheet {
  char       *name;      /* the sheet's name; the file's base name for text */
  guint       n_rows;    /* rows up to the last non-empty one */
  guint       n_cols;    /* columns up to the last non-empty one, any row */
  GPtrArray  *rows;      /* n_rows GArray of SmtCell (a row may be shorter than n_cols) */
  GArray     *merged;    /* SmtCellRange: merged ranges; the value sits in the first cell */
  GPtrArray  *fonts;     /* char *: font names, [0] = "" */
  char       *encoding;  /* text files: "utf-8", "utf-16le", "utf-16be" or "8bit"; else NULL */
  char        delimiter; /* text files: the delimiter found (',', ';', '\t' or '|'); else 0 */
};

SmtSheet      *smt_sheet_new          (const char    *name);
void           smt_sheet_free         (SmtSheet      *sheet);
/* A deep copy: the import keeps the sheet as read and decodes a copy, so
 * that a column's encoding can be chosen again. */
SmtSheet      *smt_sheet_copy         (const SmtSheet *sheet);

/* Writers: readers fill a sheet with these. Text is copied; a cell past
 * the end of its row grows the row with empty cells. */
guint16        smt_sheet_intern_font  (SmtSheet      *sheet,
                                       const char    *font_name);
void           smt_sheet_set_text     (SmtSheet      *sheet,
                                       guint          row,
                                       guint          col,
                                       const char    *text,
                                       gssize         length,
                                       SmtTextHint    hint,
                                       guint16        font);
void           smt_sheet_set_number   (SmtSheet      *sheet,
                                       guint          row,
                                       guint          col,
                                       SmtCellKind    kind,
                                       double         number);
void           smt_sheet_add_merged   (SmtSheet      *sheet,
                                       const SmtCellRange *range);
/* An error value (SMT_CELL_ERROR) as shown: "#N/A", "#DIV/0!" … */
void           smt_sheet_set_error    (SmtSheet      *sheet,
                                       guint          row,
                                       guint          col,
                                       const char    *text);

/* Readers: a cell outside the grid reads as an empty one. */
const SmtCell *smt_sheet_cell         (const SmtSheet *sheet,
                                       guint          row,
                                       guint          col);
/* The cell that gives (row, col) its value: the first cell of the merged
 * range holding it, or the cell itself. */
const SmtCell *smt_sheet_cell_merged  (const SmtSheet *sheet,
                                       guint          row,
                                       guint          col);
const char    *smt_sheet_font_name    (const SmtSheet *sheet,
                                       guint16        font);
gboolean       smt_sheet_row_is_empty (const SmtSheet *sheet,
                                       guint          row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtSheet, smt_sheet_free)

G_END_DECLS
