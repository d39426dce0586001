/* smt-cli-settings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/activity/smt-settings-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-targets.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* The settings of a register, as Cài đặt in the window shows them: the
 * commune, hamlets, resolutions and their targets, officers. */

static char *
key_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
parse_key (const char *text,
           gint64     *key)
{
  char *end = NULL;

  *key = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *key > 0;
}

static int
bad_key (const char *text)
{
  g_printerr (_("“%s” is not a key. Use the number in the Key column of the list.\n"), text);
  return 2;
}

/* ---- commune ------------------------------------------------------------------- */

int
smt_cli_cmd_commune (int    argc,
                     char **argv)
{
  g_autofree char *name = NULL, *kind = NULL, *province = NULL, *place = NULL;
  g_autofree char *signer_title = NULL, *signer_name = NULL, *reason = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The commune's name, without “Xã”"),
      N_("TEXT") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("xã, phường or đặc khu"), N_("KIND") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &province, N_("The province"), N_("TEXT") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("The place named in the date line of reports"), N_("TEXT") },
    { "signer-title", 0, 0, G_OPTION_ARG_STRING, &signer_title,
      N_("The title above the signature"), N_("TEXT") },
    { "signer-name", 0, 0, G_OPTION_ARG_STRING, &signer_name,
      N_("The name under the signature"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the change is made"),
      N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *cur[6] = { NULL };
  int status;

  if ((status = smt_cli_parse_args ("commune", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran commune FILE "
                                      "[--place “Hòa Điền”] [--reason TEXT]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  smt_register_get_commune (reg, &cur[0], &cur[1], &cur[2], &cur[3], &cur[4], &cur[5]);
  if (name || kind || province || place || signer_title || signer_name)
    {
      SmtCommuneFields f = {
        .name = name ? name : cur[0], .kind = kind ? kind : cur[1],
        .province = province ? province : cur[2], .place = place ? place : cur[3],
        .signer_title = signer_title ? signer_title : cur[4],
        .signer_name = signer_name ? signer_name : cur[5],
      };

      if (!smt_commune_update (reg, &f, reason ? reason : "", &error))
        return smt_cli_print_error (error, 1);
      for (guint i = 0; i < G_N_ELEMENTS (cur); i++)
        g_clear_pointer (&cur[i], g_free);
      smt_register_get_commune (reg, &cur[0], &cur[1], &cur[2], &cur[3], &cur[4], &cur[5]);
    }
  if (json)
    {
      static const char *keys[] = { "name", "kind", "province", "place", "signer_title",
                                    "signer_name" };
      g_autoptr(GString) out = g_string_new ("{");

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          smt_json_key (out, keys[i], i == 0);
          smt_json_string (out, cur[i]);
        }
      g_string_append (out, "}\n");
      fputs (out->str, stdout);
    }
  else
    {
      const char *labels[] = { _("Commune name"), _("Commune kind"), _("Province"), _("Place of the date line"),
                               _("Signer's title"), _("Signer's name") };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          smt_cli_append_padded (line, labels[i], 28);
          g_print ("%s%s\n", line->str, cur[i]);
        }
    }
  return 0;
}

/* ---- hamlets --------------------------------------------------------------------- */

static void
hamlets_write (GString     *out,
              SmtRegister *reg,
              GPtrArray   *list,
              gboolean     json)
{
  if (json)
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < list->len; i++)
        {
          const SmtHamletRow *h = g_ptr_array_index (list, i);

          g_string_append (out, i > 0 ? ",{" : "{");
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, h->id);
          smt_json_key (out, "name", FALSE);
          smt_json_string (out, h->name);
          smt_json_key (out, "kind", FALSE);
          smt_json_string (out, h->kind);
          smt_json_key (out, "position", FALSE);
          smt_json_int (out, h->position);
          smt_json_key (out, "households", FALSE);
          smt_json_int (out, h->households);
          smt_json_key (out, "people", FALSE);
          smt_json_int (out, h->people);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]\n");
    }
  else
    {
      g_autofree char *day = smt_date_to_display (smt_register_get_today (reg));

      /* TRANSLATORS: the date the households and people are counted on */
      g_string_append_printf (out, _("Hamlets, with the households and people living there on %s\n"),
                              day);
      smt_cli_append_padded (out, _("Hamlet"), 30);
      smt_cli_append_padded (out, _("Kind"), 12);
      smt_cli_append_right (out, _("Households"), 12);
      smt_cli_append_right (out, _("Residents"), 12);
      g_string_append_printf (out, "  %s\n", _("Key"));
      for (guint i = 0; i < list->len; i++)
        {
          const SmtHamletRow *h = g_ptr_array_index (list, i);
          g_autofree char *hh = smt_format_int (h->households);
          g_autofree char *people = smt_format_int (h->people);

          smt_cli_append_padded (out, h->name, 30);
          smt_cli_append_padded (out, h->kind, 12);
          smt_cli_append_right (out, hh, 12);
          smt_cli_append_right (out, people, 12);
          g_string_append_printf (out, "  %" G_GINT64_FORMAT "\n", h->id);
        }
    }
}

int
smt_cli_cmd_hamlets (int    argc,
                    char **argv)
{
  return smt_cli_run_list ("hamlets", argc, argv, smt_settings_hamlets, hamlets_write);
}

int
smt_cli_cmd_hamlet_add (int    argc,
                        char **argv)
{
  g_autofree char *kind = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("ấp, thôn, khu phố, tổ dân phố, khu vực, bản, buôn, làng or sóc (default: ấp)"),
      N_("KIND") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("hamlet-add", _("FILE NAME"), entries, NULL, 3,
                                    _("Name the register and the hamlet: somattran hamlet-add "
                                      "FILE “Ấp Cái Sơn” [--kind ấp]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  id = smt_hamlet_add (reg, argv[2], kind ? kind : "ấp", &error);
  if (id == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Hamlet added, key %s.\n"), key);
  }
  return 0;
}

/* The hamlet's current kind, NULL when there is no such hamlet. */
static char *
hamlet_kind (SmtRegister *reg,
             gint64       id)
{
  g_autoptr(GPtrArray) list = smt_settings_hamlets (reg, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const SmtHamletRow *h = g_ptr_array_index (list, i);

      if (h->id == id)
        return g_strdup (h->kind);
    }
  return NULL;
}

int
smt_cli_cmd_hamlet_rename (int    argc,
                           char **argv)
{
  g_autofree char *kind = NULL;
  g_autofree char *old_kind = NULL;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("A new kind (default: unchanged)"),
      N_("KIND") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("hamlet-rename", _("FILE ID NAME"), entries, NULL, 4,
                                    _("Name the register, the hamlet's key and its new name: "
                                      "somattran hamlet-rename FILE 12 “Ấp Cái Sơn” "
                                      "[--kind ấp]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &id))
    return bad_key (argv[2]);
  old_kind = hamlet_kind (reg, id);
  if (!smt_hamlet_rename (reg, id, argv[3], kind ? kind : old_kind ? old_kind : "ấp", &error))
    return smt_cli_print_error (error, 1);
  g_print (_("Hamlet renamed.\n"));
  return 0;
}

int
smt_cli_cmd_hamlet_delete (int    argc,
                           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("hamlet-delete", _("FILE ID"), NULL, NULL, 3,
                                    _("Name the register and the hamlet's key: somattran "
                                      "hamlet-delete FILE 12\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &id))
    return bad_key (argv[2]);
  if (!smt_hamlet_delete (reg, id, &error))
    return smt_cli_print_error (error, 1);
  g_print (_("Hamlet deleted.\n"));
  return 0;
}

/* ---- resolutions and targets ----------------------------------------------------- */

static const char *
indicator_name (const char *code)
{
  const SmtIndicatorInfo *info = smt_catalogue_lookup (code, NULL);

  return info != NULL ? smt_indicator_info_get_name (info) : code;
}

static void
resolutions_json (GString   *out,
                  GPtrArray *list)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < list->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (list, i);

      g_string_append (out, i > 0 ? ",{" : "{");
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, r->id);
      smt_json_key (out, "number", FALSE);
      smt_json_string (out, r->number);
      smt_json_key (out, "title", FALSE);
      smt_json_string (out, r->title);
      smt_json_key (out, "issuer", FALSE);
      smt_json_string (out, r->issuer);
      smt_json_key (out, "issued_on", FALSE);
      smt_json_string (out, r->issued_on);
      smt_json_key (out, "term_from", FALSE);
      smt_json_string (out, r->term_from);
      smt_json_key (out, "term_to", FALSE);
      smt_json_string (out, r->term_to);
      smt_json_key (out, "targets", FALSE);
      g_string_append_c (out, '[');
      for (guint j = 0; j < r->targets->len; j++)
        {
          const SmtTargetRow *t = g_ptr_array_index (r->targets, j);

          g_string_append (out, j > 0 ? ",{" : "{");
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, t->id);
          smt_json_key (out, "indicator", FALSE);
          smt_json_string (out, t->indicator_code);
          smt_json_key (out, "position", FALSE);
          smt_json_int (out, t->position);
          smt_json_key (out, "label", FALSE);
          smt_json_string (out, t->label);
          smt_json_key (out, "baseline", FALSE);
          if (t->has_baseline)
            smt_json_number (out, t->baseline);
          else
            g_string_append (out, "null");
          smt_json_key (out, "baseline_date", FALSE);
          smt_json_string (out, t->baseline_date);
          smt_json_key (out, "target", FALSE);
          smt_json_number (out, t->target);
          smt_json_key (out, "comparator", FALSE);
          smt_json_string (out, t->at_most ? "<=" : ">=");
          smt_json_key (out, "deadline", FALSE);
          smt_json_string (out, t->deadline);
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]\n");
}

static void
resolutions_text (GString   *out,
                  GPtrArray *list)
{
  if (list->len == 0)
    g_string_append (out, _("No resolution in the register. Add one with somattran "
                            "resolution-add.\n"));
  for (guint i = 0; i < list->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (list, i);
      g_autofree char *issued = smt_date_to_display (r->issued_on);
      g_autofree char *from = r->term_from ? smt_date_to_display (r->term_from) : NULL;
      g_autofree char *to = r->term_to ? smt_date_to_display (r->term_to) : NULL;

      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, r->id);

      /* TRANSLATORS: number, title, issuer, date of issue, key */
      g_string_append_printf (out, _("%s — %s (%s, %s; key %s)\n"),
                              r->number, r->title, r->issuer, issued, key);
      if (to != NULL)
        g_string_append_printf (out, _("  term %s – %s\n"), from ? from : issued, to);
      else
        g_string_append_printf (out, _("  term from %s\n"), from ? from : issued);
      if (r->targets->len == 0)
        g_string_append_printf (out, "  %s\n", _("no target"));
      for (guint j = 0; j < r->targets->len; j++)
        {
          const SmtTargetRow *t = g_ptr_array_index (r->targets, j);
          g_autofree char *target = smt_format_decimal (t->target, 2);

          g_string_append_printf (out, "  %2d. %s\n      %s: %s %s", t->position, t->label,
                                  indicator_name (t->indicator_code),
                                  t->at_most ? "≤" : "≥", target);
          if (t->has_baseline)
            {
              g_autofree char *baseline = smt_format_decimal (t->baseline, 2);

              g_string_append_printf (out, _("; before the resolution %s"), baseline);
              if (t->baseline_date != NULL)
                {
                  g_autofree char *d = smt_date_to_display (t->baseline_date);

                  g_string_append_printf (out, " (%s)", d);
                }
            }
          if (t->deadline != NULL)
            {
              g_autofree char *d = smt_date_to_display (t->deadline);

              g_string_append_printf (out, _("; by %s"), d);
            }
          g_string_append_printf (out, " [%s]\n", t->indicator_code);
        }
    }
}

static void
resolutions_write (GString     *out,
                  SmtRegister *reg,
                  GPtrArray   *list,
                  gboolean     json)
{
  if (json)
    resolutions_json (out, list);
  else
    resolutions_text (out, list);
}

int
smt_cli_cmd_resolutions (int    argc,
                        char **argv)
{
  return smt_cli_run_list ("resolutions", argc, argv, smt_settings_resolutions, resolutions_write);
}

int
smt_cli_cmd_resolution_add (int    argc,
                            char **argv)
{
  g_autofree char *issuer = NULL, *issued = NULL, *from = NULL, *to = NULL;
  GOptionEntry entries[] = {
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("Who issued it (Tỉnh ủy …)"),
      N_("TEXT") },
    { "issued", 0, 0, G_OPTION_ARG_STRING, &issued, N_("Date of issue"), N_("YYYY-MM-DD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Start of its term (default: date of issue)"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("End of its term (default: open)"),
      N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("resolution-add", _("FILE NUMBER TITLE"), entries, NULL, 4,
                                    _("Name the register, the number and the title, with the "
                                      "issuer and the date: somattran resolution-add FILE "
                                      "06-NQ/TU “Về …” --issuer “Tỉnh ủy” --issued "
                                      "2021-03-15\n"),
                                    &argc, &argv, &reg, &issuer, &issued, NULL)) != 0)
    return status;
  id = smt_resolution_add (reg, argv[2], argv[3], issuer, issued, from, to, &error);
  if (id == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Resolution added, key %s.\n"), key);
  }
  return 0;
}

int
smt_cli_cmd_resolution_edit (int    argc,
                             char **argv)
{
  g_autofree char *number = NULL, *title = NULL, *issuer = NULL, *issued = NULL;
  g_autofree char *from = NULL, *to = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("A new number"), N_("TEXT") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("A new title"), N_("TEXT") },
    { "issuer", 0, 0, G_OPTION_ARG_STRING, &issuer, N_("Who issued it (Tỉnh ủy …)"),
      N_("TEXT") },
    { "issued", 0, 0, G_OPTION_ARG_STRING, &issued, N_("Date of issue"), N_("YYYY-MM-DD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Start of its term"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("End of its term (empty: open)"),
      N_("YYYY-MM-DD") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the change is made"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SmtResolutionRow *r = NULL;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("resolution-edit", _("FILE NUMBER"), entries, NULL, 3,
                                    _("Name the register and the resolution's number, with "
                                      "what changes: somattran resolution-edit FILE 06-NQ/TU "
                                      "--to 2030-12-31 [--reason TEXT]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  id = smt_resolution_lookup (reg, argv[2]);
  if (id != 0 && (list = smt_settings_resolutions (reg, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (((const SmtResolutionRow *) g_ptr_array_index (list, i))->id == id)
      r = g_ptr_array_index (list, i);
  if (r == NULL)
    {
      g_printerr (_("There is no resolution numbered “%s”. See somattran resolutions FILE.\n"),
                  argv[2]);
      return 2;
    }
  if (!smt_resolution_update (reg, id, number ? number : r->number, title ? title : r->title,
                              issuer ? issuer : r->issuer, issued ? issued : r->issued_on,
                              from ? from : r->term_from, to ? to : r->term_to, reason,
                              &error))
    return smt_cli_print_error (error, 1);
  g_print (_("Resolution changed.\n"));
  return 0;
}

/* The target a resolution already sets for an indicator, or NULL. */
static const SmtTargetRow *
find_target (GPtrArray  *resolutions,
             gint64      resolution_id,
             const char *code,
             guint      *n_targets)
{
  *n_targets = 0;
  for (guint i = 0; resolutions != NULL && i < resolutions->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (resolutions, i);

      if (r->id != resolution_id)
        continue;
      *n_targets = r->targets->len;
      for (guint j = 0; j < r->targets->len; j++)
        {
          const SmtTargetRow *t = g_ptr_array_index (r->targets, j);

          if (strcmp (t->indicator_code, code) == 0)
            return t;
        }
    }
  return NULL;
}

int
smt_cli_cmd_target_set (int    argc,
                        char **argv)
{
  g_autofree char *target = NULL, *baseline = NULL, *baseline_date = NULL;
  g_autofree char *label = NULL, *deadline = NULL, *scope = NULL;
  gboolean at_most = FALSE;
  int position = 0;
  GOptionEntry entries[] = {
    { "target", 0, 0, G_OPTION_ARG_STRING, &target, N_("The target (82 or 82,5)"),
      N_("NUMBER") },
    { "baseline", 0, 0, G_OPTION_ARG_STRING, &baseline,
      N_("The value before the resolution"), N_("NUMBER") },
    { "baseline-date", 0, 0, G_OPTION_ARG_STRING, &baseline_date,
      N_("The day the baseline was taken"), N_("YYYY-MM-DD") },
    { "at-most", 0, 0, G_OPTION_ARG_NONE, &at_most,
      N_("The target is a ceiling: met at or below it"), NULL },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("The resolution's own wording (default: the indicator's name)"), N_("TEXT") },
    { "position", 0, 0, G_OPTION_ARG_INT, &position,
      N_("Its order in the annex (default: after the others)"), N_("N") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("When it is due"),
      N_("YYYY-MM-DD") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope,
      N_("The organisations its figure counts (socio_political, mass, front or codes, "
         "separated by commas); default: the indicator's own"), N_("SCOPE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) resolutions = NULL;
  const SmtIndicatorInfo *info;
  const SmtTargetRow *existing;
  SmtTargetFields f = { 0 };
  guint n_targets;
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("target-set", _("FILE NUMBER INDICATOR"), entries, NULL, 4,
                                    _("Name the register, the resolution's number, the "
                                      "indicator and the target: somattran target-set FILE "
                                      "06-NQ/TU households_covered --target 82\n"),
                                    &argc, &argv, &reg, &target, NULL)) != 0)
    return status;
  f.resolution_id = smt_resolution_lookup (reg, argv[2]);
  if (f.resolution_id == 0)
    {
      g_printerr (_("There is no resolution numbered “%s”. See somattran resolutions FILE.\n"),
                  argv[2]);
      return 2;
    }
  if (!smt_settings_parse_number (target, &f.target))
    {
      g_printerr (_("The target “%s” is not a number. Enter a number, for example 82 or "
                    "82,5.\n"), target);
      return 2;
    }
  if (baseline != NULL)
    {
      if (!smt_settings_parse_number (baseline, &f.baseline))
        {
          g_printerr (_("The baseline “%s” is not a number. Enter a number, for example 78,5.\n"),
                      baseline);
          return 2;
        }
      f.has_baseline = TRUE;
    }
  if ((resolutions = smt_settings_resolutions (reg, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  existing = find_target (resolutions, f.resolution_id, argv[3], &n_targets);
  info = smt_catalogue_lookup (argv[3], NULL);
  f.indicator_code = argv[3];
  f.at_most = at_most;
  f.baseline_date = baseline_date;
  f.deadline = deadline;
  /* A target keeps its scope unless one is given; "default" goes back to
   * the indicator's own. */
  f.scope = scope != NULL ? (g_strcmp0 (scope, "default") == 0 ? NULL : scope)
            : existing != NULL ? existing->scope : NULL;
  f.label = label != NULL ? label
            : existing != NULL ? existing->label
            : info != NULL ? smt_indicator_info_get_name (info) : argv[3];
  f.position = position > 0 ? position : existing != NULL ? existing->position
               : (int) n_targets + 1;
  id = smt_target_set (reg, &f, &error);
  if (id == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Target recorded, key %s.\n"), key);
  }
  return 0;
}

/* ---- officers ---------------------------------------------------------------------- */

int
smt_cli_cmd_officers (int    argc,
                      char **argv)
{
  gboolean json = FALSE, all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Past terms too"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 last_org = -1;
  int status;

  if ((status = smt_cli_parse_args ("officers", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran officers FILE [--all] "
                                      "[--json]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if ((list = smt_settings_officers (reg, all, &error)) == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < list->len; i++)
    {
      const SmtOfficerRow *o = g_ptr_array_index (list, i);
      g_autofree char *from = smt_date_to_display (o->from_date);
      g_autofree char *to = o->to_date ? smt_date_to_display (o->to_date) : NULL;
      g_autofree char *term = NULL;

      if (json)
        {
          g_string_append (out, i > 0 ? ",{" : "{");
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, o->id);
          smt_json_key (out, "organisation_id", FALSE);
          if (o->organisation_id != 0)
            smt_json_int (out, o->organisation_id);
          else
            g_string_append (out, "null");
          smt_json_key (out, "organisation", FALSE);
          smt_json_string (out, o->organisation);
          smt_json_key (out, "person_id", FALSE);
          smt_json_int (out, o->person_id);
          smt_json_key (out, "name", FALSE);
          smt_json_string (out, o->full_name);
          smt_json_key (out, "role", FALSE);
          smt_json_string (out, o->role == SMT_OFFICER_DEPUTY ? "deputy" : "head");
          smt_json_key (out, "from_date", FALSE);
          smt_json_string (out, o->from_date);
          smt_json_key (out, "to_date", FALSE);
          smt_json_string (out, o->to_date);
          smt_json_key (out, "political_level", FALSE);
          smt_json_int (out, o->political_level);
          smt_json_key (out, "professional_level", FALSE);
          smt_json_int (out, o->professional_level);
          smt_json_key (out, "reason", FALSE);
          smt_json_string (out, o->reason);
          smt_json_key (out, "current", FALSE);
          smt_cli_json_bool (out, o->current);
          g_string_append_c (out, '}');
          continue;
        }
      if (o->organisation_id != last_org)
        {
          g_string_append_printf (out, "%s%s\n", i > 0 ? "\n" : "", o->organisation);
          last_org = o->organisation_id;
        }
      if (to != NULL)
        term = g_strdup_printf ("%s – %s", from, to);
      else
        /* TRANSLATORS: the first day of a term still running */
        term = g_strdup_printf (_("since %s"), from);
      g_string_append (out, "  ");
      smt_cli_append_padded (out, o->full_name, 28);
      smt_cli_append_padded (out, smt_officer_role_label (o->role), 10);
      smt_cli_append_padded (out, term, 26);
      g_string_append_printf (out, "%s; %s; %s %" G_GINT64_FORMAT "\n",
                              smt_officer_political_level_label (o->political_level),
                              smt_officer_professional_level_label (o->professional_level),
                              _("key"), o->id);
    }
  if (json)
    g_string_append (out, "]\n");
  else if (list->len == 0)
    g_string_append (out, _("No officer in office. Add one with somattran officer-add.\n"));
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_officer_add (int    argc,
                         char **argv)
{
  g_autofree char *org = NULL, *role = NULL, *from = NULL;
  int political = 0, professional = 0;
  GOptionEntry entries[] = {
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org,
      N_("The organisation (PN, ND…); none: the Mặt trận committee itself"), N_("CODE") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("head or deputy (default: head)"),
      N_("ROLE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day in office"), N_("YYYY-MM-DD") },
    { "political", 0, 0, G_OPTION_ARG_INT, &political,
      N_("Political theory: 0 none, 1 elementary, 2 intermediate, 3 advanced"), N_("N") },
    { "professional", 0, 0, G_OPTION_ARG_INT, &professional,
      N_("Professional: 0 none, 1 elementary, 2 intermediate, 3 college, 4 university, "
         "5 postgraduate"), N_("N") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  SmtOfficerFields f = { 0 };
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("officer-add", _("FILE PERSON_ID"), entries, NULL, 3,
                                    _("Name the register and the person, with the first day: "
                                      "somattran officer-add FILE 123 --org PN --role head "
                                      "--from 2025-10-01\n"),
                                    &argc, &argv, &reg, &from, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &f.person_id))
    return bad_key (argv[2]);
  if (org != NULL && (f.organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if (role != NULL && strcmp (role, "head") != 0 && strcmp (role, "deputy") != 0)
    {
      g_printerr (_("The role is “head” or “deputy”.\n"));
      return 2;
    }
  f.role = g_strcmp0 (role, "deputy") == 0 ? SMT_OFFICER_DEPUTY : SMT_OFFICER_HEAD;
  f.from_date = from;
  f.political_level = political;
  f.professional_level = professional;
  id = smt_officer_add (reg, &f, &error);
  if (id == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Officer added, key %s.\n"), key);
  }
  return 0;
}

int
smt_cli_cmd_officer_end (int    argc,
                         char **argv)
{
  g_autofree char *date = NULL, *reason = NULL;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Last day in office"), N_("YYYY-MM-DD") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why the term ended"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 officer_id, id;
  int status;

  if ((status = smt_cli_parse_args ("officer-end", _("FILE OFFICER_ID"), entries, NULL, 3,
                                    _("Name the register and the term's key, with the last "
                                      "day: somattran officer-end FILE 456 --date 2026-06-30 "
                                      "[--reason TEXT]\n"),
                                    &argc, &argv, &reg, &date, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], &officer_id))
    return bad_key (argv[2]);
  id = smt_officer_end (reg, officer_id, date, reason, &error);
  if (id == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *key = key_text (id);

    g_print (_("Term ended, key %s.\n"), key);
  }
  return 0;
}
