/* smt-report-changes.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-scope.h"
#include "smt-report-annex.h"
#include "smt-report-sections.h"
#include "smt-reports-private.h"

/* Biến động for a period: admitted, left, transferred and gone to work
 * away, by organisation and hamlet, with the total of each organisation
 * and of the commune. The four figures are those of the indicators
 * members_admitted, members_left, members_transferred and members_away,
 * which count the same events as the journal (`somattran events`). */

enum
{
  COL_NUMBER,
  COL_HAMLET,
  COL_ADMITTED,
  COL_LEFT,
  COL_TRANSFERRED,
  COL_AWAY,
  N_COLUMNS
};

#define N_FIGURES 4

static const SmtReportFigureSpec figures[N_FIGURES] = {
  { "members_admitted", FALSE },
  { "members_left", FALSE },
  { "members_transferred", FALSE },
  { "members_away", FALSE },
};

static void
line_fill (SmtReportRow *row,
           const double *line)
{
  for (guint i = 0; i < N_FIGURES; i++)
    smt_report_row_set_int (row, COL_ADMITTED + i, (gint64) line[i]);
}

SmtReport *
smt_report_build_changes (SmtRegister           *reg,
                          const SmtReportParams *params,
                          GError               **error)
{
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *phrase = NULL;
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

  report = smt_report_new ("changes", SMT_REPORT_PORTRAIT, N_COLUMNS);
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
  report->font_pt = 12;
  /* TRANSLATORS: a report's title, in capitals */
  report->title = g_strdup (_("CHANGES IN THE MEMBERSHIP\nOF THE ORGANISATIONS"));
  if (params->organisation_id != 0)
    report->subtitle = g_strdup_printf ("%s — %s", ((SmtOrganisationInfo *)
                                                   g_ptr_array_index (organisations, 0))->name,
                                        label);
  else
    report->subtitle = g_strdup (label);

  smt_report_set_column (report, COL_NUMBER, 13, SMT_REPORT_ALIGN_CENTER);
  smt_report_set_column (report, COL_HAMLET, 52, SMT_REPORT_ALIGN_LEFT);
  for (guint i = COL_ADMITTED; i < N_COLUMNS; i++)
    smt_report_set_column (report, i, 25, SMT_REPORT_ALIGN_RIGHT);

  row = smt_report_add_header_row (report);
  /* TRANSLATORS: column headings of the membership changes report */
  smt_report_row_set_text (row, COL_NUMBER, C_("changes heading", "No."));
  smt_report_row_set_text (row, COL_HAMLET, C_("changes heading", "Hamlet"));
  smt_report_row_set_text (row, COL_ADMITTED, C_("changes heading", "Admitted"));
  smt_report_row_set_text (row, COL_LEFT, C_("changes heading", "Left"));
  smt_report_row_set_text (row, COL_TRANSFERRED, C_("changes heading", "Transferred"));
  smt_report_row_set_text (row, COL_AWAY, C_("changes heading", "Gone to work away"));
  for (guint i = 0; i < N_COLUMNS; i++)
    row->cells[i].bold = TRUE;

  if (!smt_report_add_hamlet_sections (report, reg, params->period, organisations, hamlets,
                                       figures, N_FIGURES, line_fill, error))
    return NULL;

  if (params->organisation_id == 0)
    {
      double commune[N_FIGURES];

      if (!smt_report_figures (reg, params->period, 0, 0, figures, N_FIGURES, commune, error))
        return NULL;
      row = smt_report_add_total_row (report, _("Whole commune"));
      line_fill (row, commune);
    }

  phrase = smt_report_period_phrase (params->period);
  {
    /* TRANSLATORS: notes under the membership changes report */
    g_autofree char *note = g_strdup_printf (_("Events of %s, in the hamlet where the member "
                                               "lived on the day; voided events are not "
                                               "counted."), phrase);

    smt_report_add_note (report, note);
  }
  smt_report_add_note (report, _("Admitted: admissions and transfers in from outside the "
                                 "commune. Left: left, removed, moved out of the commune, "
                                 "deceased. Transferred: moved to another branch of the same "
                                 "organisation."));
  if (params->organisation_id == 0)
    {
      g_autoptr(SmtScope) scope = smt_scope_new (reg, smt_catalogue_lookup ("members_admitted",
                                                                            NULL)->scope,
                                                 error);
      g_autofree char *words = NULL;
      g_autofree char *note = NULL;

      if (scope == NULL)
        return NULL;
      words = smt_scope_describe (scope);
      /* TRANSLATORS: %s is "các đoàn thể chính trị - xã hội (Đoàn TN, …)" */
      note = g_strdup_printf (_("The commune row counts %s."), words);
      smt_report_add_note (report, note);
    }

  if (!smt_report_frame_from_register (report, reg, params, error))
    return NULL;
  return g_steal_pointer (&report);
}
