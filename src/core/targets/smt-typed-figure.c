/* smt-typed-figure.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-register-private.h"
#include "smt-typed-figure.h"

/* The rules are in smt-typed-figure.h. A register holds a few hundred
 * values per indicator at most (twelve months a year per organisation),
 * so they are read once per call and searched in memory. */

/* At most this many missing months are named in a note. */
#define MAX_NAMED_MONTHS 6

typedef struct
{
  gint64     id;
  gint64     org;
  SmtPeriod *period;
  char       start[11];    /* the period's first and last day, at hand */
  char       end[11];
  double     value;
  char      *note;
  char      *entered_at;
} Row;

typedef struct
{
  const SmtIndicatorInfo *info;
  GPtrArray  *rows;        /* Row, by organisation, then first day, then id */
  GArray     *org_ids;     /* gint64: every organisation, by position */
  GPtrArray  *org_names;   /* char *: their short names, the same order */
  const char *today;
} Values;

static void
row_free (Row *row)
{
  smt_period_free (row->period);
  g_free (row->note);
  g_free (row->entered_at);
  g_free (row);
}

static int
row_cmp (gconstpointer a,
         gconstpointer b)
{
  const Row *x = *(const Row * const *) a;
  const Row *y = *(const Row * const *) b;
  int cmp;

  if (x->org != y->org)
    return x->org < y->org ? -1 : 1;
  if ((cmp = strcmp (x->start, y->start)) != 0)
    return cmp;
  return (x->id > y->id) - (x->id < y->id);
}

/* The first row of org whose first day is start or after (rows->len when
 * none): the rows of org from there are in the order of their first day. */
static guint
first_row (const Values *v,
           gint64        org,
           const char   *start)
{
  guint lo = 0, hi = v->rows->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Row *row = g_ptr_array_index (v->rows, mid);

      if (row->org < org || (row->org == org && strcmp (row->start, start) < 0))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
part_free (SmtTypedPart *part)
{
  if (part == NULL)
    return;
  g_free (part->organisation);
  g_clear_pointer (&part->period, smt_period_free);
  g_free (part->note);
  g_free (part->entered_at);
  g_free (part);
}

void
smt_typed_figure_free (SmtTypedFigure *figure)
{
  if (figure == NULL)
    return;
  g_clear_pointer (&figure->period, smt_period_free);
  g_clear_pointer (&figure->parts, g_ptr_array_unref);
  g_clear_pointer (&figure->missing, g_ptr_array_unref);
  g_clear_pointer (&figure->notes, g_ptr_array_unref);
  g_free (figure);
}

static SmtTypedFigure *
figure_new (const SmtIndicatorInfo *info,
            gint64                  organisation_id,
            const SmtPeriod        *period)
{
  SmtTypedFigure *f = g_new0 (SmtTypedFigure, 1);

  f->info = info;
  f->organisation_id = organisation_id;
  f->period = smt_period_copy (period);
  /* The arrays are made on first use: a series has many periods with
   * nothing typed inside. */
  return f;
}

static void
values_clear (Values *v)
{
  g_clear_pointer (&v->rows, g_ptr_array_unref);
  g_clear_pointer (&v->org_ids, g_array_unref);
  g_clear_pointer (&v->org_names, g_ptr_array_unref);
}

static gboolean
values_load (SmtRegister             *reg,
             const SmtIndicatorInfo  *info,
             Values                  *v,
             GError                 **error)
{
  sqlite3_stmt *stmt;
  gboolean any_org = FALSE;
  int rc;

  v->info = info;
  v->today = smt_register_get_today (reg);
  v->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  v->org_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  v->org_names = g_ptr_array_new_with_free_func (g_free);

  stmt = smt_register_prepare (reg,
      "SELECT v.id, coalesce (v.organisation_id, 0), v.period, v.value, coalesce (v.note, ''), "
      "v.entered_at FROM indicator_value v WHERE v.code = ?1 AND v.voided = 0 "
      "AND NOT EXISTS (SELECT 1 FROM indicator_value s WHERE s.supersedes = v.id) "
      "ORDER BY v.id", error);
  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, info->code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtPeriod *period = smt_period_parse ((const char *) sqlite3_column_text (stmt, 2), NULL);
      Row *row;

      /* Only a damaged register stores a period it cannot read. */
      if (period == NULL)
        continue;
      row = g_new0 (Row, 1);
      row->id = sqlite3_column_int64 (stmt, 0);
      row->org = info->per_organisation ? sqlite3_column_int64 (stmt, 1) : 0;
      row->period = period;
      g_strlcpy (row->start, smt_period_get_start (period), sizeof row->start);
      g_strlcpy (row->end, smt_period_get_end (period), sizeof row->end);
      row->value = sqlite3_column_double (stmt, 3);
      row->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->entered_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (v->rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);

  g_ptr_array_sort (v->rows, row_cmp);

  /* The organisations only matter for values typed per organisation: a
   * gathering_rate with no typed denominator reads no more than this. */
  for (guint i = 0; i < v->rows->len && !any_org; i++)
    any_org = ((Row *) g_ptr_array_index (v->rows, i))->org != 0;
  if (!any_org)
    return TRUE;
  stmt = smt_register_prepare (reg, "SELECT id, short_name FROM organisation "
                                    "ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (v->org_ids, id);
      g_ptr_array_add (v->org_names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

static const char *
org_name (const Values *v,
          gint64        org)
{
  for (guint i = 0; i < v->org_ids->len; i++)
    if (g_array_index (v->org_ids, gint64, i) == org)
      return g_ptr_array_index (v->org_names, i);
  return "?";
}

/* Appends item to *array, made on first use. */
static void
add_to (GPtrArray      **array,
        GDestroyNotify   free_func,
        gpointer         item)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (free_func);
  g_ptr_array_add (*array, item);
}

static void
add_part (const Values   *v,
          SmtTypedFigure *f,
          const Row      *row)
{
  SmtTypedPart *part = g_new0 (SmtTypedPart, 1);

  part->id = row->id;
  part->organisation_id = row->org;
  part->organisation = row->org != 0 ? g_strdup (org_name (v, row->org)) : NULL;
  part->period = smt_period_copy (row->period);
  part->value = row->value;
  part->note = g_strdup (row->note);
  part->entered_at = g_strdup (row->entered_at);
  add_to (&f->parts, (GDestroyNotify) part_free, part);
}

/* ---- dates ------------------------------------------------------------------------ */

/* ISO dates taken apart and put together by hand: a series asks for a few
 * thousand of them, and sscanf and printf would be most of its time. */

static int
digits (const char *text,
        int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

static void
put_iso (int   year,
         int   month,
         int   day,
         char  out[11])
{
  out[0] = (char) ('0' + year / 1000 % 10);
  out[1] = (char) ('0' + year / 100 % 10);
  out[2] = (char) ('0' + year / 10 % 10);
  out[3] = (char) ('0' + year % 10);
  out[4] = '-';
  out[5] = (char) ('0' + month / 10);
  out[6] = (char) ('0' + month % 10);
  out[7] = '-';
  out[8] = (char) ('0' + day / 10);
  out[9] = (char) ('0' + day % 10);
  out[10] = '\0';
}

/* The day after iso. */
static void
next_day (const char *iso,
          char        out[11])
{
  int year = digits (iso, 4), month = digits (iso + 5, 2), day = digits (iso + 8, 2);

  if (day < g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year))
    day++;
  else if (month < 12)
    {
      month++;
      day = 1;
    }
  else
    {
      year++;
      month = day = 1;
    }
  put_iso (year, month, day, out);
}

/* The first day of the month after the one of iso. */
static void
next_month (const char *iso,
            char        out[11])
{
  int year = digits (iso, 4), month = digits (iso + 5, 2);

  if (month < 12)
    put_iso (year, month + 1, 1, out);
  else
    put_iso (year + 1, 1, 1, out);
}

/* ---- the rules -------------------------------------------------------------------- */

/* Rule 1: the value typed for exactly the period (the latest typed when a
 * damaged register holds two). */
static const Row *
find_exact (const Values    *v,
            gint64           org,
            const SmtPeriod *period)
{
  const Row *best = NULL;

  for (guint i = first_row (v, org, smt_period_get_start (period)); i < v->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (v->rows, i);

      if (row->org != org || strcmp (row->start, smt_period_get_start (period)) != 0)
        break;
      if (smt_period_equal (row->period, period))
        best = row;
    }
  return best;
}

/* Whether org has a value typed for a period inside [start, end]. */
static gboolean
any_inside (const Values *v,
            gint64        org,
            const char   *start,
            const char   *end)
{
  for (guint i = first_row (v, org, start); i < v->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (v->rows, i);

      if (row->org != org || strcmp (row->start, end) > 0)
        return FALSE;
      if (strcmp (row->end, end) <= 0)
        return TRUE;
    }
  return FALSE;
}

/* Rule 2, for a count: from the period's start, the longest period typed
 * that starts there and ends inside it; a month with none is missing
 * when it has begun. */
static void
add_up (const Values    *v,
        gint64           org,
        const SmtPeriod *period,
        SmtTypedFigure  *f)
{
  const char *end = smt_period_get_end (period);
  char pos[11];
  double sum = 0;
  int missing[SMT_PERIOD_SERIES_MAX][2];   /* year, month */
  guint n_missing = 0;

  g_strlcpy (pos, smt_period_get_start (period), sizeof pos);
  /* Most periods of a series have nothing typed inside. */
  if (!any_inside (v, org, pos, end))
    return;
  while (strcmp (pos, end) <= 0)
    {
      const Row *best = NULL;

      for (guint i = first_row (v, org, pos); i < v->rows->len; i++)
        {
          const Row *row = g_ptr_array_index (v->rows, i);

          if (row->org != org || strcmp (row->start, pos) != 0)
            break;
          if (strcmp (row->end, end) <= 0
              && (best == NULL || strcmp (row->end, best->end) > 0
                  || (strcmp (row->end, best->end) == 0 && row->id > best->id)))
            best = row;
        }
      if (best != NULL)
        {
          sum += best->value;
          add_part (v, f, best);
          next_day (best->end, pos);
          continue;
        }
      /* A month that has begun with nothing typed: missing when it lies
       * whole inside the period (checked below, only for a figure). */
      if (pos[8] == '0' && pos[9] == '1' && strcmp (pos, v->today) <= 0
          && n_missing < G_N_ELEMENTS (missing))
        {
          missing[n_missing][0] = digits (pos, 4);
          missing[n_missing][1] = digits (pos + 5, 2);
          n_missing++;
        }
      next_month (pos, pos);
    }
  if (f->parts == NULL)
    return;
  f->defined = TRUE;
  f->value = sum;
  f->how = SMT_TYPED_ADDED;
  for (guint i = 0; i < n_missing; i++)
    {
      SmtPeriod *m = smt_period_new_month (missing[i][0], missing[i][1]);

      if (strcmp (smt_period_get_end (m), end) <= 0)
        add_to (&f->missing, (GDestroyNotify) smt_period_free, m);
      else
        smt_period_free (m);
    }
}

/* Rule 3, for a stock: the value typed inside the period that ends last. */
static void
take_latest (const Values    *v,
             gint64           org,
             const SmtPeriod *period,
             SmtTypedFigure  *f)
{
  const char *start = smt_period_get_start (period);
  const char *end = smt_period_get_end (period);
  const Row *best = NULL;

  for (guint i = first_row (v, org, start); i < v->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (v->rows, i);

      if (row->org != org || strcmp (row->start, end) > 0)
        break;
      if (strcmp (row->end, end) <= 0
          && (best == NULL || strcmp (row->end, best->end) > 0
              || (strcmp (row->end, best->end) == 0 && row->id > best->id)))
        best = row;
    }
  if (best == NULL)
    return;
  f->defined = TRUE;
  f->value = best->value;
  f->how = SMT_TYPED_LATEST;
  add_part (v, f, best);
}

/* ---- notes ------------------------------------------------------------------------ */

/* "3 tháng", "1 quý và 2 tháng": how many periods of each kind. */
static char *
describe_parts (GPtrArray *parts)
{
  guint count[SMT_PERIOD_RANGE + 1] = { 0 };
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  static const SmtPeriodKind order[] = {
    SMT_PERIOD_YEAR, SMT_PERIOD_NINE_MONTHS, SMT_PERIOD_HALF, SMT_PERIOD_QUARTER,
    SMT_PERIOD_MONTH, SMT_PERIOD_RANGE,
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    count[smt_period_get_kind (((SmtTypedPart *) g_ptr_array_index (parts, i))->period)]++;
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      guint n = count[order[k]];

      if (n == 0)
        continue;
      switch (order[k])
        {
        case SMT_PERIOD_YEAR:
          g_ptr_array_add (words, g_strdup_printf (ngettext ("%u year", "%u years", n), n));
          break;
        case SMT_PERIOD_NINE_MONTHS:
          g_ptr_array_add (words, g_strdup_printf (ngettext ("%u nine-month period",
                                                             "%u nine-month periods", n), n));
          break;
        case SMT_PERIOD_HALF:
          g_ptr_array_add (words, g_strdup_printf (ngettext ("%u half-year", "%u half-years",
                                                             n), n));
          break;
        case SMT_PERIOD_QUARTER:
          g_ptr_array_add (words, g_strdup_printf (ngettext ("%u quarter", "%u quarters", n),
                                                   n));
          break;
        case SMT_PERIOD_MONTH:
          g_ptr_array_add (words, g_strdup_printf (ngettext ("%u month", "%u months", n), n));
          break;
        case SMT_PERIOD_RANGE:
        default:
          g_ptr_array_add (words, g_strdup_printf (ngettext ("%u range of dates",
                                                             "%u ranges of dates", n), n));
          break;
        }
    }
  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        /* Translators: joins the last two items of a list: "1 quý và 2 tháng" */
        g_string_append (text, i + 1 == words->len ? _(" and ") : ", ");
      g_string_append (text, g_ptr_array_index (words, i));
    }
  return g_string_free (text, FALSE);
}

/* "2 tháng (11/2025, 12/2025)" */
static char *
describe_missing (GPtrArray *missing)
{
  g_autoptr(GString) months = g_string_new (NULL);
  guint n = missing->len;

  for (guint i = 0; i < n && i < MAX_NAMED_MONTHS; i++)
    {
      const SmtPeriod *m = g_ptr_array_index (missing, i);

      g_string_append_printf (months, "%s%02d/%d", i > 0 ? ", " : "", smt_period_get_index (m),
                              smt_period_get_year (m));
    }
  if (n > MAX_NAMED_MONTHS)
    g_string_append (months, ", …");
  /* Translators: a number of months, then the months as mm/yyyy */
  return g_strdup_printf (ngettext ("%u month (%s)", "%u months (%s)", n), n, months->str);
}

static void
add_note (SmtTypedFigure *f,
          char           *note)
{
  add_to (&f->notes, g_free, note);
}

/* The notes of a figure made by rule 2 or 3. */
static void
explain_own (SmtTypedFigure *f)
{
  if (f->how == SMT_TYPED_ADDED)
    {
      g_autofree char *parts = describe_parts (f->parts);

      /* Translators: "Cộng từ số liệu nhập cho 3 tháng." */
      add_note (f, g_strdup_printf (_("Added up from the values typed for %s."), parts));
      if (f->missing != NULL)
        {
          g_autofree char *missing = describe_missing (f->missing);

          add_note (f, g_strdup_printf (_("Nothing is typed yet for %s: the figure adds up "
                                          "only what is typed."), missing));
        }
    }
  else if (f->how == SMT_TYPED_LATEST)
    {
      const SmtTypedPart *part = g_ptr_array_index (f->parts, 0);
      g_autofree char *label = smt_period_to_label (part->period);

      add_note (f, g_strdup_printf (_("The latest value typed inside the period: %s."), label));
    }
}

/* ---- one figure ------------------------------------------------------------------- */

/* Rules 1–3 for one organisation (0: the commune). */
static SmtTypedFigure *
own_figure (const Values    *v,
            gint64           org,
            const SmtPeriod *period)
{
  SmtTypedFigure *f = figure_new (v->info, org, period);
  const Row *exact = find_exact (v, org, period);

  if (exact != NULL)
    {
      f->defined = TRUE;
      f->value = exact->value;
      f->how = SMT_TYPED_EXACT;
      add_part (v, f, exact);
      return f;
    }
  if (v->info->kind == SMT_INDICATOR_STOCK)
    take_latest (v, org, period, f);
  else
    add_up (v, org, period, f);
  explain_own (f);
  return f;
}

/* Rule 4: the commune's figure as the sum of the organisations'. */
static void
sum_organisations (const Values    *v,
                   const SmtPeriod *period,
                   SmtTypedFigure  *f)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GPtrArray) org_notes = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;
  double sum = 0;

  for (guint i = 0; i < v->org_ids->len; i++)
    {
      gint64 org = g_array_index (v->org_ids, gint64, i);
      g_autoptr(SmtTypedFigure) one = own_figure (v, org, period);

      if (!one->defined)
        continue;
      n++;
      sum += one->value;
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              (const char *) g_ptr_array_index (v->org_names, i));
      for (guint k = 0; one->parts != NULL && k < one->parts->len; k++)
        add_to (&f->parts, (GDestroyNotify) part_free, g_steal_pointer (&one->parts->pdata[k]));
      if (one->parts != NULL)
        g_ptr_array_set_size (one->parts, 0);
      for (guint k = 0; one->notes != NULL && k < one->notes->len; k++)
        g_ptr_array_add (org_notes,
                         g_strdup_printf ("%s: %s",
                                          (const char *) g_ptr_array_index (v->org_names, i),
                                          (const char *) g_ptr_array_index (one->notes, k)));
    }
  if (n == 0)
    return;
  f->defined = TRUE;
  f->value = sum;
  f->how = SMT_TYPED_ORGANISATIONS;
  /* Translators: a number of organisations, then their short names */
  add_note (f, g_strdup_printf (ngettext ("Nothing is typed for the whole commune: the sum of "
                                          "the values typed for %u organisation (%s).",
                                          "Nothing is typed for the whole commune: the sum of "
                                          "the values typed for %u organisations (%s).", n),
                                n, names->str));
  for (guint k = 0; k < org_notes->len; k++)
    add_note (f, g_steal_pointer (&org_notes->pdata[k]));
  g_ptr_array_set_size (org_notes, 0);
}

/* Whether the organisations' figures add up to the commune's: budgets and
 * equipment do; the people each organisation gathers do not (one person
 * may be in the target group of several). */
static gboolean
adds_across_organisations (const SmtIndicatorInfo *info)
{
  return info->per_organisation && strcmp (info->code, "eligible_people") != 0;
}

static SmtTypedFigure *
figure_of (const Values    *v,
           gint64           org,
           const SmtPeriod *period)
{
  SmtTypedFigure *f = own_figure (v, org, period);

  if (!f->defined && org == 0 && adds_across_organisations (v->info))
    sum_organisations (v, period, f);
  return f;
}

GPtrArray *
smt_typed_figures (SmtRegister             *reg,
                   const SmtIndicatorInfo  *info,
                   gint64                   organisation_id,
                   SmtPeriod * const       *periods,
                   guint                    n_periods,
                   GError                 **error)
{
  Values v = { 0 };
  GPtrArray *figures;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (info != NULL && info->source == SMT_INDICATOR_TYPED, NULL);
  g_return_val_if_fail (periods != NULL || n_periods == 0, NULL);

  if (!info->per_organisation)
    organisation_id = 0;
  if (!values_load (reg, info, &v, error))
    {
      values_clear (&v);
      return NULL;
    }
  figures = g_ptr_array_new_full (n_periods, (GDestroyNotify) smt_typed_figure_free);
  for (guint i = 0; i < n_periods; i++)
    g_ptr_array_add (figures, figure_of (&v, organisation_id, periods[i]));
  values_clear (&v);
  return figures;
}

gboolean
smt_typed_values_any (SmtRegister *reg,
                      const char  *code,
                      gint64       organisation_id)
{
  sqlite3_stmt *stmt;
  gboolean any;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  stmt = smt_register_prepare (reg, "SELECT 1 FROM indicator_value WHERE code = ?1 "
                                    "AND coalesce (organisation_id, 0) = ?2 AND voided = 0 "
                                    "LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  any = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return any;
}

SmtTypedFigure *
smt_typed_figure_get (SmtRegister             *reg,
                      const SmtIndicatorInfo  *info,
                      gint64                   organisation_id,
                      const SmtPeriod         *period,
                      GError                 **error)
{
  g_autoptr(GPtrArray) figures = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  figures = smt_typed_figures (reg, info, organisation_id, (SmtPeriod * const *) &period, 1,
                               error);
  if (figures == NULL)
    return NULL;
  return g_ptr_array_steal_index (figures, 0);
}
