/* smt-cli-traits.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/people/smt-traits.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* The traits that make people eligible beyond age and sex (cựu quân nhân,
 * người lao động …): the list the office edits (traits, trait-add,
 * trait-edit, trait-delete) and a person's records (person-traits,
 * trait-set, trait-end, trait-void), as the Cài đặt view, the person
 * dialog and the person page do. */

/* A key argument: a positive number, else a message and FALSE. */
static gboolean
parse_key (const char *text,
           gint64     *key)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr (_("“%s” is not a key. A key is a number, as the lists show it.\n"), text);
      return FALSE;
    }
  *key = (gint64) value;
  return TRUE;
}

/* An optional date, written YYYY-MM-DD or dd/mm/yyyy, into *iso (NULL
 * when not given); FALSE after a message. */
static gboolean
parse_date (const char  *text,
            char       **iso)
{
  *iso = NULL;
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

/* The trait of a code, 0 after a message. */
static gint64
trait_of (SmtRegister *reg,
          const char  *code)
{
  gint64 id = smt_trait_lookup (reg, code);

  if (id == 0)
    g_printerr (_("There is no trait with the code “%s”. See the codes with somattran "
                  "traits FILE.\n"), code);
  return id;
}

/* A key as text, for messages (xgettext cannot read G_GINT64_FORMAT). */
static char *
key_text (gint64 key)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, key);
}

/* ---- the list ---------------------------------------------------------------------- */

static void
traits_write (GString     *out,
              SmtRegister *reg,
              GPtrArray   *list,
              gboolean     json)
{
  if (json)
    g_string_append_c (out, '[');
  else
    {
      smt_cli_append_padded (out, _("Code"), 8);
      smt_cli_append_padded (out, _("Trait"), 38);
      smt_cli_append_right (out, _("People today"), 14);
      g_string_append_printf (out, "  %s\n", _("Asked for by"));
    }
  for (guint i = 0; i < list->len; i++)
    {
      const SmtTraitInfo *t = g_ptr_array_index (list, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, t->id);
          smt_json_key (out, "code", FALSE);
          smt_json_string (out, t->code);
          smt_json_key (out, "name", FALSE);
          smt_json_string (out, t->name);
          smt_json_key (out, "position", FALSE);
          smt_json_int (out, t->position);
          smt_json_key (out, "people", FALSE);
          smt_json_int (out, t->people);
          smt_json_key (out, "organisations", FALSE);
          smt_json_string (out, t->organisations);
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *people = smt_format_int (t->people);

          smt_cli_append_padded (out, t->code, 8);
          smt_cli_append_padded (out, t->name, 38);
          smt_cli_append_right (out, people, 14);
          g_string_append_printf (out, "  %s\n", *t->organisations != '\0' ? t->organisations
                                                                          : "—");
        }
    }
  if (json)
    g_string_append (out, "]\n");
}

int
smt_cli_cmd_traits (int    argc,
                    char **argv)
{
  return smt_cli_run_list ("traits", argc, argv, smt_traits_list, traits_write);
}

int
smt_cli_cmd_trait_add (int    argc,
                       char **argv)
{
  int position = -1;
  GOptionEntry entries[] = {
    { "position", 0, 0, G_OPTION_ARG_INT, &position, N_("Place in the list (default: last)"),
      "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("trait-add", _("FILE CODE NAME"), entries, NULL, 4,
                                    _("Name the register, the trait's code and name: somattran "
                                      "trait-add FILE TNXP \"Thanh niên xung phong\"\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (position < 0)
    {
      g_autoptr(GPtrArray) list = smt_traits_list (reg, &error);

      if (list == NULL)
        return smt_cli_print_error (error, 1);
      position = 0;
      for (guint i = 0; i < list->len; i++)
        position = MAX (position, ((SmtTraitInfo *) g_ptr_array_index (list, i))->position + 1);
    }
  if ((id = smt_trait_add (reg, argv[2], argv[3], position, &error)) == 0)
    return smt_cli_print_error (error, 2);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Added the trait %s, key %s.\n"), argv[3], key);
  }
  return 0;
}

int
smt_cli_cmd_trait_edit (int    argc,
                        char **argv)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  int position = -1;
  GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("A new code"), N_("CODE") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("A new name"), N_("TEXT") },
    { "position", 0, 0, G_OPTION_ARG_INT, &position, N_("Place in the list"), "N" },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the change (kept in the change log)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SmtTraitInfo *t = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("trait-edit", _("FILE CODE"), entries, NULL, 3,
                                    _("Name the register and the trait's code, then what "
                                      "changes: somattran trait-edit FILE NLD --name \"Người lao "
                                      "động\" --reason \"Luật Công đoàn 2024\"\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if ((id = trait_of (reg, argv[2])) == 0)
    return 2;
  if ((list = smt_traits_list (reg, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  for (guint i = 0; i < list->len && t == NULL; i++)
    if (((SmtTraitInfo *) g_ptr_array_index (list, i))->id == id)
      t = g_ptr_array_index (list, i);
  g_assert (t != NULL);
  if (!smt_trait_update (reg, id, code != NULL ? code : t->code, name != NULL ? name : t->name,
                         position >= 0 ? position : t->position, reason, &error))
    return smt_cli_print_error (error, 2);
  g_print (_("Changed the trait %s.\n"), code != NULL ? code : t->code);
  return 0;
}

int
smt_cli_cmd_trait_delete (int    argc,
                          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("trait-delete", _("FILE CODE"), NULL, NULL, 3,
                                    _("Name the register and the trait's code: somattran "
                                      "trait-delete FILE TNXP\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if ((id = trait_of (reg, argv[2])) == 0)
    return 2;
  if (!smt_trait_delete (reg, id, &error))
    return smt_cli_print_error (error, 1);
  g_print (_("Deleted the trait %s.\n"), argv[2]);
  return 0;
}

/* ---- a person's records ------------------------------------------------------------- */

int
smt_cli_cmd_person_traits (int    argc,
                           char **argv)
{
  gboolean history = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "history", 0, 0, G_OPTION_ARG_NONE, &history,
      N_("Every record, the corrected and voided ones too"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 person;
  int status;

  if ((status = smt_cli_parse_args ("person-traits", _("FILE PERSON_ID"), entries, NULL, 3,
                                    _("Name the register and the person: somattran "
                                      "person-traits FILE 123\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &person))
    return 2;
  if ((rows = smt_person_traits (reg, person, history, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtPersonTraitRow *row = g_ptr_array_index (rows, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, row->id);
          smt_json_key (out, "trait", FALSE);
          smt_json_string (out, row->code);
          smt_json_key (out, "name", FALSE);
          smt_json_string (out, row->name);
          smt_json_key (out, "from", FALSE);
          smt_json_string (out, row->from_date);
          smt_json_key (out, "to", FALSE);
          smt_json_string (out, row->to_date);
          smt_json_key (out, "reason", FALSE);
          smt_json_string (out, row->reason);
          smt_json_key (out, "current", FALSE);
          smt_cli_json_bool (out, row->current);
          smt_json_key (out, "voids", FALSE);
          smt_cli_json_bool (out, row->voids);
          smt_json_key (out, "supersedes", FALSE);
          smt_cli_json_int_or_null (out, row->supersedes, 0);
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *text = smt_person_trait_describe (row);
          g_autofree char *key = key_text (row->id);

          g_string_append_printf (out, "%s %-20s %s", row->current ? "*" : " ", key,
                                  row->voids ? _("(voided)") : text);
          if (*row->reason != '\0')
            g_string_append_printf (out, " — %s", row->reason);
          g_string_append_c (out, '\n');
        }
    }
  if (json)
    g_string_append (out, "]\n");
  else if (rows->len == 0)
    g_string_append_printf (out, "%s\n", _("No trait is recorded for this person."));
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_trait_set (int    argc,
                       char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day (default: since before the register knows)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day (default: still)"),
      N_("DATE") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Where it is known from"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 person, trait, id;
  int status;

  if ((status = smt_cli_parse_args ("trait-set", _("FILE PERSON_ID TRAIT_CODE"), entries, NULL,
                                    4,
                                    _("Name the register, the person and the trait: somattran "
                                      "trait-set FILE 123 CQN --from 1985-05-01\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &person) || !parse_date (from_text, &from)
      || !parse_date (to_text, &to))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL || (trait = trait_of (reg, argv[3])) == 0)
    return 2;
  if ((id = smt_person_trait_add (reg, person, trait, from, to, reason, &error)) == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Recorded the trait %s, key %s.\n"), argv[3], key);
  }
  return 0;
}

int
smt_cli_cmd_trait_end (int    argc,
                       char **argv)
{
  g_autofree char *to_text = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The last day the person had it"),
      N_("DATE") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why it ended"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *to = NULL;
  gint64 record, id;
  int status;

  if ((status = smt_cli_parse_args ("trait-end", _("FILE RECORD_ID"), entries, NULL, 3,
                                    _("Name the register, the record (person-traits lists "
                                      "them) and its last day: somattran trait-end FILE 456 "
                                      "--to 2026-03-31 --reason \"Nghỉ hưu\"\n"),
                                    &argc, &argv, NULL, &to_text, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &record) || !parse_date (to_text, &to))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((id = smt_person_trait_end (reg, record, to, reason, &error)) == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Ended the record %s (the new record's key %s).\n"), argv[2], key);
  }
  return 0;
}

int
smt_cli_cmd_trait_void (int    argc,
                        char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why the record was wrong"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 record, id;
  int status;

  if ((status = smt_cli_parse_args ("trait-void", _("FILE RECORD_ID"), entries, NULL, 3,
                                    _("Name the register, the record and why it was wrong: "
                                      "somattran trait-void FILE 456 --reason \"Nhầm người\"\n"),
                                    &argc, &argv, NULL, &reason, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &record))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((id = smt_person_trait_void (reg, record, reason, &error)) == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Voided the record %s (the voiding record's key %s).\n"), argv[2], key);
  }
  return 0;
}
