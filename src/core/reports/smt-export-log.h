/* smt-export-log.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-reports.h"

G_BEGIN_DECLS

/* The register remembers every report exported or printed: when, which
 * report and what it covered, where it went, and whether personal data
 * went out in full (the branch member list with "show in full"). The log
 * is append-only; the window and `somattran export` write it. */

typedef struct
{
  gint64    id;
  char     *at;              /* UTC, "2026-11-23T09:15:02Z" */
  char     *report;          /* the report's code: "branch-members" */
  char     *covered;         /* what it covered: "branch=…", "period=2025-Q2; organisation=…" */
  char     *destination;     /* the file written, or "print" */
  gboolean  personal_shown;  /* personal fields in full */
} SmtExportLogEntry;

void       smt_export_log_entry_free (SmtExportLogEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtExportLogEntry, smt_export_log_entry_free)

/* What params covered, as the log keeps it: the parameters the report's
 * kind uses, "key=value" joined by "; " ("branch=123; personal=1",
 * "period=2025-Q2; organisation=0"). (transfer full) */
char      *smt_export_log_covered    (const SmtReportParams *params);

/* Appends a row for the report params describe, written to destination (a
 * path, or "print"). personal_shown is params->show_personal for the
 * branch member list, 0 for the others (they show no personal field).
 * Returns the new row's id, 0 with a translated error when destination is
 * empty or the register cannot be written (nothing is written then). */
gint64     smt_export_log_add        (SmtRegister           *reg,
                                      const SmtReportParams *params,
                                      const char            *destination,
                                      GError               **error);

/* Every row, oldest first; (transfer full) (element-type SmtExportLogEntry),
 * NULL with error on a database error. */
GPtrArray *smt_export_log_list       (SmtRegister           *reg,
                                      GError               **error);

G_END_DECLS
