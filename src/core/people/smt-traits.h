/* smt-traits.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* The facts that make a person eligible for an organisation beyond age
 * and sex: "Cựu quân nhân" for the Cựu chiến binh, "Người lao động, cán
 * bộ, công chức" for the Công đoàn. The list of traits is data the office
 * edits (each change in the change log); an organisation's rule may ask
 * for one (SmtOrganisationFields.trait_id). A person has a trait from a
 * day (NULL: since before the register knows) until a day, that day
 * included (NULL: still): history, corrected by a row that supersedes. */

typedef struct
{
  gint64  id;
  char   *code;           /* "CQN" */
  char   *name;           /* "Cựu quân nhân" */
  int     position;
  char   *organisations;  /* short names of the organisations that ask for it, "" */
  guint   people;         /* people who have it today */
} SmtTraitInfo;

void       smt_trait_info_free  (SmtTraitInfo *info);

/* Every trait by position, then name; (transfer full) (element-type
 * SmtTraitInfo), NULL with error on a database error. */
GPtrArray *smt_traits_list      (SmtRegister  *reg,
                                 GError      **error);

/* The key of the trait with that code (case ignored), 0 when none. */
gint64     smt_trait_lookup     (SmtRegister  *reg,
                                 const char   *code);

gint64     smt_trait_add        (SmtRegister  *reg,
                                 const char   *code,
                                 const char   *name,
                                 int           position,
                                 GError      **error);
gboolean   smt_trait_update     (SmtRegister  *reg,
                                 gint64        trait_id,
                                 const char   *code,
                                 const char   *name,
                                 int           position,
                                 const char   *reason,
                                 GError      **error);
/* Refused while a person's record or an organisation's rule names it. */
gboolean   smt_trait_delete     (SmtRegister  *reg,
                                 gint64        trait_id,
                                 GError      **error);

typedef struct
{
  gint64    id;
  gint64    person_id;
  gint64    trait_id;
  char     *code;
  char     *name;
  char     *from_date;      /* ISO, NULL: since before the register knows */
  char     *to_date;        /* ISO, the last day; NULL: still */
  char     *reason;
  gboolean  current;        /* not superseded and not a void */
  gboolean  voids;          /* this row voids the one it supersedes */
  gint64    supersedes;     /* 0 when none */
  char     *entered_at;
} SmtPersonTraitRow;

void       smt_person_trait_row_free (SmtPersonTraitRow *row);

/* Records that the person has the trait from from_date (NULL: since
 * before the register knows) to to_date (NULL: still); refused when it
 * overlaps a current record of the same trait. Returns the row's key. */
gint64     smt_person_trait_add  (SmtRegister  *reg,
                                  gint64        person_id,
                                  gint64        trait_id,
                                  const char   *from_date,
                                  const char   *to_date,
                                  const char   *reason,
                                  GError      **error);
/* Ends (or corrects the end of) a current record: a row superseding it
 * with to_date. */
gint64     smt_person_trait_end  (SmtRegister  *reg,
                                  gint64        person_trait_id,
                                  const char   *to_date,
                                  const char   *reason,
                                  GError      **error);
/* Voids a current record (it was wrong): a voiding row superseding it;
 * a reason is required. */
gint64     smt_person_trait_void (SmtRegister  *reg,
                                  gint64        person_trait_id,
                                  const char   *reason,
                                  GError      **error);

/* The person's records by trait position, then start: the current ones,
 * or with history every row (the superseded and the voids too, by key).
 * (transfer full) (element-type SmtPersonTraitRow). */
GPtrArray *smt_person_traits     (SmtRegister  *reg,
                                  gint64        person_id,
                                  gboolean      history,
                                  GError      **error);

/* Whether the person has the trait on date (ISO) by a current record. */
gboolean   smt_person_has_trait  (SmtRegister  *reg,
                                  gint64        person_id,
                                  gint64        trait_id,
                                  const char   *date);

/* "Cựu quân nhân (từ 01/05/1985)", "Người lao động (01/01/2016 – 31/12/2025)";
 * for lists. */
char      *smt_person_trait_describe (const SmtPersonTraitRow *row);

G_END_DECLS
