/* test-cli-new.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

/* `somattran new` for a real commune: its hamlets from a list as offices
 * type or paste them, organisations left out, one branch per hamlet. */

static gint64
count (const char *path,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = smt_register_open (path, &error);

  g_assert_no_error (error);
  return smt_register_query_int (reg, -1, sql);
}

static void
test_new_with_hamlets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-new-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xa-tan-lap.smt", NULL);
  g_autofree char *list = g_build_filename (dir, "ap.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Numbering, a blank line, a BOM, commas: Tân Hòa, Tân Lợi, Phú Mỹ, Mỹ
   * An; then --hamlet adds Thạnh Phú. */
  g_assert_true (g_file_set_contents (list, "\xef\xbb\xbf" "1. Ấp Tân Hòa\n2. Tân Lợi\n\n"
                                      "- Phú Mỹ, Mỹ An\n", -1, NULL));
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--commune", "Tân Lập",
                                 "--province", "Cần Thơ", "--hamlets-from", list,
                                 "--hamlet", "Ấp Thạnh Phú", "--without-org", "CTD",
                                 "--without-org", "kh", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Xã Tân Lập"));
  g_assert_nonnull (strstr (out, "5. Ấp Thạnh Phú"));
  g_assert_cmpint (count (path, "SELECT count(*) FROM hamlet"), ==, 5);
  g_assert_cmpint (count (path, "SELECT position FROM hamlet WHERE name = 'Ấp Mỹ An'"), ==, 4);
  g_assert_cmpint (count (path, "SELECT count(*) FROM organisation"), ==, 6);
  g_assert_cmpint (count (path, "SELECT count(*) FROM organisation WHERE code IN ('CTD', 'KH')"),
                   ==, 0);
  /* DTN, PN, ND, CCB, NCT × 5 hamlets; none for the Công đoàn. */
  g_assert_cmpint (count (path, "SELECT count(*) FROM branch"), ==, 25);
  g_assert_cmpint (count (path, "SELECT count(*) FROM branch b JOIN organisation o "
                                "ON o.id = b.organisation_id WHERE o.code = 'CD'"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM branch WHERE name = "
                                "'Chi hội Nông dân Ấp Mỹ An'"), ==, 1);
  g_assert_cmpint (smt_test_cli (&out, &err, "check", path, NULL), ==, 0);

  /* Never over an existing file. */
  before = smt_test_content_hash (path);
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--commune", "Khác", "--hamlet",
                                 "Ấp Một", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "đã có sẵn"));
  after = smt_test_content_hash (path);
  g_assert_cmpstr (before, ==, after);
  g_unlink (path);

  /* --branches none, thôn by default. */
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--name", "Đông Sơn", "--hamlet",
                                 "Đông", "--hamlet", "Tây", "--hamlet-kind", "thôn",
                                 "--branches", "none", NULL), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM branch"), ==, 0);
  g_assert_cmpint (count (path, "SELECT count(*) FROM hamlet WHERE kind = 'thôn' "
                                "AND name IN ('Thôn Đông', 'Thôn Tây')"), ==, 2);
  g_assert_cmpint (count (path, "SELECT count(*) FROM organisation"), ==, 8);

  smt_test_rm_rf (dir);
}

static void
test_new_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-new-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xa-tan-lap.smt", NULL);
  g_autofree char *list = g_build_filename (dir, "ap.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A hamlet twice in the list: said with its lines, nothing written. */
  g_assert_true (g_file_set_contents (list, "Ấp Tân Hòa\nẤp Tân Lợi\nẤp tân hòa\n", -1, NULL));
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--name", "Tân Lập",
                                 "--hamlets-from", list, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Ấp Tân Hòa"));
  g_assert_nonnull (strstr (err, "1"));
  g_assert_nonnull (strstr (err, "3"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Twice between the list and --hamlet. */
  g_assert_true (g_file_set_contents (list, "Ấp Tân Hòa\n", -1, NULL));
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--name", "Tân Lập",
                                 "--hamlets-from", list, "--hamlet", "Tân Hòa", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Ấp Tân Hòa"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An organisation the register does not propose; a wrong --branches. */
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--name", "Tân Lập",
                                 "--without-org", "XYZ", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "XYZ"));
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--name", "Tân Lập",
                                 "--branches", "some", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "new", path, "--name", "Tân Lập",
                                 "--hamlet-kind", "xóm", NULL), ==, 2);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/cli/new/hamlets", test_new_with_hamlets);
  g_test_add_func ("/cli/new/refused", test_new_refused);
  return g_test_run ();
}
