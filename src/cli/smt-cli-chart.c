/* smt-cli-chart.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/targets/smt-targets.h"
#include "io/render/smt-chart-data.h"
#include "smt-cli-private.h"

/* somattran chart FILE INDICATOR --from P --to P [--compare-year]
 *   [--by org|hamlet] [--stacked] [--resolution NUMBER] -o OUT */
int
smt_cli_cmd_chart (int    argc,
                   char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *output = NULL;
  gboolean compare_year = FALSE;
  gboolean stacked = FALSE;
  gboolean hamlets = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The first period (2025-01, 2025-Q1, 2021…)"), "P" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last period, of the same kind"), "P" },
    { "compare-year", 0, 0, G_OPTION_ARG_NONE, &compare_year,
      N_("The year of --to against the year before, month by month"), NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text, N_("A series per organisation or hamlet"), "org|hamlet" },
    { "hamlets", 0, 0, G_OPTION_ARG_NONE, &hamlets,
      N_("Bars by hamlet for the period --to (with --by org: hamlet × organisation)"), NULL },
    { "stacked", 0, 0, G_OPTION_ARG_NONE, &stacked, N_("Stack the bars"), NULL },
    { "resolution", 'r', 0, G_OPTION_ARG_STRING, &resolution,
      N_("Draw this resolution's target and baseline (06-NQ/TU…)"), N_("NUMBER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The picture to write: .png, .svg or .pdf"),
      N_("OUT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) from = NULL;
  g_autoptr(SmtPeriod) to = NULL;
  g_autoptr(SmtChart) chart = NULL;
  SmtChartBy by = SMT_CHART_BY_NONE;
  gint64 resolution_id = 0;
  int status;

  if ((status = smt_cli_parse_args ("chart", _("FILE INDICATOR"), entries, NULL, 3,
                                    _("Name the register, the indicator, the periods and the "
                                      "picture: somattran chart FILE households_covered "
                                      "--from 2025-01 --to 2025-12 -o chart.png\n"),
                                    &argc, &argv, NULL, &to_text, &output, NULL)) != 0)
    return status;
  if (by_text != NULL)
    {
      if (g_strcmp0 (by_text, "org") == 0)
        by = SMT_CHART_BY_ORGANISATION;
      else if (g_strcmp0 (by_text, "hamlet") == 0)
        by = SMT_CHART_BY_HAMLET;
      else
        {
          g_printerr (_("--by takes org or hamlet, not “%s”.\n"), by_text);
          return 2;
        }
    }
  if ((to = smt_period_parse (to_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (!compare_year && !hamlets)
    {
      if (from_text == NULL)
        {
          g_printerr (_("Give the first period with --from, for example --from 2025-01.\n"));
          return 2;
        }
      if ((from = smt_period_parse (from_text, &error)) == NULL)
        return smt_cli_print_error (error, 2);
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (resolution != NULL && (resolution_id = smt_resolution_lookup (reg, resolution)) == 0)
    {
      g_printerr (_("There is no resolution numbered “%s” in this register. Check the "
                    "number, for example 06-NQ/TU.\n"), resolution);
      return 2;
    }

  if (compare_year)
    chart = smt_chart_data_year_on_year (reg, argv[2], smt_period_get_year (to),
                                         resolution_id, &error);
  else if (hamlets)
    chart = smt_chart_data_by_hamlet (reg, argv[2], to, by, stacked, resolution_id, &error);
  else
    chart = smt_chart_data_trend (reg, argv[2], from, to, by, resolution_id, &error);
  if (chart == NULL)
    return smt_cli_print_error (error, 1);
  if (!smt_chart_write (chart, output, &error))
    return smt_cli_print_error (error, 1);
  g_print ("%s\n", output);
  return 0;
}
