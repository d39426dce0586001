/* smt-cli-organisations.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-period.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* ---- organisations, branches ------------------------------------------------ */

/* "nữ, 18 tuổi trở lên": who an organisation gathers. */
static char *
eligibility_text (const SmtOrganisationInfo *o)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (o->sex == 'F')
    g_ptr_array_add (parts, g_strdup (_("women")));
  else if (o->sex == 'M')
    g_ptr_array_add (parts, g_strdup (_("men")));
  if (o->min_age >= 0 && o->max_age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (_("aged %d to %d"), o->min_age, o->max_age));
  else if (o->min_age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (_("aged %d or over"), o->min_age));
  else if (o->max_age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (_("aged up to %d"), o->max_age));
  if (o->trait_name != NULL)
    g_ptr_array_add (parts, g_strdup (o->trait_name));
  if (parts->len == 0)
    return g_strdup (_("anyone"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
organisations_json (GString   *out,
                    GPtrArray *list)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < list->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (list, i);
      char sex[2] = { o->sex, '\0' };

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, o->id);
      smt_json_key (out, "code", FALSE);
      smt_json_string (out, o->code);
      smt_json_key (out, "short_name", FALSE);
      smt_json_string (out, o->short_name);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, o->name);
      smt_json_key (out, "member_word", FALSE);
      smt_json_string (out, o->member_word);
      smt_json_key (out, "socio_political", FALSE);
      smt_cli_json_bool (out, o->socio_political);
      smt_json_key (out, "active", FALSE);
      smt_cli_json_bool (out, o->active);
      smt_json_key (out, "min_age", FALSE);
      smt_cli_json_int_or_null (out, o->min_age, -1);
      smt_json_key (out, "max_age", FALSE);
      smt_cli_json_int_or_null (out, o->max_age, -1);
      smt_json_key (out, "sex", FALSE);
      smt_json_string (out, o->sex != 0 ? sex : NULL);
      smt_json_key (out, "trait", FALSE);
      smt_json_string (out, o->trait_code);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");
}

static void
organisations_text (GString   *out,
                    GPtrArray *list)
{
  smt_cli_append_padded (out, _("Code"), 6);
  smt_cli_append_padded (out, _("Organisation"), 48);
  smt_cli_append_padded (out, _("Kind"), 20);
  g_string_append_printf (out, "%s\n", _("Gathers"));
  for (guint i = 0; i < list->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (list, i);
      g_autofree char *who = eligibility_text (o);

      smt_cli_append_padded (out, o->code, 6);
      smt_cli_append_padded (out, o->name, 48);
      smt_cli_append_padded (out, o->socio_political ? _("socio-political") : _("mass association"), 20);
      g_string_append (out, who);
      if (!o->active)
        g_string_append (out, _(" (no longer active)"));
      g_string_append_c (out, '\n');
    }
}

static void
organisations_write (GString     *out,
                    SmtRegister *reg,
                    GPtrArray   *list,
                    gboolean     json)
{
  if (json)
    organisations_json (out, list);
  else
    organisations_text (out, list);
}

int
smt_cli_cmd_organisations (int    argc,
                          char **argv)
{
  return smt_cli_run_list ("organisations", argc, argv, smt_organisations_list, organisations_write);
}

static void
branches_json (GString   *out,
               GPtrArray *list)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < list->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, b->id);
      smt_json_key (out, "organisation_id", FALSE);
      smt_json_int (out, b->organisation_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, b->name);
      smt_json_key (out, "kind", FALSE);
      smt_json_string (out, b->kind);
      smt_json_key (out, "parent_id", FALSE);
      smt_cli_json_int_or_null (out, b->parent_id, 0);
      smt_json_key (out, "hamlets", FALSE);
      smt_json_string (out, b->hamlets);
      smt_json_key (out, "founded_on", FALSE);
      smt_json_string (out, b->founded_on);
      smt_json_key (out, "dissolved_on", FALSE);
      smt_json_string (out, b->dissolved_on);
      smt_json_key (out, "members", FALSE);
      smt_json_int (out, b->members);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");
}

static void
branches_text (GString    *out,
               SmtRegister *reg,
               GPtrArray  *list,
               GPtrArray  *organisations,
               const char *date)
{
  g_autofree char *title = smt_register_dup_commune_title (reg);
  g_autofree char *day = smt_date_to_display (date);
  g_autofree char *count = smt_format_int (list->len);
  g_autofree char *total = NULL;
  gint64 organisation_id = 0;
  guint members = 0;

  /* TRANSLATORS: commune, date */
  g_string_append_printf (out, _("Branches of %s on %s\n"), title, day);
  for (guint i = 0; i < list->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (list, i);
      g_autofree char *n = smt_format_int (b->members);

      if (b->organisation_id != organisation_id)
        {
          const char *name = "?";
          const char *word = "";

          organisation_id = b->organisation_id;
          for (guint o = 0; o < organisations->len; o++)
            {
              const SmtOrganisationInfo *info = g_ptr_array_index (organisations, o);

              if (info->id == organisation_id)
                {
                  name = info->name;
                  word = info->member_word;
                }
            }
          g_string_append_printf (out, "\n%s\n  ", name);
          smt_cli_append_padded (out, _("Branch"), 40);
          smt_cli_append_padded (out, _("Kind"), 17);
          smt_cli_append_padded (out, _("Hamlets"), 20);
          /* TRANSLATORS: the column of members: "hội viên", "đoàn viên" */
          smt_cli_append_right (out, word, 10);
          g_string_append_printf (out, "  %s\n", _("Key"));
        }
      g_string_append (out, "  ");
      smt_cli_append_padded (out, b->name, 40);
      smt_cli_append_padded (out, b->kind, 17);
      smt_cli_append_padded (out, b->hamlets, 20);
      smt_cli_append_right (out, n, 10);
      g_string_append_printf (out, "  %" G_GINT64_FORMAT "\n", b->id);
      members += b->members;
    }
  total = smt_format_int (members);
  g_string_append_printf (out, _("\n%s branches, %s members on that day.\n"), count, total);
}

int
smt_cli_cmd_branches (int    argc,
                      char **argv)
{
  g_autofree char *org = NULL;
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("Branches existing on this day, with their members then (default: today)"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 organisation_id = 0;
  int status;

  if ((status = smt_cli_parse_args ("branches", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran branches FILE [--org PN] "
                                       "[--date 2026-10-31] [--json]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (org != NULL && (organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if ((list = smt_branches_list (reg, organisation_id, date, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (json)
    branches_json (out, list);
  else
    {
      if ((organisations = smt_organisations_list (reg, &error)) == NULL)
        return smt_cli_print_error (error, 1);
      branches_text (out, reg, list, organisations,
                     date != NULL ? date : smt_register_get_today (reg));
    }
  fputs (out->str, stdout);
  return 0;
}

/* ---- branch ----------------------------------------------------------------- */

static void
members_json (GString   *out,
              GPtrArray *members)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (members, i);
      char sex[2] = { m->sex, 0 };

      g_string_append (out, i > 0 ? ",{" : "{");
      smt_json_key (out, "person_id", TRUE);
      smt_json_int (out, m->person_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, m->full_name);
      smt_json_key (out, "sex", FALSE);
      smt_json_string (out, sex);
      smt_json_key (out, "birth_year", FALSE);
      smt_json_int (out, m->birth_year);
      smt_json_key (out, "since", FALSE);
      smt_json_string (out, m->since);
      smt_json_key (out, "away", FALSE);
      g_string_append (out, m->away ? "true" : "false");
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
branch_json (GString             *out,
             const SmtBranchInfo *b,
             const char          *date,
             GPtrArray           *leaders,
             GPtrArray           *groups)
{
  g_string_append_c (out, '{');
  smt_json_key (out, "id", TRUE);
  smt_json_int (out, b->id);
  smt_json_key (out, "organisation_id", FALSE);
  smt_json_int (out, b->organisation_id);
  smt_json_key (out, "name", FALSE);
  smt_json_string (out, b->name);
  smt_json_key (out, "kind", FALSE);
  smt_json_string (out, b->kind);
  smt_json_key (out, "hamlets", FALSE);
  smt_json_string (out, b->hamlets);
  smt_json_key (out, "date", FALSE);
  smt_json_string (out, date);
  smt_json_key (out, "leaders", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (leaders, i);

      g_string_append (out, i > 0 ? ",{" : "{");
      smt_json_key (out, "person_id", TRUE);
      smt_json_int (out, l->person_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, l->full_name);
      smt_json_key (out, "role", FALSE);
      smt_json_string (out, l->role == SMT_LEADER_DEPUTY ? "deputy" : "leader");
      smt_json_key (out, "role_label", FALSE);
      smt_json_string (out, l->role_label);
      smt_json_key (out, "from", FALSE);
      smt_json_string (out, l->from_date);
      smt_json_key (out, "to", FALSE);
      smt_json_string (out, l->to_date);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
  /* The branch's own members, then its tổ hội with theirs. */
  smt_json_key (out, "members", FALSE);
  members_json (out, ((SmtBranchMemberGroup *) g_ptr_array_index (groups, 0))->members);
  smt_json_key (out, "groups", FALSE);
  g_string_append_c (out, '[');
  for (guint k = 1; k < groups->len; k++)
    {
      const SmtBranchMemberGroup *g = g_ptr_array_index (groups, k);

      g_string_append (out, k > 1 ? ",{" : "{");
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, g->branch_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, g->name);
      smt_json_key (out, "members", FALSE);
      members_json (out, g->members);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
  smt_json_key (out, "members_total", FALSE);
  smt_json_int (out, smt_branch_member_groups_count (groups));
  g_string_append (out, "}\n");
}

static void
members_text (GString   *out,
              GPtrArray *members)
{
  for (guint i = 0; i < members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (members, i);
      g_autofree char *since = smt_date_to_display (m->since);
      g_autofree char *year = g_strdup_printf ("%d", m->birth_year);

      g_string_append (out, "  ");
      smt_cli_append_padded (out, m->full_name, 30);
      smt_cli_append_padded (out, year, 10);
      smt_cli_append_padded (out, m->sex == 'F' ? _("Female") : _("Male"), 10);
      smt_cli_append_padded (out, since, 12);
      g_string_append_printf (out, "%" G_GINT64_FORMAT "%s\n", m->person_id,
                              m->away ? _(" (working away)") : "");
    }
}

static void
branch_text (GString             *out,
             const SmtBranchInfo *b,
             const char          *date,
             GPtrArray           *leaders,
             GPtrArray           *groups)
{
  g_autofree char *day = smt_date_to_display (date);
  g_autofree char *count = smt_format_int (smt_branch_member_groups_count (groups));

  g_string_append_printf (out, "%s (%s", b->name, b->kind);
  if (b->hamlets[0] != '\0')
    g_string_append_printf (out, ", %s", b->hamlets);
  g_string_append (out, ")\n\n");
  g_string_append_printf (out, "%s\n", _("Leaders"));
  if (leaders->len == 0)
    g_string_append_printf (out, "  %s\n", _("No leader recorded"));
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (leaders, i);
      g_autofree char *from = smt_date_to_display (l->from_date);
      g_autofree char *to = l->to_date != NULL ? smt_date_to_display (l->to_date) : NULL;
      g_autofree char *term = NULL;

      if (to != NULL)
        /* TRANSLATORS: a term of office, two dates */
        term = g_strdup_printf (_("%s – %s"), from, to);
      else
        /* TRANSLATORS: a term of office still running; %s is its first day */
        term = g_strdup_printf (_("since %s"), from);
      g_string_append (out, "  ");
      smt_cli_append_padded (out, l->full_name, 30);
      smt_cli_append_padded (out, l->role_label, 32);
      g_string_append_printf (out, "%s\n", term);
    }
  g_string_append_printf (out, "\n%s\n  ", _("Members"));
  smt_cli_append_padded (out, _("Name"), 30);
  smt_cli_append_padded (out, _("Born"), 10);
  smt_cli_append_padded (out, _("Sex"), 10);
  smt_cli_append_padded (out, _("Since"), 12);
  g_string_append_printf (out, "%s\n", _("Key"));
  members_text (out, ((SmtBranchMemberGroup *) g_ptr_array_index (groups, 0))->members);
  /* A chi hội's members who sit in its tổ hội, tổ hội by tổ hội. */
  for (guint k = 1; k < groups->len; k++)
    {
      const SmtBranchMemberGroup *g = g_ptr_array_index (groups, k);
      g_autofree char *n = smt_format_int (g->members->len);

      g_string_append_c (out, '\n');
      /* TRANSLATORS: a tổ hội of the branch and how many members it has */
      g_string_append_printf (out, _("  %s (%s)\n"), g->name, n);
      members_text (out, g->members);
    }
  /* TRANSLATORS: a number of members, a date */
  g_string_append_printf (out, _("\n%s members on %s.\n"), count, day);
}

int
smt_cli_cmd_branch (int    argc,
                    char **argv)
{
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("Members on this day (default: today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) leaders = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const SmtBranchInfo *branch = NULL;
  guint64 branch_id = 0;
  int status;

  if ((status = smt_cli_parse_args ("branch", _("FILE BRANCH_ID"), entries, NULL, 3,
                                    _("Name the register and the branch's key: somattran branch "
                                       "FILE ID [--date 2026-10-31] [--json]\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &branch_id, NULL))
    {
      g_printerr (_("“%s” is not a branch's key. The key is a number, the last column of "
                    "“somattran branches”.\n"), argv[2]);
      return 2;
    }
  reg = smt_cli_open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if ((branches = smt_branches_list (reg, 0, date, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  for (guint i = 0; i < branches->len; i++)
    if (((const SmtBranchInfo *) g_ptr_array_index (branches, i))->id == (gint64) branch_id)
      branch = g_ptr_array_index (branches, i);
  if (branch == NULL)
    {
      g_printerr (_("There is no branch with the key %s on that day. Use a key from "
                    "“somattran branches”.\n"), argv[2]);
      return 2;
    }
  if ((leaders = smt_branch_leaders (reg, branch->id, &error)) == NULL
      || (members = smt_branch_member_groups (reg, branch->id, date, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    branch_json (out, branch, date != NULL ? date : smt_register_get_today (reg), leaders,
                 members);
  else
    branch_text (out, branch, date != NULL ? date : smt_register_get_today (reg), leaders,
                 members);
  fputs (out->str, stdout);
  return 0;
}

/* ---- event ------------------------------------------------------------------ */

int
smt_cli_cmd_event (int    argc,
                   char **argv)
{
  g_autofree char *org = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *document = NULL;
  g_autofree char *exception = NULL;
  gint64 branch_id = 0;
  gint64 voids = 0;
  GOptionEntry entries[] = {
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org,
      N_("The organisation (PN, ND…); not needed when a branch is named"), N_("CODE") },
    { "branch", 'b', 0, G_OPTION_ARG_INT64, &branch_id,
      N_("The branch joined (the key shown by “somattran branches”)"), "ID" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the event (default: today)"), N_("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why; required for a void"),
      N_("TEXT") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document,
      N_("The decision or document (quyết định số …)"), N_("TEXT") },
    { "exception", 0, 0, G_OPTION_ARG_STRING, &exception,
      N_("Admit outside the age or sex rule, recording why"), N_("TEXT") },
    { "voids", 0, 0, G_OPTION_ARG_INT64, &voids,
      N_("For a void: the key of the event to annul (from “somattran person”)"), "EVENT_ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) detail = NULL;
  g_autoptr(SmtPersonDetail) after = NULL;
  g_autofree char *date = NULL;
  g_autofree char *key = NULL;
  SmtMembershipChange change = { 0 };
  guint64 person_id = 0;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("event", _("FILE PERSON_ID KIND"), entries, NULL, 4,
                                    _("Name the register, the person's key and the kind of "
                                       "event: somattran event FILE ID admitted --branch ID "
                                       "[--date 2026-02-05]\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &person_id, NULL))
    {
      g_printerr (_("“%s” is not a person's key. The key is a number, the last column of "
                    "“somattran people”.\n"), argv[2]);
      return 2;
    }
  if (!smt_event_kind_from_string (argv[3], &change.kind) || change.kind == SMT_EVENT_DECEASED)
    {
      g_printerr (_("“%s” is not a kind of event. Use one of admitted, transferred, "
                    "transferred_in, transferred_out, left, removed, away, back, void.\n"),
                  argv[3]);
      return 2;
    }
  if (date_text != NULL && (date = smt_date_parse (date_text)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), date_text);
      return 2;
    }
  reg = smt_cli_open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if (org != NULL && (change.organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if ((detail = smt_person_detail_get (reg, (gint64) person_id, &error)) == NULL)
    return smt_cli_print_error (error, g_error_matches (error, SMT_REGISTER_ERROR,
                                                        SMT_REGISTER_ERROR_NOT_FOUND) ? 2 : 1);
  if (change.kind == SMT_EVENT_VOID)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < detail->timeline->len && !found; i++)
        found = ((SmtTimelineRow *) g_ptr_array_index (detail->timeline, i))->event_id == voids;
      if (!found)
        {
          g_printerr (_("The event to void is not in the history of %s. Give its key with "
                        "--voids, as “somattran person” shows it.\n"), detail->name);
          return 2;
        }
    }

  change.person_id = (gint64) person_id;
  change.branch_id = branch_id;
  change.date = date != NULL ? date : smt_register_get_today (reg);
  change.reason = reason;
  change.document = document;
  change.exception_note = exception;
  change.voids_event_id = voids;
  if ((id = smt_membership_record (reg, &change, &error)) == 0)
    return smt_cli_print_error (error, 2);

  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if ((after = smt_person_detail_get (reg, (gint64) person_id, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  for (guint i = 0; i < after->timeline->len; i++)
    {
      const SmtTimelineRow *t = g_ptr_array_index (after->timeline, i);
      g_autofree char *day = NULL;

      if (t->event_id != id)
        continue;
      day = smt_date_to_display (t->date);
      /* TRANSLATORS: "Kết nạp", the person, the branch or organisation, the date */
      g_print (_("Recorded: %s — %s (%s), on %s.\n"), t->kind, after->name,
               t->branch[0] != '\0' ? t->branch : t->organisation, day);
    }
  g_print (_("Key of the new event: %s\n"), key);
  return 0;
}

static void
events_json (GString   *out,
             GPtrArray *rows)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtEventRow *r = g_ptr_array_index (rows, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, r->id);
      smt_json_key (out, "kind", FALSE);
      smt_json_string (out, smt_event_kind_to_string (r->kind));
      smt_json_key (out, "date", FALSE);
      smt_json_string (out, r->date);
      smt_json_key (out, "person_id", FALSE);
      smt_json_int (out, r->person_id);
      smt_json_key (out, "person", FALSE);
      smt_json_string (out, r->person_name);
      smt_json_key (out, "organisation_id", FALSE);
      smt_json_int (out, r->organisation_id);
      smt_json_key (out, "branch_id", FALSE);
      smt_cli_json_int_or_null (out, r->branch_id, 0);
      smt_json_key (out, "branch", FALSE);
      smt_json_string (out, r->branch);
      smt_json_key (out, "from_branch", FALSE);
      smt_json_string (out, r->from_branch);
      smt_json_key (out, "reason", FALSE);
      smt_json_string (out, r->reason);
      smt_json_key (out, "document", FALSE);
      smt_json_string (out, r->document);
      smt_json_key (out, "voids", FALSE);
      smt_cli_json_int_or_null (out, r->voids_event_id, 0);
      smt_json_key (out, "voided", FALSE);
      smt_cli_json_bool (out, r->voided);
      smt_json_key (out, "restructure_id", FALSE);
      smt_cli_json_int_or_null (out, r->restructure_id, 0);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");
}

static void
events_text (GString   *out,
             GPtrArray *rows)
{
  guint counts[SMT_N_JOURNAL_KINDS];
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      const SmtEventRow *r = g_ptr_array_index (rows, i);
      g_autofree char *date = smt_date_to_display (r->date);
      g_autofree char *where = NULL;

      if (r->from_branch != NULL && r->branch != NULL)
        where = g_strdup_printf ("%s → %s", r->from_branch, r->branch);
      else
        where = g_strdup (r->branch != NULL ? r->branch : "");
      g_string_append_printf (out, "%s  ", date);
      smt_cli_append_padded (out, smt_journal_kind_label (r->journal_kind), 17);
      smt_cli_append_padded (out, r->person_name, 26);
      smt_cli_append_padded (out, r->organisation, 12);
      g_string_append_printf (out, "%s%s%s%s\n", where, *r->reason != '\0' ? " — " : "",
                              r->reason,
                              /* Translators: after an event that a later void annuls */
                              r->voided ? _(" (voided)") : "");
    }
  smt_events_count (rows, counts);
  for (int k = 0; k < SMT_N_JOURNAL_KINDS; k++)
    if (counts[k] > 0)
      {
        g_autofree char *n = smt_format_int (counts[k]);

        g_ptr_array_add (parts, g_strdup_printf ("%s %s", smt_journal_kind_label (k), n));
      }
  g_ptr_array_add (parts, NULL);
  if (rows->len == 0)
    g_string_append (out, _("No membership change in this period.\n"));
  else
    {
      g_autofree char *joined = g_strjoinv (" · ", (char **) parts->pdata);

      /* Translators: a summary line, "Tổng: Kết nạp 12 · Ra khỏi tổ chức 3" */
      g_string_append_printf (out, _("Total: %s\n"), joined);
    }
}

int
smt_cli_cmd_events (int    argc,
                    char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *month = NULL;
  g_autofree char *org = NULL;
  g_autofree char *kind = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("From this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Up to this day"), N_("YYYY-MM-DD") },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month,
      N_("One month (default: the current one)"), N_("YYYY-MM") },
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("Only this kind: admitted, imported, transferred, restructured, transferred_in, "
         "transferred_out, left, removed, away, back, deceased or void"), N_("KIND") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  SmtEventFilter filter = { NULL, NULL, 0, -1 };
  int k;
  int status;

  if ((status = smt_cli_parse_args ("events", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran events FILE [--month "
                                       "YYYY-MM]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if ((from_text != NULL && (from = smt_date_parse (from_text)) == NULL)
      || (to_text != NULL && (to = smt_date_parse (to_text)) == NULL))
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), from == NULL && from_text != NULL ? from_text : to_text);
      return 2;
    }
  if (from == NULL && to == NULL)
    {
      g_autoptr(SmtPeriod) period = NULL;

      if (month == NULL)
        month = g_strndup (smt_register_get_today (reg), 7);
      if ((period = smt_period_parse (month, &error)) == NULL
          || smt_period_get_kind (period) != SMT_PERIOD_MONTH)
        {
          g_printerr (_("“%s” is not a month: write it as YYYY-MM, for example 2026-02.\n"),
                      month);
          return 2;
        }
      from = g_strdup (smt_period_get_start (period));
      to = g_strdup (smt_period_get_end (period));
    }
  if (org != NULL && (filter.organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if (kind != NULL)
    {
      if (!smt_journal_kind_from_string (kind, &k))
        {
          g_printerr (_("“%s” is not a kind of event. Use one of admitted, imported, "
                        "transferred, restructured, transferred_in, transferred_out, left, "
                        "removed, away, back, deceased, void.\n"), kind);
          return 2;
        }
      filter.kind = k;
    }
  filter.from = from;
  filter.to = to;
  if ((rows = smt_events_list (reg, &filter, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    events_json (out, rows);
  else
    events_text (out, rows);
  fputs (out->str, stdout);
  return 0;
}
