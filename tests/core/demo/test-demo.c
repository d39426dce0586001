/* test-demo.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/check/smt-check.h"
#include "core/demo/smt-demo.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

#define PEOPLE 800
#define SEED   7

/* Registers shared by the cases: two of seed 7, one of seed 8. */
static struct
{
  char    *dir;
  char    *path_a, *path_b, *path_c;
  GArray  *fractions;
  gboolean names_ok;
} fx;

static void
record_progress (double      fraction,
                 const char *what,
                 gpointer    user_data)
{
  g_array_append_val (fx.fractions, fraction);
  if (what == NULL || what[0] == '\0')
    fx.names_ok = FALSE;
}

static void
generate (const char *path,
          guint       people,
          guint64     seed,
          gboolean    with_progress)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (smt_demo_generate (path, people, seed, with_progress ? record_progress : NULL,
                                    NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static SmtRegister *
open_register (const char *path)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reg);
  smt_register_set_today (reg, SMT_DEMO_UNTIL);
  return reg;
}

static gint64
query (SmtRegister *reg,
       const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (smt_register_get_db (reg), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_deterministic (void)
{
  g_autoptr(SmtRegister) a = open_register (fx.path_a);
  g_autoptr(SmtRegister) b = open_register (fx.path_b);
  g_autofree char *hash_a = smt_register_content_hash (a, NULL);
  g_autofree char *hash_b = smt_register_content_hash (b, NULL);

  g_assert_nonnull (hash_a);
  g_assert_cmpuint (smt_register_get_copy_id (a), !=, 0);
  g_assert_cmpuint (smt_register_get_copy_id (a), ==, smt_register_get_copy_id (b));
  g_assert_cmpstr (hash_a, ==, hash_b);
}

static void
test_seed_matters (void)
{
  g_autoptr(SmtRegister) a = open_register (fx.path_a);
  g_autoptr(SmtRegister) c = open_register (fx.path_c);
  g_autofree char *hash_a = smt_register_content_hash (a, NULL);
  g_autofree char *hash_c = smt_register_content_hash (c, NULL);

  g_assert_cmpstr (hash_a, !=, hash_c);
  g_assert_cmpuint (smt_register_get_copy_id (a), !=, smt_register_get_copy_id (c));
}

static void
test_check_clean (void)
{
  g_autoptr(SmtRegister) reg = open_register (fx.path_a);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean clean = smt_register_check (reg, problems, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (clean);
}

static void
test_plausible (void)
{
  g_autoptr(SmtRegister) reg = open_register (fx.path_a);
  gint64 people = query (reg, "SELECT count(*) FROM person");
  gint64 households = query (reg, "SELECT count(*) FROM household");
  gint64 hamlets = query (reg, "SELECT count(*) FROM hamlet");
  double mean = (double) people / (double) MAX (households, 1);

  g_assert_cmpint (people, ==, PEOPLE);
  g_assert_cmpint (hamlets, >=, 12);
  g_assert_cmpint (hamlets, <=, 20);
  g_assert_cmpfloat (mean, >=, 2.5);
  g_assert_cmpfloat (mean, <=, 5.0);
  /* every household has a head */
  g_assert_cmpint (query (reg, "SELECT count(*) FROM household h WHERE NOT EXISTS "
                               "(SELECT 1 FROM residence r WHERE r.household_id = h.id "
                               "AND r.is_head = 1)"), ==, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM person WHERE birth_year < 1935 "
                               "OR birth_year > 2026"), ==, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM person WHERE deceased_on IS NOT NULL"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM residence WHERE household_id IS NULL"), >, 0);

  /* every seeded organisation has branches; liên ấp and tổ hội exist */
  g_assert_cmpint (query (reg, "SELECT count(*) FROM organisation o WHERE NOT EXISTS "
                               "(SELECT 1 FROM branch b WHERE b.organisation_id = o.id)"), ==, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM (SELECT branch_id FROM branch_hamlet "
                               "GROUP BY branch_id HAVING count(*) >= 2)"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM branch WHERE kind = 'tổ hội'"), >, 0);

  /* ten years of history */
  g_assert_cmpint (query (reg, "SELECT count(*) FROM membership_event"), >, PEOPLE / 2);
  for (guint i = 0; i < 7; i++)
    {
      static const char *const kinds[] = {
        "admitted", "transferred", "transferred_out", "left", "away", "back", "deceased",
      };
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM membership_event "
                                              "WHERE kind = '%s'", kinds[i]);

      g_assert_cmpint (query (reg, sql), >, 0);
    }
  g_assert_cmpint (query (reg, "SELECT count(*) FROM meeting"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM meeting WHERE kind = 'thematic'"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM attendance"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM branch_leader"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM study"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM officer"), >, 0);

  /* the three rating scales: before 2023 the old one for branches and the
   * organisations themselves and the members' own for members, the new one
   * from 2023 */
  g_assert_cmpint (query (reg, "SELECT count(DISTINCT l.scale_id) FROM rating r "
                               "JOIN rating_level l ON l.id = r.level_id"), ==, 3);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM rating r JOIN rating_level l "
                               "ON l.id = r.level_id JOIN rating_scale s ON s.id = l.scale_id "
                               "WHERE s.code IS NOT CASE WHEN r.year >= 2023 THEN 'NEW' "
                               "WHEN r.person_id IS NOT NULL THEN 'OLD_MEMBER' ELSE 'OLD' END"),
                   ==, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM rating WHERE branch_id IS NOT NULL"), >, 0);
  g_assert_cmpint (query (reg, "SELECT count(*) FROM rating WHERE person_id IS NOT NULL"), >, 0);
  /* every organisation itself rated every year from 2016 to 2025 */
  g_assert_cmpint (query (reg, "SELECT count(*) FROM rating WHERE person_id IS NULL "
                               "AND branch_id IS NULL"), ==, 8 * 10);

  /* the resolution, its targets and typed values */
  g_assert_cmpint (query (reg, "SELECT count(*) FROM target t JOIN resolution r "
                               "ON r.id = t.resolution_id WHERE r.number = '06-NQ/TU'"), ==, 7);
  g_assert_cmpint (query (reg, "SELECT count(DISTINCT code) FROM indicator_value"), ==, 15);
}

static void
test_progress (void)
{
  double last = -1;

  g_assert_cmpuint (fx.fractions->len, >, 5);
  g_assert_true (fx.names_ok);
  for (guint i = 0; i < fx.fractions->len; i++)
    {
      double f = g_array_index (fx.fractions, double, i);

      g_assert_cmpfloat (f, >=, last);
      g_assert_cmpfloat (f, <=, 1.0);
      last = f;
    }
  g_assert_cmpfloat (last, ==, 1.0);
}

static void
test_exists (void)
{
  g_autofree char *path = g_build_filename (fx.dir, "existing.smt", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *original = "not a register, and it must stay as it is\n";

  g_assert_true (g_file_set_contents (path, original, -1, NULL));
  g_assert_false (smt_demo_generate (path, 50, 1, NULL, NULL, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, original);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_tiny (void)
{
  for (guint n = 1; n <= 40; n += 13)
    {
      g_autofree char *path = g_strdup_printf ("%s/tiny-%u.smt", fx.dir, n);
      g_autoptr(SmtRegister) reg = NULL;
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      generate (path, n, n, FALSE);
      reg = open_register (path);
      g_assert_cmpint (query (reg, "SELECT count(*) FROM person"), ==, n);
      g_assert_true (smt_register_check (reg, problems, NULL));
      g_assert_cmpuint (problems->len, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fx.dir = g_dir_make_tmp ("smt-demo-XXXXXX", &error);
  g_assert_no_error (error);
  fx.path_a = g_build_filename (fx.dir, "a.smt", NULL);
  fx.path_b = g_build_filename (fx.dir, "b.smt", NULL);
  fx.path_c = g_build_filename (fx.dir, "c.smt", NULL);
  fx.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  fx.names_ok = TRUE;
  generate (fx.path_a, PEOPLE, SEED, TRUE);
  generate (fx.path_b, PEOPLE, SEED, FALSE);
  generate (fx.path_c, PEOPLE, SEED + 1, FALSE);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/seed-matters", test_seed_matters);
  g_test_add_func ("/demo/check-clean", test_check_clean);
  g_test_add_func ("/demo/plausible", test_plausible);
  g_test_add_func ("/demo/progress", test_progress);
  g_test_add_func ("/demo/exists", test_exists);
  g_test_add_func ("/demo/tiny", test_tiny);
  status = g_test_run ();

  smt_test_rm_rf (fx.dir);
  g_free (fx.dir);
  g_free (fx.path_a);
  g_free (fx.path_b);
  g_free (fx.path_c);
  g_array_unref (fx.fractions);
  return status;
}
