/* smt-csv-reader.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-sheet-job.h"

G_BEGIN_DECLS

/* A text file (.csv, .txt, Excel's "Unicode Text") read into one sheet of
 * text cells. The encoding is found from a byte order mark, from the zero
 * bytes of UTF-16 without one, from UTF-8 being valid, or else left as
 * "8bit" (each byte kept as its Windows-1252 character, hint
 * SMT_TEXT_HINT_8BIT, for the legacy decoder to choose). The delimiter is
 * the one of , ; tab | that splits the first lines most consistently;
 * quotes follow RFC 4180. Numbers stay text. Binary content is refused
 * with SMT_SHEET_ERROR_FORMAT. */

SmtSheet *smt_csv_read (const guint8 *data,
                        gsize         length,
                        const char   *sheet_name,
                        SmtSheetJob  *job,
                        GError      **error);

/* Whether the start of @data reads as text: FALSE with
 * SMT_SHEET_ERROR_FORMAT when it is binary. */
gboolean  smt_csv_sniff (const guint8 *data,
                         gsize         length,
                         const char   *file_name,
                         GError      **error);

G_END_DECLS
