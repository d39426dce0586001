/* smt-text.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include "smt-text.h"

/* One collator for the process; ICU collators are not safe for concurrent
 * use, so calls are serialised. Sort keys are short, the lock is cheap. */
static GMutex collator_lock;
static UCollator *collator;
static char collator_version[U_MAX_VERSION_STRING_LENGTH + 8];

static UCollator *
get_collator (void)
{
  if (collator == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      UVersionInfo version;
      char text[U_MAX_VERSION_STRING_LENGTH];

      collator = ucol_open ("vi", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no Vietnamese collation: %s", u_errorName (status));
      ucol_getVersion (collator, version);
      u_versionToString (version, text);
      g_snprintf (collator_version, sizeof collator_version, "vi/%s", text);
    }
  return collator;
}

char *
smt_text_normalize (const char *text)
{
  g_autofree char *nfc = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
smt_text_fold (const char *text)
{
  g_autofree char *nfd = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  out = g_string_sized_new (strlen (nfd));
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (c == 0x0110 || c == 0x0111)  /* Đ đ: no decomposition in Unicode */
        c = 'd';
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

GBytes *
smt_text_sort_key (const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *u16 = NULL;
  int32_t len16 = 0;
  guint8 stack[256];
  guint8 *key = stack;
  int32_t needed;
  GBytes *bytes;

  if (text == NULL)
    text = "";

  u_strFromUTF8 (NULL, 0, &len16, text, -1, &status);
  status = U_ZERO_ERROR;
  u16 = g_new (UChar, len16 + 1);
  u_strFromUTF8 (u16, len16 + 1, NULL, text, -1, &status);
  if (U_FAILURE (status))
    len16 = 0;

  g_mutex_lock (&collator_lock);
  needed = ucol_getSortKey (get_collator (), u16, len16, stack, sizeof stack);
  if (needed > (int32_t) sizeof stack)
    {
      key = g_malloc (needed);
      ucol_getSortKey (get_collator (), u16, len16, key, needed);
    }
  g_mutex_unlock (&collator_lock);

  /* The key ends with a NUL that memcmp ordering does not need. */
  bytes = g_bytes_new (key, needed > 0 ? needed - 1 : 0);
  if (key != stack)
    g_free (key);
  return bytes;
}

const char *
smt_text_collator_version (void)
{
  g_mutex_lock (&collator_lock);
  get_collator ();
  g_mutex_unlock (&collator_lock);
  return collator_version;
}

static int
compare_part (const char *a,
              const char *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r;

  g_mutex_lock (&collator_lock);
  r = ucol_strcollUTF8 (get_collator (), a ? a : "", -1, b ? b : "", -1, &status);
  g_mutex_unlock (&collator_lock);
  return (int) r;
}

int
smt_text_compare_names (const char *ho_a,
                        const char *lot_a,
                        const char *ten_a,
                        const char *ho_b,
                        const char *lot_b,
                        const char *ten_b)
{
  int r;

  if ((r = compare_part (ten_a, ten_b)) != 0)
    return r;
  if ((r = compare_part (lot_a, lot_b)) != 0)
    return r;
  return compare_part (ho_a, ho_b);
}

void
smt_text_split_name (const char  *full,
                     char       **ho,
                     char       **chu_lot,
                     char       **ten)
{
  g_autofree char *norm = smt_text_normalize (full ? full : "");
  g_auto(GStrv) words = g_strsplit (norm ? norm : "", " ", -1);
  guint n = g_strv_length (words);

  if (n == 0 || words[0][0] == '\0')
    {
      *ho = g_strdup ("");
      *chu_lot = g_strdup ("");
      *ten = g_strdup ("");
    }
  else if (n == 1)
    {
      *ho = g_strdup ("");
      *chu_lot = g_strdup ("");
      *ten = g_strdup (words[0]);
    }
  else
    {
      g_autofree char *middle = NULL;
      char *last = words[n - 1];

      words[n - 1] = NULL;
      middle = g_strjoinv (" ", words + 1);
      *ho = g_strdup (words[0]);
      *chu_lot = g_strdup (middle);
      *ten = last;
    }
}
