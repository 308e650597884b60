/*
 * store-internal.h - what the store's files (store.c, store-sql.c,
 * store-posting.c, store-posting-read.c, store-renormalize.c,
 * store-search.c, store-rekey.c, store-link.c, store-rates.c,
 * store-pages.c, store-runs.c, store-fts.c) share: the handle and the
 * SQLite helpers.
 * Only they include it; the rest of the program sees store.h.
 */
#ifndef JOBSTATS_STORE_INTERNAL_H
#define JOBSTATS_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

/* A new posting waiting for the search index (store-fts.c). */
struct fts_entry {
	long long id;
	char *title, *company, *description;	/* as stored (NULL: SQL NULL) */
};

struct store {
	sqlite3 *db;
	char *path;
	/* store_upsert's statements, prepared on first use */
	sqlite3_stmt *insert, *update, *touch, *raw_update, *raw_insert;
	int fts5;		/* this SQLite has FTS5 (the search index) */
	int fts_index;		/* the database has the search index */
	/* and for identity (store-link.c): a posting's match key as stored,
	 * one match key's postings to link, clearing a posting's link, another
	 * source's posting with a match key */
	sqlite3_stmt *old_match, *relink, *unlink, *other_source;
	/* a crawl's per-page statements (store-pages.c) */
	sqlite3_stmt *page_validators, *page_save, *page_seen_postings, *page_checked, *page_next;
	/* new postings not yet in the search index, and the statement that
	 * indexes one (store-fts.c) */
	struct fts_entry *fts_queue;
	size_t fts_n, fts_alloc;
	sqlite3_stmt *fts_insert;
	/* store_upsert's raw record insert for a new posting (store-posting.c) */
	sqlite3_stmt *raw_insert_new;
	/* transactions a page or a posting at a time (store.c, store-posting.c),
	 * a new page body's detach, a run's closing of missing postings
	 * (store-pages.c), a link written (store-link.c): prepared once, not
	 * parsed again each time */
	sqlite3_stmt *begin, *commit, *savepoint, *release;
	sqlite3_stmt *page_detach, *close_missing, *set_link;
};

/* Set *err to "<what> in '<path>': <sqlite's message>"; returns -1. */
int store_db_error(struct store *s, char **err, const char *what);
/* Run SQL text (one or more statements) that returns no rows. */
int store_exec(struct store *s, const char *sql, char **err);
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, char **err);
/* A statement kept in the handle (finalized by store_free): *st prepared
 * on first use, reset on the next ones. */
int store_cached(struct store *s, sqlite3_stmt **st, const char *sql, char **err);
/* Run a cached statement of no parameters and no rows ("COMMIT"); its
 * error as store_exec's. */
int store_exec_cached(struct store *s, sqlite3_stmt **st, const char *sql, char **err);
/* Run a statement that returns no rows; finalizes it. */
int store_step_done(struct store *s, sqlite3_stmt *st, const char *what, char **err);
/* Bind a string, NULL and "" as SQL NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Bind a number, or SQL NULL when present is 0. */
void store_bind_double(sqlite3_stmt *st, int i, int present, double v);
/* A column as text, NULL when SQL NULL (borrowed until the next step). */
const char *store_column_str(sqlite3_stmt *st, int i);
/* The same, allocated (the caller's), NULL when SQL NULL. */
char *store_column_dup(sqlite3_stmt *st, int i);

/* A posting's columns as stored, in struct posting's order. */
#define POSTING_COLUMNS \
	"external_id, url, title, company, location, remote, country, level, " \
	"employment_type, salary_text, salary_min, salary_max, salary_currency, " \
	"salary_period, annual_min, annual_max, salary_provenance, description, posted, " \
	"salary_rule, salary_notes"

/*
 * A posting's columns (POSTING_COLUMNS) are bound as ?3 .. ?21, ?23 and
 * ?24 (store_bind_posting); ?1 is the source, ?2 the key (identity.h), ?22
 * the time, ?26 the match key, ?27 the page it was seen on (NULL: none, a
 * stored one is kept).  NORMALIZED_SAME: the stored normalized columns are
 * those bound (store-renormalize.c has the list).
 */
#define NORMALIZED_SAME \
	"title IS ?5 AND company IS ?6 AND location IS ?7 AND remote IS ?8 " \
	"AND country IS ?9 AND level IS ?10 AND employment_type IS ?11 " \
	"AND salary_text IS ?12 AND salary_min IS ?13 AND salary_max IS ?14 " \
	"AND salary_currency IS ?15 AND salary_period IS ?16 AND annual_min IS ?17 " \
	"AND annual_max IS ?18 AND salary_provenance IS ?19 AND posted IS ?21 " \
	"AND salary_rule IS ?23 AND salary_notes IS ?24"

/* Reset st and bind a posting's parameters (key, match and now may be NULL). */
void store_bind_posting(sqlite3_stmt *st, long long source_id, const char *key,
			const char *match, const struct posting *p, const char *now);
/* Step a statement bound by the caller, and reset it: 1 when it changed a
 * row, 0 when not, -1 on error. */
int store_step_changes(struct store *s, sqlite3_stmt *st, char **err);

/* The raw record's columns (posting_raw), bound as ?3 .. ?17. */
#define RAW_COLUMNS \
	"title, company, location, remote, country, level, employment_type, salary_text, " \
	"hint_min, hint_max, hint_currency, hint_period, posted, strategy, applicant_country"

/* The day a posting counts as posted on: its date, else the day first seen. */
#define POSTED_DAY "substr(coalesce(posted, first_seen), 1, 10)"
/* The same of the posting the alias t names ("p", "c"). */
#define POSTED_DAY_OF(t) "substr(coalesce(" t ".posted, " t ".first_seen), 1, 10)"

/* Does posting t match the posting_filter bound as ?1 .. ?7 (store_bind_filter)? */
#define FILTER_MATCHES(t) \
	"(?1 IS NULL OR " t ".source_id = (SELECT id FROM sources WHERE name = ?1)) " \
	"AND (?2 IS NULL OR " t ".level = ?2) AND (?3 IS NULL OR " t ".country = ?3) " \
	"AND (?4 IS NULL OR " t ".remote = ?4) AND (?5 IS NULL OR " POSTED_DAY_OF(t) " >= ?5) " \
	"AND (?6 IS NULL OR " POSTED_DAY_OF(t) " <= ?6) " \
	"AND (?7 IS NULL OR lower(" t ".company) = lower(?7))"

/* A stored posting's row: POSTING_COLUMNS, then its source's name,
 * first_seen, last_seen, id and duplicate_of, then whether the posting it
 * duplicates matches the filter too and the sources of those duplicating
 * it (store_posting_rows reads them; left 0 and NULL here, found out by
 * store_foreach_posting's own query), then closed_at. */
#define STORED_POSTING_SELECT \
	"SELECT " POSTING_COLUMNS ", (SELECT name FROM sources WHERE id = source_id), " \
	"first_seen, last_seen, id, duplicate_of, 0, NULL, closed_at FROM postings "

/* The columns of a stored posting's row after POSTING_COLUMNS. */
enum { SP_SOURCE = 21, SP_FIRST_SEEN, SP_LAST_SEEN, SP_ID, SP_DUPLICATE_OF, SP_DUPLICATE,
       SP_ALSO_ON, SP_CLOSED_AT };

/* The postings a posting_filter keeps, bound as ?1 .. ?7 (store_bind_filter). */
#define POSTING_FILTER_WHERE \
	"WHERE (?1 IS NULL OR source_id = (SELECT id FROM sources WHERE name = ?1)) " \
	"AND (?2 IS NULL OR level = ?2) AND (?3 IS NULL OR country = ?3) " \
	"AND (?4 IS NULL OR remote = ?4) AND (?5 IS NULL OR " POSTED_DAY " >= ?5) " \
	"AND (?6 IS NULL OR " POSTED_DAY " <= ?6) " \
	"AND (?7 IS NULL OR lower(company) = lower(?7)) "

/* Bind f (NULL: no filter) as ?1 .. ?7 for POSTING_FILTER_WHERE. */
void store_bind_filter(sqlite3_stmt *st, const struct posting_filter *f);
/* Fill a posting whose strings borrow the statement's current row, whose
 * POSTING_COLUMNS start at column c. */
void store_posting_from_row(sqlite3_stmt *st, int c, struct posting *p);
/* Step st (a STORED_POSTING_SELECT, bound), calling fn for each row until
 * it returns non-zero: SQLITE_DONE, or sqlite3_step's error code. */
int store_posting_rows(sqlite3_stmt *st, int (*fn)(const struct stored_posting *sp, void *ctx),
		       void *ctx);
/* The identity of a posting being stored (identity.h), and what was stored
 * under its key before. */
struct posting_identity {
	char *key, *match;	/* its key and match key (NULL: none) */
	char *old_match;	/* the match key stored before, NULL when none */
	int stored;		/* the posting was stored before */
};

/* Fill id's keys for p (store-link.c); stored 0, old_match NULL. */
void store_identity_begin(const struct posting *p, struct posting_identity *id);
/* For a posting already stored in source_id under id's key: fill stored
 * and old_match, and *row with its id. */
int store_identity_stored(struct store *s, long long source_id, struct posting_identity *id,
			  long long *row, char **err);
void posting_identity_release(struct posting_identity *id);
/*
 * After a posting was stored new or changed: its own link dropped when its
 * match key changed, its match key's postings linked anew when another
 * source has one (the common case, a job on one board, costs one index
 * probe), and those of the match key it had.
 */
int store_identity_link(struct store *s, long long source_id, const struct posting_identity *id,
			char **err);
/*
 * The search index of new postings, a batch at a time (store-fts.c): queue
 * a posting just inserted (its strings as stored, copied; nothing without
 * FTS5), and index the queue (flushed by itself when full).  Flush before
 * a commit and before whatever reads the index or updates or deletes
 * postings' indexed columns; discard on rollback.
 */
int store_fts_queue(struct store *s, long long id, const char *title, const char *company,
		    const char *description, char **err);
int store_fts_flush(struct store *s, char **err);
/* Flush when posting id is queued (before its indexed columns change). */
int store_fts_flush_for(struct store *s, long long id, char **err);
void store_fts_discard(struct store *s);
void store_fts_free(struct store *s);

/* Link every posting anew; *changed (may be NULL) += the rows relinked. */
int store_relink_all(struct store *s, size_t *changed, char **err);
/* store_identity_refresh without counts: the step of migration 4
 * (store-rekey.c). */
int store_identity_upgrade(struct store *s, char **err);

#endif
