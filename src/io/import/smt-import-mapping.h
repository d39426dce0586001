/* smt-import-mapping.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "io/sheets/smt-sheet.h"
#include "smt-import-fields.h"
#include "smt-sheet-layout.h"

G_BEGIN_DECLS

/* How the columns of a member list map to fields: guessed from the header,
 * changed by the user, remembered per file shape so that next month's file
 * of the same shape opens with the same choices.
 *
 * As JSON (the --map file of `somattran import`, and each entry of the
 * remembered mappings):
 *   { "version": 1, "signature": "…", "header_row": 6, "header_rows": 2,
 *     "columns": [ { "column": "A", "header": "STT", "field": "stt",
 *                    "encoding": "utf-8" }, … ] }
 * header_row counts from 1 as the spreadsheet shows it (absent: find it);
 * a column is named by its letter (absent: its place in the list); field is
 * an id of smt_import_field_id; header and encoding may be left out. */

#define SMT_IMPORT_HEADER_ROW_FIND G_MAXUINT

typedef struct {
  guint            header_row;   /* 0-based; SMT_IMPORT_HEADER_ROW_FIND: detect it */
  guint            header_rows;  /* 1 or 2; 0 with SMT_IMPORT_HEADER_ROW_FIND */
  guint            n_cols;
  SmtImportField  *fields;       /* n_cols */
  char           **encodings;    /* n_cols (+ NULL): "utf-8", "tcvn3", "vni", "cp1258"; "" unset.
                                  * Stored and given back, not used here: the sheet is
                                  * decoded before its rows are read */
  char           **headers;      /* n_cols (+ NULL): the header texts it was made on */
  char            *signature;    /* the file shape, smt_import_mapping_signature; may be NULL */
} SmtImportMapping;

SmtImportMapping *smt_import_mapping_new         (guint                    n_cols);
/* The guessed mapping of a layout: its header row, its columns' fields. */
SmtImportMapping *smt_import_mapping_new_guessed (const SmtSheetLayout    *layout);
SmtImportMapping *smt_import_mapping_copy        (const SmtImportMapping  *mapping);
void              smt_import_mapping_free        (SmtImportMapping        *mapping);

/* The field of column col; IGNORE past the mapping's columns. */
SmtImportField    smt_import_mapping_field       (const SmtImportMapping  *mapping,
                                                  guint                    col);

/* The shape of a file: SHA-256 (hex) of its folded header texts in order,
 * trailing empty ones left out. The same for two files whose headers read
 * alike whatever their data; different once a column is added or moved. */
char             *smt_import_mapping_signature   (const SmtSheetLayout    *layout);

/* The layout of sheet under this mapping: the header at the mapping's row
 * (or found), rows classified with the mapping's fields. */
SmtSheetLayout   *smt_import_mapping_layout      (const SmtImportMapping  *mapping,
                                                  const SmtSheet          *sheet);

/* "A", "Z", "AA" … for column 0, 25, 26 …; and back (-1 when not a
 * column name). */
char             *smt_import_column_name         (guint                    col);
int               smt_import_column_from_name    (const char              *name);

char             *smt_import_mapping_to_json     (const SmtImportMapping  *mapping);
SmtImportMapping *smt_import_mapping_from_json   (const char              *json,
                                                  gssize                   length,
                                                  GError                 **error);
/* The same from a parsed object (smt_json_parse). */
SmtImportMapping *smt_import_mapping_from_variant (GVariant               *object,
                                                   GError                **error);

/* Remembered mappings: one JSON file per user, import-mappings.json in
 * $SMT_IMPORT_MAPPINGS_DIR when set (tests), else in
 * g_get_user_config_dir()/somattran, keyed by signature. */
char             *smt_import_mappings_path       (void);
/* The mapping remembered for a signature, or NULL (no error) when none. */
SmtImportMapping *smt_import_mappings_lookup     (const char              *signature,
                                                  GError                 **error);
/* Remembers a mapping under its signature (which must be set), replacing
 * the one before; the file is written atomically. A damaged file is kept
 * beside as import-mappings.json.bad and a new one started. */
gboolean          smt_import_mappings_remember   (const SmtImportMapping  *mapping,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtImportMapping, smt_import_mapping_free)

G_END_DECLS
