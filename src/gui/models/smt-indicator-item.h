/* smt-indicator-item.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "core/indicators/smt-indicators.h"
#include "core/targets/smt-targets.h"

G_BEGIN_DECLS

/* One line of the Chỉ tiêu tables: an indicator's figure for the period
 * (or, in the breakdown, one organisation's or hamlet's), with the target
 * the resolution sets for it, and the texts its cells show. */
typedef struct
{
  guint               number;      /* STT; 0 in the breakdown */
  char               *label;       /* the resolution's wording, the name, or the unit */
  SmtIndicatorResult *result;
  gboolean            has_target;
  SmtTargetInfo       target;
} SmtIndicatorLine;

void  smt_indicator_line_free (SmtIndicatorLine *line);

/* "80,05 %", "196", "—" when not defined. */
char *smt_indicator_line_result_text     (const SmtIndicatorLine *line);
/* "2.046 / 2.556" for a ratio; NULL otherwise. */
char *smt_indicator_line_fraction_text   (const SmtIndicatorLine *line);
/* "72,14 %", "" when there is none. */
char *smt_indicator_line_baseline_text   (const SmtIndicatorLine *line);
/* "≥ 82 %", "≤ 5", "" without a target. */
char *smt_indicator_line_target_text     (const SmtIndicatorLine *line);
/* "103,47 %", or "▼ 97,62 %" with *under set when the result misses the
 * target; "" when there is nothing to compare. */
char *smt_indicator_line_comparison_text (const SmtIndicatorLine *line,
                                          gboolean               *under);

#define SMT_TYPE_INDICATOR_ITEM (smt_indicator_item_get_type ())
G_DECLARE_FINAL_TYPE (SmtIndicatorItem, smt_indicator_item, SMT, INDICATOR_ITEM, GObject)

/* Takes line. */
SmtIndicatorItem       *smt_indicator_item_new      (SmtIndicatorLine *line);
const SmtIndicatorLine *smt_indicator_item_get_line (SmtIndicatorItem *self);

G_END_DECLS
