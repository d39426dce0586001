/* smt-import-source.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "core/import/smt-import-row.h"
#include "io/sheets/smt-legacy-text.h"
#include "io/sheets/smt-sheet.h"
#include "io/sheets/smt-workbook.h"
#include "smt-import-mapping.h"
#include "smt-sheet-layout.h"

G_BEGIN_DECLS

/* A member list being imported, from the file to its rows: the one path
 * that `somattran import` and the window's import assistant both take.
 *
 *   open (the file, its SHA-256) → load a sheet (read it as the file holds
 *   it, guess each column's encoding, decode a copy, find the header and
 *   the rows, take the mapping remembered for this file shape or guess
 *   one) → the user may choose a column's encoding, the header row or a
 *   column's field again → the rows (SmtImportRow) → remember the mapping.
 *
 * The sheet as read is kept, so choosing another encoding decodes again
 * from it; nothing here touches a register. */

typedef struct _SmtImportSource SmtImportSource;

SmtImportSource        *smt_import_source_open          (const char             *path,
                                                         GError                **error);
void                    smt_import_source_free          (SmtImportSource        *source);

const char             *smt_import_source_path          (const SmtImportSource  *source);
/* The file's base name and SHA-256 (hex), for the batch's record. */
const char             *smt_import_source_file_name     (const SmtImportSource  *source);
const char             *smt_import_source_sha256        (const SmtImportSource  *source);
const SmtWorkbook      *smt_import_source_workbook      (const SmtImportSource  *source);
/* The index of the sheet named name (exactly, then folded), or -1. */
int                     smt_import_source_find_sheet    (const SmtImportSource  *source,
                                                         const char             *name);

/* Reads sheet index and prepares it as the comment above says. Replaces
 * any sheet loaded before. FALSE on error or when cancelled (then nothing
 * is loaded). */
gboolean                smt_import_source_load_sheet    (SmtImportSource        *source,
                                                         guint                   index,
                                                         GCancellable           *cancellable,
                                                         SmtSheetProgress        progress,
                                                         gpointer                data,
                                                         GError                **error);
gboolean                smt_import_source_is_loaded     (const SmtImportSource  *source);
guint                   smt_import_source_sheet_index   (const SmtImportSource  *source);
/* The decoded sheet, its layout and the mapping in force. */
const SmtSheet         *smt_import_source_sheet         (const SmtImportSource  *source);
const SmtSheetLayout   *smt_import_source_layout        (const SmtImportSource  *source);
const SmtImportMapping *smt_import_source_mapping       (const SmtImportSource  *source);
/* TRUE when the mapping is the one remembered for this file shape. */
gboolean                smt_import_source_is_remembered (const SmtImportSource  *source);

/* The encoding column col is decoded with, and how sure the guess was
 * (0–1; 1 when the user chose it or a font told). */
SmtTextEncoding         smt_import_source_encoding      (const SmtImportSource  *source,
                                                         guint                   col,
                                                         double                 *confidence);
/* Decodes column col (or every column when col < 0) with enc from the
 * sheet as read, and finds the rows again. */
gboolean                smt_import_source_set_encoding  (SmtImportSource        *source,
                                                         int                     col,
                                                         SmtTextEncoding         enc,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
/* The header at row (0-based) as the user chose it: fields guessed again
 * from that row's headers. */
void                    smt_import_source_set_header_row (SmtImportSource       *source,
                                                          guint                  row);
void                    smt_import_source_set_field     (SmtImportSource        *source,
                                                         guint                   col,
                                                         SmtImportField          field);
/* A whole mapping (a --map file, or one the window kept): its header row,
 * fields and, where it names them, encodings. */
gboolean                smt_import_source_set_mapping   (SmtImportSource        *source,
                                                         const SmtImportMapping *mapping,
                                                         GCancellable           *cancellable,
                                                         GError                **error);

/* The member rows (SmtImportRow, freed with the array) of the loaded sheet
 * under the mapping in force; NULL when cancelled. */
GPtrArray              *smt_import_source_read_rows     (SmtImportSource        *source,
                                                         GCancellable           *cancellable,
                                                         GError                **error);
/* Remembers the mapping in force (encodings included) for this file shape,
 * so that the next file of the same shape opens with it. */
gboolean                smt_import_source_remember      (SmtImportSource        *source,
                                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtImportSource, smt_import_source_free)

G_END_DECLS
