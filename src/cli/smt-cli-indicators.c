/* smt-cli-indicators.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-period.h"
#include "core/targets/smt-targets.h"
#include "io/files/smt-json.h"
#include "io/render/smt-explain-xlsx.h"
#include "smt-cli-private.h"

/* ---- indicators ----------------------------------------------------------- */

static const char *
kind_code (SmtIndicatorKind kind)
{
  switch (kind)
    {
    case SMT_INDICATOR_STOCK:
      return "stock";
    case SMT_INDICATOR_FLOW:
      return "flow";
    case SMT_INDICATOR_COUNT:
    default:
      return "count";
    }
}

/* The options every indicator command shares: --org, --hamlet, --scope,
 * --json. */
typedef struct
{
  char         *org;
  char         *hamlet;
  char         *scope;
  gboolean      json;
  GOptionEntry  entries[5];
} Filter;

static void
filter_init (Filter *f)
{
  const GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &f->org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "hamlet", 0, 0, G_OPTION_ARG_STRING, &f->hamlet, N_("Only this hamlet"), N_("NAME") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &f->scope,
      N_("The organisations counted, instead of each indicator's own (socio_political, "
         "mass, front or codes, separated by commas)"), N_("SCOPE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &f->json, N_("Write JSON"), NULL },
    { NULL }
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (entries) == G_N_ELEMENTS (f->entries));
  memcpy (f->entries, entries, sizeof entries);
}

static void
filter_clear (Filter *f)
{
  g_clear_pointer (&f->org, g_free);
  g_clear_pointer (&f->hamlet, g_free);
  g_clear_pointer (&f->scope, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filter, filter_clear)

/* Opens the register and turns --org and --hamlet into a query; NULL after
 * printing what is wrong. */
static SmtRegister *
open_filtered (const char        *path,
               const Filter      *f,
               SmtIndicatorQuery *query)
{
  g_autoptr(SmtRegister) reg = smt_cli_open_register (path);

  memset (query, 0, sizeof *query);
  if (reg == NULL)
    return NULL;
  if (f->org != NULL && (query->organisation_id = smt_organisation_lookup (reg, f->org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), f->org);
      return NULL;
    }
  if (f->hamlet != NULL && (query->hamlet_id = smt_hamlet_lookup (reg, f->hamlet)) == 0)
    {
      g_printerr (_("There is no hamlet called “%s” in this register. Write its name as "
                    "the register has it, for example “Ấp 3”.\n"), f->hamlet);
      return NULL;
    }
  if (f->scope != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtScope) scope = smt_scope_new (reg, f->scope, &error);

      if (scope == NULL)
        {
          smt_cli_print_error (error, 2);
          return NULL;
        }
      query->scope = f->scope;
    }
  return g_steal_pointer (&reg);
}

static char *
figure_text (const SmtIndicatorResult *r)
{
  if (!r->defined)
    return g_strdup ("—");
  if (r->info->ratio)
    {
      g_autofree char *value = smt_format_percent (r->value, 2);
      g_autofree char *num = smt_format_int ((gint64) r->numerator);
      g_autofree char *den = smt_format_int ((gint64) r->denominator);

      return g_strdup_printf ("%s (%s/%s)", value, num, den);
    }
  return smt_format_decimal (r->value, 2);
}

/* "scope": the text, "scope_organisations": the codes counted,
 * "scope_front": the Front itself, "scope_label": in words; null for a
 * typed value. */
static void
json_scope (GString        *out,
            const SmtScope *scope)
{
  g_autofree char *label = scope != NULL ? smt_scope_describe (scope) : NULL;

  smt_json_key (out, "scope", FALSE);
  smt_json_string (out, scope != NULL ? scope->text : NULL);
  smt_json_key (out, "scope_organisations", FALSE);
  if (scope == NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < scope->organisation_codes->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          smt_json_string (out, g_ptr_array_index (scope->organisation_codes, i));
        }
      g_string_append_c (out, ']');
    }
  smt_json_key (out, "scope_front", FALSE);
  g_string_append (out, scope == NULL ? "null" : scope->front ? "true" : "false");
  smt_json_key (out, "scope_label", FALSE);
  smt_json_string (out, label);
}

static void
json_result (GString                  *out,
             const SmtIndicatorResult *r,
             const SmtTargetInfo      *target)
{
  g_autofree char *period = smt_period_to_code (r->period);
  double comparison;

  g_string_append_c (out, '{');
  smt_json_key (out, "code", TRUE);
  smt_json_string (out, r->code);
  smt_json_key (out, "name", FALSE);
  smt_json_string (out, smt_indicator_info_get_name (r->info));
  smt_json_key (out, "period", FALSE);
  smt_json_string (out, period);
  smt_json_key (out, "kind", FALSE);
  smt_json_string (out, kind_code (r->info->kind));
  smt_json_key (out, "source", FALSE);
  smt_json_string (out, r->info->source == SMT_INDICATOR_TYPED ? "typed" : "computed");
  smt_json_key (out, "numerator", FALSE);
  smt_json_number (out, r->defined || r->info->ratio ? r->numerator : NAN);
  smt_json_key (out, "denominator", FALSE);
  smt_json_number (out, r->info->ratio ? r->denominator : NAN);
  smt_json_key (out, "value", FALSE);
  smt_json_number (out, r->defined ? r->value : NAN);
  json_scope (out, r->scope);
  smt_json_key (out, "notes", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < r->notes->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      smt_json_string (out, g_ptr_array_index (r->notes, i));
    }
  g_string_append_c (out, ']');
  smt_json_key (out, "baseline", FALSE);
  smt_json_number (out, target && target->has_baseline ? target->baseline : NAN);
  smt_json_key (out, "target", FALSE);
  smt_json_number (out, target ? target->target : NAN);
  smt_json_key (out, "comparison", FALSE);
  if (target != NULL && r->defined && smt_target_comparison (r->value, target->target, &comparison))
    smt_json_number (out, round (comparison * 100) / 100);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
}

/* One unit of a breakdown: an organisation or a hamlet. */
typedef struct
{
  gint64      id;
  const char *name;
} Unit;

/* The units of --by org|hamlet (organisations in activity, hamlets);
 * NULL with error. (element-type Unit) */
static GArray *
breakdown_units (SmtRegister  *reg,
                 gboolean      by_hamlet,
                 GPtrArray   **owner,
                 GError      **error)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));

  *owner = by_hamlet ? smt_hamlets_list (reg, error) : smt_organisations_list (reg, error);
  if (*owner == NULL)
    {
      g_array_unref (units);
      return NULL;
    }
  for (guint i = 0; i < (*owner)->len; i++)
    {
      Unit unit;

      if (by_hamlet)
        {
          const SmtHamletInfo *h = g_ptr_array_index (*owner, i);

          unit.id = h->id;
          unit.name = h->name;
        }
      else
        {
          const SmtOrganisationInfo *o = g_ptr_array_index (*owner, i);

          if (!o->active)
            continue;
          unit.id = o->id;
          unit.name = o->name;
        }
      g_array_append_val (units, unit);
    }
  return units;
}

/* The indicator for each unit, as lines or as a JSON array. */
static gboolean
append_breakdown (GString                 *out,
                  SmtRegister             *reg,
                  const char              *code,
                  const SmtPeriod         *period,
                  const SmtIndicatorQuery *base,
                  GArray                  *units,
                  gboolean                 by_hamlet,
                  gboolean                 json,
                  GError                 **error)
{
  if (json)
    g_string_append_c (out, '[');
  for (guint u = 0; u < units->len; u++)
    {
      const Unit *unit = &g_array_index (units, Unit, u);
      SmtIndicatorQuery query = *base;
      g_autoptr(SmtIndicatorResult) r = NULL;

      if (by_hamlet)
        query.hamlet_id = unit->id;
      else
        query.organisation_id = unit->id;
      if ((r = smt_indicator_compute (reg, code, period, &query, error)) == NULL)
        return FALSE;
      if (json)
        {
          if (u > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "unit", TRUE);
          smt_json_string (out, unit->name);
          smt_json_key (out, "numerator", FALSE);
          smt_json_number (out, r->numerator);
          smt_json_key (out, "denominator", FALSE);
          smt_json_number (out, r->info->ratio ? r->denominator : NAN);
          smt_json_key (out, "value", FALSE);
          smt_json_number (out, r->defined ? r->value : NAN);
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *figure = figure_text (r);

          g_string_append_printf (out, "      %s: %s\n", unit->name, figure);
        }
    }
  if (json)
    g_string_append_c (out, ']');
  return TRUE;
}

int
smt_cli_cmd_indicators (int    argc,
                        char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *by = NULL;
  g_auto(Filter) filter = { 0 };
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "resolution", 'r', 0, G_OPTION_ARG_STRING, &resolution,
      N_("Show the targets and baselines of this resolution (06-NQ/TU…)"), N_("NUMBER") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Also each computed indicator by organisation or by hamlet"), "org|hamlet" },
    { NULL }
  };
  g_autoptr(GArray) units = NULL;
  g_autoptr(GPtrArray) unit_owner = NULL;
  gboolean by_hamlet = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *label = NULL;
  const SmtIndicatorInfo *all;
  SmtIndicatorQuery query;
  gint64 resolution_id = 0;
  guint n;
  int status;

  filter_init (&filter);
  if ((status = smt_cli_parse_args ("indicators", _("FILE"), entries, filter.entries, 2,
                                    _("Name the register and the period: somattran indicators "
                                       "FILE --period 2025-Q2\n"),
                                    &argc, &argv, NULL, &period_text, NULL)) != 0)
    return status;
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((reg = open_filtered (argv[1], &filter, &query)) == NULL)
    return 2;
  if (resolution != NULL && (resolution_id = smt_resolution_lookup (reg, resolution)) == 0)
    {
      g_printerr (_("There is no resolution numbered “%s” in this register. Check the "
                    "number, for example 06-NQ/TU.\n"), resolution);
      return 2;
    }

  if (by != NULL)
    {
      if (g_strcmp0 (by, "hamlet") == 0)
        by_hamlet = TRUE;
      else if (g_strcmp0 (by, "org") != 0)
        {
          g_printerr (_("--by takes org or hamlet, not “%s”.\n"), by);
          return 2;
        }
      if ((units = breakdown_units (reg, by_hamlet, &unit_owner, &error)) == NULL)
        return smt_cli_print_error (error, 1);
    }

  label = smt_period_to_label (period);
  if (filter.json)
    g_string_append_c (out, '[');
  else
    g_string_append_printf (out, "%s\n", label);
  all = smt_catalogue_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmtIndicatorResult) r = NULL;
      SmtTargetInfo target = { 0 };
      gboolean has_target;

      SmtIndicatorQuery row_query = query;

      has_target = resolution_id != 0 && smt_target_get (reg, resolution_id, all[i].code, &target);
      /* A resolution's target may count other organisations than the
       * catalogue's default; --scope and --org win over it. */
      if (has_target && target.scope != NULL && filter.scope == NULL)
        row_query.scope = target.scope;
      r = smt_indicator_compute (reg, all[i].code, period, &row_query, &error);
      if (r == NULL)
        return smt_cli_print_error (error, 1);
      if (filter.json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          json_result (out, r, has_target ? &target : NULL);
          if (units != NULL && all[i].source == SMT_INDICATOR_COMPUTED)
            {
              /* Inside the object: drop its closing brace, add "by". */
              g_string_truncate (out, out->len - 1);
              smt_json_key (out, "by", FALSE);
              if (!append_breakdown (out, reg, all[i].code, period, &query, units, by_hamlet,
                                     TRUE, &error))
                return smt_cli_print_error (error, 1);
              g_string_append_c (out, '}');
            }
        }
      else
        {
          g_autofree char *figure = figure_text (r);

          g_string_append_printf (out, "  %-24s %s: %s", all[i].code,
                                  smt_indicator_info_get_name (r->info), figure);
          if (has_target)
            {
              g_autofree char *goal = smt_format_decimal (target.target, 2);
              double comparison;

              g_string_append_printf (out, _(" — target %s%s"), target.at_most ? "≤ " : "", goal);
              if (r->defined && smt_target_comparison (r->value, target.target, &comparison))
                {
                  g_autofree char *cmp = smt_format_percent (comparison, 2);

                  g_string_append_printf (out, _(", so sánh %s"), cmp);
                }
            }
          g_string_append_c (out, '\n');
          for (guint k = 0; k < r->notes->len; k++)
            g_string_append_printf (out, "      (%s)\n", (char *) g_ptr_array_index (r->notes, k));
          if (units != NULL && all[i].source == SMT_INDICATOR_COMPUTED
              && !append_breakdown (out, reg, all[i].code, period, &query, units, by_hamlet,
                                    FALSE, &error))
            return smt_cli_print_error (error, 1);
        }
      smt_target_info_clear (&target);
    }
  if (filter.json)
    g_string_append (out, "]\n");
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_explain (int    argc,
                     char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *output = NULL;
  g_auto(Filter) filter = { 0 };
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the rows to this XLSX workbook instead"), N_("OUT.xlsx") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(SmtIndicatorResult) r = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SmtIndicatorQuery query;
  int status;

  filter_init (&filter);
  if ((status = smt_cli_parse_args ("explain", _("FILE INDICATOR"), entries, filter.entries, 3,
                                    _("Name the register, the indicator and the period: "
                                       "somattran explain FILE households_covered --period "
                                       "2025-Q2\n"),
                                    &argc, &argv, NULL, &period_text, NULL)) != 0)
    return status;
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((reg = open_filtered (argv[1], &filter, &query)) == NULL)
    return 2;
  query.explain = TRUE;
  if ((r = smt_indicator_compute (reg, argv[2], period, &query, &error)) == NULL)
    return smt_cli_print_error (error, 2);

  if (output != NULL)
    {
      g_autofree char *n = NULL;
      g_autofree char *d = NULL;

      if (!g_str_has_suffix (output, ".xlsx") && !g_str_has_suffix (output, ".XLSX"))
        {
          g_printerr (_("Name the workbook with .xlsx at the end, for example "
                        "giai-trinh.xlsx.\n"));
          return 2;
        }
      if (!smt_explain_xlsx_write (r, output, &error))
        return smt_cli_print_error (error, 1);
      n = smt_format_int (r->numerator_rows->len);
      d = smt_format_int (r->info->ratio ? r->denominator_rows->len : 0);
      /* Translators: "Đã ghi giai-trinh.xlsx: tử số 1.234 dòng, mẫu số 2.345 dòng." */
      g_print (_("Wrote %s: numerator %s rows, denominator %s rows.\n"), output, n, d);
      return 0;
    }

  if (filter.json)
    {
      g_autofree char *code = smt_period_to_code (period);
      GPtrArray *lists[2] = { r->numerator_rows, r->denominator_rows };
      const char *names[2] = { "numerator", "denominator" };

      g_string_append_c (out, '{');
      smt_json_key (out, "code", TRUE);
      smt_json_string (out, r->code);
      smt_json_key (out, "period", FALSE);
      smt_json_string (out, code);
      for (guint l = 0; l < 2; l++)
        {
          smt_json_key (out, names[l], FALSE);
          g_string_append_c (out, '[');
          for (guint i = 0; i < lists[l]->len; i++)
            {
              const SmtExplainRow *row = g_ptr_array_index (lists[l], i);

              if (i > 0)
                g_string_append_c (out, ',');
              g_string_append_c (out, '{');
              smt_json_key (out, "kind", TRUE);
              smt_json_string (out, row->kind);
              smt_json_key (out, "id", FALSE);
              smt_json_int (out, row->id);
              smt_json_key (out, "label", FALSE);
              smt_json_string (out, row->label);
              smt_json_key (out, "because", FALSE);
              smt_json_string (out, row->because);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "}\n");
    }
  else
    {
      g_autofree char *label = smt_period_to_label (period);
      g_autofree char *figure = figure_text (r);
      GPtrArray *lists[2] = { r->numerator_rows, r->denominator_rows };
      const char *titles[2] = { N_("Numerator"), N_("Denominator") };

      g_string_append_printf (out, "%s — %s: %s\n", smt_indicator_info_get_name (r->info), label,
                              figure);
      for (guint l = 0; l < 2; l++)
        {
          g_autofree char *count = smt_format_int (lists[l]->len);

          if (l == 1 && !r->info->ratio)
            break;
          g_string_append_printf (out, "\n%s (%s):\n", _(titles[l]), count);
          for (guint i = 0; i < lists[l]->len; i++)
            {
              const SmtExplainRow *row = g_ptr_array_index (lists[l], i);

              g_string_append_printf (out, "  %s — %s\n", row->label, row->because);
            }
        }
    }
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_trend (int    argc,
                   char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_auto(Filter) filter = { 0 };
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text, N_("The first period (2016-01…)"), "P" },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text, N_("The last period (2025-12…)"), "P" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) from = NULL;
  g_autoptr(SmtPeriod) to = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SmtIndicatorQuery query;
  int status;

  filter_init (&filter);
  if ((status = smt_cli_parse_args ("trend", _("FILE INDICATOR"), entries, filter.entries, 3,
                                    _("Name the register, the indicator and the periods: "
                                       "somattran trend FILE gathering_rate --from 2016 --to "
                                       "2025\n"),
                                    &argc, &argv, NULL, &from_text, &to_text, NULL)) != 0)
    return status;
  if ((from = smt_period_parse (from_text, &error)) == NULL
      || (to = smt_period_parse (to_text, &error)) == NULL
      || (series = smt_period_series (from, to, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((reg = open_filtered (argv[1], &filter, &query)) == NULL)
    return 2;
  results = smt_indicator_compute_series (reg, argv[2], (SmtPeriod * const *) series->pdata,
                                          series->len, &query, &error);
  if (results == NULL)
    return smt_cli_print_error (error, 2);

  if (filter.json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < results->len; i++)
    {
      const SmtIndicatorResult *r = g_ptr_array_index (results, i);
      g_autofree char *code = smt_period_to_code (r->period);
      g_autofree char *label = smt_period_to_label (r->period);

      if (filter.json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "period", TRUE);
          smt_json_string (out, code);
          smt_json_key (out, "label", FALSE);
          smt_json_string (out, label);
          smt_json_key (out, "numerator", FALSE);
          smt_json_number (out, r->numerator);
          smt_json_key (out, "denominator", FALSE);
          smt_json_number (out, r->info->ratio ? r->denominator : NAN);
          smt_json_key (out, "value", FALSE);
          smt_json_number (out, r->defined ? r->value : NAN);
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *figure = figure_text (r);

          g_string_append_printf (out, "%-28s %s\n", label, figure);
        }
    }
  if (filter.json)
    g_string_append (out, "]\n");
  fputs (out->str, stdout);
  return 0;
}
