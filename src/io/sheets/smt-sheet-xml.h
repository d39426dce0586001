/* smt-sheet-xml.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "smt-sheet-job.h"

G_BEGIN_DECLS

/* Streaming XML over a member of a zip (xlsx, ods): a libxml2 text reader
 * that pulls from a GsfInput as it goes, so that a sheet is never held
 * whole as a tree. Private to src/io/sheets. */

typedef struct _SmtSheetXml SmtSheetXml;

SmtSheetXml      *smt_sheet_xml_new        (GsfInput     *input);
void              smt_sheet_xml_free       (SmtSheetXml  *xml);
xmlTextReaderPtr  smt_sheet_xml_reader     (SmtSheetXml  *xml);
/* Share of the member read so far, 0..1. */
double            smt_sheet_xml_fraction   (SmtSheetXml  *xml);
/* After xmlTextReaderRead returned -1: what went wrong, for a message. */
const char       *smt_sheet_xml_problem    (SmtSheetXml  *xml);

/* A member of @zip by its path ("xl/worksheets/sheet1.xml"), or NULL. */
GsfInput         *smt_sheet_zip_member     (GsfInfile    *zip,
                                            const char   *path);

/* The value of attribute @local_name of the element the reader is on, or
 * NULL; whatever its prefix. Borrowed from the reader's dictionary or
 * buffer: valid until the next read. */
const char       *smt_sheet_xml_attr       (xmlTextReaderPtr reader,
                                            const char   *local_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtSheetXml, smt_sheet_xml_free)

/* libgsf declares no autoptr cleanups (up to 1.14.52 at least); these
 * names give them without clashing with a libgsf that one day does. */
typedef GsfInput  SmtGsfInput;
typedef GsfInfile SmtGsfInfile;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtGsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtGsfInfile, g_object_unref)

G_END_DECLS
