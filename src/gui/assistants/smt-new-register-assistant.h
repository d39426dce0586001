/* smt-new-register-assistant.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/setup/smt-setup-plan.h"

G_BEGIN_DECLS

#define SMT_TYPE_NEW_REGISTER_ASSISTANT (smt_new_register_assistant_get_type ())
G_DECLARE_FINAL_TYPE (SmtNewRegisterAssistant, smt_new_register_assistant, SMT,
                      NEW_REGISTER_ASSISTANT, AdwWindow)

/* The register of a real commune in five pages: the commune, its hamlets,
 * the organisations, their branches, the file. It creates the register
 * (smt_setup_new_register_from_plan), emits "created" with its path and
 * closes; the window then opens it. */
SmtNewRegisterAssistant *smt_new_register_assistant_new (GtkWindow *parent);

/* For the tests: what a user would type and click, through the same
 * widgets. next is the Next button (Create on the last page): FALSE when
 * the page refused (get_error says why). */
void          smt_new_register_assistant_set_commune      (SmtNewRegisterAssistant *self,
                                                           guint                    kind,
                                                           const char              *name,
                                                           const char              *province,
                                                           const char              *place);
void          smt_new_register_assistant_set_hamlets_text (SmtNewRegisterAssistant *self,
                                                           const char              *text);
void          smt_new_register_assistant_remove_hamlet    (SmtNewRegisterAssistant *self,
                                                           guint                    index);
void          smt_new_register_assistant_move_hamlet_up   (SmtNewRegisterAssistant *self,
                                                           guint                    index);
void          smt_new_register_assistant_set_organisation (SmtNewRegisterAssistant *self,
                                                           const char              *code,
                                                           gboolean                 kept,
                                                           const char              *name);
void          smt_new_register_assistant_set_branch       (SmtNewRegisterAssistant *self,
                                                           guint                    index,
                                                           gboolean                 kept,
                                                           const char              *name);
void          smt_new_register_assistant_join_branch      (SmtNewRegisterAssistant *self,
                                                           guint                    index);
void          smt_new_register_assistant_set_path         (SmtNewRegisterAssistant *self,
                                                           const char              *path);
gboolean      smt_new_register_assistant_next             (SmtNewRegisterAssistant *self);
void          smt_new_register_assistant_back             (SmtNewRegisterAssistant *self);
const char   *smt_new_register_assistant_get_page         (SmtNewRegisterAssistant *self);
const char   *smt_new_register_assistant_get_error        (SmtNewRegisterAssistant *self);
SmtSetupPlan *smt_new_register_assistant_get_plan         (SmtNewRegisterAssistant *self);

G_END_DECLS
