/* test-cli-balance.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/indicators/smt-balance.h"
#include "core/organisations/smt-organisation-query.h"
#include "core/organisations/smt-restructure.h"
#include "core/register/smt-locale.h"
#include "smt-test-util.h"

/* somattran balance, restructure, restructures, restructure-void on a
 * demo of 600 people, against the core's own answers. */

static char *demo_path;

static const char *
demo (void)
{
  if (demo_path == NULL)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *dir = g_dir_make_tmp ("smt-cli-balance-XXXXXX", NULL);

      demo_path = g_build_filename (dir, "demo.smt", NULL);
      g_assert_cmpint (smt_test_cli (&out, &err, "demo", demo_path, "--people", "600",
                                     "--seed", "3", NULL), ==, 0);
    }
  return demo_path;
}

static SmtRegister *
open_demo (void)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (demo (), &error);

  g_assert_no_error (error);
  return reg;
}

/* The JSON object of a row, as the command must write it: exactly these
 * keys, in this order (imported: the memberships a member list brought in,
 * smt-import-plan.h). */
static char *
row_json (const SmtBalanceRow *row)
{
  g_autofree char *hamlet = row->hamlet != NULL ? g_strdup_printf ("\"%s\"", row->hamlet)
                                                : g_strdup ("null");

  return g_strdup_printf ("{\"organisation\":\"%s\",\"hamlet\":%s,\"start\":%u,\"end\":%u,"
                          "\"increases\":{\"admitted\":%u,\"transferred_in\":%u,"
                          "\"moved_in\":%u,\"imported\":%u},"
                          "\"decreases\":{\"transferred_out\":%u,\"left\":%u,\"deceased\":%u,"
                          "\"moved_out\":%u}}",
                          row->organisation, hamlet, row->start, row->end,
                          row->increases[SMT_BALANCE_ADMITTED],
                          row->increases[SMT_BALANCE_TRANSFERRED_IN],
                          row->increases[SMT_BALANCE_MOVED_IN],
                          row->increases[SMT_BALANCE_IMPORTED],
                          row->decreases[SMT_BALANCE_TRANSFERRED_OUT],
                          row->decreases[SMT_BALANCE_LEFT],
                          row->decreases[SMT_BALANCE_DECEASED],
                          row->decreases[SMT_BALANCE_MOVED_OUT]);
}

static guint
count_text (const char *text,
            const char *part)
{
  guint n = 0;

  for (const char *p = strstr (text, part); p != NULL; p = strstr (p + 1, part))
    n++;
  return n;
}

/* --json: one object per organisation for the commune and per
 * organisation × hamlet, each with the core's figures; the text form has
 * the same lines, organisation by organisation. */
static void
test_balance (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtPeriod) period = smt_period_parse ("2025-Q2", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) hamlets = NULL;
  SmtRegister *reg = open_demo ();
  guint expected = 0;

  rows = smt_balance_compute (reg, period, 0, &error);
  g_assert_no_error (error);
  organisations = smt_organisations_list (reg, &error);
  g_assert_no_error (error);
  hamlets = smt_hamlets_list (reg, &error);
  g_assert_no_error (error);
  g_object_unref (reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "balance", demo (), "--period", "2025-Q2",
                                 "--json", NULL), ==, 0);
  g_assert_cmpint (out[0], ==, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtBalanceRow *row = g_ptr_array_index (rows, i);
      g_autofree char *object = row_json (row);

      if (row->hamlet_id == SMT_BALANCE_NO_HAMLET)
        continue;
      expected++;
      if (strstr (out, object) == NULL)
        g_error ("not in the output: %s", object);
    }
  g_assert_cmpuint (expected, ==, organisations->len * (hamlets->len + 1));
  g_assert_cmpuint (count_text (out, "{\"organisation\":"), ==, expected);
  g_assert_cmpuint (count_text (out, "\"hamlet\":null"), ==, organisations->len);

  /* One organisation, as text: its commune line closes. */
  g_assert_cmpint (smt_test_cli (&out, &err, "balance", demo (), "--period", "2025-Q2",
                                 "--org", "PN", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Phụ nữ\n"));
  g_assert_null (strstr (out, "Nông dân\n"));
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtBalanceRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->organisation, "PN") == 0 && row->hamlet_id == 0)
        {
          g_autofree char *line = g_strdup_printf (" + %u − %u = ",
                                                   smt_balance_row_increased (row),
                                                   smt_balance_row_decreased (row));

          g_assert_nonnull (strstr (out, line));
          g_assert_nonnull (strstr (out, "Toàn xã"));
        }
    }

  g_assert_cmpint (smt_test_cli (&out, &err, "balance", demo (), "--period", "2025-Q2",
                                 "--org", "XX", NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "balance", demo (), NULL), ==, 2);
}

/* The demo's tổ hội were filled by restructures; a new one moves a chi
 * hội's members as one act, which the journal shows as its own kind and
 * undo voids; a refusal writes nothing. */
static void
test_restructure (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *id = NULL;
  g_autofree char *moved = NULL;
  const SmtBranchInfo *chi = NULL;
  SmtRegister *reg = open_demo ();
  gint64 pn = smt_organisation_lookup (reg, "PN");

  before = smt_restructures_list (reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >, 0);

  /* A chi hội of PN with its own members on 01/11/2026. */
  branches = smt_branches_list (reg, pn, "2026-11-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len && chi == NULL; i++)
    {
      const SmtBranchInfo *b = g_ptr_array_index (branches, i);

      if (g_strcmp0 (b->kind, "chi hội") != 0)
        continue;
      members = smt_restructure_members (reg, b->id, "2026-11-01", &error);
      g_assert_no_error (error);
      if (members->len >= 2)
        chi = b;
      else
        g_clear_pointer (&members, g_ptr_array_unref);
    }
  g_assert_nonnull (chi);
  from = g_strdup_printf ("%" G_GINT64_FORMAT, chi->id);
  moved = g_strdup_printf ("%u", members->len);
  g_object_unref (reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "restructures", demo (), "--json", NULL), ==, 0);
  g_assert_cmpuint (count_text (out, "\"moved\":"), ==, before->len);
  g_assert_cmpint (smt_test_cli (&out, &err, "restructures", demo (), "--org", "PN", NULL), ==,
                   0);
  g_assert_nonnull (strstr (out, "Tổ hội"));

  g_assert_cmpint (smt_test_cli (&out, &err, "branch-add", demo (), "PN", "tổ hội",
                                 "Tổ hội thử nghiệm", "--parent", from, "--founded",
                                 "2026-11-01", NULL), ==, 0);
  reg = open_demo ();
  g_clear_pointer (&branches, g_ptr_array_unref);
  branches = smt_branches_list (reg, pn, "2026-11-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < branches->len && to == NULL; i++)
    if (g_strcmp0 (((SmtBranchInfo *) g_ptr_array_index (branches, i))->name,
                   "Tổ hội thử nghiệm") == 0)
      to = g_strdup_printf ("%" G_GINT64_FORMAT,
                            ((SmtBranchInfo *) g_ptr_array_index (branches, i))->id);
  g_object_unref (reg);
  g_assert_nonnull (to);

  /* Refused: a key that is no member; nothing written. */
  g_assert_cmpint (smt_test_cli (&out, &err, "restructure", demo (), "--to", to, "--date",
                                 "2026-11-01", "1", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "Lỗi"));
  g_assert_cmpint (smt_test_cli (&out, &err, "restructure", demo (), "--to", to, "--date",
                                 "2026-11-01", "--from", from, "5", NULL), ==, 2);
  reg = open_demo ();
  g_clear_pointer (&branches, g_ptr_array_unref);
  branches = smt_restructures_list (reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (branches->len, ==, before->len);
  g_object_unref (reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "restructure", demo (), "--to", to, "--date",
                                 "2026-11-01", "--from", from, "--reason",
                                 "Thành lập tổ hội", NULL), ==, 0);
  g_assert_nonnull (strstr (out, moved));

  reg = open_demo ();
  g_clear_pointer (&branches, g_ptr_array_unref);
  branches = smt_restructures_list (reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (branches->len, ==, before->len + 1);
  id = g_strdup_printf ("%" G_GINT64_FORMAT,
                        ((SmtRestructureInfo *) g_ptr_array_index (branches, 0))->id);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (branches, 0))->moved, ==,
                    members->len);
  g_object_unref (reg);

  g_assert_cmpint (smt_test_cli (&out, &err, "events", demo (), "--month", "2026-11", "--kind",
                                 "restructured", "--json", NULL), ==, 0);
  {
    g_autofree char *key = g_strdup_printf ("\"restructure_id\":%s}", id);

    g_assert_cmpuint (count_text (out, key), ==, members->len);
    g_assert_cmpuint (count_text (out, "{\"id\":"), ==, members->len);
  }
  g_assert_cmpint (smt_test_cli (&out, &err, "events", demo (), "--month", "2026-11", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Sắp xếp tổ chức"));

  g_assert_cmpint (smt_test_cli (&out, &err, "restructure-void", demo (), id, NULL), ==, 2);
  g_assert_cmpint (smt_test_cli (&out, &err, "restructure-void", demo (), id, "--reason",
                                 "Nhập nhầm", NULL), ==, 0);
  reg = open_demo ();
  g_clear_pointer (&branches, g_ptr_array_unref);
  branches = smt_restructures_list (reg, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (branches, 0))->moved, ==, 0);
  g_assert_cmpuint (((SmtRestructureInfo *) g_ptr_array_index (branches, 0))->voided, ==,
                    members->len);
  g_object_unref (reg);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/cli-balance/balance", test_balance);
  g_test_add_func ("/cli-balance/restructure", test_restructure);
  status = g_test_run ();
  if (demo_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (demo_path);

      smt_test_rm_rf (dir);
      g_clear_pointer (&demo_path, g_free);
    }
  return status;
}
