/*
 * store-runs.c - the runs table: each crawl of a source, its counts and
 * errors, read back as recent runs and as each source's health.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-internal.h"
#include "xalloc.h"

static const char *const outcome_names[] = { NULL, "ok", "partial", "failed" };

const char *run_outcome_name(enum run_outcome o)
{
	return (unsigned)o < sizeof(outcome_names) / sizeof(outcome_names[0]) ?
	       outcome_names[o] : NULL;
}

static enum run_outcome outcome_from_name(const char *name)
{
	enum run_outcome o;

	for (o = RUN_OK; o <= RUN_FAILED; o++)
		if (name != NULL && strcmp(name, outcome_names[o]) == 0)
			return o;
	return RUN_UNFINISHED;
}

/* Kept in step with the UPDATE of migrate-5.sql, which does the same for
 * the runs finished before version 5. */
enum run_outcome run_outcome_of(const struct run_counts *c)
{
	if (c->errors == 0 && c->pages_failed == 0)
		return RUN_OK;
	return c->pages + c->pages_not_modified > 0 ? RUN_PARTIAL : RUN_FAILED;
}

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int store_run_begin(struct store *s, long long source_id, const char *started_at,
		    long long *run_id, char **err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "INSERT INTO runs (source_id, started_at) VALUES (?1, "
			  "coalesce(?2, " NOW_SQL "))", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, source_id);
	store_bind_text(st, 2, started_at);
	if (store_step_done(s, st, "cannot record run", err) < 0)
		return -1;
	*run_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* The counts of a run, in struct run_counts' order, as columns and as
 * parameters ?2 .. ?16 of run_finish_sql. */
#define RUN_COUNT_COLUMNS \
	"pages, pages_failed, postings_seen, postings_new, postings_updated, " \
	"postings_skipped, errors, warnings, pages_not_modified, pages_robots, " \
	"pages_skipped, postings_unchanged, postings_closed, complete, outcome"

static const char run_finish_sql[] =
	"UPDATE runs SET finished_at = " NOW_SQL ", (" RUN_COUNT_COLUMNS ", error_text) = "
	"(?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) WHERE id = ?1";

int store_run_finish(struct store *s, long long run_id, const struct run_counts *c,
		     const char *error_text, char **err)
{
	const int counts[] = {
		c->pages, c->pages_failed, c->postings_seen, c->postings_new,
		c->postings_updated, c->postings_skipped, c->errors, c->warnings,
		c->pages_not_modified, c->pages_robots, c->pages_skipped,
		c->postings_unchanged, c->postings_closed, c->complete != 0
	};
	sqlite3_stmt *st;
	int i, n = (int)(sizeof(counts) / sizeof(counts[0]));

	if (store_prepare(s, run_finish_sql, &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	for (i = 0; i < n; i++)
		sqlite3_bind_int(st, 2 + i, counts[i]);
	store_bind_text(st, 2 + n, run_outcome_name(c->outcome));
	store_bind_text(st, 3 + n, error_text);
	return store_step_done(s, st, "cannot record run", err);
}

int store_run_error(struct store *s, long long run_id, const char *url, const char *reason,
		    const char *at, char **err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "INSERT INTO run_errors (run_id, url, reason, at) "
			  "VALUES (?1, ?2, ?3, ?4)", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	store_bind_text(st, 2, url);
	/* NOT NULL: an empty reason is still an error */
	sqlite3_bind_text(st, 3, reason ? reason : "", -1, SQLITE_TRANSIENT);
	store_bind_text(st, 4, at);
	return store_step_done(s, st, "cannot record run error", err);
}

void run_record_release(struct run_record *r)
{
	free(r->source);
	free(r->started_at);
	free(r->finished_at);
	free(r->error_text);
	memset(r, 0, sizeof(*r));
}

/* A run's row: RUN_SELECT's columns. */
#define RUN_SELECT \
	"SELECT r.id, s.name, r.started_at, r.finished_at, r.error_text, " RUN_COUNT_COLUMNS \
	" FROM runs r JOIN sources s ON s.id = r.source_id "
enum { RUN_ID, RUN_SOURCE, RUN_STARTED, RUN_FINISHED, RUN_ERROR_TEXT, RUN_COUNTS };

static void run_from_row(sqlite3_stmt *st, struct run_record *r)
{
	int *counts[] = {
		&r->counts.pages, &r->counts.pages_failed, &r->counts.postings_seen,
		&r->counts.postings_new, &r->counts.postings_updated,
		&r->counts.postings_skipped, &r->counts.errors, &r->counts.warnings,
		&r->counts.pages_not_modified, &r->counts.pages_robots,
		&r->counts.pages_skipped, &r->counts.postings_unchanged,
		&r->counts.postings_closed, &r->counts.complete
	};
	size_t i, n = sizeof(counts) / sizeof(counts[0]);

	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, RUN_ID);
	r->source = store_column_dup(st, RUN_SOURCE);
	r->started_at = store_column_dup(st, RUN_STARTED);
	r->finished_at = store_column_dup(st, RUN_FINISHED);
	r->error_text = store_column_dup(st, RUN_ERROR_TEXT);
	for (i = 0; i < n; i++)
		*counts[i] = sqlite3_column_int(st, RUN_COUNTS + (int)i);
	r->counts.outcome = outcome_from_name(store_column_str(st, RUN_COUNTS + (int)n));
}

int store_runs_recent(struct store *s, const char *source, int limit, struct run_record **out,
		      size_t *n, char **err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(s, RUN_SELECT "WHERE ?1 IS NULL OR s.name = ?1 "
			  "ORDER BY r.id DESC LIMIT ?2", &st, err) < 0)
		return -1;
	store_bind_text(st, 1, source);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		run_from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read runs");
	return 0;
}

void source_health_release(struct source_health *h)
{
	free(h->name);
	run_record_release(&h->last);
	free(h->last_success);
	free(h->last_error);
	free(h->last_error_at);
	memset(h, 0, sizeof(*h));
}

/*
 * Each source (?1: its id) in turn: its latest finished run, the start of
 * its latest successful one, how many finished runs have failed since
 * that one; and its latest error: of its latest run with errors, the last
 * run_errors row, else that run's error_text.
 */
static const char health_sources_sql[] =
	"SELECT s.id, s.name, (SELECT max(started_at) FROM runs WHERE source_id = s.id "
	"AND outcome = 'ok'), (SELECT count(*) FROM runs WHERE source_id = s.id "
	"AND finished_at IS NOT NULL AND outcome IS NOT 'ok' AND id > coalesce((SELECT "
	"max(id) FROM runs WHERE source_id = s.id AND outcome = 'ok'), 0)) "
	"FROM sources s ORDER BY s.name";
static const char health_last_run_sql[] =
	RUN_SELECT "WHERE r.source_id = ?1 AND r.finished_at IS NOT NULL ORDER BY r.id DESC LIMIT 1";
static const char health_last_error_sql[] =
	"SELECT * FROM (SELECT CASE WHEN e.url IS NULL THEN e.reason "
	"ELSE e.url || ': ' || e.reason END, e.at, e.run_id, 1, e.id FROM run_errors e "
	"JOIN runs r ON r.id = e.run_id WHERE r.source_id = ?1 "
	"UNION ALL SELECT error_text, coalesce(finished_at, started_at), id, 0, 0 FROM runs "
	"WHERE source_id = ?1 AND error_text IS NOT NULL) ORDER BY 3 DESC, 4 DESC, 5 DESC LIMIT 1";

struct health_statements {
	sqlite3_stmt *sources, *last_run, *last_error;
};

/* The rest of h, for source id: its last run and its last error. */
static int health_details(struct store *s, struct health_statements *q, long long id,
			  struct source_health *h, char **err)
{
	int rc;

	sqlite3_reset(q->last_run);
	sqlite3_bind_int64(q->last_run, 1, id);
	rc = sqlite3_step(q->last_run);
	if (rc == SQLITE_ROW)
		run_from_row(q->last_run, &h->last);
	else if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read runs");
	sqlite3_reset(q->last_error);
	sqlite3_bind_int64(q->last_error, 1, id);
	rc = sqlite3_step(q->last_error);
	if (rc == SQLITE_ROW) {
		h->last_error = store_column_dup(q->last_error, 0);
		h->last_error_at = store_column_dup(q->last_error, 1);
	} else if (rc != SQLITE_DONE) {
		return store_db_error(s, err, "cannot read run errors");
	}
	return 0;
}

static int health_rows(struct store *s, struct health_statements *q, struct source_health **out,
		       size_t *n, char **err)
{
	struct source_health *h;
	int rc;

	while ((rc = sqlite3_step(q->sources)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		h = &(*out)[(*n)++];
		memset(h, 0, sizeof(*h));
		h->name = store_column_dup(q->sources, 1);
		h->last_success = store_column_dup(q->sources, 2);
		h->consecutive_failures = sqlite3_column_int(q->sources, 3);
		if (health_details(s, q, sqlite3_column_int64(q->sources, 0), h, err) < 0)
			return -1;
	}
	return rc == SQLITE_DONE ? 0 : store_db_error(s, err, "cannot read sources");
}

int store_source_health(struct store *s, struct source_health **out, size_t *n, char **err)
{
	struct health_statements q = { NULL, NULL, NULL };
	int rc = -1;
	size_t i;

	*out = NULL;
	*n = 0;
	if (store_prepare(s, health_sources_sql, &q.sources, err) == 0 &&
	    store_prepare(s, health_last_run_sql, &q.last_run, err) == 0 &&
	    store_prepare(s, health_last_error_sql, &q.last_error, err) == 0)
		rc = health_rows(s, &q, out, n, err);
	sqlite3_finalize(q.sources);
	sqlite3_finalize(q.last_run);
	sqlite3_finalize(q.last_error);
	if (rc < 0) {
		for (i = 0; i < *n; i++)
			source_health_release(&(*out)[i]);
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
