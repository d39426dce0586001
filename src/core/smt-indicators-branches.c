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
 * Filters. query->organisation_id keeps the branches of that organisation
 * (for officers: officer.organisation_id, so the Mặt trận committee itself,
 * organisation NULL, counts only without a filter); query->hamlet_id keeps
 * the branches serving that hamlet (a liên ấp branch counts for each of its
 * hamlets). Heads of commune organisations belong to no hamlet: the hamlet
 * filter does not apply to the officers_* indicators. */

#include <stdlib.h>
#include <string.h>

#include "smt-date.h"
#include "smt-indicators-private.h"
#include "smt-member-spans.h"

/* ?1 organisation (0: all), ?2 hamlet (0: all), on the branch b. */
#define BRANCH_FILTER \
  " b.kind <> 'tổ hội' AND (?1 = 0 OR b.organisation_id = ?1) " \
  "AND (?2 = 0 OR EXISTS (SELECT 1 FROM branch_hamlet h WHERE h.branch_id = b.id " \
  "AND h.hamlet_id = ?2)) "

#define CURRENT(alias, table) \
  " " alias ".voided = 0 AND NOT EXISTS (SELECT 1 FROM " table " s " \
  "WHERE s.supersedes = " alias ".id) "

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text ? text : "";
}

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

/* Prepares sql and binds ?1 organisation, ?2 hamlet, ?3 and ?4 (text, may be
 * NULL when unused). */
static sqlite3_stmt *
prepare_bound (SmtRegister             *reg,
               const char              *sql,
               const SmtIndicatorQuery *query,
               const char              *p3,
               const char              *p4,
               GError                 **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, query->organisation_id);
  sqlite3_bind_int64 (stmt, 2, query->hamlet_id);
  if (p3 != NULL && sqlite3_bind_parameter_count (stmt) >= 3)
    smt_bind_text (stmt, 3, p3);
  if (p4 != NULL && sqlite3_bind_parameter_count (stmt) >= 4)
    smt_bind_text (stmt, 4, p4);
  return stmt;
}

/* Ends a loop over stmt: TRUE when it ran to its end. */
static gboolean
finish_stmt (SmtRegister   *reg,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
display_date (const char *iso)
{
  return smt_date_to_display (iso);
}

/* ---- branches_strong ------------------------------------------------------ */

/* Branch ratings of every year the period touches; the level decides by the
 * scale it belongs to (rating_level.counts_strong), so VM of 2022 and HTTNV
 * of 2024 both count as strong. */
static gboolean
compute_strong (SmtRegister             *reg,
                const SmtIndicatorQuery *query,
                SmtIndicatorResult      *result,
                GError                 **error)
{
  const char *start = smt_period_get_start (result->period);
  const char *end = smt_period_get_end (result->period);
  sqlite3_stmt *stmt = prepare_bound (reg,
      "SELECT b.id, b.name, r.year, l.name, l.counts_strong FROM rating r "
      "JOIN branch b ON b.id = r.branch_id JOIN rating_level l ON l.id = r.level_id "
      "WHERE r.branch_id IS NOT NULL AND" CURRENT ("r", "rating")
      "AND r.year BETWEEN CAST (substr (?3, 1, 4) AS INTEGER) "
      "AND CAST (substr (?4, 1, 4) AS INTEGER) AND" BRANCH_FILTER
      "ORDER BY r.year, b.name, b.id", query, start, end, error);
  gint64 num = 0, den = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean strong = sqlite3_column_int (stmt, 4) != 0;

      den++;
      if (strong)
        num++;
      if (result->denominator_rows != NULL)
        {
          g_autofree char *label = g_strdup_printf ("%s — %d", col_text (stmt, 1),
                                                    sqlite3_column_int (stmt, 2));
          gint64 id = sqlite3_column_int64 (stmt, 0);

          smt_explain_add (result->denominator_rows, "branch", id, label, col_text (stmt, 3));
          if (strong)
            smt_explain_add (result->numerator_rows, "branch", id, label, col_text (stmt, 3));
        }
    }
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;
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
compute_officers (SmtRegister             *reg,
                  const SmtIndicatorQuery *query,
                  SmtIndicatorResult      *result,
                  GError                 **error)
{
  const char *code = result->info->code;
  const char *date = smt_period_stock_date (result->period);
  gboolean political = strcmp (code, "officers_political") == 0;
  int threshold = strcmp (code, "officers_university") == 0 ? 4 : 2;
  sqlite3_stmt *stmt = prepare_bound (reg,
      "SELECT o.person_id, p.ho || ' ' || CASE p.chu_lot WHEN '' THEN '' "
      "ELSE p.chu_lot || ' ' END || p.ten, g.name, o.political_level, o.professional_level "
      "FROM officer o JOIN person p ON p.id = o.person_id "
      "LEFT JOIN organisation g ON g.id = o.organisation_id "
      "WHERE" CURRENT ("o", "officer") "AND o.role = 'head' AND o.from_date <= ?3 "
      "AND (o.to_date IS NULL OR o.to_date >= ?3) "
      "AND (?1 = 0 OR o.organisation_id = ?1) "
      "ORDER BY g.position, g.name, o.id", query, date, NULL, error);
  gint64 num = 0, den = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int level = sqlite3_column_int (stmt, political ? 3 : 4);
      gboolean counts = level >= threshold;

      den++;
      if (counts)
        num++;
      if (result->denominator_rows != NULL)
        {
          const char *organisation = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                                     ? _("Fatherland Front committee") : col_text (stmt, 2);
          g_autofree char *because = g_strdup_printf ("%s: %s", organisation,
              political ? political_label (level) : professional_label (level));
          gint64 id = sqlite3_column_int64 (stmt, 0);

          smt_explain_add (result->denominator_rows, "person", id, col_text (stmt, 1), because);
          if (counts)
            smt_explain_add (result->numerator_rows, "person", id, col_text (stmt, 1), because);
        }
    }
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- leaders_party -------------------------------------------------------- */

/* Leaders (not deputies) in office on the stock date of branches existing
 * that day; Party members when party_since is on or before it. */
static gboolean
compute_leaders (SmtRegister             *reg,
                 const SmtIndicatorQuery *query,
                 SmtIndicatorResult      *result,
                 GError                 **error)
{
  const char *date = smt_period_stock_date (result->period);
  sqlite3_stmt *stmt = prepare_bound (reg,
      "SELECT l.person_id, p.ho || ' ' || CASE p.chu_lot WHEN '' THEN '' "
      "ELSE p.chu_lot || ' ' END || p.ten, b.name, p.party_since "
      "FROM branch_leader l JOIN branch b ON b.id = l.branch_id "
      "JOIN person p ON p.id = l.person_id "
      "WHERE" CURRENT ("l", "branch_leader") "AND l.role = 'leader' AND l.from_date <= ?3 "
      "AND (l.to_date IS NULL OR l.to_date >= ?3) "
      "AND (b.founded_on IS NULL OR b.founded_on <= ?3) "
      "AND (b.dissolved_on IS NULL OR b.dissolved_on >= ?3) AND" BRANCH_FILTER
      "ORDER BY b.name, b.id, l.id", query, date, NULL, error);
  gint64 num = 0, den = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *since = (const char *) sqlite3_column_text (stmt, 3);
      gboolean party = since != NULL && *since != '\0' && strcmp (since, date) <= 0;

      den++;
      if (party)
        num++;
      if (result->denominator_rows != NULL)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          smt_explain_add (result->denominator_rows, "person", id, col_text (stmt, 1),
                           col_text (stmt, 2));
          if (party)
            {
              g_autofree char *shown = display_date (since);
              g_autofree char *because = g_strdup_printf (_("%s; Party member since %s"),
                                                          col_text (stmt, 2), shown);

              smt_explain_add (result->numerator_rows, "person", id, col_text (stmt, 1),
                               because);
            }
        }
    }
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- branches_meeting ----------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *name;
  char   *organisation;
  char   *founded;    /* NULL: always */
  char   *dissolved;  /* NULL: still there */
} Branch;

static void
branch_clear (Branch *b)
{
  g_free (b->name);
  g_free (b->organisation);
  g_free (b->founded);
  g_free (b->dissolved);
}

static gboolean
branch_exists_on (const Branch *b,
                  const char   *date)
{
  return (b->founded == NULL || strcmp (b->founded, date) <= 0)
         && (b->dissolved == NULL || strcmp (b->dissolved, date) >= 0);
}

/* Every month overlapping the period is a month of the count; a branch
 * counts for it when it exists on the month's first day. A month counts as
 * met when a current regular meeting of the branch falls anywhere in that
 * month (for a range period that starts or ends mid-month, the whole
 * month is looked at, since the month is the unit counted). */
static gboolean
compute_branch_months (SmtRegister             *reg,
                       const SmtIndicatorQuery *query,
                       SmtIndicatorResult      *result,
                       GError                 **error)
{
  const char *start = smt_period_get_start (result->period);
  const char *end = smt_period_get_end (result->period);
  g_autoptr(GArray) branches = g_array_new (FALSE, TRUE, sizeof (Branch));
  g_autoptr(GHashTable) met = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *first = g_strdup_printf ("%.7s-01", start);
  g_autofree char *last = g_strdup_printf ("%.7s-31", end);
  sqlite3_stmt *stmt;
  gint64 num = 0, den = 0;
  int y, m, y_end, m_end;
  int rc;

  g_array_set_clear_func (branches, (GDestroyNotify) branch_clear);
  stmt = prepare_bound (reg,
      "SELECT b.id, b.name, g.name, b.founded_on, b.dissolved_on FROM branch b "
      "JOIN organisation g ON g.id = b.organisation_id WHERE" BRANCH_FILTER
      "AND (b.founded_on IS NULL OR b.founded_on <= ?4) "
      "AND (b.dissolved_on IS NULL OR b.dissolved_on >= ?3) "
      "ORDER BY g.position, b.name, b.id", query, first, end, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Branch b = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup (col_text (stmt, 1)),
        .organisation = g_strdup (col_text (stmt, 2)),
        .founded = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        .dissolved = g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };

      g_array_append_val (branches, b);
    }
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;

  /* The first regular meeting of each branch-month. */
  stmt = prepare_bound (reg,
      "SELECT m.branch_id, substr (m.date, 1, 7), min (m.date) FROM meeting m "
      "JOIN branch b ON b.id = m.branch_id WHERE" CURRENT ("m", "meeting")
      "AND m.kind = 'regular' AND m.date BETWEEN ?3 AND ?4 AND" BRANCH_FILTER
      "GROUP BY m.branch_id, substr (m.date, 1, 7)", query, first, last, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (met,
                         g_strdup_printf ("%" G_GINT64_FORMAT ":%s",
                                          (gint64) sqlite3_column_int64 (stmt, 0),
                                          col_text (stmt, 1)),
                         g_strdup (col_text (stmt, 2)));
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;

  y = atoi (start);
  m = atoi (start + 5);
  y_end = atoi (end);
  m_end = atoi (end + 5);
  while (y < y_end || (y == y_end && m <= m_end))
    {
      char month_first[11], month_key[8];

      g_snprintf (month_key, sizeof month_key, "%04d-%02d", y, m);
      g_snprintf (month_first, sizeof month_first, "%s-01", month_key);
      for (guint i = 0; i < branches->len; i++)
        {
          const Branch *b = &g_array_index (branches, Branch, i);
          g_autofree char *key = NULL;
          const char *meeting_date;

          if (!branch_exists_on (b, month_first))
            continue;
          key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", b->id, month_key);
          meeting_date = g_hash_table_lookup (met, key);
          den++;
          if (meeting_date != NULL)
            num++;
          if (result->denominator_rows != NULL)
            {
              g_autofree char *label = g_strdup_printf ("%s — %02d/%04d", b->name, m, y);

              smt_explain_add (result->denominator_rows, "branch-month", b->id, label,
                               b->organisation);
              if (meeting_date != NULL)
                {
                  g_autofree char *shown = display_date (meeting_date);
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

typedef struct
{
  gint64  id;
  gint64  branch_id;
  char   *branch;
  char   *date;
  int     present;
} Meeting;

static void
meeting_clear (Meeting *m)
{
  g_free (m->branch);
  g_free (m->date);
}

/* Person names, for the explanation: one query for all. */
static GHashTable *
load_names (SmtRegister  *reg,
            GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, ho || ' ' || CASE chu_lot WHEN '' THEN '' ELSE chu_lot || ' ' END || ten "
      "FROM person", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                           sizeof (gint64)),
                         g_strdup (col_text (stmt, 1)));
  if (!finish_stmt (reg, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

static const char *
name_of (GHashTable *names,
         gint64      id)
{
  const char *name = g_hash_table_lookup (names, &id);

  return name ? name : "?";
}

/* For each current regular meeting: present over the members of the branch
 * that day (active spans in the branch or in one of its tổ hội; members
 * working away are not expected and are left out). */
static gboolean
compute_attendance (SmtRegister             *reg,
                    const SmtIndicatorQuery *query,
                    SmtIndicatorResult      *result,
                    GError                 **error)
{
  const char *start = smt_period_get_start (result->period);
  const char *end = smt_period_get_end (result->period);
  gboolean explain = result->denominator_rows != NULL;
  g_autoptr(GArray) meetings = g_array_new (FALSE, TRUE, sizeof (Meeting));
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GHashTable) parent_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);
  g_autoptr(GHashTable) by_branch = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) lists = NULL;  /* meeting id → GArray of person ids */
  g_autoptr(GHashTable) names = NULL;
  sqlite3_stmt *stmt;
  gint64 num = 0, den = 0;
  int rc;

  g_array_set_clear_func (meetings, (GDestroyNotify) meeting_clear);
  stmt = prepare_bound (reg,
      "SELECT m.id, m.branch_id, b.name, m.date, m.present FROM meeting m "
      "JOIN branch b ON b.id = m.branch_id WHERE" CURRENT ("m", "meeting")
      "AND m.kind = 'regular' AND m.date BETWEEN ?3 AND ?4 AND" BRANCH_FILTER
      "ORDER BY m.date, b.name, m.id", query, start, end, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Meeting m = {
        .id = sqlite3_column_int64 (stmt, 0),
        .branch_id = sqlite3_column_int64 (stmt, 1),
        .branch = g_strdup (col_text (stmt, 2)),
        .date = g_strdup (col_text (stmt, 3)),
        .present = sqlite3_column_int (stmt, 4),
      };

      g_array_append_val (meetings, m);
    }
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;

  /* A tổ hội's members are members of its chi hội. */
  stmt = smt_register_prepare (reg,
      "SELECT id, parent_id FROM branch WHERE kind = 'tổ hội' AND parent_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (parent_of,
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;

  if (explain)
    {
      lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) g_array_unref);
      stmt = prepare_bound (reg,
          "SELECT a.meeting_id, a.person_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
          "JOIN branch b ON b.id = m.branch_id WHERE" CURRENT ("m", "meeting")
          "AND m.kind = 'regular' AND m.date BETWEEN ?3 AND ?4 AND" BRANCH_FILTER
          "ORDER BY a.meeting_id, a.person_id", query, start, end, error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 meeting_id = sqlite3_column_int64 (stmt, 0);
          gint64 person_id = sqlite3_column_int64 (stmt, 1);
          GArray *list = g_hash_table_lookup (lists, &meeting_id);

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_hash_table_insert (lists, g_memdup2 (&meeting_id, sizeof meeting_id), list);
            }
          g_array_append_val (list, person_id);
        }
      if (!finish_stmt (reg, stmt, rc, error))
        return FALSE;
      names = load_names (reg, error);
      if (names == NULL)
        return FALSE;
    }

  if (meetings->len > 0)
    {
      spans = smt_member_spans_load (reg, query->organisation_id, error);
      if (spans == NULL)
        return FALSE;
      /* Index the active spans by the branch whose meetings they attend. */
      for (guint i = 0; i < spans->len; i++)
        {
          const SmtMemberSpan *span = &g_array_index (spans, SmtMemberSpan, i);
          gint64 branch = span->branch_id;
          gint64 *parent = g_hash_table_lookup (parent_of, &branch);
          GArray *list;

          if (span->away)
            continue;
          if (parent != NULL)
            branch = *parent;
          list = g_hash_table_lookup (by_branch, &branch);
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (by_branch, g_memdup2 (&branch, sizeof branch), list);
            }
          g_array_append_val (list, i);
        }
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      const Meeting *m = &g_array_index (meetings, Meeting, i);
      GArray *members = g_hash_table_lookup (by_branch, &m->branch_id);
      g_autofree char *shown = display_date (m->date);
      g_autofree char *because = explain ? g_strdup_printf ("%s %s", m->branch, shown) : NULL;

      num += m->present;
      for (guint k = 0; members != NULL && k < members->len; k++)
        {
          const SmtMemberSpan *span = &g_array_index (spans, SmtMemberSpan,
                                                      g_array_index (members, guint, k));

          if (!smt_member_span_covers (span, m->date))
            continue;
          den++;
          if (explain)
            smt_explain_add (result->denominator_rows, "person", span->person_id,
                             name_of (names, span->person_id), because);
        }
      if (explain)
        {
          GArray *list = g_hash_table_lookup (lists, &m->id);

          if (list != NULL && list->len == (guint) m->present)
            for (guint k = 0; k < list->len; k++)
              smt_explain_add (result->numerator_rows, "attendance", m->id,
                               name_of (names, g_array_index (list, gint64, k)), because);
          else
            for (int k = 1; k <= m->present; k++)
              {
                g_autofree char *label = g_strdup_printf (_("%s — %s — attendee %d"),
                                                          m->branch, shown, k);

                smt_explain_add (result->numerator_rows, "attendance", m->id, label, because);
              }
        }
    }
  finish_ratio (result, num, den);
  return TRUE;
}

/* ---- meetings_party_present ----------------------------------------------- */

static gboolean
compute_party_present (SmtRegister             *reg,
                       const SmtIndicatorQuery *query,
                       SmtIndicatorResult      *result,
                       GError                 **error)
{
  const char *start = smt_period_get_start (result->period);
  const char *end = smt_period_get_end (result->period);
  sqlite3_stmt *stmt = prepare_bound (reg,
      "SELECT m.id, b.name, m.date, m.kind, m.party_present, m.officer_present FROM meeting m "
      "JOIN branch b ON b.id = m.branch_id WHERE" CURRENT ("m", "meeting")
      "AND m.date BETWEEN ?3 AND ?4 AND" BRANCH_FILTER
      "ORDER BY m.date, b.name, m.id", query, start, end, error);
  gint64 num = 0, den = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean party = sqlite3_column_int (stmt, 4) != 0;
      gboolean officer = sqlite3_column_int (stmt, 5) != 0;

      den++;
      if (party || officer)
        num++;
      if (result->denominator_rows != NULL)
        {
          g_autofree char *shown = display_date (col_text (stmt, 2));
          g_autofree char *label = g_strdup_printf ("%s — %s", col_text (stmt, 1), shown);
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *kind = strcmp (col_text (stmt, 3), "regular") == 0
                             ? _("Regular meeting") : _("Thematic meeting");

          smt_explain_add (result->denominator_rows, "meeting", id, label, kind);
          if (party || officer)
            smt_explain_add (result->numerator_rows, "meeting", id, label,
                             party && officer ? _("Party member and commune officer present")
                             : party ? _("Party member present")
                             : _("Commune officer present"));
        }
    }
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;
  finish_ratio (result, num, den);
  return TRUE;
}

static gboolean
compute_one (SmtRegister             *reg,
             const SmtIndicatorQuery *query,
             SmtIndicatorResult      *result,
             GError                 **error)
{
  const char *code = result->info->code;

  if (strcmp (code, "branches_strong") == 0)
    return compute_strong (reg, query, result, error);
  if (g_str_has_prefix (code, "officers_"))
    return compute_officers (reg, query, result, error);
  if (strcmp (code, "leaders_party") == 0)
    return compute_leaders (reg, query, result, error);
  if (strcmp (code, "branches_meeting") == 0)
    return compute_branch_months (reg, query, result, error);
  if (strcmp (code, "meeting_attendance") == 0)
    return compute_attendance (reg, query, result, error);
  if (strcmp (code, "meetings_party_present") == 0)
    return compute_party_present (reg, query, result, error);

  g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
               _("“%s” is not an indicator this program knows. Choose one from the "
                 "list of indicators."), code);
  return FALSE;
}

gboolean
smt_indicators_compute_branches (SmtRegister             *reg,
                                const SmtIndicatorQuery *query,
                                SmtIndicatorResult     **results,
                                guint                    n_results,
                                GError                 **error)
{
  for (guint i = 0; i < n_results; i++)
    if (!compute_one (reg, query, results[i], error))
      return FALSE;
  return TRUE;
}
