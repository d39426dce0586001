/* smt-organisations.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Member organisations, their branches and branch leaders. A new register
 * already holds the five socio-political organisations and three mass
 * associations (smt_setup_new_register). */

typedef enum
{
  SMT_ORGANISATION_SOCIO_POLITICAL,
  SMT_ORGANISATION_MASS,
} SmtOrganisationKind;

typedef struct
{
  const char          *code;        /* "PN", "ND", "DTN"… unique */
  const char          *name;        /* "Hội Liên hiệp Phụ nữ" */
  const char          *short_name;  /* "Phụ nữ" */
  const char          *member_word; /* "hội viên" / "đoàn viên" */
  SmtOrganisationKind  kind;
  int                  min_age;     /* -1: no rule */
  int                  max_age;     /* -1: no rule */
  char                 sex;         /* 0: either, 'M' or 'F' */
  int                  position;
  gint64               trait_id;    /* a trait the members must have on the day they
                                     * join (smt-traits.h: cựu quân nhân …); 0: none */
} SmtOrganisationFields;

gint64   smt_organisation_add    (SmtRegister                 *reg,
                                  const SmtOrganisationFields *fields,
                                  GError                     **error);
gboolean smt_organisation_update (SmtRegister                 *reg,
                                  gint64                       organisation_id,
                                  const SmtOrganisationFields *fields,
                                  const char                  *reason,
                                  GError                     **error);
gboolean smt_organisation_delete (SmtRegister                 *reg,
                                  gint64                       organisation_id,
                                  GError                     **error);
gint64   smt_organisation_lookup (SmtRegister                 *reg,
                                  const char                  *code);

/* kind: "chi đoàn", "chi hội", "tổ hội" (needs a parent chi hội of the
 * same organisation) or "công đoàn cơ sở". hamlet_ids: the hamlets served,
 * several for a liên ấp branch. */
gint64   smt_branch_add          (SmtRegister   *reg,
                                  gint64         organisation_id,
                                  gint64         parent_id,
                                  const char    *kind,
                                  const char    *name,
                                  const gint64  *hamlet_ids,
                                  guint          n_hamlets,
                                  const char    *founded_on,
                                  GError       **error);
gboolean smt_branch_dissolve     (SmtRegister   *reg,
                                  gint64         branch_id,
                                  const char    *date,
                                  const char    *reason,
                                  GError       **error);
gboolean smt_branch_delete       (SmtRegister   *reg,
                                  gint64         branch_id,
                                  GError       **error);

typedef enum
{
  SMT_LEADER_LEADER,  /* bí thư chi đoàn, chi hội trưởng */
  SMT_LEADER_DEPUTY,
} SmtLeaderRole;

gint64   smt_leader_appoint      (SmtRegister   *reg,
                                  gint64         branch_id,
                                  gint64         person_id,
                                  SmtLeaderRole  role,
                                  const char    *from_date,
                                  const char    *reason,
                                  GError       **error);
/* Ends a term: a new row superseding the appointment, with to_date set. */
gint64   smt_leader_end          (SmtRegister   *reg,
                                  gint64         leader_id,
                                  const char    *to_date,
                                  const char    *reason,
                                  GError       **error);

G_END_DECLS
