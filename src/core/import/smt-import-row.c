/* smt-import-row.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-import-row.h"

SmtImportRow *
smt_import_row_new (guint source_row)
{
  SmtImportRow *row = g_new0 (SmtImportRow, 1);

  row->source_row = source_row;
  row->problems = g_ptr_array_new_with_free_func (g_free);
  return row;
}

void
smt_import_row_free (SmtImportRow *row)
{
  if (row == NULL)
    return;
  g_free (row->full_name);
  g_free (row->ho);
  g_free (row->chu_lot);
  g_free (row->ten);
  g_free (row->birth_date);
  g_free (row->hamlet);
  g_free (row->address);
  g_free (row->cccd);
  g_free (row->phone);
  g_free (row->ethnicity);
  g_free (row->religion);
  g_free (row->role);
  g_free (row->branch);
  g_free (row->joined_on);
  g_free (row->party_since);
  g_free (row->note);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

void
smt_import_row_add_problem (SmtImportRow *row,
                            const char   *problem)
{
  g_return_if_fail (row != NULL && problem != NULL);

  g_ptr_array_add (row->problems, g_strdup (problem));
}
