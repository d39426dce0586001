/* smt-indicator-value-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/register/smt-register-private.h"
#include "smt-catalogue.h"
#include "smt-indicator-value-query.h"

void
smt_indicator_value_row_free (SmtIndicatorValueRow *row)
{
  if (row == NULL)
    return;
  g_free (row->note);
  g_free (row->entered_at);
  g_free (row);
}

GPtrArray *
smt_indicator_value_history (SmtRegister      *reg,
                             const char       *code,
                             const SmtPeriod  *period,
                             GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *period_code = NULL;
  g_autofree char *organisation_code = NULL;
  const SmtIndicatorInfo *info;
  gint64 organisation_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (code != NULL && period != NULL, NULL);

  /* "budget:PN": the values typed for one organisation. */
  info = smt_catalogue_lookup (code, &organisation_code);
  if (organisation_code != NULL)
    {
      stmt = smt_register_prepare (reg, "SELECT id FROM organisation WHERE code = ?1", error);
      if (stmt == NULL)
        return NULL;
      smt_bind_text (stmt, 1, organisation_code);
      organisation_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (organisation_id == 0)
        {
          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
                       _("There is no organisation with the code “%s”. Use one of the codes "
                         "in the list of organisations."), organisation_code);
          return NULL;
        }
    }

  stmt = smt_register_prepare (reg,
      "SELECT v.id, v.value, coalesce (v.note, ''), v.entered_at, "
      "NOT EXISTS (SELECT 1 FROM indicator_value s WHERE s.supersedes = v.id) "
      "FROM indicator_value v WHERE v.code = ?1 AND v.period = ?2 AND v.voided = 0 "
      "AND coalesce (v.organisation_id, 0) = ?3 ORDER BY v.id DESC", error);
  if (stmt == NULL)
    return NULL;
  period_code = smt_period_to_code (period);
  smt_bind_text (stmt, 1, info != NULL ? info->code : code);
  smt_bind_text (stmt, 2, period_code);
  sqlite3_bind_int64 (stmt, 3, organisation_id);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_indicator_value_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtIndicatorValueRow *row = g_new0 (SmtIndicatorValueRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->value = sqlite3_column_double (stmt, 1);
      row->note = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->entered_at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->current = sqlite3_column_int (stmt, 4) != 0;
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
