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

#include "posting.h"
#include "rates.h"

/* 1: sources, runs, postings.  2: posting_raw, rates.  3: postings_fts,
 * the full-text search index (with an SQLite that has FTS5; without, the
 * database is at 3 with no index, store_search says why it cannot search,
 * and the first open with FTS5 adds the index). */
#define STORE_SCHEMA_VERSION 3

struct store;

struct source {
	long long id;
	char *name;
	char *url;
	int max_pages;
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

int store_source_add(struct store *s, const char *name, const char *url, int max_pages,
		     char **err);
int store_source_remove(struct store *s, const char *name, char **err);
/* *out is an array of *n sources; free each with source_release, then free(). */
int store_source_list(struct store *s, struct source **out, size_t *n, char **err);
/* Returns 0 and fills *out, or -1 (with *err "no source named ...") */
int store_source_get(struct store *s, const char *name, struct source *out, char **err);

struct run_counts {
	int pages, pages_failed;
	int postings_seen, postings_new, postings_updated, postings_skipped;
	int errors;		/* pages that failed, postings that could not be stored */
	int warnings;		/* pages read with something skipped or unreadable */
};

int store_run_begin(struct store *s, long long source_id, long long *run_id, char **err);
/* error_text may be NULL (the first error of the run otherwise). */
int store_run_finish(struct store *s, long long run_id, const struct run_counts *c,
		     const char *error_text, char **err);

enum upsert_result { UPSERT_NEW, UPSERT_UPDATED, UPSERT_UNCHANGED };

/*
 * Insert or refresh one posting of a source, p normalized from raw; now is
 * an ISO 8601 UTC time.  The raw record is kept beside the posting (strings
 * cut at POSTING_MAX_FIELD bytes) so that it can be renormalized; raw may be
 * NULL when there is none, then a stored one is kept as it is.  A posting
 * whose raw record changed is UPSERT_UPDATED even if p did not.
 */
int store_upsert(struct store *s, long long source_id, const struct raw_posting *raw,
		 const struct posting *p, const char *now, enum upsert_result *result,
		 char **err);

/* A stored posting as the callback sees it: strings borrowed for the call. */
struct stored_posting {
	const struct posting *posting;
	const char *source;
	const char *first_seen;
	const char *last_seen;
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
};

/*
 * Recompute the normalized columns of every stored posting (of source, or
 * all when NULL) with fn, in one transaction: all rows or, on error, none.
 * external_id, url and description are kept (they identify the posting or
 * are copies); so are first_seen and last_seen.
 */
int store_renormalize(struct store *s, const char *source, store_renormalize_fn *fn,
		      struct renormalize_counts *counts, char **err);

/*
 * Exchange rates (rates.h): one per currency, the latest set.  A new
 * database starts with the snapshot in sql/rates-*.sql.
 */
/* Insert or replace the rate of r->currency (USD must be 1). */
int store_rate_set(struct store *s, const struct rate *r, char **err);
/* Every rate, by currency; free with rates_free(*out, *n). */
int store_rates_list(struct store *s, struct rate **out, size_t *n, char **err);

#endif
