/* smt-rating-item.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "core/activity/smt-rating-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_RATING_ITEM (smt_rating_item_get_type ())
G_DECLARE_FINAL_TYPE (SmtRatingItem, smt_rating_item, SMT, RATING_ITEM, GObject)

/* One row of the Đánh giá table: a member, a branch or an organisation
 * with its rating of the year. "level" (the index in the levels of the
 * row's scale, -1 when not rated) changes in place when the table is read
 * again, so the rows shown follow it without being made anew. */
SmtRatingItem *smt_rating_item_new            (const SmtRatingSheetRow *row,
                                               int                 level);
gint64         smt_rating_item_get_id         (SmtRatingItem      *self);
const char    *smt_rating_item_get_name       (SmtRatingItem      *self);
const char    *smt_rating_item_get_folded     (SmtRatingItem      *self);
const char    *smt_rating_item_get_branch     (SmtRatingItem      *self);
const char    *smt_rating_item_get_previous   (SmtRatingItem      *self);
int            smt_rating_item_get_level      (SmtRatingItem      *self);
const char    *smt_rating_item_get_level_code (SmtRatingItem      *self);
gint64         smt_rating_item_get_rating_id  (SmtRatingItem      *self);
/* The scale the row is rated on (SmtRatingSheetRow.scale_id). */
gint64         smt_rating_item_get_scale_id   (SmtRatingItem      *self);
/* Takes the rating of row (same id), notifying "level" when it moved. */
void           smt_rating_item_update         (SmtRatingItem      *self,
                                               const SmtRatingSheetRow *row,
                                               int                 level);

G_END_DECLS
