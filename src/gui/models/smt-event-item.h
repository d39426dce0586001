/* smt-event-item.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "core/organisations/smt-event-query.h"

G_BEGIN_DECLS

/* One membership event of the Biến động journal, for its list model. */
#define SMT_TYPE_EVENT_ITEM (smt_event_item_get_type ())
G_DECLARE_FINAL_TYPE (SmtEventItem, smt_event_item, SMT, EVENT_ITEM, GObject)

/* Takes ownership of row. */
SmtEventItem      *smt_event_item_new     (SmtEventRow  *row);
const SmtEventRow *smt_event_item_get_row (SmtEventItem *self);

G_END_DECLS
