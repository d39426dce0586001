/* smt-format.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "smt-format.h"

/* Formatted by hand: printf's %f follows LC_NUMERIC, which we never trust. */

static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[32];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
}

char *
smt_format_int (gint64 value)
{
  GString *out = g_string_new (NULL);

  if (value < 0)
    g_string_append_c (out, '-');
  append_grouped (out, value < 0 ? (guint64) (-(value + 1)) + 1 : (guint64) value);
  return g_string_free (out, FALSE);
}

char *
smt_format_decimal (double value,
                    int    decimals)
{
  GString *out = g_string_new (NULL);
  double scale, rounded;
  guint64 whole, frac;

  if (!isfinite (value))
    return g_string_free (out, FALSE);
  decimals = CLAMP (decimals, 0, 6);
  scale = pow (10, decimals);
  rounded = round (fabs (value) * scale);
  whole = (guint64) (rounded / scale);
  frac = (guint64) (rounded - (double) whole * scale + 0.5);
  if (value < 0 && rounded > 0)
    g_string_append_c (out, '-');
  append_grouped (out, whole);
  if (decimals > 0 && frac > 0)
    {
      char buf[16];
      int len = g_snprintf (buf, sizeof buf, "%0*" G_GUINT64_FORMAT, decimals, frac);

      while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
      g_string_append_c (out, ',');
      g_string_append (out, buf);
    }
  return g_string_free (out, FALSE);
}

char *
smt_format_percent (double value,
                    int    decimals)
{
  g_autofree char *number = smt_format_decimal (value, decimals);

  return g_strconcat (number, " %", NULL);
}

char *
smt_format_size (guint64 bytes)
{
  g_autofree char *number = NULL;

  if (bytes < 1000)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " B", bytes);
  if (bytes < 1000 * 1000)
    {
      number = smt_format_decimal (bytes / 1000.0, 0);
      return g_strconcat (number, " kB", NULL);
    }
  number = smt_format_decimal (bytes / 1000000.0, 1);
  return g_strconcat (number, " MB", NULL);
}
