/* smt-person-item.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "core/people/smt-people-query.h"

G_BEGIN_DECLS

#define SMT_TYPE_PERSON_ITEM (smt_person_item_get_type ())
G_DECLARE_FINAL_TYPE (SmtPersonItem, smt_person_item, SMT, PERSON_ITEM, GObject)

SmtPersonItem *smt_person_item_new               (const SmtPersonRow *row);
gint64         smt_person_item_get_id            (SmtPersonItem      *self);
const char    *smt_person_item_get_full_name     (SmtPersonItem      *self);
int            smt_person_item_get_birth_year    (SmtPersonItem      *self);
const char    *smt_person_item_get_sex_label     (SmtPersonItem      *self);
const char    *smt_person_item_get_hamlet        (SmtPersonItem      *self);
const char    *smt_person_item_get_organisations (SmtPersonItem      *self);
gboolean       smt_person_item_get_deceased      (SmtPersonItem      *self);

G_END_DECLS
