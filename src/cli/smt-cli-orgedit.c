/* smt-cli-orgedit.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/organisations/smt-admission-query.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/register/smt-text.h"
#include "smt-cli-private.h"

/* Editing organisations, branches and leaders, and bulk admission: what
 * the Tổ chức và chi hội view's dialogs do. */

/* ---- shared -------------------------------------------------------------------- */

/* A key argument: a positive number, else a message and FALSE. */
static gboolean
parse_key (const char *text,
           const char *what,
           gint64     *key)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      /* Translators: a text given on the command line, then what it should be the key of */
      g_printerr (_("“%s” is not the key of a %s. A key is a number, as the lists show it.\n"),
                  text, what);
      return FALSE;
    }
  *key = (gint64) value;
  return TRUE;
}

/* A key as text, for messages (xgettext cannot read G_GINT64_FORMAT);
 * valid until the next call. */
static const char *
key_text (gint64 key)
{
  static char buffer[24];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, key);
  return buffer;
}

/* An optional YYYY-MM-DD date into *iso (NULL when not given). */
static gboolean
parse_date (const char  *text,
            char       **iso)
{
  if (text == NULL)
    {
      *iso = NULL;
      return TRUE;
    }
  if ((*iso = smt_date_parse (text)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), text);
      return FALSE;
    }
  return TRUE;
}

/* ---- organisations --------------------------------------------------------------- */

/* The options org-add and org-edit share; ages are -2 when not given. */
typedef struct
{
  char *name;
  char *short_name;
  char *member_word;
  char *kind;
  int   min_age;
  int   max_age;
  char *sex;
  char *trait;
  char *reason;
} OrgOptions;

static void
org_options_clear (OrgOptions *o)
{
  g_clear_pointer (&o->name, g_free);
  g_clear_pointer (&o->short_name, g_free);
  g_clear_pointer (&o->member_word, g_free);
  g_clear_pointer (&o->kind, g_free);
  g_clear_pointer (&o->sex, g_free);
  g_clear_pointer (&o->trait, g_free);
  g_clear_pointer (&o->reason, g_free);
}

/* --trait CODE (or none) over f->trait_id; FALSE after a message when the
 * register has no such trait. */
static gboolean
org_options_apply_trait (const OrgOptions      *o,
                         SmtRegister           *reg,
                         SmtOrganisationFields *f)
{
  g_autofree char *folded = NULL;

  if (o->trait == NULL)
    return TRUE;
  folded = smt_text_fold (o->trait);
  if (g_strcmp0 (folded, "none") == 0 || g_strcmp0 (folded, "") == 0)
    {
      f->trait_id = 0;
      return TRUE;
    }
  if ((f->trait_id = smt_trait_lookup (reg, o->trait)) == 0)
    {
      g_printerr (_("There is no trait with the code “%s”. See the codes with somattran "
                    "traits FILE, or write none for no trait.\n"), o->trait);
      return FALSE;
    }
  return TRUE;
}

/* Applies the options given over fields (which hold the current values);
 * FALSE after a message when one is not understood. */
static gboolean
org_options_apply (const OrgOptions      *o,
                   SmtOrganisationFields *f)
{
  if (o->name != NULL)
    f->name = o->name;
  if (o->short_name != NULL)
    f->short_name = o->short_name;
  if (o->member_word != NULL)
    f->member_word = o->member_word;
  if (o->kind != NULL)
    {
      if (g_strcmp0 (o->kind, "political") == 0)
        f->kind = SMT_ORGANISATION_SOCIO_POLITICAL;
      else if (g_strcmp0 (o->kind, "mass") == 0)
        f->kind = SMT_ORGANISATION_MASS;
      else
        {
          g_printerr (_("“%s” is not a kind of organisation. Use political (chính trị – xã "
                        "hội) or mass (đoàn thể quần chúng).\n"), o->kind);
          return FALSE;
        }
    }
  if (o->min_age != -2)
    f->min_age = o->min_age < 0 ? -1 : o->min_age;
  if (o->max_age != -2)
    f->max_age = o->max_age < 0 ? -1 : o->max_age;
  if (o->sex != NULL)
    {
      g_autofree char *folded = smt_text_fold (o->sex);

      if (g_strcmp0 (folded, "nam") == 0)
        f->sex = 'M';
      else if (g_strcmp0 (folded, "nu") == 0)
        f->sex = 'F';
      else if (g_strcmp0 (folded, "any") == 0)
        f->sex = 0;
      else
        {
          g_printerr (_("“%s” is not a sex rule. Use nam, nu, or any for no rule.\n"), o->sex);
          return FALSE;
        }
    }
  return TRUE;
}

#define ORG_ENTRIES(o) \
    { "short", 's', 0, G_OPTION_ARG_STRING, &(o).short_name, \
      N_("The short name (Phụ nữ, Nông dân…)"), N_("TEXT") }, \
    { "member-word", 'w', 0, G_OPTION_ARG_STRING, &(o).member_word, \
      N_("What a member is called: hội viên (default) or đoàn viên"), N_("TEXT") }, \
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &(o).kind, \
      N_("political (chính trị – xã hội, default) or mass (đoàn thể quần chúng)"), \
      N_("KIND") }, \
    { "min-age", 0, 0, G_OPTION_ARG_INT, &(o).min_age, \
      N_("The youngest age admitted; -1: no limit"), "N" }, \
    { "max-age", 0, 0, G_OPTION_ARG_INT, &(o).max_age, \
      N_("The oldest age admitted; -1: no limit"), "N" }, \
    { "sex", 0, 0, G_OPTION_ARG_STRING, &(o).sex, \
      N_("Who may join: nam, nu, or any"), N_("SEX") }, \
    { "trait", 0, 0, G_OPTION_ARG_STRING, &(o).trait, \
      N_("A trait members must have when they join (CQN, NLD… see traits); none: no trait"), \
      N_("CODE") }

int
smt_cli_cmd_org_add (int    argc,
                     char **argv)
{
  OrgOptions o = { .min_age = -2, .max_age = -2 };
  GOptionEntry entries[] = { ORG_ENTRIES (o), { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  SmtOrganisationFields f = { .kind = SMT_ORGANISATION_SOCIO_POLITICAL, .min_age = -1,
                              .max_age = -1, .member_word = "hội viên" };
  gint64 id;
  int status;

  status = smt_cli_parse_args ("org-add", _("FILE CODE NAME"), entries, NULL, 4,
                               _("Name the register, the new organisation's code and name: "
                                 "somattran org-add FILE NCT \"Hội Người cao tuổi\" --short "
                                 "\"Người cao tuổi\"\n"),
                               &argc, &argv, &reg, &o.short_name, NULL);
  if (status != 0 || !org_options_apply (&o, &f) || !org_options_apply_trait (&o, reg, &f))
    {
      org_options_clear (&o);
      return status != 0 ? status : 2;
    }
  f.code = argv[2];
  f.name = argv[3];
  /* After the organisations already there. */
  if ((list = smt_organisations_list (reg, &error)) == NULL)
    {
      org_options_clear (&o);
      return smt_cli_print_error (error, 1);
    }
  for (guint i = 0; i < list->len; i++)
    f.position = MAX (f.position,
                      ((SmtOrganisationInfo *) g_ptr_array_index (list, i))->position + 1);
  id = smt_organisation_add (reg, &f, &error);
  org_options_clear (&o);
  if (id == 0)
    return smt_cli_print_error (error, 2);
  g_print (_("Added the organisation %s (%s), key %s.\n"), f.code, f.name, key_text (id));
  return 0;
}

int
smt_cli_cmd_org_edit (int    argc,
                      char **argv)
{
  OrgOptions o = { .min_age = -2, .max_age = -2 };
  GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &o.name, N_("The full name"), N_("TEXT") },
    ORG_ENTRIES (o),
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &o.reason, N_("Why the change (kept in the "
      "change log)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SmtOrganisationInfo *info = NULL;
  SmtOrganisationFields f = { 0 };
  gboolean ok;
  int status;

  status = smt_cli_parse_args ("org-edit", _("FILE CODE"), entries, NULL, 3,
                               _("Name the register and the organisation's code, the fields "
                                 "to change and why: somattran org-edit FILE DTN --max-age 35 "
                                 "--reason \"Điều lệ mới\"\n"),
                               &argc, &argv, &reg, &o.reason, NULL);
  if (status != 0)
    {
      org_options_clear (&o);
      return status;
    }
  if ((list = smt_organisations_list (reg, &error)) == NULL)
    {
      org_options_clear (&o);
      return smt_cli_print_error (error, 1);
    }
  for (guint i = 0; i < list->len && info == NULL; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (list, i))->code, argv[2]) == 0)
      info = g_ptr_array_index (list, i);
  if (info == NULL)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), argv[2]);
      org_options_clear (&o);
      return 2;
    }
  f.code = info->code;
  f.name = info->name;
  f.short_name = info->short_name;
  f.member_word = info->member_word;
  f.kind = info->socio_political ? SMT_ORGANISATION_SOCIO_POLITICAL : SMT_ORGANISATION_MASS;
  f.min_age = info->min_age;
  f.max_age = info->max_age;
  f.sex = info->sex;
  f.position = info->position;
  f.trait_id = info->trait_id;
  if (!org_options_apply (&o, &f) || !org_options_apply_trait (&o, reg, &f))
    {
      org_options_clear (&o);
      return 2;
    }
  ok = smt_organisation_update (reg, info->id, &f, o.reason, &error);
  org_options_clear (&o);
  if (!ok)
    return smt_cli_print_error (error, 2);
  g_print (_("Changed the organisation %s (%s).\n"), f.code, f.name);
  return 0;
}

/* ---- branches -------------------------------------------------------------------- */

/* The stored kind of branch for KIND as typed, tones and case ignored;
 * "liên ấp" is the organisation's usual kind serving several hamlets. */
static const char *
branch_kind_from (const char                *text,
                  const SmtOrganisationInfo *org,
                  gboolean                  *several)
{
  static const char *kinds[] = { "chi hội", "chi đoàn", "tổ hội", "công đoàn cơ sở" };
  g_autofree char *folded = smt_text_fold (text);

  g_strdelimit (folded, "-_", ' ');
  *several = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *k = smt_text_fold (kinds[i]);

      if (g_strcmp0 (folded, k) == 0)
        return kinds[i];
    }
  if (g_strcmp0 (folded, "lien ap") == 0)
    {
      *several = TRUE;
      return g_strcmp0 (org->member_word, "đoàn viên") == 0 ? "chi đoàn" : "chi hội";
    }
  return NULL;
}

int
smt_cli_cmd_branch_add (int    argc,
                        char **argv)
{
  g_auto(GStrv) hamlets = NULL;
  g_autofree char *founded_text = NULL;
  gint64 parent_id = 0;
  GOptionEntry entries[] = {
    { "hamlet", 'H', 0, G_OPTION_ARG_STRING_ARRAY, &hamlets,
      N_("A hamlet the branch serves; repeat for a liên ấp branch"), N_("NAME") },
    { "parent", 'p', 0, G_OPTION_ARG_INT64, &parent_id,
      N_("For a tổ hội: the key of its chi hội"), "ID" },
    { "founded", 'f', 0, G_OPTION_ARG_STRING, &founded_text,
      N_("The day it was founded (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) hamlet_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *founded = NULL;
  const SmtOrganisationInfo *org = NULL;
  const char *kind;
  gboolean several;
  gint64 id;
  int status;

  status = smt_cli_parse_args ("branch-add", _("FILE ORG_CODE KIND NAME"), entries, NULL, 5,
                               _("Name the register, the organisation's code, the kind (chi "
                                 "hội, chi đoàn, tổ hội, liên ấp, công đoàn cơ sở) and the "
                                 "name: somattran branch-add FILE PN \"chi hội\" \"Chi hội Phụ "
                                 "nữ Ấp 3\" --hamlet \"Ấp 3\"\n"),
                               &argc, &argv, &reg, NULL);
  if (status != 0)
    return status;
  if (!parse_date (founded_text, &founded))
    return 2;
  if ((list = smt_organisations_list (reg, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  for (guint i = 0; i < list->len && org == NULL; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (list, i))->code, argv[2]) == 0)
      org = g_ptr_array_index (list, i);
  if (org == NULL)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), argv[2]);
      return 2;
    }
  if ((kind = branch_kind_from (argv[3], org, &several)) == NULL)
    {
      g_printerr (_("“%s” is not a kind of branch. Use chi hội, chi đoàn, tổ hội, liên ấp "
                    "or công đoàn cơ sở.\n"), argv[3]);
      return 2;
    }
  for (guint i = 0; hamlets != NULL && hamlets[i] != NULL; i++)
    {
      gint64 h = smt_hamlet_lookup (reg, hamlets[i]);

      if (h == 0)
        {
          g_printerr (_("There is no hamlet named “%s”. Write its name as the list of "
                        "hamlets shows it.\n"), hamlets[i]);
          return 2;
        }
      g_array_append_val (hamlet_ids, h);
    }
  if (several && hamlet_ids->len < 2)
    {
      g_printerr (_("A liên ấp branch serves several hamlets. Name each with --hamlet.\n"));
      return 2;
    }
  id = smt_branch_add (reg, org->id, parent_id, kind, argv[4], (gint64 *) hamlet_ids->data,
                       hamlet_ids->len, founded != NULL ? founded : smt_register_get_today (reg),
                       &error);
  if (id == 0)
    return smt_cli_print_error (error, 2);
  g_print (_("Added the branch “%s” (%s), key %s.\n"), argv[4], kind, key_text (id));
  return 0;
}

int
smt_cli_cmd_branch_dissolve (int    argc,
                             char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day it is dissolved"),
      N_("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *date = NULL;
  gint64 branch_id;
  int status;

  status = smt_cli_parse_args ("branch-dissolve", _("FILE BRANCH_ID"), entries, NULL, 3,
                               _("Name the register, the branch's key, the day and why: "
                                 "somattran branch-dissolve FILE 12 --date 2026-02-05 --reason "
                                 "\"sáp nhập ấp\"\n"),
                               &argc, &argv, NULL, &date_text, &reason, NULL);
  if (status != 0)
    return status;
  if (!parse_key (argv[2], _("branch"), &branch_id) || !parse_date (date_text, &date))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (!smt_branch_dissolve (reg, branch_id, date, reason, &error))
    return smt_cli_print_error (error, 2);
  g_print (_("Dissolved the branch %s on %s.\n"), argv[2], date_text);
  return 0;
}

/* ---- leaders --------------------------------------------------------------------- */

int
smt_cli_cmd_leader_appoint (int    argc,
                            char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *reason = NULL;
  gboolean deputy = FALSE;
  GOptionEntry entries[] = {
    { "deputy", 0, 0, G_OPTION_ARG_NONE, &deputy, N_("A deputy, not the leader"), NULL },
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text, N_("The first day of the term"),
      N_("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why (elected at the congress…)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *from = NULL;
  gint64 branch_id, person_id, id;
  int status;

  status = smt_cli_parse_args ("leader-appoint", _("FILE BRANCH_ID PERSON_ID"), entries, NULL,
                               4, _("Name the register, the branch's key, the person's key and "
                                    "the first day: somattran leader-appoint FILE 12 345 --from "
                                    "2026-02-05\n"),
                               &argc, &argv, NULL, &from_text, NULL);
  if (status != 0)
    return status;
  if (!parse_key (argv[2], _("branch"), &branch_id)
      || !parse_key (argv[3], _("person"), &person_id) || !parse_date (from_text, &from))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  id = smt_leader_appoint (reg, branch_id, person_id,
                           deputy ? SMT_LEADER_DEPUTY : SMT_LEADER_LEADER, from, reason, &error);
  if (id == 0)
    return smt_cli_print_error (error, 2);
  g_print (_("Appointed from %s; key of the term: %s\n"), from_text, key_text (id));
  return 0;
}

int
smt_cli_cmd_leader_end (int    argc,
                        char **argv)
{
  g_autofree char *to_text = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text, N_("The last day of the term"),
      N_("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why the term ends"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *to = NULL;
  gint64 leader_id, id;
  int status;

  status = smt_cli_parse_args ("leader-end", _("FILE LEADER_ID"), entries, NULL, 3,
                               _("Name the register, the term's key (from “somattran branch”), "
                                 "the last day and why: somattran leader-end FILE 77 --to "
                                 "2026-02-05 --reason \"hết nhiệm kỳ\"\n"),
                               &argc, &argv, NULL, &to_text, &reason, NULL);
  if (status != 0)
    return status;
  if (!parse_key (argv[2], _("leader's term"), &leader_id) || !parse_date (to_text, &to))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((id = smt_leader_end (reg, leader_id, to, reason, &error)) == 0)
    return smt_cli_print_error (error, 2);
  g_print (_("The term ends on %s; key of the new row: %s\n"), to_text, key_text (id));
  return 0;
}

/* ---- bulk admission -------------------------------------------------------------- */

int
smt_cli_cmd_candidates (int    argc,
                        char **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search,
      N_("Only names containing this text, tones and case ignored"), N_("TEXT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the admission (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  gint64 branch_id;
  int status;

  status = smt_cli_parse_args ("candidates", _("FILE BRANCH_ID"), entries, NULL, 3,
                               _("Name the register and the branch's key: somattran candidates "
                                 "FILE 12 [--search \"nguyen van\"]\n"),
                               &argc, &argv, NULL, NULL);
  if (status != 0)
    return status;
  if (!parse_key (argv[2], _("branch"), &branch_id) || !parse_date (date_text, &date))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((list = smt_admission_candidates (reg, branch_id, date, search, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  for (guint i = 0; i < list->len; i++)
    {
      const SmtAdmissionCandidate *c = g_ptr_array_index (list, i);

      /* Translators: key, name, sex, birth year, age, hamlet: one line per person */
      g_string_append_printf (out, _("%s\t%s\t%s\t%d\t%d years\t%s\n"),
                              key_text (c->person_id), c->full_name,
                              c->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"),
                              c->birth_year, c->age, c->hamlet);
    }
  count = smt_format_int (list->len);
  g_string_append_printf (out, _("%s people can be admitted.\n"), count);
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_admit (int    argc,
                   char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the admission"),
      N_("YYYY-MM-DD") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision,
      N_("The decision (quyết định số …)"), N_("TEXT") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) persons = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  gint64 branch_id, failed = 0;

  /* Any number of people: parsed here, not by smt_cli_parse_args. */
  context = g_option_context_new (_("FILE BRANCH_ID PERSON_ID…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      smt_cli_print_error (error, 2);
      g_printerr (_("Run “somattran %s --help” to see how to use it.\n"), "admit");
      return 2;
    }
  if (argc < 4 || date_text == NULL)
    {
      g_printerr (_("Name the register, the branch's key, the people's keys and the day: "
                    "somattran admit FILE 12 345 346 347 --date 2026-02-05 [--decision "
                    "\"12/QĐ\"] [--reason TEXT]\n"));
      return 2;
    }
  if (!parse_key (argv[2], _("branch"), &branch_id) || !parse_date (date_text, &date))
    return 2;
  for (int i = 3; i < argc; i++)
    {
      gint64 id;

      if (!parse_key (argv[i], _("person"), &id))
        return 2;
      g_array_append_val (persons, id);
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (!smt_admission_admit (reg, branch_id, (gint64 *) persons->data, persons->len, date,
                            decision, reason, events, &failed, &error))
    return smt_cli_print_error (error, 2);
  count = smt_format_int (events->len);
  g_print (_("Admitted %s people on %s. Keys of the new events:"), count, date_text);
  for (guint i = 0; i < events->len; i++)
    g_print (" %" G_GINT64_FORMAT, g_array_index (events, gint64, i));
  g_print ("\n");
  return 0;
}
