/* smt-event-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "smt-event-query.h"

void
smt_event_row_free (SmtEventRow *row)
{
  if (row == NULL)
    return;
  g_free (row->date);
  g_free (row->person_name);
  g_free (row->organisation);
  g_free (row->branch);
  g_free (row->from_branch);
  g_free (row->reason);
  g_free (row->document);
  g_free (row);
}

const char *
smt_journal_kind_to_string (int kind)
{
  g_return_val_if_fail (kind >= 0 && kind < SMT_N_JOURNAL_KINDS, NULL);
  if (kind == SMT_JOURNAL_RESTRUCTURED)
    return "restructured";
  if (kind == SMT_JOURNAL_IMPORTED)
    return "imported";
  return smt_event_kind_to_string (kind);
}

gboolean
smt_journal_kind_from_string (const char *text,
                              int        *kind)
{
  SmtEventKind event_kind;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (text, "restructured") == 0)
    {
      *kind = SMT_JOURNAL_RESTRUCTURED;
      return TRUE;
    }
  if (g_strcmp0 (text, "imported") == 0)
    {
      *kind = SMT_JOURNAL_IMPORTED;
      return TRUE;
    }
  if (!smt_event_kind_from_string (text, &event_kind))
    return FALSE;
  *kind = event_kind;
  return TRUE;
}

const char *
smt_journal_kind_label (int kind)
{
  g_return_val_if_fail (kind >= 0 && kind < SMT_N_JOURNAL_KINDS, NULL);
  if (kind == SMT_JOURNAL_RESTRUCTURED)
    /* Translators: the transfers of a restructure in the journal (the seeds'
     * "sắp xếp tổ chức … chi hội") */
    return C_("event kind", "Restructured");
  if (kind == SMT_JOURNAL_IMPORTED)
    /* Translators: admissions written by importing a member list */
    return C_("event kind", "Imported from a list");
  return smt_event_kind_label (kind);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || smt_date_is_valid (date))
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD."), date);
}

GPtrArray *
smt_events_list (SmtRegister           *reg,
                 const SmtEventFilter  *filter,
                 GError               **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!check_date (filter->from, error) || !check_date (filter->to, error))
    return NULL;

  /* The branch a transfer left: the person's branch in that organisation
   * before it, from the last earlier event that names one and was not
   * voided. */
  stmt = smt_register_prepare (reg,
      "SELECT e.id, e.kind, e.date, e.person_id, "
      " p.ho || ' ' || CASE p.chu_lot WHEN '' THEN '' ELSE p.chu_lot || ' ' END || p.ten, "
      " e.organisation_id, coalesce (o.short_name, ''), coalesce (e.branch_id, 0), b.name, "
      " CASE WHEN e.kind = 'transferred' THEN "
      "  (SELECT fb.name FROM membership_event f JOIN branch fb ON fb.id = f.branch_id "
      "   WHERE f.person_id = e.person_id AND f.organisation_id = e.organisation_id "
      "   AND f.kind <> 'void' AND (f.date < e.date OR (f.date = e.date AND f.id < e.id)) "
      "   AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = f.id) "
      "   ORDER BY f.date DESC, f.id DESC LIMIT 1) END, "
      " e.reason, e.document, coalesce (e.supersedes, 0), "
      " EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id), "
      " coalesce (e.restructure_id, 0), coalesce (e.import_batch_id, 0) "
      "FROM membership_event e "
      "JOIN person p ON p.id = e.person_id "
      "LEFT JOIN organisation o ON o.id = e.organisation_id "
      "LEFT JOIN branch b ON b.id = e.branch_id "
      "WHERE (?1 IS NULL OR e.date >= ?1) AND (?2 IS NULL OR e.date <= ?2) "
      "AND (?3 = 0 OR e.organisation_id = ?3) AND (?4 IS NULL OR e.kind = ?4) "
      "AND (?5 = 0 OR (e.restructure_id IS NULL) = (?5 = 1)) "
      "AND (?6 = 0 OR (e.import_batch_id IS NULL) = (?6 = 1)) "
      "ORDER BY e.date DESC, e.entered_at DESC, e.id DESC", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, filter->from);
  smt_bind_text (stmt, 2, filter->to);
  sqlite3_bind_int64 (stmt, 3, filter->organisation_id);
  if (filter->kind == SMT_JOURNAL_RESTRUCTURED)
    smt_bind_text (stmt, 4, "transferred");
  else if (filter->kind == SMT_JOURNAL_IMPORTED)
    smt_bind_text (stmt, 4, "admitted");
  else
    smt_bind_text (stmt, 4, filter->kind >= 0 && filter->kind < SMT_N_EVENTS
                            ? smt_event_kind_to_string (filter->kind) : NULL);
  /* 1: no restructure's transfers (a chuyển sinh hoạt); 2: only those. */
  sqlite3_bind_int (stmt, 5, filter->kind == SMT_EVENT_TRANSFERRED ? 1
                             : filter->kind == SMT_JOURNAL_RESTRUCTURED ? 2 : 0);
  /* 1: no import's admissions (a kết nạp); 2: only those. */
  sqlite3_bind_int (stmt, 6, filter->kind == SMT_EVENT_ADMITTED ? 1
                             : filter->kind == SMT_JOURNAL_IMPORTED ? 2 : 0);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_event_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtEventRow *row = g_new0 (SmtEventRow, 1);
      SmtEventKind kind = SMT_EVENT_VOID;

      row->id = sqlite3_column_int64 (stmt, 0);
      smt_event_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &kind);
      row->kind = kind;
      row->date = smt_column_text (stmt, 2);
      row->person_id = sqlite3_column_int64 (stmt, 3);
      row->person_name = smt_column_text (stmt, 4);
      row->organisation_id = sqlite3_column_int64 (stmt, 5);
      row->organisation = smt_column_text (stmt, 6);
      row->branch_id = sqlite3_column_int64 (stmt, 7);
      row->branch = smt_column_dup (stmt, 8);
      row->from_branch = smt_column_dup (stmt, 9);
      row->reason = smt_column_text (stmt, 10);
      row->document = smt_column_text (stmt, 11);
      row->voids_event_id = sqlite3_column_int64 (stmt, 12);
      row->voided = sqlite3_column_int (stmt, 13) != 0;
      row->restructure_id = sqlite3_column_int64 (stmt, 14);
      row->import_batch_id = sqlite3_column_int64 (stmt, 15);
      row->journal_kind = row->restructure_id != 0 && kind == SMT_EVENT_TRANSFERRED
                          ? SMT_JOURNAL_RESTRUCTURED
                          : row->import_batch_id != 0 && kind == SMT_EVENT_ADMITTED
                          ? SMT_JOURNAL_IMPORTED : (int) kind;
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

void
smt_events_count (GPtrArray *rows,
                  guint     *counts)
{
  g_return_if_fail (rows != NULL && counts != NULL);

  memset (counts, 0, sizeof (guint) * SMT_N_JOURNAL_KINDS);
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtEventRow *row = g_ptr_array_index (rows, i);

      if (!row->voided && row->kind != SMT_EVENT_VOID)
        counts[row->journal_kind]++;
    }
}
