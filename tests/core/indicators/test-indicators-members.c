/* test-indicators-members.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/demo/smt-demo.h"
#include "core/indicators/smt-balance.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/organisations/smt-restructure.h"
#include "core/people/smt-people.h"
#include "core/register/smt-date.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "core/targets/smt-targets.h"
#include "smt-test-util.h"

/* ---- a small commune ------------------------------------------------------ *
 *
 * Two hamlets, five households, nine people ("today" is 31/12/2026):
 *
 *   HH1 (Ấp 1, "12 đường Số 1"): Lan (head), An
 *   HH2 (Ấp 1):                 Bình (head), Tú
 *   HH3 (Ấp 2):                 Hoa (head), Cụ
 *   HH4 (Ấp 2):                 Dũng (head)
 *   HH5 (Ấp 2):                 Mai (head), Khang (from 01/03/2026)
 *
 *   Lan    F 10/05/1980  PN from 08/03/2010 (PN1); ND from 01/05/2012 (ND1), leaves ND
 *                        05/11/2026 (two organisations, then one)
 *   An     M 02/03/1987  ND from 01/01/2012 (ND1), transferred to ND2 20/02/2021,
 *                        working away from 10/03/2025, back 01/12/2026
 *   Bình   F 20/07/1985  PN from 01/01/2020 in PN1, transferred to PN2 on 15/03/2026
 *   Tú     M 20/04/2010  turns 16 on 20/04/2026; DTN from 01/05/2026
 *   Hoa    F 05/05/1995  turns 31 on 05/05/2026; DTN from 01/01/2012 (never leaves),
 *                        away 01/02/2021, back 01/06/2021, away again 20/07/2026;
 *                        PN (PN2) from 10/10/2026
 *   Cụ     M 01/01/1940  NCT (a mass association) from 01/01/2005; dies 10/02/2026
 *   Dũng   M 08/08/1990  ND (ND2) from 01/06/2022, left 30/09/2024; ND (ND2) again
 *                        from 10/08/2026
 *   Mai    F 09/09/1975  PN from 03/02/2015 in PN2
 *   Khang  M 02/02/1992  moves in on 01/03/2026; ND (transferred in, ND2) from
 *                        05/03/2026, transferred to ND1 15/09/2026
 *
 * Studies: 15/06/2023 for ND (An, Lan); 20/03/2026 for everyone (An, Dũng);
 * 01/04/2026 in branch ND1 (Khang); 10/05/2026 for PN (Lan, Bình);
 * 20/08/2026 for everyone (Mai, Dũng); 05/12/2026 for everyone (Hoa, Tú).
 *
 * Resolution 15-NQ/ĐU, issued 15/03/2021, whose term runs to 14/03/2026.
 *
 * The events before 2025 and after June 2026 make the period kinds differ
 * (test_period_kinds); none of them changes a figure the first cases
 * (month, quarter, half-and-year, birthdays) check. */

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
  gint64           resolution;
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
  /* The second half of 2026 holds events too. */
  smt_register_set_today (w->reg, "2026-12-31");
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

  /* Before 2025 and after June 2026: what makes the period kinds differ. */
  record (w, SMT_EVENT_AWAY, P_HOA, O_DTN, B_NONE, "2021-02-01");
  record (w, SMT_EVENT_BACK, P_HOA, O_DTN, B_NONE, "2021-06-01");
  record (w, SMT_EVENT_TRANSFERRED, P_AN, O_ND, B_ND2, "2021-02-20");
  record (w, SMT_EVENT_ADMITTED, P_DUNG, O_ND, B_ND2, "2022-06-01");
  record (w, SMT_EVENT_LEFT, P_DUNG, O_ND, B_NONE, "2024-09-30");
  record (w, SMT_EVENT_AWAY, P_HOA, O_DTN, B_NONE, "2026-07-20");
  record (w, SMT_EVENT_ADMITTED, P_DUNG, O_ND, B_ND2, "2026-08-10");
  record (w, SMT_EVENT_TRANSFERRED, P_KHANG, O_ND, B_ND1, "2026-09-15");
  record (w, SMT_EVENT_ADMITTED, P_HOA, O_PN, B_PN2, "2026-10-10");
  record (w, SMT_EVENT_LEFT, P_LAN, O_ND, B_NONE, "2026-11-05");
  record (w, SMT_EVENT_BACK, P_AN, O_ND, B_NONE, "2026-12-01");
  study (w, "Nghị quyết về phát triển nông nghiệp", O_ND, B_NONE, "2023-06-15", P_AN, P_LAN);
  study (w, "Chỉ thị về công tác dân vận", O_NONE, B_NONE, "2026-08-20", P_MAI, P_DUNG);
  study (w, "Nghị quyết về chuyển đổi số", O_NONE, B_NONE, "2026-12-05", P_HOA, P_TU);

  w->resolution = smt_resolution_add (w->reg, "15-NQ/ĐU",
                                      "Về nâng cao chất lượng tập hợp đoàn viên, hội viên",
                                      "Đảng ủy xã Hòa Điền", "2021-03-15", NULL, "2026-03-14",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (w->resolution, !=, 0);
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

/* As expect, for the whole commune under a scope other than the
 * catalogue's default. */
static void
expect_in (World           *w,
           const char      *scope,
           const char      *code,
           const SmtPeriod *period,
           int              hamlet,
           double           numerator,
           double           denominator)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery q = { .hamlet_id = hamlet >= 0 ? w->hamlet[hamlet] : 0, .scope = scope };
  g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (w->reg, code, period, &q, &error);

  g_assert_no_error (error);
  g_test_message ("%s [%s] %s hamlet %d: %g / %g", code, scope,
                  smt_period_get_end (period), hamlet, r->numerator, r->denominator);
  g_assert_cmpfloat (r->numerator, ==, numerator);
  g_assert_cmpfloat (r->denominator, ==, denominator);
  q.explain = TRUE;
  g_clear_pointer (&r, smt_indicator_result_free);
  r = smt_indicator_compute (w->reg, code, period, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (r->numerator_rows->len, ==, numerator);
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

/* Whether the result carries a note containing the text. */
static gboolean
has_note (const SmtIndicatorResult *r,
          const char               *part)
{
  for (guint i = 0; i < r->notes->len; i++)
    if (strstr (g_ptr_array_index (r->notes, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* members_studied with no study in the time it looks back over: not 0 %,
 * but undefined, saying so; the denominator still lists the members. */
static void
expect_no_study (World           *w,
                 const SmtPeriod *period,
                 int              org,
                 int              hamlet,
                 double           denominator)
{
  g_autoptr(SmtIndicatorResult) r =
    compute (w->reg, "members_studied", period, w->org[org], hamlet >= 0 ? w->hamlet[hamlet] : 0);

  g_test_message ("members_studied %s: no study, %g members", smt_period_get_end (period),
                  r->denominator);
  g_assert_false (r->defined);
  g_assert_cmpfloat (r->numerator, ==, 0);
  g_assert_cmpfloat (r->denominator, ==, denominator);
  g_assert_true (has_note (r, "chưa có đợt học tập"));
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

  /* Khang transferred in on 05/03 (chuyển đến, not a kết nạp: members_admitted
   * counted it until the movements were split); Bình transferred on 15/03,
   * once. */
  expect (w, "members_admitted", march, O_NONE, -1, 0, 0);
  expect (w, "members_transferred_in", march, O_NONE, -1, 1, 0);
  expect (w, "members_transferred_in", march, O_ND, -1, 1, 0);
  expect (w, "members_transferred_in", march, O_PN, -1, 0, 0);
  expect (w, "members_transferred_out", march, O_NONE, -1, 0, 0);
  expect (w, "members_deceased", march, O_NONE, -1, 0, 0);
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
  /* members_studied of a quarter counts who has studied since 01/01 (the
   * office studies a resolution once or twice a year; a quarter without a
   * study keeps what the year has done). Members on 30/06: 7; studied
   * since 01/01: An (for everyone, 20/03), Khang (ND1, 01/04), Lan and
   * Bình (PN, 10/05) = 4 (Q2 alone would give 3). PN only: members Lan,
   * Bình, Mai; the PN study = 2 of 3 (neither the ND1 study nor An counts
   * for PN). ND only: Lan, An, Khang; An on 20/03 and Khang = 2 of 3. */
  expect (w, "members_studied", q2, O_NONE, -1, 4, 7);
  expect (w, "members_studied", q2, O_PN, -1, 2, 3);
  expect (w, "members_studied", q2, O_ND, -1, 2, 3);
}

/* The first half of 2026 and the year 2025: the flows. */
static void
test_half_and_year (World         *w,
                    gconstpointer  data)
{
  g_autoptr(SmtPeriod) h1 = smt_period_new_half (2026, 1);
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);

  /* H1 2026: Tú admitted = 1, Khang transferred in = 1 (both were
   * members_admitted before the split, 2); Bình transferred = 1. Cụ died, a
   * member of NCT only: a từ trần (members_left counted deaths before the
   * split), outside the default scope, counted for NCT and when the scope
   * takes the mass associations in. */
  expect (w, "members_admitted", h1, O_NONE, -1, 1, 0);
  expect (w, "members_transferred_in", h1, O_NONE, -1, 1, 0);
  expect (w, "members_left", h1, O_NONE, -1, 0, 0);
  expect (w, "members_left", h1, O_NCT, -1, 0, 0);
  expect (w, "members_deceased", h1, O_NCT, -1, 1, 0);
  expect (w, "members_deceased", h1, O_NONE, -1, 0, 0);
  expect_in (w, "socio_political,mass", "members_deceased", h1, -1, 1, 0);
  expect_in (w, "socio_political,mass", "members_left", h1, -1, 0, 0);
  expect (w, "members_deceased", h1, O_PN, -1, 0, 0);
  /* Cụ lived in Ấp 2 on his last day as a member. */
  expect_in (w, "socio_political,mass", "members_deceased", h1, H_2, 1, 0);
  expect_in (w, "socio_political,mass", "members_deceased", h1, H_1, 0, 0);
  expect (w, "members_deceased", h1, O_NONE, H_2, 0, 0);
  expect (w, "members_transferred", h1, O_NONE, -1, 1, 0);
  /* Studies in H1: An (20/03), Khang, Lan, Bình; Dũng is no member: 4 of
   * the 7 members on 30/06. */
  expect (w, "members_studied", h1, O_NONE, -1, 4, 7);

  /* 2025: An went away on 10/03/2025 (and is still counted). On 31/12/2025:
   * Lan PN, Lan ND, An ND, Bình PN, Hoa DTN, Mai PN = 6 memberships of the
   * socio-political organisations, 5 persons; with Cụ's NCT, 7 and 6. */
  expect (w, "members_away", y2025, O_NONE, -1, 1, 0);
  expect (w, "members_admitted", y2025, O_NONE, -1, 0, 0);
  expect (w, "memberships_total", y2025, O_NONE, -1, 6, 0);
  expect (w, "members_total", y2025, O_NONE, -1, 5, 0);
  expect_in (w, "socio_political,mass", "memberships_total", y2025, -1, 7, 0);
  expect_in (w, "socio_political,mass", "members_total", y2025, -1, 6, 0);
  expect_in (w, "mass", "members_total", y2025, -1, 1, 0);
  expect_in (w, "NCT,PN", "memberships_total", y2025, -1, 4, 0);
  /* Households on 31/12/2025: HH1..HH5 (Cụ alive in HH3, Mai in HH5);
   * HH4 without a member: 4 of 5. Eligible for a socio-political
   * organisation: Lan, An, Bình, Hoa (30), Cụ (85: ND, CCB, CD have no upper
   * age), Dũng, Mai = 7 (Tú is 15, Khang not yet here); members of a
   * socio-political one: Lan, An, Bình, Hoa, Mai = 5 (Cụ is only in NCT). */
  expect (w, "households_covered", y2025, O_NONE, -1, 4, 5);
  expect (w, "gathering_rate", y2025, O_NONE, -1, 5, 7);
  /* No study in 2025; members on 31/12/2025: 5 persons. The figure is not
   * 0 %: it is undefined, and says there was no study yet. */
  expect_no_study (w, y2025, O_NONE, -1, 5);
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

/* ---- studies recorded the three ways ------------------------------------------ *
 *
 * None of the world's studies is in 2025. On 31/12/2025 (and all through
 * 2025) the members of a socio-political organisation are Lan (PN1, ND1),
 * An (ND2, working away from 10/03), Bình (PN1), Hoa (DTN1) and Mai (PN2)
 * = 5 persons; Lan, An and Bình live in Ấp 1, Hoa and Mai in Ấp 2. So in
 * 2025 members_studied reads "chưa có đợt học tập" until a study is
 * recorded, and each way of recording moves it by what it says. */

static gint64
study_add (World                *w,
           const SmtStudyFields *fields)
{
  g_autoptr(GError) error = NULL;
  gint64 id = smt_study_add (w->reg, fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

/* A study known only by its number. */
static void
test_study_count (World         *w,
                  gconstpointer  data)
{
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);
  g_autoptr(SmtPeriod) q1 = smt_period_new_quarter (2025, 1);
  g_autoptr(SmtPeriod) q3 = smt_period_new_quarter (2025, 3);
  SmtStudyFields pn = {
    .subject = "Nghị quyết về công tác phụ nữ", .organisation_id = w->org[O_PN],
    .date = "2025-06-10", .participants = 2,
  };
  SmtStudyFields pn2 = {
    .subject = "Chỉ thị về gia đình", .branch_id = w->branch[B_PN2], .date = "2025-09-15",
    .participants = 1,
  };
  gint64 id;

  expect_no_study (w, y2025, O_NONE, -1, 5);

  /* PN typed 2 participants, no names: 2 of the 5, counted from the number
   * (the PN has three members, so 2 is possible). */
  id = study_add (w, &pn);
  expect (w, "members_studied", y2025, O_NONE, -1, 2, 5);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_studied", y2025, 0, 0);

    g_assert_true (has_note (r, "2 người"));
    g_assert_true (has_row (r->numerator_rows, id, "Phụ nữ", "Nghị quyết về công tác phụ nữ"));
    g_assert_cmpstr (((SmtExplainRow *) g_ptr_array_index (r->numerator_rows, 0))->kind, ==,
                     "study");
  }
  /* Q1 ends before it: no study yet. Q3 counts since 01/01: 2 of 5. */
  expect_no_study (w, q1, O_NONE, -1, 5);
  expect (w, "members_studied", q3, O_NONE, -1, 2, 5);
  /* For PN alone (Lan, Bình, Mai): 2 of 3; for ND (Lan, An) the PN study
   * is not theirs: none yet. */
  expect (w, "members_studied", y2025, O_PN, -1, 2, 3);
  expect_no_study (w, y2025, O_ND, -1, 2);

  /* A second number of the same organisation, from its branch PN2: 1.
   * Numbers are never added; the PN's 2 includes its branch's 1 (the
   * branch adds max (1 − 0 named, 0) = 1, the PN max (2 − 0, 1) = 2):
   * still 2 of 5. */
  study_add (w, &pn2);
  expect (w, "members_studied", y2025, O_NONE, -1, 2, 5);

  /* With a hamlet, numbers are left out (nobody knows where their people
   * live), and the figure says so: Ấp 1's members Lan, An, Bình: 0 of 3,
   * defined, since studies were held. */
  {
    g_autoptr(SmtIndicatorResult) r =
      compute (w->reg, "members_studied", y2025, 0, w->hamlet[H_1]);

    g_assert_true (r->defined);
    g_assert_cmpfloat (r->numerator, ==, 0);
    g_assert_cmpfloat (r->denominator, ==, 3);
    g_assert_true (has_note (r, "ấp"));
  }
}

/* A study with its participants ticked. */
static void
test_study_ticked (World         *w,
                   gconstpointer  data)
{
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);
  g_autoptr(SmtPeriod) q1 = smt_period_new_quarter (2025, 1);
  g_autoptr(SmtPeriod) q2 = smt_period_new_quarter (2025, 2);
  g_autoptr(SmtPeriod) q3 = smt_period_new_quarter (2025, 3);
  gint64 ids[2] = { w->person[P_LAN], w->person[P_MAI] };
  SmtStudyFields f = {
    .subject = "Nghị quyết về công tác phụ nữ", .organisation_id = w->org[O_PN],
    .date = "2025-04-10", .participant_ids = ids, .n_participant_ids = 2,
  };

  expect_no_study (w, y2025, O_NONE, -1, 5);
  study_add (w, &f);
  /* 0 participants with a list: the list's length. */
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT participants FROM study "
                                           "WHERE date = '2025-04-10'", 0), ==, 2);
  /* Lan and Mai: 2 of 5 in Q2, in Q3 (no study in Q3, but since 01/01)
   * and in the year; Q1 is before it. */
  expect_no_study (w, q1, O_NONE, -1, 5);
  expect (w, "members_studied", q2, O_NONE, -1, 2, 5);
  expect (w, "members_studied", q3, O_NONE, -1, 2, 5);
  expect (w, "members_studied", y2025, O_NONE, -1, 2, 5);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_studied", q3, 0, 0);

    g_assert_true (has_row (r->numerator_rows, w->person[P_LAN], "Nguyễn Thị Lan",
                            "Nghị quyết về công tác phụ nữ — 10/04/2025"));
    g_assert_true (has_row (r->numerator_rows, w->person[P_MAI], "Đỗ Thị Mai", NULL));
    /* Nothing was counted from a number. */
    g_assert_false (has_note (r, "số người tham gia"));
    g_assert_true (has_note (r, "01/01/2025"));
  }
  /* Ấp 2: Hoa, Mai; Mai studied: 1 of 2. */
  expect (w, "members_studied", y2025, O_NONE, H_2, 1, 2);
}

/* A study of the whole branch except two. Three women join PN1 on
 * 01/02/2025 (Thu, Hạnh, Nga, a new household in Ấp 1); Nga works away
 * from 01/05/2025. On 01/06/2025 PN1 holds the study, "everyone but Bình
 * and Hạnh": its members that day are Lan, Bình, Thu, Hạnh and Nga; Nga is
 * away, Bình and Hạnh did not come, so Lan and Thu took part. Members on
 * 31/12/2025: the 5 above and the three = 8. */
static void
test_study_whole_branch (World         *w,
                         gconstpointer  data)
{
  static const SmtPersonFields women[] = {
    { "Trương", "Thị", "Thu", SMT_SEX_FEMALE, "1988-01-12", 1988 },
    { "Lý", "Thị", "Hạnh", SMT_SEX_FEMALE, "1979-06-30", 1979 },
    { "Tạ", "Thị", "Nga", SMT_SEX_FEMALE, "1992-11-02", 1992 },
  };
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);
  g_autoptr(SmtPeriod) h1 = smt_period_new_half (2025, 1);
  g_autoptr(GError) error = NULL;
  gint64 household, people[3], except[2], id;
  SmtStudyFields f = {
    .subject = "Nghị quyết Đại hội Phụ nữ toàn quốc", .branch_id = w->branch[B_PN1],
    .date = "2025-06-01", .mode = SMT_STUDY_WHOLE_BRANCH, .exception_ids = except,
    .n_exception_ids = 2,
  };

  household = smt_household_add (w->reg, w->hamlet[H_1], "", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (women); i++)
    {
      SmtMembershipChange change = {
        .kind = SMT_EVENT_ADMITTED, .organisation_id = w->org[O_PN],
        .branch_id = w->branch[B_PN1], .date = "2025-02-01",
      };

      people[i] = smt_person_add (w->reg, &women[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (smt_residence_move (w->reg, people[i], household, "2000-01-01", i == 0,
                                           "", &error), !=, 0);
      change.person_id = people[i];
      g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
      g_assert_no_error (error);
    }
  {
    SmtMembershipChange away = {
      .kind = SMT_EVENT_AWAY, .person_id = people[2], .organisation_id = w->org[O_PN],
      .date = "2025-05-01",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &away, &error), !=, 0);
    g_assert_no_error (error);
  }
  expect_no_study (w, y2025, O_NONE, -1, 8);

  /* Refused, nothing written: Mai (PN2) was not of PN1 that day; a whole
   * branch needs its branch; a count beside it. */
  except[0] = w->person[P_BINH];
  except[1] = w->person[P_MAI];
  g_assert_cmpint (smt_study_add (w->reg, &f, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  except[1] = people[1];
  f.branch_id = 0;
  f.organisation_id = w->org[O_PN];
  g_assert_cmpint (smt_study_add (w->reg, &f, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  f.branch_id = w->branch[B_PN1];
  f.participants = 4;
  g_assert_cmpint (smt_study_add (w->reg, &f, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count (*) FROM study", 0), ==,
                   6);

  /* Everyone but Bình and Hạnh: Lan and Thu took part; Nga, away, did not. */
  f.participants = 0;
  id = study_add (w, &f);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT participants FROM study "
                                           "WHERE id = ?1", id), ==, 2);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count (*) FROM "
                                           "study_participant WHERE study_id = ?1", id), ==, 2);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count (*) FROM "
                                           "study_exception WHERE study_id = ?1", id), ==, 2);
  expect (w, "members_studied", y2025, O_NONE, -1, 2, 8);
  expect (w, "members_studied", h1, O_NONE, -1, 2, 8);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_studied", y2025, 0, 0);

    g_assert_true (has_row (r->numerator_rows, w->person[P_LAN], NULL, "01/06/2025"));
    g_assert_true (has_row (r->numerator_rows, people[0], "Trương Thị Thu", NULL));
    g_assert_false (has_row (r->numerator_rows, people[2], NULL, NULL));
    g_assert_false (has_row (r->numerator_rows, w->person[P_BINH], NULL, NULL));
  }
}

/* Numbers beside names. PN ticks Lan and Mai on 10/04/2025, then types 3
 * participants on 01/10/2025; the commune types 4 for everyone on
 * 15/11/2025. */
static void
test_study_numbers_and_names (World         *w,
                              gconstpointer  data)
{
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);
  g_autoptr(SmtPeriod) jan = smt_period_new_month (2025, 1);
  g_autoptr(SmtPeriod) dec = smt_period_new_month (2025, 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) months = smt_period_series (jan, dec, &error);
  g_autoptr(GPtrArray) series = NULL;
  gint64 ids[2] = { w->person[P_LAN], w->person[P_MAI] };
  SmtStudyFields ticked = {
    .subject = "Nghị quyết về công tác phụ nữ", .organisation_id = w->org[O_PN],
    .date = "2025-04-10", .participant_ids = ids, .n_participant_ids = 2,
  };
  SmtStudyFields pn = {
    .subject = "Chỉ thị về gia đình", .organisation_id = w->org[O_PN], .date = "2025-10-01",
    .participants = 3,
  };
  SmtStudyFields all = {
    .subject = "Nghị quyết Đại hội Mặt trận", .date = "2025-11-15", .participants = 4,
  };
  /* Month by month, all 5 members: none held before April; Lan and Mai
   * from April; October: the PN's 3 may be Lan, Mai and one more: 3;
   * November on: everyone's 4 less the 2 named = 2 beyond names, more than
   * the PN's 1: 4. */
  static const double numerators[12] = { 0, 0, 0, 2, 2, 2, 2, 2, 2, 3, 4, 4 };

  g_assert_no_error (error);
  study_add (w, &ticked);
  study_add (w, &pn);
  /* The PN's 3 less its named Lan, Mai = 1 more: 3 of 5. */
  expect (w, "members_studied", y2025, O_NONE, -1, 3, 5);
  study_add (w, &all);
  /* Everyone's 4 less the 2 named = 2, more than the PN's 1: 2 more, 4 of 5. */
  expect (w, "members_studied", y2025, O_NONE, -1, 4, 5);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_studied", y2025, 0, 0);

    g_assert_true (has_note (r, "2 người"));
    g_assert_true (has_row (r->numerator_rows, w->person[P_MAI], NULL, NULL));
  }
  /* PN alone (Lan, Bình, Mai): the 4 for everyone allows all three: 3 of 3,
   * never more than the members. */
  expect (w, "members_studied", y2025, O_PN, -1, 3, 3);
  /* DTN alone (Hoa): no DTN study, but everyone's 4 may include her: 1 of 1.
   * A number for everyone cannot say which organisation its people are in. */
  expect (w, "members_studied", y2025, O_DTN, -1, 1, 1);
  /* Ấp 2 (Hoa, Mai): only the names count: Mai, 1 of 2. */
  expect (w, "members_studied", y2025, O_NONE, H_2, 1, 2);

  /* The months of 2025 as one series: the same figures as one by one. */
  series = smt_indicator_compute_series (w->reg, "members_studied",
                                         (SmtPeriod * const *) months->pdata, months->len, NULL,
                                         &error);
  g_assert_no_error (error);
  for (guint m = 0; m < 12; m++)
    {
      const SmtIndicatorResult *r = g_ptr_array_index (series, m);

      g_test_message ("members_studied %02u/2025: %g / %g", m + 1, r->numerator,
                      r->denominator);
      g_assert_cmpfloat (r->numerator, ==, numerators[m]);
      g_assert_cmpfloat (r->denominator, ==, 5);
      g_assert_cmpint (r->defined, ==, m >= 3);
      if (m >= 3)
        expect (w, "members_studied", months->pdata[m], O_NONE, -1, numerators[m], 5);
      else
        expect_no_study (w, months->pdata[m], O_NONE, -1, 5);
    }
}

/* Numbers of a tổ hội and its chi hội. PN1 gets a tổ hội 1A on
 * 01/01/2025 and Bình moves into it on 01/02/2025: PN1's members are Lan
 * (in PN1 itself) and Bình (in 1A). */
static void
test_study_numbers_nested (World         *w,
                           gconstpointer  data)
{
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);
  g_autoptr(GError) error = NULL;
  gint64 lan = w->person[P_LAN], binh = w->person[P_BINH], group;
  SmtStudyFields group_number = {
    .subject = "Chỉ thị về gia đình", .date = "2025-03-01", .participants = 3,
  };
  SmtStudyFields lan_ticked = {
    .subject = "Luật Bình đẳng giới", .branch_id = w->branch[B_PN1], .date = "2025-04-01",
    .participant_ids = &lan, .n_participant_ids = 1,
  };
  SmtStudyFields branch_number = {
    .subject = "Nghị quyết về công tác phụ nữ", .branch_id = w->branch[B_PN1],
    .date = "2025-05-01", .participants = 2,
  };
  SmtStudyFields binh_ticked = {
    .subject = "Nghị quyết về chuyển đổi số", .date = "2025-06-01", .participant_ids = &binh,
    .n_participant_ids = 1,
  };

  group = smt_branch_add (w->reg, w->org[O_PN], w->branch[B_PN1], "tổ hội",
                          "Tổ hội Phụ nữ 1A", &w->hamlet[H_1], 1, "2025-01-01", &error);
  g_assert_no_error (error);
  {
    SmtMembershipChange change = {
      .kind = SMT_EVENT_TRANSFERRED, .person_id = binh, .organisation_id = w->org[O_PN],
      .branch_id = group, .date = "2025-02-01",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
    g_assert_no_error (error);
  }
  group_number.branch_id = group;
  binh_ticked.branch_id = group;

  /* The tổ hội types 3 but has one member: it counts as 1; PN1 and PN add
   * what it adds: 1 of 5. */
  study_add (w, &group_number);
  expect (w, "members_studied", y2025, O_NONE, -1, 1, 5);
  /* Lan ticked in PN1: the tổ hội still adds Bình, unnamed: 2 of 5. */
  study_add (w, &lan_ticked);
  expect (w, "members_studied", y2025, O_NONE, -1, 2, 5);
  /* PN1 types 2, its two members: less Lan named = 1, no more than what
   * the tổ hội adds (1): still 2 of 5, nobody counted twice. */
  study_add (w, &branch_number);
  expect (w, "members_studied", y2025, O_NONE, -1, 2, 5);
  /* Bình named in the tổ hội: its 1 is her; PN1's 2 are Lan and her: 2 of
   * 5, all named. */
  study_add (w, &binh_ticked);
  expect (w, "members_studied", y2025, O_NONE, -1, 2, 5);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_studied", y2025, 0, 0);

    g_assert_false (has_note (r, "số người tham gia đã nhập"));
    g_assert_true (has_row (r->numerator_rows, binh, NULL, "Nghị quyết về chuyển đổi số"));
  }
}

/* ---- every indicator for every kind of period ------------------------------- */

/* The period kinds, with the day stock figures are taken on. */
enum
{
  K_MONTH,    /* 2026-08:                01/08..31/08/2026, stock 31/08/2026 */
  K_QUARTER,  /* 2026-Q3:                01/07..30/09/2026, stock 30/09/2026 */
  K_HALF,     /* 2026-H1:                01/01..30/06/2026, stock 30/06/2026 */
  K_NINE,     /* 2026-9M:                01/01..30/09/2026, stock 30/09/2026 */
  K_YEAR,     /* 2026:                   01/01..31/12/2026, stock 31/12/2026 */
  K_TERM,     /* term of 15-NQ/ĐU:       15/03/2021..14/03/2026, stock 14/03/2026 */
  K_RANGE,    /* 2021-01-01..2025-12-31, stock 31/12/2025 */
  K_MID,      /* 2026-03-10..2026-08-20, mid-month to mid-month, stock 20/08/2026 */
  N_KINDS
};

/* The term of a resolution, as the annex of its review is computed: the
 * range of dates from term_from to term_to. */
static SmtPeriod *
term_of (World  *w,
         gint64  resolution_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = smt_register_prepare (w->reg, "SELECT term_from, term_to FROM resolution "
                                                     "WHERE id = ?1", &error);
  SmtPeriod *period;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, resolution_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  period = smt_period_new_range ((const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1), &error);
  sqlite3_reset (stmt);
  g_assert_no_error (error);
  return period;
}

static GPtrArray *
period_kinds (World *w)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_period_free);

  g_ptr_array_add (periods, smt_period_new_month (2026, 8));
  g_ptr_array_add (periods, smt_period_new_quarter (2026, 3));
  g_ptr_array_add (periods, smt_period_new_half (2026, 1));
  g_ptr_array_add (periods, smt_period_new_nine_months (2026));
  g_ptr_array_add (periods, smt_period_new_year (2026));
  g_ptr_array_add (periods, term_of (w, w->resolution));
  g_ptr_array_add (periods, range ("2021-01-01", "2025-12-31"));
  g_ptr_array_add (periods, range ("2026-03-10", "2026-08-20"));
  g_assert_cmpuint (periods->len, ==, N_KINDS);
  g_assert_cmpstr (smt_period_get_start (periods->pdata[K_TERM]), ==, "2021-03-15");
  g_assert_cmpstr (smt_period_get_end (periods->pdata[K_TERM]), ==, "2026-03-14");
  return periods;
}

typedef struct
{
  const char *code;
  int         kind;
  int         org;      /* query filter, O_NONE: none */
  int         hamlet;   /* -1: the whole commune */
  double      numerator;
  double      denominator;
} Case;

/* The memberships, as spans:
 *
 *   Lan PN    08/03/2010 …                    Lan ND    01/05/2012 … 04/11/2026
 *   An ND     01/01/2012 …, in ND2 from 20/02/2021, away 10/03/2025 … 30/11/2026, back
 *   Bình PN   01/01/2020 …, in PN2 from 15/03/2026
 *   Tú DTN    01/05/2026 …
 *   Hoa DTN   01/01/2012 …, away 01/02 … 31/05/2021, away from 20/07/2026
 *   Hoa PN    10/10/2026 …
 *   Cụ NCT    01/01/2005 … 09/02/2026 (dies 10/02/2026)
 *   Dũng ND   01/06/2022 … 29/09/2024; 10/08/2026 …
 *   Mai PN    03/02/2015 …
 *   Khang ND  05/03/2026 …, in ND1 from 15/09/2026
 *
 * Members on each stock day (memberships; persons):
 *   31/12/2025 (RANGE): Lan PN, Lan ND, An ND, Bình PN, Hoa DTN, Cụ NCT, Mai PN = 7;
 *                       Lan, An, Bình, Hoa, Cụ, Mai = 6
 *   14/03/2026 (TERM):  Lan PN, Lan ND, An ND, Bình PN (still PN1), Hoa DTN, Mai PN,
 *                       Khang ND = 7; Lan, An, Bình, Hoa, Mai, Khang = 6
 *   30/06/2026 (HALF):  Lan PN, Lan ND, An ND, Bình PN, Tú DTN, Hoa DTN, Mai PN,
 *                       Khang ND = 8; all but Cụ and Dũng = 7
 *   20/08, 31/08, 30/09/2026 (MID, MONTH, QUARTER, NINE): the 8 of June + Dũng ND = 9
 *                       (Hoa, away, still counts); persons 8
 *   31/12/2026 (YEAR):  Lan ND gone, Hoa PN come: Lan PN, An ND, Bình PN, Tú DTN,
 *                       Hoa DTN, Hoa PN, Dũng ND, Mai PN, Khang ND = 9; persons 8
 *
 * Living residents on each stock day: all nine but Khang on 31/12/2025 (8);
 * all but Cụ from 14/03/2026 on (8). Aged 16 or more: all of them but Tú before
 * 20/04/2026; 18 or more: all of them but Tú. */
static const Case period_cases[] = {
  /* households_covered: households with a living resident (always HH1..HH5 =
   * 5) that have a member of a socio-political organisation (not NCT). HH4
   * (Dũng) has one only from 10/08/2026; every other household always has
   * one (HH3: Hoa; HH5: Mai). */
  { "households_covered", K_MONTH, O_NONE, -1, 5, 5 },
  { "households_covered", K_QUARTER, O_NONE, -1, 5, 5 },
  { "households_covered", K_HALF, O_NONE, -1, 4, 5 },
  { "households_covered", K_NINE, O_NONE, -1, 5, 5 },
  { "households_covered", K_YEAR, O_NONE, -1, 5, 5 },
  { "households_covered", K_TERM, O_NONE, -1, 4, 5 },
  { "households_covered", K_RANGE, O_NONE, -1, 4, 5 },
  { "households_covered", K_MID, O_NONE, -1, 5, 5 },
  /* With an ND member: HH1 (Lan, An) always; HH5 (Khang) from 05/03/2026;
   * HH4 (Dũng) from 10/08/2026. On 31/12/2026 Lan has left ND but An is
   * back: HH1 still counts. */
  { "households_covered", K_MONTH, O_ND, -1, 3, 5 },
  { "households_covered", K_QUARTER, O_ND, -1, 3, 5 },
  { "households_covered", K_HALF, O_ND, -1, 2, 5 },
  { "households_covered", K_NINE, O_ND, -1, 3, 5 },
  { "households_covered", K_YEAR, O_ND, -1, 3, 5 },
  { "households_covered", K_TERM, O_ND, -1, 2, 5 },
  { "households_covered", K_RANGE, O_ND, -1, 1, 5 },
  { "households_covered", K_MID, O_ND, -1, 3, 5 },

  /* members_studied: persons who are members (any organisation) on the
   * stock day, and of them those in a study since 01/01 of the period's
   * year (a range: since its first day).
   *   MONTH (August): 8 members; since 01/01: 20/03 An, Dũng (a member
   *     again from 10/08); 01/04 Khang; 10/05 Lan, Bình; 20/08 Mai, Dũng →
   *     6 of 8 (August alone would give 2: Mai, Dũng).
   *   QUARTER (Q3): the same 6 of 8 (Q3 alone: 2).
   *   HALF: 7 members; 20/03 An (Dũng was no member then, nor on 30/06),
   *     01/04 Khang, 10/05 Lan, Bình → 4 of 7.
   *   NINE: 8 members; An, Dũng (a member on 30/09 who studied on 20/03),
   *     Khang, Lan, Bình, Mai → 6 of 8.
   *   YEAR: 8 members; those 6 + Hoa, Tú (05/12) → 8 of 8.
   *   TERM: 6 members on 14/03/2026; 15/06/2023 An, Lan → 2 of 6 (20/03/2026
   *     is after the term).
   *   RANGE: 5 members of a socio-political organisation on 31/12/2025 (Cụ,
   *     in NCT only, is not among them); An, Lan → 2 of 5.
   *   MID: 8 members on 20/08; 20/03, 01/04, 10/05 and 20/08 (the last
   *     day) → An, Dũng, Khang, Lan, Bình, Mai = 6 of 8. */
  { "members_studied", K_MONTH, O_NONE, -1, 6, 8 },
  { "members_studied", K_QUARTER, O_NONE, -1, 6, 8 },
  { "members_studied", K_HALF, O_NONE, -1, 4, 7 },
  { "members_studied", K_NINE, O_NONE, -1, 6, 8 },
  { "members_studied", K_YEAR, O_NONE, -1, 8, 8 },
  { "members_studied", K_TERM, O_NONE, -1, 2, 6 },
  { "members_studied", K_RANGE, O_NONE, -1, 2, 5 },
  { "members_studied", K_MID, O_NONE, -1, 6, 8 },
  /* ND only: ND members on 31/12/2026 An, Dũng, Khang, in the studies for
   * everyone or for ND: 20/03 An, Dũng; 01/04 (ND1) Khang → 3 of 3. On
   * 31/12/2025 Lan, An, both at the ND study of 2023 → 2 of 2. */
  { "members_studied", K_YEAR, O_ND, -1, 3, 3 },
  { "members_studied", K_RANGE, O_ND, -1, 2, 2 },

  /* gathering_rate: living residents eligible for a socio-political
   * organisation (16 or more) and, of them, members of one.
   *   RANGE (31/12/2025): Lan, An, Bình, Hoa, Cụ (85, for ND), Dũng, Mai = 7
   *     (Tú is 15); members Lan, An, Bình, Hoa, Mai = 5 (Cụ is in NCT only,
   *     Dũng left in 2024).
   *   TERM (14/03/2026): Cụ is dead, Khang has come: 7; members + Khang = 6.
   *   HALF: Tú 16 → 8; all but Dũng → 7.
   *   MID, MONTH, QUARTER, NINE, YEAR: 8; Dũng is back → 8. */
  { "gathering_rate", K_MONTH, O_NONE, -1, 8, 8 },
  { "gathering_rate", K_QUARTER, O_NONE, -1, 8, 8 },
  { "gathering_rate", K_HALF, O_NONE, -1, 7, 8 },
  { "gathering_rate", K_NINE, O_NONE, -1, 8, 8 },
  { "gathering_rate", K_YEAR, O_NONE, -1, 8, 8 },
  { "gathering_rate", K_TERM, O_NONE, -1, 6, 7 },
  { "gathering_rate", K_RANGE, O_NONE, -1, 5, 7 },
  { "gathering_rate", K_MID, O_NONE, -1, 8, 8 },
  /* gathering_rate:ND: living residents of 18 or more, 7 on every stock day
   * (RANGE: Lan, An, Bình, Hoa, Cụ, Dũng, Mai; later Khang instead of Cụ;
   * Tú is under 18). ND members: RANGE Lan, An = 2; TERM, HALF + Khang = 3;
   * MID, MONTH, QUARTER, NINE + Dũng = 4; YEAR Lan has left = 3. */
  { "gathering_rate:ND", K_MONTH, O_NONE, -1, 4, 7 },
  { "gathering_rate:ND", K_QUARTER, O_NONE, -1, 4, 7 },
  { "gathering_rate:ND", K_HALF, O_NONE, -1, 3, 7 },
  { "gathering_rate:ND", K_NINE, O_NONE, -1, 4, 7 },
  { "gathering_rate:ND", K_YEAR, O_NONE, -1, 3, 7 },
  { "gathering_rate:ND", K_TERM, O_NONE, -1, 3, 7 },
  { "gathering_rate:ND", K_RANGE, O_NONE, -1, 2, 7 },
  { "gathering_rate:ND", K_MID, O_NONE, -1, 4, 7 },
  /* gathering_rate:PN: women of 18 or more Lan, Bình, Hoa, Mai = 4 on every
   * stock day; members Lan, Bình, Mai, and Hoa from 10/10/2026. */
  { "gathering_rate:PN", K_MONTH, O_NONE, -1, 3, 4 },
  { "gathering_rate:PN", K_QUARTER, O_NONE, -1, 3, 4 },
  { "gathering_rate:PN", K_HALF, O_NONE, -1, 3, 4 },
  { "gathering_rate:PN", K_NINE, O_NONE, -1, 3, 4 },
  { "gathering_rate:PN", K_YEAR, O_NONE, -1, 4, 4 },
  { "gathering_rate:PN", K_TERM, O_NONE, -1, 3, 4 },
  { "gathering_rate:PN", K_RANGE, O_NONE, -1, 3, 4 },
  { "gathering_rate:PN", K_MID, O_NONE, -1, 3, 4 },

  /* memberships_total and members_total: the lists above. */
  { "memberships_total", K_MONTH, O_NONE, -1, 9, 0 },
  { "memberships_total", K_QUARTER, O_NONE, -1, 9, 0 },
  { "memberships_total", K_HALF, O_NONE, -1, 8, 0 },
  { "memberships_total", K_NINE, O_NONE, -1, 9, 0 },
  { "memberships_total", K_YEAR, O_NONE, -1, 9, 0 },
  { "memberships_total", K_TERM, O_NONE, -1, 7, 0 },
  { "memberships_total", K_RANGE, O_NONE, -1, 6, 0 },
  { "memberships_total", K_MID, O_NONE, -1, 9, 0 },
  { "members_total", K_MONTH, O_NONE, -1, 8, 0 },
  { "members_total", K_QUARTER, O_NONE, -1, 8, 0 },
  { "members_total", K_HALF, O_NONE, -1, 7, 0 },
  { "members_total", K_NINE, O_NONE, -1, 8, 0 },
  { "members_total", K_YEAR, O_NONE, -1, 8, 0 },
  { "members_total", K_TERM, O_NONE, -1, 6, 0 },
  { "members_total", K_RANGE, O_NONE, -1, 5, 0 },
  { "members_total", K_MID, O_NONE, -1, 8, 0 },
  /* ND by its code: RANGE Lan, An = 2; TERM, HALF + Khang = 3; MID, MONTH,
   * QUARTER, NINE + Dũng = 4; YEAR without Lan = 3. */
  { "memberships_total:ND", K_MONTH, O_NONE, -1, 4, 0 },
  { "memberships_total:ND", K_QUARTER, O_NONE, -1, 4, 0 },
  { "memberships_total:ND", K_HALF, O_NONE, -1, 3, 0 },
  { "memberships_total:ND", K_NINE, O_NONE, -1, 4, 0 },
  { "memberships_total:ND", K_YEAR, O_NONE, -1, 3, 0 },
  { "memberships_total:ND", K_TERM, O_NONE, -1, 3, 0 },
  { "memberships_total:ND", K_RANGE, O_NONE, -1, 2, 0 },
  { "memberships_total:ND", K_MID, O_NONE, -1, 4, 0 },
  /* Persons living in Ấp 2 (Hoa, Cụ, Dũng, Mai, Khang) who are members of
   * a socio-political organisation: RANGE Hoa, Mai = 2 (Cụ is in NCT
   * only); TERM, HALF Hoa, Mai, Khang = 3; MID, MONTH,
   * QUARTER, NINE, YEAR + Dũng = 4. */
  { "members_total", K_MONTH, O_NONE, H_2, 4, 0 },
  { "members_total", K_QUARTER, O_NONE, H_2, 4, 0 },
  { "members_total", K_HALF, O_NONE, H_2, 3, 0 },
  { "members_total", K_NINE, O_NONE, H_2, 4, 0 },
  { "members_total", K_YEAR, O_NONE, H_2, 4, 0 },
  { "members_total", K_TERM, O_NONE, H_2, 3, 0 },
  { "members_total", K_RANGE, O_NONE, H_2, 2, 0 },
  { "members_total", K_MID, O_NONE, H_2, 4, 0 },

  /* members_admitted: kết nạp mới dated in the period: Dũng 01/06/2022, Tú
   * 01/05/2026, Dũng 10/08/2026, Hoa (PN) 10/10/2026. Khang's transfer in
   * of 05/03/2026 is a chuyển đến (members_transferred_in); it counted here
   * before the movements were split, hence HALF, NINE, YEAR and TERM one
   * lower than they were.
   *   MONTH, QUARTER: Dũng → 1. HALF: Tú → 1. NINE: + Dũng → 2. YEAR:
   *   + Hoa → 3. TERM: Dũng 2022 → 1. RANGE: Dũng 2022 → 1. MID (from
   *   10/03): Tú, Dũng → 2. */
  { "members_admitted", K_MONTH, O_NONE, -1, 1, 0 },
  { "members_admitted", K_QUARTER, O_NONE, -1, 1, 0 },
  { "members_admitted", K_HALF, O_NONE, -1, 1, 0 },
  { "members_admitted", K_NINE, O_NONE, -1, 2, 0 },
  { "members_admitted", K_YEAR, O_NONE, -1, 3, 0 },
  { "members_admitted", K_TERM, O_NONE, -1, 1, 0 },
  { "members_admitted", K_RANGE, O_NONE, -1, 1, 0 },
  { "members_admitted", K_MID, O_NONE, -1, 2, 0 },
  /* members_transferred_in: Khang 05/03/2026 only.
   *   HALF, NINE, YEAR, TERM (to 14/03/2026) → 1; MONTH, QUARTER, RANGE
   *   and MID (from 10/03) → 0. ND by its filter alike; PN never. */
  { "members_transferred_in", K_MONTH, O_NONE, -1, 0, 0 },
  { "members_transferred_in", K_QUARTER, O_NONE, -1, 0, 0 },
  { "members_transferred_in", K_HALF, O_NONE, -1, 1, 0 },
  { "members_transferred_in", K_NINE, O_NONE, -1, 1, 0 },
  { "members_transferred_in", K_YEAR, O_NONE, -1, 1, 0 },
  { "members_transferred_in", K_TERM, O_NONE, -1, 1, 0 },
  { "members_transferred_in", K_RANGE, O_NONE, -1, 0, 0 },
  { "members_transferred_in", K_MID, O_NONE, -1, 0, 0 },
  { "members_transferred_in", K_YEAR, O_ND, -1, 1, 0 },
  { "members_transferred_in", K_YEAR, O_PN, -1, 0, 0 },
  /* Khang lives in Ấp 2 (HH5) from 01/03/2026. */
  { "members_transferred_in", K_YEAR, O_NONE, H_2, 1, 0 },
  { "members_transferred_in", K_YEAR, O_NONE, H_1, 0, 0 },
  /* members_transferred_out: nobody of this commune moves out (the case
   * split-flows does); every kind 0. */
  { "members_transferred_out", K_MONTH, O_NONE, -1, 0, 0 },
  { "members_transferred_out", K_QUARTER, O_NONE, -1, 0, 0 },
  { "members_transferred_out", K_HALF, O_NONE, -1, 0, 0 },
  { "members_transferred_out", K_NINE, O_NONE, -1, 0, 0 },
  { "members_transferred_out", K_YEAR, O_NONE, -1, 0, 0 },
  { "members_transferred_out", K_TERM, O_NONE, -1, 0, 0 },
  { "members_transferred_out", K_RANGE, O_NONE, -1, 0, 0 },
  { "members_transferred_out", K_MID, O_NONE, -1, 0, 0 },
  /* members_deceased: Cụ's death of 10/02/2026 ends his NCT membership,
   * outside the socio-political scope: 0 for the commune, and for NCT
   * HALF, NINE, YEAR, TERM (to 14/03/2026) → 1, RANGE and MID → 0. */
  { "members_deceased", K_MONTH, O_NONE, -1, 0, 0 },
  { "members_deceased", K_QUARTER, O_NONE, -1, 0, 0 },
  { "members_deceased", K_HALF, O_NONE, -1, 0, 0 },
  { "members_deceased", K_NINE, O_NONE, -1, 0, 0 },
  { "members_deceased", K_YEAR, O_NONE, -1, 0, 0 },
  { "members_deceased", K_TERM, O_NONE, -1, 0, 0 },
  { "members_deceased", K_RANGE, O_NONE, -1, 0, 0 },
  { "members_deceased", K_MID, O_NONE, -1, 0, 0 },
  { "members_deceased", K_HALF, O_NCT, -1, 1, 0 },
  { "members_deceased", K_YEAR, O_NCT, -1, 1, 0 },
  { "members_deceased", K_TERM, O_NCT, -1, 1, 0 },
  { "members_deceased", K_RANGE, O_NCT, -1, 0, 0 },
  { "members_deceased", K_MID, O_NCT, -1, 0, 0 },
  /* members_left (ra khỏi tổ chức, xóa tên): Dũng left 30/09/2024, Lan left
   * ND 05/11/2026 (still in PN: a membership leaves, not a person); Cụ's
   * death on 10/02/2026 is a từ trần (members_deceased), not a leave.
   *   MONTH, QUARTER, MID, HALF, NINE: 0. YEAR: Lan → 1. TERM: Dũng → 1.
   *   RANGE: Dũng → 1. */
  { "members_left", K_MONTH, O_NONE, -1, 0, 0 },
  { "members_left", K_QUARTER, O_NONE, -1, 0, 0 },
  { "members_left", K_HALF, O_NONE, -1, 0, 0 },
  { "members_left", K_NINE, O_NONE, -1, 0, 0 },
  { "members_left", K_YEAR, O_NONE, -1, 1, 0 },
  { "members_left", K_TERM, O_NONE, -1, 1, 0 },
  { "members_left", K_RANGE, O_NONE, -1, 1, 0 },
  { "members_left", K_MID, O_NONE, -1, 0, 0 },
  /* members_transferred: An 20/02/2021, Bình 15/03/2026, Khang 15/09/2026.
   *   MONTH: 0. QUARTER: Khang → 1. HALF: Bình → 1. NINE, YEAR: Bình,
   *   Khang → 2. TERM (15/03/2021..14/03/2026): An is before it, Bình the
   *   day after it → 0. RANGE: An → 1. MID: Bình → 1. */
  { "members_transferred", K_MONTH, O_NONE, -1, 0, 0 },
  { "members_transferred", K_QUARTER, O_NONE, -1, 1, 0 },
  { "members_transferred", K_HALF, O_NONE, -1, 1, 0 },
  { "members_transferred", K_NINE, O_NONE, -1, 2, 0 },
  { "members_transferred", K_YEAR, O_NONE, -1, 2, 0 },
  { "members_transferred", K_TERM, O_NONE, -1, 0, 0 },
  { "members_transferred", K_RANGE, O_NONE, -1, 1, 0 },
  { "members_transferred", K_MID, O_NONE, -1, 1, 0 },
  /* members_away: Hoa 01/02/2021, An 10/03/2025, Hoa 20/07/2026 (the
   * returns of 01/06/2021 and 01/12/2026 are not counted).
   *   MONTH, HALF: 0. QUARTER, NINE, YEAR, MID: Hoa → 1. TERM: An → 1.
   *   RANGE: Hoa, An → 2. */
  { "members_away", K_MONTH, O_NONE, -1, 0, 0 },
  { "members_away", K_QUARTER, O_NONE, -1, 1, 0 },
  { "members_away", K_HALF, O_NONE, -1, 0, 0 },
  { "members_away", K_NINE, O_NONE, -1, 1, 0 },
  { "members_away", K_YEAR, O_NONE, -1, 1, 0 },
  { "members_away", K_TERM, O_NONE, -1, 1, 0 },
  { "members_away", K_RANGE, O_NONE, -1, 2, 0 },
  { "members_away", K_MID, O_NONE, -1, 1, 0 },
};

/* Every case by itself, then every indicator of the table as one series
 * over all the period kinds (last to first): the same figures. */
static void
test_period_kinds (World         *w,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) periods = period_kinds (w);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  static const char *codes[] = {
    "households_covered", "members_studied", "gathering_rate", "memberships_total",
    "members_total", "members_admitted", "members_left", "members_transferred", "members_away",
    "members_transferred_in", "members_transferred_out", "members_deceased",
  };

  /* Every indicator of this file for every kind, without a filter. */
  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    for (int k = 0; k < N_KINDS; k++)
      {
        gboolean found = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (period_cases) && !found; i++)
          found = strcmp (period_cases[i].code, codes[c]) == 0 && period_cases[i].kind == k
                  && period_cases[i].org == O_NONE && period_cases[i].hamlet < 0;
        g_assert_true (found);
      }

  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      const Case *c = &period_cases[i];

      expect (w, c->code, periods->pdata[c->kind], c->org, c->hamlet, c->numerator,
              c->denominator);
    }

  for (int k = N_KINDS - 1; k >= 0; k--)
    g_ptr_array_add (reversed, periods->pdata[k]);
  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      const Case *c = &period_cases[i];
      g_autoptr(GError) error = NULL;
      SmtIndicatorQuery q = {
        .organisation_id = w->org[c->org], .hamlet_id = c->hamlet >= 0 ? w->hamlet[c->hamlet] : 0,
      };
      g_autoptr(GPtrArray) series = smt_indicator_compute_series (
        w->reg, c->code, (SmtPeriod * const *) reversed->pdata, reversed->len, &q, &error);
      const SmtIndicatorResult *r;

      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, N_KINDS);
      r = g_ptr_array_index (series, N_KINDS - 1 - c->kind);
      g_assert_true (smt_period_equal (r->period, periods->pdata[c->kind]));
      g_assert_cmpfloat (r->numerator, ==, c->numerator);
      g_assert_cmpfloat (r->denominator, ==, c->denominator);
    }
}

/* Figures of one indicator at the end of each month of 2026, worked out
 * from the spans above. */
typedef struct
{
  const char *code;
  double      numerators[12];    /* January … December */
  double      denominators[12];
} Monthly;

#define NONE12 { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }

/* Before any write of the test (the socio-political organisations: Cụ's
 * NCT membership, until he dies in February, is outside the scope):
 *   memberships_total: 31/01 Lan PN, Lan ND, An ND, Bình PN, Hoa DTN, Mai PN
 *     = 6; Feb 6; Mar + Khang = 7; Apr 7; May + Tú = 8; Jun, Jul 8; Aug +
 *     Dũng = 9; Sep 9; Oct + Hoa PN = 10; Nov Lan leaves ND = 9; Dec 9.
 *   members_total: Jan 5 (Lan, An, Bình, Hoa, Mai); Feb 5; Mar 6; Apr 6;
 *     May 7; Jun, Jul 7; Aug 8; Sep–Dec 8 (Hoa and Lan are counted once).
 *   members_left: Nov Lan (ND).
 *   gathering_rate: living residents of 16 or more: Jan Lan, An, Bình, Hoa,
 *     Cụ, Dũng, Mai = 7; Feb Cụ dies = 6; Mar + Khang = 7; Apr + Tú (16 on
 *     20/04) = 8, then 8. Members of a socio-political organisation among
 *     them: Jan, Feb Lan, An, Bình, Hoa, Mai = 5; Mar, Apr + Khang = 6;
 *     May–Jul + Tú = 7; Aug–Dec + Dũng = 8.
 *   gathering_rate:PN: women of 18+ Lan, Bình, Hoa, Mai = 4 all year;
 *     members Lan, Bình, Mai, and Hoa from October. */
static const Monthly months_before[] = {
  { "memberships_total", { 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 9, 9 }, NONE12 },
  { "members_total", { 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8 }, NONE12 },
  { "members_left", { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, NONE12 },
  { "gathering_rate", { 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 8 },
                      { 7, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8 } },
  { "gathering_rate:PN", { 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4 },
                         { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 } },
};

/* Inside a batch, Lan leaves PN on 01/02/2026: one membership fewer from
 * February, but the same persons (and the same gathered) until she leaves
 * ND too in November; one more leave in February; one PN member fewer from
 * February. */
static const Monthly months_lan_left[] = {
  { "memberships_total", { 6, 5, 6, 6, 7, 7, 7, 8, 8, 9, 8, 8 }, NONE12 },
  { "members_total", { 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 7, 7 }, NONE12 },
  { "members_left", { 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, NONE12 },
  { "gathering_rate", { 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 7, 7 },
                      { 7, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8 } },
  { "gathering_rate:PN", { 3, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3 },
                         { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 } },
};

/* Mai (only in PN) leaves PN on 20/01/2026: one membership, one person, one
 * gathered fewer from January; one more leave in January. */
static const Monthly months_mai_left[] = {
  { "memberships_total", { 5, 5, 6, 6, 7, 7, 7, 8, 8, 9, 8, 8 }, NONE12 },
  { "members_total", { 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7 }, NONE12 },
  { "members_left", { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 }, NONE12 },
  { "gathering_rate", { 4, 4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 7 },
                      { 7, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8 } },
  { "gathering_rate:PN", { 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3 },
                         { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 } },
};

/* The twelve months of 2026 as one series on the register, for each row. */
static void
expect_months (World         *w,
               GPtrArray     *months,
               const Monthly *rows,
               guint          n_rows,
               const char    *when)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) series = smt_indicator_compute_series (
        w->reg, rows[i].code, (SmtPeriod * const *) months->pdata, months->len, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, 12);
      for (guint m = 0; m < 12; m++)
        {
          const SmtIndicatorResult *r = g_ptr_array_index (series, m);

          g_test_message ("%s: %s %02u/2026: %g / %g", when, rows[i].code, m + 1, r->numerator,
                          r->denominator);
          g_assert_cmpfloat (r->numerator, ==, rows[i].numerators[m]);
          g_assert_cmpfloat (r->denominator, ==, rows[i].denominators[m]);
        }
    }
}

/* One open register all along: January 2026 and the twelve months of 2026
 * are computed; a refused write, then a batch of writes rolled back, leave
 * them as they were; Mai's leave dated 20/01/2026 is entered and January
 * and the series computed again show it. The register keeps the facts it
 * counts on until its content changes: none of this may be answered from
 * facts of before a write, nor from a write that was undone. */
static void
test_back_dated_leave (World         *w,
                       gconstpointer  data)
{
  g_autoptr(SmtPeriod) jan = smt_period_new_month (2026, 1);
  g_autoptr(SmtPeriod) dec = smt_period_new_month (2026, 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) months = smt_period_series (jan, dec, &error);

  g_assert_no_error (error);

  /* On 31/01/2026: Lan PN, Lan ND, An ND, Bình PN, Hoa DTN, Mai PN = 6
   * memberships, 5 persons (Cụ, alive, is in NCT only); PN: women 18+ Lan, Bình, Hoa, Mai,
   * members Lan, Bình, Mai = 3 of 4. */
  expect (w, "memberships_total", jan, O_NONE, -1, 6, 0);
  expect (w, "members_total", jan, O_NONE, -1, 5, 0);
  expect (w, "members_left", jan, O_NONE, -1, 0, 0);
  expect (w, "gathering_rate", jan, O_PN, -1, 3, 4);
  expect (w, "households_covered", jan, O_PN, -1, 3, 5);
  expect_months (w, months, months_before, G_N_ELEMENTS (months_before), "before");

  /* Refused: a leave before Lan's admission, and Khang's death on
   * 01/06/2026, which his transfer of 15/09 contradicts (the person row is
   * written, then everything is rolled back). Nothing changes. */
  {
    SmtMembershipChange change = {
      .kind = SMT_EVENT_LEFT, .person_id = w->person[P_LAN], .organisation_id = w->org[O_PN],
      .date = "2009-01-01",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &change, &error), ==, 0);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_MEMBER);
    g_clear_error (&error);
    g_assert_false (smt_person_record_death (w->reg, w->person[P_KHANG], "2026-06-01", "",
                                             &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  expect (w, "memberships_total", jan, O_NONE, -1, 6, 0);
  expect_months (w, months, months_before, G_N_ELEMENTS (months_before), "after refused");

  /* A batch: Lan's leave from PN is seen inside it, and gone once it is
   * rolled back. */
  g_assert_true (smt_register_begin (w->reg, &error));
  g_assert_no_error (error);
  record (w, SMT_EVENT_LEFT, P_LAN, O_PN, B_NONE, "2026-02-01");
  expect_months (w, months, months_lan_left, G_N_ELEMENTS (months_lan_left), "in batch");
  smt_register_rollback (w->reg);
  expect (w, "memberships_total", jan, O_NONE, -1, 6, 0);
  expect_months (w, months, months_before, G_N_ELEMENTS (months_before), "rolled back");

  record (w, SMT_EVENT_LEFT, P_MAI, O_PN, B_NONE, "2026-01-20");

  /* Mai is gone: 5 memberships, 4 persons, 1 left, PN 2 of 4, and HH5
   * (Khang not there yet) has no PN member: 2 of 5. */
  expect (w, "memberships_total", jan, O_NONE, -1, 5, 0);
  expect (w, "members_total", jan, O_NONE, -1, 4, 0);
  expect (w, "members_left", jan, O_NONE, -1, 1, 0);
  expect (w, "gathering_rate", jan, O_PN, -1, 2, 4);
  expect (w, "households_covered", jan, O_PN, -1, 2, 5);
  expect_months (w, months, months_mai_left, G_N_ELEMENTS (months_mai_left), "after");
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
    "members_transferred", "members_away", "members_studied", "members_transferred_in",
    "members_transferred_out", "members_deceased",
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


/* ---- the movements split, and the balance ----------------------------------- */

/* A row of the balance as the test expects it: increases admitted,
 * transferred in, moved in; decreases transferred out, left, deceased,
 * moved out; moves transferred, restructured, away. */
typedef struct
{
  int   org;
  int   hamlet;     /* -1: the commune; N_HAMLETS: living in no hamlet */
  guint start;
  guint inc[SMT_N_BALANCE_INCREASES];
  guint dec[SMT_N_BALANCE_DECREASES];
  guint end;
  guint moves[SMT_N_BALANCE_MOVES];
} BalanceCase;

static const SmtBalanceRow *
balance_row (World     *w,
             GPtrArray *rows,
             int        org,
             int        hamlet)
{
  gint64 hamlet_id = hamlet < 0 ? 0 : hamlet == N_HAMLETS ? SMT_BALANCE_NO_HAMLET
                                                           : w->hamlet[hamlet];

  for (guint i = 0; i < rows->len; i++)
    {
      const SmtBalanceRow *row = g_ptr_array_index (rows, i);

      if (row->organisation_id == w->org[org] && row->hamlet_id == hamlet_id)
        return row;
    }
  return NULL;
}

/* Every row closes, ends at memberships_total on the period's last day and
 * starts at it on the day before its first. */
static void
assert_balance_closes (World           *w,
                       GPtrArray       *rows,
                       const SmtPeriod *period)
{
  g_autofree char *before = smt_date_add_days (smt_period_get_start (period), -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) day_before = smt_period_new_range (before, before, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtBalanceRow *row = g_ptr_array_index (rows, i);
      SmtIndicatorQuery q = { .organisation_id = row->organisation_id,
                              .hamlet_id = MAX (row->hamlet_id, 0) };
      g_autoptr(SmtIndicatorResult) end = NULL;
      g_autoptr(SmtIndicatorResult) start = NULL;

      g_assert_cmpuint (row->start + smt_balance_row_increased (row), ==,
                        row->end + smt_balance_row_decreased (row));
      if (row->hamlet_id == SMT_BALANCE_NO_HAMLET)
        continue;
      end = smt_indicator_compute (w->reg, "memberships_total", period, &q, &error);
      g_assert_no_error (error);
      start = smt_indicator_compute (w->reg, "memberships_total", day_before, &q, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (row->end, ==, end->value);
      g_assert_cmpfloat (row->start, ==, start->value);
    }
}

/* The first commune, then in 2026: Bình and Mai (PN2) are moved into the
 * new "Tổ hội Phụ nữ số 1 ấp 2" on 01/06 (a restructure); Mai is
 * transferred out of the commune on 15/07, the day she moves away; An (ND,
 * away) moves from HH1 (Ấp 1) to HH4 (Ấp 2) on 01/08; Bình is removed from
 * PN on 05/08; Tú (DTN) moves out of the commune on 01/09 with no
 * membership event yet; Dũng dies on 20/09 (ND since 10/08).
 *
 * The third quarter (01/07..30/09), socio-political scope: admitted Dũng =
 * 1; transferred in 0; transferred out Mai = 1; left (removed) Bình = 1;
 * deceased Dũng = 1; transferred Khang (15/09) = 1. The second quarter:
 * transferred 0, though Bình and Mai were moved (a restructure is not a
 * chuyển sinh hoạt); admitted Tú = 1. */
static void
test_split_flows (World         *w,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) q2 = smt_period_new_quarter (2026, 2);
  g_autoptr(SmtPeriod) q3 = smt_period_new_quarter (2026, 3);
  g_autoptr(GPtrArray) rows = NULL;
  gint64 ids[2] = { w->person[P_BINH], w->person[P_MAI] };
  SmtRestructureFields fields = {
    .date = "2026-06-01", .reason = "Thành lập tổ hội", .person_ids = ids, .n_persons = 2,
  };
  gint64 to_hoi;

  to_hoi = smt_branch_add (w->reg, w->org[O_PN], w->branch[B_PN2], "tổ hội",
                           "Tổ hội Phụ nữ số 1 ấp 2", NULL, 0, "2026-06-01", &error);
  g_assert_no_error (error);
  fields.branch_id = to_hoi;
  g_assert_cmpint (smt_restructure_apply (w->reg, &fields, NULL, &error), !=, 0);
  g_assert_no_error (error);
  record (w, SMT_EVENT_TRANSFERRED_OUT, P_MAI, O_PN, B_NONE, "2026-07-15");
  g_assert_cmpint (smt_residence_move (w->reg, w->person[P_MAI], 0, "2026-07-15", FALSE, "",
                                       &error), !=, 0);
  g_assert_no_error (error);
  move (w, P_AN, HH_4, "2026-08-01", FALSE);
  record (w, SMT_EVENT_REMOVED, P_BINH, O_PN, B_NONE, "2026-08-05");
  g_assert_cmpint (smt_residence_move (w->reg, w->person[P_TU], 0, "2026-09-01", FALSE, "",
                                       &error), !=, 0);
  g_assert_no_error (error);
  g_assert_true (smt_person_record_death (w->reg, w->person[P_DUNG], "2026-09-20", "", &error));
  g_assert_no_error (error);

  expect (w, "members_admitted", q3, O_NONE, -1, 1, 0);
  expect (w, "members_transferred_in", q3, O_NONE, -1, 0, 0);
  expect (w, "members_transferred_out", q3, O_NONE, -1, 1, 0);
  expect (w, "members_transferred_out", q3, O_PN, -1, 1, 0);
  expect (w, "members_transferred_out", q3, O_ND, -1, 0, 0);
  /* Mai lived in Ấp 2 on 14/07, her last day as a member. */
  expect (w, "members_transferred_out", q3, O_NONE, H_2, 1, 0);
  expect (w, "members_transferred_out", q3, O_NONE, H_1, 0, 0);
  expect (w, "members_left", q3, O_NONE, -1, 1, 0);
  expect (w, "members_left", q3, O_NONE, H_1, 1, 0);
  expect (w, "members_deceased", q3, O_NONE, -1, 1, 0);
  expect (w, "members_deceased", q3, O_ND, -1, 1, 0);
  /* Dũng lived in HH4, Ấp 2. */
  expect (w, "members_deceased", q3, O_NONE, H_2, 1, 0);
  expect (w, "members_transferred", q3, O_NONE, -1, 1, 0);
  expect (w, "members_transferred", q2, O_NONE, -1, 0, 0);
  expect (w, "members_transferred", q2, O_PN, -1, 0, 0);
  expect (w, "members_admitted", q2, O_NONE, -1, 1, 0);
  {
    g_autoptr(SmtIndicatorResult) r = compute (w->reg, "members_deceased", q3, 0, 0);

    g_assert_true (has_row (r->numerator_rows, w->person[P_DUNG], "Võ Dũng (1990, Ấp 2)",
                            "20/09/2026"));
  }

  /* The balance of the third quarter, worked out from the spans:
   *   PN on 30/06: Lan (Ấp 1), Bình (Ấp 1), Mai (Ấp 2) = 3; Mai out, Bình
   *     removed: 1 (Lan) on 30/09.
   *   ND on 30/06: Lan (Ấp 1), An (Ấp 1, away), Khang (Ấp 2) = 3; Dũng
   *     admitted and deceased (Ấp 2); An moves to Ấp 2 on 01/08: Ấp 1
   *     ends with Lan, Ấp 2 with An and Khang; Khang's transfer counted
   *     beside (in Ấp 2).
   *   DTN on 30/06: Tú (Ấp 1), Hoa (Ấp 2) = 2; Hoa goes away on 20/07 (a
   *     move); Tú leaves the commune on 01/09 still a member: out of Ấp 1,
   *     into the row of those living in no hamlet.
   *   NCT: nobody since Cụ died in February. */
  {
    static const BalanceCase cases[] = {
      { O_PN, -1, 3, { 0, 0, 0 }, { 1, 1, 0, 0 }, 1, { 0, 0, 0 } },
      { O_PN, H_1, 2, { 0, 0, 0 }, { 0, 1, 0, 0 }, 1, { 0, 0, 0 } },
      { O_PN, H_2, 1, { 0, 0, 0 }, { 1, 0, 0, 0 }, 0, { 0, 0, 0 } },
      { O_ND, -1, 3, { 1, 0, 0 }, { 0, 0, 1, 0 }, 3, { 1, 0, 0 } },
      { O_ND, H_1, 2, { 0, 0, 0 }, { 0, 0, 0, 1 }, 1, { 0, 0, 0 } },
      { O_ND, H_2, 1, { 1, 0, 1 }, { 0, 0, 1, 0 }, 2, { 1, 0, 0 } },
      { O_DTN, -1, 2, { 0, 0, 0 }, { 0, 0, 0, 0 }, 2, { 0, 0, 1 } },
      { O_DTN, H_1, 1, { 0, 0, 0 }, { 0, 0, 0, 1 }, 0, { 0, 0, 0 } },
      { O_DTN, H_2, 1, { 0, 0, 0 }, { 0, 0, 0, 0 }, 1, { 0, 0, 1 } },
      { O_DTN, N_HAMLETS, 0, { 0, 0, 1 }, { 0, 0, 0, 0 }, 1, { 0, 0, 0 } },
      { O_NCT, -1, 0, { 0, 0, 0 }, { 0, 0, 0, 0 }, 0, { 0, 0, 0 } },
    };

    rows = smt_balance_compute (w->reg, q3, 0, &error);
    g_assert_no_error (error);
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        const BalanceCase *bc = &cases[c];
        const SmtBalanceRow *row = balance_row (w, rows, bc->org, bc->hamlet);

        g_test_message ("balance case %u", c);
        g_assert_nonnull (row);
        g_assert_cmpuint (row->start, ==, bc->start);
        g_assert_cmpuint (row->end, ==, bc->end);
        for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
          g_assert_cmpuint (row->increases[k], ==, bc->inc[k]);
        for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
          g_assert_cmpuint (row->decreases[k], ==, bc->dec[k]);
        for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
          g_assert_cmpuint (row->moves[k], ==, bc->moves[k]);
      }
    /* PN and ND have nobody living in no hamlet: no such row. */
    g_assert_null (balance_row (w, rows, O_PN, N_HAMLETS));
    g_assert_null (balance_row (w, rows, O_ND, N_HAMLETS));
    g_assert_cmpstr (balance_row (w, rows, O_PN, -1)->organisation, ==, "PN");
    g_assert_null (balance_row (w, rows, O_PN, -1)->hamlet);
    g_assert_cmpstr (balance_row (w, rows, O_PN, H_2)->hamlet, ==, "Ấp 2");
    assert_balance_closes (w, rows, q3);
    g_clear_pointer (&rows, g_ptr_array_unref);

    /* The second quarter: the restructure is counted beside the balance,
     * in the hamlets where Bình (Ấp 1) and Mai (Ấp 2) live. */
    rows = smt_balance_compute (w->reg, q2, w->org[O_PN], &error);
    g_assert_no_error (error);
    g_assert_cmpuint (balance_row (w, rows, O_PN, -1)->moves[SMT_BALANCE_RESTRUCTURED], ==, 2);
    g_assert_cmpuint (balance_row (w, rows, O_PN, -1)->moves[SMT_BALANCE_TRANSFERRED], ==, 0);
    g_assert_cmpuint (balance_row (w, rows, O_PN, H_1)->moves[SMT_BALANCE_RESTRUCTURED], ==, 1);
    g_assert_cmpuint (balance_row (w, rows, O_PN, H_2)->moves[SMT_BALANCE_RESTRUCTURED], ==, 1);
    g_assert_null (balance_row (w, rows, O_ND, -1));
    assert_balance_closes (w, rows, q2);
  }

  /* Every month of 2026 and the year, each closing on memberships_total. */
  {
    g_autoptr(SmtPeriod) jan = smt_period_new_month (2026, 1);
    g_autoptr(SmtPeriod) dec = smt_period_new_month (2026, 12);
    g_autoptr(SmtPeriod) year = smt_period_new_year (2026);
    g_autoptr(GPtrArray) months = smt_period_series (jan, dec, &error);
    g_autoptr(GPtrArray) series = NULL;

    g_assert_no_error (error);
    g_ptr_array_add (months, g_steal_pointer (&year));
    series = smt_balance_compute_series (w->reg, (SmtPeriod * const *) months->pdata,
                                         months->len, 0, &error);
    g_assert_no_error (error);
    for (guint m = 0; m < months->len; m++)
      assert_balance_closes (w, g_ptr_array_index (series, m), g_ptr_array_index (months, m));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Notes in Vietnamese, as the office reads them. */
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
#define ADD(name, func) \
  g_test_add ("/indicators-members/" name, World, NULL, world_setup, func, world_teardown)
  ADD ("month", test_month);
  ADD ("quarter", test_quarter);
  ADD ("half-and-year", test_half_and_year);
  ADD ("birthdays", test_birthdays);
  ADD ("study-count", test_study_count);
  ADD ("study-ticked", test_study_ticked);
  ADD ("study-whole-branch", test_study_whole_branch);
  ADD ("study-numbers-and-names", test_study_numbers_and_names);
  ADD ("study-numbers-nested", test_study_numbers_nested);
  ADD ("back-dated-leave", test_back_dated_leave);
  ADD ("period-kinds", test_period_kinds);
  ADD ("split-flows", test_split_flows);
#undef ADD
  g_test_add_func ("/indicators-members/demo", test_demo);
  return g_test_run ();
}
