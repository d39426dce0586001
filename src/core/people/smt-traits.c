/* smt-traits.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-traits.h"

/* A person_trait row that is current: not a void, and no row names it. */
#define CURRENT_TRAIT(alias) \
  " " alias ".voided = 0 AND NOT EXISTS (SELECT 1 FROM person_trait s " \
  "WHERE s.supersedes = " alias ".id) "

void
smt_trait_info_free (SmtTraitInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->code);
  g_free (info->name);
  g_free (info->organisations);
  g_free (info);
}

void
smt_person_trait_row_free (SmtPersonTraitRow *row)
{
  if (row == NULL)
    return;
  g_free (row->code);
  g_free (row->name);
  g_free (row->from_date);
  g_free (row->to_date);
  g_free (row->reason);
  g_free (row->entered_at);
  g_free (row);
}

/* ---- the list of traits ------------------------------------------------------------ */

GPtrArray *
smt_traits_list (SmtRegister  *reg,
                 GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  stmt = smt_register_prepare (reg,
      "SELECT t.id, t.code, t.name, t.position, "
      "coalesce ((SELECT group_concat (o.short_name, ', ') FROM (SELECT short_name FROM "
      "organisation WHERE trait_id = t.id ORDER BY position, id) o), ''), "
      "(SELECT count (DISTINCT p.person_id) FROM person_trait p WHERE p.trait_id = t.id AND"
      CURRENT_TRAIT ("p") "AND (p.from_date IS NULL OR p.from_date <= ?1) "
      "AND (p.to_date IS NULL OR p.to_date >= ?1)) "
      "FROM trait t ORDER BY t.position, t.name, t.id", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, smt_register_get_today (reg));
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_trait_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtTraitInfo *info = g_new0 (SmtTraitInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = smt_column_text (stmt, 1);
      info->name = smt_column_text (stmt, 2);
      info->position = sqlite3_column_int (stmt, 3);
      info->organisations = smt_column_text (stmt, 4);
      info->people = (guint) sqlite3_column_int64 (stmt, 5);
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

gint64
smt_trait_lookup (SmtRegister *reg,
                  const char  *code)
{
  g_autofree char *norm = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (code != NULL, 0);

  norm = smt_text_normalize (code);
  stmt = smt_register_prepare (reg, "SELECT id FROM trait WHERE code = ?1 COLLATE NOCASE", NULL);
  if (stmt == NULL)
    return 0;
  smt_bind_text (stmt, 1, norm);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
validate_trait (SmtRegister  *reg,
                gint64        self_id,
                const char   *code,
                const char   *name,
                GError      **error)
{
  g_autofree char *norm = NULL;
  sqlite3_stmt *stmt;
  gboolean taken;

  if (!smt_check_text (code, _("trait code"), error)
      || !smt_check_text (name, _("trait name"), error))
    return FALSE;
  norm = smt_text_normalize (code);
  if (strpbrk (norm, " ,:") != NULL)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("A trait's code is one word without spaces, commas or colons, for "
                       "example CQN. Choose another code."));
  stmt = smt_register_prepare (reg, "SELECT name FROM trait WHERE code = ?1 COLLATE NOCASE "
                                    "AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, norm);
  sqlite3_bind_int64 (stmt, 2, self_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  if (taken)
    g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE,
                 _("The code “%s” is already used by “%s”. Choose another code."), norm,
                 (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return !taken;
}

static gboolean
log_trait (SmtRegister  *reg,
           gint64        id,
           const char   *action,
           const char   *before,
           const char   *reason,
           GError      **error)
{
  g_autofree char *after = smt_register_row_json (reg, "trait", id);

  return smt_register_log_change (reg, "trait", id, action, before, after, reason, error);
}

gint64
smt_trait_add (SmtRegister  *reg,
               const char   *code,
               const char   *name,
               int           position,
               GError      **error)
{
  g_autofree char *norm_code = NULL;
  g_autofree char *norm_name = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = validate_trait (reg, 0, code, name, error);
  if (ok)
    {
      norm_code = smt_text_normalize (code);
      norm_name = smt_text_normalize (name);
      stmt = smt_register_prepare (reg, "INSERT INTO trait (id, code, name, position) "
                                        "VALUES (?1, ?2, ?3, ?4)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, norm_code);
          smt_bind_text (stmt, 3, norm_name);
          sqlite3_bind_int (stmt, 4, position);
          ok = smt_register_step_done (reg, stmt, error)
               && log_trait (reg, id, "insert", NULL, NULL, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_trait_update (SmtRegister  *reg,
                  gint64        trait_id,
                  const char   *code,
                  const char   *name,
                  int           position,
                  const char   *reason,
                  GError      **error)
{
  g_autofree char *norm_code = NULL;
  g_autofree char *norm_name = NULL;
  g_autofree char *why = NULL;
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "trait", trait_id, _("trait"), error)
       && validate_trait (reg, trait_id, code, name, error)
       && smt_normalize_optional (reason, _("reason"), &why, error);
  if (ok)
    {
      norm_code = smt_text_normalize (code);
      norm_name = smt_text_normalize (name);
      before = smt_register_row_json (reg, "trait", trait_id);
      stmt = smt_register_prepare (reg, "UPDATE trait SET code = ?2, name = ?3, position = ?4 "
                                        "WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          g_autofree char *after = NULL;

          sqlite3_bind_int64 (stmt, 1, trait_id);
          smt_bind_text (stmt, 2, norm_code);
          smt_bind_text (stmt, 3, norm_name);
          sqlite3_bind_int (stmt, 4, position);
          ok = smt_register_step_done (reg, stmt, error);
          after = smt_register_row_json (reg, "trait", trait_id);
          /* The same values again change nothing and log nothing. */
          if (ok && g_strcmp0 (before, after) != 0)
            ok = log_trait (reg, trait_id, "update", before, why, error);
        }
    }
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_trait_delete (SmtRegister  *reg,
                  gint64        trait_id,
                  GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "trait", trait_id, _("trait"), error);
  if (ok && smt_register_count_refs (reg, "organisation", "trait_id", trait_id) > 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_HAS_HISTORY,
                   _("An organisation's rule asks for this trait. Change that rule first."));
  ok = ok
       && smt_register_refuse_history (smt_register_count_refs (reg, "person_trait",
                                                                 "trait_id", trait_id),
                                        _("trait"), _("rename it instead."), error)
       && smt_register_delete_row (reg, "trait", trait_id, error);
  return smt_register_write_end (reg, ok, error);
}

/* ---- a person's traits --------------------------------------------------------------- */

/* Whether [a_from, a_to] and [b_from, b_to] share a day; NULL is open. */
static gboolean
overlaps (const char *a_from,
          const char *a_to,
          const char *b_from,
          const char *b_to)
{
  return (a_to == NULL || b_from == NULL || strcmp (b_from, a_to) <= 0)
         && (b_to == NULL || a_from == NULL || strcmp (a_from, b_to) <= 0);
}

/* "01/05/1985" or, for NULL, the words for an open end. */
static char *
shown_day (const char *iso,
           gboolean    is_start)
{
  if (iso == NULL)
    return g_strdup (is_start ? _("before the register") : _("now"));
  return smt_date_to_display (iso);
}

/* Refuses a record of trait_id for the person over [from, to] that would
 * overlap a current one (but exclude_id, the row being replaced). */
static gboolean
check_no_overlap (SmtRegister  *reg,
                  gint64        person_id,
                  gint64        trait_id,
                  gint64        exclude_id,
                  const char   *from,
                  const char   *to,
                  GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT p.from_date, p.to_date, t.name FROM person_trait p JOIN trait t "
      "ON t.id = p.trait_id WHERE p.person_id = ?1 AND p.trait_id = ?2 AND p.id <> ?3 AND"
      CURRENT_TRAIT ("p"), error);
  gboolean ok = TRUE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, trait_id);
  sqlite3_bind_int64 (stmt, 3, exclude_id);
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *f = (const char *) sqlite3_column_text (stmt, 0);
      const char *t = (const char *) sqlite3_column_text (stmt, 1);

      if (overlaps (from, to, f, t))
        {
          g_autofree char *name = smt_register_person_name (reg, person_id);
          g_autofree char *a = shown_day (f, TRUE);
          g_autofree char *b = shown_day (t, FALSE);

          ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                         _("%s is already recorded as “%s” from %s to %s. End or correct "
                           "that record instead of adding one that overlaps it."),
                         name, (const char *) sqlite3_column_text (stmt, 2), a, b);
        }
    }
  sqlite3_reset (stmt);
  return ok;
}

static gint64
insert_row (SmtRegister  *reg,
            gint64        person_id,
            gint64        trait_id,
            const char   *from,
            const char   *to,
            const char   *reason,
            gint64        supersedes,
            gboolean      voided,
            GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "INSERT INTO person_trait (id, person_id, trait_id, from_date, to_date, reason, "
      "supersedes, voided, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  id = smt_register_next_key (reg);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, trait_id);
  smt_bind_text (stmt, 4, from);
  smt_bind_text (stmt, 5, to);
  smt_bind_text (stmt, 6, reason);
  if (supersedes != 0)
    sqlite3_bind_int64 (stmt, 7, supersedes);
  sqlite3_bind_int (stmt, 8, voided);
  smt_bind_text (stmt, 9, smt_register_now (reg));
  return smt_register_step_done (reg, stmt, error) ? id : 0;
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

gint64
smt_person_trait_add (SmtRegister  *reg,
                      gint64        person_id,
                      gint64        trait_id,
                      const char   *from_date,
                      const char   *to_date,
                      const char   *reason,
                      GError      **error)
{
  g_autofree char *why = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  from_date = empty_to_null (from_date);
  to_date = empty_to_null (to_date);
  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "person", person_id, _("person"), error)
       && smt_check_exists (reg, "trait", trait_id, _("trait"), error)
       && smt_check_date (reg, from_date, _("start of the trait"), FALSE, error)
       && smt_check_date (reg, to_date, _("end of the trait"), FALSE, error)
       && smt_check_order (from_date, to_date, _("start of the trait"), _("end of the trait"),
                           error)
       && smt_normalize_optional (reason, _("reason"), &why, error)
       && check_no_overlap (reg, person_id, trait_id, 0, from_date, to_date, error);
  if (ok)
    ok = (id = insert_row (reg, person_id, trait_id, from_date, to_date, why, 0, FALSE,
                           error)) != 0;
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/* The current row person_trait_id into its fields; refused when it is
 * not current. */
static gboolean
read_current (SmtRegister  *reg,
              gint64        person_trait_id,
              gint64       *person_id,
              gint64       *trait_id,
              char        **from_date,
              GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean current = FALSE;

  if (!smt_check_exists (reg, "person_trait", person_trait_id, _("trait record"), error))
    return FALSE;
  stmt = smt_register_prepare (reg,
      "SELECT p.person_id, p.trait_id, p.from_date, " CURRENT_TRAIT ("p")
      "FROM person_trait p WHERE p.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_trait_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *person_id = sqlite3_column_int64 (stmt, 0);
      *trait_id = sqlite3_column_int64 (stmt, 1);
      *from_date = smt_column_dup (stmt, 2);
      current = sqlite3_column_int (stmt, 3) != 0;
    }
  sqlite3_reset (stmt);
  if (!current)
    return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                     _("This record was already corrected or voided. Reload the person's "
                       "traits and choose the current record."));
  return TRUE;
}

gint64
smt_person_trait_end (SmtRegister  *reg,
                      gint64        person_trait_id,
                      const char   *to_date,
                      const char   *reason,
                      GError      **error)
{
  g_autofree char *from = NULL;
  g_autofree char *why = NULL;
  gint64 person_id = 0, trait_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = read_current (reg, person_trait_id, &person_id, &trait_id, &from, error)
       && smt_check_date (reg, to_date, _("end of the trait"), TRUE, error)
       && smt_check_order (from, to_date, _("start of the trait"), _("end of the trait"),
                           error)
       && smt_normalize_optional (reason, _("reason"), &why, error)
       && check_no_overlap (reg, person_id, trait_id, person_trait_id, from, to_date, error);
  if (ok)
    ok = (id = insert_row (reg, person_id, trait_id, from, to_date, why, person_trait_id,
                           FALSE, error)) != 0;
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gint64
smt_person_trait_void (SmtRegister  *reg,
                       gint64        person_trait_id,
                       const char   *reason,
                       GError      **error)
{
  g_autofree char *from = NULL;
  g_autofree char *why = NULL;
  gint64 person_id = 0, trait_id = 0, id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = read_current (reg, person_trait_id, &person_id, &trait_id, &from, error)
       && smt_check_text (reason, _("reason for the correction"), error);
  if (ok)
    {
      why = smt_text_normalize (reason);
      ok = (id = insert_row (reg, person_id, trait_id, from, NULL, why, person_trait_id, TRUE,
                             error)) != 0;
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

GPtrArray *
smt_person_traits (SmtRegister  *reg,
                   gint64        person_id,
                   gboolean      history,
                   GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  stmt = smt_register_prepare (reg,
      "SELECT p.id, p.trait_id, t.code, t.name, p.from_date, p.to_date, p.reason, "
      CURRENT_TRAIT ("p") ", p.voided, coalesce (p.supersedes, 0), p.entered_at "
      "FROM person_trait p JOIN trait t ON t.id = p.trait_id WHERE p.person_id = ?1 "
      "AND (?2 OR" CURRENT_TRAIT ("p") ") "
      "ORDER BY CASE WHEN ?2 THEN p.id END, t.position, t.name, "
      "coalesce (p.from_date, ''), p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, history);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_person_trait_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtPersonTraitRow *row = g_new0 (SmtPersonTraitRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->person_id = person_id;
      row->trait_id = sqlite3_column_int64 (stmt, 1);
      row->code = smt_column_text (stmt, 2);
      row->name = smt_column_text (stmt, 3);
      row->from_date = smt_column_dup (stmt, 4);
      row->to_date = smt_column_dup (stmt, 5);
      row->reason = smt_column_text (stmt, 6);
      row->current = sqlite3_column_int (stmt, 7) != 0;
      row->voids = sqlite3_column_int (stmt, 8) != 0;
      row->supersedes = sqlite3_column_int64 (stmt, 9);
      row->entered_at = smt_column_text (stmt, 10);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
smt_person_has_trait (SmtRegister *reg,
                      gint64       person_id,
                      gint64       trait_id,
                      const char  *date)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  stmt = smt_register_prepare (reg,
      "SELECT 1 FROM person_trait p WHERE p.person_id = ?1 AND p.trait_id = ?2 AND"
      CURRENT_TRAIT ("p") "AND (p.from_date IS NULL OR p.from_date <= ?3) "
      "AND (p.to_date IS NULL OR p.to_date >= ?3)", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, trait_id);
  smt_bind_text (stmt, 3, date);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

char *
smt_person_trait_describe (const SmtPersonTraitRow *row)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  if (row->from_date == NULL && row->to_date == NULL)
    return g_strdup (row->name);
  from = row->from_date != NULL ? smt_date_to_display (row->from_date) : NULL;
  to = row->to_date != NULL ? smt_date_to_display (row->to_date) : NULL;
  if (to == NULL)
    /* Translators: a trait and the day the person has it from */
    return g_strdup_printf (_("%s (from %s)"), row->name, from);
  if (from == NULL)
    /* Translators: a trait and the last day the person had it */
    return g_strdup_printf (_("%s (until %s)"), row->name, to);
  /* Translators: a trait, then its first and last day */
  return g_strdup_printf (_("%s (%s – %s)"), row->name, from, to);
}
