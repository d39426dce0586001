/* smt-scales-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/activity/smt-rating-query.h"
#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_SCALES_DIALOG (smt_scales_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtScalesDialog, smt_scales_dialog, SMT, SCALES_DIALOG, AdwWindow)

/* "Rating scales…": every scale with its levels and the years,
 * organisations and subjects (members, branches, the organisations
 * themselves) it is in force for, and a form that puts one in force from a
 * year. A refusal of the core is shown in the dialog, which stays open;
 * nothing is written. organisation_id and year preset the form (0: every
 * organisation). */
SmtScalesDialog *smt_scales_dialog_new       (GtkWindow    *parent,
                                              SmtRegister  *reg,
                                              gint64        organisation_id,
                                              int           year,
                                              GError      **error);

/* What the form does, for the tests: a scale by code, an organisation (0:
 * all), whom it rates and a year; FALSE when the scale or organisation is
 * not offered. */
gboolean         smt_scales_dialog_select    (SmtScalesDialog  *self,
                                              const char       *scale_code,
                                              gint64            organisation_id,
                                              SmtRatingSubject  subject,
                                              int               from_year);
/* As the button: FALSE when refused, the message then shown. */
gboolean         smt_scales_dialog_save      (SmtScalesDialog *self);
/* The message shown, NULL when none. */
const char      *smt_scales_dialog_get_error (SmtScalesDialog *self);

G_END_DECLS
