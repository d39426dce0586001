/* smt-organisation-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-member-spans.h"
#include "smt-organisation-query.h"

static int
column_bound (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;
  return sqlite3_column_int (stmt, column);
}

/* ---- organisations ------------------------------------------------------- */

void
smt_organisation_info_free (SmtOrganisationInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->short_name);
  g_free (info->name);
  g_free (info->member_word);
  g_free (info->trait_code);
  g_free (info->trait_name);
  g_free (info);
}

GPtrArray *
smt_organisations_list (SmtRegister  *reg,
                        GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = smt_register_prepare (reg,
      "SELECT o.id, o.code, o.short_name, o.name, o.member_word, o.kind, o.active, o.min_age, "
      "o.max_age, o.sex, o.position, coalesce (o.trait_id, 0), t.code, t.name "
      "FROM organisation o LEFT JOIN trait t ON t.id = o.trait_id "
      "ORDER BY o.position, o.id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_organisation_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtOrganisationInfo *info = g_new0 (SmtOrganisationInfo, 1);
      const char *sex = (const char *) sqlite3_column_text (stmt, 9);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = smt_column_text (stmt, 1);
      info->short_name = smt_column_text (stmt, 2);
      info->name = smt_column_text (stmt, 3);
      info->member_word = smt_column_text (stmt, 4);
      info->socio_political = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5),
                                         "socio_political") == 0;
      info->active = sqlite3_column_int (stmt, 6) != 0;
      info->min_age = column_bound (stmt, 7);
      info->max_age = column_bound (stmt, 8);
      info->sex = sex != NULL ? sex[0] : 0;
      info->position = sqlite3_column_int (stmt, 10);
      info->trait_id = sqlite3_column_int64 (stmt, 11);
      info->trait_code = smt_column_dup (stmt, 12);
      info->trait_name = smt_column_dup (stmt, 13);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- branches ------------------------------------------------------------- */

void
smt_branch_info_free (SmtBranchInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info->kind);
  g_free (info->hamlets);
  g_free (info->founded_on);
  g_free (info->dissolved_on);
  g_free (info);
}

/* A branch with what it sorts on. */
typedef struct
{
  int            position;
  GBytes        *key;
  SmtBranchInfo *info;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->key, g_bytes_unref);
  g_clear_pointer (&e->info, smt_branch_info_free);
}

int
smt_branch_order_compare (int     position_a,
                          gint64  organisation_a,
                          GBytes *name_key_a,
                          gint64  branch_a,
                          int     position_b,
                          gint64  organisation_b,
                          GBytes *name_key_b,
                          gint64  branch_b)
{
  int r;

  if (position_a != position_b)
    return position_a < position_b ? -1 : 1;
  if (organisation_a != organisation_b)
    return organisation_a < organisation_b ? -1 : 1;
  if ((r = g_bytes_compare (name_key_a, name_key_b)) != 0)
    return r;
  return branch_a < branch_b ? -1 : branch_a > branch_b;
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return smt_branch_order_compare (x->position, x->info->organisation_id, x->key, x->info->id,
                                   y->position, y->info->organisation_id, y->key, y->info->id);
}

/* The branches existing on date (a branch exists from its founding day to
 * its dissolution day, both included, as memberships are checked). */
static GArray *
read_branches (SmtRegister  *reg,
               gint64        organisation_id,
               const char   *date,
               GHashTable   *by_id,
               GError      **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT b.id, b.organisation_id, b.name, b.kind, b.parent_id, b.founded_on, "
      "b.dissolved_on, g.position FROM branch b JOIN organisation g ON g.id = b.organisation_id "
      "WHERE (?1 = 0 OR b.organisation_id = ?1) "
      "AND (b.founded_on IS NULL OR b.founded_on <= ?2) "
      "AND (b.dissolved_on IS NULL OR b.dissolved_on >= ?2)", error);
  int rc;

  g_array_set_clear_func (entries, entry_clear);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  smt_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry e = { 0 };

      e.info = g_new0 (SmtBranchInfo, 1);
      e.info->id = sqlite3_column_int64 (stmt, 0);
      e.info->organisation_id = sqlite3_column_int64 (stmt, 1);
      e.info->name = smt_column_text (stmt, 2);
      e.info->kind = smt_column_text (stmt, 3);
      e.info->parent_id = sqlite3_column_int64 (stmt, 4);
      e.info->founded_on = smt_column_dup (stmt, 5);
      e.info->dissolved_on = smt_column_dup (stmt, 6);
      e.info->hamlets = g_strdup ("");
      e.position = sqlite3_column_int (stmt, 7);
      e.key = smt_text_sort_key (e.info->name);
      g_array_append_val (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      SmtBranchInfo *info = g_array_index (entries, Entry, i).info;

      g_hash_table_insert (by_id, &info->id, info);
    }
  return g_steal_pointer (&entries);
}

/* "Ấp 3, Ấp 4": the hamlets each branch serves, in the hamlets' order. */
static gboolean
read_hamlets (SmtRegister  *reg,
              gint64        organisation_id,
              GHashTable   *by_id,
              GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT bh.branch_id, h.name FROM branch_hamlet bh "
      "JOIN branch b ON b.id = bh.branch_id JOIN hamlet h ON h.id = bh.hamlet_id "
      "WHERE (?1 = 0 OR b.organisation_id = ?1) "
      "ORDER BY bh.branch_id, h.position, h.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 branch_id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      SmtBranchInfo *info = g_hash_table_lookup (by_id, &branch_id);
      char *joined;

      if (info == NULL)
        continue;
      if (info->hamlets[0] == '\0')
        joined = g_strdup (name ? name : "");
      else
        joined = g_strconcat (info->hamlets, ", ", name ? name : "", NULL);
      g_free (info->hamlets);
      info->hamlets = joined;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

/* Members on the date: the spans covering it, away included, one per
 * membership, each counted for the branch it names (a tổ hội's members for
 * the tổ hội itself). */
static gboolean
count_members (SmtRegister  *reg,
               const char   *date,
               GHashTable   *by_id,
               GError      **error)
{
  GArray *spans = smt_member_spans_get (reg, error);
  gint64 last_person = 0;
  gint64 last_organisation = 0;

  if (spans == NULL)
    return FALSE;
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);
      SmtBranchInfo *info;

      if (!smt_member_span_covers (s, date))
        continue;
      /* Spans of one membership do not overlap; this keeps it so even on a
       * damaged register. */
      if (s->person_id == last_person && s->organisation_id == last_organisation)
        continue;
      last_person = s->person_id;
      last_organisation = s->organisation_id;
      if ((info = g_hash_table_lookup (by_id, &s->branch_id)) != NULL)
        info->members++;
    }
  return TRUE;
}

/**
 * smt_branches_list:
 * @reg: the register
 * @organisation_id: the organisation, or 0 for all
 * @date: (nullable): the day, YYYY-MM-DD, or %NULL for today
 * @error: a translated %SMT_REGISTER_ERROR_INVALID for a bad date
 *
 * Returns: (transfer full) (element-type SmtBranchInfo): the branches
 *   existing on @date, or %NULL with @error set
 */
GPtrArray *
smt_branches_list (SmtRegister  *reg,
                   gint64        organisation_id,
                   const char   *date,
                   GError      **error)
{
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GArray) entries = NULL;
  GPtrArray *list;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (organisation_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (date == NULL)
    date = smt_register_get_today (reg);
  else if (!smt_date_is_valid (date))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a valid date for the list of branches. Write the date as "
                     "YYYY-MM-DD, for example 2026-02-05."), date);
      return NULL;
    }

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  if ((entries = read_branches (reg, organisation_id, date, by_id, error)) == NULL
      || !read_hamlets (reg, organisation_id, by_id, error)
      || !count_members (reg, date, by_id, error))
    return NULL;

  g_array_sort (entries, entry_compare);
  list = g_ptr_array_new_full (entries->len, (GDestroyNotify) smt_branch_info_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (list, g_steal_pointer (&g_array_index (entries, Entry, i).info));
  return list;
}

void
smt_hamlet_info_free (SmtHamletInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

typedef struct
{
  GBytes        *key;
  SmtHamletInfo *info;
} HamletEntry;

static int
hamlet_entry_compare (gconstpointer a,
                      gconstpointer b)
{
  const HamletEntry *x = a;
  const HamletEntry *y = b;
  int r;

  if ((r = g_bytes_compare (x->key, y->key)) != 0)
    return r;
  return x->info->id < y->info->id ? -1 : x->info->id > y->info->id;
}

GPtrArray *
smt_hamlets_list (SmtRegister  *reg,
                  GError      **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (HamletEntry));
  g_autoptr(GPtrArray) hamlets = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  stmt = smt_register_prepare (reg, "SELECT id, name FROM hamlet", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HamletEntry e;

      e.info = g_new0 (SmtHamletInfo, 1);
      e.info->id = sqlite3_column_int64 (stmt, 0);
      e.info->name = smt_column_text (stmt, 1);
      e.key = smt_text_sort_key (e.info->name);
      g_array_append_val (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < entries->len; i++)
        {
          g_bytes_unref (g_array_index (entries, HamletEntry, i).key);
          smt_hamlet_info_free (g_array_index (entries, HamletEntry, i).info);
        }
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  g_array_sort (entries, hamlet_entry_compare);
  hamlets = g_ptr_array_new_full (entries->len, (GDestroyNotify) smt_hamlet_info_free);
  for (guint i = 0; i < entries->len; i++)
    {
      HamletEntry *e = &g_array_index (entries, HamletEntry, i);

      g_ptr_array_add (hamlets, e->info);
      g_bytes_unref (e->key);
    }
  return g_steal_pointer (&hamlets);
}
