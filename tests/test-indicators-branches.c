/* test-indicators-branches.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/smt-activity.h"
#include "core/smt-demo.h"
#include "core/smt-indicators.h"
#include "core/smt-membership.h"
#include "core/smt-organisations.h"
#include "core/smt-people.h"
#include "smt-test-util.h"

/* A small commune built by hand.
 *
 * Hamlets H1, H2. Branches:
 *   PN1  chi hội Phụ nữ, liên ấp (H1 and H2), 2000
 *   TO1  tổ hội under PN1 (H1), 2000 — never counted as a branch
 *   ND1  chi hội Nông dân (H1), 2000
 *   DTN  chi đoàn (H2), founded 2025-05-15
 * Members: Lan PN1 (2010), Mai TO1 (2015), Hoa PN1 (2015, away from
 * 2025-01-01), An ND1 (2012), Bình ND1 (2025-05-20), Cường DTN (2025-06-01). */

enum { O_PN, O_ND, O_DTN, N_ORGS };
static const char *org_codes[N_ORGS] = { "PN", "ND", "DTN" };
enum { B_PN1, B_TO1, B_ND1, B_DTN, N_BRANCHES };
enum { P_LAN, P_MAI, P_HOA, P_AN, P_BINH, P_CUONG, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           hamlet[2];
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
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
  };
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
  officer (w, O_ND, P_AN, "2020-01-01", 1, 3);
  officer (w, -1, P_HOA, "2025-06-10", 3, 5);
  {
    gint64 id = officer (w, O_DTN, P_CUONG, "2021-01-01", 2, 2);

    g_assert_cmpint (smt_officer_end (w->reg, id, "2025-04-30", "chuyển công tác", &error), !=, 0);
    g_assert_no_error (error);
  }

  /* Branch leaders. */
  leader (w, B_PN1, P_LAN, "2015-01-01");
  {
    gint64 id = leader (w, B_ND1, P_AN, "2020-01-01");

    g_assert_cmpint (smt_leader_end (w->reg, id, "2025-06-15", "nghỉ", &error), !=, 0);
    g_assert_no_error (error);
  }
  leader (w, B_ND1, P_BINH, "2025-06-16");
  leader (w, B_DTN, P_CUONG, "2025-06-01");
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
check (World      *w,
       const char *code,
       const char *period_code,
       gint64      hamlet,
       double      numerator,
       double      denominator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) period = smt_period_parse (period_code, &error);
  SmtIndicatorQuery q = { .hamlet_id = hamlet, .explain = TRUE };
  SmtIndicatorResult *r;

  g_assert_no_error (error);
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
  /* 2023 has no rating: undefined. */
  check_free (w, "branches_strong", "2023", 0, 0, 0);
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

  /* May 2025: PN1 and ND1 exist on 01/05 (DTN founded 15/05); PN1 met
   * 10/05, ND1 met 06/05 (corrected from 05/05: one meeting) → 2 / 2. */
  r = check (w, "branches_meeting", "2025-05", 0, 2, 2);
  row = g_ptr_array_index (r->denominator_rows, 0);
  g_assert_cmpstr (row->kind, ==, "branch-month");
  g_assert_true (g_str_has_suffix (row->label, " — 05/2025"));
  /* Q2: April PN1, ND1 (no meeting); May PN1, ND1 (both met); June PN1
   * (12/06), ND1 (its 25/06 meeting is voided), DTN (05/06) →
   * 0 + 2 + 2 = 4 / 2 + 2 + 3 = 7. The tổ hội's meeting counts nowhere. */
  check_free (w, "branches_meeting", "2025-Q2", 0, 4, 7);
  /* H2: PN1 × 3 months + DTN June = 4; met PN1 May, June, DTN June → 3. */
  check_free (w, "branches_meeting", "2025-Q2", w->hamlet[1], 3, 4);
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

/* On a generated commune, for four periods and every indicator here, the
 * explanation lists are exactly as long as the figures. */
static void
test_demo (void)
{
  static const char *codes[] = {
    "branches_strong", "officers_political", "officers_professional", "officers_university",
    "leaders_party", "branches_meeting", "meeting_attendance", "meetings_party_present",
  };
  static const char *periods[] = { "2025-05", "2025-Q2", "2024", "2023-H2" };
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

#define ADD(name, fn) \
  g_test_add ("/indicators/branches/" name, World, NULL, world_setup, fn, world_teardown)
  ADD ("strong", test_strong);
  ADD ("officers", test_officers);
  ADD ("leaders", test_leaders);
  ADD ("branch-months", test_branch_months);
  ADD ("attendance", test_attendance);
  ADD ("party-present", test_party_present);
#undef ADD
  g_test_add_func ("/indicators/branches/demo", test_demo);
  return g_test_run ();
}
