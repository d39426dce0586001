/* smt-sheet-decode.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "smt-legacy-text.h"
#include "smt-sheet.h"

G_BEGIN_DECLS

/* A sheet's text turned into Vietnamese, column by column.
 *
 * The rule for a cell: a cell whose font says TCVN3 or VNI (its hint) is
 * decoded by its font, whatever its column's choice, because the font is
 * what the officer saw in Excel (a .Vn…H font: TCVN3 capitals); the
 * column's choice decodes the other cells (no hint, or an 8-bit text
 * file's). A cell holding a character no legacy byte gives (ễ, ư … as
 * Unicode) is Unicode whatever its hint says, and is only put in NFC. */

/* Guesses, for each of the sheet's n_cols columns, the encoding of its
 * cells from first_row on: the choice for the cells without a font hint,
 * scored on those cells (smt_legacy_text_guess); a column whose non-ASCII
 * cells all have a font hint reports the hint of most of them (TCVN3 or
 * VNI), so that the preview shows what is applied. per_column holds
 * sheet->n_cols entries; confidence (may be NULL) as many, each 0–1. */
void      smt_sheet_guess_encodings (const SmtSheet        *sheet,
                                     guint                  first_row,
                                     SmtTextEncoding       *per_column,
                                     double                *confidence);

/* Replaces every text cell's text by its NFC decoding under the rule
 * above (per_column: sheet->n_cols entries; NULL means Unicode for all)
 * and clears the hints. FALSE with G_IO_ERROR_CANCELLED if cancellable
 * was cancelled: the sheet is then partly decoded, and must be dropped. */
gboolean  smt_sheet_decode          (SmtSheet              *sheet,
                                     const SmtTextEncoding *per_column,
                                     GCancellable          *cancellable,
                                     GError               **error);

/* The encoding a cell is decoded with under that rule. */
SmtTextEncoding smt_sheet_cell_encoding (const SmtSheet    *sheet,
                                         const SmtCell     *cell,
                                         SmtTextEncoding    column_choice);

G_END_DECLS
