/* smt-cli.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#ifdef G_OS_WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include "cli/smt-cli.h"
#include "core/smt-check.h"
#include "core/smt-demo.h"
#include "core/smt-format.h"
#include "core/smt-people-query.h"
#include "core/smt-register.h"
#include "io/smt-backup.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;     /* shown in the usage line */
  const char  *summary;  /* translatable */
  CommandFunc  run;
} Command;

static int cmd_demo (int argc, char **argv);
static int cmd_check (int argc, char **argv);
static int cmd_people (int argc, char **argv);
static int cmd_backup (int argc, char **argv);
static int cmd_help (int argc, char **argv);

static const Command commands[] = {
  { "demo", N_("FILE [--people N] [--seed S]"),
    N_("Create a realistic demo commune in a new register file"), cmd_demo },
  { "check", N_("FILE"),
    N_("Verify the register's integrity and every rule of its history"), cmd_check },
  { "people", N_("FILE [--search TEXT] [--limit N]"),
    N_("List people in Vietnamese order by given name; search ignores tones"), cmd_people },
  { "backup", N_("FILE DEST"),
    N_("Write a complete, consistent copy of a register to a new file"), cmd_backup },
  { "help", NULL, N_("Show this help"), cmd_help },
};

static void
print_error (const GError *error)
{
  g_printerr ("%s %s\n", _("Error:"), error->message);
}

static int
parse_options (const char   *name,
               const char   *params,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  /* argv[0] is the command's name here, so the usage line reads
   * "demo [OPTION…] FILE". */
  context = g_option_context_new (params);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_error (error);
      g_printerr (_("Run “somattran %s --help” to see how to use it.\n"), name);
      return 2;
    }
  return 0;
}

static SmtRegister *
open_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (path, &error);

  if (reg == NULL)
    print_error (error);
  return reg;
}

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

static int
cmd_demo (int    argc,
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

  if ((status = parse_options ("demo", _("FILE"), entries, &argc, &argv)) != 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Name the new register file: somattran demo FILE [--people N] [--seed S]\n"));
      return 2;
    }
  if (people < 1 || people > 1000000)
    {
      g_printerr (_("The number of people must be between 1 and 1.000.000.\n"));
      return 2;
    }
  if (!smt_demo_generate (argv[1], (guint) people, (guint64) seed, demo_progress, NULL, &error))
    {
      print_error (error);
      return 1;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 1;
  count = smt_format_int (smt_people_count (reg));
  title = smt_register_dup_commune_title (reg);
  size = smt_format_size (g_stat (argv[1], &st) == 0 ? (guint64) st.st_size : 0);
  g_print (_("Created the demo commune %s in %s: %s people, %s.\n"), title, argv[1], count, size);
  return 0;
}

static int
cmd_check (int    argc,
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

  if ((status = parse_options ("check", _("FILE"), NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Name the register to check: somattran check FILE\n"));
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  clean = smt_register_check (reg, problems, &error);
  if (error != NULL)
    {
      print_error (error);
      return 2;
    }
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

static int
cmd_people (int    argc,
            char **argv)
{
  g_autofree char *search = NULL;
  int limit = 50;
  GOptionEntry entries[] = {
    { "search", 'q', 0, G_OPTION_ARG_STRING, &search,
      N_("Only names containing this text (tones and đ ignored)"), N_("TEXT") },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N people (0: all)"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *total = NULL;
  SmtPeopleFilter filter = { 0 };
  guint shown;
  int status;

  if ((status = parse_options ("people", _("FILE"), entries, &argc, &argv)) != 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Name the register: somattran people FILE [--search TEXT]\n"));
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  filter.search = search;
  ids = smt_people_query_ids (reg, &filter, &error);
  if (ids == NULL)
    {
      print_error (error);
      return 1;
    }
  shown = limit > 0 ? MIN ((guint) limit, ids->len) : ids->len;
  for (guint start = 0; start < shown; start += 256)
    {
      SmtPersonRow rows[256];
      guint n = MIN (256u, shown - start);

      if (!smt_people_fetch_rows (reg, &g_array_index (ids, gint64, start), n, NULL, rows,
                                  &error))
        {
          print_error (error);
          return 1;
        }
      for (guint i = 0; i < n; i++)
        {
          g_print ("%s\t%d\t%s\t%s\t%s%s\n", rows[i].full_name, rows[i].birth_year,
                   rows[i].sex == 'F' ? _("Female") : _("Male"), rows[i].hamlet,
                   rows[i].organisations, rows[i].deceased ? _(" (deceased)") : "");
          smt_person_row_clear (&rows[i]);
        }
    }
  total = smt_format_int (ids->len);
  g_printerr (_("%s people found.\n"), total);
  return 0;
}

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  int status;

  if ((status = parse_options ("backup", _("FILE DEST"), NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 3)
    {
      g_printerr (_("Name the register and the copy to write: somattran backup FILE DEST\n"));
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if (!smt_backup_write (reg, argv[2], &error))
    {
      print_error (error);
      return 1;
    }
  g_print (_("Copied %s to %s.\n"), argv[1], argv[2]);
  return 0;
}

static int
cmd_help (int    argc,
          char **argv)
{
  g_print (_("Sổ Mặt trận %s — the register of a commune's Fatherland Front office.\n\n"),
           PACKAGE_VERSION);
  g_print (_("Usage:\n"));
  g_print ("  somattran [%s]\n      %s\n", _("FILE"),
           _("Open the window on FILE, or on the last register (the demo on first start)"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  somattran %s %s\n      %s\n", commands[i].name,
             commands[i].args ? _(commands[i].args) : "", _(commands[i].summary));
  g_print (_("\nRun “somattran COMMAND --help” for the options of a command.\n"));
  return 0;
}

gboolean
smt_cli_handles (int    argc,
                 char **argv)
{
  if (argc < 2)
    return FALSE;
  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0
      || g_strcmp0 (argv[1], "--version") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return TRUE;
  return FALSE;
}

int
smt_cli_run (int    argc,
             char **argv)
{
  if (argc < 2 || g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0)
    return cmd_help (argc, argv);
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("somattran %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      {
        /* The command sees itself as argv[0]. */
        return commands[i].run (argc - 1, argv + 1);
      }
  g_printerr (_("Unknown command “%s”. Run “somattran help” to see the commands.\n"), argv[1]);
  return 2;
}
