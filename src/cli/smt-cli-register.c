/* smt-cli-register.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

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

int
smt_cli_cmd_new (int    argc,
                 char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *province = NULL;
  g_autofree char *place = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The commune's name, without “Xã” (required)"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("xã (the default), phường or đặc khu"),
      N_("KIND") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_("Province or city"), N_("NAME") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("Place of the date line (default: the commune's name)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *title = NULL;
  SmtCommuneFields commune = { 0 };
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
  commune.name = name;
  commune.kind = kind;
  commune.province = province != NULL ? province : "";
  commune.place = place;
  reg = smt_setup_new_register (argv[1], &commune, 0, NULL, &error);
  if (reg == NULL)
    return smt_cli_print_error (error, 1);
  title = smt_register_dup_commune_title (reg);
  g_print (_("Created an empty register for %s in %s.\n"), title, argv[1]);
  return 0;
}
