/* test-indicators-members.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/smt-activity.h"
#include "core/smt-demo.h"
#include "core/smt-indicators.h"
#include "core/smt-membership.h"
#include "core/smt-organisations.h"
#include "core/smt-people.h"
#include "smt-test-util.h"

/* ---- a small commune ------------------------------------------------------ *
 *
 * Two hamlets, five households, nine people ("today" is 30/06/2026):
 *
 *   HH1 (Ấp 1, "12 đường Số 1"): Lan (head), An
 *   HH2 (Ấp 1):                 Bình (head), Tú
 *   HH3 (Ấp 2):                 Hoa (head), Cụ
 *   HH4 (Ấp 2):                 Dũng (head)            nobody is a member
 *   HH5 (Ấp 2):                 Mai (head), Khang (from 01/03/2026)
 *
 *   Lan    F 10/05/1980  PN from 08/03/2010, ND from 01/05/2012 (two organisations)
 *   An     M 02/03/1987  ND from 01/01/2012, working away from 10/03/2025
 *   Bình   F 20/07/1985  PN from 01/01/2020 in PN1, transferred to PN2 on 15/03/2026
 *   Tú     M 20/04/2010  turns 16 on 20/04/2026; DTN from 01/05/2026
 *   Hoa    F 05/05/1995  turns 31 on 05/05/2026; DTN from 01/01/2012 (never leaves)
 *   Cụ     M 01/01/1940  NCT (a mass association) from 01/01/2005; dies 10/02/2026
 *   Dũng   M 08/08/1990  no membership
 *   Mai    F 09/09/1975  PN from 03/02/2015 in PN2
 *   Khang  M 02/02/1992  moves in on 01/03/2026; ND (transferred in) from 05/03/2026
 *
 * Studies: 20/03/2026 for everyone (An, Dũng); 01/04/2026 in branch ND1
 * (Khang); 10/05/2026 for PN (Lan, Bình). */

enum { O_NONE, O_DTN, O_PN, O_ND, O_NCT, N_ORGS };
static const char *org_codes[N_ORGS] = { NULL, "DTN", "PN", "ND", "NCT" };

enum { B_NONE, B_DTN1, B_PN1, B_PN2, B_ND1, B_ND2, B_NCT1, N_BRANCHES };

enum { H_1, H_2, N_HAMLETS };

enum { HH_1, HH_2, HH_3, HH_4, HH_5, N_HOUSEHOLDS };

enum { P_LAN, P_AN, P_BINH, P_TU, P_HOA, P_CU, P_DUNG, P_MAI, P_KHANG, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           branch[N_BRANCHES];
  gint64           hamlet[N_HAMLETS];
  gint64           household[N_HOUSEHOLDS];
  gint64           person[N_PEOPLE];
} World;

static gint64
record (World        *w,
        SmtEventKind  kind,
        int           person,
        int           org,
        int           branch,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person], .organisation_id = w->org[org],
    .branch_id = w->branch[branch], .date = date,
  };
  gint64 id = smt_membership_record (w->reg, &change, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
move (World      *w,
      int         person,
      int         household,
      const char *date,
      gboolean    head)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_residence_move (w->reg, w->person[person], w->household[household],
                                       date, head, "", &error), !=, 0);
  g_assert_no_error (error);
}

static void
study (World      *w,
       const char *subject,
       int         org,
       int         branch,
       const char *date,
       int         p1,
       int         p2)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[2] = { w->person[p1], p2 >= 0 ? w->person[p2] : 0 };
  SmtStudyFields fields = {
    .subject = subject, .organisation_id = w->org[org], .branch_id = w->branch[branch],
    .date = date, .participants = p2 >= 0 ? 2 : 1, .participant_ids = ids,
    .n_participant_ids = p2 >= 0 ? 2 : 1,
  };

  g_assert_cmpint (smt_study_add (w->reg, &fields, &error), !=, 0);
  g_assert_no_error (error);
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const struct
  {
    int         org;
    int         hamlet;
    const char *name;
  } branches[N_BRANCHES] = {
    [B_DTN1] = { O_DTN, H_1, "Chi đoàn ấp 1" },
    [B_PN1] = { O_PN, H_1, "Chi hội Phụ nữ ấp 1" },
    [B_PN2] = { O_PN, H_2, "Chi hội Phụ nữ ấp 2" },
    [B_ND1] = { O_ND, H_1, "Chi hội Nông dân ấp 1" },
    [B_ND2] = { O_ND, H_2, "Chi hội Nông dân ấp 2" },
    [B_NCT1] = { O_NCT, H_1, "Chi hội Người cao tuổi ấp 1" },
  };
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_AN] = { "Trần", "Văn", "An", SMT_SEX_MALE, "1987-03-02", 1987 },
    [P_BINH] = { "Lê", "Thị", "Bình", SMT_SEX_FEMALE, "1985-07-20", 1985 },
    [P_TU] = { "Lê", "Văn", "Tú", SMT_SEX_MALE, "2010-04-20", 2010 },
    [P_HOA] = { "Phạm", "Thị", "Hoa", SMT_SEX_FEMALE, "1995-05-05", 1995 },
    [P_CU] = { "Mai", "Văn", "Cụ", SMT_SEX_MALE, "1940-01-01", 1940 },
    [P_DUNG] = { "Võ", "", "Dũng", SMT_SEX_MALE, "1990-08-08", 1990 },
    [P_MAI] = { "Đỗ", "Thị", "Mai", SMT_SEX_FEMALE, "1975-09-09", 1975 },
    [P_KHANG] = { "Huỳnh", "Văn", "Khang", SMT_SEX_MALE, "1992-02-02", 1992 },
  };
  static const int household_hamlet[N_HOUSEHOLDS] = { H_1, H_1, H_2, H_2, H_2 };
  g_autoptr(GError) error = NULL;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  for (int o = 1; o < N_ORGS; o++)
    {
      w->org[o] = smt_organisation_lookup (w->reg, org_codes[o]);
      g_assert_cmpint (w->org[o], !=, 0);
    }
  w->hamlet[H_1] = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  w->hamlet[H_2] = smt_hamlet_add (w->reg, "Ấp 2", "ấp", &error);
  g_assert_no_error (error);
  for (int b = 1; b < N_BRANCHES; b++)
    {
      w->branch[b] = smt_branch_add (w->reg, w->org[branches[b].org], 0,
                                     b == B_DTN1 ? "chi đoàn" : "chi hội", branches[b].name,
                                     &w->hamlet[branches[b].hamlet], 1, "2000-01-01", &error);
      g_assert_no_error (error);
    }
  for (int h = 0; h < N_HOUSEHOLDS; h++)
    {
      w->household[h] = smt_household_add (w->reg, w->hamlet[household_hamlet[h]],
                                            h == HH_1 ? "12 đường Số 1" : "", NULL, &error);
      g_assert_no_error (error);
    }
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  move (w, P_LAN, HH_1, "2000-01-01", TRUE);
  move (w, P_AN, HH_1, "2000-01-01", FALSE);
  move (w, P_BINH, HH_2, "2000-01-01", TRUE);
  move (w, P_TU, HH_2, "2010-04-20", FALSE);
  move (w, P_HOA, HH_3, "2000-01-01", TRUE);
  move (w, P_CU, HH_3, "2000-01-01", FALSE);
  move (w, P_DUNG, HH_4, "2000-01-01", TRUE);
  move (w, P_MAI, HH_5, "2000-01-01", TRUE);
  move (w, P_KHANG, HH_5, "2026-03-01", FALSE);

  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  record (w, SMT_EVENT_ADMITTED, P_LAN, O_ND, B_ND1, "2012-05-01");
  record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-01");
  record (w, SMT_EVENT_AWAY, P_AN, O_ND, B_NONE, "2025-03-10");
  record (w, SMT_EVENT_ADMITTED, P_BINH, O_PN, B_PN1, "2020-01-01");
  record (w, SMT_EVENT_TRANSFERRED, P_BINH, O_PN, B_PN2, "2026-03-15");
  record (w, SMT_EVENT_ADMITTED, P_TU, O_DTN, B_DTN1, "2026-05-01");
  record (w, SMT_EVENT_ADMITTED, P_HOA, O_DTN, B_DTN1, "2012-01-01");
  record (w, SMT_EVENT_ADMITTED, P_CU, O_NCT, B_NCT1, "2005-01-01");
  record (w, SMT_EVENT_ADMITTED, P_MAI, O_PN, B_PN2, "2015-02-03");
  record (w, SMT_EVENT_TRANSFERRED_IN, P_KHANG, O_ND, B_ND2, "2026-03-05");
  g_assert_true (smt_person_record_death (w->reg, w->person[P_CU], "2026-02-10", "", &error));
  g_assert_no_error (error);

  study (w, "Nghị quyết Đại hội XIV của Đảng", O_NONE, B_NONE, "2026-03-20", P_AN, P_DUNG);
  study (w, "Kỹ thuật trồng lúa", O_NONE, B_ND1, "2026-04-01", P_KHANG, -1);
  study (w, "Luật Bình đẳng giới", O_PN, B_NONE, "2026-05-10", P_LAN, P_BINH);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static SmtPeriod *
range (const char *start,
       const char *end)
{
  g_autoptr(GError) error = NULL;
  SmtPeriod *p = smt_period_new_range (start, end, &error);

  g_assert_no_error (error);
  return p;
}

/* Computes with and without the explanation, checks that both agree and
 * that the row lists are exactly as long as the figures. */
static SmtIndicatorResult *
compute (SmtRegister     *reg,
         const char      *code,
         const SmtPeriod *period,
         gint64           organisation_id,
         gint64           hamlet_id)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery q = { .organisation_id = organisation_id, .hamlet_id = hamlet_id };
  g_autoptr(SmtIndicatorResult) plain = smt_indicator_compute (reg, code, period, &q, &error);
  SmtIndicatorResult *r;

  g_assert_no_error (error);
  g_assert_nonnull (plain);
  g_assert_null (plain->numerator_rows);
  q.explain = TRUE;
  r = smt_indicator_compute (reg, code, period, &q, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpfloat (r->numerator, ==, plain->numerator);
  g_assert_cmpfloat (r->denominator, ==, plain->denominator);
  g_assert_cmpfloat (r->value, ==, plain->value);
  g_assert_cmpint (r->defined, ==, plain->defined);
  g_assert_cmpfloat (r->numerator_rows->len, ==, r->numerator);
  g_assert_cmpfloat (r->denominator_rows->len, ==, r->denominator);
  for (guint i = 0; i < r->numerator_rows->len; i++)
    {
      SmtExplainRow *row = g_ptr_array_index (r->numerator_rows, i);

      g_assert_true (g_utf8_validate (row->label, -1, NULL));
      g_assert_true (g_utf8_validate (row->because, -1, NULL));
      g_assert_cmpstr (row->label, !=, "");
    }
  return r;
}

static void
expect (World           *w,
        const char      *code,
        const SmtPeriod *period,
        int              org,
        int              hamlet,
        double           numerator,
        double           denominator)
{
  g_autoptr(SmtIndicatorResult) r =
    compute (w->reg, code, period, w->org[org], hamlet >= 0 ? w->hamlet[hamlet] : 0);

  g_test_message ("%s %s org %d hamlet %d: %g / %g", code, smt_period_get_end (period), org,
                  hamlet, r->numerator, r->denominator);
  g_assert_cmpfloat (r->numerator, ==, numerator);
  g_assert_cmpfloat (r->denominator, ==, denominator);
  if (r->info->ratio)
    {
      g_assert_cmpint (r->defined, ==, denominator > 0);
      if (denominator > 0)
        g_assert_cmpfloat_with_epsilon (r->value, 100.0 * numerator / denominator, 1e-9);
    }
  else
    {
      g_assert_true (r->defined);
      g_assert_cmpfloat (r->value, ==, numerator);
    }
}

/* Whether some row of the list is for the id and its because contains
 * the text. */
static gboolean
has_row (GPtrArray  *rows,
         gint64      id,
         const char *label_part,
         const char *because_part)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SmtExplainRow *row = g_ptr_array_index (rows, i);

      if (row->id == id && (label_part == NULL || strstr (row->label, label_part) != NULL)
          && (because_part == NULL || strstr (row->because, because_part) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* ---- cases ------------------------------------------------------------------ */

/* March 2026, stock on 31/03/2026.
 * Living residents: Lan, An (HH1); Bình, Tú (HH2); Hoa (HH3; Cụ died
 * 10/02); Dũng (HH4); Mai, Khang (HH5).
 * Memberships on 31/03: Lan PN, Lan ND, An ND (away), Bình PN (PN2), Hoa DTN,
 * Mai PN, Khang ND = 7; persons: Lan, An, Bình, Hoa, Mai, Khang = 6. */
static void
test_month (World         *w,
            gconstpointer  data)
{
  g_autoptr(SmtPeriod) march = smt_period_new_month (2026, 3);

  /* Households with a living resident: HH1..HH5 = 5; with a member of a
   * socio-political organisation: all but HH4 (Dũng) = 4. Ấp 1: HH1, HH2 of
   * 2; Ấp 2: HH3 (Hoa), HH5 of HH3, HH4, HH5. Only PN: HH1 (Lan), HH2
   * (Bình), HH5 (Mai) = 3 of 5. */
  expect (w, "households_covered", march, O_NONE, -1, 4, 5);
  expect (w, "households_covered", march, O_NONE, H_1, 2, 2);
  expect (w, "households_covered", march, O_NONE, H_2, 2, 3);
  expect (w, "households_covered", march, O_PN, -1, 3, 5);

  /* Eligible for at least one socio-political organisation: everyone but
   * Tú (15) and Cụ (dead) = 7; members: all but Dũng = 6 (An, away,
   * counts). PN: women 18+ Lan, Bình, Hoa, Mai = 4, members Lan, Bình,
   * Mai = 3. DTN: 16..30 Hoa (30) = 1, a member. */
  expect (w, "gathering_rate", march, O_NONE, -1, 6, 7);
  expect (w, "gathering_rate", march, O_PN, -1, 3, 4);
  expect (w, "gathering_rate", march, O_DTN, -1, 1, 1);
  /* Ấp 2 only: Hoa, Dũng, Mai, Khang eligible; Dũng not a member. */
  expect (w, "gathering_rate", march, O_NONE, H_2, 3, 4);

  /* Lan: two memberships, one person. */
  expect (w, "memberships_total", march, O_NONE, -1, 7, 0);
  expect (w, "members_total", march, O_NONE, -1, 6, 0);
  /* ND: Lan, An (away), Khang. */
  expect (w, "memberships_total", march, O_ND, -1, 3, 0);
  expect (w, "members_total", march, O_ND, -1, 3, 0);
  /* Ấp 1: Lan (2), An, Bình = 4 memberships, 3 persons. */
  expect (w, "memberships_total", march, O_NONE, H_1, 4, 0);
  expect (w, "members_total", march, O_NONE, H_1, 3, 0);

  /* Khang transferred in on 05/03; Bình transferred on 15/03, once. */
  expect (w, "members_admitted", march, O_NONE, -1, 1, 0);
  expect (w, "members_left", march, O_NONE, -1, 0, 0);
  expect (w, "members_transferred", march, O_NONE, -1, 1, 0);
  expect (w, "members_transferred", march, O_PN, -1, 1, 0);
  expect (w, "members_transferred", march, O_ND, -1, 0, 0);
  expect (w, "members_away", march, O_NONE, -1, 0, 0);

  /* Members on 31/03: 6; the study of 20/03 (for everyone) had An (a
   * member) and Dũng (not): 1 of 6. */
  expect (w, "members_studied", march, O_NONE, -1, 1, 6);

  /* The explanations name the right people, households and events. */
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "households_covered", march, 0, 0);

    g_assert_true (has_row (r->numerator_rows, w->household[HH_1],
                            "Nguyễn Thị Lan — 12 đường Số 1, Ấp 1", "Nguyễn Thị Lan"));
    g_assert_true (has_row (r->denominator_rows, w->household[HH_4], "Võ Dũng — Ấp 2", "1"));
    g_assert_false (has_row (r->numerator_rows, w->household[HH_4], NULL, NULL));
    /* HH5: Mai the head, Khang the other; 2 residents. */
    g_assert_true (has_row (r->denominator_rows, w->household[HH_5], "Đỗ Thị Mai", "2"));
  }
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "gathering_rate", march, w->org[O_PN], 0);

    g_assert_true (has_row (r->numerator_rows, w->person[P_LAN], "Nguyễn Thị Lan (1980, Ấp 1)",
                            "Phụ nữ 08/03/2010"));
    /* Bình's current span was opened by the transfer; the admission is shown. */
    g_assert_true (has_row (r->numerator_rows, w->person[P_BINH], NULL, "Phụ nữ 01/01/2020"));
    g_assert_true (has_row (r->denominator_rows, w->person[P_HOA], "Phạm Thị Hoa (1995, Ấp 2)",
                            "30 "));
  }
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_transferred", march, 0, 0);

    g_assert_true (has_row (r->numerator_rows, w->person[P_BINH], NULL, "15/03/2026"));
  }
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_total", march, 0, 0);

    g_assert_true (has_row (r->numerator_rows, w->person[P_LAN], NULL, "Phụ nữ"));
    g_assert_true (has_row (r->numerator_rows, w->person[P_LAN], NULL, "Nông dân"));
    g_assert_true (has_row (r->numerator_rows, w->person[P_AN], NULL, "Nông dân"));
  }
}

/* The second quarter of 2026, stock on 30/06/2026. Since March: Tú (16 on
 * 20/04) joined DTN on 01/05; Hoa turned 31 on 05/05 and stays a member. */
static void
test_quarter (World         *w,
              gconstpointer  data)
{
  g_autoptr(SmtPeriod) q2 = smt_period_new_quarter (2026, 2);

  expect (w, "households_covered", q2, O_NONE, -1, 4, 5);
  /* Eligible: the 7 of March plus Tú = 8 (Hoa, 31, still for PN and
   * others); members: all but Dũng = 7. DTN: Tú only (Hoa is 31) = 1 of 1. */
  expect (w, "gathering_rate", q2, O_NONE, -1, 7, 8);
  expect (w, "gathering_rate", q2, O_DTN, -1, 1, 1);
  /* Memberships: the 7 of March + Tú DTN = 8; persons 7. */
  expect (w, "memberships_total", q2, O_NONE, -1, 8, 0);
  expect (w, "members_total", q2, O_NONE, -1, 7, 0);
  expect (w, "members_total", q2, O_DTN, -1, 2, 0);
  /* Ấp 1: Lan, An, Bình, Tú; Ấp 2: Hoa, Mai, Khang. */
  expect (w, "members_total", q2, O_NONE, H_1, 4, 0);
  expect (w, "members_total", q2, O_NONE, H_2, 3, 0);
  /* Tú admitted; nothing else happened. */
  expect (w, "members_admitted", q2, O_NONE, -1, 1, 0);
  expect (w, "members_admitted", q2, O_DTN, -1, 1, 0);
  expect (w, "members_admitted", q2, O_PN, -1, 0, 0);
  expect (w, "members_left", q2, O_NONE, -1, 0, 0);
  expect (w, "members_transferred", q2, O_NONE, -1, 0, 0);
  expect (w, "members_away", q2, O_NONE, -1, 0, 0);
  /* Members on 30/06: 7; studied in Q2: Khang (ND1, 01/04), Lan and Bình
   * (PN, 10/05) = 3. PN only: members Lan, Bình, Mai; the PN study = 2 of
   * 3 (the ND study does not count). ND only: Lan, An, Khang; the ND1
   * study = 1 of 3. */
  expect (w, "members_studied", q2, O_NONE, -1, 3, 7);
  expect (w, "members_studied", q2, O_PN, -1, 2, 3);
  expect (w, "members_studied", q2, O_ND, -1, 1, 3);
}

/* The first half of 2026 and the year 2025: the flows. */
static void
test_half_and_year (World         *w,
                    gconstpointer  data)
{
  g_autoptr(SmtPeriod) h1 = smt_period_new_half (2026, 1);
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);

  /* H1 2026: Khang transferred in, Tú admitted = 2; Cụ died (NCT) = 1;
   * Bình transferred = 1. */
  expect (w, "members_admitted", h1, O_NONE, -1, 2, 0);
  expect (w, "members_left", h1, O_NONE, -1, 1, 0);
  expect (w, "members_left", h1, O_NCT, -1, 1, 0);
  expect (w, "members_left", h1, O_PN, -1, 0, 0);
  /* Cụ lived in Ấp 2 on his last day as a member. */
  expect (w, "members_left", h1, O_NONE, H_2, 1, 0);
  expect (w, "members_left", h1, O_NONE, H_1, 0, 0);
  expect (w, "members_transferred", h1, O_NONE, -1, 1, 0);
  /* Studies in H1: An (20/03), Khang, Lan, Bình; Dũng is no member: 4 of
   * the 7 members on 30/06. */
  expect (w, "members_studied", h1, O_NONE, -1, 4, 7);

  /* 2025: An went away on 10/03/2025 (and is still counted). On 31/12/2025:
   * Lan PN, Lan ND, An ND, Bình PN, Hoa DTN, Cụ NCT, Mai PN = 7
   * memberships; 6 persons. */
  expect (w, "members_away", y2025, O_NONE, -1, 1, 0);
  expect (w, "members_admitted", y2025, O_NONE, -1, 0, 0);
  expect (w, "memberships_total", y2025, O_NONE, -1, 7, 0);
  expect (w, "members_total", y2025, O_NONE, -1, 6, 0);
  /* Households on 31/12/2025: HH1..HH5 (Cụ alive in HH3, Mai in HH5);
   * HH4 without a member: 4 of 5. Eligible for a socio-political
   * organisation: Lan, An, Bình, Hoa (30), Cụ (85: ND, CCB, CD have no upper
   * age), Dũng, Mai = 7 (Tú is 15, Khang not yet here); members of a
   * socio-political one: Lan, An, Bình, Hoa, Mai = 5 (Cụ is only in NCT). */
  expect (w, "households_covered", y2025, O_NONE, -1, 4, 5);
  expect (w, "gathering_rate", y2025, O_NONE, -1, 5, 7);
  /* No study in 2025; members on 31/12/2025: 6 persons. */
  expect (w, "members_studied", y2025, O_NONE, -1, 0, 6);
}

/* Tú turns 16 on 20/04/2026 and Hoa 31 on 05/05/2026: each enters or
 * leaves the DTN denominator on the birthday itself. Tú is a member from
 * 01/05, Hoa all along. */
static void
test_birthdays (World         *w,
                gconstpointer  data)
{
  g_autoptr(SmtPeriod) d0419 = range ("2026-04-01", "2026-04-19");
  g_autoptr(SmtPeriod) d0420 = range ("2026-04-01", "2026-04-20");
  g_autoptr(SmtPeriod) d0504 = range ("2026-05-01", "2026-05-04");
  g_autoptr(SmtPeriod) d0505 = range ("2026-05-01", "2026-05-05");

  /* 19/04: Tú 15, Hoa 30: Hoa, a member: 1 of 1. */
  expect (w, "gathering_rate", d0419, O_DTN, -1, 1, 1);
  /* 20/04: Tú 16 enters the denominator, not yet a member: 1 of 2. */
  expect (w, "gathering_rate", d0420, O_DTN, -1, 1, 2);
  /* 04/05: Tú a member since 01/05, Hoa still 30: 2 of 2. */
  expect (w, "gathering_rate", d0504, O_DTN, -1, 2, 2);
  /* 05/05: Hoa 31 leaves the denominator (and so the numerator): 1 of 1. */
  expect (w, "gathering_rate", d0505, O_DTN, -1, 1, 1);
  /* She is still a member of the Đoàn in the counts. */
  expect (w, "members_total", d0505, O_DTN, -1, 2, 0);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "gathering_rate", d0420, w->org[O_DTN], 0);

    g_assert_true (has_row (r->denominator_rows, w->person[P_TU], "Lê Văn Tú (2010, Ấp 1)",
                            "16 "));
    g_assert_false (has_row (r->numerator_rows, w->person[P_TU], NULL, NULL));
  }
}

/* January 2026 is computed, then Mai's leave dated 20/01/2026 is entered:
 * January computed again shows it. */
static void
test_back_dated_leave (World         *w,
                       gconstpointer  data)
{
  g_autoptr(SmtPeriod) jan = smt_period_new_month (2026, 1);

  /* On 31/01/2026: Lan PN, Lan ND, An ND, Bình PN, Hoa DTN, Cụ NCT (alive),
   * Mai PN = 7 memberships, 6 persons; PN: women 18+ Lan, Bình, Hoa, Mai,
   * members Lan, Bình, Mai = 3 of 4. */
  expect (w, "memberships_total", jan, O_NONE, -1, 7, 0);
  expect (w, "members_total", jan, O_NONE, -1, 6, 0);
  expect (w, "members_left", jan, O_NONE, -1, 0, 0);
  expect (w, "gathering_rate", jan, O_PN, -1, 3, 4);
  expect (w, "households_covered", jan, O_PN, -1, 3, 5);

  record (w, SMT_EVENT_LEFT, P_MAI, O_PN, B_NONE, "2026-01-20");

  /* Mai is gone: 6 memberships, 5 persons, 1 left, PN 2 of 4, and HH5
   * (Khang not there yet) has no PN member: 2 of 5. */
  expect (w, "memberships_total", jan, O_NONE, -1, 6, 0);
  expect (w, "members_total", jan, O_NONE, -1, 5, 0);
  expect (w, "members_left", jan, O_NONE, -1, 1, 0);
  expect (w, "gathering_rate", jan, O_PN, -1, 2, 4);
  expect (w, "households_covered", jan, O_PN, -1, 2, 5);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_left", jan, 0, 0);

    g_assert_true (has_row (r->numerator_rows, w->person[P_MAI], "Đỗ Thị Mai (1975, Ấp 2)",
                            "20/01/2026"));
  }
}

/* A demo commune of 1.500 people: for four periods and every indicator
 * here, the explanations are exactly as long as the figures. */
static void
test_demo (void)
{
  static const char *codes[] = {
    "households_covered", "gathering_rate", "gathering_rate:DTN", "gathering_rate:PN",
    "memberships_total", "members_total", "members_admitted", "members_left",
    "members_transferred", "members_away", "members_studied",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-test-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_period_free);
  SmtRegister *reg;
  double total = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (path, 1500, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);
  smt_register_set_today (reg, "2026-06-30");
  g_ptr_array_add (periods, smt_period_new_month (2026, 3));
  g_ptr_array_add (periods, smt_period_new_quarter (2025, 4));
  g_ptr_array_add (periods, smt_period_new_half (2026, 1));
  g_ptr_array_add (periods, smt_period_new_year (2024));
  for (guint p = 0; p < periods->len; p++)
    for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
      {
        g_autoptr(SmtIndicatorResult) r = compute (reg, codes[i], periods->pdata[p], 0, 0);

        g_test_message ("%s %s: %g / %g", codes[i],
                        smt_period_get_end (periods->pdata[p]), r->numerator, r->denominator);
        if (r->info->ratio)
          g_assert_cmpfloat (r->numerator, <=, r->denominator);
        total += r->numerator;
      }
  /* A commune of 1.500 has members. */
  g_assert_cmpfloat (total, >, 0);
  g_object_unref (reg);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
#define ADD(name, func) \
  g_test_add ("/indicators-members/" name, World, NULL, world_setup, func, world_teardown)
  ADD ("month", test_month);
  ADD ("quarter", test_quarter);
  ADD ("half-and-year", test_half_and_year);
  ADD ("birthdays", test_birthdays);
  ADD ("back-dated-leave", test_back_dated_leave);
#undef ADD
  g_test_add_func ("/indicators-members/demo", test_demo);
  return g_test_run ();
}
