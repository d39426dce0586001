/* test-sheet-decode.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <time.h>

#include "io/sheets/smt-sheet-decode.h"

#include "legacy-encode.h"

static const char *const names[] = {
  "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Văn Hùng", "Phạm Thị Thu Hằng",
  "Võ Minh Khoa", "Đặng Thị Kim Yến", "Huỳnh Văn Lợi", "Dương Thị Mỹ Duyên",
};
#define N_NAMES G_N_ELEMENTS (names)

enum {
  COL_STT,        /* numbers */
  COL_LOST,       /* TCVN3 text, no font hint (the font was lost) */
  COL_TCVN3,      /* TCVN3 text in .VnTime */
  COL_VNI,        /* VNI text in VNI-Times */
  COL_UNICODE,    /* Unicode text in Times New Roman */
  COL_ASCII,      /* "x" marks */
  COL_MIXED,      /* title in .VnTimeH, names in VNI without hint */
  N_COLS
};

/* A member list as a reader would give it: a title row, then a row per
 * name from row 1. */
static SmtSheet *
build_sheet (void)
{
  SmtSheet *sheet = smt_sheet_new ("Danh sách");
  guint16 vntime = smt_sheet_intern_font (sheet, ".VnTime");
  guint16 vntimeh = smt_sheet_intern_font (sheet, ".VnTimeH");
  guint16 vni = smt_sheet_intern_font (sheet, "VNI-Times");
  g_autofree char *title = legacy_encode ("danh sách hội viên", ENC_TCVN3);

  smt_sheet_set_text (sheet, 0, COL_MIXED, title, -1, SMT_TEXT_HINT_TCVN3, vntimeh);
  for (guint i = 0; i < N_NAMES; i++)
    {
      g_autofree char *tcvn3 = legacy_encode (names[i], ENC_TCVN3);
      g_autofree char *vni_text = legacy_encode (names[i], ENC_VNI);
      guint row = i + 1;

      smt_sheet_set_number (sheet, row, COL_STT, SMT_CELL_NUMBER, i + 1);
      smt_sheet_set_text (sheet, row, COL_LOST, tcvn3, -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, row, COL_TCVN3, tcvn3, -1, SMT_TEXT_HINT_TCVN3, vntime);
      smt_sheet_set_text (sheet, row, COL_VNI, vni_text, -1, SMT_TEXT_HINT_VNI, vni);
      smt_sheet_set_text (sheet, row, COL_UNICODE, names[i], -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, row, COL_ASCII, "x", -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, row, COL_MIXED, vni_text, -1, SMT_TEXT_HINT_NONE, 0);
    }
  /* A cell in .VnTime that holds Unicode only a Unicode font shows. */
  smt_sheet_set_text (sheet, N_NAMES + 1, COL_TCVN3, "Nguyễn Thị Mười", -1,
                      SMT_TEXT_HINT_TCVN3, vntime);
  return sheet;
}

static void
test_guess_and_decode (void)
{
  g_autoptr(SmtSheet) sheet = build_sheet ();
  g_autoptr(GError) error = NULL;
  SmtTextEncoding per_column[N_COLS];
  double confidence[N_COLS];

  g_assert_cmpuint (sheet->n_cols, ==, N_COLS);
  smt_sheet_guess_encodings (sheet, 1, per_column, confidence);
  g_assert_cmpint (per_column[COL_STT], ==, SMT_ENCODING_UNICODE);
  g_assert_cmpint (per_column[COL_LOST], ==, SMT_ENCODING_TCVN3);
  g_assert_cmpint (per_column[COL_TCVN3], ==, SMT_ENCODING_TCVN3);
  g_assert_cmpint (per_column[COL_VNI], ==, SMT_ENCODING_VNI);
  g_assert_cmpint (per_column[COL_UNICODE], ==, SMT_ENCODING_UNICODE);
  g_assert_cmpint (per_column[COL_ASCII], ==, SMT_ENCODING_UNICODE);
  /* The guess is for the unhinted cells: VNI; the title keeps its font. */
  g_assert_cmpint (per_column[COL_MIXED], ==, SMT_ENCODING_VNI);
  for (guint c = 0; c < N_COLS; c++)
    g_assert_cmpfloat (confidence[c], >=, c == COL_STT || c == COL_ASCII ? 1.0 : 0.9);
  /* From row 0 the title (hinted) does not change the guess. */
  smt_sheet_guess_encodings (sheet, 0, per_column, NULL);
  g_assert_cmpint (per_column[COL_MIXED], ==, SMT_ENCODING_VNI);

  g_assert_true (smt_sheet_decode (sheet, per_column, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (smt_sheet_cell (sheet, 0, COL_MIXED)->text, ==, "DANH SÁCH HỘI VIÊN");
  for (guint i = 0; i < N_NAMES; i++)
    {
      guint row = i + 1;

      g_assert_cmpfloat (smt_sheet_cell (sheet, row, COL_STT)->number, ==, i + 1);
      for (guint c = COL_LOST; c < N_COLS; c++)
        {
          const SmtCell *cell = smt_sheet_cell (sheet, row, c);

          g_assert_cmpint (cell->hint, ==, SMT_TEXT_HINT_NONE);
          g_assert_cmpstr (cell->text, ==, c == COL_ASCII ? "x" : names[i]);
        }
    }
  g_assert_cmpstr (smt_sheet_cell (sheet, N_NAMES + 1, COL_TCVN3)->text, ==,
                   "Nguyễn Thị Mười");
}

/* An 8-bit CSV in Windows-1258, one in TCVN3, one in VNI. */
static void
test_eight_bit (void)
{
  static const struct { TestEncoding enc; SmtTextEncoding expected; } table[] = {
    { ENC_CP1258, SMT_ENCODING_CP1258 },
    { ENC_TCVN3, SMT_ENCODING_TCVN3 },
    { ENC_VNI, SMT_ENCODING_VNI },
  };

  for (guint t = 0; t < G_N_ELEMENTS (table); t++)
    {
      g_autoptr(SmtSheet) sheet = smt_sheet_new ("ds.csv");
      SmtTextEncoding per_column[2];

      sheet->encoding = g_strdup ("8bit");
      smt_sheet_set_text (sheet, 0, 0, "Ho ten", -1, SMT_TEXT_HINT_8BIT, 0);
      smt_sheet_set_text (sheet, 0, 1, "Nam sinh", -1, SMT_TEXT_HINT_8BIT, 0);
      for (guint i = 0; i < N_NAMES; i++)
        {
          g_autofree char *text = legacy_encode (names[i], table[t].enc);

          smt_sheet_set_text (sheet, i + 1, 0, text, -1, SMT_TEXT_HINT_8BIT, 0);
          smt_sheet_set_text (sheet, i + 1, 1, "1980", -1, SMT_TEXT_HINT_8BIT, 0);
        }
      smt_sheet_guess_encodings (sheet, 0, per_column, NULL);
      g_assert_cmpint (per_column[0], ==, table[t].expected);
      g_assert_cmpint (per_column[1], ==, SMT_ENCODING_UNICODE);
      g_assert_true (smt_sheet_decode (sheet, per_column, NULL, NULL));
      for (guint i = 0; i < N_NAMES; i++)
        g_assert_cmpstr (smt_sheet_cell (sheet, i + 1, 0)->text, ==, names[i]);
      g_assert_cmpint (smt_sheet_cell (sheet, 1, 0)->hint, ==, SMT_TEXT_HINT_NONE);
    }
}

static void
test_override (void)
{
  g_autoptr(SmtSheet) sheet = smt_sheet_new ("ds");
  g_autofree char *vni_text = legacy_encode ("Trần Thị Bích Ngọc", ENC_VNI);
  SmtTextEncoding per_column[1] = { SMT_ENCODING_UNICODE };

  /* The user keeps the column as it is: the text stays as Excel showed it. */
  smt_sheet_set_text (sheet, 0, 0, vni_text, -1, SMT_TEXT_HINT_NONE, 0);
  g_assert_true (smt_sheet_decode (sheet, per_column, NULL, NULL));
  g_assert_cmpstr (smt_sheet_cell (sheet, 0, 0)->text, ==, vni_text);
  /* NULL choices: Unicode everywhere, NFC. */
  smt_sheet_set_text (sheet, 0, 0, "Nguye\xCC\x82\xCC\x83n", -1, SMT_TEXT_HINT_NONE, 0);
  g_assert_true (smt_sheet_decode (sheet, NULL, NULL, NULL));
  g_assert_cmpstr (smt_sheet_cell (sheet, 0, 0)->text, ==, "Nguyễn");
}

static void
test_cancel (void)
{
  g_autoptr(SmtSheet) sheet = build_sheet ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SmtTextEncoding per_column[N_COLS] = { 0 };

  g_cancellable_cancel (cancellable);
  g_assert_false (smt_sheet_decode (sheet, per_column, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* 30.000 rows × 12 columns, a third of them in TCVN3, VNI and Unicode,
 * the rest numbers, dates and ASCII: guess and decode. */
static void
test_speed (void)
{
  g_autoptr(SmtSheet) sheet = smt_sheet_new ("big");
  g_autoptr(GPtrArray) encoded = g_ptr_array_new_with_free_func (g_free);
  SmtTextEncoding per_column[12];
  gint64 start, guessed, decoded;
  clock_t cpu_start, cpu_guessed, cpu_decoded;
  guint rows = 30000;

  for (guint i = 0; i < N_NAMES; i++)
    {
      g_ptr_array_add (encoded, legacy_encode (names[i], ENC_TCVN3));
      g_ptr_array_add (encoded, legacy_encode (names[i], ENC_VNI));
    }
  for (guint r = 0; r < rows; r++)
    {
      guint k = r % N_NAMES;

      smt_sheet_set_number (sheet, r, 0, SMT_CELL_NUMBER, r + 1);
      smt_sheet_set_text (sheet, r, 1, g_ptr_array_index (encoded, 2 * k), -1,
                          SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, r, 2, g_ptr_array_index (encoded, 2 * k + 1), -1,
                          SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, r, 3, names[k], -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, r, 4, "Ấp Tân Hòa", -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_number (sheet, r, 5, SMT_CELL_NUMBER, 1960 + r % 40);
      smt_sheet_set_text (sheet, r, 6, r % 2 ? "x" : "", -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_number (sheet, r, 7, SMT_CELL_DATE, 40000 + r % 3000);
      smt_sheet_set_text (sheet, r, 8, "079080001234", -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, r, 9, g_ptr_array_index (encoded, 2 * ((k + 3) % N_NAMES)), -1,
                          SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, r, 10, "Kinh", -1, SMT_TEXT_HINT_NONE, 0);
      smt_sheet_set_text (sheet, r, 11, "0912 345 678", -1, SMT_TEXT_HINT_NONE, 0);
    }

  start = g_get_monotonic_time ();
  cpu_start = clock ();
  smt_sheet_guess_encodings (sheet, 0, per_column, NULL);
  guessed = g_get_monotonic_time ();
  cpu_guessed = clock ();
  g_assert_true (smt_sheet_decode (sheet, per_column, NULL, NULL));
  decoded = g_get_monotonic_time ();
  cpu_decoded = clock ();

  g_assert_cmpint (per_column[1], ==, SMT_ENCODING_TCVN3);
  g_assert_cmpint (per_column[2], ==, SMT_ENCODING_VNI);
  g_assert_cmpint (per_column[3], ==, SMT_ENCODING_UNICODE);
  g_assert_cmpint (per_column[9], ==, SMT_ENCODING_TCVN3);
  g_assert_cmpstr (smt_sheet_cell (sheet, rows - 1, 1)->text, ==, names[(rows - 1) % N_NAMES]);
  g_assert_cmpstr (smt_sheet_cell (sheet, rows - 1, 2)->text, ==, names[(rows - 1) % N_NAMES]);
  g_test_message ("30.000 x 12: guess %.3f s, decode %.3f s (processor time %.3f s, %.3f s)",
                  (guessed - start) / 1e6, (decoded - guessed) / 1e6,
                  (double) (cpu_guessed - cpu_start) / CLOCKS_PER_SEC,
                  (double) (cpu_decoded - cpu_guessed) / CLOCKS_PER_SEC);
  /* Aim: well under 0,2 s on this machine; the bound leaves room for a
   * loaded test machine. */
  g_assert_cmpint (decoded - start, <, 2 * G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-decode/guess-and-decode", test_guess_and_decode);
  g_test_add_func ("/sheet-decode/eight-bit", test_eight_bit);
  g_test_add_func ("/sheet-decode/override", test_override);
  g_test_add_func ("/sheet-decode/cancel", test_cancel);
  g_test_add_func ("/sheet-decode/speed", test_speed);

  return g_test_run ();
}
