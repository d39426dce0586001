/* smt-household-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-household-query.h"

/* The valid residence rows begun by a day, each person's last one last:
 * the last row read for a person is where they live that day. */
#define CURRENT_ROWS_SELECT \
  "SELECT r.person_id, ifnull (r.household_id, 0), r.is_head, r.from_date, r.id, " \
  "p.ho, p.chu_lot, p.ten, p.sex, p.birth_year " \
  "FROM residence r JOIN person p ON p.id = r.person_id " \
  "WHERE r.voided = 0 AND r.from_date <= ?1 " \
  "AND NOT EXISTS (SELECT 1 FROM residence s WHERE s.supersedes = r.id) " \
  "AND (p.deceased_on IS NULL OR p.deceased_on > ?1) "

void
smt_household_info_free (SmtHouseholdInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->hamlet);
  g_free (info->address);
  g_free (info->head);
  g_free (info->label);
  g_free (info);
}

void
smt_household_member_free (SmtHouseholdMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->since);
  g_free (member);
}

static char *
full_name (sqlite3_stmt *stmt,
           int           first)
{
  const char *ho = (const char *) sqlite3_column_text (stmt, first);
  const char *lot = (const char *) sqlite3_column_text (stmt, first + 1);
  const char *ten = (const char *) sqlite3_column_text (stmt, first + 2);

  if (lot == NULL || lot[0] == '\0')
    return g_strdup_printf ("%s %s", ho ? ho : "", ten ? ten : "");
  return g_strdup_printf ("%s %s %s", ho ? ho : "", lot, ten ? ten : "");
}

static gboolean
finish (SmtRegister   *reg,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  gboolean ok = rc == SQLITE_DONE || smt_register_set_db_error (reg, error);

  sqlite3_reset (stmt);
  return ok;
}

static const char *
day_or_today (SmtRegister *reg,
              const char  *date)
{
  return date != NULL ? date : smt_register_get_today (reg);
}

/* ---- natural order of addresses ------------------------------------------- */

/* The address folded, with each run of digits written on 12 places, so
 * that "số 2" sorts before "số 10", then its "vi" collation key. */
static GBytes *
address_key (const char *address)
{
  g_autofree char *lower = g_utf8_strdown (address != NULL ? address : "", -1);
  GString *padded = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (const char *p = lower; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          gsize len;

          while (*start == '0' && g_ascii_isdigit (start[1]))
            start++;
          for (p = start; g_ascii_isdigit (*p); p++)
            ;
          len = p - start;
          for (gsize i = len; i < 12; i++)
            g_string_append_c (padded, '0');
          g_string_append_len (padded, start, len);
        }
      else
        g_string_append_c (padded, *p++);
    }
  text = g_string_free (padded, FALSE);
  return smt_text_sort_key (text);
}

static int
compare_keys (GBytes *a,
              GBytes *b)
{
  gsize na, nb;
  const guint8 *da = g_bytes_get_data (a, &na);
  const guint8 *db = g_bytes_get_data (b, &nb);
  int r = memcmp (da ? da : (const guint8 *) "", db ? db : (const guint8 *) "", MIN (na, nb));

  if (r != 0)
    return r;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

int
smt_address_compare (const char *a,
                     const char *b)
{
  g_autoptr(GBytes) ka = address_key (a);
  g_autoptr(GBytes) kb = address_key (b);

  return compare_keys (ka, kb);
}

/* ---- households ------------------------------------------------------------ */

typedef struct
{
  gint64  head_id;
  char   *head;
  guint   members;
} Living;

static void
living_free (gpointer data)
{
  Living *l = data;

  g_free (l->head);
  g_free (l);
}

/* household key → Living on the day, for every household lived in;
 * kept by the register until its content changes (a search per keystroke
 * reads it once). Borrowed. */
static GHashTable *
living_on (SmtRegister  *reg,
           const char   *day,
           GError      **error)
{
  g_autofree char *cache_key = g_strconcat ("household-living:", day, NULL);
  GHashTable *cached = smt_register_get_cached (reg, cache_key);
  g_autoptr(GHashTable) living = NULL;
  sqlite3_stmt *stmt;
  gint64 person = 0, household = 0;
  gboolean head = FALSE;
  char *head_name = NULL;
  int rc;

  if (cached != NULL)
    return cached;
  living = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        living_free);
  stmt = smt_register_prepare (reg,
      CURRENT_ROWS_SELECT "ORDER BY r.person_id, r.from_date, r.id", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, day);
  for (;;)
    {
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) != person)
        {
          /* The person read last is done: count them where they live. */
          if (person != 0 && household != 0)
            {
              Living *l = g_hash_table_lookup (living, &household);

              if (l == NULL)
                {
                  l = g_new0 (Living, 1);
                  g_hash_table_insert (living, g_memdup2 (&household, sizeof household), l);
                }
              l->members++;
              if (head && l->head_id == 0)
                {
                  l->head_id = person;
                  l->head = g_steal_pointer (&head_name);
                }
            }
          g_clear_pointer (&head_name, g_free);
          if (rc != SQLITE_ROW)
            break;
          person = sqlite3_column_int64 (stmt, 0);
        }
      household = sqlite3_column_int64 (stmt, 1);
      head = sqlite3_column_int (stmt, 2) != 0;
      g_clear_pointer (&head_name, g_free);
      if (head)
        head_name = full_name (stmt, 5);
    }
  if (!finish (reg, stmt, rc, error))
    return NULL;
  cached = living;
  smt_register_set_cached (reg, cache_key, g_steal_pointer (&living),
                           (GDestroyNotify) g_hash_table_unref);
  return cached;
}

static char *
household_label (const SmtHouseholdInfo *h)
{
  if (h->head[0] != '\0' && h->address[0] != '\0')
    return g_strdup_printf (_("Household of %s — %s, %s"), h->head, h->address, h->hamlet);
  if (h->head[0] != '\0')
    return g_strdup_printf (_("Household of %s — %s"), h->head, h->hamlet);
  if (h->address[0] != '\0')
    return g_strdup_printf (_("Household at %s, %s"), h->address, h->hamlet);
  return g_strdup_printf (_("Household in %s"), h->hamlet);
}

typedef struct
{
  GBytes           *hamlet_key;
  GBytes           *address_key;
  GBytes           *head_key;
  SmtHouseholdInfo *info;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->hamlet_key, g_bytes_unref);
  g_clear_pointer (&e->address_key, g_bytes_unref);
  g_clear_pointer (&e->head_key, g_bytes_unref);
  g_clear_pointer (&e->info, smt_household_info_free);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  int r;

  if ((r = compare_keys (x->hamlet_key, y->hamlet_key)) != 0)
    return r;
  if ((r = compare_keys (x->address_key, y->address_key)) != 0)
    return r;
  if ((r = compare_keys (x->head_key, y->head_key)) != 0)
    return r;
  return x->info->id < y->info->id ? -1 : x->info->id > y->info->id;
}

/* The households matching (hamlet 0: all; one household; folded text in
 * address or head), sorted. */
static GPtrArray *
collect (SmtRegister  *reg,
         gint64        hamlet_id,
         gint64        household_id,
         const char   *folded,
         const char   *day,
         guint         limit,
         GError      **error)
{
  GHashTable *living;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  GPtrArray *list;
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (entries, entry_clear);
  if ((living = living_on (reg, day, error)) == NULL)
    return NULL;
  stmt = smt_register_prepare (reg,
      "SELECT h.id, h.hamlet_id, m.name, h.address FROM household h "
      "JOIN hamlet m ON m.id = h.hamlet_id "
      "WHERE (?1 = 0 OR h.hamlet_id = ?1) AND (?2 = 0 OR h.id = ?2) "
      "AND (h.dissolved_on IS NULL OR h.dissolved_on > ?3)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, hamlet_id);
  sqlite3_bind_int64 (stmt, 2, household_id);
  smt_bind_text (stmt, 3, day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtHouseholdInfo *info = g_new0 (SmtHouseholdInfo, 1);
      const Living *l;
      Entry e = { 0 };

      info->id = sqlite3_column_int64 (stmt, 0);
      info->hamlet_id = sqlite3_column_int64 (stmt, 1);
      info->hamlet = smt_column_text (stmt, 2);
      info->address = smt_column_text (stmt, 3);
      l = g_hash_table_lookup (living, &info->id);
      info->members = l != NULL ? l->members : 0;
      info->head_id = l != NULL ? l->head_id : 0;
      info->head = g_strdup (l != NULL && l->head != NULL ? l->head : "");
      if (folded != NULL)
        {
          g_autofree char *address = smt_text_fold (info->address);
          g_autofree char *head = smt_text_fold (info->head);

          if (strstr (address, folded) == NULL && strstr (head, folded) == NULL)
            {
              smt_household_info_free (info);
              continue;
            }
        }
      info->label = household_label (info);
      e.info = info;
      e.hamlet_key = smt_text_sort_key (info->hamlet);
      e.address_key = address_key (info->address);
      e.head_key = smt_text_sort_key (info->head);
      g_array_append_val (entries, e);
    }
  if (!finish (reg, stmt, rc, error))
    return NULL;

  g_array_sort (entries, entry_compare);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_household_info_free);
  for (guint i = 0; i < entries->len && (limit == 0 || i < limit); i++)
    g_ptr_array_add (list, g_steal_pointer (&g_array_index (entries, Entry, i).info));
  return list;
}

GPtrArray *
smt_households_list (SmtRegister  *reg,
                     gint64        hamlet_id,
                     const char   *date,
                     GError      **error)
{
  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return collect (reg, hamlet_id, 0, NULL, day_or_today (reg, date), 0, error);
}

GPtrArray *
smt_households_search (SmtRegister  *reg,
                       const char   *text,
                       guint         limit,
                       GError      **error)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folded = smt_text_fold (text != NULL ? text : "");
  if (folded == NULL || folded[0] == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) smt_household_info_free);
  return collect (reg, 0, 0, folded, smt_register_get_today (reg), limit, error);
}

SmtHouseholdInfo *
smt_household_get (SmtRegister  *reg,
                   gint64        household_id,
                   GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!smt_check_exists (reg, "household", household_id, _("household"), error))
    return NULL;
  list = collect (reg, 0, household_id, NULL, smt_register_get_today (reg), 0, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      /* Dissolved households are left out of lists, not of this. */
      g_clear_pointer (&list, g_ptr_array_unref);
      list = collect (reg, 0, household_id, NULL, "0000-01-01", 0, error);
      if (list == NULL || list->len == 0)
        return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

/* ---- members ---------------------------------------------------------------- */

typedef struct
{
  GBytes             *ten, *lot, *ho;
  SmtHouseholdMember *member;
} MemberEntry;

static int
member_compare (gconstpointer a,
                gconstpointer b)
{
  const MemberEntry *x = a;
  const MemberEntry *y = b;
  int r;

  if (x->member->head != y->member->head)
    return x->member->head ? -1 : 1;
  if (x->member->birth_year != y->member->birth_year)
    return x->member->birth_year < y->member->birth_year ? -1 : 1;
  if ((r = compare_keys (x->ten, y->ten)) != 0
      || (r = compare_keys (x->lot, y->lot)) != 0
      || (r = compare_keys (x->ho, y->ho)) != 0)
    return r;
  return x->member->person_id < y->member->person_id ? -1 : 1;
}

static void
member_entry_clear (gpointer data)
{
  MemberEntry *e = data;

  g_clear_pointer (&e->ten, g_bytes_unref);
  g_clear_pointer (&e->lot, g_bytes_unref);
  g_clear_pointer (&e->ho, g_bytes_unref);
  g_clear_pointer (&e->member, smt_household_member_free);
}

GPtrArray *
smt_household_members (SmtRegister  *reg,
                       gint64        household_id,
                       const char   *date,
                       GError      **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (MemberEntry));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GPtrArray *list;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (entries, member_entry_clear);
  if (!smt_check_exists (reg, "household", household_id, _("household"), error))
    return NULL;
  /* Newest row first: the first row read of a person says where they live. */
  stmt = smt_register_prepare (reg,
      CURRENT_ROWS_SELECT "AND r.person_id IN (SELECT person_id FROM residence "
      "WHERE household_id = ?2) ORDER BY r.person_id, r.from_date DESC, r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, day_or_today (reg, date));
  sqlite3_bind_int64 (stmt, 2, household_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      SmtHouseholdMember *m;
      MemberEntry e = { 0 };
      gint64 *key;

      if (g_hash_table_contains (seen, &person))
        continue;
      key = g_new (gint64, 1);
      *key = person;
      g_hash_table_add (seen, key);
      if (sqlite3_column_int64 (stmt, 1) != household_id)
        continue;
      m = g_new0 (SmtHouseholdMember, 1);
      m->person_id = person;
      m->head = sqlite3_column_int (stmt, 2) != 0;
      m->since = smt_column_text (stmt, 3);
      m->residence_id = sqlite3_column_int64 (stmt, 4);
      m->name = full_name (stmt, 5);
      m->sex = ((const char *) sqlite3_column_text (stmt, 8))[0];
      m->birth_year = sqlite3_column_int (stmt, 9);
      e.member = m;
      e.ho = smt_text_sort_key ((const char *) sqlite3_column_text (stmt, 5));
      e.lot = smt_text_sort_key ((const char *) sqlite3_column_text (stmt, 6));
      e.ten = smt_text_sort_key ((const char *) sqlite3_column_text (stmt, 7));
      g_array_append_val (entries, e);
    }
  if (!finish (reg, stmt, rc, error))
    return NULL;

  g_array_sort (entries, member_compare);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_household_member_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (list, g_steal_pointer (&g_array_index (entries, MemberEntry, i).member));
  return list;
}
