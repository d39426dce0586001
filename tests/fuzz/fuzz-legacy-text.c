/* fuzz-legacy-text.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target: any bytes through the legacy text decoder, the
 * scoring, the guess, and a sheet's guess and decode. The input is text
 * as a sheet could hold it (valid or not as UTF-8): lines are rows, tabs
 * separate columns, and the first byte picks the cells' hints. Aborts if
 * a result is not valid NFC UTF-8, or if ASCII does not stay as it is
 * (upper case in the TCVN3 capitals font). */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "io/sheets/smt-sheet-decode.h"
#include "fuzz-glib.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_output (const char      *in,
              const char      *out,
              SmtTextEncoding  enc)
{
  g_autofree char *nfc = NULL;
  g_autofree char *in_upper = g_ascii_strup (in, -1);

  if (out == NULL || !g_utf8_validate (out, -1, NULL))
    abort ();
  nfc = g_utf8_normalize (out, -1, G_NORMALIZE_NFC);
  if (nfc == NULL || strcmp (nfc, out) != 0)
    abort ();
  /* ASCII stays as it is (in capitals in a capitals font). */
  if (smt_legacy_text_is_ascii (in)
      && strcmp (enc == SMT_ENCODING_TCVN3_CAPS ? in_upper : in, out) != 0)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(SmtSheet) sheet = NULL;
  SmtTextEncoding *per_column;
  double *confidence;
  guint8 selector;

  if (size == 0 || size > 64 * 1024)
    return 0;
  selector = data[0];
  text = g_strndup ((const char *) data + 1, size - 1);

  for (guint e = 0; e < SMT_N_ENCODINGS; e++)
    {
      g_autofree char *out = smt_legacy_text_decode (text, (SmtTextEncoding) e);
      double score;

      check_output (text, out, (SmtTextEncoding) e);
      score = smt_legacy_text_score (out);
      if (!(score == -1.0 || (score >= 0.0 && score <= 1.0)))
        abort ();
    }

  lines = g_strsplit (text, "\n", 200);
  {
    double conf = -1;
    SmtTextEncoding guess = smt_legacy_text_guess ((const char *const *) lines,
                                                   g_strv_length (lines),
                                                   (SmtTextHint) (selector % 4), &conf);

    if (guess >= SMT_N_ENCODINGS || conf < 0.0 || conf > 1.0)
      abort ();
  }

  /* A sheet: hints and fonts from the selector's bits, cell by cell. */
  sheet = smt_sheet_new ("fuzz");
  {
    guint16 fonts[3] = {
      smt_sheet_intern_font (sheet, ".VnTime"),
      smt_sheet_intern_font (sheet, ".VnTimeH"),
      smt_sheet_intern_font (sheet, "VNI-Times"),
    };

    for (guint r = 0; lines[r] != NULL; r++)
      {
        g_auto(GStrv) cells = g_strsplit (lines[r], "\t", 16);

        for (guint c = 0; cells[c] != NULL; c++)
          {
            guint pick = (selector >> 2) + r * 7 + c * 3;
            SmtTextHint hint = (SmtTextHint) (pick % 4);
            guint16 font = hint == SMT_TEXT_HINT_TCVN3 ? fonts[pick % 2]
                           : hint == SMT_TEXT_HINT_VNI ? fonts[2] : 0;

            if (cells[c][0] == '#')
              smt_sheet_set_number (sheet, r, c, SMT_CELL_NUMBER, r + c);
            else
              smt_sheet_set_text (sheet, r, c, cells[c], -1, hint, font);
          }
      }
  }
  per_column = g_new0 (SmtTextEncoding, MAX (sheet->n_cols, 1));
  confidence = g_new0 (double, MAX (sheet->n_cols, 1));
  smt_sheet_guess_encodings (sheet, selector % 3, per_column, confidence);
  for (guint c = 0; c < sheet->n_cols; c++)
    if (per_column[c] >= SMT_N_ENCODINGS || confidence[c] < 0.0 || confidence[c] > 1.0)
      abort ();
  if (!smt_sheet_decode (sheet, per_column, NULL, NULL))
    abort ();
  for (guint r = 0; r < sheet->n_rows; r++)
    for (guint c = 0; c < sheet->n_cols; c++)
      {
        const SmtCell *cell = smt_sheet_cell (sheet, r, c);

        if (cell->kind == SMT_CELL_TEXT)
          {
            g_autofree char *nfc = NULL;

            if (cell->hint != SMT_TEXT_HINT_NONE || !g_utf8_validate (cell->text, -1, NULL))
              abort ();
            nfc = g_utf8_normalize (cell->text, -1, G_NORMALIZE_NFC);
            if (nfc == NULL || strcmp (nfc, cell->text) != 0)
              abort ();
          }
      }
  g_free (per_column);
  g_free (confidence);
  return 0;
}
