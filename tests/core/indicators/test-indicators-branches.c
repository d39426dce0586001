/* test-indicators-branches.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/demo/smt-demo.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "core/targets/smt-targets.h"
#include "smt-test-util.h"

/* A small commune built by hand ("today" is 30/06/2026).
 *
 * Hamlets H1, H2. Branches:
 *   PN1  chi hội Phụ nữ, liên ấp (H1 and H2), 2000
 *   TO1  tổ hội under PN1 (H1), 2000 — never counted as a branch
 *   ND1  chi hội Nông dân (H1), 2000
 *   DTN  chi đoàn (H2), founded 2025-05-15
 *   ND2  chi hội Nông dân (H2), founded 2025-07-10, dissolved 2025-10-20
 * Members: Lan PN1 (2010), Mai TO1 (2015), Hoa PN1 (2015, away from
 * 2025-01-01, back 2025-11-01), An ND1 (2012), Bình ND1 (2025-05-20),
 * Cường DTN (2025-06-01), Thu DTN (2025-07-01), Tâm ND2 (2025-07-15,
 * transferred to ND1 2025-10-20).
 * Party members: Lan since 2018-03-03, Mai 2010, An 2000, Bình 2025-07-01,
 * Thu 2024-05-19.
 *
 * Resolution 01-NQ/ĐH of the commune's Party congress, term 2020-10-15 to
 * 2025-10-14.
 *
 * The organisations themselves (tổ chức cơ sở) are rated in 2020, 2021,
 * 2024 and 2025 (organisations_strong).
 *
 * The ratings of 2020, 2021 and 2025, the meetings of 2020, 2023, the
 * first quarter and the second half of 2025, ND2, Thu, Tâm and the changes
 * of officers and leaders after June 2025 make the period kinds differ
 * (test_period_kinds); none of them changes a figure the first cases
 * (strong … party-present) check. */

enum { O_PN, O_ND, O_DTN, O_NCT, N_ORGS };
static const char *org_codes[N_ORGS] = { "PN", "ND", "DTN", "NCT" };
enum { B_PN1, B_TO1, B_ND1, B_DTN, B_ND2, N_BRANCHES };
enum { P_LAN, P_MAI, P_HOA, P_AN, P_BINH, P_CUONG, P_THU, P_TAM, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           hamlet[2];
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
  gint64           resolution;
} World;

static void
admit (World      *w,
       int         person,
       int         branch,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = SMT_EVENT_ADMITTED, .person_id = w->person[person],
    .branch_id = w->branch[branch], .date = date,
  };

  g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
}

/* A membership event other than an admission: a transfer to branch, or
 * away / back (branch -1: none named). */
static void
change (World        *w,
        SmtEventKind  kind,
        int           person,
        int           org,
        int           branch,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange c = {
    .kind = kind, .person_id = w->person[person], .organisation_id = w->org[org],
    .branch_id = branch >= 0 ? w->branch[branch] : 0, .date = date,
  };

  g_assert_cmpint (smt_membership_record (w->reg, &c, &error), !=, 0);
  g_assert_no_error (error);
}

static gint64
meeting (World          *w,
         int             branch,
         const char     *date,
         SmtMeetingKind  kind,
         int             present,
         gboolean        party,
         gboolean        officer,
         const gint64   *attendees,
         guint           n_attendees)
{
  g_autoptr(GError) error = NULL;
  SmtMeetingFields f = {
    .branch_id = w->branch[branch], .date = date, .kind = kind, .topic = "Sinh hoạt",
    .present = present, .party_present = party, .officer_present = officer,
    .attendees = attendees, .n_attendees = n_attendees,
  };
  gint64 id = smt_meeting_add (w->reg, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
rate (World      *w,
      int         year,
      int         org,
      int         branch,
      const char *level,
      const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_rating_set (w->reg, year, w->org[org], 0, w->branch[branch], level,
                                   reason, &error), !=, 0);
  g_assert_no_error (error);
}

/* A rating of the organisation itself. */
static void
rate_itself (World      *w,
             int         year,
             int         org,
             const char *level,
             const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_rating_set (w->reg, year, w->org[org], 0, 0, level, reason, &error),
                   !=, 0);
  g_assert_no_error (error);
}

static gint64
officer (World      *w,
         int         org,
         int         person,
         const char *from,
         int         political,
         int         professional)
{
  g_autoptr(GError) error = NULL;
  SmtOfficerFields f = {
    .organisation_id = org < 0 ? 0 : w->org[org], .person_id = w->person[person],
    .role = SMT_OFFICER_HEAD, .from_date = from, .political_level = political,
    .professional_level = professional,
  };
  gint64 id = smt_officer_add (w->reg, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static gint64
leader (World      *w,
        int         branch,
        int         person,
        const char *from)
{
  g_autoptr(GError) error = NULL;
  gint64 id = smt_leader_appoint (w->reg, w->branch[branch], w->person[person],
                                  SMT_LEADER_LEADER, from, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980,
                .party_since = "2018-03-03" },
    [P_MAI] = { "Trần", "Thị", "Mai", SMT_SEX_FEMALE, "1985-01-20", 1985,
                .party_since = "2010-01-01" },
    [P_HOA] = { "Lê", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-07-07", 1990 },
    [P_AN] = { "Trần", "Văn", "An", SMT_SEX_MALE, "1970-03-02", 1970,
               .party_since = "2000-01-01" },
    [P_BINH] = { "Phạm", "Văn", "Bình", SMT_SEX_MALE, "1975-02-02", 1975,
                 .party_since = "2025-07-01" },
    [P_CUONG] = { "Võ", "Văn", "Cường", SMT_SEX_MALE, "2000-01-01", 2000 },
    [P_THU] = { "Đặng", "Thị", "Thu", SMT_SEX_FEMALE, "1998-09-02", 1998,
                .party_since = "2024-05-19" },
    [P_TAM] = { "Huỳnh", "Văn", "Tâm", SMT_SEX_MALE, "1988-11-11", 1988 },
  };
  gint64 officer_an, officer_hoa, leader_lan, leader_cuong;
  g_autoptr(GError) error = NULL;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  for (int o = 0; o < N_ORGS; o++)
    w->org[o] = smt_organisation_lookup (w->reg, org_codes[o]);
  w->hamlet[0] = smt_hamlet_add (w->reg, "Ấp Một", "ấp", &error);
  g_assert_no_error (error);
  w->hamlet[1] = smt_hamlet_add (w->reg, "Ấp Hai", "ấp", &error);
  g_assert_no_error (error);

#define BRANCH(b, o, parent, kind, name, hamlets, n, founded) \
  w->branch[b] = smt_branch_add (w->reg, w->org[o], parent, kind, name, hamlets, n, founded, \
                                 &error); \
  g_assert_no_error (error)
  BRANCH (B_PN1, O_PN, 0, "chi hội", "Chi hội Phụ nữ liên ấp", w->hamlet, 2, "2000-01-01");
  BRANCH (B_TO1, O_PN, w->branch[B_PN1], "tổ hội", "Tổ hội Phụ nữ 1A", &w->hamlet[0], 1,
          "2000-01-01");
  BRANCH (B_ND1, O_ND, 0, "chi hội", "Chi hội Nông dân ấp Một", &w->hamlet[0], 1,
          "2000-01-01");
  BRANCH (B_DTN, O_DTN, 0, "chi đoàn", "Chi đoàn ấp Hai", &w->hamlet[1], 1, "2025-05-15");
  BRANCH (B_ND2, O_ND, 0, "chi hội", "Chi hội Nông dân ấp Hai", &w->hamlet[1], 1,
          "2025-07-10");
#undef BRANCH

  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  admit (w, P_LAN, B_PN1, "2010-03-08");
  admit (w, P_MAI, B_TO1, "2015-01-01");
  admit (w, P_HOA, B_PN1, "2015-01-01");
  {
    SmtMembershipChange away = {
      .kind = SMT_EVENT_AWAY, .person_id = w->person[P_HOA], .organisation_id = w->org[O_PN],
      .date = "2025-01-01",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &away, &error), !=, 0);
    g_assert_no_error (error);
  }
  admit (w, P_AN, B_ND1, "2012-01-01");
  admit (w, P_BINH, B_ND1, "2025-05-20");
  admit (w, P_CUONG, B_DTN, "2025-06-01");

  /* Ratings: 2022 on the old scale, 2024 on the new one; ND1's 2024 rating
   * corrected (KHTNV → HTNV) counts once. */
  rate (w, 2022, O_PN, B_PN1, "VM", NULL);
  rate (w, 2022, O_ND, B_ND1, "KHA", NULL);
  rate (w, 2024, O_PN, B_PN1, "HTTNV", NULL);
  rate (w, 2024, O_ND, B_ND1, "KHTNV", NULL);
  rate (w, 2024, O_ND, B_ND1, "HTNV", "nhập nhầm mức");

  /* Heads of organisations. */
  officer (w, O_PN, P_LAN, "2020-01-01", 2, 4);
  officer_an = officer (w, O_ND, P_AN, "2020-01-01", 1, 3);
  officer_hoa = officer (w, -1, P_HOA, "2025-06-10", 3, 5);
  {
    gint64 id = officer (w, O_DTN, P_CUONG, "2021-01-01", 2, 2);

    g_assert_cmpint (smt_officer_end (w->reg, id, "2025-04-30", "chuyển công tác", &error), !=, 0);
    g_assert_no_error (error);
  }

  /* Branch leaders. */
  leader_lan = leader (w, B_PN1, P_LAN, "2015-01-01");
  {
    gint64 id = leader (w, B_ND1, P_AN, "2020-01-01");

    g_assert_cmpint (smt_leader_end (w->reg, id, "2025-06-15", "nghỉ", &error), !=, 0);
    g_assert_no_error (error);
  }
  leader (w, B_ND1, P_BINH, "2025-06-16");
  leader_cuong = leader (w, B_DTN, P_CUONG, "2025-06-01");
  leader (w, B_TO1, P_MAI, "2016-01-01");  /* a tổ trưởng: not counted */

  /* Meetings of 2025. */
  {
    gint64 lan = w->person[P_LAN];
    g_autoptr(GError) e = NULL;
    SmtMeetingFields fix = {
      .branch_id = w->branch[B_ND1], .date = "2025-05-06", .kind = SMT_MEETING_REGULAR,
      .topic = "Sinh hoạt", .present = 1,
    };
    gint64 nd, voided;

    meeting (w, B_PN1, "2025-05-10", SMT_MEETING_REGULAR, 1, TRUE, FALSE, &lan, 1);
    meeting (w, B_PN1, "2025-06-12", SMT_MEETING_REGULAR, 2, FALSE, FALSE, NULL, 0);
    meeting (w, B_PN1, "2025-06-20", SMT_MEETING_THEMATIC, 1, FALSE, TRUE, NULL, 0);
    nd = meeting (w, B_ND1, "2025-05-05", SMT_MEETING_REGULAR, 3, FALSE, FALSE, NULL, 0);
    g_assert_cmpint (smt_meeting_correct (w->reg, nd, &fix, "sai ngày", &e), !=, 0);
    g_assert_no_error (e);
    voided = meeting (w, B_ND1, "2025-06-25", SMT_MEETING_REGULAR, 2, TRUE, FALSE, NULL, 0);
    g_assert_cmpint (smt_meeting_void (w->reg, voided, "nhập nhầm", &e), !=, 0);
    g_assert_no_error (e);
    meeting (w, B_DTN, "2025-06-05", SMT_MEETING_REGULAR, 1, TRUE, FALSE, NULL, 0);
    meeting (w, B_TO1, "2025-06-03", SMT_MEETING_REGULAR, 1, TRUE, FALSE, NULL, 0);
  }

  /* ---- what makes the period kinds differ ---- */

  /* Members: Thu and Tâm join; Tâm follows his branch ND2 into ND1 when
   * it is dissolved; Hoa comes back. */
  admit (w, P_THU, B_DTN, "2025-07-01");
  admit (w, P_TAM, B_ND2, "2025-07-15");
  change (w, SMT_EVENT_TRANSFERRED, P_TAM, O_ND, B_ND1, "2025-10-20");
  change (w, SMT_EVENT_BACK, P_HOA, O_PN, -1, "2025-11-01");

  /* Ratings of 2020 and 2021 (old scale) and 2025 (new scale); the tổ
   * hội's rating counts nowhere. */
  rate (w, 2020, O_PN, B_PN1, "VM", NULL);
  rate (w, 2020, O_ND, B_ND1, "TB", NULL);
  rate (w, 2021, O_PN, B_PN1, "KHA", NULL);
  rate (w, 2021, O_ND, B_ND1, "VM", NULL);
  rate (w, 2025, O_PN, B_PN1, "HTXSNV", NULL);
  rate (w, 2025, O_ND, B_ND1, "HTNV", NULL);
  rate (w, 2025, O_DTN, B_DTN, "HTTNV", NULL);
  rate (w, 2025, O_PN, B_TO1, "HTXSNV", NULL);

  /* The organisations themselves (strong: VM, HTXSNV, HTTNV); NCT is a
   * mass association, outside the seeds' scope. ND's 2024 rating is
   * corrected (KHTNV → HTNV).
   *   2020 PN VM, ND TB
   *   2021 PN VM, ND VM, DTN KHA
   *   2024 PN HTTNV, ND HTNV, DTN HTXSNV, NCT HTXSNV
   *   2025 PN HTXSNV, ND HTTNV, DTN HTNV */
  rate_itself (w, 2020, O_PN, "VM", NULL);
  rate_itself (w, 2020, O_ND, "TB", NULL);
  rate_itself (w, 2021, O_PN, "VM", NULL);
  rate_itself (w, 2021, O_ND, "VM", NULL);
  rate_itself (w, 2021, O_DTN, "KHA", NULL);
  rate_itself (w, 2024, O_PN, "HTTNV", NULL);
  rate_itself (w, 2024, O_ND, "KHTNV", NULL);
  rate_itself (w, 2024, O_ND, "HTNV", "nhập nhầm mức");
  rate_itself (w, 2024, O_DTN, "HTXSNV", NULL);
  rate_itself (w, 2024, O_NCT, "HTXSNV", NULL);
  rate_itself (w, 2025, O_PN, "HTXSNV", NULL);
  rate_itself (w, 2025, O_ND, "HTTNV", NULL);
  rate_itself (w, 2025, O_DTN, "HTNV", NULL);

  /* Heads: Thu (DTN; political 1, professional 4) from 01/08/2025; An
   * hands ND over to Bình (2, 1) on 06/10/2025; Hoa leaves the committee
   * on 30/11/2025. */
  officer (w, O_DTN, P_THU, "2025-08-01", 1, 4);
  g_assert_cmpint (smt_officer_end (w->reg, officer_an, "2025-10-05", "nghỉ hưu", &error), !=, 0);
  g_assert_no_error (error);
  officer (w, O_ND, P_BINH, "2025-10-06", 2, 1);
  g_assert_cmpint (smt_officer_end (w->reg, officer_hoa, "2025-11-30", "chuyển công tác", &error),
                   !=, 0);
  g_assert_no_error (error);

  /* Leaders: Tâm leads ND2 from 20/07/2025 (his term is never ended, but
   * the branch is gone after 20/10/2025); Thu follows Cường in DTN on
   * 01/09/2025; Hoa follows Lan in PN1 on 01/12/2025. */
  leader (w, B_ND2, P_TAM, "2025-07-20");
  g_assert_cmpint (smt_leader_end (w->reg, leader_cuong, "2025-08-31", "đi học", &error), !=, 0);
  g_assert_no_error (error);
  leader (w, B_DTN, P_THU, "2025-09-01");
  g_assert_cmpint (smt_leader_end (w->reg, leader_lan, "2025-11-30", "hết nhiệm kỳ", &error),
                   !=, 0);
  g_assert_no_error (error);
  leader (w, B_PN1, P_HOA, "2025-12-01");

  /* Meetings (regular unless said; present; Party member P or officer O). */
  meeting (w, B_ND1, "2020-11-20", SMT_MEETING_REGULAR, 1, FALSE, FALSE, NULL, 0);
  meeting (w, B_PN1, "2023-03-15", SMT_MEETING_REGULAR, 2, TRUE, FALSE, NULL, 0);
  meeting (w, B_PN1, "2025-02-14", SMT_MEETING_REGULAR, 1, FALSE, FALSE, NULL, 0);
  meeting (w, B_ND1, "2025-03-08", SMT_MEETING_REGULAR, 1, TRUE, FALSE, NULL, 0);
  meeting (w, B_ND1, "2025-07-09", SMT_MEETING_REGULAR, 2, FALSE, FALSE, NULL, 0);
  meeting (w, B_PN1, "2025-07-11", SMT_MEETING_REGULAR, 2, FALSE, TRUE, NULL, 0);
  meeting (w, B_DTN, "2025-08-05", SMT_MEETING_REGULAR, 2, TRUE, FALSE, NULL, 0);
  meeting (w, B_ND2, "2025-08-16", SMT_MEETING_REGULAR, 1, FALSE, FALSE, NULL, 0);
  meeting (w, B_ND1, "2025-09-10", SMT_MEETING_REGULAR, 1, TRUE, FALSE, NULL, 0);
  meeting (w, B_PN1, "2025-09-12", SMT_MEETING_THEMATIC, 1, TRUE, FALSE, NULL, 0);
  meeting (w, B_ND1, "2025-10-08", SMT_MEETING_REGULAR, 2, FALSE, FALSE, NULL, 0);
  meeting (w, B_DTN, "2025-11-05", SMT_MEETING_REGULAR, 1, FALSE, FALSE, NULL, 0);
  meeting (w, B_ND1, "2025-12-05", SMT_MEETING_REGULAR, 2, FALSE, FALSE, NULL, 0);
  meeting (w, B_PN1, "2025-12-10", SMT_MEETING_REGULAR, 3, TRUE, FALSE, NULL, 0);

  g_assert_true (smt_branch_dissolve (w->reg, w->branch[B_ND2], "2025-10-20",
                                      "sáp nhập vào chi hội ấp Một", &error));
  g_assert_no_error (error);

  w->resolution = smt_resolution_add (w->reg, "01-NQ/ĐH",
                                      "Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020–2025",
                                      "Đảng bộ xã Hòa Điền", "2020-10-15", NULL, "2025-10-14",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpint (w->resolution, !=, 0);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

/* Computes code for period (with explain) and checks the figures and that
 * the explanation lists are exactly as long. */
static SmtIndicatorResult *
check_period (World           *w,
              const char      *code,
              const SmtPeriod *period,
              gint64           hamlet,
              double           numerator,
              double           denominator)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery q = { .hamlet_id = hamlet, .explain = TRUE };
  g_autofree char *period_code = smt_period_to_code (period);
  SmtIndicatorResult *r;

  r = smt_indicator_compute (w->reg, code, period, &q, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_test_message ("%s %s hamlet %" G_GINT64_FORMAT ": %g / %g", code, period_code, hamlet,
                  r->numerator, r->denominator);
  g_assert_cmpfloat (r->numerator, ==, numerator);
  g_assert_cmpfloat (r->denominator, ==, denominator);
  g_assert_true (r->defined == (denominator > 0));
  if (denominator > 0)
    g_assert_cmpfloat_with_epsilon (r->value, numerator / denominator * 100.0, 1e-9);
  g_assert_cmpuint (r->numerator_rows->len, ==, (guint) numerator);
  g_assert_cmpuint (r->denominator_rows->len, ==, (guint) denominator);
  return r;
}

static SmtIndicatorResult *
check (World      *w,
       const char *code,
       const char *period_code,
       gint64      hamlet,
       double      numerator,
       double      denominator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) period = smt_period_parse (period_code, &error);

  g_assert_no_error (error);
  return check_period (w, code, period, hamlet, numerator, denominator);
}

static void
check_free_period (World           *w,
                   const char      *code,
                   const SmtPeriod *period,
                   gint64           hamlet,
                   double           numerator,
                   double           denominator)
{
  smt_indicator_result_free (check_period (w, code, period, hamlet, numerator, denominator));
}

static void
check_free (World      *w,
            const char *code,
            const char *period_code,
            gint64      hamlet,
            double      numerator,
            double      denominator)
{
  smt_indicator_result_free (check (w, code, period_code, hamlet, numerator, denominator));
}

static void
test_strong (World         *w,
             gconstpointer  data)
{
  g_autoptr(SmtIndicatorResult) r = NULL;
  const SmtExplainRow *row;

  /* 2022: PN1 VM (strong), ND1 KHA → 1 / 2. */
  r = check (w, "branches_strong", "2022", 0, 1, 2);
  row = g_ptr_array_index (r->numerator_rows, 0);
  g_assert_cmpstr (row->kind, ==, "branch");
  g_assert_cmpint (row->id, ==, w->branch[B_PN1]);
  g_assert_cmpstr (row->label, ==, "Chi hội Phụ nữ liên ấp — 2022");
  g_assert_cmpstr (row->because, ==, "Vững mạnh");
  /* 2024: PN1 HTTNV (strong on the new scale), ND1 HTNV (the correction,
   * counted once; KHTNV superseded) → 1 / 2. */
  check_free (w, "branches_strong", "2024", 0, 1, 2);
  /* A quarter of 2024 touches the year 2024 → the same 1 / 2. */
  check_free (w, "branches_strong", "2024-Q2", 0, 1, 2);
  /* 2022..2024: four ratings, two strong. */
  check_free (w, "branches_strong", "2022-01-01..2024-12-31", 0, 2, 4);
  /* Hamlet H2 is served by PN1 alone → 1 / 1 in 2024; H1 by PN1 and ND1. */
  check_free (w, "branches_strong", "2024", w->hamlet[1], 1, 1);
  check_free (w, "branches_strong", "2024", w->hamlet[0], 1, 2);
  /* 2023 has no rating, but later years have: a gap, undefined, and
   * nothing said. */
  g_clear_pointer (&r, smt_indicator_result_free);
  r = check (w, "branches_strong", "2023", 0, 0, 0);
  g_assert_cmpuint (r->notes->len, ==, 0);
}

/* A period whose year is not rated yet ("today" is 30/06/2026; 2026 is
 * rated at its final review) counts the latest year rated, and says which.
 *   2025: PN1 HTXSNV, ND1 HTNV, DTN HTTNV → 2 / 3 (the tổ hội left out).
 *   H2 (PN1, DTN) → 2 / 2. */
static void
test_latest_rated (World         *w,
                   gconstpointer  data)
{
  static const struct
  {
    const char *code;
    const char *period;
    int         hamlet;  /* -1: the whole commune */
    double      numerator, denominator;
  } cases[] = {
    { "branches_strong", "2026", -1, 2, 3 },
    { "branches_strong", "2026-Q1", -1, 2, 3 },
    { "branches_strong", "2026-06", -1, 2, 3 },
    { "branches_strong", "2026-01-01..2026-06-30", -1, 2, 3 },
    { "branches_strong", "2026", 1, 2, 2 },
    /* The organisations: 2025 PN, ND strong, DTN not → 2 / 3. */
    { "organisations_strong", "2026-Q2", -1, 2, 3 },
  };
  const char *note = "theo xếp loại năm 2025, năm gần nhất đã xếp loại";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmtIndicatorResult) r = NULL;
      const SmtExplainRow *row;

      g_test_message ("%s %s", cases[i].code, cases[i].period);
      r = check (w, cases[i].code, cases[i].period,
                 cases[i].hamlet >= 0 ? w->hamlet[cases[i].hamlet] : 0, cases[i].numerator,
                 cases[i].denominator);
      g_assert_cmpuint (r->notes->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (r->notes, 0), ==, note);
      /* The rows are those of 2025. */
      row = g_ptr_array_index (r->denominator_rows, 0);
      g_assert_true (g_str_has_suffix (row->label, " — 2025"));
    }

  /* A rated year says nothing. */
  {
    g_autoptr(SmtIndicatorResult) r = check (w, "branches_strong", "2025", 0, 2, 3);

    g_assert_cmpuint (r->notes->len, ==, 0);
  }
  /* As a series: the same, period by period. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SmtPeriod) first = smt_period_new_quarter (2025, 3);
    g_autoptr(SmtPeriod) last = smt_period_new_quarter (2026, 2);
    g_autoptr(GPtrArray) quarters = smt_period_series (first, last, &error);
    g_autoptr(GPtrArray) series = NULL;

    g_assert_no_error (error);
    series = smt_indicator_compute_series (w->reg, "branches_strong",
                                           (SmtPeriod * const *) quarters->pdata, quarters->len,
                                           NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (series->len, ==, 4);
    for (guint i = 0; i < series->len; i++)
      {
        const SmtIndicatorResult *r = g_ptr_array_index (series, i);

        g_assert_cmpfloat (r->numerator, ==, 2);
        g_assert_cmpfloat (r->denominator, ==, 3);
        g_assert_cmpuint (r->notes->len, ==, i < 2 ? 0 : 1);
      }
  }
}

/* The commune-level organisations themselves (tổ chức cơ sở): the seeds'
 * "373/375" counts them, 5 a commune. The hamlet filter does not apply
 * (they serve the whole commune); the scope does. */
static void
test_organisations_strong (World         *w,
                           gconstpointer  data)
{
  g_autoptr(SmtIndicatorResult) r = NULL;
  const SmtExplainRow *row;
  g_autoptr(GError) error = NULL;

  /* 2024: PN HTTNV (strong), ND HTNV (the correction, counted once), DTN
   * HTXSNV (strong); NCT is not in the seeds' scope → 2 / 3. */
  r = check (w, "organisations_strong", "2024", 0, 2, 3);
  row = g_ptr_array_index (r->numerator_rows, 0);
  g_assert_cmpstr (row->kind, ==, "organisation");
  g_assert_cmpint (row->id, ==, w->org[O_DTN]);
  g_assert_cmpstr (row->label, ==, "Đoàn Thanh niên Cộng sản Hồ Chí Minh — 2024");
  g_assert_cmpstr (row->because, ==, "Hoàn thành xuất sắc nhiệm vụ");
  row = g_ptr_array_index (r->denominator_rows, 2);
  g_assert_cmpint (row->id, ==, w->org[O_ND]);
  g_assert_cmpstr (row->because, ==, "Hoàn thành nhiệm vụ");
  /* A hamlet changes nothing. */
  check_free (w, "organisations_strong", "2024", w->hamlet[1], 2, 3);
  /* With the mass associations: NCT too → 3 / 4. */
  {
    SmtIndicatorQuery q = { .scope = "socio_political,mass" };
    g_autoptr(SmtPeriod) y = smt_period_new_year (2024);
    g_autoptr(SmtIndicatorResult) mass = smt_indicator_compute (w->reg, "organisations_strong",
                                                                y, &q, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (mass->numerator, ==, 3);
    g_assert_cmpfloat (mass->denominator, ==, 4);
  }
  /* 2025: PN, ND strong, DTN HTNV → 2 / 3; 2021: PN, ND VM, DTN KHA → 2 / 3;
   * 2020: PN VM, ND TB → 1 / 2; 2020..2025: 7 / 11. 2022 and 2023 are not
   * rated, later years are: undefined. */
  check_free (w, "organisations_strong", "2025-Q4", 0, 2, 3);
  check_free (w, "organisations_strong", "2021", 0, 2, 3);
  check_free (w, "organisations_strong", "2020", 0, 1, 2);
  check_free (w, "organisations_strong", "2020-01-01..2025-12-31", 0, 7, 11);
  check_free (w, "organisations_strong", "2022", 0, 0, 0);
  check_free (w, "organisations_strong", "2023-H1", 0, 0, 0);
  /* Branch ratings are not the organisations' and the other way round:
   * 2022 has branch ratings only. */
  check_free (w, "branches_strong", "2022", 0, 1, 2);
}

static void
test_officers (World         *w,
               gconstpointer  data)
{
  g_autoptr(SmtIndicatorResult) r = NULL;
  const SmtExplainRow *row;

  /* On 31/05/2025: Lan (PN; political 2, professional 4) and An (ND; 1, 3);
   * Hoa starts 10/06, Cường ended 30/04. Political: Lan → 1 / 2;
   * professional ≥ 2: both → 2 / 2; university: Lan → 1 / 2. */
  r = check (w, "officers_political", "2025-05", 0, 1, 2);
  row = g_ptr_array_index (r->numerator_rows, 0);
  g_assert_cmpstr (row->kind, ==, "person");
  g_assert_cmpint (row->id, ==, w->person[P_LAN]);
  g_assert_cmpstr (row->label, ==, "Nguyễn Thị Lan");
  g_assert_true (g_str_has_prefix (row->because, "Hội Liên hiệp Phụ nữ Việt Nam: "));
  check_free (w, "officers_professional", "2025-05", 0, 2, 2);
  check_free (w, "officers_university", "2025-05", 0, 1, 2);
  /* On 30/06/2025 Hoa (committee; 3, 5) is in too: political Lan, Hoa →
   * 2 / 3; professional 3 / 3; university Lan, Hoa → 2 / 3. */
  check_free (w, "officers_political", "2025-Q2", 0, 2, 3);
  check_free (w, "officers_professional", "2025-Q2", 0, 3, 3);
  check_free (w, "officers_university", "2025-Q2", 0, 2, 3);
  /* On 31/12/2024 Cường (DTN; 2, 2) is still in: political Lan, Cường →
   * 2 / 3; university Lan → 1 / 3. */
  check_free (w, "officers_political", "2024", 0, 2, 3);
  check_free (w, "officers_university", "2024", 0, 1, 3);
}

static void
test_leaders (World         *w,
              gconstpointer  data)
{
  /* 31/05/2025: Lan (PN1, Party 2018) and An (ND1, Party 2000); Cường's
   * term starts 01/06; Mai leads a tổ hội, not counted → 2 / 2. */
  check_free (w, "leaders_party", "2025-05", 0, 2, 2);
  /* 30/06/2025: Lan (Party), Bình (ND1 from 16/06, Party only from
   * 01/07), Cường (DTN, not a Party member) → 1 / 3. */
  check_free (w, "leaders_party", "2025-Q2", 0, 1, 3);
  /* H2 (PN1 liên ấp, DTN): Lan, Cường → 1 / 2. H1 (PN1, ND1): Lan, Bình
   * → 1 / 2. */
  check_free (w, "leaders_party", "2025-Q2", w->hamlet[1], 1, 2);
  check_free (w, "leaders_party", "2025-Q2", w->hamlet[0], 1, 2);
  /* Organisation suffix: ND on 30/06 → Bình, 0 / 1. */
  check_free (w, "leaders_party:ND", "2025-Q2", 0, 0, 1);
}

static void
test_branch_months (World         *w,
                    gconstpointer  data)
{
  g_autoptr(SmtIndicatorResult) r = NULL;
  const SmtExplainRow *row;

  /* May 2025: PN1, ND1 and DTN (founded 15/05: its founding month counts,
   * as in the Sinh hoạt grid); PN1 met 10/05, ND1 met 06/05 (corrected
   * from 05/05: one meeting), DTN not → 2 / 3. */
  r = check (w, "branches_meeting", "2025-05", 0, 2, 3);
  row = g_ptr_array_index (r->denominator_rows, 0);
  g_assert_cmpstr (row->kind, ==, "branch-month");
  g_assert_true (g_str_has_suffix (row->label, " — 05/2025"));
  /* Q2: April PN1, ND1 (no meeting); May PN1, ND1 (both met), DTN; June
   * PN1 (12/06), ND1 (its 25/06 meeting is voided), DTN (05/06) →
   * 0 + 2 + 2 = 4 / 2 + 3 + 3 = 8. The tổ hội's meeting counts nowhere. */
  check_free (w, "branches_meeting", "2025-Q2", 0, 4, 8);
  /* H2: PN1 × 3 months + DTN May, June = 5; met PN1 May, June, DTN June
   * → 3. */
  check_free (w, "branches_meeting", "2025-Q2", w->hamlet[1], 3, 5);
  /* H1: PN1 × 3 + ND1 × 3 = 6; met PN1 May, June, ND1 May → 3. */
  check_free (w, "branches_meeting", "2025-Q2", w->hamlet[0], 3, 6);
  /* ND alone in Q2: 1 / 3. */
  check_free (w, "branches_meeting:ND", "2025-Q2", 0, 1, 3);
}

static void
test_attendance (World         *w,
                 gconstpointer  data)
{
  g_autoptr(SmtIndicatorResult) r = NULL;
  const SmtExplainRow *row;

  /* May: PN1 10/05 present 1 (list: Lan); members Lan and Mai (through
   * TO1), Hoa away → 1 / 2. ND1 06/05 present 1 (corrected from 3);
   * members An (Bình joins 20/05) → 1 / 1. Total 2 / 3. */
  r = check (w, "meeting_attendance", "2025-05", 0, 2, 3);
  /* By date: ND1's row (no list) first, then PN1's named attendee. */
  row = g_ptr_array_index (r->numerator_rows, 1);
  g_assert_cmpstr (row->kind, ==, "attendance");
  g_assert_cmpstr (row->label, ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (row->because, ==, "Chi hội Phụ nữ liên ấp 10/05/2025");
  /* Q2 adds PN1 12/06 present 2 of 2 and DTN 05/06 present 1 of 1
   * (Cường from 01/06); the thematic, voided and tổ hội meetings do not
   * count → 5 / 6. */
  check_free (w, "meeting_attendance", "2025-Q2", 0, 5, 6);
  /* H2: PN1 10/05 (1 of 2), 12/06 (2 of 2), DTN (1 of 1) → 4 / 5. */
  check_free (w, "meeting_attendance", "2025-Q2", w->hamlet[1], 4, 5);
  /* April: no meeting → undefined. */
  check_free (w, "meeting_attendance", "2025-04", 0, 0, 0);
}

static void
test_party_present (World         *w,
                    gconstpointer  data)
{
  /* May: PN1 10/05 (Party member present), ND1 06/05 (no one; counted
   * once after the correction) → 1 / 2. */
  check_free (w, "meetings_party_present", "2025-05", 0, 1, 2);
  /* Q2 adds PN1 12/06 (no), PN1 thematic 20/06 (officer), DTN 05/06
   * (Party) → 3 / 5. */
  check_free (w, "meetings_party_present", "2025-Q2", 0, 3, 5);
  /* PN only: 10/05 yes, 12/06 no, 20/06 yes → 2 / 3. */
  check_free (w, "meetings_party_present:PN", "2025-Q2", 0, 2, 3);
  /* H1: PN1's three and ND1's one → 2 / 4. */
  check_free (w, "meetings_party_present", "2025-Q2", w->hamlet[0], 2, 4);
}

/* ---- every indicator for every kind of period ------------------------------- */

/* The period kinds, with the day stock figures are taken on. */
enum
{
  K_MONTH,    /* 2025-05:                01/05..31/05/2025, stock 31/05/2025 */
  K_QUARTER,  /* 2025-Q3:                01/07..30/09/2025, stock 30/09/2025 */
  K_HALF,     /* 2025-H1:                01/01..30/06/2025, stock 30/06/2025 */
  K_NINE,     /* 2025-9M:                01/01..30/09/2025, stock 30/09/2025 */
  K_YEAR,     /* 2025:                   01/01..31/12/2025, stock 31/12/2025 */
  K_TERM,     /* term of 01-NQ/ĐH:       15/10/2020..14/10/2025, stock 14/10/2025 */
  K_RANGE,    /* 2021-01-01..2025-12-31, stock 31/12/2025 */
  K_MID,      /* 2025-05-10..2025-06-15, mid-month to mid-month, stock 15/06/2025 */
  N_KINDS
};

/* The term of a resolution, as the annex of its review is computed: the
 * range of dates from term_from to term_to. */
static SmtPeriod *
term_of (World  *w,
         gint64  resolution_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = smt_register_prepare (w->reg, "SELECT term_from, term_to FROM resolution "
                                                     "WHERE id = ?1", &error);
  SmtPeriod *period;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, resolution_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  period = smt_period_new_range ((const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1), &error);
  sqlite3_reset (stmt);
  g_assert_no_error (error);
  return period;
}

static GPtrArray *
period_kinds (World *w)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_period_free);
  static const char *ranges[] = { "2021-01-01..2025-12-31", "2025-05-10..2025-06-15" };

  g_ptr_array_add (periods, smt_period_new_month (2025, 5));
  g_ptr_array_add (periods, smt_period_new_quarter (2025, 3));
  g_ptr_array_add (periods, smt_period_new_half (2025, 1));
  g_ptr_array_add (periods, smt_period_new_nine_months (2025));
  g_ptr_array_add (periods, smt_period_new_year (2025));
  g_ptr_array_add (periods, term_of (w, w->resolution));
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (periods, smt_period_parse (ranges[i], &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (periods->len, ==, N_KINDS);
  g_assert_cmpstr (smt_period_get_start (periods->pdata[K_TERM]), ==, "2020-10-15");
  g_assert_cmpstr (smt_period_get_end (periods->pdata[K_TERM]), ==, "2025-10-14");
  return periods;
}

typedef struct
{
  const char *code;
  int         kind;
  int         hamlet;   /* -1: the whole commune */
  double      numerator;
  double      denominator;
} Case;

/* Branches counted (no tổ hội) and when: PN1 and ND1 always; DTN from
 * 15/05/2025 (so from May for a branch-month: a month counts when the
 * branch exists some day of it); ND2 from 10/07/2025 to 20/10/2025 (July,
 * August, September, October). */
static const Case period_cases[] = {
  /* branches_strong: the ratings of every year the period touches.
   *   2020 PN1 VM (strong), ND1 TB → 1 / 2      2021 PN1 KHA, ND1 VM → 1 / 2
   *   2022 PN1 VM, ND1 KHA → 1 / 2              2023 none
   *   2024 PN1 HTTNV (strong), ND1 HTNV → 1 / 2
   *   2025 PN1 HTXSNV, ND1 HTNV, DTN HTTNV → 2 / 3 (TO1's HTXSNV left out)
   * Every calendar period of 2025 and the mid-month range touch 2025 only →
   * 2 / 3; TERM 2020..2025 → 6 / 11; RANGE 2021..2025 → 5 / 9. */
  { "branches_strong", K_MONTH, -1, 2, 3 },
  { "branches_strong", K_QUARTER, -1, 2, 3 },
  { "branches_strong", K_HALF, -1, 2, 3 },
  { "branches_strong", K_NINE, -1, 2, 3 },
  { "branches_strong", K_YEAR, -1, 2, 3 },
  { "branches_strong", K_TERM, -1, 6, 11 },
  { "branches_strong", K_RANGE, -1, 5, 9 },
  { "branches_strong", K_MID, -1, 2, 3 },
  /* H2 (PN1, DTN): 2025 both strong → 2 / 2; RANGE PN1 2021 (no), 2022,
   * 2024, 2025 (yes) and DTN 2025 → 4 / 5; TERM + PN1 2020 → 5 / 6. */
  { "branches_strong", K_YEAR, 1, 2, 2 },
  { "branches_strong", K_TERM, 1, 5, 6 },
  { "branches_strong", K_RANGE, 1, 4, 5 },

  /* organisations_strong: the organisations' own ratings of every year the
   * period touches (world_setup): 2025 → 2 / 3; TERM 2020 1 / 2, 2021
   * 2 / 3, 2024 2 / 3, 2025 2 / 3 → 7 / 11; RANGE 2021..2025 → 6 / 9. A
   * hamlet changes nothing. */
  { "organisations_strong", K_MONTH, -1, 2, 3 },
  { "organisations_strong", K_QUARTER, -1, 2, 3 },
  { "organisations_strong", K_HALF, -1, 2, 3 },
  { "organisations_strong", K_NINE, -1, 2, 3 },
  { "organisations_strong", K_YEAR, -1, 2, 3 },
  { "organisations_strong", K_TERM, -1, 7, 11 },
  { "organisations_strong", K_RANGE, -1, 6, 9 },
  { "organisations_strong", K_MID, -1, 2, 3 },
  { "organisations_strong", K_TERM, 1, 7, 11 },

  /* officers_*: heads in office on the stock day (political ≥ 2,
   * professional ≥ 2, university ≥ 4).
   *   Lan PN (2, 4) from 2020; An ND (1, 3) 2020 … 05/10/2025; Hoa committee
   *   (3, 5) 10/06 … 30/11/2025; Cường DTN (2, 2) 2021 … 30/04/2025; Thu DTN
   *   (1, 4) from 01/08/2025; Bình ND (2, 1) from 06/10/2025.
   *   31/05 (MONTH): Lan, An → political 1 / 2, professional 2 / 2,
   *     university 1 / 2.
   *   15/06 (MID), 30/06 (HALF): Lan, An, Hoa → 2 / 3, 3 / 3, 2 / 3.
   *   30/09 (QUARTER, NINE): Lan, An, Hoa, Thu → Lan, Hoa 2 / 4; all 4 / 4;
   *     Lan, Hoa, Thu 3 / 4.
   *   14/10 (TERM): Lan, Hoa, Thu, Bình → Lan, Hoa, Bình 3 / 4; Lan, Hoa,
   *     Thu 3 / 4; Lan, Hoa, Thu 3 / 4.
   *   31/12 (YEAR, RANGE): Lan, Thu, Bình → Lan, Bình 2 / 3; Lan, Thu 2 / 3;
   *     Lan, Thu 2 / 3. */
  { "officers_political", K_MONTH, -1, 1, 2 },
  { "officers_political", K_QUARTER, -1, 2, 4 },
  { "officers_political", K_HALF, -1, 2, 3 },
  { "officers_political", K_NINE, -1, 2, 4 },
  { "officers_political", K_YEAR, -1, 2, 3 },
  { "officers_political", K_TERM, -1, 3, 4 },
  { "officers_political", K_RANGE, -1, 2, 3 },
  { "officers_political", K_MID, -1, 2, 3 },
  { "officers_professional", K_MONTH, -1, 2, 2 },
  { "officers_professional", K_QUARTER, -1, 4, 4 },
  { "officers_professional", K_HALF, -1, 3, 3 },
  { "officers_professional", K_NINE, -1, 4, 4 },
  { "officers_professional", K_YEAR, -1, 2, 3 },
  { "officers_professional", K_TERM, -1, 3, 4 },
  { "officers_professional", K_RANGE, -1, 2, 3 },
  { "officers_professional", K_MID, -1, 3, 3 },
  { "officers_university", K_MONTH, -1, 1, 2 },
  { "officers_university", K_QUARTER, -1, 3, 4 },
  { "officers_university", K_HALF, -1, 2, 3 },
  { "officers_university", K_NINE, -1, 3, 4 },
  { "officers_university", K_YEAR, -1, 2, 3 },
  { "officers_university", K_TERM, -1, 3, 4 },
  { "officers_university", K_RANGE, -1, 2, 3 },
  { "officers_university", K_MID, -1, 2, 3 },

  /* leaders_party: leaders in office on the stock day of branches existing
   * that day; Party members on it.
   *   PN1 Lan (Party) … 30/11/2025, Hoa (not) from 01/12; ND1 An (Party) …
   *   15/06/2025, Bình (Party from 01/07/2025) from 16/06; DTN Cường (not)
   *   01/06 … 31/08/2025, Thu (Party) from 01/09; ND2 Tâm (not) from 20/07,
   *   never ended, ND2 gone after 20/10/2025; TO1's Mai not counted.
   *   31/05: Lan, An → 2 / 2.      15/06: Lan, An, Cường → 2 / 3.
   *   30/06: Lan, Bình (not yet), Cường → 1 / 3.
   *   30/09 and 14/10: Lan, Bình, Thu, Tâm → 3 / 4.
   *   31/12: Hoa, Bình, Thu → 2 / 3. */
  { "leaders_party", K_MONTH, -1, 2, 2 },
  { "leaders_party", K_QUARTER, -1, 3, 4 },
  { "leaders_party", K_HALF, -1, 1, 3 },
  { "leaders_party", K_NINE, -1, 3, 4 },
  { "leaders_party", K_YEAR, -1, 2, 3 },
  { "leaders_party", K_TERM, -1, 3, 4 },
  { "leaders_party", K_RANGE, -1, 2, 3 },
  { "leaders_party", K_MID, -1, 2, 3 },
  /* H2 (PN1, DTN, ND2): 30/09 Lan, Thu, Tâm → 2 / 3; 31/12 Hoa, Thu → 1 / 2.
   * ND by its code: 30/09 Bình, Tâm → 1 / 2; 31/12 Bình → 1 / 1. */
  { "leaders_party", K_QUARTER, 1, 2, 3 },
  { "leaders_party", K_YEAR, 1, 1, 2 },
  { "leaders_party:ND", K_QUARTER, -1, 1, 2 },
  { "leaders_party:ND", K_YEAR, -1, 1, 1 },

  /* branches_meeting: branch-months, met when a current regular meeting
   * falls in the month. Months met: PN1 03/2023, 02, 05, 06, 07, 12/2025
   * (its 20/06 and 12/09 meetings are thematic); ND1 11/2020, 03, 05, 07,
   * 09, 10, 12/2025 (25/06 voided); DTN 06, 08, 11/2025; ND2 08/2025.
   * A branch counts in the months it existed some day of, those of its
   * founding and dissolution included: DTN from May 2025, ND2 July to
   * October 2025.
   * 2025 by month (branch-months, met):
   *   Jan 2, 0   Feb 2, 1   Mar 2, 1   Apr 2, 0   May 3, 2   Jun 3, 2
   *   Jul 4, 2   Aug 4, 2   Sep 4, 1   Oct 4, 1   Nov 3, 1   Dec 3, 2
   *   MONTH (May) → 2 / 3; QUARTER → 5 / 12; HALF → 6 / 14; NINE → 11 / 26;
   *   YEAR → 15 / 36.
   *   TERM: every month it overlaps, 10/2020 … 10/2025 = 61 for PN1 and ND1,
   *   DTN 05 … 10/2025 = 6, ND2 4 → 132; met 03/2023, 11/2020 and 2025 up
   *   to October (6 + 5 + 1) → 14 / 132.
   *   RANGE: 60 for PN1 and ND1, DTN 8, ND2 4 → 132; met 03/2023 and 15 in
   *   2025 → 16 / 132.
   *   MID: the months it overlaps, May and June, are counted whole: ND1's
   *   meeting of 06/05, before the range, makes May met → 4 / 6. */
  { "branches_meeting", K_MONTH, -1, 2, 3 },
  { "branches_meeting", K_QUARTER, -1, 5, 12 },
  { "branches_meeting", K_HALF, -1, 6, 14 },
  { "branches_meeting", K_NINE, -1, 11, 26 },
  { "branches_meeting", K_YEAR, -1, 15, 36 },
  { "branches_meeting", K_TERM, -1, 14, 132 },
  { "branches_meeting", K_RANGE, -1, 16, 132 },
  { "branches_meeting", K_MID, -1, 4, 6 },
  /* ND in Q3: ND1 Jul, Aug, Sep (met Jul, Sep); ND2 Jul, Aug, Sep (met Aug)
   * → 3 / 6; in 2025: ND1 12 (met 6), ND2 4 (met 1) → 7 / 16. H2 in 2025:
   * PN1 12 (met 5), DTN 8 (met 3), ND2 4 (met 1) → 9 / 24. */
  { "branches_meeting:ND", K_QUARTER, -1, 3, 6 },
  { "branches_meeting:ND", K_YEAR, -1, 7, 16 },
  { "branches_meeting", K_YEAR, 1, 9, 24 },

  /* meeting_attendance: regular meetings dated in the period; present over
   * the branch's members that day who are not away (TO1's Mai with PN1).
   *   ND1 20/11/2020  1 / 1 (An)           PN1 15/03/2023  2 / 3 (Lan, Mai, Hoa)
   *   PN1 14/02/2025  1 / 2 (Hoa away)     ND1 08/03/2025  1 / 1
   *   ND1 06/05/2025  1 / 1                PN1 10/05/2025  1 / 2
   *   DTN 05/06/2025  1 / 1 (Cường)        PN1 12/06/2025  2 / 2
   *   ND1 09/07/2025  2 / 2 (An, Bình)     PN1 11/07/2025  2 / 2
   *   DTN 05/08/2025  2 / 2 (+ Thu)        ND2 16/08/2025  1 / 1 (Tâm)
   *   ND1 10/09/2025  1 / 2                ND1 08/10/2025  2 / 2 (Tâm not yet)
   *   DTN 05/11/2025  1 / 2                ND1 05/12/2025  2 / 3 (+ Tâm)
   *   PN1 10/12/2025  3 / 3 (Hoa back)
   *   MONTH → 2 / 3; QUARTER → 8 / 9; HALF → 7 / 9; NINE → 15 / 18;
   *   YEAR → 23 / 28; TERM: 2020, 2023, January to 14 October 2025 →
   *   1 + 2 + 15 + 2 = 20 / 1 + 3 + 18 + 2 = 24; RANGE: 2023 and 2025 →
   *   25 / 31; MID: 10/05, 05/06, 12/06 (not 06/05) → 4 / 5. */
  { "meeting_attendance", K_MONTH, -1, 2, 3 },
  { "meeting_attendance", K_QUARTER, -1, 8, 9 },
  { "meeting_attendance", K_HALF, -1, 7, 9 },
  { "meeting_attendance", K_NINE, -1, 15, 18 },
  { "meeting_attendance", K_YEAR, -1, 23, 28 },
  { "meeting_attendance", K_TERM, -1, 20, 24 },
  { "meeting_attendance", K_RANGE, -1, 25, 31 },
  { "meeting_attendance", K_MID, -1, 4, 5 },
  /* ND in 2025: 08/03, 06/05, 09/07, 16/08 (ND2), 10/09, 08/10, 05/12 →
   * 10 / 12. H2 in 2025 (PN1, DTN, ND2): PN1 1/2, 1/2, 2/2, 2/2, 3/3; DTN
   * 1/1, 2/2, 1/2; ND2 1/1 → 14 / 17. */
  { "meeting_attendance:ND", K_YEAR, -1, 10, 12 },
  { "meeting_attendance", K_YEAR, 1, 14, 17 },

  /* meetings_party_present: every current meeting (regular or thematic)
   * dated in the period, with a Party member or a commune officer present.
   *   with: PN1 15/03/2023, ND1 08/03, PN1 10/05, DTN 05/06, PN1 20/06
   *   (thematic, officer), PN1 11/07 (officer), DTN 05/08, ND1 10/09, PN1
   *   12/09 (thematic), PN1 10/12/2025;
   *   without: ND1 20/11/2020, PN1 14/02, ND1 06/05, PN1 12/06, ND1 09/07,
   *   ND2 16/08, ND1 08/10, DTN 05/11, ND1 05/12/2025.
   *   MONTH → 1 / 2; QUARTER → 4 / 6; HALF → 4 / 7; NINE → 8 / 13;
   *   YEAR → 9 / 17; TERM: 2020 0 / 1, 2023 1 / 1, NINE, 08/10 → 9 / 16;
   *   RANGE: 2023 and 2025 → 10 / 18; MID: 10/05, 05/06 with, 12/06
   *   without → 2 / 3. */
  { "meetings_party_present", K_MONTH, -1, 1, 2 },
  { "meetings_party_present", K_QUARTER, -1, 4, 6 },
  { "meetings_party_present", K_HALF, -1, 4, 7 },
  { "meetings_party_present", K_NINE, -1, 8, 13 },
  { "meetings_party_present", K_YEAR, -1, 9, 17 },
  { "meetings_party_present", K_TERM, -1, 9, 16 },
  { "meetings_party_present", K_RANGE, -1, 10, 18 },
  { "meetings_party_present", K_MID, -1, 2, 3 },
  /* H1 (PN1, ND1) in Q3: 09/07 without, 11/07, 10/09, 12/09 with → 3 / 4. */
  { "meetings_party_present", K_QUARTER, 0, 3, 4 },
};

/* Every case by itself (explained), then every indicator of the table as
 * one series over all the period kinds (last to first): the same
 * figures. */
static void
test_period_kinds (World         *w,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) periods = period_kinds (w);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  static const char *codes[] = {
    "branches_strong", "organisations_strong", "officers_political", "officers_professional",
    "officers_university", "leaders_party", "branches_meeting", "meeting_attendance",
    "meetings_party_present",
  };

  /* Every indicator of this file for every kind, without a filter. */
  for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
    for (int k = 0; k < N_KINDS; k++)
      {
        gboolean found = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (period_cases) && !found; i++)
          found = strcmp (period_cases[i].code, codes[c]) == 0 && period_cases[i].kind == k
                  && period_cases[i].hamlet < 0;
        g_assert_true (found);
      }

  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      const Case *c = &period_cases[i];

      check_free_period (w, c->code, periods->pdata[c->kind],
                         c->hamlet >= 0 ? w->hamlet[c->hamlet] : 0, c->numerator,
                         c->denominator);
    }

  for (int k = N_KINDS - 1; k >= 0; k--)
    g_ptr_array_add (reversed, periods->pdata[k]);
  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      const Case *c = &period_cases[i];
      g_autoptr(GError) error = NULL;
      SmtIndicatorQuery q = { .hamlet_id = c->hamlet >= 0 ? w->hamlet[c->hamlet] : 0 };
      g_autoptr(GPtrArray) series = smt_indicator_compute_series (
        w->reg, c->code, (SmtPeriod * const *) reversed->pdata, reversed->len, &q, &error);
      const SmtIndicatorResult *r;

      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, N_KINDS);
      r = g_ptr_array_index (series, N_KINDS - 1 - c->kind);
      g_assert_true (smt_period_equal (r->period, periods->pdata[c->kind]));
      g_assert_cmpfloat (r->numerator, ==, c->numerator);
      g_assert_cmpfloat (r->denominator, ==, c->denominator);
    }
}

/* On a generated commune, for four periods and every indicator here, the
 * explanation lists are exactly as long as the figures. */
static void
test_demo (void)
{
  static const char *codes[] = {
    "branches_strong", "organisations_strong", "officers_political", "officers_professional",
    "officers_university", "leaders_party", "branches_meeting", "meeting_attendance",
    "meetings_party_present",
  };
  static const char *periods[] = { "2025-05", "2025-Q2", "2024", "2023-H2", "2026-Q3" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-indb-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  SmtIndicatorQuery q = { .explain = TRUE };

  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (path, 1500, 7, NULL, NULL, &error));
  g_assert_no_error (error);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);
  smt_register_set_today (reg, "2026-06-30");
  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr(SmtPeriod) period = smt_period_parse (periods[p], &error);

      g_assert_no_error (error);
      for (guint c = 0; c < G_N_ELEMENTS (codes); c++)
        {
          g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, codes[c], period, &q,
                                                                   &error);

          g_assert_no_error (error);
          g_test_message ("demo %s %s: %g / %g", codes[c], periods[p], r->numerator,
                          r->denominator);
          g_assert_cmpuint (r->numerator_rows->len, ==, (guint) r->numerator);
          g_assert_cmpuint (r->denominator_rows->len, ==, (guint) r->denominator);
        }
    }
  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

/* Which organisations a figure covers. A commune of its own: a chi hội of
 * PN and one of NCT (a mass association), each rated strong in 2025 and
 * meeting in January 2026; heads in office: the Front's chair (political
 * level 3), PN's (2) and NCT's (2).
 *   branches_strong 2025: the seeds' scope (socio-political) PN only = 1/1;
 *     with the mass associations 2/2; NCT alone 1/1.
 *   officers_political: "Chủ tịch MTTQ, Trưởng các đoàn thể chính trị - xã
 *     hội" = the chair and PN's head, 2/2; without the Front 1/1; every
 *     head, the Front's too, 3/3.
 *   branches_meeting January 2026: PN 1/1; both 2/2. */
static void
test_scope (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  SmtRegister *reg = t->reg;
  g_autoptr(GError) error = NULL;
  gint64 pn = smt_organisation_lookup (reg, "PN"), nct = smt_organisation_lookup (reg, "NCT");
  gint64 hamlet = smt_hamlet_add (reg, "Ấp Một", "ấp", &error);
  gint64 b_pn, b_nct;
  static const SmtPersonFields people[] = {
    { "Nguyễn", "Văn", "Chủ", SMT_SEX_MALE, "1970-01-01", 1970 },
    { "Lê", "Thị", "Hoa", SMT_SEX_FEMALE, "1975-01-01", 1975 },
    { "Trần", "Văn", "Thọ", SMT_SEX_MALE, "1950-01-01", 1950 },
  };
  gint64 person[G_N_ELEMENTS (people)];
  const gint64 heads[] = { 0, pn, nct };
  const int political[] = { 3, 2, 2 };
  g_autoptr(SmtPeriod) y2025 = smt_period_new_year (2025);
  g_autoptr(SmtPeriod) jan = smt_period_new_month (2026, 1);
  static const struct
  {
    const char *code;
    int         year;
    const char *scope;
    double      numerator, denominator;
  } cases[] = {
    { "branches_strong", 2025, NULL, 1, 1 },
    { "branches_strong", 2025, "socio_political,mass", 2, 2 },
    { "branches_strong", 2025, "NCT", 1, 1 },
    { "officers_political", 2026, NULL, 2, 2 },
    { "officers_political", 2026, "socio_political", 1, 1 },
    { "officers_political", 2026, "front,socio_political,mass", 3, 3 },
    { "branches_meeting", 2026, NULL, 1, 1 },
    { "branches_meeting", 2026, "socio_political,mass", 2, 2 },
  };

  g_assert_no_error (error);
  smt_register_set_today (reg, "2026-01-31");
  b_pn = smt_branch_add (reg, pn, 0, "chi hội", "Chi hội Phụ nữ ấp Một", &hamlet, 1,
                         "2000-01-01", &error);
  g_assert_no_error (error);
  b_nct = smt_branch_add (reg, nct, 0, "chi hội", "Chi hội Người cao tuổi ấp Một", &hamlet, 1,
                          "2000-01-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      SmtOfficerFields f = { .organisation_id = heads[i], .role = SMT_OFFICER_HEAD,
                             .from_date = "2020-01-01", .political_level = political[i],
                             .professional_level = 4 };

      person[i] = smt_person_add (reg, &people[i], &error);
      g_assert_no_error (error);
      f.person_id = person[i];
      g_assert_cmpint (smt_officer_add (reg, &f, &error), !=, 0);
      g_assert_no_error (error);
    }
  g_assert_cmpint (smt_rating_set (reg, 2025, pn, 0, b_pn, "HTTNV", NULL, &error), !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (smt_rating_set (reg, 2025, nct, 0, b_nct, "HTXSNV", NULL, &error), !=, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      SmtMeetingFields f = { .branch_id = i == 0 ? b_pn : b_nct, .date = "2026-01-15",
                             .kind = SMT_MEETING_REGULAR, .topic = "Sinh hoạt", .present = 0 };

      g_assert_cmpint (smt_meeting_add (reg, &f, &error), !=, 0);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SmtIndicatorQuery q = { .scope = cases[i].scope };
      g_autoptr(SmtIndicatorResult) r =
        smt_indicator_compute (reg, cases[i].code, cases[i].year == 2025 ? y2025 : jan, &q,
                               &error);

      g_test_message ("%s [%s]: %g / %g", cases[i].code, cases[i].scope ? cases[i].scope : "",
                      r ? r->numerator : -1, r ? r->denominator : -1);
      g_assert_no_error (error);
      g_assert_cmpfloat (r->numerator, ==, cases[i].numerator);
      g_assert_cmpfloat (r->denominator, ==, cases[i].denominator);
      g_assert_nonnull (r->scope);
      if (cases[i].scope == NULL)
        g_assert_cmpstr (r->scope->text, ==, r->info->scope);
    }
  smt_test_register_free (t);
}

int
main (int   argc,
      char *argv[])
{
  /* The notes of a figure are in Vietnamese. */
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

#define ADD(name, fn) \
  g_test_add ("/indicators/branches/" name, World, NULL, world_setup, fn, world_teardown)
  ADD ("strong", test_strong);
  ADD ("latest-rated", test_latest_rated);
  ADD ("organisations-strong", test_organisations_strong);
  ADD ("officers", test_officers);
  ADD ("leaders", test_leaders);
  ADD ("branch-months", test_branch_months);
  ADD ("attendance", test_attendance);
  ADD ("party-present", test_party_present);
  ADD ("period-kinds", test_period_kinds);
#undef ADD
  g_test_add_func ("/indicators/branches/demo", test_demo);
  g_test_add_func ("/indicators/branches/scope", test_scope);
  return g_test_run ();
}
