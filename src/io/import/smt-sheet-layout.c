/* smt-sheet-layout.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>
#include <string.h>

#include "core/register/smt-text.h"
#include "smt-name-split.h"
#include "smt-sheet-layout.h"

/* The header is looked for in the first rows only: a title block is a
 * handful of rows, and scanning further would let data rows compete. */
#define HEADER_SEARCH_ROWS 60

/* Rows with at most this many filled cells are looked at whole for a total
 * or a footer; fuller rows only by their first text cell. */
#define SPARSE_CELLS 4

static gboolean
cell_is_blank (const SmtCell *cell)
{
  if (cell->kind == SMT_CELL_EMPTY)
    return TRUE;
  if (cell->kind != SMT_CELL_TEXT)
    return FALSE;
  for (const guchar *p = (const guchar *) cell->text; *p; p++)
    {
      if (*p == 0xC2 && p[1] == 0xA0)   /* no-break space */
        {
          p++;
          continue;
        }
      if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return TRUE;
}

static const char *
cell_text (const SmtCell *cell)
{
  return cell->kind == SMT_CELL_TEXT && !cell_is_blank (cell) ? cell->text : NULL;
}

static const SmtCellRange *
find_merge (const SmtSheet *sheet,
            guint           row,
            guint           col)
{
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const SmtCellRange *m = &g_array_index (sheet->merged, SmtCellRange, i);

      if (row >= m->first_row && row <= m->last_row && col >= m->first_col && col <= m->last_col)
        return m;
    }
  return NULL;
}

/* How much a row looks like a header: the distinct fields its cells name,
 * two more when one of them is a name; 0 when it cannot be the header
 * (a name and one more field, or three fields, are needed). */
static int
header_score (const SmtSheet *sheet,
              guint           row)
{
  guint32 seen = 0;
  gboolean name = FALSE;
  int matched = 0;

  for (guint c = 0; c < sheet->n_cols; c++)
    {
      const char *text = cell_text (smt_sheet_cell (sheet, row, c));
      SmtImportField f;

      if (text == NULL)
        continue;
      f = smt_import_field_guess (text);
      if (f == SMT_IMPORT_FIELD_IGNORE || (seen & (1u << f)))
        continue;
      seen |= 1u << f;
      matched++;
      name = name || smt_import_field_is_name (f);
    }
  if (!(name && matched >= 2) && matched < 3)
    return 0;
  return matched + (name ? 2 : 0);
}

/* "1 2 3 …", "(1) (2) …", "A B 1 2 …": the column numbers printed under a
 * header. */
static gboolean
is_numbers_row (const SmtSheet *sheet,
                guint           row)
{
  double prev = -1;
  guint n = 0;

  for (guint c = 0; c < sheet->n_cols; c++)
    {
      const SmtCell *cell = smt_sheet_cell (sheet, row, c);
      double v;

      if (cell_is_blank (cell))
        continue;
      if (cell->kind == SMT_CELL_NUMBER)
        v = cell->number;
      else if (cell->kind == SMT_CELL_TEXT)
        {
          const char *p = cell->text;
          char buf[8];
          guint k = 0;

          for (; *p && k < sizeof buf - 1; p++)
            if (*p != '(' && *p != ')' && !g_ascii_isspace (*p))
              buf[k++] = *p;
          buf[k] = '\0';
          if (*p != '\0' || k == 0)
            return FALSE;
          if (k == 1 && g_ascii_isalpha (buf[0]))
            {
              n++;
              continue;
            }
          for (guint i = 0; i < k; i++)
            if (!g_ascii_isdigit (buf[i]))
              return FALSE;
          v = atoi (buf);
        }
      else
        return FALSE;
      if (v != (double) (gint64) v || v < 0 || v > 200 || v <= prev)
        return FALSE;
      prev = v;
      n++;
    }
  return n >= 3;
}

/* Whether the row under the header is a second header row: merged cells
 * of the header reach into it or stand over it, or each of its cells names
 * a field ("Nam" | "Nữ") — and never when a name column holds a value
 * that names no field (a person's name). */
static gboolean
is_second_header (const SmtSheet       *sheet,
                  guint                 h,
                  const SmtImportField *top)
{
  guint r = h + 1;
  gboolean merged = FALSE;
  gboolean all_fields = TRUE;
  guint n = 0;

  if (r >= sheet->n_rows || is_numbers_row (sheet, r))
    return FALSE;
  for (guint c = 0; c < sheet->n_cols; c++)
    {
      const SmtCell *cell = smt_sheet_cell (sheet, r, c);

      if (cell_is_blank (cell))
        continue;
      n++;
      if (cell->kind != SMT_CELL_TEXT
          || smt_import_field_guess (cell->text) == SMT_IMPORT_FIELD_IGNORE)
        {
          /* a value under the name's header: a person, not a header */
          if (smt_import_field_is_name (top[c]))
            return FALSE;
          all_fields = FALSE;
        }
    }
  if (n == 0)
    return FALSE;
  for (guint i = 0; i < sheet->merged->len && !merged; i++)
    {
      const SmtCellRange *m = &g_array_index (sheet->merged, SmtCellRange, i);

      if (m->first_row != h)
        continue;
      if (m->last_row >= r)
        merged = TRUE;
      else if (m->last_col > m->first_col)
        for (guint c = m->first_col; c <= m->last_col && !merged; c++)
          merged = cell_text (smt_sheet_cell (sheet, r, c)) != NULL;
    }
  return merged || all_fields;
}

static char *
header_text (const SmtSheet  *sheet,
             guint            h,
             guint            rows,
             guint            col,
             char           **child_text)
{
  const SmtCellRange *m = find_merge (sheet, h, col);
  const char *parent = cell_text (m ? smt_sheet_cell (sheet, m->first_row, m->first_col)
                                    : smt_sheet_cell (sheet, h, col));
  const char *child = NULL;
  g_autofree char *p = NULL;
  g_autofree char *k = NULL;

  if (rows == 2)
    {
      const SmtCellRange *m2 = find_merge (sheet, h + 1, col);

      if (m2 == NULL || m2->first_row > h)
        child = cell_text (m2 ? smt_sheet_cell (sheet, m2->first_row, m2->first_col)
                              : smt_sheet_cell (sheet, h + 1, col));
      /* "Năm sinh", "" over "Nam", "Nữ" without merged cells (text files):
       * the parent is the nearest one to the left over the same run of
       * children. */
      for (guint c = col; parent == NULL && child != NULL && m == NULL && c-- > 0;)
        {
          if (cell_text (smt_sheet_cell (sheet, h + 1, c)) == NULL)
            break;
          parent = cell_text (smt_sheet_cell (sheet, h, c));
        }
    }
  p = smt_text_normalize (parent ? parent : "");
  k = smt_text_normalize (child ? child : "");
  *child_text = NULL;
  if (p && p[0] && k && k[0])
    {
      *child_text = g_strdup (k);
      return g_strconcat (p, " / ", k, NULL);
    }
  if (k && k[0])
    return g_steal_pointer (&k);
  return p ? g_steal_pointer (&p) : g_strdup ("");
}

/* The field of a header of two rows: the child alone when it names a
 * part of the name or a sex ("Họ và tên" over "Họ đệm" | "Tên", "Năm sinh"
 * over "Nam" | "Nữ"), else the whole ("Đảng viên" over "Ngày vào" is the
 * Party, not joining). */
static SmtImportField
guess_joined (const char *header,
              const char *child_text)
{
  if (child_text != NULL)
    {
      SmtImportField child = smt_import_field_guess (child_text);

      if (smt_import_field_is_name (child) && child != SMT_IMPORT_FIELD_FULL_NAME)
        return child;
      /* "Giới tính" over "Nam" | "Nữ" with x marks reads the same way */
      if (child == SMT_IMPORT_FIELD_BIRTH_YEAR_MALE
          || child == SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE)
        return child;
    }
  return smt_import_field_guess (header);
}

static SmtSheetLayout *
layout_at (const SmtSheet *sheet,
           guint           h,
           gboolean        found)
{
  SmtSheetLayout *layout = g_new0 (SmtSheetLayout, 1);
  g_autofree SmtImportField *top = g_new0 (SmtImportField, sheet->n_cols + 1);
  guint data;

  layout->header_found = found;
  layout->header_row = h;
  layout->n_cols = sheet->n_cols;
  layout->n_rows = sheet->n_rows;
  for (guint c = 0; c < sheet->n_cols; c++)
    {
      const SmtCellRange *m = find_merge (sheet, h, c);
      const char *text = cell_text (m ? smt_sheet_cell (sheet, m->first_row, m->first_col)
                                      : smt_sheet_cell (sheet, h, c));

      top[c] = smt_import_field_guess (text);
    }
  layout->header_rows = is_second_header (sheet, h, top) ? 2 : 1;
  layout->headers = g_new0 (char *, sheet->n_cols + 1);
  layout->guessed = g_new0 (SmtImportField, sheet->n_cols + 1);
  for (guint c = 0; c < sheet->n_cols; c++)
    {
      g_autofree char *child = NULL;

      layout->headers[c] = header_text (sheet, h, layout->header_rows, c, &child);
      layout->guessed[c] = guess_joined (layout->headers[c], child);
    }
  data = MIN (h + layout->header_rows, sheet->n_rows);
  if (data < sheet->n_rows && is_numbers_row (sheet, data))
    data++;
  layout->first_data_row = data;
  layout->row_kinds = g_new0 (guint8, sheet->n_rows + 1);
  layout->row_groups = g_new0 (const char *, sheet->n_rows + 1);
  layout->group_names = g_ptr_array_new_with_free_func (g_free);
  smt_sheet_layout_classify (layout, sheet, NULL);
  return layout;
}

/* Whether row holds two text cells or more, one of them merged down into
 * the row under it. */
static gboolean
reaches_down (const SmtSheet *sheet,
              guint           row)
{
  gboolean down = FALSE;
  guint texts = 0;

  for (guint c = 0; c < sheet->n_cols; c++)
    texts += cell_text (smt_sheet_cell (sheet, row, c)) != NULL;
  for (guint i = 0; i < sheet->merged->len && !down; i++)
    {
      const SmtCellRange *m = &g_array_index (sheet->merged, SmtCellRange, i);

      down = m->first_row == row && m->last_row > row
             && cell_text (smt_sheet_cell (sheet, row, m->first_col)) != NULL;
    }
  return down && texts >= 2;
}

SmtSheetLayout *
smt_sheet_layout_detect (const SmtSheet *sheet)
{
  guint best = 0;
  int best_score = 0;
  guint limit;

  g_return_val_if_fail (sheet != NULL, NULL);

  limit = MIN (sheet->n_rows, HEADER_SEARCH_ROWS);
  for (guint r = 0; r < limit; r++)
    {
      int score = header_score (sheet, r);

      if (score > best_score)
        {
          best = r;
          best_score = score;
        }
    }
  /* Children can name more fields than their parents ("Họ đệm" | "Tên" |
   * "Nam" | "Nữ" under "Họ và tên" | "Năm sinh"): when the row above holds
   * headers merged down into the best row, the header starts there. */
  if (best_score > 0 && best > 0 && reaches_down (sheet, best - 1))
    best--;
  if (best_score == 0)
    {
      /* No header found: guess the first row with two filled cells, for
       * the user to confirm or move. */
      for (guint r = 0; r < limit; r++)
        {
          guint n = 0;

          for (guint c = 0; c < sheet->n_cols && n < 2; c++)
            n += !cell_is_blank (smt_sheet_cell (sheet, r, c));
          if (n >= 2)
            {
              best = r;
              break;
            }
        }
    }
  return layout_at (sheet, best, best_score > 0);
}

SmtSheetLayout *
smt_sheet_layout_new_at (const SmtSheet *sheet,
                         guint           header_row)
{
  g_return_val_if_fail (sheet != NULL, NULL);

  return layout_at (sheet, MIN (header_row, sheet->n_rows ? sheet->n_rows - 1 : 0), TRUE);
}

void
smt_sheet_layout_free (SmtSheetLayout *layout)
{
  if (layout == NULL)
    return;
  g_strfreev (layout->headers);
  g_free (layout->guessed);
  g_free (layout->row_kinds);
  g_free (layout->row_groups);
  g_ptr_array_unref (layout->group_names);
  g_free (layout);
}

/* "I", "II.", "A)", "3." : the numbering before a group's name; its
 * length with the spaces after it, 0 when there is none. alone: the text
 * must be the numbering and nothing else. */
static gsize
enumerator_length (const char *text,
                   gboolean    alone)
{
  const char *p = text;
  gboolean roman = FALSE;
  gsize n = 0;

  while (*p == ' ')
    p++;
  if (g_ascii_isdigit (*p))
    while (g_ascii_isdigit (p[n]))
      n++;
  else
    {
      while (p[n] && strchr ("IVXivx", p[n]))
        n++;
      roman = n > 0;
      if (n == 0 && g_ascii_isalpha (*p))
        n = 1;
    }
  if (n == 0 || n > 6)
    return 0;
  p += n;
  if (*p && strchr (".):/-", *p))
    p++;
  else if (!(*p == ' ' && roman && !alone) && !(*p == '\0' && alone))
    return 0;   /* "II Ấp Bình An" passes: a roman numeral, then a space */
  while (*p == ' ')
    p++;
  if (alone && *p != '\0')
    return 0;
  return (gsize) (p - text);
}

static const char *const hamlet_words[] = {
  "ap", "thon", "khu pho", "to dan pho", "xom", "khu vuc", "khom", "buon", "lien ap", NULL
};
static const char *const branch_words[] = { "chi hoi", "chi doan", "to hoi", NULL };

/* Whether the folded words start with one of the phrases; returns the
 * number of words of the phrase, or the index where one starts with
 * anywhere=TRUE (+1; 0 when none). */
static guint
phrase_at (char       **words,
           const char *const *phrases,
           gboolean    anywhere)
{
  for (guint i = 0; words[i]; i++)
    {
      for (guint k = 0; phrases[k]; k++)
        {
          g_auto(GStrv) pw = g_strsplit (phrases[k], " ", -1);
          guint j = 0;

          while (pw[j] && words[i + j] && strcmp (pw[j], words[i + j]) == 0)
            j++;
          if (pw[j] == NULL)
            return anywhere ? i + 1 : j;
        }
      if (!anywhere)
        break;
    }
  return 0;
}

static gboolean
starts_with_phrase (const char        *folded_words,
                    const char *const *phrases)
{
  for (guint k = 0; phrases[k]; k++)
    {
      gsize n = strlen (phrases[k]);

      if (strncmp (folded_words, phrases[k], n) == 0
          && (folded_words[n] == ' ' || folded_words[n] == '\0'))
        return TRUE;
    }
  return FALSE;
}

char *
smt_sheet_layout_group_hamlet (const char *text)
{
  g_autofree char *norm = smt_text_normalize (text ? text : "");
  g_autofree char *fixed = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char **folded = NULL;
  char *s, *open;
  guint n, at;
  GString *out;

  if (norm == NULL || norm[0] == '\0')
    return NULL;
  s = norm + enumerator_length (norm, FALSE);
  /* "(25 hội viên)", ": 25 hội viên" after the name. */
  open = strrchr (s, '(');
  if (open && open > s && strpbrk (open, "0123456789"))
    *open = '\0';
  open = strchr (s, ':');
  if (open && open > s)
    *open = '\0';
  g_strstrip (s);
  while (*s && strchr (":-.,", s[strlen (s) - 1]))
    s[strlen (s) - 1] = '\0';
  g_strstrip (s);
  if (*s == '\0')
    return NULL;

  words = g_strsplit (s, " ", -1);
  n = g_strv_length (words);
  folded = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    folded[i] = smt_import_fold_words (words[i]);
  at = phrase_at (folded, hamlet_words, TRUE);
  if (at > 1)
    at = at - 1;
  else if (at == 1)
    at = 0;
  else
    at = phrase_at (folded, branch_words, FALSE);
  for (guint i = 0; i < n; i++)
    g_free (folded[i]);
  if (at >= n)
    at = 0;
  out = g_string_new (NULL);
  for (guint i = at; i < n; i++)
    {
      if (out->len)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  fixed = smt_name_fix_case (out->str);
  g_string_free (out, TRUE);
  if (fixed == NULL || fixed[0] == '\0')
    return NULL;
  {
    gunichar first = g_utf8_get_char (fixed);
    const char *rest = g_utf8_next_char (fixed);
    GString *cap = g_string_new (NULL);

    g_string_append_unichar (cap, g_unichar_toupper (first));
    g_string_append (cap, rest);
    return g_string_free (cap, FALSE);
  }
}

/* What the classifier knows of a row. */
typedef struct {
  guint       filled;        /* non-blank cells */
  guint       texts;         /* of which text */
  gint        first_text;    /* column of the first text cell, -1 */
  gint        second_text;   /* column of the second text cell, -1 */
  gint        first_filled;
  gboolean    mapped;        /* a value in a mapped column (not IGNORE, not STT) */
  guint       named;         /* values in name columns */
} RowScan;

static void
scan_row (const SmtSheet       *sheet,
          guint                 r,
          const SmtImportField *fields,
          RowScan              *scan)
{
  GArray *cells = g_ptr_array_index (sheet->rows, r);

  memset (scan, 0, sizeof *scan);
  scan->first_text = scan->second_text = scan->first_filled = -1;
  for (guint c = 0; c < cells->len; c++)
    {
      const SmtCell *cell = &g_array_index (cells, SmtCell, c);
      SmtImportField f = c < sheet->n_cols ? fields[c] : SMT_IMPORT_FIELD_IGNORE;

      if (cell_is_blank (cell))
        continue;
      scan->filled++;
      if (scan->first_filled < 0)
        scan->first_filled = c;
      if (cell->kind == SMT_CELL_TEXT)
        {
          if (scan->first_text < 0)
            scan->first_text = c;
          else if (scan->second_text < 0)
            scan->second_text = c;
          scan->texts++;
        }
      if (f != SMT_IMPORT_FIELD_IGNORE && f != SMT_IMPORT_FIELD_STT)
        scan->mapped = TRUE;
      if (smt_import_field_is_name (f))
        scan->named++;
    }
}

static gboolean
is_total_words (const char *w)
{
  static const char *const totals[] = { "tong cong", "tong so", "tong", "cong", "cong chung",
                                        NULL };
  const char *next;

  if (g_strv_contains (totals, w))
    return TRUE;
  if (g_str_has_prefix (w, "tong cong ") || g_str_has_prefix (w, "tong so "))
    return TRUE;
  if (g_str_has_prefix (w, "cong "))
    next = w + 5;
  else if (g_str_has_prefix (w, "tong "))
    next = w + 5;
  else
    return FALSE;
  /* "Cộng: 35 hội viên", "Cộng hội viên: 35"; not a name like "Tống Văn Ba". */
  return g_ascii_isdigit (*next) || g_str_has_prefix (next, "hoi vien")
         || g_str_has_prefix (next, "doan vien") || g_str_has_prefix (next, "co ");
}

/* "…, ngày 05 tháng 02 năm 2026", "ngày … tháng … năm 20…". */
static gboolean
is_date_line (const char *w)
{
  const char *d = strstr (w, "ngay");
  const char *t = d ? strstr (d, "thang") : NULL;
  const char *n = t ? strstr (t, "nam") : NULL;

  if (n == NULL || t - d > 12 || n - t > 12)
    return FALSE;
  return TRUE;
}

typedef enum {
  FOOT_NONE,
  FOOT_STRONG,   /* a footer wherever it stands */
  FOOT_WEAK,     /* a footer when the row holds no name elsewhere */
} FooterHint;

static FooterHint
footer_hint (const char *w)
{
  static const char *const strong[] = { "nguoi lap", "tm", "t m", "thay mat", "xac nhan",
                                        "noi nhan", "nguoi ky", "ky ten", "ky ghi ro", NULL };
  static const char *const weak[] = { "chu tich", "pho chu tich", "bi thu", "pho bi thu",
                                      "chi hoi truong", "truong ban", "ke toan", "thu truong",
                                      "truong ap", "ban chap hanh", "ban thuong truc", NULL };

  if (starts_with_phrase (w, strong))
    return FOOT_STRONG;
  if (is_date_line (w))
    return FOOT_WEAK;
  if (g_strv_contains (weak, w))
    return FOOT_WEAK;
  return FOOT_NONE;
}

/* Raw text equality of a row's cells with a header row's, column by
 * column: how many match, out of how many the header has. */
static gboolean
repeats_row (const SmtSheet *sheet,
             guint           r,
             guint           header,
             gboolean        all)
{
  guint n = 0, same = 0;

  for (guint c = 0; c < sheet->n_cols; c++)
    {
      const char *h = cell_text (smt_sheet_cell (sheet, header, c));
      const char *t = cell_text (smt_sheet_cell (sheet, r, c));

      if (h == NULL)
        {
          if (all && t != NULL)
            return FALSE;
          continue;
        }
      n++;
      if (t != NULL && strcmp (h, t) == 0)
        same++;
      else if (all && t != NULL)
        return FALSE;
    }
  return all ? same > 0 : same >= 2 && same * 2 >= n;
}

void
smt_sheet_layout_classify (SmtSheetLayout       *layout,
                           const SmtSheet       *sheet,
                           const SmtImportField *fields)
{
  g_autoptr(GHashTable) spans = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean footer = FALSE;
  gboolean after_repeat = FALSE;
  const char *group = NULL;

  g_return_if_fail (layout != NULL && sheet != NULL);
  g_return_if_fail (layout->n_rows == sheet->n_rows && layout->n_cols == sheet->n_cols);

  if (fields == NULL)
    fields = layout->guessed;
  g_ptr_array_set_size (layout->group_names, 0);

  /* Rows whose value cell is merged across columns (a group's name). */
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const SmtCellRange *m = &g_array_index (sheet->merged, SmtCellRange, i);

      if (m->last_col > m->first_col && m->first_row >= layout->first_data_row)
        g_hash_table_insert (spans, GUINT_TO_POINTER (m->first_row + 1),
                             GUINT_TO_POINTER (m->first_col + 1));
    }

  for (guint r = 0; r < layout->n_rows; r++)
    {
      SmtSheetRowKind kind = SMT_SHEET_ROW_DATA;
      RowScan scan;

      layout->row_groups[r] = NULL;
      if (r < layout->header_row)
        {
          layout->row_kinds[r] = SMT_SHEET_ROW_TITLE;
          continue;
        }
      if (r < layout->header_row + layout->header_rows)
        {
          layout->row_kinds[r] = SMT_SHEET_ROW_HEADER;
          continue;
        }
      if (r < layout->first_data_row)
        {
          layout->row_kinds[r] = SMT_SHEET_ROW_COLUMN_NUMBERS;
          continue;
        }
      if (footer)
        {
          layout->row_kinds[r] = SMT_SHEET_ROW_FOOTER;
          continue;
        }

      scan_row (sheet, r, fields, &scan);
      if (scan.filled == 0)
        kind = SMT_SHEET_ROW_BLANK;
      else
        {
          guint n_look = scan.filled <= SPARSE_CELLS ? scan.texts : MIN (scan.texts, 1);
          gint col = scan.first_text;

          for (guint i = 0; i < n_look && col >= 0 && kind == SMT_SHEET_ROW_DATA; i++)
            {
              const SmtCell *cell = smt_sheet_cell (sheet, r, col);
              g_autofree char *w = smt_import_fold_words (cell->text);
              FooterHint hint = footer_hint (w);
              guint here = smt_import_field_is_name (fields[col]) ? 1 : 0;

              /* A date line or a signer's title in a row that also holds a
               * name is a person's note or position, not the footer. */
              if (hint == FOOT_STRONG || (hint == FOOT_WEAK && scan.named <= here))
                kind = SMT_SHEET_ROW_FOOTER;
              else if (is_total_words (w))
                kind = SMT_SHEET_ROW_TOTAL;
              /* the next text cell */
              for (guint c = col + 1; ; c++)
                {
                  if (c >= sheet->n_cols)
                    {
                      col = -1;
                      break;
                    }
                  if (cell_text (smt_sheet_cell (sheet, r, c)) != NULL)
                    {
                      col = c;
                      break;
                    }
                }
            }
        }

      if (kind == SMT_SHEET_ROW_DATA
          && ((after_repeat && layout->header_rows == 2
               && repeats_row (sheet, r, layout->header_row + 1, TRUE))
              || repeats_row (sheet, r, layout->header_row, FALSE)
              || is_numbers_row (sheet, r)))
        kind = SMT_SHEET_ROW_REPEATED_HEADER;

      if (kind == SMT_SHEET_ROW_DATA && scan.texts >= 1 && scan.filled <= 2)
        {
          gint col = scan.first_text;
          const char *text = smt_sheet_cell (sheet, r, col)->text;
          gboolean grouped = FALSE;

          if (scan.filled == 2)
            {
              /* "I" | "Ấp Bình An": the numbering in its own cell. */
              const SmtCell *first = smt_sheet_cell (sheet, r, scan.first_filled);

              if (scan.texts == 2 && first->kind == SMT_CELL_TEXT
                  && enumerator_length (first->text, TRUE) > 0
                  && !g_ascii_isdigit (*first->text))
                {
                  col = scan.second_text;
                  text = smt_sheet_cell (sheet, r, col)->text;
                  grouped = TRUE;
                }
            }
          else
            {
              g_autofree char *w = NULL;
              gsize skip = enumerator_length (text, FALSE);

              w = smt_import_fold_words (text + skip);
              grouped = GPOINTER_TO_UINT (g_hash_table_lookup (spans,
                                                               GUINT_TO_POINTER (r + 1)))
                        == (guint) col + 1
                        || starts_with_phrase (w, hamlet_words)
                        || starts_with_phrase (w, branch_words)
                        || !smt_import_field_is_name (fields[col]);
            }
          if (grouped)
            {
              char *hamlet = smt_sheet_layout_group_hamlet (text);

              if (hamlet != NULL)
                {
                  g_ptr_array_add (layout->group_names, hamlet);
                  group = hamlet;
                  kind = SMT_SHEET_ROW_GROUP;
                }
            }
        }

      if (kind == SMT_SHEET_ROW_DATA && !scan.mapped)
        kind = SMT_SHEET_ROW_BLANK;

      if (kind == SMT_SHEET_ROW_FOOTER)
        footer = TRUE;
      after_repeat = kind == SMT_SHEET_ROW_REPEATED_HEADER;
      layout->row_kinds[r] = kind;
      layout->row_groups[r] = kind == SMT_SHEET_ROW_DATA || kind == SMT_SHEET_ROW_GROUP
                              ? group : NULL;
    }
}
