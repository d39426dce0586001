/* smt-branch-facts.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/organisations/smt-member-spans.h"
#include "smt-branch-facts.h"

#define FACTS_KEY "smt-branch-facts"

#define CURRENT(alias, table) \
  " " alias ".voided = 0 AND NOT EXISTS (SELECT 1 FROM " table " s " \
  "WHERE s.supersedes = " alias ".id) "

/* ---- day keys --------------------------------------------------------------- */

/**
 * smt_day_key:
 * @text: a date as the register stores it
 *
 * A well-formed "YYYY-MM-DD" (any digits) has the key 2 × YYYYMMDD. Any
 * other text (only a damaged register has one; smt_register_check reports
 * it) has the key of the greatest well-formed date below it, plus one, or
 * -1 when it is below them all, as "" is. Compared with the key of a
 * well-formed date, a key then says what comparing the texts says; and
 * the keys keep the order of the texts.
 *
 * Returns: the key
 */
int
smt_day_key (const char *text)
{
  static const char highest[] = "9999-99-99";
  char lower[10];
  gboolean exact = TRUE;
  int i, key = 0;

  g_return_val_if_fail (text != NULL, -1);

  for (i = 0; i < 10; i++)
    {
      guchar c = (guchar) text[i];
      guchar lowest = highest[i] == '-' ? '-' : '0';

      if (c >= lowest && c <= (guchar) highest[i])
        {
          lower[i] = (char) c;
          continue;
        }
      exact = FALSE;
      if (c > (guchar) highest[i])
        {
          lower[i] = highest[i];
          i++;
        }
      else
        {
          /* Every date with this prefix is above the text (which may end
           * here): lower the last digit that can be lowered. */
          do
            i--;
          while (i >= 0 && (highest[i] == '-' || lower[i] == '0'));
          if (i < 0)
            return -1;
          lower[i]--;
          i++;
        }
      break;
    }
  if (exact && text[10] != '\0')
    exact = FALSE;
  for (; i < 10; i++)
    lower[i] = highest[i];
  for (i = 0; i < 10; i++)
    if (highest[i] != '-')
      key = key * 10 + (lower[i] - '0');
  return key * 2 + (exact ? 0 : 1);
}

int
smt_day_key_ymd (int year,
                 int month,
                 int day)
{
  return 2 * (year * 10000 + month * 100 + day);
}

/* A nullable start or end of a span of time. */
static int
day_or (sqlite3_stmt *stmt,
        int           col,
        int           if_null)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? smt_day_key (text) : if_null;
}

/* ---- the facts ------------------------------------------------------------ */

typedef struct
{
  gint64      id;
  const char *name;
} Name;

static void
branch_fact_clear (SmtBranchFact *b)
{
  g_clear_pointer (&b->hamlets, g_array_unref);
  g_clear_pointer (&b->regular, g_array_unref);
  g_clear_pointer (&b->member_spans, g_array_unref);
}

static void
facts_clear (SmtBranchFacts *facts)
{
  g_clear_pointer (&facts->branches, g_array_unref);
  g_clear_pointer (&facts->ratings, g_array_unref);
  g_clear_pointer (&facts->organisation_ratings, g_array_unref);
  g_clear_pointer (&facts->officers, g_array_unref);
  g_clear_pointer (&facts->leaders, g_array_unref);
  g_clear_pointer (&facts->meetings, g_array_unref);
  g_clear_pointer (&facts->spans, g_array_unref);
  g_clear_pointer (&facts->names, g_array_unref);
  g_clear_pointer (&facts->strings, g_string_chunk_free);
}

SmtBranchFacts *
smt_branch_facts_ref (SmtBranchFacts *facts)
{
  g_return_val_if_fail (facts != NULL, NULL);
  return g_rc_box_acquire (facts);
}

void
smt_branch_facts_unref (SmtBranchFacts *facts)
{
  g_return_if_fail (facts != NULL);
  g_rc_box_release_full (facts, (GDestroyNotify) facts_clear);
}

static const char *
keep_text (SmtBranchFacts *facts,
           sqlite3_stmt   *stmt,
           int             col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_string_chunk_insert_const (facts->strings, text ? text : "");
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

/* Index + 1 of a branch; 0 for none. */
static guint
branch_lookup (GHashTable *index,
               gint64      id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
}

static gboolean
load_branches (SmtBranchFacts  *facts,
               SmtRegister     *reg,
               GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT b.id, b.organisation_id, coalesce (b.parent_id, 0), b.kind = 'tổ hội', b.name, "
      "b.founded_on, b.dissolved_on, g.name FROM branch b "
      "LEFT JOIN organisation g ON g.id = b.organisation_id "
      "ORDER BY g.position, b.name, b.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtBranchFact b = {
        .id = sqlite3_column_int64 (stmt, 0),
        .organisation_id = sqlite3_column_int64 (stmt, 1),
        .parent_id = sqlite3_column_int64 (stmt, 2),
        .sub_group = sqlite3_column_int (stmt, 3) != 0,
        .name = keep_text (facts, stmt, 4),
        .founded = day_or (stmt, 5, SMT_DAY_ALWAYS),
        .dissolved = day_or (stmt, 6, SMT_DAY_NEVER),
        .founded_on = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                      ? NULL : keep_text (facts, stmt, 5),
        .dissolved_on = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                        ? NULL : keep_text (facts, stmt, 6),
        .organisation = sqlite3_column_type (stmt, 7) == SQLITE_NULL
                        ? NULL : keep_text (facts, stmt, 7),
        .hamlets = g_array_new (FALSE, FALSE, sizeof (gint64)),
        .regular = g_array_new (FALSE, FALSE, sizeof (guint)),
      };

      g_array_append_val (facts->branches, b);
    }
  return finish_stmt (reg, stmt, rc, error);
}

/* Branch ids → index + 1 into facts->branches; the keys are borrowed. */
static GHashTable *
index_branches (SmtBranchFacts *facts)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < facts->branches->len; i++)
    {
      SmtBranchFact *b = &g_array_index (facts->branches, SmtBranchFact, i);

      g_hash_table_insert (index, &b->id, GUINT_TO_POINTER (i + 1));
    }
  return index;
}

static gboolean
load_hamlets (SmtBranchFacts  *facts,
              SmtRegister     *reg,
              GHashTable      *index,
              GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT branch_id, hamlet_id FROM branch_hamlet ORDER BY branch_id, hamlet_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint at = branch_lookup (index, sqlite3_column_int64 (stmt, 0));
      gint64 hamlet = sqlite3_column_int64 (stmt, 1);

      if (at != 0)
        g_array_append_val (g_array_index (facts->branches, SmtBranchFact, at - 1).hamlets,
                            hamlet);
    }
  return finish_stmt (reg, stmt, rc, error);
}

static gboolean
load_ratings (SmtBranchFacts  *facts,
              SmtRegister     *reg,
              GHashTable      *index,
              GError         **error)
{
  /* From the few branches through rating_branch, not over every member's
   * rating. */
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT r.year, r.branch_id, l.name, l.counts_strong FROM branch b "
      "CROSS JOIN rating r ON r.branch_id = b.id JOIN rating_level l ON l.id = r.level_id "
      "WHERE" CURRENT ("r", "rating") "AND b.kind <> 'tổ hội' "
      "ORDER BY r.year, b.name, b.id, r.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint at = branch_lookup (index, sqlite3_column_int64 (stmt, 1));
      SmtRatingFact r = {
        .year = sqlite3_column_int (stmt, 0),
        .branch = at - 1,
        .level = keep_text (facts, stmt, 2),
        .strong = sqlite3_column_int (stmt, 3) != 0,
      };

      if (at != 0)  /* else another connection added the branch: read again next time */
        g_array_append_val (facts->ratings, r);
    }
  return finish_stmt (reg, stmt, rc, error);
}

/* The ratings of the organisations themselves: the rows without a person
 * or a branch, few, found through rating_person. */
static gboolean
load_organisation_ratings (SmtBranchFacts  *facts,
                           SmtRegister     *reg,
                           GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT r.year, r.organisation_id, g.name, l.name, l.counts_strong FROM rating r "
      "JOIN organisation g ON g.id = r.organisation_id JOIN rating_level l ON l.id = r.level_id "
      "WHERE r.person_id IS NULL AND r.branch_id IS NULL AND" CURRENT ("r", "rating")
      "ORDER BY r.year, g.position, g.id, r.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtOrganisationRatingFact r = {
        .year = sqlite3_column_int (stmt, 0),
        .organisation_id = sqlite3_column_int64 (stmt, 1),
        .organisation = keep_text (facts, stmt, 2),
        .level = keep_text (facts, stmt, 3),
        .strong = sqlite3_column_int (stmt, 4) != 0,
      };

      g_array_append_val (facts->organisation_ratings, r);
    }
  return finish_stmt (reg, stmt, rc, error);
}

/* Heads of the commune's organisations (and of the Mặt trận committee,
 * organisation NULL, which sorts first). */
static gboolean
load_officers (SmtBranchFacts  *facts,
               SmtRegister     *reg,
               GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT o.person_id, coalesce (o.organisation_id, 0), g.name, o.from_date, o.to_date, "
      "o.political_level, o.professional_level FROM officer o "
      "JOIN person p ON p.id = o.person_id LEFT JOIN organisation g ON g.id = o.organisation_id "
      "WHERE" CURRENT ("o", "officer") "AND o.role = 'head' "
      "ORDER BY g.position, g.name, o.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtOfficerFact o = {
        .person_id = sqlite3_column_int64 (stmt, 0),
        .organisation_id = sqlite3_column_int64 (stmt, 1),
        .organisation = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                        ? NULL : keep_text (facts, stmt, 2),
        .from = day_or (stmt, 3, SMT_DAY_ALWAYS),
        .to = day_or (stmt, 4, SMT_DAY_NEVER),
        .political_level = sqlite3_column_int (stmt, 5),
        .professional_level = sqlite3_column_int (stmt, 6),
      };

      g_array_append_val (facts->officers, o);
    }
  return finish_stmt (reg, stmt, rc, error);
}

static gboolean
load_leaders (SmtBranchFacts  *facts,
              SmtRegister     *reg,
              GHashTable      *index,
              GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT l.person_id, l.branch_id, l.from_date, l.to_date, p.party_since "
      "FROM branch_leader l JOIN branch b ON b.id = l.branch_id "
      "JOIN person p ON p.id = l.person_id "
      "WHERE" CURRENT ("l", "branch_leader") "AND l.role = 'leader' AND b.kind <> 'tổ hội' "
      "ORDER BY b.name, b.id, l.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *since = (const char *) sqlite3_column_text (stmt, 4);
      guint at = branch_lookup (index, sqlite3_column_int64 (stmt, 1));
      SmtLeaderFact l = {
        .person_id = sqlite3_column_int64 (stmt, 0),
        .branch = at - 1,
        .from = day_or (stmt, 2, SMT_DAY_ALWAYS),
        .to = day_or (stmt, 3, SMT_DAY_NEVER),
        .party = SMT_DAY_NEVER,
      };

      if (since != NULL && *since != '\0')
        {
          l.party = smt_day_key (since);
          l.party_since = keep_text (facts, stmt, 4);
        }
      if (at != 0)
        g_array_append_val (facts->leaders, l);
    }
  return finish_stmt (reg, stmt, rc, error);
}

/* All of them: one scan of the table then a sort is three times faster
 * than walking meeting_date to each row. */
static gboolean
load_meetings (SmtBranchFacts  *facts,
               SmtRegister     *reg,
               GHashTable      *index,
               GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT m.id, m.branch_id, m.date, m.kind = 'regular', m.present, m.party_present, "
      "m.officer_present FROM meeting m NOT INDEXED JOIN branch b ON b.id = m.branch_id "
      "WHERE" CURRENT ("m", "meeting") "AND b.kind <> 'tổ hội' "
      "ORDER BY m.date, b.name, m.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *date = (const char *) sqlite3_column_text (stmt, 2);
      guint at = branch_lookup (index, sqlite3_column_int64 (stmt, 1));
      SmtMeetingFact m = {
        .id = sqlite3_column_int64 (stmt, 0),
        .branch = at - 1,
        .day = smt_day_key (date ? date : ""),
        .date = keep_text (facts, stmt, 2),
        .regular = sqlite3_column_int (stmt, 3) != 0,
        .present = sqlite3_column_int (stmt, 4),
        .party_present = sqlite3_column_int (stmt, 5) != 0,
        .officer_present = sqlite3_column_int (stmt, 6) != 0,
      };

      if (at == 0)
        continue;
      if (m.regular)
        g_array_append_val (g_array_index (facts->branches, SmtBranchFact, m.branch).regular,
                            facts->meetings->len);
      g_array_append_val (facts->meetings, m);
    }
  return finish_stmt (reg, stmt, rc, error);
}

static SmtBranchFacts *
facts_load (SmtRegister  *reg,
            GError      **error)
{
  g_autoptr(SmtBranchFacts) facts = g_rc_box_new0 (SmtBranchFacts);
  g_autoptr(GHashTable) index = NULL;

  facts->strings = g_string_chunk_new (4096);
  facts->branches = g_array_new (FALSE, TRUE, sizeof (SmtBranchFact));
  g_array_set_clear_func (facts->branches, (GDestroyNotify) branch_fact_clear);
  facts->ratings = g_array_new (FALSE, FALSE, sizeof (SmtRatingFact));
  facts->organisation_ratings = g_array_new (FALSE, FALSE, sizeof (SmtOrganisationRatingFact));
  facts->officers = g_array_new (FALSE, FALSE, sizeof (SmtOfficerFact));
  facts->leaders = g_array_new (FALSE, FALSE, sizeof (SmtLeaderFact));
  facts->meetings = g_array_new (FALSE, FALSE, sizeof (SmtMeetingFact));

  if (!load_branches (facts, reg, error))
    return NULL;
  index = index_branches (facts);
  if (!load_hamlets (facts, reg, index, error)
      || !load_ratings (facts, reg, index, error)
      || !load_organisation_ratings (facts, reg, error)
      || !load_officers (facts, reg, error)
      || !load_leaders (facts, reg, index, error)
      || !load_meetings (facts, reg, index, error))
    return NULL;
  return g_steal_pointer (&facts);
}

/**
 * smt_branch_facts_get:
 * @reg: the register
 * @error: a database error
 *
 * The facts are kept on the register (smt_register_get_cached) and
 * forgotten when its content changes; the reference returned keeps them
 * alive however long the caller counts on them.
 *
 * Returns: (transfer full): the facts, or NULL with @error set
 */
SmtBranchFacts *
smt_branch_facts_get (SmtRegister  *reg,
                      GError      **error)
{
  SmtBranchFacts *facts;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  facts = smt_register_get_cached (reg, FACTS_KEY);
  if (facts != NULL)
    return smt_branch_facts_ref (facts);
  facts = facts_load (reg, error);
  if (facts != NULL)
    smt_register_set_cached (reg, FACTS_KEY, smt_branch_facts_ref (facts),
                             (GDestroyNotify) smt_branch_facts_unref);
  return facts;
}

guint
smt_branch_facts_meetings_from (SmtBranchFacts *facts,
                                int             day)
{
  guint lo = 0, hi;

  g_return_val_if_fail (facts != NULL, 0);

  hi = facts->meetings->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (facts->meetings, SmtMeetingFact, mid).day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
smt_branch_facts_ratings_from (SmtBranchFacts *facts,
                               int             year)
{
  guint lo = 0, hi;

  g_return_val_if_fail (facts != NULL, 0);

  hi = facts->ratings->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (facts->ratings, SmtRatingFact, mid).year < year)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
smt_branch_facts_organisation_ratings_from (SmtBranchFacts *facts,
                                            int             year)
{
  guint lo = 0, hi;

  g_return_val_if_fail (facts != NULL, 0);

  hi = facts->organisation_ratings->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (facts->organisation_ratings, SmtOrganisationRatingFact, mid).year < year)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

guint
smt_branch_facts_regular_from (SmtBranchFacts *facts,
                               guint           branch,
                               int             day)
{
  const SmtBranchFact *b;
  const guint *regular;
  guint lo = 0, hi;

  g_return_val_if_fail (facts != NULL, 0);
  g_return_val_if_fail (branch < facts->branches->len, 0);

  b = &g_array_index (facts->branches, SmtBranchFact, branch);
  regular = (const guint *) b->regular->data;
  hi = b->regular->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (facts->meetings, SmtMeetingFact, regular[mid]).day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- members of a branch -------------------------------------------------- */

/**
 * smt_branch_facts_load_members:
 * @facts: the facts
 * @reg: the register they were read from
 * @error: a database error
 *
 * Attributes every active span (members working away are not expected at
 * meetings) to the branch whose meetings it attends: its own, or for a tổ
 * hội its chi hội; and counts the members of each regular meeting: a span
 * adds one to the run of its branch's meetings it covers (two binary
 * searches and a difference array, so nothing is sorted).
 *
 * Returns: FALSE with @error set on a database error
 */
gboolean
smt_branch_facts_load_members (SmtBranchFacts  *facts,
                               SmtRegister     *reg,
                               GError         **error)
{
  g_autoptr(GHashTable) index = NULL;
  g_autofree int *all = NULL;
  g_autofree int *own = NULL;
  GArray *spans;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (facts->spans != NULL)
    return TRUE;
  spans = smt_member_spans_get (reg, error);
  if (spans == NULL)
    return FALSE;
  facts->spans = g_array_ref (spans);

  index = index_branches (facts);
  for (guint i = 0; i < facts->branches->len; i++)
    {
      SmtBranchFact *b = &g_array_index (facts->branches, SmtBranchFact, i);

      if (!b->sub_group)
        b->member_spans = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  /* Changes of the count at each meeting, along its branch's meetings. */
  all = g_new0 (int, facts->meetings->len);
  own = g_new0 (int, facts->meetings->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *span = &g_array_index (spans, SmtMemberSpan, i);
      guint at = branch_lookup (index, span->branch_id);
      const guint *regular;
      SmtBranchFact *b;
      guint first, past;

      if (span->away || at == 0)
        continue;
      b = &g_array_index (facts->branches, SmtBranchFact, at - 1);
      if (b->sub_group && b->parent_id != 0)
        {
          at = branch_lookup (index, b->parent_id);
          if (at == 0)
            continue;
          b = &g_array_index (facts->branches, SmtBranchFact, at - 1);
        }
      if (b->sub_group)
        continue;  /* it holds no meeting that counts */
      g_array_append_val (b->member_spans, i);

      regular = (const guint *) b->regular->data;
      first = smt_branch_facts_regular_from (facts, at - 1, smt_day_key (span->start));
      past = span->end[0] == '\0' ? b->regular->len
             : smt_branch_facts_regular_from (facts, at - 1, smt_day_key (span->end) + 1);
      if (first >= past)
        continue;
      all[regular[first]]++;
      if (past < b->regular->len)
        all[regular[past]]--;
      if (span->organisation_id == b->organisation_id)
        {
          own[regular[first]]++;
          if (past < b->regular->len)
            own[regular[past]]--;
        }
    }

  for (guint i = 0; i < facts->branches->len; i++)
    {
      const SmtBranchFact *b = &g_array_index (facts->branches, SmtBranchFact, i);
      int members = 0, members_own = 0;

      for (guint k = 0; k < b->regular->len; k++)
        {
          guint at = g_array_index (b->regular, guint, k);
          SmtMeetingFact *m = &g_array_index (facts->meetings, SmtMeetingFact, at);

          members += all[at];
          members_own += own[at];
          m->members = members;
          m->members_own = members_own;
        }
    }
  return TRUE;
}

/* ---- names ---------------------------------------------------------------- */

gboolean
smt_branch_facts_load_names (SmtBranchFacts  *facts,
                             SmtRegister     *reg,
                             GError         **error)
{
  g_autoptr(GArray) names = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (facts != NULL, FALSE);
  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (facts->names != NULL)
    return TRUE;
  stmt = smt_register_prepare (reg,
      "SELECT id, ho || ' ' || CASE chu_lot WHEN '' THEN '' ELSE chu_lot || ' ' END || ten "
      "FROM person ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  names = g_array_new (FALSE, FALSE, sizeof (Name));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      Name n = { sqlite3_column_int64 (stmt, 0),
                 g_string_chunk_insert (facts->strings, name ? name : "") };

      g_array_append_val (names, n);
    }
  if (!finish_stmt (reg, stmt, rc, error))
    return FALSE;
  facts->names = g_steal_pointer (&names);
  return TRUE;
}

const char *
smt_branch_facts_person_name (SmtBranchFacts *facts,
                              gint64          person_id)
{
  guint lo = 0, hi;

  g_return_val_if_fail (facts != NULL && facts->names != NULL, "?");

  hi = facts->names->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Name *n = &g_array_index (facts->names, Name, mid);

      if (n->id == person_id)
        return n->name;
      if (n->id < person_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return "?";
}
