/* smt-membership.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-membership.h"

static const char *kind_names[SMT_N_EVENTS] = {
  "admitted", "transferred", "transferred_in", "transferred_out", "left", "removed",
  "away", "back", "deceased", "void",
};

static const char *kind_labels[SMT_N_EVENTS] = {
  N_("Admitted"), N_("Transferred"), N_("Transferred in"), N_("Transferred out"),
  N_("Left"), N_("Removed"), N_("Working away"), N_("Back"), N_("Deceased"), N_("Void"),
};

const char *
smt_event_kind_to_string (SmtEventKind kind)
{
  g_return_val_if_fail ((guint) kind < SMT_N_EVENTS, NULL);
  return kind_names[kind];
}

gboolean
smt_event_kind_from_string (const char   *text,
                            SmtEventKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; text != NULL && i < SMT_N_EVENTS; i++)
    if (strcmp (text, kind_names[i]) == 0)
      {
        *kind = (SmtEventKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
smt_event_kind_label (SmtEventKind kind)
{
  g_return_val_if_fail ((guint) kind < SMT_N_EVENTS, NULL);
  return _(kind_labels[kind]);
}

/* ---- replay ------------------------------------------------------------- */

/* One non-voided event of a person in an organisation, as replayed. */
typedef struct
{
  gint64       id;
  SmtEventKind kind;
  gint64       branch_id;
  char         date[11];
} Event;

typedef struct
{
  SmtMemberState state;
  gint64         branch_id;
} Replay;

/* Events that place a person in a branch; the branch is required. */
static gboolean
kind_places (SmtEventKind kind)
{
  return kind == SMT_EVENT_ADMITTED || kind == SMT_EVENT_TRANSFERRED
         || kind == SMT_EVENT_TRANSFERRED_IN;
}

static gboolean
kind_opens (SmtEventKind kind)
{
  return kind == SMT_EVENT_ADMITTED || kind == SMT_EVENT_TRANSFERRED_IN;
}

static gboolean
kind_closes (SmtEventKind kind)
{
  return kind == SMT_EVENT_TRANSFERRED_OUT || kind == SMT_EVENT_LEFT
         || kind == SMT_EVENT_REMOVED || kind == SMT_EVENT_DECEASED;
}

/* Applies one event to the state, whether or not it is possible there (so
 * that state_on stays usable on a damaged history). Returns -1 when the
 * event was possible, else the SmtRegisterError code that says why not. */
static int
replay_step (Replay      *r,
             const Event *e)
{
  int code = -1;

  if (kind_opens (e->kind))
    {
      if (r->state != SMT_MEMBER_NONE)
        code = SMT_REGISTER_ERROR_ALREADY_MEMBER;
      r->state = SMT_MEMBER_ACTIVE;
      r->branch_id = e->branch_id;
      return code;
    }

  if (r->state == SMT_MEMBER_NONE)
    code = SMT_REGISTER_ERROR_NOT_MEMBER;
  else if (e->kind == SMT_EVENT_TRANSFERRED && e->branch_id == r->branch_id)
    code = SMT_REGISTER_ERROR_SEQUENCE;
  else if (e->kind != SMT_EVENT_TRANSFERRED && e->branch_id != 0
           && e->branch_id != r->branch_id)
    code = SMT_REGISTER_ERROR_NOT_MEMBER;  /* names a branch the person is not in */
  else if (e->kind == SMT_EVENT_AWAY && r->state != SMT_MEMBER_ACTIVE)
    code = SMT_REGISTER_ERROR_SEQUENCE;
  else if (e->kind == SMT_EVENT_BACK && r->state != SMT_MEMBER_AWAY)
    code = SMT_REGISTER_ERROR_SEQUENCE;

  if (e->kind == SMT_EVENT_TRANSFERRED)
    r->branch_id = e->branch_id;
  else if (e->kind == SMT_EVENT_AWAY)
    r->state = SMT_MEMBER_AWAY;
  else if (e->kind == SMT_EVENT_BACK)
    r->state = SMT_MEMBER_ACTIVE;
  else if (kind_closes (e->kind))
    {
      r->state = SMT_MEMBER_NONE;
      r->branch_id = 0;
    }
  return code;
}

/* Index of the first event that is impossible where it stands, or -1;
 * *code says why. */
static int
replay_first_failure (GArray *events,
                      int    *code)
{
  Replay r = { SMT_MEMBER_NONE, 0 };

  for (guint i = 0; i < events->len; i++)
    {
      int c = replay_step (&r, &g_array_index (events, Event, i));

      if (c >= 0)
        {
          *code = c;
          return (int) i;
        }
    }
  *code = -1;
  return -1;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;
  int c = strcmp (ea->date, eb->date);

  if (c != 0)
    return c;
  return ea->id < eb->id ? -1 : ea->id > eb->id;
}

/* The person's non-voided events in the organisation, in (date, id) order. */
static gboolean
load_events (SmtRegister  *reg,
             gint64        person_id,
             gint64        organisation_id,
             GArray       *events,
             GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "SELECT e.id, e.kind, coalesce (e.branch_id, 0), e.date FROM membership_event e "
      "WHERE e.person_id = ?1 AND e.organisation_id = ?2 AND e.kind <> 'void' "
      "AND NOT EXISTS (SELECT 1 FROM membership_event v WHERE v.supersedes = e.id) "
      "ORDER BY e.date, e.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Event e = { 0 };

      e.id = sqlite3_column_int64 (stmt, 0);
      if (!smt_event_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &e.kind))
        continue;  /* the schema's CHECK makes this impossible */
      e.branch_id = sqlite3_column_int64 (stmt, 2);
      g_strlcpy (e.date, (const char *) sqlite3_column_text (stmt, 3), sizeof e.date);
      g_array_append_val (events, e);
    }
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

SmtMemberState
smt_membership_state_on (SmtRegister *reg,
                         gint64       person_id,
                         gint64       organisation_id,
                         const char  *date,
                         gint64      *branch_id)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  Replay r = { SMT_MEMBER_NONE, 0 };

  if (branch_id != NULL)
    *branch_id = 0;
  g_return_val_if_fail (SMT_IS_REGISTER (reg), SMT_MEMBER_NONE);
  g_return_val_if_fail (date != NULL, SMT_MEMBER_NONE);

  if (!load_events (reg, person_id, organisation_id, events, NULL))
    return SMT_MEMBER_NONE;
  for (guint i = 0; i < events->len; i++)
    {
      const Event *e = &g_array_index (events, Event, i);

      if (strcmp (e->date, date) > 0)
        break;
      replay_step (&r, e);
    }
  if (branch_id != NULL && r.state != SMT_MEMBER_NONE)
    *branch_id = r.branch_id;
  return r.state;
}

/* ---- lookups for messages ---------------------------------------------- */

static char *
dup_text (SmtRegister *reg,
          const char  *sql,
          gint64       id)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return g_strdup ("?");
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text ? text : g_strdup ("?");
}

static char *
organisation_name (SmtRegister *reg,
                   gint64       organisation_id)
{
  return dup_text (reg, "SELECT name FROM organisation WHERE id = ?1", organisation_id);
}

static char *
branch_name (SmtRegister *reg,
             gint64       branch_id)
{
  return dup_text (reg, "SELECT name FROM branch WHERE id = ?1", branch_id);
}

/* ---- checks ------------------------------------------------------------- */

/* The person exists, was born by the date and had not died before it. */
static gboolean
check_person (SmtRegister   *reg,
              gint64         person_id,
              SmtEventKind   kind,
              const char    *date,
              char         **birth_date,
              int           *birth_year,
              char          *sex,
              GError       **error)
{
  g_autofree char *deceased = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *other = NULL;
  sqlite3_stmt *stmt;

  if (!smt_check_exists (reg, "person", person_id, _("person"), error))
    return FALSE;
  stmt = smt_register_prepare (reg, "SELECT birth_date, birth_year, sex, deceased_on "
                                    "FROM person WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      smt_register_set_db_error (reg, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *birth_date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *birth_year = sqlite3_column_int (stmt, 1);
  *sex = ((const char *) sqlite3_column_text (stmt, 2))[0];
  deceased = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);

  shown = smt_date_to_display (date);
  if ((*birth_date != NULL && strcmp (date, *birth_date) < 0)
      || (*birth_date == NULL && g_ascii_strtoll (date, NULL, 10) < *birth_year))
    {
      name = smt_register_person_name (reg, person_id);
      if (*birth_date != NULL)
        other = smt_date_to_display (*birth_date);
      else
        other = g_strdup_printf ("%d", *birth_year);
      return smt_fail (error, SMT_REGISTER_ERROR_DATE_ORDER,
                       _("The event date %s comes before %s was born (%s). Check the event "
                         "date and the date of birth."), shown, name, other);
    }
  if (deceased != NULL && kind != SMT_EVENT_DECEASED && strcmp (date, deceased) > 0)
    {
      name = smt_register_person_name (reg, person_id);
      other = smt_date_to_display (deceased);
      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("%s died on %s, so no membership event can be recorded on %s. "
                         "Check the date, or void the record of death if it is wrong."),
                       name, other, shown);
    }
  return TRUE;
}

/* The branch exists, belongs to the organisation (derived when 0) and, for
 * an event that places the person in it, is open on the date. */
static gboolean
check_branch (SmtRegister  *reg,
              gint64        branch_id,
              gint64       *organisation_id,
              gboolean      must_be_open,
              const char   *date,
              GError      **error)
{
  g_autofree char *founded = NULL;
  g_autofree char *dissolved = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *other = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 branch_organisation;

  if (!smt_check_exists (reg, "branch", branch_id, _("branch"), error))
    return FALSE;
  stmt = smt_register_prepare (reg, "SELECT organisation_id, founded_on, dissolved_on "
                                    "FROM branch WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      smt_register_set_db_error (reg, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  branch_organisation = sqlite3_column_int64 (stmt, 0);
  founded = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  dissolved = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  name = branch_name (reg, branch_id);
  if (*organisation_id == 0)
    *organisation_id = branch_organisation;
  else if (*organisation_id != branch_organisation)
    {
      g_autofree char *org = organisation_name (reg, *organisation_id);
      g_autofree char *branch_org = organisation_name (reg, branch_organisation);

      return smt_fail (error, SMT_REGISTER_ERROR_WRONG_ORGANISATION,
                       _("The branch “%s” belongs to %s, not to %s. Choose a branch of %s."),
                       name, branch_org, org, org);
    }
  if (!must_be_open)
    return TRUE;
  shown = smt_date_to_display (date);
  if (founded != NULL && strcmp (founded, date) > 0)
    {
      other = smt_date_to_display (founded);
      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("The branch “%s” was founded on %s, after %s. Choose another branch "
                         "or check the date."), name, other, shown);
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

/* A transfer that names a restructure goes where and when it does. */
static gboolean
check_restructure (SmtRegister               *reg,
                   const SmtMembershipChange *change,
                   gint64                     organisation_id,
                   GError                   **error)
{
  sqlite3_stmt *stmt;
  gboolean same;

  if (change->kind != SMT_EVENT_TRANSFERRED)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Only a transfer to another branch can be part of a restructure. "
                       "Record this event on its own."));
  if (!smt_check_exists (reg, "restructure", change->restructure_id, _("restructure"), error))
    return FALSE;
  stmt = smt_register_prepare (reg, "SELECT organisation_id = ?2 AND branch_id = ?3 "
                                    "AND date = ?4 FROM restructure WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->restructure_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  sqlite3_bind_int64 (stmt, 3, change->branch_id);
  smt_bind_text (stmt, 4, change->date);
  same = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (!same)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The transfers of a restructure go into its branch on its date. Choose "
                       "that branch and date, or record a transfer of its own."));
  return TRUE;
}

static char *
describe_age_rule (int min_age,
                   int max_age)
{
  if (min_age >= 0 && max_age >= 0)
    return g_strdup_printf (_("from %d to %d years old"), min_age, max_age);
  if (min_age >= 0)
    return g_strdup_printf (_("%d years old or older"), min_age);
  return g_strdup_printf (_("%d years old or younger"), max_age);
}

/* The trait the organisation's rule asks for (smt-traits.h): the person
 * must have it on the day by a current record. */
static gboolean
check_trait (SmtRegister  *reg,
             gint64        person_id,
             gint64        organisation_id,
             const char   *date,
             const char   *name,
             const char   *org,
             const char   *shown,
             GError      **error)
{
  g_autofree char *trait = NULL;
  sqlite3_stmt *stmt;
  gboolean has = TRUE;

  stmt = smt_register_prepare (reg,
      "SELECT t.name, EXISTS (SELECT 1 FROM person_trait p WHERE p.person_id = ?2 "
      "AND p.trait_id = t.id AND p.voided = 0 AND (p.from_date IS NULL OR p.from_date <= ?3) "
      "AND (p.to_date IS NULL OR p.to_date >= ?3) "
      "AND NOT EXISTS (SELECT 1 FROM person_trait s WHERE s.supersedes = p.id)) "
      "FROM organisation o JOIN trait t ON t.id = o.trait_id WHERE o.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  smt_bind_text (stmt, 3, date);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      trait = smt_column_text (stmt, 0);
      has = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (has)
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_NOT_ELIGIBLE,
                   _("%s gathers people recorded as “%s”, and %s is not recorded as such on "
                     "%s. Record it on the person's page first, or, if this is an agreed "
                     "exception, write why in the exception note."), org, trait, name, shown);
}

/* Age and sex rule of the organisation, and the trait it asks for, unless
 * an exception is noted. */
static gboolean
check_eligible (SmtRegister  *reg,
                gint64        person_id,
                gint64        organisation_id,
                const char   *date,
                const char   *birth_date,
                int           birth_year,
                char          sex,
                gboolean      has_exception,
                GError      **error)
{
  g_autofree char *rule_sex = NULL;
  g_autofree char *name = NULL;
  g_autofree char *org = NULL;
  g_autofree char *shown = NULL;
  sqlite3_stmt *stmt;
  int min_age = -1, max_age = -1, age;

  if (has_exception)
    return TRUE;
  stmt = smt_register_prepare (reg, "SELECT min_age, max_age, sex FROM organisation "
                                    "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        min_age = sqlite3_column_int (stmt, 0);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        max_age = sqlite3_column_int (stmt, 1);
      rule_sex = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);

  age = smt_date_age_on (birth_date, birth_year, date);
  name = smt_register_person_name (reg, person_id);
  org = organisation_name (reg, organisation_id);
  shown = smt_date_to_display (date);
  if (rule_sex != NULL && rule_sex[0] != sex)
    {
      if (rule_sex[0] == 'F')
        return smt_fail (error, SMT_REGISTER_ERROR_NOT_ELIGIBLE,
                         _("%s admits women only, and %s is recorded as a man. Check the "
                           "person's sex, or, if this is an agreed exception, write why in "
                           "the exception note."), org, name);
      return smt_fail (error, SMT_REGISTER_ERROR_NOT_ELIGIBLE,
                       _("%s admits men only, and %s is recorded as a woman. Check the "
                         "person's sex, or, if this is an agreed exception, write why in "
                         "the exception note."), org, name);
    }
  if ((min_age >= 0 && age < min_age) || (max_age >= 0 && age > max_age))
    {
      g_autofree char *rule = describe_age_rule (min_age, max_age);

      return smt_fail (error, SMT_REGISTER_ERROR_NOT_ELIGIBLE,
                       _("%s is %d years old on %s, but %s is for people %s. Check the date "
                         "of birth and the event date, or, if this is an agreed exception, "
                         "write why in the exception note."), name, age, shown, org, rule);
    }
  return check_trait (reg, person_id, organisation_id, date, name, org, shown, error);
}

/* Explains why events cannot replay: at index fail (of kind code) in the
 * list that holds the new event at index added (-1 for a void). */
static gboolean
fail_replay (SmtRegister          *reg,
             GArray               *events,
             int                   fail,
             int                   code,
             int                   added,
             gint64                person_id,
             gint64                organisation_id,
             GError              **error)
{
  const Event *e = &g_array_index (events, Event, fail);
  g_autofree char *name = smt_register_person_name (reg, person_id);
  g_autofree char *org = organisation_name (reg, organisation_id);
  g_autofree char *shown = smt_date_to_display (e->date);
  const char *label = smt_event_kind_label (e->kind);

  if (added < 0)
    return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                     _("Voiding this event would leave the later event “%s” of %s in %s "
                       "impossible for %s. Void the later event first, then this one."),
                     label, shown, org, name);
  if (fail < added)
    return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                     _("The history of %s in %s already does not add up at the event “%s” of "
                       "%s. Void the wrong event first, then record this one."),
                     name, org, label, shown);
  if (fail > added)
    return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                     _("With this event, the later event “%s” of %s in %s would no longer be "
                       "possible for %s. Check the date, or void the later event first."),
                     label, shown, org, name);

  switch (code)
    {
    case SMT_REGISTER_ERROR_ALREADY_MEMBER:
      return smt_fail (error, SMT_REGISTER_ERROR_ALREADY_MEMBER,
                       _("%s is already a member of %s on %s. Record a transfer to another "
                         "branch instead, or check the date."), name, org, shown);
    case SMT_REGISTER_ERROR_NOT_MEMBER:
      if (e->kind != SMT_EVENT_TRANSFERRED && e->branch_id != 0)
        {
          g_autofree char *branch = branch_name (reg, e->branch_id);

          if (smt_membership_state_on (reg, person_id, organisation_id, e->date, NULL)
              != SMT_MEMBER_NONE)
            return smt_fail (error, SMT_REGISTER_ERROR_NOT_MEMBER,
                             _("%s is not in the branch “%s” of %s on %s. Choose the branch "
                               "the person belongs to, or leave the branch empty."),
                             name, branch, org, shown);
        }
      return smt_fail (error, SMT_REGISTER_ERROR_NOT_MEMBER,
                       _("%s is not a member of %s on %s, so “%s” cannot be recorded. Record "
                         "the admission first, or check the date."), name, org, shown, label);
    case SMT_REGISTER_ERROR_SEQUENCE:
    default:
      if (e->kind == SMT_EVENT_TRANSFERRED)
        return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                         _("%s is already in that branch of %s on %s. Choose a different "
                           "branch for the transfer."), name, org, shown);
      if (e->kind == SMT_EVENT_AWAY)
        return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                         _("%s is already recorded as working away from %s on %s. Record "
                           "the return first, or check the date."), name, org, shown);
      if (e->kind == SMT_EVENT_BACK)
        return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                         _("%s is not recorded as working away from %s on %s, so a return "
                           "cannot be recorded. Record the time away first, or check the "
                           "date."), name, org, shown);
      return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                       _("The event “%s” of %s is not possible for %s in %s at that point of "
                         "the history. Check the date and the events around it."),
                       label, shown, name, org);
    }
}

static gint64
insert_event (SmtRegister  *reg,
              gint64        id,
              gint64        person_id,
              gint64        organisation_id,
              gint64        branch_id,
              SmtEventKind  kind,
              const char   *date,
              const char   *reason,
              const char   *document,
              const char   *exception_note,
              gint64        supersedes,
              gint64        restructure_id,
              GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (reg,
      "INSERT INTO membership_event (id, person_id, organisation_id, branch_id, kind, date, "
      "reason, document, exception_note, supersedes, entered_at, restructure_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, organisation_id);
  if (branch_id != 0)
    sqlite3_bind_int64 (stmt, 4, branch_id);
  smt_bind_text (stmt, 5, kind_names[kind]);
  smt_bind_text (stmt, 6, date);
  smt_bind_text (stmt, 7, reason);
  smt_bind_text (stmt, 8, document);
  smt_bind_text (stmt, 9, exception_note);
  if (supersedes != 0)
    sqlite3_bind_int64 (stmt, 10, supersedes);
  smt_bind_text (stmt, 11, smt_register_now (reg));
  if (restructure_id != 0)
    sqlite3_bind_int64 (stmt, 12, restructure_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return id;
}

/* ---- writes ------------------------------------------------------------- */

static gint64
record_void (SmtRegister               *reg,
             const SmtMembershipChange *change,
             const char                *reason,
             const char                *document,
             GError                   **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_autoptr(GArray) before = NULL;
  sqlite3_stmt *stmt;
  gint64 person_id, organisation_id, target = change->voids_event_id;
  g_autofree char *kind = NULL;
  int fail, code, fail_before, code_before;

  if (!smt_check_exists (reg, "membership_event", target, _("event to void"), error))
    return 0;
  stmt = smt_register_prepare (reg, "SELECT person_id, organisation_id, kind FROM "
                                    "membership_event WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, target);
  sqlite3_step (stmt);
  person_id = sqlite3_column_int64 (stmt, 0);
  organisation_id = sqlite3_column_int64 (stmt, 1);
  kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);

  if (g_strcmp0 (kind, "void") == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                     _("This row is itself a void and cannot be voided. To restore the "
                       "event it voided, record that event again."));
  if (smt_register_count_refs (reg, "membership_event", "supersedes", target) > 0)
    return smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                     _("This event has already been voided. Reload the history and choose "
                       "another event."));
  if (reason[0] == '\0')
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("A void needs a reason. Write why the event is wrong."));

  if (!load_events (reg, person_id, organisation_id, events, error))
    return 0;
  before = g_array_copy (events);
  fail_before = replay_first_failure (before, &code_before);
  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, Event, i).id == target)
      {
        g_array_remove_index (events, i);
        break;
      }
  fail = replay_first_failure (events, &code);
  /* A history that was already damaged may be repaired by voids: refuse
   * only a void that breaks what held. */
  if (fail >= 0 && !(fail_before >= 0
                     && g_array_index (before, Event, fail_before).id
                        == g_array_index (events, Event, fail).id))
    return fail_replay (reg, events, fail, code, -1, person_id, organisation_id, error);

  return insert_event (reg, smt_register_next_key (reg), person_id, organisation_id, 0,
                       SMT_EVENT_VOID, smt_register_get_today (reg), reason, document, NULL,
                       target, 0, error);
}

static gint64
record_event (SmtRegister               *reg,
              const SmtMembershipChange *change,
              const char                *reason,
              const char                *document,
              const char                *exception_note,
              GError                   **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Event));
  g_autofree char *birth_date = NULL;
  gint64 organisation_id = change->organisation_id;
  gboolean places = kind_places (change->kind);
  gboolean opens = kind_opens (change->kind);
  const char *date = change->date;
  Event e = { 0 };
  int birth_year = 0, fail, code, added = -1;
  char sex = 0;

  if (!smt_check_date (reg, date, _("event date"), TRUE, error))
    return 0;
  if (places && change->branch_id == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The event “%s” needs the branch the person joins. Choose the "
                       "branch."),
                     smt_event_kind_label (change->kind));
  if (organisation_id == 0 && change->branch_id == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Choose the organisation the event belongs to."));
  if (organisation_id != 0
      && !smt_check_exists (reg, "organisation", organisation_id, _("organisation"), error))
    return 0;
  if (change->branch_id != 0
      && !check_branch (reg, change->branch_id, &organisation_id, places, date, error))
    return 0;
  if (change->restructure_id != 0
      && !check_restructure (reg, change, organisation_id, error))
    return 0;
  if (!check_person (reg, change->person_id, change->kind, date, &birth_date, &birth_year,
                     &sex, error))
    return 0;
  if (opens && !check_eligible (reg, change->person_id, organisation_id, date, birth_date,
                                birth_year, sex, exception_note[0] != '\0', error))
    return 0;

  if (!load_events (reg, change->person_id, organisation_id, events, error))
    return 0;
  e.id = smt_register_next_key (reg);
  e.kind = change->kind;
  e.branch_id = change->branch_id;
  g_strlcpy (e.date, date, sizeof e.date);
  for (guint i = 0; i <= events->len; i++)
    if (i == events->len || compare_events (&e, &g_array_index (events, Event, i)) < 0)
      {
        g_array_insert_val (events, i, e);
        added = (int) i;
        break;
      }
  fail = replay_first_failure (events, &code);
  if (fail >= 0)
    return fail_replay (reg, events, fail, code, added, change->person_id, organisation_id,
                        error);

  return insert_event (reg, e.id, change->person_id, organisation_id, change->branch_id,
                       change->kind, date, reason, document,
                       opens && exception_note[0] != '\0' ? exception_note : NULL, 0,
                       change->restructure_id, error);
}

/**
 * smt_membership_record:
 * @reg: the register
 * @change: the event; for %SMT_EVENT_VOID only voids_event_id, reason and
 *   document count (person and organisation are copied from the voided
 *   event, the date is today)
 * @error: a #SMT_REGISTER_ERROR when the event is refused
 *
 * Appends one membership event after checking that the person's history in
 * the organisation still replays with it (or, for a void, without the
 * voided event).
 *
 * Returns: the new event's key, 0 on error (nothing written)
 */
gint64
smt_membership_record (SmtRegister               *reg,
                       const SmtMembershipChange *change,
                       GError                   **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *document = NULL;
  g_autofree char *exception_note = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (change != NULL, 0);
  g_return_val_if_fail ((guint) change->kind < SMT_N_EVENTS, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_normalize_optional (change->reason, _("reason"), &reason, error)
       && smt_normalize_optional (change->document, _("document"), &document, error)
       && smt_normalize_optional (change->exception_note, _("exception note"), &exception_note,
                              error);
  if (ok)
    {
      if (change->kind == SMT_EVENT_VOID)
        id = record_void (reg, change, reason, document, error);
      else
        id = record_event (reg, change, reason, document, exception_note, error);
      ok = id != 0;
    }
  return smt_register_write_end (reg, ok, error) ? id : 0;
}
