/* smt-import-batch.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-import-batch.h"

void
smt_import_batch_free (SmtImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->file_name);
  g_free (batch->file_sha256);
  g_free (batch->sheet);
  g_free (batch->organisation);
  g_free (batch->admitted_on_default);
  g_free (batch->entered_at);
  g_free (batch->undo_reason);
  g_free (batch->undone_at);
  g_free (batch);
}

GPtrArray *
smt_import_batches_list (SmtRegister  *reg,
                         GError      **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                              smt_import_batch_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  stmt = smt_register_prepare (reg,
      "SELECT b.id, b.file_name, b.file_sha256, b.sheet, b.organisation_id, o.code, "
      "coalesce (b.branch_id, 0), b.admitted_on_default, b.rows_read, b.persons_added, "
      "b.memberships_added, b.households_added, b.entered_at, u.reason, u.entered_at "
      "FROM import_batch b JOIN organisation o ON o.id = b.organisation_id "
      "LEFT JOIN import_undo u ON u.batch_id = b.id ORDER BY b.entered_at DESC, b.id DESC",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtImportBatch *b = g_new0 (SmtImportBatch, 1);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->file_name = smt_column_text (stmt, 1);
      b->file_sha256 = smt_column_text (stmt, 2);
      b->sheet = smt_column_text (stmt, 3);
      b->organisation_id = sqlite3_column_int64 (stmt, 4);
      b->organisation = smt_column_text (stmt, 5);
      b->branch_id = sqlite3_column_int64 (stmt, 6);
      b->admitted_on_default = smt_column_dup (stmt, 7);
      b->rows_read = (guint) sqlite3_column_int (stmt, 8);
      b->persons_added = (guint) sqlite3_column_int (stmt, 9);
      b->memberships_added = (guint) sqlite3_column_int (stmt, 10);
      b->households_added = (guint) sqlite3_column_int (stmt, 11);
      b->entered_at = smt_column_text (stmt, 12);
      b->undone = sqlite3_column_type (stmt, 13) != SQLITE_NULL;
      b->undo_reason = smt_column_dup (stmt, 13);
      b->undone_at = smt_column_dup (stmt, 14);
      g_ptr_array_add (list, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Rows outside the batch that refer to the people, households, residences
 * or events it wrote: while any is there, what the batch wrote cannot go. */
#define CREATED_PERSONS "(SELECT id FROM person WHERE import_batch_id = ?1)"
static const char dependents_sql[] =
  "SELECT "
  " (SELECT count(*) FROM membership_event WHERE import_batch_id IS NOT ?1 AND "
  "   (person_id IN " CREATED_PERSONS " OR supersedes IN "
  "    (SELECT id FROM membership_event WHERE import_batch_id = ?1))) "
  "+ (SELECT count(*) FROM residence WHERE import_batch_id IS NOT ?1 AND "
  "   (person_id IN " CREATED_PERSONS " OR household_id IN "
  "    (SELECT id FROM household WHERE import_batch_id = ?1) OR supersedes IN "
  "    (SELECT id FROM residence WHERE import_batch_id = ?1))) "
  "+ (SELECT count(*) FROM attendance WHERE person_id IN " CREATED_PERSONS ") "
  "+ (SELECT count(*) FROM study_participant WHERE person_id IN " CREATED_PERSONS ") "
  "+ (SELECT count(*) FROM study_exception WHERE person_id IN " CREATED_PERSONS ") "
  "+ (SELECT count(*) FROM rating WHERE person_id IN " CREATED_PERSONS ") "
  "+ (SELECT count(*) FROM officer WHERE person_id IN " CREATED_PERSONS ") "
  "+ (SELECT count(*) FROM branch_leader WHERE person_id IN " CREATED_PERSONS ") "
  "+ (SELECT count(*) FROM person_trait WHERE person_id IN " CREATED_PERSONS ")";

/* Current membership events of people who were in the register before the
 * batch, in the organisation of one of its admissions, on or after it: the
 * history would not replay without the admission. Voided, they no longer
 * count. */
static const char later_events_sql[] =
  "SELECT count(*) FROM membership_event e JOIN membership_event b "
  "  ON b.import_batch_id = ?1 AND b.person_id = e.person_id "
  "  AND b.organisation_id = e.organisation_id AND e.date >= b.date "
  "WHERE e.import_batch_id IS NOT ?1 AND e.kind <> 'void' "
  "AND b.person_id NOT IN " CREATED_PERSONS " "
  "AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id)";

gboolean
smt_import_batch_undo (SmtRegister  *reg,
                       gint64        batch_id,
                       const char   *reason,
                       GError      **error)
{
  static const char *deletes[] = {
    "DELETE FROM membership_event WHERE import_batch_id = ?1",
    "DELETE FROM residence WHERE import_batch_id = ?1",
    "DELETE FROM person WHERE import_batch_id = ?1",
    "DELETE FROM household WHERE import_batch_id = ?1",
  };
  g_autofree char *why = NULL;
  sqlite3_stmt *stmt;
  gint64 count;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "import_batch", batch_id, _("import"), error)
       && smt_check_text (reason, _("reason for undoing the import"), error);
  if (ok && smt_register_query_int (reg, 0, "SELECT count(*) FROM import_undo WHERE batch_id = ?1",
                                    batch_id) > 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                   _("This import was already undone. Nothing was changed."));
  if (ok && (count = smt_register_query_int (reg, -1, dependents_sql, batch_id)) != 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_HAS_HISTORY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u later record (a membership event, a "
                                "residence, an attendance, a rating, an office, a study or a "
                                "trait) refers to the people or households this import "
                                "added. An import can be undone only while nothing else is "
                                "recorded about them: correct those people one by one "
                                "instead (void their admissions). Nothing was changed.",
                                "%u later records (membership events, "
                                "residences, attendance, ratings, offices, studies or traits) "
                                "refer to the people or households this import added. An "
                                "import can be undone only while nothing else is recorded "
                                "about them: correct those people one by one instead (void "
                                "their admissions). Nothing was changed.", (gulong) count),
                   (guint) count);
  if (ok && (count = smt_register_query_int (reg, -1, later_events_sql, batch_id)) != 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_HAS_HISTORY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u later membership event of people who "
                                "were already in the register follows an admission this "
                                "import wrote. Void it first, then undo the import. Nothing "
                                "was changed.",
                                "%u later membership events of people who "
                                "were already in the register follow admissions this import "
                                "wrote. Void them first, then undo the import. Nothing was "
                                "changed.", (gulong) count), (guint) count);
  if (ok)
    {
      why = smt_text_normalize (reason);
      stmt = smt_register_prepare (reg, "INSERT INTO import_undo (batch_id, reason, entered_at) "
                                        "VALUES (?1, ?2, ?3)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, batch_id);
          smt_bind_text (stmt, 2, why);
          smt_bind_text (stmt, 3, smt_register_now (reg));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (deletes); i++)
    {
      stmt = smt_register_prepare (reg, deletes[i], error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, batch_id);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error);
}
