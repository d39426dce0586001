/* smt-officer-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/activity/smt-settings-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_OFFICER_DIALOG (smt_officer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtOfficerDialog, smt_officer_dialog, SMT, OFFICER_DIALOG, AdwWindow)

/* An officer's term: new_add records one (the person found by name, the
 * Mặt trận or an organisation, head or deputy, first day, training);
 * new_end ends the term given (last day, reason). A refusal of the core is
 * shown in the dialog, which stays open; on success it emits ::recorded
 * (gint64 key of the new row) and closes. */
SmtOfficerDialog *smt_officer_dialog_new_add     (GtkWindow           *parent,
                                                  SmtRegister         *reg,
                                                  GError             **error);
SmtOfficerDialog *smt_officer_dialog_new_end     (GtkWindow           *parent,
                                                  SmtRegister         *reg,
                                                  const SmtOfficerRow *term);

/* What the fields do, for the tests. */
void              smt_officer_dialog_search      (SmtOfficerDialog    *self,
                                                  const char          *text);
guint             smt_officer_dialog_get_n_results (SmtOfficerDialog  *self);
gint64            smt_officer_dialog_choose_result (SmtOfficerDialog  *self,
                                                  guint                index);
void              smt_officer_dialog_select      (SmtOfficerDialog    *self,
                                                  gint64               organisation_id,
                                                  SmtOfficerRole       role,
                                                  int                  political_level,
                                                  int                  professional_level);
void              smt_officer_dialog_set_date    (SmtOfficerDialog    *self,
                                                  const char          *text);
void              smt_officer_dialog_set_reason  (SmtOfficerDialog    *self,
                                                  const char          *text);
gboolean          smt_officer_dialog_save        (SmtOfficerDialog    *self);
const char       *smt_officer_dialog_get_error   (SmtOfficerDialog    *self);

G_END_DECLS
