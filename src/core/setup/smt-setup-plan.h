/* smt-setup-plan.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/organisations/smt-organisations.h"
#include "smt-hamlet-list.h"

G_BEGIN_DECLS

/* A new commune as the office describes it before its register exists:
 * the commune, its hamlets in order, the organisations it keeps (the
 * eight a register proposes, each kept or dropped, names editable) and
 * their branches, one per hamlet as proposed or as edited (renamed,
 * dropped, a liên ấp branch serving several hamlets). There is no
 * district: districts are gone since 1 July 2025. The window's assistant
 * and `somattran new` both fill one, and smt_setup_new_register_from_plan
 * makes the register from it in one go. */

typedef struct
{
  char               *code;         /* "PN": fixed, the indicators know it */
  char               *name;         /* "Hội Liên hiệp Phụ nữ Việt Nam", editable */
  char               *short_name;   /* "Phụ nữ", editable */
  char               *member_word;  /* "hội viên" */
  SmtOrganisationKind kind;
  int                 min_age, max_age;
  char                sex;
  const char         *trait;        /* "CQN", "NLD" or NULL */
  const char         *branch_kind;  /* "chi đoàn", "chi hội", "công đoàn cơ sở" */
  gboolean            per_hamlet;   /* branches by hamlet; not the Công đoàn's */
  gboolean            kept;
} SmtPlanOrganisation;

typedef struct
{
  char      *organisation;  /* its code */
  char      *kind;          /* "chi hội" */
  char      *name;          /* "Chi hội Phụ nữ Ấp Tân Hòa" */
  GPtrArray *hamlets;       /* the names of the hamlets it serves */
  gboolean   kept;
} SmtPlanBranch;

typedef struct
{
  char      *name;           /* "Tân Lập", without "Xã" */
  char      *kind;           /* "xã", "phường", "đặc khu" */
  char      *province;
  char      *place;          /* of the date line; NULL or "": the name */
  GPtrArray *hamlets;        /* SmtHamletEntry */
  GPtrArray *organisations;  /* SmtPlanOrganisation, the eight in their order */
  GPtrArray *branches;       /* SmtPlanBranch */
} SmtSetupPlan;

/* The commune kinds (commune.kind), NULL-terminated. */
extern const char *const smt_commune_kinds[];

/* An empty commune "xã" with the eight organisations kept, no hamlets and
 * no branches. */
SmtSetupPlan        *smt_setup_plan_new              (void);
void                 smt_setup_plan_free             (SmtSetupPlan  *plan);

void                 smt_setup_plan_set_commune      (SmtSetupPlan  *plan,
                                                      const char    *name,
                                                      const char    *kind,
                                                      const char    *province,
                                                      const char    *place);
/* Takes entries (SmtHamletEntry) in their order; NULL: none. */
void                 smt_setup_plan_set_hamlets      (SmtSetupPlan  *plan,
                                                      GPtrArray     *entries);
SmtPlanOrganisation *smt_setup_plan_find_organisation (SmtSetupPlan *plan,
                                                      const char    *code);

/* "Chi đoàn", "Chi hội Phụ nữ": what a branch's name starts with. */
char                *smt_plan_organisation_branch_word (const SmtPlanOrganisation *org);

/* Replaces the branches with the proposal: for every kept organisation
 * whose branches live in the hamlets, one branch per hamlet named after
 * it ("Chi hội Phụ nữ Ấp Tân Hòa"). The Công đoàn has công đoàn cơ sở at
 * workplaces, not in hamlets: none is proposed. */
void                 smt_setup_plan_propose_branches (SmtSetupPlan  *plan);
void                 smt_setup_plan_clear_branches   (SmtSetupPlan  *plan);

/* Adds a branch of the organisation code serving the hamlets named
 * (NULL-terminated); name NULL: proposed from the hamlets. Returns it. */
SmtPlanBranch       *smt_setup_plan_add_branch       (SmtSetupPlan  *plan,
                                                      const char    *code,
                                                      const char    *name,
                                                      const char * const *hamlets);

/* Branch other joins branch into, which then serves the hamlets of both
 * and is named as a liên ấp branch ("Chi hội Cựu chiến binh liên ấp Tân
 * Hòa - Tân Lợi"); other is removed. FALSE (nothing changed) when they are
 * not two different branches of one organisation. */
gboolean             smt_setup_plan_merge_branches   (SmtSetupPlan  *plan,
                                                      guint          branch,
                                                      guint          other);

/* TRUE when the plan can be written; otherwise a translated
 * SMT_REGISTER_ERROR that names what to change. */
gboolean             smt_setup_plan_validate         (SmtSetupPlan  *plan,
                                                      GError       **error);

void                 smt_plan_branch_free            (SmtPlanBranch *branch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtSetupPlan, smt_setup_plan_free)

G_END_DECLS
