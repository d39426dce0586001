/* smt-new-register-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SMT_TYPE_NEW_REGISTER_DIALOG (smt_new_register_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtNewRegisterDialog, smt_new_register_dialog, SMT, NEW_REGISTER_DIALOG,
                      AdwWindow)

/* Asks for the commune and a file, creates an empty register there and
 * emits "created" with its path; the dialog then closes. */
SmtNewRegisterDialog *smt_new_register_dialog_new      (GtkWindow            *parent);

/* For the tests: what a user would type and click. */
void                  smt_new_register_dialog_set_fields (SmtNewRegisterDialog *self,
                                                          guint                 kind,
                                                          const char           *name,
                                                          const char           *province,
                                                          const char           *place);
void                  smt_new_register_dialog_set_path (SmtNewRegisterDialog *self,
                                                        const char           *path);
const char           *smt_new_register_dialog_get_path (SmtNewRegisterDialog *self);
gboolean              smt_new_register_dialog_create   (SmtNewRegisterDialog *self);
const char           *smt_new_register_dialog_get_error (SmtNewRegisterDialog *self);

G_END_DECLS
