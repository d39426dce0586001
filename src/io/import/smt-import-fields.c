/* smt-import-fields.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/register/smt-text.h"
#include "smt-import-fields.h"

static const struct {
  const char *id;
  const char *label;
} fields[SMT_IMPORT_N_FIELDS] = {
  [SMT_IMPORT_FIELD_IGNORE]            = { "ignore", N_("Not imported") },
  [SMT_IMPORT_FIELD_STT]               = { "stt", N_("Row number (STT)") },
  [SMT_IMPORT_FIELD_FULL_NAME]         = { "full_name", N_("Full name") },
  [SMT_IMPORT_FIELD_HO]                = { "ho", N_("Family name (họ)") },
  [SMT_IMPORT_FIELD_CHU_LOT]           = { "chu_lot", N_("Middle name (chữ lót)") },
  [SMT_IMPORT_FIELD_TEN]               = { "ten", N_("Given name (tên)") },
  [SMT_IMPORT_FIELD_HO_CHU_LOT]        = { "ho_chu_lot", N_("Family and middle name") },
  [SMT_IMPORT_FIELD_BIRTH_YEAR]        = { "birth_year", N_("Year of birth") },
  [SMT_IMPORT_FIELD_BIRTH_DATE]        = { "birth_date", N_("Date of birth") },
  [SMT_IMPORT_FIELD_BIRTH_YEAR_MALE]   = { "birth_year_male", N_("Year of birth, men") },
  [SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE] = { "birth_year_female", N_("Year of birth, women") },
  [SMT_IMPORT_FIELD_SEX]               = { "sex", N_("Sex") },
  [SMT_IMPORT_FIELD_HAMLET]            = { "hamlet", N_("Hamlet") },
  [SMT_IMPORT_FIELD_ADDRESS]           = { "address", N_("Address") },
  [SMT_IMPORT_FIELD_CCCD]              = { "cccd", N_("CCCD number") },
  [SMT_IMPORT_FIELD_PHONE]             = { "phone", N_("Phone") },
  [SMT_IMPORT_FIELD_ROLE]              = { "role", N_("Position (chức vụ)") },
  [SMT_IMPORT_FIELD_ETHNICITY]         = { "ethnicity", N_("Ethnicity") },
  [SMT_IMPORT_FIELD_RELIGION]          = { "religion", N_("Religion") },
  [SMT_IMPORT_FIELD_JOINED_ON]         = { "joined_on", N_("Date of joining") },
  [SMT_IMPORT_FIELD_PARTY_MEMBER]      = { "party_member", N_("Party member") },
  [SMT_IMPORT_FIELD_BRANCH]            = { "branch", N_("Branch") },
  [SMT_IMPORT_FIELD_NOTE]              = { "note", N_("Note") },
};

const char *
smt_import_field_id (SmtImportField field)
{
  g_return_val_if_fail (field < SMT_IMPORT_N_FIELDS, NULL);

  return fields[field].id;
}

gboolean
smt_import_field_from_id (const char     *id,
                          SmtImportField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; id != NULL && i < SMT_IMPORT_N_FIELDS; i++)
    if (strcmp (fields[i].id, id) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
smt_import_field_label (SmtImportField field)
{
  g_return_val_if_fail (field < SMT_IMPORT_N_FIELDS, NULL);

  return _(fields[field].label);
}

gboolean
smt_import_field_is_name (SmtImportField field)
{
  return field == SMT_IMPORT_FIELD_FULL_NAME || field == SMT_IMPORT_FIELD_HO
         || field == SMT_IMPORT_FIELD_CHU_LOT || field == SMT_IMPORT_FIELD_TEN
         || field == SMT_IMPORT_FIELD_HO_CHU_LOT;
}

char *
smt_import_fold_words (const char *text)
{
  g_autofree char *folded = smt_text_fold (text);
  char *out = g_malloc (strlen (folded) + 1);
  char *q = out;
  gboolean space = FALSE;

  /* Folded text is ASCII apart from letters without a decomposition
   * (rare in headers); those count as letters. */
  for (const char *p = folded; *p; p++)
    {
      guchar c = (guchar) *p;

      if (g_ascii_isalnum (c) || c >= 0x80)
        {
          if (space && q > out)
            *q++ = ' ';
          space = FALSE;
          *q++ = (char) c;
        }
      else
        space = TRUE;
    }
  *q = '\0';
  return out;
}

char *
smt_import_clean_text (const char *text)
{
  const guchar *p = (const guchar *) text;
  char *out, *q;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;
  out = q = g_malloc (strlen (text) + 1);
  while (*p)
    {
      gunichar u;
      int len;

      if (*p < 0x80)
        {
          if (g_ascii_isspace (*p))
            space = q > out;
          else
            {
              if (space)
                *q++ = ' ';
              space = FALSE;
              *q++ = (char) *p;
            }
          p++;
          continue;
        }
      u = g_utf8_get_char_validated ((const char *) p, -1);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          g_free (out);
          return NULL;
        }
      len = g_utf8_skip[*p];
      if (u == 0x00A0)
        {
          space = q > out;
          p += len;
          continue;
        }
      /* Below U+0300 and in Latin Extended Additional (the precomposed
       * Vietnamese letters) every character is NFC and unchanged by it;
       * anything else goes the whole way. */
      if (!(u < 0x0300 || (u >= 0x1E00 && u <= 0x1EFF)))
        {
          g_free (out);
          return smt_text_normalize (text);
        }
      if (space)
        *q++ = ' ';
      space = FALSE;
      memcpy (q, p, len);
      q += len;
      p += len;
    }
  *q = '\0';
  return out;
}

/* Whether the words hold one of the patterns as whole words. */
static gboolean
has_any (const char        *padded,
         const char *const *patterns)
{
  for (guint i = 0; patterns[i]; i++)
    {
      char needle[64];

      g_snprintf (needle, sizeof needle, " %s ", patterns[i]);
      if (strstr (padded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_any (const char        *words,
        const char *const *patterns)
{
  return g_strv_contains (patterns, words);
}

static gboolean
starts_with_any (const char        *padded,
                 const char *const *patterns)
{
  for (guint i = 0; patterns[i]; i++)
    {
      gsize n = strlen (patterns[i]);

      if (strncmp (padded + 1, patterns[i], n) == 0 && padded[1 + n] == ' ')
        return TRUE;
    }
  return FALSE;
}

/* The last word of the text in lower case, with its marks: tells "Nam"
 * (men) from "Năm" (year), which fold alike. */
static char *
last_word_lower (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autofree char *nfc = g_utf8_normalize (lower, -1, G_NORMALIZE_NFC);
  const char *end = nfc + strlen (nfc);
  const char *start;

  while (end > nfc)
    {
      const char *prev = g_utf8_prev_char (end);

      if (g_unichar_isalnum (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  start = end;
  while (start > nfc)
    {
      const char *prev = g_utf8_prev_char (start);

      if (!g_unichar_isalnum (g_utf8_get_char (prev)))
        break;
      start = prev;
    }
  return g_strndup (start, end - start);
}

SmtImportField
smt_import_field_guess (const char *header)
{
  static const char *const stt[] = { "stt", "tt", "so tt", "so thu tu", "thu tu", NULL };
  static const char *const sex[] = { "nam nu", "gioi tinh", "gioi", "phai", "nam hay nu", NULL };
  static const char *const party[] = { "dang vien", "vao dang", "ket nap dang", "dv", NULL };
  static const char *const joined[] = { "vao hoi", "vao doan", "vao cong doan", "ket nap",
                                        "gia nhap", "ngay vao", "nam vao", NULL };
  static const char *const birth_date[] = { "ngay sinh", "ngay thang nam sinh", "sinh ngay",
                                            "ngay thang sinh", "ngay sinh thang nam", NULL };
  static const char *const birth_year[] = { "nam sinh", "sinh nam", NULL };
  static const char *const ho_lot[] = { "ho va chu lot", "ho chu lot", "ho va ten dem",
                                        "ho ten dem", "ho va ten lot", "ho ten lot", "ho dem",
                                        "ho va dem", "ho lot", "ho va lot", NULL };
  static const char *const full[] = { "ho va ten", "ho ten", "ho va ten hoi vien", NULL };
  static const char *const lot[] = { "chu lot", "ten dem", "ten lot", "dem", "lot",
                                     "chu dem", NULL };
  static const char *const ten[] = { "ten", "ten goi", "ten rieng", NULL };
  static const char *const cccd[] = { "cccd", "can cuoc", "cmnd", "chung minh", "dinh danh",
                                      "cmt", "can cuoc cong dan", NULL };
  static const char *const phone[] = { "dien thoai", "sdt", "so dt", "dt", "di dong", "dtdd",
                                       NULL };
  static const char *const role[] = { "chuc vu", "chuc danh", NULL };
  static const char *const hamlet[] = { "ap", "thon", "to dan pho", "khu pho", "khu vuc", "xom",
                                        "khom", "buon", "ten ap", "ten thon", "dia ban",
                                        NULL };
  static const char *const address[] = { "dia chi", "noi o", "cho o", "noi cu tru",
                                         "thuong tru", "tam tru", "cu tru", NULL };
  static const char *const branch[] = { "chi hoi", "chi doan", "to hoi", "chi to", NULL };
  static const char *const leader[] = { "truong", "pho", "bi thu", NULL };
  g_autofree char *words = NULL;
  g_autofree char *padded = NULL;
  g_autofree char *last = NULL;
  const char *last_folded;
  gboolean men, women;

  if (header == NULL)
    return SMT_IMPORT_FIELD_IGNORE;
  words = smt_import_fold_words (header);
  if (words[0] == '\0')
    return SMT_IMPORT_FIELD_IGNORE;
  padded = g_strconcat (" ", words, " ", NULL);
  last = last_word_lower (header);
  last_folded = strrchr (words, ' ');
  last_folded = last_folded ? last_folded + 1 : words;
  men = strcmp (last, "nam") == 0;
  women = strcmp (last_folded, "nu") == 0;

  if (is_any (words, stt))
    return SMT_IMPORT_FIELD_STT;
  if (strcmp (words, "nam") == 0)
    return men ? SMT_IMPORT_FIELD_BIRTH_YEAR_MALE : SMT_IMPORT_FIELD_BIRTH_YEAR;
  if (strcmp (words, "nu") == 0)
    return SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE;
  /* "Năm sinh / Nam", "Ngày tháng năm sinh Nữ": a two-row header joined. */
  if (strstr (padded, " sinh ") != NULL && strchr (words, ' ') != NULL && (men || women))
    return men ? SMT_IMPORT_FIELD_BIRTH_YEAR_MALE : SMT_IMPORT_FIELD_BIRTH_YEAR_FEMALE;
  if (is_any (words, sex) || starts_with_any (padded, sex))
    return SMT_IMPORT_FIELD_SEX;
  if (has_any (padded, party))
    return SMT_IMPORT_FIELD_PARTY_MEMBER;
  if (has_any (padded, joined))
    return SMT_IMPORT_FIELD_JOINED_ON;
  if (has_any (padded, birth_date))
    return SMT_IMPORT_FIELD_BIRTH_DATE;
  if (has_any (padded, birth_year) || strcmp (words, "sinh") == 0)
    return SMT_IMPORT_FIELD_BIRTH_YEAR;
  if (has_any (padded, ho_lot))
    return SMT_IMPORT_FIELD_HO_CHU_LOT;
  if (has_any (padded, full))
    return SMT_IMPORT_FIELD_FULL_NAME;
  if (is_any (words, lot) || starts_with_any (padded, lot))
    return SMT_IMPORT_FIELD_CHU_LOT;
  /* "Họ", not "Hộ" (household), which folds alike. */
  if (strcmp (words, "ho") == 0)
    return strcmp (last, "hộ") == 0 ? SMT_IMPORT_FIELD_IGNORE : SMT_IMPORT_FIELD_HO;
  if (is_any (words, ten))
    return SMT_IMPORT_FIELD_TEN;
  if (has_any (padded, cccd))
    return SMT_IMPORT_FIELD_CCCD;
  if (has_any (padded, phone))
    return SMT_IMPORT_FIELD_PHONE;
  if (has_any (padded, role))
    return SMT_IMPORT_FIELD_ROLE;
  if (has_any (padded, (const char *const[]) { "dan toc", NULL }))
    return SMT_IMPORT_FIELD_ETHNICITY;
  if (has_any (padded, (const char *const[]) { "ton giao", NULL }))
    return SMT_IMPORT_FIELD_RELIGION;
  if (is_any (words, hamlet) || starts_with_any (padded, hamlet))
    return SMT_IMPORT_FIELD_HAMLET;
  if (has_any (padded, address))
    return SMT_IMPORT_FIELD_ADDRESS;
  if (has_any (padded, branch) && !has_any (padded, leader))
    return SMT_IMPORT_FIELD_BRANCH;
  if (has_any (padded, (const char *const[]) { "ghi chu", NULL }))
    return SMT_IMPORT_FIELD_NOTE;
  return SMT_IMPORT_FIELD_IGNORE;
}
