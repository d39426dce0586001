/* smt-organisation-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Read-only lists of organisations and branches, for pickers in the
 * window and `somattran organisations` / `somattran branches`. */

typedef struct
{
  gint64    id;
  char     *code;          /* "PN" */
  char     *short_name;    /* "Phụ nữ" */
  char     *name;          /* "Hội Liên hiệp Phụ nữ Việt Nam" */
  char     *member_word;   /* "hội viên" */
  gboolean  socio_political;
  gboolean  active;
  int       min_age;       /* -1: no bound */
  int       max_age;       /* -1: no bound */
  char      sex;           /* 'M', 'F' or 0 */
  int       position;      /* place in the list (SmtOrganisationFields.position) */
  gint64    trait_id;      /* the trait its rule asks for (smt-traits.h); 0: none */
  char     *trait_code;    /* "CQN", NULL when none */
  char     *trait_name;    /* "Cựu quân nhân", NULL when none */
} SmtOrganisationInfo;

void       smt_organisation_info_free (SmtOrganisationInfo *info);

/* Every organisation in position order; (transfer full) (element-type
 * SmtOrganisationInfo), NULL with error on a database error. */
GPtrArray *smt_organisations_list     (SmtRegister  *reg,
                                       GError      **error);

typedef struct
{
  gint64    id;
  gint64    organisation_id;
  char     *name;          /* "Chi hội Phụ nữ ấp 3" */
  char     *kind;          /* "chi hội", "chi đoàn", "tổ hội" … as stored */
  gint64    parent_id;     /* the chi hội of a tổ hội, else 0 */
  char     *hamlets;       /* names of the hamlets it serves: "Ấp 3, Ấp 4" */
  char     *founded_on;    /* ISO or NULL */
  char     *dissolved_on;  /* ISO or NULL */
  guint     members;       /* members on the date asked (away included) */
} SmtBranchInfo;

void       smt_branch_info_free       (SmtBranchInfo *info);

/* The branches of one organisation (0: all) existing on date (NULL:
 * today), by organisation position then name in Vietnamese order, each
 * with its members on that date; (transfer full) (element-type
 * SmtBranchInfo), NULL with error on a database error or a bad date. */
GPtrArray *smt_branches_list          (SmtRegister  *reg,
                                       gint64        organisation_id,
                                       const char   *date,
                                       GError      **error);

typedef struct
{
  gint64  id;
  char   *name;          /* "Ấp Cái Sơn" */
} SmtHamletInfo;

void       smt_hamlet_info_free       (SmtHamletInfo *info);

/* Every hamlet of the commune, by name in Vietnamese order; (transfer
 * full) (element-type SmtHamletInfo), NULL with error on a database
 * error. */
GPtrArray *smt_hamlets_list           (SmtRegister  *reg,
                                       GError      **error);

G_END_DECLS
