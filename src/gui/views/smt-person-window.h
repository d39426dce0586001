/* smt-person-window.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/people/smt-person-detail.h"
#include "gui/dialogs/smt-trait-dialog.h"

G_BEGIN_DECLS

#define SMT_TYPE_PERSON_WINDOW (smt_person_window_get_type ())
G_DECLARE_FINAL_TYPE (SmtPersonWindow, smt_person_window, SMT, PERSON_WINDOW, AdwWindow)

/* A person's page: identity (personal data masked until revealed),
 * residence history, memberships, traits, the timeline of every membership
 * event, attendance and ratings. NULL with error when the person cannot be read. */
SmtPersonWindow       *smt_person_window_new         (GtkWindow    *parent,
                                                      SmtRegister  *reg,
                                                      gint64        person_id,
                                                      GError      **error);
const SmtPersonDetail *smt_person_window_get_detail  (SmtPersonWindow *self);
/* Whether CCCD, phone, ethnicity and religion are shown in full. */
void                   smt_person_window_set_revealed (SmtPersonWindow *self,
                                                       gboolean         revealed);
gboolean               smt_person_window_get_revealed (SmtPersonWindow *self);
/* Opens the Biến động dialog (Ctrl+E); the page reloads and emits
 * ::changed when a change is recorded. */
GtkWindow             *smt_person_window_record_event (SmtPersonWindow *self);
void                   smt_person_window_reload       (SmtPersonWindow *self);
/* The dialogs of the Household and Identity groups: correct the record,
 * move the residence, split the household. After a change the window
 * reloads every page; Ctrl+Z undoes it. */
GtkWindow             *smt_person_window_edit         (SmtPersonWindow *self);
GtkWindow             *smt_person_window_move         (SmtPersonWindow *self);
GtkWindow             *smt_person_window_split        (SmtPersonWindow *self);
/* The dialog of the Traits group: record a trait (record_id 0), end or
 * void a current record; the page reloads and emits ::changed. */
GtkWindow             *smt_person_window_trait        (SmtPersonWindow    *self,
                                                       SmtTraitDialogMode  mode,
                                                       gint64              record_id);

G_END_DECLS
