/* smt-import-plan.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "core/register/smt-register.h"
#include "smt-import-row.h"

G_BEGIN_DECLS

/* The register side of an import: the rows of a member list (smt-import-row.h)
 * checked against the register, one decision per row, the households
 * proposed, a summary, and then everything written in one transaction as
 * one batch (schema 004, smt-import-batch.h undoes it).
 *
 * Per row the plan finds the hamlet (by name: NFC, then folded, then
 * without "ấp", "thôn", "khu phố" … in front), the branch (the one given
 * for the whole list, the row's branch by name, or the organisation's
 * branch serving the row's hamlet), the admission date (the row's, 1
 * January of the row's year of joining, or the list's default date), and
 * the person: a person of the register with the same CCCD, or the same
 * folded name, year of birth and hamlet, is a likely duplicate; a row
 * that repeats an earlier row of the same list is one too. A row whose
 * person is already a member of the organisation on its date adds
 * nothing (a status, not a problem): so importing the same list twice
 * adds nobody the second time. */

typedef struct _SmtImportPlan SmtImportPlan;

typedef enum
{
  SMT_IMPORT_AUTO,         /* what the plan proposes */
  SMT_IMPORT_SKIP,         /* write nothing for this row */
  SMT_IMPORT_SAME_PERSON,  /* the row is a person of the register (person_id): add the
                            * membership to them */
  SMT_IMPORT_NEW_PERSON,   /* a new person, even though one looks alike */
} SmtImportDecision;

typedef enum
{
  SMT_IMPORT_STATUS_NEW_PERSON,      /* a new person and their membership */
  SMT_IMPORT_STATUS_NEW_MEMBERSHIP,  /* a membership of a person of the register */
  SMT_IMPORT_STATUS_ALREADY_MEMBER,  /* a member on that date already: nothing to do */
  SMT_IMPORT_STATUS_SKIPPED,
  SMT_IMPORT_STATUS_UNDECIDED,       /* a problem needs a decision first */
} SmtImportStatus;

typedef enum
{
  SMT_IMPORT_PROBLEM_READING,        /* found while reading the sheet (row->problems) */
  SMT_IMPORT_PROBLEM_NAME,           /* no name */
  SMT_IMPORT_PROBLEM_BIRTH_YEAR,     /* no or an impossible year of birth */
  SMT_IMPORT_PROBLEM_SEX,            /* the list does not say Nam or Nữ */
  SMT_IMPORT_PROBLEM_DATE,           /* no, a bad or an impossible admission date */
  SMT_IMPORT_PROBLEM_HAMLET,         /* a hamlet the register does not have */
  SMT_IMPORT_PROBLEM_BRANCH,         /* no branch found, or several */
  SMT_IMPORT_PROBLEM_CCCD,           /* not 12 digits: written without it */
  SMT_IMPORT_PROBLEM_PHONE,          /* not a phone number: written without it */
  SMT_IMPORT_PROBLEM_DUPLICATE,      /* looks like a person of the register */
  SMT_IMPORT_PROBLEM_DUPLICATE_ROW,  /* repeats an earlier row of the list */
  SMT_IMPORT_PROBLEM_HISTORY,        /* the person's history in the organisation forbids it */
  SMT_IMPORT_PROBLEM_ELIGIBILITY,    /* outside the organisation's rule: written with an
                                      * exception note */
  SMT_N_IMPORT_PROBLEMS
} SmtImportProblemCode;

typedef struct
{
  SmtImportProblemCode  code;
  gboolean              blocking;  /* keeps the row undecided (under the decision it has) */
  char                 *message;   /* translated */
} SmtImportProblem;

/* One row as planned. Borrowed from the plan. */
typedef struct
{
  SmtImportRow       *row;
  guint               index;            /* in the list, from 0 */
  char               *ho, *chu_lot, *ten;
  gint64              hamlet_id;        /* 0: unknown */
  gint64              branch_id;        /* 0: unknown */
  char               *admitted_on;      /* the date written; NULL: unknown */
  char                sex;              /* 'M', 'F', 0 */
  gint64              candidate_id;     /* the person of the register it looks like (the
                                         * first when several) */
  guint               n_candidates;
  guint               repeats_row;      /* the earlier row (index + 1) it repeats; 0: none */
  SmtImportDecision   decision;
  gint64              person_id;        /* the person written to (SAME_PERSON, or matched) */
  SmtImportStatus     status;
  GPtrArray          *problems;         /* SmtImportProblem */
  guint               household;        /* index of the proposed household; G_MAXUINT */
  gboolean            head;             /* heads that household */
  char               *exception_note;   /* written on the admission, or NULL */
  /*< private >*/
  GPtrArray          *set_aside;        /* problems that do not apply under the status */
} SmtImportPlanRow;

typedef struct
{
  guint rows_read;
  guint new_persons;       /* to add as new persons (each with a membership) */
  guint new_memberships;   /* to add as memberships of persons of the register */
  guint already_members;   /* nothing to do */
  guint skipped;
  guint households;        /* households to create */
  guint undecided;
  guint problems[SMT_N_IMPORT_PROBLEMS];  /* rows with a problem of each code */
} SmtImportSummary;

typedef struct
{
  const char *organisation;   /* its code: "PN" */
  gint64      branch_id;      /* 0: found per row */
  const char *admitted_on;    /* YYYY-MM-DD for rows without a date; NULL: none */
  char        default_sex;    /* 'M', 'F' for rows that do not say; 0: a problem (a single-sex
                               * organisation's sex is used without asking) */
  const char *file_name;      /* for the batch record */
  const char *file_sha256;
  const char *sheet;
} SmtImportPlanOptions;

SmtImportPlan *smt_import_plan_new        (SmtRegister                *reg,
                                           const SmtImportPlanOptions *options,
                                           GPtrArray                  *rows,
                                           GCancellable               *cancellable,
                                           GError                    **error);
void           smt_import_plan_free       (SmtImportPlan              *plan);

guint          smt_import_plan_get_n_rows (SmtImportPlan              *plan);
const SmtImportPlanRow *
               smt_import_plan_get_row    (SmtImportPlan              *plan,
                                           guint                       index);
/* Decides a row (index in the list); person_id only for SAME_PERSON. FALSE
 * with error for a person that does not exist. The row's status, the
 * households and the summary follow. */
gboolean       smt_import_plan_decide     (SmtImportPlan              *plan,
                                           guint                       index,
                                           SmtImportDecision           decision,
                                           gint64                      person_id,
                                           GError                    **error);
guint          smt_import_plan_n_undecided (SmtImportPlan             *plan);
void           smt_import_plan_get_summary (SmtImportPlan             *plan,
                                            SmtImportSummary          *summary);

/* "reading", "name", … "eligibility": the keys of `--json`. */
const char    *smt_import_problem_code_to_string (SmtImportProblemCode code);
/* "new_person", "new_membership", "already_member", "skipped", "undecided". */
const char    *smt_import_status_to_string       (SmtImportStatus      status);
const char    *smt_import_status_label           (SmtImportStatus      status);

typedef void (*SmtImportProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* Writes the plan as one batch in one transaction: refused while rows are
 * undecided (the error says how many and how to decide them); cancelled
 * (G_IO_ERROR_CANCELLED) or failed, the register is left as it was.
 * batch_id (nullable) receives the batch's key; a plan that adds nobody
 * (every row already a member or skipped) writes nothing and gives 0. */
gboolean       smt_import_plan_apply      (SmtImportPlan              *plan,
                                           GCancellable               *cancellable,
                                           SmtImportProgress           progress,
                                           gpointer                    user_data,
                                           gint64                     *batch_id,
                                           GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtImportPlan, smt_import_plan_free)

G_END_DECLS
