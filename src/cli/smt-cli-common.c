/* smt-cli-common.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* Prints the error and returns status, for `return smt_cli_print_error (error, 1);`. */
int
smt_cli_print_error (const GError *error,
                     int           status)
{
  g_printerr ("%s %s\n", _("Error:"), error->message);
  return status;
}

/* The prologue of every command: parses the options, checks that there are
 * n_args arguments (the command's name included) and that the options in
 * the NULL-terminated list of char ** were given, else prints usage, then
 * opens argv[1] into reg unless reg is NULL. Returns 0 or the exit status. */
int
smt_cli_parse_args (const char         *name,
                    const char         *params,
                    const GOptionEntry *entries,
                    const GOptionEntry *more_entries,
                    int                 n_args,
                    const char         *usage,
                    int                *argc,
                    char             ***argv,
                    SmtRegister       **reg,
                    ...)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean complete = TRUE;
  char **required;
  va_list args;

  /* argv[0] is the command's name here, so the usage line reads
   * "demo [OPTION…] FILE". */
  context = g_option_context_new (params);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (more_entries != NULL)
    g_option_context_add_main_entries (context, more_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      smt_cli_print_error (error, 2);
      g_printerr (_("Run “somattran %s --help” to see how to use it.\n"), name);
      return 2;
    }
  va_start (args, reg);
  while ((required = va_arg (args, char **)) != NULL)
    complete = complete && *required != NULL;
  va_end (args);
  if (*argc != n_args || !complete)
    {
      g_printerr ("%s", usage);
      return 2;
    }
  if (reg != NULL && (*reg = smt_cli_open_register ((*argv)[1])) == NULL)
    return 2;
  return 0;
}

SmtRegister *
smt_cli_open_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (path, &error);

  if (reg == NULL)
    smt_cli_print_error (error, 0);
  return reg;
}

void
smt_cli_json_bool (GString  *out,
                   gboolean  value)
{
  g_string_append (out, value ? "true" : "false");
}

/* Appends text and pads it to width characters: printf pads bytes, and
 * Vietnamese letters take two or three. */
void
smt_cli_append_padded (GString    *out,
                       const char *text,
                       glong       width)
{
  g_string_append (out, text);
  for (glong w = g_utf8_strlen (text, -1); w < width; w++)
    g_string_append_c (out, ' ');
}

/* Right-aligns text in width characters. */
void
smt_cli_append_right (GString    *out,
                      const char *text,
                      glong       width)
{
  for (glong w = g_utf8_strlen (text, -1); w < width; w++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

/* A JSON number for a bound or a key, null when it is absent. */
void
smt_cli_json_int_or_null (GString *out,
                          gint64   value,
                          gint64   absent)
{
  if (value == absent)
    g_string_append (out, "null");
  else
    smt_json_int (out, value);
}

/* somattran NAME FILE [--json]: opens the register, reads the list and
 * writes it, as JSON or as text. */
int
smt_cli_run_list (const char       *name,
                  int               argc,
                  char            **argv,
                  SmtCliListFunc    list_func,
                  SmtCliListWriter  write)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  /* TRANSLATORS: the usage line of a list command: "somattran hamlets FILE" */
  g_autofree char *usage = g_strdup_printf (_("Name the register: somattran %s FILE [--json]\n"),
                                            name);
  int status;

  if ((status = smt_cli_parse_args (name, _("FILE"), entries, NULL, 2, usage, &argc, &argv, &reg,
                                    NULL)) != 0)
    return status;
  if ((list = list_func (reg, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  write (out, reg, list, json);
  fputs (out->str, stdout);
  return 0;
}
