/* smt-sheet-layout.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "io/sheets/smt-sheet.h"
#include "smt-import-fields.h"

G_BEGIN_DECLS

/* What each row of a member list is. Rows above the header are TITLE (the
 * "ỦY BAN MTTQ …" / "DANH SÁCH HỘI VIÊN …" block); rows from the first data
 * row on are one of the others. */
typedef enum {
  SMT_SHEET_ROW_TITLE = 0,
  SMT_SHEET_ROW_HEADER,           /* the header row(s) */
  SMT_SHEET_ROW_COLUMN_NUMBERS,   /* "1 2 3 …" or "(1) (2) …" under the header */
  SMT_SHEET_ROW_DATA,             /* one person */
  SMT_SHEET_ROW_BLANK,            /* nothing in any mapped column */
  SMT_SHEET_ROW_GROUP,            /* "Ấp Tân Hòa", "I. Ấp Bình An": names the hamlet below */
  SMT_SHEET_ROW_TOTAL,            /* "Tổng cộng", "Cộng: 35 hội viên" */
  SMT_SHEET_ROW_REPEATED_HEADER,  /* the header again, on a new page */
  SMT_SHEET_ROW_FOOTER,           /* the date line and signature block, and all after */
} SmtSheetRowKind;

typedef struct {
  gboolean         header_found;   /* FALSE: no row looked like a header; header_row is a guess */
  guint            header_row;     /* 0-based */
  guint            header_rows;    /* 1, or 2 when a second header row lies under it */
  guint            first_data_row; /* 0-based; n_rows when there is none */
  guint            n_cols;
  guint            n_rows;
  char           **headers;        /* n_cols (+ NULL): parent and child joined, "Năm sinh / Nữ"; "" */
  SmtImportField  *guessed;        /* n_cols: the field each header names */
  guint8          *row_kinds;      /* n_rows SmtSheetRowKind */
  const char     **row_groups;     /* n_rows: the hamlet of the group row above (its own for a
                                    * GROUP row); NULL when none. Owned by group_names */
  GPtrArray       *group_names;    /* char *: each group row's hamlet, as written */
} SmtSheetLayout;

/* Finds the header row(s) of a decoded sheet (text already Vietnamese) and
 * classifies every row, with the columns' guessed fields. */
SmtSheetLayout *smt_sheet_layout_detect   (const SmtSheet       *sheet);
/* The same with the header at the row the user chose (0-based); a second
 * header row under it is still detected. */
SmtSheetLayout *smt_sheet_layout_new_at   (const SmtSheet       *sheet,
                                           guint                 header_row);
/* Classifies the rows again with the fields the user mapped (n_cols of
 * them; NULL: the guessed ones): which columns hold the name decides what
 * a data row, a group row and a footer look like. */
void            smt_sheet_layout_classify (SmtSheetLayout       *layout,
                                           const SmtSheet       *sheet,
                                           const SmtImportField *fields);
void            smt_sheet_layout_free     (SmtSheetLayout       *layout);

/* The hamlet a group row's text names: "I. Ấp Bình An" → "Ấp Bình An",
 * "Chi hội ấp 3" → "Ấp 3", "ẤP TÂN HÒA (25 hội viên)" → "Ấp Tân Hòa". */
char           *smt_sheet_layout_group_hamlet (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtSheetLayout, smt_sheet_layout_free)

G_END_DECLS
