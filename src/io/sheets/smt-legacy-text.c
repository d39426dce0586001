/* smt-legacy-text.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-legacy-text.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* ---- Windows-1252: the characters a sheet stores for legacy bytes ---- */

/* 1252's characters for 0x80–0x9F; 0 where 1252 leaves the byte undefined
 * (a sheet then stores the byte as the C1 control of the same number). */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static inline gunichar
cp1252_char (guint8 b)
{
  if (b >= 0x80 && b < 0xA0 && cp1252_high[b - 0x80] != 0)
    return cp1252_high[b - 0x80];
  return b;
}

/* The byte a character stands for, or -1 if no legacy byte gives it. */
static inline int
legacy_byte (gunichar c)
{
  if (c < 0x100)
    return (int) c;
  /* 1252's characters lie in U+0152–U+02DC and U+2013–U+2122. */
  if (c < 0x152 || c > 0x2122 || (c > 0x2DC && c < 0x2013))
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_high); i++)
    if (cp1252_high[i] == c)
      return (int) (0x80 + i);
  return -1;
}

/* Text as units: a legacy byte (0–255) or, negated, a character that
 * passes unchanged. Invalid UTF-8 gives its bytes one by one. units holds
 * at least strlen (text) entries; returns how many it filled. */
static gsize
text_to_units (const char *text,
               gint32     *units)
{
  const char *p = text;
  gsize n = 0;

  while (*p != '\0')
    {
      gint32 unit;

      if ((guchar) *p < 0x80)
        {
          unit = (guchar) *p;
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, -1);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              unit = (guchar) *p;
              p++;
            }
          else
            {
              int b = legacy_byte (c);

              unit = b >= 0 ? b : -(gint32) c;
              p = g_utf8_next_char (p);
            }
        }
      units[n++] = unit;
    }
  return n;
}

/* ---- TCVN3 (TCVN 5712:1993, VN3) ---- */

/* 0xA0–0xFF. Bytes the code page leaves free keep their 1252 character. */
static const gunichar tcvn3_high[96] = {
  /* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
  /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x00AF,
  /* B0 */ 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00E0, 0x1EA3, 0x00E3,
  /* B8 */ 0x00E1, 0x1EA1, 0x00BA, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x00BF,
  /* C0 */ 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x1EB7, 0x1EA7,
  /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x00CD, 0x1EBB, 0x1EBD,
  /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
  /* D8 */ 0x1EC9, 0x00D9, 0x00DA, 0x00DB, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
  /* E0 */ 0x00E0, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
  /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
  /* F0 */ 0x00F0, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
  /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x00FF,
};

/* ---- VNI-Windows: a base letter, then one byte for the marks ---- */

enum { Q_NONE, Q_CIRCUMFLEX, Q_BREVE };

typedef struct {
  guint8 quality;   /* Q_* */
  guint8 tone;      /* 0 none, else index into tone_marks */
  guint8 upper;     /* the mark of capitals */
} VniMark;

/* grave, acute, hook above, tilde, dot below */
static const gunichar tone_marks[6] = { 0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323 };

static gboolean
vni_mark (guint8   b,
          VniMark *mark)
{
  /* Lower-case marks from 0xE0, capital ones the same less 0x20. */
  static const struct { guint8 byte; guint8 quality; guint8 tone; } marks[] = {
    { 0xF8, Q_NONE, 1 }, { 0xF9, Q_NONE, 2 }, { 0xFB, Q_NONE, 3 },
    { 0xF5, Q_NONE, 4 }, { 0xEF, Q_NONE, 5 },
    { 0xE2, Q_CIRCUMFLEX, 0 }, { 0xE0, Q_CIRCUMFLEX, 1 }, { 0xE1, Q_CIRCUMFLEX, 2 },
    { 0xE5, Q_CIRCUMFLEX, 3 }, { 0xE3, Q_CIRCUMFLEX, 4 }, { 0xE4, Q_CIRCUMFLEX, 5 },
    { 0xEA, Q_BREVE, 0 }, { 0xE8, Q_BREVE, 1 }, { 0xE9, Q_BREVE, 2 },
    { 0xFA, Q_BREVE, 3 }, { 0xFC, Q_BREVE, 4 }, { 0xEB, Q_BREVE, 5 },
  };
  gboolean upper = b >= 0xC0 && b < 0xE0;
  guint8 lower = upper ? (guint8) (b + 0x20) : b;

  if (b < 0xC0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (marks[i].byte == lower)
      {
        mark->quality = marks[i].quality;
        mark->tone = marks[i].tone;
        mark->upper = upper;
        return TRUE;
      }
  return FALSE;
}

/* Letters VNI gives in one byte (0xC0–0xFF); 0 for the others. */
static gunichar
vni_single (guint8 b)
{
  switch (b)
    {
    case 0xF1: return 0x0111;  /* đ */
    case 0xD1: return 0x0110;
    case 0xF4: return 0x01A1;  /* ơ */
    case 0xD4: return 0x01A0;
    case 0xF6: return 0x01B0;  /* ư */
    case 0xD6: return 0x01AF;
    case 0xEC: return 0x00EC;  /* ì */
    case 0xCC: return 0x00CC;
    case 0xED: return 0x00ED;  /* í */
    case 0xCD: return 0x00CD;
    case 0xE6: return 0x1EC9;  /* ỉ */
    case 0xC6: return 0x1EC8;
    case 0xF3: return 0x0129;  /* ĩ */
    case 0xD3: return 0x0128;
    case 0xF2: return 0x1ECB;  /* ị */
    case 0xD2: return 0x1ECA;
    case 0xEE: return 0x1EF5;  /* ỵ */
    case 0xCE: return 0x1EF4;
    default: return 0;
    }
}

/* The vowel a VNI base byte stands for, 0 if it takes no marks. */
static gunichar
vni_base (gint32 unit)
{
  switch (unit)
    {
    case 'a': case 'e': case 'o': case 'u': case 'y':
    case 'A': case 'E': case 'O': case 'U': case 'Y':
      return (gunichar) unit;
    case 0xF4: case 0xD4: case 0xF6: case 0xD6:
      return vni_single ((guint8) unit);
    default:
      return 0;
    }
}

/* ---- Windows-1258, through iconv once ---- */

static const gunichar *
cp1258_table (void)
{
  static gunichar table[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint b = 0; b < 256; b++)
        {
          char in = (char) b;
          g_autofree char *out = NULL;
          gsize written = 0;

          table[b] = cp1252_char ((guint8) b);
          if (b < 0x80)
            continue;
          out = g_convert (&in, 1, "UTF-8", "CP1258", NULL, &written, NULL);
          if (out != NULL && written > 0 && g_utf8_strlen (out, (gssize) written) == 1)
            table[b] = g_utf8_get_char (out);
        }
      g_once_init_leave (&done, 1);
    }
  return table;
}

/* ---- Output ---- */

/* The result is built composed as it goes: a combining mark that composes
 * with the character before it replaces that character (a canonical
 * composition step, so the text stays canonically equivalent). If at the
 * end every character is NFC on its own (Latin up to U+02FF, precomposed
 * Vietnamese, 1252's punctuation) the text is NFC; otherwise (a mark left
 * over, other scripts) g_utf8_normalize finishes the job. */
typedef struct {
  char     *buf;        /* see smt_legacy_text_decode for its size */
  gsize     len;
  gunichar  last;       /* the last character written, 0 at the start */
  gsize     last_at;    /* its byte offset in buf */
  gboolean  needs_nfc;
} Output;

static inline gboolean
is_nfc_alone (gunichar c)
{
  return c < 0x300 || (c >= 0x1EA0 && c <= 0x1EF9) || (c >= 0x2013 && c <= 0x2122);
}

static inline void
output_char (Output   *o,
             gunichar  c)
{
  gunichar composed;

  if (c >= 0x300 && c <= 0x36F && o->last != 0 && g_unichar_compose (o->last, c, &composed))
    {
      o->len = o->last_at;
      c = composed;
    }
  else
    o->last_at = o->len;
  if (!is_nfc_alone (c))
    o->needs_nfc = TRUE;
  o->last = c;
  if (c < 0x80)
    o->buf[o->len++] = (char) c;
  else
    o->len += (gsize) g_unichar_to_utf8 (c, o->buf + o->len);
}

static char *
output_finish (Output *o)
{
  o->buf[o->len] = '\0';
  if (o->needs_nfc)
    {
      char *nfc = g_utf8_normalize (o->buf, (gssize) o->len, G_NORMALIZE_NFC);

      g_free (o->buf);
      return nfc != NULL ? nfc : g_strdup ("");
    }
  return o->buf;
}

static void
decode_vni (const gint32 *units,
            gsize         n,
            Output       *o)
{
  for (gsize i = 0; i < n; i++)
    {
      gint32 unit = units[i];
      gunichar base, single;
      VniMark first, second;

      if (unit < 0)
        {
          output_char (o, (gunichar) -unit);
          continue;
        }
      base = vni_base (unit);
      if (base != 0 && i + 1 < n
          && units[i + 1] >= 0
          && vni_mark ((guint8) units[i + 1], &first)
          && first.upper == g_unichar_isupper (base)
          && (first.quality == Q_NONE
              || (first.quality == Q_CIRCUMFLEX
                  && (base == 'a' || base == 'e' || base == 'o'
                      || base == 'A' || base == 'E' || base == 'O'))
              || (first.quality == Q_BREVE && (base == 'a' || base == 'A'))))
        {
          guint tone = first.tone;

          i++;
          output_char (o, base);
          if (first.quality == Q_CIRCUMFLEX)
            output_char (o, 0x0302);
          else if (first.quality == Q_BREVE)
            output_char (o, 0x0306);
          /* A quality mark without a tone may be followed by the tone. */
          if (tone == 0 && first.quality != Q_NONE && i + 1 < n
              && units[i + 1] >= 0
              && vni_mark ((guint8) units[i + 1], &second)
              && second.quality == Q_NONE && second.upper == first.upper)
            {
              tone = second.tone;
              i++;
            }
          if (tone != 0)
            output_char (o, tone_marks[tone]);
          continue;
        }
      single = unit >= 0xC0 ? vni_single ((guint8) unit) : 0;
      output_char (o, single != 0 ? single : cp1252_char ((guint8) unit));
    }
}

char *
smt_legacy_text_decode (const char      *text,
                        SmtTextEncoding  enc)
{
  gint32 stack_units[256];
  g_autofree gint32 *heap_units = NULL;
  gint32 *units = stack_units;
  gsize len, n;
  Output o;

  if (text == NULL)
    return g_strdup ("");

  len = strlen (text);
  if (len > G_N_ELEMENTS (stack_units))
    units = heap_units = g_new (gint32, len);
  n = text_to_units (text, units);
  /* Each unit may add at most 2 bytes more than the text it came from: a
   * byte gives one character of the BMP (3 bytes at most), a character
   * that passes gives itself, and a mark composed into the character
   * before it grows it by at most its own length. */
  o.buf = g_malloc (3 * n + (len - n) + 1);
  o.len = 0;
  o.last = 0;
  o.last_at = 0;
  o.needs_nfc = FALSE;

  if (enc == SMT_ENCODING_VNI)
    {
      decode_vni (units, n, &o);
      return output_finish (&o);
    }

  for (gsize i = 0; i < n; i++)
    {
      gint32 unit = units[i];
      gunichar c;

      if (unit < 0)
        {
          output_char (&o, (gunichar) -unit);
          continue;
        }
      switch (enc)
        {
        case SMT_ENCODING_TCVN3:
        case SMT_ENCODING_TCVN3_CAPS:
          c = unit >= 0xA0 ? tcvn3_high[unit - 0xA0] : cp1252_char ((guint8) unit);
          if (enc == SMT_ENCODING_TCVN3_CAPS)
            c = g_unichar_toupper (c);
          break;
        case SMT_ENCODING_CP1258:
          c = cp1258_table ()[unit];
          break;
        case SMT_ENCODING_UNICODE:
        case SMT_ENCODING_VNI:
        case SMT_N_ENCODINGS:
        default:
          c = cp1252_char ((guint8) unit);
          break;
        }
      output_char (&o, c);
    }
  return output_finish (&o);
}

gboolean
smt_legacy_text_is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; p != NULL && *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

guint
smt_legacy_text_scan (const char *text)
{
  const char *p = text;
  guint flags = 0;

  while (p != NULL && *p != '\0')
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      flags |= SMT_LEGACY_SCAN_NON_ASCII;
      c = g_utf8_get_char_validated (p, -1);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          flags |= SMT_LEGACY_SCAN_INVALID | SMT_LEGACY_SCAN_NOT_NFC;
          p++;
          continue;
        }
      if (legacy_byte (c) < 0)
        flags |= SMT_LEGACY_SCAN_UNICODE_ONLY;
      if (!is_nfc_alone (c))
        flags |= SMT_LEGACY_SCAN_NOT_NFC;
      p = g_utf8_next_char (p);
    }
  return flags;
}

gboolean
smt_legacy_text_is_unicode_only (const char *text)
{
  return (smt_legacy_text_scan (text) & SMT_LEGACY_SCAN_UNICODE_ONLY) != 0;
}

/* ---- Names ---- */

static const char *const encoding_names[SMT_N_ENCODINGS] = {
  "utf-8", "tcvn3", "vni", "cp1258", "tcvn3-caps",
};

const char *
smt_text_encoding_to_string (SmtTextEncoding enc)
{
  g_return_val_if_fail (enc < SMT_N_ENCODINGS, "utf-8");
  return encoding_names[enc];
}

gboolean
smt_text_encoding_from_string (const char      *name,
                               SmtTextEncoding *enc)
{
  static const struct { const char *name; SmtTextEncoding enc; } aliases[] = {
    { "unicode", SMT_ENCODING_UNICODE }, { "utf8", SMT_ENCODING_UNICODE },
    { "abc", SMT_ENCODING_TCVN3 }, { "tcvn", SMT_ENCODING_TCVN3 },
    { "vni-windows", SMT_ENCODING_VNI },
    { "windows-1258", SMT_ENCODING_CP1258 }, { "1258", SMT_ENCODING_CP1258 },
  };

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < SMT_N_ENCODINGS; i++)
    if (g_ascii_strcasecmp (name, encoding_names[i]) == 0)
      {
        *enc = (SmtTextEncoding) i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (name, aliases[i].name) == 0)
      {
        *enc = aliases[i].enc;
        return TRUE;
      }
  return FALSE;
}

const char *
smt_text_encoding_label (SmtTextEncoding enc)
{
  switch (enc)
    {
    case SMT_ENCODING_UNICODE: return _("Unicode");
    case SMT_ENCODING_TCVN3: return _("TCVN3 (ABC, .VnTime)");
    case SMT_ENCODING_VNI: return _("VNI (VNI-Times)");
    case SMT_ENCODING_CP1258: return _("Windows-1258");
    case SMT_ENCODING_TCVN3_CAPS: return _("TCVN3 capitals (.VnTimeH)");
    case SMT_N_ENCODINGS:
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
smt_legacy_font_is_tcvn3_caps (const char *font_name)
{
  gsize len;

  if (font_name == NULL || g_ascii_strncasecmp (font_name, ".vn", 3) != 0)
    return FALSE;
  len = strlen (font_name);
  return len > 3 && font_name[len - 1] == 'H';
}

/* ---- Vietnamese syllables ---- */

/* Vowel groups (medial + nucleus + glide), without tone, and whether a
 * final consonant must (F), may (B) or may not (N) follow. */
typedef struct {
  const char *vowels;
  char        final;
} VowelGroup;

static const VowelGroup vowel_groups[] = {
  { "a", 'B' }, { "ă", 'F' }, { "â", 'F' }, { "e", 'B' }, { "ê", 'B' },
  { "i", 'B' }, { "o", 'B' }, { "ô", 'B' }, { "ơ", 'B' }, { "u", 'B' },
  { "ư", 'B' }, { "y", 'N' },
  { "ai", 'N' }, { "ao", 'N' }, { "au", 'N' }, { "ay", 'N' }, { "âu", 'N' },
  { "ây", 'N' }, { "eo", 'N' }, { "êu", 'N' }, { "ia", 'N' }, { "iu", 'N' },
  { "oi", 'N' }, { "ôi", 'N' }, { "ơi", 'N' }, { "ui", 'N' }, { "ưi", 'N' },
  { "ưu", 'N' }, { "ưa", 'N' }, { "ua", 'N' }, { "uơ", 'N' },
  { "oa", 'B' }, { "oe", 'B' }, { "uê", 'B' }, { "uy", 'B' },
  { "oă", 'F' }, { "oo", 'F' }, { "uâ", 'F' }, { "iê", 'F' }, { "yê", 'F' },
  { "uô", 'F' }, { "ươ", 'F' }, { "uyê", 'F' },
  { "iêu", 'N' }, { "yêu", 'N' }, { "uôi", 'N' }, { "ươi", 'N' }, { "ươu", 'N' },
  { "oai", 'N' }, { "oay", 'N' }, { "oao", 'N' }, { "oeo", 'N' }, { "uây", 'N' },
  { "uya", 'N' }, { "uyu", 'N' },
};

static const char *const onsets[] = {
  "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
  "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
};

static const char *const finals[] = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t" };

static gboolean
is_vowel (gunichar c)
{
  switch (c)
    {
    case 'a': case 0x0103: case 0x00E2: case 'e': case 0x00EA: case 'i':
    case 'o': case 0x00F4: case 0x01A1: case 'u': case 0x01B0: case 'y':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_quality (gunichar c)
{
  return c == 0x0103 || c == 0x00E2 || c == 0x00EA || c == 0x00F4 || c == 0x01A1
         || c == 0x01B0;
}

/* Checks the rhyme letters[from..n) with the tone (0 none) on letter
 * tone_at (an index into letters). */
static gboolean
rhyme_is_valid (const gunichar *letters,
                guint           n,
                guint           from,
                guint           tone,
                guint           tone_at)
{
  char vowels[16], final[8];
  guint v_end = from, vlen, i, pos = 0;
  const VowelGroup *group = NULL;
  gboolean stop, found_final = FALSE;

  while (v_end < n && is_vowel (letters[v_end]))
    v_end++;
  vlen = v_end - from;
  if (vlen == 0 || vlen > 3 || n - v_end > 2)
    return FALSE;

  for (i = from; i < v_end; i++)
    pos += (guint) g_unichar_to_utf8 (letters[i], vowels + pos);
  vowels[pos] = '\0';
  pos = 0;
  for (i = v_end; i < n; i++)
    {
      if (letters[i] >= 0x80)
        return FALSE;
      final[pos++] = (char) letters[i];
    }
  final[pos] = '\0';

  for (i = 0; i < G_N_ELEMENTS (vowel_groups); i++)
    if (strcmp (vowel_groups[i].vowels, vowels) == 0)
      {
        group = &vowel_groups[i];
        break;
      }
  if (group == NULL)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (finals); i++)
    if (strcmp (finals[i], final) == 0)
      found_final = TRUE;
  if (!found_final)
    return FALSE;
  if ((group->final == 'N' && final[0] != '\0') || (group->final == 'F' && final[0] == '\0'))
    return FALSE;
  /* ch and nh follow a, ê, i and y only. */
  if ((strcmp (final, "ch") == 0 || strcmp (final, "nh") == 0)
      && letters[v_end - 1] != 'a' && letters[v_end - 1] != 0x00EA
      && letters[v_end - 1] != 'i' && letters[v_end - 1] != 'y')
    return FALSE;

  stop = final[0] == 'c' || final[0] == 'p' || final[0] == 't';
  if (stop && tone != 2 && tone != 5)
    return FALSE;
  if (tone == 0)
    return TRUE;
  if (tone_at < from || tone_at >= v_end)
    return FALSE;

  /* Where the tone goes: on the vowel with a mark (ơ of ươ), else on the
   * last vowel before a final, else on the first of two (the middle of
   * three); oa, oe, uy take either (hòa, hoà). */
  {
    guint at = tone_at - from;
    int quality_at = -1;

    for (i = 0; i < vlen; i++)
      if (has_quality (letters[from + i]))
        quality_at = (int) i;
    if (quality_at >= 0)
      return (int) at == quality_at;
    if (final[0] != '\0')
      return at == vlen - 1;
    if (vlen == 1)
      return at == 0;
    if (vlen == 2)
      return at == 0 || strcmp (vowels, "oa") == 0 || strcmp (vowels, "oe") == 0
             || strcmp (vowels, "uy") == 0;
    return at == 1;
  }
}

/* One lower-case word: letters without tone, the tone and where it is. */
static gboolean
word_is_valid (const char *word,
               gsize       len)
{
  g_autofree char *lower = g_utf8_strdown (word, (gssize) len);
  g_autofree char *nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  gunichar letters[16];
  guint n = 0, tone = 0, tone_at = 0, tones = 0;

  if (nfd == NULL)
    return FALSE;
  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint t = 0;

      for (guint k = 1; k < G_N_ELEMENTS (tone_marks); k++)
        if (tone_marks[k] == c)
          t = k;
      if (t != 0)
        {
          if (n == 0)
            return FALSE;
          tone = t;
          tone_at = n - 1;
          tones++;
          continue;
        }
      if (c == 0x0302 || c == 0x0306 || c == 0x031B)
        {
          gunichar composed;

          if (n == 0 || !g_unichar_compose (letters[n - 1], c, &composed))
            return FALSE;
          letters[n - 1] = composed;
          continue;
        }
      if (!((c >= 'a' && c <= 'z') || c == 0x0111) || n == G_N_ELEMENTS (letters))
        return FALSE;
      letters[n++] = c;
    }
  if (tones > 1 || n == 0)
    return FALSE;
  /* f, j, w, z are not Vietnamese; nor is a letter with a mark that
   * makes no Vietnamese vowel (o with a breve …). */
  for (guint i = 0; i < n; i++)
    if (letters[i] == 'f' || letters[i] == 'j' || letters[i] == 'w' || letters[i] == 'z'
        || (letters[i] >= 0x80 && !is_vowel (letters[i]) && letters[i] != 0x0111))
      return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (onsets); k++)
    {
      const char *onset = onsets[k];
      guint olen = (guint) g_utf8_strlen (onset, -1);
      guint j = 0;
      gboolean match = TRUE;

      if (olen >= n)
        continue;
      for (const char *q = onset; *q != '\0'; q = g_utf8_next_char (q), j++)
        if (letters[j] != g_utf8_get_char (q))
          match = FALSE;
      if (!match)
        continue;
      /* qu is followed by a vowel other than u; k, gh, ngh by i, e, ê, y. */
      if (strcmp (onset, "qu") == 0 && letters[olen] == 'u')
        continue;
      if ((strcmp (onset, "k") == 0 || strcmp (onset, "gh") == 0 || strcmp (onset, "ngh") == 0)
          && letters[olen] != 'i' && letters[olen] != 'e' && letters[olen] != 0x00EA
          && letters[olen] != 'y')
        continue;
      if (rhyme_is_valid (letters, n, olen, tone, tone_at))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_separator (gunichar c)
{
  if (c < 0x80)
    return !g_ascii_isalpha ((char) c);
  return g_unichar_isspace (c);
}

void
smt_legacy_text_score_counts (const char *utf8,
                              guint      *valid,
                              guint      *counted)
{
  const char *p = utf8, *start = NULL;
  gboolean ascii = TRUE;

  g_return_if_fail (valid != NULL && counted != NULL);
  if (utf8 == NULL || !g_utf8_validate (utf8, -1, NULL))
    return;

  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || is_separator (c))
        {
          if (start != NULL && !ascii)
            {
              (*counted)++;
              if (word_is_valid (start, (gsize) (p - start)))
                (*valid)++;
            }
          start = NULL;
          ascii = TRUE;
          if (c == 0)
            break;
        }
      else
        {
          if (start == NULL)
            start = p;
          if (c >= 0x80)
            ascii = FALSE;
        }
      p = g_utf8_next_char (p);
    }
}

double
smt_legacy_text_score (const char *utf8)
{
  guint valid = 0, counted = 0;

  smt_legacy_text_score_counts (utf8, &valid, &counted);
  return counted == 0 ? -1.0 : (double) valid / counted;
}

/* ---- Guessing ---- */

#define GUESS_SAMPLE 400
/* How much better a legacy decoding must score than the text as it is for
 * a Unicode column to be called legacy. */
#define UNICODE_MARGIN 0.3

SmtTextEncoding
smt_legacy_text_guess (const char *const *texts,
                       guint              n,
                       SmtTextHint        hint_majority,
                       double            *confidence)
{
  static const SmtTextEncoding eight_bit[] = {
    SMT_ENCODING_CP1258, SMT_ENCODING_TCVN3, SMT_ENCODING_VNI,
  };
  static const SmtTextEncoding unicode[] = {
    SMT_ENCODING_UNICODE, SMT_ENCODING_TCVN3, SMT_ENCODING_VNI,
  };
  const SmtTextEncoding *candidates;
  guint valid[3] = { 0 }, counted[3] = { 0 }, sampled = 0, best = 0;
  double score[3];

  if (confidence != NULL)
    *confidence = 1.0;
  if (hint_majority == SMT_TEXT_HINT_TCVN3)
    return SMT_ENCODING_TCVN3;
  if (hint_majority == SMT_TEXT_HINT_VNI)
    return SMT_ENCODING_VNI;

  candidates = hint_majority == SMT_TEXT_HINT_8BIT ? eight_bit : unicode;
  for (guint i = 0; i < n && sampled < GUESS_SAMPLE; i++)
    {
      if (texts[i] == NULL || smt_legacy_text_is_ascii (texts[i]))
        continue;
      sampled++;
      for (guint k = 0; k < 3; k++)
        {
          g_autofree char *decoded = smt_legacy_text_decode (texts[i], candidates[k]);

          smt_legacy_text_score_counts (decoded, &valid[k], &counted[k]);
        }
    }
  if (sampled == 0)
    return SMT_ENCODING_UNICODE;

  for (guint k = 0; k < 3; k++)
    score[k] = counted[k] == 0 ? 0.0 : (double) valid[k] / counted[k];
  for (guint k = 1; k < 3; k++)
    if (score[k] > score[best])
      best = k;
  if (hint_majority != SMT_TEXT_HINT_8BIT && best != 0
      && score[best] < score[0] + UNICODE_MARGIN)
    best = 0;
  if (confidence != NULL)
    *confidence = score[best];
  return candidates[best];
}
