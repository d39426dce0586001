/* test-report.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/register/smt-locale.h"
#include "core/register/smt-register.h"
#include "core/reports/smt-report.h"

/* A two-row header: STT and Ấp merged down, "Hội viên" over Nam and Nữ. */
static SmtReport *
small_report (SmtReportOrientation orientation)
{
  SmtReport *report = smt_report_new ("test", orientation, 5);
  SmtReportRow *row;

  smt_report_set_column (report, 0, 12, SMT_REPORT_ALIGN_CENTER);
  smt_report_set_column (report, 1, 60, SMT_REPORT_ALIGN_LEFT);
  for (guint i = 2; i < 5; i++)
    smt_report_set_column (report, i, 30, SMT_REPORT_ALIGN_RIGHT);

  row = smt_report_add_header_row (report);
  smt_report_row_set_text (row, 0, "STT");
  smt_report_row_set_text (row, 1, "Ấp");
  smt_report_row_set_text (row, 2, "Hội viên");
  smt_report_row_set_text (row, 4, "Tỷ lệ (%)");
  row = smt_report_add_header_row (report);
  smt_report_row_set_text (row, 2, "Nam");
  smt_report_row_set_text (row, 3, "Nữ");
  smt_report_merge (report, TRUE, 0, 0, 1, 2);
  smt_report_merge (report, TRUE, 0, 1, 1, 2);
  smt_report_merge (report, TRUE, 0, 2, 2, 1);
  smt_report_merge (report, TRUE, 0, 4, 1, 2);
  return report;
}

static void
test_cells (void)
{
  g_autoptr(SmtReport) report = small_report (SMT_REPORT_PORTRAIT);
  SmtReportRow *row;
  SmtReportCell *cell;
  char *text;

  smt_report_add_group (report, "Hội Nông dân");
  row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
  smt_report_row_set_int (row, 0, 1);
  smt_report_row_set_text (row, 1, "Ấp Cái Sơn");
  smt_report_row_set_int (row, 2, 437388);
  smt_report_row_set_decimal (row, 3, 5.5, 2);
  cell = smt_report_row_set_ratio (row, 4, 3, 2, 2);
  g_assert_true (cell->has_value);
  g_assert_cmpfloat_with_epsilon (cell->value, 5.5 / 437388 * 100, 1e-12);
  g_assert_cmpint (cell->num_col, ==, 3);
  g_assert_cmpint (cell->den_col, ==, 2);

  /* Body cells take the column's alignment; the header is centred. */
  g_assert_cmpint (row->cells[1].align, ==, SMT_REPORT_ALIGN_LEFT);
  g_assert_cmpint (row->cells[2].align, ==, SMT_REPORT_ALIGN_RIGHT);
  g_assert_cmpint (((SmtReportRow *) report->header->pdata[0])->cells[1].align, ==,
                   SMT_REPORT_ALIGN_CENTER);
  g_assert_true (((SmtReportRow *) report->header->pdata[0])->cells[1].bold);
  g_assert_false (row->cells[1].bold);

  text = smt_report_cell_text (&row->cells[2]);
  g_assert_cmpstr (text, ==, "437.388");
  g_free (text);
  text = smt_report_cell_text (&row->cells[3]);
  g_assert_cmpstr (text, ==, "5,5");
  g_free (text);
  text = smt_report_cell_text (&row->cells[4]);
  g_assert_cmpstr (text, ==, "0 %");
  g_free (text);

  row = smt_report_add_row (report, SMT_REPORT_ROW_TOTAL);
  g_assert_true (row->cells[0].bold);
  smt_report_row_set_int (row, 2, 0);
  smt_report_row_set_int (row, 3, 7);
  cell = smt_report_row_set_ratio (row, 4, 3, 2, 2);
  g_assert_false (cell->has_value);
  text = smt_report_cell_text (cell);
  g_assert_cmpstr (text, ==, "—");
  g_free (text);
  cell = smt_report_row_set_percent (row, 1, 97.4, 2);
  text = smt_report_cell_text (cell);
  g_assert_cmpstr (text, ==, "97,4 %");
  g_free (text);
  cell = smt_report_row_set_percent (row, 1, 101.9390243902439, 2);
  text = smt_report_cell_text (cell);
  g_assert_cmpstr (text, ==, "101,94 %");
  g_free (text);
  cell = smt_report_row_set_none (row, 1, SMT_REPORT_CELL_INT);
  text = smt_report_cell_text (cell);
  g_assert_cmpstr (text, ==, "—");
  g_free (text);

  /* The group row is one cell across the table. */
  row = report->body->pdata[0];
  g_assert_cmpint (row->kind, ==, SMT_REPORT_ROW_GROUP);
  g_assert_cmpuint (row->cells[0].col_span, ==, 5);
  for (guint i = 1; i < 5; i++)
    {
      g_assert_true (row->cells[i].covered);
      text = smt_report_cell_text (&row->cells[i]);
      g_assert_cmpstr (text, ==, "");
      g_free (text);
    }
  smt_report_add_note (report, "Ghi chú");
  g_assert_cmpuint (report->notes->len, ==, 1);
  g_assert_no_error (NULL);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (smt_report_check (report, &error));
    g_assert_no_error (error);
  }
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;
  SmtReportRow *row;

  /* 12 + 60 + 3 × 30 = 162 mm: fits portrait (165 mm). */
  {
    g_autoptr(SmtReport) report = small_report (SMT_REPORT_PORTRAIT);

    g_assert_cmpfloat (smt_report_printable_width (report), ==, 165);
    g_assert_true (smt_report_check (report, &error));
    g_assert_no_error (error);
    /* 4 mm more does not. */
    smt_report_set_column (report, 1, 64, SMT_REPORT_ALIGN_LEFT);
    g_assert_false (smt_report_check (report, &error));
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "166.0 mm"));
    g_clear_error (&error);
  }
  /* Landscape gives 297 − 45 = 252 mm. */
  {
    g_autoptr(SmtReport) report = small_report (SMT_REPORT_LANDSCAPE);

    g_assert_cmpfloat (smt_report_printable_width (report), ==, 252);
    smt_report_set_column (report, 1, 150, SMT_REPORT_ALIGN_LEFT);
    g_assert_true (smt_report_check (report, &error));
    smt_report_set_column (report, 1, 151, SMT_REPORT_ALIGN_LEFT);
    g_assert_false (smt_report_check (report, &error));
    g_clear_error (&error);
  }
  /* Two spans over the same cell. */
  {
    g_autoptr(SmtReport) report = small_report (SMT_REPORT_PORTRAIT);

    row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
    smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
    smt_report_merge (report, FALSE, 0, 1, 2, 1);
    g_assert_true (smt_report_check (report, &error));
    /* A span written over a covered cell by hand. */
    row->cells[2].covered = FALSE;
    row->cells[2].col_span = 2;
    g_assert_false (smt_report_check (report, &error));
    g_assert_nonnull (strstr (error->message, "overlaps"));
    g_clear_error (&error);
  }
  /* A covered cell that no span covers. */
  {
    g_autoptr(SmtReport) report = small_report (SMT_REPORT_PORTRAIT);

    row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
    row->cells[3].covered = TRUE;
    g_assert_false (smt_report_check (report, &error));
    g_assert_nonnull (strstr (error->message, "covered by no span"));
    g_clear_error (&error);
  }
  /* A ratio whose part is text. */
  {
    g_autoptr(SmtReport) report = small_report (SMT_REPORT_PORTRAIT);

    row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
    smt_report_row_set_int (row, 2, 4);
    smt_report_row_set_int (row, 3, 8);
    smt_report_row_set_ratio (row, 4, 2, 3, 1);
    g_assert_true (smt_report_check (report, &error));
    g_assert_cmpfloat (row->cells[4].value, ==, 50);
    smt_report_row_set_text (row, 3, "tám");
    g_assert_false (smt_report_check (report, &error));
    g_assert_nonnull (strstr (error->message, "denominator"));
    g_clear_error (&error);
  }
  /* A table without a header. */
  {
    g_autoptr(SmtReport) report = smt_report_new ("bare", SMT_REPORT_PORTRAIT, 2);

    g_assert_false (smt_report_check (report, &error));
    g_clear_error (&error);
  }
}

static void
test_frame (void)
{
  g_autoptr(SmtReport) report = small_report (SMT_REPORT_LANDSCAPE);
  char *date;

  smt_report_set_frame (report, "Hòa Điền", "xã", "", "Chủ tịch", "Võ Thiện An", "2026-02-05");
  g_assert_cmpstr (report->issuer_top, ==, "ỦY BAN MTTQ VIỆT NAM\nXÃ HÒA ĐIỀN");
  g_assert_cmpstr (report->issuer_bottom, ==, "BAN THƯỜNG TRỰC");
  g_assert_cmpstr (report->nation, ==, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  g_assert_cmpstr (report->motto, ==, "Độc lập - Tự do - Hạnh phúc");
  /* An empty place: the commune's name. */
  g_assert_cmpstr (report->place_date, ==, "Hòa Điền, ngày 05 tháng 02 năm 2026");
  g_assert_cmpstr (report->sign_for, ==, "TM. BAN THƯỜNG TRỰC");
  g_assert_cmpstr (report->sign_title, ==, "CHỦ TỊCH");
  g_assert_cmpstr (report->sign_name, ==, "Võ Thiện An");

  smt_report_set_frame (report, "Vị Thanh", "phường", "Thành phố Vị Thanh", NULL, NULL,
                        "2025-12-31");
  g_assert_cmpstr (report->issuer_top, ==, "ỦY BAN MTTQ VIỆT NAM\nPHƯỜNG VỊ THANH");
  g_assert_cmpstr (report->place_date, ==, "Thành phố Vị Thanh, ngày 31 tháng 12 năm 2025");
  g_assert_cmpstr (report->sign_title, ==, "CHỦ TỊCH");
  g_assert_cmpstr (report->sign_name, ==, "");

  date = smt_report_long_date ("2026-02-30");
  g_assert_cmpstr (date, ==, "ngày …… tháng …… năm ……");
  g_free (date);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/report/cells", test_cells);
  g_test_add_func ("/report/check", test_check);
  g_test_add_func ("/report/frame", test_frame);
  return g_test_run ();
}
