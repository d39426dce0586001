/* test-chart-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core/register/smt-register.h"
#include "gui/widgets/smt-chart-view.h"
#include "io/render/smt-chart-data.h"
#include "smt-gui-test.h"
#include "smt-test-util.h"

/* The chart widget on a small demo: it draws, hovering a point describes
 * it, and it exports what it shows. */

static gboolean
is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 300;
}

static void
show_chart (SmtChart   *chart,
            const char *screenshot)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = smt_chart_view_new ();
  g_autofree char *path = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-chart-view-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  SmtChartView *cv = SMT_CHART_VIEW (view);
  gboolean described = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 520);
  gtk_window_set_child (GTK_WINDOW (window), view);
  smt_chart_view_set_chart (cv, chart);
  gtk_window_present (GTK_WINDOW (window));
  smt_gui_wait_until (is_drawn, view, SMT_GUI_WAIT_SECONDS, "the chart to be drawn");

  /* Somewhere over the plot a point or a bar is described with its
   * period and a Vietnamese value. */
  for (int x = 60; x < gtk_widget_get_width (view) && !described; x += 3)
    for (int y = 40; y < gtk_widget_get_height (view) - 60 && !described; y += 3)
      {
        g_autofree char *text = smt_chart_view_describe_at (cv, x, y);

        if (text != NULL)
          {
            g_test_message ("at %d,%d: %s", x, y, text);
            g_assert_nonnull (strstr (text, ": "));
            described = TRUE;
          }
      }
  g_assert_true (described);
  g_assert_null (smt_chart_view_describe_at (cv, 1, 1));

  g_assert_true (smt_chart_view_export (cv, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);
  g_rmdir (dir);

  path = smt_gui_write_screenshot (window, screenshot);
  g_test_message ("screenshot: %s", path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chart_view (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_make (800, &dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = smt_register_open (path, &error);
  g_autoptr(SmtPeriod) from = smt_period_new_month (2024, 1);
  g_autoptr(SmtPeriod) to = smt_period_new_month (2025, 12);
  g_autoptr(SmtPeriod) q2 = smt_period_new_quarter (2025, 2);
  SmtChart *chart;

  g_assert_no_error (error);
  chart = smt_chart_data_trend (reg, "gathering_rate", from, to, SMT_CHART_BY_ORGANISATION, 0,
                                &error);
  g_assert_no_error (error);
  show_chart (chart, "screenshot-chart-trend.png");
  chart = smt_chart_data_by_hamlet (reg, "members_total", q2, SMT_CHART_BY_ORGANISATION, FALSE,
                                    0, &error);
  g_assert_no_error (error);
  show_chart (chart, "screenshot-chart-hamlets.png");
  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);
  g_test_add_func ("/chart-view/trend-and-bars", test_chart_view);
  return smt_gui_test_run ();
}
