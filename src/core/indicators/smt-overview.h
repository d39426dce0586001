/* smt-overview.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Tổng quan: the commune at a glance for one month, the start page of the
 * window and `somattran overview`. */

typedef struct
{
  gint64  organisation_id;
  char   *code;         /* "PN" */
  char   *name;         /* "Hội Liên hiệp Phụ nữ" */
  guint   members;      /* persons with a membership open on the day */
  guint   away;         /* of them, working away (đi làm ăn xa) */
} SmtOverviewOrganisation;

typedef struct
{
  gint64  branch_id;
  gint64  organisation_id;
  char   *name;          /* "Chi hội Phụ nữ ấp 3" */
  char   *organisation;  /* short name of its organisation */
  char   *last_meeting;  /* ISO date of its last regular meeting before, or NULL */
} SmtOverviewBranch;

/* A change the register suggests but the officer must confirm: the
 * program never writes it by itself. */
typedef enum
{
  SMT_CONFIRM_DECEASED,     /* died, a membership still open */
  SMT_CONFIRM_MOVED_AWAY,   /* left the commune, a membership still open */
  SMT_CONFIRM_OVER_AGE,     /* past the organisation's age bound, still a member */
} SmtConfirmKind;

typedef struct
{
  SmtConfirmKind  kind;
  gint64          person_id;
  gint64          organisation_id;
  char           *text;     /* Vietnamese, one line: who, what, since when */
} SmtOverviewConfirm;

typedef struct
{
  char       *month;        /* "2026-10" */
  char       *day;          /* the day counted: the month's last day, or today
                             * when the month is the current one */
  guint       people;       /* living in the commune on the day */
  guint       households;   /* with at least one resident */
  guint       members;      /* by person, all organisations */
  guint       memberships;  /* by membership (số lượt) */
  GPtrArray  *organisations;          /* SmtOverviewOrganisation, in position order */
  guint       branches;               /* branches (not tổ hội) existing on the day */
  GPtrArray  *without_meeting;        /* SmtOverviewBranch: no regular meeting in the
                                       * month (up to the day), by organisation, name */
  int         rating_year;            /* the year of the ratings below: the month's
                                       * year, or the last year before it with ratings */
  guint       members_rated;          /* members with a current rating that year, one per
                                       * person and organisation rated */
  guint       branches_rated;         /* branches (not tổ hội) with a current rating
                                       * that year */
  GPtrArray  *to_confirm;             /* SmtOverviewConfirm, by kind then name */
} SmtOverview;

/* month: "YYYY-MM", or NULL for the current month (smt_register_get_today).
 * NULL with error set for a month that is not one or is in the future. */
SmtOverview *smt_overview_compute (SmtRegister  *reg,
                                   const char   *month,
                                   GError      **error);
void         smt_overview_free    (SmtOverview  *overview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtOverview, smt_overview_free)

G_END_DECLS
