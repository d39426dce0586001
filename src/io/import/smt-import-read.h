/* smt-import-read.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "core/import/smt-import-row.h"
#include "io/sheets/smt-sheet.h"
#include "smt-import-mapping.h"
#include "smt-sheet-layout.h"

G_BEGIN_DECLS

/* The member rows of a decoded sheet: one SmtImportRow per DATA row of the
 * layout, its fields read through the mapping (names split, dates read,
 * Nam/Nữ columns turned into sex and year, "x" marks, CCCD digits, the
 * hamlet from its column or the group row above). What cannot be read is
 * left empty with a problem in Vietnamese on the row. The layout must be
 * of this sheet (smt_import_mapping_layout). Returns a GPtrArray of
 * SmtImportRow (freed with the array), or NULL when cancelled. */
GPtrArray *smt_import_read_rows (const SmtSheet          *sheet,
                                 const SmtSheetLayout    *layout,
                                 const SmtImportMapping  *mapping,
                                 GCancellable            *cancellable,
                                 GError                 **error);

/* One cell read as a date, as the rows' dates are: an Excel date serial, a
 * year as a number, text "05/02/2020", "5-2-2020", "05.02.2020",
 * "2020-02-05", "02/2020" or "2020". Sets iso (YYYY-MM-DD, when the day is
 * known) and year. Returns SMT_IMPORT_DATE_* below. */
typedef enum {
  SMT_IMPORT_DATE_NONE = 0,    /* the cell is empty */
  SMT_IMPORT_DATE_FULL,        /* iso and year set */
  SMT_IMPORT_DATE_YEAR,        /* only year set (a year, or a month and year) */
  SMT_IMPORT_DATE_TWO_DIGIT,   /* "12/5/85": the century is not guessed */
  SMT_IMPORT_DATE_OUT_OF_RANGE,/* before 1900 or after this_year */
  SMT_IMPORT_DATE_BAD,         /* not a date */
} SmtImportDate;

SmtImportDate smt_import_read_date (const SmtCell *cell,
                                    int            this_year,
                                    char           iso[11],
                                    int           *year);

G_END_DECLS
