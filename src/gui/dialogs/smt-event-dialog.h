/* smt-event-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/organisations/smt-membership.h"
#include "core/people/smt-person-detail.h"

G_BEGIN_DECLS

#define SMT_TYPE_EVENT_DIALOG (smt_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtEventDialog, smt_event_dialog, SMT, EVENT_DIALOG, AdwWindow)

/* Biến động of one person: admit, transfer, leave, away, back, void, with
 * the date (today by default), the reason and the decision. A refusal of
 * the core is shown in the dialog, which stays open; nothing is written.
 * On success the dialog emits ::recorded (gint64 event key) and closes. */
SmtEventDialog *smt_event_dialog_new        (GtkWindow             *parent,
                                             SmtRegister           *reg,
                                             const SmtPersonDetail *person,
                                             GError               **error);

/* What the fields do, for the tests. */
void            smt_event_dialog_select     (SmtEventDialog *self,
                                             SmtEventKind    kind,
                                             gint64          organisation_id,
                                             gint64          branch_id,
                                             gint64          voids_event_id);
void            smt_event_dialog_set_date   (SmtEventDialog *self,
                                             const char     *text);
void            smt_event_dialog_set_reason (SmtEventDialog *self,
                                             const char     *text);
/* As the Record button: FALSE when refused, the message then shown. */
gboolean        smt_event_dialog_save       (SmtEventDialog *self);
/* The message shown, NULL when none. */
const char     *smt_event_dialog_get_error  (SmtEventDialog *self);

G_END_DECLS
