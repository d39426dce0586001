/* smt-scope.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Which organisations a figure covers. The seeds count "các đoàn thể chính
 * trị - xã hội" (Đoàn TN, Phụ nữ, Nông dân, Cựu chiến binh, Công đoàn)
 * unless a row says otherwise, and the officers' rows "Chủ tịch MTTQ,
 * Trưởng các đoàn thể chính trị - xã hội": the catalogue gives each
 * indicator its default, and a resolution's target may narrow or widen it.
 *
 * As text (the catalogue, target.scope, the command line, JSON): items
 * separated by commas, each "socio_political" (the organisations of that
 * kind), "mass" (the hội quần chúng), "front" (the Mặt trận committee
 * itself, for officers) or an organisation's code. "socio_political,mass"
 * is every organisation; "PN,ND" two of them. */

typedef enum
{
  SMT_SCOPE_SOCIO_POLITICAL = 1 << 0,
  SMT_SCOPE_MASS            = 1 << 1,
  SMT_SCOPE_FRONT           = 1 << 2,
} SmtScopeKinds;

typedef struct
{
  char      *text;                /* normalised: "front,socio_political", "PN,ND" */
  guint      kinds;               /* SmtScopeKinds named */
  GPtrArray *named;               /* char *: the codes named one by one, as given */

  /* Resolved against a register: */
  GArray    *organisation_ids;    /* gint64, in the organisations' position order */
  GPtrArray *organisation_codes;  /* char *, the same order */
  GPtrArray *organisation_names;  /* char *, short names, the same order */
  gboolean   front;
} SmtScope;

SmtScope *smt_scope_copy     (const SmtScope *scope);
void      smt_scope_free     (SmtScope     *scope);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtScope, smt_scope_free)

/* Parses text and resolves it against the register's organisations (an
 * inactive one counts when named or of a kind named). NULL with
 * SMT_REGISTER_ERROR_INVALID for an empty or malformed text, or
 * SMT_REGISTER_ERROR_NOT_FOUND for a code the register does not have;
 * the message says what to write. */
SmtScope *smt_scope_new      (SmtRegister  *reg,
                              const char   *text,
                              GError      **error);

/* The scope of one organisation (a figure "code:PN", or a filter). */
SmtScope *smt_scope_new_for_organisation (SmtRegister  *reg,
                                          gint64        organisation_id,
                                          GError      **error);

gboolean  smt_scope_has      (const SmtScope *scope,
                              gint64          organisation_id);

/* Whether text is well formed, without a register (codes are not looked
 * up); the same messages as smt_scope_new. */
gboolean  smt_scope_check_text (const char  *text,
                                GError     **error);

/* In words, for the Chỉ tiêu view and the annex's notes: "các đoàn thể
 * chính trị - xã hội (Đoàn TN, Phụ nữ, Nông dân, Cựu chiến binh, Công
 * đoàn)"; "Mặt trận và các đoàn thể chính trị - xã hội (…)"; "Phụ nữ,
 * Nông dân". */
char     *smt_scope_describe (const SmtScope *scope);

/* The same in a few words, for a table column: "Đoàn thể CT-XH", "MTTQ,
 * đoàn thể CT-XH", "Phụ nữ, Nông dân". */
char     *smt_scope_describe_short (const SmtScope *scope);

G_END_DECLS
