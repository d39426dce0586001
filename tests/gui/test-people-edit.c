/* test-people-edit.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>
#include <gtk/gtk.h>
#include <glib/gi18n.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/people/smt-household-query.h"
#include "core/people/smt-people-query.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-date.h"
#include "core/register/smt-text.h"
#include "gui/app/smt-window-private.h"
#include "gui/dialogs/smt-move-dialog.h"
#include "gui/dialogs/smt-person-dialog.h"
#include "gui/dialogs/smt-split-dialog.h"
#include "gui/views/smt-person-window.h"

#include "smt-gui-test.h"
#include "smt-test-util.h"

/* Người và hộ, the editing part, on the 10.000-person demo: a new person
 * (Ctrl+N), a correction, a move, a household split, and Ctrl+Z. */

/* ---- helpers ------------------------------------------------------------------- */

static gboolean
page_is_overview (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
}

/* The first open toplevel of a type (dialogs are not the application's). */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  GtkWindow *found = NULL;

  toplevels = gtk_window_get_toplevels ();
  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        found = GTK_WINDOW (item);
    }
  return found;
}

static gboolean
has_toplevel (gpointer data)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

static GtkWindow *
wait_for_toplevel (GType       type,
                   const char *what)
{
  smt_gui_wait_until (has_toplevel, GSIZE_TO_POINTER (type), SMT_GUI_WAIT_SECONDS, what);
  return find_toplevel (type);
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *shot = NULL;

  gtk_test_widget_wait_for_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  shot = smt_gui_write_screenshot (widget, name);
  g_test_message ("screenshot: %s", shot);
}

static SmtWindow *
open_demo (SmtApplication **app_out,
           char           **dir)
{
  g_autofree char *path = smt_gui_demo_copy (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SmtApplication *app;
  SmtWindow *window;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  smt_gui_wait_until (page_is_overview, window, SMT_GUI_WAIT_SECONDS, "the register");
  *app_out = app;
  return window;
}

/* A household of the demo with at least min_members people today. */
static const SmtHouseholdInfo *
household_with (GPtrArray *households,
                guint      min_members,
                gint64     not_this)
{
  for (guint i = 0; i < households->len; i++)
    {
      const SmtHouseholdInfo *h = g_ptr_array_index (households, i);

      if (h->members >= min_members && h->id != not_this && h->head_id != 0)
        return h;
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
list_has (SmtWindow *window,
          gint64     id)
{
  SmtPeopleModel *model = smt_window_get_people_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    if (smt_people_model_get_id (model, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
search_is (gpointer data)
{
  SmtWindow *window = data;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (smt_window_get_search_entry (window)));

  return g_strcmp0 (smt_people_model_get_search (smt_window_get_people_model (window)), typed)
         == 0;
}

/* ---- a new person -------------------------------------------------------------- */

static void
test_new_person (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autoptr(GPtrArray) households = NULL;
  const SmtHouseholdInfo *household;
  const SmtPersonDetail *detail;
  const SmtHamletInfo *hamlet;
  SmtPersonDialog *dialog;
  SmtPersonField field;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  GtkWindow *page;
  GtkEditable *entry;

  window = open_demo (&app, &dir);
  reg = smt_window_get_register (window);
  hamlets = smt_hamlets_list (reg, &error);
  g_assert_no_error (error);
  hamlet = g_ptr_array_index (hamlets, 1);
  households = smt_households_list (reg, hamlet->id, NULL, &error);
  g_assert_no_error (error);
  household = household_with (households, 2, 0);
  hash = smt_gui_content_hash (reg);

  /* Ctrl+N opens the dialog of a new person. */
  g_assert_null (find_toplevel (SMT_TYPE_PERSON_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-person", NULL);
  dialog = SMT_PERSON_DIALOG (wait_for_toplevel (SMT_TYPE_PERSON_DIALOG, "the dialog"));
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_HO, "Đỗ");
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_CHU_LOT, "Thị Thu");
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_TEN, "Xuân");
  smt_person_dialog_set_sex (dialog, SMT_SEX_FEMALE);
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_BORN, "12/03/1988");
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_PHONE, "0912 345 678");
  g_assert_true (smt_person_dialog_choose_residence (dialog, SMT_RESIDENCE_EXISTING, hamlet->id,
                                                     household->id));
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_FROM, "01/02/2026");
  shoot (GTK_WIDGET (dialog), "screenshot-people-edit-new-person.png");

  /* A CCCD of 11 digits: said next to the field, nothing written. */
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_CCCD, "01234567890");
  g_assert_false (smt_person_dialog_save (dialog));
  g_assert_nonnull (smt_person_dialog_get_error (dialog, &field));
  g_assert_cmpint (field, ==, SMT_PERSON_FIELD_CCCD);
  g_assert_nonnull (strstr (smt_person_dialog_get_error (dialog, NULL), "01234567890"));
  after = smt_gui_content_hash (reg);
  g_assert_cmpstr (after, ==, hash);
  g_clear_pointer (&after, g_free);
  shoot (GTK_WIDGET (dialog), "screenshot-people-edit-new-person-refused.png");

  /* Living there before being born: refused after the person was written,
   * so the whole transaction is rolled back. */
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_CCCD, "");
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_FROM, "01/01/1980");
  g_assert_false (smt_person_dialog_save (dialog));
  g_assert_nonnull (smt_person_dialog_get_error (dialog, &field));
  g_assert_cmpint (field, ==, SMT_PERSON_FIELD_FROM);
  g_test_message ("refused: %s", smt_person_dialog_get_error (dialog, NULL));
  after = smt_gui_content_hash (reg);
  g_assert_cmpstr (after, ==, hash);
  g_clear_pointer (&after, g_free);

  /* Saved: the page of the new person opens, the list shows them. */
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_FROM, "01/02/2026");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_person_dialog_save (dialog));
  smt_gui_wait_until_null (&dialog);
  page = smt_gui_find_window (app, SMT_TYPE_PERSON_WINDOW);
  g_assert_nonnull (page);
  detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
  g_assert_cmpstr (detail->name, ==, "Đỗ Thị Thu Xuân");
  g_assert_cmpstr (detail->birth_date, ==, "1988-03-12");
  g_assert_cmpint (detail->sex, ==, 'F');
  g_assert_cmpstr (detail->phone, ==, "0912345678");
  g_assert_cmpint (detail->household_id, ==, household->id);
  g_assert_cmpuint (detail->residences->len, ==, 1);
  g_assert_cmpstr (((SmtResidenceRow *) g_ptr_array_index (detail->residences, 0))->from, ==,
                   "2026-02-01");
  {
    gint64 id = detail->id;

    gtk_window_destroy (page);
    entry = GTK_EDITABLE (smt_window_get_search_entry (window));
    gtk_widget_activate_action (GTK_WIDGET (window), "people.search", NULL);
    gtk_editable_set_text (entry, "do thi thu xuan");
    smt_gui_wait_until (search_is, window, SMT_GUI_WAIT_SECONDS, "the search");
    g_assert_true (list_has (window, id));
  }

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- correct, split, move, undo ------------------------------------------------ */

static GPtrArray *
members_of (SmtRegister *reg,
            gint64       household)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *members = smt_household_members (reg, household, NULL, &error);

  g_assert_no_error (error);
  return members;
}

static gint64
member_id (GPtrArray *members,
           guint      i)
{
  return ((SmtHouseholdMember *) g_ptr_array_index (members, i))->person_id;
}

static void
test_edit_split_move (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *after = NULL;
  g_autofree char *split_iso = NULL;
  g_autofree char *split_on = NULL;
  g_autoptr(GPtrArray) households = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(SmtPersonDetail) read_back = NULL;
  g_autofree char *head_folded = NULL;
  const SmtHouseholdInfo *source, *target;
  const SmtPersonDetail *detail;
  const SmtResidenceRow *r;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  GtkWindow *page;
  GtkWindow *dialog;
  SmtPersonField field;
  gint64 person, other, created;
  guint n_residences;

  window = open_demo (&app, &dir);
  reg = smt_window_get_register (window);
  households = smt_households_list (reg, 0, NULL, &error);
  g_assert_no_error (error);
  source = household_with (households, 3, 0);
  target = household_with (households, 1, source->id);
  members = members_of (reg, source->id);
  g_assert_cmpuint (members->len, ==, source->members);
  g_assert_cmpint (member_id (members, 0), ==, source->head_id);
  person = member_id (members, 1);
  other = member_id (members, 2);
  split_iso = smt_date_add_days (smt_register_get_today (reg), -10);
  split_on = smt_date_to_display (split_iso);

  page = smt_window_open_person (window, person);
  g_assert_nonnull (page);

  /* A correction needs a reason; with one, the phone is read back. */
  dialog = smt_person_window_edit (SMT_PERSON_WINDOW (page));
  g_assert_nonnull (dialog);
  smt_person_dialog_set_text (SMT_PERSON_DIALOG (dialog), SMT_PERSON_FIELD_PHONE,
                              "0987 654 321");
  hash = smt_gui_content_hash (reg);
  g_assert_false (smt_person_dialog_save (SMT_PERSON_DIALOG (dialog)));
  g_assert_nonnull (smt_person_dialog_get_error (SMT_PERSON_DIALOG (dialog), &field));
  g_assert_cmpint (field, ==, SMT_PERSON_FIELD_REASON);
  after = smt_gui_content_hash (reg);
  g_assert_cmpstr (after, ==, hash);
  g_clear_pointer (&after, g_free);
  smt_person_dialog_set_text (SMT_PERSON_DIALOG (dialog), SMT_PERSON_FIELD_REASON,
                              "Đổi số điện thoại");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_person_dialog_save (SMT_PERSON_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
  g_assert_cmpstr (detail->phone, ==, "0987654321");
  read_back = smt_person_detail_get (reg, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back->phone, ==, "0987654321");

  /* Split: everyone is refused (a split leaves someone), then two of
   * them form a household ten days ago, the page's person its head. */
  dialog = smt_person_window_split (SMT_PERSON_WINDOW (page));
  g_assert_nonnull (dialog);
  for (guint i = 0; i < members->len; i++)
    g_assert_true (smt_split_dialog_set_chosen (SMT_SPLIT_DIALOG (dialog), member_id (members, i),
                                                TRUE));
  g_assert_true (smt_split_dialog_set_head (SMT_SPLIT_DIALOG (dialog), person));
  g_assert_true (smt_split_dialog_set_hamlet (SMT_SPLIT_DIALOG (dialog), source->hamlet_id));
  smt_split_dialog_set_address (SMT_SPLIT_DIALOG (dialog), "Số 99A, tổ 9");
  smt_split_dialog_set_date (SMT_SPLIT_DIALOG (dialog), split_on);
  g_clear_pointer (&hash, g_free);
  hash = smt_gui_content_hash (reg);
  g_assert_false (smt_split_dialog_save (SMT_SPLIT_DIALOG (dialog)));
  g_assert_nonnull (smt_split_dialog_get_error (SMT_SPLIT_DIALOG (dialog)));
  after = smt_gui_content_hash (reg);
  g_assert_cmpstr (after, ==, hash);
  g_clear_pointer (&after, g_free);
  for (guint i = 0; i < members->len; i++)
    smt_split_dialog_set_chosen (SMT_SPLIT_DIALOG (dialog), member_id (members, i),
                                 i == 1 || i == 2);
  shoot (GTK_WIDGET (dialog), "screenshot-people-edit-split.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_split_dialog_save (SMT_SPLIT_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);

  detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
  created = detail->household_id;
  g_assert_cmpint (created, !=, source->id);
  left = members_of (reg, source->id);
  made = members_of (reg, created);
  g_assert_cmpuint (left->len, ==, members->len - 2);
  g_assert_cmpint (member_id (left, 0), ==, source->head_id);
  for (guint i = 0; i < left->len; i++)
    {
      g_assert_cmpint (member_id (left, i), !=, person);
      g_assert_cmpint (member_id (left, i), !=, other);
    }
  g_assert_cmpuint (made->len, ==, 2);
  g_assert_cmpint (member_id (made, 0), ==, person);
  g_assert_true (((SmtHouseholdMember *) g_ptr_array_index (made, 0))->head);
  g_assert_cmpint (member_id (made, 1), ==, other);
  g_assert_cmpstr (((SmtHouseholdMember *) g_ptr_array_index (made, 1))->since, ==, split_iso);
  gtk_window_set_default_size (page, 760, 720);
  shoot (GTK_WIDGET (page), "screenshot-people-edit-person.png");

  /* Move to the target household today, found by its head's name. */
  n_residences = detail->residences->len;
  dialog = smt_person_window_move (SMT_PERSON_WINDOW (page));
  smt_move_dialog_set_kind (SMT_MOVE_DIALOG (dialog), SMT_MOVE_TO_HOUSEHOLD);
  head_folded = smt_text_fold (target->head);
  g_assert_cmpuint (smt_move_dialog_search (SMT_MOVE_DIALOG (dialog), head_folded), >, 0);
  g_assert_true (smt_move_dialog_select_household (SMT_MOVE_DIALOG (dialog), target->id));
  smt_move_dialog_set_reason (SMT_MOVE_DIALOG (dialog), "Về ở với gia đình");
  shoot (GTK_WIDGET (dialog), "screenshot-people-edit-move.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_move_dialog_save (SMT_MOVE_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);

  detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
  g_assert_cmpuint (detail->residences->len, ==, n_residences + 1);
  r = g_ptr_array_index (detail->residences, detail->residences->len - 2);
  g_assert_cmpint (r->household_id, ==, created);
  g_assert_cmpstr (r->from, ==, split_iso);
  g_assert_cmpstr (r->to, ==, smt_register_get_today (reg));
  r = g_ptr_array_index (detail->residences, detail->residences->len - 1);
  g_assert_cmpint (r->household_id, ==, target->id);
  g_assert_cmpstr (r->from, ==, smt_register_get_today (reg));
  g_assert_cmpstr (r->reason, ==, "Về ở với gia đình");
  g_assert_null (r->to);
  g_assert_cmpint (detail->household_id, ==, target->id);

  /* Ctrl+Z voids the move: back in the split household, the move gone
   * from the history shown. */
  g_clear_pointer (&hash, g_free);
  hash = smt_gui_content_hash (reg);
  g_assert_true (smt_window_undo (window));
  after = smt_gui_content_hash (reg);
  g_assert_cmpstr (after, !=, hash);
  detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
  g_assert_cmpuint (detail->residences->len, ==, n_residences);
  g_assert_cmpint (detail->household_id, ==, created);
  g_clear_pointer (&made, g_ptr_array_unref);
  made = members_of (reg, created);
  g_assert_cmpuint (made->len, ==, 2);

  gtk_window_destroy (page);
  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);
  g_test_add_func ("/people-edit/new-person", test_new_person);
  g_test_add_func ("/people-edit/edit-split-move", test_edit_split_move);
  return smt_gui_test_run ();
}
