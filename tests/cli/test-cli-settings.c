/* test-cli-settings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/activity/smt-settings-query.h"
#include "core/check/smt-check.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people-query.h"
#include "core/targets/smt-targets.h"
#include "smt-test-util.h"

/* `somattran commune`, `hamlets`, `resolutions`, `officers` and their
 * writing commands, on a small demo commune. */

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  f->dir = g_dir_make_tmp ("smt-cli-settings-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "a.smt", NULL);
  g_assert_cmpint (smt_test_cli (&out, &err, "demo", f->path, "--people", "300", "--seed", "3", NULL),
                   ==, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  smt_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_commune (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  char *name = NULL, *kind = NULL, *province = NULL, *place = NULL, *title = NULL,
       *signer = NULL;

  g_assert_cmpint (smt_test_cli (&out, &err, "commune", f->path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"name\":\"Hòa Điền\""));
  g_assert_nonnull (strstr (out, "\"kind\":\"xã\""));

  g_assert_cmpint (smt_test_cli (&out, &err, "commune", f->path, "--place", "Cần Thơ", "--signer-name",
                        "Trần Văn Ba", "--reason", "Sửa ngày tháng", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Cần Thơ"));
  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (smt_register_get_commune (reg, &name, &kind, &province, &place, &title,
                                           &signer));
  /* Only what was named changed. */
  g_assert_cmpstr (name, ==, "Hòa Điền");
  g_assert_cmpstr (kind, ==, "xã");
  g_assert_cmpstr (place, ==, "Cần Thơ");
  g_assert_cmpstr (signer, ==, "Trần Văn Ba");
  g_assert_cmpstr (title, ==, "CHỦ TỊCH");
  g_free (name); g_free (kind); g_free (province); g_free (place); g_free (title);
  g_free (signer);
  g_clear_object (&reg);

  /* Refused: an empty name, a kind that is none; nothing written. */
  before = smt_test_content_hash (f->path);
  g_assert_cmpint (smt_test_cli (&out, &err, "commune", f->path, "--name", "", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Lỗi:"));
  g_assert_cmpint (smt_test_cli (&out, &err, "commune", f->path, "--kind", "huyện", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "phường"));
  after = smt_test_content_hash (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* The key after "key " / "mã " in the message of a writing command. */
static gint64
key_in (const char *text)
{
  const char *p = text + strlen (text);

  while (p > text && !g_ascii_isdigit (p[-1]))
    p--;
  while (p > text && g_ascii_isdigit (p[-1]))
    p--;
  return g_ascii_strtoll (p, NULL, 10);
}

static void
test_hamlets (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *key = NULL;
  g_autofree char *used_key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const SmtHamletRow *last;
  gint64 id;

  g_assert_cmpint (smt_test_cli (&out, &err, "hamlet-add", f->path, "Thôn Mới", "--kind", "thôn", NULL),
                   ==, 0);
  id = key_in (out);
  g_assert_cmpint (id, >, 0);
  key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (smt_test_cli (&out, &err, "hamlets", f->path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Thôn Mới"));
  g_assert_cmpint (smt_test_cli (&out, &err, "hamlet-rename", f->path, key, "Thôn Mới Hai", NULL), ==, 0);

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  list = smt_settings_hamlets (reg, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (list, list->len - 1);
  g_assert_cmpint (last->id, ==, id);
  g_assert_cmpstr (last->name, ==, "Thôn Mới Hai");
  g_assert_cmpstr (last->kind, ==, "thôn");    /* the kind kept */
  g_assert_cmpuint (last->people, ==, 0);
  used_key = g_strdup_printf ("%" G_GINT64_FORMAT,
                              ((const SmtHamletRow *) g_ptr_array_index (list, 0))->id);
  g_assert_cmpuint (((const SmtHamletRow *) g_ptr_array_index (list, 0))->people, >, 0);
  g_clear_object (&reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "hamlets", f->path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"name\":\"Thôn Mới Hai\",\"kind\":\"thôn\""));

  /* A hamlet people live in cannot go; the empty one can. */
  before = smt_test_content_hash (f->path);
  g_assert_cmpint (smt_test_cli (&out, &err, "hamlet-delete", f->path, used_key, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Lỗi:"));
  g_assert_cmpint (smt_test_cli (&out, &err, "hamlet-delete", f->path, "abc", NULL), ==, 2);
  after = smt_test_content_hash (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (smt_test_cli (&out, &err, "hamlet-delete", f->path, key, NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "hamlets", f->path, NULL), ==, 0);
  g_assert_null (strstr (out, "Thôn Mới"));
}

static void
test_resolutions (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  SmtTargetInfo info = { 0 };
  gint64 id;

  g_assert_cmpint (smt_test_cli (&out, &err, "resolution-add", f->path, "99-NQ/ĐU", "Về thử nghiệm",
                        "--issuer", "Đảng ủy xã", "--issued", "2025-10-01", "--to",
                        "2030-12-31", NULL), ==, 0);
  /* Twice: refused, as a duplicate. */
  g_assert_cmpint (smt_test_cli (&out, &err, "resolution-add", f->path, "99-NQ/ĐU", "Lần nữa",
                        "--issuer", "Đảng ủy xã", "--issued", "2025-10-01", NULL), ==, 1);
  /* Without the date of issue: the usage. */
  g_assert_cmpint (smt_test_cli (&out, &err, "resolution-add", f->path, "98-NQ/ĐU", "Thiếu ngày",
                        "--issuer", "Đảng ủy xã", NULL), ==, 2);

  g_assert_cmpint (smt_test_cli (&out, &err, "target-set", f->path, "99-NQ/ĐU", "households_covered",
                        "--target", "85,5", "--baseline", "80", "--baseline-date",
                        "2025-09-30", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "target-set", f->path, "99-NQ/ĐU", "poor_households",
                        "--target", "1.5", "--at-most", "--label", "Hộ nghèo dưới 1,5%", NULL),
                   ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "target-set", f->path, "99-NQ/ĐU", "no_such_thing",
                        "--target", "1", NULL), ==, 1);
  g_assert_cmpint (smt_test_cli (&out, &err, "target-set", f->path, "99-NQ/ĐU", "budget",
                        "--target", "nhiều", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "target-set", f->path, "00-XX", "budget",
                        "--target", "1", NULL), ==, 2);

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  id = smt_resolution_lookup (reg, "99-NQ/ĐU");
  g_assert_cmpint (id, >, 0);
  g_assert_true (smt_target_get (reg, id, "households_covered", &info));
  g_assert_cmpfloat (info.target, ==, 85.5);
  g_assert_true (info.has_baseline);
  g_assert_cmpfloat (info.baseline, ==, 80);
  g_assert_cmpint (info.position, ==, 1);
  g_assert_false (info.at_most);
  smt_target_info_clear (&info);
  g_assert_true (smt_target_get (reg, id, "poor_households", &info));
  g_assert_cmpstr (info.label, ==, "Hộ nghèo dưới 1,5%");
  g_assert_cmpint (info.position, ==, 2);   /* after the first */
  g_assert_true (info.at_most);
  smt_target_info_clear (&info);
  g_clear_object (&reg);

  /* Corrected: the term ends later; the number of another is refused. */
  g_assert_cmpint (smt_test_cli (&out, &err, "resolution-edit", f->path, "99-NQ/ĐU", "--to", "2031-06-30",
                        "--reason", "Gia hạn", NULL), ==, 0);
  g_assert_cmpint (smt_test_cli (&out, &err, "resolution-edit", f->path, "99-NQ/ĐU", "--number",
                        "06-NQ/TU", NULL), ==, 1);
  g_assert_cmpint (smt_test_cli (&out, &err, "resolution-edit", f->path, "00-XX", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "resolutions", f->path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"number\":\"99-NQ/ĐU\""));
  g_assert_nonnull (strstr (out, "\"term_to\":\"2031-06-30\""));
  g_assert_nonnull (strstr (out, "\"comparator\":\"<=\""));
  g_assert_cmpint (smt_test_cli (&out, &err, "resolutions", f->path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "99-NQ/ĐU — Về thử nghiệm"));
  g_assert_nonnull (strstr (out, "≤ 1,5"));
}

static void
test_officers (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *person = NULL;
  g_autofree char *term = NULL;
  g_autoptr(SmtRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 pid, hn, key;
  const SmtOfficerRow *found = NULL;

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  ids = smt_people_query_ids (reg, &(SmtPeopleFilter) { .living_only = TRUE }, &error);
  g_assert_no_error (error);
  pid = g_array_index (ids, gint64, 0);
  person = g_strdup_printf ("%" G_GINT64_FORMAT, pid);
  hn = smt_organisation_lookup (reg, "ND");
  before = smt_settings_officers (reg, FALSE, &error);
  g_assert_no_error (error);
  g_clear_object (&reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "officer-add", f->path, person, "--org", "ND", "--role",
                        "deputy", "--from", "2025-11-01", "--political", "2",
                        "--professional", "4", NULL), ==, 0);
  key = key_in (out);
  g_assert_cmpint (smt_test_cli (&out, &err, "officer-add", f->path, person, "--role", "boss",
                        "--from", "2025-11-01", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "officer-add", f->path, person, "--political", "7",
                        "--from", "2025-11-01", NULL), ==, 1);

  reg = smt_register_open (f->path, &error);
  g_assert_no_error (error);
  after = smt_settings_officers (reg, FALSE, &error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    if (((const SmtOfficerRow *) g_ptr_array_index (after, i))->id == key)
      found = g_ptr_array_index (after, i);
  g_assert_nonnull (found);
  g_assert_cmpint (found->organisation_id, ==, hn);
  g_assert_cmpint (found->person_id, ==, pid);
  g_assert_cmpint (found->role, ==, SMT_OFFICER_DEPUTY);
  g_assert_cmpint (found->political_level, ==, 2);
  g_assert_cmpint (found->professional_level, ==, 4);
  g_assert_cmpstr (found->from_date, ==, "2025-11-01");
  g_clear_pointer (&after, g_ptr_array_unref);
  g_clear_object (&reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "officers", f->path, "--json", NULL), ==, 0);
  term = g_strdup_printf ("\"id\":%" G_GINT64_FORMAT ",", key);
  g_assert_nonnull (strstr (out, term));
  /* Ended before it began: refused. Then ended. */
  g_clear_pointer (&term, g_free);
  term = g_strdup_printf ("%" G_GINT64_FORMAT, key);
  g_assert_cmpint (smt_test_cli (&out, &err, "officer-end", f->path, term, "--date", "2025-01-01", NULL),
                   ==, 1);
  g_assert_cmpint (smt_test_cli (&out, &err, "officer-end", f->path, term, "--date", "2025-12-31",
                        "--reason", "Chuyển công tác", NULL), ==, 0);
  reg = smt_register_open (f->path, &error);
  after = smt_settings_officers (reg, FALSE, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = smt_settings_officers (reg, TRUE, &error);
  found = NULL;
  for (guint i = 0; i < after->len; i++)
    if (((const SmtOfficerRow *) g_ptr_array_index (after, i))->person_id == pid)
      found = g_ptr_array_index (after, i);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->to_date, ==, "2025-12-31");
  g_assert_cmpstr (found->reason, ==, "Chuyển công tác");
  g_assert_false (found->current);
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (smt_test_cli (&out, &err, "help", NULL), ==, 0);
  for (guint i = 0; i < 12; i++)
    {
      static const char *names[] = { "commune", "hamlets", "hamlet-add", "hamlet-rename",
                                     "hamlet-delete", "resolutions", "resolution-add",
                                     "resolution-edit", "target-set", "officers",
                                     "officer-add", "officer-end" };
      g_autofree char *line = g_strdup_printf ("somattran %s ", names[i]);

      g_assert_nonnull (strstr (out, line));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-settings/help", test_help);
  g_test_add ("/cli-settings/commune", Fixture, NULL, fixture_setup, test_commune,
              fixture_teardown);
  g_test_add ("/cli-settings/hamlets", Fixture, NULL, fixture_setup, test_hamlets,
              fixture_teardown);
  g_test_add ("/cli-settings/resolutions", Fixture, NULL, fixture_setup, test_resolutions,
              fixture_teardown);
  g_test_add ("/cli-settings/officers", Fixture, NULL, fixture_setup, test_officers,
              fixture_teardown);

  return g_test_run ();
}
