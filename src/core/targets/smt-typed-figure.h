/* smt-typed-figure.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "smt-catalogue.h"
#include "smt-period.h"

G_BEGIN_DECLS

/* The figure of a typed indicator for a period, from the values typed for
 * it and for the periods inside it (docs/INDICATORS.md, "Số liệu nhập
 * tay"):
 *
 * 1. A value typed for exactly the period (and the organisation asked
 *    for, or the whole commune) wins.
 * 2. Otherwise a count (dialogue days, petitions, houses built, budget …)
 *    is the sum of the values typed for the periods inside it, taken from
 *    its first month on, each time the longest period typed that starts
 *    there (a quarter typed as a whole before its months); a month inside
 *    it that has begun and is covered by nothing typed is missing, and the
 *    figure is the sum of what is typed, with a note naming the missing
 *    months. A month of a range that the range only partly covers is left
 *    out.
 * 3. Otherwise a stock (poor households, equipment, people in a target
 *    group) is the latest value typed inside the period: the one whose
 *    period ends last (the later typed when two end on the same day).
 * 4. For the whole commune of an indicator kept per organisation (budget,
 *    equipment), when nothing is typed for the commune inside the period:
 *    the sum of the organisations' figures, each by 1–3. Not for
 *    eligible_people: one person may be in the target group of several
 *    organisations, so theirs do not add up to the commune's.
 * 5. Nothing typed: no figure (not 0).
 *
 * Every figure that is not typed for exactly the period carries notes in
 * Vietnamese that say how it was made and from how many periods. */

typedef enum
{
  SMT_TYPED_NONE,           /* nothing typed inside the period */
  SMT_TYPED_EXACT,          /* typed for exactly the period */
  SMT_TYPED_ADDED,          /* a count added up from the periods inside */
  SMT_TYPED_LATEST,         /* a stock: the latest value typed inside */
  SMT_TYPED_ORGANISATIONS,  /* the commune's: the sum of the organisations' figures */
} SmtTypedHow;

/* One value typed, as the figure uses it. */
typedef struct
{
  gint64     id;
  gint64     organisation_id;  /* 0: the whole commune */
  char      *organisation;     /* short name, NULL for the commune */
  SmtPeriod *period;
  double     value;
  char      *note;             /* "" when none */
  char      *entered_at;
} SmtTypedPart;

typedef struct
{
  const SmtIndicatorInfo *info;
  gint64       organisation_id;  /* as asked; 0: the whole commune */
  SmtPeriod   *period;
  SmtTypedHow  how;
  gboolean     defined;
  double       value;
  /* NULL when empty (a series has many periods with nothing typed): */
  GPtrArray   *parts;            /* SmtTypedPart: the values used, in the order
                                  * they were taken (by period; for rule 4 by
                                  * organisation, then period) */
  GPtrArray   *missing;          /* SmtPeriod: months that have begun and have
                                  * nothing typed (counts only) */
  GPtrArray   *notes;            /* char *, translated */
} SmtTypedFigure;

void            smt_typed_figure_free (SmtTypedFigure *figure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtTypedFigure, smt_typed_figure_free)

/* The figures of the typed indicator info for each period (any kinds, any
 * order), for organisation_id (0: the whole commune; an organisation
 * only for an indicator kept per organisation, else it is ignored). The
 * values are read once. (transfer full) (element-type SmtTypedFigure), in
 * the order of periods; NULL with error on a database error. */
GPtrArray      *smt_typed_figures     (SmtRegister             *reg,
                                       const SmtIndicatorInfo  *info,
                                       gint64                   organisation_id,
                                       SmtPeriod * const       *periods,
                                       guint                    n_periods,
                                       GError                 **error);

/* Whether a value (not voided) is typed for the indicator code and
 * organisation_id (0: the commune's own), for any period: a quick test
 * before a series. */
gboolean        smt_typed_values_any  (SmtRegister             *reg,
                                       const char              *code,
                                       gint64                   organisation_id);

/* One period. */
SmtTypedFigure *smt_typed_figure_get  (SmtRegister             *reg,
                                       const SmtIndicatorInfo  *info,
                                       gint64                   organisation_id,
                                       const SmtPeriod         *period,
                                       GError                 **error);

G_END_DECLS
