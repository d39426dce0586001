/* smt-check.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "core/activity/smt-rating-query.h"
#include "core/organisations/smt-membership.h"
#include "core/register/smt-date.h"
#include "core/register/smt-register-private.h"
#include "core/register/smt-text.h"
#include "smt-check.h"

static const char *history_tables[] = {
  "residence", "membership_event", "branch_leader", "meeting", "attendance", "study",
  "study_participant", "rating", "officer", "indicator_value", "change_log", "export_log",
  "restructure", "study_exception", "person_trait", "import_batch", "import_undo",
};

#define MAX_REPORTED 50

typedef struct
{
  GPtrArray *problems;
  guint      count;
} Report;

G_GNUC_PRINTF (2, 3)
static void
report (Report     *r,
        const char *format,
        ...)
{
  va_list args;

  r->count++;
  if (r->count > MAX_REPORTED)
    return;
  va_start (args, format);
  g_ptr_array_add (r->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Runs sql; each row's first column fills the %s of a translated format. */
static void
report_rows (SmtRegister *reg,
             Report      *r,
             const char  *format,
             const char  *sql)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (smt_register_get_db (reg), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      report (r, _("Check could not run (%s)."), sqlite3_errmsg (smt_register_get_db (reg)));
      return;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      report (r, format, (const char *) sqlite3_column_text (stmt, 0));
#pragma GCC diagnostic pop
    }
  sqlite3_finalize (stmt);
}

static void
check_sqlite (SmtRegister *reg,
              Report      *r)
{
  sqlite3_stmt *stmt;
  sqlite3 *db = smt_register_get_db (reg);

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *line = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (line, "ok") != 0)
            report (r, _("File damaged: %s"), line);
        }
      sqlite3_finalize (stmt);
    }
  if (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        report (r, _("A row of %s refers to a missing row of %s."),
                (const char *) sqlite3_column_text (stmt, 0),
                (const char *) sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
    }
  if (smt_register_query_int (reg, 0, "PRAGMA foreign_keys") != 1)
    report (r, _("Foreign keys are not enforced on this connection."));
  if (smt_register_query_int (reg, 0, "PRAGMA user_version") != SMT_SCHEMA_VERSION)
    report (r, _("The register format version is not the current one."));
  if (smt_register_query_int (reg, 0, "PRAGMA application_id") != SMT_APPLICATION_ID)
    report (r, _("The file does not carry the Sổ Mặt trận application id."));
}

static void
check_append_only (SmtRegister *reg,
                   Report      *r)
{
  for (guint i = 0; i < G_N_ELEMENTS (history_tables); i++)
    {
      const char *t = history_tables[i];
      g_autofree char *upd = g_strdup_printf ("%s_no_update", t);
      g_autofree char *del = g_strdup_printf ("%s_no_delete", t);
      const char *sql = "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?1";
      sqlite3_stmt *stmt = smt_register_prepare (reg, sql, NULL);
      const char *names[] = { upd, del };

      for (guint k = 0; stmt != NULL && k < 2; k++)
        {
          sqlite3_reset (stmt);
          smt_bind_text (stmt, 1, names[k]);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 1)
            report (r, _("The history table %s is not protected against changes (trigger %s "
                         "is missing)."), t, names[k]);
        }
      if (stmt)
        sqlite3_reset (stmt);
    }
}

/* Every membership's history replays without a contradiction. */
static void
check_memberships (SmtRegister *reg,
                   Report      *r)
{
  sqlite3_stmt *stmt;
  gint64 person = 0, organisation = 0, branch = 0;
  int state = 0;  /* 0 none, 1 active, 2 away */

  if (sqlite3_prepare_v2 (smt_register_get_db (reg),
        "SELECT e.person_id, e.organisation_id, e.branch_id, e.kind, e.date, "
        "p.ho || ' ' || p.chu_lot || ' ' || p.ten, o.short_name, "
        "(SELECT b.organisation_id FROM branch b WHERE b.id = e.branch_id) "
        "FROM membership_event e JOIN person p ON p.id = e.person_id "
        "JOIN organisation o ON o.id = e.organisation_id "
        "WHERE e.kind <> 'void' AND NOT EXISTS "
        "(SELECT 1 FROM membership_event v WHERE v.supersedes = e.id) "
        "ORDER BY e.person_id, e.organisation_id, e.date, e.id", -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 p = sqlite3_column_int64 (stmt, 0);
      gint64 o = sqlite3_column_int64 (stmt, 1);
      gint64 b = sqlite3_column_int64 (stmt, 2);
      const char *kind = (const char *) sqlite3_column_text (stmt, 3);
      const char *date = (const char *) sqlite3_column_text (stmt, 4);
      const char *name = (const char *) sqlite3_column_text (stmt, 5);
      const char *org = (const char *) sqlite3_column_text (stmt, 6);
      gboolean ok = TRUE;

      if (p != person || o != organisation)
        {
          person = p;
          organisation = o;
          state = 0;
          branch = 0;
        }
      g_autofree char *shown = smt_date_to_display (date);
      SmtEventKind event_kind;
      const char *label = smt_event_kind_from_string (kind, &event_kind)
                          ? smt_event_kind_label (event_kind) : kind;

      if (b != 0 && sqlite3_column_int64 (stmt, 7) != o)
        report (r, _("%s: an event of %s on %s names a branch of another organisation."),
                name, org, shown);

      if (strcmp (kind, "admitted") == 0 || strcmp (kind, "transferred_in") == 0)
        {
          ok = state == 0;
          state = 1;
          branch = b;
        }
      else if (strcmp (kind, "transferred") == 0)
        {
          ok = state != 0 && b != branch;
          branch = b;
        }
      else if (strcmp (kind, "away") == 0)
        {
          ok = state == 1;
          state = 2;
        }
      else if (strcmp (kind, "back") == 0)
        {
          ok = state == 2;
          state = 1;
        }
      else
        {
          ok = state != 0;
          state = 0;
        }
      if (!ok)
        report (r, _("%s: the history in %s does not add up at the event “%s” of %s."),
                name, org, label, shown);
    }
  sqlite3_finalize (stmt);
}

static void
check_people (SmtRegister *reg,
              Report      *r)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (smt_register_get_db (reg),
        "SELECT id, ho, chu_lot, ten, sort_ten, sort_lot, sort_ho, folded FROM person",
        -1, &stmt, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *parts[3];
      gboolean nfc = TRUE, keys = TRUE;
      g_autofree char *full = NULL;
      g_autofree char *folded = NULL;

      for (int i = 0; i < 3; i++)
        {
          g_autofree char *norm = NULL;
          g_autoptr(GBytes) key = NULL;
          gsize len;
          const void *data;

          parts[i] = (const char *) sqlite3_column_text (stmt, 1 + i);
          norm = g_utf8_normalize (parts[i], -1, G_NORMALIZE_NFC);
          nfc &= g_strcmp0 (norm, parts[i]) == 0;
          key = smt_text_sort_key (parts[i]);
          data = g_bytes_get_data (key, &len);
          /* columns 4..6 hold the keys of tên, chữ lót, họ */
          keys &= (gsize) sqlite3_column_bytes (stmt, 6 - i) == len
                  && (len == 0 || memcmp (sqlite3_column_blob (stmt, 6 - i), data, len) == 0);
        }
      full = parts[1][0] ? g_strjoin (" ", parts[0], parts[1], parts[2], NULL)
                         : g_strjoin (" ", parts[0], parts[2], NULL);
      {
        g_autofree char *collapsed = smt_text_normalize (full);

        folded = smt_text_fold (collapsed);
      }
      if (!nfc)
        report (r, _("The name of %s is not stored in NFC form."), full);
      if (!keys)
        report (r, _("The sort keys of %s are out of date."), full);
      if (g_strcmp0 (folded, (const char *) sqlite3_column_text (stmt, 7)) != 0)
        report (r, _("The search form of %s is out of date."), full);
    }
  sqlite3_finalize (stmt);
}

static void
check_dates (SmtRegister *reg,
             Report      *r)
{
  static const char *columns[][2] = {
    { "residence", "from_date" }, { "membership_event", "date" },
    { "branch_leader", "from_date" }, { "branch_leader", "to_date" },
    { "meeting", "date" }, { "study", "date" }, { "officer", "from_date" },
    { "officer", "to_date" }, { "person", "birth_date" }, { "person", "deceased_on" },
    { "person", "party_since" }, { "household", "formed_on" }, { "branch", "founded_on" },
    { "branch", "dissolved_on" },
  };
  const char *today = smt_register_get_today (reg);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "SELECT %s FROM %s WHERE %s IS NOT NULL AND (%s > ?1 OR date (%s) IS NOT %s)",
          columns[i][1], columns[i][0], columns[i][1], columns[i][1], columns[i][1],
          columns[i][1]);
      sqlite3_stmt *stmt;

      if (sqlite3_prepare_v2 (smt_register_get_db (reg), sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        report (r, _("The date “%s” recorded in %s.%s is in the future or not a valid date."),
                (const char *) sqlite3_column_text (stmt, 0), columns[i][0], columns[i][1]);
      sqlite3_finalize (stmt);
    }
}

gboolean
smt_register_check (SmtRegister  *reg,
                    GPtrArray    *problems,
                    GError      **error)
{
  Report r = { problems, 0 };

  g_return_val_if_fail (SMT_IS_REGISTER (reg), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  check_sqlite (reg, &r);
  check_append_only (reg, &r);
  check_memberships (reg, &r);
  check_people (reg, &r);
  check_dates (reg, &r);

  /* Rules that SQL states directly. */
  report_rows (reg, &r, _("The CCCD number of %s does not have 12 digits."),
      "SELECT ho || ' ' || chu_lot || ' ' || ten FROM person "
      "WHERE cccd IS NOT NULL AND (length (cccd) <> 12 OR cccd GLOB '*[^0-9]*')");
  report_rows (reg, &r, _("Something ends before it starts: %s."),
      "SELECT name FROM branch WHERE dissolved_on < founded_on UNION ALL "
      "SELECT 'branch_leader ' || id FROM branch_leader WHERE to_date < from_date UNION ALL "
      "SELECT 'officer ' || id FROM officer WHERE to_date < from_date");
  report_rows (reg, &r, _("A membership event comes after the person's death: %s."),
      "SELECT p.ho || ' ' || p.chu_lot || ' ' || p.ten || ' (' "
      "|| strftime ('%d/%m/%Y', e.date) || ')' FROM membership_event e JOIN person p ON p.id = e.person_id "
      "WHERE p.deceased_on IS NOT NULL AND e.kind <> 'void' AND e.date > p.deceased_on");
  report_rows (reg, &r, _("A membership event comes before the person's birth: %s."),
      "SELECT p.ho || ' ' || p.chu_lot || ' ' || p.ten FROM membership_event e "
      "JOIN person p ON p.id = e.person_id "
      "WHERE e.kind <> 'void' AND CAST (substr (e.date, 1, 4) AS INTEGER) < p.birth_year");
  report_rows (reg, &r, _("A transfer of a restructure does not go into its branch on its "
                          "day: %s."),
      "SELECT p.ho || ' ' || p.chu_lot || ' ' || p.ten || ' (' "
      "|| strftime ('%d/%m/%Y', e.date) || ')' FROM membership_event e "
      "JOIN restructure s ON s.id = e.restructure_id JOIN person p ON p.id = e.person_id "
      "WHERE e.kind <> 'transferred' OR e.branch_id IS NOT s.branch_id OR e.date <> s.date "
      "OR e.organisation_id <> s.organisation_id");
  /* smt_person_trait_add refuses it; only a damaged register has it. */
  report_rows (reg, &r, _("Two current records of one trait overlap for %s."),
      "SELECT p.ho || ' ' || p.chu_lot || ' ' || p.ten FROM person_trait a "
      "JOIN person_trait b ON b.person_id = a.person_id AND b.trait_id = a.trait_id "
      "AND b.id > a.id JOIN person p ON p.id = a.person_id "
      "WHERE a.voided = 0 AND b.voided = 0 "
      "AND NOT EXISTS (SELECT 1 FROM person_trait s WHERE s.supersedes IN (a.id, b.id)) "
      "AND (a.to_date IS NULL OR b.from_date IS NULL OR b.from_date <= a.to_date) "
      "AND (b.to_date IS NULL OR a.from_date IS NULL OR a.from_date <= b.to_date)");
  report_rows (reg, &r, _("The tổ hội %s belongs to a chi hội of another organisation."),
      "SELECT c.name FROM branch c JOIN branch p ON p.id = c.parent_id "
      "WHERE p.organisation_id <> c.organisation_id");
  report_rows (reg, &r, _("A rating for %s uses a level of a scale not in force that year."),
      "SELECT r.year FROM rating r JOIN rating_level l ON l.id = r.level_id WHERE r.voided = 0 "
      "AND l.scale_id <> " SMT_RATING_SCALE_IN_FORCE_SQL ("r.year", "r.organisation_id",
                                                              SMT_RATING_SUBJECT_SQL ("r")));
  report_rows (reg, &r, _("The key %s does not name the register copy that made it."),
      "SELECT t || ' ' || id FROM (SELECT 'person' AS t, id FROM person UNION ALL "
      "SELECT 'membership_event', id FROM membership_event UNION ALL "
      "SELECT 'household', id FROM household) WHERE (id >> 39) = 0");

  if (r.count > MAX_REPORTED)
    g_ptr_array_add (problems, g_strdup_printf (_("… and %u more problems."),
                                                r.count - MAX_REPORTED));
  return r.count == 0;
}

static void
hash_value (GChecksum     *sum,
            sqlite3_stmt  *stmt,
            int            col)
{
  int type = sqlite3_column_type (stmt, col);
  guchar tag = (guchar) type;

  g_checksum_update (sum, &tag, 1);
  switch (type)
    {
    case SQLITE_INTEGER:
      {
        gint64 v = GINT64_TO_LE (sqlite3_column_int64 (stmt, col));

        g_checksum_update (sum, (const guchar *) &v, sizeof v);
      }
      break;
    case SQLITE_FLOAT:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, col));
        g_checksum_update (sum, (const guchar *) buf, strlen (buf));
      }
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      {
        const void *data = type == SQLITE_TEXT ? (const void *) sqlite3_column_text (stmt, col)
                                               : sqlite3_column_blob (stmt, col);
        guint32 len = GUINT32_TO_LE ((guint32) sqlite3_column_bytes (stmt, col));

        g_checksum_update (sum, (const guchar *) &len, sizeof len);
        if (len > 0)
          g_checksum_update (sum, data, sqlite3_column_bytes (stmt, col));
      }
      break;
    default:
      break;
    }
}

char *
smt_register_content_hash (SmtRegister  *reg,
                           GError      **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);
  db = smt_register_get_db (reg);

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                              "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL)
      != SQLITE_OK)
    {
      smt_register_set_db_error (reg, error);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *t = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", t);

      g_checksum_update (sum, (const guchar *) t, strlen (t) + 1);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          smt_register_set_db_error (reg, error);
          return NULL;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          hash_value (sum, stmt, c);
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}
