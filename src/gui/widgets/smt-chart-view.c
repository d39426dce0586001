/* smt-chart-view.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-chart-view.h"

struct _SmtChartView
{
  GtkWidget  parent_instance;
  SmtChart  *chart;
};

G_DEFINE_FINAL_TYPE (SmtChartView, smt_chart_view, GTK_TYPE_WIDGET)

static void
smt_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SmtChartView *self = SMT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  smt_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
}

static void
smt_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = (int) SMT_CHART_PAGE_WIDTH;
    }
  else
    {
      /* Small enough for a pane of a 600-pixel window. */
      *minimum = 120;
      *natural = (int) SMT_CHART_PAGE_HEIGHT;
    }
}

char *
smt_chart_view_describe_at (SmtChartView *self,
                            double        x,
                            double        y)
{
  guint series, category;

  g_return_val_if_fail (SMT_IS_CHART_VIEW (self), NULL);
  if (self->chart == NULL ||
      !smt_chart_hit_test (self->chart, gtk_widget_get_width (GTK_WIDGET (self)),
                           gtk_widget_get_height (GTK_WIDGET (self)), x, y, &series, &category))
    return NULL;
  return smt_chart_describe_point (self->chart, series, category);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  g_autofree char *text = smt_chart_view_describe_at (SMT_CHART_VIEW (widget), x, y);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
smt_chart_view_dispose (GObject *object)
{
  SmtChartView *self = SMT_CHART_VIEW (object);

  g_clear_pointer (&self->chart, smt_chart_free);
  G_OBJECT_CLASS (smt_chart_view_parent_class)->dispose (object);
}

static void
smt_chart_view_class_init (SmtChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = smt_chart_view_dispose;
  widget_class->snapshot = smt_chart_view_snapshot;
  widget_class->measure = smt_chart_view_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
smt_chart_view_init (SmtChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

GtkWidget *
smt_chart_view_new (void)
{
  return g_object_new (SMT_TYPE_CHART_VIEW, NULL);
}

void
smt_chart_view_set_chart (SmtChartView *self,
                          SmtChart     *chart)
{
  g_return_if_fail (SMT_IS_CHART_VIEW (self));

  g_clear_pointer (&self->chart, smt_chart_free);
  self->chart = chart;
  /* Read aloud as the chart's title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart != NULL ? smt_chart_get_title (chart) : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const SmtChart *
smt_chart_view_get_chart (SmtChartView *self)
{
  g_return_val_if_fail (SMT_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

gboolean
smt_chart_view_export (SmtChartView  *self,
                       const char    *path,
                       GError       **error)
{
  g_return_val_if_fail (SMT_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (self->chart != NULL, FALSE);
  return smt_chart_write (self->chart, path, error);
}
