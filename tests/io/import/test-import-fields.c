/* test-import-fields.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <locale.h>

#include "core/register/smt-locale.h"
#include "io/files/smt-json-read.h"
#include "io/import/smt-import-fields.h"
#include "io/import/smt-import-read.h"
#include "io/import/smt-name-split.h"
#include "io/import/smt-sheet-layout.h"

static void
test_guess (void)
{
  static const struct {
    const char     *header;
    SmtImportField  field;
  } cases[] = {
    { "STT", SMT_IMPORT_FIELD_STT },
    { "Số TT", SMT_IMPORT_FIELD_STT },
    { "Họ và tên", SMT_IMPORT_FIELD_FULL_NAME },
    { "HỌ VÀ TÊN HỘI VIÊN", SMT_IMPORT_FIELD_FULL_NAME },
    { "Họ tên", SMT_IMPORT_FIELD_FULL_NAME },
    { "Họ và chữ lót", SMT_IMPORT_FIELD_HO_CHU_LOT },
    { "Họ và tên đệm", SMT_IMPORT_FIELD_HO_CHU_LOT },
    { "Họ", SMT_IMPORT_FIELD_HO },
    { "Hộ", SMT_IMPORT_FIELD_IGNORE },
    { "Chữ lót", SMT_IMPORT_FIELD_CHU_LOT },
    { "Tên", SMT_IMPORT_FIELD_TEN },
    { "Năm sinh", SMT_IMPORT_FIELD_BIRTH_YEAR },
    { "Năm", SMT_IMPORT_FIELD_BIRTH_YEAR },
    { "Ngày sinh", SMT_IMPORT_FIELD_BIRTH_DATE },
    { "Ngày, tháng, năm sinh", SMT_IMPORT_FIELD_BIRTH_DATE },
    { "Nam", SMT_IMPORT_FIELD_BIRTH_YEAR_MALE },
    { "Nữ", SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE },
    { "NỮ", SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE },
    { "Năm sinh / Nam", SMT_IMPORT_FIELD_BIRTH_YEAR_MALE },
    { "Năm sinh / Nữ", SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE },
    { "Ngày tháng năm sinh / Nữ", SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE },
    { "Giới tính", SMT_IMPORT_FIELD_SEX },
    { "Nam/Nữ", SMT_IMPORT_FIELD_SEX },
    { "Ấp", SMT_IMPORT_FIELD_HAMLET },
    { "Thôn", SMT_IMPORT_FIELD_HAMLET },
    { "Tổ dân phố", SMT_IMPORT_FIELD_HAMLET },
    { "Khu phố", SMT_IMPORT_FIELD_HAMLET },
    { "Địa chỉ", SMT_IMPORT_FIELD_ADDRESS },
    { "Nơi ở hiện nay", SMT_IMPORT_FIELD_ADDRESS },
    { "Ngày vào hội", SMT_IMPORT_FIELD_JOINED_ON },
    { "Ngày vào Đoàn", SMT_IMPORT_FIELD_JOINED_ON },
    { "Ngày vào Công đoàn", SMT_IMPORT_FIELD_JOINED_ON },
    { "Ngày kết nạp", SMT_IMPORT_FIELD_JOINED_ON },
    { "Năm vào Hội", SMT_IMPORT_FIELD_JOINED_ON },
    { "Ngày vào Đảng", SMT_IMPORT_FIELD_PARTY_MEMBER },
    { "Đảng viên", SMT_IMPORT_FIELD_PARTY_MEMBER },
    { "Số CCCD/CMND", SMT_IMPORT_FIELD_CCCD },
    { "Căn cước công dân", SMT_IMPORT_FIELD_CCCD },
    { "Số điện thoại", SMT_IMPORT_FIELD_PHONE },
    { "Điện thoại", SMT_IMPORT_FIELD_PHONE },
    { "SĐT", SMT_IMPORT_FIELD_PHONE },
    { "Chức vụ", SMT_IMPORT_FIELD_ROLE },
    { "Dân tộc", SMT_IMPORT_FIELD_ETHNICITY },
    { "Tôn giáo", SMT_IMPORT_FIELD_RELIGION },
    { "Chi hội", SMT_IMPORT_FIELD_BRANCH },
    { "Chi đoàn", SMT_IMPORT_FIELD_BRANCH },
    { "Tổ hội", SMT_IMPORT_FIELD_BRANCH },
    { "Chi hội trưởng", SMT_IMPORT_FIELD_IGNORE },
    { "Ghi chú", SMT_IMPORT_FIELD_NOTE },
    { "Trình độ văn hóa", SMT_IMPORT_FIELD_IGNORE },
    { "", SMT_IMPORT_FIELD_IGNORE },
    /* titles never name a field */
    { "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN NĂM 2025", SMT_IMPORT_FIELD_IGNORE },
    { "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", SMT_IMPORT_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SmtImportField got = smt_import_field_guess (cases[i].header);

      if (got != cases[i].field)
        g_error ("“%s”: guessed %s, expected %s", cases[i].header, smt_import_field_id (got),
                 smt_import_field_id (cases[i].field));
    }
}

static void
test_ids (void)
{
  for (guint f = 0; f < SMT_IMPORT_N_FIELDS; f++)
    {
      SmtImportField back = SMT_IMPORT_N_FIELDS;

      g_assert_nonnull (smt_import_field_id (f));
      g_assert_true (smt_import_field_from_id (smt_import_field_id (f), &back));
      g_assert_cmpint (back, ==, f);
      g_assert_nonnull (smt_import_field_label (f));
    }
  g_assert_cmpstr (smt_import_field_id (SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE), ==,
                   "birth_year_female");
  g_assert_false (smt_import_field_from_id ("nam_sinh", &(SmtImportField) { 0 }));
  /* The labels are Vietnamese under LANGUAGE=vi when the catalogue is built. */
  g_assert_cmpstr (smt_import_fold_words ("Số CCCD/CMND"), ==, "so cccd cmnd");
}

static void
test_names (void)
{
  static const struct {
    const char *full;
    gboolean    ok;
    const char *ho, *lot, *ten;
  } cases[] = {
    { "Nguyễn Văn An", TRUE, "Nguyễn", "Văn", "An" },
    { "  Nguyễn   Thị Mỹ  Lệ ", TRUE, "Nguyễn", "Thị Mỹ", "Lệ" },
    { "Lê Lai", TRUE, "Lê", NULL, "Lai" },
    { "Tôn Nữ Minh Châu", TRUE, "Tôn Nữ", "Minh", "Châu" },
    { "Tôn Nữ Châu", TRUE, "Tôn Nữ", NULL, "Châu" },
    { "Tôn Thất Hùng", TRUE, "Tôn Thất", NULL, "Hùng" },
    { "Âu Dương Phong", TRUE, "Âu Dương", NULL, "Phong" },
    { "Công Tằng Tôn Nữ Thị Hoa", TRUE, "Công Tằng Tôn Nữ", "Thị", "Hoa" },
    { "Nguyễn Phúc Bảo Long", TRUE, "Nguyễn Phúc", "Bảo", "Long" },
    /* two words that happen to be a compound họ: the last is still the tên */
    { "Tôn Nữ", TRUE, "Tôn", NULL, "Nữ" },
    /* "Tôn" alone is an ordinary họ */
    { "Tôn Văn Đức", TRUE, "Tôn", "Văn", "Đức" },
    { "Lan", FALSE, NULL, NULL, "Lan" },
    { "", FALSE, NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ho = NULL, *lot = NULL, *ten = NULL;

      g_assert_cmpint (smt_name_split (cases[i].full, &ho, &lot, &ten), ==, cases[i].ok);
      g_assert_cmpstr (ho, ==, cases[i].ho);
      g_assert_cmpstr (lot, ==, cases[i].lot);
      g_assert_cmpstr (ten, ==, cases[i].ten);
    }

  {
    g_autofree char *ho = NULL, *lot = NULL;

    g_assert_true (smt_name_split_ho ("Tôn Thất", &ho, &lot));
    g_assert_cmpstr (ho, ==, "Tôn Thất");
    g_assert_null (lot);
    g_clear_pointer (&ho, g_free);
    g_assert_true (smt_name_split_ho ("Nguyễn Thị Thu", &ho, &lot));
    g_assert_cmpstr (ho, ==, "Nguyễn");
    g_assert_cmpstr (lot, ==, "Thị Thu");
  }

  {
    g_autofree char *a = smt_name_fix_case ("NGUYỄN VĂN AN");
    g_autofree char *b = smt_name_fix_case ("ÂU DƯƠNG PHONG");
    g_autofree char *c = smt_name_fix_case ("nguyễn văn an");
    g_autofree char *d = smt_name_fix_case ("Đỗ THỊ Hà");
    g_autofree char *e = smt_name_fix_case ("ĐẶNG ĐÌNH ĐỨC");
    /* decomposed input comes out composed */
    g_autofree char *f = smt_name_fix_case ("LE\xcc\x82 THI\xcc\xa3");

    g_assert_cmpstr (a, ==, "Nguyễn Văn An");
    g_assert_cmpstr (b, ==, "Âu Dương Phong");
    g_assert_cmpstr (c, ==, "nguyễn văn an");   /* not capitals: as written */
    g_assert_cmpstr (d, ==, "Đỗ THỊ Hà");
    g_assert_cmpstr (e, ==, "Đặng Đình Đức");
    g_assert_cmpstr (f, ==, "Lê Thị");
  }
}

static void
test_group_hamlet (void)
{
  static const struct {
    const char *text, *hamlet;
  } cases[] = {
    { "Ấp Tân Hòa", "Ấp Tân Hòa" },
    { "I. Ấp Bình An", "Ấp Bình An" },
    { "II Ấp Bình An", "Ấp Bình An" },
    { "3. Thôn Đông", "Thôn Đông" },
    { "Chi hội ấp 3", "Ấp 3" },
    { "ẤP TÂN HÒA (25 hội viên)", "Ấp Tân Hòa" },
    { "Khu phố 2: 40 hội viên", "Khu phố 2" },
    { "Chi hội Tân Hòa", "Tân Hòa" },
    { "Tổ dân phố 5", "Tổ dân phố 5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = smt_sheet_layout_group_hamlet (cases[i].text);

      g_assert_cmpstr (got, ==, cases[i].hamlet);
    }
}

static void
test_dates (void)
{
  static const struct {
    SmtCellKind    kind;
    const char    *text;
    double         number;
    SmtImportDate  result;
    const char    *iso;
    int            year;
  } cases[] = {
    { SMT_CELL_DATE, NULL, 43866, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_DATE, NULL, 29416, SMT_IMPORT_DATE_FULL, "1980-07-14", 1980 },
    /* Excel's 1900 leap-year bug: 59 is 28/02/1900, 61 is 01/03/1900, 60 never was */
    { SMT_CELL_DATE, NULL, 59, SMT_IMPORT_DATE_FULL, "1900-02-28", 1900 },
    { SMT_CELL_DATE, NULL, 61, SMT_IMPORT_DATE_FULL, "1900-03-01", 1900 },
    { SMT_CELL_DATE, NULL, 1, SMT_IMPORT_DATE_FULL, "1900-01-01", 1900 },
    { SMT_CELL_DATE, NULL, 60, SMT_IMPORT_DATE_OUT_OF_RANGE, "", 0 },
    { SMT_CELL_DATE, NULL, 43866.75, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_NUMBER, NULL, 1975, SMT_IMPORT_DATE_YEAR, "", 1975 },
    { SMT_CELL_NUMBER, NULL, 43866, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_NUMBER, NULL, 5021980, SMT_IMPORT_DATE_FULL, "1980-02-05", 1980 },
    { SMT_CELL_NUMBER, NULL, 85, SMT_IMPORT_DATE_TWO_DIGIT, "", 0 },
    { SMT_CELL_NUMBER, NULL, 1850, SMT_IMPORT_DATE_OUT_OF_RANGE, "", 0 },
    { SMT_CELL_TEXT, "05/02/2020", 0, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_TEXT, "5/2/2020", 0, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_TEXT, "05-02-2020", 0, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_TEXT, "05.02.2020", 0, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_TEXT, " 2020-02-05 ", 0, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_TEXT, "02/2020", 0, SMT_IMPORT_DATE_YEAR, "", 2020 },
    { SMT_CELL_TEXT, "2/2020", 0, SMT_IMPORT_DATE_YEAR, "", 2020 },
    { SMT_CELL_TEXT, "2020", 0, SMT_IMPORT_DATE_YEAR, "", 2020 },
    { SMT_CELL_TEXT, "năm 2020", 0, SMT_IMPORT_DATE_YEAR, "", 2020 },
    { SMT_CELL_TEXT, "ngày 5 tháng 2 năm 2020", 0, SMT_IMPORT_DATE_FULL, "2020-02-05", 2020 },
    { SMT_CELL_TEXT, "05/02/20", 0, SMT_IMPORT_DATE_TWO_DIGIT, "", 0 },
    { SMT_CELL_TEXT, "85", 0, SMT_IMPORT_DATE_TWO_DIGIT, "", 0 },
    { SMT_CELL_TEXT, "32/13/2020", 0, SMT_IMPORT_DATE_BAD, "", 0 },
    { SMT_CELL_TEXT, "29/02/2019", 0, SMT_IMPORT_DATE_BAD, "", 0 },
    { SMT_CELL_TEXT, "29/02/2020", 0, SMT_IMPORT_DATE_FULL, "2020-02-29", 2020 },
    { SMT_CELL_TEXT, "05/02/2099", 0, SMT_IMPORT_DATE_OUT_OF_RANGE, "", 0 },
    { SMT_CELL_TEXT, "không rõ", 0, SMT_IMPORT_DATE_BAD, "", 0 },
    { SMT_CELL_TEXT, "1/2/3/2020", 0, SMT_IMPORT_DATE_BAD, "", 0 },
    { SMT_CELL_TEXT, "   ", 0, SMT_IMPORT_DATE_NONE, "", 0 },
    { SMT_CELL_EMPTY, NULL, 0, SMT_IMPORT_DATE_NONE, "", 0 },
    { SMT_CELL_BOOL, NULL, 1, SMT_IMPORT_DATE_BAD, "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SmtCell cell = { (char *) cases[i].text, cases[i].number, cases[i].kind, 0, 0 };
      char iso[11];
      int year = -1;
      SmtImportDate got = smt_import_read_date (&cell, 2026, iso, &year);

      if (got != cases[i].result)
        g_error ("case %u (%s %g): got %d, expected %d", i, cases[i].text ? cases[i].text : "",
                 cases[i].number, got, cases[i].result);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpint (year, ==, cases[i].year);
    }
}

static void
test_json_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GVariant) list = NULL;
  const char *s = NULL;
  double d = 0;
  gboolean b = FALSE;

  v = smt_json_parse ("\xEF\xBB\xBF{ \"a\": \"Nguy\\u1ec5n \\\"A\\\"\\n\", \"n\": -1.5e2,"
                      " \"t\": true, \"z\": null, \"l\": [1, \"x\", {\"k\": []},],"
                      " \"e\": \"\\ud83d\\ude00 Ấp\" }", -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_variant_is_of_type (v, G_VARIANT_TYPE ("a{sv}")));
  g_assert_true (g_variant_lookup (v, "a", "&s", &s));
  g_assert_cmpstr (s, ==, "Nguyễn \"A\"\n");
  g_assert_true (g_variant_lookup (v, "n", "d", &d));
  g_assert_cmpfloat (d, ==, -150);
  g_assert_true (g_variant_lookup (v, "t", "b", &b));
  g_assert_true (b);
  g_assert_true (g_variant_lookup (v, "e", "&s", &s));
  g_assert_cmpstr (s, ==, "\xF0\x9F\x98\x80 Ấp");
  list = g_variant_lookup_value (v, "l", G_VARIANT_TYPE ("av"));
  g_assert_nonnull (list);
  g_assert_cmpuint (g_variant_n_children (list), ==, 3);

  {
    static const char *const bad[] = {
      "", "{", "{\"a\" 1}", "{\"a\": 1,, }", "[1 2]", "\"open", "{\"a\": tru}", "01x",
      "[1] 2", "{\"a\": \"\x01\"}", "\"\\q\"", "[-]", "{1: 2}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) e = NULL;
        g_autoptr(GVariant) none = smt_json_parse (bad[i], -1, &e);

        if (none != NULL)
          g_error ("“%s” parsed", bad[i]);
        g_assert_error (e, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      }
  }

  {
    /* Deep nesting is refused, not a stack overflow. */
    g_autoptr(GString) deep = g_string_new (NULL);
    g_autoptr(GError) e = NULL;
    g_autoptr(GVariant) none = NULL;

    for (int i = 0; i < 10000; i++)
      g_string_append_c (deep, '[');
    none = smt_json_parse (deep->str, -1, &e);
    g_assert_null (none);
    g_assert_error (e, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/import/fields/guess", test_guess);
  g_test_add_func ("/import/fields/ids", test_ids);
  g_test_add_func ("/import/names", test_names);
  g_test_add_func ("/import/group-hamlet", test_group_hamlet);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/json-read", test_json_read);
  return g_test_run ();
}
