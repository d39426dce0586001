/* smt-atomic-file.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files the program writes (exports, copies) are written under a temporary
 * name in the destination folder and renamed into place only when complete,
 * so a crash or a full disk never leaves a truncated file. */

/* A temporary path beside dest ("dest.part-PID"), removed first if stale. */
char     *smt_atomic_file_temp_path (const char  *dest);
/* Renames tmp over dest (replacing it); on failure removes tmp and sets a
 * translated error that says what to do (for example: the file is open in
 * another program). */
gboolean  smt_atomic_file_commit    (const char  *tmp,
                                     const char  *dest,
                                     GError     **error);
/* Removes tmp after a failed write. */
void      smt_atomic_file_abandon   (const char  *tmp);

G_END_DECLS
