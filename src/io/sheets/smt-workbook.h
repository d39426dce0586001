/* smt-workbook.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "smt-sheet.h"

G_BEGIN_DECLS

/* A spreadsheet or text file opened for reading: its format, found from the
 * content and never from the name, and its sheets' names; each sheet is
 * read whole into an SmtSheet on demand. A damaged or truncated file gives
 * an SMT_SHEET_ERROR, never a crash or a hang. */

#define SMT_SHEET_ERROR (smt_sheet_error_quark ())

typedef enum
{
  SMT_SHEET_ERROR_OPEN,        /* the file cannot be read at all */
  SMT_SHEET_ERROR_FORMAT,      /* not a spreadsheet or text file we read */
  SMT_SHEET_ERROR_DAMAGED,     /* the right format, but broken or cut short */
  SMT_SHEET_ERROR_ENCRYPTED,   /* protected by a password */
  SMT_SHEET_ERROR_TOO_LARGE,   /* more cells than a member list can have */
  SMT_SHEET_ERROR_NO_SHEET,    /* no sheet of that number */
} SmtSheetError;

typedef enum
{
  SMT_WORKBOOK_XLSX,
  SMT_WORKBOOK_ODS,
  SMT_WORKBOOK_XLS,
  SMT_WORKBOOK_TEXT,           /* .csv, .txt: one sheet */
} SmtWorkbookFormat;

/* Called now and then while a sheet is read, with the share read so far. */
typedef void (*SmtSheetProgress) (double   fraction,
                                  gpointer user_data);

typedef struct _SmtWorkbook SmtWorkbook;

GQuark             smt_sheet_error_quark     (void);

/* What a font's name says of the text written with it: ".Vn…" (".VnTime",
 * ".VnTimeH") is TCVN3, "VNI-…" is VNI, any other none. */
SmtTextHint        smt_text_hint_for_font    (const char       *font_name);

SmtWorkbook       *smt_workbook_open         (const char       *path,
                                              GError          **error);
SmtWorkbook       *smt_workbook_open_bytes   (GBytes           *bytes,
                                              const char       *name,
                                              GError          **error);
void               smt_workbook_free         (SmtWorkbook      *workbook);

SmtWorkbookFormat  smt_workbook_format       (const SmtWorkbook *workbook);
const char        *smt_workbook_format_name  (SmtWorkbookFormat format);
guint              smt_workbook_n_sheets     (const SmtWorkbook *workbook);
const char        *smt_workbook_sheet_name   (const SmtWorkbook *workbook,
                                              guint             index);
SmtSheet          *smt_workbook_read_sheet   (SmtWorkbook      *workbook,
                                              guint             index,
                                              GCancellable     *cancellable,
                                              SmtSheetProgress  progress,
                                              gpointer          user_data,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtWorkbook, smt_workbook_free)

G_END_DECLS
