/* smt-ods-reader.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gsf/gsf.h>

#include "smt-sheet-job.h"

G_BEGIN_DECLS

/* .ods (OpenDocument spreadsheet): content.xml streamed; table names, rows
 * and cells with their repeats (empty ones cost nothing however many),
 * values by office:value-type (dates as Excel serials), paragraphs joined
 * with "\n", spanned cells as merged ranges. No fonts. Private to
 * src/io/sheets: SmtWorkbook is the way in. */

typedef struct _SmtOdsReader SmtOdsReader;

SmtOdsReader  *smt_ods_reader_new         (GsfInfile      *zip,
                                          const char     *file_name,
                                          GError        **error);
void           smt_ods_reader_free        (SmtOdsReader  *reader);
guint          smt_ods_reader_n_sheets    (SmtOdsReader  *reader);
const char    *smt_ods_reader_sheet_name  (SmtOdsReader  *reader,
                                          guint           index);
SmtSheet      *smt_ods_reader_read        (SmtOdsReader  *reader,
                                          guint           index,
                                          SmtSheetJob    *job,
                                          GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtOdsReader, smt_ods_reader_free)

G_END_DECLS
