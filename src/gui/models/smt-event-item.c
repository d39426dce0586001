/* smt-event-item.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "smt-event-item.h"

struct _SmtEventItem
{
  GObject      parent_instance;

  SmtEventRow *row;
};

G_DEFINE_FINAL_TYPE (SmtEventItem, smt_event_item, G_TYPE_OBJECT)

static void
smt_event_item_finalize (GObject *object)
{
  SmtEventItem *self = (SmtEventItem *) object;

  g_clear_pointer (&self->row, smt_event_row_free);

  G_OBJECT_CLASS (smt_event_item_parent_class)->finalize (object);
}

static void
smt_event_item_class_init (SmtEventItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smt_event_item_finalize;
}

static void
smt_event_item_init (SmtEventItem *self)
{
}

SmtEventItem *
smt_event_item_new (SmtEventRow *row)
{
  SmtEventItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (SMT_TYPE_EVENT_ITEM, NULL);
  self->row = row;
  return self;
}

const SmtEventRow *
smt_event_item_get_row (SmtEventItem *self)
{
  g_return_val_if_fail (SMT_IS_EVENT_ITEM (self), NULL);
  return self->row;
}
