/* smt-admission-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Kết nạp hàng loạt: who may be admitted into a branch, and admitting
 * several people into it at once, all or nothing. */

typedef struct
{
  gint64  person_id;
  char   *full_name;   /* "Nguyễn Thị Mỹ Lệ" */
  char    sex;         /* 'M' or 'F' */
  int     birth_year;
  int     age;         /* full years on the day asked */
  char   *hamlet;      /* where the person lives on that day */
} SmtAdmissionCandidate;

void       smt_admission_candidate_free (SmtAdmissionCandidate *candidate);

/* The people who could join the branch on date (NULL: today): alive and
 * living on that day in one of the hamlets the branch serves (a tổ hội
 * without hamlets of its own: those of its chi hội; a branch with none:
 * anywhere in the commune), of the age and sex the organisation gathers,
 * recorded on that day with the trait its rule asks for (cựu quân nhân …),
 * and not a member of the organisation on that day or after. search
 * (nullable) keeps those whose name contains it, tones and case ignored.
 * By given name in Vietnamese order. (transfer full) (element-type
 * SmtAdmissionCandidate); NULL with error for an unknown or dissolved
 * branch, a bad date or a database error. */
GPtrArray *smt_admission_candidates     (SmtRegister  *reg,
                                         gint64        branch_id,
                                         const char   *date,
                                         const char   *search,
                                         GError      **error);

/* Admits every person of person_ids into the branch on date, in one
 * transaction: when one is refused nothing is written, error names that
 * person and says why, and failed_person (nullable) is set to their key.
 * event_ids (nullable) receives the keys of the new events, in the order
 * of person_ids. */
gboolean   smt_admission_admit          (SmtRegister   *reg,
                                         gint64         branch_id,
                                         const gint64  *person_ids,
                                         guint          n_persons,
                                         const char    *date,
                                         const char    *document,
                                         const char    *reason,
                                         GArray        *event_ids,
                                         gint64        *failed_person,
                                         GError       **error);

/* Voids every event of event_ids (the admissions of one batch), in one
 * transaction, with reason: all or nothing. */
gboolean   smt_admission_void           (SmtRegister   *reg,
                                         GArray        *event_ids,
                                         const char    *reason,
                                         GError       **error);

G_END_DECLS
