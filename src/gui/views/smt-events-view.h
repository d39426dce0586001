/* smt-events-view.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Biến động: the journal of membership changes of a period, where a
 * change is recorded for a person found by name, and the balance of the
 * period (smt-balance.h): at the start + increases − decreases = at the
 * end, for every organisation or for one by hamlet. */
#define SMT_TYPE_EVENTS_VIEW (smt_events_view_get_type ())
G_DECLARE_FINAL_TYPE (SmtEventsView, smt_events_view, SMT, EVENTS_VIEW, GtkWidget)

typedef enum
{
  SMT_EVENTS_THIS_MONTH,
  SMT_EVENTS_LAST_MONTH,
  SMT_EVENTS_THIS_QUARTER,
  SMT_EVENTS_THIS_YEAR,
  SMT_EVENTS_LAST_YEAR,
  SMT_EVENTS_LAST_12_MONTHS,
  SMT_EVENTS_ALL,
} SmtEventsPeriod;

/* For the tests: what a user would choose and see. */
void        smt_events_view_choose         (SmtEventsView   *self,
                                            SmtEventsPeriod  period,
                                            gint64           organisation_id,
                                            int              kind);
GListModel *smt_events_view_get_model      (SmtEventsView   *self);
/* Shows the balance page (or the journal), as its switcher does; the rows
 * it shows (element-type SmtBalanceRow), NULL before it was shown. */
void        smt_events_view_show_balance   (SmtEventsView   *self,
                                            gboolean         shown);
GPtrArray  *smt_events_view_get_balance    (SmtEventsView   *self);
const char *smt_events_view_get_summary    (SmtEventsView   *self);
/* Searches people as the "Ghi biến động…" popover does; returns how many
 * were found, then opens the page of the one at position with its dialog. */
guint       smt_events_view_find_person    (SmtEventsView   *self,
                                            const char      *text);
gint64      smt_events_view_get_found      (SmtEventsView   *self,
                                            guint            position);
GtkWindow  *smt_events_view_record_for     (SmtEventsView   *self,
                                            guint            position);
/* "Kết nạp nhiều người…": the branches offered, then the dialog for one. */
guint       smt_events_view_list_branches  (SmtEventsView   *self);
GtkWindow  *smt_events_view_admit_several  (SmtEventsView   *self,
                                            guint            position);

G_END_DECLS
