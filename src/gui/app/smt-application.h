/* smt-application.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SMT_TYPE_APPLICATION (smt_application_get_type ())
G_DECLARE_FINAL_TYPE (SmtApplication, smt_application, SMT, APPLICATION, AdwApplication)

SmtApplication *smt_application_new (void);

G_END_DECLS
