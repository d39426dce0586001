/* smt-window.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/register/smt-register.h"
#include "gui/base/smt-view-host.h"

G_BEGIN_DECLS

#define SMT_TYPE_WINDOW (smt_window_get_type ())
G_DECLARE_FINAL_TYPE (SmtWindow, smt_window, SMT, WINDOW, AdwApplicationWindow)

SmtWindow   *smt_window_new           (GtkApplication *application);
SmtRegister *smt_window_get_register  (SmtWindow      *self);
void         smt_window_set_register  (SmtWindow      *self,
                                       SmtRegister    *reg);
void         smt_window_show_progress (SmtWindow      *self,
                                       const char     *title,
                                       double          fraction,
                                       const char     *text);
void         smt_window_show_error    (SmtWindow      *self,
                                       const char     *title,
                                       const GError   *error);
gboolean     smt_window_undo          (SmtWindow      *self);
void         smt_window_update_title  (SmtWindow      *self);

void         smt_window_record_change (SmtWindow      *self,
                                       const char     *message,
                                       SmtUndoFunc     undo,
                                       gpointer        undo_data,
                                       GDestroyNotify  undo_destroy);

G_END_DECLS
