/* smt-sheet-xml.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gi18n-lib.h>
#include <string.h>

#include <gsf/gsf-infile-impl.h>

#include "smt-sheet-xml.h"

struct _SmtSheetXml
{
  GsfInput         *input;
  xmlTextReaderPtr  reader;
  gsf_off_t         size;
  char             *problem;
  gboolean          read_failed;
};

static int
read_input (void *context,
            char *buffer,
            int   len)
{
  SmtSheetXml *xml = context;
  gsf_off_t remaining = gsf_input_remaining (xml->input);
  size_t n;

  if (remaining <= 0 || len <= 0)
    return 0;
  n = (size_t) MIN ((gsf_off_t) len, remaining);
  if (gsf_input_read (xml->input, n, (guint8 *) buffer) == NULL)
    {
      xml->read_failed = TRUE;
      return -1;
    }
  return (int) n;
}

static int
close_input (void *context)
{
  (void) context;
  return 0;
}

static void
on_error (void        *data,
          xmlErrorPtr  err)
{
  SmtSheetXml *xml = data;

  if (err == NULL || err->level < XML_ERR_ERROR || xml->problem != NULL)
    return;
  xml->problem = g_strdup_printf ("%s, %d", err->message != NULL ? g_strstrip (err->message) : "?",
                                  err->line);
}

SmtSheetXml *
smt_sheet_xml_new (GsfInput *input)
{
  SmtSheetXml *xml;

  g_return_val_if_fail (GSF_IS_INPUT (input), NULL);

  xml = g_new0 (SmtSheetXml, 1);
  xml->input = g_object_ref (input);
  xml->size = gsf_input_size (input);
  /* No network, no entities from outside, no DTD loading: a sheet is data. */
  xml->reader = xmlReaderForIO (read_input, close_input, xml, NULL, NULL,
                                XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOWARNING
                                | XML_PARSE_NOERROR);
  if (xml->reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (xml->reader, on_error, xml);
  return xml;
}

void
smt_sheet_xml_free (SmtSheetXml *xml)
{
  if (xml == NULL)
    return;
  if (xml->reader != NULL)
    xmlFreeTextReader (xml->reader);
  g_object_unref (xml->input);
  g_free (xml->problem);
  g_free (xml);
}

xmlTextReaderPtr
smt_sheet_xml_reader (SmtSheetXml *xml)
{
  return xml->reader;
}

double
smt_sheet_xml_fraction (SmtSheetXml *xml)
{
  if (xml->size <= 0)
    return 0.0;
  return (double) gsf_input_tell (xml->input) / (double) xml->size;
}

const char *
smt_sheet_xml_problem (SmtSheetXml *xml)
{
  if (xml->read_failed)
    return _("the compressed data ends early");
  if (xml->problem != NULL)
    return xml->problem;
  return _("the XML ends early");
}

/* gsf_infile_child_by_name () warns when a member's header is broken; a
 * damaged file is no reason to warn, so call the class's own function,
 * which reports in a GError. */
static GsfInput *
child_quietly (GsfInfile  *dir,
               const char *name)
{
  GsfInfileClass *klass = (GsfInfileClass *) G_OBJECT_GET_CLASS (dir);
  int n = gsf_infile_num_children (dir);

  for (int i = 0; i < n; i++)
    {
      const char *child = gsf_infile_name_by_index (dir, i);

      if (child != NULL && strcmp (child, name) == 0)
        {
          g_autoptr(GError) error = NULL;

          return klass->child_by_index != NULL ? klass->child_by_index (dir, i, &error) : NULL;
        }
    }
  return NULL;
}

GsfInput *
smt_sheet_zip_member (GsfInfile  *zip,
                      const char *path)
{
  g_auto(GStrv) parts = NULL;
  GsfInput *current = NULL;

  if (zip == NULL || path == NULL)
    return NULL;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      GsfInfile *dir = current != NULL ? GSF_INFILE (current) : zip;
      GsfInput *next;

      if (*parts[i] == '\0')
        continue;
      if (current != NULL && !GSF_IS_INFILE (current))
        {
          g_object_unref (current);
          return NULL;
        }
      next = child_quietly (dir, parts[i]);
      g_clear_object (&current);
      if (next == NULL)
        return NULL;
      current = next;
    }
  return current;
}

const char *
smt_sheet_xml_attr (xmlTextReaderPtr  reader,
                    const char       *local_name)
{
  const char *value = NULL;

  if (xmlTextReaderHasAttributes (reader) != 1)
    return NULL;
  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    if (strcmp ((const char *) xmlTextReaderConstLocalName (reader), local_name) == 0)
      {
        value = (const char *) xmlTextReaderConstValue (reader);
        break;
      }
  xmlTextReaderMoveToElement (reader);
  return value;
}
