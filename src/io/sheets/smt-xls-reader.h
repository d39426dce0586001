/* smt-xls-reader.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-sheet-job.h"

G_BEGIN_DECLS

/* .xls (BIFF, Excel 97–2003 and older) through FreeXL, which reads a file
 * by its path. FreeXL gives no fonts (hint NONE) and no merged ranges;
 * its DATE and DATETIME cells become SMT_CELL_DATE. Private to
 * src/io/sheets: SmtWorkbook is the way in. */

typedef struct _SmtXlsReader SmtXlsReader;

SmtXlsReader  *smt_xls_reader_new         (const char     *path,
                                          const char     *file_name,
                                          GError        **error);
void           smt_xls_reader_free        (SmtXlsReader  *reader);
guint          smt_xls_reader_n_sheets    (SmtXlsReader  *reader);
const char    *smt_xls_reader_sheet_name  (SmtXlsReader  *reader,
                                          guint           index);
SmtSheet      *smt_xls_reader_read        (SmtXlsReader  *reader,
                                          guint           index,
                                          SmtSheetJob    *job,
                                          GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtXlsReader, smt_xls_reader_free)

G_END_DECLS
