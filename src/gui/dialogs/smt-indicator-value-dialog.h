/* smt-indicator-value-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/register/smt-register.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-period.h"

G_BEGIN_DECLS

#define SMT_TYPE_INDICATOR_VALUE_DIALOG (smt_indicator_value_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtIndicatorValueDialog, smt_indicator_value_dialog, SMT,
                      INDICATOR_VALUE_DIALOG, AdwWindow)

/* The value of a typed indicator for a period, with a note, for the whole
 * commune or, for an indicator kept per organisation, one organisation;
 * the values typed before for that period are listed (they stay in history
 * when a new one supersedes them), or, when none is, what the period reads
 * from the values typed inside it. A refusal is shown in the dialog, which stays open;
 * on success it emits ::recorded (gint64 key of the new value, double the
 * value it replaced or NAN when there was none) and closes. */
SmtIndicatorValueDialog *smt_indicator_value_dialog_new   (GtkWindow              *parent,
                                                           SmtRegister            *reg,
                                                           const SmtIndicatorInfo *info,
                                                           const SmtPeriod        *period);

/* For an indicator kept per organisation (budget, equipment…): the
 * organisation the value is typed for, by code; NULL: the whole commune. */
void        smt_indicator_value_dialog_set_organisation (SmtIndicatorValueDialog *self,
                                                         const char              *code);
/* The code the value is typed for: "budget", "budget:PN". */
const char *smt_indicator_value_dialog_get_code   (SmtIndicatorValueDialog *self);

/* For the tests: the fields as typed, Save, the error shown, the text
 * under the fields (history, or what the period reads). */
void        smt_indicator_value_dialog_set_values (SmtIndicatorValueDialog *self,
                                                   const char              *value,
                                                   const char              *note);
gboolean    smt_indicator_value_dialog_save       (SmtIndicatorValueDialog *self);
const char *smt_indicator_value_dialog_get_error  (SmtIndicatorValueDialog *self);
const char *smt_indicator_value_dialog_get_history (SmtIndicatorValueDialog *self);

G_END_DECLS
