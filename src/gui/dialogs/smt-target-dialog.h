/* smt-target-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/activity/smt-settings-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_TARGET_DIALOG (smt_target_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtTargetDialog, smt_target_dialog, SMT, TARGET_DIALOG, AdwWindow)

/* A target a resolution sets: the indicator chosen from the catalogue (and
 * the organisation, for an indicator kept per organisation), the
 * resolution's wording, its order, the baseline, the target and whether
 * it is a ceiling, the deadline. existing (nullable) is the target edited:
 * its indicator cannot change. A refusal of the core is shown in the
 * dialog, which stays open; on success it emits ::recorded (gint64 key of
 * the target) and closes. */
SmtTargetDialog *smt_target_dialog_new           (GtkWindow          *parent,
                                                  SmtRegister        *reg,
                                                  gint64              resolution_id,
                                                  const char         *resolution_number,
                                                  const SmtTargetRow *existing,
                                                  guint               n_targets);

/* What the fields do, for the tests. code: "households_covered",
 * "gathering_rate:PN"; numbers and dates as typed; NULL leaves a field. */
gboolean         smt_target_dialog_set_indicator (SmtTargetDialog    *self,
                                                  const char         *code);
void             smt_target_dialog_set_values    (SmtTargetDialog    *self,
                                                  const char         *label,
                                                  const char         *target,
                                                  const char         *baseline,
                                                  const char         *baseline_date,
                                                  const char         *deadline);
void             smt_target_dialog_set_at_most   (SmtTargetDialog    *self,
                                                  gboolean            at_most);
gboolean         smt_target_dialog_save          (SmtTargetDialog    *self);
const char      *smt_target_dialog_get_error     (SmtTargetDialog    *self);

G_END_DECLS
