/* smt-overview.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/targets/smt-period.h"
#include "smt-indicators.h"
#include "smt-member-facts.h"
#include "smt-overview.h"

/* The figures the indicators also give (members, memberships, members by
 * organisation) come from the indicator engine, so that the start page and
 * `somattran indicators` never disagree; the rest is counted from the same
 * cached facts (residences, deaths, spans) or with plain SQL. */

#define CURRENT(table, alias) \
  alias ".voided = 0 AND NOT EXISTS (SELECT 1 FROM " table " s WHERE s.supersedes = " \
  alias ".id)"

static void
organisation_free (SmtOverviewOrganisation *o)
{
  g_free (o->code);
  g_free (o->name);
  g_free (o);
}

static void
branch_free (SmtOverviewBranch *b)
{
  g_free (b->name);
  g_free (b->organisation);
  g_free (b->last_meeting);
  g_free (b);
}

static void
confirm_free (SmtOverviewConfirm *c)
{
  g_free (c->text);
  g_free (c);
}

void
smt_overview_free (SmtOverview *overview)
{
  if (overview == NULL)
    return;
  g_free (overview->month);
  g_free (overview->day);
  g_clear_pointer (&overview->organisations, g_ptr_array_unref);
  g_clear_pointer (&overview->without_meeting, g_ptr_array_unref);
  g_clear_pointer (&overview->to_confirm, g_ptr_array_unref);
  g_free (overview);
}

/* "YYYY-MM" with a month 01–12 and a year the periods accept. */
static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-')
    return FALSE;
  for (int i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;
  *year = atoi (text);
  *month = atoi (text + 5);
  return *year >= 1800 && *month >= 1 && *month <= 12;
}

/* Indicator count of the period, for one organisation or all (0): the
 * overview is the office's own view, so "all" is every organisation it
 * keeps, the mass associations with the socio-political ones, not the
 * seeds' default scope. */
static gboolean
indicator_count (SmtRegister     *reg,
                 const char      *code,
                 const SmtPeriod *period,
                 gint64           organisation_id,
                 guint           *count,
                 GError         **error)
{
  SmtIndicatorQuery query = { .organisation_id = organisation_id,
                              .scope = "socio_political,mass" };
  g_autoptr(SmtIndicatorResult) r = smt_indicator_compute (reg, code, period, &query, error);

  if (r == NULL)
    return FALSE;
  *count = r->defined ? (guint) r->numerator : 0;
  return TRUE;
}

/* The person's current residence row on the day, or NULL before the first. */
static const SmtFactResidence *
residence_on (const SmtMemberFacts *f,
              const SmtFactPerson  *p,
              gint32                day)
{
  const SmtFactResidence *rows = (const SmtFactResidence *) f->residences->data;

  for (guint i = p->res_n; i > 0; i--)
    if (rows[p->res_first + i - 1].from <= day)
      return &rows[p->res_first + i - 1];
  return NULL;
}

/* One line to confirm, with what sorts it. */
typedef struct
{
  SmtOverviewConfirm *confirm;
  GBytes             *sort_ten;
  GBytes             *sort_lot;
  GBytes             *sort_ho;
  guint               org_index;
} Pending;

static void
pending_clear (Pending *p)
{
  g_clear_pointer (&p->confirm, confirm_free);
  g_clear_pointer (&p->sort_ten, g_bytes_unref);
  g_clear_pointer (&p->sort_lot, g_bytes_unref);
  g_clear_pointer (&p->sort_ho, g_bytes_unref);
}

static int
bytes_cmp (GBytes *a,
           GBytes *b)
{
  gsize na, nb;
  const guint8 *da = g_bytes_get_data (a, &na);
  const guint8 *db = g_bytes_get_data (b, &nb);
  int c = memcmp (da, db, MIN (na, nb));

  return c != 0 ? c : (na > nb) - (na < nb);
}

/* By kind, then the Vietnamese order of names (tên, chữ lót, họ), then the
 * person's key, then the organisation's position. */
static int
pending_cmp (gconstpointer a,
             gconstpointer b)
{
  const Pending *x = a;
  const Pending *y = b;
  int c;

  if (x->confirm->kind != y->confirm->kind)
    return x->confirm->kind < y->confirm->kind ? -1 : 1;
  if ((c = bytes_cmp (x->sort_ten, y->sort_ten)) != 0
      || (c = bytes_cmp (x->sort_lot, y->sort_lot)) != 0
      || (c = bytes_cmp (x->sort_ho, y->sort_ho)) != 0)
    return c;
  if (x->confirm->person_id != y->confirm->person_id)
    return x->confirm->person_id < y->confirm->person_id ? -1 : 1;
  return (x->org_index > y->org_index) - (x->org_index < y->org_index);
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  return g_bytes_new (sqlite3_column_blob (stmt, column),
                      (gsize) sqlite3_column_bytes (stmt, column));
}

/* Fills in the text and sort keys of a change to confirm. */
static gboolean
pending_describe (SmtRegister      *reg,
                  Pending          *pending,
                  const SmtFactOrg *org,
                  int               birth_year,
                  gint32            since,
                  GError          **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT ho || ' ' || CASE chu_lot WHEN '' THEN '' ELSE chu_lot || ' ' END || ten, "
      "sort_ten, sort_lot, sort_ho FROM person WHERE id = ?1", error);
  g_autofree char *iso = smt_member_facts_iso (since);
  g_autofree char *shown = smt_date_to_display (iso);
  g_autofree char *name = NULL;
  g_autofree char *membership = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pending->confirm->person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      smt_register_set_db_error (reg, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  pending->sort_ten = column_bytes (stmt, 1);
  pending->sort_lot = column_bytes (stmt, 2);
  pending->sort_ho = column_bytes (stmt, 3);
  sqlite3_reset (stmt);

  /* "hội viên Phụ nữ", "đoàn viên Đoàn Thanh niên": data, not translated. */
  membership = g_strdup_printf ("%s %s", org->member_word, org->short_name);
  switch (pending->confirm->kind)
    {
    case SMT_CONFIRM_DECEASED:
      /* TRANSLATORS: name, birth year, date of death, "hội viên Phụ nữ" */
      pending->confirm->text = g_strdup_printf (_("%s (%d) died on %s and is still listed as %s"),
                                                name, birth_year, shown, membership);
      break;
    case SMT_CONFIRM_MOVED_AWAY:
      /* TRANSLATORS: name, birth year, date, "hội viên Phụ nữ" */
      pending->confirm->text = g_strdup_printf (_("%s (%d) moved out of the commune on %s and is "
                                                  "still listed as %s"),
                                                name, birth_year, shown, membership);
      break;
    case SMT_CONFIRM_OVER_AGE:
    default:
      /* TRANSLATORS: name, birth year, the age bound, the day they passed it,
       * "đoàn viên Đoàn Thanh niên" */
      pending->confirm->text = g_strdup_printf (_("%s (%d) has been over %d since %s and is "
                                                  "still listed as %s"),
                                                name, birth_year, org->max_age, shown,
                                                membership);
      break;
    }
  return TRUE;
}

/* People and households on the day, the away members of each organisation
 * and the changes to confirm, in one pass over the facts. */
static gboolean
count_facts (SmtRegister    *reg,
             SmtOverview    *ov,
             gint32          day,
             guint          *away,
             GError        **error)
{
  SmtMemberFacts *f = smt_member_facts_get (reg, error);
  g_autofree guint8 *household_seen = NULL;
  g_autoptr(GArray) pending = NULL;
  const SmtFactOrg *orgs;
  const SmtFactSpan *span_facts;
  const SmtMemberSpan *spans;

  if (f == NULL)
    return FALSE;
  orgs = (const SmtFactOrg *) f->orgs->data;
  span_facts = f->span_facts;
  spans = (const SmtMemberSpan *) f->spans->data;
  household_seen = g_new0 (guint8, f->households->len + 1);
  pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (pending, (GDestroyNotify) pending_clear);

  for (guint i = 0; i < f->persons->len; i++)
    {
      const SmtFactPerson *p = &g_array_index (f->persons, SmtFactPerson, i);
      const SmtFactResidence *r = residence_on (f, p, day);
      gboolean dead = p->death <= day;
      gboolean left = r != NULL && r->household < 0;

      if (!dead && r != NULL && r->household >= 0)
        {
          ov->people++;
          if (!household_seen[r->household])
            {
              household_seen[r->household] = 1;
              ov->households++;
            }
        }
      for (guint s = p->span_first; s < p->span_first + p->span_n; s++)
        {
          const SmtFactSpan *sf = &span_facts[s];
          const SmtFactOrg *o;
          Pending item = { 0 };
          gint32 since;

          if (sf->start > day || sf->end < day || sf->org == G_MAXUINT)
            continue;
          o = &orgs[sf->org];
          if (spans[s].away)
            away[sf->org]++;
          /* One line per person and organisation, the strongest reason first:
           * the dead cannot be asked, those gone are no longer counted here. */
          if (dead)
            {
              item.confirm = g_new0 (SmtOverviewConfirm, 1);
              item.confirm->kind = SMT_CONFIRM_DECEASED;
              since = p->death;
            }
          else if (left)
            {
              item.confirm = g_new0 (SmtOverviewConfirm, 1);
              item.confirm->kind = SMT_CONFIRM_MOVED_AWAY;
              since = r->from;
            }
          else if (o->max_age >= 0 && smt_member_facts_age_on (p, day) > o->max_age)
            {
              item.confirm = g_new0 (SmtOverviewConfirm, 1);
              item.confirm->kind = SMT_CONFIRM_OVER_AGE;
              since = smt_member_facts_age_day (p, o->max_age + 1);
            }
          else
            continue;
          item.confirm->person_id = p->id;
          item.confirm->organisation_id = o->id;
          item.org_index = sf->org;
          if (!pending_describe (reg, &item, o, p->birth_year, since, error))
            {
              pending_clear (&item);
              return FALSE;
            }
          g_array_append_val (pending, item);
        }
    }

  g_array_sort (pending, pending_cmp);
  for (guint i = 0; i < pending->len; i++)
    g_ptr_array_add (ov->to_confirm,
                     g_steal_pointer (&g_array_index (pending, Pending, i).confirm));
  return TRUE;
}

/* Every organisation that is active or has members on the day, in
 * position order, its members from the indicator engine. */
static gboolean
count_organisations (SmtRegister      *reg,
                     SmtOverview      *ov,
                     const SmtPeriod  *period,
                     GError          **error)
{
  SmtMemberFacts *f = smt_member_facts_get (reg, error);
  g_autofree guint *away = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) organisation_free);
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3_stmt *stmt;
  int rc;

  if (f == NULL)
    return FALSE;
  away = g_new0 (guint, f->orgs->len + 1);
  if (!count_facts (reg, ov, smt_member_facts_day (ov->day), away, error))
    return FALSE;

  stmt = smt_register_prepare (reg, "SELECT id, code, name, active FROM organisation "
                                    "ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtOverviewOrganisation *o = g_new0 (SmtOverviewOrganisation, 1);
      gboolean is_active = sqlite3_column_int (stmt, 3) != 0;

      o->organisation_id = sqlite3_column_int64 (stmt, 0);
      o->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      o->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (all, o);
      g_array_append_val (active, is_active);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);

  for (guint i = 0; i < all->len; i++)
    {
      SmtOverviewOrganisation *o = g_ptr_array_index (all, i);
      guint index = smt_member_facts_org_index (f, o->organisation_id);

      if (!indicator_count (reg, "members_total", period, o->organisation_id, &o->members, error))
        return FALSE;
      o->away = index != G_MAXUINT ? away[index] : 0;
      if (o->members > 0 || g_array_index (active, gboolean, i))
        g_ptr_array_add (ov->organisations, g_ptr_array_steal_index (all, i--));
    }
  return TRUE;
}

/* Branches (not tổ hội) existing on the day, and those without a current
 * regular meeting from the first of the month to the day. */
static gboolean
count_branches (SmtRegister  *reg,
                SmtOverview  *ov,
                const char   *first,
                GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT b.id, b.name, coalesce (g.short_name, ''), "
      " (SELECT max (m.date) FROM meeting m WHERE m.branch_id = b.id AND m.kind = 'regular' "
      "  AND m.date < ?1 AND " CURRENT ("meeting", "m") "), "
      " EXISTS (SELECT 1 FROM meeting m WHERE m.branch_id = b.id AND m.kind = 'regular' "
      "  AND m.date BETWEEN ?1 AND ?2 AND " CURRENT ("meeting", "m") "), "
      " b.organisation_id "
      "FROM branch b LEFT JOIN organisation g ON g.id = b.organisation_id "
      "WHERE b.kind <> 'tổ hội' AND (b.founded_on IS NULL OR b.founded_on <= ?2) "
      "AND (b.dissolved_on IS NULL OR b.dissolved_on >= ?2) "
      "ORDER BY g.position, b.name, b.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, first);
  smt_bind_text (stmt, 2, ov->day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtOverviewBranch *b;

      ov->branches++;
      if (sqlite3_column_int (stmt, 4) != 0)
        continue;
      b = g_new0 (SmtOverviewBranch, 1);
      b->branch_id = sqlite3_column_int64 (stmt, 0);
      b->organisation_id = sqlite3_column_int64 (stmt, 5);
      b->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      b->organisation = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      b->last_meeting = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (ov->without_meeting, b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

/* The ratings of the month's year, or of the last year before it that
 * has any; branches as the branch indicators count them, without the
 * tổ hội. */
static gboolean
count_ratings (SmtRegister  *reg,
               SmtOverview  *ov,
               int           year,
               GError      **error)
{
  sqlite3_stmt *stmt;

  ov->rating_year = (int) smt_register_query_int (reg, year,
      "SELECT max (r.year) FROM rating r WHERE r.year <= ?1 AND " CURRENT ("rating", "r"),
      (gint64) year);
  stmt = smt_register_prepare (reg,
      "SELECT count (r.person_id), "
      " count (CASE WHEN b.kind <> 'tổ hội' THEN r.branch_id END) "
      "FROM rating r LEFT JOIN branch b ON b.id = r.branch_id "
      "WHERE r.year = ?1 AND " CURRENT ("rating", "r"), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, ov->rating_year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      smt_register_set_db_error (reg, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  ov->members_rated = (guint) sqlite3_column_int64 (stmt, 0);
  ov->branches_rated = (guint) sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * smt_overview_compute:
 * @reg: the register
 * @month: "YYYY-MM", or %NULL for the current month
 * @error: a %SMT_REGISTER_ERROR_INVALID for a month that is not one or is
 *   still to come
 *
 * Returns: (transfer full): the commune at a glance on the month's last
 *   day, or today for the current month; %NULL with @error set
 */
SmtOverview *
smt_overview_compute (SmtRegister  *reg,
                      const char   *month,
                      GError      **error)
{
  g_autoptr(SmtOverview) ov = NULL;
  g_autoptr(SmtPeriod) whole = NULL;
  g_autoptr(SmtPeriod) period = NULL;
  const char *today;
  char this_month[8];
  int year, mon;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  today = smt_register_get_today (reg);
  g_strlcpy (this_month, today, sizeof this_month);
  if (month == NULL)
    month = this_month;
  if (!parse_month (month, &year, &mon))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a month. Write the year and the month as yyyy-mm, for "
                     "example %s."), month, this_month);
      return NULL;
    }
  whole = smt_period_new_month (year, mon);
  if (strcmp (month, this_month) > 0)
    {
      g_autofree char *label = smt_period_to_label (whole);
      g_autofree char *shown = smt_date_to_display (today);

      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("%s has not come yet (today is %s). Choose this month or an earlier "
                     "one."), label, shown);
      return NULL;
    }

  ov = g_new0 (SmtOverview, 1);
  ov->month = g_strdup (month);
  ov->day = g_strdup (strcmp (month, this_month) == 0 ? today : smt_period_stock_date (whole));
  ov->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) organisation_free);
  ov->without_meeting = g_ptr_array_new_with_free_func ((GDestroyNotify) branch_free);
  ov->to_confirm = g_ptr_array_new_with_free_func ((GDestroyNotify) confirm_free);

  /* The stock figures of the indicators are taken on the period's last
   * day: for the current month, on today. */
  period = smt_period_new_range (smt_period_get_start (whole), ov->day, error);
  if (period == NULL
      || !indicator_count (reg, "members_total", period, 0, &ov->members, error)
      || !indicator_count (reg, "memberships_total", period, 0, &ov->memberships, error)
      || !count_organisations (reg, ov, period, error)
      || !count_branches (reg, ov, smt_period_get_start (whole), error)
      || !count_ratings (reg, ov, year, error))
    return NULL;
  return g_steal_pointer (&ov);
}
