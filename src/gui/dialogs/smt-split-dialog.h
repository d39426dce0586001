/* smt-split-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_SPLIT_DIALOG (smt_split_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtSplitDialog, smt_split_dialog, SMT, SPLIT_DIALOG, AdwWindow)

/* Tách hộ: some of a household's people form a new household (hamlet,
 * address, head, from a day), all moves in one change. A refusal of the
 * core is shown in the dialog and nothing is written; on success the
 * window shows the change (Ctrl+Z voids the moves), the dialog emits
 * ::split (gint64 new household key) and closes. NULL with error when the
 * household cannot be read. */
SmtSplitDialog *smt_split_dialog_new         (GtkWindow      *parent,
                                              SmtRegister    *reg,
                                              gint64          household_id,
                                              GError        **error);

/* What the fields do, for the tests; FALSE when the person or hamlet is
 * not offered. */
gboolean        smt_split_dialog_set_chosen  (SmtSplitDialog *self,
                                              gint64          person_id,
                                              gboolean        chosen);
gboolean        smt_split_dialog_set_head    (SmtSplitDialog *self,
                                              gint64          person_id);
gboolean        smt_split_dialog_set_hamlet  (SmtSplitDialog *self,
                                              gint64          hamlet_id);
void            smt_split_dialog_set_address (SmtSplitDialog *self,
                                              const char     *text);
void            smt_split_dialog_set_date    (SmtSplitDialog *self,
                                              const char     *text);
void            smt_split_dialog_set_reason  (SmtSplitDialog *self,
                                              const char     *text);
/* As the Split button: FALSE when refused, the message then shown. */
gboolean        smt_split_dialog_save        (SmtSplitDialog *self);
const char     *smt_split_dialog_get_error   (SmtSplitDialog *self);

G_END_DECLS
