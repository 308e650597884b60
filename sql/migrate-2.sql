-- Migration from schema version 1 to 2 (run in one transaction by store.c,
-- which then sets PRAGMA user_version = 2 and loads the rates snapshot).
-- The result must be what schema.sql creates for a fresh database.

-- Which salary rule read each posting's pay and what it assumed;
-- "jobstats renormalize" fills them in for postings stored before.
ALTER TABLE postings ADD COLUMN salary_rule TEXT;
ALTER TABLE postings ADD COLUMN salary_notes TEXT;

-- What the page said, for "jobstats renormalize"; see schema.sql.  Postings
-- stored under version 1 get no row: their raw record was not kept.
CREATE TABLE posting_raw (
	posting_id       INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
	title            TEXT,
	company          TEXT,
	location         TEXT,
	remote           TEXT,
	country          TEXT,
	level            TEXT,
	employment_type  TEXT,
	salary_text      TEXT,
	hint_min         REAL,
	hint_max         REAL,
	hint_currency    TEXT,
	hint_period      TEXT,
	posted           TEXT,
	strategy         TEXT,
	applicant_country TEXT
);

-- Exchange rates: units of currency per US dollar; see schema.sql.
CREATE TABLE rates (
	currency    TEXT PRIMARY KEY,
	per_usd     REAL NOT NULL CHECK (per_usd > 0),
	as_of       TEXT NOT NULL,
	source      TEXT NOT NULL
);
