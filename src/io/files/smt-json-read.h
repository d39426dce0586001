/* smt-json-read.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small JSON reader (GLib's JSON library is not among the program's
 * dependencies): the text becomes a GVariant tree that GLib's own
 * functions walk. An object is "a{sv}" (keys in the file's order; a key
 * given twice keeps both, g_variant_lookup finds the first), an array
 * "av", a string "s", a number "d", true/false "b", null an empty "mv".
 * Strict JSON (RFC 8259) apart from two tolerances for hand-edited files:
 * a byte order mark at the start, and a comma before a closing bracket.
 * Nesting deeper than 64 levels is refused. */
GVariant *smt_json_parse (const char  *text,
                          gssize       length,
                          GError     **error);

G_END_DECLS
