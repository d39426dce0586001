/* smt-branch-detail.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-branch-detail.h"
#include "smt-member-spans.h"

static char *
join_name (sqlite3_stmt *stmt,
           int           column)
{
  const char *ho = (const char *) sqlite3_column_text (stmt, column);
  const char *lot = (const char *) sqlite3_column_text (stmt, column + 1);
  const char *ten = (const char *) sqlite3_column_text (stmt, column + 2);

  if (lot != NULL && lot[0] != '\0')
    return g_strjoin (" ", ho ? ho : "", lot, ten ? ten : "", NULL);
  return g_strjoin (" ", ho ? ho : "", ten ? ten : "", NULL);
}

/* ---- members ------------------------------------------------------------- */

void
smt_branch_member_free (SmtBranchMember *member)
{
  if (member == NULL)
    return;
  g_free (member->full_name);
  g_free (member->since);
  g_free (member);
}

/* A member with the person's sort keys (sort_ten, sort_lot, sort_ho), the
 * order of the people list. */
typedef struct
{
  GBytes          *key[3];
  SmtBranchMember *member;
} MemberEntry;

static void
member_entry_clear (gpointer data)
{
  MemberEntry *e = data;

  for (guint i = 0; i < G_N_ELEMENTS (e->key); i++)
    g_clear_pointer (&e->key[i], g_bytes_unref);
  g_clear_pointer (&e->member, smt_branch_member_free);
}

static int
member_entry_compare (gconstpointer a,
                      gconstpointer b)
{
  const MemberEntry *x = a;
  const MemberEntry *y = b;

  for (guint i = 0; i < G_N_ELEMENTS (x->key); i++)
    {
      int r = g_bytes_compare (x->key[i], y->key[i]);

      if (r != 0)
        return r;
    }
  return x->member->person_id < y->member->person_id ? -1
         : x->member->person_id > y->member->person_id;
}

/* The first day of the stay in the branch the span at i belongs to: going
 * away and coming back open new spans in the same branch, so walk back
 * over those. */
static const char *
stay_start (GArray *spans,
            guint   i)
{
  const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);

  while (i > 0 && (s->start_kind == SMT_EVENT_AWAY || s->start_kind == SMT_EVENT_BACK))
    {
      const SmtMemberSpan *prev = &g_array_index (spans, SmtMemberSpan, i - 1);

      if (prev->person_id != s->person_id || prev->organisation_id != s->organisation_id
          || prev->branch_id != s->branch_id)
        break;
      s = prev;
      i--;
    }
  return s->start;
}

static gboolean
fill_person (SmtRegister  *reg,
             MemberEntry  *e,
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
      const char *sex = (const char *) sqlite3_column_text (stmt, 3);

      e->member->full_name = join_name (stmt, 0);
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

/**
 * smt_branch_members:
 * @reg: the register
 * @branch_id: the branch
 * @date: (nullable): the day, YYYY-MM-DD, or %NULL for today
 * @error: a translated %SMT_REGISTER_ERROR_INVALID for a bad date
 *
 * Returns: (transfer full) (element-type SmtBranchMember): the members of
 *   the branch on @date by given name, or %NULL with @error set
 */
GPtrArray *
smt_branch_members (SmtRegister  *reg,
                    gint64        branch_id,
                    const char   *date,
                    GError      **error)
{
  g_autoptr(GArray) entries = NULL;
  GPtrArray *list;
  GArray *spans;
  gint64 last_person = 0;
  gint64 last_organisation = 0;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (branch_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (date == NULL)
    date = smt_register_get_today (reg);
  else if (!smt_date_is_valid (date))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” is not a valid date for the member list. Write the date as "
                     "YYYY-MM-DD, for example 2026-02-05."), date);
      return NULL;
    }

  if ((spans = smt_member_spans_get (reg, error)) == NULL)
    return NULL;
  entries = g_array_new (FALSE, TRUE, sizeof (MemberEntry));
  g_array_set_clear_func (entries, member_entry_clear);
  for (guint i = 0; i < spans->len; i++)
    {
      const SmtMemberSpan *s = &g_array_index (spans, SmtMemberSpan, i);
      MemberEntry e = { { NULL } };

      if (!smt_member_span_covers (s, date))
        continue;
      /* One membership counts once, as smt_branches_list counts it. */
      if (s->person_id == last_person && s->organisation_id == last_organisation)
        continue;
      last_person = s->person_id;
      last_organisation = s->organisation_id;
      if (s->branch_id != branch_id)
        continue;
      e.member = g_new0 (SmtBranchMember, 1);
      e.member->person_id = s->person_id;
      e.member->since = g_strdup (stay_start (spans, i));
      e.member->away = s->away;
      g_array_append_val (entries, e);
      if (!fill_person (reg, &g_array_index (entries, MemberEntry, entries->len - 1), error))
        return NULL;
    }

  g_array_sort (entries, member_entry_compare);
  list = g_ptr_array_new_full (entries->len, (GDestroyNotify) smt_branch_member_free);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (list, g_steal_pointer (&g_array_index (entries, MemberEntry, i).member));
  return list;
}

/* ---- members with their tổ hội ------------------------------------------- */

void
smt_branch_member_group_free (SmtBranchMemberGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->name);
  g_clear_pointer (&group->members, g_ptr_array_unref);
  g_free (group);
}

typedef struct
{
  GBytes *key;
  gint64  id;
  char   *name;
} GroupEntry;

static void
group_entry_clear (gpointer data)
{
  GroupEntry *e = data;

  g_clear_pointer (&e->key, g_bytes_unref);
  g_free (e->name);
}

static int
group_entry_compare (gconstpointer a,
                     gconstpointer b)
{
  const GroupEntry *x = a;
  const GroupEntry *y = b;
  int r = g_bytes_compare (x->key, y->key);

  return r != 0 ? r : x->id < y->id ? -1 : x->id > y->id;
}

static SmtBranchMemberGroup *
group_new (SmtRegister  *reg,
           gint64        branch_id,
           const char   *name,
           const char   *date,
           GError      **error)
{
  g_autoptr(GPtrArray) members = smt_branch_members (reg, branch_id, date, error);
  SmtBranchMemberGroup *group;

  if (members == NULL)
    return NULL;
  group = g_new0 (SmtBranchMemberGroup, 1);
  group->branch_id = branch_id;
  group->name = g_strdup (name != NULL ? name : "");
  group->members = g_steal_pointer (&members);
  return group;
}

/**
 * smt_branch_member_groups:
 * @reg: the register
 * @branch_id: the branch
 * @date: (nullable): the day, YYYY-MM-DD, or %NULL for today
 * @error: a translated %SMT_REGISTER_ERROR_INVALID for a bad date
 *
 * A chi hội whose members all sit in its tổ hội has an empty list of its
 * own; its member list is the members of its tổ hội, tổ hội by tổ hội.
 *
 * Returns: (transfer full) (element-type SmtBranchMemberGroup): the
 *   branch's own members, then each tổ hội's, or %NULL with @error set
 */
GPtrArray *
smt_branch_member_groups (SmtRegister  *reg,
                          gint64        branch_id,
                          const char   *date,
                          GError      **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GArray) children = NULL;
  g_autofree char *name = NULL;
  SmtBranchMemberGroup *own;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (branch_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (date == NULL)
    date = smt_register_get_today (reg);
  stmt = smt_register_prepare (reg, "SELECT name FROM branch WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = smt_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if ((own = group_new (reg, branch_id, name, date, error)) == NULL)
    return NULL;
  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_branch_member_group_free);
  g_ptr_array_add (groups, own);

  /* Its tổ hội existing that day, founding to dissolution day included. */
  stmt = smt_register_prepare (reg,
      "SELECT id, name FROM branch WHERE parent_id = ?1 "
      "AND (founded_on IS NULL OR founded_on <= ?2) "
      "AND (dissolved_on IS NULL OR dissolved_on >= ?2)", error);
  if (stmt == NULL)
    return NULL;
  children = g_array_new (FALSE, TRUE, sizeof (GroupEntry));
  g_array_set_clear_func (children, group_entry_clear);
  sqlite3_bind_int64 (stmt, 1, branch_id);
  smt_bind_text (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GroupEntry e = { NULL, sqlite3_column_int64 (stmt, 0), smt_column_text (stmt, 1) };

      e.key = smt_text_sort_key (e.name);
      g_array_append_val (children, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return smt_register_set_db_error (reg, error), NULL;
  g_array_sort (children, group_entry_compare);
  for (guint i = 0; i < children->len; i++)
    {
      const GroupEntry *e = &g_array_index (children, GroupEntry, i);
      SmtBranchMemberGroup *group = group_new (reg, e->id, e->name, date, error);

      if (group == NULL)
        return NULL;
      g_ptr_array_add (groups, group);
    }
  return g_steal_pointer (&groups);
}

guint
smt_branch_member_groups_count (GPtrArray *groups)
{
  guint n = 0;

  g_return_val_if_fail (groups != NULL, 0);

  for (guint i = 0; i < groups->len; i++)
    n += ((SmtBranchMemberGroup *) g_ptr_array_index (groups, i))->members->len;
  return n;
}

/* ---- leaders ------------------------------------------------------------- */

void
smt_branch_leader_free (SmtBranchLeader *leader)
{
  if (leader == NULL)
    return;
  g_free (leader->full_name);
  g_free (leader->role_label);
  g_free (leader->from_date);
  g_free (leader->to_date);
  g_free (leader);
}

const char *
smt_leader_role_label (SmtLeaderRole  role,
                       const char    *branch_kind)
{
  gboolean deputy = role == SMT_LEADER_DEPUTY;

  if (g_strcmp0 (branch_kind, "chi đoàn") == 0)
    return deputy ? _("Deputy Youth Union branch secretary") : _("Youth Union branch secretary");
  if (g_strcmp0 (branch_kind, "tổ hội") == 0)
    return deputy ? _("Deputy group leader") : _("Group leader");
  if (g_strcmp0 (branch_kind, "công đoàn cơ sở") == 0)
    return deputy ? _("Vice-chair of the grassroots union") : _("Chair of the grassroots union");
  return deputy ? _("Deputy branch chair") : _("Branch chair");
}

/**
 * smt_branch_leaders:
 * @reg: the register
 * @branch_id: the branch
 * @error: the database error
 *
 * Returns: (transfer full) (element-type SmtBranchLeader): the leader
 *   terms of the branch, newest first, or %NULL with @error set
 */
GPtrArray *
smt_branch_leaders (SmtRegister  *reg,
                    gint64        branch_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  g_return_val_if_fail (branch_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = smt_register_prepare (reg,
      "SELECT l.id, l.person_id, l.role, l.from_date, l.to_date, p.ho, p.chu_lot, p.ten, b.kind "
      "FROM branch_leader l JOIN person p ON p.id = l.person_id "
      "JOIN branch b ON b.id = l.branch_id "
      "WHERE l.branch_id = ?1 AND l.voided = 0 "
      "AND NOT EXISTS (SELECT 1 FROM branch_leader s WHERE s.supersedes = l.id) "
      "ORDER BY l.from_date DESC, l.role = 'deputy', l.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_branch_leader_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SmtBranchLeader *l = g_new0 (SmtBranchLeader, 1);
      const char *to = (const char *) sqlite3_column_text (stmt, 4);

      l->id = sqlite3_column_int64 (stmt, 0);
      l->person_id = sqlite3_column_int64 (stmt, 1);
      l->role = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "deputy") == 0
                ? SMT_LEADER_DEPUTY : SMT_LEADER_LEADER;
      l->from_date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      l->to_date = to != NULL ? g_strdup (to) : NULL;
      l->full_name = join_name (stmt, 5);
      l->role_label = g_strdup (smt_leader_role_label (l->role,
                                    (const char *) sqlite3_column_text (stmt, 8)));
      g_ptr_array_add (list, l);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
