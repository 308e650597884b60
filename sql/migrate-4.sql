-- Migration from schema version 3 to 4 (run in one transaction by store.c,
-- which then recomputes every posting's key and match key in C with
-- today's identity rules, merging postings whose new keys meet, and links
-- duplicates across sources: store-rekey.c, store-link.c).  The result
-- must be what schema.sql creates for a fresh database.

-- The same job on several sources: see schema.sql.
ALTER TABLE postings ADD COLUMN match_key TEXT;
ALTER TABLE postings ADD COLUMN duplicate_of INTEGER REFERENCES postings(id) ON DELETE SET NULL;
CREATE INDEX postings_match_key ON postings(match_key, source_id);
CREATE INDEX postings_duplicate_of ON postings(duplicate_of);
