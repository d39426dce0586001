/* smt-period.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A reporting period: a calendar month, quarter, half-year, the first nine
 * months or a whole year, or any range of dates (a resolution's term). Its
 * start and end are ISO dates, both inclusive. Written on the command line and
 * stored as "2025-05", "2025-Q2", "2025-H1", "2025-9M", "2025" or
 * "2021-01-01..2025-12-31"; shown as "Tháng 5/2025", "Quý II/2025"… */

typedef enum
{
  SMT_PERIOD_MONTH,
  SMT_PERIOD_QUARTER,
  SMT_PERIOD_HALF,        /* H1: 6 tháng đầu năm, H2: 6 tháng cuối năm */
  SMT_PERIOD_NINE_MONTHS, /* January to September */
  SMT_PERIOD_YEAR,
  SMT_PERIOD_RANGE,       /* any dates */
} SmtPeriodKind;

/* The longest series smt_period_series () makes (100 years of months). */
#define SMT_PERIOD_SERIES_MAX 1200

#define SMT_TYPE_PERIOD (smt_period_get_type ())

typedef struct _SmtPeriod SmtPeriod;

GType          smt_period_get_type         (void) G_GNUC_CONST;

/* Calendar periods; year 1800–9999. Out-of-range arguments are programming
 * errors (critical, NULL); text from users goes through smt_period_parse. */
SmtPeriod     *smt_period_new              (SmtPeriodKind    kind,
                                            int              year,
                                            int              index);
SmtPeriod     *smt_period_new_month        (int              year,
                                            int              month);
SmtPeriod     *smt_period_new_quarter      (int              year,
                                            int              quarter);
SmtPeriod     *smt_period_new_half         (int              year,
                                            int              half);
SmtPeriod     *smt_period_new_nine_months  (int              year);
SmtPeriod     *smt_period_new_year         (int              year);
/* From two ISO dates; refuses a bad date or an end before the start. */
SmtPeriod     *smt_period_new_range        (const char      *start,
                                            const char      *end,
                                            GError         **error);

SmtPeriod     *smt_period_copy             (const SmtPeriod *period);
void           smt_period_free             (SmtPeriod       *period);

/* Any of the written forms; surrounding spaces and the case of the letters
 * (q, h, m) do not matter. */
SmtPeriod     *smt_period_parse            (const char      *text,
                                            GError         **error);
/* The written form, which smt_period_parse reads back: "2025-Q2". */
char          *smt_period_to_code          (const SmtPeriod *period);
/* The translated label: "Quý II/2025", "Từ 01/01/2021 đến 31/12/2025". */
char          *smt_period_to_label         (const SmtPeriod *period);

SmtPeriodKind  smt_period_get_kind         (const SmtPeriod *period);
/* The calendar year (of the start, for a range). */
int            smt_period_get_year         (const SmtPeriod *period);
/* Month 1–12, quarter 1–4, half 1–2; 0 for nine months, a year, a range. */
int            smt_period_get_index        (const SmtPeriod *period);
const char    *smt_period_get_start        (const SmtPeriod *period);
const char    *smt_period_get_end          (const SmtPeriod *period);
/* The day stock figures are taken on: the last day. */
const char    *smt_period_stock_date       (const SmtPeriod *period);
gboolean       smt_period_contains         (const SmtPeriod *period,
                                            const char      *iso_date);

/* Periods of from's kind, one after the other, from `from` up to and
 * including `to`, which must be of the same kind and not a range, at most
 * SMT_PERIOD_SERIES_MAX of them. Nine months come one per year. Returns
 * (transfer full) (element-type SmtPeriod). */
GPtrArray     *smt_period_series           (const SmtPeriod *from,
                                            const SmtPeriod *to,
                                            GError         **error);

/* The last quarter that has ended by today (ISO): in May 2026, Quý I/2026;
 * in February, the year before's Quý IV. The period a report or a table of
 * figures opens on, since the running quarter's figures still move. NULL
 * when today is not a date. */
SmtPeriod     *smt_period_last_complete_quarter (const char *today);
/* By start, then end, then kind; for sorting. */
int            smt_period_compare          (const SmtPeriod *a,
                                            const SmtPeriod *b);
gboolean       smt_period_equal            (const SmtPeriod *a,
                                            const SmtPeriod *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtPeriod, smt_period_free)

G_END_DECLS
