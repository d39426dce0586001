/* smt-period.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register.h"
#include "smt-period.h"

#define YEAR_MIN 1800
#define YEAR_MAX 9999

struct _SmtPeriod
{
  SmtPeriodKind kind;
  int           year;
  int           index;     /* month, quarter or half; 0 otherwise */
  char          start[11]; /* ISO, inclusive */
  char          end[11];
};

G_DEFINE_BOXED_TYPE (SmtPeriod, smt_period, smt_period_copy, smt_period_free)

/* Calendar periods never leave a year, so start and end are months of it. */
static SmtPeriod *
calendar_period (SmtPeriodKind kind,
                 int           year,
                 int           index,
                 int           first_month,
                 int           last_month)
{
  SmtPeriod *self = g_new0 (SmtPeriod, 1);

  g_assert (first_month >= 1 && first_month <= last_month && last_month <= 12);
  self->kind = kind;
  self->year = year;
  self->index = index;
  g_snprintf (self->start, sizeof self->start, "%04d-%02d-01", year, first_month);
  g_snprintf (self->end, sizeof self->end, "%04d-%02d-%02d", year, last_month,
              g_date_get_days_in_month (last_month, year));
  return self;
}

static gboolean
index_fits (SmtPeriodKind kind,
            int           index)
{
  switch (kind)
    {
    case SMT_PERIOD_MONTH:
      return index >= 1 && index <= 12;
    case SMT_PERIOD_QUARTER:
      return index >= 1 && index <= 4;
    case SMT_PERIOD_HALF:
      return index == 1 || index == 2;
    case SMT_PERIOD_NINE_MONTHS:
    case SMT_PERIOD_YEAR:
      return index == 0;
    case SMT_PERIOD_RANGE:
    default:
      return FALSE;
    }
}

/**
 * smt_period_new:
 * @kind: any kind but %SMT_PERIOD_RANGE
 * @year: 1800–9999
 * @index: month 1–12, quarter 1–4, half 1–2, or 0 for nine months and a year
 *
 * Returns: (transfer full): the period
 */
SmtPeriod *
smt_period_new (SmtPeriodKind kind,
                int           year,
                int           index)
{
  g_return_val_if_fail (year >= YEAR_MIN && year <= YEAR_MAX, NULL);
  g_return_val_if_fail (index_fits (kind, index), NULL);

  switch (kind)
    {
    case SMT_PERIOD_MONTH:
      return calendar_period (kind, year, index, index, index);
    case SMT_PERIOD_QUARTER:
      return calendar_period (kind, year, index, index * 3 - 2, index * 3);
    case SMT_PERIOD_HALF:
      return calendar_period (kind, year, index, index * 6 - 5, index * 6);
    case SMT_PERIOD_NINE_MONTHS:
      return calendar_period (kind, year, 0, 1, 9);
    case SMT_PERIOD_YEAR:
      return calendar_period (kind, year, 0, 1, 12);
    case SMT_PERIOD_RANGE:
    default:
      g_assert_not_reached ();
    }
}

SmtPeriod *
smt_period_new_month (int year,
                      int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return smt_period_new (SMT_PERIOD_MONTH, year, month);
}

SmtPeriod *
smt_period_new_quarter (int year,
                        int quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return smt_period_new (SMT_PERIOD_QUARTER, year, quarter);
}

SmtPeriod *
smt_period_new_half (int year,
                     int half)
{
  g_return_val_if_fail (half == 1 || half == 2, NULL);

  return smt_period_new (SMT_PERIOD_HALF, year, half);
}

SmtPeriod *
smt_period_new_nine_months (int year)
{
  g_return_val_if_fail (year >= YEAR_MIN && year <= YEAR_MAX, NULL);

  return smt_period_new (SMT_PERIOD_NINE_MONTHS, year, 0);
}

SmtPeriod *
smt_period_new_year (int year)
{
  g_return_val_if_fail (year >= YEAR_MIN && year <= YEAR_MAX, NULL);

  return smt_period_new (SMT_PERIOD_YEAR, year, 0);
}

/**
 * smt_period_new_range:
 * @start: ISO date, the first day
 * @end: ISO date, the last day; not before @start
 * @error: a %SMT_REGISTER_ERROR
 *
 * Returns: (transfer full) (nullable): the period, or %NULL with @error set
 */
SmtPeriod *
smt_period_new_range (const char  *start,
                      const char  *end,
                      GError     **error)
{
  SmtPeriod *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!smt_date_is_valid (start) || !smt_date_is_valid (end))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a date. Write the dates of a period as yyyy-mm-dd, for "
                     "example 2021-01-01."),
                   smt_date_is_valid (start) ? (end ? end : "") : (start ? start : ""));
      return NULL;
    }
  if (strcmp (end, start) < 0)
    {
      g_autofree char *shown_start = smt_date_to_display (start);
      g_autofree char *shown_end = smt_date_to_display (end);

      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER,
                   _("The period would end on %s, before it begins on %s. Correct one of "
                     "the two dates."), shown_end, shown_start);
      return NULL;
    }

  self = g_new0 (SmtPeriod, 1);
  self->kind = SMT_PERIOD_RANGE;
  self->year = atoi (start);
  self->index = 0;
  memcpy (self->start, start, sizeof self->start);
  memcpy (self->end, end, sizeof self->end);
  return self;
}

SmtPeriod *
smt_period_copy (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  return g_memdup2 (period, sizeof *period);
}

void
smt_period_free (SmtPeriod *period)
{
  g_free (period);
}

/* ---- written form ------------------------------------------------------------ */

static gboolean
all_digits (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* The calendar forms; NULL if the text is none of them. */
static SmtPeriod *
parse_calendar (const char *text)
{
  gsize len = strlen (text);
  int year;
  char a, b;

  if ((len != 4 && len != 7) || !all_digits (text, 4))
    return NULL;
  year = (int) g_ascii_strtoll (text, NULL, 10);
  if (year < YEAR_MIN || year > YEAR_MAX)
    return NULL;
  if (len == 4)
    return smt_period_new_year (year);
  if (text[4] != '-')
    return NULL;
  a = g_ascii_toupper (text[5]);
  b = g_ascii_toupper (text[6]);
  if (g_ascii_isdigit (a) && g_ascii_isdigit (b))
    {
      int month = (a - '0') * 10 + (b - '0');

      return month >= 1 && month <= 12 ? smt_period_new_month (year, month) : NULL;
    }
  if (a == 'Q' && b >= '1' && b <= '4')
    return smt_period_new_quarter (year, b - '0');
  if (a == 'H' && (b == '1' || b == '2'))
    return smt_period_new_half (year, b - '0');
  if (a == '9' && b == 'M')
    return smt_period_new_nine_months (year);
  return NULL;
}

/* "START..END" with two ISO dates, the end not before the start. */
static SmtPeriod *
parse_range (const char *text)
{
  const char *dots = strstr (text, "..");
  g_autofree char *start = NULL;

  if (dots == NULL)
    return NULL;
  start = g_strndup (text, dots - text);
  g_strstrip (start);
  if (!smt_date_is_valid (start))
    return NULL;
  dots += 2;
  while (g_ascii_isspace (*dots))
    dots++;
  if (!smt_date_is_valid (dots) || strcmp (dots, start) < 0)
    return NULL;
  return smt_period_new_range (start, dots, NULL);
}

/**
 * smt_period_parse:
 * @text: "2025-05", "2025-Q2", "2025-H1", "2025-9M", "2025" or
 *   "2021-01-01..2025-12-31"
 * @error: a %SMT_REGISTER_ERROR_INVALID that shows the accepted forms
 *
 * Returns: (transfer full) (nullable): the period, or %NULL with @error set
 */
SmtPeriod *
smt_period_parse (const char  *text,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  SmtPeriod *period = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (text ? text : ""));
  if (strstr (trimmed, "..") != NULL)
    period = parse_range (trimmed);
  else
    period = parse_calendar (trimmed);
  if (period == NULL)
    g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                 _("“%s” is not a period. Write a month (2025-05), a quarter (2025-Q2), a "
                   "half-year (2025-H1), nine months (2025-9M), a year (2025) or a range "
                   "(2021-01-01..2025-12-31)."), trimmed);
  return period;
}

char *
smt_period_to_code (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case SMT_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->index);
    case SMT_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, period->index);
    case SMT_PERIOD_HALF:
      return g_strdup_printf ("%04d-H%d", period->year, period->index);
    case SMT_PERIOD_NINE_MONTHS:
      return g_strdup_printf ("%04d-9M", period->year);
    case SMT_PERIOD_YEAR:
      return g_strdup_printf ("%04d", period->year);
    case SMT_PERIOD_RANGE:
      return g_strdup_printf ("%s..%s", period->start, period->end);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
smt_period_to_label (const SmtPeriod *period)
{
  /* Quarters are written in Roman numerals: Quý II/2025. */
  static const char *const roman[] = { "I", "II", "III", "IV" };

  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case SMT_PERIOD_MONTH:
      /* TRANSLATORS: month/year, as in "Tháng 5/2025" */
      return g_strdup_printf (_("Month %d/%d"), period->index, period->year);
    case SMT_PERIOD_QUARTER:
      /* TRANSLATORS: quarter in Roman numerals/year, as in "Quý II/2025" */
      return g_strdup_printf (_("Quarter %s/%d"), roman[period->index - 1], period->year);
    case SMT_PERIOD_HALF:
      return g_strdup_printf (period->index == 1 ? _("First 6 months of %d")
                                                 : _("Last 6 months of %d"), period->year);
    case SMT_PERIOD_NINE_MONTHS:
      /* TRANSLATORS: January to September of a year */
      return g_strdup_printf (_("9 months of %d"), period->year);
    case SMT_PERIOD_YEAR:
      return g_strdup_printf (_("Year %d"), period->year);
    case SMT_PERIOD_RANGE:
      {
        g_autofree char *from = smt_date_to_display (period->start);
        g_autofree char *to = smt_date_to_display (period->end);

        /* TRANSLATORS: two dates as dd/mm/yyyy, both inclusive */
        return g_strdup_printf (_("From %s to %s"), from, to);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- accessors --------------------------------------------------------------- */

SmtPeriodKind
smt_period_get_kind (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, SMT_PERIOD_RANGE);

  return period->kind;
}

int
smt_period_get_year (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  return period->year;
}

int
smt_period_get_index (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, 0);

  return period->index;
}

const char *
smt_period_get_start (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  return period->start;
}

const char *
smt_period_get_end (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  return period->end;
}

const char *
smt_period_stock_date (const SmtPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  return period->end;
}

gboolean
smt_period_contains (const SmtPeriod *period,
                     const char      *iso_date)
{
  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);

  /* ISO dates compare as text. */
  return smt_date_is_valid (iso_date)
         && strcmp (iso_date, period->start) >= 0
         && strcmp (iso_date, period->end) <= 0;
}

/* ---- series ------------------------------------------------------------------ */

static int
periods_per_year (SmtPeriodKind kind)
{
  switch (kind)
    {
    case SMT_PERIOD_MONTH:
      return 12;
    case SMT_PERIOD_QUARTER:
      return 4;
    case SMT_PERIOD_HALF:
      return 2;
    case SMT_PERIOD_NINE_MONTHS:
    case SMT_PERIOD_YEAR:
    case SMT_PERIOD_RANGE:
    default:
      return 1;
    }
}

/* Position on a line of periods of one kind: consecutive periods differ by 1. */
static gint64
ordinal (const SmtPeriod *period)
{
  int per_year = periods_per_year (period->kind);
  int index = per_year > 1 ? period->index - 1 : 0;

  return (gint64) period->year * per_year + index;
}

/**
 * smt_period_series:
 * @from: the first period; not a range
 * @to: the last period, of the same kind
 * @error: a %SMT_REGISTER_ERROR
 *
 * Returns: (transfer full) (element-type SmtPeriod) (nullable): the periods
 *   in order, or %NULL with @error set
 */
GPtrArray *
smt_period_series (const SmtPeriod  *from,
                   const SmtPeriod  *to,
                   GError          **error)
{
  g_autoptr(GPtrArray) series = NULL;
  g_autofree char *from_code = NULL;
  g_autofree char *to_code = NULL;
  int per_year;
  gint64 first, count;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  from_code = smt_period_to_code (from);
  to_code = smt_period_to_code (to);
  if (from->kind == SMT_PERIOD_RANGE || to->kind == SMT_PERIOD_RANGE)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("A range of dates (%s) cannot be divided into a series. Choose months, "
                     "quarters, half-years, nine months or years."),
                   from->kind == SMT_PERIOD_RANGE ? from_code : to_code);
      return NULL;
    }
  if (from->kind != to->kind)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("A series runs over periods of one kind, but %s and %s differ. Choose "
                     "two months, two quarters, two half-years, two nine months or two "
                     "years."), from_code, to_code);
      return NULL;
    }

  first = ordinal (from);
  count = ordinal (to) - first + 1;
  if (count < 1)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATE_ORDER,
                   _("The series would end with %s, before it begins with %s. Swap the two "
                     "periods."), to_code, from_code);
      return NULL;
    }
  if (count > SMT_PERIOD_SERIES_MAX)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("From %s to %s is too long a series: at most %d periods fit. Choose a "
                     "shorter span, or larger periods such as quarters or years."),
                   from_code, to_code, SMT_PERIOD_SERIES_MAX);
      return NULL;
    }

  per_year = periods_per_year (from->kind);
  series = g_ptr_array_new_full ((guint) count, (GDestroyNotify) smt_period_free);
  for (gint64 n = first; n < first + count; n++)
    {
      int year = (int) (n / per_year);
      int index = from->kind == SMT_PERIOD_NINE_MONTHS || from->kind == SMT_PERIOD_YEAR
                  ? 0 : (int) (n % per_year) + 1;

      g_ptr_array_add (series, smt_period_new (from->kind, year, index));
    }
  return g_steal_pointer (&series);
}

/* ---- comparison -------------------------------------------------------------- */

int
smt_period_compare (const SmtPeriod *a,
                    const SmtPeriod *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  cmp = strcmp (a->start, b->start);
  if (cmp == 0)
    cmp = strcmp (a->end, b->end);
  if (cmp == 0)
    cmp = (a->kind > b->kind) - (a->kind < b->kind);
  return (cmp > 0) - (cmp < 0);
}

gboolean
smt_period_equal (const SmtPeriod *a,
                  const SmtPeriod *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return smt_period_compare (a, b) == 0;
}

SmtPeriod *
smt_period_last_complete_quarter (const char *today)
{
  int year, month, day;

  if (today == NULL || !smt_date_is_valid (today)
      || sscanf (today, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  if (month <= 3)
    return year > 1800 ? smt_period_new_quarter (year - 1, 4) : NULL;
  return smt_period_new_quarter (year, (month - 1) / 3);
}
