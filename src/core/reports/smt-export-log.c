/* smt-export-log.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "core/register/smt-register-private.h"
#include "smt-export-log.h"

void
smt_export_log_entry_free (SmtExportLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->report);
  g_free (entry->covered);
  g_free (entry->destination);
  g_free (entry);
}

char *
smt_export_log_covered (const SmtReportParams *params)
{
  GString *s = g_string_new (NULL);
  g_autofree char *period = params->period ? smt_period_to_code (params->period) : NULL;

#define ADD(...) G_STMT_START {                         \
    if (s->len > 0)                                    \
      g_string_append (s, "; ");                       \
    g_string_append_printf (s, __VA_ARGS__);           \
  } G_STMT_END

  switch (params->kind)
    {
    case SMT_REPORT_ANNEX:
      ADD ("resolution=%" G_GINT64_FORMAT, params->resolution_id);
      if (period != NULL)
        ADD ("period=%s", period);
      if (params->report_number != NULL)
        ADD ("report=%s", params->report_number);
      break;
    case SMT_REPORT_MEMBERS:
    case SMT_REPORT_MEETINGS:
    case SMT_REPORT_CHANGES:
      if (period != NULL)
        ADD ("period=%s", period);
      ADD ("organisation=%" G_GINT64_FORMAT, params->organisation_id);
      break;
    case SMT_REPORT_RATINGS:
      ADD ("year=%d", params->year);
      ADD ("organisation=%" G_GINT64_FORMAT, params->organisation_id);
      break;
    case SMT_REPORT_BRANCH_MEMBERS:
      ADD ("branch=%" G_GINT64_FORMAT, params->branch_id);
      ADD ("personal=%d", params->show_personal ? 1 : 0);
      break;
    case SMT_REPORT_N_KINDS:
    default:
      break;
    }
  if (params->signed_on != NULL)
    ADD ("signed=%s", params->signed_on);
#undef ADD
  return g_string_free (s, FALSE);
}

gint64
smt_export_log_add (SmtRegister           *reg,
                    const SmtReportParams *params,
                    const char            *destination,
                    GError               **error)
{
  g_autofree char *covered = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean personal;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (params != NULL && params->kind < SMT_REPORT_N_KINDS, 0);

  if (destination == NULL || destination[0] == '\0')
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Say where the report went: the file written, or “print”."));
  covered = smt_export_log_covered (params);
  personal = params->kind == SMT_REPORT_BRANCH_MEMBERS && params->show_personal;

  if (!smt_register_write_begin (reg, error))
    return 0;
  stmt = smt_register_prepare (reg,
      "INSERT INTO export_log (id, at, report, covered, destination, personal_shown) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  ok = stmt != NULL;
  if (ok)
    {
      id = smt_register_next_key (reg);
      sqlite3_bind_int64 (stmt, 1, id);
      smt_bind_text (stmt, 2, smt_register_now (reg));
      smt_bind_text (stmt, 3, smt_report_kind_code (params->kind));
      smt_bind_text (stmt, 4, covered);
      smt_bind_text (stmt, 5, destination);
      sqlite3_bind_int (stmt, 6, personal ? 1 : 0);
      ok = smt_register_step_done (reg, stmt, error);
    }
  return smt_register_write_end (reg, ok, error) && ok ? id : 0;
}

GPtrArray *
smt_export_log_list (SmtRegister  *reg,
                     GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (
      (GDestroyNotify) smt_export_log_entry_free);
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, at, report, covered, destination, personal_shown FROM export_log "
      "ORDER BY at, id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtExportLogEntry *e = g_new0 (SmtExportLogEntry, 1);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->at = smt_column_text (stmt, 1);
      e->report = smt_column_text (stmt, 2);
      e->covered = smt_column_text (stmt, 3);
      e->destination = smt_column_text (stmt, 4);
      e->personal_shown = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (rows, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
