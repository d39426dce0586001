/* test-import.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <xlsxwriter.h>

#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people-query.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "gui/assistants/smt-import-assistant.h"
#include "gui/models/smt-people-model.h"
#include "io/sheets/legacy-encode.h"
#include "smt-gui-test.h"
#include "smt-test-util.h"

/* The import assistant as a user goes through it, on a small register
 * made here: the hamlets Tân Hòa and Phú Lợi, each with a chi hội of the
 * Hội Nông dân (ND). The list, an .xlsx written here (invented names), has
 * a title row, a blank row, the header on row 3 and six rows of people
 * typed in TCVN3: the names in cells that lost their .VnTime font (the
 * column's typing is guessed from its syllables, and can be chosen), the
 * hamlets in .VnTime cells (decoded by their font):
 *   row 4  Nguyễn Văn An, 1980, Nam, Tân Hòa, 01/03/2020    new
 *   row 5  Trần Thị Bình, 1985, Nữ, Phú Lợi, 15/06/2019     new
 *   row 6  Lê Văn Cường, 1990, Nam, Tân Hòa, 10/10/2018     new
 *   row 7  Phạm Thị Dung, 1975, Nữ, Phú Lợi, no date        new (the date given: 01/01/2020)
 *   row 8  Nguyễn Văn An, 1980, Nam, Tân Hòa, 01/03/2020    repeats row 4: to decide
 *   row 9  Võ Văn Em, 1992, Nam, "Không Có", 01/01/2021     unknown hamlet: to decide
 * so 4 new persons once row 8 is "the same person" (skipped) and row 9
 * skipped; the undo takes the 4 away again. */

static const struct
{
  const char *name, *sex, *hamlet, *date;
  int         year;
} people[] = {
  { "Nguyễn Văn An", "Nam", "Tân Hòa", "01/03/2020", 1980 },
  { "Trần Thị Bình", "Nữ", "Phú Lợi", "15/06/2019", 1985 },
  { "Lê Văn Cường", "Nam", "Tân Hòa", "10/10/2018", 1990 },
  { "Phạm Thị Dung", "Nữ", "Phú Lợi", NULL, 1975 },
  { "Nguyễn Văn An", "Nam", "Tân Hòa", "01/03/2020", 1980 },
  { "Võ Văn Em", "Nam", "Không Có", "01/01/2021", 1992 },
};

static void
write_list (const char *path)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Danh sách");
  lxw_format *vntime = workbook_add_format (workbook);
  lxw_format *bold = workbook_add_format (workbook);
  static const char *const headers[] = { "STT", "Họ và tên", "Năm sinh", "Giới tính", "Ấp",
                                         "Ngày vào hội" };

  format_set_font_name (vntime, ".VnTime");
  format_set_bold (bold);
  worksheet_merge_range (sheet, 0, 0, 0, 5, "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN", bold);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 2, c, headers[c], bold);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *name = legacy_encode (people[i].name, ENC_TCVN3);
      g_autofree char *hamlet = legacy_encode (people[i].hamlet, ENC_TCVN3);

      g_assert_nonnull (name);
      g_assert_nonnull (hamlet);
      worksheet_write_number (sheet, 3 + i, 0, i + 1, NULL);
      worksheet_write_string (sheet, 3 + i, 1, name, NULL);
      worksheet_write_number (sheet, 3 + i, 2, people[i].year, NULL);
      worksheet_write_string (sheet, 3 + i, 3, people[i].sex, NULL);
      worksheet_write_string (sheet, 3 + i, 4, hamlet, vntime);
      if (people[i].date != NULL)
        worksheet_write_string (sheet, 3 + i, 5, people[i].date, NULL);
    }
  worksheet_set_column (sheet, 1, 1, 24, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

static gboolean
assistant_shown (gpointer data)
{
  return smt_gui_find_window (data, SMT_TYPE_IMPORT_ASSISTANT) != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !smt_import_assistant_is_busy (data);
}

static gboolean
is_small (gpointer data)
{
  return gtk_widget_get_width (data) <= 1024 && gtk_widget_get_height (data) <= 600;
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
wake (gpointer data)
{
}

static gboolean
laid_out (gpointer data)
{
  GtkWidget *stack = smt_gui_find_descendant (data, GTK_TYPE_STACK);

  /* The pages slide: the shot is of the page, not of the slide. */
  return stack == NULL || !gtk_stack_get_transition_running (GTK_STACK (stack));
}

static void
settle (void)
{
  /* The preview is made again in an idle after a change, and the pages
   * slide for a moment. */
  gint64 deadline = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;

  /* Something to wake the loop when nothing moves. */
  g_timeout_add_once (650, wake, NULL);
  smt_gui_wait_until (time_passed, &deadline, SMT_GUI_WAIT_SECONDS, "the animations");
}

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autofree char *shot = NULL;

  settle ();
  gtk_test_widget_wait_for_draw (widget);
  smt_gui_wait_until (laid_out, widget, SMT_GUI_WAIT_SECONDS, "the page laid out");
  shot = smt_gui_write_screenshot (widget, name);
  g_test_message ("screenshot: %s", shot);
}

static guint
people_listed (SmtWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (smt_window_get_people_model (window)));
}

static void
test_import_and_undo (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autofree char *list = g_build_filename (t->dir, "hoi-vien-nong-dan.xlsx", NULL);
  g_autofree char *cell = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *legacy_an = "Nguy\xC3\x94n V\xC2\xA8n An";
  SmtImportAssistant *assistant;
  SmtImportSummary s;
  SmtApplication *app;
  SmtWindow *window;
  SmtRegister *reg;
  gint64 tan_hoa, phu_loi, nd;
  guint listed;

  tan_hoa = smt_hamlet_add (t->reg, "Tân Hòa", "ấp", &error);
  phu_loi = smt_hamlet_add (t->reg, "Phú Lợi", "ấp", &error);
  g_assert_no_error (error);
  nd = smt_organisation_lookup (t->reg, "ND");
  smt_branch_add (t->reg, nd, 0, "chi hội", "Chi hội Nông dân ấp Tân Hòa", &tan_hoa, 1,
                  "2010-01-01", &error);
  smt_branch_add (t->reg, nd, 0, "chi hội", "Chi hội Nông dân ấp Phú Lợi", &phu_loi, 1,
                  "2010-01-01", &error);
  g_assert_no_error (error);
  g_clear_object (&t->reg);
  write_list (list);

  smt_gui_reset_state ();
  app = smt_gui_start_application ();
  window = smt_gui_open_register (app, t->path);
  reg = smt_window_get_register (window);
  before = smt_gui_content_hash (reg);
  g_assert_cmpuint (smt_people_count (reg), ==, 0);

  /* Người và hộ and Tổ chức và chi hội have the button; it runs
   * win.import. */
  smt_window_show_view (window, "organisations");
  shoot (GTK_WIDGET (window), "screenshot-import-0-organisations.png");
  smt_window_show_view (window, "people");
  shoot (GTK_WIDGET (window), "screenshot-import-0-people.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  smt_gui_wait_until (assistant_shown, app, SMT_GUI_WAIT_SECONDS, "the import assistant");
  assistant = SMT_IMPORT_ASSISTANT (smt_gui_find_window (app, SMT_TYPE_IMPORT_ASSISTANT));
  g_object_add_weak_pointer (G_OBJECT (assistant), (gpointer *) &assistant);

  /* 1. The file: Next refused before one is read. */
  g_assert_cmpstr (smt_import_assistant_get_page (assistant), ==, "file");
  g_assert_false (smt_import_assistant_next (assistant));
  g_assert_nonnull (smt_import_assistant_get_error (assistant));
  shoot (GTK_WIDGET (assistant), "screenshot-import-1-file.png");
  smt_import_assistant_open_file (assistant, list);
  g_assert_true (smt_import_assistant_is_busy (assistant));
  smt_gui_wait_until (not_busy, assistant, SMT_GUI_WAIT_SECONDS, "the list read");
  g_assert_null (smt_import_assistant_get_error (assistant));

  /* 2. The sheet: the header found on row 3, the names' column guessed
   * TCVN3; shown as typed when the column is said to be Unicode, and
   * decoded again; the hamlets decoded by their font. */
  g_assert_cmpstr (smt_import_assistant_get_page (assistant), ==, "sheet");
  g_assert_cmpuint (smt_import_source_layout (smt_import_assistant_get_source (assistant))
                    ->header_row, ==, 2);
  g_assert_cmpint (smt_import_source_encoding (smt_import_assistant_get_source (assistant), 1,
                                               NULL), ==, SMT_ENCODING_TCVN3);
  /* The hamlets' column (E) has a Unicode header over .VnTime cells: it
   * shows what its people's cells are read as, not what the header is. */
  g_assert_cmpint (smt_import_source_encoding (smt_import_assistant_get_source (assistant), 4,
                                               NULL), ==, SMT_ENCODING_TCVN3);
  cell = smt_import_assistant_dup_cell_text (assistant, 3, 1);
  g_assert_cmpstr (cell, ==, "Nguyễn Văn An");
  g_clear_pointer (&cell, g_free);
  cell = smt_import_assistant_dup_cell_text (assistant, 4, 4);
  g_assert_cmpstr (cell, ==, "Phú Lợi");
  g_clear_pointer (&cell, g_free);
  shoot (GTK_WIDGET (assistant), "screenshot-import-2-sheet.png");
  smt_import_assistant_set_encoding (assistant, 1, SMT_ENCODING_UNICODE);
  cell = smt_import_assistant_dup_cell_text (assistant, 3, 1);
  g_assert_cmpstr (cell, ==, legacy_an);
  g_clear_pointer (&cell, g_free);
  shoot (GTK_WIDGET (assistant), "screenshot-import-2-sheet-as-unicode.png");
  smt_import_assistant_set_encoding (assistant, 1, SMT_ENCODING_TCVN3);
  cell = smt_import_assistant_dup_cell_text (assistant, 3, 1);
  g_assert_cmpstr (cell, ==, "Nguyễn Văn An");
  settle ();
  g_assert_true (smt_import_assistant_next (assistant));

  /* 3. The columns, guessed from the headers. */
  g_assert_cmpstr (smt_import_assistant_get_page (assistant), ==, "columns");
  g_assert_cmpint (smt_import_mapping_field (smt_import_source_mapping (
                     smt_import_assistant_get_source (assistant)), 1), ==,
                   SMT_IMPORT_FIELD_FULL_NAME);
  g_assert_cmpint (smt_import_mapping_field (smt_import_source_mapping (
                     smt_import_assistant_get_source (assistant)), 4), ==,
                   SMT_IMPORT_FIELD_HAMLET);
  shoot (GTK_WIDGET (assistant), "screenshot-import-3-columns.png");
  /* Without a name column the page refuses. */
  smt_import_assistant_set_field (assistant, 1, SMT_IMPORT_FIELD_IGNORE);
  g_assert_false (smt_import_assistant_next (assistant));
  g_assert_nonnull (smt_import_assistant_get_error (assistant));
  smt_import_assistant_set_field (assistant, 1, SMT_IMPORT_FIELD_FULL_NAME);
  g_assert_true (smt_import_assistant_next (assistant));

  /* 4. The organisation; a bad date is refused. */
  g_assert_cmpstr (smt_import_assistant_get_page (assistant), ==, "organisation");
  g_assert_true (smt_import_assistant_set_organisation (assistant, "ND"));
  g_assert_true (smt_import_assistant_set_branch (assistant, 0));
  smt_import_assistant_set_default_date (assistant, "31/02/2020");
  g_assert_false (smt_import_assistant_next (assistant));
  g_assert_nonnull (smt_import_assistant_get_error (assistant));
  smt_import_assistant_set_default_date (assistant, "01/01/2020");
  shoot (GTK_WIDGET (assistant), "screenshot-import-4-organisation.png");
  g_assert_true (smt_import_assistant_next (assistant));
  smt_gui_wait_until (not_busy, assistant, SMT_GUI_WAIT_SECONDS, "the plan");
  g_assert_null (smt_import_assistant_get_error (assistant));

  /* 5. The preview: 4 new persons, 2 rows to decide. */
  g_assert_cmpstr (smt_import_assistant_get_page (assistant), ==, "preview");
  smt_import_plan_get_summary (smt_import_assistant_get_plan (assistant), &s);
  g_assert_cmpuint (s.rows_read, ==, 6);
  g_assert_cmpuint (s.new_persons, ==, 4);
  g_assert_cmpuint (s.undecided, ==, 2);
  g_assert_cmpuint (smt_import_assistant_get_n_shown_rows (assistant), ==, 6);
  shoot (GTK_WIDGET (assistant), "screenshot-import-5-preview.png");
  g_assert_false (smt_import_assistant_next (assistant));
  g_assert_nonnull (strstr (smt_import_assistant_get_error (assistant), "2"));
  smt_import_assistant_show_only_problems (assistant, TRUE);
  g_assert_cmpuint (smt_import_assistant_get_n_shown_rows (assistant), >=, 2);
  g_assert_cmpuint (smt_import_assistant_get_n_shown_rows (assistant), <, 6);
  /* Row 8 repeats row 4: "the same person" skips it; row 9 skipped. */
  smt_import_assistant_decide_look_alikes (assistant, SMT_IMPORT_SAME_PERSON);
  g_assert_true (smt_import_assistant_decide (assistant, 5, SMT_IMPORT_SKIP));
  smt_import_plan_get_summary (smt_import_assistant_get_plan (assistant), &s);
  g_assert_cmpuint (s.undecided, ==, 0);
  g_assert_cmpuint (s.skipped, ==, 2);
  g_assert_cmpuint (s.new_persons, ==, 4);
  shoot (GTK_WIDGET (assistant), "screenshot-import-5-preview-decided.png");
  /* The same page on a small screen. */
  gtk_window_set_default_size (GTK_WINDOW (assistant), 1024, 600);
  smt_gui_wait_until (is_small, assistant, SMT_GUI_WAIT_SECONDS, "the assistant at 1024×600");
  shoot (GTK_WIDGET (assistant), "screenshot-import-5-preview-1024.png");
  gtk_window_set_default_size (GTK_WINDOW (assistant), 1100, 680);
  g_assert_true (smt_import_assistant_next (assistant));

  /* 6. The dry run, then the import. */
  g_assert_cmpstr (smt_import_assistant_get_page (assistant), ==, "import");
  shoot (GTK_WIDGET (assistant), "screenshot-import-6-import.png");
  g_assert_true (smt_import_assistant_next (assistant));
  smt_gui_wait_until (not_busy, assistant, SMT_GUI_WAIT_SECONDS, "the import");
  g_assert_null (smt_import_assistant_get_error (assistant));
  g_assert_cmpstr (smt_import_assistant_get_page (assistant), ==, "result");
  g_assert_cmpint (smt_import_assistant_get_batch_id (assistant), >, 0);
  g_assert_cmpuint (smt_people_count (reg), ==, 4);
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM person "
                                                    "WHERE ho = 'Nguyễn' AND ten = 'An'"), ==, 1);
  /* The views were told: the list shows the four. */
  listed = people_listed (window);
  g_assert_cmpuint (listed, ==, 4);
  shoot (GTK_WIDGET (assistant), "screenshot-import-7-result.png");

  /* Undone, with a reason; without one it is refused. */
  g_assert_false (smt_import_assistant_undo (assistant, "  "));
  g_assert_true (smt_import_assistant_undo (assistant, "Nhầm tệp"));
  g_assert_cmpuint (smt_people_count (reg), ==, 0);
  g_assert_cmpuint (people_listed (window), ==, 0);
  after = smt_gui_content_hash (reg);
  /* The batch and its undo stay on record: the content is not the same
   * as before, the people are. */
  g_assert_cmpstr (before, !=, after);
  shoot (GTK_WIDGET (assistant), "screenshot-import-7-undone.png");
  g_assert_true (smt_import_assistant_next (assistant));
  smt_gui_wait_until_null (&assistant);

  smt_gui_close_window (window);
  smt_gui_stop_application (app);
  smt_test_register_free (t);
}

int
main (int    argc,
      char **argv)
{
  smt_gui_test_init (&argc, &argv);
  g_test_add_func ("/import/assistant-import-and-undo", test_import_and_undo);
  return smt_gui_test_run ();
}
