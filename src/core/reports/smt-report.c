/* smt-report.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/register/smt-date.h"
#include "core/register/smt-format.h"
#include "core/register/smt-register.h"
#include "smt-report.h"

SmtReport *
smt_report_new (const char           *code,
                SmtReportOrientation  orientation,
                guint                 n_columns)
{
  SmtReport *report = g_new0 (SmtReport, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  report->code = g_strdup (code);
  report->orientation = orientation;
  report->font_pt = 13;
  report->n_columns = n_columns;
  report->columns = g_new0 (SmtReportColumn, n_columns);
  for (guint i = 0; i < n_columns; i++)
    report->columns[i].width_mm = 20;
  report->header = g_ptr_array_new ();
  report->body = g_ptr_array_new ();
  report->notes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

static void
row_free (SmtReportRow *row,
          guint         n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    g_free (row->cells[i].text);
  g_free (row->cells);
  g_free (row);
}

static void
rows_free (GPtrArray *rows,
           guint      n_columns)
{
  for (guint i = 0; i < rows->len; i++)
    row_free (g_ptr_array_index (rows, i), n_columns);
  g_ptr_array_unref (rows);
}

void
smt_report_free (SmtReport *report)
{
  if (report == NULL)
    return;
  rows_free (report->header, report->n_columns);
  rows_free (report->body, report->n_columns);
  g_ptr_array_unref (report->notes);
  g_free (report->columns);
  g_free (report->code);
  g_free (report->file_stem);
  g_free (report->sheet_name);
  g_free (report->issuer_top);
  g_free (report->issuer_bottom);
  g_free (report->nation);
  g_free (report->motto);
  g_free (report->place_date);
  g_free (report->title);
  g_free (report->subtitle);
  g_free (report->sign_for);
  g_free (report->sign_title);
  g_free (report->sign_name);
  g_free (report);
}

void
smt_report_set_column (SmtReport      *report,
                       guint           index,
                       double          width_mm,
                       SmtReportAlign  align)
{
  g_return_if_fail (index < report->n_columns);

  report->columns[index].width_mm = width_mm;
  report->columns[index].align = align;
}

/* Rows carry no count of their cells; the report's n_columns is it. The
 * row's cells are allocated as one block so that a row is two allocations. */
static SmtReportRow *
row_new (const SmtReport *report,
         SmtReportRowKind kind,
         gboolean        header)
{
  SmtReportRow *row = g_new0 (SmtReportRow, 1);

  row->kind = kind;
  row->cells = g_new0 (SmtReportCell, report->n_columns);
  for (guint i = 0; i < report->n_columns; i++)
    {
      SmtReportCell *cell = &row->cells[i];

      cell->kind = SMT_REPORT_CELL_TEXT;
      cell->col_span = 1;
      cell->row_span = 1;
      cell->num_col = -1;
      cell->den_col = -1;
      cell->align = header ? SMT_REPORT_ALIGN_CENTER : report->columns[i].align;
      cell->bold = header || kind == SMT_REPORT_ROW_TOTAL || kind == SMT_REPORT_ROW_GROUP;
    }
  return row;
}

SmtReportRow *
smt_report_add_header_row (SmtReport *report)
{
  SmtReportRow *row = row_new (report, SMT_REPORT_ROW_NORMAL, TRUE);

  g_ptr_array_add (report->header, row);
  return row;
}

SmtReportRow *
smt_report_add_row (SmtReport        *report,
                    SmtReportRowKind  kind)
{
  SmtReportRow *row = row_new (report, kind, FALSE);

  g_ptr_array_add (report->body, row);
  return row;
}

static SmtReportCell *
reset_cell (SmtReportRow      *row,
            guint              col,
            SmtReportCellKind  kind)
{
  SmtReportCell *cell = &row->cells[col];

  g_clear_pointer (&cell->text, g_free);
  cell->kind = kind;
  cell->value = 0;
  cell->has_value = kind != SMT_REPORT_CELL_TEXT;
  cell->decimals = 0;
  cell->num_col = -1;
  cell->den_col = -1;
  return cell;
}

SmtReportCell *
smt_report_row_set_text (SmtReportRow *row,
                         guint         col,
                         const char   *text)
{
  SmtReportCell *cell = reset_cell (row, col, SMT_REPORT_CELL_TEXT);

  cell->text = g_strdup (text != NULL ? text : "");
  return cell;
}

SmtReportCell *
smt_report_row_set_int (SmtReportRow *row,
                        guint         col,
                        gint64        value)
{
  SmtReportCell *cell = reset_cell (row, col, SMT_REPORT_CELL_INT);

  cell->value = (double) value;
  return cell;
}

SmtReportCell *
smt_report_row_set_decimal (SmtReportRow *row,
                            guint         col,
                            double        value,
                            int           decimals)
{
  SmtReportCell *cell = reset_cell (row, col, SMT_REPORT_CELL_DECIMAL);

  cell->value = value;
  cell->has_value = isfinite (value);
  cell->decimals = decimals;
  return cell;
}

SmtReportCell *
smt_report_row_set_percent (SmtReportRow *row,
                            guint         col,
                            double        percent,
                            int           decimals)
{
  SmtReportCell *cell = reset_cell (row, col, SMT_REPORT_CELL_PERCENT);

  cell->value = percent;
  cell->has_value = isfinite (percent);
  cell->decimals = decimals;
  return cell;
}

SmtReportCell *
smt_report_row_set_ratio (SmtReportRow *row,
                          guint         col,
                          guint         num_col,
                          guint         den_col,
                          int           decimals)
{
  const SmtReportCell *num = &row->cells[num_col];
  const SmtReportCell *den = &row->cells[den_col];
  SmtReportCell *cell = reset_cell (row, col, SMT_REPORT_CELL_RATIO);

  cell->num_col = (int) num_col;
  cell->den_col = (int) den_col;
  cell->decimals = decimals;
  cell->has_value = num->has_value && den->has_value && num->kind != SMT_REPORT_CELL_TEXT
                    && den->kind != SMT_REPORT_CELL_TEXT && den->value != 0;
  cell->value = cell->has_value ? num->value / den->value * 100 : 0;
  return cell;
}

SmtReportCell *
smt_report_row_set_none (SmtReportRow      *row,
                         guint              col,
                         SmtReportCellKind  kind)
{
  SmtReportCell *cell = reset_cell (row, col, kind);

  cell->has_value = FALSE;
  return cell;
}

void
smt_report_merge (SmtReport *report,
                  gboolean   header,
                  guint      row,
                  guint      col,
                  guint      col_span,
                  guint      row_span)
{
  GPtrArray *rows = header ? report->header : report->body;

  g_return_if_fail (col_span >= 1 && row_span >= 1);
  g_return_if_fail (row + row_span <= rows->len);
  g_return_if_fail (col + col_span <= report->n_columns);

  for (guint r = row; r < row + row_span; r++)
    {
      SmtReportRow *cells = g_ptr_array_index (rows, r);

      for (guint c = col; c < col + col_span; c++)
        cells->cells[c].covered = r != row || c != col;
    }
  ((SmtReportRow *) g_ptr_array_index (rows, row))->cells[col].col_span = col_span;
  ((SmtReportRow *) g_ptr_array_index (rows, row))->cells[col].row_span = row_span;
}

SmtReportRow *
smt_report_add_group (SmtReport  *report,
                      const char *text)
{
  SmtReportRow *row = smt_report_add_row (report, SMT_REPORT_ROW_GROUP);
  SmtReportCell *cell = smt_report_row_set_text (row, 0, text);

  cell->align = SMT_REPORT_ALIGN_LEFT;
  cell->bold = TRUE;
  smt_report_merge (report, FALSE, report->body->len - 1, 0, report->n_columns, 1);
  return row;
}

void
smt_report_add_note (SmtReport  *report,
                     const char *note)
{
  g_ptr_array_add (report->notes, g_strdup (note));
}

char *
smt_report_cell_text (const SmtReportCell *cell)
{
  if (cell->covered)
    return g_strdup ("");
  if (cell->kind == SMT_REPORT_CELL_TEXT)
    return g_strdup (cell->text != NULL ? cell->text : "");
  if (!cell->has_value)
    return g_strdup ("—");
  switch (cell->kind)
    {
    case SMT_REPORT_CELL_INT:
      return smt_format_int ((gint64) llround (cell->value));
    case SMT_REPORT_CELL_DECIMAL:
      return smt_format_decimal (cell->value, cell->decimals);
    case SMT_REPORT_CELL_PERCENT:
    case SMT_REPORT_CELL_RATIO:
      return smt_format_percent (cell->value, cell->decimals);
    case SMT_REPORT_CELL_TEXT:
    default:
      g_assert_not_reached ();
    }
}

double
smt_report_printable_width (const SmtReport *report)
{
  double paper = report->orientation == SMT_REPORT_LANDSCAPE ? SMT_REPORT_PAPER_HEIGHT_MM
                                                             : SMT_REPORT_PAPER_WIDTH_MM;

  return paper - SMT_REPORT_MARGIN_LEFT_MM - SMT_REPORT_MARGIN_RIGHT_MM;
}

static gboolean
check_rows (const SmtReport *report,
            GPtrArray       *rows,
            const char      *part,
            GError         **error)
{
  guint n = report->n_columns;
  g_autofree guint8 *owned = g_new0 (guint8, (gsize) rows->len * n);

  for (guint r = 0; r < rows->len; r++)
    {
      const SmtReportRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n; c++)
        {
          const SmtReportCell *cell = &row->cells[c];

          if (cell->covered)
            continue;
          if (cell->col_span < 1 || cell->row_span < 1 || c + cell->col_span > n
              || r + cell->row_span > rows->len)
            {
              g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                           "report %s: the %s cell %u,%u spans outside its part", report->code,
                           part, r, c);
              return FALSE;
            }
          for (guint rr = r; rr < r + cell->row_span; rr++)
            for (guint cc = c; cc < c + cell->col_span; cc++)
              {
                const SmtReportCell *under
                  = &((const SmtReportRow *) g_ptr_array_index (rows, rr))->cells[cc];

                if (owned[rr * n + cc]++ || (under != cell && !under->covered))
                  {
                    g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                                 "report %s: the %s cell %u,%u overlaps another", report->code,
                                 part, rr, cc);
                    return FALSE;
                  }
              }
          if (cell->kind == SMT_REPORT_CELL_RATIO)
            {
              const SmtReportCell *num, *den;

              if (cell->num_col < 0 || cell->den_col < 0 || (guint) cell->num_col >= n
                  || (guint) cell->den_col >= n)
                {
                  g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                               "report %s: the ratio %u,%u has no parts", report->code, r, c);
                  return FALSE;
                }
              num = &row->cells[cell->num_col];
              den = &row->cells[cell->den_col];
              if (num->kind != SMT_REPORT_CELL_INT && num->kind != SMT_REPORT_CELL_DECIMAL)
                {
                  g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                               "report %s: the numerator of ratio %u,%u is not a number",
                               report->code, r, c);
                  return FALSE;
                }
              if (den->kind != SMT_REPORT_CELL_INT && den->kind != SMT_REPORT_CELL_DECIMAL)
                {
                  g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                               "report %s: the denominator of ratio %u,%u is not a number",
                               report->code, r, c);
                  return FALSE;
                }
            }
        }
      for (guint c = 0; c < n; c++)
        if (row->cells[c].covered && !owned[r * n + c])
          {
            g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                         "report %s: the %s cell %u,%u is covered by no span", report->code,
                         part, r, c);
            return FALSE;
          }
    }
  return TRUE;
}

gboolean
smt_report_check (const SmtReport  *report,
                  GError          **error)
{
  double width = 0;

  for (guint i = 0; i < report->n_columns; i++)
    {
      if (!(report->columns[i].width_mm > 0))
        {
          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                       "report %s: column %u has no width", report->code, i);
          return FALSE;
        }
      width += report->columns[i].width_mm;
    }
  /* Half a millimetre of rounding is allowed for. */
  if (width > smt_report_printable_width (report) + 0.5)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   "report %s: the columns take %.1f mm and the page has %.1f mm", report->code,
                   width, smt_report_printable_width (report));
      return FALSE;
    }
  if (report->header->len == 0)
    {
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
                   "report %s: the table has no header", report->code);
      return FALSE;
    }
  return check_rows (report, report->header, "header", error)
         && check_rows (report, report->body, "body", error);
}

char *
smt_report_long_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || !smt_date_is_valid (iso) || sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    /* TRANSLATORS: the date of a printed report left blank to fill in by hand. */
    return g_strdup (_("day …… month …… year ……"));
  /* TRANSLATORS: the date line of a printed report ("ngày 05 tháng 02 năm
   * 2026"); the numbers are day, month and year, with leading zeros as
   * Decree 30/2020 writes them. */
  return g_strdup_printf (_("day %02d month %02d year %d"), d, m, y);
}

void
smt_report_set_frame (SmtReport  *report,
                      const char *commune_name,
                      const char *commune_kind,
                      const char *place,
                      const char *signer_title,
                      const char *signer_name,
                      const char *signed_on)
{
  g_autofree char *unit = g_strdup_printf ("%s %s", commune_kind != NULL && *commune_kind
                                                      ? commune_kind : "xã",
                                           commune_name != NULL ? commune_name : "");
  g_autofree char *unit_upper = g_utf8_strup (unit, -1);
  g_autofree char *date = smt_report_long_date (signed_on);
  const char *where = place != NULL && *place ? place : commune_name;

  g_free (report->issuer_top);
  /* TRANSLATORS: the issuing body of a printed report, top left, in
   * capitals: "ỦY BAN MTTQ VIỆT NAM". */
  report->issuer_top = g_strdup_printf ("%s\n%s", _("VIETNAM FATHERLAND FRONT COMMITTEE"),
                                        unit_upper);
  g_free (report->issuer_bottom);
  report->issuer_bottom = g_strdup (_("STANDING BOARD"));
  g_free (report->nation);
  report->nation = g_strdup (_("SOCIALIST REPUBLIC OF VIETNAM"));
  g_free (report->motto);
  report->motto = g_strdup (_("Independence - Freedom - Happiness"));
  g_free (report->place_date);
  report->place_date = g_strdup_printf ("%s, %s", where != NULL ? where : "", date);
  g_free (report->sign_for);
  report->sign_for = g_strdup (_("ON BEHALF OF THE STANDING BOARD"));
  g_free (report->sign_title);
  report->sign_title = g_utf8_strup (signer_title != NULL && *signer_title ? signer_title
                                                                          : "CHỦ TỊCH", -1);
  g_free (report->sign_name);
  report->sign_name = g_strdup (signer_name != NULL ? signer_name : "");
}
