/* test-traits.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/organisations/smt-admission-query.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/people/smt-person-detail.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

/* The traits that make people eligible beyond age and sex: the list a new
 * register starts with, a person's records (history), and the rules of the
 * Cựu chiến binh and the Công đoàn that ask for them, in admissions and in
 * the candidates of a branch. "Today" is 30/06/2026.
 *
 * One hamlet, one household, a chi hội of the Cựu chiến binh (founded
 * 01/01/2000) and a công đoàn cơ sở (founded 01/01/2000):
 *
 *   An    M 01/05/1960  Cựu quân nhân since before the register
 *   Bình  M 03/03/1970  Cựu quân nhân from 01/07/2020
 *   Cường M 1950        no trait
 *   Lan   F 02/02/1975  Người lao động … from 01/01/2015, ended 01/02/2025
 *   Hoa   F 1980        no trait                                              */

enum { P_AN, P_BINH, P_CUONG, P_LAN, P_HOA, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           veteran;   /* CQN */
  gint64           worker;    /* NLD */
  gint64           ccb;
  gint64           cd;
  gint64           ccb_branch;
  gint64           cd_branch;
  gint64           person[N_PEOPLE];
  gint64           binh_record;
  gint64           lan_record;  /* the current one, ended */
} World;

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_AN] = { "Nguyễn", "Văn", "An", SMT_SEX_MALE, "1960-05-01", 1960 },
    [P_BINH] = { "Trần", "Văn", "Bình", SMT_SEX_MALE, "1970-03-03", 1970 },
    [P_CUONG] = { "Lê", "Văn", "Cường", SMT_SEX_MALE, NULL, 1950 },
    [P_LAN] = { "Phạm", "Thị", "Lan", SMT_SEX_FEMALE, "1975-02-02", 1975 },
    [P_HOA] = { "Võ", "Thị", "Hoa", SMT_SEX_FEMALE, NULL, 1980 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet, household, record;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  w->veteran = smt_trait_lookup (w->reg, "CQN");
  w->worker = smt_trait_lookup (w->reg, "nld");
  w->ccb = smt_organisation_lookup (w->reg, "CCB");
  w->cd = smt_organisation_lookup (w->reg, "CD");
  hamlet = smt_hamlet_add (w->reg, "Ấp Một", "ấp", &error);
  household = smt_household_add (w->reg, hamlet, "", "2000-01-01", &error);
  w->ccb_branch = smt_branch_add (w->reg, w->ccb, 0, "chi hội", "Chi hội Cựu chiến binh ấp Một",
                                  &hamlet, 1, "2000-01-01", &error);
  w->cd_branch = smt_branch_add (w->reg, w->cd, 0, "công đoàn cơ sở",
                                 "Công đoàn cơ sở Trường Tiểu học", NULL, 0, "2000-01-01",
                                 &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
      g_assert_cmpint (smt_residence_move (w->reg, w->person[p], household, "2000-01-01",
                                           p == P_AN, "", &error), !=, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpint (smt_person_trait_add (w->reg, w->person[P_AN], w->veteran, NULL, NULL,
                                         "Giấy xuất ngũ", &error), !=, 0);
  w->binh_record = smt_person_trait_add (w->reg, w->person[P_BINH], w->veteran, "2020-07-01",
                                         NULL, "", &error);
  record = smt_person_trait_add (w->reg, w->person[P_LAN], w->worker, "2015-01-01", NULL,
                                 "Giáo viên", &error);
  w->lan_record = smt_person_trait_end (w->reg, record, "2025-02-01", "Nghỉ việc", &error);
  g_assert_no_error (error);
  g_assert_cmpint (w->binh_record, !=, 0);
  g_assert_cmpint (w->lan_record, !=, 0);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

/* A new register: the two traits, asked for by CCB and CD only. */
static void
test_defaults (World         *w,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) traits = smt_traits_list (w->reg, &error);
  g_autoptr(GPtrArray) orgs = smt_organisations_list (w->reg, &error);
  const SmtTraitInfo *t;

  g_assert_no_error (error);
  g_assert_cmpuint (traits->len, ==, 2);
  t = g_ptr_array_index (traits, 0);
  g_assert_cmpstr (t->code, ==, "CQN");
  g_assert_cmpstr (t->name, ==, "Cựu quân nhân");
  g_assert_cmpstr (t->organisations, ==, "Cựu chiến binh");
  /* Today: An and Bình. */
  g_assert_cmpuint (t->people, ==, 2);
  t = g_ptr_array_index (traits, 1);
  g_assert_cmpstr (t->code, ==, "NLD");
  g_assert_cmpstr (t->organisations, ==, "Công đoàn");
  /* Lan's record ended on 01/02/2025. */
  g_assert_cmpuint (t->people, ==, 0);
  for (guint i = 0; i < orgs->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (orgs, i);

      if (g_strcmp0 (o->code, "CCB") == 0)
        g_assert_cmpstr (o->trait_code, ==, "CQN");
      else if (g_strcmp0 (o->code, "CD") == 0)
        g_assert_cmpstr (o->trait_name, ==, "Người lao động, cán bộ, công chức");
      else
        g_assert_cmpint (o->trait_id, ==, 0);
    }
}

/* The list is data: add, rename (logged), delete only when unused. */
static void
test_list_edits (World         *w,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = smt_trait_add (w->reg, "TNXP", "Thanh niên xung phong", 3, &error);

  g_assert_no_error (error);
  g_assert_cmpint (smt_trait_add (w->reg, "cqn", "Trùng mã", 4, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (smt_trait_add (w->reg, "TN XP", "Có dấu cách", 4, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (smt_trait_update (w->reg, id, "TNXP", "Cựu thanh niên xung phong", 3,
                                   "Đổi tên", &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count (*) FROM change_log "
                                                      "WHERE table_name = 'trait' AND row_id = ?1",
                                           id), ==, 2);
  /* Asked for by a rule, or recorded for a person: kept. */
  g_assert_false (smt_trait_delete (w->reg, w->veteran, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  g_assert_cmpint (smt_person_trait_add (w->reg, w->person[P_HOA], id, "2010-01-01", NULL, "",
                                         &error), !=, 0);
  g_assert_false (smt_trait_delete (w->reg, id, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_HAS_HISTORY);
  g_clear_error (&error);
  id = smt_trait_add (w->reg, "X", "Không dùng", 9, &error);
  g_assert_true (smt_trait_delete (w->reg, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_trait_lookup (w->reg, "X"), ==, 0);
}

/* A person's records: no overlap, an end, a void, the history kept. */
static void
test_records (World         *w,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(SmtPersonDetail) detail = NULL;
  gint64 again, voided;

  /* On and around Lan's days (01/01/2015 – 01/02/2025, both included). */
  g_assert_false (smt_person_has_trait (w->reg, w->person[P_LAN], w->worker, "2014-12-31"));
  g_assert_true (smt_person_has_trait (w->reg, w->person[P_LAN], w->worker, "2015-01-01"));
  g_assert_true (smt_person_has_trait (w->reg, w->person[P_LAN], w->worker, "2025-02-01"));
  g_assert_false (smt_person_has_trait (w->reg, w->person[P_LAN], w->worker, "2025-02-02"));
  g_assert_true (smt_person_has_trait (w->reg, w->person[P_AN], w->veteran, "1900-01-01"));

  /* Overlapping her record: refused; after it: fine. */
  g_assert_cmpint (smt_person_trait_add (w->reg, w->person[P_LAN], w->worker, "2024-01-01",
                                         NULL, "", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_assert_nonnull (strstr (error->message, "01/02/2025"));
  g_clear_error (&error);
  again = smt_person_trait_add (w->reg, w->person[P_LAN], w->worker, "2025-09-01", NULL,
                                "Đi làm lại", &error);
  g_assert_no_error (error);
  /* A start after today, an end before the start: refused. */
  g_assert_cmpint (smt_person_trait_add (w->reg, w->person[P_HOA], w->worker, "2026-07-01",
                                         NULL, "", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_FUTURE_DATE);
  g_clear_error (&error);
  g_assert_cmpint (smt_person_trait_add (w->reg, w->person[P_HOA], w->worker, "2020-01-01",
                                         "2019-01-01", "", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER);
  g_clear_error (&error);

  /* Voided: gone from the current records, kept in the history; a void
   * needs a reason and cannot be voided again. */
  g_assert_cmpint (smt_person_trait_void (w->reg, again, "", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  voided = smt_person_trait_void (w->reg, again, "Nhập nhầm", &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_person_trait_void (w->reg, again, "Lần nữa", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);
  g_assert_false (smt_person_has_trait (w->reg, w->person[P_LAN], w->worker, "2026-01-01"));

  current = smt_person_traits (w->reg, w->person[P_LAN], FALSE, &error);
  history = smt_person_traits (w->reg, w->person[P_LAN], TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpint (((SmtPersonTraitRow *) g_ptr_array_index (current, 0))->id, ==,
                   w->lan_record);
  /* The first record, its end, the second, its void: by key. */
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_false (((SmtPersonTraitRow *) g_ptr_array_index (history, 0))->current);
  g_assert_cmpint (((SmtPersonTraitRow *) g_ptr_array_index (history, 1))->id, ==,
                   w->lan_record);
  g_assert_true (((SmtPersonTraitRow *) g_ptr_array_index (history, 3))->voids);
  g_assert_cmpint (((SmtPersonTraitRow *) g_ptr_array_index (history, 3))->id, ==, voided);

  /* The person's page has the current records, in words. */
  detail = smt_person_detail_get (w->reg, w->person[P_LAN], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (detail->traits->len, ==, 1);
  {
    g_autofree char *text =
      smt_person_trait_describe (g_ptr_array_index (detail->traits, 0));

    g_assert_cmpstr (text, ==, "Người lao động, cán bộ, công chức (01/01/2015 – 01/02/2025)");
  }
  /* History is append-only, even in SQL. */
  g_assert_cmpint (sqlite3_exec (smt_register_get_db (w->reg),
                                 "DELETE FROM person_trait", NULL, NULL, NULL), !=, SQLITE_OK);

  /* The check is clean; a row written behind the API's back that overlaps
   * Lan's record (01/01/2015 – 01/02/2025) is found. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *sql = NULL;

    g_assert_true (smt_register_check (w->reg, problems, &error));
    g_assert_cmpuint (problems->len, ==, 0);
    sql = g_strdup_printf ("INSERT INTO person_trait (id, person_id, trait_id, from_date, "
                           "entered_at) VALUES (1, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                           ", '2020-01-01', '2026-01-01T00:00:00Z')", w->person[P_LAN],
                           w->worker);
    g_assert_cmpint (sqlite3_exec (smt_register_get_db (w->reg), sql, NULL, NULL, NULL), ==,
                     SQLITE_OK);
    g_assert_false (smt_register_check (w->reg, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Phạm Thị Lan"));
  }
}

static gint64
admit (World      *w,
       int         p,
       gint64      branch,
       const char *date,
       const char *exception,
       GError    **error)
{
  SmtMembershipChange change = {
    .kind = SMT_EVENT_ADMITTED, .person_id = w->person[p], .branch_id = branch, .date = date,
    .exception_note = exception,
  };

  return smt_membership_record (w->reg, &change, error);
}

/* The Cựu chiến binh admits a cựu quân nhân, on a day they are one; the
 * exception note is the way around. */
static void
test_admission (World         *w,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Bình before 01/07/2020: refused, the message names the trait. */
  g_assert_cmpint (admit (w, P_BINH, w->ccb_branch, "2020-06-30", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_ELIGIBLE);
  g_assert_nonnull (strstr (error->message, "Cựu quân nhân"));
  g_assert_nonnull (strstr (error->message, "Trần Văn Bình"));
  g_clear_error (&error);
  /* Cường has no record at all. */
  g_assert_cmpint (admit (w, P_CUONG, w->ccb_branch, "2012-01-01", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_ELIGIBLE);
  g_clear_error (&error);
  /* Lan after her record ended: refused by the Công đoàn. */
  g_assert_cmpint (admit (w, P_LAN, w->cd_branch, "2025-03-01", NULL, &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_ELIGIBLE);
  g_clear_error (&error);

  /* With the trait on the day: accepted. */
  g_assert_cmpint (admit (w, P_BINH, w->ccb_branch, "2020-07-01", NULL, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (admit (w, P_LAN, w->cd_branch, "2016-01-01", NULL, &error), !=, 0);
  g_assert_no_error (error);
  /* Without it, with an agreed exception: accepted, the note kept. */
  g_assert_cmpint (admit (w, P_CUONG, w->ccb_branch, "2012-01-01", "Cựu công nhân quốc phòng",
                          &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (w->reg, 0,
                   "SELECT count (*) FROM membership_event WHERE person_id = ?1 "
                   "AND exception_note = 'Cựu công nhân quốc phòng'", w->person[P_CUONG]), ==, 1);

  /* Without a rule the trait is not asked: after clearing CCB's rule,
   * Hoa (a woman of 46, no trait) may join. */
  {
    g_autoptr(GPtrArray) orgs = smt_organisations_list (w->reg, &error);
    SmtOrganisationFields f = { 0 };

    for (guint i = 0; i < orgs->len; i++)
      {
        const SmtOrganisationInfo *o = g_ptr_array_index (orgs, i);

        if (o->id != w->ccb)
          continue;
        f = (SmtOrganisationFields) { o->code, o->name, o->short_name, o->member_word,
                                      SMT_ORGANISATION_SOCIO_POLITICAL, o->min_age, o->max_age,
                                      o->sex, o->position, 0 };
      }
    g_assert_true (smt_organisation_update (w->reg, w->ccb, &f, "Thử", &error));
    g_assert_no_error (error);
    g_assert_cmpint (admit (w, P_HOA, w->ccb_branch, "2026-01-01", NULL, &error), !=, 0);
    g_assert_no_error (error);
    /* A rule naming a trait that is not there: refused. */
    f.trait_id = 987654;
    g_assert_false (smt_organisation_update (w->reg, w->ccb, &f, "Thử", &error));
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  }
}

/* The candidates of a branch: only those with the trait on the day. */
static void
test_candidates (World         *w,
                 gconstpointer  data)
{
  static const struct
  {
    const char *date;
    gboolean    veteran;    /* the CCB branch, else the công đoàn */
    const char *names;      /* given names in order */
  } cases[] = {
    /* An and Bình are cựu quân nhân, Bình from 01/07/2020. */
    { "2020-06-30", TRUE, "An" },
    { "2020-07-01", TRUE, "An Bình" },
    { "2026-06-30", TRUE, "An Bình" },
    /* Lan from 01/01/2015 to 01/02/2025. */
    { "2014-12-31", FALSE, "" },
    { "2025-02-01", FALSE, "Lan" },
    { "2025-02-02", FALSE, "" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) list =
        smt_admission_candidates (w->reg, cases[i].veteran ? w->ccb_branch : w->cd_branch,
                                  cases[i].date, NULL, &error);
      g_autoptr(GString) names = g_string_new (NULL);

      g_assert_no_error (error);
      for (guint k = 0; k < list->len; k++)
        {
          const SmtAdmissionCandidate *c = g_ptr_array_index (list, k);

          g_string_append_printf (names, "%s%s", k > 0 ? " " : "",
                                  strrchr (c->full_name, ' ') + 1);
        }
      g_test_message ("%s: %s", cases[i].date, names->str);
      g_assert_cmpstr (names->str, ==, cases[i].names);
    }

  /* A member is no candidate; a voided record makes none. */
  g_assert_cmpint (admit (w, P_AN, w->ccb_branch, "2010-01-01", NULL, &error), !=, 0);
  g_assert_cmpint (smt_person_trait_void (w->reg, w->binh_record, "Nhầm người", &error), !=, 0);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = smt_admission_candidates (w->reg, w->ccb_branch, NULL, NULL,
                                                          &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add ("/traits/defaults", World, NULL, world_setup, test_defaults, world_teardown);
  g_test_add ("/traits/list-edits", World, NULL, world_setup, test_list_edits, world_teardown);
  g_test_add ("/traits/records", World, NULL, world_setup, test_records, world_teardown);
  g_test_add ("/traits/admission", World, NULL, world_setup, test_admission, world_teardown);
  g_test_add ("/traits/candidates", World, NULL, world_setup, test_candidates,
              world_teardown);
  return g_test_run ();
}
