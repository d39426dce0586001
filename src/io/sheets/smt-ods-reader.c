/* smt-ods-reader.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smt-ods-reader.h"
#include "smt-sheet-xml.h"

struct _SmtOdsReader
{
  GsfInfile *zip;
  char      *file_name;
  GPtrArray *sheet_names;
};

#define NAME_IS(name, literal) (strcmp ((name), (literal)) == 0)

/* Spaces one <text:s text:c="…"/> may stand for. */
#define MAX_SPACES 1000

static gpointer
fail_xml (SmtOdsReader  *x,
          SmtSheetXml   *xml,
          GError       **error)
{
  g_autofree char *detail = g_strdup_printf ("content.xml: %s", smt_sheet_xml_problem (xml));

  return smt_sheet_fail_damaged (error, x->file_name, detail);
}

static guint64
count_attr (xmlTextReaderPtr  r,
            const char       *name,
            guint64           max)
{
  const char *value = smt_sheet_xml_attr (r, name);
  guint64 n = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 1;

  return CLAMP (n, 1, max);
}

SmtOdsReader *
smt_ods_reader_new (GsfInfile   *zip,
                    const char  *file_name,
                    GError     **error)
{
  g_autoptr(SmtOdsReader) x = g_new0 (SmtOdsReader, 1);
  g_autoptr(SmtGsfInput) input = NULL;
  g_autoptr(SmtSheetXml) xml = NULL;
  xmlTextReaderPtr r;
  int ret;

  g_return_val_if_fail (GSF_IS_INFILE (zip), NULL);

  x->zip = g_object_ref (zip);
  x->file_name = g_strdup (file_name);
  x->sheet_names = g_ptr_array_new_with_free_func (g_free);
  input = smt_sheet_zip_member (zip, "content.xml");
  if (input == NULL)
    return smt_sheet_fail_damaged (error, file_name, "content.xml");
  xml = smt_sheet_xml_new (input);
  r = smt_sheet_xml_reader (xml);
  if (r == NULL)
    return fail_xml (x, xml, error);
  ret = xmlTextReaderRead (r);
  while (ret == 1)
    {
      if (xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT
          && NAME_IS ((const char *) xmlTextReaderConstLocalName (r), "table"))
        {
          const char *name = smt_sheet_xml_attr (r, "name");

          g_ptr_array_add (x->sheet_names, g_strdup (name != NULL ? name : ""));
          /* The table's rows are read when the sheet is. */
          ret = xmlTextReaderNext (r);
          continue;
        }
      ret = xmlTextReaderRead (r);
    }
  if (ret < 0)
    return fail_xml (x, xml, error);
  if (x->sheet_names->len == 0)
    return smt_sheet_fail_format (error, file_name, _("its workbook lists no sheet"));
  return g_steal_pointer (&x);
}

void
smt_ods_reader_free (SmtOdsReader *x)
{
  if (x == NULL)
    return;
  g_clear_object (&x->zip);
  g_free (x->file_name);
  g_clear_pointer (&x->sheet_names, g_ptr_array_unref);
  g_free (x);
}

guint
smt_ods_reader_n_sheets (SmtOdsReader *x)
{
  return x->sheet_names->len;
}

const char *
smt_ods_reader_sheet_name (SmtOdsReader *x,
                           guint         index)
{
  g_return_val_if_fail (index < x->sheet_names->len, NULL);
  return g_ptr_array_index (x->sheet_names, index);
}

/* A cell of the row being read, written once the row's repeat is known. */
typedef struct
{
  guint   col;
  guint   repeat;      /* columns */
  guint   span_cols;
  guint   span_rows;
  guint8  kind;
  double  number;
  char   *text;
} Pending;

static void
clear_pending (gpointer data)
{
  g_free (((Pending *) data)->text);
}

/* "PT08H30M00S" as a fraction of a day. */
static double
duration_to_days (const char *text)
{
  double h = 0, m = 0, s = 0;

  if (text == NULL || sscanf (text, "PT%lfH%lfM%lfS", &h, &m, &s) < 1)
    return 0.0;
  return (h * 3600.0 + m * 60.0 + s) / 86400.0;
}

typedef struct
{
  SmtSheet    *sheet;
  SmtSheetJob *job;
  GArray      *pending;    /* Pending */
  gint64       row;
  guint        row_repeat;
  gint64       col;
  /* The cell being read. */
  gboolean     in_cell;
  gboolean     in_p;
  guint        paragraphs;
  guint        repeat;
  guint        span_cols;
  guint        span_rows;
  SmtCellKind  kind;
  double       number;
  char        *string_value;
  GString     *text;
} OdsRead;

static void
start_cell (OdsRead          *s,
            xmlTextReaderPtr  r)
{
  const char *value = NULL, *date = NULL, *boolean = NULL, *time = NULL;
  char type = 0;  /* n(umber), d(ate), t(ime), b(oolean), s(tring) */

  s->repeat = 1;
  s->span_cols = s->span_rows = 1;
  s->kind = SMT_CELL_EMPTY;
  s->paragraphs = 0;
  g_string_truncate (s->text, 0);
  g_clear_pointer (&s->string_value, g_free);
  while (xmlTextReaderMoveToNextAttribute (r) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (r);
      const char *v = (const char *) xmlTextReaderConstValue (r);
      guint64 n;

      if (v == NULL)
        continue;
      if (NAME_IS (name, "number-columns-repeated"))
        {
          n = g_ascii_strtoull (v, NULL, 10);
          s->repeat = (guint) CLAMP (n, 1, SMT_SHEET_MAX_COLS);
        }
      else if (NAME_IS (name, "number-columns-spanned"))
        {
          n = g_ascii_strtoull (v, NULL, 10);
          s->span_cols = (guint) CLAMP (n, 1, SMT_SHEET_MAX_COLS);
        }
      else if (NAME_IS (name, "number-rows-spanned"))
        {
          n = g_ascii_strtoull (v, NULL, 10);
          s->span_rows = (guint) CLAMP (n, 1, SMT_SHEET_MAX_ROWS);
        }
      /* Values are parsed at once: the strings belong to the reader. */
      else if (NAME_IS (name, "value-type"))
        {
          if (NAME_IS (v, "float") || NAME_IS (v, "percentage") || NAME_IS (v, "currency"))
            type = 'n';
          else if (NAME_IS (v, "date") || NAME_IS (v, "time") || NAME_IS (v, "boolean"))
            type = v[0];
          else
            type = 's';
        }
      else if (NAME_IS (name, "value"))
        s->number = g_ascii_strtod (v, NULL), value = "";
      else if (NAME_IS (name, "date-value"))
        date = smt_sheet_iso_to_serial (v, &s->number) ? "" : NULL;
      else if (NAME_IS (name, "boolean-value"))
        boolean = NAME_IS (v, "true") ? "1" : "0";
      else if (NAME_IS (name, "time-value"))
        s->number = duration_to_days (v), time = "";
      else if (NAME_IS (name, "string-value"))
        s->string_value = g_strdup (v);
    }
  xmlTextReaderMoveToElement (r);
  if (type == 0)
    return;
  if (type == 'n')
    s->kind = value != NULL ? SMT_CELL_NUMBER : SMT_CELL_EMPTY;
  else if (type == 'd')
    s->kind = date != NULL ? SMT_CELL_DATE : SMT_CELL_TEXT;
  else if (type == 't')
    s->kind = time != NULL ? SMT_CELL_NUMBER : SMT_CELL_TEXT;
  else if (type == 'b')
    {
      s->kind = boolean != NULL ? SMT_CELL_BOOL : SMT_CELL_TEXT;
      s->number = boolean != NULL && boolean[0] == '1';
    }
  else
    s->kind = SMT_CELL_TEXT;
}

static void
end_cell (OdsRead *s)
{
  Pending p = { 0 };

  s->in_cell = FALSE;
  if (s->kind == SMT_CELL_EMPTY || s->kind == SMT_CELL_TEXT)
    {
      const char *text = s->text->len > 0 || s->string_value == NULL ? s->text->str
                                                                       : s->string_value;
      if (*text != '\0')
        {
          p.kind = SMT_CELL_TEXT;
          p.text = g_strdup (text);
        }
    }
  else
    {
      p.kind = s->kind;
      p.number = s->number;
    }
  if (p.kind != SMT_CELL_EMPTY && s->col < SMT_SHEET_MAX_COLS)
    {
      p.col = (guint) s->col;
      p.repeat = (guint) MIN (s->repeat, SMT_SHEET_MAX_COLS - s->col);
      p.span_cols = s->span_cols;
      p.span_rows = s->span_rows;
      g_array_append_val (s->pending, p);
    }
  s->col = MIN (s->col + s->repeat, (gint64) SMT_SHEET_MAX_COLS + 1);
}

static gboolean
end_row (OdsRead      *s,
         SmtSheetXml  *xml,
         GError      **error)
{
  /* Empty rows cost nothing however often they repeat (the filler a sheet
   * ends with); rows with values are written as often as they repeat, up
   * to the budget of cells. */
  for (guint rep = 0; rep < s->row_repeat && s->pending->len > 0; rep++)
    {
      gint64 row = s->row + rep;

      for (guint i = 0; i < s->pending->len; i++)
        {
          const Pending *p = &g_array_index (s->pending, Pending, i);

          for (guint c = 0; c < p->repeat; c++)
            {
              if (!smt_sheet_job_room (s->job, s->sheet, (guint) MIN (row, G_MAXUINT),
                                       p->col + c, error))
                return FALSE;
              if (p->kind == SMT_CELL_TEXT)
                smt_sheet_set_text (s->sheet, (guint) row, p->col + c, p->text, -1,
                                    SMT_TEXT_HINT_NONE, 0);
              else
                smt_sheet_set_number (s->sheet, (guint) row, p->col + c, p->kind, p->number);
            }
          if (rep == 0 && (p->span_cols > 1 || p->span_rows > 1))
            {
              SmtCellRange range = {
                .first_row = (guint) row,
                .first_col = p->col,
                .last_row = (guint) MIN (row + p->span_rows - 1, SMT_SHEET_MAX_ROWS - 1),
                .last_col = MIN (p->col + p->span_cols - 1, SMT_SHEET_MAX_COLS - 1),
              };

              smt_sheet_add_merged (s->sheet, &range);
            }
        }
      if (!smt_sheet_job_row (s->job, smt_sheet_xml_fraction (xml), error))
        return FALSE;
    }
  g_array_set_size (s->pending, 0);
  s->row = MIN (s->row + s->row_repeat, (gint64) SMT_SHEET_MAX_ROWS + 1);
  return smt_sheet_job_row (s->job, smt_sheet_xml_fraction (xml), error);
}

SmtSheet *
smt_ods_reader_read (SmtOdsReader  *x,
                     guint          index,
                     SmtSheetJob   *job,
                     GError       **error)
{
  g_autoptr(SmtGsfInput) input = NULL;
  g_autoptr(SmtSheetXml) xml = NULL;
  g_autoptr(SmtSheet) sheet = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr r;
  guint table = 0;
  int table_depth = -1;
  OdsRead s;
  int ret;

  g_return_val_if_fail (index < x->sheet_names->len, NULL);

  g_array_set_clear_func (pending, clear_pending);
  input = smt_sheet_zip_member (x->zip, "content.xml");
  if (input == NULL)
    return smt_sheet_fail_damaged (error, x->file_name, "content.xml");
  xml = smt_sheet_xml_new (input);
  r = smt_sheet_xml_reader (xml);
  if (r == NULL)
    return fail_xml (x, xml, error);
  sheet = smt_sheet_new (g_ptr_array_index (x->sheet_names, index));
  s = (OdsRead) { .sheet = sheet, .job = job, .pending = pending, .text = text };

  ret = xmlTextReaderRead (r);
  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (r);
      const char *name;
      gboolean empty;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
          || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)
        {
          if (s.in_p)
            g_string_append (s.text, (const char *) xmlTextReaderConstValue (r));
          ret = xmlTextReaderRead (r);
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
        {
          ret = xmlTextReaderRead (r);
          continue;
        }
      name = (const char *) xmlTextReaderConstLocalName (r);
      empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (r) == 1;

      if (table_depth < 0)
        {
          if (type == XML_READER_TYPE_ELEMENT && NAME_IS (name, "table"))
            {
              if (table++ == index)
                {
                  if (empty)
                    break;
                  table_depth = xmlTextReaderDepth (r);
                }
              else
                {
                  ret = xmlTextReaderNext (r);
                  continue;
                }
            }
          ret = xmlTextReaderRead (r);
          continue;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (NAME_IS (name, "table-row"))
            {
              s.row_repeat = (guint) count_attr (r, "number-rows-repeated", SMT_SHEET_MAX_ROWS);
              s.col = 0;
              g_array_set_size (s.pending, 0);
              if (empty && !end_row (&s, xml, error))
                {
                  g_free (s.string_value);
                  return NULL;
                }
            }
          else if (NAME_IS (name, "table-cell") || NAME_IS (name, "covered-table-cell"))
            {
              start_cell (&s, r);
              s.in_cell = TRUE;
              if (empty)
                end_cell (&s);
            }
          else if (s.in_cell && (NAME_IS (name, "annotation") || NAME_IS (name, "note")
                                 || NAME_IS (name, "table")))
            {
              /* Comments and tables inside a cell are not its value. */
              ret = xmlTextReaderNext (r);
              continue;
            }
          else if (s.in_cell && (NAME_IS (name, "p") || NAME_IS (name, "h")))
            {
              if (s.paragraphs++ > 0)
                g_string_append_c (s.text, '\n');
              s.in_p = !empty;
            }
          else if (s.in_p && NAME_IS (name, "s"))
            {
              guint64 n = count_attr (r, "c", MAX_SPACES);

              for (guint64 i = 0; i < n; i++)
                g_string_append_c (s.text, ' ');
            }
          else if (s.in_p && NAME_IS (name, "tab"))
            g_string_append_c (s.text, '\t');
          else if (s.in_p && NAME_IS (name, "line-break"))
            g_string_append_c (s.text, '\n');
        }
      else
        {
          if (NAME_IS (name, "table") && xmlTextReaderDepth (r) == table_depth)
            break;
          if (NAME_IS (name, "p") || NAME_IS (name, "h"))
            s.in_p = FALSE;
          else if ((NAME_IS (name, "table-cell") || NAME_IS (name, "covered-table-cell"))
                   && s.in_cell)
            end_cell (&s);
          else if (NAME_IS (name, "table-row") && !end_row (&s, xml, error))
            {
              g_free (s.string_value);
              return NULL;
            }
        }
      ret = xmlTextReaderRead (r);
    }
  g_free (s.string_value);
  if (ret < 0)
    return fail_xml (x, xml, error);
  return g_steal_pointer (&sheet);
}
