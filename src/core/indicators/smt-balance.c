/* smt-balance.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/organisations/smt-organisation-query.h"
#include "smt-balance.h"
#include "smt-member-facts.h"

/* Every change of a count is an event of the day it takes effect, read
 * once per register content off the facts of the member indicators:
 *
 * - a membership begins (its first span opens: kết nạp, nhập từ danh sách
 *   or chuyển đến) in
 *   the hamlet where the person lives that day;
 * - it ends (its last span closes: chuyển đi, ra khỏi tổ chức / xóa tên,
 *   từ trần) the day after its last day, in the hamlet of that last day;
 * - a member moves house from one hamlet (or none) to another while the
 *   membership goes on: a decrease of the first, an increase of the other;
 * - a transfer, a restructure or going away opens a span inside a
 *   membership: counted beside the balance, it changes no count.
 *
 * The members of a row on a day are then exactly the events up to that
 * day, increases less decreases, which is how memberships_total counts
 * them (the test checks both ways on a demo). A period is a binary search
 * into the events sorted by day and a walk over its own. */

enum
{
  KIND_INCREASE = 0,
  KIND_DECREASE = SMT_N_BALANCE_INCREASES,
  KIND_MOVE = KIND_DECREASE + SMT_N_BALANCE_DECREASES,
  N_KINDS = KIND_MOVE + SMT_N_BALANCE_MOVES
};

typedef struct
{
  gint32  day;
  guint16 org;       /* index in the facts' organisations */
  guint16 hamlet;    /* index in hamlets; n_hamlets: none */
  guint8  kind;      /* KIND_… + the kind */
  guint8  commune;   /* counts for the commune's row too (not a move of house) */
} Event;

typedef struct
{
  GPtrArray *hamlets;      /* SmtHamletInfo, by name */
  GArray    *events;       /* Event, by day */
} Changes;

static void
changes_free (Changes *c)
{
  g_clear_pointer (&c->hamlets, g_ptr_array_unref);
  g_clear_pointer (&c->events, g_array_unref);
  g_free (c);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Changes, changes_free)

/* ---- labels ------------------------------------------------------------------- */

static const char *increase_names[SMT_N_BALANCE_INCREASES] = {
  "admitted", "transferred_in", "moved_in", "imported",
};
static const char *decrease_names[SMT_N_BALANCE_DECREASES] = {
  "transferred_out", "left", "deceased", "moved_out",
};
static const char *move_names[SMT_N_BALANCE_MOVES] = {
  "transferred", "restructured", "away",
};

const char *
smt_balance_increase_to_string (SmtBalanceIncrease kind)
{
  g_return_val_if_fail ((guint) kind < SMT_N_BALANCE_INCREASES, NULL);
  return increase_names[kind];
}

const char *
smt_balance_decrease_to_string (SmtBalanceDecrease kind)
{
  g_return_val_if_fail ((guint) kind < SMT_N_BALANCE_DECREASES, NULL);
  return decrease_names[kind];
}

const char *
smt_balance_move_to_string (SmtBalanceMove kind)
{
  g_return_val_if_fail ((guint) kind < SMT_N_BALANCE_MOVES, NULL);
  return move_names[kind];
}

const char *
smt_balance_increase_label (SmtBalanceIncrease kind)
{
  static const char *labels[SMT_N_BALANCE_INCREASES] = {
    NC_("balance", "Newly admitted"),
    NC_("balance", "Transferred in"),
    NC_("balance", "Came to live here"),
    NC_("balance", "Imported from a list"),
  };

  g_return_val_if_fail ((guint) kind < SMT_N_BALANCE_INCREASES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "balance", labels[kind]);
}

const char *
smt_balance_decrease_label (SmtBalanceDecrease kind)
{
  static const char *labels[SMT_N_BALANCE_DECREASES] = {
    NC_("balance", "Transferred out"),
    NC_("balance", "Left or removed"),
    NC_("balance", "Deceased"),
    NC_("balance", "Went to live elsewhere"),
  };

  g_return_val_if_fail ((guint) kind < SMT_N_BALANCE_DECREASES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "balance", labels[kind]);
}

const char *
smt_balance_move_label (SmtBalanceMove kind)
{
  static const char *labels[SMT_N_BALANCE_MOVES] = {
    NC_("balance", "Transferred in the commune"),
    NC_("balance", "Restructured"),
    NC_("balance", "Went to work away"),
  };

  g_return_val_if_fail ((guint) kind < SMT_N_BALANCE_MOVES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "balance", labels[kind]);
}

/* ---- rows --------------------------------------------------------------------- */

void
smt_balance_row_free (SmtBalanceRow *row)
{
  if (row == NULL)
    return;
  g_free (row->organisation);
  g_free (row->organisation_name);
  g_free (row->hamlet);
  g_free (row);
}

guint
smt_balance_row_increased (const SmtBalanceRow *row)
{
  guint n = 0;

  g_return_val_if_fail (row != NULL, 0);
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    n += row->increases[k];
  return n;
}

guint
smt_balance_row_decreased (const SmtBalanceRow *row)
{
  guint n = 0;

  g_return_val_if_fail (row != NULL, 0);
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    n += row->decreases[k];
  return n;
}

/* ---- the changes -------------------------------------------------------------- */

typedef struct
{
  SmtMemberFacts  *f;
  const guint16   *household_hamlet;  /* by household index: hamlet index, or none */
  guint16          none;
} Places;

/* The hamlet (index) where the person lives on the day, as
 * memberships_total places them: the latest residence row from on or
 * before the day; none when there is none or it says they left. */
static guint16
hamlet_on (const Places        *pl,
           const SmtFactPerson *p,
           gint32               day)
{
  const SmtFactResidence *res =
    &g_array_index (pl->f->residences, SmtFactResidence, p->res_first);

  for (guint i = p->res_n; i > 0; i--)
    if (res[i - 1].from <= day)
      return res[i - 1].household >= 0 ? pl->household_hamlet[res[i - 1].household] : pl->none;
  return pl->none;
}

static void
add_event (GArray  *events,
           gint32   day,
           guint    org,
           guint16  hamlet,
           int      kind,
           gboolean commune)
{
  Event e = { day, (guint16) org, hamlet, (guint8) kind, (guint8) commune };

  g_array_append_val (events, e);
}

/* Whether span i continues into span i + 1: the same membership, the
 * next span opening the day after it closes, and not closed by an end of
 * membership. */
static gboolean
continues (SmtMemberFacts *f,
           guint           i)
{
  const SmtFactSpan *s = &f->span_facts[i];
  const SmtFactSpan *n;

  if (i + 1 >= f->spans->len || s->end == SMT_DAY_NEVER)
    return FALSE;
  n = &f->span_facts[i + 1];
  return n->person == s->person && n->org == s->org && n->start == s->end + 1
         && smt_member_facts_end_flow (&g_array_index (f->spans, SmtMemberSpan, i))
            == SMT_N_FACT_FLOWS;
}

static void
span_events (const Places *pl,
             GArray       *events,
             guint         i)
{
  SmtMemberFacts *f = pl->f;
  const SmtFactSpan *s = &f->span_facts[i];
  const SmtMemberSpan *span = &g_array_index (f->spans, SmtMemberSpan, i);
  const SmtFactPerson *p = &g_array_index (f->persons, SmtFactPerson, s->person);
  SmtFactFlow flow = smt_member_facts_start_flow (span);
  gboolean first = i == 0 || !continues (f, i - 1);

  if (first)
    /* smt-member-spans.h opens every membership with admitted or
     * transferred_in; only a damaged register has another kind here. */
    add_event (events, s->start, s->org, hamlet_on (pl, p, s->start),
               KIND_INCREASE + (flow == SMT_FACT_TRANSFERRED_IN ? SMT_BALANCE_TRANSFERRED_IN
                                : flow == SMT_FACT_IMPORTED ? SMT_BALANCE_IMPORTED
                                : SMT_BALANCE_ADMITTED), TRUE);
  else if (flow == SMT_FACT_TRANSFERRED || flow == SMT_FACT_RESTRUCTURED || flow == SMT_FACT_AWAY)
    add_event (events, s->start, s->org, hamlet_on (pl, p, s->start),
               KIND_MOVE + (flow == SMT_FACT_TRANSFERRED ? SMT_BALANCE_TRANSFERRED
                            : flow == SMT_FACT_RESTRUCTURED ? SMT_BALANCE_RESTRUCTURED
                            : SMT_BALANCE_AWAY), TRUE);

  if (s->end != SMT_DAY_NEVER && !continues (f, i))
    {
      SmtFactFlow end = smt_member_facts_end_flow (span);
      int kind = end == SMT_FACT_TRANSFERRED_OUT ? SMT_BALANCE_TRANSFERRED_OUT
                 : end == SMT_FACT_DECEASED ? SMT_BALANCE_DECEASED : SMT_BALANCE_LEFT;

      add_event (events, s->end + 1, s->org, hamlet_on (pl, p, s->end), KIND_DECREASE + kind,
                 TRUE);
    }
}

/* A member who moves house on a day while their membership goes on: out
 * of the hamlet of the day before, into that of the day. */
static void
move_events (const Places *pl,
             GArray       *events,
             guint         person)
{
  SmtMemberFacts *f = pl->f;
  const SmtFactPerson *p = &g_array_index (f->persons, SmtFactPerson, person);
  const SmtFactResidence *res =
    &g_array_index (f->residences, SmtFactResidence, p->res_first);

  for (guint r = 0; r < p->res_n; r++)
    {
      gint32 day = res[r].from;
      guint16 before, after;

      /* Rows of one day: the last one is in force. */
      if (r + 1 < p->res_n && res[r + 1].from == day)
        continue;
      before = hamlet_on (pl, p, day - 1);
      after = hamlet_on (pl, p, day);
      if (before == after)
        continue;
      for (guint i = p->span_first; i < p->span_first + p->span_n; i++)
        {
          const SmtFactSpan *s = &f->span_facts[i];

          if (s->org == G_MAXUINT || s->start > day - 1 || s->end < day - 1)
            continue;
          if (s->end >= day || continues (f, i))
            {
              add_event (events, day, s->org, before, KIND_DECREASE + SMT_BALANCE_MOVED_OUT,
                         FALSE);
              add_event (events, day, s->org, after, KIND_INCREASE + SMT_BALANCE_MOVED_IN,
                         FALSE);
            }
        }
    }
}

static int
event_cmp (const void *a,
           const void *b)
{
  const Event *x = a, *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

static int
id_cmp (const void *a,
        const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static Changes *
changes_get (SmtRegister  *reg,
             GError      **error)
{
  Changes *cached = smt_register_get_cached (reg, "smt-balance");
  g_autoptr(Changes) c = NULL;
  g_autofree guint16 *household_hamlet = NULL;
  g_autofree gint64 *ids = NULL;
  SmtMemberFacts *f;
  Places pl;

  if (cached != NULL)
    return cached;
  if ((f = smt_member_facts_get (reg, error)) == NULL)
    return NULL;
  c = g_new0 (Changes, 1);
  if ((c->hamlets = smt_hamlets_list (reg, error)) == NULL)
    return NULL;
  g_return_val_if_fail (c->hamlets->len < G_MAXUINT16 && f->orgs->len < G_MAXUINT16, NULL);

  /* Each household's hamlet as an index in the list by name. */
  ids = g_new (gint64, MAX (c->hamlets->len, 1) * 2);
  for (guint h = 0; h < c->hamlets->len; h++)
    {
      ids[2 * h] = ((SmtHamletInfo *) g_ptr_array_index (c->hamlets, h))->id;
      ids[2 * h + 1] = h;
    }
  qsort (ids, c->hamlets->len, 2 * sizeof (gint64), id_cmp);
  household_hamlet = g_new (guint16, MAX (f->households->len, 1));
  for (guint i = 0; i < f->households->len; i++)
    {
      gint64 hamlet_id = g_array_index (f->households, SmtFactHousehold, i).hamlet_id;
      const gint64 *found = bsearch (&hamlet_id, ids, c->hamlets->len, 2 * sizeof (gint64),
                                     id_cmp);

      household_hamlet[i] = found != NULL ? (guint16) found[1] : (guint16) c->hamlets->len;
    }
  pl.f = f;
  pl.household_hamlet = household_hamlet;
  pl.none = (guint16) c->hamlets->len;

  c->events = g_array_sized_new (FALSE, FALSE, sizeof (Event), f->spans->len + 1024);
  for (guint i = 0; i < f->spans->len; i++)
    if (f->span_facts[i].person != G_MAXUINT && f->span_facts[i].org != G_MAXUINT)
      span_events (&pl, c->events, i);
  for (guint p = 0; p < f->persons->len; p++)
    {
      const SmtFactPerson *person = &g_array_index (f->persons, SmtFactPerson, p);

      if (person->span_n > 0 && person->res_n > 0)
        move_events (&pl, c->events, p);
    }
  /* By day; the order within a day does not matter. */
  qsort (c->events->data, c->events->len, sizeof (Event), event_cmp);

  cached = c;
  smt_register_set_cached (reg, "smt-balance", g_steal_pointer (&c),
                           (GDestroyNotify) changes_free);
  return cached;
}

/* ---- counting ----------------------------------------------------------------- */

/* The counts of one row (an organisation and a hamlet, or the commune). */
typedef struct
{
  gint64 start;
  guint  kinds[N_KINDS];
} Tally;

static int
kind_sign (int kind)
{
  return kind < KIND_DECREASE ? 1 : kind < KIND_MOVE ? -1 : 0;
}

typedef struct
{
  gint32 start;   /* the period's first day */
  gint32 end;     /* its last */
  guint  index;
} Span;

static int
span_cmp (const void *a,
          const void *b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return (x->start > y->start) - (x->start < y->start);
  return (x->index > y->index) - (x->index < y->index);
}

static SmtBalanceRow *
row_new (const SmtOrganisationInfo *org,
         gint64                     hamlet_id,
         const char                *hamlet,
         const Tally               *t)
{
  SmtBalanceRow *row = g_new0 (SmtBalanceRow, 1);
  gint64 end = t->start;

  row->organisation_id = org->id;
  row->organisation = g_strdup (org->code);
  row->organisation_name = g_strdup (org->short_name);
  row->hamlet_id = hamlet_id;
  row->hamlet = g_strdup (hamlet);
  row->start = (guint) MAX (t->start, 0);
  for (guint k = 0; k < SMT_N_BALANCE_INCREASES; k++)
    end += row->increases[k] = t->kinds[KIND_INCREASE + k];
  for (guint k = 0; k < SMT_N_BALANCE_DECREASES; k++)
    end -= row->decreases[k] = t->kinds[KIND_DECREASE + k];
  for (guint k = 0; k < SMT_N_BALANCE_MOVES; k++)
    row->moves[k] = t->kinds[KIND_MOVE + k];
  row->end = (guint) MAX (end, 0);
  return row;
}

static gboolean
tally_empty (const Tally *t)
{
  if (t->start != 0)
    return FALSE;
  for (guint k = 0; k < N_KINDS; k++)
    if (t->kinds[k] != 0)
      return FALSE;
  return TRUE;
}

GPtrArray *
smt_balance_compute_series (SmtRegister         *reg,
                            SmtPeriod * const   *periods,
                            guint                n_periods,
                            gint64               organisation_id,
                            GError             **error)
{
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree Span *order = NULL;
  g_autofree Tally *tallies = NULL;
  g_autofree gint64 *net = NULL;
  g_autofree guint *org_of = NULL;
  g_autofree gboolean *none_used = NULL;
  SmtMemberFacts *f;
  Changes *c;
  guint n_orgs, n_slots, k = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (periods != NULL || n_periods == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((f = smt_member_facts_get (reg, error)) == NULL || (c = changes_get (reg, error)) == NULL
      || (organisations = smt_organisations_list (reg, error)) == NULL)
    return NULL;
  if (organisation_id != 0 && smt_member_facts_org_index (f, organisation_id) == G_MAXUINT)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
                   _("There is no such organisation. Choose one from the list of "
                     "organisations."));
      return NULL;
    }

  /* Slots of a facts organisation: the commune, the hamlets, none. */
  n_orgs = f->orgs->len;
  n_slots = c->hamlets->len + 2;
  net = g_new0 (gint64, MAX (n_orgs * n_slots, 1));
  tallies = g_new0 (Tally, MAX ((gsize) n_periods * n_orgs * n_slots, 1));
  order = g_new (Span, MAX (n_periods, 1));
  for (guint i = 0; i < n_periods; i++)
    {
      order[i].start = smt_member_facts_day (smt_period_get_start (periods[i]));
      order[i].end = smt_member_facts_day (smt_period_stock_date (periods[i]));
      order[i].index = i;
    }
  qsort (order, n_periods, sizeof (Span), span_cmp);

  for (guint o = 0; o < n_periods; o++)
    {
      const Span *sp = &order[o];
      Tally *t = &tallies[(gsize) sp->index * n_orgs * n_slots];
      const Event *e;

      /* The members on the day before: every change up to it. */
      for (; k < c->events->len
             && (e = &g_array_index (c->events, Event, k))->day < sp->start; k++)
        {
          int sign = kind_sign (e->kind);

          net[e->org * n_slots + 1 + e->hamlet] += sign;
          if (e->commune)
            net[e->org * n_slots] += sign;
        }
      for (guint s = 0; s < n_orgs * n_slots; s++)
        t[s].start = net[s];
      /* The changes of the period. */
      for (guint i = k; i < c->events->len
                        && (e = &g_array_index (c->events, Event, i))->day <= sp->end; i++)
        {
          t[e->org * n_slots + 1 + e->hamlet].kinds[e->kind]++;
          if (e->commune)
            t[e->org * n_slots].kinds[e->kind]++;
        }
    }

  /* The rows, organisation by organisation in position order. */
  org_of = g_new (guint, MAX (organisations->len, 1));
  none_used = g_new0 (gboolean, MAX (n_orgs, 1));
  for (guint i = 0; i < organisations->len; i++)
    {
      org_of[i] = smt_member_facts_org_index (
        f, ((SmtOrganisationInfo *) g_ptr_array_index (organisations, i))->id);
      for (guint p = 0; org_of[i] != G_MAXUINT && p < n_periods; p++)
        none_used[org_of[i]] |= !tally_empty (&tallies[((gsize) p * n_orgs + org_of[i]) * n_slots
                                                        + n_slots - 1]);
    }
  results = g_ptr_array_new_full (n_periods, (GDestroyNotify) g_ptr_array_unref);
  for (guint p = 0; p < n_periods; p++)
    {
      GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_balance_row_free);

      for (guint i = 0; i < organisations->len; i++)
        {
          const SmtOrganisationInfo *org = g_ptr_array_index (organisations, i);
          const Tally *t;

          if ((organisation_id != 0 && org->id != organisation_id) || org_of[i] == G_MAXUINT)
            continue;
          t = &tallies[((gsize) p * n_orgs + org_of[i]) * n_slots];
          g_ptr_array_add (rows, row_new (org, 0, NULL, &t[0]));
          for (guint h = 0; h < c->hamlets->len; h++)
            {
              const SmtHamletInfo *hamlet = g_ptr_array_index (c->hamlets, h);

              g_ptr_array_add (rows, row_new (org, hamlet->id, hamlet->name, &t[1 + h]));
            }
          if (none_used[org_of[i]])
            g_ptr_array_add (rows, row_new (org, SMT_BALANCE_NO_HAMLET, NULL,
                                            &t[n_slots - 1]));
        }
      g_ptr_array_add (results, rows);
    }
  return g_steal_pointer (&results);
}

GPtrArray *
smt_balance_compute (SmtRegister      *reg,
                     const SmtPeriod  *period,
                     gint64            organisation_id,
                     GError          **error)
{
  g_autoptr(GPtrArray) series = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  series = smt_balance_compute_series (reg, (SmtPeriod * const *) &period, 1, organisation_id,
                                       error);
  if (series == NULL)
    return NULL;
  return g_ptr_array_ref (g_ptr_array_index (series, 0));
}
