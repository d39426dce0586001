/* smt-gui.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the window templates and style sheet (once); every widget
 * with a template calls it in its class_init. */
void smt_gui_ensure_resources (void);

G_END_DECLS
