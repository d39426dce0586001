/* smt-sheet-decode.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-sheet-decode.h"

static SmtTextEncoding
cell_encoding (const SmtSheet  *sheet,
               const SmtCell   *cell,
               guint            scan,
               SmtTextEncoding  column_choice)
{
  if ((scan & SMT_LEGACY_SCAN_NON_ASCII) == 0 || (scan & SMT_LEGACY_SCAN_UNICODE_ONLY) != 0)
    return SMT_ENCODING_UNICODE;
  if (cell->hint == SMT_TEXT_HINT_TCVN3)
    return smt_legacy_font_is_tcvn3_caps (smt_sheet_font_name (sheet, cell->font))
           ? SMT_ENCODING_TCVN3_CAPS : SMT_ENCODING_TCVN3;
  if (cell->hint == SMT_TEXT_HINT_VNI)
    return SMT_ENCODING_VNI;
  return column_choice;
}

SmtTextEncoding
smt_sheet_cell_encoding (const SmtSheet  *sheet,
                         const SmtCell   *cell,
                         SmtTextEncoding  column_choice)
{
  g_return_val_if_fail (sheet != NULL && cell != NULL, SMT_ENCODING_UNICODE);

  if (cell->kind != SMT_CELL_TEXT || cell->text == NULL)
    return SMT_ENCODING_UNICODE;
  return cell_encoding (sheet, cell, smt_legacy_text_scan (cell->text), column_choice);
}

void
smt_sheet_guess_encodings (const SmtSheet  *sheet,
                           guint            first_row,
                           SmtTextEncoding *per_column,
                           double          *confidence)
{
  g_return_if_fail (sheet != NULL && per_column != NULL);

  for (guint col = 0; col < sheet->n_cols; col++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();
      guint hints[4] = { 0 };
      SmtTextHint majority = SMT_TEXT_HINT_NONE;
      double conf = 1.0;

      for (guint row = first_row; row < sheet->n_rows; row++)
        {
          const SmtCell *cell = smt_sheet_cell (sheet, row, col);

          if (cell->kind != SMT_CELL_TEXT || cell->text == NULL
              || smt_legacy_text_is_ascii (cell->text))
            continue;
          hints[MIN (cell->hint, 3)]++;
          /* Hinted cells follow their font; the guess is for the others. */
          if (cell->hint == SMT_TEXT_HINT_NONE || cell->hint == SMT_TEXT_HINT_8BIT)
            g_ptr_array_add (texts, cell->text);
        }

      if (texts->len == 0)
        per_column[col] = hints[SMT_TEXT_HINT_VNI] > hints[SMT_TEXT_HINT_TCVN3]
                          ? SMT_ENCODING_VNI
                          : hints[SMT_TEXT_HINT_TCVN3] > 0 ? SMT_ENCODING_TCVN3
                          : SMT_ENCODING_UNICODE;
      else
        {
          majority = hints[SMT_TEXT_HINT_8BIT] > hints[SMT_TEXT_HINT_NONE]
                     ? SMT_TEXT_HINT_8BIT : SMT_TEXT_HINT_NONE;
          per_column[col] = smt_legacy_text_guess ((const char *const *) texts->pdata,
                                                   texts->len, majority, &conf);
        }
      if (confidence != NULL)
        confidence[col] = conf;
    }
}

gboolean
smt_sheet_decode (SmtSheet               *sheet,
                  const SmtTextEncoding  *per_column,
                  GCancellable           *cancellable,
                  GError                **error)
{
  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint row = 0; row < sheet->rows->len; row++)
    {
      GArray *cells = g_ptr_array_index (sheet->rows, row);

      if (row % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint col = 0; col < cells->len; col++)
        {
          SmtCell *cell = &g_array_index (cells, SmtCell, col);
          SmtTextEncoding column_choice, enc;
          char *decoded;
          guint scan;

          if (cell->kind != SMT_CELL_TEXT || cell->text == NULL)
            continue;
          column_choice = per_column != NULL && col < sheet->n_cols
                          ? per_column[col] : SMT_ENCODING_UNICODE;
          scan = smt_legacy_text_scan (cell->text);
          enc = cell_encoding (sheet, cell, scan, column_choice);
          cell->hint = SMT_TEXT_HINT_NONE;
          /* ASCII, and Unicode already in NFC, stay as they are. */
          if (enc == SMT_ENCODING_UNICODE && (scan & SMT_LEGACY_SCAN_NOT_NFC) == 0)
            continue;
          decoded = smt_legacy_text_decode (cell->text, enc);
          g_free (cell->text);
          cell->text = decoded;
        }
    }
  return TRUE;
}
