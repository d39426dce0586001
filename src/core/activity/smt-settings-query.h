/* smt-settings-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "smt-activity.h"

G_BEGIN_DECLS

/* Read-only lists for the settings of a register (Cài đặt in the window,
 * `somattran hamlets`, `resolutions`, `officers`): hamlets with who lives
 * there, resolutions with their targets, and the officers of the Mặt trận
 * and of each organisation. */

typedef struct
{
  gint64  id;
  char   *name;        /* "Ấp Cái Sơn" */
  char   *kind;        /* "ấp", "thôn", "khu phố" … */
  int     position;
  guint   households;  /* households someone alive lives in today */
  guint   people;      /* people alive living there today */
} SmtHamletRow;

void       smt_hamlet_row_free        (SmtHamletRow *row);

/* Every hamlet by position, then name in Vietnamese order, with the
 * households and people living there on the register's today; (transfer
 * full) (element-type SmtHamletRow), NULL with error on a database error. */
GPtrArray *smt_settings_hamlets       (SmtRegister  *reg,
                                       GError      **error);

typedef struct
{
  gint64    id;
  char     *indicator_code;  /* "households_covered", "gathering_rate:PN" */
  int       position;        /* order in the annex */
  char     *label;           /* the resolution's own wording */
  gboolean  has_baseline;
  double    baseline;
  char     *baseline_date;   /* ISO or NULL */
  double    target;
  gboolean  at_most;         /* comparator ≤ */
  char     *deadline;        /* ISO or NULL */
  char     *scope;           /* the organisations counted (smt-scope.h); NULL: the
                              * catalogue's default */
} SmtTargetRow;

void       smt_target_row_free        (SmtTargetRow *row);

typedef struct
{
  gint64     id;
  char      *number;     /* "06-NQ/TU" */
  char      *title;
  char      *issuer;
  char      *issued_on;  /* ISO */
  char      *term_from;  /* ISO or NULL */
  char      *term_to;    /* ISO or NULL: open */
  GPtrArray *targets;    /* SmtTargetRow, by position then key */
} SmtResolutionRow;

void       smt_resolution_row_free    (SmtResolutionRow *row);

/* Every resolution, newest first (date of issue, then number), each with
 * its targets; (transfer full) (element-type SmtResolutionRow), NULL with
 * error on a database error. */
GPtrArray *smt_settings_resolutions   (SmtRegister  *reg,
                                       GError      **error);

typedef struct
{
  gint64          id;                 /* the current row of the term */
  gint64          organisation_id;    /* 0: the Mặt trận committee itself */
  char           *organisation;       /* its name; for 0 the committee's, translated */
  gint64          person_id;
  char           *full_name;
  SmtOfficerRole  role;
  char           *from_date;          /* ISO */
  char           *to_date;            /* ISO or NULL while in office */
  int             political_level;    /* 0–3, see SmtOfficerFields */
  int             professional_level; /* 0–5 */
  char           *reason;             /* why the term ended, "" */
  gboolean        current;            /* in office today: no end, or an end after today */
} SmtOfficerRow;

void       smt_officer_row_free       (SmtOfficerRow *row);

/* The terms of office as they stand (corrected and voided rows left out):
 * the Mặt trận first, then the organisations in position order; in each,
 * the terms in office today before the past ones, heads before deputies,
 * then by start. Past terms only when with_past. (transfer full)
 * (element-type SmtOfficerRow), NULL with error on a database error. */
GPtrArray *smt_settings_officers      (SmtRegister  *reg,
                                       gboolean      with_past,
                                       GError      **error);

/* Translated names of the levels: "Trung cấp", "Đại học"; "" out of range. */
const char *smt_officer_political_level_label    (int level);
const char *smt_officer_professional_level_label (int level);
const char *smt_officer_role_label               (SmtOfficerRole role);

/* A number as typed for a target or a baseline: "82", "82,5" or "82.5",
 * an optional " %" after it. FALSE when it is not one. */
gboolean    smt_settings_parse_number            (const char *text,
                                                  double     *value);

G_END_DECLS
