/* smt-balance.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "core/targets/smt-period.h"

G_BEGIN_DECLS

/* Biến động that balance: for an organisation, the whole commune or one
 * hamlet, and a period, the members at the start, every increase and
 * every decrease, and the members at the end, so that
 *
 *   start + increases − decreases = end, exactly.
 *
 * "Members" are memberships_total's: the memberships of the organisation
 * open on a day (working away included), and for a hamlet those of people
 * whose residence on that day is in the hamlet. start is that count on
 * the day before the period's first day, end on its last day (the stock
 * day of the indicators). So a hamlet also gains and loses members who
 * move house: a member who comes to live in the hamlet is an increase,
 * one who moves to another hamlet or out of the commune a decrease, of
 * kinds of their own; the commune rows have none of them. A transfer
 * between branches, a restructure and going away change no count; they
 * are counted beside the balance (moves). Counted on the facts of the
 * member indicators (smt-member-facts.h), once per register content. */

typedef enum
{
  SMT_BALANCE_ADMITTED,         /* kết nạp mới */
  SMT_BALANCE_TRANSFERRED_IN,   /* chuyển đến from outside the commune */
  SMT_BALANCE_MOVED_IN,         /* a member came to live in the hamlet */
  SMT_BALANCE_IMPORTED,         /* nhập từ danh sách: a member list imported (smt-import-plan.h) */
  SMT_N_BALANCE_INCREASES
} SmtBalanceIncrease;

typedef enum
{
  SMT_BALANCE_TRANSFERRED_OUT,  /* chuyển đi out of the commune */
  SMT_BALANCE_LEFT,             /* ra khỏi tổ chức, xóa tên */
  SMT_BALANCE_DECEASED,         /* từ trần */
  SMT_BALANCE_MOVED_OUT,        /* a member went to live elsewhere (another hamlet, or out of
                                 * the commune without a membership event yet) */
  SMT_N_BALANCE_DECREASES
} SmtBalanceDecrease;

typedef enum
{
  SMT_BALANCE_TRANSFERRED,      /* chuyển sinh hoạt trong xã */
  SMT_BALANCE_RESTRUCTURED,     /* sắp xếp tổ chức */
  SMT_BALANCE_AWAY,             /* đi làm ăn xa */
  SMT_N_BALANCE_MOVES
} SmtBalanceMove;

/* hamlet_id of the row of members who live in no hamlet of the commune
 * on the day (moved out, no residence recorded). */
#define SMT_BALANCE_NO_HAMLET (-1)

typedef struct
{
  gint64  organisation_id;
  char   *organisation;          /* its code: "PN" */
  char   *organisation_name;     /* its short name: "Phụ nữ" */
  gint64  hamlet_id;             /* 0: the whole commune; SMT_BALANCE_NO_HAMLET */
  char   *hamlet;                /* the hamlet's name; NULL for the whole commune and for
                                  * SMT_BALANCE_NO_HAMLET */
  guint   start;
  guint   end;
  guint   increases[SMT_N_BALANCE_INCREASES];
  guint   decreases[SMT_N_BALANCE_DECREASES];
  guint   moves[SMT_N_BALANCE_MOVES];
} SmtBalanceRow;

void        smt_balance_row_free          (SmtBalanceRow      *row);

/* The total of the increases, of the decreases. */
guint       smt_balance_row_increased     (const SmtBalanceRow *row);
guint       smt_balance_row_decreased     (const SmtBalanceRow *row);

/* The rows of a period: for each organisation (organisation_id, or 0 for
 * every one, in position order) the whole commune, then each hamlet in
 * Vietnamese order of name, then the members living in no hamlet when
 * they are or were some (any figure not 0). (transfer full)
 * (element-type SmtBalanceRow), NULL with error on a database error or an
 * unknown organisation. */
GPtrArray  *smt_balance_compute           (SmtRegister         *reg,
                                           const SmtPeriod     *period,
                                           gint64               organisation_id,
                                           GError             **error);

/* The same for many periods at once, in one pass over the changes:
 * element i (a GPtrArray of SmtBalanceRow) is for periods[i]. Every
 * period has the same rows, the no-hamlet row included when any period
 * needs it. (transfer full), NULL with error. */
GPtrArray  *smt_balance_compute_series    (SmtRegister         *reg,
                                           SmtPeriod * const   *periods,
                                           guint                n_periods,
                                           gint64               organisation_id,
                                           GError             **error);

/* "admitted", "transferred_in", "moved_in", "imported"; "transferred_out", "left",
 * "deceased", "moved_out"; "transferred", "restructured", "away" (the
 * keys of `somattran balance --json`), and their translated labels. */
const char *smt_balance_increase_to_string (SmtBalanceIncrease kind);
const char *smt_balance_decrease_to_string (SmtBalanceDecrease kind);
const char *smt_balance_move_to_string     (SmtBalanceMove     kind);
const char *smt_balance_increase_label     (SmtBalanceIncrease kind);
const char *smt_balance_decrease_label     (SmtBalanceDecrease kind);
const char *smt_balance_move_label         (SmtBalanceMove     kind);

G_END_DECLS
