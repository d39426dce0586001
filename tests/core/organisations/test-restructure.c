/* test-restructure.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/check/smt-check.h"
#include "core/indicators/smt-indicators.h"
#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-member-spans.h"
#include "core/organisations/smt-organisations.h"
#include "core/organisations/smt-restructure.h"
#include "core/people/smt-people.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

/* ---- a small commune ------------------------------------------------------ *
 *
 * One hamlet, "today" 30/06/2026. Phụ nữ has "Chi hội Phụ nữ ấp 1" (from
 * 2000) and, from 01/03/2026, its two tổ hội "Tổ hội số 1" and "Tổ hội số
 * 2"; Nông dân has "Chi hội Nông dân ấp 1".
 *
 *   Lan   F 1980  PN (chi hội) from 08/03/2010
 *   Bình  F 1985  PN (chi hội) from 01/01/2020
 *   Hoa   F 1995  PN (chi hội) from 01/01/2020
 *   Mai   F 1975  PN (chi hội) from 03/02/2015, working away from 01/06/2025
 *   An    M 1987  ND from 01/01/2012 (no PN membership)
 */

enum { B_CHI, B_TO1, B_TO2, B_ND, N_BRANCHES };
enum { P_LAN, P_BINH, P_HOA, P_MAI, P_AN, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           pn;
  gint64           nd;
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
} World;

static gint64
record (World        *w,
        SmtEventKind  kind,
        int           person,
        int           branch,
        const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person],
    .organisation_id = person == P_AN ? w->nd : w->pn,
    .branch_id = branch >= 0 ? w->branch[branch] : 0, .date = date,
  };
  gint64 id = smt_membership_record (w->reg, &change, &error);

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
    [P_BINH] = { "Lê", "Thị", "Bình", SMT_SEX_FEMALE, "1985-07-20", 1985 },
    [P_HOA] = { "Phạm", "Thị", "Hoa", SMT_SEX_FEMALE, "1995-05-05", 1995 },
    [P_MAI] = { "Đỗ", "Thị", "Mai", SMT_SEX_FEMALE, "1975-09-09", 1975 },
    [P_AN] = { "Trần", "Văn", "An", SMT_SEX_MALE, "1987-03-02", 1987 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  smt_register_set_today (w->reg, "2026-06-30");
  w->pn = smt_organisation_lookup (w->reg, "PN");
  w->nd = smt_organisation_lookup (w->reg, "ND");
  hamlet = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  w->branch[B_CHI] = smt_branch_add (w->reg, w->pn, 0, "chi hội", "Chi hội Phụ nữ ấp 1",
                                     &hamlet, 1, "2000-01-01", &error);
  g_assert_no_error (error);
  w->branch[B_TO1] = smt_branch_add (w->reg, w->pn, w->branch[B_CHI], "tổ hội", "Tổ hội số 1",
                                     NULL, 0, "2026-03-01", &error);
  g_assert_no_error (error);
  w->branch[B_TO2] = smt_branch_add (w->reg, w->pn, w->branch[B_CHI], "tổ hội", "Tổ hội số 2",
                                     NULL, 0, "2026-03-01", &error);
  g_assert_no_error (error);
  w->branch[B_ND] = smt_branch_add (w->reg, w->nd, 0, "chi hội", "Chi hội Nông dân ấp 1",
                                    &hamlet, 1, "2000-01-01", &error);
  g_assert_no_error (error);
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  record (w, SMT_EVENT_ADMITTED, P_LAN, B_CHI, "2010-03-08");
  record (w, SMT_EVENT_ADMITTED, P_BINH, B_CHI, "2020-01-01");
  record (w, SMT_EVENT_ADMITTED, P_HOA, B_CHI, "2020-01-01");
  record (w, SMT_EVENT_ADMITTED, P_MAI, B_CHI, "2015-02-03");
  record (w, SMT_EVENT_AWAY, P_MAI, -1, "2025-06-01");
  record (w, SMT_EVENT_ADMITTED, P_AN, B_ND, "2012-01-01");
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static gint64
count_rows (World      *w,
            const char *sql)
{
  return smt_register_query_int (w->reg, -1, sql);
}

static double
figure (World      *w,
        const char *code,
        const char *period_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) period = smt_period_parse (period_code, &error);
  g_autoptr(SmtIndicatorResult) r = NULL;
  SmtIndicatorQuery q = { .organisation_id = w->pn };

  g_assert_no_error (error);
  r = smt_indicator_compute (w->reg, code, period, &q, &error);
  g_assert_no_error (error);
  return r->value;
}

/* The branch of a person's open PN span, and whether a restructure
 * opened it. */
static gint64
branch_of (World    *w,
           int       person,
           gboolean *restructured)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = smt_member_spans_load (w->reg, w->pn, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);

      if (s->person_id == w->person[person] && s->end[0] == '\0')
        {
          if (restructured != NULL)
            *restructured = s->restructured;
          return s->branch_id;
        }
    }
  return 0;
}

/* Moves Lan, Bình and Mai (away) into tổ hội 1 on 01/03/2026. */
static gint64
move_three (World *w)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { w->person[P_LAN], w->person[P_BINH], w->person[P_MAI] };
  SmtRestructureFields fields = {
    .branch_id = w->branch[B_TO1], .date = "2026-03-01",
    .reason = "Thành lập tổ hội, phân công sinh hoạt theo tổ", .document = "Nghị quyết 3/NQ-CH",
    .person_ids = ids, .n_persons = G_N_ELEMENTS (ids),
  };
  gint64 failed = -1;
  gint64 id = smt_restructure_apply (w->reg, &fields, &failed, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (failed, ==, 0);
  return id;
}

/* ---- cases ------------------------------------------------------------------ */

/* One act: one restructure row and three transfers that name it; the
 * three members are in tổ hội 1 from 01/03/2026 (Mai still away), the
 * members of the chi hội that day are Hoa alone, and nobody's count
 * changed. Hoa's own move to tổ hội 2 on 10/03 is a chuyển sinh hoạt: the
 * quarter counts one transfer (Hoa), not four. The journal shows the
 * three as "Sắp xếp tổ chức", apart from Hoa's transfer; so does Lan's
 * page. */
static void
test_apply (World         *w,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(SmtPersonDetail) lan = NULL;
  SmtEventFilter filter = { "2026-01-01", "2026-06-30", 0, -1 };
  guint counts[SMT_N_JOURNAL_KINDS];
  const SmtRestructureInfo *info;
  gboolean restructured = FALSE;
  gint64 id;

  g_assert_cmpfloat (figure (w, "memberships_total", "2026-Q1"), ==, 4);
  id = move_three (w);
  record (w, SMT_EVENT_TRANSFERRED, P_HOA, B_TO2, "2026-03-10");

  g_assert_cmpint (count_rows (w, "SELECT count (*) FROM restructure"), ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count (*) FROM membership_event "
                                                       "WHERE restructure_id = ?1", id), ==, 3);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count (*) FROM membership_event "
                                                       "WHERE restructure_id = ?1 AND kind = "
                                                       "'transferred' AND date = '2026-03-01'",
                                           id), ==, 3);
  g_assert_cmpint (branch_of (w, P_LAN, &restructured), ==, w->branch[B_TO1]);
  g_assert_true (restructured);
  g_assert_cmpint (branch_of (w, P_MAI, NULL), ==, w->branch[B_TO1]);
  g_assert_cmpint (branch_of (w, P_HOA, &restructured), ==, w->branch[B_TO2]);
  g_assert_false (restructured);

  /* The chi hội's own members on 01/03: Hoa alone (she moves on 10/03). */
  members = smt_restructure_members (w->reg, w->branch[B_CHI], "2026-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (((SmtBranchMember *) g_ptr_array_index (members, 0))->person_id, ==,
                   w->person[P_HOA]);

  /* Counts: four PN members before and after; one chuyển sinh hoạt. */
  g_assert_cmpfloat (figure (w, "memberships_total", "2026-Q1"), ==, 4);
  g_assert_cmpfloat (figure (w, "members_transferred", "2026-Q1"), ==, 1);
  g_assert_cmpfloat (figure (w, "members_admitted", "2026-Q1"), ==, 0);

  list = smt_restructures_list (w->reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpint (info->id, ==, id);
  g_assert_cmpint (info->organisation_id, ==, w->pn);
  g_assert_cmpstr (info->branch, ==, "Tổ hội số 1");
  g_assert_cmpstr (info->from_branches, ==, "Chi hội Phụ nữ ấp 1");
  g_assert_cmpstr (info->date, ==, "2026-03-01");
  g_assert_cmpstr (info->document, ==, "Nghị quyết 3/NQ-CH");
  g_assert_cmpuint (info->moved, ==, 3);
  g_assert_cmpuint (info->voided, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = smt_restructures_list (w->reg, w->nd, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  rows = smt_events_list (w->reg, &filter, &error);
  g_assert_no_error (error);
  smt_events_count (rows, counts);
  g_assert_cmpuint (counts[SMT_JOURNAL_RESTRUCTURED], ==, 3);
  g_assert_cmpuint (counts[SMT_EVENT_TRANSFERRED], ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.kind = SMT_JOURNAL_RESTRUCTURED;
  rows = smt_events_list (w->reg, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtEventRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (row->restructure_id, ==, id);
      g_assert_cmpint (row->journal_kind, ==, SMT_JOURNAL_RESTRUCTURED);
      g_assert_cmpstr (row->from_branch, ==, "Chi hội Phụ nữ ấp 1");
      g_assert_cmpstr (row->branch, ==, "Tổ hội số 1");
    }
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.kind = SMT_EVENT_TRANSFERRED;
  rows = smt_events_list (w->reg, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((SmtEventRow *) g_ptr_array_index (rows, 0))->person_id, ==,
                   w->person[P_HOA]);

  lan = smt_person_detail_get (w->reg, w->person[P_LAN], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lan->timeline->len, ==, 2);
  {
    const SmtTimelineRow *t = g_ptr_array_index (lan->timeline, 1);

    g_assert_true (t->restructured);
    g_assert_cmpstr (t->kind, ==, smt_journal_kind_label (SMT_JOURNAL_RESTRUCTURED));
    g_assert_cmpstr (t->kind, ==, "Sắp xếp tổ chức");
  }
}

/* Refusals write nothing: not one act, not one event. */
static void
test_refused (World         *w,
              gconstpointer  data)
{
  static const struct
  {
    int         people[3];   /* -1 ends */
    int         branch;
    const char *date;
    int         code;
    const char *says;        /* part of the message */
  } cases[] = {
    /* An is in ND, not PN; Lan, before him, could move. */
    { { P_LAN, P_AN, -1 }, B_TO1, "2026-03-01", SMT_REGISTER_ERROR_NOT_MEMBER, "Trần Văn An" },
    /* The tổ hội was founded on 01/03/2026. */
    { { P_LAN, -1 }, B_TO1, "2026-02-28", SMT_REGISTER_ERROR_SEQUENCE, "01/03/2026" },
    /* Lan twice. */
    { { P_LAN, P_LAN, -1 }, B_TO1, "2026-03-01", SMT_REGISTER_ERROR_DUPLICATE, "Lan" },
    /* Nobody. */
    { { -1 }, B_TO1, "2026-03-01", SMT_REGISTER_ERROR_INVALID, NULL },
    /* After today. */
    { { P_LAN, -1 }, B_TO1, "2026-07-01", -1, NULL },
    /* Into the chi hội they are in already: the first one named is refused. */
    { { P_HOA, P_BINH, -1 }, B_CHI, "2026-03-01", SMT_REGISTER_ERROR_SEQUENCE, "Phạm Thị Hoa" },
  };
  gint64 events = count_rows (w, "SELECT count (*) FROM membership_event");

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      gint64 ids[3];
      guint n = 0;
      gint64 failed = 0;
      SmtRestructureFields fields = {
        .branch_id = w->branch[cases[c].branch], .date = cases[c].date, .person_ids = ids,
      };

      for (; n < 3 && cases[c].people[n] >= 0; n++)
        ids[n] = w->person[cases[c].people[n]];
      fields.n_persons = n;
      g_test_message ("case %u", c);
      g_assert_cmpint (smt_restructure_apply (w->reg, &fields, &failed, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_true (error->domain == SMT_REGISTER_ERROR);
      if (cases[c].code >= 0)
        g_assert_cmpint (error->code, ==, cases[c].code);
      if (cases[c].says != NULL)
        g_assert_nonnull (strstr (error->message, cases[c].says));
      if (c == 0)
        g_assert_cmpint (failed, ==, w->person[P_AN]);
      g_assert_cmpint (count_rows (w, "SELECT count (*) FROM restructure"), ==, 0);
      g_assert_cmpint (count_rows (w, "SELECT count (*) FROM membership_event"), ==, events);
    }
  g_assert_cmpint (branch_of (w, P_LAN, NULL), ==, w->branch[B_CHI]);
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) error = NULL;

    g_assert_true (smt_register_check (w->reg, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* A transfer that names a restructure goes where and when it does. */
  {
    g_autoptr(GError) error = NULL;
    gint64 id = smt_restructure_add (w->reg, w->branch[B_TO1], "2026-03-01", "", NULL, &error);
    SmtMembershipChange wrong_branch = {
      .kind = SMT_EVENT_TRANSFERRED, .person_id = w->person[P_LAN], .organisation_id = w->pn,
      .branch_id = w->branch[B_TO2], .date = "2026-03-01", .restructure_id = id,
    };
    SmtMembershipChange wrong_day = wrong_branch;
    SmtMembershipChange right = wrong_branch;

    g_assert_no_error (error);
    g_assert_cmpint (id, !=, 0);
    g_assert_cmpint (smt_membership_record (w->reg, &wrong_branch, &error), ==, 0);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
    g_clear_error (&error);
    wrong_day.branch_id = w->branch[B_TO1];
    wrong_day.date = "2026-03-02";
    g_assert_cmpint (smt_membership_record (w->reg, &wrong_day, &error), ==, 0);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
    g_clear_error (&error);
    right.branch_id = w->branch[B_TO1];
    g_assert_cmpint (smt_membership_record (w->reg, &right, &error), !=, 0);
    g_assert_no_error (error);
    g_assert_cmpint (count_rows (w, "SELECT count (*) FROM membership_event"), ==, events + 1);

    /* Written past the API (only a damaged register has one), a transfer
     * into another branch than its restructure's is what the check says. */
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO membership_event (id, person_id, organisation_id, branch_id, kind, date, "
        "entered_at, restructure_id) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", "
        "%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'transferred', '2026-04-01', "
        "'2026-04-01T08:00:00Z', %" G_GINT64_FORMAT ")",
        smt_register_query_int (w->reg, 0, "SELECT max (id) + 1 FROM membership_event"),
        w->person[P_HOA], w->pn, w->branch[B_TO2], id);

      g_assert_cmpint (sqlite3_exec (smt_register_get_db (w->reg), sql, NULL, NULL, NULL), ==,
                       SQLITE_OK);
      g_assert_false (smt_register_check (w->reg, problems, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "Phạm Thị Hoa"));
    }
  }
}

/* Undo voids the three transfers: they are back in the chi hội, the act
 * stays with three moves voided, a second undo is refused. An undo that a
 * later event needs is refused whole: after Bình moves back from tổ hội 1
 * to the chi hội on 01/05, voiding the restructure would make that move a
 * move into the branch she is in. */
static void
test_void (World         *w,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = move_three (w);
  gint64 events;

  g_assert_true (smt_restructure_void (w->reg, id, "Nhập nhầm", &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count (*) FROM membership_event "
                                                       "WHERE kind = 'void' AND supersedes IN "
                                                       "(SELECT id FROM membership_event WHERE "
                                                       "restructure_id = ?1)", id), ==, 3);
  for (int p = P_LAN; p <= P_MAI; p++)
    g_assert_cmpint (branch_of (w, p, NULL), ==, w->branch[B_CHI]);
  list = smt_restructures_list (w->reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (list, 0))->moved, ==, 0);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (list, 0))->voided, ==, 3);
  g_assert_false (smt_restructure_void (w->reg, id, "Lần nữa", &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);

  id = move_three (w);
  record (w, SMT_EVENT_TRANSFERRED, P_BINH, B_CHI, "2026-05-01");
  events = count_rows (w, "SELECT count (*) FROM membership_event");
  g_assert_false (smt_restructure_void (w->reg, id, "Nhập nhầm", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Lê Thị Bình"));
  g_assert_cmpint (count_rows (w, "SELECT count (*) FROM membership_event"), ==, events);
  g_assert_cmpint (branch_of (w, P_LAN, NULL), ==, w->branch[B_TO1]);
}

int
main (int   argc,
      char *argv[])
{
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
#define ADD(name, func) \
  g_test_add ("/restructure/" name, World, NULL, world_setup, func, world_teardown)
  ADD ("apply", test_apply);
  ADD ("refused", test_refused);
  ADD ("void", test_void);
#undef ADD
  return g_test_run ();
}
