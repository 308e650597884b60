-- Migration from schema version 5 to 6 (run in one transaction by store.c,
-- which then sets PRAGMA user_version = 6).  The result must be what
-- schema.sql and migrate-3.sql create for a fresh database.

-- New postings are put in the search index by the store, a batch at a time
-- (src/store-fts.c): this trigger indexed each in the statement that stored
-- it, where FTS5 wrote one segment a posting (most of an upsert's cost).
-- Updates and deletes keep their triggers.  Absent when the database has
-- no search index (an SQLite without FTS5).
DROP TRIGGER IF EXISTS postings_fts_insert;
