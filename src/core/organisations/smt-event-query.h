/* smt-event-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-membership.h"

G_BEGIN_DECLS

/* Biến động: the membership events of a period, for the journal of the
 * window and `somattran events`. */

/* The journal's kinds: the event kinds (SmtEventKind), and the transfers a
 * restructure wrote (sắp xếp tổ chức) as a kind of their own, apart from
 * SMT_EVENT_TRANSFERRED, which is then only a chuyển sinh hoạt. */
#define SMT_JOURNAL_RESTRUCTURED SMT_N_EVENTS
/* Admissions written by an import (nhập từ danh sách), apart from kết nạp. */
#define SMT_JOURNAL_IMPORTED     (SMT_N_EVENTS + 1)
#define SMT_N_JOURNAL_KINDS      (SMT_N_EVENTS + 2)

const char *smt_journal_kind_to_string   (int          kind);   /* "admitted" … "restructured", "imported" */
gboolean    smt_journal_kind_from_string (const char  *text,
                                          int         *kind);
const char *smt_journal_kind_label       (int          kind);   /* translated: "Kết nạp" … */

typedef struct
{
  const char *from;             /* ISO date, inclusive; NULL: from the start */
  const char *to;               /* ISO date, inclusive; NULL: up to today */
  gint64      organisation_id;  /* 0: every organisation */
  int         kind;             /* a journal kind, or -1 for every kind */
} SmtEventFilter;

typedef struct
{
  gint64        id;
  SmtEventKind  kind;
  char         *date;            /* ISO */
  gint64        person_id;
  char         *person_name;     /* "Nguyễn Thị Lệ" */
  gint64        organisation_id;
  char         *organisation;    /* short name: "Phụ nữ" */
  gint64        branch_id;       /* the branch joined (admitted, transfers), else 0 */
  char         *branch;          /* its name, or NULL */
  char         *from_branch;     /* a transfer: the branch left, or NULL */
  char         *reason;
  char         *document;        /* quyết định số …, or "" */
  gint64        voids_event_id;  /* a void: the event it annuls, else 0 */
  gboolean      voided;          /* annulled by a later void */
  gint64        restructure_id;  /* a transfer a restructure wrote: the restructure, else 0 */
  gint64        import_batch_id; /* an admission an import wrote: the batch, else 0 */
  int           journal_kind;    /* kind, or SMT_JOURNAL_RESTRUCTURED, _IMPORTED */
} SmtEventRow;

void       smt_event_row_free (SmtEventRow *row);

/* The events in the filter's period, newest first (date, then the order
 * they were recorded), voids and voided ones included (marked);
 * (transfer full) (element-type SmtEventRow), NULL with error on a database
 * error or a bad date. */
GPtrArray *smt_events_list    (SmtRegister           *reg,
                               const SmtEventFilter  *filter,
                               GError               **error);

/* How many of rows are of each journal kind, not counting voided events
 * and the voids themselves; counts has SMT_N_JOURNAL_KINDS entries. */
void       smt_events_count   (GPtrArray             *rows,
                               guint                 *counts);

G_END_DECLS
