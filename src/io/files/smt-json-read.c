/* smt-json-read.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "smt-json-read.h"

#define MAX_DEPTH 64

typedef struct {
  const char *p;
  const char *end;
  const char *start;
  GError    **error;
} Parser;

static GVariant *parse_value (Parser *ps,
                              guint   depth);

static gboolean
fail (Parser     *ps,
      const char *what)
{
  guint line = 1;

  for (const char *q = ps->start; q < ps->p && q < ps->end; q++)
    line += *q == '\n';
  if (ps->error && *ps->error == NULL)
    /* TRANSLATORS: %s says what was wrong, %u is a line number */
    g_set_error (ps->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The file is not valid JSON: %s on line %u."), what, line);
  return FALSE;
}

static void
skip_space (Parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n'
                             || *ps->p == '\r'))
    ps->p++;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static char *
parse_string (Parser *ps)
{
  GString *out = g_string_new (NULL);

  g_assert (*ps->p == '"');
  ps->p++;
  while (ps->p < ps->end && *ps->p != '"')
    {
      guchar c = (guchar) *ps->p;

      if (c < 0x20)
        {
          fail (ps, _("a control character inside a string"));
          return g_string_free (out, TRUE), NULL;
        }
      if (c != '\\')
        {
          g_string_append_c (out, (char) c);
          ps->p++;
          continue;
        }
      if (ps->p + 1 >= ps->end)
        break;
      ps->p += 2;
      switch (ps->p[-1])
        {
        case '"': g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/': g_string_append_c (out, '/'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            int u = ps->end - ps->p >= 4 ? hex4 (ps->p) : -1;

            if (u < 0)
              {
                fail (ps, _("a bad \\u escape"));
                return g_string_free (out, TRUE), NULL;
              }
            ps->p += 4;
            if (u >= 0xD800 && u <= 0xDBFF && ps->end - ps->p >= 6 && ps->p[0] == '\\'
                && ps->p[1] == 'u')
              {
                int lo = hex4 (ps->p + 2);

                if (lo >= 0xDC00 && lo <= 0xDFFF)
                  {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    ps->p += 6;
                  }
              }
            if (u >= 0xD800 && u <= 0xDFFF)
              u = 0xFFFD;   /* a lone surrogate */
            if (u == 0)
              {
                fail (ps, _("a NUL character inside a string"));
                return g_string_free (out, TRUE), NULL;
              }
            g_string_append_unichar (out, (gunichar) u);
          }
          break;
        default:
          fail (ps, _("a bad escape inside a string"));
          return g_string_free (out, TRUE), NULL;
        }
    }
  if (ps->p >= ps->end)
    {
      fail (ps, _("a string without its closing quote"));
      return g_string_free (out, TRUE), NULL;
    }
  ps->p++;
  return g_string_free (out, FALSE);
}

static GVariant *
parse_number (Parser *ps)
{
  const char *q = ps->p;
  char buf[64];
  char *endp;
  double v;

  if (q < ps->end && *q == '-')
    q++;
  if (q >= ps->end || !g_ascii_isdigit (*q))
    return fail (ps, _("an unexpected character")), NULL;
  while (q < ps->end && (g_ascii_isdigit (*q) || strchr (".eE+-", *q)))
    q++;
  if ((gsize) (q - ps->p) >= sizeof buf)
    return fail (ps, _("a number too long")), NULL;
  memcpy (buf, ps->p, q - ps->p);
  buf[q - ps->p] = '\0';
  v = g_ascii_strtod (buf, &endp);
  if (*endp != '\0')
    return fail (ps, _("a bad number")), NULL;
  ps->p = q;
  return g_variant_new_double (v);
}

static gboolean
literal (Parser     *ps,
         const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (ps->end - ps->p) >= n && memcmp (ps->p, word, n) == 0)
    {
      ps->p += n;
      return TRUE;
    }
  return FALSE;
}

static GVariant *
parse_container (Parser *ps,
                 guint   depth,
                 char    close)
{
  g_auto(GVariantBuilder) builder;
  gboolean first = TRUE;

  g_variant_builder_init (&builder, close == '}' ? G_VARIANT_TYPE ("a{sv}")
                                                 : G_VARIANT_TYPE ("av"));
  ps->p++;
  for (;;)
    {
      g_autofree char *key = NULL;
      GVariant *value;

      skip_space (ps);
      if (ps->p < ps->end && *ps->p == close)
        {
          ps->p++;
          return g_variant_builder_end (&builder);
        }
      if (!first)
        {
          if (ps->p >= ps->end || *ps->p != ',')
            return fail (ps, _("a missing comma")), NULL;
          ps->p++;
          skip_space (ps);
          /* a comma before the closing bracket, as hand-edited files have */
          if (ps->p < ps->end && *ps->p == close)
            continue;
        }
      first = FALSE;
      if (close == '}')
        {
          if (ps->p >= ps->end || *ps->p != '"')
            return fail (ps, _("a missing key")), NULL;
          key = parse_string (ps);
          if (key == NULL)
            return NULL;
          skip_space (ps);
          if (ps->p >= ps->end || *ps->p != ':')
            return fail (ps, _("a missing colon")), NULL;
          ps->p++;
        }
      value = parse_value (ps, depth + 1);
      if (value == NULL)
        return NULL;
      if (key)
        g_variant_builder_add (&builder, "{sv}", key, value);
      else
        g_variant_builder_add (&builder, "v", value);
    }
}

static GVariant *
parse_value (Parser *ps,
             guint   depth)
{
  if (depth > MAX_DEPTH)
    return fail (ps, _("nesting too deep")), NULL;
  skip_space (ps);
  if (ps->p >= ps->end)
    return fail (ps, _("an unexpected end")), NULL;
  switch (*ps->p)
    {
    case '{':
      return parse_container (ps, depth, '}');
    case '[':
      return parse_container (ps, depth, ']');
    case '"':
      {
        char *s = parse_string (ps);

        return s ? g_variant_new_take_string (s) : NULL;
      }
    default:
      if (literal (ps, "true"))
        return g_variant_new_boolean (TRUE);
      if (literal (ps, "false"))
        return g_variant_new_boolean (FALSE);
      if (literal (ps, "null"))
        return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
      return parse_number (ps);
    }
}

GVariant *
smt_json_parse (const char  *text,
                gssize       length,
                GError     **error)
{
  Parser ps;
  GVariant *value;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  ps.start = ps.p = text;
  ps.end = text + length;
  ps.error = error;
  if (!g_utf8_validate (text, length, NULL))
    return fail (&ps, _("text that is not UTF-8")), NULL;
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    ps.p += 3;
  value = parse_value (&ps, 0);
  if (value == NULL)
    return NULL;
  g_variant_ref_sink (value);
  skip_space (&ps);
  if (ps.p < ps.end)
    {
      g_variant_unref (value);
      return fail (&ps, _("text after the end")), NULL;
    }
  return value;
}
