/* smt-cli-import.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/register/smt-date.h"
#include "io/files/smt-json.h"
#include "io/import/smt-import-fields.h"
#include "io/import/smt-import-source.h"
#include "smt-cli-private.h"

/* ---- what every import command says beside its rows ---------------------------- */

void
smt_cli_import_args_clear (SmtCliImportArgs *args)
{
  g_clear_pointer (&args->org, g_free);
  g_clear_pointer (&args->branch, g_free);
  g_clear_pointer (&args->date, g_free);
  g_clear_pointer (&args->sex, g_free);
  g_clear_pointer (&args->on_duplicate, g_free);
  g_clear_pointer (&args->decisions, g_strfreev);
  g_clear_pointer (&args->iso_date, g_free);
}

GOptionEntry *
smt_cli_import_args_entries (SmtCliImportArgs *args)
{
  const GOptionEntry entries[] = {
    { "org", 'o', 0, G_OPTION_ARG_STRING, &args->org, N_("The organisation of the list (PN, ND…)"),
      N_("CODE") },
    { "branch", 'b', 0, G_OPTION_ARG_STRING, &args->branch,
      N_("The branch of every row (otherwise found from the row's hamlet or branch)"),
      N_("ID") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &args->date,
      N_("The admission date of the rows that give none"), N_("YYYY-MM-DD") },
    { "sex", 0, 0, G_OPTION_ARG_STRING, &args->sex,
      N_("The sex of the rows that do not say"), N_("nam|nu") },
    { "decide", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args->decisions,
      N_("What to do with a row: skip it, a new person, or the same as a person of the "
         "register"), N_("ROW=skip|new|same:ID") },
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &args->on_duplicate,
      N_("What to do with every row that looks like a person already there"),
      N_("skip|same|new") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &args->dry_run, N_("Check and summarise, write nothing"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args->json, N_("Write JSON"), NULL },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/* Checks the options' values and fills the plan's options from them (the
 * file's name, hash and sheet are the caller's). 0, or the exit status. */
int
smt_cli_import_args_finish (SmtCliImportArgs    *args,
                            SmtCliImportOptions *options)
{
  guint64 branch = 0;

  if (args->branch != NULL
      && !g_ascii_string_to_unsigned (args->branch, 10, 1, G_MAXINT64, &branch, NULL))
    {
      g_printerr (_("“%s” is not the key of a %s. A key is a number, as the lists show it.\n"),
                  args->branch, _("branch"));
      return 2;
    }
  if (args->date != NULL && (args->iso_date = smt_date_parse (args->date)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), args->date);
      return 2;
    }
  if (args->on_duplicate != NULL && strcmp (args->on_duplicate, "skip") != 0
      && strcmp (args->on_duplicate, "same") != 0 && strcmp (args->on_duplicate, "new") != 0)
    {
      g_printerr (_("--on-duplicate takes skip, same or new.\n"));
      return 2;
    }
  if (args->sex != NULL)
    {
      if (g_ascii_strcasecmp (args->sex, "nam") == 0 || g_ascii_strcasecmp (args->sex, "m") == 0)
        options->default_sex = 'M';
      else if (g_ascii_strcasecmp (args->sex, "nu") == 0 || strcmp (args->sex, "nữ") == 0
               || g_ascii_strcasecmp (args->sex, "f") == 0)
        options->default_sex = 'F';
      else
        {
          g_printerr (_("--sex takes nam or nu.\n"));
          return 2;
        }
    }
  options->organisation = args->org;
  options->branch_id = (gint64) branch;
  options->admitted_on = args->iso_date;
  options->decisions = (const char * const *) args->decisions;
  options->on_duplicate = args->on_duplicate;
  options->dry_run = args->dry_run;
  options->json = args->json;
  return 0;
}

/* ---- the list: file, sheet, encodings, mapping ---------------------------------- */

typedef struct
{
  char     *sheet;
  char     *map;
  char     *encoding;
  int       header_row;
} SourceArgs;

static void
source_args_clear (SourceArgs *args)
{
  g_clear_pointer (&args->sheet, g_free);
  g_clear_pointer (&args->map, g_free);
  g_clear_pointer (&args->encoding, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SourceArgs, source_args_clear)

/* Opens the list and prepares its sheet as the options say; NULL after
 * printing why, with *status set. */
static SmtImportSource *
open_source (const char  *path,
             SourceArgs  *args,
             int         *status)
{
  g_autoptr(SmtImportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  SmtTextEncoding enc = SMT_ENCODING_UNICODE;
  int index = 0;

  *status = 2;
  if (args->encoding != NULL && strcmp (args->encoding, "auto") != 0
      && !smt_text_encoding_from_string (args->encoding, &enc))
    {
      g_printerr (_("--encoding takes auto, utf-8, tcvn3, vni or cp1258.\n"));
      return NULL;
    }
  if ((source = smt_import_source_open (path, &error)) == NULL)
    {
      smt_cli_print_error (error, 2);
      return NULL;
    }
  if (args->sheet != NULL && (index = smt_import_source_find_sheet (source, args->sheet)) < 0)
    {
      const SmtWorkbook *workbook = smt_import_source_workbook (source);
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < smt_workbook_n_sheets (workbook); i++)
        g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "",
                                smt_workbook_sheet_name (workbook, i));
      g_printerr (_("The file has no sheet named “%s”. Its sheets: %s.\n"), args->sheet,
                  names->str);
      return NULL;
    }
  if (!smt_import_source_load_sheet (source, (guint) index, NULL, NULL, NULL, &error))
    {
      smt_cli_print_error (error, 2);
      return NULL;
    }
  if (args->map != NULL)
    {
      g_autofree char *text = NULL;
      gsize length = 0;
      g_autoptr(SmtImportMapping) mapping = NULL;

      if (!g_file_get_contents (args->map, &text, &length, &error)
          || (mapping = smt_import_mapping_from_json (text, (gssize) length, &error)) == NULL
          || !smt_import_source_set_mapping (source, mapping, NULL, &error))
        {
          smt_cli_print_error (error, 2);
          return NULL;
        }
    }
  if (args->header_row > 0)
    smt_import_source_set_header_row (source, (guint) args->header_row - 1);
  if (args->encoding != NULL && strcmp (args->encoding, "auto") != 0
      && !smt_import_source_set_encoding (source, -1, enc, NULL, &error))
    {
      smt_cli_print_error (error, 2);
      return NULL;
    }
  *status = 0;
  return g_steal_pointer (&source);
}

static GOptionEntry *
source_entries (SourceArgs *args)
{
  const GOptionEntry entries[] = {
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &args->sheet,
      N_("The sheet to read (the first one otherwise)"), N_("NAME") },
    { "map", 'm', 0, G_OPTION_ARG_FILENAME, &args->map,
      N_("Which field each column holds, as somattran import-map --json writes it"),
      N_("MAP.json") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &args->encoding,
      N_("How the list's Vietnamese text is typed (auto: guessed per column)"),
      N_("auto|utf-8|tcvn3|vni|cp1258") },
    { "header-row", 0, 0, G_OPTION_ARG_INT, &args->header_row,
      N_("The row of the column headers, as the spreadsheet numbers it (found otherwise)"),
      N_("N") },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

/* ---- import-map ---------------------------------------------------------------- */

static void
map_text (GString         *out,
          SmtImportSource *source)
{
  const SmtSheetLayout *layout = smt_import_source_layout (source);
  const SmtImportMapping *mapping = smt_import_source_mapping (source);
  guint data_rows = 0;

  for (guint r = 0; r < layout->n_rows; r++)
    if (layout->row_kinds[r] == SMT_SHEET_ROW_DATA)
      data_rows++;
  g_string_append_printf (out, _("Sheet “%s”: header on row %u, %u rows of people.\n"),
                          smt_workbook_sheet_name (smt_import_source_workbook (source),
                                                   smt_import_source_sheet_index (source)),
                          layout->header_row + 1, data_rows);
  if (smt_import_source_is_remembered (source))
    g_string_append (out, _("The columns are mapped as last time for a list of this shape.\n"));
  for (guint c = 0; c < layout->n_cols; c++)
    {
      g_autofree char *column = smt_import_column_name (c);
      SmtImportField field = smt_import_mapping_field (mapping, c);
      double confidence = 1.0;
      SmtTextEncoding enc = smt_import_source_encoding (source, c, &confidence);

      if (layout->headers[c][0] == '\0' && field == SMT_IMPORT_FIELD_IGNORE)
        continue;
      g_string_append_printf (out, "  %-3s ", column);
      smt_cli_append_padded (out, layout->headers[c], 28);
      g_string_append (out, " → ");
      smt_cli_append_padded (out, smt_import_field_label (field), 26);
      if (enc != SMT_ENCODING_UNICODE)
        g_string_append_printf (out, "  %s", smt_text_encoding_label (enc));
      g_string_append_c (out, '\n');
    }
}

int
smt_cli_cmd_import_map (int    argc,
                        char **argv)
{
  g_auto(SourceArgs) args = { 0 };
  g_autofree GOptionEntry *entries = source_entries (&args);
  gboolean json = FALSE;
  GOptionEntry more[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write the mapping as JSON, to edit and give to import --map"), NULL },
    { NULL }
  };
  g_autoptr(SmtImportSource) source = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  if ((status = smt_cli_parse_args ("import-map", _("LIST"), entries, more, 2,
                                    _("Name the list: somattran import-map LIST.xlsx "
                                      "[--sheet NAME] [--encoding auto|utf-8|tcvn3|vni|cp1258] "
                                      "[--header-row N] [--map MAP.json] [--json]\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if ((source = open_source (argv[1], &args, &status)) == NULL)
    return status;
  if (json)
    {
      g_autofree char *text = smt_import_mapping_to_json (smt_import_source_mapping (source));

      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  else
    map_text (out, source);
  fputs (out->str, stdout);
  return 0;
}

/* ---- import -------------------------------------------------------------------- */

int
smt_cli_cmd_import (int    argc,
                    char **argv)
{
  g_auto(SourceArgs) source_args = { 0 };
  g_auto(SmtCliImportArgs) args = { 0 };
  g_autofree GOptionEntry *entries = source_entries (&source_args);
  g_autofree GOptionEntry *more = smt_cli_import_args_entries (&args);
  g_autoptr(SmtImportSource) source = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SmtCliImportOptions options = { 0 };
  int status;

  if ((status = smt_cli_parse_args ("import", _("FILE LIST"), entries, more, 3,
                                    _("Name the register, the list and the organisation: "
                                      "somattran import FILE LIST.xlsx --org CODE "
                                      "[--branch ID] [--sheet NAME] [--map MAP.json] "
                                      "[--encoding auto|utf-8|tcvn3|vni|cp1258] "
                                      "[--header-row N] [--date YYYY-MM-DD] [--sex nam|nu] "
                                      "[--decide ROW=skip|new|same:ID …] "
                                      "[--on-duplicate skip|same|new] [--dry-run] [--json]\n"),
                                    &argc, &argv, NULL, &args.org, NULL)) != 0)
    return status;
  if ((status = smt_cli_import_args_finish (&args, &options)) != 0)
    return status;
  if ((source = open_source (argv[2], &source_args, &status)) == NULL)
    return status;
  if ((rows = smt_import_source_read_rows (source, NULL, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  options.file_name = smt_import_source_file_name (source);
  options.file_sha256 = smt_import_source_sha256 (source);
  options.sheet = smt_workbook_sheet_name (smt_import_source_workbook (source),
                                           smt_import_source_sheet_index (source));
  status = smt_cli_import_run_plan (reg, &options, g_steal_pointer (&rows));
  /* A list that went in teaches the program its shape: next month's file
   * of the same shape opens with the same columns and encodings. */
  if (status == 0 && !options.dry_run && !smt_import_source_remember (source, &error))
    g_printerr (_("The import is written, but the columns could not be remembered for next "
                  "time: %s\n"), error->message);
  return status;
}
