/* test-cli-ratings.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "smt-test-util.h"

/* somattran ratings, rate, scales and scale-use on a register of one
 * Phụ nữ branch and one member, Lan, admitted in 2010. */

typedef struct
{
  SmtTestRegister *t;
  char             lan[32];
  char             branch[32];
} World;

static void
world_setup (World         *w,
             gconstpointer  data)
{
  static const SmtPersonFields lan = { "Nguyễn", "Thị", "Lan", SMT_SEX_FEMALE, "1980-05-10",
                                       1980 };
  g_autoptr(GError) error = NULL;
  gint64 pn, hamlet, branch, person;
  SmtMembershipChange change = { .kind = SMT_EVENT_ADMITTED, .date = "2010-01-01" };

  w->t = smt_test_register_new ();
  pn = smt_organisation_lookup (w->t->reg, "PN");
  hamlet = smt_hamlet_add (w->t->reg, "Ấp 1", "ấp", &error);
  g_assert_no_error (error);
  branch = smt_branch_add (w->t->reg, pn, 0, "chi hội", "Chi hội Phụ nữ Ấp 1", &hamlet, 1,
                           "2000-01-01", &error);
  g_assert_no_error (error);
  person = smt_person_add (w->t->reg, &lan, &error);
  g_assert_no_error (error);
  change.person_id = person;
  change.organisation_id = pn;
  change.branch_id = branch;
  g_assert_cmpint (smt_membership_record (w->t->reg, &change, &error), !=, 0);
  g_assert_no_error (error);
  g_snprintf (w->lan, sizeof w->lan, "%" G_GINT64_FORMAT, person);
  g_snprintf (w->branch, sizeof w->branch, "%" G_GINT64_FORMAT, branch);
  /* The commands open the file themselves. */
  g_clear_object (&w->t->reg);
}

static void
world_teardown (World         *w,
                gconstpointer  data)
{
  smt_test_register_free (w->t);
}

static char *
sheet_json (World      *w,
            const char *target)
{
  char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (smt_test_cli (&out, &err, "ratings", w->t->path, "--year", "2024", "--org", "PN",
                        target, "--json", NULL), ==, 0);
  return out;
}

static void
test_rate_and_list (World         *w,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json = NULL;

  /* Not rated yet: one member, counted as not rated. */
  json = sheet_json (w, "--members");
  g_assert_nonnull (strstr (json, "\"name\":\"Nguyễn Thị Lan\""));
  g_assert_nonnull (strstr (json, "\"level\":null"));
  g_assert_nonnull (strstr (json, "\"not_rated\":1"));
  g_assert_nonnull (strstr (json, "\"scale\":{\"code\":\"NEW\""));
  g_clear_pointer (&json, g_free);

  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--person", w->lan, "httnv", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  json = sheet_json (w, "--members");
  g_assert_nonnull (strstr (json, "\"level\":\"HTTNV\""));
  g_assert_nonnull (strstr (json, "\"HTTNV\":1"));
  g_assert_nonnull (strstr (json, "\"not_rated\":0"));
  g_clear_pointer (&json, g_free);

  /* A change needs a reason; with it, the new level is current. */
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--person", w->lan, "HTXSNV", NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--person", w->lan, "HTXSNV", "--reason", "họp xét lại", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  json = sheet_json (w, "--members");
  g_assert_nonnull (strstr (json, "\"level\":\"HTXSNV\""));
  g_assert_nonnull (strstr (json, "\"HTXSNV\":1,\"HTTNV\":0"));
  g_clear_pointer (&json, g_free);

  /* Cleared: not rated again. */
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--person", w->lan, "--clear", "--reason", "chưa họp xét", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  json = sheet_json (w, "--members");
  g_assert_nonnull (strstr (json, "\"level\":null"));
  g_assert_nonnull (strstr (json, "\"not_rated\":1"));
  g_clear_pointer (&json, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--person", w->lan, "--clear", "--reason", "lần nữa", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A level of the old scale is refused for 2024; the branch takes HTNV. */
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--branch", w->branch, "VM", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "HTXSNV, HTTNV, HTNV, KHTNV"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--branch", w->branch, "HTNV", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  json = sheet_json (w, "--branches");
  g_assert_nonnull (strstr (json, "\"name\":\"Chi hội Phụ nữ Ấp 1\""));
  g_assert_nonnull (strstr (json, "\"HTNV\":1"));
  g_clear_pointer (&json, g_free);

  /* Usage errors. */
  g_assert_cmpint (smt_test_cli (&out, &err, "ratings", w->t->path, "--year", "2024", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "ratings", w->t->path, "--year", "2024", "--org", "PN",
                        "--members", "--branches", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "HTNV", NULL), ==, 2);
}

static void
test_scales (World         *w,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (smt_test_cli (&out, &err, "scales", w->t->path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "{\"code\":\"NEW\""));
  g_assert_nonnull (strstr (out, "\"uses\":[{\"from_year\":1990,\"to_year\":2022,"
                                 "\"organisation\":null,\"subject\":null}]"));
  g_assert_nonnull (strstr (out, "{\"code\":\"OLD_MEMBER\""));
  g_assert_nonnull (strstr (out, "\"uses\":[{\"from_year\":1990,\"to_year\":2022,"
                                 "\"organisation\":null,\"subject\":\"member\"}]"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* With a 2024 rating on the new scale, the old one cannot come back in
   * 2024 for Phụ nữ; from 2025 it can. */
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2024", "--org", "PN",
                        "--person", w->lan, "HTNV", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "scale-use", w->t->path, "OLD", "--from-year", "2024",
                        "--org", "PN", NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "scale-use", w->t->path, "OLD", "--from-year", "2025",
                        "--org", "PN", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "scales", w->t->path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "{\"from_year\":2025,\"to_year\":null,"
                                 "\"organisation\":\"Phụ nữ\",\"subject\":null}"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "scale-use", w->t->path, "NOPE", "--from-year", "2025",
                        NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A scale for one kind of subject: members of every organisation on the
   * members' old scale again from 2026; a word that is no subject is a
   * usage error. */
  g_assert_cmpint (smt_test_cli (&out, &err, "scale-use", w->t->path, "OLD_MEMBER", "--from-year",
                        "2026", "--subject", "member", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "scales", w->t->path, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "{\"from_year\":2026,\"to_year\":null,"
                                 "\"organisation\":null,\"subject\":\"member\"}"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "scales", w->t->path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "từ 2026, mọi tổ chức, đoàn viên, hội viên"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "scale-use", w->t->path, "NEW", "--from-year",
                        "2026", "--subject", "hamlet", NULL), ==, 2);
}

/* The organisations themselves: rated with --itself, listed with
 * --organisations. */
static void
test_organisations (World         *w,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2022", "--org", "PN",
                        "--itself", "VM", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2023", "--org", "PN",
                        "--itself", "HTTNV", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* --itself with a person is a usage error. */
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2023", "--org", "PN",
                        "--itself", "--person", w->lan, "HTTNV", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (smt_test_cli (&out, &err, "ratings", w->t->path, "--year", "2023",
                        "--organisations", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"target\":\"organisations\""));
  g_assert_nonnull (strstr (out, "\"name\":\"Hội Liên hiệp Phụ nữ Việt Nam\""));
  g_assert_nonnull (strstr (out, "\"level\":\"HTTNV\",\"previous\":\"VM\""));
  g_assert_nonnull (strstr (out, "\"HTTNV\":1"));
  g_assert_nonnull (strstr (out, "\"not_rated\":7"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Cleared with --itself --clear. */
  g_assert_cmpint (smt_test_cli (&out, &err, "rate", w->t->path, "--year", "2023", "--org", "PN",
                        "--itself", "--clear", "--reason", "nhập nhầm", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (smt_test_cli (&out, &err, "ratings", w->t->path, "--year", "2023",
                        "--organisations", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Hội Liên hiệp Phụ nữ Việt Nam"));
  g_assert_nonnull (strstr (out, "chưa xếp loại 8"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-ratings/rate-and-list", World, NULL, world_setup, test_rate_and_list,
              world_teardown);
  g_test_add ("/cli-ratings/organisations", World, NULL, world_setup, test_organisations,
              world_teardown);
  g_test_add ("/cli-ratings/scales", World, NULL, world_setup, test_scales, world_teardown);
  return g_test_run ();
}
