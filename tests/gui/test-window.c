/* test-window.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <gtk/gtk.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/check/smt-check.h"
#include "core/demo/smt-demo.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people-query.h"
#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-text.h"
#include "gui/app/smt-application-private.h"
#include "gui/app/smt-window-private.h"
#include "gui/dialogs/smt-bulk-admit-dialog.h"
#include "gui/dialogs/smt-event-dialog.h"
#include "gui/dialogs/smt-meeting-dialog.h"
#include "gui/assistants/smt-new-register-assistant.h"
#include "gui/dialogs/smt-scales-dialog.h"
#include "gui/models/smt-event-item.h"
#include "gui/models/smt-person-item.h"
#include "gui/views/smt-events-view.h"
#include "gui/views/smt-organisations-view.h"
#include "gui/views/smt-overview-view.h"
#include "gui/views/smt-person-window.h"
#include "gui/views/smt-settings-view.h"

#include "smt-gui-test.h"
#include "smt-test-util.h"

#define FIXTURE_PEOPLE 10000

/* ---- helpers ------------------------------------------------------------------ */

/* The person page the application has open, or NULL. */
static GtkWindow *
find_person_window (SmtApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SMT_IS_PERSON_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* A register is shown: Tổng quan first. */
static gboolean
page_is_overview (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
}

static gboolean
page_is_error (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "error") == 0;
}

static gboolean
is_small (gpointer data)
{
  return gtk_widget_get_width (data) <= 1024 && gtk_widget_get_height (data) <= 600;
}

static gboolean
progress_shown (gpointer data)
{
  GtkProgressBar *bar = GTK_PROGRESS_BAR (smt_window_get_progress_bar (data));

  return gtk_progress_bar_get_fraction (bar) > 0.2
         || g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(guint *) data > 0;
}

static void
count_cb (gpointer data)
{
  (*(guint *) data)++;
}

/* Types text into the search entry, one character at a time, faster than
 * the debounce, then waits for the one search that follows. */
static void
type_search (SmtWindow  *window,
             const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (smt_window_get_search_entry (window));
  SmtPeopleModel *model = smt_window_get_people_model (window);
  guint searches = 0;
  guint queries = 0;
  gulong search_handler, query_handler;
  const char *expected;
  int position;

  /* Clearing the entry searches at once (no debounce for an empty text). */
  gtk_widget_activate_action (GTK_WIDGET (window), "people.search", NULL);
  gtk_editable_delete_text (entry, 0, -1);

  search_handler = g_signal_connect_swapped (entry, "search-changed",
                                             G_CALLBACK (count_cb), &searches);
  query_handler = g_signal_connect_swapped (model, "notify::search",
                                            G_CALLBACK (count_cb), &queries);
  position = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    gtk_editable_insert_text (entry, p, g_utf8_next_char (p) - p, &position);
  gtk_editable_set_position (entry, -1);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, text);

  smt_gui_wait_until (flag_is_set, &searches, SMT_GUI_WAIT_SECONDS, "search-changed");
  g_assert_cmpuint (searches, ==, 1);
  g_assert_cmpuint (queries, ==, 1);
  expected = *text != '\0' ? text : NULL;
  g_assert_cmpstr (smt_people_model_get_search (model), ==, expected);

  g_signal_handler_disconnect (entry, search_handler);
  g_signal_handler_disconnect (model, query_handler);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* ---- the people list ---------------------------------------------------------- */

static void
test_people (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autofree char *state_dir = g_build_filename (g_get_user_config_dir (), "somattran", NULL);
  g_autofree char *state_path = g_build_filename (state_dir, "state.ini", NULL);
  g_autoptr(GArray) ids = NULL;
  SmtApplication *app;
  SmtWindow *window;
  SmtPeopleModel *model;
  SmtRegister *reg;
  GtkWidget *focus;
  guint n, total;

  /* The register used last time is what a plain "somattran" opens. */
  smt_gui_reset_state ();
  g_assert_cmpint (g_mkdir_with_parents (state_dir, 0700), ==, 0);
  g_key_file_set_string (state, "state", "language", "vi");
  g_key_file_set_string (state, "state", "last-register", path);
  g_assert_true (g_key_file_save_to_file (state, state_path, &error));
  g_assert_no_error (error);

  app = smt_gui_start_application ();
  g_application_activate (G_APPLICATION (app));
  window = smt_gui_only_window (app);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_test_message ("window %d×%d", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "overview");
  smt_gui_wait_for_overview (window);

  reg = smt_window_get_register (window);
  g_assert_nonnull (reg);
  g_object_add_weak_pointer (G_OBJECT (reg), (gpointer *) &reg);
  title = smt_register_dup_commune_title (reg);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), title));

  /* Tổng quan, the start page, shows the figures the indicators count. */
  {
    SmtOverviewView *view = SMT_OVERVIEW_VIEW (smt_window_get_overview (window));
    const SmtOverview *o = smt_overview_view_get_overview (view);
    g_autoptr(SmtPeriod) month = NULL;
    g_autoptr(SmtIndicatorResult) members = NULL;

    g_assert_nonnull (o);
    month = smt_period_parse (o->month, &error);
    g_assert_no_error (error);
    /* Tổng quan counts every organisation the office keeps. */
    {
      SmtIndicatorQuery all = { .scope = "socio_political,mass" };

      members = smt_indicator_compute (reg, "members_total", month, &all, &error);
    }
    g_assert_no_error (error);
    g_assert_cmpuint (o->members, ==, (guint) members->numerator);
    g_assert_cmpuint (o->people, >, o->households);
    g_assert_cmpuint (o->organisations->len, ==, 8);
    g_assert_cmpuint (o->branches, >, 0);
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-overview.png");
    g_clear_pointer (&shot, g_free);

    /* And its end: meetings, ratings, changes to confirm. */
    {
      GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (view));
      GtkAdjustment *adj;

      g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
      adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-overview-end.png");
      g_clear_pointer (&shot, g_free);
      gtk_adjustment_set_value (adj, 0);
    }
  }

  smt_window_show_view (window, "people");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "list");

  /* The whole register, in the core's order, which is by given name. */
  model = smt_window_get_people_model (window);
  ids = smt_people_query_ids (reg, NULL, &error);
  g_assert_no_error (error);
  total = smt_people_count (reg);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (total, ==, FIXTURE_PEOPLE);
  g_assert_cmpuint (n, ==, total);
  g_assert_cmpuint (ids->len, ==, total);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == SMT_TYPE_PERSON_ITEM);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(SmtPersonItem) a = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(SmtPersonItem) b = g_list_model_get_item (G_LIST_MODEL (model), i + 1);
      g_autofree char *ho_a = NULL, *lot_a = NULL, *ten_a = NULL;
      g_autofree char *ho_b = NULL, *lot_b = NULL, *ten_b = NULL;

      g_assert_cmpint (smt_person_item_get_id (a), ==, g_array_index (ids, gint64, i));
      g_assert_cmpint (smt_people_model_get_id (model, i), ==, g_array_index (ids, gint64, i));
      g_assert_cmpstr (smt_person_item_get_full_name (a), !=, "");
      g_assert_true (g_str_equal (smt_person_item_get_sex_label (a), C_("sex", "Male"))
                     || g_str_equal (smt_person_item_get_sex_label (a), C_("sex", "Female")));

      smt_text_split_name (smt_person_item_get_full_name (a), &ho_a, &lot_a, &ten_a);
      smt_text_split_name (smt_person_item_get_full_name (b), &ho_b, &lot_b, &ten_b);
      if (smt_text_compare_names (ho_a, lot_a, ten_a, ho_b, lot_b, ten_b) > 0)
        g_error ("“%s” comes before “%s” in the list",
                 smt_person_item_get_full_name (a), smt_person_item_get_full_name (b));
    }

  /* The same position gives the same item while its block is cached. */
  {
    g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (model), 5);
    g_autoptr(GObject) b = g_list_model_get_item (G_LIST_MODEL (model), 5);

    g_assert_true (a == b);
  }

  total_text = smt_format_int (total);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (smt_window_get_status_label (window))),
                            total_text));

  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-people.png");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&shot, g_free);

  /* Enter on a person opens their page, personal data masked. */
  {
    g_autoptr(SmtPersonItem) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    SmtPersonWindow *page;
    const SmtPersonDetail *detail;

    g_signal_emit_by_name (smt_window_get_column_view (window), "activate", 0);
    page = SMT_PERSON_WINDOW (find_person_window (app));
    g_assert_nonnull (page);
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (page)) == GTK_WINDOW (window));
    detail = smt_person_window_get_detail (page);
    g_assert_cmpint (detail->id, ==, smt_person_item_get_id (first));
    g_assert_cmpstr (detail->name, ==, smt_person_item_get_full_name (first));
    g_assert_false (smt_person_window_get_revealed (page));
    gtk_window_destroy (GTK_WINDOW (page));
  }

  /* The page of someone with a long history, for a person to look at:
   * the most membership events among the first hundred of the list. */
  {
    gint64 best = 0;
    guint most = 0;
    GtkWindow *page;
    const SmtPersonDetail *detail;

    for (guint i = 0; i < 100 && i < n; i++)
      {
        g_autoptr(SmtPersonDetail) d = smt_person_detail_get (reg, g_array_index (ids, gint64, i),
                                                             &error);

        g_assert_no_error (error);
        if (d->timeline->len > most)
          {
            most = d->timeline->len;
            best = d->id;
          }
      }
    g_assert_cmpuint (most, >, 2);
    page = smt_window_open_person (window, best);
    g_assert_nonnull (page);
    detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
    g_assert_cmpuint (detail->timeline->len, ==, most);
    gtk_window_set_default_size (page, 760, 700);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
    shot = smt_gui_write_screenshot (GTK_WIDGET (page), "screenshot-person.png");
    g_clear_pointer (&shot, g_free);
    /* Scrolled down to the history below the identity. */
    {
      GtkWidget *scrolled = gtk_widget_get_last_child (adw_window_get_content (ADW_WINDOW (page)));
      GtkAdjustment *adj;

      g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
      adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adj, 640);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
    }
    shot = smt_gui_write_screenshot (GTK_WIDGET (page), "screenshot-person-history.png");
    g_clear_pointer (&shot, g_free);
    smt_person_window_set_revealed (SMT_PERSON_WINDOW (page), TRUE);
    g_assert_true (smt_person_window_get_revealed (SMT_PERSON_WINDOW (page)));
    gtk_window_destroy (page);
  }

  /* Ctrl+F's action puts the focus in the search entry. */
  gtk_widget_grab_focus (smt_window_get_column_view (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "people.search", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == smt_window_get_search_entry (window)
                 || gtk_widget_is_ancestor (focus, smt_window_get_search_entry (window)));

  /* Search as you type, without diacritics. */
  type_search (window, "nguyen van");
  {
    SmtPeopleFilter filter = { .search = "nguyen van" };
    g_autoptr(GArray) found = smt_people_query_ids (reg, &filter, &error);

    g_assert_no_error (error);
    n = g_list_model_get_n_items (G_LIST_MODEL (model));
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, total);
    g_assert_cmpuint (n, ==, found->len);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SmtPersonItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
        g_autofree char *folded = smt_text_fold (smt_person_item_get_full_name (item));

        g_assert_cmpint (smt_person_item_get_id (item), ==, g_array_index (found, gint64, i));
        if (strstr (folded, "nguyen van") == NULL)
          g_error ("“%s” does not match “nguyen van”", smt_person_item_get_full_name (item));
      }
  }
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "list");
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-search.png");
  g_clear_pointer (&shot, g_free);

  /* Filters: women of the Women's Union aged 18 to 40, as the core
   * counts them, and back to everyone. */
  gtk_editable_set_text (GTK_EDITABLE (smt_window_get_search_entry (window)), "");
  g_assert_null (smt_people_model_get_search (model));
  {
    g_autoptr(GPtrArray) orgs = smt_organisations_list (reg, &error);
    SmtPeopleFilter filter = { .sex = 'F', .age_min = 18, .age_max = 40 };
    g_autoptr(GArray) expected = NULL;
    guint pn = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < orgs->len; i++)
      if (g_str_equal (((SmtOrganisationInfo *) g_ptr_array_index (orgs, i))->code, "PN"))
        pn = i + 1;
    g_assert_cmpuint (pn, >, 0);
    filter.organisation_id = ((SmtOrganisationInfo *) g_ptr_array_index (orgs, pn - 1))->id;
    expected = smt_people_query_ids (reg, &filter, &error);
    g_assert_no_error (error);
    smt_window_show_view (window, "people");
    smt_window_choose_filters (window, 0, pn, 0, 2, 18, 40, 0);
    n = g_list_model_get_n_items (G_LIST_MODEL (model));
    g_assert_cmpuint (n, ==, expected->len);
    g_assert_cmpuint (n, >, 0);
    g_assert_cmpuint (n, <, total);
    for (guint i = 0; i < n; i++)
      g_assert_cmpint (smt_people_model_get_id (model, i), ==, g_array_index (expected, gint64, i));
    g_assert_nonnull (strstr (smt_window_get_filter_summary (window), "Phụ nữ"));
    {
      g_autofree char *found = smt_format_int (n);
      g_autofree char *all = smt_format_int (total);
      g_autofree char *status = g_strdup_printf ("%s trên tổng số %s", found, all);

      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (smt_window_get_status_label (window))),
                                status));
    }
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-filtered.png");
    g_clear_pointer (&shot, g_free);
    smt_window_clear_filters (window);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total);
    g_assert_cmpstr (smt_window_get_filter_summary (window), ==, "");
  }

  /* Ctrl+? shows the keyboard shortcuts, in Vietnamese. */
  {
    GtkWindow *shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))
                           ? GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))
                           : NULL;

    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (shortcuts));
    shot = smt_gui_write_screenshot (GTK_WIDGET (shortcuts), "screenshot-shortcuts.png");
    g_clear_pointer (&shot, g_free);
    gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  }

  /* A click on a header sorts: birth year, youngest first, as the core
   * orders it; then back to names. */
  {
    SmtPeopleFilter filter = { .order = SMT_PEOPLE_ORDER_BIRTH_YEAR, .descending = TRUE };
    g_autoptr(GArray) expected = smt_people_query_ids (reg, &filter, &error);

    g_assert_no_error (error);
    smt_window_sort_people (window, 1, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
    for (guint i = 0; i < expected->len; i++)
      g_assert_cmpint (smt_people_model_get_id (model, i), ==, g_array_index (expected, gint64, i));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-sorted.png");
    g_clear_pointer (&shot, g_free);
    smt_window_sort_people (window, 0, FALSE);
    g_assert_cmpint (smt_people_model_get_id (model, 0), ==, g_array_index (ids, gint64, 0));
  }

  /* The smallest screen the offices have. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  smt_gui_wait_until (is_small, window, SMT_GUI_WAIT_SECONDS, "the window at 1024×600");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-1024.png");
  g_clear_pointer (&shot, g_free);
  smt_window_show_view (window, "overview");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-overview-1024.png");
  g_clear_pointer (&shot, g_free);
  smt_window_show_view (window, "people");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* No one: the "no results" page. */
  type_search (window, "xyzxyz");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "empty");
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-empty.png");
  g_clear_pointer (&shot, g_free);

  /* Escape clears the search; everyone is back. */
  {
    guint searches = 0;
    gulong handler = g_signal_connect_swapped (smt_window_get_search_entry (window),
                                               "search-changed", G_CALLBACK (count_cb),
                                               &searches);

    g_signal_emit_by_name (smt_window_get_search_entry (window), "stop-search");
    smt_gui_wait_until (flag_is_set, &searches, SMT_GUI_WAIT_SECONDS, "search-changed after Escape");
    g_signal_handler_disconnect (smt_window_get_search_entry (window), handler);
  }
  g_assert_null (smt_people_model_get_search (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total);
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "list");

  /* What was opened is remembered. */
  last = smt_application_dup_last_register ();
  g_assert_nonnull (last);
  {
    g_autoptr(GFile) a = g_file_new_for_path (last);
    g_autoptr(GFile) b = g_file_new_for_path (path);

    g_assert_true (g_file_equal (a, b));
  }

  /* Closing the window closes the register. */
  smt_gui_close_window (window);
  g_assert_null (reg);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- Biến động: a membership change recorded from a person's page ------------ */

static guint
branch_members (SmtRegister *reg,
                gint64       organisation_id,
                gint64       branch_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) branches = smt_branches_list (reg, organisation_id, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (b->id == branch_id)
        return b->members;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_membership (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *admitted_iso = NULL;
  g_autofree char *admitted_on = NULL;
  g_autofree char *earlier_on = NULL;
  g_autofree char *today_on = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *shot = NULL;
  const SmtBranchInfo *a = NULL, *b = NULL;
  SmtOrganisationsView *orgs_view;
  const SmtPersonDetail *detail;
  const SmtTimelineRow *last;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  GtkWindow *page;
  GtkWindow *dialog;
  gint64 pn, person = 0;
  guint a_before, b_before;
  int year;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  smt_gui_wait_until (page_is_overview, window, SMT_GUI_WAIT_SECONDS, "the register");
  smt_gui_wait_for_overview (window);
  reg = smt_window_get_register (window);

  /* Two chi hội of the Women's Union, and a woman of 20 to 60 living in
   * the commune who is not a member. */
  pn = smt_organisation_lookup (reg, "PN");
  branches = smt_branches_list (reg, pn, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *x = g_ptr_array_index (branches, i);

      if (x->parent_id != 0)
        continue;
      if (a == NULL)
        a = x;
      else if (b == NULL)
        b = x;
    }
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  year = atoi (smt_register_get_today (reg));
  ids = smt_people_query_ids (reg, &(SmtPeopleFilter) { .living_only = TRUE }, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len && person == 0; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SmtPersonDetail) d = smt_person_detail_get (reg, id, &error);

      g_assert_no_error (error);
      if (d->sex == 'F' && d->household_id != 0 && year - d->birth_year >= 20
          && year - d->birth_year <= 60
          && smt_membership_state_on (reg, id, pn, smt_register_get_today (reg), NULL)
             == SMT_MEMBER_NONE)
        person = id;
    }
  g_assert_cmpint (person, !=, 0);

  admitted_iso = smt_date_add_days (smt_register_get_today (reg), -10);
  admitted_on = smt_date_to_display (admitted_iso);
  today_on = smt_date_to_display (smt_register_get_today (reg));
  {
    g_autofree char *earlier = smt_date_add_days (smt_register_get_today (reg), -20);

    earlier_on = smt_date_to_display (earlier);
  }
  a_before = branch_members (reg, pn, a->id);
  b_before = branch_members (reg, pn, b->id);
  hash = smt_gui_content_hash (reg);

  page = smt_window_open_person (window, person);
  g_assert_nonnull (page);

  /* A date that is not one: said in the dialog, nothing written. */
  dialog = smt_person_window_record_event (SMT_PERSON_WINDOW (page));
  g_assert_nonnull (dialog);
  smt_event_dialog_select (SMT_EVENT_DIALOG (dialog), SMT_EVENT_ADMITTED, pn, a->id, 0);
  smt_event_dialog_set_date (SMT_EVENT_DIALOG (dialog), "31/02/2026");
  g_assert_false (smt_event_dialog_save (SMT_EVENT_DIALOG (dialog)));
  g_assert_nonnull (smt_event_dialog_get_error (SMT_EVENT_DIALOG (dialog)));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);

  /* The Tổ chức và chi hội view shows chi hội A; it follows the changes. */
  smt_window_show_view (window, "organisations");
  orgs_view = SMT_ORGANISATIONS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window),
                                                       SMT_TYPE_ORGANISATIONS_VIEW));
  g_assert_true (smt_organisations_view_select (orgs_view, pn, a->id));

  /* Admitted into chi hội A ten days ago: in A's members and on the page. */
  smt_event_dialog_set_date (SMT_EVENT_DIALOG (dialog), admitted_on);
  smt_event_dialog_set_reason (SMT_EVENT_DIALOG (dialog), "Kết nạp mới");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_event_dialog_save (SMT_EVENT_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  g_assert_cmpuint (branch_members (reg, pn, a->id), ==, a_before + 1);
  {
    g_autoptr(GArray) shown = smt_organisations_view_dup_member_ids (orgs_view);
    gboolean found = FALSE;

    g_assert_cmpuint (shown->len, ==, a_before + 1);
    for (guint i = 0; i < shown->len; i++)
      found |= g_array_index (shown, gint64, i) == person;
    g_assert_true (found);
  }
  detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
  g_assert_cmpuint (detail->timeline->len, >, 0);
  last = g_ptr_array_index (detail->timeline, detail->timeline->len - 1);
  g_assert_cmpint (last->event_kind, ==, SMT_EVENT_ADMITTED);
  g_assert_cmpstr (last->date, ==, admitted_iso);
  g_assert_true (last->current);
  g_free (hash);
  hash = smt_gui_content_hash (reg);

  /* A leave dated before the admission (an end before its start): the
   * core's message is shown in the dialog and nothing is written. */
  dialog = smt_person_window_record_event (SMT_PERSON_WINDOW (page));
  smt_event_dialog_select (SMT_EVENT_DIALOG (dialog), SMT_EVENT_LEFT, pn, 0, 0);
  smt_event_dialog_set_date (SMT_EVENT_DIALOG (dialog), earlier_on);
  smt_event_dialog_set_reason (SMT_EVENT_DIALOG (dialog), "Xin ra khỏi tổ chức");
  g_assert_false (smt_event_dialog_save (SMT_EVENT_DIALOG (dialog)));
  g_assert_nonnull (smt_event_dialog_get_error (SMT_EVENT_DIALOG (dialog)));
  g_test_message ("refused: %s", smt_event_dialog_get_error (SMT_EVENT_DIALOG (dialog)));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  shot = smt_gui_write_screenshot (GTK_WIDGET (dialog), "screenshot-event-refused.png");
  g_clear_pointer (&shot, g_free);

  /* Transferred today to chi hội B: out of A, into B. */
  smt_event_dialog_select (SMT_EVENT_DIALOG (dialog), SMT_EVENT_TRANSFERRED, pn, b->id, 0);
  smt_event_dialog_set_date (SMT_EVENT_DIALOG (dialog), today_on);
  smt_event_dialog_set_reason (SMT_EVENT_DIALOG (dialog), "Chuyển nơi cư trú trong xã");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (smt_event_dialog_save (SMT_EVENT_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  g_assert_cmpuint (branch_members (reg, pn, a->id), ==, a_before);
  g_assert_cmpuint (branch_members (reg, pn, b->id), ==, b_before + 1);
  detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
  last = g_ptr_array_index (detail->timeline, detail->timeline->len - 1);
  g_assert_cmpint (last->event_kind, ==, SMT_EVENT_TRANSFERRED);
  g_assert_cmpstr (last->branch, ==, b->name);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (page));
  shot = smt_gui_write_screenshot (GTK_WIDGET (page), "screenshot-person-after-transfer.png");
  g_clear_pointer (&shot, g_free);

  /* Ctrl+Z undoes the transfer by voiding it (history keeps both rows);
   * a second Ctrl+Z has nothing left to undo in this session. */
  {
    g_autofree char *before_undo = smt_gui_content_hash (reg);
    g_autofree char *after_undo = NULL;
    gint64 transfer = last->event_id;
    gboolean voided = FALSE;

    g_action_group_activate_action (G_ACTION_GROUP (app), "undo", NULL);
    g_assert_cmpuint (branch_members (reg, pn, a->id), ==, a_before + 1);
    g_assert_cmpuint (branch_members (reg, pn, b->id), ==, b_before);
    detail = smt_person_window_get_detail (SMT_PERSON_WINDOW (page));
    for (guint i = 0; i < detail->timeline->len; i++)
      {
        const SmtTimelineRow *t = g_ptr_array_index (detail->timeline, i);

        if (t->event_id == transfer)
          {
            g_assert_false (t->current);
            g_assert_cmpint (t->superseded_by, !=, 0);
            voided = TRUE;
          }
      }
    g_assert_true (voided);
    after_undo = smt_gui_content_hash (reg);
    g_assert_cmpstr (after_undo, !=, before_undo);
    g_assert_false (smt_window_undo (window));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-undo.png");
    g_clear_pointer (&shot, g_free);
  }
  gtk_window_destroy (page);
  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- organisations and branches ------------------------------------------------ */

static void
test_organisations (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autofree char *shot = NULL;
  const SmtBranchInfo *branch = NULL;
  SmtOrganisationsView *view;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  gint64 pn;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  smt_gui_wait_until (page_is_overview, window, SMT_GUI_WAIT_SECONDS, "the register");
  smt_gui_wait_for_overview (window);
  reg = smt_window_get_register (window);

  smt_window_show_view (window, "organisations");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "organisations");
  view = SMT_ORGANISATIONS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window),
                                                  SMT_TYPE_ORGANISATIONS_VIEW));
  g_assert_nonnull (view);

  /* A chi hội of the Women's Union with members, the largest. */
  pn = smt_organisation_lookup (reg, "PN");
  branches = smt_branches_list (reg, pn, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (branch == NULL || b->members > branch->members)
        branch = b;
    }
  g_assert_nonnull (branch);
  g_assert_cmpuint (branch->members, >, 0);
  g_assert_true (smt_organisations_view_select (view, pn, branch->id));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The members shown are the core's, in the core's order by given name:
   * the branch's own, then those of its tổ hội, tổ hội by tổ hội. */
  members = smt_branch_member_groups (reg, branch->id, NULL, &error);
  g_assert_no_error (error);
  shown = smt_organisations_view_dup_member_ids (view);
  g_assert_cmpuint (shown->len, ==, smt_branch_member_groups_count (members));
  g_assert_cmpuint (((SmtBranchMemberGroup *) members->pdata[0])->members->len, ==,
                    branch->members);
  g_assert_cmpuint (smt_organisations_view_get_branch_count (view), ==, branch->members);
  {
    guint at = 0;

    for (guint k = 0; k < members->len; k++)
      {
        const SmtBranchMemberGroup *g = g_ptr_array_index (members, k);

        for (guint i = 0; i < g->members->len; i++)
          g_assert_cmpint (g_array_index (shown, gint64, at++), ==,
                           ((const SmtBranchMember *) g_ptr_array_index (g->members,
                                                                         i))->person_id);
      }
  }

  /* A branch the organisation does not have: refused. */
  g_assert_false (smt_organisations_view_select (view, pn, -5));

  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-organisations.png");
  g_assert_true (g_file_test (shot, G_FILE_TEST_IS_REGULAR));

  /* A chi hội whose members all sit in its tổ hội: they are listed, tổ hội
   * by tổ hội, not an empty list. */
  {
    const SmtBranchInfo *grouped = NULL;
    g_autoptr(GPtrArray) groups = NULL;
    g_autoptr(GArray) ids = NULL;

    for (guint i = 0; i < branches->len && grouped == NULL; i++)
      {
        const SmtBranchInfo *b = g_ptr_array_index (branches, i);

        for (guint j = 0; j < branches->len && grouped == NULL; j++)
          {
            const SmtBranchInfo *c = g_ptr_array_index (branches, j);

            if (b->parent_id == 0 && b->members == 0 && c->parent_id == b->id && c->members > 0)
              grouped = b;
          }
      }
    g_assert_nonnull (grouped);
    g_assert_true (smt_organisations_view_select (view, pn, grouped->id));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    groups = smt_branch_member_groups (reg, grouped->id, NULL, &error);
    g_assert_no_error (error);
    ids = smt_organisations_view_dup_member_ids (view);
    g_assert_cmpuint (ids->len, >, 0);
    g_assert_cmpuint (ids->len, ==, smt_branch_member_groups_count (groups));
    g_clear_pointer (&shot, g_free);
    shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-organisations-groups.png");
  }

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- errors are shown in the window -------------------------------------------- */

static void
test_open_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-gui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "not-a-register.smt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shot = NULL;
  SmtApplication *app;
  SmtWindow *window;

  g_assert_no_error (error);
  smt_gui_reset_state ();
  g_assert_true (g_file_set_contents (path, "Họ và tên;Năm sinh\n", -1, &error));
  g_assert_no_error (error);

  app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  smt_gui_wait_until (page_is_error, window, SMT_GUI_WAIT_SECONDS, "the error page");
  g_assert_null (smt_window_get_register (window));
  g_assert_false (gtk_widget_get_sensitive (smt_window_get_search_entry (window)));
  g_assert_null (smt_application_dup_last_register ());
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-error.png");

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- first start: the sample commune -------------------------------------------- */

static void
test_first_start (void)
{
  g_autofree char *demo = smt_application_dup_demo_path ();
  g_autofree char *last = NULL;
  g_autofree char *shot = NULL;
  SmtApplication *app;
  SmtWindow *window;

  smt_gui_reset_state ();
  g_assert_false (g_file_test (demo, G_FILE_TEST_EXISTS));
  app = smt_gui_start_application ();
  g_application_activate (G_APPLICATION (app));
  window = smt_gui_only_window (app);
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "loading");
  g_assert_false (gtk_widget_get_sensitive (smt_window_get_search_entry (window)));

  /* The worker thread reports progress to the window. */
  smt_gui_wait_until (progress_shown, window, 240, "progress of the sample commune");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-loading.png");

  smt_gui_wait_until (page_is_overview, window, 240, "the sample commune");
  smt_gui_wait_for_overview (window);
  g_assert_true (g_file_test (demo, G_FILE_TEST_IS_REGULAR));
  g_assert_true (gtk_widget_get_sensitive (smt_window_get_search_entry (window)));
  last = smt_application_dup_last_register ();
  g_assert_cmpstr (last, ==, demo);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smt_window_get_people_model (window))),
                    ==, smt_people_count (smt_window_get_register (window)));

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
}

/* ---- Tổng quan: each line opens its list --------------------------------------- */

/* The row of the overview whose title is title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_overview_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  SmtOverviewView *view;
  const SmtOverview *o;
  const SmtOverviewOrganisation *org;
  const SmtOverviewConfirm *confirm;
  const SmtOverviewBranch *branch;
  GtkWidget *row;
  GtkWindow *page;
  SmtOrganisationsView *orgs_view;
  g_autoptr(GArray) member_ids = NULL;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  reg = smt_window_get_register (window);
  view = SMT_OVERVIEW_VIEW (smt_window_get_overview (window));
  o = smt_overview_view_get_overview (view);
  g_assert_nonnull (o);

  /* An organisation's line: the list of its members, as many as it says. */
  org = g_ptr_array_index (o->organisations, 1);
  row = find_row (GTK_WIDGET (view), org->name);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smt_window_get_people_model (window))),
                    ==, org->members);
  g_assert_cmpstr (smt_window_get_filter_summary (window), !=, "");

  /* Members counted by person: everyone in any organisation. */
  smt_window_show_view (window, "overview");
  row = find_row (GTK_WIDGET (view), _("Members, counted by person"));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (smt_window_get_people_model (window))),
                    ==, o->members);

  /* A branch without a meeting: this month's meetings of it, to record one. */
  smt_window_show_view (window, "overview");
  g_assert_cmpuint (o->without_meeting->len, >, 0);
  branch = g_ptr_array_index (o->without_meeting, 0);
  row = find_row (GTK_WIDGET (view), _("Branches without a meeting this month"));
  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  row = find_row (GTK_WIDGET (view), branch->name);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "meetings");
  page = smt_gui_find_window (app, SMT_TYPE_MEETING_DIALOG);
  g_assert_nonnull (page);
  g_assert_cmpuint (smt_meeting_dialog_get_n_meetings (SMT_MEETING_DIALOG (page)), ==, 0);
  g_assert_cmpuint (smt_meeting_dialog_get_n_members (SMT_MEETING_DIALOG (page)), >, 0);
  gtk_window_destroy (page);

  /* A branch in Tổ chức và chi hội (from the people of Tổng quan's lines). */
  gtk_widget_activate_action (GTK_WIDGET (view), "view.branch", "(xx)",
                              branch->organisation_id, branch->branch_id);
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "organisations");
  orgs_view = SMT_ORGANISATIONS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window),
                                                               SMT_TYPE_ORGANISATIONS_VIEW));
  member_ids = smt_organisations_view_dup_member_ids (orgs_view);
  {
    g_autoptr(GPtrArray) members = smt_branch_members (reg, branch->branch_id, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (member_ids->len, ==, members->len);
  }

  /* A change to confirm: the person's page. */
  smt_window_show_view (window, "overview");
  if (o->to_confirm->len > 0)
    {
      confirm = g_ptr_array_index (o->to_confirm, 0);
      /* Its rows are made when the list is opened. */
      g_assert_null (find_row (GTK_WIDGET (view), confirm->text));
      row = find_row (GTK_WIDGET (view), _("Members who died, moved away or are past the age"));
      g_assert_nonnull (row);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      row = find_row (GTK_WIDGET (view), confirm->text);
      g_assert_nonnull (row);
      gtk_widget_activate (row);
      page = smt_gui_find_window (app, SMT_TYPE_PERSON_WINDOW);
      g_assert_nonnull (page);
      g_assert_cmpint (smt_person_window_get_detail (SMT_PERSON_WINDOW (page))->id, ==,
                       confirm->person_id);
      gtk_window_destroy (page);
    }

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- new, open and recent registers ----------------------------------------------- */

static void
test_registers (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autofree char *new_path = g_build_filename (dir, "xa-tan-lap.smt", NULL);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *demo_title = NULL;
  SmtApplication *app;
  SmtWindow *window;
  GtkWindow *dialog;
  GMenuModel *recent;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  demo_title = smt_register_dup_commune_title (smt_window_get_register (window));
  recent = smt_application_get_recent_menu (app);
  g_assert_cmpint (g_menu_model_get_n_items (recent), ==, 1);

  /* No name: said in the assistant, which stays on its first page. */
  dialog = smt_application_new_register (app);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  smt_new_register_assistant_set_commune (SMT_NEW_REGISTER_ASSISTANT (dialog), 0, "  ",
                                          "Cần Thơ", "");
  g_assert_false (smt_new_register_assistant_next (SMT_NEW_REGISTER_ASSISTANT (dialog)));
  g_assert_nonnull (smt_new_register_assistant_get_error (SMT_NEW_REGISTER_ASSISTANT (dialog)));
  g_assert_cmpstr (smt_new_register_assistant_get_page (SMT_NEW_REGISTER_ASSISTANT (dialog)), ==,
                   "commune");

  /* No hamlet, the organisations as proposed, to the last page. */
  smt_new_register_assistant_set_commune (SMT_NEW_REGISTER_ASSISTANT (dialog), 0, "Tân Lập",
                                          "Cần Thơ", "");
  for (int i = 0; i < 4; i++)
    g_assert_true (smt_new_register_assistant_next (SMT_NEW_REGISTER_ASSISTANT (dialog)));
  g_assert_cmpstr (smt_new_register_assistant_get_page (SMT_NEW_REGISTER_ASSISTANT (dialog)), ==,
                   "file");

  /* A file that exists is left as it is. */
  smt_new_register_assistant_set_path (SMT_NEW_REGISTER_ASSISTANT (dialog), path);
  g_assert_false (smt_new_register_assistant_next (SMT_NEW_REGISTER_ASSISTANT (dialog)));
  g_assert_nonnull (strstr (smt_new_register_assistant_get_error (
                              SMT_NEW_REGISTER_ASSISTANT (dialog)), "xa-mau.smt"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  shot = smt_gui_write_screenshot (GTK_WIDGET (dialog), "screenshot-new-register.png");

  /* Created, and shown in the window in place of the demo. */
  smt_new_register_assistant_set_path (SMT_NEW_REGISTER_ASSISTANT (dialog), new_path);
  g_assert_true (smt_new_register_assistant_next (SMT_NEW_REGISTER_ASSISTANT (dialog)));
  /* Created: the last page offers an import; Close closes. */
  g_assert_cmpstr (smt_new_register_assistant_get_page (SMT_NEW_REGISTER_ASSISTANT (dialog)), ==,
                   "done");
  g_assert_true (smt_new_register_assistant_next (SMT_NEW_REGISTER_ASSISTANT (dialog)));
  smt_gui_wait_until_null (&dialog);
  g_assert_true (g_file_test (new_path, G_FILE_TEST_IS_REGULAR));
  title = smt_register_dup_commune_title (smt_window_get_register (window));
  g_assert_cmpstr (title, ==, "Xã Tân Lập");
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "overview");

  /* Both in the recent registers, the newest first. */
  g_assert_cmpint (g_menu_model_get_n_items (recent), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &label));
  g_assert_true (g_str_has_prefix (label, "Xã Tân Lập — "));

  /* Opening the demo again from the menu. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent",
                                  g_variant_new_string (path));
  g_clear_pointer (&title, g_free);
  title = smt_register_dup_commune_title (smt_window_get_register (window));
  g_assert_cmpstr (title, ==, demo_title);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- every view, on screen ---------------------------------------------------- */

/* Labels in sight whose text is an English message that has a Vietnamese
 * translation: a string set without _(). */
static void
collect_english (GtkWidget *widget,
                 GPtrArray *english)
{
  if (!gtk_widget_get_child_visible (widget) || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_label (GTK_LABEL (widget));

      if (*label != '\0' && g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, label), label) != 0)
        g_ptr_array_add (english, g_strdup (label));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_english (child, english);
}

static gboolean
has_size (gpointer data)
{
  const int *size = g_object_get_data (data, "smt-size");

  return gtk_widget_get_width (data) <= size[0] && gtk_widget_get_height (data) <= size[1];
}

/* Each view of the sidebar at 1366×768 and at 1024×600, saved for a person
 * to look at, with no English in sight. */
static void
test_views (void)
{
  static const int sizes[][2] = { { 1366, 768 }, { 1024, 600 } };
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  SmtApplication *app;
  SmtWindow *window;
  GtkStack *stack;
  guint n_views = 0;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  stack = GTK_STACK (gtk_widget_get_parent (smt_window_get_overview (window)));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
      g_object_set_data (G_OBJECT (window), "smt-size", (gpointer) sizes[s]);
      smt_gui_wait_until (has_size, window, SMT_GUI_WAIT_SECONDS, "the window's size");
      n_views = 0;
      for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (stack)); page != NULL;
           page = gtk_widget_get_next_sibling (page))
        {
          const char *name = gtk_stack_page_get_name (gtk_stack_get_page (stack, page));
          g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *file = NULL;
          g_autofree char *shot = NULL;

          smt_window_show_view (window, name);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
          file = g_strdup_printf ("screenshot-view-%s-%d.png", name, sizes[s][0]);
          shot = smt_gui_write_screenshot (GTK_WIDGET (window), file);
          collect_english (GTK_WIDGET (window), english);
          for (guint i = 0; i < english->len; i++)
            g_test_message ("%s: English in sight: “%s”", name,
                            (const char *) g_ptr_array_index (english, i));
          g_assert_cmpuint (english->len, ==, 0);
          n_views++;
        }
    }
  g_assert_cmpuint (n_views, >=, 3);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* ---- Biến động: the journal, and a change recorded from it ------------------------- */

static void
test_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autofree char *shot = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) members = NULL;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  SmtEventsView *view;
  GListModel *model;
  GtkWindow *dialog;
  const SmtBranchMember *member = NULL;
  SmtEventFilter filter = { NULL, NULL, 0, -1 };
  gint64 pn;
  guint found, n_before;
  char year_start[16], year_end[16];

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  reg = smt_window_get_register (window);
  smt_window_show_view (window, "events");
  view = SMT_EVENTS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window), SMT_TYPE_EVENTS_VIEW));
  model = smt_events_view_get_model (view);
  pn = smt_organisation_lookup (reg, "PN");

  /* This year's admissions into the Women's Union: as the core lists them. */
  smt_events_view_choose (view, SMT_EVENTS_THIS_YEAR, pn, SMT_EVENT_ADMITTED);
  g_snprintf (year_start, sizeof year_start, "%.4s-01-01", smt_register_get_today (reg));
  g_snprintf (year_end, sizeof year_end, "%.4s-12-31", smt_register_get_today (reg));
  filter.from = year_start;
  filter.to = year_end;
  filter.organisation_id = pn;
  filter.kind = SMT_EVENT_ADMITTED;
  rows = smt_events_list (reg, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(SmtEventItem) item = g_list_model_get_item (model, i);
      const SmtEventRow *row = smt_event_item_get_row (item);

      g_assert_cmpint (row->id, ==, ((SmtEventRow *) g_ptr_array_index (rows, i))->id);
      g_assert_cmpint (row->kind, ==, SMT_EVENT_ADMITTED);
      g_assert_cmpint (row->organisation_id, ==, pn);
    }

  /* Every kind this month, then a member goes away to work: found by name
   * in "Ghi biến động…", recorded in the dialog, shown at the top. */
  smt_events_view_choose (view, SMT_EVENTS_THIS_MONTH, 0, -1);
  n_before = g_list_model_get_n_items (model);
  branches = smt_branches_list (reg, pn, NULL, &error);
  g_assert_no_error (error);
  for (guint b = 0; b < branches->len && member == NULL; b++)
    {
      g_clear_pointer (&members, g_ptr_array_unref);
      members = smt_branch_members (reg, ((SmtBranchInfo *) g_ptr_array_index (branches, b))->id,
                                    NULL, &error);
      g_assert_no_error (error);
      for (guint m = 0; m < members->len && member == NULL; m++)
        if (!((SmtBranchMember *) g_ptr_array_index (members, m))->away)
          member = g_ptr_array_index (members, m);
    }
  g_assert_nonnull (member);
  found = smt_events_view_find_person (view, member->full_name);
  g_assert_cmpuint (found, >, 0);
  for (guint i = 0; i < MIN (found, 12); i++)
    if (smt_events_view_get_found (view, i) == member->person_id)
      {
        dialog = smt_events_view_record_for (view, i);
        break;
      }
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  smt_event_dialog_select (SMT_EVENT_DIALOG (dialog), SMT_EVENT_AWAY, pn, 0, 0);
  smt_event_dialog_set_reason (SMT_EVENT_DIALOG (dialog), "Đi làm công nhân ở Bình Dương");
  g_assert_true (smt_event_dialog_save (SMT_EVENT_DIALOG (dialog)));
  smt_gui_wait_until_null (&dialog);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 1);
  {
    g_autoptr(SmtEventItem) item = g_list_model_get_item (model, 0);
    const SmtEventRow *row = smt_event_item_get_row (item);

    g_assert_cmpint (row->kind, ==, SMT_EVENT_AWAY);
    g_assert_cmpint (row->person_id, ==, member->person_id);
    g_assert_false (row->voided);
  }
  g_assert_nonnull (strstr (smt_events_view_get_summary (view),
                            smt_event_kind_label (SMT_EVENT_AWAY)));
  gtk_window_destroy (smt_gui_find_window (app, SMT_TYPE_PERSON_WINDOW));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-events.png");

  /* Ctrl+Z: the change stays, struck through, and its void is listed. */
  g_assert_true (smt_window_undo (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before + 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SmtEventItem) item = g_list_model_get_item (model, i);
      const SmtEventRow *row = smt_event_item_get_row (item);

      if (row->kind == SMT_EVENT_AWAY)
        g_assert_true (row->voided);
      else
        g_assert_cmpint (row->kind, ==, SMT_EVENT_VOID);
    }

  /* "Kết nạp nhiều người…": two people into a chi hội of the Women's Union,
   * at the top of the journal. */
  {
    guint n_branches = smt_events_view_list_branches (view);
    g_autoptr(GPtrArray) all = smt_branches_list (reg, 0, NULL, &error);
    g_autoptr(GArray) listed = NULL;
    GtkWindow *bulk = NULL;
    guint n = g_list_model_get_n_items (model);

    g_assert_no_error (error);
    g_assert_cmpuint (n_branches, ==, all->len);
    for (guint i = 0; i < all->len && bulk == NULL; i++)
      {
        const SmtBranchInfo *b = g_ptr_array_index (all, i);

        if (b->organisation_id == pn && g_strcmp0 (b->kind, "chi hội") == 0)
          bulk = smt_events_view_admit_several (view, i);
      }
    g_assert_nonnull (bulk);
    g_object_add_weak_pointer (G_OBJECT (bulk), (gpointer *) &bulk);
    listed = smt_bulk_admit_dialog_dup_listed (SMT_BULK_ADMIT_DIALOG (bulk));
    g_assert_cmpuint (listed->len, >=, 2);
    smt_bulk_admit_dialog_tick (SMT_BULK_ADMIT_DIALOG (bulk), g_array_index (listed, gint64, 0),
                                TRUE);
    smt_bulk_admit_dialog_tick (SMT_BULK_ADMIT_DIALOG (bulk), g_array_index (listed, gint64, 1),
                                TRUE);
    smt_bulk_admit_dialog_set_reason (SMT_BULK_ADMIT_DIALOG (bulk), "Kết nạp mới");
    g_assert_true (smt_bulk_admit_dialog_save (SMT_BULK_ADMIT_DIALOG (bulk)));
    smt_gui_wait_until_null (&bulk);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(SmtEventItem) item = g_list_model_get_item (model, i);

        g_assert_cmpint (smt_event_item_get_row (item)->kind, ==, SMT_EVENT_ADMITTED);
        g_assert_cmpint (smt_event_item_get_row (item)->organisation_id, ==, pn);
      }
  }

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

/* Cài đặt leads to where organisations and scales are edited. */
static void
test_settings_links (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  SmtApplication *app;
  SmtWindow *window;
  GtkWidget *view, *row;
  GtkWindow *dialog;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, path);
  smt_window_show_view (window, "settings");
  view = smt_gui_find_descendant (GTK_WIDGET (window), SMT_TYPE_SETTINGS_VIEW);
  g_assert_nonnull (view);

  row = find_row (view, _("Rating Scales"));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  dialog = smt_gui_find_window (app, SMT_TYPE_SCALES_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  row = find_row (view, _("Member Organisations"));
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpstr (smt_window_get_page_name (window), ==, "organisations");

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);

  g_test_add_func ("/window/people", test_people);
  g_test_add_func ("/window/overview-links", test_overview_links);
  g_test_add_func ("/window/membership", test_membership);
  g_test_add_func ("/window/organisations", test_organisations);
  g_test_add_func ("/window/events", test_events);
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/registers", test_registers);
  g_test_add_func ("/window/views", test_views);
  g_test_add_func ("/window/settings-links", test_settings_links);
  g_test_add_func ("/window/first-start", test_first_start);

  return smt_gui_test_run ();
}
