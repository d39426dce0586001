/* smt-demo.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo commune. The whole commune is first planned in memory: people
 * in households, ten years of life events, every membership as a list of
 * events, branch leaders and officers. Then it is written through the
 * public write API only, so every rule of the register is checked on the
 * way in, in batches of a few thousand writes. Everything random comes from
 * a PRNG of our own (xoshiro256**) with integer probabilities, so the same
 * seed gives the same register on every platform. */

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/activity/smt-activity.h"
#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/organisations/smt-restructure.h"
#include "core/people/smt-people.h"
#include "core/people/smt-traits.h"
#include "core/setup/smt-setup.h"
#include "core/targets/smt-targets.h"
#include "smt-demo-names.h"
#include "smt-demo.h"

#define MAX_HAMLETS  20
#define MAX_CD       6
#define MAX_TOHOI    12
#define N_MONTHS     120     /* 2016-11 … 2026-10 */
#define COMMIT_EVERY 5000
#define DEMO_COMMUNE "Hòa Điền"
#define DEMO_PROVINCE "Cần Thơ"

/* ---- random numbers ------------------------------------------------------ */

typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl64 (guint64 x,
        int     k)
{
  return (x << k) | (x >> (64 - k));
}

static void
rng_seed (Rng     *r,
          guint64  seed)
{
  guint64 x = seed;

  for (int i = 0; i < 4; i++)
    r->s[i] = splitmix64 (&x);
}

/* xoshiro256** 1.0 */
static guint64
rng_next (Rng *r)
{
  guint64 *s = r->s;
  guint64 result = rotl64 (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl64 (s[3], 45);
  return result;
}

/* 0 ≤ result < n */
static guint32
rng_below (Rng     *r,
           guint32  n)
{
  if (n == 0)
    return 0;
  return (guint32) (((rng_next (r) >> 32) * (guint64) n) >> 32);
}

/* lo ≤ result ≤ hi */
static int
rng_range (Rng *r,
           int  lo,
           int  hi)
{
  if (hi <= lo)
    return lo;
  return lo + (int) rng_below (r, (guint32) (hi - lo + 1));
}

static gboolean
rng_chance (Rng *r,
            int  per_10000)
{
  return (int) rng_below (r, 10000) < per_10000;
}

static const char *
rng_pick (Rng                *r,
          const SmtDemoTable *table)
{
  guint total = 0, x;

  for (guint i = 0; i < table->n_items; i++)
    total += table->items[i].weight;
  x = rng_below (r, total);
  for (guint i = 0; i < table->n_items; i++)
    {
      if (x < table->items[i].weight)
        return table->items[i].text;
      x -= table->items[i].weight;
    }
  return table->items[0].text;
}

/* Index into weights[0..n) with probability proportional to the weight. */
static guint
rng_weighted (Rng       *r,
              const int *weights,
              guint      n)
{
  int total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  x = (int) rng_below (r, (guint32) total);
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return 0;
}

/* ---- days ------------------------------------------------------------------ */

/* Days since 1970-01-01 (H. Hinnant's civil calendar algorithms). */
static int
days_from_civil (int y,
                 int m,
                 int d)
{
  int era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (unsigned) ((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (int) doe - 719468;
}

static void
civil_from_days (int  z,
                 int *y,
                 int *m,
                 int *d)
{
  int era;
  unsigned doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (unsigned) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) yoe + era * 400 + (*m <= 2);
}

static void
day_iso (int   day,
         char  out[11])
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  g_snprintf (out, 11, "%04d-%02d-%02d", y, m, d);
}

static int
iso_day (const char *iso)
{
  return days_from_civil (atoi (iso), atoi (iso + 5), atoi (iso + 8));
}

static int
day_year (int day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  return y;
}

/* ---- the plan -------------------------------------------------------------- */

enum { ORG_DTN, ORG_PN, ORG_ND, ORG_CCB, ORG_CD, ORG_NCT, ORG_CTD, ORG_KH, N_ORGS };

typedef struct
{
  const char *code;
  const char *kind;         /* of its branches */
  const char *branch_word;  /* "Chi hội Phụ nữ" + hamlet */
  const char *group_word;   /* tổ hội, when the organisation has them */
  const char *doc;          /* suffix of admission decisions */
  const char *founded;      /* branches in the hamlets */
  int         min_age, max_age;
  char        sex;
  int         share;        /* per 10 000 of those it applies to who will join */
  int         init_share;   /* per 10 000 of those already members in 2016 */
  int         admit;        /* per 10 000 per month while eligible */
  int         left;         /* per 10 000 per month */
  int         removed;      /* per 10 000 per month */
} OrgRule;

/* Ages and sex as the new register seeds them; the API refuses anything
 * else, so a mismatch shows at once. */
static const OrgRule org_rules[N_ORGS] = {
  { "DTN", "chi đoàn", "Chi đoàn", NULL, "ĐTN", "1992-03-26", 16, 30, 0,
    5600, 8200, 600, 48, 14 },
  { "PN", "chi hội", "Chi hội Phụ nữ", "Tổ hội Phụ nữ", "HLHPN", "1982-03-08", 18, -1, 'F',
    7200, 8200, 260, 34, 8 },
  { "ND", "chi hội", "Chi hội Nông dân", "Tổ hội Nông dân", "HND", "1985-10-14", 18, -1, 0,
    7600, 8200, 240, 36, 9 },
  { "CCB", "chi hội", "Chi hội Cựu chiến binh", NULL, "HCCB", "1990-12-06", 18, -1, 0,
    8500, 9000, 500, 12, 3 },
  { "CD", "công đoàn cơ sở", NULL, NULL, "CĐCS", "1998-09-05", 18, -1, 0,
    8800, 9500, 1500, 20, 0 },
  { "NCT", "chi hội", "Chi hội Người cao tuổi", NULL, "HNCT", "1996-06-06", 60, -1, 0,
    7800, 8400, 650, 10, 4 },
  { "CTD", "chi hội", "Chi hội Chữ thập đỏ", NULL, "HCTĐ", "2001-07-27", 16, -1, 0,
    1100, 7000, 120, 38, 9 },
  { "KH", "chi hội", "Chi hội Khuyến học", NULL, "HKH", "2003-10-02", 18, -1, 0,
    1300, 7000, 120, 36, 9 },
};

/* By year from 2016 (percent): how many of those an organisation applies
 * to are willing to join, and how fast they are admitted. Both rise with
 * the recruitment drive after the 2021 resolution. */
static const int want_trend[] = { 70, 71, 72, 73, 73, 86, 99, 107, 113, 118, 120 };
static const int admit_trend[] = { 80, 80, 85, 90, 80, 115, 135, 135, 125, 120, 115 };
#define WANT_MAX 120

static const char *const cd_units[MAX_CD] = {
  "Công đoàn cơ sở Trường Tiểu học " DEMO_COMMUNE,
  "Công đoàn cơ sở Ủy ban nhân dân xã " DEMO_COMMUNE,
  "Công đoàn cơ sở Trường THCS " DEMO_COMMUNE,
  "Công đoàn cơ sở Trạm Y tế xã " DEMO_COMMUNE,
  "Công đoàn cơ sở Trường Mầm non " DEMO_COMMUNE,
  "Công đoàn cơ sở Hợp tác xã Nông nghiệp " DEMO_COMMUNE,
};
static const char *const cd_founded[MAX_CD] = {
  "1998-09-05", "2004-08-20", "2001-09-10", "2006-03-15", "2009-08-25", "2012-05-18",
};

static const char *const ethnicity_names[] = { NULL, "Kinh", "Khmer", "Hoa" };
static const char *const religion_names[] = {
  NULL, "Không", "Phật giáo", "Phật giáo Hòa Hảo", "Cao Đài", "Công giáo",
};

typedef enum
{
  R_NONE, R_ADMIT, R_MOVE, R_TOHOI, R_MERGE, R_IN, R_OUT, R_LEFT, R_LEFT_WORK, R_AGEOUT,
  R_RETIRE, R_REMOVED, R_AWAY, R_BACK, N_REASONS
} Reason;

static const char *const reason_texts[N_REASONS] = {
  "",
  "Kết nạp mới",
  "Chuyển nơi cư trú trong xã",
  "Thành lập tổ hội, phân công sinh hoạt theo tổ",
  "Sáp nhập chi đoàn liên ấp",
  "Chuyển sinh hoạt từ địa phương khác đến",
  "Chuyển đi nơi khác sinh sống",
  "Xin ra khỏi tổ chức vì hoàn cảnh gia đình",
  "Xin ra khỏi tổ chức vì bận công việc",
  "Hết tuổi đoàn, trưởng thành đoàn",
  "Nghỉ hưu",
  "Không sinh hoạt, không đóng hội phí nhiều kỳ",
  NULL,  /* working away: names the place */
  "Trở về địa phương, tiếp tục sinh hoạt",
};

typedef struct
{
  gint64      key;
  char       *name;
  int         weight;
  int         population;
  int         n_households;
  int         n_to;        /* tổ dân cư */
  int         next_house;
} Hamlet;

typedef struct
{
  gint64   key;
  int      hamlet;
  int      formed;         /* 0: before the register */
  int      arrive;         /* when its first members came */
  int      depart;         /* 0, or when all its members left */
  int      to;             /* tổ dân cư, from 1 */
  int      house;
  guint8   ethnicity;
  guint8   religion;
  guint8   farm;
} Household;

typedef struct
{
  gint64      key;
  const char *ho, *lot1, *lot2, *ten;
  guint32     household, move_household;
  guint32     ev_first, ev_count;
  guint32     seg_first, seg_count;
  int         birth, birth_year, birth_md;
  int         arrive, depart, death, move_day, away_from, away_to, party_since;
  guint16     prop[N_ORGS];
  char        cccd[13];
  char        phone[12];
  gint8       cd_unit;
  guint8      sex, ethnicity, religion, away_place;
  guint8      has_date : 1;
  guint8      is_head : 1;
  guint8      move_head : 1;
  guint8      farmer : 1;
  guint8      veteran : 1;
  guint8      away_departs : 1;
} Person;

typedef struct
{
  gint64      key;
  int         org;
  int         parent;
  const char *kind;
  char       *name;
  int         hamlets[2];
  int         n_hamlets;
  int         founded;
  int         dissolved;   /* 0: open */
  int         quality;     /* 0..99: how well it works */
  int         base_day;    /* usual day of the monthly meeting */
  guint       term_first, term_count;
  GArray     *cover;       /* indices of segments in it or in its tổ hội */
  gint64      restructure; /* the key of the restructure that moved members into it */
} Branch;

/* One membership event as planned. */
typedef struct
{
  guint32 person;
  gint32  branch;
  int     day;
  guint8  org;
  guint8  kind;            /* SmtEventKind */
  guint8  reason;
} Ev;

/* A stretch of a membership in one branch and state: [from, to). */
typedef struct
{
  guint32 person;
  gint32  branch;
  int     from, to;
  guint8  org;
  guint8  away;
} Seg;

typedef struct
{
  guint32 branch;
  guint32 person;
  int     from, to;        /* to 0: still in office */
  gboolean elected_out;
} Term;

typedef struct
{
  int      org;            /* -1: the Mặt trận committee */
  guint32  person;
  gboolean deputy;
  int      from, to;
  int      political, professional;
} Officer;

typedef struct
{
  /* arguments */
  guint            n_people;
  SmtDemoProgress  progress;
  gpointer         user_data;

  Rng              rng;
  int              day_min, day_res, day_start, day_end;
  int              month_start[N_MONTHS + 1];
  int              merge_day, to_day[N_ORGS];

  Hamlet           hamlets[MAX_HAMLETS];
  guint            n_hamlets;
  int              centre;              /* hamlet of the commune centre */
  int              small[2];            /* the two smallest hamlets */
  int              khmer_hamlet;
  int              n_cd;

  GArray          *people;              /* Person */
  GArray          *households;          /* Household */
  GArray          *branches;            /* Branch */
  GArray          *events;              /* Ev */
  GArray          *segs;                /* Seg */
  GArray          *terms;               /* Term */
  GArray          *officers;            /* Officer */
  GArray          *scratch;             /* guint32 */
  GArray          *scratch2;

  int              chi[N_ORGS][MAX_HAMLETS];
  int              to_first[N_ORGS][MAX_HAMLETS];
  int              to_count[N_ORGS][MAX_HAMLETS];
  int              merge_branch;
  int              cd_branch[MAX_CD];

  /* writing */
  SmtRegister     *reg;
  gint64           org_keys[N_ORGS];
  gint64           veteran_trait;       /* "Cựu quân nhân", which the Cựu chiến binh asks */
  gint64           worker_trait;        /* "Người lao động …", which the Công đoàn asks */
  guint64          writes;
  int              stamped;
  int              doc_number[N_ORGS];

  /* progress */
  const char      *stage;
  double           stage_base, stage_span, reported;
} Demo;

#define PERSON(d, i)    (&g_array_index ((d)->people, Person, (i)))
#define HOUSEHOLD(d, i) (&g_array_index ((d)->households, Household, (i)))
#define BRANCH(d, i)    (&g_array_index ((d)->branches, Branch, (i)))
#define SEG(d, i)       (&g_array_index ((d)->segs, Seg, (i)))

/* ---- progress ---------------------------------------------------------------- */

static void
stage_begin (Demo       *d,
             double      base,
             double      span,
             const char *name)
{
  d->stage = name;
  d->stage_base = base;
  d->stage_span = span;
  d->reported = base;
  if (d->progress != NULL)
    d->progress (base, name, d->user_data);
}

static void
stage_step (Demo   *d,
            guint64 done,
            guint64 total)
{
  double f;

  if (d->progress == NULL || total == 0)
    return;
  f = d->stage_base + d->stage_span * (double) MIN (done, total) / (double) total;
  if (f - d->reported >= 0.005)
    {
      d->reported = f;
      d->progress (f, d->stage, d->user_data);
    }
}

/* ---- people: ages and names ------------------------------------------------------ */

static int
age_on (const Person *p,
        int           day)
{
  int y, m, dd, by, bm, bd;

  civil_from_days (day, &y, &m, &dd);
  if (!p->has_date)
    return y - p->birth_year;
  civil_from_days (p->birth, &by, &bm, &bd);
  return y - by - ((m * 100 + dd) < p->birth_md ? 1 : 0);
}

/* First day on which the person is age years old, as the register counts. */
static int
day_of_age (const Person *p,
            int           age)
{
  int by, bm, bd;

  if (!p->has_date)
    return days_from_civil (p->birth_year + age, 1, 1);
  civil_from_days (p->birth, &by, &bm, &bd);
  if (bm == 2 && bd == 29 && !g_date_is_leap_year ((GDateYear) (by + age)))
    return days_from_civil (by + age, 3, 1);
  return days_from_civil (by + age, bm, bd);
}

static gboolean
is_away (const Person *p,
         int           day)
{
  return p->away_from != 0 && day >= p->away_from && (p->away_to == 0 || day < p->away_to);
}

/* The day the person stops being in the commune (left, died, or after the end). */
static int
presence_end (const Demo   *d,
              const Person *p)
{
  int z = d->day_end + 1;

  if (p->depart != 0)
    z = MIN (z, p->depart);
  if (p->death != 0)
    z = MIN (z, p->death);
  return z;
}

static const Household *
household_on (const Demo   *d,
              const Person *p,
              int           day)
{
  if (p->move_day != 0 && day >= p->move_day)
    return HOUSEHOLD (d, p->move_household);
  return HOUSEHOLD (d, p->household);
}

static void
make_name (Demo       *d,
           Person     *p,
           const char *ho)
{
  Rng *r = &d->rng;
  gboolean male = p->sex == 'M';
  int y = p->birth_year;
  const char *ten = NULL;

  p->ho = ho;
  p->lot1 = p->lot2 = NULL;

  if (p->ethnicity == 2 && rng_chance (r, 5000))
    {
      /* Khmer names: often no chữ lót, or "Thị" for women. */
      ten = rng_pick (r, male ? &smt_demo_given_khmer_male : &smt_demo_given_khmer_female);
      if (!male && rng_chance (r, 6000))
        p->lot1 = "Thị";
      else if (male && rng_chance (r, 3000))
        p->lot1 = "Văn";
    }
  else
    {
      int common = male ? (y < 1965 ? 7000 : y < 1980 ? 5000 : y < 1995 ? 3000 : 1200)
                        : (y < 1965 ? 8500 : y < 1980 ? 6500 : y < 1995 ? 4000 : 2000);
      const SmtDemoTable *middle = male ? &smt_demo_middle_male : &smt_demo_middle_female;

      if (rng_chance (r, common))
        {
          p->lot1 = male ? "Văn" : "Thị";
          if (!male && rng_chance (r, 1500))
            p->lot2 = rng_pick (r, middle);
        }
      else if (!rng_chance (r, 300))
        {
          p->lot1 = rng_pick (r, middle);
          if (rng_chance (r, 1000))
            {
              const char *second = rng_pick (r, middle);

              if (strcmp (second, p->lot1) != 0)
                p->lot2 = second;
            }
        }
    }

  for (int tries = 0; ten == NULL && tries < 8; tries++)
    {
      const SmtDemoTable *table;

      if (y < 1965 && rng_chance (r, 2500))
        table = male ? &smt_demo_given_male_old : &smt_demo_given_female_old;
      else if (y >= 1995 && rng_chance (r, 4000))
        table = male ? &smt_demo_given_male_young : &smt_demo_given_female_young;
      else
        table = male ? &smt_demo_given_male : &smt_demo_given_female;
      ten = rng_pick (r, table);
      if (g_strcmp0 (ten, p->lot2 ? p->lot2 : p->lot1) == 0)
        ten = NULL;
    }
  p->ten = ten ? ten : (male ? "Nam" : "Lan");
}

static const char *
pick_family (Demo *d,
             int   ethnicity)
{
  if (ethnicity == 2 && rng_chance (&d->rng, 9000))
    return rng_pick (&d->rng, &smt_demo_family_khmer);
  if (ethnicity == 3 && rng_chance (&d->rng, 8500))
    return rng_pick (&d->rng, &smt_demo_family_hoa);
  return rng_pick (&d->rng, &smt_demo_family_kinh);
}

enum { ROLE_HEAD, ROLE_SPOUSE, ROLE_CHILD, ROLE_PARENT, ROLE_CHILD_SPOUSE, ROLE_GRANDCHILD };

/* Adds a person aged age on the last day of the demo. Returns the index. */
static guint32
add_member (Demo       *d,
            guint32     household,
            int         role,
            char        sex,
            int         age,
            const char *ho)
{
  Household *hh = HOUSEHOLD (d, household);
  Rng *r = &d->rng;
  Person p = { 0 };
  int y, m, dd;

  age = CLAMP (age, 0, 91);
  p.household = household;
  p.sex = (guint8) sex;
  p.cd_unit = -1;
  p.is_head = role == ROLE_HEAD;
  p.birth = d->day_end - age * 365 - age / 4 - (int) rng_below (r, 365);
  p.birth = CLAMP (p.birth, d->day_min, d->day_end);
  civil_from_days (p.birth, &y, &m, &dd);
  p.birth_year = y;
  p.birth_md = m * 100 + dd;
  p.has_date = y >= 1975 || rng_chance (r, y >= 1960 ? 9000 : 6500);
  p.arrive = MAX (hh->arrive, p.birth);
  p.ethnicity = hh->ethnicity;
  if ((role == ROLE_SPOUSE || role == ROLE_CHILD_SPOUSE) && rng_chance (r, 1500))
    p.ethnicity = 1;  /* married in from a Kinh family */
  p.religion = rng_chance (r, 8000) ? hh->religion : 0;
  for (int o = 0; o < N_ORGS; o++)
    p.prop[o] = (guint16) rng_below (r, 10000);
  if (hh->farm && (role == ROLE_HEAD || role == ROLE_SPOUSE ? rng_chance (r, 9000)
                                                           : rng_chance (r, 2500)))
    p.farmer = TRUE;
  if (sex == 'M' && ((y >= 1940 && y <= 1975 && rng_chance (r, 1200))
                     || (y > 1975 && y <= 1994 && rng_chance (r, 250))))
    p.veteran = TRUE;
  make_name (d, &p, ho);
  if (p.ethnicity == 0)
    p.ethnicity = 1;
  g_array_append_val (d->people, p);
  return d->people->len - 1;
}

/* Age at the end of the demo of a new household head. */
static int
pick_head_age (Demo *d,
               int   size)
{
  static const int bands[] = { 1, 4, 7, 9, 10, 11, 11, 11, 10, 9, 7, 5, 3, 2 };  /* 22, 27, … */

  if (size == 1 && rng_chance (&d->rng, 5500))
    return rng_range (&d->rng, 60, 91);
  if (size == 1)
    return rng_range (&d->rng, 22, 59);
  return 22 + 5 * (int) rng_weighted (&d->rng, bands, G_N_ELEMENTS (bands))
         + rng_range (&d->rng, 0, 4);
}

/* Children of a mother aged mother_age (at the end of the demo). */
static int
child_age (Demo *d,
           int   mother_age)
{
  int gap = rng_range (&d->rng, 19, 40);

  if (mother_age - gap >= 0)
    return mother_age - gap;
  return rng_range (&d->rng, 0, MAX (0, mother_age - 18));
}

/* A young spouse who married in from another commune during the demo. */
static void
maybe_married_in (Demo    *d,
                  guint32  spouse,
                  guint32  first_child,
                  guint32  end_child)
{
  Person *p = PERSON (d, spouse);
  int lo = MAX (d->day_res + 30, day_of_age (p, 20));
  int hi = d->day_end - 30;

  if (p->arrive > d->day_res || !rng_chance (&d->rng, 3500))
    return;
  for (guint32 c = first_child; c < end_child; c++)
    if (PERSON (d, c)->birth > d->day_res)
      hi = MIN (hi, PERSON (d, c)->birth - 1);
  if (lo < hi)
    p->arrive = rng_range (&d->rng, lo, hi);
}

static void
plan_hamlets (Demo *d)
{
  guint n = (guint) CLAMP (12 + ((int) d->n_people - 6000) * 8 / 34000, 12, MAX_HAMLETS);
  guint order[64];

  g_assert (smt_demo_n_hamlet_names <= G_N_ELEMENTS (order));
  for (guint i = 0; i < smt_demo_n_hamlet_names; i++)
    order[i] = i;
  for (guint i = 0; i < n; i++)
    {
      guint j = i + rng_below (&d->rng, smt_demo_n_hamlet_names - i);
      guint t = order[i];

      order[i] = order[j];
      order[j] = t;
    }
  d->n_hamlets = n;
  for (guint i = 0; i < n; i++)
    {
      Hamlet *h = &d->hamlets[i];

      h->name = g_strconcat ("Ấp ", smt_demo_hamlet_names[order[i]], NULL);
      h->weight = rng_range (&d->rng, 60, 160);
    }
  /* The commune centre is the biggest; the last two are small (liên ấp). */
  d->centre = 0;
  d->hamlets[0].weight = 190;
  d->small[0] = (int) n - 2;
  d->small[1] = (int) n - 1;
  d->hamlets[n - 2].weight = 30;
  d->hamlets[n - 1].weight = 26;
  d->khmer_hamlet = 3;
}

static void
plan_households (Demo *d)
{
  static const int sizes[] = { 0, 7, 14, 20, 25, 18, 10, 6 };
  static const int kinh_religion[] = { 0, 55, 22, 10, 6, 7 };
  int hamlet_weights[MAX_HAMLETS];
  guint remaining = d->n_people;
  Rng *r = &d->rng;

  for (guint i = 0; i < d->n_hamlets; i++)
    hamlet_weights[i] = d->hamlets[i].weight;

  while (remaining > 0)
    {
      Household hh = { 0 };
      guint32 hi, head, first_child;
      int size = (int) rng_weighted (r, sizes, G_N_ELEMENTS (sizes));
      int n = 1, head_age, mother_age;
      gboolean couple, three_gen;
      const char *ho;
      char head_sex;

      size = MIN ((guint) size, remaining);
      remaining -= (guint) size;
      hh.hamlet = (int) rng_weighted (r, hamlet_weights, d->n_hamlets);
      hh.arrive = d->day_res;
      if (rng_chance (r, 300))
        hh.arrive = hh.formed = rng_range (r, d->day_start + 15, d->day_end - 15);
      if (rng_chance (r, hh.hamlet == d->khmer_hamlet ? 4500 : 250))
        hh.ethnicity = 2;
      else if (rng_chance (r, hh.hamlet == d->centre ? 500 : 80))
        hh.ethnicity = 3;
      else
        hh.ethnicity = 1;
      if (hh.ethnicity == 2)
        hh.religion = rng_chance (r, 9500) ? 2 : 1;
      else if (hh.ethnicity == 3)
        hh.religion = rng_chance (r, 5000) ? 2 : 1;
      else
        hh.religion = (guint8) rng_weighted (r, kinh_religion, G_N_ELEMENTS (kinh_religion));
      hh.farm = rng_chance (r, hh.ethnicity == 3 ? 3000 : hh.ethnicity == 2 ? 7500 : 6500);
      g_array_append_val (d->households, hh);
      hi = d->households->len - 1;

      head_age = pick_head_age (d, size);
      couple = size >= 2 && rng_chance (r, head_age < 75 ? 9000 : 6000);
      head_sex = couple ? (rng_chance (r, 9700) ? 'M' : 'F')
                        : (rng_chance (r, size == 1 ? 6000 : 5500) ? 'F' : 'M');
      ho = pick_family (d, hh.ethnicity);
      head = add_member (d, hi, ROLE_HEAD, head_sex, head_age, ho);
      mother_age = head_sex == 'F' ? head_age : head_age - rng_range (r, 0, 6);

      if (couple)
        {
          char sex = head_sex == 'M' ? 'F' : 'M';
          int age = head_sex == 'M' ? head_age - rng_range (r, 0, 7)
                                    : head_age + rng_range (r, 0, 5);
          add_member (d, hi, ROLE_SPOUSE, sex, MAX (age, 19), pick_family (d, hh.ethnicity));
          n++;
          if (sex == 'F')
            mother_age = MAX (age, 19);
        }
      /* Children share the father's family name; a woman on her own passes
       * on hers about half the time (widows keep the late husband's). */
      if (head_sex == 'F' && !couple && !rng_chance (r, 4500))
        ho = pick_family (d, hh.ethnicity);

      three_gen = head_age >= 55 && size - n >= 2 && rng_chance (r, 5000);
      if (three_gen)
        {
          int son_age = MAX (20, head_age - rng_range (r, 24, 34));
          int dil_age = MAX (18, son_age - rng_range (r, 0, 6));
          guint32 dil;

          add_member (d, hi, ROLE_CHILD, 'M', son_age, ho);
          dil = add_member (d, hi, ROLE_CHILD_SPOUSE, 'F', dil_age,
                            pick_family (d, hh.ethnicity));
          n += 2;
          if (size - n >= 2 && rng_chance (r, 3000))
            {
              add_member (d, hi, ROLE_CHILD, rng_chance (r, 5100) ? 'M' : 'F',
                          MAX (16, son_age - rng_range (r, 2, 8)), ho);
              n++;
            }
          first_child = d->people->len;
          for (; n < size; n++)
            add_member (d, hi, ROLE_GRANDCHILD, rng_chance (r, 5120) ? 'M' : 'F',
                        child_age (d, dil_age), ho);
          maybe_married_in (d, dil, first_child, d->people->len);
          continue;
        }

      if (head_age >= 30 && head_age <= 58 && size - n >= 2 && rng_chance (r, 1800))
        {
          gboolean mother = rng_chance (r, 7000);

          add_member (d, hi, ROLE_PARENT, mother ? 'F' : 'M',
                      MIN (91, head_age + rng_range (r, 22, 34)),
                      mother ? pick_family (d, hh.ethnicity) : PERSON (d, head)->ho);
          n++;
        }
      first_child = d->people->len;
      for (; n < size; n++)
        add_member (d, hi, ROLE_CHILD, rng_chance (r, 5120) ? 'M' : 'F',
                    child_age (d, mother_age), ho);
      if (couple && head_age <= 38)
        maybe_married_in (d, head + 1, first_child, d->people->len);
    }

  /* Tổ dân cư and house numbers, in order within each hamlet. */
  for (guint i = 0; i < d->households->len; i++)
    d->hamlets[HOUSEHOLD (d, i)->hamlet].n_households++;
  for (guint i = 0; i < d->n_hamlets; i++)
    d->hamlets[i].n_to = MAX (2, d->hamlets[i].n_households / 28);
  {
    int seen[MAX_HAMLETS] = { 0 };

    for (guint i = 0; i < d->households->len; i++)
      {
        Household *hh = HOUSEHOLD (d, i);
        Hamlet *h = &d->hamlets[hh->hamlet];

        hh->to = 1 + seen[hh->hamlet] * h->n_to / MAX (1, h->n_households);
        hh->house = ++h->next_house;
        seen[hh->hamlet]++;
      }
  }
  for (guint i = 0; i < d->people->len; i++)
    d->hamlets[HOUSEHOLD (d, PERSON (d, i)->household)->hamlet].population++;
}

/* ---- ten years of lives -------------------------------------------------------- */

/* Moves day forward until it falls on no other dated step of the person
 * and on no day the branches change, so that no two membership events of
 * one person fall on the same day. */
static int
free_day (const Demo   *d,
          const Person *p,
          int           day)
{
  gboolean clash = TRUE;

  while (clash)
    {
      clash = day == p->arrive || day == p->move_day || day == p->away_from
              || day == p->away_to || day == p->depart || day == p->death
              || day == d->merge_day || day == d->to_day[ORG_PN] || day == d->to_day[ORG_ND];
      if (clash)
        day++;
    }
  return day;
}

static int
death_hazard (int age)  /* per 100 000 a year */
{
  if (age < 1)
    return 300;
  if (age < 15)
    return 25;
  if (age < 40)
    return 110;
  if (age < 50)
    return 280;
  if (age < 60)
    return 650;
  if (age < 70)
    return 1500;
  if (age < 80)
    return 3800;
  if (age < 85)
    return 8000;
  return 14000;
}

static int
depart_hazard (int age)  /* per 100 000 a year */
{
  if (age < 18)
    return 0;
  if (age < 25)
    return 2500;
  if (age < 36)
    return 1700;
  if (age < 51)
    return 450;
  return 180;
}

static guint32
add_new_household (Demo *d,
                   int   day)
{
  int weights[MAX_HAMLETS];
  Household hh = { 0 };
  Hamlet *h;

  for (guint i = 0; i < d->n_hamlets; i++)
    weights[i] = d->hamlets[i].weight;
  hh.hamlet = (int) rng_weighted (&d->rng, weights, d->n_hamlets);
  hh.formed = hh.arrive = day;
  h = &d->hamlets[hh.hamlet];
  hh.to = rng_range (&d->rng, 1, h->n_to);
  hh.house = ++h->next_house;
  hh.ethnicity = 1;
  hh.religion = 1;
  g_array_append_val (d->households, hh);
  return d->households->len - 1;
}

static void
plan_lives (Demo *d)
{
  Rng *r = &d->rng;
  guint n_initial = d->households->len;
  g_autofree int *latest = g_new0 (int, n_initial);

  /* Whole households that move away, after all their members came. */
  for (guint i = 0; i < d->people->len; i++)
    {
      const Person *p = PERSON (d, i);

      latest[p->household] = MAX (latest[p->household], p->arrive);
    }
  for (guint i = 0; i < n_initial; i++)
    {
      Household *hh = HOUSEHOLD (d, i);
      int lo = MAX (latest[i], d->day_start) + 30;

      if (hh->arrive == d->day_res && rng_chance (r, 120) && lo < d->day_end - 10)
        {
          hh->depart = rng_range (r, lo, d->day_end - 10);
          while (hh->depart == d->merge_day || hh->depart == d->to_day[ORG_PN]
                 || hh->depart == d->to_day[ORG_ND])
            hh->depart++;
        }
    }

  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = PERSON (d, i);
      const Household *hh = HOUSEHOLD (d, p->household);
      int t0 = MAX (p->arrive, d->day_start);
      int z = d->day_end + 1;

      if (hh->depart != 0)
        z = p->depart = hh->depart;

      for (int t = t0; t < z; t += 365)
        if ((int) rng_below (r, 100000) < death_hazard (age_on (p, t)))
          {
            int day = free_day (d, p, t + (int) rng_below (r, 365));

            if (day < z && day <= d->day_end)
              {
                p->death = day;
                if (p->depart != 0)
                  p->depart = 0;  /* died before the family left */
                z = day;
              }
            break;
          }

      if (!p->is_head && hh->depart == 0)
        for (int t = t0; t < z; t += 365)
          if ((int) rng_below (r, 100000) < depart_hazard (age_on (p, t)))
            {
              int day = free_day (d, p, t + (int) rng_below (r, 365));

              if (day < z && day <= d->day_end)
                {
                  z = p->depart = day;
                  p->death = 0;  /* what happens after they left is not ours to know */
                }
              break;
            }

      /* Đi làm ăn xa: still registered here, seldom at meetings. */
      {
        int age = age_on (p, t0);
        int lo = t0 + 30, hi = MIN (z, d->day_end) - 90;

        if (age >= 18 && age <= 45 && lo < hi && rng_chance (r, 1500))
          {
            int from = free_day (d, p, rng_range (r, lo, hi));
            int to = from + rng_range (r, 180, 1800);

            if (from < hi)
              {
                p->away_from = from;
                p->away_place = (guint8) rng_below (r, smt_demo_n_away_places);
                if (to >= z)
                  to = 0;
                else if (p->depart == 0 && hh->depart == 0 && !p->is_head
                         && rng_chance (r, 3500))
                  {
                    /* stays there for good: moves away when the time is up */
                    int dep = free_day (d, p, to);

                    if (dep < z)
                      {
                        p->depart = dep;
                        p->away_departs = TRUE;
                        p->death = 0;
                        z = dep;
                      }
                    to = 0;
                  }
                else
                  {
                    to = free_day (d, p, to);
                    if (to >= z)
                      to = 0;
                  }
                p->away_to = to;
              }
          }
      }

      /* Marriage into another household, or a new household of one's own. */
      {
        int age = age_on (p, t0);
        int lo = t0 + 30, hi = z - 30;

        if (!p->is_head && hh->depart == 0 && age >= 20 && age <= 38 && lo < hi
            && rng_chance (r, 600))
          {
            int day = free_day (d, p, rng_range (r, lo, hi));

            if (day < hi && !is_away (p, day) && (p->away_from == 0 || day < p->away_from))
              {
                if (rng_chance (r, 3500))
                  {
                    guint32 target = add_new_household (d, day);

                    p = PERSON (d, i);
                    p->move_day = day;
                    p->move_household = target;
                    p->move_head = TRUE;
                  }
                else
                  for (int tries = 0; tries < 20; tries++)
                    {
                      guint32 target = rng_below (r, n_initial);
                      const Household *t = HOUSEHOLD (d, target);

                      if (target != p->household && t->depart == 0 && t->arrive < day)
                        {
                          p->move_day = day;
                          p->move_household = target;
                          break;
                        }
                    }
              }
          }
      }
    }
}

static void
plan_personal_data (Demo *d)
{
  static const char *const prefixes[] = {
    "090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036",
    "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084",
    "085", "086", "088", "089",
  };
  g_autoptr(GHashTable) cccds = g_hash_table_new (g_str_hash, g_str_equal);
  Rng *r = &d->rng;

  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = PERSON (d, i);
      int age = age_on (p, d->day_end);
      gboolean here = presence_end (d, p) > d->day_end;

      if (age >= 14 && here && rng_chance (r, 2200))
        for (;;)
          {
            int century = p->birth_year >= 2000 ? 2 : 0;

            g_snprintf (p->cccd, sizeof p->cccd, "092%d%02d%06u",
                        century + (p->sex == 'F'), p->birth_year % 100,
                        rng_below (r, 1000000));
            if (g_hash_table_add (cccds, p->cccd))
              break;
          }
      if (age >= 18 && age <= 75 && rng_chance (r, 3000))
        g_snprintf (p->phone, sizeof p->phone, "%s%07u",
                    prefixes[rng_below (r, G_N_ELEMENTS (prefixes))], rng_below (r, 10000000));

      /* Party members: more among veterans and older men. */
      if (age >= 22)
        {
          int chance = p->veteran ? 4500
                       : p->sex == 'M' ? (p->birth_year < 1975 ? 800 : 400) : 300;

          if (rng_chance (r, chance))
            {
              int day = day_of_age (p, rng_range (r, 20, 40)) + (int) rng_below (r, 365);
              int z = p->death != 0 ? p->death : d->day_end + 1;

              if (day < z && day <= d->day_end)
                p->party_since = day;
            }
        }

      /* Teachers, health workers, commune staff: the Công đoàn. */
      {
        int age_then = age_on (p, MAX (p->arrive, d->day_start));

        if (age_then >= 22 && age_then <= 52 && rng_chance (r, 250))
          p->cd_unit = (gint8) rng_below (r, (guint32) d->n_cd);
      }
    }
}

/* ---- branches ------------------------------------------------------------------ */

static int
add_branch (Demo       *d,
            int         org,
            int         parent,
            const char *kind,
            char       *name,
            int         h1,
            int         h2,
            int         founded)
{
  Branch b = { 0 };

  b.org = org;
  b.parent = parent;
  b.kind = kind;
  b.name = name;
  b.hamlets[0] = h1;
  b.hamlets[1] = h2;
  b.n_hamlets = h1 < 0 ? 0 : h2 < 0 ? 1 : 2;
  b.founded = founded;
  b.quality = rng_range (&d->rng, 25, 99);
  b.base_day = rng_range (&d->rng, 3, 25);
  b.cover = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (d->branches, b);
  return (int) d->branches->len - 1;
}

/* A hamlet's name without "Ấp ". */
static const char *
hamlet_core (const Demo *d,
             int         h)
{
  return d->hamlets[h].name + strlen ("Ấp ");
}

static void
plan_branches (Demo *d)
{
  int sa = d->small[0], sb = d->small[1];

  d->merge_branch = -1;
  for (int o = 0; o < N_ORGS; o++)
    {
      const OrgRule *rule = &org_rules[o];
      int founded = iso_day (rule->founded);

      for (guint h = 0; h < d->n_hamlets; h++)
        {
          d->to_first[o][h] = -1;
          d->to_count[o][h] = 0;
          d->chi[o][h] = -1;
        }
      if (o == ORG_CD)
        {
          for (int u = 0; u < d->n_cd; u++)
            d->cd_branch[u] = add_branch (d, o, -1, rule->kind, g_strdup (cd_units[u]),
                                          d->centre, -1, iso_day (cd_founded[u]));
          continue;
        }
      for (guint h = 0; h < d->n_hamlets; h++)
        {
          if ((o == ORG_CCB || o == ORG_CTD) && ((int) h == sa || (int) h == sb))
            {
              /* One chi hội liên ấp for the two small hamlets from the start. */
              if ((int) h == sa)
                d->chi[o][sa] = d->chi[o][sb] =
                  add_branch (d, o, -1, rule->kind,
                              g_strdup_printf ("%s liên ấp %s - %s", rule->branch_word,
                                               hamlet_core (d, sa), hamlet_core (d, sb)),
                              sa, sb, founded);
              continue;
            }
          d->chi[o][h] = add_branch (d, o, -1, rule->kind,
                                     g_strdup_printf ("%s %s", rule->branch_word,
                                                      d->hamlets[h].name),
                                     (int) h, -1, founded);
        }
      if (o == ORG_DTN)
        {
          /* The two small chi đoàn merge into one liên ấp in 2021. */
          d->merge_branch = add_branch (d, o, -1, rule->kind,
                                        g_strdup_printf ("Chi đoàn liên ấp %s - %s",
                                                         hamlet_core (d, sa),
                                                         hamlet_core (d, sb)),
                                        sa, sb, d->merge_day);
          BRANCH (d, d->chi[o][sa])->dissolved = d->merge_day;
          BRANCH (d, d->chi[o][sb])->dissolved = d->merge_day;
        }
      if (rule->group_word != NULL)
        for (guint h = 0; h < d->n_hamlets; h++)
          {
            int n = d->hamlets[h].population / (o == ORG_PN ? 220 : 260);

            if (o == ORG_PN && (int) h == d->centre)
              n = MAX (n, 2);
            if (n < 2)
              continue;
            n = MIN (n, MAX_TOHOI);
            d->to_count[o][h] = n;
            for (int k = 0; k < n; k++)
              {
                int b = add_branch (d, o, d->chi[o][h], "tổ hội",
                                    g_strdup_printf ("%s số %d %s", rule->group_word, k + 1,
                                                     d->hamlets[h].name),
                                    (int) h, -1, d->to_day[o]);

                if (k == 0)
                  d->to_first[o][h] = b;
              }
          }
    }
}

static int
branch_for (const Demo   *d,
            const Person *p,
            int           org,
            int           day)
{
  const Household *hh;
  int h;

  if (org == ORG_CD)
    return d->cd_branch[p->cd_unit];
  hh = household_on (d, p, day);
  h = hh->hamlet;
  if (org == ORG_DTN && day >= d->merge_day && (h == d->small[0] || h == d->small[1]))
    return d->merge_branch;
  if (d->to_count[org][h] > 0 && day >= d->to_day[org])
    return d->to_first[org][h] + (hh->to - 1) % d->to_count[org][h];
  return d->chi[org][h];
}

/* ---- memberships ------------------------------------------------------------------ */

enum { ST_NONE, ST_ACTIVE, ST_AWAY };
enum { FX_MOVE, FX_ORG, FX_AWAY, FX_BACK, FX_DEPART, FX_DEATH, FX_AGEOUT, FX_TRANSFER_IN };

typedef struct
{
  int day;
  int type;
} Fixed;

typedef struct
{
  guint32 person;
  int     org;
  int     state;
  int     branch;
  int     from;
  int     last;
  gboolean never;
} Gen;

static void
gen_state (Demo *d,
           Gen  *g,
           int   day,
           int   state,
           int   branch)
{
  if (g->state != ST_NONE)
    {
      Seg s = { g->person, g->branch, g->from, day, (guint8) g->org, g->state == ST_AWAY };

      g_array_append_val (d->segs, s);
    }
  g->state = state;
  g->branch = branch;
  g->from = day;
}

static void
gen_emit (Demo         *d,
          Gen          *g,
          SmtEventKind  kind,
          int           day,
          int           branch,
          Reason        reason)
{
  Ev e = { g->person, branch, day, (guint8) g->org, (guint8) kind, (guint8) reason };

  g_assert (day > g->last);
  g_array_append_val (d->events, e);
  g->last = day;
  switch (kind)
    {
    case SMT_EVENT_ADMITTED:
    case SMT_EVENT_TRANSFERRED_IN:
      gen_state (d, g, day, ST_ACTIVE, branch);
      break;
    case SMT_EVENT_TRANSFERRED:
      gen_state (d, g, day, g->state, branch);
      break;
    case SMT_EVENT_AWAY:
      gen_state (d, g, day, ST_AWAY, g->branch);
      break;
    case SMT_EVENT_BACK:
      gen_state (d, g, day, ST_ACTIVE, g->branch);
      break;
    default:
      gen_state (d, g, day, ST_NONE, -1);
      break;
    }
}

static gboolean
org_applies (const Person *p,
             int           org)
{
  switch (org)
    {
    case ORG_PN:
      return p->sex == 'F';
    case ORG_ND:
      return p->farmer;
    case ORG_CCB:
      return p->veteran;
    case ORG_CD:
      return p->cd_unit >= 0;
    default:
      return TRUE;
    }
}

static gboolean
eligible (const Person *p,
          int           org,
          int           day)
{
  const OrgRule *rule = &org_rules[org];
  int age = age_on (p, day);

  if (rule->sex != 0 && p->sex != (guint8) rule->sex)
    return FALSE;
  if (age < rule->min_age || (rule->max_age >= 0 && age > rule->max_age))
    return FALSE;
  if (org == ORG_CD && age >= (p->sex == 'M' ? 60 : 55))
    return FALSE;
  return TRUE;
}

static void
add_fixed (Fixed *fx,
           int   *n,
           int    day,
           int    type)
{
  int i = (*n)++;

  /* insertion in day order */
  while (i > 0 && fx[i - 1].day > day)
    {
      fx[i] = fx[i - 1];
      i--;
    }
  fx[i].day = day;
  fx[i].type = type;
}

/* A step that may move: the first free day from day on, -1 if none. */
static int
soft_day (const Fixed *fx,
          int          n,
          int          day)
{
  for (int i = 0; i < n; i++)
    if (fx[i].day == day)
      return soft_day (fx, n, day + 1);
  return day;
}

static void
plan_membership (Demo    *d,
                 guint32  pi,
                 int      org)
{
  const OrgRule *rule = &org_rules[org];
  const Person *p = PERSON (d, pi);
  Rng *r = &d->rng;
  Gen g = { pi, org, ST_NONE, -1, 0, G_MININT, FALSE };
  Fixed fx[12];
  int nf = 0, fi = 0, z = presence_end (d, p), limit = G_MAXINT;
  gboolean stopped = FALSE;

  if (!org_applies (p, org) || p->prop[org] >= rule->share * WANT_MAX / 100)
    return;

  /* Youth leave the Đoàn at 30 or 31; union members when they retire. */
  if (org == ORG_DTN)
    limit = day_of_age (p, 30) + (int) rng_below (r, 540);
  else if (org == ORG_CD)
    limit = day_of_age (p, p->sex == 'M' ? 60 : 55) + (int) rng_below (r, 180);

  /* Already a member when the register starts: admitted years before. */
  if (p->arrive <= d->day_start && limit > d->day_start
      && p->prop[org] < rule->share * want_trend[0] / 100 && rng_chance (r, rule->init_share))
    {
      int b = branch_for (d, p, org, d->day_start - 1);
      int lo = MAX (day_of_age (p, rule->min_age), BRANCH (d, b)->founded);
      int hi = MIN (d->day_start - 1, limit - 1);

      if (rule->max_age >= 0)
        hi = MIN (hi, day_of_age (p, rule->max_age + 1) - 1);
      if (lo <= hi)
        {
          int span = hi - lo, day;

          if (org == ORG_DTN || org == ORG_NCT)
            day = lo + (int) rng_below (r, (guint32) MIN (span + 1, 3 * 365));
          else
            day = lo + (int) (((guint64) span * MAX (rng_below (r, 1000), rng_below (r, 1000)))
                              / 1000);
          gen_emit (d, &g, SMT_EVENT_ADMITTED, day, b, R_ADMIT);
        }
    }

  if (p->move_day != 0)
    add_fixed (fx, &nf, p->move_day, FX_MOVE);
  if (org == ORG_DTN)
    add_fixed (fx, &nf, d->merge_day, FX_ORG);
  if (rule->group_word != NULL)
    add_fixed (fx, &nf, d->to_day[org], FX_ORG);
  if (p->away_from != 0)
    add_fixed (fx, &nf, p->away_from, FX_AWAY);
  if (p->away_to != 0)
    add_fixed (fx, &nf, p->away_to, FX_BACK);
  if (p->depart != 0)
    add_fixed (fx, &nf, p->depart, FX_DEPART);
  if (p->death != 0)
    add_fixed (fx, &nf, p->death, FX_DEATH);
  if (limit != G_MAXINT)
    {
      if (limit <= d->day_start)
        g.never = TRUE;
      else
        {
          int day = soft_day (fx, nf, limit);

          if (day < z)
            add_fixed (fx, &nf, day, FX_AGEOUT);
        }
    }
  if (p->arrive > d->day_start && rng_chance (r, 4000))
    {
      int day = soft_day (fx, nf, p->arrive + rng_range (r, 7, 60));

      if (day < z)
        add_fixed (fx, &nf, day, FX_TRANSFER_IN);
    }

  for (int m = 0; m < N_MONTHS && !stopped; m++)
    {
      int ms = d->month_start[m], me = d->month_start[m + 1];
      int rd = ms + (int) rng_below (r, (guint32) (me - ms));
      gboolean random_done = FALSE;

      while (!stopped && (fi < nf || !random_done))
        {
          gboolean take_fixed = fi < nf && fx[fi].day < me
                                && (random_done || fx[fi].day <= rd);

          if (!take_fixed && random_done)
            break;
          if (take_fixed)
            {
              const Fixed *f = &fx[fi++];
              int day = f->day, nb;

              if (f->day == rd)
                random_done = TRUE;  /* never two steps on one day */
              switch (f->type)
                {
                case FX_MOVE:
                case FX_ORG:
                  if (g.state != ST_NONE && (nb = branch_for (d, p, org, day)) != g.branch)
                    gen_emit (d, &g, SMT_EVENT_TRANSFERRED, day, nb,
                              f->type == FX_MOVE ? R_MOVE : org == ORG_DTN ? R_MERGE : R_TOHOI);
                  break;
                case FX_AWAY:
                  if (g.state == ST_ACTIVE)
                    gen_emit (d, &g, SMT_EVENT_AWAY, day, -1, R_AWAY);
                  break;
                case FX_BACK:
                  if (g.state == ST_AWAY)
                    gen_emit (d, &g, SMT_EVENT_BACK, day, -1, R_BACK);
                  break;
                case FX_DEPART:
                  if (g.state != ST_NONE)
                    gen_emit (d, &g, SMT_EVENT_TRANSFERRED_OUT, day, -1, R_OUT);
                  stopped = TRUE;
                  break;
                case FX_DEATH:
                  /* smt_person_record_death closes it with a 'deceased' event */
                  if (g.state != ST_NONE)
                    gen_state (d, &g, day, ST_NONE, -1);
                  stopped = TRUE;
                  break;
                case FX_AGEOUT:
                  if (g.state != ST_NONE)
                    gen_emit (d, &g, SMT_EVENT_LEFT, day, -1,
                              org == ORG_DTN ? R_AGEOUT : R_RETIRE);
                  g.never = TRUE;
                  break;
                case FX_TRANSFER_IN:
                  if (g.state == ST_NONE && !g.never && !is_away (p, day)
                      && p->prop[org] < rule->share * want_trend[day_year (day) - 2016] / 100
                      && eligible (p, org, day))
                    gen_emit (d, &g, SMT_EVENT_TRANSFERRED_IN, day, branch_for (d, p, org, day),
                              R_IN);
                  break;
                default:
                  g_assert_not_reached ();
                }
              continue;
            }

          /* The month's chance of a change, on day rd. */
          random_done = TRUE;
          if (rd < p->arrive || rd >= z || rd <= g.last)
            continue;
          if (g.state == ST_NONE)
            {
              int year = day_year (rd) - 2016;

              if (!g.never && p->prop[org] < rule->share * want_trend[year] / 100
                  && !is_away (p, rd) && eligible (p, org, rd)
                  && rng_chance (r, rule->admit * admit_trend[year] / 100))
                gen_emit (d, &g, SMT_EVENT_ADMITTED, rd, branch_for (d, p, org, rd), R_ADMIT);
            }
          else if (rng_chance (r, rule->left))
            {
              gen_emit (d, &g, SMT_EVENT_LEFT, rd, -1,
                        rng_chance (r, 5000) ? R_LEFT : R_LEFT_WORK);
              g.never = rng_chance (r, 8500);
            }
          else if (rng_chance (r, rule->removed))
            {
              gen_emit (d, &g, SMT_EVENT_REMOVED, rd, -1, R_REMOVED);
              g.never = TRUE;
            }
        }
    }
  if (g.state != ST_NONE)
    gen_state (d, &g, G_MAXINT, ST_NONE, -1);
}

static void
plan_memberships (Demo *d)
{
  for (guint i = 0; i < d->people->len; i++)
    {
      Person *p = PERSON (d, i);
      guint32 ev_first = d->events->len, seg_first = d->segs->len;

      for (int o = 0; o < N_ORGS; o++)
        plan_membership (d, i, o);
      p = PERSON (d, i);
      p->ev_first = ev_first;
      p->ev_count = d->events->len - ev_first;
      p->seg_first = seg_first;
      p->seg_count = d->segs->len - seg_first;
      if (i % 1024 == 0)
        stage_step (d, i, d->people->len);
    }

  /* Which segments count for each branch: its own and its tổ hội's. */
  for (guint s = 0; s < d->segs->len; s++)
    {
      const Seg *seg = SEG (d, s);
      Branch *b = BRANCH (d, seg->branch);

      g_array_append_val (b->cover, s);
      if (b->parent >= 0)
        g_array_append_val (BRANCH (d, b->parent)->cover, s);
    }
}

/* ---- leaders and officers -------------------------------------------------------- */

static gboolean
in_cover (const Demo *d,
          int         branch,
          int         of)
{
  return branch == of || BRANCH (d, branch)->parent == of;
}

/* The day the member stops being active in the branch (or its tổ hội),
 * following transfers between them. */
static int
active_until (const Demo *d,
              guint32     s,
              int         b)
{
  const Seg *seg = SEG (d, s);
  int end = seg->to;

  while (s + 1 < d->segs->len)
    {
      const Seg *next = SEG (d, s + 1);

      if (next->person != seg->person || next->org != seg->org || next->from != end
          || next->away || !in_cover (d, next->branch, b))
        break;
      s++;
      seg = next;
      end = seg->to;
    }
  return end;
}

static gboolean
is_party (const Person *p,
          int           day)
{
  return p->party_since != 0 && p->party_since <= day;
}

/* A member active in the branch at day t for at least half a year more;
 * Party members first about half of the time. Returns the segment or -1. */
static gint64
pick_active (Demo    *d,
             int      b,
             int      t,
             guint32  exclude,
             int     *until)
{
  const Branch *br = BRANCH (d, b);
  GArray *party = d->scratch, *others = d->scratch2;
  guint32 chosen;

  g_array_set_size (party, 0);
  g_array_set_size (others, 0);
  for (guint i = 0; i < br->cover->len; i++)
    {
      guint32 s = g_array_index (br->cover, guint32, i);
      const Seg *seg = SEG (d, s);

      if (seg->from <= t && t < seg->to && !seg->away && seg->person != exclude
          && active_until (d, s, b) > t + 180)
        {
          if (is_party (PERSON (d, seg->person), t))
            g_array_append_val (party, s);
          else
            g_array_append_val (others, s);
        }
    }
  if (party->len + others->len == 0)
    return -1;
  if (party->len > 0 && (others->len == 0 || rng_chance (&d->rng, 5500)))
    chosen = g_array_index (party, guint32, rng_below (&d->rng, party->len));
  else
    chosen = g_array_index (others, guint32, rng_below (&d->rng, others->len));
  *until = active_until (d, chosen, b);
  return chosen;
}

/* Congresses that elect branch leaders, by organisation. */
static const char *const elections_youth[] = {
  "2017-08-20", "2019-12-15", "2022-08-20", "2024-12-15", NULL,
};
static const char *const elections_assoc[] = { "2017-06-10", "2022-06-10", NULL };

static int
next_election (int org,
               int after)
{
  const char *const *list = org == ORG_DTN ? elections_youth : elections_assoc;

  for (int i = 0; list[i] != NULL; i++)
    if (iso_day (list[i]) > after)
      return iso_day (list[i]);
  return G_MAXINT;
}

static void
plan_leaders (Demo *d)
{
  for (guint b = 0; b < d->branches->len; b++)
    {
      Branch *br = BRANCH (d, b);
      int end = br->dissolved != 0 ? br->dissolved : d->day_end + 1;
      int t = MAX (br->founded, d->day_start - rng_range (&d->rng, 60, 900));
      guint32 previous = G_MAXUINT32;

      br->term_first = d->terms->len;
      while (t < end)
        {
          int until = 0, election;
          gint64 s = pick_active (d, (int) b, t, previous, &until);
          Term term = { b, 0, t, 0, FALSE };

          if (s < 0)
            {
              t += 31;
              continue;
            }
          term.person = SEG (d, s)->person;
          election = next_election (br->org, t);
          for (;;)
            {
              if (until <= d->day_end && until <= election)
                {
                  term.to = until - 1;
                  t = until;
                  break;
                }
              if (election <= d->day_end && rng_chance (&d->rng, 4000))
                {
                  term.to = election - 1;
                  term.elected_out = TRUE;
                  t = election;
                  break;
                }
              if (election > d->day_end)
                {
                  t = end;
                  break;
                }
              election = next_election (br->org, election);
            }
          previous = term.person;
          g_array_append_val (d->terms, term);
          br = BRANCH (d, b);
        }
      br->term_count = d->terms->len - br->term_first;
    }
}

static gboolean
member_on (const Demo   *d,
           const Person *p,
           int           org,
           int           day)
{
  for (guint32 s = p->seg_first; s < p->seg_first + p->seg_count; s++)
    {
      const Seg *seg = SEG (d, s);

      if (seg->org == org && seg->from <= day && day < seg->to)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  int         org;         /* -1: Mặt trận */
  const char *terms[4];
  int         min_age, max_age;
  char        sex;
} OfficeRule;

static const OfficeRule office_rules[] = {
  { -1, { "2014-09-25", "2019-08-20", "2024-08-15", NULL }, 45, 58, 0 },
  { ORG_DTN, { "2014-10-10", "2017-09-15", "2022-09-20", NULL }, 23, 29, 0 },
  { ORG_PN, { "2016-04-15", "2021-05-10", "2026-04-20", NULL }, 32, 52, 'F' },
  { ORG_ND, { "2013-06-10", "2018-06-15", "2023-06-20", NULL }, 38, 56, 0 },
  { ORG_CCB, { "2012-10-12", "2017-10-10", "2022-10-14", NULL }, 50, 66, 'M' },
  { ORG_CD, { "2015-07-20", "2020-07-25", "2025-07-22", NULL }, 30, 52, 0 },
  { ORG_NCT, { "2016-05-20", "2021-06-10", "2026-06-05", NULL }, 62, 76, 0 },
  { ORG_CTD, { "2014-11-20", "2019-11-22", "2024-11-20", NULL }, 35, 58, 0 },
  { ORG_KH, { "2015-10-05", "2020-10-08", "2025-10-06", NULL }, 40, 60, 0 },
};

/* Someone who can hold the office through [from, to): here all that time,
 * of the right age and sex, preferably a member of the organisation.
 * Returns the person or G_MAXUINT32. */
static guint32
pick_officer (Demo             *d,
              const OfficeRule *rule,
              int               from,
              int               to,
              GHashTable       *taken)
{
  GArray *best = d->scratch;
  g_autoptr(GArray) fallback = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_array_set_size (best, 0);
  for (guint32 i = 0; i < d->people->len; i++)
    {
      const Person *p = PERSON (d, i);
      int age = age_on (p, from);

      /* Those on the register from its start lived here before it too. */
      if (age < rule->min_age || age > rule->max_age || p->arrive > MAX (from, d->day_res)
          || presence_end (d, p) <= MIN (to, d->day_end) || is_away (p, from)
          || (rule->sex != 0 && p->sex != (guint8) rule->sex)
          || g_hash_table_contains (taken, GUINT_TO_POINTER (i + 1)))
        continue;
      if (rule->org == ORG_CCB && !p->veteran)
        continue;
      if (rule->org < 0 || member_on (d, p, rule->org, from))
        g_array_append_val (best, i);
      else if (rule->org != ORG_CD && rule->org != ORG_DTN)
        g_array_append_val (fallback, i);
    }
  if (best->len > 0)
    return g_array_index (best, guint32, rng_below (&d->rng, best->len));
  if (fallback->len > 0)
    return g_array_index (fallback, guint32, rng_below (&d->rng, fallback->len));
  return G_MAXUINT32;
}

static void
make_party_member (Demo    *d,
                   guint32  pi,
                   int      before)
{
  Person *p = PERSON (d, pi);
  int day;

  if (p->party_since != 0 && p->party_since <= before)
    return;
  day = before - rng_range (&d->rng, 200, 8 * 365);
  day = MAX (day, day_of_age (p, 19) + 30);
  if (day <= before)
    p->party_since = day;
}

static void
plan_officers (Demo *d)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (office_rules); k++)
    {
      const OfficeRule *rule = &office_rules[k];
      int n_terms = 0;

      while (n_terms < 4 && rule->terms[n_terms] != NULL)
        n_terms++;
      for (int deputy = 0; deputy <= (rule->org < 0 ? 2 : 1); deputy++)
        {
          Officer current = { rule->org, G_MAXUINT32, deputy > 0, 0, 0, 0, 0 };

          for (int t = 0; t < n_terms; t++)
            {
              int from = iso_day (rule->terms[t]);
              int to = t + 1 < n_terms ? iso_day (rule->terms[t + 1]) : d->day_end + 1;
              guint32 pi;

              if (from > d->day_end)
                break;
              /* Re-elected about half of the time, if still here and of age. */
              if (current.person != G_MAXUINT32)
                {
                  const Person *p = PERSON (d, current.person);

                  if (presence_end (d, p) > MIN (to, d->day_end) && rng_chance (&d->rng, 4500)
                      && age_on (p, from) <= rule->max_age + 3)
                    continue;
                  current.to = from - 1;
                  g_array_append_val (d->officers, current);
                  current.person = G_MAXUINT32;
                }
              pi = pick_officer (d, rule, from, to, taken);
              if (pi == G_MAXUINT32)
                continue;
              g_hash_table_add (taken, GUINT_TO_POINTER (pi + 1));
              current.person = pi;
              current.from = from;
              current.to = 0;
              if (deputy == 0)
                {
                  static const int political_first[] = { 0, 15, 75, 10 };
                  static const int political_later[] = { 0, 0, 85, 15 };
                  static const int professional_first[] = { 0, 0, 30, 15, 55, 0 };
                  static const int professional_later[] = { 0, 0, 14, 14, 66, 6 };

                  current.political = (int) rng_weighted (&d->rng, t == 0 ? political_first
                                                                           : political_later, 4);
                  current.professional = (int) rng_weighted (&d->rng,
                      t == 0 ? professional_first : professional_later, 6);
                  if (rule->org < ORG_NCT || rng_chance (&d->rng, 7000))
                    make_party_member (d, pi, from);
                }
              else
                {
                  static const int political[] = { 10, 40, 50, 0 };
                  static const int professional[] = { 0, 10, 40, 20, 30, 0 };

                  current.political = (int) rng_weighted (&d->rng, political, 4);
                  current.professional = (int) rng_weighted (&d->rng, professional, 6);
                  if (rng_chance (&d->rng, 6000))
                    make_party_member (d, pi, from);
                }
            }
          if (current.person != G_MAXUINT32)
            g_array_append_val (d->officers, current);
        }
    }
}

/* ---- writing ------------------------------------------------------------------------ */

/* entered_at: the day the row describes, written at 08:00, within the
 * life of the register. */
static void
stamp (Demo *d,
       int   day)
{
  char iso[11], now[32];

  day = CLAMP (day, d->day_start, d->day_end);
  if (day == d->stamped)
    return;
  d->stamped = day;
  day_iso (day, iso);
  g_snprintf (now, sizeof now, "%sT08:00:00Z", iso);
  smt_register_set_now (d->reg, now);
}

/* Counts a write; commits the batch every few thousand. */
static gboolean
wrote (Demo     *d,
       gboolean  ok,
       GError  **error)
{
  if (!ok)
    return FALSE;
  if (++d->writes % COMMIT_EVERY == 0)
    return smt_register_commit (d->reg, error) && smt_register_begin (d->reg, error);
  return TRUE;
}

static gboolean
write_places (Demo    *d,
              GError **error)
{
  stamp (d, d->day_start);
  for (guint h = 0; h < d->n_hamlets; h++)
    {
      d->hamlets[h].key = smt_hamlet_add (d->reg, d->hamlets[h].name, "ấp", error);
      if (!wrote (d, d->hamlets[h].key != 0, error))
        return FALSE;
    }
  for (guint b = 0; b < d->branches->len; b++)
    {
      Branch *br = BRANCH (d, b);
      gint64 hamlets[2] = { 0, 0 };
      char founded[11];

      for (int k = 0; k < br->n_hamlets; k++)
        hamlets[k] = d->hamlets[br->hamlets[k]].key;
      day_iso (br->founded, founded);
      stamp (d, br->founded);
      br->key = smt_branch_add (d->reg, d->org_keys[br->org],
                                br->parent >= 0 ? BRANCH (d, br->parent)->key : 0,
                                br->kind, br->name, hamlets, (guint) br->n_hamlets, founded,
                                error);
      if (!wrote (d, br->key != 0, error))
        return FALSE;
    }
  for (guint i = 0; i < d->households->len; i++)
    {
      Household *hh = HOUSEHOLD (d, i);
      g_autofree char *address = g_strdup_printf ("Số %d, tổ %d", hh->house, hh->to);
      char formed[11];

      if (hh->formed != 0)
        day_iso (hh->formed, formed);
      stamp (d, hh->formed);
      hh->key = smt_household_add (d->reg, d->hamlets[hh->hamlet].key, address,
                                   hh->formed != 0 ? formed : NULL, error);
      if (!wrote (d, hh->key != 0, error))
        return FALSE;
    }
  return TRUE;
}

/* What makes a person eligible beyond age and sex, known before their
 * memberships (which the admission rule checks): a veteran (men who served,
 * most of them born 1940–1975) has been one since before the register; a
 * teacher, health worker or commune employee is a worker until the
 * retirement age the Công đoàn keeps (60 for men, 55 for women), when the
 * record is ended. No random draw, so the rest of the demo is as before. */
static gboolean
write_traits (Demo      *d,
              Person    *p,
              GError   **error)
{
  char day[11];
  gint64 id;

  if (p->veteran
      && !wrote (d, smt_person_trait_add (d->reg, p->key, d->veteran_trait, NULL, NULL,
                                          "Giấy xuất ngũ", error) != 0, error))
    return FALSE;
  if (p->cd_unit < 0)
    return TRUE;
  {
    static const char prefix[] = "Công đoàn cơ sở ";
    g_autofree char *where = g_strdup_printf ("Làm việc tại %s",
                                              cd_units[p->cd_unit] + strlen (prefix));

    id = smt_person_trait_add (d->reg, p->key, d->worker_trait, NULL, NULL, where, error);
    if (!wrote (d, id != 0, error))
      return FALSE;
  }
  {
    int retire = day_of_age (p, p->sex == 'M' ? 60 : 55);

    if (retire > d->day_end)
      return TRUE;
    day_iso (retire - 1, day);
    stamp (d, retire);
    return wrote (d, smt_person_trait_end (d->reg, id, day, "Nghỉ hưu", error) != 0, error);
  }
}

static gboolean
write_person (Demo     *d,
              guint32   pi,
              GError  **error)
{
  Person *p = PERSON (d, pi);
  g_autofree char *lot = p->lot2 ? g_strdup_printf ("%s %s", p->lot1, p->lot2)
                                 : g_strdup (p->lot1 ? p->lot1 : "");
  char birth[11], party[11], day[11];
  SmtPersonFields f = { 0 };

  day_iso (p->birth, birth);
  if (p->party_since != 0)
    day_iso (p->party_since, party);
  f.ho = p->ho;
  f.chu_lot = lot;
  f.ten = p->ten;
  f.sex = p->sex == 'M' ? SMT_SEX_MALE : SMT_SEX_FEMALE;
  f.birth_date = p->has_date ? birth : NULL;
  f.birth_year = p->birth_year;
  f.ethnicity = rng_chance (&d->rng, 8500) ? ethnicity_names[p->ethnicity] : NULL;
  f.religion = religion_names[p->religion];
  f.cccd = p->cccd[0] ? p->cccd : NULL;
  f.phone = p->phone[0] ? p->phone : NULL;
  f.party_since = p->party_since != 0 ? party : NULL;
  stamp (d, p->arrive);
  p->key = smt_person_add (d->reg, &f, error);
  if (!wrote (d, p->key != 0, error))
    return FALSE;
  if (!write_traits (d, p, error))
    return FALSE;

  /* Where they live: from birth or 2016, a move, leaving the commune. */
  {
    const Household *hh = HOUSEHOLD (d, p->household);
    const char *why = p->arrive == p->birth && p->birth > d->day_res ? "Mới sinh"
                      : p->arrive > d->day_res ? "Chuyển đến từ nơi khác" : "";

    day_iso (p->arrive, day);
    stamp (d, p->arrive);
    if (!wrote (d, smt_residence_move (d->reg, p->key, hh->key, day, p->is_head, why,
                                       error) != 0, error))
      return FALSE;
  }
  if (p->move_day != 0)
    {
      const char *why = p->move_head ? "Tách hộ, lập hộ mới"
                        : p->sex == 'F' ? "Về ở cùng gia đình chồng" : "Về ở cùng gia đình vợ";

      day_iso (p->move_day, day);
      stamp (d, p->move_day);
      if (!wrote (d, smt_residence_move (d->reg, p->key, HOUSEHOLD (d, p->move_household)->key,
                                         day, p->move_head, why, error) != 0, error))
        return FALSE;
    }
  if (p->depart != 0)
    {
      const char *why = p->away_departs ? "Chuyển hộ khẩu đến nơi làm việc"
                        : "Chuyển đi nơi khác sinh sống";

      day_iso (p->depart, day);
      stamp (d, p->depart);
      if (!wrote (d, smt_residence_move (d->reg, p->key, 0, day, FALSE, why, error) != 0,
                  error))
        return FALSE;
    }

  for (guint32 e = p->ev_first; e < p->ev_first + p->ev_count; e++)
    {
      const Ev *ev = &g_array_index (d->events, Ev, e);
      g_autofree char *reason = NULL;
      g_autofree char *document = NULL;
      SmtMembershipChange c = { 0 };
      int year = day_year (ev->day);

      c.kind = (SmtEventKind) ev->kind;
      c.person_id = p->key;
      c.organisation_id = d->org_keys[ev->org];
      c.branch_id = ev->branch >= 0 ? BRANCH (d, ev->branch)->key : 0;
      if (ev->reason == R_AWAY)
        reason = g_strdup_printf ("Đi làm ăn xa ở %s", smt_demo_away_places[p->away_place]);
      else
        reason = g_strdup (reason_texts[ev->reason]);
      if (c.kind == SMT_EVENT_ADMITTED && year >= 2010 && rng_chance (&d->rng, 6000))
        {
          int y, m, dd;

          civil_from_days (ev->day, &y, &m, &dd);
          document = g_strdup_printf ("Quyết định số %02d/QĐ-%s ngày %02d/%02d/%d",
                                      ++d->doc_number[ev->org] % 90 + 1, org_rules[ev->org].doc,
                                      dd, m, y);
        }
      day_iso (ev->day, day);
      c.date = day;
      c.reason = reason;
      c.document = document;
      stamp (d, ev->day);
      /* Members moved into the new tổ hội, or into the merged chi đoàn, are
       * moved by one restructure per branch (sắp xếp tổ chức), written
       * with its first transfer. */
      if (c.kind == SMT_EVENT_TRANSFERRED && (ev->reason == R_TOHOI || ev->reason == R_MERGE))
        {
          Branch *to = BRANCH (d, ev->branch);

          if (to->restructure == 0)
            {
              to->restructure = smt_restructure_add (d->reg, to->key, day, reason, NULL, error);
              if (!wrote (d, to->restructure != 0, error))
                return FALSE;
            }
          c.restructure_id = to->restructure;
        }
      if (!wrote (d, smt_membership_record (d->reg, &c, error) != 0, error))
        return FALSE;
    }

  if (p->death != 0)
    {
      day_iso (p->death, day);
      stamp (d, p->death);
      if (!wrote (d, smt_person_record_death (d->reg, p->key, day, "Từ trần", error), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_people (Demo    *d,
              GError **error)
{
  for (guint32 i = 0; i < d->people->len; i++)
    {
      if (!write_person (d, i, error))
        return FALSE;
      if (i % 64 == 0)
        stage_step (d, i, d->people->len);
    }

  /* The two small chi đoàn, empty since the merger, are dissolved. */
  for (guint b = 0; b < d->branches->len; b++)
    {
      Branch *br = BRANCH (d, b);
      char day[11];

      if (br->dissolved == 0)
        continue;
      day_iso (br->dissolved, day);
      stamp (d, br->dissolved);
      if (!wrote (d, smt_branch_dissolve (d->reg, br->key, day,
                                          "Sáp nhập thành chi đoàn liên ấp", error), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_leaders (Demo    *d,
               GError **error)
{
  for (guint i = 0; i < d->terms->len; i++)
    {
      const Term *t = &g_array_index (d->terms, Term, i);
      char day[11];
      gint64 id;

      day_iso (t->from, day);
      stamp (d, t->from);
      id = smt_leader_appoint (d->reg, BRANCH (d, t->branch)->key, PERSON (d, t->person)->key,
                               SMT_LEADER_LEADER, day,
                               t->from <= d->day_start ? "" : "Bầu bổ sung", error);
      if (!wrote (d, id != 0, error))
        return FALSE;
      if (t->to != 0)
        {
          day_iso (t->to, day);
          stamp (d, t->to);
          if (!wrote (d, smt_leader_end (d->reg, id, day,
                                         t->elected_out ? "Hết nhiệm kỳ, đại hội bầu người khác"
                                                        : "Không còn sinh hoạt tại đơn vị",
                                         error) != 0, error))
            return FALSE;
        }
      stage_step (d, i, d->terms->len);
    }
  return TRUE;
}

/* The branch's leader on day, or NULL. */
static const Person *
leader_on (const Demo   *d,
           const Branch *br,
           int           day)
{
  for (guint i = br->term_first; i < br->term_first + br->term_count; i++)
    {
      const Term *t = &g_array_index (d->terms, Term, i);

      if (t->from <= day && (t->to == 0 || day <= t->to))
        return PERSON (d, t->person);
    }
  return NULL;
}

/* Members active (not away) in the branch or its tổ hội on day, into
 * d->scratch as person indices. */
static void
active_members (Demo         *d,
                const Branch *br,
                int           day)
{
  g_array_set_size (d->scratch, 0);
  for (guint i = 0; i < br->cover->len; i++)
    {
      const Seg *seg = SEG (d, g_array_index (br->cover, guint32, i));

      if (seg->from <= day && day < seg->to && !seg->away)
        g_array_append_val (d->scratch, seg->person);
    }
}

static gboolean
write_meeting (Demo           *d,
               const Branch   *br,
               int             day,
               SmtMeetingKind  kind,
               const char     *topic,
               int             rate,      /* per 10 000 of active members */
               gboolean        with_list,
               GError        **error)
{
  g_autoptr(GArray) attendees = NULL;
  const Person *leader = leader_on (d, br, day);
  SmtMeetingFields f = { 0 };
  GArray *active;
  char iso[11];
  int present, year = day_year (day);

  active_members (d, br, day);
  active = d->scratch;
  if (active->len == 0)
    return TRUE;
  present = (int) (((gint64) active->len * rate + 5000) / 10000);
  present = CLAMP (present, 1, (int) active->len);
  if (with_list)
    {
      attendees = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) present);
      for (int i = 0; i < present; i++)
        {
          guint j = (guint) i + rng_below (&d->rng, active->len - (guint) i);
          guint32 t = g_array_index (active, guint32, j);
          gint64 key;

          g_array_index (active, guint32, j) = g_array_index (active, guint32, i);
          g_array_index (active, guint32, i) = t;
          key = PERSON (d, t)->key;
          g_array_append_val (attendees, key);
        }
    }
  day_iso (day, iso);
  f.branch_id = br->key;
  f.date = iso;
  f.kind = kind;
  f.topic = topic;
  f.present = present;
  f.party_present = rng_chance (&d->rng, (leader != NULL && is_party (leader, day) ? 7000 : 3000)
                                         + 150 * (year - 2016));
  f.officer_present = rng_chance (&d->rng, 1200 + 200 * (year - 2016));
  f.attendees = attendees ? (const gint64 *) attendees->data : NULL;
  f.n_attendees = attendees ? attendees->len : 0;
  stamp (d, day);
  return wrote (d, smt_meeting_add (d->reg, &f, error) != 0, error);
}

static gboolean
write_meetings (Demo    *d,
                GError **error)
{
  int lists_from = d->day_end - 365;
  int covid_from = iso_day ("2021-07-01"), covid_to = iso_day ("2021-09-30");
  int april_2020 = iso_day ("2020-04-01");

  for (guint b = 0; b < d->branches->len; b++)
    {
      const Branch *br = BRANCH (d, b);
      int end = br->dissolved != 0 ? br->dissolved : d->day_end + 1;
      gboolean group = br->parent >= 0;

      for (int m = 0; m < N_MONTHS; m++)
        {
          int ms = d->month_start[m], me = d->month_start[m + 1];
          int day = MIN (ms + br->base_day - 1 + rng_range (&d->rng, -2, 2), me - 1);
          int y, mo, dd, skip, rate;

          day = MIN (day, d->day_end);
          civil_from_days (day, &y, &mo, &dd);
          if (day < br->founded || day >= end)
            continue;
          /* Weak branches and tổ hội miss more months; Covid-19 closed many. */
          skip = 300 + (99 - br->quality) * 22 + (group ? 1500 : 0);
          if ((day >= april_2020 && day < april_2020 + 30)
              || (day >= covid_from && day <= covid_to))
            skip = 7500;
          if (rng_chance (&d->rng, skip))
            continue;
          rate = 5200 + br->quality * 30 + (y - 2016) * 80 + rng_range (&d->rng, -600, 600);
          if (!write_meeting (d, br, day, SMT_MEETING_REGULAR, smt_demo_monthly_topics[mo - 1],
                              rate, day >= lists_from, error))
            return FALSE;
          if (!group && rng_chance (&d->rng, 700))
            {
              int day2 = MIN (day + rng_range (&d->rng, 5, 12), MIN (me - 1, d->day_end));

              if (day2 > day && day2 < end
                  && !write_meeting (d, br, day2, SMT_MEETING_THEMATIC,
                                     smt_demo_thematic_topics[rng_below (&d->rng,
                                                              smt_demo_n_thematic_topics)],
                                     rate - 1500, day2 >= lists_from, error))
                return FALSE;
            }
        }
      stage_step (d, b, d->branches->len);
    }
  return TRUE;
}

/* One branch's study, in the way its office records it: the veterans'
 * branches give only the number who took part; from 2023 a branch where
 * at most three members missed it writes "the whole branch, except …";
 * the others tick the participants. (Members working away are not
 * active, so neither drawn nor named as missing: the whole branch leaves
 * them out too.) */
static gboolean
write_branch_study (Demo          *d,
                    const Branch  *br,
                    int            o,
                    const char    *subject,
                    const char    *iso,
                    int            year,
                    GArray        *ids,
                    GArray        *missing,
                    GError       **error)
{
  SmtStudyFields f = {
    .subject = subject, .organisation_id = d->org_keys[o], .branch_id = br->key, .date = iso,
  };

  if (o == ORG_CCB)
    f.participants = (int) ids->len;
  else if (year >= 2023 && missing->len <= 3)
    {
      f.mode = SMT_STUDY_WHOLE_BRANCH;
      f.exception_ids = (const gint64 *) missing->data;
      f.n_exception_ids = missing->len;
    }
  else
    {
      f.participant_ids = (const gint64 *) ids->data;
      f.n_participant_ids = ids->len;
    }
  return wrote (d, smt_study_add (d->reg, &f, error) != 0, error);
}

static gboolean
write_studies (Demo    *d,
               GError **error)
{
  for (guint k = 0; k < smt_demo_n_studies; k++)
    {
      const SmtDemoStudy *study = &smt_demo_studies[k];
      g_autofree char *iso = g_strdup_printf ("%d-%s", study->year, study->date);
      int day = iso_day (iso);

      if (day > d->day_end)
        continue;
      stamp (d, day);
      for (int o = 0; o < N_ORGS; o++)
        {
          /* Branch by branch, who took part (members_studied counts
           * people): about 80 % in 2016, rising to about 95 %. */
          int rate = MIN (9900, 8000 + (study->year - 2016) * 190);

          for (guint b = 0; b < d->branches->len; b++)
            {
              const Branch *br = BRANCH (d, b);
              g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
              g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));

              if (br->org != o || br->parent >= 0 || br->founded > day
                  || (br->dissolved != 0 && br->dissolved <= day))
                continue;
              active_members (d, br, day);
              for (guint i = 0; i < d->scratch->len; i++)
                {
                  gint64 key = PERSON (d, g_array_index (d->scratch, guint32, i))->key;

                  if (rng_chance (&d->rng, rate + rng_range (&d->rng, -150, 150)))
                    g_array_append_val (ids, key);
                  else
                    g_array_append_val (missing, key);
                }
              if (ids->len == 0)
                continue;
              if (!write_branch_study (d, br, o, study->subject, iso, study->year, ids, missing,
                                       error))
                return FALSE;
            }
        }
      stage_step (d, k, smt_demo_n_studies);
    }
  return TRUE;
}

static const char *
pick_level (Demo     *d,
            int       year,
            gboolean  branch,
            int       quality)
{
  static const char *const old_codes[] = { "VM", "KHA", "TB", "YEU" };
  /* A member is rated xuất sắc, never vững mạnh (OLD_MEMBER, smt-setup.c). */
  static const char *const member_codes[] = { "XS", "KHA", "TB", "YEU" };
  static const char *const new_codes[] = { "HTXSNV", "HTTNV", "HTNV", "KHTNV" };
  int weights[4];

  if (branch)
    {
      /* About nine branches in ten strong; weak branches less often. */
      int strong = 6800 + quality * 30 + (year - 2016) * 40;

      if (year < 2023)
        {
          weights[0] = strong;
          weights[1] = (10000 - strong) * 6 / 10;
          weights[2] = (10000 - strong) * 3 / 10;
          weights[3] = (10000 - strong) / 10;
        }
      else
        {
          weights[0] = strong * 3 / 10;
          weights[1] = strong * 7 / 10;
          weights[2] = (10000 - strong) * 8 / 10;
          weights[3] = (10000 - strong) * 2 / 10;
        }
    }
  else if (year < 2023)
    {
      weights[0] = 6000 + quality * 10;
      weights[1] = 2600;
      weights[2] = 1000;
      weights[3] = 200;
    }
  else
    {
      weights[0] = 1500 + quality * 5;
      weights[1] = 6500;
      weights[2] = 1700;
      weights[3] = 300;
    }
  return (year >= 2023 ? new_codes : branch ? old_codes : member_codes)
         [rng_weighted (&d->rng, weights, 4)];
}

/* The rating of a commune-level organisation itself (tổ chức cơ sở): the
 * seeds count 373 of 375 strong, so nearly always. Drawn from its own
 * generator, so that the rest of the demo does not move. */
static const char *
pick_organisation_level (Rng *r,
                         int  year)
{
  static const char *const old_codes[] = { "VM", "KHA", "TB", "YEU" };
  static const char *const new_codes[] = { "HTXSNV", "HTTNV", "HTNV", "KHTNV" };
  static const int old_weights[] = { 9200, 600, 200, 0 };
  static const int new_weights[] = { 3800, 5400, 700, 100 };

  if (year < 2023)
    return old_codes[rng_weighted (r, old_weights, 4)];
  return new_codes[rng_weighted (r, new_weights, 4)];
}

static gboolean
write_ratings (Demo    *d,
               GError **error)
{
  int first = 2016, last = day_year (d->day_end) - 1;
  guint64 total = (guint64) (last - first + 1) * (d->segs->len / 2 + d->branches->len), done = 0;
  Rng organisations;

  /* Seeded from the demo's generator without drawing from it. */
  rng_seed (&organisations, d->rng.s[0] ^ G_GUINT64_CONSTANT (0x746f63687563));
  for (int year = first; year <= last; year++)
    {
      g_autofree char *eve = g_strdup_printf ("%d-12-31", year);
      int end = iso_day (eve);

      stamp (d, end + 15);
      /* The organisations themselves, at the commune's year-end review. */
      for (int o = 0; o < N_ORGS; o++)
        if (!wrote (d, smt_rating_set (d->reg, year, d->org_keys[o], 0, 0,
                                       pick_organisation_level (&organisations, year), NULL,
                                       error) != 0, error))
          return FALSE;
      for (guint b = 0; b < d->branches->len; b++)
        {
          const Branch *br = BRANCH (d, b);

          if (br->founded > end || (br->dissolved != 0 && br->dissolved <= end))
            continue;
          if (!wrote (d, smt_rating_set (d->reg, year, d->org_keys[br->org], 0, br->key,
                                         pick_level (d, year, TRUE, br->quality), NULL,
                                         error) != 0, error))
            return FALSE;
          done++;
        }
      for (guint s = 0; s < d->segs->len; s++)
        {
          const Seg *seg = SEG (d, s);
          int quality;

          if (seg->from > end || end >= seg->to)
            continue;
          quality = seg->away ? 0 : BRANCH (d, seg->branch)->quality;
          if (!wrote (d, smt_rating_set (d->reg, year, d->org_keys[seg->org],
                                         PERSON (d, seg->person)->key, 0,
                                         pick_level (d, year, FALSE, quality), NULL, error) != 0,
                      error))
            return FALSE;
          if (++done % 256 == 0)
            stage_step (d, done, total);
        }
    }
  return TRUE;
}

static gboolean
write_officers (Demo    *d,
                GError **error)
{
  for (guint i = 0; i < d->officers->len; i++)
    {
      const Officer *o = &g_array_index (d->officers, Officer, i);
      SmtOfficerFields f = { 0 };
      char from[11], to[11];
      gint64 id;

      day_iso (o->from, from);
      f.organisation_id = o->org >= 0 ? d->org_keys[o->org] : 0;
      f.person_id = PERSON (d, o->person)->key;
      f.role = o->deputy ? SMT_OFFICER_DEPUTY : SMT_OFFICER_HEAD;
      f.from_date = from;
      f.political_level = o->political;
      f.professional_level = o->professional;
      stamp (d, o->from);
      id = smt_officer_add (d->reg, &f, error);
      if (!wrote (d, id != 0, error))
        return FALSE;
      if (o->to != 0)
        {
          day_iso (o->to, to);
          stamp (d, o->to);
          if (!wrote (d, smt_officer_end (d->reg, id, to, "Hết nhiệm kỳ", error) != 0, error))
            return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  const char *code;
  const char *note;
} IndicatorNote;

static const IndicatorNote indicator_notes[] = {
  { "equipment_computers", "Máy vi tính của Ủy ban MTTQ và các đoàn thể xã đang sử dụng" },
  { "equipment_printers", "Máy in của Ủy ban MTTQ và các đoàn thể xã đang sử dụng" },
  { "budget", "Kinh phí hoạt động được cấp trong kỳ, đơn vị: đồng" },
  { "houses_built", "Nhà Đại đoàn kết, nhà tình nghĩa bàn giao trong kỳ" },
  { "houses_value", "Tổng giá trị các căn nhà bàn giao, đơn vị: đồng" },
  { "scholarships", "Suất học bổng trao cho học sinh nghèo vượt khó" },
  { "scholarships_value", "Tổng giá trị học bổng, đơn vị: đồng" },
  { "poverty_lifted", "Hộ đoàn viên, hội viên thoát nghèo theo kết quả rà soát" },
  { "mediation_received", "Vụ việc các Tổ hòa giải ở ấp tiếp nhận" },
  { "mediation_mediated", "Vụ việc đã đưa ra hòa giải" },
  { "mediation_succeeded", "Vụ việc hòa giải thành" },
  { "supervisions", "Cuộc giám sát do Ban Thường trực Ủy ban MTTQ xã chủ trì" },
  { "opinions", "Ý kiến góp ý xây dựng Đảng, xây dựng chính quyền" },
  { "dialogue_days", "Buổi đối thoại giữa lãnh đạo xã với Nhân dân" },
  { "petitions_resolved", "Kiến nghị của cử tri và Nhân dân đã được giải quyết" },
};

static gboolean
write_targets (Demo    *d,
               GError **error)
{
  typedef struct
  {
    const char *code, *label;
    gboolean has_baseline;
    double baseline, target;
  } TargetRow;
  static const TargetRow rows[] = {
    { "households_covered", "Số hộ có đoàn viên, hội viên các đoàn thể chính trị - xã hội "
      "đạt 82% trở lên", TRUE, 72.14, 82 },
    /* The seeds' 373/375 counts the commune-level organisations themselves
     * (tổ chức cơ sở), not their chi hội: organisations_strong. */
    { "organisations_strong", "Tổ chức cơ sở các đoàn thể chính trị - xã hội vững mạnh hằng "
      "năm đạt trên 85%", TRUE, 90.32, 85 },
    { "members_studied", "Đoàn viên, hội viên tham gia học tập các chỉ thị, nghị quyết từ 98% "
      "trở lên", TRUE, 80, 98 },
    { "gathering_rate", "Tập hợp quần chúng vào các đoàn thể đạt 63% so với đối tượng",
      FALSE, 0, 63 },
    { "officers_political", "Chủ tịch MTTQ, Trưởng các đoàn thể chính trị - xã hội "
      "cấp xã đạt chuẩn về lý luận chính trị", FALSE, 0, 100 },
    { "officers_professional", "Chủ tịch MTTQ, Trưởng các đoàn thể chính trị - xã hội "
      "cấp xã đạt chuẩn về chuyên môn, nghiệp vụ", FALSE, 0, 100 },
    { "officers_university", "Chủ tịch MTTQ, Trưởng các đoàn thể chính trị - xã hội "
      "cấp xã có trình độ đại học trên 60%", FALSE, 0, 60 },
  };
  double scale = (double) d->n_people / 10000.0;
  gint64 resolution;
  Rng *r = &d->rng;

  stamp (d, iso_day ("2021-08-02"));
  resolution = smt_resolution_add (d->reg, "06-NQ/TU",
                                   "Về nâng cao chất lượng hoạt động của Mặt trận Tổ quốc và các "
                                   "đoàn thể chính trị - xã hội giai đoạn 2021 - 2025 và những "
                                   "năm tiếp theo",
                                   "Tỉnh ủy", "2021-07-21", NULL, NULL, error);
  if (!wrote (d, resolution != 0, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      SmtTargetFields f = { resolution, rows[i].code, (int) i + 1, rows[i].label,
                            rows[i].has_baseline, rows[i].baseline,
                            rows[i].has_baseline ? "2021-06-30" : NULL, rows[i].target,
                            FALSE, "2025-12-31" };

      if (!wrote (d, smt_target_set (d->reg, &f, error) != 0, error))
        return FALSE;
    }

  /* What the register cannot count, typed in once a year (and for the
   * first nine months of 2026). */
  for (int year = 2016; year <= 2026; year++)
    {
      gboolean partial = year == 2026;
      g_autofree char *period = partial ? g_strdup ("2026-9M") : g_strdup_printf ("%d", year);
      double part = partial ? 0.75 : 1.0;
      int t = year - 2016;
      gboolean covid = year == 2020 || year == 2021;
      double houses = (double) rng_range (r, 3, 7) * scale * part;
      double scholarships = (double) rng_range (r, 20, 45) * scale * part;
      double received = (double) rng_range (r, 8, 20) * scale * part;
      double mediated = received - (double) rng_range (r, 0, 2);
      double values[G_N_ELEMENTS (indicator_notes)];

      houses = (double) (gint64) (houses + 0.5);
      scholarships = (double) (gint64) (scholarships + 0.5);
      received = (double) (gint64) (received + 0.5);
      mediated = CLAMP ((double) (gint64) (mediated + 0.5), 0, received);
      values[0] = 3 + t / 2;
      values[1] = 2 + t / 3;
      values[2] = (double) (gint64) ((double) (150 + 22 * t + rng_range (r, 0, 30)) * part
                                     * (0.8 + 0.2 * scale) * 1000.0 + 0.5) * 1000.0;
      values[3] = houses;
      values[4] = houses * (double) (rng_range (r, 50, 80) * 1000000LL);
      values[5] = scholarships;
      values[6] = scholarships * (double) (rng_range (r, 5, 15) * 100000LL);
      values[7] = (double) (gint64) ((double) MAX (4, 30 - 2 * t + rng_range (r, -3, 3)) * scale
                                     * part + 0.5);
      values[8] = received;
      values[9] = mediated;
      values[10] = (double) (gint64) (mediated * (double) rng_range (r, 75, 92) / 100.0 + 0.5);
      values[11] = covid ? rng_range (r, 2, 4) : rng_range (r, 4, 9);
      values[12] = (double) rng_range (r, 20, 60) * part;
      values[13] = covid ? 1 : partial ? 1 : 2;
      values[14] = (double) (gint64) ((double) rng_range (r, 10, 35) * scale * part + 0.5);

      stamp (d, iso_day (partial ? "2026-10-05" : "2016-12-20") + (partial ? 0 : t * 365));
      for (guint i = 0; i < G_N_ELEMENTS (indicator_notes); i++)
        {
          g_autofree char *note = partial
              ? g_strdup_printf ("%s (9 tháng năm 2026)", indicator_notes[i].note)
              : g_strdup_printf ("%s (năm %d)", indicator_notes[i].note, year);

          if (!wrote (d, smt_indicator_value_set (d->reg, indicator_notes[i].code, period,
                                                  values[i], note, error) != 0, error))
            return FALSE;
        }

      /* From 2024 the organisations' own budgets too (seed 001, row 4:
       * "Hội LHPN xã … 2,8 triệu đồng/năm"); the commune's total, typed
       * above, also holds the Front's own, so it stays the commune's
       * figure. Fixed shares, no random draw. */
      if (year >= 2024)
        {
          static const int share[N_ORGS] = {
            [ORG_DTN] = 12, [ORG_PN] = 14, [ORG_ND] = 14, [ORG_CCB] = 10, [ORG_CD] = 8,
          };

          for (int o = 0; o < N_ORGS; o++)
            {
              g_autofree char *code = g_strdup_printf ("budget:%s", org_rules[o].code);
              double value = (double) (gint64) (values[2] * share[o] / 100 / 1000 + 0.5) * 1000;

              if (share[o] == 0)
                continue;
              if (!wrote (d, smt_indicator_value_set (d->reg, code, period, value,
                                                      "Kinh phí hoạt động của tổ chức được cấp",
                                                      error) != 0, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

/* ---- the whole ------------------------------------------------------------------------ */

static void
demo_clear (Demo *d)
{
  for (guint h = 0; h < d->n_hamlets; h++)
    g_free (d->hamlets[h].name);
  if (d->branches != NULL)
    for (guint b = 0; b < d->branches->len; b++)
      {
        g_free (BRANCH (d, b)->name);
        g_array_unref (BRANCH (d, b)->cover);
      }
  g_clear_pointer (&d->people, g_array_unref);
  g_clear_pointer (&d->households, g_array_unref);
  g_clear_pointer (&d->branches, g_array_unref);
  g_clear_pointer (&d->events, g_array_unref);
  g_clear_pointer (&d->segs, g_array_unref);
  g_clear_pointer (&d->terms, g_array_unref);
  g_clear_pointer (&d->officers, g_array_unref);
  g_clear_pointer (&d->scratch, g_array_unref);
  g_clear_pointer (&d->scratch2, g_array_unref);
  g_clear_object (&d->reg);
}

static void
plan (Demo *d)
{
  stage_begin (d, 0.0, 0.04, _("Planning the commune"));
  plan_hamlets (d);
  plan_households (d);
  plan_lives (d);
  plan_personal_data (d);
  plan_branches (d);
  plan_memberships (d);
  plan_leaders (d);
  plan_officers (d);
}

/* The Chủ tịch of the committee at the end of the demo signs the reports. */
static const char *
signer_name (Demo *d,
             char *buf,
             gsize size)
{
  buf[0] = '\0';
  for (guint i = 0; i < d->officers->len; i++)
    {
      const Officer *o = &g_array_index (d->officers, Officer, i);

      if (o->org < 0 && !o->deputy && o->to == 0)
        {
          const Person *p = PERSON (d, o->person);

          if (p->lot2 != NULL)
            g_snprintf (buf, size, "%s %s %s %s", p->ho, p->lot1, p->lot2, p->ten);
          else if (p->lot1 != NULL)
            g_snprintf (buf, size, "%s %s %s", p->ho, p->lot1, p->ten);
          else
            g_snprintf (buf, size, "%s %s", p->ho, p->ten);
        }
    }
  return buf;
}

static gboolean
write_all (Demo    *d,
           GError **error)
{
  if (!smt_register_begin (d->reg, error))
    return FALSE;
  /* So that the window says plainly that these figures are made up. */
  if (!smt_setup_mark_demo (d->reg, error))
    return FALSE;

  stage_begin (d, 0.04, 0.01, _("Hamlets, households and branches"));
  if (!write_places (d, error))
    return FALSE;
  stage_begin (d, 0.05, 0.37, _("People and their history"));
  if (!write_people (d, error))
    return FALSE;
  stage_begin (d, 0.42, 0.01, _("Branch leaders"));
  if (!write_leaders (d, error))
    return FALSE;
  stage_begin (d, 0.43, 0.22, _("Meetings"));
  if (!write_meetings (d, error))
    return FALSE;
  stage_begin (d, 0.65, 0.03, _("Studies of resolutions"));
  if (!write_studies (d, error))
    return FALSE;
  stage_begin (d, 0.68, 0.30, _("Ratings"));
  if (!write_ratings (d, error))
    return FALSE;
  stage_begin (d, 0.98, 0.02, _("Officers and targets"));
  if (!write_officers (d, error) || !write_targets (d, error))
    return FALSE;
  return smt_register_commit (d->reg, error);
}

static void
remove_register_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", ".holder" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/**
 * smt_demo_generate:
 * @path: the new register file; refused if it exists
 * @people: how many people the commune has ever had on its register
 * @seed: the same seed (and count) gives the same register
 * @progress: (nullable): called now and then with the fraction done and
 *   a translated name of the current stage
 * @user_data: for @progress
 * @error: a #SMT_REGISTER_ERROR
 *
 * Builds a deterministic demo commune with ten years of history (to
 * %SMT_DEMO_UNTIL) through the public write API. On error nothing is
 * left at @path (an existing file is left as it was).
 *
 * Returns: %TRUE on success
 */
gboolean
smt_demo_generate (const char       *path,
                   guint             people,
                   guint64           seed,
                   SmtDemoProgress   progress,
                   gpointer          user_data,
                   GError          **error)
{
  Demo d = { 0 };
  guint64 mix = seed ^ G_GUINT64_CONSTANT (0x536f4d61745472);  /* "SoMatTr" */
  guint32 copy_id;
  char signer[256];
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (people > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_EXISTS,
                   _("“%s” already exists and was left as it is. Choose another file name."),
                   display);
      return FALSE;
    }

  d.n_people = people;
  d.progress = progress;
  d.user_data = user_data;
  rng_seed (&d.rng, seed);
  copy_id = (guint32) (splitmix64 (&mix) & 0xffffff);
  if (copy_id == 0)
    copy_id = 1;

  d.day_min = iso_day ("1935-01-01");
  d.day_res = iso_day ("2016-01-01");
  d.day_start = iso_day ("2016-11-01");
  d.day_end = iso_day (SMT_DEMO_UNTIL);
  for (int m = 0; m <= N_MONTHS; m++)
    d.month_start[m] = days_from_civil (2016 + (10 + m) / 12, (10 + m) % 12 + 1, 1);
  d.merge_day = iso_day ("2021-03-24");
  d.to_day[ORG_PN] = iso_day ("2019-03-05");
  d.to_day[ORG_ND] = iso_day ("2020-10-12");
  d.n_cd = CLAMP (2 + (int) (people / 25000), 2, MAX_CD);

  d.people = g_array_sized_new (FALSE, TRUE, sizeof (Person), people);
  d.households = g_array_new (FALSE, TRUE, sizeof (Household));
  d.branches = g_array_new (FALSE, TRUE, sizeof (Branch));
  d.events = g_array_new (FALSE, FALSE, sizeof (Ev));
  d.segs = g_array_new (FALSE, FALSE, sizeof (Seg));
  d.terms = g_array_new (FALSE, FALSE, sizeof (Term));
  d.officers = g_array_new (FALSE, FALSE, sizeof (Officer));
  d.scratch = g_array_new (FALSE, FALSE, sizeof (guint32));
  d.scratch2 = g_array_new (FALSE, FALSE, sizeof (guint32));

  plan (&d);

  {
    SmtCommuneFields commune = {
      .name = DEMO_COMMUNE, .kind = "xã", .province = DEMO_PROVINCE, .place = DEMO_COMMUNE,
      .signer_title = "CHỦ TỊCH", .signer_name = signer_name (&d, signer, sizeof signer),
    };

    d.reg = smt_setup_new_register (path, &commune, copy_id, "2016-11-01T08:00:00Z", error);
  }
  if (d.reg == NULL)
    {
      demo_clear (&d);
      return FALSE;
    }
  smt_register_set_today (d.reg, SMT_DEMO_UNTIL);
  d.stamped = -1;
  for (int o = 0; o < N_ORGS; o++)
    {
      d.org_keys[o] = smt_organisation_lookup (d.reg, org_rules[o].code);
      g_assert (d.org_keys[o] != 0);
    }
  d.veteran_trait = smt_trait_lookup (d.reg, "CQN");
  d.worker_trait = smt_trait_lookup (d.reg, "NLD");
  g_assert (d.veteran_trait != 0 && d.worker_trait != 0);

  ok = write_all (&d, error);
  if (!ok)
    {
      smt_register_rollback (d.reg);
      g_prefix_error (error, _("The demo commune could not be built, and no file was left "
                               "behind: "));
    }
  demo_clear (&d);  /* closes the register */
  if (!ok)
    {
      remove_register_files (path);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, _("Done"), user_data);
  return TRUE;
}
