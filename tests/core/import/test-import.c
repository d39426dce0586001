/* test-import.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/import/smt-import-batch.h"
#include "core/import/smt-import-plan.h"
#include "core/indicators/smt-balance.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people-query.h"
#include "core/people/smt-people.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "core/targets/smt-catalogue.h"
#include "smt-test-util.h"

/* The register side of an import, on a hand-built commune: two hamlets,
 * Ấp Tân Hòa and Ấp Phú Lợi, each with a chi hội of the Hội Nông dân (ND,
 * 18 and older) and of the Hội Phụ nữ (PN, women 18 and older), all
 * founded on 01/01/2010; "today" is 30/06/2026. */

typedef struct
{
  SmtTestRegister *t;
  gint64           tan_hoa, phu_loi;          /* hamlets */
  gint64           nd_tan_hoa, nd_phu_loi;    /* branches */
  gint64           pn_tan_hoa, pn_phu_loi;
  gint64           nd, pn;                    /* organisations */
} Commune;

static void
commune_init (Commune *c)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg;

  c->t = smt_test_register_new ();
  reg = c->t->reg;
  c->tan_hoa = smt_hamlet_add (reg, "Tân Hòa", "ấp", &error);
  g_assert_no_error (error);
  c->phu_loi = smt_hamlet_add (reg, "Phú Lợi", "ấp", &error);
  g_assert_no_error (error);
  c->nd = smt_organisation_lookup (reg, "ND");
  c->pn = smt_organisation_lookup (reg, "PN");
  c->nd_tan_hoa = smt_branch_add (reg, c->nd, 0, "chi hội", "Chi hội Nông dân ấp Tân Hòa",
                                  &c->tan_hoa, 1, "2010-01-01", &error);
  g_assert_no_error (error);
  c->nd_phu_loi = smt_branch_add (reg, c->nd, 0, "chi hội", "Chi hội Nông dân ấp Phú Lợi",
                                  &c->phu_loi, 1, "2010-01-01", &error);
  g_assert_no_error (error);
  c->pn_tan_hoa = smt_branch_add (reg, c->pn, 0, "chi hội", "Chi hội Phụ nữ ấp Tân Hòa",
                                  &c->tan_hoa, 1, "2010-01-01", &error);
  g_assert_no_error (error);
  c->pn_phu_loi = smt_branch_add (reg, c->pn, 0, "chi hội", "Chi hội Phụ nữ ấp Phú Lợi",
                                  &c->phu_loi, 1, "2010-01-01", &error);
  g_assert_no_error (error);
}

static void
commune_clear (Commune *c)
{
  g_clear_pointer (&c->t, smt_test_register_free);
}

static SmtImportRow *
row_new (guint       source_row,
         const char *full_name,
         char        sex,
         int         birth_year,
         const char *hamlet,
         const char *address,
         const char *joined_on)
{
  SmtImportRow *row = smt_import_row_new (source_row);

  row->full_name = g_strdup (full_name);
  row->sex = sex;
  row->birth_year = birth_year;
  row->hamlet = g_strdup (hamlet);
  row->address = g_strdup (address);
  row->joined_on = g_strdup (joined_on);
  return row;
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) smt_import_row_free);
}

static SmtImportPlan *
plan_new (SmtRegister *reg,
          const char  *org,
          GPtrArray   *rows)
{
  g_autoptr(GError) error = NULL;
  SmtImportPlanOptions options = { .organisation = org, .file_name = "danh-sach.xlsx",
                                   .file_sha256 = "00", .sheet = "Sheet1" };
  SmtImportPlan *plan = smt_import_plan_new (reg, &options, rows, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static gboolean
has_problem (SmtImportPlan        *plan,
             guint                 index,
             SmtImportProblemCode  code,
             gboolean              blocking)
{
  const SmtImportPlanRow *r = smt_import_plan_get_row (plan, index);

  for (guint i = 0; i < r->problems->len; i++)
    {
      const SmtImportProblem *p = g_ptr_array_index (r->problems, i);

      if (p->code == code && p->blocking == blocking)
        return TRUE;
    }
  return FALSE;
}

static void
assert_clean (SmtRegister *reg)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  smt_register_check (reg, problems, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* The five rows of a Hội Nông dân list:
 * 2 Nguyễn Văn An, 1980, "ấp Tân Hòa" (found without "ấp" and tones), 12 đường A
 * 3 Nguyễn Thị Bình, 1982, "tan hoa", "12 Đường A": the same household as An
 *   (same hamlet, address and họ), An heading it
 * 4 Trần Văn Cường, 1975, Phú Lợi, no address, joined in 2019 only: 01/01/2019
 * 5 Lê Văn Dũng, 1990, "Ấp Không Có": no such hamlet, to decide
 * 6 Phạm Văn Em, 1985, Phú Lợi, CCCD "12345": left out, written all the same
 * So: 4 new persons, 3 households, 1 undecided. */
static GPtrArray *
five_rows (void)
{
  GPtrArray *rows = rows_new ();
  SmtImportRow *row;

  g_ptr_array_add (rows, row_new (2, "Nguyễn Văn An", 'M', 1980, "ấp Tân Hòa", "12 đường A",
                                  "2020-03-01"));
  g_ptr_array_add (rows, row_new (3, "Nguyễn Thị Bình", 'F', 1982, "tan hoa", "12 Đường A",
                                  "2020-03-01"));
  row = row_new (4, "Trần Văn Cường", 'M', 1975, "Phú Lợi", NULL, NULL);
  row->joined_year = 2019;
  g_ptr_array_add (rows, row);
  g_ptr_array_add (rows, row_new (5, "Lê Văn Dũng", 'M', 1990, "Ấp Không Có", NULL,
                                  "2020-03-01"));
  row = row_new (6, "Phạm Văn Em", 'M', 1985, "Phú Lợi", NULL, "2021-05-01");
  row->cccd = g_strdup ("12345");
  g_ptr_array_add (rows, row);
  return rows;
}

static void
test_plan (void)
{
  Commune c = { 0 };
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  SmtImportSummary s;
  const SmtImportPlanRow *r;
  gint64 batch = 0;
  SmtImportBatch *b;

  commune_init (&c);
  plan = plan_new (c.t->reg, "ND", five_rows ());
  smt_import_plan_get_summary (plan, &s);
  g_assert_cmpuint (s.rows_read, ==, 5);
  g_assert_cmpuint (s.new_persons, ==, 4);
  g_assert_cmpuint (s.new_memberships, ==, 0);
  g_assert_cmpuint (s.households, ==, 3);
  g_assert_cmpuint (s.undecided, ==, 1);
  g_assert_cmpuint (s.problems[SMT_IMPORT_PROBLEM_HAMLET], ==, 1);
  g_assert_cmpuint (s.problems[SMT_IMPORT_PROBLEM_CCCD], ==, 1);
  g_assert_cmpuint (smt_import_plan_n_undecided (plan), ==, 1);

  r = smt_import_plan_get_row (plan, 0);
  g_assert_cmpint (r->hamlet_id, ==, c.tan_hoa);
  g_assert_cmpint (r->branch_id, ==, c.nd_tan_hoa);
  g_assert_true (r->head);
  g_assert_cmpuint (smt_import_plan_get_row (plan, 1)->household, ==, r->household);
  g_assert_false (smt_import_plan_get_row (plan, 1)->head);
  r = smt_import_plan_get_row (plan, 2);
  g_assert_cmpstr (r->admitted_on, ==, "2019-01-01");
  g_assert_cmpint (r->branch_id, ==, c.nd_phu_loi);
  g_assert_true (has_problem (plan, 2, SMT_IMPORT_PROBLEM_DATE, FALSE));
  g_assert_cmpint (smt_import_plan_get_row (plan, 3)->status, ==, SMT_IMPORT_STATUS_UNDECIDED);
  g_assert_true (has_problem (plan, 3, SMT_IMPORT_PROBLEM_HAMLET, TRUE));
  g_assert_true (has_problem (plan, 4, SMT_IMPORT_PROBLEM_CCCD, FALSE));

  /* Refused while row 5 is undecided; nothing written. */
  g_assert_false (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM person"), ==, 0);

  g_assert_true (smt_import_plan_decide (plan, 3, SMT_IMPORT_SKIP, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (smt_import_plan_n_undecided (plan), ==, 0);
  g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (batch, >, 0);

  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM person "
                                           "WHERE import_batch_id = ?1", batch), ==, 4);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM household "
                                           "WHERE import_batch_id = ?1", batch), ==, 3);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM membership_event "
                                           "WHERE import_batch_id = ?1 AND kind = 'admitted'",
                                           batch), ==, 4);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM person "
                                           "WHERE cccd IS NOT NULL"), ==, 0);
  /* An is the head; Bình lives in his household. */
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM residence "
                                           "WHERE is_head = 1"), ==, 3);
  assert_clean (c.t->reg);

  batches = smt_import_batches_list (c.t->reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  b = g_ptr_array_index (batches, 0);
  g_assert_cmpint (b->id, ==, batch);
  g_assert_cmpstr (b->organisation, ==, "ND");
  g_assert_cmpstr (b->file_name, ==, "danh-sach.xlsx");
  g_assert_cmpuint (b->rows_read, ==, 5);
  g_assert_cmpuint (b->persons_added, ==, 4);
  g_assert_cmpuint (b->memberships_added, ==, 4);
  g_assert_cmpuint (b->households_added, ==, 3);
  g_assert_false (b->undone);
  commune_clear (&c);
}

/* A person already in the register, and how rows look like them. */
static gint64
person_in (SmtRegister *reg,
           const char  *ho,
           const char  *lot,
           const char  *ten,
           SmtSex       sex,
           int          year,
           const char  *cccd,
           gint64       hamlet,
           const char  *from)
{
  g_autoptr(GError) error = NULL;
  SmtPersonFields f = { .ho = ho, .chu_lot = lot, .ten = ten, .sex = sex, .birth_year = year,
                        .cccd = cccd };
  gint64 id = smt_person_add (reg, &f, &error);
  gint64 household;

  g_assert_no_error (error);
  household = smt_household_add (reg, hamlet, "", from, &error);
  g_assert_no_error (error);
  smt_residence_move (reg, id, household, from, TRUE, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_duplicates (void)
{
  Commune c = { 0 };
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = rows_new ();
  SmtImportRow *row;
  SmtImportSummary s;
  gint64 an, gam, batch = 0;

  commune_init (&c);
  an = person_in (c.t->reg, "Nguyễn", "Văn", "An", SMT_SEX_MALE, 1980, NULL, c.tan_hoa,
                  "2015-01-01");
  gam = person_in (c.t->reg, "Hồ", "Thị", "Gấm", SMT_SEX_FEMALE, 1979, "079123456789",
                   c.phu_loi, "2015-01-01");
  /* Row 2: folded name, year and hamlet are An's.
   * Row 3: another name, but Gấm's CCCD (written with spaces).
   * Row 4: row 2 again.
   * Row 5: An's name and year in the other hamlet: not alike. */
  g_ptr_array_add (rows, row_new (2, "NGUYỄN VĂN AN", 'M', 1980, "Tân Hòa", NULL, "2020-03-01"));
  row = row_new (3, "Hồ Thị Gấm Em", 'F', 1979, "Phú Lợi", NULL, "2020-03-01");
  row->cccd = g_strdup ("0791 2345 6789");
  g_ptr_array_add (rows, row);
  g_ptr_array_add (rows, row_new (4, "Nguyễn Văn An", 'M', 1980, "Tân Hòa", NULL, "2020-03-01"));
  g_ptr_array_add (rows, row_new (5, "Nguyễn Văn An", 'M', 1980, "Phú Lợi", NULL, "2020-03-01"));
  plan = plan_new (c.t->reg, "ND", rows);

  g_assert_cmpint (smt_import_plan_get_row (plan, 0)->candidate_id, ==, an);
  g_assert_true (has_problem (plan, 0, SMT_IMPORT_PROBLEM_DUPLICATE, TRUE));
  g_assert_cmpint (smt_import_plan_get_row (plan, 1)->candidate_id, ==, gam);
  g_assert_true (has_problem (plan, 1, SMT_IMPORT_PROBLEM_DUPLICATE, TRUE));
  g_assert_cmpuint (smt_import_plan_get_row (plan, 2)->repeats_row, ==, 1);
  g_assert_true (has_problem (plan, 2, SMT_IMPORT_PROBLEM_DUPLICATE_ROW, TRUE));
  g_assert_cmpint (smt_import_plan_get_row (plan, 3)->status, ==, SMT_IMPORT_STATUS_NEW_PERSON);
  g_assert_cmpuint (smt_import_plan_n_undecided (plan), ==, 3);

  g_assert_true (smt_import_plan_decide (plan, 0, SMT_IMPORT_SAME_PERSON, 0, &error));
  g_assert_true (smt_import_plan_decide (plan, 1, SMT_IMPORT_SAME_PERSON, gam, &error));
  g_assert_true (smt_import_plan_decide (plan, 2, SMT_IMPORT_SKIP, 0, &error));
  g_assert_no_error (error);
  smt_import_plan_get_summary (plan, &s);
  g_assert_cmpuint (s.new_memberships, ==, 2);
  g_assert_cmpuint (s.new_persons, ==, 1);
  g_assert_cmpuint (s.skipped, ==, 1);
  g_assert_cmpuint (s.undecided, ==, 0);
  g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_membership_state_on (c.t->reg, an, c.nd, "2020-03-01", NULL), ==,
                   SMT_MEMBER_ACTIVE);
  g_assert_cmpint (smt_membership_state_on (c.t->reg, gam, c.nd, "2020-03-01", NULL), ==,
                   SMT_MEMBER_ACTIVE);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM person"), ==, 3);
  assert_clean (c.t->reg);
  commune_clear (&c);
}

/* Households are proposed only where the address names a house:
 * 2 Nguyễn Văn Hai and 3 Nguyễn Thị Ba at "Tổ 3, ấp Tân Hòa" share a tổ,
 *   not a house: two households;
 * 4 Nguyễn Văn Bốn and 5 Nguyễn Thị Năm at "12 tổ 3": one household;
 * 6 Lê Văn Sáu at "Khu phố 2": a household of his own.
 * So: 5 new persons in 4 households. */
static void
test_households (void)
{
  Commune c = { 0 };
  GPtrArray *rows = rows_new ();
  g_autoptr(SmtImportPlan) plan = NULL;
  SmtImportSummary s;

  commune_init (&c);
  g_ptr_array_add (rows, row_new (2, "Nguyễn Văn Hai", 'M', 1970, "Tân Hòa", "Tổ 3, ấp Tân Hòa",
                                  "2020-03-01"));
  g_ptr_array_add (rows, row_new (3, "Nguyễn Thị Ba", 'F', 1972, "Tân Hòa", "Tổ 3, ấp Tân Hòa",
                                  "2020-03-01"));
  g_ptr_array_add (rows, row_new (4, "Nguyễn Văn Bốn", 'M', 1960, "Tân Hòa", "12 tổ 3",
                                  "2020-03-01"));
  g_ptr_array_add (rows, row_new (5, "Nguyễn Thị Năm", 'F', 1962, "Tân Hòa", "12 Tổ 3",
                                  "2020-03-01"));
  g_ptr_array_add (rows, row_new (6, "Lê Văn Sáu", 'M', 1980, "Tân Hòa", "Khu phố 2",
                                  "2020-03-01"));
  plan = plan_new (c.t->reg, "ND", rows);
  smt_import_plan_get_summary (plan, &s);
  g_assert_cmpuint (s.new_persons, ==, 5);
  g_assert_cmpuint (s.households, ==, 4);
  commune_clear (&c);
}

static void
test_twice (void)
{
  Commune c = { 0 };
  g_autoptr(GError) error = NULL;
  SmtImportSummary s;
  gint64 batch = 0;

  commune_init (&c);
  for (int round = 0; round < 2; round++)
    {
      g_autoptr(SmtImportPlan) plan = plan_new (c.t->reg, "ND", five_rows ());

      g_assert_true (smt_import_plan_decide (plan, 3, SMT_IMPORT_SKIP, 0, &error));
      smt_import_plan_get_summary (plan, &s);
      /* The second time, every row is a person the first import created and a
       * member on its date: nothing to add. */
      g_assert_cmpuint (s.new_persons, ==, round == 0 ? 4 : 0);
      g_assert_cmpuint (s.already_members, ==, round == 0 ? 0 : 4);
      /* Being a member already is a status, not a problem. */
      g_assert_cmpuint (s.problems[SMT_IMPORT_PROBLEM_DUPLICATE], ==, 0);
      g_assert_cmpuint (s.households, ==, round == 0 ? 3 : 0);
      g_assert_cmpuint (s.undecided, ==, 0);
      g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM person"), ==, 4);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM membership_event"),
                   ==, 4);
  /* The journal shows the four as imported from a list, not as kết nạp:
   * every kind, only imports, only admissions. */
  {
    SmtEventFilter filter = { NULL, NULL, 0, -1 };
    g_autoptr(GPtrArray) all = smt_events_list (c.t->reg, &filter, &error);
    g_autoptr(GPtrArray) imported = NULL;
    g_autoptr(GPtrArray) admitted = NULL;
    guint counts[SMT_N_JOURNAL_KINDS] = { 0 };

    g_assert_no_error (error);
    smt_events_count (all, counts);
    g_assert_cmpuint (counts[SMT_JOURNAL_IMPORTED], ==, 4);
    g_assert_cmpuint (counts[SMT_EVENT_ADMITTED], ==, 0);
    filter.kind = SMT_JOURNAL_IMPORTED;
    imported = smt_events_list (c.t->reg, &filter, &error);
    g_assert_cmpuint (imported->len, ==, 4);
    g_assert_cmpstr (smt_journal_kind_label (((SmtEventRow *) imported->pdata[0])->journal_kind),
                     ==, "Nhập từ danh sách");
    filter.kind = SMT_EVENT_ADMITTED;
    admitted = smt_events_list (c.t->reg, &filter, &error);
    g_assert_cmpuint (admitted->len, ==, 0);
  }
  /* The second import added nobody, so it left no batch behind. */
  g_assert_cmpint (batch, ==, 0);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM import_batch"),
                   ==, 1);
  assert_clean (c.t->reg);
  commune_clear (&c);
}

/* n rows of invented people of the Hội Nông dân, all different: họ, chữ lót
 * and tên cycle through 6 × 4 × 13 combinations; born 1950 … 1999; half in
 * each hamlet; admitted in 2020 (month 1 + i mod 12, day 1 + i mod 28);
 * without an address when plain (one household each). */
static GPtrArray *
many_rows (guint    n,
           gboolean plain)
{
  static const char *ho[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Huỳnh" };
  static const char *lot[] = { "Văn", "Thị", "Minh", "Hữu" };
  static const char *ten[] = { "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan",
                               "Minh", "Nga", "Phúc", "Quý", "Sơn" };
  GPtrArray *rows = rows_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s %s", ho[i % 6], lot[(i / 6) % 4],
                                               ten[(i / 24) % 13]);
      g_autofree char *date = g_strdup_printf ("2020-%02u-%02u", 1 + i % 12, 1 + i % 28);
      g_autofree char *address = g_strdup_printf ("%u đường số %u", i / 3, i % 7);

      g_ptr_array_add (rows, row_new (i + 2, name, strcmp (lot[(i / 6) % 4], "Thị") == 0
                                                   ? 'F' : 'M',
                                      1950 + (int) (i % 50), i % 2 ? "Phú Lợi" : "Tân Hòa",
                                      plain ? NULL : address, date));
    }
  return rows;
}

static void
cancel_on_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  (void) done;
  (void) total;
  g_cancellable_cancel (user_data);
}

static void
test_failed_and_cancelled (void)
{
  Commune c = { 0 };
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GPtrArray *rows = many_rows (300, FALSE);
  SmtImportRow *last = g_ptr_array_index (rows, rows->len - 1);
  gint64 batch = 0;

  commune_init (&c);
  last->cccd = g_strdup ("079200000001");
  plan = plan_new (c.t->reg, "ND", rows);
  g_assert_cmpuint (smt_import_plan_n_undecided (plan), ==, 0);

  /* Cancelled from the progress callback: rolled back. */
  before = smt_register_content_hash (c.t->reg, &error);
  g_assert_no_error (error);
  g_assert_false (smt_import_plan_apply (plan, cancellable, cancel_on_progress, cancellable,
                                         &batch, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = smt_register_content_hash (c.t->reg, &error);
  g_assert_cmpstr (before, ==, after);

  /* Someone takes the last row's CCCD after the plan was made: the last
   * row fails on the register's rule, and nothing of the 299 before it
   * stays. */
  {
    SmtPersonFields f = { .ho = "Đặng", .ten = "Tâm", .sex = SMT_SEX_MALE, .birth_year = 1970,
                          .cccd = "079200000001" };

    smt_person_add (c.t->reg, &f, &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = smt_register_content_hash (c.t->reg, &error);
  g_assert_false (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  after = smt_register_content_hash (c.t->reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM import_batch"),
                   ==, 0);
  commune_clear (&c);
}

/* ---- figures ------------------------------------------------------------------ */

/* Every computed indicator of the catalogue for each period, then every
 * figure of the balance, as text: two registers with the same figures
 * give the same text. skip_flows leaves out what an import counts apart
 * (members_admitted, the balance's admitted and imported). */
static char *
figures_text (SmtRegister *reg,
              GPtrArray   *periods,
              gboolean     skip_flows)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  const SmtIndicatorInfo *all;
  guint n;

  all = smt_catalogue_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      SmtIndicatorQuery q = { 0 };
      g_autoptr(GPtrArray) results = NULL;

      if (all[i].source != SMT_INDICATOR_COMPUTED
          || (skip_flows && strcmp (all[i].code, "members_admitted") == 0))
        continue;
      results = smt_indicator_compute_series (reg, all[i].code,
                                              (SmtPeriod * const *) periods->pdata,
                                              periods->len, &q, &error);
      g_assert_no_error (error);
      for (guint p = 0; p < results->len; p++)
        {
          SmtIndicatorResult *r = g_ptr_array_index (results, p);

          g_string_append_printf (out, "%s %u %d %.4f %.4f %.4f\n", all[i].code, p, r->defined,
                                  r->numerator, r->denominator, r->value);
        }
    }
  series = smt_balance_compute_series (reg, (SmtPeriod * const *) periods->pdata, periods->len,
                                       0, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < series->len; p++)
    {
      GPtrArray *rows = g_ptr_array_index (series, p);

      for (guint i = 0; i < rows->len; i++)
        {
          const SmtBalanceRow *b = g_ptr_array_index (rows, i);

          g_string_append_printf (out, "balance %u %s %" G_GINT64_FORMAT " %u %u", p,
                                  b->organisation, b->hamlet_id, b->start, b->end);
          for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
            if (!skip_flows || (k != SMT_BALANCE_ADMITTED && k != SMT_BALANCE_IMPORTED))
              g_string_append_printf (out, " +%u", b->increases[k]);
            else
              g_string_append_printf (out, " +(%u)", b->increases[SMT_BALANCE_ADMITTED]
                                                     + b->increases[SMT_BALANCE_IMPORTED]);
          for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
            g_string_append_printf (out, " -%u", b->decreases[k]);
          for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
            g_string_append_printf (out, " ~%u", b->moves[k]);
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The people list as the window shows it (everyone, by given name). */
static char *
people_text (SmtRegister *reg)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SmtPeopleFilter filter = { 0 };
  g_autoptr(GArray) ids = smt_people_query_ids (reg, &filter, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i += 512)
    {
      SmtPersonRow rows[512] = { 0 };
      guint n = MIN (512, ids->len - i);

      g_assert_true (smt_people_fetch_rows (reg, &g_array_index (ids, gint64, i), n, NULL, rows,
                                            &error));
      g_assert_no_error (error);
      for (guint k = 0; k < n; k++)
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT " %s %c %d %s %s\n", rows[k].id,
                                  rows[k].full_name, rows[k].sex, rows[k].birth_year,
                                  rows[k].hamlet, rows[k].organisations);
          smt_person_row_clear (&rows[k]);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
months_of (int first_year,
           int last_year)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_period_free);

  for (int y = first_year; y <= last_year; y++)
    for (int m = 1; m <= 12; m++)
      g_ptr_array_add (periods, smt_period_new_month (y, m));
  return periods;
}

/* Some history of its own before an import: three members of the Hội Nông
 * dân admitted in 2019, one of whom leaves in 2021, and a woman of the Hội
 * Phụ nữ. */
static void
own_history (Commune *c)
{
  g_autoptr(GError) error = NULL;
  gint64 a = person_in (c->t->reg, "Đỗ", "Văn", "Tài", SMT_SEX_MALE, 1970, NULL, c->tan_hoa,
                        "2010-01-01");
  gint64 b = person_in (c->t->reg, "Đỗ", "Thị", "Tuyết", SMT_SEX_FEMALE, 1972, NULL,
                        c->tan_hoa, "2010-01-01");
  gint64 d = person_in (c->t->reg, "Mai", "Văn", "Tùng", SMT_SEX_MALE, 1960, NULL, c->phu_loi,
                        "2010-01-01");
  SmtMembershipChange ch = { .kind = SMT_EVENT_ADMITTED, .person_id = a,
                             .branch_id = c->nd_tan_hoa, .date = "2019-04-02" };

  smt_membership_record (c->t->reg, &ch, &error);
  ch.person_id = b;
  smt_membership_record (c->t->reg, &ch, &error);
  ch.person_id = d;
  ch.branch_id = c->nd_phu_loi;
  smt_membership_record (c->t->reg, &ch, &error);
  g_assert_no_error (error);
  ch.person_id = b;
  ch.branch_id = c->pn_tan_hoa;
  smt_membership_record (c->t->reg, &ch, &error);
  g_assert_no_error (error);
  ch = (SmtMembershipChange) { .kind = SMT_EVENT_LEFT, .person_id = d, .organisation_id = c->nd,
                               .date = "2021-08-15", .reason = "chuyển nơi khác" };
  smt_membership_record (c->t->reg, &ch, &error);
  g_assert_no_error (error);
}

static void
test_undo (void)
{
  Commune c = { 0 };
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = months_of (2019, 2022);
  g_autoptr(GPtrArray) batches = NULL;
  g_autofree char *figures_before = NULL;
  g_autofree char *figures_after = NULL;
  g_autofree char *figures_imported = NULL;
  g_autofree char *people_before = NULL;
  g_autofree char *people_after = NULL;
  gint64 batch = 0;

  commune_init (&c);
  own_history (&c);
  g_ptr_array_add (periods, smt_period_new_month (2026, 6));
  figures_before = figures_text (c.t->reg, periods, FALSE);
  people_before = people_text (c.t->reg);

  plan = plan_new (c.t->reg, "ND", many_rows (300, FALSE));
  g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_no_error (error);
  figures_imported = figures_text (c.t->reg, periods, FALSE);
  g_assert_cmpstr (figures_imported, !=, figures_before);

  g_assert_false (smt_import_batch_undo (c.t->reg, batch, "", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (smt_import_batch_undo (c.t->reg, batch, "nhầm danh sách", &error));
  g_assert_no_error (error);

  figures_after = figures_text (c.t->reg, periods, FALSE);
  people_after = people_text (c.t->reg);
  g_assert_cmpstr (figures_after, ==, figures_before);
  g_assert_cmpstr (people_after, ==, people_before);
  assert_clean (c.t->reg);

  /* The batch and its undo stay; a second undo is refused. */
  batches = smt_import_batches_list (c.t->reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_true (((SmtImportBatch *) g_ptr_array_index (batches, 0))->undone);
  g_assert_cmpstr (((SmtImportBatch *) g_ptr_array_index (batches, 0))->undo_reason, ==,
                   "nhầm danh sách");
  g_assert_false (smt_import_batch_undo (c.t->reg, batch, "lại", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);
  /* History of no undone batch still cannot be deleted. */
  g_assert_cmpint (sqlite3_exec (smt_register_get_db (c.t->reg), "DELETE FROM membership_event",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  commune_clear (&c);
}

static void
test_undo_refused (void)
{
  Commune c = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = rows_new ();
  g_autoptr(SmtImportPlan) plan = NULL;
  gint64 tai, batch = 0, left, person;
  SmtMembershipChange ch = { 0 };

  commune_init (&c);
  tai = person_in (c.t->reg, "Đỗ", "Văn", "Tài", SMT_SEX_MALE, 1970, NULL, c.tan_hoa,
                   "2010-01-01");
  /* Row 2: Tài (same person), row 3: a new person. */
  g_ptr_array_add (rows, row_new (2, "Đỗ Văn Tài", 'M', 1970, "Tân Hòa", NULL, "2020-05-01"));
  g_ptr_array_add (rows, row_new (3, "Mai Văn Tùng", 'M', 1960, "Phú Lợi", NULL, "2020-05-01"));
  plan = plan_new (c.t->reg, "ND", rows);
  g_assert_true (smt_import_plan_decide (plan, 0, SMT_IMPORT_SAME_PERSON, tai, &error));
  g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_no_error (error);
  person = smt_import_plan_get_row (plan, 1)->person_id;
  g_assert_cmpint (person, >, 0);

  /* Tài leaves in 2022: his history needs the imported admission. */
  ch = (SmtMembershipChange) { .kind = SMT_EVENT_LEFT, .person_id = tai, .organisation_id = c.nd,
                               .date = "2022-01-10" };
  left = smt_membership_record (c.t->reg, &ch, &error);
  g_assert_no_error (error);
  g_assert_false (smt_import_batch_undo (c.t->reg, batch, "nhầm", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1 "));
  g_clear_error (&error);

  /* Voided, the later event no longer depends on it… */
  ch = (SmtMembershipChange) { .kind = SMT_EVENT_VOID, .voids_event_id = left,
                               .reason = "ghi nhầm" };
  smt_membership_record (c.t->reg, &ch, &error);
  g_assert_no_error (error);
  /* …but a new person of the batch who went away is another person's
   * history now: refused, saying so. */
  ch = (SmtMembershipChange) { .kind = SMT_EVENT_AWAY, .person_id = person,
                               .organisation_id = c.nd, .date = "2023-02-01" };
  smt_membership_record (c.t->reg, &ch, &error);
  g_assert_no_error (error);
  g_assert_false (smt_import_batch_undo (c.t->reg, batch, "nhầm", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (smt_register_query_int (c.t->reg, -1, "SELECT count(*) FROM import_undo"),
                   ==, 0);
  commune_clear (&c);
}

/* Two communes built the same way: in one the 300 members of a 2020 list
 * are imported, in the other the same people are added and admitted one
 * by one on the same dates, each living in a household of their own from
 * that date. Every figure of every month of 2020 and 2021 is the same,
 * except the biến động counts: the import is its own line there
 * ("imported"), the other has admissions; members_admitted counts the
 * admissions only. */
static void
test_same_as_admissions (void)
{
  Commune a = { 0 }, b = { 0 };
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = months_of (2020, 2021);
  g_autoptr(GPtrArray) rows = many_rows (300, TRUE);
  g_autoptr(SmtPeriod) year = smt_period_new_year (2020);
  g_autoptr(GPtrArray) balance_a = NULL;
  g_autoptr(GPtrArray) balance_b = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  SmtIndicatorQuery q = { 0 };
  g_autoptr(SmtIndicatorResult) admitted_a = NULL;
  g_autoptr(SmtIndicatorResult) admitted_b = NULL;
  gint64 batch = 0;

  commune_init (&a);
  commune_init (&b);
  own_history (&a);
  own_history (&b);

  /* B: one by one, from the same rows. */
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *ho = NULL, *lot = NULL, *ten = NULL;
      SmtPersonFields f = { 0 };
      gint64 hamlet = i % 2 ? b.phu_loi : b.tan_hoa;
      gint64 person, household;
      SmtMembershipChange ch = { .kind = SMT_EVENT_ADMITTED,
                                 .branch_id = i % 2 ? b.nd_phu_loi : b.nd_tan_hoa,
                                 .date = row->joined_on };

      smt_text_split_name (row->full_name, &ho, &lot, &ten);
      f = (SmtPersonFields) { .ho = ho, .chu_lot = lot, .ten = ten, .sex = row->sex,
                              .birth_year = row->birth_year };
      person = smt_person_add (b.t->reg, &f, &error);
      g_assert_no_error (error);
      household = smt_household_add (b.t->reg, hamlet, "", row->joined_on, &error);
      g_assert_no_error (error);
      smt_residence_move (b.t->reg, person, household, row->joined_on, TRUE, NULL, &error);
      g_assert_no_error (error);
      ch.person_id = person;
      smt_membership_record (b.t->reg, &ch, &error);
      g_assert_no_error (error);
    }

  /* A: the import. */
  plan = plan_new (a.t->reg, "ND", g_ptr_array_ref (rows));
  g_assert_cmpuint (smt_import_plan_n_undecided (plan), ==, 0);
  g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_no_error (error);
  assert_clean (a.t->reg);
  assert_clean (b.t->reg);

  text_a = figures_text (a.t->reg, periods, TRUE);
  text_b = figures_text (b.t->reg, periods, TRUE);
  g_assert_cmpstr (text_a, ==, text_b);

  /* The biến động: 300 imported in A, 300 admitted in B; the commune row of
   * the Hội Nông dân for 2020 (the three admissions of 2019 are before). */
  balance_a = smt_balance_compute (a.t->reg, year, a.nd, &error);
  g_assert_no_error (error);
  balance_b = smt_balance_compute (b.t->reg, year, b.nd, &error);
  g_assert_no_error (error);
  {
    const SmtBalanceRow *ra = g_ptr_array_index (balance_a, 0);
    const SmtBalanceRow *rb = g_ptr_array_index (balance_b, 0);

    g_assert_cmpint (ra->hamlet_id, ==, 0);
    g_assert_cmpuint (ra->increases[SMT_BALANCE_IMPORTED], ==, 300);
    g_assert_cmpuint (ra->increases[SMT_BALANCE_ADMITTED], ==, 0);
    g_assert_cmpuint (rb->increases[SMT_BALANCE_ADMITTED], ==, 300);
    g_assert_cmpuint (rb->increases[SMT_BALANCE_IMPORTED], ==, 0);
    g_assert_cmpuint (ra->start, ==, 3);
    g_assert_cmpuint (ra->end, ==, 303);
    g_assert_cmpuint (ra->start + smt_balance_row_increased (ra)
                      - smt_balance_row_decreased (ra), ==, ra->end);
    g_assert_cmpuint (ra->end, ==, rb->end);
  }
  /* members_admitted (socio-political organisations): the admissions only. */
  admitted_a = smt_indicator_compute (a.t->reg, "members_admitted", year, &q, &error);
  g_assert_no_error (error);
  admitted_b = smt_indicator_compute (b.t->reg, "members_admitted", year, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (admitted_a->value, ==, 0);
  g_assert_cmpfloat (admitted_b->value, ==, 300);
  commune_clear (&a);
  commune_clear (&b);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/import/plan", test_plan);
  g_test_add_func ("/import/duplicates", test_duplicates);
  g_test_add_func ("/import/households", test_households);
  g_test_add_func ("/import/twice", test_twice);
  g_test_add_func ("/import/failed-and-cancelled", test_failed_and_cancelled);
  g_test_add_func ("/import/undo", test_undo);
  g_test_add_func ("/import/undo-refused", test_undo_refused);
  g_test_add_func ("/import/same-as-admissions", test_same_as_admissions);
  return g_test_run ();
}
