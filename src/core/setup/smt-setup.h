/* smt-setup.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "smt-setup-plan.h"

G_BEGIN_DECLS

/* A new register (smt_register_create) that already holds the five
 * socio-political organisations (DTN, PN, ND, CCB, CD) and three mass
 * associations (NCT, CTD, KH) with their rules, and three rating scales:
 * until 2022 the four-level vững mạnh scale (branches, organisations) and
 * xuất sắc / khá / trung bình / yếu for members, and the 2023 scale for
 * everyone after.
 * created_at: NULL for the real clock, or fixed (the demo). */
SmtRegister *smt_setup_new_register (const char             *path,
                                     const SmtCommuneFields *commune,
                                     guint32                 copy_id,
                                     const char             *created_at,
                                     GError                **error);

/* The register of a real commune as the office described it (the
 * assistant, `somattran new` with hamlets): see smt-setup-plan.h. */
SmtRegister *smt_setup_new_register_from_plan (const char    *path,
                                               SmtSetupPlan  *plan,
                                               GError       **error);

/* The demo commune marks itself (meta key "demo"), so that the window can
 * say plainly that its figures are made up; a register without the mark
 * is a real commune's. */
gboolean     smt_setup_mark_demo (SmtRegister  *reg,
                                  GError      **error);
gboolean     smt_setup_is_demo   (SmtRegister  *reg);

G_END_DECLS
