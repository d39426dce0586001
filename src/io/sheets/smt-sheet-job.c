/* smt-sheet-job.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "smt-sheet-job.h"

/* Rows between two looks at the cancellable and two progress reports. */
#define ROWS_PER_CHECK 256

void
smt_sheet_job_init (SmtSheetJob      *job,
                    const char       *file_name,
                    GCancellable     *cancellable,
                    SmtSheetProgress  progress,
                    gpointer          user_data)
{
  *job = (SmtSheetJob) {
    .file_name = file_name,
    .cancellable = cancellable,
    .progress = progress,
    .user_data = user_data,
  };
  if (progress != NULL)
    progress (0.0, user_data);
}

gboolean
smt_sheet_job_row (SmtSheetJob  *job,
                   double        fraction,
                   GError      **error)
{
  if (++job->rows_seen % ROWS_PER_CHECK != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  if (job->progress != NULL)
    job->progress (CLAMP (fraction, 0.0, 1.0), job->user_data);
  return TRUE;
}

void
smt_sheet_job_done (SmtSheetJob *job)
{
  if (job->progress != NULL)
    job->progress (1.0, job->user_data);
}

gboolean
smt_sheet_job_room (SmtSheetJob     *job,
                    const SmtSheet  *sheet,
                    guint            row,
                    guint            col,
                    GError         **error)
{
  guint64 more = 0;

  if (row >= SMT_SHEET_MAX_ROWS || col >= SMT_SHEET_MAX_COLS)
    return smt_sheet_fail_too_large (error, job->file_name) != NULL;
  if (row >= sheet->rows->len)
    more += row + 1 - sheet->rows->len + col + 1;
  else
    {
      GArray *cells = g_ptr_array_index (sheet->rows, row);

      if (col >= cells->len)
        more += col + 1 - cells->len;
    }
  if (job->cells + more > SMT_SHEET_MAX_CELLS)
    return smt_sheet_fail_too_large (error, job->file_name) != NULL;
  job->cells += more;
  return TRUE;
}

gpointer
smt_sheet_fail_damaged (GError     **error,
                        const char  *file_name,
                        const char  *detail)
{
  g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_DAMAGED,
               _("“%s” is damaged or cut short (%s). Open it in Excel or LibreOffice, "
                 "save it again as .xlsx and import that copy."),
               file_name, detail);
  return NULL;
}

gpointer
smt_sheet_fail_format (GError     **error,
                       const char  *file_name,
                       const char  *detail)
{
  g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_FORMAT,
               _("“%s” is not an Excel, ODS or CSV spreadsheet that can be read: %s. "
                 "Open it in Excel and save it as .xlsx, then import that copy."),
               file_name, detail);
  return NULL;
}

gpointer
smt_sheet_fail_too_large (GError     **error,
                          const char  *file_name)
{
  g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_TOO_LARGE,
               _("“%s” holds more cells than a member list can have. Delete the empty "
                 "rows and columns after the list, or split it into several files, and "
                 "import again."),
               file_name);
  return NULL;
}

gboolean
smt_sheet_iso_to_serial (const char *text,
                         double     *serial)
{
  guint32 epoch;
  int y, m, d, hh = 0, mm = 0, n = 0;
  double ss = 0.0;
  GDate date;

  if (text == NULL || sscanf (text, "%d-%d-%d%n", &y, &m, &d, &n) < 3)
    return FALSE;
  if (y < 1 || y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  if (text[n] == 'T' || text[n] == ' ')
    {
      if (sscanf (text + n + 1, "%d:%d:%lf", &hh, &mm, &ss) < 2
          || hh < 0 || hh > 24 || mm < 0 || mm > 59 || ss < 0 || ss >= 61)
        hh = mm = 0, ss = 0;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  epoch = g_date_get_julian (&date);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  *serial = (double) g_date_get_julian (&date) - (double) epoch
            + (hh * 3600.0 + mm * 60.0 + ss) / 86400.0;
  return TRUE;
}
