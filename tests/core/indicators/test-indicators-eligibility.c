/* test-indicators-eligibility.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-locale.h"
#include "core/targets/smt-targets.h"
#include "smt-test-util.h"

/* gathering_rate of the Cựu chiến binh and the Công đoàn, whose rules ask
 * for a trait (cựu quân nhân, người lao động …), and over a denominator
 * the office typed (eligible_people). "Today" is 30/06/2026.
 *
 * Two hamlets; a liên ấp chi hội of the Cựu chiến binh serving both, a
 * công đoàn cơ sở serving none:
 *
 *   An    M 01/05/1960  Ấp 1  cựu quân nhân since before the register;
 *                             CCB from 01/01/2010
 *   Bình  M 03/03/1970  Ấp 1  cựu quân nhân from 01/07/2020; no membership
 *   Cường M 1950        Ấp 2  no trait; CCB from 01/01/2012 by an exception
 *   Lan   F 02/02/1975  Ấp 1  người lao động 01/01/2015 – 01/02/2025;
 *                             CĐ from 01/01/2016, leaves 01/03/2025
 *   Mai   F 09/09/1990  Ấp 2  người lao động from 01/09/2018; CĐ from 01/01/2019
 *   Hoa   F 1980        Ấp 2  nothing
 *
 * Everyone is 18 or over in every period asked, so only the traits decide
 * who the CCB and the CĐ gather. */

enum { P_AN, P_BINH, P_CUONG, P_LAN, P_MAI, P_HOA, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           hamlet[2];
} World;

static void
record (World        *w,
        SmtEventKind  kind,
        gint64        person,
        gint64        branch,
        gint64        org,
        const char   *date,
        const char   *exception)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = person, .branch_id = branch, .organisation_id = org,
    .date = date, .exception_note = exception,
  };

  g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_AN] = { "Nguyễn", "Văn", "An", SMT_SEX_MALE, "1960-05-01", 1960 },
    [P_BINH] = { "Trần", "Văn", "Bình", SMT_SEX_MALE, "1970-03-03", 1970 },
    [P_CUONG] = { "Lê", "Văn", "Cường", SMT_SEX_MALE, NULL, 1950 },
    [P_LAN] = { "Phạm", "Thị", "Lan", SMT_SEX_FEMALE, "1975-02-02", 1975 },
    [P_MAI] = { "Võ", "Thị", "Mai", SMT_SEX_FEMALE, "1990-09-09", 1990 },
    [P_HOA] = { "Đỗ", "Thị", "Hoa", SMT_SEX_FEMALE, NULL, 1980 },
  };
  static const int hamlet_of[N_PEOPLE] = { 0, 0, 1, 0, 1, 1 };
  g_autoptr(GError) error = NULL;
  gint64 household[2], person[N_PEOPLE], ccb, cd, ccb_branch, cd_branch, veteran, worker, id;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  veteran = smt_trait_lookup (w->reg, "CQN");
  worker = smt_trait_lookup (w->reg, "NLD");
  ccb = smt_organisation_lookup (w->reg, "CCB");
  cd = smt_organisation_lookup (w->reg, "CD");
  for (int h = 0; h < 2; h++)
    {
      w->hamlet[h] = smt_hamlet_add (w->reg, h == 0 ? "Ấp 1" : "Ấp 2", "ấp", &error);
      household[h] = smt_household_add (w->reg, w->hamlet[h], "", "2000-01-01", &error);
      g_assert_no_error (error);
    }
  ccb_branch = smt_branch_add (w->reg, ccb, 0, "chi hội", "Chi hội Cựu chiến binh liên ấp",
                               w->hamlet, 2, "2000-01-01", &error);
  cd_branch = smt_branch_add (w->reg, cd, 0, "công đoàn cơ sở", "Công đoàn cơ sở Trường học",
                              NULL, 0, "2000-01-01", &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
      g_assert_cmpint (smt_residence_move (w->reg, person[p], household[hamlet_of[p]],
                                           "2000-01-01", FALSE, "", &error), !=, 0);
    }
  g_assert_cmpint (smt_person_trait_add (w->reg, person[P_AN], veteran, NULL, NULL, "", &error),
                   !=, 0);
  g_assert_cmpint (smt_person_trait_add (w->reg, person[P_BINH], veteran, "2020-07-01", NULL, "",
                                         &error), !=, 0);
  id = smt_person_trait_add (w->reg, person[P_LAN], worker, "2015-01-01", NULL, "", &error);
  g_assert_cmpint (smt_person_trait_end (w->reg, id, "2025-02-01", "", &error), !=, 0);
  g_assert_cmpint (smt_person_trait_add (w->reg, person[P_MAI], worker, "2018-09-01", NULL, "",
                                         &error), !=, 0);
  g_assert_no_error (error);
  record (w, SMT_EVENT_ADMITTED, person[P_AN], ccb_branch, 0, "2010-01-01", NULL);
  record (w, SMT_EVENT_ADMITTED, person[P_CUONG], ccb_branch, 0, "2012-01-01",
          "Cựu công nhân quốc phòng");
  record (w, SMT_EVENT_ADMITTED, person[P_LAN], cd_branch, 0, "2016-01-01", NULL);
  record (w, SMT_EVENT_LEFT, person[P_LAN], 0, cd, "2025-03-01", NULL);
  record (w, SMT_EVENT_ADMITTED, person[P_MAI], cd_branch, 0, "2019-01-01", NULL);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

typedef struct
{
  const char *code;
  const char *period;
  double      numerator;
  double      denominator;   /* 0: not defined */
} Case;

static const Case trait_cases[] = {
  /* 2019: An only (Bình from 01/07/2020; Cường, a member by exception, is
   * not a cựu quân nhân and is in neither number). */
  { "gathering_rate:CCB", "2019", 1, 1 },
  /* From 2020 An and Bình; Bình is no member. */
  { "gathering_rate:CCB", "2020", 1, 2 },
  { "gathering_rate:CCB", "2026-Q2", 1, 2 },
  /* The Công đoàn: Lan from 2015; Mai from 01/09/2018, a member from
   * 01/01/2019. */
  { "gathering_rate:CD", "2017", 1, 1 },
  { "gathering_rate:CD", "2018", 1, 2 },
  { "gathering_rate:CD", "2019", 2, 2 },
  /* Lan's record ends on 01/02/2025: on 31/01 she is still counted; on
   * 28/02 she is a member no longer gathered (she leaves on 01/03). */
  { "gathering_rate:CD", "2025-01", 2, 2 },
  { "gathering_rate:CD", "2025-02", 1, 1 },
  { "gathering_rate:CD", "2025-03", 1, 1 },
};

static void
check (const SmtIndicatorResult *r,
       double                    numerator,
       double                    denominator)
{
  g_assert_cmpint (r->defined, ==, denominator > 0);
  g_assert_cmpfloat (r->numerator, ==, numerator);
  g_assert_cmpfloat (r->denominator, ==, denominator);
  if (denominator > 0)
    g_assert_cmpfloat_with_epsilon (r->value, 100.0 * numerator / denominator, 1e-9);
}

/* Each period alone, then all of an indicator's periods in one series:
 * the sweep must evaluate a person again when a trait starts or ends. */
static void
test_traits (World         *w,
             gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (trait_cases); i++)
    {
      const Case *c = &trait_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) period = smt_period_parse (c->period, &error);
      SmtIndicatorQuery query = { .explain = TRUE };
      g_autoptr(SmtIndicatorResult) plain = smt_indicator_compute (w->reg, c->code, period, NULL,
                                                                   &error);
      g_autoptr(SmtIndicatorResult) explained = smt_indicator_compute (w->reg, c->code, period,
                                                                       &query, &error);

      g_test_message ("%s %s", c->code, c->period);
      g_assert_no_error (error);
      check (plain, c->numerator, c->denominator);
      check (explained, c->numerator, c->denominator);
      g_assert_cmpuint (explained->numerator_rows->len, ==, (guint) c->numerator);
      g_assert_cmpuint (explained->denominator_rows->len, ==, (guint) c->denominator);
      g_assert_cmpuint (plain->notes->len, ==, 0);
    }
  for (guint k = 0; k < 2; k++)
    {
      const char *code = k == 0 ? "gathering_rate:CCB" : "gathering_rate:CD";
      g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (
          (GDestroyNotify) smt_period_free);
      g_autoptr(GPtrArray) cases = g_ptr_array_new ();
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (trait_cases); i++)
        if (strcmp (trait_cases[i].code, code) == 0)
          {
            g_ptr_array_add (periods, smt_period_parse (trait_cases[i].period, NULL));
            g_ptr_array_add (cases, (gpointer) &trait_cases[i]);
          }
      results = smt_indicator_compute_series (w->reg, code, (SmtPeriod * const *) periods->pdata,
                                              periods->len, NULL, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < results->len; i++)
        {
          const Case *c = g_ptr_array_index (cases, i);

          check (g_ptr_array_index (results, i), c->numerator, c->denominator);
        }
    }

  /* By hamlet: Ấp 1 has An and Bình, Ấp 2 no cựu quân nhân. */
  {
    g_autoptr(SmtPeriod) q2 = smt_period_new_quarter (2026, 2);
    SmtIndicatorQuery one = { .hamlet_id = w->hamlet[0] };
    SmtIndicatorQuery two = { .hamlet_id = w->hamlet[1] };
    g_autoptr(SmtIndicatorResult) a = smt_indicator_compute (w->reg, "gathering_rate:CCB", q2,
                                                             &one, NULL);
    g_autoptr(SmtIndicatorResult) b = smt_indicator_compute (w->reg, "gathering_rate:CCB", q2,
                                                             &two, NULL);

    check (a, 1, 2);
    check (b, 0, 0);
  }
}

static void
set (World      *w,
     const char *code,
     const char *period,
     double      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_indicator_value_set (w->reg, code, period, value, "Báo cáo của Hội",
                                            &error), !=, 0);
  g_assert_no_error (error);
}

static gboolean
has_note (const SmtIndicatorResult *r,
          const char               *part)
{
  for (guint i = 0; i < r->notes->len; i++)
    if (strstr (g_ptr_array_index (r->notes, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* The denominator typed by the office. */
static void
test_typed_denominator (World         *w,
                        gconstpointer  data)
{
  static const struct
  {
    const char *code;
    const char *period;
    const char *scope;
    int         hamlet;       /* 0: the commune, else 1 or 2 */
    double      numerator;
    double      denominator;
    gboolean    typed;
  } cases[] = {
    /* 4 typed for Q4/2025: the CCB's members living here, An and Cường
     * (a member by exception counts: the typed number stands for whom
     * the Hội gathers), over 4: 50 %. */
    { "gathering_rate:CCB", "2025-Q4", NULL, 0, 2, 4, TRUE },
    /* The year: the latest typed inside it, Q4's. */
    { "gathering_rate:CCB", "2025", NULL, 0, 2, 4, TRUE },
    /* Q3/2025: nothing typed inside, counted from the traits. */
    { "gathering_rate:CCB", "2025-Q3", NULL, 0, 1, 2, FALSE },
    /* 3 typed for January 2026: Q1/2026 takes it, 2/3. */
    { "gathering_rate:CCB", "2026-Q1", NULL, 0, 2, 3, TRUE },
    /* A hamlet is never over the commune's typed number. */
    { "gathering_rate:CCB", "2025-Q4", NULL, 1, 1, 2, FALSE },
    /* The commune, 10 typed for 2025: the people who are members of a
     * socio-political organisation on 31/12/2025, An, Cường, Mai (Lan
     * left), over 10. */
    { "gathering_rate", "2025", NULL, 0, 3, 10, TRUE },
    /* Another scope gathers others: counted, everyone of 18 or over
     * (ND, KH …) is eligible, 3/6. */
    { "gathering_rate", "2025", "socio_political,mass", 0, 3, 6, FALSE },
    /* Q1/2026: only the CCB's number is typed; the commune's is not the
     * organisations' sum, so it is counted: 3/6. */
    { "gathering_rate", "2026-Q1", NULL, 0, 3, 6, FALSE },
    /* A typed 0 gives no figure. */
    { "gathering_rate:CD", "2024", NULL, 0, 2, 0, TRUE },
  };

  set (w, "eligible_people:CCB", "2025-Q4", 4);
  set (w, "eligible_people:CCB", "2026-01", 3);
  set (w, "eligible_people", "2025", 10);
  set (w, "eligible_people:CD", "2024", 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) period = smt_period_parse (cases[i].period, &error);
      SmtIndicatorQuery query = {
        .scope = cases[i].scope,
        .hamlet_id = cases[i].hamlet > 0 ? w->hamlet[cases[i].hamlet - 1] : 0,
      };
      SmtIndicatorQuery explain = query;
      g_autoptr(SmtIndicatorResult) r = NULL;
      g_autoptr(SmtIndicatorResult) x = NULL;

      g_test_message ("%s %s", cases[i].code, cases[i].period);
      r = smt_indicator_compute (w->reg, cases[i].code, period, &query, &error);
      explain.explain = TRUE;
      x = smt_indicator_compute (w->reg, cases[i].code, period, &explain, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < r->notes->len; k++)
        g_test_message ("  note: %s", (char *) g_ptr_array_index (r->notes, k));
      check (r, cases[i].numerator, cases[i].denominator);
      check (x, cases[i].numerator, cases[i].denominator);
      g_assert_cmpint (has_note (r, "Mẫu số nhập tay"), ==, cases[i].typed);
      g_assert_cmpuint (x->numerator_rows->len, ==, (guint) cases[i].numerator);
      /* Typed: the value typed is the one row behind the denominator. */
      g_assert_cmpuint (x->denominator_rows->len, ==,
                        cases[i].typed ? 1 : (guint) cases[i].denominator);
      if (cases[i].typed)
        g_assert_cmpstr (((SmtExplainRow *) g_ptr_array_index (x->denominator_rows, 0))->kind,
                         ==, "typed");
    }
  {
    g_autoptr(SmtPeriod) q4 = smt_period_new_quarter (2025, 4);
    g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (w->reg, "gathering_rate:CCB", q4,
                                                             NULL, NULL);

    g_assert_true (has_note (r, "Mẫu số nhập tay: 4 người thuộc đối tượng tập hợp, theo số "
                                "liệu nhập cho Quý IV/2025"));
  }

  /* One series over the three quarters: counted, typed, typed. */
  {
    g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (
        (GDestroyNotify) smt_period_free);
    g_autoptr(GPtrArray) results = NULL;
    g_autoptr(GError) error = NULL;

    g_ptr_array_add (periods, smt_period_new_quarter (2025, 3));
    g_ptr_array_add (periods, smt_period_new_quarter (2025, 4));
    g_ptr_array_add (periods, smt_period_new_quarter (2026, 1));
    results = smt_indicator_compute_series (w->reg, "gathering_rate:CCB",
                                            (SmtPeriod * const *) periods->pdata, periods->len,
                                            NULL, &error);
    g_assert_no_error (error);
    check (g_ptr_array_index (results, 0), 1, 2);
    check (g_ptr_array_index (results, 1), 2, 4);
    check (g_ptr_array_index (results, 2), 2, 3);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add ("/eligibility/traits", World, NULL, world_setup, test_traits, world_teardown);
  g_test_add ("/eligibility/typed-denominator", World, NULL, world_setup,
              test_typed_denominator, world_teardown);
  return g_test_run ();
}
