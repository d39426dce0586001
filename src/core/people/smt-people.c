/* smt-people.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/organisations/smt-membership.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-people.h"

static const char *hamlet_kinds[] = {
  "ấp", "thôn", "khu phố", "tổ dân phố", "khu vực", "bản", "buôn", "làng", "sóc",
};

static gboolean
log_row (SmtRegister  *reg,
         const char   *table,
         gint64        id,
         const char   *action,
         const char   *before,
         const char   *reason,
         GError      **error)
{
  g_autofree char *after = smt_register_row_json (reg, table, id);

  return smt_register_log_change (reg, table, id, action, before, after, reason, error);
}

/* ---- hamlets ------------------------------------------------------------ */

static gboolean
validate_hamlet (SmtRegister  *reg,
                 gint64        self_id,
                 const char   *name,
                 const char   *kind,
                 GError      **error)
{
  g_autofree char *norm = NULL;
  gboolean known = FALSE;
  sqlite3_stmt *stmt;
  gboolean taken;

  if (!smt_check_text (name, _("hamlet name"), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (hamlet_kinds); i++)
    known |= g_strcmp0 (kind, hamlet_kinds[i]) == 0;
  if (!known)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Choose what kind of residential area this is: ấp, thôn, khu phố, "
                       "tổ dân phố, khu vực, bản, buôn, làng or sóc."));
  norm = smt_text_normalize (name);
  stmt = smt_register_prepare (reg, "SELECT 1 FROM hamlet WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, norm);
  sqlite3_bind_int64 (stmt, 2, self_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (taken)
    return smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                     _("There is already a hamlet called “%s”. Choose another name."), norm);
  return TRUE;
}

gint64
smt_hamlet_add (SmtRegister  *reg,
                const char   *name,
                const char   *kind,
                GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = validate_hamlet (reg, 0, name, kind, error);
  if (ok)
    {
      g_autofree char *norm = smt_text_normalize (name);

      stmt = smt_register_prepare (reg,
          "INSERT INTO hamlet (id, name, kind, position) "
          "VALUES (?1, ?2, ?3, (SELECT count(*) + 1 FROM hamlet))", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, norm);
          smt_bind_text (stmt, 3, kind);
          ok = smt_register_step_done (reg, stmt, error) && log_row (reg, "hamlet", id, "insert", NULL, NULL,
                                                        error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_hamlet_rename (SmtRegister  *reg,
                   gint64        hamlet_id,
                   const char   *name,
                   const char   *kind,
                   GError      **error)
{
  g_autofree char *before = NULL;
  g_autofree char *norm = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "hamlet", hamlet_id, _("hamlet"), error)
       && validate_hamlet (reg, hamlet_id, name, kind, error);
  if (ok)
    {
      before = smt_register_row_json (reg, "hamlet", hamlet_id);
      norm = smt_text_normalize (name);
      stmt = smt_register_prepare (reg, "UPDATE hamlet SET name = ?2, kind = ?3 WHERE id = ?1",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, hamlet_id);
          smt_bind_text (stmt, 2, norm);
          smt_bind_text (stmt, 3, kind);
          ok = smt_register_step_done (reg, stmt, error)
               && log_row (reg, "hamlet", hamlet_id, "update", before, NULL, error);
        }
    }
  return smt_register_write_end (reg, ok, error);
}

gint64
smt_hamlet_lookup (SmtRegister *reg,
                   const char  *name)
{
  g_autofree char *wanted = NULL;
  sqlite3_stmt *stmt;
  gint64 found = 0;
  guint matches = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (name != NULL, 0);

  wanted = smt_text_fold (name);
  stmt = smt_register_prepare (reg, "SELECT id, name FROM hamlet", NULL);
  if (stmt == NULL)
    return 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *folded = smt_text_fold ((const char *) sqlite3_column_text (stmt, 1));

      if (g_strcmp0 (folded, wanted) == 0)
        {
          found = sqlite3_column_int64 (stmt, 0);
          matches++;
        }
    }
  sqlite3_reset (stmt);
  return matches == 1 ? found : 0;
}

gboolean
smt_hamlet_delete (SmtRegister  *reg,
                   gint64        hamlet_id,
                   GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "hamlet", hamlet_id, _("hamlet"), error)
       && smt_register_refuse_history (smt_register_count_refs (reg, "household", "hamlet_id", hamlet_id)
                          + smt_register_count_refs (reg, "branch_hamlet", "hamlet_id",
                                                     hamlet_id),
                          _("hamlet"),
                          _("rename it instead if it was merged or renamed."), error)
       && smt_register_delete_row (reg, "hamlet", hamlet_id, error);
  return smt_register_write_end (reg, ok, error);
}

/* ---- households ------------------------------------------------------------ */

gint64
smt_household_add (SmtRegister  *reg,
                   gint64        hamlet_id,
                   const char   *address,
                   const char   *formed_on,
                   GError      **error)
{
  g_autofree char *norm = smt_text_normalize (address ? address : "");
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "hamlet", hamlet_id, _("hamlet"), error)
       && smt_check_date (reg, formed_on, _("date the household was formed"), FALSE, error);
  if (ok && norm == NULL)
    ok = smt_check_text (address, _("address"), error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO household (id, hamlet_id, address, formed_on) VALUES (?1, ?2, ?3, ?4)",
          error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, hamlet_id);
          smt_bind_text (stmt, 3, norm);
          smt_bind_text (stmt, 4, formed_on && formed_on[0] ? formed_on : NULL);
          ok = smt_register_step_done (reg, stmt, error)
               && smt_register_log_change (reg, "household", id, "insert", NULL, NULL, NULL,
                                           error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_household_update (SmtRegister  *reg,
                      gint64        household_id,
                      gint64        hamlet_id,
                      const char   *address,
                      const char   *reason,
                      GError      **error)
{
  g_autofree char *norm = smt_text_normalize (address ? address : "");
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "household", household_id, _("household"), error)
       && smt_check_exists (reg, "hamlet", hamlet_id, _("hamlet"), error);
  if (ok && norm == NULL)
    ok = smt_check_text (address, _("address"), error);
  if (ok)
    {
      before = smt_register_row_json (reg, "household", household_id);
      stmt = smt_register_prepare (reg,
          "UPDATE household SET hamlet_id = ?2, address = ?3 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, household_id);
          sqlite3_bind_int64 (stmt, 2, hamlet_id);
          smt_bind_text (stmt, 3, norm);
          ok = smt_register_step_done (reg, stmt, error)
               && log_row (reg, "household", household_id, "update", before, reason, error);
        }
    }
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_household_delete (SmtRegister  *reg,
                      gint64        household_id,
                      GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "household", household_id, _("household"), error)
       && smt_register_refuse_history (smt_register_count_refs (reg, "residence", "household_id",
                                                   household_id),
                          _("household"),
                          _("move its members out and it stays in history as an empty "
                            "household."), error)
       && smt_register_delete_row (reg, "household", household_id, error);
  return smt_register_write_end (reg, ok, error);
}

/* ---- people --------------------------------------------------------------- */

typedef struct
{
  char *ho, *chu_lot, *ten, *ethnicity, *religion, *cccd, *phone, *note, *folded;
} CleanPerson;

static void
clean_person_clear (CleanPerson *c)
{
  g_free (c->ho);
  g_free (c->chu_lot);
  g_free (c->ten);
  g_free (c->ethnicity);
  g_free (c->religion);
  g_free (c->cccd);
  g_free (c->phone);
  g_free (c->note);
  g_free (c->folded);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanPerson, clean_person_clear)

static char *
optional_text (const char *text)
{
  char *norm = smt_text_normalize (text ? text : "");

  if (norm != NULL && norm[0] == '\0')
    g_clear_pointer (&norm, g_free);
  return norm;
}

/* Digits only, spaces and dots allowed between groups as people type them. */
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

static gboolean
validate_person (SmtRegister            *reg,
                 gint64                  self_id,
                 const SmtPersonFields  *f,
                 CleanPerson            *c,
                 GError                **error)
{
  int this_year = atoi (smt_register_get_today (reg));

  if (!smt_check_text (f->ho, _("family name (họ)"), error)
      || !smt_check_text (f->ten, _("given name (tên)"), error))
    return FALSE;
  c->ho = smt_text_normalize (f->ho);
  c->ten = smt_text_normalize (f->ten);
  c->chu_lot = smt_text_normalize (f->chu_lot ? f->chu_lot : "");
  if (c->chu_lot == NULL)
    return smt_check_text (f->chu_lot, _("middle name (chữ lót)"), error);
  if (strchr (c->ten, ' ') != NULL)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The given name (tên) is one word, such as “Lệ”; put the other words "
                       "in the middle name (chữ lót)."));
  if (f->sex != SMT_SEX_MALE && f->sex != SMT_SEX_FEMALE)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID, _("Choose Nam or Nữ."));

  if (f->birth_year < 1900 || f->birth_year > this_year)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The year of birth %d is not possible. Enter a year between 1900 and %d."),
                     f->birth_year, this_year);
  if (!smt_check_date (reg, f->birth_date, _("date of birth"), FALSE, error))
    return FALSE;
  if (f->birth_date && f->birth_date[0] && atoi (f->birth_date) != f->birth_year)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The date of birth and the year of birth (%d) disagree. Correct one "
                       "of them."), f->birth_year);
  if (!smt_check_date (reg, f->party_since, _("date of Party admission"), FALSE, error)
      || !smt_check_order (f->birth_date, f->party_since, _("date of birth"),
                           _("date of Party admission"), error))
    return FALSE;

  c->ethnicity = optional_text (f->ethnicity);
  c->religion = optional_text (f->religion);
  c->note = smt_text_normalize (f->note ? f->note : "");
  if (c->note == NULL)
    c->note = g_strdup ("");

  if (f->cccd != NULL && f->cccd[0] != '\0')
    {
      gboolean only_digits;
      g_autofree char *digits = digits_of (f->cccd, &only_digits);
      sqlite3_stmt *stmt;

      if (!only_digits || strlen (digits) != 12)
        return smt_fail (error, SMT_REGISTER_ERROR_CCCD,
                         _("A CCCD number has exactly 12 digits; “%s” does not. Check the card "
                           "and type the 12 digits, or leave the field empty."), f->cccd);
      stmt = smt_register_prepare (reg,
          "SELECT ho || ' ' || chu_lot || ' ' || ten FROM person WHERE cccd = ?1 AND id <> ?2",
          error);
      if (stmt == NULL)
        return FALSE;
      smt_bind_text (stmt, 1, digits);
      sqlite3_bind_int64 (stmt, 2, self_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_CCCD,
                       _("The CCCD number %s is already recorded for %s. One card belongs to "
                         "one person: check the number."), digits,
                       (const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      c->cccd = g_steal_pointer (&digits);
    }

  if (f->phone != NULL && f->phone[0] != '\0')
    {
      gboolean only_digits;
      const char *p = f->phone[0] == '+' ? f->phone + 1 : f->phone;
      g_autofree char *digits = digits_of (p, &only_digits);
      gsize n = strlen (digits);

      if (!only_digits || n < 9 || n > 12)
        return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                         _("“%s” is not a phone number. Type its digits, for example "
                           "0912 345 678, or leave the field empty."), f->phone);
      c->phone = f->phone[0] == '+' ? g_strconcat ("+", digits, NULL) : g_steal_pointer (&digits);
    }

  {
    g_autofree char *full = g_strjoin (" ", c->ho, c->chu_lot, c->ten, NULL);
    g_autofree char *collapsed = smt_text_normalize (full);

    c->folded = smt_text_fold (collapsed);
  }
  return TRUE;
}

static void
bind_person (sqlite3_stmt           *stmt,
             const SmtPersonFields  *f,
             const CleanPerson      *c)
{
  g_autoptr(GBytes) k_ten = smt_text_sort_key (c->ten);
  g_autoptr(GBytes) k_lot = smt_text_sort_key (c->chu_lot);
  g_autoptr(GBytes) k_ho = smt_text_sort_key (c->ho);
  gsize n;
  const void *d;
  char sex[2] = { (char) f->sex, 0 };

  smt_bind_text (stmt, 2, c->ho);
  smt_bind_text (stmt, 3, c->chu_lot);
  smt_bind_text (stmt, 4, c->ten);
  smt_bind_text (stmt, 5, sex);
  smt_bind_text (stmt, 6, f->birth_date && f->birth_date[0] ? f->birth_date : NULL);
  sqlite3_bind_int (stmt, 7, f->birth_year);
  smt_bind_text (stmt, 8, c->ethnicity);
  smt_bind_text (stmt, 9, c->religion);
  smt_bind_text (stmt, 10, c->cccd);
  smt_bind_text (stmt, 11, c->phone);
  smt_bind_text (stmt, 12, f->party_since && f->party_since[0] ? f->party_since : NULL);
  smt_bind_text (stmt, 13, c->note);
  d = g_bytes_get_data (k_ten, &n);
  sqlite3_bind_blob (stmt, 14, d ? d : "", n, SQLITE_TRANSIENT);
  d = g_bytes_get_data (k_lot, &n);
  sqlite3_bind_blob (stmt, 15, d ? d : "", n, SQLITE_TRANSIENT);
  d = g_bytes_get_data (k_ho, &n);
  sqlite3_bind_blob (stmt, 16, d ? d : "", n, SQLITE_TRANSIENT);
  smt_bind_text (stmt, 17, c->folded);
}

gint64
smt_person_add (SmtRegister            *reg,
                const SmtPersonFields  *fields,
                GError                **error)
{
  g_auto(CleanPerson) clean = { 0 };
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = validate_person (reg, 0, fields, &clean, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO person (id, ho, chu_lot, ten, sex, birth_date, birth_year, ethnicity, "
          "religion, cccd, phone, party_since, note, sort_ten, sort_lot, sort_ho, folded, "
          "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
          "?16, ?17, ?18)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          bind_person (stmt, fields, &clean);
          smt_bind_text (stmt, 18, smt_register_now (reg));
          ok = smt_register_step_done (reg, stmt, error)
               /* The row itself holds the first values; the first update's
                * "before" keeps them once they change. */
               && smt_register_log_change (reg, "person", id, "insert", NULL, NULL, NULL,
                                           error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gboolean
smt_person_update (SmtRegister            *reg,
                   gint64                  person_id,
                   const SmtPersonFields  *fields,
                   const char             *reason,
                   GError                **error)
{
  g_auto(CleanPerson) clean = { 0 };
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "person", person_id, _("person"), error)
       && validate_person (reg, person_id, fields, &clean, error);
  if (ok)
    {
      before = smt_register_row_json (reg, "person", person_id);
      stmt = smt_register_prepare (reg,
          "UPDATE person SET ho = ?2, chu_lot = ?3, ten = ?4, sex = ?5, birth_date = ?6, "
          "birth_year = ?7, ethnicity = ?8, religion = ?9, cccd = ?10, phone = ?11, "
          "party_since = ?12, note = ?13, sort_ten = ?14, sort_lot = ?15, sort_ho = ?16, "
          "folded = ?17 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          bind_person (stmt, fields, &clean);
          ok = smt_register_step_done (reg, stmt, error)
               && log_row (reg, "person", person_id, "update", before, reason, error);
        }
    }
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_person_delete (SmtRegister  *reg,
                   gint64        person_id,
                   GError      **error)
{
  static const char *refs[][2] = {
    { "residence", "person_id" }, { "membership_event", "person_id" },
    { "branch_leader", "person_id" }, { "attendance", "person_id" },
    { "study_participant", "person_id" }, { "rating", "person_id" },
    { "officer", "person_id" }, { "person_trait", "person_id" },
  };
  gint64 count = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "person", person_id, _("person"), error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (refs); i++)
    count += smt_register_count_refs (reg, refs[i][0], refs[i][1], person_id);
  ok = ok && smt_register_refuse_history (count, _("person"),
                             _("record that the person moved away or died instead."), error)
       && smt_register_delete_row (reg, "person", person_id, error);
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_person_record_death (SmtRegister  *reg,
                         gint64        person_id,
                         const char   *date,
                         const char   *reason,
                         GError      **error)
{
  g_autofree char *before = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *deceased = NULL;
  g_autoptr(GArray) organisations = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = smt_check_exists (reg, "person", person_id, _("person"), error)
       && smt_check_date (reg, date, _("date of death"), TRUE, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg, "SELECT birth_date, deceased_on FROM person WHERE id = ?1",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          sqlite3_step (stmt);
          birth = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          deceased = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          sqlite3_reset (stmt);
        }
    }
  if (ok && deceased != NULL)
    {
      g_autofree char *shown = smt_date_to_display (deceased);

      ok = smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                     _("This person's death is already recorded (%s)."), shown);
    }
  if (ok && birth == NULL)
    {
      /* Only the year of birth is known: the death cannot come before it. */
      gint64 year = smt_register_query_int (reg, 0, "SELECT birth_year FROM person WHERE id = ?1",
                                            person_id);

      birth = g_strdup_printf ("%04d-01-01", (int) year);
    }
  ok = ok && smt_check_order (birth, date, _("date of birth"), _("date of death"), error);
  if (ok)
    {
      before = smt_register_row_json (reg, "person", person_id);
      stmt = smt_register_prepare (reg, "UPDATE person SET deceased_on = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          smt_bind_text (stmt, 2, date);
          ok = smt_register_step_done (reg, stmt, error)
               && log_row (reg, "person", person_id, "update", before, reason, error);
        }
    }
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "SELECT DISTINCT organisation_id FROM membership_event WHERE person_id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        sqlite3_bind_int64 (stmt, 1, person_id);
      while (ok && sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 org = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (organisations, org);
        }
      if (stmt)
        sqlite3_reset (stmt);
    }
  for (guint i = 0; ok && i < organisations->len; i++)
    {
      gint64 org = g_array_index (organisations, gint64, i);

      if (smt_membership_state_on (reg, person_id, org, date, NULL) != SMT_MEMBER_NONE)
        {
          SmtMembershipChange change = {
            .kind = SMT_EVENT_DECEASED, .person_id = person_id, .organisation_id = org,
            .date = date, .reason = reason,
          };

          ok = smt_membership_record (reg, &change, error) != 0;
        }
    }
  return smt_register_write_end (reg, ok, error);
}

/* ---- residence ------------------------------------------------------------ */

gint64
smt_residence_move (SmtRegister  *reg,
                    gint64        person_id,
                    gint64        household_id,
                    const char   *from_date,
                    gboolean      is_head,
                    const char   *reason,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "person", person_id, _("person"), error)
       && (household_id == 0
           || smt_check_exists (reg, "household", household_id, _("household"), error))
       && smt_check_date (reg, from_date, _("date of moving in"), TRUE, error);
  if (ok)
    {
      stmt = smt_register_prepare (reg,
          "SELECT p.birth_date, p.birth_year, p.deceased_on, h.dissolved_on FROM person p "
          "LEFT JOIN household h ON h.id = ?2 WHERE p.id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          char year_start[16];

          sqlite3_bind_int64 (stmt, 1, person_id);
          sqlite3_bind_int64 (stmt, 2, household_id);
          sqlite3_step (stmt);
          g_snprintf (year_start, sizeof year_start, "%04d-01-01", sqlite3_column_int (stmt, 1));
          ok = smt_check_order (sqlite3_column_type (stmt, 0) != SQLITE_NULL
                                  ? (const char *) sqlite3_column_text (stmt, 0) : year_start,
                                from_date, _("date of birth"), _("date of moving in"), error)
               && smt_check_order (from_date, (const char *) sqlite3_column_text (stmt, 2),
                                   _("date of moving in"), _("date of death"), error)
               && smt_check_order (from_date, (const char *) sqlite3_column_text (stmt, 3),
                                   _("date of moving in"),
                                   _("date the household was dissolved"), error);
          sqlite3_reset (stmt);
        }
    }
  if (ok)
    {
      /* The household the person is in on that date, from valid rows. */
      gint64 current = -1;
      gboolean current_head = FALSE;

      stmt = smt_register_prepare (reg,
          "SELECT ifnull (r.household_id, 0), r.is_head FROM residence r WHERE r.person_id = ?1 "
          "AND r.voided = 0 AND r.from_date <= ?2 "
          "AND NOT EXISTS (SELECT 1 FROM residence s WHERE s.supersedes = r.id) "
          "ORDER BY r.from_date DESC, r.id DESC LIMIT 1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          smt_bind_text (stmt, 2, from_date);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              current = sqlite3_column_int64 (stmt, 0);
              current_head = sqlite3_column_int (stmt, 1);
            }
          sqlite3_reset (stmt);
        }
      if (ok && current == household_id && household_id == 0)
        ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("This person does not live in the commune on that date, so cannot "
                         "move out of it."));
      /* Same household with the head flag changed: a new head of household
       * (the old head died or left), recorded as a residence row. */
      else if (ok && current == household_id && current_head == (is_head != FALSE))
        ok = smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                       _("This person already lives in that household on that date."));
    }
  if (ok)
    {
      g_autofree char *why = smt_text_normalize (reason ? reason : "");

      stmt = smt_register_prepare (reg,
          "INSERT INTO residence (id, person_id, household_id, from_date, is_head, reason, "
          "entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int64 (stmt, 2, person_id);
          if (household_id != 0)
            sqlite3_bind_int64 (stmt, 3, household_id);
          smt_bind_text (stmt, 4, from_date);
          sqlite3_bind_int (stmt, 5, household_id != 0 && is_head);
          smt_bind_text (stmt, 6, why ? why : "");
          smt_bind_text (stmt, 7, smt_register_now (reg));
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}

gint64
smt_residence_void (SmtRegister  *reg,
                    gint64        residence_id,
                    const char   *reason,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_exists (reg, "residence", residence_id, _("residence record"), error)
       && smt_check_text (reason, _("reason for the correction"), error);
  if (ok && smt_register_query_int (reg, 1,
        "SELECT voided + (SELECT count(*) FROM residence s WHERE s.supersedes = ?1) "
        "FROM residence WHERE id = ?1", residence_id) > 0)
    ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                   _("This record was already corrected or voided. Reload the history and "
                     "choose the current record."));
  if (ok)
    {
      g_autofree char *why = smt_text_normalize (reason);

      stmt = smt_register_prepare (reg,
          "INSERT INTO residence (id, person_id, household_id, from_date, is_head, reason, "
          "supersedes, voided, entered_at) SELECT ?1, person_id, household_id, from_date, "
          "is_head, ?2, id, 1, ?3 FROM residence WHERE id = ?4", error);
      ok = stmt != NULL;
      if (ok)
        {
          id = smt_register_next_key (reg);
          sqlite3_bind_int64 (stmt, 1, id);
          smt_bind_text (stmt, 2, why);
          smt_bind_text (stmt, 3, smt_register_now (reg));
          sqlite3_bind_int64 (stmt, 4, residence_id);
          ok = smt_register_step_done (reg, stmt, error);
        }
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}
