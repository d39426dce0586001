/* smt-backup.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Writes a consistent copy of an open register to dest_path (refused if it
 * exists) with SQLite's backup API, never by copying the file while it is
 * open. The copy is complete or absent: written under a temporary name and
 * renamed at the end. */
gboolean smt_backup_write (SmtRegister  *reg,
                           const char   *dest_path,
                           GError      **error);

G_END_DECLS
