/* smt-activity.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Branch meetings with attendance, studies of resolutions, yearly ratings
 * and the officers of the commune's organisations. All append-only: a
 * correction supersedes the earlier row and carries a reason. */

typedef enum
{
  SMT_MEETING_REGULAR,   /* sinh hoạt định kỳ */
  SMT_MEETING_THEMATIC,  /* sinh hoạt chuyên đề */
} SmtMeetingKind;

typedef struct
{
  gint64          branch_id;
  const char     *date;
  SmtMeetingKind  kind;
  const char     *topic;
  int             present;          /* members present */
  gboolean        party_present;    /* đảng viên dự sinh hoạt */
  gboolean        officer_present;  /* cán bộ chuyên trách dự */
  const gint64   *attendees;        /* optional list; members of the branch that day */
  guint           n_attendees;
} SmtMeetingFields;

gint64 smt_meeting_add     (SmtRegister            *reg,
                            const SmtMeetingFields *fields,
                            GError                **error);
gint64 smt_meeting_correct (SmtRegister            *reg,
                            gint64                  meeting_id,
                            const SmtMeetingFields *fields,
                            const char             *reason,
                            GError                **error);
gint64 smt_meeting_void    (SmtRegister            *reg,
                            gint64                  meeting_id,
                            const char             *reason,
                            GError                **error);

/* How a study was recorded, as the offices do it:
 * - by count: only the number who took part is known (participants, no
 *   list); the indicator uses the number and says so;
 * - ticked: the participants are named (participant_ids; participants is
 *   0 for the list's length, or a larger count when only some are named);
 * - whole branch: every member of the branch that day took part (its
 *   tổ hội's members with a chi hội, those working away left out), except
 *   those in exception_ids. The participants are written out when the
 *   study is recorded, so the list is what the register knew that day;
 *   the exceptions are kept as the office gave them (study_exception). */
typedef enum
{
  SMT_STUDY_PARTICIPANTS,   /* a count, the names ticked, or both */
  SMT_STUDY_WHOLE_BRANCH,   /* the whole branch, except … */
} SmtStudyMode;

typedef struct
{
  const char   *subject;          /* "Nghị quyết Đại hội XIV của Đảng" */
  gint64        organisation_id;  /* 0: all organisations */
  gint64        branch_id;        /* 0: organisation-wide */
  const char   *date;
  int           participants;     /* the count; 0 with a list: the list's length */
  const gint64 *participant_ids;  /* ticked; optional */
  guint         n_participant_ids;
  SmtStudyMode  mode;
  const gint64 *exception_ids;    /* SMT_STUDY_WHOLE_BRANCH: who did not take part */
  guint         n_exception_ids;
} SmtStudyFields;

/* Records a study in one savepoint: the study, its participants and its
 * exceptions. Refused: no subject, a bad date, a branch not of the
 * organisation or not open that day, a negative count, fewer counted than
 * named, a person listed twice; for a whole branch, no branch, an
 * exception who was no member of it that day, or nobody left. */
gint64 smt_study_add       (SmtRegister          *reg,
                            const SmtStudyFields *fields,
                            GError              **error);
/* Voids a study recorded by mistake (a row superseding it, with the
 * reason); refused when it was already voided. */
gint64 smt_study_void      (SmtRegister          *reg,
                            gint64                study_id,
                            const char           *reason,
                            GError              **error);

/* Rates a member (person_id), a branch (branch_id) or, with neither, the
 * organisation itself at commune level (tổ chức cơ sở) for a year, with a
 * level code of the scale in force that year for that kind of subject of
 * the organisation (smt_rating_scale_in_force: "HTXSNV", "HTTNV", "HTNV",
 * "KHTNV" from 2023; before, "VM", "KHA", "TB", "YEU" for branches and
 * organisations and "XS", "KHA", "TB", "YEU" for members in a new
 * register). A second rating of the same thing in the same year supersedes
 * the first and needs a reason. */
gint64 smt_rating_set      (SmtRegister  *reg,
                            int           year,
                            gint64        organisation_id,
                            gint64        person_id,
                            gint64        branch_id,
                            const char   *level_code,
                            const char   *reason,
                            GError      **error);

/* Clears a current rating: a voiding row that supersedes it, with the
 * reason. Refused when the rating was already corrected or voided. */
gint64 smt_rating_void     (SmtRegister  *reg,
                            gint64        rating_id,
                            const char   *reason,
                            GError      **error);

typedef enum
{
  SMT_OFFICER_HEAD,
  SMT_OFFICER_DEPUTY,
} SmtOfficerRole;

/* political_level: 0 none, 1 sơ cấp, 2 trung cấp, 3 cao cấp.
 * professional_level: 0 none, 1 sơ cấp, 2 trung cấp, 3 cao đẳng,
 * 4 đại học, 5 sau đại học. */
typedef struct
{
  gint64          organisation_id; /* 0: the Mặt trận committee itself */
  gint64          person_id;
  SmtOfficerRole  role;
  const char     *from_date;
  const char     *to_date;          /* NULL while in office */
  int             political_level;
  int             professional_level;
} SmtOfficerFields;

gint64 smt_officer_add     (SmtRegister            *reg,
                            const SmtOfficerFields *fields,
                            GError                **error);
gint64 smt_officer_end     (SmtRegister            *reg,
                            gint64                  officer_id,
                            const char             *to_date,
                            const char             *reason,
                            GError                **error);

G_END_DECLS
