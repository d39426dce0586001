/* smt-cli-people.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/indicators/smt-overview.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people-query.h"
#include "core/people/smt-people.h"
#include "core/people/smt-person-detail.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/register/smt-text.h"
#include "core/targets/smt-period.h"
#include "io/files/smt-json.h"
#include "smt-cli-private.h"

/* The value of --sex: nam or nu (tones and case ignored), M or F; 0 when
 * it is none of them. */
static char
parse_sex (const char *text)
{
  g_autofree char *folded = smt_text_fold (text);

  if (g_strcmp0 (folded, "nam") == 0 || g_strcmp0 (folded, "m") == 0)
    return 'M';
  if (g_strcmp0 (folded, "nu") == 0 || g_strcmp0 (folded, "f") == 0)
    return 'F';
  return 0;
}

/* -1 when the text is none of the words. */
static int
parse_word (const char         *text,
            const char * const *words)
{
  for (int i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, words[i]) == 0)
      return i;
  return -1;
}

int
smt_cli_cmd_people (int    argc,
                    char **argv)
{
  static const char * const statuses[] = { "active", "away", "left", "never", "member", NULL };
  static const char * const answers[] = { "yes", "no", NULL };
  g_autofree char *search = NULL;
  g_autofree char *hamlet = NULL;
  g_autofree char *org = NULL;
  g_autofree char *sex = NULL;
  g_autofree char *member = NULL;
  g_autofree char *party = NULL;
  int age_min = 0, age_max = 0;
  int limit = 50;
  g_autofree char *sort = NULL;
  gboolean descending = FALSE;
  GOptionEntry entries[] = {
    { "search", 'q', 0, G_OPTION_ARG_STRING, &search,
      N_("Only names containing this text (tones and đ ignored)"), N_("TEXT") },
    { "hamlet", 0, 0, G_OPTION_ARG_STRING, &hamlet, N_("Only people living in this hamlet today"),
      N_("NAME") },
    { "org", 0, 0, G_OPTION_ARG_STRING, &org,
      N_("Only members of this organisation today (PN, ND…); with --status, the organisation "
         "the status is about"), N_("CODE") },
    { "sex", 0, 0, G_OPTION_ARG_STRING, &sex, N_("Only men (nam, M) or women (nu, F)"),
      "nam|nu" },
    { "age-min", 0, 0, G_OPTION_ARG_INT, &age_min, N_("Only people at least N years old today"),
      "N" },
    { "age-max", 0, 0, G_OPTION_ARG_INT, &age_max, N_("Only people at most N years old today"),
      "N" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &member,
      N_("Membership today: active, away (working away), left (a former member), never, or "
         "member (active or away)"),
      "active|away|left|never|member" },
    { "party", 0, 0, G_OPTION_ARG_STRING, &party, N_("Only Party members (yes) or others (no)"),
      "yes|no" },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort,
      N_("Order by name (the default), birth-year, sex or hamlet; ties by name"),
      "name|birth-year|sex|hamlet" },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &descending, N_("Reverse the order"), NULL },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N people (0: all)"), "N" },
    { NULL }
  };
  static const char *orders[] = { "name", "birth-year", "sex", "hamlet", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *total = NULL;
  SmtPeopleFilter filter = { 0 };
  guint shown;
  int status;

  if ((status = smt_cli_parse_args ("people", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran people FILE [--search "
                                       "TEXT]\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (sex != NULL && (filter.sex = parse_sex (sex)) == 0)
    {
      g_printerr (_("“%s” is not a sex: write --sex nam or --sex nu (or M, F).\n"), sex);
      return 2;
    }
  if (age_min < 0 || age_max < 0 || age_min > 150 || age_max > 150)
    {
      g_printerr (_("An age must be between 0 and 150.\n"));
      return 2;
    }
  if (age_max > 0 && age_min > age_max)
    {
      g_printerr (_("--age-min (%d) is greater than --age-max (%d): no one can match.\n"),
                  age_min, age_max);
      return 2;
    }
  filter.age_min = age_min;
  filter.age_max = age_max;
  if (member != NULL)
    {
      int k = parse_word (member, statuses);

      if (k < 0)
        {
          g_printerr (_("“%s” is not a membership status: write active, away, left, never "
                        "or member.\n"), member);
          return 2;
        }
      filter.status = SMT_PEOPLE_STATUS_ACTIVE + k;
    }
  if (party != NULL)
    {
      int k = parse_word (party, answers);

      if (k < 0)
        {
          g_printerr (_("“%s” is not an answer for --party: write yes or no.\n"), party);
          return 2;
        }
      filter.party = k == 0 ? SMT_PEOPLE_PARTY_YES : SMT_PEOPLE_PARTY_NO;
    }
  if (sort != NULL)
    {
      int k = parse_word (sort, orders);

      if (k < 0)
        {
          g_printerr (_("“%s” is not an order: write name, birth-year, sex or hamlet.\n"),
                      sort);
          return 2;
        }
      filter.order = SMT_PEOPLE_ORDER_NAME + k;
    }
  filter.descending = descending;
  reg = smt_cli_open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if (org != NULL && (filter.organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if (hamlet != NULL && (filter.hamlet_id = smt_hamlet_lookup (reg, hamlet)) == 0)
    {
      g_printerr (_("There is no hamlet called “%s” in this register. Write its name as "
                    "the register has it, for example “Ấp 3”.\n"), hamlet);
      return 2;
    }
  filter.search = search;
  ids = smt_people_query_ids (reg, &filter, &error);
  if (ids == NULL)
    return smt_cli_print_error (error, 1);
  shown = limit > 0 ? MIN ((guint) limit, ids->len) : ids->len;
  for (guint start = 0; start < shown; start += 256)
    {
      SmtPersonRow rows[256];
      guint n = MIN (256u, shown - start);

      if (!smt_people_fetch_rows (reg, &g_array_index (ids, gint64, start), n, NULL, rows,
                                  &error))
        return smt_cli_print_error (error, 1);
      for (guint i = 0; i < n; i++)
        {
          /* The key last, for `somattran person FILE ID`. */
          g_print ("%s\t%d\t%s\t%s\t%s%s\t%" G_GINT64_FORMAT "\n", rows[i].full_name,
                   rows[i].birth_year, rows[i].sex == 'F' ? _("Female") : _("Male"),
                   rows[i].hamlet, rows[i].organisations,
                   rows[i].deceased ? _(" (deceased)") : "", rows[i].id);
          smt_person_row_clear (&rows[i]);
        }
    }
  total = smt_format_int (ids->len);
  g_printerr (_("%s people found.\n"), total);
  return 0;
}

/* ---- overview ------------------------------------------------------------- */

static const char *
confirm_code (SmtConfirmKind kind)
{
  switch (kind)
    {
    case SMT_CONFIRM_DECEASED:
      return "deceased";
    case SMT_CONFIRM_MOVED_AWAY:
      return "moved_away";
    case SMT_CONFIRM_OVER_AGE:
    default:
      return "over_age";
    }
}

static void
overview_json (GString           *out,
               const SmtOverview *ov)
{
  g_string_append_c (out, '{');
  smt_json_key (out, "month", TRUE);
  smt_json_string (out, ov->month);
  smt_json_key (out, "day", FALSE);
  smt_json_string (out, ov->day);
  smt_json_key (out, "people", FALSE);
  smt_json_int (out, ov->people);
  smt_json_key (out, "households", FALSE);
  smt_json_int (out, ov->households);
  smt_json_key (out, "members", FALSE);
  smt_json_int (out, ov->members);
  smt_json_key (out, "memberships", FALSE);
  smt_json_int (out, ov->memberships);
  smt_json_key (out, "organisations", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < ov->organisations->len; i++)
    {
      const SmtOverviewOrganisation *o = g_ptr_array_index (ov->organisations, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "organisation_id", TRUE);
      smt_json_int (out, o->organisation_id);
      smt_json_key (out, "code", FALSE);
      smt_json_string (out, o->code);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, o->name);
      smt_json_key (out, "members", FALSE);
      smt_json_int (out, o->members);
      smt_json_key (out, "away", FALSE);
      smt_json_int (out, o->away);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  smt_json_key (out, "branches", FALSE);
  smt_json_int (out, ov->branches);
  smt_json_key (out, "without_meeting", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < ov->without_meeting->len; i++)
    {
      const SmtOverviewBranch *b = g_ptr_array_index (ov->without_meeting, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "branch_id", TRUE);
      smt_json_int (out, b->branch_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, b->name);
      smt_json_key (out, "organisation", FALSE);
      smt_json_string (out, b->organisation);
      smt_json_key (out, "last_meeting", FALSE);
      smt_json_string (out, b->last_meeting);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  smt_json_key (out, "rating_year", FALSE);
  smt_json_int (out, ov->rating_year);
  smt_json_key (out, "members_rated", FALSE);
  smt_json_int (out, ov->members_rated);
  smt_json_key (out, "branches_rated", FALSE);
  smt_json_int (out, ov->branches_rated);
  smt_json_key (out, "to_confirm", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < ov->to_confirm->len; i++)
    {
      const SmtOverviewConfirm *c = g_ptr_array_index (ov->to_confirm, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "kind", TRUE);
      smt_json_string (out, confirm_code (c->kind));
      smt_json_key (out, "person_id", FALSE);
      smt_json_int (out, c->person_id);
      smt_json_key (out, "organisation_id", FALSE);
      smt_json_int (out, c->organisation_id);
      smt_json_key (out, "text", FALSE);
      smt_json_string (out, c->text);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

static void
overview_text (GString           *out,
               SmtRegister       *reg,
               const SmtOverview *ov)
{
  g_autofree char *title = smt_register_dup_commune_title (reg);
  g_autofree char *day = smt_date_to_display (ov->day);
  g_autofree char *people = smt_format_int (ov->people);
  g_autofree char *households = smt_format_int (ov->households);
  g_autofree char *members = smt_format_int (ov->members);
  g_autofree char *memberships = smt_format_int (ov->memberships);
  g_autofree char *branches = smt_format_int (ov->branches);
  g_autofree char *without = smt_format_int (ov->without_meeting->len);
  g_autofree char *members_rated = smt_format_int (ov->members_rated);
  g_autofree char *branches_rated = smt_format_int (ov->branches_rated);
  g_autofree char *to_confirm = smt_format_int (ov->to_confirm->len);
  g_autoptr(SmtPeriod) month = smt_period_parse (ov->month, NULL);
  g_autofree char *label = month ? smt_period_to_label (month) : g_strdup (ov->month);

  /* TRANSLATORS: commune, "Tháng 10/2026", the day counted */
  g_string_append_printf (out, _("Overview of %s — %s (figures on %s)\n\n"), title, label, day);
  g_string_append_printf (out, _("Living in the commune: %s people in %s households\n"), people,
                          households);
  g_string_append_printf (out, _("Members: %s people, %s memberships\n"), members, memberships);
  for (guint i = 0; i < ov->organisations->len; i++)
    {
      const SmtOverviewOrganisation *o = g_ptr_array_index (ov->organisations, i);
      g_autofree char *count = smt_format_int (o->members);

      g_string_append_printf (out, "  %s", o->name);
      /* printf pads bytes; Vietnamese letters take two or three. */
      for (glong w = g_utf8_strlen (o->name, -1); w < 40; w++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, " %7s", count);
      if (o->away > 0)
        {
          g_autofree char *away = smt_format_int (o->away);

          g_string_append_printf (out, _(" (%s working away)"), away);
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, _("\nBranches: %s; without a regular meeting in the month: %s\n"),
                          branches, without);
  for (guint i = 0; i < ov->without_meeting->len; i++)
    {
      const SmtOverviewBranch *b = g_ptr_array_index (ov->without_meeting, i);

      if (b->last_meeting != NULL)
        {
          g_autofree char *last = smt_date_to_display (b->last_meeting);

          g_string_append_printf (out, _("  %s (%s): last regular meeting %s\n"), b->name,
                                  b->organisation, last);
        }
      else
        g_string_append_printf (out, _("  %s (%s): no regular meeting recorded\n"), b->name,
                                b->organisation);
    }
  g_string_append_printf (out, _("\nRatings of %d: %s member ratings, %s branches rated\n"),
                          ov->rating_year, members_rated, branches_rated);
  if (ov->to_confirm->len == 0)
    g_string_append (out, _("\nNo change to confirm.\n"));
  else
    {
      g_string_append_printf (out, _("\nChanges to confirm (%s); the register changes nothing "
                                     "until you record them:\n"), to_confirm);
      for (guint i = 0; i < ov->to_confirm->len; i++)
        {
          const SmtOverviewConfirm *c = g_ptr_array_index (ov->to_confirm, i);

          g_string_append_printf (out, "  - %s\n", c->text);
        }
    }
}

int
smt_cli_cmd_overview (int    argc,
                      char **argv)
{
  g_autofree char *month = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month,
      N_("The month (default: the current one)"), N_("YYYY-MM") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtOverview) ov = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  if ((status = smt_cli_parse_args ("overview", _("FILE"), entries, NULL, 2,
                                    _("Name the register: somattran overview FILE [--month "
                                       "2026-10]\n"),
                                    &argc, &argv, &reg, NULL)) != 0)
    return status;
  if ((ov = smt_overview_compute (reg, month, &error)) == NULL)
    return smt_cli_print_error (error, 2);
  if (json)
    overview_json (out, ov);
  else
    overview_text (out, reg, ov);
  fputs (out->str, stdout);
  return 0;
}

/* ---- person ----------------------------------------------------------------- */

/* Personal data as shown: in full when asked, else masked; NULL when not
 * recorded. */
static char *
personal (const char *value,
          gboolean    show,
          gboolean    keep_tail)
{
  if (value == NULL)
    return NULL;
  return show ? g_strdup (value) : smt_personal_mask (value, keep_tail);
}

static void
person_json (GString               *out,
             const SmtPersonDetail *d,
             gboolean               show)
{
  const char *personal_keys[] = { "cccd", "phone", "ethnicity", "religion" };
  const char *personal_values[] = { d->cccd, d->phone, d->ethnicity, d->religion };
  char sex[2] = { d->sex, '\0' };

  g_string_append_c (out, '{');
  smt_json_key (out, "id", TRUE);
  smt_json_int (out, d->id);
  smt_json_key (out, "name", FALSE);
  smt_json_string (out, d->name);
  smt_json_key (out, "ho", FALSE);
  smt_json_string (out, d->ho);
  smt_json_key (out, "chu_lot", FALSE);
  smt_json_string (out, d->chu_lot);
  smt_json_key (out, "ten", FALSE);
  smt_json_string (out, d->ten);
  smt_json_key (out, "sex", FALSE);
  smt_json_string (out, sex);
  smt_json_key (out, "birth_year", FALSE);
  smt_json_int (out, d->birth_year);
  smt_json_key (out, "birth_date", FALSE);
  smt_json_string (out, d->birth_date);
  smt_json_key (out, "deceased_on", FALSE);
  smt_json_string (out, d->deceased_on);
  smt_json_key (out, "party_since", FALSE);
  smt_json_string (out, d->party_since);
  smt_json_key (out, "note", FALSE);
  smt_json_string (out, d->note);
  smt_json_key (out, "personal_shown", FALSE);
  smt_cli_json_bool (out, show);
  for (guint i = 0; i < G_N_ELEMENTS (personal_keys); i++)
    {
      g_autofree char *value = personal (personal_values[i], show, i < 2);

      smt_json_key (out, personal_keys[i], FALSE);
      smt_json_string (out, value);
    }
  smt_json_key (out, "household_id", FALSE);
  smt_json_int (out, d->household_id);
  smt_json_key (out, "household", FALSE);
  smt_json_string (out, d->household);
  smt_json_key (out, "hamlet", FALSE);
  smt_json_string (out, d->hamlet);

  smt_json_key (out, "residences", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < d->residences->len; i++)
    {
      const SmtResidenceRow *r = g_ptr_array_index (d->residences, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "from", TRUE);
      smt_json_string (out, r->from);
      smt_json_key (out, "to", FALSE);
      smt_json_string (out, r->to);
      smt_json_key (out, "household_id", FALSE);
      smt_json_int (out, r->household_id);
      smt_json_key (out, "household", FALSE);
      smt_json_string (out, r->household);
      smt_json_key (out, "hamlet", FALSE);
      smt_json_string (out, r->hamlet);
      smt_json_key (out, "head", FALSE);
      smt_cli_json_bool (out, r->head);
      smt_json_key (out, "reason", FALSE);
      smt_json_string (out, r->reason);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  smt_json_key (out, "memberships", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < d->memberships->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      smt_json_string (out, g_ptr_array_index (d->memberships, i));
    }
  g_string_append_c (out, ']');

  smt_json_key (out, "timeline", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < d->timeline->len; i++)
    {
      const SmtTimelineRow *t = g_ptr_array_index (d->timeline, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "event_id", TRUE);
      smt_json_int (out, t->event_id);
      smt_json_key (out, "date", FALSE);
      smt_json_string (out, t->date);
      smt_json_key (out, "organisation_id", FALSE);
      smt_json_int (out, t->organisation_id);
      smt_json_key (out, "organisation", FALSE);
      smt_json_string (out, t->organisation);
      smt_json_key (out, "kind", FALSE);
      smt_json_string (out, t->kind);
      smt_json_key (out, "kind_code", FALSE);
      smt_json_string (out, smt_event_kind_to_string (t->event_kind));
      smt_json_key (out, "restructured", FALSE);
      smt_cli_json_bool (out, t->restructured);
      smt_json_key (out, "branch", FALSE);
      smt_json_string (out, t->branch);
      smt_json_key (out, "reason", FALSE);
      smt_json_string (out, t->reason);
      smt_json_key (out, "exception", FALSE);
      smt_json_string (out, t->exception);
      smt_json_key (out, "current", FALSE);
      smt_cli_json_bool (out, t->current);
      smt_json_key (out, "superseded_by", FALSE);
      smt_json_int (out, t->superseded_by);
      smt_json_key (out, "entered_at", FALSE);
      smt_json_string (out, t->entered_at);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  smt_json_key (out, "attendance", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < d->attendance->len; i++)
    {
      const SmtAttendanceRow *a = g_ptr_array_index (d->attendance, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "meeting_id", TRUE);
      smt_json_int (out, a->meeting_id);
      smt_json_key (out, "date", FALSE);
      smt_json_string (out, a->date);
      smt_json_key (out, "branch", FALSE);
      smt_json_string (out, a->branch);
      smt_json_key (out, "topic", FALSE);
      smt_json_string (out, a->topic);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  smt_json_key (out, "traits", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < d->traits->len; i++)
    {
      const SmtPersonTraitRow *t = g_ptr_array_index (d->traits, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, t->id);
      smt_json_key (out, "trait", FALSE);
      smt_json_string (out, t->code);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, t->name);
      smt_json_key (out, "from", FALSE);
      smt_json_string (out, t->from_date);
      smt_json_key (out, "to", FALSE);
      smt_json_string (out, t->to_date);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  smt_json_key (out, "ratings", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < d->ratings->len; i++)
    {
      const SmtRatingRow *r = g_ptr_array_index (d->ratings, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "year", TRUE);
      smt_json_int (out, r->year);
      smt_json_key (out, "organisation", FALSE);
      smt_json_string (out, r->organisation);
      smt_json_key (out, "level", FALSE);
      smt_json_string (out, r->level);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

/* "  Label: value", or "—" for a value not recorded. */
static void
field_line (GString    *out,
            const char *label,
            const char *value)
{
  g_string_append_printf (out, "  %s: %s\n", label,
                          value != NULL && value[0] != '\0' ? value : "—");
}

static void
person_text (GString               *out,
             const SmtPersonDetail *d,
             gboolean               show)
{
  const char *labels[] = { N_("CCCD number"), N_("Phone"), N_("Ethnicity"), N_("Religion") };
  const char *values[] = { d->cccd, d->phone, d->ethnicity, d->religion };
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);

  /* Translators: the heading of `somattran person`: name and key */
  g_string_append_printf (out, _("%s (key %s)\n"), d->name, key);

  g_string_append_printf (out, "\n%s\n", _("Identity"));
  field_line (out, _("Sex"), d->sex == 'F' ? _("Female") : _("Male"));
  if (d->birth_date != NULL)
    {
      g_autofree char *born = smt_date_to_display (d->birth_date);

      field_line (out, _("Date of birth"), born);
    }
  else
    {
      g_autofree char *year = g_strdup_printf ("%d", d->birth_year);

      field_line (out, _("Year of birth"), year);
    }
  if (d->party_since != NULL)
    {
      g_autofree char *since = smt_date_to_display (d->party_since);

      field_line (out, _("Party member since"), since);
    }
  if (d->deceased_on != NULL)
    {
      g_autofree char *died = smt_date_to_display (d->deceased_on);

      field_line (out, _("Died"), died);
    }
  if (d->residences->len == 0)
    field_line (out, _("Lives in"), _("no residence recorded"));
  else if (d->household_id == 0)
    field_line (out, _("Lives in"), _("moved out of the commune"));
  else
    {
      const SmtResidenceRow *last = g_ptr_array_index (d->residences, d->residences->len - 1);
      g_autofree char *where = last->head && last->household_id == d->household_id
                                 ? g_strdup_printf ("%s (%s)", d->household,
                                                    _("head of household"))
                                 : g_strdup (d->household);

      field_line (out, _("Lives in"), where);
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *value = personal (values[i], show, i < 2);

      field_line (out, _(labels[i]), value);
    }
  if (d->note[0] != '\0')
    field_line (out, _("Note"), d->note);
  if (!show)
    g_string_append_printf (out, "  %s\n",
                            _("Personal data is masked; add --show-personal to see it."));

  g_string_append_printf (out, "\n%s\n", _("Residence"));
  if (d->residences->len == 0)
    g_string_append_printf (out, "  %s\n", _("No residence recorded."));
  for (guint i = 0; i < d->residences->len; i++)
    {
      const SmtResidenceRow *r = g_ptr_array_index (d->residences, i);
      g_autofree char *from = smt_date_to_display (r->from);
      g_autofree char *to = r->to ? smt_date_to_display (r->to) : g_strdup (_("now"));

      g_string_append_printf (out, "  %s – %-10s  %s", from, to,
                              r->household_id != 0 ? r->household
                                                   : _("Moved out of the commune"));
      if (r->head)
        g_string_append_printf (out, " (%s)", _("head of household"));
      if (r->reason[0] != '\0')
        g_string_append_printf (out, " — %s", r->reason);
      g_string_append_c (out, '\n');
    }

  if (d->traits->len > 0)
    g_string_append_printf (out, "\n%s\n", _("Traits"));
  for (guint i = 0; i < d->traits->len; i++)
    {
      g_autofree char *text = smt_person_trait_describe (g_ptr_array_index (d->traits, i));

      g_string_append_printf (out, "  %s\n", text);
    }

  g_string_append_printf (out, "\n%s\n", _("Membership of organisations"));
  if (d->memberships->len == 0)
    g_string_append_printf (out, "  %s\n", _("Not a member of any organisation today."));
  for (guint i = 0; i < d->memberships->len; i++)
    g_string_append_printf (out, "  %s\n", (const char *) g_ptr_array_index (d->memberships, i));
  if (d->timeline->len > 0)
    g_string_append_printf (out, "  %s\n", _("History of membership:"));
  for (guint i = 0; i < d->timeline->len; i++)
    {
      const SmtTimelineRow *t = g_ptr_array_index (d->timeline, i);
      g_autofree char *date = smt_date_to_display (t->date);

      g_string_append_printf (out, "    %s  %s: %s", date, t->organisation, t->kind);
      if (t->event_kind == SMT_EVENT_VOID)
        for (guint k = 0; k < d->timeline->len; k++)
          {
            const SmtTimelineRow *voided = g_ptr_array_index (d->timeline, k);

            if (voided->superseded_by == t->event_id)
              {
                g_autofree char *when = smt_date_to_display (voided->date);

                /* Translators: what a void annuls: "Hủy: Chuyển sinh hoạt ngày 01/04/2018" */
                g_string_append_printf (out, _(": %s of %s"), voided->kind, when);
              }
          }
      if (t->branch[0] != '\0')
        g_string_append_printf (out, " — %s", t->branch);
      if (t->reason[0] != '\0')
        g_string_append_printf (out, " — %s", t->reason);
      if (t->exception[0] != '\0')
        g_string_append_printf (out, _(" (exception: %s)"), t->exception);
      if (!t->current)
        g_string_append_printf (out, " [%s]", _("voided"));
      g_string_append_c (out, '\n');
    }

  {
    g_autofree char *count = smt_format_int (d->attendance->len);

    g_string_append_printf (out, "\n%s (%s)\n", _("Meetings attended"), count);
  }
  if (d->attendance->len == 0)
    g_string_append_printf (out, "  %s\n", _("No attendance recorded."));
  for (guint i = 0; i < d->attendance->len; i++)
    {
      const SmtAttendanceRow *a = g_ptr_array_index (d->attendance, i);
      g_autofree char *date = smt_date_to_display (a->date);

      g_string_append_printf (out, "  %s  %s", date, a->branch);
      if (a->topic[0] != '\0')
        g_string_append_printf (out, " — %s", a->topic);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n%s\n", _("Ratings"));
  if (d->ratings->len == 0)
    g_string_append_printf (out, "  %s\n", _("Not rated in any year."));
  for (guint i = 0; i < d->ratings->len; i++)
    {
      const SmtRatingRow *r = g_ptr_array_index (d->ratings, i);

      g_string_append_printf (out, "  %d  %s: %s\n", r->year, r->organisation, r->level);
    }
}

int
smt_cli_cmd_person (int    argc,
                    char **argv)
{
  gboolean show = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "show-personal", 0, 0, G_OPTION_ARG_NONE, &show,
      N_("Show CCCD, phone, ethnicity and religion in full instead of masked"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) detail = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint64 id = 0;
  int status;

  if ((status = smt_cli_parse_args ("person", _("FILE ID"), entries, NULL, 3,
                                    _("Name the register and the person's key: somattran person "
                                       "FILE ID (the key is the last column of “somattran "
                                       "people”)\n"),
                                    &argc, &argv, NULL, NULL)) != 0)
    return status;
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("“%s” is not a person's key. The key is a number, the last column of "
                    "“somattran people”.\n"), argv[2]);
      return 2;
    }
  reg = smt_cli_open_register (argv[1]);
  if (reg == NULL)
    return 2;
  detail = smt_person_detail_get (reg, (gint64) id, &error);
  if (detail == NULL)
    return smt_cli_print_error (error, g_error_matches (error, SMT_REGISTER_ERROR,
                                                        SMT_REGISTER_ERROR_NOT_FOUND) ? 2 : 1);
  if (json)
    person_json (out, detail, show);
  else
    person_text (out, detail, show);
  fputs (out->str, stdout);
  return 0;
}
