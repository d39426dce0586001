/* smt-indicators.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/organisations/smt-organisations.h"
#include "core/targets/smt-typed-figure.h"
#include "smt-indicators-private.h"

void
smt_explain_row_free (SmtExplainRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_free (row->because);
  g_free (row);
}

void
smt_explain_add (GPtrArray  *rows,
                 const char *kind,
                 gint64      id,
                 const char *label,
                 const char *because)
{
  SmtExplainRow *row = g_new0 (SmtExplainRow, 1);

  row->kind = kind;
  row->id = id;
  row->label = g_strdup (label ? label : "");
  row->because = g_strdup (because ? because : "");
  g_ptr_array_add (rows, row);
}

void
smt_indicator_result_free (SmtIndicatorResult *result)
{
  if (result == NULL)
    return;
  g_free (result->code);
  g_clear_pointer (&result->period, smt_period_free);
  g_clear_pointer (&result->scope, smt_scope_free);
  g_clear_pointer (&result->numerator_rows, g_ptr_array_unref);
  g_clear_pointer (&result->denominator_rows, g_ptr_array_unref);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_free (result);
}

void
smt_indicator_result_add_note (SmtIndicatorResult *result,
                               const char         *note)
{
  g_return_if_fail (result != NULL && note != NULL);

  for (guint i = 0; i < result->notes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (result->notes, i), note) == 0)
      return;
  g_ptr_array_add (result->notes, g_strdup (note));
}

/* Typed values: the figure of each period by the rules of
 * smt-typed-figure.h (exact, added up, latest, the organisations' sum),
 * with its notes, and the values it used as the rows of an explanation. */
static gboolean
compute_typed (SmtRegister              *reg,
               const SmtIndicatorQuery  *q,
               SmtIndicatorResult      **results,
               guint                     n_results,
               GError                  **error)
{
  g_autofree SmtPeriod **periods = g_new (SmtPeriod *, MAX (n_results, 1));
  g_autoptr(GPtrArray) figures = NULL;

  /* A value typed for the whole commune is not a hamlet's figure, nor an
   * organisation's unless the code is typed per organisation: say so
   * rather than show the commune's figure under the hamlet's name. */
  if (q->hamlet_id != 0 || (q->organisation_id != 0 && !results[0]->info->per_organisation))
    {
      const char *note = q->hamlet_id != 0
                         ? _("Typed for the whole commune; there is no figure per hamlet.")
                         : _("Typed for the whole commune; there is no figure per organisation.");

      for (guint i = 0; i < n_results; i++)
        {
          results[i]->defined = FALSE;
          results[i]->value = results[i]->numerator = 0;
          smt_indicator_result_add_note (results[i], note);
        }
      return TRUE;
    }
  for (guint i = 0; i < n_results; i++)
    periods[i] = results[i]->period;
  figures = smt_typed_figures (reg, results[0]->info, q->organisation_id, periods, n_results,
                               error);
  if (figures == NULL)
    return FALSE;
  for (guint i = 0; i < n_results; i++)
    {
      SmtIndicatorResult *result = results[i];
      const SmtTypedFigure *figure = g_ptr_array_index (figures, i);

      result->defined = figure->defined;
      result->value = result->numerator = figure->defined ? figure->value : 0;
      for (guint k = 0; figure->notes != NULL && k < figure->notes->len; k++)
        smt_indicator_result_add_note (result, g_ptr_array_index (figure->notes, k));
      if (result->numerator_rows == NULL || figure->parts == NULL)
        continue;
      for (guint k = 0; k < figure->parts->len; k++)
        {
          const SmtTypedPart *part = g_ptr_array_index (figure->parts, k);
          g_autofree char *period = smt_period_to_code (part->period);
          g_autofree char *because = part->organisation != NULL
                                     ? g_strdup_printf ("%s — %s", period, part->organisation)
                                     : g_strdup (period);

          smt_explain_add (result->numerator_rows, "typed", part->id, part->note, because);
        }
    }
  return TRUE;
}

/* The indicators counted over people and their memberships; the rest are
 * counted over branches, meetings, ratings and officers. */
static gboolean
is_member_indicator (const char *code)
{
  static const char *codes[] = {
    "households_covered", "members_studied", "gathering_rate", "memberships_total",
    "members_total", "members_admitted", "members_left", "members_transferred", "members_away",
    "members_transferred_in", "members_transferred_out", "members_deceased",
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (strcmp (codes[i], code) == 0)
      return TRUE;
  return FALSE;
}

GPtrArray *
smt_indicator_compute_series (SmtRegister              *reg,
                              const char               *code,
                              SmtPeriod * const        *periods,
                              guint                     n_periods,
                              const SmtIndicatorQuery  *query,
                              GError                  **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *organisation_code = NULL;
  g_autoptr(SmtScope) scope = NULL;
  const SmtIndicatorInfo *info;
  SmtIndicatorQuery q = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (periods != NULL || n_periods == 0, NULL);

  if (query != NULL)
    q = *query;
  info = smt_catalogue_lookup (code, &organisation_code);
  if (info == NULL)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not an indicator this program knows. Choose one from the "
                     "list of indicators."), code);
      return NULL;
    }
  if (organisation_code != NULL)
    {
      q.organisation_id = smt_organisation_lookup (reg, organisation_code);
      if (q.organisation_id == 0)
        {
          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
                       _("There is no organisation with the code “%s”. Use one of the codes "
                         "in the list of organisations."), organisation_code);
          return NULL;
        }
    }

  if (info->source == SMT_INDICATOR_COMPUTED)
    {
      scope = q.organisation_id != 0
              ? smt_scope_new_for_organisation (reg, q.organisation_id, error)
              : smt_scope_new (reg, q.scope != NULL ? q.scope : info->scope, error);
      if (scope == NULL)
        return NULL;
    }

  results = g_ptr_array_new_full (n_periods, (GDestroyNotify) smt_indicator_result_free);
  for (guint i = 0; i < n_periods; i++)
    {
      SmtIndicatorResult *result = g_new0 (SmtIndicatorResult, 1);

      g_return_val_if_fail (periods[i] != NULL, NULL);
      result->info = info;
      result->code = g_strdup (code);
      result->period = smt_period_copy (periods[i]);
      result->notes = g_ptr_array_new_with_free_func (g_free);
      if (scope != NULL)
        result->scope = smt_scope_copy (scope);
      if (q.explain)
        {
          result->numerator_rows =
            g_ptr_array_new_with_free_func ((GDestroyNotify) smt_explain_row_free);
          result->denominator_rows =
            g_ptr_array_new_with_free_func ((GDestroyNotify) smt_explain_row_free);
        }
      g_ptr_array_add (results, result);
    }
  if (n_periods == 0)
    return g_steal_pointer (&results);

  if (info->source == SMT_INDICATOR_TYPED)
    ok = compute_typed (reg, &q, (SmtIndicatorResult **) results->pdata, n_periods, error);
  else if (is_member_indicator (info->code))
    ok = smt_indicators_compute_members (reg, &q, scope,
                                         (SmtIndicatorResult **) results->pdata, n_periods,
                                         error);
  else
    ok = smt_indicators_compute_branches (reg, &q, scope,
                                          (SmtIndicatorResult **) results->pdata, n_periods,
                                          error);
  if (!ok)
    return NULL;
  return g_steal_pointer (&results);
}

SmtIndicatorResult *
smt_indicator_compute (SmtRegister              *reg,
                       const char               *code,
                       const SmtPeriod          *period,
                       const SmtIndicatorQuery  *query,
                       GError                  **error)
{
  g_autoptr(GPtrArray) results = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  results = smt_indicator_compute_series (reg, code, (SmtPeriod * const *) &period, 1,
                                          query, error);
  if (results == NULL)
    return NULL;
  return g_ptr_array_steal_index (results, 0);
}

void
smt_indicators_release_facts (SmtRegister *reg)
{
  g_return_if_fail (SMT_IS_REGISTER (reg));

  smt_register_drop_cached (reg, "smt-member-facts");
  smt_register_drop_cached (reg, "smt-member-studies");
  smt_register_drop_cached (reg, "smt-member-names");
  smt_register_drop_cached (reg, "smt-branch-facts");
}
