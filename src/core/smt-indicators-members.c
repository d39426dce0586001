/* smt-indicators-members.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "smt-date.h"
#include "smt-indicators-private.h"
#include "smt-member-spans.h"

/* The indicators counted over people, households and their memberships.
 * Everything is read once per call: the spans of every membership (one
 * pass over the events), the people, the current residence rows and the
 * organisations, each by one statement; the counting is done in memory. */

typedef struct
{
  gint64    id;
  char     *short_name;
  char     *member_word;
  gboolean  socio_political;
  int       min_age;   /* -1: no bound */
  int       max_age;   /* -1: no bound */
  char      sex;       /* 'M', 'F' or 0 */
} Org;

typedef struct
{
  char    from[11];
  gint64  household_id;  /* 0: left the commune */
  gint64  hamlet_id;
  gboolean is_head;
} Residence;

typedef struct
{
  gint64  id;
  char    sex;
  int     birth_year;
  char    birth_date[11];   /* "" when only the year is known */
  char    deceased_on[11];  /* "" when alive */
  char   *name;             /* only when explaining */
  guint   res_first;
  guint   res_n;
} Person;

typedef struct
{
  SmtRegister             *reg;
  const SmtIndicatorQuery *q;
  SmtIndicatorResult      *res;
  gboolean                 explain;
  const char              *start;
  const char              *end;
  const char              *stock;
  GArray                  *orgs;        /* Org */
  GArray                  *persons;     /* Person, by id */
  GArray                  *residences;  /* Residence, grouped by person */
  GArray                  *spans;       /* SmtMemberSpan */
  GHashTable              *hamlets;     /* id → name, when explaining */
  GHashTable              *branches;    /* id → name, when explaining */
} Ctx;

static void
ctx_clear (Ctx *c)
{
  if (c->orgs != NULL)
    for (guint i = 0; i < c->orgs->len; i++)
      {
        Org *o = &g_array_index (c->orgs, Org, i);

        g_free (o->short_name);
        g_free (o->member_word);
      }
  if (c->persons != NULL)
    for (guint i = 0; i < c->persons->len; i++)
      g_free (g_array_index (c->persons, Person, i).name);
  g_clear_pointer (&c->orgs, g_array_unref);
  g_clear_pointer (&c->persons, g_array_unref);
  g_clear_pointer (&c->residences, g_array_unref);
  g_clear_pointer (&c->spans, g_array_unref);
  g_clear_pointer (&c->hamlets, g_hash_table_unref);
  g_clear_pointer (&c->branches, g_hash_table_unref);
}

static void
copy_date (char        dest[11],
           const unsigned char *text)
{
  g_strlcpy (dest, text ? (const char *) text : "", 11);
}

static gboolean
step_failed (Ctx          *c,
             sqlite3_stmt *stmt,
             int           rc,
             GError      **error)
{
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (c->reg, error);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  return FALSE;
}

/* ---- loading ----------------------------------------------------------------- */

static gboolean
load_orgs (Ctx     *c,
           GError **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (c->reg,
      "SELECT id, short_name, member_word, kind = 'socio_political', coalesce (min_age, -1), "
      "coalesce (max_age, -1), coalesce (sex, '') FROM organisation ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  c->orgs = g_array_new (FALSE, TRUE, sizeof (Org));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Org o = { 0 };
      const char *sex = (const char *) sqlite3_column_text (stmt, 6);

      o.id = sqlite3_column_int64 (stmt, 0);
      o.short_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      o.member_word = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      o.socio_political = sqlite3_column_int (stmt, 3) != 0;
      o.min_age = sqlite3_column_int (stmt, 4);
      o.max_age = sqlite3_column_int (stmt, 5);
      o.sex = sex != NULL ? sex[0] : 0;
      g_array_append_val (c->orgs, o);
    }
  return !step_failed (c, stmt, rc, error);
}

static const Org *
org_get (Ctx    *c,
         gint64  id)
{
  for (guint i = 0; i < c->orgs->len; i++)
    if (g_array_index (c->orgs, Org, i).id == id)
      return &g_array_index (c->orgs, Org, i);
  return NULL;
}

static gboolean
load_persons (Ctx     *c,
              GError **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (c->reg,
      "SELECT id, sex, birth_year, birth_date, deceased_on, ho, chu_lot, ten "
      "FROM person ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  c->persons = g_array_new (FALSE, TRUE, sizeof (Person));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Person p = { 0 };
      const char *sex = (const char *) sqlite3_column_text (stmt, 1);

      p.id = sqlite3_column_int64 (stmt, 0);
      p.sex = sex != NULL ? sex[0] : 0;
      p.birth_year = sqlite3_column_int (stmt, 2);
      copy_date (p.birth_date, sqlite3_column_text (stmt, 3));
      copy_date (p.deceased_on, sqlite3_column_text (stmt, 4));
      if (c->explain)
        {
          const char *ho = (const char *) sqlite3_column_text (stmt, 5);
          const char *lot = (const char *) sqlite3_column_text (stmt, 6);
          const char *ten = (const char *) sqlite3_column_text (stmt, 7);

          if (lot != NULL && lot[0] != '\0')
            p.name = g_strdup_printf ("%s %s %s", ho, lot, ten);
          else
            p.name = g_strdup_printf ("%s %s", ho, ten);
        }
      g_array_append_val (c->persons, p);
    }
  return !step_failed (c, stmt, rc, error);
}

static int
person_cmp (const void *key,
            const void *elem)
{
  gint64 id = *(const gint64 *) key;
  gint64 other = ((const Person *) elem)->id;

  return id < other ? -1 : id > other ? 1 : 0;
}

static Person *
person_get (Ctx    *c,
            gint64  id)
{
  return bsearch (&id, c->persons->data, c->persons->len, sizeof (Person), person_cmp);
}

/* The current residence rows (not voided, not superseded), grouped by
 * person in date order; each person gets the range of its rows. */
static gboolean
load_residences (Ctx     *c,
                 GError **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (c->reg,
      "SELECT r.person_id, r.from_date, coalesce (r.household_id, 0), "
      "coalesce (h.hamlet_id, 0), r.is_head "
      "FROM residence r LEFT JOIN household h ON h.id = r.household_id "
      "WHERE r.voided = 0 AND NOT EXISTS (SELECT 1 FROM residence s WHERE s.supersedes = r.id) "
      "ORDER BY r.person_id, r.from_date, r.id", error);
  Person *p = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  c->residences = g_array_new (FALSE, TRUE, sizeof (Residence));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);
      Residence r = { 0 };

      if (p == NULL || p->id != person_id)
        {
          p = person_get (c, person_id);
          if (p == NULL)
            continue;
          p->res_first = c->residences->len;
          p->res_n = 0;
        }
      copy_date (r.from, sqlite3_column_text (stmt, 1));
      r.household_id = sqlite3_column_int64 (stmt, 2);
      r.hamlet_id = sqlite3_column_int64 (stmt, 3);
      r.is_head = sqlite3_column_int (stmt, 4) != 0;
      g_array_append_val (c->residences, r);
      p->res_n++;
    }
  return !step_failed (c, stmt, rc, error);
}

static GHashTable *
load_names (Ctx         *c,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (c->reg, sql, error);
  g_autoptr(GHashTable) names = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                           sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (step_failed (c, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

static const char *
name_of (GHashTable *names,
         gint64      id)
{
  const char *name = names != NULL ? g_hash_table_lookup (names, &id) : NULL;

  return name != NULL ? name : "";
}

/* ---- facts about one person on one date --------------------------------------- */

/* The residence in force on the date: the latest current row from on or
 * before it; NULL when none, or when that row says the person left. */
static const Residence *
resident_on (Ctx          *c,
             const Person *p,
             const char   *date)
{
  for (guint i = p->res_n; i > 0; i--)
    {
      const Residence *r = &g_array_index (c->residences, Residence, p->res_first + i - 1);

      if (strcmp (r->from, date) <= 0)
        return r->household_id != 0 ? r : NULL;
    }
  return NULL;
}

static gboolean
alive_on (const Person *p,
          const char   *date)
{
  return p->deceased_on[0] == '\0' || strcmp (p->deceased_on, date) > 0;
}

/* Whether the person passes the hamlet filter on the date. */
static gboolean
in_hamlet (Ctx          *c,
           const Person *p,
           const char   *date)
{
  const Residence *r;

  if (c->q->hamlet_id == 0)
    return TRUE;
  r = resident_on (c, p, date);
  return r != NULL && r->hamlet_id == c->q->hamlet_id;
}

static int
age_on (const Person *p,
        const char   *date)
{
  return smt_date_age_on (p->birth_date[0] ? p->birth_date : NULL, p->birth_year, date);
}

static gboolean
eligible (const Org    *o,
          const Person *p,
          int           age)
{
  if (o->min_age >= 0 && age < o->min_age)
    return FALSE;
  if (o->max_age >= 0 && age > o->max_age)
    return FALSE;
  return o->sex == 0 || o->sex == p->sex;
}

/* "Nguyễn Văn An (1987, Ấp 3)", with the hamlet on the date. */
static char *
person_label (Ctx          *c,
              const Person *p,
              const char   *date)
{
  const Residence *r = resident_on (c, p, date);

  if (r != NULL)
    return g_strdup_printf ("%s (%d, %s)", p->name, p->birth_year,
                            name_of (c->hamlets, r->hamlet_id));
  return g_strdup_printf ("%s (%d)", p->name, p->birth_year);
}

static char *
display_date (const char *iso)
{
  return smt_date_to_display (iso);
}

/* Whether a span counts for the organisation filter; all organisations
 * when socio_only is FALSE and no filter is set. */
static gboolean
span_org_ok (Ctx                 *c,
             const SmtMemberSpan *s,
             gboolean             socio_only)
{
  const Org *o;

  if (c->q->organisation_id != 0)
    return s->organisation_id == c->q->organisation_id;
  if (!socio_only)
    return TRUE;
  o = org_get (c, s->organisation_id);
  return o != NULL && o->socio_political;
}

/* The span that began the membership a span belongs to: transfers and
 * away/back close one span and open the next with the same event. */
static const SmtMemberSpan *
membership_start (Ctx  *c,
                  guint index)
{
  const SmtMemberSpan *s = &g_array_index (c->spans, SmtMemberSpan, index);

  while (index > 0)
    {
      const SmtMemberSpan *prev = &g_array_index (c->spans, SmtMemberSpan, index - 1);

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
admission_text (Ctx  *c,
                guint index)
{
  const SmtMemberSpan *s = membership_start (c, index);
  const Org *o = org_get (c, s->organisation_id);
  g_autofree char *date = display_date (s->start);

  return g_strdup_printf ("%s %s %s", smt_event_kind_label (s->start_kind),
                          o ? o->short_name : "", date);
}

/* "hội viên Phụ nữ, Chi hội Phụ nữ ấp 1" (", Đi làm ăn xa" when away) */
static char *
membership_text (Ctx                 *c,
                 const SmtMemberSpan *s)
{
  const Org *o = org_get (c, s->organisation_id);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %s", o ? o->member_word : "", o ? o->short_name : "");
  if (s->branch_id != 0)
    g_string_append_printf (text, ", %s", name_of (c->branches, s->branch_id));
  if (s->away)
    g_string_append_printf (text, ", %s", smt_event_kind_label (SMT_EVENT_AWAY));
  return g_string_free (text, FALSE);
}

/* For each person (by index), the first span covering the date that
 * passes the organisation filter, or G_MAXUINT. */
static guint *
member_on (Ctx        *c,
           const char *date,
           gboolean    socio_only)
{
  guint *member = g_new (guint, MAX (c->persons->len, 1));
  Person *p = NULL;

  memset (member, 0xff, sizeof (guint) * MAX (c->persons->len, 1));
  for (guint i = 0; i < c->spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (c->spans, SmtMemberSpan, i);
      guint pi;

      if (!smt_member_span_covers (s, date) || !span_org_ok (c, s, socio_only))
        continue;
      if (p == NULL || p->id != s->person_id)
        p = person_get (c, s->person_id);
      if (p == NULL)
        continue;
      pi = p - (Person *) c->persons->data;
      if (member[pi] == G_MAXUINT)
        member[pi] = i;
    }
  return member;
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

static void
set_count (SmtIndicatorResult *res,
           guint               count)
{
  res->numerator = count;
  res->denominator = 0;
  res->defined = TRUE;
  res->value = count;
}

/* ---- the indicators ------------------------------------------------------------ */

typedef struct
{
  gint64 id;
  gint64 hamlet_id;
  guint  residents;
  gint64 head;     /* person index + 1 of the head, else of the first resident */
  gboolean head_marked;
  guint  member;   /* person index of a member, G_MAXUINT when none */
} Household;

static int
household_cmp (gconstpointer a,
               gconstpointer b)
{
  gint64 x = (*(Household * const *) a)->id;
  gint64 y = (*(Household * const *) b)->id;

  return x < y ? -1 : x > y ? 1 : 0;
}

static gboolean
households_covered (Ctx     *c,
                    GError **error)
{
  const char *date = c->stock;
  g_autofree guint *member = member_on (c, date, TRUE);
  g_autoptr(GHashTable) households = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            NULL, g_free);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GHashTable) addresses = NULL;
  guint numerator = 0;

  for (guint i = 0; i < c->persons->len; i++)
    {
      const Person *p = &g_array_index (c->persons, Person, i);
      const Residence *r;
      Household *h;

      if (!alive_on (p, date) || (r = resident_on (c, p, date)) == NULL)
        continue;
      if (c->q->hamlet_id != 0 && r->hamlet_id != c->q->hamlet_id)
        continue;
      h = g_hash_table_lookup (households, &r->household_id);
      if (h == NULL)
        {
          h = g_new0 (Household, 1);
          h->id = r->household_id;
          h->hamlet_id = r->hamlet_id;
          h->member = G_MAXUINT;
          g_hash_table_insert (households, &h->id, h);
          g_ptr_array_add (list, h);
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
  set_ratio (c->res, numerator, list->len);
  if (!c->explain)
    return TRUE;

  addresses = load_names (c, "SELECT id, address FROM household", error);
  if (addresses == NULL)
    return FALSE;
  g_ptr_array_sort (list, household_cmp);
  for (guint i = 0; i < list->len; i++)
    {
      const Household *h = g_ptr_array_index (list, i);
      const Person *head = &g_array_index (c->persons, Person, h->head - 1);
      const char *address = name_of (addresses, h->id);
      const char *hamlet = name_of (c->hamlets, h->hamlet_id);
      g_autofree char *label = NULL;
      g_autofree char *because = NULL;

      if (address[0] != '\0')
        /* Translators: a household: its head, address and hamlet */
        label = g_strdup_printf (_("Household of %s — %s, %s"), head->name, address, hamlet);
      else
        /* Translators: a household: its head and hamlet */
        label = g_strdup_printf (_("Household of %s — %s"), head->name, hamlet);
      if (h->member != G_MAXUINT)
        {
          const Person *m = &g_array_index (c->persons, Person, h->member);
          const SmtMemberSpan *s = &g_array_index (c->spans, SmtMemberSpan, member[h->member]);
          const Org *o = org_get (c, s->organisation_id);
          g_autofree char *member_because =
            g_strdup_printf ("%s — %s %s", m->name, o ? o->member_word : "",
                             o ? o->short_name : "");

          smt_explain_add (c->res->numerator_rows, "household", h->id, label, member_because);
        }
      /* Translators: the people living in a household */
      because = g_strdup_printf (_("%u residents"), h->residents);
      smt_explain_add (c->res->denominator_rows, "household", h->id, label, because);
    }
  return TRUE;
}

static gboolean
gathering_rate (Ctx     *c,
                GError **error)
{
  const char *date = c->stock;
  g_autofree guint *member = member_on (c, date, TRUE);
  const Org *only = c->q->organisation_id != 0 ? org_get (c, c->q->organisation_id) : NULL;
  guint numerator = 0, denominator = 0;

  for (guint i = 0; i < c->persons->len; i++)
    {
      const Person *p = &g_array_index (c->persons, Person, i);
      const Residence *r;
      gboolean ok = FALSE;
      int age;

      if (!alive_on (p, date) || (r = resident_on (c, p, date)) == NULL)
        continue;
      if (c->q->hamlet_id != 0 && r->hamlet_id != c->q->hamlet_id)
        continue;
      age = age_on (p, date);
      if (only != NULL)
        ok = eligible (only, p, age);
      else
        for (guint o = 0; o < c->orgs->len && !ok; o++)
          {
            const Org *org = &g_array_index (c->orgs, Org, o);

            ok = org->socio_political && eligible (org, p, age);
          }
      if (!ok)
        continue;
      denominator++;
      if (member[i] != G_MAXUINT)
        numerator++;
      if (c->explain)
        {
          g_autofree char *label = person_label (c, p, date);
          /* Translators: age and sex of a person ("Nam" or "Nữ") */
          g_autofree char *because = g_strdup_printf (_("%d years old, %s"), age,
                                                      p->sex == 'F' ? _("Female") : _("Male"));

          smt_explain_add (c->res->denominator_rows, "person", p->id, label, because);
          if (member[i] != G_MAXUINT)
            {
              g_autofree char *admitted = admission_text (c, member[i]);

              smt_explain_add (c->res->numerator_rows, "person", p->id, label, admitted);
            }
        }
    }
  set_ratio (c->res, numerator, denominator);
  return TRUE;
}

/* memberships_total (by_person FALSE) and members_total (TRUE). */
static gboolean
members_on_stock (Ctx      *c,
                  gboolean  by_person,
                  GError  **error)
{
  const char *date = c->stock;
  const Person *p = NULL;
  gboolean p_in = FALSE;
  gint64 last_counted = 0;
  GString *because = NULL;
  guint count = 0;

  for (guint i = 0; i <= c->spans->len; i++)
    {
      const SmtMemberSpan *s = i < c->spans->len ? &g_array_index (c->spans, SmtMemberSpan, i)
                                                 : NULL;

      /* Close the explanation row of the previous person. */
      if (by_person && because != NULL && (s == NULL || s->person_id != p->id))
        {
          g_autofree char *label = person_label (c, p, date);

          smt_explain_add (c->res->numerator_rows, "person", p->id, label, because->str);
          g_string_free (because, TRUE);
          because = NULL;
        }
      if (s == NULL)
        break;
      if (!smt_member_span_covers (s, date) || !span_org_ok (c, s, FALSE))
        continue;
      if (p == NULL || p->id != s->person_id)
        {
          p = person_get (c, s->person_id);
          p_in = p != NULL && in_hamlet (c, p, date);
        }
      if (!p_in)
        continue;
      if (!by_person)
        {
          count++;
          if (c->explain)
            {
              g_autofree char *label = person_label (c, p, date);
              g_autofree char *text = membership_text (c, s);

              smt_explain_add (c->res->numerator_rows, "person", p->id, label, text);
            }
          continue;
        }
      if (last_counted != p->id)
        {
          last_counted = p->id;
          count++;
          if (c->explain)
            because = g_string_new (NULL);
        }
      if (because != NULL)
        {
          g_autofree char *text = membership_text (c, s);

          if (because->len > 0)
            g_string_append (because, "; ");
          g_string_append (because, text);
        }
    }
  set_count (c->res, count);
  return TRUE;
}

/* members_admitted, members_left, members_transferred, members_away: the
 * events of the period, read off the spans they open or close. */
static gboolean
member_events (Ctx      *c,
               GError  **error)
{
  const char *code = c->res->info->code;
  gboolean opening = strcmp (code, "members_left") != 0;
  g_autofree char *start_before = smt_date_add_days (c->start, -1);
  g_autofree char *end_before = smt_date_add_days (c->end, -1);
  const Person *p = NULL;
  gboolean wanted;
  guint count = 0;

  for (guint i = 0; i < c->spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (c->spans, SmtMemberSpan, i);
      SmtEventKind kind;
      g_autofree char *event_date = NULL;
      const char *hamlet_date;

      if (!span_org_ok (c, s, FALSE))
        continue;
      if (opening)
        {
          kind = s->start_kind;
          if (strcmp (code, "members_admitted") == 0)
            wanted = kind == SMT_EVENT_ADMITTED || kind == SMT_EVENT_TRANSFERRED_IN;
          else if (strcmp (code, "members_transferred") == 0)
            wanted = kind == SMT_EVENT_TRANSFERRED;
          else
            wanted = kind == SMT_EVENT_AWAY;
          if (!wanted || strcmp (s->start, c->start) < 0 || strcmp (s->start, c->end) > 0)
            continue;
          /* The person's hamlet on the day the event takes effect. */
          hamlet_date = s->start;
        }
      else
        {
          /* A closing event dated D ends the span on D - 1. */
          kind = s->end_kind;
          if (s->end[0] == '\0'
              || !(kind == SMT_EVENT_LEFT || kind == SMT_EVENT_REMOVED
                   || kind == SMT_EVENT_TRANSFERRED_OUT || kind == SMT_EVENT_DECEASED)
              || strcmp (s->end, start_before) < 0 || strcmp (s->end, end_before) > 0)
            continue;
          /* The hamlet on the last day of membership: someone who moves
           * out of the commune leaves on the day they move. */
          hamlet_date = s->end;
        }
      if (p == NULL || p->id != s->person_id)
        p = person_get (c, s->person_id);
      if (p == NULL || !in_hamlet (c, p, hamlet_date))
        continue;
      count++;
      if (c->explain)
        {
          const Org *o = org_get (c, s->organisation_id);
          g_autofree char *label = person_label (c, p, hamlet_date);
          g_autofree char *because = NULL;

          event_date = opening ? g_strdup (s->start) : smt_date_add_days (s->end, 1);
          {
            g_autofree char *shown = display_date (event_date);

            because = g_strdup_printf ("%s %s %s", smt_event_kind_label (kind),
                                       o ? o->short_name : "", shown);
          }
          smt_explain_add (c->res->numerator_rows, "person", p->id, label, because);
        }
    }
  set_count (c->res, count);
  return TRUE;
}

typedef struct
{
  char *subject;
  char  date[11];
} Studied;

static void
studied_free (Studied *s)
{
  g_free (s->subject);
  g_free (s);
}

static gboolean
members_studied (Ctx     *c,
                 GError **error)
{
  const char *date = c->stock;
  g_autofree guint *member = member_on (c, date, FALSE);
  g_autoptr(GHashTable) studied = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) studied_free);
  sqlite3_stmt *stmt = smt_register_prepare (c->reg,
      "SELECT sp.person_id, s.subject, s.date FROM study s "
      "JOIN study_participant sp ON sp.study_id = s.id "
      "WHERE s.voided = 0 AND s.date BETWEEN ?1 AND ?2 "
      "AND NOT EXISTS (SELECT 1 FROM study x WHERE x.supersedes = s.id) "
      "AND (?3 = 0 OR s.organisation_id IS NULL OR s.organisation_id = ?3 "
      "     OR EXISTS (SELECT 1 FROM branch b WHERE b.id = s.branch_id "
      "                AND b.organisation_id = ?3)) "
      "ORDER BY s.date, s.id", error);
  guint numerator = 0, denominator = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, c->start, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, c->end, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, c->q->organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);
      Studied *s;

      if (g_hash_table_contains (studied, &person_id))
        continue;
      s = g_new0 (Studied, 1);
      s->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      copy_date (s->date, sqlite3_column_text (stmt, 2));
      g_hash_table_insert (studied, g_memdup2 (&person_id, sizeof person_id), s);
    }
  if (step_failed (c, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < c->persons->len; i++)
    {
      const Person *p = &g_array_index (c->persons, Person, i);
      const Studied *s;

      if (member[i] == G_MAXUINT || !in_hamlet (c, p, date))
        continue;
      denominator++;
      s = g_hash_table_lookup (studied, &p->id);
      if (s != NULL)
        numerator++;
      if (c->explain)
        {
          g_autofree char *label = person_label (c, p, date);
          g_autofree char *text = membership_text (c, &g_array_index (c->spans, SmtMemberSpan,
                                                                      member[i]));

          smt_explain_add (c->res->denominator_rows, "person", p->id, label, text);
          if (s != NULL)
            {
              g_autofree char *shown = display_date (s->date);
              g_autofree char *because = g_strdup_printf ("%s — %s", s->subject, shown);

              smt_explain_add (c->res->numerator_rows, "person", p->id, label, because);
            }
        }
    }
  set_ratio (c->res, numerator, denominator);
  return TRUE;
}

static gboolean
compute_one (SmtRegister             *reg,
             const SmtIndicatorQuery *query,
             SmtIndicatorResult      *result,
             GError                 **error)
{
  Ctx c = { 0 };
  const char *code;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (query != NULL && result != NULL && result->info != NULL, FALSE);

  code = result->info->code;
  c.reg = reg;
  c.q = query;
  c.res = result;
  c.explain = query->explain && result->numerator_rows != NULL
              && result->denominator_rows != NULL;
  c.start = smt_period_get_start (result->period);
  c.end = smt_period_get_end (result->period);
  c.stock = smt_period_stock_date (result->period);

  ok = load_orgs (&c, error) && load_persons (&c, error) && load_residences (&c, error);
  if (ok)
    {
      c.spans = smt_member_spans_load (reg, query->organisation_id, error);
      ok = c.spans != NULL;
    }
  if (ok && c.explain)
    {
      c.hamlets = load_names (&c, "SELECT id, name FROM hamlet", error);
      ok = c.hamlets != NULL;
      if (ok)
        {
          c.branches = load_names (&c, "SELECT id, name FROM branch", error);
          ok = c.branches != NULL;
        }
    }
  if (ok)
    {
      if (strcmp (code, "households_covered") == 0)
        ok = households_covered (&c, error);
      else if (strcmp (code, "gathering_rate") == 0)
        ok = gathering_rate (&c, error);
      else if (strcmp (code, "memberships_total") == 0)
        ok = members_on_stock (&c, FALSE, error);
      else if (strcmp (code, "members_total") == 0)
        ok = members_on_stock (&c, TRUE, error);
      else if (strcmp (code, "members_studied") == 0)
        ok = members_studied (&c, error);
      else if (strcmp (code, "members_admitted") == 0 || strcmp (code, "members_left") == 0
               || strcmp (code, "members_transferred") == 0
               || strcmp (code, "members_away") == 0)
        ok = member_events (&c, error);
      else
        {
          ok = FALSE;
          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                       "%s is not a membership indicator", code);
        }
    }
  ctx_clear (&c);
  return ok;
}

gboolean
smt_indicators_compute_members (SmtRegister             *reg,
                               const SmtIndicatorQuery *query,
                               SmtIndicatorResult     **results,
                               guint                    n_results,
                               GError                 **error)
{
  for (guint i = 0; i < n_results; i++)
    if (!compute_one (reg, query, results[i], error))
      return FALSE;
  return TRUE;
}
