/* smt-cli-household.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/people/smt-household-query.h"
#include "core/people/smt-households.h"
#include "core/people/smt-people.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-date.h"
#include "core/register/smt-text.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* People and households as the window's person dialogs change them:
 * person-add, person-edit, move, households, household, household-split. */

/* ---- helpers ------------------------------------------------------------------ */

/* The personal flags person-add and person-edit share; NULL: not given. */
typedef struct
{
  char *ho, *chu_lot, *ten, *sex, *born, *ethnicity, *religion, *cccd, *phone, *party_since,
       *note;
} PersonFlags;

static void
person_flags_clear (PersonFlags *f)
{
  g_free (f->ho);
  g_free (f->chu_lot);
  g_free (f->ten);
  g_free (f->sex);
  g_free (f->born);
  g_free (f->ethnicity);
  g_free (f->religion);
  g_free (f->cccd);
  g_free (f->phone);
  g_free (f->party_since);
  g_free (f->note);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PersonFlags, person_flags_clear)

#define PERSON_ENTRIES(f) \
    { "ho", 0, 0, G_OPTION_ARG_STRING, &(f).ho, N_("Family name (họ)"), N_("TEXT") }, \
    { "chu-lot", 0, 0, G_OPTION_ARG_STRING, &(f).chu_lot, N_("Middle name (chữ lót)"), \
      N_("TEXT") }, \
    { "ten", 0, 0, G_OPTION_ARG_STRING, &(f).ten, N_("Given name (tên), one word"), \
      N_("TEXT") }, \
    { "sex", 0, 0, G_OPTION_ARG_STRING, &(f).sex, N_("Sex"), "nam|nu" }, \
    { "born", 0, 0, G_OPTION_ARG_STRING, &(f).born, \
      N_("Date of birth, or the year alone when the day is not known"), \
      N_("YYYY[-MM-DD]") }, \
    { "ethnicity", 0, 0, G_OPTION_ARG_STRING, &(f).ethnicity, N_("Ethnicity (personal data)"), \
      N_("TEXT") }, \
    { "religion", 0, 0, G_OPTION_ARG_STRING, &(f).religion, N_("Religion (personal data)"), \
      N_("TEXT") }, \
    { "cccd", 0, 0, G_OPTION_ARG_STRING, &(f).cccd, N_("Citizen ID (CCCD), 12 digits"), \
      N_("DIGITS") }, \
    { "phone", 0, 0, G_OPTION_ARG_STRING, &(f).phone, N_("Phone number"), N_("DIGITS") }, \
    { "party-since", 0, 0, G_OPTION_ARG_STRING, &(f).party_since, \
      N_("Date of admission to the Party"), N_("YYYY-MM-DD") }, \
    { "note", 0, 0, G_OPTION_ARG_STRING, &(f).note, N_("A note"), N_("TEXT") }

static gboolean
parse_key (const char *text,
           const char *what_usage,
           gint64     *key)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr ("%s", what_usage);
      return FALSE;
    }
  *key = (gint64) value;
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            char       **iso)
{
  if (text == NULL)
    return TRUE;
  if ((*iso = smt_date_parse (text)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), text);
      return FALSE;
    }
  return TRUE;
}

static gint64
lookup_hamlet (SmtRegister *reg,
               const char  *name)
{
  gint64 id = smt_hamlet_lookup (reg, name);

  if (id == 0)
    g_printerr (_("There is no hamlet called “%s” in this register. Write its name as "
                  "the register has it, for example “Ấp 3”.\n"), name);
  return id;
}

/* Whether argv names --new-household: it takes two values, HAMLET and
 * ADDRESS, the second left among the arguments. */
static gboolean
has_new_household (int    argc,
                   char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--new-household") || g_str_has_prefix (argv[i], "--new-household="))
      return TRUE;
  return FALSE;
}

/* Fills fields from the flags given, over what fields holds already.
 * Strings point into flags or scratch; FALSE after saying what is wrong. */
static gboolean
apply_flags (const PersonFlags *flags,
             SmtPersonFields   *fields,
             GPtrArray         *scratch)
{
  if (flags->ho != NULL)
    fields->ho = flags->ho;
  if (flags->chu_lot != NULL)
    fields->chu_lot = flags->chu_lot;
  if (flags->ten != NULL)
    fields->ten = flags->ten;
  if (flags->sex != NULL)
    {
      g_autofree char *folded = smt_text_fold (flags->sex);

      if (g_strcmp0 (folded, "nam") == 0 || g_strcmp0 (folded, "m") == 0)
        fields->sex = SMT_SEX_MALE;
      else if (g_strcmp0 (folded, "nu") == 0 || g_strcmp0 (folded, "f") == 0)
        fields->sex = SMT_SEX_FEMALE;
      else
        {
          g_printerr (_("“%s” is not a sex: write nam or nu.\n"), flags->sex);
          return FALSE;
        }
    }
  if (flags->born != NULL)
    {
      char *iso = NULL;

      if (!smt_birth_parse (flags->born, &fields->birth_year, &iso))
        {
          g_printerr (_("“%s” is neither a year of birth nor a date of birth. Write 1962 or "
                        "1962-02-05.\n"), flags->born);
          return FALSE;
        }
      g_ptr_array_add (scratch, iso);
      fields->birth_date = iso;
    }
  if (flags->ethnicity != NULL)
    fields->ethnicity = flags->ethnicity;
  if (flags->religion != NULL)
    fields->religion = flags->religion;
  if (flags->cccd != NULL)
    fields->cccd = flags->cccd;
  if (flags->phone != NULL)
    fields->phone = flags->phone;
  if (flags->party_since != NULL)
    {
      char *iso = NULL;

      if (flags->party_since[0] != '\0' && !parse_date (flags->party_since, &iso))
        return FALSE;
      g_ptr_array_add (scratch, iso);
      fields->party_since = iso;
    }
  if (flags->note != NULL)
    fields->note = flags->note;
  return TRUE;
}

/* ---- person-add, person-edit ------------------------------------------------- */

int
smt_cli_cmd_person_add (int    argc,
                        char **argv)
{
  g_auto(PersonFlags) flags = { 0 };
  g_autofree char *new_hamlet = NULL;
  g_autofree char *from_text = NULL;
  gint64 household = 0;
  gboolean head = FALSE;
  GOptionEntry entries[] = {
    PERSON_ENTRIES (flags),
    { "household", 0, 0, G_OPTION_ARG_INT64, &household,
      N_("The household the person lives in (a key from “somattran households”)"), "ID" },
    { "new-household", 0, 0, G_OPTION_ARG_STRING, &new_hamlet,
      N_("A new household of the hamlet, at the ADDRESS given after it"),
      N_("HAMLET ADDRESS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The day the person lives there from (default: today)"), N_("YYYY-MM-DD") },
    { "head", 0, 0, G_OPTION_ARG_NONE, &head, N_("The person is the head of the household"),
      NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  SmtPersonFields fields = { .sex = 0 };
  gboolean new_one = has_new_household (argc, argv);
  gint64 hamlet = 0, id = 0;
  gboolean ok;
  int status;

  if ((status = smt_cli_parse_args ("person-add", _("FILE"), entries, NULL, new_one ? 3 : 2,
                                    _("Name the register and the person: somattran person-add "
                                       "FILE --ho H --chu-lot C --ten T --sex nam|nu --born "
                                       "YYYY[-MM-DD] [--household ID | --new-household HAMLET "
                                       "ADDRESS] [--from YYYY-MM-DD]\n"),
                                    &argc, &argv, NULL, &flags.ho, &flags.ten, &flags.sex,
                                    &flags.born, NULL)) != 0)
    return status;
  if (household != 0 && new_hamlet != NULL)
    {
      g_printerr (_("Give either --household or --new-household, not both.\n"));
      return 2;
    }
  if (!apply_flags (&flags, &fields, scratch) || !parse_date (from_text, &from))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (new_hamlet != NULL && (hamlet = lookup_hamlet (reg, new_hamlet)) == 0)
    return 2;

  /* The person, the household and the residence, all or nothing. */
  if (!smt_register_begin (reg, &error))
    return smt_cli_print_error (error, 1);
  ok = (id = smt_person_add (reg, &fields, &error)) != 0;
  if (ok && hamlet != 0)
    ok = (household = smt_household_add (reg, hamlet, argv[2], from, &error)) != 0;
  if (ok && household != 0)
    ok = smt_residence_move (reg, id, household,
                             from != NULL ? from : smt_register_get_today (reg),
                             head || hamlet != 0, "", &error) != 0;
  if (!ok || !smt_register_commit (reg, &error))
    {
      smt_register_rollback (reg);
      return smt_cli_print_error (error, 2);
    }
  {
    g_autoptr(SmtPersonDetail) d = smt_person_detail_get (reg, id, &error);

    if (d == NULL)
      return smt_cli_print_error (error, 1);
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_autofree char *household_key = g_strdup_printf ("%" G_GINT64_FORMAT, d->household_id);

    g_print (_("Added: %s.\n"), d->name);
    if (d->household_id != 0)
      g_print (_("Lives in: %s (household %s).\n"), d->household, household_key);
    g_print (_("Key of the new person: %s\n"), key);
  }
  return 0;
}

int
smt_cli_cmd_person_edit (int    argc,
                         char **argv)
{
  g_auto(PersonFlags) flags = { 0 };
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    PERSON_ENTRIES (flags),
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why the record changes (required)"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) d = NULL;
  g_autoptr(SmtPersonDetail) after = NULL;
  g_autoptr(GPtrArray) scratch = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *why = NULL;
  SmtPersonFields fields;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("person-edit", _("FILE ID"), entries, NULL, 3,
                                    _("Name the register, the person's key and why: "
                                       "somattran person-edit FILE ID [--phone …] --reason TEXT\n"),
                                    &argc, &argv, NULL, &reason, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], _("The person's key is a number, the last column of “somattran "
                             "people”.\n"), &id))
    return 2;
  why = smt_text_normalize (reason);
  if (why == NULL || why[0] == '\0')
    {
      g_printerr (_("Say why the record changes with --reason: the register keeps the old "
                    "values and the reason.\n"));
      return 2;
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((d = smt_person_detail_get (reg, id, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  fields = (SmtPersonFields) {
    .ho = d->ho, .chu_lot = d->chu_lot, .ten = d->ten, .sex = d->sex,
    .birth_date = d->birth_date, .birth_year = d->birth_year, .ethnicity = d->ethnicity,
    .religion = d->religion, .cccd = d->cccd, .phone = d->phone, .party_since = d->party_since,
    .note = d->note,
  };
  if (!apply_flags (&flags, &fields, scratch))
    return 2;
  if (!smt_person_update (reg, id, &fields, why, &error))
    return smt_cli_print_error (error, 2);
  if ((after = smt_person_detail_get (reg, id, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  g_print (_("Changed: %s.\n"), after->name);
  return 0;
}

/* ---- move ----------------------------------------------------------------------- */

int
smt_cli_cmd_move (int    argc,
                  char **argv)
{
  g_autofree char *new_hamlet = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *reason = NULL;
  gint64 household = 0;
  gboolean out = FALSE, head = FALSE;
  GOptionEntry entries[] = {
    { "household", 0, 0, G_OPTION_ARG_INT64, &household,
      N_("The household moved into (a key from “somattran households”)"), "ID" },
    { "new-household", 0, 0, G_OPTION_ARG_STRING, &new_hamlet,
      N_("A new household of the hamlet, at the ADDRESS given after it; the person becomes "
         "its head"), N_("HAMLET ADDRESS") },
    { "out", 0, 0, G_OPTION_ARG_NONE, &out, N_("The person leaves the commune"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The day of the move"),
      N_("YYYY-MM-DD") },
    { "head", 0, 0, G_OPTION_ARG_NONE, &head, N_("The person becomes the head of the household"),
      NULL },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) d = NULL;
  g_autofree char *from = NULL;
  gboolean new_one = has_new_household (argc, argv);
  gint64 person, hamlet = 0;
  int status;

  if ((status = smt_cli_parse_args ("move", _("FILE PERSON_ID"), entries, NULL,
                                    new_one ? 4 : 3,
                                    _("Name the register, the person's key, where to and from "
                                       "when: somattran move FILE PERSON_ID (--household ID | "
                                       "--new-household HAMLET ADDRESS | --out) --from "
                                       "YYYY-MM-DD\n"),
                                    &argc, &argv, NULL, &from_text, NULL)) != 0)
    return status;
  if ((household != 0) + (new_hamlet != NULL) + (out != FALSE) != 1)
    {
      g_printerr (_("Say where the person moves: one of --household ID, --new-household "
                    "HAMLET ADDRESS or --out.\n"));
      return 2;
    }
  if (!parse_key (argv[2], _("The person's key is a number, the last column of “somattran "
                             "people”.\n"), &person)
      || !parse_date (from_text, &from))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (new_hamlet != NULL)
    {
      gint64 people[1] = { person };

      if ((hamlet = lookup_hamlet (reg, new_hamlet)) == 0)
        return 2;
      household = smt_household_form (reg, hamlet, argv[3], from, people, 1, person, reason,
                                       NULL, &error);
      if (household == 0)
        return smt_cli_print_error (error, 2);
    }
  else if (smt_residence_move (reg, person, household, from, head, reason, &error) == 0)
    return smt_cli_print_error (error, 2);
  if ((d = smt_person_detail_get (reg, person, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *day = smt_date_to_display (from);

    if (household != 0)
      {
        g_autoptr(SmtHouseholdInfo) h = smt_household_get (reg, household, &error);

        if (h == NULL)
          return smt_cli_print_error (error, 1);
        g_print (_("Recorded: %s lives in %s from %s.\n"), d->name, h->label, day);
      }
    else
      g_print (_("Recorded: %s leaves the commune on %s.\n"), d->name, day);
  }
  return 0;
}

/* ---- households, household --------------------------------------------------- */

int
smt_cli_cmd_households (int    argc,
                        char **argv)
{
  g_autofree char *hamlet_name = NULL;
  g_autofree char *search = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "hamlet", 0, 0, G_OPTION_ARG_STRING, &hamlet_name, N_("The hamlet's households"),
      N_("NAME") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Households whose address or head's name contains the text, ignoring tones"),
      N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 hamlet = 0;
  int status;

  if ((status = smt_cli_parse_args ("households", _("FILE"), entries, NULL, 2,
                                    _("Name the register and the hamlet: somattran households "
                                       "FILE --hamlet NAME [--json]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (hamlet_name == NULL && search == NULL)
    {
      g_printerr (_("Name the hamlet with --hamlet NAME, or search with --search TEXT.\n"));
      return 2;
    }
  if (hamlet_name != NULL && (hamlet = lookup_hamlet (reg, hamlet_name)) == 0)
    return 2;
  list = search != NULL ? smt_households_search (reg, search, 0, &error)
                        : smt_households_list (reg, hamlet, NULL, &error);
  if (list == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    g_string_append_c (out, '[');
  else
    {
      smt_cli_append_padded (out, _("Key"), 21);
      smt_cli_append_padded (out, _("Hamlet"), 16);
      smt_cli_append_padded (out, _("Address"), 32);
      smt_cli_append_padded (out, _("Head of household"), 28);
      g_string_append_printf (out, "%s\n", _("Living there"));
    }
  for (guint i = 0; i < list->len; i++)
    {
      const SmtHouseholdInfo *h = g_ptr_array_index (list, i);

      if (hamlet != 0 && h->hamlet_id != hamlet)
        continue;
      if (json)
        {
          if (out->len > 1)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, h->id);
          smt_json_key (out, "hamlet", FALSE);
          smt_json_string (out, h->hamlet);
          smt_json_key (out, "address", FALSE);
          smt_json_string (out, h->address);
          smt_json_key (out, "head_id", FALSE);
          if (h->head_id != 0)
            smt_json_int (out, h->head_id);
          else
            g_string_append (out, "null");
          smt_json_key (out, "head", FALSE);
          smt_json_string (out, h->head);
          smt_json_key (out, "members", FALSE);
          smt_json_int (out, h->members);
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, h->id);

          smt_cli_append_padded (out, key, 21);
          smt_cli_append_padded (out, h->hamlet, 16);
          smt_cli_append_padded (out, h->address[0] != '\0' ? h->address : "—", 32);
          smt_cli_append_padded (out, h->head[0] != '\0' ? h->head : "—", 28);
          g_string_append_printf (out, "%u\n", h->members);
        }
    }
  if (json)
    g_string_append (out, "]\n");
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_household (int    argc,
                       char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtHouseholdInfo) h = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("household", _("FILE ID"), entries, NULL, 3,
                                    _("Name the register and the household's key: somattran "
                                       "household FILE ID\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], _("The household's key is a number, the first column of "
                             "“somattran households”.\n"), &id))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((h = smt_household_get (reg, id, &error)) == NULL
      || (members = smt_household_members (reg, id, NULL, &error)) == NULL)
    return smt_cli_print_error (error, g_error_matches (error, SMT_REGISTER_ERROR,
                                                        SMT_REGISTER_ERROR_NOT_FOUND) ? 2 : 1);
  if (json)
    {
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, h->id);
      smt_json_key (out, "hamlet", FALSE);
      smt_json_string (out, h->hamlet);
      smt_json_key (out, "address", FALSE);
      smt_json_string (out, h->address);
      smt_json_key (out, "members", FALSE);
      g_string_append_c (out, '[');
      for (guint i = 0; i < members->len; i++)
        {
          const SmtHouseholdMember *m = g_ptr_array_index (members, i);
          char sex[2] = { m->sex, '\0' };

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "person_id", TRUE);
          smt_json_int (out, m->person_id);
          smt_json_key (out, "name", FALSE);
          smt_json_string (out, m->name);
          smt_json_key (out, "sex", FALSE);
          smt_json_string (out, sex);
          smt_json_key (out, "birth_year", FALSE);
          smt_json_int (out, m->birth_year);
          smt_json_key (out, "head", FALSE);
          smt_cli_json_bool (out, m->head);
          smt_json_key (out, "since", FALSE);
          smt_json_string (out, m->since);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}\n");
      fputs (out->str, stdout);
      return 0;
    }
  g_string_append_printf (out, "%s\n", h->label);
  g_string_append_printf (out, ngettext ("%u person lives here today:\n",
                                         "%u people live here today:\n", members->len),
                          members->len);
  for (guint i = 0; i < members->len; i++)
    {
      const SmtHouseholdMember *m = g_ptr_array_index (members, i);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, m->person_id);
      g_autofree char *since = smt_date_to_display (m->since);
      g_autofree char *born = g_strdup_printf ("%d", m->birth_year);

      g_string_append (out, "  ");
      smt_cli_append_padded (out, key, 21);
      smt_cli_append_padded (out, m->name, 28);
      smt_cli_append_padded (out, m->sex == 'F' ? C_("sex", "Female") : C_("sex", "Male"), 6);
      smt_cli_append_padded (out, born, 6);
      smt_cli_append_padded (out, m->head ? _("head of household") : "", 18);
      /* Translators: the day a person began to live in a household */
      g_string_append_printf (out, _("since %s"), since);
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);
  return 0;
}

/* ---- household-split ---------------------------------------------------------- */

int
smt_cli_cmd_household_split (int    argc,
                             char **argv)
{
  g_autofree char *hamlet_name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *reason = NULL;
  gint64 head = 0;
  GOptionEntry entries[] = {
    { "hamlet", 0, 0, G_OPTION_ARG_STRING, &hamlet_name, N_("The new household's hamlet"),
      N_("NAME") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("The new household's address"),
      N_("TEXT") },
    { "head", 0, 0, G_OPTION_ARG_INT64, &head, N_("The new household's head, one of those moving"),
      "PERSON_ID" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("The day of the split"),
      N_("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE HOUSEHOLD_ID PERSON_ID…"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SmtHouseholdInfo) old = NULL;
  g_autoptr(SmtHouseholdInfo) made = NULL;
  g_autofree char *from = NULL;
  gint64 household, hamlet, created;

  /* Any number of people: parsed here rather than by smt_cli_parse_args. */
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      smt_cli_print_error (error, 2);
      g_printerr (_("Run “somattran %s --help” to see how to use it.\n"), "household-split");
      return 2;
    }
  if (argc < 4 || hamlet_name == NULL || address == NULL || head == 0 || from_text == NULL)
    {
      g_printerr (_("Name the register, the household, the people who form the new one, its "
                    "hamlet, address, head and the day: somattran household-split FILE "
                    "HOUSEHOLD_ID PERSON_ID… --hamlet NAME --address TEXT --head PERSON_ID "
                    "--from YYYY-MM-DD\n"));
      return 2;
    }
  if (!parse_key (argv[2], _("The household's key is a number, the first column of "
                             "“somattran households”.\n"), &household))
    return 2;
  for (int i = 3; i < argc; i++)
    {
      gint64 person;

      if (!parse_key (argv[i], _("The person's key is a number, the last column of “somattran "
                                 "people”.\n"), &person))
        return 2;
      g_array_append_val (people, person);
    }
  if (!parse_date (from_text, &from))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((hamlet = lookup_hamlet (reg, hamlet_name)) == 0)
    return 2;
  created = smt_household_split (reg, household, hamlet, address, from,
                                 (const gint64 *) people->data, people->len, head,
                                 reason != NULL ? reason : _("Household split"), NULL, &error);
  if (created == 0)
    return smt_cli_print_error (error, 2);
  if ((old = smt_household_get (reg, household, &error)) == NULL
      || (made = smt_household_get (reg, created, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  g_print (_("Recorded: %s is split from %s.\n"), made->label, old->label);
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, created);

    g_print (_("Key of the new household: %s\n"), key);
  }
  return 0;
}
