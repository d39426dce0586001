/* smt-person-dialog.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "core/people/smt-people.h"

G_BEGIN_DECLS

#define SMT_TYPE_PERSON_DIALOG (smt_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmtPersonDialog, smt_person_dialog, SMT, PERSON_DIALOG, AdwWindow)

typedef enum
{
  SMT_PERSON_FIELD_HO,
  SMT_PERSON_FIELD_CHU_LOT,
  SMT_PERSON_FIELD_TEN,
  SMT_PERSON_FIELD_BORN,          /* "05/02/1962" or "1962" */
  SMT_PERSON_FIELD_ETHNICITY,
  SMT_PERSON_FIELD_RELIGION,
  SMT_PERSON_FIELD_CCCD,
  SMT_PERSON_FIELD_PHONE,
  SMT_PERSON_FIELD_PARTY_SINCE,
  SMT_PERSON_FIELD_NOTE,
  SMT_PERSON_FIELD_ADDRESS,       /* of a new household */
  SMT_PERSON_FIELD_FROM,          /* the day they live there from */
  SMT_PERSON_FIELD_REASON,        /* of a correction */
  SMT_PERSON_N_FIELDS
} SmtPersonField;

typedef enum
{
  SMT_RESIDENCE_EXISTING,         /* a household of the hamlet chosen */
  SMT_RESIDENCE_NEW,              /* a new household of the hamlet, at an address */
  SMT_RESIDENCE_NONE,             /* not (yet) in a household of the commune */
} SmtResidenceChoice;

/* A new person (person_id 0), with where they live from which day, or the
 * correction of one person's record with a reason. A refusal of the core
 * is shown in the dialog next to the field it concerns, and nothing is
 * written; on success the window shows the change (Ctrl+Z undoes it), the
 * dialog emits ::saved (gint64 person key) and closes. */
SmtPersonDialog *smt_person_dialog_new              (GtkWindow          *parent,
                                                     SmtRegister        *reg,
                                                     gint64              person_id,
                                                     GError            **error);

/* What the fields do, for the tests. */
void             smt_person_dialog_set_text         (SmtPersonDialog    *self,
                                                     SmtPersonField      field,
                                                     const char         *text);
const char      *smt_person_dialog_get_text         (SmtPersonDialog    *self,
                                                     SmtPersonField      field);
void             smt_person_dialog_set_sex          (SmtPersonDialog    *self,
                                                     SmtSex              sex);
/* FALSE when the hamlet or household is not offered. */
gboolean         smt_person_dialog_choose_residence (SmtPersonDialog    *self,
                                                     SmtResidenceChoice  choice,
                                                     gint64              hamlet_id,
                                                     gint64              household_id);
void             smt_person_dialog_set_head         (SmtPersonDialog    *self,
                                                     gboolean            head);
/* The switch of a trait (by code: "CQN"); FALSE when the register has no
 * such trait. */
gboolean         smt_person_dialog_set_trait        (SmtPersonDialog    *self,
                                                     const char         *code,
                                                     gboolean            on);
/* As the Save button: FALSE when refused, the message then shown. */
gboolean         smt_person_dialog_save             (SmtPersonDialog    *self);
/* The message shown, NULL when none; the field it concerns in field
 * (nullable), SMT_PERSON_N_FIELDS when none. */
const char      *smt_person_dialog_get_error        (SmtPersonDialog    *self,
                                                     SmtPersonField     *field);

G_END_DECLS
