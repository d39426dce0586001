/* test-date-format.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>

#include "core/register/smt-date.h"
#include "core/register/smt-format.h"

static void
test_dates (void)
{
  static const struct { const char *input, *iso; } parse[] = {
    { "05/02/2026", "2026-02-05" },
    { "5/2/2026", "2026-02-05" },
    { "2026-02-05", "2026-02-05" },
    { " 29/02/2024 ", "2024-02-29" },
    { "29/02/2025", NULL },
    { "31/04/2026", NULL },
    { "2026-13-01", NULL },
    { "hôm qua", NULL },
    { "", NULL },
  };
  static const struct { const char *birth; int year; const char *on; int age; } ages[] = {
    { "2010-06-30", 2010, "2026-06-29", 15 },
    { "2010-06-30", 2010, "2026-06-30", 16 },
    { "1995-07-01", 1995, "2026-06-30", 30 },
    { "1995-07-01", 1995, "2026-07-01", 31 },
    { NULL, 1960, "2026-01-01", 66 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parse); i++)
    {
      g_autofree char *iso = smt_date_parse (parse[i].input);

      g_assert_cmpstr (iso, ==, parse[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ages); i++)
    g_assert_cmpint (smt_date_age_on (ages[i].birth, ages[i].year, ages[i].on), ==, ages[i].age);

  {
    g_autofree char *shown = smt_date_to_display ("2026-02-05");
    g_autofree char *next = smt_date_add_days ("2024-02-28", 1);
    g_autofree char *prev = smt_date_add_days ("2026-01-01", -1);

    g_assert_cmpstr (shown, ==, "05/02/2026");
    g_assert_cmpstr (next, ==, "2024-02-29");
    g_assert_cmpstr (prev, ==, "2025-12-31");
  }
}

static void
test_numbers (void)
{
  static const struct { double value; int decimals; const char *text; } percents[] = {
    { 52.7, 1, "52,7 %" },
    { 83.59, 2, "83,59 %" },
    { 101.9378, 2, "101,94 %" },
    { 97.4, 2, "97,4 %" },
    { 100, 2, "100 %" },
    { 0.05, 1, "0,1 %" },
    { 1234.5, 1, "1.234,5 %" },
  };
  static const struct { gint64 value; const char *text; } ints[] = {
    { 437388, "437.388" }, { 0, "0" }, { 999, "999" }, { 1000, "1.000" },
    { -1234567, "-1.234.567" }, { 313900, "313.900" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (percents); i++)
    {
      g_autofree char *text = smt_format_percent (percents[i].value, percents[i].decimals);

      g_assert_cmpstr (text, ==, percents[i].text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      g_autofree char *text = smt_format_int (ints[i].value);

      g_assert_cmpstr (text, ==, ints[i].text);
    }
}

static void
test_numbers_ignore_locale (void)
{
  /* A decimal point from the C locale must never leak in. */
  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    setlocale (LC_NUMERIC, "C");
  {
    g_autofree char *text = smt_format_percent (52.7, 1);

    g_assert_cmpstr (text, ==, "52,7 %");
  }
  setlocale (LC_NUMERIC, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/date/parse-age", test_dates);
  g_test_add_func ("/format/numbers", test_numbers);
  g_test_add_func ("/format/numbers-ignore-locale", test_numbers_ignore_locale);
  return g_test_run ();
}
