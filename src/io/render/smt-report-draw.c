/* smt-report-draw.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/register/smt-register.h"
#include "io/files/smt-atomic-file.h"
#include "smt-report-draw.h"

/* Sizes in points, as offices set a Decree-30 page. */
#define MM             (72.0 / 25.4)
#define ISSUER_PT      12.5
#define NATION_PT      12.5
#define MOTTO_PT       13.0
#define DATE_PT        13.0
#define TITLE_PT       14.0
#define SUBTITLE_PT    13.0
#define SIGN_PT        13.0
#define PAGE_NO_PT     13.0
#define CELL_PAD       (1.5 * MM)
#define BORDER_WIDTH   0.5
#define RULE_WIDTH     0.6
#define SIGN_ROOM      (25.0 * MM)

typedef enum
{
  STYLE_BOLD   = 1 << 0,
  STYLE_ITALIC = 1 << 1,
} Style;

typedef struct
{
  guint    first;    /* the first body row on the page */
  guint    end;      /* one past the last */
  double   table_y;  /* the top of the header rows */
  gboolean tail;     /* the notes and the signature block follow the rows */
} Page;

struct _SmtReportLayout
{
  const SmtReport *report;
  PangoContext    *context;
  PangoLayout     *text;        /* reused to measure and to draw */
  PangoFontDescription *font;   /* reused; family set once */

  double           page_w, page_h;
  double           left, right, top, bottom;  /* the printable box */
  double          *col_x;       /* n_columns + 1 edges, page x */
  double          *header_h;    /* per header row */
  double           header_total;
  double          *body_h;      /* per body row */
  double           line_h[4];   /* one line of table text, per Style */
  double           frame_bottom;
  double           tail_h;
  GArray          *pages;       /* Page */
};

/* ---- text ---- */

/* A number and its unit stay on one line: no break before the "%" of
 * "chiếm tỷ lệ 80,4 %" (the text itself keeps its plain space, so that
 * pdftotext reads what the model says). NULL when text has none. */
static PangoAttrList *
keep_units (const char *text)
{
  PangoAttrList *attrs = NULL;

  for (const char *p = strstr (text, " %"); p != NULL; p = strstr (p + 2, " %"))
    {
      PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

      if (attrs == NULL)
        attrs = pango_attr_list_new ();
      attr->start_index = (guint) (p - text);
      attr->end_index = attr->start_index + 2;
      pango_attr_list_insert (attrs, attr);
    }
  return attrs;
}

/* Sets the shared layout to text in the report's family at size points,
 * wrapped to width (≤ 0: unwrapped) and aligned in it. */
static PangoLayout *
set_text (SmtReportLayout *self,
          const char      *text,
          double           size,
          Style            style,
          double           width,
          PangoAlignment   align)
{
  pango_font_description_set_absolute_size (self->font, size * PANGO_SCALE);
  pango_font_description_set_weight (self->font, (style & STYLE_BOLD) ? PANGO_WEIGHT_BOLD
                                                                     : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (self->font, (style & STYLE_ITALIC) ? PANGO_STYLE_ITALIC
                                                                      : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (self->text, self->font);
  pango_layout_set_width (self->text, width > 0 ? (int) floor (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (self->text, align);
  pango_layout_set_text (self->text, text, -1);
  {
    PangoAttrList *attrs = keep_units (text);

    pango_layout_set_attributes (self->text, attrs);
    if (attrs != NULL)
      pango_attr_list_unref (attrs);
  }
  return self->text;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* Lays text out at (x, y) over width, draws it when cr is set, and returns
 * its height. text_x/text_w, when set, receive where the text's line
 * starts and how long it is (for the rule under the motto). */
static double
put_text (SmtReportLayout *self,
          cairo_t         *cr,
          const char      *text,
          double           size,
          Style            style,
          double           x,
          double           y,
          double           width,
          PangoAlignment   align,
          double          *text_x,
          double          *text_w)
{
  PangoLayout *layout;
  PangoRectangle logical;

  if (text == NULL || *text == '\0')
    return 0;
  layout = set_text (self, text, size, style, width, align);
  pango_layout_get_extents (layout, NULL, &logical);
  if (text_x != NULL)
    *text_x = x + (double) logical.x / PANGO_SCALE;
  if (text_w != NULL)
    *text_w = (double) logical.width / PANGO_SCALE;
  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  return (double) logical.height / PANGO_SCALE;
}

static void
hline (cairo_t *cr,
       double   x,
       double   y,
       double   w)
{
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  cairo_stroke (cr);
}

/* Upper case for the parts that are set in capitals. */
static char *
caps (const char *text)
{
  return text != NULL ? g_utf8_strup (text, -1) : NULL;
}

/* ---- the title block (first page) ---- */

/* Places the issuing body, the nation and motto, the date line, the title
 * and the subtitle from the top margin; draws them when cr is set; returns
 * the y under them where the table starts. */
static double
place_frame (SmtReportLayout *self,
             cairo_t         *cr)
{
  const SmtReport *r = self->report;
  double width = self->right - self->left;
  double left_w, right_w, right_x;
  double ly = self->top, ry = self->top, y;
  double tx, tw;
  g_autofree char *issuer_top = caps (r->issuer_top);
  g_autofree char *issuer_bottom = caps (r->issuer_bottom);
  g_autofree char *nation = caps (r->nation);
  g_autofree char *title = caps (r->title);

  /* The left block takes what its lines need, at most 45 % of the width;
   * the right block the rest, ending at the right margin. */
  left_w = 0;
  {
    const char *parts[] = { issuer_top, issuer_bottom };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL)
        {
          int w;

          set_text (self, parts[i], ISSUER_PT, STYLE_BOLD, -1, PANGO_ALIGN_LEFT);
          pango_layout_get_size (self->text, &w, NULL);
          left_w = MAX (left_w, (double) w / PANGO_SCALE);
        }
  }
  left_w = MIN (left_w + 8.0 * MM, 0.45 * width);

  right_w = 0;
  {
    const char *parts[] = { nation, r->motto, r->place_date };
    const double sizes[] = { NATION_PT, MOTTO_PT, DATE_PT };
    const Style styles[] = { STYLE_BOLD, STYLE_BOLD, STYLE_ITALIC };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL)
        {
          int w;

          set_text (self, parts[i], sizes[i], styles[i], -1, PANGO_ALIGN_LEFT);
          pango_layout_get_size (self->text, &w, NULL);
          right_w = MAX (right_w, (double) w / PANGO_SCALE);
        }
  }
  right_w = MIN (right_w + 8.0 * MM, width - left_w);
  right_x = self->right - right_w;

  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);

  ly += put_text (self, cr, issuer_top, ISSUER_PT, STYLE_BOLD, self->left, ly, left_w,
                  PANGO_ALIGN_CENTER, NULL, NULL);
  if (issuer_bottom != NULL)
    {
      ly += put_text (self, cr, issuer_bottom, ISSUER_PT, STYLE_BOLD, self->left, ly, left_w,
                      PANGO_ALIGN_CENTER, NULL, NULL);
      ly += 2.0;
      if (cr != NULL)
        hline (cr, self->left + left_w / 3.0, ly, left_w / 3.0);
      ly += RULE_WIDTH;
    }

  ry += put_text (self, cr, nation, NATION_PT, STYLE_BOLD, right_x, ry, right_w,
                  PANGO_ALIGN_CENTER, NULL, NULL);
  if (r->motto != NULL && *r->motto != '\0')
    {
      ry += put_text (self, cr, r->motto, MOTTO_PT, STYLE_BOLD, right_x, ry, right_w,
                      PANGO_ALIGN_CENTER, &tx, &tw);
      ry += 2.0;
      if (cr != NULL)
        hline (cr, tx, ry, tw);
      ry += RULE_WIDTH;
    }
  if (r->place_date != NULL && *r->place_date != '\0')
    {
      ry += 8.0;
      ry += put_text (self, cr, r->place_date, DATE_PT, STYLE_ITALIC, right_x, ry, right_w,
                      PANGO_ALIGN_CENTER, NULL, NULL);
    }

  y = MAX (ly, ry);
  if (y > self->top)
    y += 18.0;
  y += put_text (self, cr, title, TITLE_PT, STYLE_BOLD, self->left, y, width,
                 PANGO_ALIGN_CENTER, NULL, NULL);
  y += put_text (self, cr, r->subtitle, SUBTITLE_PT, STYLE_ITALIC, self->left, y, width,
                 PANGO_ALIGN_CENTER, NULL, NULL);
  return y + 10.0;
}

/* ---- notes and signature (after the last row) ---- */

static double
place_tail (SmtReportLayout *self,
            cairo_t         *cr,
            double           y0)
{
  const SmtReport *r = self->report;
  double width = self->right - self->left;
  double y = y0 + 6.0;
  double sign_w = 0.45 * width;
  double sign_x = self->right - sign_w;
  g_autofree char *sign_for = caps (r->sign_for);
  g_autofree char *sign_title = caps (r->sign_title);

  if (cr != NULL)
    cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; r->notes != NULL && i < r->notes->len; i++)
    y += put_text (self, cr, g_ptr_array_index (r->notes, i), r->font_pt, STYLE_ITALIC,
                   self->left, y, width, PANGO_ALIGN_LEFT, NULL, NULL);

  if ((sign_for == NULL || *sign_for == '\0') && (sign_title == NULL || *sign_title == '\0'))
    return y - y0;
  y += 12.0;
  y += put_text (self, cr, sign_for, SIGN_PT, STYLE_BOLD, sign_x, y, sign_w,
                 PANGO_ALIGN_CENTER, NULL, NULL);
  y += put_text (self, cr, sign_title, SIGN_PT, STYLE_BOLD, sign_x, y, sign_w,
                 PANGO_ALIGN_CENTER, NULL, NULL);
  y += SIGN_ROOM;
  if (r->sign_name != NULL && *r->sign_name != '\0')
    y += put_text (self, cr, r->sign_name, SIGN_PT, STYLE_BOLD, sign_x, y, sign_w,
                   PANGO_ALIGN_CENTER, NULL, NULL);
  return y - y0;
}

/* ---- the table ---- */

static Style
cell_style (const SmtReportRow  *row,
            const SmtReportCell *cell)
{
  Style style = 0;

  if (cell->bold || row->kind != SMT_REPORT_ROW_NORMAL)
    style |= STYLE_BOLD;
  if (cell->italic)
    style |= STYLE_ITALIC;
  return style;
}

static PangoAlignment
pango_align (SmtReportAlign align)
{
  switch (align)
    {
    case SMT_REPORT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case SMT_REPORT_ALIGN_RIGHT:
      return PANGO_ALIGN_RIGHT;
    case SMT_REPORT_ALIGN_LEFT:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static double
cell_width (const SmtReportLayout *self,
            guint                  col,
            const SmtReportCell   *cell)
{
  guint end = MIN (col + MAX (cell->col_span, 1), self->report->n_columns);

  return self->col_x[end] - self->col_x[col];
}

/* The height a cell's text needs, padding included. */
static double
cell_need (SmtReportLayout     *self,
           const SmtReportRow  *row,
           guint                col)
{
  const SmtReportCell *cell = &row->cells[col];
  g_autofree char *text = smt_report_cell_text (cell);
  Style style = cell_style (row, cell);
  double avail = cell_width (self, col, cell) - 2 * CELL_PAD;
  double size = self->report->font_pt;

  /* No glyph of these fonts is wider than an em: a short text on one line
   * needs no shaping to be measured. */
  if (strchr (text, '\n') == NULL && g_utf8_strlen (text, -1) * size <= avail)
    return self->line_h[style] + 2 * CELL_PAD;
  set_text (self, text, size, style, avail, PANGO_ALIGN_LEFT);
  return layout_height (self->text) + 2 * CELL_PAD;
}

/* Row heights of one part (header or body): each row as tall as its
 * tallest one-row cell; a cell spanning rows that needs more than they
 * give spreads the difference over them. */
static double *
part_heights (SmtReportLayout *self,
              GPtrArray       *rows)
{
  guint n = rows != NULL ? rows->len : 0;
  guint ncol = self->report->n_columns;
  double *h = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const SmtReportRow *row = g_ptr_array_index (rows, i);

      h[i] = self->line_h[0] + 2 * CELL_PAD;
      for (guint c = 0; c < ncol; c++)
        if (!row->cells[c].covered && row->cells[c].row_span <= 1)
          h[i] = MAX (h[i], cell_need (self, row, c));
    }
  for (guint i = 0; i < n; i++)
    {
      const SmtReportRow *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < ncol; c++)
        {
          const SmtReportCell *cell = &row->cells[c];
          guint end;
          double have = 0, need;

          if (cell->covered || cell->row_span <= 1)
            continue;
          end = MIN (i + cell->row_span, n);
          for (guint k = i; k < end; k++)
            have += h[k];
          need = cell_need (self, row, c);
          if (need > have)
            for (guint k = i; k < end; k++)
              h[k] += (need - have) / (end - i);
        }
    }
  return h;
}

/* Draws the rows [first, end) of a part from y; returns the y under them. */
static double
draw_rows (SmtReportLayout *self,
           cairo_t         *cr,
           GPtrArray       *rows,
           const double    *heights,
           guint            first,
           guint            end,
           double           y)
{
  const SmtReport *r = self->report;
  g_autofree double *row_y = g_new (double, end - first + 1);

  row_y[0] = y;
  for (guint i = first; i < end; i++)
    row_y[i - first + 1] = row_y[i - first] + heights[i];

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, BORDER_WIDTH);
  for (guint i = first; i < end; i++)
    {
      const SmtReportRow *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < r->n_columns; c++)
        {
          const SmtReportCell *cell = &row->cells[c];
          g_autofree char *text = NULL;
          guint span_end;
          double x, w, top, h, th;

          if (cell->covered)
            continue;
          span_end = MIN (i + MAX (cell->row_span, 1), end);
          x = self->col_x[c];
          w = cell_width (self, c, cell);
          top = row_y[i - first];
          h = row_y[span_end - first] - top;
          cairo_rectangle (cr, x, top, w, h);
          cairo_stroke (cr);

          text = smt_report_cell_text (cell);
          if (*text == '\0')
            continue;
          set_text (self, text, r->font_pt, cell_style (row, cell), w - 2 * CELL_PAD,
                    pango_align (cell->align));
          th = layout_height (self->text);
          cairo_save (cr);
          cairo_rectangle (cr, x, top, w, h);
          cairo_clip (cr);
          cairo_move_to (cr, x + CELL_PAD, top + MAX ((h - th) / 2, CELL_PAD));
          pango_cairo_show_layout (cr, self->text);
          cairo_restore (cr);
        }
    }
  return row_y[end - first];
}

/* ---- pagination ---- */

/* Rows [start, end) that go on one page together; tail: the notes and the
 * signature block follow them. */
typedef struct
{
  guint    start, end;
  double   h;
  gboolean tail;
} Block;

static SmtReportRowKind
row_kind (const SmtReport *r,
          guint            i)
{
  return ((const SmtReportRow *) g_ptr_array_index (r->body, i))->kind;
}

/* The body cut into blocks that must not be parted: rows joined by a row
 * span; a group heading with the unit after it; a total with the unit
 * before it (one total, so that a long run of totals still breaks). A
 * keep gives way when the block would no longer fit on a page. The last
 * block takes the notes and the signature block. */
static GArray *
make_blocks (SmtReportLayout *self)
{
  const SmtReport *r = self->report;
  guint n = r->body != NULL ? r->body->len : 0;
  g_autofree guint *unit_end = g_new (guint, n + 1);
  g_autofree double *at = g_new0 (double, n + 1);  /* the rows above row i */
  double room = self->bottom - self->top - self->header_total;
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  Block *last;
  guint u;

  for (guint i = 0; i < n; i++)
    at[i + 1] = at[i] + self->body_h[i];

  for (guint i = 0; i < n;)
    {
      guint end = i + 1;

      for (guint k = i; k < end; k++)
        {
          const SmtReportRow *row = g_ptr_array_index (r->body, k);

          for (guint c = 0; c < r->n_columns; c++)
            if (!row->cells[c].covered)
              end = MAX (end, MIN (k + MAX (row->cells[c].row_span, 1), n));
        }
      for (guint k = i; k < end; k++)
        unit_end[k] = end;
      i = end;
    }

  for (guint i = 0; i < n;)
    {
      guint end = unit_end[i];
      Block b;

      while (end < n &&
             (row_kind (r, end - 1) == SMT_REPORT_ROW_GROUP ||
              (row_kind (r, end) == SMT_REPORT_ROW_TOTAL &&
               row_kind (r, end - 1) != SMT_REPORT_ROW_TOTAL)) &&
             at[unit_end[end]] - at[i] <= room)
        end = unit_end[end];
      b = (Block) { i, end, at[end] - at[i], FALSE };
      g_array_append_val (blocks, b);
      i = end;
    }

  if (blocks->len == 0)
    {
      Block b = { 0, 0, self->tail_h, TRUE };

      g_array_append_val (blocks, b);
      return blocks;
    }

  /* The signature block is never alone on a page: it takes the last block
   * with it, or when both do not fit on a page, the last unit. */
  last = &g_array_index (blocks, Block, blocks->len - 1);
  if (last->h + self->tail_h <= room)
    {
      last->h += self->tail_h;
      last->tail = TRUE;
      return blocks;
    }
  for (u = last->start; unit_end[u] < n; u = unit_end[u])
    ;
  if (u > last->start && row_kind (r, u - 1) != SMT_REPORT_ROW_GROUP &&
      at[n] - at[u] + self->tail_h <= room)
    {
      Block b = { u, n, at[n] - at[u] + self->tail_h, TRUE };

      last->end = u;
      last->h = at[u] - at[last->start];
      g_array_append_val (blocks, b);
    }
  else
    {
      /* Notes too long to go with any row: on a page of their own. */
      Block b = { n, n, self->tail_h, TRUE };

      g_array_append_val (blocks, b);
    }
  return blocks;
}

static void
paginate (SmtReportLayout *self)
{
  const SmtReport *r = self->report;
  g_autoptr(GArray) blocks = make_blocks (self);
  Page page = { 0, 0, self->frame_bottom, FALSE };
  double y = page.table_y + self->header_total;

  for (guint k = 0; k < blocks->len; k++)
    {
      const Block *b = &g_array_index (blocks, Block, k);

      if (y + b->h > self->bottom)
        {
          double fresh = self->top + (b->end > b->start ? self->header_total : 0);

          /* Move on to a new page when this one holds rows, or when it is
           * the first page and the block fits on a page of its own. */
          if (page.end > page.first ||
              (self->pages->len == 0 && fresh + b->h <= self->bottom))
            {
              g_array_append_val (self->pages, page);
              page = (Page) { b->start, b->start, self->top, FALSE };
              y = fresh;
            }
          if (y + b->h > self->bottom)
            g_warning ("report %s: rows %u to %u are taller than a page; they are cut",
                       r->code, b->start + 1, b->end);
        }
      page.end = b->end;
      page.tail = page.tail || b->tail;
      y += b->h;
    }
  g_array_append_val (self->pages, page);
}

/* ---- the layout ---- */

SmtReportLayout *
smt_report_layout_new (const SmtReport *report)
{
  SmtReportLayout *self;
  cairo_font_options_t *options;
  double x;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_new0 (SmtReportLayout, 1);
  self->report = report;

  /* Metrics that do not depend on the device: the pages break alike on
   * screen, on paper and in the PDF. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  self->text = pango_layout_new (self->context);
  pango_layout_set_wrap (self->text, PANGO_WRAP_WORD_CHAR);
  self->font = pango_font_description_new ();
  pango_font_description_set_family (self->font, SMT_REPORT_FONT_FAMILY);

  /* A4 to a hundredth of a point, as PDF readers print it: 841,89 × 595,28. */
  if (report->orientation == SMT_REPORT_LANDSCAPE)
    {
      self->page_w = round (SMT_REPORT_PAPER_HEIGHT_MM * MM * 100) / 100;
      self->page_h = round (SMT_REPORT_PAPER_WIDTH_MM * MM * 100) / 100;
    }
  else
    {
      self->page_w = round (SMT_REPORT_PAPER_WIDTH_MM * MM * 100) / 100;
      self->page_h = round (SMT_REPORT_PAPER_HEIGHT_MM * MM * 100) / 100;
    }
  self->left = SMT_REPORT_MARGIN_LEFT_MM * MM;
  self->right = self->page_w - SMT_REPORT_MARGIN_RIGHT_MM * MM;
  self->top = SMT_REPORT_MARGIN_TOP_MM * MM;
  self->bottom = self->page_h - SMT_REPORT_MARGIN_BOTTOM_MM * MM;

  self->col_x = g_new (double, report->n_columns + 1);
  x = self->left;
  for (guint c = 0; c < report->n_columns; c++)
    {
      self->col_x[c] = x;
      x += report->columns[c].width_mm * MM;
    }
  self->col_x[report->n_columns] = x;

  for (guint s = 0; s < G_N_ELEMENTS (self->line_h); s++)
    {
      set_text (self, "ẤĐg", report->font_pt, s, -1, PANGO_ALIGN_LEFT);
      self->line_h[s] = layout_height (self->text);
    }

  self->header_h = part_heights (self, report->header);
  self->header_total = 0;
  for (guint i = 0; report->header != NULL && i < report->header->len; i++)
    self->header_total += self->header_h[i];
  self->body_h = part_heights (self, report->body);
  self->frame_bottom = place_frame (self, NULL);
  self->tail_h = place_tail (self, NULL, 0);

  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  paginate (self);
  return self;
}

void
smt_report_layout_free (SmtReportLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->pages);
  g_free (self->col_x);
  g_free (self->header_h);
  g_free (self->body_h);
  pango_font_description_free (self->font);
  g_object_unref (self->text);
  g_object_unref (self->context);
  g_free (self);
}

guint
smt_report_layout_get_n_pages (const SmtReportLayout *self)
{
  return self->pages->len;
}

void
smt_report_layout_get_page_size (const SmtReportLayout *self,
                                 double                *width_pt,
                                 double                *height_pt)
{
  if (width_pt != NULL)
    *width_pt = self->page_w;
  if (height_pt != NULL)
    *height_pt = self->page_h;
}

void
smt_report_layout_get_page_rows (const SmtReportLayout *self,
                                 guint                  page,
                                 guint                 *first,
                                 guint                 *n_rows)
{
  const Page *p;

  g_return_if_fail (page < self->pages->len);
  p = &g_array_index (self->pages, Page, page);
  if (first != NULL)
    *first = p->first;
  if (n_rows != NULL)
    *n_rows = p->end - p->first;
}

void
smt_report_draw_page (const SmtReportLayout *layout,
                      cairo_t               *cr,
                      guint                  page)
{
  /* The shared Pango layout is scratch space; drawing changes nothing a
   * caller can see. */
  SmtReportLayout *self = (SmtReportLayout *) layout;
  const SmtReport *r = self->report;
  const Page *p;
  double y;

  g_return_if_fail (page < self->pages->len);
  p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->page_w, self->page_h);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", page + 1);
      double h;

      set_text (self, number, PAGE_NO_PT, 0, -1, PANGO_ALIGN_LEFT);
      h = layout_height (self->text);
      put_text (self, cr, number, PAGE_NO_PT, 0, self->left, (self->top - h) / 2,
                self->right - self->left, PANGO_ALIGN_CENTER, NULL, NULL);
    }
  /* The rest stays inside the printable box (a border's half width
   * aside), even a row too tall for a page. */
  cairo_rectangle (cr, self->left - BORDER_WIDTH, self->top - BORDER_WIDTH,
                   self->right - self->left + 2 * BORDER_WIDTH,
                   self->bottom - self->top + 2 * BORDER_WIDTH);
  cairo_clip (cr);
  if (page == 0)
    place_frame (self, cr);

  /* The header rows head every page but one that holds only the notes
   * and the signature block. */
  y = p->table_y;
  if (p->end > p->first || r->body == NULL || r->body->len == 0)
    y = draw_rows (self, cr, r->header, self->header_h, 0,
                   r->header != NULL ? r->header->len : 0, y);
  if (p->end > p->first)
    y = draw_rows (self, cr, r->body, self->body_h, p->first, p->end, y);
  if (p->tail)
    place_tail (self, cr, y);
  cairo_restore (cr);
}

gboolean
smt_report_write_pdf (const SmtReport  *report,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(SmtReportLayout) layout = NULL;
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  if (!smt_report_check (report, error))
    return FALSE;
  layout = smt_report_layout_new (report);
  smt_report_layout_get_page_size (layout, &w, &h);

  tmp = smt_atomic_file_temp_path (path);
  surface = cairo_pdf_surface_create (tmp, w, h);
  if (report->title != NULL)
    {
      g_autofree char *title = g_strdelimit (g_utf8_strup (report->title, -1), "\n", ' ');

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Sổ Mặt trận");
  cr = cairo_create (surface);
  for (guint i = 0; i < smt_report_layout_get_n_pages (layout); i++)
    {
      smt_report_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      smt_atomic_file_abandon (tmp);
      g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_OPEN,
                   _("The report could not be written to “%s” (%s). Check that the folder "
                     "exists, that you may write in it and that there is room on the disk, "
                     "then save again."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return smt_atomic_file_commit (tmp, path, error);
}
