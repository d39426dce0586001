/* smt-format.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers the Vietnamese way whatever the C locale: 437.388 · 52,7 %. */

char *smt_format_int     (gint64 value);
/* decimals: at most that many, trailing zeros dropped ("52,7 %", "100 %"). */
char *smt_format_percent (double value,
                          int    decimals);
char *smt_format_decimal (double value,
                          int    decimals);
/* "1,2 MB", "356 kB" */
char *smt_format_size    (guint64 bytes);

G_END_DECLS
