/* smt-setup.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/organisations/smt-organisations.h"
#include "core/people/smt-traits.h"
#include "core/register/smt-register-private.h"
#include "smt-setup.h"

/* What every commune starts with, written by a module above both the
 * register (which makes the file) and the organisations (which this fills
 * it with): the five socio-political organisations and three mass
 * associations with their eligibility rules, the two traits those rules
 * ask for beyond age and sex, and three rating scales. All of it is data
 * that the office can edit afterwards. */

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
  const char *code, *name, *short_name, *member_word;
  SmtOrganisationKind kind;
  int min_age, max_age;
  char sex;
  int trait;
} DefaultOrganisation;

static const DefaultOrganisation default_organisations[] = {
  { "DTN", "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn TN", "đoàn viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 16, 30, 0, TRAIT_NONE },
  { "PN", "Hội Liên hiệp Phụ nữ Việt Nam", "Phụ nữ", "hội viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 'F', TRAIT_NONE },
  { "ND", "Hội Nông dân Việt Nam", "Nông dân", "hội viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 0, TRAIT_NONE },
  { "CCB", "Hội Cựu chiến binh Việt Nam", "Cựu chiến binh", "hội viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 0, TRAIT_VETERAN },
  { "CD", "Công đoàn Việt Nam", "Công đoàn", "đoàn viên",
    SMT_ORGANISATION_SOCIO_POLITICAL, 18, -1, 0, TRAIT_WORKER },
  { "NCT", "Hội Người cao tuổi", "Người cao tuổi", "hội viên",
    SMT_ORGANISATION_MASS, 60, -1, 0, TRAIT_NONE },
  { "CTD", "Hội Chữ thập đỏ", "Chữ thập đỏ", "hội viên",
    SMT_ORGANISATION_MASS, 16, -1, 0, TRAIT_NONE },
  { "KH", "Hội Khuyến học", "Khuyến học", "hội viên",
    SMT_ORGANISATION_MASS, 18, -1, 0, TRAIT_NONE },
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
seed_defaults (SmtRegister  *reg,
               gpointer      user_data,
               GError      **error)
{
  gint64 traits[N_TRAITS] = { 0 };

  for (guint i = TRAIT_NONE + 1; i < N_TRAITS; i++)
    if ((traits[i] = smt_trait_add (reg, default_traits[i].code, default_traits[i].name,
                                    (int) i, error)) == 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (default_organisations); i++)
    {
      const DefaultOrganisation *d = &default_organisations[i];
      SmtOrganisationFields f = {
        .code = d->code, .name = d->name, .short_name = d->short_name,
        .member_word = d->member_word, .kind = d->kind, .min_age = d->min_age,
        .max_age = d->max_age, .sex = d->sex, .position = (int) i + 1,
        .trait_id = traits[d->trait],
      };

      if (smt_organisation_add (reg, &f, error) == 0)
        return FALSE;
    }

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

SmtRegister *
smt_setup_new_register (const char              *path,
                        const SmtCommuneFields  *commune,
                        guint32                  copy_id,
                        const char              *created_at,
                        GError                 **error)
{
  return smt_register_create (path, commune, copy_id, created_at, seed_defaults, NULL, error);
}
