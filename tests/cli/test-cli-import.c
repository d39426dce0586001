/* test-cli-import.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "io/import/member-fixtures.h"
#include "smt-test-util.h"

/* somattran import-rows, imports and import-undo, as a user runs them on a
 * small register made here: the hamlets Tân Hòa and Phú Lợi, each with a
 * chi hội of the Hội Nông dân (ND). The rows file has three rows:
 *   2 Nguyễn Văn An, 1980, "ấp Tân Hòa", admitted 01/03/2020;
 *   3 Trần Thị Bình, 1985, Phú Lợi, only the year of joining, 2019;
 *   4 Lê Văn Dũng, 1990, "Ấp Không Có": a hamlet the register lacks, to decide.
 * Dates are in the past of the real clock the commands use. */

static const char rows_json[] =
  "[\n"
  " {\"source_row\": 2, \"full_name\": \"Nguyễn Văn An\", \"sex\": \"nam\", "
  "\"birth_year\": 1980, \"hamlet\": \"ấp Tân Hòa\", \"address\": \"12 đường A\", "
  "\"joined_on\": \"2020-03-01\", \"cccd\": null, \"party_member\": false},\n"
  " {\"source_row\": 3, \"ho\": \"Trần\", \"chu_lot\": \"Thị\", \"ten\": \"Bình\", "
  "\"sex\": \"F\", \"birth_year\": 1985, \"hamlet\": \"Ph\\u00fa L\\u1ee3i\", "
  "\"joined_year\": 2019, \"problems\": [\"Năm sinh viết tay\"]},\n"
  " {\"source_row\": 4, \"full_name\": \"Lê Văn Dũng\", \"sex\": \"M\", \"birth_year\": 1990, "
  "\"hamlet\": \"Ấp Không Có\", \"joined_on\": \"2020-03-01\"}\n"
  "]\n";

typedef struct
{
  SmtTestRegister *t;
  char            *rows;
} World;

static void
world_setup (World         *w,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 tan_hoa, phu_loi, nd;

  w->t = smt_test_register_new ();
  tan_hoa = smt_hamlet_add (w->t->reg, "Tân Hòa", "ấp", &error);
  phu_loi = smt_hamlet_add (w->t->reg, "Phú Lợi", "ấp", &error);
  g_assert_no_error (error);
  nd = smt_organisation_lookup (w->t->reg, "ND");
  smt_branch_add (w->t->reg, nd, 0, "chi hội", "Chi hội Nông dân ấp Tân Hòa", &tan_hoa, 1,
                  "2010-01-01", &error);
  smt_branch_add (w->t->reg, nd, 0, "chi hội", "Chi hội Nông dân ấp Phú Lợi", &phu_loi, 1,
                  "2010-01-01", &error);
  g_assert_no_error (error);
  w->rows = g_build_filename (w->t->dir, "rows.json", NULL);
  g_assert_true (g_file_set_contents (w->rows, rows_json, -1, &error));
  /* The commands open the file themselves. */
  g_clear_object (&w->t->reg);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  g_free (w->rows);
  smt_test_register_free (w->t);
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("not in the output: %s\n---\n%s", part, text);
}

/* The summary line labelled label ends with value. */
static void
assert_count (const char *text,
              const char *label,
              const char *value)
{
  g_autofree char *needle = g_strconcat ("\n  ", label, " ", NULL);
  const char *line = strstr (text, needle);
  g_autofree char *whole = NULL;

  if (line == NULL)
    g_error ("no line “%s” in the output:\n%s", label, text);
  whole = g_strndup (line + 1, strcspn (line + 1, "\n"));
  g_strchomp (whole);
  if (!g_str_has_suffix (whole, value) || whole[strlen (whole) - strlen (value) - 1] != ' ')
    g_error ("“%s” should end with %s", whole, value);
}

static void
test_import_rows (World         *w,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = smt_test_content_hash (w->t->path);
  g_autofree char *after = NULL;
  g_autofree char *batch = NULL;
  g_autofree char *bad = g_build_filename (w->t->dir, "bad.json", NULL);
  const char *p;

  /* Row 4 undecided: exit 2, nothing written, the problem named. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-rows", w->t->path, w->rows, "--org", "ND",
                                 NULL), ==, 2);
  assert_has (out, "Dòng 4 (Lê Văn Dũng) [cần quyết định]: Sổ không có ấp nào tên “Ấp Không Có”");
  assert_has (out, "Dòng 3 (Trần Thị Bình): Năm sinh viết tay");
  assert_has (out, "Dòng 3 (Trần Thị Bình): Chỉ biết năm vào hội: ngày kết nạp được ghi là "
                   "01/01/2019.");
  assert_has (err, "1 dòng cần quyết định");
  after = smt_test_content_hash (w->t->path);
  g_assert_cmpstr (before, ==, after);

  /* JSON of the same. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-rows", w->t->path, w->rows, "--org", "ND",
                                 "--json", NULL), ==, 2);
  assert_has (out, "{\"rows_read\":3,\"new_persons\":2,\"new_memberships\":0,"
                   "\"already_members\":0,\"skipped\":0,\"households\":2,\"undecided\":1,");
  assert_has (out, "\"written\":false,\"batch_id\":null");
  assert_has (out, "{\"code\":\"hamlet\",\"blocking\":true,");

  /* A dry run with the row decided: nothing written either. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-rows", w->t->path, w->rows, "--org", "ND",
                                 "--decide", "4=skip", "--dry-run", NULL), ==, 0);
  assert_has (out, "Chạy thử: chưa ghi gì vào sổ.");
  g_clear_pointer (&after, g_free);
  after = smt_test_content_hash (w->t->path);
  g_assert_cmpstr (before, ==, after);

  /* Bad decisions and a bad file: exit 2. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-rows", w->t->path, w->rows, "--org", "ND",
                                 "--decide", "9=skip", NULL), ==, 2);
  assert_has (err, "Danh sách không có dòng 9.");
  g_assert_true (g_file_set_contents (bad, "[{\"full_name\": }]", -1, NULL));
  g_assert_cmpint (smt_test_cli (&out, &err, "import-rows", w->t->path, bad, "--org", "ND",
                                 NULL), ==, 2);
  assert_has (err, "mảng JSON");

  /* Written. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-rows", w->t->path, w->rows, "--org", "ND",
                                 "--decide", "4=skip", "--json", NULL), ==, 0);
  assert_has (out, "\"new_persons\":2,");
  assert_has (out, "\"written\":true,\"batch_id\":");
  p = strstr (out, "\"batch_id\":") + strlen ("\"batch_id\":");
  batch = g_strndup (p, strspn (p, "0123456789"));
  g_assert_cmpuint (strlen (batch), >, 0);

  g_assert_cmpint (smt_test_cli (&out, &err, "imports", w->t->path, "--json", NULL), ==, 0);
  assert_has (out, "\"file_name\":\"rows.json\"");
  assert_has (out, "\"organisation\":\"ND\"");
  assert_has (out, "\"rows_read\":3,\"persons_added\":2,\"memberships_added\":2,"
                   "\"households_added\":2,");
  assert_has (out, "\"undone\":false");
  g_assert_cmpint (smt_test_cli (&out, &err, "imports", w->t->path, NULL), ==, 0);
  assert_has (out, "3 dòng: 2 người, 2 lượt hội viên, 2 hộ");

  /* The same rows again: both already members, nobody added. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-rows", w->t->path, w->rows, "--org", "ND",
                                 "--decide", "4=skip", "--json", NULL), ==, 0);
  assert_has (out, "\"new_persons\":0,\"new_memberships\":0,\"already_members\":2,");

  /* The biến động of 2020 shows An as imported, not admitted. */
  g_assert_cmpint (smt_test_cli (&out, &err, "balance", w->t->path, "--period", "2020",
                                 "--org", "ND", "--json", NULL), ==, 0);
  assert_has (out, "\"hamlet\":null,\"start\":1,\"end\":2,\"increases\":{\"admitted\":0,"
                   "\"transferred_in\":0,\"moved_in\":0,\"imported\":1}");

  /* Undo: a reason is needed; then the people are gone, the batch stays. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-undo", w->t->path, batch, NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "import-undo", w->t->path, batch, "--reason",
                                 "nhầm tổ chức", NULL), ==, 0);
  assert_has (out, "Đã hoàn tác lần nhập");
  g_assert_cmpint (smt_test_cli (&out, &err, "imports", w->t->path, "--json", NULL), ==, 0);
  assert_has (out, "\"undone\":true,\"undo_reason\":\"nhầm tổ chức\"");
  g_assert_cmpint (smt_test_cli (&out, &err, "people", w->t->path, NULL), ==, 0);
  g_assert_null (strstr (out, "Nguyễn Văn An"));
  g_assert_null (strstr (out, "Trần Thị Bình"));
  g_assert_cmpint (smt_test_cli (&out, &err, "import-undo", w->t->path, batch, "--reason",
                                 "lại", NULL), ==, 2);
  assert_has (err, "đã được hoàn tác rồi");
  g_assert_cmpint (smt_test_cli (&out, &err, "check", w->t->path, NULL), ==, 0);
}

/* somattran import and import-map on a file: the member list of
 * member-fixtures.h as an .xlsx (title block, Năm sinh over Nam / Nữ,
 * hamlet rows), into a register with Ấp Tân Hòa and Ấp Bình An, each
 * with a chi hội of the Hội Nông dân, where a Trần Văn Cường born in 1975
 * already lives in Tân Hòa without being a member: row 10 of the list
 * looks like him. */
static void
file_setup (World         *w,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 tan_hoa, binh_an, nd, household;
  SmtPersonFields f = { .ho = "Trần", .chu_lot = "Văn", .ten = "Cường", .sex = SMT_SEX_MALE,
                        .birth_year = 1975 };
  gint64 cuong;

  w->t = smt_test_register_new ();
  tan_hoa = smt_hamlet_add (w->t->reg, "Tân Hòa", "ấp", &error);
  binh_an = smt_hamlet_add (w->t->reg, "Bình An", "ấp", &error);
  g_assert_no_error (error);
  nd = smt_organisation_lookup (w->t->reg, "ND");
  smt_branch_add (w->t->reg, nd, 0, "chi hội", "Chi hội Nông dân ấp Tân Hòa", &tan_hoa, 1,
                  "2010-01-01", &error);
  smt_branch_add (w->t->reg, nd, 0, "chi hội", "Chi hội Nông dân ấp Bình An", &binh_an, 1,
                  "2010-01-01", &error);
  g_assert_no_error (error);
  cuong = smt_person_add (w->t->reg, &f, &error);
  g_assert_no_error (error);
  household = smt_household_add (w->t->reg, tan_hoa, "7 tổ 3", "2000-01-01", &error);
  g_assert_no_error (error);
  smt_residence_move (w->t->reg, cuong, household, "2000-01-01", TRUE, NULL, &error);
  g_assert_no_error (error);
  w->rows = members_write (w->t->dir, "hoi-vien", MEMBERS_XLSX, NULL, 0);
  g_clear_object (&w->t->reg);
}

static void
test_import_file (World         *w,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *map = NULL;
  g_autofree char *before = smt_test_content_hash (w->t->path);
  g_autofree char *after = NULL;
  g_autofree char *map_path = g_build_filename (w->t->dir, "map.json", NULL);

  /* Row 10 looks like Cường: exit 2, nothing written, the problem named. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import", w->t->path, w->rows, "--org", "ND",
                                 NULL), ==, 2);
  g_test_message ("%s\n%s", out, err);
  assert_has (out, "Dòng 10 (Trần Văn Cường) [cần quyết định]");
  assert_has (err, "1 dòng cần quyết định");
  after = smt_test_content_hash (w->t->path);
  g_assert_cmpstr (before, ==, after);

  /* A dry run with the look-alike skipped: the summary, nothing written. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import", w->t->path, w->rows, "--org", "ND",
                                 "--on-duplicate", "skip", "--dry-run", NULL), ==, 0);
  g_test_message ("%s\n%s", out, err);
  assert_has (out, "Chạy thử: chưa ghi gì vào sổ.");
  assert_has (out, "Số dòng đọc được: 8\n");
  assert_count (out, "Người mới", "7");
  assert_count (out, "Bỏ qua", "1");
  assert_count (out, "Hộ sẽ tạo", "6");
  assert_count (out, "Dòng cần quyết định", "0");
  g_clear_pointer (&after, g_free);
  after = smt_test_content_hash (w->t->path);
  g_assert_cmpstr (before, ==, after);

  /* import-map: the mapping as JSON, and the same back through --map. */
  g_assert_cmpint (smt_test_cli (&map, &err, "import-map", w->rows, "--json", NULL), ==, 0);
  g_assert_true (g_file_set_contents (map_path, map, -1, NULL));
  g_assert_cmpint (smt_test_cli (&out, &err, "import-map", w->rows, "--map", map_path,
                                 "--json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, map);
  g_assert_cmpint (smt_test_cli (&out, &err, "import-map", w->rows, NULL), ==, 0);
  g_test_message ("%s", out);
  assert_has (out, "Trang tính “Danh sách”: tiêu đề cột ở dòng 4, 8 dòng là người.");
  assert_has (out, "Năm sinh / Nữ                → Năm sinh nữ");
  g_assert_null (strstr (out, "như lần trước"));

  /* Written with that map, the look-alike skipped. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import", w->t->path, w->rows, "--org", "ND",
                                 "--map", map_path, "--on-duplicate", "skip", NULL), ==, 0);
  g_test_message ("%s\n%s", out, err);
  assert_has (out, "Đã ghi thành lần nhập");
  assert_count (out, "Người mới", "7");
  g_clear_pointer (&after, g_free);
  after = smt_test_content_hash (w->t->path);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpint (smt_test_cli (&out, &err, "people", w->t->path, "--org", "ND", NULL), ==, 0);
  assert_has (out, "Tôn Nữ Minh Châu");
  assert_has (out, "Huỳnh Văn Sơn");
  g_assert_cmpint (smt_test_cli (&out, &err, "check", w->t->path, NULL), ==, 0);

  /* Written, the list's shape is remembered for next time. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import-map", w->rows, NULL), ==, 0);
  assert_has (out, "Các cột được hiểu như lần trước với danh sách cùng mẫu này.");

  /* The same file again: everyone is a member already, nobody is added. */
  g_assert_cmpint (smt_test_cli (&out, &err, "import", w->t->path, w->rows, "--org", "ND",
                                 "--on-duplicate", "skip", "--json", NULL), ==, 0);
  assert_has (out, "\"new_persons\":0,\"new_memberships\":0,\"already_members\":7,");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *maps = g_dir_make_tmp ("smt-cli-import-maps-XXXXXX", NULL);
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* The commands remember mappings here, never in the user's folder. */
  g_setenv ("SMT_IMPORT_MAPPINGS_DIR", maps, TRUE);

  g_test_add ("/cli/import-rows", World, NULL, world_setup, test_import_rows, world_teardown);
  g_test_add ("/cli/import-file", World, NULL, file_setup, test_import_file, world_teardown);
  status = g_test_run ();
  smt_test_rm_rf (maps);
  return status;
}
