/* smt-atomic-file.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#ifdef G_OS_WIN32
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

#include "smt-atomic-file.h"

char *
smt_atomic_file_temp_path (const char *dest)
{
  char *tmp;

  g_return_val_if_fail (dest != NULL, NULL);
  tmp = g_strdup_printf ("%s.part-%d", dest, (int) getpid ());
  g_unlink (tmp);
  return tmp;
}

gboolean
smt_atomic_file_commit (const char  *tmp,
                        const char  *dest,
                        GError     **error)
{
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (tmp != NULL && dest != NULL, FALSE);

  /* g_file_move replaces atomically on POSIX and with MoveFileEx on
   * Windows, where a file open in Excel makes it fail instead. */
  from = g_file_new_for_path (tmp);
  to = g_file_new_for_path (dest);
  if (g_file_move (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                   NULL, NULL, NULL, &local))
    return TRUE;

  g_unlink (tmp);
  display = g_filename_display_name (dest);
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_BUSY)
      || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, G_IO_ERROR, local->code,
                 _("Cannot write “%s”: the file is open in another program or read-only. "
                   "Close it there (for example in Excel) and try again."), display);
  else
    g_set_error (error, G_IO_ERROR, local->code,
                 _("Cannot write “%s” (%s). Choose another folder and try again."),
                 display, local->message);
  return FALSE;
}

void
smt_atomic_file_abandon (const char *tmp)
{
  if (tmp != NULL)
    g_unlink (tmp);
}
