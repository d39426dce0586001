/* smt-people.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Hamlets (ấp, thôn, khu phố, tổ dân phố…), households, people and where
 * they live. Every write validates, runs in its own savepoint and returns
 * the new row's key (0 on error). Text is stored NFC. */

gint64   smt_hamlet_add          (SmtRegister  *reg,
                                  const char   *name,
                                  const char   *kind,
                                  GError      **error);
gboolean smt_hamlet_rename       (SmtRegister  *reg,
                                  gint64        hamlet_id,
                                  const char   *name,
                                  const char   *kind,
                                  GError      **error);
/* Key of the hamlet with that name, compared without tones and case
 * ("ap 3" finds "Ấp 3"); 0 when none or more than one match. */
gint64   smt_hamlet_lookup       (SmtRegister  *reg,
                                  const char   *name);
gboolean smt_hamlet_delete       (SmtRegister  *reg,
                                  gint64        hamlet_id,
                                  GError      **error);

gint64   smt_household_add       (SmtRegister  *reg,
                                  gint64        hamlet_id,
                                  const char   *address,
                                  const char   *formed_on,
                                  GError      **error);
gboolean smt_household_update    (SmtRegister  *reg,
                                  gint64        household_id,
                                  gint64        hamlet_id,
                                  const char   *address,
                                  const char   *reason,
                                  GError      **error);
gboolean smt_household_delete    (SmtRegister  *reg,
                                  gint64        household_id,
                                  GError      **error);

typedef enum
{
  SMT_SEX_MALE   = 'M',
  SMT_SEX_FEMALE = 'F',
} SmtSex;

typedef struct
{
  const char *ho;          /* family name: "Nguyễn" */
  const char *chu_lot;     /* middle name(s), may be empty: "Thị Mỹ" */
  const char *ten;         /* given name: "Lệ" */
  SmtSex      sex;
  const char *birth_date;  /* YYYY-MM-DD, or NULL when only the year is known */
  int         birth_year;  /* required; must match birth_date */
  const char *ethnicity;   /* optional personal data */
  const char *religion;
  const char *cccd;        /* optional, 12 digits */
  const char *phone;
  const char *party_since; /* YYYY-MM-DD of Party admission, NULL if none */
  const char *note;
} SmtPersonFields;

gint64   smt_person_add          (SmtRegister           *reg,
                                  const SmtPersonFields *fields,
                                  GError               **error);
gboolean smt_person_update       (SmtRegister           *reg,
                                  gint64                 person_id,
                                  const SmtPersonFields *fields,
                                  const char            *reason,
                                  GError               **error);
/* Refused while the person has any history (residence, memberships…). */
gboolean smt_person_delete       (SmtRegister           *reg,
                                  gint64                 person_id,
                                  GError               **error);
/* Records the death and closes every open membership with a 'deceased'
 * event on that date. */
gboolean smt_person_record_death (SmtRegister           *reg,
                                  gint64                 person_id,
                                  const char            *date,
                                  const char            *reason,
                                  GError               **error);

/* Moves a person into a household (household_id 0: leaves the commune)
 * from a date. Returns the residence row's key. */
gint64   smt_residence_move      (SmtRegister  *reg,
                                  gint64        person_id,
                                  gint64        household_id,
                                  const char   *from_date,
                                  gboolean      is_head,
                                  const char   *reason,
                                  GError      **error);
gint64   smt_residence_void      (SmtRegister  *reg,
                                  gint64        residence_id,
                                  const char   *reason,
                                  GError      **error);

G_END_DECLS
