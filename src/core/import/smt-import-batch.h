/* smt-import-batch.h
 * Copyright 2026 The Sổ Mặt trận authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "core/register/smt-register.h"

G_BEGIN_DECLS

/* The imports written (smt-import-plan.h), and their undo. An import that
 * was a mistake never happened: undoing it records why (import_undo) and
 * removes every row it wrote — its admissions, its residences, the people
 * and households it created — in one transaction. The batch and its undo
 * stay as the record. */

typedef struct
{
  gint64  id;
  char   *file_name;
  char   *file_sha256;
  char   *sheet;
  gint64  organisation_id;
  char   *organisation;         /* its code: "PN" */
  gint64  branch_id;            /* 0: found per row */
  char   *admitted_on_default;  /* NULL: none */
  guint   rows_read;
  guint   persons_added;
  guint   memberships_added;
  guint   households_added;
  char   *entered_at;
  gboolean undone;
  char   *undo_reason;          /* NULL unless undone */
  char   *undone_at;
} SmtImportBatch;

void       smt_import_batch_free   (SmtImportBatch  *batch);

/* Every batch, the newest first. (transfer full) (element-type
 * SmtImportBatch), NULL with error on a database error. */
GPtrArray *smt_import_batches_list (SmtRegister     *reg,
                                    GError         **error);

/* Undoes a batch; refused (SMT_REGISTER_ERROR_HAS_HISTORY, saying how many
 * and what to do) when later rows depend on what it wrote: records about
 * the people or households it created, or membership events after its
 * admissions of people already in the register. */
gboolean   smt_import_batch_undo   (SmtRegister     *reg,
                                    gint64           batch_id,
                                    const char      *reason,
                                    GError         **error);

G_END_DECLS
