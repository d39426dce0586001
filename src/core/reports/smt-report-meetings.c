/* smt-report-meetings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "core/activity/smt-meeting-query.h"
#include "core/indicators/smt-branch-facts.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-scope.h"
#include "core/register/smt-text.h"
#include "smt-reports-private.h"

/* The state of branch meetings in a period, one row a branch. It counts
 * what the indicators branches_meeting, meeting_attendance and
 * meetings_party_present count, from the same facts (smt-branch-facts.h),
 * so that the totals are the indicators' figures:
 *
 *   months met / months: the branch-months of the period as the Sinh hoạt
 *     grid and the indicator count them (smt_branch_month_counts: the
 *     branch existed some day of the month, the month has begun), and
 *     those with a current regular meeting;
 *   meetings: every current meeting dated in the period, regular ones apart;
 *   attendance: the members present at the regular meetings over the
 *     members the branch had on each meeting's day (away ones left out);
 *   Party present: meetings with a Party member or commune officer present.
 *
 * Every organisation has its section; the last total covers the
 * indicators' scope (the socio-political organisations, smt-scope.h).
 *
 * A tổ hội has no row: it is not a branch of its own in the indicators, its
 * members count with its chi hội and its own meetings are not counted
 * (the Sinh hoạt grid shows them; this report follows the indicators). */

enum
{
  COL_STT,
  COL_BRANCH,
  COL_MEMBERS,
  COL_MONTHS_MET,
  COL_MONTHS,
  COL_MONTHS_RATE,
  COL_MEETINGS,
  COL_REGULAR,
  COL_PRESENT,
  COL_EXPECTED,
  COL_AVERAGE,
  COL_RATE,
  COL_PARTY,
  N_COLS
};

typedef struct
{
  gint64 members;
  gint64 months_met;
  gint64 months;
  gint64 meetings;
  gint64 regular;
  gint64 present;
  gint64 expected;
  gint64 party;
} Tally;

static void
tally_add (Tally       *to,
           const Tally *t)
{
  to->members += t->members;
  to->months_met += t->months_met;
  to->months += t->months;
  to->meetings += t->meetings;
  to->regular += t->regular;
  to->present += t->present;
  to->expected += t->expected;
  to->party += t->party;
}

static void
fill_row (SmtReportRow *row,
          const Tally  *t)
{
  smt_report_row_set_int (row, COL_MEMBERS, t->members);
  smt_report_row_set_int (row, COL_MONTHS_MET, t->months_met);
  smt_report_row_set_int (row, COL_MONTHS, t->months);
  smt_report_row_set_ratio (row, COL_MONTHS_RATE, COL_MONTHS_MET, COL_MONTHS, 1);
  smt_report_row_set_int (row, COL_MEETINGS, t->meetings);
  smt_report_row_set_int (row, COL_REGULAR, t->regular);
  smt_report_row_set_int (row, COL_PRESENT, t->present);
  smt_report_row_set_int (row, COL_EXPECTED, t->expected);
  if (t->regular > 0)
    smt_report_row_set_decimal (row, COL_AVERAGE, (double) t->present / (double) t->regular, 1);
  else
    smt_report_row_set_none (row, COL_AVERAGE, SMT_REPORT_CELL_DECIMAL);
  smt_report_row_set_ratio (row, COL_RATE, COL_PRESENT, COL_EXPECTED, 1);
  smt_report_row_set_int (row, COL_PARTY, t->party);
}

static void
add_total (SmtReport   *report,
           const char  *label,
           const Tally *t)
{
  SmtReportRow *row = smt_report_add_row (report, SMT_REPORT_ROW_TOTAL);

  smt_report_row_set_text (row, COL_STT, label);
  smt_report_merge (report, FALSE, report->body->len - 1, COL_STT, 2, 1);
  fill_row (row, t);
}

/* The index of the month of iso counted from (y0, m0). */
static int
month_index (const char *iso,
             int         y0,
             int         m0)
{
  return (atoi (iso) - y0) * 12 + (atoi (iso + 5) - m0);
}

static void
header (SmtReport *report)
{
  SmtReportRow *r0 = smt_report_add_header_row (report);
  SmtReportRow *r1 = smt_report_add_header_row (report);

  smt_report_row_set_text (r0, COL_STT, _("No."));
  smt_report_row_set_text (r0, COL_BRANCH, _("Branch"));
  smt_report_row_set_text (r0, COL_MEMBERS, _("Members"));
  smt_report_row_set_text (r0, COL_MONTHS_MET, _("Months with a regular meeting"));
  smt_report_row_set_text (r1, COL_MONTHS_MET, _("Met"));
  smt_report_row_set_text (r1, COL_MONTHS, _("Months"));
  smt_report_row_set_text (r1, COL_MONTHS_RATE, _("Rate (%)"));
  smt_report_row_set_text (r0, COL_MEETINGS, _("Meetings held"));
  smt_report_row_set_text (r1, COL_MEETINGS, _("All"));
  smt_report_row_set_text (r1, COL_REGULAR, _("Regular"));
  smt_report_row_set_text (r0, COL_PRESENT, _("Attendance at regular meetings"));
  smt_report_row_set_text (r1, COL_PRESENT, _("Present"));
  smt_report_row_set_text (r1, COL_EXPECTED, _("Expected"));
  smt_report_row_set_text (r1, COL_AVERAGE, _("Average per meeting"));
  smt_report_row_set_text (r1, COL_RATE, _("Rate (%)"));
  smt_report_row_set_text (r0, COL_PARTY, _("Meetings with Party members present"));
  smt_report_merge (report, TRUE, 0, COL_STT, 1, 2);
  smt_report_merge (report, TRUE, 0, COL_BRANCH, 1, 2);
  smt_report_merge (report, TRUE, 0, COL_MEMBERS, 1, 2);
  smt_report_merge (report, TRUE, 0, COL_MONTHS_MET, 3, 1);
  smt_report_merge (report, TRUE, 0, COL_MEETINGS, 2, 1);
  smt_report_merge (report, TRUE, 0, COL_PRESENT, 4, 1);
  smt_report_merge (report, TRUE, 0, COL_PARTY, 1, 2);
}

SmtReport *
smt_report_build_meetings (SmtRegister           *reg,
                           const SmtReportParams *params,
                           GError               **error)
{
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(SmtBranchFacts) facts = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(SmtScope) scope = NULL;
  g_autofree char *scope_words = NULL;
  g_autofree Tally *tallies = NULL;
  g_autofree guint8 *met = NULL;
  g_autofree char *label = NULL;
  g_autofree char *code = NULL;
  g_autofree char *folded = NULL;
  const char *start, *end;
  const char *today = smt_register_get_today (reg);
  int y0, m0, n_months, first, last;
  Tally org_total = { 0 }, commune = { 0 };
  gint64 current_org = -1;
  const char *current_org_name = NULL;
  guint n_orgs = 0, stt = 0;

  if (params->period == NULL)
    return smt_report_missing (error, _("Choose the period whose meetings to report."));
  start = smt_period_get_start (params->period);
  end = smt_period_get_end (params->period);
  y0 = atoi (start);
  m0 = atoi (start + 5);
  n_months = month_index (end, y0, m0) + 1;
  first = smt_day_key (start);
  last = smt_day_key (end);

  facts = smt_branch_facts_get (reg, error);
  if (facts == NULL || !smt_branch_facts_load_members (facts, reg, error))
    return NULL;
  scope = smt_scope_new (reg, smt_catalogue_lookup ("branches_meeting", NULL)->scope, error);
  if (scope == NULL)
    return NULL;

  /* Members on the period's last day, a tổ hội's counted with its chi hội. */
  listed = smt_branches_list (reg, params->organisation_id,
                              smt_period_stock_date (params->period), error);
  if (listed == NULL)
    return NULL;
  members = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < listed->len; i++)
    {
      SmtBranchInfo *b = g_ptr_array_index (listed, i);
      gint64 *key = b->parent_id != 0 ? &b->parent_id : &b->id;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (members, key));

      g_hash_table_insert (members, key, GUINT_TO_POINTER (n + b->members));
    }

  /* The meetings of the period, branch by branch. */
  tallies = g_new0 (Tally, facts->branches->len);
  for (guint i = smt_branch_facts_meetings_from (facts, first); i < facts->meetings->len; i++)
    {
      const SmtMeetingFact *m = &g_array_index (facts->meetings, SmtMeetingFact, i);
      Tally *t = &tallies[m->branch];

      if (m->day > last)
        break;
      t->meetings++;
      if (m->party_present || m->officer_present)
        t->party++;
      if (m->regular)
        {
          t->regular++;
          t->present += m->present;
          t->expected += m->members_own;
          if (smt_scope_has (scope, g_array_index (facts->branches, SmtBranchFact,
                                                   m->branch).organisation_id))
            commune.expected += m->members;
        }
    }

  /* Months met: a regular meeting anywhere in the month. */
  met = g_new0 (guint8, MAX (n_months, 1));
  for (guint i = 0; i < facts->branches->len; i++)
    {
      const SmtBranchFact *b = &g_array_index (facts->branches, SmtBranchFact, i);
      int from = smt_day_key_ymd (y0, m0, 1);
      int to = smt_day_key_ymd (atoi (end), atoi (end + 5), 31);
      int y = y0, mo = m0;

      if (b->sub_group || b->organisation == NULL
          || (params->organisation_id != 0 && b->organisation_id != params->organisation_id))
        continue;
      memset (met, 0, MAX (n_months, 1));
      for (guint k = smt_branch_facts_regular_from (facts, i, from); k < b->regular->len; k++)
        {
          const SmtMeetingFact *m = &g_array_index (facts->meetings, SmtMeetingFact,
                                                    g_array_index (b->regular, guint, k));
          int idx;

          if (m->day > to)
            break;
          idx = month_index (m->date, y0, m0);
          if (idx >= 0 && idx < n_months)
            met[idx] = 1;
        }
      for (int k = 0; k < n_months; k++)
        {
          if (smt_branch_month_counts (b->founded_on, b->dissolved_on, y, mo, today))
            {
              tallies[i].months++;
              tallies[i].months_met += met[k];
            }
          if (++mo > 12)
            {
              mo = 1;
              y++;
            }
        }
      tallies[i].members = GPOINTER_TO_UINT (g_hash_table_lookup (members, &b->id));
    }

  report = smt_report_new ("meetings", SMT_REPORT_LANDSCAPE, N_COLS);
  report->font_pt = 12;
  label = smt_period_to_label (params->period);
  code = smt_period_to_code (params->period);
  report->title = g_strdup (_("STATE OF BRANCH MEETINGS"));
  report->subtitle = g_strdup_printf ("(%s)", label);
  folded = smt_text_fold (code);
  g_strdelimit (folded, " .:/", '-');
  report->file_stem = g_strdup_printf ("sinh-hoat-chi-hoi-%s", folded);
  report->sheet_name = g_strdup (_("Branch meetings"));
  if (!smt_report_frame_from_register (report, reg, params, error))
    return NULL;
  {
    static const double widths[N_COLS] = { 14, 52, 18, 16, 16, 16, 16, 16, 16, 18, 18, 16, 18 };

    for (guint c = 0; c < N_COLS; c++)
      smt_report_set_column (report, c, widths[c],
                             c == COL_BRANCH ? SMT_REPORT_ALIGN_LEFT
                             : c == COL_STT ? SMT_REPORT_ALIGN_CENTER : SMT_REPORT_ALIGN_RIGHT);
  }
  header (report);

  for (guint i = 0; i < facts->branches->len; i++)
    {
      const SmtBranchFact *b = &g_array_index (facts->branches, SmtBranchFact, i);
      const Tally *t = &tallies[i];
      SmtReportRow *row;

      if (b->sub_group || b->organisation == NULL
          || (params->organisation_id != 0 && b->organisation_id != params->organisation_id)
          || (t->months == 0 && t->meetings == 0))
        continue;
      if (b->organisation_id != current_org)
        {
          if (current_org != -1)
            {
              g_autofree char *text = g_strdup_printf (_("Total %s"), current_org_name);

              add_total (report, text, &org_total);
            }
          memset (&org_total, 0, sizeof org_total);
          current_org = b->organisation_id;
          current_org_name = b->organisation;
          smt_report_add_group (report, b->organisation);
          n_orgs++;
          stt = 0;
        }
      row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
      smt_report_row_set_int (row, COL_STT, ++stt);
      smt_report_row_set_text (row, COL_BRANCH, b->name);
      fill_row (row, t);
      tally_add (&org_total, t);
      if (smt_scope_has (scope, b->organisation_id))
        {
          gint64 expected = commune.expected;

          tally_add (&commune, t);
          commune.expected = expected;
        }
    }
  if (current_org != -1)
    {
      g_autofree char *text = g_strdup_printf (_("Total %s"), current_org_name);

      add_total (report, text, &org_total);
    }
  scope_words = smt_scope_describe (scope);
  if (params->organisation_id == 0 && n_orgs > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Total, %s"), scope_words);

      add_total (report, text, &commune);
    }

  smt_report_add_note (report, _("Months: the months of the period in which the branch "
                                 "existed, those of its founding and dissolution included, up "
                                 "to this month. Attendance counts the regular meetings: "
                                 "members present over the members of the branch on the "
                                 "day of each meeting (its tổ hội included, those working "
                                 "away left out)."));
  smt_report_add_note (report, _("As in the indicators, tổ hội have no row of their own: "
                                 "their members count with their chi hội, their own "
                                 "meetings are not counted. Party members present: a Party "
                                 "member or a commune officer attended."));
  return g_steal_pointer (&report);
}
