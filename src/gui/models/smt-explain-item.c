/* smt-explain-item.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/register/smt-text.h"

#include "smt-explain-item.h"

struct _SmtExplainItem
{
  GObject    parent_instance;
  GPtrArray *rows;
  guint      index;
  char      *folded;
};

G_DEFINE_FINAL_TYPE (SmtExplainItem, smt_explain_item, G_TYPE_OBJECT)

static void
smt_explain_item_finalize (GObject *object)
{
  SmtExplainItem *self = SMT_EXPLAIN_ITEM (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->folded);
  G_OBJECT_CLASS (smt_explain_item_parent_class)->finalize (object);
}

static void
smt_explain_item_class_init (SmtExplainItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smt_explain_item_finalize;
}

static void
smt_explain_item_init (SmtExplainItem *self)
{
}

SmtExplainItem *
smt_explain_item_new (GPtrArray *rows,
                      guint      index)
{
  SmtExplainItem *self;
  const SmtExplainRow *row;
  g_autofree char *text = NULL;

  g_return_val_if_fail (rows != NULL && index < rows->len, NULL);
  self = g_object_new (SMT_TYPE_EXPLAIN_ITEM, NULL);
  self->rows = g_ptr_array_ref (rows);
  self->index = index;
  row = g_ptr_array_index (rows, index);
  text = g_strconcat (row->label ? row->label : "", " ", row->because ? row->because : "", NULL);
  self->folded = smt_text_fold (text);
  if (self->folded == NULL)
    self->folded = g_strdup ("");
  return self;
}

const SmtExplainRow *
smt_explain_item_get_row (SmtExplainItem *self)
{
  g_return_val_if_fail (SMT_IS_EXPLAIN_ITEM (self), NULL);
  return g_ptr_array_index (self->rows, self->index);
}

const char *
smt_explain_item_get_folded (SmtExplainItem *self)
{
  g_return_val_if_fail (SMT_IS_EXPLAIN_ITEM (self), NULL);
  return self->folded;
}
