/* smt-people-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/organisations/smt-member-spans.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-people-query.h"

/* The current residence of a person: the latest valid row on or before the
 * date (rows superseded or voided do not count). */
#define CURRENT_HOUSEHOLD(person, date) \
  "(SELECT r.household_id FROM residence r WHERE r.person_id = " person " AND r.voided = 0 " \
  "AND r.from_date <= " date " AND NOT EXISTS (SELECT 1 FROM residence s " \
  "WHERE s.supersedes = r.id) ORDER BY r.from_date DESC, r.id DESC LIMIT 1)"

/* Whether the filter asks for more than the name, hamlet and residence. */
static gboolean
has_person_filter (const SmtPeopleFilter *filter)
{
  return filter != NULL && (filter->organisation_id != 0 || filter->sex != 0
                            || filter->age_min > 0 || filter->age_max > 0
                            || filter->status != SMT_PEOPLE_STATUS_ANY
                            || filter->party != SMT_PEOPLE_PARTY_ANY);
}

/* The index of the first span of the person in spans (ordered by person),
 * or spans->len when there is none. */
static guint
first_span_of (GArray *spans,
               gint64  person_id)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, SmtMemberSpan, mid).person_id < person_id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Whether the person's memberships today match the filter's organisation
 * and status, read from the cached spans: a span covering today means a
 * member (its away flag says working away); spans but none covering today,
 * a former member; no span, never a member. */
static gboolean
membership_matches (GArray                *spans,
                    gint64                 person_id,
                    const SmtPeopleFilter *filter,
                    const char            *today)
{
  gboolean ever = FALSE, active = FALSE, away = FALSE;

  for (guint i = first_span_of (spans, person_id); i < spans->len; i++)
    {
      const SmtMemberSpan *span = &g_array_index (spans, SmtMemberSpan, i);

      if (span->person_id != person_id)
        break;
      if (filter->organisation_id != 0 && span->organisation_id != filter->organisation_id)
        continue;
      ever = TRUE;
      if (smt_member_span_covers (span, today))
        {
          if (span->away)
            away = TRUE;
          else
            active = TRUE;
        }
    }
  switch (filter->status)
    {
    case SMT_PEOPLE_STATUS_ACTIVE:
      return active;
    case SMT_PEOPLE_STATUS_AWAY:
      return away;
    case SMT_PEOPLE_STATUS_LEFT:
      return ever && !active && !away;
    case SMT_PEOPLE_STATUS_NEVER:
      return !ever;
    case SMT_PEOPLE_STATUS_MEMBER:
      return active || away;
    case SMT_PEOPLE_STATUS_ANY:
    default:
      /* with an organisation: a member of it today, away or not */
      return filter->organisation_id == 0 || active || away;
    }
}

/* The people whose own row matches the filter's sex, Party membership and
 * age, as keys in ascending order (for a binary search). The table is read
 * in key order, which is its storage order: visiting each row from the
 * name index instead costs 15 times as much at 100.000 people. The birth
 * year bounds the age within one year, so SQL drops most of the rows
 * outside an age range before C looks at the birth date. */
static GArray *
person_ids_matching (SmtRegister            *reg,
                     const SmtPeopleFilter  *filter,
                     GError                **error)
{
  const char *today = smt_register_get_today (reg);
  int year = (int) g_ascii_strtoll (today, NULL, 10);
  char sex[2] = { filter->sex, 0 };
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = smt_register_prepare (reg,
      "SELECT p.id, p.birth_date, p.birth_year FROM person p "
      "WHERE (?1 IS NULL OR p.sex = ?1) "
      "AND (?2 = 0 OR (p.party_since IS NOT NULL) = (?2 = 1)) "
      "AND (?3 IS NULL OR p.birth_year <= ?3) "
      "AND (?4 IS NULL OR p.birth_year >= ?4) "
      "ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, filter->sex != 0 ? sex : NULL);
  sqlite3_bind_int (stmt, 2, filter->party == SMT_PEOPLE_PARTY_YES ? 1
                             : filter->party == SMT_PEOPLE_PARTY_NO ? 2 : 0);
  /* age >= min needs birth_year <= year - min; age <= max needs
   * birth_year >= year - max - 1 (the birthday not reached yet) */
  if (filter->age_min > 0)
    sqlite3_bind_int (stmt, 3, year - filter->age_min);
  else
    sqlite3_bind_null (stmt, 3);
  if (filter->age_max > 0)
    sqlite3_bind_int (stmt, 4, year - filter->age_max - 1);
  else
    sqlite3_bind_null (stmt, 4);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (filter->age_min > 0 || filter->age_max > 0)
        {
          int age = smt_date_age_on ((const char *) sqlite3_column_text (stmt, 1),
                                     sqlite3_column_int (stmt, 2), today);

          if ((filter->age_min > 0 && age < filter->age_min)
              || (filter->age_max > 0 && age > filter->age_max))
            continue;
        }
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
sorted_contains (GArray *sorted,
                 gint64  id)
{
  guint lo = 0, hi = sorted->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 v = g_array_index (sorted, gint64, mid);

      if (v == id)
        return TRUE;
      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* Keeps, in place and in order, the ids that pass the filters on the
 * person row and on memberships. */
static gboolean
filter_ids (SmtRegister            *reg,
            const SmtPeopleFilter  *filter,
            GArray                 *ids,
            GError                **error)
{
  const char *today = smt_register_get_today (reg);
  g_autoptr(GArray) matching = NULL;
  GArray *spans = NULL;
  guint kept = 0;

  if (filter->sex != 0 || filter->party != SMT_PEOPLE_PARTY_ANY
      || filter->age_min > 0 || filter->age_max > 0)
    {
      matching = person_ids_matching (reg, filter, error);
      if (matching == NULL)
        return FALSE;
    }
  if (filter->organisation_id != 0 || filter->status != SMT_PEOPLE_STATUS_ANY)
    {
      spans = smt_member_spans_get (reg, error);
      if (spans == NULL)
        return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (matching != NULL && !sorted_contains (matching, id))
        continue;
      if (spans != NULL && !membership_matches (spans, id, filter, today))
        continue;
      g_array_index (ids, gint64, kept++) = id;
    }
  g_array_set_size (ids, kept);
  return TRUE;
}

typedef struct
{
  gint64  id;
  guint   name_rank;   /* position in the name order */
  int     year;
  char    sex;
  GBytes *hamlet_key;  /* borrowed from the hamlet table below; NULL: lives elsewhere */
} OrderKey;

static int
order_key_cmp (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const OrderKey *x = a;
  const OrderKey *y = b;
  int how = GPOINTER_TO_INT (data);
  SmtPeopleOrder order = how & 0xff;
  int c = 0;

  switch (order)
    {
    case SMT_PEOPLE_ORDER_BIRTH_YEAR:
      c = (x->year > y->year) - (x->year < y->year);
      break;
    case SMT_PEOPLE_ORDER_SEX:
      /* 'M' before 'F' */
      c = (x->sex < y->sex) - (x->sex > y->sex);
      break;
    case SMT_PEOPLE_ORDER_HAMLET:
      if (x->hamlet_key == NULL || y->hamlet_key == NULL)
        c = (x->hamlet_key == NULL) - (y->hamlet_key == NULL);
      else
        c = g_bytes_compare (x->hamlet_key, y->hamlet_key);
      break;
    case SMT_PEOPLE_ORDER_NAME:
    default:
      break;
    }
  if (c != 0)
    return (how & 0x100) ? -c : c;
  return (x->name_rank > y->name_rank) - (x->name_rank < y->name_rank);
}

/* Puts the ids (in name order) in the order asked: a sort on the column's
 * value read for every person at once, the name order (always ascending)
 * breaking ties; by name, descending reverses the list. */
static gboolean
order_ids (SmtRegister            *reg,
           const SmtPeopleFilter  *filter,
           GArray                 *ids,
           GError                **error)
{
  g_autoptr(GHashTable) rank = NULL;
  g_autoptr(GHashTable) hamlet_keys = NULL;
  g_autoptr(GArray) keys = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (filter->order != SMT_PEOPLE_ORDER_NAME && ids->len > 1)
    {
      rank = g_hash_table_new (g_int64_hash, g_int64_equal);
      keys = g_array_sized_new (FALSE, TRUE, sizeof (OrderKey), ids->len);
      g_array_set_size (keys, ids->len);
      for (guint i = 0; i < ids->len; i++)
        {
          OrderKey *k = &g_array_index (keys, OrderKey, i);

          k->id = g_array_index (ids, gint64, i);
          k->name_rank = i;
          g_hash_table_insert (rank, &k->id, k);
        }
      if (filter->order == SMT_PEOPLE_ORDER_HAMLET)
        {
          hamlet_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_bytes_unref);
          stmt = smt_register_prepare (reg, "SELECT id, name FROM hamlet", error);
          if (stmt == NULL)
            return FALSE;
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            g_hash_table_insert (hamlet_keys,
                                 g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                            sizeof (gint64)),
                                 smt_text_sort_key ((const char *) sqlite3_column_text (stmt, 1)));
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            return smt_register_set_db_error (reg, error);
          stmt = smt_register_prepare (reg,
              "SELECT p.id, p.birth_year, p.sex, (SELECT h.hamlet_id FROM household h "
              "WHERE h.id = " CURRENT_HOUSEHOLD ("p.id", "?1") ") FROM person p", error);
        }
      else
        stmt = smt_register_prepare (reg,
            "SELECT p.id, p.birth_year, p.sex, ?1 IS NULL FROM person p", error);
      if (stmt == NULL)
        return FALSE;
      smt_bind_text (stmt, 1, smt_register_get_today (reg));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          OrderKey *k = g_hash_table_lookup (rank, &id);
          const char *sex;

          if (k == NULL)
            continue;
          k->year = sqlite3_column_int (stmt, 1);
          sex = (const char *) sqlite3_column_text (stmt, 2);
          k->sex = sex != NULL ? sex[0] : 0;
          if (hamlet_keys != NULL && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
            {
              gint64 hamlet = sqlite3_column_int64 (stmt, 3);

              k->hamlet_key = g_hash_table_lookup (hamlet_keys, &hamlet);
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return smt_register_set_db_error (reg, error);
      g_array_sort_with_data (keys, order_key_cmp,
                              GINT_TO_POINTER ((int) filter->order
                                               | (filter->descending ? 0x100 : 0)));
      for (guint i = 0; i < ids->len; i++)
        g_array_index (ids, gint64, i) = g_array_index (keys, OrderKey, i).id;
    }
  else if (filter->descending)
    for (guint i = 0, j = ids->len; i + 1 < j; i++, j--)
      {
        gint64 t = g_array_index (ids, gint64, i);

        g_array_index (ids, gint64, i) = g_array_index (ids, gint64, j - 1);
        g_array_index (ids, gint64, j - 1) = t;
      }
  return TRUE;
}

GArray *
smt_people_query_ids (SmtRegister            *reg,
                      const SmtPeopleFilter  *filter,
                      GError                **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  if (filter != NULL && filter->search != NULL)
    folded = smt_text_fold (filter->search);

  /* The index on (sort_ten, sort_lot, sort_ho, id, folded) gives the
   * Vietnamese order without a sort step and, when only the name is
   * searched, answers from the index alone. */
  if (filter == NULL || (filter->hamlet_id == 0 && !filter->living_only))
    stmt = smt_register_prepare (reg,
        "SELECT p.id FROM person p WHERE (?1 IS NULL OR instr (p.folded, ?1) > 0) "
        "ORDER BY p.sort_ten, p.sort_lot, p.sort_ho, p.id", error);
  else
    stmt = smt_register_prepare (reg,
      "SELECT p.id FROM person p "
      "WHERE (?1 IS NULL OR instr (p.folded, ?1) > 0) "
      "AND (?2 = 0 OR (SELECT h.hamlet_id FROM household h WHERE h.id = "
      CURRENT_HOUSEHOLD ("p.id", "?3") ") = ?2) "
      "AND (?4 = 0 OR (p.deceased_on IS NULL AND " CURRENT_HOUSEHOLD ("p.id", "?3")
      " IS NOT NULL)) "
      "ORDER BY p.sort_ten, p.sort_lot, p.sort_ho, p.id", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, folded && folded[0] ? folded : NULL);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    {
      sqlite3_bind_int64 (stmt, 2, filter->hamlet_id);
      smt_bind_text (stmt, 3, smt_register_get_today (reg));
      sqlite3_bind_int (stmt, 4, filter->living_only);
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  /* Sex, age, Party and membership are checked in C over the ordered keys,
   * so the name index alone still gives the order. */
  if (has_person_filter (filter) && !filter_ids (reg, filter, ids, error))
    return NULL;
  if (filter != NULL && (filter->order != SMT_PEOPLE_ORDER_NAME || filter->descending)
      && !order_ids (reg, filter, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

void
smt_person_row_clear (SmtPersonRow *row)
{
  g_clear_pointer (&row->full_name, g_free);
  g_clear_pointer (&row->hamlet, g_free);
  g_clear_pointer (&row->organisations, g_free);
}

gboolean
smt_people_fetch_rows (SmtRegister   *reg,
                       const gint64  *ids,
                       guint          n,
                       const char    *on_date,
                       SmtPersonRow  *rows,
                       GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (n == 0 || (ids != NULL && rows != NULL), FALSE);

  if (on_date == NULL)
    on_date = smt_register_get_today (reg);

  for (guint i = 0; i < n; i++)
    {
      SmtPersonRow *row = &rows[i];

      stmt = smt_register_prepare (reg,
          "SELECT p.ho, p.chu_lot, p.ten, p.sex, p.birth_year, p.deceased_on IS NOT NULL, "
          "(SELECT m.name FROM household h JOIN hamlet m ON m.id = h.hamlet_id "
          " WHERE h.id = " CURRENT_HOUSEHOLD ("p.id", "?2") "), "
          "(SELECT group_concat (short_name, ', ') FROM (SELECT o.short_name FROM organisation o "
          " WHERE (SELECT e.kind FROM membership_event e WHERE e.person_id = p.id "
          "  AND e.organisation_id = o.id AND e.kind <> 'void' AND e.date <= ?2 "
          "  AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id) "
          "  ORDER BY e.date DESC, e.id DESC LIMIT 1) "
          "  IN ('admitted', 'transferred', 'transferred_in', 'away', 'back') "
          " ORDER BY o.position)) "
          "FROM person p WHERE p.id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      smt_bind_text (stmt, 2, on_date);
      memset (row, 0, sizeof *row);
      row->id = ids[i];
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *ho = (const char *) sqlite3_column_text (stmt, 0);
          const char *lot = (const char *) sqlite3_column_text (stmt, 1);
          const char *ten = (const char *) sqlite3_column_text (stmt, 2);
          const char *hamlet = (const char *) sqlite3_column_text (stmt, 6);
          const char *orgs = (const char *) sqlite3_column_text (stmt, 7);

          row->full_name = lot && lot[0] ? g_strjoin (" ", ho, lot, ten, NULL)
                                         : g_strjoin (" ", ho, ten, NULL);
          row->sex = ((const char *) sqlite3_column_text (stmt, 3))[0];
          row->birth_year = sqlite3_column_int (stmt, 4);
          row->deceased = sqlite3_column_int (stmt, 5);
          row->hamlet = g_strdup (hamlet ? hamlet : "");
          row->organisations = g_strdup (orgs ? orgs : "");
        }
      else
        {
          row->full_name = g_strdup ("");
          row->hamlet = g_strdup ("");
          row->organisations = g_strdup ("");
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

guint
smt_people_count (SmtRegister *reg)
{
  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  return (guint) smt_register_query_int (reg, 0, "SELECT count(*) FROM person");
}
