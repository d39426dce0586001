/* smt-cli-ratings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/activity/smt-activity.h"
#include "core/activity/smt-rating-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-format.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* ---- ratings, rate, scales, scale-use ----------------------------------------- */

/* The organisation named by --org, or 0 after saying what is wrong. */
static gint64
organisation_from (SmtRegister *reg,
                   const char  *code)
{
  gint64 id = code != NULL ? smt_organisation_lookup (reg, code) : 0;

  if (id == 0)
    g_printerr (_("There is no organisation with the code “%s”. Run “somattran "
                  "organisations FILE” to see the codes.\n"), code ? code : "");
  return id;
}

/* "HTXSNV, HTTNV, HTNV, KHTNV" */
static char *
levels_text (const SmtRatingScale *scale)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < scale->levels->len; i++)
    {
      const SmtRatingLevel *l = g_ptr_array_index (scale->levels, i);

      g_string_append_printf (out, "%s%s (%s)", i > 0 ? ", " : "", l->code, l->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
levels_json (GString              *out,
             const SmtRatingScale *scale)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < scale->levels->len; i++)
    {
      const SmtRatingLevel *l = g_ptr_array_index (scale->levels, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "code", TRUE);
      smt_json_string (out, l->code);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, l->name);
      smt_json_key (out, "rank", FALSE);
      smt_json_int (out, l->rank);
      smt_json_key (out, "counts_strong", FALSE);
      smt_cli_json_bool (out, l->counts_strong);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
sheet_json (GString              *out,
            const SmtRatingSheet *sheet)
{
  g_string_append_c (out, '{');
  smt_json_key (out, "year", TRUE);
  smt_json_int (out, sheet->year);
  smt_json_key (out, "target", FALSE);
  smt_json_string (out, sheet->target == SMT_RATING_MEMBERS ? "members"
                        : sheet->target == SMT_RATING_ORGANISATIONS ? "organisations"
                        : "branches");
  smt_json_key (out, "scale", FALSE);
  g_string_append_c (out, '{');
  smt_json_key (out, "code", TRUE);
  smt_json_string (out, sheet->scale->code);
  smt_json_key (out, "name", FALSE);
  smt_json_string (out, sheet->scale->name);
  smt_json_key (out, "levels", FALSE);
  levels_json (out, sheet->scale);
  g_string_append_c (out, '}');
  smt_json_key (out, "rows", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      const SmtRatingSheetRow *r = g_ptr_array_index (sheet->rows, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, r->id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, r->name);
      smt_json_key (out, "branch_id", FALSE);
      if (r->branch_id != 0)
        smt_json_int (out, r->branch_id);
      else
        g_string_append (out, "null");
      smt_json_key (out, "branch", FALSE);
      smt_json_string (out, r->branch);
      if (r->kind != NULL)
        {
          smt_json_key (out, "kind", FALSE);
          smt_json_string (out, r->kind);
        }
      if (r->scale_id != sheet->scale->id)
        {
          smt_json_key (out, "scale", FALSE);
          smt_json_string (out, smt_rating_sheet_row_scale (sheet, r)->code);
        }
      smt_json_key (out, "level", FALSE);
      smt_json_string (out, r->level_code);
      smt_json_key (out, "previous", FALSE);
      smt_json_string (out, r->previous_code);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  smt_json_key (out, "counts", FALSE);
  g_string_append_c (out, '{');
  for (guint i = 0; i < sheet->scale->levels->len; i++)
    {
      const SmtRatingLevel *l = g_ptr_array_index (sheet->scale->levels, i);

      smt_json_key (out, l->code, i == 0);
      smt_json_int (out, sheet->counts[i]);
    }
  smt_json_key (out, "not_rated", sheet->scale->levels->len == 0);
  smt_json_int (out, sheet->not_rated);
  g_string_append (out, "}}\n");
}

static void
sheet_text (GString              *out,
            const SmtRatingSheet *sheet)
{
  g_autofree char *levels = levels_text (sheet->scale);
  g_autofree char *last_year = g_strdup_printf ("%d", sheet->year - 1);
  g_autofree char *this_year = g_strdup_printf ("%d", sheet->year);

  g_string_append_printf (out, _("Scale in force in %d: %s — %s\n"), sheet->year,
                          sheet->scale->name, levels);
  smt_cli_append_padded (out, "ID", 20);
  smt_cli_append_padded (out, sheet->target == SMT_RATING_MEMBERS ? _("Member")
                              : sheet->target == SMT_RATING_ORGANISATIONS ? _("Organisation")
                              : _("Branch"), 34);
  smt_cli_append_padded (out, sheet->target == SMT_RATING_MEMBERS ? _("Branch")
                              : sheet->target == SMT_RATING_ORGANISATIONS ? _("Kind")
                              : _("Under"), 34);
  smt_cli_append_padded (out, last_year, 8);
  g_string_append_printf (out, "%s\n", this_year);
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      const SmtRatingSheetRow *r = g_ptr_array_index (sheet->rows, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, r->id);

      smt_cli_append_padded (out, id, 20);
      smt_cli_append_padded (out, r->name, 34);
      smt_cli_append_padded (out, r->branch, 34);
      smt_cli_append_padded (out, r->previous_code ? r->previous_code : "—", 8);
      g_string_append_printf (out, "%s", r->level_code ? r->level_code : "—");
      if (r->scale_id != sheet->scale->id)
        {
          const SmtRatingScale *own = smt_rating_sheet_row_scale (sheet, r);

          /* Translators: a row rated on a scale of its own: "(thang NEW)" */
          g_string_append_printf (out, _("  (scale %s)"), own->code);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append (out, _("Summary:"));
  for (guint i = 0; i < sheet->scale->levels->len; i++)
    {
      const SmtRatingLevel *l = g_ptr_array_index (sheet->scale->levels, i);
      g_autofree char *n = smt_format_int (sheet->counts[i]);

      g_string_append_printf (out, " %s %s ·", l->code, n);
    }
  {
    g_autofree char *n = smt_format_int (sheet->not_rated);

    g_string_append_printf (out, _(" not rated %s\n"), n);
  }
}

int
smt_cli_cmd_ratings (int    argc,
                     char **argv)
{
  gboolean json = FALSE, branches = FALSE, members = FALSE, organisations = FALSE;
  int year = 0;
  char *org = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year rated"), N_("YYYY") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The organisation, by code"), N_("CODE") },
    { "branches", 0, 0, G_OPTION_ARG_NONE, &branches, N_("Rate the branches (the default)"),
      NULL },
    { "members", 0, 0, G_OPTION_ARG_NONE, &members, N_("Rate the members"), NULL },
    { "organisations", 0, 0, G_OPTION_ARG_NONE, &organisations,
      N_("Rate the commune-level organisations themselves (no --org)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtRatingSheet) sheet = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *org_owned = NULL;
  gint64 organisation_id = 0;
  int status;

  status = smt_cli_parse_args ("ratings", _("FILE"), entries, NULL, 2,
                               _("Name the register, the year and the organisation: somattran "
                                 "ratings FILE --year YYYY (--org CODE [--branches|--members] "
                                 "| --organisations) [--json]\n"),
                               &argc, &argv, &reg, NULL);
  org_owned = org;
  if (status != 0)
    return status;
  if (branches + members + organisations > 1)
    {
      g_printerr (_("Choose one of --branches, --members and --organisations.\n"));
      return 2;
    }
  if (!organisations && org == NULL)
    {
      g_printerr (_("Name the organisation with --org CODE, or ask for --organisations.\n"));
      return 2;
    }
  if (!organisations && (organisation_id = organisation_from (reg, org)) == 0)
    return 2;
  sheet = smt_rating_sheet_get (reg, year, organisation_id,
                                members ? SMT_RATING_MEMBERS
                                : organisations ? SMT_RATING_ORGANISATIONS
                                : SMT_RATING_BRANCHES, &error);
  if (sheet == NULL)
    return smt_cli_print_error (error, 1);
  if (json)
    sheet_json (out, sheet);
  else
    sheet_text (out, sheet);
  fputs (out->str, stdout);
  return 0;
}

int
smt_cli_cmd_rate (int    argc,
                  char **argv)
{
  gboolean clear = FALSE, itself = FALSE;
  int year = 0;
  gint64 person_id = 0, branch_id = 0, id;
  char *org = NULL, *reason = NULL, *person = NULL, *branch = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year rated"), N_("YYYY") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org, N_("The organisation, by code"), N_("CODE") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The member rated"), N_("ID") },
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch, N_("The branch rated"), N_("ID") },
    { "itself", 0, 0, G_OPTION_ARG_NONE, &itself,
      N_("Rate the organisation itself (tổ chức cơ sở)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why an earlier rating is replaced or cleared"), N_("TEXT") },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear,
      N_("Clear the rating (not rated); needs --reason"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *org_owned = NULL, *reason_owned = NULL;
  g_autofree char *person_owned = NULL, *branch_owned = NULL;
  gint64 organisation_id;
  int status;
  const char *usage = _("Name the register, the year, the organisation, whom it rates and the "
                        "level: somattran rate FILE --year YYYY --org CODE (--person ID "
                        "| --branch ID | --itself) (LEVEL_CODE | --clear) [--reason TEXT]\n");

  /* FILE LEVEL_CODE, or FILE alone with --clear. */
  for (int i = 1; i < argc; i++)
    clear = clear || g_strcmp0 (argv[i], "--clear") == 0;
  status = smt_cli_parse_args ("rate", _("FILE [LEVEL_CODE]"), entries, NULL, clear ? 2 : 3,
                               usage, &argc, &argv, NULL, &org, NULL);
  org_owned = org;
  reason_owned = reason;
  person_owned = person;
  branch_owned = branch;
  if (status != 0)
    return status;
  if ((person != NULL) + (branch != NULL) + (itself != FALSE) != 1)
    {
      g_printerr ("%s", usage);
      return 2;
    }
  if (person != NULL)
    person_id = g_ascii_strtoll (person, NULL, 10);
  if (branch != NULL)
    branch_id = g_ascii_strtoll (branch, NULL, 10);
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if ((organisation_id = organisation_from (reg, org)) == 0)
    return 2;
  if (clear)
    {
      gint64 current = smt_rating_current (reg, year, organisation_id, person_id, branch_id,
                                           NULL);

      if (current == 0)
        {
          g_printerr (_("There is no rating for %d to clear.\n"), year);
          return 1;
        }
      id = smt_rating_void (reg, current, reason, &error);
    }
  else
    id = smt_rating_set (reg, year, organisation_id, person_id, branch_id, argv[2], reason,
                         &error);
  if (id == 0)
    return smt_cli_print_error (error, 1);
  {
    g_autofree char *record = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_print (clear ? _("Rating cleared (record %s).\n") : _("Rating recorded (record %s).\n"),
             record);
  }
  return 0;
}

/* Whom a use rates, in words. */
static const char *
subject_words (SmtRatingSubject subject)
{
  switch (subject)
    {
    case SMT_RATING_SUBJECT_MEMBER: return _("members");
    case SMT_RATING_SUBJECT_BRANCH: return _("branches");
    case SMT_RATING_SUBJECT_ORGANISATION: return _("the organisations themselves");
    case SMT_RATING_SUBJECT_ALL:
    default: return _("everyone rated");
    }
}

static void
use_text (GString                 *out,
          const SmtRatingScaleUse *u)
{
  if (u->to_year != 0)
    g_string_append_printf (out, "%d–%d", u->from_year, u->to_year);
  else
    g_string_append_printf (out, _("from %d"), u->from_year);
  g_string_append_printf (out, ", %s, %s", u->organisation ? u->organisation
                                                           : _("every organisation"),
                          subject_words (u->subject));
}

static void
scales_write (GString     *out,
             SmtRegister *reg,
             GPtrArray   *scales,
             gboolean     json)
{
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < scales->len; i++)
    {
      const SmtRatingScale *s = g_ptr_array_index (scales, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "code", TRUE);
          smt_json_string (out, s->code);
          smt_json_key (out, "name", FALSE);
          smt_json_string (out, s->name);
          smt_json_key (out, "levels", FALSE);
          levels_json (out, s);
          smt_json_key (out, "uses", FALSE);
          g_string_append_c (out, '[');
          for (guint u = 0; u < s->uses->len; u++)
            {
              const SmtRatingScaleUse *use = g_ptr_array_index (s->uses, u);

              if (u > 0)
                g_string_append_c (out, ',');
              g_string_append_c (out, '{');
              smt_json_key (out, "from_year", TRUE);
              smt_json_int (out, use->from_year);
              smt_json_key (out, "to_year", FALSE);
              if (use->to_year != 0)
                smt_json_int (out, use->to_year);
              else
                g_string_append (out, "null");
              smt_json_key (out, "organisation", FALSE);
              smt_json_string (out, use->organisation);
              smt_json_key (out, "subject", FALSE);
              smt_json_string (out, smt_rating_subject_to_string (use->subject));
              g_string_append_c (out, '}');
            }
          g_string_append (out, "]}");
        }
      else
        {
          g_autofree char *levels = levels_text (s);

          g_string_append_printf (out, "%s  %s\n    %s\n", s->code, s->name, levels);
          if (s->uses->len == 0)
            g_string_append_printf (out, "    %s\n", _("not in force in any year"));
          for (guint u = 0; u < s->uses->len; u++)
            {
              g_string_append (out, "    ");
              use_text (out, g_ptr_array_index (s->uses, u));
              g_string_append_c (out, '\n');
            }
        }
    }
  if (json)
    g_string_append (out, "]\n");
}

int
smt_cli_cmd_scales (int    argc,
                   char **argv)
{
  return smt_cli_run_list ("scales", argc, argv, smt_rating_scales_list, scales_write);
}

int
smt_cli_cmd_scale_use (int    argc,
                       char **argv)
{
  int from_year = 0;
  char *org = NULL, *subject_text = NULL;
  GOptionEntry entries[] = {
    { "from-year", 0, 0, G_OPTION_ARG_INT, &from_year, N_("The first year it is in force"),
      N_("YYYY") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org,
      N_("Only for this organisation (default: every organisation without its own)"),
      N_("CODE") },
    { "subject", 0, 0, G_OPTION_ARG_STRING, &subject_text,
      N_("Only for rating members, branches or the organisations themselves (default: "
         "everyone rated)"), "member|branch|organisation" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *org_owned = NULL, *subject_owned = NULL;
  SmtRatingSubject subject = SMT_RATING_SUBJECT_ALL;
  gint64 organisation_id = 0;
  int status;

  status = smt_cli_parse_args ("scale-use", _("FILE SCALE_CODE"), entries, NULL, 3,
                               _("Name the register, the scale and the year: somattran "
                                 "scale-use FILE SCALE_CODE --from-year YYYY [--org CODE] "
                                 "[--subject member|branch|organisation]\n"),
                               &argc, &argv, &reg, NULL);
  org_owned = org;
  subject_owned = subject_text;
  if (status != 0)
    return status;
  if (!smt_rating_subject_from_string (subject_text, &subject))
    {
      g_printerr (_("“%s” is not whom a scale rates. Use member, branch or organisation.\n"),
                  subject_text);
      return 2;
    }
  if (org != NULL && (organisation_id = organisation_from (reg, org)) == 0)
    return 2;
  if (smt_rating_scale_use_set (reg, argv[2], from_year, organisation_id, subject, &error)
      == 0)
    return smt_cli_print_error (error, 1);
  g_print (_("The scale %s is in force from %d.\n"), argv[2], from_year);
  return 0;
}
