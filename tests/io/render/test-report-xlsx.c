/* test-report-xlsx.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "core/register/smt-locale.h"
#include "core/reports/smt-report.h"
#include "io/render/smt-report-xlsx.h"
#include "smt-test-util.h"

/* A report written to XLSX and read back with python3-openpyxl
 * (tests/report-xlsx-dump.py, run by the python meson found, SMT_PYTHON):
 * the title block and the table's merges, Times New Roman in every cell,
 * A4 landscape with the Decree's margins, the header rows as print titles,
 * numbers as numbers with invariant formats, ratios as formulas with their
 * cached results. Failed writes leave nothing behind. */

/* The synthetic report, sheet rows (Excel numbering):
 *   1–3   issuing body (A:B) | nation, motto (C:H)
 *   4     space
 *   5     date line (C:H)
 *   6     space
 *   7     title (A:H), 8 subtitle (A:H), 9 space
 *   10–11 header: STT, Đơn vị and the last four merged down; C10:D10 across
 *   12–311 body: 6 × (group row, 48 rows, total row); B16:B17 merged
 *   312–313 notes; 314 space; 315–316 signature; 317–319 room; 320 name */
#define N_GROUPS      6
#define ROWS_PER_GROUP 48
#define LONG_LABEL \
  "Chi hội Nông dân ấp Rạch Gòi, ấp Xẻo Chanh và ấp Mương Khai (sáp nhập năm 2025 " \
  "theo Nghị quyết của Hội đồng nhân dân tỉnh), gồm các tổ hội ven sông và các hộ " \
  "sản xuất lúa chất lượng cao"
#define MERGED_LABEL \
  "Tổ hội ghép của hai ấp Rạch Gòi và Xẻo Chanh, sinh hoạt chung tại nhà văn hóa ấp"

static SmtReport *
make_report (guint n_groups,
             guint rows_per_group)
{
  SmtReport *r = smt_report_new ("test", SMT_REPORT_LANDSCAPE, 8);
  const double widths[] = { 12, 70, 25, 25, 25, 25, 25, 25 };
  const char *heads[] = { "STT", "Đơn vị", "Số người", NULL, "Tỷ lệ tập hợp (%)",
                          "Bình quân", "So sánh (%)", "Ghi chú" };
  SmtReportRow *row;
  guint stt = 0;

  r->sheet_name = g_strdup ("Tập hợp");
  r->font_pt = 12;
  r->title = g_strdup ("Số liệu tập hợp hội viên\nnăm 2025");
  r->subtitle = g_strdup ("(Đính kèm Báo cáo số 12-BC/MTTQ ngày 05/02/2026)");
  smt_report_set_frame (r, "Hòa Điền", "xã", NULL, "Chủ tịch", "Người Ký Mẫu", "2026-02-05");
  for (guint c = 0; c < 8; c++)
    smt_report_set_column (r, c, widths[c],
                           c == 0 ? SMT_REPORT_ALIGN_CENTER
                                  : c == 1 || c == 7 ? SMT_REPORT_ALIGN_LEFT
                                                     : SMT_REPORT_ALIGN_RIGHT);
  row = smt_report_add_header_row (r);
  for (guint c = 0; c < 8; c++)
    if (heads[c] != NULL)
      smt_report_row_set_text (row, c, heads[c]);
  row = smt_report_add_header_row (r);
  smt_report_row_set_text (row, 2, "Hội viên");
  smt_report_row_set_text (row, 3, "Đủ tuổi");
  smt_report_merge (r, TRUE, 0, 2, 2, 1);
  for (guint c = 0; c < 8; c++)
    if (c != 2 && c != 3)
      smt_report_merge (r, TRUE, 0, c, 1, 2);

  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *group = g_strdup_printf ("Tổ chức số %u", g + 1);

      smt_report_add_group (r, group);
      for (guint i = 0; i < rows_per_group; i++)
        {
          g_autofree char *number = g_strdup_printf ("%u", ++stt);
          g_autofree char *label = g_strdup_printf ("Ấp số %u", stt);

          row = smt_report_add_row (r, SMT_REPORT_ROW_NORMAL);
          smt_report_row_set_text (row, 0, number);
          smt_report_row_set_text (row, 1, stt == 2 ? LONG_LABEL
                                           : stt == 4 ? MERGED_LABEL : label);
          if (stt == 1)
            {
              smt_report_row_set_int (row, 2, 1234567);
              smt_report_row_set_int (row, 3, 2000000);
            }
          else
            {
              smt_report_row_set_int (row, 2, 100 + stt);
              /* Row 3: nobody eligible, the ratio has no value. */
              smt_report_row_set_int (row, 3, stt == 3 ? 0 : 200 + stt);
            }
          smt_report_row_set_ratio (row, 4, 2, 3, 1);
          smt_report_row_set_decimal (row, 5, stt % 2 ? 5.5 : 6.0, 1);
          if (stt == 1)
            smt_report_row_set_percent (row, 6, 97.4, 2);
          else if (stt == 2)
            smt_report_row_set_percent (row, 6, 101.94, 2);
          else if (stt == 3)
            smt_report_row_set_percent (row, 6, 100, 2);
          else
            smt_report_row_set_none (row, 6, SMT_REPORT_CELL_PERCENT);
          smt_report_row_set_none (row, 7, SMT_REPORT_CELL_INT);
          /* Rows 4 and 5 share their name, as the annex's indicators
           * share theirs over their results. */
          if (stt == 5)
            smt_report_merge (r, FALSE, r->body->len - 2, 1, 1, 2);
        }
      row = smt_report_add_row (r, SMT_REPORT_ROW_TOTAL);
      smt_report_row_set_text (row, 1, "Cộng");
      smt_report_row_set_int (row, 2, 1000 * (g + 1));
      smt_report_row_set_int (row, 3, 3000);
      smt_report_row_set_ratio (row, 4, 2, 3, 1);
    }
  smt_report_add_note (r, "Ghi chú: số liệu tính đến ngày 31/12/2025.");
  smt_report_add_note (r, "Tỷ lệ tập hợp = hội viên ÷ người đủ tuổi.");
  return r;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The folder's entries, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The dump of path by report-xlsx-dump.py, or NULL when openpyxl is
 * missing (the test is then marked skipped). */
static char *
dump_with (const char *path,
           gboolean    check_rows)
{
  const char *python = g_getenv ("SMT_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "report-xlsx-dump.py", NULL);
  const char *check[] = { python, "-c", "import openpyxl", NULL };
  const char *argv[] = { python, script, check_rows ? "--check-rows" : path,
                         check_rows ? path : NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  if (python == NULL)
    python = check[0] = argv[0] = "python3";
  if (!g_spawn_sync (NULL, (char **) check, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                     &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("python3-openpyxl is not installed: the file is not read back");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("report-xlsx-dump.py failed: %s", err);
  return out;
}

static char *
dump (const char *path)
{
  return dump_with (path, FALSE);
}

/* The dump's line that starts with prefix and a tab (or is prefix). */
static const char *
line (char      **lines,
      const char *prefix)
{
  gsize n = strlen (prefix);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], prefix, n) == 0 && (lines[i][n] == '\t' || lines[i][n] == '\0'))
      return lines[i];
  g_error ("no line “%s” in the dump", prefix);
  return NULL;
}

static gboolean
has_line (char      **lines,
          const char *text)
{
  return g_strv_contains ((const char * const *) lines, text);
}

#define assert_field(lines, prefix, field) \
  G_STMT_START { \
    const char *l_ = line (lines, prefix); \
    if (strstr (l_, "\t" field) == NULL) \
      g_error ("“%s” lacks “%s”", l_, field); \
  } G_STMT_END

static double
row_height (char **lines,
            guint  row)
{
  g_autofree char *prefix = g_strdup_printf ("row\t%u", row);
  const char *l = line (lines, prefix);

  return g_ascii_strtod (strstr (l, "height=") + 7, NULL);
}

static void
test_layout (void)
{
  g_autoptr(SmtReport) r = make_report (N_GROUPS, ROWS_PER_GROUP);
  g_autofree char *dir = g_dir_make_tmp ("smt-report-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bao-cao.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *files = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cells = 0;

  g_assert_cmpuint (r->body->len, ==, 300);
  g_assert_true (smt_report_write_xlsx (r, path, &error));
  g_assert_no_error (error);
  files = list_dir (dir);
  g_assert_cmpstr (files, ==, "bao-cao.xlsx");

  /* To look at the file: SMT_REPORT_XLSX_KEEP=/tmp/x.xlsx */
  if (g_getenv ("SMT_REPORT_XLSX_KEEP") != NULL)
    {
      g_autofree char *copy = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &copy, &len, NULL));
      g_assert_true (g_file_set_contents (g_getenv ("SMT_REPORT_XLSX_KEEP"), copy, len, NULL));
    }
  out = dump_with (path, TRUE);
  if (out == NULL)
    {
      smt_test_rm_rf (dir);
      return;
    }
  lines = g_strsplit (out, "\n", -1);

  /* No row too low for its text, as Pango lays it out in Times New
   * Roman's metrics (when python3-gi has Pango). The texts: the frame's 8,
   * the header's 9, 6 groups, 288 rows' STT and name less the one merged
   * away, 6 "Cộng", 2 notes, 3 signature lines. */
  if (strstr (out, "rows_checked\tno") == NULL)
    g_assert_cmpstr (line (lines, "rows_checked"), ==, "rows_checked\t609\tcut=0");
  else
    g_test_message ("python3-gi with Pango missing: row heights not checked");

  /* The page. */
  g_assert_cmpstr (line (lines, "sheets"), ==, "sheets\t1");
  g_assert_cmpstr (line (lines, "sheet"), ==, "sheet\t\"Tập hợp\"");
  g_assert_cmpstr (line (lines, "paper"), ==, "paper\t9");
  g_assert_cmpstr (line (lines, "orientation"), ==, "orientation\tlandscape");
  g_assert_cmpstr (line (lines, "margins_mm"), ==,
                   "margins_mm\ttop=20\tbottom=20\tleft=30\tright=15");
  g_assert_cmpstr (line (lines, "print_title_rows"), ==, "print_title_rows\t10:11");
  g_assert_cmpstr (line (lines, "print_area"), ==, "print_area\tA1:H320");
  g_assert_cmpstr (line (lines, "fit_to_page"), ==, "fit_to_page\t1\twidth=1\theight=0");
  g_assert_nonnull (strstr (line (lines, "header"), "&P"));
  /* Excel stores a width as pixels ÷ 7, the padding included: 70 mm is
   * 264.6 px, 265 px ÷ 7 = 37.86; 12 mm: 45 px ÷ 7 = 6.43. */
  g_assert_cmpstr (line (lines, "column\tB"), ==, "column\tB\twidth=37.86");
  g_assert_cmpstr (line (lines, "column\tA"), ==, "column\tA\twidth=6.43");
  g_assert_cmpstr (line (lines, "column\tH"), ==, "column\tH\twidth=13.43");

  /* The title block: issuing body over A:B (12 + 70 mm of 232 mm, the
   * nearest to 40 %), nation and motto over C:H. */
  g_assert_true (has_line (lines, "merged\tA1:B1"));
  g_assert_true (has_line (lines, "merged\tC1:H1"));
  g_assert_true (has_line (lines, "merged\tA3:B3"));
  g_assert_true (has_line (lines, "merged\tC2:H2"));
  g_assert_true (has_line (lines, "merged\tC5:H5"));
  g_assert_true (has_line (lines, "merged\tA7:H7"));
  g_assert_true (has_line (lines, "merged\tA8:H8"));
  assert_field (lines, "cell\tA1", "value=\"ỦY BAN MTTQ VIỆT NAM\"");
  assert_field (lines, "cell\tA1", "bold=1");
  assert_field (lines, "cell\tA2", "value=\"XÃ HÒA ĐIỀN\"");
  assert_field (lines, "cell\tA3", "value=\"BAN THƯỜNG TRỰC\"");
  assert_field (lines, "cell\tC1", "value=\"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\"");
  assert_field (lines, "cell\tC2", "value=\"Độc lập - Tự do - Hạnh phúc\"");
  assert_field (lines, "cell\tC2", "size=14\tbold=1\titalic=0\tunderline=1");
  assert_field (lines, "cell\tC5", "value=\"Hòa Điền, ngày 05 tháng 02 năm 2026\"");
  assert_field (lines, "cell\tC5", "italic=1");
  assert_field (lines, "cell\tA7", "value=\"SỐ LIỆU TẬP HỢP HỘI VIÊN\\nNĂM 2025\"");
  assert_field (lines, "cell\tA7", "size=14\tbold=1");
  assert_field (lines, "cell\tA7", "h=center");
  assert_field (lines, "cell\tA8",
                "value=\"(Đính kèm Báo cáo số 12-BC/MTTQ ngày 05/02/2026)\"");
  assert_field (lines, "cell\tA8", "italic=1");
  /* The two-line title has room for two lines. */
  g_assert_cmpfloat (row_height (lines, 7), >=, 2 * 14 * 1.3);

  /* The header: vertical merges, one across; bold, centred, bordered. */
  g_assert_true (has_line (lines, "merged\tA10:A11"));
  g_assert_true (has_line (lines, "merged\tB10:B11"));
  g_assert_true (has_line (lines, "merged\tC10:D10"));
  g_assert_true (has_line (lines, "merged\tH10:H11"));
  g_assert_false (has_line (lines, "merged\tC10:C11"));
  assert_field (lines, "cell\tC10", "value=\"Số người\"");
  assert_field (lines, "cell\tC11", "value=\"Hội viên\"");
  assert_field (lines, "cell\tD11", "value=\"Đủ tuổi\"");
  assert_field (lines, "cell\tE10", "value=\"Tỷ lệ tập hợp (%)\"");
  assert_field (lines, "cell\tE10", "size=12\tbold=1\titalic=0\tunderline=0\th=center"
                "\tv=center\twrap=1\tborder=thin");

  /* The body: a group row merged across, bold. */
  g_assert_true (has_line (lines, "merged\tA12:H12"));
  g_assert_true (has_line (lines, "merged\tA62:H62"));
  g_assert_true (has_line (lines, "merged\tA262:H262"));
  assert_field (lines, "cell\tA12", "value=\"Tổ chức số 1\"");
  assert_field (lines, "cell\tA12", "bold=1");
  assert_field (lines, "cell\tA12", "h=left");
  /* Row 13, the first: numbers as numbers. */
  assert_field (lines, "cell\tA13", "value=\"1\"");
  assert_field (lines, "cell\tB13", "bold=0");
  assert_field (lines, "cell\tC13", "value=1234567\tformat=#,##0");
  assert_field (lines, "cell\tC13", "h=right\tv=center\twrap=1\tborder=thin");
  assert_field (lines, "cell\tE13",
                "formula=\"=IF(D13=0,\\\"\\\",C13/D13)\"\tcached=0.6172835\tformat=0.0%");
  assert_field (lines, "cell\tF13", "value=5.5\tformat=#,##0.0");
  assert_field (lines, "cell\tF14", "value=6\tformat=#,##0\t");
  /* Percentages stored as fractions, as many decimals as they need. */
  assert_field (lines, "cell\tG13", "value=0.974\tformat=0.0%");
  assert_field (lines, "cell\tG14", "value=1.0194\tformat=0.00%");
  assert_field (lines, "cell\tG15", "value=1\tformat=0%");
  /* Row 15: nobody eligible, the formula stays and shows nothing (its
   * cached result is an empty text, which openpyxl reads as None). */
  assert_field (lines, "cell\tE15", "formula=\"=IF(D15=0,\\\"\\\",C15/D15)\"\tcached=null");
  /* Number cells without a value: empty, bordered. */
  assert_field (lines, "cell\tG16", "value=null\tformat=0%");
  assert_field (lines, "cell\tG16", "border=thin");
  assert_field (lines, "cell\tH13", "value=null");
  /* The long label wraps; its row is tall enough for it (70 mm at 12 pt
   * holds about 45 characters a line: 4 lines or more). */
  assert_field (lines, "cell\tB14", "value=\"" LONG_LABEL "\"");
  assert_field (lines, "cell\tB14", "wrap=1");
  g_assert_cmpfloat (row_height (lines, 14), >=, 4 * 12 * 1.3);
  g_assert_cmpfloat (row_height (lines, 13), <, 2 * 12 * 1.3);
  /* A body cell over two rows: merged, its 3 lines or so shared by them. */
  g_assert_true (has_line (lines, "merged\tB16:B17"));
  assert_field (lines, "cell\tB16", "value=\"" MERGED_LABEL "\"");
  g_assert_null (strstr (out, "Ấp số 5\""));
  assert_field (lines, "cell\tA17", "value=\"5\"");
  g_assert_cmpfloat (row_height (lines, 16) + row_height (lines, 17), >=, 3 * 12 * 1.3);
  g_assert_cmpfloat (row_height (lines, 16), ==, row_height (lines, 17));
  /* The total row of the first group, bold, its ratio a formula. */
  assert_field (lines, "cell\tB61", "value=\"Cộng\"");
  assert_field (lines, "cell\tB61", "bold=1");
  assert_field (lines, "cell\tC61", "value=1000\tformat=#,##0");
  assert_field (lines, "cell\tC61", "bold=1");
  assert_field (lines, "cell\tE61", "cached=0.3333333333333333\tformat=0.0%");
  assert_field (lines, "cell\tC311", "value=6000");
  assert_field (lines, "cell\tE311", "formula=\"=IF(D311=0,\\\"\\\",C311/D311)\"\tcached=2\t"
                "format=0%");

  /* Notes merged across, italic; the signature block on the right. */
  g_assert_true (has_line (lines, "merged\tA312:H312"));
  assert_field (lines, "cell\tA312", "value=\"Ghi chú: số liệu tính đến ngày 31/12/2025.\"");
  assert_field (lines, "cell\tA313", "italic=1");
  g_assert_true (has_line (lines, "merged\tC315:H315"));
  assert_field (lines, "cell\tC315", "value=\"TM. BAN THƯỜNG TRỰC\"");
  assert_field (lines, "cell\tC315", "bold=1");
  assert_field (lines, "cell\tC316", "value=\"CHỦ TỊCH\"");
  assert_field (lines, "cell\tC320", "value=\"Người Ký Mẫu\"");
  assert_field (lines, "cell\tC320", "bold=1");

  /* Times New Roman everywhere; every row's height set. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "cell\t"))
      {
        n_cells++;
        if (strstr (lines[i], "\tfont=\"Times New Roman\"\t") == NULL)
          g_error ("not in Times New Roman: %s", lines[i]);
      }
  /* The frame's 8 (A1–A3, C1, C2, C5, A7, A8), the header's 16 less the
   * 7 merged away, 6 group rows of one cell, 294 rows of 8, 2 notes and 3
   * lines of the signature. */
  g_assert_cmpuint (n_cells, ==, 8 + (16 - 7) + 6 + 294 * 8 - 1 + 2 + 3);
  /* Formats are shared, not made for each cell. */
  g_assert_cmpstr (line (lines, "cell_formats"), ==, "cell_formats\t22");
  for (guint row = 1; row <= 320; row++)
    g_assert_cmpfloat (row_height (lines, row), >, 0);

  smt_test_rm_rf (dir);
}

/* The least a report can be: one column, portrait, no frame, no notes,
 * no signature; and a sheet name Excel would refuse made acceptable. */
static void
test_bare (void)
{
  g_autoptr(SmtReport) r = smt_report_new ("bare", SMT_REPORT_PORTRAIT, 1);
  g_autofree char *dir = g_dir_make_tmp ("smt-report-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bare.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  SmtReportRow *row;

  smt_report_set_column (r, 0, 100, SMT_REPORT_ALIGN_LEFT);
  smt_report_row_set_text (smt_report_add_header_row (r), 0, "Họ và tên");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Hội viên %u", i + 1);

      row = smt_report_add_row (r, SMT_REPORT_ROW_NORMAL);
      smt_report_row_set_text (row, 0, name);
    }
  g_assert_true (smt_report_write_xlsx (r, path, &error));
  g_assert_no_error (error);
  out = dump (path);
  if (out == NULL)
    {
      smt_test_rm_rf (dir);
      return;
    }
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (line (lines, "sheet"), ==, "sheet\t\"Báo cáo\"");
  g_assert_cmpstr (line (lines, "orientation"), ==, "orientation\tportrait");
  g_assert_cmpstr (line (lines, "print_title_rows"), ==, "print_title_rows\t1:1");
  g_assert_cmpstr (line (lines, "print_area"), ==, "print_area\tA1:A4");
  assert_field (lines, "cell\tA1", "value=\"Họ và tên\"");
  assert_field (lines, "cell\tA1", "bold=1");
  assert_field (lines, "cell\tA4", "value=\"Hội viên 3\"");
  g_assert_null (strstr (out, "merged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* No []:*?/\\, no apostrophe at either end, 31 characters at most. */
  r->sheet_name = g_strdup ("'Quý II/2025: [chi hội] ấp Rạch Gòi và ấp Xẻo Chanh'");
  g_assert_true (smt_report_write_xlsx (r, path, &error));
  g_assert_no_error (error);
  out = dump (path);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (line (lines, "sheet"), ==, "sheet\t\"Quý II-2025- -chi hội- ấp Rạch\"");
  smt_test_rm_rf (dir);
}

static void
test_overwrite (void)
{
  g_autoptr(SmtReport) r = make_report (1, 3);
  g_autofree char *dir = g_dir_make_tmp ("smt-report-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bao-cao.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *files = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, "an older export", -1, NULL));
  g_assert_true (smt_report_write_xlsx (r, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4000);
  g_assert_cmpint (memcmp (contents, "PK\003\004", 4), ==, 0);
  /* Replaced in place: no .part file left beside it. */
  files = list_dir (dir);
  g_assert_cmpstr (files, ==, "bao-cao.xlsx");
  smt_test_rm_rf (dir);
}

static void
test_refused (void)
{
  g_autoptr(SmtReport) r = make_report (1, 3);
  g_autofree char *dir = g_dir_make_tmp ("smt-report-xlsx-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "x.xlsx", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *under_file = g_build_filename (plain, "x.xlsx", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *files = NULL;

  /* A folder that does not exist: says so, in Vietnamese. */
  g_assert_false (smt_report_write_xlsx (r, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "không tồn tại"));
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  /* A "folder" that is a file. */
  g_assert_true (g_file_set_contents (plain, "x", -1, NULL));
  g_assert_false (smt_report_write_xlsx (r, under_file, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A folder in the way of the file: the rename fails, the temporary
   * file goes. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (smt_report_write_xlsx (r, folder, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  /* Nothing else left behind. */
  files = list_dir (dir);
  g_assert_cmpstr (files, ==, "folder.xlsx plain");
  smt_test_rm_rf (dir);
}

/* A folder the user cannot write to. Root writes anywhere, so when the
 * tests run as root the write is tried in a subprocess that has become
 * nobody. */
static void
test_locked (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *files = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(SmtReport) r = make_report (1, 3);
      g_autofree char *path = g_build_filename (g_getenv ("SMT_TEST_LOCKED"), "x.xlsx", NULL);
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        {
          g_test_message ("cannot become nobody: the locked folder is not tried");
          return;
        }
      g_assert_false (smt_report_write_xlsx (r, path, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_nonnull (strstr (error->message, "không có quyền ghi"));
      g_assert_nonnull (strstr (error->message, "locked"));
      return;
    }
  dir = g_dir_make_tmp ("smt-report-xlsx-XXXXXX", NULL);
  locked = g_build_filename (dir, "locked", NULL);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
  g_setenv ("SMT_TEST_LOCKED", locked, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  files = list_dir (locked);
  g_assert_cmpstr (files, ==, "");
  g_chmod (locked, 0700);
  smt_test_rm_rf (dir);
}

/* A branch member list of the 100.000-person demo: a few thousand rows
 * written in well under two seconds. */
static void
test_speed (void)
{
  g_autoptr(SmtReport) r = make_report (60, 48);
  g_autofree char *dir = g_dir_make_tmp ("smt-report-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lon.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  gint64 t0, t1;

  g_assert_cmpuint (r->body->len, ==, 3000);
  t0 = g_get_monotonic_time ();
  g_assert_true (smt_report_write_xlsx (r, path, &error));
  t1 = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_test_message ("3000 rows to XLSX: %.3f s", (t1 - t0) / 1e6);
  g_assert_cmpint (t1 - t0, <, 2 * G_USEC_PER_SEC);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/report-xlsx/layout", test_layout);
  g_test_add_func ("/report-xlsx/bare", test_bare);
  g_test_add_func ("/report-xlsx/overwrite", test_overwrite);
  g_test_add_func ("/report-xlsx/refused", test_refused);
  g_test_add_func ("/report-xlsx/locked", test_locked);
  g_test_add_func ("/report-xlsx/speed", test_speed);
  return g_test_run ();
}
