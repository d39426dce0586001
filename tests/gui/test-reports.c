/* test-reports.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <gtk/gtk.h>

#include "core/organisations/smt-organisation-query.h"
#include "core/reports/smt-export-log.h"
#include "core/targets/smt-targets.h"
#include "gui/app/smt-window-private.h"
#include "gui/views/smt-reports-view.h"
#include "gui/widgets/smt-period-picker.h"

#include "smt-gui-test.h"
#include "smt-test-util.h"

/* Báo cáo on the 10.000-person demo: the annex of 06-NQ/TU for Quý II/2025
 * previewed (ink on the paper), exported to XLSX and PDF and printed to a
 * file through the view; a missing resolution refused in Vietnamese in the
 * view; the member list of a branch with its personal fields masked in the
 * preview and the workbook unless asked; every other kind previewed; a
 * screenshot of each. */

static gboolean
page_is_overview (gpointer data)
{
  return g_strcmp0 (smt_window_get_page_name (data), "overview") == 0;
}

static gboolean
report_or_error (gpointer data)
{
  return smt_reports_view_get_report (data) != NULL || smt_reports_view_get_error (data) != NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return smt_gui_find_window (data, GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
chooser_gone (gpointer data)
{
  return !chooser_shown (data);
}

/* Runs the view's shortcut for keyval as a key press would. */
static gboolean
press_page_key (SmtReportsView *view,
                guint           keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (view), NULL);
        }
    }
  return FALSE;
}

/* Runs argv and returns what it printed, asserting it succeeded. */
static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gsize
file_size (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return length;
}

/* Dark pixels of the preview inside the paper: the page is drawn. */
static guint
ink_on_paper (SmtReportsView *view)
{
  GtkWidget *preview = smt_reports_view_get_preview (view);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (preview);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (preview);
  int height = gtk_widget_get_height (preview);
  double x, y, w, h;
  guint dark = 0, white = 0;

  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (preview)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  smt_reports_view_get_paper_rect (view, &x, &y, &w, &h);
  g_assert_cmpfloat (w, >, 100);
  for (int py = (int) y + 1; py < MIN ((int) (y + h) - 1, height); py++)
    for (int px = (int) x + 1; px < MIN ((int) (x + w) - 1, width); px++)
      {
        const guchar *p = pixels + py * width * 4 + px * 4;

        if (p[0] < 128 && p[1] < 128 && p[2] < 128)
          dark++;
        else if (p[0] > 250 && p[1] > 250 && p[2] > 250)
          white++;
      }
  /* Mostly white paper, with text on it. */
  g_assert_cmpuint (white, >, dark);
  return dark;
}

/* The column of the report whose header names it, or -1. */
static int
find_column (const SmtReport *report,
             const char      *word)
{
  for (guint r = 0; r < report->header->len; r++)
    {
      const SmtReportRow *row = g_ptr_array_index (report->header, r);

      for (guint c = 0; c < report->n_columns; c++)
        if (row->cells[c].text != NULL && strstr (row->cells[c].text, word) != NULL)
          return c;
    }
  return -1;
}

static guint
count_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      n++;
  return n;
}

/* A label in sight in widget says text. */
static gboolean
label_shows (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_shows (child, text))
      return TRUE;
  return FALSE;
}

static void
screenshot (SmtWindow  *window,
            const char *what)
{
  g_autofree char *name = g_strdup_printf ("screenshot-reports-%s.png", what);
  g_autofree char *shot = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shot = smt_gui_write_screenshot (GTK_WIDGET (window), name);
  g_assert_nonnull (shot);
}

typedef struct
{
  char           *dir;
  SmtApplication *app;
  SmtWindow      *window;
  SmtRegister    *reg;
  SmtReportsView *view;
  gint64          resolution_id;
} Fixture;

/* The demo open on Báo cáo. */
static void
fixture_set_up (Fixture       *f,
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
  f->resolution_id = smt_resolution_lookup (f->reg, "06-NQ/TU");
  g_assert_cmpint (f->resolution_id, !=, 0);

  smt_window_show_view (f->window, "reports");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  f->view = SMT_REPORTS_VIEW (smt_gui_find_descendant (GTK_WIDGET (f->window),
                                                       SMT_TYPE_REPORTS_VIEW));
  g_assert_nonnull (f->view);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  smt_gui_close_window (f->window);
  smt_gui_stop_application (f->app);
  smt_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_annex (Fixture       *f,
            gconstpointer  data)
{
  SmtReportsView *view = f->view;
  SmtWindow *window = f->window;
  const char *dir = f->dir;
  gint64 resolution_id = f->resolution_id;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *printed = NULL;
  g_autoptr(GError) error = NULL;

  /* Opens on the annex, built by itself shortly after it came into sight. */
  g_assert_cmpint (smt_reports_view_get_kind (view), ==, SMT_REPORT_ANNEX);
  smt_gui_wait_until (report_or_error, view, SMT_GUI_WAIT_SECONDS, "the first report");
  g_assert_null (smt_reports_view_get_error (view));
  /* The annex of 06-NQ/TU for Quý II/2025, previewed. */
  g_assert_true (smt_reports_view_set_resolution (view, resolution_id));
  g_assert_true (smt_reports_view_set_period (view, "2025-Q2"));
  /* Enter on the kind builds it at once. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (
      GTK_LIST_BOX (smt_gui_find_descendant (GTK_WIDGET (view), GTK_TYPE_LIST_BOX)), 0)));
  g_assert_null (smt_reports_view_get_error (view));
  g_assert_nonnull (smt_reports_view_get_report (view));
  g_assert_cmpstr (smt_reports_view_get_report (view)->code, ==, "annex");
  g_assert_cmpstr (smt_reports_view_get_report (view)->file_stem, !=, "");
  g_assert_cmpuint (smt_reports_view_get_n_pages (view), >=, 1);
  g_assert_cmpuint (smt_reports_view_get_page (view), ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (ink_on_paper (view), >, 500);
  screenshot (window, smt_report_kind_code (SMT_REPORT_ANNEX));
  /* To XLSX and PDF, without a file chooser. */
  xlsx = g_build_filename (dir, "phu-luc.xlsx", NULL);
  pdf = g_build_filename (dir, "phu-luc.pdf", NULL);
  g_assert_true (smt_reports_view_export (view, xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (smt_reports_view_export (view, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_size (xlsx), >, 0);
  g_assert_cmpuint (file_size (pdf), >, 0);
  {
    const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
    const char *zip_argv[] = { "unzip", "-l", xlsx, NULL };
    g_autofree char *text = run (text_argv);
    g_autofree char *listing = run (zip_argv);

    g_assert_nonnull (strstr (text, "SỐ LIỆU KẾT QUẢ THỰC HIỆN"));
    g_assert_nonnull (strstr (listing, "xl/worksheets/sheet1.xml"));
  }
  /* Printed to a file through GtkPrintOperation, as "Print to File" does. */
  printed = g_build_filename (dir, "in.pdf", NULL);
  g_assert_true (smt_reports_view_print_to_file (view, printed, &error));
  g_assert_no_error (error);
  {
    const char *info_argv[] = { "pdfinfo", printed, NULL };
    const char *text_argv[] = { "pdftotext", printed, "-", NULL };
    g_autofree char *info = run (info_argv);
    g_autofree char *text = run (text_argv);
    g_autofree char *pages = g_strdup_printf ("\\nPages: +%u\\n",
                                              smt_reports_view_get_n_pages (view));
    gboolean landscape = smt_reports_view_get_report (view)->orientation == SMT_REPORT_LANDSCAPE;

    /* Every page, on A4 turned as the report is. */
    g_assert_true (g_regex_match_simple (pages, info, 0, 0));
    g_assert_nonnull (strstr (info, landscape ? "Page size:       841.89 x 595.276 pts"
                                              : "Page size:       595.276 x 841.89 pts"));
    g_assert_nonnull (strstr (text, "SỐ LIỆU KẾT QUẢ THỰC HIỆN"));
  }

  /* Ctrl+E asks where, offering the report's own name. */
  {
    g_autofree char *expected = g_strconcat (smt_reports_view_get_report (view)->file_stem,
                                             ".xlsx", NULL);
    g_autofree char *name = NULL;
    GtkWindow *chooser;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reports.export-xlsx", NULL));
    smt_gui_wait_until (chooser_shown, f->app, SMT_GUI_WAIT_SECONDS, "the file chooser");
    chooser = smt_gui_find_window (f->app, GTK_TYPE_FILE_CHOOSER_DIALOG);
    name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_assert_cmpstr (name, ==, expected);
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    smt_gui_wait_until (chooser_gone, f->app, SMT_GUI_WAIT_SECONDS, "the file chooser to close");
    g_assert_null (smt_reports_view_get_error (view));
  }

  /* The register remembers the three, in order. */
  {
    g_autoptr(GPtrArray) log = smt_export_log_list (f->reg, &error);
    const char *expected[] = { xlsx, pdf, printed };

    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 3);
    for (guint i = 0; i < log->len; i++)
      {
        const SmtExportLogEntry *entry = g_ptr_array_index (log, i);

        g_assert_cmpstr (entry->report, ==, "annex");
        g_assert_cmpstr (entry->destination, ==, expected[i]);
        g_assert_false (entry->personal_shown);
        g_assert_nonnull (strstr (entry->covered, "2025-Q2"));
      }
  }

  /* A folder that cannot be written: refused in Vietnamese, in the view,
   * and nothing recorded. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "khong-co", "phu-luc.xlsx", NULL);
    g_autoptr(GPtrArray) log = NULL;

    g_assert_false (smt_reports_view_export (view, nowhere, &error));
    g_assert_nonnull (error);
    g_assert_false (g_str_is_ascii (error->message));
    g_assert_cmpstr (smt_reports_view_get_error (view), ==, error->message);
    g_assert_true (label_shows (GTK_WIDGET (view), error->message));
    g_clear_error (&error);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
    log = smt_export_log_list (f->reg, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (log->len, ==, 3);
    /* Built again, the error goes. */
    g_assert_true (smt_reports_view_build (view));
    g_assert_null (smt_reports_view_get_error (view));
  }

  /* The annex may cover the resolution's whole term (a tổng kết): the
   * period picker offers it for the annex, and its period runs from the
   * resolution's start. */
  {
    GtkWidget *picker = smt_gui_find_descendant (GTK_WIDGET (view), SMT_TYPE_PERIOD_PICKER);
    GtkDropDown *kind = GTK_DROP_DOWN (smt_gui_find_descendant (picker, GTK_TYPE_DROP_DOWN));
    const SmtReport *report;
    gboolean found = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (kind)), ==, 7);
    gtk_drop_down_set_selected (kind, 5);
    g_assert_true (smt_period_picker_is_term (SMT_PERIOD_PICKER (picker)));
    g_assert_true (smt_reports_view_build (view));
    report = smt_reports_view_get_report (view);
    for (guint i = 0; i < report->notes->len; i++)
      found |= strstr (g_ptr_array_index (report->notes, i), "21/07/2021") != NULL;
    g_assert_true (found);
    g_assert_true (smt_reports_view_set_period (view, "2025-Q2"));
    g_assert_true (smt_reports_view_build (view));
  }

  /* Without a resolution the annex is refused, in Vietnamese, in the view. */
  g_assert_true (smt_reports_view_set_resolution (view, 0));
  g_assert_false (smt_reports_view_build (view));
  g_assert_nonnull (smt_reports_view_get_error (view));
  g_assert_null (smt_reports_view_get_report (view));
  g_assert_cmpuint (smt_reports_view_get_n_pages (view), ==, 0);
  g_assert_false (g_str_is_ascii (smt_reports_view_get_error (view)));
  g_assert_true (label_shows (GTK_WIDGET (view), smt_reports_view_get_error (view)));
  g_assert_false (smt_reports_view_export (view, xlsx, &error));
  g_clear_error (&error);
  screenshot (window, "error");
  g_assert_true (smt_reports_view_set_resolution (view, resolution_id));

}

static void
test_branch_members (Fixture       *f,
                     gconstpointer  data)
{
  SmtReportsView *view = f->view;
  SmtWindow *window = f->window;
  const char *dir = f->dir;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GError) error = NULL;
  const SmtBranchInfo *branch = NULL;

  /* The member list of a branch with members: masked unless asked. */
  branches = smt_branches_list (f->reg, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (b->members >= 10 && (branch == NULL || b->members > branch->members))
        branch = b;
    }
  g_assert_nonnull (branch);
  smt_reports_view_select_kind (view, SMT_REPORT_BRANCH_MEMBERS);
  g_assert_true (smt_reports_view_set_branch (view, branch->id));
  smt_reports_view_set_show_personal (view, TRUE);
  g_assert_true (smt_reports_view_build (view));
  {
    g_autoptr(GPtrArray) full = g_ptr_array_new_with_free_func (g_free);
    const SmtReport *report = smt_reports_view_get_report (view);
    int column = find_column (report, "CCCD");
    g_autofree char *masked_xlsx = g_build_filename (dir, "danh-sach.xlsx", NULL);
    g_autofree char *strings = NULL;

    g_assert_cmpint (column, >=, 0);
    for (guint r = 0; r < report->body->len; r++)
      {
        const SmtReportRow *row = g_ptr_array_index (report->body, r);
        g_autofree char *text = smt_report_cell_text (&row->cells[column]);

        if (count_digits (text) == 12)
          g_ptr_array_add (full, g_steal_pointer (&text));
      }
    /* The demo gives most adults a CCCD. */
    g_assert_cmpuint (full->len, >, 0);
    /* Exported in full: the export log says personal data went out. */
    {
      g_autofree char *full_xlsx = g_build_filename (dir, "danh-sach-day-du.xlsx", NULL);
      g_autoptr(GPtrArray) log = NULL;
      const SmtExportLogEntry *entry;

      g_assert_true (smt_reports_view_export (view, full_xlsx, &error));
      g_assert_no_error (error);
      log = smt_export_log_list (f->reg, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (log->len, ==, 1);
      entry = g_ptr_array_index (log, 0);
      g_assert_cmpstr (entry->report, ==, "branch-members");
      g_assert_cmpstr (entry->destination, ==, full_xlsx);
      g_assert_true (entry->personal_shown);
    }

    smt_reports_view_set_show_personal (view, FALSE);
    g_assert_true (smt_reports_view_build (view));
    report = smt_reports_view_get_report (view);
    for (guint r = 0; r < report->body->len; r++)
      {
        const SmtReportRow *row = g_ptr_array_index (report->body, r);
        g_autofree char *text = smt_report_cell_text (&row->cells[column]);

        g_assert_cmpuint (count_digits (text), <, 12);
      }
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpuint (ink_on_paper (view), >, 500);
    screenshot (window, smt_report_kind_code (SMT_REPORT_BRANCH_MEMBERS));
    /* Page Down and Page Up turn the pages of the preview, even with the
     * focus in the list of kinds; the arrows too. */
    g_assert_cmpuint (smt_reports_view_get_n_pages (view), >=, 2);
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (
        GTK_LIST_BOX (smt_gui_find_descendant (GTK_WIDGET (view), GTK_TYPE_LIST_BOX)), 0)));
    g_assert_true (press_page_key (view, GDK_KEY_Page_Down));
    g_assert_cmpuint (smt_reports_view_get_page (view), ==, 1);
    g_assert_true (press_page_key (view, GDK_KEY_Page_Up));
    g_assert_cmpuint (smt_reports_view_get_page (view), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reports.next-page", NULL));
    g_assert_cmpuint (smt_reports_view_get_page (view), ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "reports.previous-page", NULL));
    g_assert_cmpuint (smt_reports_view_get_page (view), ==, 0);
    g_assert_true (smt_reports_view_export (view, masked_xlsx, &error));
    g_assert_no_error (error);
    {
      g_autoptr(GPtrArray) log = smt_export_log_list (f->reg, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (log->len, ==, 2);
      g_assert_false (((const SmtExportLogEntry *) g_ptr_array_index (log, 1))->personal_shown);
    }
    {
      const char *argv[] = { "unzip", "-p", masked_xlsx, "xl/sharedStrings.xml",
                             "xl/worksheets/sheet1.xml", NULL };

      strings = run (argv);
    }
    g_assert_nonnull (strstr (strings, "<row"));
    for (guint i = 0; i < full->len; i++)
      g_assert_null (strstr (strings, g_ptr_array_index (full, i)));
  }

}

static void
test_other_kinds (Fixture       *f,
                  gconstpointer  data)
{
  SmtReportsView *view = f->view;
  SmtWindow *window = f->window;
  g_autoptr(GError) error = NULL;

  /* Every other kind builds and shows pages. */
  {
    static const SmtReportKind others[] = {
      SMT_REPORT_MEMBERS, SMT_REPORT_MEETINGS, SMT_REPORT_RATINGS, SMT_REPORT_CHANGES,
    };
    g_autoptr(GPtrArray) organisations = smt_organisations_list (f->reg, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        smt_reports_view_select_kind (view, others[i]);
        if (others[i] == SMT_REPORT_RATINGS)
          {
            g_assert_true (smt_reports_view_set_organisation (
                view, ((SmtOrganisationInfo *) g_ptr_array_index (organisations, 0))->id));
            smt_reports_view_set_year (view, 2024);
          }
        else
          g_assert_true (smt_reports_view_set_organisation (view, 0));
        g_assert_true (smt_reports_view_set_period (view, "2025-Q2"));
        if (!smt_reports_view_build (view))
          g_test_message ("%s: %s", smt_report_kind_code (others[i]),
                          smt_reports_view_get_error (view));
        g_assert_null (smt_reports_view_get_error (view));
        g_assert_cmpuint (smt_reports_view_get_n_pages (view), >=, 1);
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
        g_assert_cmpuint (ink_on_paper (view), >, 500);
        screenshot (window, smt_report_kind_code (others[i]));
      }
  }

}

int
main (int   argc,
      char *argv[])
{
  smt_gui_test_init (&argc, &argv);
  g_test_add ("/reports/annex", Fixture, NULL, fixture_set_up, test_annex, fixture_tear_down);
  g_test_add ("/reports/branch-members", Fixture, NULL, fixture_set_up, test_branch_members,
              fixture_tear_down);
  g_test_add ("/reports/other-kinds", Fixture, NULL, fixture_set_up, test_other_kinds,
              fixture_tear_down);
  return smt_gui_test_run ();
}
