/* smt-json.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>

#include "smt-json.h"

void
smt_json_string (GString    *out,
                 const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);  /* UTF-8 passes through */
        }
    }
  g_string_append_c (out, '"');
}

void
smt_json_number (GString *out,
                 double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  /* Shortest form that reads back the same, e.g. 52.7 not 52.700000000000003. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_dtostr (buf, sizeof buf, value);
  g_string_append (out, buf);
}

void
smt_json_int (GString *out,
              gint64   value)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

void
smt_json_key (GString    *out,
              const char *key,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  smt_json_string (out, key);
  g_string_append_c (out, ':');
}
