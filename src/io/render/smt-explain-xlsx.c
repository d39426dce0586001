/* smt-explain-xlsx.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "core/register/smt-register.h"
#include "io/files/smt-atomic-file.h"
#include "smt-explain-xlsx.h"

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "person") == 0)
    return _("Person");
  if (g_strcmp0 (kind, "household") == 0)
    return _("Household");
  if (g_strcmp0 (kind, "branch") == 0)
    return _("Branch");
  if (g_strcmp0 (kind, "organisation") == 0)
    return _("Organisation");
  if (g_strcmp0 (kind, "branch-month") == 0)
    return _("Branch and month");
  if (g_strcmp0 (kind, "meeting") == 0)
    return _("Meeting");
  if (g_strcmp0 (kind, "attendance") == 0)
    return _("Attendance");
  if (g_strcmp0 (kind, "study") == 0)
    /* Translators: a participant of a study known only by its number */
    return _("Counted participant");
  return kind != NULL ? kind : "";
}

static lxw_error
write_sheet (lxw_workbook    *book,
             lxw_format      *bold,
             const char      *name,
             const GPtrArray *rows)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, name);
  const char *headers[] = { N_("No."), N_("Kind"), N_("Key"), N_("Row"), N_("Because") };
  const double widths[] = { 7, 14, 10, 50, 60 };
  lxw_error err;

  if (sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  for (lxw_col_t c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      worksheet_set_column (sheet, c, c, widths[c], NULL);
      if ((err = worksheet_write_string (sheet, 0, c, _(headers[c]), bold)) != LXW_NO_ERROR)
        return err;
    }
  worksheet_freeze_panes (sheet, 1, 0);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const SmtExplainRow *row = g_ptr_array_index (rows, i);
      lxw_row_t r = i + 1;

      if ((err = worksheet_write_number (sheet, r, 0, i + 1, NULL)) != LXW_NO_ERROR
          || (err = worksheet_write_string (sheet, r, 1, kind_label (row->kind), NULL))
             != LXW_NO_ERROR
          || (err = worksheet_write_number (sheet, r, 2, (double) row->id, NULL)) != LXW_NO_ERROR
          || (err = worksheet_write_string (sheet, r, 3, row->label ? row->label : "", NULL))
             != LXW_NO_ERROR
          || (err = worksheet_write_string (sheet, r, 4, row->because ? row->because : "",
                                            NULL)) != LXW_NO_ERROR)
        return err;
    }
  return LXW_NO_ERROR;
}

gboolean
smt_explain_xlsx_write (const SmtIndicatorResult *result,
                        const char               *path,
                        GError                  **error)
{
  g_autofree char *tmp = NULL;
  lxw_workbook *book;
  lxw_format *bold;
  lxw_error err;

  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (result->numerator_rows == NULL)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("This figure has no rows to export. Compute it with its explanation "
                     "first."));
      return FALSE;
    }
  tmp = smt_atomic_file_temp_path (path);
  book = workbook_new (tmp);
  if (book == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s”. Choose a folder you can write to."), path);
      return FALSE;
    }
  bold = workbook_add_format (book);
  format_set_bold (bold);
  err = write_sheet (book, bold, _("Numerator"), result->numerator_rows);
  if (err == LXW_NO_ERROR && result->info->ratio)
    err = write_sheet (book, bold, _("Denominator"), result->denominator_rows);
  if (err != LXW_NO_ERROR)
    {
      /* Close to free it; the file is thrown away. */
      workbook_close (book);
      smt_atomic_file_abandon (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s” (%s). Choose another place or free some space."),
                   path, lxw_strerror (err));
      return FALSE;
    }
  if ((err = workbook_close (book)) != LXW_NO_ERROR)
    {
      smt_atomic_file_abandon (tmp);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write “%s” (%s). Choose another place or free some space."),
                   path, lxw_strerror (err));
      return FALSE;
    }
  return smt_atomic_file_commit (tmp, path, error);
}
