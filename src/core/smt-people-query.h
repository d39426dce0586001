/* smt-people-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-register.h"

G_BEGIN_DECLS

/* The people list: ordered keys from SQL, rows fetched in blocks. The
 * order is Vietnamese by given name (tên, chữ lót, họ) through the stored
 * ICU sort keys. */

typedef struct
{
  const char *search;     /* folded substring match on the full name; NULL: all */
  gint64      hamlet_id;  /* 0: any */
  gboolean    living_only;/* hide the deceased and those who left the commune */
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
