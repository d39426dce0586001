/* smt-cli-meetings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/activity/smt-meeting-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* Sinh hoạt on the command line: the grid of a year, one branch's
 * meetings in a month, recording and voiding a meeting, studies of
 * resolutions and dialogue days, as the Sinh hoạt view does. */

/* The year of today, the default of --year. */
static int
this_year (SmtRegister *reg)
{
  return atoi (smt_register_get_today (reg));
}

static gboolean
lookup_organisation (SmtRegister *reg,
                     const char  *code,
                     gint64      *id)
{
  *id = 0;
  if (code == NULL)
    return TRUE;
  if ((*id = smt_organisation_lookup (reg, code)) != 0)
    return TRUE;
  g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                "in the list of organisations.\n"), code);
  return FALSE;
}

static gboolean
parse_key (const char *text,
           const char *what,
           gint64     *key)
{
  guint64 value = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      *key = (gint64) value;
      return TRUE;
    }
  /* Translators: "“x” is not a branch's key…"; %s second is what was expected */
  g_printerr (_("“%s” is not the key of a %s. The key is a number, as the lists show it.\n"),
              text, what);
  return FALSE;
}

static const char *
kind_label (SmtMeetingKind kind)
{
  return kind == SMT_MEETING_THEMATIC ? _("thematic") : _("regular");
}

/* ---- meetings: the grid, or one cell ------------------------------------------ */

static void
grid_json (GString   *out,
           GPtrArray *rows,
           int        year)
{
  g_string_append_c (out, '{');
  smt_json_key (out, "year", TRUE);
  smt_json_int (out, year);
  smt_json_key (out, "branches", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtMeetingGridRow *r = g_ptr_array_index (rows, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, r->branch_id);
      smt_json_key (out, "organisation_id", FALSE);
      smt_json_int (out, r->organisation_id);
      smt_json_key (out, "organisation", FALSE);
      smt_json_string (out, r->organisation);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, r->name);
      smt_json_key (out, "kind", FALSE);
      smt_json_string (out, r->kind);
      smt_json_key (out, "months", FALSE);
      g_string_append_c (out, '[');
      for (int m = 0; m < 12; m++)
        {
          if (m > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "meetings", TRUE);
          smt_json_int (out, r->months[m].meetings);
          smt_json_key (out, "regular", FALSE);
          smt_cli_json_bool (out, r->months[m].regular);
          smt_json_key (out, "present", FALSE);
          smt_json_int (out, r->months[m].present);
          smt_json_key (out, "exists", FALSE);
          smt_cli_json_bool (out, smt_meeting_grid_row_exists_in (r, year, m + 1));
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]}\n");
}

static void
grid_text (GString     *out,
           GPtrArray   *rows,
           int          year,
           SmtRegister *reg)
{
  const char *today = smt_register_get_today (reg);
  gint64 organisation_id = -1;
  glong width = 20;

  /* Translators: heading of the grid of meetings of a year */
  g_string_append_printf (out, _("Branch meetings in %d"), year);
  g_string_append (out, "\n");
  g_string_append (out, _("✓ regular meeting held (with the number of meetings when more "
                          "than one), ✗ no regular meeting in a month begun"));
  g_string_append (out, "\n\n");
  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, 2 + g_utf8_strlen (((SmtMeetingGridRow *) g_ptr_array_index (rows,
                                                                                     i))->name,
                                           -1));
  smt_cli_append_padded (out, _("Branch"), width);
  for (int m = 1; m <= 12; m++)
    {
      /* Translators: short heading of a month column: "T1" … "T12" */
      g_autofree char *head = g_strdup_printf (_("M%d"), m);

      smt_cli_append_right (out, head, 5);
    }
  g_string_append_printf (out, "  %s\n", _("Key"));
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtMeetingGridRow *r = g_ptr_array_index (rows, i);
      g_autofree char *name = NULL;

      if (r->organisation_id != organisation_id)
        {
          organisation_id = r->organisation_id;
          g_string_append_printf (out, "%s\n", r->organisation);
        }
      name = g_strdup_printf ("  %s", r->name);
      smt_cli_append_padded (out, name, width);
      for (int m = 1; m <= 12; m++)
        {
          g_autofree char *text = NULL;

          smt_meeting_grid_cell (r, year, m, today, &text);
          smt_cli_append_right (out, text, 5);
        }
      g_string_append_printf (out, "  %" G_GINT64_FORMAT "\n", r->branch_id);
    }
  if (rows->len == 0)
    g_string_append_printf (out, "%s\n", _("No branch in this year."));
}

static void
cell_text (GString   *out,
           GPtrArray *meetings,
           gint64     branch_id,
           const char *month)
{
  /* Translators: the branch's key, the month (05/2026), how many meetings */
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, branch_id);

  g_string_append_printf (out, _("Meetings of branch %s in %.2s/%.4s: %u"),
                          key, month + 5, month, meetings->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < meetings->len; i++)
    {
      const SmtMeetingInfo *m = g_ptr_array_index (meetings, i);
      g_autofree char *day = smt_date_to_display (m->date);
      g_autofree char *present = smt_format_int (m->present);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);

      /* Translators: date, kind, members present, key, topic */
      g_string_append_printf (out, _("%s  %s, %s present [%s]  %s"), day,
                              kind_label (m->kind), present, id, m->topic);
      if (m->party_present)
        g_string_append_printf (out, "; %s", _("Party member present"));
      if (m->officer_present)
        g_string_append_printf (out, "; %s", _("commune officer present"));
      g_string_append_c (out, '\n');
      if (m->attendee_names->len > 0)
        {
          g_autofree char *names = NULL;

          g_ptr_array_add (m->attendee_names, NULL);
          names = g_strjoinv (", ", (char **) m->attendee_names->pdata);
          g_ptr_array_remove_index (m->attendee_names, m->attendee_names->len - 1);
          g_string_append_printf (out, "    %s: %s\n", _("Attended"), names);
        }
    }
}

static void
cell_json (GString   *out,
           GPtrArray *meetings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < meetings->len; i++)
    {
      const SmtMeetingInfo *m = g_ptr_array_index (meetings, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, m->id);
      smt_json_key (out, "date", FALSE);
      smt_json_string (out, m->date);
      smt_json_key (out, "kind", FALSE);
      smt_json_string (out, m->kind == SMT_MEETING_THEMATIC ? "thematic" : "regular");
      smt_json_key (out, "topic", FALSE);
      smt_json_string (out, m->topic);
      smt_json_key (out, "present", FALSE);
      smt_json_int (out, m->present);
      smt_json_key (out, "party_present", FALSE);
      smt_cli_json_bool (out, m->party_present);
      smt_json_key (out, "officer_present", FALSE);
      smt_cli_json_bool (out, m->officer_present);
      smt_json_key (out, "attendees", FALSE);
      g_string_append_c (out, '[');
      for (guint a = 0; a < m->attendee_ids->len; a++)
        {
          if (a > 0)
            g_string_append_c (out, ',');
          smt_json_int (out, g_array_index (m->attendee_ids, gint64, a));
        }
      g_string_append (out, "]}");
    }
  g_string_append (out, "]\n");
}

int
smt_cli_cmd_meetings (int    argc,
                      char **argv)
{
  g_autofree char *org = NULL;
  g_autofree char *month = NULL;
  gint64 branch_id = 0;
  gboolean json = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"),
      N_("YYYY") },
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("Only the branches of this organisation"),
      N_("CODE") },
    { "branch", 'b', 0, G_OPTION_ARG_INT64, &branch_id,
      N_("List the meetings of this branch in --month instead"), "ID" },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month, N_("The month of --branch"),
      N_("YYYY-MM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 organisation_id;
  int status;

  if ((status = smt_cli_parse_args ("meetings", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran meetings FILE "
                                       "[--year 2026] [--org PN] [--json]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (!lookup_organisation (reg, org, &organisation_id))
    return 2;
  if (branch_id != 0 || month != NULL)
    {
      g_autoptr(GPtrArray) meetings = NULL;

      if (branch_id == 0 || month == NULL)
        {
          g_printerr ("%s", _("Give both the branch and the month: somattran meetings FILE "
                              "--branch ID --month 2026-05\n"));
          return 2;
        }
      if ((meetings = smt_meetings_of_branch (reg, branch_id, month, &error)) == NULL)
        return smt_cli_print_error (error, 2);
      if (json)
        cell_json (out, meetings);
      else
        cell_text (out, meetings, branch_id, month);
    }
  else
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (year == 0)
        year = this_year (reg);
      if ((rows = smt_meeting_grid (reg, year, organisation_id, &error)) == NULL)
        return smt_cli_print_error (error, 2);
      if (json)
        grid_json (out, rows, year);
      else
        grid_text (out, rows, year, reg);
    }
  fputs (out->str, stdout);
  return 0;
}

/* ---- meeting-add, meeting-void --------------------------------------------------- */

int
smt_cli_cmd_meeting_add (int    argc,
                         char **argv)
{
  g_autofree char *date_text = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *topic = NULL;
  g_auto(GStrv) attendee_texts = NULL;
  gboolean party = FALSE, officer = FALSE;
  int present = -1;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the meeting"),
      N_("YYYY-MM-DD") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("regular or thematic (default: regular)"),
      N_("KIND") },
    { "topic", 't', 0, G_OPTION_ARG_STRING, &topic, N_("The topic of the meeting"),
      N_("TEXT") },
    { "present", 'p', 0, G_OPTION_ARG_INT, &present, N_("Members present"), "N" },
    { "party", 0, 0, G_OPTION_ARG_NONE, &party, N_("A Party member attended"), NULL },
    { "officer", 0, 0, G_OPTION_ARG_NONE, &officer, N_("A commune officer attended"), NULL },
    { "attendee", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &attendee_texts,
      N_("A member present (a person's key); repeat for each"), "ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) attendees = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  SmtMeetingFields fields = { 0 };
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("meeting-add", _("FILE BRANCH_ID"), entries, NULL, 3,
                                    _("Name the register, the branch, the day and the members "
                                       "present: somattran meeting-add FILE BRANCH_ID --date "
                                       "2026-05-10 --present 25 [--kind thematic] [--topic "
                                       "TEXT]\n"),
                                    &argc, &argv, NULL, &date_text, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], _("branch"), &fields.branch_id))
    return 2;
  if ((date = smt_date_parse (date_text)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), date_text);
      return 2;
    }
  if (kind == NULL || g_strcmp0 (kind, "regular") == 0)
    fields.kind = SMT_MEETING_REGULAR;
  else if (g_strcmp0 (kind, "thematic") == 0)
    fields.kind = SMT_MEETING_THEMATIC;
  else
    {
      g_printerr (_("“%s” is not a kind of meeting. Use regular or thematic.\n"), kind);
      return 2;
    }
  for (guint i = 0; attendee_texts != NULL && attendee_texts[i] != NULL; i++)
    {
      gint64 person;

      if (!parse_key (attendee_texts[i], _("person"), &person))
        return 2;
      g_array_append_val (attendees, person);
    }
  if (present < 0)
    present = (int) attendees->len;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;

  fields.date = date;
  fields.topic = topic;
  fields.present = present;
  fields.party_present = party;
  fields.officer_present = officer;
  fields.attendees = (const gint64 *) attendees->data;
  fields.n_attendees = attendees->len;
  if ((id = smt_meeting_add (reg, &fields, &error)) == 0)
    return smt_cli_print_error (error, 2);
  day = smt_date_to_display (date);
  /* Translators: kind of meeting, date, members present, the key */
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_print (_("Recorded: a %s meeting on %s, %d present. Key of the meeting: %s\n"),
           kind_label (fields.kind), day, present, key);
  return 0;
}

int
smt_cli_cmd_meeting_void (int    argc,
                          char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why the record is wrong"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 meeting_id;
  int status;

  if ((status = smt_cli_parse_args ("meeting-void", _("FILE MEETING_ID"), entries, NULL, 3,
                                    _("Name the register, the meeting and why: somattran "
                                       "meeting-void FILE MEETING_ID --reason TEXT\n"),
                                    &argc, &argv, NULL, &reason, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], _("meeting"), &meeting_id))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (smt_meeting_void (reg, meeting_id, reason, &error) == 0)
    return smt_cli_print_error (error, 2);
  g_print (_("The meeting %s is void; it stays in the history.\n"), argv[2]);
  return 0;
}

/* ---- studies ---------------------------------------------------------------------- */

/* The "way" of `studies --json`, by SmtStudyWay. */
static const char *const way_codes[] = { "count", "ticked", "whole_branch" };

int
smt_cli_cmd_studies (int    argc,
                     char **argv)
{
  g_autofree char *org = NULL;
  gboolean json = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year (default: this year)"),
      N_("YYYY") },
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("Only the studies of this organisation"),
      N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) studies = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 organisation_id;
  int status;

  if ((status = smt_cli_parse_args ("studies", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran studies FILE "
                                       "[--year 2026] [--org PN] [--json]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (!lookup_organisation (reg, org, &organisation_id))
    return 2;
  if (year == 0)
    year = this_year (reg);
  if ((studies = smt_studies_of_year (reg, year, organisation_id, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < studies->len; i++)
    {
      const SmtStudyInfo *s = g_ptr_array_index (studies, i);

      if (json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "id", TRUE);
          smt_json_int (out, s->id);
          smt_json_key (out, "subject", FALSE);
          smt_json_string (out, s->subject);
          smt_json_key (out, "organisation", FALSE);
          smt_json_string (out, s->organisation);
          smt_json_key (out, "branch", FALSE);
          smt_json_string (out, s->branch);
          smt_json_key (out, "date", FALSE);
          smt_json_string (out, s->date);
          smt_json_key (out, "participants", FALSE);
          smt_json_int (out, s->participants);
          smt_json_key (out, "way", FALSE);
          smt_json_string (out, way_codes[smt_study_info_way (s)]);
          smt_json_key (out, "named", FALSE);
          smt_json_int (out, s->named);
          smt_json_key (out, "exceptions", FALSE);
          smt_json_int (out, s->exceptions);
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *day = smt_date_to_display (s->date);
          g_autofree char *count = smt_format_int (s->participants);
          g_autofree char *way = smt_study_info_way_label (s);
          const char *who = s->branch[0] != '\0' ? s->branch
                            : s->organisation[0] != '\0' ? s->organisation
                            : _("all organisations");

          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, s->id);

          /* Translators: date, subject, who, participants, how they were
           * recorded, the key (for study-void) */
          g_string_append_printf (out, _("%s  %s — %s, %s participants (%s); key %s\n"), day,
                                  s->subject, who, count, way, key);
        }
    }
  if (json)
    g_string_append (out, "]\n");
  else if (studies->len == 0)
    g_string_append_printf (out, "%s\n", _("No study of resolutions in this year."));
  fputs (out->str, stdout);
  return 0;
}

/* Person keys from repeated options; FALSE (after a message) when one is
 * no key. */
static gboolean
parse_people (char   **texts,
              GArray  *out)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      gint64 person;

      if (!parse_key (texts[i], _("person"), &person))
        return FALSE;
      g_array_append_val (out, person);
    }
  return TRUE;
}

int
smt_cli_cmd_study_add (int    argc,
                       char **argv)
{
  g_autofree char *subject = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *org = NULL;
  g_auto(GStrv) person_texts = NULL;
  g_auto(GStrv) except_texts = NULL;
  gboolean whole_branch = FALSE;
  gint64 branch_id = 0;
  int participants = -1;
  GOptionEntry entries[] = {
    { "subject", 's', 0, G_OPTION_ARG_STRING, &subject,
      N_("The resolution or directive studied"), N_("TEXT") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the study"),
      N_("YYYY-MM-DD") },
    { "participants", 'p', 0, G_OPTION_ARG_INT, &participants,
      N_("How many members took part, when they are not named (or more than are named)"),
      "N" },
    { "person", 0, 0, G_OPTION_ARG_STRING_ARRAY, &person_texts,
      N_("A member who took part (a person's key); repeat for each"), "ID" },
    { "whole-branch", 0, 0, G_OPTION_ARG_NONE, &whole_branch,
      N_("The whole branch took part (its members that day, those working away left out)"),
      NULL },
    { "all-except", 0, 0, G_OPTION_ARG_STRING_ARRAY, &except_texts,
      N_("The whole branch took part except this member (a person's key); repeat for each"),
      "ID" },
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("The organisation (default: all)"),
      N_("CODE") },
    { "branch", 'b', 0, G_OPTION_ARG_INT64, &branch_id, N_("The branch, if one branch only"),
      "ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) exceptions = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *key = NULL;
  g_autofree char *count = NULL;
  g_autoptr(SmtStudyInfo) info = NULL;
  SmtStudyFields fields = { 0 };
  gint64 id;
  int status;

  if ((status = smt_cli_parse_args ("study-add", _("FILE"), entries, NULL, 2,
                                    _("Name the register, the subject, the day and who took "
                                       "part: somattran study-add FILE --subject TEXT "
                                       "--date 2026-05-10 (--participants 120 | --person ID "
                                       "… | --branch ID --whole-branch | --branch ID "
                                       "--all-except ID …) [--org PN]\n"),
                                    &argc, &argv, NULL, &subject, &date_text, NULL)) != 0)
    return status;
  if ((date = smt_date_parse (date_text)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), date_text);
      return 2;
    }
  if (!parse_people (person_texts, people) || !parse_people (except_texts, exceptions))
    return 2;
  if (except_texts != NULL)
    whole_branch = TRUE;
  if (whole_branch && (people->len > 0 || participants >= 0))
    {
      g_printerr ("%s", _("Give the whole branch (--whole-branch or --all-except) alone, "
                          "without --participants or --person.\n"));
      return 2;
    }
  if (!whole_branch && participants < 0 && people->len == 0)
    {
      g_printerr ("%s", _("Say who took part: --participants N, or --person ID for each, or "
                          "--branch ID with --whole-branch or --all-except ID.\n"));
      return 2;
    }
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (!lookup_organisation (reg, org, &fields.organisation_id))
    return 2;
  fields.subject = subject;
  fields.branch_id = branch_id;
  fields.date = date;
  if (whole_branch)
    {
      fields.mode = SMT_STUDY_WHOLE_BRANCH;
      fields.exception_ids = (const gint64 *) exceptions->data;
      fields.n_exception_ids = exceptions->len;
    }
  else
    {
      fields.participants = MAX (participants, 0);
      fields.participant_ids = (const gint64 *) people->data;
      fields.n_participant_ids = people->len;
    }
  if ((id = smt_study_add (reg, &fields, &error)) == 0)
    return smt_cli_print_error (error, 2);
  day = smt_date_to_display (date);
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if ((info = smt_study_info_get (reg, id, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  count = smt_format_int (info->participants);
  /* Translators: subject, date, participants, key */
  g_print (_("Recorded: the study of “%s” on %s, %s participants. Key: %s\n"), subject, day,
           count, key);
  return 0;
}

int
smt_cli_cmd_study_void (int    argc,
                        char **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why the record is wrong"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  gint64 study_id;
  int status;

  if ((status = smt_cli_parse_args ("study-void", _("FILE STUDY_ID"), entries, NULL, 3,
                                    _("Name the register, the study and why: somattran "
                                       "study-void FILE STUDY_ID --reason TEXT\n"),
                                    &argc, &argv, NULL, &reason, NULL)) != 0)
    return status;
  if (!parse_key (argv[2], _("study"), &study_id))
    return 2;
  if ((reg = smt_cli_open_register (argv[1])) == NULL)
    return 2;
  if (smt_study_void (reg, study_id, reason, &error) == 0)
    return smt_cli_print_error (error, 2);
  g_print (_("The study %s is void; it stays in the history.\n"), argv[2]);
  return 0;
}

/* ---- dialogue days ------------------------------------------------------------------ */

static void
dialogue_value (GString                *out,
                const SmtDialogueMonth *m,
                SmtDialogueValue        v)
{
  g_autofree char *text = m->defined[v] ? smt_format_decimal (m->value[v], 0) : g_strdup ("–");

  smt_cli_append_right (out, text, 15);
}

int
smt_cli_cmd_dialogue (int    argc,
                      char **argv)
{
  g_autofree char *month = NULL;
  int year = 0, days = -1, raised = -1, resolved = -1;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month,
      N_("Type the values of this month (with --days, --raised, --resolved)"), N_("YYYY-MM") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Dialogue days held in the month"), "N" },
    { "raised", 0, 0, G_OPTION_ARG_INT, &raised, N_("Petitions raised in the month"), "N" },
    { "resolved", 0, 0, G_OPTION_ARG_INT, &resolved, N_("Petitions resolved in the month"),
      "N" },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year,
      N_("Without --month: show the values of each month of this year"), N_("YYYY") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SmtDialogueMonth months[12];
  int status;

  if ((status = smt_cli_parse_args ("dialogue", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran dialogue FILE --month "
                                       "2026-05 --days 1 --raised 7 --resolved 5, or "
                                       "somattran dialogue FILE --year 2026\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if (month != NULL)
    {
      if (days < 0 || raised < 0 || resolved < 0)
        {
          g_printerr ("%s", _("Give the three values of the month: --days N --raised N "
                              "--resolved N.\n"));
          return 2;
        }
      if (!smt_dialogue_month_set (reg, month, days, raised, resolved, &error))
        return smt_cli_print_error (error, 2);
      /* Translators: month, dialogue days, petitions raised, resolved */
      g_print (_("Recorded for %s: %d dialogue days, %d petitions raised, %d resolved.\n"),
               month, days, raised, resolved);
      return 0;
    }
  if (year == 0)
    year = this_year (reg);
  if (!smt_dialogue_year (reg, year, months, &error))
    return smt_cli_print_error (error, 2);
  if (json)
    {
      g_string_append_c (out, '[');
      for (int m = 0; m < 12; m++)
        {
          g_autofree char *code = g_strdup_printf ("%04d-%02d", year, m + 1);

          if (m > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "month", TRUE);
          smt_json_string (out, code);
          for (guint v = 0; v < SMT_DIALOGUE_N_VALUES; v++)
            {
              smt_json_key (out, smt_dialogue_code (v), FALSE);
              if (months[m].defined[v])
                smt_json_number (out, months[m].value[v]);
              else
                g_string_append (out, "null");
            }
          g_string_append_c (out, '}');
        }
      g_string_append (out, "]\n");
    }
  else
    {
      g_string_append_printf (out, _("Dialogue days in %d (– not entered)"), year);
      g_string_append_c (out, '\n');
      smt_cli_append_padded (out, _("Month"), 8);
      smt_cli_append_right (out, _("Dialogues"), 15);
      smt_cli_append_right (out, _("Raised"), 15);
      smt_cli_append_right (out, _("Resolved"), 15);
      g_string_append_c (out, '\n');
      for (int m = 0; m < 12; m++)
        {
          g_autofree char *code = g_strdup_printf ("%02d/%04d", m + 1, year);

          smt_cli_append_padded (out, code, 8);
          for (guint v = 0; v < SMT_DIALOGUE_N_VALUES; v++)
            dialogue_value (out, &months[m], v);
          g_string_append_c (out, '\n');
        }
    }
  fputs (out->str, stdout);
  return 0;
}
