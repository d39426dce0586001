/* smt-csv-reader.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smt-csv-reader.h"

/* Windows-1252's 0x80–0x9F; the five bytes it leaves undefined keep their
 * C1 code point, as smt-sheet.h says. */
static const gunichar cp1252_c1[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static const char delimiters[] = { ',', ';', '\t', '|' };

/* How many lines and bytes the delimiter is sniffed from. */
#define SNIFF_RECORDS 60
#define SNIFF_BYTES   (64 * 1024)

static char *
from_8bit (const guint8 *data,
           gsize         length,
           gsize        *out_length)
{
  GString *out = g_string_sized_new (length + length / 4);

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = data[i];

      if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_c1[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* UTF-16 without a mark: one byte of each pair is zero for the ASCII
 * characters (digits, delimiters, spaces, most of a Vietnamese line). */
static const char *
sniff_utf16 (const guint8 *data,
             gsize         length)
{
  gsize n = MIN (length, 8192) & ~(gsize) 1;
  gsize even = 0, odd = 0;

  if (n < 4)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      even += data[i] == 0;
      odd += data[i + 1] == 0;
    }
  if (odd * 5 >= n / 2 && even * 50 <= n / 2)
    return "utf-16le";
  if (even * 5 >= n / 2 && odd * 50 <= n / 2)
    return "utf-16be";
  return NULL;
}

static gboolean
looks_binary (const char *text,
              gsize       length)
{
  gsize controls = 0, chars = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      chars++;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F)
        controls++;
    }
  return controls > 2 && controls * 100 > chars;
}

typedef void (*FieldFunc) (gpointer    data,
                           guint       record,
                           guint       field,
                           const char *text,
                           gsize       length);

/* Splits @text into records and fields by RFC 4180 (a quoted field may
 * hold the delimiter, "" for a quote, and line breaks; CRLF, LF or CR end
 * a record). Calls @func for each field; stops after @max_records records
 * or at @limit bytes. Returns the number of records. */
static guint
split (const char  *text,
       gsize        length,
       char         delimiter,
       guint        max_records,
       FieldFunc    func,
       gpointer     data,
       SmtSheetJob *job,
       gboolean    *cancelled,
       GError     **error)
{
  g_autoptr(GString) field = g_string_sized_new (64);
  const char *p = text, *end = text + length;
  guint record = 0, column = 0;

  while (p < end && record < max_records)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);
      if (*p == '"')
        {
          quoted = TRUE;
          p++;
          while (p < end)
            {
              const char *q = memchr (p, '"', (gsize) (end - p));

              if (q == NULL)
                {
                  g_string_append_len (field, p, end - p);
                  p = end;
                  break;
                }
              g_string_append_len (field, p, q - p);
              p = q + 1;
              if (p < end && *p == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else
                break;
            }
        }
      /* The unquoted field, or what follows a closing quote up to the delimiter. */
      {
        const char *start = p;

        while (p < end && *p != delimiter && *p != '\n' && *p != '\r')
          p++;
        if (p > start)
          g_string_append_len (field, start, p - start);
      }
      if (field->len > 0 || quoted)
        func (data, record, column, field->str, field->len);
      column++;
      if (p >= end)
        {
          record++;
          break;
        }
      if (*p == delimiter)
        {
          p++;
          if (p >= end)
            record++;
          continue;
        }
      /* End of record. */
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      p++;
      record++;
      column = 0;
      if (job != NULL && !smt_sheet_job_row (job, (double) (p - text) / (double) length, error))
        {
          *cancelled = TRUE;
          return record;
        }
    }
  return record;
}

typedef struct
{
  GArray *counts;     /* guint: fields per record */
} Sniff;

static void
count_field (gpointer    data,
             guint       record,
             guint       field,
             const char *text,
             gsize       length)
{
  Sniff *sniff = data;

  (void) text;
  (void) length;
  if (sniff->counts->len <= record)
    g_array_set_size (sniff->counts, record + 1);
  g_array_index (sniff->counts, guint, record) = MAX (g_array_index (sniff->counts, guint, record),
                                                      field + 1);
}

/* The delimiter that gives the most records the same number of fields (two
 * or more); on a tie, the one that gives more fields; else @fallback. */
static char
sniff_delimiter (const char *text,
                 gsize       length,
                 char        fallback)
{
  char best = fallback;
  guint best_score = 0, best_fields = 0;

  length = MIN (length, SNIFF_BYTES);
  for (guint d = 0; d < G_N_ELEMENTS (delimiters); d++)
    {
      g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
      g_autoptr(GHashTable) freq = g_hash_table_new (NULL, NULL);
      Sniff sniff = { counts };
      guint mode = 0, mode_freq = 0;

      split (text, length, delimiters[d], SNIFF_RECORDS, count_field, &sniff, NULL, NULL, NULL);
      for (guint i = 0; i < counts->len; i++)
        {
          guint n = g_array_index (counts, guint, i);
          guint f;

          if (n < 2)
            continue;
          f = GPOINTER_TO_UINT (g_hash_table_lookup (freq, GUINT_TO_POINTER (n))) + 1;
          g_hash_table_insert (freq, GUINT_TO_POINTER (n), GUINT_TO_POINTER (f));
          if (f > mode_freq || (f == mode_freq && n > mode))
            mode = n, mode_freq = f;
        }
      if (mode_freq > best_score || (mode_freq == best_score && mode_freq > 0 && mode > best_fields))
        {
          best = delimiters[d];
          best_score = mode_freq;
          best_fields = mode;
        }
    }
  return best;
}

typedef struct
{
  SmtSheet    *sheet;
  SmtSheetJob *job;
  SmtTextHint  hint;
  GError      *error;
} Fill;

static void
fill_field (gpointer    data,
            guint       record,
            guint       field,
            const char *text,
            gsize       length)
{
  Fill *fill = data;

  if (length == 0 || fill->error != NULL)
    return;
  if (!smt_sheet_job_room (fill->job, fill->sheet, record, field, &fill->error))
    return;
  smt_sheet_set_text (fill->sheet, record, field, text, (gssize) length, fill->hint, 0);
}

/* The text of @data as UTF-8, and the encoding it was found in; NULL when
 * its UTF-16 is broken. */
static char *
decode (const guint8  *data,
        gsize          length,
        const char   **encoding,
        gsize         *text_len)
{
  char *text;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    *encoding = "utf-8", data += 3, length -= 3;
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    *encoding = "utf-16le", data += 2, length -= 2;
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    *encoding = "utf-16be", data += 2, length -= 2;
  else if ((*encoding = sniff_utf16 (data, length)) == NULL)
    *encoding = g_utf8_validate_len ((const char *) data, length, NULL) ? "utf-8" : "8bit";

  if (g_str_has_prefix (*encoding, "utf-16"))
    return g_convert_with_fallback ((const char *) data, (gssize) (length & ~(gsize) 1), "UTF-8",
                                    g_str_equal (*encoding, "utf-16le") ? "UTF-16LE" : "UTF-16BE",
                                    "\xEF\xBF\xBD", NULL, text_len, NULL);
  if (g_str_equal (*encoding, "8bit"))
    return from_8bit (data, length, text_len);
  text = g_utf8_make_valid ((const char *) data, (gssize) length);
  *text_len = strlen (text);
  return text;
}

gboolean
smt_csv_sniff (const guint8  *data,
               gsize          length,
               const char    *file_name,
               GError       **error)
{
  g_autofree char *text = NULL;
  const char *encoding;
  gsize text_len = 0;

  /* A UTF-16 start cut in the middle of a pair may not convert: the zero
   * bytes that found it already say it is text. */
  text = decode (data, MIN (length, SNIFF_BYTES), &encoding, &text_len);
  if (text != NULL && looks_binary (text, text_len))
    return smt_sheet_fail_format (error, file_name, _("it holds binary data, not text")) != NULL;
  return TRUE;
}

SmtSheet *
smt_csv_read (const guint8  *data,
              gsize          length,
              const char    *sheet_name,
              SmtSheetJob   *job,
              GError       **error)
{
  g_autoptr(SmtSheet) sheet = smt_sheet_new (sheet_name);
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gsize text_len = 0;
  gboolean cancelled = FALSE;
  Fill fill = { sheet, job, SMT_TEXT_HINT_NONE, NULL };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = decode (data, length, &encoding, &text_len);
  if (text == NULL)
    return smt_sheet_fail_damaged (error, job->file_name, _("its UTF-16 text is broken"));
  if (g_str_equal (encoding, "8bit"))
    fill.hint = SMT_TEXT_HINT_8BIT;
  if (looks_binary (text, MIN (text_len, SNIFF_BYTES)))
    return smt_sheet_fail_format (error, job->file_name, _("it holds binary data, not text"));

  sheet->encoding = g_strdup (encoding);
  sheet->delimiter = sniff_delimiter (text, text_len,
                                      g_str_has_prefix (encoding, "utf-16") ? '\t' : ',');
  split (text, text_len, sheet->delimiter, G_MAXUINT, fill_field, &fill, job, &cancelled, error);
  if (cancelled)
    return NULL;
  if (fill.error != NULL)
    {
      g_propagate_error (error, fill.error);
      return NULL;
    }
  return g_steal_pointer (&sheet);
}
