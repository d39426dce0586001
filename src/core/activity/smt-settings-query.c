/* smt-settings-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-settings-query.h"

/* Text of a column that may be NULL, as NULL. */
static char *
column_nullable (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* ---- hamlets ------------------------------------------------------------------ */

void
smt_hamlet_row_free (SmtHamletRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->kind);
  g_free (row);
}

typedef struct
{
  GBytes       *key;
  SmtHamletRow *row;
} HamletEntry;

static int
hamlet_entry_compare (gconstpointer a,
                      gconstpointer b)
{
  const HamletEntry *x = a;
  const HamletEntry *y = b;
  int r;

  if (x->row->position != y->row->position)
    return x->row->position < y->row->position ? -1 : 1;
  if ((r = g_bytes_compare (x->key, y->key)) != 0)
    return r;
  return x->row->id < y->row->id ? -1 : x->row->id > y->row->id;
}

/* Households and people living in each hamlet today: everyone alive whose
 * current residence row (the latest valid one on or before today) names a
 * household of the hamlet. */
static gboolean
count_residents (SmtRegister  *reg,
                 GHashTable   *by_id,
                 GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "WITH cur AS (SELECT (SELECT r.household_id FROM residence r WHERE r.person_id = p.id "
      "  AND r.voided = 0 AND r.from_date <= ?1 AND NOT EXISTS (SELECT 1 FROM residence s "
      "  WHERE s.supersedes = r.id) ORDER BY r.from_date DESC, r.id DESC LIMIT 1) AS hh "
      "  FROM person p WHERE p.deceased_on IS NULL OR p.deceased_on > ?1) "
      "SELECT d.hamlet_id, count (DISTINCT c.hh), count (*) FROM cur c "
      "JOIN household d ON d.id = c.hh GROUP BY d.hamlet_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, smt_register_get_today (reg));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SmtHamletRow *row = g_hash_table_lookup (by_id, &id);

      if (row == NULL)
        continue;
      row->households = sqlite3_column_int (stmt, 1);
      row->people = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

GPtrArray *
smt_settings_hamlets (SmtRegister  *reg,
                      GError      **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (HamletEntry));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_hamlet_row_free);
  stmt = smt_register_prepare (reg, "SELECT id, name, kind, position FROM hamlet", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HamletEntry e;

      e.row = g_new0 (SmtHamletRow, 1);
      e.row->id = sqlite3_column_int64 (stmt, 0);
      e.row->name = smt_column_text (stmt, 1);
      e.row->kind = smt_column_text (stmt, 2);
      e.row->position = sqlite3_column_int (stmt, 3);
      e.key = smt_text_sort_key (e.row->name);
      g_array_append_val (entries, e);
      g_ptr_array_add (list, e.row);
      g_hash_table_insert (by_id, &e.row->id, e.row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    smt_register_set_db_error (reg, error);
  if (rc == SQLITE_DONE && count_residents (reg, by_id, error))
    {
      g_array_sort (entries, hamlet_entry_compare);
      /* The list owns the rows; put them in order. */
      for (guint i = 0; i < entries->len; i++)
        list->pdata[i] = g_array_index (entries, HamletEntry, i).row;
    }
  else
    g_clear_pointer (&list, g_ptr_array_unref);
  for (guint i = 0; i < entries->len; i++)
    g_bytes_unref (g_array_index (entries, HamletEntry, i).key);
  return g_steal_pointer (&list);
}

/* ---- resolutions and targets ------------------------------------------------------ */

void
smt_target_row_free (SmtTargetRow *row)
{
  if (row == NULL)
    return;
  g_free (row->indicator_code);
  g_free (row->label);
  g_free (row->baseline_date);
  g_free (row->deadline);
  g_free (row->scope);
  g_free (row);
}

void
smt_resolution_row_free (SmtResolutionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->number);
  g_free (row->title);
  g_free (row->issuer);
  g_free (row->issued_on);
  g_free (row->term_from);
  g_free (row->term_to);
  g_clear_pointer (&row->targets, g_ptr_array_unref);
  g_free (row);
}

static gboolean
read_targets (SmtRegister  *reg,
              GHashTable   *by_id,
              GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, resolution_id, indicator_code, position, label, baseline, baseline_date, "
      "target, comparator, deadline, scope FROM target ORDER BY resolution_id, position, id",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 resolution_id = sqlite3_column_int64 (stmt, 1);
      SmtResolutionRow *res = g_hash_table_lookup (by_id, &resolution_id);
      SmtTargetRow *t;

      if (res == NULL)
        continue;
      t = g_new0 (SmtTargetRow, 1);
      t->id = sqlite3_column_int64 (stmt, 0);
      t->indicator_code = smt_column_text (stmt, 2);
      t->position = sqlite3_column_int (stmt, 3);
      t->label = smt_column_text (stmt, 4);
      t->has_baseline = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      t->baseline = t->has_baseline ? sqlite3_column_double (stmt, 5) : 0;
      t->baseline_date = column_nullable (stmt, 6);
      t->target = sqlite3_column_double (stmt, 7);
      t->at_most = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 8), "<=") == 0;
      t->deadline = column_nullable (stmt, 9);
      t->scope = column_nullable (stmt, 10);
      g_ptr_array_add (res->targets, t);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

GPtrArray *
smt_settings_resolutions (SmtRegister  *reg,
                          GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = smt_register_prepare (reg,
      "SELECT id, number, title, issuer, issued_on, term_from, term_to FROM resolution "
      "ORDER BY issued_on DESC, number, id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_resolution_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtResolutionRow *r = g_new0 (SmtResolutionRow, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->number = smt_column_text (stmt, 1);
      r->title = smt_column_text (stmt, 2);
      r->issuer = smt_column_text (stmt, 3);
      r->issued_on = smt_column_text (stmt, 4);
      r->term_from = column_nullable (stmt, 5);
      r->term_to = column_nullable (stmt, 6);
      r->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_target_row_free);
      g_ptr_array_add (list, r);
      g_hash_table_insert (by_id, &r->id, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  if (!read_targets (reg, by_id, error))
    return NULL;
  return g_steal_pointer (&list);
}

/* ---- officers ------------------------------------------------------------------ */

void
smt_officer_row_free (SmtOfficerRow *row)
{
  if (row == NULL)
    return;
  g_free (row->organisation);
  g_free (row->full_name);
  g_free (row->from_date);
  g_free (row->to_date);
  g_free (row->reason);
  g_free (row);
}

GPtrArray *
smt_settings_officers (SmtRegister  *reg,
                       gboolean      with_past,
                       GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A term is ended by a new row superseding it: only rows nothing
   * supersedes, not voided, are the terms as they stand. */
  stmt = smt_register_prepare (reg,
      "SELECT f.id, f.organisation_id, o.name, f.person_id, "
      "p.ho || ' ' || CASE p.chu_lot WHEN '' THEN '' ELSE p.chu_lot || ' ' END || p.ten, "
      "f.role, f.from_date, f.to_date, f.political_level, f.professional_level, f.reason, "
      "(f.to_date IS NULL OR f.to_date > ?1) AS current "
      "FROM officer f JOIN person p ON p.id = f.person_id "
      "LEFT JOIN organisation o ON o.id = f.organisation_id "
      "WHERE f.voided = 0 AND NOT EXISTS (SELECT 1 FROM officer s WHERE s.supersedes = f.id) "
      "AND (?2 OR f.to_date IS NULL OR f.to_date > ?1) "
      "ORDER BY f.organisation_id IS NOT NULL, o.position, o.id, current DESC, "
      "f.role = 'deputy', f.from_date DESC, f.id", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, smt_register_get_today (reg));
  sqlite3_bind_int (stmt, 2, with_past ? 1 : 0);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_officer_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtOfficerRow *r = g_new0 (SmtOfficerRow, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->organisation_id = sqlite3_column_int64 (stmt, 1);
      if (r->organisation_id != 0)
        r->organisation = smt_column_text (stmt, 2);
      else
        r->organisation = g_strdup (_("Committee of the Fatherland Front"));
      r->person_id = sqlite3_column_int64 (stmt, 3);
      r->full_name = smt_column_text (stmt, 4);
      r->role = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "deputy") == 0
                ? SMT_OFFICER_DEPUTY : SMT_OFFICER_HEAD;
      r->from_date = smt_column_text (stmt, 6);
      r->to_date = column_nullable (stmt, 7);
      r->political_level = sqlite3_column_int (stmt, 8);
      r->professional_level = sqlite3_column_int (stmt, 9);
      r->reason = smt_column_text (stmt, 10);
      r->current = sqlite3_column_int (stmt, 11) != 0;
      g_ptr_array_add (list, r);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

const char *
smt_officer_political_level_label (int level)
{
  switch (level)
    {
    case 0: return _("no political theory training");
    case 1: return _("elementary political theory");
    case 2: return _("intermediate political theory");
    case 3: return _("advanced political theory");
    default: return "";
    }
}

const char *
smt_officer_professional_level_label (int level)
{
  switch (level)
    {
    case 0: return _("no professional training");
    case 1: return _("elementary vocational training");
    case 2: return _("intermediate vocational training");
    case 3: return _("college degree");
    case 4: return _("university degree");
    case 5: return _("postgraduate degree");
    default: return "";
    }
}

const char *
smt_officer_role_label (SmtOfficerRole role)
{
  return role == SMT_OFFICER_DEPUTY ? _("Deputy") : _("Head");
}

gboolean
smt_settings_parse_number (const char *text,
                           double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  gsize len;
  double v;

  g_return_val_if_fail (value != NULL, FALSE);

  *value = 0;
  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  len = strlen (copy);
  if (len > 0 && copy[len - 1] == '%')
    {
      copy[len - 1] = '\0';
      g_strchomp (copy);
    }
  if (copy[0] == '\0' || (strchr (copy, '.') != NULL && strchr (copy, ',') != NULL))
    return FALSE;
  g_strdelimit (copy, ",", '.');
  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (v) || g_ascii_isspace (copy[0]))
    return FALSE;
  *value = v;
  return TRUE;
}
