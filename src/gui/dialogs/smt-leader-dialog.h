/* smt-leader-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-organisation-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_LEADER_DIALOG (smt_leader_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtLeaderDialog, smt_leader_dialog, SMT, LEADER_DIALOG, AdwWindow)

/* Appoints a member of branch (or of one of its tổ hội) as its leader or
 * deputy from a day (today by default); undo ends the term on the day it
 * began. */
SmtLeaderDialog *smt_leader_dialog_new_appoint (GtkWindow             *parent,
                                               SmtRegister           *reg,
                                               const SmtBranchInfo   *branch,
                                               GError               **error);
/* Ends leader's term in branch on a day, with a reason. */
SmtLeaderDialog *smt_leader_dialog_new_end     (GtkWindow             *parent,
                                               SmtRegister           *reg,
                                               const SmtBranchInfo   *branch,
                                               const SmtBranchLeader *leader);

/* What the fields do, for the tests. FALSE if the person is not listed. */
gboolean         smt_leader_dialog_select      (SmtLeaderDialog *self,
                                               gint64           person_id,
                                               SmtLeaderRole    role);
void             smt_leader_dialog_set_date    (SmtLeaderDialog *self,
                                               const char      *text);
void             smt_leader_dialog_set_reason  (SmtLeaderDialog *self,
                                               const char      *text);
/* As the Save button: FALSE when refused, the message then shown. */
gboolean         smt_leader_dialog_save        (SmtLeaderDialog *self);
const char      *smt_leader_dialog_get_error   (SmtLeaderDialog *self);

G_END_DECLS
