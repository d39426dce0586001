/* smt-household-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Read-only lists of households and of who lives in them, for the person
 * dialogs of the window and `somattran households` / `somattran household`.
 * "Lives there" means: the person's latest valid residence row on the day
 * names the household, and the person had not died by then. */

typedef struct
{
  gint64    id;
  gint64    hamlet_id;
  char     *hamlet;        /* "Ấp 3" */
  char     *address;       /* "" when none recorded */
  gint64    head_id;       /* the member living there flagged chủ hộ, 0: none */
  char     *head;          /* "Nguyễn Văn Ba", "" when none */
  guint     members;       /* people living there on the day */
  char     *label;         /* "Hộ Nguyễn Văn Ba — số 12, Ấp 3" */
} SmtHouseholdInfo;

void              smt_household_info_free   (SmtHouseholdInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtHouseholdInfo, smt_household_info_free)

/* The households of one hamlet (0: every hamlet) on date (NULL: today),
 * empty ones included, by hamlet name, then address in natural order
 * ("số 2" before "số 10"), then the head's name; (transfer full)
 * (element-type SmtHouseholdInfo), NULL with error on a database error. */
GPtrArray        *smt_households_list       (SmtRegister  *reg,
                                             gint64        hamlet_id,
                                             const char   *date,
                                             GError      **error);

/* The households whose address or head's name contains text, compared
 * without tones, case or đ ("nguyen van ba", "so 12"), in the order of
 * smt_households_list, at most limit (0: all); an empty text finds none. */
GPtrArray        *smt_households_search     (SmtRegister  *reg,
                                             const char   *text,
                                             guint         limit,
                                             GError      **error);

/* One household today; NULL with SMT_REGISTER_ERROR_NOT_FOUND when there
 * is none with that key. */
SmtHouseholdInfo *smt_household_get         (SmtRegister  *reg,
                                             gint64        household_id,
                                             GError      **error);

typedef struct
{
  gint64    person_id;
  char     *name;          /* "Nguyễn Thị Mỹ Lệ" */
  char      sex;           /* 'M' or 'F' */
  int       birth_year;
  gboolean  head;          /* chủ hộ */
  char     *since;         /* ISO date the current residence row began */
  gint64    residence_id;  /* that row */
} SmtHouseholdMember;

void              smt_household_member_free (SmtHouseholdMember *member);

/* The people living in a household on date (NULL: today): the head
 * first, then the oldest first, then by given name in Vietnamese order;
 * (transfer full) (element-type SmtHouseholdMember), NULL with error when
 * there is no such household or on a database error. */
GPtrArray        *smt_household_members     (SmtRegister  *reg,
                                             gint64        household_id,
                                             const char   *date,
                                             GError      **error);

/* Compares two addresses the way people read them: without case, with
 * runs of digits compared as numbers, letters in Vietnamese order. */
int               smt_address_compare       (const char   *a,
                                             const char   *b);

G_END_DECLS
