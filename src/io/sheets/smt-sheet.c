/* smt-sheet.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "smt-sheet.h"

static const SmtCell empty_cell = { NULL, 0.0, SMT_CELL_EMPTY, SMT_TEXT_HINT_NONE, 0 };

static void
clear_cell (gpointer data)
{
  SmtCell *cell = data;

  g_clear_pointer (&cell->text, g_free);
}

static void
free_row (gpointer data)
{
  g_array_unref (data);
}

SmtSheet *
smt_sheet_new (const char *name)
{
  SmtSheet *sheet = g_new0 (SmtSheet, 1);

  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->rows = g_ptr_array_new_with_free_func (free_row);
  sheet->merged = g_array_new (FALSE, FALSE, sizeof (SmtCellRange));
  sheet->fonts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (sheet->fonts, g_strdup (""));
  return sheet;
}

void
smt_sheet_free (SmtSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_array_unref (sheet->merged);
  g_ptr_array_unref (sheet->fonts);
  g_free (sheet->encoding);
  g_free (sheet);
}

SmtSheet *
smt_sheet_copy (const SmtSheet *sheet)
{
  SmtSheet *copy;

  g_return_val_if_fail (sheet != NULL, NULL);

  copy = smt_sheet_new (sheet->name);
  for (guint i = 1; i < sheet->fonts->len; i++)
    g_ptr_array_add (copy->fonts, g_strdup (g_ptr_array_index (sheet->fonts, i)));
  g_array_append_vals (copy->merged, sheet->merged->data, sheet->merged->len);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      GArray *cells = g_ptr_array_index (sheet->rows, r);
      GArray *fresh = g_array_sized_new (FALSE, TRUE, sizeof (SmtCell), cells->len);

      g_array_set_clear_func (fresh, clear_cell);
      g_array_append_vals (fresh, cells->data, cells->len);
      for (guint c = 0; c < fresh->len; c++)
        {
          SmtCell *cell = &g_array_index (fresh, SmtCell, c);

          cell->text = g_strdup (cell->text);
        }
      g_ptr_array_add (copy->rows, fresh);
    }
  copy->n_rows = sheet->n_rows;
  copy->n_cols = sheet->n_cols;
  copy->encoding = g_strdup (sheet->encoding);
  copy->delimiter = sheet->delimiter;
  return copy;
}

guint16
smt_sheet_intern_font (SmtSheet   *sheet,
                       const char *font_name)
{
  if (font_name == NULL || *font_name == '\0')
    return 0;
  for (guint i = 1; i < sheet->fonts->len; i++)
    if (g_str_equal (g_ptr_array_index (sheet->fonts, i), font_name))
      return (guint16) i;
  if (sheet->fonts->len >= G_MAXUINT16)
    return 0;
  g_ptr_array_add (sheet->fonts, g_strdup (font_name));
  return (guint16) (sheet->fonts->len - 1);
}

static SmtCell *
cell_for_write (SmtSheet *sheet,
                guint     row,
                guint     col)
{
  GArray *cells;
  SmtCell *cell;

  while (sheet->rows->len <= row)
    {
      GArray *fresh = g_array_new (FALSE, TRUE, sizeof (SmtCell));

      g_array_set_clear_func (fresh, clear_cell);
      g_ptr_array_add (sheet->rows, fresh);
    }
  cells = g_ptr_array_index (sheet->rows, row);
  if (cells->len <= col)
    g_array_set_size (cells, col + 1);
  cell = &g_array_index (cells, SmtCell, col);
  g_clear_pointer (&cell->text, g_free);
  sheet->n_rows = MAX (sheet->n_rows, row + 1);
  sheet->n_cols = MAX (sheet->n_cols, col + 1);
  return cell;
}

void
smt_sheet_set_text (SmtSheet    *sheet,
                    guint        row,
                    guint        col,
                    const char  *text,
                    gssize       length,
                    SmtTextHint  hint,
                    guint16      font)
{
  SmtCell *cell;

  g_return_if_fail (sheet != NULL && text != NULL);

  cell = cell_for_write (sheet, row, col);
  cell->text = length < 0 ? g_strdup (text) : g_strndup (text, (gsize) length);
  cell->kind = SMT_CELL_TEXT;
  cell->hint = hint;
  cell->font = font;
  cell->number = 0.0;
}

void
smt_sheet_set_number (SmtSheet    *sheet,
                      guint        row,
                      guint        col,
                      SmtCellKind  kind,
                      double       number)
{
  SmtCell *cell;

  g_return_if_fail (sheet != NULL);
  g_return_if_fail (kind == SMT_CELL_NUMBER || kind == SMT_CELL_DATE || kind == SMT_CELL_BOOL);

  cell = cell_for_write (sheet, row, col);
  cell->kind = kind;
  cell->number = number;
  cell->hint = SMT_TEXT_HINT_NONE;
  cell->font = 0;
}

void
smt_sheet_add_merged (SmtSheet           *sheet,
                      const SmtCellRange *range)
{
  g_return_if_fail (sheet != NULL && range != NULL);
  g_return_if_fail (range->last_row >= range->first_row && range->last_col >= range->first_col);

  g_array_append_val (sheet->merged, *range);
}

void
smt_sheet_set_error (SmtSheet   *sheet,
                     guint       row,
                     guint       col,
                     const char *text)
{
  SmtCell *cell;

  g_return_if_fail (sheet != NULL && text != NULL);

  cell = cell_for_write (sheet, row, col);
  cell->text = g_strdup (text);
  cell->kind = SMT_CELL_ERROR;
  cell->hint = SMT_TEXT_HINT_NONE;
  cell->font = 0;
  cell->number = 0.0;
}

const SmtCell *
smt_sheet_cell (const SmtSheet *sheet,
                guint           row,
                guint           col)
{
  GArray *cells;

  if (row >= sheet->rows->len)
    return &empty_cell;
  cells = g_ptr_array_index (sheet->rows, row);
  if (col >= cells->len)
    return &empty_cell;
  return &g_array_index (cells, SmtCell, col);
}

const SmtCell *
smt_sheet_cell_merged (const SmtSheet *sheet,
                       guint           row,
                       guint           col)
{
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const SmtCellRange *range = &g_array_index (sheet->merged, SmtCellRange, i);

      if (row >= range->first_row && row <= range->last_row
          && col >= range->first_col && col <= range->last_col)
        return smt_sheet_cell (sheet, range->first_row, range->first_col);
    }
  return smt_sheet_cell (sheet, row, col);
}

const char *
smt_sheet_font_name (const SmtSheet *sheet,
                     guint16         font)
{
  if (font >= sheet->fonts->len)
    return "";
  return g_ptr_array_index (sheet->fonts, font);
}

gboolean
smt_sheet_row_is_empty (const SmtSheet *sheet,
                        guint           row)
{
  GArray *cells;

  if (row >= sheet->rows->len)
    return TRUE;
  cells = g_ptr_array_index (sheet->rows, row);
  for (guint i = 0; i < cells->len; i++)
    {
      const SmtCell *cell = &g_array_index (cells, SmtCell, i);

      if (cell->kind == SMT_CELL_TEXT)
        {
          for (const char *p = cell->text; *p != '\0'; p++)
            if (!g_ascii_isspace (*p))
              return FALSE;
        }
      else if (cell->kind != SMT_CELL_EMPTY)
        return FALSE;
    }
  return TRUE;
}
