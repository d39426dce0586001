/* smt-import-plan.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/organisations/smt-membership.h"
#include "core/organisations/smt-organisations.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-import-plan.h"

/* How the plan reads a list (see smt-import-plan.h), and how it writes it:
 *
 * - A new person lives from their admission date in a household of their
 *   hamlet (the import knows nothing earlier about them, and a member must
 *   live in the hamlets of their branch on the day they are admitted):
 *   rows of new persons of one hamlet with the same address and the same
 *   họ form one household, headed by the first of them; a row without an
 *   address has a household of its own. The household is formed on the
 *   earliest date of its people.
 * - An admission whose date comes before the branch was founded is
 *   written on the founding day (the member belonged to the organisation
 *   before; in this register they belong to the branch since it exists).
 * - A person outside the organisation's rule of age, sex or trait on the
 *   day is admitted all the same, with an exception note: the list is
 *   what the organisation already has.
 * - Nothing of an import goes to the change log: every row it writes
 *   names its batch, which is the record (smt-import-batch.h). */

enum
{
  BLOCKS_NEW  = 1 << 0,   /* no new person can be written */
  BLOCKS_ANY  = 1 << 1,   /* nothing can be written */
  BLOCKS_AUTO = 1 << 2,   /* needs a decision: the plan cannot choose alone */
  TRANSIENT   = 1 << 3,   /* found for the decision taken; found again on the next */
  ALIKE       = 1 << 4,   /* looks like someone: no problem when that person is a member
                           * on the date already (the row adds nothing) */
};

typedef struct
{
  SmtImportProblem pub;
  guint            flags;
} Problem;

typedef struct
{
  gint64  hamlet_id;
  char   *address;
  char   *formed_on;
  guint   head_row;
} Household;

typedef struct
{
  gint64  id;
  char   *name;
  char   *folded;
  char   *stripped;
} Hamlet;

typedef struct
{
  gint64  id;
  char   *name;
  char   *folded;
  gint64  parent_id;
  char   *founded_on;
  char   *dissolved_on;
  GArray *hamlets;        /* gint64 */
} Branch;

struct _SmtImportPlan
{
  SmtRegister *reg;
  gint64       organisation_id;
  char        *organisation;      /* short name, for messages */
  char         org_sex;
  int          min_age, max_age;
  char        *trait;             /* the trait its rule asks for, or NULL */
  gint64       trait_id;
  gint64       branch_id;
  char        *default_date;
  char         default_sex;
  char        *file_name, *file_sha256, *sheet;
  GPtrArray   *rows;              /* SmtImportPlanRow */
  GPtrArray   *households;        /* Household */
  GPtrArray   *hamlets;           /* Hamlet */
  GPtrArray   *branches;          /* Branch */
  GHashTable  *by_key;            /* "folded\x1fyear\x1fhamlet" → GArray of gint64 */
  GHashTable  *by_cccd;           /* cccd → gint64 * */
  gboolean     stale;             /* decided since finish () last ran: run it before reading */
  guint       *household_keys;    /* per row, its household's key (household_keys ()) */
  guint        n_household_keys;
  GPtrArray   *addresses;         /* per row, its address normalized, or NULL */
};

static const char *problem_names[SMT_N_IMPORT_PROBLEMS] = {
  "reading", "name", "birth_year", "sex", "date", "hamlet", "branch", "cccd", "phone",
  "duplicate", "duplicate_row", "history", "eligibility",
};

static const char *status_names[] = {
  "new_person", "new_membership", "already_member", "skipped", "undecided",
};

const char *
smt_import_problem_code_to_string (SmtImportProblemCode code)
{
  g_return_val_if_fail ((guint) code < SMT_N_IMPORT_PROBLEMS, NULL);
  return problem_names[code];
}

const char *
smt_import_status_to_string (SmtImportStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

const char *
smt_import_status_label (SmtImportStatus status)
{
  static const char *labels[] = {
    N_("new person"), N_("new membership"), N_("already a member"), N_("skipped"),
    N_("to decide"),
  };

  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (labels), NULL);
  return _(labels[status]);
}

/* ---- memory ------------------------------------------------------------------ */

static void
problem_free (gpointer data)
{
  Problem *p = data;

  g_free (p->pub.message);
  g_free (p);
}

static void
plan_row_free (gpointer data)
{
  SmtImportPlanRow *r = data;

  smt_import_row_free (r->row);
  g_free (r->ho);
  g_free (r->chu_lot);
  g_free (r->ten);
  g_free (r->admitted_on);
  g_free (r->exception_note);
  g_ptr_array_unref (r->problems);
  g_ptr_array_unref (r->set_aside);
  g_free (r);
}

static void
household_free (gpointer data)
{
  Household *h = data;

  g_free (h->address);
  g_free (h->formed_on);
  g_free (h);
}

static void
hamlet_free (gpointer data)
{
  Hamlet *h = data;

  g_free (h->name);
  g_free (h->folded);
  g_free (h->stripped);
  g_free (h);
}

static void
branch_free (gpointer data)
{
  Branch *b = data;

  g_free (b->name);
  g_free (b->folded);
  g_free (b->founded_on);
  g_free (b->dissolved_on);
  g_array_unref (b->hamlets);
  g_free (b);
}

void
smt_import_plan_free (SmtImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_object (&plan->reg);
  g_free (plan->organisation);
  g_free (plan->trait);
  g_free (plan->default_date);
  g_free (plan->file_name);
  g_free (plan->file_sha256);
  g_free (plan->sheet);
  g_clear_pointer (&plan->rows, g_ptr_array_unref);
  g_clear_pointer (&plan->households, g_ptr_array_unref);
  g_clear_pointer (&plan->hamlets, g_ptr_array_unref);
  g_clear_pointer (&plan->branches, g_ptr_array_unref);
  g_clear_pointer (&plan->by_key, g_hash_table_unref);
  g_clear_pointer (&plan->by_cccd, g_hash_table_unref);
  g_free (plan->household_keys);
  g_clear_pointer (&plan->addresses, g_ptr_array_unref);
  g_free (plan);
}

G_GNUC_PRINTF (4, 5)
static void
add_problem (SmtImportPlanRow     *r,
             SmtImportProblemCode  code,
             guint                 flags,
             const char           *format,
             ...)
{
  Problem *p = g_new0 (Problem, 1);
  va_list args;

  p->pub.code = code;
  p->flags = flags;
  va_start (args, format);
  p->pub.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->problems, p);
}

/* ---- names of places ------------------------------------------------------- */

/* The folded name without the word for its kind in front: "ap tan hoa" →
 * "tan hoa"; "khu pho 3" → "3". */
static char *
strip_kind (const char *folded)
{
  static const char *kinds[] = {
    "to dan pho ", "khu pho ", "khu vuc ", "ap ", "thon ", "ban ", "buon ", "lang ", "soc ",
    "kp ", "tdp ", "kv ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (folded, kinds[i]))
      return g_strdup (folded + strlen (kinds[i]));
  return g_strdup (folded);
}

static gboolean
load_places (SmtImportPlan  *plan,
             GError        **error)
{
  sqlite3_stmt *stmt;

  plan->hamlets = g_ptr_array_new_with_free_func (hamlet_free);
  stmt = smt_register_prepare (plan->reg, "SELECT id, name FROM hamlet ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Hamlet *h = g_new0 (Hamlet, 1);

      h->id = sqlite3_column_int64 (stmt, 0);
      h->name = smt_column_text (stmt, 1);
      h->folded = smt_text_fold (h->name);
      h->stripped = strip_kind (h->folded);
      g_ptr_array_add (plan->hamlets, h);
    }
  sqlite3_reset (stmt);

  plan->branches = g_ptr_array_new_with_free_func (branch_free);
  stmt = smt_register_prepare (plan->reg,
      "SELECT id, name, coalesce (parent_id, 0), founded_on, dissolved_on FROM branch "
      "WHERE organisation_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->organisation_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Branch *b = g_new0 (Branch, 1);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->name = smt_column_text (stmt, 1);
      b->folded = smt_text_fold (b->name);
      b->parent_id = sqlite3_column_int64 (stmt, 2);
      b->founded_on = smt_column_dup (stmt, 3);
      b->dissolved_on = smt_column_dup (stmt, 4);
      b->hamlets = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (plan->branches, b);
    }
  sqlite3_reset (stmt);
  stmt = smt_register_prepare (plan->reg, "SELECT branch_id, hamlet_id FROM branch_hamlet",
                               error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < plan->branches->len; i++)
      {
        Branch *b = g_ptr_array_index (plan->branches, i);

        if (b->id == sqlite3_column_int64 (stmt, 0))
          {
            gint64 hamlet = sqlite3_column_int64 (stmt, 1);

            g_array_append_val (b->hamlets, hamlet);
          }
      }
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
find_hamlet (SmtImportPlan *plan,
             const char    *name)
{
  g_autofree char *folded = smt_text_fold (name);
  g_autofree char *stripped = strip_kind (folded);
  gint64 found = 0;
  guint n = 0;

  for (guint i = 0; i < plan->hamlets->len; i++)
    if (strcmp (((Hamlet *) g_ptr_array_index (plan->hamlets, i))->name, name) == 0)
      return ((Hamlet *) g_ptr_array_index (plan->hamlets, i))->id;
  for (guint pass = 0; pass < 2 && n == 0; pass++)
    for (guint i = 0; i < plan->hamlets->len; i++)
      {
        Hamlet *h = g_ptr_array_index (plan->hamlets, i);

        if (strcmp (pass == 0 ? h->folded : h->stripped, pass == 0 ? folded : stripped) == 0)
          {
            found = h->id;
            n++;
          }
      }
  return n == 1 ? found : 0;
}

static Branch *
branch_by_id (SmtImportPlan *plan,
              gint64         id)
{
  for (guint i = 0; i < plan->branches->len; i++)
    if (((Branch *) g_ptr_array_index (plan->branches, i))->id == id)
      return g_ptr_array_index (plan->branches, i);
  return NULL;
}

static gboolean
branch_serves (const Branch *b,
               gint64        hamlet_id)
{
  for (guint i = 0; i < b->hamlets->len; i++)
    if (g_array_index (b->hamlets, gint64, i) == hamlet_id)
      return TRUE;
  return FALSE;
}

/* The branch named (folded equal, or the branch's name ends with it:
 * "Tân Hòa" for "Chi hội Phụ nữ ấp Tân Hòa"), the only one found. */
static gint64
branch_by_name (SmtImportPlan *plan,
                const char    *name)
{
  g_autofree char *folded = smt_text_fold (name);
  g_autofree char *tail = g_strconcat (" ", folded, NULL);
  gint64 found = 0;
  guint n = 0;

  for (guint pass = 0; pass < 2 && n == 0; pass++)
    for (guint i = 0; i < plan->branches->len; i++)
      {
        Branch *b = g_ptr_array_index (plan->branches, i);

        if (pass == 0 ? strcmp (b->folded, folded) == 0 : g_str_has_suffix (b->folded, tail))
          {
            found = b->id;
            n++;
          }
      }
  return n == 1 ? found : 0;
}

/* The branch of the organisation serving the hamlet on the date: a chi hội
 * or chi đoàn before a tổ hội; 0 when none or several (n says how many). */
static gint64
branch_of_hamlet (SmtImportPlan *plan,
                  gint64         hamlet_id,
                  const char    *date,
                  guint         *n)
{
  gint64 found = 0;

  *n = 0;
  for (guint top = 0; top < 2 && *n == 0; top++)
    for (guint i = 0; i < plan->branches->len; i++)
      {
        Branch *b = g_ptr_array_index (plan->branches, i);

        if ((top == 0) != (b->parent_id == 0) || !branch_serves (b, hamlet_id)
            || (b->dissolved_on != NULL && date != NULL && strcmp (b->dissolved_on, date) < 0))
          continue;
        found = b->id;
        (*n)++;
      }
  return *n == 1 ? found : 0;
}

/* ---- the people of the register ---------------------------------------------- */

static char *
match_key (const char *folded,
           int         birth_year,
           gint64      hamlet_id)
{
  return g_strdup_printf ("%s\x1f%d\x1f%" G_GINT64_FORMAT, folded, birth_year, hamlet_id);
}

static gboolean
load_people (SmtImportPlan  *plan,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  plan->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  plan->by_cccd = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* The hamlet of the person's latest current residence. */
  stmt = smt_register_prepare (plan->reg,
      "SELECT p.id, p.folded, p.birth_year, p.cccd, "
      " (SELECT h.hamlet_id FROM residence r LEFT JOIN household h ON h.id = r.household_id "
      "  WHERE r.person_id = p.id AND r.voided = 0 "
      "  AND NOT EXISTS (SELECT 1 FROM residence s WHERE s.supersedes = r.id) "
      "  ORDER BY r.from_date DESC, r.id DESC LIMIT 1) "
      "FROM person p", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      char *key = match_key ((const char *) sqlite3_column_text (stmt, 1),
                             sqlite3_column_int (stmt, 2), sqlite3_column_int64 (stmt, 4));
      GArray *ids = g_hash_table_lookup (plan->by_key, key);

      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (plan->by_key, key, ids);
        }
      else
        g_free (key);
      g_array_append_val (ids, id);
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        g_hash_table_insert (plan->by_cccd, smt_column_text (stmt, 3),
                             g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (plan->reg, error);
  return TRUE;
}

/* ---- one row ------------------------------------------------------------------- */

static char *
digits_of (const char *text,
           gboolean   *only_digits)
{
  GString *out = g_string_new (NULL);

  *only_digits = TRUE;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (out, *p);
      else if (*p != ' ' && *p != '.' && *p != '-')
        *only_digits = FALSE;
    }
  return g_string_free (out, FALSE);
}

/* The row's phone as the register stores it, or NULL. */
static char *
clean_phone (const char *phone)
{
  gboolean only_digits;
  const char *p = phone[0] == '+' ? phone + 1 : phone;
  g_autofree char *digits = digits_of (p, &only_digits);
  gsize n = strlen (digits);

  if (!only_digits || n < 9 || n > 12)
    return NULL;
  return phone[0] == '+' ? g_strconcat ("+", digits, NULL) : g_steal_pointer (&digits);
}

static char *
clean_cccd (const char *cccd)
{
  gboolean only_digits;
  g_autofree char *digits = digits_of (cccd, &only_digits);

  return only_digits && strlen (digits) == 12 ? g_steal_pointer (&digits) : NULL;
}

static void
split_name (SmtImportPlanRow *r)
{
  const SmtImportRow *row = r->row;

  if (row->ten != NULL && row->ten[0] != '\0')
    {
      g_autofree char *ten = smt_text_normalize (row->ten);
      g_autofree char *lot = smt_text_normalize (row->chu_lot ? row->chu_lot : "");
      char *space = ten != NULL ? strrchr (ten, ' ') : NULL;

      r->ho = smt_text_normalize (row->ho ? row->ho : "");
      if (space != NULL)
        {
          /* A tên is one word: the others belong to the chữ lót. */
          *space = '\0';
          r->chu_lot = lot != NULL && *lot ? g_strjoin (" ", lot, ten, NULL) : g_strdup (ten);
          r->ten = g_strdup (space + 1);
        }
      else
        {
          r->chu_lot = g_strdup (lot != NULL ? lot : "");
          r->ten = g_strdup (ten != NULL ? ten : "");
        }
    }
  else if (row->full_name != NULL)
    {
      g_autofree char *full = smt_text_normalize (row->full_name);

      smt_text_split_name (full != NULL ? full : "", &r->ho, &r->chu_lot, &r->ten);
    }
  if (r->ho == NULL)
    r->ho = g_strdup ("");
  if (r->chu_lot == NULL)
    r->chu_lot = g_strdup ("");
  if (r->ten == NULL)
    r->ten = g_strdup ("");
}

static char *
row_folded (const SmtImportPlanRow *r)
{
  g_autofree char *full = g_strjoin (" ", r->ho, r->chu_lot, r->ten, NULL);
  g_autofree char *collapsed = smt_text_normalize (full);

  return smt_text_fold (collapsed != NULL ? collapsed : "");
}

static int
birth_year_of (const SmtImportPlanRow *r)
{
  if (r->row->birth_year > 0)
    return r->row->birth_year;
  if (r->row->birth_date != NULL && smt_date_is_valid (r->row->birth_date))
    return atoi (r->row->birth_date);
  return 0;
}

/* What can be known of the row alone and against the register's places and
 * people; the decision comes later (resolve). */
static void
analyse (SmtImportPlan    *plan,
         SmtImportPlanRow *r,
         GHashTable       *seen)
{
  const SmtImportRow *row = r->row;
  const char *today = smt_register_get_today (plan->reg);
  int this_year = atoi (today);
  int year;
  guint n;

  for (guint i = 0; i < row->problems->len; i++)
    add_problem (r, SMT_IMPORT_PROBLEM_READING, 0, "%s",
                 (const char *) g_ptr_array_index (row->problems, i));

  split_name (r);
  if (*r->ho == '\0' || *r->ten == '\0')
    add_problem (r, SMT_IMPORT_PROBLEM_NAME, BLOCKS_NEW,
                 _("The row has no full name (họ and tên). Complete it in the list, or skip "
                   "the row."));

  year = birth_year_of (r);
  if (year == 0)
    add_problem (r, SMT_IMPORT_PROBLEM_BIRTH_YEAR, BLOCKS_NEW,
                 _("The row has no year of birth, which a new person needs. Complete it in "
                   "the list, choose the person it is, or skip the row."));
  else if (year < 1900 || year > this_year)
    add_problem (r, SMT_IMPORT_PROBLEM_BIRTH_YEAR, BLOCKS_NEW,
                 _("The year of birth %d is not possible. Correct it in the list, or skip "
                   "the row."), year);
  else if (row->birth_date != NULL && row->birth_year > 0 && atoi (row->birth_date) != year)
    add_problem (r, SMT_IMPORT_PROBLEM_BIRTH_YEAR, 0,
                 _("The date of birth and the year of birth (%d) disagree: only the year is "
                   "written."), year);

  r->sex = row->sex == 'M' || row->sex == 'F' ? row->sex
           : plan->org_sex != 0 ? plan->org_sex : plan->default_sex;
  if (r->sex == 0)
    add_problem (r, SMT_IMPORT_PROBLEM_SEX, BLOCKS_NEW,
                 _("The list does not say whether this person is Nam or Nữ. Add the column, "
                   "give a sex for the rows that do not say, or skip the row."));

  /* The hamlet. */
  if (row->hamlet != NULL && *row->hamlet != '\0')
    {
      r->hamlet_id = find_hamlet (plan, row->hamlet);
      if (r->hamlet_id == 0)
        add_problem (r, SMT_IMPORT_PROBLEM_HAMLET, BLOCKS_NEW,
                     _("The register has no hamlet called “%s”. Add it, correct the name in "
                       "the list, or skip the row."), row->hamlet);
    }
  else if (plan->branch_id != 0 && branch_by_id (plan, plan->branch_id)->hamlets->len == 1)
    r->hamlet_id = g_array_index (branch_by_id (plan, plan->branch_id)->hamlets, gint64, 0);
  else
    add_problem (r, SMT_IMPORT_PROBLEM_HAMLET, BLOCKS_NEW,
                 _("The row does not say in which hamlet the person lives. Add the hamlet "
                   "column, choose one branch for the whole list, or skip the row."));

  /* The date. */
  if (row->joined_on != NULL)
    {
      if (smt_date_is_valid (row->joined_on))
        r->admitted_on = g_strdup (row->joined_on);
    }
  else if (row->joined_year > 0)
    r->admitted_on = g_strdup_printf ("%04d-01-01", row->joined_year);
  if (r->admitted_on == NULL && plan->default_date != NULL)
    r->admitted_on = g_strdup (plan->default_date);
  if (r->admitted_on == NULL)
    add_problem (r, SMT_IMPORT_PROBLEM_DATE, BLOCKS_ANY,
                 _("The row has no admission date. Give a date for the rows without one, or "
                   "skip the row."));
  else if (strcmp (r->admitted_on, today) > 0)
    {
      g_autofree char *shown = smt_date_to_display (r->admitted_on);

      add_problem (r, SMT_IMPORT_PROBLEM_DATE, BLOCKS_ANY,
                   _("The admission date %s is in the future. Correct it in the list, or skip "
                     "the row."), shown);
    }
  else if (year > 0 && atoi (r->admitted_on) < year)
    {
      g_autofree char *shown = smt_date_to_display (r->admitted_on);

      add_problem (r, SMT_IMPORT_PROBLEM_DATE, BLOCKS_NEW,
                   _("The admission date %s comes before the year of birth %d. Correct one "
                     "of them in the list, or skip the row."), shown, year);
    }
  else if (row->joined_on == NULL && row->joined_year > 0)
    add_problem (r, SMT_IMPORT_PROBLEM_DATE, 0,
                 _("Only the year of joining is known: the admission is dated 01/01/%d."),
                 row->joined_year);

  /* The branch. */
  if (plan->branch_id != 0)
    r->branch_id = plan->branch_id;
  else if (row->branch != NULL && *row->branch != '\0')
    {
      r->branch_id = branch_by_name (plan, row->branch);
      if (r->branch_id == 0)
        add_problem (r, SMT_IMPORT_PROBLEM_BRANCH, BLOCKS_ANY,
                     _("%s has no branch called “%s”. Correct the name, choose the branch "
                       "for the whole list, or skip the row."), plan->organisation, row->branch);
    }
  else if (r->hamlet_id != 0)
    {
      r->branch_id = branch_of_hamlet (plan, r->hamlet_id, r->admitted_on, &n);
      if (n == 0)
        add_problem (r, SMT_IMPORT_PROBLEM_BRANCH, BLOCKS_ANY,
                     _("No branch of %s serves the hamlet of this row. Add the branch, "
                       "choose one for the whole list, or skip the row."), plan->organisation);
      else if (n > 1)
        add_problem (r, SMT_IMPORT_PROBLEM_BRANCH, BLOCKS_ANY,
                     _("Several branches of %s serve the hamlet of this row. Choose the "
                       "branch for the whole list, or skip the row."), plan->organisation);
    }
  else
    add_problem (r, SMT_IMPORT_PROBLEM_BRANCH, BLOCKS_ANY,
                 _("Without the hamlet the branch is not known. Choose the branch for the "
                   "whole list, or skip the row."));
  if (r->branch_id != 0 && r->admitted_on != NULL)
    {
      Branch *b = branch_by_id (plan, r->branch_id);

      if (b->dissolved_on != NULL && strcmp (b->dissolved_on, r->admitted_on) < 0)
        {
          g_autofree char *shown = smt_date_to_display (b->dissolved_on);

          add_problem (r, SMT_IMPORT_PROBLEM_BRANCH, BLOCKS_ANY,
                       _("The branch “%s” was dissolved on %s, before the admission date. "
                         "Choose another branch, or skip the row."), b->name, shown);
        }
      else if (b->founded_on != NULL && strcmp (b->founded_on, r->admitted_on) > 0)
        {
          g_autofree char *shown = smt_date_to_display (b->founded_on);

          add_problem (r, SMT_IMPORT_PROBLEM_DATE, 0,
                       _("The branch “%s” was founded on %s, after the admission date: the "
                         "membership is written from that day."), b->name, shown);
          g_free (r->admitted_on);
          r->admitted_on = g_strdup (b->founded_on);
        }
    }

  /* Personal data that cannot be written is left out, with a word. */
  if (row->cccd != NULL && *row->cccd != '\0')
    {
      g_autofree char *cccd = clean_cccd (row->cccd);

      if (cccd == NULL)
        add_problem (r, SMT_IMPORT_PROBLEM_CCCD, 0,
                     _("The CCCD number “%s” does not have 12 digits: it is left out."),
                     row->cccd);
    }
  if (row->phone != NULL && *row->phone != '\0')
    {
      g_autofree char *phone = clean_phone (row->phone);

      if (phone == NULL)
        add_problem (r, SMT_IMPORT_PROBLEM_PHONE, 0,
                     _("“%s” is not a phone number: it is left out."), row->phone);
    }

  /* Alike: a person of the register, an earlier row of the list. */
  {
    g_autofree char *folded = row_folded (r);
    g_autofree char *key = match_key (folded, year, r->hamlet_id);
    g_autofree char *cccd = row->cccd != NULL ? clean_cccd (row->cccd) : NULL;
    GArray *ids = year > 0 && r->hamlet_id != 0 && *r->ten != '\0'
                  ? g_hash_table_lookup (plan->by_key, key) : NULL;
    gint64 *by_cccd = cccd != NULL ? g_hash_table_lookup (plan->by_cccd, cccd) : NULL;
    gpointer earlier;

    if (by_cccd != NULL)
      {
        r->candidate_id = *by_cccd;
        r->n_candidates = 1;
      }
    for (guint i = 0; ids != NULL && i < ids->len; i++)
      if (g_array_index (ids, gint64, i) != r->candidate_id)
        {
          if (r->candidate_id == 0)
            r->candidate_id = g_array_index (ids, gint64, i);
          r->n_candidates++;
        }
    if (r->n_candidates > 0)
      {
        g_autofree char *name = smt_register_person_name (plan->reg, r->candidate_id);
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, r->candidate_id);

        if (by_cccd != NULL)
          add_problem (r, SMT_IMPORT_PROBLEM_DUPLICATE, BLOCKS_AUTO | ALIKE,
                       _("The register already has the CCCD number %s, for %s (key %s). "
                         "Choose whether the row is that person, or skip it."), cccd, name, id);
        else if (r->n_candidates == 1)
          add_problem (r, SMT_IMPORT_PROBLEM_DUPLICATE, BLOCKS_AUTO | ALIKE,
                       _("The register has %s (key %s), of the same name, year of birth and "
                         "hamlet. Choose whether the row is that person or a new one, or skip "
                         "it."), name, id);
        else
          add_problem (r, SMT_IMPORT_PROBLEM_DUPLICATE, BLOCKS_AUTO | ALIKE,
                       _("The register has %u people of the same name, year of birth and "
                         "hamlet, such as %s (key %s). Choose which one the row is, a new "
                         "person, or skip it."), r->n_candidates, name, id);
      }

    if (year > 0 && r->hamlet_id != 0 && *r->ten != '\0')
      {
        if ((earlier = g_hash_table_lookup (seen, key)) != NULL)
          r->repeats_row = GPOINTER_TO_UINT (earlier);
        else
          g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (r->index + 1));
      }
    if (r->repeats_row == 0 && cccd != NULL)
      {
        g_autofree char *cccd_key = g_strconcat ("cccd\x1f", cccd, NULL);

        if ((earlier = g_hash_table_lookup (seen, cccd_key)) != NULL)
          r->repeats_row = GPOINTER_TO_UINT (earlier);
        else
          g_hash_table_insert (seen, g_steal_pointer (&cccd_key),
                               GUINT_TO_POINTER (r->index + 1));
      }
    if (r->repeats_row != 0)
      {
        const SmtImportPlanRow *first = g_ptr_array_index (plan->rows, r->repeats_row - 1);

        add_problem (r, SMT_IMPORT_PROBLEM_DUPLICATE_ROW, BLOCKS_AUTO,
                     _("The same person as row %u of the list. Skip this row, or say it is "
                       "another person."), first->row->source_row);
      }
  }
}

/* Whether the person is a member of the organisation on the date (end of
 * day), and whether their history allows an admission on it: no event of
 * the organisation after it, born by then, not dead before. */
static SmtMemberState
person_state (SmtImportPlan  *plan,
              gint64          person_id,
              const char     *date,
              char          **conflict)
{
  SmtMemberState state = smt_membership_state_on (plan->reg, person_id, plan->organisation_id,
                                                  date, NULL);
  sqlite3_stmt *stmt;

  *conflict = NULL;
  if (state != SMT_MEMBER_NONE)
    return state;
  stmt = smt_register_prepare (plan->reg,
      "SELECT (SELECT max (e.date) FROM membership_event e WHERE e.person_id = ?1 "
      "        AND e.organisation_id = ?2 AND e.kind <> 'void' AND e.date > ?3 "
      "        AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id)), "
      " p.deceased_on, p.birth_year FROM person p WHERE p.id = ?1", NULL);
  if (stmt == NULL)
    return state;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, plan->organisation_id);
  smt_bind_text (stmt, 3, date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *name = smt_register_person_name (plan->reg, person_id);
      g_autofree char *shown = smt_date_to_display (date);

      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        {
          g_autofree char *later = smt_date_to_display ((const char *)
                                                        sqlite3_column_text (stmt, 0));

          *conflict = g_strdup_printf (_("The register records %s in %s on %s, after the "
                                         "admission date %s: the list cannot add an earlier "
                                         "admission. Skip the row, or correct the history "
                                         "on the person's page."),
                                       name, plan->organisation, later, shown);
        }
      else if (sqlite3_column_type (stmt, 1) != SQLITE_NULL
               && strcmp ((const char *) sqlite3_column_text (stmt, 1), date) < 0)
        *conflict = g_strdup_printf (_("%s died before the admission date %s. Skip the row."),
                                     name, shown);
      else if (atoi (date) < sqlite3_column_int (stmt, 2))
        *conflict = g_strdup_printf (_("%s was born after the admission date %s. Skip the "
                                       "row, or correct the date in the list."), name, shown);
    }
  sqlite3_reset (stmt);
  return state;
}

/* The exception note when the person is outside the organisation's rule on
 * the day (NULL inside it), and a problem saying so. */
static void
check_rule (SmtImportPlan    *plan,
            SmtImportPlanRow *r,
            const char       *birth_date,
            int               birth_year,
            char              sex,
            gint64            person_id)
{
  const char *date = r->admitted_on;
  gboolean outside = FALSE;
  int age = smt_date_age_on (birth_date, birth_year, date);

  if (plan->org_sex != 0 && sex != plan->org_sex)
    outside = TRUE;
  if ((plan->min_age >= 0 && age < plan->min_age) || (plan->max_age >= 0 && age > plan->max_age))
    outside = TRUE;
  if (plan->trait_id != 0)
    {
      gboolean has = person_id != 0
        && smt_register_query_int (plan->reg, 0,
             "SELECT count(*) FROM person_trait p WHERE p.person_id = ?1 AND p.trait_id = ?2 "
             "AND p.voided = 0 AND NOT EXISTS (SELECT 1 FROM person_trait s "
             "WHERE s.supersedes = p.id)", person_id, plan->trait_id) > 0;

      outside |= !has;
    }
  if (!outside)
    return;
  r->exception_note = g_strdup (_("Imported from a member list: outside the organisation's "
                                  "rule on the day"));
  if (plan->org_sex != 0 && sex != plan->org_sex)
    add_problem (r, SMT_IMPORT_PROBLEM_ELIGIBILITY, TRANSIENT,
                 plan->org_sex == 'F'
                 ? _("%s admits women only, and the row is a man: admitted with an exception "
                     "note. Check the sex in the list.")
                 : _("%s admits men only, and the row is a woman: admitted with an exception "
                     "note. Check the sex in the list."), plan->organisation);
  else if ((plan->min_age >= 0 && age < plan->min_age)
           || (plan->max_age >= 0 && age > plan->max_age))
    add_problem (r, SMT_IMPORT_PROBLEM_ELIGIBILITY, TRANSIENT,
                 _("The person is %d years old on the admission date, outside the ages %s "
                   "gathers: admitted with an exception note. Check the year of birth and "
                   "the date in the list."), age, plan->organisation);
  else
    add_problem (r, SMT_IMPORT_PROBLEM_ELIGIBILITY, TRANSIENT,
                 _("%s gathers people recorded as “%s”, and this person is not yet: admitted "
                   "with an exception note. Record it on the person's page."),
                 plan->organisation, plan->trait);
}

static gboolean
has_flag (SmtImportPlanRow *r,
          guint             flags)
{
  for (guint i = 0; i < r->problems->len; i++)
    if (((Problem *) g_ptr_array_index (r->problems, i))->flags & flags)
      return TRUE;
  return FALSE;
}

static void
mark_blocking (SmtImportPlanRow *r,
               guint             flags)
{
  for (guint i = 0; i < r->problems->len; i++)
    {
      Problem *p = g_ptr_array_index (r->problems, i);

      p->pub.blocking = (p->flags & flags) != 0;
    }
}

/* The status of the row under its decision. */
static void
resolve (SmtImportPlan    *plan,
         SmtImportPlanRow *r)
{
  gint64 person = 0;
  g_autofree char *conflict = NULL;

  for (guint i = r->problems->len; i > 0; i--)
    if (((Problem *) g_ptr_array_index (r->problems, i - 1))->flags & TRANSIENT)
      g_ptr_array_remove_index (r->problems, i - 1);
  while (r->set_aside->len > 0)
    g_ptr_array_add (r->problems, g_ptr_array_steal_index (r->set_aside, 0));
  g_clear_pointer (&r->exception_note, g_free);
  r->person_id = 0;
  mark_blocking (r, 0);

  switch (r->decision)
    {
    case SMT_IMPORT_SKIP:
      r->status = SMT_IMPORT_STATUS_SKIPPED;
      return;
    case SMT_IMPORT_SAME_PERSON:
      person = r->person_id = r->candidate_id;
      break;
    case SMT_IMPORT_NEW_PERSON:
      break;
    case SMT_IMPORT_AUTO:
    default:
      if (r->repeats_row == 0 && r->n_candidates == 1)
        {
          const char *date = r->admitted_on ? r->admitted_on : smt_register_get_today (plan->reg);
          SmtMemberState state = person_state (plan, r->candidate_id, date, &conflict);

          g_clear_pointer (&conflict, g_free);
          if (state != SMT_MEMBER_NONE)
            {
              r->person_id = r->candidate_id;
              r->status = SMT_IMPORT_STATUS_ALREADY_MEMBER;
              for (guint i = r->problems->len; i > 0; i--)
                if (((Problem *) g_ptr_array_index (r->problems, i - 1))->flags & ALIKE)
                  g_ptr_array_add (r->set_aside, g_ptr_array_steal_index (r->problems, i - 1));
              return;
            }
        }
      if (r->repeats_row != 0 || r->n_candidates > 0)
        {
          mark_blocking (r, BLOCKS_AUTO);
          r->status = SMT_IMPORT_STATUS_UNDECIDED;
          return;
        }
      break;
    }

  if (has_flag (r, BLOCKS_ANY | (person == 0 ? BLOCKS_NEW : 0)))
    {
      mark_blocking (r, BLOCKS_ANY | (person == 0 ? BLOCKS_NEW : 0));
      r->status = SMT_IMPORT_STATUS_UNDECIDED;
      return;
    }
  if (person != 0)
    {
      SmtMemberState state = person_state (plan, person, r->admitted_on, &conflict);
      sqlite3_stmt *stmt;

      if (state != SMT_MEMBER_NONE)
        {
          r->status = SMT_IMPORT_STATUS_ALREADY_MEMBER;
          return;
        }
      if (conflict != NULL)
        {
          add_problem (r, SMT_IMPORT_PROBLEM_HISTORY, TRANSIENT | BLOCKS_ANY, "%s", conflict);
          mark_blocking (r, BLOCKS_ANY);
          r->status = SMT_IMPORT_STATUS_UNDECIDED;
          return;
        }
      stmt = smt_register_prepare (plan->reg, "SELECT birth_date, birth_year, sex FROM person "
                                              "WHERE id = ?1", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, person);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_autofree char *birth = smt_column_dup (stmt, 0);
              int year = sqlite3_column_int (stmt, 1);
              char sex = ((const char *) sqlite3_column_text (stmt, 2))[0];

              sqlite3_reset (stmt);
              check_rule (plan, r, birth, year, sex, person);
            }
          else
            sqlite3_reset (stmt);
        }
      r->status = SMT_IMPORT_STATUS_NEW_MEMBERSHIP;
      return;
    }
  {
    const char *birth = r->row->birth_date;
    int year = birth_year_of (r);

    if (birth != NULL && (!smt_date_is_valid (birth) || atoi (birth) != year))
      birth = NULL;
    check_rule (plan, r, birth, year, r->sex, 0);
  }
  if (r->decision == SMT_IMPORT_NEW_PERSON && r->row->cccd != NULL)
    {
      g_autofree char *cccd = clean_cccd (r->row->cccd);

      if (cccd != NULL && g_hash_table_contains (plan->by_cccd, cccd))
        add_problem (r, SMT_IMPORT_PROBLEM_CCCD, TRANSIENT,
                     _("The CCCD number %s belongs to another person of the register: the new "
                       "person is written without it."), cccd);
    }
  r->status = SMT_IMPORT_STATUS_NEW_PERSON;
}

/* Which rows would live together if new: the same hamlet, folded
 * address and folded family name give the same key (1, 2 …); a row
 * without an address has key 0, a household of its own. Made once for
 * every row, with the addresses normalized: a decision does not change
 * them, and finish runs after every decision, so that folding and
 * hashing every row again made deciding rows one by one quadratic (a
 * minute for --on-duplicate on 30.000 rows with a few hundred to decide). */
/* Whether a folded address names a house: a number that is not the number
 * of a tổ, khu phố, ấp, thôn, xóm … ("12 tổ 1", "số 40 đường 3/2" do;
 * "tổ 3, ấp tân hòa", "khu pho 2" do not). Members who share only a tổ
 * are not one household, even with the same family name. */
static gboolean
address_names_a_house (const char *folded)
{
  static const char *const places[] = {
    "to", "khu", "pho", "kp", "tdp", "ap", "thon", "xom", "doi", "khom", "ban", "buon",
    "lang", "soc", "khoi", "cum",
  };
  char before[8] = "";
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;
      gsize length;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p) || *p == '/')
        p++;
      length = (gsize) (p - start);
      if (length == 0)
        continue;
      if (g_ascii_isdigit (*start))
        {
          gboolean place = FALSE;

          for (guint k = 0; k < G_N_ELEMENTS (places); k++)
            place = place || strcmp (before, places[k]) == 0;
          if (!place)
            return TRUE;
        }
      g_strlcpy (before, start, MIN (length + 1, sizeof before));
    }
  return FALSE;
}

static void
household_keys (SmtImportPlan *plan)
{
  g_autoptr(GHashTable) keys = NULL;

  if (plan->household_keys != NULL)
    return;
  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->household_keys = g_new0 (guint, MAX (plan->rows->len, 1));
  plan->addresses = g_ptr_array_new_full (plan->rows->len, g_free);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const SmtImportPlanRow *r = g_ptr_array_index (plan->rows, i);
      char *address = smt_text_normalize (r->row->address ? r->row->address : "");
      g_autofree char *folded = address != NULL && *address ? smt_text_fold (address) : NULL;
      g_autofree char *ho = NULL;
      g_autofree char *key = NULL;
      gpointer found;

      g_ptr_array_add (plan->addresses, address);
      if (folded == NULL || !address_names_a_house (folded))
        continue;
      ho = smt_text_fold (r->ho);
      key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s", r->hamlet_id, folded, ho);
      if ((found = g_hash_table_lookup (keys, key)) == NULL)
        {
          found = GUINT_TO_POINTER (++plan->n_household_keys);
          g_hash_table_insert (keys, g_steal_pointer (&key), found);
        }
      plan->household_keys[i] = GPOINTER_TO_UINT (found);
    }
}

/* After every row is resolved: a person the list names twice is admitted
 * once; the households of the new persons. */
static void
finish (SmtImportPlan *plan)
{
  g_autoptr(GHashTable) admitted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          NULL);
  g_autofree guint *household_of = NULL;   /* key → household index + 1; 0: none yet */

  household_keys (plan);
  household_of = g_new0 (guint, plan->n_household_keys + 1);
  g_ptr_array_set_size (plan->households, 0);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      SmtImportPlanRow *r = g_ptr_array_index (plan->rows, i);

      r->household = G_MAXUINT;
      r->head = FALSE;
      if (r->status == SMT_IMPORT_STATUS_NEW_MEMBERSHIP)
        {
          if (g_hash_table_contains (admitted, &r->person_id))
            r->status = SMT_IMPORT_STATUS_ALREADY_MEMBER;
          else
            g_hash_table_add (admitted, g_memdup2 (&r->person_id, sizeof r->person_id));
        }
      else if (r->status == SMT_IMPORT_STATUS_NEW_PERSON)
        {
          guint key = plan->household_keys[i];

          if (key != 0 && household_of[key] != 0)
            {
              Household *h;

              r->household = household_of[key] - 1;
              h = g_ptr_array_index (plan->households, r->household);
              if (strcmp (r->admitted_on, h->formed_on) < 0)
                {
                  g_free (h->formed_on);
                  h->formed_on = g_strdup (r->admitted_on);
                }
            }
          else
            {
              Household *h = g_new0 (Household, 1);
              const char *address = g_ptr_array_index (plan->addresses, i);

              h->hamlet_id = r->hamlet_id;
              h->address = g_strdup (address != NULL ? address : "");
              h->formed_on = g_strdup (r->admitted_on);
              h->head_row = i;
              r->household = plan->households->len;
              r->head = TRUE;
              g_ptr_array_add (plan->households, h);
              if (key != 0)
                household_of[key] = plan->households->len;
            }
        }
    }
}

/* ---- the plan ------------------------------------------------------------------ */

static gboolean
load_organisation (SmtImportPlan  *plan,
                   const char     *code,
                   GError        **error)
{
  sqlite3_stmt *stmt;

  if (code == NULL || (plan->organisation_id = smt_organisation_lookup (plan->reg, code)) == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_NOT_FOUND,
                     _("There is no organisation with the code “%s”. Use one of the codes in "
                       "the list of organisations."), code ? code : "");
  stmt = smt_register_prepare (plan->reg,
      "SELECT o.short_name, coalesce (o.min_age, -1), coalesce (o.max_age, -1), o.sex, "
      "coalesce (o.trait_id, 0), t.name FROM organisation o "
      "LEFT JOIN trait t ON t.id = o.trait_id WHERE o.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->organisation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      plan->organisation = smt_column_text (stmt, 0);
      plan->min_age = sqlite3_column_int (stmt, 1);
      plan->max_age = sqlite3_column_int (stmt, 2);
      plan->org_sex = sqlite3_column_type (stmt, 3) != SQLITE_NULL
                      ? ((const char *) sqlite3_column_text (stmt, 3))[0] : 0;
      plan->trait_id = sqlite3_column_int64 (stmt, 4);
      plan->trait = smt_column_dup (stmt, 5);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * smt_import_plan_new:
 * @reg: the register
 * @options: the organisation, and what the list does not say
 * @rows: (transfer full) (element-type SmtImportRow): the rows read
 * @cancellable: (nullable): to stop a long check
 * @error: an unknown organisation or branch, a bad date, a database error
 *
 * Checks every row against the register and proposes what to do with it.
 *
 * Returns: (transfer full): the plan, NULL on error
 */
SmtImportPlan *
smt_import_plan_new (SmtRegister                *reg,
                     const SmtImportPlanOptions *options,
                     GPtrArray                  *rows,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  g_autoptr(SmtImportPlan) plan = NULL;
  g_autoptr(GPtrArray) taken = rows;
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = g_new0 (SmtImportPlan, 1);
  plan->reg = g_object_ref (reg);
  plan->rows = g_ptr_array_new_with_free_func (plan_row_free);
  plan->households = g_ptr_array_new_with_free_func (household_free);
  plan->default_sex = options->default_sex == 'M' || options->default_sex == 'F'
                      ? options->default_sex : 0;
  plan->file_name = g_strdup (options->file_name ? options->file_name : "");
  plan->file_sha256 = g_strdup (options->file_sha256 ? options->file_sha256 : "");
  plan->sheet = g_strdup (options->sheet ? options->sheet : "");
  if (!load_organisation (plan, options->organisation, error))
    return NULL;
  if (options->admitted_on != NULL)
    {
      if (!smt_check_date (reg, options->admitted_on, _("admission date"), TRUE, error))
        return NULL;
      plan->default_date = g_strdup (options->admitted_on);
    }
  if (!load_places (plan, error) || !load_people (plan, error))
    return NULL;
  if (options->branch_id != 0)
    {
      if (branch_by_id (plan, options->branch_id) == NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, options->branch_id);

          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_WRONG_ORGANISATION,
                       _("%s has no branch with the key %s. Choose one of its branches."),
                       plan->organisation, id);
          return NULL;
        }
      plan->branch_id = options->branch_id;
    }

  /* The rows, each taken from the array handed over. */
  for (guint i = 0; i < taken->len; i++)
    {
      SmtImportPlanRow *r = g_new0 (SmtImportPlanRow, 1);

      r->row = g_ptr_array_index (taken, i);
      r->index = i;
      r->problems = g_ptr_array_new_with_free_func (problem_free);
      r->set_aside = g_ptr_array_new_with_free_func (problem_free);
      r->household = G_MAXUINT;
      g_ptr_array_add (plan->rows, r);
    }
  g_ptr_array_set_free_func (taken, NULL);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      SmtImportPlanRow *r = g_ptr_array_index (plan->rows, i);

      if (i % 512 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      analyse (plan, r, seen);
      resolve (plan, r);
    }
  finish (plan);
  return g_steal_pointer (&plan);
}

guint
smt_import_plan_get_n_rows (SmtImportPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);
  return plan->rows->len;
}

static void
refresh (SmtImportPlan *plan)
{
  if (!plan->stale)
    return;
  finish (plan);
  plan->stale = FALSE;
}

const SmtImportPlanRow *
smt_import_plan_get_row (SmtImportPlan *plan,
                         guint          index)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (index < plan->rows->len, NULL);
  refresh (plan);
  return g_ptr_array_index (plan->rows, index);
}

gboolean
smt_import_plan_decide (SmtImportPlan      *plan,
                        guint               index,
                        SmtImportDecision   decision,
                        gint64              person_id,
                        GError            **error)
{
  SmtImportPlanRow *r;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (index < plan->rows->len, FALSE);
  g_return_val_if_fail (decision <= SMT_IMPORT_NEW_PERSON, FALSE);

  r = g_ptr_array_index (plan->rows, index);
  if (decision == SMT_IMPORT_SAME_PERSON)
    {
      if (person_id == 0)
        person_id = r->candidate_id;
      if (!smt_check_exists (plan->reg, "person", person_id, _("person"), error))
        return FALSE;
      r->candidate_id = person_id;
    }
  r->decision = decision;
  resolve (plan, r);
  /* Households and repeated persons are found again once, when the plan
   * is next read, not after each of a list's many decisions. */
  plan->stale = TRUE;
  return TRUE;
}

void
smt_import_plan_get_summary (SmtImportPlan    *plan,
                             SmtImportSummary *s)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (s != NULL);

  refresh (plan);
  memset (s, 0, sizeof *s);
  s->rows_read = plan->rows->len;
  s->households = plan->households->len;
  for (guint i = 0; i < plan->rows->len; i++)
    {
      const SmtImportPlanRow *r = g_ptr_array_index (plan->rows, i);
      gboolean counted[SMT_N_IMPORT_PROBLEMS] = { FALSE };

      switch (r->status)
        {
        case SMT_IMPORT_STATUS_NEW_PERSON:
          s->new_persons++;
          break;
        case SMT_IMPORT_STATUS_NEW_MEMBERSHIP:
          s->new_memberships++;
          break;
        case SMT_IMPORT_STATUS_ALREADY_MEMBER:
          s->already_members++;
          break;
        case SMT_IMPORT_STATUS_SKIPPED:
          s->skipped++;
          break;
        case SMT_IMPORT_STATUS_UNDECIDED:
        default:
          s->undecided++;
          break;
        }
      for (guint k = 0; k < r->problems->len; k++)
        {
          const SmtImportProblem *p = g_ptr_array_index (r->problems, k);

          if (!counted[p->code])
            s->problems[p->code]++;
          counted[p->code] = TRUE;
        }
    }
}

guint
smt_import_plan_n_undecided (SmtImportPlan *plan)
{
  guint n = 0;

  g_return_val_if_fail (plan != NULL, 0);
  refresh (plan);
  for (guint i = 0; i < plan->rows->len; i++)
    n += ((SmtImportPlanRow *) g_ptr_array_index (plan->rows, i))->status
         == SMT_IMPORT_STATUS_UNDECIDED;
  return n;
}

/* ---- writing ---------------------------------------------------------------------- */

static void
bind_key (sqlite3_stmt *stmt,
          int           index,
          const char   *text)
{
  g_autoptr(GBytes) key = smt_text_sort_key (text);
  gsize n;
  const void *d = g_bytes_get_data (key, &n);

  sqlite3_bind_blob (stmt, index, d ? d : "", n, SQLITE_TRANSIENT);
}

static gboolean
write_person (SmtImportPlan     *plan,
              SmtImportPlanRow  *r,
              gint64             batch_id,
              GHashTable        *cccds,
              GError           **error)
{
  const SmtImportRow *row = r->row;
  sqlite3_stmt *stmt = smt_register_prepare (plan->reg,
      "INSERT INTO person (id, ho, chu_lot, ten, sex, birth_date, birth_year, ethnicity, "
      "religion, cccd, phone, party_since, note, sort_ten, sort_lot, sort_ho, folded, "
      "created_at, import_batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "?13, ?14, ?15, ?16, ?17, ?18, ?19)", error);
  g_autofree char *folded = row_folded (r);
  g_autofree char *cccd = row->cccd != NULL ? clean_cccd (row->cccd) : NULL;
  g_autofree char *phone = row->phone != NULL ? clean_phone (row->phone) : NULL;
  g_autofree char *ethnicity = row->ethnicity ? smt_text_normalize (row->ethnicity) : NULL;
  g_autofree char *religion = row->religion ? smt_text_normalize (row->religion) : NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  int year = birth_year_of (r);
  const char *birth = row->birth_date;
  const char *party = row->party_since;
  char sex[2] = { r->sex, 0 };

  if (stmt == NULL)
    return FALSE;
  if (birth != NULL && (!smt_date_is_valid (birth) || atoi (birth) != year))
    birth = NULL;
  if (party != NULL && (!smt_date_is_valid (party) || atoi (party) < year
                        || strcmp (party, smt_register_get_today (plan->reg)) > 0))
    party = NULL;
  if (cccd != NULL && !g_hash_table_add (cccds, g_strdup (cccd)))
    g_clear_pointer (&cccd, g_free);
  if (row->note != NULL && *row->note != '\0')
    g_string_append (note, row->note);
  if (row->role != NULL && *row->role != '\0')
    /* Translators: the note of a person imported with a role (chức vụ) in the list */
    g_string_append_printf (note, _("%sRole in the list: %s"), note->len > 0 ? "; " : "",
                            row->role);
  {
    g_autofree char *clean = smt_text_normalize (note->str);

    g_string_assign (note, clean != NULL ? clean : "");
  }

  sqlite3_bind_int64 (stmt, 1, r->person_id);
  smt_bind_text (stmt, 2, r->ho);
  smt_bind_text (stmt, 3, r->chu_lot);
  smt_bind_text (stmt, 4, r->ten);
  smt_bind_text (stmt, 5, sex);
  smt_bind_text (stmt, 6, birth);
  sqlite3_bind_int (stmt, 7, year);
  smt_bind_text (stmt, 8, ethnicity != NULL && *ethnicity ? ethnicity : NULL);
  smt_bind_text (stmt, 9, religion != NULL && *religion ? religion : NULL);
  smt_bind_text (stmt, 10, cccd);
  smt_bind_text (stmt, 11, phone);
  smt_bind_text (stmt, 12, party);
  smt_bind_text (stmt, 13, note->str);
  bind_key (stmt, 14, r->ten);
  bind_key (stmt, 15, r->chu_lot);
  bind_key (stmt, 16, r->ho);
  smt_bind_text (stmt, 17, folded);
  smt_bind_text (stmt, 18, smt_register_now (plan->reg));
  sqlite3_bind_int64 (stmt, 19, batch_id);
  return smt_register_step_done (plan->reg, stmt, error);
}

static gboolean
write_residence (SmtImportPlan     *plan,
                 SmtImportPlanRow  *r,
                 gint64             household_id,
                 gint64             batch_id,
                 GError           **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (plan->reg,
      "INSERT INTO residence (id, person_id, household_id, from_date, is_head, reason, "
      "entered_at, import_batch_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, smt_register_next_key (plan->reg));
  sqlite3_bind_int64 (stmt, 2, r->person_id);
  sqlite3_bind_int64 (stmt, 3, household_id);
  smt_bind_text (stmt, 4, r->admitted_on);
  sqlite3_bind_int (stmt, 5, r->head);
  smt_bind_text (stmt, 6, _("Imported from a member list"));
  smt_bind_text (stmt, 7, smt_register_now (plan->reg));
  sqlite3_bind_int64 (stmt, 8, batch_id);
  return smt_register_step_done (plan->reg, stmt, error);
}

static gboolean
write_admission (SmtImportPlan     *plan,
                 SmtImportPlanRow  *r,
                 gint64             batch_id,
                 const char        *reason,
                 GError           **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (plan->reg,
      "INSERT INTO membership_event (id, person_id, organisation_id, branch_id, kind, date, "
      "reason, document, exception_note, entered_at, import_batch_id) "
      "VALUES (?1, ?2, ?3, ?4, 'admitted', ?5, ?6, '', ?7, ?8, ?9)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, smt_register_next_key (plan->reg));
  sqlite3_bind_int64 (stmt, 2, r->person_id);
  sqlite3_bind_int64 (stmt, 3, plan->organisation_id);
  sqlite3_bind_int64 (stmt, 4, r->branch_id);
  smt_bind_text (stmt, 5, r->admitted_on);
  smt_bind_text (stmt, 6, reason);
  smt_bind_text (stmt, 7, r->exception_note);
  smt_bind_text (stmt, 8, smt_register_now (plan->reg));
  sqlite3_bind_int64 (stmt, 9, batch_id);
  return smt_register_step_done (plan->reg, stmt, error);
}

static gboolean
write_batch (SmtImportPlan     *plan,
             gint64             batch_id,
             GError           **error)
{
  SmtImportSummary s;
  sqlite3_stmt *stmt = smt_register_prepare (plan->reg,
      "INSERT INTO import_batch (id, file_name, file_sha256, sheet, organisation_id, "
      "branch_id, admitted_on_default, rows_read, persons_added, memberships_added, "
      "households_added, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
      "?12)", error);

  if (stmt == NULL)
    return FALSE;
  smt_import_plan_get_summary (plan, &s);
  sqlite3_bind_int64 (stmt, 1, batch_id);
  smt_bind_text (stmt, 2, plan->file_name);
  smt_bind_text (stmt, 3, plan->file_sha256);
  smt_bind_text (stmt, 4, plan->sheet);
  sqlite3_bind_int64 (stmt, 5, plan->organisation_id);
  if (plan->branch_id != 0)
    sqlite3_bind_int64 (stmt, 6, plan->branch_id);
  smt_bind_text (stmt, 7, plan->default_date);
  sqlite3_bind_int (stmt, 8, (int) s.rows_read);
  sqlite3_bind_int (stmt, 9, (int) s.new_persons);
  sqlite3_bind_int (stmt, 10, (int) (s.new_persons + s.new_memberships));
  sqlite3_bind_int (stmt, 11, (int) s.households);
  smt_bind_text (stmt, 12, smt_register_now (plan->reg));
  return smt_register_step_done (plan->reg, stmt, error);
}

gboolean
smt_import_plan_apply (SmtImportPlan      *plan,
                       GCancellable       *cancellable,
                       SmtImportProgress   progress,
                       gpointer            user_data,
                       gint64             *batch_id,
                       GError            **error)
{
  g_autoptr(GArray) household_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) cccds = NULL;
  g_autofree char *reason = NULL;
  GHashTableIter iter;
  gpointer key;
  guint undecided, total;
  gint64 batch;
  gboolean ok;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  refresh (plan);
  if ((undecided = smt_import_plan_n_undecided (plan)) > 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%u row of the list still needs a decision: skip it, say "
                                  "which person it is, or that it is a new person. Nothing "
                                  "was written.",
                                  "%u rows of the list still need a decision: skip them, say "
                                  "which person each is, or that it is a new person. Nothing "
                                  "was written.", undecided), undecided);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* A list that adds nobody (imported before, or every row skipped)
   * leaves no empty batch behind. */
  {
    SmtImportSummary summary;

    smt_import_plan_get_summary (plan, &summary);
    if (summary.new_persons + summary.new_memberships == 0)
      {
        if (batch_id != NULL)
          *batch_id = 0;
        return TRUE;
      }
  }

  cccds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, plan->by_cccd);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (cccds, g_strdup (key));
  if (*plan->file_name != '\0')
    reason = g_strdup_printf (_("Imported from the list %s"), plan->file_name);
  else
    reason = g_strdup (_("Imported from a member list"));

  if (!smt_register_write_begin (plan->reg, error))
    return FALSE;
  batch = smt_register_next_key (plan->reg);
  ok = write_batch (plan, batch, error);
  for (guint i = 0; ok && i < plan->households->len; i++)
    {
      Household *h = g_ptr_array_index (plan->households, i);
      sqlite3_stmt *stmt = smt_register_prepare (plan->reg,
          "INSERT INTO household (id, hamlet_id, address, formed_on, import_batch_id) "
          "VALUES (?1, ?2, ?3, ?4, ?5)", error);
      gint64 id = smt_register_next_key (plan->reg);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, h->hamlet_id);
          smt_bind_text (stmt, 3, h->address);
          smt_bind_text (stmt, 4, h->formed_on);
          sqlite3_bind_int64 (stmt, 5, batch);
          ok = smt_register_step_done (plan->reg, stmt, error);
        }
      g_array_append_val (household_ids, id);
    }

  total = plan->rows->len;
  for (guint i = 0; ok && i < total; i++)
    {
      SmtImportPlanRow *r = g_ptr_array_index (plan->rows, i);

      if (i % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          if (progress != NULL)
            progress (i, total, user_data);
        }
      if (r->status == SMT_IMPORT_STATUS_NEW_PERSON)
        {
          r->person_id = smt_register_next_key (plan->reg);
          ok = write_person (plan, r, batch, cccds, error)
               && write_residence (plan, r, g_array_index (household_ids, gint64, r->household),
                                   batch, error)
               && write_admission (plan, r, batch, reason, error);
          if (!ok)
            r->person_id = 0;
        }
      else if (r->status == SMT_IMPORT_STATUS_NEW_MEMBERSHIP)
        ok = write_admission (plan, r, batch, reason, error);
      if (!ok && error != NULL && *error != NULL
          && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("Row %u of the list: "), r->row->source_row);
    }
  /* Rows are checked for a cancel every 256: one asked for after the last
   * check (any time during a short list) still rolls back. */
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  if (!smt_register_write_end (plan->reg, ok, error))
    {
      /* Rolled back: the persons the plan was to create do not exist. */
      for (guint i = 0; i < plan->rows->len; i++)
        {
          SmtImportPlanRow *r = g_ptr_array_index (plan->rows, i);

          if (r->status == SMT_IMPORT_STATUS_NEW_PERSON)
            r->person_id = 0;
        }
      return FALSE;
    }
  if (progress != NULL)
    progress (total, total, user_data);
  if (batch_id != NULL)
    *batch_id = batch;
  return TRUE;
}
