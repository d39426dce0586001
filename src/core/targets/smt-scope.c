/* smt-scope.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/organisations/smt-organisation-query.h"
#include "smt-scope.h"

static const struct
{
  const char    *word;
  SmtScopeKinds  kind;
} kind_words[] = {
  { "front", SMT_SCOPE_FRONT },
  { "socio_political", SMT_SCOPE_SOCIO_POLITICAL },
  { "mass", SMT_SCOPE_MASS },
};

void
smt_scope_free (SmtScope *scope)
{
  if (scope == NULL)
    return;
  g_free (scope->text);
  g_clear_pointer (&scope->named, g_ptr_array_unref);
  g_clear_pointer (&scope->organisation_ids, g_array_unref);
  g_clear_pointer (&scope->organisation_codes, g_ptr_array_unref);
  g_clear_pointer (&scope->organisation_names, g_ptr_array_unref);
  g_free (scope);
}

static GPtrArray *
strings_copy (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_full (strings->len, g_free);

  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

SmtScope *
smt_scope_copy (const SmtScope *scope)
{
  SmtScope *copy;

  g_return_val_if_fail (scope != NULL && scope->organisation_ids != NULL, NULL);

  copy = g_new0 (SmtScope, 1);
  copy->text = g_strdup (scope->text);
  copy->kinds = scope->kinds;
  copy->named = strings_copy (scope->named);
  copy->organisation_ids = g_array_copy (scope->organisation_ids);
  copy->organisation_codes = strings_copy (scope->organisation_codes);
  copy->organisation_names = strings_copy (scope->organisation_names);
  copy->front = scope->front;
  return copy;
}

static gboolean
refuse (GError     **error,
        const char  *text)
{
  g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_INVALID,
               _("“%s” does not say which organisations a figure covers. Write "
                 "socio_political, mass, front or organisation codes, separated by "
                 "commas (for example socio_political,mass or PN,ND)."), text);
  return FALSE;
}

/* Splits text into kinds and named codes. */
static SmtScope *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(SmtScope) scope = g_new0 (SmtScope, 1);
  g_auto(GStrv) items = NULL;

  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*stripped == '\0')
    {
      refuse (error, stripped);
      return NULL;
    }
  scope->named = g_ptr_array_new_with_free_func (g_free);
  items = g_strsplit (text, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      gboolean known = FALSE;

      if (*item == '\0')
        {
          refuse (error, text);
          return NULL;
        }
      for (guint k = 0; k < G_N_ELEMENTS (kind_words); k++)
        if (g_ascii_strcasecmp (item, kind_words[k].word) == 0)
          {
            scope->kinds |= kind_words[k].kind;
            known = TRUE;
          }
      if (known)
        continue;
      for (const char *c = item; *c != '\0'; c++)
        if (!g_ascii_isalnum (*c) && *c != '_' && *c != '-')
          {
            refuse (error, text);
            return NULL;
          }
      g_ptr_array_add (scope->named, g_ascii_strup (item, -1));
    }
  return g_steal_pointer (&scope);
}

gboolean
smt_scope_check_text (const char  *text,
                      GError     **error)
{
  g_autoptr(SmtScope) scope = parse (text, error);

  return scope != NULL;
}

static gboolean
named (const SmtScope *scope,
       const char     *code)
{
  for (guint i = 0; i < scope->named->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (scope->named, i), code) == 0)
      return TRUE;
  return FALSE;
}

/* The normalised text: the kinds in a fixed order, then the codes named in
 * the organisations' order. */
static void
resolve (SmtScope  *scope,
         GPtrArray *organisations)
{
  GString *text = g_string_new (NULL);

  scope->organisation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  scope->organisation_codes = g_ptr_array_new_with_free_func (g_free);
  scope->organisation_names = g_ptr_array_new_with_free_func (g_free);
  scope->front = (scope->kinds & SMT_SCOPE_FRONT) != 0;
  for (guint k = 0; k < G_N_ELEMENTS (kind_words); k++)
    if (scope->kinds & kind_words[k].kind)
      g_string_append_printf (text, "%s%s", text->len ? "," : "", kind_words[k].word);
  for (guint i = 0; i < organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (organisations, i);
      gboolean by_kind = (o->socio_political && (scope->kinds & SMT_SCOPE_SOCIO_POLITICAL))
                         || (!o->socio_political && (scope->kinds & SMT_SCOPE_MASS));
      gboolean by_name = named (scope, o->code);

      if (by_name)
        g_string_append_printf (text, "%s%s", text->len ? "," : "", o->code);
      if (by_kind || by_name)
        {
          g_array_append_val (scope->organisation_ids, o->id);
          g_ptr_array_add (scope->organisation_codes, g_strdup (o->code));
          g_ptr_array_add (scope->organisation_names, g_strdup (o->short_name));
        }
    }
  g_free (scope->text);
  scope->text = g_string_free (text, FALSE);
}

SmtScope *
smt_scope_new (SmtRegister  *reg,
               const char   *text,
               GError      **error)
{
  g_autoptr(SmtScope) scope = NULL;
  g_autoptr(GPtrArray) organisations = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  scope = parse (text, error);
  if (scope == NULL)
    return NULL;
  organisations = smt_organisations_list (reg, error);
  if (organisations == NULL)
    return NULL;
  for (guint i = 0; i < scope->named->len; i++)
    {
      const char *code = g_ptr_array_index (scope->named, i);
      gboolean found = FALSE;

      for (guint j = 0; j < organisations->len && !found; j++)
        found = g_ascii_strcasecmp (((SmtOrganisationInfo *)
                                     g_ptr_array_index (organisations, j))->code, code) == 0;
      if (!found)
        {
          g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
                       _("There is no organisation with the code “%s”. Use one of the codes "
                         "in the list of organisations."), code);
          return NULL;
        }
    }
  resolve (scope, organisations);
  return g_steal_pointer (&scope);
}

SmtScope *
smt_scope_new_for_organisation (SmtRegister  *reg,
                                gint64        organisation_id,
                                GError      **error)
{
  g_autoptr(GPtrArray) organisations = NULL;

  g_return_val_if_fail (SMT_IS_REGISTER (reg), NULL);

  organisations = smt_organisations_list (reg, error);
  if (organisations == NULL)
    return NULL;
  for (guint i = 0; i < organisations->len; i++)
    {
      const SmtOrganisationInfo *o = g_ptr_array_index (organisations, i);

      if (o->id == organisation_id)
        return smt_scope_new (reg, o->code, error);
    }
  g_set_error (error, SMT_REGISTER_ERROR, SMT_REGISTER_ERROR_NOT_FOUND,
               _("There is no such organisation. Choose one from the list of organisations."));
  return NULL;
}

gboolean
smt_scope_has (const SmtScope *scope,
               gint64          organisation_id)
{
  g_return_val_if_fail (scope != NULL && scope->organisation_ids != NULL, FALSE);

  for (guint i = 0; i < scope->organisation_ids->len; i++)
    if (g_array_index (scope->organisation_ids, gint64, i) == organisation_id)
      return TRUE;
  return FALSE;
}

char *
smt_scope_describe (const SmtScope *scope)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean by_kind = (scope->kinds & (SMT_SCOPE_SOCIO_POLITICAL | SMT_SCOPE_MASS)) != 0;

  g_return_val_if_fail (scope != NULL && scope->organisation_ids != NULL, NULL);

  if (scope->kinds & SMT_SCOPE_FRONT)
    g_ptr_array_add (parts, g_strdup (_("the Front")));
  if (scope->kinds & SMT_SCOPE_SOCIO_POLITICAL)
    g_ptr_array_add (parts, g_strdup (_("the socio-political organisations")));
  if (scope->kinds & SMT_SCOPE_MASS)
    g_ptr_array_add (parts, g_strdup (_("the mass associations")));
  if (!by_kind)
    for (guint i = 0; i < scope->organisation_names->len; i++)
      g_ptr_array_add (parts, g_strdup (g_ptr_array_index (scope->organisation_names, i)));
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == parts->len ? _(" and ") : ", ");
      g_string_append (text, g_ptr_array_index (parts, i));
    }
  if (by_kind && scope->organisation_names->len > 0)
    {
      g_string_append (text, " (");
      for (guint i = 0; i < scope->organisation_names->len; i++)
        g_string_append_printf (text, "%s%s", i ? ", " : "",
                                (char *) g_ptr_array_index (scope->organisation_names, i));
      g_string_append (text, ")");
    }
  if (text->len == 0)
    g_string_append (text, _("no organisation"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
smt_scope_describe_short (const SmtScope *scope)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (scope != NULL && scope->organisation_ids != NULL, NULL);

  if (scope->kinds & SMT_SCOPE_FRONT)
    g_string_append (text, C_("scope, short", "the Front"));
  if (scope->kinds & SMT_SCOPE_SOCIO_POLITICAL)
    g_string_append_printf (text, "%s%s", text->len ? ", " : "",
                            C_("scope, short", "socio-political organisations"));
  if (scope->kinds & SMT_SCOPE_MASS)
    g_string_append_printf (text, "%s%s", text->len ? ", " : "",
                            C_("scope, short", "mass associations"));
  for (guint i = 0; i < scope->named->len; i++)
    for (guint k = 0; k < scope->organisation_codes->len; k++)
      if (g_ascii_strcasecmp (g_ptr_array_index (scope->organisation_codes, k),
                              g_ptr_array_index (scope->named, i)) == 0)
        g_string_append_printf (text, "%s%s", text->len ? ", " : "",
                                (char *) g_ptr_array_index (scope->organisation_names, k));
  if (text->len > 0)
    {
      /* A cell's text begins with a capital: "Đoàn thể CT-XH". */
      gunichar first = g_utf8_get_char (text->str);
      char buf[8];
      int len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);

      g_string_erase (text, 0, g_utf8_next_char (text->str) - text->str);
      g_string_insert_len (text, 0, buf, len);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
