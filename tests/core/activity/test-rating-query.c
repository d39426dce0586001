/* test-rating-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/activity/smt-rating-query.h"
#include "core/check/smt-check.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

/* Phụ nữ with a chi hội in Ấp 1 (and a tổ hội in it) since 2000 and one in
 * Ấp 2 founded in March 2024. Four women:
 * - Lan, in Ấp 1 since 2010;
 * - Bích, in Ấp 1 from 2011, left on 1 January 2023 (a member in 2022
 *   only);
 * - Đào, in Ấp 1 from 2015, moved to Ấp 2 in September 2024;
 * - Ánh, admitted into Ấp 2 in June 2024.
 * A new register has, to 2022, the old scale (vững mạnh …) for branches
 * and organisations and OLD_MEMBER (xuất sắc …) for members, and the new
 * one for everyone from 2023. */

enum { B_ONE, B_GROUP, B_TWO, N_BRANCHES };
enum { P_LAN, P_BICH, P_DAO, P_ANH, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           pn;
  gint64           nd;
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
} World;

static void
record (World        *w,
        SmtEventKind  kind,
        int           person,
        gint64        branch_id,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person], .organisation_id = w->pn,
    .branch_id = branch_id, .date = date,
  };

  g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_BICH] = { "Võ", "Thị", "Bích", SMT_SEX_FEMALE, "1975-01-01", 1975 },
    [P_DAO] = { "Phạm", "Thị", "Đào", SMT_SEX_FEMALE, "1970-07-07", 1970 },
    [P_ANH] = { "Trần", "Thị", "Ánh", SMT_SEX_FEMALE, "1990-02-01", 1990 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet[2];

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  w->pn = smt_organisation_lookup (w->reg, "PN");
  w->nd = smt_organisation_lookup (w->reg, "ND");
  hamlet[0] = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  hamlet[1] = smt_hamlet_add (w->reg, "Ấp 2", "ấp", &error);
  g_assert_no_error (error);
  w->branch[B_ONE] = smt_branch_add (w->reg, w->pn, 0, "chi hội", "Chi hội Phụ nữ Ấp 1",
                                     &hamlet[0], 1, "2000-01-01", &error);
  g_assert_no_error (error);
  w->branch[B_GROUP] = smt_branch_add (w->reg, w->pn, w->branch[B_ONE], "tổ hội",
                                       "Tổ hội Xóm Giữa", &hamlet[0], 1, "2000-01-01", &error);
  g_assert_no_error (error);
  w->branch[B_TWO] = smt_branch_add (w->reg, w->pn, 0, "chi hội", "Chi hội Phụ nữ Ấp 2",
                                     &hamlet[1], 1, "2024-03-01", &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  record (w, SMT_EVENT_ADMITTED, P_LAN, w->branch[B_ONE], "2010-01-01");
  record (w, SMT_EVENT_ADMITTED, P_BICH, w->branch[B_ONE], "2011-01-01");
  record (w, SMT_EVENT_LEFT, P_BICH, 0, "2023-01-01");
  record (w, SMT_EVENT_ADMITTED, P_DAO, w->branch[B_ONE], "2015-01-01");
  record (w, SMT_EVENT_TRANSFERRED, P_DAO, w->branch[B_TWO], "2024-09-01");
  record (w, SMT_EVENT_ADMITTED, P_ANH, w->branch[B_TWO], "2024-06-01");
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static char *
scale_for (World            *w,
           int               year,
           gint64            organisation_id,
           SmtRatingSubject  subject)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRatingScale) scale = smt_rating_scale_in_force (w->reg, year, organisation_id,
                                                               subject, &error);

  if (scale == NULL)
    return NULL;
  g_assert_no_error (error);
  return g_strdup (scale->code);
}

/* The scale a branch of the organisation is rated on. */
static char *
scale_code (World  *w,
            int     year,
            gint64  organisation_id)
{
  return scale_for (w, year, organisation_id, SMT_RATING_SUBJECT_BRANCH);
}

static gint64
rate (World      *w,
      int         year,
      int         person,
      const char *level,
      const char *reason)
{
  g_autoptr(GError) error = NULL;
  gint64 id = smt_rating_set (w->reg, year, w->pn, w->person[person], 0, level, reason, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

/* ---- scales ------------------------------------------------------------------ */

static void
test_scale_years (World         *w,
                  gconstpointer  data)
{
  static const struct { int year; const char *pn; const char *nd; } after[] = {
    { 1990, "OLD", "OLD" }, { 2022, "OLD", "OLD" }, { 2023, "NEW", "NEW" },
    { 2024, "NEW", "NEW" }, { 2025, "OLD", "NEW" }, { 2026, "OLD", "NEW" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRatingScale) scale = NULL;
  g_autoptr(GPtrArray) scales = NULL;
  SmtRatingScale *s;
  SmtRatingScaleUse *u;
  gint64 id;

  /* Levels in rank order. */
  scale = smt_rating_scale_in_force (w->reg, 2023, w->pn, SMT_RATING_SUBJECT_BRANCH, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scale->code, ==, "NEW");
  g_assert_cmpuint (scale->levels->len, ==, 4);
  g_assert_cmpstr (((SmtRatingLevel *) scale->levels->pdata[0])->code, ==, "HTXSNV");
  g_assert_cmpstr (((SmtRatingLevel *) scale->levels->pdata[3])->code, ==, "KHTNV");
  g_assert_true (((SmtRatingLevel *) scale->levels->pdata[1])->counts_strong);
  g_assert_false (((SmtRatingLevel *) scale->levels->pdata[2])->counts_strong);
  g_clear_pointer (&scale, smt_rating_scale_free);

  /* Nothing before 1990. */
  scale = smt_rating_scale_in_force (w->reg, 1989, w->pn, SMT_RATING_SUBJECT_BRANCH, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  g_assert_null (scale);
  g_clear_error (&error);

  /* Phụ nữ goes back to the old scale from 2025; everyone else keeps the
   * new one. */
  id = smt_rating_scale_use_set (w->reg, "old", 2025, w->pn, SMT_RATING_SUBJECT_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    {
      g_autofree char *pn = scale_code (w, after[i].year, w->pn);
      g_autofree char *nd = scale_code (w, after[i].year, w->nd);

      g_assert_cmpstr (pn, ==, after[i].pn);
      g_assert_cmpstr (nd, ==, after[i].nd);
    }

  /* For every organisation, the new scale gives way to the old from 2026:
   * the 2023 row is closed at 2025, not rewritten. */
  id = smt_rating_scale_use_set (w->reg, "OLD", 2026, 0, SMT_RATING_SUBJECT_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT to_year FROM rating_scale_use "
                                           "WHERE from_year = 2023"), ==, 2025);
  {
    g_autofree char *nd2025 = scale_code (w, 2025, w->nd);
    g_autofree char *nd2026 = scale_code (w, 2026, w->nd);

    g_assert_cmpstr (nd2025, ==, "NEW");
    g_assert_cmpstr (nd2026, ==, "OLD");
  }

  /* The list: NEW, OLD and OLD_MEMBER, with their uses by year. */
  scales = smt_rating_scales_list (w->reg, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scales->len, ==, 3);
  s = scales->pdata[0];
  g_assert_cmpstr (s->code, ==, "NEW");
  g_assert_cmpuint (s->levels->len, ==, 4);
  g_assert_cmpuint (s->uses->len, ==, 1);
  u = s->uses->pdata[0];
  g_assert_cmpint (u->from_year, ==, 2023);
  g_assert_cmpint (u->to_year, ==, 2025);
  g_assert_cmpint (u->organisation_id, ==, 0);
  s = scales->pdata[1];
  g_assert_cmpstr (s->code, ==, "OLD");
  g_assert_cmpuint (s->uses->len, ==, 3);
  u = s->uses->pdata[0];
  g_assert_cmpint (u->from_year, ==, 1990);
  g_assert_cmpint (u->to_year, ==, 2022);
  u = s->uses->pdata[1];
  g_assert_cmpint (u->from_year, ==, 2025);
  g_assert_cmpint (u->to_year, ==, 0);
  g_assert_cmpint (u->organisation_id, ==, w->pn);
  g_assert_cmpstr (u->organisation, ==, "Phụ nữ");
  u = s->uses->pdata[2];
  g_assert_cmpint (u->from_year, ==, 2026);
  g_assert_null (u->organisation);
  g_assert_cmpint (u->subject, ==, SMT_RATING_SUBJECT_ALL);
  s = scales->pdata[2];
  g_assert_cmpstr (s->code, ==, "OLD_MEMBER");
  g_assert_cmpuint (s->uses->len, ==, 1);
  u = s->uses->pdata[0];
  g_assert_cmpint (u->subject, ==, SMT_RATING_SUBJECT_MEMBER);
  g_assert_cmpint (u->to_year, ==, 2022);
}

static void
test_scale_refusals (World         *w,
                     gconstpointer  data)
{
  static const struct { const char *code; int year; gboolean pn; int error; } cases[] = {
    { "NEW", 2024, TRUE, SMT_REGISTER_ERROR_DUPLICATE },    /* already in force */
    { "NOPE", 2024, TRUE, SMT_REGISTER_ERROR_NOT_FOUND },
    { "OLD", 2028, TRUE, SMT_REGISTER_ERROR_INVALID },      /* today is 2026-06-30 */
    { "OLD", 1900, FALSE, SMT_REGISTER_ERROR_INVALID },
    { "OLD", 2020, FALSE, SMT_REGISTER_ERROR_SEQUENCE },    /* NEW starts in 2023 */
    { "OLD", 2023, FALSE, SMT_REGISTER_ERROR_HAS_HISTORY }, /* Lan's 2023 rating is NEW */
    { "OLD", 2024, TRUE, SMT_REGISTER_ERROR_HAS_HISTORY },
  };
  g_autoptr(GError) error = NULL;
  gint64 uses = smt_register_query_int (w->reg, 0, "SELECT count(*) FROM rating_scale_use");

  rate (w, 2024, P_LAN, "HTTNV", NULL);
  rate (w, 2023, P_LAN, "HTNV", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = smt_rating_scale_use_set (w->reg, cases[i].code, cases[i].year,
                                            cases[i].pn ? w->pn : 0, SMT_RATING_SUBJECT_ALL,
                                            &error);

      g_test_message ("case %u", i);
      g_assert_error (error, SMT_REGISTER_ERROR, cases[i].error);
      g_assert_cmpint (id, ==, 0);
      g_clear_error (&error);
    }
  /* Nothing written: the 2023 row still reads NEW, open. */
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM rating_scale_use"),
                   ==, uses);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT coalesce (to_year, 0) FROM "
                                           "rating_scale_use WHERE from_year = 2023"), ==, 0);
  {
    g_autofree char *code = scale_code (w, 2023, w->pn);

    g_assert_cmpstr (code, ==, "NEW");
  }
  /* From 2025, after the last ratings, it is allowed. */
  g_assert_cmpint (smt_rating_scale_use_set (w->reg, "OLD", 2025, w->pn, SMT_RATING_SUBJECT_ALL,
                                             &error), !=, 0);
  g_assert_no_error (error);
}

/* ---- the sheet --------------------------------------------------------------- */

static SmtRatingSheet *
sheet (World           *w,
       int              year,
       SmtRatingTarget  target)
{
  g_autoptr(GError) error = NULL;
  SmtRatingSheet *s = smt_rating_sheet_get (w->reg, year, w->pn, target, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static SmtRatingSheetRow *
row_at (SmtRatingSheet *s,
        guint           i)
{
  return g_ptr_array_index (s->rows, i);
}

static void
test_members (World         *w,
              gconstpointer  data)
{
  g_autoptr(SmtRatingSheet) s = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  /* 2023: Bích left on its first day; Đào before Lan (Đ after D, before L). */
  s = sheet (w, 2023, SMT_RATING_MEMBERS);
  g_assert_cmpstr (s->scale->code, ==, "NEW");
  g_assert_cmpuint (s->rows->len, ==, 2);
  g_assert_cmpstr (row_at (s, 0)->name, ==, "Phạm Thị Đào");
  g_assert_cmpstr (row_at (s, 0)->branch, ==, "Chi hội Phụ nữ Ấp 1");
  g_assert_cmpstr (row_at (s, 1)->name, ==, "Nguyễn Thị Lan");
  g_assert_cmpuint (s->not_rated, ==, 2);
  g_clear_pointer (&s, smt_rating_sheet_free);

  /* 2022, the members' old scale: Bích is there. */
  s = sheet (w, 2022, SMT_RATING_MEMBERS);
  g_assert_cmpstr (s->scale->code, ==, "OLD_MEMBER");
  g_assert_cmpuint (s->rows->len, ==, 3);
  g_assert_cmpstr (row_at (s, 0)->name, ==, "Võ Thị Bích");
  g_clear_pointer (&s, smt_rating_sheet_free);

  /* A rating, then a correction with a reason: the correction is current. */
  rate (w, 2022, P_LAN, "XS", NULL);
  first = rate (w, 2023, P_LAN, "HTTNV", NULL);
  g_assert_cmpint (smt_rating_set (w->reg, 2023, w->pn, w->person[P_LAN], 0, "HTXSNV", NULL,
                                   &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  second = rate (w, 2023, P_LAN, "HTXSNV", "nhập nhầm mức");
  s = sheet (w, 2023, SMT_RATING_MEMBERS);
  g_assert_cmpint (row_at (s, 1)->rating_id, ==, second);
  g_assert_cmpstr (row_at (s, 1)->level_code, ==, "HTXSNV");
  g_assert_cmpstr (row_at (s, 1)->previous_code, ==, "XS");
  g_assert_cmpstr (row_at (s, 1)->previous_name, ==, "Xuất sắc");
  g_assert_cmpint (row_at (s, 0)->rating_id, ==, 0);
  g_assert_null (row_at (s, 0)->level_code);
  g_assert_cmpuint (s->counts[0], ==, 1);
  g_assert_cmpuint (s->counts[1], ==, 0);
  g_assert_cmpuint (s->not_rated, ==, 1);
  g_clear_pointer (&s, smt_rating_sheet_free);

  /* The superseded rating cannot be voided; a void needs a reason. */
  g_assert_cmpint (smt_rating_void (w->reg, first, "nhầm", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);
  g_assert_cmpint (smt_rating_void (w->reg, second, "  ", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);

  /* After a void Lan is not rated, and can be rated again without a
   * reason. */
  g_assert_cmpint (smt_rating_void (w->reg, second, "chưa họp xét", &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (smt_rating_void (w->reg, second, "lần nữa", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);
  s = sheet (w, 2023, SMT_RATING_MEMBERS);
  g_assert_cmpint (row_at (s, 1)->rating_id, ==, 0);
  g_assert_cmpuint (s->counts[0], ==, 0);
  g_assert_cmpuint (s->not_rated, ==, 2);
  g_clear_pointer (&s, smt_rating_sheet_free);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM rating WHERE "
                                           "voided = 1 AND level_id IS NULL AND supersedes = ?1",
                                           second), ==, 1);
  rate (w, 2023, P_LAN, "htnv", NULL);
  s = sheet (w, 2023, SMT_RATING_MEMBERS);
  g_assert_cmpstr (row_at (s, 1)->level_code, ==, "HTNV");
  g_assert_cmpuint (s->counts[2], ==, 1);
  g_clear_pointer (&s, smt_rating_sheet_free);

  /* The year shown first: last year until this year has a rating. */
  g_assert_cmpint (smt_rating_default_year (w->reg), ==, 2025);
  first = rate (w, 2026, P_LAN, "HTNV", NULL);
  g_assert_cmpint (smt_rating_default_year (w->reg), ==, 2026);
  g_assert_cmpint (smt_rating_current (w->reg, 2026, w->pn, w->person[P_LAN], 0, NULL), ==,
                   first);
  g_assert_cmpint (smt_rating_void (w->reg, first, "nhầm năm", &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (smt_rating_current (w->reg, 2026, w->pn, w->person[P_LAN], 0, NULL), ==, 0);
  g_assert_cmpint (smt_rating_default_year (w->reg), ==, 2025);

  /* 2024: Ánh, Đào (in Ấp 2 by the end of the year), Lan. */
  s = sheet (w, 2024, SMT_RATING_MEMBERS);
  g_assert_cmpuint (s->rows->len, ==, 3);
  g_assert_cmpstr (row_at (s, 0)->name, ==, "Trần Thị Ánh");
  g_assert_cmpstr (row_at (s, 1)->name, ==, "Phạm Thị Đào");
  g_assert_cmpint (row_at (s, 1)->branch_id, ==, w->branch[B_TWO]);
  g_assert_cmpstr (row_at (s, 2)->name, ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (row_at (s, 2)->previous_code, ==, "HTNV");
  g_assert_cmpuint (s->not_rated, ==, 3);

  /* Read again after a rating, the rows stay and take the new level. */
  rate (w, 2024, P_ANH, "KHTNV", NULL);
  g_assert_true (smt_rating_sheet_reload_ratings (w->reg, s, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (s->rows->len, ==, 3);
  g_assert_cmpstr (row_at (s, 0)->level_code, ==, "KHTNV");
  g_assert_cmpint (row_at (s, 0)->rating_id, !=, 0);
  g_assert_null (row_at (s, 1)->level_code);
  g_assert_cmpstr (row_at (s, 2)->previous_code, ==, "HTNV");
  g_assert_cmpuint (s->counts[3], ==, 1);
  g_assert_cmpuint (s->not_rated, ==, 2);

  /* Refusals. */
  g_clear_pointer (&s, smt_rating_sheet_free);
  s = smt_rating_sheet_get (w->reg, 1800, w->pn, SMT_RATING_MEMBERS, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_null (s);
  g_clear_error (&error);
  s = smt_rating_sheet_get (w->reg, 1980, w->pn, SMT_RATING_MEMBERS, &error);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  g_assert_null (s);
}

static void
test_branches (World         *w,
               gconstpointer  data)
{
  g_autoptr(SmtRatingSheet) s = NULL;
  g_autoptr(GError) error = NULL;

  /* 2023: Ấp 2 was not founded yet; the tổ hội after its chi hội. */
  s = sheet (w, 2023, SMT_RATING_BRANCHES);
  g_assert_cmpuint (s->rows->len, ==, 2);
  g_assert_cmpstr (row_at (s, 0)->name, ==, "Chi hội Phụ nữ Ấp 1");
  g_assert_cmpstr (row_at (s, 1)->name, ==, "Tổ hội Xóm Giữa");
  g_assert_cmpstr (row_at (s, 1)->branch, ==, "Chi hội Phụ nữ Ấp 1");
  g_assert_cmpstr (row_at (s, 1)->kind, ==, "tổ hội");
  g_clear_pointer (&s, smt_rating_sheet_free);
  g_assert_cmpint (smt_rating_set (w->reg, 2023, w->pn, 0, w->branch[B_TWO], "HTNV", NULL,
                                   &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);

  g_assert_cmpint (smt_rating_set (w->reg, 2024, w->pn, 0, w->branch[B_TWO], "HTTNV", NULL,
                                   &error), !=, 0);
  g_assert_no_error (error);
  s = sheet (w, 2024, SMT_RATING_BRANCHES);
  g_assert_cmpuint (s->rows->len, ==, 3);
  g_assert_cmpstr (row_at (s, 0)->name, ==, "Chi hội Phụ nữ Ấp 1");
  g_assert_cmpstr (row_at (s, 1)->name, ==, "Tổ hội Xóm Giữa");
  g_assert_cmpstr (row_at (s, 2)->name, ==, "Chi hội Phụ nữ Ấp 2");
  g_assert_cmpstr (row_at (s, 2)->level_code, ==, "HTTNV");
  g_assert_cmpuint (s->counts[1], ==, 1);
  g_assert_cmpuint (s->not_rated, ==, 2);
  /* Member ratings do not show among the branches. */
  rate (w, 2024, P_LAN, "HTTNV", NULL);
  g_clear_pointer (&s, smt_rating_sheet_free);
  s = sheet (w, 2024, SMT_RATING_BRANCHES);
  g_assert_cmpuint (s->counts[1], ==, 1);
}

/* ---- a scale per kind of subject ---------------------------------------------- */

static void
test_member_scale (World         *w,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *s2022 = NULL;

  /* 2022: a member is never "vững mạnh"; the branch is, on its own scale.
   * The refusal names the member levels. */
  g_assert_cmpint (smt_rating_set (w->reg, 2022, w->pn, w->person[P_LAN], 0, "VM", NULL,
                                   &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "XS, KHA, TB, YEU"));
  g_clear_error (&error);
  rate (w, 2022, P_LAN, "XS", NULL);
  g_assert_cmpint (smt_rating_set (w->reg, 2022, w->pn, 0, w->branch[B_ONE], "XS", NULL,
                                   &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_rating_set (w->reg, 2022, w->pn, 0, w->branch[B_ONE], "VM", NULL,
                                   &error), !=, 0);
  g_assert_no_error (error);
  /* From 2023 everyone has the four levels. */
  rate (w, 2023, P_LAN, "HTXSNV", NULL);

  /* The choice for a subject: its own use, then the organisation's, then
   * the general one. Phụ nữ puts OLD in force for all its subjects from
   * 2025: its members take it too (no use of the member kind is in force
   * after 2022), while in 2022 the member use still comes first. */
  g_assert_cmpint (smt_rating_scale_use_set (w->reg, "OLD", 2025, w->pn, SMT_RATING_SUBJECT_ALL,
                                             &error), !=, 0);
  g_assert_no_error (error);
  {
    static const struct
    {
      int year;
      gboolean pn;
      SmtRatingSubject subject;
      const char *code;
    } cases[] = {
      { 2022, TRUE, SMT_RATING_SUBJECT_MEMBER, "OLD_MEMBER" },
      { 2022, TRUE, SMT_RATING_SUBJECT_BRANCH, "OLD" },
      { 2022, FALSE, SMT_RATING_SUBJECT_ORGANISATION, "OLD" },
      { 2022, FALSE, SMT_RATING_SUBJECT_ALL, "OLD" },
      { 2024, TRUE, SMT_RATING_SUBJECT_MEMBER, "NEW" },
      { 2025, TRUE, SMT_RATING_SUBJECT_MEMBER, "OLD" },
      { 2025, FALSE, SMT_RATING_SUBJECT_MEMBER, "NEW" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *code = scale_for (w, cases[i].year, cases[i].pn ? w->pn : w->nd,
                                           cases[i].subject);

        g_test_message ("case %u", i);
        g_assert_cmpstr (code, ==, cases[i].code);
      }
  }

  /* A member scale of one organisation: Nông dân members on NEW from 2020
   * (its own member use wins over the general member use); Phụ nữ's 2022
   * member ratings stay on OLD_MEMBER. */
  g_assert_cmpint (smt_rating_scale_use_set (w->reg, "NEW", 2020, w->nd,
                                             SMT_RATING_SUBJECT_MEMBER, &error), !=, 0);
  g_assert_no_error (error);
  {
    g_autofree char *nd_member = scale_for (w, 2021, w->nd, SMT_RATING_SUBJECT_MEMBER);
    g_autofree char *nd_branch = scale_for (w, 2021, w->nd, SMT_RATING_SUBJECT_BRANCH);
    g_autofree char *pn_member = scale_for (w, 2021, w->pn, SMT_RATING_SUBJECT_MEMBER);

    g_assert_cmpstr (nd_member, ==, "NEW");
    g_assert_cmpstr (nd_branch, ==, "OLD");
    g_assert_cmpstr (pn_member, ==, "OLD_MEMBER");
  }
  /* Phụ nữ's members cannot move to NEW from 2022: Lan's XS of 2022 would
   * be on a scale not in force. Nothing is written. */
  g_assert_cmpint (smt_rating_scale_use_set (w->reg, "NEW", 2022, w->pn,
                                             SMT_RATING_SUBJECT_MEMBER, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  s2022 = scale_for (w, 2022, w->pn, SMT_RATING_SUBJECT_MEMBER);
  g_assert_cmpstr (s2022, ==, "OLD_MEMBER");
  /* The same scale again for the same subject is nothing to change. */
  g_assert_cmpint (smt_rating_scale_use_set (w->reg, "NEW", 2021, w->nd,
                                             SMT_RATING_SUBJECT_MEMBER, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* The register stays clean. */
  problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (smt_register_check (w->reg, problems, NULL));
}

/* ---- the organisations themselves --------------------------------------------- */

static void
test_organisations (World         *w,
                    gconstpointer  data)
{
  g_autoptr(SmtRatingSheet) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *code = NULL;
  gint64 id, corrected;
  guint pn_row = G_MAXUINT, nd_row = G_MAXUINT;

  /* Neither a person nor a branch: Phụ nữ itself, on the organisations'
   * scale (2022: vững mạnh; a member level is refused). */
  g_assert_cmpint (smt_rating_set (w->reg, 2022, w->pn, 0, 0, "XS", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_rating_set (w->reg, 2022, w->pn, 0, 0, "VM", NULL, &error), !=, 0);
  g_assert_no_error (error);
  id = smt_rating_set (w->reg, 2023, w->pn, 0, 0, "HTTNV", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_rating_current (w->reg, 2023, w->pn, 0, 0, &code), ==, id);
  g_assert_cmpstr (code, ==, "HTTNV");
  /* Not a member's or a branch's rating. */
  g_assert_cmpint (smt_rating_current (w->reg, 2023, w->pn, w->person[P_LAN], 0, NULL), ==, 0);
  /* A second one is a correction: it needs a reason. */
  g_assert_cmpint (smt_rating_set (w->reg, 2023, w->pn, 0, 0, "HTXSNV", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  corrected = smt_rating_set (w->reg, 2023, w->pn, 0, 0, "HTXSNV", "họp xét lại", &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT supersedes FROM rating "
                                           "WHERE id = ?1", corrected), ==, id);
  /* Both a person and a branch: refused. */
  g_assert_cmpint (smt_rating_set (w->reg, 2023, w->pn, w->person[P_LAN], w->branch[B_ONE],
                                   "HTNV", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  /* Member and branch ratings do not show among the organisations. */
  rate (w, 2023, P_LAN, "HTNV", NULL);

  /* The sheet: the eight organisations of a new register in their order
   * (Đoàn TN first), Phụ nữ HTXSNV (last year's VM), the rest not rated. */
  s = smt_rating_sheet_get (w->reg, 2023, 0, SMT_RATING_ORGANISATIONS, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->scale->code, ==, "NEW");
  g_assert_cmpuint (s->rows->len, ==, 8);
  g_assert_cmpstr (row_at (s, 0)->name, ==, "Đoàn Thanh niên Cộng sản Hồ Chí Minh");
  for (guint i = 0; i < s->rows->len; i++)
    {
      if (row_at (s, i)->id == w->pn)
        pn_row = i;
      if (row_at (s, i)->id == w->nd)
        nd_row = i;
    }
  g_assert_cmpuint (pn_row, ==, 1);
  g_assert_cmpstr (row_at (s, pn_row)->level_code, ==, "HTXSNV");
  g_assert_cmpstr (row_at (s, pn_row)->level_name, ==, "Hoàn thành xuất sắc nhiệm vụ");
  g_assert_cmpint (row_at (s, pn_row)->rating_id, ==, corrected);
  g_assert_cmpstr (row_at (s, pn_row)->previous_code, ==, "VM");
  g_assert_cmpstr (row_at (s, pn_row)->branch, ==, "socio-political organisation");
  g_assert_cmpstr (row_at (s, 7)->branch, ==, "mass association");
  g_assert_cmpuint (s->counts[0], ==, 1);
  g_assert_cmpuint (s->not_rated, ==, 7);
  g_assert_cmpuint (s->other, ==, 0);
  g_clear_pointer (&s, smt_rating_sheet_free);

  /* Nông dân's organisation itself keeps the old scale in 2024: its row is
   * on that scale, the others on the new one, and its level counts apart. */
  g_assert_cmpint (smt_rating_scale_use_set (w->reg, "OLD", 2024, w->nd,
                                             SMT_RATING_SUBJECT_ORGANISATION, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (smt_rating_set (w->reg, 2024, w->nd, 0, 0, "HTTNV", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_rating_set (w->reg, 2024, w->nd, 0, 0, "VM", NULL, &error), !=, 0);
  g_assert_no_error (error);
  /* Its branches are still on the new scale. */
  g_free (code);
  code = scale_for (w, 2024, w->nd, SMT_RATING_SUBJECT_BRANCH);
  g_assert_cmpstr (code, ==, "NEW");
  s = smt_rating_sheet_get (w->reg, 2024, 0, SMT_RATING_ORGANISATIONS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->scales->len, ==, 2);
  g_assert_cmpstr (smt_rating_sheet_row_scale (s, row_at (s, nd_row))->code, ==, "OLD");
  g_assert_cmpstr (smt_rating_sheet_row_scale (s, row_at (s, pn_row))->code, ==, "NEW");
  g_assert_cmpint (smt_rating_sheet_row_level (s, row_at (s, nd_row)), ==, 0);
  g_assert_cmpstr (row_at (s, pn_row)->previous_code, ==, "HTXSNV");
  g_assert_cmpuint (s->other, ==, 1);
  g_assert_cmpuint (s->not_rated, ==, 7);

  /* Read again after a rating, the rows stay. */
  g_assert_cmpint (smt_rating_set (w->reg, 2024, w->pn, 0, 0, "HTNV", NULL, &error), !=, 0);
  g_assert_true (smt_rating_sheet_reload_ratings (w->reg, s, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (row_at (s, pn_row)->level_code, ==, "HTNV");
  g_assert_cmpuint (s->counts[2], ==, 1);
  g_assert_cmpuint (s->not_rated, ==, 6);

  problems = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (smt_register_check (w->reg, problems, NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) \
  g_test_add ("/rating-query/" name, World, NULL, world_setup, func, world_teardown)
  ADD ("scale-years", test_scale_years);
  ADD ("scale-refusals", test_scale_refusals);
  ADD ("members", test_members);
  ADD ("branches", test_branches);
  ADD ("member-scale", test_member_scale);
  ADD ("organisations", test_organisations);
  return g_test_run ();
}
