/* test-event-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"

#include "smt-test-util.h"

typedef struct
{
  SmtTestRegister *t;
  gint64           pn, nd;
  gint64           a, b, farm;  /* chi hội Phụ nữ A and B, chi hội Nông dân */
  gint64           lan, hoa;
  gint64           admitted_lan, voided, void_event, transfer;
} Fixture;

static gint64
record (SmtRegister  *reg,
        SmtEventKind  kind,
        gint64        person,
        gint64        organisation,
        gint64        branch,
        const char   *date,
        const char   *document,
        gint64        voids)
{
  g_autoptr(GError) error = NULL;
  SmtMembershipChange c = { 0 };
  gint64 id;

  c.kind = kind;
  c.person_id = person;
  c.organisation_id = organisation;
  c.branch_id = branch;
  c.date = date;
  c.reason = kind == SMT_EVENT_VOID ? "ghi nhầm" : "";
  c.document = document;
  c.voids_event_id = voids;
  id = smt_membership_record (reg, &c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Lan: admitted to A (2024-03-08), transferred to B (2025-05-01), and into
 * the Farmers' Union (2025-05-01). Hoa: admitted to A (2025-02-01), which is
 * voided (a void is dated the day it is recorded: "today", 2026-06-30), and
 * admitted again (2025-02-15). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmtPersonFields lan = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1981-05-10", 1981 };
  SmtPersonFields hoa = { "Trần", "", "Hoa", SMT_SEX_FEMALE, NULL, 1990 };
  SmtRegister *reg;
  gint64 hamlet;

  f->t = smt_test_register_new ();
  reg = f->t->reg;
  f->pn = smt_organisation_lookup (reg, "PN");
  f->nd = smt_organisation_lookup (reg, "ND");
  hamlet = smt_hamlet_add (reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  f->a = smt_branch_add (reg, f->pn, 0, "chi hội", "Chi hội A", &hamlet, 1, "2000-01-01", &error);
  g_assert_no_error (error);
  f->b = smt_branch_add (reg, f->pn, 0, "chi hội", "Chi hội B", &hamlet, 1, "2000-01-01", &error);
  g_assert_no_error (error);
  f->farm = smt_branch_add (reg, f->nd, 0, "chi hội", "Chi hội Nông dân", &hamlet, 1,
                            "2000-01-01", &error);
  g_assert_no_error (error);
  f->lan = smt_person_add (reg, &lan, &error);
  g_assert_no_error (error);
  f->hoa = smt_person_add (reg, &hoa, &error);
  g_assert_no_error (error);

  f->admitted_lan = record (reg, SMT_EVENT_ADMITTED, f->lan, 0, f->a, "2024-03-08",
                            "QĐ 12/QĐ-HPN", 0);
  f->transfer = record (reg, SMT_EVENT_TRANSFERRED, f->lan, 0, f->b, "2025-05-01", "", 0);
  record (reg, SMT_EVENT_ADMITTED, f->lan, 0, f->farm, "2025-05-01", "", 0);
  f->voided = record (reg, SMT_EVENT_ADMITTED, f->hoa, 0, f->a, "2025-02-01", "", 0);
  f->void_event = record (reg, SMT_EVENT_VOID, f->hoa, f->pn, 0, "2025-02-10", "", f->voided);
  record (reg, SMT_EVENT_ADMITTED, f->hoa, 0, f->a, "2025-02-15", "", 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  smt_test_register_free (f->t);
}

static GPtrArray *
list (Fixture    *f,
      const char *from,
      const char *to,
      gint64      organisation,
      int         kind)
{
  g_autoptr(GError) error = NULL;
  SmtEventFilter filter = { from, to, organisation, kind };
  GPtrArray *rows = smt_events_list (f->t->reg, &filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

#define ROW(rows, i) ((const SmtEventRow *) g_ptr_array_index ((rows), (i)))

static void
test_all (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = list (f, NULL, NULL, 0, -1);
  guint counts[SMT_N_JOURNAL_KINDS];

  /* Newest first; on the same day, the one recorded last first. */
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_cmpint (ROW (rows, 0)->id, ==, f->void_event);
  g_assert_cmpstr (ROW (rows, 0)->date, ==, "2026-06-30");
  g_assert_cmpstr (ROW (rows, 1)->date, ==, "2025-05-01");
  g_assert_cmpint (ROW (rows, 1)->organisation_id, ==, f->nd);
  g_assert_cmpint (ROW (rows, 2)->id, ==, f->transfer);
  g_assert_cmpstr (ROW (rows, 3)->date, ==, "2025-02-15");
  g_assert_cmpint (ROW (rows, 4)->id, ==, f->voided);
  g_assert_cmpint (ROW (rows, 5)->id, ==, f->admitted_lan);

  /* A transfer names the branch left and the one joined. */
  g_assert_cmpint (ROW (rows, 2)->kind, ==, SMT_EVENT_TRANSFERRED);
  g_assert_cmpstr (ROW (rows, 2)->from_branch, ==, "Chi hội A");
  g_assert_cmpstr (ROW (rows, 2)->branch, ==, "Chi hội B");
  g_assert_cmpstr (ROW (rows, 2)->person_name, ==, "Nguyễn Thị Lan");
  g_assert_cmpstr (ROW (rows, 2)->organisation, ==, "Phụ nữ");

  /* A void names what it annuls, which is marked. */
  g_assert_cmpint (ROW (rows, 0)->kind, ==, SMT_EVENT_VOID);
  g_assert_cmpint (ROW (rows, 0)->voids_event_id, ==, f->voided);
  g_assert_true (ROW (rows, 4)->voided);
  g_assert_false (ROW (rows, 3)->voided);
  g_assert_cmpstr (ROW (rows, 4)->person_name, ==, "Trần Hoa");
  g_assert_null (ROW (rows, 5)->from_branch);
  g_assert_cmpstr (ROW (rows, 5)->document, ==, "QĐ 12/QĐ-HPN");

  /* Counted: three admissions and a transfer; not the voided one, not the
   * void. */
  smt_events_count (rows, counts);
  g_assert_cmpuint (counts[SMT_EVENT_ADMITTED], ==, 3);
  g_assert_cmpuint (counts[SMT_EVENT_TRANSFERRED], ==, 1);
  g_assert_cmpuint (counts[SMT_EVENT_VOID], ==, 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) february = list (f, "2025-02-01", "2025-02-28", 0, -1);
  g_autoptr(GPtrArray) day = list (f, "2025-05-01", "2025-05-01", 0, -1);
  g_autoptr(GPtrArray) farmers = list (f, NULL, NULL, f->nd, -1);
  g_autoptr(GPtrArray) admissions = list (f, NULL, NULL, f->pn, SMT_EVENT_ADMITTED);
  g_autoptr(GPtrArray) none = list (f, "2026-07-01", NULL, 0, -1);
  g_autoptr(GError) error = NULL;
  SmtEventFilter bad = { "2025-02-30", NULL, 0, -1 };

  /* Both ends are inside the period. */
  g_assert_cmpuint (february->len, ==, 2);
  g_assert_cmpuint (day->len, ==, 2);
  g_assert_cmpuint (farmers->len, ==, 1);
  g_assert_cmpint (ROW (farmers, 0)->branch_id, ==, f->farm);
  g_assert_cmpuint (admissions->len, ==, 3);
  for (guint i = 0; i < admissions->len; i++)
    g_assert_cmpint (ROW (admissions, i)->kind, ==, SMT_EVENT_ADMITTED);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_null (smt_events_list (f->t->reg, &bad, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* messages in the test log as UTF-8, not “?” */
  setlocale (LC_ALL, "");

  g_test_add ("/event-query/all", Fixture, NULL, fixture_set_up, test_all, fixture_tear_down);
  g_test_add ("/event-query/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  return g_test_run ();
}
