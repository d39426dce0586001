/* smt-import-fields.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a column of a member list holds: the fields a column can be mapped
 * to. The ids ("full_name" …) are stable: mapping files keep them. */
typedef enum {
  SMT_IMPORT_FIELD_IGNORE = 0,
  SMT_IMPORT_FIELD_STT,
  SMT_IMPORT_FIELD_FULL_NAME,
  SMT_IMPORT_FIELD_HO,
  SMT_IMPORT_FIELD_CHU_LOT,
  SMT_IMPORT_FIELD_TEN,
  SMT_IMPORT_FIELD_HO_CHU_LOT,        /* họ và chữ lót in one column, tên in another */
  SMT_IMPORT_FIELD_BIRTH_YEAR,
  SMT_IMPORT_FIELD_BIRTH_DATE,
  SMT_IMPORT_FIELD_BIRTH_YEAR_MALE,   /* "Năm sinh" over "Nam" */
  SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE, /* "Năm sinh" over "Nữ" */
  SMT_IMPORT_FIELD_SEX,
  SMT_IMPORT_FIELD_HAMLET,
  SMT_IMPORT_FIELD_ADDRESS,
  SMT_IMPORT_FIELD_CCCD,
  SMT_IMPORT_FIELD_PHONE,
  SMT_IMPORT_FIELD_ROLE,
  SMT_IMPORT_FIELD_ETHNICITY,
  SMT_IMPORT_FIELD_RELIGION,
  SMT_IMPORT_FIELD_JOINED_ON,         /* ngày vào hội / vào Đoàn / vào Công đoàn … */
  SMT_IMPORT_FIELD_PARTY_MEMBER,      /* Đảng viên: an "x" mark or a date */
  SMT_IMPORT_FIELD_BRANCH,
  SMT_IMPORT_FIELD_NOTE,
  SMT_IMPORT_N_FIELDS
} SmtImportField;

/* "full_name", "birth_year_female" …; NULL for a value out of range. */
const char     *smt_import_field_id       (SmtImportField  field);
/* The field of an id; FALSE when the id is unknown. */
gboolean        smt_import_field_from_id  (const char     *id,
                                           SmtImportField *field);
/* The Vietnamese label shown beside a column ("Họ và tên"). */
const char     *smt_import_field_label    (SmtImportField  field);
/* TRUE for the fields that carry a person's name. */
gboolean        smt_import_field_is_name  (SmtImportField  field);

/* The field a header text most likely names: "Họ và tên" → FULL_NAME,
 * "Năm sinh / Nữ" (a two-row header joined) → BIRTH_YEAR_FEMALE, "Ngày
 * vào Đảng" → PARTY_MEMBER. IGNORE when nothing matches. */
SmtImportField  smt_import_field_guess    (const char     *header);

/* The form headers are matched in: folded (no marks, đ→d, lower case),
 * every run of characters other than letters and digits made one space,
 * trimmed. "Số CCCD/CMND" → "so cccd cmnd". */
char           *smt_import_fold_words     (const char     *text);

/* What smt_text_normalize gives (NFC, trimmed, runs of white space made
 * one space; NULL when not UTF-8), faster for text that is NFC already, as
 * nearly every cell is: the import reads hundreds of thousands. */
char           *smt_import_clean_text     (const char     *text);

G_END_DECLS
