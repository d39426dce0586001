/* smt-member-facts.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/organisations/smt-member-spans.h"
#include "core/register/smt-register-private.h"

G_BEGIN_DECLS

/* The facts the member indicators count on, read from the register once
 * per change of its content and kept on it (smt_register_get_cached):
 * organisations, households, people, their current residence rows and
 * their membership spans, with every date as a day number so that
 * comparing two dates is comparing two integers. Names are read only when
 * an explanation needs them. Everything returned is borrowed: valid until
 * the next write to the register. */

/* A day number: days since 01/01/1970 (negative before), so that a < b
 * exactly when the ISO text of a sorts before that of b. */
#define SMT_DAY_NEVER G_MAXINT32  /* an open end, no death, no such date */

typedef struct
{
  gint64    id;
  char     *short_name;
  char     *member_word;
  gboolean  socio_political;
  int       min_age;          /* -1: no bound */
  int       max_age;          /* -1: no bound */
  char      sex;              /* 'M', 'F' or 0 */
  guint     trait;            /* index in trait_ids of the trait its rule asks for;
                               * G_MAXUINT: none */
} SmtFactOrg;

typedef struct
{
  gint64 id;
  gint64 hamlet_id;
} SmtFactHousehold;

typedef struct
{
  gint32   from;              /* first day */
  gint32   household;         /* index in households; -1: left the commune */
  gboolean is_head;
} SmtFactResidence;

typedef struct
{
  gint64 id;
  char   sex;                 /* 'M', 'F' or 0 */
  int    birth_year;
  int    birth_y;             /* the birth date: year, month × 100 + day; birth_md is 0 */
  int    birth_md;            /* when only the year is known */
  gint32 death;               /* day of death; SMT_DAY_NEVER while alive */
  guint  res_first;           /* residence rows, in date order */
  guint  res_n;
  guint  span_first;          /* spans, in the order of the spans array */
  guint  span_n;
} SmtFactPerson;

/* A current record of a person's trait (smt-traits.h), days included. */
typedef struct
{
  gint32 from;                /* first day; G_MININT32: since before the register knows */
  gint32 to;                  /* last day; SMT_DAY_NEVER: still */
  guint  trait;               /* index in trait_ids */
} SmtFactTrait;

typedef struct
{
  gint32 start;               /* first day */
  gint32 end;                 /* last day; SMT_DAY_NEVER while open */
  guint  person;              /* index in persons; G_MAXUINT when there is no such person */
  guint  org;                 /* index in orgs; G_MAXUINT when there is no such organisation */
} SmtFactSpan;

/* An event found in the spans, or a study participation: on a day, of a
 * person (index), ref is the span or the study (index). */
typedef struct
{
  gint32 day;
  guint  person;
  guint  ref;
} SmtFactEvent;

/* The changes of membership, as an office reports them. A membership
 * begins with an admission (typed, or read from a list: imported) or a
 * transfer in and ends with one of the last
 * four (smt-member-spans.h makes that so even for events of one day);
 * transfers, restructures and going away happen inside one. */
typedef enum
{
  SMT_FACT_ADMITTED,          /* kết nạp mới: spans opened by admitted */
  SMT_FACT_IMPORTED,          /* nhập từ danh sách: spans opened by an admission an import
                               * wrote (the list's members, not new admissions) */
  SMT_FACT_TRANSFERRED_IN,    /* chuyển đến from outside the commune */
  SMT_FACT_TRANSFERRED,       /* chuyển sinh hoạt trong xã: spans opened by a transfer that
                               * no restructure wrote */
  SMT_FACT_RESTRUCTURED,      /* sắp xếp lại: spans opened by a restructure's transfer */
  SMT_FACT_AWAY,              /* spans opened by going away */
  SMT_FACT_TRANSFERRED_OUT,   /* chuyển đi out of the commune; this and the next two are
                               * the spans closed, day the event's (the span's end + 1) */
  SMT_FACT_LEFT,              /* ra khỏi tổ chức, xóa tên: left or removed */
  SMT_FACT_DECEASED,          /* từ trần */
  SMT_N_FACT_FLOWS
} SmtFactFlow;

typedef struct
{
  GArray       *orgs;         /* SmtFactOrg, by position */
  GArray       *households;   /* SmtFactHousehold, by id */
  GArray       *persons;      /* SmtFactPerson, by id */
  GArray       *residences;   /* SmtFactResidence, grouped by person */
  GArray       *spans;        /* SmtMemberSpan of all organisations (a reference) */
  GArray       *trait_ids;    /* gint64: the traits, by id */
  GArray       *person_traits;  /* SmtFactTrait, grouped by person, each person's by
                                 * trait then start */
  guint        *trait_first;  /* by person index, n_persons + 1 of them: a person's
                               * records are person_traits[trait_first[i] ..
                               * trait_first[i + 1]) (outside SmtFactPerson, which the
                               * sweep reads for everyone) */
  SmtFactSpan  *span_facts;   /* one for each of spans */
  GArray       *flows[SMT_N_FACT_FLOWS];  /* SmtFactEvent (ref: span), by day */
} SmtMemberFacts;

/* Whether the flow closes memberships (its events fall on the day after
 * the span's end). */
#define SMT_FACT_FLOW_CLOSES(flow) ((flow) >= SMT_FACT_TRANSFERRED_OUT)

/* The flow a span opens, and the one it closes; SMT_N_FACT_FLOWS when
 * none (a span opened by back, or closed by a transfer, away or back, or
 * still open). */
SmtFactFlow       smt_member_facts_start_flow  (const SmtMemberSpan  *span);
SmtFactFlow       smt_member_facts_end_flow    (const SmtMemberSpan  *span);

typedef struct
{
  gint64 id;
  gint64 organisation_id;         /* 0: for everyone */
  gint64 branch_organisation_id;  /* the organisation of its branch; 0: no branch */
  gint64 branch_id;               /* 0: no branch */
  gint32 day;
  guint  counted;                 /* the participants entered as a number when not all of
                                   * them are named (none named, or fewer than counted);
                                   * 0 when the list names them all */
} SmtFactStudy;

typedef struct
{
  gint64 id;
  gint64 parent_id;               /* the chi hội of a tổ hội, else 0 */
  gint64 organisation_id;
} SmtFactBranch;

typedef struct
{
  GArray *studies;            /* SmtFactStudy, current ones only, by id */
  GArray *by_day;             /* guint: indices of studies, by day, then id */
  GArray *participations;     /* SmtFactEvent (ref: study), by day, then study id */
  GArray *branches;           /* SmtFactBranch, by id */
  guint  *branch_parent;      /* by branch index: the index of its chi hội, G_MAXUINT */
  guint  *span_branch;        /* by span of the facts: the index of its branch, G_MAXUINT */
} SmtMemberStudies;

typedef struct
{
  char      **person_names;   /* by person index: "Họ Chữ-lót Tên" */
  GHashTable *hamlets;        /* id → name */
  GHashTable *branches;       /* id → name */
  GHashTable *addresses;      /* household id → address */
  GHashTable *subjects;       /* study id → subject */
} SmtMemberNames;

SmtMemberFacts   *smt_member_facts_get         (SmtRegister          *reg,
                                                GError              **error);
/* The study participations, read on first use. */
SmtMemberStudies *smt_member_facts_get_studies (SmtRegister          *reg,
                                                SmtMemberFacts       *facts,
                                                GError              **error);
/* A branch of the studies' facts, NULL when there is none of that id. */
const SmtFactBranch *smt_member_studies_branch (SmtMemberStudies     *studies,
                                                gint64                id);
/* The names, read on first use. */
SmtMemberNames   *smt_member_facts_get_names   (SmtRegister          *reg,
                                                SmtMemberFacts       *facts,
                                                GError              **error);

/* Whether the person (an index in persons) has the trait (an index in
 * trait_ids) on the day. */
gboolean          smt_member_facts_has_trait   (SmtMemberFacts       *facts,
                                                guint                 person,
                                                guint                 trait,
                                                gint32                day);

/* The index of the organisation, or G_MAXUINT. */
guint             smt_member_facts_org_index   (SmtMemberFacts       *facts,
                                                gint64                id);

/* The day of an ISO date, SMT_DAY_NEVER when the text is no date. */
gint32            smt_member_facts_day         (const char           *iso);
/* The ISO text of a day. */
char             *smt_member_facts_iso         (gint32                day);
/* The year and month × 100 + day of a day. */
void              smt_member_facts_split_day   (gint32                day,
                                                int                  *year,
                                                int                  *month_day);
/* The age on the day, as smt_date_age_on () counts it; _age takes the
 * day split. */
int               smt_member_facts_age_on      (const SmtFactPerson  *person,
                                                gint32                day);
int               smt_member_facts_age         (const SmtFactPerson  *person,
                                                int                   year,
                                                int                   month_day);
/* The first day on which the person is age years old. */
gint32            smt_member_facts_age_day     (const SmtFactPerson  *person,
                                                int                   age);
/* The first event of the array on or after the day (its length when
 * none). */
guint             smt_member_facts_find_day    (GArray               *events,
                                                gint32                day);

G_END_DECLS
