/* test-indicators-series.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* A series against its periods one at a time, on a demo commune.
 *
 * smt_indicator_compute_series may count a whole series in one pass over
 * the register's facts in date order; smt_indicator_compute counts one
 * period, in a call of its own. Whatever the series does inside, each of its results
 * must be exactly the result of its period alone: for every computed
 * indicator of the catalogue, gathering_rate:<org> for every organisation
 * and a few indicators filtered by organisation or by hamlet, over 120
 * months, 40 quarters and 10 years, and over all of those and other kinds
 * (halves, nine months, ranges starting and ending mid-month, a period
 * given twice) shuffled together.
 *
 * The single calls run on a second SmtRegister opened on a copy of the
 * file, so that nothing the series leaves behind on its register (cached
 * facts) can reach them. They are sampled (every 7th month and every 3rd
 * quarter, starting at a different one for each case; every year; each
 * period of the other kinds) to keep the test short while series are computed one
 * period at a time; the series themselves always hold every period. */

#include <locale.h>
#include <string.h>

#include "core/demo/smt-demo.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-register-private.h"
#include "core/targets/smt-catalogue.h"
#include "smt-test-util.h"

#define PEOPLE 1500
#define SEED   1

typedef struct
{
  char   *code;
  gint64  organisation_id;  /* query filter, 0: none */
  gint64  hamlet_id;        /* query filter, 0: none */
  guint   index;            /* its place among the cases: where sampling starts */
} Variant;

static struct
{
  char        *dir;
  char        *path;
  char        *copy_path;   /* the same file, for the second register */
  SmtRegister *series_reg;  /* every series is computed here */
  SmtRegister *single_reg;  /* every single period here */
  GPtrArray   *months;      /* SmtPeriod: 2016-11 … 2026-10 */
  GPtrArray   *quarters;    /* 2016-Q4 … 2026-Q3 */
  GPtrArray   *years;       /* 2016 … 2025 */
  GPtrArray   *others;      /* halves, nine months, ranges */
} fx;

static void
variant_free (Variant *v)
{
  g_free (v->code);
  g_free (v);
}

static SmtPeriod *
parse (const char *code)
{
  g_autoptr(GError) error = NULL;
  SmtPeriod *period = smt_period_parse (code, &error);

  g_assert_no_error (error);
  g_assert_nonnull (period);
  return period;
}

static GPtrArray *
series_of (const char *from,
           const char *to,
           guint       expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) a = parse (from);
  g_autoptr(SmtPeriod) b = parse (to);
  GPtrArray *periods = smt_period_series (a, b, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, expected);
  return periods;
}

static SmtRegister *
open_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reg);
  smt_register_set_today (reg, SMT_DEMO_UNTIL);
  return reg;
}

static void
fixture_setup (void)
{
  g_autoptr(GError) error = NULL;
  static const char *others[] = {
    "2018-04-01..2018-04-30",   /* a month written as a range */
    "2016-11-01..2026-10-31",   /* the demo's whole history */
    "2021-07-21..2025-12-31",   /* from the demo resolution's issue to the end of 2025 */
    "2019-03-15..2019-04-14",   /* mid-month to mid-month */
    "2024-02-29..2024-03-01",   /* two days across a month end */
    "2025-10-31..2025-10-31",   /* one day */
  };

  fx.dir = g_dir_make_tmp ("smt-series-XXXXXX", &error);
  g_assert_no_error (error);
  fx.path = g_build_filename (fx.dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (fx.path, PEOPLE, SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A register is opened once at a time: the second one reads a copy. */
  fx.copy_path = g_build_filename (fx.dir, "copy.smt", NULL);
  {
    g_autofree char *wal = g_strconcat (fx.path, "-wal", NULL);
    g_autofree char *contents = NULL;
    gsize length;

    /* Closed, so everything is in the main file. */
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (fx.path, &contents, &length, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (fx.copy_path, contents, (gssize) length, &error));
    g_assert_no_error (error);
  }
  fx.series_reg = open_register (fx.path);
  fx.single_reg = open_register (fx.copy_path);

  fx.months = series_of ("2016-11", "2026-10", 120);
  fx.quarters = series_of ("2016-Q4", "2026-Q3", 40);
  fx.years = series_of ("2016", "2025", 10);
  fx.others = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_period_free);
  for (int year = 2021; year <= 2026; year++)
    {
      g_ptr_array_add (fx.others, smt_period_new_half (year, 1));
      if (year < 2026)
        g_ptr_array_add (fx.others, smt_period_new_half (year, 2));
      g_ptr_array_add (fx.others, smt_period_new_nine_months (year));
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_ptr_array_add (fx.others, parse (others[i]));
}

static void
fixture_teardown (void)
{
  g_clear_object (&fx.series_reg);
  g_clear_object (&fx.single_reg);
  g_clear_pointer (&fx.months, g_ptr_array_unref);
  g_clear_pointer (&fx.quarters, g_ptr_array_unref);
  g_clear_pointer (&fx.years, g_ptr_array_unref);
  g_clear_pointer (&fx.others, g_ptr_array_unref);
  smt_test_rm_rf (fx.dir);
  g_clear_pointer (&fx.dir, g_free);
  g_clear_pointer (&fx.path, g_free);
  g_clear_pointer (&fx.copy_path, g_free);
}

static GPtrArray *
compute_series (const Variant *v,
                GPtrArray     *periods)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery q = { .organisation_id = v->organisation_id, .hamlet_id = v->hamlet_id };
  GPtrArray *results = smt_indicator_compute_series (fx.series_reg, v->code,
                                                     (SmtPeriod * const *) periods->pdata,
                                                     periods->len, &q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpuint (results->len, ==, periods->len);
  /* In the order given, each for its own period and code. */
  for (guint i = 0; i < results->len; i++)
    {
      const SmtIndicatorResult *r = g_ptr_array_index (results, i);

      g_assert_true (smt_period_equal (r->period, g_ptr_array_index (periods, i)));
      g_assert_cmpstr (r->code, ==, v->code);
      g_assert_nonnull (r->info);
      g_assert_null (r->numerator_rows);
      g_assert_null (r->denominator_rows);
    }
  return results;
}

static SmtIndicatorResult *
compute_single (const Variant   *v,
                const SmtPeriod *period)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery q = { .organisation_id = v->organisation_id, .hamlet_id = v->hamlet_id };
  SmtIndicatorResult *r = smt_indicator_compute (fx.single_reg, v->code, period, &q, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_true (smt_period_equal (r->period, period));
  return r;
}

static void
assert_same (const SmtIndicatorResult *got,
             const SmtIndicatorResult *expected,
             const char               *what)
{
  if (got->numerator != expected->numerator || got->denominator != expected->denominator
      || got->defined != expected->defined)
    {
      g_autofree char *period = smt_period_to_code (got->period);

      g_test_message ("%s %s (%s): %g / %g (%s), expected %g / %g (%s)", got->code, period,
                      what, got->numerator, got->denominator,
                      got->defined ? "defined" : "undefined", expected->numerator,
                      expected->denominator, expected->defined ? "defined" : "undefined");
    }
  g_assert_cmpfloat (got->numerator, ==, expected->numerator);
  g_assert_cmpfloat (got->denominator, ==, expected->denominator);
  g_assert_cmpint (got->defined, ==, expected->defined);
  if (got->defined)
    g_assert_cmpfloat_with_epsilon (got->value, expected->value, 1e-9);
}

/* The series over periods, checked against single calls for every step-th
 * period and the first and last ones. The sampled periods move with the
 * case, so that between them the cases look at every period. Returns the
 * series. */
static GPtrArray *
check_series (const Variant *v,
              GPtrArray     *periods,
              guint          step,
              const char    *what)
{
  GPtrArray *results = compute_series (v, periods);

  for (guint i = 0; i < periods->len; i++)
    if (i % step == v->index % step || i == 0 || i == periods->len - 1)
      {
        g_autoptr(SmtIndicatorResult) single = compute_single (v, g_ptr_array_index (periods, i));

        assert_same (g_ptr_array_index (results, i), single, what);
      }
  return results;
}

static void
test_variant (gconstpointer data)
{
  const Variant *v = data;
  g_autoptr(GPtrArray) by_month = check_series (v, fx.months, 7, "months");
  g_autoptr(GPtrArray) by_quarter = check_series (v, fx.quarters, 3, "quarters");
  g_autoptr(GPtrArray) by_year = check_series (v, fx.years, 1, "years");
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();   /* borrowed SmtIndicatorResult */
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (
                                 (GDestroyNotify) smt_indicator_result_free);
  g_autoptr(GPtrArray) mixed = g_ptr_array_new ();      /* borrowed SmtPeriod */
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260630);
  double total = 0;

  /* Every period of the three series, the other kinds, and one month twice,
   * each with the result it must come out with. */
  for (guint i = 0; i < fx.months->len; i++)
    {
      g_ptr_array_add (mixed, g_ptr_array_index (fx.months, i));
      g_ptr_array_add (expected, g_ptr_array_index (by_month, i));
      total += ((SmtIndicatorResult *) g_ptr_array_index (by_month, i))->numerator
               + ((SmtIndicatorResult *) g_ptr_array_index (by_month, i))->denominator;
    }
  for (guint i = 0; i < fx.quarters->len; i++)
    {
      g_ptr_array_add (mixed, g_ptr_array_index (fx.quarters, i));
      g_ptr_array_add (expected, g_ptr_array_index (by_quarter, i));
    }
  for (guint i = 0; i < fx.years->len; i++)
    {
      g_ptr_array_add (mixed, g_ptr_array_index (fx.years, i));
      g_ptr_array_add (expected, g_ptr_array_index (by_year, i));
    }
  for (guint i = 0; i < fx.others->len; i++)
    {
      SmtIndicatorResult *single = compute_single (v, g_ptr_array_index (fx.others, i));

      g_ptr_array_add (owned, single);
      g_ptr_array_add (mixed, g_ptr_array_index (fx.others, i));
      g_ptr_array_add (expected, single);
    }
  g_ptr_array_add (mixed, g_ptr_array_index (fx.months, 60));
  g_ptr_array_add (expected, g_ptr_array_index (by_month, 60));

  /* Fisher–Yates with a fixed seed, moving each period with its result. */
  for (guint i = mixed->len - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      gpointer t;

      t = mixed->pdata[i], mixed->pdata[i] = mixed->pdata[j], mixed->pdata[j] = t;
      t = expected->pdata[i], expected->pdata[i] = expected->pdata[j], expected->pdata[j] = t;
    }
  results = compute_series (v, mixed);
  for (guint i = 0; i < results->len; i++)
    assert_same (g_ptr_array_index (results, i), g_ptr_array_index (expected, i), "shuffled");

  /* Something was counted: the comparisons were not all of zeros. */
  g_test_message ("%s: sum of the monthly figures %g", v->code, total);
  g_assert_cmpfloat (total, >, 0);
}

/* The organisations' codes, by position. */
static GPtrArray *
organisation_codes (SmtRegister *reg)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = smt_register_prepare (reg, "SELECT code FROM organisation "
                                                  "ORDER BY position, id", &error);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (codes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return codes;
}

/* Registers the case /indicators-series/GROUP/CODE[-SUFFIX]; meson runs
 * the two groups in two processes side by side. */
static void
add_variant (GPtrArray  *variants,
             const char *group,
             const char *code,
             const char *suffix,
             const char *org_code,
             gint64      hamlet_id)
{
  Variant *v = g_new0 (Variant, 1);
  g_autofree char *path = g_strdup_printf ("/indicators-series/%s/%s%s%s", group, code,
                                           suffix ? "-" : "", suffix ? suffix : "");

  v->code = g_strdup (code);
  if (org_code != NULL)
    {
      v->organisation_id = smt_organisation_lookup (fx.series_reg, org_code);
      g_assert_cmpint (v->organisation_id, !=, 0);
    }
  v->hamlet_id = hamlet_id;
  v->index = variants->len;
  g_test_add_data_func (path, v, test_variant);
  g_ptr_array_add (variants, v);
}

int
main (int   argc,
      char *argv[])
{
  /* Filtered by organisation (PN) and by hamlet: a few of each group. */
  static const char *by_org[] = {
    "members_total", "members_admitted", "households_covered", "meeting_attendance",
    "leaders_party",
  };
  static const char *by_hamlet[] = {
    "households_covered", "gathering_rate", "members_left", "branches_strong",
    "branches_meeting", "meeting_attendance",
  };
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func ((GDestroyNotify) variant_free);
  g_autoptr(GPtrArray) orgs = NULL;
  const SmtIndicatorInfo *all;
  guint n_all, n_computed = 0;
  gint64 hamlet_id;
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  fixture_setup ();
  orgs = organisation_codes (fx.series_reg);
  g_assert_cmpuint (orgs->len, >=, 5);
  /* The third hamlet of the demo. */
  hamlet_id = smt_register_query_int (fx.series_reg, 0,
                                      "SELECT id FROM hamlet ORDER BY id LIMIT 1 OFFSET 2");
  g_assert_cmpint (hamlet_id, !=, 0);

  all = smt_catalogue_get_all (&n_all);
  for (guint i = 0; i < n_all; i++)
    if (all[i].source == SMT_INDICATOR_COMPUTED)
      {
        add_variant (variants, "catalogue", all[i].code, NULL, NULL, 0);
        n_computed++;
      }
  /* 17, the movements split out (members_transferred_in,
   * members_transferred_out, members_deceased) and organisations_strong. */
  g_assert_cmpuint (n_computed, ==, 21);
  for (guint i = 0; i < G_N_ELEMENTS (by_org); i++)
    add_variant (variants, "catalogue", by_org[i], "org-PN", "PN", 0);
  for (guint i = 0; i < orgs->len; i++)
    {
      g_autofree char *code = g_strconcat ("gathering_rate:", orgs->pdata[i], NULL);

      add_variant (variants, "organisations-hamlets", code, NULL, NULL, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (by_hamlet); i++)
    add_variant (variants, "organisations-hamlets", by_hamlet[i], "hamlet-3", NULL,
                 hamlet_id);

  status = g_test_run ();
  fixture_teardown ();
  return status;
}
