/* test-import-files.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/import/smt-import-plan.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people-query.h"
#include "core/people/smt-people.h"
#include "core/people/smt-person-detail.h"
#include "core/register/smt-locale.h"
#include "core/register/smt-register-private.h"
#include "io/import/smt-import-source.h"
#include "member-fixtures.h"
#include "smt-test-util.h"

/* The whole import, from a file to the register: the member list of
 * member-fixtures.h in each form offices keep it (an .xlsx with a title
 * block, a two-row Nam/Nữ header and hamlet rows; an .xls; CSV in
 * Windows-1258, TCVN3 and VNI; .xlsx in .VnTime and VNI-Times; UTF-16
 * "Unicode Text"), read through SmtImportSource, planned and applied
 * into a commune made as `somattran new` makes one: Xã Hòa Điền with Ấp
 * Tân Hòa and Ấp Bình An, each with the chi hội the plan proposes. Each
 * file must give exactly the eight persons (names compared after NFC,
 * sex, year of birth), seven households (An and Hoa together, everyone
 * else alone) and eight memberships of the Hội Nông dân in the branch of
 * their hamlet from the date of the list (Châu's year only: 01/01/2018),
 * read back through the people list, the person detail and the
 * membership state. "Today" is 30/06/2026. */

typedef struct
{
  char        *dir;
  SmtRegister *reg;
  gint64       nd;
} Commune;

static void
commune_init (Commune *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtSetupPlan) plan = smt_setup_plan_new ();
  g_autoptr(GPtrArray) hamlets =
    g_ptr_array_new_with_free_func ((GDestroyNotify) smt_hamlet_entry_free);
  g_autofree char *path = NULL;

  c->dir = g_dir_make_tmp ("smt-import-files-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (c->dir, "hoa-dien.smt", NULL);
  smt_setup_plan_set_commune (plan, "Hòa Điền", "xã", "Cần Thơ", NULL);
  g_ptr_array_add (hamlets, smt_hamlet_entry_new ("Ấp Tân Hòa", "ấp"));
  g_ptr_array_add (hamlets, smt_hamlet_entry_new ("Ấp Bình An", "ấp"));
  smt_setup_plan_set_hamlets (plan, g_steal_pointer (&hamlets));
  smt_setup_plan_propose_branches (plan);
  c->reg = smt_setup_new_register_from_plan (path, plan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (c->reg);
  smt_register_set_today (c->reg, "2026-06-30");
  c->nd = smt_organisation_lookup (c->reg, "ND");
  g_assert_cmpint (c->nd, >, 0);
}

static void
commune_clear (Commune *c)
{
  g_clear_object (&c->reg);
  smt_test_rm_rf (c->dir);
  g_clear_pointer (&c->dir, g_free);
}

/* The Hội Nông dân's branch serving the hamlet ("Tân Hòa"). */
static gint64
branch_of (Commune    *c,
           const char *hamlet)
{
  g_autofree char *name = g_strconcat ("Ấp ", hamlet, NULL);
  gint64 hamlet_id = smt_hamlet_lookup (c->reg, name);

  g_assert_cmpint (hamlet_id, >, 0);
  return smt_register_query_int (c->reg, 0,
                                 "SELECT b.id FROM branch b JOIN branch_hamlet h "
                                 "ON h.branch_id = b.id WHERE b.organisation_id = ? "
                                 "AND h.hamlet_id = ?", c->nd, hamlet_id);
}

/* The file read through SmtImportSource as `somattran import` reads it. */
static GPtrArray *
read_file (const char  *path,
           gboolean    *remembered,
           char       **file_name,
           char       **sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtImportSource) source = smt_import_source_open (path, &error);
  GPtrArray *rows;

  g_assert_no_error (error);
  g_assert_true (smt_import_source_load_sheet (source, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  rows = smt_import_source_read_rows (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  if (remembered != NULL)
    *remembered = smt_import_source_is_remembered (source);
  if (file_name != NULL)
    *file_name = g_strdup (smt_import_source_file_name (source));
  if (sha256 != NULL)
    *sha256 = g_strdup (smt_import_source_sha256 (source));
  return rows;
}

static SmtImportPlan *
plan_file (Commune    *c,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *sha256 = NULL;
  GPtrArray *rows = read_file (path, NULL, &file_name, &sha256);
  SmtImportPlanOptions options = { .organisation = "ND", .file_name = file_name,
                                   .file_sha256 = sha256, .sheet = "1" };
  SmtImportPlan *plan;

  for (guint i = 0; i < rows->len; i++)
    {
      SmtImportRow *row = g_ptr_array_index (rows, i);

      for (guint k = 0; row->problems != NULL && k < row->problems->len; k++)
        g_test_message ("row %u: %s", row->source_row,
                        (char *) g_ptr_array_index (row->problems, k));
    }
  plan = smt_import_plan_new (c->reg, &options, rows, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
log_plan (SmtImportPlan *plan)
{
  for (guint i = 0; i < smt_import_plan_get_n_rows (plan); i++)
    {
      const SmtImportPlanRow *r = smt_import_plan_get_row (plan, i);

      g_test_message ("plan %u: %s | %s | %s | %c %d | %s | %s", r->row->source_row,
                      r->ho, r->chu_lot, r->ten, r->sex ? r->sex : '?', r->row->birth_year,
                      r->row->hamlet, smt_import_status_to_string (r->status));
      for (guint k = 0; k < r->problems->len; k++)
        g_test_message ("  %s",
                        ((SmtImportProblem *) g_ptr_array_index (r->problems, k))->message);
    }
}

/* Plans and applies the file; returns the summary planned. */
static SmtImportSummary
import_file (Commune    *c,
             const char *path)
{
  g_autoptr(SmtImportPlan) plan = plan_file (c, path);
  g_autoptr(GError) error = NULL;
  SmtImportSummary s;
  gint64 batch = 0;

  log_plan (plan);
  g_assert_cmpuint (smt_import_plan_n_undecided (plan), ==, 0);
  smt_import_plan_get_summary (plan, &s);
  g_assert_true (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_no_error (error);
  /* A list that adds nobody leaves no batch. */
  if (s.new_persons + s.new_memberships > 0)
    g_assert_cmpint (batch, >, 0);
  else
    g_assert_cmpint (batch, ==, 0);
  return s;
}

static gboolean
nfc_equal (const char *a,
           const char *b)
{
  g_autofree char *x = g_utf8_normalize (a != NULL ? a : "", -1, G_NORMALIZE_NFC);
  g_autofree char *y = g_utf8_normalize (b != NULL ? b : "", -1, G_NORMALIZE_NFC);

  return strcmp (x, y) == 0;
}

/* The register holds exactly the members which[0..n) as the comment at
 * the top says. */
static void
assert_members (Commune     *c,
                const guint *which,
                guint        n)
{
  g_autoptr(GError) error = NULL;
  SmtPeopleFilter filter = { 0 };
  g_autoptr(GArray) ids = smt_people_query_ids (c->reg, &filter, &error);
  g_autofree gint64 *person = g_new0 (gint64, n);
  g_autofree gint64 *household = g_new0 (gint64, n);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, n);
  g_assert_cmpuint (smt_people_count (c->reg), ==, n);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(SmtPersonDetail) d = smt_person_detail_get (c->reg, id, &error);
      SmtPersonRow row = { 0 };
      const MemberFixture *m = NULL;
      guint k;
      gint64 branch = 0;
      guint admissions = 0;

      g_assert_no_error (error);
      for (k = 0; k < n; k++)
        if (nfc_equal (d->ho, member_fixtures[which[k]].ho)
            && nfc_equal (d->chu_lot, member_fixtures[which[k]].chu_lot)
            && nfc_equal (d->ten, member_fixtures[which[k]].ten))
          {
            m = &member_fixtures[which[k]];
            break;
          }
      if (m == NULL)
        g_error ("an unexpected person: “%s” (%s | %s | %s)", d->name, d->ho, d->chu_lot,
                 d->ten);
      g_assert_cmpint (person[k], ==, 0);
      person[k] = id;
      household[k] = d->household_id;
      g_assert_cmpint (d->sex, ==, m->sex);
      g_assert_cmpint (d->birth_year, ==, m->birth_year);
      {
        g_autofree char *hamlet = g_strconcat ("Ấp ", m->hamlet, NULL);

        g_assert_cmpstr (d->hamlet, ==, hamlet);
      }
      g_assert_cmpint (d->household_id, >, 0);

      /* The people list shows them as the detail does, a member of the
       * Hội Nông dân. */
      g_assert_true (smt_people_fetch_rows (c->reg, &id, 1, NULL, &row, &error));
      g_assert_no_error (error);
      g_assert_true (nfc_equal (row.full_name, m->full_name));
      g_assert_cmpint (row.sex, ==, m->sex);
      g_assert_cmpint (row.birth_year, ==, m->birth_year);
      g_assert_nonnull (strstr (row.organisations, "Nông dân"));
      smt_person_row_clear (&row);

      /* A member today in the branch of their hamlet, admitted on the
       * list's date and on no other. */
      g_assert_cmpint (smt_membership_state_on (c->reg, id, c->nd, "2026-06-30", &branch), ==,
                       SMT_MEMBER_ACTIVE);
      g_assert_cmpint (branch, ==, branch_of (c, m->hamlet));
      for (guint t = 0; t < d->timeline->len; t++)
        {
          const SmtTimelineRow *e = g_ptr_array_index (d->timeline, t);

          if (e->organisation_id != c->nd || !e->current)
            continue;
          g_assert_cmpint (e->event_kind, ==, SMT_EVENT_ADMITTED);
          g_assert_cmpstr (e->date, ==, m->admitted_on);
          admissions++;
        }
      g_assert_cmpuint (admissions, ==, 1);
      /* Not a member the day before. */
      {
        g_autoptr(GDate) day = g_date_new ();
        char before[16];

        g_date_set_parse (day, m->admitted_on);
        g_assert_true (g_date_valid (day));
        g_date_subtract_days (day, 1);
        g_date_strftime (before, sizeof before, "%Y-%m-%d", day);
        g_assert_cmpint (smt_membership_state_on (c->reg, id, c->nd, before, NULL), ==,
                         SMT_MEMBER_NONE);
      }
    }
  /* Together exactly when the list gives the same hamlet and address. */
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        const MemberFixture *x = &member_fixtures[which[a]], *y = &member_fixtures[which[b]];
        gboolean together = strcmp (x->hamlet, y->hamlet) == 0
                            && strcmp (x->address, y->address) == 0;

        if (together != (household[a] == household[b]))
          g_error ("%s and %s: %s", x->full_name, y->full_name,
                   together ? "should live together" : "should not live together");
      }
}

static const guint all_members[N_MEMBER_FIXTURES] = { 0, 1, 2, 3, 4, 5, 6, 7 };

static void
test_format (gconstpointer data)
{
  MembersFormat format = GPOINTER_TO_UINT (data);
  Commune c = { 0 };
  g_autofree char *path = NULL;
  SmtImportSummary s;

  commune_init (&c);
  path = members_write (c.dir, "hoi-vien", format, NULL, 0);
  /* The names' column (B) is read in the encoding it was typed in: the
   * file really is in it, and the guess (or the font) found it. */
  {
    static const SmtTextEncoding typed[N_MEMBERS_FORMATS] = {
      [MEMBERS_CSV_CP1258] = SMT_ENCODING_CP1258, [MEMBERS_CSV_TCVN3] = SMT_ENCODING_TCVN3,
      [MEMBERS_CSV_VNI] = SMT_ENCODING_VNI, [MEMBERS_XLSX_TCVN3] = SMT_ENCODING_TCVN3,
      [MEMBERS_XLSX_VNI] = SMT_ENCODING_VNI,
    };
    g_autoptr(GError) error = NULL;
    g_autoptr(SmtImportSource) source = smt_import_source_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (smt_import_source_load_sheet (source, 0, NULL, NULL, NULL, &error));
    g_assert_cmpint (smt_import_source_encoding (source, 1, NULL), ==, typed[format]);
  }
  s = import_file (&c, path);
  /* Eight rows, eight new persons in seven households. */
  g_assert_cmpuint (s.rows_read, ==, 8);
  g_assert_cmpuint (s.new_persons, ==, 8);
  g_assert_cmpuint (s.households, ==, 7);
  assert_members (&c, all_members, N_MEMBER_FIXTURES);
  g_assert_cmpint (smt_register_query_int (c.reg, -1, "SELECT count(*) FROM household"), ==, 7);
  commune_clear (&c);
}

/* The same file twice: the second time everyone is a member already. */
static void
test_twice (void)
{
  Commune c = { 0 };
  g_autofree char *path = NULL;
  SmtImportSummary s;

  commune_init (&c);
  path = members_write (c.dir, "hoi-vien", MEMBERS_XLSX, NULL, 0);
  import_file (&c, path);
  s = import_file (&c, path);
  g_assert_cmpuint (s.rows_read, ==, 8);
  g_assert_cmpuint (s.new_persons, ==, 0);
  g_assert_cmpuint (s.new_memberships, ==, 0);
  g_assert_cmpuint (s.already_members, ==, 8);
  g_assert_cmpuint (s.households, ==, 0);
  assert_members (&c, all_members, N_MEMBER_FIXTURES);
  g_assert_cmpint (smt_register_query_int (c.reg, -1, "SELECT count(*) FROM household"), ==, 7);
  g_assert_cmpint (smt_register_query_int (c.reg, -1, "SELECT count(*) FROM membership_event"),
                   ==, 8);
  g_assert_cmpint (smt_register_query_int (c.reg, -1, "SELECT count(*) FROM import_batch"),
                   ==, 1);
  commune_clear (&c);
}

/* Cancels at the first report, once the households are written. */
static void
cancel_on_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  if (done < total)
    g_cancellable_cancel (user_data);
}

/* Cancelled while writing, or refused by the register at the last row: the
 * register is as it was, by content hash. */
static void
test_failed (void)
{
  Commune c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SmtPersonFields f = { .ho = "Huỳnh", .chu_lot = "Văn", .ten = "Sơn", .sex = SMT_SEX_MALE,
                        .birth_year = 1982 };
  gint64 son, batch = 0;

  commune_init (&c);
  path = members_write (c.dir, "hoi-vien", MEMBERS_CSV_TCVN3, NULL, 0);
  /* A Huỳnh Văn Sơn of the register, living nowhere yet. */
  son = smt_person_add (c.reg, &f, &error);
  g_assert_no_error (error);
  plan = plan_file (&c, path);
  g_assert_cmpuint (smt_import_plan_n_undecided (plan), ==, 0);

  before = smt_register_content_hash (c.reg, &error);
  g_assert_no_error (error);
  g_assert_false (smt_import_plan_apply (plan, cancellable, cancel_on_progress, cancellable, &batch,
                                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = smt_register_content_hash (c.reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);

  /* The list's last row is said to be that Sơn, who is then deleted: the
   * register refuses the row, and nothing of the seven before it stays. */
  g_assert_true (smt_import_plan_decide (plan, 7, SMT_IMPORT_SAME_PERSON, son, &error));
  g_assert_no_error (error);
  g_assert_true (smt_person_delete (c.reg, son, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = smt_register_content_hash (c.reg, &error);
  g_assert_false (smt_import_plan_apply (plan, NULL, NULL, NULL, &batch, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  after = smt_register_content_hash (c.reg, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (smt_people_count (c.reg), ==, 0);
  commune_clear (&c);
}

/* A file imported and remembered teaches the program its shape: the next
 * file of that shape, with other rows, opens with the same mapping. */
static void
test_remembered (gconstpointer data)
{
  MembersFormat format = GPOINTER_TO_UINT (data);
  static const guint first[] = { 0, 1, 2, 3 };
  static const guint second[] = { 4, 5, 6, 7 };
  Commune c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *maps = NULL;
  g_autofree char *path = NULL;
  g_autofree char *next = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("SMT_IMPORT_MAPPINGS_DIR"));
  gboolean remembered = TRUE;

  commune_init (&c);
  maps = g_build_filename (c.dir, "mappings", NULL);
  g_setenv ("SMT_IMPORT_MAPPINGS_DIR", maps, TRUE);
  path = members_write (c.dir, "thang-1", format, first, G_N_ELEMENTS (first));
  next = members_write (c.dir, "thang-2", format, second, G_N_ELEMENTS (second));

  /* Nothing remembered yet. */
  g_ptr_array_unref (read_file (next, &remembered, NULL, NULL));
  g_assert_false (remembered);

  /* The first file imported, its mapping remembered (as `somattran
   * import` does after writing). */
  {
    g_autoptr(SmtImportSource) source = smt_import_source_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (smt_import_source_load_sheet (source, 0, NULL, NULL, NULL, &error));
    g_assert_false (smt_import_source_is_remembered (source));
    import_file (&c, path);
    g_assert_true (smt_import_source_remember (source, &error));
    g_assert_no_error (error);
  }
  assert_members (&c, first, G_N_ELEMENTS (first));

  /* The second opens with it, and gives its own four people. */
  g_ptr_array_unref (read_file (next, &remembered, NULL, NULL));
  g_assert_true (remembered);
  import_file (&c, next);
  assert_members (&c, all_members, N_MEMBER_FIXTURES);
  g_setenv ("SMT_IMPORT_MAPPINGS_DIR", saved, TRUE);
  commune_clear (&c);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *maps = g_dir_make_tmp ("smt-import-maps-XXXXXX", NULL);
  int status;

  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  /* Never the user's own remembered mappings. */
  g_setenv ("SMT_IMPORT_MAPPINGS_DIR", maps, TRUE);

  for (guint f = 0; f < N_MEMBERS_FORMATS; f++)
    {
      g_autofree char *name = g_strdup_printf ("/import-files/%s", members_format_name (f));

      g_test_add_data_func (name, GUINT_TO_POINTER (f), test_format);
    }
  g_test_add_func ("/import-files/twice", test_twice);
  g_test_add_func ("/import-files/failed", test_failed);
  g_test_add_data_func ("/import-files/remembered/xlsx", GUINT_TO_POINTER (MEMBERS_XLSX),
                        test_remembered);
  g_test_add_data_func ("/import-files/remembered/tcvn3.csv",
                        GUINT_TO_POINTER (MEMBERS_CSV_TCVN3), test_remembered);
  status = g_test_run ();
  smt_test_rm_rf (maps);
  return status;
}
