/* smt-xlsx-reader.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "smt-sheet-xml.h"
#include "smt-xlsx-reader.h"

typedef struct
{
  gboolean date;
  int      font;        /* workbook font, -1 = none */
} Xf;

struct _SmtXlsxReader
{
  GsfInfile   *zip;
  char        *file_name;
  GPtrArray   *sheet_names;  /* char * */
  GPtrArray   *sheet_parts;  /* char *: path inside the zip */
  GPtrArray   *strings;      /* char *: the shared strings */
  GArray      *string_fonts; /* int: workbook font of a shared string's first run, -1 */
  GArray      *xfs;          /* Xf: cellXfs */
  GPtrArray   *font_names;   /* char *: every font named by styles or runs */
  GHashTable  *font_index;   /* font name → index + 1 in font_names */
};

#define NAME_IS(name, literal) (strcmp ((name), (literal)) == 0)

static int
intern_font (SmtXlsxReader *x,
             const char    *name)
{
  gpointer found;

  if (name == NULL || *name == '\0')
    return -1;
  found = g_hash_table_lookup (x->font_index, name);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;
  g_ptr_array_add (x->font_names, g_strdup (name));
  g_hash_table_insert (x->font_index, g_ptr_array_index (x->font_names, x->font_names->len - 1),
                       GINT_TO_POINTER (x->font_names->len));
  return (int) x->font_names->len - 1;
}

/* OOXML writes characters XML cannot hold as _xHHHH_ (a carriage return is
 * _x000D_); a literal "_x" is itself escaped as _x005F_. */
static void
unescape_ooxml (GString *text)
{
  GString *out;
  const char *p;

  if (strstr (text->str, "_x") == NULL)
    return;
  out = g_string_sized_new (text->len);
  for (p = text->str; *p != '\0'; )
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) (g_ascii_xdigit_value (p[2]) << 12 | g_ascii_xdigit_value (p[3]) << 8
                                   | g_ascii_xdigit_value (p[4]) << 4 | g_ascii_xdigit_value (p[5]));

          if (c != 0 && g_unichar_validate (c))
            g_string_append_unichar (out, c);
          p += 7;
        }
      else
        g_string_append_c (out, *p++);
    }
  g_string_assign (text, out->str);
  g_string_free (out, TRUE);
}

/* "AB12" → column 27, row 11 (from 0); a part may be missing. */
static void
parse_ref (const char *ref,
           gint64     *col,
           gint64     *row)
{
  gint64 c = 0, r = 0;
  const char *p = ref;

  *col = *row = -1;
  if (ref == NULL)
    return;
  while (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p) && c <= SMT_SHEET_MAX_COLS; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  while (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p) && r <= SMT_SHEET_MAX_ROWS; p++)
    r = r * 10 + (*p - '0');
  if (c > 0)
    *col = c - 1;
  if (r > 0)
    *row = r - 1;
}

/* A number format is a date when its first section shows a day, a month
 * or a year: d, y, or m outside a time (no h or s beside it). Quoted text,
 * escapes and brackets ([Red], [$-42A], elapsed [h]) do not count. */
static gboolean
format_is_date (const char *code)
{
  gboolean d = FALSE, m = FALSE, hs = FALSE;

  for (const char *p = code; p != NULL && *p != '\0' && *p != ';'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return d || (m && !hs);
          break;
        case '[':
          p = strchr (p + 1, ']');
          if (p == NULL)
            return d || (m && !hs);
          break;
        case '\\': case '_': case '*':
          if (p[1] != '\0')
            p++;
          break;
        case 'd': case 'D': case 'y': case 'Y': case 'e':
          d = TRUE;
          break;
        case 'm': case 'M':
          m = TRUE;
          break;
        case 'h': case 'H': case 's': case 'S':
          hs = TRUE;
          break;
        default:
          break;
        }
    }
  return d || (m && !hs);
}

static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

static gboolean
fail_xml (SmtXlsxReader  *x,
          SmtSheetXml    *xml,
          const char     *part,
          GError        **error)
{
  g_autofree char *detail = g_strdup_printf ("%s: %s", part, smt_sheet_xml_problem (xml));

  return smt_sheet_fail_damaged (error, x->file_name, detail) != NULL;
}

static gboolean
read_workbook (SmtXlsxReader  *x,
               GHashTable     *targets,
               GError        **error)
{
  g_autoptr(SmtGsfInput) input = smt_sheet_zip_member (x->zip, "xl/workbook.xml");
  g_autoptr(SmtSheetXml) xml = NULL;
  xmlTextReaderPtr r;
  int ret;

  if (input == NULL)
    return smt_sheet_fail_format (error, x->file_name, _("it has no workbook")) != NULL;
  xml = smt_sheet_xml_new (input);
  r = smt_sheet_xml_reader (xml);
  if (r == NULL)
    return fail_xml (x, xml, "xl/workbook.xml", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      g_autofree char *name = NULL;
      g_autofree char *id = NULL;
      const char *target;

      if (xmlTextReaderNodeType (r) != XML_READER_TYPE_ELEMENT
          || !NAME_IS ((const char *) xmlTextReaderConstLocalName (r), "sheet"))
        continue;
      name = g_strdup (smt_sheet_xml_attr (r, "name"));
      id = g_strdup (smt_sheet_xml_attr (r, "id"));
      target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
      if (target == NULL)
        continue;
      g_ptr_array_add (x->sheet_names,
                       g_strdup (name != NULL ? name : ""));
      g_ptr_array_add (x->sheet_parts, g_strdup (target));
    }
  if (ret < 0)
    return fail_xml (x, xml, "xl/workbook.xml", error);
  if (x->sheet_names->len == 0)
    return smt_sheet_fail_format (error, x->file_name, _("its workbook lists no sheet")) != NULL;
  return TRUE;
}

/* Relationship targets are relative to xl/ unless they start with "/". */
static char *
resolve_target (const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat ("xl/", target, NULL);
  g_strdelimit (joined, "\\", '/');
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (NAME_IS (parts[i], "..") && out->len > 0)
        g_ptr_array_remove_index (out, out->len - 1);
      else if (*parts[i] != '\0' && !NAME_IS (parts[i], ".") && !NAME_IS (parts[i], ".."))
        g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("/", (char **) out->pdata);
}

static gboolean
read_rels (SmtXlsxReader  *x,
           GHashTable     *targets,
           char          **strings_part,
           char          **styles_part,
           GError        **error)
{
  g_autoptr(SmtGsfInput) input = smt_sheet_zip_member (x->zip, "xl/_rels/workbook.xml.rels");
  g_autoptr(SmtSheetXml) xml = NULL;
  xmlTextReaderPtr r;
  int ret;

  if (input == NULL)
    return smt_sheet_fail_damaged (error, x->file_name, "xl/_rels/workbook.xml.rels") != NULL;
  xml = smt_sheet_xml_new (input);
  r = smt_sheet_xml_reader (xml);
  if (r == NULL)
    return fail_xml (x, xml, "xl/_rels/workbook.xml.rels", error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      g_autofree char *mode = NULL;

      if (xmlTextReaderNodeType (r) != XML_READER_TYPE_ELEMENT
          || !NAME_IS ((const char *) xmlTextReaderConstLocalName (r), "Relationship"))
        continue;
      id = g_strdup (smt_sheet_xml_attr (r, "Id"));
      target = g_strdup (smt_sheet_xml_attr (r, "Target"));
      type = g_strdup (smt_sheet_xml_attr (r, "Type"));
      mode = g_strdup (smt_sheet_xml_attr (r, "TargetMode"));
      if (id == NULL || target == NULL || (mode != NULL && NAME_IS (mode, "External")))
        continue;
      if (type != NULL && g_str_has_suffix (type, "/sharedStrings") && *strings_part == NULL)
        *strings_part = resolve_target (target);
      else if (type != NULL && g_str_has_suffix (type, "/styles") && *styles_part == NULL)
        *styles_part = resolve_target (target);
      g_hash_table_insert (targets, g_steal_pointer (&id), resolve_target (target));
    }
  if (ret < 0)
    return fail_xml (x, xml, "xl/_rels/workbook.xml.rels", error);
  return TRUE;
}

static gboolean
read_shared_strings (SmtXlsxReader  *x,
                     const char     *part,
                     GError        **error)
{
  g_autoptr(SmtGsfInput) input = smt_sheet_zip_member (x->zip, part);
  g_autoptr(SmtSheetXml) xml = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReaderPtr r;
  gboolean in_si = FALSE, in_t = FALSE, in_phonetic = FALSE;
  guint runs = 0;
  int font = -1;
  int ret;

  if (input == NULL)
    return TRUE;
  xml = smt_sheet_xml_new (input);
  r = smt_sheet_xml_reader (xml);
  if (r == NULL)
    return fail_xml (x, xml, part, error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      int type = xmlTextReaderNodeType (r);
      const char *name;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
          || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        {
          if (in_t && !in_phonetic)
            g_string_append (text, (const char *) xmlTextReaderConstValue (r));
          continue;
        }
      if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
        continue;
      name = (const char *) xmlTextReaderConstLocalName (r);
      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (r) == 1;

          if (NAME_IS (name, "si"))
            {
              g_string_truncate (text, 0);
              runs = 0;
              font = -1;
              in_si = !empty;
              if (empty)
                {
                  g_ptr_array_add (x->strings, g_strdup (""));
                  g_array_append_val (x->string_fonts, font);
                }
            }
          else if (NAME_IS (name, "t"))
            in_t = in_si && !empty;
          else if (NAME_IS (name, "r"))
            runs++;
          else if (NAME_IS (name, "rPh"))
            in_phonetic = !empty;
          else if (NAME_IS (name, "rFont") && in_si && runs == 1 && font < 0 && !in_phonetic)
            font = intern_font (x, smt_sheet_xml_attr (r, "val"));
        }
      else if (NAME_IS (name, "t"))
        in_t = FALSE;
      else if (NAME_IS (name, "rPh"))
        in_phonetic = FALSE;
      else if (NAME_IS (name, "si") && in_si)
        {
          unescape_ooxml (text);
          g_ptr_array_add (x->strings, g_strndup (text->str, text->len));
          g_array_append_val (x->string_fonts, font);
          in_si = FALSE;
        }
    }
  if (ret < 0)
    return fail_xml (x, xml, part, error);
  return TRUE;
}

static gboolean
read_styles (SmtXlsxReader  *x,
             const char     *part,
             GError        **error)
{
  g_autoptr(SmtGsfInput) input = smt_sheet_zip_member (x->zip, part);
  g_autoptr(SmtSheetXml) xml = NULL;
  g_autoptr(GHashTable) date_formats = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) fonts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) xf_fonts = g_array_new (FALSE, FALSE, sizeof (guint));
  xmlTextReaderPtr r;
  gboolean in_fonts = FALSE, in_font = FALSE, in_xfs = FALSE;
  int ret;

  if (input == NULL)
    return TRUE;
  xml = smt_sheet_xml_new (input);
  r = smt_sheet_xml_reader (xml);
  if (r == NULL)
    return fail_xml (x, xml, part, error);
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      int type = xmlTextReaderNodeType (r);
      const char *name;

      if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
        continue;
      name = (const char *) xmlTextReaderConstLocalName (r);
      if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (NAME_IS (name, "fonts"))
            in_fonts = FALSE;
          else if (NAME_IS (name, "font"))
            in_font = FALSE;
          else if (NAME_IS (name, "cellXfs"))
            in_xfs = FALSE;
          continue;
        }
      if (NAME_IS (name, "numFmt"))
        {
          const char *id = smt_sheet_xml_attr (r, "numFmtId");
          guint64 n = id != NULL ? g_ascii_strtoull (id, NULL, 10) : 0;
          g_autofree char *code = g_strdup (smt_sheet_xml_attr (r, "formatCode"));

          if (n > 0 && n < G_MAXUINT && code != NULL)
            g_hash_table_insert (date_formats, GUINT_TO_POINTER ((guint) n),
                                 GINT_TO_POINTER (format_is_date (code) ? 2 : 1));
        }
      else if (NAME_IS (name, "fonts"))
        in_fonts = xmlTextReaderIsEmptyElement (r) != 1;
      else if (NAME_IS (name, "font") && in_fonts)
        {
          int none = -1;

          g_array_append_val (fonts, none);
          in_font = xmlTextReaderIsEmptyElement (r) != 1;
        }
      else if (NAME_IS (name, "name") && in_font && fonts->len > 0)
        g_array_index (fonts, int, fonts->len - 1) = intern_font (x, smt_sheet_xml_attr (r, "val"));
      else if (NAME_IS (name, "cellXfs"))
        in_xfs = xmlTextReaderIsEmptyElement (r) != 1;
      else if (NAME_IS (name, "xf") && in_xfs)
        {
          const char *f = smt_sheet_xml_attr (r, "numFmtId");
          guint format = f != NULL ? (guint) MIN (g_ascii_strtoull (f, NULL, 10), G_MAXUINT) : 0;
          const char *o = smt_sheet_xml_attr (r, "fontId");
          guint font = o != NULL ? (guint) MIN (g_ascii_strtoull (o, NULL, 10), G_MAXUINT) : 0;

          g_array_append_val (xf_formats, format);
          g_array_append_val (xf_fonts, font);
        }
    }
  if (ret < 0)
    return fail_xml (x, xml, part, error);
  for (guint i = 0; i < xf_formats->len; i++)
    {
      guint format = g_array_index (xf_formats, guint, i);
      guint font = g_array_index (xf_fonts, guint, i);
      int custom = GPOINTER_TO_INT (g_hash_table_lookup (date_formats, GUINT_TO_POINTER (format)));
      Xf xf = {
        .date = custom != 0 ? custom == 2 : builtin_is_date (format),
        .font = font < fonts->len ? g_array_index (fonts, int, font) : -1,
      };

      g_array_append_val (x->xfs, xf);
    }
  return TRUE;
}

SmtXlsxReader *
smt_xlsx_reader_new (GsfInfile   *zip,
                     const char  *file_name,
                     GError     **error)
{
  g_autoptr(SmtXlsxReader) x = g_new0 (SmtXlsxReader, 1);
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *strings_part = NULL;
  g_autofree char *styles_part = NULL;

  g_return_val_if_fail (GSF_IS_INFILE (zip), NULL);

  x->zip = g_object_ref (zip);
  x->file_name = g_strdup (file_name);
  x->sheet_names = g_ptr_array_new_with_free_func (g_free);
  x->sheet_parts = g_ptr_array_new_with_free_func (g_free);
  x->strings = g_ptr_array_new_with_free_func (g_free);
  x->string_fonts = g_array_new (FALSE, FALSE, sizeof (int));
  x->xfs = g_array_new (FALSE, FALSE, sizeof (Xf));
  x->font_names = g_ptr_array_new_with_free_func (g_free);
  x->font_index = g_hash_table_new (g_str_hash, g_str_equal);

  if (!read_rels (x, targets, &strings_part, &styles_part, error)
      || !read_workbook (x, targets, error))
    return NULL;
  if (!read_shared_strings (x, strings_part != NULL ? strings_part : "xl/sharedStrings.xml", error)
      || !read_styles (x, styles_part != NULL ? styles_part : "xl/styles.xml", error))
    return NULL;
  return g_steal_pointer (&x);
}

void
smt_xlsx_reader_free (SmtXlsxReader *x)
{
  if (x == NULL)
    return;
  g_clear_object (&x->zip);
  g_free (x->file_name);
  g_clear_pointer (&x->sheet_names, g_ptr_array_unref);
  g_clear_pointer (&x->sheet_parts, g_ptr_array_unref);
  g_clear_pointer (&x->strings, g_ptr_array_unref);
  g_clear_pointer (&x->string_fonts, g_array_unref);
  g_clear_pointer (&x->xfs, g_array_unref);
  g_clear_pointer (&x->font_index, g_hash_table_unref);
  g_clear_pointer (&x->font_names, g_ptr_array_unref);
  g_free (x);
}

guint
smt_xlsx_reader_n_sheets (SmtXlsxReader *x)
{
  return x->sheet_names->len;
}

const char *
smt_xlsx_reader_sheet_name (SmtXlsxReader *x,
                            guint          index)
{
  g_return_val_if_fail (index < x->sheet_names->len, NULL);
  return g_ptr_array_index (x->sheet_names, index);
}

/* The sheet being read: where the reader is, and the cell it is inside. */
typedef struct
{
  SmtXlsxReader *x;
  SmtSheet      *sheet;
  SmtSheetJob   *job;
  GArray        *font_map;    /* per workbook font: sheet font + 1, 0 = not yet */
  gint64         row;         /* current row, -1 before the first */
  gint64         next_col;
  gint64         col;
  guint          style;
  char           type;        /* 'n', 's', 'b', 'e', 'i' (inlineStr), 't' (str), 'd' */
  gboolean       in_cell;
  gboolean       in_is;
  gboolean       capture;
  gboolean       in_phonetic;
  guint          runs;
  int            run_font;
  GString       *value;
} SheetRead;

static guint16
sheet_font (SheetRead  *s,
            int         font,
            SmtTextHint *hint)
{
  guint16 *mapped;

  *hint = SMT_TEXT_HINT_NONE;
  if (font < 0 || (guint) font >= s->x->font_names->len)
    return 0;
  *hint = smt_text_hint_for_font (g_ptr_array_index (s->x->font_names, font));
  if (s->font_map->len < s->x->font_names->len)
    g_array_set_size (s->font_map, s->x->font_names->len);
  mapped = &g_array_index (s->font_map, guint16, font);
  if (*mapped == 0)
    *mapped = (guint16) (smt_sheet_intern_font (s->sheet, g_ptr_array_index (s->x->font_names, font))
                         + 1);
  return (guint16) (*mapped - 1);
}

static void
start_cell (SheetRead        *s,
            xmlTextReaderPtr  r)
{
  gint64 col = -1, row = -1;

  s->type = 'n';
  s->style = 0;
  while (xmlTextReaderMoveToNextAttribute (r) == 1)
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (r);
      const char *value = (const char *) xmlTextReaderConstValue (r);

      if (value == NULL)
        continue;
      if (name[0] == 'r' && name[1] == '\0')
        parse_ref (value, &col, &row);
      else if (name[0] == 's' && name[1] == '\0')
        s->style = (guint) MIN (g_ascii_strtoull (value, NULL, 10), G_MAXUINT);
      else if (name[0] == 't' && name[1] == '\0')
        {
          if (NAME_IS (value, "inlineStr"))
            s->type = 'i';
          else if (NAME_IS (value, "str"))
            s->type = 't';
          else
            s->type = value[0];
        }
    }
  xmlTextReaderMoveToElement (r);
  if (row >= 0 && row > s->row)
    s->row = row;
  if (s->row < 0)
    s->row = 0;
  s->col = col >= 0 ? col : s->next_col;
  s->next_col = s->col + 1;
  s->run_font = -1;
  s->runs = 0;
  g_string_truncate (s->value, 0);
}

static gboolean
put_text (SheetRead   *s,
          const char  *text,
          gsize        len,
          int          run_font,
          GError     **error)
{
  const Xf *xf = s->style < s->x->xfs->len ? &g_array_index (s->x->xfs, Xf, s->style) : NULL;
  SmtTextHint hint;
  guint16 font;

  if (len == 0)
    return TRUE;
  if (!smt_sheet_job_room (s->job, s->sheet, (guint) s->row, (guint) s->col, error))
    return FALSE;
  font = sheet_font (s, run_font >= 0 ? run_font : xf != NULL ? xf->font : -1, &hint);
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, (gssize) len);

      smt_sheet_set_text (s->sheet, (guint) s->row, (guint) s->col, valid, -1, hint, font);
    }
  else
    smt_sheet_set_text (s->sheet, (guint) s->row, (guint) s->col, text, (gssize) len, hint, font);
  return TRUE;
}

static gboolean
end_cell (SheetRead  *s,
          GError    **error)
{
  const char *v = s->value->str;
  SmtCellKind kind = SMT_CELL_NUMBER;
  double number;
  char *end;

  if (s->row < 0 || s->col < 0)
    return TRUE;
  switch (s->type)
    {
    case 's':
      {
        guint64 index = g_ascii_strtoull (v, &end, 10);
        const char *text;

        if (end == v || index >= s->x->strings->len)
          return TRUE;
        text = g_ptr_array_index (s->x->strings, index);
        return put_text (s, text, strlen (text), g_array_index (s->x->string_fonts, int, index),
                         error);
      }
    case 'i':
    case 't':
      unescape_ooxml (s->value);
      return put_text (s, s->value->str, s->value->len, s->run_font, error);
    case 'e':
      if (s->value->len == 0)
        return TRUE;
      if (!smt_sheet_job_room (s->job, s->sheet, (guint) s->row, (guint) s->col, error))
        return FALSE;
      smt_sheet_set_error (s->sheet, (guint) s->row, (guint) s->col, s->value->str);
      return TRUE;
    case 'b':
      if (*v == '\0')
        return TRUE;
      kind = SMT_CELL_BOOL;
      number = g_ascii_strtod (v, &end) != 0.0 || NAME_IS (v, "true");
      break;
    case 'd':
      if (!smt_sheet_iso_to_serial (v, &number))
        return put_text (s, s->value->str, s->value->len, -1, error);
      kind = SMT_CELL_DATE;
      break;
    default:
      number = g_ascii_strtod (v, &end);
      if (end == v)
        return put_text (s, s->value->str, s->value->len, -1, error);
      if (s->style < s->x->xfs->len && g_array_index (s->x->xfs, Xf, s->style).date)
        kind = SMT_CELL_DATE;
      break;
    }
  if (!smt_sheet_job_room (s->job, s->sheet, (guint) s->row, (guint) s->col, error))
    return FALSE;
  smt_sheet_set_number (s->sheet, (guint) s->row, (guint) s->col, kind, number);
  return TRUE;
}

static void
add_merge (SheetRead  *s,
           const char *ref)
{
  g_auto(GStrv) ends = ref != NULL ? g_strsplit (ref, ":", 2) : NULL;
  gint64 c1, r1, c2, r2;
  SmtCellRange range;

  if (ends == NULL || ends[0] == NULL || ends[1] == NULL)
    return;
  parse_ref (ends[0], &c1, &r1);
  parse_ref (ends[1], &c2, &r2);
  if (c1 < 0 || r1 < 0 || c2 < 0 || r2 < 0
      || MAX (c1, c2) >= SMT_SHEET_MAX_COLS || MAX (r1, r2) >= SMT_SHEET_MAX_ROWS)
    return;
  range.first_row = (guint) MIN (r1, r2);
  range.last_row = (guint) MAX (r1, r2);
  range.first_col = (guint) MIN (c1, c2);
  range.last_col = (guint) MAX (c1, c2);
  if (range.first_row == range.last_row && range.first_col == range.last_col)
    return;
  smt_sheet_add_merged (s->sheet, &range);
}

SmtSheet *
smt_xlsx_reader_read (SmtXlsxReader  *x,
                      guint           index,
                      SmtSheetJob    *job,
                      GError        **error)
{
  const char *part;
  g_autoptr(SmtGsfInput) input = NULL;
  g_autoptr(SmtSheetXml) xml = NULL;
  g_autoptr(SmtSheet) sheet = NULL;
  g_autoptr(GArray) font_map = g_array_new (FALSE, TRUE, sizeof (guint16));
  g_autoptr(GString) value = g_string_sized_new (64);
  SheetRead s;
  xmlTextReaderPtr r;
  int ret;

  g_return_val_if_fail (index < x->sheet_parts->len, NULL);

  part = g_ptr_array_index (x->sheet_parts, index);
  input = smt_sheet_zip_member (x->zip, part);
  if (input == NULL)
    return smt_sheet_fail_damaged (error, x->file_name, part);
  sheet = smt_sheet_new (g_ptr_array_index (x->sheet_names, index));
  xml = smt_sheet_xml_new (input);
  r = smt_sheet_xml_reader (xml);
  if (r == NULL)
    {
      fail_xml (x, xml, part, error);
      return NULL;
    }
  s = (SheetRead) {
    .x = x, .sheet = sheet, .job = job, .font_map = font_map,
    .row = -1, .value = value, .run_font = -1,
  };
  while ((ret = xmlTextReaderRead (r)) == 1)
    {
      int type = xmlTextReaderNodeType (r);
      const char *name;

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
          || type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)
        {
          if (s.capture && !s.in_phonetic)
            g_string_append (s.value, (const char *) xmlTextReaderConstValue (r));
          continue;
        }
      name = (const char *) xmlTextReaderConstLocalName (r);
      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (r) == 1;

          switch (name[0])
            {
            case 'c':
              if (name[1] == '\0')
                {
                  start_cell (&s, r);
                  s.in_cell = !empty;
                }
              break;
            case 'v':
              if (name[1] == '\0' && s.in_cell && !s.in_is)
                {
                  g_string_truncate (s.value, 0);
                  s.capture = !empty;
                }
              break;
            case 't':
              if (name[1] == '\0' && s.in_is && !s.in_phonetic)
                s.capture = !empty;
              break;
            case 'i':
              if (NAME_IS (name, "is") && s.in_cell)
                {
                  g_string_truncate (s.value, 0);
                  s.in_is = !empty;
                }
              break;
            case 'r':
              if (NAME_IS (name, "row"))
                {
                  const char *at = smt_sheet_xml_attr (r, "r");
                  gint64 row = at != NULL ? g_ascii_strtoll (at, NULL, 10) - 1 : -1;

                  s.row = row >= 0 && row > s.row ? MIN (row, (gint64) SMT_SHEET_MAX_ROWS) : s.row + 1;
                  s.next_col = 0;
                  if (empty && !smt_sheet_job_row (job, smt_sheet_xml_fraction (xml), error))
                    return NULL;
                }
              else if (name[1] == '\0' && s.in_is)
                s.runs++;
              else if (NAME_IS (name, "rPh"))
                s.in_phonetic = !empty;
              else if (NAME_IS (name, "rFont") && s.in_is && s.runs == 1 && s.run_font < 0)
                s.run_font = intern_font (x, smt_sheet_xml_attr (r, "val"));
              break;
            case 'm':
              if (NAME_IS (name, "mergeCell"))
                add_merge (&s, smt_sheet_xml_attr (r, "ref"));
              break;
            default:
              break;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          switch (name[0])
            {
            case 'c':
              if (name[1] == '\0' && s.in_cell)
                {
                  s.in_cell = FALSE;
                  s.capture = FALSE;
                  if (!end_cell (&s, error))
                    return NULL;
                }
              break;
            case 'v':
            case 't':
              if (name[1] == '\0')
                s.capture = FALSE;
              break;
            case 'i':
              if (NAME_IS (name, "is"))
                s.in_is = FALSE;
              break;
            case 'r':
              if (NAME_IS (name, "row"))
                {
                  if (!smt_sheet_job_row (job, smt_sheet_xml_fraction (xml), error))
                    return NULL;
                }
              else if (NAME_IS (name, "rPh"))
                s.in_phonetic = FALSE;
              break;
            default:
              break;
            }
        }
    }
  if (ret < 0)
    {
      fail_xml (x, xml, part, error);
      return NULL;
    }
  return g_steal_pointer (&sheet);
}
