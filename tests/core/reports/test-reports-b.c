/* test-reports-b.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The member list of a branch, the state of branch meetings, the ratings
 * of a year and the export log, built on a 10.000-person demo commune. */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/activity/smt-rating-query.h"
#include "core/check/smt-check.h"
#include "core/demo/smt-demo.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "core/reports/smt-export-log.h"
#include "core/reports/smt-reports.h"
#include "smt-test-util.h"

#define PEOPLE 10000
#define SEED   1

static struct
{
  char        *dir;
  char        *path;
  SmtRegister *reg;
} fx;

static const SmtReportCell *
cell (const SmtReport *report,
      guint            row,
      guint            col)
{
  const SmtReportRow *r = g_ptr_array_index (report->body, row);

  g_assert_cmpuint (col, <, report->n_columns);
  return &r->cells[col];
}

/* The printed text of a cell, kept until the next call. */
static const char *
text_of (const SmtReportCell *c)
{
  static char *last;

  g_free (last);
  last = smt_report_cell_text (c);
  return last;
}

static SmtReport *
build_ok (const SmtReportParams *params)
{
  g_autoptr(GError) error = NULL;
  SmtReport *report = smt_report_build (fx.reg, params, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (smt_report_check (report, &error));
  g_assert_no_error (error);
  return report;
}

/* The branch with the most members today. */
static gint64
largest_branch (guint *members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = smt_branches_list (fx.reg, 0, NULL, &error);
  gint64 best = 0;

  g_assert_no_error (error);
  *members = 0;
  for (guint i = 0; i < branches->len; i++)
    {
      SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (b->members > *members)
        {
          *members = b->members;
          best = b->id;
        }
    }
  return best;
}

/* ---- branch members ------------------------------------------------------ */

static void
test_branch_members (void)
{
  g_autoptr(GError) error = NULL;
  SmtReportParams params = { .kind = SMT_REPORT_BRANCH_MEMBERS };
  g_autoptr(SmtReport) masked = NULL;
  g_autoptr(SmtReport) full = NULL;
  g_autoptr(GPtrArray) members = NULL;
  guint n_members, male = 0, female = 0;
  gboolean seen_male = FALSE, seen_cccd = FALSE;
  sqlite3_stmt *stmt;

  params.branch_id = largest_branch (&n_members);
  g_assert_cmpuint (n_members, >, 100);
  masked = build_ok (&params);
  params.show_personal = TRUE;
  full = build_ok (&params);
  members = smt_branch_members (fx.reg, params.branch_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, n_members);

  g_assert_cmpstr (masked->code, ==, "branch-members");
  g_assert_cmpint (masked->orientation, ==, SMT_REPORT_LANDSCAPE);
  g_assert_true (g_str_has_prefix (masked->title, "DANH SÁCH "));
  g_assert_true (g_str_is_ascii (masked->file_stem));
  g_assert_cmpuint (strlen (masked->sheet_name), <=, 31);
  /* Two header rows: "Năm sinh" over Nam and Nữ, the rest merged down. */
  g_assert_cmpuint (masked->header->len, ==, 2);
  {
    const SmtReportRow *h0 = g_ptr_array_index (masked->header, 0);
    const SmtReportRow *h1 = g_ptr_array_index (masked->header, 1);

    g_assert_cmpstr (h0->cells[2].text, ==, "Năm sinh");
    g_assert_cmpuint (h0->cells[2].col_span, ==, 2);
    g_assert_cmpuint (h0->cells[1].row_span, ==, 2);
    g_assert_cmpstr (h1->cells[2].text, ==, "Nam");
    g_assert_cmpstr (h1->cells[3].text, ==, "Nữ");
  }

  /* Every member in the order of smt_branch_members, then one total. */
  g_assert_cmpuint (masked->body->len, ==, members->len + 1);
  stmt = smt_register_prepare (fx.reg, "SELECT cccd FROM person WHERE id = ?1", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < members->len; i++)
    {
      SmtBranchMember *m = g_ptr_array_index (members, i);
      const SmtReportCell *year_m = cell (masked, i, 2);
      const SmtReportCell *year_f = cell (masked, i, 3);
      g_autofree char *cccd = NULL;

      g_assert_cmpfloat (cell (masked, i, 0)->value, ==, i + 1);
      g_assert_cmpstr (cell (masked, i, 1)->text, ==, m->full_name);
      if (m->sex == 'M')
        {
          g_assert_cmpint (year_m->kind, ==, SMT_REPORT_CELL_TEXT);
          g_assert_cmpint (atoi (year_m->text), ==, m->birth_year);
          g_assert_cmpstr (text_of (year_f), ==, "");
          male++;
          seen_male = TRUE;
        }
      else
        {
          g_assert_cmpint (atoi (year_f->text), ==, m->birth_year);
          g_assert_cmpint (year_m->kind, ==, SMT_REPORT_CELL_TEXT);
          g_assert_cmpstr (text_of (year_m), ==, "");
          female++;
        }

      sqlite3_bind_int64 (stmt, 1, m->person_id);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      cccd = smt_column_text (stmt, 0);
      sqlite3_reset (stmt);
      g_assert_cmpstr (cell (full, i, 6)->text, ==, cccd);
      if (strlen (cccd) == 12)
        {
          /* Masked: bullets, only the tail shown. */
          g_assert_cmpstr (cell (masked, i, 6)->text, !=, cccd);
          g_assert_true (g_str_has_prefix (cell (masked, i, 6)->text, "•"));
          g_assert_true (g_str_has_suffix (cell (masked, i, 6)->text, cccd + 9));
          seen_cccd = TRUE;
        }
    }
  g_assert_true (seen_male);
  g_assert_true (seen_cccd);

  /* A leader in office has the title in the notes column. */
  {
    g_autoptr(GPtrArray) leaders = smt_branch_leaders (fx.reg, params.branch_id, &error);
    guint noted = 0;

    g_assert_no_error (error);
    for (guint k = 0; k < leaders->len; k++)
      {
        SmtBranchLeader *l = g_ptr_array_index (leaders, k);

        if (l->to_date != NULL)
          continue;
        for (guint i = 0; i < members->len; i++)
          if (((SmtBranchMember *) g_ptr_array_index (members, i))->person_id == l->person_id)
            {
              g_assert_true (g_str_has_prefix (cell (masked, i, 10)->text, l->role_label));
              noted++;
            }
      }
    g_assert_cmpuint (noted, >, 0);
  }
  {
    guint last = masked->body->len - 1;
    const SmtReportRow *total = g_ptr_array_index (masked->body, last);

    g_assert_cmpint (total->kind, ==, SMT_REPORT_ROW_TOTAL);
    g_assert_cmpfloat (cell (masked, last, 2)->value, ==, male);
    g_assert_cmpfloat (cell (masked, last, 3)->value, ==, female);
  }
  /* The note says whether personal data is masked. */
  g_assert_true (strstr (g_ptr_array_index (masked->notes, masked->notes->len - 1),
                         "đã được che") != NULL);
  g_assert_true (strstr (g_ptr_array_index (full->notes, full->notes->len - 1),
                         "đã được che") == NULL);
}

/* A chi hội whose members all sit in its tổ hội (the demo has such):
 * its list is theirs, under a heading a tổ hội, numbered on through the
 * list, the total and the note counting them all. */
static void
test_branch_members_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = smt_branches_list (fx.reg, 0, NULL, &error);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(SmtReport) report = NULL;
  SmtReportParams params = { .kind = SMT_REPORT_BRANCH_MEMBERS };
  guint row = 0, headings = 0, total;

  g_assert_no_error (error);
  for (guint i = 0; i < branches->len && params.branch_id == 0; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);
      guint in_groups = 0;

      for (guint j = 0; j < branches->len; j++)
        if (((const SmtBranchInfo *) g_ptr_array_index (branches, j))->parent_id == b->id)
          in_groups += ((const SmtBranchInfo *) g_ptr_array_index (branches, j))->members;
      if (b->parent_id == 0 && b->members == 0 && in_groups > 0)
        params.branch_id = b->id;
    }
  g_assert_cmpint (params.branch_id, !=, 0);
  groups = smt_branch_member_groups (fx.reg, params.branch_id, NULL, &error);
  g_assert_no_error (error);
  total = smt_branch_member_groups_count (groups);
  g_assert_cmpuint (total, >, 0);
  report = build_ok (&params);

  for (guint k = 1; k < groups->len; k++)
    {
      const SmtBranchMemberGroup *g = g_ptr_array_index (groups, k);
      g_autofree char *heading = NULL;
      const SmtReportRow *r;

      if (g->members->len == 0)
        continue;
      heading = g_strdup_printf ("%s (%u)", g->name, g->members->len);
      r = g_ptr_array_index (report->body, row++);
      g_assert_cmpint (r->kind, ==, SMT_REPORT_ROW_GROUP);
      g_assert_cmpstr (r->cells[0].text, ==, heading);
      headings++;
      for (guint i = 0; i < g->members->len; i++, row++)
        {
          const SmtBranchMember *m = g_ptr_array_index (g->members, i);

          g_assert_cmpstr (cell (report, row, 1)->text, ==, m->full_name);
          g_assert_cmpfloat (cell (report, row, 0)->value, ==, row + 1 - headings);
        }
    }
  g_assert_cmpuint (headings, >, 0);
  g_assert_cmpuint (report->body->len, ==, row + 1);
  g_assert_cmpint (((const SmtReportRow *) g_ptr_array_index (report->body, row))->kind, ==,
                   SMT_REPORT_ROW_TOTAL);
  {
    g_autofree char *count = g_strdup_printf (": %u (", total);

    g_assert_nonnull (strstr (g_ptr_array_index (report->notes, 0), count));
  }
}

static void
test_branch_members_missing (void)
{
  g_autoptr(GError) error = NULL;
  SmtReportParams params = { .kind = SMT_REPORT_BRANCH_MEMBERS };
  SmtReport *report = smt_report_build (fx.reg, &params, &error);

  g_assert_null (report);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Hãy chọn chi hội cần in danh sách.");
  g_clear_error (&error);
  params.branch_id = 999999999;
  report = smt_report_build (fx.reg, &params, &error);
  g_assert_null (report);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
}

/* A chi đoàn's list calls its members đoàn viên. */
static void
test_branch_members_word (void)
{
  g_autoptr(GError) error = NULL;
  SmtReportParams params = { .kind = SMT_REPORT_BRANCH_MEMBERS };
  g_autoptr(SmtReport) report = NULL;

  params.branch_id = smt_register_query_int (fx.reg, 0,
      "SELECT id FROM branch WHERE kind = 'chi đoàn' ORDER BY id LIMIT 1");
  g_assert_cmpint (params.branch_id, >, 0);
  report = build_ok (&params);
  g_assert_true (g_str_has_prefix (report->title, "DANH SÁCH ĐOÀN VIÊN\nCHI ĐOÀN"));
  g_assert_cmpstr (report->sheet_name, ==, "Danh sách đoàn viên");
}

/* ---- meetings ------------------------------------------------------------ */

static SmtIndicatorResult *
indicator (const char      *code,
           const SmtPeriod *period,
           gint64           organisation_id)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery query = { .organisation_id = organisation_id };
  SmtIndicatorResult *r = smt_indicator_compute (fx.reg, code, period, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

/* The last body row (the total) against the three indicators. */
static void
assert_meeting_totals (const SmtReport *report,
                       const SmtPeriod *period,
                       gint64           organisation_id)
{
  g_autoptr(SmtIndicatorResult) months = indicator ("branches_meeting", period, organisation_id);
  g_autoptr(SmtIndicatorResult) attendance = indicator ("meeting_attendance", period,
                                                        organisation_id);
  g_autoptr(SmtIndicatorResult) party = indicator ("meetings_party_present", period,
                                                   organisation_id);
  guint last = report->body->len - 1;
  const SmtReportRow *total = g_ptr_array_index (report->body, last);

  g_assert_cmpint (total->kind, ==, SMT_REPORT_ROW_TOTAL);
  /* Real figures: the demo holds meetings in every organisation. */
  g_assert_cmpfloat (months->denominator, >, 0);
  g_assert_cmpfloat (attendance->numerator, >, 0);
  g_assert_cmpfloat (party->numerator, >, 0);
  g_assert_cmpfloat (cell (report, last, 3)->value, ==, months->numerator);
  g_assert_cmpfloat (cell (report, last, 4)->value, ==, months->denominator);
  g_assert_cmpfloat (cell (report, last, 6)->value, ==, party->denominator);
  g_assert_cmpfloat (cell (report, last, 8)->value, ==, attendance->numerator);
  g_assert_cmpfloat (cell (report, last, 9)->value, ==, attendance->denominator);
  g_assert_cmpfloat (cell (report, last, 12)->value, ==, party->numerator);
  /* The rate cells are ratios of the row's own parts. */
  g_assert_cmpint (cell (report, last, 11)->kind, ==, SMT_REPORT_CELL_RATIO);
  g_assert_cmpint (cell (report, last, 11)->num_col, ==, 8);
  g_assert_cmpint (cell (report, last, 11)->den_col, ==, 9);
  g_assert_cmpfloat_with_epsilon (cell (report, last, 11)->value, attendance->value, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell (report, last, 5)->value, months->value, 1e-9);
}

static void
test_meetings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) year = smt_period_parse ("2025", &error);
  g_autoptr(SmtPeriod) quarter = smt_period_parse ("2025-Q3", &error);
  SmtReportParams params = { .kind = SMT_REPORT_MEETINGS, .period = year };
  g_autoptr(SmtReport) all = NULL;
  g_autoptr(SmtReport) nd = NULL;
  g_autoptr(SmtReport) q3 = NULL;
  gint64 nd_id = smt_organisation_lookup (fx.reg, "ND");
  guint groups = 0, org_totals = 0;
  double sum_present = 0;

  g_autoptr(GPtrArray) organisations = smt_organisations_list (fx.reg, &error);
  gboolean socio = FALSE;

  g_assert_cmpint (nd_id, >, 0);
  all = build_ok (&params);
  g_assert_cmpint (all->orientation, ==, SMT_REPORT_LANDSCAPE);
  g_assert_cmpstr (all->title, ==, "TÌNH HÌNH SINH HOẠT CHI HỘI, CHI ĐOÀN");
  assert_meeting_totals (all, year, 0);
  /* Each organisation a group, its branches, its total; last the total of
   * the indicators' scope, the socio-political organisations. */
  g_assert_cmpstr (cell (all, all->body->len - 1, 0)->text, ==,
                   "Cộng, các đoàn thể chính trị - xã hội (Đoàn TN, Phụ nữ, Nông dân, "
                   "Cựu chiến binh, Công đoàn)");
  for (guint i = 0; i < all->body->len; i++)
    {
      const SmtReportRow *r = g_ptr_array_index (all->body, i);

      if (r->kind == SMT_REPORT_ROW_GROUP)
        {
          groups++;
          socio = FALSE;
          for (guint k = 0; k < organisations->len; k++)
            {
              const SmtOrganisationInfo *o = g_ptr_array_index (organisations, k);

              if (g_strcmp0 (o->name, cell (all, i, 0)->text) == 0
                  || g_strcmp0 (o->short_name, cell (all, i, 0)->text) == 0)
                socio = o->socio_political;
            }
        }
      else if (r->kind == SMT_REPORT_ROW_TOTAL)
        org_totals++;
      else
        {
          if (socio)
            sum_present += cell (all, i, 8)->value;
          /* No tổ hội row: the indicators count chi hội, chi đoàn and công đoàn. */
          g_assert_false (g_str_has_prefix (cell (all, i, 1)->text, "Tổ hội"));
        }
    }
  g_assert_cmpuint (groups, ==, 8);
  g_assert_cmpuint (org_totals, ==, groups + 1);
  g_assert_cmpfloat (sum_present, ==, cell (all, all->body->len - 1, 8)->value);

  params.organisation_id = nd_id;
  nd = build_ok (&params);
  assert_meeting_totals (nd, year, nd_id);

  params.organisation_id = 0;
  params.period = quarter;
  q3 = build_ok (&params);
  assert_meeting_totals (q3, quarter, 0);
  /* Three months a branch in a quarter. */
  g_assert_cmpfloat (cell (q3, 1, 4)->value, ==, 3);

  params.period = NULL;
  g_assert_null (smt_report_build (fx.reg, &params, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Hãy chọn kỳ báo cáo tình hình sinh hoạt.");
}

/* ---- ratings ------------------------------------------------------------- */

static void
test_ratings (void)
{
  g_autoptr(GError) error = NULL;
  gint64 nd_id = smt_organisation_lookup (fx.reg, "ND");
  int year = smt_rating_default_year (fx.reg);
  SmtReportParams params = { .kind = SMT_REPORT_RATINGS, .year = year,
                             .organisation_id = nd_id };
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(SmtRatingSheet) branches = NULL;
  g_autoptr(SmtRatingSheet) members = NULL;
  guint n_levels, last, rated = 0;
  guint *branch_levels;

  report = build_ok (&params);
  branches = smt_rating_sheet_get (fx.reg, year, nd_id, SMT_RATING_BRANCHES, &error);
  g_assert_no_error (error);
  members = smt_rating_sheet_get (fx.reg, year, nd_id, SMT_RATING_MEMBERS, &error);
  g_assert_no_error (error);
  n_levels = branches->scale->levels->len;
  g_assert_cmpuint (n_levels, >=, 3);
  g_assert_cmpuint (report->n_columns, ==, 4 + n_levels + 1);
  g_assert_true (g_str_has_prefix (report->title, "XẾP LOẠI CHI HỘI VÀ HỘI VIÊN\n"));
  g_assert_nonnull (strstr (report->subtitle, branches->scale->name));

  /* A row per branch of the sheet, in its order, then the total. */
  last = report->body->len - 1;
  g_assert_cmpuint (last, ==, branches->rows->len);
  branch_levels = g_new0 (guint, n_levels);
  for (guint i = 0; i < branches->rows->len; i++)
    {
      SmtRatingSheetRow *b = g_ptr_array_index (branches->rows, i);

      g_assert_cmpstr (cell (report, i, 1)->text, ==, b->name);
      for (guint l = 0; l < n_levels; l++)
        if (g_strcmp0 (cell (report, i, 2)->text,
                       ((SmtRatingLevel *) g_ptr_array_index (branches->scale->levels, l))->name) == 0)
          branch_levels[l]++;
    }
  /* The branch levels and the member counts are the sheets' summaries. */
  for (guint l = 0; l < n_levels; l++)
    {
      double column = 0;

      g_assert_cmpuint (branch_levels[l], ==, branches->counts[l]);
      g_assert_cmpfloat (cell (report, last, 4 + l)->value, ==, members->counts[l]);
      for (guint i = 0; i < last; i++)
        column += cell (report, i, 4 + l)->value;
      g_assert_cmpfloat (column, ==, members->counts[l]);
      rated += members->counts[l];
    }
  g_free (branch_levels);
  g_assert_cmpuint (rated, >, 100);
  g_assert_cmpfloat (cell (report, last, 3)->value, ==, rated);
  g_assert_cmpfloat (cell (report, last, 4 + n_levels)->value, ==, members->not_rated);
  /* A note a level: "Chi hội Hoàn thành tốt nhiệm vụ: 12/20, chiếm 60 %". */
  {
    const SmtRatingLevel *top = g_ptr_array_index (branches->scale->levels, 0);
    g_autofree char *expected = g_strdup_printf ("Chi hội %s: %u/%u, chiếm ", top->name,
                                                 branches->counts[0], branches->rows->len);

    g_assert_true (g_str_has_prefix (g_ptr_array_index (report->notes, 0), expected));
  }

  /* The organisation itself, as the organisations sheet has it. */
  {
    g_autoptr(SmtRatingSheet) own = smt_rating_sheet_get (fx.reg, year, 0,
                                                          SMT_RATING_ORGANISATIONS, &error);
    g_autofree char *expected = NULL;
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < own->rows->len; i++)
      {
        const SmtRatingSheetRow *o = g_ptr_array_index (own->rows, i);

        if (o->id == nd_id)
          expected = g_strdup_printf ("Hội Nông dân Việt Nam cấp xã (tổ chức cơ sở) năm %d: %s.",
                                      year, o->level_name);
      }
    g_assert_nonnull (expected);
    for (guint i = 0; i < report->notes->len; i++)
      found = found || g_strcmp0 (g_ptr_array_index (report->notes, i), expected) == 0;
    g_assert_true (found);
  }

  /* 2022: branches on the old scale, members on their own; the member
   * columns are the members' levels and the subtitle names both scales. */
  params.year = 2022;
  {
    g_autoptr(SmtReport) old = build_ok (&params);
    const SmtReportRow *levels = g_ptr_array_index (old->header, 1);

    g_assert_nonnull (strstr (old->subtitle, "Vững mạnh / Khá / Trung bình / Yếu"));
    g_assert_nonnull (strstr (old->subtitle, "Xuất sắc / Khá / Trung bình / Yếu"));
    g_assert_cmpstr (levels->cells[4].text, ==, "Xuất sắc");
    g_assert_cmpstr (cell (old, 0, 2)->text, !=, "Xuất sắc");
    for (guint i = 0; i < old->notes->len; i++)
      g_assert_null (strstr (g_ptr_array_index (old->notes, i), "Xuất sắc"));
  }

  params.year = 0;
  g_assert_null (smt_report_build (fx.reg, &params, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Hãy chọn năm xếp loại cần báo cáo.");
  g_clear_error (&error);
  params.year = year;
  params.organisation_id = 0;
  g_assert_null (smt_report_build (fx.reg, &params, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Hãy chọn tổ chức cần báo cáo xếp loại.");
}

/* ---- the export log ------------------------------------------------------ */

static gint64
log_rows (SmtRegister *reg)
{
  return smt_register_query_int (reg, -1, "SELECT count(*) FROM export_log");
}

static void
test_export_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) year = smt_period_parse ("2025", &error);
  SmtReportParams branch = { .kind = SMT_REPORT_BRANCH_MEMBERS, .show_personal = TRUE };
  SmtReportParams meetings = { .kind = SMT_REPORT_MEETINGS, .period = year };
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *covered = NULL;
  guint n;
  gint64 id1, id2, before;
  SmtExportLogEntry *e;
  sqlite3 *db = smt_register_get_db (fx.reg);

  g_assert_cmpint (SMT_SCHEMA_VERSION, >=, 2);
  g_assert_cmpint (smt_register_query_int (fx.reg, -1, "PRAGMA user_version"), ==,
                   SMT_SCHEMA_VERSION);

  branch.branch_id = largest_branch (&n);
  report = build_ok (&branch);
  before = log_rows (fx.reg);
  id1 = smt_export_log_add (fx.reg, &branch, "/tmp/danh-sach.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  id2 = smt_export_log_add (fx.reg, &meetings, "print", &error);
  g_assert_no_error (error);
  /* The meeting report shows no personal field, whatever the flag. */
  meetings.show_personal = TRUE;
  g_assert_cmpint (smt_export_log_add (fx.reg, &meetings, "print", &error), >, 0);
  g_assert_no_error (error);

  /* Nowhere to say: refused, nothing written. */
  g_assert_cmpint (smt_export_log_add (fx.reg, &branch, "", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Hãy cho biết báo cáo đã xuất ra đâu: tệp đã ghi, hoặc “print” khi in.");
  g_clear_error (&error);
  g_assert_cmpint (log_rows (fx.reg), ==, before + 3);

  rows = smt_export_log_list (fx.reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, before + 3);
  e = g_ptr_array_index (rows, rows->len - 3);
  g_assert_cmpint (e->id, ==, id1);
  g_assert_cmpstr (e->report, ==, "branch-members");
  covered = g_strdup_printf ("branch=%" G_GINT64_FORMAT "; personal=1", branch.branch_id);
  g_assert_cmpstr (e->covered, ==, covered);
  g_assert_cmpstr (e->destination, ==, "/tmp/danh-sach.pdf");
  g_assert_true (e->personal_shown);
  g_assert_true (g_str_has_suffix (e->at, "Z"));
  g_assert_cmpuint (strlen (e->at), ==, 20);
  e = g_ptr_array_index (rows, rows->len - 2);
  g_assert_cmpint (e->id, ==, id2);
  g_assert_cmpstr (e->report, ==, "meetings");
  g_assert_cmpstr (e->covered, ==, "period=2025; organisation=0");
  g_assert_cmpstr (e->destination, ==, "print");
  g_assert_false (e->personal_shown);
  e = g_ptr_array_index (rows, rows->len - 1);
  g_assert_false (e->personal_shown);

  /* Append-only: the triggers refuse a change and a deletion. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE export_log SET personal_shown = 0", NULL, NULL,
                                 NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM export_log", NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (log_rows (fx.reg), ==, before + 3);
  g_assert_cmpint (smt_register_query_int (fx.reg, -1,
                   "SELECT personal_shown FROM export_log WHERE id = "
                   "(SELECT max (rowid) FROM export_log WHERE report = 'branch-members')"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  fx.dir = g_dir_make_tmp ("smt-reports-b-XXXXXX", &error);
  g_assert_no_error (error);
  fx.path = g_build_filename (fx.dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (fx.path, PEOPLE, SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  fx.reg = smt_register_open (fx.path, &error);
  g_assert_no_error (error);
  smt_register_set_today (fx.reg, SMT_DEMO_UNTIL);

  g_test_add_func ("/reports-b/branch-members", test_branch_members);
  g_test_add_func ("/reports-b/branch-members/groups", test_branch_members_groups);
  g_test_add_func ("/reports-b/branch-members/missing", test_branch_members_missing);
  g_test_add_func ("/reports-b/branch-members/word", test_branch_members_word);
  g_test_add_func ("/reports-b/meetings", test_meetings);
  g_test_add_func ("/reports-b/ratings", test_ratings);
  g_test_add_func ("/reports-b/export-log", test_export_log);
  rc = g_test_run ();

  g_clear_object (&fx.reg);
  smt_test_rm_rf (fx.dir);
  g_free (fx.dir);
  g_free (fx.path);
  return rc;
}
