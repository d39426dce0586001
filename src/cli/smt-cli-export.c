/* smt-cli-export.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "core/organisations/smt-organisations.h"
#include "core/register/smt-date.h"
#include "core/reports/smt-export-log.h"
#include "core/reports/smt-reports.h"
#include "core/targets/smt-targets.h"
#include "io/files/smt-json.h"
#include "io/render/smt-report-draw.h"
#include "io/render/smt-report-xlsx.h"
#include "smt-cli-private.h"

static void
print_kinds (void)
{
  g_printerr (_("The reports are:\n"));
  for (guint i = 0; i < SMT_REPORT_N_KINDS; i++)
    {
      g_autoptr(GString) line = g_string_new ("  ");

      smt_cli_append_padded (line, smt_report_kind_code (i), 16);
      g_string_append_printf (line, "%s — %s\n", smt_report_kind_name (i),
                              smt_report_kind_summary (i));
      g_printerr ("%s", line->str);
    }
}

/* An ISO date from --report-date or --date; FALSE after saying what is wrong. */
static gboolean
parse_date_option (const char  *option,
                   const char  *text,
                   char       **iso)
{
  if (text == NULL)
    return TRUE;
  *iso = smt_date_parse (text);
  if (*iso == NULL)
    {
      g_printerr (_("--%s takes a date such as 2026-02-05 or 05/02/2026, not “%s”.\n"), option,
                  text);
      return FALSE;
    }
  return TRUE;
}

/* somattran export FILE REPORT [--period P] [--resolution N] [--branch ID]
 *   [--org CODE] [--year YYYY] [--show-personal] [--report-number TEXT]
 *   [--report-date D] [--date D] -o OUT.xlsx|OUT.pdf */
int
smt_cli_cmd_export (int    argc,
                    char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *branch_text = NULL;
  g_autofree char *org = NULL;
  g_autofree char *report_number = NULL;
  g_autofree char *report_date_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *report_date = NULL;
  g_autofree char *signed_on = NULL;
  gboolean show_personal = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("The period (2025-Q2, 2025-05, 2025-H1, 2025-9M, 2025, or FROM..TO)"), "P" },
    { "resolution", 'r', 0, G_OPTION_ARG_STRING, &resolution,
      N_("The resolution of the annex (06-NQ/TU…)"), N_("NUMBER") },
    { "branch", 'b', 0, G_OPTION_ARG_STRING, &branch_text,
      N_("The branch of the member list (its key, from “somattran branches”)"), "ID" },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year of the ratings"), N_("YYYY") },
    { "show-personal", 0, 0, G_OPTION_ARG_NONE, &show_personal,
      N_("Print CCCD, phone, ethnicity and religion in full (recorded in the export log)"),
      NULL },
    { "report-number", 0, 0, G_OPTION_ARG_STRING, &report_number,
      N_("The number of the report the annex is attached to (12-BC/MTTQ)"), N_("TEXT") },
    { "report-date", 0, 0, G_OPTION_ARG_STRING, &report_date_text,
      N_("The date of that report"), N_("DATE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The date of the date line (default: today)"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write: .xlsx or .pdf"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(SmtReport) report = NULL;
  SmtReportParams params = { 0 };
  gboolean pdf;
  int status;

  if ((status = smt_cli_parse_args ("export", _("FILE REPORT"), entries, NULL, 3,
                                    _("Name the register, the report and the file to write: "
                                      "somattran export FILE annex --period 2025-Q2 "
                                      "--resolution 06-NQ/TU -o phu-luc.xlsx\n"),
                                    &argc, &argv, NULL, &output, NULL)) != 0)
    {
      if (status == 2)
        print_kinds ();
      return status;
    }
  if (!smt_report_kind_from_code (argv[2], &params.kind))
    {
      g_printerr (_("There is no report called “%s”.\n"), argv[2]);
      print_kinds ();
      return 2;
    }
  if (g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF"))
    pdf = TRUE;
  else if (g_str_has_suffix (output, ".xlsx") || g_str_has_suffix (output, ".XLSX"))
    pdf = FALSE;
  else
    {
      g_printerr (_("The file “%s” must end in .xlsx (Excel) or .pdf.\n"), output);
      return 2;
    }
  if (period_text != NULL && (period = smt_period_parse (period_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (!parse_date_option ("report-date", report_date_text, &report_date)
      || !parse_date_option ("date", date_text, &signed_on))
    return 2;
  if (branch_text != NULL)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (branch_text, 10, 1, G_MAXINT64, &id, NULL))
        {
          g_printerr (_("“%s” is not a branch's key. The key is a number, the last column of "
                        "“somattran branches”.\n"), branch_text);
          return 2;
        }
      params.branch_id = (gint64) id;
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (resolution != NULL && (params.resolution_id = smt_resolution_lookup (reg, resolution)) == 0)
    {
      g_printerr (_("There is no resolution numbered “%s” in this register. Check the "
                    "number, for example 06-NQ/TU.\n"), resolution);
      return 2;
    }
  if (org != NULL && (params.organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  params.period = period;
  params.year = year;
  params.show_personal = show_personal;
  params.report_number = report_number;
  params.report_date = report_date;
  params.signed_on = signed_on;

  if ((report = smt_report_build (reg, &params, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (!(pdf ? smt_report_write_pdf (report, output, &error)
            : smt_report_write_xlsx (report, output, &error)))
    return smt_cli_print_error (error, 1);
  /* The register remembers what went out, and whether personal data went
   * out in full; an export it cannot remember is taken back. */
  {
    g_autofree char *absolute = g_canonicalize_filename (output, NULL);

    if (smt_export_log_add (reg, &params, absolute, &error) == 0)
      {
        g_unlink (output);
        return smt_cli_print_error (error, 1);
      }
  }
  g_print ("%s\n", output);
  return 0;
}

/* somattran exports FILE [--json]: the export log, oldest first. */
static void
exports_write (GString     *out,
               SmtRegister *reg,
               GPtrArray   *rows,
               gboolean     json)
{
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtExportLogEntry *e = g_ptr_array_index (rows, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "at", TRUE);
          smt_json_string (out, e->at);
          smt_json_key (out, "report", FALSE);
          smt_json_string (out, e->report);
          smt_json_key (out, "covered", FALSE);
          smt_json_string (out, e->covered);
          smt_json_key (out, "destination", FALSE);
          smt_json_string (out, e->destination);
          smt_json_key (out, "personal_shown", FALSE);
          smt_cli_json_bool (out, e->personal_shown);
          g_string_append_c (out, '}');
        }
      else
        {
          smt_cli_append_padded (out, e->at, 22);
          smt_cli_append_padded (out, e->report, 16);
          g_string_append_printf (out, "%s → %s%s\n", e->covered, e->destination,
                                  e->personal_shown ? _(" (personal data in full)") : "");
        }
    }
  if (json)
    g_string_append (out, "]\n");
  else if (rows->len == 0)
    g_string_append (out, _("No report has been exported or printed from this register.\n"));
}

int
smt_cli_cmd_exports (int    argc,
                     char **argv)
{
  return smt_cli_run_list ("exports", argc, argv, smt_export_log_list, exports_write);
}
