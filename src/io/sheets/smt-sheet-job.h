/* smt-sheet-job.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-workbook.h"

G_BEGIN_DECLS

/* What every reader shares while it reads one sheet: the file's name for
 * messages, the cancellable and the progress callback, and the limits that
 * keep a hostile file from taking all memory. Private to src/io/sheets. */

/* Excel's own grid, and a budget of cells far above any member list
 * (100.000 rows of 40 columns are 4 million). */
#define SMT_SHEET_MAX_ROWS  1048576u
#define SMT_SHEET_MAX_COLS  16384u
#define SMT_SHEET_MAX_CELLS 10000000u

typedef struct
{
  const char       *file_name;   /* for messages: the file's display name */
  GCancellable     *cancellable;
  SmtSheetProgress  progress;
  gpointer          user_data;
  guint             rows_seen;
  guint64           cells;       /* grid cells allocated so far */
} SmtSheetJob;

void      smt_sheet_job_init      (SmtSheetJob      *job,
                                   const char       *file_name,
                                   GCancellable     *cancellable,
                                   SmtSheetProgress  progress,
                                   gpointer          user_data);
/* One row read: every few hundred rows, report @fraction and check the
 * cancellable (FALSE with G_IO_ERROR_CANCELLED). */
gboolean  smt_sheet_job_row       (SmtSheetJob      *job,
                                   double            fraction,
                                   GError          **error);
void      smt_sheet_job_done      (SmtSheetJob      *job);
/* Whether a cell may be written at (row, col): FALSE with TOO_LARGE when
 * it lies outside Excel's grid or would pass the budget of cells. */
gboolean  smt_sheet_job_room      (SmtSheetJob      *job,
                                   const SmtSheet   *sheet,
                                   guint             row,
                                   guint             col,
                                   GError          **error);

/* The errors every reader gives, with the translated message. */
gpointer  smt_sheet_fail_damaged  (GError          **error,
                                   const char       *file_name,
                                   const char       *detail);
gpointer  smt_sheet_fail_format   (GError          **error,
                                   const char       *file_name,
                                   const char       *detail);
gpointer  smt_sheet_fail_too_large (GError         **error,
                                   const char       *file_name);

/* Days since 1899-12-30 (Excel's serial) of an ISO 8601 date, with the
 * time of day as a fraction: "2020-05-01", "2020-05-01T08:30:00" or
 * "2020-05-01 08:30:00". FALSE when it is not one. */
gboolean  smt_sheet_iso_to_serial (const char       *text,
                                   double           *serial);

G_END_DECLS
