/* smt-restructure-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_RESTRUCTURE_DIALOG (smt_restructure_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtRestructureDialog, smt_restructure_dialog, SMT, RESTRUCTURE_DIALOG,
                      AdwWindow)

/* Sắp xếp tổ chức: moves the members ticked from one branch of an
 * organisation into another, on a day, as one restructure
 * (smt_restructure_apply): all or nothing, a refusal named in the dialog,
 * which stays open; undo voids the whole restructure. from_branch_id and
 * to_branch_id (0: the first) are chosen among the organisation's
 * branches existing on date (NULL: today), which is the day shown. */
SmtRestructureDialog *smt_restructure_dialog_new        (GtkWindow    *parent,
                                                         SmtRegister  *reg,
                                                         gint64        organisation_id,
                                                         gint64        from_branch_id,
                                                         gint64        to_branch_id,
                                                         const char   *date,
                                                         GError      **error);

/* What the fields do, for the tests. */
guint                 smt_restructure_dialog_get_n_listed (SmtRestructureDialog *self);
/* The key of the member of row i of the list, 0 past the end. */
gint64                smt_restructure_dialog_get_listed   (SmtRestructureDialog *self,
                                                           guint                 i);
void                  smt_restructure_dialog_tick         (SmtRestructureDialog *self,
                                                           gint64                person_id,
                                                           gboolean              ticked);
void                  smt_restructure_dialog_tick_all     (SmtRestructureDialog *self,
                                                           gboolean              ticked);
guint                 smt_restructure_dialog_get_n_ticked (SmtRestructureDialog *self);
gint64                smt_restructure_dialog_get_from     (SmtRestructureDialog *self);
gint64                smt_restructure_dialog_get_to       (SmtRestructureDialog *self);
void                  smt_restructure_dialog_set_date     (SmtRestructureDialog *self,
                                                           const char           *text);
void                  smt_restructure_dialog_set_reason   (SmtRestructureDialog *self,
                                                           const char           *text);
/* As the Move button: FALSE when refused, the message then shown. */
gboolean              smt_restructure_dialog_save         (SmtRestructureDialog *self);
const char           *smt_restructure_dialog_get_error    (SmtRestructureDialog *self);
/* The key of the restructure recorded, 0 before. */
gint64                smt_restructure_dialog_get_id       (SmtRestructureDialog *self);

G_END_DECLS
