/* smt-membership.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* Membership history: one append-only row per event. A person's state in
 * an organisation is the replay of their non-voided events in date order;
 * every new event (even a back-dated one) must leave that replay valid. */

typedef enum
{
  SMT_EVENT_ADMITTED,        /* kết nạp: needs branch_id */
  SMT_EVENT_TRANSFERRED,     /* chuyển sinh hoạt to another branch of the same organisation */
  SMT_EVENT_TRANSFERRED_IN,  /* chuyển đến from outside the commune: needs branch_id */
  SMT_EVENT_TRANSFERRED_OUT, /* chuyển đi out of the commune: closes */
  SMT_EVENT_LEFT,            /* ra khỏi tổ chức: closes */
  SMT_EVENT_REMOVED,         /* xóa tên: closes */
  SMT_EVENT_AWAY,            /* đi làm ăn xa: still a member */
  SMT_EVENT_BACK,            /* trở về sinh hoạt */
  SMT_EVENT_DECEASED,        /* closes; recorded by smt_person_record_death */
  SMT_EVENT_VOID,            /* annuls the event named by voids_event_id */
  SMT_N_EVENTS
} SmtEventKind;

const char   *smt_event_kind_to_string   (SmtEventKind  kind);   /* "admitted" … */
gboolean      smt_event_kind_from_string (const char   *text,
                                          SmtEventKind *kind);
const char   *smt_event_kind_label       (SmtEventKind  kind);   /* translated: "Kết nạp" */

typedef struct
{
  SmtEventKind  kind;
  gint64        person_id;
  gint64        organisation_id; /* may be 0 when branch_id is given */
  gint64        branch_id;       /* admitted, transferred, transferred_in */
  const char   *date;            /* YYYY-MM-DD, not in the future */
  const char   *reason;
  const char   *document;        /* quyết định số … */
  /* Eligibility (age, sex) is enforced unless the user confirmed an
   * exception: then this holds why, and is recorded on the event. */
  const char   *exception_note;
  gint64        voids_event_id;  /* SMT_EVENT_VOID only */
  /* SMT_EVENT_TRANSFERRED only: the restructure (sắp xếp lại) this
   * transfer belongs to, 0 for a chuyển sinh hoạt. The transfer must then
   * go into the restructure's branch on its date (smt-restructure.h). */
  gint64        restructure_id;
} SmtMembershipChange;

gint64 smt_membership_record (SmtRegister               *reg,
                              const SmtMembershipChange *change,
                              GError                   **error);

typedef enum
{
  SMT_MEMBER_NONE,    /* never a member, or closed */
  SMT_MEMBER_ACTIVE,
  SMT_MEMBER_AWAY,
} SmtMemberState;

/* State of a person in an organisation at the end of a date. */
SmtMemberState smt_membership_state_on (SmtRegister *reg,
                                        gint64       person_id,
                                        gint64       organisation_id,
                                        const char  *date,
                                        gint64      *branch_id);

G_END_DECLS
