/* smt-report-branch.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/organisations/smt-branch-detail.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-reports-private.h"

/* The member list of one branch, as the associations keep it: by given
 * name, the birth year under Nam or Nữ, personal fields masked unless the
 * user asked for them in full. A chi hội's members who sit in its tổ hội
 * follow, under a heading a tổ hội (smt_branch_member_groups); the numbers
 * run on through the list. */

enum
{
  COL_STT,
  COL_NAME,
  COL_MALE,
  COL_FEMALE,
  COL_ETHNICITY,
  COL_RELIGION,
  COL_CCCD,
  COL_PHONE,
  COL_HOME,
  COL_JOINED,
  COL_NOTE,
  N_COLS
};

typedef struct
{
  char *name;
  char *kind;
  char *member_word;
  gint64 organisation_id;
  gint64 hamlet_id;  /* the one hamlet it serves (its own or its chi hội's), else 0 */
} BranchRow;

static gboolean
read_branch (SmtRegister  *reg,
             gint64        branch_id,
             BranchRow    *out,
             GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT b.name, b.kind, o.member_word, o.id, "
      " (SELECT CASE WHEN count(*) = 1 THEN max (bh.hamlet_id) END FROM branch_hamlet bh "
      "  WHERE bh.branch_id = CASE WHEN EXISTS (SELECT 1 FROM branch_hamlet x "
      "                                         WHERE x.branch_id = b.id) "
      "                            THEN b.id ELSE b.parent_id END) "
      "FROM branch b JOIN organisation o ON o.id = b.organisation_id WHERE b.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->name = smt_column_text (stmt, 0);
      out->kind = smt_column_text (stmt, 1);
      out->member_word = smt_column_text (stmt, 2);
      out->organisation_id = sqlite3_column_int64 (stmt, 3);
      out->hamlet_id = sqlite3_column_int64 (stmt, 4);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

/* What the list shows of a person besides smt_branch_members: the personal
 * fields, where they live on date (the hamlet left out when it is the one
 * hamlet the branch serves, whose name the title carries) and when they
 * joined the organisation (the last admission or transfer into it up to
 * date, voids left out). */
typedef struct
{
  char *ethnicity;
  char *religion;
  char *cccd;
  char *phone;
  char *home;
  char *joined;
} PersonExtra;

static void
person_extra_clear (PersonExtra *x)
{
  g_free (x->ethnicity);
  g_free (x->religion);
  g_free (x->cccd);
  g_free (x->phone);
  g_free (x->home);
  g_free (x->joined);
}

static gboolean
read_extra (SmtRegister  *reg,
            gint64        person_id,
            gint64        organisation_id,
            const char   *date,
            gint64        hamlet_id,
            PersonExtra  *x,
            GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT p.ethnicity, p.religion, p.cccd, p.phone, "
      " (SELECT CASE WHEN h.hamlet_id = ?4 AND h.address <> '' THEN h.address "
      "  WHEN h.address <> '' THEN h.address || ', ' || hm.name ELSE hm.name END "
      "  FROM residence r LEFT JOIN household h ON h.id = r.household_id "
      "  LEFT JOIN hamlet hm ON hm.id = h.hamlet_id "
      "  WHERE r.person_id = p.id AND r.voided = 0 AND r.from_date <= ?3 "
      "  AND NOT EXISTS (SELECT 1 FROM residence s WHERE s.supersedes = r.id) "
      "  ORDER BY r.from_date DESC, r.id DESC LIMIT 1), "
      " (SELECT max (e.date) FROM membership_event e "
      "  WHERE e.person_id = p.id AND e.organisation_id = ?2 AND e.date <= ?3 "
      "  AND e.kind IN ('admitted', 'transferred_in') "
      "  AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id)) "
      "FROM person p WHERE p.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, hamlet_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      x->ethnicity = smt_column_text (stmt, 0);
      x->religion = smt_column_text (stmt, 1);
      x->cccd = smt_column_text (stmt, 2);
      x->phone = smt_column_text (stmt, 3);
      x->home = smt_column_text (stmt, 4);
      x->joined = smt_column_dup (stmt, 5);
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

static void
set_personal (SmtReportRow *row,
              guint         col,
              const char   *value,
              gboolean      show,
              gboolean      keep_tail)
{
  g_autofree char *masked = NULL;

  if (show || value == NULL)
    {
      smt_report_row_set_text (row, col, value ? value : "");
      return;
    }
  masked = smt_personal_mask (value, keep_tail);
  smt_report_row_set_text (row, col, masked);
}

SmtReport *
smt_report_build_branch_members (SmtRegister           *reg,
                                 const SmtReportParams *params,
                                 GError               **error)
{
  g_autoptr(SmtReport) report = NULL;
  g_autoptr(GPtrArray) groups = NULL;    /* SmtBranchMemberGroup */
  g_autoptr(GPtrArray) members = NULL;   /* SmtBranchMember, borrowed from groups */
  g_autoptr(GPtrArray) headings = NULL;  /* char *, NULL or the heading before a member */
  g_autoptr(GPtrArray) leaders = NULL;
  g_autoptr(GHashTable) notes = NULL;
  g_autofree char *word_up = NULL;
  g_autofree char *name_up = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *shown_date = NULL;
  BranchRow branch = { 0 };
  const char *date;
  guint male = 0, female = 0, away = 0, in_groups;
  char year[16];
  SmtReportRow *row;

  if (params->branch_id <= 0)
    return smt_report_missing (error, _("Choose the branch whose member list to print."));
  date = params->signed_on != NULL ? params->signed_on : smt_register_get_today (reg);
  if (!read_branch (reg, params->branch_id, &branch, error))
    return NULL;
  if (branch.name == NULL)
    return smt_report_missing (error, _("The branch asked for is not in the register. "
                                        "Choose a branch from the list."));

  groups = smt_branch_member_groups (reg, params->branch_id, date, error);
  leaders = groups ? smt_branch_leaders (reg, params->branch_id, error) : NULL;
  if (groups == NULL || leaders == NULL)
    goto fail;

  /* Leaders in office on the day: their title goes in the notes column. */
  notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < leaders->len; i++)
    {
      SmtBranchLeader *l = g_ptr_array_index (leaders, i);
      gint64 *key;

      if (strcmp (l->from_date, date) > 0 || (l->to_date != NULL && strcmp (l->to_date, date) < 0))
        continue;
      if (g_hash_table_contains (notes, &l->person_id))
        continue;
      key = g_new (gint64, 1);
      *key = l->person_id;
      g_hash_table_insert (notes, key, g_strdup (l->role_label));
    }

  report = smt_report_new ("branch-members", SMT_REPORT_LANDSCAPE, N_COLS);
  report->font_pt = 11;
  word_up = g_utf8_strup (branch.member_word, -1);
  name_up = g_utf8_strup (branch.name, -1);
  /* TRANSLATORS: the title of a branch's member list: the organisation's
   * member word in capitals ("HỘI VIÊN", "ĐOÀN VIÊN"), then the branch's
   * name in capitals ("CHI HỘI PHỤ NỮ ẤP 3"). */
  report->title = g_strdup_printf (_("LIST OF %s\n%s"), word_up, name_up);
  shown_date = smt_date_to_display (date);
  report->subtitle = g_strdup_printf (_("(Members on %s)"), shown_date);
  folded = smt_text_fold (branch.name);
  g_strdelimit (folded, " ", '-');
  report->file_stem = g_strdup_printf ("danh-sach-%s", folded);
  /* TRANSLATORS: the sheet's name: "Danh sách hội viên", "Danh sách đoàn viên" */
  report->sheet_name = g_strdup_printf (_("List of %s"), branch.member_word);
  if (!smt_report_frame_from_register (report, reg, params, error))
    goto fail;

  {
    static const struct { double w; SmtReportAlign a; } cols[N_COLS] = {
      { 12, SMT_REPORT_ALIGN_CENTER }, { 41, SMT_REPORT_ALIGN_LEFT },
      { 12, SMT_REPORT_ALIGN_CENTER }, { 12, SMT_REPORT_ALIGN_CENTER },
      { 14, SMT_REPORT_ALIGN_LEFT }, { 19, SMT_REPORT_ALIGN_LEFT },
      { 28, SMT_REPORT_ALIGN_CENTER }, { 24, SMT_REPORT_ALIGN_CENTER },
      { 44, SMT_REPORT_ALIGN_LEFT }, { 24, SMT_REPORT_ALIGN_CENTER },
      { 21, SMT_REPORT_ALIGN_LEFT },
    };
    for (guint c = 0; c < N_COLS; c++)
      smt_report_set_column (report, c, cols[c].w, cols[c].a);
  }

  row = smt_report_add_header_row (report);
  smt_report_row_set_text (row, COL_STT, _("No."));
  smt_report_row_set_text (row, COL_NAME, _("Full name"));
  smt_report_row_set_text (row, COL_MALE, _("Year of birth"));
  smt_report_row_set_text (row, COL_ETHNICITY, _("Ethnicity"));
  smt_report_row_set_text (row, COL_RELIGION, _("Religion"));
  smt_report_row_set_text (row, COL_CCCD, _("ID card no."));
  smt_report_row_set_text (row, COL_PHONE, _("Phone"));
  smt_report_row_set_text (row, COL_HOME, _("Residence (hamlet / household)"));
  smt_report_row_set_text (row, COL_JOINED, _("Date joined"));
  smt_report_row_set_text (row, COL_NOTE, _("Notes"));
  row = smt_report_add_header_row (report);
  smt_report_row_set_text (row, COL_MALE, _("Male"));
  smt_report_row_set_text (row, COL_FEMALE, _("Female"));
  for (guint c = 0; c < N_COLS; c++)
    {
      if (c == COL_MALE)
        smt_report_merge (report, TRUE, 0, c, 2, 1);
      else if (c != COL_FEMALE)
        smt_report_merge (report, TRUE, 0, c, 1, 2);
    }

  /* The list in order, and the heading to put before a member: only when
   * the chi hội has tổ hội with members, its own members first, then a tổ
   * hội at a time. */
  members = g_ptr_array_new ();
  headings = g_ptr_array_new_with_free_func (g_free);
  in_groups = smt_branch_member_groups_count (groups)
              - ((SmtBranchMemberGroup *) g_ptr_array_index (groups, 0))->members->len;
  for (guint k = 0; k < groups->len; k++)
    {
      const SmtBranchMemberGroup *group = g_ptr_array_index (groups, k);
      guint n = group->members->len;

      for (guint i = 0; i < n; i++)
        {
          char *heading = NULL;

          if (i == 0 && in_groups > 0)
            {
              g_autofree char *count = smt_format_int (n);

              if (k == 0)
                /* TRANSLATORS: a heading of a chi hội's member list: its
                 * members in no tổ hội, and how many */
                heading = g_strdup_printf (_("Directly in the branch (%s)"), count);
              else
                /* TRANSLATORS: a heading of a chi hội's member list: a tổ
                 * hội and how many members it has */
                heading = g_strdup_printf (_("%s (%s)"), group->name, count);
            }
          g_ptr_array_add (members, g_ptr_array_index (group->members, i));
          g_ptr_array_add (headings, heading);
        }
    }

  for (guint i = 0; i < members->len; i++)
    {
      SmtBranchMember *m = g_ptr_array_index (members, i);
      PersonExtra x = { 0 };
      g_autoptr(GString) note = g_string_new (NULL);
      const char *role;

      if (!read_extra (reg, m->person_id, branch.organisation_id, date, branch.hamlet_id, &x,
                       error))
        {
          person_extra_clear (&x);
          goto fail;
        }
      if (g_ptr_array_index (headings, i) != NULL)
        smt_report_add_group (report, g_ptr_array_index (headings, i));
      row = smt_report_add_row (report, SMT_REPORT_ROW_NORMAL);
      smt_report_row_set_int (row, COL_STT, i + 1);
      smt_report_row_set_text (row, COL_NAME, m->full_name);
      /* A year is a name, not a quantity: text, without a thousands dot. */
      g_snprintf (year, sizeof year, "%d", m->birth_year);
      if (m->sex == 'F')
        {
          smt_report_row_set_text (row, COL_FEMALE, year);
          female++;
        }
      else
        {
          smt_report_row_set_text (row, COL_MALE, year);
          male++;
        }
      set_personal (row, COL_ETHNICITY, x.ethnicity, params->show_personal, FALSE);
      set_personal (row, COL_RELIGION, x.religion, params->show_personal, FALSE);
      set_personal (row, COL_CCCD, x.cccd, params->show_personal, TRUE);
      set_personal (row, COL_PHONE, x.phone, params->show_personal, TRUE);
      smt_report_row_set_text (row, COL_HOME, x.home);
      if (x.joined != NULL)
        {
          g_autofree char *shown = smt_date_to_display (x.joined);
          smt_report_row_set_text (row, COL_JOINED, shown);
        }
      role = g_hash_table_lookup (notes, &m->person_id);
      if (role != NULL)
        g_string_append (note, role);
      if (m->away)
        {
          g_string_append_printf (note, "%s%s", note->len ? "; " : "", _("working away"));
          away++;
        }
      smt_report_row_set_text (row, COL_NOTE, note->str);
      person_extra_clear (&x);
    }

  row = smt_report_add_row (report, SMT_REPORT_ROW_TOTAL);
  smt_report_row_set_text (row, COL_STT, _("Total"));
  smt_report_merge (report, FALSE, report->body->len - 1, COL_STT, 2, 1);
  smt_report_row_set_int (row, COL_MALE, male);
  smt_report_row_set_int (row, COL_FEMALE, female);

  {
    g_autofree char *line = NULL;

    /* TRANSLATORS: "Tổng số hội viên: 152 (nam 40, nữ 112); đi làm ăn xa: 12." */
    line = g_strdup_printf (_("Total %s: %u (male %u, female %u); working away: %u."),
                            branch.member_word, members->len, male, female, away);
    smt_report_add_note (report, line);
  }
  smt_report_add_note (report, params->show_personal
                       ? _("Personal information (ID card, phone, ethnicity, religion) "
                           "is shown in full at the user's request.")
                       : _("Personal information (ID card, phone, ethnicity, religion) "
                           "has been masked."));

  g_free (branch.name);
  g_free (branch.kind);
  g_free (branch.member_word);
  return g_steal_pointer (&report);

fail:
  g_free (branch.name);
  g_free (branch.kind);
  g_free (branch.member_word);
  return NULL;
}
