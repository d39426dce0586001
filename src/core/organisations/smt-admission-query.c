/* smt-admission-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-admission-query.h"
#include "smt-member-spans.h"
#include "smt-membership.h"

/* The household a person lives in at the end of a date: the latest valid
 * residence row on or before it (as the people list reads it). */
#define CURRENT_HOUSEHOLD(person, date) \
  "(SELECT r.household_id FROM residence r WHERE r.person_id = " person " AND r.voided = 0 " \
  "AND r.from_date <= " date " AND NOT EXISTS (SELECT 1 FROM residence s " \
  "WHERE s.supersedes = r.id) ORDER BY r.from_date DESC, r.id DESC LIMIT 1)"

void
smt_admission_candidate_free (SmtAdmissionCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->full_name);
  g_free (candidate->hamlet);
  g_free (candidate);
}

typedef struct
{
  gint64  organisation_id;
  gint64  hamlet_scope;  /* the branch whose hamlets count; 0: the whole commune */
  int     min_age;
  int     max_age;
  char    sex;
  gint64  trait_id;      /* a trait the organisation asks for; 0: none */
} BranchRule;

/* What the branch asks of a candidate on date; FALSE with error for a
 * branch that does not exist on that day. */
static gboolean
read_rule (SmtRegister  *reg,
           gint64        branch_id,
           const char   *date,
           BranchRule   *rule,
           GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *dissolved = NULL;
  gint64 parent_id = 0;
  int rc;

  stmt = smt_register_prepare (reg,
      "SELECT b.organisation_id, b.parent_id, b.dissolved_on, o.min_age, o.max_age, o.sex, "
      "coalesce (o.trait_id, 0) "
      "FROM branch b JOIN organisation o ON o.id = b.organisation_id WHERE b.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *sex = (const char *) sqlite3_column_text (stmt, 5);

      rule->organisation_id = sqlite3_column_int64 (stmt, 0);
      parent_id = sqlite3_column_int64 (stmt, 1);
      dissolved = smt_column_dup (stmt, 2);
      rule->min_age = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                      ? -1 : sqlite3_column_int (stmt, 3);
      rule->max_age = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                      ? -1 : sqlite3_column_int (stmt, 4);
      rule->sex = sex != NULL ? sex[0] : 0;
      rule->trait_id = sqlite3_column_int64 (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW && dissolved != NULL && strcmp (dissolved, date) <= 0)
    {
      g_autofree char *shown = smt_date_to_display (dissolved);

      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("This branch was dissolved on %s: no one can join it. Choose a "
                         "branch that still exists."), shown);
    }
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return smt_register_set_db_error (reg, error);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, branch_id);

      return smt_fail (error, SMT_REGISTER_ERROR_NOT_FOUND,
                       _("There is no branch with the key %s. Choose a branch from the "
                         "list of branches."), key);
    }

  /* A tổ hội usually serves the hamlets of its chi hội. */
  if (smt_register_count_refs (reg, "branch_hamlet", "branch_id", branch_id) > 0)
    rule->hamlet_scope = branch_id;
  else if (parent_id != 0 && smt_register_count_refs (reg, "branch_hamlet", "branch_id",
                                                      parent_id) > 0)
    rule->hamlet_scope = parent_id;
  else
    rule->hamlet_scope = 0;
  return TRUE;
}

/* The people who are members of the organisation on date or become one
 * later: they cannot be admitted again. */
static GHashTable *
members_from (SmtRegister  *reg,
              gint64        organisation_id,
              const char   *date,
              GError      **error)
{
  GArray *spans = smt_member_spans_get (reg, error);
  GHashTable *set;

  if (spans == NULL)
    return NULL;
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);

      if (s->organisation_id != organisation_id)
        continue;
      if (s->end[0] == '\0' || strcmp (s->end, date) >= 0)
        g_hash_table_add (set, g_memdup2 (&s->person_id, sizeof s->person_id));
    }
  return set;
}

/**
 * smt_admission_candidates:
 * @reg: the register
 * @branch_id: the branch to join
 * @date: (nullable): the day of the admission, YYYY-MM-DD; %NULL: today
 * @search: (nullable): part of the name, tones and case ignored
 * @error: a translated %SMT_REGISTER_ERROR
 *
 * Returns: (transfer full) (element-type SmtAdmissionCandidate): the
 *   people who could join, by given name, or %NULL with @error set
 */
GPtrArray *
smt_admission_candidates (SmtRegister  *reg,
                          gint64        branch_id,
                          const char   *date,
                          const char   *search,
                          GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) members = NULL;
  g_autofree char *folded = NULL;
  BranchRule rule = { 0 };
  char sex[2] = { 0, 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  if (date == NULL)
    date = smt_register_get_today (reg);
  if (!smt_date_is_valid (date))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a valid date. Enter it as dd/mm/yyyy, for example "
                     "05/02/2026."), date);
      return NULL;
    }
  if (!read_rule (reg, branch_id, date, &rule, error))
    return NULL;
  if ((members = members_from (reg, rule.organisation_id, date, error)) == NULL)
    return NULL;
  if (search != NULL)
    folded = smt_text_fold (search);
  sex[0] = rule.sex;

  /* The name index gives the Vietnamese order; age is checked in C from
   * the birth date, the birth year only narrows the rows first. */
  stmt = smt_register_prepare (reg,
      "SELECT p.id, p.ho, p.chu_lot, p.ten, p.sex, p.birth_date, p.birth_year, h.name "
      "FROM person p "
      "JOIN household hh ON hh.id = " CURRENT_HOUSEHOLD ("p.id", "?1") " "
      "JOIN hamlet h ON h.id = hh.hamlet_id "
      "WHERE (p.deceased_on IS NULL OR p.deceased_on > ?1) "
      "AND p.birth_year <= CAST (substr (?1, 1, 4) AS INTEGER) "
      "AND (?2 IS NULL OR instr (p.folded, ?2) > 0) "
      "AND (?3 IS NULL OR p.sex = ?3) "
      "AND (?4 = 0 OR h.id IN (SELECT bh.hamlet_id FROM branch_hamlet bh "
      "WHERE bh.branch_id = ?4)) "
      "AND (?5 = 0 OR EXISTS (SELECT 1 FROM person_trait pt WHERE pt.person_id = p.id "
      "AND pt.trait_id = ?5 AND pt.voided = 0 AND (pt.from_date IS NULL OR pt.from_date <= ?1) "
      "AND (pt.to_date IS NULL OR pt.to_date >= ?1) "
      "AND NOT EXISTS (SELECT 1 FROM person_trait s WHERE s.supersedes = pt.id))) "
      "ORDER BY p.sort_ten, p.sort_lot, p.sort_ho, p.id", error);
  if (stmt == NULL)
    return NULL;
  smt_bind_text (stmt, 1, date);
  smt_bind_text (stmt, 2, folded != NULL && folded[0] != '\0' ? folded : NULL);
  smt_bind_text (stmt, 3, sex[0] != 0 ? sex : NULL);
  sqlite3_bind_int64 (stmt, 4, rule.hamlet_scope);
  sqlite3_bind_int64 (stmt, 5, rule.trait_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_admission_candidate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *ho = (const char *) sqlite3_column_text (stmt, 1);
      const char *lot = (const char *) sqlite3_column_text (stmt, 2);
      const char *ten = (const char *) sqlite3_column_text (stmt, 3);
      const char *psex = (const char *) sqlite3_column_text (stmt, 4);
      const char *birth_date = (const char *) sqlite3_column_text (stmt, 5);
      int birth_year = sqlite3_column_int (stmt, 6);
      int age = smt_date_age_on (birth_date, birth_year, date);
      SmtAdmissionCandidate *c;

      if (age < 0 || (rule.min_age >= 0 && age < rule.min_age)
          || (rule.max_age >= 0 && age > rule.max_age)
          || g_hash_table_contains (members, &id))
        continue;
      if (birth_date != NULL && strcmp (birth_date, date) > 0)
        continue;  /* born after the day */
      c = g_new0 (SmtAdmissionCandidate, 1);
      c->person_id = id;
      if (lot != NULL && lot[0] != '\0')
        c->full_name = g_strjoin (" ", ho, lot, ten, NULL);
      else
        c->full_name = g_strjoin (" ", ho, ten, NULL);
      c->sex = psex != NULL ? psex[0] : 0;
      c->birth_year = birth_year;
      c->age = age;
      c->hamlet = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * smt_admission_admit:
 * @reg: the register
 * @branch_id: the branch joined
 * @person_ids: (array length=n_persons): the people admitted
 * @n_persons: how many
 * @date: the day of the admission, YYYY-MM-DD
 * @document: (nullable): the decision (quyết định số …)
 * @reason: (nullable): why
 * @event_ids: (nullable) (element-type gint64): receives the new events' keys
 * @failed_person: (out) (optional): the person refused, 0 when none
 * @error: a translated %SMT_REGISTER_ERROR naming the person refused
 *
 * Kết nạp of several people into one branch, all or nothing.
 *
 * Returns: %TRUE when all were admitted, %FALSE when nothing was written
 */
gboolean
smt_admission_admit (SmtRegister   *reg,
                     gint64         branch_id,
                     const gint64  *person_ids,
                     guint          n_persons,
                     const char    *date,
                     const char    *document,
                     const char    *reason,
                     GArray        *event_ids,
                     gint64        *failed_person,
                     GError       **error)
{
  guint first_key = event_ids != NULL ? event_ids->len : 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (n_persons == 0 || person_ids != NULL, FALSE);

  if (failed_person != NULL)
    *failed_person = 0;
  if (n_persons == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("No one is chosen. Tick the people to admit."));
  for (guint i = 0; i < n_persons; i++)
    for (guint j = 0; j < i; j++)
      if (person_ids[i] == person_ids[j])
        {
          g_autofree char *name = smt_register_person_name (reg, person_ids[i]);

          if (failed_person != NULL)
            *failed_person = person_ids[i];
          return smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                           _("%s is named twice. Name each person once."), name);
        }

  if (!smt_register_begin (reg, error))
    return FALSE;
  for (guint i = 0; i < n_persons; i++)
    {
      SmtMembershipChange change = {
        .kind = SMT_EVENT_ADMITTED, .person_id = person_ids[i], .branch_id = branch_id,
        .date = date, .reason = reason, .document = document,
      };
      g_autoptr(GError) local = NULL;
      gint64 key = smt_membership_record (reg, &change, &local);

      if (key == 0)
        {
          g_autofree char *name = smt_register_person_name (reg, person_ids[i]);

          smt_register_rollback (reg);
          if (event_ids != NULL)
            g_array_set_size (event_ids, first_key);
          if (failed_person != NULL)
            *failed_person = person_ids[i];
          /* Translators: the person refused, then the reason the core gives */
          g_set_error (error, SMT_REGISTER_ERROR, local->code,
                       _("No one was admitted, because %s cannot be: %s"), name,
                       local->message);
          return FALSE;
        }
      if (event_ids != NULL)
        g_array_append_val (event_ids, key);
    }
  if (!smt_register_commit (reg, error))
    {
      if (event_ids != NULL)
        g_array_set_size (event_ids, first_key);
      return FALSE;
    }
  return TRUE;
}

/**
 * smt_admission_void:
 * @reg: the register
 * @event_ids: (element-type gint64): the admissions of one batch
 * @reason: why they are voided
 * @error: a translated %SMT_REGISTER_ERROR
 *
 * Returns: %TRUE when every event was voided, %FALSE when none was
 */
gboolean
smt_admission_void (SmtRegister  *reg,
                    GArray       *event_ids,
                    const char   *reason,
                    GError      **error)
{
  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (event_ids != NULL, FALSE);

  if (!smt_register_begin (reg, error))
    return FALSE;
  for (guint i = 0; i < event_ids->len; i++)
    {
      gint64 id = g_array_index (event_ids, gint64, i);
      SmtMembershipChange change = {
        .kind = SMT_EVENT_VOID, .voids_event_id = id, .reason = reason,
        .person_id = smt_register_query_int (reg, 0, "SELECT person_id FROM membership_event "
                                                     "WHERE id = ?1", id),
        .date = smt_register_get_today (reg),
      };

      if (smt_membership_record (reg, &change, error) == 0)
        {
          smt_register_rollback (reg);
          return FALSE;
        }
    }
  return smt_register_commit (reg, error);
}
