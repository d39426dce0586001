/* smt-application-private.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-application.h"
#include "smt-window.h"

G_BEGIN_DECLS

gboolean  smt_application_open_path        (SmtApplication *self,
                                            SmtWindow      *window,
                                            const char     *path);
/* The register opened last, from <config>/somattran/state.ini; NULL if none. */
char     *smt_application_dup_last_register (void);
/* Where the sample commune lives: <data>/somattran/xa-mau.smt. */
char     *smt_application_dup_demo_path    (void);
GMenuModel *smt_application_get_recent_menu (SmtApplication *self);
GtkWindow *smt_application_new_register    (SmtApplication *self);

G_END_DECLS
