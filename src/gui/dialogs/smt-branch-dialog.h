/* smt-branch-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/organisations/smt-organisation-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_BRANCH_DIALOG (smt_branch_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtBranchDialog, smt_branch_dialog, SMT, BRANCH_DIALOG, AdwWindow)

/* The kinds of branch offered, in the order of the Kind row. */
typedef enum
{
  SMT_BRANCH_CHOICE_CHI_HOI,
  SMT_BRANCH_CHOICE_CHI_DOAN,
  SMT_BRANCH_CHOICE_TO_HOI,     /* needs a parent chi hội */
  SMT_BRANCH_CHOICE_LIEN_AP,    /* chi hội or chi đoàn serving several hamlets */
  SMT_BRANCH_CHOICE_CONG_DOAN,
} SmtBranchChoice;

/* Adds a branch to org: kind, name, hamlets served, founding day (today
 * by default); branches (element-type SmtBranchInfo) are org's, for the
 * parent of a tổ hội. Undo dissolves it on its founding day. */
SmtBranchDialog *smt_branch_dialog_new_add      (GtkWindow                 *parent,
                                                 SmtRegister               *reg,
                                                 const SmtOrganisationInfo *org,
                                                 GPtrArray                 *branches);
/* Dissolves branch on a day with a reason. */
SmtBranchDialog *smt_branch_dialog_new_dissolve (GtkWindow                 *parent,
                                                 SmtRegister               *reg,
                                                 const SmtBranchInfo       *branch);

/* What the fields do, for the tests. */
void             smt_branch_dialog_set_kind     (SmtBranchDialog *self,
                                                 SmtBranchChoice  kind,
                                                 gint64           parent_id);
void             smt_branch_dialog_set_name     (SmtBranchDialog *self,
                                                 const char      *text);
void             smt_branch_dialog_tick_hamlet  (SmtBranchDialog *self,
                                                 gint64           hamlet_id,
                                                 gboolean         ticked);
void             smt_branch_dialog_set_date     (SmtBranchDialog *self,
                                                 const char      *text);
void             smt_branch_dialog_set_reason   (SmtBranchDialog *self,
                                                 const char      *text);
/* Whether saving a tổ hội then opens the dialog that moves members of its
 * chi hội into it (SmtRestructureDialog, transient for this dialog's
 * parent); on by default. */
void             smt_branch_dialog_set_move_members (SmtBranchDialog *self,
                                                     gboolean         move);
/* As the Save button: FALSE when refused, the message then shown. */
gboolean         smt_branch_dialog_save         (SmtBranchDialog *self);
const char      *smt_branch_dialog_get_error    (SmtBranchDialog *self);
/* The key of the branch added, 0 before. */
gint64           smt_branch_dialog_get_branch_id (SmtBranchDialog *self);

G_END_DECLS
