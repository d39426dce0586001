/* smt-catalogue.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The indicators the province asks for, by code. The codes are a contract
 * (command line, JSON, targets of resolutions); names are translated. */

typedef enum
{
  SMT_INDICATOR_STOCK,  /* taken on the period's last day */
  SMT_INDICATOR_FLOW,   /* over the whole period */
  SMT_INDICATOR_COUNT,  /* a number of things in the period, not a ratio */
} SmtIndicatorKind;

typedef enum
{
  SMT_INDICATOR_COMPUTED,  /* from the register */
  SMT_INDICATOR_TYPED,     /* typed once per period, with a note */
} SmtIndicatorSource;

typedef struct
{
  const char         *code;     /* "households_covered" */
  const char         *name;     /* English msgid; use smt_indicator_info_get_name () */
  SmtIndicatorKind    kind;
  SmtIndicatorSource  source;
  gboolean            ratio;    /* numerator ÷ denominator, shown as a percentage */
  gboolean            per_organisation;  /* also "code:ORG", e.g. gathering_rate:PN */
  const char         *scope;    /* the organisations counted by default, as smt-scope.h
                                 * writes them ("socio_political"); NULL for typed values */
} SmtIndicatorInfo;

/* Every indicator, computed first then typed, in the order of the annex. */
const SmtIndicatorInfo *smt_catalogue_get_all   (guint       *n_indicators);

/* The entry for a code; "gathering_rate:PN" finds gathering_rate and puts
 * "PN" in *organisation_code (NULL when the code has no suffix). NULL when
 * unknown, or when a suffix is given to an indicator that takes none. */
const SmtIndicatorInfo *smt_catalogue_lookup    (const char  *code,
                                                 char       **organisation_code);

/* Translated name: "Hộ có đoàn viên, hội viên các đoàn thể chính trị - xã hội". */
const char             *smt_indicator_info_get_name (const SmtIndicatorInfo *info);

/* The codes of one source, comma separated, for messages. */
char                   *smt_catalogue_list_codes (SmtIndicatorSource source);

G_END_DECLS
