/* test-legacy-text.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "io/sheets/smt-legacy-text.h"

#include "legacy-encode.h"

/* Invented names and ordinary words of a Mặt trận office's lists. */
static const char *const sentences[] = {
  "Nguyễn Văn An",
  "Trần Thị Bích Ngọc",
  "Hội Liên hiệp Phụ nữ",
  "Ấp Tân Hòa",
  "Đảng viên",
  "Cựu chiến binh",
  "Lê Thị Hồng Nhung",
  "Phạm Quốc Huy, ấp Bình Phước",
  "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
  "Hội Người cao tuổi xã Tân Lợi",
  "Võ Thị Thuỷ; Dương Văn Được",
  "Châu Thị Ửng (hộ nghèo)",
  "Khuyến học – khuyến tài",
  "ngoài ra, người già khoẻ mạnh được giúp đỡ",
};

/* The 134 precomposed Vietnamese letters: 67 lower, 67 capitals. */
static const char *const lower_letters =
  "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

static char *
upper (const char *text)
{
  return g_utf8_strup (text, -1);
}

static void
assert_nfc_equal (const char *got,
                  const char *expected)
{
  g_autofree char *a = g_utf8_normalize (got, -1, G_NORMALIZE_NFC);
  g_autofree char *b = g_utf8_normalize (expected, -1, G_NORMALIZE_NFC);

  g_assert_nonnull (a);
  g_assert_cmpstr (a, ==, b);
  /* The decoder's result is NFC already. */
  g_assert_cmpstr (got, ==, b);
}

static void
test_names (void)
{
  static const struct { SmtTextEncoding enc; const char *name; } table[] = {
    { SMT_ENCODING_UNICODE, "utf-8" }, { SMT_ENCODING_TCVN3, "tcvn3" },
    { SMT_ENCODING_VNI, "vni" }, { SMT_ENCODING_CP1258, "cp1258" },
    { SMT_ENCODING_TCVN3_CAPS, "tcvn3-caps" },
  };
  SmtTextEncoding enc = SMT_ENCODING_VNI;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      SmtTextEncoding back = SMT_N_ENCODINGS;

      g_assert_cmpstr (smt_text_encoding_to_string (table[i].enc), ==, table[i].name);
      g_assert_true (smt_text_encoding_from_string (table[i].name, &back));
      g_assert_cmpint (back, ==, table[i].enc);
      g_assert_cmpstr (smt_text_encoding_label (table[i].enc), !=, "");
    }
  g_assert_true (smt_text_encoding_from_string ("Windows-1258", &enc));
  g_assert_cmpint (enc, ==, SMT_ENCODING_CP1258);
  g_assert_true (smt_text_encoding_from_string ("UTF-8", &enc));
  g_assert_cmpint (enc, ==, SMT_ENCODING_UNICODE);
  g_assert_false (smt_text_encoding_from_string ("latin1", &enc));
  g_assert_false (smt_text_encoding_from_string (NULL, &enc));
  g_assert_cmpint (enc, ==, SMT_ENCODING_UNICODE);

  g_assert_true (smt_legacy_font_is_tcvn3_caps (".VnTimeH"));
  g_assert_true (smt_legacy_font_is_tcvn3_caps (".VnArialH"));
  g_assert_false (smt_legacy_font_is_tcvn3_caps (".VnTime"));
  g_assert_false (smt_legacy_font_is_tcvn3_caps ("VNI-TimeH"));
  g_assert_false (smt_legacy_font_is_tcvn3_caps (NULL));
}

/* Known strings as other converters and Excel show them. */
static void
test_known (void)
{
  static const struct { const char *sheet_text; SmtTextEncoding enc; const char *expected; }
  table[] = {
    { "NguyÔn", SMT_ENCODING_TCVN3, "Nguyễn" },
    { "B¶o Th¾ng", SMT_ENCODING_TCVN3, "Bảo Thắng" },
    { "B¸t X¸t", SMT_ENCODING_TCVN3, "Bát Xát" },
    { "Nguyeãn", SMT_ENCODING_VNI, "Nguyễn" },
    { "Xin chaøo caùc baïn", SMT_ENCODING_VNI, "Xin chào các bạn" },
    { "NGUYEÃN VAÊN AN", SMT_ENCODING_VNI, "NGUYỄN VĂN AN" },
    /* "Nguyễn" in 1258: e with circumflex (0xEA), tilde (0xDE). */
    { "NguyêÞn", SMT_ENCODING_CP1258, "Nguyễn" },
    /* 1258's own precomposed ó, then ơ (0xF5) + grave (0xCC); 0xF2 is
     * the dot below there, not ò. */
    { "Hóa, mõÌi, Hoòn", SMT_ENCODING_CP1258, "Hóa, mời, Họn" },
    /* Unicode text: NFC only. */
    { "Nguye\xCC\x82\xCC\x83n", SMT_ENCODING_UNICODE, "Nguyễn" },
    { "Hòa", SMT_ENCODING_UNICODE, "Hòa" },
    /* Characters no legacy byte gives pass unchanged. */
    { "Ω ễ ★", SMT_ENCODING_TCVN3, "Ω ễ ★" },
    { "Ω ễ ★", SMT_ENCODING_VNI, "Ω ễ ★" },
    /* 1252's quotes stay quotes in TCVN3 (glibc's TCVN makes them capitals). */
    { "“Hµ Néi”", SMT_ENCODING_TCVN3, "“Hà Nội”" },
    /* A mark alone, after a consonant, stays what 1252 shows. */
    { "bâ", SMT_ENCODING_VNI, "bâ" },
    { "", SMT_ENCODING_VNI, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *got = smt_legacy_text_decode (table[i].sheet_text, table[i].enc);

      assert_nfc_equal (got, table[i].expected);
    }
}

static void
check_round_trip (const char   *text,
                  TestEncoding  test_enc,
                  SmtTextEncoding enc)
{
  g_autofree char *encoded = legacy_encode (text, test_enc);
  g_autofree char *decoded = NULL;

  g_assert_nonnull (encoded);
  decoded = smt_legacy_text_decode (encoded, enc);
  assert_nfc_equal (decoded, text);
}

static void
test_sentences (void)
{
  guint tcvn3_done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      g_autofree char *tcvn3 = legacy_encode (sentences[i], ENC_TCVN3);
      g_autofree char *lower_text = g_utf8_strdown (sentences[i], -1);
      g_autofree char *upper_text = upper (sentences[i]);
      g_autofree char *caps_bytes = legacy_encode (lower_text, ENC_TCVN3);
      g_autofree char *caps = smt_legacy_text_decode (caps_bytes, SMT_ENCODING_TCVN3_CAPS);

      check_round_trip (sentences[i], ENC_VNI, SMT_ENCODING_VNI);
      check_round_trip (upper_text, ENC_VNI, SMT_ENCODING_VNI);
      check_round_trip (sentences[i], ENC_CP1258, SMT_ENCODING_CP1258);
      check_round_trip (upper_text, ENC_CP1258, SMT_ENCODING_CP1258);
      /* .VnTime has no toned capitals ("Ấp", "Ửng"): those are typed in
       * .VnTimeH, whose capitals are the lower-case bytes. */
      if (tcvn3 != NULL)
        {
          g_autofree char *decoded = smt_legacy_text_decode (tcvn3, SMT_ENCODING_TCVN3);

          assert_nfc_equal (decoded, sentences[i]);
          tcvn3_done++;
        }
      assert_nfc_equal (caps, upper_text);
    }
  /* All but "Ấp Tân Hòa" and "Châu Thị Ửng (hộ nghèo)". */
  g_assert_cmpuint (tcvn3_done, ==, G_N_ELEMENTS (sentences) - 2);
}

static void
test_all_letters (void)
{
  g_autofree char *upper_letters = upper (lower_letters);
  guint n = 0;

  g_assert_cmpint (g_utf8_strlen (lower_letters, -1), ==, 67);
  g_assert_cmpint (g_utf8_strlen (upper_letters, -1), ==, 67);

  for (const char *p = lower_letters; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      g_autofree char *lower_one = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));
      g_autofree char *upper_one = upper (lower_one);
      /* Each letter alone and inside a word. */
      g_autofree char *word = g_strconcat ("x", lower_one, "n", NULL);
      g_autofree char *upper_word = upper (word);
      g_autofree char *tcvn3 = legacy_encode (lower_one, ENC_TCVN3);
      g_autofree char *caps = smt_legacy_text_decode (tcvn3, SMT_ENCODING_TCVN3_CAPS);

      check_round_trip (lower_one, ENC_TCVN3, SMT_ENCODING_TCVN3);
      check_round_trip (word, ENC_TCVN3, SMT_ENCODING_TCVN3);
      assert_nfc_equal (caps, upper_one);
      for (guint k = 0; k < 2; k++)
        {
          TestEncoding te = k == 0 ? ENC_VNI : ENC_CP1258;
          SmtTextEncoding e = k == 0 ? SMT_ENCODING_VNI : SMT_ENCODING_CP1258;

          check_round_trip (lower_one, te, e);
          check_round_trip (upper_one, te, e);
          check_round_trip (word, te, e);
          check_round_trip (upper_word, te, e);
        }
    }
  g_assert_cmpuint (n, ==, 67);
  /* The seven capitals .VnTime has. */
  for (const char *p = "ĂÂÊÔƠƯĐ"; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *one = g_strndup (p, (gsize) (g_utf8_next_char (p) - p));

      check_round_trip (one, ENC_TCVN3, SMT_ENCODING_TCVN3);
    }
}

static void
test_score (void)
{
  static const struct { const char *word; gboolean valid; } words[] = {
    { "Nguyễn", TRUE }, { "Văn", TRUE }, { "Bích", TRUE }, { "Ngọc", TRUE },
    { "hòa", TRUE }, { "hoà", TRUE }, { "hóa", TRUE }, { "hoá", TRUE },
    { "thủy", TRUE }, { "thuỷ", TRUE }, { "khỏe", TRUE }, { "khoẻ", TRUE },
    { "quốc", TRUE }, { "giữa", TRUE }, { "gì", TRUE }, { "nghiêng", TRUE },
    { "người", TRUE }, { "rượu", TRUE }, { "ngoài", TRUE }, { "khuỷu", TRUE },
    { "thuở", TRUE }, { "Đảng", TRUE }, { "được", TRUE }, { "tuyết", TRUE },
    { "huỳnh", TRUE }, { "ĐOÀN", TRUE }, { "của", TRUE }, { "mới", TRUE },
    { "hoàn", TRUE }, { "xoăn", TRUE }, { "Ấp", TRUE }, { "ừ", TRUE },
    /* Wrong tone place, two tones, a tone a stop final refuses. */
    { "hòan", FALSE }, { "ngòai", FALSE }, { "hòà", FALSE }, { "càc", FALSE },
    { "bẩt", FALSE }, { "mươ", FALSE }, { "qư", FALSE },
    /* Legacy text shown as Unicode. */
    { "NguyÔn", FALSE }, { "V¨n", FALSE }, { "Nguyeãn", FALSE }, { "Vaên", FALSE },
    { "ThÞ", FALSE }, { "NguyêÞn", FALSE }, { "jé", FALSE }, { "kà", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      double s = smt_legacy_text_score (words[i].word);

      if (s != (words[i].valid ? 1.0 : 0.0))
        g_error ("%s: score %g, expected %s", words[i].word, s,
                 words[i].valid ? "valid" : "invalid");
    }
  /* ASCII words are neutral: "An" does not count; "NguyÔn V¨n An" is 0/2. */
  g_assert_cmpfloat (smt_legacy_text_score ("Nguyễn Văn An"), ==, 1.0);
  g_assert_cmpfloat (smt_legacy_text_score ("NguyÔn V¨n An"), ==, 0.0);
  g_assert_cmpfloat (smt_legacy_text_score ("Nguyễn V¨n An"), ==, 0.5);
  g_assert_cmpfloat (smt_legacy_text_score ("Nguyen Van An 1975"), ==, -1.0);
  g_assert_cmpfloat (smt_legacy_text_score (""), ==, -1.0);
  g_assert_cmpfloat (smt_legacy_text_score ("\xFF\xFE"), ==, -1.0);
}

static SmtTextEncoding
guess_column (const char *const *names,
              guint              n,
              TestEncoding       enc,
              SmtTextHint        hint)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double confidence = -1;
  SmtTextEncoding guess;

  for (guint i = 0; i < n; i++)
    {
      char *encoded = (int) enc < 0 ? g_strdup (names[i]) : legacy_encode (names[i], enc);

      if (encoded != NULL)
        g_ptr_array_add (texts, encoded);
    }
  guess = smt_legacy_text_guess ((const char *const *) texts->pdata, texts->len, hint,
                                 &confidence);
  g_assert_cmpfloat (confidence, >=, 0.0);
  g_assert_cmpfloat (confidence, <=, 1.0);
  return guess;
}

static void
test_guess (void)
{
  static const char *const names[] = {
    "Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Văn Hùng", "Phạm Thị Thu Hằng",
    "Võ Minh Khoa", "Đặng Thị Kim Yến", "Huỳnh Văn Lợi", "Dương Thị Mỹ Duyên",
    "Tô Quốc Việt", "Hồ Thị Ngọc Trâm", "Lương Văn Được", "Bùi Thị Hòa",
  };
  static const char *const ascii[] = { "Nguyen Van An", "Tran Thi B", "12/05/1980", "x" };
  /* Names whose only marks are Latin-1 letters: as Unicode they decode
   * as TCVN3 into other valid syllables ("Hòa" → "Hũa"), so the guess must
   * hold to Unicode unless a legacy reading is much better. */
  static const char *const latin1[] = { "Lê Thị Hòa", "Võ Văn Tâm", "Hà Minh Tú", "Lý Thị Mai" };
  guint n = G_N_ELEMENTS (names);
  const TestEncoding as_is = (TestEncoding) -1;

  g_assert_cmpint (guess_column (names, n, as_is, SMT_TEXT_HINT_NONE), ==,
                   SMT_ENCODING_UNICODE);
  g_assert_cmpint (guess_column (latin1, 4, as_is, SMT_TEXT_HINT_NONE), ==,
                   SMT_ENCODING_UNICODE);
  g_assert_cmpint (guess_column (ascii, 4, as_is, SMT_TEXT_HINT_NONE), ==,
                   SMT_ENCODING_UNICODE);
  g_assert_cmpint (guess_column (ascii, 4, as_is, SMT_TEXT_HINT_8BIT), ==,
                   SMT_ENCODING_UNICODE);
  g_assert_cmpint (guess_column (NULL, 0, as_is, SMT_TEXT_HINT_NONE), ==,
                   SMT_ENCODING_UNICODE);
  /* Legacy text in a Unicode file whose font was lost. */
  g_assert_cmpint (guess_column (names, n, ENC_TCVN3, SMT_TEXT_HINT_NONE), ==,
                   SMT_ENCODING_TCVN3);
  g_assert_cmpint (guess_column (names, n, ENC_VNI, SMT_TEXT_HINT_NONE), ==,
                   SMT_ENCODING_VNI);
  /* 8-bit text files. */
  g_assert_cmpint (guess_column (names, n, ENC_TCVN3, SMT_TEXT_HINT_8BIT), ==,
                   SMT_ENCODING_TCVN3);
  g_assert_cmpint (guess_column (names, n, ENC_VNI, SMT_TEXT_HINT_8BIT), ==,
                   SMT_ENCODING_VNI);
  g_assert_cmpint (guess_column (names, n, ENC_CP1258, SMT_TEXT_HINT_8BIT), ==,
                   SMT_ENCODING_CP1258);
  g_assert_cmpint (guess_column (latin1, 4, ENC_CP1258, SMT_TEXT_HINT_8BIT), ==,
                   SMT_ENCODING_CP1258);
  /* One name is enough. */
  g_assert_cmpint (guess_column (names, 1, ENC_TCVN3, SMT_TEXT_HINT_8BIT), ==,
                   SMT_ENCODING_TCVN3);
  g_assert_cmpint (guess_column (names + 1, 1, ENC_VNI, SMT_TEXT_HINT_8BIT), ==,
                   SMT_ENCODING_VNI);
  /* A font decides. */
  g_assert_cmpint (guess_column (names, n, ENC_CP1258, SMT_TEXT_HINT_TCVN3), ==,
                   SMT_ENCODING_TCVN3);
  g_assert_cmpint (guess_column (names, n, as_is, SMT_TEXT_HINT_VNI), ==, SMT_ENCODING_VNI);
}

/* Whatever comes in, valid NFC UTF-8 comes out, and ASCII stays. */
static void
test_robust (void)
{
  GRand *rand = g_rand_new_with_seed (15);
  char all[256];

  for (guint i = 1; i < 256; i++)
    all[i - 1] = (char) i;
  all[255] = '\0';

  for (guint round = 0; round < 3000; round++)
    {
      char buf[64];
      guint len = (guint) g_rand_int_range (rand, 0, sizeof buf);
      const char *input = buf;

      for (guint i = 0; i < len; i++)
        buf[i] = (char) g_rand_int_range (rand, 1, 256);
      buf[len] = '\0';
      if (round == 0)
        input = all;
      for (guint e = 0; e < SMT_N_ENCODINGS; e++)
        {
          g_autofree char *out = smt_legacy_text_decode (input, (SmtTextEncoding) e);
          g_autofree char *nfc = NULL;

          g_assert_true (g_utf8_validate (out, -1, NULL));
          nfc = g_utf8_normalize (out, -1, G_NORMALIZE_NFC);
          g_assert_cmpstr (out, ==, nfc);
          smt_legacy_text_score (out);
        }
      smt_legacy_text_guess (&input, 1, SMT_TEXT_HINT_8BIT, NULL);
      smt_legacy_text_guess (&input, 1, SMT_TEXT_HINT_NONE, NULL);
    }
  g_rand_free (rand);

  /* Invalid UTF-8 is taken as raw legacy bytes. */
  {
    g_autofree char *raw_tcvn3 = smt_legacy_text_decode ("Nguy\xD4n", SMT_ENCODING_TCVN3);
    g_autofree char *raw_vni = smt_legacy_text_decode ("Nguye\xE3n", SMT_ENCODING_VNI);
    g_autofree char *ascii = smt_legacy_text_decode ("Nguyen Van An", SMT_ENCODING_VNI);
    g_autofree char *null_text = smt_legacy_text_decode (NULL, SMT_ENCODING_VNI);

    g_assert_cmpstr (raw_tcvn3, ==, "Nguyễn");
    g_assert_cmpstr (raw_vni, ==, "Nguyễn");
    g_assert_cmpstr (ascii, ==, "Nguyen Van An");
    g_assert_cmpstr (null_text, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/legacy-text/names", test_names);
  g_test_add_func ("/legacy-text/known", test_known);
  g_test_add_func ("/legacy-text/sentences", test_sentences);
  g_test_add_func ("/legacy-text/all-letters", test_all_letters);
  g_test_add_func ("/legacy-text/score", test_score);
  g_test_add_func ("/legacy-text/guess", test_guess);
  g_test_add_func ("/legacy-text/robust", test_robust);

  return g_test_run ();
}
