/* smt-import-row-item.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "smt-import-row-item.h"

struct _SmtImportRowItem
{
  GObject        parent_instance;

  /* borrowed */
  SmtImportPlan *plan;
  guint          index;
};

G_DEFINE_FINAL_TYPE (SmtImportRowItem, smt_import_row_item, G_TYPE_OBJECT)

static void
smt_import_row_item_class_init (SmtImportRowItemClass *klass)
{
}

static void
smt_import_row_item_init (SmtImportRowItem *self)
{
}

SmtImportRowItem *
smt_import_row_item_new (SmtImportPlan *plan,
                         guint          index)
{
  SmtImportRowItem *self;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < smt_import_plan_get_n_rows (plan), NULL);

  self = g_object_new (SMT_TYPE_IMPORT_ROW_ITEM, NULL);
  self->plan = plan;
  self->index = index;
  return self;
}

guint
smt_import_row_item_get_index (SmtImportRowItem *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ROW_ITEM (self), 0);
  return self->index;
}

const SmtImportPlanRow *
smt_import_row_item_get_row (SmtImportRowItem *self)
{
  g_return_val_if_fail (SMT_IS_IMPORT_ROW_ITEM (self), NULL);
  return smt_import_plan_get_row (self->plan, self->index);
}

gboolean
smt_import_row_item_has_problems (SmtImportRowItem *self)
{
  const SmtImportPlanRow *row;

  g_return_val_if_fail (SMT_IS_IMPORT_ROW_ITEM (self), FALSE);

  row = smt_import_plan_get_row (self->plan, self->index);
  return row->problems->len > 0 || row->status == SMT_IMPORT_STATUS_UNDECIDED;
}
