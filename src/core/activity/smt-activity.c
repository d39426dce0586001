/* smt-activity.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/organisations/smt-membership.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-activity.h"
#include "smt-rating-query.h"

/* ---- small helpers -------------------------------------------------------- */

static char *
dup_text (SmtRegister *reg,
          const char  *sql,
          gint64       id)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static char *
name_of (SmtRegister *reg,
         const char  *table,
         gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?1", table);
  char *name = dup_text (reg, sql, id);

  return name ? name : g_strdup ("?");
}

/* A reason for a correction or a void: required, NFC. */
static gboolean
normalize_reason (const char   *text,
                  gboolean      is_void,
                  char        **out,
                  GError      **error)
{
  if (!smt_normalize_optional (text, _("reason"), out, error))
    return FALSE;
  if ((*out)[0] != '\0')
    return TRUE;
  if (is_void)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("A void needs a reason. Write why the record is wrong."));
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("A correction needs a reason. Write why the earlier record is wrong."));
}

/* The branch exists and is open on date (founded on or before it, not
 * dissolved before it). Returns its organisation in *organisation_id. */
static gboolean
check_branch_open (SmtRegister  *reg,
                   gint64        branch_id,
                   const char   *date,
                   gint64       *organisation_id,
                   GError      **error)
{
  g_autofree char *founded = NULL;
  g_autofree char *dissolved = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *other = NULL;
  sqlite3_stmt *stmt;

  if (!smt_check_exists (reg, "branch", branch_id, _("branch"), error))
    return FALSE;
  stmt = smt_register_prepare (reg, "SELECT organisation_id, founded_on, dissolved_on "
                                    "FROM branch WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_step (stmt);
  *organisation_id = sqlite3_column_int64 (stmt, 0);
  founded = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  dissolved = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  if (date == NULL)
    return TRUE;
  shown = smt_date_to_display (date);
  if (founded != NULL && strcmp (founded, date) > 0)
    {
      name = name_of (reg, "branch", branch_id);
      other = smt_date_to_display (founded);
      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("The branch “%s” was founded on %s, after %s. Choose another branch "
                         "or check the date."), name, other, shown);
    }
  if (dissolved != NULL && strcmp (dissolved, date) < 0)
    {
      name = name_of (reg, "branch", branch_id);
      other = smt_date_to_display (dissolved);
      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("The branch “%s” was dissolved on %s, before %s. Choose a branch "
                         "that still exists or check the date."), name, other, shown);
    }
  return TRUE;
}

/* Keys in a list are people of the register, each listed once. */
static gboolean
check_people_list (SmtRegister   *reg,
                   const gint64  *ids,
                   guint          n_ids,
                   GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_ids; i++)
    {
      if (!smt_check_exists (reg, "person", ids[i], _("person in the list"), error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) &ids[i]))
        {
          g_autofree char *name = smt_register_person_name (reg, ids[i]);

          return smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                           _("%s is in the list twice. Remove the second entry."), name);
        }
    }
  return TRUE;
}

/* A row is current when no later row supersedes it; voided rows cannot be
 * corrected either. */
static gboolean
check_current (SmtRegister  *reg,
               const char   *table,
               gint64        id,
               const char   *what,
               GError      **error)
{
  g_autofree char *sql = NULL;

  if (!smt_check_exists (reg, table, id, what, error))
    return FALSE;
  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %s s WHERE s.supersedes = ?1) "
                         "+ (SELECT voided FROM %s WHERE id = ?1)", table, table);
  if (smt_register_query_int (reg, 1, sql, id) == 0)
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                   _("This record has already been corrected or voided. Reload the list and "
                     "choose its current version."));
}

/* ---- meetings --------------------------------------------------------------- */

static gboolean
check_meeting (SmtRegister            *reg,
               const SmtMeetingFields *fields,
               GError                **error)
{
  g_autofree char *shown = NULL;
  gint64 organisation_id = 0;

  if (!smt_check_date (reg, fields->date, _("meeting date"), TRUE, error)
      || !check_branch_open (reg, fields->branch_id, fields->date, &organisation_id, error))
    return FALSE;
  if ((guint) fields->kind > SMT_MEETING_THEMATIC)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("A meeting is either regular or thematic. Choose one of the two."));
  if (fields->present < 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The number of members present cannot be negative. Enter 0 or more."));
  if ((guint) fields->present < fields->n_attendees)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The attendance list names %u people, more than the %d counted as "
                       "present. Enter at least %u members present."),
                     fields->n_attendees, fields->present, fields->n_attendees);
  if (!check_people_list (reg, fields->attendees, fields->n_attendees, error))
    return FALSE;

  shown = smt_date_to_display (fields->date);
  for (guint i = 0; i < fields->n_attendees; i++)
    {
      gint64 in_branch = 0;

      /* Members of a tổ hội attend their chi hội's meetings too. */
      if (smt_membership_state_on (reg, fields->attendees[i], organisation_id, fields->date,
                                   &in_branch) != SMT_MEMBER_NONE
          && (in_branch == fields->branch_id
              || smt_register_query_int (reg, 0, "SELECT parent_id FROM branch WHERE id = ?1",
                                         in_branch) == fields->branch_id))
        continue;
      {
        g_autofree char *name = smt_register_person_name (reg, fields->attendees[i]);
        g_autofree char *branch = name_of (reg, "branch", fields->branch_id);

        return smt_fail (error, SMT_REGISTER_ERROR_NOT_MEMBER,
                         _("%s is not a member of the branch “%s” on %s. Remove them from the "
                           "attendance list, or record their membership first."),
                         name, branch, shown);
      }
    }
  return TRUE;
}

static gint64
insert_meeting (SmtRegister            *reg,
                const SmtMeetingFields *fields,
                const char             *topic,
                const char             *reason,
                gint64                  supersedes,
                GError                **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "INSERT INTO meeting (id, branch_id, date, kind, topic, present, party_present, "
      "officer_present, reason, supersedes, entered_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  gint64 id = smt_register_next_key (reg);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, fields->branch_id);
  smt_bind_text (stmt, 3, fields->date);
  smt_bind_text (stmt, 4, fields->kind == SMT_MEETING_THEMATIC ? "thematic" : "regular");
  smt_bind_text (stmt, 5, topic);
  sqlite3_bind_int (stmt, 6, fields->present);
  sqlite3_bind_int (stmt, 7, fields->party_present ? 1 : 0);
  sqlite3_bind_int (stmt, 8, fields->officer_present ? 1 : 0);
  smt_bind_text (stmt, 9, reason);
  if (supersedes != 0)
    sqlite3_bind_int64 (stmt, 10, supersedes);
  smt_bind_text (stmt, 11, smt_register_now (reg));
  if (!smt_register_step_done (reg, stmt, error))
    return 0;

  for (guint i = 0; i < fields->n_attendees; i++)
    {
      stmt = smt_register_prepare (reg, "INSERT INTO attendance (meeting_id, person_id) "
                                        "VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, fields->attendees[i]);
      if (!smt_register_step_done (reg, stmt, error))
        return 0;
    }
  return id;
}

gint64
smt_meeting_add (SmtRegister            *reg,
                 const SmtMeetingFields *fields,
                 GError                **error)
{
  g_autofree char *topic = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail (fields->n_attendees == 0 || fields->attendees != NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_normalize_optional (fields->topic, _("topic"), &topic, error)
       && check_meeting (reg, fields, error);
  if (ok)
    {
      id = insert_meeting (reg, fields, topic, "", 0, error);
      ok = id != 0;
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gint64
smt_meeting_correct (SmtRegister            *reg,
                     gint64                  meeting_id,
                     const SmtMeetingFields *fields,
                     const char             *reason,
                     GError                **error)
{
  g_autofree char *topic = NULL;
  g_autofree char *why = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail (fields->n_attendees == 0 || fields->attendees != NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = check_current (reg, "meeting", meeting_id, _("meeting"), error)
       && normalize_reason (reason, FALSE, &why, error)
       && smt_normalize_optional (fields->topic, _("topic"), &topic, error)
       && check_meeting (reg, fields, error);
  if (ok)
    {
      id = insert_meeting (reg, fields, topic, why, meeting_id, error);
      ok = id != 0;
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gint64
smt_meeting_void (SmtRegister  *reg,
                  gint64        meeting_id,
                  const char   *reason,
                  GError      **error)
{
  g_autofree char *why = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = check_current (reg, "meeting", meeting_id, _("meeting"), error)
       && normalize_reason (reason, TRUE, &why, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO meeting (id, branch_id, date, kind, topic, present, party_present, "
          "officer_present, reason, supersedes, voided, entered_at) "
          "SELECT ?1, branch_id, date, kind, topic, present, party_present, officer_present, "
          "?2, id, 1, ?3 FROM meeting WHERE id = ?4", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, why);
          smt_bind_text (stmt, 3, smt_register_now (reg));
          sqlite3_bind_int64 (stmt, 4, meeting_id);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/* ---- studies ---------------------------------------------------------------- */

static int
gint64_cmp (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
insert_pair (SmtRegister  *reg,
             const char   *sql,
             gint64        study_id,
             gint64        person_id,
             GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, study_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  return smt_register_step_done (reg, stmt, error);
}

/* The members of a branch on a day (those of its tổ hội too, as at its
 * meetings), as smt_meeting_members lists them, in *active (not working
 * away) and *away. The people ever placed in the branch up to that day
 * (the membership_event_branch index) are replayed one by one, which
 * reads far less than all the spans. */
static gboolean
branch_members_on (SmtRegister  *reg,
                   gint64        branch_id,
                   gint64        organisation_id,
                   const char   *date,
                   GHashTable   *active,
                   GHashTable   *away,
                   GError      **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) branches = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_array_append_val (branches, branch_id);
  stmt = smt_register_prepare (reg, "SELECT id FROM branch WHERE parent_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (branches, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);

  stmt = smt_register_prepare (reg, "SELECT DISTINCT person_id FROM membership_event "
                                    "WHERE branch_id = ?1 AND date <= ?2", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < branches->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (branches, gint64, i));
      smt_bind_text (stmt, 2, date);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (candidates, id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return smt_register_set_db_error (reg, error);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      gint64 *person_id = &g_array_index (candidates, gint64, i);
      gint64 in_branch = 0;
      SmtMemberState state = smt_membership_state_on (reg, *person_id, organisation_id, date,
                                                      &in_branch);

      if (state == SMT_MEMBER_NONE)
        continue;
      for (guint k = 0; k < branches->len; k++)
        if (in_branch == g_array_index (branches, gint64, k))
          {
            gint64 *key = g_memdup2 (person_id, sizeof (gint64));

            g_hash_table_add (state == SMT_MEMBER_AWAY ? away : active, key);
            break;
          }
    }
  return TRUE;
}

/* A study of the whole branch: who took part are its members on the day,
 * less those working away and the exceptions, each of whom must have been
 * a member that day. The participants go into *out, in key order. */
static gboolean
whole_branch_participants (SmtRegister           *reg,
                           const SmtStudyFields  *fields,
                           gint64                 organisation_id,
                           GArray                *out,
                           GError               **error)
{
  g_autoptr(GHashTable) active = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  g_autoptr(GHashTable) away = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      NULL);
  GHashTableIter iter;
  gpointer key;

  if (fields->branch_id == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("A study of the whole branch needs the branch. Choose the branch, or "
                       "tick the participants, or enter their number."));
  if (!check_people_list (reg, fields->exception_ids, fields->n_exception_ids, error))
    return FALSE;
  if (!branch_members_on (reg, fields->branch_id, organisation_id, fields->date, active, away,
                          error))
    return FALSE;
  for (guint i = 0; i < fields->n_exception_ids; i++)
    {
      const gint64 *id = &fields->exception_ids[i];

      if (!g_hash_table_contains (active, id) && !g_hash_table_contains (away, id))
        {
          g_autofree char *name = smt_register_person_name (reg, *id);
          g_autofree char *branch = name_of (reg, "branch", fields->branch_id);
          g_autofree char *shown = smt_date_to_display (fields->date);

          return smt_fail (error, SMT_REGISTER_ERROR_NOT_MEMBER,
                           _("%s was not a member of %s on %s, so cannot be left out of its "
                             "study. Remove the name from those who did not take part."),
                           name, branch, shown);
        }
      g_hash_table_remove (active, id);
    }
  g_hash_table_iter_init (&iter, active);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (out, *(gint64 *) key);
  g_array_sort (out, gint64_cmp);
  if (out->len == 0)
    {
      g_autofree char *branch = name_of (reg, "branch", fields->branch_id);
      g_autofree char *shown = smt_date_to_display (fields->date);

      return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("Nobody of %s is left to have taken part on %s: every member is "
                         "working away or left out. Check the date and the names."),
                       branch, shown);
    }
  return TRUE;
}

gint64
smt_study_add (SmtRegister          *reg,
               const SmtStudyFields *fields,
               GError              **error)
{
  g_autofree char *subject = NULL;
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *ids;
  sqlite3_stmt *stmt;
  gint64 organisation_id, id = 0;
  guint n_ids;
  int participants;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail (fields->n_participant_ids == 0 || fields->participant_ids != NULL, 0);
  g_return_val_if_fail (fields->n_exception_ids == 0 || fields->exception_ids != NULL, 0);
  g_return_val_if_fail (fields->mode == SMT_STUDY_PARTICIPANTS
                        || fields->mode == SMT_STUDY_WHOLE_BRANCH, 0);

  organisation_id = fields->organisation_id;
  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_text (fields->subject, _("subject studied"), error)
       && smt_check_date (reg, fields->date, _("date of the study"), TRUE, error)
       && (organisation_id == 0
           || smt_check_exists (reg, "organisation", organisation_id, _("organisation"),
                                error));
  if (ok && fields->branch_id != 0)
    {
      gint64 branch_organisation = 0;

      ok = check_branch_open (reg, fields->branch_id, fields->date, &branch_organisation,
                              error);
      if (ok && organisation_id == 0)
        organisation_id = branch_organisation;
      else if (ok && organisation_id != branch_organisation)
        {
          g_autofree char *branch = name_of (reg, "branch", fields->branch_id);
          g_autofree char *org = name_of (reg, "organisation", organisation_id);

          ok = smt_fail (error, SMT_REGISTER_ERROR_WRONG_ORGANISATION,
                         _("The branch “%s” does not belong to %s. Choose a branch of that "
                           "organisation, or leave the branch empty."), branch, org);
        }
    }

  ids = fields->participant_ids;
  n_ids = fields->n_participant_ids;
  participants = fields->participants;
  if (ok && fields->mode == SMT_STUDY_WHOLE_BRANCH)
    {
      if (n_ids > 0 || participants != 0)
        ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("A study of the whole branch counts its members itself. Give only "
                         "those who did not take part, not a number or a list of "
                         "participants."));
      ok = ok && whole_branch_participants (reg, fields, organisation_id, whole, error);
      ids = (const gint64 *) whole->data;
      n_ids = whole->len;
      participants = (int) whole->len;
    }
  else if (ok)
    {
      if (fields->n_exception_ids > 0)
        ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("Those who did not take part are given only for a study of the "
                         "whole branch. Choose that way, or tick the participants."));
      else if (participants < 0)
        ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("The number of participants cannot be negative. Enter 0 or more."));
      else if (participants == 0 && n_ids == 0)
        ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("Nobody took part, as entered. Enter how many members took part, "
                         "or tick them."));
      else if (participants == 0)
        participants = (int) n_ids;
      else if ((guint) participants < n_ids)
        ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("The list names %u participants, more than the %d counted. Enter at "
                         "least %u participants."),
                       n_ids, participants, n_ids);
      ok = ok && check_people_list (reg, ids, n_ids, error);
    }
  if (ok)
    {
      subject = smt_text_normalize (fields->subject);
      stmt = smt_register_prepare (reg,
          "INSERT INTO study (id, subject, organisation_id, branch_id, date, participants, "
          "entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, subject);
          if (organisation_id != 0)
            sqlite3_bind_int64 (stmt, 3, organisation_id);
          if (fields->branch_id != 0)
            sqlite3_bind_int64 (stmt, 4, fields->branch_id);
          smt_bind_text (stmt, 5, fields->date);
          sqlite3_bind_int (stmt, 6, participants);
          smt_bind_text (stmt, 7, smt_register_now (reg));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  for (guint i = 0; ok && i < n_ids; i++)
    ok = insert_pair (reg, "INSERT INTO study_participant (study_id, person_id) "
                           "VALUES (?1, ?2)", id, ids[i], error);
  for (guint i = 0; ok && fields->mode == SMT_STUDY_WHOLE_BRANCH && i < fields->n_exception_ids;
       i++)
    ok = insert_pair (reg, "INSERT INTO study_exception (study_id, person_id) VALUES (?1, ?2)",
                      id, fields->exception_ids[i], error);
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/* A study recorded by mistake: a voiding row that supersedes it, with the
 * reason; its participants and exceptions stay as they were, with it. */
gint64
smt_study_void (SmtRegister  *reg,
                gint64        study_id,
                const char   *reason,
                GError      **error)
{
  g_autofree char *why = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = check_current (reg, "study", study_id, _("study"), error)
       && normalize_reason (reason, TRUE, &why, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO study (id, subject, organisation_id, branch_id, date, participants, "
          "reason, supersedes, voided, entered_at) "
          "SELECT ?1, subject, organisation_id, branch_id, date, participants, ?2, id, 1, ?3 "
          "FROM study WHERE id = ?4", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, why);
          smt_bind_text (stmt, 3, smt_register_now (reg));
          sqlite3_bind_int64 (stmt, 4, study_id);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/* ---- ratings ---------------------------------------------------------------- */

/* Whether the person was a member (active or away) at some time in year:
 * already at the start of it, or admitted or transferred in during it. */
static gboolean
member_in_year (SmtRegister *reg,
                gint64       person_id,
                gint64       organisation_id,
                int          year)
{
  g_autofree char *eve = g_strdup_printf ("%04d-12-31", year - 1);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  if (smt_membership_state_on (reg, person_id, organisation_id, eve, NULL) != SMT_MEMBER_NONE)
    return TRUE;
  stmt = smt_register_prepare (reg,
      "SELECT 1 FROM membership_event e WHERE e.person_id = ?1 AND e.organisation_id = ?2 "
      "AND e.kind IN ('admitted', 'transferred_in') AND e.date BETWEEN ?3 AND ?4 "
      "AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id)", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  smt_bind_text (stmt, 3, first);
  smt_bind_text (stmt, 4, last);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* The level of the scale in force in year for the subject of the
 * organisation (SMT_RATING_SCALE_IN_FORCE_SQL: a use for that kind of
 * subject first, then the organisation's own, then the general one). */
static gboolean
find_level (SmtRegister       *reg,
            int                year,
            gint64             organisation_id,
            SmtRatingSubject   subject,
            const char        *level_code,
            gint64            *level_id,
            GError           **error)
{
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt;
  gint64 scale_id = 0;

  stmt = smt_register_prepare (reg, "SELECT " SMT_RATING_SCALE_IN_FORCE_SQL ("?1", "?2", "?3"),
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  sqlite3_bind_text (stmt, 3, smt_rating_subject_to_string (subject), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    scale_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (scale_id == 0)
    {
      g_autofree char *org = name_of (reg, "organisation", organisation_id);

      return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("No rating scale is in force in %d for %s. Add the scale for that "
                         "year in the settings first."), year, org);
    }

  if (level_code != NULL)
    {
      code = smt_text_normalize (level_code);
      if (code != NULL)
        {
          char *up = g_utf8_strup (code, -1);

          g_free (code);
          code = up;
        }
    }
  *level_id = 0;
  if (code != NULL && code[0] != '\0')
    {
      stmt = smt_register_prepare (reg, "SELECT id FROM rating_level WHERE scale_id = ?1 "
                                        "AND code = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scale_id);
      smt_bind_text (stmt, 2, code);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *level_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (*level_id == 0)
    {
      g_autofree char *levels = NULL;

      stmt = smt_register_prepare (reg, "SELECT group_concat (code, ', ') FROM (SELECT code "
                                        "FROM rating_level WHERE scale_id = ?1 ORDER BY rank)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scale_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        levels = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("“%s” is not a level of the rating scale in force in %d. Choose one "
                         "of: %s."), level_code ? level_code : "", year, levels ? levels : "");
    }
  return TRUE;
}

gint64
smt_rating_set (SmtRegister  *reg,
                int           year,
                gint64        organisation_id,
                gint64        person_id,
                gint64        branch_id,
                const char   *level_code,
                const char   *reason,
                GError      **error)
{
  g_autofree char *why = NULL;
  sqlite3_stmt *stmt;
  gint64 level_id = 0, previous = 0, id = 0;
  int this_year;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  this_year = (int) g_ascii_strtoll (smt_register_get_today (reg), NULL, 10);
  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_normalize_optional (reason, _("reason"), &why, error);
  if (ok && year > this_year)
    ok = smt_fail (error, SMT_REGISTER_ERROR_FUTURE_DATE,
                   _("The year %d has not come yet. Rate a year up to %d."), year, this_year);
  else if (ok && year < 1945)
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("The year %d is not a valid year for a rating. Enter the year as four "
                     "digits, for example 2025."), year);
  if (ok && person_id != 0 && branch_id != 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("A rating is of one member, of one branch or of the organisation itself. "
                     "Choose a person or a branch, not both."));
  if (ok && organisation_id != 0)
    ok = smt_check_exists (reg, "organisation", organisation_id, _("organisation"), error);
  if (ok && branch_id != 0)
    {
      g_autofree char *year_end = g_strdup_printf ("%04d-12-31", year);
      g_autofree char *year_start = g_strdup_printf ("%04d-01-01", year);
      gint64 branch_organisation = 0;

      ok = check_branch_open (reg, branch_id, NULL, &branch_organisation, error);
      if (ok && organisation_id == 0)
        organisation_id = branch_organisation;
      else if (ok && organisation_id != branch_organisation)
        {
          g_autofree char *branch = name_of (reg, "branch", branch_id);
          g_autofree char *org = name_of (reg, "organisation", organisation_id);

          ok = smt_fail (error, SMT_REGISTER_ERROR_WRONG_ORGANISATION,
                         _("The branch “%s” does not belong to %s. Choose a branch of that "
                           "organisation."), branch, org);
        }
      /* The branch existed for at least part of the year. */
      if (ok)
        {
          stmt = smt_register_prepare (reg, "SELECT (founded_on IS NOT NULL AND founded_on > ?2) "
                                            "OR (dissolved_on IS NOT NULL AND dissolved_on < ?3) "
                                            "FROM branch WHERE id = ?1", error);
          ok = stmt != NULL;
          if (ok)
            {
              gboolean outside;

              sqlite3_bind_int64 (stmt, 1, branch_id);
              smt_bind_text (stmt, 2, year_end);
              smt_bind_text (stmt, 3, year_start);
              sqlite3_step (stmt);
              outside = sqlite3_column_int (stmt, 0);
              sqlite3_reset (stmt);
              if (outside)
                {
                  g_autofree char *branch = name_of (reg, "branch", branch_id);

                  ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                                 _("The branch “%s” did not exist in %d. Check the year."),
                                 branch, year);
                }
            }
        }
    }
  if (ok && organisation_id == 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("Choose the organisation the rating belongs to."));
  if (ok && person_id != 0)
    {
      ok = smt_check_exists (reg, "person", person_id, _("person"), error);
      if (ok && !member_in_year (reg, person_id, organisation_id, year))
        {
          g_autofree char *name = smt_register_person_name (reg, person_id);
          g_autofree char *org = name_of (reg, "organisation", organisation_id);

          ok = smt_fail (error, SMT_REGISTER_ERROR_NOT_MEMBER,
                         _("%s was not a member of %s at any time in %d, so cannot be rated "
                           "for that year. Check the year, or record the membership first."),
                         name, org, year);
        }
    }
  ok = ok && find_level (reg, year, organisation_id,
                         person_id != 0 ? SMT_RATING_SUBJECT_MEMBER
                         : branch_id != 0 ? SMT_RATING_SUBJECT_BRANCH
                         : SMT_RATING_SUBJECT_ORGANISATION,
                         level_code, &level_id, error);
  if (ok)
    {
      /* One query per kind, so that SQLite walks rating_person or
       * rating_branch (the + keeps it off rating_year, whose rows for one
       * year and organisation grow with the register). */
      if (person_id != 0)
        previous = smt_register_query_int (reg, 0,
            "SELECT id FROM rating r WHERE +year = ?1 AND +organisation_id = ?2 "
            "AND person_id = ?3 AND branch_id IS NULL AND voided = 0 "
            "AND NOT EXISTS (SELECT 1 FROM rating s WHERE s.supersedes = r.id) "
            "ORDER BY id DESC LIMIT 1",
            (gint64) year, organisation_id, person_id);
      else if (branch_id != 0)
        previous = smt_register_query_int (reg, 0,
            "SELECT id FROM rating r WHERE +year = ?1 AND +organisation_id = ?2 "
            "AND branch_id = ?3 AND person_id IS NULL AND voided = 0 "
            "AND NOT EXISTS (SELECT 1 FROM rating s WHERE s.supersedes = r.id) "
            "ORDER BY id DESC LIMIT 1",
            (gint64) year, organisation_id, branch_id);
      else
        previous = smt_register_query_int (reg, 0,
            "SELECT id FROM rating r WHERE year = ?1 AND organisation_id = ?2 "
            "AND branch_id IS NULL AND person_id IS NULL AND voided = 0 "
            "AND NOT EXISTS (SELECT 1 FROM rating s WHERE s.supersedes = r.id) "
            "ORDER BY id DESC LIMIT 1",
            (gint64) year, organisation_id);
      if (previous != 0 && why[0] == '\0')
        ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("A rating for %d is already recorded. To replace it, write the reason "
                         "for the change."), year);
    }
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO rating (id, year, organisation_id, person_id, branch_id, level_id, "
          "reason, supersedes, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, year);
          sqlite3_bind_int64 (stmt, 3, organisation_id);
          if (person_id != 0)
            sqlite3_bind_int64 (stmt, 4, person_id);
          if (branch_id != 0)
            sqlite3_bind_int64 (stmt, 5, branch_id);
          sqlite3_bind_int64 (stmt, 6, level_id);
          smt_bind_text (stmt, 7, why);
          if (previous != 0)
            sqlite3_bind_int64 (stmt, 8, previous);
          smt_bind_text (stmt, 9, smt_register_now (reg));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/**
 * smt_rating_void:
 * @reg: the register
 * @rating_id: the current rating to clear
 * @reason: why (required)
 * @error: a translated error
 *
 * Clears a rating the append-only way: a new row of the same year,
 * organisation and member or branch, without a level, voided and
 * superseding it. The member or branch is then not rated that year until
 * smt_rating_set rates it again.
 *
 * Returns: the id of the voiding row, 0 with @error set
 */
gint64
smt_rating_void (SmtRegister  *reg,
                 gint64        rating_id,
                 const char   *reason,
                 GError      **error)
{
  g_autofree char *why = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = check_current (reg, "rating", rating_id, _("rating"), error)
       && normalize_reason (reason, TRUE, &why, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO rating (id, year, organisation_id, person_id, branch_id, level_id, "
          "reason, supersedes, voided, entered_at) "
          "SELECT ?1, year, organisation_id, person_id, branch_id, NULL, ?2, id, 1, ?3 "
          "FROM rating WHERE id = ?4", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, why);
          smt_bind_text (stmt, 3, smt_register_now (reg));
          sqlite3_bind_int64 (stmt, 4, rating_id);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

/* ---- officers ---------------------------------------------------------------- */

gint64
smt_officer_add (SmtRegister            *reg,
                 const SmtOfficerFields *fields,
                 GError                **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "person", fields->person_id, _("person"), error)
       && (fields->organisation_id == 0
           || smt_check_exists (reg, "organisation", fields->organisation_id,
                                _("organisation"), error))
       && smt_check_date (reg, fields->from_date, _("start of the term"), TRUE, error)
       && smt_check_date (reg, fields->to_date, _("end of the term"), FALSE, error)
       && smt_check_order (fields->from_date, fields->to_date, _("start of the term"),
                           _("end of the term"), error);
  if (ok && (guint) fields->role > SMT_OFFICER_DEPUTY)
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("An officer is either the head or a deputy. Choose one of the two."));
  if (ok && (fields->political_level < 0 || fields->political_level > 3))
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("The political theory level must be none, elementary, intermediate or "
                     "advanced. Choose one of these."));
  if (ok && (fields->professional_level < 0 || fields->professional_level > 5))
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("The professional level must be none, elementary, intermediate, college, "
                     "university or postgraduate. Choose one of these."));
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO officer (id, organisation_id, person_id, role, from_date, to_date, "
          "political_level, professional_level, entered_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          if (fields->organisation_id != 0)
            sqlite3_bind_int64 (stmt, 2, fields->organisation_id);
          sqlite3_bind_int64 (stmt, 3, fields->person_id);
          smt_bind_text (stmt, 4, fields->role == SMT_OFFICER_DEPUTY ? "deputy" : "head");
          smt_bind_text (stmt, 5, fields->from_date);
          smt_bind_text (stmt, 6, fields->to_date && fields->to_date[0] ? fields->to_date
                                                                         : NULL);
          sqlite3_bind_int (stmt, 7, fields->political_level);
          sqlite3_bind_int (stmt, 8, fields->professional_level);
          smt_bind_text (stmt, 9, smt_register_now (reg));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gint64
smt_officer_end (SmtRegister  *reg,
                 gint64        officer_id,
                 const char   *to_date,
                 const char   *reason,
                 GError      **error)
{
  g_autofree char *why = NULL;
  g_autofree char *from_date = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = check_current (reg, "officer", officer_id, _("officer's term"), error)
       && smt_normalize_optional (reason, _("reason"), &why, error)
       && smt_check_date (reg, to_date, _("end of the term"), TRUE, error);
  if (ok && smt_register_query_int (reg, 0, "SELECT to_date IS NOT NULL FROM officer "
                                            "WHERE id = ?1", officer_id))
    ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                   _("This term has already ended. Reload the list and choose the current "
                     "term."));
  if (ok)
    {
      from_date = dup_text (reg, "SELECT from_date FROM officer WHERE id = ?1", officer_id);
      ok = smt_check_order (from_date, to_date, _("start of the term"), _("end of the term"),
                            error);
    }
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO officer (id, organisation_id, person_id, role, from_date, to_date, "
          "political_level, professional_level, reason, supersedes, entered_at) "
          "SELECT ?1, organisation_id, person_id, role, from_date, ?2, political_level, "
          "professional_level, ?3, id, ?4 FROM officer WHERE id = ?5", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, to_date);
          smt_bind_text (stmt, 3, why);
          smt_bind_text (stmt, 4, smt_register_now (reg));
          sqlite3_bind_int64 (stmt, 5, officer_id);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}
