/* smt-setup.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/organisations/smt-organisations.h"
#include "core/people/smt-people.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-setup.h"

/* What every commune starts with, written by a module above both the
 * register (which makes the file) and the organisations (which this fills
 * it with): the organisations of the plan (smt-setup-plan.c: the five
 * socio-political organisations and three mass associations with their
 * eligibility rules, unless the office left some out), the two traits
 * those rules ask for beyond age and sex, three rating scales, and the
 * hamlets and branches of the plan. All of it is data that the office can
 * edit afterwards. */

/* Who the Cựu chiến binh and the Công đoàn gather is not a matter of age:
 * Điều lệ Hội Cựu chiến binh Việt Nam (cựu quân nhân) and Luật Công đoàn
 * 2024 (người lao động, cán bộ, công chức, viên chức). */
enum { TRAIT_NONE, TRAIT_VETERAN, TRAIT_WORKER, N_TRAITS };

static const struct
{
  const char *code, *name;
} default_traits[N_TRAITS] = {
  [TRAIT_VETERAN] = { "CQN", "Cựu quân nhân" },
  [TRAIT_WORKER] = { "NLD", "Người lao động, cán bộ, công chức" },
};

typedef struct
{
  const char *code, *name;
  int rank;
  gboolean strong;
} DefaultLevel;

static const DefaultLevel old_levels[] = {
  { "VM", "Vững mạnh", 1, TRUE },
  { "KHA", "Khá", 2, FALSE },
  { "TB", "Trung bình", 3, FALSE },
  { "YEU", "Yếu", 4, FALSE },
};

/* What offices rated a member (đoàn viên, hội viên) with before 2023: a
 * person is "xuất sắc", never "vững mạnh", which rates an organisation. */
static const DefaultLevel member_levels[] = {
  { "XS", "Xuất sắc", 1, FALSE },
  { "KHA", "Khá", 2, FALSE },
  { "TB", "Trung bình", 3, FALSE },
  { "YEU", "Yếu", 4, FALSE },
};

static const DefaultLevel new_levels[] = {
  { "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", 1, TRUE },
  { "HTTNV", "Hoàn thành tốt nhiệm vụ", 2, TRUE },
  { "HTNV", "Hoàn thành nhiệm vụ", 3, FALSE },
  { "KHTNV", "Không hoàn thành nhiệm vụ", 4, FALSE },
};

static gboolean
seed_scale (SmtRegister         *reg,
            const char          *code,
            const char          *name,
            const DefaultLevel  *levels,
            guint                n_levels,
            int                  from_year,
            int                  to_year,
            const char          *subject,
            GError             **error)
{
  gint64 scale_id = smt_register_next_key (reg);
  sqlite3_stmt *stmt;

  stmt = smt_register_prepare (reg, "INSERT INTO rating_scale (id, code, name) VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scale_id);
  smt_bind_text (stmt, 2, code);
  smt_bind_text (stmt, 3, name);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);

  for (guint i = 0; i < n_levels; i++)
    {
      stmt = smt_register_prepare (reg,
          "INSERT INTO rating_level (id, scale_id, code, name, rank, counts_strong) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, smt_register_next_key (reg));
      sqlite3_bind_int64 (stmt, 2, scale_id);
      smt_bind_text (stmt, 3, levels[i].code);
      smt_bind_text (stmt, 4, levels[i].name);
      sqlite3_bind_int (stmt, 5, levels[i].rank);
      sqlite3_bind_int (stmt, 6, levels[i].strong);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return smt_register_set_db_error (reg, error);
    }

  stmt = smt_register_prepare (reg,
      "INSERT INTO rating_scale_use (id, scale_id, organisation_id, from_year, to_year, "
      "subject) VALUES (?1, ?2, NULL, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, smt_register_next_key (reg));
  sqlite3_bind_int64 (stmt, 2, scale_id);
  sqlite3_bind_int (stmt, 3, from_year);
  if (to_year > 0)
    sqlite3_bind_int (stmt, 4, to_year);
  if (subject != NULL)
    smt_bind_text (stmt, 5, subject);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return smt_register_set_db_error (reg, error);
  return TRUE;
}

static gboolean
seed_organisations (SmtRegister   *reg,
                    SmtSetupPlan  *plan,
                    GHashTable    *organisations,
                    GError       **error)
{
  gint64 traits[N_TRAITS] = { 0 };
  int position = 0;

  for (guint i = TRAIT_NONE + 1; i < N_TRAITS; i++)
    if ((traits[i] = smt_trait_add (reg, default_traits[i].code, default_traits[i].name,
                                    (int) i, error)) == 0)
      return FALSE;
  for (guint i = 0; i < plan->organisations->len; i++)
    {
      const SmtPlanOrganisation *d = g_ptr_array_index (plan->organisations, i);
      SmtOrganisationFields f = {
        .code = d->code, .name = d->name, .short_name = d->short_name,
        .member_word = d->member_word, .kind = d->kind, .min_age = d->min_age,
        .max_age = d->max_age, .sex = d->sex,
      };
      gint64 id;

      if (!d->kept)
        continue;
      f.position = ++position;
      for (guint t = TRAIT_NONE + 1; t < N_TRAITS; t++)
        if (g_strcmp0 (d->trait, default_traits[t].code) == 0)
          f.trait_id = traits[t];
      if ((id = smt_organisation_add (reg, &f, error)) == 0)
        return FALSE;
      g_hash_table_insert (organisations, d->code, g_memdup2 (&id, sizeof id));
    }
  return TRUE;
}

static gboolean
seed_scales (SmtRegister  *reg,
             GError      **error)
{
  /* Until 2022 the four-level vững mạnh scale for branches and the
   * organisations themselves, and xuất sắc / khá / trung bình / yếu for
   * members (their own use comes first); Hoàn thành … nhiệm vụ for everyone
   * from 2023 (Quy định 124-QĐ/TW and the organisations' own guidance). */
  return seed_scale (reg, "OLD", "Vững mạnh / Khá / Trung bình / Yếu",
                     old_levels, G_N_ELEMENTS (old_levels), 1990, 2022, NULL, error)
         && seed_scale (reg, "OLD_MEMBER", "Xuất sắc / Khá / Trung bình / Yếu (đoàn viên, "
                        "hội viên)", member_levels, G_N_ELEMENTS (member_levels), 1990, 2022,
                        "member", error)
         && seed_scale (reg, "NEW", "Hoàn thành nhiệm vụ (4 mức, từ 2023)",
                        new_levels, G_N_ELEMENTS (new_levels), 2023, 0, NULL, error);
}

static gboolean
seed_places (SmtRegister   *reg,
             SmtSetupPlan  *plan,
             GHashTable    *organisations,
             GError       **error)
{
  g_autoptr(GHashTable) hamlets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < plan->hamlets->len; i++)
    {
      const SmtHamletEntry *e = g_ptr_array_index (plan->hamlets, i);
      gint64 id = smt_hamlet_add (reg, e->name, e->kind, error);

      if (id == 0)
        return FALSE;
      g_hash_table_insert (hamlets, e->name, g_memdup2 (&id, sizeof id));
    }
  for (guint i = 0; i < plan->branches->len; i++)
    {
      const SmtPlanBranch *b = g_ptr_array_index (plan->branches, i);
      const gint64 *org = g_hash_table_lookup (organisations, b->organisation);
      g_autofree gint64 *ids = g_new0 (gint64, b->hamlets->len + 1);

      /* The branches of an organisation left out go with it. */
      if (!b->kept || org == NULL)
        continue;
      for (guint h = 0; h < b->hamlets->len; h++)
        ids[h] = *(const gint64 *) g_hash_table_lookup (hamlets,
                                                        g_ptr_array_index (b->hamlets, h));
      if (smt_branch_add (reg, *org, 0, b->kind, b->name, ids, b->hamlets->len, NULL,
                          error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_plan (SmtRegister  *reg,
           gpointer      user_data,
           GError      **error)
{
  SmtSetupPlan *plan = user_data;
  g_autoptr(GHashTable) organisations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                               g_free);

  return seed_organisations (reg, plan, organisations, error)
         && seed_scales (reg, error)
         && seed_places (reg, plan, organisations, error);
}

SmtRegister *
smt_setup_new_register (const char              *path,
                        const SmtCommuneFields  *commune,
                        guint32                  copy_id,
                        const char              *created_at,
                        GError                 **error)
{
  g_autoptr(SmtSetupPlan) plan = smt_setup_plan_new ();

  return smt_register_create (path, commune, copy_id, created_at, seed_plan, plan, error);
}

/**
 * smt_setup_new_register_from_plan:
 * @path: the new file (refused if it exists)
 * @plan: the commune, its hamlets, organisations and branches
 * @error: a translated SMT_REGISTER_ERROR naming what to change
 *
 * Makes the register of @plan in one go: the file appears only when all
 * of it is written, and a refusal leaves no file behind.
 *
 * Returns: (transfer full): the new register, open
 */
SmtRegister *
smt_setup_new_register_from_plan (const char    *path,
                                  SmtSetupPlan  *plan,
                                  GError       **error)
{
  SmtCommuneFields commune = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *province = NULL;
  g_autofree char *place = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (!smt_setup_plan_validate (plan, error))
    return NULL;
  name = smt_text_normalize (plan->name);
  province = smt_text_normalize (plan->province);
  place = plan->place != NULL ? smt_text_normalize (plan->place) : NULL;
  commune.name = name;
  commune.kind = plan->kind;
  commune.province = province != NULL ? province : "";
  commune.place = place != NULL && *place != '\0' ? place : NULL;
  return smt_register_create (path, &commune, 0, NULL, seed_plan, plan, error);
}

/* ---- the demo's mark --------------------------------------------------------- */

#define DEMO_KEY "demo"

gboolean
smt_setup_mark_demo (SmtRegister  *reg,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  if (!smt_register_write_begin (reg, error))
    return FALSE;
  stmt = smt_register_prepare (reg, "INSERT OR REPLACE INTO meta (key, value) "
                                    "VALUES ('" DEMO_KEY "', 'xã mẫu')", error);
  ok = stmt != NULL && smt_register_step_done (reg, stmt, error);
  return smt_register_write_end (reg, ok, error);
}

gboolean
smt_setup_is_demo (SmtRegister *reg)
{
  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);

  return smt_register_query_int (reg, 0, "SELECT count(*) FROM meta WHERE key = '"
                                         DEMO_KEY "'") > 0;
}
