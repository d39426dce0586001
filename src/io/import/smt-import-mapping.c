/* smt-import-mapping.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/register/smt-text.h"
#include "io/files/smt-atomic-file.h"
#include "io/files/smt-json-read.h"
#include "io/files/smt-json.h"
#include "smt-import-mapping.h"

/* Mappings kept in the per-user file, newest first; older ones drop out. */
#define MAX_REMEMBERED 200

SmtImportMapping *
smt_import_mapping_new (guint n_cols)
{
  SmtImportMapping *m = g_new0 (SmtImportMapping, 1);

  m->header_row = SMT_IMPORT_HEADER_ROW_FIND;
  m->n_cols = n_cols;
  m->fields = g_new0 (SmtImportField, n_cols + 1);
  m->encodings = g_new0 (char *, n_cols + 1);
  m->headers = g_new0 (char *, n_cols + 1);
  for (guint c = 0; c < n_cols; c++)
    {
      m->encodings[c] = g_strdup ("");
      m->headers[c] = g_strdup ("");
    }
  return m;
}

SmtImportMapping *
smt_import_mapping_new_guessed (const SmtSheetLayout *layout)
{
  SmtImportMapping *m;

  g_return_val_if_fail (layout != NULL, NULL);

  m = smt_import_mapping_new (layout->n_cols);
  m->header_row = layout->header_row;
  m->header_rows = layout->header_rows;
  for (guint c = 0; c < layout->n_cols; c++)
    {
      m->fields[c] = layout->guessed[c];
      g_free (m->headers[c]);
      m->headers[c] = g_strdup (layout->headers[c]);
    }
  m->signature = smt_import_mapping_signature (layout);
  return m;
}

SmtImportMapping *
smt_import_mapping_copy (const SmtImportMapping *mapping)
{
  SmtImportMapping *m;

  g_return_val_if_fail (mapping != NULL, NULL);

  m = g_new0 (SmtImportMapping, 1);
  m->header_row = mapping->header_row;
  m->header_rows = mapping->header_rows;
  m->n_cols = mapping->n_cols;
  m->fields = g_memdup2 (mapping->fields, sizeof (SmtImportField) * (mapping->n_cols + 1));
  m->encodings = g_strdupv (mapping->encodings);
  m->headers = g_strdupv (mapping->headers);
  m->signature = g_strdup (mapping->signature);
  return m;
}

void
smt_import_mapping_free (SmtImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->fields);
  g_strfreev (mapping->encodings);
  g_strfreev (mapping->headers);
  g_free (mapping->signature);
  g_free (mapping);
}

SmtImportField
smt_import_mapping_field (const SmtImportMapping *mapping,
                          guint                   col)
{
  g_return_val_if_fail (mapping != NULL, SMT_IMPORT_FIELD_IGNORE);

  return col < mapping->n_cols ? mapping->fields[col] : SMT_IMPORT_FIELD_IGNORE;
}

char *
smt_import_mapping_signature (const SmtSheetLayout *layout)
{
  g_autoptr(GString) text = g_string_new ("somattran-import-v1");
  guint n;

  g_return_val_if_fail (layout != NULL, NULL);

  n = layout->n_cols;
  while (n > 0 && layout->headers[n - 1][0] == '\0')
    n--;
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *folded = smt_text_fold (layout->headers[c]);

      g_string_append_c (text, '\n');
      g_string_append (text, folded);
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
}

SmtSheetLayout *
smt_import_mapping_layout (const SmtImportMapping *mapping,
                           const SmtSheet         *sheet)
{
  SmtSheetLayout *layout;
  g_autofree SmtImportField *fields = NULL;

  g_return_val_if_fail (mapping != NULL && sheet != NULL, NULL);

  if (mapping->header_row == SMT_IMPORT_HEADER_ROW_FIND)
    layout = smt_sheet_layout_detect (sheet);
  else
    layout = smt_sheet_layout_new_at (sheet, mapping->header_row);
  fields = g_new0 (SmtImportField, layout->n_cols + 1);
  for (guint c = 0; c < layout->n_cols; c++)
    fields[c] = smt_import_mapping_field (mapping, c);
  smt_sheet_layout_classify (layout, sheet, fields);
  return layout;
}

char *
smt_import_column_name (guint col)
{
  char buf[16];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  col++;
  while (col > 0 && i > 0)
    {
      buf[--i] = (char) ('A' + (col - 1) % 26);
      col = (col - 1) / 26;
    }
  return g_strdup (buf + i);
}

int
smt_import_column_from_name (const char *name)
{
  gint64 col = 0;

  if (name == NULL || name[0] == '\0')
    return -1;
  for (const char *p = name; *p; p++)
    {
      if (!g_ascii_isalpha (*p))
        return -1;
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > 1 << 20)
        return -1;
    }
  return (int) col - 1;
}

/* One mapping as a JSON object, indented by indent spaces. */
static void
append_mapping (GString                *out,
                const SmtImportMapping *m,
                const char             *indent)
{
  g_string_append (out, "{\n");
  g_string_append (out, indent);
  smt_json_key (out, "version", TRUE);
  smt_json_int (out, 1);
  g_string_append_printf (out, ",\n%s", indent);
  smt_json_key (out, "signature", TRUE);
  smt_json_string (out, m->signature);
  if (m->header_row != SMT_IMPORT_HEADER_ROW_FIND)
    {
      g_string_append_printf (out, ",\n%s", indent);
      smt_json_key (out, "header_row", TRUE);
      smt_json_int (out, (gint64) m->header_row + 1);
      g_string_append_printf (out, ",\n%s", indent);
      smt_json_key (out, "header_rows", TRUE);
      smt_json_int (out, m->header_rows);
    }
  g_string_append_printf (out, ",\n%s", indent);
  smt_json_key (out, "columns", TRUE);
  g_string_append (out, "[");
  for (guint c = 0; c < m->n_cols; c++)
    {
      g_autofree char *letter = smt_import_column_name (c);

      g_string_append_printf (out, "%s\n%s  {", c ? "," : "", indent);
      smt_json_key (out, "column", TRUE);
      smt_json_string (out, letter);
      if (m->headers[c] && m->headers[c][0])
        {
          smt_json_key (out, "header", FALSE);
          smt_json_string (out, m->headers[c]);
        }
      smt_json_key (out, "field", FALSE);
      smt_json_string (out, smt_import_field_id (m->fields[c]));
      if (m->encodings[c] && m->encodings[c][0])
        {
          smt_json_key (out, "encoding", FALSE);
          smt_json_string (out, m->encodings[c]);
        }
      g_string_append (out, "}");
    }
  g_string_append_printf (out, "\n%s]\n%.*s}", indent, (int) strlen (indent) - 2, indent);
}

char *
smt_import_mapping_to_json (const SmtImportMapping *mapping)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (mapping != NULL, NULL);

  append_mapping (out, mapping, "  ");
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static gboolean
bad_mapping (GError    **error,
             const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: %s says what is wrong */
               _("The column mapping cannot be used: %s."), what);
  return FALSE;
}

/* A whole number ≥ 0 from a JSON number; FALSE when it is something else. */
static gboolean
lookup_uint (GVariant   *object,
             const char *key,
             guint      *out,
             gboolean   *present)
{
  g_autoptr(GVariant) v = g_variant_lookup_value (object, key, NULL);
  double d;

  *present = v != NULL;
  if (v == NULL)
    return TRUE;
  if (!g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    return FALSE;
  d = g_variant_get_double (v);
  if (d < 0 || d > G_MAXINT || d != (double) (gint64) d)
    return FALSE;
  *out = (guint) d;
  return TRUE;
}

static const char *
lookup_string (GVariant   *object,
               const char *key)
{
  g_autoptr(GVariant) v = g_variant_lookup_value (object, key, G_VARIANT_TYPE_STRING);

  /* The string lives as long as object does. */
  return v ? g_variant_get_string (v, NULL) : NULL;
}

SmtImportMapping *
smt_import_mapping_from_variant (GVariant  *object,
                                 GError   **error)
{
  g_autoptr(SmtImportMapping) m = NULL;
  g_autoptr(GVariant) columns = NULL;
  guint header_row = 0, header_rows = 1, version = 1;
  gboolean has_row, has_rows, has_version;
  guint n, n_cols = 0;
  int *cols;

  g_return_val_if_fail (object != NULL, NULL);

  if (!g_variant_is_of_type (object, G_VARIANT_TYPE ("a{sv}")))
    return bad_mapping (error, _("it is not a JSON object")), NULL;
  if (!lookup_uint (object, "version", &version, &has_version) || version != 1)
    return bad_mapping (error, _("its version is not 1")), NULL;
  if (!lookup_uint (object, "header_row", &header_row, &has_row)
      || (has_row && header_row < 1))
    return bad_mapping (error, _("header_row is not a row number from 1")), NULL;
  if (!lookup_uint (object, "header_rows", &header_rows, &has_rows)
      || (has_rows && (header_rows < 1 || header_rows > 2)))
    return bad_mapping (error, _("header_rows is not 1 or 2")), NULL;
  columns = g_variant_lookup_value (object, "columns", G_VARIANT_TYPE ("av"));
  if (columns == NULL)
    return bad_mapping (error, _("it has no list of columns")), NULL;

  /* First pass: where each column goes. */
  n = g_variant_n_children (columns);
  cols = g_newa (int, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (columns, i);
      g_autoptr(GVariant) col = g_variant_get_variant (boxed);
      const char *letter;

      if (!g_variant_is_of_type (col, G_VARIANT_TYPE ("a{sv}")))
        return bad_mapping (error, _("a column is not a JSON object")), NULL;
      letter = lookup_string (col, "column");
      cols[i] = letter ? smt_import_column_from_name (letter) : (int) i;
      if (cols[i] < 0 || cols[i] > 16383)
        return bad_mapping (error, _("a column letter is not a column")), NULL;
      n_cols = MAX (n_cols, (guint) cols[i] + 1);
    }

  m = smt_import_mapping_new (n_cols);
  if (has_row)
    {
      m->header_row = header_row - 1;
      m->header_rows = header_rows;
    }
  m->signature = g_strdup (lookup_string (object, "signature"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (columns, i);
      g_autoptr(GVariant) col = g_variant_get_variant (boxed);
      const char *id = lookup_string (col, "field");
      const char *header = lookup_string (col, "header");
      const char *encoding = lookup_string (col, "encoding");
      SmtImportField field = SMT_IMPORT_FIELD_IGNORE;

      if (id != NULL && !smt_import_field_from_id (id, &field))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The column mapping cannot be used: “%s” is not a field. Use one "
                         "of: full_name, ho, chu_lot, ten, ho_chu_lot, birth_year, birth_date, "
                         "birth_year_male, birth_year_female, sex, hamlet, address, cccd, "
                         "phone, role, ethnicity, religion, joined_on, party_member, branch, "
                         "note, stt, ignore."), id);
          return NULL;
        }
      m->fields[cols[i]] = field;
      if (header)
        {
          g_free (m->headers[cols[i]]);
          m->headers[cols[i]] = g_strdup (header);
        }
      if (encoding)
        {
          g_free (m->encodings[cols[i]]);
          m->encodings[cols[i]] = g_strdup (encoding);
        }
    }
  return g_steal_pointer (&m);
}

SmtImportMapping *
smt_import_mapping_from_json (const char  *json,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(GVariant) object = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  object = smt_json_parse (json, length, error);
  if (object == NULL)
    return NULL;
  return smt_import_mapping_from_variant (object, error);
}

char *
smt_import_mappings_path (void)
{
  const char *dir = g_getenv ("SMT_IMPORT_MAPPINGS_DIR");

  if (dir != NULL && dir[0] != '\0')
    return g_build_filename (dir, "import-mappings.json", NULL);
  return g_build_filename (g_get_user_config_dir (), "somattran", "import-mappings.json", NULL);
}

/* The remembered file parsed: its "mappings" object, or NULL when there is
 * no file. *damaged is set when the file exists but cannot be read as one. */
static GVariant *
load_store (const char  *path,
            gboolean    *damaged,
            GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GVariant) root = NULL;
  g_autoptr(GError) local = NULL;
  gsize len;

  *damaged = FALSE;
  if (!g_file_get_contents (path, &text, &len, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  root = smt_json_parse (text, len, NULL);
  if (root == NULL || !g_variant_is_of_type (root, G_VARIANT_TYPE ("a{sv}")))
    {
      *damaged = TRUE;
      return NULL;
    }
  {
    GVariant *mappings = g_variant_lookup_value (root, "mappings", G_VARIANT_TYPE ("a{sv}"));

    if (mappings == NULL)
      *damaged = TRUE;
    return mappings;
  }
}

SmtImportMapping *
smt_import_mappings_lookup (const char  *signature,
                            GError     **error)
{
  g_autofree char *path = smt_import_mappings_path ();
  g_autoptr(GVariant) store = NULL;
  g_autoptr(GVariant) entry = NULL;
  GError *local = NULL;
  gboolean damaged;

  g_return_val_if_fail (signature != NULL, NULL);

  store = load_store (path, &damaged, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (store == NULL)
    return NULL;
  entry = g_variant_lookup_value (store, signature, G_VARIANT_TYPE ("a{sv}"));
  if (entry == NULL)
    return NULL;
  /* An entry that no longer reads is as good as none. */
  return smt_import_mapping_from_variant (entry, NULL);
}

gboolean
smt_import_mappings_remember (const SmtImportMapping *mapping,
                              GError                **error)
{
  g_autofree char *path = smt_import_mappings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  g_autoptr(GVariant) store = NULL;
  g_autoptr(GString) out = g_string_new ("{\n  \"version\": 1,\n  \"mappings\": {\n    ");
  GError *local = NULL;
  gboolean damaged;
  guint kept = 1;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (mapping->signature != NULL, FALSE);

  store = load_store (path, &damaged, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (damaged)
    {
      g_autofree char *bad = g_strconcat (path, ".bad", NULL);

      g_rename (path, bad);
    }

  smt_json_string (out, mapping->signature);
  g_string_append (out, ": ");
  append_mapping (out, mapping, "      ");
  if (store != NULL)
    {
      GVariantIter iter;
      const char *key;
      GVariant *value;

      g_variant_iter_init (&iter, store);
      while (kept < MAX_REMEMBERED && g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        {
          g_autoptr(SmtImportMapping) old = NULL;

          if (strcmp (key, mapping->signature) == 0)
            continue;
          old = smt_import_mapping_from_variant (value, NULL);
          if (old == NULL)
            continue;
          g_string_append (out, ",\n    ");
          smt_json_string (out, key);
          g_string_append (out, ": ");
          append_mapping (out, old, "      ");
          kept++;
        }
    }
  g_string_append (out, "\n  }\n}\n");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot make the folder %s to remember column mappings: %s."),
                   dir, g_strerror (saved));
      return FALSE;
    }
  tmp = smt_atomic_file_temp_path (path);
  if (!g_file_set_contents (tmp, out->str, out->len, error))
    {
      smt_atomic_file_abandon (tmp);
      return FALSE;
    }
  return smt_atomic_file_commit (tmp, path, error);
}
