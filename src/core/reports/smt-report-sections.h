/* smt-report-sections.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "core/targets/smt-period.h"
#include "smt-report.h"

G_BEGIN_DECLS

/* The body the members and changes reports share: for each organisation a
 * group heading, one row per hamlet (STT in column 0, the hamlet in column
 * 1, then the figures), a row for members with no home in a hamlet when
 * the hamlets do not add up to the organisation, and the organisation's
 * total. Each figure is an indicator for the organisation and the hamlet:
 * its count, or the denominator of a ratio. */

typedef struct
{
  const char *code;         /* "members_admitted", "gathering_rate" */
  gboolean    denominator;  /* the ratio's denominator rather than its value */
} SmtReportFigureSpec;

/* Writes a row's figures (and whatever follows from them, a ratio). */
typedef void (*SmtReportFillFunc) (SmtReportRow *row,
                                   const double *figures);

/* The figures of specs for an organisation (0: all) and a hamlet (0: the
 * commune) into figures[n_specs]; FALSE with error on a database error. */
gboolean      smt_report_figures             (SmtRegister               *reg,
                                              const SmtPeriod           *period,
                                              gint64                     organisation_id,
                                              gint64                     hamlet_id,
                                              const SmtReportFigureSpec *specs,
                                              guint                      n_specs,
                                              double                    *figures,
                                              GError                   **error);

/* The sections of organisations (SmtOrganisationInfo) by hamlets
 * (SmtHamletInfo); FALSE with error on a database error. */
gboolean      smt_report_add_hamlet_sections (SmtReport                 *report,
                                              SmtRegister               *reg,
                                              const SmtPeriod           *period,
                                              GPtrArray                 *organisations,
                                              GPtrArray                 *hamlets,
                                              const SmtReportFigureSpec *specs,
                                              guint                      n_specs,
                                              SmtReportFillFunc          fill,
                                              GError                   **error);

/* A bold total row whose text spans the STT and name columns. */
SmtReportRow *smt_report_add_total_row       (SmtReport                 *report,
                                              const char                *text);

G_END_DECLS
