/* test-settings-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/activity/smt-settings-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "core/targets/smt-targets.h"
#include "smt-test-util.h"

/* Today is 30/06/2026 in every test register. */

static gint64
add_person (SmtRegister *reg,
            const char  *ho,
            const char  *ten,
            SmtSex       sex,
            int          birth_year)
{
  g_autoptr(GError) error = NULL;
  SmtPersonFields f = { .ho = ho, .chu_lot = "Văn", .ten = ten, .sex = sex,
                        .birth_year = birth_year };
  gint64 id = smt_person_add (reg, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
move (SmtRegister *reg,
      gint64       person,
      gint64       household,
      const char  *date)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_residence_move (reg, person, household, date, FALSE, "", &error), >, 0);
  g_assert_no_error (error);
}

/* Three hamlets; people who live, moved, left, died, or are still to come. */
static void
test_hamlets (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtRegister *reg = t->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 h_b, h_a, h_d, hh1, hh2, hh3, hh4;
  gint64 p[7];
  const SmtHamletRow *row;

  h_b = smt_hamlet_add (reg, "Bình Yên", "ấp", &error);
  g_assert_no_error (error);
  h_a = smt_hamlet_add (reg, "Ấp Một", "ấp", &error);
  g_assert_no_error (error);
  h_d = smt_hamlet_add (reg, "Đông Hòa", "khu phố", &error);
  g_assert_no_error (error);

  hh1 = smt_household_add (reg, h_a, "1 Đường Chính", NULL, &error);
  hh2 = smt_household_add (reg, h_a, "2 Đường Chính", NULL, &error);
  hh3 = smt_household_add (reg, h_b, "3 Đường Sông", NULL, &error);
  hh4 = smt_household_add (reg, h_b, "4 Đường Sông", NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (p); i++)
    p[i] = add_person (reg, "Lê", i % 2 ? "Hoa" : "Nam", i % 2 ? SMT_SEX_FEMALE : SMT_SEX_MALE,
                       1970 + i);
  move (reg, p[0], hh1, "2020-01-01");   /* Ấp Một, hh1 */
  move (reg, p[1], hh1, "2020-01-01");   /* Ấp Một, hh1 */
  move (reg, p[2], hh3, "2020-01-01");   /* Bình Yên, then Ấp Một hh2 */
  move (reg, p[2], hh2, "2025-03-01");
  move (reg, p[3], hh4, "2020-01-01");   /* Bình Yên, then left the commune */
  move (reg, p[3], 0, "2024-01-01");
  move (reg, p[4], hh4, "2020-01-01");   /* Bình Yên, died */
  g_assert_true (smt_person_record_death (reg, p[4], "2026-01-10", "", &error));
  g_assert_no_error (error);
  move (reg, p[5], hh3, "2020-01-01");   /* Bình Yên hh3 */
  move (reg, p[6], hh3, "2020-01-01");   /* Bình Yên hh3 */

  list = smt_settings_hamlets (reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  /* In the order they were entered (their position), not by name. */
  row = g_ptr_array_index (list, 1);
  g_assert_cmpint (row->id, ==, h_a);
  g_assert_cmpstr (row->name, ==, "Ấp Một");
  g_assert_cmpstr (row->kind, ==, "ấp");
  g_assert_cmpuint (row->households, ==, 2);   /* hh1, hh2 */
  g_assert_cmpuint (row->people, ==, 3);       /* p0, p1, p2 */
  row = g_ptr_array_index (list, 0);
  g_assert_cmpint (row->id, ==, h_b);
  g_assert_cmpuint (row->households, ==, 1);   /* hh3 only: hh4's left and died */
  g_assert_cmpuint (row->people, ==, 2);       /* p5, p6 */
  row = g_ptr_array_index (list, 2);
  g_assert_cmpint (row->id, ==, h_d);
  g_assert_cmpstr (row->kind, ==, "khu phố");
  g_assert_cmpuint (row->households, ==, 0);
  g_assert_cmpuint (row->people, ==, 0);

  /* A rename shows at once. */
  g_assert_true (smt_hamlet_rename (reg, h_d, "Đông Hòa Mới", "tổ dân phố", &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smt_settings_hamlets (reg, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (list, 2);
  g_assert_cmpstr (row->name, ==, "Đông Hòa Mới");
  g_assert_cmpstr (row->kind, ==, "tổ dân phố");
  row = g_ptr_array_index (list, 0);
  g_assert_cmpuint (row->people, ==, 2);

  /* A hamlet with households cannot go; an empty one can. */
  g_assert_false (smt_hamlet_delete (reg, h_b, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  g_assert_true (smt_hamlet_delete (reg, h_d, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smt_settings_hamlets (reg, &error);
  g_assert_cmpuint (list->len, ==, 2);

  smt_test_register_free (t);
}

static void
test_resolutions (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtRegister *reg = t->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SmtResolutionRow *r;
  const SmtTargetRow *tr;
  gint64 old, newer;
  SmtTargetFields f = { 0 };

  old = smt_resolution_add (reg, "06-NQ/TU", "Về công tác dân vận", "Tỉnh ủy", "2021-03-15",
                            NULL, "2025-12-31", &error);
  g_assert_no_error (error);
  newer = smt_resolution_add (reg, "11-CT/TU", "Về tập hợp quần chúng", "Tỉnh ủy",
                              "2024-05-02", "2024-06-01", NULL, &error);
  g_assert_no_error (error);

  /* Positions given out of order, one with a baseline and a ceiling. */
  f.resolution_id = old;
  f.indicator_code = "households_covered";
  f.position = 2;
  f.label = "Hộ có đoàn viên, hội viên";
  f.has_baseline = TRUE;
  f.baseline = 78.5;
  f.baseline_date = "2020-12-31";
  f.target = 82;
  f.deadline = "2025-12-31";
  g_assert_cmpint (smt_target_set (reg, &f, &error), >, 0);
  g_assert_no_error (error);
  memset (&f, 0, sizeof f);
  f.resolution_id = old;
  f.indicator_code = "gathering_rate:PN";
  f.position = 1;
  f.label = "Tỷ lệ tập hợp phụ nữ";
  f.target = 63;
  g_assert_cmpint (smt_target_set (reg, &f, &error), >, 0);
  g_assert_no_error (error);
  memset (&f, 0, sizeof f);
  f.resolution_id = newer;
  f.indicator_code = "poor_households";
  f.position = 1;
  f.label = "Hộ nghèo";
  f.target = 1.5;
  f.at_most = TRUE;
  g_assert_cmpint (smt_target_set (reg, &f, &error), >, 0);
  g_assert_no_error (error);

  list = smt_settings_resolutions (reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first. */
  r = g_ptr_array_index (list, 0);
  g_assert_cmpint (r->id, ==, newer);
  g_assert_cmpstr (r->number, ==, "11-CT/TU");
  g_assert_cmpstr (r->term_from, ==, "2024-06-01");
  g_assert_null (r->term_to);
  g_assert_cmpuint (r->targets->len, ==, 1);
  tr = g_ptr_array_index (r->targets, 0);
  g_assert_true (tr->at_most);
  g_assert_false (tr->has_baseline);
  g_assert_cmpfloat (tr->target, ==, 1.5);
  g_assert_null (tr->deadline);

  r = g_ptr_array_index (list, 1);
  g_assert_cmpstr (r->number, ==, "06-NQ/TU");
  g_assert_cmpstr (r->title, ==, "Về công tác dân vận");
  g_assert_cmpstr (r->issuer, ==, "Tỉnh ủy");
  g_assert_cmpstr (r->issued_on, ==, "2021-03-15");
  g_assert_cmpstr (r->term_from, ==, "2021-03-15");   /* defaults to the date of issue */
  g_assert_cmpstr (r->term_to, ==, "2025-12-31");
  g_assert_cmpuint (r->targets->len, ==, 2);
  tr = g_ptr_array_index (r->targets, 0);
  g_assert_cmpint (tr->position, ==, 1);
  g_assert_cmpstr (tr->indicator_code, ==, "gathering_rate:PN");
  g_assert_false (tr->has_baseline);
  g_assert_false (tr->at_most);
  g_assert_null (tr->baseline_date);
  tr = g_ptr_array_index (r->targets, 1);
  g_assert_cmpint (tr->position, ==, 2);
  g_assert_cmpstr (tr->indicator_code, ==, "households_covered");
  g_assert_cmpstr (tr->label, ==, "Hộ có đoàn viên, hội viên");
  g_assert_true (tr->has_baseline);
  g_assert_cmpfloat (tr->baseline, ==, 78.5);
  g_assert_cmpstr (tr->baseline_date, ==, "2020-12-31");
  g_assert_cmpfloat (tr->target, ==, 82);
  g_assert_cmpstr (tr->deadline, ==, "2025-12-31");

  smt_test_register_free (t);
}

/* A resolution corrected: its fields change, its targets stay, the change
 * is logged with the reason; a duplicate number or a term ending before it
 * starts is refused and writes nothing. */
static void
test_resolution_update (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtRegister *reg = t->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SmtResolutionRow *r;
  SmtTargetFields f = { 0 };
  gint64 a, b;

  a = smt_resolution_add (reg, "06-NQ/TU", "Về công tac dân vận", "Tỉnh ủy", "2021-03-15",
                          NULL, NULL, &error);
  b = smt_resolution_add (reg, "11-CT/TU", "Về tập hợp", "Tỉnh ủy", "2024-05-02", NULL, NULL,
                          &error);
  g_assert_no_error (error);
  f = (SmtTargetFields) { .resolution_id = a, .indicator_code = "households_covered",
                          .position = 1, .label = "Hộ có hội viên", .target = 82 };
  g_assert_cmpint (smt_target_set (reg, &f, &error), >, 0);

  g_assert_true (smt_resolution_update (reg, a, "06-NQ/TU", "Về công tác dân vận", "Tỉnh ủy",
                                        "2021-03-15", "2021-04-01", "2025-12-31",
                                        "sửa lỗi chính tả", &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (reg, 0, "SELECT count(*) FROM change_log WHERE "
                                           "table_name = 'resolution' AND action = 'update' "
                                           "AND row_id = ?1 AND reason = 'sửa lỗi chính tả'",
                                           a), ==, 1);
  /* The same values again: nothing logged. */
  g_assert_true (smt_resolution_update (reg, a, "06-NQ/TU", "Về công tác dân vận", "Tỉnh ủy",
                                        "2021-03-15", "2021-04-01", "2025-12-31", "", &error));
  g_assert_cmpint (smt_register_query_int (reg, 0, "SELECT count(*) FROM change_log WHERE "
                                           "table_name = 'resolution' AND action = 'update' "
                                           "AND row_id = ?1", a), ==, 1);

  g_assert_false (smt_resolution_update (reg, a, "11-ct/tu", "X", "Tỉnh ủy", "2021-03-15",
                                         NULL, NULL, "", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (smt_resolution_update (reg, b, "11-CT/TU", "Về tập hợp", "Tỉnh ủy",
                                         "2024-05-02", "2024-06-01", "2024-01-01", "", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
  g_clear_error (&error);

  list = smt_settings_resolutions (reg, &error);
  r = g_ptr_array_index (list, 1);
  g_assert_cmpint (r->id, ==, a);
  g_assert_cmpstr (r->title, ==, "Về công tác dân vận");
  g_assert_cmpstr (r->term_from, ==, "2021-04-01");
  g_assert_cmpstr (r->term_to, ==, "2025-12-31");
  g_assert_cmpuint (r->targets->len, ==, 1);
  r = g_ptr_array_index (list, 0);
  g_assert_cmpstr (r->term_from, ==, "2024-05-02");
  g_assert_null (r->term_to);

  smt_test_register_free (t);
}

static void
test_officers (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtRegister *reg = t->reg;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 pn = smt_organisation_lookup (reg, "PN");
  gint64 a = add_person (reg, "Trần", "An", SMT_SEX_MALE, 1975);
  gint64 b = add_person (reg, "Võ", "Bình", SMT_SEX_FEMALE, 1980);
  gint64 c = add_person (reg, "Đỗ", "Châu", SMT_SEX_FEMALE, 1985);
  gint64 d = add_person (reg, "Lý", "Dũng", SMT_SEX_MALE, 1970);
  SmtOfficerFields f = { 0 };
  gint64 b_term, d_term, ended, end_today;
  const SmtOfficerRow *o;

  g_assert_cmpint (pn, >, 0);
  /* PN: a deputy and a head, both in office; a past head. */
  f = (SmtOfficerFields) { .organisation_id = pn, .person_id = c, .role = SMT_OFFICER_DEPUTY,
                           .from_date = "2024-01-01", .political_level = 1 };
  g_assert_cmpint (smt_officer_add (reg, &f, &error), >, 0);
  g_assert_no_error (error);
  f = (SmtOfficerFields) { .organisation_id = pn, .person_id = b, .role = SMT_OFFICER_HEAD,
                           .from_date = "2021-05-01", .political_level = 2,
                           .professional_level = 4 };
  b_term = smt_officer_add (reg, &f, &error);
  g_assert_no_error (error);
  f = (SmtOfficerFields) { .organisation_id = pn, .person_id = d, .role = SMT_OFFICER_HEAD,
                           .from_date = "2016-05-01" };
  d_term = smt_officer_add (reg, &f, &error);
  g_assert_no_error (error);
  ended = smt_officer_end (reg, d_term, "2021-04-30", "Hết nhiệm kỳ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ended, >, 0);
  /* The Mặt trận's own chair, whose term ends today. */
  f = (SmtOfficerFields) { .organisation_id = 0, .person_id = a, .role = SMT_OFFICER_HEAD,
                           .from_date = "2020-01-01", .political_level = 3,
                           .professional_level = 5 };
  end_today = smt_officer_add (reg, &f, &error);
  g_assert_no_error (error);

  list = smt_settings_officers (reg, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  o = g_ptr_array_index (list, 0);
  g_assert_cmpint (o->organisation_id, ==, 0);
  g_assert_cmpint (o->id, ==, end_today);
  g_assert_cmpstr (o->full_name, ==, "Trần Văn An");
  g_assert_true (o->current);
  g_assert_cmpint (o->political_level, ==, 3);
  g_assert_cmpint (o->professional_level, ==, 5);
  o = g_ptr_array_index (list, 1);
  g_assert_cmpint (o->id, ==, b_term);   /* head before deputy */
  g_assert_cmpint (o->organisation_id, ==, pn);
  g_assert_cmpint (o->role, ==, SMT_OFFICER_HEAD);
  g_assert_null (o->to_date);
  g_assert_cmpint (o->professional_level, ==, 4);
  o = g_ptr_array_index (list, 2);
  g_assert_cmpint (o->person_id, ==, c);
  g_assert_cmpint (o->role, ==, SMT_OFFICER_DEPUTY);
  o = g_ptr_array_index (list, 3);
  g_assert_cmpint (o->id, ==, ended);    /* the ended term's current row */
  g_assert_cmpint (o->person_id, ==, d);
  g_assert_false (o->current);
  g_assert_cmpstr (o->from_date, ==, "2016-05-01");
  g_assert_cmpstr (o->to_date, ==, "2021-04-30");
  g_assert_cmpstr (o->reason, ==, "Hết nhiệm kỳ");

  /* Without the past: three. Ending a term today makes it past at once. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smt_settings_officers (reg, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (smt_officer_end (reg, end_today, "2026-06-30", "Nghỉ hưu", &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smt_settings_officers (reg, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((const SmtOfficerRow *) g_ptr_array_index (list, 0))->organisation_id, ==, pn);

  smt_test_register_free (t);
}

static void
test_parse_number (void)
{
  static const struct { const char *text; gboolean ok; double value; } cases[] = {
    { "82", TRUE, 82 }, { "82,5", TRUE, 82.5 }, { "82.5", TRUE, 82.5 },
    { " 63 % ", TRUE, 63 }, { "-1,25", TRUE, -1.25 }, { "0", TRUE, 0 },
    { "", FALSE, 0 }, { "%", FALSE, 0 }, { "abc", FALSE, 0 }, { "1.234,5", FALSE, 0 },
    { "82x", FALSE, 0 }, { "nan", FALSE, 0 }, { "inf", FALSE, 0 }, { NULL, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double v = -99;

      g_assert_cmpint (smt_settings_parse_number (cases[i].text, &v), ==, cases[i].ok);
      g_assert_cmpfloat (v, ==, cases[i].value);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings-query/hamlets", test_hamlets);
  g_test_add_func ("/settings-query/resolutions", test_resolutions);
  g_test_add_func ("/settings-query/resolution-update", test_resolution_update);
  g_test_add_func ("/settings-query/officers", test_officers);
  g_test_add_func ("/settings-query/parse-number", test_parse_number);

  return g_test_run ();
}
