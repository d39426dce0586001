/* smt-indicators.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-period.h"
#include "core/targets/smt-scope.h"

G_BEGIN_DECLS

/* Computed indicators: numerator ÷ denominator over a period, from the
 * register, each able to list the rows behind both numbers. */

/* One counted row of an explanation. */
typedef struct
{
  const char *kind;     /* "person", "household", "branch", "organisation",
                         * "branch-month", "meeting", "attendance", "study" (one
                         * participant of a study entered as a number) (static strings) */
  gint64      id;       /* key of the person, household, branch, organisation, meeting
                         * or study */
  char       *label;    /* "Nguyễn Văn An (1987, Ấp 3)", "Chi hội Phụ nữ ấp 3 — 05/2025" */
  char       *because;  /* the event or fact that put it there, in Vietnamese:
                         * "Kết nạp Hội Phụ nữ 03/02/2015" */
} SmtExplainRow;

void smt_explain_row_free (SmtExplainRow *row);

typedef struct
{
  gint64      organisation_id;  /* 0: those of the scope (a code "x:ORG" sets it too) */
  gint64      hamlet_id;        /* 0: the whole commune */
  gboolean    explain;          /* fill the row lists */
  const char *scope;            /* the organisations counted (smt-scope.h); NULL: the
                                 * catalogue's default; organisation_id wins over it */
} SmtIndicatorQuery;

typedef struct
{
  const SmtIndicatorInfo *info;
  char      *code;           /* as asked, "gathering_rate:PN" */
  SmtPeriod *period;
  SmtScope  *scope;          /* the organisations counted; NULL for a typed value */
  gboolean   defined;        /* FALSE: nothing to divide by, or no typed value */
  double     numerator;      /* for a count: the count */
  double     denominator;    /* 0 for a count */
  double     value;          /* percent for a ratio, the count for a count */
  GPtrArray *numerator_rows;   /* SmtExplainRow, when explained; else NULL */
  GPtrArray *denominator_rows; /* SmtExplainRow, when explained; else NULL */
  GPtrArray *notes;            /* char *, in Vietnamese: what the figure had to say
                                * about how it was counted ("mẫu số nhập tay",
                                * "theo xếp loại năm 2024"); empty when nothing */
} SmtIndicatorResult;

/* Appends a note to a result (the text is copied). */
void smt_indicator_result_add_note (SmtIndicatorResult *result,
                                    const char         *note);

void smt_indicator_result_free (SmtIndicatorResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtIndicatorResult, smt_indicator_result_free)

/* Computes one indicator (computed or typed) for a period. */
SmtIndicatorResult *smt_indicator_compute (SmtRegister             *reg,
                                           const char              *code,
                                           const SmtPeriod         *period,
                                           const SmtIndicatorQuery *query,
                                           GError                 **error);

/* Computes one indicator for each of the periods (any kinds, any order),
 * in the order given. Computed indicators are counted in one pass over the
 * register's facts in date order rather than once per period, so a
 * 120-month series costs little more than one month. The facts are read
 * from the register once and kept until its content changes.
 * Returns (transfer full) (element-type SmtIndicatorResult), or NULL with
 * error set. */
GPtrArray          *smt_indicator_compute_series (SmtRegister             *reg,
                                                  const char              *code,
                                                  SmtPeriod * const       *periods,
                                                  guint                    n_periods,
                                                  const SmtIndicatorQuery *query,
                                                  GError                 **error);

/* The facts the indicators count on are kept on the register until its
 * content changes (about 30 MB at 100.000 people); this gives them back.
 * The next figure reads them again (a third of a second at 100.000). For a
 * program that computes figures once and then shows other things. */
void smt_indicators_release_facts (SmtRegister *reg);

G_END_DECLS
