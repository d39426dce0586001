/* smt-households.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Writes that create a household and move people into it, all or
 * nothing: each runs in one savepoint, so a refusal writes nothing. */

/* A new household in hamlet_id at address, formed on date, into which
 * the n people of person_ids move on that date; head_id (one of them, or
 * 0) becomes its head. Returns the new household's key, and in
 * residence_ids (nullable) the keys of the residence rows written, in the
 * order of person_ids; 0 on error. */
gint64   smt_household_form  (SmtRegister   *reg,
                              gint64         hamlet_id,
                              const char    *address,
                              const char    *date,
                              const gint64  *person_ids,
                              guint          n_people,
                              gint64         head_id,
                              const char    *reason,
                              GArray       **residence_ids,
                              GError       **error);

/* Tách hộ: as smt_household_form, for some (not all) of the people who
 * live in household_id on date. */
gint64   smt_household_split (SmtRegister   *reg,
                              gint64         household_id,
                              gint64         hamlet_id,
                              const char    *address,
                              const char    *date,
                              const gint64  *person_ids,
                              guint          n_people,
                              gint64         head_id,
                              const char    *reason,
                              GArray       **residence_ids,
                              GError       **error);

/* Undoes smt_household_form or smt_household_split: voids each residence
 * row (the household stays in history, empty). */
gboolean smt_residences_void (SmtRegister   *reg,
                              GArray        *residence_ids,
                              const char    *reason,
                              GError       **error);

/* A date of birth as typed: a year alone ("1962") or a date ("05/02/1962",
 * "1962-02-05"). Sets year and iso (NULL for a year alone); FALSE when the
 * text is neither. */
gboolean smt_birth_parse     (const char    *text,
                              int           *year,
                              char         **iso);

G_END_DECLS
