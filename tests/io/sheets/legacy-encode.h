/* legacy-encode.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* An encoder into TCVN3, VNI and Windows-1258 for the tests, written from
 * the published code pages as literal (letter, bytes) pairs, apart from
 * the decoder it checks; and the way a sheet stores the bytes (each byte
 * as its Windows-1252 character). */

#pragma once

#include <glib.h>
#include <string.h>

typedef struct {
  const char *letter;
  const char *bytes;
} LegacyPair;

/* TCVN3 (ABC): lower-case letters with tones; capitals without tone. */
static const LegacyPair tcvn3_pairs[] = {
  { "à", "\xB5" }, { "ả", "\xB6" }, { "ã", "\xB7" }, { "á", "\xB8" }, { "ạ", "\xB9" },
  { "ă", "\xA8" }, { "ằ", "\xBB" }, { "ẳ", "\xBC" }, { "ẵ", "\xBD" }, { "ắ", "\xBE" },
  { "ặ", "\xC6" },
  { "â", "\xA9" }, { "ầ", "\xC7" }, { "ẩ", "\xC8" }, { "ẫ", "\xC9" }, { "ấ", "\xCA" },
  { "ậ", "\xCB" },
  { "è", "\xCC" }, { "ẻ", "\xCE" }, { "ẽ", "\xCF" }, { "é", "\xD0" }, { "ẹ", "\xD1" },
  { "ê", "\xAA" }, { "ề", "\xD2" }, { "ể", "\xD3" }, { "ễ", "\xD4" }, { "ế", "\xD5" },
  { "ệ", "\xD6" },
  { "ì", "\xD7" }, { "ỉ", "\xD8" }, { "ĩ", "\xDC" }, { "í", "\xDD" }, { "ị", "\xDE" },
  { "ò", "\xDF" }, { "ỏ", "\xE1" }, { "õ", "\xE2" }, { "ó", "\xE3" }, { "ọ", "\xE4" },
  { "ô", "\xAB" }, { "ồ", "\xE5" }, { "ổ", "\xE6" }, { "ỗ", "\xE7" }, { "ố", "\xE8" },
  { "ộ", "\xE9" },
  { "ơ", "\xAC" }, { "ờ", "\xEA" }, { "ở", "\xEB" }, { "ỡ", "\xEC" }, { "ớ", "\xED" },
  { "ợ", "\xEE" },
  { "ù", "\xEF" }, { "ủ", "\xF1" }, { "ũ", "\xF2" }, { "ú", "\xF3" }, { "ụ", "\xF4" },
  { "ư", "\xAD" }, { "ừ", "\xF5" }, { "ử", "\xF6" }, { "ữ", "\xF7" }, { "ứ", "\xF8" },
  { "ự", "\xF9" },
  { "ỳ", "\xFA" }, { "ỷ", "\xFB" }, { "ỹ", "\xFC" }, { "ý", "\xFD" }, { "ỵ", "\xFE" },
  { "đ", "\xAE" },
  { "Ă", "\xA1" }, { "Â", "\xA2" }, { "Ê", "\xA3" }, { "Ô", "\xA4" }, { "Ơ", "\xA5" },
  { "Ư", "\xA6" }, { "Đ", "\xA7" },
};

/* VNI-Windows: the base letter, then one byte for its marks. */
static const LegacyPair vni_pairs[] = {
  { "à", "a\xF8" }, { "á", "a\xF9" }, { "ả", "a\xFB" }, { "ã", "a\xF5" }, { "ạ", "a\xEF" },
  { "â", "a\xE2" }, { "ầ", "a\xE0" }, { "ấ", "a\xE1" }, { "ẩ", "a\xE5" }, { "ẫ", "a\xE3" },
  { "ậ", "a\xE4" },
  { "ă", "a\xEA" }, { "ằ", "a\xE8" }, { "ắ", "a\xE9" }, { "ẳ", "a\xFA" }, { "ẵ", "a\xFC" },
  { "ặ", "a\xEB" },
  { "è", "e\xF8" }, { "é", "e\xF9" }, { "ẻ", "e\xFB" }, { "ẽ", "e\xF5" }, { "ẹ", "e\xEF" },
  { "ê", "e\xE2" }, { "ề", "e\xE0" }, { "ế", "e\xE1" }, { "ể", "e\xE5" }, { "ễ", "e\xE3" },
  { "ệ", "e\xE4" },
  { "ì", "\xEC" }, { "í", "\xED" }, { "ỉ", "\xE6" }, { "ĩ", "\xF3" }, { "ị", "\xF2" },
  { "ò", "o\xF8" }, { "ó", "o\xF9" }, { "ỏ", "o\xFB" }, { "õ", "o\xF5" }, { "ọ", "o\xEF" },
  { "ô", "o\xE2" }, { "ồ", "o\xE0" }, { "ố", "o\xE1" }, { "ổ", "o\xE5" }, { "ỗ", "o\xE3" },
  { "ộ", "o\xE4" },
  { "ơ", "\xF4" }, { "ờ", "\xF4\xF8" }, { "ớ", "\xF4\xF9" }, { "ở", "\xF4\xFB" },
  { "ỡ", "\xF4\xF5" }, { "ợ", "\xF4\xEF" },
  { "ù", "u\xF8" }, { "ú", "u\xF9" }, { "ủ", "u\xFB" }, { "ũ", "u\xF5" }, { "ụ", "u\xEF" },
  { "ư", "\xF6" }, { "ừ", "\xF6\xF8" }, { "ứ", "\xF6\xF9" }, { "ử", "\xF6\xFB" },
  { "ữ", "\xF6\xF5" }, { "ự", "\xF6\xEF" },
  { "ỳ", "y\xF8" }, { "ý", "y\xF9" }, { "ỷ", "y\xFB" }, { "ỹ", "y\xF5" }, { "ỵ", "\xEE" },
  { "đ", "\xF1" },
  { "À", "A\xD8" }, { "Á", "A\xD9" }, { "Ả", "A\xDB" }, { "Ã", "A\xD5" }, { "Ạ", "A\xCF" },
  { "Â", "A\xC2" }, { "Ầ", "A\xC0" }, { "Ấ", "A\xC1" }, { "Ẩ", "A\xC5" }, { "Ẫ", "A\xC3" },
  { "Ậ", "A\xC4" },
  { "Ă", "A\xCA" }, { "Ằ", "A\xC8" }, { "Ắ", "A\xC9" }, { "Ẳ", "A\xDA" }, { "Ẵ", "A\xDC" },
  { "Ặ", "A\xCB" },
  { "È", "E\xD8" }, { "É", "E\xD9" }, { "Ẻ", "E\xDB" }, { "Ẽ", "E\xD5" }, { "Ẹ", "E\xCF" },
  { "Ê", "E\xC2" }, { "Ề", "E\xC0" }, { "Ế", "E\xC1" }, { "Ể", "E\xC5" }, { "Ễ", "E\xC3" },
  { "Ệ", "E\xC4" },
  { "Ì", "\xCC" }, { "Í", "\xCD" }, { "Ỉ", "\xC6" }, { "Ĩ", "\xD3" }, { "Ị", "\xD2" },
  { "Ò", "O\xD8" }, { "Ó", "O\xD9" }, { "Ỏ", "O\xDB" }, { "Õ", "O\xD5" }, { "Ọ", "O\xCF" },
  { "Ô", "O\xC2" }, { "Ồ", "O\xC0" }, { "Ố", "O\xC1" }, { "Ổ", "O\xC5" }, { "Ỗ", "O\xC3" },
  { "Ộ", "O\xC4" },
  { "Ơ", "\xD4" }, { "Ờ", "\xD4\xD8" }, { "Ớ", "\xD4\xD9" }, { "Ở", "\xD4\xDB" },
  { "Ỡ", "\xD4\xD5" }, { "Ợ", "\xD4\xCF" },
  { "Ù", "U\xD8" }, { "Ú", "U\xD9" }, { "Ủ", "U\xDB" }, { "Ũ", "U\xD5" }, { "Ụ", "U\xCF" },
  { "Ư", "\xD6" }, { "Ừ", "\xD6\xD8" }, { "Ứ", "\xD6\xD9" }, { "Ử", "\xD6\xDB" },
  { "Ữ", "\xD6\xD5" }, { "Ự", "\xD6\xCF" },
  { "Ỳ", "Y\xD8" }, { "Ý", "Y\xD9" }, { "Ỷ", "Y\xDB" }, { "Ỹ", "Y\xD5" }, { "Ỵ", "\xCE" },
  { "Đ", "\xD1" },
};

/* Windows-1258: letters with their vowel mark, then the tone as a
 * combining byte (the form Windows writes for toned letters that 1258
 * lacks; the decoder must also take the precomposed à, á … of 1258). */
static const LegacyPair cp1258_bases[] = {
  { "ă", "\xE3" }, { "â", "\xE2" }, { "ê", "\xEA" }, { "ô", "\xF4" }, { "ơ", "\xF5" },
  { "ư", "\xFD" }, { "đ", "\xF0" },
  { "Ă", "\xC3" }, { "Â", "\xC2" }, { "Ê", "\xCA" }, { "Ô", "\xD4" }, { "Ơ", "\xD5" },
  { "Ư", "\xDD" }, { "Đ", "\xD0" },
};
/* grave, acute, hook above, tilde, dot below */
static const LegacyPair cp1258_tones[] = {
  { "\xCC\x80", "\xCC" }, { "\xCC\x81", "\xEC" }, { "\xCC\x89", "\xD2" },
  { "\xCC\x83", "\xDE" }, { "\xCC\xA3", "\xF2" },
};

/* Windows-1252's characters for 0x80–0x9F, the undefined five as C1. */
static const char *const test_cp1252_high[32] = {
  "€", "\xC2\x81", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "\xC2\x8D", "Ž",
  "\xC2\x8F", "\xC2\x90", "‘", "’", "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ",
  "\xC2\x9D", "ž", "Ÿ",
};

/* Bytes as a sheet stores them. */
static char *
legacy_bytes_to_sheet_text (const char *bytes)
{
  GString *s = g_string_new (NULL);

  for (const guchar *p = (const guchar *) bytes; *p != '\0'; p++)
    {
      if (*p < 0x80)
        g_string_append_c (s, (char) *p);
      else if (*p < 0xA0)
        g_string_append (s, test_cp1252_high[*p - 0x80]);
      else
        g_string_append_unichar (s, *p);
    }
  return g_string_free (s, FALSE);
}

static const char *
find_pair (const LegacyPair *pairs,
           guint             n,
           const char       *letter,
           gsize             len)
{
  for (guint i = 0; i < n; i++)
    if (strlen (pairs[i].letter) == len && memcmp (pairs[i].letter, letter, len) == 0)
      return pairs[i].bytes;
  return NULL;
}

typedef enum { ENC_TCVN3, ENC_VNI, ENC_CP1258 } TestEncoding;

/* text (UTF-8) in the legacy encoding, as raw bytes; NULL if a letter has
 * no encoding there (a toned capital in TCVN3). */
static char *
legacy_encode_bytes (const char   *text,
                     TestEncoding  enc)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);

  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize len = (gsize) (g_utf8_next_char (p) - p);
      const char *bytes = NULL;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, *p);
          continue;
        }
      /* Punctuation of 1252 (–, “ …) keeps its byte in every encoding. */
      for (guint k = 0; k < G_N_ELEMENTS (test_cp1252_high); k++)
        if (strlen (test_cp1252_high[k]) == len && memcmp (test_cp1252_high[k], p, len) == 0)
          {
            g_string_append_c (out, (char) (0x80 + k));
            bytes = "";
          }
      if (bytes != NULL)
        continue;
      if (enc == ENC_TCVN3)
        bytes = find_pair (tcvn3_pairs, G_N_ELEMENTS (tcvn3_pairs), p, len);
      else if (enc == ENC_VNI)
        bytes = find_pair (vni_pairs, G_N_ELEMENTS (vni_pairs), p, len);
      else
        {
          /* Split into the letter with its vowel mark and the tone. */
          g_autofree char *nfd = g_utf8_normalize (p, (gssize) len, G_NORMALIZE_NFD);
          GString *letter = g_string_new (NULL);
          const char *tone = NULL;

          for (const char *q = nfd; *q != '\0'; q = g_utf8_next_char (q))
            {
              gsize qlen = (gsize) (g_utf8_next_char (q) - q);
              const char *t = find_pair (cp1258_tones, G_N_ELEMENTS (cp1258_tones), q, qlen);

              if (t != NULL)
                tone = t;
              else
                g_string_append_len (letter, q, (gssize) qlen);
            }
          {
            g_autofree char *base = g_utf8_normalize (letter->str, -1, G_NORMALIZE_NFC);

            g_string_free (letter, TRUE);
            if (strlen (base) == 1)
              bytes = "";
            else
              bytes = find_pair (cp1258_bases, G_N_ELEMENTS (cp1258_bases), base,
                                 strlen (base));
            if (bytes != NULL)
              {
                if (strlen (base) == 1)
                  g_string_append (out, base);
                g_string_append (out, bytes);
                if (tone != NULL)
                  g_string_append (out, tone);
                continue;
              }
          }
        }
      if (bytes == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, bytes);
    }
  return g_string_free (out, FALSE);
}

/* text in the legacy encoding, as a sheet stores it. */
static char *
legacy_encode (const char   *text,
               TestEncoding  enc)
{
  g_autofree char *bytes = legacy_encode_bytes (text, enc);

  return bytes != NULL ? legacy_bytes_to_sheet_text (bytes) : NULL;
}
