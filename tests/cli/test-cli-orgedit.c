/* test-cli-orgedit.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "smt-test-util.h"

/* The commands of the Tổ chức và chi hội dialogs, run as a user would on a
 * small register made here: two hamlets, four women and a man. Dates are
 * in 2026 before the day these tests were written, so the real clock the
 * command uses accepts them. */

enum { P_LAN, P_ANH, P_DUNG, P_DAO, P_BINH, N_PEOPLE };

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
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1990-01-01", 1990 },
    [P_ANH] = { "Trần", "Thị", "Ánh", SMT_SEX_FEMALE, "2000-02-01", 2000 },
    [P_DUNG] = { "Hồ", "Thị", "Dung", SMT_SEX_FEMALE, "1966-06-30", 1966 },
    [P_DAO] = { "Phạm", "Thị", "Đào", SMT_SEX_FEMALE, "1950-01-01", 1950 },
    [P_BINH] = { "Lê", "Văn", "Bình", SMT_SEX_MALE, "1990-03-03", 1990 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet[2], household[2];

  w->t = smt_test_register_new ();
  hamlet[0] = smt_hamlet_add (w->t->reg, "Ấp Một", "ấp", &error);
  hamlet[1] = smt_hamlet_add (w->t->reg, "Ấp Hai", "ấp", &error);
  g_assert_no_error (error);
  for (int h = 0; h < 2; h++)
    {
      household[h] = smt_household_add (w->t->reg, hamlet[h], "", "2010-01-01", &error);
      g_assert_no_error (error);
    }
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->t->reg, &people[p], &error);
      g_assert_no_error (error);
      g_assert_cmpint (smt_residence_move (w->t->reg, w->person[p],
                                           household[p == P_ANH ? 1 : 0], "2010-01-01", FALSE,
                                           "", &error), !=, 0);
      g_assert_no_error (error);
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

static SmtRegister *
reopen (World *w)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (w->t->path, &error);

  g_assert_no_error (error);
  return reg;
}

/* The key a command printed: the last number of its first line, in any
 * language. */
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

static const SmtOrganisationInfo *
find_org (GPtrArray  *list,
          const char *code)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (list, i))->code, code) == 0)
      return g_ptr_array_index (list, i);
  return NULL;
}

static void
test_organisation (World         *w,
                   gconstpointer  data)
{
  const char *path = w->t->path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SmtOrganisationInfo *o;
  int position;

  g_assert_cmpint (smt_test_cli (&out, &err, "org-add", path, "TEST", "Hội Thử nghiệm", "--short",
                        "Thử nghiệm", "--kind", "mass", "--min-age", "18", "--max-age", "60",
                        "--sex", "nu", NULL), ==, 0);
  /* The short name is required; a second TEST is refused. */
  g_assert_cmpint (smt_test_cli (&out, &err, "org-add", path, "TEST2", "Hội Khác", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "org-add", path, "TEST", "Hội Khác", "--short", "Khác",
                        NULL), ==, 2);
  g_assert_nonnull (strstr (err, "TEST"));
  g_assert_cmpint (smt_test_cli (&out, &err, "org-add", path, "X", "Hội X", "--short", "X", "--kind",
                        "other", NULL), ==, 2);

  reg = reopen (w);
  list = smt_organisations_list (reg, NULL);
  o = find_org (list, "TEST");
  g_assert_nonnull (o);
  g_assert_cmpstr (o->name, ==, "Hội Thử nghiệm");
  g_assert_cmpstr (o->short_name, ==, "Thử nghiệm");
  g_assert_cmpstr (o->member_word, ==, "hội viên");
  g_assert_false (o->socio_political);
  g_assert_cmpint (o->min_age, ==, 18);
  g_assert_cmpint (o->max_age, ==, 60);
  g_assert_cmpint (o->sex, ==, 'F');
  /* After every organisation already there. */
  g_assert_true (o == g_ptr_array_index (list, list->len - 1));
  position = o->position;
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_object (&reg);

  /* An edit keeps what is not named; needs a reason; refuses a bad range. */
  g_assert_cmpint (smt_test_cli (&out, &err, "org-edit", path, "TEST", "--max-age", "65", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "org-edit", path, "TEST", "--max-age", "65", "--min-age",
                        "-1", "--reason", "điều lệ mới", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "org-edit", path, "TEST", "--max-age", "10", "--min-age",
                        "16", "--reason", "nhầm", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "10"));
  g_assert_cmpint (smt_test_cli (&out, &err, "org-edit", path, "NOPE", "--reason", "x", NULL), ==, 2);

  reg = reopen (w);
  list = smt_organisations_list (reg, NULL);
  o = find_org (list, "TEST");
  g_assert_cmpint (o->min_age, ==, -1);
  g_assert_cmpint (o->max_age, ==, 65);
  g_assert_cmpint (o->sex, ==, 'F');
  g_assert_cmpstr (o->short_name, ==, "Thử nghiệm");
  g_assert_cmpint (o->position, ==, position);
}

static void
test_branch_and_admit (World         *w,
                       gconstpointer  data)
{
  const char *path = w->t->path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *term = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) leaders = NULL;
  const SmtBranchInfo *b;
  const char *a, *d, *l;
  gint64 branch_id, in_branch = 0;

  g_assert_cmpint (smt_test_cli (&out, &err, "org-add", path, "TEST", "Hội Thử nghiệm", "--short",
                        "Thử nghiệm", "--kind", "mass", "--min-age", "18", "--max-age", "65",
                        "--sex", "nu", NULL), ==, 0);
  /* liên ấp: two hamlets, named without tones. */
  g_assert_cmpint (smt_test_cli (&out, &err, "branch-add", path, "TEST", "lien-ap", "Chi hội liên ấp",
                        "--hamlet", "ap mot", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "branch-add", path, "TEST", "chi hội", "Chi hội X",
                        "--hamlet", "Ấp Không Có", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "branch-add", path, "TEST", "lien-ap", "Chi hội liên ấp",
                        "--hamlet", "ap mot", "--hamlet", "Ấp Hai", "--founded", "2020-01-01",
                        NULL), ==, 0);
  branch = printed_key (out);
  branch_id = g_ascii_strtoll (branch, NULL, 10);

  reg = reopen (w);
  branches = smt_branches_list (reg, 0, "2026-01-01", NULL);
  g_assert_cmpuint (branches->len, ==, 1);
  b = g_ptr_array_index (branches, 0);
  g_assert_cmpint (b->id, ==, branch_id);
  g_assert_cmpstr (b->kind, ==, "chi hội");
  g_assert_cmpstr (b->founded_on, ==, "2020-01-01");
  g_assert_nonnull (strstr (b->hamlets, "Ấp Một"));
  g_assert_nonnull (strstr (b->hamlets, "Ấp Hai"));
  g_clear_object (&reg);

  /* Candidates by given name: Ánh, Dung, Lan; not Đào (76), not Bình. */
  g_assert_cmpint (smt_test_cli (&out, &err, "candidates", path, branch, NULL), ==, 0);
  a = strstr (out, "Trần Thị Ánh");
  d = strstr (out, "Hồ Thị Dung");
  l = strstr (out, "Nguyễn Thị Lan");
  g_assert_true (a != NULL && d != NULL && l != NULL && a < d && d < l);
  g_assert_null (strstr (out, "Đào"));
  g_assert_null (strstr (out, "Bình"));
  g_assert_nonnull (strstr (out, w->key[P_LAN]));
  g_assert_cmpint (smt_test_cli (&out, &err, "candidates", path, branch, "--search", "ANH", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Trần Thị Ánh"));
  g_assert_null (strstr (out, "Lan"));

  /* Đào is too old: nothing written, her name in the message. */
  g_assert_cmpint (smt_test_cli (&out, &err, "admit", path, branch, w->key[P_LAN], w->key[P_DAO],
                        "--date", "2026-06-01", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Phạm Thị Đào"));
  reg = reopen (w);
  g_assert_cmpint (smt_membership_state_on (reg, w->person[P_LAN], 0, "2026-06-30", NULL), ==,
                   SMT_MEMBER_NONE);
  g_clear_object (&reg);
  g_assert_cmpint (smt_test_cli (&out, &err, "admit", path, branch, w->key[P_LAN], NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "admit", path, branch, w->key[P_LAN], w->key[P_ANH],
                        "--date", "2026-06-01", "--decision", "12/QĐ", "--reason", "đợt 1",
                        NULL), ==, 0);

  /* Lan leads from the next day, for two days. */
  g_assert_cmpint (smt_test_cli (&out, &err, "leader-appoint", path, branch, w->key[P_LAN], "--from",
                        "2026-06-02", "--reason", "bầu", NULL), ==, 0);
  term = printed_key (out);
  g_assert_cmpint (smt_test_cli (&out, &err, "leader-appoint", path, branch, w->key[P_ANH], "--from",
                        "2026-06-02", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "leader-appoint", path, branch, w->key[P_ANH], "--deputy",
                        "--from", "2026-06-02", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "leader-end", path, term, "--to", "2026-06-03", NULL),
                   ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "leader-end", path, term, "--to", "2026-06-03", "--reason",
                        "chuyển công tác", NULL), ==, 0);
  /* Members still there: the branch cannot be dissolved. */
  g_assert_cmpint (smt_test_cli (&out, &err, "branch-dissolve", path, branch, "--date", "2026-06-05",
                        "--reason", "sáp nhập", NULL), ==, 2);

  reg = reopen (w);
  g_assert_cmpint (smt_membership_state_on (reg, w->person[P_LAN], 0, "2026-06-30", &in_branch),
                   ==, SMT_MEMBER_NONE);
  {
    gint64 org = 0;
    g_autoptr(GPtrArray) list = smt_organisations_list (reg, NULL);

    org = find_org (list, "TEST")->id;
    g_assert_cmpint (smt_membership_state_on (reg, w->person[P_LAN], org, "2026-06-30",
                                              &in_branch), ==, SMT_MEMBER_ACTIVE);
    g_assert_cmpint (in_branch, ==, branch_id);
    g_assert_cmpint (smt_membership_state_on (reg, w->person[P_ANH], org, "2026-06-30", NULL),
                     ==, SMT_MEMBER_ACTIVE);
  }
  leaders = smt_branch_leaders (reg, branch_id, NULL);
  g_assert_cmpuint (leaders->len, ==, 2);
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *x = g_ptr_array_index (leaders, i);

      if (x->role == SMT_LEADER_LEADER)
        {
          g_assert_cmpint (x->person_id, ==, w->person[P_LAN]);
          g_assert_cmpstr (x->from_date, ==, "2026-06-02");
          g_assert_cmpstr (x->to_date, ==, "2026-06-03");
        }
      else
        {
          g_assert_cmpint (x->person_id, ==, w->person[P_ANH]);
          g_assert_null (x->to_date);
        }
    }
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *commands[] = { "org-add", "org-edit", "branch-add", "branch-dissolve",
                             "leader-appoint", "leader-end", "candidates", "admit" };

  g_assert_cmpint (smt_test_cli (&out, &err, "help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("somattran %s ", commands[i]);

      g_assert_nonnull (strstr (out, line));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/cli-orgedit/help", test_help);
  g_test_add ("/cli-orgedit/organisation", World, NULL, world_setup, test_organisation,
              world_teardown);
  g_test_add ("/cli-orgedit/branch-and-admit", World, NULL, world_setup,
              test_branch_and_admit, world_teardown);
  return g_test_run ();
}
