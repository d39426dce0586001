/* smt-meetings-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/register/smt-register.h"
#include "gui/dialogs/smt-meeting-dialog.h"
#include "gui/dialogs/smt-study-dialog.h"

G_BEGIN_DECLS

#define SMT_TYPE_MEETINGS_VIEW (smt_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtMeetingsView, smt_meetings_view, SMT, MEETINGS_VIEW, GtkWidget)

/* Sinh hoạt: the grid of branches × months of a year (a cell opens the
 * month's meetings of the branch and a form to record one), the studies of
 * resolutions of the year (a dialog records one), and the dialogue days
 * typed per month. */
GtkWidget        *smt_meetings_view_new            (void);
gboolean          smt_meetings_view_refresh        (SmtMeetingsView  *self,
                                                    SmtRegister      *reg,
                                                    GError          **error);

/* For the tests. */
void              smt_meetings_view_set_year       (SmtMeetingsView  *self,
                                                    int               year);
int               smt_meetings_view_get_year       (SmtMeetingsView  *self);
/* "grid", "studies" or "dialogue". */
void              smt_meetings_view_show_section   (SmtMeetingsView  *self,
                                                    const char       *name);
/* The text of a cell as shown ("✓", "✗ 1", ""), NULL when the branch is
 * not in the grid. */
const char       *smt_meetings_view_get_cell_text  (SmtMeetingsView  *self,
                                                    gint64            branch_id,
                                                    int               month);
/* As activating the cell: opens its dialog (NULL when it cannot open). */
SmtMeetingDialog *smt_meetings_view_open_cell      (SmtMeetingsView  *self,
                                                    gint64            branch_id,
                                                    int               month);
/* The Studies section: as its button, opens the dialog that records a
 * study (NULL when it cannot open); the studies listed. */
SmtStudyDialog   *smt_meetings_view_open_study     (SmtMeetingsView  *self);
guint             smt_meetings_view_get_n_studies  (SmtMeetingsView  *self);
/* The Dialogue days section: types a month's three values and saves. */
gboolean          smt_meetings_view_save_dialogue  (SmtMeetingsView  *self,
                                                    int               month,
                                                    const char       *days,
                                                    const char       *raised,
                                                    const char       *resolved);
/* The message shown in the section, NULL when none. */
const char       *smt_meetings_view_get_error      (SmtMeetingsView  *self);

G_END_DECLS
