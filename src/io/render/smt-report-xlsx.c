/* smt-report-xlsx.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>
#ifdef G_OS_UNIX
#include <unistd.h>
#endif
#ifndef W_OK
#define W_OK 2
#endif

#include "core/register/smt-register.h"
#include "io/files/smt-atomic-file.h"
#include "smt-report-xlsx.h"

/* The sheet is laid out as the printed page of smt-report-draw.c: the
 * issuing body top left over about 40 % of the columns, the nation and the
 * motto top right over the rest, the date line under them, the title over
 * every column, then the table, the notes and the signature block on the
 * right. Everything is set in Times New Roman. libxlsxwriter does not fit
 * rows to wrapped text, so every row's height is worked out here from the
 * text's width in Times New Roman against the width of its cell. */

#define ISSUER_PT    13.0
#define NATION_PT    13.0
#define MOTTO_PT     14.0
#define DATE_PT      14.0
#define TITLE_PT     14.0
#define SUBTITLE_PT  14.0
#define SIGN_PT      14.0
#define SPACER_PT     9.0
#define MM_PER_INCH  25.4

typedef struct
{
  double       size;
  gboolean     bold;
  gboolean     italic;
  gboolean     underline;
  SmtReportAlign align;
  gboolean     border;
  const char  *num_format;  /* NULL: General */
} Style;

typedef struct
{
  const SmtReport *report;
  lxw_workbook    *book;
  lxw_worksheet   *sheet;
  GHashTable      *formats;     /* key → lxw_format * (owned by the workbook) */
  GArray          *heights;     /* double, points, per sheet row; 0 = not set */
  double          *col_pt;      /* width of each column in points */
  lxw_format      *plain;       /* Times New Roman at the table's size */
  guint            left_last;   /* the title block's left part: columns 0..left_last */
  guint            right_first; /* its right part: right_first..n_columns-1 */
  gboolean         stacked;     /* one column: the parts go one under the other */
} Writer;

/* ---- text widths ---- */

/* Advance widths of Times New Roman (the Adobe Times-Roman metrics), in
 * thousandths of an em, for A–Z and a–z. */
static const guint16 upper_w[26] = {
  722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
  722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611,
};
static const guint16 lower_w[26] = {
  444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778,
  500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444,
};

static double
char_em (gunichar ch)
{
  gunichar base[4];
  gsize n = g_unichar_fully_decompose (ch, FALSE, base, G_N_ELEMENTS (base));

  /* Vietnamese letters are their base letter with marks: ế is e. Đ and đ
   * do not decompose; ư and ơ carry a horn that widens them a little. */
  if (n > 0)
    ch = base[0];
  if (ch == 0x0110)
    ch = 'D';
  else if (ch == 0x0111)
    ch = 'd';
  if (ch >= 'A' && ch <= 'Z')
    return upper_w[ch - 'A'] / 1000.0;
  if (ch >= 'a' && ch <= 'z')
    return lower_w[ch - 'a'] / 1000.0;
  if (ch >= '0' && ch <= '9')
    return 0.5;
  switch (ch)
    {
    case ' ':
    case ',':
    case '.':
    case ';':
    case '\'':
      return 0.25;
    case ':':
    case '/':
    case '!':
    case '|':
      return 0.28;
    case '-':
    case '(':
    case ')':
    case '[':
    case ']':
      return 0.333;
    case '%':
      return 0.833;
    case 0x2014: /* — */
    case 0x2026: /* … */
      return 1.0;
    case 0x2013: /* – */
      return 0.5;
    case 0x01AF: /* Ư */
    case 0x01A0: /* Ơ */
      return 0.8;
    case 0x01B0: /* ư */
    case 0x01A1: /* ơ */
      return 0.56;
    default:
      break;
    }
  if (g_unichar_isupper (ch))
    return 0.72;
  return 0.5;
}

/* Width of a run of text in points, a little generous: the metrics give
 * within 1–7 % of what Pango measures in Liberation Serif, and Excel's
 * hinted text on screen runs wider still. A row cut short in Excel is a
 * fault, a row a little tall is not. */
static double
text_width (const char *text,
            gssize      len,
            double      size,
            gboolean    bold)
{
  const char *end = len < 0 ? text + strlen (text) : text + len;
  double em = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    em += char_em (g_utf8_get_char (p));
  return em * size * (bold ? 1.14 : 1.10);
}

/* How many lines Excel needs for text wrapped in a cell width_pt wide:
 * lines break at '\n' and between words; a word longer than the line
 * breaks where it must. */
static guint
text_lines (const char *text,
            double      size,
            gboolean    bold,
            double      width_pt)
{
  g_auto(GStrv) paragraphs = NULL;
  double avail = MAX (width_pt - 8.0, size);
  double space = text_width (" ", 1, size, bold);
  guint lines = 0;

  if (text == NULL || *text == '\0')
    return 1;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (paragraphs[i], " ", -1);
      double x = 0;

      lines++;
      for (guint j = 0; words[j] != NULL; j++)
        {
          double w = text_width (words[j], -1, size, bold);

          if (*words[j] == '\0')
            {
              x += space;
              continue;
            }
          if (x > 0 && x + space + w > avail)
            {
              lines++;
              x = 0;
            }
          else if (x > 0)
            x += space;
          while (w > avail)
            {
              lines++;
              w -= avail;
            }
          x += w;
        }
    }
  return lines;
}

static double
lines_height (guint  lines,
              double size)
{
  /* Excel gives a line of Times New Roman about 1.3 times its size
   * (15.75 pt at 12 pt); a little more keeps descenders and marks
   * (ặ, Ậ) inside. */
  return ceil ((lines * size * 1.32 + 3.0) / 0.75) * 0.75;
}

static void
need_height (Writer    *w,
             lxw_row_t  row,
             double     height)
{
  if (row >= w->heights->len)
    g_array_set_size (w->heights, row + 1);
  if (g_array_index (w->heights, double, row) < height)
    g_array_index (w->heights, double, row) = height;
}

static double
span_width (Writer *w,
            guint   first,
            guint   last)
{
  double width = 0;

  for (guint c = first; c <= last; c++)
    width += w->col_pt[c];
  return width;
}

/* ---- formats ---- */

static lxw_format *
get_format (Writer      *w,
            const Style *s)
{
  g_autofree char *key = g_strdup_printf ("%.2f|%d%d%d|%d|%d|%s", s->size, !!s->bold,
                                          !!s->italic, !!s->underline, s->align, !!s->border,
                                          s->num_format != NULL ? s->num_format : "");
  lxw_format *format = g_hash_table_lookup (w->formats, key);

  if (format != NULL)
    return format;
  format = workbook_add_format (w->book);
  format_set_font_name (format, SMT_REPORT_FONT_FAMILY);
  format_set_font_size (format, s->size);
  if (s->bold)
    format_set_bold (format);
  if (s->italic)
    format_set_italic (format);
  if (s->underline)
    format_set_underline (format, LXW_UNDERLINE_SINGLE);
  switch (s->align)
    {
    case SMT_REPORT_ALIGN_LEFT:
      format_set_align (format, LXW_ALIGN_LEFT);
      break;
    case SMT_REPORT_ALIGN_RIGHT:
      format_set_align (format, LXW_ALIGN_RIGHT);
      break;
    case SMT_REPORT_ALIGN_CENTER:
    default:
      format_set_align (format, LXW_ALIGN_CENTER);
      break;
    }
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (format);
  if (s->border)
    format_set_border (format, LXW_BORDER_THIN);
  if (s->num_format != NULL)
    format_set_num_format (format, s->num_format);
  g_hash_table_insert (w->formats, g_steal_pointer (&key), format);
  return format;
}

/* The fewest decimals, at most max, that show value as it rounds to max
 * decimals: 97.40 → 1, 101.94 → 2, 100.00 → 0. */
static int
decimals_needed (double value,
                 int    max)
{
  double scaled;
  gint64 digits;
  int d;

  max = CLAMP (max, 0, 6);
  scaled = fabs (value) * pow (10, max);
  if (!isfinite (scaled) || scaled > 1e15)
    return max;
  digits = llround (scaled);
  for (d = max; d > 0 && digits % 10 == 0; d--)
    digits /= 10;
  return d;
}

/* Invariant format codes: Excel shows them with the viewer's separators. */
static const char *
number_format (SmtReportCellKind kind,
               int               decimals)
{
  static const char *grouped[] = { "#,##0", "#,##0.0", "#,##0.00", "#,##0.000",
                                   "#,##0.0000", "#,##0.00000", "#,##0.000000" };
  static const char *percent[] = { "0%", "0.0%", "0.00%", "0.000%", "0.0000%",
                                   "0.00000%", "0.000000%" };

  decimals = CLAMP (decimals, 0, 6);
  switch (kind)
    {
    case SMT_REPORT_CELL_INT:
      return grouped[0];
    case SMT_REPORT_CELL_DECIMAL:
      return grouped[decimals];
    case SMT_REPORT_CELL_PERCENT:
    case SMT_REPORT_CELL_RATIO:
      return percent[decimals];
    case SMT_REPORT_CELL_TEXT:
    default:
      return NULL;
    }
}

/* ---- the title block, notes and signature: unbordered merged text ---- */

static lxw_error
put_text (Writer        *w,
          lxw_row_t      row,
          guint          first,
          guint          last,
          const char    *text,
          double         size,
          gboolean       bold,
          gboolean       italic,
          gboolean       underline,
          SmtReportAlign align)
{
  Style style = { size, bold, italic, underline, align, FALSE, NULL };
  lxw_format *format = get_format (w, &style);

  need_height (w, row, lines_height (text_lines (text, size, bold, span_width (w, first, last)),
                                     size));
  if (first == last)
    return worksheet_write_string (w->sheet, row, first, text, format);
  return worksheet_merge_range (w->sheet, row, first, row, last, text, format);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
spacer (Writer    *w,
        lxw_row_t  row,
        double     height)
{
  need_height (w, row, height);
}

static void
add_lines (GPtrArray  *lines,
           const char *text,
           gboolean    upper)
{
  g_auto(GStrv) parts = NULL;

  if (!has_text (text))
    return;
  parts = g_strsplit (text, "\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (lines, upper ? g_utf8_strup (parts[i], -1) : g_strdup (parts[i]));
}

/* Writes the title block from row 0; returns the first row after it. */
static lxw_error
write_frame (Writer    *w,
             lxw_row_t *next)
{
  const SmtReport *r = w->report;
  guint last = r->n_columns - 1;
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) right = g_ptr_array_new_with_free_func (g_free);
  guint n_issuer_top, n_nation;
  lxw_row_t row = 0;
  lxw_error err;

  add_lines (left, r->issuer_top, TRUE);
  n_issuer_top = left->len;
  add_lines (left, r->issuer_bottom, TRUE);
  add_lines (right, r->nation, TRUE);
  n_nation = right->len;
  add_lines (right, r->motto, FALSE);

  if (w->stacked)
    {
      for (guint i = 0; i < left->len; i++)
        if ((err = put_text (w, row++, 0, 0, g_ptr_array_index (left, i), ISSUER_PT, TRUE,
                             FALSE, i >= n_issuer_top && i == left->len - 1,
                             SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
          return err;
      for (guint i = 0; i < right->len; i++)
        if ((err = put_text (w, row++, 0, 0, g_ptr_array_index (right, i),
                             i < n_nation ? NATION_PT : MOTTO_PT, TRUE, FALSE, i >= n_nation,
                             SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
          return err;
    }
  else
    {
      for (guint i = 0; i < MAX (left->len, right->len); i++, row++)
        {
          if (i < left->len
              && (err = put_text (w, row, 0, w->left_last, g_ptr_array_index (left, i),
                                  ISSUER_PT, TRUE, FALSE,
                                  /* The short rule under the issuing body:
                                   * its name underlined. */
                                  i >= n_issuer_top && i == left->len - 1,
                                  SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
            return err;
          /* The nation's name in capitals; the motto underlined for the
           * rule under it. */
          if (i < right->len
              && (err = put_text (w, row, w->right_first, last, g_ptr_array_index (right, i),
                                  i < n_nation ? NATION_PT : MOTTO_PT, TRUE, FALSE,
                                  i >= n_nation, SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
            return err;
        }
    }
  if (has_text (r->place_date))
    {
      if (row > 0)
        spacer (w, row++, SPACER_PT);
      if ((err = put_text (w, row++, w->stacked ? 0 : w->right_first, last, r->place_date,
                           DATE_PT, FALSE, TRUE, FALSE, SMT_REPORT_ALIGN_CENTER))
          != LXW_NO_ERROR)
        return err;
    }
  if (row > 0)
    spacer (w, row++, 2 * SPACER_PT);
  if (has_text (r->title))
    {
      g_autofree char *title = g_utf8_strup (r->title, -1);

      if ((err = put_text (w, row++, 0, last, title, TITLE_PT, TRUE, FALSE, FALSE,
                           SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
        return err;
    }
  if (has_text (r->subtitle)
      && (err = put_text (w, row++, 0, last, r->subtitle, SUBTITLE_PT, FALSE, TRUE, FALSE,
                          SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
    return err;
  if (row > 0)
    spacer (w, row++, SPACER_PT);
  *next = row;
  return LXW_NO_ERROR;
}

/* ---- the table ---- */

static lxw_error
write_cell (Writer              *w,
            lxw_row_t            row,
            guint                col,
            const SmtReportRow  *cells,
            const SmtReportCell *cell,
            lxw_format          *format)
{
  char num[16], den[16];
  g_autofree char *formula = NULL;

  switch (cell->kind)
    {
    case SMT_REPORT_CELL_TEXT:
      if (!has_text (cell->text))
        return worksheet_write_blank (w->sheet, row, col, format);
      return worksheet_write_string (w->sheet, row, col, cell->text, format);
    case SMT_REPORT_CELL_INT:
    case SMT_REPORT_CELL_DECIMAL:
      if (!cell->has_value)
        return worksheet_write_blank (w->sheet, row, col, format);
      return worksheet_write_number (w->sheet, row, col, cell->value, format);
    case SMT_REPORT_CELL_PERCENT:
      if (!cell->has_value)
        return worksheet_write_blank (w->sheet, row, col, format);
      /* 97.4 % is stored as 0.974, not 0.9740000000000001. */
      return worksheet_write_number (w->sheet, row, col, round (cell->value * 1e10) / 1e12,
                                     format);
    case SMT_REPORT_CELL_RATIO:
      {
        const SmtReportCell *n = &cells->cells[cell->num_col];
        const SmtReportCell *d = &cells->cells[cell->den_col];

        /* A part without a number: Excel would take it as 0; the printed
         * page shows "—", the sheet an empty cell. */
        if (!n->has_value || !d->has_value)
          return worksheet_write_blank (w->sheet, row, col, format);
        lxw_rowcol_to_cell (num, row, (lxw_col_t) cell->num_col);
        lxw_rowcol_to_cell (den, row, (lxw_col_t) cell->den_col);
        formula = g_strdup_printf ("=IF(%s=0,\"\",%s/%s)", den, num, den);
        if (d->value == 0)
          return worksheet_write_formula_str (w->sheet, row, col, formula, format, "");
        return worksheet_write_formula_num (w->sheet, row, col, formula, format,
                                            n->value / d->value);
      }
    default:
      g_return_val_if_reached (LXW_ERROR_PARAMETER_VALIDATION);
    }
}

static const char *
cell_format_code (const SmtReportCell *cell)
{
  if (cell->kind == SMT_REPORT_CELL_TEXT)
    return NULL;
  if (!cell->has_value)
    return number_format (cell->kind, 0);
  if (cell->kind == SMT_REPORT_CELL_INT)
    return number_format (cell->kind, 0);
  return number_format (cell->kind, decimals_needed (cell->value, cell->decimals));
}

static lxw_error
write_rows (Writer    *w,
            GPtrArray *rows,
            lxw_row_t  first_row)
{
  const SmtReport *r = w->report;
  lxw_error err;

  for (guint i = 0; i < rows->len; i++)
    {
      const SmtReportRow *row = g_ptr_array_index (rows, i);
      lxw_row_t sr = first_row + i;

      need_height (w, sr, lines_height (1, r->font_pt));
      for (guint c = 0; c < r->n_columns; c++)
        {
          const SmtReportCell *cell = &row->cells[c];
          Style style = { r->font_pt, cell->bold, cell->italic, FALSE, cell->align, TRUE,
                          cell_format_code (cell) };
          lxw_format *format;
          guint last_col = c + cell->col_span - 1;

          if (cell->covered)
            continue;
          format = get_format (w, &style);
          if (cell->col_span > 1 || cell->row_span > 1)
            {
              if ((err = worksheet_merge_range (w->sheet, sr, c, sr + cell->row_span - 1,
                                                last_col, "", format)) != LXW_NO_ERROR)
                return err;
            }
          if ((err = write_cell (w, sr, c, row, cell, format)) != LXW_NO_ERROR)
            return err;
          if (cell->row_span == 1 && cell->kind == SMT_REPORT_CELL_TEXT)
            need_height (w, sr, lines_height (text_lines (cell->text, r->font_pt, cell->bold,
                                                          span_width (w, c, last_col)),
                                              r->font_pt));
        }
    }
  /* Cells over several rows: the rows they cover share what they need. */
  for (guint i = 0; i < rows->len; i++)
    {
      const SmtReportRow *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < r->n_columns; c++)
        {
          const SmtReportCell *cell = &row->cells[c];
          double need, have = 0;

          if (cell->covered || cell->row_span < 2 || cell->kind != SMT_REPORT_CELL_TEXT)
            continue;
          need = lines_height (text_lines (cell->text, r->font_pt, cell->bold,
                                           span_width (w, c, c + cell->col_span - 1)),
                               r->font_pt);
          for (guint k = 0; k < cell->row_span; k++)
            have += g_array_index (w->heights, double, first_row + i + k);
          if (have < need)
            for (guint k = 0; k < cell->row_span; k++)
              g_array_index (w->heights, double, first_row + i + k)
                += ceil ((need - have) / cell->row_span / 0.75) * 0.75;
        }
    }
  return LXW_NO_ERROR;
}

/* Notes and the signature block from row; returns the row after them. */
static lxw_error
write_tail (Writer    *w,
            lxw_row_t *row)
{
  const SmtReport *r = w->report;
  guint last = r->n_columns - 1;
  guint first = w->stacked ? 0 : w->right_first;
  lxw_row_t at = *row;
  lxw_error err;

  for (guint i = 0; r->notes != NULL && i < r->notes->len; i++)
    if ((err = put_text (w, at++, 0, last, g_ptr_array_index (r->notes, i), r->font_pt, FALSE,
                         TRUE, FALSE, SMT_REPORT_ALIGN_LEFT)) != LXW_NO_ERROR)
      return err;
  if (has_text (r->sign_for) || has_text (r->sign_title) || has_text (r->sign_name))
    {
      g_autofree char *sign_for = has_text (r->sign_for) ? g_utf8_strup (r->sign_for, -1)
                                                         : NULL;
      g_autofree char *sign_title = has_text (r->sign_title)
                                    ? g_utf8_strup (r->sign_title, -1) : NULL;

      spacer (w, at++, 2 * SPACER_PT);
      if (sign_for != NULL
          && (err = put_text (w, at++, first, last, sign_for, SIGN_PT, TRUE, FALSE, FALSE,
                              SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
        return err;
      if (sign_title != NULL
          && (err = put_text (w, at++, first, last, sign_title, SIGN_PT, TRUE, FALSE, FALSE,
                              SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
        return err;
      /* Room to sign and stamp. */
      for (guint i = 0; i < 3; i++)
        spacer (w, at++, lines_height (1, SIGN_PT));
      if (has_text (r->sign_name))
        {
          if ((err = put_text (w, at++, first, last, r->sign_name, SIGN_PT, TRUE, FALSE,
                               FALSE, SMT_REPORT_ALIGN_CENTER)) != LXW_NO_ERROR)
            return err;
        }
      else
        spacer (w, at++, lines_height (1, SIGN_PT));
    }
  *row = at;
  return LXW_NO_ERROR;
}

/* ---- the sheet ---- */

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\,
 * not starting or ending with an apostrophe (nor, to look tidy, ending
 * in a space where it was cut). */
static char *
sheet_name (const SmtReport *r)
{
  const char *name = has_text (r->sheet_name) ? r->sheet_name : "Báo cáo";
  GString *s = g_string_new (NULL);
  const char *p;
  guint n = 0;

  while (*name == '\'')
    name++;
  for (p = name; *p != '\0' && n < 31; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch < 128 && strchr ("[]:*?/\\", (int) ch) != NULL)
        g_string_append_c (s, '-');
      else
        g_string_append_unichar (s, ch);
    }
  while (s->len > 0 && (s->str[s->len - 1] == '\'' || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_assign (s, "Báo cáo");
  return g_string_free (s, FALSE);
}

/* The title block's left part: the first columns that together take the
 * width nearest 40 % of the table's, at least one and leaving one. */
static void
split_columns (Writer *w)
{
  const SmtReport *r = w->report;
  double total = span_width (w, 0, r->n_columns - 1);
  double acc = 0, best = G_MAXDOUBLE;

  w->stacked = r->n_columns < 2;
  w->left_last = 0;
  w->right_first = w->stacked ? 0 : 1;
  if (w->stacked)
    return;
  for (guint c = 0; c + 1 < r->n_columns; c++)
    {
      acc += w->col_pt[c];
      if (fabs (acc - 0.4 * total) < best)
        {
          best = fabs (acc - 0.4 * total);
          w->left_last = c;
          w->right_first = c + 1;
        }
    }
}

static lxw_error
write_sheet (Writer *w)
{
  const SmtReport *r = w->report;
  g_autofree char *name = sheet_name (r);
  char header[96];
  lxw_row_t row = 0, header_first, header_last;
  lxw_error err;

  w->sheet = workbook_add_worksheet (w->book, name);
  if (w->sheet == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  {
    Style plain = { r->font_pt, FALSE, FALSE, FALSE, SMT_REPORT_ALIGN_LEFT, FALSE, NULL };

    w->plain = get_format (w, &plain);
  }

  /* Excel measures columns in characters of the default font (Calibri 11:
   * 7 pixels a character, 5 pixels of padding) at 96 pixels an inch. */
  for (guint c = 0; c < r->n_columns; c++)
    {
      double px = r->columns[c].width_mm * 96.0 / MM_PER_INCH;

      w->col_pt[c] = r->columns[c].width_mm * 72.0 / MM_PER_INCH;
      if ((err = worksheet_set_column (w->sheet, c, c, MAX ((px - 5.0) / 7.0, 0.5), w->plain))
          != LXW_NO_ERROR)
        return err;
    }
  split_columns (w);

  if ((err = write_frame (w, &row)) != LXW_NO_ERROR)
    return err;
  header_first = row;
  if ((err = write_rows (w, r->header, row)) != LXW_NO_ERROR)
    return err;
  row += r->header->len;
  header_last = row - 1;
  if ((err = write_rows (w, r->body, row)) != LXW_NO_ERROR)
    return err;
  row += r->body->len;
  if ((err = write_tail (w, &row)) != LXW_NO_ERROR)
    return err;

  for (lxw_row_t i = 0; i < w->heights->len; i++)
    {
      double h = g_array_index (w->heights, double, i);

      /* Excel's tallest row is 409 points; a cell needing more is cut
       * whatever is done here. */
      if (h > 0 && (err = worksheet_set_row (w->sheet, i, MIN (h, 409.0), w->plain))
          != LXW_NO_ERROR)
        return err;
    }

  worksheet_set_paper (w->sheet, 9); /* A4 */
  if (r->orientation == SMT_REPORT_LANDSCAPE)
    worksheet_set_landscape (w->sheet);
  else
    worksheet_set_portrait (w->sheet);
  worksheet_set_margins (w->sheet, SMT_REPORT_MARGIN_LEFT_MM / MM_PER_INCH,
                         SMT_REPORT_MARGIN_RIGHT_MM / MM_PER_INCH,
                         SMT_REPORT_MARGIN_TOP_MM / MM_PER_INCH,
                         SMT_REPORT_MARGIN_BOTTOM_MM / MM_PER_INCH);
  /* The page number at the top, in the middle, as the Decree places it. */
  g_snprintf (header, sizeof header, "&C&\"%s,Regular\"&%d&P", SMT_REPORT_FONT_FAMILY,
              (int) lround (r->font_pt));
  if ((err = worksheet_set_header (w->sheet, header)) != LXW_NO_ERROR)
    return err;
  if ((err = worksheet_repeat_rows (w->sheet, header_first, header_last)) != LXW_NO_ERROR)
    return err;
  if ((err = worksheet_print_area (w->sheet, 0, 0, row > 0 ? row - 1 : 0,
                                   r->n_columns - 1)) != LXW_NO_ERROR)
    return err;
  worksheet_fit_to_pages (w->sheet, 1, 0);
  return LXW_NO_ERROR;
}

/* ---- errors ---- */

static void
set_write_error (GError     **error,
                 const char  *path,
                 lxw_error    err,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_display = g_filename_display_name (dir);

  if (err == LXW_ERROR_MEMORY_MALLOC_FAILED)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
                 _("Cannot write “%s”: there is not enough memory. Close other programs "
                   "and try again."), display);
  else if (saved_errno == ENOSPC)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC,
                 _("Cannot write “%s”: the disk is full. Free some space or choose another "
                   "folder and try again."), display);
  else if (err == LXW_ERROR_CREATING_XLSX_FILE
           && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                 _("Cannot write “%s”: the folder “%s” does not exist. Choose another "
                   "folder and try again."), display, dir_display);
  else if (err == LXW_ERROR_CREATING_XLSX_FILE)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                 _("Cannot write “%s”: the folder “%s” cannot be written to. Choose another "
                   "folder (for example Documents) and try again."), display, dir_display);
  else if (err == LXW_ERROR_CREATING_TMPFILE || err == LXW_ERROR_READING_TMPFILE)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("Cannot write “%s”: the temporary folder cannot be written to or the disk "
                   "is full. Free some space and try again."), display);
  else if (err >= LXW_ERROR_ZIP_FILE_OPERATION && err <= LXW_ERROR_ZIP_CLOSE)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                 _("Cannot finish writing “%s”: the disk may be full or the drive removed. "
                   "Free some space or choose another folder and try again."), display);
  else
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                 _("Cannot write “%s” (%s). Choose another folder and try again."),
                 display, lxw_strerror (err));
}

/* Refuses early, before any work, a folder that is not there or cannot
 * be written to. */
static gboolean
check_folder (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, path, LXW_ERROR_CREATING_XLSX_FILE, ENOENT);
      return FALSE;
    }
  if (g_access (dir, W_OK) != 0)
    {
      set_write_error (error, path, LXW_ERROR_CREATING_XLSX_FILE, EACCES);
      return FALSE;
    }
  return TRUE;
}

gboolean
smt_report_write_xlsx (const SmtReport  *report,
                       const char       *path,
                       GError          **error)
{
  g_autofree char *tmp = NULL;
  g_autofree double *col_pt = NULL;
  g_autoptr(GHashTable) formats = NULL;
  g_autoptr(GArray) heights = NULL;
  Writer w = { 0 };
  lxw_error err;
  int saved_errno;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!smt_report_check (report, error) || !check_folder (path, error))
    return FALSE;

  tmp = smt_atomic_file_temp_path (path);
  w.report = report;
  w.book = workbook_new (tmp);
  if (w.book == NULL)
    {
      set_write_error (error, path, LXW_ERROR_MEMORY_MALLOC_FAILED, 0);
      return FALSE;
    }
  formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  heights = g_array_new (FALSE, TRUE, sizeof (double));
  col_pt = g_new0 (double, report->n_columns);
  w.formats = formats;
  w.heights = heights;
  w.col_pt = col_pt;

  err = write_sheet (&w);
  if (err != LXW_NO_ERROR)
    {
      /* Close to free it; the file is thrown away. */
      workbook_close (w.book);
      smt_atomic_file_abandon (tmp);
      set_write_error (error, path, err, 0);
      return FALSE;
    }
  errno = 0;
  err = workbook_close (w.book);
  saved_errno = errno;
  if (err != LXW_NO_ERROR)
    {
      smt_atomic_file_abandon (tmp);
      set_write_error (error, path, err, saved_errno);
      return FALSE;
    }
  return smt_atomic_file_commit (tmp, path, error);
}
