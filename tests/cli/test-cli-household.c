/* test-cli-household.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/check/smt-check.h"
#include "core/people/smt-household-query.h"
#include "core/people/smt-people.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-locale.h"
#include "smt-test-util.h"

/* The commands of smt-cli-household.c, run as a person would, on a small
 * register built here; what they wrote is read back through the core. */

typedef struct
{
  SmtTestRegister *t;
  char            *household;     /* "Số 4" of Ấp Một: Ba (head), Tư, Lan */
  char            *other;         /* "Số 12" of Ấp Một: Đức (head) */
  char            *ba, *tu, *lan, *duc;
} World;

static char *
key (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gint64
add (SmtRegister *reg,
     const char  *ho,
     const char  *lot,
     const char  *ten,
     SmtSex       sex,
     int          year,
     gint64       household,
     gboolean     head)
{
  g_autoptr(GError) error = NULL;
  SmtPersonFields f = { .ho = ho, .chu_lot = lot, .ten = ten, .sex = sex, .birth_year = year };
  gint64 id = smt_person_add (reg, &f, &error);

  g_assert_no_error (error);
  g_assert_cmpint (smt_residence_move (reg, id, household, "2010-01-01", head, "", &error), !=, 0);
  g_assert_no_error (error);
  return id;
}

static void
world_setup (World         *w,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg;
  gint64 hamlet, h1, h2;

  w->t = smt_test_register_new ();
  reg = w->t->reg;
  hamlet = smt_hamlet_add (reg, "Ấp Một", "ấp", &error);
  g_assert_no_error (error);
  g_assert_cmpint (smt_hamlet_add (reg, "Ấp Hai", "ấp", &error), !=, 0);
  h1 = smt_household_add (reg, hamlet, "Số 4", NULL, &error);
  h2 = smt_household_add (reg, hamlet, "Số 12", NULL, &error);
  g_assert_no_error (error);
  w->household = key (h1);
  w->other = key (h2);
  w->ba = key (add (reg, "Nguyễn", "Văn", "Ba", SMT_SEX_MALE, 1960, h1, TRUE));
  w->tu = key (add (reg, "Trần", "Thị", "Tư", SMT_SEX_FEMALE, 1962, h1, FALSE));
  w->lan = key (add (reg, "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, 1990, h1, FALSE));
  w->duc = key (add (reg, "Lê", "Văn", "Đức", SMT_SEX_MALE, 1970, h2, TRUE));
  /* The commands open the file themselves. */
  g_clear_object (&w->t->reg);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
  g_free (w->household);
  g_free (w->other);
  g_free (w->ba);
  g_free (w->tu);
  g_free (w->lan);
  g_free (w->duc);
}

static SmtRegister *
reopen (World *w)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (w->t->path, &error);

  g_assert_no_error (error);
  return reg;
}

static char *
hash_of (World *w)
{
  g_autoptr(SmtRegister) reg = reopen (w);
  g_autoptr(GError) error = NULL;
  char *hash = smt_register_content_hash (reg, &error);

  g_assert_no_error (error);
  return hash;
}

/* The person key printed on the last line: "…: 123". */
static gint64
printed_key (const char *out)
{
  const char *colon = strrchr (out, ':');

  g_assert_nonnull (colon);
  return g_ascii_strtoll (colon + 1, NULL, 10);
}

static void
test_households (World         *w,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  /* By address in natural order: "Số 4" before "Số 12". */
  g_assert_cmpint (smt_test_cli (&out, &err, "households", w->t->path, "--hamlet", "ap mot", "--json",
                        NULL), ==, 0);
  expected = g_strdup_printf ("[{\"id\":%s,\"hamlet\":\"Ấp Một\",\"address\":\"Số 4\","
                              "\"head_id\":%s,\"head\":\"Nguyễn Văn Ba\",\"members\":3},"
                              "{\"id\":%s,\"hamlet\":\"Ấp Một\",\"address\":\"Số 12\","
                              "\"head_id\":%s,\"head\":\"Lê Văn Đức\",\"members\":1}]\n",
                              w->household, w->ba, w->other, w->duc);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (smt_test_cli (&out, &err, "households", w->t->path, "--search", "le van duc", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Số 12"));
  g_assert_null (strstr (out, "Số 4"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (smt_test_cli (&out, &err, "households", w->t->path, "--hamlet", "Ấp Ba", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Ấp Ba"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* One household: the head first, then the oldest. */
  g_assert_cmpint (smt_test_cli (&out, &err, "household", w->t->path, w->household, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Hộ Nguyễn Văn Ba — Số 4, Ấp Một"));
  g_assert_true (strstr (out, "Nguyễn Văn Ba") < strstr (out, "Trần Thị Tư"));
  g_assert_true (strstr (out, "Trần Thị Tư") < strstr (out, "Nguyễn Thị Lan"));
  g_assert_nonnull (strstr (out, "chủ hộ"));
}

static void
test_person_add (World         *w,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *hash = hash_of (w);
  g_autofree char *after = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) d = NULL;
  g_autoptr(GError) error = NULL;
  const SmtResidenceRow *r;
  gint64 id;

  /* Refused: a CCCD of 11 digits, a move-in before birth, no sex. Nothing
   * written, not even the person or the new household. */
  g_assert_cmpint (smt_test_cli (&out, &err, "person-add", w->t->path, "--ho", "Võ", "--ten", "Tâm",
                        "--sex", "nam", "--born", "1998", "--household", w->household,
                        "--cccd", "12345678901", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "12345678901"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "person-add", w->t->path, "--ho", "Võ", "--ten", "Tâm",
                        "--sex", "nam", "--born", "1998-04-05", "--new-household", "ap hai",
                        "Số 9", "--from", "1997-01-01", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "05/04/1998"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "person-add", w->t->path, "--ho", "Võ", "--ten", "Tâm",
                        "--born", "1998", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  after = hash_of (w);
  g_assert_cmpstr (after, ==, hash);

  /* Into a new household of Ấp Hai, its head from the day given. */
  g_assert_cmpint (smt_test_cli (&out, &err, "person-add", w->t->path, "--ho", "Võ", "--chu-lot", "Minh",
                        "--ten", "Tâm", "--sex", "nam", "--born", "1998-04-05",
                        "--new-household", "ap hai", "Số 9", "--from", "2025-03-01",
                        "--phone", "0912 345 678", NULL), ==, 0);
  id = printed_key (out);
  reg = reopen (w);
  d = smt_person_detail_get (reg, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->name, ==, "Võ Minh Tâm");
  g_assert_cmpstr (d->birth_date, ==, "1998-04-05");
  g_assert_cmpint (d->birth_year, ==, 1998);
  g_assert_cmpstr (d->phone, ==, "0912345678");
  g_assert_cmpuint (d->residences->len, ==, 1);
  r = g_ptr_array_index (d->residences, 0);
  g_assert_cmpstr (r->from, ==, "2025-03-01");
  g_assert_true (r->head);
  g_assert_cmpstr (r->household, ==, "Hộ Võ Minh Tâm — Số 9, Ấp Hai");
  g_clear_pointer (&d, smt_person_detail_free);
  g_clear_object (&reg);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Into an existing household, a year of birth alone. */
  g_assert_cmpint (smt_test_cli (&out, &err, "person-add", w->t->path, "--ho", "Nguyễn", "--ten", "Út",
                        "--sex", "nu", "--born", "2015", "--household", w->household,
                        "--from", "2015-06-01", NULL), ==, 0);
  id = printed_key (out);
  reg = reopen (w);
  d = smt_person_detail_get (reg, id, &error);
  g_assert_no_error (error);
  g_assert_null (d->birth_date);
  g_assert_cmpint (d->birth_year, ==, 2015);
  g_assert_cmpint (d->sex, ==, 'F');
  g_assert_cmpint (d->household_id, ==, g_ascii_strtoll (w->household, NULL, 10));
  g_assert_false (((SmtResidenceRow *) g_ptr_array_index (d->residences, 0))->head);
}

static void
test_person_edit (World         *w,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) d = NULL;
  g_autoptr(GError) error = NULL;

  /* Without a reason: refused before the register is opened. */
  g_assert_cmpint (smt_test_cli (&out, &err, "person-edit", w->t->path, w->lan, "--phone", "0987654321",
                        NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "person-edit", w->t->path, w->lan, "--phone", "0987654321",
                        "--chu-lot", "Thị Mỹ", "--reason", "Số điện thoại mới", NULL), ==, 0);
  reg = reopen (w);
  d = smt_person_detail_get (reg, g_ascii_strtoll (w->lan, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->phone, ==, "0987654321");
  g_assert_cmpstr (d->name, ==, "Nguyễn Thị Mỹ Lan");
  /* What was not named stays. */
  g_assert_cmpint (d->birth_year, ==, 1990);
  g_assert_cmpint (d->sex, ==, 'F');
}

static void
test_move (World         *w,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(SmtPersonDetail) d = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lan = g_ascii_strtoll (w->lan, NULL, 10);
  const SmtResidenceRow *r;

  g_assert_cmpint (smt_test_cli (&out, &err, "move", w->t->path, w->lan, "--household", w->other,
                        "--from", "2024-02-01", "--reason", "Về nhà chồng", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Hộ Lê Văn Đức — Số 12, Ấp Một"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Nowhere, and two places at once: refused. */
  g_assert_cmpint (smt_test_cli (&out, &err, "move", w->t->path, w->lan, "--from", "2024-03-01", NULL),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "move", w->t->path, w->lan, "--out", "--household",
                        w->other, "--from", "2024-03-01", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "move", w->t->path, w->lan, "--out", "--from", "2025-01-01",
                        NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "move", w->t->path, w->lan, "--new-household", "Ấp Hai",
                        "Số 1", "--from", "2025-06-01", NULL), ==, 0);

  reg = reopen (w);
  d = smt_person_detail_get (reg, lan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->residences->len, ==, 4);
  r = g_ptr_array_index (d->residences, 1);
  g_assert_cmpstr (r->from, ==, "2024-02-01");
  g_assert_cmpstr (r->reason, ==, "Về nhà chồng");
  g_assert_cmpint (r->household_id, ==, g_ascii_strtoll (w->other, NULL, 10));
  r = g_ptr_array_index (d->residences, 2);
  g_assert_cmpint (r->household_id, ==, 0);
  r = g_ptr_array_index (d->residences, 3);
  g_assert_true (r->head);
  g_assert_cmpstr (r->household, ==, "Hộ Nguyễn Thị Lan — Số 1, Ấp Hai");
}

static void
test_split (World         *w,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *hash = hash_of (w);
  g_autofree char *after = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autoptr(GError) error = NULL;
  gint64 created;

  /* Everyone of the household: refused, nothing written. */
  g_assert_cmpint (smt_test_cli (&out, &err, "household-split", w->t->path, w->household, w->ba, w->tu,
                        w->lan, "--hamlet", "Ấp Hai", "--address", "Số 3", "--head", w->tu,
                        "--from", "2025-01-01", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  after = hash_of (w);
  g_assert_cmpstr (after, ==, hash);

  g_assert_cmpint (smt_test_cli (&out, &err, "household-split", w->t->path, w->household, w->tu, w->lan,
                        "--hamlet", "Ấp Hai", "--address", "Số 3", "--head", w->tu,
                        "--from", "2025-01-01", NULL), ==, 0);
  created = printed_key (out);
  reg = reopen (w);
  left = smt_household_members (reg, g_ascii_strtoll (w->household, NULL, 10), NULL, &error);
  g_assert_no_error (error);
  made = smt_household_members (reg, created, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (((SmtHouseholdMember *) g_ptr_array_index (left, 0))->name, ==,
                   "Nguyễn Văn Ba");
  g_assert_cmpuint (made->len, ==, 2);
  g_assert_cmpstr (((SmtHouseholdMember *) g_ptr_array_index (made, 0))->name, ==,
                   "Trần Thị Tư");
  g_assert_true (((SmtHouseholdMember *) g_ptr_array_index (made, 0))->head);
  g_assert_cmpstr (((SmtHouseholdMember *) g_ptr_array_index (made, 1))->name, ==,
                   "Nguyễn Thị Lan");
  g_assert_cmpstr (((SmtHouseholdMember *) g_ptr_array_index (made, 1))->since, ==,
                   "2025-01-01");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add ("/cli-household/households", World, NULL, world_setup, test_households,
              world_teardown);
  g_test_add ("/cli-household/person-add", World, NULL, world_setup, test_person_add,
              world_teardown);
  g_test_add ("/cli-household/person-edit", World, NULL, world_setup, test_person_edit,
              world_teardown);
  g_test_add ("/cli-household/move", World, NULL, world_setup, test_move, world_teardown);
  g_test_add ("/cli-household/split", World, NULL, world_setup, test_split, world_teardown);
  return g_test_run ();
}
