/* smt-json.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small JSON writer for the command line's --json output: values are
 * appended to a GString; numbers always use '.' whatever the locale. */

void smt_json_string (GString    *out,
                      const char *text);   /* NULL writes null */
void smt_json_number (GString    *out,
                      double      value);  /* not finite writes null */
void smt_json_int    (GString    *out,
                      gint64      value);
/* "key": — with a comma before it unless first */
void smt_json_key    (GString    *out,
                      const char *key,
                      gboolean    first);

G_END_DECLS
