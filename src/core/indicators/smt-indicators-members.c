/* smt-indicators-members.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/targets/smt-typed-figure.h"
#include "smt-indicators-private.h"
#include "smt-member-facts.h"

/* The indicators counted over people, households and their memberships,
 * on the facts of smt-member-facts.c (read once per change of the
 * register).
 *
 * A series is counted in one sweep: every person is evaluated on the
 * first stock date, then on each later stock date only the people whose
 * state may have changed since the one before (a residence, a death, a
 * span starting or ending, a birthday crossing an age bound), adjusting
 * running totals. Flows are counted by binary search in events sorted by
 * day. An explanation is counted directly, period by period, as it lists
 * the rows behind the figures.
 *
 * members_studied counts who has studied since the start of the period's
 * year (or of a range: a term), so that a month or a quarter without a
 * study keeps what the year has done; with no study at all in that time
 * the figure is undefined and says "chưa có đợt học tập". A study known
 * only by its number of participants stands for that many members of its
 * group (its branch, its organisation, or everyone), who may be the same
 * people as those named: see "Counted participants" below. */

typedef enum
{
  FIGURE_HOUSEHOLDS,    /* households_covered */
  FIGURE_GATHERING,     /* gathering_rate */
  FIGURE_MEMBERSHIPS,   /* memberships_total */
  FIGURE_MEMBERS,       /* members_total */
  FIGURE_STUDIED,       /* members_studied */
  FIGURE_FLOW,          /* members_admitted, members_transferred_in, members_transferred,
                         * members_away, members_transferred_out, members_left,
                         * members_deceased */
} Figure;

typedef struct
{
  const SmtIndicatorQuery *q;
  const SmtScope          *scope;       /* the organisations counted */
  Figure                   figure;
  SmtFactFlow              flow;
  SmtMemberFacts          *f;
  const SmtFactPerson     *persons;
  const SmtFactResidence  *residences;
  const SmtFactHousehold  *households;
  const SmtFactSpan       *span_facts;
  const SmtFactOrg        *orgs;
  guint                    n_orgs;
  const SmtFactOrg        *only;        /* gathering_rate of one organisation */
  gboolean                *org_counts;  /* by org index: in the scope */
  const SmtFactOrg       **gathering;   /* the organisations of the scope, those whose
                                         * rule asks no trait first */
  guint                    n_gathering;
  SmtMemberStudies        *studies;     /* members_studied only */
  gboolean                *study_ok;    /* by study index: passes the filter */
  SmtMemberNames          *names;       /* when explaining */
  SmtTypedFigure         **typed;       /* gathering_rate: by result of the sweep, the
                                         * typed denominator or NULL (or all NULL) */
} Ctx;

static void
ctx_clear (Ctx *c)
{
  g_clear_pointer (&c->org_counts, g_free);
  g_clear_pointer (&c->gathering, g_free);
  g_clear_pointer (&c->study_ok, g_free);
}

static const SmtFactOrg *
org_get (Ctx    *c,
         gint64  id)
{
  guint i = smt_member_facts_org_index (c->f, id);

  return i != G_MAXUINT ? &c->orgs[i] : NULL;
}

static const char *
name_of (GHashTable *names,
         gint64      id)
{
  const char *name = names != NULL ? g_hash_table_lookup (names, &id) : NULL;

  return name != NULL ? name : "";
}

static const SmtMemberSpan *
span_get (Ctx   *c,
          guint  index)
{
  return &g_array_index (c->f->spans, SmtMemberSpan, index);
}

/* ---- facts about one person on one day ---------------------------------------- */

/* The residence in force on the day: the latest current row from on or
 * before it; NULL when none, or when that row says the person left. */
static const SmtFactResidence *
resident_on (Ctx                 *c,
             const SmtFactPerson *p,
             gint32               day)
{
  for (guint i = p->res_n; i > 0; i--)
    {
      const SmtFactResidence *r = &c->residences[p->res_first + i - 1];

      if (r->from <= day)
        return r->household >= 0 ? r : NULL;
    }
  return NULL;
}

static gboolean
alive_on (const SmtFactPerson *p,
          gint32               day)
{
  return p->death > day;
}

static gboolean
residence_in_hamlet (Ctx                    *c,
                     const SmtFactResidence *r)
{
  return c->q->hamlet_id == 0
         || (r != NULL && c->households[r->household].hamlet_id == c->q->hamlet_id);
}

/* Whether the person passes the hamlet filter on the day. */
static gboolean
in_hamlet (Ctx                 *c,
           const SmtFactPerson *p,
           gint32               day)
{
  return c->q->hamlet_id == 0 || residence_in_hamlet (c, resident_on (c, p, day));
}

/* The organisation's rule on the day: age, sex, and the trait it asks
 * for (cựu quân nhân …) held that day. Inline, as before traits: it runs
 * for every person and organisation of every evaluation; the trait is
 * looked up only for an organisation that asks for one. */
static inline gboolean
eligible (Ctx              *c,
          const SmtFactOrg *o,
          guint             person,
          int               age,
          gint32            day)
{
  if (o->min_age >= 0 && age < o->min_age)
    return FALSE;
  if (o->max_age >= 0 && age > o->max_age)
    return FALSE;
  if (o->sex != 0 && o->sex != c->persons[person].sex)
    return FALSE;
  if (G_LIKELY (o->trait == G_MAXUINT))
    return TRUE;
  /* Most people have no trait at all. */
  return c->f->trait_first[person] < c->f->trait_first[person + 1]
         && smt_member_facts_has_trait (c->f, person, o->trait, day);
}

/* Eligible for gathering_rate: for the organisation asked for, else for
 * at least one organisation of the scope. */
static inline gboolean
eligible_for_gathering (Ctx    *c,
                        guint   person,
                        int     age,
                        gint32  day)
{
  if (c->only != NULL)
    return eligible (c, c->only, person, age, day);
  for (guint o = 0; o < c->n_gathering; o++)
    if (eligible (c, c->gathering[o], person, age, day))
      return TRUE;
  return FALSE;
}

/* The first day after day on which one of the person's traits starts or
 * ends (SMT_DAY_NEVER when none): eligibility may change then. */
static gint32
next_trait_change (Ctx    *c,
                   guint   person,
                   gint32  day)
{
  const SmtFactTrait *t = (const SmtFactTrait *) c->f->person_traits->data;
  gint32 next = SMT_DAY_NEVER;

  for (guint i = c->f->trait_first[person]; i < c->f->trait_first[person + 1]; i++)
    {
      if (t[i].from > day)
        next = MIN (next, t[i].from);
      else if (t[i].to >= day && t[i].to != SMT_DAY_NEVER)
        next = MIN (next, t[i].to + 1);
    }
  return next;
}

static gboolean
span_covers (const SmtFactSpan *s,
             gint32             day)
{
  return s->start <= day && day <= s->end;
}

/* Whether a span is of an organisation of the scope. */
static gboolean
span_org_ok (Ctx   *c,
             guint  index)
{
  guint org = c->span_facts[index].org;

  return org != G_MAXUINT && c->org_counts[org];
}

/* Whether a study counts for the scope: a study for everyone always does,
 * one of an organisation (or of one of its branches) when it is in the
 * scope. */
static gboolean
study_passes (Ctx                *c,
              const SmtFactStudy *s)
{
  if (s->organisation_id == 0 && s->branch_organisation_id == 0)
    return TRUE;
  return (s->organisation_id != 0 && smt_scope_has (c->scope, s->organisation_id))
         || (s->branch_organisation_id != 0
             && smt_scope_has (c->scope, s->branch_organisation_id));
}

static void
set_ratio (SmtIndicatorResult *res,
           guint               numerator,
           guint               denominator)
{
  res->numerator = numerator;
  res->denominator = denominator;
  res->defined = denominator > 0;
  res->value = denominator > 0 ? 100.0 * numerator / denominator : 0.0;
}

/* gathering_rate over a denominator the office typed (eligible_people):
 * the members, alive and living in the commune, of the organisation (or
 * of those of the scope) over the typed number, with a note saying so. */
static void
set_typed_ratio (SmtIndicatorResult   *res,
                 guint                 members,
                 const SmtTypedFigure *typed)
{
  const SmtTypedPart *part = g_ptr_array_index (typed->parts, 0);
  g_autofree char *period = smt_period_to_label (part->period);
  g_autofree char *count = smt_format_decimal (typed->value, 2);
  g_autofree char *note = NULL;

  res->numerator = members;
  res->denominator = typed->value;
  res->defined = typed->value > 0;
  res->value = typed->value > 0 ? 100.0 * members / typed->value : 0.0;
  /* Translators: the typed number of people, then the period it was typed for */
  note = g_strdup_printf (_("The denominator is typed: %s people the organisation gathers, as "
                            "typed for %s; the numerator counts its members living in the "
                            "commune."), count, period);
  smt_indicator_result_add_note (res, note);
}

static void
set_count (SmtIndicatorResult *res,
           guint               count)
{
  res->numerator = count;
  res->denominator = 0;
  res->defined = TRUE;
  res->value = count;
}

/* ---- the sweep of a series ----------------------------------------------------- */

/* What a person adds to the totals on a day. */
typedef struct
{
  gint32 household;  /* households_covered: index of the household lived in, or -1;
                      * gathering_rate: 1 for a member alive and living here,
                      * eligible or not (the numerator over a typed denominator);
                      * else 0. One field for both keeps a share 12 bytes. */
  guint  numerator;
  guint  denominator;
} Share;

typedef struct
{
  Ctx      *c;
  int      *ages;        /* the ages on which eligibility may change, ascending */
  guint     n_ages;
  gint32   *stocks;      /* the stock dates, ascending, once each */
  guint     n_stocks;
  guint     k;           /* the one being evaluated */
  gint32    day;         /* stocks[k] */
  int       year;        /* and its year, month × 100 + day */
  int       month_day;
  Share    *shares;      /* by person: what each adds on day */
  guint    *head;        /* by stock date: the first person to evaluate again then */
  guint    *queued;      /* by person: the next one to evaluate on the same date */
  guint    *residents;   /* households_covered: by household index */
  guint    *members;
  guint     numerator;
  guint     denominator;
  /* members_studied: the people found in the participations of a window
   * from run_start, taken up to run_end; those found are stamped with the
   * run, and studied counts those of them who are members on day. */
  guint    *stamp;
  guint     run;         /* 0: none yet */
  gint32    run_start;
  gint32    run_end;
  guint     run_next;    /* the next participation to take */
  guint     studied;
  /* When studies were entered by number and no hamlet is asked for: those
   * found, counted by the organisations and branches of their memberships
   * on the day they were counted on (count_named). */
  gboolean  by_group;
  guint8   *grouped;     /* by person: ever a member of an organisation with numbers */
  guint    *in_org;
  guint    *in_branch;
  gint32   *counted_on;  /* by person */
  gint32   *evaluated;   /* by person: the day of their share */
  guint    *size_org;    /* and all their members on the day they were evaluated on */
  guint    *size_branch;
  guint     gathered;    /* gathering_rate: the sum of Share.household */
} Sweep;

static void
sweep_clear (Sweep *w)
{
  g_clear_pointer (&w->ages, g_free);
  g_clear_pointer (&w->stocks, g_free);
  g_clear_pointer (&w->shares, g_free);
  g_clear_pointer (&w->head, g_free);
  g_clear_pointer (&w->queued, g_free);
  g_clear_pointer (&w->residents, g_free);
  g_clear_pointer (&w->members, g_free);
  g_clear_pointer (&w->stamp, g_free);
  g_clear_pointer (&w->grouped, g_free);
  g_clear_pointer (&w->in_org, g_free);
  g_clear_pointer (&w->in_branch, g_free);
  g_clear_pointer (&w->counted_on, g_free);
  g_clear_pointer (&w->evaluated, g_free);
  g_clear_pointer (&w->size_org, g_free);
  g_clear_pointer (&w->size_branch, g_free);
}

static int
int_cmp (const void *a,
         const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

/* min_age and max_age + 1 of every organisation, once each. */
static void
sweep_init_ages (Sweep *w)
{
  Ctx *c = w->c;
  guint n = 0;

  w->ages = g_new (int, 2 * c->n_orgs + 1);
  for (guint o = 0; o < c->n_orgs; o++)
    {
      if (c->orgs[o].min_age >= 0)
        w->ages[n++] = c->orgs[o].min_age;
      if (c->orgs[o].max_age >= 0)
        w->ages[n++] = c->orgs[o].max_age + 1;
    }
  qsort (w->ages, n, sizeof (int), int_cmp);
  w->n_ages = 0;
  for (guint i = 0; i < n; i++)
    if (w->n_ages == 0 || w->ages[w->n_ages - 1] != w->ages[i])
      w->ages[w->n_ages++] = w->ages[i];
}

/* The person's share on w->day, and in *next the first later day on
 * which it may differ (SMT_DAY_NEVER when none): the next residence row,
 * the death, the start of a span or the day after its end, and for
 * gathering_rate the next birthday on which an age bound is crossed. */
static Share
evaluate (Sweep  *w,
          guint   index,
          gint32 *next)
{
  Ctx *c = w->c;
  gint32 day = w->day;
  const SmtFactPerson *p = &c->persons[index];
  const SmtFactResidence *res = &c->residences[p->res_first];
  const SmtFactResidence *r = NULL;
  Share share = { c->figure == FIGURE_HOUSEHOLDS ? -1 : 0, 0, 0 };
  gint32 nx = SMT_DAY_NEVER;
  gboolean alive = alive_on (p, day);
  gboolean member = FALSE;
  guint memberships = 0;

  for (guint i = 0; i < p->res_n; i++)
    {
      if (res[i].from > day)
        {
          nx = res[i].from;
          break;
        }
      r = &res[i];
    }
  if (r != NULL && r->household < 0)
    r = NULL;
  if (alive)
    nx = MIN (nx, p->death);
  for (guint i = p->span_first; i < p->span_first + p->span_n; i++)
    {
      const SmtFactSpan *s = &c->span_facts[i];

      if (s->start > day)
        {
          nx = MIN (nx, s->start);
          continue;
        }
      if (s->end < day)
        continue;
      if (s->end != SMT_DAY_NEVER)
        nx = MIN (nx, s->end + 1);
      if (span_org_ok (c, i))
        {
          memberships++;
          member = TRUE;
        }
    }

  switch (c->figure)
    {
    case FIGURE_HOUSEHOLDS:
      if (alive && r != NULL && residence_in_hamlet (c, r))
        {
          share.household = r->household;
          share.numerator = member;
        }
      break;
    case FIGURE_GATHERING:
      if (alive && r != NULL && residence_in_hamlet (c, r))
        {
          int age = smt_member_facts_age (p, w->year, w->month_day);
          gboolean ok = eligible_for_gathering (c, index, age, day);

          share.denominator = ok;
          share.numerator = ok && member;
          share.household = member;
          for (guint a = 0; a < w->n_ages && w->k + 1 < w->n_stocks; a++)
            if (w->ages[a] > age)
              {
                nx = MIN (nx, smt_member_facts_age_day (p, w->ages[a]));
                break;
              }
          if (c->f->trait_first[index] < c->f->trait_first[index + 1])
            nx = MIN (nx, next_trait_change (c, index, day));
        }
      break;
    case FIGURE_MEMBERSHIPS:
      if (residence_in_hamlet (c, r))
        share.numerator = memberships;
      break;
    case FIGURE_MEMBERS:
    case FIGURE_STUDIED:
      if (memberships > 0 && residence_in_hamlet (c, r))
        share.numerator = share.denominator = 1;
      break;
    case FIGURE_FLOW:
    default:
      g_assert_not_reached ();
    }
  *next = nx;
  return share;
}

static void
sweep_add (Sweep       *w,
           const Share *s)
{
  if (w->c->figure != FIGURE_HOUSEHOLDS)
    {
      w->numerator += s->numerator;
      w->denominator += s->denominator;
      w->gathered += (guint) s->household;
    }
  else if (s->household >= 0)
    {
      if (w->residents[s->household]++ == 0)
        w->denominator++;
      if (s->numerator && w->members[s->household]++ == 0)
        w->numerator++;
    }
}

static void
sweep_remove (Sweep       *w,
              const Share *s)
{
  if (w->c->figure != FIGURE_HOUSEHOLDS)
    {
      w->numerator -= s->numerator;
      w->denominator -= s->denominator;
      w->gathered -= (guint) s->household;
    }
  else if (s->household >= 0)
    {
      if (--w->residents[s->household] == 0)
        w->denominator--;
      if (s->numerator && --w->members[s->household] == 0)
        w->numerator--;
    }
}

static void count_named (Ctx    *c,
                         guint   person,
                         gint32  day,
                         int     delta,
                         guint  *in_org,
                         guint  *in_branch);

/* Evaluates the person on w->day (again, unless first), and queues them
 * for the first later stock date on or after their next change. */
static void
sweep_step (Sweep    *w,
            guint     index,
            gboolean  first)
{
  gint32 next;
  guint lo = w->k + 1, hi = w->n_stocks - 1;

  if (!first)
    sweep_remove (w, &w->shares[index]);
  if (w->by_group && w->grouped[index] && !first)
    count_named (w->c, index, w->evaluated[index], -1, w->size_org, w->size_branch);
  if (w->run != 0 && w->stamp[index] == w->run)
    {
      w->studied -= w->shares[index].denominator;
      if (w->by_group && w->grouped[index])
        count_named (w->c, index, w->counted_on[index], -1, w->in_org, w->in_branch);
    }
  w->shares[index] = evaluate (w, index, &next);
  sweep_add (w, &w->shares[index]);
  if (w->by_group && w->grouped[index])
    {
      count_named (w->c, index, w->day, 1, w->size_org, w->size_branch);
      w->evaluated[index] = w->day;
    }
  if (w->run != 0 && w->stamp[index] == w->run)
    {
      w->studied += w->shares[index].denominator;
      if (w->by_group && w->grouped[index])
        {
          count_named (w->c, index, w->day, 1, w->in_org, w->in_branch);
          w->counted_on[index] = w->day;
        }
    }
  if (lo >= w->n_stocks || next > w->stocks[hi])
    return;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (w->stocks[mid] < next)
        lo = mid + 1;
      else
        hi = mid;
    }
  w->queued[index] = w->head[lo];
  w->head[lo] = index;
}

typedef struct
{
  gint32 stock;
  guint  index;
} Stock;

static int
stock_cmp (const void *a,
           const void *b)
{
  const Stock *x = a, *y = b;

  if (x->stock != y->stock)
    return x->stock < y->stock ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

/* ---- members_studied ----------------------------------------------------------- */

/* The first day of the time a members_studied figure looks back over: the
 * start of the period's year, or of a range (a term, or any dates). */
static gint32
studied_start (const SmtPeriod *period)
{
  g_autofree char *first = NULL;

  if (smt_period_get_kind (period) == SMT_PERIOD_RANGE)
    return smt_member_facts_day (smt_period_get_start (period));
  first = g_strdup_printf ("%04d-01-01", smt_period_get_year (period));
  return smt_member_facts_day (first);
}

/* The index in studies->by_day of the first study on or after day. */
static guint
first_study_on (Ctx    *c,
                gint32  day)
{
  const guint *order = (const guint *) c->studies->by_day->data;
  const SmtFactStudy *st = (const SmtFactStudy *) c->studies->studies->data;
  guint lo = 0, hi = c->studies->by_day->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (st[order[mid]].day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Counted participants.
 *
 * A study entered only by its number (or with fewer names than its number)
 * says that so many members of its group took part: the members of its
 * branch (a chi hội's with its tổ hội), of its organisation, or of every
 * organisation. Who they are is unknown, so the figure counts the fewest
 * people the numbers allow, beside those it can name:
 * - two numbers of one group are never added (the second study of a branch
 *   is mostly the same people): the largest stands;
 * - the people named as having studied who are members of the group on
 *   the stock day may be among the counted, so they are taken off it;
 * - a group's number includes its parts: an organisation's, the numbers
 *   beyond names of its branches; everyone's, those of the organisations.
 * - a number above the group's members on the stock day counts as its
 *   members.
 * So each group adds extra = max (min (its largest number, its members)
 * − its named members, what its parts add), the figure is the named
 * people plus everyone's extra, and never more than the members. With a hamlet asked for, the
 * numbers are left out: nobody knows where their people live. */
typedef struct
{
  int    level;           /* 0 everyone, 1 an organisation, 2 a branch, 3 a tổ hội */
  gint64 organisation_id;
  gint64 branch_id;
  guint  branch_index;    /* in the studies' branches (level 2 and 3) */
  guint  parent;          /* node index; G_MAXUINT for everyone */
  guint  count;           /* the largest number of its own studies */
  guint  study;           /* that study (index); G_MAXUINT when it has none */
  guint  named;           /* named people who studied and are members of it */
  guint  size;            /* its members on the day */
  guint  extra;
  guint  parts_extra;
} CountNode;

static guint
count_node (GArray *nodes,
            int     level,
            gint64  organisation_id,
            gint64  branch_id,
            guint   branch_index,
            guint   parent)
{
  CountNode n = { level, organisation_id, branch_id, branch_index, parent, 0, G_MAXUINT, 0, 0,
                  0, 0 };

  for (guint i = 0; i < nodes->len; i++)
    {
      const CountNode *m = &g_array_index (nodes, CountNode, i);

      if (m->level == level && m->organisation_id == organisation_id
          && m->branch_id == branch_id)
        return i;
    }
  g_array_append_val (nodes, n);
  return nodes->len - 1;
}

/* The node of a branch, with those above it; G_MAXUINT when the branch is
 * unknown. */
static guint
branch_node (Ctx    *c,
             GArray *nodes,
             gint64  branch_id)
{
  const SmtFactBranch *b = smt_member_studies_branch (c->studies, branch_id);
  guint org, index;

  if (b == NULL)
    return G_MAXUINT;
  index = b - (const SmtFactBranch *) c->studies->branches->data;
  org = count_node (nodes, 1, b->organisation_id, 0, 0, 0);
  if (b->parent_id != 0)
    {
      guint parent = branch_node (c, nodes, b->parent_id);

      return count_node (nodes, 3, b->organisation_id, branch_id, index,
                         parent != G_MAXUINT ? parent : org);
    }
  return count_node (nodes, 2, b->organisation_id, branch_id, index, org);
}

/* The groups of the studies entered by number in start..end that count
 * for the query, each with its largest number; NULL when there are none.
 * *held is the number of studies in that time that count for it. */
static GArray *
count_nodes_build (Ctx    *c,
                   gint32  start,
                   gint32  end,
                   guint  *held)
{
  const guint *order = (const guint *) c->studies->by_day->data;
  const SmtFactStudy *st = (const SmtFactStudy *) c->studies->studies->data;
  GArray *nodes = NULL;

  *held = 0;
  for (guint k = first_study_on (c, start); k < c->studies->by_day->len; k++)
    {
      const SmtFactStudy *s = &st[order[k]];
      CountNode *n;
      guint node;

      if (s->day > end)
        break;
      if (!c->study_ok[order[k]])
        continue;
      (*held)++;
      if (s->counted == 0)
        continue;
      if (nodes == NULL)
        {
          nodes = g_array_new (FALSE, FALSE, sizeof (CountNode));
          count_node (nodes, 0, 0, 0, 0, G_MAXUINT);
        }
      if (s->branch_id != 0)
        node = branch_node (c, nodes, s->branch_id);
      else if (s->organisation_id != 0)
        node = count_node (nodes, 1, s->organisation_id, 0, 0, 0);
      else
        node = 0;
      if (node == G_MAXUINT)
        continue;
      n = &g_array_index (nodes, CountNode, node);
      if (n->study == G_MAXUINT || s->counted > n->count)
        {
          n->count = s->counted;
          n->study = order[k];
        }
    }
  return nodes;
}

/* Adds delta for each membership of the person on day, of an
 * organisation of the scope, to the named people of its organisation
 * (by org index) and of its branch (by branch index). */
static void
count_named (Ctx    *c,
             guint   person,
             gint32  day,
             int     delta,
             guint  *in_org,
             guint  *in_branch)
{
  const SmtFactPerson *p = &c->persons[person];

  for (guint s = p->span_first; s < p->span_first + p->span_n; s++)
    if (span_covers (&c->span_facts[s], day) && span_org_ok (c, s))
      {
        in_org[c->span_facts[s].org] += delta;
        if (c->studies->span_branch[s] != G_MAXUINT)
          in_branch[c->studies->span_branch[s]] += delta;
      }
}

/* The named people (or the members) of a node from the counts by
 * organisation and branch: a chi hội's with its tổ hội's. */
static guint
node_count (Ctx             *c,
            const CountNode *n,
            const guint     *by_org,
            const guint     *by_branch)
{
  const guint *parent = c->studies->branch_parent;
  guint count;

  if (n->level == 1)
    {
      guint o = smt_member_facts_org_index (c->f, n->organisation_id);

      return o != G_MAXUINT ? by_org[o] : 0;
    }
  count = by_branch[n->branch_index];
  for (guint b = 0; n->level == 2 && b < c->studies->branches->len; b++)
    if (parent[b] == n->branch_index)
      count += by_branch[b];
  return count;
}

/* Gives each node its named people and its members (everyone's: named
 * and members, the others' from the counts by organisation and branch),
 * then works the extras out from the tổ hội up: a number above the
 * group's members counts as its members. Returns everyone's extra. */
static guint
count_nodes_extra (Ctx         *c,
                   GArray      *nodes,
                   guint        named,
                   guint        members,
                   const guint *named_org,
                   const guint *named_branch,
                   const guint *size_org,
                   const guint *size_branch)
{
  CountNode *n = (CountNode *) nodes->data;

  n[0].named = named;
  n[0].size = members;
  for (guint k = 1; k < nodes->len; k++)
    {
      n[k].named = node_count (c, &n[k], named_org, named_branch);
      n[k].size = node_count (c, &n[k], size_org, size_branch);
    }
  for (int level = 3; level >= 0; level--)
    for (guint k = 0; k < nodes->len; k++)
      if (n[k].level == level)
        {
          gint64 own = (gint64) MIN (n[k].count, n[k].size) - n[k].named;

          n[k].extra = (guint) MAX (own, (gint64) n[k].parts_extra);
          if (n[k].parent != G_MAXUINT)
            n[n[k].parent].parts_extra += n[k].extra;
        }
  return n[0].extra;
}

/* Fills a members_studied result: named people, and beyond them extra
 * people counted from the numbers entered (never more than the members);
 * undefined when no study counts in the time looked back over. */
static void
studied_set (Ctx                *c,
             SmtIndicatorResult *res,
             guint               held,
             guint               named,
             guint               extra,
             gboolean            numbers_left_out,
             guint               denominator)
{
  guint numerator = MIN (named + extra, denominator);

  set_ratio (res, numerator, denominator);
  if (smt_period_get_kind (res->period) != SMT_PERIOD_YEAR
      && smt_period_get_kind (res->period) != SMT_PERIOD_RANGE)
    {
      g_autofree char *first = g_strdup_printf ("%04d-01-01",
                                                smt_period_get_year (res->period));
      g_autofree char *shown = smt_date_to_display (first);
      g_autofree char *note = NULL;

      /* Translators: members_studied of a month or a quarter counts the year so far */
      note = g_strdup_printf (_("counts who has studied since %s"), shown);
      smt_indicator_result_add_note (res, note);
    }
  if (held == 0)
    {
      res->defined = FALSE;
      res->value = 0;
      /* Translators: members_studied with no study of resolutions in its time */
      smt_indicator_result_add_note (res, _("no study of resolutions yet"));
      return;
    }
  if (numerator > named)
    {
      g_autofree char *n = smt_format_int (numerator - named);
      g_autofree char *note = NULL;

      /* Translators: %s people in members_studied come from a number typed, not names */
      note = g_strdup_printf (_("%s of them counted from the number of participants entered, "
                                "without names"), n);
      smt_indicator_result_add_note (res, note);
    }
  if (numbers_left_out)
    smt_indicator_result_add_note (res, _("studies entered only as a number of participants "
                                          "are left out: the register cannot tell in which "
                                          "hamlet their participants live"));
}

/* members_studied of a result on w->day: the participations of its time
 * are taken in one run with the results before it when they share its
 * first day (a year's months, quarters, halves), else in a new run. */
static void
studied_sweep_result (Sweep              *w,
                      SmtIndicatorResult *res)
{
  Ctx *c = w->c;
  GArray *parts = c->studies->participations;
  gint32 start = studied_start (res->period);
  gint32 end = w->day;
  g_autoptr(GArray) nodes = NULL;
  guint held, extra = 0;
  gboolean left_out = FALSE;

  if (w->run == 0 || start != w->run_start || end < w->run_end)
    {
      w->run++;
      w->run_start = start;
      w->run_end = start - 1;
      w->run_next = smt_member_facts_find_day (parts, start);
      w->studied = 0;
      if (w->by_group)
        {
          memset (w->in_org, 0, sizeof (guint) * MAX (c->n_orgs, 1));
          memset (w->in_branch, 0, sizeof (guint) * MAX (c->studies->branches->len, 1));
        }
    }
  for (; w->run_next < parts->len; w->run_next++)
    {
      const SmtFactEvent *e = &g_array_index (parts, SmtFactEvent, w->run_next);

      if (e->day > end)
        break;
      if (!c->study_ok[e->ref] || w->stamp[e->person] == w->run)
        continue;
      w->stamp[e->person] = w->run;
      w->studied += w->shares[e->person].denominator;
      if (w->by_group && w->grouped[e->person])
        {
          count_named (c, e->person, w->day, 1, w->in_org, w->in_branch);
          w->counted_on[e->person] = w->day;
        }
    }
  w->run_end = end;

  nodes = count_nodes_build (c, start, end, &held);
  if (nodes != NULL && c->q->hamlet_id != 0)
    left_out = TRUE;
  else if (nodes != NULL)
    extra = count_nodes_extra (c, nodes, w->studied, w->denominator, w->in_org, w->in_branch,
                               w->size_org, w->size_branch);
  studied_set (c, res, held, w->studied, extra, left_out, w->denominator);
}

/* The organisations and branches are counted only when some study of an
 * organisation or a branch was entered by number, and only for the people
 * who are ever members of such an organisation (everyone's number needs
 * none of it: its named people are all the named). */
static void
sweep_init_groups (Sweep *w)
{
  Ctx *c = w->c;
  guint n_persons = c->f->persons->len;
  g_autofree gboolean *counted = g_new0 (gboolean, MAX (c->n_orgs, 1));

  if (c->q->hamlet_id != 0)
    return;
  for (guint i = 0; i < c->studies->studies->len; i++)
    {
      const SmtFactStudy *s = &g_array_index (c->studies->studies, SmtFactStudy, i);
      gint64 org = s->branch_organisation_id != 0 ? s->branch_organisation_id
                                                  : s->organisation_id;
      guint o;

      if (s->counted == 0 || !c->study_ok[i] || org == 0
          || (o = smt_member_facts_org_index (c->f, org)) == G_MAXUINT)
        continue;
      counted[o] = TRUE;
      w->by_group = TRUE;
    }
  if (!w->by_group)
    return;
  w->grouped = g_new0 (guint8, MAX (n_persons, 1));
  for (guint i = 0; i < n_persons; i++)
    {
      const SmtFactPerson *p = &c->persons[i];

      for (guint s = p->span_first; s < p->span_first + p->span_n && !w->grouped[i]; s++)
        w->grouped[i] = c->span_facts[s].org != G_MAXUINT && counted[c->span_facts[s].org];
    }
  w->in_org = g_new0 (guint, MAX (c->n_orgs, 1));
  w->in_branch = g_new0 (guint, MAX (c->studies->branches->len, 1));
  w->counted_on = g_new (gint32, MAX (n_persons, 1));
  w->evaluated = g_new (gint32, MAX (n_persons, 1));
  w->size_org = g_new0 (guint, MAX (c->n_orgs, 1));
  w->size_branch = g_new0 (guint, MAX (c->studies->branches->len, 1));
}

static void
sweep_series (Ctx                 *c,
              SmtIndicatorResult **results,
              guint                n_results)
{
  Sweep w = { c };
  guint n_persons = c->f->persons->len;
  g_autofree Stock *order = g_new (Stock, n_results);

  for (guint i = 0; i < n_results; i++)
    {
      order[i].stock = smt_member_facts_day (smt_period_stock_date (results[i]->period));
      order[i].index = i;
    }
  qsort (order, n_results, sizeof (Stock), stock_cmp);
  w.stocks = g_new (gint32, n_results);
  for (guint i = 0; i < n_results; i++)
    if (w.n_stocks == 0 || w.stocks[w.n_stocks - 1] != order[i].stock)
      w.stocks[w.n_stocks++] = order[i].stock;
  w.head = g_new (guint, w.n_stocks);
  memset (w.head, 0xff, sizeof (guint) * w.n_stocks);
  w.queued = g_new (guint, MAX (n_persons, 1));
  w.shares = g_new (Share, MAX (n_persons, 1));
  if (c->figure == FIGURE_GATHERING)
    sweep_init_ages (&w);
  if (c->figure == FIGURE_HOUSEHOLDS)
    {
      w.residents = g_new0 (guint, MAX (c->f->households->len, 1));
      w.members = g_new0 (guint, MAX (c->f->households->len, 1));
    }
  if (c->figure == FIGURE_STUDIED)
    {
      w.stamp = g_new0 (guint, MAX (n_persons, 1));
      sweep_init_groups (&w);
    }

  for (guint o = 0; w.k < w.n_stocks; w.k++)
    {
      w.day = w.stocks[w.k];
      smt_member_facts_split_day (w.day, &w.year, &w.month_day);
      if (w.k == 0)
        for (guint i = 0; i < n_persons; i++)
          sweep_step (&w, i, TRUE);
      else
        for (guint i = w.head[w.k], next; i != G_MAXUINT; i = next)
          {
            next = w.queued[i];
            sweep_step (&w, i, FALSE);
          }

      for (; o < n_results && order[o].stock == w.day; o++)
        {
          SmtIndicatorResult *res = results[order[o].index];

          switch (c->figure)
            {
            case FIGURE_HOUSEHOLDS:
              set_ratio (res, w.numerator, w.denominator);
              break;
            case FIGURE_GATHERING:
              if (c->typed != NULL && c->typed[order[o].index] != NULL)
                set_typed_ratio (res, w.gathered, c->typed[order[o].index]);
              else
                set_ratio (res, w.numerator, w.denominator);
              break;
            case FIGURE_MEMBERSHIPS:
            case FIGURE_MEMBERS:
              set_count (res, w.numerator);
              break;
            case FIGURE_STUDIED:
              studied_sweep_result (&w, res);
              break;
            case FIGURE_FLOW:
            default:
              g_assert_not_reached ();
            }
        }
    }
  sweep_clear (&w);
}

/* The day whose residence places a flow event in a hamlet: the day the
 * event takes effect, or for an end of membership its last day, so that
 * someone who moves out of the commune leaves on the day they move. */
static gint32
flow_hamlet_day (Ctx                *c,
                 const SmtFactEvent *e)
{
  return SMT_FACT_FLOW_CLOSES (c->flow) ? e->day - 1 : e->day;
}

static void
flow_series (Ctx                 *c,
             SmtIndicatorResult **results,
             guint                n_results)
{
  GArray *events = c->f->flows[c->flow];
  g_autoptr(GArray) kept = NULL;

  kept = g_array_new (FALSE, FALSE, sizeof (SmtFactEvent));
  for (guint i = 0; i < events->len; i++)
    {
      const SmtFactEvent *e = &g_array_index (events, SmtFactEvent, i);

      if (span_org_ok (c, e->ref)
          && in_hamlet (c, &c->persons[e->person], flow_hamlet_day (c, e)))
        g_array_append_val (kept, *e);
    }
  events = kept;
  for (guint i = 0; i < n_results; i++)
    {
      gint32 start = smt_member_facts_day (smt_period_get_start (results[i]->period));
      gint32 end = smt_member_facts_day (smt_period_get_end (results[i]->period));

      set_count (results[i], smt_member_facts_find_day (events, end + 1)
                             - smt_member_facts_find_day (events, start));
    }
}

/* ---- explanations: one period at a time ----------------------------------------- */

typedef struct
{
  Ctx                  *c;
  SmtIndicatorResult   *res;
  gint32                start;
  gint32                end;
  gint32                stock;
  const SmtTypedFigure *typed;  /* gathering_rate's typed denominator, or NULL */
} Explain;

static const char *
person_name (Ctx   *c,
             guint  index)
{
  return c->names->person_names[index];
}

/* "Nguyễn Văn An (1987, Ấp 3)", with the hamlet on the day. */
static char *
person_label (Ctx    *c,
              guint   index,
              gint32  day)
{
  const SmtFactPerson *p = &c->persons[index];
  const SmtFactResidence *r = resident_on (c, p, day);

  if (r != NULL)
    return g_strdup_printf ("%s (%d, %s)", person_name (c, index), p->birth_year,
                            name_of (c->names->hamlets, c->households[r->household].hamlet_id));
  return g_strdup_printf ("%s (%d)", person_name (c, index), p->birth_year);
}

static char *
display_day (gint32 day)
{
  g_autofree char *iso = smt_member_facts_iso (day);

  return smt_date_to_display (iso);
}

/* The span that began the membership a span belongs to: transfers and
 * away/back close one span and open the next with the same event. */
static const SmtMemberSpan *
membership_start (Ctx   *c,
                  guint  index)
{
  const SmtMemberSpan *s = span_get (c, index);

  while (index > 0)
    {
      const SmtMemberSpan *prev = span_get (c, index - 1);

      if (prev->person_id != s->person_id || prev->organisation_id != s->organisation_id
          || prev->end_event_id == 0 || prev->end_event_id != s->start_event_id)
        break;
      s = prev;
      index--;
    }
  return s;
}

/* "Kết nạp Phụ nữ 03/02/2015" */
static char *
admission_text (Ctx   *c,
                guint  index)
{
  const SmtMemberSpan *s = membership_start (c, index);
  const SmtFactOrg *o = org_get (c, s->organisation_id);
  g_autofree char *date = smt_date_to_display (s->start);

  return g_strdup_printf ("%s %s %s", smt_event_kind_label (s->start_kind),
                          o ? o->short_name : "", date);
}

/* "hội viên Phụ nữ, Chi hội Phụ nữ ấp 1" (", Đi làm ăn xa" when away) */
static char *
membership_text (Ctx   *c,
                 guint  index)
{
  const SmtMemberSpan *s = span_get (c, index);
  const SmtFactOrg *o = org_get (c, s->organisation_id);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s", o ? o->member_word : "", o ? o->short_name : "");
  if (s->branch_id != 0)
    g_string_append_printf (text, ", %s", name_of (c->names->branches, s->branch_id));
  if (s->away)
    g_string_append_printf (text, ", %s", smt_event_kind_label (SMT_EVENT_AWAY));
  return g_string_free (text, FALSE);
}

/* For each person (by index), the first span covering the day of an
 * organisation of the scope, or G_MAXUINT. */
static guint *
member_on (Ctx    *c,
           gint32  day)
{
  guint n = c->f->persons->len;
  guint *member = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const SmtFactPerson *p = &c->persons[i];

      member[i] = G_MAXUINT;
      for (guint s = p->span_first; s < p->span_first + p->span_n; s++)
        if (span_covers (&c->span_facts[s], day) && span_org_ok (c, s))
          {
            member[i] = s;
            break;
          }
    }
  return member;
}

typedef struct
{
  guint    residents;
  guint    head;         /* person index + 1 of the head, else of the first resident */
  gboolean head_marked;
  guint    member;       /* person index of a member, G_MAXUINT when none */
} Household;

static void
explain_households_covered (Explain *x)
{
  Ctx *c = x->c;
  gint32 day = x->stock;
  g_autofree guint *member = member_on (c, day);
  guint n_households = c->f->households->len;
  g_autofree Household *households = g_new0 (Household, MAX (n_households, 1));
  guint numerator = 0, denominator = 0;

  for (guint i = 0; i < c->f->persons->len; i++)
    {
      const SmtFactPerson *p = &c->persons[i];
      const SmtFactResidence *r;
      Household *h;

      if (!alive_on (p, day) || (r = resident_on (c, p, day)) == NULL)
        continue;
      if (!residence_in_hamlet (c, r))
        continue;
      h = &households[r->household];
      if (h->residents == 0)
        {
          h->member = G_MAXUINT;
          denominator++;
        }
      h->residents++;
      if (h->head == 0 || (r->is_head && !h->head_marked))
        {
          h->head = i + 1;
          h->head_marked = r->is_head;
        }
      if (member[i] != G_MAXUINT && h->member == G_MAXUINT)
        {
          h->member = i;
          numerator++;
        }
    }
  set_ratio (x->res, numerator, denominator);

  /* In the order of the household ids. */
  for (guint k = 0; k < n_households; k++)
    {
      const Household *h = &households[k];
      const SmtFactHousehold *fh = &c->households[k];
      const char *head;
      const char *address;
      const char *hamlet;
      g_autofree char *label = NULL;
      g_autofree char *because = NULL;

      if (h->residents == 0)
        continue;
      head = person_name (c, h->head - 1);
      address = name_of (c->names->addresses, fh->id);
      hamlet = name_of (c->names->hamlets, fh->hamlet_id);
      if (address[0] != '\0')
        /* Translators: a household: its head, address and hamlet */
        label = g_strdup_printf (_("Household of %s — %s, %s"), head, address, hamlet);
      else
        /* Translators: a household: its head and hamlet */
        label = g_strdup_printf (_("Household of %s — %s"), head, hamlet);
      if (h->member != G_MAXUINT)
        {
          const SmtFactOrg *o = org_get (c, span_get (c, member[h->member])->organisation_id);
          g_autofree char *member_because =
            g_strdup_printf ("%s — %s %s", person_name (c, h->member), o ? o->member_word : "",
                             o ? o->short_name : "");

          smt_explain_add (x->res->numerator_rows, "household", fh->id, label, member_because);
        }
      /* Translators: the people living in a household */
      because = g_strdup_printf (_("%u residents"), h->residents);
      smt_explain_add (x->res->denominator_rows, "household", fh->id, label, because);
    }
}

/* gathering_rate over a typed denominator: the members counted, and the
 * values typed. */
static void
explain_gathering_typed (Explain *x)
{
  Ctx *c = x->c;
  gint32 day = x->stock;
  g_autofree guint *member = member_on (c, day);
  guint numerator = 0;

  for (guint i = 0; i < c->f->persons->len; i++)
    {
      const SmtFactPerson *p = &c->persons[i];
      g_autofree char *label = NULL;
      g_autofree char *admitted = NULL;

      if (member[i] == G_MAXUINT || !alive_on (p, day) || resident_on (c, p, day) == NULL)
        continue;
      numerator++;
      label = person_label (c, i, day);
      admitted = admission_text (c, member[i]);
      smt_explain_add (x->res->numerator_rows, "person", p->id, label, admitted);
    }
  for (guint k = 0; k < x->typed->parts->len; k++)
    {
      const SmtTypedPart *part = g_ptr_array_index (x->typed->parts, k);
      g_autofree char *period = smt_period_to_code (part->period);

      smt_explain_add (x->res->denominator_rows, "typed", part->id, part->note, period);
    }
  set_typed_ratio (x->res, numerator, x->typed);
}

static void
explain_gathering_rate (Explain *x)
{
  Ctx *c = x->c;
  gint32 day = x->stock;
  g_autofree guint *member = NULL;
  guint numerator = 0, denominator = 0;

  if (x->typed != NULL)
    {
      explain_gathering_typed (x);
      return;
    }
  member = member_on (c, day);

  for (guint i = 0; i < c->f->persons->len; i++)
    {
      const SmtFactPerson *p = &c->persons[i];
      const SmtFactResidence *r;
      g_autofree char *label = NULL;
      g_autofree char *because = NULL;
      int age;

      if (!alive_on (p, day) || (r = resident_on (c, p, day)) == NULL)
        continue;
      if (!residence_in_hamlet (c, r))
        continue;
      age = smt_member_facts_age_on (p, day);
      if (!eligible_for_gathering (c, i, age, day))
        continue;
      denominator++;
      label = person_label (c, i, day);
      /* Translators: age and sex of a person ("Nam" or "Nữ") */
      because = g_strdup_printf (_("%d years old, %s"), age,
                                 p->sex == 'F' ? _("Female") : _("Male"));
      smt_explain_add (x->res->denominator_rows, "person", p->id, label, because);
      if (member[i] != G_MAXUINT)
        {
          g_autofree char *admitted = admission_text (c, member[i]);

          numerator++;
          smt_explain_add (x->res->numerator_rows, "person", p->id, label, admitted);
        }
    }
  set_ratio (x->res, numerator, denominator);
}

/* memberships_total (by_person FALSE) and members_total (TRUE). */
static void
explain_members_on_stock (Explain  *x,
                          gboolean  by_person)
{
  Ctx *c = x->c;
  gint32 day = x->stock;
  guint count = 0;

  for (guint i = 0; i < c->f->persons->len; i++)
    {
      const SmtFactPerson *p = &c->persons[i];
      g_autoptr(GString) because = NULL;
      g_autofree char *label = NULL;

      for (guint s = p->span_first; s < p->span_first + p->span_n; s++)
        {
          g_autofree char *text = NULL;

          if (!span_covers (&c->span_facts[s], day) || !span_org_ok (c, s))
            continue;
          if (label == NULL)
            {
              if (!in_hamlet (c, p, day))
                break;
              label = person_label (c, i, day);
            }
          text = membership_text (c, s);
          if (!by_person)
            {
              count++;
              smt_explain_add (x->res->numerator_rows, "person", p->id, label, text);
              continue;
            }
          if (because == NULL)
            {
              count++;
              because = g_string_new (text);
            }
          else
            g_string_append_printf (because, "; %s", text);
        }
      if (because != NULL)
        smt_explain_add (x->res->numerator_rows, "person", p->id, label, because->str);
    }
  set_count (x->res, count);
}

/* The flows (members_admitted …): the events of the period, read off the
 * spans they open or close. */
static void
explain_member_events (Explain *x)
{
  Ctx *c = x->c;
  gboolean closes = SMT_FACT_FLOW_CLOSES (c->flow);
  guint count = 0;

  for (guint i = 0; i < c->f->spans->len; i++)
    {
      const SmtMemberSpan *s = span_get (c, i);
      const SmtFactSpan *sf = &c->span_facts[i];
      SmtEventKind kind;
      gint32 event_day, hamlet_day;
      gboolean wanted;

      if (sf->person == G_MAXUINT || !span_org_ok (c, i))
        continue;
      if (!closes)
        {
          kind = s->start_kind;
          wanted = smt_member_facts_start_flow (s) == c->flow;
          event_day = hamlet_day = sf->start;
        }
      else
        {
          /* A closing event dated D ends the span on D - 1. */
          kind = s->end_kind;
          wanted = sf->end != SMT_DAY_NEVER && smt_member_facts_end_flow (s) == c->flow;
          hamlet_day = sf->end;
          event_day = wanted ? sf->end + 1 : 0;
        }
      if (!wanted || event_day < x->start || event_day > x->end
          || !in_hamlet (c, &c->persons[sf->person], hamlet_day))
        continue;
      count++;
      {
        const SmtFactOrg *o = org_get (c, s->organisation_id);
        g_autofree char *label = person_label (c, sf->person, hamlet_day);
        g_autofree char *shown = display_day (event_day);
        g_autofree char *because = g_strdup_printf ("%s %s %s", smt_event_kind_label (kind),
                                                    o ? o->short_name : "", shown);

        smt_explain_add (x->res->numerator_rows, "person", c->persons[sf->person].id, label,
                         because);
      }
    }
  set_count (x->res, count);
}

/* "Chi hội Phụ nữ ấp 3", "Phụ nữ" or "tất cả các tổ chức": whom a study's
 * number is of. */
static const char *
count_node_name (Ctx             *c,
                 const CountNode *n)
{
  const SmtFactOrg *o;

  if (n->level >= 2)
    return name_of (c->names->branches, n->branch_id);
  if (n->level == 1 && (o = org_get (c, n->organisation_id)) != NULL)
    return o->short_name;
  return _("all organisations");
}

static void
explain_members_studied (Explain *x)
{
  Ctx *c = x->c;
  gint32 day = x->stock;
  gint32 start = studied_start (x->res->period);
  GArray *parts = c->studies->participations;
  guint n = c->f->persons->len;
  g_autofree guint *member = member_on (c, day);
  g_autofree guint *studied = g_new (guint, MAX (n, 1));
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) nodes = NULL;
  guint denominator = 0, held, extra = 0, rows;
  gboolean left_out = FALSE;

  /* Each person's first study of the time, by date, then study. */
  memset (studied, 0xff, sizeof (guint) * MAX (n, 1));
  for (guint i = smt_member_facts_find_day (parts, start); i < parts->len; i++)
    {
      const SmtFactEvent *e = &g_array_index (parts, SmtFactEvent, i);

      if (e->day > x->end)
        break;
      if (c->study_ok[e->ref] && studied[e->person] == G_MAXUINT)
        studied[e->person] = i;
    }

  for (guint i = 0; i < n; i++)
    {
      const SmtFactPerson *p = &c->persons[i];
      g_autofree char *label = NULL;
      g_autofree char *text = NULL;

      if (member[i] == G_MAXUINT || !in_hamlet (c, p, day))
        continue;
      denominator++;
      label = person_label (c, i, day);
      text = membership_text (c, member[i]);
      smt_explain_add (x->res->denominator_rows, "person", p->id, label, text);
      if (studied[i] != G_MAXUINT)
        {
          const SmtFactEvent *e = &g_array_index (parts, SmtFactEvent, studied[i]);
          const SmtFactStudy *s = &g_array_index (c->studies->studies, SmtFactStudy, e->ref);
          g_autofree char *shown = display_day (e->day);
          g_autofree char *because = g_strdup_printf ("%s — %s",
                                                      name_of (c->names->subjects, s->id), shown);

          g_array_append_val (named, i);
          smt_explain_add (x->res->numerator_rows, "person", p->id, label, because);
        }
    }

  nodes = count_nodes_build (c, start, x->end, &held);
  if (nodes != NULL && c->q->hamlet_id != 0)
    {
      left_out = TRUE;
      g_clear_pointer (&nodes, g_array_unref);
    }
  else if (nodes != NULL)
    {
      guint n_branches = c->studies->branches->len;
      g_autofree guint *in_org = g_new0 (guint, MAX (c->n_orgs, 1));
      g_autofree guint *in_branch = g_new0 (guint, MAX (n_branches, 1));
      g_autofree guint *size_org = g_new0 (guint, MAX (c->n_orgs, 1));
      g_autofree guint *size_branch = g_new0 (guint, MAX (n_branches, 1));

      for (guint i = 0; i < named->len; i++)
        count_named (c, g_array_index (named, guint, i), day, 1, in_org, in_branch);
      for (guint i = 0; i < n; i++)
        count_named (c, i, day, 1, size_org, size_branch);
      extra = count_nodes_extra (c, nodes, named->len, denominator, in_org, in_branch, size_org,
                                 size_branch);
    }
  studied_set (c, x->res, held, named->len, extra, left_out, denominator);

  /* The people counted from numbers: a row each, under the group whose
   * number adds them (what it adds beyond its parts), as many as the
   * figure takes. */
  rows = named->len;
  for (guint k = 0; nodes != NULL && k < nodes->len && rows < x->res->numerator; k++)
    {
      const CountNode *node = &g_array_index (nodes, CountNode, k);
      const SmtFactStudy *s;
      g_autofree char *shown = NULL;
      g_autofree char *count = NULL;
      g_autofree char *because = NULL;
      guint own = node->extra - node->parts_extra;

      if (own == 0 || node->study == G_MAXUINT)
        continue;
      s = &g_array_index (c->studies->studies, SmtFactStudy, node->study);
      shown = display_day (s->day);
      count = smt_format_int (node->count);
      /* Translators: subject, date, the number entered, and how many of
       * the group's members are named in the lists of studies */
      because = g_strdup_printf (_("%s — %s: %s participants entered; %u members of it are "
                                   "named in the lists"),
                                 name_of (c->names->subjects, s->id), shown, count,
                                 MIN (node->named, node->count));
      for (guint r = 0; r < own && rows < x->res->numerator; r++, rows++)
        {
          g_autofree char *label = NULL;

          /* Translators: a participant known only by the number entered:
           * the group, then the rank among those of the group */
          label = g_strdup_printf (_("%s — participant without a name, %u of %u"),
                                   count_node_name (c, node), r + 1, own);
          smt_explain_add (x->res->numerator_rows, "study", s->id, label, because);
        }
    }
}

static void
explain_one (Ctx                  *c,
             SmtIndicatorResult   *res,
             const SmtTypedFigure *typed)
{
  Explain x = {
    c, res,
    smt_member_facts_day (smt_period_get_start (res->period)),
    smt_member_facts_day (smt_period_get_end (res->period)),
    smt_member_facts_day (smt_period_stock_date (res->period)),
    typed,
  };

  switch (c->figure)
    {
    case FIGURE_HOUSEHOLDS:
      explain_households_covered (&x);
      break;
    case FIGURE_GATHERING:
      explain_gathering_rate (&x);
      break;
    case FIGURE_MEMBERSHIPS:
      explain_members_on_stock (&x, FALSE);
      break;
    case FIGURE_MEMBERS:
      explain_members_on_stock (&x, TRUE);
      break;
    case FIGURE_STUDIED:
      explain_members_studied (&x);
      break;
    case FIGURE_FLOW:
    default:
      explain_member_events (&x);
      break;
    }
}

/* ---- typed denominators ---------------------------------------------------------- */

/* The denominators typed for gathering_rate (eligible_people, rule 1–3 of
 * smt-typed-figure.h): of the organisation asked for (eligible_people:CCB),
 * or for the commune's figure, of the whole commune when the scope is the
 * catalogue's (the office typed how many people the socio-political
 * organisations gather; another scope would gather others). Never for a
 * hamlet: the typed number is the commune's. By result; NULL when none is
 * typed (or on error, with error set). */
static GPtrArray *
typed_denominators (SmtRegister          *reg,
                    Ctx                  *c,
                    SmtIndicatorResult  **results,
                    guint                 n_results,
                    GError              **error)
{
  const SmtIndicatorInfo *info = smt_catalogue_lookup ("eligible_people", NULL);
  g_autofree SmtPeriod **periods = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  gboolean any = FALSE;

  if (info == NULL || c->q->hamlet_id != 0)
    return NULL;
  if (c->only == NULL && g_strcmp0 (c->scope->text, results[0]->info->scope) != 0)
    return NULL;
  /* Nearly always none is typed: a look-up, not a figure per period. */
  if (!smt_typed_values_any (reg, info->code, c->only != NULL ? c->only->id : 0))
    return NULL;
  periods = g_new (SmtPeriod *, n_results);
  for (guint i = 0; i < n_results; i++)
    periods[i] = results[i]->period;
  figures = smt_typed_figures (reg, info, c->only != NULL ? c->only->id : 0, periods, n_results,
                               error);
  if (figures == NULL)
    return NULL;
  for (guint i = 0; i < n_results; i++)
    {
      SmtTypedFigure *f = g_ptr_array_index (figures, i);

      if (!f->defined || f->how == SMT_TYPED_ORGANISATIONS)
        {
          smt_typed_figure_free (f);
          figures->pdata[i] = NULL;
        }
      else
        any = TRUE;
    }
  return any ? g_steal_pointer (&figures) : NULL;
}

/* ---- the entry point ----------------------------------------------------------- */

static gboolean
figure_of (const char  *code,
           Figure      *figure,
           SmtFactFlow *flow)
{
  static const struct
  {
    const char  *code;
    Figure       figure;
    SmtFactFlow  flow;
  } figures[] = {
    { "households_covered", FIGURE_HOUSEHOLDS, 0 },
    { "gathering_rate", FIGURE_GATHERING, 0 },
    { "memberships_total", FIGURE_MEMBERSHIPS, 0 },
    { "members_total", FIGURE_MEMBERS, 0 },
    { "members_studied", FIGURE_STUDIED, 0 },
    { "members_admitted", FIGURE_FLOW, SMT_FACT_ADMITTED },
    { "members_transferred_in", FIGURE_FLOW, SMT_FACT_TRANSFERRED_IN },
    { "members_transferred_out", FIGURE_FLOW, SMT_FACT_TRANSFERRED_OUT },
    { "members_transferred", FIGURE_FLOW, SMT_FACT_TRANSFERRED },
    { "members_left", FIGURE_FLOW, SMT_FACT_LEFT },
    { "members_deceased", FIGURE_FLOW, SMT_FACT_DECEASED },
    { "members_away", FIGURE_FLOW, SMT_FACT_AWAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (strcmp (figures[i].code, code) == 0)
      {
        *figure = figures[i].figure;
        *flow = figures[i].flow;
        return TRUE;
      }
  return FALSE;
}

gboolean
smt_indicators_compute_members (SmtRegister             *reg,
                               const SmtIndicatorQuery *query,
                               const SmtScope          *scope,
                               SmtIndicatorResult     **results,
                               guint                    n_results,
                               GError                 **error)
{
  Ctx c = { 0 };
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) plain_typed = NULL;
  g_autoptr(GPtrArray) typed = NULL;
  const char *code;
  gboolean explain = FALSE;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (results != NULL || n_results == 0, FALSE);

  if (n_results == 0)
    return TRUE;
  for (guint i = 0; i < n_results; i++)
    g_return_val_if_fail (results[i] != NULL && results[i]->info != NULL
                          && results[i]->period != NULL, FALSE);
  code = results[0]->info->code;
  if (!figure_of (code, &c.figure, &c.flow))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   "%s is not a membership indicator", code);
      return FALSE;
    }

  c.q = query;
  c.f = smt_member_facts_get (reg, error);
  if (c.f == NULL)
    return FALSE;
  c.persons = (const SmtFactPerson *) c.f->persons->data;
  c.residences = (const SmtFactResidence *) c.f->residences->data;
  c.households = (const SmtFactHousehold *) c.f->households->data;
  c.span_facts = c.f->span_facts;
  c.orgs = (const SmtFactOrg *) c.f->orgs->data;
  c.n_orgs = c.f->orgs->len;
  c.only = query->organisation_id != 0 ? org_get (&c, query->organisation_id) : NULL;
  c.scope = scope;
  c.org_counts = g_new (gboolean, MAX (c.n_orgs, 1));
  c.gathering = g_new (const SmtFactOrg *, MAX (c.n_orgs, 1));
  for (guint o = 0; o < c.n_orgs; o++)
    c.org_counts[o] = smt_scope_has (scope, c.orgs[o].id);
  for (int pass = 0; pass < 2; pass++)
    for (guint o = 0; o < c.n_orgs; o++)
      if (c.org_counts[o] && (c.orgs[o].trait == G_MAXUINT) == (pass == 0))
        c.gathering[c.n_gathering++] = &c.orgs[o];
  if (c.figure == FIGURE_STUDIED)
    {
      c.studies = smt_member_facts_get_studies (reg, c.f, error);
      if (c.studies == NULL)
        {
          ctx_clear (&c);
          return FALSE;
        }
      c.study_ok = g_new (gboolean, MAX (c.studies->studies->len, 1));
      for (guint s = 0; s < c.studies->studies->len; s++)
        c.study_ok[s] = study_passes (&c, &g_array_index (c.studies->studies, SmtFactStudy, s));
    }

  if (c.figure == FIGURE_GATHERING)
    {
      g_autoptr(GError) local = NULL;

      typed = typed_denominators (reg, &c, results, n_results, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          ctx_clear (&c);
          return FALSE;
        }
    }

  /* The periods to explain are counted one by one, the rest together. */
  plain = g_ptr_array_sized_new (n_results);
  plain_typed = g_ptr_array_sized_new (n_results);
  for (guint i = 0; i < n_results; i++)
    if (query->explain && results[i]->numerator_rows != NULL
        && results[i]->denominator_rows != NULL)
      explain = TRUE;
    else
      {
        g_ptr_array_add (plain, results[i]);
        g_ptr_array_add (plain_typed, typed != NULL ? g_ptr_array_index (typed, i) : NULL);
      }
  if (typed != NULL)
    c.typed = (SmtTypedFigure **) plain_typed->pdata;
  if (explain)
    {
      c.names = smt_member_facts_get_names (reg, c.f, error);
      if (c.names == NULL)
        {
          ctx_clear (&c);
          return FALSE;
        }
      for (guint i = 0; i < n_results; i++)
        if (query->explain && results[i]->numerator_rows != NULL
            && results[i]->denominator_rows != NULL)
          explain_one (&c, results[i], typed != NULL ? g_ptr_array_index (typed, i) : NULL);
    }
  if (plain->len > 0 && c.figure == FIGURE_FLOW)
    flow_series (&c, (SmtIndicatorResult **) plain->pdata, plain->len);
  else if (plain->len > 0)
    sweep_series (&c, (SmtIndicatorResult **) plain->pdata, plain->len);
  ctx_clear (&c);
  return TRUE;
}
