/* store.c - SQLite store: opening, schema and migrations, sources.
 * Postings are in store-posting.c, runs in store-runs.c, fetched pages in
 * store-pages.c, exchange rates in store-rates.c, the SQL helpers and
 * transactions in store-sql.c. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-internal.h"
#include "xalloc.h"

/* The files of sql/, turned into bytes by the build (see Makefile.am). */
static const char schema_sql[] = {	/* a fresh database, current version */
#include "sql/schema.inc"
	0x00
};
static const char migrate_2_sql[] = {	/* version 1 to 2 */
#include "sql/migrate-2.inc"
	0x00
};
static const char migrate_3_sql[] = {	/* version 2 to 3: the search index */
#include "sql/migrate-3.inc"
	0x00
};
static const char migrate_4_sql[] = {	/* version 3 to 4: identity, duplicates */
#include "sql/migrate-4.inc"
	0x00
};
static const char migrate_5_sql[] = {	/* version 4 to 5: pages, runs, lifecycle */
#include "sql/migrate-5.inc"
	0x00
};
static const char migrate_6_sql[] = {	/* version 5 to 6: search index in batches */
#include "sql/migrate-6.inc"
	0x00
};
static const char rates_sql[] = {	/* the rates a database starts with */
#include "sql/rates-2023-12-29.inc"
	0x00
};

/*
 * migrations[i] brings a database from version i + 1 to i + 2, then loads
 * its seed (the rows of the tables it creates; NULL when none), then runs
 * its step in C (what SQL cannot do well; NULL when none).  A fresh
 * database gets schema.sql, the migrations marked fresh (the objects
 * schema.sql leaves to them) and every seed, and needs no step.  Raising
 * STORE_SCHEMA_VERSION means adding sql/migrate-N.sql here and either the
 * same change to schema.sql or fresh set.
 *
 * The search index (migrate-3.sql) needs FTS5.  Where this SQLite lacks it
 * the migration is left out and the version advances all the same, so the
 * migrations after it (and the code that relies on them) never wait on it;
 * add_search_index adds the index on the first open with FTS5.
 */
static const struct migration {
	const char *sql;
	const char *seed;
	int fresh;		/* run on a fresh database too */
	int needs_fts5;		/* left out without FTS5 */
	int (*step)(struct store *s, char **err);
} migrations[STORE_SCHEMA_VERSION - 1] = {
	{ migrate_2_sql, rates_sql, 0, 0, NULL },
	{ migrate_3_sql, NULL, 1, 1, NULL },
	/* 4: keys by today's identity rules, duplicates across sources linked */
	{ migrate_4_sql, NULL, 0, 0, store_identity_upgrade },
	{ migrate_5_sql, NULL, 0, 0, NULL },
	/* 6: new postings indexed by store-fts.c, no insert trigger (a fresh
	 * database never has it: migrate-3.sql no longer makes it) */
	{ migrate_6_sql, NULL, 0, 0, NULL },
};


/* The one integer a query such as "PRAGMA user_version" returns. */
static int select_int(struct store *s, const char *sql, long long *out, const char *what,
		      char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, sql, &st, err) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : store_db_error(s, err, what);
}

/* Someone else's database (tables but no version): adding ours would be rude. */
static int check_ours(struct store *s, char **err)
{
	long long tables;

	if (select_int(s, "SELECT count(*) FROM sqlite_master", &tables,
		       "cannot read the database's tables", err) < 0)
		return -1;
	if (tables > 0)
		return set_error(err, "database '%s' is not a jobstats database (it has tables "
				 "but no jobstats schema version)", s->path);
	return 0;
}

static int newer_error(struct store *s, long long version, char **err)
{
	return set_error(err, "database '%s' has schema version %lld, newer than this jobstats "
			 "understands (%d)", s->path, version, STORE_SCHEMA_VERSION);
}

/*
 * Does this SQLite have FTS5?  Its SQL function fts5() exists exactly when
 * the module is registered (built in or loaded), whatever the build's
 * introspection pragmas.
 */
static int has_fts5(struct store *s)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, "SELECT fts5(NULL)", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_finalize(st);
	return 1;
}

/* From version to STORE_SCHEMA_VERSION, inside the caller's transaction. */
static int upgrade(struct store *s, long long version, char **err)
{
	const struct migration *m;
	char sql[64];
	long long v;

	if (version == STORE_SCHEMA_VERSION)
		return 0;	/* another process upgraded it while we waited */
	if (version > STORE_SCHEMA_VERSION)
		return newer_error(s, version, err);
	if (version == 0 && (check_ours(s, err) < 0 || store_exec(s, schema_sql, err) < 0))
		return -1;
	/* A fresh database has most tables already: it needs the seeds and
	 * the migrations marked fresh. */
	for (v = version ? version : 1; v < STORE_SCHEMA_VERSION; v++) {
		m = &migrations[v - 1];
		if ((version > 0 || m->fresh) && (s->fts5 || !m->needs_fts5) &&
		    store_exec(s, m->sql, err) < 0)
			return -1;
		if ((m->seed != NULL && store_exec(s, m->seed, err) < 0) ||
		    (version > 0 && m->step != NULL && m->step(s, err) < 0))
			return -1;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	return store_exec(s, sql, err);
}

/*
 * Bring the schema up to STORE_SCHEMA_VERSION in one transaction: all of it
 * or, on any error, none of it.  The version is read again under the write
 * lock, so two processes opening an old database upgrade it once.
 */
static int migrate(struct store *s, char **err)
{
	long long version;

	if (select_int(s, "PRAGMA user_version", &version, "cannot read schema version", err) < 0)
		return -1;
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (version > STORE_SCHEMA_VERSION)
		return newer_error(s, version, err);
	if (store_exec(s, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	if (select_int(s, "PRAGMA user_version", &version, "cannot read schema version", err) < 0 ||
	    upgrade(s, version, err) < 0 || store_exec(s, "COMMIT", err) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

static const char has_index_sql[] =
	"SELECT count(*) FROM sqlite_master WHERE name = 'postings_fts'";

/*
 * A database migrated where SQLite lacked FTS5 has no search index: with
 * FTS5 now, add it (migrate-3.sql, which indexes what is stored), in one
 * transaction, checked again under the write lock.  Notes whether the
 * database has the index (with or without FTS5 here).
 */
static int add_search_index(struct store *s, char **err)
{
	const char *what = "cannot read the database's tables";
	long long n;

	if (select_int(s, has_index_sql, &n, what, err) < 0)
		return -1;
	s->fts_index = n > 0;
	if (!s->fts5 || n > 0)
		return 0;
	if (store_exec(s, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	if (select_int(s, has_index_sql, &n, what, err) < 0 ||
	    (n == 0 && store_exec(s, migrate_3_sql, err) < 0) || store_exec(s, "COMMIT", err) < 0) {
		store_rollback(s);
		return -1;
	}
	s->fts_index = 1;
	return 0;
}

/*
 * How long a statement waits for another process's lock on the database
 * before it fails with "database is locked": 10 s, long enough for a report
 * to wait out a crawl's commit of a page, or JOBSTATS_BUSY_TIMEOUT
 * milliseconds (the tests shorten it; an unusable value is ignored).
 */
static int busy_timeout_ms(void)
{
	const char *v = getenv("JOBSTATS_BUSY_TIMEOUT");
	char *end;
	long ms;

	if (v == NULL || *v == '\0')
		return 10000;
	errno = 0;
	ms = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || ms < 0 || ms > 3600000)
		return 10000;
	return (int)ms;
}

int store_open(const char *path, struct store **out, char **err)
{
	struct store *s = xcalloc(1, sizeof(*s));
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		set_error(err, "cannot open database '%s': %s", path,
			  s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(s->db, busy_timeout_ms());
	sqlite3_extended_result_codes(s->db, 1);
	/* WAL: readers (report) never block the nightly crawl, and vice versa.
	 * synchronous NORMAL: in WAL mode a commit is not synced, a checkpoint
	 * is; a crash or power loss may undo the last commits, never corrupt
	 * the database, and a crawl commits a page at a time (one fsync per page
	 * was most of a crawl's time).  temp_store MEMORY: the statement
	 * journals a transaction's statements write (the original of each page
	 * they change, in case one fails half way) stay in memory; in a file
	 * they were most of an upsert's system calls. */
	if (store_exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
		       "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;", err) < 0)
		goto fail;
	s->fts5 = has_fts5(s);
	if (migrate(s, err) < 0 || add_search_index(s, err) < 0)
		goto fail;
	*out = s;
	return 0;
fail:
	store_free(s);
	return -1;
}

void store_free(struct store *s)
{
	if (s == NULL)
		return;
	sqlite3_finalize(s->insert);
	sqlite3_finalize(s->update);
	sqlite3_finalize(s->touch);
	sqlite3_finalize(s->raw_update);
	sqlite3_finalize(s->raw_insert);
	sqlite3_finalize(s->raw_insert_new);
	sqlite3_finalize(s->old_match);
	sqlite3_finalize(s->relink);
	sqlite3_finalize(s->unlink);
	sqlite3_finalize(s->other_source);
	sqlite3_finalize(s->page_validators);
	sqlite3_finalize(s->page_save);
	sqlite3_finalize(s->page_seen_postings);
	sqlite3_finalize(s->page_checked);
	sqlite3_finalize(s->page_next);
	sqlite3_finalize(s->begin);
	sqlite3_finalize(s->commit);
	sqlite3_finalize(s->savepoint);
	sqlite3_finalize(s->release);
	sqlite3_finalize(s->page_detach);
	sqlite3_finalize(s->close_missing);
	sqlite3_finalize(s->set_link);
	store_fts_free(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}


void source_release(struct source *src)
{
	free(src->name);
	free(src->url);
	memset(src, 0, sizeof(*src));
}

int store_source_add(struct store *s, const char *name, const char *url, int max_pages,
		     double delay, char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, "INSERT INTO sources (name, url, max_pages, added_at, delay) "
		    "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?4)", &st, err) < 0)
		return -1;
	store_bind_text(st, 1, name);
	store_bind_text(st, 2, url);
	sqlite3_bind_int(st, 3, max_pages);
	store_bind_double(st, 4, delay >= 0, delay);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return set_error(err, "source '%s' already exists", name);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot add source");
	return 0;
}

/* Remove the source and its postings; links the others anew (the jobs it
 * shared with other sources are theirs alone now), in one transaction. */
int store_source_remove(struct store *s, const char *name, char **err)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (store_fts_flush(s, err) < 0 || store_begin(s, err) < 0)
		return -1;
	if (store_prepare(s, "DELETE FROM sources WHERE name = ?1", &st, err) < 0)
		goto out;
	store_bind_text(st, 1, name);
	if (store_step_done(s, st, "cannot remove source", err) < 0)
		goto out;
	if (sqlite3_changes(s->db) == 0)
		set_error(err, "no source named '%s'", name);
	else if (store_relink_all(s, NULL, err) == 0)
		rc = store_commit(s, err);
out:
	if (rc < 0)
		store_rollback(s);
	return rc;
}

static void source_from_row(sqlite3_stmt *st, struct source *out)
{
	out->id = sqlite3_column_int64(st, 0);
	out->name = xstrdup((const char *)sqlite3_column_text(st, 1));
	out->url = xstrdup((const char *)sqlite3_column_text(st, 2));
	out->max_pages = sqlite3_column_int(st, 3);
	out->delay = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 4);
}

#define SOURCE_COLUMNS "SELECT id, name, url, max_pages, delay FROM sources "

int store_source_list(struct store *s, struct source **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(s, SOURCE_COLUMNS "ORDER BY name", &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		source_from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot list sources");
	return 0;
}

int store_source_get(struct store *s, const char *name, struct source *out, char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, SOURCE_COLUMNS "WHERE name = ?1", &st, err) < 0)
		return -1;
	store_bind_text(st, 1, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		source_from_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return set_error(err, "no source named '%s' (see 'jobstats source list')", name);
	return store_db_error(s, err, "cannot read source");
}

int store_count_postings(struct store *s, long long *n, char **err)
{
	return select_int(s, "SELECT count(*) FROM postings", n, "cannot count postings", err);
}
