/* smt-targets.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-catalogue.h"
#include "smt-period.h"
#include "smt-scope.h"
#include "smt-targets.h"

/* NFC of required text. */
static gboolean
normalize_required (const char   *text,
                    const char   *what,
                    char        **out,
                    GError      **error)
{
  if (!smt_check_text (text, what, error))
    return FALSE;
  *out = smt_text_normalize (text);
  return TRUE;
}

/* A date that may lie in the future (a term's end, a deadline). */
static gboolean
check_any_date (const char  *date,
                const char  *what,
                GError     **error)
{
  if (date == NULL || date[0] == '\0' || smt_date_is_valid (date))
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a valid date for “%s”. Enter it as dd/mm/yyyy, "
                     "for example 05/02/2026."), date, what);
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* ---- resolutions -------------------------------------------------------------- */

/* The code names an indicator of the catalogue (with "code:ORG" where the
 * indicator is kept per organisation); typed_only: one typed by hand. */
static gboolean
check_indicator_code (const char  *code,
                      gboolean     typed_only,
                      GError     **error)
{
  const SmtIndicatorInfo *info = smt_catalogue_lookup (code, NULL);
  g_autofree char *typed = NULL;

  if (info != NULL && (!typed_only || info->source == SMT_INDICATOR_TYPED))
    return TRUE;
  if (info == NULL && !typed_only)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("“%s” is not an indicator this program knows. Choose one from the "
                       "list of indicators."), code);
  typed = smt_catalogue_list_codes (SMT_INDICATOR_TYPED);
  if (info != NULL)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("“%s” is computed from the register and is not typed by hand. Values "
                       "are typed only for: %s."), code, typed);
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not an indicator typed by hand. Choose one of: %s."), code, typed);
}

/* Validates and normalizes a resolution's fields; exclude_id: the
 * resolution being changed, not a duplicate of itself. */
static gboolean
check_resolution (SmtRegister  *reg,
                  gint64        exclude_id,
                  const char   *number,
                  const char   *title,
                  const char   *issuer,
                  const char   *issued_on,
                  const char   *term_from,
                  const char   *term_to,
                  char        **norm_number,
                  char        **norm_title,
                  char        **norm_issuer,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  ok = normalize_required (number, _("resolution number"), norm_number, error)
       && normalize_required (title, _("resolution title"), norm_title, error)
       && normalize_required (issuer, _("issuing body"), norm_issuer, error)
       && smt_check_date (reg, issued_on, _("date of issue"), TRUE, error)
       && check_any_date (term_from, _("start of the term"), error)
       && check_any_date (term_to, _("end of the term"), error)
       && smt_check_order (term_from, term_to, _("start of the term"), _("end of the term"),
                           error);
  if (!ok)
    return FALSE;
  stmt = smt_register_prepare (reg, "SELECT 1 FROM resolution WHERE lower (number) = "
                                    "lower (?1) AND id != ?2", error);
  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, *norm_number);
  sqlite3_bind_int64 (stmt, 2, exclude_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ok = smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                   _("A resolution numbered “%s” is already in the register. Check the "
                     "number, or open the one that is there."), *norm_number);
  sqlite3_reset (stmt);
  return ok;
}

gint64
smt_resolution_add (SmtRegister  *reg,
                    const char   *number,
                    const char   *title,
                    const char   *issuer,
                    const char   *issued_on,
                    const char   *term_from,
                    const char   *term_to,
                    GError      **error)
{
  g_autofree char *norm_number = NULL;
  g_autofree char *norm_title = NULL;
  g_autofree char *norm_issuer = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  term_from = empty_to_null (term_from) ? term_from : issued_on;
  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = check_resolution (reg, 0, number, title, issuer, issued_on, term_from, term_to,
                         &norm_number, &norm_title, &norm_issuer, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO resolution (id, number, title, issuer, issued_on, term_from, term_to) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, norm_number);
          smt_bind_text (stmt, 3, norm_title);
          smt_bind_text (stmt, 4, norm_issuer);
          smt_bind_text (stmt, 5, issued_on);
          smt_bind_text (stmt, 6, term_from);
          smt_bind_text (stmt, 7, empty_to_null (term_to));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  if (ok)
    {
      after = smt_register_row_json (reg, "resolution", id);
      ok = smt_register_log_change (reg, "resolution", id, "insert", NULL, after, "", error);
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_resolution_update (SmtRegister  *reg,
                       gint64        resolution_id,
                       const char   *number,
                       const char   *title,
                       const char   *issuer,
                       const char   *issued_on,
                       const char   *term_from,
                       const char   *term_to,
                       const char   *reason,
                       GError      **error)
{
  g_autofree char *norm_number = NULL;
  g_autofree char *norm_title = NULL;
  g_autofree char *norm_issuer = NULL;
  g_autofree char *why = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  term_from = empty_to_null (term_from) ? term_from : issued_on;
  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "resolution", resolution_id, _("resolution"), error)
       && smt_normalize_optional (reason, _("reason"), &why, error)
       && check_resolution (reg, resolution_id, number, title, issuer, issued_on, term_from,
                            term_to, &norm_number, &norm_title, &norm_issuer, error);
  if (ok)
    {
      before = smt_register_row_json (reg, "resolution", resolution_id);
      stmt = smt_register_prepare (reg,
          "UPDATE resolution SET number = ?2, title = ?3, issuer = ?4, issued_on = ?5, "
          "term_from = ?6, term_to = ?7 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, resolution_id);
          smt_bind_text (stmt, 2, norm_number);
          smt_bind_text (stmt, 3, norm_title);
          smt_bind_text (stmt, 4, norm_issuer);
          smt_bind_text (stmt, 5, issued_on);
          smt_bind_text (stmt, 6, term_from);
          smt_bind_text (stmt, 7, empty_to_null (term_to));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  if (ok)
    {
      after = smt_register_row_json (reg, "resolution", resolution_id);
      /* The same values again change nothing and log nothing. */
      if (g_strcmp0 (before, after) != 0)
        ok = smt_register_log_change (reg, "resolution", resolution_id, "update", before,
                                      after, why ? why : "", error);
    }
  return smt_register_write_end (reg, ok, error);
}

/* ---- targets ---------------------------------------------------------------- */

gint64
smt_target_set (SmtRegister           *reg,
                const SmtTargetFields *fields,
                GError               **error)
{
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *scope_text = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "resolution", fields->resolution_id, _("resolution"), error)
       && normalize_required (fields->indicator_code, _("indicator"), &code, error)
       && check_indicator_code (code, FALSE, error)
       && normalize_required (fields->label, _("indicator wording"), &label, error)
       && smt_check_date (reg, fields->baseline_date, _("date of the baseline"), FALSE, error)
       && check_any_date (fields->deadline, _("deadline"), error);
  if (ok && !isfinite (fields->target))
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("The target is not a number. Enter a number, for example 82 or 82,5."));
  if (ok && fields->scope != NULL && *fields->scope != '\0')
    {
      g_autoptr(SmtScope) scope = smt_scope_new (reg, fields->scope, error);

      ok = scope != NULL;
      if (ok)
        scope_text = g_strdup (scope->text);
    }
  if (ok && fields->has_baseline && !isfinite (fields->baseline))
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("The baseline is not a number. Enter a number, or leave the baseline "
                     "empty."));
  if (ok)
    {
      stmt = smt_register_prepare (reg, "SELECT id FROM target WHERE resolution_id = ?1 "
                                        "AND indicator_code = ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, fields->resolution_id);
          smt_bind_text (stmt, 2, code);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  if (ok)
    {
      if (id != 0)
        {
          before = smt_register_row_json (reg, "target", id);
          stmt = smt_register_prepare (reg,
              "UPDATE target SET position = ?3, label = ?4, baseline = ?5, baseline_date = ?6, "
              "target = ?7, comparator = ?8, deadline = ?9, scope = ?11 "
              "WHERE id = ?1 AND indicator_code = ?2", error);
        }
      else
        {
          id = smt_register_next_key (reg);
          stmt = smt_register_prepare (reg,
              "INSERT INTO target (id, indicator_code, position, label, baseline, baseline_date, "
              "target, comparator, deadline, resolution_id, scope) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
        }
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, code);
          sqlite3_bind_int (stmt, 3, fields->position);
          smt_bind_text (stmt, 4, label);
          if (fields->has_baseline)
            sqlite3_bind_double (stmt, 5, fields->baseline);
          smt_bind_text (stmt, 6, empty_to_null (fields->baseline_date));
          sqlite3_bind_double (stmt, 7, fields->target);
          smt_bind_text (stmt, 8, fields->at_most ? "<=" : ">=");
          smt_bind_text (stmt, 9, empty_to_null (fields->deadline));
          if (before == NULL)
            sqlite3_bind_int64 (stmt, 10, fields->resolution_id);
          smt_bind_text (stmt, 11, scope_text);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  if (ok)
    {
      after = smt_register_row_json (reg, "target", id);
      /* Setting the same values again changes nothing and logs nothing. */
      if (g_strcmp0 (before, after) != 0)
        ok = smt_register_log_change (reg, "target", id, before ? "update" : "insert",
                                      before, after, "", error);
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/* ---- typed indicator values --------------------------------------------------- */

/* The organisation of a code "budget:PN" into *organisation_id (0 for a
 * code without one) and the code without it into *base. */
static gboolean
split_typed_code (SmtRegister  *reg,
                  const char   *code,
                  char        **base,
                  gint64       *organisation_id,
                  GError      **error)
{
  g_autofree char *organisation_code = NULL;
  const SmtIndicatorInfo *info = smt_catalogue_lookup (code, &organisation_code);

  *organisation_id = 0;
  *base = NULL;
  if (info == NULL)
    {
      g_autofree char *plain = g_strndup (code, strcspn (code, ":"));

      if (strchr (code, ':') != NULL && smt_catalogue_lookup (plain, NULL) != NULL)
        return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                         _("“%s” is typed for the whole commune only, not per organisation. "
                           "Leave out the organisation."), plain);
      return check_indicator_code (code, TRUE, error);
    }
  if (!check_indicator_code (info->code, TRUE, error))
    return FALSE;
  if (organisation_code != NULL)
    {
      sqlite3_stmt *stmt = smt_register_prepare (reg, "SELECT id FROM organisation "
                                                      "WHERE code = ?1", error);

      if (stmt == NULL)
        return FALSE;
      smt_bind_text (stmt, 1, organisation_code);
      *organisation_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (*organisation_id == 0)
        return smt_fail (error, SMT_REGISTER_ERROR_NOT_FOUND,
                         _("There is no organisation with the code “%s”. Use one of the codes "
                           "in the list of organisations."), organisation_code);
    }
  *base = g_strdup (info->code);
  return TRUE;
}

gint64
smt_indicator_value_set (SmtRegister  *reg,
                         const char   *code,
                         const char   *period,
                         double        value,
                         const char   *note,
                         GError      **error)
{
  g_autofree char *norm_code = NULL;
  g_autofree char *base = NULL;
  g_autofree char *norm_period = NULL;
  g_autofree char *norm_note = NULL;
  g_autoptr(SmtPeriod) parsed = NULL;
  sqlite3_stmt *stmt;
  gint64 previous = 0, id = 0, organisation_id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = normalize_required (code, _("indicator"), &norm_code, error)
       && split_typed_code (reg, norm_code, &base, &organisation_id, error)
       && smt_normalize_optional (note, _("note"), &norm_note, error);
  if (ok)
    {
      parsed = smt_period_parse (period, error);
      ok = parsed != NULL;
      if (ok)
        norm_period = smt_period_to_code (parsed);
    }
  if (ok && strcmp (smt_period_get_start (parsed), smt_register_get_today (reg)) > 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_FUTURE_DATE,
                   _("The period %s has not begun yet. Enter values only for periods that "
                     "have begun."), norm_period);
  if (ok && !isfinite (value))
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("The value is not a number. Enter a number, for example 12 or 3,5."));
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "SELECT id FROM indicator_value v WHERE code = ?1 AND period = ?2 AND voided = 0 "
          "AND coalesce (organisation_id, 0) = ?3 "
          "AND NOT EXISTS (SELECT 1 FROM indicator_value s WHERE s.supersedes = v.id) "
          "ORDER BY id DESC LIMIT 1", error);
      ok = stmt != NULL;
      if (ok)
        {
          smt_bind_text (stmt, 1, base);
          smt_bind_text (stmt, 2, norm_period);
          sqlite3_bind_int64 (stmt, 3, organisation_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            previous = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO indicator_value (id, code, period, value, note, supersedes, entered_at, "
          "organisation_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, base);
          smt_bind_text (stmt, 3, norm_period);
          sqlite3_bind_double (stmt, 4, value);
          smt_bind_text (stmt, 5, norm_note);
          if (previous != 0)
            sqlite3_bind_int64 (stmt, 6, previous);
          smt_bind_text (stmt, 7, smt_register_now (reg));
          if (organisation_id != 0)
            sqlite3_bind_int64 (stmt, 8, organisation_id);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_target_comparison (double  result,
                       double  target,
                       double *percent)
{
  g_return_val_if_fail (percent != NULL, FALSE);

  *percent = 0;
  if (!isfinite (result) || !isfinite (target) || target == 0)
    return FALSE;
  *percent = result / target * 100;
  return TRUE;
}

gboolean
smt_target_met (double   result,
                double   target,
                gboolean at_most)
{
  return at_most ? result <= target : result >= target;
}

gint64
smt_resolution_lookup (SmtRegister *reg,
                       const char  *number)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (number != NULL, 0);

  stmt = smt_register_prepare (reg, "SELECT id FROM resolution WHERE lower (number) = lower (?1)",
                               NULL);
  if (stmt == NULL)
    return 0;
  smt_bind_text (stmt, 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

void
smt_target_info_clear (SmtTargetInfo *info)
{
  g_clear_pointer (&info->label, g_free);
  g_clear_pointer (&info->scope, g_free);
}

gboolean
smt_target_get (SmtRegister   *reg,
                gint64         resolution_id,
                const char    *indicator_code,
                SmtTargetInfo *info)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (indicator_code != NULL && info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  stmt = smt_register_prepare (reg,
      "SELECT label, position, baseline, target, comparator, scope FROM target "
      "WHERE resolution_id = ?1 AND indicator_code = ?2", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resolution_id);
  smt_bind_text (stmt, 2, indicator_code);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      info->label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      info->position = sqlite3_column_int (stmt, 1);
      info->has_baseline = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      info->baseline = sqlite3_column_double (stmt, 2);
      info->target = sqlite3_column_double (stmt, 3);
      info->at_most = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "<=") == 0;
      info->scope = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  return found;
}
