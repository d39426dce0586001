/* smt-explain-xlsx.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/indicators/smt-indicators.h"

G_BEGIN_DECLS

/* The explanation of a figure as an XLSX workbook: two sheets, Tử số and
 * Mẫu số (the second only for a ratio), each with a bold header row (STT,
 * kind, key, row, because) and the rows of the explanation. Written under a
 * temporary name and renamed into place (smt-atomic-file.h), so a failed
 * write leaves no file. The result must have been computed with explain. */
gboolean smt_explain_xlsx_write (const SmtIndicatorResult *result,
                                 const char               *path,
                                 GError                  **error);

G_END_DECLS
