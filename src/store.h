/*
 * store.h - the store stage: the only code that speaks SQL.
 *
 * One small interface over SQLite (the embedded default).  The schema lives
 * in sql/ (schema.sql for a fresh database, migrate-N.sql to bring an older
 * one up), compiled in; PRAGMA user_version tracks it.  Upserts are
 * idempotent: storing the same posting again changes only its last_seen.
 */
#ifndef JOBSTATS_STORE_H
#define JOBSTATS_STORE_H

#include <stddef.h>

#include "buf.h"
#include "posting.h"
#include "rates.h"

/* 1: sources, runs, postings.  2: posting_raw, rates.  3: postings_fts,
 * the full-text search index (with an SQLite that has FTS5; without, the
 * database is at 3 with no index, store_search says why it cannot search,
 * and the first open with FTS5 adds the index).  4: match_key,
 * duplicate_of (one job on several sources).  5: pages (bodies kept,
 * validators), postings' page_id and closed_at, runs' new counts and
 * outcome, run_errors, sources' delay.  6: no insert trigger on the
 * search index (the store indexes new postings a batch at a time). */
#define STORE_SCHEMA_VERSION 6

struct store;

struct source {
	long long id;
	char *name;
	char *url;
	int max_pages;
	double delay;		/* seconds between requests to its hosts; -1: the default */
};

void source_release(struct source *s);

/*
 * Open (creating if needed) the database at path and bring its schema to
 * STORE_SCHEMA_VERSION, in one transaction (the search index only where
 * SQLite has FTS5; added by the first open that does).  A database of a newer version,
 * or an SQLite file that is not a jobstats database, is refused untouched.
 */
int store_open(const char *path, struct store **out, char **err);
void store_free(struct store *s);

int store_begin(struct store *s, char **err);
int store_commit(struct store *s, char **err);
void store_rollback(struct store *s);

/* delay: seconds between requests to the source's hosts, -1 for the default. */
int store_source_add(struct store *s, const char *name, const char *url, int max_pages,
		     double delay, char **err);
/* Remove a source and its postings, in one transaction; the postings of
 * other sources they were linked with are linked anew. */
int store_source_remove(struct store *s, const char *name, char **err);
/* *out is an array of *n sources; free each with source_release, then free(). */
int store_source_list(struct store *s, struct source **out, size_t *n, char **err);
/* Returns 0 and fills *out, or -1 (with *err "no source named ...") */
int store_source_get(struct store *s, const char *name, struct source *out, char **err);

/*
 * How a run ended: RUN_OK no error, RUN_PARTIAL errors but some page
 * fetched (or not modified), RUN_FAILED nothing fetched.  RUN_UNFINISHED
 * (0): not said, stored as NULL (a run still going, or killed).
 */
enum run_outcome { RUN_UNFINISHED, RUN_OK, RUN_PARTIAL, RUN_FAILED };

/* "ok", "partial", "failed"; NULL for RUN_UNFINISHED. */
const char *run_outcome_name(enum run_outcome o);

struct run_counts {
	int pages, pages_failed;
	int postings_seen, postings_new, postings_updated, postings_skipped;
	int errors;		/* pages that failed, postings that could not be stored */
	int warnings;		/* pages read with something skipped or unreadable */
	int pages_not_modified;	/* 304: its postings count as seen */
	int pages_robots;	/* not fetched: robots.txt forbids them */
	int pages_skipped;	/* fetched but not read: content type, ... */
	int postings_unchanged, postings_closed;
	/* Every page of the source fetched or not modified, no error, next
	 * links followed to the end: the only kind of run after which missing
	 * postings may be closed (store_close_missing). */
	int complete;
	enum run_outcome outcome;
};

/* The outcome counts imply: RUN_OK when errors and pages_failed are 0,
 * else RUN_PARTIAL when a page was fetched or not modified, else RUN_FAILED. */
enum run_outcome run_outcome_of(const struct run_counts *c);

/* started_at: the crawl's own clock (the last_seen it gives postings, so
 * that "not seen since the run started" compares like with like); NULL:
 * now. */
int store_run_begin(struct store *s, long long source_id, const char *started_at,
		    long long *run_id, char **err);
/* Record the run's end: finished_at now, every count of c, its outcome
 * and complete flag.  error_text may be NULL (the first error of the run
 * otherwise). */
int store_run_finish(struct store *s, long long run_id, const struct run_counts *c,
		     const char *error_text, char **err);
/* One error of a run (url NULL when no page is concerned); at is ISO 8601 UTC. */
int store_run_error(struct store *s, long long run_id, const char *url, const char *reason,
		    const char *at, char **err);

/* A run as recorded: strings allocated, NULL when SQL NULL. */
struct run_record {
	long long id;		/* 0: no run */
	char *source;		/* the source's name */
	char *started_at, *finished_at;	/* finished_at NULL: running or killed */
	char *error_text;
	struct run_counts counts;	/* outcome RUN_UNFINISHED while unfinished */
};

void run_record_release(struct run_record *r);
/* The latest runs, newest first: of source (NULL: all), at most limit
 * (negative: all).  Free each with run_record_release, then free(*out). */
int store_runs_recent(struct store *s, const char *source, int limit, struct run_record **out,
		      size_t *n, char **err);

/* A source's health, for "jobstats status". */
struct source_health {
	char *name;
	struct run_record last;	/* its latest finished run; last.id 0 when none */
	char *last_success;	/* when its latest RUN_OK run started; NULL: never */
	/* its latest error (a run_errors reason, "URL: reason" when it names a
	 * page, else a run's error_text) and when; NULL when none */
	char *last_error, *last_error_at;
	/* its latest finished runs in a row whose outcome is not RUN_OK */
	int consecutive_failures;
};

void source_health_release(struct source_health *h);
/* Every source's health, by name; free each with source_health_release,
 * then free(*out). */
int store_source_health(struct store *s, struct source_health **out, size_t *n, char **err);

/*
 * Fetched pages, kept (zlib-compressed) for conditional requests and
 * re-extraction: one per URL of a source, a new fetch replaces it.
 */
struct page_record {
	long long id, source_id;
	char *url;		/* as requested */
	char *final_url;	/* after redirects (NULL: same) */
	char *next_url;		/* the page's next-page link, or NULL */
	char *content_type, *etag, *last_modified;
	char *fetched_at;	/* when the body was fetched */
	char *checked_at;	/* when last asked (200 or 304) */
	long status;
	struct buf body;	/* uncompressed */
};

void page_record_init(struct page_record *pg);
void page_record_release(struct page_record *pg);

/* The largest body a stored page holds, uncompressed: larger ones are
 * refused by store_page_save and store_page_load. */
#define STORE_PAGE_MAX_BODY (64u * 1024 * 1024)

/* What a conditional request needs for url of source_id: *page_id 0 and
 * NULL validators when no page is stored (the strings are the caller's). */
int store_page_validators(struct store *s, long long source_id, const char *url,
			  long long *page_id, char **etag, char **last_modified, char **err);
/* Insert or replace the page of (pg->source_id, pg->url), its body
 * compressed; pg->id is ignored, *page_id (may be NULL) is the row's id.
 * A NULL checked_at is taken to be fetched_at. */
int store_page_save(struct store *s, const struct page_record *pg, long long *page_id,
		    char **err);
/* A 304 for page_id: checked_at = now, and each posting last seen on the
 * page is seen now (last_seen = now) and open (closed_at NULL);
 * *postings_seen (may be NULL) is how many; *next_url (may be NULL) the
 * page's stored next link, the caller's, or NULL. */
int store_page_not_modified(struct store *s, long long page_id, const char *now,
			    int *postings_seen, char **next_url, char **err);
/* The most recently fetched page whose url or final_url is url, body
 * uncompressed; fills *out (page_record_init'ed by the call).  -1 with
 * "no stored page for URL '...'" when none. */
int store_page_load(struct store *s, const char *url, struct page_record *out, char **err);
/* Call fn for each stored page of source (NULL: all), by source name then
 * id, body uncompressed, the record borrowed for the call; a non-zero
 * return from fn stops (and is not an error). */
int store_page_foreach(struct store *s, const char *source,
		       int (*fn)(const struct page_record *pg, void *ctx), void *ctx,
		       char **err);
/* Delete the pages not checked since before (ISO 8601 UTC); *deleted (may
 * be NULL) is how many.  Their postings keep their rows, page_id NULL. */
int store_pages_prune(struct store *s, const char *before, int *deleted, char **err);

/*
 * After a complete crawl of source_id (struct run_counts): its open
 * postings not seen since since (the run's start) are closed, closed_at =
 * now; *closed (may be NULL) is how many.  Never call it after a partial
 * or failed crawl.
 */
int store_close_missing(struct store *s, long long source_id, const char *since,
			const char *now, int *closed, char **err);

enum upsert_result { UPSERT_NEW, UPSERT_UPDATED, UPSERT_UNCHANGED };

/*
 * Insert or refresh one posting of a source, p normalized from raw; now is
 * an ISO 8601 UTC time.  The raw record is kept beside the posting (strings
 * cut at POSTING_MAX_FIELD bytes) so that it can be renormalized; raw may be
 * NULL when there is none, then a stored one is kept as it is.  A posting
 * whose raw record changed is UPSERT_UPDATED even if p did not.  page_id is
 * the stored page it was read on (0: none, the stored one is kept).  A
 * closed posting seen again is reopened, and UPSERT_UPDATED.
 */
int store_upsert(struct store *s, long long source_id, long long page_id,
		 const struct raw_posting *raw, const struct posting *p, const char *now,
		 enum upsert_result *result, char **err);

/* A stored posting as the callback sees it: strings borrowed for the call. */
struct stored_posting {
	const struct posting *posting;
	const char *source;
	const char *first_seen;
	const char *last_seen;
	long long id;
	/* The posting of another source this one duplicates (identity.h), 0
	 * when none; duplicate is set when that posting matches the filter
	 * too, so that counting this one would count the job twice. */
	long long duplicate_of;
	int duplicate;
	/* The sources of the postings matching the filter that duplicate this
	 * one, names sorted and joined by ", "; NULL when none. */
	const char *also_on;
	/* When a complete crawl of its source missed it; NULL while open. */
	const char *closed_at;
};

/*
 * Which postings to read: each field NULL for any, the given ones combined
 * with AND.  Values are bound as SQL parameters, compared as they are (the
 * caller checks and normalizes them).
 */
struct posting_filter {
	const char *source;	/* this source's postings */
	const char *level;	/* "EN", "MI", "SE" or "EX" */
	const char *country;	/* ISO 3166-1 alpha-2, upper case */
	const char *remote;	/* "remote", "hybrid" or "onsite", as stated */
	const char *since;	/* YYYY-MM-DD: posted on or after (the posting */
	const char *until;	/*   date, else the day first seen); on or before */
	const char *company;	/* the company's name, ASCII case ignored */
};

/* Call fn for each stored posting matching f (may be NULL: all), ordered by
 * id; a non-zero return stops. */
int store_foreach_posting(struct store *s, const struct posting_filter *f,
			  int (*fn)(const struct stored_posting *sp, void *ctx), void *ctx,
			  char **err);

/*
 * The postings a report reads: as store_foreach_posting, but the posting
 * holds only title, company, remote, country, level, employment_type, the
 * salary's found, currency, period, annual_min, annual_max and provenance,
 * posted, and the description only when with_description; the stored
 * posting only source, first_seen, id, duplicate_of and duplicate.  With
 * wanted (else every posting, ordered by id), only the postings whose title
 * wanted accepts, asked once a distinct title, title after title (each
 * ordered by id): the other postings are never read.
 */
int store_foreach_report_posting(struct store *s, const struct posting_filter *f,
				 int (*wanted)(const char *title, void *ctx),
				 int with_description,
				 int (*fn)(const struct stored_posting *sp, void *ctx),
				 void *ctx, char **err);

/*
 * Full-text search: call fn for each stored posting whose title, company
 * or description matches query (SQLite FTS5 query syntax: words, "phrases",
 * prefix*, AND, OR, NOT, parentheses, column:word; case and accents
 * ignored) and that f (may be NULL) keeps, newest first (by the posting
 * date, else the day first seen; then the later stored first), at most
 * limit of them (negative: all).  A non-zero return from fn stops.
 * Returns 0; STORE_SEARCH_BAD_QUERY when query is not a valid query (*err
 * says what is wrong with it, without repeating it); -1 on other errors,
 * such as an SQLite without FTS5.
 */
#define STORE_SEARCH_BAD_QUERY (-2)
int store_search(struct store *s, const char *query, const struct posting_filter *f,
		 long long limit, int (*fn)(const struct stored_posting *sp, void *ctx),
		 void *ctx, char **err);

/* Number of postings stored (all sources). */
int store_count_postings(struct store *s, long long *n, char **err);

struct identity_counts {
	size_t rekeyed;		/* postings whose key changed */
	size_t merged;		/* of those, merged into another of their source */
	size_t relinked;	/* postings whose duplicate_of changed */
};

/*
 * Recompute a posting: fill out from its raw record, or (raw NULL) from the
 * posting as stored, for postings stored before raw records were kept.
 * Everything borrowed is valid for the call only.
 */
typedef void store_renormalize_fn(const struct posting *stored, const struct raw_posting *raw,
				  struct posting *out);

struct renormalize_counts {
	size_t postings;	/* read and recomputed */
	size_t changed;		/* of those, rows whose stored fields changed */
	size_t without_raw;	/* of those, with no raw record (stored by schema 1) */
	struct identity_counts identity;	/* keys and links, all sources */
};

/*
 * Recompute the normalized columns of every stored posting (of source, or
 * all when NULL) with fn, in one transaction: all rows or, on error, none.
 * external_id, url and description are kept (they identify the posting or
 * are copies); so are first_seen and last_seen.  Then every posting's key
 * and duplicate links, of all sources, are recomputed
 * (store_identity_refresh).
 */
int store_renormalize(struct store *s, const char *source, store_renormalize_fn *fn,
		      struct renormalize_counts *counts, char **err);

/*
 * Recompute every posting's key and match key with today's rules
 * (identity.h), in the caller's transaction: two postings of a source whose
 * keys meet are merged (the one seen last stays, with the earliest
 * first_seen), then duplicates across sources are linked anew.  k may be
 * NULL.  Run when a database is upgraded to version 4 and by renormalize.
 */
int store_identity_refresh(struct store *s, struct identity_counts *k, char **err);

/*
 * Exchange rates (rates.h): one per currency, the latest set.  A new
 * database starts with the snapshot in sql/rates-*.sql.
 */
/* Insert or replace the rate of r->currency (USD must be 1). */
int store_rate_set(struct store *s, const struct rate *r, char **err);
/* Every rate, by currency; free with rates_free(*out, *n). */
int store_rates_list(struct store *s, struct rate **out, size_t *n, char **err);

#endif
