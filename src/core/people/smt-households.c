/* smt-households.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "smt-household-query.h"
#include "smt-households.h"
#include "smt-people.h"

static gboolean
check_people (const gint64  *person_ids,
              guint          n_people,
              gint64         head_id,
              GError       **error)
{
  gboolean head_found = head_id == 0;

  if (n_people == 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Choose the people who form the new household."));
  for (guint i = 0; i < n_people; i++)
    {
      head_found |= person_ids[i] == head_id;
      for (guint j = 0; j < i; j++)
        if (person_ids[j] == person_ids[i])
          return smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                           _("A person is chosen twice. Choose each person once."));
    }
  if (!head_found)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("The head of the new household must be one of the people who move "
                       "into it. Choose the head among them."));
  return TRUE;
}

/* Creates the household and moves the people, inside the caller's
 * savepoint. */
static gint64
form (SmtRegister   *reg,
      gint64         hamlet_id,
      const char    *address,
      const char    *date,
      const gint64  *person_ids,
      guint          n_people,
      gint64         head_id,
      const char    *reason,
      GArray        *rows,
      GError       **error)
{
  gint64 household;

  if (!check_people (person_ids, n_people, head_id, error))
    return 0;
  household = smt_household_add (reg, hamlet_id, address, date, error);
  if (household == 0)
    return 0;
  for (guint i = 0; i < n_people; i++)
    {
      gint64 row = smt_residence_move (reg, person_ids[i], household, date,
                                       person_ids[i] == head_id, reason, error);

      if (row == 0)
        {
          if (error != NULL && *error != NULL)
            {
              g_autofree char *name = smt_register_person_name (reg, person_ids[i]);

              g_prefix_error (error, "%s: ", name);
            }
          return 0;
        }
      g_array_append_val (rows, row);
    }
  return household;
}

gint64
smt_household_form (SmtRegister   *reg,
                    gint64         hamlet_id,
                    const char    *address,
                    const char    *date,
                    const gint64  *person_ids,
                    guint          n_people,
                    gint64         head_id,
                    const char    *reason,
                    GArray       **residence_ids,
                    GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 household;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  household = form (reg, hamlet_id, address, date, person_ids, n_people, head_id, reason, rows,
                    error);
  if (!smt_register_write_end (reg, household != 0, error))
    return 0;
  if (residence_ids != NULL)
    *residence_ids = g_steal_pointer (&rows);
  return household;
}

gint64
smt_household_split (SmtRegister   *reg,
                     gint64         household_id,
                     gint64         hamlet_id,
                     const char    *address,
                     const char    *date,
                     const gint64  *person_ids,
                     guint          n_people,
                     gint64         head_id,
                     const char    *reason,
                     GArray       **residence_ids,
                     GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) members = NULL;
  gint64 household = 0;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), 0);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, 0);

  if (!smt_register_write_begin (reg, error))
    return 0;
  ok = smt_check_date (reg, date, _("date of the split"), TRUE, error)
       && (members = smt_household_members (reg, household_id, date, error)) != NULL;
  for (guint i = 0; ok && i < n_people; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < members->len && !found; j++)
        found = ((SmtHouseholdMember *) g_ptr_array_index (members, j))->person_id
                == person_ids[i];
      if (!found)
        {
          g_autofree char *name = smt_register_person_name (reg, person_ids[i]);

          ok = smt_fail (error, SMT_REGISTER_ERROR_SEQUENCE,
                         _("%s does not live in this household on that date. Choose people "
                           "of the household, or move them one by one."), name);
        }
    }
  if (ok && n_people > 0 && n_people >= members->len)
    ok = smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("A split leaves some people in the household. Leave at least one "
                     "person out, or move the whole household's members one by one."));
  if (ok)
    household = form (reg, hamlet_id, address, date, person_ids, n_people, head_id, reason,
                      rows, error);
  if (!smt_register_write_end (reg, household != 0, error))
    return 0;
  if (residence_ids != NULL)
    *residence_ids = g_steal_pointer (&rows);
  return household;
}

gboolean
smt_residences_void (SmtRegister   *reg,
                     GArray        *residence_ids,
                     const char    *reason,
                     GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (residence_ids != NULL, FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < residence_ids->len; i++)
    ok = smt_residence_void (reg, g_array_index (residence_ids, gint64, i), reason, error) != 0;
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_birth_parse (const char  *text,
                 int         *year,
                 char       **iso)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *date = NULL;

  g_return_val_if_fail (year != NULL && iso != NULL, FALSE);

  *year = 0;
  *iso = NULL;
  if (strlen (trimmed) == 4 && strspn (trimmed, "0123456789") == 4)
    {
      *year = atoi (trimmed);
      return TRUE;
    }
  if ((date = smt_date_parse (trimmed)) == NULL)
    return FALSE;
  *year = atoi (date);
  *iso = g_steal_pointer (&date);
  return TRUE;
}
