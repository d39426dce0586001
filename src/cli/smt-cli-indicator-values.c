/* smt-cli-indicator-values.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/activity/smt-settings-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-indicator-value-query.h"
#include "core/targets/smt-period.h"
#include "core/targets/smt-targets.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* The values typed by hand for an indicator and a period, as the Chỉ tiêu
 * view enters them: `indicator-set` and `indicator-history`. */

int
smt_cli_cmd_indicator_set (int    argc,
                           char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value_text, N_("The value (12 or 3,5)"),
      N_("NUMBER") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Where the figure comes from"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autofree char *code = NULL;
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
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  code = smt_period_to_code (period);
  if ((id = smt_indicator_value_set (reg, argv[2], code, value, note, &error)) == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *label = smt_period_to_label (period);
    g_autofree char *shown = smt_format_decimal (value, 6);
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    /* Translators: "Đã ghi supervisions, Quý II/2025: 4 (mã 123)." */
    g_print (_("Recorded %s, %s: %s (key %s).\n"), argv[2], label, shown, key);
  }
  return 0;
}

int
smt_cli_cmd_indicator_history (int    argc,
                               char **argv)
{
  g_autofree char *period_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  if ((status = smt_cli_parse_args ("indicator-history", _("FILE INDICATOR"), entries, NULL, 3,
                                    _("Name the register, the indicator and the period: "
                                      "somattran indicator-history FILE supervisions --period "
                                      "2025-Q2\n"),
                                    &argc, &argv, NULL, &period_text, NULL)) != 0)
    return status;
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (smt_catalogue_lookup (argv[2], NULL) == NULL)
    {
      g_autofree char *codes = smt_catalogue_list_codes (SMT_INDICATOR_TYPED);

      g_printerr (_("There is no indicator “%s”. Use one of: %s.\n"), argv[2], codes);
      return 2;
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((rows = smt_indicator_value_history (reg, argv[2], period, &error)) == NULL)
    return smt_cli_print_error (error, 1);

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
    g_string_append (out, _("No value has been typed for this period yet."));
  if (!json && rows->len == 0)
    g_string_append_c (out, '\n');
  fputs (out->str, stdout);
  return 0;
}
