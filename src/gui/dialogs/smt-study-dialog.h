/* smt-study-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/activity/smt-meeting-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_STUDY_DIALOG (smt_study_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtStudyDialog, smt_study_dialog, SMT, STUDY_DIALOG, AdwWindow)

/* How the dialog records who took part, as the rows of "Ghi theo". */
typedef enum
{
  SMT_STUDY_DIALOG_COUNT,         /* only the number who took part */
  SMT_STUDY_DIALOG_TICKED,        /* the participants ticked among the branch's members */
  SMT_STUDY_DIALOG_WHOLE_BRANCH,  /* all of them ticked, those who missed it unticked */
} SmtStudyDialogWay;

/* Records a study of resolutions (Học tập nghị quyết): its subject, day,
 * organisation and branch, and who took part in one of three ways: the
 * number, the participants ticked from the branch's members that day, or
 * the whole branch with those who missed it unticked (written as "the
 * whole branch except …"; members working away are not counted in it). A
 * refusal of the core is shown in the dialog, which stays open; nothing
 * is written. On success it emits ::recorded (gint64 study key) and
 * closes. */
SmtStudyDialog   *smt_study_dialog_new              (GtkWindow         *parent,
                                                     SmtRegister       *reg,
                                                     gint64             organisation_id,
                                                     GError           **error);

/* What the fields do, for the tests. */
void              smt_study_dialog_set_subject      (SmtStudyDialog    *self,
                                                     const char        *text);
void              smt_study_dialog_set_date         (SmtStudyDialog    *self,
                                                     const char        *text);
/* 0: all organisations. */
void              smt_study_dialog_set_organisation (SmtStudyDialog    *self,
                                                     gint64             organisation_id);
/* 0: the whole organisation; FALSE when the branch is not offered. */
gboolean          smt_study_dialog_set_branch       (SmtStudyDialog    *self,
                                                     gint64             branch_id);
void              smt_study_dialog_set_way          (SmtStudyDialog    *self,
                                                     SmtStudyDialogWay  way);
void              smt_study_dialog_set_count        (SmtStudyDialog    *self,
                                                     int                count);
/* The members listed, the person of the index-th, whether they are
 * working away, and ticking them. */
guint             smt_study_dialog_get_n_members    (SmtStudyDialog    *self);
gint64            smt_study_dialog_get_member       (SmtStudyDialog    *self,
                                                     guint              index,
                                                     gboolean          *away);
void              smt_study_dialog_tick             (SmtStudyDialog    *self,
                                                     guint              index,
                                                     gboolean           ticked);
guint             smt_study_dialog_get_n_ticked     (SmtStudyDialog    *self);
/* As the Record button: FALSE when refused, the message then shown. */
gboolean          smt_study_dialog_save             (SmtStudyDialog    *self);
/* The message shown, NULL when none. */
const char       *smt_study_dialog_get_error        (SmtStudyDialog    *self);

G_END_DECLS
