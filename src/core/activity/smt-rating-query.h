/* smt-rating-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* The yearly ratings of an organisation's branches and members, or of the
 * commune-level organisations themselves, as a sheet (the Đánh giá view
 * and `somattran ratings`), the rating scales and the years and subjects
 * they are in force for (`somattran scales`), and the one write that
 * changes which scale is in force. A rating is current when it is not
 * voided and no later row supersedes it. */

/* Who a rating rates: a member (person_id), a branch (branch_id) or the
 * organisation itself at commune level (neither). A scale may be put in
 * force for one kind of subject (rating_scale_use.subject), or for all. */
typedef enum
{
  SMT_RATING_SUBJECT_ALL,           /* a use for every kind: subject NULL */
  SMT_RATING_SUBJECT_MEMBER,
  SMT_RATING_SUBJECT_BRANCH,
  SMT_RATING_SUBJECT_ORGANISATION,
} SmtRatingSubject;

/* "member", "branch", "organisation"; NULL for SMT_RATING_SUBJECT_ALL. */
const char     *smt_rating_subject_to_string   (SmtRatingSubject  subject);
/* The reverse; NULL or "" is SMT_RATING_SUBJECT_ALL. FALSE for a word that
 * is none of them. */
gboolean        smt_rating_subject_from_string (const char       *text,
                                                SmtRatingSubject *subject);

/* For the core's own queries: the scale in force in year (an SQL
 * expression) for organisation and subject ('member' …, or NULL for a use
 * for all): a use of that subject first, then one of that organisation,
 * then the general one; among equals the one that starts latest. */
#define SMT_RATING_SCALE_IN_FORCE_SQL(year, organisation, subject) \
  "(SELECT u.scale_id FROM rating_scale_use u WHERE u.from_year <= " year " " \
  "AND (u.to_year IS NULL OR " year " <= u.to_year) " \
  "AND (u.organisation_id = " organisation " OR u.organisation_id IS NULL) " \
  "AND (u.subject = " subject " OR u.subject IS NULL) " \
  "ORDER BY u.subject IS NULL, u.organisation_id IS NULL, u.from_year DESC LIMIT 1)"

/* The subject of a rating row as text, for SMT_RATING_SCALE_IN_FORCE_SQL. */
#define SMT_RATING_SUBJECT_SQL(alias) \
  "(CASE WHEN " alias ".person_id IS NOT NULL THEN 'member' " \
  "WHEN " alias ".branch_id IS NOT NULL THEN 'branch' ELSE 'organisation' END)"

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
  gint64            id;
  gint64            organisation_id;  /* 0: every organisation without a row of its own */
  char             *organisation;     /* short name, NULL for every organisation */
  SmtRatingSubject  subject;          /* whom it rates; ALL: every kind */
  int               from_year;
  int               to_year;          /* 0: still in force */
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

/* The scale in force in year for a subject of the organisation
 * (SMT_RATING_SCALE_IN_FORCE_SQL: a use for that kind of subject first,
 * then the organisation's own, then the one for every organisation), as
 * smt_rating_set chooses it; SMT_RATING_SUBJECT_ALL asks for the uses for
 * every kind only. Levels in rank order, uses left empty. (transfer full);
 * NULL with a translated SMT_REGISTER_ERROR_NOT_FOUND when no scale is in
 * force that year. */
SmtRatingScale *smt_rating_scale_in_force (SmtRegister       *reg,
                                           int                year,
                                           gint64             organisation_id,
                                           SmtRatingSubject   subject,
                                           GError           **error);

/* Every scale by code, with its levels and the years and organisations it
 * is in force; (transfer full) (element-type SmtRatingScale). */
GPtrArray      *smt_rating_scales_list    (SmtRegister  *reg,
                                           GError      **error);

/* Which scale is in force from from_year on for one organisation
 * (organisation_id) or for every organisation without a row of its own
 * (0), and for one kind of subject or for all (SMT_RATING_SUBJECT_ALL).
 * The use in force that year for the same organisations and subject is
 * closed with to_year = from_year - 1 (earlier years keep their scale); a
 * use that starts in from_year takes the new scale; one that starts later
 * is a refusal (change that one). Refused, writing nothing, when the scale
 * is already in force, the year is not 1945..next year, or a current
 * rating of from_year or later would then use a level of another scale.
 * Returns the id of the rating_scale_use row written, 0 with error set. */
gint64          smt_rating_scale_use_set  (SmtRegister       *reg,
                                           const char        *scale_code,
                                           int                from_year,
                                           gint64             organisation_id,
                                           SmtRatingSubject   subject,
                                           GError           **error);

/* The current rating of one member (person_id), one branch (branch_id) or,
 * with neither, of the organisation itself, for the year and organisation:
 * its id, and its level code in *level_code when asked (transfer full); 0
 * (and NULL) when not rated. */
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
  SMT_RATING_ORGANISATIONS,  /* the commune-level organisations themselves */
} SmtRatingTarget;

/* The kind of subject the rows of a sheet are. */
SmtRatingSubject smt_rating_target_subject (SmtRatingTarget target);

typedef struct
{
  gint64  id;                /* branch id, person id, or organisation id */
  char   *name;              /* branch name, "Họ Chữ-lót Tên", or the organisation's name */
  gint64  branch_id;         /* a member's branch (the last of the year); a branch's parent */
  char   *branch;            /* its name ("" when none); an organisation's kind in words */
  char   *kind;              /* a branch's kind ("chi hội" …); NULL for a member */
  gint64  scale_id;          /* the scale it is rated on that year: the sheet's, or an
                              * organisation's own (organisations sheet) */
  gint64  rating_id;         /* the current rating of the year, 0 when not rated */
  gint64  level_id;          /* its level, 0 when not rated */
  char   *level_code;        /* NULL when not rated */
  char   *level_name;        /* NULL when not rated */
  char   *previous_code;     /* the current rating of the year before, NULL when none */
  char   *previous_name;
} SmtRatingSheetRow;

typedef struct
{
  int              year;
  gint64           organisation_id;  /* 0 for the organisations sheet */
  SmtRatingTarget  target;
  SmtRatingScale  *scale;      /* in force that year for the rows' kind, levels in rank
                                * order (scales[0]) */
  GPtrArray       *scales;     /* (element-type SmtRatingScale) every scale of a row, the
                                * sheet's first */
  GPtrArray       *rows;       /* (element-type SmtRatingSheetRow) */
  guint           *counts;     /* per level of scale->levels, by index */
  guint            not_rated;
  guint            other;      /* rated with a level not of scale: a row on a scale of its
                                * own, or a damaged register */
} SmtRatingSheet;

void            smt_rating_sheet_free     (SmtRatingSheet *sheet);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtRatingSheet, smt_rating_sheet_free)

/* The branches of the organisation that existed during the year (tổ hội
 * included, after their chi hội), by name in Vietnamese order; or its
 * members at some time in the year (working away included), by given name
 * in Vietnamese order, each with the branch of their last span in the
 * year; or (SMT_RATING_ORGANISATIONS, organisation_id ignored) every
 * organisation of the commune that is active or rated that year, in the
 * order of the list of organisations, each on the scale in force for it.
 * Each with its current rating of the year and of the year before; counts
 * per level. The scale is the one in force for the rows' kind of subject.
 * (transfer full); NULL with a translated error when the organisation
 * does not exist, the year is not one, or no scale is in force that
 * year. */
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

/* The scale a row is rated on (sheet->scale unless the row has its own). */
const SmtRatingScale *smt_rating_sheet_row_scale (const SmtRatingSheet    *sheet,
                                                  const SmtRatingSheetRow *row);

/* The index of the row's level in the row's scale, -1 when not rated (or
 * rated on a level of no scale of the sheet). */
int             smt_rating_sheet_row_level   (const SmtRatingSheet    *sheet,
                                              const SmtRatingSheetRow *row);

G_END_DECLS
