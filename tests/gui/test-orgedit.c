/* test-orgedit.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <gtk/gtk.h>

#include "core/organisations/smt-admission-query.h"
#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "gui/dialogs/smt-branch-dialog.h"
#include "gui/dialogs/smt-bulk-admit-dialog.h"
#include "gui/dialogs/smt-leader-dialog.h"
#include "gui/dialogs/smt-organisation-dialog.h"
#include "gui/views/smt-organisations-view.h"
#include "smt-gui-test.h"
#include "smt-test-util.h"

/* The Tổ chức và chi hội view made editable, on the 10.000-person demo:
 * each dialog is opened by the view's action, as its button does, and
 * what it writes is read back from the core and from the view. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtBranchInfo, smt_branch_info_free)

typedef struct
{
  char                 *dir;
  SmtApplication       *app;
  SmtWindow            *window;
  SmtRegister          *reg;
  SmtOrganisationsView *view;
} Fixture;

static gboolean
page_is_overview (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
}

static gboolean
is_small (gpointer data)
{
  return gtk_widget_get_width (data) <= 1024 && gtk_widget_get_height (data) <= 600;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = smt_gui_demo_copy (&f->dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  smt_gui_reset_state ();
  f->app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (f->app), &file, 1, "");
  f->window = smt_gui_only_window (f->app);
  smt_gui_wait_until (page_is_overview, f->window, SMT_GUI_WAIT_SECONDS, "the register");
  f->reg = smt_window_get_register (f->window);
  smt_window_show_view (f->window, "organisations");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  f->view = SMT_ORGANISATIONS_VIEW (smt_gui_find_descendant (GTK_WIDGET (f->window),
                                                             SMT_TYPE_ORGANISATIONS_VIEW));
  g_assert_nonnull (f->view);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  smt_gui_close_window (f->window);
  smt_gui_stop_application (f->app);
  smt_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The dialog of that type the view's action opened (dialogs are not the
 * application's windows), drawn. */
static GtkWindow *
open_dialog (Fixture    *f,
             const char *action,
             GVariant   *target,
             GType       type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, target));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = GTK_WINDOW (w);
    }
  g_assert_nonnull (found);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (found));
  return found;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *shot = NULL;
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  /* The entry rows animate their title when text is set: let them end. */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
  shot = smt_gui_write_screenshot (widget, name);
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
}

/* The chi hội (not a tổ hội) of org with the most members, on the core's word. */
static SmtBranchInfo *
largest_branch (Fixture *f,
                gint64   organisation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = smt_branches_list (f->reg, organisation_id, NULL, &error);
  SmtBranchInfo *best = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (b->parent_id == 0 && b->hamlets[0] != '\0' && (best == NULL || b->members > best->members))
        best = b;
    }
  g_assert_nonnull (best);
  /* Stolen from the list: the caller frees it. */
  g_ptr_array_set_free_func (branches, NULL);
  for (guint i = 0; i < branches->len; i++)
    if (g_ptr_array_index (branches, i) != best)
      smt_branch_info_free (g_ptr_array_index (branches, i));
  return best;
}

static guint
members_now (Fixture *f,
             gint64   organisation_id,
             gint64   branch_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = smt_branches_list (f->reg, organisation_id, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    if (((SmtBranchInfo *) g_ptr_array_index (branches, i))->id == branch_id)
      return ((SmtBranchInfo *) g_ptr_array_index (branches, i))->members;
  g_assert_not_reached ();
}

static gboolean
contains (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* ---- a branch and a leader ---------------------------------------------------- */

static void
test_branch_and_leader (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hamlets = smt_hamlets_list (f->reg, &error);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) leaders = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autoptr(SmtBranchDialog) branch_dialog = NULL;
  g_autoptr(SmtBranchInfo) big = NULL;
  gint64 pn = smt_organisation_lookup (f->reg, "PN");
  const SmtBranchMember *deputy;
  GtkWindow *dialog;
  gboolean found = FALSE;
  gint64 new_branch;

  g_assert_no_error (error);
  g_assert_cmpuint (hamlets->len, >=, 2);
  g_assert_true (smt_organisations_view_select (f->view, pn, 0));
  screenshot (GTK_WIDGET (f->window), "screenshot-orgedit-view.png");

  /* A liên ấp chi hội over the first two hamlets. One hamlet is refused. */
  dialog = open_dialog (f, "orgs.add-branch", NULL, SMT_TYPE_BRANCH_DIALOG);
  branch_dialog = g_object_ref (SMT_BRANCH_DIALOG (dialog));
  smt_branch_dialog_set_kind (branch_dialog, SMT_BRANCH_CHOICE_LIEN_AP, 0);
  smt_branch_dialog_set_name (branch_dialog, "Chi hội Phụ nữ liên ấp thử");
  smt_branch_dialog_tick_hamlet (branch_dialog,
                                 ((SmtHamletInfo *) g_ptr_array_index (hamlets, 0))->id, TRUE);
  g_assert_false (smt_branch_dialog_save (branch_dialog));
  g_assert_nonnull (smt_branch_dialog_get_error (branch_dialog));
  smt_branch_dialog_tick_hamlet (branch_dialog,
                                 ((SmtHamletInfo *) g_ptr_array_index (hamlets, 1))->id, TRUE);
  screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-branch-dialog.png");
  g_assert_true (smt_branch_dialog_save (branch_dialog));
  new_branch = smt_branch_dialog_get_branch_id (branch_dialog);
  g_assert_cmpint (new_branch, !=, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (branch_dialog)));
  g_clear_object (&branch_dialog);

  /* In the core's list and in the view's branch column. */
  {
    g_autoptr(GPtrArray) branches = smt_branches_list (f->reg, pn, NULL, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < branches->len; i++)
      {
        const SmtBranchInfo *b = g_ptr_array_index (branches, i);

        if (b->id == new_branch)
          {
            found = TRUE;
            g_assert_cmpstr (b->kind, ==, "chi hội");
            g_assert_cmpstr (b->name, ==, "Chi hội Phụ nữ liên ấp thử");
            g_assert_nonnull (strstr (b->hamlets,
                                      ((SmtHamletInfo *) g_ptr_array_index (hamlets, 0))->name));
            g_assert_nonnull (strstr (b->hamlets,
                                      ((SmtHamletInfo *) g_ptr_array_index (hamlets, 1))->name));
            g_assert_cmpstr (b->founded_on, ==, smt_register_get_today (f->reg));
          }
      }
    g_assert_true (found);
  }
  g_assert_true (smt_organisations_view_select (f->view, pn, new_branch));

  /* Ctrl+Z: the new branch is dissolved on the day it was founded (still
   * listed that day, marked). */
  g_assert_true (smt_window_undo (f->window));
  {
    g_autoptr(GPtrArray) branches = smt_branches_list (f->reg, pn, NULL, &error);

    found = FALSE;
    for (guint i = 0; i < branches->len; i++)
      if (((SmtBranchInfo *) g_ptr_array_index (branches, i))->id == new_branch)
        {
          found = TRUE;
          g_assert_cmpstr (((SmtBranchInfo *) g_ptr_array_index (branches, i))->dissolved_on,
                           ==, smt_register_get_today (f->reg));
        }
    g_assert_true (found);
  }

  /* The largest chi hội cannot be dissolved while it has members: the
   * core's refusal in the dialog, nothing written. */
  big = largest_branch (f, pn);
  g_assert_true (smt_organisations_view_select (f->view, pn, big->id));
  {
    g_autofree char *hash = smt_gui_content_hash (f->reg);
    g_autofree char *hash_after = NULL;

    dialog = open_dialog (f, "orgs.dissolve-branch", NULL, SMT_TYPE_BRANCH_DIALOG);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_false (smt_branch_dialog_save (SMT_BRANCH_DIALOG (dialog)));
    g_assert_nonnull (smt_branch_dialog_get_error (SMT_BRANCH_DIALOG (dialog)));
    smt_branch_dialog_set_reason (SMT_BRANCH_DIALOG (dialog), "Sáp nhập ấp");
    g_assert_false (smt_branch_dialog_save (SMT_BRANCH_DIALOG (dialog)));
    g_test_message ("refused: %s", smt_branch_dialog_get_error (SMT_BRANCH_DIALOG (dialog)));
    hash_after = smt_gui_content_hash (f->reg);
    g_assert_cmpstr (hash_after, ==, hash);
    screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-dissolve-dialog.png");
    gtk_window_close (dialog);
    smt_gui_wait_until_null (&dialog);
  }

  /* A deputy for the largest chi hội: its first member by given name. */
  members = smt_branch_members (f->reg, big->id, NULL, &error);
  g_assert_no_error (error);
  deputy = g_ptr_array_index (members, 0);
  dialog = open_dialog (f, "orgs.appoint-leader", NULL, SMT_TYPE_LEADER_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_leader_dialog_select (SMT_LEADER_DIALOG (dialog), deputy->person_id,
                                           SMT_LEADER_DEPUTY));
  smt_leader_dialog_set_reason (SMT_LEADER_DIALOG (dialog), "Bầu bổ sung");
  screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-leader-dialog.png");
  g_assert_true (smt_leader_dialog_save (SMT_LEADER_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);

  leaders = smt_branch_leaders (f->reg, big->id, &error);
  g_assert_no_error (error);
  found = FALSE;
  for (guint i = 0; i < leaders->len; i++)
    {
      const SmtBranchLeader *l = g_ptr_array_index (leaders, i);

      if (l->person_id == deputy->person_id && l->role == SMT_LEADER_DEPUTY
          && l->to_date == NULL)
        {
          found = TRUE;
          g_assert_cmpstr (l->from_date, ==, smt_register_get_today (f->reg));
        }
    }
  g_assert_true (found);
  /* The view shows the core's leaders, in its order. */
  shown = smt_organisations_view_dup_leader_ids (f->view);
  g_assert_cmpuint (shown->len, ==, leaders->len);
  for (guint i = 0; i < leaders->len; i++)
    g_assert_cmpint (g_array_index (shown, gint64, i), ==,
                     ((SmtBranchLeader *) g_ptr_array_index (leaders, i))->id);
  screenshot (GTK_WIDGET (f->window), "screenshot-orgedit-leaders.png");

  /* A chi hội whose members all sit in its tổ hội: they are offered too. */
  {
    g_autoptr(GPtrArray) branches = smt_branches_list (f->reg, pn, NULL, &error);
    const SmtBranchInfo *parent = NULL, *group = NULL;
    g_autoptr(GPtrArray) in_group = NULL;

    for (guint i = 0; i < branches->len && group == NULL; i++)
      {
        const SmtBranchInfo *b = g_ptr_array_index (branches, i);

        if (b->parent_id == 0 || b->members == 0)
          continue;
        for (guint j = 0; j < branches->len; j++)
          if (((SmtBranchInfo *) g_ptr_array_index (branches, j))->id == b->parent_id)
            parent = g_ptr_array_index (branches, j);
        group = b;
      }
    g_assert_nonnull (group);
    g_assert_nonnull (parent);
    in_group = smt_branch_members (f->reg, group->id, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (smt_organisations_view_select (f->view, pn, parent->id));
    dialog = open_dialog (f, "orgs.appoint-leader", NULL, SMT_TYPE_LEADER_DIALOG);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (smt_leader_dialog_select (SMT_LEADER_DIALOG (dialog),
                                             ((SmtBranchMember *) g_ptr_array_index (in_group,
                                                                                     0))->person_id,
                                             SMT_LEADER_DEPUTY));
    g_assert_null (smt_leader_dialog_get_error (SMT_LEADER_DIALOG (dialog)));
    gtk_window_close (dialog);
    smt_gui_wait_until_null (&dialog);
    g_assert_true (smt_organisations_view_select (f->view, pn, big->id));
  }

  /* Ending that term: the end dialog opened from the leader's row. */
  {
    gint64 term = 0;

    for (guint i = 0; i < leaders->len; i++)
      if (((SmtBranchLeader *) g_ptr_array_index (leaders, i))->person_id == deputy->person_id)
        term = ((SmtBranchLeader *) g_ptr_array_index (leaders, i))->id;
    dialog = open_dialog (f, "orgs.end-term", g_variant_new_int64 (term),
                          SMT_TYPE_LEADER_DIALOG);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    /* A reason is required. */
    g_assert_false (smt_leader_dialog_save (SMT_LEADER_DIALOG (dialog)));
    g_assert_nonnull (smt_leader_dialog_get_error (SMT_LEADER_DIALOG (dialog)));
    smt_leader_dialog_set_reason (SMT_LEADER_DIALOG (dialog), "Chuyển công tác");
    screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-end-term-dialog.png");
    g_assert_true (smt_leader_dialog_save (SMT_LEADER_DIALOG (dialog)));
    smt_gui_wait_until_null (&dialog);
    g_clear_pointer (&leaders, g_ptr_array_unref);
    leaders = smt_branch_leaders (f->reg, big->id, &error);
    found = FALSE;
    for (guint i = 0; i < leaders->len; i++)
      {
        const SmtBranchLeader *l = g_ptr_array_index (leaders, i);

        if (l->person_id == deputy->person_id && l->role == SMT_LEADER_DEPUTY)
          {
            found = TRUE;
            g_assert_cmpstr (l->to_date, ==, smt_register_get_today (f->reg));
          }
      }
    g_assert_true (found);
  }
}

/* ---- bulk admission ------------------------------------------------------------- */

static void
test_bulk_admit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtBranchInfo) big = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GArray) shown = NULL;
  gint64 pn = smt_organisation_lookup (f->reg, "PN");
  gint64 chosen[3];
  GtkWindow *dialog;
  guint before;

  big = largest_branch (f, pn);
  before = members_now (f, pn, big->id);
  g_assert_true (smt_organisations_view_select (f->view, pn, big->id));
  g_assert_cmpuint (smt_organisations_view_get_branch_count (f->view), ==, before);

  dialog = open_dialog (f, "orgs.bulk-admit", NULL, SMT_TYPE_BULK_ADMIT_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The core's candidates, in its order by given name. */
  candidates = smt_admission_candidates (f->reg, big->id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, >=, 3);
  listed = smt_bulk_admit_dialog_dup_listed (SMT_BULK_ADMIT_DIALOG (dialog));
  g_assert_cmpuint (listed->len, ==, MIN (candidates->len, 300));
  for (guint i = 0; i < listed->len; i++)
    g_assert_cmpint (g_array_index (listed, gint64, i), ==,
                     ((SmtAdmissionCandidate *) g_ptr_array_index (candidates, i))->person_id);

  /* A search without tones lists the core's matches only. */
  smt_bulk_admit_dialog_set_search (SMT_BULK_ADMIT_DIALOG (dialog), "nguyen thi");
  found = smt_admission_candidates (f->reg, big->id, NULL, "Nguyễn Thị", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, 0);
  g_assert_cmpuint (found->len, <, candidates->len);
  g_clear_pointer (&listed, g_array_unref);
  listed = smt_bulk_admit_dialog_dup_listed (SMT_BULK_ADMIT_DIALOG (dialog));
  g_assert_cmpuint (listed->len, ==, MIN (found->len, 300));
  for (guint i = 0; i < listed->len; i++)
    {
      const SmtAdmissionCandidate *c = g_ptr_array_index (found, i);

      g_assert_cmpint (g_array_index (listed, gint64, i), ==, c->person_id);
      g_assert_true (g_str_has_prefix (c->full_name, "Nguyễn Thị"));
    }

  /* Three ticked: one found by the search, two from the whole list. */
  chosen[0] = g_array_index (listed, gint64, 0);
  smt_bulk_admit_dialog_tick (SMT_BULK_ADMIT_DIALOG (dialog), chosen[0], TRUE);
  smt_bulk_admit_dialog_set_search (SMT_BULK_ADMIT_DIALOG (dialog), "");
  g_assert_cmpuint (smt_bulk_admit_dialog_get_n_ticked (SMT_BULK_ADMIT_DIALOG (dialog)), ==, 1);
  for (guint i = 0, n = 1; n < 3; i++)
    {
      gint64 id = ((SmtAdmissionCandidate *) g_ptr_array_index (candidates, i))->person_id;

      if (id != chosen[0])
        {
          chosen[n++] = id;
          smt_bulk_admit_dialog_tick (SMT_BULK_ADMIT_DIALOG (dialog), id, TRUE);
        }
    }
  g_assert_cmpuint (smt_bulk_admit_dialog_get_n_ticked (SMT_BULK_ADMIT_DIALOG (dialog)), ==, 3);
  smt_bulk_admit_dialog_set_document (SMT_BULK_ADMIT_DIALOG (dialog), "15/QĐ-HPN");
  smt_bulk_admit_dialog_set_reason (SMT_BULK_ADMIT_DIALOG (dialog), "Kết nạp đợt tháng 11");
  screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-bulk-admit-dialog.png");
  g_assert_true (smt_bulk_admit_dialog_save (SMT_BULK_ADMIT_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);

  /* Three more members in the core, shown in the view. */
  g_assert_cmpuint (members_now (f, pn, big->id), ==, before + 3);
  g_assert_cmpuint (smt_organisations_view_get_branch_count (f->view), ==, before + 3);
  shown = smt_organisations_view_dup_member_ids (f->view);
  g_assert_cmpuint (shown->len, ==, before + 3);
  for (guint i = 0; i < 3; i++)
    {
      gint64 in_branch = 0;

      g_assert_true (contains (shown, chosen[i]));
      g_assert_cmpint (smt_membership_state_on (f->reg, chosen[i], pn,
                                                smt_register_get_today (f->reg), &in_branch),
                       ==, SMT_MEMBER_ACTIVE);
      g_assert_cmpint (in_branch, ==, big->id);
    }
  screenshot (GTK_WIDGET (f->window), "screenshot-orgedit-admitted.png");

  /* Ctrl+Z voids the whole batch. */
  g_assert_true (smt_window_undo (f->window));
  g_assert_cmpuint (members_now (f, pn, big->id), ==, before);
  g_assert_cmpuint (smt_organisations_view_get_branch_count (f->view), ==, before);
  g_clear_pointer (&shown, g_array_unref);
  shown = smt_organisations_view_dup_member_ids (f->view);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (contains (shown, chosen[i]));
      g_assert_cmpint (smt_membership_state_on (f->reg, chosen[i], pn,
                                                smt_register_get_today (f->reg), NULL),
                       ==, SMT_MEMBER_NONE);
    }
}

/* One person of the batch cannot join: named in the dialog, nothing written. */
static void
test_bulk_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtBranchInfo) youth = NULL;
  g_autoptr(SmtBranchInfo) women = NULL;
  g_autoptr(GPtrArray) young = NULL;
  g_autoptr(GPtrArray) older = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  gint64 dtn = smt_organisation_lookup (f->reg, "DTN");
  gint64 pn = smt_organisation_lookup (f->reg, "PN");
  const SmtAdmissionCandidate *too_old = NULL;
  GtkWindow *dialog;
  const char *message;

  /* Two who may join a chi đoàn, and a woman over 40 who may join the
   * Women's Union but is too old for the Youth Union. */
  youth = largest_branch (f, dtn);
  women = largest_branch (f, pn);
  young = smt_admission_candidates (f->reg, youth->id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (young->len, >=, 2);
  older = smt_admission_candidates (f->reg, women->id, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < older->len && too_old == NULL; i++)
    if (((SmtAdmissionCandidate *) g_ptr_array_index (older, i))->age > 40
        && smt_membership_state_on (f->reg,
                                    ((SmtAdmissionCandidate *) g_ptr_array_index (older, i))->person_id,
                                    dtn, smt_register_get_today (f->reg), NULL) == SMT_MEMBER_NONE)
      too_old = g_ptr_array_index (older, i);
  g_assert_nonnull (too_old);

  g_assert_true (smt_organisations_view_select (f->view, dtn, youth->id));
  hash = smt_gui_content_hash (f->reg);
  dialog = open_dialog (f, "orgs.bulk-admit", NULL, SMT_TYPE_BULK_ADMIT_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  for (guint i = 0; i < 2; i++)
    smt_bulk_admit_dialog_tick (SMT_BULK_ADMIT_DIALOG (dialog),
                                ((SmtAdmissionCandidate *) g_ptr_array_index (young, i))->person_id,
                                TRUE);
  smt_bulk_admit_dialog_tick (SMT_BULK_ADMIT_DIALOG (dialog), too_old->person_id, TRUE);

  /* A bad date first, then the refusal. */
  smt_bulk_admit_dialog_set_date (SMT_BULK_ADMIT_DIALOG (dialog), "31/02/2026");
  g_assert_false (smt_bulk_admit_dialog_save (SMT_BULK_ADMIT_DIALOG (dialog)));
  g_assert_nonnull (smt_bulk_admit_dialog_get_error (SMT_BULK_ADMIT_DIALOG (dialog)));
  {
    g_autofree char *today = NULL;

    today = g_strdup_printf ("%.2s/%.2s/%.4s", smt_register_get_today (f->reg) + 8,
                             smt_register_get_today (f->reg) + 5, smt_register_get_today (f->reg));
    smt_bulk_admit_dialog_set_date (SMT_BULK_ADMIT_DIALOG (dialog), today);
  }
  g_assert_false (smt_bulk_admit_dialog_save (SMT_BULK_ADMIT_DIALOG (dialog)));
  message = smt_bulk_admit_dialog_get_error (SMT_BULK_ADMIT_DIALOG (dialog));
  g_assert_nonnull (message);
  g_test_message ("refused: %s", message);
  g_assert_nonnull (strstr (message, too_old->full_name));
  hash_after = smt_gui_content_hash (f->reg);
  g_assert_cmpstr (hash_after, ==, hash);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (smt_membership_state_on (f->reg,
                                              ((SmtAdmissionCandidate *)
                                               g_ptr_array_index (young, i))->person_id,
                                              dtn, smt_register_get_today (f->reg), NULL),
                     ==, SMT_MEMBER_NONE);
  /* The dialog stays open with the message. */
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-bulk-refused.png");
  gtk_window_close (dialog);
  smt_gui_wait_until_null (&dialog);
}

/* ---- organisations --------------------------------------------------------------- */

static const SmtOrganisationInfo *
find_org (GPtrArray  *list,
          const char *code)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (list, i))->code, code) == 0)
      return g_ptr_array_index (list, i);
  return NULL;
}

static void
test_organisation (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  gint64 dtn = smt_organisation_lookup (f->reg, "DTN");
  const SmtOrganisationInfo *o;
  GtkWindow *dialog;
  int old_max;

  list = smt_organisations_list (f->reg, &error);
  g_assert_no_error (error);
  old_max = find_org (list, "DTN")->max_age;
  g_assert_cmpint (old_max, !=, 35);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A new organisation: its dialog, then Cancel (Escape). */
  dialog = open_dialog (f, "orgs.add-organisation", NULL, SMT_TYPE_ORGANISATION_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  smt_organisation_dialog_set_text (SMT_ORGANISATION_DIALOG (dialog), "code", "NCT");
  smt_organisation_dialog_set_text (SMT_ORGANISATION_DIALOG (dialog), "name", "Hội Thử");
  smt_organisation_dialog_set_text (SMT_ORGANISATION_DIALOG (dialog), "short-name", "Thử");
  hash = smt_gui_content_hash (f->reg);
  /* NCT is taken: the core's refusal, in the dialog. */
  g_assert_false (smt_organisation_dialog_save (SMT_ORGANISATION_DIALOG (dialog)));
  g_assert_nonnull (strstr (smt_organisation_dialog_get_error (SMT_ORGANISATION_DIALOG (dialog)),
                            "NCT"));
  hash_after = smt_gui_content_hash (f->reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-organisation-new.png");
  gtk_window_close (dialog);
  smt_gui_wait_until_null (&dialog);

  /* The Youth Union's oldest age. */
  g_assert_true (smt_organisations_view_select (f->view, dtn, 0));
  dialog = open_dialog (f, "orgs.edit-organisation", NULL, SMT_TYPE_ORGANISATION_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  smt_organisation_dialog_set_text (SMT_ORGANISATION_DIALOG (dialog), "max-age", "ba mươi");
  g_assert_false (smt_organisation_dialog_save (SMT_ORGANISATION_DIALOG (dialog)));
  g_assert_nonnull (smt_organisation_dialog_get_error (SMT_ORGANISATION_DIALOG (dialog)));
  smt_organisation_dialog_set_text (SMT_ORGANISATION_DIALOG (dialog), "max-age", "35");
  /* Without a reason: refused. */
  g_assert_false (smt_organisation_dialog_save (SMT_ORGANISATION_DIALOG (dialog)));
  smt_organisation_dialog_set_text (SMT_ORGANISATION_DIALOG (dialog), "reason",
                                    "Điều lệ Đoàn sửa đổi");
  screenshot (GTK_WIDGET (dialog), "screenshot-orgedit-organisation-edit.png");
  hash_after = smt_gui_content_hash (f->reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_assert_true (smt_organisation_dialog_save (SMT_ORGANISATION_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);

  list = smt_organisations_list (f->reg, &error);
  o = find_org (list, "DTN");
  g_assert_cmpint (o->max_age, ==, 35);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Ctrl+Z writes the old rule back. */
  g_assert_true (smt_window_undo (f->window));
  list = smt_organisations_list (f->reg, &error);
  o = find_org (list, "DTN");
  g_assert_cmpint (o->max_age, ==, old_max);

  /* At 1024×600 the three columns still fit, the page scrolls. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
  smt_gui_wait_until (is_small, f->window, SMT_GUI_WAIT_SECONDS, "the window at 1024×600");
  screenshot (GTK_WIDGET (f->window), "screenshot-orgedit-1024.png");
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);
  g_test_add ("/orgedit/branch-and-leader", Fixture, NULL, fixture_setup,
              test_branch_and_leader, fixture_teardown);
  g_test_add ("/orgedit/bulk-admit", Fixture, NULL, fixture_setup, test_bulk_admit,
              fixture_teardown);
  g_test_add ("/orgedit/bulk-refused", Fixture, NULL, fixture_setup, test_bulk_refused,
              fixture_teardown);
  g_test_add ("/orgedit/organisation", Fixture, NULL, fixture_setup, test_organisation,
              fixture_teardown);
  return smt_gui_test_run ();
}
