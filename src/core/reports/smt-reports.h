/* smt-reports.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "core/targets/smt-period.h"
#include "smt-report.h"

G_BEGIN_DECLS

/* The reports a commune prints, built from the register as SmtReport
 * models (Báo cáo in the window, `somattran export`). */

typedef enum
{
  SMT_REPORT_ANNEX,           /* the annex of a resolution (seed 001) */
  SMT_REPORT_MEMBERS,         /* members by hamlet × organisation */
  SMT_REPORT_MEETINGS,        /* the state of branch meetings */
  SMT_REPORT_RATINGS,         /* ratings of branches and members for a year */
  SMT_REPORT_BRANCH_MEMBERS,  /* the member list of one branch */
  SMT_REPORT_CHANGES,         /* biến động for a period */
  SMT_REPORT_N_KINDS
} SmtReportKind;

typedef struct
{
  SmtReportKind    kind;
  const SmtPeriod *period;         /* ANNEX, MEMBERS, MEETINGS, CHANGES */
  gint64           resolution_id;  /* ANNEX */
  int              year;           /* RATINGS */
  gint64           organisation_id;/* RATINGS (required); MEMBERS, MEETINGS,
                                    * CHANGES: 0 for every organisation */
  gint64           branch_id;      /* BRANCH_MEMBERS */
  gboolean         show_personal;  /* BRANCH_MEMBERS: CCCD, phone, ethnicity,
                                    * religion in full instead of masked */
  const char      *report_number;  /* ANNEX: "12-BC/MTTQ"; NULL leaves blanks to fill */
  const char      *report_date;    /* ANNEX: ISO date of that report, or NULL */
  const char      *signed_on;      /* the date line, ISO; NULL: the register's today */
} SmtReportParams;

/* "annex", "members", "meetings", "ratings", "branch-members", "changes":
 * the names `somattran export` takes. */
const char *smt_report_kind_code      (SmtReportKind  kind);
gboolean    smt_report_kind_from_code (const char    *code,
                                       SmtReportKind *kind);
/* Translated: "Phụ lục chỉ tiêu Nghị quyết", … */
const char *smt_report_kind_name      (SmtReportKind  kind);
/* Translated one-line description for the list in the window. */
const char *smt_report_kind_summary   (SmtReportKind  kind);

/* Builds the report params asks for. A parameter the kind needs and lacks
 * (no period, no resolution, an unknown branch) is an
 * SMT_REGISTER_ERROR_INVALID error whose translated message says what to
 * give. The model passes smt_report_check. (transfer full) */
SmtReport  *smt_report_build          (SmtRegister           *reg,
                                       const SmtReportParams *params,
                                       GError               **error);

G_END_DECLS
