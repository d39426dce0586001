-- 001-register.sql
-- Copyright 2026 The Sổ Mặt trận authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema version 1 of a Sổ Mặt trận register. Every table is STRICT.
-- Keys: 64-bit integers whose high 24 bits (bits 39..62) are the register
-- copy's random id and whose low 39 bits count up within that copy, so that
-- rows created on different copies never collide (docs/ARCHITECTURE.md).
--
-- History tables (residence, membership_event, branch_leader, meeting,
-- attendance, study, study_participant, rating, officer, indicator_value,
-- change_log) are append-only: triggers below refuse UPDATE and DELETE.
-- A correction is a new row that names the row it supersedes (and, for a
-- void, states nothing else) with a reason.
-- Dates are ISO 8601 text (YYYY-MM-DD); times are UTC 'YYYY-MM-DDTHH:MM:SSZ'.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value ANY
) STRICT;

CREATE TABLE commune (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'xã' CHECK (kind IN ('xã', 'phường', 'đặc khu')),
  province    TEXT NOT NULL DEFAULT '',
  place       TEXT NOT NULL DEFAULT '',
  signer_title TEXT NOT NULL DEFAULT 'CHỦ TỊCH',
  signer_name TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE hamlet (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('ấp', 'thôn', 'khu phố', 'tổ dân phố', 'khu vực',
                                           'bản', 'buôn', 'làng', 'sóc')),
  position   INTEGER NOT NULL DEFAULT 0,
  valid_from TEXT,
  valid_to   TEXT,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
) STRICT;
CREATE UNIQUE INDEX hamlet_name ON hamlet (name);

CREATE TABLE household (
  id           INTEGER PRIMARY KEY,
  hamlet_id    INTEGER NOT NULL REFERENCES hamlet (id),
  address      TEXT NOT NULL DEFAULT '',
  formed_on    TEXT,
  dissolved_on TEXT,
  CHECK (dissolved_on IS NULL OR formed_on IS NULL OR dissolved_on >= formed_on)
) STRICT;
CREATE INDEX household_hamlet ON household (hamlet_id);

CREATE TABLE person (
  id          INTEGER PRIMARY KEY,
  ho          TEXT NOT NULL,
  chu_lot     TEXT NOT NULL DEFAULT '',
  ten         TEXT NOT NULL,
  sex         TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  birth_date  TEXT,
  birth_year  INTEGER NOT NULL,
  ethnicity   TEXT,
  religion    TEXT,
  cccd        TEXT CHECK (cccd IS NULL OR (length (cccd) = 12 AND cccd NOT GLOB '*[^0-9]*')),
  phone       TEXT,
  party_since TEXT,
  deceased_on TEXT,
  note        TEXT NOT NULL DEFAULT '',
  sort_ten    BLOB NOT NULL,
  sort_lot    BLOB NOT NULL,
  sort_ho     BLOB NOT NULL,
  folded      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (birth_date IS NULL OR CAST (substr (birth_date, 1, 4) AS INTEGER) = birth_year)
) STRICT;
-- Vietnamese order by given name; folded rides along so that a search
-- scans this index alone (20 times faster than visiting each row at 100k).
CREATE INDEX person_order ON person (sort_ten, sort_lot, sort_ho, id, folded);
CREATE INDEX person_folded ON person (folded);
CREATE UNIQUE INDEX person_cccd ON person (cccd) WHERE cccd IS NOT NULL;

-- Where a person lives, over time. A row with household_id NULL means the
-- person left the commune from that date.
CREATE TABLE residence (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id),
  household_id INTEGER REFERENCES household (id),
  from_date    TEXT NOT NULL,
  is_head      INTEGER NOT NULL DEFAULT 0 CHECK (is_head IN (0, 1)),
  reason       TEXT NOT NULL DEFAULT '',
  supersedes   INTEGER REFERENCES residence (id),
  voided       INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at   TEXT NOT NULL
) STRICT;
CREATE INDEX residence_person ON residence (person_id, from_date);
CREATE INDEX residence_household ON residence (household_id);
CREATE UNIQUE INDEX residence_supersedes ON residence (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE organisation (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  short_name  TEXT NOT NULL,
  member_word TEXT NOT NULL DEFAULT 'hội viên',
  kind        TEXT NOT NULL CHECK (kind IN ('socio_political', 'mass')),
  min_age     INTEGER,
  max_age     INTEGER,
  sex         TEXT CHECK (sex IS NULL OR sex IN ('M', 'F')),
  position    INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK (max_age IS NULL OR min_age IS NULL OR max_age >= min_age)
) STRICT;

CREATE TABLE branch (
  id              INTEGER PRIMARY KEY,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id),
  parent_id       INTEGER REFERENCES branch (id),
  kind            TEXT NOT NULL CHECK (kind IN ('chi đoàn', 'chi hội', 'tổ hội', 'công đoàn cơ sở')),
  name            TEXT NOT NULL,
  founded_on      TEXT,
  dissolved_on    TEXT,
  CHECK (dissolved_on IS NULL OR founded_on IS NULL OR dissolved_on >= founded_on)
) STRICT;
CREATE INDEX branch_organisation ON branch (organisation_id);

-- The hamlets a branch serves: more than one for a liên ấp branch.
CREATE TABLE branch_hamlet (
  branch_id INTEGER NOT NULL REFERENCES branch (id),
  hamlet_id INTEGER NOT NULL REFERENCES hamlet (id),
  PRIMARY KEY (branch_id, hamlet_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX branch_hamlet_hamlet ON branch_hamlet (hamlet_id);

-- Append-only. kind 'void' annuls the event named by supersedes.
CREATE TABLE membership_event (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES person (id),
  organisation_id INTEGER NOT NULL REFERENCES organisation (id),
  branch_id       INTEGER REFERENCES branch (id),
  kind            TEXT NOT NULL CHECK (kind IN ('admitted', 'transferred', 'transferred_in',
                                                'transferred_out', 'left', 'removed', 'away',
                                                'back', 'deceased', 'void')),
  date            TEXT NOT NULL,
  reason          TEXT NOT NULL DEFAULT '',
  document        TEXT NOT NULL DEFAULT '',
  exception_note  TEXT,
  supersedes      INTEGER REFERENCES membership_event (id),
  entered_at      TEXT NOT NULL,
  CHECK ((kind = 'void') = (supersedes IS NOT NULL)),
  CHECK (kind NOT IN ('admitted', 'transferred', 'transferred_in') OR branch_id IS NOT NULL)
) STRICT;
CREATE INDEX membership_event_person ON membership_event (person_id, organisation_id, date);
CREATE INDEX membership_event_branch ON membership_event (branch_id, date);
CREATE INDEX membership_event_date ON membership_event (date);
CREATE UNIQUE INDEX membership_event_supersedes ON membership_event (supersedes)
  WHERE supersedes IS NOT NULL;

CREATE TABLE branch_leader (
  id         INTEGER PRIMARY KEY,
  branch_id  INTEGER NOT NULL REFERENCES branch (id),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  role       TEXT NOT NULL CHECK (role IN ('leader', 'deputy')),
  from_date  TEXT NOT NULL,
  to_date    TEXT,
  reason     TEXT NOT NULL DEFAULT '',
  supersedes INTEGER REFERENCES branch_leader (id),
  voided     INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at TEXT NOT NULL,
  CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX branch_leader_branch ON branch_leader (branch_id, from_date);
CREATE UNIQUE INDEX branch_leader_supersedes ON branch_leader (supersedes)
  WHERE supersedes IS NOT NULL;

CREATE TABLE meeting (
  id              INTEGER PRIMARY KEY,
  branch_id       INTEGER NOT NULL REFERENCES branch (id),
  date            TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('regular', 'thematic')),
  topic           TEXT NOT NULL DEFAULT '',
  present         INTEGER NOT NULL CHECK (present >= 0),
  party_present   INTEGER NOT NULL DEFAULT 0 CHECK (party_present IN (0, 1)),
  officer_present INTEGER NOT NULL DEFAULT 0 CHECK (officer_present IN (0, 1)),
  reason          TEXT NOT NULL DEFAULT '',
  supersedes      INTEGER REFERENCES meeting (id),
  voided          INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at      TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_branch ON meeting (branch_id, date);
CREATE INDEX meeting_date ON meeting (date);
CREATE UNIQUE INDEX meeting_supersedes ON meeting (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE attendance (
  meeting_id INTEGER NOT NULL REFERENCES meeting (id),
  person_id  INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (meeting_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance (person_id);

CREATE TABLE study (
  id              INTEGER PRIMARY KEY,
  subject         TEXT NOT NULL,
  organisation_id INTEGER REFERENCES organisation (id),
  branch_id       INTEGER REFERENCES branch (id),
  date            TEXT NOT NULL,
  participants    INTEGER NOT NULL CHECK (participants >= 0),
  reason          TEXT NOT NULL DEFAULT '',
  supersedes      INTEGER REFERENCES study (id),
  voided          INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at      TEXT NOT NULL
) STRICT;
CREATE INDEX study_date ON study (date);
CREATE UNIQUE INDEX study_supersedes ON study (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE study_participant (
  study_id  INTEGER NOT NULL REFERENCES study (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (study_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX study_participant_person ON study_participant (person_id);

CREATE TABLE rating_scale (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE rating_level (
  id            INTEGER PRIMARY KEY,
  scale_id      INTEGER NOT NULL REFERENCES rating_scale (id),
  code          TEXT NOT NULL,
  name          TEXT NOT NULL,
  rank          INTEGER NOT NULL,
  counts_strong INTEGER NOT NULL DEFAULT 0 CHECK (counts_strong IN (0, 1)),
  UNIQUE (scale_id, code)
) STRICT;

-- Which scale is in force for which years; organisation_id NULL means every
-- organisation without a row of its own.
CREATE TABLE rating_scale_use (
  id              INTEGER PRIMARY KEY,
  scale_id        INTEGER NOT NULL REFERENCES rating_scale (id),
  organisation_id INTEGER REFERENCES organisation (id),
  from_year       INTEGER NOT NULL,
  to_year         INTEGER,
  CHECK (to_year IS NULL OR to_year >= from_year)
) STRICT;

CREATE TABLE rating (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id),
  person_id       INTEGER REFERENCES person (id),
  branch_id       INTEGER REFERENCES branch (id),
  level_id        INTEGER REFERENCES rating_level (id),
  reason          TEXT NOT NULL DEFAULT '',
  supersedes      INTEGER REFERENCES rating (id),
  voided          INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at      TEXT NOT NULL,
  CHECK ((person_id IS NULL) <> (branch_id IS NULL)),
  CHECK (voided = 1 OR level_id IS NOT NULL)
) STRICT;
CREATE INDEX rating_year ON rating (year, organisation_id);
CREATE INDEX rating_person ON rating (person_id);
CREATE INDEX rating_branch ON rating (branch_id);
CREATE UNIQUE INDEX rating_supersedes ON rating (supersedes) WHERE supersedes IS NOT NULL;

-- Heads (and deputies) of the commune's organisations, with their training.
CREATE TABLE officer (
  id                 INTEGER PRIMARY KEY,
  organisation_id    INTEGER REFERENCES organisation (id),
  person_id          INTEGER NOT NULL REFERENCES person (id),
  role               TEXT NOT NULL CHECK (role IN ('head', 'deputy')),
  from_date          TEXT NOT NULL,
  to_date            TEXT,
  political_level    INTEGER NOT NULL DEFAULT 0 CHECK (political_level BETWEEN 0 AND 3),
  professional_level INTEGER NOT NULL DEFAULT 0 CHECK (professional_level BETWEEN 0 AND 5),
  reason             TEXT NOT NULL DEFAULT '',
  supersedes         INTEGER REFERENCES officer (id),
  voided             INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at         TEXT NOT NULL,
  CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE UNIQUE INDEX officer_supersedes ON officer (supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE resolution (
  id        INTEGER PRIMARY KEY,
  number    TEXT NOT NULL UNIQUE,
  title     TEXT NOT NULL,
  issuer    TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  term_from TEXT,
  term_to   TEXT,
  CHECK (term_to IS NULL OR term_from IS NULL OR term_to >= term_from)
) STRICT;

CREATE TABLE target (
  id             INTEGER PRIMARY KEY,
  resolution_id  INTEGER NOT NULL REFERENCES resolution (id),
  indicator_code TEXT NOT NULL,
  position       INTEGER NOT NULL,
  label          TEXT NOT NULL,
  baseline       REAL,
  baseline_date  TEXT,
  target         REAL NOT NULL,
  comparator     TEXT NOT NULL DEFAULT '>=' CHECK (comparator IN ('>=', '<=')),
  deadline       TEXT,
  UNIQUE (resolution_id, indicator_code)
) STRICT;

-- Values the register cannot compute, typed once per period.
CREATE TABLE indicator_value (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL,
  period     TEXT NOT NULL,
  value      REAL NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  supersedes INTEGER REFERENCES indicator_value (id),
  voided     INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
  entered_at TEXT NOT NULL
) STRICT;
CREATE INDEX indicator_value_code ON indicator_value (code, period);
CREATE UNIQUE INDEX indicator_value_supersedes ON indicator_value (supersedes)
  WHERE supersedes IS NOT NULL;

-- Every edit of a row that is not itself history.
CREATE TABLE change_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before     TEXT,
  after      TEXT,
  reason     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX change_log_row ON change_log (table_name, row_id);

-- History is append-only.
CREATE TRIGGER residence_no_update BEFORE UPDATE ON residence
BEGIN SELECT RAISE (ABORT, 'append-only history: residence rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER residence_no_delete BEFORE DELETE ON residence
BEGIN SELECT RAISE (ABORT, 'append-only history: residence rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER membership_event_no_update BEFORE UPDATE ON membership_event
BEGIN SELECT RAISE (ABORT, 'append-only history: membership_event rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER membership_event_no_delete BEFORE DELETE ON membership_event
BEGIN SELECT RAISE (ABORT, 'append-only history: membership_event rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER branch_leader_no_update BEFORE UPDATE ON branch_leader
BEGIN SELECT RAISE (ABORT, 'append-only history: branch_leader rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER branch_leader_no_delete BEFORE DELETE ON branch_leader
BEGIN SELECT RAISE (ABORT, 'append-only history: branch_leader rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER meeting_no_update BEFORE UPDATE ON meeting
BEGIN SELECT RAISE (ABORT, 'append-only history: meeting rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER meeting_no_delete BEFORE DELETE ON meeting
BEGIN SELECT RAISE (ABORT, 'append-only history: meeting rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER attendance_no_update BEFORE UPDATE ON attendance
BEGIN SELECT RAISE (ABORT, 'append-only history: attendance rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER attendance_no_delete BEFORE DELETE ON attendance
BEGIN SELECT RAISE (ABORT, 'append-only history: attendance rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER study_no_update BEFORE UPDATE ON study
BEGIN SELECT RAISE (ABORT, 'append-only history: study rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER study_no_delete BEFORE DELETE ON study
BEGIN SELECT RAISE (ABORT, 'append-only history: study rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER study_participant_no_update BEFORE UPDATE ON study_participant
BEGIN SELECT RAISE (ABORT, 'append-only history: study_participant rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER study_participant_no_delete BEFORE DELETE ON study_participant
BEGIN SELECT RAISE (ABORT, 'append-only history: study_participant rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER rating_no_update BEFORE UPDATE ON rating
BEGIN SELECT RAISE (ABORT, 'append-only history: rating rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER rating_no_delete BEFORE DELETE ON rating
BEGIN SELECT RAISE (ABORT, 'append-only history: rating rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER officer_no_update BEFORE UPDATE ON officer
BEGIN SELECT RAISE (ABORT, 'append-only history: officer rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER officer_no_delete BEFORE DELETE ON officer
BEGIN SELECT RAISE (ABORT, 'append-only history: officer rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER indicator_value_no_update BEFORE UPDATE ON indicator_value
BEGIN SELECT RAISE (ABORT, 'append-only history: indicator_value rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER indicator_value_no_delete BEFORE DELETE ON indicator_value
BEGIN SELECT RAISE (ABORT, 'append-only history: indicator_value rows cannot be deleted; add a voiding row'); END;
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE (ABORT, 'append-only history: change_log rows cannot be changed; add a correcting row'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE (ABORT, 'append-only history: change_log rows cannot be deleted; add a voiding row'); END;
