/* test-explain-xlsx.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "core/targets/smt-catalogue.h"
#include "io/render/smt-explain-xlsx.h"
#include "smt-test-util.h"

/* The XLSX export of an explanation: a zip with the two sheets, the rows in
 * order with their Vietnamese text intact, a bold header; a write into a
 * folder that does not exist leaves nothing behind. Read back with
 * python3-openpyxl when it is installed. */

static SmtIndicatorResult *
make_result (guint n_num,
             guint n_den)
{
  SmtIndicatorResult *r = g_new0 (SmtIndicatorResult, 1);

  r->info = smt_catalogue_lookup ("households_covered", NULL);
  g_assert_nonnull (r->info);
  g_assert_true (r->info->ratio);
  r->code = g_strdup ("households_covered");
  r->period = smt_period_new_quarter (2025, 2);
  r->defined = TRUE;
  r->numerator = n_num;
  r->denominator = n_den;
  r->value = 100.0 * n_num / n_den;
  r->numerator_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_explain_row_free);
  r->denominator_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_explain_row_free);
  for (guint i = 0; i < n_den; i++)
    {
      SmtExplainRow *row = g_new0 (SmtExplainRow, 1);

      row->kind = "household";
      row->id = 1000 + i;
      row->label = g_strdup_printf ("Hộ số %u — Ấp Rạch Gòi", i + 1);
      row->because = g_strdup_printf ("Đăng ký thường trú %02u/05/2025", i % 28 + 1);
      if (i < n_num)
        {
          SmtExplainRow *copy = g_new0 (SmtExplainRow, 1);

          *copy = *row;
          copy->label = g_strdup (row->label);
          copy->because = g_strdup ("Kết nạp Hội Phụ nữ");
          g_ptr_array_add (r->numerator_rows, copy);
        }
      g_ptr_array_add (r->denominator_rows, row);
    }
  return r;
}

/* A python3 that has openpyxl (the one on PATH may be another Python than
 * Debian's), or NULL. */
static const char *
python_with_openpyxl (void)
{
  static const char *candidates[] = { "python3", "/usr/bin/python3" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *argv[] = { candidates[i], "-c", "import openpyxl", NULL };
      int status = -1;

      if (g_spawn_sync (NULL, (char **) argv, NULL,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                        NULL, &status, NULL)
          && WIFEXITED (status) && WEXITSTATUS (status) == 0)
        return candidates[i];
    }
  return NULL;
}

static void
test_write (void)
{
  g_autofree char *dir = g_dir_make_tmp ("smt-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "giai-trinh.xlsx", NULL);
  g_autoptr(SmtIndicatorResult) r = make_result (3, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length = 0;
  guint n_files = 0;

  g_assert_true (smt_explain_xlsx_write (r, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2000);
  g_assert_cmpint (memcmp (contents, "PK\003\004", 4), ==, 0);
  /* No temporary file left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  if (python_with_openpyxl () != NULL)
    {
      const char *script =
        "import sys, openpyxl\n"
        "wb = openpyxl.load_workbook(sys.argv[1])\n"
        "n, d = wb.worksheets\n"
        "print(len(wb.worksheets), n.max_row, d.max_row, n['A1'].font.b, n['B2'].font.b)\n"
        "print(n['D2'].value)\nprint(d['E6'].value)\nprint(d['C6'].value, d['A6'].value)\n";
      const char *argv[] = { python_with_openpyxl (), "-c", script, path, NULL };
      g_autofree char *out = NULL;
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      /* Header + 3 rows, header + 5 rows; header bold, rows not. */
      g_assert_cmpstr (out, ==,
                       "2 4 6 True False\n"
                       "Hộ số 1 — Ấp Rạch Gòi\n"
                       "Đăng ký thường trú 05/05/2025\n"
                       "1004 5\n");
    }
  else
    g_test_message ("python3-openpyxl not installed: only the zip signature is checked");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_write_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("smt-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "missing", "x.xlsx", NULL);
  g_autoptr(SmtIndicatorResult) r = make_result (1, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_false (smt_explain_xlsx_write (r, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explain-xlsx/write", test_write);
  g_test_add_func ("/explain-xlsx/refused", test_write_refused);
  return g_test_run ();
}
