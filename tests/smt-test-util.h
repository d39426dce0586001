/* smt-test-util.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "core/smt-register.h"

/* A fresh register in a new temporary folder, "today" fixed at
 * 2026-06-30 so that date rules do not depend on when tests run.
 * Free with smt_test_register_free(). */
typedef struct
{
  char        *dir;
  char        *path;
  SmtRegister *reg;
} SmtTestRegister;

static inline void
smt_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        smt_test_rm_rf (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

static inline SmtTestRegister *
smt_test_register_new (void)
{
  SmtTestRegister *t = g_new0 (SmtTestRegister, 1);
  SmtCommuneFields commune = { .name = "Hòa Điền", .province = "Cần Thơ" };
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("smt-test-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "test.smt", NULL);
  t->reg = smt_register_create (t->path, &commune, 0x1234, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t->reg);
  smt_register_set_today (t->reg, "2026-06-30");
  return t;
}

static inline void
smt_test_register_free (SmtTestRegister *t)
{
  g_clear_object (&t->reg);
  smt_test_rm_rf (t->dir);
  g_free (t->dir);
  g_free (t->path);
  g_free (t);
}
