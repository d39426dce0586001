/* smt-resolution-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/activity/smt-settings-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_RESOLUTION_DIALOG (smt_resolution_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtResolutionDialog, smt_resolution_dialog, SMT, RESOLUTION_DIALOG,
                      AdwWindow)

/* A new resolution or directive: number, title, issuer, date of issue
 * (today by default) and term. A refusal of the core is shown in the
 * dialog, which stays open; nothing is written. On success the dialog
 * emits ::recorded (gint64 key of the resolution) and closes. */
SmtResolutionDialog *smt_resolution_dialog_new        (GtkWindow           *parent,
                                                       SmtRegister         *reg);

/* The same dialog correcting a resolution: its fields filled in, and a
 * reason. */
SmtResolutionDialog *smt_resolution_dialog_new_edit   (GtkWindow              *parent,
                                                       SmtRegister            *reg,
                                                       const SmtResolutionRow *resolution);

/* What the fields do, for the tests; dates as typed (dd/mm/yyyy), NULL
 * leaves a field as it is. */
void                 smt_resolution_dialog_set_fields (SmtResolutionDialog *self,
                                                       const char          *number,
                                                       const char          *title,
                                                       const char          *issuer,
                                                       const char          *issued_on,
                                                       const char          *term_from,
                                                       const char          *term_to);
void                 smt_resolution_dialog_set_reason (SmtResolutionDialog *self,
                                                       const char          *text);
gboolean             smt_resolution_dialog_save       (SmtResolutionDialog *self);
const char          *smt_resolution_dialog_get_error  (SmtResolutionDialog *self);

G_END_DECLS
