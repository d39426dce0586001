/* test-cli.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-text.h"
#include "smt-test-util.h"

/* Runs the built somattran (or another program) and returns its exit
 * status, with stdout and stderr. */
static int
run (char       **out,
     char       **err,
     const char  *program,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *) program);
  va_start (args, program);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static const char *
exe (void)
{
  const char *path = g_getenv ("SMT_EXE");

  g_assert_nonnull (path);
  return path;
}

static char *
hash_line (const char *check_output)
{
  const char *p = strstr (check_output, "SHA-256");

  g_assert_nonnull (p);
  return g_strndup (p, strcspn (p, "\n"));
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, exe (), "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "somattran demo"));
  g_assert_nonnull (strstr (out, "somattran check"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "somattran backup"));
  g_assert_nonnull (strstr (out, "somattran overview"));
  g_assert_nonnull (strstr (out, "somattran person"));
  g_assert_nonnull (strstr (out, "somattran organisations"));
  g_assert_nonnull (strstr (out, "somattran branches"));
  g_assert_nonnull (strstr (out, "somattran event"));
}

static void
test_demo_check_people_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.smt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.smt", NULL);
  g_autofree char *c = g_build_filename (dir, "c.smt", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.smt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_c = NULL;
  g_autofree char *hash_copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_assert_cmpint (run (&out, &err, exe (), "demo", a, "--people", "400", "--seed", "5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "demo", b, "--people", "400", "--seed", "5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "demo", c, "--people", "400", "--seed", "6", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* same seed, same content; another seed, another commune; all clean */
  g_assert_cmpint (run (&out, &err, exe (), "check", a, NULL), ==, 0);
  hash_a = hash_line (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "check", b, NULL), ==, 0);
  hash_b = hash_line (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "check", c, NULL), ==, 0);
  hash_c = hash_line (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpstr (hash_a, ==, hash_b);
  g_assert_cmpstr (hash_a, !=, hash_c);

  /* demo over an existing file: refused, file untouched */
  g_file_get_contents (a, &before, NULL, NULL);
  g_assert_cmpint (run (&out, &err, exe (), "demo", a, "--people", "10", NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
  g_file_get_contents (a, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* people: search ignores tones and đ, and every line matches */
  g_assert_cmpint (run (&out, &err, exe (), "people", a, "--search", "nguyen", "--limit", "0",
                        NULL), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >, 10);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *name = g_strndup (lines[i], strcspn (lines[i], "\t"));
      g_autofree char *folded = smt_text_fold (name);

      g_assert_nonnull (strstr (folded, "nguyen"));
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* backup: a copy with the same content */
  g_assert_cmpint (run (&out, &err, exe (), "backup", a, copy, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "check", copy, NULL), ==, 0);
  hash_copy = hash_line (out);
  g_assert_cmpstr (hash_copy, ==, hash_a);

  smt_test_rm_rf (dir);
}

/* The must-have of history: the sqlite3 shell itself cannot rewrite it. */
static void
test_sqlite_shell_cannot_rewrite (void)
{
  const char *sqlite3 = g_getenv ("SMT_SQLITE3");
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.smt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *count_before = NULL;
  static const char *statements[] = {
    "UPDATE membership_event SET date = '2000-01-01' WHERE kind = 'admitted';",
    "DELETE FROM membership_event;",
    "UPDATE membership_event SET kind = 'left' WHERE rowid IN "
    "(SELECT rowid FROM membership_event LIMIT 1);",
  };

  if (sqlite3 == NULL || !g_file_test (sqlite3, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the sqlite3 shell is not installed");
      return;
    }
  g_assert_cmpint (run (&out, &err, exe (), "demo", a, "--people", "200", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&count_before, &err, sqlite3, a,
                        "SELECT count(*), sum(length(date)) FROM membership_event;", NULL), ==, 0);
  g_assert_cmpstr (count_before, !=, "0\n");
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autofree char *count_after = NULL;

      g_assert_cmpint (run (&out, &err, sqlite3, a, statements[i], NULL), !=, 0);
      g_assert_nonnull (strstr (err, "append-only"));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (&count_after, &err, sqlite3, a,
                            "SELECT count(*), sum(length(date)) FROM membership_event;", NULL),
                       ==, 0);
      g_assert_cmpstr (count_after, ==, count_before);
      g_clear_pointer (&err, g_free);
    }
  smt_test_rm_rf (dir);
}

/* somattran person: personal data masked unless asked. */
static void
test_person (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtPersonFields fields = {
    "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1981-05-10", 1981, "Kinh", "Phật giáo",
    "079181001234", "0912345678",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 id;

  id = smt_person_add (t->reg, &fields, &error);
  g_assert_no_error (error);
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* release the writer lock for the program */
  g_clear_object (&t->reg);

  g_assert_cmpint (run (&out, &err, exe (), "person", t->path, key, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nguyễn Thị Lan"));
  g_assert_nonnull (strstr (out, "Thông tin"));
  g_assert_nonnull (strstr (out, "•••••••••234"));
  g_assert_nonnull (strstr (out, "•••••••678"));
  g_assert_null (strstr (out, "079181001234"));
  g_assert_null (strstr (out, "0912345678"));
  g_assert_null (strstr (out, "Kinh"));
  g_assert_null (strstr (out, "Phật giáo"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "person", t->path, key, "--show-personal", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "079181001234"));
  g_assert_nonnull (strstr (out, "0912345678"));
  g_assert_nonnull (strstr (out, "Kinh"));
  g_assert_nonnull (strstr (out, "Phật giáo"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "person", t->path, key, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"cccd\":\"•••••••••234\""));
  g_assert_nonnull (strstr (out, "\"ethnicity\":\"•••\""));
  g_assert_nonnull (strstr (out, "\"personal_shown\":false"));
  g_assert_null (strstr (out, "079181001234"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "person", t->path, key, "--json", "--show-personal",
                        NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"cccd\":\"079181001234\""));
  g_assert_nonnull (strstr (out, "\"religion\":\"Phật giáo\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* an unknown key: a Vietnamese message, exit 2 */
  g_assert_cmpint (run (&out, &err, exe (), "person", t->path, "4242", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Không có người"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "person", t->path, "Lan", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "không phải là mã"));

  smt_test_register_free (t);
}

/* somattran people with filters: they combine, and a bad value is refused
 * in Vietnamese. Lan (F, Party, Phụ nữ since 2010), Nam (M, Party, never
 * a member), Hoa (F, born 1990, never a member). */
static void
test_people_filters (void)
{
  static const SmtPersonFields people[] = {
    { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1981-05-10", 1981, .party_since = "2010-05-19" },
    { "Phạm", "Văn", "Nam", SMT_SEX_MALE, "1970-01-01", 1970, .party_since = "1995-01-01" },
    { "Trần", "Thị", "Hoa", SMT_SEX_FEMALE, NULL, 1990 },
  };
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 ids[G_N_ELEMENTS (people)];
  gint64 pn = smt_organisation_lookup (t->reg, "PN");
  gint64 hamlet = smt_hamlet_add (t->reg, "Ấp 1", "ấp", &error);
  gint64 branch = smt_branch_add (t->reg, pn, 0, "chi hội", "Chi hội Phụ nữ Ấp 1", &hamlet, 1,
                                  "2000-01-01", &error);
  SmtMembershipChange admit = { .kind = SMT_EVENT_ADMITTED, .organisation_id = pn,
                                .branch_id = branch, .date = "2010-01-01" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      ids[i] = smt_person_add (t->reg, &people[i], &error);
      g_assert_no_error (error);
    }
  admit.person_id = ids[0];
  g_assert_cmpint (smt_membership_record (t->reg, &admit, &error), !=, 0);
  g_assert_no_error (error);
  g_clear_object (&t->reg);

  /* women in the Party: Lan */
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--sex", "nữ", "--party", "yes",
                        NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nguyễn Thị Lan"));
  g_assert_null (strstr (out, "Hoa"));
  g_assert_null (strstr (out, "Nam"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* never a member, 40 and over: Nam; M is accepted for nam */
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--status", "never",
                        "--age-min", "40", "--sex", "M", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Phạm Văn Nam"));
  g_assert_null (strstr (out, "Lan"));
  g_assert_null (strstr (out, "Hoa"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* members of Phụ nữ: Lan only */
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--org", "PN", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nguyễn Thị Lan"));
  g_assert_null (strstr (out, "Hoa"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* bad values: exit 2, a Vietnamese refusal, nothing listed */
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--sex", "x", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "không phải"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--status", "gone", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "không phải"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--org", "XYZ", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "XYZ"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* by birth year, youngest first: Hoa 1990, Lan 1981, Nam 1970 */
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--sort", "birth-year", "--desc",
                        NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Trần Thị Hoa\t1990"));
  g_assert_nonnull (strstr (out, "Lan\t1981"));
  g_assert_true (strstr (out, "Lan\t1981") < strstr (out, "Nam\t1970"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "people", t->path, "--sort", "tuoi", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "không phải"));

  smt_test_register_free (t);
}

static void
test_errors_are_vietnamese (void)
{
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-XXXXXX", NULL);
  g_autofree char *notes = g_build_filename (dir, "ghi-chu.smt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_file_set_contents (notes, "không phải sổ", -1, NULL);
  g_assert_cmpint (run (&out, &err, exe (), "check", notes, NULL), ==, 2);
  /* translated: "… không phải là sổ của Sổ Mặt trận …" */
  g_assert_nonnull (strstr (err, "Lỗi:"));
  g_assert_nonnull (strstr (err, "không phải"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "demo", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "tệp"));
  smt_test_rm_rf (dir);
}

/* The integer after "key": at or after from; fails the test when absent. */
static gint64
json_int (const char *from,
          const char *key)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (from, quoted);

  g_assert_nonnull (p);
  return g_ascii_strtoll (p + strlen (quoted), NULL, 10);
}

/* The overview's members are the indicators' members_total of the month. */
static void
test_overview (void)
{
  static const char *keys[] = {
    "month", "day", "people", "households", "members", "memberships", "organisations",
    "branches", "without_meeting", "rating_year", "members_rated", "branches_rated",
    "to_confirm", "organisation_id", "code", "name", "away",
  };
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.smt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *indicators = NULL;
  const char *total;

  g_assert_cmpint (run (&out, &err, exe (), "demo", a, "--people", "400", "--seed", "5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "overview", a, "--month", "2026-10", "--json", NULL),
                   ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"month\":\"2026-10\",\"day\":\"2026-10-31\","));
  g_assert_true (g_str_has_suffix (out, "}\n"));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\":", keys[i]);

      g_assert_nonnull (strstr (out, quoted));
    }
  g_assert_cmpint (json_int (out, "people"), >, 300);
  g_assert_cmpint (json_int (out, "members"), >, 0);

  /* Tổng quan counts every organisation the office keeps, the mass
   * associations too: the indicators under that scope. */
  g_assert_cmpint (run (&indicators, &err, exe (), "indicators", a, "--period", "2026-10",
                        "--scope", "socio_political,mass", "--json", NULL), ==, 0);
  total = strstr (indicators, "\"code\":\"members_total\"");
  g_assert_nonnull (total);
  g_assert_cmpint (json_int (out, "members"), ==, json_int (total, "numerator"));
  total = strstr (indicators, "\"code\":\"memberships_total\"");
  g_assert_nonnull (total);
  g_assert_cmpint (json_int (out, "memberships"), ==, json_int (total, "numerator"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The text form, in Vietnamese; a month to come is refused. */
  g_assert_cmpint (run (&out, &err, exe (), "overview", a, "--month", "2026-10", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Tháng 10/2026"));
  g_assert_nonnull (strstr (out, "31/10/2026"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "overview", a, "--month", "2099-01", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Lỗi:"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "overview", a, "--month", "10/2026", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "2026-"));

  smt_test_rm_rf (dir);
}

/* organisations and branches; the branches' members add up to the
 * indicators' memberships_total on the month's last day. */
static void
test_organisations_branches (void)
{
  static const char *codes[] = { "DTN", "PN", "ND", "CCB", "CD", "NCT", "CTD", "KH" };
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.smt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *indicators = NULL;
  const char *p, *total;
  gint64 sum = 0;
  guint n = 0;

  g_assert_cmpint (run (&out, &err, exe (), "demo", a, "--people", "400", "--seed", "5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "organisations", a, "--json", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "[{\"id\":"));
  for (p = out; (p = strstr (p, "\"code\":\"")) != NULL; p++)
    {
      g_autofree char *code = g_strndup (p + 8, strcspn (p + 8, "\""));

      g_assert_cmpuint (n, <, G_N_ELEMENTS (codes));
      g_assert_cmpstr (code, ==, codes[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (codes));
  g_assert_nonnull (strstr (out, "\"member_word\":\"hội viên\""));
  g_assert_nonnull (strstr (out, "\"sex\":\"F\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "organisations", a, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Hội Liên hiệp Phụ nữ Việt Nam"));
  g_assert_nonnull (strstr (out, "chính trị - xã hội"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "branches", a, "--org", "PN", "--date", "2026-10-31",
                        "--json", NULL), ==, 0);
  n = 0;
  for (p = out; (p = strstr (p, "\"members\":")) != NULL; p++)
    {
      sum += json_int (p, "members");
      n++;
    }
  g_assert_cmpuint (n, >, 3);
  g_assert_nonnull (strstr (out, "\"kind\":\"chi hội\""));
  g_assert_cmpint (run (&indicators, &err, exe (), "indicators", a, "--period", "2026-10",
                        "--org", "PN", "--json", NULL), ==, 0);
  total = strstr (indicators, "\"code\":\"memberships_total\"");
  g_assert_nonnull (total);
  g_assert_cmpint (sum, >, 0);
  g_assert_cmpint (sum, ==, json_int (total, "numerator"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the text form, in Vietnamese, with the numbers the Vietnamese way */
  g_assert_cmpint (run (&out, &err, exe (), "branches", a, "--date", "2026-10-31", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "31/10/2026"));
  g_assert_nonnull (strstr (out, "Chi đoàn"));
  g_assert_nonnull (strstr (out, "Hội Nông dân Việt Nam"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a bad date, an unknown code */
  g_assert_cmpint (run (&out, &err, exe (), "branches", a, "--date", "31/13/2026", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Lỗi:"));
  g_assert_nonnull (strstr (err, "2026-02-05"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "branches", a, "--org", "XX", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "XX"));

  smt_test_rm_rf (dir);
}

/* One branch: its members on a day as many as `branches` counts, by
 * given name, with its leaders; a bad key refused. */
static void
test_branch (void)
{
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.smt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  const char *p;
  gint64 members = 0;
  guint n = 0;

  g_assert_cmpint (run (&out, &err, exe (), "demo", a, "--people", "400", "--seed", "5", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The first branch of the Women's Union with members. */
  g_assert_cmpint (run (&out, &err, exe (), "branches", a, "--org", "PN", "--date", "2026-10-31",
                        "--json", NULL), ==, 0);
  for (p = out; (p = strstr (p, "{\"id\":")) != NULL; p++)
    if ((members = json_int (p, "members")) > 0)
      {
        id = g_strdup_printf ("%" G_GINT64_FORMAT, json_int (p, "id"));
        break;
      }
  g_assert_nonnull (id);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "branch", a, id, "--date", "2026-10-31", "--json",
                        NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"id\":"));
  g_assert_nonnull (strstr (out, "\"leaders\":["));
  /* "members": the branch's own; "groups": its tổ hội with theirs. */
  for (p = strstr (out, "\"members\":["); p != NULL && (p = strstr (p, "\"since\":")) != NULL
       && (strstr (out, "\"groups\":[") == NULL || p < strstr (out, "\"groups\":[")); p++)
    n++;
  g_assert_cmpint (n, ==, members);
  g_assert_nonnull (strstr (out, "\"groups\":["));
  g_assert_cmpint (json_int (out, "members_total"), >=, members);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A chi hội with a tổ hội of members: its list shows them under the tổ
   * hội's name, and counts them. */
  {
    g_autofree char *list = NULL;
    g_autofree char *group_name = NULL;
    g_autofree char *parent = NULL;
    gint64 in_group = 0;

    g_assert_cmpint (run (&list, &err, exe (), "branches", a, "--date", "2026-10-31", "--json",
                          NULL), ==, 0);
    g_clear_pointer (&err, g_free);
    for (p = list; parent == NULL && (p = strstr (p, "{\"id\":")) != NULL; p++)
      {
        const char *q = strstr (p, "\"parent_id\":") + strlen ("\"parent_id\":");
        const char *name = strstr (p, "\"name\":\"") + strlen ("\"name\":\"");

        if (*q == 'n' || (in_group = json_int (p, "members")) == 0)
          continue;
        parent = g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (q, NULL, 10));
        group_name = g_strndup (name, strchr (name, '"') - name);
      }
    g_assert_nonnull (parent);
    g_assert_cmpint (run (&out, &err, exe (), "branch", a, parent, "--date", "2026-10-31",
                          NULL), ==, 0);
    {
      g_autofree char *heading = g_strdup_printf ("  %s (%" G_GINT64_FORMAT ")\n", group_name,
                                                  in_group);

      g_assert_nonnull (strstr (out, heading));
    }
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* the text form, in Vietnamese */
  g_assert_cmpint (run (&out, &err, exe (), "branch", a, id, "--date", "2026-10-31", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Người đứng đầu"));
  g_assert_nonnull (strstr (out, "Họ và tên"));
  g_assert_nonnull (strstr (out, "31/10/2026"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* not a key, a key no branch has */
  g_assert_cmpint (run (&out, &err, exe (), "branch", a, "ấp", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "somattran branches"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "branch", a, "99", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "99"));

  smt_test_rm_rf (dir);
}

/* The content hash that `somattran check` prints. */
static char *
content_hash (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, exe (), "check", path, NULL), ==, 0);
  return hash_line (out);
}

/* The key on the "Mã …: KEY" line the event command ends with. */
static char *
event_key (const char *out)
{
  const char *p = strrchr (g_strchomp ((char *) out), ' ');

  g_assert_nonnull (p);
  g_assert_true (g_ascii_isdigit (p[1]));
  return g_strdup (p + 1);
}

/* somattran event: what the Biến động dialogs do, without a display. */
static void
test_event (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtPersonFields fields = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1981-05-10", 1981 };
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *admitted = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 hamlet, id;

  hamlet = smt_hamlet_add (t->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  id = smt_branch_add (t->reg, smt_organisation_lookup (t->reg, "PN"), 0, "chi hội",
                       "Chi hội Phụ nữ Ấp 1", &hamlet, 1, "2000-01-01", &error);
  g_assert_no_error (error);
  branch = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  id = smt_person_add (t->reg, &fields, &error);
  g_assert_no_error (error);
  person = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_clear_object (&t->reg);

  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "admitted", "--branch",
                        branch, "--date", "2020-03-08", "--document", "QĐ 12/QĐ-HPN", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Đã ghi: Kết nạp"));
  g_assert_nonnull (strstr (out, "Nguyễn Thị Lan"));
  g_assert_nonnull (strstr (out, "Chi hội Phụ nữ Ấp 1"));
  g_assert_nonnull (strstr (out, "ngày 08/03/2020"));
  admitted = event_key (out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the same admission again: refused in Vietnamese, nothing written */
  before = content_hash (t->path);
  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "admitted", "--branch",
                        branch, "--date", "2020-03-08", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Lỗi:"));
  g_assert_nonnull (strstr (err, "đã là"));
  g_assert_cmpstr (out, ==, "");
  after = content_hash (t->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a void without a reason is refused; with one it annuls the admission */
  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "void", "--voids",
                        admitted, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "lý do"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "void", "--voids",
                        admitted, "--reason", "ghi nhầm người", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Đã ghi: Hủy bỏ"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "person", t->path, person, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"memberships\":[]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* so she can be admitted again, by organisation and branch */
  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "admitted", "--org", "PN",
                        "--branch", branch, "--date", "2021-03-08", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "check", t->path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* what the command line refuses itself */
  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "joined", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "joined"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "left", "--org", "PN",
                        "--date", "hôm qua", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "hôm qua"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "event", t->path, person, "void", "--voids", "42",
                        "--reason", "x", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Nguyễn Thị Lan"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The journal: the admission of 2020 (voided), its void (dated the day
   * it was recorded), the admission of 2021; newest first. */
  g_assert_cmpint (run (&out, &err, exe (), "events", t->path, "--from", "2020-01-01", "--json",
                        NULL), ==, 0);
  {
    const char *first = strstr (out, "\"kind\":\"admitted\",\"date\":\"2021-03-08\"");
    const char *old = strstr (out, "\"kind\":\"admitted\",\"date\":\"2020-03-08\"");

    g_assert_nonnull (first);
    g_assert_nonnull (old);
    g_assert_true (first < old);
    g_assert_nonnull (strstr (old, "\"voided\":true"));
    g_assert_nonnull (strstr (out, "\"kind\":\"void\""));
    g_assert_nonnull (strstr (out, "\"document\":\"QĐ 12/QĐ-HPN\""));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Counted without the voided one and the void: one admission. */
  g_assert_cmpint (run (&out, &err, exe (), "events", t->path, "--from", "2020-01-01", "--to",
                        "2021-12-31", "--org", "PN", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Tổng: Kết nạp 1\n"));
  g_assert_nonnull (strstr (out, "(đã hủy)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "events", t->path, "--month", "2020-03", "--kind",
                        "void", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Không có biến động"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "events", t->path, "--month", "2020-13", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "2020-13"));

  smt_test_register_free (t);
}

/* An empty register for a commune; never over an existing file. */
static void
test_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-cli-new-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xa-tan-lap.smt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (run (&out, &err, exe (), "new", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--name"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, exe (), "new", path, "--name", "Tân Lập", "--kind", "phường",
                        "--province", "Cần Thơ", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Phường Tân Lập"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, exe (), "organisations", path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"code\":\"PN\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  before = content_hash (path);
  g_assert_cmpint (run (&out, &err, exe (), "new", path, "--name", "Khác", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "đã có sẵn"));
  after = content_hash (path);
  g_assert_cmpstr (before, ==, after);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/demo-check-people-backup", test_demo_check_people_backup);
  g_test_add_func ("/cli/sqlite-shell-cannot-rewrite", test_sqlite_shell_cannot_rewrite);
  g_test_add_func ("/cli/errors-are-vietnamese", test_errors_are_vietnamese);
  g_test_add_func ("/cli/overview", test_overview);
  g_test_add_func ("/cli/person", test_person);
  g_test_add_func ("/cli/people-filters", test_people_filters);
  g_test_add_func ("/cli/organisations-branches", test_organisations_branches);
  g_test_add_func ("/cli/branch", test_branch);
  g_test_add_func ("/cli/event", test_event);
  g_test_add_func ("/cli/new", test_new);
  return g_test_run ();
}
