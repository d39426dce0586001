/* smt-indicators-private.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register-private.h"
#include "smt-indicators.h"

G_BEGIN_DECLS

/* The groups of computed indicators. Each computes one indicator for
 * n_results periods at once: every results[i] has info, code and period
 * set (the same info in all; periods of any kinds, in any order) and,
 * when query->explain, empty row lists; scope is the organisations
 * counted (the one of query->organisation_id when that is set). Each
 * fills numerator,
 * denominator, value, defined and, when explaining, the row lists.
 * The facts counted on are read once per register content
 * (smt_register_get_cached). Returns FALSE with error on a database
 * error. */

/* households_covered, members_studied, gathering_rate, memberships_total,
 * members_total, members_admitted, members_transferred_in,
 * members_transferred_out, members_transferred, members_left,
 * members_deceased, members_away (smt-indicators-members.c) */
gboolean smt_indicators_compute_members  (SmtRegister             *reg,
                                          const SmtIndicatorQuery *query,
                                          const SmtScope          *scope,
                                          SmtIndicatorResult     **results,
                                          guint                    n_results,
                                          GError                 **error);

/* branches_strong, organisations_strong, officers_political,
 * officers_professional, officers_university, leaders_party,
 * branches_meeting, meeting_attendance, meetings_party_present
 * (smt-indicators-branches.c) */
gboolean smt_indicators_compute_branches (SmtRegister             *reg,
                                          const SmtIndicatorQuery *query,
                                          const SmtScope          *scope,
                                          SmtIndicatorResult     **results,
                                          guint                    n_results,
                                          GError                 **error);

/* Appends an explanation row (label and because are copied). */
void     smt_explain_add                 (GPtrArray               *rows,
                                          const char              *kind,
                                          gint64                   id,
                                          const char              *label,
                                          const char              *because);

G_END_DECLS
