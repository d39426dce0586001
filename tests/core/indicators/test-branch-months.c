/* test-branch-months.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/activity/smt-meeting-query.h"
#include "core/demo/smt-demo.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-locale.h"
#include "core/reports/smt-reports.h"
#include "smt-test-util.h"

/* One rule of a branch-month (smt_branch_month_counts), shared by the
 * Sinh hoạt grid, the indicator branches_meeting and the meetings report:
 * a branch counts in a month when it existed some day of it (the months of
 * its founding and dissolution included) and the month has begun. */

/* ---- the rule itself ---------------------------------------------------------- */

static void
test_rule (void)
{
  static const struct
  {
    const char *founded, *dissolved;
    int         year, month;
    const char *today;
    gboolean    counts;
  } cases[] = {
    { NULL, NULL, 2025, 3, NULL, TRUE },
    { "2025-03-20", NULL, 2025, 3, NULL, TRUE },         /* founded in the month */
    { "2025-03-31", NULL, 2025, 3, NULL, TRUE },         /* on its last day */
    { "2025-04-01", NULL, 2025, 3, NULL, FALSE },        /* the month after */
    { "2024-12-31", NULL, 2025, 1, NULL, TRUE },
    { NULL, "2025-06-05", 2025, 6, NULL, TRUE },         /* dissolved in the month */
    { NULL, "2025-06-01", 2025, 6, NULL, TRUE },         /* on its first day */
    { NULL, "2025-05-31", 2025, 6, NULL, FALSE },
    { "2025-06-10", "2025-06-20", 2025, 6, NULL, TRUE }, /* ten days of life */
    { NULL, NULL, 2025, 9, "2025-08-15", FALSE },        /* not begun */
    { NULL, NULL, 2025, 8, "2025-08-15", TRUE },         /* begun */
    { NULL, NULL, 2025, 8, "2025-08-01", TRUE },
    { NULL, NULL, 2026, 1, "2025-12-31", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_true (smt_branch_month_counts (cases[i].founded, cases[i].dissolved,
                                              cases[i].year, cases[i].month, cases[i].today)
                     == cases[i].counts);
    }
}

/* ---- a commune by hand ----------------------------------------------------------- */

/* Phụ nữ, "today" 15/08/2025:
 *   A  founded 20/03/2025, a regular meeting on 28/03/2025;
 *   B  since 2000, a regular meeting on 03/06/2025, dissolved 05/06/2025;
 *   C  founded 01/08/2025, no meeting.
 * 2025, branch-months (met):
 *   Jan B   Feb B   Mar A (met), B   Apr A, B   May A, B   Jun A, B (met)
 *   Jul A   Aug A, C   Sep … not begun
 *   → March 1 / 2, June 1 / 2, July 0 / 1, August 0 / 2, September
 *   undefined; the year 2 / 13 (A 6 months, B 6, C 1).
 * Before this rule A's March was ✓ in the grid and left out of the figure
 * (counted only months on whose first day the branch existed). */

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           branch[3];
} Hand;

static void
meeting (Hand       *h,
         int         branch,
         const char *date)
{
  g_autoptr(GError) error = NULL;
  SmtMeetingFields f = { .branch_id = h->branch[branch], .date = date,
                         .kind = SMT_MEETING_REGULAR, .topic = "Sinh hoạt", .present = 0 };

  g_assert_cmpint (smt_meeting_add (h->reg, &f, &error), !=, 0);
  g_assert_no_error (error);
}

static void
hand_setup (Hand *h)
{
  static const char *names[] = { "Chi hội A", "Chi hội B", "Chi hội C" };
  static const char *founded[] = { "2025-03-20", "2000-01-01", "2025-08-01" };
  g_autoptr(GError) error = NULL;
  gint64 pn, hamlet;

  h->t = smt_test_register_new ();
  h->reg = h->t->reg;
  smt_register_set_today (h->reg, "2025-08-15");
  pn = smt_organisation_lookup (h->reg, "PN");
  hamlet = smt_hamlet_add (h->reg, "Ấp Một", "ấp", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      h->branch[i] = smt_branch_add (h->reg, pn, 0, "chi hội", names[i], &hamlet, 1, founded[i],
                                     &error);
      g_assert_no_error (error);
    }
  meeting (h, 0, "2025-03-28");
  meeting (h, 1, "2025-06-03");
  g_assert_true (smt_branch_dissolve (h->reg, h->branch[1], "2025-06-05", "sáp nhập", &error));
  g_assert_no_error (error);
}

static SmtIndicatorResult *
figure (SmtRegister *reg,
        const char  *period_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) period = smt_period_parse (period_code, &error);
  SmtIndicatorQuery q = { .explain = TRUE, .scope = "socio_political,mass" };
  SmtIndicatorResult *r;

  g_assert_no_error (error);
  r = smt_indicator_compute (reg, "branches_meeting", period, &q, &error);
  g_assert_no_error (error);
  return r;
}

static gboolean
rows_have (const GPtrArray *rows,
           gint64           branch_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((const SmtExplainRow *) g_ptr_array_index (rows, i))->id == branch_id)
      return TRUE;
  return FALSE;
}

/* For every branch of the grid of year (not a tổ hội) and every month: the
 * cell is ✓ exactly when the indicator of that month counts the branch as
 * met, ✓ or ✗ exactly when it counts the branch-month at all. Returns how
 * many branch-months were compared. */
static guint
assert_grid_agrees (SmtRegister *reg,
                    int          year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grid = smt_meeting_grid (reg, year, 0, &error);
  const char *today = smt_register_get_today (reg);
  guint compared = 0;

  g_assert_no_error (error);
  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *code = g_strdup_printf ("%04d-%02d", year, m);
      g_autoptr(SmtIndicatorResult) r = figure (reg, code);
      guint counted = 0;

      for (guint i = 0; i < grid->len; i++)
        {
          const SmtMeetingGridRow *row = g_ptr_array_index (grid, i);
          SmtMeetingCell cell = smt_meeting_grid_cell (row, year, m, today, NULL);
          gboolean in = rows_have (r->denominator_rows, row->branch_id);
          gboolean met = rows_have (r->numerator_rows, row->branch_id);

          if (row->parent_id != 0)
            continue;  /* a tổ hội is no branch of the indicator */
          if ((cell == SMT_MEETING_CELL_HELD) != met
              || (cell == SMT_MEETING_CELL_HELD || cell == SMT_MEETING_CELL_MISSING) != in)
            g_error ("%s, %02d/%d: grid cell %d, indicator %s", row->name, m, year, cell,
                     met ? "met" : in ? "counted" : "not counted");
          counted += in;
          compared++;
        }
      /* The indicator counts no branch-month the grid does not show. */
      g_assert_cmpuint (counted, ==, r->denominator_rows->len);
    }
  return compared;
}

static void
test_hand (void)
{
  static const struct
  {
    const char *period;
    double      numerator, denominator;
  } cases[] = {
    { "2025-03", 1, 2 }, { "2025-06", 1, 2 }, { "2025-07", 0, 1 }, { "2025-08", 0, 2 },
    { "2025-09", 0, 0 }, { "2025", 2, 13 }, { "2025-Q3", 0, 3 },
  };
  Hand h = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) year = smt_period_new_year (2025);
  SmtReportParams params = { .kind = SMT_REPORT_MEETINGS, .period = year };
  g_autoptr(SmtReport) report = NULL;
  guint found = 0;

  hand_setup (&h);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmtIndicatorResult) r = figure (h.reg, cases[i].period);

      g_test_message ("%s: %g / %g", cases[i].period, r->numerator, r->denominator);
      g_assert_cmpfloat (r->numerator, ==, cases[i].numerator);
      g_assert_cmpfloat (r->denominator, ==, cases[i].denominator);
    }
  /* A's March: met in the figure as ✓ in the grid. */
  {
    g_autoptr(SmtIndicatorResult) r = figure (h.reg, "2025-03");

    g_assert_true (rows_have (r->numerator_rows, h.branch[0]));
  }
  g_assert_cmpuint (assert_grid_agrees (h.reg, 2025), ==, 3 * 12);

  /* The meetings report: months and months met per branch, as above. */
  report = smt_report_build (h.reg, &params, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->body->len; i++)
    {
      const SmtReportRow *row = g_ptr_array_index (report->body, i);
      const char *name = row->cells[1].text;
      static const struct { const char *name; double met, months; } want[] = {
        { "Chi hội A", 1, 6 }, { "Chi hội B", 1, 6 }, { "Chi hội C", 0, 1 },
      };

      for (guint k = 0; k < G_N_ELEMENTS (want); k++)
        if (g_strcmp0 (name, want[k].name) == 0)
          {
            g_assert_cmpfloat (row->cells[3].value, ==, want[k].met);
            g_assert_cmpfloat (row->cells[4].value, ==, want[k].months);
            found++;
          }
    }
  g_assert_cmpuint (found, ==, 3);
  smt_test_register_free (h.t);
}

/* ---- the demo ------------------------------------------------------------------- */

/* Every branch and every month of the demo's ten years (to its today,
 * 31/10/2026, and the months after it): the grid and the indicator
 * agree. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-months-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  guint compared = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (path, 3000, 11, NULL, NULL, &error));
  g_assert_no_error (error);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);
  smt_register_set_today (reg, SMT_DEMO_UNTIL);
  for (int year = 2016; year <= 2026; year++)
    compared += assert_grid_agrees (reg, year);
  g_test_message ("%u branch-months compared", compared);
  g_assert_cmpuint (compared, >, 1000);
  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/branch-months/rule", test_rule);
  g_test_add_func ("/branch-months/hand", test_hand);
  g_test_add_func ("/branch-months/demo", test_demo);
  return g_test_run ();
}
