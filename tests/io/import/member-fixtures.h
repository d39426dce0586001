/* member-fixtures.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One small member list of the Hội Nông dân, every name invented, written
 * in each of the forms offices keep lists in: eight people in two
 * hamlets, Tân Hòa (the first four) and Bình An (the last four). Nguyễn
 * Văn An and Nguyễn Thị Hoa live at the same address (one household of
 * two); Tôn Nữ Minh Châu has a compound family name and only a year of
 * joining (2018: admitted 01/01/2018). */

typedef struct
{
  const char *full_name;
  const char *ho, *chu_lot, *ten;  /* as the register must hold them */
  char        sex;                 /* 'M', 'F' */
  int         birth_year;
  const char *hamlet;              /* "Tân Hòa", "Bình An" */
  const char *address;
  int         joined_y, joined_m, joined_d;  /* joined_m 0: the year only */
  const char *admitted_on;         /* as the register must hold it */
} MemberFixture;

#define N_MEMBER_FIXTURES 8
extern const MemberFixture member_fixtures[N_MEMBER_FIXTURES];

typedef enum
{
  /* Title block (merged), a two-row header (Năm sinh over Nam / Nữ,
   * merged), hamlet group rows, a total row at the bottom; real dates. */
  MEMBERS_XLSX,
  /* The others are flat: a title line, a blank line, one header row
   * (STT, Họ và tên, Nam, Nữ, Tên ấp, Địa chỉ, Ngày vào hội). */
  MEMBERS_XLS,          /* BIFF8, dates as numbers formatted dd/mm/yyyy */
  MEMBERS_CSV_CP1258,   /* Windows-1258, tones as combining bytes */
  MEMBERS_CSV_TCVN3,    /* typed with a TCVN3 (ABC) keyboard */
  MEMBERS_CSV_VNI,      /* typed with VNI-Windows */
  MEMBERS_XLSX_TCVN3,   /* cells in font .VnTime */
  MEMBERS_XLSX_VNI,     /* cells in font VNI-Times */
  MEMBERS_UTF16,        /* "Unicode Text": UTF-16LE with a BOM, tabs, CRLF */
  N_MEMBERS_FORMATS
} MembersFormat;

/* "xlsx", "xls", "cp1258.csv" …: a name for the format (test paths). */
const char *members_format_name (MembersFormat format);

/* Writes the members whose indices are in which (n of them; NULL: all
 * eight) in format, to dir/<name>; returns the path. */
char       *members_write       (const char    *dir,
                                 const char    *name,
                                 MembersFormat  format,
                                 const guint   *which,
                                 guint          n);

G_END_DECLS
