/* smt-organisations.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-membership.h"
#include "smt-organisations.h"

static gboolean
validate_organisation (SmtRegister                  *reg,
                       const SmtOrganisationFields  *f,
                       gint64                        self_id,
                       GError                      **error)
{
  g_autofree char *code = NULL;

  if (!smt_check_text (f->code, _("organisation code"), error)
      || !smt_check_text (f->name, _("organisation name"), error)
      || !smt_check_text (f->short_name, _("short name"), error))
    return FALSE;
  code = smt_text_normalize (f->code);
  {
    sqlite3_stmt *stmt = smt_register_prepare (reg,
        "SELECT name FROM organisation WHERE code = ?1 AND id <> ?2", error);
    gboolean taken;

    if (stmt == NULL)
      return FALSE;
    smt_bind_text (stmt, 1, code);
    sqlite3_bind_int64 (stmt, 2, self_id);
    taken = sqlite3_step (stmt) == SQLITE_ROW;
    if (taken)
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DUPLICATE,
                   _("The code “%s” is already used by “%s”. Choose another code."),
                   code, (const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    if (taken)
      return FALSE;
  }
  if ((f->min_age >= 0 && f->min_age > 120) || (f->max_age >= 0 && f->max_age > 120))
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("An age limit must be between 0 and 120 years. Correct the limit."));
  if (f->min_age >= 0 && f->max_age >= 0 && f->max_age < f->min_age)
    return smt_fail (error, SMT_REGISTER_ERROR_DATE_ORDER,
                     _("The highest age (%d) is below the lowest age (%d). Correct one of "
                       "the two."), f->max_age, f->min_age);
  if (f->sex != 0 && f->sex != 'M' && f->sex != 'F')
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Choose who may join: men, women or everyone."));
  if (f->trait_id != 0 && !smt_check_exists (reg, "trait", f->trait_id, _("trait"), error))
    return FALSE;
  return TRUE;
}

static void
bind_organisation (sqlite3_stmt                 *stmt,
                   const SmtOrganisationFields  *f)
{
  g_autofree char *code = smt_text_normalize (f->code);
  g_autofree char *name = smt_text_normalize (f->name);
  g_autofree char *short_name = smt_text_normalize (f->short_name);
  g_autofree char *word = smt_text_normalize (f->member_word ? f->member_word : "hội viên");
  char sex[2] = { f->sex, 0 };

  smt_bind_text (stmt, 2, code);
  smt_bind_text (stmt, 3, name);
  smt_bind_text (stmt, 4, short_name);
  smt_bind_text (stmt, 5, word);
  smt_bind_text (stmt, 6, f->kind == SMT_ORGANISATION_MASS ? "mass" : "socio_political");
  if (f->min_age >= 0)
    sqlite3_bind_int (stmt, 7, f->min_age);
  if (f->max_age >= 0)
    sqlite3_bind_int (stmt, 8, f->max_age);
  smt_bind_text (stmt, 9, f->sex ? sex : NULL);
  sqlite3_bind_int (stmt, 10, f->position);
  if (f->trait_id != 0)
    sqlite3_bind_int64 (stmt, 11, f->trait_id);
}

gint64
smt_organisation_add (SmtRegister                  *reg,
                      const SmtOrganisationFields  *fields,
                      GError                      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = validate_organisation (reg, fields, 0, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO organisation (id, code, name, short_name, member_word, kind, min_age, "
          "max_age, sex, position, trait_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
          "?11)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          bind_organisation (stmt, fields);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  if (ok)
    {
      g_autofree char *after = smt_register_row_json (reg, "organisation", id);

      ok = smt_register_log_change (reg, "organisation", id, "insert", NULL, after, NULL, error);
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_organisation_update (SmtRegister                  *reg,
                         gint64                        organisation_id,
                         const SmtOrganisationFields  *fields,
                         const char                   *reason,
                         GError                      **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "organisation", organisation_id, _("organisation"), error)
       && validate_organisation (reg, fields, organisation_id, error);
  if (ok)
    {
      before = smt_register_row_json (reg, "organisation", organisation_id);
      stmt = smt_register_prepare (reg,
          "UPDATE organisation SET code = ?2, name = ?3, short_name = ?4, member_word = ?5, "
          "kind = ?6, min_age = ?7, max_age = ?8, sex = ?9, position = ?10, trait_id = ?11 "
          "WHERE id = ?1",
          error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, organisation_id);
          bind_organisation (stmt, fields);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  if (ok)
    {
      after = smt_register_row_json (reg, "organisation", organisation_id);
      ok = smt_register_log_change (reg, "organisation", organisation_id, "update",
                                    before, after, reason, error);
    }
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_organisation_delete (SmtRegister  *reg,
                         gint64        organisation_id,
                         GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "organisation", organisation_id, _("organisation"), error)
       && smt_register_refuse_history (smt_register_count_refs (reg, "membership_event", "organisation_id",
                                                   organisation_id)
                          + smt_register_count_refs (reg, "branch", "organisation_id",
                                                     organisation_id)
                          + smt_register_count_refs (reg, "rating", "organisation_id",
                                                     organisation_id)
                          + smt_register_count_refs (reg, "officer", "organisation_id",
                                                     organisation_id)
                          + smt_register_count_refs (reg, "study", "organisation_id",
                                                     organisation_id),
                          _("organisation"),
                          _("mark it inactive instead."), error)
       && smt_register_delete_row (reg, "organisation", organisation_id, error);
  return smt_register_write_end (reg, ok, error);
}

gint64
smt_organisation_lookup (SmtRegister *reg,
                         const char  *code)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (code != NULL, 0);

  stmt = smt_register_prepare (reg, "SELECT id FROM organisation WHERE code = ?1", NULL);
  if (stmt == NULL)
    return 0;
  smt_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* ---- branches ----------------------------------------------------------- */

static const char *branch_kinds[] = { "chi đoàn", "chi hội", "tổ hội", "công đoàn cơ sở" };

gint64
smt_branch_add (SmtRegister   *reg,
                gint64         organisation_id,
                gint64         parent_id,
                const char    *kind,
                const char    *name,
                const gint64  *hamlet_ids,
                guint          n_hamlets,
                const char    *founded_on,
                GError       **error)
{
  g_autofree char *norm_name = NULL;
  sqlite3_stmt *stmt;
  gboolean ok, known_kind = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (n_hamlets == 0 || hamlet_ids != NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (branch_kinds); i++)
    known_kind |= g_strcmp0 (kind, branch_kinds[i]) == 0;

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "organisation", organisation_id, _("organisation"), error)
       && smt_check_text (name, _("branch name"), error)
       && smt_check_date (reg, founded_on, _("founding date"), FALSE, error);
  if (ok && !known_kind)
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("A branch is a “chi đoàn”, “chi hội”, “tổ hội” or “công đoàn cơ sở”. "
                     "Choose one of these."));
  if (ok && g_strcmp0 (kind, "tổ hội") == 0 && parent_id == 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("A tổ hội belongs to a chi hội. Choose the chi hội it belongs to."));
  if (ok && parent_id != 0)
    {
      ok = smt_check_exists (reg, "branch", parent_id, _("parent branch"), error);
      if (ok && smt_register_query_int (reg, 0,
                                        "SELECT organisation_id FROM branch WHERE id = ?1",
                                        parent_id) != organisation_id)
        ok = smt_fail (error, SMT_REGISTER_ERROR_WRONG_ORGANISATION,
                       _("The parent branch belongs to another organisation. Choose a chi hội "
                         "of the same organisation."));
    }
  for (guint i = 0; ok && i < n_hamlets; i++)
    ok = smt_check_exists (reg, "hamlet", hamlet_ids[i], _("hamlet"), error);

  if (ok)
    {
      norm_name = smt_text_normalize (name);
      stmt = smt_register_prepare (reg,
          "INSERT INTO branch (id, organisation_id, parent_id, kind, name, founded_on) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, organisation_id);
          if (parent_id != 0)
            sqlite3_bind_int64 (stmt, 3, parent_id);
          smt_bind_text (stmt, 4, kind);
          smt_bind_text (stmt, 5, norm_name);
          smt_bind_text (stmt, 6, founded_on && founded_on[0] ? founded_on : NULL);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  for (guint i = 0; ok && i < n_hamlets; i++)
    {
      stmt = smt_register_prepare (reg,
          "INSERT OR IGNORE INTO branch_hamlet (branch_id, hamlet_id) VALUES (?1, ?2)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, hamlet_ids[i]);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  if (ok)
    {
      g_autofree char *after = smt_register_row_json (reg, "branch", id);

      ok = smt_register_log_change (reg, "branch", id, "insert", NULL, after, NULL, error);
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_branch_dissolve (SmtRegister  *reg,
                     gint64        branch_id,
                     const char   *date,
                     const char   *reason,
                     GError      **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *founded = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "branch", branch_id, _("branch"), error)
       && smt_check_date (reg, date, _("dissolution date"), TRUE, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg, "SELECT founded_on, organisation_id FROM branch "
                                        "WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          gint64 organisation_id;

          sqlite3_bind_int64 (stmt, 1, branch_id);
          sqlite3_step (stmt);
          founded = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          organisation_id = sqlite3_column_int64 (stmt, 1);
          sqlite3_reset (stmt);
          ok = smt_check_order (founded, date, _("founding date"), _("dissolution date"),
                                error);

          /* Members still in the branch must be transferred first. */
          if (ok)
            {
              stmt = smt_register_prepare (reg,
                  "SELECT DISTINCT person_id FROM membership_event WHERE branch_id = ?1", error);
              ok = stmt != NULL;
              if (ok)
                sqlite3_bind_int64 (stmt, 1, branch_id);
              while (ok && sqlite3_step (stmt) == SQLITE_ROW)
                {
                  gint64 person = sqlite3_column_int64 (stmt, 0);
                  gint64 in_branch = 0;

                  if (smt_membership_state_on (reg, person, organisation_id, date, &in_branch)
                      != SMT_MEMBER_NONE && in_branch == branch_id)
                    ok = smt_fail (error, SMT_REGISTER_ERROR_HAS_HISTORY,
                                   _("The branch still has members on that date. Transfer "
                                     "them to another branch first, then dissolve it."));
                }
              if (stmt)
                sqlite3_reset (stmt);
            }
        }
    }
  if (ok)
    {
      before = smt_register_row_json (reg, "branch", branch_id);
      stmt = smt_register_prepare (reg, "UPDATE branch SET dissolved_on = ?2 WHERE id = ?1",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, branch_id);
          smt_bind_text (stmt, 2, date);
          ok = smt_register_step_done (reg, stmt, error);
        }
      after = smt_register_row_json (reg, "branch", branch_id);
      ok = ok && smt_register_log_change (reg, "branch", branch_id, "update", before, after,
                                          reason, error);
    }
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_branch_delete (SmtRegister  *reg,
                   gint64        branch_id,
                   GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "branch", branch_id, _("branch"), error)
       && smt_register_refuse_history (smt_register_count_refs (reg, "membership_event", "branch_id", branch_id)
                          + smt_register_count_refs (reg, "meeting", "branch_id", branch_id)
                          + smt_register_count_refs (reg, "branch_leader", "branch_id", branch_id)
                          + smt_register_count_refs (reg, "rating", "branch_id", branch_id)
                          + smt_register_count_refs (reg, "study", "branch_id", branch_id)
                          + smt_register_count_refs (reg, "branch", "parent_id", branch_id),
                          _("branch"), _("record its dissolution instead."), error);
  if (ok)
    {
      sqlite3_stmt *stmt = smt_register_prepare (reg,
          "DELETE FROM branch_hamlet WHERE branch_id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, branch_id);
          ok = smt_register_step_done (reg, stmt, error) && smt_register_delete_row (reg, "branch", branch_id, error);
        }
    }
  return smt_register_write_end (reg, ok, error);
}

/* ---- leaders ------------------------------------------------------------ */

gint64
smt_leader_appoint (SmtRegister    *reg,
                    gint64          branch_id,
                    gint64          person_id,
                    SmtLeaderRole   role,
                    const char     *from_date,
                    const char     *reason,
                    GError        **error)
{
  const char *role_text = role == SMT_LEADER_DEPUTY ? "deputy" : "leader";
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "branch", branch_id, _("branch"), error)
       && smt_check_exists (reg, "person", person_id, _("person"), error)
       && smt_check_date (reg, from_date, _("start of the term"), TRUE, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "SELECT b.founded_on, b.dissolved_on, p.deceased_on, p.birth_date FROM branch b, "
          "person p WHERE b.id = ?1 AND p.id = ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, branch_id);
          sqlite3_bind_int64 (stmt, 2, person_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              const char *founded = (const char *) sqlite3_column_text (stmt, 0);
              const char *dissolved = (const char *) sqlite3_column_text (stmt, 1);
              const char *deceased = (const char *) sqlite3_column_text (stmt, 2);
              const char *born = (const char *) sqlite3_column_text (stmt, 3);

              ok = smt_check_order (founded, from_date, _("founding date"),
                                    _("start of the term"), error)
                   && smt_check_order (born, from_date, _("date of birth"),
                                       _("start of the term"), error)
                   && smt_check_order (from_date, dissolved, _("start of the term"),
                                       _("dissolution date"), error)
                   && smt_check_order (from_date, deceased, _("start of the term"),
                                       _("date of death"), error);
            }
          sqlite3_reset (stmt);
        }
    }
  if (ok && role == SMT_LEADER_LEADER)
    {
      stmt = smt_register_prepare (reg,
          "SELECT count(*) FROM branch_leader l WHERE l.branch_id = ?1 AND l.role = 'leader' "
          "AND l.voided = 0 AND NOT EXISTS (SELECT 1 FROM branch_leader s WHERE s.supersedes = l.id) "
          "AND (l.to_date IS NULL OR l.to_date >= ?2)", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, branch_id);
          smt_bind_text (stmt, 2, from_date);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0)
            ok = smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                           _("The branch already has a leader on that date. End that leader's "
                             "term first, then appoint the new one."));
          sqlite3_reset (stmt);
        }
    }
  if (ok)
    {
      g_autofree char *why = smt_text_normalize (reason ? reason : "");

      stmt = smt_register_prepare (reg,
          "INSERT INTO branch_leader (id, branch_id, person_id, role, from_date, reason, "
          "entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, branch_id);
          sqlite3_bind_int64 (stmt, 3, person_id);
          smt_bind_text (stmt, 4, role_text);
          smt_bind_text (stmt, 5, from_date);
          smt_bind_text (stmt, 6, why);
          smt_bind_text (stmt, 7, smt_register_now (reg));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gint64
smt_leader_end (SmtRegister  *reg,
                gint64        leader_id,
                const char   *to_date,
                const char   *reason,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "branch_leader", leader_id, _("leader's term"), error)
       && smt_check_date (reg, to_date, _("end of the term"), TRUE, error);
  if (ok && smt_register_query_int (reg, 0,
        "SELECT (SELECT count(*) FROM branch_leader s WHERE s.supersedes = ?1) "
        "+ (SELECT voided + (to_date IS NOT NULL) FROM branch_leader WHERE id = ?1)",
        leader_id) > 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                   _("This term has already ended or was corrected. Reload the list and "
                     "choose the current term."));
  if (ok)
    {
      g_autofree char *why = smt_text_normalize (reason ? reason : "");

      stmt = smt_register_prepare (reg,
          "INSERT INTO branch_leader (id, branch_id, person_id, role, from_date, to_date, "
          "reason, supersedes, entered_at) SELECT ?1, branch_id, person_id, role, from_date, ?2, "
          "?3, id, ?4 FROM branch_leader WHERE id = ?5 AND from_date <= ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, to_date);
          smt_bind_text (stmt, 3, why);
          smt_bind_text (stmt, 4, smt_register_now (reg));
          sqlite3_bind_int64 (stmt, 5, leader_id);
          ok = smt_register_step_done (reg, stmt, error);
          if (ok && sqlite3_changes (smt_register_get_db (reg)) == 0)
            ok = smt_fail (error, SMT_REGISTER_ERROR_DATE_ORDER,
                           _("The end of the term comes before its start. Correct the date."));
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}
