/* test-ratings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <gtk/gtk.h>

#include "core/activity/smt-rating-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-format.h"
#include "gui/app/smt-window-private.h"
#include "gui/dialogs/smt-scales-dialog.h"
#include "gui/views/smt-ratings-view.h"

#include "smt-gui-test.h"
#include "smt-test-util.h"

/* Đánh giá on the 10.000-person demo: rate a branch from its drop-down, a
 * member and an organisation itself with a digit key, read the level back
 * from the core, watch the summary move by one, undo with Ctrl+Z; members
 * of 2022 on their own scale; a year without a scale and a refused scale
 * change are said in the window and write nothing. */

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

static gboolean
widget_is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* Lets the window take in a change of state (a toggle button's :checked)
 * before a screenshot: the paintable draws what the last frame drew. */
static void
settle (GtkWidget *window)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (window);
}

/* The count the summary shows for level (-1: not rated). */
static guint
count_of (SmtRatingsView *view,
          int             level)
{
  const SmtRatingSheet *sheet = smt_ratings_view_get_sheet (view);

  g_assert_nonnull (sheet);
  return level < 0 ? sheet->not_rated : sheet->counts[level];
}

static const SmtRatingSheetRow *
row_of (SmtRatingsView *view,
        gint64          id)
{
  const SmtRatingSheet *sheet = smt_ratings_view_get_sheet (view);

  for (guint i = 0; i < sheet->rows->len; i++)
    if (((const SmtRatingSheetRow *) g_ptr_array_index (sheet->rows, i))->id == id)
      return g_ptr_array_index (sheet->rows, i);
  g_assert_not_reached ();
}

static int
level_of (SmtRatingsView *view,
          gint64          id)
{
  return smt_rating_sheet_row_level (smt_ratings_view_get_sheet (view), row_of (view, id));
}

/* The code the core reads for the member or branch, NULL when not rated. */
static char *
core_level (SmtRegister *reg,
            int          year,
            gint64       organisation_id,
            gint64       person_id,
            gint64       branch_id)
{
  char *code = NULL;

  smt_rating_current (reg, year, organisation_id, person_id, branch_id, &code);
  return code;
}

/* The summary line says count for the level. */
static void
assert_summary (SmtRatingsView *view,
                int             level,
                guint           count)
{
  const SmtRatingSheet *sheet = smt_ratings_view_get_sheet (view);
  g_autofree char *number = smt_format_int (count);
  g_autofree char *part = NULL;

  if (level < 0)
    part = g_strdup_printf ("Chưa xếp loại: %s", number);
  else
    part = g_strdup_printf ("%s: %s", ((const SmtRatingLevel *)
                                       g_ptr_array_index (sheet->scale->levels, level))->name,
                            number);
  g_assert_nonnull (strstr (smt_ratings_view_get_summary (view), part));
}

static const char *
code_at (SmtRatingsView *view,
         int             level)
{
  const SmtRatingSheet *sheet = smt_ratings_view_get_sheet (view);

  if (level < 0)
    return NULL;
  return ((const SmtRatingLevel *) g_ptr_array_index (sheet->scale->levels, level))->code;
}

static void
test_ratings (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = smt_gui_demo_copy (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *shot = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *hash_after = NULL;
  g_autofree char *code = NULL;
  const SmtRatingSheet *sheet;
  const SmtRatingSheetRow *row;
  SmtRatingsView *view;
  GtkWindow *dialog;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  gint64 pn, branch_id, person_id = 0;
  int year, this_year, old_level, new_level;
  guint old_count, new_count, shown;

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = smt_gui_only_window (app);
  smt_gui_wait_until (page_is_overview, window, SMT_GUI_WAIT_SECONDS, "the register");
  reg = smt_window_get_register (window);
  pn = smt_organisation_lookup (reg, "PN");
  this_year = (int) g_ascii_strtoll (smt_register_get_today (reg), NULL, 10);

  smt_window_show_view (window, "ratings");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  view = SMT_RATINGS_VIEW (smt_gui_find_descendant (GTK_WIDGET (window), SMT_TYPE_RATINGS_VIEW));
  g_assert_nonnull (view);

  /* This year once it has ratings, else the year before. */
  year = smt_ratings_view_get_year (view);
  g_assert_cmpint (year, ==, smt_rating_default_year (reg));
  g_assert_true (year == this_year || year == this_year - 1);

  /* The branches of the Women's Union, on the scale of that year. */
  g_assert_true (smt_ratings_view_set_organisation (view, pn));
  smt_ratings_view_set_target (view, SMT_RATING_BRANCHES);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  sheet = smt_ratings_view_get_sheet (view);
  g_assert_nonnull (sheet);
  g_assert_cmpint (sheet->year, ==, year);
  g_assert_cmpint (sheet->organisation_id, ==, pn);
  g_assert_cmpstr (sheet->scale->code, ==, "NEW");
  g_assert_cmpuint (sheet->rows->len, >, 10);
  g_assert_null (smt_ratings_view_get_error (view));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-ratings-branches.png");
  g_clear_pointer (&shot, g_free);

  /* The first branch gets the next level from its drop-down. */
  row = g_ptr_array_index (sheet->rows, 0);
  branch_id = row->id;
  old_level = level_of (view, branch_id);
  new_level = (old_level + 1) % (int) sheet->scale->levels->len;
  old_count = count_of (view, old_level);
  new_count = count_of (view, new_level);
  g_assert_true (smt_ratings_view_select (view, branch_id));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (smt_ratings_view_pick_level (view, new_level));
  code = core_level (reg, year, pn, 0, branch_id);
  g_assert_cmpstr (code, ==, code_at (view, new_level));
  g_clear_pointer (&code, g_free);
  g_assert_cmpint (level_of (view, branch_id), ==, new_level);
  g_assert_cmpuint (count_of (view, new_level), ==, new_count + 1);
  g_assert_cmpuint (count_of (view, old_level), ==, old_count - 1);
  assert_summary (view, new_level, new_count + 1);

  /* Enter opens the row's list of levels. */
  {
    GtkWidget *popover;

    GtkWidget *table = smt_gui_find_descendant (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW);

    g_assert_true (smt_ratings_view_press_key (view, GDK_KEY_Return));
    /* The first drop-down of the table is the selected first row's. */
    popover = smt_gui_find_descendant (table, GTK_TYPE_POPOVER);
    g_assert_nonnull (popover);
    smt_gui_wait_until (widget_is_visible, popover, SMT_GUI_WAIT_SECONDS, "the level list");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }

  /* Ctrl+Z: the level before, by a new row. */
  g_assert_true (smt_window_undo (window));
  code = core_level (reg, year, pn, 0, branch_id);
  g_assert_cmpstr (code, ==, code_at (view, old_level));
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (count_of (view, new_level), ==, new_count);
  g_assert_cmpuint (count_of (view, old_level), ==, old_count);

  /* The members, by given name; the search narrows them. */
  smt_ratings_view_set_target (view, SMT_RATING_MEMBERS);
  sheet = smt_ratings_view_get_sheet (view);
  g_assert_cmpint (sheet->target, ==, SMT_RATING_MEMBERS);
  g_assert_cmpuint (sheet->rows->len, >, 500);
  g_assert_cmpuint (smt_ratings_view_get_n_shown (view), ==, sheet->rows->len);
  smt_ratings_view_set_search (view, "nguyen thi");
  shown = smt_ratings_view_get_n_shown (view);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, sheet->rows->len);
  smt_ratings_view_set_search (view, "");
  g_assert_cmpuint (smt_ratings_view_get_n_shown (view), ==, sheet->rows->len);

  /* A member not rated yet (else the last one) gets level 2 by its key. */
  for (guint i = 0; i < sheet->rows->len && person_id == 0; i++)
    if (((const SmtRatingSheetRow *) g_ptr_array_index (sheet->rows, i))->rating_id == 0)
      person_id = ((const SmtRatingSheetRow *) g_ptr_array_index (sheet->rows, i))->id;
  if (person_id == 0)
    person_id = ((const SmtRatingSheetRow *) g_ptr_array_index (sheet->rows,
                                                                sheet->rows->len - 1))->id;
  old_level = level_of (view, person_id);
  new_level = old_level == 1 ? 2 : 1;
  old_count = count_of (view, old_level);
  new_count = count_of (view, new_level);
  /* Found by name first, so that the screenshot shows the row. */
  smt_ratings_view_set_search (view, row_of (view, person_id)->name);
  g_assert_cmpuint (smt_ratings_view_get_n_shown (view), >=, 1);
  g_assert_true (smt_ratings_view_select (view, person_id));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (smt_ratings_view_press_key (view, GDK_KEY_1 + (guint) new_level));
  code = core_level (reg, year, pn, person_id, 0);
  g_assert_cmpstr (code, ==, code_at (view, new_level));
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (count_of (view, new_level), ==, new_count + 1);
  g_assert_cmpuint (count_of (view, old_level), ==, old_count - 1);
  assert_summary (view, new_level, new_count + 1);
  assert_summary (view, old_level, old_count - 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-ratings-members.png");
  g_clear_pointer (&shot, g_free);

  smt_ratings_view_set_search (view, "");

  g_assert_true (smt_window_undo (window));
  code = core_level (reg, year, pn, person_id, 0);
  g_assert_cmpstr (code, ==, code_at (view, old_level));
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (count_of (view, new_level), ==, new_count);
  g_assert_cmpuint (count_of (view, old_level), ==, old_count);

  /* The members of 2022 on the members' own scale: xuất sắc, not vững
   * mạnh. */
  smt_ratings_view_set_year (view, 2022);
  sheet = smt_ratings_view_get_sheet (view);
  g_assert_cmpstr (sheet->scale->code, ==, "OLD_MEMBER");
  g_assert_cmpstr (((const SmtRatingLevel *) g_ptr_array_index (sheet->scale->levels, 0))->name,
                   ==, "Xuất sắc");
  g_assert_cmpuint (sheet->counts[0], >, 0);
  g_assert_nonnull (strstr (smt_ratings_view_get_summary (view), "Xuất sắc: "));
  g_assert_null (strstr (smt_ratings_view_get_summary (view), "Vững mạnh"));
  smt_ratings_view_set_year (view, year);

  /* The organisations themselves (tổ chức cơ sở): eight rows, every one
   * rated in the demo; Phụ nữ gets another level by its key, and back. */
  smt_ratings_view_set_target (view, SMT_RATING_ORGANISATIONS);
  sheet = smt_ratings_view_get_sheet (view);
  g_assert_cmpint (sheet->target, ==, SMT_RATING_ORGANISATIONS);
  g_assert_cmpuint (sheet->rows->len, ==, 8);
  g_assert_cmpuint (sheet->not_rated, ==, 0);
  old_level = level_of (view, pn);
  g_assert_cmpint (old_level, >=, 0);
  new_level = old_level == 0 ? 1 : 0;
  old_count = count_of (view, old_level);
  new_count = count_of (view, new_level);
  g_assert_true (smt_ratings_view_select (view, pn));
  g_assert_true (smt_ratings_view_press_key (view, GDK_KEY_1 + (guint) new_level));
  code = core_level (reg, year, pn, 0, 0);
  g_assert_cmpstr (code, ==, code_at (view, new_level));
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (count_of (view, new_level), ==, new_count + 1);
  g_assert_cmpuint (count_of (view, old_level), ==, old_count - 1);
  assert_summary (view, new_level, new_count + 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  settle (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-ratings-organisations.png");
  g_clear_pointer (&shot, g_free);
  g_assert_true (smt_window_undo (window));
  code = core_level (reg, year, pn, 0, 0);
  g_assert_cmpstr (code, ==, code_at (view, old_level));
  g_clear_pointer (&code, g_free);
  g_assert_cmpuint (count_of (view, old_level), ==, old_count);
  smt_ratings_view_set_target (view, SMT_RATING_MEMBERS);

  /* Refusals: said in the window, nothing written. */
  hash = smt_gui_content_hash (reg);
  g_assert_true (smt_ratings_view_select (view, person_id));
  g_assert_true (smt_ratings_view_press_key (view, GDK_KEY_9));
  g_assert_nonnull (smt_ratings_view_get_error (view));
  smt_ratings_view_set_year (view, 1985);
  g_assert_nonnull (smt_ratings_view_get_error (view));
  g_assert_null (smt_ratings_view_get_sheet (view));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-ratings-no-scale.png");
  g_clear_pointer (&shot, g_free);
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  smt_ratings_view_set_year (view, year);
  g_assert_null (smt_ratings_view_get_error (view));
  g_assert_nonnull (smt_ratings_view_get_sheet (view));

  /* The old scale cannot come back for a year rated on the new one. */
  dialog = smt_ratings_view_open_scales (view);
  g_assert_nonnull (dialog);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (smt_scales_dialog_select (SMT_SCALES_DIALOG (dialog), "OLD", 0,
                                           SMT_RATING_SUBJECT_ALL, year));
  g_assert_false (smt_scales_dialog_save (SMT_SCALES_DIALOG (dialog)));
  g_assert_nonnull (smt_scales_dialog_get_error (SMT_SCALES_DIALOG (dialog)));
  hash_after = smt_gui_content_hash (reg);
  g_assert_cmpstr (hash_after, ==, hash);
  g_clear_pointer (&hash_after, g_free);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  shot = smt_gui_write_screenshot (GTK_WIDGET (dialog), "screenshot-ratings-scales.png");
  g_clear_pointer (&shot, g_free);

  /* From next year, for the Women's Union, it can; Ctrl+Z puts it back. */
  g_assert_true (smt_scales_dialog_select (SMT_SCALES_DIALOG (dialog), "OLD", pn,
                                           SMT_RATING_SUBJECT_ALL, this_year + 1));
  g_assert_true (smt_scales_dialog_save (SMT_SCALES_DIALOG (dialog)));
  g_assert_null (smt_scales_dialog_get_error (SMT_SCALES_DIALOG (dialog)));
  {
    g_autoptr(SmtRatingScale) scale = smt_rating_scale_in_force (reg, this_year + 1, pn,
                                                                 SMT_RATING_SUBJECT_BRANCH, NULL);

    g_assert_cmpstr (scale->code, ==, "OLD");
  }
  g_assert_true (smt_window_undo (window));
  {
    g_autoptr(SmtRatingScale) scale = smt_rating_scale_in_force (reg, this_year + 1, pn,
                                                                 SMT_RATING_SUBJECT_BRANCH, NULL);

    g_assert_cmpstr (scale->code, ==, "NEW");
  }
  gtk_window_close (dialog);

  /* At 1024×600 the table scrolls; nothing else is cut. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  smt_gui_wait_until (is_small, window, SMT_GUI_WAIT_SECONDS, "the window at 1024×600");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), "screenshot-ratings-1024.png");
  g_clear_pointer (&shot, g_free);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);
  g_test_add_func ("/ratings/table", test_ratings);
  return smt_gui_test_run ();
}
