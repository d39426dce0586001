/* smt-period-picker.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "core/targets/smt-period.h"

G_BEGIN_DECLS

/* The period of a table or a report, picked as offices name them: a
 * month, a quarter, 6 or 9 months, a year, a resolution's term (when the
 * owner offers one) or any two dates typed dd/mm/yyyy. Emits "changed"
 * when the user changes it, not when the owner sets it. Horizontal, it
 * is one line for a toolbar; vertical, the two dates go under the kind,
 * for a narrow column. */
#define SMT_TYPE_PERIOD_PICKER (smt_period_picker_get_type ())
G_DECLARE_FINAL_TYPE (SmtPeriodPicker, smt_period_picker, SMT, PERIOD_PICKER, GtkBox)

/* Whether "Term of the Resolution" is among the kinds (off by default). */
void       smt_period_picker_set_offers_term (SmtPeriodPicker *self,
                                              gboolean         offers_term);
/* The term that kind stands for, ISO dates; from NULL when no resolution
 * is chosen (the term kind then asks for one). */
void       smt_period_picker_set_term        (SmtPeriodPicker *self,
                                              const char      *from,
                                              const char      *to);
gboolean   smt_period_picker_is_term         (SmtPeriodPicker *self);
/* The period the controls say, NULL with *message (translated, saying what
 * to fix) when they say none: dates mistyped, a term without a resolution. */
SmtPeriod *smt_period_picker_get_period      (SmtPeriodPicker *self,
                                              char           **message);
/* Sets the controls to period; a range shows its two dates. */
void       smt_period_picker_set_period      (SmtPeriodPicker *self,
                                              const SmtPeriod *period);

G_END_DECLS
