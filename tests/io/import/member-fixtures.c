/* member-fixtures.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <xlsxwriter.h>

#include "io/sheets/legacy-encode.h"
#include "io/sheets/sheet-fixtures.h"
#include "member-fixtures.h"

const MemberFixture member_fixtures[N_MEMBER_FIXTURES] = {
  { "Nguyễn Văn An", "Nguyễn", "Văn", "An", 'M', 1980, "Tân Hòa", "12 tổ 1",
    2020, 3, 15, "2020-03-15" },
  { "Nguyễn Thị Hoa", "Nguyễn", "Thị", "Hoa", 'F', 1984, "Tân Hòa", "12 tổ 1",
    2020, 3, 15, "2020-03-15" },
  { "Tôn Nữ Minh Châu", "Tôn Nữ", "Minh", "Châu", 'F', 1990, "Tân Hòa", "40 tổ 2",
    2018, 0, 0, "2018-01-01" },
  { "Trần Văn Cường", "Trần", "Văn", "Cường", 'M', 1975, "Tân Hòa", "7 tổ 3",
    2019, 6, 1, "2019-06-01" },
  { "Lê Thị Lan", "Lê", "Thị", "Lan", 'F', 1988, "Bình An", "5 tổ 4",
    2021, 10, 20, "2021-10-20" },
  { "Phạm Văn Dũng", "Phạm", "Văn", "Dũng", 'M', 1970, "Bình An", "9 tổ 4",
    2015, 5, 5, "2015-05-05" },
  { "Võ Thị Mai", "Võ", "Thị", "Mai", 'F', 1995, "Bình An", "21 tổ 5",
    2022, 2, 11, "2022-02-11" },
  { "Huỳnh Văn Sơn", "Huỳnh", "Văn", "Sơn", 'M', 1982, "Bình An", "3 tổ 6",
    2022, 12, 12, "2022-12-12" },
};

static const char *const format_names[N_MEMBERS_FORMATS] = {
  [MEMBERS_XLSX] = "xlsx",
  [MEMBERS_XLS] = "xls",
  [MEMBERS_CSV_CP1258] = "cp1258.csv",
  [MEMBERS_CSV_TCVN3] = "tcvn3.csv",
  [MEMBERS_CSV_VNI] = "vni.csv",
  [MEMBERS_XLSX_TCVN3] = "vntime.xlsx",
  [MEMBERS_XLSX_VNI] = "vni-times.xlsx",
  [MEMBERS_UTF16] = "unicode.txt",
};

const char *
members_format_name (MembersFormat format)
{
  return format_names[format];
}

/* ---- a flat grid ---------------------------------------------------------------- */

typedef enum { CELL_TEXT, CELL_NUMBER, CELL_DATE } CellKind;

typedef struct
{
  guint     row, col;
  CellKind  kind;
  char     *text;            /* UTF-8 */
  double    number;          /* a number, or a date's Excel serial */
  int       y, m, d;         /* a date */
} GridCell;

static void
grid_cell_clear (gpointer p)
{
  g_free (((GridCell *) p)->text);
}

static void
put_text (GArray     *grid,
          guint       row,
          guint       col,
          const char *text)
{
  GridCell c = { row, col, CELL_TEXT, g_strdup (text), 0, 0, 0, 0 };

  g_array_append_val (grid, c);
}

static void
put_number (GArray *grid,
            guint   row,
            guint   col,
            double  number)
{
  GridCell c = { row, col, CELL_NUMBER, NULL, number, 0, 0, 0 };

  g_array_append_val (grid, c);
}

static void
put_date (GArray *grid,
          guint   row,
          guint   col,
          int     y,
          int     m,
          int     d)
{
  g_autoptr(GDate) epoch = g_date_new_dmy (30, G_DATE_DECEMBER, 1899);
  g_autoptr(GDate) date = g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
  GridCell c = { row, col, CELL_DATE, NULL, g_date_days_between (epoch, date), y, m, d };

  g_array_append_val (grid, c);
}

/* The flat list: a title, a blank row, the header on row 2, members from
 * row 3. */
static GArray *
flat_grid (const guint *which,
           guint        n)
{
  GArray *grid = g_array_new (FALSE, FALSE, sizeof (GridCell));
  static const char *const headers[] = {
    "STT", "Họ và tên", "Nam", "Nữ", "Tên ấp", "Địa chỉ", "Ngày vào hội",
  };

  g_array_set_clear_func (grid, grid_cell_clear);
  put_text (grid, 0, 0, "Danh sách hội viên Hội Nông dân");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    put_text (grid, 2, c, headers[c]);
  for (guint i = 0; i < n; i++)
    {
      const MemberFixture *m = &member_fixtures[which[i]];
      guint r = 3 + i;

      put_number (grid, r, 0, i + 1);
      put_text (grid, r, 1, m->full_name);
      put_number (grid, r, m->sex == 'M' ? 2 : 3, m->birth_year);
      put_text (grid, r, 4, m->hamlet);
      put_text (grid, r, 5, m->address);
      if (m->joined_m == 0)
        put_number (grid, r, 6, m->joined_y);
      else
        put_date (grid, r, 6, m->joined_y, m->joined_m, m->joined_d);
    }
  return grid;
}

/* ---- text files ----------------------------------------------------------------- */

/* The grid as lines of UTF-8 text, fields joined by sep. */
static char *
grid_text (GArray     *grid,
           const char *sep)
{
  GString *out = g_string_new (NULL);
  guint n_rows = 0, n_cols = 0;

  for (guint i = 0; i < grid->len; i++)
    {
      GridCell *c = &g_array_index (grid, GridCell, i);

      n_rows = MAX (n_rows, c->row + 1);
      n_cols = MAX (n_cols, c->col + 1);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      for (guint col = 0; col < n_cols; col++)
        {
          if (col > 0)
            g_string_append (out, sep);
          for (guint i = 0; i < grid->len; i++)
            {
              GridCell *c = &g_array_index (grid, GridCell, i);

              if (c->row != r || c->col != col)
                continue;
              if (c->kind == CELL_TEXT)
                g_string_append (out, c->text);
              else if (c->kind == CELL_NUMBER)
                g_string_append_printf (out, "%g", c->number);
              else
                g_string_append_printf (out, "%02d/%02d/%04d", c->d, c->m, c->y);
            }
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* ---- .xlsx ---------------------------------------------------------------------- */

/* The flat grid in libxlsxwriter, every cell in font, its text encoded
 * as that font's keyboard typed it. */
static gboolean
write_flat_xlsx (const char   *path,
                 GArray       *grid,
                 const char   *font,
                 TestEncoding  enc)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws;
  lxw_format *text, *date;

  if (wb == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, "Danh sach");
  text = workbook_add_format (wb);
  format_set_font_name (text, font);
  date = workbook_add_format (wb);
  format_set_font_name (date, font);
  format_set_num_format (date, "dd/mm/yyyy");
  for (guint i = 0; i < grid->len; i++)
    {
      GridCell *c = &g_array_index (grid, GridCell, i);

      if (c->kind == CELL_TEXT)
        {
          g_autofree char *typed = legacy_encode (c->text, enc);

          g_assert (typed != NULL);
          worksheet_write_string (ws, c->row, (lxw_col_t) c->col, typed, text);
        }
      else if (c->kind == CELL_NUMBER)
        worksheet_write_number (ws, c->row, (lxw_col_t) c->col, c->number, text);
      else
        {
          lxw_datetime dt = { c->y, c->m, c->d, 0, 0, 0 };

          worksheet_write_datetime (ws, c->row, (lxw_col_t) c->col, &dt, date);
        }
    }
  return workbook_close (wb) == LXW_NO_ERROR;
}

/* The list as offices lay it out: a merged title block, "Năm sinh" over
 * "Nam" and "Nữ", every other header merged over both rows, a group row
 * before each hamlet's members, and a total row under them. */
static gboolean
write_titled_xlsx (const char  *path,
                   const guint *which,
                   guint        n)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws;
  lxw_format *bold, *date;
  lxw_row_t row = 5;
  const char *hamlet = NULL;
  guint men = 0, women = 0;

  if (wb == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, "Danh sách");
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  date = workbook_add_format (wb);
  format_set_num_format (date, "dd/mm/yyyy");

  worksheet_merge_range (ws, 0, 0, 0, 6, "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN", bold);
  worksheet_merge_range (ws, 1, 0, 1, 6, "Xã Hòa Điền, năm 2024", NULL);
  worksheet_merge_range (ws, 3, 0, 4, 0, "STT", bold);
  worksheet_merge_range (ws, 3, 1, 4, 1, "Họ và tên", bold);
  worksheet_merge_range (ws, 3, 2, 3, 3, "Năm sinh", bold);
  worksheet_write_string (ws, 4, 2, "Nam", bold);
  worksheet_write_string (ws, 4, 3, "Nữ", bold);
  worksheet_merge_range (ws, 3, 4, 4, 4, "Địa chỉ", bold);
  worksheet_merge_range (ws, 3, 5, 4, 5, "Ngày vào hội", bold);
  worksheet_merge_range (ws, 3, 6, 4, 6, "Ghi chú", bold);
  for (guint i = 0; i < n; i++)
    {
      const MemberFixture *m = &member_fixtures[which[i]];

      if (g_strcmp0 (hamlet, m->hamlet) != 0)
        {
          g_autofree char *group = g_strconcat ("Ấp ", m->hamlet, NULL);

          worksheet_merge_range (ws, row, 0, row, 6, group, bold);
          hamlet = m->hamlet;
          row++;
        }
      worksheet_write_number (ws, row, 0, i + 1, NULL);
      worksheet_write_string (ws, row, 1, m->full_name, NULL);
      worksheet_write_number (ws, row, m->sex == 'M' ? 2 : 3, m->birth_year, NULL);
      worksheet_write_string (ws, row, 4, m->address, NULL);
      if (m->joined_m == 0)
        worksheet_write_number (ws, row, 5, m->joined_y, NULL);
      else
        {
          lxw_datetime dt = { m->joined_y, m->joined_m, m->joined_d, 0, 0, 0 };

          worksheet_write_datetime (ws, row, 5, &dt, date);
        }
      men += m->sex == 'M';
      women += m->sex == 'F';
      row++;
    }
  worksheet_write_string (ws, row, 1, "Tổng cộng", bold);
  worksheet_write_number (ws, row, 2, men, bold);
  worksheet_write_number (ws, row, 3, women, bold);
  return workbook_close (wb) == LXW_NO_ERROR;
}

/* ---- .xls ----------------------------------------------------------------------- */

static GBytes *
flat_xls (GArray *grid)
{
  g_autofree FixtureCell *cells = g_new0 (FixtureCell, grid->len);

  for (guint i = 0; i < grid->len; i++)
    {
      GridCell *c = &g_array_index (grid, GridCell, i);

      cells[i] = (FixtureCell) { c->row, c->col, c->kind == CELL_TEXT ? c->text : NULL,
                                 c->number, c->kind == CELL_DATE };
    }
  return fixture_xls_sheet ("Hội viên", cells, grid->len);
}

/* ---- any ------------------------------------------------------------------------ */

char *
members_write (const char    *dir,
               const char    *name,
               MembersFormat  format,
               const guint   *which,
               guint          n)
{
  static const guint all[N_MEMBER_FIXTURES] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  g_autofree char *file = g_strdup_printf ("%s.%s", name, format_names[format]);
  char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GArray) grid = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;

  if (which == NULL)
    which = all, n = N_MEMBER_FIXTURES;
  if (format == MEMBERS_XLSX)
    {
      g_assert (write_titled_xlsx (path, which, n));
      return path;
    }
  grid = flat_grid (which, n);
  switch (format)
    {
    case MEMBERS_XLS:
      {
        g_autoptr(GBytes) xls = flat_xls (grid);

        g_assert (g_file_set_contents (path, g_bytes_get_data (xls, NULL),
                                       (gssize) g_bytes_get_size (xls), &error));
      }
      break;
    case MEMBERS_XLSX_TCVN3:
      g_assert (write_flat_xlsx (path, grid, ".VnTime", ENC_TCVN3));
      break;
    case MEMBERS_XLSX_VNI:
      g_assert (write_flat_xlsx (path, grid, "VNI-Times", ENC_VNI));
      break;
    case MEMBERS_CSV_CP1258:
    case MEMBERS_CSV_TCVN3:
    case MEMBERS_CSV_VNI:
      text = grid_text (grid, ",");
      bytes = legacy_encode_bytes (text, format == MEMBERS_CSV_CP1258 ? ENC_CP1258
                                         : format == MEMBERS_CSV_TCVN3 ? ENC_TCVN3 : ENC_VNI);
      g_assert (bytes != NULL);
      g_assert (g_file_set_contents (path, bytes, -1, &error));
      break;
    case MEMBERS_UTF16:
      {
        g_autoptr(GByteArray) out = g_byte_array_new ();
        g_autofree char *utf16 = NULL;

        text = grid_text (grid, "\t");
        utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
        g_assert_no_error (error);
        g_byte_array_append (out, (const guint8 *) "\xFF\xFE", 2);
        g_byte_array_append (out, (const guint8 *) utf16, (guint) len);
        g_assert (g_file_set_contents (path, (const char *) out->data, out->len, &error));
      }
      break;
    case MEMBERS_XLSX:
    case N_MEMBERS_FORMATS:
    default:
      g_assert_not_reached ();
    }
  g_assert_no_error (error);
  return path;
}
