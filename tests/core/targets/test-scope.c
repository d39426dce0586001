/* test-scope.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "core/organisations/smt-organisations.h"
#include "core/register/smt-locale.h"
#include "core/targets/smt-catalogue.h"
#include "core/targets/smt-scope.h"
#include "smt-test-util.h"

/* A new register holds DTN, PN, ND, CCB, CD (socio-political) and NCT,
 * CTD, KH (mass associations), in that position order. */

typedef struct
{
  const char *text;
  const char *normalised;
  const char *codes;      /* the organisations covered, in position order */
  gboolean    front;
  const char *words;
} Case;

static const Case cases[] = {
  { "socio_political", "socio_political", "DTN PN ND CCB CD", FALSE,
    "các đoàn thể chính trị - xã hội (Đoàn TN, Phụ nữ, Nông dân, Cựu chiến binh, Công đoàn)" },
  /* The officers' rows: the Front's chair and the heads of the five. */
  { "front,socio_political", "front,socio_political", "DTN PN ND CCB CD", TRUE,
    "Mặt trận và các đoàn thể chính trị - xã hội (Đoàn TN, Phụ nữ, Nông dân, Cựu chiến binh, "
    "Công đoàn)" },
  /* Order, case and spaces do not matter; the text comes out the same. */
  { " Socio_Political , FRONT ", "front,socio_political", "DTN PN ND CCB CD", TRUE, NULL },
  { "socio_political,mass", "socio_political,mass", "DTN PN ND CCB CD NCT CTD KH", FALSE,
    "các đoàn thể chính trị - xã hội và các hội quần chúng (Đoàn TN, Phụ nữ, Nông dân, Cựu "
    "chiến binh, Công đoàn, Người cao tuổi, Chữ thập đỏ, Khuyến học)" },
  { "mass", "mass", "NCT CTD KH", FALSE,
    "các hội quần chúng (Người cao tuổi, Chữ thập đỏ, Khuyến học)" },
  /* Codes by name, in the organisations' order whatever the text's. */
  { "nd,PN", "PN,ND", "PN ND", FALSE, "Phụ nữ và Nông dân" },
  { "NCT", "NCT", "NCT", FALSE, "Người cao tuổi" },
  /* A kind and a code: the code adds to the kind. */
  { "socio_political,NCT", "socio_political,NCT", "DTN PN ND CCB CD NCT", FALSE, NULL },
  /* The Front alone: no organisation, the committee itself. */
  { "front", "front", "", TRUE, "Mặt trận" },
};

static void
test_cases (void)
{
  SmtTestRegister *t = smt_test_register_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtScope) scope = smt_scope_new (t->reg, c->text, &error);
      g_autoptr(SmtScope) copy = NULL;
      g_autoptr(GString) codes = g_string_new (NULL);

      g_test_message ("scope “%s”", c->text);
      g_assert_no_error (error);
      g_assert_nonnull (scope);
      g_assert_cmpstr (scope->text, ==, c->normalised);
      for (guint k = 0; k < scope->organisation_codes->len; k++)
        g_string_append_printf (codes, "%s%s", k ? " " : "",
                                (char *) g_ptr_array_index (scope->organisation_codes, k));
      g_assert_cmpstr (codes->str, ==, c->codes);
      g_assert_cmpint (scope->front, ==, c->front);
      g_assert_cmpuint (scope->organisation_ids->len, ==, scope->organisation_codes->len);
      for (guint k = 0; k < scope->organisation_ids->len; k++)
        {
          gint64 id = g_array_index (scope->organisation_ids, gint64, k);

          g_assert_true (smt_scope_has (scope, id));
          g_assert_cmpint (id, ==, smt_organisation_lookup (
                                     t->reg, g_ptr_array_index (scope->organisation_codes, k)));
        }
      if (c->words != NULL)
        {
          g_autofree char *words = smt_scope_describe (scope);

          g_assert_cmpstr (words, ==, c->words);
        }
      /* A copy is the same scope. */
      copy = smt_scope_copy (scope);
      g_assert_cmpstr (copy->text, ==, scope->text);
      g_assert_cmpuint (copy->organisation_ids->len, ==, scope->organisation_ids->len);
      g_assert_cmpint (copy->front, ==, scope->front);
      /* The normalised text reads back as the same scope. */
      {
        g_autoptr(SmtScope) again = smt_scope_new (t->reg, scope->text, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (again->text, ==, scope->text);
      }
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SmtScope) one = smt_scope_new_for_organisation (
      t->reg, smt_organisation_lookup (t->reg, "CCB"), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (one->text, ==, "CCB");
    g_assert_false (one->front);
    g_assert_false (smt_scope_has (one, smt_organisation_lookup (t->reg, "PN")));
  }
  smt_test_register_free (t);
}

static void
test_refused (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  static const char *malformed[] = { "", "  ", "socio_political,", ",PN", "PN;ND", "Phụ nữ" };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtScope) scope = smt_scope_new (t->reg, malformed[i], &error);

      g_assert_null (scope);
      g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
      /* The message says what to write. */
      g_assert_nonnull (strstr (error->message, "socio_political,mass"));
      g_clear_error (&error);
      g_assert_false (smt_scope_check_text (malformed[i], &error));
      g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SmtScope) scope = smt_scope_new (t->reg, "PN,XYZ", &error);

    g_assert_null (scope);
    g_assert_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "XYZ"));
    /* Well formed, though the register has no XYZ. */
    g_clear_error (&error);
    g_assert_true (smt_scope_check_text ("PN,XYZ", &error));
    g_assert_no_error (error);
  }
  smt_test_register_free (t);
}

/* Every computed indicator has a default that the register resolves, and
 * it is the seeds' one; typed values have none. */
static void
test_catalogue (void)
{
  SmtTestRegister *t = smt_test_register_new ();
  guint n;
  const SmtIndicatorInfo *all = smt_catalogue_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SmtScope) scope = NULL;

      if (all[i].source == SMT_INDICATOR_TYPED)
        {
          g_assert_null (all[i].scope);
          continue;
        }
      scope = smt_scope_new (t->reg, all[i].scope, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (scope->organisation_ids->len, ==, 5);
      g_assert_cmpint (scope->front, ==, g_str_has_prefix (all[i].code, "officers_"));
    }
  smt_test_register_free (t);
}

int
main (int argc, char **argv)
{
  g_setenv ("SMT_LANGUAGE", "vi", TRUE);
  smt_locale_init ();
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/scope/cases", test_cases);
  g_test_add_func ("/scope/refused", test_refused);
  g_test_add_func ("/scope/catalogue", test_catalogue);
  return g_test_run ();
}
