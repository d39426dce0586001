/* smt-register.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#ifdef G_OS_WIN32
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

#include "core/register/smt-schema-resources.h"
#include "smt-date.h"
#include "smt-register-private.h"
#include "smt-text.h"

/* Keys: bits 39..62 name the register copy, bits 0..38 count within it. */
#define KEY_COPY_SHIFT 39
#define KEY_BLOCK      1024

struct _SmtRegister
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  char        *holder_path;
  GHashTable  *statements;   /* SQL text → sqlite3_stmt */
  GHashTable  *json_sql;     /* table name → SQL returning a row as JSON */

  guint32      copy_id;
  gint64       key_next;     /* next sequence number to hand out */
  gint64       key_end;      /* end of the reserved block */

  char        *today;        /* fixed "today", or NULL for the clock */
  char        *now_fixed;    /* fixed entered_at, or NULL */
  char         now_buf[32];
  char         today_buf[16];
  guint        depth;        /* nested write savepoints */
  gboolean     in_batch;     /* inside smt_register_begin() */

  GHashTable  *cache;        /* key → CacheEntry: values computed from the content */
  sqlite3_int64 cache_changes;  /* sqlite3_total_changes64 () when they were computed */
  int          cache_data_version; /* PRAGMA data_version then (other connections) */
};

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} CacheEntry;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  if (entry->destroy != NULL)
    entry->destroy (entry->data);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (SmtRegister, smt_register, G_TYPE_OBJECT)

G_DEFINE_QUARK (smt-register-error-quark, smt_register_error)

/* Forward-only migrations: entry N brings a register from version N to N+1. */
static const char *migrations[] = {
  "/io/github/somattran/SoMatTran/schema/001-register.sql",
  "/io/github/somattran/SoMatTran/schema/002-export-log.sql",
  "/io/github/somattran/SoMatTran/schema/003-figures.sql",
  "/io/github/somattran/SoMatTran/schema/004-import.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SMT_SCHEMA_VERSION);

static void
smt_register_finalize (GObject *object)
{
  SmtRegister *self = SMT_REGISTER (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->json_sql, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      if (self->holder_path != NULL)
        g_unlink (self->holder_path);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->holder_path, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->now_fixed, g_free);

  G_OBJECT_CLASS (smt_register_parent_class)->finalize (object);
}

static void
smt_register_class_init (SmtRegisterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smt_register_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
smt_register_init (SmtRegister *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->json_sql = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* ---- small helpers ---------------------------------------------------- */

sqlite3 *
smt_register_get_db (SmtRegister *self)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), NULL);
  return self->db;
}

const char *
smt_register_get_path (SmtRegister *self)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), NULL);
  return self->path;
}

guint32
smt_register_get_copy_id (SmtRegister *self)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), 0);
  return self->copy_id;
}

gboolean
smt_register_set_db_error (SmtRegister  *self,
                           GError      **error)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *detail = sqlite3_errmsg (self->db);

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATABASE,
                   _("The disk is full, so nothing was saved. Free some space and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATABASE,
                   _("The register file cannot be written (read-only or no permission), "
                     "so nothing was saved. Copy it to a folder you can write to and open the copy."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATABASE,
                   _("The register file is damaged (%s). Open your latest backup copy instead."),
                   detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_BUSY,
                   _("Another program is writing to this register. Close it and try again."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   _("The register refused this change because it breaks one of its rules (%s). "
                     "Nothing was saved; check the values and try again."),
                   detail);
      break;
    default:
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_DATABASE,
                   _("The register could not be read or written (%s). Nothing was saved; "
                     "try again, and if it happens again, restore a backup copy."),
                   detail);
      break;
    }
  return FALSE;
}

sqlite3_stmt *
smt_register_prepare (SmtRegister  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SMT_IS_REGISTER (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("SQL does not compile: %s: %s", sqlite3_errmsg (self->db), sql);
      smt_register_set_db_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

char *
smt_column_dup (sqlite3_stmt *stmt,
                int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

char *
smt_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

void
smt_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
exec (SmtRegister  *self,
      const char   *sql,
      GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return smt_register_set_db_error (self, error);
  return TRUE;
}

gint64
smt_register_query_int (SmtRegister *self,
                        gint64       fallback,
                        const char  *sql,
                        ...)
{
  sqlite3_stmt *stmt = smt_register_prepare (self, sql, NULL);
  gint64 result = fallback;
  va_list args;

  if (stmt == NULL)
    return fallback;
  va_start (args, sql);
  for (int i = 1; i <= sqlite3_bind_parameter_count (stmt); i++)
    sqlite3_bind_int64 (stmt, i, va_arg (args, gint64));
  va_end (args);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return result;
}

static char *
meta_get (SmtRegister *self,
          const char  *key)
{
  sqlite3_stmt *stmt = smt_register_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

static gboolean
meta_set (SmtRegister  *self,
          const char   *key,
          const char   *value,
          GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (self,
      "INSERT INTO meta (key, value) VALUES (?1, ?2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  smt_bind_text (stmt, 2, value);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || smt_register_set_db_error (self, error);
}

/* ---- time ------------------------------------------------------------ */

void
smt_register_set_today (SmtRegister *self,
                        const char  *iso_date)
{
  g_return_if_fail (SMT_IS_REGISTER (self));
  g_return_if_fail (iso_date == NULL || smt_date_is_valid (iso_date));
  g_free (self->today);
  self->today = g_strdup (iso_date);
}

void
smt_register_set_now (SmtRegister *self,
                      const char  *iso_datetime)
{
  g_return_if_fail (SMT_IS_REGISTER (self));
  g_free (self->now_fixed);
  self->now_fixed = g_strdup (iso_datetime);
}

const char *
smt_register_get_today (SmtRegister *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (self), NULL);
  if (self->today != NULL)
    return self->today;
  today = smt_date_today ();
  g_strlcpy (self->today_buf, today, sizeof self->today_buf);
  return self->today_buf;
}

const char *
smt_register_now (SmtRegister *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  if (self->now_fixed != NULL)
    return self->now_fixed;
  now = g_date_time_new_now_utc ();
  text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_strlcpy (self->now_buf, text, sizeof self->now_buf);
  return self->now_buf;
}

/* ---- keys and transactions -------------------------------------------- */

gint64
smt_register_next_key (SmtRegister *self)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), 0);
  g_return_val_if_fail (self->depth > 0 || self->in_batch, 0);

  if (self->key_next >= self->key_end)
    {
      /* Reserve a block inside the current transaction; if it rolls back,
       * the block is forgotten too (see reset_keys). */
      sqlite3_stmt *stmt = smt_register_prepare (self,
          "UPDATE meta SET value = value + 1024 WHERE key = 'key_seq' RETURNING value", NULL);

      if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
        {
          if (stmt)
            sqlite3_reset (stmt);
          g_critical ("cannot reserve keys: %s", sqlite3_errmsg (self->db));
          return 0;
        }
      self->key_end = sqlite3_column_int64 (stmt, 0);
      self->key_next = self->key_end - KEY_BLOCK;
      sqlite3_reset (stmt);
    }
  return ((gint64) self->copy_id << KEY_COPY_SHIFT) | self->key_next++;
}

static void
reset_keys (SmtRegister *self)
{
  self->key_next = self->key_end = 0;
}

/* PRAGMA data_version: changes when another connection commits. */
static int
data_version (SmtRegister *self)
{
  sqlite3_stmt *stmt = smt_register_prepare (self, "PRAGMA data_version", NULL);
  int version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

gpointer
smt_register_get_cached (SmtRegister *self,
                         const char  *key)
{
  sqlite3_int64 changes;
  int version;
  CacheEntry *entry;

  g_return_val_if_fail (SMT_IS_REGISTER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->cache == NULL || g_hash_table_size (self->cache) == 0)
    return NULL;
  changes = sqlite3_total_changes64 (self->db);
  version = data_version (self);
  if (changes != self->cache_changes || version != self->cache_data_version)
    {
      g_hash_table_remove_all (self->cache);
      return NULL;
    }
  entry = g_hash_table_lookup (self->cache, key);
  return entry != NULL ? entry->data : NULL;
}

void
smt_register_set_cached (SmtRegister    *self,
                         const char     *key,
                         gpointer        data,
                         GDestroyNotify  destroy)
{
  CacheEntry *entry;
  sqlite3_int64 changes;
  int version;

  g_return_if_fail (SMT_IS_REGISTER (self));
  g_return_if_fail (key != NULL);

  if (self->cache == NULL)
    self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  changes = sqlite3_total_changes64 (self->db);
  version = data_version (self);
  if (changes != self->cache_changes || version != self->cache_data_version)
    {
      g_hash_table_remove_all (self->cache);
      self->cache_changes = changes;
      self->cache_data_version = version;
    }
  entry = g_new0 (CacheEntry, 1);
  entry->data = data;
  entry->destroy = destroy;
  g_hash_table_replace (self->cache, g_strdup (key), entry);
}

void
smt_register_drop_cached (SmtRegister *self,
                          const char  *key)
{
  g_return_if_fail (SMT_IS_REGISTER (self));
  g_return_if_fail (key != NULL);

  if (self->cache != NULL)
    g_hash_table_remove (self->cache, key);
}

void
smt_register_forget_cached (SmtRegister *self)
{
  g_return_if_fail (SMT_IS_REGISTER (self));
  if (self->cache != NULL)
    g_hash_table_remove_all (self->cache);
}

gboolean
smt_register_write_begin (SmtRegister  *self,
                          GError      **error)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), FALSE);
  if (!exec (self, "SAVEPOINT smt_write", error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
smt_register_write_end (SmtRegister  *self,
                        gboolean      ok,
                        GError      **error)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  self->depth--;
  if (ok)
    {
      if (exec (self, "RELEASE smt_write", error))
        return TRUE;
    }
  /* Undo everything this write did; the error already set explains why. */
  sqlite3_exec (self->db, "ROLLBACK TO smt_write; RELEASE smt_write", NULL, NULL, NULL);
  reset_keys (self);
  smt_register_forget_cached (self);
  return FALSE;
}

gboolean
smt_register_begin (SmtRegister  *self,
                    GError      **error)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (!self->in_batch, FALSE);
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_batch = TRUE;
  return TRUE;
}

gboolean
smt_register_commit (SmtRegister  *self,
                     GError      **error)
{
  g_return_val_if_fail (SMT_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (self->in_batch, FALSE);
  self->in_batch = FALSE;
  if (exec (self, "COMMIT", error))
    return TRUE;
  smt_register_rollback (self);
  return FALSE;
}

void
smt_register_rollback (SmtRegister *self)
{
  g_return_if_fail (SMT_IS_REGISTER (self));
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_batch = FALSE;
  smt_register_forget_cached (self);
  reset_keys (self);
}

/* ---- change log ------------------------------------------------------- */

char *
smt_register_row_json (SmtRegister *self,
                       const char  *table_name,
                       gint64       row_id)
{
  const char *sql = g_hash_table_lookup (self->json_sql, table_name);
  sqlite3_stmt *stmt;
  char *json = NULL;

  if (sql == NULL)
    {
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info (%s)", table_name);
      sqlite3_stmt *info;
      GString *s = g_string_new ("SELECT json_object (");
      gboolean first = TRUE;

      if (sqlite3_prepare_v2 (self->db, info_sql, -1, &info, NULL) != SQLITE_OK)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (info, 1);
          const char *type = (const char *) sqlite3_column_text (info, 2);

          if (g_ascii_strcasecmp (type, "BLOB") == 0)
            continue;  /* sort keys: derived, not worth logging */
          g_string_append_printf (s, "%s'%s', %s", first ? "" : ", ", col, col);
          first = FALSE;
        }
      sqlite3_finalize (info);
      g_string_append_printf (s, ") FROM %s WHERE id = ?1", table_name);
      sql = g_string_free (s, FALSE);
      g_hash_table_insert (self->json_sql, g_strdup (table_name), (char *) sql);
    }

  stmt = smt_register_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return json;
}

gboolean
smt_register_log_change (SmtRegister  *self,
                         const char   *table_name,
                         gint64        row_id,
                         const char   *action,
                         const char   *before,
                         const char   *after,
                         const char   *reason,
                         GError      **error)
{
  sqlite3_stmt *stmt = smt_register_prepare (self,
      "INSERT INTO change_log (id, at, table_name, row_id, action, before, after, reason) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, smt_register_next_key (self));
  smt_bind_text (stmt, 2, smt_register_now (self));
  smt_bind_text (stmt, 3, table_name);
  sqlite3_bind_int64 (stmt, 4, row_id);
  smt_bind_text (stmt, 5, action);
  smt_bind_text (stmt, 6, before);
  smt_bind_text (stmt, 7, after);
  smt_bind_text (stmt, 8, reason ? reason : "");
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || smt_register_set_db_error (self, error);
}

gboolean
smt_register_step_done (SmtRegister   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || smt_register_set_db_error (self, error);
}

gboolean
smt_register_delete_row (SmtRegister  *self,
                         const char   *table_name,
                         gint64        id,
                         GError      **error)
{
  g_autofree char *before = smt_register_row_json (self, table_name, id);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table_name);
  sqlite3_stmt *stmt = smt_register_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return smt_register_step_done (self, stmt, error)
         && smt_register_log_change (self, table_name, id, "delete", before, NULL, NULL, error);
}

char *
smt_register_person_name (SmtRegister *self,
                          gint64       person_id)
{
  sqlite3_stmt *stmt = smt_register_prepare (self,
      "SELECT ho || ' ' || CASE chu_lot WHEN '' THEN '' ELSE chu_lot || ' ' END || ten "
      "FROM person WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("?");
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("?");
}

/* ---- validation helpers ------------------------------------------------ */

gboolean
smt_register_refuse_history (gint64       count,
                             const char  *what,
                             const char  *instead,
                             GError     **error)
{
  if (count == 0)
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_HAS_HISTORY,
                   _("This %s cannot be deleted: %d rows of history refer to it. History is "
                     "kept for ever; %s"), what, (int) MIN (count, G_MAXINT), instead);
}

gboolean
smt_normalize_optional (const char   *text,
                        const char   *what,
                        char        **out,
                        GError      **error)
{
  *out = smt_text_normalize (text ? text : "");
  if (*out != NULL)
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                   _("“%s” contains characters that are not valid text. Type it again."), what);
}

gboolean
smt_check_date (SmtRegister  *self,
                const char   *date,
                const char   *what,
                gboolean      required,
                GError      **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *today = NULL;

  if (date == NULL || date[0] == '\0')
    {
      if (!required)
        return TRUE;
      return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                       _("The date “%s” is missing. Enter it as dd/mm/yyyy."), what);
    }
  if (!smt_date_is_valid (date))
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("“%s” is not a valid date for “%s”. Enter it as dd/mm/yyyy, "
                       "for example 05/02/2026."), date, what);
  if (self != NULL && strcmp (date, smt_register_get_today (self)) > 0)
    {
      shown = smt_date_to_display (date);
      today = smt_date_to_display (smt_register_get_today (self));
      return smt_fail (error, SMT_REGISTER_ERROR_FUTURE_DATE,
                       _("The date for “%s” (%s) is in the future. Enter a date on or "
                         "before today, %s."), what, shown, today);
    }
  return TRUE;
}

gboolean
smt_check_order (const char  *start,
                 const char  *end,
                 const char  *start_what,
                 const char  *end_what,
                 GError     **error)
{
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  if (start == NULL || end == NULL || start[0] == '\0' || end[0] == '\0')
    return TRUE;
  if (strcmp (end, start) >= 0)
    return TRUE;
  s = smt_date_to_display (start);
  e = smt_date_to_display (end);
  return smt_fail (error, SMT_REGISTER_ERROR_DATE_ORDER,
                   _("“%s” (%s) comes before “%s” (%s). An end cannot come before its start: "
                     "correct one of the two dates."), end_what, e, start_what, s);
}

gboolean
smt_check_text (const char  *text,
                const char  *what,
                GError     **error)
{
  if (text != NULL)
    {
      g_autofree char *norm = smt_text_normalize (text);

      if (norm == NULL)
        return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                         _("“%s” contains characters that are not valid text. Type it again."),
                         what);
      if (norm[0] != '\0')
        return TRUE;
    }
  return smt_fail (error, SMT_REGISTER_ERROR_INVALID, _("“%s” is empty. Fill it in."), what);
}

gint64
smt_register_count_refs (SmtRegister *self,
                         const char  *table_name,
                         const char  *column,
                         gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1",
                                          table_name, column);

  return smt_register_query_int (self, 0, sql, id);
}

gboolean
smt_check_exists (SmtRegister  *self,
                  const char   *table_name,
                  gint64        id,
                  const char   *what,
                  GError      **error)
{
  if (id != 0 && smt_register_count_refs (self, table_name, "id", id) > 0)
    return TRUE;
  return smt_fail (error, SMT_REGISTER_ERROR_NOT_FOUND,
                   _("The %s was not found in this register. Reload the list and choose "
                     "it again."), what);
}

/* ---- opening and creating ------------------------------------------------ */

static char *
holder_description (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%H:%M %d/%m/%Y");

  return g_strdup_printf ("%s@%s (pid %d, %s)", g_get_user_name (), g_get_host_name (),
                          (int) getpid (), when);
}

static gboolean
take_writer_lock (SmtRegister  *self,
                  GError      **error)
{
  /* One writing connection per register (SQLite 3.40.1 has a WAL bug that
   * needs two writers): exclusive locking mode keeps our lock from the
   * first transaction until we close. */
  if (!exec (self, "PRAGMA locking_mode = EXCLUSIVE", error))
    return FALSE;
  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE; COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_autofree char *holder = NULL;

      if (!g_file_get_contents (self->holder_path, &holder, NULL, NULL))
        holder = g_strdup (_("another program"));
      g_strstrip (holder);
      return smt_fail (error, SMT_REGISTER_ERROR_BUSY,
                       _("This register is already open for writing by %s. Close it there "
                         "first, then open it here."), holder);
    }
  {
    g_autofree char *holder = holder_description ();

    g_file_set_contents (self->holder_path, holder, -1, NULL);
  }
  return TRUE;
}

static gboolean
apply_pragmas (SmtRegister  *self,
               GError      **error)
{
  sqlite3_busy_timeout (self->db, 0);
  sqlite3_extended_result_codes (self->db, 1);
  return exec (self, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; "
                     "PRAGMA synchronous = FULL; PRAGMA trusted_schema = OFF", error);
}

static SmtRegister *
connect (const char  *path,
         int          flags,
         GError     **error)
{
  g_autoptr(SmtRegister) self = g_object_new (SMT_TYPE_REGISTER, NULL);

  self->path = g_strdup (path);
  self->holder_path = g_strconcat (path, ".holder", NULL);
  if (sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN,
                   _("Cannot open “%s” (%s). Check that the file exists and that you may "
                     "read and write it."), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static gboolean
run_migration (SmtRegister  *self,
               guint         index,
               GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;

  /* Looked up in our resource directly: the constructor that registers it
   * is not linked in from a static library. */
  bytes = g_resource_lookup_data (smt_schema_get_resource (), migrations[index], 0, error);
  g_autofree char *sql = NULL;

  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return exec (self, sql, error);
}

static gboolean
migrate (SmtRegister  *self,
         gint64        from_version,
         GError      **error)
{
  g_autofree char *pragma = NULL;

  for (gint64 v = from_version; v < SMT_SCHEMA_VERSION; v++)
    if (!run_migration (self, v, error))
      return FALSE;
  pragma = g_strdup_printf ("PRAGMA user_version = %d", SMT_SCHEMA_VERSION);
  return exec (self, pragma, error);
}

/* Sort keys depend on the ICU version: rebuild them when it changed. */
static gboolean
refresh_sort_keys (SmtRegister  *self,
                   gboolean      force,
                   GError      **error)
{
  g_autofree char *stored = meta_get (self, "collator_version");
  const char *current = smt_text_collator_version ();
  sqlite3_stmt *select, *update;
  gboolean ok = TRUE;

  if (!force && g_strcmp0 (stored, current) == 0)
    return TRUE;
  if (!smt_register_write_begin (self, error))
    return FALSE;
  select = smt_register_prepare (self, "SELECT id, ho, chu_lot, ten FROM person", error);
  ok = select != NULL;
  while (ok && sqlite3_step (select) == SQLITE_ROW)
    {
      g_autoptr(GBytes) k_ten = smt_text_sort_key ((const char *) sqlite3_column_text (select, 3));
      g_autoptr(GBytes) k_lot = smt_text_sort_key ((const char *) sqlite3_column_text (select, 2));
      g_autoptr(GBytes) k_ho = smt_text_sort_key ((const char *) sqlite3_column_text (select, 1));
      gsize n_ten, n_lot, n_ho;
      const void *d_ten = g_bytes_get_data (k_ten, &n_ten);
      const void *d_lot = g_bytes_get_data (k_lot, &n_lot);
      const void *d_ho = g_bytes_get_data (k_ho, &n_ho);

      update = smt_register_prepare (self,
          "UPDATE person SET sort_ten = ?2, sort_lot = ?3, sort_ho = ?4 WHERE id = ?1", error);
      if (update == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_blob (update, 2, d_ten, n_ten, SQLITE_TRANSIENT);
      sqlite3_bind_blob (update, 3, d_lot, n_lot, SQLITE_TRANSIENT);
      sqlite3_bind_blob (update, 4, d_ho, n_ho, SQLITE_TRANSIENT);
      if (sqlite3_step (update) != SQLITE_DONE)
        ok = smt_register_set_db_error (self, error);
      sqlite3_reset (update);
    }
  if (select)
    sqlite3_reset (select);
  if (ok)
    ok = meta_set (self, "collator_version", current, error);
  return smt_register_write_end (self, ok, error);
}

static gboolean
load_identity (SmtRegister  *self,
               GError      **error)
{
  g_autofree char *copy = meta_get (self, "copy_id");

  if (copy == NULL)
    return smt_fail (error, SMT_REGISTER_ERROR_OPEN,
                     _("This register has no copy identity; it is damaged. Open a backup copy."));
  self->copy_id = (guint32) g_ascii_strtoull (copy, NULL, 10);
  return TRUE;
}

SmtRegister *
smt_register_open (const char  *path,
                   GError     **error)
{
  g_autoptr(SmtRegister) self = NULL;
  gint64 app_id, version;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN,
                   _("The register “%s” does not exist. Check the name and folder, or "
                     "create a new register."), display);
      return NULL;
    }
  self = connect (path, SQLITE_OPEN_READWRITE, error);
  if (self == NULL)
    return NULL;

  /* Reading the header fails on anything that is not an SQLite file, and
   * with SQLITE_BUSY while another program holds the writer lock. */
  {
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2 (self->db, "PRAGMA application_id", -1, &stmt, NULL);

    if (rc == SQLITE_OK)
      rc = sqlite3_step (stmt);
    app_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
    sqlite3_finalize (stmt);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
      {
        g_autofree char *holder = NULL;

        if (!g_file_get_contents (self->holder_path, &holder, NULL, NULL))
          holder = g_strdup (_("another program"));
        g_strstrip (holder);
        g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_BUSY,
                     _("This register is already open for writing by %s. Close it there "
                       "first, then open it here."), holder);
        return NULL;
      }
  }
  if (app_id != SMT_APPLICATION_ID)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN,
                   _("“%s” is not a Sổ Mặt trận register. Choose a .smt file made by this "
                     "program."), display);
      return NULL;
    }
  version = smt_register_query_int (self, -1, "PRAGMA user_version");
  if (version > SMT_SCHEMA_VERSION)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NEWER,
                   _("“%s” was saved by a newer version of Sổ Mặt trận (register format %d; "
                     "this version reads up to %d). Install the newer version to open it; "
                     "nothing was changed."), display, (int) version, SMT_SCHEMA_VERSION);
      return NULL;
    }
  if (!apply_pragmas (self, error) || !take_writer_lock (self, error))
    return NULL;
  if (version < SMT_SCHEMA_VERSION)
    {
      if (!exec (self, "BEGIN IMMEDIATE", error))
        return NULL;
      if (!migrate (self, version, error) || !exec (self, "COMMIT", error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return NULL;
        }
    }
  if (!load_identity (self, error) || !refresh_sort_keys (self, FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gboolean write_commune (SmtRegister             *self,
                               const SmtCommuneFields  *c,
                               gboolean                 insert,
                               GError                 **error);

SmtRegister *
smt_register_create (const char              *path,
                     const SmtCommuneFields  *commune,
                     guint32                  copy_id,
                     const char              *created_at,
                     SmtRegisterSeedFunc      seed,
                     gpointer                 user_data,
                     GError                 **error)
{
  g_autoptr(SmtRegister) self = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  g_autofree char *copy_text = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (commune != NULL, NULL);

  display = g_filename_display_name (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_EXISTS,
                   _("“%s” already exists and was left as it is. Choose another file name."),
                   display);
      return NULL;
    }
  if (!smt_check_text (commune->name, _("commune name"), error))
    return NULL;

  /* Built under a temporary name and renamed at the end, so a failure
   * never leaves a half-made register behind. */
  tmp_path = g_strdup_printf ("%s.new-%d", path, (int) getpid ());
  g_unlink (tmp_path);
  self = connect (tmp_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (self == NULL)
    return NULL;

  smt_register_set_now (self, created_at);
  copy_id &= 0xffffff;
  while (copy_id == 0)
    copy_id = g_random_int () & 0xffffff;
  self->copy_id = copy_id;
  copy_text = g_strdup_printf ("%u", copy_id);

  ok = apply_pragmas (self, error)
       && smt_register_begin (self, error)
       && migrate (self, 0, error)
       && exec (self, "PRAGMA application_id = 1397576753", error)
       && meta_set (self, "copy_id", copy_text, error)
       && meta_set (self, "key_seq", "1", error)
       && meta_set (self, "created_at", smt_register_now (self), error)
       && meta_set (self, "collator_version", smt_text_collator_version (), error)
       && write_commune (self, commune, TRUE, error)
       && (seed == NULL || seed (self, user_data, error))
       && smt_register_commit (self, error);
  G_STATIC_ASSERT (SMT_APPLICATION_ID == 1397576753);

  if (ok)
    {
      g_autofree char *now = g_strdup (self->now_fixed);
      g_autofree char *today = g_strdup (self->today);

      g_clear_object (&self);
      if (g_rename (tmp_path, path) != 0)
        {
          int saved = errno;

          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN,
                       _("Cannot create “%s”: %s. Choose a folder you can write to."),
                       display, g_strerror (saved));
          g_unlink (tmp_path);
          return NULL;
        }
      self = smt_register_open (path, error);
      if (self != NULL)
        {
          smt_register_set_now (self, now);
          smt_register_set_today (self, today);
        }
      return g_steal_pointer (&self);
    }

  if (self->in_batch)
    smt_register_rollback (self);
  g_clear_object (&self);
  g_unlink (tmp_path);
  {
    g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (tmp_path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  return NULL;
}

/* ---- the commune row --------------------------------------------------- */

static gboolean
write_commune (SmtRegister             *self,
               const SmtCommuneFields  *c,
               gboolean                 insert,
               GError                 **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *name = smt_text_normalize (c->name);
  g_autofree char *province = smt_text_normalize (c->province ? c->province : "");
  g_autofree char *place = smt_text_normalize (c->place ? c->place : c->name);
  g_autofree char *title = smt_text_normalize (c->signer_title ? c->signer_title : "CHỦ TỊCH");
  g_autofree char *signer = smt_text_normalize (c->signer_name ? c->signer_name : "");
  const char *kind = c->kind ? c->kind : "xã";
  int rc;

  if (!smt_check_text (c->name, _("commune name"), error))
    return FALSE;
  if (g_strcmp0 (kind, "xã") != 0 && g_strcmp0 (kind, "phường") != 0
      && g_strcmp0 (kind, "đặc khu") != 0)
    return smt_fail (error, SMT_REGISTER_ERROR_INVALID,
                     _("A commune is a “xã”, a “phường” or a “đặc khu”. Choose one of these."));

  stmt = smt_register_prepare (self, insert
      ? "INSERT INTO commune (id, name, kind, province, place, signer_title, signer_name) "
        "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)"
      : "UPDATE commune SET name = ?1, kind = ?2, province = ?3, place = ?4, "
        "signer_title = ?5, signer_name = ?6 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  smt_bind_text (stmt, 1, name);
  smt_bind_text (stmt, 2, kind);
  smt_bind_text (stmt, 3, province);
  smt_bind_text (stmt, 4, place);
  smt_bind_text (stmt, 5, title);
  smt_bind_text (stmt, 6, signer);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || smt_register_set_db_error (self, error);
}

gboolean
smt_commune_update (SmtRegister             *self,
                    const SmtCommuneFields  *commune,
                    const char              *reason,
                    GError                 **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  g_return_val_if_fail (SMT_IS_REGISTER (self), FALSE);
  g_return_val_if_fail (commune != NULL, FALSE);

  if (!smt_register_write_begin (self, error))
    return FALSE;
  before = smt_register_row_json (self, "commune", 1);
  ok = write_commune (self, commune, FALSE, error);
  if (ok)
    {
      after = smt_register_row_json (self, "commune", 1);
      ok = smt_register_log_change (self, "commune", 1, "update", before, after, reason, error);
    }
  return smt_register_write_end (self, ok, error);
}

gboolean
smt_register_get_commune (SmtRegister  *self,
                          char        **name,
                          char        **kind,
                          char        **province,
                          char        **place,
                          char        **signer_title,
                          char        **signer_name)
{
  sqlite3_stmt *stmt;
  char **out[] = { name, kind, province, place, signer_title, signer_name };
  gboolean found;

  g_return_val_if_fail (SMT_IS_REGISTER (self), FALSE);
  stmt = smt_register_prepare (self,
      "SELECT name, kind, province, place, signer_title, signer_name FROM commune WHERE id = 1",
      NULL);
  if (stmt == NULL)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  for (guint i = 0; i < G_N_ELEMENTS (out); i++)
    if (out[i] != NULL)
      *out[i] = g_strdup (found ? (const char *) sqlite3_column_text (stmt, i) : "");
  sqlite3_reset (stmt);
  return found;
}

char *
smt_register_dup_commune_title (SmtRegister *self)
{
  g_autofree char *name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *kind_cap = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (self), NULL);
  if (!smt_register_get_commune (self, &name, &kind, NULL, NULL, NULL, NULL))
    return g_strdup ("");
  /* "xã" → "Xã", "đặc khu" → "Đặc khu" */
  {
    gunichar first = g_utf8_get_char (kind);
    char buf[8];
    int len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);

    buf[len] = '\0';
    kind_cap = g_strconcat (buf, g_utf8_next_char (kind), NULL);
  }
  return g_strdup_printf ("%s %s", kind_cap, name);
}
