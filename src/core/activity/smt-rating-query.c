/* smt-rating-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/organisations/smt-member-spans.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-rating-query.h"

#define CURRENT(alias) \
  " " alias ".voided = 0 AND NOT EXISTS (SELECT 1 FROM rating s WHERE s.supersedes = " \
  alias ".id) "

/* The scale in force in ?1 for organisation ?2 and subject ?3 (NULL: the
 * uses for every kind only). The same choice as smt_rating_set's. */
#define SCALE_IN_FORCE "SELECT " SMT_RATING_SCALE_IN_FORCE_SQL ("?1", "?2", "?3")

/* ---- subjects --------------------------------------------------------------- */

const char *
smt_rating_subject_to_string (SmtRatingSubject subject)
{
  switch (subject)
    {
    case SMT_RATING_SUBJECT_MEMBER: return "member";
    case SMT_RATING_SUBJECT_BRANCH: return "branch";
    case SMT_RATING_SUBJECT_ORGANISATION: return "organisation";
    case SMT_RATING_SUBJECT_ALL:
    default: return NULL;
    }
}

gboolean
smt_rating_subject_from_string (const char       *text,
                                SmtRatingSubject *subject)
{
  static const SmtRatingSubject all[] = {
    SMT_RATING_SUBJECT_MEMBER, SMT_RATING_SUBJECT_BRANCH, SMT_RATING_SUBJECT_ORGANISATION,
  };

  g_return_val_if_fail (subject != NULL, FALSE);

  *subject = SMT_RATING_SUBJECT_ALL;
  if (text == NULL || text[0] == '\0' || g_ascii_strcasecmp (text, "all") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_ascii_strcasecmp (text, smt_rating_subject_to_string (all[i])) == 0)
      {
        *subject = all[i];
        return TRUE;
      }
  return FALSE;
}

SmtRatingSubject
smt_rating_target_subject (SmtRatingTarget target)
{
  switch (target)
    {
    case SMT_RATING_MEMBERS: return SMT_RATING_SUBJECT_MEMBER;
    case SMT_RATING_ORGANISATIONS: return SMT_RATING_SUBJECT_ORGANISATION;
    case SMT_RATING_BRANCHES:
    default: return SMT_RATING_SUBJECT_BRANCH;
    }
}

/* Binds a subject to a statement's parameter: its text, or NULL. */
static void
bind_subject (sqlite3_stmt     *stmt,
              int               index,
              SmtRatingSubject  subject)
{
  const char *text = smt_rating_subject_to_string (subject);

  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

/* The id of the scale in force, 0 when none (or on a database error). */
static gint64
scale_in_force_id (SmtRegister      *reg,
                   int               year,
                   gint64           organisation_id,
                   SmtRatingSubject  subject)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, SCALE_IN_FORCE, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  bind_subject (stmt, 3, subject);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* ---- scales ----------------------------------------------------------------- */

static void
level_free (SmtRatingLevel *level)
{
  if (level == NULL)
    return;
  g_free (level->code);
  g_free (level->name);
  g_free (level);
}

static void
use_free (SmtRatingScaleUse *use)
{
  if (use == NULL)
    return;
  g_free (use->organisation);
  g_free (use);
}

void
smt_rating_scale_free (SmtRatingScale *scale)
{
  if (scale == NULL)
    return;
  g_free (scale->code);
  g_free (scale->name);
  g_clear_pointer (&scale->levels, g_ptr_array_unref);
  g_clear_pointer (&scale->uses, g_ptr_array_unref);
  g_free (scale);
}

/* The scale's row and levels; NULL with error on a database error or a
 * missing scale. */
static SmtRatingScale *
load_scale (SmtRegister  *reg,
            gint64        scale_id,
            GError      **error)
{
  g_autoptr(SmtRatingScale) scale = g_new0 (SmtRatingScale, 1);
  sqlite3_stmt *stmt;
  int rc;

  scale->id = scale_id;
  scale->levels = g_ptr_array_new_with_free_func ((GDestroyNotify) level_free);
  scale->uses = g_ptr_array_new_with_free_func ((GDestroyNotify) use_free);
  stmt = smt_register_prepare (reg, "SELECT code, name FROM rating_scale WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scale_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      scale->code = smt_column_text (stmt, 0);
      scale->name = smt_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return smt_register_set_db_error (reg, error), NULL;
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
                   _("The rating scale is missing from the register. Run “somattran check” "
                     "on the file."));
      return NULL;
    }

  stmt = smt_register_prepare (reg, "SELECT id, code, name, rank, counts_strong "
                                    "FROM rating_level WHERE scale_id = ?1 ORDER BY rank, id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scale_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtRatingLevel *level = g_new0 (SmtRatingLevel, 1);

      level->id = sqlite3_column_int64 (stmt, 0);
      level->code = smt_column_text (stmt, 1);
      level->name = smt_column_text (stmt, 2);
      level->rank = sqlite3_column_int (stmt, 3);
      level->counts_strong = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (scale->levels, level);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error), NULL;
  return g_steal_pointer (&scale);
}

static char *
organisation_name (SmtRegister *reg,
                   gint64       organisation_id)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, "SELECT short_name FROM organisation "
                                                  "WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("?");
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = smt_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return name != NULL ? name : g_strdup ("?");
}

/**
 * smt_rating_scale_in_force:
 * @reg: the register
 * @year: the year
 * @organisation_id: the organisation
 * @subject: the kind of subject rated
 * @error: %SMT_REGISTER_ERROR_NOT_FOUND when no scale is in force
 *
 * Returns: (transfer full): the scale with its levels, or %NULL
 */
SmtRatingScale *
smt_rating_scale_in_force (SmtRegister       *reg,
                           int                year,
                           gint64             organisation_id,
                           SmtRatingSubject   subject,
                           GError           **error)
{
  gint64 scale_id;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scale_id = scale_in_force_id (reg, year, organisation_id, subject);
  if (scale_id == 0)
    {
      g_autofree char *org = organisation_name (reg, organisation_id);

      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
                   _("No rating scale is in force in %d for %s. Set the scale for that year "
                     "under “Rating scales…” first."), year, org);
      return NULL;
    }
  return load_scale (reg, scale_id, error);
}

/**
 * smt_rating_scales_list:
 * @reg: the register
 * @error: the database error
 *
 * Returns: (transfer full) (element-type SmtRatingScale): every scale by
 *   code with its levels and uses, or %NULL with @error set
 */
GPtrArray *
smt_rating_scales_list (SmtRegister  *reg,
                        GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  stmt = smt_register_prepare (reg, "SELECT id FROM rating_scale ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error), NULL;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_rating_scale_free);
  for (guint i = 0; i < ids->len; i++)
    {
      SmtRatingScale *scale = load_scale (reg, g_array_index (ids, gint64, i), error);

      if (scale == NULL)
        return NULL;
      g_ptr_array_add (list, scale);
      stmt = smt_register_prepare (reg,
          "SELECT u.id, u.organisation_id, o.short_name, u.from_year, u.to_year, u.subject "
          "FROM rating_scale_use u LEFT JOIN organisation o ON o.id = u.organisation_id "
          "WHERE u.scale_id = ?1 ORDER BY u.from_year, o.position, u.subject, u.id", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, scale->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SmtRatingScaleUse *use = g_new0 (SmtRatingScaleUse, 1);

          use->id = sqlite3_column_int64 (stmt, 0);
          use->organisation_id = sqlite3_column_int64 (stmt, 1);
          use->organisation = smt_column_dup (stmt, 2);
          use->from_year = sqlite3_column_int (stmt, 3);
          use->to_year = sqlite3_column_int (stmt, 4);
          smt_rating_subject_from_string ((const char *) sqlite3_column_text (stmt, 5),
                                          &use->subject);
          g_ptr_array_add (scale->uses, use);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return smt_register_set_db_error (reg, error), NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- which scale is in force ------------------------------------------------ */

/* One update of a use (?1 its id, ?2 the new value), logged. */
static gboolean
update_use (SmtRegister  *reg,
            const char   *sql,
            gint64        id,
            gint64        value,
            GError      **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt = smt_register_prepare (reg, sql, error);

  if (stmt == NULL)
    return FALSE;
  before = smt_register_row_json (reg, "rating_scale_use", id);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, value);
  if (!smt_register_step_done (reg, stmt, error))
    return FALSE;
  after = smt_register_row_json (reg, "rating_scale_use", id);
  return smt_register_log_change (reg, "rating_scale_use", id, "update", before, after, NULL,
                                  error);
}

/* Whom a use concerns, in words: "every organisation", "Phụ nữ", and the
 * kind of subject when it is one: "every organisation, members". */
static char *
use_subject_words (SmtRegister      *reg,
                   gint64            organisation_id,
                   SmtRatingSubject  subject)
{
  g_autofree char *org = organisation_id != 0 ? organisation_name (reg, organisation_id)
                                              : g_strdup (_("every organisation"));
  const char *words;

  switch (subject)
    {
    case SMT_RATING_SUBJECT_MEMBER: words = _("members"); break;
    case SMT_RATING_SUBJECT_BRANCH: words = _("branches"); break;
    case SMT_RATING_SUBJECT_ORGANISATION: words = _("the organisations themselves"); break;
    case SMT_RATING_SUBJECT_ALL:
    default: return g_steal_pointer (&org);
    }
  /* Translators: who a rating scale is for: "every organisation, members" */
  return g_strdup_printf (_("%s, %s"), org, words);
}

gint64
smt_rating_scale_use_set (SmtRegister       *reg,
                          const char        *scale_code,
                          int                from_year,
                          gint64             organisation_id,
                          SmtRatingSubject   subject,
                          GError           **error)
{
  g_autofree char *code = NULL;
  g_autofree char *who = NULL;
  const char *subject_text = smt_rating_subject_to_string (subject);
  sqlite3_stmt *stmt;
  gint64 scale_id = 0, use_id = 0, use_scale = 0, use_from = 0, use_to = 0, later, effective;
  gint64 id = 0, bad_year = 0;
  int this_year;
  gboolean ok = TRUE;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  this_year = (int) g_ascii_strtoll (smt_register_get_today (reg), NULL, 10);
  if (!smt_register_write_begin (reg, error))
    return 0;

  if (scale_code != NULL && (code = smt_text_normalize (scale_code)) != NULL)
    {
      char *up = g_utf8_strup (code, -1);

      g_free (code);
      code = up;
      stmt = smt_register_prepare (reg, "SELECT id FROM rating_scale WHERE code = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          smt_bind_text (stmt, 1, code);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            scale_id = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  if (ok && scale_id == 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_NOT_FOUND,
                   _("There is no rating scale “%s”. Choose one of the scales listed by "
                     "“somattran scales”."), scale_code ? scale_code : "");
  if (ok && (from_year < 1945 || from_year > this_year + 1))
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("A scale can be set from a year between 1945 and %d, not from %d. Check "
                     "the year."), this_year + 1, from_year);
  if (ok && organisation_id != 0)
    ok = smt_check_exists (reg, "organisation", organisation_id, _("organisation"), error);
  if (!ok)
    return smt_register_write_end (reg, FALSE, NULL), 0;
  who = use_subject_words (reg, organisation_id, subject);

  /* The row of the same organisations (or of all) and the same subject (or
   * of all) in force that year, and any that starts later. */
  stmt = smt_register_prepare (reg,
      "SELECT id, scale_id, from_year, coalesce (to_year, 0) FROM rating_scale_use "
      "WHERE coalesce (organisation_id, 0) = ?2 AND subject IS ?3 AND from_year <= ?1 "
      "AND (to_year IS NULL OR ?1 <= to_year) ORDER BY from_year DESC LIMIT 1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, from_year);
      sqlite3_bind_int64 (stmt, 2, organisation_id);
      bind_subject (stmt, 3, subject);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          use_id = sqlite3_column_int64 (stmt, 0);
          use_scale = sqlite3_column_int64 (stmt, 1);
          use_from = sqlite3_column_int64 (stmt, 2);
          use_to = sqlite3_column_int64 (stmt, 3);
        }
      sqlite3_reset (stmt);
    }
  later = 0;
  stmt = ok ? smt_register_prepare (reg,
      "SELECT min (from_year) FROM rating_scale_use WHERE coalesce (organisation_id, 0) = ?2 "
      "AND subject IS ?3 AND from_year > ?1", error) : NULL;
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, from_year);
      sqlite3_bind_int64 (stmt, 2, organisation_id);
      bind_subject (stmt, 3, subject);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        later = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  /* What rates that organisation's subject now: for a use of every kind
   * and every organisation, only the uses of that kind count. */
  effective = organisation_id != 0 || subject != SMT_RATING_SUBJECT_ALL
              ? scale_in_force_id (reg, from_year, organisation_id, subject)
              : use_scale;
  if (ok && later != 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                   _("A scale is already set for %s from %d. Choose a year from %d on, or "
                     "change the scale from %d."), who, (int) later, (int) later, (int) later);
  else if (ok && effective == scale_id)
    ok = smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                   _("The scale “%s” is already in force in %d for %s. Nothing to change."),
                   code, from_year, who);

  if (ok && use_id != 0 && use_from == from_year)
    {
      id = use_id;
      ok = update_use (reg, "UPDATE rating_scale_use SET scale_id = ?2 WHERE id = ?1",
                       id, scale_id, error);
    }
  else if (ok)
    {
      if (use_id != 0)
        ok = update_use (reg, "UPDATE rating_scale_use SET to_year = ?2 WHERE id = ?1",
                         use_id, from_year - 1, error);
      id = smt_register_next_key (reg);
      stmt = ok ? smt_register_prepare (reg,
          "INSERT INTO rating_scale_use (id, scale_id, organisation_id, from_year, to_year, "
          "subject) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error) : NULL;
      ok = ok && stmt != NULL;
      if (ok)
        {
          g_autofree char *after = NULL;

          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, scale_id);
          if (organisation_id != 0)
            sqlite3_bind_int64 (stmt, 3, organisation_id);
          sqlite3_bind_int (stmt, 4, from_year);
          if (use_to != 0)
            sqlite3_bind_int64 (stmt, 5, use_to);
          if (subject_text != NULL)
            sqlite3_bind_text (stmt, 6, subject_text, -1, SQLITE_STATIC);
          ok = smt_register_step_done (reg, stmt, error);
          if (ok)
            {
              after = smt_register_row_json (reg, "rating_scale_use", id);
              ok = smt_register_log_change (reg, "rating_scale_use", id, "insert", NULL, after,
                                            NULL, error);
            }
        }
    }

  /* No current rating may now use a level of a scale not in force in its
   * year for its subject (smt_register_check's rule). */
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "SELECT min (r.year) FROM rating r JOIN rating_level l ON l.id = r.level_id "
          "WHERE r.year >= ?1 AND (?2 = 0 OR r.organisation_id = ?2) AND " CURRENT ("r")
          "AND (?3 IS NULL OR " SMT_RATING_SUBJECT_SQL ("r") " = ?3) "
          "AND l.scale_id IS NOT " SMT_RATING_SCALE_IN_FORCE_SQL ("r.year", "r.organisation_id",
                                                                  SMT_RATING_SUBJECT_SQL ("r")),
          error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int (stmt, 1, from_year);
          sqlite3_bind_int64 (stmt, 2, organisation_id);
          bind_subject (stmt, 3, subject);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            bad_year = sqlite3_column_int64 (stmt, 0);
          sqlite3_reset (stmt);
        }
      if (ok && bad_year != 0)
        ok = smt_fail (error, SMT_REGISTER_ERROR_HAS_HISTORY,
                       _("Ratings of %d for %s are recorded on another scale, so the scale "
                         "“%s” cannot be in force from %d. Choose a year after the last "
                         "ratings, or rate those again first."),
                       (int) bad_year, who, code, from_year);
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/* ---- one rating ------------------------------------------------------------- */

gint64
smt_rating_current (SmtRegister  *reg,
                    int           year,
                    gint64        organisation_id,
                    gint64        person_id,
                    gint64        branch_id,
                    char        **level_code)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (level_code != NULL)
    *level_code = NULL;
  /* One statement per kind, so that SQLite walks rating_person or
   * rating_branch (the + keeps it off rating_year). */
  if (person_id != 0)
    stmt = smt_register_prepare (reg,
        "SELECT r.id, l.code FROM rating r JOIN rating_level l ON l.id = r.level_id "
        "WHERE +r.year = ?1 AND +r.organisation_id = ?2 AND r.person_id = ?3 "
        "AND" CURRENT ("r") "ORDER BY r.id DESC LIMIT 1", NULL);
  else if (branch_id != 0)
    stmt = smt_register_prepare (reg,
        "SELECT r.id, l.code FROM rating r JOIN rating_level l ON l.id = r.level_id "
        "WHERE +r.year = ?1 AND +r.organisation_id = ?2 AND r.branch_id = ?3 "
        "AND" CURRENT ("r") "ORDER BY r.id DESC LIMIT 1", NULL);
  else
    /* The organisation itself: few rows of a year and organisation. */
    stmt = smt_register_prepare (reg,
        "SELECT r.id, l.code FROM rating r JOIN rating_level l ON l.id = r.level_id "
        "WHERE r.year = ?1 AND r.organisation_id = ?2 AND ?3 = 0 AND r.person_id IS NULL "
        "AND r.branch_id IS NULL AND" CURRENT ("r") "ORDER BY r.id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  sqlite3_bind_int64 (stmt, 3, person_id != 0 ? person_id : branch_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (level_code != NULL)
        *level_code = smt_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  return id;
}

int
smt_rating_default_year (SmtRegister *reg)
{
  gint64 this_year;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  this_year = g_ascii_strtoll (smt_register_get_today (reg), NULL, 10);
  if (smt_register_query_int (reg, 0, "SELECT EXISTS (SELECT 1 FROM rating r WHERE r.year = ?1 "
                                      "AND" CURRENT ("r") ")", this_year))
    return (int) this_year;
  return (int) this_year - 1;
}

/* ---- the sheet --------------------------------------------------------------- */

static void
row_free (SmtRatingSheetRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  g_free (row->branch);
  g_free (row->kind);
  g_free (row->level_code);
  g_free (row->level_name);
  g_free (row->previous_code);
  g_free (row->previous_name);
  g_free (row);
}

void
smt_rating_sheet_free (SmtRatingSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_clear_pointer (&sheet->scales, g_ptr_array_unref);  /* holds sheet->scale */
  g_clear_pointer (&sheet->rows, g_ptr_array_unref);
  g_free (sheet->counts);
  g_free (sheet);
}

int
smt_rating_sheet_level_index (const SmtRatingSheet *sheet,
                              gint64                level_id)
{
  g_return_val_if_fail (sheet != NULL, -1);

  for (guint i = 0; i < sheet->scale->levels->len; i++)
    if (((SmtRatingLevel *) g_ptr_array_index (sheet->scale->levels, i))->id == level_id)
      return (int) i;
  return -1;
}

const SmtRatingScale *
smt_rating_sheet_row_scale (const SmtRatingSheet    *sheet,
                            const SmtRatingSheetRow *row)
{
  g_return_val_if_fail (sheet != NULL && row != NULL, NULL);

  for (guint i = 0; i < sheet->scales->len; i++)
    {
      const SmtRatingScale *scale = g_ptr_array_index (sheet->scales, i);

      if (scale->id == row->scale_id)
        return scale;
    }
  return sheet->scale;
}

int
smt_rating_sheet_row_level (const SmtRatingSheet    *sheet,
                            const SmtRatingSheetRow *row)
{
  const SmtRatingScale *scale;

  g_return_val_if_fail (sheet != NULL && row != NULL, -1);

  if (row->rating_id == 0)
    return -1;
  scale = smt_rating_sheet_row_scale (sheet, row);
  for (guint i = 0; i < scale->levels->len; i++)
    if (((SmtRatingLevel *) g_ptr_array_index (scale->levels, i))->id == row->level_id)
      return (int) i;
  return -1;
}

typedef struct
{
  gint64  id;        /* the rating row */
  gint64  level_id;
  char   *code;
  char   *name;
} CurrentRating;

static void
current_rating_free (CurrentRating *c)
{
  g_free (c->code);
  g_free (c->name);
  g_free (c);
}

/* The current ratings of year for the organisation, keyed by person or
 * branch id; for the organisations sheet, those of every organisation
 * itself, keyed by organisation id (the later row wins should a damaged
 * register have two). */
static GHashTable *
load_ratings (SmtRegister      *reg,
              int               year,
              gint64            organisation_id,
              SmtRatingTarget   target,
              GError          **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) current_rating_free);
  sqlite3_stmt *stmt;
  int rc;

  if (target == SMT_RATING_ORGANISATIONS)
    /* Through rating_person: the rows without a person are the few of
     * branches and organisations, not the many of members. */
    stmt = smt_register_prepare (reg,
        "SELECT r.id, 0, 0, r.level_id, l.code, l.name, r.organisation_id "
        "FROM rating r JOIN rating_level l ON l.id = r.level_id "
        "WHERE r.person_id IS NULL AND r.branch_id IS NULL AND +r.year = ?1 AND ?2 = 0 "
        "AND" CURRENT ("r") "ORDER BY r.id", error);
  else
    stmt = smt_register_prepare (reg,
        "SELECT r.id, coalesce (r.person_id, 0), coalesce (r.branch_id, 0), r.level_id, "
        "l.code, l.name, 0 FROM rating r JOIN rating_level l ON l.id = r.level_id "
        "WHERE r.year = ?1 AND r.organisation_id = ?2 AND" CURRENT ("r") "ORDER BY r.id",
        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, target == SMT_RATING_ORGANISATIONS ? 0 : organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, target == SMT_RATING_MEMBERS ? 1
                                               : target == SMT_RATING_BRANCHES ? 2 : 6);
      CurrentRating *c;

      if (key == 0)
        continue;
      c = g_new0 (CurrentRating, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->level_id = sqlite3_column_int64 (stmt, 3);
      c->code = smt_column_text (stmt, 4);
      c->name = smt_column_text (stmt, 5);
      g_hash_table_insert (table, g_memdup2 (&key, sizeof key), c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error), NULL;
  return g_steal_pointer (&table);
}

typedef struct
{
  GBytes       *key[3];
  SmtRatingSheetRow *row;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  for (guint i = 0; i < G_N_ELEMENTS (e->key); i++)
    g_clear_pointer (&e->key[i], g_bytes_unref);
  g_clear_pointer (&e->row, row_free);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  for (guint i = 0; i < G_N_ELEMENTS (x->key); i++)
    {
      int r = g_bytes_compare (x->key[i], y->key[i]);

      if (r != 0)
        return r;
    }
  return x->row->id < y->row->id ? -1 : x->row->id > y->row->id;
}

typedef struct
{
  char   *name;
  char   *kind;
  gint64  parent_id;
  gboolean in_year;
} BranchFact;

static void
branch_fact_free (BranchFact *b)
{
  g_free (b->name);
  g_free (b->kind);
  g_free (b);
}

/* The organisation's branches by id, each marked when it existed for at
 * least part of the year. */
static GHashTable *
load_branches (SmtRegister  *reg,
               int           year,
               gint64        organisation_id,
               GError      **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) branch_fact_free);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  int rc;

  stmt = smt_register_prepare (reg,
      "SELECT id, name, kind, coalesce (parent_id, 0), "
      "(founded_on IS NULL OR founded_on <= ?3) AND (dissolved_on IS NULL OR dissolved_on >= ?2) "
      "FROM branch WHERE organisation_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  smt_bind_text (stmt, 2, first);
  smt_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BranchFact *b = g_new0 (BranchFact, 1);

      b->name = smt_column_text (stmt, 1);
      b->kind = smt_column_text (stmt, 2);
      b->parent_id = sqlite3_column_int64 (stmt, 3);
      b->in_year = sqlite3_column_int (stmt, 4) != 0;
      g_hash_table_insert (table, g_memdup2 (&id, sizeof id), b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error), NULL;
  return g_steal_pointer (&table);
}

static gboolean
collect_branches (SmtRegister  *reg,
                  GHashTable   *branches,
                  GArray       *entries,
                  GError      **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, branches);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      BranchFact *b = value;
      BranchFact *parent = b->parent_id != 0
                           ? g_hash_table_lookup (branches, &b->parent_id) : NULL;
      Entry e = { { NULL } };

      if (!b->in_year)
        continue;
      e.row = g_new0 (SmtRatingSheetRow, 1);
      e.row->id = *(gint64 *) key;
      e.row->name = g_strdup (b->name);
      e.row->kind = g_strdup (b->kind);
      e.row->branch_id = b->parent_id;
      e.row->branch = g_strdup (parent != NULL ? parent->name : "");
      /* A tổ hội right after its chi hội. */
      e.key[0] = smt_text_sort_key (parent != NULL ? parent->name : b->name);
      e.key[1] = g_bytes_new (parent != NULL ? "\1" : "", parent != NULL ? 1 : 0);
      e.key[2] = smt_text_sort_key (b->name);
      g_array_append_val (entries, e);
    }
  (void) reg;
  (void) error;
  return TRUE;
}

static gboolean
collect_members (SmtRegister  *reg,
                 int           year,
                 gint64        organisation_id,
                 GHashTable   *branches,
                 GArray       *entries,
                 GError      **error)
{
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  GArray *spans;
  guint i = 0;

  if ((spans = smt_member_spans_get (reg, error)) == NULL)
    return FALSE;
  stmt = smt_register_prepare (reg, "SELECT ho, chu_lot, ten, sort_ten, sort_lot, sort_ho "
                                    "FROM person WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  while (i < spans->len)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);
      gint64 person = s->person_id, branch_id = 0;
      Entry e = { { NULL } };
      BranchFact *b;
      int rc;

      /* The spans of one membership are together, by start: the last one
       * that touches the year gives the branch. */
      for (; i < spans->len; i++)
        {
          s = &g_array_index (spans, SmtMemberSpan, i);
          if (s->person_id != person)
            break;
          if (s->organisation_id == organisation_id && strcmp (s->start, last) <= 0
              && (s->end[0] == '\0' || strcmp (s->end, first) >= 0))
            branch_id = s->branch_id;
        }
      if (branch_id == 0)
        continue;

      e.row = g_new0 (SmtRatingSheetRow, 1);
      e.row->id = person;
      e.row->branch_id = branch_id;
      b = g_hash_table_lookup (branches, &branch_id);
      e.row->branch = g_strdup (b != NULL ? b->name : "");
      sqlite3_bind_int64 (stmt, 1, person);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *ho = (const char *) sqlite3_column_text (stmt, 0);
          const char *lot = (const char *) sqlite3_column_text (stmt, 1);
          const char *ten = (const char *) sqlite3_column_text (stmt, 2);

          e.row->name = lot != NULL && lot[0] != '\0'
                        ? g_strjoin (" ", ho ? ho : "", lot, ten ? ten : "", NULL)
                        : g_strjoin (" ", ho ? ho : "", ten ? ten : "", NULL);
          for (guint k = 0; k < G_N_ELEMENTS (e.key); k++)
            e.key[k] = g_bytes_new (sqlite3_column_blob (stmt, 3 + (int) k),
                                    sqlite3_column_bytes (stmt, 3 + (int) k));
          rc = SQLITE_DONE;
        }
      else
        {
          e.row->name = g_strdup ("");
          for (guint k = 0; k < G_N_ELEMENTS (e.key); k++)
            e.key[k] = g_bytes_new (NULL, 0);
        }
      sqlite3_reset (stmt);
      g_array_append_val (entries, e);
      if (rc != SQLITE_DONE)
        return smt_register_set_db_error (reg, error);
    }
  return TRUE;
}

/* The organisations of the commune in the order of their list, each on
 * the scale in force for it: those active, and those rated that year
 * (now). A scale other than the sheet's is added to sheet->scales. */
static gboolean
collect_organisations (SmtRegister     *reg,
                       SmtRatingSheet  *sheet,
                       GHashTable      *now,
                       GArray          *entries,
                       GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT id, name, kind = 'socio_political', active FROM organisation "
      "ORDER BY position, id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Entry e = { { NULL } };

      if (sqlite3_column_int (stmt, 3) == 0 && !g_hash_table_contains (now, &id))
        continue;
      e.row = g_new0 (SmtRatingSheetRow, 1);
      e.row->id = id;
      e.row->name = smt_column_text (stmt, 1);
      e.row->branch = g_strdup (sqlite3_column_int (stmt, 2)
                                ? _("socio-political organisation") : _("mass association"));
      g_array_append_val (entries, e);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);

  for (guint i = 0; i < entries->len; i++)
    {
      SmtRatingSheetRow *row = g_array_index (entries, Entry, i).row;
      gint64 scale_id = scale_in_force_id (reg, sheet->year, row->id,
                                           SMT_RATING_SUBJECT_ORGANISATION);
      gboolean known = FALSE;

      row->scale_id = scale_id != 0 ? scale_id : sheet->scale->id;
      for (guint k = 0; k < sheet->scales->len && !known; k++)
        known = ((SmtRatingScale *) g_ptr_array_index (sheet->scales, k))->id == row->scale_id;
      if (!known)
        {
          SmtRatingScale *scale = load_scale (reg, row->scale_id, error);

          if (scale == NULL)
            return FALSE;
          g_ptr_array_add (sheet->scales, scale);
        }
    }
  return TRUE;
}

/* Gives each row its current rating of the year and of the year before,
 * and counts the levels. */
static void
apply_ratings (SmtRatingSheet *sheet,
               GHashTable     *now,
               GHashTable     *before)
{
  memset (sheet->counts, 0, sizeof (guint) * (sheet->scale->levels->len + 1));
  sheet->not_rated = 0;
  sheet->other = 0;
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      SmtRatingSheetRow *row = g_ptr_array_index (sheet->rows, i);
      CurrentRating *c = g_hash_table_lookup (now, &row->id);
      CurrentRating *p = g_hash_table_lookup (before, &row->id);

      g_clear_pointer (&row->level_code, g_free);
      g_clear_pointer (&row->previous_code, g_free);
      g_clear_pointer (&row->previous_name, g_free);
      g_clear_pointer (&row->level_name, g_free);
      row->rating_id = 0;
      row->level_id = 0;
      if (c != NULL)
        {
          int index;

          row->rating_id = c->id;
          row->level_id = c->level_id;
          row->level_code = g_strdup (c->code);
          row->level_name = g_strdup (c->name);
          index = row->scale_id == sheet->scale->id
                  ? smt_rating_sheet_level_index (sheet, c->level_id) : -1;
          if (index >= 0)
            sheet->counts[index]++;
          else
            sheet->other++;
        }
      else
        sheet->not_rated++;
      if (p != NULL)
        {
          row->previous_code = g_strdup (p->code);
          row->previous_name = g_strdup (p->name);
        }
    }
}

/**
 * smt_rating_sheet_reload_ratings:
 * @reg: the register
 * @sheet: a sheet of @reg
 * @error: the database error
 *
 * Reads the ratings of the sheet's rows again, keeping the rows: after a
 * rating was written, this is two queries instead of the whole sheet.
 *
 * Returns: %TRUE on success
 */
gboolean
smt_rating_sheet_reload_ratings (SmtRegister     *reg,
                                 SmtRatingSheet  *sheet,
                                 GError         **error)
{
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GHashTable) before = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);

  if ((now = load_ratings (reg, sheet->year, sheet->organisation_id, sheet->target,
                           error)) == NULL
      || (before = load_ratings (reg, sheet->year - 1, sheet->organisation_id, sheet->target,
                                 error)) == NULL)
    return FALSE;
  apply_ratings (sheet, now, before);
  return TRUE;
}

/**
 * smt_rating_sheet_get:
 * @reg: the register
 * @year: the year rated
 * @organisation_id: the organisation
 * @target: branches, members, or the organisations themselves
 * @error: a translated error
 *
 * Returns: (transfer full): the sheet, or %NULL with @error set
 */
SmtRatingSheet *
smt_rating_sheet_get (SmtRegister      *reg,
                      int               year,
                      gint64            organisation_id,
                      SmtRatingTarget   target,
                      GError          **error)
{
  g_autoptr(SmtRatingSheet) sheet = NULL;
  g_autoptr(GHashTable) now = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) branches = NULL;
  g_autoptr(GArray) entries = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (year < 1945 || year > 9999)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("The year %d is not a valid year for a rating. Enter the year as four "
                     "digits, for example 2025."), year);
      return NULL;
    }
  if (target == SMT_RATING_ORGANISATIONS)
    organisation_id = 0;
  else if (!smt_check_exists (reg, "organisation", organisation_id, _("organisation"), error))
    return NULL;

  sheet = g_new0 (SmtRatingSheet, 1);
  sheet->year = year;
  sheet->organisation_id = organisation_id;
  sheet->target = target;
  sheet->scales = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_rating_scale_free);
  if ((sheet->scale = smt_rating_scale_in_force (reg, year, organisation_id,
                                                 smt_rating_target_subject (target),
                                                 error)) == NULL)
    return NULL;
  g_ptr_array_add (sheet->scales, sheet->scale);
  if ((now = load_ratings (reg, year, organisation_id, target, error)) == NULL
      || (before = load_ratings (reg, year - 1, organisation_id, target, error)) == NULL
      || (target != SMT_RATING_ORGANISATIONS
          && (branches = load_branches (reg, year, organisation_id, error)) == NULL))
    return NULL;

  entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (entries, entry_clear);
  if (target == SMT_RATING_BRANCHES)
    collect_branches (reg, branches, entries, error);
  else if (target == SMT_RATING_MEMBERS)
    {
      if (!collect_members (reg, year, organisation_id, branches, entries, error))
        return NULL;
    }
  else if (!collect_organisations (reg, sheet, now, entries, error))
    return NULL;
  /* Organisations stay in the order of their list. */
  if (target != SMT_RATING_ORGANISATIONS)
    g_array_sort (entries, entry_compare);

  sheet->counts = g_new0 (guint, sheet->scale->levels->len + 1);
  sheet->rows = g_ptr_array_new_full (entries->len, (GDestroyNotify) row_free);
  for (guint i = 0; i < entries->len; i++)
    {
      SmtRatingSheetRow *row = g_steal_pointer (&g_array_index (entries, Entry, i).row);

      if (row->scale_id == 0)
        row->scale_id = sheet->scale->id;
      g_ptr_array_add (sheet->rows, row);
    }
  apply_ratings (sheet, now, before);
  return g_steal_pointer (&sheet);
}
