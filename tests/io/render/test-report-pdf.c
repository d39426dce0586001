/* test-report-pdf.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "core/register/smt-locale.h"
#include "core/register/smt-register.h"
#include "io/render/smt-report-draw.h"
#include "smt-test-util.h"

#define MM (72.0 / 25.4)
#define N_GROUPS 10
#define PER_GROUP 28
#define LONG_LABEL "Tổ chức cơ sở các đoàn thể chính trị - xã hội vững mạnh, chiếm tỷ lệ " \
                   "trên chín mươi phần trăm số tổ chức cơ sở của cả xã trong năm"

/* Body row index of the label "Dòng g-k" and the row after the group
 * heading; filled by make_report. */
static guint row_span_first;

static char *
row_label (guint g,
           guint k)
{
  return g_strdup_printf ("Dòng %02u-%02u", g, k);
}

/* 2 header rows: STT, Tên and So sánh span both rows, Kết quả spans two
 * columns; 10 groups of a heading, 28 rows and a total. */
static SmtReport *
make_report (SmtReportOrientation orientation,
             guint                n_groups)
{
  SmtReport *r = smt_report_new ("test", orientation, 5);
  SmtReportRow *row;

  r->font_pt = 13;
  r->title = g_strdup ("Số liệu kết quả thực hiện các chỉ tiêu\nnghị quyết số 06-NQ/ĐU");
  r->subtitle = g_strdup ("(Đính kèm Báo cáo số 12-BC/MTTQ ngày 05/02/2026)");
  smt_report_set_frame (r, "Hòa Điền", "xã", NULL, "Chủ tịch", "Họ và tên người ký",
                        "2026-02-05");
  if (orientation == SMT_REPORT_LANDSCAPE)
    {
      smt_report_set_column (r, 0, 15, SMT_REPORT_ALIGN_CENTER);
      smt_report_set_column (r, 1, 100, SMT_REPORT_ALIGN_LEFT);
      smt_report_set_column (r, 2, 40, SMT_REPORT_ALIGN_RIGHT);
      smt_report_set_column (r, 3, 40, SMT_REPORT_ALIGN_RIGHT);
      smt_report_set_column (r, 4, 40, SMT_REPORT_ALIGN_RIGHT);
    }
  else
    {
      smt_report_set_column (r, 0, 12, SMT_REPORT_ALIGN_CENTER);
      smt_report_set_column (r, 1, 75, SMT_REPORT_ALIGN_LEFT);
      smt_report_set_column (r, 2, 25, SMT_REPORT_ALIGN_RIGHT);
      smt_report_set_column (r, 3, 25, SMT_REPORT_ALIGN_RIGHT);
      smt_report_set_column (r, 4, 25, SMT_REPORT_ALIGN_RIGHT);
    }

  row = smt_report_add_header_row (r);
  smt_report_row_set_text (row, 0, "STT");
  smt_report_row_set_text (row, 1, "Tên chỉ tiêu");
  smt_report_row_set_text (row, 2, "Kết quả thực hiện");
  smt_report_row_set_text (row, 4, "So sánh (%)");
  row = smt_report_add_header_row (r);
  smt_report_row_set_text (row, 2, "Kỳ trước");
  smt_report_row_set_text (row, 3, "Kỳ này");
  smt_report_merge (r, TRUE, 0, 0, 1, 2);
  smt_report_merge (r, TRUE, 0, 1, 1, 2);
  smt_report_merge (r, TRUE, 0, 2, 2, 1);
  smt_report_merge (r, TRUE, 0, 4, 1, 2);

  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *heading = g_strdup_printf ("Nhóm %02u", g);

      smt_report_add_group (r, heading);
      for (guint k = 0; k < PER_GROUP; k++)
        {
          g_autofree char *label = row_label (g, k);
          g_autofree char *stt = g_strdup_printf ("%u", k + 1);

          row = smt_report_add_row (r, SMT_REPORT_ROW_NORMAL);
          smt_report_row_set_text (row, 0, stt);
          if (g == 3 && k == 5)
            {
              g_autofree char *text = g_strdup_printf ("%s %s", label, LONG_LABEL);

              smt_report_row_set_text (row, 1, text);
            }
          else
            smt_report_row_set_text (row, 1, label);
          smt_report_row_set_int (row, 2, 1000 * g + k);
          smt_report_row_set_int (row, 3, 1100 * g + 2 * k + 1);
          smt_report_row_set_ratio (row, 4, 3, 2, 1);
        }
      row = smt_report_add_row (r, SMT_REPORT_ROW_TOTAL);
      smt_report_row_set_text (row, 1, "Cộng");
      smt_report_row_set_int (row, 2, 437388);
      smt_report_row_set_int (row, 3, 500000);
      smt_report_row_set_ratio (row, 4, 3, 2, 1);
    }
  /* Two rows joined by a vertical merge in the STT column. */
  if (n_groups > 2)
    {
      row_span_first = 2 * (PER_GROUP + 2) + 10;
      smt_report_merge (r, FALSE, row_span_first, 0, 1, 2);
    }
  smt_report_add_note (r, "Ghi chú: số liệu tính đến hết ngày 31/12/2025.");
  return r;
}

static char *
run (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* To look at the pages: SMT_TEST_KEEP_DIR=/tmp/pages keeps a copy. */
static void
keep_pdf (const char *pdf,
          const char *name)
{
  const char *dir = g_getenv ("SMT_TEST_KEEP_DIR");
  g_autofree char *contents = NULL;
  g_autofree char *dest = NULL;
  gsize len;

  if (dir == NULL)
    return;
  dest = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (dest, contents, len, NULL));
}

static gboolean
have_poppler (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdffonts" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *p = g_find_program_in_path (tools[i]);

      if (p == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Checks the page size pdfinfo reads and returns the number of pages. */
static guint
pdfinfo_pages (const char *pdf,
               double      width,
               double      height)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = run (argv);
  const char *pages = strstr (info, "\nPages:");
  const char *size = strstr (info, "\nPage size:");
  char *end;

  g_assert_nonnull (strstr (info, "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU "
                                  "NGHỊ QUYẾT SỐ 06-NQ/ĐU\n"));
  g_assert_nonnull (size);
  size += strlen ("\nPage size:");
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (size, &end), width, 0.005);
  g_assert_true (g_str_has_prefix (end, " x "));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (end + 3, &end), height, 0.005);
  g_assert_true (g_str_has_prefix (end, " pts (A4)\n"));
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static const char *
first_line (const char *page,
            char      **buf)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        {
          *buf = g_strdup (lines[i]);
          return *buf;
        }
    }
  *buf = g_strdup ("");
  return *buf;
}

/* Layout rules, then the PDF read back by poppler-utils. */
static void
test_landscape (void)
{
  g_autoptr(SmtReport) r = make_report (SMT_REPORT_LANDSCAPE, N_GROUPS);
  g_autoptr(SmtReportLayout) layout = NULL;
  g_autoptr(SmtReportLayout) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-report-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "phu-luc.pdf", NULL);
  g_autofree guint *page_of = NULL;
  guint n_pages, next = 0;
  double w, h;

  g_assert_true (smt_report_check (r, &error));
  g_assert_no_error (error);
  layout = smt_report_layout_new (r);
  smt_report_layout_get_page_size (layout, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.01);
  n_pages = smt_report_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >, 1);
  /* 300 rows of about 7 mm: a landscape page holds about 20 of them. */
  g_assert_cmpuint (n_pages, >=, 10);
  g_assert_cmpuint (n_pages, <=, 25);

  page_of = g_new (guint, r->body->len);
  for (guint p = 0; p < n_pages; p++)
    {
      guint first, n;
      const SmtReportRow *last;

      smt_report_layout_get_page_rows (layout, p, &first, &n);
      /* Every body row on exactly one page, in order. */
      g_assert_cmpuint (first, ==, next);
      g_assert_cmpuint (n, >, 0);
      for (guint i = first; i < first + n; i++)
        page_of[i] = p;
      next = first + n;
      /* A group heading is never the last row of a page. */
      last = g_ptr_array_index (r->body, first + n - 1);
      g_assert_cmpint (last->kind, !=, SMT_REPORT_ROW_GROUP);
      /* A total is never the first, parted from the rows it adds up. */
      g_assert_cmpint (((const SmtReportRow *) g_ptr_array_index (r->body, first))->kind, !=,
                       SMT_REPORT_ROW_TOTAL);
    }
  g_assert_cmpuint (next, ==, r->body->len);
  g_assert_cmpuint (page_of[row_span_first], ==, page_of[row_span_first + 1]);

  again = smt_report_layout_new (r);
  g_assert_cmpuint (smt_report_layout_get_n_pages (again), ==, n_pages);

  g_assert_true (smt_report_write_pdf (r, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  keep_pdf (pdf, "landscape.pdf");

  if (!have_poppler ())
    {
      g_test_skip ("poppler-utils are not installed");
      smt_test_rm_rf (dir);
      return;
    }

  g_assert_cmpuint (pdfinfo_pages (pdf, 841.89, 595.28), ==,
                    n_pages);

  {
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    g_autofree char *text = run (argv);
    g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

    g_assert_nonnull (strstr (pages[0], "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"));
    g_assert_nonnull (strstr (pages[0], "NGHỊ QUYẾT SỐ 06-NQ/ĐU"));
    g_assert_nonnull (strstr (pages[0], "(Đính kèm Báo cáo số 12-BC/MTTQ ngày 05/02/2026)"));
    g_assert_nonnull (strstr (pages[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    g_assert_nonnull (strstr (pages[0], "Độc lập - Tự do - Hạnh phúc"));
    g_assert_nonnull (strstr (pages[0], "Hòa Điền, ngày 05 tháng 02 năm 2026"));
    g_assert_nonnull (strstr (pages[0], "ỦY BAN MTTQ VIỆT NAM"));
    g_assert_nonnull (strstr (pages[0], "XÃ HÒA ĐIỀN"));
    g_assert_nonnull (strstr (pages[0], "BAN THƯỜNG TRỰC"));
    g_assert_nonnull (strstr (text, "437.388"));
    g_assert_nonnull (strstr (text, "Ghi chú: số liệu tính đến hết ngày 31/12/2025."));
    g_assert_nonnull (strstr (pages[n_pages - 1], "TM. BAN THƯỜNG TRỰC"));
    g_assert_nonnull (strstr (pages[n_pages - 1], "Họ và tên người ký"));

    /* One page of text per layout page (and the empty rest after the
     * last form feed). */
    g_assert_cmpuint (g_strv_length (pages), ==, n_pages + 1);
    for (guint p = 0; p < n_pages; p++)
      {
        guint first, n;

        g_assert_nonnull (strstr (pages[p], "Tên chỉ tiêu"));
        g_assert_nonnull (strstr (pages[p], "Kết quả thực hiện"));
        g_assert_nonnull (strstr (pages[p], "Kỳ trước"));
        g_assert_nonnull (strstr (pages[p], "So sánh (%)"));
        if (p > 0)
          {
            g_autofree char *buf = NULL;
            g_autofree char *number = g_strdup_printf ("%u", p + 1);

            g_assert_cmpstr (first_line (pages[p], &buf), ==, number);
          }
        else
          {
            g_autofree char *buf = NULL;

            g_assert_nonnull (strstr (first_line (pages[p], &buf), "ỦY BAN MTTQ VIỆT NAM"));
          }
        /* Each row's label on the page the layout put it on. */
        smt_report_layout_get_page_rows (layout, p, &first, &n);
        for (guint i = first; i < first + n; i++)
          {
            const SmtReportRow *row = g_ptr_array_index (r->body, i);
            const char *label = row->kind == SMT_REPORT_ROW_GROUP ? row->cells[0].text
                                                                  : row->cells[1].text;
            g_autofree char *prefix = g_strndup (label, strlen ("Dòng 00-00"));

            g_assert_nonnull (strstr (pages[p], prefix));
          }
      }
    /* The long label is wrapped, its end is there too. */
    g_assert_nonnull (strstr (text, "trong năm"));
  }

  {
    const char *argv[] = { "pdffonts", pdf, NULL };
    g_autofree char *fonts = run (argv);
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    gboolean embedded_serif = FALSE;

    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) cols = g_strsplit_set (lines[i], " ", -1);
        g_autoptr(GPtrArray) tok = g_ptr_array_new ();

        for (guint k = 0; cols[k] != NULL; k++)
          if (*cols[k] != '\0')
            g_ptr_array_add (tok, cols[k]);
        if (tok->len < 6)
          continue;
        g_test_message ("font: %s", lines[i]);
        if ((strstr (lines[i], "LiberationSerif") != NULL || strstr (lines[i], "Times") != NULL))
          {
            /* name type… encoding emb sub uni object ID */
            g_assert_cmpstr (g_ptr_array_index (tok, tok->len - 5), ==, "yes");
            embedded_serif = TRUE;
          }
        else
          g_assert_not_reached ();
      }
    g_assert_true (embedded_serif);
  }
  smt_test_rm_rf (dir);
}

/* Ink (alpha) in the rectangle of an ARGB32 surface. */
static gboolean
has_ink (cairo_surface_t *s,
         double           x0,
         double           y0,
         double           x1,
         double           y1)
{
  int stride = cairo_image_surface_get_stride (s);
  const guint8 *data = cairo_image_surface_get_data (s);
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);

  /* The pixels wholly inside the rectangle. */
  for (int y = MAX (0, (int) ceil (y0)); y < MIN (h, (int) floor (y1)); y++)
    for (int x = MAX (0, (int) ceil (x0)); x < MIN (w, (int) floor (x1)); x++)
      if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
        {
          g_test_message ("ink at %d, %d", x, y);
          return TRUE;
        }
  return FALSE;
}

/* The page drawn at one pixel a point on a transparent surface: nothing
 * in the margins but the page number, top centre, from page 2. */
static void
test_margins (void)
{
  g_autoptr(SmtReport) r = make_report (SMT_REPORT_LANDSCAPE, N_GROUPS);
  g_autoptr(SmtReportLayout) layout = smt_report_layout_new (r);
  double w, h;
  /* Half a border's width may fall over the edge of the printable box. */
  double left = SMT_REPORT_MARGIN_LEFT_MM * MM - 1, top = SMT_REPORT_MARGIN_TOP_MM * MM - 1;
  double right, bottom, mid;

  smt_report_layout_get_page_size (layout, &w, &h);
  right = w - SMT_REPORT_MARGIN_RIGHT_MM * MM + 1;
  bottom = h - SMT_REPORT_MARGIN_BOTTOM_MM * MM + 1;
  mid = (left + right) / 2;
  for (guint p = 0; p < 2; p++)
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w),
                                                       (int) ceil (h));
      cairo_t *cr = cairo_create (s);

      smt_report_draw_page (layout, cr, p);
      cairo_destroy (cr);
      cairo_surface_flush (s);

      /* Something drawn, and no background painted. */
      g_assert_true (has_ink (s, left, top, right, bottom));
      g_assert_false (has_ink (s, 0, 0, 2, 2));
      g_assert_false (has_ink (s, 0, 0, left, h));
      g_assert_false (has_ink (s, right, 0, w, h));
      g_assert_false (has_ink (s, 0, bottom, w, h));
      /* The top margin: blank but for the number's band in the middle of
       * the printable width. */
      g_assert_false (has_ink (s, 0, 0, mid - 20, top));
      g_assert_false (has_ink (s, mid + 20, 0, w, top));
      if (p == 0)
        g_assert_false (has_ink (s, 0, 0, w, top));
      else
        g_assert_true (has_ink (s, mid - 20, 0, mid + 20, top));
      cairo_surface_destroy (s);
    }
}

static void
test_portrait (void)
{
  g_autoptr(SmtReport) r = make_report (SMT_REPORT_PORTRAIT, 1);
  g_autoptr(SmtReportLayout) layout = smt_report_layout_new (r);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-report-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "doc.pdf", NULL);
  double w, h;

  smt_report_layout_get_page_size (layout, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  /* 30 rows and the title block fill a portrait page and a bit. */
  g_assert_cmpuint (smt_report_layout_get_n_pages (layout), >=, 1);
  g_assert_true (smt_report_write_pdf (r, pdf, &error));
  g_assert_no_error (error);
  keep_pdf (pdf, "portrait.pdf");
  if (have_poppler ())
    g_assert_cmpuint (pdfinfo_pages (pdf, 595.28, 841.89), ==,
                      smt_report_layout_get_n_pages (layout));
  smt_test_rm_rf (dir);
}

/* Nothing is left behind when the file cannot be written. */
static void
test_failed_write (void)
{
  g_autoptr(SmtReport) r = make_report (SMT_REPORT_LANDSCAPE, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-report-pdf-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "a.pdf", NULL);
  g_autofree char *onto_dir = g_build_filename (dir, "folder", NULL);
  g_autoptr(GDir) d = NULL;
  guint n = 0;

  g_assert_false (smt_report_write_pdf (r, missing, &error));
  g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "a.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A table wider than the page is refused before anything is written. */
  {
    g_autoptr(SmtReport) wide = make_report (SMT_REPORT_PORTRAIT, 1);
    g_autofree char *path = g_build_filename (dir, "wide.pdf", NULL);

    smt_report_set_column (wide, 1, 120, SMT_REPORT_ALIGN_LEFT);
    g_assert_false (smt_report_write_pdf (wide, path, &error));
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* A folder where the file should go: the rename fails. */
  g_assert_cmpint (g_mkdir (onto_dir, 0700), ==, 0);
  g_assert_false (smt_report_write_pdf (r, onto_dir, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (onto_dir, G_FILE_TEST_IS_DIR));

  /* No temporary file left: the folder holds "folder" only. */
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  smt_test_rm_rf (dir);
}

/* The annex of seed 001: indicators whose STT and name span the rows of
 * their results, long texts wrapped in every column. */
static void
test_annex (void)
{
  static const struct
  {
    const char *name;
    const char *before[2];
    const char *after[2];
    const char *compare[2];
  } items[] = {
    { "Phấn đấu đến năm 2020, số hộ có đoàn viên, hội viên các đoàn thể chính trị - xã hội "
      "đạt 80% và tổ chức cơ sở các đoàn thể chính trị - xã hội vững mạnh hàng năm trên 85%.",
      { "Số hộ có đoàn viên, hội viên các đoàn thể chính trị - xã hội đạt 72,14%.",
        "Tổ chức cơ sở các đoàn thể chính trị - xã hội vững mạnh chiếm tỷ lệ 90,32%." },
      { "Hiện nay số hộ có đoàn viên, hội viên các đoàn thể chính trị - xã hội đạt 83,59%.",
        "Tổ chức cơ sở các đoàn thể chính trị - xã hội vững mạnh, chiếm tỷ lệ 99,74%, năm "
        "2020 là 373/375." },
      { "Đạt 101,94 % chỉ tiêu nghị quyết.", "Đạt 117,34% chỉ tiêu Nghị quyết." } },
    { "Đoàn viên, hội viên các đoàn thể chính trị - xã hội tham gia học tập các chỉ thị, "
      "nghị quyết từ 98% trở lên.",
      { "Có 251.120/313.900 đoàn viên, hội viên tham gia học tập các chỉ thị, nghị quyết, "
        "chiếm tỷ lệ 80%.", NULL },
      { "Có 308.222/322.915 đoàn viên, hội viên tham gia học tập các chỉ thị, nghị quyết, "
        "chiếm tỷ lệ 95,45%.", NULL },
      { "Đạt 97,4% chỉ tiêu nghị quyết.", NULL } },
  };
  g_autoptr(SmtReport) r = smt_report_new ("annex", SMT_REPORT_LANDSCAPE, 5);
  g_autoptr(SmtReportLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-report-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "annex.pdf", NULL);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *page_of = NULL;
  SmtReportRow *row;
  const char *heads[] = { "STT", "Tên chỉ tiêu Nghị quyết", "Trước khi có Nghị quyết",
                          "Kết quả thực hiện", "So sánh nghị quyết (%)" };
  const double widths[] = { 15, 72, 55, 55, 55 };
  guint stt = 0;

  r->font_pt = 13;
  r->title = g_strdup ("Số liệu kết quả thực hiện các chỉ tiêu\nNghị quyết số 06-NQ/ĐU");
  r->subtitle = g_strdup ("(Đính kèm Báo cáo số …-BC/MTTQ ngày …)");
  smt_report_set_frame (r, "Hòa Điền", "xã", NULL, "Chủ tịch", "", "2026-02-05");
  row = smt_report_add_header_row (r);
  for (guint c = 0; c < 5; c++)
    {
      smt_report_set_column (r, c, widths[c], c == 0 ? SMT_REPORT_ALIGN_CENTER
                                                     : SMT_REPORT_ALIGN_LEFT);
      smt_report_row_set_text (row, c, heads[c]);
    }
  for (guint copy = 0; copy < 6; copy++)
    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        guint first = r->body->len;
        guint n = items[i].before[1] != NULL ? 2 : 1;
        g_autofree char *number = g_strdup_printf ("%u", ++stt);

        for (guint k = 0; k < n; k++)
          {
            row = smt_report_add_row (r, SMT_REPORT_ROW_NORMAL);
            if (k == 0)
              {
                smt_report_row_set_text (row, 0, number);
                smt_report_row_set_text (row, 1, items[i].name);
              }
            smt_report_row_set_text (row, 2, items[i].before[k]);
            smt_report_row_set_text (row, 3, items[i].after[k]);
            smt_report_row_set_text (row, 4, items[i].compare[k]);
          }
        if (n == 2)
          {
            smt_report_merge (r, FALSE, first, 0, 1, 2);
            smt_report_merge (r, FALSE, first, 1, 1, 2);
            g_array_append_val (spans, first);
          }
      }
  g_assert_true (smt_report_check (r, &error));
  g_assert_no_error (error);

  layout = smt_report_layout_new (r);
  g_assert_cmpuint (smt_report_layout_get_n_pages (layout), >, 1);
  page_of = g_new (guint, r->body->len);
  for (guint p = 0; p < smt_report_layout_get_n_pages (layout); p++)
    {
      guint first, n;

      smt_report_layout_get_page_rows (layout, p, &first, &n);
      for (guint i = first; i < first + n; i++)
        page_of[i] = p;
    }
  /* Rows joined by a span are on one page. */
  for (guint k = 0; k < spans->len; k++)
    {
      guint i = g_array_index (spans, guint, k);

      g_assert_cmpuint (page_of[i], ==, page_of[i + 1]);
    }

  g_assert_true (smt_report_write_pdf (r, pdf, &error));
  g_assert_no_error (error);
  keep_pdf (pdf, "annex.pdf");
  if (have_poppler ())
    {
      const char *argv[] = { "pdftotext", pdf, "-", NULL };
      g_autofree char *raw = run (argv);
      g_auto(GStrv) words = g_strsplit_set (raw, " \n", -1);
      g_autofree char *text = NULL;
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      /* The words in a row: a wrapped cell reads as one line. */
      for (guint k = 0; words[k] != NULL; k++)
        if (*words[k] != '\0')
          g_ptr_array_add (kept, words[k]);
      g_ptr_array_add (kept, NULL);
      text = g_strjoinv (" ", (char **) kept->pdata);

      g_assert_nonnull (strstr (text, "Đạt 117,34% chỉ tiêu Nghị quyết."));
      g_assert_nonnull (strstr (text, "Đạt 97,4% chỉ tiêu nghị quyết."));
      g_assert_nonnull (strstr (text, "TM. BAN THƯỜNG TRỰC"));
    }
  smt_test_rm_rf (dir);
}

/* A row taller than a page goes on a page of its own, cut, with a
 * warning; the layout ends. */
static void
test_tall_row (void)
{
  g_autoptr(SmtReport) r = make_report (SMT_REPORT_LANDSCAPE, 0);
  g_autoptr(SmtReportLayout) layout = NULL;
  g_autoptr(GString) tall = g_string_new ("Dòng cao");
  cairo_surface_t *s;
  cairo_t *cr;
  guint first, n;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (tall, "\ndòng %u", i);
  smt_report_row_set_text (smt_report_add_row (r, SMT_REPORT_ROW_NORMAL), 1, "Dòng đầu");
  smt_report_row_set_text (smt_report_add_row (r, SMT_REPORT_ROW_NORMAL), 1, tall->str);
  smt_report_row_set_text (smt_report_add_row (r, SMT_REPORT_ROW_NORMAL), 1, "Dòng cuối");

  g_test_expect_message ("Somattran", G_LOG_LEVEL_WARNING, "*rows 2 to 2 are taller than a page*");
  layout = smt_report_layout_new (r);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (smt_report_layout_get_n_pages (layout), ==, 3);
  smt_report_layout_get_page_rows (layout, 0, &first, &n);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 1);
  smt_report_layout_get_page_rows (layout, 1, &first, &n);
  g_assert_cmpuint (first, ==, 1);
  g_assert_cmpuint (n, ==, 1);
  smt_report_layout_get_page_rows (layout, 2, &first, &n);
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (n, ==, 1);

  /* Cut at the bottom margin. */
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 842, 596);
  cr = cairo_create (s);
  smt_report_draw_page (layout, cr, 1);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  g_assert_true (has_ink (s, 0, 400, 842, 595.28 - SMT_REPORT_MARGIN_BOTTOM_MM * MM - 1));
  g_assert_false (has_ink (s, 0, 595.28 - SMT_REPORT_MARGIN_BOTTOM_MM * MM + 1, 842, 596));
  cairo_surface_destroy (s);
}

/* No body rows: one page with the title, the header and the signature. */
static void
test_empty (void)
{
  g_autoptr(SmtReport) r = make_report (SMT_REPORT_PORTRAIT, 0);
  g_autoptr(SmtReportLayout) layout = smt_report_layout_new (r);
  guint first = 99, n = 99;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 596, 842);
  cairo_t *cr = cairo_create (s);

  g_assert_cmpuint (smt_report_layout_get_n_pages (layout), ==, 1);
  smt_report_layout_get_page_rows (layout, 0, &first, &n);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (n, ==, 0);
  smt_report_draw_page (layout, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  g_assert_true (has_ink (s, 100, 100, 500, 700));
  cairo_surface_destroy (s);
}

/* A 3.000-row list lays out and writes in well under a few seconds. */
static void
test_speed (void)
{
  g_autoptr(SmtReport) r = make_report (SMT_REPORT_PORTRAIT, 100);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("smt-report-pdf-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "list.pdf", NULL);
  gint64 t0 = g_get_monotonic_time (), t1, t2;
  g_autoptr(SmtReportLayout) layout = smt_report_layout_new (r);

  t1 = g_get_monotonic_time ();
  g_assert_cmpuint (r->body->len, ==, 3000);
  g_assert_true (smt_report_write_pdf (r, pdf, &error));
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  g_test_message ("3000 rows: layout %.3f s, %u pages; layout and PDF %.3f s",
                  (t1 - t0) / 1e6, smt_report_layout_get_n_pages (layout), (t2 - t1) / 1e6);
  g_assert_cmpint (t1 - t0, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (t2 - t1, <, 4 * G_USEC_PER_SEC);
  smt_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  g_test_add_func ("/report-pdf/landscape", test_landscape);
  g_test_add_func ("/report-pdf/margins", test_margins);
  g_test_add_func ("/report-pdf/portrait", test_portrait);
  g_test_add_func ("/report-pdf/failed-write", test_failed_write);
  g_test_add_func ("/report-pdf/annex", test_annex);
  g_test_add_func ("/report-pdf/tall-row", test_tall_row);
  g_test_add_func ("/report-pdf/empty", test_empty);
  g_test_add_func ("/report-pdf/speed", test_speed);
  return g_test_run ();
}
