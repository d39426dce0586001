/* smt-branch-facts.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register-private.h"

G_BEGIN_DECLS

/* The facts the branch indicators count on (smt-indicators-branches.c),
 * read from the register once per change of its content and kept on it,
 * so that a period costs only what lies in it.
 *
 * Rows are kept when current (not voided, superseded by no other row) and,
 * except for the branches themselves, only for counted branches: a tổ hội
 * is not a branch of its own. Each array is in the order the indicators
 * list its rows in. Dates are day keys (smt_day_key) for comparing, with
 * the text kept where an explanation shows it. */

/* A date as an integer that compares with the key of any well-formed date
 * as the ISO text does with that date's text. */
#define SMT_DAY_ALWAYS G_MININT  /* a start that is NULL: before every date */
#define SMT_DAY_NEVER  G_MAXINT  /* an end that is NULL: after every date */

int smt_day_key     (const char *text);
int smt_day_key_ymd (int         year,
                     int         month,
                     int         day);

typedef struct
{
  gint64       id;
  gint64       organisation_id;
  gint64       parent_id;      /* 0: none */
  const char  *name;
  const char  *organisation;   /* its organisation's name; NULL when it has none */
  gboolean     sub_group;      /* a tổ hội */
  int          founded;        /* SMT_DAY_ALWAYS when not recorded */
  int          dissolved;      /* SMT_DAY_NEVER while it exists */
  const char  *founded_on;     /* the texts, NULL when not recorded / while it exists */
  const char  *dissolved_on;
  GArray      *hamlets;        /* gint64, ascending: the hamlets it serves */
  GArray      *regular;        /* guint: its current regular meetings (indices into
                                * meetings), by date */
  /* Filled by smt_branch_facts_load_members (), for counted branches: */
  GArray      *member_spans;   /* guint: indices into spans of its active members' spans
                                * (its own and its tổ hội's), in their order */
} SmtBranchFact;

typedef struct
{
  int          year;
  guint        branch;         /* index into branches */
  gboolean     strong;         /* the level counts_strong */
  const char  *level;
} SmtRatingFact;

/* A rating of a commune-level organisation itself (tổ chức cơ sở). */
typedef struct
{
  int          year;
  gint64       organisation_id;
  const char  *organisation;   /* its name */
  gboolean     strong;
  const char  *level;
} SmtOrganisationRatingFact;

typedef struct
{
  gint64       person_id;
  gint64       organisation_id;  /* 0: the Mặt trận committee */
  const char  *organisation;     /* NULL: the committee (or no such organisation) */
  int          from;
  int          to;               /* SMT_DAY_NEVER: still in office */
  int          political_level;
  int          professional_level;
} SmtOfficerFact;

typedef struct
{
  gint64       person_id;
  guint        branch;
  int          from;
  int          to;               /* SMT_DAY_NEVER: still in office */
  int          party;            /* day key of party_since; SMT_DAY_NEVER: none */
  const char  *party_since;      /* the text, when party is set */
} SmtLeaderFact;

typedef struct
{
  gint64       id;
  guint        branch;
  int          day;
  const char  *date;
  int          present;
  gboolean     regular;
  gboolean     party_present;
  gboolean     officer_present;
  /* Filled by smt_branch_facts_load_members (), for regular meetings: */
  guint        members;        /* the branch's active members that day */
  guint        members_own;    /* those of them in the branch's own organisation */
} SmtMeetingFact;

typedef struct
{
  GArray       *branches;  /* SmtBranchFact, all: by organisation position, name, id */
  GArray       *ratings;   /* SmtRatingFact: by year, branch name, branch id, id */
  GArray       *organisation_ratings;  /* SmtOrganisationRatingFact: by year, organisation
                                        * position, id */
  GArray       *officers;  /* SmtOfficerFact, heads: by organisation position, name, id */
  GArray       *leaders;   /* SmtLeaderFact, leaders: by branch name, branch id, id */
  GArray       *meetings;  /* SmtMeetingFact, all kinds: by date, branch name, id */

  /* Filled on demand. */
  GArray       *spans;     /* SmtMemberSpan (a reference), with the members */
  GArray       *names;     /* person names, for explanations */

  GStringChunk *strings;
} SmtBranchFacts;

/* The facts of the register's current content, read now or kept from
 * before. Returns (transfer full) a reference, NULL with error set on a
 * database error. */
SmtBranchFacts *smt_branch_facts_get           (SmtRegister     *reg,
                                                GError         **error);
SmtBranchFacts *smt_branch_facts_ref           (SmtBranchFacts  *facts);
void            smt_branch_facts_unref         (SmtBranchFacts  *facts);

/* Index of the first row whose date (or year) is on or after day (year). */
guint           smt_branch_facts_meetings_from (SmtBranchFacts  *facts,
                                                int              day);
guint           smt_branch_facts_ratings_from  (SmtBranchFacts  *facts,
                                                int              year);
guint           smt_branch_facts_organisation_ratings_from (SmtBranchFacts *facts,
                                                            int             year);
/* Index into the branch's regular of its first meeting on or after day. */
guint           smt_branch_facts_regular_from  (SmtBranchFacts  *facts,
                                                guint            branch,
                                                int              day);

/* Counts the members of each regular meeting's branch, once. */
gboolean        smt_branch_facts_load_members  (SmtBranchFacts  *facts,
                                                SmtRegister     *reg,
                                                GError         **error);

/* Reads every person's name, once. */
gboolean        smt_branch_facts_load_names    (SmtBranchFacts  *facts,
                                                SmtRegister     *reg,
                                                GError         **error);
/* "Họ Chữ-lót Tên"; "?" for an unknown person. The names must be loaded. */
const char     *smt_branch_facts_person_name   (SmtBranchFacts  *facts,
                                                gint64           person_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtBranchFacts, smt_branch_facts_unref)

G_END_DECLS
