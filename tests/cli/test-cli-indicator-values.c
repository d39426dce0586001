/* test-cli-indicator-values.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/check/smt-check.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/targets/smt-indicator-value-query.h"
#include "smt-test-util.h"

/* What the Chỉ tiêu view does, from the command line, on a small demo
 * commune: typed values entered, superseded and kept in history
 * (indicator-set, indicator-history, smt_indicator_value_history), a bad
 * value refused with nothing written; `indicators --by hamlet` adding up
 * to the commune; `explain -o` writing a workbook. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = g_dir_make_tmp ("smt-cli-indvalues-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "a.smt", NULL);
  g_assert_cmpint (smt_test_cli (&out, &err, "demo", f->path, "--people", "300", "--seed", "3", NULL),
                   ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  smt_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_typed (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = smt_period_new_quarter (2025, 2);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const SmtIndicatorValueRow *row;

  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-history", f->path, "supervisions", "--period",
                        "2025-Q2", "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "[]\n");
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "supervisions", "--period",
                        "2025-Q2", "--value", "4", "--note", "Sổ giám sát", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "supervisions", "--period",
                        "2025-q2", "--value", "5,5", NULL), ==, 0);

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  rows = smt_indicator_value_history (reg, "supervisions", period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_true (row->current);
  g_assert_cmpfloat (row->value, ==, 5.5);
  g_assert_cmpstr (row->note, ==, "");
  row = g_ptr_array_index (rows, 1);
  g_assert_false (row->current);
  g_assert_cmpfloat (row->value, ==, 4);
  g_assert_cmpstr (row->note, ==, "Sổ giám sát");
  /* Another period has none. */
  {
    g_autoptr(SmtPeriod) q1 = smt_period_new_quarter (2025, 1);
    g_autoptr(GPtrArray) none = smt_indicator_value_history (reg, "supervisions", q1, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
  /* The figure is the current value. */
  {
    SmtIndicatorQuery query = { 0 };
    g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, "supervisions", period,
                                                             &query, &error);

    g_assert_no_error (error);
    g_assert_true (r->defined);
    g_assert_cmpfloat (r->value, ==, 5.5);
  }
  g_clear_object (&reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-history", f->path, "supervisions", "--period",
                        "2025-Q2", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "* "));
  g_assert_nonnull (strstr (out, "5,5\n"));
  g_assert_nonnull (strstr (out, "  4 — Sổ giám sát\n"));

  /* Refused: not a number, a computed indicator; nothing written. */
  before = smt_test_content_hash (f->path);
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "supervisions", "--period",
                        "2025-Q2", "--value", "nhiều", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "nhiều"));
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "households_covered", "--period",
                        "2025-Q2", "--value", "3", NULL), !=, 0);
  after = smt_test_content_hash (f->path);
  g_assert_cmpstr (after, ==, before);
}

/* Values typed per organisation (--org) and by month add up: the demo
 * types the budget once a year for the whole commune, so Q1/2025 has
 * nothing of the commune's inside it and its figure is the organisations'
 * sum, PN 3 × 1.000.000 + ND 2.500.000 = 5.500.000; the year keeps the
 * commune's own value. */
static void
test_per_organisation (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) q1 = smt_period_new_quarter (2025, 1);
  g_autoptr(SmtPeriod) year = smt_period_new_year (2025);
  g_autoptr(SmtIndicatorResult) commune_q1 = NULL;
  g_autoptr(SmtIndicatorResult) commune_year = NULL;
  g_autoptr(SmtIndicatorResult) pn = NULL;
  g_autoptr(GError) error = NULL;
  double typed_year;

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  commune_year = smt_indicator_compute (reg, "budget", year, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (commune_year->defined);
  typed_year = commune_year->value;
  g_clear_object (&reg);
  g_clear_pointer (&commune_year, smt_indicator_result_free);

  for (int m = 1; m <= 3; m++)
    {
      g_autofree char *month = g_strdup_printf ("2025-%02d", m);

      g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "budget", "--org", "PN",
                                     "--period", month, "--value", "1000000", NULL), ==, 0);
      g_assert_nonnull (strstr (out, "budget:PN"));
    }
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "budget:ND", "--period",
                                 "2025-Q1", "--value", "2500000", NULL), ==, 0);

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  commune_q1 = smt_indicator_compute (reg, "budget", q1, NULL, &error);
  commune_year = smt_indicator_compute (reg, "budget", year, NULL, &error);
  pn = smt_indicator_compute (reg, "budget:PN", q1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (commune_q1->value, ==, 5500000);
  g_assert_cmpuint (commune_q1->notes->len, >, 0);
  g_assert_cmpfloat (commune_year->value, ==, typed_year);
  g_assert_cmpfloat (pn->value, ==, 3000000);
  g_clear_object (&reg);

  /* The history of PN's Q1: nothing typed for it, its figure and the
   * three months it adds up. */
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-history", f->path, "budget", "--org", "PN",
                                 "--period", "2025-Q1", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Số liệu của kỳ: 3.000.000"));
  g_assert_nonnull (strstr (out, "Cộng từ số liệu nhập cho 3 tháng."));
  g_assert_nonnull (strstr (out, "Tháng 2/2025, Phụ nữ: 1.000.000"));
  g_assert_cmpint (smt_test_cli (&out, &err, "indicators", f->path, "--period", "2025-Q1",
                                 "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"code\":\"budget\""));
  g_assert_nonnull (strstr (out, "cộng số liệu nhập của 2 tổ chức (Phụ nữ, Nông dân)"));

  /* Refused, nothing written: an organisation twice, an indicator typed
   * for the whole commune only, an organisation that is not there. */
  before = smt_test_content_hash (f->path);
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "budget:PN", "--org", "ND",
                                 "--period", "2025-Q1", "--value", "1", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "dialogue_days", "--org",
                                 "PN", "--period", "2025-Q1", "--value", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "dialogue_days"));
  g_assert_cmpint (smt_test_cli (&out, &err, "indicator-set", f->path, "budget", "--org", "XYZ",
                                 "--period", "2025-Q1", "--value", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "XYZ"));
  after = smt_test_content_hash (f->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_by_and_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "giai-trinh.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = smt_period_new_quarter (2025, 2);
  g_autoptr(SmtIndicatorResult) commune = NULL;
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery query = { 0 };
  g_autoptr(GPtrArray) hamlets = NULL;
  double num = 0, den = 0;
  gsize length = 0;
  char **lines;
  guint n_unit_lines = 0;
  gboolean in_first = FALSE;

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  commune = smt_indicator_compute (reg, "households_covered", period, &query, &error);
  g_assert_no_error (error);
  hamlets = smt_hamlets_list (reg, &error);
  g_assert_no_error (error);

  /* Each hamlet's households: they add up to the commune's. */
  for (guint i = 0; i < hamlets->len; i++)
    {
      SmtIndicatorQuery q = { .hamlet_id = ((SmtHamletInfo *) hamlets->pdata[i])->id };
      g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, "households_covered",
                                                               period, &q, &error);

      g_assert_no_error (error);
      num += r->numerator;
      den += r->denominator;
    }
  g_assert_cmpfloat (num, ==, commune->numerator);
  g_assert_cmpfloat (den, ==, commune->denominator);
  g_clear_object (&reg);

  /* The command prints one line per hamlet under households_covered. */
  g_assert_cmpint (smt_test_cli (&out, &err, "indicators", f->path, "--period", "2025-Q2", "--by",
                        "hamlet", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  households_covered"))
        in_first = TRUE;
      else if (in_first && g_str_has_prefix (lines[i], "      "))
        n_unit_lines++;
      else if (in_first)
        break;
    }
  g_strfreev (lines);
  g_assert_cmpuint (n_unit_lines, ==, hamlets->len);
  g_assert_cmpint (smt_test_cli (&out, &err, "indicators", f->path, "--period", "2025-Q2", "--by",
                        "street", NULL), ==, 2);

  /* explain -o: a workbook. */
  g_assert_cmpint (smt_test_cli (&out, &err, "explain", f->path, "households_covered", "--period",
                        "2025-Q2", "-o", xlsx, NULL), ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5000);
  g_assert_cmpint (memcmp (contents, "PK\003\004", 4), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "explain", f->path, "households_covered", "--period",
                        "2025-Q2", "-o", "x.csv", NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-indicator-values/typed", Fixture, NULL, fixture_setup, test_typed,
              fixture_teardown);
  g_test_add ("/cli-indicator-values/per-organisation", Fixture, NULL, fixture_setup,
              test_per_organisation, fixture_teardown);
  g_test_add ("/cli-indicator-values/by-and-xlsx", Fixture, NULL, fixture_setup,
              test_by_and_xlsx, fixture_teardown);
  return g_test_run ();
}
