/* smt-hamlet-list.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-hamlet-list.h"

const char *const smt_hamlet_kinds[] = {
  "ấp", "thôn", "khu phố", "tổ dân phố", "khu vực", "bản", "buôn", "làng", "sóc", NULL,
};

/* The kind words as a name begins with them; the longer ones first, so
 * that "Khu phố" is not read as something else. Abbreviations as lists
 * write them: "KP 3", "TDP 5". */
static const struct
{
  const char *word, *kind, *capital;
} kind_words[] = {
  { "tổ dân phố", "tổ dân phố", "Tổ dân phố" },
  { "khu phố", "khu phố", "Khu phố" },
  { "khu vực", "khu vực", "Khu vực" },
  { "thôn", "thôn", "Thôn" },
  { "buôn", "buôn", "Buôn" },
  { "làng", "làng", "Làng" },
  { "bản", "bản", "Bản" },
  { "sóc", "sóc", "Sóc" },
  { "ấp", "ấp", "Ấp" },
  { "tdp", "tổ dân phố", "Tổ dân phố" },
  { "kp", "khu phố", "Khu phố" },
};

SmtHamletEntry *
smt_hamlet_entry_new (const char *name,
                      const char *kind)
{
  SmtHamletEntry *entry = g_new0 (SmtHamletEntry, 1);

  entry->name = g_strdup (name);
  entry->kind = g_strdup (kind);
  return entry;
}

void
smt_hamlet_entry_free (SmtHamletEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->kind);
  g_free (entry);
}

gboolean
smt_hamlet_kind_valid (const char *kind)
{
  return kind != NULL && g_strv_contains (smt_hamlet_kinds, kind);
}

static const char *
capital_of (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_words); i++)
    if (strcmp (kind_words[i].kind, kind) == 0)
      return kind_words[i].capital;
  return NULL;
}

const char *
smt_hamlet_name_core (const char *name,
                      const char *kind)
{
  const char *capital;
  gsize len;

  g_return_val_if_fail (name != NULL, NULL);

  capital = kind != NULL ? capital_of (kind) : NULL;
  if (capital == NULL)
    return name;
  len = strlen (capital);
  if (g_ascii_strncasecmp (name, capital, len) == 0 && name[len] == ' ' && name[len + 1])
    return name + len + 1;
  return name;
}

static gboolean
is_bullet (gunichar c)
{
  return c == '-' || c == '*' || c == '+' || c == 0x2013 || c == 0x2014 || c == 0x2022
         || c == 0x00B7 || c == 0x25CB || c == 0x25E6 || c == 0x25AA || c == 0x2023
         || c == 0x2043 || c == 0x25CF || c == 0x25A0;
}

/* "1. ", "2) ", "- ", "• " and the like in front of a name. */
static const char *
skip_numbering (const char *p)
{
  for (;;)
    {
      const char *q = p;

      if (is_bullet (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      else if (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            q++;
          else if (*q != '\0')
            return p;  /* "3 Tân Hòa" could be a name: kept */
        }
      else
        return p;
      while (*q == ' ')
        q++;
      p = q;
    }
}

SmtHamletEntry *
smt_hamlet_entry_parse (const char *item,
                        const char *default_kind)
{
  g_autofree char *norm = NULL;
  g_autofree char *folded = NULL;
  const char *rest;
  const char *kind = NULL;

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (smt_hamlet_kind_valid (default_kind), NULL);

  if ((norm = smt_text_normalize (item)) == NULL)
    return NULL;
  rest = skip_numbering (norm);
  if (*rest == '\0')
    return NULL;

  folded = g_utf8_casefold (rest, -1);
  for (guint i = 0; i < G_N_ELEMENTS (kind_words) && kind == NULL; i++)
    {
      gsize len = strlen (kind_words[i].word);
      char after;

      if (strncmp (folded, kind_words[i].word, len) != 0)
        continue;
      after = folded[len];
      /* "Ấp Tân Hòa", "Ấp" alone; "KP3", "KP.3" for the abbreviations. */
      if (after == ' ' || after == '\0'
          || (i >= G_N_ELEMENTS (kind_words) - 2 && (after == '.' || g_ascii_isdigit (after))))
        {
          kind = kind_words[i].kind;
          rest = g_utf8_offset_to_pointer (rest, g_utf8_strlen (kind_words[i].word, -1));
          while (*rest == ' ' || *rest == '.')
            rest++;
        }
    }
  if (kind == NULL)
    kind = default_kind;
  if (*rest == '\0')
    return NULL;
  {
    g_autofree char *name = g_strdup_printf ("%s %s", capital_of (kind), rest);

    return smt_hamlet_entry_new (name, kind);
  }
}

GPtrArray *
smt_hamlet_list_parse (const char  *text,
                       const char  *default_kind,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = NULL;  /* casefolded name → 1 + its index in list */
  g_autoptr(GArray) line_of = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) repeated = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (smt_hamlet_kind_valid (default_kind), NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("The list of hamlets is not Unicode text. Save it as UTF-8 and try "
                     "again."));
      return NULL;
    }
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_hamlet_entry_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  repeated = g_string_new (NULL);
  lines = g_strsplit_set (text, "\n\r", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) items = g_strsplit_set (lines[l], ",;\t", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          SmtHamletEntry *entry = smt_hamlet_entry_parse (items[i], default_kind);
          g_autofree char *key = NULL;
          gpointer first;

          if (entry == NULL)
            continue;
          key = g_utf8_casefold (entry->name, -1);
          if ((first = g_hash_table_lookup (seen, key)) != NULL)
            {
              guint k = GPOINTER_TO_UINT (first) - 1;
              const SmtHamletEntry *kept = g_ptr_array_index (list, k);

              if (repeated->len > 0)
                g_string_append (repeated, "; ");
              /* Translators: a hamlet given twice, and the lines it is on. */
              g_string_append_printf (repeated, _("“%s” (lines %u and %u)"), kept->name,
                                      g_array_index (line_of, guint, k), l + 1);
              smt_hamlet_entry_free (entry);
              continue;
            }
          {
            guint line = l + 1;

            g_array_append_val (line_of, line);
          }
          g_ptr_array_add (list, entry);
          g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (list->len));
        }
    }
  if (repeated->len > 0)
    g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE,
                 _("Some hamlets are in the list twice: %s. A commune has each hamlet once: "
                   "remove the repeated lines, or tell the two apart."), repeated->str);
  return g_steal_pointer (&list);
}
