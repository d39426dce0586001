/* smt-report-ratings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/activity/smt-rating-query.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/register/smt-format.h"
#include "core/register/smt-text.h"
#include "smt-reports-private.h"

/* The ratings of one organisation's branches and members for a year, with
 * the scales in force that year (members may have a scale of their own):
 * one row a branch (tổ hội after their chi hội, as the Đánh giá view lists
 * them) with its own level and how many of its members got each level of
 * the members' scale. Members are counted in the branch of their last span
 * in the year, as the rating sheet places them; the totals are the sheet's
 * counts. The organisation's own rating (tổ chức cơ sở) is a note. */

enum
{
  COL_STT,
  COL_BRANCH,
  COL_LEVEL,
  COL_RATED,
  COL_FIRST_LEVEL,
};

static SmtOrganisationInfo *
find_organisation (GPtrArray *orgs,
                   gint64     id)
{
  for (guint i = 0; i < orgs->len; i++)
    {
      SmtOrganisationInfo *o = g_ptr_array_index (orgs, i);

      if (o->id == id)
        return o;
    }
  return NULL;
}

SmtReport *
smt_report_build_ratings (SmtRegister           *reg,
                          const SmtReportParams *params,
                          GError               **error)
{
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(GPtrArray) orgs = NULL;
  g_autoptr(SmtRatingSheet) branches = NULL;
  g_autoptr(SmtRatingSheet) members = NULL;
  g_autoptr(GHashTable) row_of = NULL;   /* branch id → index of its row */
  g_autofree guint *counts = NULL;       /* per branch row (+1: no branch), per level + not rated */
  g_autofree char *member_up = NULL;
  g_autofree char *branch_up = NULL;
  g_autofree char *org_up = NULL;
  g_autofree char *folded = NULL;
  const char *branch_word;
  SmtOrganisationInfo *org;
  guint n_levels, n_cols, stride, n_rows, col_not_rated;
  double level_width;
  SmtReportRow *row;
  guint *totals;

  if (params->year < 1900 || params->year > 9999)
    return smt_report_missing (error, _("Choose the year whose ratings to report."));
  if (params->organisation_id <= 0)
    return smt_report_missing (error, _("Choose the organisation whose ratings to report."));
  orgs = smt_organisations_list (reg, error);
  if (orgs == NULL)
    return NULL;
  org = find_organisation (orgs, params->organisation_id);
  if (org == NULL)
    return smt_report_missing (error, _("The organisation asked for is not in the register. "
                                        "Choose one from the list of organisations."));
  branches = smt_rating_sheet_get (reg, params->year, params->organisation_id,
                                   SMT_RATING_BRANCHES, error);
  if (branches == NULL)
    return NULL;
  members = smt_rating_sheet_get (reg, params->year, params->organisation_id,
                                  SMT_RATING_MEMBERS, error);
  if (members == NULL)
    return NULL;

  /* Member columns: the levels of the scale members are rated on. */
  n_levels = members->scale->levels->len;
  stride = n_levels + 1;
  n_rows = branches->rows->len + 1;
  counts = g_new0 (guint, (gsize) n_rows * stride);
  row_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < branches->rows->len; i++)
    {
      SmtRatingSheetRow *b = g_ptr_array_index (branches->rows, i);

      g_hash_table_insert (row_of, &b->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < members->rows->len; i++)
    {
      SmtRatingSheetRow *m = g_ptr_array_index (members->rows, i);
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, &m->branch_id));
      int level = m->rating_id != 0 ? smt_rating_sheet_level_index (members, m->level_id) : -1;

      /* r - 1: the branch's row; n_rows - 1: members of no listed branch. */
      r = r > 0 ? r - 1 : n_rows - 1;
      if (m->rating_id == 0)
        counts[r * stride + n_levels]++;
      else if (level >= 0)
        counts[r * stride + level]++;
    }

  n_cols = COL_FIRST_LEVEL + n_levels + 1;
  col_not_rated = n_cols - 1;
  report = smt_report_new ("ratings", SMT_REPORT_LANDSCAPE, n_cols);
  report->font_pt = n_levels > 5 ? 11 : 12;

  branch_word = branches->rows->len > 0
                ? ((SmtRatingSheetRow *) g_ptr_array_index (branches->rows, 0))->kind
                : "chi hội";
  member_up = g_utf8_strup (org->member_word, -1);
  branch_up = g_utf8_strup (branch_word, -1);
  org_up = g_utf8_strup (org->name, -1);
  /* TRANSLATORS: "XẾP LOẠI CHI HỘI VÀ HỘI VIÊN\nHỘI NÔNG DÂN VIỆT NAM NĂM 2025":
   * the branch word, the member word, the organisation, the year. */
  report->title = g_strdup_printf (_("RATINGS OF %s AND %s\n%s, YEAR %d"),
                                   branch_up, member_up, org_up, params->year);
  if (members->scale->id == branches->scale->id)
    report->subtitle = g_strdup_printf (_("(Scale in force in %d: %s)"), params->year,
                                        branches->scale->name);
  else
    /* TRANSLATORS: the scales of branches and of members when they differ */
    report->subtitle = g_strdup_printf (_("(Scales in force in %d: %s for branches, %s for "
                                          "members)"), params->year, branches->scale->name,
                                        members->scale->name);
  folded = smt_text_fold (org->code);
  report->file_stem = g_strdup_printf ("xep-loai-%s-%d", folded, params->year);
  report->sheet_name = g_strdup_printf (_("Ratings %d"), params->year);
  if (!smt_report_frame_from_register (report, reg, params, error))
    return NULL;

  /* STT, name, branch level, members rated, one column a level, not rated. */
  /* The STT column holds a bold "STT" unbroken; the branch level column
   * "Hoàn thành tốt nhiệm vụ" on one line. */
  level_width = MIN (24.0, (252.0 - 14 - 62 - 48 - 20) / (n_levels + 1));
  smt_report_set_column (report, COL_STT, 14, SMT_REPORT_ALIGN_CENTER);
  smt_report_set_column (report, COL_BRANCH, 62, SMT_REPORT_ALIGN_LEFT);
  smt_report_set_column (report, COL_LEVEL, 48, SMT_REPORT_ALIGN_LEFT);
  smt_report_set_column (report, COL_RATED, 20, SMT_REPORT_ALIGN_RIGHT);
  for (guint c = COL_FIRST_LEVEL; c < n_cols; c++)
    smt_report_set_column (report, c, level_width, SMT_REPORT_ALIGN_RIGHT);

  {
    SmtReportRow *r0 = smt_report_add_header_row (report);
    SmtReportRow *r1 = smt_report_add_header_row (report);
    g_autofree char *word = g_strdup_printf (_("%s rated"), org->member_word);
    g_autofree char *levels = g_strdup_printf (_("%s by level"), org->member_word);

    word[0] = g_ascii_toupper (word[0]);
    smt_report_row_set_text (r0, COL_STT, _("No."));
    smt_report_row_set_text (r0, COL_BRANCH, _("Branch"));
    smt_report_row_set_text (r0, COL_LEVEL, _("Rating of the branch"));
    smt_report_row_set_text (r0, COL_RATED, word);
    smt_report_row_set_text (r0, COL_FIRST_LEVEL, levels);
    for (guint l = 0; l < n_levels; l++)
      {
        const SmtRatingLevel *level = g_ptr_array_index (members->scale->levels, l);

        smt_report_row_set_text (r1, COL_FIRST_LEVEL + l, level->name);
      }
    smt_report_row_set_text (r1, col_not_rated, _("Not rated"));
    smt_report_merge (report, TRUE, 0, COL_STT, 1, 2);
    smt_report_merge (report, TRUE, 0, COL_BRANCH, 1, 2);
    smt_report_merge (report, TRUE, 0, COL_LEVEL, 1, 2);
    smt_report_merge (report, TRUE, 0, COL_RATED, 1, 2);
    smt_report_merge (report, TRUE, 0, COL_FIRST_LEVEL, n_levels + 1, 1);
  }

  for (guint i = 0; i < n_rows; i++)
    {
      const guint *c = &counts[i * stride];
      guint rated = 0, all = 0;

      for (guint l = 0; l < n_levels; l++)
        rated += c[l];
      all = rated + c[n_levels];
      if (i == n_rows - 1 && all == 0)
        break;
      row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
      smt_report_row_set_int (row, COL_STT, i + 1);
      if (i < n_rows - 1)
        {
          SmtRatingSheetRow *b = g_ptr_array_index (branches->rows, i);
          int level = b->rating_id != 0 ? smt_rating_sheet_level_index (branches, b->level_id) : -1;

          smt_report_row_set_text (row, COL_BRANCH, b->name);
          if (level >= 0)
            smt_report_row_set_text (row, COL_LEVEL,
                                     ((SmtRatingLevel *) g_ptr_array_index (branches->scale->levels,
                                                                            level))->name);
          else
            smt_report_row_set_text (row, COL_LEVEL, b->rating_id != 0 ? b->level_code
                                                     : _("Not rated"));
        }
      else
        smt_report_row_set_text (row, COL_BRANCH, _("In no branch of the list"));
      smt_report_row_set_int (row, COL_RATED, rated);
      for (guint l = 0; l <= n_levels; l++)
        smt_report_row_set_int (row, COL_FIRST_LEVEL + l, c[l]);
    }

  /* The totals: the member sheet's counts. */
  totals = members->counts;
  row = smt_report_add_row (report, SMT_REPORT_ROW_TOTAL);
  smt_report_row_set_text (row, COL_STT, _("Total"));
  smt_report_merge (report, FALSE, report->body->len - 1, COL_STT, 2, 1);
  {
    guint rated = 0;

    for (guint l = 0; l < n_levels; l++)
      {
        smt_report_row_set_int (row, COL_FIRST_LEVEL + l, totals[l]);
        rated += totals[l];
      }
    smt_report_row_set_int (row, COL_RATED, rated);
    smt_report_row_set_int (row, col_not_rated, members->not_rated);
    {
      g_autofree char *text = NULL;
      guint strong = 0;

      for (guint l = 0; l < branches->scale->levels->len; l++)
        if (((SmtRatingLevel *) g_ptr_array_index (branches->scale->levels, l))->counts_strong)
          strong += branches->counts[l];
      /* TRANSLATORS: in the total row, under "Rating of the branch":
       * "12/20 vững mạnh" */
      text = g_strdup_printf (_("%u/%u strong"), strong, branches->rows->len);
      smt_report_row_set_text (row, COL_LEVEL, text);
    }
  }

  /* The branches' levels tallied, as the Đánh giá view sums them up. */
  for (guint l = 0; l < branches->scale->levels->len; l++)
    {
      const SmtRatingLevel *level = g_ptr_array_index (branches->scale->levels, l);
      guint n = branches->counts[l], all = branches->rows->len;
      g_autofree char *line = NULL;
      g_autofree char *percent = NULL;

      if (all == 0)
        break;
      percent = smt_format_percent (100.0 * n / all, 1);
      /* TRANSLATORS: "Chi hội Hoàn thành tốt nhiệm vụ: 12/20, chiếm 60 %" */
      line = g_strdup_printf (_("%s %s: %u/%u, that is %s"),
                              branch_word, level->name, n, all, percent);
      line[0] = g_ascii_toupper (line[0]);
      smt_report_add_note (report, line);
    }
  if (branches->not_rated > 0)
    {
      g_autofree char *line = g_strdup_printf (_("Branches not rated: %u/%u."),
                                               branches->not_rated, branches->rows->len);

      smt_report_add_note (report, line);
    }
  /* The organisation itself (tổ chức cơ sở), as the Đánh giá view's third
   * sheet has it. */
  {
    g_autofree char *level = NULL;
    g_autofree char *line = NULL;
    g_autoptr(SmtRatingSheet) own = smt_rating_sheet_get (reg, params->year, 0,
                                                          SMT_RATING_ORGANISATIONS, NULL);

    for (guint i = 0; own != NULL && i < own->rows->len; i++)
      {
        const SmtRatingSheetRow *o = g_ptr_array_index (own->rows, i);

        if (o->id == org->id && o->level_name != NULL)
          level = g_strdup (o->level_name);
      }
    /* TRANSLATORS: the rating of the organisation itself: "Hội Nông dân Việt
     * Nam cấp xã (tổ chức cơ sở) năm 2025: Hoàn thành tốt nhiệm vụ." */
    line = g_strdup_printf (_("%s of the commune (grassroots organisation), %d: %s."),
                            org->name, params->year, level != NULL ? level : _("not rated"));
    smt_report_add_note (report, line);
  }
  smt_report_add_note (report, _("Members are counted in the branch of their last "
                                 "membership in the year; tổ hội are listed after their "
                                 "chi hội."));
  return g_steal_pointer (&report);
}
