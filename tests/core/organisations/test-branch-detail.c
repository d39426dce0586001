/* test-branch-detail.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/demo/smt-demo.h"
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

/* ---- a chi hội with its tổ hội ------------------------------------------------ */

/* Phụ nữ's chi hội of Ấp 1 has three tổ hội: Xóm Trên, Bờ Kè and Cũ
 * (dissolved 01/01/2020). Lan is in the chi hội itself (2010); Mai in Xóm
 * Trên (2015); Hoa in Bờ Kè (2015, working away from 2020); Đào in Cũ
 * (2010), moved to Bờ Kè on 01/12/2019. Nông dân's chi hội of Ấp 1 has all
 * its members in its tổ hội 1A: An (2012).
 *   30/06/2026, PN chi hội: itself Lan; Bờ Kè Đào, Hoa (by given name); Xóm
 *     Trên Mai (Cũ is gone) → 4.
 *   01/06/2019: itself Lan; Bờ Kè Hoa; Cũ Đào; Xóm Trên Mai → 4.
 *   ND chi hội: itself nobody (the empty list of before); 1A An → 1.
 *   A tổ hội asked for by itself: one group, its own members. */
static void
test_groups (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtRegister *reg = t->reg;
  g_autoptr(GError) error = NULL;
  gint64 pn = smt_organisation_lookup (reg, "PN"), nd = smt_organisation_lookup (reg, "ND");
  gint64 hamlet = smt_hamlet_add (reg, "Ấp 1", "ấp", &error);
  gint64 chi, tren, bo_ke, cu, nd_chi, nd_1a;
  static const SmtPersonFields people[] = {
    { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    { "Trần", "Thị", "Mai", SMT_SEX_FEMALE, "1985-01-20", 1985 },
    { "Lê", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-07-07", 1990 },
    { "Phạm", "Thị", "Đào", SMT_SEX_FEMALE, "1970-07-07", 1970 },
    { "Trần", "Văn", "An", SMT_SEX_MALE, "1970-03-02", 1970 },
  };
  gint64 id[G_N_ELEMENTS (people)];
  g_autoptr(GPtrArray) groups = NULL;
  const SmtBranchMemberGroup *g;

  g_assert_no_error (error);
#define BRANCH(var, org, parent, kind, name) \
  var = smt_branch_add (reg, org, parent, kind, name, &hamlet, 1, "2000-01-01", &error); \
  g_assert_no_error (error)
  BRANCH (chi, pn, 0, "chi hội", "Chi hội Phụ nữ Ấp 1");
  BRANCH (tren, pn, chi, "tổ hội", "Tổ hội Xóm Trên");
  BRANCH (bo_ke, pn, chi, "tổ hội", "Tổ hội Bờ Kè");
  BRANCH (cu, pn, chi, "tổ hội", "Tổ hội Cũ");
  BRANCH (nd_chi, nd, 0, "chi hội", "Chi hội Nông dân Ấp 1");
  BRANCH (nd_1a, nd, nd_chi, "tổ hội", "Tổ hội Nông dân 1A");
#undef BRANCH
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      id[i] = smt_person_add (reg, &people[i], &error);
      g_assert_no_error (error);
    }
  {
    static const struct { guint person; int kind; int branch; const char *date; } events[] = {
      { 0, SMT_EVENT_ADMITTED, 0, "2010-01-01" },
      { 1, SMT_EVENT_ADMITTED, 1, "2015-01-01" },
      { 2, SMT_EVENT_ADMITTED, 2, "2015-01-01" },
      { 2, SMT_EVENT_AWAY, -1, "2020-01-01" },
      { 3, SMT_EVENT_ADMITTED, 3, "2010-01-01" },
      { 3, SMT_EVENT_TRANSFERRED, 2, "2019-12-01" },
      { 4, SMT_EVENT_ADMITTED, 5, "2012-01-01" },
    };
    const gint64 branches[] = { chi, tren, bo_ke, cu, nd_chi, nd_1a };

    for (guint i = 0; i < G_N_ELEMENTS (events); i++)
      {
        SmtMembershipChange c = {
          .kind = events[i].kind, .person_id = id[events[i].person],
          .organisation_id = events[i].person == 4 ? nd : pn,
          .branch_id = events[i].branch >= 0 ? branches[events[i].branch] : 0,
          .date = events[i].date,
        };

        g_assert_cmpint (smt_membership_record (reg, &c, &error), !=, 0);
        g_assert_no_error (error);
      }
  }
  g_assert_true (smt_branch_dissolve (reg, cu, "2020-01-01", "nhập vào tổ Bờ Kè", &error));
  g_assert_no_error (error);

  groups = smt_branch_member_groups (reg, chi, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpuint (smt_branch_member_groups_count (groups), ==, 4);
  g = g_ptr_array_index (groups, 0);
  g_assert_cmpint (g->branch_id, ==, chi);
  g_assert_cmpstr (g->name, ==, "Chi hội Phụ nữ Ấp 1");
  g_assert_cmpuint (g->members->len, ==, 1);
  g_assert_cmpstr (((SmtBranchMember *) g->members->pdata[0])->full_name, ==, "Nguyễn Thị Lan");
  g = g_ptr_array_index (groups, 1);
  g_assert_cmpstr (g->name, ==, "Tổ hội Bờ Kè");
  g_assert_cmpuint (g->members->len, ==, 2);
  g_assert_cmpstr (((SmtBranchMember *) g->members->pdata[0])->full_name, ==, "Phạm Thị Đào");
  g_assert_cmpstr (((SmtBranchMember *) g->members->pdata[0])->since, ==, "2019-12-01");
  g_assert_cmpstr (((SmtBranchMember *) g->members->pdata[1])->full_name, ==, "Lê Thị Hoa");
  g_assert_true (((SmtBranchMember *) g->members->pdata[1])->away);
  g = g_ptr_array_index (groups, 2);
  g_assert_cmpstr (g->name, ==, "Tổ hội Xóm Trên");
  g_assert_cmpuint (g->members->len, ==, 1);
  g_clear_pointer (&groups, g_ptr_array_unref);

  groups = smt_branch_member_groups (reg, chi, "2019-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 4);
  g_assert_cmpuint (smt_branch_member_groups_count (groups), ==, 4);
  g = g_ptr_array_index (groups, 2);
  g_assert_cmpstr (g->name, ==, "Tổ hội Cũ");
  g_assert_cmpstr (((SmtBranchMember *) g->members->pdata[0])->full_name, ==, "Phạm Thị Đào");
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* The chi hội whose members all sit in its tổ hội: empty by itself. */
  groups = smt_branch_member_groups (reg, nd_chi, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpuint (((SmtBranchMemberGroup *) groups->pdata[0])->members->len, ==, 0);
  g = g_ptr_array_index (groups, 1);
  g_assert_cmpint (g->branch_id, ==, nd_1a);
  g_assert_cmpuint (g->members->len, ==, 1);
  g_assert_cmpint (((SmtBranchMember *) g->members->pdata[0])->person_id, ==, id[4]);
  g_clear_pointer (&groups, g_ptr_array_unref);

  /* A tổ hội by itself; a bad date refused. */
  groups = smt_branch_member_groups (reg, tren, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpuint (smt_branch_member_groups_count (groups), ==, 1);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = smt_branch_member_groups (reg, chi, "2022-02-30", &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_null (groups);

  smt_test_register_free (t);
}

/* On a demo, every branch existing today lists as many members, with its
 * tổ hội, as `somattran branches` counts for it and its tổ hội; and the
 * chi hội whose own list was empty while its tổ hội had members now list
 * them. */
static void
test_groups_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-groups-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  guint empty_before = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (path, 10000, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);
  branches = smt_branches_list (reg, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);
      g_autoptr(GPtrArray) groups = NULL;
      guint expected = b->members;

      if (b->parent_id != 0)
        continue;
      for (guint j = 0; j < branches->len; j++)
        if (((const SmtBranchInfo *) g_ptr_array_index (branches, j))->parent_id == b->id)
          expected += ((const SmtBranchInfo *) g_ptr_array_index (branches, j))->members;
      groups = smt_branch_member_groups (reg, b->id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (smt_branch_member_groups_count (groups), ==, expected);
      if (b->members == 0 && expected > 0)
        empty_before++;
    }
  g_test_message ("%u chi hội had an empty list of their own", empty_before);
  g_assert_cmpuint (empty_before, >, 0);
  g_clear_object (&reg);
  smt_test_rm_rf (dir);
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
  g_test_add_func ("/branch-detail/groups", test_groups);
  g_test_add_func ("/branch-detail/groups-demo", test_groups_demo);
  return g_test_run ();
}
