/* smt-name-split.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Names as member lists write them, split for the register.
 *
 * The last word is the tên, the first the họ, the words between the chữ
 * lót; except that a well-known compound family name ("Tôn Nữ", "Tôn
 * Thất", "Âu Dương", "Công Tằng Tôn Nữ", "Nguyễn Phúc", "Hoàng Phủ" …)
 * is the họ whole when words remain for the tên. The text is normalized
 * first (NFC, spaces collapsed). Returns FALSE when the name has fewer than
 * two words: then ho is NULL and ten holds the one word (or NULL), for the
 * caller to report rather than guess. chu_lot is NULL when there is none. */
gboolean  smt_name_split      (const char  *full,
                               char       **ho,
                               char       **chu_lot,
                               char       **ten);

/* Splits "họ và chữ lót" written in one cell (the tên is in another):
 * the họ as above, the rest the chữ lót (NULL when none). FALSE when the
 * text is empty. */
gboolean  smt_name_split_ho   (const char  *ho_chu_lot,
                               char       **ho,
                               char       **chu_lot);

/* A name written in capitals ("NGUYỄN VĂN AN") in proper case ("Nguyễn Văn
 * An"); any other name is returned as written. NFC, spaces collapsed. */
char     *smt_name_fix_case   (const char  *name);

G_END_DECLS
