-- 003-figures.sql
-- Copyright 2026 The Sổ Mặt trận authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 3: what the figures need to count what the province's
-- documents count.
--
-- * A target may narrow or widen the organisations its indicator covers.
-- * Restructuring (moving members of a chi hội into its new tổ hội, or any
--   set of members into another branch as one act) is recorded as such, so
--   that it is not counted as a chuyển sinh hoạt.
-- * A study held "by the whole branch except …" keeps who did not take part.
-- * The commune-level organisations themselves are rated (tổ chức cơ sở
--   vững mạnh), and a rating scale may be put in force for one kind of
--   subject: members, branches or organisations.
-- * Typed values may be given per organisation.
-- * People carry the facts that make them eligible for an organisation
--   beyond age and sex (cựu quân nhân, người lao động …), and an
--   organisation's rule may ask for one. A new register starts with the
--   two the seeds' organisations need (src/core/setup); a register made
--   before starts with none, and its rules stay as they were until the
--   office sets them.

-- A target's scope: NULL is the catalogue's default for its indicator;
-- otherwise items separated by commas: "socio_political", "mass", "front"
-- or an organisation's code ("socio_political,mass", "PN,ND").
ALTER TABLE target ADD COLUMN scope TEXT;

CREATE TABLE restructure (
  id              INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id),
  branch_id       INTEGER NOT NULL REFERENCES branch (id),   -- where the members go
  date            TEXT NOT NULL,
  reason          TEXT NOT NULL DEFAULT '',
  document        TEXT NOT NULL DEFAULT '',
  entered_at      TEXT NOT NULL
) STRICT;

-- The transfers written by a restructure name it.
ALTER TABLE membership_event ADD COLUMN restructure_id INTEGER REFERENCES restructure (id);

CREATE TABLE study_exception (
  study_id  INTEGER NOT NULL REFERENCES study (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (study_id, person_id)
) STRICT, WITHOUT ROWID;

-- rating: a row rates a member (person_id), a branch (branch_id) or, with
-- neither, the organisation itself at commune level. SQLite cannot change
-- a CHECK in place, so the table is made again with the same rows.
CREATE TABLE rating_new (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id),
  person_id       INTEGER REFERENCES person (id),
  branch_id       INTEGER REFERENCES branch (id),
  level_id        INTEGER REFERENCES rating_level (id),
  reason          TEXT NOT NULL DEFAULT '',
  supersedes      INTEGER REFERENCES rating_new (id),  -- "rating" once renamed
  voided          INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at      TEXT NOT NULL,
  CHECK (person_id IS NULL OR branch_id IS NULL),
  CHECK (voided = 1 OR level_id IS NOT NULL)
) STRICT;
INSERT INTO rating_new (id, year, organisation_id, person_id, branch_id, level_id, reason,
                        supersedes, voided, entered_at)
  SELECT id, year, organisation_id, person_id, branch_id, level_id, reason,
         supersedes, voided, entered_at
  FROM rating ORDER BY id;
DROP TABLE rating;
ALTER TABLE rating_new RENAME TO rating;
CREATE INDEX rating_year ON rating (year, organisation_id);
CREATE INDEX rating_person ON rating (person_id);
CREATE INDEX rating_branch ON rating (branch_id);
CREATE UNIQUE INDEX rating_supersedes ON rating (supersedes) WHERE supersedes IS NOT NULL;
CREATE TRIGGER rating_no_update BEFORE UPDATE ON rating
BEGIN SELECT RAISE (ABORT, 'append-only history: rating rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER rating_no_delete BEFORE DELETE ON rating
BEGIN SELECT RAISE (ABORT, 'append-only history: rating rows cannot be deleted; add a voiding row'); END;

-- NULL: the scale is in force for every kind of subject.
ALTER TABLE rating_scale_use ADD COLUMN subject TEXT
  CHECK (subject IS NULL OR subject IN ('member', 'branch', 'organisation'));

-- NULL: a value for the whole commune.
ALTER TABLE indicator_value ADD COLUMN organisation_id INTEGER REFERENCES organisation (id);

-- What makes a person eligible beyond age and sex; the list is data.
CREATE TABLE trait (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A person has a trait from a day (NULL: since before the register knows)
-- until a day (NULL: still). History: corrected by a superseding row.
CREATE TABLE person_trait (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES person (id),
  trait_id   INTEGER NOT NULL REFERENCES trait (id),
  from_date  TEXT,
  to_date    TEXT,
  reason     TEXT NOT NULL DEFAULT '',
  supersedes INTEGER REFERENCES person_trait (id),
  voided     INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at TEXT NOT NULL,
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX person_trait_person ON person_trait (person_id);
CREATE UNIQUE INDEX person_trait_supersedes ON person_trait (supersedes)
  WHERE supersedes IS NOT NULL;

-- NULL: age and sex decide alone.
ALTER TABLE organisation ADD COLUMN trait_id INTEGER REFERENCES trait (id);

CREATE TRIGGER restructure_no_update BEFORE UPDATE ON restructure
BEGIN SELECT RAISE (ABORT, 'append-only history: restructure rows cannot be changed; void its transfers instead'); END;
CREATE TRIGGER restructure_no_delete BEFORE DELETE ON restructure
BEGIN SELECT RAISE (ABORT, 'append-only history: restructure rows cannot be deleted; void its transfers instead'); END;
CREATE TRIGGER study_exception_no_update BEFORE UPDATE ON study_exception
BEGIN SELECT RAISE (ABORT, 'append-only history: study_exception rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER study_exception_no_delete BEFORE DELETE ON study_exception
BEGIN SELECT RAISE (ABORT, 'append-only history: study_exception rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER person_trait_no_update BEFORE UPDATE ON person_trait
BEGIN SELECT RAISE (ABORT, 'append-only history: person_trait rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER person_trait_no_delete BEFORE DELETE ON person_trait
BEGIN SELECT RAISE (ABORT, 'append-only history: person_trait rows cannot be deleted; add a voiding row'); END;
