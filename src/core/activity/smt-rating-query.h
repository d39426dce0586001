/* smt-rating-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* The yearly ratings of an organisation's branches and members as a sheet
 * (the Đánh giá view and `somattran ratings`), the rating scales and the
 * years they are in force (`somattran scales`), and the one write that
 * changes which scale is in force. A rating is current when it is not
 * voided and no later row supersedes it. */

typedef struct
{
  gint64    id;
  char     *code;           /* "HTXSNV" */
  char     *name;           /* "Hoàn thành xuất sắc nhiệm vụ" */
  int       rank;           /* 1 is the best */
  gboolean  counts_strong;  /* counts as "vững mạnh" in the indicators */
} SmtRatingLevel;

typedef struct
{
  gint64     id;
  gint64     organisation_id;  /* 0: every organisation without a row of its own */
  char      *organisation;     /* short name, NULL for every organisation */
  int        from_year;
  int        to_year;          /* 0: still in force */
} SmtRatingScaleUse;

typedef struct
{
  gint64     id;
  char      *code;      /* "NEW" */
  char      *name;
  GPtrArray *levels;    /* (element-type SmtRatingLevel), rank order */
  GPtrArray *uses;      /* (element-type SmtRatingScaleUse), by from_year */
} SmtRatingScale;

void            smt_rating_scale_free     (SmtRatingScale *scale);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtRatingScale, smt_rating_scale_free)

/* The scale in force in year for the organisation: its own
 * rating_scale_use row first, else the one for every organisation, as
 * smt_rating_set chooses it; levels in rank order, uses left empty.
 * (transfer full); NULL with a translated SMT_REGISTER_ERROR_NOT_FOUND
 * when no scale is in force that year. */
SmtRatingScale *smt_rating_scale_in_force (SmtRegister  *reg,
                                           int           year,
                                           gint64        organisation_id,
                                           GError      **error);

/* Every scale by code, with its levels and the years and organisations it
 * is in force; (transfer full) (element-type SmtRatingScale). */
GPtrArray      *smt_rating_scales_list    (SmtRegister  *reg,
                                           GError      **error);

/* Which scale is in force from from_year on for one organisation
 * (organisation_id) or for every organisation without a row of its own
 * (0). The use in force that year for the same organisations is closed
 * with to_year = from_year - 1 (earlier years keep their scale); a use
 * that starts in from_year takes the new scale; one that starts later is
 * a refusal (change that one). Refused, writing nothing, when the scale is
 * already in force, the year is not 1945..next year, or a current rating
 * of from_year or later would then use a level of another scale. Returns
 * the id of the rating_scale_use row written, 0 with error set. */
gint64          smt_rating_scale_use_set  (SmtRegister  *reg,
                                           const char   *scale_code,
                                           int           from_year,
                                           gint64        organisation_id,
                                           GError      **error);

/* The current rating of one member (person_id) or one branch (branch_id)
 * for the year and organisation: its id, and its level code in *level_code
 * when asked (transfer full); 0 (and NULL) when not rated. */
gint64          smt_rating_current        (SmtRegister  *reg,
                                           int           year,
                                           gint64        organisation_id,
                                           gint64        person_id,
                                           gint64        branch_id,
                                           char        **level_code);

/* The year to show first: this year (of the register's today) once any
 * current rating of it is recorded, else the year before, since a year is
 * rated at its final review and entered into the next year. */
int             smt_rating_default_year   (SmtRegister  *reg);

typedef enum
{
  SMT_RATING_BRANCHES,
  SMT_RATING_MEMBERS,
} SmtRatingTarget;

typedef struct
{
  gint64  id;                /* branch id or person id */
  char   *name;              /* branch name, or "Họ Chữ-lót Tên" */
  gint64  branch_id;         /* a member's branch (the last of the year); a branch's parent */
  char   *branch;            /* its name ("" when none) */
  char   *kind;              /* a branch's kind ("chi hội" …); NULL for a member */
  gint64  rating_id;         /* the current rating of the year, 0 when not rated */
  gint64  level_id;          /* its level, 0 when not rated */
  char   *level_code;        /* NULL when not rated */
  char   *previous_code;     /* the current rating of the year before, NULL when none */
  char   *previous_name;
} SmtRatingSheetRow;

typedef struct
{
  int              year;
  gint64           organisation_id;
  SmtRatingTarget  target;
  SmtRatingScale  *scale;      /* in force that year, levels in rank order */
  GPtrArray       *rows;       /* (element-type SmtRatingSheetRow) */
  guint           *counts;     /* per level of scale->levels, by index */
  guint            not_rated;
  guint            other;      /* rated with a level of another scale (a damaged register) */
} SmtRatingSheet;

void            smt_rating_sheet_free     (SmtRatingSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtRatingSheet, smt_rating_sheet_free)

/* The branches of the organisation that existed during the year (tổ hội
 * included, after their chi hội), by name in Vietnamese order; or its
 * members at some time in the year (working away included), by given name
 * in Vietnamese order, each with the branch of their last span in the
 * year. Each with its current rating of the year and of the year before;
 * counts per level. (transfer full); NULL with a translated error when
 * the organisation does not exist, the year is not one, or no scale is in
 * force that year. */
SmtRatingSheet *smt_rating_sheet_get      (SmtRegister      *reg,
                                           int               year,
                                           gint64            organisation_id,
                                           SmtRatingTarget   target,
                                           GError          **error);

/* Reads the current ratings of the sheet's rows again, keeping the rows
 * (after a rating was written: much less than smt_rating_sheet_get).
 * FALSE with error on a database error. */
gboolean        smt_rating_sheet_reload_ratings (SmtRegister     *reg,
                                                 SmtRatingSheet  *sheet,
                                                 GError         **error);

/* The index in sheet->scale->levels of level_id, -1 when not there. */
int             smt_rating_sheet_level_index (const SmtRatingSheet *sheet,
                                              gint64                level_id);

G_END_DECLS
