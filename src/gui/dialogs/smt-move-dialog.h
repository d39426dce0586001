/* smt-move-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/people/smt-person-detail.h"

G_BEGIN_DECLS

#define SMT_TYPE_MOVE_DIALOG (smt_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtMoveDialog, smt_move_dialog, SMT, MOVE_DIALOG, AdwWindow)

typedef enum
{
  SMT_MOVE_TO_HOUSEHOLD,      /* another household, found by address or head */
  SMT_MOVE_TO_NEW_HOUSEHOLD,  /* a new one, which the person heads (tách hộ) */
  SMT_MOVE_OUT,               /* out of the commune */
} SmtMoveKind;

/* Moves one person's residence from a day (today by default), with a
 * reason. A refusal of the core is shown in the dialog, which stays open;
 * nothing is written. On success the window shows the change (Ctrl+Z
 * voids the new residence), the dialog emits ::moved and closes. */
SmtMoveDialog *smt_move_dialog_new              (GtkWindow             *parent,
                                                 SmtRegister           *reg,
                                                 const SmtPersonDetail *person);

/* What the fields do, for the tests. */
void           smt_move_dialog_set_kind         (SmtMoveDialog *self,
                                                 SmtMoveKind    kind);
/* Types text in the search field; returns how many households are found. */
guint          smt_move_dialog_search           (SmtMoveDialog *self,
                                                 const char    *text);
/* Selects a household among those found; FALSE when it is not. */
gboolean       smt_move_dialog_select_household (SmtMoveDialog *self,
                                                 gint64         household_id);
gboolean       smt_move_dialog_set_new_household (SmtMoveDialog *self,
                                                  gint64         hamlet_id,
                                                  const char    *address);
void           smt_move_dialog_set_date         (SmtMoveDialog *self,
                                                 const char    *text);
void           smt_move_dialog_set_reason       (SmtMoveDialog *self,
                                                 const char    *text);
void           smt_move_dialog_set_head         (SmtMoveDialog *self,
                                                 gboolean       head);
/* As the Move button: FALSE when refused, the message then shown. */
gboolean       smt_move_dialog_save             (SmtMoveDialog *self);
const char    *smt_move_dialog_get_error        (SmtMoveDialog *self);

G_END_DECLS
