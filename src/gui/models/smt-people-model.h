/* smt-people-model.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "core/people/smt-people-query.h"
#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_PEOPLE_MODEL (smt_people_model_get_type ())
G_DECLARE_FINAL_TYPE (SmtPeopleModel, smt_people_model, SMT, PEOPLE_MODEL, GObject)

SmtPeopleModel *smt_people_model_new          (SmtRegister    *reg);
SmtRegister    *smt_people_model_get_register (SmtPeopleModel *self);
const char     *smt_people_model_get_search   (SmtPeopleModel *self);
gboolean        smt_people_model_set_search   (SmtPeopleModel *self,
                                               const char     *search,
                                               GError        **error);
gboolean        smt_people_model_set_filter   (SmtPeopleModel        *self,
                                               const SmtPeopleFilter *filter,
                                               GError               **error);
const SmtPeopleFilter *smt_people_model_get_filter (SmtPeopleModel *self);
gboolean        smt_people_model_refresh      (SmtPeopleModel *self,
                                               GError        **error);
gint64          smt_people_model_get_id       (SmtPeopleModel *self,
                                               guint           position);
guint64         smt_people_model_get_rows_fetched (SmtPeopleModel *self);

G_END_DECLS
