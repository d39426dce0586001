/* smt-person-detail.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/organisations/smt-event-query.h"
#include "core/organisations/smt-membership.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "smt-person-detail.h"
#include "smt-traits.h"

/* ---- rows ------------------------------------------------------------------- */

static void
residence_row_free (gpointer data)
{
  SmtResidenceRow *row = data;

  g_free (row->from);
  g_free (row->to);
  g_free (row->household);
  g_free (row->hamlet);
  g_free (row->reason);
  g_free (row);
}

static void
timeline_row_free (gpointer data)
{
  SmtTimelineRow *row = data;

  g_free (row->date);
  g_free (row->organisation);
  g_free (row->kind);
  g_free (row->branch);
  g_free (row->reason);
  g_free (row->exception);
  g_free (row->entered_at);
  g_free (row);
}

static void
attendance_row_free (gpointer data)
{
  SmtAttendanceRow *row = data;

  g_free (row->date);
  g_free (row->branch);
  g_free (row->topic);
  g_free (row);
}

static void
rating_row_free (gpointer data)
{
  SmtRatingRow *row = data;

  g_free (row->organisation);
  g_free (row->level);
  g_free (row);
}

void
smt_person_detail_free (SmtPersonDetail *detail)
{
  if (detail == NULL)
    return;
  g_free (detail->name);
  g_free (detail->ho);
  g_free (detail->chu_lot);
  g_free (detail->ten);
  g_free (detail->birth_date);
  g_free (detail->deceased_on);
  g_free (detail->party_since);
  g_free (detail->note);
  g_free (detail->cccd);
  g_free (detail->phone);
  g_free (detail->ethnicity);
  g_free (detail->religion);
  g_free (detail->household);
  g_free (detail->hamlet);
  g_clear_pointer (&detail->residences, g_ptr_array_unref);
  g_clear_pointer (&detail->memberships, g_ptr_array_unref);
  g_clear_pointer (&detail->timeline, g_ptr_array_unref);
  g_clear_pointer (&detail->attendance, g_ptr_array_unref);
  g_clear_pointer (&detail->ratings, g_ptr_array_unref);
  g_clear_pointer (&detail->traits, g_ptr_array_unref);
  g_free (detail);
}

/* ---- reading ------------------------------------------------------------- */

/* Resets the statement after its rows were read; FALSE with the database
 * error when the last step was not the end. */
static gboolean
finish (SmtRegister   *reg,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  gboolean ok = rc == SQLITE_DONE || smt_register_set_db_error (reg, error);

  sqlite3_reset (stmt);
  return ok;
}

static gboolean
read_person (SmtRegister      *reg,
             SmtPersonDetail  *d,
             GError          **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT ho, chu_lot, ten, sex, birth_year, birth_date, deceased_on, party_since, note, "
      "cccd, phone, ethnicity, religion FROM person WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *sex = (const char *) sqlite3_column_text (stmt, 3);

      d->ho = smt_column_text (stmt, 0);
      d->chu_lot = smt_column_text (stmt, 1);
      d->ten = smt_column_text (stmt, 2);
      d->sex = sex != NULL && sex[0] == 'F' ? 'F' : 'M';
      d->birth_year = sqlite3_column_int (stmt, 4);
      d->birth_date = smt_column_dup (stmt, 5);
      d->deceased_on = smt_column_dup (stmt, 6);
      d->party_since = smt_column_dup (stmt, 7);
      d->note = smt_column_text (stmt, 8);
      d->cccd = smt_column_dup (stmt, 9);
      d->phone = smt_column_dup (stmt, 10);
      d->ethnicity = smt_column_dup (stmt, 11);
      d->religion = smt_column_dup (stmt, 12);
      d->name = d->chu_lot[0] != '\0'
                  ? g_strdup_printf ("%s %s %s", d->ho, d->chu_lot, d->ten)
                  : g_strdup_printf ("%s %s", d->ho, d->ten);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (!finish (reg, stmt, rc, error))
    return FALSE;
  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);

    return smt_fail (error, SMT_REGISTER_ERROR_NOT_FOUND,
                     _("There is no person with the key %s in this register. Find the key "
                       "in the list of people."), key);
  }
}

/* "Hộ <head> — <address>, <hamlet>", the household as the indicators name
 * it. The head is the one recorded last on or before the date (else the
 * first recorded after it), so a past household keeps the head it had. */
static char *
household_label (SmtRegister  *reg,
                 gint64        household_id,
                 const char   *address,
                 const char   *hamlet,
                 const char   *date,
                 GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT p.ho || ' ' || CASE p.chu_lot WHEN '' THEN '' ELSE p.chu_lot || ' ' END || p.ten "
      "FROM residence r JOIN person p ON p.id = r.person_id "
      "WHERE r.household_id = ?1 AND r.is_head = 1 AND r.voided = 0 "
      "AND NOT EXISTS (SELECT 1 FROM residence s WHERE s.supersedes = r.id) "
      "ORDER BY r.from_date <= ?2 DESC, "
      "CASE WHEN r.from_date <= ?2 THEN r.from_date END DESC, r.from_date, r.id DESC LIMIT 1",
      error);
  g_autofree char *head = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, household_id);
  smt_bind_text (stmt, 2, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      head = smt_column_text (stmt, 0);
      rc = SQLITE_DONE;
    }
  if (!finish (reg, stmt, rc, error))
    return NULL;

  if (head != NULL && address[0] != '\0')
    return g_strdup_printf (_("Household of %s — %s, %s"), head, address, hamlet);
  if (head != NULL)
    return g_strdup_printf (_("Household of %s — %s"), head, hamlet);
  if (address[0] != '\0')
    /* Translators: a household with no head recorded: its address and hamlet */
    return g_strdup_printf (_("Household at %s, %s"), address, hamlet);
  /* Translators: a household with no head recorded and no address: its hamlet */
  return g_strdup_printf (_("Household in %s"), hamlet);
}

static gboolean
read_residences (SmtRegister      *reg,
                 SmtPersonDetail  *d,
                 GError          **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT ifnull (r.household_id, 0), r.from_date, r.is_head, r.reason, "
      "ifnull (h.address, ''), ifnull (m.name, '') "
      "FROM residence r LEFT JOIN household h ON h.id = r.household_id "
      "LEFT JOIN hamlet m ON m.id = h.hamlet_id "
      "WHERE r.person_id = ?1 AND r.voided = 0 "
      "AND NOT EXISTS (SELECT 1 FROM residence s WHERE s.supersedes = r.id) "
      "ORDER BY r.from_date, r.id", error);
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
  const char *today = smt_register_get_today (reg);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtResidenceRow *row = g_new0 (SmtResidenceRow, 1);

      row->household_id = sqlite3_column_int64 (stmt, 0);
      row->from = smt_column_text (stmt, 1);
      row->head = sqlite3_column_int (stmt, 2) != 0;
      row->reason = smt_column_text (stmt, 3);
      row->hamlet = smt_column_text (stmt, 5);
      g_ptr_array_add (addresses, smt_column_text (stmt, 4));
      if (d->residences->len > 0)
        {
          SmtResidenceRow *prev = g_ptr_array_index (d->residences, d->residences->len - 1);

          prev->to = g_strdup (row->from);
        }
      g_ptr_array_add (d->residences, row);
    }
  if (!finish (reg, stmt, rc, error))
    return FALSE;

  /* Labels after the rows: the head look-up is another statement. */
  for (guint i = 0; i < d->residences->len; i++)
    {
      SmtResidenceRow *row = g_ptr_array_index (d->residences, i);
      g_autofree char *last_day = NULL;

      if (row->household_id == 0)
        {
          row->household = g_strdup ("");
          continue;
        }
      if (row->to != NULL)
        {
          last_day = smt_date_add_days (row->to, -1);
          if (last_day == NULL || strcmp (last_day, row->from) < 0)
            {
              g_free (last_day);
              last_day = g_strdup (row->from);
            }
        }
      row->household = household_label (reg, row->household_id,
                                        g_ptr_array_index (addresses, i), row->hamlet,
                                        last_day ? last_day : today, error);
      if (row->household == NULL)
        return FALSE;
    }

  /* Where they live today: the last row that has begun. */
  for (guint i = d->residences->len; i > 0; i--)
    {
      const SmtResidenceRow *row = g_ptr_array_index (d->residences, i - 1);

      if (strcmp (row->from, today) <= 0)
        {
          d->household_id = row->household_id;
          d->household = g_strdup (row->household);
          d->hamlet = g_strdup (row->hamlet);
          break;
        }
    }
  if (d->household == NULL)
    {
      d->household = g_strdup ("");
      d->hamlet = g_strdup ("");
    }
  return TRUE;
}

typedef struct
{
  gint64  id;
  int     position;
  char   *member_word;
  char   *short_name;
} Organisation;

static void
organisation_clear (gpointer data)
{
  Organisation *o = data;

  g_free (o->member_word);
  g_free (o->short_name);
}

static gboolean
read_timeline (SmtRegister      *reg,
               SmtPersonDetail  *d,
               GArray           *organisations,
               GError          **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT e.id, e.date, e.organisation_id, o.short_name, e.kind, ifnull (b.name, ''), "
      "e.reason, ifnull (e.exception_note, ''), "
      "ifnull ((SELECT s.id FROM membership_event s WHERE s.supersedes = e.id), 0), "
      "e.entered_at, o.member_word, o.position, e.restructure_id IS NOT NULL "
      "FROM membership_event e JOIN organisation o ON o.id = e.organisation_id "
      "LEFT JOIN branch b ON b.id = e.branch_id "
      "WHERE e.person_id = ?1 ORDER BY e.date, e.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtTimelineRow *row = g_new0 (SmtTimelineRow, 1);
      SmtEventKind kind = SMT_EVENT_VOID;
      gboolean known = FALSE;

      row->event_id = sqlite3_column_int64 (stmt, 0);
      row->date = smt_column_text (stmt, 1);
      row->organisation_id = sqlite3_column_int64 (stmt, 2);
      row->organisation = smt_column_text (stmt, 3);
      smt_event_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &kind);
      row->event_kind = kind;
      row->restructured = kind == SMT_EVENT_TRANSFERRED && sqlite3_column_int (stmt, 12) != 0;
      row->kind = g_strdup (smt_journal_kind_label (row->restructured ? SMT_JOURNAL_RESTRUCTURED
                                                                      : (int) kind));
      row->branch = smt_column_text (stmt, 5);
      row->reason = smt_column_text (stmt, 6);
      row->exception = smt_column_text (stmt, 7);
      row->superseded_by = sqlite3_column_int64 (stmt, 8);
      row->current = row->superseded_by == 0;
      row->entered_at = smt_column_text (stmt, 9);
      g_ptr_array_add (d->timeline, row);

      for (guint i = 0; i < organisations->len && !known; i++)
        known = g_array_index (organisations, Organisation, i).id == row->organisation_id;
      if (!known)
        {
          Organisation o = {
            .id = row->organisation_id,
            .position = sqlite3_column_int (stmt, 11),
            .member_word = smt_column_text (stmt, 10),
            .short_name = g_strdup (row->organisation),
          };

          g_array_append_val (organisations, o);
        }
    }
  return finish (reg, stmt, rc, error);
}

static int
organisation_compare (gconstpointer a,
                      gconstpointer b)
{
  const Organisation *oa = a, *ob = b;

  if (oa->position != ob->position)
    return oa->position < ob->position ? -1 : 1;
  return oa->id < ob->id ? -1 : oa->id > ob->id;
}

/* "Hội viên", "Đoàn viên": the member word with a capital. */
static char *
capitalised (const char *word)
{
  gunichar first;
  char buf[8];
  int len;

  if (word == NULL || word[0] == '\0')
    return g_strdup ("");
  first = g_unichar_totitle (g_utf8_get_char (word));
  len = g_unichar_to_utf8 (first, buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (word));
}

/* One line per membership open today: its state and branch from the
 * replay of smt_membership_state_on (), its start from the last current
 * admission or transfer into the commune on or before today. */
static gboolean
read_memberships (SmtRegister      *reg,
                  SmtPersonDetail  *d,
                  GArray           *organisations,
                  GError          **error)
{
  const char *today = smt_register_get_today (reg);
  sqlite3_stmt *stmt;

  g_array_sort (organisations, organisation_compare);
  for (guint i = 0; i < organisations->len; i++)
    {
      const Organisation *o = &g_array_index (organisations, Organisation, i);
      g_autofree char *word = NULL;
      g_autofree char *since = NULL;
      g_autofree char *branch = NULL;
      const char *start = NULL;
      gint64 branch_id = 0;
      SmtMemberState state;
      int rc;

      state = smt_membership_state_on (reg, d->id, o->id, today, &branch_id);
      if (state == SMT_MEMBER_NONE)
        continue;
      for (guint k = 0; k < d->timeline->len; k++)
        {
          const SmtTimelineRow *row = g_ptr_array_index (d->timeline, k);

          if (row->organisation_id == o->id && row->current
              && (row->event_kind == SMT_EVENT_ADMITTED
                  || row->event_kind == SMT_EVENT_TRANSFERRED_IN)
              && strcmp (row->date, today) <= 0)
            start = row->date;
        }

      stmt = smt_register_prepare (reg, "SELECT name FROM branch WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, branch_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          branch = smt_column_text (stmt, 0);
          rc = SQLITE_DONE;
        }
      if (!finish (reg, stmt, rc, error))
        return FALSE;

      word = capitalised (o->member_word);
      since = smt_date_to_display (start ? start : "");
      if (state == SMT_MEMBER_AWAY)
        /* Translators: one membership: "Hội viên Phụ nữ — Chi hội Phụ nữ ấp 3, từ
         * 03/02/2015, đang đi làm ăn xa" (member word, organisation, branch, date) */
        g_ptr_array_add (d->memberships,
                         g_strdup_printf (_("%s %s — %s, since %s, working away"), word,
                                          o->short_name, branch ? branch : "", since));
      else
        /* Translators: one membership: "Hội viên Phụ nữ — Chi hội Phụ nữ ấp 3, từ
         * 03/02/2015" (member word, organisation, branch, date) */
        g_ptr_array_add (d->memberships,
                         g_strdup_printf (_("%s %s — %s, since %s"), word, o->short_name,
                                          branch ? branch : "", since));
    }
  return TRUE;
}

static gboolean
read_attendance (SmtRegister      *reg,
                 SmtPersonDetail  *d,
                 GError          **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT m.id, m.date, b.name, m.topic FROM attendance a "
      "JOIN meeting m ON m.id = a.meeting_id JOIN branch b ON b.id = m.branch_id "
      "WHERE a.person_id = ?1 AND m.voided = 0 "
      "AND NOT EXISTS (SELECT 1 FROM meeting s WHERE s.supersedes = m.id) "
      "ORDER BY m.date DESC, m.id DESC", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtAttendanceRow *row = g_new0 (SmtAttendanceRow, 1);

      row->meeting_id = sqlite3_column_int64 (stmt, 0);
      row->date = smt_column_text (stmt, 1);
      row->branch = smt_column_text (stmt, 2);
      row->topic = smt_column_text (stmt, 3);
      g_ptr_array_add (d->attendance, row);
    }
  return finish (reg, stmt, rc, error);
}

static gboolean
read_ratings (SmtRegister      *reg,
              SmtPersonDetail  *d,
              GError          **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT r.year, o.short_name, l.name FROM rating r "
      "JOIN organisation o ON o.id = r.organisation_id "
      "JOIN rating_level l ON l.id = r.level_id "
      "WHERE r.person_id = ?1 AND r.voided = 0 "
      "AND NOT EXISTS (SELECT 1 FROM rating s WHERE s.supersedes = r.id) "
      "ORDER BY r.year DESC, o.position, o.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtRatingRow *row = g_new0 (SmtRatingRow, 1);

      row->year = sqlite3_column_int (stmt, 0);
      row->organisation = smt_column_text (stmt, 1);
      row->level = smt_column_text (stmt, 2);
      g_ptr_array_add (d->ratings, row);
    }
  return finish (reg, stmt, rc, error);
}

/**
 * smt_person_detail_get:
 * @reg: the register
 * @person_id: the person's key
 * @error: return location for a #GError
 *
 * Reads everything the register holds about one person: identity,
 * residence history, every membership event, attendance and ratings.
 *
 * Returns: (transfer full): the detail, or %NULL with
 *   %SMT_REGISTER_ERROR_NOT_FOUND when there is no such person
 */
SmtPersonDetail *
smt_person_detail_get (SmtRegister  *reg,
                       gint64        person_id,
                       GError      **error)
{
  g_autoptr(SmtPersonDetail) d = NULL;
  g_autoptr(GArray) organisations = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  d = g_new0 (SmtPersonDetail, 1);
  d->id = person_id;
  d->residences = g_ptr_array_new_with_free_func (residence_row_free);
  d->memberships = g_ptr_array_new_with_free_func (g_free);
  d->timeline = g_ptr_array_new_with_free_func (timeline_row_free);
  d->attendance = g_ptr_array_new_with_free_func (attendance_row_free);
  d->ratings = g_ptr_array_new_with_free_func (rating_row_free);
  organisations = g_array_new (FALSE, TRUE, sizeof (Organisation));
  g_array_set_clear_func (organisations, organisation_clear);

  if (!read_person (reg, d, error)
      || !read_residences (reg, d, error)
      || !read_timeline (reg, d, organisations, error)
      || !read_memberships (reg, d, organisations, error)
      || !read_attendance (reg, d, error)
      || !read_ratings (reg, d, error)
      || (d->traits = smt_person_traits (reg, person_id, FALSE, error)) == NULL)
    return NULL;
  return g_steal_pointer (&d);
}

/* How many characters stay visible at the end: enough to tell two numbers
 * apart on the phone, too few to use them. Short values are hidden whole. */
static glong
visible_tail (glong length)
{
  if (length >= 9)
    return 3;
  if (length >= 5)
    return 2;
  return 0;
}

/**
 * smt_personal_mask:
 * @value: (nullable): personal data as recorded
 * @keep_tail: whether the last two or three characters stay visible
 *   (CCCD and phone numbers), or nothing does (ethnicity, religion)
 *
 * Masks personal data for screens and printouts, counting characters (not
 * bytes). Without a tail, or for a value too short to keep one, the result
 * is always "•••", so that it does not tell the length either.
 *
 * Returns: (transfer full): the masked text; "" for %NULL or ""
 */
char *
smt_personal_mask (const char *value,
                   gboolean    keep_tail)
{
  g_autofree char *valid = NULL;
  GString *out;
  glong length, tail;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("");
  valid = g_utf8_make_valid (value, -1);
  length = g_utf8_strlen (valid, -1);
  tail = keep_tail ? visible_tail (length) : 0;
  if (tail == 0)
    return g_strdup ("•••");
  out = g_string_new (NULL);
  for (glong i = 0; i < length - tail; i++)
    g_string_append (out, "•");
  g_string_append (out, g_utf8_offset_to_pointer (valid, length - tail));
  return g_string_free (out, FALSE);
}
