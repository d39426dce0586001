/* smt-restructure.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "smt-member-spans.h"
#include "smt-restructure.h"

/* ---- the act ------------------------------------------------------------------ */

/* The branch exists and is open on the date; its organisation in *org. */
static gboolean
check_branch_open (SmtRegister  *reg,
                   gint64        branch_id,
                   const char   *date,
                   gint64       *org,
                   GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *founded = NULL;
  g_autofree char *dissolved = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *other = NULL;
  sqlite3_stmt *stmt;

  if (!smt_check_exists (reg, "branch", branch_id, _("branch"), error))
    return FALSE;
  stmt = smt_register_prepare (reg, "SELECT organisation_id, name, founded_on, dissolved_on "
                                    "FROM branch WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return smt_register_set_db_error (reg, error);
    }
  *org = sqlite3_column_int64 (stmt, 0);
  name = smt_column_text (stmt, 1);
  founded = smt_column_dup (stmt, 2);
  dissolved = smt_column_dup (stmt, 3);
  sqlite3_reset (stmt);

  shown = smt_date_to_display (date);
  if (founded != NULL && strcmp (founded, date) > 0)
    {
      other = smt_date_to_display (founded);
      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("The branch “%s” was founded on %s, after %s. Move the members on "
                         "or after the day it was founded."), name, other, shown);
    }
  if (dissolved != NULL && strcmp (dissolved, date) < 0)
    {
      other = smt_date_to_display (dissolved);
      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("The branch “%s” was dissolved on %s, before %s. Choose a branch "
                         "that still exists or check the date."), name, other, shown);
    }
  return TRUE;
}

static gint64
add_act (SmtRegister  *reg,
         gint64        branch_id,
         const char   *date,
         const char   *reason,
         const char   *document,
         GError      **error)
{
  g_autofree char *reason_nfc = NULL;
  g_autofree char *document_nfc = NULL;
  sqlite3_stmt *stmt;
  gint64 org = 0, id;

  if (!smt_check_date (reg, date, _("restructure date"), TRUE, error)
      || !check_branch_open (reg, branch_id, date, &org, error)
      || !smt_normalize_optional (reason, _("reason"), &reason_nfc, error)
      || !smt_normalize_optional (document, _("document"), &document_nfc, error))
    return 0;
  stmt = smt_register_prepare (reg,
      "INSERT INTO restructure (id, organisation_id, branch_id, date, reason, document, "
      "entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return 0;
  id = smt_register_next_key (reg);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, org);
  sqlite3_bind_int64 (stmt, 3, branch_id);
  smt_bind_text (stmt, 4, date);
  smt_bind_text (stmt, 5, reason_nfc);
  smt_bind_text (stmt, 6, document_nfc);
  smt_bind_text (stmt, 7, smt_register_now (reg));
  if (!smt_register_step_done (reg, stmt, error))
    return 0;
  return id;
}

/**
 * smt_restructure_add:
 * @reg: the register
 * @branch_id: where the members go
 * @date: the day, YYYY-MM-DD
 * @reason: (nullable): why
 * @document: (nullable): the decision
 * @error: a translated %SMT_REGISTER_ERROR
 *
 * Returns: the key of the new restructure, 0 when refused (nothing written)
 */
gint64
smt_restructure_add (SmtRegister  *reg,
                     gint64        branch_id,
                     const char   *date,
                     const char   *reason,
                     const char   *document,
                     GError      **error)
{
  gint64 id;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  id = add_act (reg, branch_id, date, reason, document, error);
  return smt_register_write_end (reg, id != 0, error) ? id : 0;
}

/**
 * smt_restructure_apply:
 * @reg: the register
 * @fields: the branch, the day, why, and the members moved
 * @failed_person: (out) (optional): the person refused, 0 when none
 * @error: a translated %SMT_REGISTER_ERROR naming the person refused
 *
 * Sắp xếp lại: the act and one transfer per member, all or nothing.
 *
 * Returns: the key of the restructure, 0 when nothing was written
 */
gint64
smt_restructure_apply (SmtRegister                 *reg,
                       const SmtRestructureFields  *fields,
                       gint64                      *failed_person,
                       GError                     **error)
{
  g_autoptr(GError) local = NULL;
  gint64 id;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (fields != NULL, 0);
  g_return_val_if_fail (fields->n_persons == 0 || fields->person_ids != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (failed_person != NULL)
    *failed_person = 0;
  if (fields->n_persons == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("No one is chosen. Tick the members to move."));
  for (guint i = 0; i < fields->n_persons; i++)
    for (guint j = 0; j < i; j++)
      if (fields->person_ids[i] == fields->person_ids[j])
        {
          g_autofree char *name = smt_register_person_name (reg, fields->person_ids[i]);

          if (failed_person != NULL)
            *failed_person = fields->person_ids[i];
          return smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                           _("%s is named twice. Name each person once."), name);
        }

  if (!smt_register_write_begin (reg, error))
    return 0;
  id = add_act (reg, fields->branch_id, fields->date, fields->reason, fields->document, error);
  for (guint i = 0; id != 0 && i < fields->n_persons; i++)
    {
      SmtMembershipChange change = {
        .kind = SMT_EVENT_TRANSFERRED, .person_id = fields->person_ids[i],
        .branch_id = fields->branch_id, .date = fields->date, .reason = fields->reason,
        .document = fields->document, .restructure_id = id,
      };

      if (smt_membership_record (reg, &change, &local) == 0)
        {
          g_autofree char *name = smt_register_person_name (reg, fields->person_ids[i]);

          if (failed_person != NULL)
            *failed_person = fields->person_ids[i];
          /* Translators: the person refused, then the reason the core gives */
          g_set_error (error, SMT_REGISTER_ERROR, local->code,
                       _("No one was moved, because %s cannot be: %s"), name, local->message);
          id = 0;
        }
    }
  return smt_register_write_end (reg, id != 0, error) ? id : 0;
}

/**
 * smt_restructure_void:
 * @reg: the register
 * @restructure_id: the restructure to undo
 * @reason: why
 * @error: a translated %SMT_REGISTER_ERROR
 *
 * Returns: %TRUE when every transfer still current was voided, %FALSE
 *   when none was
 */
gboolean
smt_restructure_void (SmtRegister  *reg,
                      gint64        restructure_id,
                      const char   *reason,
                      GError      **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) persons = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!smt_check_exists (reg, "restructure", restructure_id, _("restructure"), error))
    return FALSE;
  stmt = smt_register_prepare (reg,
      "SELECT e.id, e.person_id FROM membership_event e WHERE e.restructure_id = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id) "
      "ORDER BY e.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, restructure_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 event = sqlite3_column_int64 (stmt, 0), person = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (events, event);
      g_array_append_val (persons, person);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  if (events->len == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                     _("This restructure has already been undone: none of its moves is in "
                       "force."));

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  for (guint i = 0; ok && i < events->len; i++)
    {
      g_autoptr(GError) local = NULL;
      SmtMembershipChange change = {
        .kind = SMT_EVENT_VOID, .voids_event_id = g_array_index (events, gint64, i),
        .person_id = g_array_index (persons, gint64, i), .reason = reason,
        .date = smt_register_get_today (reg),
      };

      if (smt_membership_record (reg, &change, &local) == 0)
        {
          g_autofree char *name = smt_register_person_name (reg,
                                                            g_array_index (persons, gint64, i));

          /* Translators: the person whose move cannot be undone, then why */
          g_set_error (error, SMT_REGISTER_ERROR, local->code,
                       _("The restructure was not undone, because the move of %s cannot be: "
                         "%s"), name, local->message);
          ok = FALSE;
        }
    }
  return smt_register_write_end (reg, ok, error) && ok;
}

/* ---- lists -------------------------------------------------------------------- */

void
smt_restructure_info_free (SmtRestructureInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->organisation);
  g_free (info->branch);
  g_free (info->from_branches);
  g_free (info->date);
  g_free (info->reason);
  g_free (info->document);
  g_free (info);
}

static SmtRestructureInfo *
find_info (GPtrArray *list,
           gint64     id)
{
  for (guint i = 0; i < list->len; i++)
    {
      SmtRestructureInfo *info = g_ptr_array_index (list, i);

      if (info->id == id)
        return info;
    }
  return NULL;
}

/* Adds a branch name to a list written "A, B", once. */
static void
add_from_branch (SmtRestructureInfo *info,
                 const char         *name)
{
  g_auto(GStrv) names = NULL;
  char *joined;

  if (name == NULL || name[0] == '\0')
    return;
  if (info->from_branches == NULL)
    {
      info->from_branches = g_strdup (name);
      return;
    }
  names = g_strsplit (info->from_branches, ", ", -1);
  if (g_strv_contains ((const char * const *) names, name))
    return;
  joined = g_strconcat (info->from_branches, ", ", name, NULL);
  g_free (info->from_branches);
  info->from_branches = joined;
}

GPtrArray *
smt_restructures_list (SmtRegister  *reg,
                       gint64        organisation_id,
                       GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = smt_register_prepare (reg,
      "SELECT r.id, r.organisation_id, coalesce (o.short_name, ''), r.branch_id, "
      " coalesce (b.name, ''), r.date, r.reason, r.document "
      "FROM restructure r LEFT JOIN organisation o ON o.id = r.organisation_id "
      "LEFT JOIN branch b ON b.id = r.branch_id "
      "WHERE ?1 = 0 OR r.organisation_id = ?1 ORDER BY r.date DESC, r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_restructure_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtRestructureInfo *info = g_new0 (SmtRestructureInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->organisation_id = sqlite3_column_int64 (stmt, 1);
      info->organisation = smt_column_text (stmt, 2);
      info->branch_id = sqlite3_column_int64 (stmt, 3);
      info->branch = smt_column_text (stmt, 4);
      info->date = smt_column_text (stmt, 5);
      info->reason = smt_column_text (stmt, 6);
      info->document = smt_column_text (stmt, 7);
      g_ptr_array_add (list, info);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  if (list->len == 0)
    return g_steal_pointer (&list);

  /* Every transfer of a restructure, in one pass over the events: voided
   * or not, and the branch it left (the person's branch from the last
   * earlier event that names one and was not voided). */
  stmt = smt_register_prepare (reg,
      "SELECT e.restructure_id, "
      " EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id), "
      " (SELECT fb.name FROM membership_event f JOIN branch fb ON fb.id = f.branch_id "
      "  WHERE f.person_id = e.person_id AND f.organisation_id = e.organisation_id "
      "  AND f.kind <> 'void' AND (f.date < e.date OR (f.date = e.date AND f.id < e.id)) "
      "  AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = f.id) "
      "  ORDER BY f.date DESC, f.id DESC LIMIT 1) "
      "FROM membership_event e WHERE e.restructure_id IS NOT NULL ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtRestructureInfo *info = find_info (list, sqlite3_column_int64 (stmt, 0));

      if (info == NULL)
        continue;  /* of another organisation */
      if (sqlite3_column_int (stmt, 1) != 0)
        info->voided++;
      else
        {
          info->moved++;
          add_from_branch (info, (const char *) sqlite3_column_text (stmt, 2));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- whom to move ------------------------------------------------------------- */

typedef struct
{
  SmtBranchMember *member;
  GBytes          *key[3];   /* sort_ten, sort_lot, sort_ho */
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_clear_pointer (&e->member, smt_branch_member_free);
  for (guint k = 0; k < G_N_ELEMENTS (e->key); k++)
    g_clear_pointer (&e->key[k], g_bytes_unref);
}

static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *x = a, *y = b;

  for (guint k = 0; k < G_N_ELEMENTS (x->key); k++)
    {
      int r = g_bytes_compare (x->key[k], y->key[k]);

      if (r != 0)
        return r;
    }
  return (x->member->person_id > y->member->person_id)
         - (x->member->person_id < y->member->person_id);
}

static gboolean
fill_entry (SmtRegister  *reg,
            Entry        *e,
            GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT ho, chu_lot, ten, sex, birth_year, sort_ten, sort_lot, sort_ho "
      "FROM person WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->member->person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *lot = (const char *) sqlite3_column_text (stmt, 1);
      const char *sex = (const char *) sqlite3_column_text (stmt, 3);

      if (lot != NULL && lot[0] != '\0')
        e->member->full_name = g_strjoin (" ", sqlite3_column_text (stmt, 0), lot,
                                          sqlite3_column_text (stmt, 2), NULL);
      else
        e->member->full_name = g_strjoin (" ", sqlite3_column_text (stmt, 0),
                                          sqlite3_column_text (stmt, 2), NULL);
      e->member->sex = sex != NULL ? sex[0] : 0;
      e->member->birth_year = sqlite3_column_int (stmt, 4);
      for (guint k = 0; k < G_N_ELEMENTS (e->key); k++)
        e->key[k] = g_bytes_new (sqlite3_column_blob (stmt, 5 + k),
                                 sqlite3_column_bytes (stmt, 5 + k));
      rc = SQLITE_DONE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  if (e->member->full_name == NULL)
    {
      /* Only a damaged register has a span without its person. */
      e->member->full_name = g_strdup ("");
      for (guint k = 0; k < G_N_ELEMENTS (e->key); k++)
        e->key[k] = g_bytes_new (NULL, 0);
    }
  return TRUE;
}

GPtrArray *
smt_restructure_members (SmtRegister  *reg,
                         gint64        from_branch_id,
                         const char   *date,
                         GError      **error)
{
  g_autoptr(GArray) entries = NULL;
  GPtrArray *list;
  GArray *spans;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (date == NULL)
    date = smt_register_get_today (reg);
  else if (!smt_date_is_valid (date))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD."), date);
      return NULL;
    }
  if (!smt_check_exists (reg, "branch", from_branch_id, _("branch"), error))
    return NULL;
  if ((spans = smt_member_spans_get (reg, error)) == NULL)
    return NULL;
  entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (entries, entry_clear);
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);
      Entry e = { NULL };

      if (s->branch_id != from_branch_id || !smt_member_span_covers (s, date))
        continue;
      e.member = g_new0 (SmtBranchMember, 1);
      e.member->person_id = s->person_id;
      e.member->since = g_strdup (s->start);
      e.member->away = s->away;
      g_array_append_val (entries, e);
      if (!fill_entry (reg, &g_array_index (entries, Entry, entries->len - 1), error))
        return NULL;
    }
  g_array_sort (entries, entry_compare);
  list = g_ptr_array_new_full (entries->len, (GDestroyNotify) smt_branch_member_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (list, g_steal_pointer (&g_array_index (entries, Entry, i).member));
  return list;
}
