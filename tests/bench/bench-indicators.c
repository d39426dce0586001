/* bench-indicators.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Benchmark of the indicators on demo registers of 10k, 30k and 100k people:
 * the first call after opening the register, every indicator of the
 * catalogue for one month, one indicator's 120-month trend and every
 * indicator's 120-month trends, each timed through the public API and
 * beside the plain SQL that counts the same thing with one query per
 * indicator and per period. The SQL's numerator and denominator are
 * compared with the engine's for every period it is timed on; a difference
 * is printed as a MISMATCH line. Nothing asserts on time.
 *
 * SMT_BENCH_SIZES       people per register, comma separated (10000,30000,100000)
 * SMT_BENCH_RUNS        runs per measurement (5); a measurement stops repeating
 *                       once its runs have taken SMT_BENCH_BUDGET seconds (60)
 * SMT_BENCH_SQL_STRIDE  the SQL of every indicator's trends runs on every
 *                       n-th month and is scaled up (10; 1: all 120 months) */

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "core/demo/smt-demo.h"
#include "core/indicators/smt-balance.h"
#include "core/indicators/smt-indicators.h"
#include "core/register/smt-format.h"
#include "core/register/smt-register.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-period.h"

/* A month of the demo with ratings, studies and meetings to count. */
#define BENCH_MONTH    "2025-09"
#define SERIES_MONTHS  120
#define MAX_MISMATCHES 20

/* ---- the plain SQL ------------------------------------------------------------ */

/* One statement per indicator, run once per period with :start, :end and
 * :stock (the period's last day) bound, and :org for gathering_rate:ORG.
 * Each returns the numerator and the denominator (0 for a count). The
 * rules are the engine's (docs/ARCHITECTURE.md, "Indicators"): a
 * membership is in force on a day when the latest current event of that
 * person in that organisation on or before it admits, transfers, sends
 * away or brings back (so members working away count, and a closing event
 * ends it on the day before); tổ hội are no branches of their own. */

#define CURRENT_EVENT(a) \
  " " a ".kind <> 'void' AND NOT EXISTS (SELECT 1 FROM membership_event v " \
  "WHERE v.supersedes = " a ".id) "

#define CURRENT(a, table) \
  " " a ".voided = 0 AND NOT EXISTS (SELECT 1 FROM " table " newer " \
  "WHERE newer.supersedes = " a ".id) "

#define IN_FORCE "('admitted', 'transferred_in', 'transferred', 'away', 'back')"

/* Memberships (person, organisation) in force at the end of :stock. */
#define MEMBERSHIP \
  "membership AS (SELECT person_id, organisation_id FROM (" \
  "  SELECT e.person_id, e.organisation_id, e.kind, row_number () OVER (" \
  "    PARTITION BY e.person_id, e.organisation_id ORDER BY e.date DESC, e.id DESC) AS rn " \
  "  FROM membership_event e WHERE e.date <= :stock AND" CURRENT_EVENT ("e") ") " \
  "WHERE rn = 1 AND kind IN " IN_FORCE ")"

/* People alive on :stock and living in the commune, by their latest
 * current residence row from on or before it. */
#define RESIDENT \
  "resident AS (SELECT x.person_id, x.household_id FROM (" \
  "  SELECT r.person_id, r.household_id, row_number () OVER (" \
  "    PARTITION BY r.person_id ORDER BY r.from_date DESC, r.id DESC) AS rn " \
  "  FROM residence r WHERE r.from_date <= :stock AND" CURRENT ("r", "residence") ") x " \
  "JOIN person p ON p.id = x.person_id " \
  "WHERE x.rn = 1 AND x.household_id IS NOT NULL " \
  "AND (p.deceased_on IS NULL OR p.deceased_on > :stock))"

/* Age on :stock, from the birth date or else the birth year. */
#define AGE \
  "CAST (substr (:stock, 1, 4) AS INTEGER) - CASE WHEN p.birth_date IS NULL " \
  "THEN p.birth_year ELSE CAST (substr (p.birth_date, 1, 4) AS INTEGER) " \
  "+ (substr (:stock, 6, 5) < substr (p.birth_date, 6, 5)) END"

/* The socio-political organisations, or the one asked for: the catalogue's
 * default scope of every indicator (smt-scope.h). */
#define ORGS "(:org = 0 AND o.kind = 'socio_political' OR o.id = :org)"
#define SOCIO_IDS "(SELECT id FROM organisation WHERE kind = 'socio_political')"

#define SOCIO_MEMBER \
  "member AS (SELECT DISTINCT m.person_id FROM membership m " \
  "JOIN organisation o ON o.id = m.organisation_id WHERE " ORGS ")"

static const char sql_gathering_rate[] =
  "WITH " MEMBERSHIP ", " RESIDENT ", " SOCIO_MEMBER ", "
  "aged AS (SELECT p.id, p.sex, " AGE " AS age FROM person p "
  "  JOIN resident r ON r.person_id = p.id), "
  "eligible AS (SELECT a.id FROM aged a WHERE EXISTS (SELECT 1 FROM organisation o "
  "  WHERE " ORGS " AND (o.min_age IS NULL OR a.age >= o.min_age) "
  "  AND (o.max_age IS NULL OR a.age <= o.max_age) AND (o.sex IS NULL OR o.sex = a.sex) "
  "  AND (o.trait_id IS NULL OR EXISTS (SELECT 1 FROM person_trait t "
  "    WHERE t.person_id = a.id AND t.trait_id = o.trait_id AND" CURRENT ("t", "person_trait")
  "    AND (t.from_date IS NULL OR t.from_date <= :stock) "
  "    AND (t.to_date IS NULL OR t.to_date >= :stock))))) "
  "SELECT count (m.person_id), count (*) FROM eligible e "
  "LEFT JOIN member m ON m.person_id = e.id";

static const char sql_households_covered[] =
  "WITH " MEMBERSHIP ", " RESIDENT ", " SOCIO_MEMBER " "
  "SELECT coalesce (sum (covered), 0), count (*) FROM ("
  "  SELECT r.household_id, max (m.person_id IS NOT NULL) AS covered FROM resident r "
  "  LEFT JOIN member m ON m.person_id = r.person_id GROUP BY r.household_id)";

static const char sql_memberships_total[] =
  "WITH " MEMBERSHIP " SELECT count (*), 0 FROM membership "
  "WHERE organisation_id IN " SOCIO_IDS;

static const char sql_members_total[] =
  "WITH " MEMBERSHIP " SELECT count (DISTINCT person_id), 0 FROM membership "
  "WHERE organisation_id IN " SOCIO_IDS;

/* Members of a socio-political organisation on :stock who took part in a
 * study since :from (the start of the period's year, or of a range) for
 * everyone or for one of those organisations (or one of their branches),
 * and beyond them those counted from the numbers entered: for each group
 * (a tổ hội, a chi hội, an organisation, everyone) the largest number of
 * its studies (at most its members) less its named members, or what its
 * parts add if more; never more than the members. */
static const char sql_members_studied[] =
  "WITH " MEMBERSHIP ", "
  "member AS (SELECT DISTINCT person_id FROM membership "
  "  WHERE organisation_id IN " SOCIO_IDS "), "
  "held AS (SELECT s.id, s.organisation_id AS org, s.branch_id, sb.organisation_id AS branch_org, "
  "  sb.parent_id AS parent, s.participants, "
  "  (SELECT count (*) FROM study_participant sp WHERE sp.study_id = s.id) AS listed "
  "  FROM study s LEFT JOIN branch sb ON sb.id = s.branch_id "
  "  WHERE s.date BETWEEN :from AND :end AND" CURRENT ("s", "study")
  "  AND (coalesce (s.organisation_id, sb.organisation_id) IS NULL "
  "       OR s.organisation_id IN " SOCIO_IDS " OR sb.organisation_id IN " SOCIO_IDS ")), "
  "named AS (SELECT DISTINCT sp.person_id FROM held h "
  "  JOIN study_participant sp ON sp.study_id = h.id JOIN member m ON m.person_id = sp.person_id), "
  "numbers AS (SELECT * FROM held WHERE participants > listed), "
  "placed AS (SELECT person_id, organisation_id, branch_id FROM ("
  "  SELECT e.person_id, e.organisation_id, e.branch_id, row_number () OVER ("
  "    PARTITION BY e.person_id, e.organisation_id ORDER BY e.date DESC, e.id DESC) AS rn "
  "  FROM membership_event e WHERE e.date <= :stock AND e.branch_id IS NOT NULL AND"
  CURRENT_EVENT ("e") ") WHERE rn = 1), "
  "member_in AS (SELECT ms.person_id, ms.organisation_id, p.branch_id, b.parent_id "
  "  FROM membership ms "
  "  LEFT JOIN placed p ON p.person_id = ms.person_id AND p.organisation_id = ms.organisation_id "
  "  LEFT JOIN branch b ON b.id = p.branch_id WHERE ms.organisation_id IN " SOCIO_IDS "), "
  "named_in AS (SELECT * FROM member_in WHERE person_id IN (SELECT person_id FROM named)), "
  "tohoi AS (SELECT branch_id AS id, parent, branch_org AS org, max (participants) AS c "
  "  FROM numbers WHERE branch_id IS NOT NULL AND parent IS NOT NULL GROUP BY branch_id), "
  "tohoi_x AS (SELECT t.id, t.parent, t.org, "
  "  max (min (t.c, (SELECT count (*) FROM member_in n WHERE n.branch_id = t.id)) "
  "       - (SELECT count (*) FROM named_in n WHERE n.branch_id = t.id), 0) AS x "
  "  FROM tohoi t), "
  "chihoi AS (SELECT id, org, max (c) AS c FROM ("
  "  SELECT branch_id AS id, branch_org AS org, participants AS c FROM numbers "
  "  WHERE branch_id IS NOT NULL AND parent IS NULL "
  "  UNION ALL SELECT parent, org, 0 FROM tohoi_x) GROUP BY id), "
  "chihoi_x AS (SELECT h.id, h.org, max (min (h.c, (SELECT count (*) FROM member_in n "
  "  WHERE n.branch_id = h.id OR n.parent_id = h.id)) - (SELECT count (*) FROM named_in n "
  "  WHERE n.branch_id = h.id OR n.parent_id = h.id), "
  "  coalesce ((SELECT sum (t.x) FROM tohoi_x t WHERE t.parent = h.id), 0)) AS x "
  "  FROM chihoi h), "
  "org_n AS (SELECT org, max (c) AS c FROM ("
  "  SELECT org, participants AS c FROM numbers WHERE branch_id IS NULL AND org IS NOT NULL "
  "  UNION ALL SELECT org, 0 FROM chihoi_x) GROUP BY org), "
  "org_x AS (SELECT o.org, max (min (o.c, (SELECT count (*) FROM member_in n "
  "  WHERE n.organisation_id = o.org)) - (SELECT count (*) FROM named_in n "
  "  WHERE n.organisation_id = o.org), "
  "  coalesce ((SELECT sum (h.x) FROM chihoi_x h WHERE h.org = o.org), 0)) AS x FROM org_n o) "
  "SELECT min ((SELECT count (*) FROM named) + CASE WHEN EXISTS (SELECT 1 FROM numbers) "
  "  THEN max (min (coalesce ((SELECT max (participants) FROM numbers "
  "                            WHERE branch_id IS NULL AND org IS NULL), 0), "
  "                 (SELECT count (*) FROM member)) - (SELECT count (*) FROM named), "
  "            coalesce ((SELECT sum (x) FROM org_x), 0)) ELSE 0 END, "
  "  (SELECT count (*) FROM member)), (SELECT count (*) FROM member)";

#define EVENTS_OF(kinds) \
  "SELECT count (*), 0 FROM membership_event e WHERE e.kind IN (" kinds ") " \
  "AND e.date BETWEEN :start AND :end AND e.organisation_id IN " SOCIO_IDS \
  " AND" CURRENT_EVENT ("e")

/* The movements as an office reports them: kết nạp mới, chuyển đến, chuyển
 * đi, ra khỏi tổ chức or xóa tên, từ trần; a chuyển sinh hoạt is a transfer
 * that no restructure (sắp xếp lại) wrote. */
static const char sql_members_admitted[] =
  EVENTS_OF ("'admitted'") " AND e.import_batch_id IS NULL";
static const char sql_members_transferred_in[] = EVENTS_OF ("'transferred_in'");
static const char sql_members_transferred_out[] = EVENTS_OF ("'transferred_out'");
static const char sql_members_left[] = EVENTS_OF ("'left', 'removed'");
static const char sql_members_deceased[] = EVENTS_OF ("'deceased'");
static const char sql_members_transferred[] =
  EVENTS_OF ("'transferred'") " AND e.restructure_id IS NULL";
static const char sql_members_away[] = EVENTS_OF ("'away'");

/* Ratings (rows: year, counts_strong) of the years the period touches;
 * when neither they nor any later year is rated, those of the latest year
 * rated before the period. */
#define STRONG_OF(rows) \
  "WITH rated AS (" rows "), " \
  "p AS (SELECT CAST (substr (:start, 1, 4) AS INTEGER) AS first, " \
  "  CAST (substr (:end, 1, 4) AS INTEGER) AS last), " \
  "span AS (SELECT CASE WHEN EXISTS (SELECT 1 FROM rated WHERE year >= p.first) " \
  "  THEN p.first ELSE (SELECT max (year) FROM rated WHERE year < p.first) END AS lo, " \
  "  CASE WHEN EXISTS (SELECT 1 FROM rated WHERE year >= p.first) " \
  "  THEN p.last ELSE (SELECT max (year) FROM rated WHERE year < p.first) END AS hi FROM p) " \
  "SELECT coalesce (sum (rated.counts_strong), 0), count (*) FROM rated, span " \
  "WHERE rated.year BETWEEN span.lo AND span.hi"

/* Branch ratings. */
static const char sql_branches_strong[] = STRONG_OF (
  "SELECT r.year, l.counts_strong FROM rating r "
  "JOIN branch b ON b.id = r.branch_id JOIN rating_level l ON l.id = r.level_id "
  "WHERE" CURRENT ("r", "rating") "AND b.kind <> 'tổ hội' "
  "AND b.organisation_id IN " SOCIO_IDS);

/* The ratings of the organisations themselves: neither person nor branch. */
static const char sql_organisations_strong[] = STRONG_OF (
  "SELECT r.year, l.counts_strong FROM rating r JOIN rating_level l ON l.id = r.level_id "
  "WHERE" CURRENT ("r", "rating") "AND r.person_id IS NULL AND r.branch_id IS NULL "
  "AND r.organisation_id IN " SOCIO_IDS);

/* Heads in office on :stock. */
#define OFFICERS(condition) \
  "SELECT coalesce (sum (" condition "), 0), count (*) FROM officer o " \
  "JOIN person p ON p.id = o.person_id WHERE" CURRENT ("o", "officer") \
  "AND o.role = 'head' AND o.from_date <= :stock " \
  "AND (o.to_date IS NULL OR o.to_date >= :stock) " \
  "AND (o.organisation_id IS NULL OR o.organisation_id IN " SOCIO_IDS ")"

static const char sql_officers_political[] = OFFICERS ("o.political_level >= 2");
static const char sql_officers_professional[] = OFFICERS ("o.professional_level >= 2");
static const char sql_officers_university[] = OFFICERS ("o.professional_level >= 4");

static const char sql_leaders_party[] =
  "SELECT coalesce (sum (p.party_since IS NOT NULL AND p.party_since <> '' "
  "  AND p.party_since <= :stock), 0), count (*) "
  "FROM branch_leader l JOIN branch b ON b.id = l.branch_id "
  "JOIN person p ON p.id = l.person_id "
  "WHERE" CURRENT ("l", "branch_leader") "AND l.role = 'leader' "
  "AND l.from_date <= :stock AND (l.to_date IS NULL OR l.to_date >= :stock) "
  "AND b.kind <> 'tổ hội' AND (b.founded_on IS NULL OR b.founded_on <= :stock) "
  "AND (b.dissolved_on IS NULL OR b.dissolved_on >= :stock) "
  "AND b.organisation_id IN " SOCIO_IDS;

/* Branch-months: each month the period overlaps, the branches existing
 * some day of it (founded in or before the month, dissolved in or after
 * it), met when a regular meeting falls in that month. (The months of the
 * series are all begun by the demo's today.) */
static const char sql_branches_meeting[] =
  "WITH RECURSIVE month (first) AS ("
  "  SELECT substr (:start, 1, 7) || '-01' UNION ALL "
  "  SELECT date (first, '+1 month') FROM month WHERE date (first, '+1 month') <= :end) "
  "SELECT coalesce (sum (EXISTS (SELECT 1 FROM meeting m WHERE m.branch_id = b.id "
  "  AND m.kind = 'regular' AND m.date BETWEEN mo.first AND substr (mo.first, 1, 7) || '-31' "
  "  AND" CURRENT ("m", "meeting") ")), 0), count (*) "
  "FROM month mo JOIN branch b ON b.kind <> 'tổ hội' "
  "AND b.organisation_id IN " SOCIO_IDS " "
  "AND (b.founded_on IS NULL OR substr (b.founded_on, 1, 7) <= substr (mo.first, 1, 7)) "
  "AND (b.dissolved_on IS NULL OR b.dissolved_on >= mo.first)";

/* Present ÷ the members of the branch (or of one of its tổ hội) on the
 * meeting's day, not working away. The branch on a day is that of the
 * latest admission or transfer; working away is the latest of the other
 * events, since a transfer keeps it. */
static const char sql_meeting_attendance[] =
  "WITH held AS ("
  "  SELECT m.id, m.branch_id, m.date, m.present FROM meeting m "
  "  JOIN branch b ON b.id = m.branch_id WHERE" CURRENT ("m", "meeting")
  "  AND m.kind = 'regular' AND m.date BETWEEN :start AND :end AND b.kind <> 'tổ hội' "
  "  AND b.organisation_id IN " SOCIO_IDS "), "
  "family AS ("
  "  SELECT h.id AS meeting_id, h.date, f.id AS branch_id FROM held h "
  "  JOIN branch f ON f.id = h.branch_id OR (f.kind = 'tổ hội' AND f.parent_id = h.branch_id)), "
  "candidate AS ("
  "  SELECT DISTINCT f.meeting_id, f.date, e.person_id, e.organisation_id FROM family f "
  "  JOIN membership_event e ON e.branch_id = f.branch_id AND e.date <= f.date "
  "  WHERE e.kind IN ('admitted', 'transferred_in', 'transferred') AND" CURRENT_EVENT ("e") ") "
  "SELECT (SELECT coalesce (sum (present), 0) FROM held), "
  "  (SELECT count (*) FROM candidate c "
  "   WHERE (SELECT x.branch_id FROM membership_event x "
  "          WHERE x.person_id = c.person_id AND x.organisation_id = c.organisation_id "
  "          AND x.date <= c.date AND x.kind IN ('admitted', 'transferred_in', 'transferred') "
  "          AND" CURRENT_EVENT ("x") "ORDER BY x.date DESC, x.id DESC LIMIT 1) "
  "         IN (SELECT f.branch_id FROM family f WHERE f.meeting_id = c.meeting_id) "
  "   AND (SELECT x.kind FROM membership_event x "
  "        WHERE x.person_id = c.person_id AND x.organisation_id = c.organisation_id "
  "        AND x.date <= c.date AND x.kind <> 'transferred' AND" CURRENT_EVENT ("x")
  "        ORDER BY x.date DESC, x.id DESC LIMIT 1) "
  "       IN ('admitted', 'transferred_in', 'back'))";

static const char sql_meetings_party_present[] =
  "SELECT coalesce (sum (m.party_present OR m.officer_present), 0), count (*) "
  "FROM meeting m JOIN branch b ON b.id = m.branch_id "
  "WHERE" CURRENT ("m", "meeting") "AND m.date BETWEEN :start AND :end "
  "AND b.kind <> 'tổ hội' AND b.organisation_id IN " SOCIO_IDS;

/* A typed indicator: the current value of exactly that period, no row
 * when there is none. */
static const char sql_typed[] =
  "SELECT v.value FROM indicator_value v WHERE v.code = :code AND v.period = :period "
  "AND" CURRENT ("v", "indicator_value") "ORDER BY v.id DESC LIMIT 1";

static const struct
{
  const char *code;
  const char *sql;
} plain_sql[] = {
  { "households_covered", sql_households_covered },
  { "branches_strong", sql_branches_strong },
  { "organisations_strong", sql_organisations_strong },
  { "members_studied", sql_members_studied },
  { "gathering_rate", sql_gathering_rate },
  { "memberships_total", sql_memberships_total },
  { "members_total", sql_members_total },
  { "officers_political", sql_officers_political },
  { "officers_professional", sql_officers_professional },
  { "officers_university", sql_officers_university },
  { "leaders_party", sql_leaders_party },
  { "branches_meeting", sql_branches_meeting },
  { "meeting_attendance", sql_meeting_attendance },
  { "meetings_party_present", sql_meetings_party_present },
  { "members_admitted", sql_members_admitted },
  { "members_left", sql_members_left },
  { "members_transferred", sql_members_transferred },
  { "members_away", sql_members_away },
  { "members_transferred_in", sql_members_transferred_in },
  { "members_transferred_out", sql_members_transferred_out },
  { "members_deceased", sql_members_deceased },
};

/* ---- settings and timings ----------------------------------------------------- */

static guint  bench_runs = 5;
static double bench_budget_ms = 60000;
static guint  sql_stride = 10;

typedef struct
{
  GArray *ms;      /* each run, in milliseconds */
  double  scale;   /* a sample's times are multiplied by this */
  char   *note;    /* said after the runs, or NULL */
} Timing;

static Timing *
timing_new (void)
{
  Timing *t = g_new0 (Timing, 1);

  t->ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->scale = 1;
  return t;
}

static void
timing_free (Timing *t)
{
  g_array_unref (t->ms);
  g_free (t->note);
  g_free (t);
}

/* Whether to run once more: until bench_runs runs, or fewer once the runs
 * have taken the budget; always at least one. */
static gboolean
timing_more (Timing *t)
{
  double total = 0;

  for (guint i = 0; i < t->ms->len; i++)
    total += g_array_index (t->ms, double, i);
  return t->ms->len == 0 || (t->ms->len < bench_runs && total < bench_budget_ms);
}

static void
timing_add (Timing *t,
            gint64  start_us)
{
  double ms = (g_get_monotonic_time () - start_us) / 1000.0;

  g_array_append_val (t->ms, ms);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of the runs, scaled. */
static double
timing_median (Timing *t)
{
  g_autoptr(GArray) sorted = g_array_copy (t->ms);
  guint n = sorted->len;

  g_assert (n > 0);
  g_array_sort (sorted, compare_double);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2) * t->scale;
  return (g_array_index (sorted, double, n / 2 - 1)
          + g_array_index (sorted, double, n / 2)) / 2 * t->scale;
}

/* "0,35 ms", "4,2 ms", "2.310 ms", "55,3 s", "1.234 s" */
static char *
format_ms (double ms)
{
  g_autofree char *number = NULL;

  if (ms >= 10000)
    {
      number = smt_format_decimal (ms / 1000, ms >= 100000 ? 0 : 1);
      return g_strconcat (number, " s", NULL);
    }
  number = smt_format_decimal (ms, ms >= 100 ? 0 : ms >= 1 ? 1 : 2);
  return g_strconcat (number, " ms", NULL);
}

static char *
format_runs (Timing *t)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < t->ms->len; i++)
    {
      g_autofree char *run = format_ms (g_array_index (t->ms, double, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", run);
    }
  if (t->ms->len < bench_runs)
    {
      g_autofree char *budget = format_ms (bench_budget_ms);

      g_string_append_printf (text, " (%u lần: đã quá %s)", t->ms->len, budget);
    }
  if (t->note != NULL)
    g_string_append_printf (text, " — %s", t->note);
  return g_string_free (text, FALSE);
}

/* text followed by spaces up to width characters (not bytes). */
static char *
pad (const char *text,
     guint       width)
{
  glong len = g_utf8_strlen (text, -1);

  return g_strdup_printf ("%s%*s", text, len < (glong) width ? (int) (width - len) : 0, "");
}

static void
print_row (const char *people,
           const char *label,
           Timing     *engine,
           Timing     *sql)
{
  double e = timing_median (engine), q = timing_median (sql);
  double ratio = e > 0 ? q / e : 0;
  g_autofree char *e_text = format_ms (e);
  g_autofree char *q_text = format_ms (q);
  g_autofree char *r_text = smt_format_decimal (ratio, ratio >= 10 ? 0 : ratio >= 1 ? 1 : 2);
  g_autofree char *padded = pad (label, 36);
  g_autofree char *median = g_strdup_printf ("median %s", e_text);
  g_autofree char *median_padded = pad (median, 17);
  g_autofree char *sql_text = g_strdup_printf ("SQL từng kỳ %s%s", q_text,
                                               sql->scale != 1 ? "*" : "");
  g_autofree char *sql_padded = pad (sql_text, 24);
  g_autofree char *e_runs = format_runs (engine);
  g_autofree char *q_runs = format_runs (sql);

  g_print ("%s người | %s %s | %s | ×%s\n", people, padded, median_padded, sql_padded, r_text);
  g_print ("    runs máy tính: %s\n", e_runs);
  g_print ("    runs SQL:      %s\n", q_runs);
}

/* ---- the indicators and the comparisons ---------------------------------------- */

typedef struct
{
  char                   *code;             /* "gathering_rate:PN" */
  const SmtIndicatorInfo *info;
  gint64                  organisation_id;  /* :org of the SQL */
  sqlite3_stmt           *stmt;             /* while the SQL connection is open */
} Indicator;

static void
indicator_free (Indicator *ind)
{
  g_free (ind->code);
  g_clear_pointer (&ind->stmt, sqlite3_finalize);
  g_free (ind);
}

/* What a comparison looks at. */
typedef struct
{
  gboolean defined;
  double   numerator;
  double   denominator;
} Counted;

static Counted
counted_from_result (const SmtIndicatorResult *result)
{
  Counted c = { result->defined, result->numerator, result->denominator };

  return c;
}

/* "3.551/6.874" for a ratio, "40" for a count or a typed value. */
static char *
counted_text (const Indicator *ind,
              const Counted   *c)
{
  g_autofree char *n = smt_format_decimal (c->numerator, 2);
  g_autofree char *d = smt_format_decimal (c->denominator, 2);

  if (ind->info->source == SMT_INDICATOR_TYPED && !c->defined)
    return g_strdup ("không có số liệu");
  if (!ind->info->ratio)
    return g_steal_pointer (&n);
  return g_strdup_printf ("%s/%s", n, d);
}

static guint n_compared;
static guint n_mismatches;

/* Compares the figures of one indicator for one period; prints a MISMATCH
 * line (the first MAX_MISMATCHES of a size) when they differ. */
static void
compare (const Indicator *ind,
         const SmtPeriod *period,
         const char      *a_name,
         const Counted   *a,
         const char      *b_name,
         const Counted   *b)
{
  gboolean same;

  n_compared++;
  if (ind->info->source == SMT_INDICATOR_TYPED)
    same = a->defined == b->defined && (!a->defined || a->numerator == b->numerator);
  else
    same = a->numerator == b->numerator && a->denominator == b->denominator;
  if (same)
    return;
  if (++n_mismatches <= MAX_MISMATCHES)
    {
      g_autofree char *period_code = smt_period_to_code (period);
      g_autofree char *a_text = counted_text (ind, a);
      g_autofree char *b_text = counted_text (ind, b);

      g_print ("MISMATCH %s %s: %s %s, %s %s\n", ind->code, period_code, a_name, a_text,
               b_name, b_text);
    }
}

static void
compare_results (const Indicator          *ind,
                 const char               *a_name,
                 const SmtIndicatorResult *a,
                 const char               *b_name,
                 const SmtIndicatorResult *b)
{
  Counted ca = counted_from_result (a), cb = counted_from_result (b);

  compare (ind, a->period, a_name, &ca, b_name, &cb);
}

/* ---- one register ------------------------------------------------------------- */

/* The SERIES_MONTHS months up to the last one of the demo's history. */
static GPtrArray *
series_months (void)
{
  int until = atoi (SMT_DEMO_UNTIL) * 12 + atoi (SMT_DEMO_UNTIL + 5) - 1;  /* months since 0 */
  int from = until - SERIES_MONTHS + 1;
  g_autoptr(SmtPeriod) first = smt_period_new_month (from / 12, from % 12 + 1);
  g_autoptr(SmtPeriod) last = smt_period_new_month (until / 12, until % 12 + 1);
  g_autoptr(GError) error = NULL;
  GPtrArray *months = smt_period_series (first, last, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, SERIES_MONTHS);
  return months;
}

/* The timings are named by what runs: e_ the engine, q_ the plain SQL. */
typedef struct
{
  guint       people;
  char       *people_text;     /* "10.000" */
  char       *path;
  GPtrArray  *indicators;      /* Indicator */
  guint       gathering;       /* index of gathering_rate in indicators */
  SmtPeriod  *month;           /* BENCH_MONTH */
  guint       month_index;     /* its place in months */
  GPtrArray  *months;          /* SmtPeriod: the SERIES_MONTHS of the series */
  GArray     *sample;          /* guint: the months of q_trends */
  sqlite3    *db;              /* the SQL's own connection, while open */

  Timing     *e_first;         /* the first call after opening: gathering_rate, month */
  Timing     *e_all_cold;      /* every indicator for month, just opened */
  Timing     *e_all;           /* every indicator for month, warm */
  Timing     *e_trend_cold;    /* gathering_rate over months */
  Timing     *e_trend_warm;
  Timing     *e_trends_cold;   /* every indicator over months */
  Timing     *e_trends_warm;
  Timing     *q_first;
  Timing     *q_all;
  Timing     *q_trend;
  Timing     *q_trends;        /* on the sample, scaled up */

  /* What the engine gave on the first run of each measurement. */
  SmtIndicatorResult *first_result;
  GPtrArray  *all_cold;        /* SmtIndicatorResult, by indicator */
  GPtrArray  *all_results;     /* SmtIndicatorResult, by indicator */
  GPtrArray  *trend_cold;      /* SmtIndicatorResult, by month */
  GPtrArray  *trend_warm;
  GPtrArray  *trends_cold;     /* GPtrArray of SmtIndicatorResult by month, by indicator */
  GPtrArray  *trends_warm;
} Bench;

static Bench *
bench_new (guint people)
{
  Bench *b = g_new0 (Bench, 1);
  g_autoptr(GError) error = NULL;

  b->people = people;
  b->people_text = smt_format_int (people);
  b->month = smt_period_parse (BENCH_MONTH, &error);
  g_assert_no_error (error);
  b->months = series_months ();
  b->month_index = G_MAXUINT;
  for (guint i = 0; i < b->months->len; i++)
    if (smt_period_equal (g_ptr_array_index (b->months, i), b->month))
      b->month_index = i;
  /* Evenly spread over the series, from the middle of the first stride. */
  b->sample = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint m = MIN (sql_stride / 2, SERIES_MONTHS - 1); m < SERIES_MONTHS; m += sql_stride)
    g_array_append_val (b->sample, m);
  b->e_first = timing_new ();
  b->e_all_cold = timing_new ();
  b->e_all = timing_new ();
  b->e_trend_cold = timing_new ();
  b->e_trend_warm = timing_new ();
  b->e_trends_cold = timing_new ();
  b->e_trends_warm = timing_new ();
  b->q_first = timing_new ();
  b->q_all = timing_new ();
  b->q_trend = timing_new ();
  b->q_trends = timing_new ();
  return b;
}

static void
bench_free (Bench *b)
{
  g_free (b->people_text);
  g_free (b->path);
  g_clear_pointer (&b->indicators, g_ptr_array_unref);
  smt_period_free (b->month);
  g_ptr_array_unref (b->months);
  g_array_unref (b->sample);
  timing_free (b->e_first);
  timing_free (b->e_all_cold);
  timing_free (b->e_all);
  timing_free (b->e_trend_cold);
  timing_free (b->e_trend_warm);
  timing_free (b->e_trends_cold);
  timing_free (b->e_trends_warm);
  timing_free (b->q_first);
  timing_free (b->q_all);
  timing_free (b->q_trend);
  timing_free (b->q_trends);
  g_clear_pointer (&b->first_result, smt_indicator_result_free);
  g_clear_pointer (&b->all_cold, g_ptr_array_unref);
  g_clear_pointer (&b->all_results, g_ptr_array_unref);
  g_clear_pointer (&b->trend_cold, g_ptr_array_unref);
  g_clear_pointer (&b->trend_warm, g_ptr_array_unref);
  g_clear_pointer (&b->trends_cold, g_ptr_array_unref);
  g_clear_pointer (&b->trends_warm, g_ptr_array_unref);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Bench, bench_free)

static SmtRegister *
open_register (Bench *b)
{
  g_autoptr(GError) error = NULL;
  SmtRegister *reg = smt_register_open (b->path, &error);

  if (reg == NULL)
    g_error ("open %s: %s", b->path, error->message);
  return reg;
}

static void
sql_open (Bench *b)
{
  if (sqlite3_open_v2 (b->path, &b->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
      || sqlite3_exec (b->db, "PRAGMA query_only = ON", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("sqlite3 %s: %s", b->path, sqlite3_errmsg (b->db));
}

static void
sql_close (Bench *b)
{
  for (guint i = 0; i < b->indicators->len; i++)
    {
      Indicator *ind = g_ptr_array_index (b->indicators, i);

      g_clear_pointer (&ind->stmt, sqlite3_finalize);
    }
  g_clear_pointer (&b->db, sqlite3_close);
}

/* Every indicator of the catalogue, then gathering_rate:ORG for each
 * organisation; the organisations are read with the SQL connection. */
static void
list_indicators (Bench *b)
{
  const SmtIndicatorInfo *all;
  sqlite3_stmt *stmt;
  guint n;

  b->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  all = smt_catalogue_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      Indicator *ind = g_new0 (Indicator, 1);

      ind->code = g_strdup (all[i].code);
      ind->info = &all[i];
      g_ptr_array_add (b->indicators, ind);
    }
  sql_open (b);
  if (sqlite3_prepare_v2 (b->db, "SELECT id, code FROM organisation ORDER BY position, id", -1,
                          &stmt, NULL) != SQLITE_OK)
    g_error ("organisations: %s", sqlite3_errmsg (b->db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Indicator *ind = g_new0 (Indicator, 1);

      ind->code = g_strdup_printf ("gathering_rate:%s", sqlite3_column_text (stmt, 1));
      ind->info = smt_catalogue_lookup ("gathering_rate", NULL);
      ind->organisation_id = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (b->indicators, ind);
    }
  sqlite3_finalize (stmt);
  sql_close (b);
}

static guint
find_indicator (Bench      *b,
                const char *code)
{
  for (guint i = 0; i < b->indicators->len; i++)
    {
      Indicator *ind = g_ptr_array_index (b->indicators, i);

      if (strcmp (ind->code, code) == 0)
        return i;
    }
  g_error ("no indicator %s", code);
}

static void
sql_prepare (Bench *b)
{
  sql_open (b);
  for (guint i = 0; i < b->indicators->len; i++)
    {
      Indicator *ind = g_ptr_array_index (b->indicators, i);
      const char *sql = NULL;

      if (ind->info->source == SMT_INDICATOR_TYPED)
        sql = sql_typed;
      for (guint k = 0; k < G_N_ELEMENTS (plain_sql) && sql == NULL; k++)
        if (strcmp (plain_sql[k].code, ind->info->code) == 0)
          sql = plain_sql[k].sql;
      if (sql == NULL)
        g_error ("no plain SQL for %s", ind->code);
      if (sqlite3_prepare_v2 (b->db, sql, -1, &ind->stmt, NULL) != SQLITE_OK)
        g_error ("SQL of %s: %s", ind->code, sqlite3_errmsg (b->db));
    }
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* One query: the indicator for one period. */
static Counted
sql_run (Indicator       *ind,
         const SmtPeriod *period)
{
  sqlite3_stmt *stmt = ind->stmt;
  Counted c = { 0 };
  int index;
  int rc;

  bind_text (stmt, ":start", smt_period_get_start (period));
  bind_text (stmt, ":end", smt_period_get_end (period));
  bind_text (stmt, ":stock", smt_period_stock_date (period));
  /* members_studied looks back to the start of the year, or of a range. */
  if (sqlite3_bind_parameter_index (stmt, ":from") > 0)
    {
      g_autofree char *from = g_strdup_printf ("%04d-01-01", smt_period_get_year (period));

      bind_text (stmt, ":from", smt_period_get_kind (period) == SMT_PERIOD_RANGE
                                ? smt_period_get_start (period) : from);
    }
  if ((index = sqlite3_bind_parameter_index (stmt, ":org")) > 0)
    sqlite3_bind_int64 (stmt, index, ind->organisation_id);
  if (sqlite3_bind_parameter_index (stmt, ":code") > 0)
    {
      g_autofree char *period_code = smt_period_to_code (period);

      bind_text (stmt, ":code", ind->info->code);
      bind_text (stmt, ":period", period_code);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && ind->info->source == SMT_INDICATOR_TYPED)
    {
      c.defined = TRUE;
      c.numerator = sqlite3_column_double (stmt, 0);
    }
  else if (rc == SQLITE_ROW)
    {
      c.numerator = sqlite3_column_double (stmt, 0);
      c.denominator = ind->info->ratio ? sqlite3_column_double (stmt, 1) : 0;
      c.defined = !ind->info->ratio || c.denominator > 0;
    }
  else if (rc != SQLITE_DONE)
    g_error ("SQL of %s: %s", ind->code, sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
  return c;
}

/* ---- the engine ---------------------------------------------------------------- */

static SmtIndicatorResult *
engine_one (SmtRegister     *reg,
            Indicator       *ind,
            const SmtPeriod *period)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery query = { 0 };
  SmtIndicatorResult *result = smt_indicator_compute (reg, ind->code, period, &query, &error);

  if (result == NULL)
    g_error ("%s: %s", ind->code, error->message);
  return result;
}

/* Every indicator for one period: SmtIndicatorResult, in the order of the
 * indicators. */
static GPtrArray *
engine_all (SmtRegister     *reg,
            Bench           *b,
            const SmtPeriod *period)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                       smt_indicator_result_free);

  for (guint i = 0; i < b->indicators->len; i++)
    g_ptr_array_add (results, engine_one (reg, g_ptr_array_index (b->indicators, i), period));
  return results;
}

static GPtrArray *
engine_series (SmtRegister *reg,
               Bench       *b,
               Indicator   *ind)
{
  g_autoptr(GError) error = NULL;
  SmtIndicatorQuery query = { 0 };
  GPtrArray *results = smt_indicator_compute_series (reg, ind->code,
                                                     (SmtPeriod * const *) b->months->pdata,
                                                     b->months->len, &query, &error);

  if (results == NULL)
    g_error ("%s: %s", ind->code, error->message);
  return results;
}

/* Every indicator's series: one GPtrArray of results per indicator. */
static GPtrArray *
engine_all_series (SmtRegister *reg,
                   Bench       *b)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < b->indicators->len; i++)
    g_ptr_array_add (all, engine_series (reg, b, g_ptr_array_index (b->indicators, i)));
  return all;
}

/* ---- one size ------------------------------------------------------------------ */


static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Keeps the first run's results in *kept, frees the others. */
static void
keep_first (GPtrArray **kept,
            GPtrArray  *results)
{
  if (*kept == NULL)
    *kept = results;
  else
    g_ptr_array_unref (results);
}

/* Cold: a register just opened, its cache of facts empty (the operating
 * system's file cache stays warm). Warm: every indicator computed once on
 * the open register before. */
static void
bench_engine (Bench *b)
{
  Indicator *gathering = g_ptr_array_index (b->indicators, b->gathering);
  g_autoptr(SmtRegister) warm = NULL;
  gint64 t0;

  while (timing_more (b->e_first))
    {
      g_autoptr(SmtRegister) reg = open_register (b);
      SmtIndicatorResult *result;

      t0 = g_get_monotonic_time ();
      result = engine_one (reg, gathering, b->month);
      timing_add (b->e_first, t0);
      if (b->first_result == NULL)
        b->first_result = result;
      else
        smt_indicator_result_free (result);
    }
  while (timing_more (b->e_all_cold))
    {
      g_autoptr(SmtRegister) reg = open_register (b);
      GPtrArray *results;

      t0 = g_get_monotonic_time ();
      results = engine_all (reg, b, b->month);
      timing_add (b->e_all_cold, t0);
      keep_first (&b->all_cold, results);
    }
  while (timing_more (b->e_trend_cold))
    {
      g_autoptr(SmtRegister) reg = open_register (b);
      GPtrArray *results;

      t0 = g_get_monotonic_time ();
      results = engine_series (reg, b, gathering);
      timing_add (b->e_trend_cold, t0);
      keep_first (&b->trend_cold, results);
    }
  while (timing_more (b->e_trends_cold))
    {
      g_autoptr(SmtRegister) reg = open_register (b);
      GPtrArray *results;

      t0 = g_get_monotonic_time ();
      results = engine_all_series (reg, b);
      timing_add (b->e_trends_cold, t0);
      keep_first (&b->trends_cold, results);
    }

  warm = open_register (b);
  g_ptr_array_unref (engine_all (warm, b, b->month));
  while (timing_more (b->e_all))
    {
      GPtrArray *results;

      t0 = g_get_monotonic_time ();
      results = engine_all (warm, b, b->month);
      timing_add (b->e_all, t0);
      keep_first (&b->all_results, results);
    }
  while (timing_more (b->e_trend_warm))
    {
      GPtrArray *results;

      t0 = g_get_monotonic_time ();
      results = engine_series (warm, b, gathering);
      timing_add (b->e_trend_warm, t0);
      keep_first (&b->trend_warm, results);
    }
  while (timing_more (b->e_trends_warm))
    {
      GPtrArray *results;

      t0 = g_get_monotonic_time ();
      results = engine_all_series (warm, b);
      timing_add (b->e_trends_warm, t0);
      keep_first (&b->trends_warm, results);
    }
}

/* The engine against itself: cold and warm, one period and a series, the
 * first call and the later ones must agree. */
static void
check_engine (Bench *b)
{
  Indicator *gathering = g_ptr_array_index (b->indicators, b->gathering);

  for (guint i = 0; i < b->indicators->len; i++)
    {
      Indicator *ind = g_ptr_array_index (b->indicators, i);
      GPtrArray *cold = g_ptr_array_index (b->trends_cold, i);
      GPtrArray *warm = g_ptr_array_index (b->trends_warm, i);

      for (guint m = 0; m < b->months->len; m++)
        compare_results (ind, "máy tính lạnh", g_ptr_array_index (cold, m),
                         "máy tính ấm", g_ptr_array_index (warm, m));
      compare_results (ind, "máy tính lạnh", g_ptr_array_index (b->all_cold, i),
                       "máy tính ấm", g_ptr_array_index (b->all_results, i));
      if (b->month_index != G_MAXUINT)
        compare_results (ind, "máy tính 1 kỳ", g_ptr_array_index (b->all_results, i),
                         "máy tính chuỗi", g_ptr_array_index (warm, b->month_index));
    }
  for (guint m = 0; m < b->months->len; m++)
    compare_results (gathering, "máy tính lạnh", g_ptr_array_index (b->trend_cold, m),
                     "máy tính ấm", g_ptr_array_index (b->trend_warm, m));
  compare_results (gathering, "máy tính lần đầu", b->first_result, "máy tính ấm",
                   g_ptr_array_index (b->all_results, b->gathering));
}

/* Runs the SQL of the indicators × periods given, compares the first run
 * with the engine's results (SmtIndicatorResult by indicator then period,
 * as the indices come). */
static void
bench_sql_runs (Bench       *b,
                Timing      *timing,
                const guint *indicators,
                guint        n_indicators,
                const guint *periods,
                guint        n_periods,
                SmtIndicatorResult * (*engine) (Bench *b, guint indicator, guint period))
{
  g_autoptr(GArray) counted = g_array_sized_new (FALSE, FALSE, sizeof (Counted),
                                                 n_indicators * n_periods);

  while (timing_more (timing))
    {
      gint64 t0;

      g_array_set_size (counted, 0);
      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < n_indicators; i++)
        for (guint k = 0; k < n_periods; k++)
          {
            Counted c = sql_run (g_ptr_array_index (b->indicators, indicators[i]),
                                 periods[k] == G_MAXUINT ? b->month
                                 : g_ptr_array_index (b->months, periods[k]));

            g_array_append_val (counted, c);
          }
      timing_add (timing, t0);
      if (timing->ms->len > 1)
        continue;
      for (guint i = 0; i < n_indicators; i++)
        for (guint k = 0; k < n_periods; k++)
          {
            SmtIndicatorResult *result = engine (b, indicators[i], periods[k]);
            Counted e = counted_from_result (result);

            compare (g_ptr_array_index (b->indicators, indicators[i]), result->period,
                     "máy tính", &e, "SQL", &g_array_index (counted, Counted, i * n_periods + k));
          }
    }
}

/* The engine's result for an indicator and a period (G_MAXUINT: the month
 * alone), for bench_sql_runs. */
static SmtIndicatorResult *
engine_first (Bench *b,
              guint  indicator,
              guint  period)
{
  return b->first_result;
}

static SmtIndicatorResult *
engine_month (Bench *b,
              guint  indicator,
              guint  period)
{
  return g_ptr_array_index (b->all_results, indicator);
}

static SmtIndicatorResult *
engine_trend (Bench *b,
              guint  indicator,
              guint  period)
{
  return g_ptr_array_index (b->trend_warm, period);
}

static SmtIndicatorResult *
engine_trends (Bench *b,
               guint  indicator,
               guint  period)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (b->trends_warm, indicator), period);
}

/* The plain SQL, on its own connection once the register is closed. */
static void
bench_sql (Bench *b)
{
  g_autofree guint *all = g_new (guint, b->indicators->len);
  g_autofree guint *months = g_new (guint, b->months->len);
  guint month = G_MAXUINT;

  for (guint i = 0; i < b->indicators->len; i++)
    all[i] = i;
  for (guint m = 0; m < b->months->len; m++)
    months[m] = m;
  b->q_trends->scale = (double) SERIES_MONTHS / b->sample->len;
  if (b->sample->len < SERIES_MONTHS)
    {
      g_autofree char *factor = smt_format_decimal (b->q_trends->scale, 2);
      g_autofree char *first = smt_period_to_code (g_ptr_array_index (b->months,
          g_array_index (b->sample, guint, 0)));

      b->q_trends->note = g_strdup_printf ("SQL đo trên %u/%u tháng (mỗi tháng thứ %u, từ %s), "
                                           "nhân %s", b->sample->len, SERIES_MONTHS, sql_stride,
                                           first, factor);
    }

  sql_prepare (b);
  bench_sql_runs (b, b->q_first, &b->gathering, 1, &month, 1, engine_first);
  bench_sql_runs (b, b->q_all, all, b->indicators->len, &month, 1, engine_month);
  bench_sql_runs (b, b->q_trend, &b->gathering, 1, months, b->months->len, engine_trend);
  bench_sql_runs (b, b->q_trends, all, b->indicators->len, (guint *) b->sample->data,
                  b->sample->len, engine_trends);
  sql_close (b);
}

static void
bench_print (Bench *b)
{
  g_autofree char *count = smt_format_int (n_compared);

  print_row (b->people_text, "chỉ tiêu đầu tiên sau khi mở (lạnh)", b->e_first, b->q_first);
  print_row (b->people_text, "tất cả chỉ tiêu, 1 kỳ (lạnh)", b->e_all_cold, b->q_all);
  print_row (b->people_text, "tất cả chỉ tiêu, 1 kỳ (ấm)", b->e_all, b->q_all);
  print_row (b->people_text, "1 chỉ tiêu, 120 tháng (lạnh)", b->e_trend_cold, b->q_trend);
  print_row (b->people_text, "1 chỉ tiêu, 120 tháng (ấm)", b->e_trend_warm, b->q_trend);
  print_row (b->people_text, "tất cả chỉ tiêu, 120 tháng (lạnh)", b->e_trends_cold,
             b->q_trends);
  print_row (b->people_text, "tất cả chỉ tiêu, 120 tháng (ấm)", b->e_trends_warm, b->q_trends);
  if (n_mismatches == 0)
    g_print ("%s người: đối chiếu %s cặp số liệu (máy tính với SQL, lạnh với ấm, 1 kỳ với "
             "chuỗi): tất cả khớp\n", b->people_text, count);
  else
    g_print ("%s người: MISMATCH ở %u trong %s cặp số liệu%s\n", b->people_text, n_mismatches,
             count, n_mismatches > MAX_MISMATCHES ? " (chỉ in những chỗ đầu)" : "");
}

/* The biến động balance (smt-balance.h) of every organisation, the commune
 * and each hamlet, for the 120 months at once: just opened, then warm.
 * Every row must close. */
static void
bench_balance (Bench *b)
{
  Timing *cold = timing_new ();
  Timing *warm = timing_new ();
  g_autoptr(SmtRegister) reg = NULL;
  g_autofree char *cold_text = NULL;
  g_autofree char *warm_text = NULL;
  guint n_rows = 0;
  gint64 t0;

  while (timing_more (cold))
    {
      g_autoptr(SmtRegister) fresh = open_register (b);
      g_autoptr(GPtrArray) series = NULL;
      g_autoptr(GError) error = NULL;

      t0 = g_get_monotonic_time ();
      series = smt_balance_compute_series (fresh, (SmtPeriod * const *) b->months->pdata,
                                           b->months->len, 0, &error);
      timing_add (cold, t0);
      if (series == NULL)
        g_error ("balance: %s", error->message);
    }
  reg = open_register (b);
  while (timing_more (warm))
    {
      g_autoptr(GPtrArray) series = NULL;
      g_autoptr(GError) error = NULL;

      t0 = g_get_monotonic_time ();
      series = smt_balance_compute_series (reg, (SmtPeriod * const *) b->months->pdata,
                                           b->months->len, 0, &error);
      timing_add (warm, t0);
      if (series == NULL)
        g_error ("balance: %s", error->message);
      n_rows = 0;
      for (guint m = 0; m < series->len; m++)
        {
          GPtrArray *rows = g_ptr_array_index (series, m);

          for (guint i = 0; i < rows->len; i++, n_rows++)
            {
              const SmtBalanceRow *row = g_ptr_array_index (rows, i);

              if (row->start + smt_balance_row_increased (row)
                  != row->end + smt_balance_row_decreased (row))
                {
                  g_print ("MISMATCH balance %s %s tháng %u\n", row->organisation,
                           row->hamlet != NULL ? row->hamlet : "", m);
                  n_mismatches++;
                }
            }
        }
    }
  cold_text = format_ms (timing_median (cold));
  warm_text = format_ms (timing_median (warm));
  g_print ("%s người | cân đối biến động, 120 tháng, mọi tổ chức và ấp: lạnh %s, ấm %s "
           "(%u dòng)\n", b->people_text, cold_text, warm_text, n_rows);
  timing_free (cold);
  timing_free (warm);
}

static void
bench_size (const char *tmp,
            guint       people)
{
  g_autoptr(Bench) b = bench_new (people);
  g_autoptr(GError) error = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *generated = NULL;
  GStatBuf st;
  gint64 t0;

  b->path = g_strdup_printf ("%s/demo-%u.smt", tmp, people);
  t0 = g_get_monotonic_time ();
  if (!smt_demo_generate (b->path, people, SMT_DEMO_DEFAULT_SEED, NULL, NULL, &error))
    g_error ("demo: %s", error->message);
  generated = format_ms ((g_get_monotonic_time () - t0) / 1000.0);
  size_text = smt_format_size (g_stat (b->path, &st) == 0 ? (guint64) st.st_size : 0);
  list_indicators (b);
  b->gathering = find_indicator (b, "gathering_rate");
  g_print ("\n%s người: sổ mẫu %s, tạo trong %s; %u chỉ tiêu\n", b->people_text, size_text,
           generated, b->indicators->len);

  n_compared = n_mismatches = 0;
  bench_engine (b);
  check_engine (b);
  bench_sql (b);
  bench_print (b);
  bench_balance (b);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && atoi (value) > 0 ? (guint) atoi (value) : fallback;
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes_env = g_getenv ("SMT_BENCH_SIZES");
  g_auto(GStrv) sizes = g_strsplit (sizes_env ? sizes_env : "10000,30000,100000", ",", -1);
  g_autofree char *tmp = g_dir_make_tmp ("bench-indicators-XXXXXX", NULL);
  g_autofree char *budget = NULL;
  g_autofree char *total = NULL;
  g_autoptr(GPtrArray) months = series_months ();
  g_autofree char *first = smt_period_to_code (g_ptr_array_index (months, 0));
  g_autofree char *last = smt_period_to_code (g_ptr_array_index (months, months->len - 1));
  gint64 start = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  if (tmp == NULL)
    g_error ("no temporary directory");
  bench_runs = env_uint ("SMT_BENCH_RUNS", 5);
  bench_budget_ms = env_uint ("SMT_BENCH_BUDGET", 60) * 1000.0;
  sql_stride = MIN (env_uint ("SMT_BENCH_SQL_STRIDE", 10), SERIES_MONTHS);
  budget = format_ms (bench_budget_ms);

  g_print ("Sổ Mặt trận — chỉ tiêu: máy tính (smt_indicator_compute, "
           "smt_indicator_compute_series) so với SQL từng kỳ\n");
  g_print ("Kỳ: %s; chuỗi: %u tháng, %s … %s; tất cả chỉ tiêu = danh mục (tính từ sổ và "
           "nhập tay) và gathering_rate:<tổ chức> cho từng tổ chức.\n", BENCH_MONTH,
           SERIES_MONTHS, first, last);
  g_print ("Mỗi phép đo chạy tối đa %u lần, ít hơn khi đã quá %s (luôn ít nhất 1 lần); in "
           "trung vị (median) và từng lần.\n", bench_runs, budget);
  g_print ("Lạnh: sổ vừa mở, chưa đọc dữ kiện nào; ấm: mọi chỉ tiêu đã tính một lần trên sổ "
           "đang mở.\n");
  g_print ("SQL từng kỳ: một câu lệnh cho mỗi chỉ tiêu và mỗi kỳ (chuẩn bị sẵn, kết nối "
           "SQLite riêng, mặc định); tỷ lệ = SQL ÷ máy tính.\n");
  g_print ("Mục tiêu ở 100.000 người: tất cả chỉ tiêu 1 kỳ dưới 100 ms; tất cả chỉ tiêu "
           "120 tháng dưới 3 s.\n");

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      int people = atoi (sizes[i]);

      if (people > 0)
        bench_size (tmp, (guint) people);
    }

  remove_tree (tmp);
  total = format_ms ((g_get_monotonic_time () - start) / 1000.0);
  g_print ("\nTổng thời gian: %s\n", total);
  return 0;
}
