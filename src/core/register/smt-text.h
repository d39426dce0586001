/* smt-text.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text as the register stores it: NFC, folded for search, ICU "vi" sort keys. */

/* NFC form of UTF-8 text, trimmed of surrounding white space and with runs
 * of spaces collapsed. NULL if text is not valid UTF-8. */
char       *smt_text_normalize       (const char *text);

/* Search form: NFD, combining marks dropped, đ→d, lower case, runs of
 * white space collapsed. "Nguyễn Văn Ân" → "nguyen van an". */
char       *smt_text_fold            (const char *text);

/* ICU "vi" collation sort key of text (binary, compare with memcmp). */
GBytes     *smt_text_sort_key        (const char *text);

/* Version of the collator in use, "153.112.40.0"-like; stored in the
 * register so that keys are rebuilt when ICU changes. */
const char *smt_text_collator_version (void);

/* Compares two names the Vietnamese way: by tên, then chữ lót, then họ. */
int         smt_text_compare_names   (const char *ho_a,
                                      const char *lot_a,
                                      const char *ten_a,
                                      const char *ho_b,
                                      const char *lot_b,
                                      const char *ten_b);

/* Splits a full name "Nguyễn Thị Mỹ Lệ" into họ, chữ lót, tên. */
void        smt_text_split_name      (const char *full,
                                      char      **ho,
                                      char      **chu_lot,
                                      char      **ten);

G_END_DECLS
