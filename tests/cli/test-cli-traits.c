/* test-cli-traits.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/organisations/smt-membership.h"
#include "core/people/smt-people.h"
#include "core/people/smt-traits.h"
#include "smt-test-util.h"

/* The trait commands and the rule of an organisation that asks for one,
 * run as a user would on a small register made here: one hamlet, two
 * men of the age of the Cựu chiến binh (An, Bình) and a woman (Hoa).
 * Dates are in 2026 before the day these tests were written, so the real
 * clock the commands use accepts them. */

enum { P_AN, P_BINH, P_HOA, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  gint64           person[N_PEOPLE];
  char             key[N_PEOPLE][24];
} World;

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_AN] = { "Nguyễn", "Văn", "An", SMT_SEX_MALE, "1960-05-01", 1960 },
    [P_BINH] = { "Lê", "Văn", "Bình", SMT_SEX_MALE, "1962-03-03", 1962 },
    [P_HOA] = { "Võ", "Thị", "Hoa", SMT_SEX_FEMALE, "1970-07-07", 1970 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet, household;

  w->t = smt_test_register_new ();
  hamlet = smt_hamlet_add (w->t->reg, "Ấp Một", "ấp", &error);
  household = smt_household_add (w->t->reg, hamlet, "", "2010-01-01", &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->t->reg, &people[p], &error);
      g_assert_no_error (error);
      g_assert_cmpint (smt_residence_move (w->t->reg, w->person[p], household, "2010-01-01",
                                           FALSE, "", &error), !=, 0);
      g_snprintf (w->key[p], sizeof w->key[p], "%" G_GINT64_FORMAT, w->person[p]);
    }
  /* The commands open the file themselves. */
  g_clear_object (&w->t->reg);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

/* The key printed last on the first line of out. */
static char *
printed_key (const char *out)
{
  const char *end = strchr (out, '\n');
  const char *p;

  if (end == NULL)
    end = out + strlen (out);
  while (end > out && !g_ascii_isdigit (end[-1]))
    end--;
  for (p = end; p > out && g_ascii_isdigit (p[-1]); p--)
    ;
  g_assert_true (end - p > 6);
  return g_strndup (p, end - p);
}

static void
test_list (World         *w,
           gconstpointer  data)
{
  const char *path = w->t->path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A new register's two traits, and whom they are asked by. */
  g_assert_cmpint (smt_test_cli (&out, &err, "traits", path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"code\":\"CQN\",\"name\":\"Cựu quân nhân\""));
  g_assert_nonnull (strstr (out, "\"organisations\":\"Cựu chiến binh\""));
  g_assert_nonnull (strstr (out, "\"organisations\":\"Công đoàn\""));
  g_assert_cmpint (smt_test_cli (&out, &err, "traits", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Người lao động, cán bộ, công chức"));

  g_assert_cmpint (smt_test_cli (&out, &err, "trait-add", path, "TNXP", "Thanh niên xung phong",
                                 NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-add", path, "tnxp", "Trùng", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Thanh niên xung phong"));
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-edit", path, "TNXP", "--name",
                                 "Cựu thanh niên xung phong", "--reason", "Đổi tên", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "traits", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Cựu thanh niên xung phong"));
  /* Asked for by a rule: kept; unused: deleted. */
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-delete", path, "CQN", NULL), ==, 1);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-delete", path, "TNXP", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-delete", path, "TNXP", NULL), ==, 2);
}

/* A person's records, and the rule of the Cựu chiến binh in candidates and
 * admissions. */
static void
test_rule (World         *w,
           gconstpointer  data)
{
  const char *path = w->t->path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *record = NULL;
  g_autofree char *ended = NULL;

  g_assert_cmpint (smt_test_cli (&out, &err, "branch-add", path, "CCB", "chi hội",
                                 "Chi hội Cựu chiến binh ấp Một", "--hamlet", "Ấp Một",
                                 "--founded", "2000-01-01", NULL), ==, 0);
  branch = printed_key (out);

  /* An from 01/05/1985; a start after the end is refused. */
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-set", path, w->key[P_AN], "CQN", "--from",
                                 "1985-05-01", "--reason", "Giấy xuất ngũ", NULL), ==, 0);
  record = printed_key (out);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-set", path, w->key[P_BINH], "CQN", "--from",
                                 "2020-01-01", "--to", "2019-01-01", NULL), ==, 1);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-set", path, w->key[P_BINH], "XYZ", NULL), ==,
                   2);
  g_assert_cmpint (smt_test_cli (&out, &err, "person-traits", path, w->key[P_AN], "--json",
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"trait\":\"CQN\""));
  g_assert_nonnull (strstr (out, "\"from\":\"1985-05-01\",\"to\":null"));
  /* The person's page on the command line has it too. */
  g_assert_cmpint (smt_test_cli (&out, &err, "person", path, w->key[P_AN], NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Đặc điểm\n  Cựu quân nhân (từ 01/05/1985)\n"));
  g_assert_cmpint (smt_test_cli (&out, &err, "person", path, w->key[P_AN], "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"traits\":[{"));

  /* Candidates: An, not Bình (no record), not Hoa. */
  g_assert_cmpint (smt_test_cli (&out, &err, "candidates", path, branch, "--date", "2026-01-10",
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Nguyễn Văn An"));
  g_assert_null (strstr (out, "Bình"));
  g_assert_null (strstr (out, "Hoa"));

  /* Bình: refused, the trait named; with an exception note: admitted. */
  g_assert_cmpint (smt_test_cli (&out, &err, "admit", path, branch, w->key[P_BINH], "--date",
                                 "2026-01-10", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Cựu quân nhân"));
  g_assert_cmpint (smt_test_cli (&out, &err, "event", path, w->key[P_BINH], "admitted",
                                 "--branch", branch, "--date", "2026-01-10", "--exception",
                                 "Cựu công nhân quốc phòng", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "admit", path, branch, w->key[P_AN], "--date",
                                 "2026-01-10", NULL), ==, 0);

  /* An's record ends on 31/01/2026; the end needs --to; a void needs a
   * reason; the history keeps the three rows. */
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-end", path, record, NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-end", path, record, "--to", "2026-01-31",
                                 "--reason", "Ghi nhầm ngày", NULL), ==, 0);
  ended = printed_key (out);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-end", path, record, "--to", "2026-01-31",
                                 NULL), ==, 1);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-void", path, ended, NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "trait-void", path, ended, "--reason", "Nhầm người",
                                 NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "person-traits", path, w->key[P_AN], NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Chưa ghi đặc điểm nào cho người này.\n");
  g_assert_cmpint (smt_test_cli (&out, &err, "person-traits", path, w->key[P_AN], "--history",
                                 "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"to\":\"2026-01-31\""));
  g_assert_nonnull (strstr (out, "\"voids\":true"));

  /* The rule itself: shown, cleared, an unknown trait refused. */
  g_assert_cmpint (smt_test_cli (&out, &err, "organisations", path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"code\":\"CCB\""));
  g_assert_nonnull (strstr (out, "\"trait\":\"CQN\""));
  g_assert_cmpint (smt_test_cli (&out, &err, "org-edit", path, "CCB", "--trait", "XYZ",
                                 "--reason", "Thử", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "org-edit", path, "CCB", "--trait", "none",
                                 "--reason", "Thử", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "organisations", path, "--json", NULL), ==, 0);
  g_assert_null (strstr (out, "\"trait\":\"CQN\""));
  /* Without the rule Hoa, a woman of 55, is a candidate of the chi hội. */
  g_assert_cmpint (smt_test_cli (&out, &err, "candidates", path, branch, "--date", "2026-01-10",
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Võ Thị Hoa"));
  g_assert_cmpint (smt_test_cli (&out, &err, "org-add", path, "TNXP", "Hội Cựu thanh niên xung "
                                 "phong", "--short", "Cựu TNXP", "--kind", "mass", "--trait",
                                 "CQN", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "organisations", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Cựu quân nhân"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-traits/list", World, NULL, world_setup, test_list, world_teardown);
  g_test_add ("/cli-traits/rule", World, NULL, world_setup, test_rule, world_teardown);
  return g_test_run ();
}
