/* smt-cli-register.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gstdio.h>
#ifdef G_OS_WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include "core/check/smt-check.h"
#include "core/demo/smt-demo.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-format.h"
#include "core/setup/smt-hamlet-list.h"
#include "core/setup/smt-setup.h"
#include "io/files/smt-backup.h"
#include "smt-cli-private.h"

static void
demo_progress (double      fraction,
               const char *what,
               gpointer    user_data)
{
  if (isatty (fileno (stderr)))
    {
      g_printerr ("\r%3d %% %s\033[K", (int) (fraction * 100 + 0.5), what);
      if (fraction >= 1.0)
        g_printerr ("\n");
    }
}

int
smt_cli_cmd_demo (int    argc,
                  char **argv)
{
  int people = SMT_DEMO_DEFAULT_PEOPLE;
  gint64 seed = SMT_DEMO_DEFAULT_SEED;
  GOptionEntry entries[] = {
    { "people", 'n', 0, G_OPTION_ARG_INT, &people, N_("Number of people (default 10000)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Seed: the same seed gives the same commune"),
      "S" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *count = NULL;
  g_autofree char *size = NULL;
  g_autofree char *title = NULL;
  GStatBuf st;
  int status;

  if ((status = smt_cli_parse_args ("demo", _("FILE"), entries, NULL, 2,
                                    _("Name the new register file: somattran demo FILE "
                                       "[--people N] [--seed S]\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (people < 1 || people > 1000000)
    {
      g_printerr (_("The number of people must be between 1 and 1.000.000.\n"));
      return 2;
    }
  if (!smt_demo_generate (argv[1], (guint) people, (guint64) seed, demo_progress, NULL, &error))
    return smt_cli_print_error (error, 1);
  reg = smt_cli_open_register (argv[1]);
  if (reg == NULL)
    return 1;
  count = smt_format_int (smt_people_count (reg));
  title = smt_register_dup_commune_title (reg);
  size = smt_format_size (g_stat (argv[1], &st) == 0 ? (guint64) st.st_size : 0);
  g_print (_("Created the demo commune %s in %s: %s people, %s.\n"), title, argv[1], count, size);
  return 0;
}

int
smt_cli_cmd_check (int    argc,
                   char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *hash = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  gboolean clean;
  int status;

  if ((status = smt_cli_parse_args ("check", _("FILE"), NULL, NULL, 2,
                                    _("Name the register to check: somattran check FILE\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  clean = smt_register_check (reg, problems, &error);
  if (error != NULL)
    return smt_cli_print_error (error, 2);
  title = smt_register_dup_commune_title (reg);
  count = smt_format_int (smt_people_count (reg));
  hash = smt_register_content_hash (reg, NULL);
  g_print (_("Register: %s (%s people)\n"), title, count);
  for (guint i = 0; i < problems->len; i++)
    g_print ("  - %s\n", (const char *) g_ptr_array_index (problems, i));
  if (clean)
    g_print (_("Checked integrity, append-only history, membership histories, names, sort keys, "
               "dates, CCCD numbers, branches, ratings and keys: no problem found.\n"));
  else
    g_print (_("Problems found: see the list above.\n"));
  g_print (_("Content hash (SHA-256): %s\n"), hash ? hash : "");
  return clean ? 0 : 1;
}


int
smt_cli_cmd_backup (int    argc,
                    char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  int status;

  if ((status = smt_cli_parse_args ("backup", _("FILE DEST"), NULL, NULL, 3,
                                    _("Name the register and the copy to write: somattran "
                                       "backup FILE DEST\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (!smt_backup_write (reg, argv[2], &error))
    return smt_cli_print_error (error, 1);
  g_print (_("Copied %s to %s.\n"), argv[1], argv[2]);
  return 0;
}

/* The hamlets of --hamlets-from and --hamlet, in that order; FALSE (said
 * on stderr) when the file cannot be read or a name comes twice. */
static gboolean
read_hamlets (const char  *list_path,
              char       **names,
              const char  *kind,
              GPtrArray  **out)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (list_path != NULL)
    {
      g_autofree char *text = NULL;
      gsize len;

      if (!g_file_get_contents (list_path, &text, &len, &error))
        {
          smt_cli_print_error (error, 2);
          return FALSE;
        }
      /* A BOM, as Notepad writes it. */
      list = smt_hamlet_list_parse (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text,
                                    kind, &error);
      if (list == NULL || error != NULL)
        {
          g_printerr ("%s: %s\n", list_path, error->message);
          return FALSE;
        }
    }
  else
    list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_hamlet_entry_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(SmtHamletEntry) entry = smt_hamlet_entry_parse (names[i], kind);
      g_autofree char *key = NULL;

      if (entry == NULL)
        {
          g_printerr (_("“%s” is not the name of a hamlet.\n"), names[i]);
          return FALSE;
        }
      key = g_utf8_casefold (entry->name, -1);
      for (guint j = 0; j < list->len; j++)
        {
          g_autofree char *other = g_utf8_casefold (((SmtHamletEntry *)
                                                     g_ptr_array_index (list, j))->name, -1);

          if (strcmp (key, other) == 0)
            {
              g_printerr (_("The hamlet “%s” is given twice: a commune has each hamlet "
                            "once.\n"), entry->name);
              return FALSE;
            }
        }
      g_ptr_array_add (list, g_steal_pointer (&entry));
    }
  *out = g_steal_pointer (&list);
  return TRUE;
}

int
smt_cli_cmd_new (int    argc,
                 char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *province = NULL;
  g_autofree char *place = NULL;
  g_autofree char *hamlets_from = NULL;
  g_autofree char *hamlet_kind = NULL;
  g_autofree char *branches = NULL;
  g_auto(GStrv) hamlet_names = NULL;
  g_auto(GStrv) without = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The commune's name, without “Xã” (required)"), N_("NAME") },
    { "commune", 0, 0, G_OPTION_ARG_STRING, &name, N_("The same as --name"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("xã (the default), phường or đặc khu"),
      N_("KIND") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_("Province or city"), N_("NAME") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("Place of the date line (default: the commune's name)"), N_("NAME") },
    { "hamlets-from", 0, 0, G_OPTION_ARG_FILENAME, &hamlets_from,
      N_("A UTF-8 text file of the hamlets: one a line, or separated by commas; numbering "
         "is left out"), N_("LIST.txt") },
    { "hamlet", 0, 0, G_OPTION_ARG_STRING_ARRAY, &hamlet_names,
      N_("A hamlet, after those of the list (repeatable)"), N_("NAME") },
    { "hamlet-kind", 0, 0, G_OPTION_ARG_STRING, &hamlet_kind,
      N_("The kind of a hamlet whose name does not say it: ấp (the default), thôn, khu phố…"),
      N_("KIND") },
    { "without-org", 0, 0, G_OPTION_ARG_STRING_ARRAY, &without,
      N_("Leave out one of the eight organisations a register proposes (repeatable)"),
      N_("CODE") },
    { "branches", 0, 0, G_OPTION_ARG_STRING, &branches,
      N_("per-hamlet: one chi hội, chi đoàn per hamlet for each organisation (the default "
         "with hamlets); none"), "per-hamlet|none" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtSetupPlan) plan = smt_setup_plan_new ();
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autofree char *title = NULL;
  g_autofree char *n_hamlets = NULL;
  g_autofree char *n_orgs = NULL;
  g_autofree char *n_branches = NULL;
  guint orgs = 0;
  int status;

  if ((status = smt_cli_parse_args ("new", _("FILE"), entries, NULL, 2,
                                    _("Name the new register file: somattran new FILE --name "
                                       "NAME\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (name == NULL)
    {
      g_printerr (_("Give the commune's name: somattran new FILE --name NAME.\n"));
      return 2;
    }
  if (hamlet_kind != NULL && !smt_hamlet_kind_valid (hamlet_kind))
    {
      g_printerr (_("“%s” is not a kind of hamlet: choose ấp, thôn, khu phố, tổ dân phố, khu "
                    "vực, bản, buôn, làng or sóc.\n"), hamlet_kind);
      return 2;
    }
  if (branches != NULL && strcmp (branches, "per-hamlet") != 0 && strcmp (branches, "none") != 0)
    {
      g_printerr (_("--branches is per-hamlet or none.\n"));
      return 2;
    }
  for (guint i = 0; without != NULL && without[i] != NULL; i++)
    {
      SmtPlanOrganisation *org = smt_setup_plan_find_organisation (plan, without[i]);

      if (org == NULL)
        {
          g_printerr (_("“%s” is not one of the organisations a register proposes: DTN, PN, "
                        "ND, CCB, CD, NCT, CTD, KH.\n"), without[i]);
          return 2;
        }
      org->kept = FALSE;
    }
  if (!read_hamlets (hamlets_from, hamlet_names, hamlet_kind != NULL ? hamlet_kind : "ấp",
                     &hamlets))
    return 2;

  smt_setup_plan_set_commune (plan, name, kind, province, place);
  smt_setup_plan_set_hamlets (plan, hamlets);
  if (g_strcmp0 (branches, "none") != 0)
    smt_setup_plan_propose_branches (plan);
  reg = smt_setup_new_register_from_plan (argv[1], plan, &error);
  if (reg == NULL)
    return smt_cli_print_error (error, 1);
  title = smt_register_dup_commune_title (reg);
  if (hamlets->len == 0)
    {
      g_print (_("Created an empty register for %s in %s.\n"), title, argv[1]);
      return 0;
    }
  for (guint i = 0; i < plan->organisations->len; i++)
    orgs += ((SmtPlanOrganisation *) g_ptr_array_index (plan->organisations, i))->kept;
  n_hamlets = smt_format_int (hamlets->len);
  n_orgs = smt_format_int (orgs);
  n_branches = smt_format_int (plan->branches->len);
  g_print (_("Created the register of %s in %s: %s hamlets, %s organisations, %s branches.\n"),
           title, argv[1], n_hamlets, n_orgs, n_branches);
  for (guint i = 0; i < plan->hamlets->len; i++)
    {
      const SmtHamletEntry *e = g_ptr_array_index (plan->hamlets, i);

      g_print ("  %u. %s\n", i + 1, e->name);
    }
  return 0;
}
