/* test-new-register.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/check/smt-check.h"
#include "core/register/smt-register-private.h"
#include "core/setup/smt-setup.h"
#include "gui/assistants/smt-import-assistant.h"
#include "gui/assistants/smt-new-register-assistant.h"
#include "smt-gui-test.h"
#include "smt-test-util.h"

/* The demo says it is the demo, above every view, with a button that opens
 * the assistant; the assistant makes the register of Xã Tân Lập as a user
 * would: a pasted list of hamlets with numbering and a repeated name, one
 * hamlet moved up and one removed, two associations left out and one
 * renamed, two Cựu chiến binh branches joined into a liên ấp one, a Người
 * cao tuổi branch left out, a chi đoàn renamed. Each page is saved as a
 * screenshot. */

static gboolean
is_small (gpointer data)
{
  return gtk_widget_get_width (data) <= 1024 && gtk_widget_get_height (data) <= 600;
}

static gboolean
assistant_shown (gpointer data)
{
  return smt_gui_find_window (data, SMT_TYPE_NEW_REGISTER_ASSISTANT) != NULL;
}

static gboolean
import_shown (gpointer data)
{
  return smt_gui_find_window (data, SMT_TYPE_IMPORT_ASSISTANT) != NULL;
}

static guint
branch_index (SmtSetupPlan *plan,
              const char   *name)
{
  for (guint i = 0; i < plan->branches->len; i++)
    if (strcmp (((SmtPlanBranch *) g_ptr_array_index (plan->branches, i))->name, name) == 0)
      return i;
  g_error ("no branch %s", name);
}

static char *
hamlet_names (SmtSetupPlan *plan)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < plan->hamlets->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "|" : "",
                            ((SmtHamletEntry *) g_ptr_array_index (plan->hamlets, i))->name);
  return g_string_free (s, FALSE);
}

static gboolean
laid_out (gpointer data)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (data);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GtkWidget *stack = smt_gui_find_descendant (data, GTK_TYPE_STACK);

  /* The pages slide: the shot is of the page, not of the slide. */
  if (stack != NULL && gtk_stack_get_transition_running (GTK_STACK (stack)))
    {
      g_object_unref (snapshot);
      return FALSE;
    }
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (data),
                          gtk_widget_get_height (data));
  node = gtk_snapshot_free_to_node (snapshot);
  return node != NULL;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *shot = NULL;
  /* The entry rows' titles and the banner move for a moment. */
  gint64 deadline = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;

  smt_gui_wait_until (time_passed, &deadline, SMT_GUI_WAIT_SECONDS, "the animations");
  gtk_test_widget_wait_for_draw (widget);
  smt_gui_wait_until (laid_out, widget, SMT_GUI_WAIT_SECONDS, "the page laid out");
  shot = smt_gui_write_screenshot (widget, name);
  g_test_message ("screenshot: %s", shot);
}

static void
test_demo_banner_and_assistant (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autofree char *new_path = g_build_filename (dir, "xa-tan-lap.smt", NULL);
  g_autofree char *title = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  SmtNewRegisterAssistant *assistant;
  GtkWindow *import;
  SmtApplication *app;
  SmtWindow *window;
  GtkWidget *banner;
  GtkWidget *button;
  SmtSetupPlan *plan;
  SmtRegister *reg;
  guint i;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  banner = smt_window_get_demo_banner (window);
  g_assert_true (smt_setup_is_demo (smt_window_get_register (window)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Above every view, the same banner. */
  smt_window_show_view (window, "people");
  shoot (GTK_WIDGET (window), "screenshot-demo-banner.png");
  g_assert_true (gtk_widget_get_mapped (banner));
  smt_window_show_view (window, "overview");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  smt_gui_wait_until (is_small, window, SMT_GUI_WAIT_SECONDS, "the window at 1024×600");
  shoot (GTK_WIDGET (window), "screenshot-demo-banner-1024.png");

  /* Its button opens the assistant. */
  button = smt_gui_find_descendant (banner, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  /* A button clicks a moment after it is activated. */
  g_assert_true (gtk_widget_activate (button));
  smt_gui_wait_until (assistant_shown, app, SMT_GUI_WAIT_SECONDS, "the assistant");
  assistant = SMT_NEW_REGISTER_ASSISTANT (smt_gui_find_window (app,
                                                               SMT_TYPE_NEW_REGISTER_ASSISTANT));
  g_assert_nonnull (assistant);
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);
  plan = smt_new_register_assistant_get_plan (assistant);

  /* 1. The commune. */
  smt_new_register_assistant_set_commune (assistant, 0, "Tân Lập", "Cần Thơ", "");
  shoot (GTK_WIDGET (assistant), "screenshot-new-register-1-commune.png");
  g_assert_true (smt_new_register_assistant_next (assistant));

  /* 2. The hamlets, pasted: "ấp tân hòa" repeats line 1 and is refused
   * with its lines named; moving Phú Mỹ up writes the list anew without
   * it; Mỹ An is removed. */
  g_assert_cmpstr (smt_new_register_assistant_get_page (assistant), ==, "hamlets");
  smt_new_register_assistant_set_hamlets_text (assistant, "1. Ấp Tân Hòa\n2. Tân Lợi, Phú Mỹ\n"
                                               "\n- Ấp Mỹ An\nấp tân hòa\n");
  names = hamlet_names (plan);
  g_assert_cmpstr (names, ==, "Ấp Tân Hòa|Ấp Tân Lợi|Ấp Phú Mỹ|Ấp Mỹ An");
  g_clear_pointer (&names, g_free);
  g_assert_nonnull (strstr (smt_new_register_assistant_get_error (assistant), "1"));
  g_assert_nonnull (strstr (smt_new_register_assistant_get_error (assistant), "5"));
  shoot (GTK_WIDGET (assistant), "screenshot-new-register-2-hamlets-repeated.png");
  g_assert_false (smt_new_register_assistant_next (assistant));
  smt_new_register_assistant_move_hamlet_up (assistant, 2);
  smt_new_register_assistant_remove_hamlet (assistant, 3);
  names = hamlet_names (plan);
  g_assert_cmpstr (names, ==, "Ấp Tân Hòa|Ấp Phú Mỹ|Ấp Tân Lợi");
  g_assert_null (smt_new_register_assistant_get_error (assistant));
  shoot (GTK_WIDGET (assistant), "screenshot-new-register-2-hamlets.png");
  g_assert_true (smt_new_register_assistant_next (assistant));

  /* 3. The organisations: without Chữ thập đỏ and Khuyến học, the Phụ nữ
   * renamed; a name left blank is refused. */
  smt_new_register_assistant_set_organisation (assistant, "CTD", FALSE, NULL);
  smt_new_register_assistant_set_organisation (assistant, "KH", FALSE, NULL);
  smt_new_register_assistant_set_organisation (assistant, "ND", TRUE, "");
  g_assert_false (smt_new_register_assistant_next (assistant));
  g_assert_nonnull (smt_new_register_assistant_get_error (assistant));
  smt_new_register_assistant_set_organisation (assistant, "ND", TRUE, "Hội Nông dân Việt Nam");
  smt_new_register_assistant_set_organisation (assistant, "PN", TRUE, "Hội LHPN xã Tân Lập");
  shoot (GTK_WIDGET (assistant), "screenshot-new-register-3-organisations.png");
  g_assert_true (smt_new_register_assistant_next (assistant));

  /* 4. The branches: 5 organisations × 3 hamlets proposed (none for the
   * Công đoàn); the two small CCB ones joined, one NCT left out, the
   * first chi đoàn renamed. */
  g_assert_cmpuint (plan->branches->len, ==, 15);
  smt_new_register_assistant_join_branch (assistant,
      branch_index (plan, "Chi hội Cựu chiến binh Ấp Phú Mỹ"));
  g_assert_cmpuint (plan->branches->len, ==, 14);
  i = branch_index (plan, "Chi hội Cựu chiến binh liên ấp Phú Mỹ - Tân Lợi");
  g_assert_cmpuint (((SmtPlanBranch *) g_ptr_array_index (plan->branches, i))->hamlets->len, ==,
                    2);
  smt_new_register_assistant_set_branch (assistant,
      branch_index (plan, "Chi hội Người cao tuổi Ấp Tân Lợi"), FALSE, NULL);
  smt_new_register_assistant_set_branch (assistant, branch_index (plan, "Chi đoàn Ấp Tân Hòa"),
                                         TRUE, "Chi đoàn Tân Hòa");
  shoot (GTK_WIDGET (assistant), "screenshot-new-register-4-branches.png");
  /* Back and forth keeps the edits. */
  smt_new_register_assistant_back (assistant);
  g_assert_true (smt_new_register_assistant_next (assistant));
  g_assert_cmpuint (plan->branches->len, ==, 14);
  g_assert_true (smt_new_register_assistant_next (assistant));

  /* 5. The file. */
  g_assert_cmpstr (smt_new_register_assistant_get_page (assistant), ==, "file");
  smt_new_register_assistant_set_path (assistant, new_path);
  shoot (GTK_WIDGET (assistant), "screenshot-new-register-5-file.png");
  g_assert_true (smt_new_register_assistant_next (assistant));

  /* 6. Done: the register is open, and the page offers its first import,
   * which opens the import assistant over the window. */
  g_assert_cmpstr (smt_new_register_assistant_get_page (assistant), ==, "done");
  shoot (GTK_WIDGET (assistant), "screenshot-new-register-6-done.png");
  button = smt_gui_find_descendant (smt_gui_find_descendant (GTK_WIDGET (assistant),
                                                             ADW_TYPE_STATUS_PAGE),
                                    GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  smt_gui_wait_until_null (&assistant);
  smt_gui_wait_until (import_shown, app, SMT_GUI_WAIT_SECONDS, "the import assistant");
  import = smt_gui_find_window (app, SMT_TYPE_IMPORT_ASSISTANT);
  g_assert_true (gtk_window_get_transient_for (import) == GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (import), (gpointer *) &import);
  gtk_window_destroy (import);
  smt_gui_wait_until_null (&import);

  /* Open in the window, no longer the demo. */
  reg = smt_window_get_register (window);
  title = smt_register_dup_commune_title (reg);
  g_assert_cmpstr (title, ==, "Xã Tân Lập");
  g_assert_false (smt_setup_is_demo (reg));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM hamlet"), ==, 3);
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT position FROM hamlet "
                                                    "WHERE name = 'Ấp Phú Mỹ'"), ==, 2);
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM organisation"), ==, 6);
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM organisation "
                                                    "WHERE name = 'Hội LHPN xã Tân Lập'"), ==, 1);
  /* 15 − 1 joined − 1 left out; the liên ấp serves two hamlets. */
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM branch"), ==, 13);
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM branch_hamlet"), ==,
                   14);
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM branch "
                                                    "WHERE name = 'Chi đoàn Tân Hòa'"), ==, 1);
  g_assert_true (smt_register_check (reg, problems, &error));
  g_assert_no_error (error);
  shoot (GTK_WIDGET (window), "screenshot-new-register-done.png");

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  smt_gui_test_init (&argc, &argv);
  g_test_add_func ("/new-register/demo-banner-and-assistant", test_demo_banner_and_assistant);
  return smt_gui_test_run ();
}
