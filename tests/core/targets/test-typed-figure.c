/* test-typed-figure.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/activity/smt-meeting-query.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-locale.h"
#include "core/targets/smt-indicator-value-query.h"
#include "core/targets/smt-targets.h"
#include "core/targets/smt-typed-figure.h"
#include "smt-test-util.h"

/* The figures of typed values for periods they were not typed for
 * (smt-typed-figure.h). "Today" is 30/06/2026: the months of 2026 up to
 * June have begun, July to December have not. */

static void
set (SmtRegister *reg,
     const char  *code,
     const char  *period,
     double       value)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_indicator_value_set (reg, code, period, value, NULL, &error), !=, 0);
  g_assert_no_error (error);
}

typedef struct
{
  const char  *code;      /* as the engine takes it: "budget:PN" */
  const char  *period;
  gboolean     defined;
  double       value;
  SmtTypedHow  how;
  guint        n_parts;
  guint        n_missing;
  const char  *note;      /* a note that must be there (a part of it), or NULL */
  const char  *note2;
} Case;

/* dialogue_days (a count):
 *   2024: typed 20 for the year and 7 for 01/2024.
 *   2025: 01: 2, 02: 1, 03: 3; Q2: 5 and 04: 9 (inside Q2); 07: 4.
 *   2026: 01: 1.
 * poor_households (a stock): 03/2025 4,5; 06/2025 4,1, then Q2/2025 4,0
 *   (typed after June: the same last day, the later typed).
 * budget (a count kept per organisation):
 *   PN 01/2025 and 02/2025 1.000.000 each; ND Q1/2025 2.500.000;
 *   the commune Q2/2025 10.000.000; PN Q2/2025 3.000.000.
 * equipment_computers (a stock kept per organisation):
 *   PN 06/2025 2; ND 03/2025 1, ND 05/2025 3. */
static const Case cases[] = {
  /* Rule 1: a value typed for exactly the period wins over its months. */
  { "dialogue_days", "2024", TRUE, 20, SMT_TYPED_EXACT, 1, 0, NULL, NULL },
  { "dialogue_days", "2025-Q2", TRUE, 5, SMT_TYPED_EXACT, 1, 0, NULL, NULL },
  { "dialogue_days", "2025-04", TRUE, 9, SMT_TYPED_EXACT, 1, 0, NULL, NULL },
  /* Rule 2: Q1/2025 = 2 + 1 + 3 from its three months. */
  { "dialogue_days", "2025-Q1", TRUE, 6, SMT_TYPED_ADDED, 3, 0,
    "Cộng từ số liệu nhập cho 3 tháng.", NULL },
  /* H1/2025 = the months of Q1 (6) + Q2 typed as a whole (5) = 11; the
   * 9 typed for April is inside Q2, which is taken whole. */
  { "dialogue_days", "2025-H1", TRUE, 11, SMT_TYPED_ADDED, 4, 0,
    "Cộng từ số liệu nhập cho 1 quý và 3 tháng.", NULL },
  /* 2025 = 11 + 4 (July); August to December are missing: 15, said. */
  { "dialogue_days", "2025", TRUE, 15, SMT_TYPED_ADDED, 5, 5,
    "Cộng từ số liệu nhập cho 1 quý và 4 tháng.",
    "Chưa nhập số liệu của 5 tháng (08/2025, 09/2025, 10/2025, 11/2025, 12/2025)" },
  /* Q1/2024: 7 for January; February and March missing. */
  { "dialogue_days", "2024-Q1", TRUE, 7, SMT_TYPED_ADDED, 1, 2, NULL,
    "2 tháng (02/2024, 03/2024)" },
  /* 2026: January only; February to June have begun and are missing,
   * July to December have not begun and are not. */
  { "dialogue_days", "2026", TRUE, 1, SMT_TYPED_ADDED, 1, 5, NULL,
    "5 tháng (02/2026, 03/2026, 04/2026, 05/2026, 06/2026)" },
  /* A range covers January only in part: only February and March count. */
  { "dialogue_days", "2025-01-15..2025-03-31", TRUE, 4, SMT_TYPED_ADDED, 2, 0, NULL, NULL },
  /* Nothing typed inside: no figure, not 0. */
  { "dialogue_days", "2025-09", FALSE, 0, SMT_TYPED_NONE, 0, 0, NULL, NULL },
  { "dialogue_days", "2023", FALSE, 0, SMT_TYPED_NONE, 0, 0, NULL, NULL },

  /* Rule 3: the latest value typed inside. */
  { "poor_households", "2025-Q1", TRUE, 4.5, SMT_TYPED_LATEST, 1, 0,
    "Lấy số liệu nhập mới nhất trong kỳ: Tháng 3/2025.", NULL },
  { "poor_households", "2025-H1", TRUE, 4.0, SMT_TYPED_LATEST, 1, 0, "Quý II/2025", NULL },
  { "poor_households", "2025", TRUE, 4.0, SMT_TYPED_LATEST, 1, 0, NULL, NULL },
  { "poor_households", "2025-Q3", FALSE, 0, SMT_TYPED_NONE, 0, 0, NULL, NULL },

  /* Per organisation: PN's Q1 = its two months, March missing. */
  { "budget:PN", "2025-Q1", TRUE, 2000000, SMT_TYPED_ADDED, 2, 1, NULL, "(03/2025)" },
  { "budget:ND", "2025-Q1", TRUE, 2500000, SMT_TYPED_EXACT, 1, 0, NULL, NULL },
  { "budget:CCB", "2025-Q1", FALSE, 0, SMT_TYPED_NONE, 0, 0, NULL, NULL },
  /* Rule 4: nothing for the commune in Q1/2025, so PN + ND =
   * 2.000.000 + 2.500.000 = 4.500.000, and PN's missing March is said. */
  { "budget", "2025-Q1", TRUE, 4500000, SMT_TYPED_ORGANISATIONS, 3, 0,
    "2 tổ chức (Phụ nữ, Nông dân)", "Phụ nữ: Chưa nhập số liệu của 1 tháng (03/2025)" },
  /* The commune's own value wins over the organisations'. */
  { "budget", "2025-Q2", TRUE, 10000000, SMT_TYPED_EXACT, 1, 0, NULL, NULL },
  /* H1/2025: the commune has a value inside (Q2), so its own values
   * count, not the organisations': 10.000.000 with Q1's three months
   * missing. */
  { "budget", "2025-H1", TRUE, 10000000, SMT_TYPED_ADDED, 1, 3, NULL,
    "3 tháng (01/2025, 02/2025, 03/2025)" },
  { "budget:PN", "2025-H1", TRUE, 5000000, SMT_TYPED_ADDED, 3, 1, NULL, NULL },
  /* A stock per organisation: PN's latest (2) + ND's latest (3). */
  { "equipment_computers", "2025-H1", TRUE, 5, SMT_TYPED_ORGANISATIONS, 2, 0,
    "(Phụ nữ, Nông dân)", "Nông dân: Lấy số liệu nhập mới nhất trong kỳ: Tháng 5/2025." },
  { "equipment_computers:ND", "2025-Q1", TRUE, 1, SMT_TYPED_LATEST, 1, 0, NULL, NULL },
};

static void
fill (SmtRegister *reg)
{
  set (reg, "dialogue_days", "2024", 20);
  set (reg, "dialogue_days", "2024-01", 7);
  set (reg, "dialogue_days", "2025-01", 2);
  set (reg, "dialogue_days", "2025-02", 1);
  set (reg, "dialogue_days", "2025-03", 3);
  set (reg, "dialogue_days", "2025-Q2", 5);
  set (reg, "dialogue_days", "2025-04", 9);
  set (reg, "dialogue_days", "2025-07", 4);
  set (reg, "dialogue_days", "2026-01", 1);

  set (reg, "poor_households", "2025-03", 4.5);
  set (reg, "poor_households", "2025-06", 4.1);
  set (reg, "poor_households", "2025-Q2", 4.0);

  set (reg, "budget:PN", "2025-01", 1000000);
  set (reg, "budget:PN", "2025-02", 1000000);
  set (reg, "budget:ND", "2025-Q1", 2500000);
  set (reg, "budget", "2025-Q2", 10000000);
  set (reg, "budget:PN", "2025-Q2", 3000000);

  set (reg, "equipment_computers:PN", "2025-06", 2);
  set (reg, "equipment_computers:ND", "2025-03", 1);
  set (reg, "equipment_computers:ND", "2025-05", 3);
}

static gboolean
has_note (GPtrArray  *notes,
          const char *part)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    if (strstr (g_ptr_array_index (notes, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static guint
len (GPtrArray *array)
{
  return array != NULL ? array->len : 0;
}

static void
print_notes (GPtrArray *notes)
{
  for (guint i = 0; i < len (notes); i++)
    g_test_message ("  note: %s", (char *) g_ptr_array_index (notes, i));
}

static void
test_rules (void)
{
  SmtTestRegister *t = smt_test_register_new ();

  fill (t->reg);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) period = smt_period_parse (c->period, &error);
      g_autofree char *org_code = NULL;
      const SmtIndicatorInfo *info = smt_catalogue_lookup (c->code, &org_code);
      gint64 org = org_code != NULL ? smt_organisation_lookup (t->reg, org_code) : 0;
      g_autoptr(SmtTypedFigure) f = NULL;
      g_autoptr(SmtIndicatorResult) r = NULL;
      SmtIndicatorQuery query = { .explain = TRUE };

      g_test_message ("%s %s", c->code, c->period);
      g_assert_nonnull (info);
      f = smt_typed_figure_get (t->reg, info, org, period, &error);
      g_assert_no_error (error);
      print_notes (f->notes);
      g_assert_cmpint (f->defined, ==, c->defined);
      g_assert_cmpint (f->how, ==, c->how);
      if (c->defined)
        g_assert_cmpfloat_with_epsilon (f->value, c->value, 1e-9);
      g_assert_cmpuint (len (f->parts), ==, c->n_parts);
      g_assert_cmpuint (len (f->missing), ==, c->n_missing);
      /* Only a figure not typed for exactly its period has notes. */
      g_assert_cmpint (len (f->notes) == 0, ==, c->how == SMT_TYPED_EXACT
                                               || c->how == SMT_TYPED_NONE);
      if (c->note != NULL)
        g_assert_true (has_note (f->notes, c->note));
      if (c->note2 != NULL)
        g_assert_true (has_note (f->notes, c->note2));

      /* The engine gives the same figure and notes, and explains it with
       * the values used. */
      r = smt_indicator_compute (t->reg, c->code, period, &query, &error);
      g_assert_no_error (error);
      g_assert_cmpint (r->defined, ==, c->defined);
      if (c->defined)
        g_assert_cmpfloat_with_epsilon (r->value, c->value, 1e-9);
      g_assert_cmpuint (r->notes->len, ==, len (f->notes));
      g_assert_cmpuint (r->numerator_rows->len, ==, c->n_parts);
    }
  smt_test_register_free (t);
}

/* A series: the twelve months and four quarters of 2025 in one call give
 * what each gives alone. */
static void
test_series (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_period_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  /* 01–07 as typed (April alone: 9), Q1 6, Q2 5, Q3 4, Q4 nothing. */
  static const double months[] = { 2, 1, 3, 9, NAN, NAN, 4, NAN, NAN, NAN, NAN, NAN };
  static const double quarters[] = { 6, 5, 4, NAN };

  fill (t->reg);
  for (int m = 1; m <= 12; m++)
    g_ptr_array_add (periods, smt_period_new_month (2025, m));
  for (int q = 1; q <= 4; q++)
    g_ptr_array_add (periods, smt_period_new_quarter (2025, q));
  results = smt_indicator_compute_series (t->reg, "dialogue_days",
                                          (SmtPeriod * const *) periods->pdata, periods->len,
                                          NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < results->len; i++)
    {
      const SmtIndicatorResult *r = g_ptr_array_index (results, i);
      double want = i < 12 ? months[i] : quarters[i - 12];

      g_assert_cmpint (r->defined, ==, !isnan (want));
      if (!isnan (want))
        g_assert_cmpfloat (r->value, ==, want);
    }
  smt_test_register_free (t);
}

/* What the Sinh hoạt view types month by month reaches the quarter and
 * the year. */
static void
test_dialogue_months (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) year = smt_period_new_year (2025);
  g_autoptr(SmtPeriod) q3 = smt_period_new_quarter (2025, 3);
  g_autoptr(SmtIndicatorResult) days = NULL;
  g_autoptr(SmtIndicatorResult) raised = NULL;
  g_autoptr(SmtIndicatorResult) resolved = NULL;

  /* Days 1 + 2 + 1 = 4; petitions 5 + 7 + 0 = 12, resolved 4 + 6 + 0 = 10. */
  g_assert_true (smt_dialogue_month_set (t->reg, "2025-07", 1, 5, 4, &error));
  g_assert_true (smt_dialogue_month_set (t->reg, "2025-08", 2, 7, 6, &error));
  g_assert_true (smt_dialogue_month_set (t->reg, "2025-09", 1, 0, 0, &error));
  g_assert_no_error (error);
  days = smt_indicator_compute (t->reg, "dialogue_days", year, NULL, &error);
  raised = smt_indicator_compute (t->reg, "petitions_raised", q3, NULL, &error);
  resolved = smt_indicator_compute (t->reg, "petitions_resolved", q3, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (days->defined);
  g_assert_cmpfloat (days->value, ==, 4);
  /* The nine other months of 2025 have begun and are missing. */
  g_assert_true (has_note (days->notes, "9 tháng"));
  g_assert_cmpfloat (raised->value, ==, 12);
  g_assert_cmpfloat (resolved->value, ==, 10);
  g_assert_true (has_note (raised->notes, "Cộng từ số liệu nhập cho 3 tháng."));
  smt_test_register_free (t);
}

/* A value typed for one organisation supersedes only that organisation's
 * earlier value; each has its own history. */
static void
test_per_organisation_history (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) year = smt_period_new_year (2025);
  g_autoptr(GPtrArray) pn = NULL;
  g_autoptr(GPtrArray) commune = NULL;
  g_autoptr(SmtIndicatorResult) r = NULL;

  set (t->reg, "budget", "2025", 31000000);
  set (t->reg, "budget:PN", "2025", 2800000);
  set (t->reg, "budget:PN", "2025", 3000000);
  pn = smt_indicator_value_history (t->reg, "budget:PN", year, &error);
  commune = smt_indicator_value_history (t->reg, "budget", year, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pn->len, ==, 2);
  g_assert_true (((SmtIndicatorValueRow *) g_ptr_array_index (pn, 0))->current);
  g_assert_cmpfloat (((SmtIndicatorValueRow *) g_ptr_array_index (pn, 0))->value, ==, 3000000);
  g_assert_false (((SmtIndicatorValueRow *) g_ptr_array_index (pn, 1))->current);
  g_assert_cmpuint (commune->len, ==, 1);
  g_assert_true (((SmtIndicatorValueRow *) g_ptr_array_index (commune, 0))->current);

  r = smt_indicator_compute (t->reg, "budget", year, NULL, &error);
  g_assert_cmpfloat (r->value, ==, 31000000);
  g_clear_pointer (&r, smt_indicator_result_free);
  r = smt_indicator_compute (t->reg, "budget:PN", year, NULL, &error);
  g_assert_cmpfloat (r->value, ==, 3000000);

  /* Only the indicators kept per organisation take one. */
  g_assert_cmpint (smt_indicator_value_set (t->reg, "dialogue_days:PN", "2025", 1, NULL, &error),
                   ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dialogue_days"));
  g_clear_error (&error);
  g_assert_cmpint (smt_indicator_value_set (t->reg, "budget:XYZ", "2025", 1, NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  smt_test_register_free (t);
}

int
main (int argc, char **argv)
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/typed-figure/rules", test_rules);
  g_test_add_func ("/typed-figure/series", test_series);
  g_test_add_func ("/typed-figure/dialogue-months", test_dialogue_months);
  g_test_add_func ("/typed-figure/per-organisation-history", test_per_organisation_history);
  return g_test_run ();
}
