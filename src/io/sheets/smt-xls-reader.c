/* smt-xls-reader.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "smt-xls-reader.h"

struct _SmtXlsReader
{
  const void *handle;
  char       *file_name;
  GPtrArray  *sheet_names;
};

SmtXlsReader *
smt_xls_reader_new (const char  *path,
                    const char  *file_name,
                    GError     **error)
{
  g_autoptr(SmtXlsReader) x = g_new0 (SmtXlsReader, 1);
  unsigned int info = 0, count = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  x->file_name = g_strdup (file_name);
  x->sheet_names = g_ptr_array_new_with_free_func (g_free);
  rc = freexl_open (path, &x->handle);
  if (rc != FREEXL_OK)
    {
      g_autofree char *detail = g_strdup_printf (_("FreeXL error %d"), rc);

      x->handle = NULL;
      if (rc == FREEXL_BIFF_WORKBOOK_NOT_FOUND)
        return smt_sheet_fail_format (error, file_name,
                                      _("it is an Office file but holds no Excel workbook"));
      if (rc == FREEXL_INSUFFICIENT_MEMORY)
        return smt_sheet_fail_too_large (error, file_name);
      return smt_sheet_fail_damaged (error, file_name, detail);
    }
  if (freexl_get_info (x->handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK
      && info == FREEXL_BIFF_OBFUSCATED)
    {
      g_set_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_ENCRYPTED,
                   _("“%s” is protected by a password. Open it in Excel, remove the password "
                     "(File, Info, Protect Workbook), save it as .xlsx and import that copy."),
                   file_name);
      return NULL;
    }
  if (freexl_get_info (x->handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK || count == 0)
    return smt_sheet_fail_format (error, file_name, _("its workbook lists no sheet"));
  for (unsigned short i = 0; i < count && i < G_MAXUINT16; i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (x->handle, i, &name) != FREEXL_OK || name == NULL)
        name = "";
      g_ptr_array_add (x->sheet_names, g_utf8_make_valid (name, -1));
    }
  return g_steal_pointer (&x);
}

void
smt_xls_reader_free (SmtXlsReader *x)
{
  if (x == NULL)
    return;
  if (x->handle != NULL)
    freexl_close (x->handle);
  g_free (x->file_name);
  g_clear_pointer (&x->sheet_names, g_ptr_array_unref);
  g_free (x);
}

guint
smt_xls_reader_n_sheets (SmtXlsReader *x)
{
  return x->sheet_names->len;
}

const char *
smt_xls_reader_sheet_name (SmtXlsReader *x,
                           guint         index)
{
  g_return_val_if_fail (index < x->sheet_names->len, NULL);
  return g_ptr_array_index (x->sheet_names, index);
}

/* "08:30:00" as a fraction of a day. */
static gboolean
time_to_fraction (const char *text,
                  double     *fraction)
{
  unsigned int h, m, s = 0;

  if (text == NULL || sscanf (text, "%u:%u:%u", &h, &m, &s) < 2 || h > 24 || m > 59 || s > 60)
    return FALSE;
  *fraction = (h * 3600.0 + m * 60.0 + s) / 86400.0;
  return TRUE;
}

SmtSheet *
smt_xls_reader_read (SmtXlsReader  *x,
                     guint          index,
                     SmtSheetJob   *job,
                     GError       **error)
{
  g_autoptr(SmtSheet) sheet = NULL;
  unsigned int rows = 0;
  unsigned short cols = 0;

  g_return_val_if_fail (index < x->sheet_names->len, NULL);

  if (freexl_select_active_worksheet (x->handle, (unsigned short) index) != FREEXL_OK
      || freexl_worksheet_dimensions (x->handle, &rows, &cols) != FREEXL_OK)
    return smt_sheet_fail_damaged (error, x->file_name, _("a sheet cannot be selected"));
  sheet = smt_sheet_new (g_ptr_array_index (x->sheet_names, index));
  for (unsigned int row = 0; row < rows; row++)
    {
      for (unsigned short col = 0; col < cols; col++)
        {
          FreeXL_CellValue value;
          double number;

          if (freexl_get_cell_value (x->handle, row, col, &value) != FREEXL_OK)
            continue;
          switch (value.type)
            {
            case FREEXL_CELL_INT:
            case FREEXL_CELL_DOUBLE:
              number = value.type == FREEXL_CELL_INT ? value.value.int_value
                                                     : value.value.double_value;
              if (!smt_sheet_job_room (job, sheet, row, col, error))
                return NULL;
              smt_sheet_set_number (sheet, row, col, SMT_CELL_NUMBER, number);
              break;
            case FREEXL_CELL_TEXT:
            case FREEXL_CELL_SST_TEXT:
              if (value.value.text_value == NULL || *value.value.text_value == '\0')
                break;
              if (!smt_sheet_job_room (job, sheet, row, col, error))
                return NULL;
              if (g_utf8_validate (value.value.text_value, -1, NULL))
                smt_sheet_set_text (sheet, row, col, value.value.text_value, -1,
                                    SMT_TEXT_HINT_NONE, 0);
              else
                {
                  g_autofree char *valid = g_utf8_make_valid (value.value.text_value, -1);

                  smt_sheet_set_text (sheet, row, col, valid, -1, SMT_TEXT_HINT_NONE, 0);
                }
              break;
            case FREEXL_CELL_DATE:
            case FREEXL_CELL_DATETIME:
              if (!smt_sheet_iso_to_serial (value.value.text_value, &number))
                break;
              if (!smt_sheet_job_room (job, sheet, row, col, error))
                return NULL;
              smt_sheet_set_number (sheet, row, col, SMT_CELL_DATE, number);
              break;
            case FREEXL_CELL_TIME:
              if (!time_to_fraction (value.value.text_value, &number))
                break;
              if (!smt_sheet_job_room (job, sheet, row, col, error))
                return NULL;
              smt_sheet_set_number (sheet, row, col, SMT_CELL_NUMBER, number);
              break;
            default:
              break;
            }
        }
      if (!smt_sheet_job_row (job, rows > 0 ? (double) row / rows : 1.0, error))
        return NULL;
    }
  return g_steal_pointer (&sheet);
}
