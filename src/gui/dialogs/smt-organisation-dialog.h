/* smt-organisation-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/organisations/smt-organisation-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_ORGANISATION_DIALOG (smt_organisation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtOrganisationDialog, smt_organisation_dialog, SMT, ORGANISATION_DIALOG,
                      AdwWindow)

/* Adds an organisation (org NULL) or edits one, with the reason kept in
 * the change log. A refusal of the core is shown in the dialog, which
 * stays open; on success the window is told (smt_view_record_change; an
 * edit can be undone) and the dialog closes. */
SmtOrganisationDialog *smt_organisation_dialog_new      (GtkWindow                 *parent,
                                                         SmtRegister               *reg,
                                                         const SmtOrganisationInfo *org);

/* For the tests: types text into a field: "code", "name", "short-name",
 * "min-age", "max-age", "position" or "reason". */
void                   smt_organisation_dialog_set_text (SmtOrganisationDialog *self,
                                                         const char            *field,
                                                         const char            *text);
/* sex: 0 (anyone), 'M' or 'F'. */
void                   smt_organisation_dialog_set_sex  (SmtOrganisationDialog *self,
                                                         char                   sex);
/* The trait the rule asks for (smt-traits.h); 0: none. */
void                   smt_organisation_dialog_set_trait (SmtOrganisationDialog *self,
                                                          gint64                 trait_id);
/* As the Save button: FALSE when refused, the message then shown. */
gboolean               smt_organisation_dialog_save     (SmtOrganisationDialog *self);
/* The message shown, NULL when none. */
const char            *smt_organisation_dialog_get_error (SmtOrganisationDialog *self);

G_END_DECLS
