/* smt-restructure.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-branch-detail.h"
#include "smt-membership.h"

G_BEGIN_DECLS

/* Sắp xếp lại: moving a set of members into another branch of their
 * organisation as one recorded act (a chi hội's members into its new tổ
 * hội, two chi đoàn into one liên ấp). It is a row of `restructure` and
 * one 'transferred' event per member that names it
 * (membership_event.restructure_id); the counts keep these transfers
 * apart from a chuyển sinh hoạt, which is one member's own move. */

typedef struct
{
  gint64        branch_id;     /* where the members go */
  const char   *date;          /* YYYY-MM-DD, not after today */
  const char   *reason;        /* (nullable) */
  const char   *document;      /* (nullable): quyết định số … */
  const gint64 *person_ids;    /* the members moved, each once */
  guint         n_persons;
} SmtRestructureFields;

/* Moves every person of fields into the branch on the date, in one
 * savepoint: when one cannot be moved (not a member of the branch's
 * organisation that day, already in that branch, a later event that the
 * move would contradict …) nothing is written, error names the person and
 * says why, and failed_person (nullable) is set to their key. Returns the
 * key of the restructure, 0 on a refusal. */
gint64     smt_restructure_apply   (SmtRegister                 *reg,
                                    const SmtRestructureFields  *fields,
                                    gint64                      *failed_person,
                                    GError                     **error);

/* The act alone, without its transfers, for a writer that records them
 * one by one with SmtMembershipChange.restructure_id inside its own batch
 * (the demo). The window and the command line use _apply. */
gint64     smt_restructure_add     (SmtRegister                 *reg,
                                    gint64                       branch_id,
                                    const char                  *date,
                                    const char                  *reason,
                                    const char                  *document,
                                    GError                     **error);

/* Undoes a restructure: voids every transfer of it that is still current,
 * with reason, all or nothing (a member whose later history needs the
 * move refuses it, and error names them). The act stays in the register,
 * its transfers voided. */
gboolean   smt_restructure_void    (SmtRegister                 *reg,
                                    gint64                       restructure_id,
                                    const char                  *reason,
                                    GError                     **error);

typedef struct
{
  gint64  id;
  gint64  organisation_id;
  char   *organisation;        /* short name: "Phụ nữ" */
  gint64  branch_id;
  char   *branch;              /* where the members went */
  char   *from_branches;       /* the branches they left, "Chi hội Phụ nữ ấp 2" */
  char   *date;                /* ISO */
  char   *reason;
  char   *document;
  guint   moved;               /* transfers still current */
  guint   voided;              /* transfers voided (an undone restructure has moved 0) */
} SmtRestructureInfo;

void       smt_restructure_info_free (SmtRestructureInfo *info);

/* The restructures of one organisation (0: all), newest first;
 * (transfer full) (element-type SmtRestructureInfo), NULL with error on a
 * database error. */
GPtrArray *smt_restructures_list   (SmtRegister                 *reg,
                                    gint64                       organisation_id,
                                    GError                     **error);

/* Whom a restructure out of a branch may move: its own members on a date
 * (NULL: today), working away included, not those of its tổ hội, by given
 * name in Vietnamese order. (transfer full) (element-type
 * SmtBranchMember), NULL with error for an unknown branch, a bad date or
 * a database error. */
GPtrArray *smt_restructure_members (SmtRegister                 *reg,
                                    gint64                       from_branch_id,
                                    const char                  *date,
                                    GError                     **error);

G_END_DECLS
