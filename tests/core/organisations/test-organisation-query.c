/* test-organisation-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "smt-test-util.h"

/* ---- a small commune ------------------------------------------------------ */

enum { O_DTN, O_PN, O_ND, N_ORGS };
static const char *org_codes[N_ORGS] = { "DTN", "PN", "ND" };

/* Names chosen so that byte order and Vietnamese order differ: Ấ comes
 * before B and Đ before E in Vietnamese, after them in UTF-8 bytes. */
enum { B_DTN, B_EO, B_DONG, B_BINH, B_AP, B_TO, B_CU, B_ND, N_BRANCHES };

enum { P_LAN, P_HOA, P_MAI, P_NAM, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           hamlet[2];
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
} World;

#define BEFORE "2021-06-01"  /* before Lan's transfer, after the old branch closed */
#define AFTER  "2023-06-01"  /* after Lan's transfer and Nam's leave */
#define EARLY  "2020-03-01"  /* the old branch still open, Mai in it */

static gint64
record (World        *w,
        SmtEventKind  kind,
        int           person,
        int           org,
        gint64        branch_id,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person], .organisation_id = w->org[org],
    .branch_id = branch_id, .date = date,
  };
  gint64 id = smt_membership_record (w->reg, &change, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const struct
  {
    int         org;
    int         parent;   /* -1: none */
    const char *kind;
    const char *name;
    gboolean    both;     /* liên ấp: both hamlets */
  } branches[N_BRANCHES] = {
    [B_DTN] = { O_DTN, -1, "chi đoàn", "Chi đoàn Ấp Một", FALSE },
    [B_EO] = { O_PN, -1, "chi hội", "Chi hội Phụ nữ Eo Gió", TRUE },
    [B_DONG] = { O_PN, -1, "chi hội", "Chi hội Phụ nữ Đông Hòa", FALSE },
    [B_BINH] = { O_PN, -1, "chi hội", "Chi hội Phụ nữ Bình Yên", FALSE },
    [B_AP] = { O_PN, -1, "chi hội", "Chi hội Phụ nữ Ấp Một", FALSE },
    [B_TO] = { O_PN, B_AP, "tổ hội", "Tổ hội Phụ nữ số 1", FALSE },
    [B_CU] = { O_PN, -1, "chi hội", "Chi hội Phụ nữ Cũ", FALSE },
    [B_ND] = { O_ND, -1, "chi hội", "Chi hội Nông dân Ấp Một", FALSE },
  };
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_HOA] = { "Trần", "Thị", "Hoa", SMT_SEX_FEMALE, "1985-02-01", 1985 },
    [P_MAI] = { "Lê", "Thị", "Mai", SMT_SEX_FEMALE, "1975-07-07", 1975 },
    [P_NAM] = { "Phạm", "Văn", "Nam", SMT_SEX_MALE, "1970-01-01", 1970 },
  };
  g_autoptr(GError) error = NULL;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  for (int o = 0; o < N_ORGS; o++)
    {
      w->org[o] = smt_organisation_lookup (w->reg, org_codes[o]);
      g_assert_cmpint (w->org[o], !=, 0);
    }
  w->hamlet[0] = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  w->hamlet[1] = smt_hamlet_add (w->reg, "Ấp 2", "ấp", &error);
  g_assert_no_error (error);
  for (int b = 0; b < N_BRANCHES; b++)
    {
      gint64 parent = branches[b].parent >= 0 ? w->branch[branches[b].parent] : 0;

      w->branch[b] = smt_branch_add (w->reg, w->org[branches[b].org], parent,
                                     branches[b].kind, branches[b].name, w->hamlet,
                                     branches[b].both ? 2 : 1, "2000-01-01", &error);
      g_assert_no_error (error);
    }
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }

  /* Lan: Ấp Một, then Bình Yên; also a farmer. */
  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, w->branch[B_AP], "2010-01-01");
  record (w, SMT_EVENT_TRANSFERRED, P_LAN, O_PN, w->branch[B_BINH], "2022-01-01");
  record (w, SMT_EVENT_ADMITTED, P_LAN, O_ND, w->branch[B_ND], "2011-01-01");
  /* Hoa: in the tổ hội, working away since 2019 (still a member). */
  record (w, SMT_EVENT_ADMITTED, P_HOA, O_PN, w->branch[B_TO], "2015-01-01");
  record (w, SMT_EVENT_AWAY, P_HOA, O_PN, 0, "2019-01-01");
  /* Mai: the old branch, moved before it was dissolved. */
  record (w, SMT_EVENT_ADMITTED, P_MAI, O_PN, w->branch[B_CU], "2005-01-01");
  record (w, SMT_EVENT_TRANSFERRED, P_MAI, O_PN, w->branch[B_DONG], "2020-06-01");
  g_assert_true (smt_branch_dissolve (w->reg, w->branch[B_CU], "2020-12-31", "sáp nhập",
                                      &error));
  g_assert_no_error (error);
  /* Nam: a farmer who left. */
  record (w, SMT_EVENT_ADMITTED, P_NAM, O_ND, w->branch[B_ND], "2012-01-01");
  record (w, SMT_EVENT_LEFT, P_NAM, O_ND, 0, "2023-01-01");
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

/* ---- organisations ---------------------------------------------------------- */

static void
test_organisations (World         *w,
                    gconstpointer  data)
{
  static const char *codes[] = { "DTN", "PN", "ND", "CCB", "CD", "NCT", "CTD", "KH" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = smt_organisations_list (w->reg, &error);
  const SmtOrganisationInfo *pn, *nct, *dtn;

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < list->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (list, i);

      g_assert_cmpstr (o->code, ==, codes[i]);
      g_assert_cmpint (o->id, ==, smt_organisation_lookup (w->reg, codes[i]));
      g_assert_true (o->active);
      g_assert_cmpstr (o->name, !=, "");
      g_assert_cmpstr (o->short_name, !=, "");
    }
  dtn = g_ptr_array_index (list, 0);
  g_assert_true (dtn->socio_political);
  g_assert_cmpint (dtn->min_age, ==, 16);
  g_assert_cmpint (dtn->max_age, ==, 30);
  g_assert_cmpint (dtn->sex, ==, 0);
  g_assert_cmpstr (dtn->member_word, ==, "đoàn viên");
  pn = g_ptr_array_index (list, 1);
  g_assert_cmpstr (pn->short_name, ==, "Phụ nữ");
  g_assert_cmpstr (pn->member_word, ==, "hội viên");
  g_assert_cmpint (pn->sex, ==, 'F');
  g_assert_cmpint (pn->min_age, ==, 18);
  g_assert_cmpint (pn->max_age, ==, -1);
  nct = g_ptr_array_index (list, 5);
  g_assert_false (nct->socio_political);
  g_assert_cmpint (nct->min_age, ==, 60);
}

/* ---- branches ----------------------------------------------------------------- */

typedef struct
{
  int   branch;
  guint members;
} Expect;

static void
assert_branches (World        *w,
                 gint64        organisation_id,
                 const char   *date,
                 const Expect *expect,
                 guint         n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = smt_branches_list (w->reg, organisation_id, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < MIN (n, list->len); i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (list, i);

      g_test_message ("%s: %s, %u members", date ? date : "today", b->name, b->members);
      g_assert_cmpint (b->id, ==, w->branch[expect[i].branch]);
      g_assert_cmpuint (b->members, ==, expect[i].members);
    }
  g_assert_cmpuint (list->len, ==, n);
}

static void
test_branches_order_members (World         *w,
                             gconstpointer  data)
{
  /* Before the transfer: Lan in Ấp Một; Hoa (away) counts for her tổ hội,
   * not its chi hội; the old branch is gone. */
  static const Expect before[] = {
    { B_AP, 1 }, { B_BINH, 0 }, { B_DONG, 1 }, { B_EO, 0 }, { B_TO, 1 },
  };
  static const Expect after[] = {
    { B_AP, 0 }, { B_BINH, 1 }, { B_DONG, 1 }, { B_EO, 0 }, { B_TO, 1 },
  };
  static const Expect early[] = {
    { B_AP, 1 }, { B_BINH, 0 }, { B_CU, 1 }, { B_DONG, 0 }, { B_EO, 0 }, { B_TO, 1 },
  };
  static const Expect last_day[] = {
    { B_AP, 1 }, { B_BINH, 0 }, { B_CU, 0 }, { B_DONG, 1 }, { B_EO, 0 }, { B_TO, 1 },
  };
  /* every organisation: DTN, then PN, then ND (organisation position) */
  static const Expect all_before[] = {
    { B_DTN, 0 }, { B_AP, 1 }, { B_BINH, 0 }, { B_DONG, 1 }, { B_EO, 0 }, { B_TO, 1 },
    { B_ND, 2 },
  };
  static const Expect all_after[] = {
    { B_DTN, 0 }, { B_AP, 0 }, { B_BINH, 1 }, { B_DONG, 1 }, { B_EO, 0 }, { B_TO, 1 },
    { B_ND, 1 },
  };

  assert_branches (w, w->org[O_PN], BEFORE, before, G_N_ELEMENTS (before));
  assert_branches (w, w->org[O_PN], AFTER, after, G_N_ELEMENTS (after));
  assert_branches (w, w->org[O_PN], EARLY, early, G_N_ELEMENTS (early));
  /* the dissolution day itself still has the branch, emptied by then */
  assert_branches (w, w->org[O_PN], "2020-12-31", last_day, G_N_ELEMENTS (last_day));
  assert_branches (w, 0, BEFORE, all_before, G_N_ELEMENTS (all_before));
  assert_branches (w, 0, AFTER, all_after, G_N_ELEMENTS (all_after));
  /* NULL is today (30/06/2026 in tests) */
  assert_branches (w, 0, NULL, all_after, G_N_ELEMENTS (all_after));
  /* before anything was founded */
  assert_branches (w, 0, "1999-12-31", NULL, 0);
}

static void
test_branches_fields (World         *w,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = smt_branches_list (w->reg, w->org[O_PN], EARLY, &error);
  gboolean seen_to = FALSE, seen_eo = FALSE, seen_cu = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (list, i);

      g_assert_cmpint (b->organisation_id, ==, w->org[O_PN]);
      g_assert_cmpstr (b->founded_on, ==, "2000-01-01");
      if (b->id == w->branch[B_TO])
        {
          seen_to = TRUE;
          g_assert_cmpstr (b->kind, ==, "tổ hội");
          g_assert_cmpint (b->parent_id, ==, w->branch[B_AP]);
          g_assert_cmpstr (b->name, ==, "Tổ hội Phụ nữ số 1");
        }
      else
        {
          g_assert_cmpstr (b->kind, ==, "chi hội");
          g_assert_cmpint (b->parent_id, ==, 0);
        }
      if (b->id == w->branch[B_EO])
        {
          seen_eo = TRUE;
          g_assert_cmpstr (b->hamlets, ==, "Ấp 1, Ấp 2");
        }
      else
        g_assert_cmpstr (b->hamlets, ==, "Ấp 1");
      if (b->id == w->branch[B_CU])
        {
          seen_cu = TRUE;
          g_assert_cmpstr (b->dissolved_on, ==, "2020-12-31");
        }
      else
        g_assert_null (b->dissolved_on);
    }
  g_assert_true (seen_to && seen_eo && seen_cu);
}

static void
test_bad_date (World         *w,
               gconstpointer  data)
{
  static const char *bad[] = { "2026-02-30", "30/06/2026", "", "2026-6-1" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = smt_branches_list (w->reg, 0, bad[i], &error);

      g_assert_null (list);
      g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "2026-02-05"));
    }
}

/* Hamlets in Vietnamese order, not byte order: "Ấp Đông" after "Ấp Dừa",
 * "Ấp Ê" after "Ấp E"; the world has "Ấp 1" and "Ấp 2" already. */
static void
test_hamlets (World         *w,
              gconstpointer  data)
{
  static const char *added[] = { "Ấp Ê", "Ấp Đông", "Ấp E", "Ấp Dừa" };
  static const char *expected[] = { "Ấp 1", "Ấp 2", "Ấp Dừa", "Ấp Đông", "Ấp E", "Ấp Ê" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      smt_hamlet_add (w->reg, added[i], "ấp", &error);
      g_assert_no_error (error);
    }
  list = smt_hamlets_list (w->reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < list->len; i++)
    {
      const SmtHamletInfo *h = g_ptr_array_index (list, i);

      g_assert_cmpstr (h->name, ==, expected[i]);
      g_assert_cmpint (h->id, !=, 0);
      if (i > 0)
        g_assert_cmpint (h->id, !=, ((SmtHamletInfo *) g_ptr_array_index (list, i - 1))->id);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add ("/organisation-query/organisations", World, NULL, world_setup,
              test_organisations, world_teardown);
  g_test_add ("/organisation-query/branches-order-members", World, NULL, world_setup,
              test_branches_order_members, world_teardown);
  g_test_add ("/organisation-query/branches-fields", World, NULL, world_setup,
              test_branches_fields, world_teardown);
  g_test_add ("/organisation-query/bad-date", World, NULL, world_setup, test_bad_date,
              world_teardown);
  g_test_add ("/organisation-query/hamlets", World, NULL, world_setup, test_hamlets,
              world_teardown);
  return g_test_run ();
}
