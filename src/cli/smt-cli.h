/* smt-cli.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv names a subcommand (demo, check, people, backup, help…). */
gboolean smt_cli_handles (int    argc,
                          char **argv);
/* Runs it; returns the process exit status. Output goes to stdout, errors
 * (in Vietnamese) to stderr. */
int      smt_cli_run     (int    argc,
                          char **argv);

G_END_DECLS
