/* sheet-fixtures.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <gsf/gsf.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sheet-fixtures.h"

/* .xlsx with libxlsxwriter */

gboolean
fixture_write_sample_xlsx (const char *path)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws, *ws2;
  lxw_format *title, *date_dmy, *date_14, *vntime, *vni, *arial, *time_fmt, *days, *tnr;
  lxw_datetime may_2020 = { 2020, 5, 1, 0, 0, 0 };
  lxw_datetime jan_2018 = { 2018, 1, 2, 0, 0, 0 };
  lxw_rich_string_tuple run1, run2;
  lxw_rich_string_tuple *runs[3] = { &run1, &run2, NULL };

  if (wb == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, "Danh sách");
  ws2 = workbook_add_worksheet (wb, "Ấp Bình An");
  workbook_add_worksheet (wb, "Trống");

  title = workbook_add_format (wb);
  format_set_bold (title);
  date_dmy = workbook_add_format (wb);
  format_set_num_format (date_dmy, "dd/mm/yyyy");
  date_14 = workbook_add_format (wb);
  format_set_num_format_index (date_14, 14);
  vntime = workbook_add_format (wb);
  format_set_font_name (vntime, ".VnTime");
  vni = workbook_add_format (wb);
  format_set_font_name (vni, "VNI-Times");
  arial = workbook_add_format (wb);
  format_set_font_name (arial, "Arial");
  tnr = workbook_add_format (wb);
  format_set_font_name (tnr, "Times New Roman");
  time_fmt = workbook_add_format (wb);
  format_set_num_format (time_fmt, "h:mm");
  days = workbook_add_format (wb);
  format_set_num_format (days, "0\" ngày\"");

  worksheet_merge_range (ws, 0, 0, 0, 6, "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN", title);
  worksheet_merge_range (ws, 1, 0, 1, 6, "Xã Tân Phú, huyện Hòa Bình", title);
  worksheet_merge_range (ws, 3, 0, 4, 0, "STT", title);
  worksheet_merge_range (ws, 3, 1, 4, 1, "Họ và tên", title);
  worksheet_merge_range (ws, 3, 2, 3, 3, "Năm sinh", title);
  worksheet_merge_range (ws, 3, 4, 4, 4, "Ngày vào hội", title);
  worksheet_merge_range (ws, 3, 5, 4, 5, "Ghi chú", title);
  worksheet_merge_range (ws, 3, 6, 4, 6, "Số tiền", title);
  worksheet_write_string (ws, 4, 2, "Nam", title);
  worksheet_write_string (ws, 4, 3, "Nữ", title);
  worksheet_merge_range (ws, 5, 0, 5, 6, "Ấp Tân Hòa", title);

  worksheet_write_number (ws, 6, 0, 1, NULL);
  worksheet_write_string (ws, 6, 1, "Nguyễn Văn An", NULL);
  worksheet_write_number (ws, 6, 2, 1980, NULL);
  worksheet_write_datetime (ws, 6, 4, &may_2020, date_dmy);
  worksheet_write_formula_str (ws, 6, 5, "=\"Tổ \"&\"1\"", NULL, "Tổ 1");
  worksheet_write_number (ws, 6, 6, 3, days);

  worksheet_write_number (ws, 7, 0, 2, NULL);
  worksheet_write_string (ws, 7, 1, "Trần Thị Bình", NULL);
  worksheet_write_number (ws, 7, 3, 1985, NULL);
  worksheet_write_string (ws, 7, 4, "15/03/2019", NULL);
  worksheet_write_boolean (ws, 7, 5, 1, NULL);
  worksheet_write_number (ws, 7, 6, 0.5, time_fmt);

  worksheet_write_number (ws, 8, 0, 3, NULL);
  worksheet_write_string (ws, 8, 1, FIXTURE_TCVN3_NAME, vntime);
  worksheet_write_number (ws, 8, 2, 1979, NULL);
  worksheet_write_datetime (ws, 8, 4, &jan_2018, date_14);

  worksheet_write_number (ws, 9, 0, 4, NULL);
  worksheet_write_string (ws, 9, 1, FIXTURE_VNI_NAME, vni);
  worksheet_write_number (ws, 9, 3, 1990, NULL);

  /* A rich string: the first run's font (.VnTime) wins over the cell's (Arial). */
  run1 = (lxw_rich_string_tuple) { vntime, "L\xC2\xAA " };
  run2 = (lxw_rich_string_tuple) { tnr, "Th\xE1\xBB\x8B C\xC3\xBA\x63" };
  worksheet_write_number (ws, 10, 0, 5, NULL);
  worksheet_write_rich_string (ws, 10, 1, runs, arial);

  worksheet_write_string (ws2, 0, 0, "STT", NULL);
  worksheet_write_string (ws2, 0, 1, "Họ và tên", NULL);
  worksheet_write_number (ws2, 1, 0, 1, NULL);
  worksheet_write_string (ws2, 1, 1, "Lê Văn Dũng", NULL);

  return workbook_close (wb) == LXW_NO_ERROR;
}

static const char *const family[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô",
};
static const char *const middle_m[] = { "Văn", "Hữu", "Minh", "Thanh", "Quốc", "Đức" };
static const char *const middle_f[] = { "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Mỹ" };
static const char *const given_m[] = {
  "An", "Bình", "Cường", "Dũng", "Hải", "Khoa", "Long", "Nam", "Phúc", "Quang", "Sơn", "Tâm",
};
static const char *const given_f[] = {
  "Hoa", "Lan", "Mai", "Ngân", "Oanh", "Phượng", "Quyên", "Trang", "Uyên", "Xuân", "Yến", "Hằng",
};
static const char *const hamlets[] = {
  "Ấp Tân Hòa", "Ấp Bình An", "Ấp Phú Lợi", "Ấp Long Hưng", "Ấp Mỹ Thạnh", "Ấp Hòa Bình",
};
static const char *const religions[] = { "Không", "Phật giáo", "Công giáo", "Cao Đài", "Hòa Hảo" };

gboolean
fixture_write_member_list_xlsx (const char *path,
                                guint       n_members)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws;
  lxw_format *bold, *date;
  static const char *const headers[] = {
    "STT", "Họ và tên", "Năm sinh", NULL, "Ấp", "Địa chỉ", "Ngày vào hội", "CCCD",
    "Số điện thoại", "Dân tộc", "Tôn giáo", "Ghi chú",
  };
  guint row = 5;

  if (wb == NULL)
    return FALSE;
  ws = workbook_add_worksheet (wb, "Hội viên");
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  date = workbook_add_format (wb);
  format_set_num_format (date, "dd/mm/yyyy");

  worksheet_merge_range (ws, 0, 0, 0, 11, "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN XÃ TÂN PHÚ", bold);
  worksheet_merge_range (ws, 1, 0, 1, 11, "(Kèm theo báo cáo năm 2025)", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      if (c == 2)
        worksheet_merge_range (ws, 3, 2, 3, 3, headers[c], bold);
      else if (headers[c] != NULL)
        worksheet_merge_range (ws, 3, c, 4, c, headers[c], bold);
    }
  worksheet_write_string (ws, 4, 2, "Nam", bold);
  worksheet_write_string (ws, 4, 3, "Nữ", bold);

  for (guint i = 0; i < n_members; i++)
    {
      gboolean female = (i * 7 + 3) % 5 < 2;
      char name[128], address[96], cccd[16], phone[16];
      const char *hamlet = hamlets[(i / 250) % G_N_ELEMENTS (hamlets)];
      lxw_datetime joined = { 2000 + (int) (i % 25), 1 + (int) (i % 12), 1 + (int) (i % 28), 0, 0, 0 };

      if (i % 250 == 0)
        {
          worksheet_merge_range (ws, row, 0, row, 11, hamlet, bold);
          row++;
        }
      g_snprintf (name, sizeof name, "%s %s %s", family[(i * 5) % G_N_ELEMENTS (family)],
                  female ? middle_f[(i / 3) % G_N_ELEMENTS (middle_f)]
                         : middle_m[(i / 3) % G_N_ELEMENTS (middle_m)],
                  female ? given_f[(i / 7) % G_N_ELEMENTS (given_f)]
                         : given_m[(i / 7) % G_N_ELEMENTS (given_m)]);
      g_snprintf (address, sizeof address, "Tổ %u, %s", 1 + i % 9, hamlet);
      g_snprintf (cccd, sizeof cccd, "0792%08u", i * 37 % 100000000);
      g_snprintf (phone, sizeof phone, "09%08u", i * 53 % 100000000);
      worksheet_write_number (ws, row, 0, i + 1, NULL);
      worksheet_write_string (ws, row, 1, name, NULL);
      worksheet_write_number (ws, row, female ? 3 : 2, 1950 + (i * 13) % 55, NULL);
      worksheet_write_string (ws, row, 4, hamlet, NULL);
      worksheet_write_string (ws, row, 5, address, NULL);
      worksheet_write_datetime (ws, row, 6, &joined, date);
      worksheet_write_string (ws, row, 7, cccd, NULL);
      worksheet_write_string (ws, row, 8, phone, NULL);
      worksheet_write_string (ws, row, 9, i % 40 == 0 ? "Khmer" : "Kinh", NULL);
      worksheet_write_string (ws, row, 10, religions[i % G_N_ELEMENTS (religions)], NULL);
      if (i % 10 == 0)
        worksheet_write_string (ws, row, 11, "Đảng viên", NULL);
      row++;
    }
  return workbook_close (wb) == LXW_NO_ERROR;
}

/* Zips with GsfOutfileZip */

/* A member by its whole path: GsfOutfileZip names an entry by the path
 * from the root, so "xl/workbook.xml" needs no directory entries. */
static void
put_member (GsfOutfile *zip,
            const char *path,
            const char *text,
            gboolean    stored)
{
  GsfOutput *child;

  if (stored)
    child = gsf_outfile_new_child_full (zip, path, FALSE,
                                        "compression-level", GSF_ZIP_STORED, NULL);
  else
    child = gsf_outfile_new_child (zip, path, FALSE);
  gsf_output_write (child, strlen (text), (const guint8 *) text);
  gsf_output_close (child);
  g_object_unref (child);
}

typedef struct
{
  const char *path;
  const char *text;
} Member;

static GBytes *
zip_bytes (const Member *members,
           guint         n,
           gboolean      first_stored)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  GBytes *bytes;

  g_assert (zip != NULL);
  for (guint i = 0; i < n; i++)
    put_member (zip, members[i].path, members[i].text, first_stored && i == 0);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       (gsize) gsf_output_size (sink));
  /* Closing the archive closed its sink. */
  g_object_unref (sink);
  return bytes;
}

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char handmade_sheet1[] =
  XML_HEAD
  "<worksheet xmlns=\"" NS_MAIN "\"><sheetData>"
  "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\" s=\"3\"><v>2</v></c></row>"
  "<row><c t=\"inlineStr\"><is><r><rPr><rFont val=\".VnTime\"/></rPr><t>L\xC2\xAA</t></r>"
  "<r><t xml:space=\"preserve\"> V\xC2\xA8n</t></r></is></c>"
  "<c s=\"1\"><v>43952</v></c><c s=\"2\"><v>1.5</v></c></row>"
  "<row r=\"5\"><c r=\"B5\" t=\"str\"><f>A1&amp;\"x\"</f><v>H\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAnx</v></c>"
  "<c r=\"D5\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c t=\"b\"><v>1</v></c></row>"
  "<row><c s=\"3\" t=\"inlineStr\"><is><t>Ph\xC2\xB9m</t></is></c><c t=\"s\"><v>3</v></c>"
  "<c t=\"s\"><v>99</v></c><c s=\"1\"/></row>"
  "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:B2\"/><mergeCell ref=\"$D$5\"/>"
  "</mergeCells></worksheet>";

GBytes *
fixture_handmade_xlsx (gboolean cut_sheet)
{
  g_autofree char *sheet1 = g_strndup (handmade_sheet1,
                                       cut_sheet ? strlen (handmade_sheet1) * 3 / 5
                                                 : strlen (handmade_sheet1));
  const Member members[] = {
    { "[Content_Types].xml", XML_HEAD "<Types xmlns=\"http://schemas.openxmlformats.org/"
      "package/2006/content-types\"/>" },
    { "_rels/.rels", XML_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/"
      "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\""
      " Target=\"xl/workbook.xml\"/></Relationships>" },
    { "xl/workbook.xml", XML_HEAD "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\"><sheets>"
      "<sheet name=\"T\xE1\xBB\x9D 1\" sheetId=\"1\" r:id=\"rId1\"/>"
      "<sheet name=\"A &amp; B\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels", XML_HEAD "<Relationships xmlns=\"http://schemas."
      "openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"" NS_REL "/worksheet\""
      " Target=\"worksheets/../worksheets/sheet2.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"" NS_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>"
      "</Relationships>" },
    { "xl/sharedStrings.xml", XML_HEAD "<sst xmlns=\"" NS_MAIN "\" count=\"4\" uniqueCount=\"4\">"
      "<si><t>H\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAn</t></si>"
      "<si><t>L\xC3\xAA</t><rPh sb=\"0\" eb=\"1\"><t>\xE3\x83\xAC</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><r><rPr><b/><rFont val=\"VNI-Times\"/></rPr><t>Nguye\xC3\xA3n</t></r>"
      "<r><rPr><rFont val=\"Arial\"/></rPr><t xml:space=\"preserve\"> An</t></r></si>"
      "<si><t>D\xC3\xB2ng 1_x000D_\nD\xC3\xB2ng 2</t></si></sst>" },
    { "xl/styles.xml", XML_HEAD "<styleSheet xmlns=\"" NS_MAIN "\">"
      "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"[$-42A]dd/mm/yyyy;@\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm:ss\"/></numFmts>"
      "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
      "<font><name val=\".VnTimeH\"/></font></fonts>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\" fontId=\"1\"/></cellStyleXfs>"
      "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\"/><xf numFmtId=\"164\" fontId=\"0\"/>"
      "<xf numFmtId=\"165\" fontId=\"0\"/><xf numFmtId=\"0\" fontId=\"1\"/></cellXfs>"
      "<dxfs count=\"1\"><dxf><font><name val=\"Wrong\"/></font></dxf></dxfs></styleSheet>" },
    { "xl/worksheets/sheet1.xml", sheet1 },
    { "xl/worksheets/sheet2.xml", XML_HEAD "<x:worksheet xmlns:x=\"" NS_MAIN "\"><x:sheetData>"
      "<x:row r=\"1\"><x:c r=\"AB3\"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>" },
  };

  return zip_bytes (members, G_N_ELEMENTS (members), FALSE);
}

#define NS_ODS \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""

GBytes *
fixture_ods (void)
{
  const Member members[] = {
    { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
    { "META-INF/manifest.xml", XML_HEAD "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
      "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" "
      "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
      "</manifest:manifest>" },
    { "content.xml", XML_HEAD "<office:document-content" NS_ODS " office:version=\"1.2\">"
      "<office:body><office:spreadsheet>"
      "<table:table table:name=\"Danh s\xC3\xA1\x63h\">"
      "<table:table-column table:number-columns-repeated=\"5\"/>"
      /* row 0: a title over four columns */
      "<table:table-row><table:table-cell table:number-columns-spanned=\"4\" "
      "office:value-type=\"string\"><text:p>DANH S\xC3\x81\x43H H\xE1\xBB\x98I VI\xC3\x8AN</text:p>"
      "</table:table-cell><table:covered-table-cell table:number-columns-repeated=\"3\"/>"
      "</table:table-row>"
      /* rows 1, 2: empty */
      "<table:table-row table:number-rows-repeated=\"2\">"
      "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
      /* row 3: headers; two paragraphs; spaces; a cell spanning rows 3–4 at column 4 */
      "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>STT</text:p>"
      "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>H\xE1\xBB\x8D v\xC3\xA0"
      "</text:p><text:p>t\xC3\xAAn</text:p></table:table-cell>"
      "<table:table-cell table:number-columns-repeated=\"2\"/>"
      "<table:table-cell table:number-rows-spanned=\"2\" office:value-type=\"string\">"
      "<text:p>Ghi<text:s text:c=\"2\"/>ch\xC3\xBA</text:p></table:table-cell></table:table-row>"
      /* rows 4, 5: the same member twice; a date repeated over two columns */
      "<table:table-row table:number-rows-repeated=\"2\">"
      "<table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p>"
      "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>"
      "<text:span text:style-name=\"T1\">Nguy\xE1\xBB\x85n</text:span> V\xC4\x83n An</text:p>"
      "</table:table-cell><table:table-cell table:number-columns-repeated=\"2\" "
      "office:value-type=\"date\" office:date-value=\"2020-05-01\"><text:p>01/05/2020</text:p>"
      "</table:table-cell><table:covered-table-cell/></table:table-row>"
      /* row 6: percentage, boolean, text without a type, a comment, filler */
      "<table:table-row><table:table-cell office:value-type=\"percentage\" office:value=\"0.527\">"
      "<text:p>52,7 %</text:p></table:table-cell><table:table-cell office:value-type=\"boolean\" "
      "office:boolean-value=\"true\"><text:p>TRUE</text:p></table:table-cell>"
      "<table:table-cell><text:p>kh\xC3\xB4ng ki\xE1\xBB\x83u</text:p></table:table-cell>"
      "<table:table-cell office:value-type=\"string\"><office:annotation><text:p>b\xC3\xACnh "
      "lu\xE1\xBA\xADn</text:p></office:annotation><text:p>c\xC3\xB3 ghi ch\xC3\xBA</text:p>"
      "</table:table-cell><table:table-cell table:number-columns-repeated=\"16000\"/>"
      "</table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1048000\">"
      "<table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>"
      "</table:table>"
      "<table:table table:name=\"Kh\xC3\xA1\x63\"><table:table-row><table:table-cell "
      "office:value-type=\"string\" office:string-value=\"gi\xC3\xA1 tr\xE1\xBB\x8B\"/>"
      "</table:table-row></table:table>"
      "</office:spreadsheet></office:body></office:document-content>" },
  };

  return zip_bytes (members, G_N_ELEMENTS (members), TRUE);
}

/* .xls: BIFF8 records in an OLE2 compound file */

static void
put16 (GByteArray *a,
       guint       v)
{
  guint8 b[2] = { v & 0xFF, (v >> 8) & 0xFF };

  g_byte_array_append (a, b, 2);
}

static void
put32 (GByteArray *a,
       guint32     v)
{
  put16 (a, v & 0xFFFF);
  put16 (a, v >> 16);
}

static void
record (GByteArray *stream,
        guint       type,
        GByteArray *data)
{
  put16 (stream, type);
  put16 (stream, data->len);
  g_byte_array_append (stream, data->data, data->len);
  g_byte_array_set_size (data, 0);
}

/* An XLUnicodeString: 16-bit count (8-bit with @short_count), a flag byte,
 * then Latin-1 bytes when every character fits, else UTF-16LE. */
static void
put_string (GByteArray *a,
            const char *utf8,
            gboolean    short_count)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  gboolean wide = FALSE;

  for (glong i = 0; i < n; i++)
    wide |= units[i] > 0xFF;
  if (short_count)
    {
      guint8 c = (guint8) n;

      g_byte_array_append (a, &c, 1);
    }
  else
    put16 (a, (guint) n);
  {
    guint8 flag = wide ? 1 : 0;

    g_byte_array_append (a, &flag, 1);
  }
  for (glong i = 0; i < n; i++)
    {
      if (wide)
        put16 (a, units[i]);
      else
        {
          guint8 c = (guint8) units[i];

          g_byte_array_append (a, &c, 1);
        }
    }
}

static void
put_bof (GByteArray *stream,
         GByteArray *d,
         guint       kind)
{
  put16 (d, 0x0600);
  put16 (d, kind);
  put16 (d, 0x0DBB);
  put16 (d, 0x07CC);
  put32 (d, 0);
  put32 (d, 6);
  record (stream, 0x0809, d);
}

static void
put_cell_head (GByteArray *d,
               guint       row,
               guint       col,
               guint       xf)
{
  put16 (d, row);
  put16 (d, col);
  put16 (d, xf);
}

static void
put_label_sst (GByteArray *stream,
               GByteArray *d,
               guint       row,
               guint       col,
               guint32     sst)
{
  put_cell_head (d, row, col, 1);
  put32 (d, sst);
  record (stream, 0x00FD, d);
}

static void
put_number (GByteArray *stream,
            GByteArray *d,
            guint       row,
            guint       col,
            guint       xf,
            double      value)
{
  guint64 bits;

  put_cell_head (d, row, col, xf);
  memcpy (&bits, &value, sizeof bits);
  put32 (d, (guint32) (bits & 0xFFFFFFFFu));
  put32 (d, (guint32) (bits >> 32));
  record (stream, 0x0203, d);
}

static void
put_dimensions (GByteArray *stream,
                GByteArray *d,
                guint       rows,
                guint       cols)
{
  put32 (d, 0);
  put32 (d, rows);
  put16 (d, 0);
  put16 (d, cols);
  put16 (d, 0);
  record (stream, 0x0200, d);
}

/* The globals and one sheet's records after them, in an OLE2 file. */
static GBytes *
xls_wrap (GByteArray *globals)
{
  GsfOutput *sink;
  GsfOutfile *ole;
  GsfOutput *child;
  GBytes *bytes;

  /* Past 4096 bytes the stream lives in the main FAT, as Excel's do. */
  while (globals->len < 5000)
    g_byte_array_append (globals, (const guint8 *) "", 1);
  sink = gsf_output_memory_new ();
  ole = gsf_outfile_msole_new (sink);
  child = gsf_outfile_new_child (ole, "Workbook", FALSE);
  gsf_output_write (child, globals->len, globals->data);
  gsf_output_close (child);
  g_object_unref (child);
  gsf_output_close (GSF_OUTPUT (ole));
  g_object_unref (ole);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       (gsize) gsf_output_size (sink));
  /* Closing the archive closed its sink. */
  g_object_unref (sink);
  return bytes;
}

GBytes *
fixture_xls_sheet (const char        *sheet_name,
                   const FixtureCell *cells,
                   guint              n_cells)
{
  g_autoptr(GByteArray) globals = g_byte_array_new ();
  g_autoptr(GByteArray) sheet = g_byte_array_new ();
  g_autoptr(GByteArray) d = g_byte_array_new ();
  guint n_rows = 0, n_cols = 0, n_strings = 0, bound_at;

  put_bof (globals, d, 0x0005);
  put16 (d, 1200);
  record (globals, 0x0042, d);            /* CODEPAGE: UTF-16 */
  put16 (d, 0);
  record (globals, 0x0022, d);            /* DATEMODE: 1900 */
  put16 (d, 200), put16 (d, 0), put16 (d, 0x7FFF), put16 (d, 400), put16 (d, 0);
  g_byte_array_append (d, (const guint8 *) "\0\0\0\0", 4);
  put_string (d, "Times New Roman", TRUE);
  record (globals, 0x0031, d);            /* FONT */
  put16 (d, 164);
  put_string (d, "dd/mm/yyyy", FALSE);
  record (globals, 0x041E, d);            /* FORMAT 164 */
  {
    /* XF 0 a style, XF 1 general, XF 2 format 164. */
    static const guint formats[] = { 0, 0, 164 };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        put16 (d, 0);
        put16 (d, formats[i]);
        put16 (d, i == 0 ? 0xFFF5 : 0x0001);
        for (guint k = 0; k < 14; k++)
          g_byte_array_append (d, (const guint8 *) "", 1);
        record (globals, 0x00E0, d);
      }
  }
  bound_at = globals->len + 4;
  put32 (d, 0);
  put16 (d, 0);
  put_string (d, sheet_name, TRUE);
  record (globals, 0x0085, d);            /* BOUNDSHEET */
  for (guint i = 0; i < n_cells; i++)
    {
      n_rows = MAX (n_rows, cells[i].row + 1);
      n_cols = MAX (n_cols, cells[i].col + 1);
      n_strings += cells[i].text != NULL;
    }
  /* Every text in the SST, in the order of the cells. */
  put32 (d, n_strings);
  put32 (d, n_strings);
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].text != NULL)
      put_string (d, cells[i].text, FALSE);
  record (globals, 0x00FC, d);            /* SST */
  record (globals, 0x000A, d);            /* EOF */

  put_bof (sheet, d, 0x0010);
  put_dimensions (sheet, d, n_rows, n_cols);
  for (guint i = 0, s = 0; i < n_cells; i++)
    if (cells[i].text != NULL)
      put_label_sst (sheet, d, cells[i].row, cells[i].col, s++);
    else
      put_number (sheet, d, cells[i].row, cells[i].col, cells[i].date ? 2 : 1, cells[i].number);
  record (sheet, 0x000A, d);
  for (guint k = 0; k < 4; k++)
    globals->data[bound_at + k] = (globals->len >> (8 * k)) & 0xFF;
  g_byte_array_append (globals, sheet->data, sheet->len);
  return xls_wrap (globals);
}

GBytes *
fixture_xls (void)
{
  static const char *const strings[] = {
    "H\xE1\xBB\x8D v\xC3\xA0 t\xC3\xAAn", "N\xC4\x83m sinh", "Ng\xC3\xA0y v\xC3\xA0o h\xE1\xBB\x99i",
    "Nguy\xE1\xBB\x85n V\xC4\x83n An", FIXTURE_TCVN3_NAME, "\xE1\xBA\xA4p B\xC3\xACnh An",
  };
  g_autoptr(GByteArray) globals = g_byte_array_new ();
  g_autoptr(GByteArray) sheet1 = g_byte_array_new ();
  g_autoptr(GByteArray) sheet2 = g_byte_array_new ();
  g_autoptr(GByteArray) d = g_byte_array_new ();
  guint bound_at[2];

  put_bof (globals, d, 0x0005);
  put16 (d, 1200);
  record (globals, 0x0042, d);            /* CODEPAGE: UTF-16 */
  put16 (d, 0);
  record (globals, 0x0022, d);            /* DATEMODE: 1900 */
  put16 (d, 200), put16 (d, 0), put16 (d, 0x7FFF), put16 (d, 400), put16 (d, 0);
  g_byte_array_append (d, (const guint8 *) "\0\0\0\0", 4);
  put_string (d, "Arial", TRUE);
  record (globals, 0x0031, d);            /* FONT */
  put16 (d, 164);
  put_string (d, "dd/mm/yyyy", FALSE);
  record (globals, 0x041E, d);            /* FORMAT 164 */
  {
    /* XF 0 a style, XF 1 general, XF 2 date format 14, XF 3 format 164. */
    static const guint formats[] = { 0, 0, 14, 164 };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        put16 (d, 0);
        put16 (d, formats[i]);
        put16 (d, i == 0 ? 0xFFF5 : 0x0001);
        for (guint k = 0; k < 14; k++)
          g_byte_array_append (d, (const guint8 *) "", 1);
        record (globals, 0x00E0, d);
      }
  }
  for (guint s = 0; s < 2; s++)
    {
      bound_at[s] = globals->len + 4;
      put32 (d, 0);
      put16 (d, 0);
      put_string (d, s == 0 ? "H\xE1\xBB\x99i vi\xC3\xAAn" : "\xE1\xBA\xA4p 2", TRUE);
      record (globals, 0x0085, d);        /* BOUNDSHEET */
    }
  put32 (d, G_N_ELEMENTS (strings));
  put32 (d, G_N_ELEMENTS (strings));
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    put_string (d, strings[i], FALSE);
  record (globals, 0x00FC, d);            /* SST */
  record (globals, 0x000A, d);            /* EOF */

  put_bof (sheet1, d, 0x0010);
  put_dimensions (sheet1, d, 4, 3);
  put_label_sst (sheet1, d, 0, 0, 0);
  put_label_sst (sheet1, d, 0, 1, 1);
  put_label_sst (sheet1, d, 0, 2, 2);
  put_label_sst (sheet1, d, 1, 0, 3);
  put_number (sheet1, d, 1, 1, 1, 1980);
  put_number (sheet1, d, 1, 2, 2, 43952);
  put_label_sst (sheet1, d, 2, 0, 4);
  put_number (sheet1, d, 2, 1, 1, 1979);
  put_number (sheet1, d, 2, 2, 3, 43102);
  put_cell_head (d, 3, 0, 1);
  put_string (d, "L\xC3\xAA Th\xE1\xBB\x8B Hoa", FALSE);
  record (sheet1, 0x0204, d);             /* LABEL */
  record (sheet1, 0x000A, d);

  put_bof (sheet2, d, 0x0010);
  put_dimensions (sheet2, d, 1, 1);
  put_label_sst (sheet2, d, 0, 0, 5);
  record (sheet2, 0x000A, d);

  /* The sheets' offsets in the stream, into their BOUNDSHEET records. */
  {
    guint32 at1 = globals->len, at2 = globals->len + sheet1->len;

    for (guint k = 0; k < 4; k++)
      {
        globals->data[bound_at[0] + k] = (at1 >> (8 * k)) & 0xFF;
        globals->data[bound_at[1] + k] = (at2 >> (8 * k)) & 0xFF;
      }
  }
  g_byte_array_append (globals, sheet1->data, sheet1->len);
  g_byte_array_append (globals, sheet2->data, sheet2->len);
  return xls_wrap (globals);
}
