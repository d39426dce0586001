/* test-migrations.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "core/check/smt-check.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "core/reports/smt-export-log.h"
#include "smt-test-util.h"

/* Registers of an older format, made as that version of the program made
 * them (its schema files, then a few rows written as it wrote them), are
 * brought to the current format when opened: every row kept, every rule of
 * the new format in force, and the check clean. */

#define COPY 0x1234
#define KEY(n) (((gint64) COPY << 39) | (n))

static char *
schema_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "register",
                                                 "schema", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s\n%s", message, sql);
}

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

/* A register of format version (1, 2 or 3) at path with one organisation, a
 * branch, two people, and ratings of a member and of a branch, one of them
 * corrected by a later row. */
static void
make_old_register (const char *path,
                   int         version)
{
  sqlite3 *db = NULL;
  g_autofree char *v1 = schema_file ("001-register.sql");
  g_autofree char *v2 = schema_file ("002-export-log.sql");
  g_autofree char *v3 = schema_file ("003-figures.sql");
  g_autofree char *rows = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_ok (db, "PRAGMA foreign_keys = ON; BEGIN");
  exec_ok (db, v1);
  if (version >= 2)
    exec_ok (db, v2);
  if (version >= 3)
    exec_ok (db, v3);
  rows = g_strdup_printf (
      "PRAGMA application_id = 1397576753;"
      "INSERT INTO meta VALUES ('copy_id', %d), ('key_seq', 1024),"
      "  ('created_at', '2020-01-01T00:00:00Z'), ('collator_version', 'old');"
      "INSERT INTO commune (id, name) VALUES (1, 'Hòa Điền');"
      "INSERT INTO hamlet (id, name, kind) VALUES (%" G_GINT64_FORMAT ", 'Ấp 1', 'ấp');"
      "INSERT INTO organisation (id, code, name, short_name, kind, min_age)"
      "  VALUES (%" G_GINT64_FORMAT ", 'PN', 'Hội Liên hiệp Phụ nữ Việt Nam', 'Phụ nữ',"
      "          'socio_political', 18);"
      "INSERT INTO branch (id, organisation_id, kind, name, founded_on)"
      "  VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'chi hội', 'Chi hội Phụ nữ Ấp 1',"
      "          '2015-01-01');"
      "INSERT INTO person (id, ho, ten, sex, birth_year, sort_ten, sort_lot, sort_ho, folded,"
      "                    created_at)"
      "  VALUES (%" G_GINT64_FORMAT ", 'Lê', 'Mai', 'F', 1980, x'01', x'01', x'01', 'le mai',"
      "          '2020-01-01T00:00:00Z');"
      "INSERT INTO rating_scale (id, code, name) VALUES (%" G_GINT64_FORMAT ", 'OLD', 'Cũ');"
      "INSERT INTO rating_level (id, scale_id, code, name, rank, counts_strong)"
      "  VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'VM', 'Vững mạnh', 1, 1),"
      "         (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'KHA', 'Khá', 2, 0);"
      "INSERT INTO rating_scale_use (id, scale_id, from_year, to_year)"
      "  VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1990, 2022);"
      "INSERT INTO rating (id, year, organisation_id, person_id, branch_id, level_id, reason,"
      "                    supersedes, voided, entered_at)"
      "  VALUES (%" G_GINT64_FORMAT ", 2019, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL,"
      "          %" G_GINT64_FORMAT ", '', NULL, 0, '2020-01-02T00:00:00Z'),"
      "         (%" G_GINT64_FORMAT ", 2019, %" G_GINT64_FORMAT ", NULL, %" G_GINT64_FORMAT ","
      "          %" G_GINT64_FORMAT ", '', NULL, 0, '2020-01-02T00:00:00Z'),"
      "         (%" G_GINT64_FORMAT ", 2019, %" G_GINT64_FORMAT ", NULL, %" G_GINT64_FORMAT ","
      "          %" G_GINT64_FORMAT ", 'sửa', %" G_GINT64_FORMAT ", 0, '2020-01-03T00:00:00Z');"
      "PRAGMA user_version = %d;",
      COPY, KEY (1), KEY (2), KEY (3), KEY (2), KEY (4), KEY (5), KEY (6), KEY (5), KEY (7),
      KEY (5), KEY (11), KEY (5), KEY (8), KEY (2), KEY (4), KEY (6), KEY (9), KEY (2), KEY (3), KEY (6),
      KEY (10), KEY (2), KEY (3), KEY (7), KEY (9), version);
  exec_ok (db, rows);
  exec_ok (db, "COMMIT");
  sqlite3_close (db);
}

static void
assert_migrated (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = smt_register_open (path, &error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  SmtReportParams params = { .kind = SMT_REPORT_BRANCH_MEMBERS, .branch_id = KEY (3),
                             .show_personal = TRUE };
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_nonnull (reg);
  db = smt_register_get_db (reg);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, SMT_SCHEMA_VERSION);

  /* Version 2: the export log, append-only. */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                "AND name IN ('export_log_no_update', 'export_log_no_delete')"),
                   ==, 2);
  g_assert_cmpint (smt_export_log_add (reg, &params, "/tmp/x.xlsx", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT personal_shown FROM export_log"), ==, 1);

  /* Version 3: every rating kept as it was, the correction still naming the
   * row it corrects, the table still append-only. */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM rating"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM rating WHERE person_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT supersedes FROM rating WHERE reason = 'sửa'"), ==,
                   KEY (9));
  g_assert_cmpint (raw_int (db, "SELECT level_id FROM rating WHERE reason = 'sửa'"), ==,
                   KEY (7));
  g_assert_cmpint (sqlite3_exec (db, "UPDATE rating SET year = 2020", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM rating", NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  /* A rating of the organisation itself (neither member nor branch) is
   * now a row the register takes; one of both at once still is not. */
  exec_ok (db, "INSERT INTO rating (year, organisation_id, level_id, entered_at) "
               "SELECT 2020, id, (SELECT id FROM rating_level WHERE code = 'VM'), 'x' "
               "FROM organisation");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO rating (year, organisation_id, person_id, "
                                     "branch_id, level_id, entered_at) SELECT 2020, "
                                     "organisation_id, person_id, "
                                     "(SELECT id FROM branch), level_id, 'x' FROM rating "
                                     "WHERE person_id IS NOT NULL", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* The new tables, append-only where they are history; the new columns
   * empty. */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                                "name IN ('restructure_no_update', 'restructure_no_delete', "
                                "'study_exception_no_update', 'study_exception_no_delete', "
                                "'person_trait_no_update', 'person_trait_no_delete')"), ==, 6);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('target') "
                                "WHERE name = 'scope'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('membership_event') "
                                "WHERE name = 'restructure_id'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('indicator_value') "
                                "WHERE name = 'organisation_id'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('rating_scale_use') "
                                "WHERE name = 'subject'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT trait_id IS NULL FROM organisation"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM trait"), ==, 0);
  /* every table is STRICT, the new ones too */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' "
                                "AND name NOT LIKE 'sqlite_%' AND strict = 0"), ==, 0);

  /* Version 4: the import batches and their undo, append-only; the rows an
   * import writes name it; history rows of no undone batch still cannot
   * be deleted. */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                                "name IN ('import_batch_no_update', 'import_batch_no_delete', "
                                "'import_undo_no_update', 'import_undo_no_delete', "
                                "'residence_no_delete', 'membership_event_no_delete')"), ==, 6);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('person') "
                                "WHERE name = 'import_batch_id'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('household') "
                                "WHERE name = 'import_batch_id'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('residence') "
                                "WHERE name = 'import_batch_id'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM pragma_table_info('membership_event') "
                                "WHERE name = 'import_batch_id'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM import_batch"), ==, 0);
  exec_ok (db, "INSERT INTO membership_event (id, person_id, organisation_id, branch_id, kind, "
               "date, entered_at) SELECT (4660 << 39) | 77, p.id, o.id, b.id, 'admitted', "
               "'2019-03-01', 'x' FROM person p, organisation o, branch b");
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM membership_event "
                                     "WHERE id = ((4660 << 39) | 77)", NULL, NULL, NULL) & 0xff,
                   ==, SQLITE_CONSTRAINT);

  g_assert_true (smt_register_check (reg, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_from (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-migrations-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "old.smt", NULL);

  g_assert_no_error (error);
  make_old_register (path, version);
  assert_migrated (path);
  smt_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_data_func ("/migrations/from-1", GINT_TO_POINTER (1), test_from);
  g_test_add_data_func ("/migrations/from-2", GINT_TO_POINTER (2), test_from);
  g_test_add_data_func ("/migrations/from-3", GINT_TO_POINTER (3), test_from);
  return g_test_run ();
}
