/* smt-date.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <string.h>

#include "smt-date.h"

static gboolean
split_iso (const char *iso,
           int        *y,
           int        *m,
           int        *d)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  /* By hand: this runs for every event the indicators read. */
  *y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  *m = (iso[5] - '0') * 10 + (iso[6] - '0');
  *d = (iso[8] - '0') * 10 + (iso[9] - '0');
  return *y >= 1800 && *y <= 9999 && g_date_valid_dmy (*d, *m, *y);
}

gboolean
smt_date_is_valid (const char *iso)
{
  int y, m, d;

  return split_iso (iso, &y, &m, &d);
}

char *
smt_date_parse (const char *text)
{
  g_autofree char *s = NULL;
  int a, b, c;
  char sep1, sep2, tail;

  if (text == NULL)
    return NULL;
  s = g_strstrip (g_strdup (text));
  if (smt_date_is_valid (s))
    return g_steal_pointer (&s);
  if (sscanf (s, "%d%c%d%c%d%c", &a, &sep1, &b, &sep2, &c, &tail) == 5
      && (sep1 == '/' || sep1 == '-' || sep1 == '.') && sep2 == sep1
      && c >= 1800 && c <= 9999 && g_date_valid_dmy (a, b, c))
    return g_strdup_printf ("%04d-%02d-%02d", c, b, a);
  return NULL;
}

char *
smt_date_to_display (const char *iso)
{
  int y, m, d;

  if (!split_iso (iso, &y, &m, &d))
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

int
smt_date_age_on (const char *birth_date,
                 int         birth_year,
                 const char *date)
{
  int by, bm, bd, y, m, d, age;

  if (!split_iso (date, &y, &m, &d))
    return -1;
  if (!split_iso (birth_date, &by, &bm, &bd))
    return y - birth_year;
  age = y - by;
  if (m < bm || (m == bm && d < bd))
    age--;
  return age;
}

char *
smt_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
smt_date_add_days_to (const char *iso,
                      int         days,
                      char        out[11])
{
  int y, m, d;
  GDate date;

  if (!split_iso (iso, &y, &m, &d))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  y = g_date_get_year (&date);
  m = g_date_get_month (&date);
  d = g_date_get_day (&date);
  out[0] = '0' + y / 1000;
  out[1] = '0' + y / 100 % 10;
  out[2] = '0' + y / 10 % 10;
  out[3] = '0' + y % 10;
  out[4] = '-';
  out[5] = '0' + m / 10;
  out[6] = '0' + m % 10;
  out[7] = '-';
  out[8] = '0' + d / 10;
  out[9] = '0' + d % 10;
  out[10] = '\0';
  return TRUE;
}

char *
smt_date_add_days (const char *iso,
                   int         days)
{
  int y, m, d;
  g_autoptr(GDate) date = NULL;

  if (!split_iso (iso, &y, &m, &d))
    return NULL;
  date = g_date_new_dmy (d, m, y);
  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}
