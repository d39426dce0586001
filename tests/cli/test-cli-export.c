/* test-cli-export.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/demo/smt-demo.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-locale.h"
#include "core/reports/smt-reports.h"
#include "core/targets/smt-targets.h"
#include "io/render/smt-report-draw.h"
#include "smt-test-util.h"

/* `somattran export` of every report on a demo commune, each file read
 * back and compared with the model the core builds for the same
 * parameters: the XLSX cell by cell (tests/report-xlsx-dump.py, openpyxl)
 * with its merges, fonts, page setup and print titles; the PDF with
 * poppler's pdfinfo (A4, the orientation, the pages the layout has),
 * pdffonts (an embedded Times-compatible font) and pdftotext (the frame,
 * and every body row on the page the layout puts it on). */

static char *demo_dir;
static char *demo_path;

/* ---- running programs ---------------------------------------------------- */

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *p = g_find_program_in_path ("pdftotext");
  g_autofree char *i = g_find_program_in_path ("pdfinfo");
  g_autofree char *f = g_find_program_in_path ("pdffonts");

  return p != NULL && i != NULL && f != NULL;
}

/* Whitespace runs as one space, so that text wrapped or spread by
 * pdftotext -layout compares with the model's. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
unspace (const char *text)
{
  g_autofree char *squeezed = squeeze (text);
  GString *out = g_string_new (NULL);

  for (const char *p = squeezed; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* ---- the model ------------------------------------------------------------ */

static SmtReport *
build_model (const SmtReportParams *params)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = smt_register_open (demo_path, &error);
  SmtReport *report;

  g_assert_no_error (error);
  report = smt_report_build (reg, params, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* "A1" for column 0, row 1. */
static char *
coord (guint col,
       guint row)
{
  GString *s = g_string_new (NULL);

  col++;
  while (col > 0)
    {
      g_string_prepend_c (s, (char) ('A' + (col - 1) % 26));
      col = (col - 1) / 26;
    }
  g_string_append_printf (s, "%u", row);
  return g_string_free (s, FALSE);
}

/* text quoted as Python's json.dumps (ensure_ascii=False) writes it. */
static char *
json_quote (const char *text)
{
  GString *s = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        g_string_append (s, "\\\"");
        break;
      case '\\':
        g_string_append (s, "\\\\");
        break;
      case '\n':
        g_string_append (s, "\\n");
        break;
      case '\t':
        g_string_append (s, "\\t");
        break;
      default:
        g_string_append_c (s, *p);
      }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* The value of field key ("value=", "cached=") of a dump line, as a number. */
static double
field_number (const char *line,
              const char *key)
{
  const char *at = strstr (line, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* ---- XLSX ------------------------------------------------------------------ */

static void
check_xlsx (const SmtReport *report,
            const char      *path)
{
  const char *python = g_getenv ("SMT_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "report-xlsx-dump.py", NULL);
  g_autofree char *dump = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) cells = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) merges = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *titles = NULL;
  guint first = 0, last = 0, n_cells = 0;

  if (python == NULL)
    {
      g_test_message ("no python3 with openpyxl: %s not read back", path);
      return;
    }
  {
    const char *argv[] = { python, script, path, NULL };

    dump = run (argv);
  }
  lines = g_strsplit (dump, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];

      if (g_str_has_prefix (line, "cell\t"))
        {
          char *tab = strchr (line + 5, '\t');

          *tab = '\0';
          g_hash_table_insert (cells, line + 5, tab + 1);
          n_cells++;
          /* Every cell in the report's font. */
          g_assert_nonnull (strstr (tab + 1, "\tfont=\"Times New Roman\""));
        }
      else if (g_str_has_prefix (line, "merged\t"))
        g_hash_table_add (merges, line + 7);
      else if (g_str_has_prefix (line, "print_title_rows\t"))
        titles = g_strdup (line + 17);
    }
  g_assert_cmpuint (n_cells, >, 0);

  /* Page setup: A4, the orientation, the Decree's margins, one page wide. */
  g_assert_nonnull (strstr (dump, "\npaper\t9\n"));
  g_assert_nonnull (strstr (dump, report->orientation == SMT_REPORT_LANDSCAPE
                                  ? "\norientation\tlandscape\n" : "\norientation\tportrait\n"));
  g_assert_nonnull (strstr (dump, "\nmargins_mm\ttop=20\tbottom=20\tleft=30\tright=15\n"));
  g_assert_nonnull (strstr (dump, "\nfit_to_page\t1\twidth=1\theight=0\n"));

  /* The header rows are the print titles. */
  g_assert_nonnull (titles);
  g_assert_cmpint (sscanf (titles, "%u:%u", &first, &last), ==, 2);
  g_assert_cmpuint (last - first + 1, ==, report->header->len);

  /* The frame. */
  {
    g_autofree char *motto = json_quote (report->motto);
    g_autofree char *title = json_quote (report->title);
    g_autofree char *date = json_quote (report->place_date);

    g_assert_nonnull (strstr (dump, motto));
    g_assert_nonnull (strstr (dump, title));
    g_assert_nonnull (strstr (dump, date));
  }

  /* Every cell of the table, header then body, with its merge. */
  for (guint part = 0; part < 2; part++)
    {
      GPtrArray *rows = part == 0 ? report->header : report->body;
      guint top = part == 0 ? first : first + report->header->len;

      for (guint r = 0; r < rows->len; r++)
        {
          const SmtReportRow *row = g_ptr_array_index (rows, r);

          for (guint c = 0; c < report->n_columns; c++)
            {
              const SmtReportCell *cell = &row->cells[c];
              g_autofree char *at = coord (c, top + r);
              const char *line;

              if (cell->covered)
                continue;
              if (cell->col_span > 1 || cell->row_span > 1)
                {
                  g_autofree char *end = coord (c + cell->col_span - 1,
                                                top + r + cell->row_span - 1);
                  g_autofree char *range = g_strdup_printf ("%s:%s", at, end);

                  if (!g_hash_table_contains (merges, range))
                    g_error ("%s: no merge %s", report->code, range);
                }
              line = g_hash_table_lookup (cells, at);
              if (line == NULL)
                g_error ("%s: cell %s is missing", report->code, at);
              if (cell->kind == SMT_REPORT_CELL_TEXT)
                {
                  const char *shown = cell->text != NULL ? cell->text : "";
                  g_autofree char *want = g_strdup_printf ("value=%s", shown);
                  g_autofree char *quoted = json_quote (shown);
                  g_autofree char *want_quoted = g_strdup_printf ("value=%s\t", quoted);

                  if (*shown == '\0')
                    g_assert_true (g_str_has_prefix (line, "value=null\t"));
                  else if (!g_str_has_prefix (line, want_quoted))
                    g_error ("%s: %s is %s, the model has %s", report->code, at, line, want);
                }
              else if (cell->kind == SMT_REPORT_CELL_RATIO && cell->has_value)
                {
                  g_assert_true (g_str_has_prefix (line, "formula=\"=IF("));
                  g_assert_cmpfloat_with_epsilon (field_number (line, "cached="),
                                                  cell->value / 100, 1e-9);
                }
              else if (!cell->has_value)
                g_assert_true (g_str_has_prefix (line, "value=null\t")
                               || g_str_has_prefix (line, "formula="));
              else
                {
                  double want = cell->kind == SMT_REPORT_CELL_PERCENT ? cell->value / 100
                                                                      : cell->value;

                  g_assert_true (g_str_has_prefix (line, "value="));
                  g_assert_cmpfloat_with_epsilon (field_number (line, "value="), want, 1e-9);
                  if (cell->kind == SMT_REPORT_CELL_INT)
                    g_assert_nonnull (strstr (line, "\tformat=#,##0\t"));
                  if (cell->kind == SMT_REPORT_CELL_PERCENT)
                    g_assert_nonnull (strstr (line, "%\t"));
                }
              if (cell->bold)
                g_assert_nonnull (strstr (line, "\tbold=1\t"));
            }
        }
    }
}

/* ---- PDF ------------------------------------------------------------------- */

static void
check_pdf (const SmtReport *report,
           const char      *path)
{
  g_autoptr(SmtReportLayout) layout = smt_report_layout_new (report);
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages = smt_report_layout_get_n_pages (layout);

  {
    const char *argv[] = { "pdfinfo", path, NULL };

    info = run (argv);
  }
  g_assert_nonnull (strstr (info, report->orientation == SMT_REPORT_LANDSCAPE
                                  ? "841.89 x 595.28 pts (A4)" : "595.28 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "\nPages:"));
  g_assert_cmpuint (strtoul (strstr (info, "\nPages:") + 7, NULL, 10), ==, n_pages);

  /* Every font embedded, and Times New Roman or its stand-in. */
  {
    const char *argv[] = { "pdffonts", path, NULL };
    g_auto(GStrv) lines = NULL;
    guint n_fonts = 0;

    fonts = run (argv);
    lines = g_strsplit (fonts, "\n", -1);
    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) f = NULL;

        if (*lines[i] == '\0')
          continue;
        f = g_strsplit_set (lines[i], " ", -1);
        g_assert_true (strstr (f[0], "LiberationSerif") != NULL || strstr (f[0], "Times") != NULL);
        /* name type encoding emb sub uni object ID: "yes" three times. */
        g_assert_nonnull (strstr (lines[i], " yes yes "));
        n_fonts++;
      }
    g_assert_cmpuint (n_fonts, >, 0);
  }

  {
    const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

    text = run (argv);
  }
  all = squeeze (text);
  {
    g_autofree char *title = squeeze (report->title);
    g_autofree char *first_line = g_strndup (report->title, strcspn (report->title, "\n"));

    g_assert_nonnull (strstr (all, first_line));
    g_assert_nonnull (strstr (all, report->motto));
    g_assert_nonnull (strstr (all, report->nation));
    g_assert_nonnull (strstr (all, report->place_date));
    g_assert_nonnull (strstr (all, report->sign_for));
  }

  /* Every body row on its page: each number it shows, and the first word
   * of each text. */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page = squeeze (pages[p]);
      g_autofree char *bare = unspace (page);
      guint first_row, n_rows;

      /* The header on every page. */
      {
        const SmtReportRow *h = g_ptr_array_index (report->header, 0);
        g_autofree char *head = smt_report_cell_text (&h->cells[0]);
        g_autofree char *word = g_strndup (head, strcspn (head, " \n"));

        g_assert_nonnull (strstr (page, word));
      }
      smt_report_layout_get_page_rows (layout, p, &first_row, &n_rows);
      for (guint r = first_row; r < first_row + n_rows; r++)
        {
          const SmtReportRow *row = g_ptr_array_index (report->body, r);

          for (guint c = 0; c < report->n_columns; c++)
            {
              const SmtReportCell *cell = &row->cells[c];
              g_autofree char *shown = smt_report_cell_text (cell);
              g_autofree char *word = NULL;

              if (cell->covered || *shown == '\0')
                continue;
              /* pdftotext may drop the narrow space of "0 %": numbers are
               * compared without spaces. */
              word = cell->kind == SMT_REPORT_CELL_TEXT
                     ? g_strndup (shown, strcspn (shown, " \n")) : unspace (shown);
              if (strstr (cell->kind == SMT_REPORT_CELL_TEXT ? page : bare, word) == NULL)
                g_error ("%s: page %u lacks “%s” of row %u", report->code, p + 1, word, r);
            }
        }
    }
}

/* ---- the reports ------------------------------------------------------------ */

static void
export_and_check (const SmtReportParams *params,
                  const char * const    *args)
{
  g_autoptr(SmtReport) report = build_model (params);
  g_autofree char *xlsx = g_build_filename (demo_dir, "report.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (demo_dir, "report.pdf", NULL);

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_ptr_array_add (argv, (char *) g_getenv ("SMT_EXE"));
      g_ptr_array_add (argv, (char *) "export");
      g_ptr_array_add (argv, demo_path);
      g_ptr_array_add (argv, (char *) smt_report_kind_code (params->kind));
      for (guint i = 0; args[i] != NULL; i++)
        g_ptr_array_add (argv, (char *) args[i]);
      g_ptr_array_add (argv, (char *) "-o");
      g_ptr_array_add (argv, k == 0 ? xlsx : pdf);
      g_ptr_array_add (argv, NULL);
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL,
                                     NULL, &out, &err, &status, &error));
        g_assert_no_error (error);
      }
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("export failed: %s", err);
    }
  check_xlsx (report, xlsx);
  if (have_poppler ())
    check_pdf (report, pdf);
  else
    g_test_message ("poppler-utils are missing: the PDF is not read back");
  g_unlink (xlsx);
  g_unlink (pdf);
}

static void
test_annex (void)
{
  g_autoptr(SmtPeriod) period = smt_period_new_year (2025);
  g_autoptr(SmtRegister) reg = NULL;
  const char *args[] = { "--period", "2025", "--resolution", "06-NQ/TU", "--report-number",
                         "12-BC/MTTQ", "--report-date", "2026-01-08", "--date", "2026-01-10",
                         NULL };
  SmtReportParams params = {
    .kind = SMT_REPORT_ANNEX, .period = period, .report_number = "12-BC/MTTQ",
    .report_date = "2026-01-08", .signed_on = "2026-01-10",
  };

  {
    g_autoptr(GError) error = NULL;

    reg = smt_register_open (demo_path, &error);
    g_assert_no_error (error);
    params.resolution_id = smt_resolution_lookup (reg, "06-NQ/TU");
    g_assert_cmpint (params.resolution_id, !=, 0);
    g_clear_object (&reg);
  }
  export_and_check (&params, args);
}

static void
test_members_changes (void)
{
  g_autoptr(SmtPeriod) period = smt_period_new_quarter (2025, 2);
  const char *args[] = { "--period", "2025-Q2", "--date", "2025-07-05", NULL };
  SmtReportParams params = { .period = period, .signed_on = "2025-07-05" };

  params.kind = SMT_REPORT_MEMBERS;
  export_and_check (&params, args);
  params.kind = SMT_REPORT_CHANGES;
  export_and_check (&params, args);
}

static void
test_meetings_ratings (void)
{
  g_autoptr(SmtPeriod) period = smt_period_new_half (2025, 1);
  g_autoptr(SmtRegister) reg = NULL;
  const char *meetings_args[] = { "--period", "2025-H1", "--date", "2025-07-05", NULL };
  const char *ratings_args[] = { "--year", "2024", "--org", "PN", "--date", "2025-01-10", NULL };
  SmtReportParams params = { .kind = SMT_REPORT_MEETINGS, .period = period,
                             .signed_on = "2025-07-05" };

  export_and_check (&params, meetings_args);

  {
    g_autoptr(GError) error = NULL;

    reg = smt_register_open (demo_path, &error);
    g_assert_no_error (error);
  }
  params = (SmtReportParams) { .kind = SMT_REPORT_RATINGS, .year = 2024,
                               .organisation_id = smt_organisation_lookup (reg, "PN"),
                               .signed_on = "2025-01-10" };
  g_assert_cmpint (params.organisation_id, !=, 0);
  g_clear_object (&reg);
  export_and_check (&params, ratings_args);
}

/* The member list of the largest branch, personal data masked, then in
 * full when asked. */
static void
test_branch_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = smt_register_open (demo_path, &error);
  g_autoptr(GPtrArray) branches = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = g_build_filename (demo_dir, "list.pdf", NULL);
  g_autofree char *text = NULL;
  SmtReportParams params = { .kind = SMT_REPORT_BRANCH_MEMBERS, .signed_on = "2025-07-05" };
  guint most = 0;

  g_assert_no_error (error);
  branches = smt_branches_list (reg, 0, "2025-07-05", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (b->members > most)
        {
          most = b->members;
          params.branch_id = b->id;
        }
    }
  g_assert_cmpuint (most, >, 20);
  g_clear_object (&reg);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, params.branch_id);
  {
    const char *args[] = { "--branch", id, "--date", "2025-07-05", NULL };

    export_and_check (&params, args);
  }
  {
    const char *args[] = { "--branch", id, "--date", "2025-07-05", "--show-personal", NULL };

    params.show_personal = TRUE;
    export_and_check (&params, args);
  }

  /* Masked: no CCCD of 12 digits in the printout; in full: some. */
  for (guint full = 0; full < 2; full++)
    {
      g_autoptr(GRegex) cccd = g_regex_new ("\\b[0-9]{12}\\b", 0, 0, NULL);
      const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

      if (full)
        g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "branch-members",
                                       "--branch", id, "--show-personal", "-o", pdf, NULL), ==, 0);
      else
        g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "branch-members",
                                       "--branch", id, "-o", pdf, NULL), ==, 0);
      if (!have_poppler ())
        break;
      g_clear_pointer (&text, g_free);
      text = run (argv);
      g_assert_true (g_regex_match (cccd, text, 0, NULL) == (full == 1));
      g_assert_true ((strstr (text, "•••") != NULL) == (full == 0));
    }
  g_unlink (pdf);

  /* The export log remembers each list, and which went out in full. */
  {
    g_autofree char *personal = g_strdup_printf ("\"covered\":\"branch=%s; personal=1", id);
    g_autofree char *masked = g_strdup_printf ("\"covered\":\"branch=%s; personal=0", id);
    g_autofree char *list_pdf = g_strdup_printf ("\"destination\":\"%s\"", pdf);
    const char *p;
    guint n_full = 0, n_masked = 0;

    g_assert_cmpint (smt_test_cli (&out, &err, "exports", demo_path, "--json", NULL), ==, 0);
    for (p = strstr (out, personal); p != NULL; p = strstr (p + 1, personal))
      {
        g_assert_true (g_str_has_prefix (strstr (p, "\"personal_shown\":"),
                                         "\"personal_shown\":true"));
        n_full++;
      }
    for (p = strstr (out, masked); p != NULL; p = strstr (p + 1, masked))
      {
        g_assert_true (g_str_has_prefix (strstr (p, "\"personal_shown\":"),
                                         "\"personal_shown\":false"));
        n_masked++;
      }
    /* export_and_check writes an XLSX and a PDF each time; then one PDF each. */
    g_assert_cmpuint (n_full, ==, 3);
    g_assert_cmpuint (n_masked, ==, 3);
    g_assert_nonnull (strstr (out, list_pdf));
    g_assert_cmpint (smt_test_cli (&out, &err, "exports", demo_path, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "(thông tin cá nhân in đầy đủ)"));
  }
}

/* Refusals in Vietnamese, and no file left. */
static void
test_refusals (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = g_build_filename (demo_dir, "refused.pdf", NULL);
  g_autofree char *doc = g_build_filename (demo_dir, "refused.doc", NULL);
  g_autofree char *nowhere = g_build_filename (demo_dir, "no-such-folder", "annex.xlsx", NULL);

  g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "bogus", "-o", pdf, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Không có báo cáo nào tên “bogus”"));
  g_assert_nonnull (strstr (err, "branch-members"));

  g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "annex", "--period", "2025",
                                 "-o", doc, NULL), ==, 2);
  g_assert_nonnull (strstr (err, ".xlsx"));
  g_assert_false (g_file_test (doc, G_FILE_TEST_EXISTS));

  g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "annex", "--period", "2025",
                                 "--resolution", "99-NQ/XX", "-o", pdf, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "99-NQ/XX"));

  g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "annex", "--period", "2025-Q5",
                                 "--resolution", "06-NQ/TU", "-o", pdf, NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "annex", "--period", "2025",
                                 "--resolution", "06-NQ/TU", "--date", "31/02/2026", "-o", pdf,
                                 NULL), ==, 2);
  g_assert_nonnull (strstr (err, "31/02/2026"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* The annex without its resolution: the builder says what to give. */
  g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "annex", "--period", "2025",
                                 "-o", pdf, NULL), ==, 2);
  g_assert_cmpuint (strlen (err), >, 10);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* A folder that does not exist: an error, nothing written. */
  g_assert_cmpint (smt_test_cli (&out, &err, "export", demo_path, "annex", "--period", "2025",
                                 "--resolution", "06-NQ/TU", "-o", nowhere, NULL), ==, 1);
  g_assert_cmpuint (strlen (err), >, 10);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  demo_dir = g_dir_make_tmp ("smt-cli-export-XXXXXX", &error);
  g_assert_no_error (error);
  demo_path = g_build_filename (demo_dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (demo_path, 2000, SMT_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_test_add_func ("/cli-export/annex", test_annex);
  g_test_add_func ("/cli-export/members-changes", test_members_changes);
  g_test_add_func ("/cli-export/meetings-ratings", test_meetings_ratings);
  g_test_add_func ("/cli-export/branch-members", test_branch_members);
  g_test_add_func ("/cli-export/refusals", test_refusals);
  status = g_test_run ();
  smt_test_rm_rf (demo_dir);
  g_free (demo_path);
  g_free (demo_dir);
  return status;
}
