-- Schema version 3: the full-text search index ("jobstats search").  Run in
-- one transaction by store.c, which then sets PRAGMA user_version = 3, on a
-- version 2 database and, right after schema.sql, on a fresh one: this file
-- is the index's only definition, so a fresh and a migrated database cannot
-- differ in it (tests/check_store.c compares the two).  It needs SQLite's
-- FTS5: without it store.c leaves this file out and still sets version 3
-- (later migrations must not wait on it), every command but search works,
-- and the first jobstats with FTS5 to open the database runs this file.

-- The words of each posting's title, company and description, indexed but
-- not stored a second time (external content: the text is read back from
-- postings).  unicode61 folds case and, with remove_diacritics 2, accents
-- ("Zürich" matches zurich).  No prefix index: a prefix query (engin*) is a
-- range scan of the terms, fast enough at the sizes measured (README).
CREATE VIRTUAL TABLE postings_fts USING fts5(
	title, company, description,
	content = 'postings', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

-- Kept in step with postings.  New postings are indexed by the store, a
-- batch at a time (src/store-fts.c; an insert trigger here until schema 6,
-- see migrate-6.sql).  An external-content index removes a row by the words
-- it held, so the old values go with the 'delete' command.

CREATE TRIGGER postings_fts_delete AFTER DELETE ON postings BEGIN
	INSERT INTO postings_fts (postings_fts, rowid, title, company, description)
	VALUES ('delete', old.id, old.title, old.company, old.description);
END;

CREATE TRIGGER postings_fts_update AFTER UPDATE OF title, company, description ON postings
BEGIN
	INSERT INTO postings_fts (postings_fts, rowid, title, company, description)
	VALUES ('delete', old.id, old.title, old.company, old.description);
	INSERT INTO postings_fts (rowid, title, company, description)
	VALUES (new.id, new.title, new.company, new.description);
END;

-- The postings stored before the index existed (none in a fresh database).
INSERT INTO postings_fts (postings_fts) VALUES ('rebuild');
