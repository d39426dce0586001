/* smt-cli-indicator-values.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/activity/smt-settings-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-indicator-value-query.h"
#include "core/targets/smt-period.h"
#include "core/targets/smt-targets.h"
#include "core/targets/smt-typed-figure.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* The values typed by hand for an indicator and a period, as the Chỉ tiêu
 * view enters them: `indicator-set` and `indicator-history`. An indicator
 * kept per organisation (budget, equipment_*, eligible_people) takes
 * --org CODE, or the code written "budget:PN". */

/* The code with the organisation of --org: "budget:PN"; NULL after a
 * message when both name one. */
static char *
code_with_org (const char *code,
               const char *org)
{
  if (org == NULL)
    return g_strdup (code);
  if (strchr (code, ':') != NULL)
    {
      g_printerr (_("“%s” already names an organisation; leave out --org, or write the "
                    "indicator without it.\n"), code);
      return NULL;
    }
  return g_strdup_printf ("%s:%s", code, org);
}

int
smt_cli_cmd_indicator_set (int    argc,
                           char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *org = NULL;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value_text, N_("The value (12 or 3,5)"),
      N_("NUMBER") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Where the figure comes from"),
      N_("TEXT") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org,
      N_("The organisation the value is typed for (budget, equipment…); without it, the "
         "whole commune"), N_("CODE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autofree char *code = NULL;
  g_autofree char *indicator = NULL;
  double value;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("indicator-set", _("FILE INDICATOR"), entries, NULL, 3,
                                    _("Name the register, the indicator, the period and the "
                                      "value: somattran indicator-set FILE supervisions "
                                      "--period 2025-Q2 --value 4\n"),
                                    &argc, &argv, NULL, &period_text, &value_text, NULL)) != 0)
    return status;
  if (!smt_settings_parse_number (value_text, &value))
    {
      g_printerr (_("“%s” is not a number. Enter a number, for example 12 or 3,5.\n"),
                  value_text);
      return 2;
    }
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((indicator = code_with_org (argv[2], org)) == NULL)
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  code = smt_period_to_code (period);
  if ((id = smt_indicator_value_set (reg, indicator, code, value, note, &error)) == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *label = smt_period_to_label (period);
    g_autofree char *shown = smt_format_decimal (value, 6);
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    /* Translators: "Đã ghi supervisions, Quý II/2025: 4 (mã 123)." */
    g_print (_("Recorded %s, %s: %s (key %s).\n"), indicator, label, shown, key);
  }
  return 0;
}

/* The figure of the period when no value is typed for exactly it: how it
 * was made and the values it used (smt-typed-figure.h). */
static void
append_figure (GString              *out,
               const SmtTypedFigure *figure)
{
  if (!figure->defined)
    return;
  {
    g_autofree char *value = smt_format_decimal (figure->value, 6);

    /* Translators: the figure of a period made from the values typed inside it */
    g_string_append_printf (out, _("Figure of the period: %s\n"), value);
  }
  for (guint i = 0; figure->notes != NULL && i < figure->notes->len; i++)
    g_string_append_printf (out, "  (%s)\n", (char *) g_ptr_array_index (figure->notes, i));
  for (guint i = 0; figure->parts != NULL && i < figure->parts->len; i++)
    {
      const SmtTypedPart *part = g_ptr_array_index (figure->parts, i);
      g_autofree char *label = smt_period_to_label (part->period);
      g_autofree char *value = smt_format_decimal (part->value, 6);

      g_string_append_printf (out, "  %s%s%s: %s%s%s\n", label,
                              part->organisation != NULL ? ", " : "",
                              part->organisation != NULL ? part->organisation : "", value,
                              *part->note != '\0' ? " — " : "", part->note);
    }
}

int
smt_cli_cmd_indicator_history (int    argc,
                               char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *org = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org,
      N_("The values typed for this organisation; without it, the whole commune's"),
      N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SmtTypedFigure) figure = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *indicator = NULL;
  g_autofree char *org_code = NULL;
  const SmtIndicatorInfo *info;
  gint64 org_id = 0;
  int status;

  if ((status = smt_cli_parse_args ("indicator-history", _("FILE INDICATOR"), entries, NULL, 3,
                                    _("Name the register, the indicator and the period: "
                                      "somattran indicator-history FILE supervisions --period "
                                      "2025-Q2\n"),
                                    &argc, &argv, NULL, &period_text, NULL)) != 0)
    return status;
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((indicator = code_with_org (argv[2], org)) == NULL)
    return 2;
  info = smt_catalogue_lookup (indicator, &org_code);
  if (info == NULL || info->source != SMT_INDICATOR_TYPED)
    {
      g_autofree char *codes = smt_catalogue_list_codes (SMT_INDICATOR_TYPED);

      g_printerr (_("There is no indicator “%s”. Use one of: %s.\n"), indicator, codes);
      return 2;
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((rows = smt_indicator_value_history (reg, indicator, period, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  if (org_code != NULL)
    org_id = smt_organisation_lookup (reg, org_code);
  if ((figure = smt_typed_figure_get (reg, info, org_id, period, &error)) == NULL)
    return smt_cli_print_error (error, 1);

  /* The rows typed for exactly the period; when there is none, the figure
   * the period has from the values typed inside it (text only: JSON keeps
   * the rows, and `explain --json` lists the values a figure used). */
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtIndicatorValueRow *row = g_ptr_array_index (rows, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, row->id);
          smt_json_key (out, "value", FALSE);
          smt_json_number (out, row->value);
          smt_json_key (out, "note", FALSE);
          smt_json_string (out, row->note);
          smt_json_key (out, "entered_at", FALSE);
          smt_json_string (out, row->entered_at);
          smt_json_key (out, "current", FALSE);
          g_string_append (out, row->current ? "true" : "false");
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *value = smt_format_decimal (row->value, 6);

          g_string_append_printf (out, "%s %s  %s%s%s\n", row->current ? "*" : " ",
                                  row->entered_at, value, *row->note != '\0' ? " — " : "",
                                  row->note);
        }
    }
  if (json)
    g_string_append (out, "]\n");
  else if (rows->len == 0)
    {
      g_string_append (out, _("No value has been typed for this period yet."));
      g_string_append_c (out, '\n');
      append_figure (out, figure);
    }
  fputs (out->str, stdout);
  return 0;
}
