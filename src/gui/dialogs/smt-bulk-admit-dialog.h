/* smt-bulk-admit-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/organisations/smt-organisation-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_BULK_ADMIT_DIALOG (smt_bulk_admit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtBulkAdmitDialog, smt_bulk_admit_dialog, SMT, BULK_ADMIT_DIALOG,
                      AdwWindow)

/* Kết nạp of several people into branch at once: the people who may join
 * it (smt_admission_candidates), ticked, with a day (today by default), a
 * decision and a reason. All are admitted or none: a refusal names the
 * person in the dialog, which stays open. Undo voids the whole batch. */
SmtBulkAdmitDialog *smt_bulk_admit_dialog_new          (GtkWindow            *parent,
                                                        SmtRegister          *reg,
                                                        const SmtBranchInfo  *branch,
                                                        GError              **error);

/* What the fields do, for the tests. */
void                smt_bulk_admit_dialog_set_search   (SmtBulkAdmitDialog *self,
                                                        const char         *text);
/* The people listed, in order; (transfer full) (element-type gint64). */
GArray             *smt_bulk_admit_dialog_dup_listed   (SmtBulkAdmitDialog *self);
/* Ticks anyone by key, listed or not (a tick is kept while searching). */
void                smt_bulk_admit_dialog_tick         (SmtBulkAdmitDialog *self,
                                                        gint64              person_id,
                                                        gboolean            ticked);
guint               smt_bulk_admit_dialog_get_n_ticked (SmtBulkAdmitDialog *self);
void                smt_bulk_admit_dialog_set_date     (SmtBulkAdmitDialog *self,
                                                        const char         *text);
void                smt_bulk_admit_dialog_set_document (SmtBulkAdmitDialog *self,
                                                        const char         *text);
void                smt_bulk_admit_dialog_set_reason   (SmtBulkAdmitDialog *self,
                                                        const char         *text);
/* As the Admit button: FALSE when refused, the message then shown. */
gboolean            smt_bulk_admit_dialog_save         (SmtBulkAdmitDialog *self);
const char         *smt_bulk_admit_dialog_get_error    (SmtBulkAdmitDialog *self);

G_END_DECLS
