/* smt-trait-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/people/smt-traits.h"
#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_TRAIT_DIALOG (smt_trait_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtTraitDialog, smt_trait_dialog, SMT, TRAIT_DIALOG, AdwWindow)

/* A person's trait (cựu quân nhân, người lao động …): record one from a
 * day (empty: since before the register knows) to a day (empty: still),
 * end one on its last day, or void one recorded by mistake. A refusal is
 * shown in the dialog, which stays open; on success it emits ::recorded
 * (gint64 key of the new record) and closes. */

typedef enum
{
  SMT_TRAIT_DIALOG_ADD,
  SMT_TRAIT_DIALOG_END,
  SMT_TRAIT_DIALOG_VOID,
} SmtTraitDialogMode;

/* ADD: record is NULL; END and VOID: the current record concerned. */
SmtTraitDialog *smt_trait_dialog_new       (GtkWindow               *parent,
                                            SmtRegister             *reg,
                                            SmtTraitDialogMode       mode,
                                            gint64                   person_id,
                                            const char              *person_name,
                                            const SmtPersonTraitRow *record);

/* For the tests: the fields as typed ("trait" takes the trait's code),
 * Save, the error shown. */
void            smt_trait_dialog_set_text  (SmtTraitDialog          *self,
                                            const char              *field,
                                            const char              *text);
gboolean        smt_trait_dialog_save      (SmtTraitDialog          *self);
const char     *smt_trait_dialog_get_error (SmtTraitDialog          *self);

G_END_DECLS
