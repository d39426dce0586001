/* test-people.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

#define OK (-1)

static gint64
count (SmtRegister *reg,
       const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return smt_register_query_int (reg, -1, sql);
}

/* Total rows in every table: a refused write must leave it unchanged. */
static gint64
all_rows (SmtRegister *reg)
{
  static const char *tables[] = { "person", "household", "hamlet", "residence", "branch",
                                  "branch_leader", "organisation", "change_log" };
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    total += count (reg, tables[i]) << (i * 4);
  return total;
}

static void
test_person_rules (void)
{
  static const struct
  {
    const char     *what;
    SmtPersonFields fields;
    int             code;
  } cases[] = {
    { "plain", { "Nguyễn", "Văn", "An", SMT_SEX_MALE, "1987-03-02", 1987 }, OK },
    { "year only", { "Lê", "", "Ba", SMT_SEX_MALE, NULL, 1961 }, OK },
    { "birth in the future", { "Trần", "Thị", "Hoa", SMT_SEX_FEMALE, "2026-07-01", 2026 },
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "year after this year", { "Trần", "Thị", "Hoa", SMT_SEX_FEMALE, NULL, 2027 },
      SMT_REGISTER_ERROR_INVALID },
    { "date and year disagree", { "Trần", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-01-01", 1991 },
      SMT_REGISTER_ERROR_INVALID },
    { "impossible date", { "Trần", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-02-30", 1990 },
      SMT_REGISTER_ERROR_INVALID },
    { "no family name", { "  ", "Thị", "Hoa", SMT_SEX_FEMALE, NULL, 1990 },
      SMT_REGISTER_ERROR_INVALID },
    { "no given name", { "Trần", "Thị", "", SMT_SEX_FEMALE, NULL, 1990 },
      SMT_REGISTER_ERROR_INVALID },
    { "given name of two words", { "Trần", "Thị", "Mỹ Lệ", SMT_SEX_FEMALE, NULL, 1990 },
      SMT_REGISTER_ERROR_INVALID },
    { "no sex", { "Trần", "Thị", "Hoa", 0, NULL, 1990 }, SMT_REGISTER_ERROR_INVALID },
    { "CCCD of 12 digits", { "Phạm", "Văn", "Đồng", SMT_SEX_MALE, NULL, 1970, NULL, NULL,
      "092 070 001 234" }, OK },
    { "CCCD too short", { "Phạm", "Văn", "Tư", SMT_SEX_MALE, NULL, 1970, NULL, NULL,
      "09207000123" }, SMT_REGISTER_ERROR_CCCD },
    { "CCCD too long", { "Phạm", "Văn", "Tư", SMT_SEX_MALE, NULL, 1970, NULL, NULL,
      "0920700012345" }, SMT_REGISTER_ERROR_CCCD },
    { "CCCD with a letter", { "Phạm", "Văn", "Tư", SMT_SEX_MALE, NULL, 1970, NULL, NULL,
      "09207000123A" }, SMT_REGISTER_ERROR_CCCD },
    { "CCCD already taken", { "Phạm", "Văn", "Tư", SMT_SEX_MALE, NULL, 1970, NULL, NULL,
      "092070001234" }, SMT_REGISTER_ERROR_CCCD },
    { "phone", { "Võ", "Thị", "Sáu", SMT_SEX_FEMALE, NULL, 1975, NULL, NULL, NULL,
      "0912 345 678" }, OK },
    { "not a phone", { "Võ", "Thị", "Sáu", SMT_SEX_FEMALE, NULL, 1975, NULL, NULL, NULL,
      "gọi sau" }, SMT_REGISTER_ERROR_INVALID },
    { "Party admission before birth", { "Đỗ", "Văn", "Nam", SMT_SEX_MALE, "1980-05-05", 1980,
      NULL, NULL, NULL, NULL, "1979-01-01" }, SMT_REGISTER_ERROR_DATE_ORDER },
    { "Party admission in the future", { "Đỗ", "Văn", "Nam", SMT_SEX_MALE, "1980-05-05", 1980,
      NULL, NULL, NULL, NULL, "2026-12-01" }, SMT_REGISTER_ERROR_FUTURE_DATE },
  };
  SmtTestRegister *t = smt_test_register_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 rows = all_rows (t->reg);
      gint64 id;

      g_test_message ("case: %s", cases[i].what);
      id = smt_person_add (t->reg, &cases[i].fields, &error);
      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, !=, 0);
          g_assert_cmpint (all_rows (t->reg), !=, rows);
        }
      else
        {
          g_assert_error (error, SMT_REGISTER_ERROR, cases[i].code);
          g_assert_cmpint (id, ==, 0);
          g_assert_cmpint (all_rows (t->reg), ==, rows);
          /* the message is for a person: it is not SQLite's */
          g_assert_null (strstr (error->message, "constraint"));
        }
    }
  /* the CCCD is stored as its 12 digits */
  g_assert_cmpint (smt_register_query_int (t->reg, 0,
                   "SELECT count(*) FROM person WHERE cccd = '092070001234'"), ==, 1);
  smt_test_register_free (t);
}

static void
test_nfc_storage (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  /* "Nguyễn Thị Mỹ Lệ" typed decomposed: e + circumflex + tilde, etc. */
  SmtPersonFields p = {
    .ho = "Nguye\xcc\x82\xcc\x83n", .chu_lot = "Thi\xcc\xa3  My\xcc\x83", .ten = "Le\xcc\x82\xcc\xa3",
    .sex = SMT_SEX_FEMALE, .birth_year = 1990,
  };
  gint64 id = smt_person_add (t->reg, &p, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = smt_register_prepare (t->reg, "SELECT ho, chu_lot, ten, folded FROM person WHERE id = ?1",
                               NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Nguyễn");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "Thị Mỹ");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Lệ");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "nguyen thi my le");
  /* composed: "ễ" is the two bytes... three bytes of U+1EC5, not e + marks */
  g_assert_cmpint (strlen ((const char *) sqlite3_column_text (stmt, 0)), ==, strlen ("Nguyễn"));
  sqlite3_reset (stmt);

  /* hamlets and addresses too */
  g_assert_cmpint (smt_hamlet_add (t->reg, "A\xcc\x82\xcc\x81p Ho\xcc\x80" "a Bi\xcc\x80nh",
                                   "ấp", &error), !=, 0);
  g_assert_cmpint (smt_register_query_int (t->reg, 0, "SELECT count(*) FROM hamlet WHERE "
                                           "name = 'Ấp Hòa Bình'"), ==, 1);
  smt_test_register_free (t);
}

typedef struct
{
  SmtTestRegister *t;
  gint64 hamlet, hamlet2, household, person, child, branch_pn, branch_nd;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmtPersonFields mother = { "Trần", "Thị", "Lan", SMT_SEX_FEMALE, "1980-04-10", 1980 };
  SmtPersonFields child = { "Lê", "Văn", "Phúc", SMT_SEX_MALE, "2008-09-01", 2008 };

  f->t = smt_test_register_new ();
  f->hamlet = smt_hamlet_add (f->t->reg, "Ấp Thạnh Lợi", "ấp", &error);
  f->hamlet2 = smt_hamlet_add (f->t->reg, "Ấp Thạnh Hòa", "ấp", &error);
  f->household = smt_household_add (f->t->reg, f->hamlet, "Tổ 3", "2000-01-01", &error);
  f->person = smt_person_add (f->t->reg, &mother, &error);
  f->child = smt_person_add (f->t->reg, &child, &error);
  f->branch_pn = smt_branch_add (f->t->reg, smt_organisation_lookup (f->t->reg, "PN"), 0,
                                 "chi hội", "Chi hội Phụ nữ ấp Thạnh Lợi", &f->hamlet, 1,
                                 "2001-01-01", &error);
  f->branch_nd = smt_branch_add (f->t->reg, smt_organisation_lookup (f->t->reg, "ND"), 0,
                                 "chi hội", "Chi hội Nông dân liên ấp Thạnh Lợi - Thạnh Hòa",
                                 (gint64[]) { f->hamlet, f->hamlet2 }, 2, "2001-01-01", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  smt_test_register_free (f->t);
}

static void
test_residence_rules (Fixture       *f,
                      gconstpointer  data)
{
  SmtRegister *reg = f->t->reg;
  static const struct { const char *what; int who; int where; const char *date; int code; }
  cases[] = {
    /* who: 0 mother, 1 child; where: 0 household, 1 out of the commune,
     * 2 household as its head */
    { "moves in", 0, 0, "2005-01-01", OK },
    { "moves in again", 0, 0, "2006-01-01", SMT_REGISTER_ERROR_DUPLICATE },
    /* the child (not head) becomes head of the same household: allowed */
    { "moves in at birth", 1, 0, "2008-09-01", OK },
    { "becomes head", 1, 2, "2024-01-01", OK },
    { "head again", 1, 2, "2024-06-01", SMT_REGISTER_ERROR_DUPLICATE },
    { "moves in in the future", 1, 0, "2026-08-01", SMT_REGISTER_ERROR_FUTURE_DATE },
    { "moves in before birth", 1, 0, "2008-08-31", SMT_REGISTER_ERROR_DATE_ORDER },
    { "leaves before living here", 1, 1, "2008-01-01", SMT_REGISTER_ERROR_DATE_ORDER },
    { "leaves the commune", 1, 1, "2025-09-01", OK },
    { "leaves again", 1, 1, "2025-10-01", SMT_REGISTER_ERROR_SEQUENCE },
    { "bad date", 0, 1, "2025-02-29", SMT_REGISTER_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 rows = all_rows (reg);
      gint64 id;

      g_test_message ("case: %s", cases[i].what);
      id = smt_residence_move (reg, cases[i].who ? f->child : f->person,
                               cases[i].where == 1 ? 0 : f->household, cases[i].date,
                               cases[i].who == 0 || cases[i].where == 2, "", &error);
      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, !=, 0);
        }
      else
        {
          g_assert_error (error, SMT_REGISTER_ERROR, cases[i].code);
          g_assert_cmpint (all_rows (reg), ==, rows);
        }
    }
}

static void
test_delete_with_history (Fixture       *f,
                          gconstpointer  data)
{
  SmtRegister *reg = f->t->reg;
  g_autoptr(GError) error = NULL;
  SmtPersonFields typo = { "Ngyuen", "", "Tèo", SMT_SEX_MALE, NULL, 1999 };
  gint64 mistake = smt_person_add (reg, &typo, &error);
  gint64 rows;

  g_assert_cmpint (smt_residence_move (reg, f->person, f->household, "2005-01-01", TRUE, NULL,
                                       &error), !=, 0);
  g_assert_cmpint (smt_leader_appoint (reg, f->branch_pn, f->person, SMT_LEADER_LEADER,
                                       "2020-01-01", NULL, &error), !=, 0);
  g_assert_no_error (error);
  rows = all_rows (reg);

  g_assert_false (smt_person_delete (reg, f->person, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  g_assert_false (smt_household_delete (reg, f->household, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  g_assert_false (smt_hamlet_delete (reg, f->hamlet, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  g_assert_false (smt_branch_delete (reg, f->branch_pn, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  g_assert_false (smt_organisation_delete (reg, smt_organisation_lookup (reg, "PN"), &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  g_assert_cmpint (all_rows (reg), ==, rows);

  /* What has no history may go, and the deletion is logged. */
  g_assert_true (smt_person_delete (reg, mistake, &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (reg, 0, "SELECT count(*) FROM change_log WHERE "
                                           "action = 'delete' AND table_name = 'person' AND "
                                           "row_id = ?1", mistake), ==, 1);
  g_assert_true (smt_organisation_delete (reg, smt_organisation_lookup (reg, "KH"), &error));
  g_assert_no_error (error);
}

static void
test_branch_and_leader_rules (Fixture       *f,
                              gconstpointer  data)
{
  SmtRegister *reg = f->t->reg;
  g_autoptr(GError) error = NULL;
  gint64 id, leader;

  /* a tổ hội needs a chi hội of the same organisation */
  id = smt_branch_add (reg, smt_organisation_lookup (reg, "PN"), 0, "tổ hội", "Tổ 1",
                       &f->hamlet, 1, NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  id = smt_branch_add (reg, smt_organisation_lookup (reg, "PN"), f->branch_nd, "tổ hội",
                       "Tổ 1", &f->hamlet, 1, NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_WRONG_ORGANISATION);
  g_clear_error (&error);
  id = smt_branch_add (reg, smt_organisation_lookup (reg, "PN"), f->branch_pn, "tổ hội",
                       "Tổ 1", &f->hamlet, 1, "2010-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  id = smt_branch_add (reg, smt_organisation_lookup (reg, "PN"), 0, "chi hội", "Chi hội mới",
                       &f->hamlet, 1, "2027-01-01", &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_FUTURE_DATE);
  g_clear_error (&error);

  /* leaders: one at a time, terms end after they start */
  leader = smt_leader_appoint (reg, f->branch_pn, f->person, SMT_LEADER_LEADER, "2020-01-01",
                               NULL, &error);
  g_assert_no_error (error);
  id = smt_leader_appoint (reg, f->branch_pn, f->child, SMT_LEADER_LEADER, "2021-01-01", NULL,
                           &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
  g_clear_error (&error);
  id = smt_leader_end (reg, leader, "2019-12-31", NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
  g_clear_error (&error);
  id = smt_leader_end (reg, leader, "2022-12-31", "hết nhiệm kỳ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  id = smt_leader_end (reg, leader, "2023-12-31", NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);
  id = smt_leader_appoint (reg, f->branch_pn, f->child, SMT_LEADER_LEADER, "2023-01-01", NULL,
                           &error);
  g_assert_no_error (error);

  /* a branch with members cannot be dissolved; an empty one can */
  {
    SmtMembershipChange admit = { .kind = SMT_EVENT_ADMITTED, .person_id = f->person,
                                  .branch_id = f->branch_nd, .date = "2015-03-01" };

    g_assert_cmpint (smt_membership_record (reg, &admit, &error), !=, 0);
    g_assert_no_error (error);
    g_assert_false (smt_branch_dissolve (reg, f->branch_nd, "2025-12-31", NULL, &error));
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
    g_clear_error (&error);
    g_assert_false (smt_branch_dissolve (reg, f->branch_nd, "2000-12-31", NULL, &error));
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
    g_clear_error (&error);
    id = smt_branch_add (reg, smt_organisation_lookup (reg, "ND"), 0, "chi hội", "Chi hội cũ",
                         &f->hamlet2, 1, "2010-01-01", &error);
    g_assert_true (smt_branch_dissolve (reg, id, "2020-06-30", "sáp nhập ấp", &error));
    g_assert_no_error (error);
  }

  /* organisations: age limits in order, codes unique */
  {
    SmtOrganisationFields bad = { "HSV", "Hội Sinh viên", "Sinh viên", "hội viên",
                                  SMT_ORGANISATION_MASS, 30, 18, 0, 9 };
    SmtOrganisationFields dup = { "PN", "Hội khác", "Khác", "hội viên",
                                  SMT_ORGANISATION_MASS, -1, -1, 0, 9 };

    g_assert_cmpint (smt_organisation_add (reg, &bad, &error), ==, 0);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
    g_clear_error (&error);
    g_assert_cmpint (smt_organisation_add (reg, &dup, &error), ==, 0);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
    g_clear_error (&error);
  }
}

static void
test_edits_are_logged (Fixture       *f,
                       gconstpointer  data)
{
  SmtRegister *reg = f->t->reg;
  g_autoptr(GError) error = NULL;
  SmtPersonFields fixed = { "Trần", "Thị", "Lan", SMT_SEX_FEMALE, "1980-04-11", 1980 };
  sqlite3_stmt *stmt;

  g_assert_true (smt_person_update (reg, f->person, &fixed, "sai ngày sinh", &error));
  g_assert_no_error (error);
  stmt = smt_register_prepare (reg, "SELECT before, after, reason FROM change_log WHERE "
                               "table_name = 'person' AND action = 'update' AND row_id = ?1",
                               NULL);
  sqlite3_bind_int64 (stmt, 1, f->person);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), "1980-04-10"));
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 1), "1980-04-11"));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "sai ngày sinh");
  sqlite3_reset (stmt);
}

static void
test_death_rules (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  g_autoptr(GError) error = NULL;
  SmtPersonFields year_only = { "Lê", "Văn", "Tám", SMT_SEX_MALE, NULL, 1952 };
  gint64 id = smt_person_add (t->reg, &year_only, &error);

  g_assert_false (smt_person_record_death (t->reg, id, "1951-12-31", NULL, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
  g_clear_error (&error);
  g_assert_false (smt_person_record_death (t->reg, id, "2026-07-01", NULL, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_FUTURE_DATE);
  g_clear_error (&error);
  g_assert_true (smt_person_record_death (t->reg, id, "2025-03-08", "bệnh", &error));
  g_assert_no_error (error);
  g_assert_false (smt_person_record_death (t->reg, id, "2025-03-09", NULL, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
  smt_test_register_free (t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/people/person-rules", test_person_rules);
  g_test_add_func ("/people/nfc-storage", test_nfc_storage);
  g_test_add_func ("/people/death-rules", test_death_rules);
  g_test_add ("/people/residence-rules", Fixture, NULL, fixture_setup, test_residence_rules,
              fixture_teardown);
  g_test_add ("/people/delete-with-history", Fixture, NULL, fixture_setup,
              test_delete_with_history, fixture_teardown);
  g_test_add ("/people/branch-and-leader-rules", Fixture, NULL, fixture_setup,
              test_branch_and_leader_rules, fixture_teardown);
  g_test_add ("/people/edits-are-logged", Fixture, NULL, fixture_setup, test_edits_are_logged,
              fixture_teardown);
  return g_test_run ();
}
