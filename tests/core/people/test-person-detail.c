/* test-person-detail.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-locale.h"
#include "smt-test-util.h"

/* ---- a small commune around one person ------------------------------------- */

enum { O_DTN, O_PN, O_ND, N_ORGS };
static const char *org_codes[N_ORGS] = { "DTN", "PN", "ND" };

enum { B_DTN1, B_PN1, B_PN2, B_ND1, N_BRANCHES };

enum { H_BA, H_TU, H_LAN, N_HOUSEHOLDS };

enum { P_LAN, P_BA, P_NAM, P_TU, P_KHACH, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           branch[N_BRANCHES];
  gint64           household[N_HOUSEHOLDS];
  gint64           person[N_PEOPLE];
  /* Lan's membership events, in the order of her timeline */
  gint64           ev_pn_admitted, ev_dtn_admitted, ev_pn_wrong_transfer, ev_pn_transfer,
                   ev_nd_admitted, ev_pn_away, ev_pn_back, ev_pn_transfer_back, ev_nd_wrong_left,
                   ev_nd_away, ev_void_transfer, ev_void_left;
  gint64           meeting_pn, meeting_nd, meeting_voided;
} World;

static gint64
record (World         *w,
        SmtEventKind   kind,
        int            branch,
        const char    *date,
        const char    *reason,
        const char    *exception_note)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[P_LAN], .branch_id = w->branch[branch],
    .date = date, .reason = reason, .exception_note = exception_note,
  };
  gint64 id = smt_membership_record (w->reg, &change, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static gint64
record_void (World      *w,
             gint64      event_id,
             const char *reason)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = SMT_EVENT_VOID, .voids_event_id = event_id, .reason = reason,
  };
  gint64 id = smt_membership_record (w->reg, &change, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
move (World      *w,
      int         person,
      int         household,
      const char *date,
      gboolean    head,
      const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_residence_move (w->reg, w->person[person], w->household[household], date,
                                       head, reason, &error), !=, 0);
  g_assert_no_error (error);
}

static gint64
meeting (World      *w,
         int         branch,
         const char *date,
         const char *topic)
{
  g_autoptr(GError) error = NULL;
  SmtMeetingFields fields = {
    .branch_id = w->branch[branch], .date = date, .kind = SMT_MEETING_REGULAR,
    .topic = topic, .present = 12, .attendees = &w->person[P_LAN], .n_attendees = 1,
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
      const char *level,
      const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (smt_rating_set (w->reg, year, w->org[org], w->person[P_LAN], 0, level, reason,
                                   &error), !=, 0);
  g_assert_no_error (error);
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const struct
  {
    int         org;
    const char *kind;
    const char *name;
  } branches[N_BRANCHES] = {
    [B_DTN1] = { O_DTN, "chi đoàn", "Chi đoàn ấp 1" },
    [B_PN1] = { O_PN, "chi hội", "Chi hội Phụ nữ ấp 1" },
    [B_PN2] = { O_PN, "chi hội", "Chi hội Phụ nữ ấp 2" },
    [B_ND1] = { O_ND, "chi hội", "Chi hội Nông dân ấp 1" },
  };
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1981-05-10", 1981,
                "Kinh", "Phật giáo", "079181001234", "0912345678", NULL, "Tổ trưởng tổ 3" },
    [P_BA] = { "Trần", "Văn", "Ba", SMT_SEX_MALE, NULL, 1950 },
    [P_NAM] = { "Trần", "Văn", "Nam", SMT_SEX_MALE, "1978-02-01", 1978 },
    [P_TU] = { "Lê", "Văn", "Tư", SMT_SEX_MALE, NULL, 1955 },
    [P_KHACH] = { "Lý", "", "Khách", SMT_SEX_MALE, "1990-01-01", 1990 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet1, hamlet2, wrong_move, wrong_household;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  for (int o = 0; o < N_ORGS; o++)
    {
      w->org[o] = smt_organisation_lookup (w->reg, org_codes[o]);
      g_assert_cmpint (w->org[o], !=, 0);
    }
  hamlet1 = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  hamlet2 = smt_hamlet_add (w->reg, "Ấp 2", "ấp", &error);
  g_assert_no_error (error);
  for (int b = 0; b < N_BRANCHES; b++)
    {
      w->branch[b] = smt_branch_add (w->reg, w->org[branches[b].org], 0, branches[b].kind,
                                     branches[b].name, b == B_PN2 ? &hamlet2 : &hamlet1, 1,
                                     "2000-01-01", &error);
      g_assert_no_error (error);
    }
  w->household[H_BA] = smt_household_add (w->reg, hamlet1, "Số 12, tổ 3", NULL, &error);
  g_assert_no_error (error);
  w->household[H_TU] = smt_household_add (w->reg, hamlet2, "", NULL, &error);
  g_assert_no_error (error);
  w->household[H_LAN] = smt_household_add (w->reg, hamlet1, "Số 5, tổ 1", NULL, &error);
  g_assert_no_error (error);
  wrong_household = smt_household_add (w->reg, hamlet2, "Số 9", NULL, &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }

  /* Ba heads his household until his son Nam takes over in 2020. */
  move (w, P_BA, H_BA, "2000-01-01", TRUE, "");
  move (w, P_NAM, H_BA, "2000-01-01", FALSE, "");
  move (w, P_NAM, H_BA, "2020-01-01", TRUE, "Chủ hộ cũ già yếu");
  move (w, P_TU, H_TU, "2000-01-01", TRUE, "");
  /* Lan: with Ba's family, then her husband's, then a household of her
   * own; a move typed by mistake in 2018 is voided. */
  move (w, P_LAN, H_BA, "2010-01-01", FALSE, "Sinh sống cùng gia đình");
  move (w, P_LAN, H_TU, "2015-03-01", FALSE, "Về nhà chồng");
  wrong_move = smt_residence_move (w->reg, w->person[P_LAN], wrong_household, "2018-01-01",
                                   FALSE, "", &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_residence_void (w->reg, wrong_move, "Nhập nhầm hộ", &error), !=, 0);
  g_assert_no_error (error);
  move (w, P_LAN, H_LAN, "2019-07-01", TRUE, "Tách hộ");

  /* Her memberships: the Women's Union with a transfer typed on the wrong
   * date and corrected (void, then the right event), work away and back,
   * a transfer back; the Youth Union past its age with an exception; the
   * Farmers' Association with a leave voided, then work away. */
  w->ev_pn_admitted = record (w, SMT_EVENT_ADMITTED, B_PN1, "2010-03-01", "Kết nạp mới", NULL);
  w->ev_dtn_admitted = record (w, SMT_EVENT_ADMITTED, B_DTN1, "2012-01-15", "",
                               "Bí thư chi đoàn, giữ lại theo đề nghị");
  w->ev_pn_wrong_transfer = record (w, SMT_EVENT_TRANSFERRED, B_PN2, "2015-03-15",
                                    "Chuyển nơi cư trú", NULL);
  w->ev_void_transfer = record_void (w, w->ev_pn_wrong_transfer, "Sai ngày chuyển");
  w->ev_pn_transfer = record (w, SMT_EVENT_TRANSFERRED, B_PN2, "2015-04-01",
                              "Chuyển nơi cư trú", NULL);
  w->ev_nd_admitted = record (w, SMT_EVENT_ADMITTED, B_ND1, "2016-05-01", "", NULL);
  w->ev_pn_away = record (w, SMT_EVENT_AWAY, B_PN2, "2017-01-01", "Đi làm ở Bình Dương", NULL);
  w->ev_pn_back = record (w, SMT_EVENT_BACK, B_PN2, "2018-06-01", "", NULL);
  w->ev_pn_transfer_back = record (w, SMT_EVENT_TRANSFERRED, B_PN1, "2019-08-01", "Tách hộ",
                                   NULL);
  w->ev_nd_wrong_left = record (w, SMT_EVENT_LEFT, B_ND1, "2021-01-01", "", NULL);
  w->ev_void_left = record_void (w, w->ev_nd_wrong_left, "Ghi nhầm người");
  w->ev_nd_away = record (w, SMT_EVENT_AWAY, B_ND1, "2025-01-01", "", NULL);

  /* Two meetings attended, a third voided. */
  w->meeting_nd = meeting (w, B_ND1, "2024-11-05", "Chuyển đổi cây trồng");
  w->meeting_pn = meeting (w, B_PN1, "2026-03-10", "Ngày Quốc tế Phụ nữ");
  w->meeting_voided = meeting (w, B_PN1, "2026-04-10", "Nhập trùng");
  g_assert_cmpint (smt_meeting_void (w->reg, w->meeting_voided, "Nhập trùng buổi họp", &error),
                   !=, 0);
  g_assert_no_error (error);

  /* Ratings on the old scale (2020, corrected once) and the new one. */
  rate (w, 2020, O_PN, "TB", "");
  rate (w, 2020, O_PN, "KHA", "Xét lại");
  rate (w, 2024, O_ND, "HTNV", "");
  rate (w, 2024, O_PN, "HTTNV", "");
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

/* ---- the detail ---------------------------------------------------------------- */

static void
test_identity (World         *w,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPersonDetail) d = smt_person_detail_get (w->reg, w->person[P_LAN], &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  g_assert_cmpint (d->id, ==, w->person[P_LAN]);
  g_assert_cmpstr (d->name, ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (d->ho, ==, "Nguyễn");
  g_assert_cmpstr (d->chu_lot, ==, "Thị");
  g_assert_cmpstr (d->ten, ==, "Lan");
  g_assert_cmpint (d->sex, ==, 'F');
  g_assert_cmpint (d->birth_year, ==, 1981);
  g_assert_cmpstr (d->birth_date, ==, "1981-05-10");
  g_assert_null (d->deceased_on);
  g_assert_null (d->party_since);
  g_assert_cmpstr (d->note, ==, "Tổ trưởng tổ 3");
  /* in full: masking is for the screens */
  g_assert_cmpstr (d->cccd, ==, "079181001234");
  g_assert_cmpstr (d->phone, ==, "0912345678");
  g_assert_cmpstr (d->ethnicity, ==, "Kinh");
  g_assert_cmpstr (d->religion, ==, "Phật giáo");
  g_assert_cmpint (d->household_id, ==, w->household[H_LAN]);
  g_assert_cmpstr (d->household, ==, "Hộ Nguyễn Thị Lan — Số 5, tổ 1, Ấp 1");
  g_assert_cmpstr (d->hamlet, ==, "Ấp 1");
}

static void
test_residences (World         *w,
                 gconstpointer  data)
{
  static const struct
  {
    const char *from, *to;
    int         household;
    const char *label, *hamlet;
    gboolean    head;
    const char *reason;
  } expected[] = {
    /* Ba was still the head when she left in 2015 */
    { "2010-01-01", "2015-03-01", H_BA, "Hộ Trần Văn Ba — Số 12, tổ 3, Ấp 1", "Ấp 1", FALSE,
      "Sinh sống cùng gia đình" },
    /* no address: head and hamlet; the voided 2018 move is not there */
    { "2015-03-01", "2019-07-01", H_TU, "Hộ Lê Văn Tư — Ấp 2", "Ấp 2", FALSE, "Về nhà chồng" },
    { "2019-07-01", NULL, H_LAN, "Hộ Nguyễn Thị Lan — Số 5, tổ 1, Ấp 1", "Ấp 1", TRUE,
      "Tách hộ" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPersonDetail) d = smt_person_detail_get (w->reg, w->person[P_LAN], &error);
  g_autoptr(SmtPersonDetail) nam = NULL;
  const SmtResidenceRow *r;

  g_assert_no_error (error);
  g_assert_cmpuint (d->residences->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      r = g_ptr_array_index (d->residences, i);
      g_test_message ("residence %u", i);
      g_assert_cmpstr (r->from, ==, expected[i].from);
      g_assert_cmpstr (r->to, ==, expected[i].to);
      g_assert_cmpint (r->household_id, ==, w->household[expected[i].household]);
      g_assert_cmpstr (r->household, ==, expected[i].label);
      g_assert_cmpstr (r->hamlet, ==, expected[i].hamlet);
      g_assert_cmpint (r->head, ==, expected[i].head);
      g_assert_cmpstr (r->reason, ==, expected[i].reason);
    }

  /* Today the household is known by Nam, its head since 2020; his own
   * head-flag row is a row of its own. */
  nam = smt_person_detail_get (w->reg, w->person[P_NAM], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nam->residences->len, ==, 2);
  r = g_ptr_array_index (nam->residences, 0);
  g_assert_cmpstr (r->to, ==, "2020-01-01");
  g_assert_cmpstr (r->household, ==, "Hộ Trần Văn Ba — Số 12, tổ 3, Ấp 1");
  g_assert_false (r->head);
  r = g_ptr_array_index (nam->residences, 1);
  g_assert_cmpstr (r->household, ==, "Hộ Trần Văn Nam — Số 12, tổ 3, Ấp 1");
  g_assert_true (r->head);
  g_assert_cmpstr (nam->household, ==, "Hộ Trần Văn Nam — Số 12, tổ 3, Ấp 1");
}

static void
test_left_commune (World         *w,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPersonDetail) d = NULL;
  const SmtResidenceRow *r;

  g_assert_cmpint (smt_residence_move (w->reg, w->person[P_TU], 0, "2026-02-01", FALSE,
                                       "Chuyển đi Bình Dương", &error), !=, 0);
  g_assert_no_error (error);
  d = smt_person_detail_get (w->reg, w->person[P_TU], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->residences->len, ==, 2);
  r = g_ptr_array_index (d->residences, 0);
  g_assert_cmpstr (r->to, ==, "2026-02-01");
  g_assert_cmpstr (r->household, ==, "Hộ Lê Văn Tư — Ấp 2");
  r = g_ptr_array_index (d->residences, 1);
  g_assert_cmpstr (r->from, ==, "2026-02-01");
  g_assert_null (r->to);
  g_assert_cmpint (r->household_id, ==, 0);
  g_assert_cmpstr (r->household, ==, "");
  g_assert_cmpstr (r->hamlet, ==, "");
  g_assert_cmpint (d->household_id, ==, 0);
  g_assert_cmpstr (d->household, ==, "");
  g_assert_cmpstr (d->hamlet, ==, "");
}

static void
test_timeline (World         *w,
               gconstpointer  data)
{
  const struct
  {
    gint64        id;
    const char   *date;
    int           org;
    SmtEventKind  kind;
    const char   *label;
    const char   *branch;
    const char   *reason;
    const char   *exception;
    gint64        superseded_by;
  } expected[] = {
    { w->ev_pn_admitted, "2010-03-01", O_PN, SMT_EVENT_ADMITTED, "Kết nạp",
      "Chi hội Phụ nữ ấp 1", "Kết nạp mới", "", 0 },
    { w->ev_dtn_admitted, "2012-01-15", O_DTN, SMT_EVENT_ADMITTED, "Kết nạp",
      "Chi đoàn ấp 1", "", "Bí thư chi đoàn, giữ lại theo đề nghị", 0 },
    { w->ev_pn_wrong_transfer, "2015-03-15", O_PN, SMT_EVENT_TRANSFERRED, "Chuyển sinh hoạt",
      "Chi hội Phụ nữ ấp 2", "Chuyển nơi cư trú", "", w->ev_void_transfer },
    { w->ev_pn_transfer, "2015-04-01", O_PN, SMT_EVENT_TRANSFERRED, "Chuyển sinh hoạt",
      "Chi hội Phụ nữ ấp 2", "Chuyển nơi cư trú", "", 0 },
    { w->ev_nd_admitted, "2016-05-01", O_ND, SMT_EVENT_ADMITTED, "Kết nạp",
      "Chi hội Nông dân ấp 1", "", "", 0 },
    { w->ev_pn_away, "2017-01-01", O_PN, SMT_EVENT_AWAY, "Đi làm ăn xa",
      "Chi hội Phụ nữ ấp 2", "Đi làm ở Bình Dương", "", 0 },
    { w->ev_pn_back, "2018-06-01", O_PN, SMT_EVENT_BACK, "Trở về sinh hoạt",
      "Chi hội Phụ nữ ấp 2", "", "", 0 },
    { w->ev_pn_transfer_back, "2019-08-01", O_PN, SMT_EVENT_TRANSFERRED, "Chuyển sinh hoạt",
      "Chi hội Phụ nữ ấp 1", "Tách hộ", "", 0 },
    { w->ev_nd_wrong_left, "2021-01-01", O_ND, SMT_EVENT_LEFT, "Ra khỏi tổ chức",
      "Chi hội Nông dân ấp 1", "", "", w->ev_void_left },
    { w->ev_nd_away, "2025-01-01", O_ND, SMT_EVENT_AWAY, "Đi làm ăn xa",
      "Chi hội Nông dân ấp 1", "", "", 0 },
    /* the voids are dated the day they were entered, in key order */
    { w->ev_void_transfer, "2026-06-30", O_PN, SMT_EVENT_VOID, "Hủy bỏ", "",
      "Sai ngày chuyển", "", 0 },
    { w->ev_void_left, "2026-06-30", O_ND, SMT_EVENT_VOID, "Hủy bỏ", "", "Ghi nhầm người", "", 0 },
  };
  const char *short_names[N_ORGS] = { "Đoàn TN", "Phụ nữ", "Nông dân" };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPersonDetail) d = smt_person_detail_get (w->reg, w->person[P_LAN], &error);

  g_assert_no_error (error);
  g_assert_cmpuint (d->timeline->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SmtTimelineRow *t = g_ptr_array_index (d->timeline, i);

      g_test_message ("timeline %u", i);
      g_assert_cmpint (t->event_id, ==, expected[i].id);
      g_assert_cmpstr (t->date, ==, expected[i].date);
      g_assert_cmpint (t->organisation_id, ==, w->org[expected[i].org]);
      g_assert_cmpstr (t->organisation, ==, short_names[expected[i].org]);
      g_assert_cmpint (t->event_kind, ==, expected[i].kind);
      g_assert_cmpstr (t->kind, ==, expected[i].label);
      g_assert_cmpstr (t->branch, ==, expected[i].branch);
      g_assert_cmpstr (t->reason, ==, expected[i].reason);
      g_assert_cmpstr (t->exception, ==, expected[i].exception);
      g_assert_cmpint (t->superseded_by, ==, expected[i].superseded_by);
      g_assert_cmpint (t->current, ==, expected[i].superseded_by == 0);
      g_assert_nonnull (t->entered_at);
      g_assert_cmpuint (strlen (t->entered_at), ==, 20);
    }
}

static void
test_memberships (World         *w,
                  gconstpointer  data)
{
  static const char *expected[] = {
    /* organisation order; the Youth Union's word, capitalised */
    "Đoàn viên Đoàn TN — Chi đoàn ấp 1, từ 15/01/2012",
    /* from the admission, through the transfers and the time away */
    "Hội viên Phụ nữ — Chi hội Phụ nữ ấp 1, từ 01/03/2010",
    /* the voided leave does not end it */
    "Hội viên Nông dân — Chi hội Nông dân ấp 1, từ 01/05/2016, đang đi làm ăn xa",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPersonDetail) d = smt_person_detail_get (w->reg, w->person[P_LAN], &error);
  g_autoptr(SmtPersonDetail) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (d->memberships->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (d->memberships, i), ==, expected[i]);

  /* Leaving the Youth Union removes its line, not its history. */
  {
    SmtMembershipChange change = {
      .kind = SMT_EVENT_LEFT, .person_id = w->person[P_LAN], .organisation_id = w->org[O_DTN],
      .date = "2026-06-01", .reason = "Quá tuổi",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
    g_assert_no_error (error);
  }
  again = smt_person_detail_get (w->reg, w->person[P_LAN], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->memberships->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (again->memberships, 0), ==, expected[1]);
  g_assert_cmpstr (g_ptr_array_index (again->memberships, 1), ==, expected[2]);
  g_assert_cmpuint (again->timeline->len, ==, d->timeline->len + 1);
}

static void
test_attendance_and_ratings (World         *w,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPersonDetail) d = smt_person_detail_get (w->reg, w->person[P_LAN], &error);
  const SmtAttendanceRow *a;
  const SmtRatingRow *r;

  g_assert_no_error (error);
  /* newest first; the voided meeting is not there */
  g_assert_cmpuint (d->attendance->len, ==, 2);
  a = g_ptr_array_index (d->attendance, 0);
  g_assert_cmpint (a->meeting_id, ==, w->meeting_pn);
  g_assert_cmpstr (a->date, ==, "2026-03-10");
  g_assert_cmpstr (a->branch, ==, "Chi hội Phụ nữ ấp 1");
  g_assert_cmpstr (a->topic, ==, "Ngày Quốc tế Phụ nữ");
  a = g_ptr_array_index (d->attendance, 1);
  g_assert_cmpint (a->meeting_id, ==, w->meeting_nd);
  g_assert_cmpstr (a->date, ==, "2024-11-05");
  g_assert_cmpstr (a->branch, ==, "Chi hội Nông dân ấp 1");
  g_assert_cmpstr (a->topic, ==, "Chuyển đổi cây trồng");

  /* newest year first, organisations in their order; the 2020 rating as
   * corrected, on the old scale */
  g_assert_cmpuint (d->ratings->len, ==, 3);
  r = g_ptr_array_index (d->ratings, 0);
  g_assert_cmpint (r->year, ==, 2024);
  g_assert_cmpstr (r->organisation, ==, "Phụ nữ");
  g_assert_cmpstr (r->level, ==, "Hoàn thành tốt nhiệm vụ");
  r = g_ptr_array_index (d->ratings, 1);
  g_assert_cmpint (r->year, ==, 2024);
  g_assert_cmpstr (r->organisation, ==, "Nông dân");
  g_assert_cmpstr (r->level, ==, "Hoàn thành nhiệm vụ");
  r = g_ptr_array_index (d->ratings, 2);
  g_assert_cmpint (r->year, ==, 2020);
  g_assert_cmpstr (r->organisation, ==, "Phụ nữ");
  g_assert_cmpstr (r->level, ==, "Khá");
}

static void
test_nothing_recorded (World         *w,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPersonDetail) d = smt_person_detail_get (w->reg, w->person[P_KHACH], &error);

  g_assert_no_error (error);
  g_assert_cmpstr (d->name, ==, "Lý Khách");
  g_assert_cmpstr (d->chu_lot, ==, "");
  g_assert_cmpint (d->sex, ==, 'M');
  g_assert_null (d->cccd);
  g_assert_null (d->phone);
  g_assert_null (d->ethnicity);
  g_assert_null (d->religion);
  g_assert_cmpint (d->household_id, ==, 0);
  g_assert_cmpstr (d->household, ==, "");
  g_assert_cmpstr (d->hamlet, ==, "");
  g_assert_cmpuint (d->residences->len, ==, 0);
  g_assert_cmpuint (d->memberships->len, ==, 0);
  g_assert_cmpuint (d->timeline->len, ==, 0);
  g_assert_cmpuint (d->attendance->len, ==, 0);
  g_assert_cmpuint (d->ratings->len, ==, 0);
}

static void
test_not_found (World         *w,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmtPersonDetail *d = smt_person_detail_get (w->reg, 4242, &error);

  g_assert_null (d);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
  /* in Vietnamese, naming the key */
  g_assert_nonnull (strstr (error->message, "4242"));
  g_assert_nonnull (strstr (error->message, "Không có người"));
}

/* ---- masking ----------------------------------------------------------------- */

static void
test_mask (void)
{
  static const struct
  {
    const char *value;
    gboolean    keep_tail;
    const char *expected;
  } cases[] = {
    { "079181001234", TRUE, "•••••••••234" },   /* CCCD: 12 digits, 3 kept */
    { "0912345678", TRUE, "•••••••678" },       /* phone */
    { "079181001234", FALSE, "•••" },
    { "Kinh", FALSE, "•••" },                   /* ethnicity: never a tail, never the length */
    { "Phật giáo", FALSE, "•••" },
    { "Ê-đê", TRUE, "•••" },                    /* too short to keep a tail */
    { "113", TRUE, "•••" },
    { "Nguyễn", TRUE, "••••ễn" },               /* characters, not bytes */
    { "Phật giáo", TRUE, "••••••iáo" },
    { "Hòa Hảo", TRUE, "•••••ảo" },
    { "", TRUE, "" },
    { "", FALSE, "" },
    { NULL, TRUE, "" },
    { NULL, FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = smt_personal_mask (cases[i].value, cases[i].keep_tail);

      g_test_message ("mask %u: %s", i, cases[i].value ? cases[i].value : "(null)");
      g_assert_cmpstr (masked, ==, cases[i].expected);
      g_assert_true (g_utf8_validate (masked, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Vietnamese labels, from the catalogue SMT_LOCALEDIR names. */
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add ("/person-detail/identity", World, NULL, world_setup, test_identity,
              world_teardown);
  g_test_add ("/person-detail/residences", World, NULL, world_setup, test_residences,
              world_teardown);
  g_test_add ("/person-detail/left-commune", World, NULL, world_setup, test_left_commune,
              world_teardown);
  g_test_add ("/person-detail/timeline", World, NULL, world_setup, test_timeline,
              world_teardown);
  g_test_add ("/person-detail/memberships", World, NULL, world_setup, test_memberships,
              world_teardown);
  g_test_add ("/person-detail/attendance-ratings", World, NULL, world_setup,
              test_attendance_and_ratings, world_teardown);
  g_test_add ("/person-detail/nothing-recorded", World, NULL, world_setup,
              test_nothing_recorded, world_teardown);
  g_test_add ("/person-detail/not-found", World, NULL, world_setup, test_not_found,
              world_teardown);
  g_test_add_func ("/person-detail/mask", test_mask);
  return g_test_run ();
}
