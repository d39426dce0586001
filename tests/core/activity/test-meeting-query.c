/* test-meeting-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/activity/smt-activity.h"
#include "core/activity/smt-meeting-query.h"
#include "core/organisations/smt-branch-detail.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "core/targets/smt-targets.h"
#include "smt-test-util.h"

/* ---- a small commune, today 30/06/2026 ---------------------------------------- */

enum { O_PN, O_ND, N_ORGS };
static const char *org_codes[N_ORGS] = { "PN", "ND" };

enum { B_PN1, B_PN2, B_TO1, B_PN_OLD, B_ND1, B_ND_NEW, B_ND_GONE, N_BRANCHES };

enum { P_LAN, P_HOA, P_HONG, P_MAI, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
  gint64           corrected;   /* the meeting of 05/03 after its correction */
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
         const gint64   *attendees,
         guint           n_attendees)
{
  g_autoptr(GError) error = NULL;
  SmtMeetingFields f = {
    .branch_id = w->branch[branch], .date = date, .kind = kind, .topic = "Chủ đề tháng",
    .present = present, .party_present = TRUE, .attendees = attendees,
    .n_attendees = n_attendees,
  };
  gint64 id = smt_meeting_add (w->reg, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_HOA] = { "Lê", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-07-07", 1990 },
    [P_HONG] = { "Phạm", "Thị", "Hồng", SMT_SEX_FEMALE, "1992-02-02", 1992 },
    [P_MAI] = { "Trần", "Văn", "Mai", SMT_SEX_MALE, "1985-01-20", 1985 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet, id;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  for (int o = 0; o < N_ORGS; o++)
    w->org[o] = smt_organisation_lookup (w->reg, org_codes[o]);
  hamlet = smt_hamlet_add (w->reg, "Ấp Thạnh Lợi", "ấp", &error);
  g_assert_no_error (error);

#define BRANCH(b, o, parent, kind, name, founded) \
  w->branch[b] = smt_branch_add (w->reg, w->org[o], parent, kind, name, &hamlet, 1, founded, \
                                 &error); \
  g_assert_no_error (error)
  BRANCH (B_PN1, O_PN, 0, "chi hội", "Chi hội Phụ nữ 1", "2000-01-01");
  BRANCH (B_PN2, O_PN, 0, "chi hội", "Chi hội Phụ nữ 2", "2000-01-01");
  BRANCH (B_TO1, O_PN, w->branch[B_PN1], "tổ hội", "Tổ hội Phụ nữ 1A", "2000-01-01");
  BRANCH (B_PN_OLD, O_PN, 0, "chi hội", "Chi hội Phụ nữ cũ", "2000-01-01");
  BRANCH (B_ND1, O_ND, 0, "chi hội", "Chi hội Nông dân 1", "2000-01-01");
  BRANCH (B_ND_NEW, O_ND, 0, "chi hội", "Chi hội Nông dân mới", "2026-03-01");
  BRANCH (B_ND_GONE, O_ND, 0, "chi hội", "Chi hội Nông dân giải thể", "2000-01-01");
#undef BRANCH
  g_assert_true (smt_branch_dissolve (w->reg, w->branch[B_PN_OLD], "2026-04-30", "sáp nhập",
                                      &error));
  g_assert_true (smt_branch_dissolve (w->reg, w->branch[B_ND_GONE], "2025-12-31", "sáp nhập",
                                      &error));
  g_assert_no_error (error);

  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  admit (w, P_LAN, B_PN1, "2010-03-08");
  admit (w, P_HOA, B_PN1, "2015-01-01");
  admit (w, P_HONG, B_TO1, "2016-01-01");
  admit (w, P_MAI, B_ND1, "2012-01-01");

  /* Chi hội Phụ nữ 1: January a regular and a thematic meeting, February
   * a regular one voided, March one corrected from 4 to 6 present, April
   * one with a member of its tổ hội ticked, and one of December 2025. */
  {
    gint64 two[] = { w->person[P_LAN], w->person[P_HOA] };
    gint64 hong[] = { w->person[P_HONG] };

    meeting (w, B_PN1, "2025-12-20", SMT_MEETING_REGULAR, 9, NULL, 0);
    meeting (w, B_PN1, "2026-01-10", SMT_MEETING_REGULAR, 2, two, 2);
    meeting (w, B_PN1, "2026-01-20", SMT_MEETING_THEMATIC, 5, NULL, 0);
    id = meeting (w, B_PN1, "2026-02-15", SMT_MEETING_REGULAR, 3, NULL, 0);
    g_assert_cmpint (smt_meeting_void (w->reg, id, "nhập nhầm", &error), !=, 0);
    g_assert_no_error (error);
    id = meeting (w, B_PN1, "2026-03-05", SMT_MEETING_REGULAR, 4, NULL, 0);
    {
      SmtMeetingFields f = {
        .branch_id = w->branch[B_PN1], .date = "2026-03-05", .kind = SMT_MEETING_REGULAR,
        .topic = "Chủ đề đã sửa", .present = 6, .officer_present = TRUE,
      };

      w->corrected = smt_meeting_correct (w->reg, id, &f, "đếm lại", &error);
      g_assert_no_error (error);
    }
    meeting (w, B_PN1, "2026-04-01", SMT_MEETING_REGULAR, 7, hong, 1);
  }
  /* Chi hội Nông dân 1: one thematic meeting in February; the new one a
   * regular meeting in March, its first month. */
  meeting (w, B_ND1, "2026-02-01", SMT_MEETING_THEMATIC, 1, NULL, 0);
  meeting (w, B_ND_NEW, "2026-03-10", SMT_MEETING_REGULAR, 12, NULL, 0);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static const SmtMeetingGridRow *
row_of (GPtrArray *rows,
        gint64     branch_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (((const SmtMeetingGridRow *) g_ptr_array_index (rows, i))->branch_id == branch_id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* ---- the grid ---------------------------------------------------------------- */

static void
test_grid_counts (World         *w,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = smt_meeting_grid (w->reg, 2026, 0, &error);
  const SmtMeetingGridRow *r;

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  /* Every branch alive in 2026 (the one dissolved in 2025 is not). */
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_null (row_of (rows, w->branch[B_ND_GONE]));

  r = row_of (rows, w->branch[B_PN1]);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->organisation, ==, "Phụ nữ");
  /* January: two meetings, one regular, 2 + 5 present. */
  g_assert_cmpuint (r->months[0].meetings, ==, 2);
  g_assert_true (r->months[0].regular);
  g_assert_cmpuint (r->months[0].present, ==, 7);
  /* February: the only meeting was voided. */
  g_assert_cmpuint (r->months[1].meetings, ==, 0);
  g_assert_false (r->months[1].regular);
  /* March: the correction counts once, with its own present count. */
  g_assert_cmpuint (r->months[2].meetings, ==, 1);
  g_assert_cmpuint (r->months[2].present, ==, 6);
  g_assert_cmpuint (r->months[3].meetings, ==, 1);
  g_assert_cmpuint (r->months[3].present, ==, 7);
  for (int m = 4; m < 12; m++)
    g_assert_cmpuint (r->months[m].meetings, ==, 0);
  /* December 2025 is another year. */
  g_assert_cmpuint (r->months[11].present, ==, 0);

  /* The cells as the grid shows them, today being 30/06/2026. */
  {
    static const struct { int month; SmtMeetingCell cell; const char *text; } cells[] = {
      { 1, SMT_MEETING_CELL_HELD, "✓ 2" }, { 2, SMT_MEETING_CELL_MISSING, "✗" },
      { 3, SMT_MEETING_CELL_HELD, "✓" }, { 6, SMT_MEETING_CELL_MISSING, "✗" },
      { 7, SMT_MEETING_CELL_FUTURE, "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
      {
        g_autofree char *text = NULL;

        g_assert_cmpint (smt_meeting_grid_cell (r, 2026, cells[i].month, "2026-06-30", &text),
                         ==, cells[i].cell);
        g_assert_cmpstr (text, ==, cells[i].text);
      }
  }

  r = row_of (rows, w->branch[B_ND1]);
  g_assert_cmpuint (r->months[1].meetings, ==, 1);
  g_assert_false (r->months[1].regular);
  g_assert_cmpuint (r->months[1].present, ==, 1);

  {
    g_autofree char *text = NULL;

    /* A thematic meeting only: not a regular one. */
    g_assert_cmpint (smt_meeting_grid_cell (r, 2026, 2, "2026-06-30", &text), ==,
                     SMT_MEETING_CELL_MISSING);
    g_assert_cmpstr (text, ==, "✗ 1");
  }

  r = row_of (rows, w->branch[B_ND_NEW]);
  g_assert_false (smt_meeting_grid_row_exists_in (r, 2026, 2));
  g_assert_true (smt_meeting_grid_row_exists_in (r, 2026, 3));
  g_assert_true (r->months[2].regular);
  g_assert_cmpuint (r->months[2].present, ==, 12);

  r = row_of (rows, w->branch[B_PN_OLD]);
  g_assert_nonnull (r);
  g_assert_cmpint (smt_meeting_grid_cell (r, 2026, 5, "2026-06-30", NULL), ==,
                   SMT_MEETING_CELL_NO_BRANCH);
  g_assert_true (smt_meeting_grid_row_exists_in (r, 2026, 4));
  g_assert_false (smt_meeting_grid_row_exists_in (r, 2026, 5));

  /* 2025: only the December meeting of Chi hội Phụ nữ 1; the branch
   * dissolved at the end of 2025 is there. */
  {
    g_autoptr(GPtrArray) old = smt_meeting_grid (w->reg, 2025, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (old->len, ==, 6);
    g_assert_nonnull (row_of (old, w->branch[B_ND_GONE]));
    g_assert_null (row_of (old, w->branch[B_ND_NEW]));
    r = row_of (old, w->branch[B_PN1]);
    g_assert_cmpuint (r->months[11].meetings, ==, 1);
    g_assert_cmpuint (r->months[11].present, ==, 9);
  }
}

static void
test_grid_order (World         *w,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = smt_meeting_grid (w->reg, 2026, w->org[O_PN], &error);
  g_autoptr(GPtrArray) all = smt_meeting_grid (w->reg, 2026, 0, &error);
  g_autoptr(GPtrArray) bad = NULL;
  guint changes = 0;

  g_assert_no_error (error);
  /* One organisation, by name in Vietnamese order: digits before letters,
   * "Chi" before "Tổ". */
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpint (((SmtMeetingGridRow *) g_ptr_array_index (rows, 0))->branch_id, ==,
                   w->branch[B_PN1]);
  g_assert_cmpint (((SmtMeetingGridRow *) g_ptr_array_index (rows, 1))->branch_id, ==,
                   w->branch[B_PN2]);
  g_assert_cmpint (((SmtMeetingGridRow *) g_ptr_array_index (rows, 2))->branch_id, ==,
                   w->branch[B_PN_OLD]);
  g_assert_cmpint (((SmtMeetingGridRow *) g_ptr_array_index (rows, 3))->branch_id, ==,
                   w->branch[B_TO1]);
  g_assert_cmpint (((SmtMeetingGridRow *) g_ptr_array_index (rows, 3))->parent_id, ==,
                   w->branch[B_PN1]);
  /* All organisations: grouped, each organisation's rows together. */
  for (guint i = 1; i < all->len; i++)
    changes += ((SmtMeetingGridRow *) g_ptr_array_index (all, i))->organisation_id
               != ((SmtMeetingGridRow *) g_ptr_array_index (all, i - 1))->organisation_id;
  g_assert_cmpuint (changes, ==, 1);

  bad = smt_meeting_grid (w->reg, 12, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
}

/* ---- one branch, one month ----------------------------------------------------- */

static void
test_branch_month (World         *w,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jan = smt_meetings_of_branch (w->reg, w->branch[B_PN1], "2026-01",
                                                     &error);
  g_autoptr(GPtrArray) feb = NULL;
  g_autoptr(GPtrArray) mar = NULL;
  g_autoptr(GPtrArray) apr = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  const SmtMeetingInfo *m;

  g_assert_no_error (error);
  g_assert_cmpuint (jan->len, ==, 2);
  m = g_ptr_array_index (jan, 0);
  g_assert_cmpstr (m->date, ==, "2026-01-10");
  g_assert_cmpint (m->kind, ==, SMT_MEETING_REGULAR);
  g_assert_cmpstr (m->topic, ==, "Chủ đề tháng");
  g_assert_cmpint (m->present, ==, 2);
  g_assert_true (m->party_present);
  g_assert_false (m->officer_present);
  g_assert_cmpuint (m->attendee_ids->len, ==, 2);
  g_assert_cmpuint (m->attendee_names->len, ==, 2);
  {
    const char *a = g_ptr_array_index (m->attendee_names, 0);
    const char *b = g_ptr_array_index (m->attendee_names, 1);

    g_assert_true ((g_strcmp0 (a, "Nguyễn Thị Lan") == 0 && g_strcmp0 (b, "Lê Thị Hoa") == 0)
                   || (g_strcmp0 (b, "Nguyễn Thị Lan") == 0
                       && g_strcmp0 (a, "Lê Thị Hoa") == 0));
  }
  m = g_ptr_array_index (jan, 1);
  g_assert_cmpint (m->kind, ==, SMT_MEETING_THEMATIC);
  g_assert_cmpuint (m->attendee_ids->len, ==, 0);

  feb = smt_meetings_of_branch (w->reg, w->branch[B_PN1], "2026-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feb->len, ==, 0);

  mar = smt_meetings_of_branch (w->reg, w->branch[B_PN1], "2026-03", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mar->len, ==, 1);
  m = g_ptr_array_index (mar, 0);
  g_assert_cmpint (m->id, ==, w->corrected);
  g_assert_cmpstr (m->topic, ==, "Chủ đề đã sửa");
  g_assert_cmpint (m->present, ==, 6);
  g_assert_true (m->officer_present);
  g_assert_false (m->party_present);

  apr = smt_meetings_of_branch (w->reg, w->branch[B_PN1], "2026-04", &error);
  g_assert_no_error (error);
  m = g_ptr_array_index (apr, 0);
  g_assert_cmpuint (m->attendee_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (m->attendee_ids, gint64, 0), ==, w->person[P_HONG]);
  g_assert_cmpstr (g_ptr_array_index (m->attendee_names, 0), ==, "Phạm Thị Hồng");

  bad = smt_meetings_of_branch (w->reg, w->branch[B_PN1], "2026-13", &error);
  g_assert_null (bad);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
}

static void
test_members (World         *w,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = smt_meeting_members (w->reg, w->branch[B_PN1], "2026-06-01",
                                                      &error);
  g_autoptr(GPtrArray) own = smt_branch_members (w->reg, w->branch[B_PN1], "2026-06-01",
                                                 &error);
  g_autoptr(GPtrArray) before = NULL;
  const SmtBranchMember *last;

  g_assert_no_error (error);
  /* Lan and Hoa of the chi hội, then Hồng of its tổ hội. */
  g_assert_cmpuint (own->len, ==, 2);
  g_assert_cmpuint (members->len, ==, 3);
  last = g_ptr_array_index (members, 2);
  g_assert_cmpint (last->person_id, ==, w->person[P_HONG]);

  /* In 2012 only Lan was a member. */
  before = smt_meeting_members (w->reg, w->branch[B_PN1], "2012-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_cmpint (((SmtBranchMember *) g_ptr_array_index (before, 0))->person_id, ==,
                   w->person[P_LAN]);
}

/* ---- studies ------------------------------------------------------------------- */

static void
test_studies (World         *w,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) pn = NULL;
  SmtStudyFields a = {
    .subject = "Nghị quyết Đại hội XIV của Đảng", .organisation_id = w->org[O_PN],
    .date = "2026-03-01", .participants = 10,
  };
  SmtStudyFields b = {
    .subject = "Chỉ thị 11-CT/TU", .branch_id = w->branch[B_ND1], .date = "2026-05-01",
    .participants = 3,
  };
  SmtStudyFields c = {
    .subject = "Nghị quyết năm trước", .date = "2025-10-01", .participants = 40,
  };
  const SmtStudyInfo *s;

  g_assert_cmpint (smt_study_add (w->reg, &b, &error), !=, 0);
  g_assert_cmpint (smt_study_add (w->reg, &a, &error), !=, 0);
  g_assert_cmpint (smt_study_add (w->reg, &c, &error), !=, 0);
  g_assert_no_error (error);

  all = smt_studies_of_year (w->reg, 2026, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  s = g_ptr_array_index (all, 0);
  g_assert_cmpstr (s->date, ==, "2026-03-01");
  g_assert_cmpstr (s->subject, ==, "Nghị quyết Đại hội XIV của Đảng");
  g_assert_cmpstr (s->organisation, ==, "Phụ nữ");
  g_assert_cmpint (s->branch_id, ==, 0);
  g_assert_cmpstr (s->branch, ==, "");
  g_assert_cmpint (s->participants, ==, 10);
  s = g_ptr_array_index (all, 1);
  /* A branch's study belongs to the branch's organisation. */
  g_assert_cmpint (s->organisation_id, ==, w->org[O_ND]);
  g_assert_cmpstr (s->branch, ==, "Chi hội Nông dân 1");
  g_assert_cmpint (s->participants, ==, 3);

  pn = smt_studies_of_year (w->reg, 2026, w->org[O_PN], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pn->len, ==, 1);
}

/* ---- dialogue days ----------------------------------------------------------- */

static void
test_dialogue (World         *w,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmtDialogueMonth months[12];
  gint64 rows;

  g_assert_cmpstr (smt_dialogue_code (SMT_DIALOGUE_RESOLVED), ==, "petitions_resolved");
  g_assert_true (smt_dialogue_month_set (w->reg, "2026-05", 2, 7, 5, &error));
  g_assert_no_error (error);
  /* A second entry for May supersedes the first. */
  g_assert_true (smt_dialogue_month_set (w->reg, "2026-05", 3, 7, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_indicator_value_set (w->reg, "dialogue_days", "2026-01", 1, NULL,
                                            &error), !=, 0);
  /* A quarter's value is not a month's. */
  g_assert_cmpint (smt_indicator_value_set (w->reg, "dialogue_days", "2026-Q2", 9, NULL,
                                            &error), !=, 0);
  g_assert_no_error (error);

  g_assert_true (smt_dialogue_year (w->reg, 2026, months, &error));
  g_assert_no_error (error);
  g_assert_true (months[4].defined[SMT_DIALOGUE_DAYS]);
  g_assert_cmpfloat (months[4].value[SMT_DIALOGUE_DAYS], ==, 3);
  g_assert_cmpfloat (months[4].value[SMT_DIALOGUE_RAISED], ==, 7);
  g_assert_cmpfloat (months[4].value[SMT_DIALOGUE_RESOLVED], ==, 6);
  g_assert_true (months[0].defined[SMT_DIALOGUE_DAYS]);
  g_assert_cmpfloat (months[0].value[SMT_DIALOGUE_DAYS], ==, 1);
  g_assert_false (months[0].defined[SMT_DIALOGUE_RAISED]);
  for (int m = 1; m < 12; m++)
    if (m != 4)
      g_assert_false (months[m].defined[SMT_DIALOGUE_DAYS]);

  /* Refused: a negative count, a month not begun; nothing written. */
  rows = smt_register_query_int (w->reg, -1, "SELECT count(*) FROM indicator_value");
  g_assert_false (smt_dialogue_month_set (w->reg, "2026-06", 1, -2, 0, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (smt_dialogue_month_set (w->reg, "2026-07", 1, 2, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (smt_dialogue_month_set (w->reg, "2026/06", 1, 2, 0, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM indicator_value"),
                   ==, rows);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, World, NULL, world_setup, func, world_teardown)
  ADD ("/meeting-query/grid-counts", test_grid_counts);
  ADD ("/meeting-query/grid-order", test_grid_order);
  ADD ("/meeting-query/branch-month", test_branch_month);
  ADD ("/meeting-query/members", test_members);
  ADD ("/meeting-query/studies", test_studies);
  ADD ("/meeting-query/dialogue", test_dialogue);
#undef ADD

  return g_test_run ();
}
