/* smt-xlsx-reader.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gsf/gsf.h>

#include "smt-sheet-job.h"

G_BEGIN_DECLS

/* .xlsx (Office Open XML): the workbook's sheet names and parts, the shared
 * strings with the font of their first run, the styles (which cells are
 * dates, which font each cell has), then a sheet streamed row by row.
 * Private to src/io/sheets: SmtWorkbook is the way in. */

typedef struct _SmtXlsxReader SmtXlsxReader;

SmtXlsxReader *smt_xlsx_reader_new        (GsfInfile      *zip,
                                           const char     *file_name,
                                           GError        **error);
void           smt_xlsx_reader_free       (SmtXlsxReader  *reader);
guint          smt_xlsx_reader_n_sheets   (SmtXlsxReader  *reader);
const char    *smt_xlsx_reader_sheet_name (SmtXlsxReader  *reader,
                                           guint           index);
SmtSheet      *smt_xlsx_reader_read       (SmtXlsxReader  *reader,
                                           guint           index,
                                           SmtSheetJob    *job,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtXlsxReader, smt_xlsx_reader_free)

G_END_DECLS
