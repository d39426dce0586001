/* smt-organisations-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/register/smt-register.h"

G_BEGIN_DECLS

#define SMT_TYPE_ORGANISATIONS_VIEW (smt_organisations_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtOrganisationsView, smt_organisations_view, SMT, ORGANISATIONS_VIEW,
                      GtkWidget)

GtkWidget *smt_organisations_view_new     (void);
/* Shows the organisations of reg (NULL: nothing), the first one and its
 * first branch chosen; FALSE with error when the register cannot be read. */
gboolean   smt_organisations_view_refresh (SmtOrganisationsView  *self,
                                           SmtRegister           *reg,
                                           GError               **error);

/* After a change: reads the register again, keeping the choice. */
gboolean   smt_organisations_view_reload  (SmtOrganisationsView  *self,
                                           GError               **error);

/* For the tests: chooses an organisation and one of its branches (0: its
 * first) by key, as a click would; FALSE if either is not listed. */
gboolean   smt_organisations_view_select  (SmtOrganisationsView  *self,
                                           gint64                 organisation_id,
                                           gint64                 branch_id);
/* The organisation chosen in the list, 0 when none (the import proposes it). */
gint64     smt_organisations_view_get_organisation_id (SmtOrganisationsView *self);
/* For the tests: the persons' keys of the member rows shown, in order;
 * (transfer full) (element-type gint64). */
GArray    *smt_organisations_view_dup_member_ids (SmtOrganisationsView *self);
/* For the tests: the keys of the leaders' terms shown, in order;
 * (transfer full) (element-type gint64). */
GArray    *smt_organisations_view_dup_leader_ids (SmtOrganisationsView *self);
/* For the tests: the member count shown in the branch's row, 0 when none. */
guint      smt_organisations_view_get_branch_count (SmtOrganisationsView *self);

G_END_DECLS
