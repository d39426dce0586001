/* smt-date.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are ISO text (YYYY-MM-DD) in the register and dd/mm/yyyy on screen. */

gboolean smt_date_is_valid   (const char *iso);
/* Accepts "05/02/2026", "5/2/2026", "2026-02-05"; returns ISO or NULL. */
char    *smt_date_parse      (const char *text);
/* "2026-02-05" → "05/02/2026" */
char    *smt_date_to_display (const char *iso);
/* Whole years of age at the end of date; birth_date may be NULL (then the
 * year alone counts: age = year(date) - birth_year). */
int      smt_date_age_on     (const char *birth_date,
                              int         birth_year,
                              const char *date);
/* Today in local time as ISO. */
char    *smt_date_today      (void);
/* Adds days to an ISO date. */
char    *smt_date_add_days   (const char *iso,
                              int         days);
/* The same into a buffer, for hot loops; FALSE when iso is not a date. */
gboolean smt_date_add_days_to (const char *iso,
                               int         days,
                               char        out[11]);

G_END_DECLS
