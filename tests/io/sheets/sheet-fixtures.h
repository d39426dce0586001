/* sheet-fixtures.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Spreadsheets the tests and the benchmark make themselves, every name in
 * them invented. */

/* TCVN3 (ABC) as Excel shows it in a .VnTime cell: "Nguyễn Văn An" is the
 * bytes 4E 67 75 79 D4 6E 20 56 A8 6E 20 41 6E, each byte read as its
 * Windows-1252 character. VNI-Windows: "Nguyễn Văn Bình" is
 * "Nguye\xE3n Va\xEAn Bi\xF8nh" likewise. Both in UTF-8 here. */
#define FIXTURE_TCVN3_NAME "Nguy\xC3\x94n V\xC2\xA8n An"
#define FIXTURE_VNI_NAME   "Nguye\xC3\xA3n Va\xC3\xAAn Bi\xC3\xB8nh"

/* A member list as offices keep it, in libxlsxwriter: on sheet "Danh sách"
 * a title block (A1:G1, A2:G2 merged), a header over two rows (row 4:
 * STT, Họ và tên, Năm sinh over C4:D4 with Nam / Nữ below in row 5, Ngày
 * vào hội, Ghi chú, Số tiền), a hamlet row ("Ấp Tân Hòa", row 6) then
 * members: real dates in a dd/mm/yyyy format and in built-in format 14,
 * dates as text, years only, a .VnTime cell in TCVN3, a VNI-Times cell,
 * a rich string whose first run is .VnTime in an Arial cell, a boolean, a
 * formula with a text result, a time (h:mm, a number, not a date), a
 * number format with a quoted "d" (not a date). Two more sheets:
 * "Ấp Bình An" with two rows, and "Trống" empty. */
gboolean  fixture_write_sample_xlsx      (const char *path);

/* The 30.000-row member list of the benchmark: a title block, a two-row
 * Nam/Nữ header, a hamlet group row every 250 members, 12 columns
 * (STT, Họ và tên, Nam, Nữ, Ấp, Địa chỉ, Ngày vào hội (a date), CCCD,
 * Số điện thoại, Dân tộc, Tôn giáo, Ghi chú). @n_members rows of members. */
gboolean  fixture_write_member_list_xlsx (const char *path,
                                          guint       n_members);

/* An .xlsx written by hand (zip of XML parts, no libxlsxwriter), to test
 * what libxlsxwriter never writes: rows and cells without r attributes,
 * inline strings with runs, t="str", t="e", t="b", phonetic runs,
 * _x000D_ escapes, a sheet part named by an absolute target. With
 * @cut_sheet the sheet's XML stops in the middle of a row. */
GBytes   *fixture_handmade_xlsx          (gboolean    cut_sheet);

/* A BIFF8 workbook in an OLE2 container ("Workbook" stream), written by
 * hand: sheets "Hội viên" and "Ấp 2"; an SST with a Unicode name, a
 * TCVN3-typed name and a header; NUMBER cells, one with an XF of date
 * format 14 (01/05/2020, serial 43952). */
GBytes   *fixture_xls                    (void);

/* One cell of fixture_xls_sheet (): text (in the SST), or a number,
 * shown as a date (dd/mm/yyyy) when date is set. */
typedef struct
{
  guint       row, col;
  const char *text;
  double      number;
  gboolean    date;
} FixtureCell;

/* A BIFF8 workbook of one sheet holding cells (any order, each once). */
GBytes   *fixture_xls_sheet              (const char        *sheet_name,
                                          const FixtureCell *cells,
                                          guint              n_cells);

/* An OpenDocument spreadsheet (mimetype stored first): tables "Danh sách"
 * and "Khác"; repeated and spanned cells, a date, a percentage, a boolean,
 * two paragraphs in a cell, text:s spaces, a trailing empty row repeated
 * a million times and cells repeated 16.000 times. */
GBytes   *fixture_ods                    (void);

G_END_DECLS
