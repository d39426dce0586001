/* smt-meeting-query.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/organisations/smt-branch-detail.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "core/targets/smt-targets.h"
#include "smt-meeting-query.h"

/* A row that no later row supersedes, and not a void. */
#define CURRENT(table, alias) \
  alias ".voided = 0 AND NOT EXISTS (SELECT 1 FROM " table " s WHERE s.supersedes = " \
  alias ".id)"

static gboolean
check_year (int      year,
            GError **error)
{
  if (year >= 1900 && year <= 9999)
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("%d is not a year the register can show. Enter a year such as 2026."),
                   year);
}

/* "2026-05" → 2026, 5; FALSE when month is not one. */
static gboolean
parse_month (const char *month,
             int        *year,
             int        *number,
             GError    **error)
{
  char first[11];

  if (month != NULL && strlen (month) == 7 && month[4] == '-')
    {
      g_snprintf (first, sizeof first, "%s-01", month);
      if (smt_date_is_valid (first))
        {
          *year = atoi (month);
          *number = atoi (month + 5);
          return TRUE;
        }
    }
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a month. Write it as YYYY-MM, for example 2026-05."),
                   month != NULL ? month : "");
}

/* ---- the grid ----------------------------------------------------------------- */

void
smt_meeting_grid_row_free (SmtMeetingGridRow *row)
{
  if (row == NULL)
    return;
  g_free (row->organisation);
  g_free (row->name);
  g_free (row->kind);
  g_free (row->founded_on);
  g_free (row->dissolved_on);
  g_free (row);
}

/**
 * smt_branch_month_counts:
 * @founded_on: (nullable): the branch's founding day, ISO
 * @dissolved_on: (nullable): its dissolution day, ISO
 * @year: the year
 * @month: the month, 1–12
 * @today: (nullable): the register's today, ISO; %NULL to count a month
 *   whether or not it has begun
 *
 * A day of the month is in the branch's life (founding day to dissolution
 * day, both included) exactly when its founding month is not after the
 * month and its dissolution month not before: the months compare as the
 * first seven characters of ISO dates. Called for every branch and month
 * of a series, so it formats nothing.
 *
 * Returns: whether the branch-month counts
 */
gboolean
smt_branch_month_counts (const char *founded_on,
                         const char *dissolved_on,
                         int         year,
                         int         month,
                         const char *today)
{
  char key[8];

  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (year >= 0 && year <= 9999, FALSE);

  key[0] = (char) ('0' + year / 1000);
  key[1] = (char) ('0' + year / 100 % 10);
  key[2] = (char) ('0' + year / 10 % 10);
  key[3] = (char) ('0' + year % 10);
  key[4] = '-';
  key[5] = (char) ('0' + month / 10);
  key[6] = (char) ('0' + month % 10);
  key[7] = '\0';
  return (founded_on == NULL || strncmp (founded_on, key, 7) <= 0)
         && (dissolved_on == NULL || strncmp (dissolved_on, key, 7) >= 0)
         && (today == NULL || strncmp (today, key, 7) >= 0);
}

gboolean
smt_meeting_grid_row_exists_in (const SmtMeetingGridRow *row,
                                int                      year,
                                int                      month)
{
  g_return_val_if_fail (row != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  return smt_branch_month_counts (row->founded_on, row->dissolved_on, year, month, NULL);
}

SmtMeetingCell
smt_meeting_grid_cell (const SmtMeetingGridRow  *row,
                       int                       year,
                       int                       month,
                       const char               *today,
                       char                    **text)
{
  const SmtMeetingMonth *m;
  SmtMeetingCell cell;

  g_return_val_if_fail (row != NULL, SMT_MEETING_CELL_NO_BRANCH);
  g_return_val_if_fail (month >= 1 && month <= 12, SMT_MEETING_CELL_NO_BRANCH);
  g_return_val_if_fail (today != NULL, SMT_MEETING_CELL_NO_BRANCH);

  /* A branch-month of branches_meeting is ✓ or ✗ (smt_branch_month_counts);
   * a cell outside one is blank, unless it holds a meeting (only a damaged
   * register has one there). */
  m = &row->months[month - 1];
  if (m->regular)
    cell = SMT_MEETING_CELL_HELD;
  else if (smt_branch_month_counts (row->founded_on, row->dissolved_on, year, month, today)
           || m->meetings > 0)
    cell = SMT_MEETING_CELL_MISSING;
  else if (!smt_meeting_grid_row_exists_in (row, year, month))
    cell = SMT_MEETING_CELL_NO_BRANCH;
  else
    cell = SMT_MEETING_CELL_FUTURE;
  if (text != NULL)
    {
      const char *mark = cell == SMT_MEETING_CELL_HELD ? "✓"
                         : cell == SMT_MEETING_CELL_MISSING ? "✗" : "";

      if (m->meetings > (cell == SMT_MEETING_CELL_HELD ? 1u : 0u))
        *text = g_strdup_printf ("%s %u", mark, m->meetings);
      else
        *text = g_strdup (mark);
    }
  return cell;
}

typedef struct
{
  int                position;
  GBytes            *key;
  SmtMeetingGridRow *row;
} GridEntry;

static void
grid_entry_clear (gpointer data)
{
  GridEntry *e = data;

  g_clear_pointer (&e->key, g_bytes_unref);
  g_clear_pointer (&e->row, smt_meeting_grid_row_free);
}

/* The order of smt_branches_list. */
static int
grid_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const GridEntry *x = a;
  const GridEntry *y = b;

  return smt_branch_order_compare (x->position, x->row->organisation_id, x->key,
                                   x->row->branch_id, y->position, y->row->organisation_id,
                                   y->key, y->row->branch_id);
}

static gboolean
read_grid_meetings (SmtRegister  *reg,
                    int           year,
                    GHashTable   *by_id,
                    GError      **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT m.branch_id, CAST (substr (m.date, 6, 2) AS INTEGER), count (*), "
      "max (m.kind = 'regular'), total (m.present) FROM meeting m "
      "WHERE m.date BETWEEN ?1 AND ?2 AND " CURRENT ("meeting", "m") " "
      "GROUP BY m.branch_id, substr (m.date, 6, 2)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_snprintf (first, sizeof first, "%04d-01-01", year);
  g_snprintf (last, sizeof last, "%04d-12-31", year);
  smt_bind_text (stmt, 1, first);
  smt_bind_text (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 branch_id = sqlite3_column_int64 (stmt, 0);
      int month = sqlite3_column_int (stmt, 1);
      SmtMeetingGridRow *row = g_hash_table_lookup (by_id, &branch_id);

      if (row == NULL || month < 1 || month > 12)
        continue;
      row->months[month - 1].meetings = sqlite3_column_int (stmt, 2);
      row->months[month - 1].regular = sqlite3_column_int (stmt, 3) != 0;
      row->months[month - 1].present = (guint) sqlite3_column_double (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

/**
 * smt_meeting_grid:
 * @reg: the register
 * @year: the year shown
 * @organisation_id: an organisation, or 0 for all
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type SmtMeetingGridRow): the branches
 *   of @year with their meetings month by month, or %NULL with @error set
 */
GPtrArray *
smt_meeting_grid (SmtRegister  *reg,
                  int           year,
                  gint64        organisation_id,
                  GError      **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (GridEntry));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  char first[11], last[11];
  sqlite3_stmt *stmt;
  GPtrArray *rows;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (organisation_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_year (year, error))
    return NULL;
  g_array_set_clear_func (entries, grid_entry_clear);
  stmt = smt_register_prepare (reg,
      "SELECT b.id, b.organisation_id, coalesce (g.short_name, ''), b.name, b.kind, "
      "b.parent_id, b.founded_on, b.dissolved_on, g.position "
      "FROM branch b JOIN organisation g ON g.id = b.organisation_id "
      "WHERE (?1 = 0 OR b.organisation_id = ?1) "
      "AND (b.founded_on IS NULL OR b.founded_on <= ?3) "
      "AND (b.dissolved_on IS NULL OR b.dissolved_on >= ?2)", error);
  if (stmt == NULL)
    return NULL;
  g_snprintf (first, sizeof first, "%04d-01-01", year);
  g_snprintf (last, sizeof last, "%04d-12-31", year);
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  smt_bind_text (stmt, 2, first);
  smt_bind_text (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GridEntry e = { 0 };

      e.row = g_new0 (SmtMeetingGridRow, 1);
      e.row->branch_id = sqlite3_column_int64 (stmt, 0);
      e.row->organisation_id = sqlite3_column_int64 (stmt, 1);
      e.row->organisation = smt_column_text (stmt, 2);
      e.row->name = smt_column_text (stmt, 3);
      e.row->kind = smt_column_text (stmt, 4);
      e.row->parent_id = sqlite3_column_int64 (stmt, 5);
      e.row->founded_on = smt_column_dup (stmt, 6);
      e.row->dissolved_on = smt_column_dup (stmt, 7);
      e.position = sqlite3_column_int (stmt, 8);
      e.key = smt_text_sort_key (e.row->name);
      g_array_append_val (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      SmtMeetingGridRow *row = g_array_index (entries, GridEntry, i).row;

      g_hash_table_insert (by_id, &row->branch_id, row);
    }
  if (!read_grid_meetings (reg, year, by_id, error))
    return NULL;

  g_array_sort (entries, grid_entry_compare);
  rows = g_ptr_array_new_full (entries->len, (GDestroyNotify) smt_meeting_grid_row_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (rows, g_steal_pointer (&g_array_index (entries, GridEntry, i).row));
  return rows;
}

/* ---- one branch, one month --------------------------------------------------- */

void
smt_meeting_info_free (SmtMeetingInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->date);
  g_free (info->topic);
  g_clear_pointer (&info->attendee_ids, g_array_unref);
  g_clear_pointer (&info->attendee_names, g_ptr_array_unref);
  g_free (info);
}

static gboolean
read_attendees (SmtRegister     *reg,
                SmtMeetingInfo  *info,
                GError         **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT a.person_id FROM attendance a WHERE a.meeting_id = ?1 ORDER BY a.person_id",
      error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, info->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_array_append_val (info->attendee_ids, id);
      g_ptr_array_add (info->attendee_names, smt_register_person_name (reg, id));
    }
  return TRUE;
}

GPtrArray *
smt_meetings_of_branch (SmtRegister  *reg,
                        gint64        branch_id,
                        const char   *month,
                        GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  char first[11], last[11];
  sqlite3_stmt *stmt;
  int year, number, rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_month (month, &year, &number, error))
    return NULL;
  g_snprintf (first, sizeof first, "%04d-%02d-01", year, number);
  g_snprintf (last, sizeof last, "%04d-%02d-31", year, number);
  stmt = smt_register_prepare (reg,
      "SELECT m.id, m.date, m.kind, m.topic, m.present, m.party_present, m.officer_present "
      "FROM meeting m WHERE m.branch_id = ?1 AND m.date BETWEEN ?2 AND ?3 AND "
      CURRENT ("meeting", "m") " ORDER BY m.date, m.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  smt_bind_text (stmt, 2, first);
  smt_bind_text (stmt, 3, last);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_meeting_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtMeetingInfo *info = g_new0 (SmtMeetingInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->branch_id = branch_id;
      info->date = smt_column_text (stmt, 1);
      info->kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "thematic") == 0
                   ? SMT_MEETING_THEMATIC : SMT_MEETING_REGULAR;
      info->topic = smt_column_text (stmt, 3);
      info->present = sqlite3_column_int (stmt, 4);
      info->party_present = sqlite3_column_int (stmt, 5) != 0;
      info->officer_present = sqlite3_column_int (stmt, 6) != 0;
      info->attendee_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      info->attendee_names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  /* The statement is reused by read_attendees' neighbours: read after. */
  for (guint i = 0; i < list->len; i++)
    if (!read_attendees (reg, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

GPtrArray *
smt_meeting_members (SmtRegister  *reg,
                     gint64        branch_id,
                     const char   *date,
                     GError      **error)
{
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((members = smt_branch_members (reg, branch_id, date, error)) == NULL)
    return NULL;
  stmt = smt_register_prepare (reg, "SELECT id FROM branch WHERE parent_id = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (groups, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr(GPtrArray) more = smt_branch_members (reg, g_array_index (groups, gint64, i),
                                                      date, error);

      if (more == NULL)
        return NULL;
      for (guint j = 0; j < more->len; j++)
        g_ptr_array_add (members, g_ptr_array_steal_index (more, j--));
    }
  return g_steal_pointer (&members);
}

/* ---- studies ------------------------------------------------------------------- */

void
smt_study_info_free (SmtStudyInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->subject);
  g_free (info->organisation);
  g_free (info->branch);
  g_free (info->date);
  g_free (info);
}

/* A whole branch with nobody missing is written as its list: ticked. */
SmtStudyWay
smt_study_info_way (const SmtStudyInfo *info)
{
  g_return_val_if_fail (info != NULL, SMT_STUDY_WAY_COUNT);

  if (info->exceptions > 0)
    return SMT_STUDY_WAY_WHOLE_BRANCH;
  if (info->named > 0 && info->named >= info->participants)
    return SMT_STUDY_WAY_TICKED;
  return SMT_STUDY_WAY_COUNT;
}

#define STUDY_COLUMNS \
  "SELECT t.id, t.subject, coalesce (t.organisation_id, 0), coalesce (g.short_name, ''), " \
  "coalesce (t.branch_id, 0), coalesce (b.name, ''), t.date, t.participants, " \
  "(SELECT count (*) FROM study_participant p WHERE p.study_id = t.id), " \
  "(SELECT count (*) FROM study_exception x WHERE x.study_id = t.id) " \
  "FROM study t LEFT JOIN organisation g ON g.id = t.organisation_id " \
  "LEFT JOIN branch b ON b.id = t.branch_id "

/* The rows of a statement of STUDY_COLUMNS, bound; reset after. */
static GPtrArray *
read_studies (SmtRegister   *reg,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_study_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtStudyInfo *info = g_new0 (SmtStudyInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->subject = smt_column_text (stmt, 1);
      info->organisation_id = sqlite3_column_int64 (stmt, 2);
      info->organisation = smt_column_text (stmt, 3);
      info->branch_id = sqlite3_column_int64 (stmt, 4);
      info->branch = smt_column_text (stmt, 5);
      info->date = smt_column_text (stmt, 6);
      info->participants = sqlite3_column_int (stmt, 7);
      info->named = sqlite3_column_int (stmt, 8);
      info->exceptions = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

char *
smt_study_info_way_label (const SmtStudyInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  switch (smt_study_info_way (info))
    {
    case SMT_STUDY_WAY_WHOLE_BRANCH:
      /* Translators: a study of the whole branch but %d people */
      return g_strdup_printf (_("whole branch, except %d"), info->exceptions);
    case SMT_STUDY_WAY_TICKED:
      return g_strdup (_("named"));
    case SMT_STUDY_WAY_COUNT:
    default:
      if (info->named > 0)
        /* Translators: a study entered as a number, %d of its participants named */
        return g_strdup_printf (_("counted, %d named"), info->named);
      return g_strdup (_("counted"));
    }
}

GPtrArray *
smt_studies_of_year (SmtRegister  *reg,
                     int           year,
                     gint64        organisation_id,
                     GError      **error)
{
  char first[11], last[11];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_year (year, error))
    return NULL;
  stmt = smt_register_prepare (reg, STUDY_COLUMNS
      "WHERE t.date BETWEEN ?1 AND ?2 AND (?3 = 0 OR t.organisation_id = ?3) AND "
      CURRENT ("study", "t") " ORDER BY t.date, t.id", error);
  if (stmt == NULL)
    return NULL;
  g_snprintf (first, sizeof first, "%04d-01-01", year);
  g_snprintf (last, sizeof last, "%04d-12-31", year);
  smt_bind_text (stmt, 1, first);
  smt_bind_text (stmt, 2, last);
  sqlite3_bind_int64 (stmt, 3, organisation_id);
  return read_studies (reg, stmt, error);
}

SmtStudyInfo *
smt_study_info_get (SmtRegister  *reg,
                    gint64        study_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = smt_register_prepare (reg, STUDY_COLUMNS "WHERE t.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, study_id);
  if ((list = read_studies (reg, stmt, error)) == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, study_id);

      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
                   _("There is no study with the key %s. Use a key the list of studies "
                     "shows."), key);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

/* ---- dialogue days ----------------------------------------------------------- */

static const char *dialogue_codes[SMT_DIALOGUE_N_VALUES] = {
  "dialogue_days", "petitions_raised", "petitions_resolved",
};

const char *
smt_dialogue_code (SmtDialogueValue value)
{
  g_return_val_if_fail ((guint) value < SMT_DIALOGUE_N_VALUES, NULL);
  return dialogue_codes[value];
}

gboolean
smt_dialogue_year (SmtRegister       *reg,
                   int                year,
                   SmtDialogueMonth   months[12],
                   GError           **error)
{
  char first[8], last[8];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (months != NULL, FALSE);

  memset (months, 0, 12 * sizeof (SmtDialogueMonth));
  if (!check_year (year, error))
    return FALSE;
  /* Month periods are stored as "YYYY-MM"; a later row supersedes. */
  stmt = smt_register_prepare (reg,
      "SELECT v.code, CAST (substr (v.period, 6, 2) AS INTEGER), v.value "
      "FROM indicator_value v WHERE v.code IN ('dialogue_days', 'petitions_raised', "
      "'petitions_resolved') AND length (v.period) = 7 AND v.period BETWEEN ?1 AND ?2 AND "
      CURRENT ("indicator_value", "v") " ORDER BY v.id", error);
  if (stmt == NULL)
    return FALSE;
  g_snprintf (first, sizeof first, "%04d-01", year);
  g_snprintf (last, sizeof last, "%04d-12", year);
  smt_bind_text (stmt, 1, first);
  smt_bind_text (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      int month = sqlite3_column_int (stmt, 1);

      if (month < 1 || month > 12)
        continue;
      for (guint v = 0; v < SMT_DIALOGUE_N_VALUES; v++)
        if (g_strcmp0 (code, dialogue_codes[v]) == 0)
          {
            months[month - 1].defined[v] = TRUE;
            months[month - 1].value[v] = sqlite3_column_double (stmt, 2);
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

gboolean
smt_dialogue_month_set (SmtRegister  *reg,
                        const char   *month,
                        int           days,
                        int           raised,
                        int           resolved,
                        GError      **error)
{
  const int values[SMT_DIALOGUE_N_VALUES] = { days, raised, resolved };
  int year, number;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!parse_month (month, &year, &number, error))
    return FALSE;
  if (days < 0 || raised < 0 || resolved < 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Dialogue days and petitions are counts. Enter 0 or more."));
  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = TRUE;
  for (guint v = 0; v < SMT_DIALOGUE_N_VALUES && ok; v++)
    ok = smt_indicator_value_set (reg, dialogue_codes[v], month, values[v], NULL, error) != 0;
  return smt_register_write_end (reg, ok, error);
}
