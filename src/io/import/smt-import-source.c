/* smt-import-source.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/register/smt-text.h"
#include "io/sheets/smt-sheet-decode.h"
#include "smt-import-read.h"
#include "smt-import-source.h"

struct _SmtImportSource {
  char             *path;
  char             *file_name;
  char             *sha256;
  SmtWorkbook      *workbook;

  /* The loaded sheet: as read, decoded, and how. */
  guint             index;
  SmtSheet         *raw;
  SmtSheet         *sheet;
  SmtSheetLayout   *layout;
  SmtImportMapping *mapping;
  SmtTextEncoding  *encodings;    /* raw->n_cols */
  double           *confidence;   /* raw->n_cols */
  gboolean          remembered;
  char             *signature;    /* the shape of the file as loaded */
};

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

  if (mapped == NULL)
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) g_mapped_file_get_contents (mapped),
                                      g_mapped_file_get_length (mapped));
}

SmtImportSource *
smt_import_source_open (const char  *path,
                        GError     **error)
{
  g_autoptr(SmtWorkbook) workbook = NULL;
  g_autofree char *sha256 = NULL;
  SmtImportSource *source;

  g_return_val_if_fail (path != NULL, NULL);

  if ((workbook = smt_workbook_open (path, error)) == NULL)
    return NULL;
  if ((sha256 = file_sha256 (path, error)) == NULL)
    return NULL;
  source = g_new0 (SmtImportSource, 1);
  source->path = g_strdup (path);
  source->file_name = g_path_get_basename (path);
  source->sha256 = g_steal_pointer (&sha256);
  source->workbook = g_steal_pointer (&workbook);
  return source;
}

static void
unload (SmtImportSource *source)
{
  g_clear_pointer (&source->raw, smt_sheet_free);
  g_clear_pointer (&source->sheet, smt_sheet_free);
  g_clear_pointer (&source->layout, smt_sheet_layout_free);
  g_clear_pointer (&source->mapping, smt_import_mapping_free);
  g_clear_pointer (&source->encodings, g_free);
  g_clear_pointer (&source->confidence, g_free);
  g_clear_pointer (&source->signature, g_free);
  source->remembered = FALSE;
}

void
smt_import_source_free (SmtImportSource *source)
{
  if (source == NULL)
    return;
  unload (source);
  g_free (source->path);
  g_free (source->file_name);
  g_free (source->sha256);
  smt_workbook_free (source->workbook);
  g_free (source);
}

const char *
smt_import_source_path (const SmtImportSource *source)
{
  return source->path;
}

const char *
smt_import_source_file_name (const SmtImportSource *source)
{
  return source->file_name;
}

const char *
smt_import_source_sha256 (const SmtImportSource *source)
{
  return source->sha256;
}

const SmtWorkbook *
smt_import_source_workbook (const SmtImportSource *source)
{
  return source->workbook;
}

int
smt_import_source_find_sheet (const SmtImportSource *source,
                              const char            *name)
{
  guint n = smt_workbook_n_sheets (source->workbook);
  g_autofree char *folded = smt_text_fold (name);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (smt_workbook_sheet_name (source->workbook, i), name) == 0)
      return (int) i;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *other = smt_text_fold (smt_workbook_sheet_name (source->workbook, i));

      if (g_strcmp0 (g_strstrip (other), g_strstrip (folded)) == 0)
        return (int) i;
    }
  return -1;
}

/* The mapping's encoding names follow the encodings in force. */
static void
sync_mapping_encodings (SmtImportSource *source)
{
  SmtImportMapping *m = source->mapping;

  for (guint c = 0; c < m->n_cols; c++)
    {
      SmtTextEncoding enc = c < source->raw->n_cols ? source->encodings[c] : SMT_ENCODING_UNICODE;

      g_free (m->encodings[c]);
      m->encodings[c] = g_strdup (smt_text_encoding_to_string (enc));
    }
}

/* Decodes a fresh copy of the sheet as read with the encodings in force,
 * and lays it out under the mapping in force (or detects both). */
static gboolean
decode (SmtImportSource  *source,
        GCancellable     *cancellable,
        GError          **error)
{
  g_autoptr(SmtSheet) sheet = smt_sheet_copy (source->raw);

  if (!smt_sheet_decode (sheet, source->encodings, cancellable, error))
    return FALSE;
  g_clear_pointer (&source->sheet, smt_sheet_free);
  source->sheet = g_steal_pointer (&sheet);
  g_clear_pointer (&source->layout, smt_sheet_layout_free);
  if (source->mapping != NULL)
    source->layout = smt_import_mapping_layout (source->mapping, source->sheet);
  else
    source->layout = smt_sheet_layout_detect (source->sheet);
  return TRUE;
}

/* Takes a mapping's encodings where it names them; TRUE if one changed. */
static gboolean
take_encodings (SmtImportSource        *source,
                const SmtImportMapping *mapping)
{
  gboolean changed = FALSE;

  for (guint c = 0; c < mapping->n_cols && c < source->raw->n_cols; c++)
    {
      SmtTextEncoding enc;

      if (mapping->encodings[c] == NULL || mapping->encodings[c][0] == '\0'
          || !smt_text_encoding_from_string (mapping->encodings[c], &enc))
        continue;
      if (enc != source->encodings[c])
        changed = TRUE;
      source->encodings[c] = enc;
      source->confidence[c] = 1.0;
    }
  return changed;
}

gboolean
smt_import_source_load_sheet (SmtImportSource   *source,
                              guint              index,
                              GCancellable      *cancellable,
                              SmtSheetProgress   progress,
                              gpointer           data,
                              GError           **error)
{
  g_autoptr(SmtImportMapping) remembered = NULL;
  g_autofree char *signature = NULL;
  g_autoptr(GError) lookup_error = NULL;
  SmtSheet *raw;

  g_return_val_if_fail (source != NULL, FALSE);

  unload (source);
  raw = smt_workbook_read_sheet (source->workbook, index, cancellable, progress, data, error);
  if (raw == NULL)
    return FALSE;
  source->index = index;
  source->raw = raw;
  source->encodings = g_new0 (SmtTextEncoding, MAX (raw->n_cols, 1));
  source->confidence = g_new0 (double, MAX (raw->n_cols, 1));
  smt_sheet_guess_encodings (raw, 0, source->encodings, source->confidence);
  if (!decode (source, cancellable, error))
    {
      unload (source);
      return FALSE;
    }
  /* Guessed again from the first row of people: the title and the header
   * above it are often typed in Unicode over a column of .VnTime names,
   * and the column should show what its people's cells are read as. */
  if (source->layout->first_data_row > 0 && source->layout->first_data_row < raw->n_rows)
    {
      g_autofree SmtTextEncoding *again = g_new0 (SmtTextEncoding, MAX (raw->n_cols, 1));
      g_autofree double *sure = g_new0 (double, MAX (raw->n_cols, 1));

      gboolean changed = FALSE;

      /* A column whose people's cells say nothing (years, plain ASCII)
       * keeps the guess its header gave. */
      smt_sheet_guess_encodings (raw, source->layout->first_data_row, again, sure);
      for (guint c = 0; c < raw->n_cols; c++)
        if (again[c] != SMT_ENCODING_UNICODE && again[c] != source->encodings[c])
          {
            source->encodings[c] = again[c];
            source->confidence[c] = sure[c];
            changed = TRUE;
          }
      if (changed)
        {
          if (!decode (source, cancellable, error))
            {
              unload (source);
              return FALSE;
            }
        }
    }

  /* A file of a shape met before opens with the mapping kept for it; a
   * damaged store of mappings only costs the guess. The shape is the one
   * found on loading, whatever header row the user chooses later, so
   * that the next file of this shape finds its mapping. */
  signature = smt_import_mapping_signature (source->layout);
  source->signature = g_strdup (signature);
  remembered = smt_import_mappings_lookup (signature, &lookup_error);
  if (remembered != NULL)
    {
      source->mapping = g_steal_pointer (&remembered);
      source->remembered = TRUE;
      take_encodings (source, source->mapping);
      if (!decode (source, cancellable, error))
        {
          unload (source);
          return FALSE;
        }
    }
  else
    {
      source->mapping = smt_import_mapping_new_guessed (source->layout);
      g_clear_pointer (&source->layout, smt_sheet_layout_free);
      source->layout = smt_import_mapping_layout (source->mapping, source->sheet);
    }
  sync_mapping_encodings (source);
  return TRUE;
}

gboolean
smt_import_source_is_loaded (const SmtImportSource *source)
{
  return source->raw != NULL;
}

guint
smt_import_source_sheet_index (const SmtImportSource *source)
{
  return source->index;
}

const SmtSheet *
smt_import_source_sheet (const SmtImportSource *source)
{
  return source->sheet;
}

const SmtSheetLayout *
smt_import_source_layout (const SmtImportSource *source)
{
  return source->layout;
}

const SmtImportMapping *
smt_import_source_mapping (const SmtImportSource *source)
{
  return source->mapping;
}

gboolean
smt_import_source_is_remembered (const SmtImportSource *source)
{
  return source->remembered;
}

SmtTextEncoding
smt_import_source_encoding (const SmtImportSource *source,
                            guint                  col,
                            double                *confidence)
{
  if (source->raw == NULL || col >= source->raw->n_cols)
    {
      if (confidence != NULL)
        *confidence = 1.0;
      return SMT_ENCODING_UNICODE;
    }
  if (confidence != NULL)
    *confidence = source->confidence[col];
  return source->encodings[col];
}

gboolean
smt_import_source_set_encoding (SmtImportSource  *source,
                                int               col,
                                SmtTextEncoding   enc,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_return_val_if_fail (source != NULL && source->raw != NULL, FALSE);
  g_return_val_if_fail (col < (int) source->raw->n_cols, FALSE);

  for (guint c = 0; c < source->raw->n_cols; c++)
    if (col < 0 || (guint) col == c)
      {
        source->encodings[c] = enc;
        source->confidence[c] = 1.0;
      }
  if (!decode (source, cancellable, error))
    return FALSE;
  sync_mapping_encodings (source);
  return TRUE;
}

void
smt_import_source_set_header_row (SmtImportSource *source,
                                  guint            row)
{
  g_autoptr(SmtSheetLayout) layout = NULL;

  g_return_if_fail (source != NULL && source->raw != NULL);

  layout = smt_sheet_layout_new_at (source->sheet, row);
  g_clear_pointer (&source->mapping, smt_import_mapping_free);
  source->mapping = smt_import_mapping_new_guessed (layout);
  source->mapping->header_row = layout->header_row;
  source->mapping->header_rows = layout->header_rows;
  source->remembered = FALSE;
  g_clear_pointer (&source->layout, smt_sheet_layout_free);
  source->layout = smt_import_mapping_layout (source->mapping, source->sheet);
  sync_mapping_encodings (source);
}

void
smt_import_source_set_field (SmtImportSource *source,
                             guint            col,
                             SmtImportField   field)
{
  SmtImportMapping *m;

  g_return_if_fail (source != NULL && source->mapping != NULL);

  m = source->mapping;
  if (col >= m->n_cols)
    {
      guint n = col + 1;

      m->fields = g_renew (SmtImportField, m->fields, n);
      m->encodings = g_renew (char *, m->encodings, n + 1);
      m->headers = g_renew (char *, m->headers, n + 1);
      for (guint c = m->n_cols; c < n; c++)
        {
          m->fields[c] = SMT_IMPORT_FIELD_IGNORE;
          m->encodings[c] = g_strdup ("");
          m->headers[c] = g_strdup ("");
        }
      m->encodings[n] = NULL;
      m->headers[n] = NULL;
      m->n_cols = n;
    }
  m->fields[col] = field;
  /* The header row stays where it is now, even if it was found. */
  m->header_row = source->layout->header_row;
  m->header_rows = source->layout->header_rows;
  g_clear_pointer (&source->layout, smt_sheet_layout_free);
  source->layout = smt_import_mapping_layout (m, source->sheet);
  sync_mapping_encodings (source);
}

gboolean
smt_import_source_set_mapping (SmtImportSource         *source,
                               const SmtImportMapping  *mapping,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  g_return_val_if_fail (source != NULL && source->raw != NULL && mapping != NULL, FALSE);

  g_clear_pointer (&source->mapping, smt_import_mapping_free);
  source->mapping = smt_import_mapping_copy (mapping);
  source->remembered = FALSE;
  take_encodings (source, mapping);
  if (!decode (source, cancellable, error))
    return FALSE;
  sync_mapping_encodings (source);
  return TRUE;
}

GPtrArray *
smt_import_source_read_rows (SmtImportSource  *source,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_return_val_if_fail (source != NULL && source->raw != NULL, NULL);

  return smt_import_read_rows (source->sheet, source->layout, source->mapping, cancellable,
                               error);
}

gboolean
smt_import_source_remember (SmtImportSource  *source,
                            GError          **error)
{
  g_return_val_if_fail (source != NULL && source->mapping != NULL, FALSE);

  g_free (source->mapping->signature);
  source->mapping->signature = g_strdup (source->signature);
  return smt_import_mappings_remember (source->mapping, error);
}
