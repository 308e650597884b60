-- jobstats schema: the tables of a fresh database, at version 6 once
-- store.c has run migrate-3.sql after this file (the search index is
-- defined there only: it needs SQLite's FTS5, and one definition cannot
-- drift).  Compiled into the binary (see Makefile.am); PRAGMA user_version
-- records the version a database is at.  An older database is brought here
-- by the migrate-N.sql files in order (migrate-2.sql: version 1 to 2,
-- migrate-3.sql: 2 to 3, migrate-4.sql: 3 to 4, migrate-5.sql: 4 to 5,
-- migrate-6.sql: 5 to 6),
-- so every change made here is made there too (tests/check_store.c
-- compares the two); a column added to an old table comes last, as ALTER
-- TABLE adds it.
-- Portable SQL where it costs nothing (PostgreSQL is a planned second store).

CREATE TABLE IF NOT EXISTS sources (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	url         TEXT NOT NULL,
	max_pages   INTEGER NOT NULL DEFAULT 20,
	added_at    TEXT NOT NULL,
	delay       REAL                  -- seconds between requests to its hosts; NULL: the default
);

-- Each fetched page: what a conditional request needs (etag,
-- last_modified) and its body, so that a better extractor can read it
-- again without the network ("jobstats reextract").  One row per URL of a
-- source: a new fetch replaces the body.  The body is zlib-compressed
-- (store-pages.c); body_size is its size uncompressed.
CREATE TABLE IF NOT EXISTS pages (
	id            INTEGER PRIMARY KEY,
	source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	url           TEXT NOT NULL,      -- as requested
	final_url     TEXT,               -- after redirects
	next_url      TEXT,               -- its next-page link: a 304 leads on by it
	status        INTEGER,            -- HTTP status of the last fetch with a body
	content_type  TEXT,
	etag          TEXT,
	last_modified TEXT,
	fetched_at    TEXT,               -- when the body was last fetched
	checked_at    TEXT,               -- when last asked (200 or 304)
	body          BLOB,
	body_size     INTEGER,
	UNIQUE (source_id, url)
);

CREATE INDEX IF NOT EXISTS pages_url ON pages(url);
CREATE INDEX IF NOT EXISTS pages_final_url ON pages(final_url);

CREATE TABLE IF NOT EXISTS runs (
	id                INTEGER PRIMARY KEY,
	source_id         INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	started_at        TEXT NOT NULL,
	finished_at       TEXT,
	pages             INTEGER NOT NULL DEFAULT 0,
	pages_failed      INTEGER NOT NULL DEFAULT 0,
	postings_seen     INTEGER NOT NULL DEFAULT 0,
	postings_new      INTEGER NOT NULL DEFAULT 0,
	postings_updated  INTEGER NOT NULL DEFAULT 0,
	postings_skipped  INTEGER NOT NULL DEFAULT 0,
	errors            INTEGER NOT NULL DEFAULT 0,   -- pages or postings lost
	warnings          INTEGER NOT NULL DEFAULT 0,   -- read, with something skipped
	error_text        TEXT,
	pages_not_modified INTEGER NOT NULL DEFAULT 0,  -- 304: postings count as seen
	pages_robots      INTEGER NOT NULL DEFAULT 0,   -- not fetched: robots.txt forbids
	pages_skipped     INTEGER NOT NULL DEFAULT 0,   -- not read: content type, ...
	postings_unchanged INTEGER NOT NULL DEFAULT 0,
	postings_closed   INTEGER NOT NULL DEFAULT 0,   -- missing from a complete crawl
	-- every page of the source fetched or not modified, no error, next
	-- links followed to the end: only then are missing postings closed
	complete          INTEGER NOT NULL DEFAULT 0,
	outcome           TEXT              -- ok | partial (errors, something fetched) | failed
);

CREATE INDEX IF NOT EXISTS runs_source ON runs(source_id, id);

-- What went wrong in a run, one row per error (url NULL when none).
CREATE TABLE IF NOT EXISTS run_errors (
	id      INTEGER PRIMARY KEY,
	run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	url     TEXT,
	reason  TEXT NOT NULL,
	at      TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS run_errors_run ON run_errors(run_id);

CREATE TABLE IF NOT EXISTS postings (
	id               INTEGER PRIMARY KEY,
	source_id        INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	-- within its source: "id:" and the board's id when it gives one, else
	-- "url:" and the canonical URL, else "card:" and the normalized title,
	-- company, location and salary text (identity.h): what makes a re-crawl
	-- idempotent
	posting_key      TEXT NOT NULL,
	external_id      TEXT,
	url              TEXT,
	title            TEXT NOT NULL,
	company          TEXT,
	location         TEXT,
	remote           TEXT,            -- remote | hybrid | onsite
	country          TEXT,            -- ISO 3166-1 alpha-2
	level            TEXT,            -- EN | MI | SE | EX
	employment_type  TEXT,            -- FT | PT | CT | FL | IN | TEMP
	salary_text      TEXT,            -- as found, so everything can be recomputed
	salary_min       REAL,
	salary_max       REAL,
	salary_currency  TEXT,
	salary_period    TEXT,            -- hour | day | week | month | year
	annual_min       REAL,
	annual_max       REAL,
	salary_provenance TEXT,           -- structured | text | estimate
	description      TEXT,
	posted           TEXT,
	first_seen       TEXT NOT NULL,
	last_seen        TEXT NOT NULL,
	salary_rule      TEXT,            -- which rule read the salary ("range", "hints", ...)
	salary_notes     TEXT,            -- what it assumed: "currency-assumed", "swapped", ...
	-- normalized title|company|location: postings of other sources with the
	-- same one, dated at most 14 days apart, are one job; NULL when no title
	-- or no company (identity.h)
	match_key        TEXT,
	-- the earliest posting of another source this one duplicates, counted
	-- instead of it; NULL for a job's first (or only) posting
	duplicate_of     INTEGER REFERENCES postings(id) ON DELETE SET NULL,
	-- the page it was last seen on (NULL: none kept, or imported)
	page_id          INTEGER REFERENCES pages(id) ON DELETE SET NULL,
	-- when a complete crawl of its source missed it; NULL while open (a
	-- posting seen again reopens)
	closed_at        TEXT,
	UNIQUE (source_id, posting_key)
);

CREATE INDEX IF NOT EXISTS postings_title ON postings(title);
CREATE INDEX IF NOT EXISTS postings_match_key ON postings(match_key, source_id);
CREATE INDEX IF NOT EXISTS postings_duplicate_of ON postings(duplicate_of);
CREATE INDEX IF NOT EXISTS postings_page_id ON postings(page_id);

-- What the page said, so that every normalized column above can be
-- recomputed when a normalizer improves ("jobstats renormalize").  One row
-- per posting stored since version 2; postings stored before have none.
-- Strings are kept as extracted (cut at 1024 bytes, as the postings' are);
-- hint_* are the structured salary a page gave beside its text.
CREATE TABLE IF NOT EXISTS posting_raw (
	posting_id       INTEGER PRIMARY KEY REFERENCES postings(id) ON DELETE CASCADE,
	title            TEXT,
	company          TEXT,
	location         TEXT,
	remote           TEXT,            -- e.g. JSON-LD jobLocationType "TELECOMMUTE"
	country          TEXT,            -- e.g. JSON-LD addressCountry "United States"
	level            TEXT,            -- e.g. "Mid-level / Intermediate"
	employment_type  TEXT,            -- e.g. "Full Time", "FULL_TIME"
	salary_text      TEXT,
	hint_min         REAL,
	hint_max         REAL,
	hint_currency    TEXT,
	hint_period      TEXT,            -- hour | day | week | month | year
	posted           TEXT,            -- the date as given
	strategy         TEXT,            -- jsonld | microdata | hn | rules | csv: how it was extracted
	applicant_country TEXT            -- JSON-LD applicantLocationRequirements
);

-- Exchange rates for reports that convert currencies: units of currency
-- that one US dollar buys (USD itself is 1), as of a date, and where the
-- figure came from.  One rate per currency: the latest one set.
CREATE TABLE IF NOT EXISTS rates (
	currency    TEXT PRIMARY KEY,     -- ISO 4217
	per_usd     REAL NOT NULL CHECK (per_usd > 0),
	as_of       TEXT NOT NULL,        -- YYYY-MM-DD
	source      TEXT NOT NULL
);
