/* test-traits.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>
#include <gtk/gtk.h>

#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-register-private.h"
#include "gui/app/smt-window-private.h"
#include "gui/dialogs/smt-indicator-value-dialog.h"
#include "gui/dialogs/smt-organisation-dialog.h"
#include "gui/dialogs/smt-person-dialog.h"
#include "gui/dialogs/smt-trait-dialog.h"
#include "gui/views/smt-indicators-view.h"
#include "gui/views/smt-person-window.h"
#include "smt-gui-test.h"
#include "smt-test-util.h"

/* Traits and typed values in the window, on the 10.000-person demo: a
 * person's traits on their page (recorded, ended, voided) and in the
 * person dialog, the organisation dialog's rule, and a value typed for one
 * organisation in the Chỉ tiêu view's dialog. Screenshots at 1366×768. */

typedef struct
{
  char           *dir;
  SmtApplication *app;
  SmtWindow      *window;
  SmtRegister    *reg;
} Fixture;

static gboolean
page_is_overview (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
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
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *shot = NULL;

  gtk_test_widget_wait_for_draw (widget);
  gtk_test_widget_wait_for_draw (widget);
  shot = smt_gui_write_screenshot (widget, name);
  g_test_message ("screenshot: %s", shot);
}

/* The first visible toplevel of a type (dialogs are not the application's). */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type) && gtk_widget_get_visible (GTK_WIDGET (item)))
        found = GTK_WINDOW (item);
    }
  return found;
}

/* A man living in the commune, over 50 and with no trait: the demo has
 * many; the first by key. */
static gint64
man_without_traits (SmtRegister *reg)
{
  return smt_register_query_int (reg, 0,
      "SELECT p.id FROM person p WHERE p.sex = 'M' AND p.birth_year < 1970 "
      "AND p.deceased_on IS NULL "
      "AND NOT EXISTS (SELECT 1 FROM person_trait t WHERE t.person_id = p.id) "
      "AND (SELECT r.household_id FROM residence r WHERE r.person_id = p.id AND r.voided = 0 "
      "     ORDER BY r.from_date DESC, r.id DESC LIMIT 1) IS NOT NULL "
      "ORDER BY p.id LIMIT 1");
}

/* The person's page: record a trait, end it, void it; each through the
 * dialog the group's buttons open. */
static void
test_person_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person = man_without_traits (f->reg);
  gint64 veteran = smt_trait_lookup (f->reg, "CQN");
  gint64 worker = smt_trait_lookup (f->reg, "NLD");
  SmtPersonWindow *page;
  SmtTraitDialog *dialog;
  gint64 record;

  g_assert_cmpint (person, !=, 0);
  page = smt_person_window_new (GTK_WINDOW (f->window), f->reg, person, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (page), 1000, 700);
  gtk_window_present (GTK_WINDOW (page));

  /* Record: the dialog with the trait, its first day and where it is known from. */
  gtk_widget_activate_action (GTK_WIDGET (page), "person.add-trait", NULL);
  dialog = SMT_TRAIT_DIALOG (find_toplevel (SMT_TYPE_TRAIT_DIALOG));
  g_assert_nonnull (dialog);
  smt_trait_dialog_set_text (dialog, "trait", "CQN");
  smt_trait_dialog_set_text (dialog, "from", "01/05/1985");
  smt_trait_dialog_set_text (dialog, "reason", "Giấy xuất ngũ số 123");
  shoot (GTK_WIDGET (dialog), "screenshot-trait-add.png");
  /* A day that is no date: refused, the dialog stays. */
  smt_trait_dialog_set_text (dialog, "to", "31/02/2020");
  g_assert_false (smt_trait_dialog_save (dialog));
  g_assert_nonnull (smt_trait_dialog_get_error (dialog));
  smt_trait_dialog_set_text (dialog, "to", "");
  g_assert_true (smt_trait_dialog_save (dialog));
  g_assert_true (smt_person_has_trait (f->reg, person, veteran, "1985-05-01"));
  g_assert_false (smt_person_has_trait (f->reg, person, veteran, "1985-04-30"));

  /* A second one, to end: a worker since before the register. */
  gtk_widget_activate_action (GTK_WIDGET (page), "person.add-trait", NULL);
  dialog = SMT_TRAIT_DIALOG (find_toplevel (SMT_TYPE_TRAIT_DIALOG));
  smt_trait_dialog_set_text (dialog, "trait", "NLD");
  g_assert_true (smt_trait_dialog_save (dialog));
  g_assert_cmpuint (smt_person_window_get_detail (page)->traits->len, ==, 2);
  shoot (GTK_WIDGET (page), "screenshot-trait-page.png");

  record = ((SmtPersonTraitRow *) g_ptr_array_index (smt_person_window_get_detail (page)->traits,
                                                     1))->id;
  gtk_widget_activate_action (GTK_WIDGET (page), "person.end-trait", "x", record);
  dialog = SMT_TRAIT_DIALOG (find_toplevel (SMT_TYPE_TRAIT_DIALOG));
  smt_trait_dialog_set_text (dialog, "to", "30/06/2025");
  smt_trait_dialog_set_text (dialog, "reason", "Nghỉ hưu");
  shoot (GTK_WIDGET (dialog), "screenshot-trait-end.png");
  g_assert_true (smt_trait_dialog_save (dialog));
  g_assert_true (smt_person_has_trait (f->reg, person, worker, "2025-06-30"));
  g_assert_false (smt_person_has_trait (f->reg, person, worker, "2025-07-01"));

  /* Void the first: a reason is asked for. */
  record = ((SmtPersonTraitRow *) g_ptr_array_index (smt_person_window_get_detail (page)->traits,
                                                     0))->id;
  gtk_widget_activate_action (GTK_WIDGET (page), "person.void-trait", "x", record);
  dialog = SMT_TRAIT_DIALOG (find_toplevel (SMT_TYPE_TRAIT_DIALOG));
  g_assert_false (smt_trait_dialog_save (dialog));
  smt_trait_dialog_set_text (dialog, "reason", "Nhầm người");
  shoot (GTK_WIDGET (dialog), "screenshot-trait-void.png");
  g_assert_true (smt_trait_dialog_save (dialog));
  g_assert_false (smt_person_has_trait (f->reg, person, veteran, "2020-01-01"));
  g_assert_cmpuint (smt_person_window_get_detail (page)->traits->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (page));
}

/* The person dialog: a switch per trait; on, the trait since before the
 * register; off, in a correction, the record voided with the reason. */
static void
test_person_dialog (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 person = man_without_traits (f->reg);
  gint64 veteran = smt_trait_lookup (f->reg, "CQN");
  SmtPersonDialog *dialog;

  dialog = smt_person_dialog_new (GTK_WINDOW (f->window), f->reg, person, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (smt_person_dialog_set_trait (dialog, "CQN", TRUE));
  g_assert_false (smt_person_dialog_set_trait (dialog, "XYZ", TRUE));
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_REASON, "Bổ sung giấy xuất ngũ");
  {
    /* Scrolled down to the switches, for the screenshot. */
    GtkScrolledWindow *scroller =
      GTK_SCROLLED_WINDOW (smt_gui_find_descendant (GTK_WIDGET (dialog),
                                                    GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);

    gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  }
  shoot (GTK_WIDGET (dialog), "screenshot-trait-person-dialog.png");
  g_assert_true (smt_person_dialog_save (dialog));
  g_assert_true (smt_person_has_trait (f->reg, person, veteran, "1950-01-01"));

  /* Off again in a correction: voided, the history kept. */
  dialog = smt_person_dialog_new (GTK_WINDOW (f->window), f->reg, person, &error);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (smt_person_dialog_set_trait (dialog, "CQN", FALSE));
  smt_person_dialog_set_text (dialog, SMT_PERSON_FIELD_REASON, "Nhầm người");
  g_assert_true (smt_person_dialog_save (dialog));
  g_assert_false (smt_person_has_trait (f->reg, person, veteran, "2020-01-01"));
  g_assert_cmpint (smt_register_query_int (f->reg, 0, "SELECT count (*) FROM person_trait "
                                                      "WHERE person_id = ?1", person), ==, 2);
}

/* The organisation dialog shows the rule and changes it. */
static void
test_organisation_rule (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = smt_organisations_list (f->reg, &error);
  const SmtOrganisationInfo *ccb = NULL;
  SmtOrganisationDialog *dialog;

  for (guint i = 0; i < orgs->len; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (orgs, i))->code, "CCB") == 0)
      ccb = g_ptr_array_index (orgs, i);
  g_assert_nonnull (ccb);
  g_assert_cmpstr (ccb->trait_code, ==, "CQN");
  dialog = smt_organisation_dialog_new (GTK_WINDOW (f->window), f->reg, ccb);
  gtk_window_present (GTK_WINDOW (dialog));
  shoot (GTK_WIDGET (dialog), "screenshot-trait-organisation-dialog.png");
  /* An unrelated change keeps the rule. */
  smt_organisation_dialog_set_text (dialog, "short-name", "Cựu chiến binh xã");
  smt_organisation_dialog_set_text (dialog, "reason", "Tên gọi");
  g_assert_true (smt_organisation_dialog_save (dialog));
  g_clear_pointer (&orgs, g_ptr_array_unref);
  orgs = smt_organisations_list (f->reg, &error);
  for (guint i = 0; i < orgs->len; i++)
    if (g_strcmp0 (((SmtOrganisationInfo *) g_ptr_array_index (orgs, i))->code, "CCB") == 0)
      ccb = g_ptr_array_index (orgs, i);
  g_assert_cmpstr (ccb->short_name, ==, "Cựu chiến binh xã");
  g_assert_cmpstr (ccb->trait_code, ==, "CQN");
  /* No trait: gathering_rate:CCB counts every adult again. */
  dialog = smt_organisation_dialog_new (GTK_WINDOW (f->window), f->reg, ccb);
  gtk_window_present (GTK_WINDOW (dialog));
  smt_organisation_dialog_set_trait (dialog, 0);
  smt_organisation_dialog_set_text (dialog, "reason", "Thử");
  g_assert_true (smt_organisation_dialog_save (dialog));
  g_assert_cmpint (smt_register_query_int (f->reg, -1, "SELECT coalesce (trait_id, 0) FROM "
                                                       "organisation WHERE code = 'CCB'"), ==, 0);
}

/* The value dialog of the Chỉ tiêu view: a budget typed for one
 * organisation, and what a period reads from the months typed inside it. */
static void
test_value_per_organisation (Fixture       *f,
                             gconstpointer  data)
{
  SmtIndicatorsView *view;
  SmtIndicatorValueDialog *dialog;
  g_autoptr(SmtPeriod) q1 = smt_period_new_quarter (2025, 1);
  g_autoptr(SmtIndicatorResult) r = NULL;

  smt_window_show_view (f->window, "indicators");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  view = SMT_INDICATORS_VIEW (smt_gui_find_descendant (GTK_WIDGET (f->window),
                                                       SMT_TYPE_INDICATORS_VIEW));
  g_assert_true (smt_indicators_view_set_period (view, "2025-01"));
  dialog = SMT_INDICATOR_VALUE_DIALOG (smt_indicators_view_activate (view, "budget"));
  g_assert_nonnull (dialog);
  smt_indicator_value_dialog_set_organisation (dialog, "PN");
  g_assert_cmpstr (smt_indicator_value_dialog_get_code (dialog), ==, "budget:PN");
  smt_indicator_value_dialog_set_values (dialog, "1250000", "Sổ quỹ của Hội");
  shoot (GTK_WIDGET (dialog), "screenshot-value-organisation.png");
  g_assert_true (smt_indicator_value_dialog_save (dialog));

  /* Q1/2025 of the Hội: nothing typed for it; it reads January's. */
  g_assert_true (smt_indicators_view_set_period (view, "2025-Q1"));
  dialog = SMT_INDICATOR_VALUE_DIALOG (smt_indicators_view_activate (view, "budget"));
  smt_indicator_value_dialog_set_organisation (dialog, "PN");
  g_test_message ("%s", smt_indicator_value_dialog_get_history (dialog));
  g_assert_nonnull (strstr (smt_indicator_value_dialog_get_history (dialog), "1.250.000"));
  g_assert_nonnull (strstr (smt_indicator_value_dialog_get_history (dialog),
                            "Cộng từ số liệu nhập cho 1 tháng"));
  shoot (GTK_WIDGET (dialog), "screenshot-value-added-up.png");
  gtk_window_close (GTK_WINDOW (dialog));

  /* The commune's Q1 has nothing of its own inside (the demo types the
   * year): it is the organisations' sum. */
  r = smt_indicator_compute (f->reg, "budget", q1, NULL, NULL);
  g_assert_true (r->defined);
  g_assert_cmpfloat (r->value, ==, 1250000);
  g_assert_true (smt_indicators_view_show_breakdown (view, "budget", FALSE));
  g_assert_cmpuint (smt_indicators_view_get_n_breakdown (view), >=, 5);
  shoot (GTK_WIDGET (f->window), "screenshot-value-breakdown.png");
}

int
main (int    argc,
      char **argv)
{
  smt_gui_test_init (&argc, &argv);

  g_test_add ("/traits/person-page", Fixture, NULL, fixture_setup, test_person_page,
              fixture_teardown);
  g_test_add ("/traits/person-dialog", Fixture, NULL, fixture_setup, test_person_dialog,
              fixture_teardown);
  g_test_add ("/traits/organisation-rule", Fixture, NULL, fixture_setup, test_organisation_rule,
              fixture_teardown);
  g_test_add ("/traits/value-per-organisation", Fixture, NULL, fixture_setup,
              test_value_per_organisation, fixture_teardown);
  return smt_gui_test_run ();
}
