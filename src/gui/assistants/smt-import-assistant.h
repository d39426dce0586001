/* smt-import-assistant.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/import/smt-import-plan.h"
#include "core/register/smt-register.h"
#include "io/import/smt-import-source.h"

G_BEGIN_DECLS

#define SMT_TYPE_IMPORT_ASSISTANT (smt_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (SmtImportAssistant, smt_import_assistant, SMT, IMPORT_ASSISTANT,
                      AdwWindow)

/* A member list into the register in six pages: the file, its sheet and
 * header (with each column's typing), the columns' fields, the
 * organisation and branch, the preview with a decision per row, then the
 * import and its result, which can be undone. Reading the file, planning
 * and writing run in a worker thread (see docs/ARCHITECTURE.md). */
SmtImportAssistant *smt_import_assistant_new (GtkWindow   *parent,
                                              SmtRegister *reg);
/* The organisation proposed on the fourth page. */
void          smt_import_assistant_set_organisation_id (SmtImportAssistant *self,
                                                        gint64              organisation_id);

/* For the tests: what a user would choose and click, through the same
 * widgets and functions. next is the Next button (Import on the fifth
 * page, Close on the last): FALSE when the page refused (get_error says
 * why). open_file, next from the organisation page and next on the import
 * page start work in a thread: wait until is_busy is FALSE. */
void          smt_import_assistant_open_file          (SmtImportAssistant *self,
                                                       const char         *path);
gboolean      smt_import_assistant_is_busy            (SmtImportAssistant *self);
void          smt_import_assistant_stop               (SmtImportAssistant *self);
gboolean      smt_import_assistant_next               (SmtImportAssistant *self);
void          smt_import_assistant_back               (SmtImportAssistant *self);
const char   *smt_import_assistant_get_page           (SmtImportAssistant *self);
const char   *smt_import_assistant_get_error          (SmtImportAssistant *self);
void          smt_import_assistant_set_sheet          (SmtImportAssistant *self,
                                                       guint               index);
/* row counts from 1, as the spreadsheet numbers it. */
void          smt_import_assistant_set_header_row     (SmtImportAssistant *self,
                                                       guint               row);
void          smt_import_assistant_set_encoding       (SmtImportAssistant *self,
                                                       guint               col,
                                                       SmtTextEncoding     enc);
void          smt_import_assistant_set_field          (SmtImportAssistant *self,
                                                       guint               col,
                                                       SmtImportField      field);
gboolean      smt_import_assistant_set_organisation   (SmtImportAssistant *self,
                                                       const char         *code);
/* 0: the branch follows the hamlet column or the hamlet rows. */
gboolean      smt_import_assistant_set_branch         (SmtImportAssistant *self,
                                                       gint64              branch_id);
void          smt_import_assistant_set_default_date   (SmtImportAssistant *self,
                                                       const char         *text);
/* 'M', 'F', or 0 (a problem per row). */
void          smt_import_assistant_set_default_sex    (SmtImportAssistant *self,
                                                       char                sex);
void          smt_import_assistant_show_only_problems (SmtImportAssistant *self,
                                                       gboolean            only);
guint         smt_import_assistant_get_n_shown_rows   (SmtImportAssistant *self);
gboolean      smt_import_assistant_decide             (SmtImportAssistant *self,
                                                       guint               index,
                                                       SmtImportDecision   decision);
/* The bulk buttons: SMT_IMPORT_SAME_PERSON or SMT_IMPORT_SKIP. */
void          smt_import_assistant_decide_look_alikes (SmtImportAssistant *self,
                                                       SmtImportDecision   decision);
/* What confirming "Undo This Import" does, with the reason typed. */
gboolean      smt_import_assistant_undo               (SmtImportAssistant *self,
                                                       const char         *reason);
/* The preview's first rows as shown (decoded), to check a column's typing. */
char         *smt_import_assistant_dup_cell_text      (SmtImportAssistant *self,
                                                       guint               row,
                                                       guint               col);
SmtImportSource *smt_import_assistant_get_source      (SmtImportAssistant *self);
SmtImportPlan   *smt_import_assistant_get_plan        (SmtImportAssistant *self);
gint64           smt_import_assistant_get_batch_id    (SmtImportAssistant *self);

G_END_DECLS
