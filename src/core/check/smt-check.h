/* smt-check.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Verifies integrity and every rule of the register. Each problem found is
 * appended to problems (translated text, transfer full). Returns TRUE when
 * the register is clean; FALSE with error set only when it could not be
 * read at all. */
gboolean smt_register_check        (SmtRegister  *reg,
                                    GPtrArray    *problems,
                                    GError      **error);

/* SHA-256 over the content of every table in key order (not the file's
 * bytes, which depend on page layout). Two registers with the same content
 * have the same hash. */
char    *smt_register_content_hash (SmtRegister  *reg,
                                    GError      **error);

G_END_DECLS
