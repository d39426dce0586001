/* test-text.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/register/smt-text.h"

static void
test_normalize (void)
{
  static const struct { const char *input, *expected; } cases[] = {
    /* decomposed (NFD, as some keyboards type) → composed */
    { "Nguye\xcc\x82\xcc\x83n", "Nguyễn" },
    { "Lê  Văn\tBa", "Lê Văn Ba" },
    { "Đặng", "Đặng" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = smt_text_normalize (cases[i].input);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }
  {
    /* "Trần Thị" typed decomposed with extra spaces */
    g_autofree char *out = smt_text_normalize ("  Tra\xcc\x82\xcc\x80n   Thi\xcc\xa3 ");

    g_assert_cmpstr (out, ==, "Trần Thị");
    g_assert_true (g_utf8_validate (out, -1, NULL));
  }
  g_assert_null (smt_text_normalize ("\xff\xfe"));
}

static void
test_fold (void)
{
  static const struct { const char *input, *expected; } cases[] = {
    { "Nguyễn Văn Ân", "nguyen van an" },
    { "Đặng Thị Diễm", "dang thi diem" },
    { "ĐỖ  MỸ   LỆ", "do my le" },
    { "Nguye\xcc\x82\xcc\x83n", "nguyen" },
    { "Trương Ơn Ưng", "truong on ung" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = smt_text_fold (cases[i].input);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static int
key_cmp (const char *a,
         const char *b)
{
  g_autoptr(GBytes) ka = smt_text_sort_key (a);
  g_autoptr(GBytes) kb = smt_text_sort_key (b);
  gsize la, lb;
  const guint8 *da = g_bytes_get_data (ka, &la);
  const guint8 *db = g_bytes_get_data (kb, &lb);
  int r = memcmp (da, db, MIN (la, lb));

  return r != 0 ? r : (la > lb) - (la < lb);
}

static void
test_sort_keys (void)
{
  /* Vietnamese alphabet a ă â b c d đ e ê …, tones ngang < huyền < hỏi <
   * ngã < sắc < nặng; compared as bytes, the way SQLite compares BLOBs. */
  static const char *ordered[] = {
    "a", "à", "ả", "ã", "á", "ạ", "An", "Anh", "Ánh", "ă", "Ăn", "â", "Ân", "b", "Bích", "Bình",
    "c", "Chi", "Cường", "d", "Dung", "Dũng", "đ", "Đạt", "Đức", "e", "ê", "o", "ô", "ơ",
    "u", "ư", "y", "Yến",
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (ordered); i++)
    {
      if (key_cmp (ordered[i], ordered[i + 1]) >= 0)
        g_error ("“%s” should sort before “%s”", ordered[i], ordered[i + 1]);
    }
  g_assert_cmpint (key_cmp ("Lệ", "Lệ"), ==, 0);
  g_assert_nonnull (smt_text_collator_version ());
  g_assert_true (g_str_has_prefix (smt_text_collator_version (), "vi/"));
}

static void
test_compare_names (void)
{
  /* by tên, then chữ lót, then họ */
  g_assert_cmpint (smt_text_compare_names ("Trần", "Văn", "An", "Nguyễn", "Văn", "Bình"), <, 0);
  g_assert_cmpint (smt_text_compare_names ("Trần", "Văn", "An", "Lê", "Văn", "An"), >, 0);
  g_assert_cmpint (smt_text_compare_names ("Trần", "Thị", "An", "Lê", "Văn", "An"), <, 0);
  g_assert_cmpint (smt_text_compare_names ("Dương", "Văn", "Tài", "Đinh", "Văn", "Tài"), <, 0);
}

static void
test_split_name (void)
{
  static const struct { const char *full, *ho, *lot, *ten; } cases[] = {
    { "Nguyễn Thị Mỹ Lệ", "Nguyễn", "Thị Mỹ", "Lệ" },
    { "Lê Ba", "Lê", "", "Ba" },
    { "  Trần   Văn  An ", "Trần", "Văn", "An" },
    { "Hà", "", "", "Hà" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ho = NULL;
      g_autofree char *lot = NULL;
      g_autofree char *ten = NULL;

      smt_text_split_name (cases[i].full, &ho, &lot, &ten);
      g_assert_cmpstr (ho, ==, cases[i].ho);
      g_assert_cmpstr (lot, ==, cases[i].lot);
      g_assert_cmpstr (ten, ==, cases[i].ten);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/sort-keys", test_sort_keys);
  g_test_add_func ("/text/compare-names", test_compare_names);
  g_test_add_func ("/text/split-name", test_split_name);
  return g_test_run ();
}
