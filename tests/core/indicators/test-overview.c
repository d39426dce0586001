/* test-overview.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/check/smt-check.h"
#include "core/indicators/smt-overview.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

/* ---- a small commune ------------------------------------------------------ *
 *
 * Two hamlets, four households, ten people; "today" is 15/06/2026, so the
 * current month is 2026-06 and its figures are taken on 15/06/2026.
 *
 *   HH1 (Ấp 1): Lan (head), An, Bình
 *   HH2 (Ấp 1): Hoa (head), Tú, Tư
 *   HH3 (Ấp 2): Dũng (head), Cụ, Mai
 *   HH4 (Ấp 2): Khang, from 05/06/2026 (empty before)
 *
 *   Lan    F 10/05/1980  PN (PN1) from 08/03/2010; ND (ND1) from 01/05/2012
 *   An     M 02/03/1987  ND (ND1) from 01/01/2012, working away from 10/03/2025
 *   Hoa    F 05/05/1995  DTN (DTN1) from 01/01/2012; 31 on 05/05/2026: over age
 *   Tú     M 20/04/2008  DTN (DTN1) from 01/01/2025
 *   Tư     F 01/01/1950  no membership; dies 02/06/2026
 *   Cụ     M 01/01/1940  death recorded for 10/02/2026 first, then his NCT
 *                        admission of 01/01/2005 typed in: a dead member
 *   Dũng   M 08/08/1990  ND (ND2) from 01/06/2015; leaves the commune on
 *                        01/03/2026 (residence only): a member gone away
 *   Mai    F 09/09/1975  PN (PN2) from 03/02/2015
 *   Khang  M 02/02/1992  moves in on 05/06/2026; ND (ND2) from 10/06/2026
 *   Bình   M 10/01/1994  DTN (DTN1) from 01/01/2012; 31 on 10/01/2025: over
 *                        age. Added last, so his key comes after Hoa's while
 *                        his name (tên Bình) sorts before hers (tên Hoa).
 *
 * Branches (all founded 01/01/2000 unless said):
 *   DTN1 "Chi đoàn ấp 1"              regular 12/05/2026, 05/06/2026
 *   PN1  "Chi hội Phụ nữ ấp 1"        regular 08/05/2026; 03/06/2026 voided
 *   PN2  "Chi hội Phụ nữ ấp 2"        regular 15/04/2026; thematic 10/06/2026
 *   ND1  "Chi hội Nông dân ấp 1"      regular 20/05/2026; 12/06/2026 corrected
 *                                     to 14/06/2026
 *   ND2  "Chi hội Nông dân ấp 2"      regular 25/05/2026, 01/06/2026
 *   NCT1 "Chi hội Người cao tuổi ấp 1" never met
 *   TO   "Tổ hội Nông dân xóm Bến"   a tổ hội of ND1: never counted
 *   KH1  "Chi hội Khuyến học ấp 1"    founded 10/06/2026, never met
 *   CTD2 "Chi hội Chữ thập đỏ ấp 2"   dissolved 10/05/2026
 *
 * Ratings: 2023 Mai (PN); 2025 Lan (PN), Lan (ND), Mai (PN), An (ND, rated
 * twice: the second supersedes the first), branches PN1, ND1 and the tổ
 * hội TO. None in 2024 or 2026. */

enum { O_NONE, O_DTN, O_PN, O_ND, O_CCB, O_CD, O_NCT, O_CTD, O_KH, N_ORGS };
static const char *org_codes[N_ORGS] = { NULL, "DTN", "PN", "ND", "CCB", "CD", "NCT", "CTD",
                                         "KH" };

enum { B_NONE, B_DTN1, B_PN1, B_PN2, B_ND1, B_ND2, B_NCT1, B_TO, B_KH1, B_CTD2, N_BRANCHES };

enum { H_1, H_2, N_HAMLETS };

enum { HH_1, HH_2, HH_3, HH_4, N_HOUSEHOLDS };

enum { P_LAN, P_AN, P_HOA, P_TU, P_TU2, P_CU, P_DUNG, P_MAI, P_KHANG, P_BINH, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           branch[N_BRANCHES];
  gint64           hamlet[N_HAMLETS];
  gint64           household[N_HOUSEHOLDS];
  gint64           person[N_PEOPLE];
} World;

static void
record (World        *w,
        SmtEventKind  kind,
        int           person,
        int           org,
        int           branch,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person], .organisation_id = w->org[org],
    .branch_id = w->branch[branch], .date = date,
  };

  g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
}

static void
move (World      *w,
      int         person,
      int         household,
      const char *date,
      gboolean    head)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_residence_move (w->reg, w->person[person],
                                       household < 0 ? 0 : w->household[household],
                                       date, head, "", &error), !=, 0);
  g_assert_no_error (error);
}

static gint64
meeting (World          *w,
         int             branch,
         const char     *date,
         SmtMeetingKind  kind)
{
  g_autoptr(GError) error = NULL;
  SmtMeetingFields fields = {
    .branch_id = w->branch[branch], .date = date, .kind = kind, .topic = "", .present = 5,
  };
  gint64 id = smt_meeting_add (w->reg, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
rate (World      *w,
      int         year,
      int         org,
      int         person,
      int         branch,
      const char *level,
      const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_rating_set (w->reg, year, w->org[org],
                                   person >= 0 ? w->person[person] : 0, w->branch[branch], level,
                                   reason, &error), !=, 0);
  g_assert_no_error (error);
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const struct
  {
    int         org;
    int         hamlet;
    const char *kind;
    const char *name;
    const char *founded;
  } branches[N_BRANCHES] = {
    [B_DTN1] = { O_DTN, H_1, "chi đoàn", "Chi đoàn ấp 1", "2000-01-01" },
    [B_PN1] = { O_PN, H_1, "chi hội", "Chi hội Phụ nữ ấp 1", "2000-01-01" },
    [B_PN2] = { O_PN, H_2, "chi hội", "Chi hội Phụ nữ ấp 2", "2000-01-01" },
    [B_ND1] = { O_ND, H_1, "chi hội", "Chi hội Nông dân ấp 1", "2000-01-01" },
    [B_ND2] = { O_ND, H_2, "chi hội", "Chi hội Nông dân ấp 2", "2000-01-01" },
    [B_NCT1] = { O_NCT, H_1, "chi hội", "Chi hội Người cao tuổi ấp 1", "2000-01-01" },
    [B_TO] = { O_ND, H_1, "tổ hội", "Tổ hội Nông dân xóm Bến", "2000-01-01" },
    [B_KH1] = { O_KH, H_1, "chi hội", "Chi hội Khuyến học ấp 1", "2026-06-10" },
    [B_CTD2] = { O_CTD, H_2, "chi hội", "Chi hội Chữ thập đỏ ấp 2", "2000-01-01" },
  };
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_AN] = { "Trần", "Văn", "An", SMT_SEX_MALE, "1987-03-02", 1987 },
    [P_HOA] = { "Phạm", "Thị", "Hoa", SMT_SEX_FEMALE, "1995-05-05", 1995 },
    [P_TU] = { "Lê", "Văn", "Tú", SMT_SEX_MALE, "2008-04-20", 2008 },
    [P_TU2] = { "Lê", "Thị", "Tư", SMT_SEX_FEMALE, "1950-01-01", 1950 },
    [P_CU] = { "Mai", "Văn", "Cụ", SMT_SEX_MALE, "1940-01-01", 1940 },
    [P_DUNG] = { "Võ", "", "Dũng", SMT_SEX_MALE, "1990-08-08", 1990 },
    [P_MAI] = { "Đỗ", "Thị", "Mai", SMT_SEX_FEMALE, "1975-09-09", 1975 },
    [P_KHANG] = { "Huỳnh", "Văn", "Khang", SMT_SEX_MALE, "1992-02-02", 1992 },
    [P_BINH] = { "Đặng", "Văn", "Bình", SMT_SEX_MALE, "1994-01-10", 1994 },
  };
  static const int household_hamlet[N_HOUSEHOLDS] = { H_1, H_1, H_2, H_2 };
  g_autoptr(GError) error = NULL;
  SmtMeetingFields corrected = { 0 };
  gint64 voided, wrong;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  smt_register_set_today (w->reg, "2026-06-15");
  for (int o = 1; o < N_ORGS; o++)
    {
      w->org[o] = smt_organisation_lookup (w->reg, org_codes[o]);
      g_assert_cmpint (w->org[o], !=, 0);
    }
  w->hamlet[H_1] = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  w->hamlet[H_2] = smt_hamlet_add (w->reg, "Ấp 2", "ấp", &error);
  g_assert_no_error (error);
  for (int b = 1; b < N_BRANCHES; b++)
    {
      w->branch[b] = smt_branch_add (w->reg, w->org[branches[b].org],
                                     b == B_TO ? w->branch[B_ND1] : 0, branches[b].kind,
                                     branches[b].name, &w->hamlet[branches[b].hamlet], 1,
                                     branches[b].founded, &error);
      g_assert_no_error (error);
    }
  g_assert_true (smt_branch_dissolve (w->reg, w->branch[B_CTD2], "2026-05-10", "sáp nhập",
                                      &error));
  g_assert_no_error (error);
  for (int h = 0; h < N_HOUSEHOLDS; h++)
    {
      w->household[h] = smt_household_add (w->reg, w->hamlet[household_hamlet[h]], "", NULL,
                                            &error);
      g_assert_no_error (error);
    }
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  move (w, P_LAN, HH_1, "2000-01-01", TRUE);
  move (w, P_AN, HH_1, "2000-01-01", FALSE);
  move (w, P_BINH, HH_1, "2000-01-01", FALSE);
  move (w, P_HOA, HH_2, "2000-01-01", TRUE);
  move (w, P_TU, HH_2, "2008-04-20", FALSE);
  move (w, P_TU2, HH_2, "2000-01-01", FALSE);
  move (w, P_DUNG, HH_3, "2000-01-01", TRUE);
  move (w, P_CU, HH_3, "2000-01-01", FALSE);
  move (w, P_MAI, HH_3, "2000-01-01", FALSE);
  move (w, P_DUNG, -1, "2026-03-01", FALSE);
  move (w, P_KHANG, HH_4, "2026-06-05", TRUE);

  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  record (w, SMT_EVENT_ADMITTED, P_LAN, O_ND, B_ND1, "2012-05-01");
  record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-01");
  record (w, SMT_EVENT_AWAY, P_AN, O_ND, B_NONE, "2025-03-10");
  record (w, SMT_EVENT_ADMITTED, P_HOA, O_DTN, B_DTN1, "2012-01-01");
  record (w, SMT_EVENT_ADMITTED, P_TU, O_DTN, B_DTN1, "2025-01-01");
  record (w, SMT_EVENT_ADMITTED, P_DUNG, O_ND, B_ND2, "2015-06-01");
  record (w, SMT_EVENT_ADMITTED, P_MAI, O_PN, B_PN2, "2015-02-03");
  record (w, SMT_EVENT_ADMITTED, P_KHANG, O_ND, B_ND2, "2026-06-10");
  record (w, SMT_EVENT_ADMITTED, P_BINH, O_DTN, B_DTN1, "2012-01-01");
  g_assert_true (smt_person_record_death (w->reg, w->person[P_TU2], "2026-06-02", "", &error));
  g_assert_no_error (error);
  /* The death first, the membership typed in after: nothing closes it. */
  g_assert_true (smt_person_record_death (w->reg, w->person[P_CU], "2026-02-10", "", &error));
  g_assert_no_error (error);
  record (w, SMT_EVENT_ADMITTED, P_CU, O_NCT, B_NCT1, "2005-01-01");

  meeting (w, B_DTN1, "2026-05-12", SMT_MEETING_REGULAR);
  meeting (w, B_DTN1, "2026-06-05", SMT_MEETING_REGULAR);
  meeting (w, B_PN1, "2026-05-08", SMT_MEETING_REGULAR);
  voided = meeting (w, B_PN1, "2026-06-03", SMT_MEETING_REGULAR);
  g_assert_cmpint (smt_meeting_void (w->reg, voided, "nhập nhầm", &error), !=, 0);
  g_assert_no_error (error);
  meeting (w, B_PN2, "2026-04-15", SMT_MEETING_REGULAR);
  meeting (w, B_PN2, "2026-06-10", SMT_MEETING_THEMATIC);
  meeting (w, B_ND1, "2026-05-20", SMT_MEETING_REGULAR);
  wrong = meeting (w, B_ND1, "2026-06-12", SMT_MEETING_REGULAR);
  corrected = (SmtMeetingFields) {
    .branch_id = w->branch[B_ND1], .date = "2026-06-14", .kind = SMT_MEETING_REGULAR,
    .topic = "", .present = 6,
  };
  g_assert_cmpint (smt_meeting_correct (w->reg, wrong, &corrected, "sai ngày", &error), !=, 0);
  g_assert_no_error (error);
  meeting (w, B_ND2, "2026-05-25", SMT_MEETING_REGULAR);
  meeting (w, B_ND2, "2026-06-01", SMT_MEETING_REGULAR);

  rate (w, 2023, O_PN, P_MAI, B_NONE, "HTTNV", NULL);
  rate (w, 2025, O_PN, P_LAN, B_NONE, "HTTNV", NULL);
  rate (w, 2025, O_ND, P_LAN, B_NONE, "HTNV", NULL);
  rate (w, 2025, O_PN, P_MAI, B_NONE, "HTXSNV", NULL);
  rate (w, 2025, O_ND, P_AN, B_NONE, "HTNV", NULL);
  rate (w, 2025, O_ND, P_AN, B_NONE, "HTTNV", "xét lại");
  rate (w, 2025, O_PN, -1, B_PN1, "HTTNV", NULL);
  rate (w, 2025, O_ND, -1, B_ND1, "HTNV", NULL);
  rate (w, 2025, O_ND, -1, B_TO, "HTNV", NULL);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static void
check_organisations (World             *w,
                     const SmtOverview *ov,
                     const guint        members[N_ORGS],
                     const guint        away[N_ORGS])
{
  /* Every organisation of a new register is active: all eight, by position. */
  g_assert_cmpuint (ov->organisations->len, ==, N_ORGS - 1);
  for (int o = 1; o < N_ORGS; o++)
    {
      const SmtOverviewOrganisation *org = g_ptr_array_index (ov->organisations, o - 1);

      g_assert_cmpint (org->organisation_id, ==, w->org[o]);
      g_assert_cmpstr (org->code, ==, org_codes[o]);
      g_assert_nonnull (org->name);
      g_assert_cmpuint (org->members, ==, members[o]);
      g_assert_cmpuint (org->away, ==, away[o]);
    }
}

static void
check_branch (World             *w,
              const SmtOverview *ov,
              guint              index,
              int                branch,
              const char        *name,
              const char        *organisation,
              const char        *last_meeting)
{
  const SmtOverviewBranch *b;

  g_assert_cmpuint (index, <, ov->without_meeting->len);
  b = g_ptr_array_index (ov->without_meeting, index);
  g_assert_cmpint (b->branch_id, ==, w->branch[branch]);
  g_assert_cmpstr (b->name, ==, name);
  g_assert_cmpstr (b->organisation, ==, organisation);
  g_assert_cmpstr (b->last_meeting, ==, last_meeting);
}

static void
check_confirm (World             *w,
               const SmtOverview *ov,
               guint              index,
               SmtConfirmKind     kind,
               int                person,
               int                org,
               const char        *name,
               const char        *since)
{
  const SmtOverviewConfirm *c;

  g_assert_cmpuint (index, <, ov->to_confirm->len);
  c = g_ptr_array_index (ov->to_confirm, index);
  g_assert_cmpint (c->kind, ==, kind);
  g_assert_cmpint (c->person_id, ==, w->person[person]);
  g_assert_cmpint (c->organisation_id, ==, w->org[org]);
  /* "Mai Văn Cụ (1940) … 10/02/2026 … hội viên Người cao tuổi" */
  g_assert_nonnull (strstr (c->text, name));
  g_assert_nonnull (strstr (c->text, since));
  g_assert_null (strchr (c->text, '\n'));
}

/* The current month, taken on today, 15/06/2026:
 *
 * people: Lan, An, Bình, Hoa, Tú, Mai, Khang = 7 (Tư died 02/06, Cụ
 *   10/02, Dũng left 01/03); households HH1, HH2, HH3 (Mai), HH4 (Khang) = 4.
 * members by person: Lan, An, Hoa, Tú, Bình, Cụ, Dũng, Mai, Khang = 9 (a
 *   dead member and one gone away stay counted until recorded);
 *   memberships: Lan twice, the others once = 10.
 * by organisation: DTN Hoa, Tú, Bình = 3; PN Lan, Mai = 2; ND Lan, An,
 *   Dũng, Khang = 4, An away = 1; NCT Cụ = 1; CCB, CD, CTD, KH 0.
 * branches on the day: DTN1, PN1, PN2, ND1, ND2, NCT1, KH1 = 7 (TO is a tổ
 *   hội, CTD2 dissolved 10/05). Without a regular meeting 01–15/06: PN1
 *   (03/06 voided; last 08/05), PN2 (10/06 only thematic; last 15/04), NCT1
 *   (never), KH1 (never); by organisation position PN, PN, NCT, KH. DTN1
 *   met 05/06, ND1 14/06 (the correction), ND2 01/06.
 * ratings: none in 2026, so 2025: members Lan PN, Lan ND, Mai PN, An ND
 *   (its correction only) = 4; branches PN1, ND1 = 2 (not the tổ hội).
 * to confirm: deceased Cụ (NCT, 10/02/2026); moved away Dũng (ND,
 *   01/03/2026); over age Bình (DTN, 10/01/2025) before Hoa (DTN, 05/05/2026)
 *   by given name. */
static void
test_current_month (World         *w,
                    gconstpointer  data)
{
  static const guint members[N_ORGS] = { [O_DTN] = 3, [O_PN] = 2, [O_ND] = 4, [O_NCT] = 1 };
  static const guint away[N_ORGS] = { [O_ND] = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtOverview) ov = smt_overview_compute (w->reg, NULL, &error);
  g_autoptr(SmtOverview) same = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (ov);
  g_assert_cmpstr (ov->month, ==, "2026-06");
  g_assert_cmpstr (ov->day, ==, "2026-06-15");
  g_assert_cmpuint (ov->people, ==, 7);
  g_assert_cmpuint (ov->households, ==, 4);
  g_assert_cmpuint (ov->members, ==, 9);
  g_assert_cmpuint (ov->memberships, ==, 10);
  check_organisations (w, ov, members, away);

  g_assert_cmpuint (ov->branches, ==, 7);
  g_assert_cmpuint (ov->without_meeting->len, ==, 4);
  check_branch (w, ov, 0, B_PN1, "Chi hội Phụ nữ ấp 1", "Phụ nữ", "2026-05-08");
  check_branch (w, ov, 1, B_PN2, "Chi hội Phụ nữ ấp 2", "Phụ nữ", "2026-04-15");
  check_branch (w, ov, 2, B_NCT1, "Chi hội Người cao tuổi ấp 1", "Người cao tuổi", NULL);
  check_branch (w, ov, 3, B_KH1, "Chi hội Khuyến học ấp 1", "Khuyến học", NULL);

  g_assert_cmpint (ov->rating_year, ==, 2025);
  g_assert_cmpuint (ov->members_rated, ==, 4);
  g_assert_cmpuint (ov->branches_rated, ==, 2);

  g_assert_cmpuint (ov->to_confirm->len, ==, 4);
  check_confirm (w, ov, 0, SMT_CONFIRM_DECEASED, P_CU, O_NCT, "Mai Văn Cụ (1940)", "10/02/2026");
  check_confirm (w, ov, 1, SMT_CONFIRM_MOVED_AWAY, P_DUNG, O_ND, "Võ Dũng (1990)", "01/03/2026");
  check_confirm (w, ov, 2, SMT_CONFIRM_OVER_AGE, P_BINH, O_DTN, "Đặng Văn Bình (1994)",
                 "10/01/2025");
  check_confirm (w, ov, 3, SMT_CONFIRM_OVER_AGE, P_HOA, O_DTN, "Phạm Thị Hoa (1995)",
                 "05/05/2026");

  /* Naming the current month is the same as not naming one. */
  same = smt_overview_compute (w->reg, "2026-06", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (same->day, ==, "2026-06-15");
  g_assert_cmpuint (same->people, ==, ov->people);
  g_assert_cmpuint (same->to_confirm->len, ==, ov->to_confirm->len);
}

/* A month in the past, taken on its last day, 31/05/2026:
 *
 * people: Lan, An, Bình, Hoa, Tú, Tư (alive until 02/06), Mai = 7 (Khang
 *   not yet moved in); households HH1, HH2, HH3 = 3 (HH4 empty).
 * members: as in June without Khang (admitted 10/06) = 8 persons, 9
 *   memberships; ND 3.
 * branches: DTN1, PN1, PN2, ND1, ND2, NCT1 = 6 (KH1 founded 10/06, CTD2
 *   dissolved 10/05). Without a regular meeting in May: PN2 (last 15/04),
 *   NCT1 (never) = 2; DTN1 met 12/05, PN1 08/05, ND1 20/05, ND2 25/05.
 * ratings: none in 2026, so 2025 as in June.
 * to confirm: the same four (Hoa turned 31 on 05/05). */
static void
test_past_month (World         *w,
                 gconstpointer  data)
{
  static const guint members[N_ORGS] = { [O_DTN] = 3, [O_PN] = 2, [O_ND] = 3, [O_NCT] = 1 };
  static const guint away[N_ORGS] = { [O_ND] = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtOverview) ov = smt_overview_compute (w->reg, "2026-05", &error);
  g_autoptr(SmtOverview) april = NULL;
  g_autoptr(SmtOverview) old = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (ov);
  g_assert_cmpstr (ov->month, ==, "2026-05");
  g_assert_cmpstr (ov->day, ==, "2026-05-31");
  g_assert_cmpuint (ov->people, ==, 7);
  g_assert_cmpuint (ov->households, ==, 3);
  g_assert_cmpuint (ov->members, ==, 8);
  g_assert_cmpuint (ov->memberships, ==, 9);
  check_organisations (w, ov, members, away);
  g_assert_cmpuint (ov->branches, ==, 6);
  g_assert_cmpuint (ov->without_meeting->len, ==, 2);
  check_branch (w, ov, 0, B_PN2, "Chi hội Phụ nữ ấp 2", "Phụ nữ", "2026-04-15");
  check_branch (w, ov, 1, B_NCT1, "Chi hội Người cao tuổi ấp 1", "Người cao tuổi", NULL);
  g_assert_cmpint (ov->rating_year, ==, 2025);
  g_assert_cmpuint (ov->members_rated, ==, 4);
  g_assert_cmpuint (ov->branches_rated, ==, 2);
  g_assert_cmpuint (ov->to_confirm->len, ==, 4);
  check_confirm (w, ov, 3, SMT_CONFIRM_OVER_AGE, P_HOA, O_DTN, "Phạm Thị Hoa (1995)",
                 "05/05/2026");

  /* 30/04/2026: Hoa is 30, still within the bound; CTD2 still exists and
   * has never met; PN2 met on 15/04, PN1 and the others did not meet in
   * April (DTN1, PN1, ND1, ND2, NCT1, CTD2 = 6 of 7). */
  april = smt_overview_compute (w->reg, "2026-04", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (april->to_confirm->len, ==, 3);
  g_assert_cmpuint (april->branches, ==, 7);
  g_assert_cmpuint (april->without_meeting->len, ==, 6);

  /* 31/03/2024: no rating in 2024, so 2023's: Mai alone. Dũng had not
   * left yet, Cụ was alive, Bình was 30: nothing to confirm. */
  old = smt_overview_compute (w->reg, "2024-03", &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->rating_year, ==, 2023);
  g_assert_cmpuint (old->members_rated, ==, 1);
  g_assert_cmpuint (old->branches_rated, ==, 0);
  g_assert_cmpuint (old->to_confirm->len, ==, 0);
}

/* A future month or a malformed one: refused, and nothing written. */
static void
test_refused (World         *w,
              gconstpointer  data)
{
  static const char *months[] = {
    "2026-07", "2027-01", "2026-6", "2026-13", "2026-00", "06/2026", "2026-06-01", "", "tháng 6",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = smt_register_content_hash (w->reg, &error);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autoptr(GError) refused = NULL;
      g_autoptr(SmtOverview) ov = smt_overview_compute (w->reg, months[i], &refused);

      g_assert_null (ov);
      g_assert_error (refused, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
      g_assert_cmpstr (refused->message, !=, "");
    }
  after = smt_register_content_hash (w->reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
#define ADD(name, func) \
  g_test_add ("/overview/" name, World, NULL, world_setup, func, world_teardown)
  ADD ("current-month", test_current_month);
  ADD ("past-month", test_past_month);
  ADD ("refused", test_refused);
#undef ADD
  return g_test_run ();
}
