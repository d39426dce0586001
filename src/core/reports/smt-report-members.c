/* smt-report-members.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-scope.h"
#include "smt-report-annex.h"
#include "smt-report-sections.h"
#include "smt-reports-private.h"

/* Members by hamlet and organisation: for each organisation a heading,
 * one row per hamlet (people eligible, members, tỷ lệ tập hợp, and the
 * movements of the period as an office reports them: kết nạp mới, chuyển
 * đến, chuyển đi, ra khỏi tổ chức / xóa tên, từ trần) and its total; at
 * the end the commune counted by membership and by person, which
 * DOMAIN.md keeps apart. */

enum
{
  COL_NUMBER,
  COL_HAMLET,
  COL_ELIGIBLE,
  COL_MEMBERS,
  COL_RATE,
  COL_ADMITTED,
  COL_TRANSFERRED_IN,
  COL_TRANSFERRED_OUT,
  COL_LEFT,
  COL_DECEASED,
  N_COLUMNS
};

/* People eligible, members (by membership), then the movements in the
 * order of their columns. */
enum
{
  FIG_ELIGIBLE,
  FIG_MEMBERS,
  FIG_ADMITTED,
  FIG_TRANSFERRED_IN,
  FIG_TRANSFERRED_OUT,
  FIG_LEFT,
  FIG_DECEASED,
  N_FIGURES
};

static const SmtReportFigureSpec figures[N_FIGURES] = {
  [FIG_ELIGIBLE] = { "gathering_rate", TRUE },
  [FIG_MEMBERS] = { "memberships_total", FALSE },
  [FIG_ADMITTED] = { "members_admitted", FALSE },
  [FIG_TRANSFERRED_IN] = { "members_transferred_in", FALSE },
  [FIG_TRANSFERRED_OUT] = { "members_transferred_out", FALSE },
  [FIG_LEFT] = { "members_left", FALSE },
  [FIG_DECEASED] = { "members_deceased", FALSE },
};

static void
line_fill (SmtReportRow *row,
           const double *line)
{
  smt_report_row_set_int (row, COL_ELIGIBLE, (gint64) line[FIG_ELIGIBLE]);
  smt_report_row_set_int (row, COL_MEMBERS, (gint64) line[FIG_MEMBERS]);
  smt_report_row_set_ratio (row, COL_RATE, COL_MEMBERS, COL_ELIGIBLE, 2);
  for (guint i = FIG_ADMITTED; i < N_FIGURES; i++)
    smt_report_row_set_int (row, COL_ADMITTED + i - FIG_ADMITTED, (gint64) line[i]);
}

SmtReport *
smt_report_build_members (SmtRegister           *reg,
                          const SmtReportParams *params,
                          GError               **error)
{
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *phrase = NULL;
  g_autofree char *stock = NULL;
  SmtReportRow *row;

  if (params->period == NULL)
    return smt_report_missing (error, _("Choose the period of the report: a month, a quarter, "
                                        "a half year, a year or dates."));
  organisations = smt_report_organisations (reg, params->organisation_id, error);
  if (organisations == NULL)
    return NULL;
  hamlets = smt_hamlets_list (reg, error);
  if (hamlets == NULL)
    return NULL;

  report = smt_report_new ("members", SMT_REPORT_LANDSCAPE, N_COLUMNS);
  code = smt_period_to_code (params->period);
  label = smt_period_to_label (params->period);
  /* TRANSLATORS: the stem of a file name, without diacritics */
  report->file_stem = smt_report_file_stem (C_("file name", "members"),
                                            params->organisation_id != 0
                                            ? ((SmtOrganisationInfo *)
                                               g_ptr_array_index (organisations, 0))->code
                                            : "", code, NULL);
  /* TRANSLATORS: a sheet name, at most 31 characters */
  report->sheet_name = g_strdup (_("Members by hamlet"));
  report->font_pt = 12;
  /* TRANSLATORS: a report's title, in capitals */
  report->title = g_strdup (_("MEMBERS OF THE ORGANISATIONS\nBY HAMLET"));
  if (params->organisation_id != 0)
    report->subtitle = g_strdup_printf ("%s — %s", ((SmtOrganisationInfo *)
                                                   g_ptr_array_index (organisations, 0))->name,
                                        label);
  else
    report->subtitle = g_strdup (label);

  smt_report_set_column (report, COL_NUMBER, 12, SMT_REPORT_ALIGN_CENTER);
  smt_report_set_column (report, COL_HAMLET, 48, SMT_REPORT_ALIGN_LEFT);
  for (guint i = COL_ELIGIBLE; i < N_COLUMNS; i++)
    smt_report_set_column (report, i, 24, SMT_REPORT_ALIGN_RIGHT);

  row = smt_report_add_header_row (report);
  /* TRANSLATORS: column headings of the members report */
  smt_report_row_set_text (row, COL_NUMBER, C_("members heading", "No."));
  smt_report_row_set_text (row, COL_HAMLET, C_("members heading", "Hamlet"));
  smt_report_row_set_text (row, COL_ELIGIBLE, C_("members heading", "People eligible"));
  smt_report_row_set_text (row, COL_MEMBERS, C_("members heading", "Members"));
  smt_report_row_set_text (row, COL_RATE, C_("members heading", "Gathering rate (%)"));
  smt_report_row_set_text (row, COL_ADMITTED, C_("members heading", "Newly admitted"));
  smt_report_row_set_text (row, COL_TRANSFERRED_IN, C_("members heading", "Transferred in"));
  smt_report_row_set_text (row, COL_TRANSFERRED_OUT, C_("members heading", "Transferred out"));
  smt_report_row_set_text (row, COL_LEFT, C_("members heading", "Left or removed"));
  smt_report_row_set_text (row, COL_DECEASED, C_("members heading", "Deceased"));
  for (guint i = 0; i < N_COLUMNS; i++)
    row->cells[i].bold = TRUE;

  if (!smt_report_add_hamlet_sections (report, reg, params->period, organisations, hamlets,
                                       figures, N_FIGURES, line_fill, error))
    return NULL;

  if (params->organisation_id == 0)
    {
      double commune[N_FIGURES];
      SmtReportFigure persons;

      if (!smt_report_figures (reg, params->period, 0, 0, figures, N_FIGURES, commune, error)
          || !smt_report_figure (reg, "members_total", params->period, 0, 0, &persons, error))
        return NULL;
      /* By membership: a person in two organisations counts twice; the
       * people eligible are not added up across organisations. */
      row = smt_report_add_total_row (report, _("Commune, by membership"));
      smt_report_row_set_none (row, COL_ELIGIBLE, SMT_REPORT_CELL_INT);
      smt_report_row_set_int (row, COL_MEMBERS, (gint64) commune[FIG_MEMBERS]);
      smt_report_row_set_none (row, COL_RATE, SMT_REPORT_CELL_PERCENT);
      for (guint i = FIG_ADMITTED; i < N_FIGURES; i++)
        smt_report_row_set_int (row, COL_ADMITTED + i - FIG_ADMITTED, (gint64) commune[i]);
      row = smt_report_add_total_row (report, _("Commune, by person"));
      smt_report_row_set_none (row, COL_ELIGIBLE, SMT_REPORT_CELL_INT);
      smt_report_row_set_int (row, COL_MEMBERS, (gint64) persons.value);
      smt_report_row_set_none (row, COL_RATE, SMT_REPORT_CELL_PERCENT);
      for (guint i = COL_ADMITTED; i < N_COLUMNS; i++)
        smt_report_row_set_none (row, i, SMT_REPORT_CELL_INT);
    }

  phrase = smt_report_period_phrase (params->period);
  stock = smt_date_to_display (smt_period_stock_date (params->period));
  {
    /* TRANSLATORS: notes under the members report */
    g_autofree char *note = g_strdup_printf (_("Figures of %s. People eligible and members on "
                                               "%s, in the hamlet where they live; the "
                                               "movements of the period in the hamlet where the "
                                               "member lived on the day: newly admitted, "
                                               "transferred in from outside the commune, "
                                               "transferred out of it, left or removed, "
                                               "deceased. The biến động report balances them."),
                                             phrase, stock);

    smt_report_add_note (report, note);
  }
  smt_report_add_note (report, _("Gathering rate = members ÷ people eligible × 100; the "
                                 "people eligible are those of the organisation's age and "
                                 "sex."));
  if (params->organisation_id == 0)
    {
      g_autoptr(SmtScope) scope = smt_scope_new (reg, smt_catalogue_lookup ("memberships_total",
                                                                            NULL)->scope,
                                                 error);
      g_autofree char *words = NULL;
      g_autofree char *note = NULL;

      if (scope == NULL)
        return NULL;
      words = smt_scope_describe (scope);
      /* TRANSLATORS: %s is "các đoàn thể chính trị - xã hội (Đoàn TN, …)" */
      note = g_strdup_printf (_("The commune rows count %s. One person may belong to several "
                                "organisations: the row by membership adds them up, the row "
                                "by person counts each member once."), words);
      smt_report_add_note (report, note);
    }

  if (!smt_report_frame_from_register (report, reg, params, error))
    return NULL;
  return g_steal_pointer (&report);
}
