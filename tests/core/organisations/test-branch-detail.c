/* test-branch-detail.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "smt-test-util.h"

/* Two Phụ nữ branches and six women. Given names chosen so that the order
 * by given name differs from the order of keys and of family names: two
 * Ánh (then by family name Lê before Trần), Bích, Đào (Đ after D, before
 * E), Lan, Yến. */

enum { B_ONE, B_TWO, N_BRANCHES };
enum { P_LAN, P_ANH_TRAN, P_ANH_LE, P_DAO, P_BICH, P_YEN, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           pn;
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
} World;

#define TRANSFER_DAY "2022-03-15"
#define DAY_BEFORE   "2022-03-14"

static void
record (World        *w,
        SmtEventKind  kind,
        int           person,
        gint64        branch_id,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person], .organisation_id = w->pn,
    .branch_id = branch_id, .date = date,
  };

  g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
}

static gint64
appoint (World         *w,
         int            person,
         SmtLeaderRole  role,
         const char    *from)
{
  g_autoptr(GError) error = NULL;
  gint64 id = smt_leader_appoint (w->reg, w->branch[B_ONE], w->person[person], role, from,
                                  "bầu tại đại hội", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_ANH_TRAN] = { "Trần", "Thị", "Ánh", SMT_SEX_FEMALE, "1990-02-01", 1990 },
    [P_ANH_LE] = { "Lê", "Thị", "Ánh", SMT_SEX_FEMALE, "1985-03-03", 1985 },
    [P_DAO] = { "Phạm", "Thị", "Đào", SMT_SEX_FEMALE, "1970-07-07", 1970 },
    [P_BICH] = { "Võ", "Thị", "Bích", SMT_SEX_FEMALE, "1975-01-01", 1975 },
    [P_YEN] = { "Hồ", "Thị", "Yến", SMT_SEX_FEMALE, "2000-09-09", 2000 },
  };
  static const char *names[N_BRANCHES] = { "Chi hội Phụ nữ Ấp 1", "Chi hội Phụ nữ Ấp 2" };
  g_autoptr(GError) error = NULL;
  gint64 hamlet[N_BRANCHES];
  gint64 ended;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  w->pn = smt_organisation_lookup (w->reg, "PN");
  for (int b = 0; b < N_BRANCHES; b++)
    {
      hamlet[b] = smt_hamlet_add (w->reg, b == 0 ? "Ấp 1" : "Ấp 2", "ấp", &error);
      g_assert_no_error (error);
      w->branch[b] = smt_branch_add (w->reg, w->pn, 0, "chi hội", names[b], &hamlet[b], 1,
                                     "2000-01-01", &error);
      g_assert_no_error (error);
    }
  /* Added in this order so that keys follow neither names nor ages. */
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }

  /* Lan moves from branch one to branch two on the transfer day, Yến the
   * other way. */
  record (w, SMT_EVENT_ADMITTED, P_LAN, w->branch[B_ONE], "2010-01-01");
  record (w, SMT_EVENT_TRANSFERRED, P_LAN, w->branch[B_TWO], TRANSFER_DAY);
  record (w, SMT_EVENT_ADMITTED, P_YEN, w->branch[B_TWO], "2020-01-01");
  record (w, SMT_EVENT_TRANSFERRED, P_YEN, w->branch[B_ONE], TRANSFER_DAY);
  /* Trần Thị Ánh works away, still a member of branch one. */
  record (w, SMT_EVENT_ADMITTED, P_ANH_TRAN, w->branch[B_ONE], "2015-05-01");
  record (w, SMT_EVENT_AWAY, P_ANH_TRAN, 0, "2020-01-01");
  record (w, SMT_EVENT_ADMITTED, P_ANH_LE, w->branch[B_ONE], "2018-01-01");
  /* Đào went away and came back: her stay in the branch began on admission. */
  record (w, SMT_EVENT_ADMITTED, P_DAO, w->branch[B_ONE], "2012-01-01");
  record (w, SMT_EVENT_AWAY, P_DAO, 0, "2016-01-01");
  record (w, SMT_EVENT_BACK, P_DAO, 0, "2019-06-01");
  /* Bích led the branch, then left the organisation. */
  record (w, SMT_EVENT_ADMITTED, P_BICH, w->branch[B_ONE], "2011-01-01");
  record (w, SMT_EVENT_LEFT, P_BICH, 0, "2021-01-01");

  ended = appoint (w, P_BICH, SMT_LEADER_LEADER, "2011-06-01");
  g_assert_cmpint (smt_leader_end (w->reg, ended, "2020-12-31", "hết nhiệm kỳ", &error), !=, 0);
  g_assert_no_error (error);
  appoint (w, P_DAO, SMT_LEADER_LEADER, "2021-01-01");
  appoint (w, P_ANH_LE, SMT_LEADER_DEPUTY, "2021-01-01");
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

/* ---- members ----------------------------------------------------------------- */

typedef struct
{
  int         person;
  const char *since;
  gboolean    away;
} Expected;

typedef struct
{
  int             branch;
  const char     *date;
  guint           n;
  const Expected *rows;
} MemberCase;

static const Expected one_before[] = {
  { P_ANH_LE, "2018-01-01", FALSE },
  { P_ANH_TRAN, "2015-05-01", TRUE },
  { P_DAO, "2012-01-01", FALSE },
  { P_LAN, "2010-01-01", FALSE },
};
static const Expected one_on[] = {
  { P_ANH_LE, "2018-01-01", FALSE },
  { P_ANH_TRAN, "2015-05-01", TRUE },
  { P_DAO, "2012-01-01", FALSE },
  { P_YEN, TRANSFER_DAY, FALSE },
};
static const Expected two_before[] = {
  { P_YEN, "2020-01-01", FALSE },
};
static const Expected two_on[] = {
  { P_LAN, TRANSFER_DAY, FALSE },
};
/* Bích still there before she left; Đào away at the time. */
static const Expected one_2017[] = {
  { P_ANH_TRAN, "2015-05-01", FALSE },
  { P_BICH, "2011-01-01", FALSE },
  { P_DAO, "2012-01-01", TRUE },
  { P_LAN, "2010-01-01", FALSE },
};
static const Expected one_today[] = {
  { P_ANH_LE, "2018-01-01", FALSE },
  { P_ANH_TRAN, "2015-05-01", TRUE },
  { P_DAO, "2012-01-01", FALSE },
  { P_YEN, TRANSFER_DAY, FALSE },
};

static const MemberCase member_cases[] = {
  { B_ONE, DAY_BEFORE, G_N_ELEMENTS (one_before), one_before },
  { B_ONE, TRANSFER_DAY, G_N_ELEMENTS (one_on), one_on },
  { B_TWO, DAY_BEFORE, G_N_ELEMENTS (two_before), two_before },
  { B_TWO, TRANSFER_DAY, G_N_ELEMENTS (two_on), two_on },
  { B_ONE, "2017-12-31", G_N_ELEMENTS (one_2017), one_2017 },
  { B_ONE, NULL, G_N_ELEMENTS (one_today), one_today },
};

static void
test_members (World         *w,
              gconstpointer  data)
{
  static const char *full[N_PEOPLE] = {
    [P_LAN] = "Nguyễn Thị Lan", [P_ANH_TRAN] = "Trần Thị Ánh", [P_ANH_LE] = "Lê Thị Ánh",
    [P_DAO] = "Phạm Thị Đào", [P_BICH] = "Võ Thị Bích", [P_YEN] = "Hồ Thị Yến",
  };
  static const int years[N_PEOPLE] = {
    [P_LAN] = 1980, [P_ANH_TRAN] = 1990, [P_ANH_LE] = 1985, [P_DAO] = 1970, [P_BICH] = 1975,
    [P_YEN] = 2000,
  };

  for (guint c = 0; c < G_N_ELEMENTS (member_cases); c++)
    {
      const MemberCase *mc = &member_cases[c];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) members = smt_branch_members (w->reg, w->branch[mc->branch],
                                                         mc->date, &error);
      g_autoptr(GPtrArray) branches = smt_branches_list (w->reg, w->pn, mc->date, &error);

      g_test_message ("case %u: branch %d on %s", c, mc->branch, mc->date);
      g_assert_no_error (error);
      g_assert_nonnull (members);
      g_assert_cmpuint (members->len, ==, mc->n);
      for (guint i = 0; i < mc->n; i++)
        {
          const SmtBranchMember *m = g_ptr_array_index (members, i);
          const Expected *e = &mc->rows[i];

          g_assert_cmpint (m->person_id, ==, w->person[e->person]);
          g_assert_cmpstr (m->full_name, ==, full[e->person]);
          g_assert_cmpint (m->sex, ==, 'F');
          g_assert_cmpint (m->birth_year, ==, years[e->person]);
          g_assert_cmpstr (m->since, ==, e->since);
          g_assert_cmpint (m->away, ==, e->away);
        }
      /* The same count as the list of branches shows. */
      g_assert_nonnull (branches);
      for (guint i = 0; i < branches->len; i++)
        {
          const SmtBranchInfo *b = g_ptr_array_index (branches, i);

          if (b->id == w->branch[mc->branch])
            g_assert_cmpuint (b->members, ==, mc->n);
        }
    }
}

static void
test_members_bad_date (World         *w,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = smt_branch_members (w->reg, w->branch[B_ONE], "2022-02-30",
                                                     &error);

  g_assert_null (members);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
}

/* ---- leaders ----------------------------------------------------------------- */

static void
test_leaders (World         *w,
              gconstpointer  data)
{
  static const struct
  {
    int            person;
    SmtLeaderRole  role;
    const char    *from;
    const char    *to;
  } expected[] = {
    { P_DAO, SMT_LEADER_LEADER, "2021-01-01", NULL },
    { P_ANH_LE, SMT_LEADER_DEPUTY, "2021-01-01", NULL },
    { P_BICH, SMT_LEADER_LEADER, "2011-06-01", "2020-12-31" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leaders = smt_branch_leaders (w->reg, w->branch[B_ONE], &error);
  g_autoptr(GPtrArray) none = smt_branch_leaders (w->reg, w->branch[B_TWO], &error);

  g_assert_no_error (error);
  g_assert_nonnull (leaders);
  g_assert_cmpuint (leaders->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (leaders, i);

      g_assert_cmpint (l->person_id, ==, w->person[expected[i].person]);
      g_assert_cmpint (l->role, ==, expected[i].role);
      g_assert_cmpstr (l->role_label, ==, smt_leader_role_label (expected[i].role, "chi hội"));
      g_assert_cmpstr (l->from_date, ==, expected[i].from);
      g_assert_cmpstr (l->to_date, ==, expected[i].to);
    }
  g_assert_cmpstr (((SmtBranchLeader *) g_ptr_array_index (leaders, 2))->full_name, ==,
                   "Võ Thị Bích");
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_role_labels (void)
{
  static const char *kinds[] = { "chi hội", "chi đoàn", "tổ hội", "công đoàn cơ sở" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *leader = smt_leader_role_label (SMT_LEADER_LEADER, kinds[i]);
      const char *deputy = smt_leader_role_label (SMT_LEADER_DEPUTY, kinds[i]);

      g_assert_cmpstr (leader, !=, "");
      g_assert_cmpstr (leader, !=, deputy);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (leader, !=, smt_leader_role_label (SMT_LEADER_LEADER, kinds[j]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add ("/branch-detail/members", World, NULL, world_setup, test_members,
              world_teardown);
  g_test_add ("/branch-detail/members-bad-date", World, NULL, world_setup,
              test_members_bad_date, world_teardown);
  g_test_add ("/branch-detail/leaders", World, NULL, world_setup, test_leaders,
              world_teardown);
  g_test_add_func ("/branch-detail/role-labels", test_role_labels);
  return g_test_run ();
}
