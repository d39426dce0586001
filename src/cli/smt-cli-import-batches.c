/* smt-cli-import-batches.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/import/smt-import-batch.h"
#include "core/import/smt-import-plan.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "io/files/smt-json.h"
#include "io/files/smt-json-read.h"
#include "smt-cli-private.h"

/* somattran imports, import-undo, import-rows; and the flow every import
 * command shares once it has rows: plan, decisions, summary, write. */

/* ---- the plan of rows --------------------------------------------------------- */

#define refuse(error, code, ...) \
  (g_set_error ((error), SMT_REGISTER_ERROR, (code), __VA_ARGS__), FALSE)

/* A row number of the sheet → its index in the plan; G_MAXUINT. */
static guint
row_index (SmtImportPlan *plan,
           guint          source_row)
{
  for (guint i = 0; i < smt_import_plan_get_n_rows (plan); i++)
    if (smt_import_plan_get_row (plan, i)->row->source_row == source_row)
      return i;
  return G_MAXUINT;
}

/* "12=skip", "12=new", "12=same", "12=same:345". */
static gboolean
apply_decision (SmtImportPlan  *plan,
                const char     *text,
                GError        **error)
{
  const char *eq = strchr (text, '=');
  g_autofree char *number = eq != NULL ? g_strndup (text, eq - text) : NULL;
  guint64 source_row = 0;
  guint64 person = 0;
  SmtImportDecision decision;
  guint index;

  if (eq == NULL || !g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT, &source_row, NULL))
    return refuse (error, SMT_REGISTER_ERROR_INVALID,
                     _("“%s” is not a decision. Write ROW=skip, ROW=new or ROW=same:PERSON_ID, "
                       "ROW being the row's number in the sheet."), text);
  eq++;
  if (strcmp (eq, "skip") == 0)
    decision = SMT_IMPORT_SKIP;
  else if (strcmp (eq, "new") == 0)
    decision = SMT_IMPORT_NEW_PERSON;
  else if (strcmp (eq, "same") == 0)
    decision = SMT_IMPORT_SAME_PERSON;
  else if (g_str_has_prefix (eq, "same:")
           && g_ascii_string_to_unsigned (eq + 5, 10, 1, G_MAXINT64, &person, NULL))
    decision = SMT_IMPORT_SAME_PERSON;
  else
    return refuse (error, SMT_REGISTER_ERROR_INVALID,
                     _("“%s” is not a decision. Write ROW=skip, ROW=new or ROW=same:PERSON_ID, "
                       "ROW being the row's number in the sheet."), text);
  if ((index = row_index (plan, (guint) source_row)) == G_MAXUINT)
    return refuse (error, SMT_REGISTER_ERROR_NOT_FOUND,
                     _("The list has no row %u. Use the row numbers the sheet shows."),
                     (guint) source_row);
  if (decision == SMT_IMPORT_SAME_PERSON && person == 0
      && smt_import_plan_get_row (plan, index)->candidate_id == 0)
    return refuse (error, SMT_REGISTER_ERROR_INVALID,
                     _("Row %u looks like no person of the register: say which one with "
                       "%u=same:PERSON_ID."), (guint) source_row, (guint) source_row);
  return smt_import_plan_decide (plan, index, decision, (gint64) person, error);
}

/* --on-duplicate: what to do with every row undecided only because it
 * looks like someone. */
static gboolean
apply_on_duplicate (SmtImportPlan  *plan,
                    const char     *what,
                    GError        **error)
{
  for (guint i = 0; i < smt_import_plan_get_n_rows (plan); i++)
    {
      const SmtImportPlanRow *r = smt_import_plan_get_row (plan, i);
      SmtImportDecision decision;
      gboolean alike = FALSE;

      if (r->status != SMT_IMPORT_STATUS_UNDECIDED || r->decision != SMT_IMPORT_AUTO)
        continue;
      for (guint k = 0; k < r->problems->len; k++)
        {
          const SmtImportProblem *p = g_ptr_array_index (r->problems, k);

          alike |= p->blocking && (p->code == SMT_IMPORT_PROBLEM_DUPLICATE
                                   || p->code == SMT_IMPORT_PROBLEM_DUPLICATE_ROW);
        }
      if (!alike)
        continue;
      if (strcmp (what, "skip") == 0)
        decision = SMT_IMPORT_SKIP;
      else if (strcmp (what, "new") == 0)
        decision = SMT_IMPORT_NEW_PERSON;
      /* The same person as an earlier row adds nothing more. */
      else if (r->repeats_row != 0)
        decision = SMT_IMPORT_SKIP;
      else
        decision = SMT_IMPORT_SAME_PERSON;
      if (!smt_import_plan_decide (plan, i, decision, 0, error))
        return FALSE;
    }
  return TRUE;
}

static void
summary_text (GString                *out,
              SmtImportPlan          *plan,
              const SmtImportSummary *s)
{
  struct { const char *label; guint n; } lines[] = {
    { N_("New persons"), s->new_persons },
    { N_("Memberships of persons already in the register"), s->new_memberships },
    { N_("Already members (nothing to do)"), s->already_members },
    { N_("Skipped"), s->skipped },
    { N_("Households to create"), s->households },
    { N_("Rows that need a decision"), s->undecided },
  };
  g_autofree char *read = smt_format_int (s->rows_read);

  g_string_append_printf (out, _("Rows read: %s\n"), read);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *n = smt_format_int (lines[i].n);

      g_string_append (out, "  ");
      smt_cli_append_padded (out, _(lines[i].label), 50);
      smt_cli_append_right (out, n, 8);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < smt_import_plan_get_n_rows (plan); i++)
    {
      const SmtImportPlanRow *r = smt_import_plan_get_row (plan, i);
      g_autofree char *name = g_strjoin (" ", r->ho, r->chu_lot, r->ten, NULL);

      for (guint k = 0; k < r->problems->len; k++)
        {
          const SmtImportProblem *p = g_ptr_array_index (r->problems, k);

          /* Translators: a problem of a row: its number, the name, the message */
          g_string_append_printf (out, _("Row %u (%s)%s: %s\n"), r->row->source_row, name,
                                  p->blocking ? _(" [to decide]") : "", p->message);
        }
    }
}

static void
summary_json (GString                *out,
              SmtImportPlan          *plan,
              const SmtImportSummary *s,
              gboolean                written,
              gint64                  batch_id)
{
  g_string_append_c (out, '{');
  smt_json_key (out, "rows_read", TRUE);
  smt_json_int (out, s->rows_read);
  smt_json_key (out, "new_persons", FALSE);
  smt_json_int (out, s->new_persons);
  smt_json_key (out, "new_memberships", FALSE);
  smt_json_int (out, s->new_memberships);
  smt_json_key (out, "already_members", FALSE);
  smt_json_int (out, s->already_members);
  smt_json_key (out, "skipped", FALSE);
  smt_json_int (out, s->skipped);
  smt_json_key (out, "households", FALSE);
  smt_json_int (out, s->households);
  smt_json_key (out, "undecided", FALSE);
  smt_json_int (out, s->undecided);
  smt_json_key (out, "problems", FALSE);
  g_string_append_c (out, '{');
  for (guint k = 0; k < SMT_N_IMPORT_PROBLEMS; k++)
    {
      smt_json_key (out, smt_import_problem_code_to_string (k), k == 0);
      smt_json_int (out, s->problems[k]);
    }
  g_string_append_c (out, '}');
  smt_json_key (out, "written", FALSE);
  smt_cli_json_bool (out, written);
  smt_json_key (out, "batch_id", FALSE);
  smt_cli_json_int_or_null (out, batch_id, 0);
  smt_json_key (out, "rows", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < smt_import_plan_get_n_rows (plan); i++)
    {
      const SmtImportPlanRow *r = smt_import_plan_get_row (plan, i);
      g_autofree char *name = g_strjoin (" ", r->ho, r->chu_lot, r->ten, NULL);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "row", TRUE);
      smt_json_int (out, r->row->source_row);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, name);
      smt_json_key (out, "status", FALSE);
      smt_json_string (out, smt_import_status_to_string (r->status));
      smt_json_key (out, "person_id", FALSE);
      smt_cli_json_int_or_null (out, r->person_id, 0);
      smt_json_key (out, "candidate_id", FALSE);
      smt_cli_json_int_or_null (out, r->candidate_id, 0);
      smt_json_key (out, "hamlet_id", FALSE);
      smt_cli_json_int_or_null (out, r->hamlet_id, 0);
      smt_json_key (out, "branch_id", FALSE);
      smt_cli_json_int_or_null (out, r->branch_id, 0);
      smt_json_key (out, "admitted_on", FALSE);
      smt_json_string (out, r->admitted_on);
      smt_json_key (out, "problems", FALSE);
      g_string_append_c (out, '[');
      for (guint k = 0; k < r->problems->len; k++)
        {
          const SmtImportProblem *p = g_ptr_array_index (r->problems, k);

          if (k > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "code", TRUE);
          smt_json_string (out, smt_import_problem_code_to_string (p->code));
          smt_json_key (out, "blocking", FALSE);
          smt_cli_json_bool (out, p->blocking);
          smt_json_key (out, "message", FALSE);
          smt_json_string (out, p->message);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}\n");
}

/**
 * smt_cli_import_run_plan:
 * @reg: the register
 * @options: the organisation, what the list does not say, the decisions
 * @rows: (transfer full) (element-type SmtImportRow): the rows read
 *
 * Plans the rows, applies the decisions, prints the summary and every
 * problem, and writes the batch unless a dry run was asked for.
 *
 * Returns: 0 when written (or a dry run with nothing undecided), 2 when
 *   rows still need a decision or the options are wrong (nothing written),
 *   1 when writing failed (nothing written)
 */
int
smt_cli_import_run_plan (SmtRegister               *reg,
                         const SmtCliImportOptions *options,
                         GPtrArray                 *rows)
{
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SmtImportPlanOptions plan_options = {
    .organisation = options->organisation, .branch_id = options->branch_id,
    .admitted_on = options->admitted_on, .default_sex = options->default_sex,
    .file_name = options->file_name, .file_sha256 = options->file_sha256,
    .sheet = options->sheet,
  };
  SmtImportSummary s;
  gint64 batch_id = 0;
  gboolean written = FALSE, nothing_new = FALSE;

  if ((plan = smt_import_plan_new (reg, &plan_options, rows, NULL, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (options->on_duplicate != NULL && !apply_on_duplicate (plan, options->on_duplicate, &error))
    return smt_cli_print_error (error, 2);
  for (guint i = 0; options->decisions != NULL && options->decisions[i] != NULL; i++)
    if (!apply_decision (plan, options->decisions[i], &error))
      return smt_cli_print_error (error, 2);

  smt_import_plan_get_summary (plan, &s);
  if (s.undecided == 0 && !options->dry_run)
    {
      if (!smt_import_plan_apply (plan, NULL, NULL, NULL, &batch_id, &error))
        return smt_cli_print_error (error, 1);
      written = batch_id != 0;
      nothing_new = !written;
    }
  if (options->json)
    summary_json (out, plan, &s, written, batch_id);
  else
    summary_text (out, plan, &s);
  if (!options->json && nothing_new)
    g_string_append (out, _("Nothing new: every row is already in the register or skipped. "
                            "Nothing was written.\n"));
  else if (!options->json && written)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, batch_id);

      g_string_append_printf (out, _("Written as import %s. Undo it with somattran "
                                     "import-undo FILE %s --reason TEXT.\n"), id, id);
    }
  else if (!options->json && s.undecided == 0)
    g_string_append (out, _("Dry run: nothing was written.\n"));
  fputs (out->str, stdout);
  if (s.undecided > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u row needs a decision; nothing was written. Decide it with "
                               "--decide ROW=skip|new|same:PERSON_ID, or all look-alikes at "
                               "once with --on-duplicate skip|same|new.\n",
                               "%u rows need a decision; nothing was written. Decide them with "
                               "--decide ROW=skip|new|same:PERSON_ID, or all look-alikes at "
                               "once with --on-duplicate skip|same|new.\n", s.undecided),
                  s.undecided);
      return 2;
    }
  return 0;
}

/* ---- rows from JSON ------------------------------------------------------------ */

static void
set_field (SmtImportRow *row,
           const char   *key,
           char         *value)
{
  struct { const char *key; gsize offset; } strings[] = {
    { "full_name", G_STRUCT_OFFSET (SmtImportRow, full_name) },
    { "ho", G_STRUCT_OFFSET (SmtImportRow, ho) },
    { "chu_lot", G_STRUCT_OFFSET (SmtImportRow, chu_lot) },
    { "ten", G_STRUCT_OFFSET (SmtImportRow, ten) },
    { "birth_date", G_STRUCT_OFFSET (SmtImportRow, birth_date) },
    { "hamlet", G_STRUCT_OFFSET (SmtImportRow, hamlet) },
    { "address", G_STRUCT_OFFSET (SmtImportRow, address) },
    { "cccd", G_STRUCT_OFFSET (SmtImportRow, cccd) },
    { "phone", G_STRUCT_OFFSET (SmtImportRow, phone) },
    { "ethnicity", G_STRUCT_OFFSET (SmtImportRow, ethnicity) },
    { "religion", G_STRUCT_OFFSET (SmtImportRow, religion) },
    { "role", G_STRUCT_OFFSET (SmtImportRow, role) },
    { "branch", G_STRUCT_OFFSET (SmtImportRow, branch) },
    { "joined_on", G_STRUCT_OFFSET (SmtImportRow, joined_on) },
    { "party_since", G_STRUCT_OFFSET (SmtImportRow, party_since) },
    { "note", G_STRUCT_OFFSET (SmtImportRow, note) },
  };

  if (value == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strcmp (key, strings[i].key) == 0)
      {
        char **field = G_STRUCT_MEMBER_P (row, strings[i].offset);
        char *norm = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);

        g_free (*field);
        *field = norm;
        g_free (value);
        return;
      }
  if (strcmp (key, "source_row") == 0)
    row->source_row = (guint) strtoul (value, NULL, 10);
  else if (strcmp (key, "birth_year") == 0)
    row->birth_year = atoi (value);
  else if (strcmp (key, "joined_year") == 0)
    row->joined_year = atoi (value);
  else if (strcmp (key, "party_member") == 0)
    row->party_member = strcmp (value, "true") == 0;
  else if (strcmp (key, "sex") == 0)
    {
      g_autofree char *folded = g_utf8_casefold (value, -1);

      row->sex = strcmp (folded, "m") == 0 || strcmp (folded, "nam") == 0 ? 'M'
                 : strcmp (folded, "f") == 0 || strcmp (folded, "nữ") == 0
                   || strcmp (folded, "nu") == 0 ? 'F' : 0;
    }
  g_free (value);
}

/* A value of the rows file as the text set_field takes: strings as they
 * are, numbers and booleans written out, NULL for null; the problems'
 * array of strings goes into the row's problems. */
static char *
value_text (GVariant     *value,
            SmtImportRow *row,
            const char   *key)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_strdup_printf ("%.0f", g_variant_get_double (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("av")) && strcmp (key, "problems") == 0)
    for (gsize i = 0; i < g_variant_n_children (value); i++)
      {
        g_autoptr(GVariant) boxed = g_variant_get_child_value (value, i);
        g_autoptr(GVariant) item = g_variant_get_variant (boxed);

        if (g_variant_is_of_type (item, G_VARIANT_TYPE_STRING))
          smt_import_row_add_problem (row, g_variant_get_string (item, NULL));
      }
  return NULL;
}

/* The rows file: an array of objects whose keys are the fields of
 * SmtImportRow (full_name, birth_year, sex, hamlet, joined_on …). */
static GPtrArray *
rows_from_json (const char  *text,
                gsize        length,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              smt_import_row_free);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GVariant) array = smt_json_parse (text, (gssize) length, &parse_error);

  if (array == NULL || !g_variant_is_of_type (array, G_VARIANT_TYPE ("av")))
    goto bad;
  for (gsize i = 0; i < g_variant_n_children (array); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (array, i);
      g_autoptr(GVariant) object = g_variant_get_variant (boxed);
      SmtImportRow *row = smt_import_row_new (rows->len + 1);
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_ptr_array_add (rows, row);
      if (!g_variant_is_of_type (object, G_VARIANT_TYPE ("a{sv}")))
        goto bad;
      g_variant_iter_init (&iter, object);
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        set_field (row, key, value_text (value, row, key));
    }
  return g_steal_pointer (&rows);

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The rows file is not a JSON array of objects with the fields of a member "
                 "row (full_name, birth_year, sex, hamlet, joined_on …)%s%s"),
               parse_error != NULL ? ": " : ".", parse_error != NULL ? parse_error->message : "");
  return NULL;
}

int
smt_cli_cmd_import_rows (int    argc,
                         char **argv)
{
  g_auto(SmtCliImportArgs) args = { 0 };
  g_autofree GOptionEntry *entries = smt_cli_import_args_entries (&args);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *base = NULL;
  gsize length = 0;
  SmtCliImportOptions options = { 0 };
  int status;

  if ((status = smt_cli_parse_args ("import-rows", _("FILE ROWS.json"), entries, NULL, 3,
                                    _("Name the register, the rows and the organisation: "
                                      "somattran import-rows FILE ROWS.json --org CODE "
                                      "[--branch ID] [--date YYYY-MM-DD] [--decide ROW=skip|"
                                      "new|same:ID …] [--on-duplicate skip|same|new] "
                                      "[--dry-run] [--json]\n"),
                                    &argc, &argv, NULL, &args.org, NULL)) != 0)
    return status;
  if ((status = smt_cli_import_args_finish (&args, &options)) != 0)
    return status;
  if (!g_file_get_contents (argv[2], &text, &length, &error))
    return smt_cli_print_error (error, 2);
  if ((rows = rows_from_json (text, length, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, length);
  base = g_path_get_basename (argv[2]);
  options.file_name = base;
  options.file_sha256 = sha;
  return smt_cli_import_run_plan (reg, &options, g_steal_pointer (&rows));
}

/* ---- imports, import-undo ----------------------------------------------------------- */

static void
imports_write (GString     *out,
               SmtRegister *reg,
               GPtrArray   *list,
               gboolean     json)
{
  (void) reg;
  if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < list->len; i++)
        {
          const SmtImportBatch *b = g_ptr_array_index (list, i);

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, b->id);
          smt_json_key (out, "file_name", FALSE);
          smt_json_string (out, b->file_name);
          smt_json_key (out, "file_sha256", FALSE);
          smt_json_string (out, b->file_sha256);
          smt_json_key (out, "sheet", FALSE);
          smt_json_string (out, b->sheet);
          smt_json_key (out, "organisation", FALSE);
          smt_json_string (out, b->organisation);
          smt_json_key (out, "branch_id", FALSE);
          smt_cli_json_int_or_null (out, b->branch_id, 0);
          smt_json_key (out, "admitted_on_default", FALSE);
          smt_json_string (out, b->admitted_on_default);
          smt_json_key (out, "rows_read", FALSE);
          smt_json_int (out, b->rows_read);
          smt_json_key (out, "persons_added", FALSE);
          smt_json_int (out, b->persons_added);
          smt_json_key (out, "memberships_added", FALSE);
          smt_json_int (out, b->memberships_added);
          smt_json_key (out, "households_added", FALSE);
          smt_json_int (out, b->households_added);
          smt_json_key (out, "entered_at", FALSE);
          smt_json_string (out, b->entered_at);
          smt_json_key (out, "undone", FALSE);
          smt_cli_json_bool (out, b->undone);
          smt_json_key (out, "undo_reason", FALSE);
          smt_json_string (out, b->undo_reason);
          smt_json_key (out, "undone_at", FALSE);
          smt_json_string (out, b->undone_at);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]\n");
      return;
    }
  if (list->len == 0)
    g_string_append (out, _("No list has been imported.\n"));
  for (guint i = 0; i < list->len; i++)
    {
      const SmtImportBatch *b = g_ptr_array_index (list, i);
      g_autofree char *day = g_strndup (b->entered_at, 10);
      g_autofree char *shown = smt_date_to_display (day);
      g_autofree char *read = smt_format_int (b->rows_read);
      g_autofree char *persons = smt_format_int (b->persons_added);
      g_autofree char *memberships = smt_format_int (b->memberships_added);
      g_autofree char *households = smt_format_int (b->households_added);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "  %s  ", b->id, shown);
      smt_cli_append_padded (out, b->organisation, 6);
      g_string_append_printf (out, "%s%s%s  ", b->file_name, *b->sheet ? " — " : "", b->sheet);
      /* Translators: an import: rows read, persons, memberships and households added */
      g_string_append_printf (out, _("%s rows: %s persons, %s memberships, %s households"),
                              read, persons, memberships, households);
      if (b->undone)
        /* Translators: an import undone, and why */
        g_string_append_printf (out, _(" (undone: %s)"), b->undo_reason);
      g_string_append_c (out, '\n');
    }
}

int
smt_cli_cmd_imports (int    argc,
                     char **argv)
{
  return smt_cli_run_list ("imports", argc, argv, smt_import_batches_list, imports_write);
}

int
smt_cli_cmd_import_undo (int    argc,
                         char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  guint64 id = 0;
  int status;

  if ((status = smt_cli_parse_args ("import-undo", _("FILE BATCH"), entries, NULL, 3,
                                    _("Name the register, the import and why: somattran "
                                      "import-undo FILE 12 --reason TEXT\n"),
                                    &argc, &argv, NULL, &reason, NULL)) != 0)
    return status;
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("“%s” is not the key of a %s. A key is a number, as the lists show it.\n"),
                  argv[2], _("import"));
      return 2;
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (!smt_import_batch_undo (reg, (gint64) id, reason, &error))
    return smt_cli_print_error (error, 2);
  g_print (_("The import is undone: the people, households and memberships it added are "
             "gone; the import and the reason stay in the list of imports.\n"));
  return 0;
}
