-- 004-import.sql
-- Copyright 2026 The Sổ Mặt trận authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 4: member lists imported from the offices' spreadsheets.
--
-- * Every import is one batch: which file (its name and SHA-256), which
--   sheet, into which organisation (and branch, when one was chosen for
--   every row), the admission date given for rows without one, and what it
--   added. The rows it wrote name it (import_batch_id).
-- * An import that was a mistake can be undone as a whole: an import_undo
--   row records why, and then, in the same transaction, the rows the batch
--   wrote are removed (src/core/import/smt-import-batch.c). The batch and
--   its undo stay as the record. Residence and membership_event rows stay
--   append-only for everything else: their delete triggers allow a DELETE
--   only of a row whose batch has an import_undo row.

CREATE TABLE import_batch (
  id                  INTEGER PRIMARY KEY,
  file_name           TEXT NOT NULL DEFAULT '',
  file_sha256         TEXT NOT NULL DEFAULT '',
  sheet               TEXT NOT NULL DEFAULT '',
  organisation_id     INTEGER NOT NULL REFERENCES organisation (id),
  branch_id           INTEGER REFERENCES branch (id),
  admitted_on_default TEXT,
  rows_read           INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
  persons_added       INTEGER NOT NULL DEFAULT 0 CHECK (persons_added >= 0),
  memberships_added   INTEGER NOT NULL DEFAULT 0 CHECK (memberships_added >= 0),
  households_added    INTEGER NOT NULL DEFAULT 0 CHECK (households_added >= 0),
  entered_at          TEXT NOT NULL
) STRICT;

CREATE TABLE import_undo (
  batch_id   INTEGER PRIMARY KEY REFERENCES import_batch (id),
  reason     TEXT NOT NULL CHECK (reason <> ''),
  entered_at TEXT NOT NULL
) STRICT;

ALTER TABLE person ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE household ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE residence ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE membership_event ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
CREATE INDEX person_import ON person (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE INDEX household_import ON household (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE INDEX residence_import ON residence (import_batch_id) WHERE import_batch_id IS NOT NULL;
CREATE INDEX membership_event_import ON membership_event (import_batch_id)
  WHERE import_batch_id IS NOT NULL;

CREATE TRIGGER import_batch_no_update BEFORE UPDATE ON import_batch
BEGIN SELECT RAISE (ABORT, 'append-only history: import_batch rows cannot be changed; undo the batch instead'); END;
CREATE TRIGGER import_batch_no_delete BEFORE DELETE ON import_batch
BEGIN SELECT RAISE (ABORT, 'append-only history: import_batch rows cannot be deleted; undo the batch instead'); END;
CREATE TRIGGER import_undo_no_update BEFORE UPDATE ON import_undo
BEGIN SELECT RAISE (ABORT, 'append-only history: import_undo rows cannot be changed'); END;
CREATE TRIGGER import_undo_no_delete BEFORE DELETE ON import_undo
BEGIN SELECT RAISE (ABORT, 'append-only history: import_undo rows cannot be deleted'); END;

-- The rows of an undone batch, and only they, may be deleted.
DROP TRIGGER residence_no_delete;
CREATE TRIGGER residence_no_delete BEFORE DELETE ON residence
WHEN old.import_batch_id IS NULL
     OR NOT EXISTS (SELECT 1 FROM import_undo u WHERE u.batch_id = old.import_batch_id)
BEGIN SELECT RAISE (ABORT, 'append-only history: residence rows cannot be deleted; add a voiding row'); END;
DROP TRIGGER membership_event_no_delete;
CREATE TRIGGER membership_event_no_delete BEFORE DELETE ON membership_event
WHEN old.import_batch_id IS NULL
     OR NOT EXISTS (SELECT 1 FROM import_undo u WHERE u.batch_id = old.import_batch_id)
BEGIN SELECT RAISE (ABORT, 'append-only history: membership_event rows cannot be deleted; add a voiding row'); END;
