/* smt-cli.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
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
#include "core/smt-branch-detail.h"
#include "core/smt-check.h"
#include "core/smt-demo.h"
#include "core/smt-catalogue.h"
#include "core/smt-date.h"
#include "core/smt-format.h"
#include "core/smt-indicators.h"
#include "core/smt-membership.h"
#include "core/smt-organisation-query.h"
#include "core/smt-organisations.h"
#include "core/smt-overview.h"
#include "core/smt-people-query.h"
#include "core/smt-person-detail.h"
#include "core/smt-period.h"
#include "core/smt-register.h"
#include "core/smt-targets.h"
#include "core/smt-text.h"
#include "io/smt-backup.h"
#include "io/smt-json.h"

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
static int cmd_overview (int argc, char **argv);
static int cmd_person (int argc, char **argv);
static int cmd_organisations (int argc, char **argv);
static int cmd_branches (int argc, char **argv);
static int cmd_branch (int argc, char **argv);
static int cmd_event (int argc, char **argv);
static int cmd_backup (int argc, char **argv);
static int cmd_indicators (int argc, char **argv);
static int cmd_explain (int argc, char **argv);
static int cmd_trend (int argc, char **argv);
static int cmd_help (int argc, char **argv);

static const Command commands[] = {
  { "demo", N_("FILE [--people N] [--seed S]"),
    N_("Create a realistic demo commune in a new register file"), cmd_demo },
  { "check", N_("FILE"),
    N_("Verify the register's integrity and every rule of its history"), cmd_check },
  { "people", N_("FILE [--search TEXT] [--hamlet NAME] [--org CODE] [--sex nam|nu] "
                  "[--age-min N] [--age-max N] [--status active|away|left|never] "
                  "[--party yes|no] [--limit N]"),
    N_("List people in Vietnamese order by given name; search ignores tones; the filters "
       "combine"), cmd_people },
  { "overview", N_("FILE [--month YYYY-MM] [--json]"),
    N_("The commune at a glance for a month: people, members, branches without a meeting, "
       "ratings, changes to confirm"), cmd_overview },
  { "person", N_("FILE ID [--show-personal] [--json]"),
    N_("Everything about one person: identity, residence, membership history, meetings "
       "attended and ratings; personal data masked unless asked"), cmd_person },
  { "organisations", N_("FILE [--json]"),
    N_("List the organisations with their codes and whom they gather"), cmd_organisations },
  { "branches", N_("FILE [--org CODE] [--date YYYY-MM-DD] [--json]"),
    N_("List the branches existing on a day, with the hamlets they serve and their members"),
    cmd_branches },
  { "branch", N_("FILE BRANCH_ID [--date YYYY-MM-DD] [--json]"),
    N_("One branch: its leaders over time and its members on a day, by given name"),
    cmd_branch },
  { "event", N_("FILE PERSON_ID KIND [--org CODE] [--branch ID] [--date YYYY-MM-DD] "
                "[--reason TEXT] [--document TEXT] [--exception TEXT] [--voids EVENT_ID]"),
    N_("Record a membership change (admitted, transferred, transferred_in, transferred_out, "
       "left, removed, away, back, void), as the Biến động dialogs do"), cmd_event },
  { "indicators", N_("FILE --period P [--org CODE] [--hamlet NAME] [--resolution NUMBER] [--json]"),
    N_("Compute every indicator for a period (2025-05, 2025-Q2, 2025-H1, 2025-9M, 2025, "
       "2021-01-01..2025-12-31)"), cmd_indicators },
  { "explain", N_("FILE INDICATOR --period P [--org CODE] [--hamlet NAME] [--json]"),
    N_("List the people, households, branches or meetings behind an indicator's figures"),
    cmd_explain },
  { "trend", N_("FILE INDICATOR --from P --to P [--org CODE] [--hamlet NAME] [--json]"),
    N_("An indicator's value for each month, quarter or year from one period to another"),
    cmd_trend },
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
parse_options (const char         *name,
               const char         *params,
               const GOptionEntry *entries,
               const GOptionEntry *more_entries,
               int                *argc,
               char             ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
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

  if ((status = parse_options ("demo", _("FILE"), entries, NULL, &argc, &argv)) != 0)
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

  if ((status = parse_options ("check", _("FILE"), NULL, NULL, &argc, &argv)) != 0)
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

static int
cmd_people (int    argc,
            char **argv)
{
  static const char * const statuses[] = { "active", "away", "left", "never", NULL };
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
      N_("Membership today: active, away (working away), left (a former member) or never"),
      "active|away|left|never" },
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

  if ((status = parse_options ("people", _("FILE"), entries, NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Name the register: somattran people FILE [--search TEXT]\n"));
      return 2;
    }
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
          g_printerr (_("“%s” is not a membership status: write active, away, left or "
                        "never.\n"), member);
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
  reg = open_register (argv[1]);
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

static int
cmd_overview (int    argc,
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

  if ((status = parse_options ("overview", _("FILE"), entries, NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Name the register: somattran overview FILE [--month 2026-10]\n"));
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if ((ov = smt_overview_compute (reg, month, &error)) == NULL)
    {
      print_error (error);
      return 2;
    }
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
json_bool (GString  *out,
           gboolean  value)
{
  g_string_append (out, value ? "true" : "false");
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
  json_bool (out, show);
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
      json_bool (out, r->head);
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
      smt_json_key (out, "branch", FALSE);
      smt_json_string (out, t->branch);
      smt_json_key (out, "reason", FALSE);
      smt_json_string (out, t->reason);
      smt_json_key (out, "exception", FALSE);
      smt_json_string (out, t->exception);
      smt_json_key (out, "current", FALSE);
      json_bool (out, t->current);
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

static int
cmd_person (int    argc,
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

  if ((status = parse_options ("person", _("FILE ID"), entries, NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 3)
    {
      g_printerr (_("Name the register and the person's key: somattran person FILE ID "
                    "(the key is the last column of “somattran people”)\n"));
      return 2;
    }
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("“%s” is not a person's key. The key is a number, the last column of "
                    "“somattran people”.\n"), argv[2]);
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  detail = smt_person_detail_get (reg, (gint64) id, &error);
  if (detail == NULL)
    {
      print_error (error);
      return g_error_matches (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND) ? 2 : 1;
    }
  if (json)
    person_json (out, detail, show);
  else
    person_text (out, detail, show);
  fputs (out->str, stdout);
  return 0;
}

/* ---- organisations, branches ------------------------------------------------ */

/* Appends text and pads it to width characters: printf pads bytes, and
 * Vietnamese letters take two or three. */
static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  g_string_append (out, text);
  for (glong w = g_utf8_strlen (text, -1); w < width; w++)
    g_string_append_c (out, ' ');
}

/* Right-aligns text in width characters. */
static void
append_right (GString    *out,
              const char *text,
              glong       width)
{
  for (glong w = g_utf8_strlen (text, -1); w < width; w++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

/* JSON number for a bound or a key, null when absent. */
static void
json_int_or_null (GString *out,
                  gint64   value,
                  gint64   absent)
{
  if (value == absent)
    g_string_append (out, "null");
  else
    smt_json_int (out, value);
}

/* "nữ, 18 tuổi trở lên": who an organisation gathers. */
static char *
eligibility_text (const SmtOrganisationInfo *o)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (o->sex == 'F')
    g_ptr_array_add (parts, g_strdup (_("women")));
  else if (o->sex == 'M')
    g_ptr_array_add (parts, g_strdup (_("men")));
  if (o->min_age >= 0 && o->max_age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (_("aged %d to %d"), o->min_age, o->max_age));
  else if (o->min_age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (_("aged %d or over"), o->min_age));
  else if (o->max_age >= 0)
    g_ptr_array_add (parts, g_strdup_printf (_("aged up to %d"), o->max_age));
  if (parts->len == 0)
    return g_strdup (_("anyone"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
organisations_json (GString   *out,
                    GPtrArray *list)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < list->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (list, i);
      char sex[2] = { o->sex, '\0' };

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, o->id);
      smt_json_key (out, "code", FALSE);
      smt_json_string (out, o->code);
      smt_json_key (out, "short_name", FALSE);
      smt_json_string (out, o->short_name);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, o->name);
      smt_json_key (out, "member_word", FALSE);
      smt_json_string (out, o->member_word);
      smt_json_key (out, "socio_political", FALSE);
      json_bool (out, o->socio_political);
      smt_json_key (out, "active", FALSE);
      json_bool (out, o->active);
      smt_json_key (out, "min_age", FALSE);
      json_int_or_null (out, o->min_age, -1);
      smt_json_key (out, "max_age", FALSE);
      json_int_or_null (out, o->max_age, -1);
      smt_json_key (out, "sex", FALSE);
      smt_json_string (out, o->sex != 0 ? sex : NULL);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");
}

static void
organisations_text (GString   *out,
                    GPtrArray *list)
{
  append_padded (out, _("Code"), 6);
  append_padded (out, _("Organisation"), 48);
  append_padded (out, _("Kind"), 20);
  g_string_append_printf (out, "%s\n", _("Gathers"));
  for (guint i = 0; i < list->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (list, i);
      g_autofree char *who = eligibility_text (o);

      append_padded (out, o->code, 6);
      append_padded (out, o->name, 48);
      append_padded (out, o->socio_political ? _("socio-political") : _("mass association"), 20);
      g_string_append (out, who);
      if (!o->active)
        g_string_append (out, _(" (no longer active)"));
      g_string_append_c (out, '\n');
    }
}

static int
cmd_organisations (int    argc,
                   char **argv)
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
  int status;

  if ((status = parse_options ("organisations", _("FILE"), entries, NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Name the register: somattran organisations FILE [--json]\n"));
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if ((list = smt_organisations_list (reg, &error)) == NULL)
    {
      print_error (error);
      return 1;
    }
  if (json)
    organisations_json (out, list);
  else
    organisations_text (out, list);
  fputs (out->str, stdout);
  return 0;
}

static void
branches_json (GString   *out,
               GPtrArray *list)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < list->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (list, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      smt_json_key (out, "id", TRUE);
      smt_json_int (out, b->id);
      smt_json_key (out, "organisation_id", FALSE);
      smt_json_int (out, b->organisation_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, b->name);
      smt_json_key (out, "kind", FALSE);
      smt_json_string (out, b->kind);
      smt_json_key (out, "parent_id", FALSE);
      json_int_or_null (out, b->parent_id, 0);
      smt_json_key (out, "hamlets", FALSE);
      smt_json_string (out, b->hamlets);
      smt_json_key (out, "founded_on", FALSE);
      smt_json_string (out, b->founded_on);
      smt_json_key (out, "dissolved_on", FALSE);
      smt_json_string (out, b->dissolved_on);
      smt_json_key (out, "members", FALSE);
      smt_json_int (out, b->members);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]\n");
}

static void
branches_text (GString    *out,
               SmtRegister *reg,
               GPtrArray  *list,
               GPtrArray  *organisations,
               const char *date)
{
  g_autofree char *title = smt_register_dup_commune_title (reg);
  g_autofree char *day = smt_date_to_display (date);
  g_autofree char *count = smt_format_int (list->len);
  g_autofree char *total = NULL;
  gint64 organisation_id = 0;
  guint members = 0;

  /* TRANSLATORS: commune, date */
  g_string_append_printf (out, _("Branches of %s on %s\n"), title, day);
  for (guint i = 0; i < list->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (list, i);
      g_autofree char *n = smt_format_int (b->members);

      if (b->organisation_id != organisation_id)
        {
          const char *name = "?";
          const char *word = "";

          organisation_id = b->organisation_id;
          for (guint o = 0; o < organisations->len; o++)
            {
              const SmtOrganisationInfo *info = g_ptr_array_index (organisations, o);

              if (info->id == organisation_id)
                {
                  name = info->name;
                  word = info->member_word;
                }
            }
          g_string_append_printf (out, "\n%s\n  ", name);
          append_padded (out, _("Branch"), 40);
          append_padded (out, _("Kind"), 17);
          append_padded (out, _("Hamlets"), 20);
          /* TRANSLATORS: the column of members: "hội viên", "đoàn viên" */
          append_right (out, word, 10);
          g_string_append_printf (out, "  %s\n", _("Key"));
        }
      g_string_append (out, "  ");
      append_padded (out, b->name, 40);
      append_padded (out, b->kind, 17);
      append_padded (out, b->hamlets, 20);
      append_right (out, n, 10);
      g_string_append_printf (out, "  %" G_GINT64_FORMAT "\n", b->id);
      members += b->members;
    }
  total = smt_format_int (members);
  g_string_append_printf (out, _("\n%s branches, %s members on that day.\n"), count, total);
}

static int
cmd_branches (int    argc,
              char **argv)
{
  g_autofree char *org = NULL;
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("Branches existing on this day, with their members then (default: today)"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 organisation_id = 0;
  int status;

  if ((status = parse_options ("branches", _("FILE"), entries, NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 2)
    {
      g_printerr (_("Name the register: somattran branches FILE [--org PN] [--date 2026-10-31] "
                    "[--json]\n"));
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if (org != NULL && (organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if ((list = smt_branches_list (reg, organisation_id, date, &error)) == NULL)
    {
      print_error (error);
      return 2;
    }
  if (json)
    branches_json (out, list);
  else
    {
      if ((organisations = smt_organisations_list (reg, &error)) == NULL)
        {
          print_error (error);
          return 1;
        }
      branches_text (out, reg, list, organisations,
                     date != NULL ? date : smt_register_get_today (reg));
    }
  fputs (out->str, stdout);
  return 0;
}

/* ---- branch ----------------------------------------------------------------- */

static void
branch_json (GString             *out,
             const SmtBranchInfo *b,
             const char          *date,
             GPtrArray           *leaders,
             GPtrArray           *members)
{
  g_string_append_c (out, '{');
  smt_json_key (out, "id", TRUE);
  smt_json_int (out, b->id);
  smt_json_key (out, "organisation_id", FALSE);
  smt_json_int (out, b->organisation_id);
  smt_json_key (out, "name", FALSE);
  smt_json_string (out, b->name);
  smt_json_key (out, "kind", FALSE);
  smt_json_string (out, b->kind);
  smt_json_key (out, "hamlets", FALSE);
  smt_json_string (out, b->hamlets);
  smt_json_key (out, "date", FALSE);
  smt_json_string (out, date);
  smt_json_key (out, "leaders", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (leaders, i);

      g_string_append (out, i > 0 ? ",{" : "{");
      smt_json_key (out, "person_id", TRUE);
      smt_json_int (out, l->person_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, l->full_name);
      smt_json_key (out, "role", FALSE);
      smt_json_string (out, l->role == SMT_LEADER_DEPUTY ? "deputy" : "leader");
      smt_json_key (out, "role_label", FALSE);
      smt_json_string (out, l->role_label);
      smt_json_key (out, "from", FALSE);
      smt_json_string (out, l->from_date);
      smt_json_key (out, "to", FALSE);
      smt_json_string (out, l->to_date);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
  smt_json_key (out, "members", FALSE);
  g_string_append_c (out, '[');
  for (guint i = 0; i < members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (members, i);
      char sex[2] = { m->sex, 0 };

      g_string_append (out, i > 0 ? ",{" : "{");
      smt_json_key (out, "person_id", TRUE);
      smt_json_int (out, m->person_id);
      smt_json_key (out, "name", FALSE);
      smt_json_string (out, m->full_name);
      smt_json_key (out, "sex", FALSE);
      smt_json_string (out, sex);
      smt_json_key (out, "birth_year", FALSE);
      smt_json_int (out, m->birth_year);
      smt_json_key (out, "since", FALSE);
      smt_json_string (out, m->since);
      smt_json_key (out, "away", FALSE);
      g_string_append (out, m->away ? "true" : "false");
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}\n");
}

static void
branch_text (GString             *out,
             const SmtBranchInfo *b,
             const char          *date,
             GPtrArray           *leaders,
             GPtrArray           *members)
{
  g_autofree char *day = smt_date_to_display (date);
  g_autofree char *count = smt_format_int (members->len);

  g_string_append_printf (out, "%s (%s", b->name, b->kind);
  if (b->hamlets[0] != '\0')
    g_string_append_printf (out, ", %s", b->hamlets);
  g_string_append (out, ")\n\n");
  g_string_append_printf (out, "%s\n", _("Leaders"));
  if (leaders->len == 0)
    g_string_append_printf (out, "  %s\n", _("No leader recorded"));
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (leaders, i);
      g_autofree char *from = smt_date_to_display (l->from_date);
      g_autofree char *to = l->to_date != NULL ? smt_date_to_display (l->to_date) : NULL;
      g_autofree char *term = NULL;

      if (to != NULL)
        /* TRANSLATORS: a term of office, two dates */
        term = g_strdup_printf (_("%s – %s"), from, to);
      else
        /* TRANSLATORS: a term of office still running; %s is its first day */
        term = g_strdup_printf (_("since %s"), from);
      g_string_append (out, "  ");
      append_padded (out, l->full_name, 30);
      append_padded (out, l->role_label, 32);
      g_string_append_printf (out, "%s\n", term);
    }
  g_string_append_printf (out, "\n%s\n  ", _("Members"));
  append_padded (out, _("Name"), 30);
  append_padded (out, _("Born"), 10);
  append_padded (out, _("Sex"), 10);
  append_padded (out, _("Since"), 12);
  g_string_append_printf (out, "%s\n", _("Key"));
  for (guint i = 0; i < members->len; i++)
    {
      const SmtBranchMember *m = g_ptr_array_index (members, i);
      g_autofree char *since = smt_date_to_display (m->since);
      g_autofree char *year = g_strdup_printf ("%d", m->birth_year);

      g_string_append (out, "  ");
      append_padded (out, m->full_name, 30);
      append_padded (out, year, 10);
      append_padded (out, m->sex == 'F' ? _("Female") : _("Male"), 10);
      append_padded (out, since, 12);
      g_string_append_printf (out, "%" G_GINT64_FORMAT "%s\n", m->person_id,
                              m->away ? _(" (working away)") : "");
    }
  /* TRANSLATORS: a number of members, a date */
  g_string_append_printf (out, _("\n%s members on %s.\n"), count, day);
}

static int
cmd_branch (int    argc,
            char **argv)
{
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("Members on this day (default: today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) leaders = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const SmtBranchInfo *branch = NULL;
  guint64 branch_id = 0;
  int status;

  if ((status = parse_options ("branch", _("FILE BRANCH_ID"), entries, NULL, &argc, &argv)) != 0)
    return status;
  if (argc != 3)
    {
      g_printerr (_("Name the register and the branch's key: somattran branch FILE ID "
                    "[--date 2026-10-31] [--json]\n"));
      return 2;
    }
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &branch_id, NULL))
    {
      g_printerr (_("“%s” is not a branch's key. The key is a number, the last column of "
                    "“somattran branches”.\n"), argv[2]);
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if ((branches = smt_branches_list (reg, 0, date, &error)) == NULL)
    {
      print_error (error);
      return 2;
    }
  for (guint i = 0; i < branches->len; i++)
    if (((const SmtBranchInfo *) g_ptr_array_index (branches, i))->id == (gint64) branch_id)
      branch = g_ptr_array_index (branches, i);
  if (branch == NULL)
    {
      g_printerr (_("There is no branch with the key %s on that day. Use a key from "
                    "“somattran branches”.\n"), argv[2]);
      return 2;
    }
  if ((leaders = smt_branch_leaders (reg, branch->id, &error)) == NULL
      || (members = smt_branch_members (reg, branch->id, date, &error)) == NULL)
    {
      print_error (error);
      return 1;
    }
  if (json)
    branch_json (out, branch, date != NULL ? date : smt_register_get_today (reg), leaders,
                 members);
  else
    branch_text (out, branch, date != NULL ? date : smt_register_get_today (reg), leaders,
                 members);
  fputs (out->str, stdout);
  return 0;
}

/* ---- event ------------------------------------------------------------------ */

static int
cmd_event (int    argc,
           char **argv)
{
  g_autofree char *org = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *document = NULL;
  g_autofree char *exception = NULL;
  gint64 branch_id = 0;
  gint64 voids = 0;
  GOptionEntry entries[] = {
    { "org", 'o', 0, G_OPTION_ARG_STRING, &org,
      N_("The organisation (PN, ND…); not needed when a branch is named"), N_("CODE") },
    { "branch", 'b', 0, G_OPTION_ARG_INT64, &branch_id,
      N_("The branch joined (the key shown by “somattran branches”)"), "ID" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the event (default: today)"), N_("YYYY-MM-DD") },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason, N_("Why; required for a void"),
      N_("TEXT") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document,
      N_("The decision or document (quyết định số …)"), N_("TEXT") },
    { "exception", 0, 0, G_OPTION_ARG_STRING, &exception,
      N_("Admit outside the age or sex rule, recording why"), N_("TEXT") },
    { "voids", 0, 0, G_OPTION_ARG_INT64, &voids,
      N_("For a void: the key of the event to annul (from “somattran person”)"), "EVENT_ID" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) detail = NULL;
  g_autoptr(SmtPersonDetail) after = NULL;
  g_autofree char *date = NULL;
  g_autofree char *key = NULL;
  SmtMembershipChange change = { 0 };
  guint64 person_id = 0;
  gint64 id;
  int status;

  if ((status = parse_options ("event", _("FILE PERSON_ID KIND"), entries, NULL, &argc,
                               &argv)) != 0)
    return status;
  if (argc != 4)
    {
      g_printerr (_("Name the register, the person's key and the kind of event: somattran "
                    "event FILE ID admitted --branch ID [--date 2026-02-05]\n"));
      return 2;
    }
  if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &person_id, NULL))
    {
      g_printerr (_("“%s” is not a person's key. The key is a number, the last column of "
                    "“somattran people”.\n"), argv[2]);
      return 2;
    }
  if (!smt_event_kind_from_string (argv[3], &change.kind) || change.kind == SMT_EVENT_DECEASED)
    {
      g_printerr (_("“%s” is not a kind of event. Use one of admitted, transferred, "
                    "transferred_in, transferred_out, left, removed, away, back, void.\n"),
                  argv[3]);
      return 2;
    }
  if (date_text != NULL && (date = smt_date_parse (date_text)) == NULL)
    {
      g_printerr (_("“%s” is not a valid date. Write it as YYYY-MM-DD, for example "
                    "2026-02-05.\n"), date_text);
      return 2;
    }
  reg = open_register (argv[1]);
  if (reg == NULL)
    return 2;
  if (org != NULL && (change.organisation_id = smt_organisation_lookup (reg, org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), org);
      return 2;
    }
  if ((detail = smt_person_detail_get (reg, (gint64) person_id, &error)) == NULL)
    {
      print_error (error);
      return g_error_matches (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND) ? 2 : 1;
    }
  if (change.kind == SMT_EVENT_VOID)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < detail->timeline->len && !found; i++)
        found = ((SmtTimelineRow *) g_ptr_array_index (detail->timeline, i))->event_id == voids;
      if (!found)
        {
          g_printerr (_("The event to void is not in the history of %s. Give its key with "
                        "--voids, as “somattran person” shows it.\n"), detail->name);
          return 2;
        }
    }

  change.person_id = (gint64) person_id;
  change.branch_id = branch_id;
  change.date = date != NULL ? date : smt_register_get_today (reg);
  change.reason = reason;
  change.document = document;
  change.exception_note = exception;
  change.voids_event_id = voids;
  if ((id = smt_membership_record (reg, &change, &error)) == 0)
    {
      print_error (error);
      return 2;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if ((after = smt_person_detail_get (reg, (gint64) person_id, &error)) == NULL)
    {
      print_error (error);
      return 1;
    }
  for (guint i = 0; i < after->timeline->len; i++)
    {
      const SmtTimelineRow *t = g_ptr_array_index (after->timeline, i);
      g_autofree char *day = NULL;

      if (t->event_id != id)
        continue;
      day = smt_date_to_display (t->date);
      /* TRANSLATORS: "Kết nạp", the person, the branch or organisation, the date */
      g_print (_("Recorded: %s — %s (%s), on %s.\n"), t->kind, after->name,
               t->branch[0] != '\0' ? t->branch : t->organisation, day);
    }
  g_print (_("Key of the new event: %s\n"), key);
  return 0;
}

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  int status;

  if ((status = parse_options ("backup", _("FILE DEST"), NULL, NULL, &argc, &argv)) != 0)
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

/* ---- indicators ----------------------------------------------------------- */

static const char *
kind_code (SmtIndicatorKind kind)
{
  switch (kind)
    {
    case SMT_INDICATOR_STOCK:
      return "stock";
    case SMT_INDICATOR_FLOW:
      return "flow";
    case SMT_INDICATOR_COUNT:
    default:
      return "count";
    }
}

/* The options every indicator command shares: --org, --hamlet, --json. */
typedef struct
{
  char         *org;
  char         *hamlet;
  gboolean      json;
  GOptionEntry  entries[4];
} Filter;

static void
filter_init (Filter *f)
{
  const GOptionEntry entries[] = {
    { "org", 0, 0, G_OPTION_ARG_STRING, &f->org, N_("Only this organisation (PN, ND…)"),
      N_("CODE") },
    { "hamlet", 0, 0, G_OPTION_ARG_STRING, &f->hamlet, N_("Only this hamlet"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &f->json, N_("Write JSON"), NULL },
    { NULL }
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (entries) == G_N_ELEMENTS (f->entries));
  memcpy (f->entries, entries, sizeof entries);
}

static void
filter_clear (Filter *f)
{
  g_clear_pointer (&f->org, g_free);
  g_clear_pointer (&f->hamlet, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Filter, filter_clear)

/* Opens the register and turns --org and --hamlet into a query; NULL after
 * printing what is wrong. */
static SmtRegister *
open_filtered (const char        *path,
               const Filter      *f,
               SmtIndicatorQuery *query)
{
  g_autoptr(SmtRegister) reg = open_register (path);

  memset (query, 0, sizeof *query);
  if (reg == NULL)
    return NULL;
  if (f->org != NULL && (query->organisation_id = smt_organisation_lookup (reg, f->org)) == 0)
    {
      g_printerr (_("There is no organisation with the code “%s”. Use one of the codes "
                    "in the list of organisations.\n"), f->org);
      return NULL;
    }
  if (f->hamlet != NULL && (query->hamlet_id = smt_hamlet_lookup (reg, f->hamlet)) == 0)
    {
      g_printerr (_("There is no hamlet called “%s” in this register. Write its name as "
                    "the register has it, for example “Ấp 3”.\n"), f->hamlet);
      return NULL;
    }
  return g_steal_pointer (&reg);
}

static char *
figure_text (const SmtIndicatorResult *r)
{
  if (!r->defined)
    return g_strdup ("—");
  if (r->info->ratio)
    {
      g_autofree char *value = smt_format_percent (r->value, 2);
      g_autofree char *num = smt_format_int ((gint64) r->numerator);
      g_autofree char *den = smt_format_int ((gint64) r->denominator);

      return g_strdup_printf ("%s (%s/%s)", value, num, den);
    }
  return smt_format_decimal (r->value, 2);
}

static void
json_result (GString                  *out,
             const SmtIndicatorResult *r,
             const SmtTargetInfo      *target)
{
  g_autofree char *period = smt_period_to_code (r->period);
  double comparison;

  g_string_append_c (out, '{');
  smt_json_key (out, "code", TRUE);
  smt_json_string (out, r->code);
  smt_json_key (out, "name", FALSE);
  smt_json_string (out, smt_indicator_info_get_name (r->info));
  smt_json_key (out, "period", FALSE);
  smt_json_string (out, period);
  smt_json_key (out, "kind", FALSE);
  smt_json_string (out, kind_code (r->info->kind));
  smt_json_key (out, "source", FALSE);
  smt_json_string (out, r->info->source == SMT_INDICATOR_TYPED ? "typed" : "computed");
  smt_json_key (out, "numerator", FALSE);
  smt_json_number (out, r->defined || r->info->ratio ? r->numerator : NAN);
  smt_json_key (out, "denominator", FALSE);
  smt_json_number (out, r->info->ratio ? r->denominator : NAN);
  smt_json_key (out, "value", FALSE);
  smt_json_number (out, r->defined ? r->value : NAN);
  smt_json_key (out, "baseline", FALSE);
  smt_json_number (out, target && target->has_baseline ? target->baseline : NAN);
  smt_json_key (out, "target", FALSE);
  smt_json_number (out, target ? target->target : NAN);
  smt_json_key (out, "comparison", FALSE);
  if (target != NULL && r->defined && smt_target_comparison (r->value, target->target, &comparison))
    smt_json_number (out, round (comparison * 100) / 100);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
}

static int
cmd_indicators (int    argc,
                char **argv)
{
  g_autofree char *period_text = NULL;
  g_autofree char *resolution = NULL;
  g_auto(Filter) filter = { 0 };
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { "resolution", 'r', 0, G_OPTION_ARG_STRING, &resolution,
      N_("Show the targets and baselines of this resolution (06-NQ/TU…)"), N_("NUMBER") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *label = NULL;
  const SmtIndicatorInfo *all;
  SmtIndicatorQuery query;
  gint64 resolution_id = 0;
  guint n;
  int status;

  filter_init (&filter);
  if ((status = parse_options ("indicators", _("FILE"), entries, filter.entries, &argc, &argv)) != 0)
    return status;
  if (argc != 2 || period_text == NULL)
    {
      g_printerr (_("Name the register and the period: somattran indicators FILE --period "
                    "2025-Q2\n"));
      return 2;
    }
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    {
      print_error (error);
      return 2;
    }
  if ((reg = open_filtered (argv[1], &filter, &query)) == NULL)
    return 2;
  if (resolution != NULL && (resolution_id = smt_resolution_lookup (reg, resolution)) == 0)
    {
      g_printerr (_("There is no resolution numbered “%s” in this register. Check the "
                    "number, for example 06-NQ/TU.\n"), resolution);
      return 2;
    }

  label = smt_period_to_label (period);
  if (filter.json)
    g_string_append_c (out, '[');
  else
    g_string_append_printf (out, "%s\n", label);
  all = smt_catalogue_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmtIndicatorResult) r = NULL;
      SmtTargetInfo target = { 0 };
      gboolean has_target;

      r = smt_indicator_compute (reg, all[i].code, period, &query, &error);
      if (r == NULL)
        {
          print_error (error);
          return 1;
        }
      has_target = resolution_id != 0 && smt_target_get (reg, resolution_id, all[i].code, &target);
      if (filter.json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          json_result (out, r, has_target ? &target : NULL);
        }
      else
        {
          g_autofree char *figure = figure_text (r);

          g_string_append_printf (out, "  %-24s %s: %s", all[i].code,
                                  smt_indicator_info_get_name (r->info), figure);
          if (has_target)
            {
              g_autofree char *goal = smt_format_decimal (target.target, 2);
              double comparison;

              g_string_append_printf (out, _(" — target %s%s"), target.at_most ? "≤ " : "", goal);
              if (r->defined && smt_target_comparison (r->value, target.target, &comparison))
                {
                  g_autofree char *cmp = smt_format_percent (comparison, 2);

                  g_string_append_printf (out, _(", so sánh %s"), cmp);
                }
            }
          g_string_append_c (out, '\n');
        }
      smt_target_info_clear (&target);
    }
  if (filter.json)
    g_string_append (out, "]\n");
  fputs (out->str, stdout);
  return 0;
}

static int
cmd_explain (int    argc,
             char **argv)
{
  g_autofree char *period_text = NULL;
  g_auto(Filter) filter = { 0 };
  GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text, N_("The period (2025-Q2…)"), "P" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(SmtIndicatorResult) r = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SmtIndicatorQuery query;
  int status;

  filter_init (&filter);
  if ((status = parse_options ("explain", _("FILE INDICATOR"), entries, filter.entries, &argc, &argv)) != 0)
    return status;
  if (argc != 3 || period_text == NULL)
    {
      g_printerr (_("Name the register, the indicator and the period: somattran explain FILE "
                    "households_covered --period 2025-Q2\n"));
      return 2;
    }
  if ((period = smt_period_parse (period_text, &error)) == NULL)
    {
      print_error (error);
      return 2;
    }
  if ((reg = open_filtered (argv[1], &filter, &query)) == NULL)
    return 2;
  query.explain = TRUE;
  if ((r = smt_indicator_compute (reg, argv[2], period, &query, &error)) == NULL)
    {
      print_error (error);
      return 2;
    }

  if (filter.json)
    {
      g_autofree char *code = smt_period_to_code (period);
      GPtrArray *lists[2] = { r->numerator_rows, r->denominator_rows };
      const char *names[2] = { "numerator", "denominator" };

      g_string_append_c (out, '{');
      smt_json_key (out, "code", TRUE);
      smt_json_string (out, r->code);
      smt_json_key (out, "period", FALSE);
      smt_json_string (out, code);
      for (guint l = 0; l < 2; l++)
        {
          smt_json_key (out, names[l], FALSE);
          g_string_append_c (out, '[');
          for (guint i = 0; i < lists[l]->len; i++)
            {
              const SmtExplainRow *row = g_ptr_array_index (lists[l], i);

              if (i > 0)
                g_string_append_c (out, ',');
              g_string_append_c (out, '{');
              smt_json_key (out, "kind", TRUE);
              smt_json_string (out, row->kind);
              smt_json_key (out, "id", FALSE);
              smt_json_int (out, row->id);
              smt_json_key (out, "label", FALSE);
              smt_json_string (out, row->label);
              smt_json_key (out, "because", FALSE);
              smt_json_string (out, row->because);
              g_string_append_c (out, '}');
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "}\n");
    }
  else
    {
      g_autofree char *label = smt_period_to_label (period);
      g_autofree char *figure = figure_text (r);
      GPtrArray *lists[2] = { r->numerator_rows, r->denominator_rows };
      const char *titles[2] = { N_("Numerator"), N_("Denominator") };

      g_string_append_printf (out, "%s — %s: %s\n", smt_indicator_info_get_name (r->info), label,
                              figure);
      for (guint l = 0; l < 2; l++)
        {
          g_autofree char *count = smt_format_int (lists[l]->len);

          if (l == 1 && !r->info->ratio)
            break;
          g_string_append_printf (out, "\n%s (%s):\n", _(titles[l]), count);
          for (guint i = 0; i < lists[l]->len; i++)
            {
              const SmtExplainRow *row = g_ptr_array_index (lists[l], i);

              g_string_append_printf (out, "  %s — %s\n", row->label, row->because);
            }
        }
    }
  fputs (out->str, stdout);
  return 0;
}

static int
cmd_trend (int    argc,
           char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_auto(Filter) filter = { 0 };
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text, N_("The first period (2016-01…)"), "P" },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text, N_("The last period (2025-12…)"), "P" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPeriod) from = NULL;
  g_autoptr(SmtPeriod) to = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  SmtIndicatorQuery query;
  int status;

  filter_init (&filter);
  if ((status = parse_options ("trend", _("FILE INDICATOR"), entries, filter.entries, &argc, &argv)) != 0)
    return status;
  if (argc != 3 || from_text == NULL || to_text == NULL)
    {
      g_printerr (_("Name the register, the indicator and the periods: somattran trend FILE "
                    "gathering_rate --from 2016 --to 2025\n"));
      return 2;
    }
  if ((from = smt_period_parse (from_text, &error)) == NULL
      || (to = smt_period_parse (to_text, &error)) == NULL
      || (series = smt_period_series (from, to, &error)) == NULL)
    {
      print_error (error);
      return 2;
    }
  if ((reg = open_filtered (argv[1], &filter, &query)) == NULL)
    return 2;
  results = smt_indicator_compute_series (reg, argv[2], (SmtPeriod * const *) series->pdata,
                                          series->len, &query, &error);
  if (results == NULL)
    {
      print_error (error);
      return 2;
    }

  if (filter.json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < results->len; i++)
    {
      const SmtIndicatorResult *r = g_ptr_array_index (results, i);
      g_autofree char *code = smt_period_to_code (r->period);
      g_autofree char *label = smt_period_to_label (r->period);

      if (filter.json)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          smt_json_key (out, "period", TRUE);
          smt_json_string (out, code);
          smt_json_key (out, "label", FALSE);
          smt_json_string (out, label);
          smt_json_key (out, "numerator", FALSE);
          smt_json_number (out, r->numerator);
          smt_json_key (out, "denominator", FALSE);
          smt_json_number (out, r->info->ratio ? r->denominator : NAN);
          smt_json_key (out, "value", FALSE);
          smt_json_number (out, r->defined ? r->value : NAN);
          g_string_append_c (out, '}');
        }
      else
        {
          g_autofree char *figure = figure_text (r);

          g_string_append_printf (out, "%-28s %s\n", label, figure);
        }
    }
  if (filter.json)
    g_string_append (out, "]\n");
  fputs (out->str, stdout);
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
