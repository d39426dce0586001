/* smt-demo.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_DEMO_DEFAULT_PEOPLE 10000
#define SMT_DEMO_DEFAULT_SEED   1
/* The demo's history ends on this day, whatever today is, so that the same
 * seed always gives the same register. */
#define SMT_DEMO_UNTIL          "2026-10-31"

typedef void (*SmtDemoProgress) (double fraction, const char *what, gpointer user_data);

/* Builds a realistic, deterministic demo commune into a new file at path
 * (refused if it exists). */
gboolean smt_demo_generate (const char       *path,
                            guint             people,
                            guint64           seed,
                            SmtDemoProgress   progress,
                            gpointer          user_data,
                            GError          **error);

G_END_DECLS
