/* smt-name-split.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "smt-import-fields.h"
#include "smt-name-split.h"

/* Longest first, so that "Công Tằng Tôn Nữ" wins over "Tôn Nữ". Only
 * compound family names that are well known: a rare one missed leaves its
 * second word in the chữ lót, which the user can still correct, while a
 * wrong entry would move a chữ lót into every họ that starts alike. */
static const char *const compound_ho[] = {
  "công tằng tôn nữ",
  "công huyền tôn nữ",
  "tôn nữ",
  "tôn thất",
  "nguyễn phúc",
  "nguyễn phước",
  "âu dương",
  "hoàng phủ",
  "tư mã",
  "gia cát",
  "thượng quan",
  NULL
};

static guint
count_words (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    if (*p != ' ' && (p == text || p[-1] == ' '))
      n++;
  return n;
}

/* The number of leading words of norm (NFC) that make its họ. */
static guint
ho_words (const char *norm,
          guint       n_words)
{
  char nfc[80];
  gsize used = 0;

  /* The longest compound is 4 words of under 80 bytes: lower-case that
   * much, in place of a case fold of the whole name. */
  for (const char *p = norm; *p && used + 6 < sizeof nfc; p = g_utf8_next_char (p))
    used += g_unichar_to_utf8 (g_unichar_tolower (g_utf8_get_char (p)), nfc + used);
  nfc[used] = '\0';

  for (guint i = 0; compound_ho[i]; i++)
    {
      gsize len = strlen (compound_ho[i]);
      guint k = count_words (compound_ho[i]);

      if (k < n_words && strncmp (nfc, compound_ho[i], len) == 0
          && (nfc[len] == ' ' || nfc[len] == '\0'))
        return k;
    }
  return 1;
}

/* The byte offset just after the k-th word of norm (single spaces). */
static gsize
after_words (const char *norm,
             guint       k)
{
  const char *p = norm;

  for (guint i = 0; i < k; i++)
    {
      const char *sp = strchr (p, ' ');

      if (sp == NULL)
        return strlen (norm);
      p = sp + 1;
    }
  return (gsize) (p - norm) - 1;
}

gboolean
smt_name_split (const char  *full,
                char       **ho,
                char       **chu_lot,
                char       **ten)
{
  g_autofree char *norm = smt_import_clean_text (full ? full : "");
  const char *last;
  guint n, k;
  gsize ho_end;

  g_return_val_if_fail (ho != NULL && chu_lot != NULL && ten != NULL, FALSE);

  *ho = *chu_lot = *ten = NULL;
  n = norm ? count_words (norm) : 0;
  if (n == 0)
    return FALSE;
  if (n == 1)
    {
      *ten = g_steal_pointer (&norm);
      return FALSE;
    }
  k = ho_words (norm, n);
  ho_end = after_words (norm, k);
  last = strrchr (norm, ' ') + 1;
  *ho = g_strndup (norm, ho_end);
  *ten = g_strdup (last);
  if (last - 1 > norm + ho_end)
    *chu_lot = g_strndup (norm + ho_end + 1, (gsize) (last - 1 - (norm + ho_end + 1)));
  return TRUE;
}

gboolean
smt_name_split_ho (const char  *ho_chu_lot,
                   char       **ho,
                   char       **chu_lot)
{
  g_autofree char *norm = smt_import_clean_text (ho_chu_lot ? ho_chu_lot : "");
  guint n, k;
  gsize ho_end;

  g_return_val_if_fail (ho != NULL && chu_lot != NULL, FALSE);

  *ho = *chu_lot = NULL;
  n = norm ? count_words (norm) : 0;
  if (n == 0)
    return FALSE;
  /* Here the tên is elsewhere, so a compound họ may take every word. */
  k = ho_words (norm, n + 1);
  ho_end = after_words (norm, k);
  *ho = g_strndup (norm, ho_end);
  if (norm[ho_end] == ' ')
    *chu_lot = g_strdup (norm + ho_end + 1);
  return TRUE;
}

char *
smt_name_fix_case (const char *name)
{
  g_autofree char *norm = smt_import_clean_text (name ? name : "");
  g_autofree char *lower = NULL;
  gboolean upper = FALSE;
  GString *out;
  gboolean start = TRUE;

  if (norm == NULL)
    return NULL;
  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return g_steal_pointer (&norm);
      upper = upper || g_unichar_isupper (c);
    }
  if (!upper)
    return g_steal_pointer (&norm);

  lower = g_utf8_strdown (norm, -1);
  out = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, start ? g_unichar_totitle (c) : c);
      start = (c == ' ' || c == '-' || c == '(');
    }
  /* g_utf8_strdown and totitle keep NFC for Vietnamese letters, but a
   * decomposed mark after a capital stays a mark: normalize once more. */
  {
    g_autofree char *text = g_string_free (out, FALSE);

    return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  }
}
