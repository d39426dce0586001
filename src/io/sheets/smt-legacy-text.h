/* smt-legacy-text.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "smt-sheet.h"

G_BEGIN_DECLS

/* Vietnamese text typed before Unicode: TCVN3 (ABC, fonts .VnTime …),
 * VNI-Windows (fonts VNI-Times …) and Windows-1258, turned into NFC UTF-8.
 *
 * The input is text as SmtSheet stores it (smt-sheet.h): every legacy byte
 * appears as its Windows-1252 character, the five bytes 1252 leaves
 * undefined as U+0081, U+008D, U+008F, U+0090, U+009D (and any other C1
 * control U+0080–U+009F as its own byte, for text read as Latin-1). */

typedef enum {
  SMT_ENCODING_UNICODE = 0,  /* the text is already Unicode: NFC only */
  SMT_ENCODING_TCVN3,        /* TCVN 5712:1993 VN3 (ABC), fonts .VnTime … */
  SMT_ENCODING_VNI,          /* VNI-Windows, fonts VNI-Times … */
  SMT_ENCODING_CP1258,       /* Windows-1258 (tones as combining marks) */
  SMT_ENCODING_TCVN3_CAPS,   /* TCVN3 in a capitals font (.VnTimeH …): the
                              * same bytes, every letter shown upper case */
  SMT_N_ENCODINGS
} SmtTextEncoding;

/* "utf-8", "tcvn3", "vni", "cp1258", "tcvn3-caps": the names of the command
 * line's --encoding and of remembered choices. */
const char      *smt_text_encoding_to_string   (SmtTextEncoding  enc);
/* Also accepts "unicode", "utf8", "windows-1258", "abc", "vni-windows", any
 * case. FALSE (and *enc untouched) for an unknown name or NULL. */
gboolean         smt_text_encoding_from_string (const char      *name,
                                                SmtTextEncoding *enc);
/* Translated label for the window ("TCVN3 (ABC, .VnTime)" …). */
const char      *smt_text_encoding_label       (SmtTextEncoding  enc);

/* TRUE for a font whose text is TCVN3 in capitals: a .Vn font whose name
 * ends in H (".VnTimeH", ".VnArialH"). */
gboolean         smt_legacy_font_is_tcvn3_caps (const char      *font_name);

/* Decodes text (as SmtSheet stores it) from enc into NFC UTF-8.
 * Characters that no legacy byte gives (above U+00FF and not one of 1252's
 * characters of 0x80–0x9F) pass unchanged. Invalid UTF-8 in text is taken
 * as raw bytes of the legacy encoding (each byte of a broken sequence is
 * one legacy byte), so the result is always valid NFC UTF-8 and never
 * NULL; a NUL ends the text. */
char            *smt_legacy_text_decode        (const char      *text,
                                                SmtTextEncoding  enc);

/* TRUE if text holds a character that no legacy byte gives (so it is
 * Unicode for sure, whatever its font says); FALSE for ASCII. */
gboolean         smt_legacy_text_is_unicode_only (const char    *text);

/* What one pass over text finds (smt_legacy_text_scan). */
typedef enum {
  SMT_LEGACY_SCAN_NON_ASCII    = 1 << 0,  /* some byte above 0x7F */
  SMT_LEGACY_SCAN_UNICODE_ONLY = 1 << 1,  /* a character no legacy byte gives */
  SMT_LEGACY_SCAN_INVALID      = 1 << 2,  /* invalid UTF-8 */
  SMT_LEGACY_SCAN_NOT_NFC      = 1 << 3,  /* may not be NFC as it is */
} SmtLegacyScan;

/* SmtLegacyScan flags of text; 0 for ASCII. Without NOT_NFC, the text is
 * valid UTF-8 in NFC, and decoding it as Unicode leaves it unchanged. */
guint            smt_legacy_text_scan          (const char      *text);

/* TRUE if text is plain ASCII (every decoding leaves it as it is). */
gboolean         smt_legacy_text_is_ascii      (const char      *text);

/* The share (0–1) of the words of utf8 that are valid Vietnamese
 * syllables: onset, rhyme, at most one tone on the right vowel (old and
 * new placements, "hòa" and "hoà"), only sắc or nặng before c, ch, p, t.
 * Words made only of ASCII letters are neutral (not counted), so every
 * decoding of ASCII text scores the same. Returns -1 when no word counts. */
double           smt_legacy_text_score         (const char      *utf8);

/* Same, as counts: adds to *valid and *counted. */
void             smt_legacy_text_score_counts  (const char      *utf8,
                                                guint           *valid,
                                                guint           *counted);

/* Guesses the encoding of a column of texts (as SmtSheet stores them).
 * - hint_majority TCVN3 or VNI (the cells' font): that encoding.
 * - Texts that are plain ASCII, or a column without any: UNICODE.
 * - hint_majority 8BIT (an 8-bit text file): the best score of CP1258,
 *   TCVN3 and VNI (ties in that order).
 * - hint_majority NONE (Unicode): UNICODE, unless decoding as TCVN3 or VNI
 *   scores much better (text typed with a .VnTime or VNI font whose font
 *   the file lost): then that one.
 * At most the first 400 texts holding non-ASCII characters are scored.
 * confidence (may be NULL): the share of valid syllables under the choice
 * (1 when a font decides or every text is ASCII). */
SmtTextEncoding  smt_legacy_text_guess         (const char *const *texts,
                                                guint             n,
                                                SmtTextHint       hint_majority,
                                                double           *confidence);

G_END_DECLS
