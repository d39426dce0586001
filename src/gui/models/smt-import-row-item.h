/* smt-import-row-item.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "core/import/smt-import-plan.h"

G_BEGIN_DECLS

/* One row of an import plan, for the import assistant's preview list. The
 * plan is borrowed: whoever holds the plan empties the list before freeing
 * it. An item is replaced (not changed) when its row is decided again, so
 * the list shows the row anew. */
#define SMT_TYPE_IMPORT_ROW_ITEM (smt_import_row_item_get_type ())
G_DECLARE_FINAL_TYPE (SmtImportRowItem, smt_import_row_item, SMT, IMPORT_ROW_ITEM, GObject)

SmtImportRowItem       *smt_import_row_item_new          (SmtImportPlan    *plan,
                                                          guint             index);
guint                   smt_import_row_item_get_index    (SmtImportRowItem *self);
const SmtImportPlanRow *smt_import_row_item_get_row      (SmtImportRowItem *self);
/* TRUE when the row has a problem, or still needs a decision. */
gboolean                smt_import_row_item_has_problems (SmtImportRowItem *self);

G_END_DECLS
