/* test-period.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register.h"
#include "core/targets/smt-period.h"

static const char *kind_names[] = {
  "month", "quarter", "half", "nine months", "year", "range",
};

/* Every written form: what it reads as, and what it is written back as. */
static void
test_parse (void)
{
  static const struct
  {
    const char    *input;
    const char    *code;
    SmtPeriodKind  kind;
    int            year;
    int            index;
    const char    *start;
    const char    *end;
  } cases[] = {
    { "2025-05", "2025-05", SMT_PERIOD_MONTH, 2025, 5, "2025-05-01", "2025-05-31" },
    { "2025-01", "2025-01", SMT_PERIOD_MONTH, 2025, 1, "2025-01-01", "2025-01-31" },
    { "2025-12", "2025-12", SMT_PERIOD_MONTH, 2025, 12, "2025-12-01", "2025-12-31" },
    { "2024-02", "2024-02", SMT_PERIOD_MONTH, 2024, 2, "2024-02-01", "2024-02-29" },
    { "2025-02", "2025-02", SMT_PERIOD_MONTH, 2025, 2, "2025-02-01", "2025-02-28" },
    { "2000-02", "2000-02", SMT_PERIOD_MONTH, 2000, 2, "2000-02-01", "2000-02-29" },
    { "1900-02", "1900-02", SMT_PERIOD_MONTH, 1900, 2, "1900-02-01", "1900-02-28" },
    { "2025-04", "2025-04", SMT_PERIOD_MONTH, 2025, 4, "2025-04-01", "2025-04-30" },
    { "2025-Q1", "2025-Q1", SMT_PERIOD_QUARTER, 2025, 1, "2025-01-01", "2025-03-31" },
    { "2025-q2", "2025-Q2", SMT_PERIOD_QUARTER, 2025, 2, "2025-04-01", "2025-06-30" },
    { " 2025-q3 ", "2025-Q3", SMT_PERIOD_QUARTER, 2025, 3, "2025-07-01", "2025-09-30" },
    { "2025-Q4", "2025-Q4", SMT_PERIOD_QUARTER, 2025, 4, "2025-10-01", "2025-12-31" },
    { "2025-H1", "2025-H1", SMT_PERIOD_HALF, 2025, 1, "2025-01-01", "2025-06-30" },
    { "2025-h2", "2025-H2", SMT_PERIOD_HALF, 2025, 2, "2025-07-01", "2025-12-31" },
    { "2025-9M", "2025-9M", SMT_PERIOD_NINE_MONTHS, 2025, 0, "2025-01-01", "2025-09-30" },
    { "2025-9m", "2025-9M", SMT_PERIOD_NINE_MONTHS, 2025, 0, "2025-01-01", "2025-09-30" },
    { "2025", "2025", SMT_PERIOD_YEAR, 2025, 0, "2025-01-01", "2025-12-31" },
    { "2024", "2024", SMT_PERIOD_YEAR, 2024, 0, "2024-01-01", "2024-12-31" },
    { "2021-01-01..2025-12-31", "2021-01-01..2025-12-31", SMT_PERIOD_RANGE, 2021, 0,
      "2021-01-01", "2025-12-31" },
    { "2024-02-29 .. 2024-02-29", "2024-02-29..2024-02-29", SMT_PERIOD_RANGE, 2024, 0,
      "2024-02-29", "2024-02-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) period = NULL;
      g_autoptr(SmtPeriod) again = NULL;
      g_autoptr(SmtPeriod) copy = NULL;
      g_autofree char *code = NULL;
      g_autofree char *code_again = NULL;

      g_test_message ("%s", cases[i].input);
      period = smt_period_parse (cases[i].input, &error);
      g_assert_no_error (error);
      g_assert_nonnull (period);
      g_assert_cmpstr (kind_names[smt_period_get_kind (period)], ==,
                       kind_names[cases[i].kind]);
      g_assert_cmpint (smt_period_get_year (period), ==, cases[i].year);
      g_assert_cmpint (smt_period_get_index (period), ==, cases[i].index);
      g_assert_cmpstr (smt_period_get_start (period), ==, cases[i].start);
      g_assert_cmpstr (smt_period_get_end (period), ==, cases[i].end);

      /* Round trip: the code reads back as the same period and code. */
      code = smt_period_to_code (period);
      g_assert_cmpstr (code, ==, cases[i].code);
      again = smt_period_parse (code, &error);
      g_assert_no_error (error);
      g_assert_true (smt_period_equal (period, again));
      code_again = smt_period_to_code (again);
      g_assert_cmpstr (code_again, ==, code);

      copy = smt_period_copy (period);
      g_assert_true (smt_period_equal (period, copy));
      g_assert_cmpint (smt_period_compare (period, copy), ==, 0);
    }
}

static void
test_refusals (void)
{
  static const char *bad[] = {
    "2025-13", "2025-00", "2025-5", "2025-Q5", "2025-Q0", "2025-H3", "2025-H0", "2025-6M",
    "2025-Q", "25", "202", "20255", "1799", "2025-05-01", "2025-5-01", "0000",
    "2025-12-31..2021-01-01", "2025-02-29..2025-12-31", "2021-01-01..", "..2021-01-01",
    "2021-01-01...2021-02-01", "2021-01-01..2021-02-01..2021-03-01", "2025-1-1..2025-2-1",
    "Q2-2025", "năm 2025", "2025-Q2x", "", "   ", NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) period = NULL;

      g_test_message ("refused: %s", bad[i] ? bad[i] : "(null)");
      period = smt_period_parse (bad[i], &error);
      g_assert_null (period);
      g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
      /* The message shows the accepted forms, whatever the language. */
      g_assert_nonnull (strstr (error->message, "2025-Q2"));
      g_assert_nonnull (strstr (error->message, "2021-01-01..2025-12-31"));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SmtPeriod) period = smt_period_parse ("2025-13", &error);

    g_assert_cmpstr (error->message, ==,
                     "“2025-13” không phải là kỳ báo cáo. Hãy ghi tháng (2025-05), quý "
                     "(2025-Q2), 6 tháng (2025-H1), 9 tháng (2025-9M), năm (2025) hoặc "
                     "khoảng thời gian (2021-01-01..2025-12-31).");
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SmtPeriod) backwards = smt_period_new_range ("2025-12-31", "2021-01-01", &error);

    g_assert_null (backwards);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
    g_clear_error (&error);
    backwards = smt_period_new_range ("2025-02-29", "2025-12-31", &error);
    g_assert_null (backwards);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  }
}

static void
test_labels (void)
{
  static const struct { const char *code, *label; } cases[] = {
    { "2025-05", "Tháng 5/2025" },
    { "2025-12", "Tháng 12/2025" },
    { "2025-Q1", "Quý I/2025" },
    { "2025-Q2", "Quý II/2025" },
    { "2025-Q3", "Quý III/2025" },
    { "2025-Q4", "Quý IV/2025" },
    { "2025-H1", "6 tháng đầu năm 2025" },
    { "2025-H2", "6 tháng cuối năm 2025" },
    { "2025-9M", "9 tháng năm 2025" },
    { "2025", "Năm 2025" },
    { "2021-01-01..2025-12-31", "Từ 01/01/2021 đến 31/12/2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) period = smt_period_parse (cases[i].code, &error);
      g_autofree char *label = NULL;

      g_assert_no_error (error);
      label = smt_period_to_label (period);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_constructors (void)
{
  g_autoptr(SmtPeriod) month = smt_period_new_month (2024, 2);
  g_autoptr(SmtPeriod) quarter = smt_period_new_quarter (2025, 1);
  g_autoptr(SmtPeriod) half = smt_period_new_half (2025, 2);
  g_autoptr(SmtPeriod) nine = smt_period_new_nine_months (2025);
  g_autoptr(SmtPeriod) year = smt_period_new_year (2025);
  g_autoptr(SmtPeriod) generic = smt_period_new (SMT_PERIOD_QUARTER, 2025, 1);
  g_autoptr(SmtPeriod) term = smt_period_new_range ("2021-01-01", "2025-12-31", NULL);
  const struct { SmtPeriod *period; const char *code, *stock; } made[] = {
    { month, "2024-02", "2024-02-29" },
    { quarter, "2025-Q1", "2025-03-31" },
    { half, "2025-H2", "2025-12-31" },
    { nine, "2025-9M", "2025-09-30" },
    { year, "2025", "2025-12-31" },
    { generic, "2025-Q1", "2025-03-31" },
    { term, "2021-01-01..2025-12-31", "2025-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_autofree char *code = smt_period_to_code (made[i].period);

      g_assert_cmpstr (code, ==, made[i].code);
      g_assert_cmpstr (smt_period_stock_date (made[i].period), ==, made[i].stock);
      g_assert_cmpstr (smt_period_stock_date (made[i].period), ==,
                       smt_period_get_end (made[i].period));
    }
  g_assert_true (smt_period_equal (quarter, generic));
  g_assert_false (smt_period_equal (quarter, year));

  /* A boxed type, for list models and properties. */
  g_assert_true (G_TYPE_IS_BOXED (SMT_TYPE_PERIOD));
  {
    SmtPeriod *boxed = g_boxed_copy (SMT_TYPE_PERIOD, month);

    g_assert_true (smt_period_equal (boxed, month));
    g_boxed_free (SMT_TYPE_PERIOD, boxed);
  }

  if (g_test_undefined ())
    {
      SmtPeriod *none;

      g_test_expect_message ("Somattran", G_LOG_LEVEL_CRITICAL, "*month >= 1*");
      none = smt_period_new_month (2025, 13);
      g_test_assert_expected_messages ();
      g_assert_null (none);
      g_test_expect_message ("Somattran", G_LOG_LEVEL_CRITICAL, "*index_fits*");
      none = smt_period_new (SMT_PERIOD_RANGE, 2025, 0);
      g_test_assert_expected_messages ();
      g_assert_null (none);
    }
}

static void
test_contains (void)
{
  static const struct { const char *period, *date; gboolean inside; } cases[] = {
    { "2024-02", "2024-02-01", TRUE },
    { "2024-02", "2024-02-29", TRUE },
    { "2024-02", "2024-03-01", FALSE },
    { "2024-02", "2024-01-31", FALSE },
    { "2025-Q1", "2025-03-31", TRUE },
    { "2025-Q1", "2025-04-01", FALSE },
    { "2025-H2", "2025-07-01", TRUE },
    { "2025-H2", "2025-06-30", FALSE },
    { "2025-9M", "2025-09-30", TRUE },
    { "2025-9M", "2025-10-01", FALSE },
    { "2025", "2025-12-31", TRUE },
    { "2025", "2026-01-01", FALSE },
    { "2021-01-01..2025-12-31", "2021-01-01", TRUE },
    { "2021-01-01..2025-12-31", "2023-06-15", TRUE },
    { "2021-01-01..2025-12-31", "2020-12-31", FALSE },
    { "2025", "2025-02-30", FALSE },
    { "2025", "not a date", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmtPeriod) period = smt_period_parse (cases[i].period, NULL);

      g_test_message ("%s contains %s", cases[i].period, cases[i].date);
      g_assert_cmpint (smt_period_contains (period, cases[i].date), ==, cases[i].inside);
    }
}

static void
test_last_complete_quarter (void)
{
  static const struct { const char *today, *code; } cases[] = {
    { "2026-05-14", "2026-Q1" },
    { "2026-04-01", "2026-Q1" },
    { "2026-03-31", "2025-Q4" },
    { "2026-01-01", "2025-Q4" },
    { "2026-07-01", "2026-Q2" },
    { "2026-12-31", "2026-Q3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmtPeriod) p = smt_period_last_complete_quarter (cases[i].today);
      g_autofree char *code = smt_period_to_code (p);

      g_assert_cmpstr (code, ==, cases[i].code);
    }
  g_assert_null (smt_period_last_complete_quarter ("2026-02-30"));
  g_assert_null (smt_period_last_complete_quarter (NULL));
}

static void
test_compare (void)
{
  /* By start, then the shorter first. */
  static const char *sorted[] = {
    "2021-01-01..2025-12-31", "2025-01", "2025-Q1", "2025-H1", "2025-9M", "2025",
    "2025-02", "2025-Q2", "2025-H2", "2025-Q4", "2025-12", "2026-01",
  };
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_period_free);

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    g_ptr_array_add (periods, smt_period_parse (sorted[i], NULL));
  for (guint i = 0; i + 1 < periods->len; i++)
    {
      g_test_message ("%s < %s", sorted[i], sorted[i + 1]);
      g_assert_cmpint (smt_period_compare (periods->pdata[i], periods->pdata[i + 1]), <, 0);
      g_assert_cmpint (smt_period_compare (periods->pdata[i + 1], periods->pdata[i]), >, 0);
      g_assert_false (smt_period_equal (periods->pdata[i], periods->pdata[i + 1]));
    }
}

static void
test_series (void)
{
  static const struct
  {
    const char *from, *to;
    guint       length;
    const char *first, *last;
  } cases[] = {
    { "2016-01", "2025-12", 120, "2016-01", "2025-12" },
    { "2021-Q1", "2025-Q4", 20, "2021-Q1", "2025-Q4" },
    { "2016", "2025", 10, "2016", "2025" },
    { "2021-H2", "2025-H1", 8, "2021-H2", "2025-H1" },
    { "2021-9M", "2025-9M", 5, "2021-9M", "2025-9M" },
    { "2025-11", "2026-02", 4, "2025-11", "2026-02" },
    { "2025-Q3", "2025-Q3", 1, "2025-Q3", "2025-Q3" },
    { "1926-01", "2025-12", 1200, "1926-01", "2025-12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) from = smt_period_parse (cases[i].from, NULL);
      g_autoptr(SmtPeriod) to = smt_period_parse (cases[i].to, NULL);
      g_autoptr(GPtrArray) series = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      g_test_message ("%s to %s", cases[i].from, cases[i].to);
      series = smt_period_series (from, to, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, cases[i].length);
      first = smt_period_to_code (series->pdata[0]);
      last = smt_period_to_code (series->pdata[series->len - 1]);
      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpstr (last, ==, cases[i].last);
      g_assert_true (smt_period_contains (series->pdata[series->len - 1],
                                          smt_period_get_end (to)));
      for (guint j = 0; j < series->len; j++)
        {
          SmtPeriod *p = series->pdata[j];

          g_assert_cmpint (smt_period_get_kind (p), ==, smt_period_get_kind (from));
          if (j == 0)
            continue;
          /* Consecutive: each starts the day after the previous one ends, or,
           * for nine months, on 1 January of the next year. */
          if (smt_period_get_kind (p) == SMT_PERIOD_NINE_MONTHS)
            g_assert_cmpint (smt_period_get_year (p), ==,
                             smt_period_get_year (series->pdata[j - 1]) + 1);
          else
            {
              g_autofree char *next_day =
                smt_date_add_days (smt_period_get_end (series->pdata[j - 1]), 1);

              g_assert_cmpstr (smt_period_get_start (p), ==, next_day);
            }
          g_assert_cmpint (smt_period_compare (series->pdata[j - 1], p), <, 0);
        }
    }
}

static void
test_series_refusals (void)
{
  static const struct { const char *from, *to; int code; } cases[] = {
    { "2021-01-01..2025-12-31", "2025", SMT_REGISTER_ERROR_INVALID },
    { "2021", "2021-01-01..2025-12-31", SMT_REGISTER_ERROR_INVALID },
    { "2021-01", "2025-Q4", SMT_REGISTER_ERROR_INVALID },
    { "2021", "2025-9M", SMT_REGISTER_ERROR_INVALID },
    { "2025-12", "2025-01", SMT_REGISTER_ERROR_DATE_ORDER },
    { "2025", "2024", SMT_REGISTER_ERROR_DATE_ORDER },
    { "1925-12", "2025-12", SMT_REGISTER_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtPeriod) from = smt_period_parse (cases[i].from, NULL);
      g_autoptr(SmtPeriod) to = smt_period_parse (cases[i].to, NULL);
      g_autoptr(GPtrArray) series = NULL;

      g_test_message ("%s to %s", cases[i].from, cases[i].to);
      series = smt_period_series (from, to, &error);
      g_assert_null (series);
      g_assert_error (error, SMT_REGISTER_ERROR, cases[i].code);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Vietnamese whatever the user chose in the window, from the catalogue
   * SMT_LOCALEDIR names. */
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/refusals", test_refusals);
  g_test_add_func ("/period/labels", test_labels);
  g_test_add_func ("/period/constructors", test_constructors);
  g_test_add_func ("/period/contains", test_contains);
  g_test_add_func ("/period/compare", test_compare);
  g_test_add_func ("/period/last-complete-quarter", test_last_complete_quarter);
  g_test_add_func ("/period/series", test_series);
  g_test_add_func ("/period/series-refusals", test_series_refusals);
  return g_test_run ();
}
