/* test-meetings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>
#include <gtk/gtk.h>

#include "core/activity/smt-meeting-query.h"
#include "core/indicators/smt-indicators.h"
#include "core/indicators/smt-overview.h"
#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-date.h"
#include "gui/app/smt-window-private.h"
#include "gui/dialogs/smt-meeting-dialog.h"
#include "gui/views/smt-meetings-view.h"
#include "gui/views/smt-overview-view.h"
#include "smt-gui-test.h"
#include "smt-test-util.h"

/* The Sinh hoạt view on the 10.000-person demo: entering a meeting
 * changes Tổng quan's count of branches without a regular meeting this
 * month, a bad input is refused inside the dialog and writes nothing, and
 * Ctrl+Z voids the meeting; a study recorded the three ways moves
 * members_studied by what it says. */

/* Draws what is pending, then saves a screenshot. */
static char *
shoot (GtkWidget  *widget,
       const char *name)
{
  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      gtk_test_widget_wait_for_draw (widget);
    }
  return smt_gui_write_screenshot (widget, name);
}

static guint
without_meeting (SmtWindow *window)
{
  SmtOverviewView *overview = SMT_OVERVIEW_VIEW (smt_window_get_overview (window));
  const SmtOverview *ov;

  smt_window_show_view (window, "overview");
  ov = smt_overview_view_get_overview (overview);
  g_assert_nonnull (ov);
  return ov->without_meeting->len;
}

static gboolean
listed_without_meeting (SmtWindow *window,
                        gint64     branch_id)
{
  const SmtOverview *ov;

  smt_window_show_view (window, "overview");
  ov = smt_overview_view_get_overview (SMT_OVERVIEW_VIEW (smt_window_get_overview (window)));
  for (guint i = 0; i < ov->without_meeting->len; i++)
    if (((SmtOverviewBranch *) g_ptr_array_index (ov->without_meeting, i))->branch_id
        == branch_id)
      return TRUE;
  return FALSE;
}

static SmtMeetingsView *
show_meetings (SmtWindow *window)
{
  SmtMeetingsView *view;

  smt_window_show_view (window, "meetings");
  view = SMT_MEETINGS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window),
                                                     SMT_TYPE_MEETINGS_VIEW));
  g_assert_nonnull (view);
  return view;
}

static void
test_meeting_changes_overview (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *today_shown = NULL;
  g_autofree char *future = NULL;
  g_autofree char *cell_before = NULL;
  const SmtOverview *ov;
  SmtMeetingsView *view;
  SmtMeetingDialog *dialog;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  gint64 branch_id;
  guint before, members;
  int year, month;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  reg = smt_window_get_register (window);
  year = atoi (smt_register_get_today (reg));
  month = atoi (smt_register_get_today (reg) + 5);
  today_shown = smt_date_to_display (smt_register_get_today (reg));

  /* Tổng quan: the branches without a regular meeting this month. */
  before = without_meeting (window);
  g_assert_cmpuint (before, >, 0);
  ov = smt_overview_view_get_overview (SMT_OVERVIEW_VIEW (smt_window_get_overview (window)));
  branch_id = ((SmtOverviewBranch *) g_ptr_array_index (ov->without_meeting, 0))->branch_id;
  g_test_message ("%u branches without a meeting; the first: %s", before,
                  ((SmtOverviewBranch *) g_ptr_array_index (ov->without_meeting, 0))->name);

  /* Sinh hoạt: this year, the branch's cell of this month says ✗. */
  view = show_meetings (window);
  g_assert_cmpint (smt_meetings_view_get_year (view), ==, year);
  cell_before = g_strdup (smt_meetings_view_get_cell_text (view, branch_id, month));
  g_assert_nonnull (cell_before);
  g_assert_true (g_str_has_prefix (cell_before, "✗"));
  shot = shoot (GTK_WIDGET (window), "screenshot-meetings.png");
  g_clear_pointer (&shot, g_free);

  /* The cell opens the month's meetings and the form, dated today. */
  dialog = smt_meetings_view_open_cell (view, branch_id, month);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (smt_meeting_dialog_get_date (dialog), ==, today_shown);
  members = smt_meeting_dialog_get_n_members (dialog);
  g_assert_cmpuint (members, >=, 3);
  /* Ticking members counts them present. */
  smt_meeting_dialog_tick (dialog, 0, TRUE);
  smt_meeting_dialog_tick (dialog, 2, TRUE);
  g_assert_cmpint (smt_meeting_dialog_get_present (dialog), ==, 2);
  smt_meeting_dialog_set_topic (dialog, "Phòng chống dịch bệnh mùa mưa");
  smt_meeting_dialog_set_party (dialog, TRUE);

  /* Refused inside the dialog, nothing written: a day in the future (out
   * of the branch's life so far), more present than members. */
  hash = smt_gui_content_hash (reg);
  future = g_strdup_printf ("05/%02d/%d", month, year + 1);
  smt_meeting_dialog_set_date (dialog, future);
  g_assert_false (smt_meeting_dialog_save (dialog));
  g_assert_nonnull (smt_meeting_dialog_get_error (dialog));
  g_test_message ("refused: %s", smt_meeting_dialog_get_error (dialog));
  g_assert_nonnull (strstr (smt_meeting_dialog_get_error (dialog), future));
  smt_meeting_dialog_set_date (dialog, today_shown);
  smt_meeting_dialog_set_present (dialog, (int) members + 1);
  g_assert_false (smt_meeting_dialog_save (dialog));
  g_assert_nonnull (smt_meeting_dialog_get_error (dialog));
  g_test_message ("refused: %s", smt_meeting_dialog_get_error (dialog));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 700);
  shot = shoot (GTK_WIDGET (dialog), "screenshot-meetings-dialog-refused.png");
  g_clear_pointer (&shot, g_free);

  /* Recorded: Tổng quan counts one branch fewer, the cell says ✓. */
  smt_meeting_dialog_set_present (dialog, 2);
  smt_meeting_dialog_set_kind (dialog, SMT_MEETING_REGULAR);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_meeting_dialog_save (dialog));
  smt_gui_wait_until_null (&dialog);
  g_assert_cmpuint (without_meeting (window), ==, before - 1);
  g_assert_false (listed_without_meeting (window, branch_id));
  view = show_meetings (window);
  g_assert_cmpstr (smt_meetings_view_get_cell_text (view, branch_id, month), ==, "✓");

  /* The dialog of the cell now lists the meeting, with its attendance. */
  dialog = smt_meetings_view_open_cell (view, branch_id, month);
  g_assert_cmpuint (smt_meeting_dialog_get_n_meetings (dialog), ==, 1);
  smt_meeting_dialog_tick (dialog, 0, TRUE);
  smt_meeting_dialog_tick (dialog, 1, TRUE);
  g_assert_cmpint (smt_meeting_dialog_get_present (dialog), ==, 2);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 680, 760);
  shot = shoot (GTK_WIDGET (dialog), "screenshot-meetings-dialog.png");
  g_clear_pointer (&shot, g_free);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  smt_gui_wait_until_null (&dialog);

  /* Ctrl+Z voids it: the count and the cell come back. */
  g_free (hash);
  hash = smt_gui_content_hash (reg);
  g_assert_true (smt_window_undo (window));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, !=, hash);
  g_assert_cmpuint (without_meeting (window), ==, before);
  g_assert_true (listed_without_meeting (window, branch_id));
  view = show_meetings (window);
  g_assert_cmpstr (smt_meetings_view_get_cell_text (view, branch_id, month), ==, cell_before);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

static void
test_studies_dialogue (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *today_shown = NULL;
  SmtDialogueMonth months[12];
  SmtMeetingsView *view;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  int year, month;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  reg = smt_window_get_register (window);
  year = atoi (smt_register_get_today (reg));
  month = atoi (smt_register_get_today (reg) + 5);
  today_shown = smt_date_to_display (smt_register_get_today (reg));
  view = show_meetings (window);

  /* A meeting voided from its cell: refused without a reason, then voided
   * (a new row; the cell turns to ✗). */
  {
    g_autoptr(GPtrArray) rows = smt_meeting_grid (reg, year, 0, NULL);
    SmtMeetingDialog *dialog;
    gint64 branch_id = 0;
    int held = 0;

    for (guint i = 0; i < rows->len && branch_id == 0; i++)
      for (int m = 1; m < month && branch_id == 0; m++)
        {
          const SmtMeetingGridRow *r = g_ptr_array_index (rows, i);

          if (r->months[m - 1].meetings == 1 && r->months[m - 1].regular)
            {
              branch_id = r->branch_id;
              held = m;
            }
        }
    g_assert_cmpint (branch_id, !=, 0);
    g_assert_cmpstr (smt_meetings_view_get_cell_text (view, branch_id, held), ==, "✓");
    dialog = smt_meetings_view_open_cell (view, branch_id, held);
    g_assert_cmpuint (smt_meeting_dialog_get_n_meetings (dialog), ==, 1);
    hash = smt_gui_content_hash (reg);
    g_assert_false (smt_meeting_dialog_void (dialog, 0));
    g_assert_nonnull (smt_meeting_dialog_get_error (dialog));
    g_test_message ("refused: %s", smt_meeting_dialog_get_error (dialog));
    hash_after = smt_gui_content_hash (reg);
    g_assert_cmpstr (hash_after, ==, hash);
    g_clear_pointer (&hash, g_free);
    g_clear_pointer (&hash_after, g_free);
    smt_meeting_dialog_set_void_reason (dialog, "Ghi nhầm chi hội");
    g_assert_true (smt_meeting_dialog_void (dialog, 0));
    g_assert_null (smt_meeting_dialog_get_error (dialog));
    g_assert_cmpuint (smt_meeting_dialog_get_n_meetings (dialog), ==, 0);
    view = show_meetings (window);
    g_assert_cmpstr (smt_meetings_view_get_cell_text (view, branch_id, held), ==, "✗");
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    gtk_window_close (GTK_WINDOW (dialog));
    smt_gui_wait_until_null (&dialog);
  }

  /* Dialogue days of this month: a word is refused, numbers are typed. */
  smt_meetings_view_show_section (view, "dialogue");
  g_free (hash);
  hash = smt_gui_content_hash (reg);
  g_assert_false (smt_meetings_view_save_dialogue (view, month, "1", "bảy", "5"));
  g_assert_nonnull (smt_meetings_view_get_error (view));
  g_test_message ("refused: %s", smt_meetings_view_get_error (view));
  g_clear_pointer (&hash_after, g_free);
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_assert_true (smt_meetings_view_save_dialogue (view, month, "2", "1.234", "5"));
  g_assert_true (smt_dialogue_year (reg, year, months, NULL));
  g_assert_true (months[month - 1].defined[SMT_DIALOGUE_RAISED]);
  g_assert_cmpfloat (months[month - 1].value[SMT_DIALOGUE_DAYS], ==, 2);
  g_assert_cmpfloat (months[month - 1].value[SMT_DIALOGUE_RAISED], ==, 1234);
  g_assert_cmpfloat (months[month - 1].value[SMT_DIALOGUE_RESOLVED], ==, 5);
  view = show_meetings (window);
  shot = shoot (GTK_WIDGET (window), "screenshot-meetings-dialogue.png");
  g_clear_pointer (&shot, g_free);

  /* At 1024×600 the grid scrolls. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  smt_meetings_view_show_section (view, "grid");
  shot = shoot (GTK_WIDGET (window), "screenshot-meetings-1024.png");
  g_clear_pointer (&shot, g_free);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- studies ------------------------------------------------------------------ */

/* members_studied of this month (the year so far) for Phụ nữ alone: no
 * study of the demo is recorded by number there, so the figure is its
 * named people; *studied gets them when not NULL. */
static SmtIndicatorResult *
pn_studied (SmtRegister *reg,
            GHashTable  *studied)
{
  g_autoptr(GError) error = NULL;
  const char *today = smt_register_get_today (reg);
  g_autoptr(SmtPeriod) month = smt_period_new_month (atoi (today), atoi (today + 5));
  SmtIndicatorQuery q = {
    .organisation_id = smt_organisation_lookup (reg, "PN"), .explain = studied != NULL,
  };
  SmtIndicatorResult *r;

  r = smt_indicator_compute (reg, "members_studied", month, &q, &error);
  g_assert_no_error (error);
  for (guint i = 0; studied != NULL && i < r->numerator_rows->len; i++)
    {
      SmtExplainRow *row = g_ptr_array_index (r->numerator_rows, i);

      g_assert_cmpstr (row->kind, ==, "person");
      g_hash_table_add (studied, g_memdup2 (&row->id, sizeof (gint64)));
    }
  return r;
}

typedef struct
{
  gint64 id;
  char  *name;
  guint  members;
  guint  studied;        /* members named as having studied this year */
  guint  not_studied;    /* members not yet, not working away */
  guint  not_studied_all;
} PnBranch;

static void
pn_branch_free (PnBranch *b)
{
  g_free (b->name);
  g_free (b);
}

/* The PN chi hội of today with who of their members has studied. */
static GPtrArray *
pn_branches (SmtRegister *reg,
             GHashTable  *studied)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = smt_branches_list (reg, smt_organisation_lookup (reg, "PN"), NULL,
                                                 &error);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_branch_free);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const SmtBranchInfo *info = g_ptr_array_index (list, i);
      g_autoptr(GPtrArray) members = NULL;
      PnBranch *b;

      if (info->parent_id != 0)
        continue;
      members = smt_meeting_members (reg, info->id, smt_register_get_today (reg), &error);
      g_assert_no_error (error);
      b = g_new0 (PnBranch, 1);
      b->id = info->id;
      b->name = g_strdup (info->name);
      b->members = members->len;
      for (guint k = 0; k < members->len; k++)
        {
          const SmtBranchMember *m = g_ptr_array_index (members, k);

          if (g_hash_table_contains (studied, &m->person_id))
            b->studied++;
          else
            {
              b->not_studied_all++;
              b->not_studied += !m->away;
            }
        }
      g_ptr_array_add (out, b);
    }
  return out;
}

static void
record_study (SmtStudyDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_study_dialog_save (dialog));
  smt_gui_wait_until_null (&dialog);
}

/* The three ways of the study dialog on the 10.000-person demo, each
 * moving members_studied of Phụ nữ for this month (the year so far) by
 * what it says; refusals inside the dialog write nothing; Ctrl+Z voids
 * the last. */
static void
test_study_ways (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GHashTable) studied = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         NULL);
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(SmtIndicatorResult) start = NULL;
  const PnBranch *counted = NULL, *ticked = NULL, *whole = NULL;
  SmtMeetingsView *view;
  SmtStudyDialog *dialog;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  gint64 pn;
  double numerator;
  guint studies, n_ticked;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  reg = smt_window_get_register (window);
  pn = smt_organisation_lookup (reg, "PN");
  start = pn_studied (reg, studied);
  numerator = start->numerator;
  g_test_message ("PN this year so far: %g of %g", start->numerator, start->denominator);
  g_assert_true (start->defined);
  g_assert_cmpfloat (start->numerator + 10, <, start->denominator);

  /* Three branches: one for a number, one with two members yet to study,
   * one with three or more yet to study who are not working away. */
  branches = pn_branches (reg, studied);
  for (guint i = 0; i < branches->len; i++)
    {
      const PnBranch *b = g_ptr_array_index (branches, i);

      if (whole == NULL && b->not_studied >= 3 && b->studied >= 1)
        whole = b;
      else if (ticked == NULL && b->not_studied_all >= 2)
        ticked = b;
      else if (counted == NULL && b->studied >= 5)
        counted = b;
    }
  g_assert_nonnull (counted);
  g_assert_nonnull (ticked);
  g_assert_nonnull (whole);
  g_test_message ("by number: %s (%u of %u studied); ticked: %s (%u yet to); whole: %s "
                  "(%u yet to, not away)", counted->name, counted->studied, counted->members,
                  ticked->name, ticked->not_studied_all, whole->name, whole->not_studied);

  view = show_meetings (window);
  smt_meetings_view_show_section (view, "studies");
  studies = smt_meetings_view_get_n_studies (view);
  shot = shoot (GTK_WIDGET (window), "screenshot-meetings-studies.png");
  g_clear_pointer (&shot, g_free);

  /* By number: the branch's studied members may be among them, so a
   * number 2 above them counts 2 more. Refused first without a subject,
   * and with a list asked for but no branch: nothing written. */
  dialog = smt_meetings_view_open_study (view);
  g_assert_nonnull (dialog);
  hash = smt_gui_content_hash (reg);
  smt_study_dialog_set_organisation (dialog, pn);
  g_assert_true (smt_study_dialog_set_branch (dialog, counted->id));
  smt_study_dialog_set_way (dialog, SMT_STUDY_DIALOG_COUNT);
  smt_study_dialog_set_count (dialog, (int) counted->studied + 2);
  g_assert_false (smt_study_dialog_save (dialog));
  g_assert_nonnull (smt_study_dialog_get_error (dialog));
  g_test_message ("refused: %s", smt_study_dialog_get_error (dialog));
  smt_study_dialog_set_subject (dialog, "Nghị quyết Đại hội Phụ nữ toàn quốc lần thứ XIV");
  g_assert_true (smt_study_dialog_set_branch (dialog, 0));
  smt_study_dialog_set_way (dialog, SMT_STUDY_DIALOG_TICKED);
  g_assert_false (smt_study_dialog_save (dialog));
  g_test_message ("refused: %s", smt_study_dialog_get_error (dialog));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  shot = shoot (GTK_WIDGET (dialog), "screenshot-study-dialog-refused.png");
  g_clear_pointer (&shot, g_free);
  g_assert_true (smt_study_dialog_set_branch (dialog, counted->id));
  smt_study_dialog_set_way (dialog, SMT_STUDY_DIALOG_COUNT);
  shot = shoot (GTK_WIDGET (dialog), "screenshot-study-dialog-count.png");
  g_clear_pointer (&shot, g_free);
  record_study (dialog);
  {
    g_autoptr(SmtIndicatorResult) r = pn_studied (reg, NULL);

    g_assert_cmpfloat (r->numerator, ==, numerator + 2);
    numerator = r->numerator;
  }

  /* Ticked: two members of the branch yet to study this year: 2 more. */
  dialog = smt_meetings_view_open_study (view);
  smt_study_dialog_set_subject (dialog, "Luật Bình đẳng giới");
  smt_study_dialog_set_organisation (dialog, pn);
  g_assert_true (smt_study_dialog_set_branch (dialog, ticked->id));
  smt_study_dialog_set_way (dialog, SMT_STUDY_DIALOG_TICKED);
  g_assert_cmpuint (smt_study_dialog_get_n_members (dialog), ==, ticked->members);
  g_assert_cmpuint (smt_study_dialog_get_n_ticked (dialog), ==, 0);
  n_ticked = 0;
  for (guint i = 0; i < smt_study_dialog_get_n_members (dialog) && n_ticked < 2; i++)
    {
      gint64 person = smt_study_dialog_get_member (dialog, i, NULL);

      if (!g_hash_table_contains (studied, &person))
        {
          smt_study_dialog_tick (dialog, i, TRUE);
          n_ticked++;
        }
    }
  g_assert_cmpuint (smt_study_dialog_get_n_ticked (dialog), ==, 2);
  shot = shoot (GTK_WIDGET (dialog), "screenshot-study-dialog-ticked.png");
  g_clear_pointer (&shot, g_free);
  record_study (dialog);
  {
    g_autoptr(SmtIndicatorResult) r = pn_studied (reg, NULL);

    g_assert_cmpfloat (r->numerator, ==, numerator + 2);
    numerator = r->numerator;
  }

  /* The whole branch except two of those yet to study: everyone else not
   * working away studied, so those yet to study less the two. */
  dialog = smt_meetings_view_open_study (view);
  smt_study_dialog_set_subject (dialog, "Chỉ thị số 35-CT/TW");
  smt_study_dialog_set_organisation (dialog, pn);
  g_assert_true (smt_study_dialog_set_branch (dialog, whole->id));
  smt_study_dialog_set_way (dialog, SMT_STUDY_DIALOG_WHOLE_BRANCH);
  {
    guint away = 0, unticked = 0;

    for (guint i = 0; i < smt_study_dialog_get_n_members (dialog); i++)
      {
        gboolean is_away;
        gint64 person = smt_study_dialog_get_member (dialog, i, &is_away);

        away += is_away;
        if (!is_away && unticked < 2 && !g_hash_table_contains (studied, &person))
          {
            smt_study_dialog_tick (dialog, i, FALSE);
            unticked++;
          }
      }
    g_assert_cmpuint (unticked, ==, 2);
    g_assert_cmpuint (smt_study_dialog_get_n_ticked (dialog), ==, whole->members - away - 2);
  }
  shot = shoot (GTK_WIDGET (dialog), "screenshot-study-dialog-whole.png");
  g_clear_pointer (&shot, g_free);
  record_study (dialog);
  {
    g_autoptr(SmtIndicatorResult) r = pn_studied (reg, NULL);

    g_assert_cmpfloat (r->numerator, ==, numerator + whole->not_studied - 2);
  }
  view = show_meetings (window);
  g_assert_cmpuint (smt_meetings_view_get_n_studies (view), ==, studies + 3);
  shot = shoot (GTK_WIDGET (window), "screenshot-meetings-studies-after.png");
  g_clear_pointer (&shot, g_free);

  /* Ctrl+Z voids the last study: the figure is back where it was. */
  g_assert_true (smt_window_undo (window));
  {
    g_autoptr(SmtIndicatorResult) r = pn_studied (reg, NULL);

    g_assert_cmpfloat (r->numerator, ==, numerator);
  }
  view = show_meetings (window);
  g_assert_cmpuint (smt_meetings_view_get_n_studies (view), ==, studies + 2);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);

  g_test_add_func ("/meetings/changes-overview", test_meeting_changes_overview);
  g_test_add_func ("/meetings/studies-dialogue", test_studies_dialogue);
  g_test_add_func ("/meetings/study-ways", test_study_ways);

  return smt_gui_test_run ();
}
