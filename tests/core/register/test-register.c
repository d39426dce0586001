/* test-register.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "core/check/smt-check.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "core/setup/smt-setup.h"
#include "io/files/smt-backup.h"
#include "smt-test-util.h"

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 v = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static void
test_create_and_open (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  sqlite3 *db = smt_register_get_db (t->reg);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = smt_register_dup_commune_title (t->reg);
  g_autoptr(SmtRegister) again = NULL;

  g_assert_cmpstr (title, ==, "Xã Hòa Điền");
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, SMT_APPLICATION_ID);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, SMT_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA synchronous"), ==, 2);  /* FULL */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_journal_mode WHERE "
                                "journal_mode = 'wal'"), ==, 1);
  /* every table is STRICT */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' "
                                "AND name NOT LIKE 'sqlite_%' AND strict = 0"), ==, 0);
  /* seeded organisations and the three rating scales (four levels each) */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM organisation"), ==, 8);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM organisation WHERE kind = "
                                "'socio_political'"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM rating_level"), ==, 12);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM rating_scale_use WHERE subject = "
                                "'member'"), ==, 1);
  /* keys carry the copy id in their high bits */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM organisation WHERE (id >> 39) = 4660"),
                   ==, 8);
  g_assert_cmpuint (smt_register_get_copy_id (t->reg), ==, 0x1234);

  /* A second writer is refused with a message naming the holder. */
  again = smt_register_open (t->path, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_BUSY);
  g_assert_null (again);
  g_clear_error (&error);

  /* Creating over an existing file is refused and leaves it alone. */
  {
    SmtCommuneFields c = { .name = "Khác" };
    g_autoptr(SmtRegister) other = smt_setup_new_register (t->path, &c, 1, NULL, &error);

    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_EXISTS);
    g_assert_null (other);
    g_clear_error (&error);
  }

  /* Closing releases the lock. */
  g_clear_object (&t->reg);
  t->reg = smt_register_open (t->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (smt_register_get_copy_id (t->reg), ==, 0x1234);
  smt_test_register_free (t);
}

static void
test_refuse_foreign_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-test-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.smt", NULL);
  g_autofree char *other = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.smt", NULL);
  SmtRegister *reg;
  sqlite3 *db;

  g_file_set_contents (text, "danh sách hội viên", -1, NULL);
  reg = smt_register_open (text, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL);
  sqlite3_close (db);
  reg = smt_register_open (other, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN);
  g_clear_error (&error);

  reg = smt_register_open (missing, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  smt_test_rm_rf (dir);
}

static void
test_refuse_newer (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;
  SmtRegister *reg;
  sqlite3 *db;

  g_clear_object (&t->reg);
  g_assert_cmpint (sqlite3_open (t->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (t->path, &before, &len_before, NULL);

  reg = smt_register_open (t->path, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "99"));
  /* nothing was changed */
  g_file_get_contents (t->path, &after, &len_after, NULL);
  g_assert_cmpmem (before, len_before, after, len_after);
  smt_test_register_free (t);
}

static void
test_append_only (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  sqlite3 *db = smt_register_get_db (t->reg);
  g_autoptr(GError) error = NULL;
  SmtPersonFields p = { .ho = "Lê", .chu_lot = "Thị", .ten = "Hoa", .sex = SMT_SEX_FEMALE,
                        .birth_year = 1980 };
  gint64 hamlet = smt_hamlet_add (t->reg, "Ấp 1", "ấp", &error);
  gint64 person = smt_person_add (t->reg, &p, &error);
  gint64 household = smt_household_add (t->reg, hamlet, "Số 1", NULL, &error);
  gint64 residence = smt_residence_move (t->reg, person, household, "2020-01-01", TRUE, NULL,
                                         &error);
  static const char *statements[] = {
    "UPDATE residence SET from_date = '2019-01-01'",
    "DELETE FROM residence",
    "UPDATE change_log SET reason = 'x'",
    "DELETE FROM change_log",
  };

  g_assert_no_error (error);
  g_assert_cmpint (residence, !=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      char *message = NULL;

      g_assert_cmpint (sqlite3_exec (db, statements[i], NULL, NULL, &message) & 0xff, ==,
                       SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (message, "append-only"));
      sqlite3_free (message);
    }
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM residence WHERE from_date = "
                                "'2020-01-01'"), ==, 1);
  smt_test_register_free (t);
}

static void
test_collator_change_rebuilds_keys (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  SmtPersonFields p = { .ho = "Nguyễn", .chu_lot = "Văn", .ten = "Ân", .sex = SMT_SEX_MALE,
                        .birth_year = 1970 };
  sqlite3 *db;

  g_assert_cmpint (smt_person_add (t->reg, &p, &error), !=, 0);
  db = smt_register_get_db (t->reg);
  /* Pretend the keys came from another ICU version. */
  sqlite3_exec (db, "UPDATE person SET sort_ten = x'00'; "
                    "UPDATE meta SET value = 'vi/0.0' WHERE key = 'collator_version'",
                NULL, NULL, NULL);
  g_assert_false (smt_register_check (t->reg, problems, NULL));
  g_ptr_array_set_size (problems, 0);

  g_clear_object (&t->reg);
  t->reg = smt_register_open (t->path, &error);
  g_assert_no_error (error);
  smt_register_set_today (t->reg, "2026-06-30");
  g_assert_true (smt_register_check (t->reg, problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
  smt_test_register_free (t);
}

static void
test_backup (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (t->dir, "copy.smt", NULL);
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autoptr(SmtRegister) reg = NULL;

  g_assert_cmpint (smt_hamlet_add (t->reg, "Ấp Hòa Bình", "ấp", &error), !=, 0);
  g_assert_true (smt_backup_write (t->reg, copy, &error));
  g_assert_no_error (error);
  /* not over an existing file */
  g_assert_false (smt_backup_write (t->reg, copy, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_EXISTS);
  g_clear_error (&error);

  reg = smt_register_open (copy, &error);
  g_assert_no_error (error);
  hash_a = smt_register_content_hash (t->reg, NULL);
  hash_b = smt_register_content_hash (reg, NULL);
  g_assert_cmpstr (hash_a, ==, hash_b);
  smt_test_register_free (t);
}

static void
test_write_rolls_back (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  sqlite3 *db = smt_register_get_db (t->reg);
  g_autoptr(GError) error = NULL;
  gint64 before = raw_int (db, "SELECT count(*) FROM change_log");
  gint64 hamlet;

  /* A batch that fails half-way keeps nothing, and keys are not reused. */
  g_assert_true (smt_register_begin (t->reg, &error));
  hamlet = smt_hamlet_add (t->reg, "Ấp 2", "ấp", &error);
  g_assert_cmpint (hamlet, !=, 0);
  smt_register_rollback (t->reg);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM hamlet"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM change_log"), ==, before);

  hamlet = smt_hamlet_add (t->reg, "Ấp 2", "ấp", &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM hamlet"), ==, 1);
  smt_test_register_free (t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/register/create-open", test_create_and_open);
  g_test_add_func ("/register/refuse-foreign-files", test_refuse_foreign_files);
  g_test_add_func ("/register/refuse-newer", test_refuse_newer);
  g_test_add_func ("/register/append-only", test_append_only);
  g_test_add_func ("/register/collator-change", test_collator_change_rebuilds_keys);
  g_test_add_func ("/register/backup", test_backup);
  g_test_add_func ("/register/write-rolls-back", test_write_rolls_back);
  return g_test_run ();
}
