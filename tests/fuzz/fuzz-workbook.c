/* fuzz-workbook.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target: any bytes opened as a workbook, every sheet read
 * (a few at most), then guessed and decoded. Built twice, as the CSV and
 * the XLSX target (FUZZ_FILE_NAME "fuzz.csv" or "fuzz.xlsx"); the format
 * is found from the content, so the two differ by their seed corpora. */

#include <stdint.h>
#include <stdlib.h>

#include "io/sheets/smt-sheet-decode.h"
#include "fuzz-glib.h"
#include "io/sheets/smt-workbook.h"

#ifndef FUZZ_FILE_NAME
#define FUZZ_FILE_NAME "fuzz.csv"
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtWorkbook) workbook = NULL;
  guint n_sheets;

  workbook = smt_workbook_open_bytes (bytes, FUZZ_FILE_NAME, &error);
  if (workbook == NULL)
    {
      if (error == NULL)
        abort ();
      return 0;
    }
  n_sheets = smt_workbook_n_sheets (workbook);
  for (guint i = 0; i < n_sheets && i < 4; i++)
    {
      g_autoptr(GError) sheet_error = NULL;
      g_autoptr(SmtSheet) sheet = NULL;
      SmtTextEncoding *per_column;

      if (smt_workbook_sheet_name (workbook, i) == NULL)
        abort ();
      sheet = smt_workbook_read_sheet (workbook, i, NULL, NULL, NULL, &sheet_error);
      if (sheet == NULL)
        {
          if (sheet_error == NULL)
            abort ();
          continue;
        }
      /* Every cell the sheet says it has can be read. */
      for (guint r = 0; r < sheet->n_rows; r++)
        for (guint c = 0; c < sheet->n_cols; c++)
          {
            const SmtCell *cell = smt_sheet_cell_merged (sheet, r, c);

            if ((cell->kind == SMT_CELL_TEXT || cell->kind == SMT_CELL_ERROR) && cell->text == NULL)
              abort ();
          }
      per_column = g_new0 (SmtTextEncoding, MAX (sheet->n_cols, 1));
      smt_sheet_guess_encodings (sheet, 0, per_column, NULL);
      if (!smt_sheet_decode (sheet, per_column, NULL, NULL))
        abort ();
      g_free (per_column);
    }
  return 0;
}
