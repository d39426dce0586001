/* smt-register-private.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>
#include <glib/gi18n-lib.h>

#include "smt-register.h"

G_BEGIN_DECLS

/* Shared by the core's write and query modules; not for the GUI. */

sqlite3      *smt_register_get_db       (SmtRegister  *self);

/* A cached prepared statement, reset and with bindings cleared. Borrowed:
 * do not finalize. NULL with error set if the SQL does not compile. */
sqlite3_stmt *smt_register_prepare      (SmtRegister  *self,
                                         const char   *sql,
                                         GError      **error);

/* A new key unique across register copies: copy id in the high 24 bits. */
gint64        smt_register_next_key     (SmtRegister  *self);

/* Every write runs between these: a savepoint, so writes nest inside
 * smt_register_begin(). end(FALSE) rolls the savepoint back. */
gboolean      smt_register_write_begin  (SmtRegister  *self,
                                         GError      **error);
gboolean      smt_register_write_end    (SmtRegister  *self,
                                         gboolean      ok,
                                         GError      **error);

/* entered_at value for new rows: "2026-11-23T09:15:02Z". */
const char   *smt_register_now          (SmtRegister  *self);

/* Sets error from the connection's last SQLite error, in Vietnamese,
 * with what to do ("the disk may be full…"). Returns FALSE. */
gboolean      smt_register_set_db_error (SmtRegister  *self,
                                         GError      **error);

/* Appends to change_log. before/after are JSON text or NULL. */
gboolean      smt_register_log_change   (SmtRegister  *self,
                                         const char   *table_name,
                                         gint64        row_id,
                                         const char   *action,
                                         const char   *before,
                                         const char   *after,
                                         const char   *reason,
                                         GError      **error);

/* JSON object of one row (for change_log), NULL when missing. */
char         *smt_register_row_json     (SmtRegister  *self,
                                         const char   *table_name,
                                         gint64        row_id);

/* Validation helpers shared by the write modules. Each sets a translated
 * SMT_REGISTER_ERROR and returns FALSE when the check fails. what names the
 * field for the message ("admission date"). */
gboolean      smt_check_date            (SmtRegister  *self,
                                         const char   *date,
                                         const char   *what,
                                         gboolean      required,
                                         GError      **error);
gboolean      smt_check_order           (const char   *start,
                                         const char   *end,
                                         const char   *start_what,
                                         const char   *end_what,
                                         GError      **error);
gboolean      smt_check_text            (const char   *text,
                                         const char   *what,
                                         GError      **error);
gboolean      smt_check_exists          (SmtRegister  *self,
                                         const char   *table_name,
                                         gint64        id,
                                         const char   *what,
                                         GError      **error);
/* Number of rows of table where column = id (for delete checks). */
gint64        smt_register_count_refs   (SmtRegister  *self,
                                         const char   *table_name,
                                         const char   *column,
                                         gint64        id);

/* Scalars, for short lookups. */
gint64        smt_register_query_int    (SmtRegister  *self,
                                         gint64        fallback,
                                         const char   *sql,
                                         ...);  /* gint64 bindings, in order */

/* Steps a write statement to its end and resets it; FALSE with the
 * database error set otherwise. */
gboolean      smt_register_step_done    (SmtRegister   *self,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
/* TRUE when count is 0; else SMT_REGISTER_ERROR_HAS_HISTORY saying that
 * the what cannot be deleted and what to do instead. */
gboolean      smt_register_refuse_history (gint64       count,
                                           const char  *what,
                                           const char  *instead,
                                           GError     **error);
/* Deletes a row that no history refers to, logging it in change_log. */
gboolean      smt_register_delete_row   (SmtRegister  *self,
                                         const char   *table_name,
                                         gint64        id,
                                         GError      **error);
/* "Họ Chữ-lót Tên" of a person for messages; "?" when missing. */
char         *smt_register_person_name  (SmtRegister  *self,
                                         gint64        person_id);
/* NFC of optional text into *out (never NULL on success); FALSE with an
 * error naming what when the text is not valid UTF-8. */
gboolean      smt_normalize_optional    (const char   *text,
                                         const char   *what,
                                         char        **out,
                                         GError      **error);

/* Values computed from the register's content (the facts the indicators
 * count on), kept until the content changes: a write through this
 * connection (even one rolled back) or a commit by another connection
 * forgets them all. get returns NULL when there is none or it is stale;
 * set takes ownership of data, freed with destroy when forgotten. */
gpointer      smt_register_get_cached   (SmtRegister    *self,
                                         const char     *key);
void          smt_register_set_cached   (SmtRegister    *self,
                                         const char     *key,
                                         gpointer        data,
                                         GDestroyNotify  destroy);
void          smt_register_forget_cached (SmtRegister   *self);
/* Forgets one of them (to give its memory back); nothing when absent. */
void          smt_register_drop_cached  (SmtRegister    *self,
                                         const char     *key);

/* The order of branches everywhere (smt_branches_list, the Sinh hoạt grid):
 * organisation position, organisation key, name by its ICU sort key
 * (smt_text_sort_key), branch key. */
int           smt_branch_order_compare  (int           position_a,
                                         gint64        organisation_a,
                                         GBytes       *name_key_a,
                                         gint64        branch_a,
                                         int           position_b,
                                         gint64        organisation_b,
                                         GBytes       *name_key_b,
                                         gint64        branch_b);

/* A text column as a new string: NULL for SQL NULL (dup), or "" (text). */
char         *smt_column_dup            (sqlite3_stmt *stmt,
                                         int           column);
char         *smt_column_text           (sqlite3_stmt *stmt,
                                         int           column);

/* Bind UTF-8 text (already NFC), or NULL for SQL NULL. */
void          smt_bind_text             (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);

/* Common convenience: set error and return FALSE / 0. */
#define smt_fail(error, code, ...) \
  (g_set_error ((error), SMT_REGISTER_ERROR, (code), __VA_ARGS__), FALSE)

G_END_DECLS
