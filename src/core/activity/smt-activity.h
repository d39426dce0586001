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

typedef struct
{
  const char   *subject;          /* "Nghị quyết Đại hội XIV của Đảng" */
  gint64        organisation_id;  /* 0: all organisations */
  gint64        branch_id;        /* 0: organisation-wide */
  const char   *date;
  int           participants;
  const gint64 *participant_ids;  /* optional list */
  guint         n_participant_ids;
} SmtStudyFields;

gint64 smt_study_add       (SmtRegister          *reg,
                            const SmtStudyFields *fields,
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
