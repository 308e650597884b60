-- Migration from schema version 4 to 5 (run in one transaction by store.c,
-- which then sets PRAGMA user_version = 5): the polite crawler's memory.
-- The result must be what schema.sql creates for a fresh database
-- (tests/check_store.c compares the two), so new columns of old tables
-- come last there too, in this order.

-- Seconds between two requests to a source's hosts; NULL: the default.
ALTER TABLE sources ADD COLUMN delay REAL;

-- What a run did, beside its older counts: see schema.sql.
ALTER TABLE runs ADD COLUMN pages_not_modified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN pages_robots INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN pages_skipped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN postings_unchanged INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN postings_closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN outcome TEXT;
-- Runs finished before: the outcome their counts imply (run_outcome_of,
-- store-runs.c), so that a source's health reads its history.
UPDATE runs SET outcome = CASE WHEN errors = 0 AND pages_failed = 0 THEN 'ok'
	WHEN pages > 0 THEN 'partial' ELSE 'failed' END
WHERE finished_at IS NOT NULL;

-- Fetched pages, kept for conditional requests and re-extraction.
CREATE TABLE pages (
	id            INTEGER PRIMARY KEY,
	source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	url           TEXT NOT NULL,
	final_url     TEXT,
	next_url      TEXT,
	status        INTEGER,
	content_type  TEXT,
	etag          TEXT,
	last_modified TEXT,
	fetched_at    TEXT,
	checked_at    TEXT,
	body          BLOB,
	body_size     INTEGER,
	UNIQUE (source_id, url)
);
CREATE INDEX pages_url ON pages(url);
CREATE INDEX pages_final_url ON pages(final_url);

-- The page a posting was last seen on, and when it was closed.
ALTER TABLE postings ADD COLUMN page_id INTEGER REFERENCES pages(id) ON DELETE SET NULL;
ALTER TABLE postings ADD COLUMN closed_at TEXT;
CREATE INDEX postings_page_id ON postings(page_id);

CREATE TABLE run_errors (
	id      INTEGER PRIMARY KEY,
	run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
	url     TEXT,
	reason  TEXT NOT NULL,
	at      TEXT NOT NULL
);
CREATE INDEX run_errors_run ON run_errors(run_id);
CREATE INDEX runs_source ON runs(source_id, id);
