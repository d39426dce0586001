/* smt-member-spans.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "smt-membership.h"

G_BEGIN_DECLS

/* Every membership as a list of spans, computed in one pass over the
 * current membership events (not 'void', not voided) in (person,
 * organisation, date, id) order. It is what the indicators count on.
 *
 * A span is a run of days, both ends inclusive, in one branch with one
 * state (active or working away). The replay of one person in one
 * organisation, events of the same day in key order:
 * - admitted, transferred_in open a span on the event date;
 * - transferred closes the span on the day before and opens one in the new
 *   branch on the event date, so a member is in exactly one branch on any
 *   day and is never counted twice;
 * - away closes the active span on the day before and opens an away span on
 *   the event date; back does the reverse;
 * - transferred_out, left, removed, deceased close the span on the day
 *   before: on the event date itself the person is no longer a member.
 * This matches smt_membership_state_on (), which gives the state at the end
 * of a date. A span that would end before it starts (two events on one
 * day) is dropped, and the event that opened it opens the span that
 * follows on the same day instead (or, when the membership closes that
 * day, the event that closes it closes the span before): so the first
 * span of a membership is always opened by admitted or transferred_in,
 * the last is closed by transferred_out, left, removed or deceased (or is
 * open), and the spans between are linked by the event that ends one and
 * starts the next. An event that cannot happen where it stands (only a
 * damaged register has one; smt_register_check reports it) is skipped. */

typedef struct
{
  gint64        person_id;
  gint64        organisation_id;
  gint64        branch_id;        /* the branch during this span */
  char          start[11];        /* first day of the span, YYYY-MM-DD */
  char          end[11];          /* last day, "" while open */
  gboolean      away;             /* đi làm ăn xa during this span (still a member) */
  gint64        start_event_id;   /* the event that opened the span */
  gint64        end_event_id;     /* the event that closed it, 0 while open */
  SmtEventKind  start_kind;       /* admitted, transferred_in, transferred, away, back */
  SmtEventKind  end_kind;         /* transferred, transferred_out, left, removed, away, back,
                                   * deceased; SMT_N_EVENTS while open */
  gboolean      restructured;     /* opened by a transfer a restructure wrote (sắp xếp lại) */
  gboolean      imported;         /* opened by an admission an import wrote (nhập từ danh
                                   * sách, smt-import-plan.h) */
} SmtMemberSpan;

/* The spans of every membership of one organisation (0: of all), ordered
 * by person, organisation, start. Returns (transfer full) (element-type
 * SmtMemberSpan), NULL with error set on a database error. */
GArray *smt_member_spans_load     (SmtRegister *reg,
                                   gint64       organisation_id,
                                   GError     **error);

/* The spans of every membership of all organisations, as
 * smt_member_spans_load (reg, 0) gives them, read once and kept on the
 * register until its content changes (smt_register_get_cached). Borrowed:
 * valid until the next write to the register. NULL with error set on a
 * database error. */
GArray *smt_member_spans_get      (SmtRegister *reg,
                                   GError     **error);

/* Whether the span covers the date: start <= date and (end == "" or
 * end >= date). */
gboolean smt_member_span_covers   (const SmtMemberSpan *span,
                                   const char          *date);

/* Members on a date: the spans that cover it, counted as memberships, or
 * as distinct persons across organisations when by_person (the spans must
 * then be grouped by person, as smt_member_spans_load orders them). Spans
 * of people working away count only when include_away. */
guint   smt_member_spans_count_on (GArray      *spans,
                                   const char  *date,
                                   gboolean     by_person,
                                   gboolean     include_away);

G_END_DECLS
