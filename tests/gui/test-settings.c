/* test-settings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <gtk/gtk.h>

#include "core/activity/smt-settings-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-date.h"
#include "core/register/smt-locale.h"
#include "core/targets/smt-targets.h"
#include "gui/dialogs/smt-officer-dialog.h"
#include "gui/dialogs/smt-resolution-dialog.h"
#include "gui/dialogs/smt-target-dialog.h"
#include "gui/views/smt-settings-view.h"

#include "smt-gui-test.h"
#include "smt-test-util.h"

/* Cài đặt on the 10.000-person demo: every change goes through the view's
 * rows and dialogs and is read back from the core. */

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

static char *
commune_field (SmtRegister     *reg,
               SmtCommuneField  field)
{
  char *f[6] = { NULL };

  g_assert_true (smt_register_get_commune (reg, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]));
  for (guint i = 0; i < 6; i++)
    if (i != field)
      g_free (f[i]);
  return f[field];
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *shot = NULL;

  gtk_test_widget_wait_for_draw (widget);
  shot = smt_gui_write_screenshot (widget, name);
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
}

static const SmtOfficerRow *
find_officer (GPtrArray *officers,
              gint64     person_id,
              gboolean   current)
{
  for (guint i = 0; i < officers->len; i++)
    {
      const SmtOfficerRow *o = g_ptr_array_index (officers, i);

      if (o->person_id == person_id && o->current == current)
        return o;
    }
  return NULL;
}

/* Scrolls once the rows rebuilt by the last change have their place. */
static void
scroll_and_shoot (SmtSettingsView *view,
                  GtkWidget       *window,
                  const char      *group,
                  const char      *name)
{
  gtk_test_widget_wait_for_draw (window);
  smt_settings_view_scroll_to (view, group);
  gtk_test_widget_wait_for_draw (window);
  smt_settings_view_scroll_to (view, group);
  shoot (window, name);
}

static void
test_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  g_autoptr(GPtrArray) resolutions = NULL;
  g_autoptr(GPtrArray) officers = NULL;
  g_autoptr(GArray) shown = NULL;
  const SmtResolutionRow *res;
  const SmtHamletRow *lived_in = NULL;
  SmtTargetInfo info = { 0 };
  SmtSettingsView *view;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  GtkWindow *dialog;
  gint64 hamlet, resolution, pn, person, term;
  guint n_targets;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  smt_gui_wait_until (page_is_overview, window, SMT_GUI_WAIT_SECONDS, "the register");
  reg = smt_window_get_register (window);
  today = smt_date_to_display (smt_register_get_today (reg));

  smt_window_show_view (window, "settings");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "settings");
  view = SMT_SETTINGS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window),
                                                     SMT_TYPE_SETTINGS_VIEW));
  g_assert_nonnull (view);
  shoot (GTK_WIDGET (window), "screenshot-settings.png");

  /* The place of the date line, applied in its row, is in the register. */
  g_assert_true (smt_settings_view_apply_commune (view, SMT_COMMUNE_FIELD_PLACE, "Cái Tắc"));
  text = commune_field (reg, SMT_COMMUNE_FIELD_PLACE);
  g_assert_cmpstr (text, ==, "Cái Tắc");
  g_clear_pointer (&text, g_free);
  g_assert_null (smt_settings_view_get_commune_error (view));

  /* A new name shows in the window's title; Ctrl+Z puts the old one back
   * by a new update. */
  g_assert_true (smt_settings_view_apply_commune (view, SMT_COMMUNE_FIELD_NAME, "Hòa Điền Mới"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Xã Hòa Điền Mới"));
  g_assert_true (smt_window_undo (window));
  text = commune_field (reg, SMT_COMMUNE_FIELD_NAME);
  g_assert_cmpstr (text, ==, "Hòa Điền");
  g_clear_pointer (&text, g_free);
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Mới"));
  text = commune_field (reg, SMT_COMMUNE_FIELD_PLACE);
  g_assert_cmpstr (text, ==, "Cái Tắc");  /* the earlier change stays */
  g_clear_pointer (&text, g_free);

  /* An empty name: refused, the message next to the rows, nothing written. */
  hash = smt_gui_content_hash (reg);
  g_assert_false (smt_settings_view_apply_commune (view, SMT_COMMUNE_FIELD_NAME, ""));
  g_assert_nonnull (smt_settings_view_get_commune_error (view));
  g_test_message ("refused: %s", smt_settings_view_get_commune_error (view));
  g_assert_nonnull (strstr (smt_settings_view_get_commune_error (view), "tên xã"));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  shoot (GTK_WIDGET (window), "screenshot-settings-refused.png");
  g_assert_true (smt_settings_view_apply_commune (view, SMT_COMMUNE_FIELD_NAME, "Hòa Điền"));
  g_assert_null (smt_settings_view_get_commune_error (view));

  /* A new hamlet: in the list and in the core, with no one living there. */
  g_assert_true (smt_settings_view_add_hamlet (view, "Thôn Thử Nghiệm", "thôn"));
  hamlet = smt_hamlet_lookup (reg, "Thôn Thử Nghiệm");
  g_assert_cmpint (hamlet, !=, 0);
  shown = smt_settings_view_dup_hamlet_ids (view);
  g_assert_true (array_has (shown, hamlet));
  hamlets = smt_settings_hamlets (reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shown->len, ==, hamlets->len);
  for (guint i = 0; i < hamlets->len; i++)
    {
      const SmtHamletRow *h = g_ptr_array_index (hamlets, i);

      g_assert_cmpint (g_array_index (shown, gint64, i), ==, h->id);
      if (h->id == hamlet)
        {
          g_assert_cmpstr (h->kind, ==, "thôn");
          g_assert_cmpuint (h->people, ==, 0);
        }
      if (lived_in == NULL && h->people > 0)
        lived_in = h;
    }
  g_assert_nonnull (lived_in);

  /* A hamlet people live in cannot be deleted: the message, nothing written. */
  g_clear_pointer (&hash, g_free);
  hash = smt_gui_content_hash (reg);
  g_assert_false (smt_settings_view_delete_hamlet (view, lived_in->id));
  g_assert_nonnull (smt_settings_view_get_hamlet_error (view));
  g_test_message ("refused: %s", smt_settings_view_get_hamlet_error (view));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  /* Renamed and re-kinded; Ctrl+Z gives the old name and kind back. */
  g_assert_true (smt_settings_view_rename_hamlet (view, hamlet, "Khu phố Thử", "khu phố"));
  g_assert_cmpint (smt_hamlet_lookup (reg, "Khu phố Thử"), ==, hamlet);
  g_assert_false (smt_settings_view_rename_hamlet (view, hamlet, lived_in->name, "ấp"));
  g_assert_nonnull (smt_settings_view_get_hamlet_error (view));
  g_assert_true (smt_window_undo (window));
  g_assert_cmpint (smt_hamlet_lookup (reg, "Thôn Thử Nghiệm"), ==, hamlet);

  /* The empty one can go; Ctrl+Z brings it back as a new hamlet. */
  g_assert_true (smt_settings_view_delete_hamlet (view, hamlet));
  g_assert_cmpint (smt_hamlet_lookup (reg, "Thôn Thử Nghiệm"), ==, 0);
  g_assert_true (smt_window_undo (window));
  g_assert_cmpint (smt_hamlet_lookup (reg, "Thôn Thử Nghiệm"), !=, 0);

  /* A target added to the demo's resolution through the dialog. */
  resolutions = smt_settings_resolutions (reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resolutions->len, >, 0);
  res = g_ptr_array_index (resolutions, 0);
  resolution = res->id;
  n_targets = res->targets->len;
  g_assert_true (smt_settings_view_select_resolution (view, resolution));
  g_assert_cmpuint (smt_settings_view_get_n_targets (view), ==, n_targets);
  dialog = smt_settings_view_open_target_dialog (view, 0);
  g_assert_nonnull (dialog);
  g_assert_true (smt_target_dialog_set_indicator (SMT_TARGET_DIALOG (dialog),
                                                  "poor_households"));
  smt_target_dialog_set_values (SMT_TARGET_DIALOG (dialog), "Hộ nghèo giảm còn dưới 1,5%",
                                "nhiều", "3,2", "30/06/2021", "31/12/2025");
  smt_target_dialog_set_at_most (SMT_TARGET_DIALOG (dialog), TRUE);
  g_clear_pointer (&hash, g_free);
  hash = smt_gui_content_hash (reg);
  g_assert_false (smt_target_dialog_save (SMT_TARGET_DIALOG (dialog)));
  g_assert_nonnull (smt_target_dialog_get_error (SMT_TARGET_DIALOG (dialog)));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  shoot (GTK_WIDGET (dialog), "screenshot-settings-target.png");
  smt_target_dialog_set_values (SMT_TARGET_DIALOG (dialog), NULL, "1,5", NULL, NULL, NULL);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_target_dialog_save (SMT_TARGET_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  g_assert_true (smt_target_get (reg, resolution, "poor_households", &info));
  g_assert_cmpfloat (info.target, ==, 1.5);
  g_assert_true (info.at_most);
  g_assert_true (info.has_baseline);
  g_assert_cmpfloat (info.baseline, ==, 3.2);
  g_assert_cmpint (info.position, ==, (int) n_targets + 1);
  g_assert_cmpstr (info.label, ==, "Hộ nghèo giảm còn dưới 1,5%");
  smt_target_info_clear (&info);
  g_assert_cmpuint (smt_settings_view_get_n_targets (view), ==, n_targets + 1);

  /* Editing a target; Ctrl+Z sets the old values again. */
  {
    const SmtTargetRow *first = g_ptr_array_index (res->targets, 0);
    double old_target = first->target;

    dialog = smt_settings_view_open_target_dialog (view, first->id);
    g_assert_nonnull (dialog);
    smt_target_dialog_set_values (SMT_TARGET_DIALOG (dialog), NULL, "90", NULL, NULL, NULL);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (smt_target_dialog_save (SMT_TARGET_DIALOG (dialog)));
    smt_gui_wait_until_null (&dialog);
    g_assert_true (smt_target_get (reg, resolution, first->indicator_code, &info));
    g_assert_cmpfloat (info.target, ==, 90);
    smt_target_info_clear (&info);
    g_assert_true (smt_window_undo (window));
    g_assert_true (smt_target_get (reg, resolution, first->indicator_code, &info));
    g_assert_cmpfloat (info.target, ==, old_target);
    smt_target_info_clear (&info);
  }

  /* A new resolution, chosen once added. */
  dialog = smt_settings_view_open_resolution_dialog (view, 0);
  g_assert_nonnull (dialog);
  smt_resolution_dialog_set_fields (SMT_RESOLUTION_DIALOG (dialog), "15-NQ/ĐU",
                                    "Về xây dựng khu dân cư kiểu mẫu", "Đảng ủy xã", "32/13/2025",
                                    NULL, NULL);
  g_assert_false (smt_resolution_dialog_save (SMT_RESOLUTION_DIALOG (dialog)));
  g_assert_nonnull (smt_resolution_dialog_get_error (SMT_RESOLUTION_DIALOG (dialog)));
  smt_resolution_dialog_set_fields (SMT_RESOLUTION_DIALOG (dialog), NULL, NULL, NULL,
                                    "01/10/2025", NULL, "31/12/2030");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_resolution_dialog_save (SMT_RESOLUTION_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  g_assert_cmpint (smt_resolution_lookup (reg, "15-NQ/ĐU"), !=, 0);
  g_assert_cmpuint (smt_settings_view_get_n_targets (view), ==, 0);

  /* Corrected: a new number; Ctrl+Z gives the old one back. */
  dialog = smt_settings_view_open_resolution_dialog (view, smt_resolution_lookup (reg,
                                                                                  "15-NQ/ĐU"));
  g_assert_nonnull (dialog);
  smt_resolution_dialog_set_fields (SMT_RESOLUTION_DIALOG (dialog), "16-NQ/ĐU", NULL, NULL,
                                    NULL, NULL, NULL);
  smt_resolution_dialog_set_reason (SMT_RESOLUTION_DIALOG (dialog), "Nhầm số");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_resolution_dialog_save (SMT_RESOLUTION_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  g_assert_cmpint (smt_resolution_lookup (reg, "15-NQ/ĐU"), ==, 0);
  g_assert_cmpint (smt_resolution_lookup (reg, "16-NQ/ĐU"), !=, 0);
  g_assert_true (smt_window_undo (window));
  g_assert_cmpint (smt_resolution_lookup (reg, "15-NQ/ĐU"), !=, 0);
  g_assert_cmpint (smt_resolution_lookup (reg, "16-NQ/ĐU"), ==, 0);

  /* An officer found by name, then the term ended. */
  pn = smt_organisation_lookup (reg, "PN");
  dialog = smt_settings_view_open_officer_dialog (view, 0);
  g_assert_nonnull (dialog);
  smt_officer_dialog_search (SMT_OFFICER_DIALOG (dialog), "nguyen thi");
  g_assert_cmpuint (smt_officer_dialog_get_n_results (SMT_OFFICER_DIALOG (dialog)), >, 0);
  g_assert_cmpuint (smt_officer_dialog_get_n_results (SMT_OFFICER_DIALOG (dialog)), <=, 5);
  person = smt_officer_dialog_choose_result (SMT_OFFICER_DIALOG (dialog), 0);
  g_assert_cmpint (person, !=, 0);
  smt_officer_dialog_select (SMT_OFFICER_DIALOG (dialog), pn, SMT_OFFICER_DEPUTY, 2, 4);
  smt_officer_dialog_set_date (SMT_OFFICER_DIALOG (dialog), today);
  shoot (GTK_WIDGET (dialog), "screenshot-settings-officer.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_officer_dialog_save (SMT_OFFICER_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  officers = smt_settings_officers (reg, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_officer (officers, person, TRUE));
  g_assert_cmpint (find_officer (officers, person, TRUE)->organisation_id, ==, pn);
  g_assert_cmpint (find_officer (officers, person, TRUE)->professional_level, ==, 4);
  term = find_officer (officers, person, TRUE)->id;
  g_clear_pointer (&officers, g_ptr_array_unref);

  dialog = smt_settings_view_open_officer_dialog (view, term);
  g_assert_nonnull (dialog);
  smt_officer_dialog_set_date (SMT_OFFICER_DIALOG (dialog), "01/01/2000");
  smt_officer_dialog_set_reason (SMT_OFFICER_DIALOG (dialog), "Chuyển công tác");
  g_clear_pointer (&hash, g_free);
  hash = smt_gui_content_hash (reg);
  g_assert_false (smt_officer_dialog_save (SMT_OFFICER_DIALOG (dialog)));
  g_assert_nonnull (smt_officer_dialog_get_error (SMT_OFFICER_DIALOG (dialog)));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  smt_officer_dialog_set_date (SMT_OFFICER_DIALOG (dialog), today);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_officer_dialog_save (SMT_OFFICER_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  officers = smt_settings_officers (reg, TRUE, &error);
  g_assert_null (find_officer (officers, person, TRUE));
  g_assert_nonnull (find_officer (officers, person, FALSE));
  g_assert_cmpstr (find_officer (officers, person, FALSE)->reason, ==, "Chuyển công tác");

  /* The page further down, and on the smallest screen. */
  g_assert_true (smt_settings_view_select_resolution (view, resolution));
  scroll_and_shoot (view, GTK_WIDGET (window), "resolutions",
                    "screenshot-settings-resolutions.png");
  scroll_and_shoot (view, GTK_WIDGET (window), "officers", "screenshot-settings-officers.png");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  smt_gui_wait_until (is_small, window, SMT_GUI_WAIT_SECONDS, "the window at 1024×600");
  scroll_and_shoot (view, GTK_WIDGET (window), "resolutions", "screenshot-settings-1024.png");

  /* English, for the next start: state.ini says so. */
  {
    g_autofree char *state = g_build_filename (g_get_user_config_dir (), "somattran",
                                               "state.ini", NULL);
    g_autoptr(GKeyFile) keyfile = g_key_file_new ();
    g_autofree char *language = NULL;
    g_autofree char *last = NULL;

    smt_settings_view_choose_language (view, "en");
    g_assert_true (g_key_file_load_from_file (keyfile, state, G_KEY_FILE_NONE, &error));
    g_assert_no_error (error);
    language = g_key_file_get_string (keyfile, "state", "language", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (language, ==, "en");
    /* The other keys stay. */
    last = g_key_file_get_string (keyfile, "state", "last-register", NULL);
    g_assert_nonnull (last);
    g_clear_pointer (&language, g_free);
    language = smt_locale_dup_language ();
    g_assert_cmpstr (language, ==, "en");
    smt_settings_view_choose_language (view, "vi");
    g_clear_pointer (&language, g_free);
    language = smt_locale_dup_language ();
    g_assert_cmpstr (language, ==, "vi");
  }

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);

  g_test_add_func ("/settings/edit", test_settings);

  return smt_gui_test_run ();
}
