/* smt-cli-balance.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/indicators/smt-balance.h"
#include "core/organisations/smt-organisations.h"
#include "core/organisations/smt-restructure.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-period.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* somattran balance, restructure, restructures, restructure-void. */

/* ---- balance -------------------------------------------------------------------- */

static void
balance_json (GString   *out,
              GPtrArray *rows)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtBalanceRow *row = g_ptr_array_index (rows, i);

      /* The rows are the organisation for the commune and by hamlet. */
      if (row->hamlet_id == SMT_BALANCE_NO_HAMLET)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append_c (out, '{');
      smt_json_key (out, "organisation", TRUE);
      smt_json_string (out, row->organisation);
      smt_json_key (out, "hamlet", FALSE);
      smt_json_string (out, row->hamlet);
      smt_json_key (out, "start", FALSE);
      smt_json_int (out, row->start);
      smt_json_key (out, "end", FALSE);
      smt_json_int (out, row->end);
      smt_json_key (out, "increases", FALSE);
      g_string_append_c (out, '{');
      for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
        {
          smt_json_key (out, smt_balance_increase_to_string (k), k == 0);
          smt_json_int (out, row->increases[k]);
        }
      g_string_append_c (out, '}');
      smt_json_key (out, "decreases", FALSE);
      g_string_append_c (out, '{');
      for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
        {
          smt_json_key (out, smt_balance_decrease_to_string (k), k == 0);
          smt_json_int (out, row->decreases[k]);
        }
      g_string_append (out, "}}");
    }
  g_string_append (out, "]\n");
}

/* "kết nạp mới 10, chuyển đến 2", the kinds that are not 0. */
static char *
kinds_text (const guint *counts,
            guint        n,
            const char *(*label) (int))
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < n; k++)
    if (counts[k] > 0)
      {
        g_autofree char *count = smt_format_int (counts[k]);

        g_ptr_array_add (parts, g_strdup_printf ("%s %s", label (k), count));
      }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static const char *
increase_label (int kind)
{
  return smt_balance_increase_label (kind);
}

static const char *
decrease_label (int kind)
{
  return smt_balance_decrease_label (kind);
}

static const char *
move_label (int kind)
{
  return smt_balance_move_label (kind);
}

static void
balance_text (GString         *out,
              GPtrArray       *rows,
              const SmtPeriod *period)
{
  g_autofree char *label = smt_period_to_label (period);

  /* Translators: the heading of `somattran balance` */
  g_string_append_printf (out, _("Membership changes of %s: at the start + increases − "
                                 "decreases = at the end\n"), label);
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtBalanceRow *row = g_ptr_array_index (rows, i);
      g_autofree char *start = smt_format_int (row->start);
      g_autofree char *end = smt_format_int (row->end);
      g_autofree char *up = smt_format_int (smt_balance_row_increased (row));
      g_autofree char *down = smt_format_int (smt_balance_row_decreased (row));
      g_autofree char *increases = kinds_text (row->increases, SMT_N_BALANCE_INCREASES,
                                               increase_label);
      g_autofree char *decreases = kinds_text (row->decreases, SMT_N_BALANCE_DECREASES,
                                               decrease_label);
      g_autofree char *moves = kinds_text (row->moves, SMT_N_BALANCE_MOVES, move_label);
      g_autofree char *line = NULL;

      if (row->hamlet_id == 0)
        g_string_append_printf (out, "\n%s\n", row->organisation_name);
      g_string_append (out, "  ");
      smt_cli_append_padded (out, row->hamlet_id == 0 ? _("Whole commune")
                                  : row->hamlet_id == SMT_BALANCE_NO_HAMLET
                                  ? _("Living in no hamlet") : row->hamlet, 22);
      smt_cli_append_right (out, start, 8);
      line = g_strdup_printf (" + %s − %s = ", up, down);
      g_string_append (out, line);
      smt_cli_append_right (out, end, 7);
      if (*increases != '\0')
        /* Translators: the increases of a balance line, "tăng: kết nạp mới 10" */
        g_string_append_printf (out, _("   increases: %s"), increases);
      if (*decreases != '\0')
        /* Translators: the decreases of a balance line */
        g_string_append_printf (out, _("   decreases: %s"), decreases);
      if (*moves != '\0')
        /* Translators: transfers and the like, beside the balance */
        g_string_append_printf (out, _("   (no change in number: %s)"), moves);
      g_string_append_c (out, '\n');
    }
}

int
smt_cli_cmd_balance (int    argc,
                     char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *org = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 organisation_id = 0;
  int status;

  if ((status = smt_cli_parse_args ("balance", _("FILE"), entries, NULL, 2,
                                    _("Name the register and the period: somattran balance "
                                       "FILE --period 2025-Q2 [--org CODE] [--json]\n"),
                                    &argc, &argv, NULL, &period_text, NULL)) != 0)
    return status;
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (org != NULL && (organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if ((rows = smt_balance_compute (reg, period, organisation_id, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    balance_json (out, rows);
  else
    balance_text (out, rows, period);
  fputs (out->str, stdout);
  return 0;
}

/* ---- restructures -------------------------------------------------------------- */

static gboolean
parse_key (const char *text,
           const char *what,
           gint64     *key)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr (_("“%s” is not the key of a %s. A key is a number, as the lists show it.\n"),
                  text, what);
      return FALSE;
    }
  *key = (gint64) value;
  return TRUE;
}

int
smt_cli_cmd_restructure (int    argc,
                         char **argv)
{
  g_autofree char *to_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *document = NULL;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text, N_("The branch the members go into"),
      N_("BRANCH_ID") },
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text,
      N_("Move every member of this branch on the day"), N_("BRANCH_ID") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the restructure"),
      N_("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document, N_("The decision (quyết định số …)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) persons = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *key = NULL;
  SmtRestructureFields fields = { 0 };
  gint64 to, from = 0, id;

  /* Any number of people: parsed here, not by smt_cli_parse_args. */
  context = g_option_context_new (_("FILE [PERSON_ID…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      smt_cli_print_error (error, 2);
      g_printerr (_("Run “somattran %s --help” to see how to use it.\n"), "restructure");
      return 2;
    }
  if (argc < 2 || to_text == NULL || date_text == NULL
      || (from_text == NULL) == (argc == 2))
    {
      g_printerr (_("Name the register, the branch the members go into, the day, and either "
                    "the branch they come from or their keys: somattran restructure FILE "
                    "--to 12 --date 2026-03-01 (--from 7 | 345 346 …) [--reason TEXT] "
                    "[--document TEXT]\n"));
      return 2;
    }
  if (!parse_key (to_text, _("branch"), &to)
      || (from_text != NULL && !parse_key (from_text, _("branch"), &from)))
    return 2;
  if ((date = smt_date_parse (date_text)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), date_text);
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      gint64 person;

      if (!parse_key (argv[i], _("person"), &person))
        return 2;
      g_array_append_val (persons, person);
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (from != 0)
    {
      g_autoptr(GPtrArray) members = smt_restructure_members (reg, from, date, &error);

      if (members == NULL)
        return smt_cli_print_error (error, 2);
      for (guint i = 0; i < members->len; i++)
        g_array_append_val (persons, ((SmtBranchMember *) g_ptr_array_index (members, i))
                                     ->person_id);
    }
  fields.branch_id = to;
  fields.date = date;
  fields.reason = reason;
  fields.document = document;
  fields.person_ids = (const gint64 *) persons->data;
  fields.n_persons = persons->len;
  if ((id = smt_restructure_apply (reg, &fields, NULL, &error)) == 0)
    return smt_cli_print_error (error, 2);
  count = smt_format_int (persons->len);
  shown = smt_date_to_display (date);
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: after a restructure: how many, the day, the key of the act */
  g_print (_("Moved %s members on %s, as one restructure (key %s).\n"), count, shown, key);
  return 0;
}

static void
restructures_json (GString   *out,
                   GPtrArray *list)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < list->len; i++)
    {
      const SmtRestructureInfo *r = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, r->id);
      smt_json_key (out, "organisation_id", FALSE);
      smt_json_int (out, r->organisation_id);
      smt_json_key (out, "organisation", FALSE);
      smt_json_string (out, r->organisation);
      smt_json_key (out, "branch_id", FALSE);
      smt_json_int (out, r->branch_id);
      smt_json_key (out, "branch", FALSE);
      smt_json_string (out, r->branch);
      smt_json_key (out, "from_branches", FALSE);
      smt_json_string (out, r->from_branches);
      smt_json_key (out, "date", FALSE);
      smt_json_string (out, r->date);
      smt_json_key (out, "reason", FALSE);
      smt_json_string (out, r->reason);
      smt_json_key (out, "document", FALSE);
      smt_json_string (out, r->document);
      smt_json_key (out, "moved", FALSE);
      smt_json_int (out, r->moved);
      smt_json_key (out, "voided", FALSE);
      smt_json_int (out, r->voided);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");
}

static void
restructures_text (GString   *out,
                   GPtrArray *list)
{
  if (list->len == 0)
    g_string_append (out, _("No restructure recorded.\n"));
  for (guint i = 0; i < list->len; i++)
    {
      const SmtRestructureInfo *r = g_ptr_array_index (list, i);
      g_autofree char *date = smt_date_to_display (r->date);
      g_autofree char *moved = smt_format_int (r->moved);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, r->id);

      g_string_append_printf (out, "%s  %s  ", key, date);
      smt_cli_append_padded (out, r->organisation, 12);
      if (r->from_branches != NULL)
        g_string_append_printf (out, "%s → ", r->from_branches);
      /* Translators: a restructure: where the members went and how many */
      g_string_append_printf (out, _("%s: %s members"), r->branch, moved);
      if (r->voided > 0 && r->moved == 0)
        g_string_append (out, _(" (undone)"));
      if (*r->reason != '\0')
        g_string_append_printf (out, " — %s", r->reason);
      g_string_append_c (out, '\n');
    }
}

int
smt_cli_cmd_restructures (int    argc,
                          char **argv)
{
  g_autofree char *org = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 organisation_id = 0;
  int status;

  if ((status = smt_cli_parse_args ("restructures", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran restructures FILE "
                                       "[--org CODE] [--json]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (org != NULL && (organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if ((list = smt_restructures_list (reg, organisation_id, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    restructures_json (out, list);
  else
    restructures_text (out, list);
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_restructure_void (int    argc,
                              char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("restructure-void", _("FILE RESTRUCTURE_ID"), entries, NULL,
                                    3, _("Name the register, the restructure and why: "
                                         "somattran restructure-void FILE 12 --reason TEXT\n"),
                                    &argc, &argv, NULL, &reason, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], _("restructure"), &id))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (!smt_restructure_void (reg, id, reason, &error))
    return smt_cli_print_error (error, 2);
  g_print (_("The restructure is undone: its moves are voided.\n"));
  return 0;
}
