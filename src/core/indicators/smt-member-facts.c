/* smt-member-facts.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "smt-member-facts.h"

/* Each table is read with one statement in its own (rowid) order, only
 * the columns needed; grouping and sorting happen in memory, which at
 * 100.000 people is several times faster than a join or an ORDER BY that
 * SQLite cannot take from an index. Superseded and voided rows are
 * dropped here for the same reason: there is no index on supersedes. */

/* ---- days -------------------------------------------------------------------- */

static gboolean
is_leap (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
month_days (int year,
            int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap (year) ? 29 : days[month - 1];
}

/* Days since 01/01/1970 of a date of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static gint32
days_from_civil (int year,
                 int month,
                 int day)
{
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint32  days,
                 int    *year,
                 int    *month,
                 int    *day)
{
  int z = days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;

  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

/* "YYYY-MM-DD" with a real day; min_year as smt_date_age_on () wants it
 * for a birth date. */
static gboolean
split_iso (const char *iso,
           int         min_year,
           int        *year,
           int        *month,
           int        *day)
{
  if (iso == NULL)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? iso[i] != '-' : !g_ascii_isdigit (iso[i]))
      return FALSE;
  if (iso[10] != '\0')
    return FALSE;
  *year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + iso[3] - '0';
  *month = (iso[5] - '0') * 10 + iso[6] - '0';
  *day = (iso[8] - '0') * 10 + iso[9] - '0';
  return *year >= min_year && *month >= 1 && *month <= 12 && *day >= 1
         && *day <= month_days (*year, *month);
}

gint32
smt_member_facts_day (const char *iso)
{
  int y, m, d;

  if (!split_iso (iso, 1, &y, &m, &d))
    return SMT_DAY_NEVER;
  return days_from_civil (y, m, d);
}

char *
smt_member_facts_iso (gint32 day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

void
smt_member_facts_split_day (gint32  day,
                            int    *year,
                            int    *month_day)
{
  int m, d;

  civil_from_days (day, year, &m, &d);
  *month_day = m * 100 + d;
}

int
smt_member_facts_age (const SmtFactPerson *person,
                      int                  year,
                      int                  month_day)
{
  if (person->birth_md == 0)
    return year - person->birth_year;
  return year - person->birth_y - (month_day < person->birth_md);
}

int
smt_member_facts_age_on (const SmtFactPerson *person,
                         gint32               day)
{
  int year, month_day;

  smt_member_facts_split_day (day, &year, &month_day);
  return smt_member_facts_age (person, year, month_day);
}

gint32
smt_member_facts_age_day (const SmtFactPerson *person,
                          int                  age)
{
  int year;

  if (person->birth_md == 0)
    return days_from_civil (person->birth_year + age, 1, 1);
  year = person->birth_y + age;
  /* Born on 29/02: a year older on 01/03 in other years. */
  if (person->birth_md == 229 && !is_leap (year))
    return days_from_civil (year, 3, 1);
  return days_from_civil (year, person->birth_md / 100, person->birth_md % 100);
}

guint
smt_member_facts_find_day (GArray *events,
                           gint32  day)
{
  const SmtFactEvent *e = (const SmtFactEvent *) events->data;
  guint lo = 0, hi = events->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (e[mid].day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Sorts events by day, keeping the order of events of the same day: two
 * counting passes over 16 bits of the day each. */
static void
sort_events (GArray *events)
{
  SmtFactEvent *e = (SmtFactEvent *) events->data;
  g_autofree SmtFactEvent *tmp = NULL;
  g_autofree guint *count = NULL;
  gint32 min = G_MAXINT32;

  if (events->len < 2)
    return;
  for (guint i = 0; i < events->len; i++)
    min = MIN (min, e[i].day);
  tmp = g_new (SmtFactEvent, events->len);
  count = g_new (guint, 65536);
  for (guint shift = 0; shift < 32; shift += 16)
    {
      SmtFactEvent *from = shift == 0 ? e : tmp;
      SmtFactEvent *to = shift == 0 ? tmp : e;
      guint sum = 0;

      memset (count, 0, sizeof (guint) * 65536);
      for (guint i = 0; i < events->len; i++)
        count[(((guint32) from[i].day - (guint32) min) >> shift) & 0xffff]++;
      for (guint k = 0; k < 65536; k++)
        {
          guint n = count[k];

          count[k] = sum;
          sum += n;
        }
      for (guint i = 0; i < events->len; i++)
        to[count[(((guint32) from[i].day - (guint32) min) >> shift) & 0xffff]++] = from[i];
    }
}

/* ---- the facts ---------------------------------------------------------------- */

static gboolean
step_done (SmtRegister   *reg,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

static void
facts_free (SmtMemberFacts *f)
{
  if (f->orgs != NULL)
    for (guint i = 0; i < f->orgs->len; i++)
      {
        SmtFactOrg *o = &g_array_index (f->orgs, SmtFactOrg, i);

        g_free (o->short_name);
        g_free (o->member_word);
      }
  g_clear_pointer (&f->orgs, g_array_unref);
  g_clear_pointer (&f->households, g_array_unref);
  g_clear_pointer (&f->persons, g_array_unref);
  g_clear_pointer (&f->residences, g_array_unref);
  g_clear_pointer (&f->spans, g_array_unref);
  g_clear_pointer (&f->span_facts, g_free);
  g_clear_pointer (&f->trait_ids, g_array_unref);
  g_clear_pointer (&f->person_traits, g_array_unref);
  g_clear_pointer (&f->trait_first, g_free);
  for (guint i = 0; i < SMT_N_FACT_FLOWS; i++)
    g_clear_pointer (&f->flows[i], g_array_unref);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtMemberFacts, facts_free)

guint
smt_member_facts_org_index (SmtMemberFacts *facts,
                            gint64          id)
{
  for (guint i = 0; i < facts->orgs->len; i++)
    if (g_array_index (facts->orgs, SmtFactOrg, i).id == id)
      return i;
  return G_MAXUINT;
}

/* The index of the element whose first member (a gint64 id) is id, in an
 * array sorted by it; G_MAXUINT when none. Without branches on the
 * comparisons, which the processor could not predict. */
static guint
find_id (GArray *array,
         gint64  id)
{
  gsize size = g_array_get_element_size (array);
  const char *base = array->data;
  guint len = array->len;

  if (len == 0)
    return G_MAXUINT;
  while (len > 1)
    {
      guint half = len / 2;

      base = *(const gint64 *) (base + half * size) <= id ? base + half * size : base;
      len -= half;
    }
  if (*(const gint64 *) base != id)
    return G_MAXUINT;
  return (base - array->data) / size;
}

static gboolean
load_trait_ids (SmtRegister     *reg,
                SmtMemberFacts  *f,
                GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, "SELECT id FROM trait ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  f->trait_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (f->trait_ids, id);
    }
  return step_done (reg, stmt, rc, error);
}

static gboolean
load_orgs (SmtRegister     *reg,
           SmtMemberFacts  *f,
           GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, short_name, member_word, kind = 'socio_political', coalesce (min_age, -1), "
      "coalesce (max_age, -1), coalesce (sex, ''), coalesce (trait_id, 0) FROM organisation "
      "ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  f->orgs = g_array_new (FALSE, TRUE, sizeof (SmtFactOrg));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtFactOrg o = { 0 };
      const char *sex = (const char *) sqlite3_column_text (stmt, 6);

      o.id = sqlite3_column_int64 (stmt, 0);
      o.short_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      o.member_word = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      o.socio_political = sqlite3_column_int (stmt, 3) != 0;
      o.min_age = sqlite3_column_int (stmt, 4);
      o.max_age = sqlite3_column_int (stmt, 5);
      o.sex = sex != NULL ? sex[0] : 0;
      o.trait = find_id (f->trait_ids, sqlite3_column_int64 (stmt, 7));
      g_array_append_val (f->orgs, o);
    }
  return step_done (reg, stmt, rc, error);
}

static gboolean
load_persons (SmtRegister     *reg,
              SmtMemberFacts  *f,
              GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, sex, birth_year, birth_date, deceased_on FROM person ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  f->persons = g_array_sized_new (FALSE, TRUE, sizeof (SmtFactPerson), 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtFactPerson p = { 0 };
      const char *sex = (const char *) sqlite3_column_text (stmt, 1);
      int y, m, d;

      p.id = sqlite3_column_int64 (stmt, 0);
      p.sex = sex != NULL ? sex[0] : 0;
      p.birth_year = sqlite3_column_int (stmt, 2);
      /* As smt_date_age_on (): a birth date it cannot read counts as
       * only the year. */
      if (split_iso ((const char *) sqlite3_column_text (stmt, 3), 1800, &y, &m, &d))
        {
          p.birth_y = y;
          p.birth_md = m * 100 + d;
        }
      p.death = smt_member_facts_day ((const char *) sqlite3_column_text (stmt, 4));
      g_array_append_val (f->persons, p);
    }
  return step_done (reg, stmt, rc, error);
}

static gboolean
load_households (SmtRegister     *reg,
                 SmtMemberFacts  *f,
                 GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, hamlet_id FROM household ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  f->households = g_array_sized_new (FALSE, TRUE, sizeof (SmtFactHousehold), 1024);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtFactHousehold h = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (f->households, h);
    }
  return step_done (reg, stmt, rc, error);
}

static int
household_cmp (gconstpointer a,
               gconstpointer b)
{
  gint64 x = ((const SmtFactHousehold *) a)->id;
  gint64 y = ((const SmtFactHousehold *) b)->id;

  return x < y ? -1 : x > y ? 1 : 0;
}

typedef struct
{
  gint64   id;
  gint64   household_id;
  gint32   from;
  guint    person;
  gboolean is_head;
  gboolean dropped;  /* voided, superseded, or of no known person */
} ResidenceRow;

/* The current residence rows (not voided, not superseded) grouped by
 * person, each person's in (date, id) order. */
static gboolean
load_residences (SmtRegister     *reg,
                 SmtMemberFacts  *f,
                 GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, person_id, coalesce (household_id, 0), from_date, is_head, voided, "
      "coalesce (supersedes, 0) FROM residence ORDER BY id", error);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) superseded = g_array_new (FALSE, FALSE, sizeof (gint64));
  SmtFactPerson *persons = (SmtFactPerson *) f->persons->data;
  SmtFactResidence *out;
  guint kept = 0, next;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rows = g_array_sized_new (FALSE, TRUE, sizeof (ResidenceRow), f->persons->len + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ResidenceRow r = { 0 };
      gint64 supersedes = sqlite3_column_int64 (stmt, 6);

      r.id = sqlite3_column_int64 (stmt, 0);
      r.person = find_id (f->persons, sqlite3_column_int64 (stmt, 1));
      r.household_id = sqlite3_column_int64 (stmt, 2);
      r.from = smt_member_facts_day ((const char *) sqlite3_column_text (stmt, 3));
      r.is_head = sqlite3_column_int (stmt, 4) != 0;
      r.dropped = sqlite3_column_int (stmt, 5) != 0 || r.person == G_MAXUINT;
      if (supersedes != 0)
        g_array_append_val (superseded, supersedes);
      g_array_append_val (rows, r);
    }
  if (!step_done (reg, stmt, rc, error))
    return FALSE;
  /* A row is superseded by any row naming it, even a voided one. */
  for (guint i = 0; i < superseded->len; i++)
    {
      guint k = find_id (rows, g_array_index (superseded, gint64, i));

      if (k != G_MAXUINT)
        g_array_index (rows, ResidenceRow, k).dropped = TRUE;
    }

  /* Group by person, keeping the id order (a counting sort). */
  for (guint i = 0; i < rows->len; i++)
    {
      const ResidenceRow *r = &g_array_index (rows, ResidenceRow, i);

      if (!r->dropped)
        {
          persons[r->person].res_n++;
          kept++;
        }
    }
  next = 0;
  for (guint i = 0; i < f->persons->len; i++)
    {
      persons[i].res_first = next;
      next += persons[i].res_n;
      persons[i].res_n = 0;
    }
  /* Only a damaged register names a household it does not have; such a
   * household counts as one in no hamlet. */
  for (guint i = 0; i < rows->len; i++)
    {
      const ResidenceRow *r = &g_array_index (rows, ResidenceRow, i);

      if (!r->dropped && r->household_id != 0
          && find_id (f->households, r->household_id) == G_MAXUINT)
        {
          SmtFactHousehold unknown = { r->household_id, 0 };

          g_array_append_val (f->households, unknown);
          g_array_sort (f->households, household_cmp);
        }
    }
  f->residences = g_array_sized_new (FALSE, TRUE, sizeof (SmtFactResidence), kept);
  g_array_set_size (f->residences, kept);
  out = (SmtFactResidence *) f->residences->data;
  for (guint i = 0; i < rows->len; i++)
    {
      const ResidenceRow *r = &g_array_index (rows, ResidenceRow, i);
      SmtFactPerson *p;
      SmtFactResidence *res;

      if (r->dropped)
        continue;
      p = &persons[r->person];
      res = &out[p->res_first + p->res_n++];
      res->from = r->from;
      res->is_head = r->is_head;
      res->household = r->household_id != 0 ? (gint32) find_id (f->households, r->household_id)
                                             : -1;
    }

  /* Each person's rows in date order (few rows each; stable). */
  for (guint i = 0; i < f->persons->len; i++)
    {
      SmtFactResidence *first = &out[persons[i].res_first];

      for (guint k = 1; k < persons[i].res_n; k++)
        {
          SmtFactResidence r = first[k];
          guint j = k;

          for (; j > 0 && first[j - 1].from > r.from; j--)
            first[j] = first[j - 1];
          first[j] = r;
        }
    }
  return TRUE;
}

SmtFactFlow
smt_member_facts_start_flow (const SmtMemberSpan *span)
{
  switch (span->start_kind)
    {
    case SMT_EVENT_ADMITTED:
      return span->imported ? SMT_FACT_IMPORTED : SMT_FACT_ADMITTED;
    case SMT_EVENT_TRANSFERRED_IN:
      return SMT_FACT_TRANSFERRED_IN;
    case SMT_EVENT_TRANSFERRED:
      return span->restructured ? SMT_FACT_RESTRUCTURED : SMT_FACT_TRANSFERRED;
    case SMT_EVENT_AWAY:
      return SMT_FACT_AWAY;
    default:
      return SMT_N_FACT_FLOWS;
    }
}

SmtFactFlow
smt_member_facts_end_flow (const SmtMemberSpan *span)
{
  switch (span->end_kind)
    {
    case SMT_EVENT_TRANSFERRED_OUT:
      return SMT_FACT_TRANSFERRED_OUT;
    case SMT_EVENT_LEFT:
    case SMT_EVENT_REMOVED:
      return SMT_FACT_LEFT;
    case SMT_EVENT_DECEASED:
      return SMT_FACT_DECEASED;
    default:
      return SMT_N_FACT_FLOWS;
    }
}

/* The spans, with day numbers and the indices of their person and
 * organisation, and the events they open and close, by day. */
static gboolean
load_spans (SmtRegister     *reg,
            SmtMemberFacts  *f,
            GError         **error)
{
  GArray *spans = smt_member_spans_get (reg, error);
  SmtFactPerson *persons = (SmtFactPerson *) f->persons->data;
  guint n_persons = f->persons->len;
  guint pi = 0;

  if (spans == NULL)
    return FALSE;
  f->spans = g_array_ref (spans);
  f->span_facts = g_new (SmtFactSpan, MAX (spans->len, 1));
  for (guint i = 0; i < SMT_N_FACT_FLOWS; i++)
    f->flows[i] = g_array_new (FALSE, FALSE, sizeof (SmtFactEvent));
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);
      SmtFactSpan *sf = &f->span_facts[i];
      SmtFactFlow flow;

      sf->start = smt_member_facts_day (s->start);
      sf->end = s->end[0] != '\0' ? smt_member_facts_day (s->end) : SMT_DAY_NEVER;
      sf->org = smt_member_facts_org_index (f, s->organisation_id);
      /* The spans come by person id, as the persons do. */
      if (pi < n_persons && persons[pi].id > s->person_id)
        pi = 0;
      while (pi < n_persons && persons[pi].id < s->person_id)
        pi++;
      if (pi == n_persons || persons[pi].id != s->person_id)
        {
          sf->person = G_MAXUINT;
          continue;
        }
      sf->person = pi;
      if (persons[pi].span_n == 0)
        persons[pi].span_first = i;
      persons[pi].span_n++;

      flow = smt_member_facts_start_flow (s);
      if (flow != SMT_N_FACT_FLOWS)
        {
          SmtFactEvent e = { sf->start, pi, i };

          g_array_append_val (f->flows[flow], e);
        }
      flow = sf->end != SMT_DAY_NEVER ? smt_member_facts_end_flow (s) : SMT_N_FACT_FLOWS;
      if (flow != SMT_N_FACT_FLOWS)
        {
          SmtFactEvent e = { sf->end + 1, pi, i };

          g_array_append_val (f->flows[flow], e);
        }
    }
  for (guint i = 0; i < SMT_N_FACT_FLOWS; i++)
    sort_events (f->flows[i]);
  return TRUE;
}

typedef struct
{
  gint64       id;
  guint        person;
  SmtFactTrait trait;
  gboolean     dropped;  /* voided, superseded, or of no known person or trait */
} TraitRow;

static int
fact_trait_cmp (gconstpointer a,
                gconstpointer b)
{
  const SmtFactTrait *x = a, *y = b;

  if (x->trait != y->trait)
    return x->trait < y->trait ? -1 : 1;
  return (x->from > y->from) - (x->from < y->from);
}

/* The current records of people's traits, grouped by person, each
 * person's by trait then start. */
static gboolean
load_person_traits (SmtRegister     *reg,
                    SmtMemberFacts  *f,
                    GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, person_id, trait_id, from_date, to_date, voided, coalesce (supersedes, 0) "
      "FROM person_trait ORDER BY id", error);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (TraitRow));
  g_autoptr(GArray) superseded = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_persons = f->persons->len;
  g_autofree guint *count = g_new0 (guint, n_persons + 1);
  SmtFactTrait *out;
  guint kept = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TraitRow r = { 0 };
      gint64 supersedes = sqlite3_column_int64 (stmt, 6);
      const char *from = (const char *) sqlite3_column_text (stmt, 3);
      const char *to = (const char *) sqlite3_column_text (stmt, 4);

      r.id = sqlite3_column_int64 (stmt, 0);
      r.person = find_id (f->persons, sqlite3_column_int64 (stmt, 1));
      r.trait.trait = find_id (f->trait_ids, sqlite3_column_int64 (stmt, 2));
      r.trait.from = from != NULL ? smt_member_facts_day (from) : G_MININT32;
      r.trait.to = to != NULL ? smt_member_facts_day (to) : SMT_DAY_NEVER;
      r.dropped = sqlite3_column_int (stmt, 5) != 0 || r.person == G_MAXUINT
                  || r.trait.trait == G_MAXUINT;
      if (supersedes != 0)
        g_array_append_val (superseded, supersedes);
      g_array_append_val (rows, r);
    }
  if (!step_done (reg, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < superseded->len; i++)
    {
      guint k = find_id (rows, g_array_index (superseded, gint64, i));

      if (k != G_MAXUINT)
        g_array_index (rows, TraitRow, k).dropped = TRUE;
    }
  /* Grouped by person with a counting sort: trait_first[i] is where
   * person i's records begin. */
  f->trait_first = g_new0 (guint, n_persons + 1);
  for (guint i = 0; i < rows->len; i++)
    {
      const TraitRow *r = &g_array_index (rows, TraitRow, i);

      if (!r->dropped)
        {
          f->trait_first[r->person + 1]++;
          kept++;
        }
    }
  for (guint i = 0; i < n_persons; i++)
    f->trait_first[i + 1] += f->trait_first[i];
  f->person_traits = g_array_sized_new (FALSE, TRUE, sizeof (SmtFactTrait), kept);
  g_array_set_size (f->person_traits, kept);
  out = (SmtFactTrait *) f->person_traits->data;
  for (guint i = 0; i < rows->len; i++)
    {
      const TraitRow *r = &g_array_index (rows, TraitRow, i);

      if (!r->dropped)
        out[f->trait_first[r->person] + count[r->person]++] = r->trait;
    }
  for (guint i = 0; i < n_persons; i++)
    if (count[i] > 1)
      qsort (&out[f->trait_first[i]], count[i], sizeof (SmtFactTrait), fact_trait_cmp);
  return TRUE;
}

gboolean
smt_member_facts_has_trait (SmtMemberFacts *facts,
                            guint           person,
                            guint           trait,
                            gint32          day)
{
  const SmtFactTrait *t = (const SmtFactTrait *) facts->person_traits->data;

  for (guint i = facts->trait_first[person]; i < facts->trait_first[person + 1]; i++)
    if (t[i].trait == trait && t[i].from <= day && day <= t[i].to)
      return TRUE;
  return FALSE;
}

/**
 * smt_member_facts_get:
 * @reg: the register
 * @error: a database error
 *
 * Reads the facts on first use after a change of the register.
 *
 * Returns: (transfer none): the facts, NULL on error
 */
SmtMemberFacts *
smt_member_facts_get (SmtRegister  *reg,
                      GError      **error)
{
  SmtMemberFacts *cached = smt_register_get_cached (reg, "smt-member-facts");
  g_autoptr(SmtMemberFacts) f = NULL;

  if (cached != NULL)
    return cached;
  f = g_new0 (SmtMemberFacts, 1);
  if (!load_trait_ids (reg, f, error) || !load_orgs (reg, f, error)
      || !load_persons (reg, f, error) || !load_households (reg, f, error)
      || !load_residences (reg, f, error) || !load_spans (reg, f, error)
      || !load_person_traits (reg, f, error))
    return NULL;
  cached = f;
  smt_register_set_cached (reg, "smt-member-facts", g_steal_pointer (&f),
                           (GDestroyNotify) facts_free);
  return cached;
}

/* ---- studies ------------------------------------------------------------------ */

static void
studies_free (SmtMemberStudies *s)
{
  g_clear_pointer (&s->studies, g_array_unref);
  g_clear_pointer (&s->by_day, g_array_unref);
  g_clear_pointer (&s->participations, g_array_unref);
  g_clear_pointer (&s->branches, g_array_unref);
  g_clear_pointer (&s->branch_parent, g_free);
  g_clear_pointer (&s->span_branch, g_free);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtMemberStudies, studies_free)

typedef struct
{
  SmtFactStudy study;
  int          participants;
  gboolean     dropped;
  guint        index;  /* in the current studies */
} StudyRow;

/* Current studies are numbered in id order: by day, then by index. */
static int
study_rank_cmp (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const gint32 *days = data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (days[x] != days[y])
    return days[x] < days[y] ? -1 : 1;
  return (x > y) - (x < y);
}

static gboolean
load_studies (SmtRegister       *reg,
              SmtMemberFacts    *f,
              SmtMemberStudies  *out,
              GError           **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT s.id, coalesce (s.organisation_id, 0), coalesce (b.organisation_id, 0), s.date, "
      "s.voided, coalesce (s.supersedes, 0), coalesce (s.branch_id, 0), s.participants "
      "FROM study s LEFT JOIN branch b ON b.id = s.branch_id ORDER BY s.id", error);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (StudyRow));
  g_autoptr(GArray) superseded = g_array_new (FALSE, FALSE, sizeof (gint64));
  const SmtFactPerson *persons = (const SmtFactPerson *) f->persons->data;
  guint n_persons = f->persons->len;
  g_autoptr(GArray) parts = NULL;
  g_autofree gint32 *days = NULL;
  g_autofree guint *count = NULL;
  g_autofree guint *order = NULL;
  guint n_studies, pi = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StudyRow r = { { 0 } };
      gint64 supersedes = sqlite3_column_int64 (stmt, 5);

      r.study.id = sqlite3_column_int64 (stmt, 0);
      r.study.organisation_id = sqlite3_column_int64 (stmt, 1);
      r.study.branch_organisation_id = sqlite3_column_int64 (stmt, 2);
      r.study.day = smt_member_facts_day ((const char *) sqlite3_column_text (stmt, 3));
      r.dropped = sqlite3_column_int (stmt, 4) != 0;
      r.study.branch_id = sqlite3_column_int64 (stmt, 6);
      r.participants = sqlite3_column_int (stmt, 7);
      if (supersedes != 0)
        g_array_append_val (superseded, supersedes);
      g_array_append_val (rows, r);
    }
  if (!step_done (reg, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < superseded->len; i++)
    {
      guint k = find_id (rows, g_array_index (superseded, gint64, i));

      if (k != G_MAXUINT)
        g_array_index (rows, StudyRow, k).dropped = TRUE;
    }
  out->studies = g_array_new (FALSE, TRUE, sizeof (SmtFactStudy));
  for (guint i = 0; i < rows->len; i++)
    {
      StudyRow *r = &g_array_index (rows, StudyRow, i);

      r->index = out->studies->len;
      if (!r->dropped)
        g_array_append_val (out->studies, r->study);
    }
  n_studies = out->studies->len;
  days = g_new (gint32, MAX (n_studies, 1));
  count = g_new0 (guint, MAX (n_studies, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      const StudyRow *r = &g_array_index (rows, StudyRow, i);

      if (!r->dropped)
        days[r->index] = r->study.day;
    }

  /* The participations by person (the study_participant_person index
   * covers them), so that finding the person is a step forward. */
  stmt = smt_register_prepare (reg,
      "SELECT person_id, study_id FROM study_participant ORDER BY person_id, study_id", error);
  if (stmt == NULL)
    return FALSE;
  parts = g_array_sized_new (FALSE, FALSE, sizeof (SmtFactEvent), 4096);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);
      guint k = find_id (rows, sqlite3_column_int64 (stmt, 1));
      const StudyRow *r;
      SmtFactEvent e;

      if (pi < n_persons && persons[pi].id > person_id)
        pi = 0;
      while (pi < n_persons && persons[pi].id < person_id)
        pi++;
      if (pi == n_persons || persons[pi].id != person_id || k == G_MAXUINT)
        continue;
      r = &g_array_index (rows, StudyRow, k);
      if (r->dropped)
        continue;
      e.day = r->study.day;
      e.person = pi;
      e.ref = r->index;
      g_array_append_val (parts, e);
      count[r->index]++;
    }
  if (!step_done (reg, stmt, rc, error))
    return FALSE;

  /* A count is used for the participants the list does not name: all of
   * them when there is no list, none when the list names as many as were
   * counted. */
  for (guint i = 0; i < rows->len; i++)
    {
      const StudyRow *r = &g_array_index (rows, StudyRow, i);
      SmtFactStudy *st;

      if (r->dropped)
        continue;
      st = &g_array_index (out->studies, SmtFactStudy, r->index);
      st->counted = r->participants > 0 && (guint) r->participants > count[r->index]
                    ? (guint) r->participants : 0;
    }

  /* By date, then study id: a counting sort by the rank of the study. */
  order = g_new (guint, MAX (n_studies, 1));
  for (guint i = 0; i < n_studies; i++)
    order[i] = i;
  g_qsort_with_data (order, n_studies, sizeof (guint), study_rank_cmp, days);
  out->by_day = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_studies);
  g_array_append_vals (out->by_day, order, n_studies);
  for (guint i = 0, sum = 0; i < n_studies; i++)
    {
      guint n = count[order[i]];

      count[order[i]] = sum;
      sum += n;
    }
  out->participations = g_array_sized_new (FALSE, FALSE, sizeof (SmtFactEvent), parts->len);
  g_array_set_size (out->participations, parts->len);
  for (guint i = 0; i < parts->len; i++)
    {
      const SmtFactEvent *e = &g_array_index (parts, SmtFactEvent, i);

      g_array_index (out->participations, SmtFactEvent, count[e->ref]++) = *e;
    }

  /* The branches, for the groups the counts are of. */
  stmt = smt_register_prepare (reg, "SELECT id, coalesce (parent_id, 0), organisation_id "
                                    "FROM branch ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  out->branches = g_array_new (FALSE, FALSE, sizeof (SmtFactBranch));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtFactBranch b = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (out->branches, b);
    }
  if (!step_done (reg, stmt, rc, error))
    return FALSE;
  out->branch_parent = g_new (guint, MAX (out->branches->len, 1));
  for (guint i = 0; i < out->branches->len; i++)
    {
      gint64 parent = g_array_index (out->branches, SmtFactBranch, i).parent_id;

      out->branch_parent[i] = parent != 0 ? find_id (out->branches, parent) : G_MAXUINT;
    }
  /* The spans come by person, so a branch is mostly the one before. */
  out->span_branch = g_new (guint, MAX (f->spans->len, 1));
  for (guint i = 0, last = G_MAXUINT; i < f->spans->len; i++)
    {
      gint64 branch_id = g_array_index (f->spans, SmtMemberSpan, i).branch_id;

      if (last == G_MAXUINT
          || g_array_index (out->branches, SmtFactBranch, last).id != branch_id)
        last = branch_id != 0 ? find_id (out->branches, branch_id) : G_MAXUINT;
      out->span_branch[i] = last;
    }
  return TRUE;
}

const SmtFactBranch *
smt_member_studies_branch (SmtMemberStudies *studies,
                           gint64            id)
{
  guint i = find_id (studies->branches, id);

  return i != G_MAXUINT ? &g_array_index (studies->branches, SmtFactBranch, i) : NULL;
}

/**
 * smt_member_facts_get_studies:
 * @reg: the register
 * @facts: its facts
 * @error: a database error
 *
 * Returns: (transfer none): the current studies and their participants,
 *   NULL on error
 */
SmtMemberStudies *
smt_member_facts_get_studies (SmtRegister     *reg,
                              SmtMemberFacts  *facts,
                              GError         **error)
{
  SmtMemberStudies *cached = smt_register_get_cached (reg, "smt-member-studies");
  g_autoptr(SmtMemberStudies) s = NULL;

  if (cached != NULL)
    return cached;
  s = g_new0 (SmtMemberStudies, 1);
  if (!load_studies (reg, facts, s, error))
    return NULL;
  cached = s;
  smt_register_set_cached (reg, "smt-member-studies", g_steal_pointer (&s),
                           (GDestroyNotify) studies_free);
  return cached;
}

/* ---- names -------------------------------------------------------------------- */

static void
names_free (SmtMemberNames *n)
{
  g_strfreev (n->person_names);
  g_clear_pointer (&n->hamlets, g_hash_table_unref);
  g_clear_pointer (&n->branches, g_hash_table_unref);
  g_clear_pointer (&n->addresses, g_hash_table_unref);
  g_clear_pointer (&n->subjects, g_hash_table_unref);
  g_free (n);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtMemberNames, names_free)

static GHashTable *
load_names (SmtRegister  *reg,
            const char   *sql,
            GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, sql, error);
  g_autoptr(GHashTable) names = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                           sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!step_done (reg, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

static gboolean
load_person_names (SmtRegister     *reg,
                   SmtMemberFacts  *f,
                   SmtMemberNames  *n,
                   GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, ho, chu_lot, ten FROM person ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  n->person_names = g_new0 (char *, f->persons->len + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint i = find_id (f->persons, sqlite3_column_int64 (stmt, 0));
      const char *ho = (const char *) sqlite3_column_text (stmt, 1);
      const char *lot = (const char *) sqlite3_column_text (stmt, 2);
      const char *ten = (const char *) sqlite3_column_text (stmt, 3);

      if (i == G_MAXUINT || n->person_names[i] != NULL)
        continue;
      if (lot != NULL && lot[0] != '\0')
        n->person_names[i] = g_strdup_printf ("%s %s %s", ho, lot, ten);
      else
        n->person_names[i] = g_strdup_printf ("%s %s", ho, ten);
    }
  if (!step_done (reg, stmt, rc, error))
    return FALSE;
  for (guint i = 0; i < f->persons->len; i++)
    if (n->person_names[i] == NULL)
      n->person_names[i] = g_strdup ("");
  return TRUE;
}

/**
 * smt_member_facts_get_names:
 * @reg: the register
 * @facts: its facts
 * @error: a database error
 *
 * Returns: (transfer none): the names of people, hamlets, branches,
 *   households (addresses) and studies (subjects), NULL on error
 */
SmtMemberNames *
smt_member_facts_get_names (SmtRegister     *reg,
                            SmtMemberFacts  *facts,
                            GError         **error)
{
  SmtMemberNames *cached = smt_register_get_cached (reg, "smt-member-names");
  g_autoptr(SmtMemberNames) n = NULL;

  if (cached != NULL)
    return cached;
  n = g_new0 (SmtMemberNames, 1);
  if (!load_person_names (reg, facts, n, error)
      || (n->hamlets = load_names (reg, "SELECT id, name FROM hamlet", error)) == NULL
      || (n->branches = load_names (reg, "SELECT id, name FROM branch", error)) == NULL
      || (n->addresses = load_names (reg, "SELECT id, address FROM household", error)) == NULL
      || (n->subjects = load_names (reg, "SELECT id, subject FROM study", error)) == NULL)
    return NULL;
  cached = n;
  smt_register_set_cached (reg, "smt-member-names", g_steal_pointer (&n),
                           (GDestroyNotify) names_free);
  return cached;
}
