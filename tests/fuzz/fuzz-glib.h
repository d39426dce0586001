/* fuzz-glib.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* Shared by the fuzz targets: a GLib critical (a g_return_if_fail that
 * failed, in our code or a library's) aborts, so that libFuzzer keeps the
 * input (with G_DEBUG=fatal-criticals GLib raises SIGTRAP, which libFuzzer
 * does not catch); warnings, which libraries print for damaged files, are
 * dropped. G_DEBUG's fatal flags are cleared so that the replay in the
 * test suite judges the same way.
 *
 * One critical is known and allowed: libgsf 1.14.50 (Debian 12), opening a
 * zip member whose DOS date is impossible, unrefs the NULL GDateTime it got
 * for it; the member opens without a date, nothing else happens. The
 * reader mends every date its walk of the zip's directory reaches
 * (smt-workbook.c, zip_with_valid_dates), but libgsf reads damaged
 * directories further than that walk, so the fuzzer can still get there. */

#pragma once

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);

static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      const char *message = "";

      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
          message = fields[i].value;
      if ((log_level & G_LOG_LEVEL_CRITICAL)
          && g_str_has_prefix (message, "g_date_time_unref: assertion 'datetime != NULL'"))
        return G_LOG_WRITER_HANDLED;
      fprintf (stderr, "fuzz: critical: %s\n", message);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  return 0;
}
