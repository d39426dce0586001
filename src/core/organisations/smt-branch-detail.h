/* smt-branch-detail.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-organisations.h"

G_BEGIN_DECLS

/* One branch seen from inside: its members on a day (with those of its tổ
 * hội, grouped) and its leaders over time, for the Tổ chức và chi hội view,
 * `somattran branch` and the branch's member list report. */

typedef struct
{
  gint64    person_id;
  char     *full_name;   /* "Nguyễn Thị Mỹ Lệ" */
  char      sex;         /* 'M' or 'F' */
  int       birth_year;
  char     *since;       /* ISO: first day in this branch, working away or not */
  gboolean  away;        /* đi làm ăn xa on the day asked */
} SmtBranchMember;

void       smt_branch_member_free (SmtBranchMember *member);

/* The members of the branch on date (NULL: today), working away included,
 * by given name in Vietnamese order (as the people list); (transfer full)
 * (element-type SmtBranchMember), NULL with error on a database error or
 * a bad date. */
GPtrArray *smt_branch_members     (SmtRegister  *reg,
                                   gint64        branch_id,
                                   const char   *date,
                                   GError      **error);

/* The members of a branch with its tổ hội (the member list of a chi hội):
 * the members of one group. */
typedef struct
{
  gint64     branch_id;  /* the branch asked for, or one of its tổ hội */
  char      *name;       /* its name */
  GPtrArray *members;    /* (element-type SmtBranchMember) by given name */
} SmtBranchMemberGroup;

void       smt_branch_member_group_free (SmtBranchMemberGroup *group);

/* The member list of a branch on date (NULL: today), as the associations
 * keep it: the branch's own members first (group 0, always there, maybe
 * empty), then each of its tổ hội existing that day, by name in
 * Vietnamese order, with its members (smt_branch_members of each). A
 * branch without tổ hội has one group. (transfer full) (element-type
 * SmtBranchMemberGroup), NULL with error as smt_branch_members. */
GPtrArray *smt_branch_member_groups (SmtRegister  *reg,
                                     gint64        branch_id,
                                     const char   *date,
                                     GError      **error);

/* How many members the groups hold. */
guint      smt_branch_member_groups_count (GPtrArray *groups);

typedef struct
{
  gint64         id;
  gint64         person_id;
  char          *full_name;
  SmtLeaderRole  role;
  char          *role_label; /* translated: "Chi hội trưởng", "Phó bí thư chi đoàn" … */
  char          *from_date;  /* ISO */
  char          *to_date;    /* ISO, NULL while in office */
} SmtBranchLeader;

void       smt_branch_leader_free (SmtBranchLeader *leader);

/* The current (not voided, not superseded) leader rows of the branch,
 * newest term first; (transfer full) (element-type SmtBranchLeader), NULL
 * with error on a database error. */
GPtrArray *smt_branch_leaders     (SmtRegister  *reg,
                                   gint64        branch_id,
                                   GError      **error);

/* The translated title of a role in a branch of that kind ("chi hội",
 * "chi đoàn", "tổ hội", "công đoàn cơ sở"). */
const char *smt_leader_role_label (SmtLeaderRole  role,
                                   const char    *branch_kind);

G_END_DECLS
