-- 002-export-log.sql
-- Copyright 2026 The Sổ Mặt trận authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 2: the register remembers every report exported or
-- printed, and whether personal data (CCCD, phone, ethnicity, religion)
-- went out in full. Append-only like the other history tables.

CREATE TABLE export_log (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,                 -- UTC 'YYYY-MM-DDTHH:MM:SSZ'
  report         TEXT NOT NULL,                 -- "branch-members", "annex" …
  covered        TEXT NOT NULL DEFAULT '',      -- "branch=…", "period=2025-Q2; organisation=…"
  destination    TEXT NOT NULL,                 -- the file written, or 'print'
  personal_shown INTEGER NOT NULL DEFAULT 0 CHECK (personal_shown IN (0, 1))
) STRICT;
CREATE INDEX export_log_at ON export_log (at);

CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
BEGIN SELECT RAISE (ABORT, 'append-only history: export_log rows cannot be changed'); END;
CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
BEGIN SELECT RAISE (ABORT, 'append-only history: export_log rows cannot be deleted'); END;
