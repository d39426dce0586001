/* smt-report-changes.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "core/indicators/smt-balance.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-scope.h"
#include "smt-report-annex.h"
#include "smt-report-sections.h"
#include "smt-reports-private.h"

/* Biến động for a period as a balance (smt-balance.h), by organisation
 * and hamlet: members at the start, the increases (kết nạp mới, chuyển
 * đến, came to live in the hamlet), the decreases (chuyển đi, ra khỏi tổ
 * chức / xóa tên, từ trần, went to live elsewhere), members at the end,
 * and beside them the changes that move no count (chuyển sinh hoạt trong
 * xã, sắp xếp tổ chức, đi làm ăn xa). Every row closes: start + increases
 * − decreases = end. Its figures are those of memberships_total and of
 * the flow indicators (members_admitted …), which count the same events
 * as the journal (`somattran events`). */

enum
{
  COL_NUMBER,
  COL_HAMLET,
  COL_START,
  COL_INCREASES,
  COL_DECREASES = COL_INCREASES + SMT_N_BALANCE_INCREASES,
  COL_END = COL_DECREASES + SMT_N_BALANCE_DECREASES,
  COL_MOVES,
  N_COLUMNS = COL_MOVES + SMT_N_BALANCE_MOVES
};

/* A balance row's figures; moves of house do not apply to the commune. */
static void
fill (SmtReportRow        *row,
      const SmtBalanceRow *b)
{
  smt_report_row_set_int (row, COL_START, b->start);
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    if (k == SMT_BALANCE_MOVED_IN && b->hamlet_id == 0)
      smt_report_row_set_none (row, COL_INCREASES + k, SMT_REPORT_CELL_INT);
    else
      smt_report_row_set_int (row, COL_INCREASES + k, b->increases[k]);
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    if (k == SMT_BALANCE_MOVED_OUT && b->hamlet_id == 0)
      smt_report_row_set_none (row, COL_DECREASES + k, SMT_REPORT_CELL_INT);
    else
      smt_report_row_set_int (row, COL_DECREASES + k, b->decreases[k]);
  smt_report_row_set_int (row, COL_END, b->end);
  for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
    smt_report_row_set_int (row, COL_MOVES + k, b->moves[k]);
}

static void
add_to (SmtBalanceRow       *sum,
        const SmtBalanceRow *b)
{
  sum->start += b->start;
  sum->end += b->end;
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    sum->increases[k] += b->increases[k];
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    sum->decreases[k] += b->decreases[k];
  for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
    sum->moves[k] += b->moves[k];
}

static void
header (SmtReport *report)
{
  SmtReportRow *r0 = smt_report_add_header_row (report);
  SmtReportRow *r1 = smt_report_add_header_row (report);

  /* TRANSLATORS: column headings of the membership changes report */
  smt_report_row_set_text (r0, COL_NUMBER, C_("changes heading", "No."));
  smt_report_row_set_text (r0, COL_HAMLET, C_("changes heading", "Hamlet"));
  smt_report_row_set_text (r0, COL_START, C_("changes heading", "At the start"));
  smt_report_row_set_text (r0, COL_INCREASES, C_("changes heading", "Increases"));
  smt_report_row_set_text (r0, COL_DECREASES, C_("changes heading", "Decreases"));
  smt_report_row_set_text (r0, COL_END, C_("changes heading", "At the end"));
  smt_report_row_set_text (r0, COL_MOVES, C_("changes heading", "No change in number"));
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    smt_report_row_set_text (r1, COL_INCREASES + k, smt_balance_increase_label (k));
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    smt_report_row_set_text (r1, COL_DECREASES + k, smt_balance_decrease_label (k));
  for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
    smt_report_row_set_text (r1, COL_MOVES + k, smt_balance_move_label (k));
  smt_report_merge (report, TRUE, 0, COL_NUMBER, 1, 2);
  smt_report_merge (report, TRUE, 0, COL_HAMLET, 1, 2);
  smt_report_merge (report, TRUE, 0, COL_START, 1, 2);
  smt_report_merge (report, TRUE, 0, COL_INCREASES, SMT_N_BALANCE_INCREASES, 1);
  smt_report_merge (report, TRUE, 0, COL_DECREASES, SMT_N_BALANCE_DECREASES, 1);
  smt_report_merge (report, TRUE, 0, COL_END, 1, 2);
  smt_report_merge (report, TRUE, 0, COL_MOVES, SMT_N_BALANCE_MOVES, 1);
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      r0->cells[i].bold = TRUE;
      r1->cells[i].bold = TRUE;
    }
}

SmtReport *
smt_report_build_changes (SmtRegister           *reg,
                          const SmtReportParams *params,
                          GError               **error)
{
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SmtScope) scope = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  SmtBalanceRow commune = { 0 };
  SmtReportRow *row;
  guint number = 0;

  if (params->period == NULL)
    return smt_report_missing (error, _("Choose the period of the report: a month, a quarter, "
                                        "a half year, a year or dates."));
  organisations = smt_report_organisations (reg, params->organisation_id, error);
  if (organisations == NULL)
    return NULL;
  rows = smt_balance_compute (reg, params->period, params->organisation_id, error);
  if (rows == NULL)
    return NULL;
  scope = smt_scope_new (reg, smt_catalogue_lookup ("members_admitted", NULL)->scope, error);
  if (scope == NULL)
    return NULL;

  report = smt_report_new ("changes", SMT_REPORT_LANDSCAPE, N_COLUMNS);
  code = smt_period_to_code (params->period);
  label = smt_period_to_label (params->period);
  /* TRANSLATORS: the stem of a file name, without diacritics */
  report->file_stem = smt_report_file_stem (C_("file name", "changes"),
                                            params->organisation_id != 0
                                            ? ((SmtOrganisationInfo *)
                                               g_ptr_array_index (organisations, 0))->code
                                            : "", code, NULL);
  /* TRANSLATORS: a sheet name, at most 31 characters */
  report->sheet_name = g_strdup (_("Membership changes"));
  report->font_pt = 11;
  /* TRANSLATORS: a report's title, in capitals */
  report->title = g_strdup (_("CHANGES IN THE MEMBERSHIP\nOF THE ORGANISATIONS"));
  if (params->organisation_id != 0)
    report->subtitle = g_strdup_printf ("%s — %s", ((SmtOrganisationInfo *)
                                                   g_ptr_array_index (organisations, 0))->name,
                                        label);
  else
    report->subtitle = g_strdup (label);

  smt_report_set_column (report, COL_NUMBER, 12, SMT_REPORT_ALIGN_CENTER);
  smt_report_set_column (report, COL_HAMLET, 30, SMT_REPORT_ALIGN_LEFT);
  for (guint i = COL_START; i < N_COLUMNS; i++)
    smt_report_set_column (report, i, 16, SMT_REPORT_ALIGN_RIGHT);
  header (report);

  /* The rows come organisation by organisation: the commune first, then
   * the hamlets, then those living in no hamlet. */
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtBalanceRow *b = g_ptr_array_index (rows, i);
      const SmtBalanceRow *total = NULL;

      if (b->hamlet_id == 0)
        {
          const SmtOrganisationInfo *org = NULL;

          for (guint o = 0; o < organisations->len && org == NULL; o++)
            if (((SmtOrganisationInfo *) g_ptr_array_index (organisations, o))->id
                == b->organisation_id)
              org = g_ptr_array_index (organisations, o);
          smt_report_add_group (report, org != NULL ? org->name : b->organisation_name);
          if (smt_scope_has (scope, b->organisation_id))
            add_to (&commune, b);
          number = 0;
          continue;
        }
      row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
      if (b->hamlet_id == SMT_BALANCE_NO_HAMLET)
        {
          smt_report_row_set_text (row, COL_HAMLET, _("No home in a hamlet"));
          row->cells[COL_HAMLET].italic = TRUE;
        }
      else
        {
          smt_report_row_set_int (row, COL_NUMBER, ++number);
          smt_report_row_set_text (row, COL_HAMLET, b->hamlet);
        }
      fill (row, b);
      /* After the organisation's last row, its total: the commune row. */
      if (i + 1 == rows->len
          || ((SmtBalanceRow *) g_ptr_array_index (rows, i + 1))->hamlet_id == 0)
        for (guint j = i + 1; j > 0 && total == NULL; j--)
          if (((SmtBalanceRow *) g_ptr_array_index (rows, j - 1))->hamlet_id == 0)
            total = g_ptr_array_index (rows, j - 1);
      if (total != NULL)
        {
          /* TRANSLATORS: the total row of an organisation: "Cộng Phụ nữ" */
          g_autofree char *text = g_strdup_printf (C_("report total", "Total %s"),
                                                   total->organisation_name);

          row = smt_report_add_total_row (report, text);
          fill (row, total);
        }
    }

  if (params->organisation_id == 0)
    {
      row = smt_report_add_total_row (report, _("Whole commune"));
      fill (row, &commune);
    }

  {
    g_autofree char *first = smt_date_to_display (smt_period_get_start (params->period));
    g_autofree char *last = smt_date_to_display (smt_period_stock_date (params->period));
    /* TRANSLATORS: notes under the membership changes report */
    g_autofree char *note = g_strdup_printf (_("At the start: the members (by membership, "
                                               "working away included) at the end of the day "
                                               "before %s; at the end: at the end of %s. Every "
                                               "row closes: at the start + increases − "
                                               "decreases = at the end. Voided events are not "
                                               "counted."), first, last);

    smt_report_add_note (report, note);
  }
  smt_report_add_note (report, _("A hamlet counts the members who live in it: an event "
                                 "counts in the hamlet where the member lived on the day, and "
                                 "a member who moves house leaves one hamlet (went to live "
                                 "elsewhere) and comes to another (came to live here), or to "
                                 "the row of those with no home in a hamlet."));
  smt_report_add_note (report, _("Transfers to another branch in the commune, restructures "
                                 "(members moved together into a new tổ hội or branch) and "
                                 "going to work away do not change the number of members."));
  if (params->organisation_id == 0)
    {
      g_autofree char *words = smt_scope_describe (scope);
      /* TRANSLATORS: %s is "các đoàn thể chính trị - xã hội (Đoàn TN, …)" */
      g_autofree char *note = g_strdup_printf (_("The commune row counts %s."), words);

      smt_report_add_note (report, note);
    }

  if (!smt_report_frame_from_register (report, reg, params, error))
    return NULL;
  return g_steal_pointer (&report);
}
