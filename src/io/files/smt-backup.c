/* smt-backup.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>

#include "core/register/smt-register-private.h"
#include "smt-atomic-file.h"
#include "smt-backup.h"

gboolean
smt_backup_write (SmtRegister  *reg,
                  const char   *dest_path,
                  GError      **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  display = g_filename_display_name (dest_path);
  if (g_file_test (dest_path, G_FILE_TEST_EXISTS))
    return smt_fail (error, SMT_REGISTER_ERROR_EXISTS,
                     _("“%s” already exists and was left as it is. Choose another file name."),
                     display);

  tmp_path = smt_atomic_file_temp_path (dest_path);
  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      sqlite3_close_v2 (dest);
      smt_atomic_file_abandon (tmp_path);
      return smt_fail (error, SMT_REGISTER_ERROR_OPEN,
                       _("Cannot write the copy “%s”. Choose a folder you can write to."),
                       display);
    }
  backup = sqlite3_backup_init (dest, "main", smt_register_get_db (reg), "main");
  rc = backup ? sqlite3_backup_step (backup, -1) : sqlite3_errcode (dest);
  if (backup)
    sqlite3_backup_finish (backup);
  /* A copy travels as one file: no -wal beside it. */
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      smt_atomic_file_abandon (tmp_path);
      return smt_fail (error, SMT_REGISTER_ERROR_DATABASE,
                       _("The copy “%s” could not be written (%s); nothing was left behind. "
                         "Check the free space and try again."), display, sqlite3_errstr (rc));
    }
  return smt_atomic_file_commit (tmp_path, dest_path, error);
}
