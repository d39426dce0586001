/* smt-setup-plan.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-setup-plan.h"

const char *const smt_commune_kinds[] = { "xã", "phường", "đặc khu", NULL };

/* The five socio-political organisations and three mass associations a
 * new register proposes, with their eligibility rules (who the Cựu chiến
 * binh and the Công đoàn gather is a trait, not an age: Điều lệ Hội Cựu
 * chiến binh Việt Nam, Luật Công đoàn 2024). */
static const struct
{
  const char *code, *name, *short_name, *member_word;
  SmtOrganisationKind kind;
  int min_age, max_age;
  char sex;
  const char *trait;
  const char *branch_kind;
} default_organisations[] = {
  { "DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TN", "đoàn viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 16, 30, 0, NULL, "chi đoàn" },
  { "PN", "Hội Liên hiệp Phụ nữ Việt Nam", "Phụ nữ", "hội viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 'F', NULL, "chi hội" },
  { "ND", "Hội Nông dân Việt Nam", "Nông dân", "hội viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 0, NULL, "chi hội" },
  { "CCB", "Hội Cựu chiến binh Việt Nam", "Cựu chiến binh", "hội viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 0, "CQN", "chi hội" },
  { "CD", "Công đoàn Việt Nam", "Công đoàn", "đoàn viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 0, "NLD", "công đoàn cơ sở" },
  { "NCT", "Hội Người cao tuổi", "Người cao tuổi", "hội viên",
    SMT_ORGANISATION_MASS, 60, -1, 0, NULL, "chi hội" },
  { "CTD", "Hội Chữ thập đỏ", "Chữ thập đỏ", "hội viên",
    SMT_ORGANISATION_MASS, 16, -1, 0, NULL, "chi hội" },
  { "KH", "Hội Khuyến học", "Khuyến học", "hội viên",
    SMT_ORGANISATION_MASS, 18, -1, 0, NULL, "chi hội" },
};

static void
organisation_free (SmtPlanOrganisation *org)
{
  g_free (org->code);
  g_free (org->name);
  g_free (org->short_name);
  g_free (org->member_word);
  g_free (org);
}

void
smt_plan_branch_free (SmtPlanBranch *branch)
{
  if (branch == NULL)
    return;
  g_free (branch->organisation);
  g_free (branch->kind);
  g_free (branch->name);
  g_ptr_array_unref (branch->hamlets);
  g_free (branch);
}

SmtSetupPlan *
smt_setup_plan_new (void)
{
  SmtSetupPlan *plan = g_new0 (SmtSetupPlan, 1);

  plan->name = g_strdup ("");
  plan->kind = g_strdup ("xã");
  plan->province = g_strdup ("");
  plan->hamlets = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_hamlet_entry_free);
  plan->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) organisation_free);
  plan->branches = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_plan_branch_free);
  for (guint i = 0; i < G_N_ELEMENTS (default_organisations); i++)
    {
      SmtPlanOrganisation *org = g_new0 (SmtPlanOrganisation, 1);

      org->code = g_strdup (default_organisations[i].code);
      org->name = g_strdup (default_organisations[i].name);
      org->short_name = g_strdup (default_organisations[i].short_name);
      org->member_word = g_strdup (default_organisations[i].member_word);
      org->kind = default_organisations[i].kind;
      org->min_age = default_organisations[i].min_age;
      org->max_age = default_organisations[i].max_age;
      org->sex = default_organisations[i].sex;
      org->trait = default_organisations[i].trait;
      org->branch_kind = default_organisations[i].branch_kind;
      org->per_hamlet = strcmp (org->branch_kind, "công đoàn cơ sở") != 0;
      org->kept = TRUE;
      g_ptr_array_add (plan->organisations, org);
    }
  return plan;
}

void
smt_setup_plan_free (SmtSetupPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->name);
  g_free (plan->kind);
  g_free (plan->province);
  g_free (plan->place);
  g_ptr_array_unref (plan->hamlets);
  g_ptr_array_unref (plan->organisations);
  g_ptr_array_unref (plan->branches);
  g_free (plan);
}

static void
replace (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

void
smt_setup_plan_set_commune (SmtSetupPlan *plan,
                            const char   *name,
                            const char   *kind,
                            const char   *province,
                            const char   *place)
{
  g_return_if_fail (plan != NULL);

  replace (&plan->name, name != NULL ? name : "");
  replace (&plan->kind, kind != NULL ? kind : "xã");
  replace (&plan->province, province != NULL ? province : "");
  replace (&plan->place, place);
}

void
smt_setup_plan_set_hamlets (SmtSetupPlan *plan,
                            GPtrArray    *entries)
{
  g_return_if_fail (plan != NULL);

  g_ptr_array_set_size (plan->hamlets, 0);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const SmtHamletEntry *e = g_ptr_array_index (entries, i);

      g_ptr_array_add (plan->hamlets, smt_hamlet_entry_new (e->name, e->kind));
    }
}

SmtPlanOrganisation *
smt_setup_plan_find_organisation (SmtSetupPlan *plan,
                                  const char   *code)
{
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; code != NULL && i < plan->organisations->len; i++)
    {
      SmtPlanOrganisation *org = g_ptr_array_index (plan->organisations, i);

      if (g_ascii_strcasecmp (org->code, code) == 0)
        return org;
    }
  return NULL;
}

static const SmtHamletEntry *
find_hamlet (SmtSetupPlan *plan,
             const char   *name)
{
  for (guint i = 0; i < plan->hamlets->len; i++)
    {
      const SmtHamletEntry *e = g_ptr_array_index (plan->hamlets, i);

      if (strcmp (e->name, name) == 0)
        return e;
    }
  return NULL;
}

char *
smt_plan_organisation_branch_word (const SmtPlanOrganisation *org)
{
  g_return_val_if_fail (org != NULL, NULL);

  /* As the demo and the offices write them: "Chi đoàn Ấp Tân Hòa" (the
   * Đoàn needs no name after it), "Chi hội Phụ nữ Ấp Tân Hòa". */
  if (strcmp (org->branch_kind, "chi đoàn") == 0)
    return g_strdup ("Chi đoàn");
  if (strcmp (org->branch_kind, "công đoàn cơ sở") == 0)
    return g_strdup ("Công đoàn cơ sở");
  return g_strdup_printf ("Chi hội %s", org->short_name);
}

/* "Chi hội Phụ nữ Ấp Tân Hòa"; "Chi hội Phụ nữ liên ấp Tân Hòa - Tân Lợi". */
static char *
branch_name (SmtSetupPlan              *plan,
             const SmtPlanOrganisation *org,
             GPtrArray                 *hamlets)
{
  g_autofree char *word = smt_plan_organisation_branch_word (org);
  const SmtHamletEntry *first;
  GString *name;

  if (hamlets->len == 0)
    return g_steal_pointer (&word);
  if (hamlets->len == 1)
    return g_strdup_printf ("%s %s", word, (const char *) g_ptr_array_index (hamlets, 0));
  first = find_hamlet (plan, g_ptr_array_index (hamlets, 0));
  name = g_string_new (word);
  g_string_append_printf (name, " liên %s ", first != NULL ? first->kind : "ấp");
  for (guint i = 0; i < hamlets->len; i++)
    {
      const char *h = g_ptr_array_index (hamlets, i);
      const SmtHamletEntry *e = find_hamlet (plan, h);

      if (i > 0)
        g_string_append (name, " - ");
      g_string_append (name, smt_hamlet_name_core (h, e != NULL ? e->kind : NULL));
    }
  return g_string_free (name, FALSE);
}

void
smt_setup_plan_clear_branches (SmtSetupPlan *plan)
{
  g_return_if_fail (plan != NULL);
  g_ptr_array_set_size (plan->branches, 0);
}

SmtPlanBranch *
smt_setup_plan_add_branch (SmtSetupPlan       *plan,
                           const char         *code,
                           const char         *name,
                           const char * const *hamlets)
{
  SmtPlanOrganisation *org;
  SmtPlanBranch *branch;

  g_return_val_if_fail (plan != NULL, NULL);
  org = smt_setup_plan_find_organisation (plan, code);
  g_return_val_if_fail (org != NULL, NULL);

  branch = g_new0 (SmtPlanBranch, 1);
  branch->organisation = g_strdup (org->code);
  branch->kind = g_strdup (org->branch_kind);
  branch->hamlets = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; hamlets != NULL && hamlets[i] != NULL; i++)
    g_ptr_array_add (branch->hamlets, g_strdup (hamlets[i]));
  branch->name = name != NULL ? g_strdup (name) : branch_name (plan, org, branch->hamlets);
  branch->kept = TRUE;
  g_ptr_array_add (plan->branches, branch);
  return branch;
}

void
smt_setup_plan_propose_branches (SmtSetupPlan *plan)
{
  g_return_if_fail (plan != NULL);

  smt_setup_plan_clear_branches (plan);
  for (guint o = 0; o < plan->organisations->len; o++)
    {
      SmtPlanOrganisation *org = g_ptr_array_index (plan->organisations, o);

      if (!org->kept || !org->per_hamlet)
        continue;
      for (guint h = 0; h < plan->hamlets->len; h++)
        {
          const SmtHamletEntry *e = g_ptr_array_index (plan->hamlets, h);
          const char *one[] = { e->name, NULL };

          smt_setup_plan_add_branch (plan, org->code, NULL, one);
        }
    }
}

gboolean
smt_setup_plan_merge_branches (SmtSetupPlan *plan,
                               guint         branch,
                               guint         other)
{
  SmtPlanBranch *into, *from;

  g_return_val_if_fail (plan != NULL, FALSE);

  if (branch == other || branch >= plan->branches->len || other >= plan->branches->len)
    return FALSE;
  into = g_ptr_array_index (plan->branches, branch);
  from = g_ptr_array_index (plan->branches, other);
  if (strcmp (into->organisation, from->organisation) != 0)
    return FALSE;
  for (guint i = 0; i < from->hamlets->len; i++)
    g_ptr_array_add (into->hamlets, g_strdup (g_ptr_array_index (from->hamlets, i)));
  g_free (into->name);
  into->name = branch_name (plan, smt_setup_plan_find_organisation (plan, into->organisation),
                            into->hamlets);
  g_ptr_array_remove_index (plan->branches, other);
  return TRUE;
}

static gboolean
blank (const char *text)
{
  g_autofree char *norm = text != NULL ? smt_text_normalize (text) : NULL;

  return norm == NULL || *norm == '\0';
}

gboolean
smt_setup_plan_validate (SmtSetupPlan  *plan,
                         GError       **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (plan != NULL, FALSE);

  if (blank (plan->name))
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("Type the commune’s name, without “Xã” or “Phường”."));
  if (!g_strv_contains (smt_commune_kinds, plan->kind))
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("“%s” is not a kind of commune: choose xã, phường or đặc khu."),
                     plan->kind);
  for (guint i = 0; i < plan->hamlets->len; i++)
    {
      const SmtHamletEntry *e = g_ptr_array_index (plan->hamlets, i);
      g_autofree char *norm = smt_text_normalize (e->name);

      if (norm == NULL || *norm == '\0')
        return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                         _("Hamlet %u has no name: type one, or remove it from the list."),
                         i + 1);
      if (!smt_hamlet_kind_valid (e->kind))
        return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                         _("“%s” is not a kind of hamlet: choose ấp, thôn, khu phố, tổ dân "
                           "phố, khu vực, bản, buôn, làng or sóc."), e->kind);
      if (!g_hash_table_add (names, g_utf8_casefold (norm, -1)))
        return smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                         _("The hamlet “%s” is in the list twice: a commune has each hamlet "
                           "once."), norm);
    }
  for (guint i = 0; i < plan->organisations->len; i++)
    {
      const SmtPlanOrganisation *org = g_ptr_array_index (plan->organisations, i);

      if (org->kept && (blank (org->name) || blank (org->short_name)))
        return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                         _("The organisation %s has no name or no short name: type both, or "
                           "leave the organisation out."), org->code);
    }
  g_hash_table_remove_all (names);
  for (guint i = 0; i < plan->branches->len; i++)
    {
      const SmtPlanBranch *b = g_ptr_array_index (plan->branches, i);
      const SmtPlanOrganisation *org = smt_setup_plan_find_organisation (plan, b->organisation);
      g_autofree char *key = NULL;

      if (!b->kept || org == NULL || !org->kept)
        continue;
      if (blank (b->name))
        return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                         _("A branch of %s has no name: type one, or leave the branch out."),
                         org->short_name);
      for (guint h = 0; h < b->hamlets->len; h++)
        if (find_hamlet (plan, g_ptr_array_index (b->hamlets, h)) == NULL)
          return smt_fail (error, SMT_REGISTER_ERROR_NOT_FOUND,
                           _("The branch “%s” serves “%s”, which is not in the list of "
                             "hamlets: add the hamlet, or propose the branches again."),
                           b->name, (const char *) g_ptr_array_index (b->hamlets, h));
      key = g_strdup_printf ("%s\n%s", b->organisation, b->name);
      if (!g_hash_table_add (names, g_utf8_casefold (key, -1)))
        return smt_fail (error, SMT_REGISTER_ERROR_DUPLICATE,
                         _("Two branches of %s are both called “%s”: give them different "
                           "names."), org->short_name, b->name);
    }
  return TRUE;
}
