/* test-workbook.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each reader against fixtures the test writes itself: the exact cells,
 * kinds, hints and fonts, merged ranges, encodings and delimiters; then
 * damaged, truncated and random input, which must give an error and
 * never a crash. */

#include <glib/gstdio.h>
#include <string.h>

#include "io/sheets/smt-workbook.h"
#include "sheet-fixtures.h"

static char *tmp_dir;

static SmtSheet *
read_sheet (SmtWorkbook *wb,
            guint        index)
{
  g_autoptr(GError) error = NULL;
  SmtSheet *sheet = smt_workbook_read_sheet (wb, index, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
assert_text (const SmtSheet *sheet,
             guint           row,
             guint           col,
             const char     *text,
             SmtTextHint     hint)
{
  const SmtCell *cell = smt_sheet_cell (sheet, row, col);

  if (cell->kind != SMT_CELL_TEXT)
    g_error ("cell %u,%u is of kind %d, not text “%s”", row, col, cell->kind, text);
  g_assert_cmpstr (cell->text, ==, text);
  g_assert_cmpint (cell->hint, ==, hint);
}

static void
assert_number (const SmtSheet *sheet,
               guint           row,
               guint           col,
               SmtCellKind     kind,
               double          number)
{
  const SmtCell *cell = smt_sheet_cell (sheet, row, col);

  if (cell->kind != kind)
    g_error ("cell %u,%u is of kind %d, not %d", row, col, cell->kind, kind);
  g_assert_cmpfloat_with_epsilon (cell->number, number, 1e-9);
}

static void
assert_empty (const SmtSheet *sheet,
              guint           row,
              guint           col)
{
  g_assert_cmpint (smt_sheet_cell (sheet, row, col)->kind, ==, SMT_CELL_EMPTY);
}

static gboolean
has_merge (const SmtSheet *sheet,
           guint           r1,
           guint           c1,
           guint           r2,
           guint           c2)
{
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const SmtCellRange *m = &g_array_index (sheet->merged, SmtCellRange, i);

      if (m->first_row == r1 && m->first_col == c1 && m->last_row == r2 && m->last_col == c2)
        return TRUE;
    }
  return FALSE;
}

static const char *
font_of (const SmtSheet *sheet,
         guint           row,
         guint           col)
{
  return smt_sheet_font_name (sheet, smt_sheet_cell (sheet, row, col)->font);
}

static SmtWorkbook *
open_bytes (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  SmtWorkbook *wb = smt_workbook_open_bytes (bytes, name, &error);

  g_assert_no_error (error);
  return wb;
}

static SmtWorkbook *
open_text (const char *text,
           gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return open_bytes (bytes, "danh-sach.csv");
}

static void
expect_error (GBytes *bytes,
              int     code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtWorkbook) wb = smt_workbook_open_bytes (bytes, "hỏng.xlsx", &error);

  if (wb != NULL)
    {
      g_autoptr(SmtSheet) sheet = smt_workbook_read_sheet (wb, 0, NULL, NULL, NULL, &error);

      g_assert_null (sheet);
    }
  g_assert_error (error, SMT_SHEET_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* .xlsx from libxlsxwriter */

static void
test_xlsx_sample (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "mau.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtWorkbook) wb = NULL;
  g_autoptr(SmtSheet) s = NULL;
  g_autoptr(SmtSheet) s2 = NULL;
  g_autoptr(SmtSheet) s3 = NULL;
  g_autoptr(SmtSheet) none = NULL;

  g_assert_true (fixture_write_sample_xlsx (path));
  wb = smt_workbook_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_workbook_format (wb), ==, SMT_WORKBOOK_XLSX);
  g_assert_cmpuint (smt_workbook_n_sheets (wb), ==, 3);
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 0), ==, "Danh sách");
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 1), ==, "Ấp Bình An");
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 2), ==, "Trống");

  s = read_sheet (wb, 0);
  g_assert_cmpstr (s->name, ==, "Danh sách");
  g_assert_cmpuint (s->n_rows, ==, 11);
  g_assert_cmpuint (s->n_cols, ==, 7);
  g_assert_null (s->encoding);
  /* The title block and the two-row header, merged. */
  assert_text (s, 0, 0, "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN", SMT_TEXT_HINT_NONE);
  assert_empty (s, 0, 1);
  g_assert_true (has_merge (s, 0, 0, 0, 6));
  g_assert_true (has_merge (s, 1, 0, 1, 6));
  g_assert_true (has_merge (s, 3, 0, 4, 0));
  g_assert_true (has_merge (s, 3, 2, 3, 3));
  g_assert_true (has_merge (s, 5, 0, 5, 6));
  g_assert_cmpuint (s->merged->len, ==, 9);
  g_assert_cmpstr (smt_sheet_cell_merged (s, 3, 3)->text, ==, "Năm sinh");
  g_assert_cmpstr (smt_sheet_cell_merged (s, 4, 1)->text, ==, "Họ và tên");
  assert_text (s, 4, 2, "Nam", SMT_TEXT_HINT_NONE);
  assert_text (s, 4, 3, "Nữ", SMT_TEXT_HINT_NONE);
  assert_text (s, 5, 0, "Ấp Tân Hòa", SMT_TEXT_HINT_NONE);
  g_assert_true (smt_sheet_row_is_empty (s, 2));

  /* Member 1: a real date (dd/mm/yyyy, 2020-05-01 is serial 43952), a
   * formula's text result, a number format whose "d" is quoted. */
  assert_number (s, 6, 0, SMT_CELL_NUMBER, 1);
  assert_text (s, 6, 1, "Nguyễn Văn An", SMT_TEXT_HINT_NONE);
  assert_number (s, 6, 2, SMT_CELL_NUMBER, 1980);
  assert_empty (s, 6, 3);
  assert_number (s, 6, 4, SMT_CELL_DATE, 43952);
  assert_text (s, 6, 5, "Tổ 1", SMT_TEXT_HINT_NONE);
  assert_number (s, 6, 6, SMT_CELL_NUMBER, 3);
  /* Member 2: a year under Nữ, a date as text, a boolean, a time (h:mm). */
  assert_empty (s, 7, 2);
  assert_number (s, 7, 3, SMT_CELL_NUMBER, 1985);
  assert_text (s, 7, 4, "15/03/2019", SMT_TEXT_HINT_NONE);
  assert_number (s, 7, 5, SMT_CELL_BOOL, 1);
  assert_number (s, 7, 6, SMT_CELL_NUMBER, 0.5);
  /* Member 3: TCVN3 in .VnTime; built-in date format 14 (2018-01-02). */
  assert_text (s, 8, 1, FIXTURE_TCVN3_NAME, SMT_TEXT_HINT_TCVN3);
  g_assert_cmpstr (font_of (s, 8, 1), ==, ".VnTime");
  assert_number (s, 8, 4, SMT_CELL_DATE, 43102);
  /* Member 4: VNI in VNI-Times. */
  assert_text (s, 9, 1, FIXTURE_VNI_NAME, SMT_TEXT_HINT_VNI);
  g_assert_cmpstr (font_of (s, 9, 1), ==, "VNI-Times");
  /* Member 5: a rich string, runs joined, the first run's font over the cell's. */
  assert_text (s, 10, 1, "Lª Thị Cúc", SMT_TEXT_HINT_TCVN3);
  g_assert_cmpstr (font_of (s, 10, 1), ==, ".VnTime");

  s2 = read_sheet (wb, 1);
  g_assert_cmpuint (s2->n_rows, ==, 2);
  assert_text (s2, 1, 1, "Lê Văn Dũng", SMT_TEXT_HINT_NONE);
  s3 = read_sheet (wb, 2);
  g_assert_cmpuint (s3->n_rows, ==, 0);
  g_assert_cmpuint (s3->n_cols, ==, 0);

  none = smt_workbook_read_sheet (wb, 3, NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_NO_SHEET);
  g_unlink (path);
}

/* .xlsx by hand: what libxlsxwriter never writes */

static void
test_xlsx_handmade (void)
{
  g_autoptr(GBytes) bytes = fixture_handmade_xlsx (FALSE);
  g_autoptr(SmtWorkbook) wb = open_bytes (bytes, "tay.xlsx");
  g_autoptr(SmtSheet) s = NULL;
  g_autoptr(SmtSheet) s2 = NULL;

  g_assert_cmpint (smt_workbook_format (wb), ==, SMT_WORKBOOK_XLSX);
  g_assert_cmpuint (smt_workbook_n_sheets (wb), ==, 2);
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 0), ==, "Tờ 1");
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 1), ==, "A & B");

  s = read_sheet (wb, 0);
  /* Rows and cells without r count on from the last. */
  assert_text (s, 0, 0, "Họ và tên", SMT_TEXT_HINT_NONE);
  assert_text (s, 0, 1, "Lê", SMT_TEXT_HINT_NONE);           /* the phonetic run left out */
  /* The run's VNI-Times wins over the cell style's .VnTimeH. */
  assert_text (s, 0, 2, "Nguye\xC3\xA3n An", SMT_TEXT_HINT_VNI);
  g_assert_cmpstr (font_of (s, 0, 2), ==, "VNI-Times");
  assert_text (s, 1, 0, "L\xC2\xAA V\xC2\xA8n", SMT_TEXT_HINT_TCVN3);
  g_assert_cmpstr (font_of (s, 1, 0), ==, ".VnTime");
  assert_number (s, 1, 1, SMT_CELL_DATE, 43952);            /* [$-42A]dd/mm/yyyy;@ */
  assert_number (s, 1, 2, SMT_CELL_NUMBER, 1.5);            /* [h]:mm:ss is no date */
  g_assert_true (smt_sheet_row_is_empty (s, 2));
  assert_text (s, 4, 1, "Họ và tênx", SMT_TEXT_HINT_NONE);
  g_assert_cmpint (smt_sheet_cell (s, 4, 3)->kind, ==, SMT_CELL_ERROR);
  g_assert_cmpstr (smt_sheet_cell (s, 4, 3)->text, ==, "#DIV/0!");
  assert_number (s, 4, 4, SMT_CELL_BOOL, 1);
  /* Style 3's font .VnTimeH (counted in cellXfs, not cellStyleXfs). */
  assert_text (s, 5, 0, "Ph\xC2\xB9m", SMT_TEXT_HINT_TCVN3);
  g_assert_cmpstr (font_of (s, 5, 0), ==, ".VnTimeH");
  assert_text (s, 5, 1, "Dòng 1\r\nDòng 2", SMT_TEXT_HINT_NONE);
  assert_empty (s, 5, 2);                                  /* index past the strings */
  assert_empty (s, 5, 3);
  g_assert_cmpuint (s->n_rows, ==, 6);
  g_assert_cmpuint (s->n_cols, ==, 5);
  g_assert_cmpuint (s->merged->len, ==, 1);
  g_assert_true (has_merge (s, 0, 0, 1, 1));

  /* Prefixed elements; a cell's r moves the row. */
  s2 = read_sheet (wb, 1);
  g_assert_cmpuint (s2->n_rows, ==, 3);
  g_assert_cmpuint (s2->n_cols, ==, 28);
  assert_number (s2, 2, 27, SMT_CELL_NUMBER, 7);
}

/* The 600-member list the benchmark writes 30.000 of. */
static void
test_xlsx_member_list (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "hoi-vien.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtWorkbook) wb = NULL;
  g_autoptr(SmtSheet) s = NULL;

  g_assert_true (fixture_write_member_list_xlsx (path, 600));
  wb = smt_workbook_open (path, &error);
  g_assert_no_error (error);
  s = read_sheet (wb, 0);
  /* 5 rows above, 600 members, a hamlet row before members 1, 251, 501. */
  g_assert_cmpuint (s->n_rows, ==, 5 + 600 + 3);
  g_assert_cmpuint (s->n_cols, ==, 12);
  assert_text (s, 3, 2, "Năm sinh", SMT_TEXT_HINT_NONE);
  assert_text (s, 4, 3, "Nữ", SMT_TEXT_HINT_NONE);
  assert_text (s, 5, 0, "Ấp Tân Hòa", SMT_TEXT_HINT_NONE);
  assert_number (s, 6, 0, SMT_CELL_NUMBER, 1);
  /* Member 1 (i = 0): Nguyễn Văn An, male (0*7+3) % 5 = 3, born 1950,
   * joined 2000-01-01 = serial 36526. */
  assert_text (s, 6, 1, "Nguyễn Văn An", SMT_TEXT_HINT_NONE);
  assert_number (s, 6, 2, SMT_CELL_NUMBER, 1950);
  assert_number (s, 6, 6, SMT_CELL_DATE, 36526);
  assert_text (s, 6 + 250 + 1 - 1, 0, "Ấp Bình An", SMT_TEXT_HINT_NONE);
  g_unlink (path);
}

static void
test_xlsx_damaged (void)
{
  g_autoptr(GBytes) cut = fixture_handmade_xlsx (TRUE);
  g_autoptr(GBytes) whole = fixture_handmade_xlsx (FALSE);
  gsize size;
  const guint8 *data = g_bytes_get_data (whole, &size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  /* The sheet's XML stops in the middle of a row. */
  expect_error (cut, SMT_SHEET_ERROR_DAMAGED);
  /* A zip cut short has no central directory. */
  {
    g_autoptr(GBytes) half = g_bytes_new (data, size / 2);

    expect_error (half, SMT_SHEET_ERROR_DAMAGED);
  }
  /* Random bytes. */
  {
    guint8 noise[4096];
    g_autoptr(GBytes) bytes = NULL;

    for (guint i = 0; i < sizeof noise; i++)
      noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
    bytes = g_bytes_new (noise, sizeof noise);
    expect_error (bytes, SMT_SHEET_ERROR_FORMAT);
  }
  /* Every cut and a few hundred flipped bytes: never a crash or a hang,
   * whatever is read or refused. */
  for (gsize len = 0; len < size; len += 1 + len / 16)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, len);
      g_autoptr(SmtWorkbook) wb = smt_workbook_open_bytes (bytes, "cut.xlsx", NULL);

      for (guint i = 0; wb != NULL && i < smt_workbook_n_sheets (wb); i++)
        {
          g_autoptr(SmtSheet) sheet = smt_workbook_read_sheet (wb, i, NULL, NULL, NULL, NULL);
        }
    }
  for (guint trial = 0; trial < 300; trial++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SmtWorkbook) wb = NULL;

      for (guint k = 0; k < 4; k++)
        copy[g_rand_int_range (rand, 0, (gint32) size)] = (guint8) g_rand_int_range (rand, 0, 256);
      bytes = g_bytes_new_take (g_steal_pointer (&copy), size);
      wb = smt_workbook_open_bytes (bytes, "flip.xlsx", NULL);
      for (guint i = 0; wb != NULL && i < smt_workbook_n_sheets (wb); i++)
        {
          g_autoptr(SmtSheet) sheet = smt_workbook_read_sheet (wb, i, NULL, NULL, NULL, NULL);
        }
    }
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) xlsx = fixture_handmade_xlsx (FALSE);
  g_autoptr(GBytes) empty = g_bytes_new ("", 0);
  g_autoptr(SmtWorkbook) wb = open_bytes (xlsx, "thuc-ra-la-xlsx.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtWorkbook) missing = NULL;
  g_autofree char *dir_path = g_build_filename (tmp_dir, "khong-co.xlsx", NULL);

  /* The content decides, not the name. */
  g_assert_cmpint (smt_workbook_format (wb), ==, SMT_WORKBOOK_XLSX);
  g_assert_cmpstr (smt_workbook_format_name (SMT_WORKBOOK_XLSX), ==, "xlsx");
  expect_error (empty, SMT_SHEET_ERROR_FORMAT);
  missing = smt_workbook_open (dir_path, &error);
  g_assert_null (missing);
  g_assert_error (error, SMT_SHEET_ERROR, SMT_SHEET_ERROR_OPEN);

  g_assert_cmpint (smt_text_hint_for_font (".VnTime"), ==, SMT_TEXT_HINT_TCVN3);
  g_assert_cmpint (smt_text_hint_for_font (".vnarialH"), ==, SMT_TEXT_HINT_TCVN3);
  g_assert_cmpint (smt_text_hint_for_font ("VNI-Helve"), ==, SMT_TEXT_HINT_VNI);
  g_assert_cmpint (smt_text_hint_for_font ("Times New Roman"), ==, SMT_TEXT_HINT_NONE);
  g_assert_cmpint (smt_text_hint_for_font (NULL), ==, SMT_TEXT_HINT_NONE);
}

/* .xls written by hand, read through FreeXL */

static void
test_xls (void)
{
  g_autoptr(GBytes) bytes = fixture_xls ();
  g_autoptr(SmtWorkbook) wb = open_bytes (bytes, "cu.xls");
  g_autoptr(SmtSheet) s = NULL;
  g_autoptr(SmtSheet) s2 = NULL;

  g_assert_cmpint (smt_workbook_format (wb), ==, SMT_WORKBOOK_XLS);
  g_assert_cmpuint (smt_workbook_n_sheets (wb), ==, 2);
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 0), ==, "Hội viên");
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 1), ==, "Ấp 2");
  s = read_sheet (wb, 0);
  g_assert_cmpuint (s->n_rows, ==, 4);
  g_assert_cmpuint (s->n_cols, ==, 3);
  assert_text (s, 0, 0, "Họ và tên", SMT_TEXT_HINT_NONE);
  assert_text (s, 0, 2, "Ngày vào hội", SMT_TEXT_HINT_NONE);
  assert_text (s, 1, 0, "Nguyễn Văn An", SMT_TEXT_HINT_NONE);
  assert_number (s, 1, 1, SMT_CELL_NUMBER, 1980);
  assert_number (s, 1, 2, SMT_CELL_DATE, 43952);           /* format 14 */
  /* TCVN3 typed in Excel: the Windows-1252 characters, no hint (no fonts). */
  assert_text (s, 2, 0, FIXTURE_TCVN3_NAME, SMT_TEXT_HINT_NONE);
  assert_number (s, 2, 2, SMT_CELL_DATE, 43102);           /* format 164 dd/mm/yyyy */
  assert_text (s, 3, 0, "Lê Thị Hoa", SMT_TEXT_HINT_NONE);  /* LABEL */
  s2 = read_sheet (wb, 1);
  assert_text (s2, 0, 0, "Ấp Bình An", SMT_TEXT_HINT_NONE);

  /* An OLE2 file cut short. */
  {
    g_autoptr(GBytes) half = g_bytes_new (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes) / 2);
    g_autoptr(GError) error = NULL;
    g_autoptr(SmtWorkbook) broken = smt_workbook_open_bytes (half, "cu.xls", &error);

    if (broken != NULL)
      {
        g_autoptr(SmtSheet) sheet = smt_workbook_read_sheet (broken, 0, NULL, NULL, NULL, &error);
      }
    g_assert_nonnull (error);
    g_assert_true (error->domain == SMT_SHEET_ERROR);
  }
}

/* .ods */

static void
test_ods (void)
{
  g_autoptr(GBytes) bytes = fixture_ods ();
  g_autoptr(SmtWorkbook) wb = open_bytes (bytes, "bang.ods");
  g_autoptr(SmtSheet) s = NULL;
  g_autoptr(SmtSheet) s2 = NULL;

  g_assert_cmpint (smt_workbook_format (wb), ==, SMT_WORKBOOK_ODS);
  g_assert_cmpuint (smt_workbook_n_sheets (wb), ==, 2);
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 0), ==, "Danh sách");
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 1), ==, "Khác");
  s = read_sheet (wb, 0);
  /* The million empty rows and 16.000 empty cells at the end cost nothing. */
  g_assert_cmpuint (s->n_rows, ==, 7);
  g_assert_cmpuint (s->n_cols, ==, 5);
  assert_text (s, 0, 0, "DANH SÁCH HỘI VIÊN", SMT_TEXT_HINT_NONE);
  g_assert_true (has_merge (s, 0, 0, 0, 3));
  g_assert_true (has_merge (s, 3, 4, 4, 4));
  g_assert_cmpuint (s->merged->len, ==, 2);
  g_assert_true (smt_sheet_row_is_empty (s, 1));
  g_assert_true (smt_sheet_row_is_empty (s, 2));
  assert_text (s, 3, 0, "STT", SMT_TEXT_HINT_NONE);
  assert_text (s, 3, 1, "Họ và\ntên", SMT_TEXT_HINT_NONE);
  assert_empty (s, 3, 2);
  assert_text (s, 3, 4, "Ghi  chú", SMT_TEXT_HINT_NONE);
  for (guint r = 4; r <= 5; r++)
    {
      assert_number (s, r, 0, SMT_CELL_NUMBER, 1);
      assert_text (s, r, 1, "Nguyễn Văn An", SMT_TEXT_HINT_NONE);
      assert_number (s, r, 2, SMT_CELL_DATE, 43952);
      assert_number (s, r, 3, SMT_CELL_DATE, 43952);
    }
  assert_number (s, 6, 0, SMT_CELL_NUMBER, 0.527);
  assert_number (s, 6, 1, SMT_CELL_BOOL, 1);
  assert_text (s, 6, 2, "không kiểu", SMT_TEXT_HINT_NONE);
  assert_text (s, 6, 3, "có ghi chú", SMT_TEXT_HINT_NONE);
  s2 = read_sheet (wb, 1);
  assert_text (s2, 0, 0, "giá trị", SMT_TEXT_HINT_NONE);
}

/* Text files */

static void
test_csv_utf8_bom (void)
{
  g_autoptr(SmtWorkbook) wb = open_text ("\xEF\xBB\xBFSTT,Họ và tên,Năm sinh\r\n"
                                         "1,Nguyễn Văn An,1980\r\n"
                                         "2,\"Trần, Thị Bình\",1985\r\n", -1);
  g_autoptr(SmtSheet) s = read_sheet (wb, 0);

  g_assert_cmpint (smt_workbook_format (wb), ==, SMT_WORKBOOK_TEXT);
  g_assert_cmpstr (smt_workbook_sheet_name (wb, 0), ==, "danh-sach.csv");
  g_assert_cmpstr (s->encoding, ==, "utf-8");
  g_assert_cmpint (s->delimiter, ==, ',');
  g_assert_cmpuint (s->n_rows, ==, 3);
  g_assert_cmpuint (s->n_cols, ==, 3);
  assert_text (s, 0, 0, "STT", SMT_TEXT_HINT_NONE);
  assert_text (s, 1, 1, "Nguyễn Văn An", SMT_TEXT_HINT_NONE);
  assert_text (s, 1, 2, "1980", SMT_TEXT_HINT_NONE);      /* numbers stay text */
  assert_text (s, 2, 1, "Trần, Thị Bình", SMT_TEXT_HINT_NONE);
}

static GBytes *
utf16le (const char *utf8,
         gboolean    bom)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  GByteArray *a = g_byte_array_new ();

  if (bom)
    g_byte_array_append (a, (const guint8 *) "\xFF\xFE", 2);
  for (glong i = 0; i < n; i++)
    {
      guint8 b[2] = { units[i] & 0xFF, units[i] >> 8 };

      g_byte_array_append (a, b, 2);
    }
  return g_byte_array_free_to_bytes (a);
}

static void
test_csv_utf16 (void)
{
  /* Excel's "Unicode Text": UTF-16LE with a mark, tab-separated. */
  const char *text = "STT\tHọ và tên\tĐịa chỉ\r\n1\tNguyễn Văn An\tẤp Tân Hòa, xã Tân Phú\r\n"
                     "2\tLê Thị Hoa\t\r\n";

  for (guint bom = 0; bom <= 1; bom++)
    {
      g_autoptr(GBytes) bytes = utf16le (text, bom);
      g_autoptr(SmtWorkbook) wb = open_bytes (bytes, "unicode.txt");
      g_autoptr(SmtSheet) s = read_sheet (wb, 0);

      g_assert_cmpstr (s->encoding, ==, "utf-16le");
      g_assert_cmpint (s->delimiter, ==, '\t');
      g_assert_cmpuint (s->n_rows, ==, 3);
      assert_text (s, 1, 1, "Nguyễn Văn An", SMT_TEXT_HINT_NONE);
      assert_text (s, 1, 2, "Ấp Tân Hòa, xã Tân Phú", SMT_TEXT_HINT_NONE);
      assert_text (s, 2, 1, "Lê Thị Hoa", SMT_TEXT_HINT_NONE);
      assert_empty (s, 2, 2);
    }
}

static void
test_csv_8bit (void)
{
  /* TCVN3 bytes (D4 = ễ, A8 = ă) and bytes 1252 leaves undefined (81, 9D);
   * kept as their Windows-1252 characters with the 8BIT hint. */
  static const char bytes[] = "Ho ten;Ghi chu\n"
                              "Nguy\xD4n V\xA8n An;\x80\x81\x93x\x94\x9D\n";
  g_autoptr(SmtWorkbook) wb = open_text (bytes, -1);
  g_autoptr(SmtSheet) s = read_sheet (wb, 0);

  g_assert_cmpstr (s->encoding, ==, "8bit");
  g_assert_cmpint (s->delimiter, ==, ';');
  assert_text (s, 0, 0, "Ho ten", SMT_TEXT_HINT_8BIT);
  assert_text (s, 1, 0, FIXTURE_TCVN3_NAME, SMT_TEXT_HINT_8BIT);
  assert_text (s, 1, 1, "€\xC2\x81“x”\xC2\x9D", SMT_TEXT_HINT_8BIT);
}

static void
test_csv_quotes (void)
{
  /* Semicolons; quotes holding the delimiter, "" and line breaks; a title
   * line with no delimiter; CR alone ending a line; an empty field. */
  g_autoptr(SmtWorkbook) wb = open_text ("DANH SÁCH\r\n"
                                         "STT;Họ và tên;Địa chỉ;Ghi chú\n"
                                         "1;\"Nguyễn \"\"Út\"\" An\";\"Tổ 1;\nẤp Tân Hòa\";x\r"
                                         "2;Lê Thị Hoa;;\"\"\n"
                                         "3;Võ Văn Nam;Ấp 2;", -1);
  g_autoptr(SmtSheet) s = read_sheet (wb, 0);

  g_assert_cmpint (s->delimiter, ==, ';');
  g_assert_cmpuint (s->n_rows, ==, 5);
  g_assert_cmpuint (s->n_cols, ==, 4);
  assert_text (s, 0, 0, "DANH SÁCH", SMT_TEXT_HINT_NONE);
  assert_text (s, 1, 3, "Ghi chú", SMT_TEXT_HINT_NONE);
  assert_text (s, 2, 1, "Nguyễn \"Út\" An", SMT_TEXT_HINT_NONE);
  assert_text (s, 2, 2, "Tổ 1;\nẤp Tân Hòa", SMT_TEXT_HINT_NONE);
  assert_text (s, 2, 3, "x", SMT_TEXT_HINT_NONE);
  assert_text (s, 3, 1, "Lê Thị Hoa", SMT_TEXT_HINT_NONE);
  assert_empty (s, 3, 2);
  assert_empty (s, 3, 3);
  assert_text (s, 4, 2, "Ấp 2", SMT_TEXT_HINT_NONE);
}

static void
test_csv_pipe_and_binary (void)
{
  g_autoptr(SmtWorkbook) wb = open_text ("a|b|c\n1|2|3\n4|5,5|6\n", -1);
  g_autoptr(SmtSheet) s = read_sheet (wb, 0);
  static const char binary[] = "PK\x01\x02\x00\x00\x07\x08\x01\x02\x03\x04\x05\x06\x0e\x0f"
                               "\x10\x11\x12\x13\x14\x15\x16\x17";
  g_autoptr(GBytes) bytes = g_bytes_new (binary, sizeof binary);

  g_assert_cmpint (s->delimiter, ==, '|');
  assert_text (s, 2, 1, "5,5", SMT_TEXT_HINT_NONE);
  expect_error (bytes, SMT_SHEET_ERROR_FORMAT);
}

/* Progress and cancel */

typedef struct
{
  double        last;
  guint         calls;
  GCancellable *cancel_at_second;
} Progress;

static void
on_progress (double   fraction,
             gpointer data)
{
  Progress *p = data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  if (++p->calls == 2 && p->cancel_at_second != NULL)
    g_cancellable_cancel (p->cancel_at_second);
}

static void
test_progress_cancel (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "dai.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtWorkbook) wb = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SmtSheet) whole = NULL;
  g_autoptr(SmtSheet) cut = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  Progress p = { 0 };

  g_assert_true (fixture_write_member_list_xlsx (path, 3000));
  wb = smt_workbook_open (path, &error);
  g_assert_no_error (error);
  whole = smt_workbook_read_sheet (wb, 0, NULL, on_progress, &p, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (p.last, ==, 1.0);
  g_assert_cmpuint (p.calls, >, 5);

  p = (Progress) { .cancel_at_second = cancellable };
  cut = smt_workbook_read_sheet (wb, 0, cancellable, on_progress, &p, &error);
  g_assert_null (cut);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A text file is cancelled the same way. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "%u,Nguyễn Văn An,1980\n", i + 1);
  {
    g_autoptr(SmtWorkbook) text = open_text (csv->str, (gssize) csv->len);
    g_autoptr(GCancellable) c2 = g_cancellable_new ();

    p = (Progress) { .cancel_at_second = c2 };
    cut = smt_workbook_read_sheet (text, 0, c2, on_progress, &p, &error);
    g_assert_null (cut);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-workbook-XXXXXX", NULL);

  g_test_add_func ("/sheets/xlsx/sample", test_xlsx_sample);
  g_test_add_func ("/sheets/xlsx/handmade", test_xlsx_handmade);
  g_test_add_func ("/sheets/xlsx/member-list", test_xlsx_member_list);
  g_test_add_func ("/sheets/xlsx/damaged", test_xlsx_damaged);
  g_test_add_func ("/sheets/sniff", test_sniff);
  g_test_add_func ("/sheets/xls", test_xls);
  g_test_add_func ("/sheets/ods", test_ods);
  g_test_add_func ("/sheets/csv/utf8-bom", test_csv_utf8_bom);
  g_test_add_func ("/sheets/csv/utf16", test_csv_utf16);
  g_test_add_func ("/sheets/csv/8bit", test_csv_8bit);
  g_test_add_func ("/sheets/csv/quotes", test_csv_quotes);
  g_test_add_func ("/sheets/csv/pipe-binary", test_csv_pipe_and_binary);
  g_test_add_func ("/sheets/progress-cancel", test_progress_cancel);
  result = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return result;
}
