/* smt-indicator-value-query.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"
#include "smt-period.h"

G_BEGIN_DECLS

/* The values typed for an indicator and a period (Chỉ tiêu in the window,
 * `somattran indicator-history`): the current one and the earlier ones it
 * superseded, which stay in history. */

typedef struct
{
  gint64    id;
  double    value;
  char     *note;        /* "" when none */
  char     *entered_at;  /* when it was typed, as stored */
  gboolean  current;     /* no later row supersedes it */
} SmtIndicatorValueRow;

void       smt_indicator_value_row_free  (SmtIndicatorValueRow *row);

/* Every value typed for code over exactly period, newest first (voided
 * rows left out); code "budget:PN" gives those of one organisation,
 * "budget" the whole commune's; (transfer full) (element-type SmtIndicatorValueRow),
 * NULL with error on a database error. */
GPtrArray *smt_indicator_value_history   (SmtRegister      *reg,
                                          const char       *code,
                                          const SmtPeriod  *period,
                                          GError          **error);

G_END_DECLS
