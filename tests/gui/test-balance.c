/* test-balance.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <gtk/gtk.h>

#include "core/indicators/smt-balance.h"
#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/organisations/smt-restructure.h"
#include "core/register/smt-date.h"
#include "gui/dialogs/smt-branch-dialog.h"
#include "gui/dialogs/smt-restructure-dialog.h"
#include "gui/views/smt-events-view.h"
#include "gui/views/smt-organisations-view.h"
#include "smt-gui-test.h"
#include "smt-test-util.h"

/* The balance in Biến động and the restructure dialog, on the 10.000-person
 * demo at 1366×768: what the view shows is the core's, the screenshots are
 * for a person to look at. */

typedef struct
{
  char           *dir;
  SmtApplication *app;
  SmtWindow      *window;
  SmtRegister    *reg;
} Fixture;

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) <= 1366 && gtk_widget_get_height (data) <= 768;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = smt_gui_demo_copy (&f->dir);

  smt_gui_reset_state ();
  f->app = smt_gui_start_application ();
  f->window = smt_gui_open_register (f->app, path);
  f->reg = smt_window_get_register (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  smt_gui_wait_until (has_size, f->window, SMT_GUI_WAIT_SECONDS, "the window's size");
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

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *shot = NULL;
  gint64 until = g_get_monotonic_time () + 400 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
  shot = smt_gui_write_screenshot (widget, name);
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
}

static void
assert_same_rows (GPtrArray *shown,
                  GPtrArray *core)
{
  g_assert_nonnull (shown);
  g_assert_cmpuint (shown->len, ==, core->len);
  for (guint i = 0; i < core->len; i++)
    {
      const SmtBalanceRow *a = g_ptr_array_index (shown, i);
      const SmtBalanceRow *b = g_ptr_array_index (core, i);

      g_assert_cmpint (a->organisation_id, ==, b->organisation_id);
      g_assert_cmpint (a->hamlet_id, ==, b->hamlet_id);
      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpmem (a->increases, sizeof a->increases, b->increases, sizeof b->increases);
      g_assert_cmpmem (a->decreases, sizeof a->decreases, b->decreases, sizeof b->decreases);
      g_assert_cmpmem (a->moves, sizeof a->moves, b->moves, sizeof b->moves);
      g_assert_cmpuint (a->start + smt_balance_row_increased (a), ==,
                        a->end + smt_balance_row_decreased (a));
    }
}

/* Last year's balance: every organisation, then Phụ nữ by hamlet. */
static void
test_view (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pn_rows = NULL;
  gint64 pn = smt_organisation_lookup (f->reg, "PN");
  int year = atoi (smt_register_get_today (f->reg)) - 1;
  g_autofree char *code = g_strdup_printf ("%d", year);
  SmtEventsView *view;

  smt_window_show_view (f->window, "events");
  view = SMT_EVENTS_VIEW (smt_gui_find_descendant (GTK_WIDGET (f->window),
                                                   SMT_TYPE_EVENTS_VIEW));
  g_assert_nonnull (view);
  g_assert_null (smt_events_view_get_balance (view));
  period = smt_period_parse (code, &error);
  g_assert_no_error (error);
  all = smt_balance_compute (f->reg, period, 0, &error);
  g_assert_no_error (error);
  pn_rows = smt_balance_compute (f->reg, period, pn, &error);
  g_assert_no_error (error);

  smt_events_view_choose (view, SMT_EVENTS_LAST_YEAR, 0, -1);
  smt_events_view_show_balance (view, TRUE);
  assert_same_rows (smt_events_view_get_balance (view), all);
  screenshot (GTK_WIDGET (f->window), "screenshot-balance-all.png");

  smt_events_view_choose (view, SMT_EVENTS_LAST_YEAR, pn, -1);
  assert_same_rows (smt_events_view_get_balance (view), pn_rows);
  screenshot (GTK_WIDGET (f->window), "screenshot-balance-pn.png");

  /* Back to the journal and again: the same rows, counted again. */
  smt_events_view_show_balance (view, FALSE);
  smt_events_view_show_balance (view, TRUE);
  assert_same_rows (smt_events_view_get_balance (view), pn_rows);
}

/* The dialog of that type on screen, drawn. */
static GtkWindow *
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = GTK_WINDOW (w);
    }
  if (found != NULL)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (found));
  return found;
}

/* A new tổ hội under the largest PN chi hội: saving it opens the
 * restructure dialog on the chi hội's members; three are moved as one
 * act, shown in the journal as "Sắp xếp tổ chức", and undone whole. */
static void
test_restructure (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 pn = smt_organisation_lookup (f->reg, "PN");
  const SmtBranchInfo *chi = NULL;
  SmtOrganisationsView *view;
  g_autoptr(SmtBranchDialog) branch_dialog = NULL;
  GtkWindow *dialog;
  SmtRestructureDialog *move;
  gint64 to_hoi, ids[3];
  SmtEventFilter filter = { NULL, NULL, 0, SMT_JOURNAL_RESTRUCTURED };

  before = smt_restructures_list (f->reg, 0, &error);
  g_assert_no_error (error);
  branches = smt_branches_list (f->reg, pn, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);
      g_autoptr(GPtrArray) own = NULL;

      if (b->parent_id != 0 || g_strcmp0 (b->kind, "chi hội") != 0)
        continue;
      own = smt_restructure_members (f->reg, b->id, NULL, &error);
      g_assert_no_error (error);
      if (own->len >= 3 && (chi == NULL || own->len > members->len))
        {
          chi = b;
          g_clear_pointer (&members, g_ptr_array_unref);
          members = g_steal_pointer (&own);
        }
    }
  g_assert_nonnull (chi);

  smt_window_show_view (f->window, "organisations");
  view = SMT_ORGANISATIONS_VIEW (smt_gui_find_descendant (GTK_WIDGET (f->window),
                                                          SMT_TYPE_ORGANISATIONS_VIEW));
  g_assert_true (smt_organisations_view_select (view, pn, chi->id));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "orgs.add-branch", NULL));
  dialog = find_dialog (SMT_TYPE_BRANCH_DIALOG);
  g_assert_nonnull (dialog);
  branch_dialog = g_object_ref (SMT_BRANCH_DIALOG (dialog));
  smt_branch_dialog_set_kind (branch_dialog, SMT_BRANCH_CHOICE_TO_HOI, chi->id);
  smt_branch_dialog_set_name (branch_dialog, "Tổ hội Phụ nữ số 9 thử");
  screenshot (GTK_WIDGET (dialog), "screenshot-branch-to-hoi.png");
  g_assert_true (smt_branch_dialog_save (branch_dialog));
  to_hoi = smt_branch_dialog_get_branch_id (branch_dialog);
  g_assert_cmpint (to_hoi, !=, 0);

  dialog = find_dialog (SMT_TYPE_RESTRUCTURE_DIALOG);
  g_assert_nonnull (dialog);
  move = SMT_RESTRUCTURE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (smt_restructure_dialog_get_from (move), ==, chi->id);
  g_assert_cmpint (smt_restructure_dialog_get_to (move), ==, to_hoi);
  g_assert_cmpuint (smt_restructure_dialog_get_n_listed (move), ==, members->len);
  /* Nothing ticked: nothing to move. */
  g_assert_cmpuint (smt_restructure_dialog_get_n_ticked (move), ==, 0);
  smt_restructure_dialog_tick_all (move, TRUE);
  g_assert_cmpuint (smt_restructure_dialog_get_n_ticked (move), ==, members->len);
  smt_restructure_dialog_tick_all (move, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      ids[i] = smt_restructure_dialog_get_listed (move, i);
      smt_restructure_dialog_tick (move, ids[i], TRUE);
    }
  smt_restructure_dialog_set_reason (move, "Thành lập tổ hội, phân công sinh hoạt theo tổ");
  screenshot (GTK_WIDGET (dialog), "screenshot-restructure-dialog.png");
  g_assert_true (smt_restructure_dialog_save (move));
  smt_gui_wait_until_null (&dialog);

  after = smt_restructures_list (f->reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (after, 0))->moved, ==, 3);
  g_assert_cmpint (((SmtRestructureInfo *) g_ptr_array_index (after, 0))->branch_id, ==, to_hoi);
  {
    g_autoptr(GPtrArray) rows = NULL;

    filter.from = filter.to = smt_register_get_today (f->reg);
    rows = smt_events_list (f->reg, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
  }

  /* The tổ hội's page offers to move the chi hội's members into it. */
  g_assert_true (smt_organisations_view_select (view, pn, to_hoi));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  screenshot (GTK_WIDGET (f->window), "screenshot-organisations-to-hoi.png");

  /* Ctrl+Z voids the three moves together. */
  g_assert_true (smt_window_undo (f->window));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = smt_restructures_list (f->reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (after, 0))->moved, ==, 0);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (after, 0))->voided, ==, 3);

  /* From the chi hội's page, into the tổ hội again: a refusal stays in
   * the dialog and writes nothing. */
  g_assert_true (smt_organisations_view_select (view, pn, chi->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "orgs.restructure", NULL));
  dialog = find_dialog (SMT_TYPE_RESTRUCTURE_DIALOG);
  g_assert_nonnull (dialog);
  move = SMT_RESTRUCTURE_DIALOG (dialog);
  g_assert_cmpint (smt_restructure_dialog_get_from (move), ==, chi->id);
  /* The day first: a new day lists that day's members afresh. */
  smt_restructure_dialog_set_date (move, "01/01/1990");
  smt_restructure_dialog_tick (move, ids[0], TRUE);
  g_assert_false (smt_restructure_dialog_save (move));
  g_assert_nonnull (smt_restructure_dialog_get_error (move));
  /* The tổ hội was founded today. */
  g_assert_nonnull (strstr (smt_restructure_dialog_get_error (move), "thành lập"));
  screenshot (GTK_WIDGET (dialog), "screenshot-restructure-refused.png");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = smt_restructures_list (f->reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  gtk_window_destroy (dialog);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);
  g_test_add ("/balance/view", Fixture, NULL, fixture_setup, test_view, fixture_teardown);
  g_test_add ("/balance/restructure", Fixture, NULL, fixture_setup, test_restructure,
              fixture_teardown);
  return smt_gui_test_run ();
}
