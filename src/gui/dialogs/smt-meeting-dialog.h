/* smt-meeting-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/activity/smt-meeting-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_MEETING_DIALOG (smt_meeting_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtMeetingDialog, smt_meeting_dialog, SMT, MEETING_DIALOG, AdwWindow)

/* One cell of the Sinh hoạt grid: the meetings of a branch in a month,
 * and a form to record one (date in that month by default, kind, topic,
 * members present, Party member and officer present, and an optional
 * attendance list ticked from the branch's members that day). A refusal
 * of the core is shown in the dialog, which stays open; nothing is
 * written. On success the dialog emits ::recorded (gint64 meeting key) and
 * closes. A meeting listed can be voided with a reason: ::voided (gint64
 * key of the void row), the dialog stays open. */
SmtMeetingDialog *smt_meeting_dialog_new          (GtkWindow        *parent,
                                                   SmtRegister      *reg,
                                                   gint64            branch_id,
                                                   const char       *branch_name,
                                                   int               year,
                                                   int               month,
                                                   GError          **error);

/* What the fields do, for the tests. */
void              smt_meeting_dialog_set_date     (SmtMeetingDialog *self,
                                                   const char       *text);
const char       *smt_meeting_dialog_get_date     (SmtMeetingDialog *self);
void              smt_meeting_dialog_set_kind     (SmtMeetingDialog *self,
                                                   SmtMeetingKind    kind);
void              smt_meeting_dialog_set_topic    (SmtMeetingDialog *self,
                                                   const char       *text);
void              smt_meeting_dialog_set_present  (SmtMeetingDialog *self,
                                                   int               present);
int               smt_meeting_dialog_get_present  (SmtMeetingDialog *self);
void              smt_meeting_dialog_set_party    (SmtMeetingDialog *self,
                                                   gboolean          present);
/* The members listed for attendance, and ticking the i-th of them. */
guint             smt_meeting_dialog_get_n_members (SmtMeetingDialog *self);
void              smt_meeting_dialog_tick         (SmtMeetingDialog *self,
                                                   guint             index,
                                                   gboolean          ticked);
/* The meetings already recorded in the month, as listed. */
guint             smt_meeting_dialog_get_n_meetings (SmtMeetingDialog *self);
/* As the Void button of the index-th meeting listed, with the reason typed
 * in the dialog; FALSE when refused, the message then shown. */
gboolean          smt_meeting_dialog_void         (SmtMeetingDialog *self,
                                                   guint             index);
void              smt_meeting_dialog_set_void_reason (SmtMeetingDialog *self,
                                                      const char       *text);
/* As the Record button: FALSE when refused, the message then shown. */
gboolean          smt_meeting_dialog_save         (SmtMeetingDialog *self);
/* The message shown, NULL when none. */
const char       *smt_meeting_dialog_get_error    (SmtMeetingDialog *self);

G_END_DECLS
