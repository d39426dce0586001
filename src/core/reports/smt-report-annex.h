/* smt-report-annex.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "core/targets/smt-period.h"
#include "smt-report.h"

G_BEGIN_DECLS

/* The annex of a resolution (seed 001) built from plain lines, without a
 * register, so that its layout and figures can be tested on their own. */

typedef struct
{
  const char *label;          /* the resolution's own wording */
  gboolean    ratio;          /* a percentage indicator */
  gboolean    has_baseline;
  double      baseline;       /* percent for a ratio */
  const char *baseline_date;  /* ISO or NULL */
  gboolean    defined;        /* FALSE: "Chưa có số liệu" */
  double      value;          /* percent for a ratio, the count otherwise */
  gboolean    has_parts;      /* numerator and denominator known (ratio) */
  double      numerator;
  double      denominator;
  const char *unit;           /* "hộ", "đồng chí": what numerator counts; NULL: none */
  gboolean    has_target;
  double      target;
  gboolean    at_most;
  const char *scope;          /* in words, the organisations counted
                               * (smt_scope_describe); NULL for a typed value */
  GPtrArray  *notes;          /* char *: how the figure was counted
                               * (SmtIndicatorResult.notes); NULL or empty: nothing */
} SmtAnnexLine;

typedef struct
{
  const char      *resolution_number;  /* "06-NQ/TU" */
  const char      *resolution_issuer;  /* "Tỉnh ủy" */
  const char      *report_number;      /* "12-BC/MTTQ" or NULL: blanks */
  const char      *report_date;        /* ISO or NULL: blanks */
  const char      *commune_kind;       /* "xã" */
  const char      *commune_name;       /* "Hòa Điền" */
  const SmtPeriod *period;
} SmtAnnexHead;

/* The model without its frame (issuer, motto, date line, signature). */
SmtReport  *smt_report_annex_model (const SmtAnnexHead *head,
                                    const SmtAnnexLine *lines,
                                    guint               n_lines);

/* The translated word for what an indicator's numerator counts ("hộ",
 * "đồng chí"), NULL when it has none. */
const char *smt_report_annex_unit  (const char         *indicator_code);

/* An ASCII file stem: "phu-luc-06-NQ-TU-2025-Q2" from "phụ lục", "06-NQ/TU",
 * "2025-Q2"; empty parts are skipped; the list ends with NULL. */
char       *smt_report_file_stem   (const char         *first,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

G_BEGIN_DECLS

/* Shared by the members and changes reports: one figure for an
 * organisation (0: all) and a hamlet (0: the commune). value is the count,
 * numerator and denominator those of a ratio. FALSE with error set on a
 * database error. */
typedef struct
{
  gboolean defined;
  double   value;
  double   numerator;
  double   denominator;
} SmtReportFigure;

gboolean smt_report_figure (SmtRegister     *reg,
                            const char      *code,
                            const SmtPeriod *period,
                            gint64           organisation_id,
                            gint64           hamlet_id,
                            SmtReportFigure *figure,
                            GError         **error);

/* The active organisations, or only the one asked for (an unknown or
 * inactive one: a translated SMT_REGISTER_ERROR_INVALID); (element-type
 * SmtOrganisationInfo). */
GPtrArray *smt_report_organisations (SmtRegister  *reg,
                                     gint64        organisation_id,
                                     GError      **error);

/* A note giving the period: "Số liệu Quý II/2025, từ 01/04/2025 đến
 * 30/06/2025; …" (transfer full) */
char      *smt_report_period_phrase (const SmtPeriod *period);

G_END_DECLS
