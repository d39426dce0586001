/* test-member-spans.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "core/check/smt-check.h"
#include "core/demo/smt-demo.h"
#include "core/organisations/smt-member-spans.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

/* ---- a small commune ------------------------------------------------------ */

enum { O_NONE, O_PN, O_ND, O_NCT, N_ORGS };
static const char *org_codes[N_ORGS] = { NULL, "PN", "ND", "NCT" };

enum { B_NONE, B_PN1, B_PN2, B_ND1, B_ND2, B_NCT1, N_BRANCHES };

enum { P_LAN, P_AN, P_CU, P_BINH, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
} World;

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const struct
  {
    int         org;
    const char *name;
  } branches[N_BRANCHES] = {
    [B_PN1] = { O_PN, "Chi hội Phụ nữ ấp 1" },
    [B_PN2] = { O_PN, "Chi hội Phụ nữ ấp 2" },
    [B_ND1] = { O_ND, "Chi hội Nông dân ấp 1" },
    [B_ND2] = { O_ND, "Chi hội Nông dân ấp 2" },
    [B_NCT1] = { O_NCT, "Chi hội Người cao tuổi ấp 1" },
  };
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_AN] = { "Trần", "Văn", "An", SMT_SEX_MALE, "1987-03-02", 1987 },
    [P_CU] = { "Mai", "Văn", "Cụ", SMT_SEX_MALE, "1940-01-01", 1940 },
    [P_BINH] = { "Lê", "Thị", "Bình", SMT_SEX_FEMALE, "1985-07-20", 1985 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  for (int o = 1; o < N_ORGS; o++)
    {
      w->org[o] = smt_organisation_lookup (w->reg, org_codes[o]);
      g_assert_cmpint (w->org[o], !=, 0);
    }
  hamlet = smt_hamlet_add (w->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  for (int b = 1; b < N_BRANCHES; b++)
    {
      w->branch[b] = smt_branch_add (w->reg, w->org[branches[b].org], 0, "chi hội",
                                     branches[b].name, &hamlet, 1, "2000-01-01", &error);
      g_assert_no_error (error);
    }
  /* Keys count up, so the people come out of the spans in this order. */
  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static gint64
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
  gint64 id = smt_membership_record (w->reg, &change, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static GArray *
load (World *w,
      int    org)
{
  g_autoptr(GError) error = NULL;
  GArray *spans = smt_member_spans_load (w->reg, w->org[org], &error);

  g_assert_no_error (error);
  g_assert_nonnull (spans);
  return spans;
}

/* One expected span; end NULL while open, end_kind then SMT_N_EVENTS. */
typedef struct
{
  int           person;
  int           org;
  int           branch;
  const char   *start;
  const char   *end;
  gboolean      away;
  SmtEventKind  start_kind;
  SmtEventKind  end_kind;
} Expected;

static void
assert_spans (World          *w,
              GArray         *spans,
              const Expected *expected,
              guint           n)
{
  g_assert_cmpuint (spans->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);
      const Expected *e = &expected[i];

      g_test_message ("span %u: %s..%s", i, s->start, s->end);
      g_assert_cmpint (s->person_id, ==, w->person[e->person]);
      g_assert_cmpint (s->organisation_id, ==, w->org[e->org]);
      g_assert_cmpint (s->branch_id, ==, w->branch[e->branch]);
      g_assert_cmpstr (s->start, ==, e->start);
      g_assert_cmpstr (s->end, ==, e->end ? e->end : "");
      g_assert_cmpint (s->away, ==, e->away);
      g_assert_cmpint (s->start_kind, ==, e->start_kind);
      g_assert_cmpint (s->end_kind, ==, e->end_kind);
      g_assert_cmpint (s->start_event_id, !=, 0);
      if (e->end == NULL)
        g_assert_cmpint (s->end_event_id, ==, 0);
      else
        g_assert_cmpint (s->end_event_id, !=, 0);
    }
}

#define ASSERT_SPANS(w, spans, ...) \
  G_STMT_START { \
    static const Expected expected_[] = { __VA_ARGS__ }; \
    assert_spans ((w), (spans), expected_, G_N_ELEMENTS (expected_)); \
  } G_STMT_END

/* count_on as (by membership, by person), with and without people away. */
static void
assert_counts (GArray     *spans,
               const char *date,
               guint       memberships,
               guint       persons,
               guint       memberships_present,
               guint       persons_present)
{
  g_test_message ("counts on %s", date);
  g_assert_cmpuint (smt_member_spans_count_on (spans, date, FALSE, TRUE), ==, memberships);
  g_assert_cmpuint (smt_member_spans_count_on (spans, date, TRUE, TRUE), ==, persons);
  g_assert_cmpuint (smt_member_spans_count_on (spans, date, FALSE, FALSE), ==,
                    memberships_present);
  g_assert_cmpuint (smt_member_spans_count_on (spans, date, TRUE, FALSE), ==, persons_present);
}

/* ---- cases ------------------------------------------------------------------ */

static void
test_empty (World         *w,
            gconstpointer  data)
{
  g_autoptr(GArray) spans = load (w, O_NONE);

  g_assert_cmpuint (spans->len, ==, 0);
  assert_counts (spans, "2026-06-30", 0, 0, 0, 0);
}

/* Lan is in the Women's Union from 08/03/2010 and in the Farmers' Union from
 * 01/05/2012: two open spans. On 01/01/2015 she is one person in two
 * memberships; on 01/01/2011 only in PN; on 07/03/2010 in nothing. */
static void
test_two_organisations (World         *w,
                        gconstpointer  data)
{
  g_autoptr(GArray) spans = NULL;

  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  record (w, SMT_EVENT_ADMITTED, P_LAN, O_ND, B_ND1, "2012-05-01");
  spans = load (w, O_NONE);
  /* PN was seeded before ND, so its key (and span) comes first. */
  g_assert_cmpint (w->org[O_PN], <, w->org[O_ND]);
  ASSERT_SPANS (w, spans,
    { P_LAN, O_PN, B_PN1, "2010-03-08", NULL, FALSE, SMT_EVENT_ADMITTED, SMT_N_EVENTS },
    { P_LAN, O_ND, B_ND1, "2012-05-01", NULL, FALSE, SMT_EVENT_ADMITTED, SMT_N_EVENTS });
  assert_counts (spans, "2015-01-01", 2, 1, 2, 1);
  assert_counts (spans, "2011-01-01", 1, 1, 1, 1);
  assert_counts (spans, "2012-05-01", 2, 1, 2, 1);
  assert_counts (spans, "2010-03-07", 0, 0, 0, 0);
}

/* An joins ND on 01/01/2012, works away from 10/05/2024 and is back on
 * 01/02/2025. Spans: active 2012-01-01..2024-05-09, away
 * 2024-05-10..2025-01-31, active from 2025-02-01. On 01/12/2024 he is a
 * member (1) but not present (0); on 09/05/2024 and 01/02/2025 both 1. */
static void
test_away (World         *w,
           gconstpointer  data)
{
  g_autoptr(GArray) spans = NULL;

  record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-01");
  record (w, SMT_EVENT_AWAY, P_AN, O_ND, B_NONE, "2024-05-10");
  record (w, SMT_EVENT_BACK, P_AN, O_ND, B_NONE, "2025-02-01");
  spans = load (w, O_NONE);
  ASSERT_SPANS (w, spans,
    { P_AN, O_ND, B_ND1, "2012-01-01", "2024-05-09", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_AWAY },
    { P_AN, O_ND, B_ND1, "2024-05-10", "2025-01-31", TRUE, SMT_EVENT_AWAY, SMT_EVENT_BACK },
    { P_AN, O_ND, B_ND1, "2025-02-01", NULL, FALSE, SMT_EVENT_BACK, SMT_N_EVENTS });
  assert_counts (spans, "2024-12-01", 1, 1, 0, 0);
  assert_counts (spans, "2024-05-10", 1, 1, 0, 0);
  assert_counts (spans, "2024-05-09", 1, 1, 1, 1);
  assert_counts (spans, "2025-01-31", 1, 1, 0, 0);
  assert_counts (spans, "2025-02-01", 1, 1, 1, 1);
}

/* Lan moves from Ấp 1 to Ấp 2 on 15/01/2018: the first span ends on
 * 14/01/2018, the second starts on 15/01/2018. Every day of January 2018
 * she is counted once, in PN1 up to the 14th and in PN2 from the 15th. */
static void
test_transfer_mid_month (World         *w,
                         gconstpointer  data)
{
  g_autoptr(GArray) spans = NULL;

  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  record (w, SMT_EVENT_TRANSFERRED, P_LAN, O_PN, B_PN2, "2018-01-15");
  spans = load (w, O_NONE);
  ASSERT_SPANS (w, spans,
    { P_LAN, O_PN, B_PN1, "2010-03-08", "2018-01-14", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_TRANSFERRED },
    { P_LAN, O_PN, B_PN2, "2018-01-15", NULL, FALSE, SMT_EVENT_TRANSFERRED, SMT_N_EVENTS });
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 0).end_event_id, ==,
                   g_array_index (spans, SmtMemberSpan, 1).start_event_id);
  for (int day = 1; day <= 31; day++)
    {
      char date[11];
      int covering = 0;
      gint64 branch = 0;

      g_snprintf (date, sizeof date, "2018-01-%02d", day);
      assert_counts (spans, date, 1, 1, 1, 1);
      for (guint i = 0; i < spans->len; i++)
        if (smt_member_span_covers (&g_array_index (spans, SmtMemberSpan, i), date))
          {
            covering++;
            branch = g_array_index (spans, SmtMemberSpan, i).branch_id;
          }
      g_assert_cmpint (covering, ==, 1);
      g_assert_cmpint (branch, ==, w->branch[day < 15 ? B_PN1 : B_PN2]);
    }
}

/* Bình leaves PN on 15/03/2025: a member on 14/03, not on 15/03 — as
 * smt_membership_state_on says. */
static void
test_leave (World         *w,
            gconstpointer  data)
{
  g_autoptr(GArray) spans = NULL;

  record (w, SMT_EVENT_ADMITTED, P_BINH, O_PN, B_PN1, "2020-01-01");
  record (w, SMT_EVENT_LEFT, P_BINH, O_PN, B_NONE, "2025-03-15");
  spans = load (w, O_NONE);
  ASSERT_SPANS (w, spans,
    { P_BINH, O_PN, B_PN1, "2020-01-01", "2025-03-14", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_LEFT });
  assert_counts (spans, "2025-03-14", 1, 1, 1, 1);
  assert_counts (spans, "2025-03-15", 0, 0, 0, 0);
  assert_counts (spans, "2019-12-31", 0, 0, 0, 0);
  assert_counts (spans, "2020-01-01", 1, 1, 1, 1);
  g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_BINH], w->org[O_PN],
                                            "2025-03-14", NULL), ==, SMT_MEMBER_ACTIVE);
  g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_BINH], w->org[O_PN],
                                            "2025-03-15", NULL), ==, SMT_MEMBER_NONE);
}

/* An's admission to ND on 01/01/2012 is voided: only Lan's PN span is left
 * (and the void row itself opens nothing). */
static void
test_void (World         *w,
           gconstpointer  data)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 admission;

  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  admission = record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-01");
  before = load (w, O_NONE);
  g_assert_cmpuint (before->len, ==, 2);
  assert_counts (before, "2020-01-01", 2, 2, 2, 2);
  {
    SmtMembershipChange change = {
      .kind = SMT_EVENT_VOID, .voids_event_id = admission, .reason = "nhầm người",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
    g_assert_no_error (error);
  }
  after = load (w, O_NONE);
  ASSERT_SPANS (w, after,
    { P_LAN, O_PN, B_PN1, "2010-03-08", NULL, FALSE, SMT_EVENT_ADMITTED, SMT_N_EVENTS });
  assert_counts (after, "2020-01-01", 1, 1, 1, 1);
}

/* Lan: admitted 08/03/2010, transferred 15/01/2018; today (30/06/2026) a
 * leave dated 20/05/2023 is entered after both. Reloaded, her PN2 span now
 * ends on 19/05/2023: on 01/01/2024 she went from 1 to 0. */
static void
test_back_dated_leave (World         *w,
                       gconstpointer  data)
{
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  gint64 leave;

  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  record (w, SMT_EVENT_TRANSFERRED, P_LAN, O_PN, B_PN2, "2018-01-15");
  before = load (w, O_NONE);
  ASSERT_SPANS (w, before,
    { P_LAN, O_PN, B_PN1, "2010-03-08", "2018-01-14", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_TRANSFERRED },
    { P_LAN, O_PN, B_PN2, "2018-01-15", NULL, FALSE, SMT_EVENT_TRANSFERRED, SMT_N_EVENTS });
  assert_counts (before, "2024-01-01", 1, 1, 1, 1);

  leave = record (w, SMT_EVENT_LEFT, P_LAN, O_PN, B_NONE, "2023-05-20");
  after = load (w, O_NONE);
  ASSERT_SPANS (w, after,
    { P_LAN, O_PN, B_PN1, "2010-03-08", "2018-01-14", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_TRANSFERRED },
    { P_LAN, O_PN, B_PN2, "2018-01-15", "2023-05-19", FALSE, SMT_EVENT_TRANSFERRED,
      SMT_EVENT_LEFT });
  g_assert_cmpint (g_array_index (after, SmtMemberSpan, 1).end_event_id, ==, leave);
  assert_counts (after, "2024-01-01", 0, 0, 0, 0);
  assert_counts (after, "2023-05-19", 1, 1, 1, 1);
  assert_counts (after, "2023-05-20", 0, 0, 0, 0);
}

/* Events of one day replay in key order, and spans closed the day before
 * they open are dropped. An: admitted 01/01/2012 (ND1); on 01/07/2019
 * transferred to ND2, then (a later key, same day) away. The ND2 active span
 * would be 2019-07-01..2019-06-30: dropped, leaving the ND1 span ended by the
 * transfer and an away span in ND2, which the transfer opens (the event
 * that opened the dropped span opens the one that follows, so that the
 * ND1 span's end and the ND2 span's start name the same event). Bình is
 * admitted to PN and leaves on the same day, 01/03/2021: no span at all. */
static void
test_same_day (World         *w,
               gconstpointer  data)
{
  g_autoptr(GArray) spans = NULL;
  gint64 transfer;

  record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-01");
  transfer = record (w, SMT_EVENT_TRANSFERRED, P_AN, O_ND, B_ND2, "2019-07-01");
  record (w, SMT_EVENT_AWAY, P_AN, O_ND, B_NONE, "2019-07-01");
  record (w, SMT_EVENT_ADMITTED, P_BINH, O_PN, B_PN1, "2021-03-01");
  record (w, SMT_EVENT_LEFT, P_BINH, O_PN, B_NONE, "2021-03-01");
  spans = load (w, O_NONE);
  ASSERT_SPANS (w, spans,
    { P_AN, O_ND, B_ND1, "2012-01-01", "2019-06-30", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_TRANSFERRED },
    { P_AN, O_ND, B_ND2, "2019-07-01", NULL, TRUE, SMT_EVENT_TRANSFERRED, SMT_N_EVENTS });
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 0).end_event_id, ==, transfer);
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 1).start_event_id, ==, transfer);
  assert_counts (spans, "2019-06-30", 1, 1, 1, 1);
  assert_counts (spans, "2019-07-01", 1, 1, 0, 0);
  assert_counts (spans, "2021-03-01", 1, 1, 0, 0);
}

/* A membership's first span is opened by its admission and its last
 * closed by its leave, even when a transfer falls on the same day. Lan:
 * admitted to PN1 on 08/03/2010 and transferred to PN2 the same day: one
 * span in PN2 from 08/03/2010, opened by the admission. Cụ: admitted to
 * ND1 on 01/01/2000, transferred to ND2 on 01/06/2015 and leaves the same
 * day: one span in ND1 to 31/05/2015, closed by the leave. An: admitted to
 * ND1 01/01/2012, away and transferred on 01/02/2016, back and left on
 * 01/03/2016 (two spans dropped): ND1 to 31/01/2016 closed by away, then
 * in ND2 away to 29/02/2016, opened by the away, closed by the leave. */
static void
test_same_day_links (World         *w,
                     gconstpointer  data)
{
  g_autoptr(GArray) spans = NULL;
  gint64 admitted, left, away, left_an;

  admitted = record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  record (w, SMT_EVENT_TRANSFERRED, P_LAN, O_PN, B_PN2, "2010-03-08");
  record (w, SMT_EVENT_ADMITTED, P_CU, O_ND, B_ND1, "2000-01-01");
  record (w, SMT_EVENT_TRANSFERRED, P_CU, O_ND, B_ND2, "2015-06-01");
  left = record (w, SMT_EVENT_LEFT, P_CU, O_ND, B_NONE, "2015-06-01");
  record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-01");
  away = record (w, SMT_EVENT_AWAY, P_AN, O_ND, B_NONE, "2016-02-01");
  record (w, SMT_EVENT_TRANSFERRED, P_AN, O_ND, B_ND2, "2016-02-01");
  record (w, SMT_EVENT_BACK, P_AN, O_ND, B_NONE, "2016-03-01");
  left_an = record (w, SMT_EVENT_LEFT, P_AN, O_ND, B_NONE, "2016-03-01");
  spans = load (w, O_NONE);
  ASSERT_SPANS (w, spans,
    { P_LAN, O_PN, B_PN2, "2010-03-08", NULL, FALSE, SMT_EVENT_ADMITTED, SMT_N_EVENTS },
    { P_AN, O_ND, B_ND1, "2012-01-01", "2016-01-31", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_AWAY },
    { P_AN, O_ND, B_ND2, "2016-02-01", "2016-02-29", TRUE, SMT_EVENT_AWAY, SMT_EVENT_LEFT },
    { P_CU, O_ND, B_ND1, "2000-01-01", "2015-05-31", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_LEFT });
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 0).start_event_id, ==, admitted);
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 2).start_event_id, ==, away);
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 2).end_event_id, ==, left_an);
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 3).end_event_id, ==, left);
  assert_counts (spans, "2015-05-31", 3, 3, 3, 3);
  assert_counts (spans, "2015-06-01", 2, 2, 2, 2);
  assert_counts (spans, "2016-02-29", 2, 2, 1, 1);
  assert_counts (spans, "2016-03-01", 1, 1, 1, 1);
}

/* Cụ is in ND from 01/01/2000 and in NCT from 01/01/2001 (61 then); he dies
 * on 01/01/2024: both spans end on 31/12/2023, one person in two
 * memberships that day, nobody on 01/01/2024. */
static void
test_death (World         *w,
            gconstpointer  data)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;

  record (w, SMT_EVENT_ADMITTED, P_CU, O_ND, B_ND1, "2000-01-01");
  record (w, SMT_EVENT_ADMITTED, P_CU, O_NCT, B_NCT1, "2001-01-01");
  g_assert_true (smt_person_record_death (w->reg, w->person[P_CU], "2024-01-01", "bệnh",
                                          &error));
  g_assert_no_error (error);
  spans = load (w, O_NONE);
  g_assert_cmpint (w->org[O_ND], <, w->org[O_NCT]);
  ASSERT_SPANS (w, spans,
    { P_CU, O_ND, B_ND1, "2000-01-01", "2023-12-31", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_DECEASED },
    { P_CU, O_NCT, B_NCT1, "2001-01-01", "2023-12-31", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_DECEASED });
  assert_counts (spans, "2023-12-31", 2, 1, 2, 1);
  assert_counts (spans, "2024-01-01", 0, 0, 0, 0);
}

/* Lan in PN and ND, An in ND, Cụ in NCT. PN: Lan's span; ND: Lan's then
 * An's (by person key); all: four. On 01/06/2020: PN 1, ND 2 (2 persons),
 * all 4 memberships of 3 persons. */
static void
test_organisation_filter (World         *w,
                          gconstpointer  data)
{
  g_autoptr(GArray) pn = NULL;
  g_autoptr(GArray) nd = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;

  record (w, SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08");
  record (w, SMT_EVENT_ADMITTED, P_LAN, O_ND, B_ND1, "2012-05-01");
  record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND2, "2012-01-01");
  record (w, SMT_EVENT_ADMITTED, P_CU, O_NCT, B_NCT1, "2001-01-01");
  pn = load (w, O_PN);
  nd = load (w, O_ND);
  all = load (w, O_NONE);
  ASSERT_SPANS (w, pn,
    { P_LAN, O_PN, B_PN1, "2010-03-08", NULL, FALSE, SMT_EVENT_ADMITTED, SMT_N_EVENTS });
  ASSERT_SPANS (w, nd,
    { P_LAN, O_ND, B_ND1, "2012-05-01", NULL, FALSE, SMT_EVENT_ADMITTED, SMT_N_EVENTS },
    { P_AN, O_ND, B_ND2, "2012-01-01", NULL, FALSE, SMT_EVENT_ADMITTED, SMT_N_EVENTS });
  g_assert_cmpuint (all->len, ==, 4);
  assert_counts (pn, "2020-06-01", 1, 1, 1, 1);
  assert_counts (nd, "2020-06-01", 2, 2, 2, 2);
  assert_counts (all, "2020-06-01", 4, 3, 4, 3);
  /* An organisation without members. */
  none = smt_member_spans_load (w->reg, smt_organisation_lookup (w->reg, "KH"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* A history that cannot replay (written past the API): the impossible
 * events are skipped. Bình: admitted 01/01/2020 to PN1, a second admission
 * on 01/06/2020 (skipped), a leave naming PN2, where she is not (skipped), a
 * 'back' without 'away' (skipped), then left 01/01/2022. An: a leave from ND
 * without a membership (skipped: no span). */
static void
test_damaged_history (World         *w,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  char *message = NULL;

  record (w, SMT_EVENT_ADMITTED, P_BINH, O_PN, B_PN1, "2020-01-01");
  sql = g_strdup_printf (
      "INSERT INTO membership_event (id, person_id, organisation_id, branch_id, kind, date, "
      "entered_at) VALUES "
      "(9000001, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
      ", 'admitted', '2020-06-01', '2026-06-30T00:00:00Z'), "
      "(9000002, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
      ", 'left', '2020-09-01', '2026-06-30T00:00:00Z'), "
      "(9000003, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL, 'back', '2021-01-01', "
      "'2026-06-30T00:00:00Z'), "
      "(9000004, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL, 'left', '2022-01-01', "
      "'2026-06-30T00:00:00Z'), "
      "(9000005, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL, 'left', '2015-01-01', "
      "'2026-06-30T00:00:00Z')",
      w->person[P_BINH], w->org[O_PN], w->branch[B_PN2],
      w->person[P_BINH], w->org[O_PN], w->branch[B_PN2],
      w->person[P_BINH], w->org[O_PN],
      w->person[P_BINH], w->org[O_PN],
      w->person[P_AN], w->org[O_ND]);
  g_assert_cmpint (sqlite3_exec (smt_register_get_db (w->reg), sql, NULL, NULL, &message), ==,
                   SQLITE_OK);
  g_assert_null (message);
  g_assert_false (smt_register_check (w->reg, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >, 0);

  spans = load (w, O_NONE);
  ASSERT_SPANS (w, spans,
    { P_BINH, O_PN, B_PN1, "2020-01-01", "2021-12-31", FALSE, SMT_EVENT_ADMITTED,
      SMT_EVENT_LEFT });
  g_assert_cmpint (g_array_index (spans, SmtMemberSpan, 0).end_event_id, ==, 9000004);
}

/* ---- the single pass against the API's own replay -------------------------- */

/* count_on against smt_membership_state_on of every (person, organisation)
 * pair, which replays each pair with its own query: the slow way. */
static void
assert_matches_state_on (SmtRegister *reg,
                         GArray      *spans,
                         GArray      *pairs,
                         const char  *date,
                         gboolean     need_members)
{
  guint members = 0, present = 0, persons = 0;
  gint64 last_person = 0;

  for (guint i = 0; i < pairs->len; i += 2)
    {
      gint64 person = g_array_index (pairs, gint64, i);
      SmtMemberState state = smt_membership_state_on (reg, person,
                                                      g_array_index (pairs, gint64, i + 1),
                                                      date, NULL);

      if (state == SMT_MEMBER_NONE)
        continue;
      members++;
      present += state == SMT_MEMBER_ACTIVE;
      persons += person != last_person;
      last_person = person;
    }
  g_test_message ("%s: %u memberships, %u present, %u persons", date, members, present,
                  persons);
  if (need_members)
    g_assert_cmpuint (members, >, 0);
  g_assert_cmpuint (smt_member_spans_count_on (spans, date, FALSE, TRUE), ==, members);
  g_assert_cmpuint (smt_member_spans_count_on (spans, date, FALSE, FALSE), ==, present);
  g_assert_cmpuint (smt_member_spans_count_on (spans, date, TRUE, TRUE), ==, persons);
}

static void
test_demo_matches_state_on (void)
{
  static const char *dates[] = {
    "2016-01-01", "2016-12-31", "2017-06-15", "2018-03-31", "2019-02-28", "2020-02-29",
    "2021-07-01", "2022-09-30", "2023-12-31", "2024-08-15", "2025-05-31", "2026-10-31",
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  dir = g_dir_make_tmp ("smt-spans-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "demo.smt", NULL);
  g_assert_true (smt_demo_generate (path, 1500, 1, NULL, NULL, &error));
  g_assert_no_error (error);
  reg = smt_register_open (path, &error);
  g_assert_no_error (error);

  spans = smt_member_spans_load (reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, >, 1000);

  /* Well formed: ordered, each span non-empty, and the spans of one
   * membership follow each other without overlapping. */
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);

      g_assert_true (s->end[0] == '\0' || strcmp (s->start, s->end) <= 0);
      g_assert_true ((s->end[0] == '\0') == (s->end_kind == SMT_N_EVENTS));
      if (i > 0)
        {
          const SmtMemberSpan *p = &g_array_index (spans, SmtMemberSpan, i - 1);

          g_assert_cmpint (p->person_id, <=, s->person_id);
          if (p->person_id == s->person_id)
            g_assert_cmpint (p->organisation_id, <=, s->organisation_id);
          if (p->person_id == s->person_id && p->organisation_id == s->organisation_id)
            {
              g_assert_cmpstr (p->end, !=, "");
              g_assert_cmpstr (p->end, <, s->start);
            }
        }
    }

  stmt = smt_register_prepare (reg, "SELECT DISTINCT person_id, organisation_id "
                                    "FROM membership_event ORDER BY 1, 2", &error);
  g_assert_no_error (error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (pairs, pair, 2);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_reset (stmt);

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    assert_matches_state_on (reg, spans, pairs, dates[d], TRUE);
  /* The edges: the first day of each kind of event, and the day before. */
  for (int k = SMT_EVENT_TRANSFERRED; k <= SMT_EVENT_DECEASED; k++)
    {
      g_autofree char *date = NULL;
      g_autofree char *day_before = NULL;

      stmt = smt_register_prepare (reg, "SELECT min (date) FROM membership_event "
                                        "WHERE kind = ?1", &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, smt_event_kind_to_string (k), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (date == NULL)
        continue;  /* the demo has none of this kind */
      day_before = smt_date_add_days (date, -1);
      g_test_message ("first %s", smt_event_kind_to_string (k));
      assert_matches_state_on (reg, spans, pairs, date, FALSE);
      assert_matches_state_on (reg, spans, pairs, day_before, FALSE);
    }

  g_clear_object (&reg);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
#define ADD(name, func) \
  g_test_add ("/member-spans/" name, World, NULL, world_setup, func, world_teardown)
  ADD ("empty", test_empty);
  ADD ("two-organisations", test_two_organisations);
  ADD ("away", test_away);
  ADD ("transfer-mid-month", test_transfer_mid_month);
  ADD ("leave", test_leave);
  ADD ("void", test_void);
  ADD ("back-dated-leave", test_back_dated_leave);
  ADD ("same-day", test_same_day);
  ADD ("same-day-links", test_same_day_links);
  ADD ("death", test_death);
  ADD ("organisation-filter", test_organisation_filter);
  ADD ("damaged-history", test_damaged_history);
#undef ADD
  g_test_add_func ("/member-spans/demo-matches-state-on", test_demo_matches_state_on);
  return g_test_run ();
}
