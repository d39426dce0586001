/* smt-meeting-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-activity.h"

G_BEGIN_DECLS

/* Sinh hoạt read from the register: the grid of branches × months of a
 * year, the meetings of one branch in one month, the members who may be
 * ticked as present, the studies of a year and the dialogue days, for the
 * Sinh hoạt view and `somattran meetings`. Voided and superseded rows are
 * never counted. */

typedef struct
{
  guint    meetings;   /* current meetings held in the month */
  gboolean regular;    /* one of them is a regular meeting (sinh hoạt định kỳ) */
  guint    present;    /* members present, summed over the meetings */
} SmtMeetingMonth;

typedef struct
{
  gint64           branch_id;
  gint64           organisation_id;
  char            *organisation;  /* short name: "Phụ nữ" */
  char            *name;          /* "Chi hội Phụ nữ ấp 3" */
  char            *kind;          /* "chi hội", "tổ hội" … */
  gint64           parent_id;     /* the chi hội of a tổ hội, else 0 */
  char            *founded_on;    /* ISO or NULL */
  char            *dissolved_on;  /* ISO or NULL */
  SmtMeetingMonth  months[12];    /* January to December */
} SmtMeetingGridRow;

void       smt_meeting_grid_row_free (SmtMeetingGridRow *row);

/* The one rule of a branch-month, for the Sinh hoạt grid, the indicator
 * branches_meeting and the meetings report: month (1–12) of year counts
 * for a branch when the branch existed on some day of it (founded_on, if
 * known, on or before its last day; dissolved_on, if ever, on or after its
 * first: the months it was founded and dissolved in both count) and the
 * month has begun by today (ISO; NULL: whatever the month). Dates are ISO
 * text or NULL. */
gboolean   smt_branch_month_counts        (const char              *founded_on,
                                           const char              *dissolved_on,
                                           int                      year,
                                           int                      month,
                                           const char              *today);

/* Whether the branch of row existed on some day of month (1–12) of year
 * (smt_branch_month_counts, whatever today). */
gboolean   smt_meeting_grid_row_exists_in (const SmtMeetingGridRow *row,
                                           int                      year,
                                           int                      month);

/* What a cell of the grid says. */
typedef enum
{
  SMT_MEETING_CELL_NO_BRANCH,  /* the branch did not exist that month */
  SMT_MEETING_CELL_FUTURE,     /* the month has not begun */
  SMT_MEETING_CELL_HELD,       /* a regular meeting was held */
  SMT_MEETING_CELL_MISSING,    /* the month has begun, no regular meeting (yet) */
} SmtMeetingCell;

/* The state of month (1–12) of year for row, today being today (ISO), and
 * its text in *text (nullable): "" for no branch or a future month, "✓"
 * for one regular meeting, "✓ 2" for two meetings, "✗" for none, "✗ 1"
 * for one thematic meeting and no regular one. Not colour alone: the mark
 * itself says whether the regular meeting was held. */
SmtMeetingCell smt_meeting_grid_cell  (const SmtMeetingGridRow *row,
                                       int                      year,
                                       int                      month,
                                       const char              *today,
                                       char                   **text);

/* Every branch of the organisation (0: all) existing on some day of year,
 * by organisation position then name in Vietnamese order (as
 * smt_branches_list), with its meetings month by month; (transfer full)
 * (element-type SmtMeetingGridRow), NULL with error for a year out of
 * range (1900–9999) or a database error. */
GPtrArray *smt_meeting_grid          (SmtRegister  *reg,
                                      int           year,
                                      gint64        organisation_id,
                                      GError      **error);

typedef struct
{
  gint64          id;
  gint64          branch_id;
  char           *date;            /* ISO */
  SmtMeetingKind  kind;
  char           *topic;
  int             present;
  gboolean        party_present;
  gboolean        officer_present;
  GArray         *attendee_ids;    /* gint64, in the order of attendee_names */
  GPtrArray      *attendee_names;  /* char *, "Nguyễn Thị Lan", sorted by key */
} SmtMeetingInfo;

void       smt_meeting_info_free     (SmtMeetingInfo *info);

/* The current meetings of a branch in month ("YYYY-MM"), by date then
 * key; (transfer full) (element-type SmtMeetingInfo), NULL with error for
 * a bad month or a database error. */
GPtrArray *smt_meetings_of_branch    (SmtRegister  *reg,
                                      gint64        branch_id,
                                      const char   *month,
                                      GError      **error);

/* Who may be ticked present at a meeting of the branch on date: its
 * members that day (smt_branch_members), then those of its tổ hội, who
 * attend their chi hội's meetings; (transfer full) (element-type
 * SmtBranchMember), NULL with error. */
GPtrArray *smt_meeting_members       (SmtRegister  *reg,
                                      gint64        branch_id,
                                      const char   *date,
                                      GError      **error);

typedef struct
{
  gint64  id;
  char   *subject;          /* "Nghị quyết Đại hội XIV của Đảng" */
  gint64  organisation_id;  /* 0: all organisations */
  char   *organisation;     /* short name, "" for all */
  gint64  branch_id;        /* 0: organisation-wide */
  char   *branch;           /* name, "" when organisation-wide */
  char   *date;             /* ISO */
  int     participants;
  int     named;            /* participants named in its list */
  int     exceptions;       /* those who did not take part, of a whole-branch study */
} SmtStudyInfo;

/* How a study was recorded, as smt_study_add took it. */
typedef enum
{
  SMT_STUDY_WAY_COUNT,         /* a number, with fewer names than it or none */
  SMT_STUDY_WAY_TICKED,        /* every participant named */
  SMT_STUDY_WAY_WHOLE_BRANCH,  /* the whole branch, except some */
} SmtStudyWay;

SmtStudyWay smt_study_info_way       (const SmtStudyInfo *info);
/* The way in words: "đếm số", "có tên", "cả chi hội, trừ 2 người". */
char       *smt_study_info_way_label (const SmtStudyInfo *info);

void       smt_study_info_free       (SmtStudyInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtStudyInfo, smt_study_info_free)

/* The current studies of resolutions held in year by the organisation
 * (0: every one, and the commune-wide ones), by date then key; (transfer
 * full) (element-type SmtStudyInfo), NULL with error. */
GPtrArray *smt_studies_of_year       (SmtRegister  *reg,
                                      int           year,
                                      gint64        organisation_id,
                                      GError      **error);

/* One study, current or not, by its key; (transfer full), NULL with error
 * when there is none. */
SmtStudyInfo *smt_study_info_get     (SmtRegister  *reg,
                                      gint64        study_id,
                                      GError      **error);

/* The three typed values of Ngày đối thoại. */
typedef enum
{
  SMT_DIALOGUE_DAYS,          /* dialogue_days */
  SMT_DIALOGUE_RAISED,        /* petitions_raised */
  SMT_DIALOGUE_RESOLVED,      /* petitions_resolved */
  SMT_DIALOGUE_N_VALUES
} SmtDialogueValue;

typedef struct
{
  gboolean defined[SMT_DIALOGUE_N_VALUES];  /* a value was typed for the month */
  double   value[SMT_DIALOGUE_N_VALUES];
} SmtDialogueMonth;

/* The indicator code of a value: "dialogue_days" … */
const char *smt_dialogue_code       (SmtDialogueValue  value);

/* The current typed values of each month of year (months[0]: January). */
gboolean    smt_dialogue_year       (SmtRegister       *reg,
                                     int                year,
                                     SmtDialogueMonth   months[12],
                                     GError           **error);

/* Types the three values of month ("YYYY-MM") at once with
 * smt_indicator_value_set: all three are written, or none. Counts are
 * whole numbers, 0 or more. */
gboolean    smt_dialogue_month_set  (SmtRegister       *reg,
                                     const char        *month,
                                     int                days,
                                     int                raised,
                                     int                resolved,
                                     GError           **error);

G_END_DECLS
