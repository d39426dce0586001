/* smt-register.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SMT_REGISTER_ERROR (smt_register_error_quark ())

/* Every error a user can cause carries one of these codes and a translated
 * message that says what is wrong and what to do. */
typedef enum
{
  SMT_REGISTER_ERROR_OPEN,               /* not a register, unreadable */
  SMT_REGISTER_ERROR_NEWER,              /* written by a newer version */
  SMT_REGISTER_ERROR_BUSY,               /* another program writes it */
  SMT_REGISTER_ERROR_EXISTS,             /* file already there */
  SMT_REGISTER_ERROR_INVALID,            /* a value is missing or malformed */
  SMT_REGISTER_ERROR_FUTURE_DATE,
  SMT_REGISTER_ERROR_DATE_ORDER,         /* an end before its start */
  SMT_REGISTER_ERROR_ALREADY_MEMBER,     /* second open membership */
  SMT_REGISTER_ERROR_NOT_MEMBER,
  SMT_REGISTER_ERROR_WRONG_ORGANISATION, /* branch of another organisation */
  SMT_REGISTER_ERROR_NOT_ELIGIBLE,       /* age or sex outside the rule */
  SMT_REGISTER_ERROR_CCCD,               /* not 12 digits, or taken */
  SMT_REGISTER_ERROR_HAS_HISTORY,        /* delete refused */
  SMT_REGISTER_ERROR_NOT_FOUND,
  SMT_REGISTER_ERROR_SEQUENCE,           /* event impossible at that point in history */
  SMT_REGISTER_ERROR_DUPLICATE,
  SMT_REGISTER_ERROR_DATABASE,           /* SQLite failed: disk full, corrupt… */
} SmtRegisterError;

GQuark smt_register_error_quark (void);

#define SMT_SCHEMA_VERSION 4
/* "SMT1" as a big-endian 32-bit integer, in PRAGMA application_id. */
#define SMT_APPLICATION_ID 0x534d5431

typedef struct
{
  const char *name;      /* "Hòa Điền" (without "Xã") */
  const char *kind;      /* "xã", "phường" or "đặc khu"; NULL: "xã" */
  const char *province;  /* "Cần Thơ" */
  const char *place;     /* place name of the date line; NULL: name */
  const char *signer_title;
  const char *signer_name;
} SmtCommuneFields;

#define SMT_TYPE_REGISTER (smt_register_get_type ())
G_DECLARE_FINAL_TYPE (SmtRegister, smt_register, SMT, REGISTER, GObject)

/* Fills a register being created, inside the transaction that creates it;
 * FALSE (with error set) leaves no file behind. */
typedef gboolean (*SmtRegisterSeedFunc) (SmtRegister  *reg,
                                         gpointer      user_data,
                                         GError      **error);

/* A new register file holding the commune row, then whatever seed writes.
 * It is built under a temporary name and renamed into place only when
 * complete. created_at fixes the clock of the rows it seeds
 * (YYYY-MM-DDTHH:MM:SSZ), for registers that must come out the same every
 * time (the demo); NULL: the real clock. copy_id 0: a random one. What every
 * commune starts with is written by smt_setup_new_register (setup/). */
SmtRegister *smt_register_create         (const char             *path,
                                          const SmtCommuneFields *commune,
                                          guint32                 copy_id,
                                          const char             *created_at,
                                          SmtRegisterSeedFunc     seed,
                                          gpointer                user_data,
                                          GError                **error);
SmtRegister *smt_register_open           (const char             *path,
                                          GError                **error);
const char  *smt_register_get_path       (SmtRegister            *self);
guint32      smt_register_get_copy_id    (SmtRegister            *self);
char        *smt_register_dup_commune_title (SmtRegister         *self);
gboolean     smt_register_get_commune    (SmtRegister            *self,
                                          char                  **name,
                                          char                  **kind,
                                          char                  **province,
                                          char                  **place,
                                          char                  **signer_title,
                                          char                  **signer_name);
gboolean     smt_commune_update          (SmtRegister            *self,
                                          const SmtCommuneFields *commune,
                                          const char             *reason,
                                          GError                **error);

/* For tests and the demo: fix "today" (YYYY-MM-DD) and the clock written to
 * entered_at (YYYY-MM-DDTHH:MM:SSZ). NULL returns to the real clock. */
void         smt_register_set_today      (SmtRegister            *self,
                                          const char             *iso_date);
void         smt_register_set_now        (SmtRegister            *self,
                                          const char             *iso_datetime);
const char  *smt_register_get_today      (SmtRegister            *self);

/* Group many writes in one transaction (imports, the demo). Each write is
 * all-or-nothing on its own too. */
gboolean     smt_register_begin          (SmtRegister            *self,
                                          GError                **error);
gboolean     smt_register_commit         (SmtRegister            *self,
                                          GError                **error);
void         smt_register_rollback       (SmtRegister            *self);

G_END_DECLS
