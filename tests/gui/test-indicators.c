/* test-indicators.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <sys/wait.h>
#include <string.h>
#include <gtk/gtk.h>

#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/targets/smt-indicator-value-query.h"
#include "core/targets/smt-targets.h"
#include "gui/app/smt-window-private.h"
#include "gui/dialogs/smt-explain-dialog.h"
#include "gui/dialogs/smt-indicator-value-dialog.h"
#include "gui/views/smt-indicators-view.h"

#include "smt-gui-test.h"
#include "smt-test-util.h"

/* Chỉ tiêu on the 10.000-person demo: Quý II/2025 against 06-NQ/TU, every
 * figure of the table equal to the core's; households_covered explained
 * by as many households as its numerator and denominator; the explanation
 * exported to XLSX; a typed value entered, changed (the earlier kept in
 * history) and undone; "nhiều" refused with nothing written; the
 * breakdown by hamlet adding up to the commune. */

static gboolean
page_is_overview (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
}

static gboolean
is_small (gpointer data)
{
  return gtk_widget_get_width (data) <= 1024 && gtk_widget_get_height (data) <= 600;
}

static const SmtIndicatorLine *
find_line (SmtIndicatorsView *view,
           const char        *code)
{
  for (guint i = 0; i < smt_indicators_view_get_n_lines (view); i++)
    if (strcmp (smt_indicators_view_get_line (view, i)->result->code, code) == 0)
      return smt_indicators_view_get_line (view, i);
  return NULL;
}

static double
core_value (SmtRegister *reg,
            const char  *code,
            const char  *period_code)
{
  g_autoptr(SmtPeriod) period = smt_period_parse (period_code, NULL);
  SmtIndicatorQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, code, period, &query, &error);

  g_assert_no_error (error);
  return r->defined ? r->value : NAN;
}

static void
test_indicators (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shot = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) history = NULL;
  const SmtIndicatorLine *line;
  const SmtIndicatorResult *explained;
  SmtIndicatorsView *view;
  SmtExplainDialog *explain;
  SmtIndicatorValueDialog *typed;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  gint64 resolution_id;
  gsize length = 0;
  guint n_households = 0, shown, sum_num = 0, sum_den = 0;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  smt_gui_wait_until (page_is_overview, window, SMT_GUI_WAIT_SECONDS, "the register");
  reg = smt_window_get_register (window);
  resolution_id = smt_resolution_lookup (reg, "06-NQ/TU");
  g_assert_cmpint (resolution_id, !=, 0);

  smt_window_show_view (window, "indicators");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  view = SMT_INDICATORS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window),
                                                       SMT_TYPE_INDICATORS_VIEW));
  g_assert_nonnull (view);
  g_assert_null (smt_indicators_view_get_error (view));
  /* Opens on the last complete quarter, against the newest resolution. */
  g_assert_cmpint (smt_period_get_kind (smt_indicators_view_get_period (view)), ==,
                   SMT_PERIOD_QUARTER);
  g_assert_cmpstr (smt_period_get_end (smt_indicators_view_get_period (view)), <,
                   smt_register_get_today (reg));

  /* Quý II/2025 against 06-NQ/TU: its indicators first, in its order and
   * wording, then the rest of the catalogue. */
  g_assert_true (smt_indicators_view_set_resolution (view, resolution_id));
  g_assert_true (smt_indicators_view_set_period (view, "2025-Q2"));
  g_assert_null (smt_indicators_view_get_error (view));
  line = smt_indicators_view_get_line (view, 0);
  g_assert_cmpstr (line->result->code, ==, "households_covered");
  g_assert_cmpuint (line->number, ==, 1);
  g_assert_true (line->has_target);
  g_assert_true (g_str_has_prefix (line->label, "Số hộ có đoàn viên"));
  {
    gboolean under;
    g_autofree char *result = smt_indicator_line_result_text (line);
    g_autofree char *fraction = smt_indicator_line_fraction_text (line);
    g_autofree char *target = smt_indicator_line_target_text (line);
    g_autofree char *comparison = smt_indicator_line_comparison_text (line, &under);

    /* As `somattran indicators --resolution 06-NQ/TU` prints them. */
    g_assert_cmpstr (result, ==, "80,05 %");
    g_assert_cmpstr (fraction, ==, "2.046 / 2.556");
    g_assert_cmpstr (target, ==, "≥ 82 %");
    g_assert_cmpstr (comparison, ==, "▼ 97,62 %");
    g_assert_true (under);
  }
  {
    guint n_catalogue;

    smt_catalogue_get_all (&n_catalogue);
    g_assert_cmpuint (smt_indicators_view_get_n_lines (view), >=, n_catalogue);
  }
  /* Every figure is the core's. */
  for (guint i = 0; i < smt_indicators_view_get_n_lines (view); i++)
    {
      SmtIndicatorQuery query = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtIndicatorResult) r = NULL;

      line = smt_indicators_view_get_line (view, i);
      r = smt_indicator_compute (reg, line->result->code, smt_indicators_view_get_period (view),
                                 &query, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (line->number, ==, i + 1);
      g_assert_cmpint (line->result->defined, ==, r->defined);
      g_assert_cmpfloat (line->result->numerator, ==, r->numerator);
      g_assert_cmpfloat (line->result->denominator, ==, r->denominator);
      if (r->defined)
        g_assert_cmpfloat (line->result->value, ==, r->value);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-indicators.png");
  g_clear_pointer (&shot, g_free);

  /* Two dates make a range, read back as its dates. */
  g_assert_true (smt_indicators_view_set_period (view, "2025-01-01..2025-06-30"));
  g_assert_cmpint (smt_period_get_kind (smt_indicators_view_get_period (view)), ==,
                   SMT_PERIOD_RANGE);
  g_assert_cmpstr (smt_period_get_end (smt_indicators_view_get_period (view)), ==, "2025-06-30");
  g_assert_null (smt_indicators_view_get_error (view));
  /* The resolution's term: from its issue to the register's today (the
   * period kind drop-down is the view's first). */
  {
    GtkDropDown *kind = GTK_DROP_DOWN (smt_gui_find_descendant (GTK_WIDGET (view),
                                                                GTK_TYPE_DROP_DOWN));

    gtk_drop_down_set_selected (kind, 5);
    g_assert_null (smt_indicators_view_get_error (view));
    g_assert_cmpint (smt_period_get_kind (smt_indicators_view_get_period (view)), ==,
                     SMT_PERIOD_RANGE);
    g_assert_cmpstr (smt_period_get_start (smt_indicators_view_get_period (view)), ==,
                     "2021-07-21");
    g_assert_cmpstr (smt_period_get_end (smt_indicators_view_get_period (view)), ==,
                     smt_register_get_today (reg));
    g_assert_cmpuint (smt_indicators_view_get_n_lines (view), >, 0);
  }
  g_assert_true (smt_indicators_view_set_period (view, "2025-Q2"));

  /* households_covered: as many households as its numerator, and its
   * denominator's rows as many as its denominator. */
  line = find_line (view, "households_covered");
  explain = SMT_EXPLAIN_DIALOG (smt_indicators_view_activate (view, "households_covered"));
  g_assert_nonnull (explain);
  explained = smt_explain_dialog_get_result (explain);
  for (guint i = 0; i < explained->numerator_rows->len; i++)
    if (strcmp (((const SmtExplainRow *) g_ptr_array_index (explained->numerator_rows,
                                                            i))->kind, "household") == 0)
      n_households++;
  g_assert_cmpuint (n_households, ==, (guint) line->result->numerator);
  g_assert_cmpuint (n_households, ==, 2046);
  g_assert_cmpuint (smt_explain_dialog_get_shown (explain, FALSE), ==, 2046);
  g_assert_cmpuint (smt_explain_dialog_get_shown (explain, TRUE), ==,
                    (guint) line->result->denominator);
  /* The search ignores tones and case; an empty one shows all again. */
  smt_explain_dialog_set_search (explain, "RẠCH GÒI");
  shown = smt_explain_dialog_get_shown (explain, FALSE);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, 2046);
  smt_explain_dialog_set_search (explain, "rach goi");
  g_assert_cmpuint (smt_explain_dialog_get_shown (explain, FALSE), ==, shown);
  smt_explain_dialog_set_search (explain, "");
  g_assert_cmpuint (smt_explain_dialog_get_shown (explain, FALSE), ==, 2046);
  /* To XLSX. */
  xlsx = g_build_filename (dir, "giai-trinh.xlsx", NULL);
  g_assert_true (smt_explain_dialog_export (explain, xlsx));
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 20000);
  g_assert_cmpint (memcmp (contents, "PK\003\004", 4), ==, 0);
  /* Read back with openpyxl when Debian's python3 has it: a header row and
   * one row per household on each sheet. */
  {
    const char *argv[] = { "/usr/bin/python3", "-c",
                           "import sys, openpyxl\n"
                           "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                           "print(*[ws.max_row for ws in wb.worksheets])\n", xlsx, NULL };
    g_autofree char *out = NULL;
    int status = -1;

    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                      NULL, &status, NULL)
        && WIFEXITED (status) && WEXITSTATUS (status) == 0)
      g_assert_cmpstr (out, ==, "2047 2557\n");
    else
      g_test_message ("python3-openpyxl not there: the zip signature and size are checked");
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (explain));
  shot = smt_gui_write_screenshot (GTK_WIDGET (explain), "screenshot-indicators-explain.png");
  g_clear_pointer (&shot, g_free);
  gtk_window_close (GTK_WINDOW (explain));

  /* A typed value: entered, changed (the first kept in history), undone. */
  g_assert_true (isnan (core_value (reg, "supervisions", "2025-Q2")));
  typed = SMT_INDICATOR_VALUE_DIALOG (smt_indicators_view_activate (view, "supervisions"));
  g_assert_nonnull (typed);
  smt_indicator_value_dialog_set_values (typed, "4", "Sổ giám sát quý II");
  g_assert_true (smt_indicator_value_dialog_save (typed));
  g_assert_cmpfloat (core_value (reg, "supervisions", "2025-Q2"), ==, 4);
  g_assert_cmpfloat (find_line (view, "supervisions")->result->value, ==, 4);

  typed = SMT_INDICATOR_VALUE_DIALOG (smt_indicators_view_activate (view, "supervisions"));
  smt_indicator_value_dialog_set_values (typed, "5,5", "Bổ sung một cuộc");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (typed));
  shot = smt_gui_write_screenshot (GTK_WIDGET (typed), "screenshot-indicators-typed.png");
  g_clear_pointer (&shot, g_free);
  g_assert_true (smt_indicator_value_dialog_save (typed));
  g_assert_cmpfloat (core_value (reg, "supervisions", "2025-Q2"), ==, 5.5);
  history = smt_indicator_value_history (reg, "supervisions",
                                         smt_indicators_view_get_period (view), NULL);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_true (((SmtIndicatorValueRow *) history->pdata[0])->current);
  g_assert_cmpfloat (((SmtIndicatorValueRow *) history->pdata[0])->value, ==, 5.5);
  g_assert_false (((SmtIndicatorValueRow *) history->pdata[1])->current);
  g_assert_cmpfloat (((SmtIndicatorValueRow *) history->pdata[1])->value, ==, 4);
  g_assert_cmpstr (((SmtIndicatorValueRow *) history->pdata[1])->note, ==, "Sổ giám sát quý II");
  g_clear_pointer (&history, g_ptr_array_unref);
  /* Ctrl+Z: 4 again, by a new row. */
  g_assert_true (smt_window_undo (window));
  g_assert_cmpfloat (core_value (reg, "supervisions", "2025-Q2"), ==, 4);
  history = smt_indicator_value_history (reg, "supervisions",
                                         smt_indicators_view_get_period (view), NULL);
  g_assert_cmpuint (history->len, ==, 3);

  /* "nhiều" is refused in the dialog; nothing is written. */
  hash = smt_gui_content_hash (reg);
  typed = SMT_INDICATOR_VALUE_DIALOG (smt_indicators_view_activate (view, "supervisions"));
  smt_indicator_value_dialog_set_values (typed, "nhiều", NULL);
  g_assert_false (smt_indicator_value_dialog_save (typed));
  g_assert_nonnull (strstr (smt_indicator_value_dialog_get_error (typed), "nhiều"));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (typed));
  shot = smt_gui_write_screenshot (GTK_WIDGET (typed), "screenshot-indicators-typed-refused.png");
  g_clear_pointer (&shot, g_free);
  gtk_window_close (GTK_WINDOW (typed));

  /* By hamlet: the hamlets' numerators and denominators add up to the
   * commune's (every household lives in one hamlet). */
  g_assert_true (smt_indicators_view_show_breakdown (view, "households_covered", TRUE));
  g_assert_cmpuint (smt_indicators_view_get_n_breakdown (view), >, 1);
  for (guint i = 0; i < smt_indicators_view_get_n_breakdown (view); i++)
    {
      const SmtIndicatorLine *unit = smt_indicators_view_get_breakdown (view, i);

      sum_num += (guint) unit->result->numerator;
      sum_den += (guint) unit->result->denominator;
    }
  g_assert_cmpuint (sum_num, ==, 2046);
  g_assert_cmpuint (sum_den, ==, 2556);
  {
    gint64 until = g_get_monotonic_time () + 300000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-indicators-breakdown.png");
  g_clear_pointer (&shot, g_free);
  /* By organisation: one row per organisation in activity. */
  g_assert_true (smt_indicators_view_show_breakdown (view, "gathering_rate", FALSE));
  g_assert_cmpuint (smt_indicators_view_get_n_breakdown (view), >, 1);

  /* The chart of the row: 12 months up to the period's end, the figures of
   * the indicator engine, the resolution's target; then a line per
   * organisation, and this year against last year. */
  {
    const SmtChart *chart = smt_indicators_view_show_chart (view, "households_covered", 0, FALSE);
    const char *end = smt_period_get_end (smt_indicators_view_get_period (view));
    g_autofree char *month = g_strndup (end, 7);
    g_autoptr(SmtPeriod) last = smt_period_parse (month, NULL);
    g_autoptr(SmtIndicatorResult) result = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (chart);
    g_assert_cmpuint (smt_chart_get_n_categories (chart), ==, 12);
    g_assert_cmpuint (smt_chart_get_n_series (chart), ==, 1);
    result = smt_indicator_compute (reg, "households_covered", last, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (smt_chart_get_value (chart, 0, 11), result->value, 1e-9);
    g_assert_cmpfloat_with_epsilon (smt_chart_get_target (chart), 82, 1e-9);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-indicators-chart.png");
    g_clear_pointer (&shot, g_free);

    chart = smt_indicators_view_show_chart (view, "gathering_rate", 1, TRUE);
    g_assert_nonnull (chart);
    g_assert_cmpuint (smt_chart_get_n_categories (chart), ==, 8);
    g_assert_cmpuint (smt_chart_get_n_series (chart), >, 1);
    chart = smt_indicators_view_show_chart (view, "members_total", 3, FALSE);
    g_assert_nonnull (chart);
    g_assert_cmpuint (smt_chart_get_n_categories (chart), ==, 12);
    g_assert_cmpuint (smt_chart_get_n_series (chart), ==, 2);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-indicators-chart-yoy.png");
    g_clear_pointer (&shot, g_free);

    /* Members by hamlet × organisation, stacked: a bar chart of stacks. */
    chart = smt_indicators_view_show_chart (view, "members_total", 5, TRUE);
    g_assert_nonnull (chart);
    g_assert_cmpint (smt_chart_get_kind (chart), ==, SMT_CHART_BARS_STACKED);
    g_assert_cmpuint (smt_chart_get_n_series (chart), >, 1);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-indicators-chart-stacked.png");
    g_clear_pointer (&shot, g_free);
  }

  /* At 1024×600 the table scrolls; nothing else is cut. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  smt_gui_wait_until (is_small, window, SMT_GUI_WAIT_SECONDS, "the window at 1024×600");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-indicators-1024.png");
  g_clear_pointer (&shot, g_free);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);
  g_test_add_func ("/indicators/view", test_indicators);
  return smt_gui_test_run ();
}
