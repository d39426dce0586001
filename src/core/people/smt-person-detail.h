/* smt-person-detail.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/organisations/smt-membership.h"

G_BEGIN_DECLS

/* Everything the register knows of one person, for the person page of the
 * window and `somattran person`: identity, residence history, every
 * membership event of every organisation, attendance and ratings. Read
 * only; the writes are in smt-people.h and smt-membership.h. */

typedef struct
{
  char     *from;        /* ISO date */
  char     *to;          /* ISO date of the next row, or NULL while current */
  gint64    household_id;  /* 0: left the commune */
  char     *household;   /* "Hộ Nguyễn Văn Ba — tổ 4", or "" when left */
  char     *hamlet;      /* "" when left */
  gboolean  head;        /* chủ hộ */
  char     *reason;
} SmtResidenceRow;

typedef struct
{
  gint64    event_id;
  char     *date;          /* ISO */
  gint64    organisation_id;
  char     *organisation;  /* short name: "Phụ nữ" */
  char     *kind;          /* smt_journal_kind_label (): "Kết nạp", "Chuyển sinh hoạt",
                            * "Sắp xếp tổ chức" (a restructure's transfer) … */
  char     *branch;        /* the branch the event puts the person in, or "" */
  char     *reason;
  char     *exception;     /* eligibility exception stored on the event, or "" */
  gboolean  current;       /* FALSE when voided or superseded by a later row */
  gint64    superseded_by; /* the correcting or voiding row, 0 if none */
  char     *entered_at;
  SmtEventKind event_kind; /* the kind as a value, for marking voids */
  gboolean  restructured;  /* a transfer a restructure wrote */
} SmtTimelineRow;

typedef struct
{
  gint64    meeting_id;
  char     *date;          /* ISO */
  char     *branch;
  char     *topic;
} SmtAttendanceRow;

typedef struct
{
  int       year;
  char     *organisation;  /* short name */
  char     *level;         /* the level's name in that year's scale */
} SmtRatingRow;

typedef struct
{
  gint64      id;
  char       *name;          /* "Nguyễn Thị Mỹ Lệ" */
  char       *ho, *chu_lot, *ten;
  char        sex;           /* 'M' or 'F' */
  int         birth_year;
  char       *birth_date;    /* ISO or NULL */
  char       *deceased_on;   /* ISO or NULL */
  char       *party_since;   /* ISO or NULL */
  char       *note;
  /* Personal data, in full (NULL when not recorded); show it through
   * smt_personal_mask () unless the user asked to reveal it. */
  char       *cccd;
  char       *phone;
  char       *ethnicity;
  char       *religion;
  /* Where they live today, "" when they left the commune. */
  gint64      household_id;
  char       *household;
  char       *hamlet;
  GPtrArray  *residences;    /* SmtResidenceRow, oldest first */
  GPtrArray  *memberships;   /* char *: one line per membership open today,
                              * "Hội viên Phụ nữ — Chi hội Phụ nữ ấp 3, từ 03/02/2015" */
  GPtrArray  *timeline;      /* SmtTimelineRow, by date then key, corrections included */
  GPtrArray  *attendance;    /* SmtAttendanceRow, newest first */
  GPtrArray  *ratings;       /* SmtRatingRow, newest first */
  GPtrArray  *traits;        /* SmtPersonTraitRow (smt-traits.h), the current records */
} SmtPersonDetail;

/* NULL with SMT_REGISTER_ERROR_NOT_FOUND when there is no such person. */
SmtPersonDetail *smt_person_detail_get  (SmtRegister      *reg,
                                         gint64            person_id,
                                         GError          **error);
void             smt_person_detail_free (SmtPersonDetail  *detail);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtPersonDetail, smt_person_detail_free)

/* Personal data for screens and printouts: all but the last two or three
 * characters replaced by "•" ("•••••••••789" for a CCCD, "•••••••567" for a
 * phone, "•••" for ethnicity and religion); NULL or "" gives "". */
char            *smt_personal_mask      (const char       *value,
                                         gboolean          keep_tail);

G_END_DECLS
