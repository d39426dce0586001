/* test-cli-meetings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "smt-test-util.h"

/* `somattran meetings`, `meeting-add`, `meeting-void`, `studies`,
 * `study-add` and `dialogue` on a small register built here, in
 * Vietnamese (LANGUAGE=vi). The dates are of early 2026, past whatever
 * day the tests run. */

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

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
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

static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
content_hash (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *p;

  g_assert_cmpint (run (&out, &err, exe (), "check", path, NULL), ==, 0);
  p = strstr (out, "SHA-256");
  g_assert_nonnull (p);
  return g_strndup (p, strcspn (p, "\n"));
}

typedef struct
{
  SmtTestRegister *t;
  char             branch[32];
  char             person[2][32];
} Fixture;

/* One Phụ nữ branch founded on 01/01/2020 with two members. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static const SmtPersonFields people[2] = {
    { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    { "Lê", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-07-07", 1990 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet, branch;

  f->t = smt_test_register_new ();
  hamlet = smt_hamlet_add (f->t->reg, "Ấp Thạnh Lợi", "ấp", &error);
  branch = smt_branch_add (f->t->reg, smt_organisation_lookup (f->t->reg, "PN"), 0, "chi hội",
                           "Chi hội Phụ nữ Thạnh Lợi", &hamlet, 1, "2020-01-01", &error);
  g_assert_no_error (error);
  g_snprintf (f->branch, sizeof f->branch, "%" G_GINT64_FORMAT, branch);
  for (int i = 0; i < 2; i++)
    {
      SmtMembershipChange change = {
        .kind = SMT_EVENT_ADMITTED, .branch_id = branch, .date = "2020-03-08",
      };

      change.person_id = smt_person_add (f->t->reg, &people[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (smt_membership_record (f->t->reg, &change, &error), !=, 0);
      g_assert_no_error (error);
      g_snprintf (f->person[i], sizeof f->person[i], "%" G_GINT64_FORMAT, change.person_id);
    }
  /* The commands open the file on their own. */
  g_clear_object (&f->t->reg);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  smt_test_register_free (f->t);
}

static void
test_meetings (Fixture       *f,
               gconstpointer  data)
{
  const char *file = f->t->path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *key = NULL;
  const char *p;

  /* An empty year: twelve months without a meeting. */
  g_assert_cmpint (run (&out, &err, exe (), "meetings", file, "--year", "2026", "--json",
                        NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"name\":\"Chi hội Phụ nữ Thạnh Lợi\""));
  g_assert_cmpuint (count_of (out, "\"meetings\":0,\"regular\":false"), ==, 12);

  /* A regular meeting in March with one member ticked. */
  g_assert_cmpint (run (&out, &err, exe (), "meeting-add", file, f->branch, "--date",
                        "2026-03-10", "--present", "2", "--topic", "Chủ đề tháng 3",
                        "--attendee", f->person[0], "--party", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "10/03/2026"));
  g_assert_cmpint (run (&out, &err, exe (), "meetings", file, "--year", "2026", "--json",
                        NULL), ==, 0);
  g_assert_cmpuint (count_of (out, "{\"meetings\":1,\"regular\":true,\"present\":2,"
                                   "\"exists\":true}"), ==, 1);
  g_assert_cmpuint (count_of (out, "\"meetings\":0,\"regular\":false"), ==, 11);

  /* The grid in text: Vietnamese month headings, ✓ in March, ✗ before. */
  g_assert_cmpint (run (&out, &err, exe (), "meetings", file, "--year", "2026", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "T12"));
  g_assert_cmpuint (count_of (out, "✓"), ==, 2);  /* the legend and March */
  p = strstr (out, "Chi hội Phụ nữ Thạnh Lợi");
  g_assert_nonnull (p);
  g_assert_cmpuint (count_of (p, "✗"), >=, 2);     /* January, February */

  /* The month's meetings, with the attendee. */
  g_assert_cmpint (run (&out, &err, exe (), "meetings", file, "--branch", f->branch,
                        "--month", "2026-03", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"topic\":\"Chủ đề tháng 3\""));
  g_assert_nonnull (strstr (out, "\"party_present\":true"));
  g_assert_nonnull (strstr (out, f->person[0]));
  p = strstr (out, "\"id\":");
  g_assert_nonnull (p);
  key = g_strndup (p + 5, strcspn (p + 5, ","));

  /* Refused, nothing written: before the branch was founded, fewer present
   * than ticked, an unknown kind, a void without a reason. */
  before = content_hash (file);
  g_assert_cmpint (run (&out, &err, exe (), "meeting-add", file, f->branch, "--date",
                        "2019-05-05", "--present", "3", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "01/01/2020"));
  g_assert_cmpint (run (&out, &err, exe (), "meeting-add", file, f->branch, "--date",
                        "2026-04-10", "--present", "1", "--attendee", f->person[0],
                        "--attendee", f->person[1], NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "meeting-add", file, f->branch, "--date",
                        "2026-04-10", "--present", "1", "--kind", "weekly", NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "meeting-void", file, key, NULL), ==, 2);
  after = content_hash (file);
  g_assert_cmpstr (before, ==, after);

  /* Voided: the grid is empty again. */
  g_assert_cmpint (run (&out, &err, exe (), "meeting-void", file, key, "--reason",
                        "nhập nhầm", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, exe (), "meetings", file, "--year", "2026", "--json",
                        NULL), ==, 0);
  g_assert_cmpuint (count_of (out, "\"meetings\":0,\"regular\":false"), ==, 12);
  g_assert_cmpint (run (&out, &err, exe (), "meeting-void", file, key, "--reason",
                        "lần nữa", NULL), ==, 2);
}

static void
test_studies_dialogue (Fixture       *f,
                       gconstpointer  data)
{
  const char *file = f->t->path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết 06",
                        "--date", "2026-02-02", "--participants", "40", "--org", "PN", NULL),
                   ==, 0);
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Chỉ thị 11",
                        "--date", "2026-05-02", "--participants", "2", "--branch", f->branch,
                        NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Sai",
                        "--date", "2026-05-02", "--participants", "-3", NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "studies", file, "--year", "2026", "--json", NULL),
                   ==, 0);
  g_assert_cmpuint (count_of (out, "\"subject\""), ==, 2);
  g_assert_nonnull (strstr (out, "\"subject\":\"Nghị quyết 06\",\"organisation\":\"Phụ nữ\","
                                 "\"branch\":\"\",\"date\":\"2026-02-02\",\"participants\":40"));
  g_assert_nonnull (strstr (out, "\"branch\":\"Chi hội Phụ nữ Thạnh Lợi\""));
  g_assert_cmpint (run (&out, &err, exe (), "studies", file, "--year", "2026", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "02/02/2026"));

  g_assert_cmpint (run (&out, &err, exe (), "dialogue", file, "--month", "2026-04", "--days",
                        "2", "--raised", "1234", "--resolved", "4", NULL), ==, 0);
  g_assert_cmpint (run (&out, &err, exe (), "dialogue", file, "--month", "2026-04", "--days",
                        "2", "--raised", "-1", "--resolved", "4", NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "dialogue", file, "--month", "2026-04", NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "dialogue", file, "--year", "2026", "--json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "{\"month\":\"2026-04\",\"dialogue_days\":2,"
                                 "\"petitions_raised\":1234,\"petitions_resolved\":4}"));
  g_assert_cmpuint (count_of (out, "\"dialogue_days\":null"), ==, 11);
  /* Vietnamese numbers in text: 1.234. */
  g_assert_cmpint (run (&out, &err, exe (), "dialogue", file, "--year", "2026", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1.234"));
  g_assert_nonnull (strstr (out, "04/2026"));
}

/* The members_studied object of `indicators --json`, up to its notes. */
static char *
studied_figure (const char *file,
                const char *period)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *start, *end;

  g_assert_cmpint (run (&out, &err, exe (), "indicators", file, "--period", period, "--json",
                        NULL), ==, 0);
  start = strstr (out, "{\"code\":\"members_studied\"");
  g_assert_nonnull (start);
  end = strstr (start, "\"baseline\"");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* The three ways of study-add, each in a year of its own, each moving
 * members_studied of the branch's two members (Lan, Hoa) by what it says.
 * A year without a study reads "chưa có đợt học tập", not 0 %. */
static void
test_study_ways (Fixture       *f,
                 gconstpointer  data)
{
  const char *file = f->t->path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *figure = NULL;

  figure = studied_figure (file, "2024");
  g_assert_nonnull (strstr (figure, "\"numerator\":0,\"denominator\":2,\"value\":null"));
  g_assert_nonnull (strstr (figure, "chưa có đợt học tập"));

  /* Who took part must be said, one way only. */
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết",
                        "--date", "2024-05-02", "--org", "PN", NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết",
                        "--date", "2024-05-02", "--branch", f->branch, "--whole-branch",
                        "--participants", "2", NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết",
                        "--date", "2024-05-02", "--branch", f->branch, "--all-except", "x",
                        NULL), ==, 2);
  /* A whole branch needs its branch; an exception must be a member. */
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết",
                        "--date", "2024-05-02", "--org", "PN", "--whole-branch", NULL), ==, 2);
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết",
                        "--date", "2024-05-02", "--branch", f->branch, "--all-except", "4242",
                        NULL), ==, 2);

  /* 2024, a count: 1 took part, nobody named: 1 of 2, and it says so. */
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết 06",
                        "--date", "2024-05-02", "--org", "PN", "--participants", "1", NULL),
                   ==, 0);
  g_clear_pointer (&figure, g_free);
  figure = studied_figure (file, "2024");
  g_assert_nonnull (strstr (figure, "\"numerator\":1,\"denominator\":2,\"value\":50"));
  g_assert_nonnull (strstr (figure, "1 người tính theo số người tham gia"));
  g_assert_cmpint (run (&out, &err, exe (), "explain", file, "members_studied", "--period",
                        "2024", "--json", NULL), ==, 0);
  g_assert_cmpuint (count_of (out, "\"kind\":\"study\""), ==, 1);

  /* 2025, ticked: Lan and Hoa by their keys: 2 of 2. */
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Chỉ thị 11",
                        "--date", "2025-04-01", "--org", "PN", "--person", f->person[0],
                        "--person", f->person[1], NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2"));
  g_clear_pointer (&figure, g_free);
  figure = studied_figure (file, "2025");
  g_assert_nonnull (strstr (figure, "\"numerator\":2,\"denominator\":2,\"value\":100"));
  /* A quarter after it, without a study of its own, counts since 01/01. */
  g_clear_pointer (&figure, g_free);
  figure = studied_figure (file, "2025-Q3");
  g_assert_nonnull (strstr (figure, "\"numerator\":2,\"denominator\":2"));

  /* 2026, the whole branch except Hoa: Lan, 1 of 2. */
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Nghị quyết 57",
                        "--date", "2026-03-01", "--branch", f->branch, "--all-except",
                        f->person[1], NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 người tham gia"));
  g_clear_pointer (&figure, g_free);
  figure = studied_figure (file, "2026-Q1");
  g_assert_nonnull (strstr (figure, "\"numerator\":1,\"denominator\":2,\"value\":50"));
  g_assert_cmpint (run (&out, &err, exe (), "studies", file, "--year", "2026", "--json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"participants\":1,\"way\":\"whole_branch\",\"named\":1,"
                                 "\"exceptions\":1"));
  g_assert_cmpint (run (&out, &err, exe (), "studies", file, "--year", "2025", "--json", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "\"participants\":2,\"way\":\"ticked\",\"named\":2,"
                                 "\"exceptions\":0"));
  g_assert_cmpint (run (&out, &err, exe (), "studies", file, "--year", "2024", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "đếm số"));
  g_assert_nonnull (strstr (out, "; mã "));

  /* A study voided: 2026 back to no study, "chưa có đợt học tập"; a reason
   * is needed, and a study is voided once. */
  {
    g_autofree char *key = NULL;
    const char *k;

    g_assert_cmpint (run (&out, &err, exe (), "studies", file, "--year", "2026", "--json",
                          NULL), ==, 0);
    k = strstr (out, "\"id\":");
    g_assert_nonnull (k);
    key = g_strndup (k + 5, strspn (k + 5, "0123456789"));
    g_assert_cmpint (run (&out, &err, exe (), "study-void", file, key, NULL), ==, 2);
    g_assert_cmpint (run (&out, &err, exe (), "study-void", file, key, "--reason",
                          "ghi nhầm chi hội", NULL), ==, 0);
    g_assert_cmpint (run (&out, &err, exe (), "study-void", file, key, "--reason", "lần nữa",
                          NULL), ==, 2);
    g_clear_pointer (&figure, g_free);
    figure = studied_figure (file, "2026");
    g_assert_nonnull (strstr (figure, "chưa có đợt học tập"));
    g_assert_cmpint (run (&out, &err, exe (), "studies", file, "--year", "2026", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Không có đợt học tập"));
  }

  /* Then the whole branch, nobody missing: Hoa too, 2 of 2. */
  g_assert_cmpint (run (&out, &err, exe (), "study-add", file, "--subject", "Chỉ thị 35",
                        "--date", "2026-04-01", "--branch", f->branch, "--whole-branch", NULL),
                   ==, 0);
  g_clear_pointer (&figure, g_free);
  figure = studied_figure (file, "2026");
  g_assert_nonnull (strstr (figure, "\"numerator\":2,\"denominator\":2"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-meetings/meetings", Fixture, NULL, fixture_setup, test_meetings,
              fixture_teardown);
  g_test_add ("/cli-meetings/studies-dialogue", Fixture, NULL, fixture_setup,
              test_studies_dialogue, fixture_teardown);
  g_test_add ("/cli-meetings/study-ways", Fixture, NULL, fixture_setup, test_study_ways,
              fixture_teardown);
  return g_test_run ();
}
