/* smt-report-annex.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "core/activity/smt-settings-query.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-targets.h"
#include "smt-report-annex.h"
#include "smt-reports-private.h"

/* The annex at the end of a review report (seed 001): one row per target
 * of the resolution, in its order, with the baseline, the result of the
 * period and the result as a percentage of the target. */

enum
{
  COL_NUMBER,
  COL_LABEL,
  COL_BASELINE,
  COL_RESULT,
  COL_COMPARISON,
  N_COLUMNS
};

char *
smt_report_file_stem (const char *first,
                      ...)
{
  GString *stem = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_autoptr(GString) plain = g_string_new (part);
      g_autofree char *ascii = NULL;

      /* g_str_to_ascii knows no đ */
      g_string_replace (plain, "đ", "d", 0);
      g_string_replace (plain, "Đ", "D", 0);
      ascii = g_str_to_ascii (plain->str, "C");

      for (const char *p = ascii; *p != '\0'; p++)
        {
          if (g_ascii_isalnum (*p))
            g_string_append_c (stem, *p);
          else if (stem->len > 0 && stem->str[stem->len - 1] != '-')
            g_string_append_c (stem, '-');
        }
      if (stem->len > 0 && stem->str[stem->len - 1] != '-')
        g_string_append_c (stem, '-');
    }
  va_end (args);
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);
  return g_string_free (stem, FALSE);
}

const char *
smt_report_annex_unit (const char *indicator_code)
{
  static const struct
  {
    const char *code;
    const char *unit;
  } units[] = {
    /* TRANSLATORS: what the numerators of the annex count, as in "Có
     * 2.046/2.556 hộ, chiếm tỷ lệ 80,05 %" */
    { "households_covered", NC_("annex unit", "households") },
    { "branches_strong", NC_("annex unit", "branches") },
    { "organisations_strong", NC_("annex unit", "grassroots organisations") },
    { "members_studied", NC_("annex unit", "members") },
    { "gathering_rate", NC_("annex unit", "people") },
    { "officers_political", NC_("annex unit", "comrades") },
    { "officers_professional", NC_("annex unit", "comrades") },
    { "officers_university", NC_("annex unit", "comrades") },
    { "leaders_party", NC_("annex unit", "comrades") },
    { "branches_meeting", NC_("annex unit", "branch-months") },
    { "meeting_attendance", NC_("annex unit", "attendances") },
    { "meetings_party_present", NC_("annex unit", "meetings") },
  };
  g_autofree char *base = g_strdup (indicator_code);
  char *colon = strchr (base, ':');

  if (colon != NULL)
    *colon = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (base, units[i].code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "annex unit", units[i].unit);
  return NULL;
}

static void
set_number (SmtReportRow *row,
            guint         col,
            double        value,
            gboolean      ratio)
{
  if (ratio)
    smt_report_row_set_percent (row, col, value, 2);
  else if (value == floor (value) && fabs (value) < 1e15)
    smt_report_row_set_int (row, col, (gint64) value);
  else
    smt_report_row_set_decimal (row, col, value, 2);
}

static char *
subtitle_text (const SmtAnnexHead *head)
{
  g_autofree char *body = g_strdup_printf ("%s %s", head->commune_kind ? head->commune_kind : "xã",
                                           head->commune_name ? head->commune_name : "");
  g_autofree char *date = NULL;

  if (head->report_date != NULL && smt_date_is_valid (head->report_date))
    date = smt_date_to_display (head->report_date);
  else
    date = g_strdup ("…/…/……");
  if (head->report_number != NULL && *head->report_number != '\0')
    /* TRANSLATORS: under the annex's title: the report number, its date,
     * then the commune ("xã Hòa Điền") */
    return g_strdup_printf (_("(Attached to report no. %s dated %s of the Standing Board of "
                              "the Vietnam Fatherland Front Committee of %s)"),
                            head->report_number, date, body);
  /* TRANSLATORS: as the previous, with blanks for the number to be
   * written in by hand: keep the spaces before "-BC/MTTQ" */
  return g_strdup_printf (_("(Attached to report no.      -BC/MTTQ dated %s of the Standing "
                            "Board of the Vietnam Fatherland Front Committee of %s)"),
                          date, body);
}

/* Which organisations each row counts, rows of one scope together, in the
 * order they first appear: "Số liệu các dòng 1, 2, 3 tính cho các đoàn
 * thể chính trị - xã hội (…)". */
static void
add_scope_notes (SmtReport          *report,
                 const SmtAnnexLine *lines,
                 guint               n_lines)
{
  g_autofree gboolean *done = g_new0 (gboolean, MAX (n_lines, 1));

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(GString) rows = g_string_new (NULL);
      g_autofree char *note = NULL;
      guint n = 0;

      if (done[i] || lines[i].scope == NULL)
        continue;
      for (guint j = i; j < n_lines; j++)
        if (!done[j] && g_strcmp0 (lines[j].scope, lines[i].scope) == 0)
          {
            done[j] = TRUE;
            g_string_append_printf (rows, "%s%u", n++ ? ", " : "", j + 1);
          }
      /* TRANSLATORS: a note under the annex: the numbers of its rows, then
       * the organisations they count ("các đoàn thể chính trị - xã hội
       * (Đoàn TN, …)") */
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Row %s counts %s.",
                                           "Rows %s count %s.", n),
                              rows->str, lines[i].scope);
      smt_report_add_note (report, note);
    }
}

static void
add_notes (SmtReport          *report,
           const SmtAnnexHead *head,
           const SmtAnnexLine *lines,
           guint               n_lines)
{
  g_autofree char *label = smt_period_to_label (head->period);
  g_autofree char *from = smt_date_to_display (smt_period_get_start (head->period));
  g_autofree char *to = smt_date_to_display (smt_period_get_end (head->period));
  g_autofree char *period_note = NULL;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

  if (smt_period_get_kind (head->period) == SMT_PERIOD_RANGE)
    /* TRANSLATORS: a note under the annex; %s is "Từ 01/01/2021 đến 31/12/2025" */
    period_note = g_strdup_printf (_("Results: %s, computed from the register of the Front."),
                                   label);
  else
    /* TRANSLATORS: a note under the annex: the period ("Quý II/2025"), its
     * first and last day */
    period_note = g_strdup_printf (_("Results: %s, from %s to %s, computed from the register "
                                     "of the Front."), label, from, to);
  smt_report_add_note (report, period_note);

  for (guint i = 0; i < n_lines; i++)
    {
      gboolean seen = FALSE;

      if (!lines[i].has_baseline || lines[i].baseline_date == NULL
          || !smt_date_is_valid (lines[i].baseline_date))
        continue;
      for (guint j = 0; j < dates->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (dates, j), lines[i].baseline_date) == 0;
      if (!seen)
        g_ptr_array_add (dates, g_strdup (lines[i].baseline_date));
    }
  add_scope_notes (report, lines, n_lines);
  for (guint i = 0; i < n_lines; i++)
    if (lines[i].notes != NULL && lines[i].notes->len > 0)
      {
        g_autoptr(GString) said = g_string_new (NULL);
        g_autofree char *note = NULL;

        for (guint k = 0; k < lines[i].notes->len; k++)
          g_string_append_printf (said, "%s%s", k ? "; " : "",
                                  (char *) g_ptr_array_index (lines[i].notes, k));
        /* TRANSLATORS: a note under the annex: a row's number, then how its
         * figure was counted ("mẫu số nhập tay cho Quý II/2025") */
        note = g_strdup_printf (_("Row %u: %s."), i + 1, said->str);
        smt_report_add_note (report, note);
      }

  if (dates->len > 0)
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      for (guint j = 0; j < dates->len; j++)
        {
          g_autofree char *d = smt_date_to_display (g_ptr_array_index (dates, j));

          if (j > 0)
            g_string_append (shown, ", ");
          g_string_append (shown, d);
        }
      {
        /* TRANSLATORS: a note under the annex: the date(s) of the baselines */
        g_autofree char *note = g_strdup_printf (_("Before the resolution: figures as of %s."),
                                                 shown->str);
        smt_report_add_note (report, note);
      }
    }
}

SmtReport *
smt_report_annex_model (const SmtAnnexHead *head,
                        const SmtAnnexLine *lines,
                        guint               n_lines)
{
  SmtReport *report = smt_report_new ("annex", SMT_REPORT_LANDSCAPE, N_COLUMNS);
  g_autofree char *issuer_upper = g_utf8_strup (head->resolution_issuer != NULL
                                                ? head->resolution_issuer : "", -1);
  g_autofree char *code = smt_period_to_code (head->period);
  SmtReportRow *row;

  /* TRANSLATORS: the stem of the annex's file name, without diacritics */
  report->file_stem = smt_report_file_stem (C_("file name", "annex"), head->resolution_number,
                                            code, NULL);
  /* TRANSLATORS: the name of the annex's sheet, at most 31 characters */
  report->sheet_name = g_strdup (_("Annex"));
  report->font_pt = 13;
  /* TRANSLATORS: the annex's title in capitals: the resolution's number
   * and its issuer ("TỈNH ỦY"); keep the line break */
  report->title = g_strdup_printf (_("RESULTS OF THE TARGETS\nOF RESOLUTION NO. %s OF THE %s"),
                                   head->resolution_number, issuer_upper);
  report->subtitle = subtitle_text (head);

  smt_report_set_column (report, COL_NUMBER, 13, SMT_REPORT_ALIGN_CENTER);
  smt_report_set_column (report, COL_LABEL, 82, SMT_REPORT_ALIGN_LEFT);
  smt_report_set_column (report, COL_BASELINE, 40, SMT_REPORT_ALIGN_CENTER);
  smt_report_set_column (report, COL_RESULT, 80, SMT_REPORT_ALIGN_LEFT);
  smt_report_set_column (report, COL_COMPARISON, 37, SMT_REPORT_ALIGN_CENTER);

  row = smt_report_add_header_row (report);
  /* TRANSLATORS: the annex's column headings */
  smt_report_row_set_text (row, COL_NUMBER, C_("annex heading", "No."));
  smt_report_row_set_text (row, COL_LABEL, C_("annex heading", "Target of the resolution"));
  smt_report_row_set_text (row, COL_BASELINE, C_("annex heading", "Before the resolution"));
  smt_report_row_set_text (row, COL_RESULT, C_("annex heading", "Result"));
  smt_report_row_set_text (row, COL_COMPARISON,
                           C_("annex heading", "Against the resolution (%)"));
  for (guint i = 0; i < N_COLUMNS; i++)
    row->cells[i].bold = TRUE;

  for (guint i = 0; i < n_lines; i++)
    {
      const SmtAnnexLine *line = &lines[i];
      double percent;

      row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
      smt_report_row_set_int (row, COL_NUMBER, i + 1);
      smt_report_row_set_text (row, COL_LABEL, line->label);
      if (line->has_baseline)
        set_number (row, COL_BASELINE, line->baseline, line->ratio);
      else
        smt_report_row_set_none (row, COL_BASELINE,
                                 line->ratio ? SMT_REPORT_CELL_PERCENT : SMT_REPORT_CELL_DECIMAL);

      if (!line->defined)
        smt_report_row_set_text (row, COL_RESULT, _("No figures yet"));
      else if (line->ratio && line->has_parts)
        {
          g_autofree char *num = smt_format_int ((gint64) llround (line->numerator));
          g_autofree char *den = smt_format_int ((gint64) llround (line->denominator));
          g_autofree char *shown = smt_format_percent (line->value, 2);
          g_autofree char *pct = NULL;
          g_autofree char *text = NULL;
          char *space = strrchr (shown, ' ');

          /* A no-break space keeps "%" on the line of its number when the
           * sentence wraps in its cell. */
          if (space != NULL)
            *space = '\0';
          pct = space != NULL ? g_strconcat (shown, "\u00a0", space + 1, NULL)
                              : g_strdup (shown);

          if (line->unit != NULL)
            /* TRANSLATORS: the annex's result: numerator, denominator, what
             * they count ("hộ"), the percentage: "Có 2.046/2.556 hộ, chiếm
             * tỷ lệ 80,05 %" */
            text = g_strdup_printf (_("%s/%s %s, that is %s"), num, den, line->unit, pct);
          else
            /* TRANSLATORS: as the previous, without a word for what is counted */
            text = g_strdup_printf (_("%s/%s, that is %s"), num, den, pct);
          smt_report_row_set_text (row, COL_RESULT, text);
        }
      else
        {
          set_number (row, COL_RESULT, line->value, line->ratio);
          row->cells[COL_RESULT].align = SMT_REPORT_ALIGN_CENTER;
        }

      if (line->defined && line->has_target
          && smt_target_comparison (line->value, line->target, &percent))
        smt_report_row_set_percent (row, COL_COMPARISON, percent, 2);
      else
        smt_report_row_set_none (row, COL_COMPARISON, SMT_REPORT_CELL_PERCENT);
    }

  add_notes (report, head, lines, n_lines);
  return report;
}

SmtReport *
smt_report_build_annex (SmtRegister           *reg,
                        const SmtReportParams *params,
                        GError               **error)
{
  g_autoptr(GPtrArray) resolutions = NULL;
  g_autoptr(SmtReport) report = NULL;
  g_autofree char *commune_name = NULL;
  g_autofree char *commune_kind = NULL;
  const SmtResolutionRow *resolution = NULL;
  g_autofree SmtAnnexLine *lines = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  SmtAnnexHead head = { 0 };

  if (params->period == NULL)
    return smt_report_missing (error, _("Choose the period of the annex: a quarter, a half "
                                        "year, a year or dates."));
  if (params->resolution_id <= 0)
    return smt_report_missing (error, _("Choose the resolution whose targets the annex "
                                        "shows."));
  resolutions = smt_settings_resolutions (reg, error);
  if (resolutions == NULL)
    return NULL;
  for (guint i = 0; i < resolutions->len; i++)
    {
      const SmtResolutionRow *r = g_ptr_array_index (resolutions, i);

      if (r->id == params->resolution_id)
        resolution = r;
    }
  if (resolution == NULL)
    return smt_report_missing (error, _("The resolution chosen is not in the register. "
                                        "Choose one of the list."));
  if (resolution->targets->len == 0)
    return smt_report_missing (error, _("The resolution chosen sets no targets. Add its "
                                        "targets in the settings first."));

  lines = g_new0 (SmtAnnexLine, resolution->targets->len);
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_indicator_result_free);
  for (guint i = 0; i < resolution->targets->len; i++)
    {
      const SmtTargetRow *t = g_ptr_array_index (resolution->targets, i);
      const SmtIndicatorInfo *info = smt_catalogue_lookup (t->indicator_code, NULL);
      SmtIndicatorQuery query = { .scope = t->scope };
      SmtIndicatorResult *res;
      SmtAnnexLine *line = &lines[i];

      res = smt_indicator_compute (reg, t->indicator_code, params->period, &query, error);
      if (res == NULL)
        return NULL;
      g_ptr_array_add (results, res);
      if (res->scope != NULL)
        {
          line->scope = smt_scope_describe (res->scope);
          g_ptr_array_add (words, (char *) line->scope);
        }
      line->notes = res->notes;
      line->label = t->label;
      line->ratio = info != NULL && info->ratio;
      line->has_baseline = t->has_baseline;
      line->baseline = t->baseline;
      line->baseline_date = t->baseline_date;
      line->defined = res->defined;
      line->value = res->value;
      line->has_parts = line->ratio && res->denominator > 0;
      line->numerator = res->numerator;
      line->denominator = res->denominator;
      line->unit = smt_report_annex_unit (t->indicator_code);
      line->has_target = TRUE;
      line->target = t->target;
      line->at_most = t->at_most;
    }

  smt_register_get_commune (reg, &commune_name, &commune_kind, NULL, NULL, NULL, NULL);
  head.resolution_number = resolution->number;
  head.resolution_issuer = resolution->issuer;
  head.report_number = params->report_number;
  head.report_date = params->report_date;
  head.commune_kind = commune_kind;
  head.commune_name = commune_name;
  head.period = params->period;
  report = smt_report_annex_model (&head, lines, resolution->targets->len);
  if (!smt_report_frame_from_register (report, reg, params, error))
    return NULL;
  return g_steal_pointer (&report);
}

gboolean
smt_report_figure (SmtRegister     *reg,
                   const char      *code,
                   const SmtPeriod *period,
                   gint64           organisation_id,
                   gint64           hamlet_id,
                   SmtReportFigure *figure,
                   GError         **error)
{
  SmtIndicatorQuery query = { .organisation_id = organisation_id, .hamlet_id = hamlet_id };
  g_autoptr(SmtIndicatorResult) res = smt_indicator_compute (reg, code, period, &query, error);

  if (res == NULL)
    return FALSE;
  figure->defined = res->defined;
  figure->value = res->value;
  figure->numerator = res->numerator;
  figure->denominator = res->denominator;
  return TRUE;
}

GPtrArray *
smt_report_organisations (SmtRegister  *reg,
                          gint64        organisation_id,
                          GError      **error)
{
  g_autoptr(GPtrArray) all = smt_organisations_list (reg, error);
  GPtrArray *chosen;

  if (all == NULL)
    return NULL;
  chosen = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_organisation_info_free);
  for (guint i = 0; i < all->len; i++)
    {
      SmtOrganisationInfo *o = g_ptr_array_index (all, i);

      if (organisation_id != 0 ? o->id == organisation_id : o->active)
        g_ptr_array_add (chosen, g_ptr_array_steal_index (all, i--));
    }
  if (chosen->len == 0)
    {
      g_ptr_array_unref (chosen);
      smt_report_missing (error, organisation_id != 0
                          ? _("The organisation chosen is not in the register. Choose one of "
                              "the list, or every organisation.")
                          : _("The register has no active organisation. Add the "
                              "organisations of the commune first."));
      return NULL;
    }
  return chosen;
}

char *
smt_report_period_phrase (const SmtPeriod *period)
{
  g_autofree char *label = smt_period_to_label (period);
  g_autofree char *from = smt_date_to_display (smt_period_get_start (period));
  g_autofree char *to = smt_date_to_display (smt_period_get_end (period));

  if (smt_period_get_kind (period) == SMT_PERIOD_RANGE)
    return g_steal_pointer (&label);
  /* TRANSLATORS: a period and its first and last day: "Quý II/2025, từ
   * 01/04/2025 đến 30/06/2025" */
  return g_strdup_printf (_("%s, from %s to %s"), label, from, to);
}
