/* test-balance.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/demo/smt-demo.h"
#include "core/import/smt-import-plan.h"
#include "core/indicators/smt-balance.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-date.h"
#include "core/register/smt-locale.h"
#include "smt-test-util.h"

/* The balance on a demo commune of 3.000 people: every organisation, the
 * commune and every hamlet, every month of its ten years (11/2016 …
 * 10/2026), and the ten years at once:
 *
 * - start + increases − decreases = end, on every row;
 * - end is memberships_total of that organisation (and hamlet) on the
 *   month's last day, start the same on the day before its first (the end
 *   of the month before, or 31/10/2016);
 * - the hamlets and the row of those living in no hamlet add up to the
 *   commune, and the moves of house cancel out;
 * - the commune rows count what the flow indicators count: admitted,
 *   transferred in and out, left, deceased, transferred, gone away;
 * - the demo's tổ hội were filled by restructures, which are no
 *   transfers. (The hand-built cases are in test-indicators-members.c.) */

#define DEMO_PEOPLE 3000

static double
figure (SmtRegister     *reg,
        const char      *code,
        const SmtPeriod *period,
        gint64           organisation_id,
        gint64           hamlet_id)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery q = { .organisation_id = organisation_id, .hamlet_id = hamlet_id };
  g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, code, period, &q, &error);

  g_assert_no_error (error);
  return r->value;
}

/* Row i of the balance of period m. */
static const SmtBalanceRow *
row_at (GPtrArray *series,
        guint      m,
        guint      i)
{
  GPtrArray *rows = g_ptr_array_index (series, m);

  return g_ptr_array_index (rows, i);
}

static void
test_demo (void)
{
  static const struct
  {
    const char *code;
    gboolean    increase;
    int         kind;
  } flows[] = {
    { "members_admitted", TRUE, SMT_BALANCE_ADMITTED },
    { "members_transferred_in", TRUE, SMT_BALANCE_TRANSFERRED_IN },
    { "members_transferred_out", FALSE, SMT_BALANCE_TRANSFERRED_OUT },
    { "members_left", FALSE, SMT_BALANCE_LEFT },
    { "members_deceased", FALSE, SMT_BALANCE_DECEASED },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-balance-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) first = smt_period_new_month (2016, 11);
  g_autoptr(SmtPeriod) last = smt_period_new_month (2026, 10);
  g_autoptr(SmtPeriod) before = NULL;
  g_autoptr(SmtPeriod) decade = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) stocks = g_ptr_array_new ();
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  guint n_rows, n_checked = 0, restructured = 0, transferred = 0, moved = 0;
  gint64 start, elapsed;

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.smt", NULL);
  start = g_get_monotonic_time ();
  g_assert_true (smt_demo_generate (path, DEMO_PEOPLE, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("demo of %d people made in %.1f s", DEMO_PEOPLE,
                  (g_get_monotonic_time () - start) / 1e6);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);
  organisations = smt_organisations_list (reg, &error);
  g_assert_no_error (error);

  months = smt_period_series (first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 120);
  before = smt_period_new_range ("2016-10-31", "2016-10-31", &error);
  g_assert_no_error (error);
  decade = smt_period_new_range ("2016-11-01", "2026-10-31", &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  series = smt_balance_compute_series (reg, (SmtPeriod * const *) months->pdata, months->len, 0,
                                       &error);
  g_assert_no_error (error);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("balance of 120 months, every organisation and hamlet: %.1f ms",
                  elapsed / 1e3);
  whole = smt_balance_compute (reg, decade, 0, &error);
  g_assert_no_error (error);

  /* memberships_total on the day before each month, and at its end. */
  g_ptr_array_add (stocks, before);
  for (guint m = 0; m < months->len; m++)
    g_ptr_array_add (stocks, g_ptr_array_index (months, m));

  n_rows = ((GPtrArray *) g_ptr_array_index (series, 0))->len;
  g_assert_cmpuint (((GPtrArray *) whole)->len, ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      const SmtBalanceRow *proto = row_at (series, 0, i);
      SmtIndicatorQuery q = { .organisation_id = proto->organisation_id,
                              .hamlet_id = MAX (proto->hamlet_id, 0) };
      g_autoptr(GPtrArray) totals = NULL;
      const SmtBalanceRow *all = g_ptr_array_index (whole, i);

      if (proto->hamlet_id != SMT_BALANCE_NO_HAMLET)
        {
          totals = smt_indicator_compute_series (reg, "memberships_total",
                                                 (SmtPeriod * const *) stocks->pdata,
                                                 stocks->len, &q, &error);
          g_assert_no_error (error);
        }
      for (guint m = 0; m < months->len; m++)
        {
          const SmtBalanceRow *row = row_at (series, m, i);

          g_assert_cmpint (row->organisation_id, ==, proto->organisation_id);
          g_assert_cmpint (row->hamlet_id, ==, proto->hamlet_id);
          if (row->start + smt_balance_row_increased (row)
              != row->end + smt_balance_row_decreased (row))
            g_error ("%s, hamlet %s, month %u: %u + %u − %u ≠ %u", row->organisation,
                     row->hamlet, m, row->start, smt_balance_row_increased (row),
                     smt_balance_row_decreased (row), row->end);
          if (totals != NULL)
            {
              const SmtIndicatorResult *at_start = g_ptr_array_index (totals, m);
              const SmtIndicatorResult *at_end = g_ptr_array_index (totals, m + 1);

              if (row->start != at_start->value || row->end != at_end->value)
                g_error ("%s, hamlet %s, %s: balance %u … %u, memberships_total %g … %g",
                         row->organisation, row->hamlet,
                         smt_period_get_start (g_ptr_array_index (months, m)), row->start,
                         row->end, at_start->value, at_end->value);
            }
          if (m > 0)
            g_assert_cmpuint (row->start, ==, row_at (series, m - 1, i)->end);
          n_checked++;
        }
      /* The decade is the months one after another. */
      g_assert_cmpuint (all->start, ==, row_at (series, 0, i)->start);
      g_assert_cmpuint (all->end, ==, row_at (series, 119, i)->end);
      if (proto->hamlet_id == 0)
        {
          restructured += all->moves[SMT_BALANCE_RESTRUCTURED];
          transferred += all->moves[SMT_BALANCE_TRANSFERRED];
        }
      else
        moved += all->increases[SMT_BALANCE_MOVED_IN];
    }
  g_test_message ("%u rows × months checked against memberships_total", n_checked);
  g_assert_cmpuint (n_checked, >=, 120 * 8 * 13);

  /* The hamlets add up to the commune; moves of house cancel out. */
  for (guint m = 0; m < months->len; m++)
    {
      GPtrArray *rows = g_ptr_array_index (series, m);
      const SmtBalanceRow *commune = NULL;
      guint sums[2 + SMT_N_BALANCE_INCREASES + SMT_N_BALANCE_DECREASES] = { 0 };

      for (guint i = 0; i <= rows->len; i++)
        {
          const SmtBalanceRow *row = i < rows->len ? g_ptr_array_index (rows, i) : NULL;

          if (row == NULL || row->hamlet_id == 0)
            {
              if (commune != NULL)
                {
                  g_assert_cmpuint (sums[0], ==, commune->start);
                  g_assert_cmpuint (sums[1], ==, commune->end);
                  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
                    if (k != SMT_BALANCE_MOVED_IN)
                      g_assert_cmpuint (sums[2 + k], ==, commune->increases[k]);
                  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
                    if (k != SMT_BALANCE_MOVED_OUT)
                      g_assert_cmpuint (sums[2 + SMT_N_BALANCE_INCREASES + k], ==,
                                        commune->decreases[k]);
                  g_assert_cmpuint (sums[2 + SMT_BALANCE_MOVED_IN], ==,
                                    sums[2 + SMT_N_BALANCE_INCREASES + SMT_BALANCE_MOVED_OUT]);
                  g_assert_cmpuint (commune->increases[SMT_BALANCE_MOVED_IN], ==, 0);
                  g_assert_cmpuint (commune->decreases[SMT_BALANCE_MOVED_OUT], ==, 0);
                }
              commune = row;
              memset (sums, 0, sizeof sums);
              continue;
            }
          sums[0] += row->start;
          sums[1] += row->end;
          for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
            sums[2 + k] += row->increases[k];
          for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
            sums[2 + SMT_N_BALANCE_INCREASES + k] += row->decreases[k];
        }
    }

  /* The commune rows count what the indicators count, for twelve months
   * spread over the decade. */
  for (guint m = 5; m < months->len; m += 10)
    {
      GPtrArray *rows = g_ptr_array_index (series, m);
      const SmtPeriod *period = g_ptr_array_index (months, m);

      for (guint i = 0; i < rows->len; i++)
        {
          const SmtBalanceRow *row = g_ptr_array_index (rows, i);

          if (row->hamlet_id < 0)
            continue;
          for (guint f = 0; f < G_N_ELEMENTS (flows); f++)
            g_assert_cmpfloat (figure (reg, flows[f].code, period, row->organisation_id,
                                       row->hamlet_id),
                               ==, flows[f].increase ? row->increases[flows[f].kind]
                                                     : row->decreases[flows[f].kind]);
          g_assert_cmpfloat (figure (reg, "members_transferred", period, row->organisation_id,
                                     row->hamlet_id), ==, row->moves[SMT_BALANCE_TRANSFERRED]);
          g_assert_cmpfloat (figure (reg, "members_away", period, row->organisation_id,
                                     row->hamlet_id), ==, row->moves[SMT_BALANCE_AWAY]);
        }
    }

  g_test_message ("in ten years: %u restructured, %u transferred, %u moves of house",
                  restructured, transferred, moved);
  g_assert_cmpuint (restructured, >, 0);
  g_assert_cmpuint (transferred, >, 0);
  g_assert_cmpuint (moved, >, 0);

  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

/* A register with an import: the hamlet Ấp Một and its chi hội of the Hội
 * Nông dân; a list of three members imported with admission dates in
 * February and March 2025, and one person admitted by hand in March. The
 * first quarter of 2025: start 0, imported 3, newly admitted 1, end 4, the
 * row closing and meeting memberships_total; members_admitted counts the
 * one admission only. */
static void
test_import (void)
{
  static const char *names[] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường" };
  static const char *dates[] = { "2025-02-10", "2025-03-01", "2025-03-31" };
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              smt_import_row_free);
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(SmtPeriod) q1 = smt_period_new_quarter (2025, 1);
  g_autoptr(GPtrArray) balance = NULL;
  SmtImportPlanOptions options = { .organisation = "ND" };
  SmtPersonFields f = { .ho = "Phạm", .chu_lot = "Văn", .ten = "Dũng", .sex = SMT_SEX_MALE,
                        .birth_year = 1970 };
  SmtMembershipChange ch = { .kind = SMT_EVENT_ADMITTED, .date = "2025-03-15" };
  const SmtBalanceRow *commune;
  gint64 hamlet, branch, person, household;

  hamlet = smt_hamlet_add (t->reg, "Một", "ấp", &error);
  branch = smt_branch_add (t->reg, smt_organisation_lookup (t->reg, "ND"), 0, "chi hội",
                           "Chi hội Nông dân ấp Một", &hamlet, 1, "2010-01-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SmtImportRow *row = smt_import_row_new (i + 2);

      row->full_name = g_strdup (names[i]);
      row->sex = i == 1 ? 'F' : 'M';
      row->birth_year = 1980 + (int) i;
      row->hamlet = g_strdup ("Ấp Một");
      row->joined_on = g_strdup (dates[i]);
      g_ptr_array_add (rows, row);
    }
  plan = smt_import_plan_new (t->reg, &options, g_steal_pointer (&rows), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  person = smt_person_add (t->reg, &f, &error);
  household = smt_household_add (t->reg, hamlet, "", "2010-01-01", &error);
  smt_residence_move (t->reg, person, household, "2010-01-01", TRUE, NULL, &error);
  ch.person_id = person;
  ch.branch_id = branch;
  smt_membership_record (t->reg, &ch, &error);
  g_assert_no_error (error);

  balance = smt_balance_compute (t->reg, q1, smt_organisation_lookup (t->reg, "ND"), &error);
  g_assert_no_error (error);
  commune = g_ptr_array_index (balance, 0);
  g_assert_cmpint (commune->hamlet_id, ==, 0);
  g_assert_cmpuint (commune->start, ==, 0);
  g_assert_cmpuint (commune->increases[SMT_BALANCE_IMPORTED], ==, 3);
  g_assert_cmpuint (commune->increases[SMT_BALANCE_ADMITTED], ==, 1);
  g_assert_cmpuint (commune->end, ==, 4);
  g_assert_cmpuint (commune->start + smt_balance_row_increased (commune)
                    - smt_balance_row_decreased (commune), ==, commune->end);
  /* The hamlet's row is the same. */
  g_assert_cmpuint (((SmtBalanceRow *) g_ptr_array_index (balance, 1))->increases
                    [SMT_BALANCE_IMPORTED], ==, 3);
  g_assert_cmpfloat (figure (t->reg, "memberships_total", q1,
                             smt_organisation_lookup (t->reg, "ND"), 0), ==, 4);
  g_assert_cmpfloat (figure (t->reg, "members_admitted", q1, 0, 0), ==, 1);
  g_assert_cmpstr (smt_balance_increase_to_string (SMT_BALANCE_IMPORTED), ==, "imported");
  smt_test_register_free (t);
}

int
main (int   argc,
      char *argv[])
{
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/balance/demo", test_demo);
  g_test_add_func ("/balance/import", test_import);
  return g_test_run ();
}
