/* smt-locale.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets the locale so that messages come out in Vietnamese whatever the OS
 * locale is (gettext ignores LANGUAGE under the C locale), and binds the
 * message catalogue, from the build tree when run uninstalled. Call first. */
void        smt_locale_init     (void);

/* Where the catalogue was bound (for tests and diagnostics). */
const char *smt_locale_dir      (void);

/* The language chosen in Cài đặt for the next start, kept in state.ini:
 * "vi" or "en". */
char       *smt_locale_dup_language (void);
gboolean    smt_locale_set_language (const char  *code,
                                     GError     **error);

G_END_DECLS
