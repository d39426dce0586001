/* test-import-layout.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <time.h>

#include "core/register/smt-locale.h"
#include "io/import/smt-import-mapping.h"
#include "io/import/smt-import-read.h"
#include "io/import/smt-sheet-layout.h"

/* ---- building sheets as the readers would ---- */

static void
txt (SmtSheet   *s,
     guint       r,
     guint       c,
     const char *text)
{
  smt_sheet_set_text (s, r, c, text, -1, SMT_TEXT_HINT_NONE, 0);
}

static void
num (SmtSheet *s,
     guint     r,
     guint     c,
     double    v)
{
  smt_sheet_set_number (s, r, c, SMT_CELL_NUMBER, v);
}

static void
date (SmtSheet *s,
      guint     r,
      guint     c,
      double    serial)
{
  smt_sheet_set_number (s, r, c, SMT_CELL_DATE, serial);
}

static void
merge (SmtSheet *s,
       guint     r0,
       guint     c0,
       guint     r1,
       guint     c1)
{
  SmtCellRange range = { r0, c0, r1, c1 };

  smt_sheet_add_merged (s, &range);
}

enum { A, B, C, D, E, F, G, H, I, J, K, L_COLS = 12 };

static void
header_rows (SmtSheet *s,
             guint     r)
{
  static const char *const top[] = {
    "STT", "Họ và tên", "Năm sinh", NULL, "Dân tộc", "Ngày vào hội", "Đảng viên", "Số CCCD",
    "Số điện thoại", "Chức vụ", "Ghi chú",
  };

  for (guint c = 0; c < G_N_ELEMENTS (top); c++)
    if (top[c])
      {
        txt (s, r, c, top[c]);
        if (c != C)
          merge (s, r, c, r + 1, c);
      }
  merge (s, r, C, r, D);
  txt (s, r + 1, C, "Nam");
  txt (s, r + 1, D, "Nữ");
  for (guint c = 0; c < G_N_ELEMENTS (top); c++)
    num (s, r + 2, c, c + 1);
}

/* A Hội Nông dân list as offices keep it (rows 0-based; the spreadsheet
 * shows them one higher):
 *  0-1  the issuing body and the national name, merged; 2 blank; 3 the title
 *  4-5  the header: "Năm sinh" merged over "Nam" | "Nữ", the rest merged down
 *  6    the column numbers 1 … 11
 *  7    "Ấp Tân Hòa", merged across: a group, no hamlet column
 *  8-10 three members; 11 blank
 *  12   "II" | "Ấp Bình An": a group numbered in its own cell
 *  13-15 three members with problems or odd spacing
 *  16-18 the header again on page 2, with its column numbers
 *  19   one more member; 20 the total; 21 blank
 *  22-26 the date line and the signature block, a signer's name in the name column */
static SmtSheet *
member_list (gboolean other_data)
{
  SmtSheet *s = smt_sheet_new ("Hội viên");

  txt (s, 0, A, "ỦY BAN MTTQ VIỆT NAM XÃ HÒA ĐIỀN");
  merge (s, 0, A, 0, D);
  txt (s, 0, F, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  merge (s, 0, F, 0, K);
  txt (s, 1, A, "BAN CHẤP HÀNH HỘI NÔNG DÂN");
  merge (s, 1, A, 1, D);
  txt (s, 1, F, "Độc lập - Tự do - Hạnh phúc");
  merge (s, 1, F, 1, K);
  txt (s, 3, A, other_data ? "DANH SÁCH HỘI VIÊN NĂM 2026" : "DANH SÁCH HỘI VIÊN NĂM 2025");
  merge (s, 3, A, 3, K);
  header_rows (s, 4);

  txt (s, 7, A, "Ấp Tân Hòa");
  merge (s, 7, A, 7, K);
  if (other_data)
    {
      /* next month: other people, the same headers */
      num (s, 8, A, 1);
      txt (s, 8, B, "Hồ Văn Nam");
      num (s, 8, C, 1960);
      return s;
    }

  num (s, 8, A, 1);
  txt (s, 8, B, "Nguyễn Văn An");
  num (s, 8, C, 1975);
  txt (s, 8, E, "Kinh");
  date (s, 8, F, 43866);                      /* 05/02/2020 */
  txt (s, 8, G, "x");
  txt (s, 8, H, "079075001234");
  num (s, 8, I, 912345678);                   /* the 0 lost in a number cell */
  txt (s, 8, J, "Chi hội trưởng");

  num (s, 9, A, 2);
  txt (s, 9, B, "Tôn Nữ Minh Châu");
  txt (s, 9, D, "1982");
  txt (s, 9, E, "Kinh");
  txt (s, 9, F, "15/03/2018");
  num (s, 9, H, 79182001234);                 /* 11 digits: its leading 0 lost */
  txt (s, 9, I, "0987 654 321");
  txt (s, 9, K, "chuyển từ xã khác");

  num (s, 10, A, 3);
  txt (s, 10, B, "ÂU DƯƠNG PHONG");
  num (s, 10, C, 1968);
  txt (s, 10, E, "Hoa");
  txt (s, 10, F, "2010");
  txt (s, 10, G, "12/06/1995");
  txt (s, 10, J, "Hội viên");

  txt (s, 12, A, "II");
  txt (s, 12, B, "Ấp Bình An");

  num (s, 13, A, 4);
  txt (s, 13, B, "Lan");
  num (s, 13, D, 1990);
  txt (s, 13, E, "Kinh");
  txt (s, 13, F, "32/13/2020");

  num (s, 14, A, 5);
  txt (s, 14, B, "Lê Thị Hoa");
  num (s, 14, C, 1970);
  num (s, 14, D, 1970);
  txt (s, 14, F, "05/02/19");

  num (s, 15, A, 6);
  txt (s, 15, B, " Trần  Văn   Bình ");
  date (s, 15, C, 29416);                     /* 14/07/1980 */
  txt (s, 15, G, "X");

  header_rows (s, 16);

  num (s, 19, A, 7);
  txt (s, 19, B, "Phạm Thị Mai");
  num (s, 19, D, 1999);
  txt (s, 19, E, "Kinh");
  txt (s, 19, F, "2021");

  txt (s, 20, B, "Tổng cộng");
  num (s, 20, C, 3);
  num (s, 20, D, 3);

  txt (s, 22, H, "Hòa Điền, ngày 05 tháng 02 năm 2026");
  merge (s, 22, H, 22, K);
  txt (s, 23, B, "Người lập biểu");
  txt (s, 23, H, "TM. BAN CHẤP HÀNH");
  txt (s, 24, H, "CHI HỘI TRƯỞNG");
  txt (s, 26, B, "Nguyễn Văn Bảo");
  txt (s, 26, H, "Trần Văn Cường");
  return s;
}

typedef struct {
  guint       src;
  const char *full, *ho, *lot, *ten;
  char        sex;
  int         birth_year;
  const char *birth_date, *hamlet, *address, *cccd, *phone, *ethnicity, *religion, *role;
  const char *branch, *joined_on;
  int         joined_year;
  gboolean    party;
  const char *party_since, *note;
  guint       n_problems;
  const char *problem_has;   /* a piece of one problem, the same in any language */
} Expect;

static void
check_row (const SmtImportRow *row,
           const Expect       *e)
{
  g_test_message ("row %u: %s", e->src, e->full);
  g_assert_cmpuint (row->source_row, ==, e->src);
  g_assert_cmpstr (row->full_name, ==, e->full);
  g_assert_cmpstr (row->ho, ==, e->ho);
  g_assert_cmpstr (row->chu_lot, ==, e->lot);
  g_assert_cmpstr (row->ten, ==, e->ten);
  g_assert_cmpint (row->sex, ==, e->sex);
  g_assert_cmpint (row->birth_year, ==, e->birth_year);
  g_assert_cmpstr (row->birth_date, ==, e->birth_date);
  g_assert_cmpstr (row->hamlet, ==, e->hamlet);
  g_assert_cmpstr (row->address, ==, e->address);
  g_assert_cmpstr (row->cccd, ==, e->cccd);
  g_assert_cmpstr (row->phone, ==, e->phone);
  g_assert_cmpstr (row->ethnicity, ==, e->ethnicity);
  g_assert_cmpstr (row->religion, ==, e->religion);
  g_assert_cmpstr (row->role, ==, e->role);
  g_assert_cmpstr (row->branch, ==, e->branch);
  g_assert_cmpstr (row->joined_on, ==, e->joined_on);
  g_assert_cmpint (row->joined_year, ==, e->joined_year);
  g_assert_cmpint (row->party_member, ==, e->party);
  g_assert_cmpstr (row->party_since, ==, e->party_since);
  g_assert_cmpstr (row->note, ==, e->note);
  for (guint i = 0; i < row->problems->len; i++)
    g_test_message ("  problem: %s", (char *) g_ptr_array_index (row->problems, i));
  g_assert_cmpuint (row->problems->len, ==, e->n_problems);
  if (e->problem_has)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < row->problems->len; i++)
        found = found || strstr (g_ptr_array_index (row->problems, i), e->problem_has);
      g_assert_true (found);
    }
}

static void
test_member_list (void)
{
  g_autoptr(SmtSheet) sheet = member_list (FALSE);
  g_autoptr(SmtSheetLayout) layout = smt_sheet_layout_detect (sheet);
  g_autoptr(SmtImportMapping) mapping = smt_import_mapping_new_guessed (layout);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  static const SmtSheetRowKind kinds[] = {
    SMT_SHEET_ROW_TITLE, SMT_SHEET_ROW_TITLE, SMT_SHEET_ROW_TITLE, SMT_SHEET_ROW_TITLE,
    SMT_SHEET_ROW_HEADER, SMT_SHEET_ROW_HEADER, SMT_SHEET_ROW_COLUMN_NUMBERS,
    SMT_SHEET_ROW_GROUP, SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_DATA,
    SMT_SHEET_ROW_BLANK, SMT_SHEET_ROW_GROUP, SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_DATA,
    SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_REPEATED_HEADER, SMT_SHEET_ROW_REPEATED_HEADER,
    SMT_SHEET_ROW_REPEATED_HEADER, SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_TOTAL, SMT_SHEET_ROW_BLANK,
    SMT_SHEET_ROW_FOOTER, SMT_SHEET_ROW_FOOTER, SMT_SHEET_ROW_FOOTER, SMT_SHEET_ROW_FOOTER,
    SMT_SHEET_ROW_FOOTER,
  };
  static const char *const headers[] = {
    "STT", "Họ và tên", "Năm sinh / Nam", "Năm sinh / Nữ", "Dân tộc", "Ngày vào hội",
    "Đảng viên", "Số CCCD", "Số điện thoại", "Chức vụ", "Ghi chú",
  };
  static const SmtImportField fields[] = {
    SMT_IMPORT_FIELD_STT, SMT_IMPORT_FIELD_FULL_NAME, SMT_IMPORT_FIELD_BIRTH_YEAR_MALE,
    SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE, SMT_IMPORT_FIELD_ETHNICITY, SMT_IMPORT_FIELD_JOINED_ON,
    SMT_IMPORT_FIELD_PARTY_MEMBER, SMT_IMPORT_FIELD_CCCD, SMT_IMPORT_FIELD_PHONE,
    SMT_IMPORT_FIELD_ROLE, SMT_IMPORT_FIELD_NOTE,
  };
  static const Expect expect[] = {
    { 9, "Nguyễn Văn An", "Nguyễn", "Văn", "An", 'M', 1975, NULL, "Ấp Tân Hòa", NULL,
      "079075001234", "0912345678", "Kinh", NULL, "Chi hội trưởng", NULL, "2020-02-05", 2020,
      TRUE, NULL, NULL, 0, NULL },
    { 10, "Tôn Nữ Minh Châu", "Tôn Nữ", "Minh", "Châu", 'F', 1982, NULL, "Ấp Tân Hòa", NULL,
      NULL, "0987654321", "Kinh", NULL, NULL, NULL, "2018-03-15", 2018, FALSE, NULL,
      "chuyển từ xã khác", 1, "79182001234" },
    /* written in capitals: split in proper case, full_name as written */
    { 11, "ÂU DƯƠNG PHONG", "Âu Dương", NULL, "Phong", 'M', 1968, NULL, "Ấp Tân Hòa", NULL,
      NULL, NULL, "Hoa", NULL, "Hội viên", NULL, NULL, 2010, TRUE, "1995-06-12", NULL, 0,
      NULL },
    /* one word: tên only, no họ guessed; and a date that cannot be read */
    { 14, "Lan", NULL, NULL, "Lan", 'F', 1990, NULL, "Ấp Bình An", NULL, NULL, NULL, "Kinh",
      NULL, NULL, NULL, NULL, 0, FALSE, NULL, NULL, 2, "Lan" },
    /* a year under both Nam and Nữ; a two-digit year */
    { 15, "Lê Thị Hoa", "Lê", "Thị", "Hoa", 0, 0, NULL, "Ấp Bình An", NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, 0, FALSE, NULL, NULL, 2, "05/02/19" },
    { 16, "Trần Văn Bình", "Trần", "Văn", "Bình", 'M', 1980, "1980-07-14", "Ấp Bình An",
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, TRUE, NULL, NULL, 0, NULL },
    /* after the repeated header the group still holds */
    { 20, "Phạm Thị Mai", "Phạm", "Thị", "Mai", 'F', 1999, NULL, "Ấp Bình An", NULL, NULL,
      NULL, "Kinh", NULL, NULL, NULL, NULL, 2021, FALSE, NULL, NULL, 0, NULL },
  };

  g_assert_true (layout->header_found);
  g_assert_cmpuint (layout->header_row, ==, 4);
  g_assert_cmpuint (layout->header_rows, ==, 2);
  g_assert_cmpuint (layout->first_data_row, ==, 7);
  g_assert_cmpuint (layout->n_cols, ==, 11);
  g_assert_cmpuint (layout->n_rows, ==, G_N_ELEMENTS (kinds));
  for (guint c = 0; c < layout->n_cols; c++)
    {
      g_assert_cmpstr (layout->headers[c], ==, headers[c]);
      g_assert_cmpint (layout->guessed[c], ==, fields[c]);
    }
  for (guint r = 0; r < layout->n_rows; r++)
    {
      if (layout->row_kinds[r] != kinds[r])
        g_error ("row %u: kind %d, expected %d", r, layout->row_kinds[r], kinds[r]);
    }
  g_assert_cmpstr (layout->row_groups[7], ==, "Ấp Tân Hòa");
  g_assert_cmpstr (layout->row_groups[12], ==, "Ấp Bình An");
  g_assert_null (layout->row_groups[22]);

  rows = smt_import_read_rows (sheet, layout, mapping, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < rows->len; i++)
    check_row (g_ptr_array_index (rows, i), &expect[i]);
}

/* A Đoàn list: no title merges, a one-row header with họ và chữ lót and
 * tên apart, a hamlet column, a sex column, dates as text and serials,
 * template rows numbered but empty at the bottom. */
static SmtSheet *
youth_list (void)
{
  SmtSheet *s = smt_sheet_new ("DS");
  static const char *const header[] = {
    "TT", "Họ và chữ lót", "Tên", "Giới tính", "Ngày sinh", "Ấp", "Ngày vào Đoàn",
    "Đảng viên", "SĐT",
  };

  txt (s, 0, A, "DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN ẤP 3");
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    txt (s, 2, c, header[c]);

  num (s, 3, A, 1);
  txt (s, 3, B, "Nguyễn Thị");
  txt (s, 3, C, "Lan");
  txt (s, 3, D, "Nữ");
  txt (s, 3, E, "05/02/1995");
  txt (s, 3, F, "Ấp 3");
  txt (s, 3, G, "26/03/2012");
  num (s, 3, I, 901234567);

  num (s, 4, A, 2);
  txt (s, 4, B, "TÔN THẤT");
  txt (s, 4, C, "HÙNG");
  txt (s, 4, D, "Nam");
  date (s, 4, E, 36130);                       /* 01/12/1998 */
  txt (s, 4, F, "Ấp 3");
  txt (s, 4, G, "3/2015");
  txt (s, 4, H, "x");

  num (s, 5, A, 3);
  txt (s, 5, B, "Hoàng Phủ Minh");
  txt (s, 5, C, "Khang");
  txt (s, 5, D, "nam");
  txt (s, 5, E, "1999");
  txt (s, 5, F, "Ấp 4");
  txt (s, 5, G, "2016");
  txt (s, 5, H, "03/02/2020");

  num (s, 6, A, 4);
  txt (s, 6, B, "Võ");
  txt (s, 6, C, "Thị Thảo");
  txt (s, 6, D, "Nữ");
  num (s, 6, E, 2001);
  txt (s, 6, F, "Ấp 4");
  txt (s, 6, I, "+84 90 123 4567");

  num (s, 7, A, 5);
  num (s, 8, A, 6);
  return s;
}

static void
test_youth_list (void)
{
  g_autoptr(SmtSheet) sheet = youth_list ();
  g_autoptr(SmtSheetLayout) layout = smt_sheet_layout_detect (sheet);
  g_autoptr(SmtImportMapping) mapping = smt_import_mapping_new_guessed (layout);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  static const SmtImportField fields[] = {
    SMT_IMPORT_FIELD_STT, SMT_IMPORT_FIELD_HO_CHU_LOT, SMT_IMPORT_FIELD_TEN,
    SMT_IMPORT_FIELD_SEX, SMT_IMPORT_FIELD_BIRTH_DATE, SMT_IMPORT_FIELD_HAMLET,
    SMT_IMPORT_FIELD_JOINED_ON, SMT_IMPORT_FIELD_PARTY_MEMBER, SMT_IMPORT_FIELD_PHONE,
  };
  static const SmtSheetRowKind kinds[] = {
    SMT_SHEET_ROW_TITLE, SMT_SHEET_ROW_TITLE, SMT_SHEET_ROW_HEADER, SMT_SHEET_ROW_DATA,
    SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_DATA, SMT_SHEET_ROW_BLANK,
    SMT_SHEET_ROW_BLANK,
  };
  static const Expect expect[] = {
    { 4, "Nguyễn Thị Lan", "Nguyễn", "Thị", "Lan", 'F', 1995, "1995-02-05", "Ấp 3", NULL,
      NULL, "0901234567", NULL, NULL, NULL, NULL, "2012-03-26", 2012, FALSE, NULL, NULL, 0,
      NULL },
    { 5, "TÔN THẤT HÙNG", "Tôn Thất", NULL, "Hùng", 'M', 1998, "1998-12-01", "Ấp 3", NULL,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2015, TRUE, NULL, NULL, 0, NULL },
    { 6, "Hoàng Phủ Minh Khang", "Hoàng Phủ", "Minh", "Khang", 'M', 1999, NULL, "Ấp 4", NULL,
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2016, TRUE, "2020-02-03", NULL, 0, NULL },
    /* two words under Tên: the last is the tên, the other joins the chữ lót */
    { 7, "Võ Thị Thảo", "Võ", "Thị", "Thảo", 'F', 2001, NULL, "Ấp 4", NULL, NULL,
      "+84901234567", NULL, NULL, NULL, NULL, NULL, 0, FALSE, NULL, NULL, 0, NULL },
  };

  g_assert_true (layout->header_found);
  g_assert_cmpuint (layout->header_row, ==, 2);
  g_assert_cmpuint (layout->header_rows, ==, 1);
  g_assert_cmpuint (layout->first_data_row, ==, 3);
  for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
    g_assert_cmpint (layout->guessed[c], ==, fields[c]);
  for (guint r = 0; r < layout->n_rows; r++)
    g_assert_cmpint (layout->row_kinds[r], ==, kinds[r]);

  rows = smt_import_read_rows (sheet, layout, mapping, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < rows->len; i++)
    check_row (g_ptr_array_index (rows, i), &expect[i]);
}

/* A text file's shape: no merged cells at all, "Năm sinh","" over "Nam",
 * "Nữ", groups written in the name column, a person with only a name. */
static void
test_text_file_shape (void)
{
  g_autoptr(SmtSheet) s = smt_sheet_new ("ds.csv");
  g_autoptr(SmtSheetLayout) layout = NULL;
  g_autoptr(SmtImportMapping) mapping = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SmtImportRow *row;

  txt (s, 0, A, "Họ và tên");
  txt (s, 0, B, "Năm sinh");
  txt (s, 0, D, "Địa chỉ");
  txt (s, 1, B, "Nam");
  txt (s, 1, C, "Nữ");
  txt (s, 2, A, "Ấp Bình An");
  txt (s, 3, A, "Trần Thị Bé");
  txt (s, 4, A, "Đỗ Văn Tư");
  txt (s, 4, C, "x");
  txt (s, 4, D, "12 đường Lê Lợi");
  txt (s, 5, A, "Cộng: 2 hội viên");

  layout = smt_sheet_layout_detect (s);
  g_assert_cmpuint (layout->header_rows, ==, 2);
  g_assert_cmpstr (layout->headers[1], ==, "Năm sinh / Nam");
  g_assert_cmpstr (layout->headers[2], ==, "Năm sinh / Nữ");
  g_assert_cmpint (layout->guessed[2], ==, SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE);
  g_assert_cmpint (layout->guessed[3], ==, SMT_IMPORT_FIELD_ADDRESS);
  g_assert_cmpint (layout->row_kinds[2], ==, SMT_SHEET_ROW_GROUP);
  g_assert_cmpint (layout->row_kinds[3], ==, SMT_SHEET_ROW_DATA);
  g_assert_cmpint (layout->row_kinds[5], ==, SMT_SHEET_ROW_TOTAL);

  mapping = smt_import_mapping_new_guessed (layout);
  rows = smt_import_read_rows (s, layout, mapping, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->ten, ==, "Bé");
  g_assert_cmpint (row->sex, ==, 0);
  g_assert_cmpint (row->birth_year, ==, 0);
  g_assert_cmpstr (row->hamlet, ==, "Ấp Bình An");
  g_assert_cmpuint (row->problems->len, ==, 0);
  row = g_ptr_array_index (rows, 1);
  /* an x under Nữ: the sex without a year */
  g_assert_cmpint (row->sex, ==, 'F');
  g_assert_cmpint (row->birth_year, ==, 0);
  g_assert_cmpstr (row->address, ==, "12 đường Lê Lợi");
}

/* "Họ và tên" merged over "Họ đệm" | "Tên", "Đảng viên" merged over
 * "Ngày vào": the child names the part, the parent the Party. A one-cell
 * "Nam / Nữ" is a sex column. */
static void
test_two_row_names (void)
{
  g_autoptr(SmtSheet) s = smt_sheet_new ("DS");
  g_autoptr(SmtSheetLayout) layout = NULL;
  g_autoptr(SmtImportMapping) mapping = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SmtImportRow *row;

  txt (s, 0, A, "STT");
  merge (s, 0, A, 1, A);
  txt (s, 0, B, "Họ và tên");
  merge (s, 0, B, 0, C);
  txt (s, 1, B, "Họ đệm");
  txt (s, 1, C, "Tên");
  txt (s, 0, D, "Nam / Nữ");
  merge (s, 0, D, 1, D);
  txt (s, 0, E, "Đảng viên");
  txt (s, 1, E, "Ngày vào");
  num (s, 2, A, 1);
  txt (s, 2, B, "Trần Thị");
  txt (s, 2, C, "Bé");
  txt (s, 2, D, "Nữ");
  txt (s, 2, E, "05/02/2020");

  layout = smt_sheet_layout_detect (s);
  g_assert_cmpuint (layout->header_rows, ==, 2);
  g_assert_cmpstr (layout->headers[B], ==, "Họ và tên / Họ đệm");
  g_assert_cmpint (layout->guessed[B], ==, SMT_IMPORT_FIELD_HO_CHU_LOT);
  g_assert_cmpint (layout->guessed[C], ==, SMT_IMPORT_FIELD_TEN);
  g_assert_cmpint (layout->guessed[D], ==, SMT_IMPORT_FIELD_SEX);
  g_assert_cmpint (layout->guessed[E], ==, SMT_IMPORT_FIELD_PARTY_MEMBER);
  mapping = smt_import_mapping_new_guessed (layout);
  rows = smt_import_read_rows (s, layout, mapping, NULL, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->ho, ==, "Trần");
  g_assert_cmpstr (row->chu_lot, ==, "Thị");
  g_assert_cmpstr (row->ten, ==, "Bé");
  g_assert_cmpint (row->sex, ==, 'F');
  g_assert_true (row->party_member);
  g_assert_cmpstr (row->party_since, ==, "2020-02-05");
  g_assert_cmpuint (row->problems->len, ==, 0);
}

/* Children naming more fields than their parents still hang under them:
 * "Họ và tên" | "Năm sinh" | "Địa chỉ" over "Họ đệm" | "Tên" | "Nam" | "Nữ". */
static void
test_children_outscore (void)
{
  g_autoptr(SmtSheet) s = smt_sheet_new ("DS");
  g_autoptr(SmtSheetLayout) layout = NULL;

  txt (s, 0, A, "DANH SÁCH");
  merge (s, 0, A, 0, E);
  txt (s, 1, A, "Họ và tên");
  merge (s, 1, A, 1, B);
  txt (s, 1, C, "Năm sinh");
  merge (s, 1, C, 1, D);
  txt (s, 1, E, "Địa chỉ");
  merge (s, 1, E, 2, E);
  txt (s, 2, A, "Họ đệm");
  txt (s, 2, B, "Tên");
  txt (s, 2, C, "Nam");
  txt (s, 2, D, "Nữ");
  txt (s, 3, A, "Lê Văn");
  txt (s, 3, B, "Tám");
  num (s, 3, C, 1980);

  layout = smt_sheet_layout_detect (s);
  g_assert_cmpuint (layout->header_row, ==, 1);
  g_assert_cmpuint (layout->header_rows, ==, 2);
  g_assert_cmpuint (layout->first_data_row, ==, 3);
  g_assert_cmpint (layout->guessed[A], ==, SMT_IMPORT_FIELD_HO_CHU_LOT);
  g_assert_cmpint (layout->guessed[B], ==, SMT_IMPORT_FIELD_TEN);
  g_assert_cmpint (layout->guessed[C], ==, SMT_IMPORT_FIELD_BIRTH_YEAR_MALE);
  g_assert_cmpint (layout->guessed[D], ==, SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE);
  g_assert_cmpint (layout->guessed[E], ==, SMT_IMPORT_FIELD_ADDRESS);
  g_assert_cmpint (layout->row_kinds[0], ==, SMT_SHEET_ROW_TITLE);
}

/* The user moves the header and remaps a column. */
static void
test_user_choices (void)
{
  g_autoptr(SmtSheet) sheet = member_list (FALSE);
  g_autoptr(SmtSheetLayout) guessed = smt_sheet_layout_detect (sheet);
  g_autoptr(SmtImportMapping) mapping = smt_import_mapping_new_guessed (guessed);
  g_autoptr(SmtSheetLayout) layout = NULL;
  g_autoptr(SmtSheetLayout) at = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  /* Ghi chú read as the branch instead */
  mapping->fields[K] = SMT_IMPORT_FIELD_BRANCH;
  layout = smt_import_mapping_layout (mapping, sheet);
  g_assert_cmpuint (layout->header_row, ==, 4);
  rows = smt_import_read_rows (sheet, layout, mapping, NULL, NULL);
  g_assert_cmpstr (((SmtImportRow *) g_ptr_array_index (rows, 1))->branch, ==,
                   "chuyển từ xã khác");
  g_assert_null (((SmtImportRow *) g_ptr_array_index (rows, 1))->note);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* A header the user chose: the title row. Nothing looks like data above
   * it, and the second row is not a header under it. */
  at = smt_sheet_layout_new_at (sheet, 3);
  g_assert_cmpuint (at->header_row, ==, 3);
  g_assert_cmpint (at->row_kinds[2], ==, SMT_SHEET_ROW_TITLE);
  g_assert_cmpint (at->row_kinds[3], ==, SMT_SHEET_ROW_HEADER);

  g_cancellable_cancel (cancel);
  rows = smt_import_read_rows (sheet, layout, mapping, cancel, &error);
  g_assert_null (rows);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static double
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* 30.000 members in 12 columns, with a group row every 100: layout and
 * reading together are timed and the time is reported (not asserted: the
 * machine is shared). */
static void
test_speed (void)
{
  g_autoptr(SmtSheet) s = smt_sheet_new ("big");
  g_autoptr(SmtSheetLayout) layout = NULL;
  g_autoptr(SmtImportMapping) mapping = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  static const char *const ho[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ" };
  static const char *const lot[] = { "Văn", "Thị", "Minh", "Thị Mỹ", "Hữu" };
  static const char *const ten[] = { "An", "Bình", "Châu", "Dũng", "Hoa", "Lan", "Tư" };
  guint r = 0, people = 0;
  double t0, t1, seconds;
  gint64 wall;

  txt (s, 0, A, "DANH SÁCH HỘI VIÊN");
  merge (s, 0, A, 0, L_COLS - 1);
  header_rows (s, 2);
  txt (s, 2, L_COLS - 1, "Ấp");
  merge (s, 2, L_COLS - 1, 3, L_COLS - 1);
  r = 5;
  for (guint i = 0; i < 30000; i++, r++)
    {
      char name[64], when[16];

      if (i % 100 == 0)
        {
          txt (s, r, A, "Ấp Tân Hòa");
          merge (s, r, A, r, L_COLS - 1);
          r++;
        }
      g_snprintf (name, sizeof name, "%s %s %s", ho[i % 6], lot[i % 5], ten[i % 7]);
      g_snprintf (when, sizeof when, "%02u/%02u/%u", 1 + i % 28, 1 + i % 12, 1990 + i % 30);
      num (s, r, A, i + 1);
      txt (s, r, B, name);
      num (s, r, i % 2 ? D : C, 1940 + i % 60);
      txt (s, r, E, "Kinh");
      if (i % 3)
        txt (s, r, F, when);
      else
        date (s, r, F, 40000 + i % 5000);
      if (i % 4 == 0)
        txt (s, r, G, "x");
      txt (s, r, H, "079075001234");
      txt (s, r, I, "0912 345 678");
      txt (s, r, J, "Hội viên");
      txt (s, r, L_COLS - 1, "Ấp 3");
      people++;
    }

  /* Processor time: the wall clock of a shared machine says more about
   * the others' load than about this code. */
  t0 = cpu_time ();
  wall = g_get_monotonic_time ();
  layout = smt_sheet_layout_detect (s);
  mapping = smt_import_mapping_new_guessed (layout);
  t1 = cpu_time ();
  rows = smt_import_read_rows (s, layout, mapping, NULL, NULL);
  seconds = cpu_time () - t0;
  g_test_message ("30.000 rows × 12 columns: layout and reading in %.3f s of processor time "
                  "(layout %.3f s), %.3f s on the wall clock", seconds, t1 - t0,
                  (g_get_monotonic_time () - wall) / 1e6);
  g_assert_cmpuint (layout->header_rows, ==, 2);
  g_assert_cmpuint (rows->len, ==, people);
  g_assert_cmpstr (((SmtImportRow *) g_ptr_array_index (rows, 29999))->hamlet, ==, "Ấp 3");
  g_assert_cmpuint (((SmtImportRow *) g_ptr_array_index (rows, 29999))->problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/import/layout/member-list", test_member_list);
  g_test_add_func ("/import/layout/youth-list", test_youth_list);
  g_test_add_func ("/import/layout/text-file-shape", test_text_file_shape);
  g_test_add_func ("/import/layout/two-row-names", test_two_row_names);
  g_test_add_func ("/import/layout/children-outscore", test_children_outscore);
  g_test_add_func ("/import/layout/user-choices", test_user_choices);
  g_test_add_func ("/import/layout/speed", test_speed);
  return g_test_run ();
}
