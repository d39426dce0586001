/* smt-indicators-branches.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The indicators counted over branches, their meetings and ratings, branch
 * leaders and the heads of the commune's organisations.
 *
 * Which branches count. A tổ hội is a sub-group of a chi hội: it is not a
 * grassroots branch of its own. Ratings, meetings and leaders are counted
 * for chi đoàn, chi hội and công đoàn cơ sở only; rows attached to a tổ hội
 * (its own rating, meeting or tổ trưởng) are left out of every indicator
 * here. The members of a tổ hội are members of its chi hội, so they count
 * in the denominator of the chi hội's meeting attendance.
 *
 * History rows (rating, meeting, branch_leader, officer) count when they are
 * current: not voided and superseded by no other row.
 *
 * Filters. The scope keeps the branches of its organisations (for
 * officers: officer.organisation_id, and the Mặt trận committee itself,
 * organisation NULL, when the scope names the Front); query->hamlet_id keeps
 * the branches serving that hamlet (a liên ấp branch counts for each of its
 * hamlets). Heads of commune organisations belong to no hamlet: the hamlet
 * filter does not apply to the officers_* indicators.
 *
 * The facts are read once per content of the register (smt-branch-facts.c);
 * a period then costs only what lies in it: the ratings of its years, the
 * meetings of its dates (found by binary search), its branch-months. */

#include <stdlib.h>
#include <string.h>

#include "core/activity/smt-meeting-query.h"
#include "core/organisations/smt-member-spans.h"
#include "core/register/smt-date.h"
#include "smt-branch-facts.h"
#include "smt-indicators-private.h"

/* A rating as branches_strong and organisations_strong count it. */
typedef struct
{
  int          year;
  gboolean     strong;
  const char  *kind;    /* of the explanation row: "branch", "organisation" */
  gint64       id;
  const char  *name;
  const char  *level;
} Rated;

/* What every period of one call counts on. */
typedef struct
{
  SmtRegister             *reg;
  const SmtIndicatorQuery *query;
  const SmtScope          *scope;
  SmtBranchFacts          *facts;
  const guint8            *kept;   /* per branch: counted, and passes the filters */
  GArray                  *rated;  /* Rated, by year: the ratings the call counts, made on
                                    * first use */
  const char              *today;  /* the register's today */
} Counting;

typedef gboolean (*ComputeFunc) (Counting            *c,
                                 SmtIndicatorResult  *result,
                                 GError             **error);

static void
finish_ratio (SmtIndicatorResult *result,
              gint64              numerator,
              gint64              denominator)
{
  result->numerator = numerator;
  result->denominator = denominator;
  result->defined = denominator > 0;
  result->value = result->defined ? (double) numerator / (double) denominator * 100.0 : 0.0;
}

static const SmtBranchFact *
branch_at (const Counting *c,
           guint           branch)
{
  return &g_array_index (c->facts->branches, SmtBranchFact, branch);
}

static gboolean
serves_hamlet (const SmtBranchFact *b,
               gint64               hamlet_id)
{
  for (guint i = 0; i < b->hamlets->len; i++)
    if (g_array_index (b->hamlets, gint64, i) == hamlet_id)
      return TRUE;
  return FALSE;
}

/* Which branches count under the query's filters. */
static guint8 *
branches_kept (SmtBranchFacts          *facts,
               const SmtIndicatorQuery *query,
               const SmtScope          *scope)
{
  guint8 *kept = g_new0 (guint8, facts->branches->len + 1);

  for (guint i = 0; i < facts->branches->len; i++)
    {
      const SmtBranchFact *b = &g_array_index (facts->branches, SmtBranchFact, i);

      kept[i] = !b->sub_group
                && smt_scope_has (scope, b->organisation_id)
                && (query->hamlet_id == 0 || serves_hamlet (b, query->hamlet_id));
    }
  return kept;
}

static const char *
person_name (const Counting *c,
             gint64          person_id)
{
  return smt_branch_facts_person_name (c->facts, person_id);
}

/* ---- branches_strong, organisations_strong --------------------------------- */

/* The ratings the call counts, in year order: of the branches kept
 * (branches_strong), or of the organisations themselves in the scope
 * (organisations_strong: they serve no hamlet, so the hamlet filter does
 * not apply, as for the officers). */
static GArray *
rated_list (Counting *c,
            gboolean  organisations)
{
  GArray *rated = g_array_new (FALSE, FALSE, sizeof (Rated));

  if (organisations)
    for (guint i = 0; i < c->facts->organisation_ratings->len; i++)
      {
        const SmtOrganisationRatingFact *r = &g_array_index (c->facts->organisation_ratings,
                                                             SmtOrganisationRatingFact, i);
        Rated x = { r->year, r->strong, "organisation", r->organisation_id, r->organisation,
                    r->level };

        if (smt_scope_has (c->scope, r->organisation_id))
          g_array_append_val (rated, x);
      }
  else
    for (guint i = 0; i < c->facts->ratings->len; i++)
      {
        const SmtRatingFact *r = &g_array_index (c->facts->ratings, SmtRatingFact, i);
        const SmtBranchFact *b = branch_at (c, r->branch);
        Rated x = { r->year, r->strong, "branch", b->id, b->name, r->level };

        if (c->kept[r->branch])
          g_array_append_val (rated, x);
      }
  return rated;
}

/* Index of the first rating of year or later. */
static guint
rated_from (GArray *rated,
            int     year)
{
  guint lo = 0, hi = rated->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (rated, Rated, mid).year < year)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The ratings of every year the period touches; the level decides by the
 * scale it belongs to (rating_level.counts_strong), so VM of 2022 and HTTNV
 * of 2024 both count as strong. A year is rated at its final review, early
 * the next year: when no year of the period is rated yet (none of them nor
 * any later one has a rating), the figure is the latest year rated before
 * it, and says so. A year left unrated between rated ones stays undefined. */
static gboolean
compute_strong (Counting            *c,
                SmtIndicatorResult  *result,
                GError             **error)
{
  int first = atoi (smt_period_get_start (result->period));
  int last = atoi (smt_period_get_end (result->period));
  gint64 num = 0, den = 0;
  guint from, past;

  if (c->rated == NULL)
    c->rated = rated_list (c, strcmp (result->info->code, "organisations_strong") == 0);
  from = rated_from (c->rated, first);
  past = rated_from (c->rated, last + 1);
  if (from == past && past == c->rated->len && from > 0)
    {
      int latest = g_array_index (c->rated, Rated, from - 1).year;
      /* Translators: a note on a figure: the year whose ratings it counts */
      g_autofree char *note = g_strdup_printf (_("by the ratings of %d, the latest year rated"),
                                               latest);

      smt_indicator_result_add_note (result, note);
      past = from;
      from = rated_from (c->rated, latest);
    }

  for (guint i = from; i < past; i++)
    {
      const Rated *r = &g_array_index (c->rated, Rated, i);

      den++;
      if (r->strong)
        num++;
      if (result->denominator_rows != NULL)
        {
          g_autofree char *label = g_strdup_printf ("%s — %d", r->name, r->year);

          smt_explain_add (result->denominator_rows, r->kind, r->id, label, r->level);
          if (r->strong)
            smt_explain_add (result->numerator_rows, r->kind, r->id, label, r->level);
        }
    }
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- officers_* ----------------------------------------------------------- */

static const char *
political_label (int level)
{
  switch (level)
    {
    case 1: return _("elementary political theory");
    case 2: return _("intermediate political theory");
    case 3: return _("advanced political theory");
    default: return _("no political theory training");
    }
}

static const char *
professional_label (int level)
{
  switch (level)
    {
    case 1: return _("elementary vocational training");
    case 2: return _("intermediate vocational training");
    case 3: return _("college degree");
    case 4: return _("university degree");
    case 5: return _("postgraduate degree");
    default: return _("no professional training");
    }
}

/* Heads in office on the stock date. */
static gboolean
compute_officers (Counting            *c,
                  SmtIndicatorResult  *result,
                  GError             **error)
{
  const char *code = result->info->code;
  int day = smt_day_key (smt_period_stock_date (result->period));
  gboolean political = strcmp (code, "officers_political") == 0;
  int threshold = strcmp (code, "officers_university") == 0 ? 4 : 2;
  GArray *officers = c->facts->officers;
  gint64 num = 0, den = 0;

  for (guint i = 0; i < officers->len; i++)
    {
      const SmtOfficerFact *o = &g_array_index (officers, SmtOfficerFact, i);
      int level = political ? o->political_level : o->professional_level;
      gboolean counts = level >= threshold;

      if (o->from > day || o->to < day
          || (o->organisation_id == 0 ? !c->scope->front
                                      : !smt_scope_has (c->scope, o->organisation_id)))
        continue;
      den++;
      if (counts)
        num++;
      if (result->denominator_rows != NULL)
        {
          const char *organisation = o->organisation != NULL
                                     ? o->organisation : _("Fatherland Front committee");
          g_autofree char *because = g_strdup_printf ("%s: %s", organisation,
              political ? political_label (level) : professional_label (level));
          const char *name = person_name (c, o->person_id);

          smt_explain_add (result->denominator_rows, "person", o->person_id, name, because);
          if (counts)
            smt_explain_add (result->numerator_rows, "person", o->person_id, name, because);
        }
    }
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- leaders_party -------------------------------------------------------- */

/* Leaders (not deputies) in office on the stock date of branches existing
 * that day; Party members when party_since is on or before it. */
static gboolean
compute_leaders (Counting            *c,
                 SmtIndicatorResult  *result,
                 GError             **error)
{
  int day = smt_day_key (smt_period_stock_date (result->period));
  GArray *leaders = c->facts->leaders;
  gint64 num = 0, den = 0;

  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtLeaderFact *l = &g_array_index (leaders, SmtLeaderFact, i);
      const SmtBranchFact *b = branch_at (c, l->branch);
      gboolean party = l->party <= day;

      if (!c->kept[l->branch] || l->from > day || l->to < day
          || b->founded > day || b->dissolved < day)
        continue;
      den++;
      if (party)
        num++;
      if (result->denominator_rows != NULL)
        {
          const char *name = person_name (c, l->person_id);

          smt_explain_add (result->denominator_rows, "person", l->person_id, name, b->name);
          if (party)
            {
              g_autofree char *shown = smt_date_to_display (l->party_since);
              g_autofree char *because = g_strdup_printf (_("%s; Party member since %s"),
                                                          b->name, shown);

              smt_explain_add (result->numerator_rows, "person", l->person_id, name, because);
            }
        }
    }
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- branches_meeting ----------------------------------------------------- */

/* The first (by date) current regular meeting of the branch whose date
 * begins with the month y-m, among those dated from..to: the one that
 * makes the branch-month met. Dates of one month have keys from just
 * below the month's day 00 to just above its day 99; the month is told
 * by the text, as a damaged date may sit at either edge. */
static const SmtMeetingFact *
month_meeting (const Counting *c,
               guint           branch,
               int             y,
               int             m,
               int             from,
               int             to)
{
  const SmtBranchFact *b = branch_at (c, branch);
  char month[8];

  from = MAX (from, smt_day_key_ymd (y, m, 0) - 1);
  to = MIN (to, smt_day_key_ymd (y, m, 99) + 1);
  g_snprintf (month, sizeof month, "%04d-%02d", y, m);
  for (guint k = smt_branch_facts_regular_from (c->facts, branch, from); k < b->regular->len; k++)
    {
      const SmtMeetingFact *meeting = &g_array_index (c->facts->meetings, SmtMeetingFact,
                                                      g_array_index (b->regular, guint, k));

      if (meeting->day > to)
        break;
      if (strncmp (meeting->date, month, 7) == 0)
        return meeting;
    }
  return NULL;
}

/* Every month overlapping the period is a month of the count; a branch
 * counts for it as the Sinh hoạt grid shows it (smt_branch_month_counts:
 * it existed some day of the month, the months of its founding and
 * dissolution included, and the month has begun). A month counts as met
 * when a current regular meeting of the branch falls anywhere in that
 * month (for a range period that starts or ends mid-month, the whole
 * month is looked at, since the month is the unit counted). */
static gboolean
compute_branch_months (Counting            *c,
                       SmtIndicatorResult  *result,
                       GError             **error)
{
  const char *start = smt_period_get_start (result->period);
  const char *end = smt_period_get_end (result->period);
  GArray *branches = c->facts->branches;
  int y = atoi (start), m = atoi (start + 5);
  int y_end = atoi (end), m_end = atoi (end + 5);
  /* Meetings from the first day of the first month to day 31 of the last. */
  int from = smt_day_key_ymd (y, m, 1);
  int to = smt_day_key_ymd (y_end, m_end, 31);
  gint64 num = 0, den = 0;

  while (y < y_end || (y == y_end && m <= m_end))
    {
      for (guint i = 0; i < branches->len; i++)
        {
          const SmtBranchFact *b = branch_at (c, i);
          const SmtMeetingFact *meeting;

          if (!c->kept[i] || b->organisation == NULL
              || !smt_branch_month_counts (b->founded_on, b->dissolved_on, y, m, c->today))
            continue;
          meeting = month_meeting (c, i, y, m, from, to);
          den++;
          if (meeting != NULL)
            num++;
          if (result->denominator_rows != NULL)
            {
              g_autofree char *label = g_strdup_printf ("%s — %02d/%04d", b->name, m, y);

              smt_explain_add (result->denominator_rows, "branch-month", b->id, label,
                               b->organisation);
              if (meeting != NULL)
                {
                  g_autofree char *shown = smt_date_to_display (meeting->date);
                  g_autofree char *because = g_strdup_printf (_("Regular meeting on %s"),
                                                              shown);

                  smt_explain_add (result->numerator_rows, "branch-month", b->id, label,
                                   because);
                }
            }
        }
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- meeting_attendance --------------------------------------------------- */

/* Who attended a meeting, by person id; read only to explain. */
static GArray *
load_attendees (SmtRegister  *reg,
                gint64        meeting_id,
                GError      **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT person_id FROM attendance WHERE meeting_id = ?1 ORDER BY person_id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (list, person_id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The rows behind one meeting: the members expected (in the order of the
 * spans) and those present, by name when the attendance list is complete. */
static gboolean
explain_meeting (Counting              *c,
                 const SmtMeetingFact  *m,
                 SmtIndicatorResult    *result,
                 GError               **error)
{
  const SmtBranchFact *b = branch_at (c, m->branch);
  gint64 organisation_id = c->query->organisation_id;
  g_autofree char *shown = smt_date_to_display (m->date);
  g_autofree char *because = g_strdup_printf ("%s %s", b->name, shown);
  g_autoptr(GArray) attendees = NULL;

  for (guint k = 0; k < b->member_spans->len; k++)
    {
      const SmtMemberSpan *span = &g_array_index (c->facts->spans, SmtMemberSpan,
                                                  g_array_index (b->member_spans, guint, k));

      if ((organisation_id != 0 && span->organisation_id != organisation_id)
          || !smt_member_span_covers (span, m->date))
        continue;
      smt_explain_add (result->denominator_rows, "person", span->person_id,
                       person_name (c, span->person_id), because);
    }

  attendees = load_attendees (c->reg, m->id, error);
  if (attendees == NULL)
    return FALSE;
  if (attendees->len > 0 && attendees->len == (guint) m->present)
    for (guint k = 0; k < attendees->len; k++)
      smt_explain_add (result->numerator_rows, "attendance", m->id,
                       person_name (c, g_array_index (attendees, gint64, k)), because);
  else
    for (int k = 1; k <= m->present; k++)
      {
        g_autofree char *label = g_strdup_printf (_("%s — %s — attendee %d"),
                                                  b->name, shown, k);

        smt_explain_add (result->numerator_rows, "attendance", m->id, label, because);
      }
  return TRUE;
}

/* For each current regular meeting: present over the members of the branch
 * that day (active spans in the branch or in one of its tổ hội; members
 * working away are not expected and are left out). */
static gboolean
compute_attendance (Counting            *c,
                    SmtIndicatorResult  *result,
                    GError             **error)
{
  int first = smt_day_key (smt_period_get_start (result->period));
  int last = smt_day_key (smt_period_get_end (result->period));
  GArray *meetings = c->facts->meetings;
  gint64 num = 0, den = 0;

  for (guint i = smt_branch_facts_meetings_from (c->facts, first); i < meetings->len; i++)
    {
      const SmtMeetingFact *m = &g_array_index (meetings, SmtMeetingFact, i);

      if (m->day > last)
        break;
      if (!m->regular || !c->kept[m->branch])
        continue;
      if (c->facts->spans == NULL
          && !smt_branch_facts_load_members (c->facts, c->reg, error))
        return FALSE;
      num += m->present;
      /* With an organisation, only its branches are kept: their members of
       * it are those of the branch's own organisation. */
      den += c->query->organisation_id != 0 ? m->members_own : m->members;
      if (result->denominator_rows != NULL && !explain_meeting (c, m, result, error))
        return FALSE;
    }
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- meetings_party_present ----------------------------------------------- */

static gboolean
compute_party_present (Counting            *c,
                       SmtIndicatorResult  *result,
                       GError             **error)
{
  int first = smt_day_key (smt_period_get_start (result->period));
  int last = smt_day_key (smt_period_get_end (result->period));
  GArray *meetings = c->facts->meetings;
  gint64 num = 0, den = 0;

  for (guint i = smt_branch_facts_meetings_from (c->facts, first); i < meetings->len; i++)
    {
      const SmtMeetingFact *m = &g_array_index (meetings, SmtMeetingFact, i);
      gboolean party = m->party_present, officer = m->officer_present;

      if (m->day > last)
        break;
      if (!c->kept[m->branch])
        continue;
      den++;
      if (party || officer)
        num++;
      if (result->denominator_rows != NULL)
        {
          g_autofree char *shown = smt_date_to_display (m->date);
          g_autofree char *label = g_strdup_printf ("%s — %s", branch_at (c, m->branch)->name,
                                                    shown);
          const char *kind = m->regular ? _("Regular meeting") : _("Thematic meeting");

          smt_explain_add (result->denominator_rows, "meeting", m->id, label, kind);
          if (party || officer)
            smt_explain_add (result->numerator_rows, "meeting", m->id, label,
                             party && officer ? _("Party member and commune officer present")
                             : party ? _("Party member present")
                             : _("Commune officer present"));
        }
    }
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- the series ----------------------------------------------------------- */

static ComputeFunc
compute_func (const char *code,
              gboolean   *names)
{
  *names = FALSE;
  if (strcmp (code, "branches_strong") == 0 || strcmp (code, "organisations_strong") == 0)
    return compute_strong;
  if (strcmp (code, "branches_meeting") == 0)
    return compute_branch_months;
  if (strcmp (code, "meetings_party_present") == 0)
    return compute_party_present;
  *names = TRUE;
  if (g_str_has_prefix (code, "officers_"))
    return compute_officers;
  if (strcmp (code, "leaders_party") == 0)
    return compute_leaders;
  if (strcmp (code, "meeting_attendance") == 0)
    return compute_attendance;
  return NULL;
}

gboolean
smt_indicators_compute_branches (SmtRegister              *reg,
                                 const SmtIndicatorQuery  *query,
                                 const SmtScope           *scope,
                                 SmtIndicatorResult      **results,
                                 guint                     n_results,
                                 GError                  **error)
{
  g_autoptr(SmtBranchFacts) facts = NULL;
  g_autofree guint8 *kept = NULL;
  gboolean explain = FALSE, names, ok = TRUE;
  ComputeFunc compute;
  Counting c;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (results != NULL || n_results == 0, FALSE);

  if (n_results == 0)
    return TRUE;
  compute = compute_func (results[0]->info->code, &names);
  if (compute == NULL)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not an indicator this program knows. Choose one from the "
                     "list of indicators."), results[0]->info->code);
      return FALSE;
    }
  facts = smt_branch_facts_get (reg, error);
  if (facts == NULL)
    return FALSE;
  for (guint i = 0; i < n_results; i++)
    explain = explain || results[i]->denominator_rows != NULL;
  if (explain && names && !smt_branch_facts_load_names (facts, reg, error))
    return FALSE;

  kept = branches_kept (facts, query, scope);
  c = (Counting) { .reg = reg, .query = query, .scope = scope, .facts = facts, .kept = kept,
                   .today = smt_register_get_today (reg) };
  for (guint i = 0; i < n_results && ok; i++)
    ok = compute (&c, results[i], error);
  g_clear_pointer (&c.rated, g_array_unref);
  return ok;
}
