/* smt-indicator-item.c
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "core/register/smt-format.h"

#include "smt-indicator-item.h"

void
smt_indicator_line_free (SmtIndicatorLine *line)
{
  if (line == NULL)
    return;
  g_free (line->label);
  g_clear_pointer (&line->result, smt_indicator_result_free);
  smt_target_info_clear (&line->target);
  g_free (line);
}

static char *
number_text (const SmtIndicatorLine *line,
             double                  value)
{
  if (line->result->info->ratio)
    return smt_format_percent (value, 2);
  return smt_format_decimal (value, 2);
}

char *
smt_indicator_line_result_text (const SmtIndicatorLine *line)
{
  if (!line->result->defined)
    return g_strdup ("—");
  return number_text (line, line->result->value);
}

char *
smt_indicator_line_fraction_text (const SmtIndicatorLine *line)
{
  g_autofree char *num = NULL;
  g_autofree char *den = NULL;

  if (!line->result->info->ratio)
    return NULL;
  num = smt_format_int ((gint64) line->result->numerator);
  den = smt_format_int ((gint64) line->result->denominator);
  return g_strdup_printf ("%s / %s", num, den);
}

char *
smt_indicator_line_baseline_text (const SmtIndicatorLine *line)
{
  if (!line->has_target || !line->target.has_baseline)
    return g_strdup ("");
  return number_text (line, line->target.baseline);
}

char *
smt_indicator_line_target_text (const SmtIndicatorLine *line)
{
  g_autofree char *value = NULL;

  if (!line->has_target)
    return g_strdup ("");
  value = number_text (line, line->target.target);
  return g_strdup_printf ("%s %s", line->target.at_most ? "≤" : "≥", value);
}

char *
smt_indicator_line_comparison_text (const SmtIndicatorLine *line,
                                    gboolean               *under)
{
  g_autofree char *percent = NULL;
  double comparison;

  *under = FALSE;
  if (!line->has_target || !line->result->defined
      || !smt_target_comparison (line->result->value, line->target.target, &comparison))
    return g_strdup ("");
  percent = smt_format_percent (comparison, 2);
  *under = !smt_target_met (line->result->value, line->target.target, line->target.at_most);
  if (*under)
    return g_strdup_printf ("▼ %s", percent);
  return g_steal_pointer (&percent);
}

struct _SmtIndicatorItem
{
  GObject           parent_instance;
  SmtIndicatorLine *line;
};

G_DEFINE_FINAL_TYPE (SmtIndicatorItem, smt_indicator_item, G_TYPE_OBJECT)

static void
smt_indicator_item_finalize (GObject *object)
{
  SmtIndicatorItem *self = SMT_INDICATOR_ITEM (object);

  g_clear_pointer (&self->line, smt_indicator_line_free);
  G_OBJECT_CLASS (smt_indicator_item_parent_class)->finalize (object);
}

static void
smt_indicator_item_class_init (SmtIndicatorItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smt_indicator_item_finalize;
}

static void
smt_indicator_item_init (SmtIndicatorItem *self)
{
}

SmtIndicatorItem *
smt_indicator_item_new (SmtIndicatorLine *line)
{
  SmtIndicatorItem *self = g_object_new (SMT_TYPE_INDICATOR_ITEM, NULL);

  self->line = line;
  return self;
}

const SmtIndicatorLine *
smt_indicator_item_get_line (SmtIndicatorItem *self)
{
  g_return_val_if_fail (SMT_IS_INDICATOR_ITEM (self), NULL);
  return self->line;
}
