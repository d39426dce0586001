/* test-activity.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sqlite3.h>

#include "core/activity/smt-activity.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-format.h"
#include "core/register/smt-register-private.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-targets.h"
#include "smt-test-util.h"

#define OK (-1)
#define UNKNOWN 424242

/* ---- a small commune ------------------------------------------------------ */

enum { O_NONE, O_PN, O_ND, O_CCB, N_ORGS };
static const char *org_codes[N_ORGS] = { NULL, "PN", "ND", "CCB" };

enum { B_NONE, B_PN1, B_PN2, B_TO1, B_ND1, B_ND_NEW, B_PN_OLD, N_BRANCHES };

enum { P_LAN, P_MAI, P_HOA, P_AN, P_HONG, P_KHACH, N_PEOPLE };

typedef struct
{
  SmtTestRegister *t;
  SmtRegister     *reg;
  gint64           org[N_ORGS];
  gint64           branch[N_BRANCHES];
  gint64           person[N_PEOPLE];
} World;

/* An id of the world, or a key that names nothing. */
#define ID(table, index) ((index) == UNKNOWN ? UNKNOWN : w->table[(index)])

static void
admit (World        *w,
       SmtEventKind  kind,
       int           person,
       int           branch,
       const char   *date)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person], .branch_id = w->branch[branch],
    .date = date,
  };

  if (branch == B_NONE)
    change.organisation_id = w->org[O_ND];
  g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_MAI] = { "Trần", "Thị", "Mai", SMT_SEX_FEMALE, "1985-01-20", 1985 },
    [P_HOA] = { "Lê", "Thị", "Hoa", SMT_SEX_FEMALE, "1990-07-07", 1990 },
    [P_AN] = { "Trần", "Văn", "An", SMT_SEX_MALE, "1987-03-02", 1987 },
    [P_HONG] = { "Phạm", "Thị", "Hồng", SMT_SEX_FEMALE, "1992-02-02", 1992 },
    [P_KHACH] = { "Lý", "Thị", "Khách", SMT_SEX_FEMALE, "1970-01-01", 1970 },
  };
  g_autoptr(GError) error = NULL;
  gint64 hamlet;

  w->t = smt_test_register_new ();
  w->reg = w->t->reg;
  for (int o = 1; o < N_ORGS; o++)
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
  BRANCH (B_ND1, O_ND, 0, "chi hội", "Chi hội Nông dân 1", "2000-01-01");
  BRANCH (B_ND_NEW, O_ND, 0, "chi hội", "Chi hội Nông dân 2", "2025-01-01");
  BRANCH (B_PN_OLD, O_PN, 0, "chi hội", "Chi hội Phụ nữ cũ", "2000-01-01");
#undef BRANCH
  g_assert_true (smt_branch_dissolve (w->reg, w->branch[B_PN_OLD], "2020-12-31", "sáp nhập",
                                      &error));
  g_assert_no_error (error);

  for (int p = 0; p < N_PEOPLE; p++)
    {
      w->person[p] = smt_person_add (w->reg, &people[p], &error);
      g_assert_no_error (error);
    }
  admit (w, SMT_EVENT_ADMITTED, P_LAN, B_PN1, "2010-03-08");
  admit (w, SMT_EVENT_ADMITTED, P_MAI, B_PN2, "2012-05-01");
  admit (w, SMT_EVENT_ADMITTED, P_HOA, B_PN1, "2015-01-01");
  {
    SmtMembershipChange away = {
      .kind = SMT_EVENT_AWAY, .person_id = w->person[P_HOA], .organisation_id = w->org[O_PN],
      .date = "2025-01-01",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &away, &error), !=, 0);
    g_assert_no_error (error);
  }
  admit (w, SMT_EVENT_ADMITTED, P_AN, B_ND1, "2012-01-01");
  admit (w, SMT_EVENT_LEFT, P_AN, B_NONE, "2024-06-01");
  admit (w, SMT_EVENT_ADMITTED, P_HONG, B_TO1, "2016-01-01");
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static gint64
count (SmtRegister *reg,
       const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return smt_register_query_int (reg, -1, sql);
}

static const char *all_tables[] = {
  "person", "branch", "organisation", "membership_event", "meeting", "attendance", "study",
  "study_participant", "study_exception", "rating", "rating_scale_use", "officer", "resolution", "target",
  "indicator_value", "change_log", "meta",
};

/* Row counts of every table, so that a refused write can be seen to have
 * written nothing anywhere. */
static char *
snapshot (SmtRegister *reg)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all_tables); i++)
    g_string_append_printf (s, "%s=%" G_GINT64_FORMAT " ", all_tables[i],
                            count (reg, all_tables[i]));
  return g_string_free (s, FALSE);
}

/* The start of the generic message for a change SQLite refused. */
static const char *
constraint_prefix (void)
{
  static char *prefix;

  if (prefix == NULL)
    {
      const char *text = g_dgettext (GETTEXT_PACKAGE,
                                     "The register refused this change because it breaks one "
                                     "of its rules (%s). Nothing was saved; check the values "
                                     "and try again.");

      prefix = g_strndup (text, strstr (text, "%s") ? (gsize) (strstr (text, "%s") - text)
                                                    : strlen (text));
    }
  return prefix;
}

/* Asserts the outcome of one write: a key and no error, or the error code
 * and no rows written. */
static void
assert_outcome (SmtRegister *reg,
                const char  *what,
                gint64       id,
                GError      *error,
                int          code,
                const char  *before)
{
  g_autofree char *after = snapshot (reg);

  if (code == OK)
    {
      g_assert_no_error (error);
      g_assert_cmpint (id, !=, 0);
      g_assert_cmpstr (after, !=, before);
    }
  else
    {
      g_test_message ("  %s → %s", what, error ? error->message : "(no error)");
      g_assert_error (error, SMT_REGISTER_ERROR, code);
      /* Refused by a check of ours with its own message, not by SQLite. */
      g_assert_false (g_str_has_prefix (error->message, constraint_prefix ()));
      g_assert_cmpint (id, ==, 0);
      g_assert_cmpstr (after, ==, before);
    }
}

/* ---- meetings ----------------------------------------------------------- */

#define MAX_LIST 4
#define END (-1)

typedef struct
{
  const char     *what;
  int             branch;
  const char     *date;
  SmtMeetingKind  kind;
  int             present;
  int             list[MAX_LIST + 1];  /* people, END-terminated; UNKNOWN for a bad key */
  int             code;
} MeetingCase;

static guint
fill_list (World        *w,
           const int    *list,
           gint64       *ids)
{
  guint n = 0;

  while (n < MAX_LIST && list[n] != END)
    {
      ids[n] = ID (person, list[n]);
      n++;
    }
  return n;
}

static void
test_meeting_rules (World         *w,
                    gconstpointer  data)
{
  static const MeetingCase cases[] = {
    { "regular meeting with members, one away, one of a tổ hội", B_PN1, "2026-06-05",
      SMT_MEETING_REGULAR, 12, { P_LAN, P_HOA, P_HONG, END }, OK },
    { "thematic meeting without a list", B_PN2, "2026-06-10", SMT_MEETING_THEMATIC, 8,
      { END }, OK },
    { "meeting of no one", B_PN2, "2026-06-11", SMT_MEETING_REGULAR, 0, { END }, OK },
    { "meeting in the future", B_PN1, "2026-07-05", SMT_MEETING_REGULAR, 10, { END },
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "meeting without a date", B_PN1, NULL, SMT_MEETING_REGULAR, 10, { END },
      SMT_REGISTER_ERROR_INVALID },
    { "meeting of an unknown branch", UNKNOWN, "2026-06-05", SMT_MEETING_REGULAR, 10, { END },
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "meeting before the branch was founded", B_ND_NEW, "2024-12-01", SMT_MEETING_REGULAR, 5,
      { END }, SMT_REGISTER_ERROR_SEQUENCE },
    { "meeting after the branch was dissolved", B_PN_OLD, "2021-01-15", SMT_MEETING_REGULAR, 5,
      { END }, SMT_REGISTER_ERROR_SEQUENCE },
    { "meeting on the day of dissolution", B_PN_OLD, "2020-12-31", SMT_MEETING_REGULAR, 5,
      { END }, OK },
    { "unknown kind of meeting", B_PN1, "2026-06-05", (SmtMeetingKind) 7, 5, { END },
      SMT_REGISTER_ERROR_INVALID },
    { "negative attendance", B_PN1, "2026-06-05", SMT_MEETING_REGULAR, -1, { END },
      SMT_REGISTER_ERROR_INVALID },
    { "fewer present than listed", B_PN1, "2026-06-05", SMT_MEETING_REGULAR, 1,
      { P_LAN, P_HOA, END }, SMT_REGISTER_ERROR_INVALID },
    { "a member of another branch", B_PN1, "2026-06-05", SMT_MEETING_REGULAR, 5,
      { P_LAN, P_MAI, END }, SMT_REGISTER_ERROR_NOT_MEMBER },
    { "a member of the tổ hội does not make one of the sister chi hội", B_PN2, "2026-06-05",
      SMT_MEETING_REGULAR, 5, { P_HONG, END }, SMT_REGISTER_ERROR_NOT_MEMBER },
    { "someone of no organisation", B_PN1, "2026-06-05", SMT_MEETING_REGULAR, 5,
      { P_KHACH, END }, SMT_REGISTER_ERROR_NOT_MEMBER },
    { "a member before admission", B_PN1, "2014-12-31", SMT_MEETING_REGULAR, 5,
      { P_HOA, END }, SMT_REGISTER_ERROR_NOT_MEMBER },
    { "a member after leaving", B_ND1, "2025-01-10", SMT_MEETING_REGULAR, 5, { P_AN, END },
      SMT_REGISTER_ERROR_NOT_MEMBER },
    { "a member before leaving", B_ND1, "2024-05-10", SMT_MEETING_REGULAR, 5, { P_AN, END },
      OK },
    { "the same person twice", B_PN1, "2026-06-05", SMT_MEETING_REGULAR, 5,
      { P_LAN, P_LAN, END }, SMT_REGISTER_ERROR_DUPLICATE },
    { "an unknown person", B_PN1, "2026-06-05", SMT_MEETING_REGULAR, 5, { UNKNOWN, END },
      SMT_REGISTER_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const MeetingCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (w->reg);
      gint64 ids[MAX_LIST];
      gint64 attendance = count (w->reg, "attendance");
      SmtMeetingFields f = {
        .branch_id = ID (branch, c->branch), .date = c->date, .kind = c->kind,
        .topic = "  Học tập   và làm theo  ", .present = c->present, .party_present = TRUE,
        .attendees = ids,
      };
      gint64 id;

      f.n_attendees = fill_list (w, c->list, ids);
      g_test_message ("%s", c->what);
      id = smt_meeting_add (w->reg, &f, &error);
      assert_outcome (w->reg, c->what, id, error, c->code, before);
      if (c->code == OK)
        {
          g_assert_cmpint (count (w->reg, "attendance"), ==, attendance + f.n_attendees);
          g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM attendance "
                                                   "WHERE meeting_id = ?1", id),
                           ==, f.n_attendees);
          g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT present + 100 * "
                                                   "party_present + 1000 * officer_present "
                                                   "FROM meeting WHERE id = ?1", id),
                           ==, c->present + 100);
        }
    }

  /* Text stored NFC with spaces tidied. */
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM meeting WHERE "
                                           "topic = 'Học tập và làm theo'"),
                   ==, count (w->reg, "meeting"));
}

static gint64
add_meeting (World      *w,
             const char *date,
             int         present)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { w->person[P_LAN] };
  SmtMeetingFields f = {
    .branch_id = w->branch[B_PN1], .date = date, .kind = SMT_MEETING_REGULAR,
    .topic = "Chủ đề tháng", .present = present, .attendees = ids, .n_attendees = 1,
  };
  gint64 id = smt_meeting_add (w->reg, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
test_meeting_corrections (World         *w,
                          gconstpointer  data)
{
  gint64 first = add_meeting (w, "2026-05-05", 10);
  gint64 other = add_meeting (w, "2026-04-05", 9);
  gint64 lists[] = { 0, 0 };
  gint64 corrected = 0, voided = 0;
  enum { FIRST, CORRECTED, VOIDED, VOID_ROW, OTHER, NOTHING };
  enum { CORRECT, VOID };
  static const struct
  {
    const char *what;
    int         action;
    int         target;
    const char *reason;
    int         present;
    int         code;
  } cases[] = {
    { "correct without a reason", CORRECT, FIRST, " ", 11, SMT_REGISTER_ERROR_INVALID },
    { "correct an unknown meeting", CORRECT, NOTHING, "sai số", 11,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "correct with invalid fields", CORRECT, FIRST, "sai số", -3,
      SMT_REGISTER_ERROR_INVALID },
    { "correct the attendance", CORRECT, FIRST, "đếm lại", 11, OK },
    { "correct the superseded row", CORRECT, FIRST, "đếm lại", 12,
      SMT_REGISTER_ERROR_SEQUENCE },
    { "void the superseded row", VOID, FIRST, "nhầm", 0, SMT_REGISTER_ERROR_SEQUENCE },
    { "void without a reason", VOID, CORRECTED, "", 0, SMT_REGISTER_ERROR_INVALID },
    { "void an unknown meeting", VOID, NOTHING, "nhầm", 0, SMT_REGISTER_ERROR_NOT_FOUND },
    { "void the current row", VOID, CORRECTED, "không họp", 0, OK },
    { "void it again", VOID, CORRECTED, "không họp", 0, SMT_REGISTER_ERROR_SEQUENCE },
    { "void the void", VOID, VOID_ROW, "nhầm", 0, SMT_REGISTER_ERROR_SEQUENCE },
    { "correct the void", CORRECT, VOID_ROW, "nhầm", 5, SMT_REGISTER_ERROR_SEQUENCE },
    { "void another meeting", VOID, OTHER, "trùng", 0, OK },
  };

  lists[0] = w->person[P_LAN];
  lists[1] = w->person[P_HOA];
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (w->reg);
      gint64 targets[] = { first, corrected, voided, voided, other, UNKNOWN };
      gint64 target = targets[cases[i].target];
      gint64 id;

      g_test_message ("%s", cases[i].what);
      if (cases[i].action == CORRECT)
        {
          SmtMeetingFields f = {
            .branch_id = w->branch[B_PN1], .date = "2026-05-06", .kind = SMT_MEETING_THEMATIC,
            .topic = "Chủ đề đã sửa", .present = cases[i].present, .officer_present = TRUE,
            .attendees = lists, .n_attendees = 2,
          };

          id = smt_meeting_correct (w->reg, target, &f, cases[i].reason, &error);
          if (cases[i].code == OK)
            corrected = id;
        }
      else
        {
          id = smt_meeting_void (w->reg, target, cases[i].reason, &error);
          if (cases[i].code == OK && voided == 0)
            voided = id;
        }
      assert_outcome (w->reg, cases[i].what, id, error, cases[i].code, before);
    }

  /* The correction: supersedes, carries the new values, the reason and its
   * own attendance list. */
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT supersedes FROM meeting "
                                           "WHERE id = ?1", corrected), ==, first);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM meeting WHERE "
                                           "id = ?1 AND date = '2026-05-06' AND kind = "
                                           "'thematic' AND present = 11 AND officer_present = 1 "
                                           "AND reason = 'đếm lại' AND voided = 0", corrected),
                   ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM attendance "
                                           "WHERE meeting_id = ?1", corrected), ==, 2);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM attendance "
                                           "WHERE meeting_id = ?1", first), ==, 1);
  /* The void: copies the fields, voided, supersedes, reason. */
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM meeting v JOIN "
                                           "meeting m ON m.id = v.supersedes WHERE v.id = ?1 "
                                           "AND v.voided = 1 AND v.reason = 'không họp' "
                                           "AND v.branch_id = m.branch_id AND v.date = m.date "
                                           "AND v.kind = m.kind AND v.topic = m.topic "
                                           "AND v.present = m.present "
                                           "AND v.officer_present = m.officer_present",
                                           voided), ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT supersedes FROM meeting "
                                           "WHERE id = ?1", voided), ==, corrected);
}

/* ---- studies ------------------------------------------------------------ */

static void
test_study_rules (World         *w,
                  gconstpointer  data)
{
  static const struct
  {
    const char *what;
    const char *subject;
    int         org;
    int         branch;
    const char *date;
    int         participants;
    int         list[MAX_LIST + 1];
    int         derived_org;
    int         code;
  } cases[] = {
    { "organisation-wide, with a list", "Nghị quyết Đại hội XIV", O_PN, B_NONE, "2026-03-10",
      20, { P_LAN, P_MAI, END }, O_PN, OK },
    { "every organisation", "Chỉ thị 11-CT/TU", O_NONE, B_NONE, "2026-03-11", 150, { END },
      O_NONE, OK },
    { "one branch, organisation taken from it", "Nghị quyết 06-NQ/TU", O_NONE, B_ND1,
      "2026-03-12", 15, { END }, O_ND, OK },
    { "one branch of its organisation", "Nghị quyết 06-NQ/TU", O_PN, B_PN2, "2026-03-12", 9,
      { END }, O_PN, OK },
    { "no subject", "   ", O_PN, B_NONE, "2026-03-10", 20, { END }, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "subject missing", NULL, O_PN, B_NONE, "2026-03-10", 20, { END }, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "in the future", "Nghị quyết", O_PN, B_NONE, "2026-08-10", 20, { END }, 0,
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "unknown organisation", "Nghị quyết", UNKNOWN, B_NONE, "2026-03-10", 20, { END }, 0,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "unknown branch", "Nghị quyết", O_PN, UNKNOWN, "2026-03-10", 20, { END }, 0,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "branch of another organisation", "Nghị quyết", O_ND, B_PN1, "2026-03-10", 20, { END },
      0, SMT_REGISTER_ERROR_WRONG_ORGANISATION },
    { "branch not yet founded", "Nghị quyết", O_ND, B_ND_NEW, "2024-03-10", 20, { END }, 0,
      SMT_REGISTER_ERROR_SEQUENCE },
    { "negative participants", "Nghị quyết", O_PN, B_NONE, "2026-03-10", -2, { END }, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "nobody, as entered", "Nghị quyết", O_PN, B_NONE, "2026-03-10", 0, { END }, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "ticked, the count left to the list", "Nghị quyết", O_PN, B_NONE, "2026-03-10", 0,
      { P_LAN, P_MAI, END }, O_PN, OK },
    { "more listed than counted", "Nghị quyết", O_PN, B_NONE, "2026-03-10", 1,
      { P_LAN, P_MAI, END }, 0, SMT_REGISTER_ERROR_INVALID },
    { "listed twice", "Nghị quyết", O_PN, B_NONE, "2026-03-10", 5, { P_LAN, P_MAI, P_LAN, END },
      0, SMT_REGISTER_ERROR_DUPLICATE },
    { "unknown participant", "Nghị quyết", O_PN, B_NONE, "2026-03-10", 5, { UNKNOWN, END }, 0,
      SMT_REGISTER_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (w->reg);
      gint64 ids[MAX_LIST];
      SmtStudyFields f = {
        .subject = cases[i].subject, .organisation_id = ID (org, cases[i].org),
        .branch_id = ID (branch, cases[i].branch), .date = cases[i].date,
        .participants = cases[i].participants, .participant_ids = ids,
      };
      gint64 id;

      f.n_participant_ids = fill_list (w, cases[i].list, ids);
      g_test_message ("%s", cases[i].what);
      id = smt_study_add (w->reg, &f, &error);
      assert_outcome (w->reg, cases[i].what, id, error, cases[i].code, before);
      if (cases[i].code == OK)
        {
          g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT coalesce "
                                                   "(organisation_id, 0) FROM study "
                                                   "WHERE id = ?1", id),
                           ==, w->org[cases[i].derived_org]);
          g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM "
                                                   "study_participant WHERE study_id = ?1", id),
                           ==, f.n_participant_ids);
        }
    }
}

/* The whole branch except …: PN1 on 13/03/2026 has Lan, Hoa (working away
 * since 01/01/2025) and, in its tổ hội 1A, Hồng. */
static void
test_study_whole_branch (World         *w,
                         gconstpointer  data)
{
  static const struct
  {
    const char *what;
    int         branch;
    const char *date;
    int         participants;
    int         list[MAX_LIST + 1];
    int         exceptions[MAX_LIST + 1];
    int         took_part[MAX_LIST + 1];  /* who is written as a participant */
    int         code;
  } cases[] = {
    { "no branch", B_NONE, "2026-03-13", 0, { END }, { P_LAN, END }, { END },
      SMT_REGISTER_ERROR_INVALID },
    { "an exception not of the branch", B_PN1, "2026-03-13", 0, { END }, { P_MAI, END },
      { END }, SMT_REGISTER_ERROR_NOT_MEMBER },
    { "an exception who had left", B_PN1, "2026-03-13", 0, { END }, { P_AN, END }, { END },
      SMT_REGISTER_ERROR_NOT_MEMBER },
    { "a count beside it", B_PN1, "2026-03-13", 3, { END }, { END }, { END },
      SMT_REGISTER_ERROR_INVALID },
    { "a list beside it", B_PN1, "2026-03-13", 0, { P_LAN, END }, { END }, { END },
      SMT_REGISTER_ERROR_INVALID },
    { "listed twice", B_PN1, "2026-03-13", 0, { END }, { P_LAN, P_LAN, END }, { END },
      SMT_REGISTER_ERROR_DUPLICATE },
    { "nobody left", B_PN1, "2026-03-13", 0, { END }, { P_LAN, P_HONG, END }, { END },
      SMT_REGISTER_ERROR_INVALID },
    /* Hoa is away: not a participant, without being named. */
    { "the whole branch", B_PN1, "2026-03-13", 0, { END }, { END }, { P_LAN, P_HONG, END },
      OK },
    /* The tổ hội's Hồng is a member of the chi hội's study. */
    { "all but one", B_PN1, "2026-03-13", 0, { END }, { P_LAN, END }, { P_HONG, END }, OK },
    /* Naming the one away changes nothing but the record of who did not come. */
    { "all but the one away", B_PN1, "2026-03-13", 0, { END }, { P_HOA, END },
      { P_LAN, P_HONG, END }, OK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (w->reg);
      gint64 ids[MAX_LIST], except[MAX_LIST], want[MAX_LIST];
      SmtStudyFields f = {
        .subject = "Nghị quyết Đại hội Phụ nữ", .branch_id = ID (branch, cases[i].branch),
        .date = cases[i].date, .participants = cases[i].participants, .participant_ids = ids,
        .mode = SMT_STUDY_WHOLE_BRANCH, .exception_ids = except,
      };
      guint n_want;
      gint64 id;

      f.n_participant_ids = fill_list (w, cases[i].list, ids);
      f.n_exception_ids = fill_list (w, cases[i].exceptions, except);
      n_want = fill_list (w, cases[i].took_part, want);
      g_test_message ("%s", cases[i].what);
      id = smt_study_add (w->reg, &f, &error);
      assert_outcome (w->reg, cases[i].what, id, error, cases[i].code, before);
      if (cases[i].code != OK)
        continue;
      g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT participants FROM study "
                                               "WHERE id = ?1", id), ==, n_want);
      g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT organisation_id FROM study "
                                               "WHERE id = ?1", id), ==, w->org[O_PN]);
      g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM "
                                               "study_participant WHERE study_id = ?1", id),
                       ==, n_want);
      for (guint k = 0; k < n_want; k++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM study_participant "
                                                  "WHERE study_id = ?1 AND person_id = %"
                                                  G_GINT64_FORMAT, want[k]);

          g_assert_cmpint (smt_register_query_int (w->reg, -1, sql, id), ==, 1);
        }
      g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM "
                                               "study_exception WHERE study_id = ?1", id),
                       ==, f.n_exception_ids);
    }
}

/* A study recorded by mistake is voided by a row that supersedes it. */
static void
test_study_void (World         *w,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 except = w->person[P_LAN];
  SmtStudyFields f = {
    .subject = "Nghị quyết", .branch_id = w->branch[B_PN1], .date = "2026-03-13",
    .mode = SMT_STUDY_WHOLE_BRANCH, .exception_ids = &except, .n_exception_ids = 1,
  };
  gint64 id = smt_study_add (w->reg, &f, &error), voided;
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  before = snapshot (w->reg);
  g_assert_cmpint (smt_study_void (w->reg, id, "  ", &error), ==, 0);
  assert_outcome (w->reg, "void without a reason", 0, error, SMT_REGISTER_ERROR_INVALID,
                  before);
  g_clear_error (&error);
  voided = smt_study_void (w->reg, id, "Ghi nhầm chi hội", &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM study v JOIN "
                                           "study s ON s.id = v.supersedes WHERE v.id = ?1 "
                                           "AND v.voided = 1 AND v.participants = s.participants "
                                           "AND v.reason = 'Ghi nhầm chi hội'", voided), ==, 1);
  g_free (before);
  before = snapshot (w->reg);
  g_assert_cmpint (smt_study_void (w->reg, id, "lần nữa", &error), ==, 0);
  assert_outcome (w->reg, "void twice", 0, error, SMT_REGISTER_ERROR_SEQUENCE, before);
}

/* ---- ratings ------------------------------------------------------------ */

static void
test_rating_rules (World         *w,
                   gconstpointer  data)
{
  static const struct
  {
    const char *what;
    int         year;
    int         org;
    int         person;   /* -1: none */
    int         branch;
    const char *level;
    const char *reason;
    int         code;
  } cases[] = {
    { "a member, new scale", 2025, O_PN, P_LAN, B_NONE, "HTXSNV", NULL, OK },
    { "the same again without a reason", 2025, O_PN, P_LAN, B_NONE, "HTTNV", " ",
      SMT_REGISTER_ERROR_INVALID },
    { "the same again with a reason", 2025, O_PN, P_LAN, B_NONE, "HTTNV", "Chi hội xét lại",
      OK },
    { "a member away all year is still a member", 2025, O_PN, P_HOA, B_NONE, "HTNV", NULL, OK },
    { "a year to come", 2027, O_PN, P_LAN, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "this year", 2026, O_PN, P_LAN, B_NONE, "HTNV", NULL, OK },
    { "a year of no sense", 205, O_PN, P_LAN, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "both a person and a branch", 2025, O_PN, P_MAI, B_PN2, "HTNV", NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "neither person nor branch: the organisation itself", 2025, O_PN, -1, B_NONE, "HTNV",
      NULL, OK },
    { "the organisation itself, on the old scale", 2022, O_PN, -1, B_NONE, "VM", NULL, OK },
    { "neither person, branch nor organisation", 2025, O_NONE, -1, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "a member is never vững mạnh", 2022, O_PN, P_LAN, B_NONE, "VM", NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "a member on the members' old scale", 2022, O_PN, P_LAN, B_NONE, "XS", NULL, OK },
    { "unknown organisation", 2025, UNKNOWN, P_LAN, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "unknown person", 2025, O_PN, UNKNOWN, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "unknown branch", 2025, O_PN, -1, UNKNOWN, "HTNV", NULL, SMT_REGISTER_ERROR_NOT_FOUND },
    { "a branch of another organisation", 2025, O_ND, -1, B_PN1, "HTTNV", NULL,
      SMT_REGISTER_ERROR_WRONG_ORGANISATION },
    { "a branch", 2025, O_PN, -1, B_PN1, "HTTNV", NULL, OK },
    { "a branch, organisation taken from it", 2024, O_NONE, -1, B_PN1, "HTXSNV", NULL, OK },
    { "a branch before it was founded", 2024, O_ND, -1, B_ND_NEW, "HTNV", NULL,
      SMT_REGISTER_ERROR_SEQUENCE },
    { "a branch after it was dissolved", 2021, O_PN, -1, B_PN_OLD, "VM", NULL,
      SMT_REGISTER_ERROR_SEQUENCE },
    { "a branch in the year it was dissolved", 2020, O_PN, -1, B_PN_OLD, "VM", NULL, OK },
    { "new scale before 2023", 2022, O_PN, -1, B_PN1, "HTTNV", NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "old scale before 2023", 2022, O_PN, -1, B_PN1, "VM", NULL, OK },
    { "old scale after 2022", 2023, O_PN, -1, B_PN1, "VM", NULL, SMT_REGISTER_ERROR_INVALID },
    { "level code in lower case", 2021, O_PN, -1, B_PN1, " kha ", NULL, OK },
    { "no level", 2020, O_PN, -1, B_PN1, NULL, NULL, SMT_REGISTER_ERROR_INVALID },
    { "unknown level", 2025, O_PN, P_MAI, B_NONE, "XUAT SAC", NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "someone of no organisation", 2025, O_PN, P_KHACH, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_NOT_MEMBER },
    { "a member of another organisation", 2025, O_ND, P_MAI, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_NOT_MEMBER },
    { "the year before admission", 2011, O_PN, P_MAI, B_NONE, "KHA", NULL,
      SMT_REGISTER_ERROR_NOT_MEMBER },
    { "the year of admission", 2012, O_PN, P_MAI, B_NONE, "KHA", NULL, OK },
    { "the year of leaving", 2024, O_ND, P_AN, B_NONE, "HTNV", NULL, OK },
    { "the year after leaving", 2025, O_ND, P_AN, B_NONE, "HTNV", NULL,
      SMT_REGISTER_ERROR_NOT_MEMBER },
    /* The Farmers keep the old scale (a row of their own wins). */
    { "own scale of an organisation", 2025, O_ND, -1, B_ND1, "VM", NULL, OK },
    { "common scale refused where an own one holds", 2025, O_ND, -1, B_ND_NEW, "HTTNV", NULL,
      SMT_REGISTER_ERROR_INVALID },
  };
  gint64 first = 0, second = 0;
  g_autoptr(GError) error = NULL;

  /* A scale of the Farmers' own from 2025: the old one. */
  g_assert_cmpint (sqlite3_exec (smt_register_get_db (w->reg),
                                 "INSERT INTO rating_scale_use (id, scale_id, organisation_id, "
                                 "from_year) SELECT 99, id, (SELECT id FROM organisation WHERE "
                                 "code = 'ND'), 2025 FROM rating_scale WHERE code = 'OLD'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = snapshot (w->reg);
      gint64 person = cases[i].person < 0 ? 0 : ID (person, cases[i].person);
      gint64 id;

      g_clear_error (&error);
      g_test_message ("%s", cases[i].what);
      id = smt_rating_set (w->reg, cases[i].year, ID (org, cases[i].org), person,
                           ID (branch, cases[i].branch), cases[i].level, cases[i].reason,
                           &error);
      assert_outcome (w->reg, cases[i].what, id, error, cases[i].code, before);
      if (i == 0)
        first = id;
      if (i == 2)
        second = id;
      if (strcmp (cases[i].what, "unknown level") == 0)
        g_assert_nonnull (strstr (error->message, "HTXSNV, HTTNV, HTNV, KHTNV"));
      if (strcmp (cases[i].what, "old scale after 2022") == 0)
        g_assert_nonnull (strstr (error->message, "HTXSNV, HTTNV, HTNV, KHTNV"));
      if (strcmp (cases[i].what, "new scale before 2023") == 0)
        g_assert_nonnull (strstr (error->message, "VM, KHA, TB, YEU"));
    }

  /* The second rating of Lan for 2025 superseded the first, with its reason
   * and level; only one is current. */
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT supersedes FROM rating WHERE "
                                           "id = ?1", second), ==, first);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM rating r JOIN "
                                           "rating_level l ON l.id = r.level_id WHERE "
                                           "r.id = ?1 AND l.code = 'HTTNV' AND r.reason = "
                                           "'Chi hội xét lại'", second), ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM rating r WHERE "
                                           "year = 2025 AND person_id = ?1 AND NOT EXISTS "
                                           "(SELECT 1 FROM rating s WHERE s.supersedes = r.id)",
                                           w->person[P_LAN]), ==, 1);
  /* Branch ratings derive the organisation; lower-case codes are matched. */
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT organisation_id FROM rating "
                                           "WHERE year = 2024 AND branch_id = ?1",
                                           w->branch[B_PN1]), ==, w->org[O_PN]);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM rating r JOIN "
                                           "rating_level l ON l.id = r.level_id WHERE "
                                           "r.year = 2021 AND l.code = 'KHA'"), ==, 1);
}

/* ---- officers ----------------------------------------------------------- */

static void
test_officer_rules (World         *w,
                    gconstpointer  data)
{
  static const struct
  {
    const char     *what;
    int             org;
    int             person;
    SmtOfficerRole  role;
    const char     *from, *to;
    int             political, professional;
    int             code;
  } cases[] = {
    { "head of the Women's Union", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", NULL, 2, 4,
      OK },
    { "deputy of the Front committee itself", O_NONE, P_MAI, SMT_OFFICER_DEPUTY,
      "2022-03-01", NULL, 1, 5, OK },
    { "a past term", O_ND, P_AN, SMT_OFFICER_HEAD, "2015-01-01", "2020-12-31", 3, 3, OK },
    { "a term of one day", O_ND, P_AN, SMT_OFFICER_DEPUTY, "2021-01-01", "2021-01-01", 0, 0,
      OK },
    { "unknown person", O_PN, UNKNOWN, SMT_OFFICER_HEAD, "2021-01-01", NULL, 0, 0,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "unknown organisation", UNKNOWN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", NULL, 0, 0,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "start in the future", O_PN, P_LAN, SMT_OFFICER_HEAD, "2026-09-01", NULL, 0, 0,
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "no start", O_PN, P_LAN, SMT_OFFICER_HEAD, NULL, NULL, 0, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "end in the future", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", "2027-01-01", 0, 0,
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "end before start", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", "2020-12-31", 0, 0,
      SMT_REGISTER_ERROR_DATE_ORDER },
    { "malformed end", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", "31/12/2022", 0, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "political level 4", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", NULL, 4, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "political level -1", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", NULL, -1, 0,
      SMT_REGISTER_ERROR_INVALID },
    { "professional level 6", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", NULL, 0, 6,
      SMT_REGISTER_ERROR_INVALID },
    { "professional level -1", O_PN, P_LAN, SMT_OFFICER_HEAD, "2021-01-01", NULL, 0, -1,
      SMT_REGISTER_ERROR_INVALID },
    { "unknown role", O_PN, P_LAN, (SmtOfficerRole) 9, "2021-01-01", NULL, 0, 0,
      SMT_REGISTER_ERROR_INVALID },
  };
  gint64 ids[G_N_ELEMENTS (cases)] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (w->reg);
      SmtOfficerFields f = {
        .organisation_id = ID (org, cases[i].org), .person_id = ID (person, cases[i].person),
        .role = cases[i].role, .from_date = cases[i].from, .to_date = cases[i].to,
        .political_level = cases[i].political, .professional_level = cases[i].professional,
      };

      g_test_message ("%s", cases[i].what);
      ids[i] = smt_officer_add (w->reg, &f, &error);
      assert_outcome (w->reg, cases[i].what, ids[i], error, cases[i].code, before);
    }
  g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM officer WHERE "
                                           "id = ?1 AND organisation_id IS NULL AND role = "
                                           "'deputy' AND political_level = 1 AND "
                                           "professional_level = 5 AND to_date IS NULL",
                                           ids[1]), ==, 1);

  /* Ending a term. */
  {
    static const struct
    {
      const char *what;
      int         target;  /* index into ids, or -1 for an unknown key */
      const char *to;
      int         code;
    } ends[] = {
      { "end before the start", 0, "2020-06-30", SMT_REGISTER_ERROR_DATE_ORDER },
      { "end in the future", 0, "2026-07-01", SMT_REGISTER_ERROR_FUTURE_DATE },
      { "end without a date", 0, NULL, SMT_REGISTER_ERROR_INVALID },
      { "end an unknown term", -1, "2025-06-30", SMT_REGISTER_ERROR_NOT_FOUND },
      { "end a term that has ended", 2, "2021-06-30", SMT_REGISTER_ERROR_SEQUENCE },
      { "end the head's term", 0, "2025-06-30", OK },
      { "end it again", 0, "2025-07-30", SMT_REGISTER_ERROR_SEQUENCE },
      { "end on the first day", 1, "2022-03-01", OK },
    };
    gint64 ended = 0;

    for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *before = snapshot (w->reg);
        gint64 target = ends[i].target < 0 ? UNKNOWN : ids[ends[i].target];
        gint64 id;

        g_test_message ("%s", ends[i].what);
        id = smt_officer_end (w->reg, target, ends[i].to, "bầu lại", &error);
        assert_outcome (w->reg, ends[i].what, id, error, ends[i].code, before);
        if (ends[i].code == OK && ended == 0)
          ended = id;
      }
    g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM officer e JOIN "
                                             "officer o ON o.id = e.supersedes WHERE e.id = ?1 "
                                             "AND e.to_date = '2025-06-30' AND e.reason = "
                                             "'bầu lại' AND e.person_id = o.person_id "
                                             "AND e.from_date = o.from_date AND "
                                             "e.organisation_id = o.organisation_id AND "
                                             "e.political_level = 2 AND "
                                             "e.professional_level = 4", ended), ==, 1);
    g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT supersedes FROM officer "
                                             "WHERE id = ?1", ended), ==, ids[0]);
  }
}

/* ---- resolutions and targets ----------------------------------------------- */

static void
test_resolution_rules (World         *w,
                       gconstpointer  data)
{
  static const struct
  {
    const char *what;
    const char *number, *title, *issuer, *issued, *from, *to;
    int         code;
  } cases[] = {
    { "a resolution with its term", "06-NQ/TU", "Về công tác dân vận", "Tỉnh ủy Hậu Giang",
      "2021-05-01", "2021-01-01", "2025-12-31", OK },
    { "term running into the future", "11-CT/TU", "Về tập hợp quần chúng", "Tỉnh ủy",
      "2026-01-15", NULL, "2030-12-31", OK },
    { "open term", "02-NQ/ĐU", "Nghị quyết Đảng ủy xã", "Đảng ủy xã", "2025-08-01", NULL, NULL,
      OK },
    { "number taken", "06-NQ/TU", "Khác", "Tỉnh ủy", "2022-01-01", NULL, NULL,
      SMT_REGISTER_ERROR_DUPLICATE },
    { "number taken, other case and spaces", " 06-nq/tu ", "Khác", "Tỉnh ủy", "2022-01-01",
      NULL, NULL, SMT_REGISTER_ERROR_DUPLICATE },
    { "no number", "  ", "Khác", "Tỉnh ủy", "2022-01-01", NULL, NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "no title", "07-NQ/TU", "", "Tỉnh ủy", "2022-01-01", NULL, NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "no issuer", "07-NQ/TU", "Khác", NULL, "2022-01-01", NULL, NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "issued in the future", "07-NQ/TU", "Khác", "Tỉnh ủy", "2026-07-01", NULL, NULL,
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "no date of issue", "07-NQ/TU", "Khác", "Tỉnh ủy", NULL, NULL, NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "term ends before it starts", "07-NQ/TU", "Khác", "Tỉnh ủy", "2022-01-01", "2022-01-01",
      "2021-12-31", SMT_REGISTER_ERROR_DATE_ORDER },
    { "term ends before the issue, which starts it", "07-NQ/TU", "Khác", "Tỉnh ủy",
      "2022-01-01", NULL, "2021-12-31", SMT_REGISTER_ERROR_DATE_ORDER },
    { "malformed end of term", "07-NQ/TU", "Khác", "Tỉnh ủy", "2022-01-01", NULL, "2030",
      SMT_REGISTER_ERROR_INVALID },
  };
  gint64 first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (w->reg);
      gint64 log = count (w->reg, "change_log");
      gint64 id;

      g_test_message ("%s", cases[i].what);
      id = smt_resolution_add (w->reg, cases[i].number, cases[i].title, cases[i].issuer,
                               cases[i].issued, cases[i].from, cases[i].to, &error);
      assert_outcome (w->reg, cases[i].what, id, error, cases[i].code, before);
      if (cases[i].code == OK)
        {
          g_assert_cmpint (count (w->reg, "change_log"), ==, log + 1);
          g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM "
                                                   "change_log WHERE table_name = 'resolution' "
                                                   "AND row_id = ?1 AND action = 'insert' "
                                                   "AND before IS NULL AND json_extract "
                                                   "(after, '$.id') = ?1", id), ==, 1);
        }
      if (i == 0)
        first = id;
    }
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM resolution WHERE "
                                           "term_from = '2026-01-15' AND term_to = "
                                           "'2030-12-31'"), ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM resolution WHERE "
                                           "id = ?1 AND term_from = '2021-01-01' AND issuer = "
                                           "'Tỉnh ủy Hậu Giang'", first), ==, 1);
}

static void
test_target_rules (World         *w,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 resolution = smt_resolution_add (w->reg, "06-NQ/TU", "Về công tác dân vận",
                                          "Tỉnh ủy Hậu Giang", "2021-05-01", NULL, "2025-12-31",
                                          &error);
  enum { LOG_NONE, LOG_INSERT, LOG_UPDATE };
  static const struct
  {
    const char     *what;
    gboolean        bad_resolution;
    SmtTargetFields f;
    int             log;
    int             code;
  } cases[] = {
    { "households covered", FALSE,
      { 0, "households_covered", 1, "Số hộ có đoàn viên, hội viên", TRUE, 80.0, "2020-12-31",
        82.0, FALSE, "2025-12-31" }, LOG_INSERT, OK },
    { "branches rated strong", FALSE,
      { 0, "branches_strong", 2, "Tổ chức cơ sở vững mạnh", FALSE, 0, NULL, 85.0, FALSE,
        NULL }, LOG_INSERT, OK },
    { "the same values again", FALSE,
      { 0, "households_covered", 1, "Số hộ có đoàn viên, hội viên", TRUE, 80.0, "2020-12-31",
        82.0, FALSE, "2025-12-31" }, LOG_NONE, OK },
    { "a new target for the same indicator", FALSE,
      { 0, "households_covered", 1, "Số hộ có đoàn viên, hội viên", TRUE, 80.0, "2020-12-31",
        83.5, FALSE, "2025-12-31" }, LOG_UPDATE, OK },
    { "an upper bound", FALSE,
      { 0, "poor_households", 3, "Tỷ lệ hộ nghèo", TRUE, 3.2, NULL, 1.5, TRUE, "2030-12-31" },
      LOG_INSERT, OK },
    { "unknown resolution", TRUE,
      { 0, "members_studied", 1, "X", FALSE, 0, NULL, 1, FALSE, NULL }, LOG_NONE,
      SMT_REGISTER_ERROR_NOT_FOUND },
    { "no indicator", FALSE,
      { 0, " ", 1, "X", FALSE, 0, NULL, 1, FALSE, NULL }, LOG_NONE,
      SMT_REGISTER_ERROR_INVALID },
    { "unknown indicator", FALSE,
      { 0, "x", 1, "X", FALSE, 0, NULL, 1, FALSE, NULL }, LOG_NONE,
      SMT_REGISTER_ERROR_INVALID },
    { "per organisation", FALSE,
      { 0, "gathering_rate:DTN", 4, "Tỷ lệ tập hợp thanh niên", FALSE, 0, NULL, 63, FALSE,
        NULL }, LOG_INSERT, OK },
    { "a suffix where none is kept", FALSE,
      { 0, "households_covered:PN", 1, "X", FALSE, 0, NULL, 1, FALSE, NULL }, LOG_NONE,
      SMT_REGISTER_ERROR_INVALID },
    { "no wording", FALSE,
      { 0, "members_studied", 1, "", FALSE, 0, NULL, 1, FALSE, NULL }, LOG_NONE,
      SMT_REGISTER_ERROR_INVALID },
    { "baseline date in the future", FALSE,
      { 0, "members_studied", 1, "X", TRUE, 1, "2026-12-31", 1, FALSE, NULL }, LOG_NONE,
      SMT_REGISTER_ERROR_FUTURE_DATE },
    { "malformed deadline", FALSE,
      { 0, "members_studied", 1, "X", FALSE, 0, NULL, 1, FALSE, "2025-13-01" }, LOG_NONE,
      SMT_REGISTER_ERROR_INVALID },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = snapshot (w->reg);
      SmtTargetFields f = cases[i].f;
      gint64 log = count (w->reg, "change_log");
      gint64 targets = count (w->reg, "target");
      gint64 id;

      g_clear_error (&error);
      f.resolution_id = cases[i].bad_resolution ? UNKNOWN : resolution;
      g_test_message ("%s", cases[i].what);
      id = smt_target_set (w->reg, &f, &error);
      if (cases[i].code == OK)
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, !=, 0);
          g_assert_cmpint (count (w->reg, "target"), ==,
                           targets + (cases[i].log == LOG_INSERT));
          g_assert_cmpint (count (w->reg, "change_log"), ==,
                           log + (cases[i].log != LOG_NONE));
        }
      else
        assert_outcome (w->reg, cases[i].what, id, error, cases[i].code, before);
    }

  /* The update was logged with the old and the new target. */
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM change_log WHERE "
                                           "table_name = 'target' AND action = 'update' AND "
                                           "json_extract (before, '$.target') = 82.0 AND "
                                           "json_extract (after, '$.target') = 83.5"), ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM target WHERE "
                                           "indicator_code = 'households_covered' AND target = "
                                           "83.5 AND baseline = 80.0 AND comparator = '>='"),
                   ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM target WHERE "
                                           "indicator_code = 'branches_strong' AND baseline "
                                           "IS NULL AND deadline IS NULL"), ==, 1);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM target WHERE "
                                           "indicator_code = 'poor_households' AND comparator "
                                           "= '<='"), ==, 1);

  /* Numbers that are not numbers. */
  {
    SmtTargetFields f = cases[0].f;
    g_autofree char *before = snapshot (w->reg);

    gint64 id;

    f.resolution_id = resolution;
    f.target = NAN;
    g_clear_error (&error);
    id = smt_target_set (w->reg, &f, &error);
    assert_outcome (w->reg, "target NaN", id, error, SMT_REGISTER_ERROR_INVALID, before);
    f.target = 82.0;
    f.baseline = INFINITY;
    g_clear_error (&error);
    id = smt_target_set (w->reg, &f, &error);
    assert_outcome (w->reg, "baseline infinite", id, error, SMT_REGISTER_ERROR_INVALID, before);
  }
}

static void
test_indicator_values (World         *w,
                       gconstpointer  data)
{
  static const struct
  {
    const char *what;
    const char *code;
    const char *period;
    double      value;
    const char *stored_period;
    int         code_expected;
  } cases[] = {
    { "a year", "houses_built", "2025", 12, "2025", OK },
    { "a month", "houses_built", "2025-05", 1, "2025-05", OK },
    { "a quarter", "houses_built", "2025-Q2", 3, "2025-Q2", OK },
    { "a quarter in lower case", "houses_built", " 2025-q3 ", 4, "2025-Q3", OK },
    { "a half-year", "houses_built", "2025-H1", 5, "2025-H1", OK },
    { "the second half", "houses_built", "2025-H2", 7, "2025-H2", OK },
    { "nine months", "houses_built", "2025-9M", 9, "2025-9M", OK },
    { "this year, begun", "houses_built", "2026", 2, "2026", OK },
    { "this half-year, begun", "houses_built", "2026-H1", 2, "2026-H1", OK },
    { "this month", "houses_built", "2026-06", 0, "2026-06", OK },
    { "a negative value", "budget", "2025", -1.5, "2025", OK },
    { "unknown indicator", "houses", "2025", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "a computed indicator", "households_covered", "2025", 80, NULL,
      SMT_REGISTER_ERROR_INVALID },
    { "next month", "houses_built", "2026-07", 1, NULL, SMT_REGISTER_ERROR_FUTURE_DATE },
    { "next quarter", "houses_built", "2026-Q3", 1, NULL, SMT_REGISTER_ERROR_FUTURE_DATE },
    { "next half-year", "houses_built", "2026-H2", 1, NULL, SMT_REGISTER_ERROR_FUTURE_DATE },
    { "next year", "houses_built", "2027", 1, NULL, SMT_REGISTER_ERROR_FUTURE_DATE },
    { "month 13", "houses_built", "2025-13", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "month 0", "houses_built", "2025-00", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "month of one digit", "houses_built", "2025-5", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "quarter 5", "houses_built", "2025-Q5", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "quarter 0", "houses_built", "2025-Q0", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "half 3", "houses_built", "2025-H3", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "six months", "houses_built", "2025-6M", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "two-digit year", "houses_built", "25", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "a date", "houses_built", "2025-05-01", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "no period", "houses_built", NULL, 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "no indicator", "  ", "2025", 1, NULL, SMT_REGISTER_ERROR_INVALID },
    { "not a number", "houses_built", "2024", NAN, NULL, SMT_REGISTER_ERROR_INVALID },
    { "infinite", "houses_built", "2024", -INFINITY, NULL, SMT_REGISTER_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = snapshot (w->reg);
      gint64 id;

      g_test_message ("%s", cases[i].what);
      id = smt_indicator_value_set (w->reg, cases[i].code, cases[i].period, cases[i].value,
                                    "  Báo cáo của   ấp ", &error);
      assert_outcome (w->reg, cases[i].what, id, error, cases[i].code_expected, before);
      if (cases[i].code_expected == OK)
        {
          sqlite3_stmt *stmt;

          g_assert_cmpint (sqlite3_prepare_v2 (smt_register_get_db (w->reg),
                                               "SELECT period, value, note, supersedes FROM "
                                               "indicator_value WHERE id = ?1", -1, &stmt,
                                               NULL), ==, SQLITE_OK);
          sqlite3_bind_int64 (stmt, 1, id);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                           cases[i].stored_period);
          g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, cases[i].value);
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "Báo cáo của ấp");
          g_assert_cmpint (sqlite3_column_type (stmt, 3), ==, SQLITE_NULL);
          sqlite3_finalize (stmt);
        }
    }

  /* A later value supersedes the current one; history keeps all. */
  {
    g_autoptr(GError) error = NULL;
    gint64 a, b, c, other;

    a = smt_indicator_value_set (w->reg, "scholarships", "2025", 10, "", &error);
    other = smt_indicator_value_set (w->reg, "scholarships", "2025-H1", 4, "", &error);
    b = smt_indicator_value_set (w->reg, "scholarships", "2025", 11, "sửa", &error);
    c = smt_indicator_value_set (w->reg, "scholarships", "2025", 12, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT coalesce (supersedes, 0) "
                                             "FROM indicator_value WHERE id = ?1", a), ==, 0);
    g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT coalesce (supersedes, 0) "
                                             "FROM indicator_value WHERE id = ?1", other),
                     ==, 0);
    g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT supersedes FROM "
                                             "indicator_value WHERE id = ?1", b), ==, a);
    g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT supersedes FROM "
                                             "indicator_value WHERE id = ?1", c), ==, b);
    g_assert_cmpint (smt_register_query_int (w->reg, -1, "SELECT count(*) FROM indicator_value "
                                             "WHERE code = 'scholarships'"), ==, 4);
  }
}

/* History tables refuse UPDATE and DELETE. */
static void
test_append_only (World         *w,
                  gconstpointer  data)
{
  static const char *tables[] = { "meeting", "attendance", "rating", "officer",
                                  "indicator_value", "study", "change_log" };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = smt_register_get_db (w->reg);
  gint64 ids[] = { w->person[P_LAN] };
  SmtMeetingFields meeting = {
    .branch_id = w->branch[B_PN1], .date = "2026-06-01", .present = 3, .attendees = ids,
    .n_attendees = 1,
  };
  SmtStudyFields study = { .subject = "Nghị quyết", .date = "2026-06-01", .participants = 3 };
  SmtOfficerFields officer = { .person_id = w->person[P_LAN], .from_date = "2020-01-01" };

  g_assert_cmpint (smt_meeting_add (w->reg, &meeting, &error), !=, 0);
  g_assert_cmpint (smt_study_add (w->reg, &study, &error), !=, 0);
  g_assert_cmpint (smt_rating_set (w->reg, 2025, w->org[O_PN], w->person[P_LAN], 0, "HTNV",
                                   NULL, &error), !=, 0);
  g_assert_cmpint (smt_officer_add (w->reg, &officer, &error), !=, 0);
  g_assert_cmpint (smt_indicator_value_set (w->reg, "houses_built", "2025", 1, NULL, &error),
                   !=, 0);
  g_assert_cmpint (smt_resolution_add (w->reg, "1-NQ", "T", "I", "2025-01-01", NULL, NULL,
                                       &error), !=, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *update = NULL;
      g_autofree char *delete = g_strdup_printf ("DELETE FROM %s", tables[i]);
      g_autofree char *changed = g_strdup_printf ("append-only history: %s rows cannot be "
                                                  "changed; add a correcting row", tables[i]);
      g_autofree char *deleted = g_strdup_printf ("append-only history: %s rows cannot be "
                                                  "deleted; add a voiding row", tables[i]);
      gint64 rows = count (w->reg, tables[i]);
      char *message = NULL;

      g_assert_cmpint (rows, >, 0);
      /* attendance has no id column */
      update = g_strdup_printf ("UPDATE %s SET person_id = person_id", tables[i]);
      if (strcmp (tables[i], "attendance") != 0 && strcmp (tables[i], "rating") != 0
          && strcmp (tables[i], "officer") != 0)
        {
          g_free (update);
          update = g_strdup_printf ("UPDATE %s SET id = id", tables[i]);
        }
      g_assert_cmpint (sqlite3_exec (db, update, NULL, NULL, &message) & 0xff, ==,
                       SQLITE_CONSTRAINT);
      g_assert_cmpstr (message, ==, changed);
      sqlite3_free (message);
      g_assert_cmpint (sqlite3_exec (db, delete, NULL, NULL, &message) & 0xff, ==,
                       SQLITE_CONSTRAINT);
      g_assert_cmpstr (message, ==, deleted);
      sqlite3_free (message);
      g_assert_cmpint (count (w->reg, tables[i]), ==, rows);
    }
}

static void
test_catalogue (void)
{
  g_autofree char *org = NULL;
  g_autofree char *typed = NULL;
  const SmtIndicatorInfo *all, *info;
  guint n;

  all = smt_catalogue_get_all (&n);
  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    for (guint k = i + 1; k < n; k++)
      g_assert_cmpstr (all[i].code, !=, all[k].code);

  info = smt_catalogue_lookup ("gathering_rate:PN", &org);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->code, ==, "gathering_rate");
  g_assert_cmpstr (org, ==, "PN");
  g_assert_true (info->ratio);
  g_assert_cmpint (info->kind, ==, SMT_INDICATOR_STOCK);
  info = smt_catalogue_lookup ("members_admitted", NULL);
  g_assert_cmpint (info->kind, ==, SMT_INDICATOR_COUNT);
  g_assert_cmpint (info->source, ==, SMT_INDICATOR_COMPUTED);
  info = smt_catalogue_lookup ("houses_built", NULL);
  g_assert_cmpint (info->source, ==, SMT_INDICATOR_TYPED);
  g_assert_null (smt_catalogue_lookup ("households_covered:PN", NULL));
  g_assert_null (smt_catalogue_lookup ("gathering_rate:", NULL));
  g_assert_null (smt_catalogue_lookup ("households", NULL));
  typed = smt_catalogue_list_codes (SMT_INDICATOR_TYPED);
  g_assert_nonnull (strstr (typed, "mediation_succeeded"));
  g_assert_null (strstr (typed, "gathering_rate"));
}

/* The three results of the annex in seed 001, against their targets. */
static void
test_target_comparison (void)
{
  static const struct { double result, target; const char *shown; gboolean met; } cases[] = {
    { 83.59, 82, "101,94 %", TRUE },   /* households with a member: 83,59 % against 82 % */
    { 99.74, 85, "117,34 %", TRUE },   /* strong organisations: 99,74 % against 85 % */
    { 95.45, 98, "97,4 %", FALSE },    /* members who studied: 95,45 % against 98 % */
    { 63, 63, "100 %", TRUE },
  };
  double percent;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = NULL;

      g_assert_true (smt_target_comparison (cases[i].result, cases[i].target, &percent));
      shown = smt_format_percent (percent, 2);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpint (smt_target_met (cases[i].result, cases[i].target, FALSE), ==,
                       cases[i].met);
    }
  /* a ceiling: 2,1 % poor households against at most 3 % is met */
  g_assert_true (smt_target_met (2.1, 3, TRUE));
  g_assert_false (smt_target_met (3.5, 3, TRUE));
  g_assert_false (smt_target_comparison (50, 0, &percent));
  g_assert_false (smt_target_comparison (NAN, 82, &percent));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
#define ADD(path, func) \
  g_test_add ("/activity/" path, World, NULL, world_setup, func, world_teardown)
  ADD ("meeting-rules", test_meeting_rules);
  ADD ("meeting-corrections", test_meeting_corrections);
  ADD ("study-rules", test_study_rules);
  ADD ("study-whole-branch", test_study_whole_branch);
  ADD ("study-void", test_study_void);
  ADD ("rating-rules", test_rating_rules);
  ADD ("officer-rules", test_officer_rules);
  ADD ("append-only", test_append_only);
  g_test_add ("/targets/resolution-rules", World, NULL, world_setup, test_resolution_rules,
              world_teardown);
  g_test_add ("/targets/target-rules", World, NULL, world_setup, test_target_rules,
              world_teardown);
  g_test_add ("/targets/indicator-values", World, NULL, world_setup, test_indicator_values,
              world_teardown);
#undef ADD
  g_test_add_func ("/targets/comparison", test_target_comparison);
  g_test_add_func ("/targets/catalogue", test_catalogue);
  return g_test_run ();
}
