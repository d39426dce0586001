/* smt-import-row.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One person of a member list as the import read it from a sheet, already
 * decoded (legacy text turned into Vietnamese, NFC) and split into fields:
 * plain data that the register side (smt-import-plan.h) checks against the
 * register and writes. Empty fields are NULL; every string is NFC UTF-8.
 *
 * The reading side (src/io/import) fills these from a sheet and its column
 * mapping; a problem it finds while reading (a date it cannot read, a year
 * under both Nam and Nữ …) goes into problems, in Vietnamese, with the
 * field left NULL or 0, so that the row can still be shown and decided on. */

typedef struct {
  guint      source_row;    /* the row in the sheet, counting from 1 as the spreadsheet shows it */
  char      *full_name;     /* the name as written, for messages */
  char      *ho;            /* họ (may be compound: "Tôn Nữ", "Âu Dương") */
  char      *chu_lot;       /* chữ lót, may be NULL */
  char      *ten;           /* tên */
  char       sex;           /* 'M', 'F' or 0 when the sheet does not say */
  int        birth_year;    /* 0: unknown */
  char      *birth_date;    /* YYYY-MM-DD when the sheet gives the day */
  char      *hamlet;        /* the hamlet's name as the sheet writes it (a column or a group row) */
  char      *address;
  char      *cccd;          /* as written, digits only once cleaned; the plan checks it */
  char      *phone;
  char      *ethnicity;
  char      *religion;
  char      *role;          /* chức vụ */
  char      *branch;        /* a branch's name when the sheet has a column for it */
  char      *joined_on;     /* YYYY-MM-DD: ngày vào hội / vào Đoàn … */
  int        joined_year;   /* when only the year of joining is known */
  gboolean   party_member;  /* an "x" under Đảng viên */
  char      *party_since;   /* YYYY-MM-DD, when given */
  char      *note;
  GPtrArray *problems;      /* char *: what the reading found wrong, Vietnamese */
} SmtImportRow;

SmtImportRow *smt_import_row_new         (guint               source_row);
void          smt_import_row_free        (SmtImportRow       *row);
void          smt_import_row_add_problem (SmtImportRow       *row,
                                          const char         *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmtImportRow, smt_import_row_free)

G_END_DECLS
