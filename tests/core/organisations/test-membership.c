/* test-membership.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "core/check/smt-check.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/register/smt-register-private.h"
#include "smt-test-util.h"

#define OK (-1)

/* ---- a small commune ------------------------------------------------------ */

enum { O_NONE, O_PN, O_ND, O_DTN, O_NCT, O_CCB, N_ORGS };
static const char *org_codes[N_ORGS] = { NULL, "PN", "ND", "DTN", "NCT", "CCB" };

enum { B_NONE, B_PN1, B_PN2, B_ND1, B_ND_NEW, B_DTN1, B_NCT1, B_CCB_OLD, N_BRANCHES };

enum { P_LAN, P_AN, P_BA, P_BON, P_THANH, P_TRE, P_NAM, P_CU, P_GHOST, N_PEOPLE };

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
    const char *kind;
    const char *name;
    const char *founded;
  } branches[N_BRANCHES] = {
    [B_PN1] = { O_PN, "chi hội", "Chi hội Phụ nữ ấp 1", "2000-01-01" },
    [B_PN2] = { O_PN, "chi hội", "Chi hội Phụ nữ ấp 2", "2000-01-01" },
    [B_ND1] = { O_ND, "chi hội", "Chi hội Nông dân ấp 1", "2000-01-01" },
    [B_ND_NEW] = { O_ND, "chi hội", "Chi hội Nông dân ấp 2", "2020-01-01" },
    [B_DTN1] = { O_DTN, "chi đoàn", "Chi đoàn ấp 1", "2000-01-01" },
    [B_NCT1] = { O_NCT, "chi hội", "Chi hội Người cao tuổi ấp 1", "2000-01-01" },
    [B_CCB_OLD] = { O_CCB, "chi hội", "Chi hội Cựu chiến binh ấp 2", "2000-01-01" },
  };
  static const SmtPersonFields people[N_PEOPLE] = {
    [P_LAN] = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10", 1980 },
    [P_AN] = { "Trần", "Văn", "An", SMT_SEX_MALE, "1987-03-02", 1987 },
    /* 59 on 01/06/2026, 60 only on 15/09/2026 */
    [P_BA] = { "Lê", "Văn", "Ba", SMT_SEX_MALE, "1966-09-15", 1966 },
    /* 60 on 01/06/2026, the very day */
    [P_BON] = { "Phạm", "Văn", "Bốn", SMT_SEX_MALE, "1966-06-01", 1966 },
    /* 30 until 30/04/2026, 31 from 01/05/2026 */
    [P_THANH] = { "Võ", "Văn", "Thành", SMT_SEX_MALE, "1995-05-01", 1995 },
    /* 15 on 01/06/2026 */
    [P_TRE] = { "Đỗ", "Thị", "Trẻ", SMT_SEX_FEMALE, "2010-08-01", 2010 },
    /* birth year only: 36 in 2026 */
    [P_NAM] = { "Huỳnh", "", "Năm", SMT_SEX_MALE, NULL, 1990 },
    [P_CU] = { "Mai", "Văn", "Cụ", SMT_SEX_MALE, "1940-01-01", 1940 },
    [P_GHOST] = { "Lý", "Văn", "Khách", SMT_SEX_MALE, "1975-01-01", 1975 },
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
      w->branch[b] = smt_branch_add (w->reg, w->org[branches[b].org], 0, branches[b].kind,
                                     branches[b].name, &hamlet, 1, branches[b].founded, &error);
      g_assert_no_error (error);
    }
  g_assert_true (smt_branch_dissolve (w->reg, w->branch[B_CCB_OLD], "2015-06-30",
                                      "sáp nhập", &error));
  g_assert_no_error (error);
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
count (SmtRegister *reg,
       const char  *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return smt_register_query_int (reg, -1, sql);
}

/* Rows of every table that a membership write could touch. */
static gint64
other_rows (SmtRegister *reg)
{
  static const char *tables[] = { "person", "branch", "organisation", "residence",
                                  "change_log", "meta" };
  gint64 total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    total += count (reg, tables[i]) << (i * 8);
  return total;
}

static gint64
record (World        *w,
        SmtEventKind  kind,
        int           person,
        int           org,
        int           branch,
        const char   *date,
        GError      **error)
{
  SmtMembershipChange change = {
    .kind = kind, .person_id = w->person[person], .organisation_id = w->org[org],
    .branch_id = w->branch[branch], .date = date,
  };

  return smt_membership_record (w->reg, &change, error);
}

/* ---- the rules, as one history played step by step ---------------------- */

typedef struct
{
  const char   *what;
  SmtEventKind  kind;
  int           person;
  int           org;
  int           branch;
  const char   *date;
  const char   *reason;
  const char   *exception_note;
  const char   *ref;      /* name this step's event for later steps */
  const char   *voids;    /* SMT_EVENT_VOID: the ref of the event voided */
  int           code;     /* OK or the SmtRegisterError expected */
} Step;

static const Step history[] = {
  { "admit Lan to the Women's Union", SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1, "2010-03-08",
    .ref = "lan-admitted", .code = OK },
  { "admission in the future", SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2026-07-01",
    .code = SMT_REGISTER_ERROR_FUTURE_DATE },
  { "admission on an impossible date", SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2026-02-30",
    .code = SMT_REGISTER_ERROR_INVALID },
  { "admission without a date", SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, NULL,
    .code = SMT_REGISTER_ERROR_INVALID },
  { "second open membership", SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN2, "2015-01-01",
    .code = SMT_REGISTER_ERROR_ALREADY_MEMBER },
  { "transferred in while a member", SMT_EVENT_TRANSFERRED_IN, P_LAN, O_PN, B_PN2,
    "2016-01-01", .code = SMT_REGISTER_ERROR_ALREADY_MEMBER },
  { "admission without a branch", SMT_EVENT_ADMITTED, P_AN, O_ND, B_NONE, "2012-01-01",
    .code = SMT_REGISTER_ERROR_INVALID },
  { "neither organisation nor branch", SMT_EVENT_LEFT, P_AN, O_NONE, B_NONE, "2012-01-01",
    .code = SMT_REGISTER_ERROR_INVALID },
  { "organisation and branch disagree", SMT_EVENT_ADMITTED, P_AN, O_ND, B_PN1, "2012-01-01",
    .code = SMT_REGISTER_ERROR_WRONG_ORGANISATION },
  { "admit An through the branch alone", SMT_EVENT_ADMITTED, P_AN, O_NONE, B_ND1,
    "2012-01-01", .ref = "an-admitted", .code = OK },
  { "transfer to a branch of another organisation", SMT_EVENT_TRANSFERRED, P_LAN, O_PN, B_ND1,
    "2018-01-01", .code = SMT_REGISTER_ERROR_WRONG_ORGANISATION },
  { "transfer to the branch she is in", SMT_EVENT_TRANSFERRED, P_LAN, O_PN, B_PN1,
    "2018-01-01", .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "transfer to a branch not yet founded", SMT_EVENT_TRANSFERRED, P_AN, O_ND, B_ND_NEW,
    "2019-06-01", .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "admission to a dissolved branch", SMT_EVENT_ADMITTED, P_BA, O_CCB, B_CCB_OLD,
    "2020-01-01", .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "transfer Lan to the other hamlet", SMT_EVENT_TRANSFERRED, P_LAN, O_PN, B_PN2,
    "2018-01-01", .ref = "lan-transferred", .code = OK },
  { "transfer without a membership", SMT_EVENT_TRANSFERRED, P_BA, O_ND, B_ND1, "2018-01-01",
    .code = SMT_REGISTER_ERROR_NOT_MEMBER },
  { "leave without a membership", SMT_EVENT_LEFT, P_BA, O_ND, B_NONE, "2018-01-01",
    .code = SMT_REGISTER_ERROR_NOT_MEMBER },
  { "removal without a membership", SMT_EVENT_REMOVED, P_BA, O_ND, B_NONE, "2018-01-01",
    .code = SMT_REGISTER_ERROR_NOT_MEMBER },
  { "away without a membership", SMT_EVENT_AWAY, P_BA, O_ND, B_NONE, "2018-01-01",
    .code = SMT_REGISTER_ERROR_NOT_MEMBER },
  { "back without being away", SMT_EVENT_BACK, P_LAN, O_PN, B_NONE, "2019-01-01",
    .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "Lan works away", SMT_EVENT_AWAY, P_LAN, O_PN, B_NONE, "2019-01-01", .code = OK },
  { "away twice", SMT_EVENT_AWAY, P_LAN, O_PN, B_NONE, "2019-06-01",
    .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "Lan comes back", SMT_EVENT_BACK, P_LAN, O_PN, B_NONE, "2020-01-01", .ref = "lan-back",
    .code = OK },
  { "leave from a branch she is not in", SMT_EVENT_LEFT, P_LAN, O_PN, B_PN1, "2021-01-01",
    .code = SMT_REGISTER_ERROR_NOT_MEMBER },
  { "back-dated leave before a later transfer", SMT_EVENT_LEFT, P_LAN, O_PN, B_NONE,
    "2017-06-01", .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "back-dated away before a later away", SMT_EVENT_AWAY, P_LAN, O_PN, B_NONE, "2018-06-01",
    .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "back-dated admission before the first one", SMT_EVENT_ADMITTED, P_LAN, O_PN, B_PN1,
    "2009-01-01", .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "event before the person was born", SMT_EVENT_LEFT, P_BA, O_ND, B_NONE, "1966-09-14",
    .code = SMT_REGISTER_ERROR_DATE_ORDER },
  { "event before the birth year", SMT_EVENT_LEFT, P_NAM, O_ND, B_NONE, "1989-12-31",
    .code = SMT_REGISTER_ERROR_DATE_ORDER },

  /* Eligibility: refused, then accepted with an exception note. */
  { "a man into the Women's Union", SMT_EVENT_ADMITTED, P_AN, O_PN, B_PN1, "2015-01-01",
    .code = SMT_REGISTER_ERROR_NOT_ELIGIBLE },
  { "blank exception note is no exception", SMT_EVENT_ADMITTED, P_AN, O_PN, B_PN1,
    "2015-01-01", .exception_note = "   ", .code = SMT_REGISTER_ERROR_NOT_ELIGIBLE },
  { "a man into the Women's Union, as an exception", SMT_EVENT_ADMITTED, P_AN, O_PN, B_PN1,
    "2015-01-01", .exception_note = "Chi hội đồng ý, biên bản số 3", .ref = "an-pn",
    .code = OK },
  { "59 years old into Người cao tuổi", SMT_EVENT_ADMITTED, P_BA, O_NCT, B_NCT1, "2026-06-01",
    .code = SMT_REGISTER_ERROR_NOT_ELIGIBLE },
  { "60 on the very day into Người cao tuổi", SMT_EVENT_ADMITTED, P_BON, O_NCT, B_NCT1,
    "2026-06-01", .code = OK },
  { "59 years old into Người cao tuổi, as an exception", SMT_EVENT_ADMITTED, P_BA, O_NCT,
    B_NCT1, "2026-06-01", .exception_note = "Hội viên danh dự", .ref = "ba-nct", .code = OK },
  { "31 years old into the Youth Union", SMT_EVENT_ADMITTED, P_THANH, O_DTN, B_DTN1,
    "2026-05-01", .code = SMT_REGISTER_ERROR_NOT_ELIGIBLE },
  { "15 years old into the Youth Union", SMT_EVENT_ADMITTED, P_TRE, O_DTN, B_DTN1,
    "2026-06-01", .code = SMT_REGISTER_ERROR_NOT_ELIGIBLE },
  { "36 by birth year into the Youth Union", SMT_EVENT_ADMITTED, P_NAM, O_DTN, B_DTN1,
    "2026-01-01", .code = SMT_REGISTER_ERROR_NOT_ELIGIBLE },
  { "transferred in at 59 into the Youth Union", SMT_EVENT_TRANSFERRED_IN, P_BA, O_DTN, B_DTN1,
    "2026-06-01", .code = SMT_REGISTER_ERROR_NOT_ELIGIBLE },
  { "30 on the last day into the Youth Union", SMT_EVENT_ADMITTED, P_THANH, O_DTN, B_DTN1,
    "2026-04-30", .ref = "thanh-dtn", .code = OK },
  { "eligibility is not asked when leaving", SMT_EVENT_LEFT, P_THANH, O_DTN, B_NONE,
    "2026-06-15", .code = OK },

  /* Voids. */
  { "void without a reason", SMT_EVENT_VOID, .reason = "  ", .voids = "lan-back",
    .code = SMT_REGISTER_ERROR_INVALID },
  { "void of an unknown event", SMT_EVENT_VOID, .reason = "nhầm", .voids = "nothing",
    .code = SMT_REGISTER_ERROR_NOT_FOUND },
  { "void an admission that later events need", SMT_EVENT_VOID, .reason = "nhầm người",
    .voids = "lan-admitted", .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "void the transfer, which nothing later needs", SMT_EVENT_VOID, .reason = "nhầm",
    .voids = "lan-transferred", .code = OK },
  { "void the latest event", SMT_EVENT_VOID, .reason = "nhập nhầm ngày", .voids = "lan-back",
    .ref = "void-lan-back", .code = OK },
  { "void the same event again", SMT_EVENT_VOID, .reason = "nhầm", .voids = "lan-back",
    .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "void a void", SMT_EVENT_VOID, .reason = "nhầm", .voids = "void-lan-back",
    .code = SMT_REGISTER_ERROR_SEQUENCE },
  { "back once more, on the right date", SMT_EVENT_BACK, P_LAN, O_PN, B_NONE, "2020-02-01",
    .code = OK },
  { "void An's admission, which nothing follows", SMT_EVENT_VOID, .reason = "trùng",
    .voids = "an-admitted", .code = OK },
  { "An can leave the Farmers no more", SMT_EVENT_LEFT, P_AN, O_ND, B_NONE, "2020-01-01",
    .code = SMT_REGISTER_ERROR_NOT_MEMBER },
};

static void
test_history_rules (World         *w,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (history); i++)
    {
      const Step *s = &history[i];
      g_autoptr(GError) error = NULL;
      SmtMembershipChange change = {
        .kind = s->kind, .person_id = w->person[s->person], .organisation_id = w->org[s->org],
        .branch_id = w->branch[s->branch], .date = s->date, .reason = s->reason,
        .exception_note = s->exception_note,
      };
      gint64 events = count (w->reg, "membership_event");
      gint64 others = other_rows (w->reg);
      gint64 id;

      if (s->kind == SMT_EVENT_VOID)
        {
          gint64 *target = g_hash_table_lookup (refs, s->voids);

          change.person_id = change.organisation_id = 0;
          change.voids_event_id = target ? *target : 987654321;
        }
      g_test_message ("step %u: %s", i, s->what);
      id = smt_membership_record (w->reg, &change, &error);
      if (s->code == OK)
        {
          g_assert_no_error (error);
          g_assert_cmpint (id, !=, 0);
          g_assert_cmpint (count (w->reg, "membership_event"), ==, events + 1);
          if (s->ref != NULL)
            {
              gint64 *stored = g_new (gint64, 1);

              *stored = id;
              g_hash_table_insert (refs, (gpointer) s->ref, stored);
            }
        }
      else
        {
          g_test_message ("  → %s", error ? error->message : "(no error)");
          g_assert_error (error, SMT_REGISTER_ERROR, s->code);
          /* Refused by a check with its own message, not by a constraint. */
          g_assert_null (strstr (error->message, "breaks one of its rules"));
          g_assert_cmpint (id, ==, 0);
          g_assert_cmpint (count (w->reg, "membership_event"), ==, events);
        }
      g_assert_cmpint (other_rows (w->reg), ==, others);
    }

  /* What the steps left behind. */
  {
    gint64 an_pn = *(gint64 *) g_hash_table_lookup (refs, "an-pn");
    gint64 ba_nct = *(gint64 *) g_hash_table_lookup (refs, "ba-nct");
    gint64 lan_back = *(gint64 *) g_hash_table_lookup (refs, "lan-back");
    gint64 void_id = *(gint64 *) g_hash_table_lookup (refs, "void-lan-back");
    gint64 an_nd = *(gint64 *) g_hash_table_lookup (refs, "an-admitted");
    sqlite3 *db = smt_register_get_db (w->reg);
    sqlite3_stmt *stmt;
    gint64 branch = -1;

    /* Organisation derived from the branch. */
    g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT organisation_id FROM "
                                             "membership_event WHERE id = ?1", an_nd),
                     ==, w->org[O_ND]);

    /* Exception notes stored, NFC and trimmed; none where none was needed. */
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT exception_note FROM membership_event "
                                             "WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, an_pn);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                     "Chi hội đồng ý, biên bản số 3");
    sqlite3_reset (stmt);
    sqlite3_bind_int64 (stmt, 1, ba_nct);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Hội viên danh dự");
    sqlite3_reset (stmt);
    sqlite3_bind_int64 (stmt, 1, lan_back);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_type (stmt, 0), ==, SQLITE_NULL);
    sqlite3_finalize (stmt);

    /* The void row: kind, target, today, person and organisation copied. */
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT kind, supersedes, date, person_id, "
                                             "organisation_id, reason, branch_id "
                                             "FROM membership_event WHERE id = ?1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, void_id);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "void");
    g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, lan_back);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "2026-06-30");
    g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, w->person[P_LAN]);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 4), ==, w->org[O_PN]);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, "nhập nhầm ngày");
    g_assert_cmpint (sqlite3_column_type (stmt, 6), ==, SQLITE_NULL);
    sqlite3_finalize (stmt);

    /* Lan's replay: admitted in ấp 1, transfer voided, away, back (the first
     * return voided, the second on 01/02/2020). */
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_LAN], w->org[O_PN],
                                              "2010-03-07", &branch), ==, SMT_MEMBER_NONE);
    g_assert_cmpint (branch, ==, 0);
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_LAN], w->org[O_PN],
                                              "2010-03-08", &branch), ==, SMT_MEMBER_ACTIVE);
    g_assert_cmpint (branch, ==, w->branch[B_PN1]);
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_LAN], w->org[O_PN],
                                              "2018-06-01", &branch), ==, SMT_MEMBER_ACTIVE);
    g_assert_cmpint (branch, ==, w->branch[B_PN1]);
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_LAN], w->org[O_PN],
                                              "2020-01-15", &branch), ==, SMT_MEMBER_AWAY);
    g_assert_cmpint (branch, ==, w->branch[B_PN1]);
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_LAN], w->org[O_PN],
                                              "2026-06-30", NULL), ==, SMT_MEMBER_ACTIVE);
    /* Other organisations are separate. */
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_LAN], w->org[O_ND],
                                              "2026-06-30", &branch), ==, SMT_MEMBER_NONE);
    /* Thành: a member for six weeks. */
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_THANH], w->org[O_DTN],
                                              "2026-05-20", &branch), ==, SMT_MEMBER_ACTIVE);
    g_assert_cmpint (branch, ==, w->branch[B_DTN1]);
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_THANH], w->org[O_DTN],
                                              "2026-06-15", &branch), ==, SMT_MEMBER_NONE);
    /* An's Farmers' membership was voided whole. */
    g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_AN], w->org[O_ND],
                                              "2015-01-01", NULL), ==, SMT_MEMBER_NONE);
  }

  /* What was accepted is a history that `somattran check` finds clean. */
  {
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) error = NULL;
    gboolean clean = smt_register_check (w->reg, problems, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < problems->len; i++)
      g_test_message ("problem: %s", (const char *) problems->pdata[i]);
    g_assert_true (clean);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

/* Closing kinds all close, and transferred_in opens like an admission. */
static void
test_closing_kinds (World         *w,
                    gconstpointer  data)
{
  static const SmtEventKind closing[] = {
    SMT_EVENT_TRANSFERRED_OUT, SMT_EVENT_LEFT, SMT_EVENT_REMOVED, SMT_EVENT_DECEASED,
  };
  g_autoptr(GError) error = NULL;
  char open_date[11], close_date[11];

  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    {
      SmtEventKind opening = i % 2 ? SMT_EVENT_TRANSFERRED_IN : SMT_EVENT_ADMITTED;

      g_snprintf (open_date, sizeof open_date, "%d-01-01", 2010 + 2 * i);
      g_snprintf (close_date, sizeof close_date, "%d-01-01", 2011 + 2 * i);
      g_test_message ("%s then %s", smt_event_kind_to_string (opening),
                      smt_event_kind_to_string (closing[i]));
      g_assert_cmpint (record (w, opening, P_AN, O_ND, B_ND1, open_date, &error), !=, 0);
      g_assert_no_error (error);
      g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_AN], w->org[O_ND],
                                                open_date, NULL), ==, SMT_MEMBER_ACTIVE);
      g_assert_cmpint (record (w, closing[i], P_AN, O_ND, B_NONE, close_date, &error), !=, 0);
      g_assert_no_error (error);
      g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_AN], w->org[O_ND],
                                                close_date, NULL), ==, SMT_MEMBER_NONE);
      /* Closed: a second close is refused. */
      g_assert_cmpint (record (w, closing[i], P_AN, O_ND, B_NONE, close_date, &error), ==, 0);
      g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_MEMBER);
      g_clear_error (&error);
    }
  /* A closing event naming the person's own branch is fine, and the
   * organisation comes from it. */
  g_assert_cmpint (record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2020-01-01", &error),
                   !=, 0);
  g_assert_cmpint (record (w, SMT_EVENT_LEFT, P_AN, O_NONE, B_ND1, "2021-01-01", &error),
                   !=, 0);
  g_assert_no_error (error);
  g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_AN], w->org[O_ND],
                                            "2021-01-01", NULL), ==, SMT_MEMBER_NONE);
}

/* Death closes memberships; nothing can follow it. */
static void
test_death (World         *w,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deceased_id, events;

  g_assert_cmpint (record (w, SMT_EVENT_ADMITTED, P_CU, O_ND, B_ND1, "2000-01-01", &error),
                   !=, 0);
  g_assert_cmpint (record (w, SMT_EVENT_ADMITTED, P_CU, O_NCT, B_NCT1, "2001-01-01", &error),
                   !=, 0);
  g_assert_no_error (error);
  g_assert_true (smt_person_record_death (w->reg, w->person[P_CU], "2024-01-01", "bệnh",
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM membership_event "
                                           "WHERE person_id = ?1 AND kind = 'deceased' "
                                           "AND date = '2024-01-01'", w->person[P_CU]),
                   ==, 2);
  g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_CU], w->org[O_ND],
                                            "2024-01-01", NULL), ==, SMT_MEMBER_NONE);
  g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_CU], w->org[O_ND],
                                            "2023-12-31", NULL), ==, SMT_MEMBER_ACTIVE);

  events = count (w->reg, "membership_event");
  /* After the death. */
  g_assert_cmpint (record (w, SMT_EVENT_ADMITTED, P_CU, O_ND, B_ND1, "2024-02-01", &error),
                   ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_assert_nonnull (strstr (error->message, "01/01/2024"));
  g_clear_error (&error);
  /* Before it, but the later death would then close nothing. */
  g_assert_cmpint (record (w, SMT_EVENT_LEFT, P_CU, O_ND, B_NONE, "2023-06-01", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_SEQUENCE);
  g_clear_error (&error);
  g_assert_cmpint (count (w->reg, "membership_event"), ==, events);
  /* On the day of death itself: the death event, entered first, comes
   * first in the replay, so nothing is left to be away from. */
  g_assert_cmpint (record (w, SMT_EVENT_AWAY, P_CU, O_ND, B_NONE, "2024-01-01", &error), ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_MEMBER);
  g_clear_error (&error);

  /* Voiding the death event reopens the membership. */
  deceased_id = smt_register_query_int (w->reg, 0, "SELECT id FROM membership_event WHERE "
                                        "person_id = ?1 AND organisation_id = ?2 "
                                        "AND kind = 'deceased'",
                                        w->person[P_CU], w->org[O_ND]);
  {
    SmtMembershipChange change = {
      .kind = SMT_EVENT_VOID, .voids_event_id = deceased_id, .reason = "nhầm người",
    };

    g_assert_cmpint (smt_membership_record (w->reg, &change, &error), !=, 0);
    g_assert_no_error (error);
  }
  g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_CU], w->org[O_ND],
                                            "2024-06-01", NULL), ==, SMT_MEMBER_ACTIVE);
  g_assert_cmpint (smt_membership_state_on (w->reg, w->person[P_CU], w->org[O_NCT],
                                            "2024-06-01", NULL), ==, SMT_MEMBER_NONE);
}

static void
test_unknown_ids (World         *w,
                  gconstpointer  data)
{
  static const struct
  {
    const char *what;
    gint64      person, org, branch;
    int         code;
  } cases[] = {
    { "unknown person", 424242, 0, -1, SMT_REGISTER_ERROR_NOT_FOUND },
    { "unknown organisation", -1, 424242, -1, SMT_REGISTER_ERROR_NOT_FOUND },
    { "unknown branch", -1, 0, 424242, SMT_REGISTER_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      SmtMembershipChange change = {
        .kind = SMT_EVENT_ADMITTED,
        .person_id = cases[i].person < 0 ? w->person[P_AN] : cases[i].person,
        .organisation_id = cases[i].org,
        .branch_id = cases[i].branch < 0 ? w->branch[B_ND1] : cases[i].branch,
        .date = "2020-01-01",
      };
      gint64 events = count (w->reg, "membership_event");

      g_test_message ("%s", cases[i].what);
      if (cases[i].org == 0 && cases[i].branch == 0)
        change.organisation_id = w->org[O_ND];
      g_assert_cmpint (smt_membership_record (w->reg, &change, &error), ==, 0);
      g_assert_error (error, SMT_REGISTER_ERROR, cases[i].code);
      g_assert_cmpint (count (w->reg, "membership_event"), ==, events);
    }
}

/* The dates in messages are shown the Vietnamese way. */
static void
test_message_dates (World         *w,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-05", &error),
                   !=, 0);
  g_assert_cmpint (record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2013-02-07", &error),
                   ==, 0);
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_ALREADY_MEMBER);
  g_assert_nonnull (strstr (error->message, "07/02/2013"));
  g_assert_null (strstr (error->message, "2013-02-07"));
  g_assert_nonnull (strstr (error->message, "Trần Văn An"));
}

/* History is append-only: the schema's triggers refuse UPDATE and DELETE. */
static void
test_append_only (World         *w,
                  gconstpointer  data)
{
  static const struct
  {
    const char *sql;
    const char *message;
  } cases[] = {
    { "UPDATE membership_event SET date = '2011-01-01'",
      "append-only history: membership_event rows cannot be changed; add a correcting row" },
    { "UPDATE membership_event SET reason = 'x' WHERE kind = 'admitted'",
      "append-only history: membership_event rows cannot be changed; add a correcting row" },
    { "DELETE FROM membership_event",
      "append-only history: membership_event rows cannot be deleted; add a voiding row" },
    { "DELETE FROM membership_event WHERE kind = 'admitted'",
      "append-only history: membership_event rows cannot be deleted; add a voiding row" },
  };
  g_autoptr(GError) error = NULL;
  sqlite3 *db = smt_register_get_db (w->reg);

  g_assert_cmpint (record (w, SMT_EVENT_ADMITTED, P_AN, O_ND, B_ND1, "2012-01-05", &error),
                   !=, 0);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *message = NULL;

      g_test_message ("%s", cases[i].sql);
      g_assert_cmpint (sqlite3_exec (db, cases[i].sql, NULL, NULL, &message) & 0xff, ==,
                       SQLITE_CONSTRAINT);
      g_assert_cmpstr (message, ==, cases[i].message);
      sqlite3_free (message);
      g_assert_cmpint (count (w->reg, "membership_event"), ==, 1);
      g_assert_cmpint (smt_register_query_int (w->reg, 0, "SELECT count(*) FROM "
                                               "membership_event WHERE date = '2012-01-05' "
                                               "AND reason = ''"), ==, 1);
    }
}

static void
test_kind_names (void)
{
  static const char *labels[SMT_N_EVENTS] = {
    "Admitted", "Transferred", "Transferred in", "Transferred out", "Left", "Removed",
    "Working away", "Back", "Deceased", "Void",
  };
  static const char *names[SMT_N_EVENTS] = {
    "admitted", "transferred", "transferred_in", "transferred_out", "left", "removed",
    "away", "back", "deceased", "void",
  };
  SmtEventKind kind;

  for (int k = 0; k < SMT_N_EVENTS; k++)
    {
      g_assert_cmpstr (smt_event_kind_to_string (k), ==, names[k]);
      g_assert_true (smt_event_kind_from_string (names[k], &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpstr (smt_event_kind_label (k), ==, g_dgettext (GETTEXT_PACKAGE, labels[k]));
    }
  g_assert_false (smt_event_kind_from_string ("joined", &kind));
  g_assert_false (smt_event_kind_from_string ("", &kind));
  g_assert_false (smt_event_kind_from_string (NULL, &kind));
  g_assert_false (smt_event_kind_from_string ("Admitted", &kind));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");
  g_test_add_func ("/membership/kind-names", test_kind_names);
  g_test_add ("/membership/history-rules", World, NULL, world_setup, test_history_rules,
              world_teardown);
  g_test_add ("/membership/closing-kinds", World, NULL, world_setup, test_closing_kinds,
              world_teardown);
  g_test_add ("/membership/death", World, NULL, world_setup, test_death, world_teardown);
  g_test_add ("/membership/unknown-ids", World, NULL, world_setup, test_unknown_ids,
              world_teardown);
  g_test_add ("/membership/message-dates", World, NULL, world_setup, test_message_dates,
              world_teardown);
  g_test_add ("/membership/append-only", World, NULL, world_setup, test_append_only,
              world_teardown);
  return g_test_run ();
}
