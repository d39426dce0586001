/* smt-import-read.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/register/smt-text.h"
#include "smt-import-read.h"
#include "smt-name-split.h"

/* Excel serials below this (1 January 1910) in a date column are more
 * likely a mistyped year than a date: nobody on a member list was born or
 * joined before. */
#define MIN_SERIAL 3653

/* How often the reading looks at the cancellable. */
#define CANCEL_EVERY 2048

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm). */
static void
civil_from_days (gint64  z,
                 int    *y,
                 int    *m,
                 int    *d)
{
  gint64 era, doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400 + (*m <= 2));
}

static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* An Excel serial (days since 1899-12-30) to a date. Excel counts a 29
 * February 1900 that never was (serial 60), so serials before it are one
 * day late against that epoch. FALSE for serial 60 and before 1900. */
static gboolean
serial_to_date (double serial,
                int   *y,
                int   *m,
                int   *d)
{
  gint64 days = (gint64) floor (serial);

  if (days < 1 || days == 60)
    return FALSE;
  if (days < 60)
    days++;
  civil_from_days (days - 25569, y, m, d);
  return TRUE;
}

static SmtImportDate
full_date (int  y,
           int  m,
           int  d,
           int  this_year,
           char iso[11],
           int *year)
{
  if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return SMT_IMPORT_DATE_BAD;
  if (y < 1900 || y > this_year)
    return SMT_IMPORT_DATE_OUT_OF_RANGE;
  g_snprintf (iso, 11, "%04d-%02d-%02d", y, m, d);
  *year = y;
  return SMT_IMPORT_DATE_FULL;
}

static SmtImportDate
year_only (int  y,
           int  this_year,
           int *year)
{
  if (y < 1900 || y > this_year)
    return SMT_IMPORT_DATE_OUT_OF_RANGE;
  *year = y;
  return SMT_IMPORT_DATE_YEAR;
}

/* "05021980" or "5021980": a date typed without separators. */
static SmtImportDate
packed_date (gint64 v,
             int    this_year,
             char   iso[11],
             int   *year)
{
  return full_date ((int) (v % 10000), (int) (v / 10000 % 100), (int) (v / 1000000),
                    this_year, iso, year);
}

static SmtImportDate
date_from_numbers (const gint64 *num,
                   const int    *len,
                   guint         n,
                   int           this_year,
                   char          iso[11],
                   int          *year)
{
  switch (n)
    {
    case 1:
      if (len[0] == 4)
        return year_only ((int) num[0], this_year, year);
      if (len[0] == 8 || len[0] == 7)
        return packed_date (num[0], this_year, iso, year);
      return len[0] == 2 ? SMT_IMPORT_DATE_TWO_DIGIT : SMT_IMPORT_DATE_BAD;
    case 2:
      /* "02/2020": the month is dropped, the year kept. */
      if (num[0] < 1 || num[0] > 12 || len[0] > 2)
        return SMT_IMPORT_DATE_BAD;
      if (len[1] == 4)
        return year_only ((int) num[1], this_year, year);
      return len[1] == 2 ? SMT_IMPORT_DATE_TWO_DIGIT : SMT_IMPORT_DATE_BAD;
    case 3:
      if (len[0] == 4 && len[1] <= 2 && len[2] <= 2)
        return full_date ((int) num[0], (int) num[1], (int) num[2], this_year, iso, year);
      if (len[0] > 2 || len[1] > 2)
        return SMT_IMPORT_DATE_BAD;
      if (len[2] == 4)
        return full_date ((int) num[2], (int) num[1], (int) num[0], this_year, iso, year);
      if (len[2] == 2 && g_date_valid_dmy ((int) num[0], (int) num[1], 2000))
        return SMT_IMPORT_DATE_TWO_DIGIT;
      return SMT_IMPORT_DATE_BAD;
    default:
      return SMT_IMPORT_DATE_BAD;
    }
}

static SmtImportDate
date_from_text (const char *text,
                int         this_year,
                char        iso[11],
                int        *year)
{
  gint64 num[3];
  int len[3];
  guint n = 0;
  gboolean words = FALSE;

  /* Most dates are digits and separators: read them without folding. */
  for (const char *p = text; *p; )
    {
      if (g_ascii_isdigit (*p))
        {
          gint64 v = 0;
          int k = 0;

          while (g_ascii_isdigit (*p) && k < 12)
            v = v * 10 + (*p++ - '0'), k++;
          if (n == 3 || g_ascii_isdigit (*p))
            return SMT_IMPORT_DATE_BAD;
          num[n] = v;
          len[n++] = k;
        }
      else if (strchr ("/-., '", *p) || *p == '\t')
        p++;
      else
        {
          words = TRUE;
          break;
        }
    }
  if (words)
    {
      /* "năm 2020", "ngày 5 tháng 2 năm 2020", "tháng 2/2020". */
      g_autofree char *w = smt_import_fold_words (text);
      g_auto(GStrv) parts = g_strsplit (w, " ", -1);
      static const char *const known[] = { "ngay", "thang", "nam", "ng", "th", NULL };

      n = 0;
      for (guint i = 0; parts[i]; i++)
        {
          if (g_strv_contains (known, parts[i]) || parts[i][0] == '\0')
            continue;
          for (const char *q = parts[i]; *q; q++)
            if (!g_ascii_isdigit (*q))
              return SMT_IMPORT_DATE_BAD;
          if (n == 3 || strlen (parts[i]) > 12)
            return SMT_IMPORT_DATE_BAD;
          num[n] = g_ascii_strtoll (parts[i], NULL, 10);
          len[n++] = (int) strlen (parts[i]);
        }
    }
  if (n == 0)
    return SMT_IMPORT_DATE_BAD;
  return date_from_numbers (num, len, n, this_year, iso, year);
}

SmtImportDate
smt_import_read_date (const SmtCell *cell,
                      int            this_year,
                      char           iso[11],
                      int           *year)
{
  int y, m, d;

  g_return_val_if_fail (cell != NULL && iso != NULL && year != NULL, SMT_IMPORT_DATE_BAD);

  iso[0] = '\0';
  *year = 0;
  switch (cell->kind)
    {
    case SMT_CELL_EMPTY:
      return SMT_IMPORT_DATE_NONE;
    case SMT_CELL_DATE:
      if (!serial_to_date (cell->number, &y, &m, &d))
        return SMT_IMPORT_DATE_OUT_OF_RANGE;
      return full_date (y, m, d, this_year, iso, year);
    case SMT_CELL_NUMBER:
      {
        double v = cell->number;
        gint64 today = days_from_civil (this_year + 1, 1, 1) + 25569;

        if (!isfinite (v) || v != floor (v) || v < 0)
          return SMT_IMPORT_DATE_BAD;
        if (v >= 1900 && v <= this_year)
          return year_only ((int) v, this_year, year);
        if (v >= 1000000 && v < 100000000)
          return packed_date ((gint64) v, this_year, iso, year);
        /* A date whose cell lost its date format. */
        if (v >= MIN_SERIAL && v < today && serial_to_date (v, &y, &m, &d))
          return full_date (y, m, d, this_year, iso, year);
        if (v >= 10 && v < 100)
          return SMT_IMPORT_DATE_TWO_DIGIT;
        return SMT_IMPORT_DATE_OUT_OF_RANGE;
      }
    case SMT_CELL_TEXT:
      {
        const char *p = cell->text;

        while (g_ascii_isspace (*p))
          p++;
        if (*p == '\0')
          return SMT_IMPORT_DATE_NONE;
        return date_from_text (p, this_year, iso, year);
      }
    default:
      return SMT_IMPORT_DATE_BAD;
    }
}

/* ---- cells as text ---- */

static gboolean
cell_is_blank (const SmtCell *cell)
{
  if (cell->kind == SMT_CELL_EMPTY)
    return TRUE;
  if (cell->kind != SMT_CELL_TEXT)
    return FALSE;
  for (const guchar *p = (const guchar *) cell->text; *p; p++)
    {
      if (*p == 0xC2 && p[1] == 0xA0)
        {
          p++;
          continue;
        }
      if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return TRUE;
}

/* A cell's value as text: NFC, trimmed; whole numbers without ".0";
 * dates as 05/02/2026. NULL when empty. */
static char *
cell_string (const SmtCell *cell)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int y, m, d;

  switch (cell->kind)
    {
    case SMT_CELL_TEXT:
    case SMT_CELL_ERROR:
      {
        char *text = smt_import_clean_text (cell->text);

        if (text && text[0] == '\0')
          g_clear_pointer (&text, g_free);
        return text;
      }
    case SMT_CELL_NUMBER:
      if (isfinite (cell->number) && cell->number == floor (cell->number)
          && fabs (cell->number) < 1e15)
        return g_strdup_printf ("%.0f", cell->number);
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", cell->number));
    case SMT_CELL_DATE:
      if (serial_to_date (cell->number, &y, &m, &d))
        return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", cell->number));
    case SMT_CELL_BOOL:
      return g_strdup (cell->number != 0 ? "x" : "");
    default:
      return NULL;
    }
}

/* An "x" mark: x, X, ✓, ✔, √, có, 1, TRUE. */
static gboolean
is_mark (const SmtCell *cell)
{
  static const char *const marks[] = { "x", "v", "co", "1", "dv", "dang vien", "yes", "true",
                                       NULL };
  g_autofree char *w = NULL;

  if (cell->kind == SMT_CELL_BOOL)
    return cell->number != 0;
  if (cell->kind == SMT_CELL_NUMBER)
    return cell->number == 1;
  if (cell->kind != SMT_CELL_TEXT)
    return FALSE;
  if (cell->text[0] != '\0' && cell->text[1] == '\0')
    return cell->text[0] == 'x' || cell->text[0] == 'X' || cell->text[0] == 'v'
           || cell->text[0] == 'V' || cell->text[0] == '1';
  if (strstr (cell->text, "✓") || strstr (cell->text, "✔") || strstr (cell->text, "√")
      || strstr (cell->text, "☑"))
    return TRUE;
  w = smt_import_fold_words (cell->text);
  return g_strv_contains (marks, w);
}

static gboolean
is_no_mark (const SmtCell *cell)
{
  static const char *const nos[] = { "khong", "0", "false", "no", "", NULL };
  g_autofree char *w = NULL;

  if (cell->kind == SMT_CELL_BOOL || cell->kind == SMT_CELL_NUMBER)
    return cell->number == 0;
  if (cell->kind != SMT_CELL_TEXT)
    return FALSE;
  w = smt_import_fold_words (cell->text);
  return g_strv_contains (nos, w);
}

/* ---- one row ---- */

typedef struct {
  const SmtSheet         *sheet;
  const SmtSheetLayout   *layout;
  const SmtImportMapping *mapping;
  int                     this_year;
  SmtImportField         *fields;     /* layout->n_cols */
} Reader;

/* What a column is called in a problem: its header as the sheet writes it,
 * else the field's label. */
static const char *
column_label (const Reader *rd,
              guint         col)
{
  const char *h = col < rd->layout->n_cols ? rd->layout->headers[col] : NULL;

  return h && h[0] ? h : smt_import_field_label (rd->fields[col]);
}

static void
add_problem (SmtImportRow *row,
             char         *problem)
{
  g_ptr_array_add (row->problems, problem);
}

/* Reads a date cell into iso/year, or says what is wrong with it. */
static SmtImportDate
read_date_cell (const Reader  *rd,
                SmtImportRow  *row,
                guint          col,
                const SmtCell *cell,
                char           iso[11],
                int           *year)
{
  SmtImportDate kind = smt_import_read_date (cell, rd->this_year, iso, year);
  g_autofree char *shown = NULL;

  if (kind == SMT_IMPORT_DATE_NONE || kind == SMT_IMPORT_DATE_FULL
      || kind == SMT_IMPORT_DATE_YEAR)
    return kind;
  shown = cell_string (cell);
  switch (kind)
    {
    case SMT_IMPORT_DATE_TWO_DIGIT:
      add_problem (row, g_strdup_printf (_("%s “%s” has a two-digit year: write the year in "
                                           "full (for example 1985)."),
                                         column_label (rd, col), shown ? shown : ""));
      break;
    case SMT_IMPORT_DATE_OUT_OF_RANGE:
      add_problem (row, g_strdup_printf (_("%s “%s” is not between 1900 and %d."),
                                         column_label (rd, col), shown ? shown : "",
                                         rd->this_year));
      break;
    default:
      add_problem (row, g_strdup_printf (_("%s “%s” cannot be read (write it as 05/02/2020 "
                                           "or the year 2020)."),
                                         column_label (rd, col), shown ? shown : ""));
      break;
    }
  iso[0] = '\0';
  *year = 0;
  return SMT_IMPORT_DATE_BAD;
}

static void
set_first (char **field,
           char  *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free (value);
}

static void
append_to (char       **field,
           char        *value,
           const char  *sep)
{
  if (*field == NULL)
    *field = value;
  else
    {
      char *joined = g_strconcat (*field, sep, value, NULL);

      g_free (*field);
      g_free (value);
      *field = joined;
    }
}

static char *
read_cccd (const Reader  *rd,
           SmtImportRow  *row,
           const SmtCell *cell)
{
  if (cell->kind == SMT_CELL_NUMBER)
    {
      char digits[32];

      if (!isfinite (cell->number) || cell->number < 0 || cell->number != floor (cell->number)
          || cell->number >= 1e18)
        {
          g_autofree char *shown = cell_string (cell);

          add_problem (row, g_strdup_printf (_("The CCCD number “%s” is not a whole number."),
                                             shown));
          return NULL;
        }
      g_snprintf (digits, sizeof digits, "%.0f", cell->number);
      if (strlen (digits) == 11)
        {
          /* A CCCD starts with 0 (the province code); a number cell drops it. */
          add_problem (row, g_strdup_printf (_("The CCCD number %s was typed in a number cell, "
                                               "which dropped its first 0 (11 digits left): "
                                               "type it as text, for example “0%s”."),
                                             digits, digits));
          return NULL;
        }
      return g_strdup (digits);
    }
  else
    {
      g_autofree char *text = cell_string (cell);
      GString *out;

      (void) rd;
      if (text == NULL)
        return NULL;
      out = g_string_sized_new (strlen (text));
      for (const char *p = text; *p; p++)
        {
          if (g_ascii_isdigit (*p))
            g_string_append_c (out, *p);
          else if (!strchr (" .-'", *p))
            {
              /* not only digits and separators: kept as written, the plan
               * names what is wrong */
              g_string_free (out, TRUE);
              return g_steal_pointer (&text);
            }
        }
      return g_string_free (out, FALSE);
    }
}

static char *
read_phone (const SmtCell *cell)
{
  g_autofree char *text = cell_string (cell);
  GString *out;

  if (text == NULL)
    return NULL;
  /* A number cell drops the leading 0 of "0912345678". */
  if (cell->kind == SMT_CELL_NUMBER && strlen (text) == 9)
    return g_strconcat ("0", text, NULL);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && out->len == 0))
        g_string_append_c (out, *p);
      else if (!strchr (" .-()", *p))
        {
          g_string_free (out, TRUE);
          return g_steal_pointer (&text);
        }
    }
  return g_string_free (out, FALSE);
}

/* The name's parts as the columns gave them. */
typedef struct {
  char *full;
  char *ho_lot;
  char *ho;
  char *lot;
  char *ten;
} NameCells;

static void
name_cells_clear (NameCells *n)
{
  g_free (n->full);
  g_free (n->ho_lot);
  g_free (n->ho);
  g_free (n->lot);
  g_free (n->ten);
}

static void
read_name (SmtImportRow *row,
           NameCells    *n)
{
  if (n->full != NULL)
    {
      g_autofree char *fixed = smt_name_fix_case (n->full);

      row->full_name = g_strdup (n->full);
      if (!smt_name_split (fixed, &row->ho, &row->chu_lot, &row->ten))
        add_problem (row, g_strdup_printf (_("The name “%s” has only one word: write the "
                                             "family name too (for example “Nguyễn Văn An”)."),
                                           n->full));
      return;
    }
  if (n->ho_lot == NULL && n->ho == NULL && n->lot == NULL && n->ten == NULL)
    {
      add_problem (row, g_strdup (_("The row has no name.")));
      return;
    }

  {
    GString *full = g_string_new (NULL);
    char *parts[] = { n->ho_lot, n->ho, n->lot, n->ten };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i])
        g_string_append_printf (full, "%s%s", full->len ? " " : "", parts[i]);
    row->full_name = g_string_free (full, FALSE);
  }
  if (n->ho_lot != NULL)
    {
      g_autofree char *fixed = smt_name_fix_case (n->ho_lot);

      smt_name_split_ho (fixed, &row->ho, &row->chu_lot);
    }
  if (n->ho != NULL)
    {
      g_free (row->ho);
      row->ho = smt_name_fix_case (n->ho);
    }
  if (n->lot != NULL)
    {
      g_free (row->chu_lot);
      row->chu_lot = smt_name_fix_case (n->lot);
    }
  if (n->ten != NULL)
    {
      g_autofree char *fixed = smt_name_fix_case (n->ten);
      char *space = strrchr (fixed, ' ');

      /* "Thị Lan" under Tên: the tên is one word, the rest is chữ lót. */
      if (space != NULL)
        {
          *space = '\0';
          append_to (&row->chu_lot, g_strdup (fixed), " ");
          row->ten = g_strdup (space + 1);
        }
      else
        row->ten = g_steal_pointer (&fixed);
    }
  if (row->ho == NULL)
    add_problem (row, g_strdup_printf (_("The name “%s” has no family name (họ)."),
                                       row->full_name));
  if (row->ten == NULL)
    add_problem (row, g_strdup_printf (_("The name “%s” has no given name (tên)."),
                                       row->full_name));
}

static char
sex_of_words (const char *w)
{
  static const char *const men[] = { "nam", "m", "male", "trai", NULL };
  static const char *const women[] = { "nu", "f", "female", "gai", NULL };

  if (g_strv_contains (men, w))
    return 'M';
  if (g_strv_contains (women, w))
    return 'F';
  return 0;
}

static SmtImportRow *
read_row (const Reader *rd,
          guint         r)
{
  SmtImportRow *row = smt_import_row_new (r + 1);
  const SmtSheet *sheet = rd->sheet;
  NameCells names = { 0 };
  char birth_iso[11] = "";
  int birth_year = 0;
  int year_men = 0, year_women = 0;
  char iso_men[11] = "", iso_women[11] = "";
  gboolean mark_men = FALSE, mark_women = FALSE;
  char sex = 0;
  gboolean sex_conflict = FALSE;
  GArray *cells = g_ptr_array_index (sheet->rows, r);

  for (guint c = 0; c < cells->len && c < rd->layout->n_cols; c++)
    {
      const SmtCell *cell = &g_array_index (cells, SmtCell, c);
      SmtImportField f = rd->fields[c];
      char iso[11];
      int year;

      if (f == SMT_IMPORT_FIELD_IGNORE || f == SMT_IMPORT_FIELD_STT || cell_is_blank (cell))
        continue;
      if (cell->kind == SMT_CELL_ERROR)
        {
          g_autofree char *where = smt_import_column_name (c);

          add_problem (row, g_strdup_printf (_("Cell %s%u holds the error “%s”."), where,
                                             r + 1, cell->text ? cell->text : ""));
          continue;
        }
      switch (f)
        {
        case SMT_IMPORT_FIELD_FULL_NAME:
          set_first (&names.full, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_HO_CHU_LOT:
          set_first (&names.ho_lot, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_HO:
          set_first (&names.ho, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_CHU_LOT:
          set_first (&names.lot, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_TEN:
          set_first (&names.ten, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_BIRTH_YEAR:
        case SMT_IMPORT_FIELD_BIRTH_DATE:
          if (read_date_cell (rd, row, c, cell, iso, &year) != SMT_IMPORT_DATE_BAD
              && birth_year == 0)
            {
              birth_year = year;
              memcpy (birth_iso, iso, sizeof iso);
            }
          break;
        case SMT_IMPORT_FIELD_BIRTH_YEAR_MALE:
        case SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE:
          {
            gboolean men = f == SMT_IMPORT_FIELD_BIRTH_YEAR_MALE;

            /* An "x" under Nam or Nữ says the sex without a year. */
            if (is_mark (cell) && !(cell->kind == SMT_CELL_NUMBER))
              *(men ? &mark_men : &mark_women) = TRUE;
            else if (read_date_cell (rd, row, c, cell, iso, &year) != SMT_IMPORT_DATE_BAD)
              {
                *(men ? &year_men : &year_women) = year;
                memcpy (men ? iso_men : iso_women, iso, sizeof iso);
                *(men ? &mark_men : &mark_women) = TRUE;
              }
            else
              *(men ? &mark_men : &mark_women) = TRUE;
          }
          break;
        case SMT_IMPORT_FIELD_SEX:
          {
            g_autofree char *w = smt_import_fold_words (cell->kind == SMT_CELL_TEXT
                                                        ? cell->text : "");
            char s = sex_of_words (w);

            if (s == 0 && is_mark (cell))
              {
                /* "x" in a column headed "Nữ" mapped to Sex. */
                g_autofree char *h = smt_import_fold_words (rd->layout->headers[c]);
                const char *last = strrchr (h, ' ');

                s = sex_of_words (last ? last + 1 : h);
              }
            if (s == 0)
              {
                g_autofree char *shown = cell_string (cell);

                add_problem (row, g_strdup_printf (_("%s “%s” is neither Nam nor Nữ."),
                                                   column_label (rd, c), shown));
              }
            else if (sex != 0 && sex != s)
              sex_conflict = TRUE;
            else
              sex = s;
          }
          break;
        case SMT_IMPORT_FIELD_HAMLET:
          set_first (&row->hamlet, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_ADDRESS:
          append_to (&row->address, cell_string (cell), ", ");
          break;
        case SMT_IMPORT_FIELD_CCCD:
          if (row->cccd == NULL)
            row->cccd = read_cccd (rd, row, cell);
          break;
        case SMT_IMPORT_FIELD_PHONE:
          set_first (&row->phone, read_phone (cell));
          break;
        case SMT_IMPORT_FIELD_ROLE:
          set_first (&row->role, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_ETHNICITY:
          set_first (&row->ethnicity, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_RELIGION:
          set_first (&row->religion, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_BRANCH:
          set_first (&row->branch, cell_string (cell));
          break;
        case SMT_IMPORT_FIELD_NOTE:
          append_to (&row->note, cell_string (cell), "; ");
          break;
        case SMT_IMPORT_FIELD_JOINED_ON:
          switch (read_date_cell (rd, row, c, cell, iso, &year))
            {
            case SMT_IMPORT_DATE_FULL:
              set_first (&row->joined_on, g_strdup (iso));
              if (row->joined_year == 0)
                row->joined_year = year;
              break;
            case SMT_IMPORT_DATE_YEAR:
              if (row->joined_year == 0)
                row->joined_year = year;
              break;
            default:
              break;
            }
          break;
        case SMT_IMPORT_FIELD_PARTY_MEMBER:
          if (is_mark (cell))
            row->party_member = TRUE;
          else if (!is_no_mark (cell))
            {
              SmtImportDate kind = smt_import_read_date (cell, rd->this_year, iso, &year);

              if (kind == SMT_IMPORT_DATE_FULL || kind == SMT_IMPORT_DATE_YEAR)
                {
                  row->party_member = TRUE;
                  if (kind == SMT_IMPORT_DATE_FULL)
                    set_first (&row->party_since, g_strdup (iso));
                }
              else if (kind == SMT_IMPORT_DATE_TWO_DIGIT
                       || kind == SMT_IMPORT_DATE_OUT_OF_RANGE)
                {
                  row->party_member = TRUE;
                  read_date_cell (rd, row, c, cell, iso, &year);
                }
              else
                {
                  g_autofree char *shown = cell_string (cell);

                  add_problem (row, g_strdup_printf (_("%s “%s” is neither an x mark nor a "
                                                       "date."), column_label (rd, c), shown));
                }
            }
          break;
        default:
          break;
        }
    }

  read_name (row, &names);
  name_cells_clear (&names);

  /* Nam / Nữ columns */
  if (mark_men && mark_women)
    add_problem (row, g_strdup (_("The row has a year of birth under both Nam and Nữ: keep "
                                  "it in one of them.")));
  else if (mark_men || mark_women)
    {
      char s = mark_men ? 'M' : 'F';
      int y = mark_men ? year_men : year_women;
      const char *iso = mark_men ? iso_men : iso_women;

      if (sex != 0 && sex != s)
        sex_conflict = TRUE;
      sex = s;
      if (y != 0 && birth_year == 0)
        {
          birth_year = y;
          memcpy (birth_iso, iso, sizeof birth_iso);
        }
      else if (y != 0 && y != birth_year)
        add_problem (row, g_strdup_printf (_("The date of birth and the year of birth (%d) "
                                             "disagree. Correct one of them."), y));
    }
  if (sex_conflict)
    {
      add_problem (row, g_strdup (_("The sex column and the Nam / Nữ columns disagree.")));
      sex = 0;
    }
  row->sex = sex;
  row->birth_year = birth_year;
  if (birth_iso[0])
    row->birth_date = g_strdup (birth_iso);

  if (row->hamlet == NULL && rd->layout->row_groups[r] != NULL)
    row->hamlet = g_strdup (rd->layout->row_groups[r]);
  return row;
}

GPtrArray *
smt_import_read_rows (const SmtSheet          *sheet,
                      const SmtSheetLayout    *layout,
                      const SmtImportMapping  *mapping,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree SmtImportField *fields = NULL;
  Reader rd;

  g_return_val_if_fail (sheet != NULL && layout != NULL && mapping != NULL, NULL);
  g_return_val_if_fail (layout->n_rows == sheet->n_rows && layout->n_cols == sheet->n_cols,
                        NULL);

  fields = g_new0 (SmtImportField, layout->n_cols + 1);
  for (guint c = 0; c < layout->n_cols; c++)
    fields[c] = smt_import_mapping_field (mapping, c);
  rd.sheet = sheet;
  rd.layout = layout;
  rd.mapping = mapping;
  rd.fields = fields;
  rd.this_year = g_date_time_get_year (now);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) smt_import_row_free);
  for (guint r = layout->first_data_row; r < layout->n_rows; r++)
    {
      if ((r - layout->first_data_row) % CANCEL_EVERY == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (layout->row_kinds[r] == SMT_SHEET_ROW_DATA)
        g_ptr_array_add (rows, read_row (&rd, r));
    }
  return g_steal_pointer (&rows);
}
