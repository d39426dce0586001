/* smt-test-util.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <stdarg.h>
#include <sys/wait.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "core/check/smt-check.h"
#include "core/register/smt-register.h"
#include "core/setup/smt-setup.h"

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
  t->reg = smt_setup_new_register (t->path, &commune, 0x1234, NULL, &error);
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

/* Runs the program of the build (SMT_EXE) with the arguments, NULL
 * terminated; its output and errors replace *out and *err. Returns its exit
 * status, -1 when it did not exit. */
static inline int
smt_test_cli (char **out,
              char **err,
              ...) G_GNUC_NULL_TERMINATED;

static inline int
smt_test_cli (char **out,
              char **err,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("SMT_EXE"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The content hash of the register at path (opened and closed again). */
static inline char *
smt_test_content_hash (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmtRegister) reg = smt_register_open (path, &error);
  char *hash;

  g_assert_no_error (error);
  hash = smt_register_content_hash (reg, &error);
  g_assert_no_error (error);
  return hash;
}
