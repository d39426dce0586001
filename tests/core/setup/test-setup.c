/* test-setup.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/demo/smt-demo.h"
#include "core/register/smt-register-private.h"
#include "core/setup/smt-hamlet-list.h"
#include "core/setup/smt-setup.h"
#include "smt-test-util.h"

/* ---- the hamlet list ---------------------------------------------------------- */

typedef struct
{
  const char *what;
  const char *text;
  const char *default_kind;
  const char *expected;  /* "name/kind|name/kind…" */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "numbered lines, a blank line, a lower-case kind word, doubled spaces",
    "1. Ấp Tân Hòa\n2. Ấp Tân Lợi\n\n3) ấp  Phú Mỹ\n", "ấp",
    "Ấp Tân Hòa/ấp|Ấp Tân Lợi/ấp|Ấp Phú Mỹ/ấp" },
  { "commas and semicolons, no kind word: the default kind's",
    "Tân Hòa, Tân Lợi; Phú Mỹ", "ấp", "Ấp Tân Hòa/ấp|Ấp Tân Lợi/ấp|Ấp Phú Mỹ/ấp" },
  { "bullets, other kinds and abbreviations",
    "- Thôn 1\n• Thôn 2\n* Khu phố 3\nKP 4\nTDP.5\ntổ dân phố 6\n– Khu vực 7", "ấp",
    "Thôn 1/thôn|Thôn 2/thôn|Khu phố 3/khu phố|Khu phố 4/khu phố|Tổ dân phố 5/tổ dân phố|"
    "Tổ dân phố 6/tổ dân phố|Khu vực 7/khu vực" },
  { "rows pasted from a sheet with a STT column, Windows line ends",
    "1\tẤp Tân Hòa\r\n2\tẤp Tân Lợi\r\n", "ấp", "Ấp Tân Hòa/ấp|Ấp Tân Lợi/ấp" },
  { "decomposed text stored composed",
    "A\xcc\x82\xcc\x81p Ta\xcc\x82n Ho\xcc\x80" "a", "ấp", "Ấp Tân Hòa/ấp" },
  { "a northern commune: thôn by default",
    "Đông, Tây\nBắc", "thôn", "Thôn Đông/thôn|Thôn Tây/thôn|Thôn Bắc/thôn" },
  { "a name that starts like a kind word is not one",
    "Thông Nhất\nẤpxa", "ấp", "Ấp Thông Nhất/ấp|Ấp Ấpxa/ấp" },
  { "nothing but blanks, numbers and bullets",
    "\n\n   \n3.\n-\n•\nẤp\n", "ấp", "" },
  { "a number that is part of the name stays",
    "Ấp 3\n12 Tháng Ba", "ấp", "Ấp 3/ấp|Ấp 12 Tháng Ba/ấp" },
};

static char *
entries_text (GPtrArray *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      const SmtHamletEntry *e = g_ptr_array_index (list, i);

      g_string_append_printf (s, "%s%s/%s", i > 0 ? "|" : "", e->name, e->kind);
    }
  return g_string_free (s, FALSE);
}

static void
test_parse_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = smt_hamlet_list_parse (c->text, c->default_kind, &error);
      g_autofree char *got = NULL;

      g_test_message ("%s", c->what);
      g_assert_no_error (error);
      g_assert_nonnull (list);
      got = entries_text (list);
      g_assert_cmpstr (got, ==, c->expected);
    }
}

static void
test_parse_duplicates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *got = NULL;

  /* Line 3 repeats line 1 (letter case aside), line 4 repeats line 2: the
   * first of each is kept, and the message names both pairs of lines. */
  list = smt_hamlet_list_parse ("Ấp Tân Hòa\nTân Lợi\nấp tân hòa\n4. Tân Lợi\nPhú Mỹ", "ấp",
                                &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
  g_assert_nonnull (list);
  got = entries_text (list);
  g_assert_cmpstr (got, ==, "Ấp Tân Hòa/ấp|Ấp Tân Lợi/ấp|Ấp Phú Mỹ/ấp");
  g_assert_nonnull (strstr (error->message, "“Ấp Tân Hòa” (lines 1 and 3)"));
  g_assert_nonnull (strstr (error->message, "“Ấp Tân Lợi” (lines 2 and 4)"));

  /* Not UTF-8: refused, nothing returned. */
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smt_hamlet_list_parse ("\xff\xfe", "ấp", &error);
  g_assert_null (list);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
}

/* ---- a register from a plan -------------------------------------------------- */

/* Rows of a query, "a|b" each, one a line. */
static char *
rows (SmtRegister *reg,
      const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  GString *s = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (smt_register_get_db (reg), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (s, "%s%s", c > 0 ? "|" : "",
                                (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (s, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (s, FALSE);
}

static guint
find_branch (SmtSetupPlan *plan,
             const char   *name)
{
  for (guint i = 0; i < plan->branches->len; i++)
    if (g_strcmp0 (((SmtPlanBranch *) g_ptr_array_index (plan->branches, i))->name, name) == 0)
      return i;
  g_assert_not_reached ();
}

static SmtSetupPlan *
tan_lap_plan (void)
{
  g_autoptr(SmtSetupPlan) plan = smt_setup_plan_new ();
  g_autoptr(GPtrArray) hamlets = NULL;
  SmtPlanBranch *b;
  guint ccb_a, ccb_b;

  smt_setup_plan_set_commune (plan, "  Tân  Lập ", "xã", "Cần Thơ", NULL);
  hamlets = smt_hamlet_list_parse ("1. Ấp Tân Hòa\n2. Ấp Tân Lợi\n3. Ấp Phú Mỹ", "ấp", NULL);
  smt_setup_plan_set_hamlets (plan, hamlets);
  smt_setup_plan_find_organisation (plan, "CTD")->kept = FALSE;
  smt_setup_plan_find_organisation (plan, "KH")->kept = FALSE;
  g_free (smt_setup_plan_find_organisation (plan, "PN")->name);
  smt_setup_plan_find_organisation (plan, "PN")->name = g_strdup ("Hội LHPN xã Tân Lập");
  smt_setup_plan_propose_branches (plan);
  /* Six organisations kept; the Công đoàn has none in the hamlets: 5 × 3. */
  g_assert_cmpuint (plan->branches->len, ==, 15);
  g_assert_cmpstr (((SmtPlanBranch *) g_ptr_array_index (plan->branches, 3))->name, ==,
                   "Chi hội Phụ nữ Ấp Tân Hòa");

  ccb_a = find_branch (plan, "Chi hội Cựu chiến binh Ấp Tân Lợi");
  ccb_b = find_branch (plan, "Chi hội Cựu chiến binh Ấp Phú Mỹ");
  g_assert_false (smt_setup_plan_merge_branches (plan, ccb_a, 0));  /* the Đoàn's */
  g_assert_true (smt_setup_plan_merge_branches (plan, ccb_a, ccb_b));
  g_assert_cmpuint (plan->branches->len, ==, 14);
  ((SmtPlanBranch *) g_ptr_array_index (plan->branches,
                                        find_branch (plan,
                                                     "Chi hội Người cao tuổi Ấp Phú Mỹ")))->kept
    = FALSE;
  b = g_ptr_array_index (plan->branches, find_branch (plan, "Chi đoàn Ấp Tân Hòa"));
  g_free (b->name);
  b->name = g_strdup ("Chi đoàn Tân Hòa");
  return g_steal_pointer (&plan);
}

static void
test_from_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtSetupPlan) plan = tan_lap_plan ();
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_dir_make_tmp ("smt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "xa-tan-lap.smt", NULL);
  g_autofree char *title = NULL;
  g_autofree char *got = NULL;

  reg = smt_setup_new_register_from_plan (path, plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reg);
  title = smt_register_dup_commune_title (reg);
  g_assert_cmpstr (title, ==, "Xã Tân Lập");
  g_assert_false (smt_setup_is_demo (reg));

  got = rows (reg, "SELECT name, kind, position FROM hamlet ORDER BY position");
  g_assert_cmpstr (got, ==, "Ấp Tân Hòa|ấp|1\nẤp Tân Lợi|ấp|2\nẤp Phú Mỹ|ấp|3\n");
  g_free (got);
  /* CTD and KH left out; the others in their order, PN renamed. */
  got = rows (reg, "SELECT code, name, position FROM organisation ORDER BY position");
  g_assert_cmpstr (got, ==,
                   "DTN|Đoàn Thanh niên Cộng sản Hồ Chí Minh|1\n"
                   "PN|Hội LHPN xã Tân Lập|2\n"
                   "ND|Hội Nông dân Việt Nam|3\n"
                   "CCB|Hội Cựu chiến binh Việt Nam|4\n"
                   "CD|Công đoàn Việt Nam|5\n"
                   "NCT|Hội Người cao tuổi|6\n");
  g_free (got);
  /* 15 proposed, two CCB made one, one NCT left out: 13 branches, and
   * 14 branch-hamlet rows (the liên ấp serves two). */
  got = rows (reg, "SELECT o.code, b.kind, b.name, group_concat(h.name, ' + ') "
                   "FROM branch b JOIN organisation o ON o.id = b.organisation_id "
                   "JOIN branch_hamlet bh ON bh.branch_id = b.id "
                   "JOIN hamlet h ON h.id = bh.hamlet_id "
                   "GROUP BY b.id ORDER BY o.position, min(h.position)");
  g_assert_cmpstr (got, ==,
                   "DTN|chi đoàn|Chi đoàn Tân Hòa|Ấp Tân Hòa\n"
                   "DTN|chi đoàn|Chi đoàn Ấp Tân Lợi|Ấp Tân Lợi\n"
                   "DTN|chi đoàn|Chi đoàn Ấp Phú Mỹ|Ấp Phú Mỹ\n"
                   "PN|chi hội|Chi hội Phụ nữ Ấp Tân Hòa|Ấp Tân Hòa\n"
                   "PN|chi hội|Chi hội Phụ nữ Ấp Tân Lợi|Ấp Tân Lợi\n"
                   "PN|chi hội|Chi hội Phụ nữ Ấp Phú Mỹ|Ấp Phú Mỹ\n"
                   "ND|chi hội|Chi hội Nông dân Ấp Tân Hòa|Ấp Tân Hòa\n"
                   "ND|chi hội|Chi hội Nông dân Ấp Tân Lợi|Ấp Tân Lợi\n"
                   "ND|chi hội|Chi hội Nông dân Ấp Phú Mỹ|Ấp Phú Mỹ\n"
                   "CCB|chi hội|Chi hội Cựu chiến binh Ấp Tân Hòa|Ấp Tân Hòa\n"
                   "CCB|chi hội|Chi hội Cựu chiến binh liên ấp Tân Lợi - Phú Mỹ|"
                   "Ấp Tân Lợi + Ấp Phú Mỹ\n"
                   "NCT|chi hội|Chi hội Người cao tuổi Ấp Tân Hòa|Ấp Tân Hòa\n"
                   "NCT|chi hội|Chi hội Người cao tuổi Ấp Tân Lợi|Ấp Tân Lợi\n");
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM branch"), ==, 13);
  g_assert_cmpint (smt_register_query_int (reg, -1, "SELECT count(*) FROM branch_hamlet"), ==,
                   14);
  g_assert_true (smt_register_check (reg, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

static void
test_from_plan_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtSetupPlan) plan = tan_lap_plan ();
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "xa-tan-lap.smt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *nowhere[] = { "Ấp Không Có", NULL };
  SmtHamletEntry *h;

  /* No name. */
  smt_setup_plan_set_commune (plan, " ", "xã", "Cần Thơ", NULL);
  reg = smt_setup_new_register_from_plan (path, plan, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A branch serving a hamlet the plan does not have. */
  smt_setup_plan_set_commune (plan, "Tân Lập", "xã", "Cần Thơ", NULL);
  smt_setup_plan_add_branch (plan, "ND", NULL, nowhere);
  reg = smt_setup_new_register_from_plan (path, plan, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Ấp Không Có"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_ptr_array_remove_index (plan->branches, plan->branches->len - 1);

  /* A hamlet the register refuses (an unknown kind) fails inside the
   * transaction: still no file. */
  h = g_ptr_array_index (plan->hamlets, 2);
  g_free (h->kind);
  h->kind = g_strdup ("xóm");
  reg = smt_setup_new_register_from_plan (path, plan, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_free (h->kind);
  h->kind = g_strdup ("ấp");

  /* A file that exists is never overwritten. */
  reg = smt_setup_new_register_from_plan (path, plan, &error);
  g_assert_no_error (error);
  g_clear_object (&reg);
  before = smt_test_content_hash (path);
  smt_setup_plan_set_commune (plan, "Tân Lập Mới", "xã", "Cần Thơ", NULL);
  reg = smt_setup_new_register_from_plan (path, plan, &error);
  g_assert_null (reg);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_EXISTS);
  after = smt_test_content_hash (path);
  g_assert_cmpstr (before, ==, after);

  smt_test_rm_rf (dir);
}

/* ---- the demo's mark ---------------------------------------------------------- */

static void
test_demo_mark (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "xa-mau.smt", NULL);
  SmtTestRegister *t = smt_test_register_new ();

  /* The plain new register, as before: eight organisations, not the demo. */
  g_assert_false (smt_setup_is_demo (t->reg));
  g_assert_cmpint (smt_register_query_int (t->reg, -1, "SELECT count(*) FROM organisation"),
                   ==, 8);
  smt_test_register_free (t);

  g_assert_true (smt_demo_generate (path, 300, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (smt_setup_is_demo (reg));

  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/setup/hamlets/table", test_parse_table);
  g_test_add_func ("/setup/hamlets/duplicates", test_parse_duplicates);
  g_test_add_func ("/setup/plan/register", test_from_plan);
  g_test_add_func ("/setup/plan/refused", test_from_plan_refused);
  g_test_add_func ("/setup/demo-mark", test_demo_mark);
  return g_test_run ();
}
