/* smt-targets.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Resolutions with their targets and baselines, and the values typed per
 * period for what the register cannot know. */

gint64 smt_resolution_add (SmtRegister  *reg,
                           const char   *number,     /* "06-NQ/TU" */
                           const char   *title,
                           const char   *issuer,     /* "Tỉnh ủy Hậu Giang" */
                           const char   *issued_on,
                           const char   *term_from,  /* NULL: issued_on */
                           const char   *term_to,    /* NULL: open */
                           GError      **error);

/* Corrects a resolution's fields (a typo in its number, a term extended);
 * the change is logged with the reason. term_from NULL: issued_on. */
gboolean smt_resolution_update (SmtRegister  *reg,
                                gint64        resolution_id,
                                const char   *number,
                                const char   *title,
                                const char   *issuer,
                                const char   *issued_on,
                                const char   *term_from,
                                const char   *term_to,
                                const char   *reason,
                                GError      **error);

typedef struct
{
  gint64      resolution_id;
  const char *indicator_code; /* "households_covered" … */
  int         position;       /* order in the annex */
  const char *label;          /* the resolution's own wording */
  gboolean    has_baseline;
  double      baseline;       /* value before the resolution */
  const char *baseline_date;
  double      target;
  gboolean    at_most;        /* comparator ≤ instead of ≥ */
  const char *deadline;
  const char *scope;          /* the organisations the figure covers (smt-scope.h);
                               * NULL or empty: the catalogue's default */
} SmtTargetFields;

/* Adds or replaces (by resolution and indicator) a target. */
gint64 smt_target_set     (SmtRegister           *reg,
                           const SmtTargetFields *fields,
                           GError               **error);

/* Typed value of an indicator for a period, in any form smt_period_parse
 * reads ("2025", "2025-Q2", "2025-05", "2025-H1", "2025-9M", a range). A
 * later value supersedes the earlier one, which stays in history. An
 * indicator kept per organisation takes "budget:PN" for the value of one
 * organisation; "budget" is the whole commune's (smt-typed-figure.h says
 * how the two add up). */
gint64 smt_indicator_value_set (SmtRegister  *reg,
                                const char   *code,
                                const char   *period,
                                double        value,
                                const char   *note,
                                GError      **error);

/* Key of the resolution numbered number ("06-NQ/TU"), 0 when none. */
gint64   smt_resolution_lookup (SmtRegister  *reg,
                                const char   *number);

typedef struct
{
  char     *label;          /* the resolution's own wording */
  int       position;
  gboolean  has_baseline;
  double    baseline;
  double    target;
  gboolean  at_most;
  char     *scope;          /* NULL: the catalogue's default */
} SmtTargetInfo;

void     smt_target_info_clear (SmtTargetInfo *info);

/* The target a resolution sets for an indicator; FALSE when it sets none. */
gboolean smt_target_get        (SmtRegister   *reg,
                                gint64         resolution_id,
                                const char    *indicator_code,
                                SmtTargetInfo *info);

/* So sánh (%) of the annex: result ÷ target × 100 (seed 001: 83,59 %
 * against 82 % gives 101,94 %). FALSE when it is not defined: no target,
 * a target of 0, or a value that is not finite. */
gboolean smt_target_comparison (double        result,
                                double        target,
                                double       *percent);

/* Whether a result meets its target: result ≥ target, or result ≤ target
 * when the target is a ceiling (at_most). */
gboolean smt_target_met         (double        result,
                                double        target,
                                gboolean      at_most);

G_END_DECLS
