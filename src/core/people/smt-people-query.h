/* smt-people-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* The people list: ordered keys from SQL, rows fetched in blocks. The
 * order is Vietnamese by given name (tên, chữ lót, họ) through the stored
 * ICU sort keys. */

/* Membership status in one organisation (or in any, when the filter names
 * none), today. */
typedef enum
{
  SMT_PEOPLE_STATUS_ANY = 0,
  SMT_PEOPLE_STATUS_ACTIVE,  /* a member, not working away */
  SMT_PEOPLE_STATUS_AWAY,    /* a member working away (đi làm ăn xa) */
  SMT_PEOPLE_STATUS_LEFT,    /* was a member, is no longer */
  SMT_PEOPLE_STATUS_NEVER,   /* has never been a member */
  SMT_PEOPLE_STATUS_MEMBER,  /* a member, working away or not */
} SmtPeopleStatus;

typedef enum
{
  SMT_PEOPLE_PARTY_ANY = 0,
  SMT_PEOPLE_PARTY_YES,      /* a Party member (party_since set) */
  SMT_PEOPLE_PARTY_NO,
} SmtPeopleParty;

/* The order of the list; ties keep the Vietnamese name order. */
typedef enum
{
  SMT_PEOPLE_ORDER_NAME = 0,    /* tên, chữ lót, họ */
  SMT_PEOPLE_ORDER_BIRTH_YEAR,
  SMT_PEOPLE_ORDER_SEX,         /* men first */
  SMT_PEOPLE_ORDER_HAMLET,      /* the hamlet lived in today, Vietnamese order;
                                 * people living elsewhere last */
} SmtPeopleOrder;

/* Every field's zero means "no filter", so designated initialisers name
 * only what they filter on. */
typedef struct
{
  const char      *search;          /* folded substring match on the full name; NULL: all */
  gint64           hamlet_id;       /* 0: any; the hamlet lived in today */
  gboolean         living_only;     /* hide the deceased and those who left the commune */
  gint64           organisation_id; /* 0: any. With status ANY: a member of it today
                                     * (working away or not); else the organisation
                                     * status is about. Without it, status is about
                                     * any organisation: ACTIVE or AWAY in at least
                                     * one, LEFT a past member of some with none open
                                     * today, NEVER no membership ever. */
  char             sex;             /* 0: any; 'M' or 'F' */
  int              age_min;         /* 0: no bound; age today, birthday reached */
  int              age_max;         /* 0: no bound */
  SmtPeopleStatus  status;
  SmtPeopleParty   party;
  SmtPeopleOrder   order;           /* NAME: the index's order, no sort step */
  gboolean         descending;
} SmtPeopleFilter;

/* Keys of the matching people in order; (transfer full). */
GArray  *smt_people_query_ids (SmtRegister           *reg,
                               const SmtPeopleFilter *filter,
                               GError               **error);

typedef struct
{
  gint64  id;
  char   *full_name;    /* "Nguyễn Thị Mỹ Lệ" */
  char    sex;          /* 'M' or 'F' */
  int     birth_year;
  char   *hamlet;       /* current hamlet, "" when none */
  char   *organisations;/* short names of open memberships: "Phụ nữ, Nông dân" */
  gboolean deceased;
} SmtPersonRow;

void     smt_person_row_clear  (SmtPersonRow *row);

/* Fills rows[0..n) for ids[0..n) (n at most 512), in the order given. */
gboolean smt_people_fetch_rows (SmtRegister  *reg,
                                const gint64 *ids,
                                guint         n,
                                const char   *on_date,
                                SmtPersonRow *rows,
                                GError      **error);

guint    smt_people_count      (SmtRegister  *reg);

G_END_DECLS
