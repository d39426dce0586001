/* smt-hamlet-list.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A commune's hamlets as an office types or pastes them: one a line, or
 * separated by commas, semicolons or tabs (a row pasted from a sheet),
 * numbering such as "1.", "2)", "-" or "•" left out, and the kind word
 * recognised. A hamlet's name keeps its kind word, as the demo and the
 * offices write it ("Ấp Tân Hòa", "Khu phố 3"); a line without one gets
 * default_kind's ("Tân Hòa" → "Ấp Tân Hòa"). */

typedef struct
{
  char *name;  /* "Ấp Tân Hòa", NFC */
  char *kind;  /* "ấp": one of smt_hamlet_kinds */
} SmtHamletEntry;

/* The kinds the register knows (hamlet.kind), NULL-terminated. */
extern const char *const smt_hamlet_kinds[];

SmtHamletEntry *smt_hamlet_entry_new   (const char      *name,
                                        const char      *kind);
void            smt_hamlet_entry_free  (SmtHamletEntry  *entry);
gboolean        smt_hamlet_kind_valid  (const char      *kind);

/* The kind word and the rest of one item: "ấp tân hòa" → "Ấp tân hòa",
 * "ấp"; "KP 3" → "Khu phố 3", "khu phố"; "Tân Hòa" → "Ấp Tân Hòa" with
 * default_kind "ấp". NULL when nothing is left (a bare "Ấp", "3."). */
SmtHamletEntry *smt_hamlet_entry_parse (const char      *item,
                                        const char      *default_kind);

/* The name without its kind word: "Ấp Tân Hòa" → "Tân Hòa" (a pointer
 * into name), as liên ấp branches name their hamlets. */
const char     *smt_hamlet_name_core   (const char      *name,
                                        const char      *kind);

/* Every hamlet of text, in order (SmtHamletEntry). A name twice (letter
 * case aside) is kept once, and error says which names were repeated and
 * on which lines; the list is returned all the same, so that a window can
 * show what it understood. NULL only if text is not UTF-8. */
GPtrArray      *smt_hamlet_list_parse  (const char      *text,
                                        const char      *default_kind,
                                        GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtHamletEntry, smt_hamlet_entry_free)

G_END_DECLS
