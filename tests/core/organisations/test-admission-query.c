/* test-admission-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/organisations/smt-admission-query.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "smt-test-util.h"

/* An organisation for women aged 18 to 60, one liên ấp chi hội serving
 * hamlets one and two, a tổ hội under it without hamlets of its own, and
 * people chosen to fall on each side of each rule on the test's today,
 * 2026-06-30. */

enum { H_ONE, H_TWO, H_THREE, N_HAMLETS };
enum
{
  P_LAN,    /* woman, 36, hamlet one: a candidate */
  P_ANH,    /* woman, 25 (26 tomorrow), hamlet two: a candidate */
  P_BINH,   /* man: excluded by sex */
  P_CUC,    /* woman, 17 (18 tomorrow): too young */
  P_DUNG,   /* woman, exactly 60 today: still in */
  P_DAO,    /* woman, 61 today: too old */
  P_HOA,    /* woman, hamlet three: outside the branch */
  P_MAI,    /* woman, a member since 2015 */
  P_NGA,    /* woman, lives nowhere in the commune */
  P_YEN,    /* woman, died in January */
  N_PEOPLE
};

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org;
  gint64           branch;
  gint64           group;   /* the tổ hội */
  gint64           person[N_PEOPLE];
} World;

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1990-01-01", 1990 },
    [P_ANH] = { "Trần", "Thị", "Ánh", SMT_SEX_FEMALE, "2000-07-01", 2000 },
    [P_BINH] = { "Lê", "Văn", "Bình", SMT_SEX_MALE, "1990-03-03", 1990 },
    [P_CUC] = { "Võ", "Thị", "Cúc", SMT_SEX_FEMALE, "2008-07-01", 2008 },
    [P_DUNG] = { "Hồ", "Thị", "Dung", SMT_SEX_FEMALE, "1966-06-30", 1966 },
    [P_DAO] = { "Phạm", "Thị", "Đào", SMT_SEX_FEMALE, "1965-06-30", 1965 },
    [P_HOA] = { "Đỗ", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-05-05", 1990 },
    [P_MAI] = { "Bùi", "Thị", "Mai", SMT_SEX_FEMALE, "1985-05-05", 1985 },
    [P_NGA] = { "Mai", "Thị", "Nga", SMT_SEX_FEMALE, "1985-05-05", 1985 },
    [P_YEN] = { "Lý", "Thị", "Yến", SMT_SEX_FEMALE, "1980-08-08", 1980 },
  };
  static const char *hamlet_names[N_HAMLETS] = { "Ấp Một", "Ấp Hai", "Ấp Ba" };
  SmtOrganisationFields org = {
    .code = "TEST", .name = "Hội Thử nghiệm", .short_name = "Thử nghiệm",
    .member_word = "hội viên", .kind = SMT_ORGANISATION_MASS, .min_age = 18, .max_age = 60,
    .sex = 'F', .position = 99,
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet[N_HAMLETS], household[N_HAMLETS];

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  w->org = smt_organisation_add (w->reg, &org, &error);
  g_assert_no_error (error);
  for (int h = 0; h < N_HAMLETS; h++)
    {
      hamlet[h] = smt_hamlet_add (w->reg, hamlet_names[h], "ấp", &error);
      g_assert_no_error (error);
      household[h] = smt_household_add (w->reg, hamlet[h], "", "2000-01-01", &error);
      g_assert_no_error (error);
    }
  w->branch = smt_branch_add (w->reg, w->org, 0, "chi hội", "Chi hội liên ấp Một – Hai",
                              hamlet, 2, "2000-01-01", &error);
  g_assert_no_error (error);
  w->group = smt_branch_add (w->reg, w->org, w->branch, "tổ hội", "Tổ hội 1", NULL, 0,
                             "2000-01-01", &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      int where = p == P_ANH ? H_TWO : p == P_HOA ? H_THREE : H_ONE;

      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
      if (p == P_NGA)
        continue;
      g_assert_cmpint (smt_residence_move (w->reg, w->person[p], household[where],
                                           "2009-01-01", FALSE, "", &error), !=, 0);
      g_assert_no_error (error);
    }
  {
    SmtMembershipChange change = {
      .kind = SMT_EVENT_ADMITTED, .person_id = w->person[P_MAI], .branch_id = w->branch,
      .date = "2015-01-01",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
    g_assert_no_error (error);
  }
  g_assert_true (smt_person_record_death (w->reg, w->person[P_YEN], "2026-01-01", "", &error));
  g_assert_no_error (error);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

/* The candidates' people as indexes into w->person, in the order given. */
static void
assert_candidates (World       *w,
                   gint64       branch,
                   const char  *date,
                   const char  *search,
                   const int   *expected,
                   guint        n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = smt_admission_candidates (w->reg, branch, date, search, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < MIN (n, list->len); i++)
    {
      const SmtAdmissionCandidate *c = g_ptr_array_index (list, i);

      g_assert_cmpint (c->person_id, ==, w->person[expected[i]]);
    }
  g_assert_cmpuint (list->len, ==, n);
}

static void
test_rules (World         *w,
            gconstpointer  data)
{
  /* By given name: Ánh, Dung, Lan. */
  static const int today[] = { P_ANH, P_DUNG, P_LAN };
  /* In 2010 Ánh was 9; Đào 44 and Yến alive; Mai not yet a member but
   * becomes one later, so she cannot be admitted then either. Đ after D. */
  static const int in_2010[] = { P_DUNG, P_DAO, P_LAN, P_YEN };
  static const int anh[] = { P_ANH };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const SmtAdmissionCandidate *c;

  assert_candidates (w, w->branch, NULL, NULL, today, G_N_ELEMENTS (today));
  /* The tổ hội serves the hamlets of its chi hội. */
  assert_candidates (w, w->group, NULL, NULL, today, G_N_ELEMENTS (today));
  assert_candidates (w, w->branch, "2010-01-01", NULL, in_2010, G_N_ELEMENTS (in_2010));
  /* Tones and case ignored. */
  assert_candidates (w, w->branch, NULL, "ANH", anh, 1);
  assert_candidates (w, w->branch, NULL, "tran thi", anh, 1);
  assert_candidates (w, w->branch, NULL, "xyz", NULL, 0);

  list = smt_admission_candidates (w->reg, w->branch, NULL, "dung", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (c->full_name, ==, "Hồ Thị Dung");
  g_assert_cmpint (c->age, ==, 60);
  g_assert_cmpint (c->sex, ==, 'F');
  g_assert_cmpint (c->birth_year, ==, 1966);
  g_assert_cmpstr (c->hamlet, ==, "Ấp Một");

  g_clear_pointer (&list, g_ptr_array_unref);
  list = smt_admission_candidates (w->reg, 424242, NULL, NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  g_assert_null (list);
  g_clear_error (&error);
  list = smt_admission_candidates (w->reg, w->branch, "2026-02-30", NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_null (list);
}

static SmtMemberState
state (World *w,
       int    person)
{
  return smt_membership_state_on (w->reg, w->person[person], w->org, "2026-06-30", NULL);
}

static void
test_batch (World         *w,
            gconstpointer  data)
{
  static const int left[] = { P_DUNG };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 ok_batch[] = { w->person[P_LAN], w->person[P_ANH] };
  gint64 bad_batch[] = { w->person[P_DUNG], w->person[P_DAO] };
  gint64 twice[] = { w->person[P_DUNG], w->person[P_DUNG] };
  gint64 failed = -1;
  gint64 branch_of_lan = 0;

  g_assert_true (smt_admission_admit (w->reg, w->branch, ok_batch, 2, "2026-06-01",
                                      "12/QĐ", "đợt kết nạp tháng 6", events, &failed,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (failed, ==, 0);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (state (w, P_LAN), ==, SMT_MEMBER_ACTIVE);
  g_assert_cmpint (state (w, P_ANH), ==, SMT_MEMBER_ACTIVE);
  smt_membership_state_on (w->reg, w->person[P_LAN], w->org, "2026-06-30", &branch_of_lan);
  g_assert_cmpint (branch_of_lan, ==, w->branch);
  /* Members now: only Dung is left to admit. */
  assert_candidates (w, w->branch, NULL, NULL, left, 1);

  /* Đào is 61 on the day: the batch is refused as a whole, Dung too. */
  g_assert_false (smt_admission_admit (w->reg, w->branch, bad_batch, 2, "2026-06-30", NULL,
                                       NULL, events, &failed, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_ELIGIBLE);
  g_assert_nonnull (strstr (error->message, "Phạm Thị Đào"));
  g_assert_cmpint (failed, ==, w->person[P_DAO]);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (state (w, P_DUNG), ==, SMT_MEMBER_NONE);
  g_clear_error (&error);

  /* The same person twice, and an empty batch. */
  g_assert_false (smt_admission_admit (w->reg, w->branch, twice, 2, "2026-06-30", NULL, NULL,
                                       NULL, &failed, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
  g_assert_cmpint (failed, ==, w->person[P_DUNG]);
  g_clear_error (&error);
  g_assert_false (smt_admission_admit (w->reg, w->branch, NULL, 0, "2026-06-30", NULL, NULL,
                                       NULL, NULL, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (state (w, P_DUNG), ==, SMT_MEMBER_NONE);

  /* Undo: both admissions voided; they are candidates again. */
  g_assert_true (smt_admission_void (w->reg, events, "nhập nhầm", &error));
  g_assert_no_error (error);
  g_assert_cmpint (state (w, P_LAN), ==, SMT_MEMBER_NONE);
  g_assert_cmpint (state (w, P_ANH), ==, SMT_MEMBER_NONE);
  {
    static const int again[] = { P_ANH, P_DUNG, P_LAN };

    assert_candidates (w, w->branch, NULL, NULL, again, G_N_ELEMENTS (again));
  }
  /* Voiding the same batch again is refused whole. */
  g_assert_false (smt_admission_void (w->reg, events, "lần hai", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
}

static void
test_dissolved (World         *w,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (smt_branch_dissolve (w->reg, w->group, "2026-06-30", "gộp tổ", &error));
  g_assert_no_error (error);
  list = smt_admission_candidates (w->reg, w->group, NULL, NULL, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_assert_null (list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add ("/admission/rules", World, NULL, world_setup, test_rules, world_teardown);
  g_test_add ("/admission/batch", World, NULL, world_setup, test_batch, world_teardown);
  g_test_add ("/admission/dissolved", World, NULL, world_setup, test_dissolved,
              world_teardown);
  return g_test_run ();
}
