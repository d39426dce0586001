/* test-household-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/check/smt-check.h"
#include "core/people/smt-household-query.h"
#include "core/people/smt-households.h"
#include "core/people/smt-people.h"
#include "core/register/smt-locale.h"
#include "smt-test-util.h"

/* ---- a hand-built commune --------------------------------------------------
 *
 * Ấp 1:  H_TEN  "Số 10, tổ 1": Nguyễn Văn Ba (head since 2000), Trần Thị Tư,
 *                              Nguyễn Thị Lan, Nguyễn Văn Nam (from H_TWO in 2015)
 *        H_TWO  "Số 2, tổ 1":  Lê Văn Đức (head), Lê Thị Hoa (died 2025-01-01),
 *                              Nam from 2010 to 2015
 * Ấp 2:  H_FIVE "Số 5":        Phạm Văn Khách 2010, left the commune in 2020
 * Lan's move to H_TWO in 2026 was voided: she still lives in H_TEN. */

enum { H_TEN, H_TWO, H_FIVE, N_HOUSEHOLDS };
enum { P_BA, P_TU, P_LAN, P_NAM, P_DUC, P_HOA, P_KHACH, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           hamlet1, hamlet2;
  gint64           household[N_HOUSEHOLDS];
  gint64           person[N_PEOPLE];
} World;

static gint64
person (World      *w,
        const char *ho,
        const char *lot,
        const char *ten,
        SmtSex      sex,
        int         year)
{
  g_autoptr(GError) error = NULL;
  SmtPersonFields f = { .ho = ho, .chu_lot = lot, .ten = ten, .sex = sex, .birth_year = year };
  gint64 id = smt_person_add (w->reg, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static gint64
move (World      *w,
      int         who,
      gint64      household,
      const char *date,
      gboolean    head)
{
  g_autoptr(GError) error = NULL;
  gint64 id = smt_residence_move (w->reg, w->person[who], household, date, head, "", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 wrong;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  w->hamlet1 = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  w->hamlet2 = smt_hamlet_add (w->reg, "Ấp 2", "ấp", &error);
  g_assert_no_error (error);
  w->household[H_TEN] = smt_household_add (w->reg, w->hamlet1, "Số 10, tổ 1", NULL, &error);
  g_assert_no_error (error);
  w->household[H_TWO] = smt_household_add (w->reg, w->hamlet1, "Số 2, tổ 1", NULL, &error);
  g_assert_no_error (error);
  w->household[H_FIVE] = smt_household_add (w->reg, w->hamlet2, "Số 5", NULL, &error);
  g_assert_no_error (error);

  w->person[P_BA] = person (w, "Nguyễn", "Văn", "Ba", SMT_SEX_MALE, 1960);
  w->person[P_TU] = person (w, "Trần", "Thị", "Tư", SMT_SEX_FEMALE, 1962);
  w->person[P_LAN] = person (w, "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, 1990);
  w->person[P_NAM] = person (w, "Nguyễn", "Văn", "Nam", SMT_SEX_MALE, 1995);
  w->person[P_DUC] = person (w, "Lê", "Văn", "Đức", SMT_SEX_MALE, 1970);
  w->person[P_HOA] = person (w, "Lê", "Thị", "Hoa", SMT_SEX_FEMALE, 1940);
  w->person[P_KHACH] = person (w, "Phạm", "Văn", "Khách", SMT_SEX_MALE, 1980);

  move (w, P_BA, w->household[H_TEN], "2000-01-01", TRUE);
  move (w, P_TU, w->household[H_TEN], "2000-01-01", FALSE);
  move (w, P_LAN, w->household[H_TEN], "2000-01-01", FALSE);
  move (w, P_DUC, w->household[H_TWO], "2005-03-01", TRUE);
  move (w, P_HOA, w->household[H_TWO], "2005-03-01", FALSE);
  move (w, P_NAM, w->household[H_TWO], "2010-01-01", FALSE);
  move (w, P_NAM, w->household[H_TEN], "2015-06-01", FALSE);
  move (w, P_KHACH, w->household[H_FIVE], "2010-01-01", TRUE);
  move (w, P_KHACH, 0, "2020-01-01", FALSE);
  wrong = move (w, P_LAN, w->household[H_TWO], "2026-01-01", FALSE);
  g_assert_cmpint (smt_residence_void (w->reg, wrong, "Nhập nhầm", &error), !=, 0);
  g_assert_no_error (error);
  g_assert_true (smt_person_record_death (w->reg, w->person[P_HOA], "2025-01-01", "", &error));
  g_assert_no_error (error);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static void
assert_members (World      *w,
                int         household,
                gint64      household_id,
                const char *date,
                const int  *expected,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = smt_household_members (w->reg,
      household_id != 0 ? household_id : w->household[household], date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (members);
  g_assert_cmpuint (members->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const SmtHouseholdMember *m = g_ptr_array_index (members, i);

      g_assert_cmpint (m->person_id, ==, w->person[expected[i]]);
    }
}

/* ---- tests ------------------------------------------------------------------- */

static void
test_list (World         *w,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = smt_households_list (w->reg, w->hamlet1, NULL, &error);
  const SmtHouseholdInfo *h;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* "Số 2" before "Số 10": numbers in addresses compare as numbers. */
  h = g_ptr_array_index (list, 0);
  g_assert_cmpint (h->id, ==, w->household[H_TWO]);
  g_assert_cmpstr (h->hamlet, ==, "Ấp 1");
  g_assert_cmpstr (h->address, ==, "Số 2, tổ 1");
  g_assert_cmpint (h->head_id, ==, w->person[P_DUC]);
  g_assert_cmpstr (h->head, ==, "Lê Văn Đức");
  /* Hoa died, Nam moved on: Đức alone lives there today. */
  g_assert_cmpuint (h->members, ==, 1);
  g_assert_cmpstr (h->label, ==, "Hộ Lê Văn Đức — Số 2, tổ 1, Ấp 1");
  h = g_ptr_array_index (list, 1);
  g_assert_cmpint (h->id, ==, w->household[H_TEN]);
  g_assert_cmpint (h->head_id, ==, w->person[P_BA]);
  g_assert_cmpstr (h->head, ==, "Nguyễn Văn Ba");
  g_assert_cmpuint (h->members, ==, 4);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Every hamlet: Ấp 1's, then Ấp 2's empty household without a head. */
  list = smt_households_list (w->reg, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  h = g_ptr_array_index (list, 2);
  g_assert_cmpint (h->id, ==, w->household[H_FIVE]);
  g_assert_cmpuint (h->members, ==, 0);
  g_assert_cmpint (h->head_id, ==, 0);
  g_assert_cmpstr (h->head, ==, "");
  g_assert_cmpstr (h->label, ==, "Hộ ở Số 5, Ấp 2");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* In 2012 Hoa lived and Nam was in H_TWO; Khách lived in Ấp 2. */
  list = smt_households_list (w->reg, 0, "2012-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((SmtHouseholdInfo *) g_ptr_array_index (list, 0))->members, ==, 3);
  g_assert_cmpuint (((SmtHouseholdInfo *) g_ptr_array_index (list, 1))->members, ==, 3);
  g_assert_cmpuint (((SmtHouseholdInfo *) g_ptr_array_index (list, 2))->members, ==, 1);
  g_assert_cmpstr (((SmtHouseholdInfo *) g_ptr_array_index (list, 2))->head, ==,
                   "Phạm Văn Khách");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* What is kept between lists goes when the register changes: Nam moves
   * to Ấp 2 and the next list counts him there. */
  move (w, P_NAM, w->household[H_FIVE], "2026-06-01", FALSE);
  list = smt_households_list (w->reg, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((SmtHouseholdInfo *) g_ptr_array_index (list, 1))->members, ==, 3);
  g_assert_cmpuint (((SmtHouseholdInfo *) g_ptr_array_index (list, 2))->members, ==, 1);
}

static void
test_members (World         *w,
              gconstpointer  data)
{
  static const int ten_today[] = { P_BA, P_TU, P_LAN, P_NAM };
  static const int two_2012[] = { P_DUC, P_HOA, P_NAM };
  static const int ten_2012[] = { P_BA, P_TU, P_LAN };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  const SmtHouseholdMember *m;

  /* The head first, then the oldest first. */
  assert_members (w, H_TEN, 0, NULL, ten_today, G_N_ELEMENTS (ten_today));
  assert_members (w, H_TWO, 0, "2012-01-01", two_2012, G_N_ELEMENTS (two_2012));
  assert_members (w, H_TEN, 0, "2012-01-01", ten_2012, G_N_ELEMENTS (ten_2012));
  assert_members (w, H_FIVE, 0, NULL, NULL, 0);

  members = smt_household_members (w->reg, w->household[H_TEN], NULL, &error);
  g_assert_no_error (error);
  m = g_ptr_array_index (members, 0);
  g_assert_true (m->head);
  g_assert_cmpstr (m->name, ==, "Nguyễn Văn Ba");
  g_assert_cmpint (m->sex, ==, 'M');
  g_assert_cmpint (m->birth_year, ==, 1960);
  g_assert_cmpstr (m->since, ==, "2000-01-01");
  m = g_ptr_array_index (members, 3);
  g_assert_false (m->head);
  g_assert_cmpstr (m->name, ==, "Nguyễn Văn Nam");
  g_assert_cmpstr (m->since, ==, "2015-06-01");
  /* Lan's voided move does not count: she lives here since 2000. */
  m = g_ptr_array_index (members, 2);
  g_assert_cmpstr (m->since, ==, "2000-01-01");
  g_clear_pointer (&members, g_ptr_array_unref);

  members = smt_household_members (w->reg, 999999, NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  g_assert_null (members);
}

static void
test_search (World         *w,
             gconstpointer  data)
{
  static const struct { const char *text; int first; guint n; } cases[] = {
    { "duc", H_TWO, 1 },
    { "  LÊ   văn ", H_TWO, 1 },
    { "nguyen van ba", H_TEN, 1 },
    { "số 10", H_TEN, 1 },
    { "so 5", H_FIVE, 1 },
    { "to 1", H_TWO, 2 },         /* both addresses of Ấp 1, in list order */
    { "khach", -1, 0 },           /* left the commune: heads no household */
    { "", -1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = smt_households_search (w->reg, cases[i].text, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, cases[i].n);
      if (cases[i].n > 0)
        g_assert_cmpint (((SmtHouseholdInfo *) g_ptr_array_index (found, 0))->id, ==,
                         w->household[cases[i].first]);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = smt_households_search (w->reg, "to 1", 1, &error);

    g_assert_cmpuint (found->len, ==, 1);
  }
}

static void
test_get (World         *w,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtHouseholdInfo) h = smt_household_get (w->reg, w->household[H_TEN], &error);

  g_assert_no_error (error);
  g_assert_cmpstr (h->label, ==, "Hộ Nguyễn Văn Ba — Số 10, tổ 1, Ấp 1");
  g_assert_cmpuint (h->members, ==, 4);
  g_assert_null (smt_household_get (w->reg, 424242, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
}

static void
test_address_order (void)
{
  static const char *sorted[] = {
    "", "Số 2", "số 2a", "Số 10", "Số 10, tổ 1", "Số 10, tổ 2", "Số 10, tổ 10", "Tổ 3", "Tổ 003b",
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (sorted); i++)
    {
      g_assert_cmpint (smt_address_compare (sorted[i], sorted[i + 1]), <, 0);
      g_assert_cmpint (smt_address_compare (sorted[i + 1], sorted[i]), >, 0);
    }
  g_assert_cmpint (smt_address_compare ("Số 7", "số 07"), ==, 0);
}

static void
test_split (World         *w,
            gconstpointer  data)
{
  static const int ten_left[] = { P_BA, P_TU };
  static const int new_members[] = { P_LAN, P_NAM };
  static const int ten_all[] = { P_BA, P_TU, P_LAN, P_NAM };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *hash = smt_register_content_hash (w->reg, &error);
  gint64 all[] = { w->person[P_BA], w->person[P_TU], w->person[P_LAN], w->person[P_NAM] };
  gint64 pair[] = { w->person[P_LAN], w->person[P_NAM] };
  gint64 stranger[] = { w->person[P_LAN], w->person[P_DUC] };
  gint64 household;

  g_assert_no_error (error);

  /* Refusals write nothing: all of them, someone of another household, a
   * head outside the group, a date before Nam was born, no one. */
  g_assert_cmpint (smt_household_split (w->reg, w->household[H_TEN], w->hamlet2, "Số 7",
                                        "2026-06-01", all, 4, all[2], "", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_household_split (w->reg, w->household[H_TEN], w->hamlet2, "Số 7",
                                        "2026-06-01", stranger, 2, stranger[0], "", NULL,
                                        &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_assert_nonnull (strstr (error->message, "Lê Văn Đức"));
  g_clear_error (&error);
  g_assert_cmpint (smt_household_split (w->reg, w->household[H_TEN], w->hamlet2, "Số 7",
                                        "2026-06-01", pair, 2, w->person[P_BA], "", NULL,
                                        &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_household_form (w->reg, w->hamlet2, "Số 7", "1993-01-01", pair, 2,
                                       pair[0], "", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
  /* The second person failed, after the household and the first move. */
  g_assert_nonnull (strstr (error->message, "Nguyễn Văn Nam"));
  g_clear_error (&error);
  g_assert_cmpint (smt_household_split (w->reg, w->household[H_TEN], w->hamlet2, "Số 7",
                                        "2026-06-01", pair, 0, 0, "", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = smt_register_content_hash (w->reg, &error);

    g_assert_cmpstr (after, ==, hash);
  }

  /* Lan and Nam form a household in Ấp 2, Lan its head. */
  household = smt_household_split (w->reg, w->household[H_TEN], w->hamlet2, "Số 7",
                                   "2026-06-01", pair, 2, w->person[P_LAN], "Tách hộ", &rows,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (household, !=, 0);
  g_assert_cmpuint (rows->len, ==, 2);
  assert_members (w, H_TEN, 0, NULL, ten_left, G_N_ELEMENTS (ten_left));
  assert_members (w, 0, household, NULL, new_members, G_N_ELEMENTS (new_members));
  assert_members (w, H_TEN, 0, "2026-05-31", ten_all, G_N_ELEMENTS (ten_all));
  {
    g_autoptr(SmtHouseholdInfo) h = smt_household_get (w->reg, household, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (h->label, ==, "Hộ Nguyễn Thị Lan — Số 7, Ấp 2");
    g_assert_cmpint (h->hamlet_id, ==, w->hamlet2);
    g_assert_cmpuint (h->members, ==, 2);
  }

  /* Undone by voiding both rows: all four in H_TEN again, the new
   * household stays, empty. */
  g_assert_true (smt_residences_void (w->reg, rows, "Hoàn tác", &error));
  g_assert_no_error (error);
  assert_members (w, H_TEN, 0, NULL, ten_all, G_N_ELEMENTS (ten_all));
  assert_members (w, 0, household, NULL, NULL, 0);
  /* A second void of the same rows is refused as a whole. */
  g_assert_false (smt_residences_void (w->reg, rows, "Hoàn tác", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add ("/household-query/list", World, NULL, world_setup, test_list, world_teardown);
  g_test_add ("/household-query/members", World, NULL, world_setup, test_members,
              world_teardown);
  g_test_add ("/household-query/search", World, NULL, world_setup, test_search,
              world_teardown);
  g_test_add ("/household-query/get", World, NULL, world_setup, test_get, world_teardown);
  g_test_add_func ("/household-query/address-order", test_address_order);
  g_test_add ("/household-query/split", World, NULL, world_setup, test_split, world_teardown);
  return g_test_run ();
}
