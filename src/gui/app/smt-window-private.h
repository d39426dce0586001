/* smt-window-private.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "gui/models/smt-people-model.h"
#include "smt-window.h"

G_BEGIN_DECLS

/* For the window's own family and the tests. */
SmtPeopleModel *smt_window_get_people_model (SmtWindow *self);
GtkWidget      *smt_window_get_search_entry (SmtWindow *self);
GtkWidget      *smt_window_get_column_view  (SmtWindow *self);
GtkWidget      *smt_window_get_status_label (SmtWindow *self);
GtkWidget      *smt_window_get_progress_bar (SmtWindow *self);
GtkWidget      *smt_window_get_overview     (SmtWindow *self);
GtkWidget      *smt_window_get_demo_banner  (SmtWindow *self);
GtkWindow      *smt_window_open_person      (SmtWindow *self,
                                             gint64     person_id);
/* A toast that is not a change (a file saved): no undo, nothing shown
 * anew. */
void            smt_window_add_toast        (SmtWindow  *self,
                                             const char *message);
/* Shows a view of the sidebar: "overview", "people". */
void            smt_window_show_view        (SmtWindow  *self,
                                             const char *name);
/* "loading", "error", "overview", "list", or "empty" (the people page
 * without rows). */
const char     *smt_window_get_page_name    (SmtWindow *self);

void            smt_window_choose_filters   (SmtWindow  *self,
                                             guint       hamlet,
                                             guint       organisation,
                                             guint       status,
                                             guint       sex,
                                             int         age_min,
                                             int         age_max,
                                             guint       party);
const char     *smt_window_get_filter_summary (SmtWindow *self);
void            smt_window_clear_filters    (SmtWindow  *self);
void            smt_window_sort_people      (SmtWindow  *self,
                                             guint       column,
                                             gboolean    descending);

G_END_DECLS
