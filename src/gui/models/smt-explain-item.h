/* smt-explain-item.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "core/indicators/smt-indicators.h"

G_BEGIN_DECLS

/* One row of an explanation in a list model: a row of the result's list
 * (kept alive by a reference to the list) and its text folded for search. */
#define SMT_TYPE_EXPLAIN_ITEM (smt_explain_item_get_type ())
G_DECLARE_FINAL_TYPE (SmtExplainItem, smt_explain_item, SMT, EXPLAIN_ITEM, GObject)

SmtExplainItem      *smt_explain_item_new        (GPtrArray      *rows,
                                                  guint           index);
const SmtExplainRow *smt_explain_item_get_row    (SmtExplainItem *self);
/* Label and because, folded (smt_text_fold). */
const char          *smt_explain_item_get_folded (SmtExplainItem *self);

G_END_DECLS
