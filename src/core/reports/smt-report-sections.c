/* smt-report-sections.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>

#include "core/organisations/smt-organisation-query.h"
#include "smt-report-annex.h"
#include "smt-report-sections.h"

#define MAX_FIGURES 8

gboolean
smt_report_figures (SmtRegister               *reg,
                    const SmtPeriod           *period,
                    gint64                     organisation_id,
                    gint64                     hamlet_id,
                    const SmtReportFigureSpec *specs,
                    guint                      n_specs,
                    double                    *figures,
                    GError                   **error)
{
  for (guint i = 0; i < n_specs; i++)
    {
      SmtReportFigure f;

      if (!smt_report_figure (reg, specs[i].code, period, organisation_id, hamlet_id, &f, error))
        return FALSE;
      figures[i] = specs[i].denominator ? f.denominator : f.value;
    }
  return TRUE;
}

SmtReportRow *
smt_report_add_total_row (SmtReport  *report,
                          const char *text)
{
  SmtReportRow *row = smt_report_add_row (report, SMT_REPORT_ROW_TOTAL);

  smt_report_row_set_text (row, 0, text)->align = SMT_REPORT_ALIGN_LEFT;
  smt_report_merge (report, FALSE, report->body->len - 1, 0, 2, 1);
  for (guint i = 0; i < report->n_columns; i++)
    row->cells[i].bold = TRUE;
  return row;
}

gboolean
smt_report_add_hamlet_sections (SmtReport                 *report,
                                SmtRegister               *reg,
                                const SmtPeriod           *period,
                                GPtrArray                 *organisations,
                                GPtrArray                 *hamlets,
                                const SmtReportFigureSpec *specs,
                                guint                      n_specs,
                                SmtReportFillFunc          fill,
                                GError                   **error)
{
  g_return_val_if_fail (n_specs <= MAX_FIGURES, FALSE);

  for (guint o = 0; o < organisations->len; o++)
    {
      const SmtOrganisationInfo *org = g_ptr_array_index (organisations, o);
      double total[MAX_FIGURES], sum[MAX_FIGURES] = { 0 }, rest[MAX_FIGURES];
      gboolean any_rest = FALSE;
      SmtReportRow *row;

      smt_report_add_group (report, org->name);
      if (!smt_report_figures (reg, period, org->id, 0, specs, n_specs, total, error))
        return FALSE;
      for (guint h = 0; h < hamlets->len; h++)
        {
          const SmtHamletInfo *hamlet = g_ptr_array_index (hamlets, h);
          double line[MAX_FIGURES];

          if (!smt_report_figures (reg, period, org->id, hamlet->id, specs, n_specs, line,
                                   error))
            return FALSE;
          for (guint i = 0; i < n_specs; i++)
            sum[i] += line[i];
          row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
          smt_report_row_set_int (row, 0, h + 1);
          smt_report_row_set_text (row, 1, hamlet->name);
          fill (row, line);
        }
      /* Members with no home in the commune on the day (a hamlet is where
       * one lives) belong to no hamlet: a row of their own, so that the
       * hamlets add up to the organisation. */
      for (guint i = 0; i < n_specs; i++)
        {
          rest[i] = total[i] - sum[i];
          any_rest |= rest[i] != 0;
        }
      if (any_rest)
        {
          row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
          smt_report_row_set_text (row, 1, _("No home in a hamlet"));
          row->cells[1].italic = TRUE;
          fill (row, rest);
        }
      {
        /* TRANSLATORS: the total row of an organisation: "Cộng Phụ nữ" */
        g_autofree char *text = g_strdup_printf (C_("report total", "Total %s"), org->short_name);

        row = smt_report_add_total_row (report, text);
        fill (row, total);
      }
    }
  return TRUE;
}
