/* test-import-mapping.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "core/register/smt-locale.h"
#include "io/import/smt-import-mapping.h"

static void
txt (SmtSheet   *s,
     guint       r,
     guint       c,
     const char *text)
{
  smt_sheet_set_text (s, r, c, text, -1, SMT_TEXT_HINT_NONE, 0);
}

/* A small list: a title, a header, people. extra adds a column "Tôn giáo";
 * other writes other people and another title, with the same headers. */
static SmtSheet *
list (gboolean extra,
      gboolean other)
{
  SmtSheet *s = smt_sheet_new ("Sheet1");
  static const char *const header[] = { "STT", "Họ và tên", "Năm sinh", "Ấp", "Ghi chú" };
  guint n = G_N_ELEMENTS (header);

  txt (s, 0, 0, other ? "DANH SÁCH THÁNG 3" : "DANH SÁCH THÁNG 2");
  for (guint c = 0; c < n; c++)
    txt (s, 2, c, header[c]);
  if (extra)
    txt (s, 2, n, "Tôn giáo");
  for (guint r = 3; r < (other ? 9u : 6u); r++)
    {
      smt_sheet_set_number (s, r, 0, SMT_CELL_NUMBER, r - 2);
      txt (s, r, 1, other ? "Lê Văn Tám" : "Nguyễn Văn An");
      smt_sheet_set_number (s, r, 2, SMT_CELL_NUMBER, 1970 + r);
      txt (s, r, 3, "Ấp 1");
    }
  /* a stray value far to the right in a data row widens the sheet */
  if (other)
    txt (s, 8, 9, "?");
  return s;
}

static void
test_signature (void)
{
  g_autoptr(SmtSheet) a = list (FALSE, FALSE);
  g_autoptr(SmtSheet) b = list (FALSE, TRUE);
  g_autoptr(SmtSheet) c = list (TRUE, FALSE);
  g_autoptr(SmtSheetLayout) la = smt_sheet_layout_detect (a);
  g_autoptr(SmtSheetLayout) lb = smt_sheet_layout_detect (b);
  g_autoptr(SmtSheetLayout) lc = smt_sheet_layout_detect (c);
  g_autofree char *sa = smt_import_mapping_signature (la);
  g_autofree char *sb = smt_import_mapping_signature (lb);
  g_autofree char *sc = smt_import_mapping_signature (lc);

  g_assert_cmpuint (strlen (sa), ==, 64);
  g_assert_cmpuint (la->n_cols, !=, lb->n_cols);
  g_assert_cmpstr (sa, ==, sb);       /* same headers, other data */
  g_assert_cmpstr (sa, !=, sc);       /* a column added */
}

static void
assert_same_mapping (const SmtImportMapping *a,
                     const SmtImportMapping *b)
{
  g_assert_cmpuint (a->header_row, ==, b->header_row);
  g_assert_cmpuint (a->header_rows, ==, b->header_rows);
  g_assert_cmpuint (a->n_cols, ==, b->n_cols);
  g_assert_cmpstr (a->signature, ==, b->signature);
  for (guint c = 0; c < a->n_cols; c++)
    {
      g_assert_cmpint (a->fields[c], ==, b->fields[c]);
      g_assert_cmpstr (a->encodings[c], ==, b->encodings[c]);
      g_assert_cmpstr (a->headers[c], ==, b->headers[c]);
    }
}

static void
test_json_round_trip (void)
{
  g_autoptr(SmtSheet) sheet = list (FALSE, FALSE);
  g_autoptr(SmtSheetLayout) layout = smt_sheet_layout_detect (sheet);
  g_autoptr(SmtImportMapping) m = smt_import_mapping_new_guessed (layout);
  g_autoptr(SmtImportMapping) back = NULL;
  g_autoptr(SmtImportMapping) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpuint (m->header_row, ==, 2);
  g_assert_cmpint (m->fields[1], ==, SMT_IMPORT_FIELD_FULL_NAME);
  g_assert_cmpint (m->fields[3], ==, SMT_IMPORT_FIELD_HAMLET);
  /* the user's choices */
  m->fields[4] = SMT_IMPORT_FIELD_IGNORE;
  g_free (m->encodings[1]);
  m->encodings[1] = g_strdup ("tcvn3");
  g_free (m->headers[4]);
  m->headers[4] = g_strdup ("Ghi chú \"khác\"\n\\ ✓");

  json = smt_import_mapping_to_json (m);
  g_test_message ("%s", json);
  g_assert_nonnull (strstr (json, "\"header_row\":3"));
  g_assert_nonnull (strstr (json, "\"field\":\"full_name\""));
  back = smt_import_mapping_from_json (json, -1, &error);
  g_assert_no_error (error);
  assert_same_mapping (m, back);
  copy = smt_import_mapping_copy (back);
  assert_same_mapping (m, copy);
}

static void
test_json_by_hand (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtImportMapping) m = NULL;

  /* written by hand: columns by letter in any order, no header row (find
   * it), a trailing comma */
  m = smt_import_mapping_from_json ("{\"version\": 1, \"columns\": ["
                                    " {\"column\": \"C\", \"field\": \"birth_year_female\"},"
                                    " {\"column\": \"b\", \"field\": \"full_name\","
                                    "  \"encoding\": \"vni\"},]}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->header_row, ==, SMT_IMPORT_HEADER_ROW_FIND);
  g_assert_cmpuint (m->n_cols, ==, 3);
  g_assert_cmpint (m->fields[0], ==, SMT_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (m->fields[1], ==, SMT_IMPORT_FIELD_FULL_NAME);
  g_assert_cmpint (m->fields[2], ==, SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE);
  g_assert_cmpstr (m->encodings[1], ==, "vni");
  g_assert_cmpstr (m->encodings[0], ==, "");
  g_assert_cmpint (smt_import_mapping_field (m, 7), ==, SMT_IMPORT_FIELD_IGNORE);
  g_clear_pointer (&m, smt_import_mapping_free);

  {
    static const char *const bad[] = {
      "[]",
      "{\"version\": 2, \"columns\": []}",
      "{\"version\": 1}",
      "{\"version\": 1, \"header_row\": 0, \"columns\": []}",
      "{\"version\": 1, \"header_row\": 1.5, \"columns\": []}",
      "{\"version\": 1, \"columns\": [{\"column\": \"A1\", \"field\": \"ten\"}]}",
      "{\"version\": 1, \"columns\": [{\"field\": \"nam_sinh\"}]}",
      "{\"version\": 1, \"columns\": [3]}",
      "{\"version\": 1, \"columns\": [",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) e = NULL;

        m = smt_import_mapping_from_json (bad[i], -1, &e);
        if (m != NULL)
          g_error ("“%s” accepted", bad[i]);
        g_assert_error (e, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      }
  }

  {
    g_autofree char *a = smt_import_column_name (0);
    g_autofree char *z = smt_import_column_name (25);
    g_autofree char *aa = smt_import_column_name (26);
    g_autofree char *xfd = smt_import_column_name (16383);

    g_assert_cmpstr (a, ==, "A");
    g_assert_cmpstr (z, ==, "Z");
    g_assert_cmpstr (aa, ==, "AA");
    g_assert_cmpstr (xfd, ==, "XFD");
    g_assert_cmpint (smt_import_column_from_name ("XFD"), ==, 16383);
    g_assert_cmpint (smt_import_column_from_name ("aa"), ==, 26);
    g_assert_cmpint (smt_import_column_from_name (""), ==, -1);
  }
}

static void
test_remembered (void)
{
  g_autofree char *dir = g_dir_make_tmp ("smt-mappings-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(SmtSheet) a = list (FALSE, FALSE);
  g_autoptr(SmtSheet) b = list (FALSE, TRUE);
  g_autoptr(SmtSheet) c = list (TRUE, FALSE);
  g_autoptr(SmtSheetLayout) la = smt_sheet_layout_detect (a);
  g_autoptr(SmtSheetLayout) lb = smt_sheet_layout_detect (b);
  g_autoptr(SmtSheetLayout) lc = smt_sheet_layout_detect (c);
  g_autoptr(SmtImportMapping) ma = smt_import_mapping_new_guessed (la);
  g_autoptr(SmtImportMapping) mc = smt_import_mapping_new_guessed (lc);
  g_autoptr(SmtImportMapping) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sb = smt_import_mapping_signature (lb);

  g_setenv ("SMT_IMPORT_MAPPINGS_DIR", dir, TRUE);
  path = smt_import_mappings_path ();
  g_assert_true (g_str_has_prefix (path, dir));

  found = smt_import_mappings_lookup (ma->signature, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  ma->fields[4] = SMT_IMPORT_FIELD_BRANCH;
  g_free (ma->encodings[1]);
  ma->encodings[1] = g_strdup ("tcvn3");
  g_assert_true (smt_import_mappings_remember (ma, &error));
  g_assert_no_error (error);
  g_assert_true (smt_import_mappings_remember (mc, &error));
  g_assert_no_error (error);

  /* next month's file of the same shape finds this month's choices */
  found = smt_import_mappings_lookup (sb, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  assert_same_mapping (ma, found);
  g_clear_pointer (&found, smt_import_mapping_free);
  found = smt_import_mappings_lookup (mc->signature, &error);
  assert_same_mapping (mc, found);
  g_clear_pointer (&found, smt_import_mapping_free);

  /* remembered again: replaced, not doubled */
  ma->fields[4] = SMT_IMPORT_FIELD_NOTE;
  g_assert_true (smt_import_mappings_remember (ma, &error));
  found = smt_import_mappings_lookup (ma->signature, &error);
  g_assert_cmpint (found->fields[4], ==, SMT_IMPORT_FIELD_NOTE);
  g_clear_pointer (&found, smt_import_mapping_free);
  {
    g_autofree char *text = NULL;
    const char *p;
    guint n = 0;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    for (p = text; (p = strstr (p, ma->signature)) != NULL; p++)
      n++;
    g_assert_cmpuint (n, ==, 2);   /* the key and the entry's own signature */
  }

  /* a damaged file is kept aside and a new one started */
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"mappings\": {", -1, NULL));
  found = smt_import_mappings_lookup (ma->signature, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_true (smt_import_mappings_remember (mc, &error));
  g_assert_no_error (error);
  bad = g_strconcat (path, ".bad", NULL);
  g_assert_true (g_file_test (bad, G_FILE_TEST_EXISTS));
  found = smt_import_mappings_lookup (mc->signature, &error);
  g_assert_nonnull (found);

  g_unlink (bad);
  g_unlink (path);
  g_rmdir (dir);
  g_unsetenv ("SMT_IMPORT_MAPPINGS_DIR");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/import/mapping/signature", test_signature);
  g_test_add_func ("/import/mapping/json-round-trip", test_json_round_trip);
  g_test_add_func ("/import/mapping/json-by-hand", test_json_by_hand);
  g_test_add_func ("/import/mapping/remembered", test_remembered);
  return g_test_run ();
}
