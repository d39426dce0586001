/* smt-ratings-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/activity/smt-rating-query.h"
#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_RATINGS_VIEW (smt_ratings_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtRatingsView, smt_ratings_view, SMT, RATINGS_VIEW, GtkWidget)

/* Đánh giá: the ratings of one organisation's branches or members for a
 * year, as a table with a level picker per row that saves at once. */
GtkWidget            *smt_ratings_view_new              (void);

/* What the controls do, for the tests. */
void                  smt_ratings_view_set_year         (SmtRatingsView  *self,
                                                         int              year);
int                   smt_ratings_view_get_year         (SmtRatingsView  *self);
gboolean              smt_ratings_view_set_organisation (SmtRatingsView  *self,
                                                         gint64           organisation_id);
void                  smt_ratings_view_set_target       (SmtRatingsView  *self,
                                                         SmtRatingTarget  target);
void                  smt_ratings_view_set_search       (SmtRatingsView  *self,
                                                         const char      *text);
/* The sheet shown (NULL when none), its rows in the order shown. */
const SmtRatingSheet *smt_ratings_view_get_sheet        (SmtRatingsView  *self);
/* Rows shown after the search. */
guint                 smt_ratings_view_get_n_shown      (SmtRatingsView  *self);
/* Selects the row of a member or branch (it must be shown), as the arrow
 * keys would; FALSE when it is not shown. */
gboolean              smt_ratings_view_select           (SmtRatingsView  *self,
                                                         gint64           id);
/* A key pressed on the table, as the keyboard would (digits, Delete,
 * Enter, Space); TRUE when the table used it. */
gboolean              smt_ratings_view_press_key        (SmtRatingsView  *self,
                                                         guint            keyval);
/* Picks a level (-1: not rated) in the selected row's drop-down, as a
 * click would; FALSE when the row has no drop-down on screen. */
gboolean              smt_ratings_view_pick_level       (SmtRatingsView  *self,
                                                         int              level);
/* The summary line under the table, per level. */
const char           *smt_ratings_view_get_summary      (SmtRatingsView  *self);
/* The message shown, NULL when none. */
const char           *smt_ratings_view_get_error        (SmtRatingsView  *self);
/* Opens "Rating scales…"; (transfer none). */
GtkWindow            *smt_ratings_view_open_scales      (SmtRatingsView  *self);

G_END_DECLS
