/* smt-chart-data.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <math.h>

#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-targets.h"
#include "smt-chart-data.h"

/* One group a series stands for. */
typedef struct
{
  char   *name;
  gint64  organisation_id;
  gint64  hamlet_id;
} Group;

static void
group_free (gpointer data)
{
  Group *g = data;

  g_free (g->name);
  g_free (g);
}

static GPtrArray *
make_groups (SmtRegister *reg,
             SmtChartBy   by,
             const char  *whole,
             GError     **error)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);

  if (by == SMT_CHART_BY_ORGANISATION)
    {
      g_autoptr(GPtrArray) orgs = smt_organisations_list (reg, error);

      if (orgs == NULL)
        return (g_ptr_array_unref (groups), NULL);
      for (guint i = 0; i < orgs->len; i++)
        {
          SmtOrganisationInfo *o = g_ptr_array_index (orgs, i);
          Group *g;

          if (!o->socio_political || !o->active)
            continue;
          g = g_new0 (Group, 1);
          g->name = g_strdup (o->short_name);
          g->organisation_id = o->id;
          g_ptr_array_add (groups, g);
        }
    }
  else if (by == SMT_CHART_BY_HAMLET)
    {
      g_autoptr(GPtrArray) hamlets = smt_hamlets_list (reg, error);

      if (hamlets == NULL)
        return (g_ptr_array_unref (groups), NULL);
      for (guint i = 0; i < hamlets->len; i++)
        {
          SmtHamletInfo *h = g_ptr_array_index (hamlets, i);
          Group *g = g_new0 (Group, 1);

          g->name = g_strdup (h->name);
          g->hamlet_id = h->id;
          g_ptr_array_add (groups, g);
        }
    }
  else
    {
      Group *g = g_new0 (Group, 1);

      g->name = g_strdup (whole);
      g_ptr_array_add (groups, g);
    }
  return groups;
}

static SmtChart *
new_chart (const char   *code,
           SmtChartKind  kind,
           const char   *subtitle,
           GError      **error)
{
  const SmtIndicatorInfo *info = smt_catalogue_lookup (code, NULL);
  g_autofree char *title = NULL;

  if (info == NULL)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not an indicator this program knows. Choose one from the list of "
                     "indicators."), code);
      return NULL;
    }
  title = subtitle ? g_strdup_printf ("%s — %s", smt_indicator_info_get_name (info), subtitle)
                   : g_strdup (smt_indicator_info_get_name (info));
  return smt_chart_new (kind, title, info->ratio);
}

static void
set_target (SmtChart    *chart,
            SmtRegister *reg,
            gint64       resolution_id,
            const char  *code)
{
  SmtTargetInfo target = { 0 };

  if (resolution_id == 0 || !smt_target_get (reg, resolution_id, code, &target))
    return;
  smt_chart_set_target (chart, target.target);
  if (target.has_baseline)
    smt_chart_set_baseline (chart, target.baseline);
  smt_target_info_clear (&target);
}

/* The organisations a resolution's target counts, NULL for the
 * indicator's own default. */
static char *
target_scope (SmtRegister *reg,
              gint64       resolution_id,
              const char  *code)
{
  SmtTargetInfo target = { 0 };
  char *scope;

  if (resolution_id == 0 || !smt_target_get (reg, resolution_id, code, &target))
    return NULL;
  scope = g_steal_pointer (&target.scope);
  smt_target_info_clear (&target);
  return scope;
}

/* Values of the indicator over periods for a group; NaN where undefined.
 * scope: the organisations counted (NULL: the indicator's own). */
static double *
compute (SmtRegister *reg,
         const char  *code,
         GPtrArray   *periods,
         const Group *group,
         const char  *scope,
         GError     **error)
{
  SmtIndicatorQuery query = { .organisation_id = group->organisation_id,
                              .hamlet_id = group->hamlet_id, .scope = scope };
  g_autoptr(GPtrArray) results = NULL;
  double *values;

  results = smt_indicator_compute_series (reg, code, (SmtPeriod * const *) periods->pdata,
                                          periods->len, &query, error);
  if (results == NULL)
    return NULL;
  values = g_new (double, periods->len);
  for (guint i = 0; i < periods->len; i++)
    {
      SmtIndicatorResult *r = g_ptr_array_index (results, i);

      values[i] = r->defined ? r->value : NAN;
    }
  return values;
}

SmtChart *
smt_chart_data_trend (SmtRegister     *reg,
                      const char      *code,
                      const SmtPeriod *from,
                      const SmtPeriod *to,
                      SmtChartBy       by,
                      gint64           resolution_id,
                      GError         **error)
{
  g_autofree char *scope = target_scope (reg, resolution_id, code);
  g_autoptr(SmtChart) chart = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  if ((chart = new_chart (code, SMT_CHART_LINE, NULL, error)) == NULL)
    return NULL;
  if ((periods = smt_period_series (from, to, error)) == NULL)
    return NULL;
  /* TRANSLATORS: the one series of a chart over the whole commune */
  if ((groups = make_groups (reg, by, _("Whole commune"), error)) == NULL)
    return NULL;
  for (guint i = 0; i < periods->len; i++)
    {
      g_autofree char *s = smt_chart_period_short_label (g_ptr_array_index (periods, i));
      g_autofree char *l = smt_period_to_label (g_ptr_array_index (periods, i));

      smt_chart_add_category (chart, s, l);
    }
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      g_autofree double *values = compute (reg, code, periods, group, scope, error);

      if (values == NULL)
        return NULL;
      smt_chart_add_series (chart, group->name, values, periods->len);
    }
  set_target (chart, reg, resolution_id, code);
  return g_steal_pointer (&chart);
}

SmtChart *
smt_chart_data_year_on_year (SmtRegister *reg,
                             const char  *code,
                             int          year,
                             gint64       resolution_id,
                             GError     **error)
{
  g_autofree char *scope = target_scope (reg, resolution_id, code);
  g_autoptr(SmtChart) chart = NULL;
  g_autofree char *subtitle = NULL;
  Group whole = { NULL, 0, 0 };

  /* TRANSLATORS: a chart's subtitle: this year against the year before */
  subtitle = g_strdup_printf (_("%d against %d"), year, year - 1);
  if ((chart = new_chart (code, SMT_CHART_LINE, subtitle, error)) == NULL)
    return NULL;
  for (int m = 1; m <= 12; m++)
    {
      /* TRANSLATORS: a month without its year on a chart's axis: "T5" */
      g_autofree char *s = g_strdup_printf (_("M%d"), m);
      g_autoptr(SmtPeriod) p = smt_period_new_month (year, m);
      g_autofree char *l = smt_period_to_label (p);

      smt_chart_add_category (chart, s, l);
    }
  for (int y = year; y >= year - 1; y--)
    {
      g_autoptr(SmtPeriod) first = smt_period_new_month (y, 1);
      g_autoptr(SmtPeriod) last = smt_period_new_month (y, 12);
      g_autoptr(GPtrArray) periods = smt_period_series (first, last, error);
      g_autofree double *values = NULL;
      g_autofree char *name = g_strdup_printf ("%d", y);

      if (periods == NULL || (values = compute (reg, code, periods, &whole, scope, error)) == NULL)
        return NULL;
      smt_chart_add_series (chart, name, values, 12);
    }
  set_target (chart, reg, resolution_id, code);
  return g_steal_pointer (&chart);
}

typedef struct
{
  char   *name;
  double  value;
} Ranked;

static int
by_value_desc (gconstpointer a,
               gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (isnan (x->value) || isnan (y->value))
    return isnan (x->value) - isnan (y->value);
  return (x->value < y->value) - (x->value > y->value);
}

SmtChart *
smt_chart_data_by_hamlet (SmtRegister     *reg,
                          const char      *code,
                          const SmtPeriod *period,
                          SmtChartBy       by,
                          gboolean         stacked,
                          gint64           resolution_id,
                          GError         **error)
{
  g_autofree char *scope = target_scope (reg, resolution_id, code);
  g_autoptr(SmtChart) chart = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();
  g_autofree char *label = smt_period_to_label (period);
  SmtChartKind kind = by == SMT_CHART_BY_ORGANISATION
                        ? (stacked ? SMT_CHART_BARS_STACKED : SMT_CHART_BARS_GROUPED)
                        : SMT_CHART_BARS_GROUPED;

  if ((chart = new_chart (code, kind, label, error)) == NULL)
    return NULL;
  if ((hamlets = make_groups (reg, SMT_CHART_BY_HAMLET, NULL, error)) == NULL)
    return NULL;
  g_ptr_array_add (periods, (gpointer) period);

  if (by == SMT_CHART_BY_ORGANISATION)
    {
      g_autoptr(GPtrArray) orgs = make_groups (reg, SMT_CHART_BY_ORGANISATION, NULL, error);

      if (orgs == NULL)
        return NULL;
      for (guint h = 0; h < hamlets->len; h++)
        smt_chart_add_category (chart, ((Group *) g_ptr_array_index (hamlets, h))->name, NULL);
      for (guint o = 0; o < orgs->len; o++)
        {
          Group *org = g_ptr_array_index (orgs, o);
          g_autofree double *values = g_new (double, hamlets->len);

          for (guint h = 0; h < hamlets->len; h++)
            {
              Group cell = { NULL, org->organisation_id,
                             ((Group *) g_ptr_array_index (hamlets, h))->hamlet_id };
              g_autofree double *v = compute (reg, code, periods, &cell, scope, error);

              if (v == NULL)
                return NULL;
              values[h] = v[0];
            }
          smt_chart_add_series (chart, org->name, values, hamlets->len);
        }
    }
  else
    {
      g_autofree Ranked *ranked = g_new0 (Ranked, MAX (hamlets->len, 1));
      g_autofree double *values = g_new (double, MAX (hamlets->len, 1));

      for (guint h = 0; h < hamlets->len; h++)
        {
          Group *hamlet = g_ptr_array_index (hamlets, h);
          g_autofree double *v = compute (reg, code, periods, hamlet, scope, error);

          if (v == NULL)
            return NULL;
          ranked[h] = (Ranked) { hamlet->name, v[0] };
        }
      qsort (ranked, hamlets->len, sizeof (Ranked), by_value_desc);
      for (guint h = 0; h < hamlets->len; h++)
        {
          smt_chart_add_category (chart, ranked[h].name, NULL);
          values[h] = ranked[h].value;
        }
      smt_chart_add_series (chart, label, values, hamlets->len);
    }
  set_target (chart, reg, resolution_id, code);
  return g_steal_pointer (&chart);
}
