/* store.c - SQLite store: schema, migrations, sources, runs and postings. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "xalloc.h"

/* sql/schema.sql, turned into bytes by the build (see Makefile.am). */
static const char schema_sql[] = {
#include "schema.inc"
	0x00
};

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *insert, *update, *touch;
};

static int db_error(struct store *s, char **err, const char *what)
{
	return set_error(err, "%s in '%s': %s", what, s->path, sqlite3_errmsg(s->db));
}

static int exec_sql(struct store *s, const char *sql, char **err)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		set_error(err, "cannot run SQL on database '%s': %s", s->path,
			  msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int prepare(struct store *s, const char *sql, sqlite3_stmt **st, char **err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return db_error(s, err, "cannot prepare statement");
	return 0;
}

/* The one integer a query such as "PRAGMA user_version" returns. */
static int select_int(struct store *s, const char *sql, long long *out, const char *what,
		      char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(s, sql, &st, err) < 0)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_error(s, err, what);
}

/* Bring the schema up to STORE_SCHEMA_VERSION in one transaction. */
static int migrate(struct store *s, char **err)
{
	long long version, tables = 0;
	char sql[64];

	if (select_int(s, "PRAGMA user_version", &version, "cannot read schema version", err) < 0)
		return -1;
	if (version > STORE_SCHEMA_VERSION)
		return set_error(err, "database '%s' has schema version %lld, newer than this "
				 "jobstats understands (%d)", s->path, version, STORE_SCHEMA_VERSION);
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (version == 0 && (select_int(s, "SELECT count(*) FROM sqlite_master", &tables,
					"cannot read the database's tables", err) < 0 ||
			     tables > 0))
		/* Someone else's database: adding our tables to it would be rude. */
		return set_error(err, "database '%s' is not a jobstats database (it has tables "
				 "but no jobstats schema version)", s->path);
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", STORE_SCHEMA_VERSION);
	if (exec_sql(s, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	if (exec_sql(s, schema_sql, err) < 0 || exec_sql(s, sql, err) < 0) {
		store_rollback(s);
		return -1;
	}
	return exec_sql(s, "COMMIT", err);
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
	sqlite3_busy_timeout(s->db, 10000);
	sqlite3_extended_result_codes(s->db, 1);
	/* WAL: readers (report) never block the nightly crawl, and vice versa. */
	if (exec_sql(s, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", err) < 0)
		goto fail;
	if (migrate(s, err) < 0)
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
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

int store_begin(struct store *s, char **err)
{
	return exec_sql(s, "BEGIN IMMEDIATE", err);
}

int store_commit(struct store *s, char **err)
{
	return exec_sql(s, "COMMIT", err);
}

void store_rollback(struct store *s)
{
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Run a statement that returns no rows; finalizes it. */
static int step_done(struct store *s, sqlite3_stmt *st, const char *what, char **err)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE)
		db_error(s, err, what);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void source_release(struct source *src)
{
	free(src->name);
	free(src->url);
	memset(src, 0, sizeof(*src));
}

int store_source_add(struct store *s, const char *name, const char *url, int max_pages,
		     char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(s, "INSERT INTO sources (name, url, max_pages, added_at) "
		    "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", &st, err) < 0)
		return -1;
	bind_text(st, 1, name);
	bind_text(st, 2, url);
	sqlite3_bind_int(st, 3, max_pages);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return set_error(err, "source '%s' already exists", name);
	if (rc != SQLITE_DONE)
		return db_error(s, err, "cannot add source");
	return 0;
}

int store_source_remove(struct store *s, const char *name, char **err)
{
	sqlite3_stmt *st;

	if (prepare(s, "DELETE FROM sources WHERE name = ?1", &st, err) < 0)
		return -1;
	bind_text(st, 1, name);
	if (step_done(s, st, "cannot remove source", err) < 0)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return set_error(err, "no source named '%s'", name);
	return 0;
}

static void source_from_row(sqlite3_stmt *st, struct source *out)
{
	out->id = sqlite3_column_int64(st, 0);
	out->name = xstrdup((const char *)sqlite3_column_text(st, 1));
	out->url = xstrdup((const char *)sqlite3_column_text(st, 2));
	out->max_pages = sqlite3_column_int(st, 3);
}

#define SOURCE_COLUMNS "SELECT id, name, url, max_pages FROM sources "

int store_source_list(struct store *s, struct source **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if (prepare(s, SOURCE_COLUMNS "ORDER BY name", &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		source_from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, err, "cannot list sources");
	return 0;
}

int store_source_get(struct store *s, const char *name, struct source *out, char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (prepare(s, SOURCE_COLUMNS "WHERE name = ?1", &st, err) < 0)
		return -1;
	bind_text(st, 1, name);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		source_from_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return set_error(err, "no source named '%s' (see 'jobstats source list')", name);
	return db_error(s, err, "cannot read source");
}

int store_run_begin(struct store *s, long long source_id, long long *run_id, char **err)
{
	sqlite3_stmt *st;

	if (prepare(s, "INSERT INTO runs (source_id, started_at) "
		    "VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, source_id);
	if (step_done(s, st, "cannot record run", err) < 0)
		return -1;
	*run_id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

int store_run_finish(struct store *s, long long run_id, const struct run_counts *c,
		     const char *error_text, char **err)
{
	sqlite3_stmt *st;

	if (prepare(s, "UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
		    "pages = ?2, pages_failed = ?3, postings_seen = ?4, postings_new = ?5, "
		    "postings_updated = ?6, postings_skipped = ?7, errors = ?8, error_text = ?9, warnings = ?10 "
		    "WHERE id = ?1", &st, err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, run_id);
	sqlite3_bind_int(st, 2, c->pages);
	sqlite3_bind_int(st, 3, c->pages_failed);
	sqlite3_bind_int(st, 4, c->postings_seen);
	sqlite3_bind_int(st, 5, c->postings_new);
	sqlite3_bind_int(st, 6, c->postings_updated);
	sqlite3_bind_int(st, 7, c->postings_skipped);
	sqlite3_bind_int(st, 8, c->errors);
	sqlite3_bind_int(st, 10, c->warnings);
	bind_text(st, 9, error_text);
	return step_done(s, st, "cannot record run", err);
}

int store_count_postings(struct store *s, long long *n, char **err)
{
	return select_int(s, "SELECT count(*) FROM postings", n, "cannot count postings", err);
}

/*
 * What makes a posting the same posting on the next crawl: the board's own
 * id, else its URL, else what the card shows: title, company, location and
 * salary as found (two openings for one title at one place that differ in
 * pay are two postings; a card that changes its pay without an id or URL
 * cannot be told from a new one).
 */
static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static char *posting_key(const struct posting *p)
{
	if (p->external_id != NULL && *p->external_id != '\0')
		return xasprintf("id:%s", p->external_id);
	if (p->url != NULL && *p->url != '\0')
		return xasprintf("url:%s", p->url);
	return xasprintf("card:%s|%s|%s|%s", or_empty(p->title), or_empty(p->company),
			 or_empty(p->location), or_empty(p->salary_text));
}

/* The posting's columns, in the order bound as ?3 .. ?21. */
#define POSTING_COLUMNS \
	"external_id, url, title, company, location, remote, country, level, " \
	"employment_type, salary_text, salary_min, salary_max, salary_currency, " \
	"salary_period, annual_min, annual_max, salary_provenance, description, posted"

static const char insert_sql[] =
	"INSERT INTO postings (source_id, posting_key, " POSTING_COLUMNS ", first_seen, last_seen) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
	"?18, ?19, ?20, ?21, ?22, ?22) ON CONFLICT (source_id, posting_key) DO NOTHING";

/* Changes the row only when some field differs, so changes() tells "updated". */
static const char update_sql[] =
	"UPDATE postings SET (" POSTING_COLUMNS ", last_seen) = "
	"(?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22) "
	"WHERE source_id = ?1 AND posting_key = ?2 AND NOT ("
	"external_id IS ?3 AND url IS ?4 AND title IS ?5 AND company IS ?6 AND location IS ?7 "
	"AND remote IS ?8 AND country IS ?9 AND level IS ?10 AND employment_type IS ?11 "
	"AND salary_text IS ?12 AND salary_min IS ?13 AND salary_max IS ?14 "
	"AND salary_currency IS ?15 AND salary_period IS ?16 AND annual_min IS ?17 "
	"AND annual_max IS ?18 AND salary_provenance IS ?19 AND description IS ?20 "
	"AND posted IS ?21)";

static const char touch_sql[] =
	"UPDATE postings SET last_seen = ?22 WHERE source_id = ?1 AND posting_key = ?2";

static void bind_double(sqlite3_stmt *st, int i, int present, double v)
{
	if (present)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void bind_salary(sqlite3_stmt *st, const struct salary *sal)
{
	int annual = sal->found && sal->period != PERIOD_UNKNOWN;

	bind_double(st, 13, sal->found, sal->min);
	bind_double(st, 14, sal->found, sal->max);
	bind_text(st, 15, sal->found ? sal->currency : NULL);
	bind_text(st, 16, sal->found ? salary_period_name(sal->period) : NULL);
	bind_double(st, 17, annual, sal->annual_min);
	bind_double(st, 18, annual, sal->annual_max);
	bind_text(st, 19, sal->found ? sal->provenance : NULL);
}

static void bind_posting(sqlite3_stmt *st, long long source_id, const char *key,
			 const struct posting *p, const char *now)
{
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, source_id);
	bind_text(st, 2, key);
	bind_text(st, 3, p->external_id);
	bind_text(st, 4, p->url);
	bind_text(st, 5, p->title);
	bind_text(st, 6, p->company);
	bind_text(st, 7, p->location);
	bind_text(st, 8, p->remote);
	bind_text(st, 9, p->country);
	bind_text(st, 10, p->level);
	bind_text(st, 11, p->employment_type);
	bind_text(st, 12, p->salary_text);
	bind_salary(st, &p->salary);
	bind_text(st, 20, p->description);
	bind_text(st, 21, p->posted);
	bind_text(st, 22, now);
}

/* Step a cached statement; 1 when it changed a row, 0 when not, -1 on error. */
static int run_cached(struct store *s, sqlite3_stmt **st, const char *sql,
		      long long source_id, const char *key, const struct posting *p,
		      const char *now, char **err)
{
	int rc;

	if (*st == NULL && prepare(s, sql, st, err) < 0)
		return -1;
	bind_posting(*st, source_id, key, p, now);
	rc = sqlite3_step(*st);
	sqlite3_reset(*st);
	if (rc != SQLITE_DONE)
		return db_error(s, err, "cannot store posting");
	return sqlite3_changes(s->db) > 0;
}

int store_upsert(struct store *s, long long source_id, const struct posting *p,
		 const char *now, enum upsert_result *result, char **err)
{
	char *key = posting_key(p);
	int rc;

	rc = run_cached(s, &s->insert, insert_sql, source_id, key, p, now, err);
	*result = UPSERT_NEW;
	if (rc == 0) {
		rc = run_cached(s, &s->update, update_sql, source_id, key, p, now, err);
		*result = UPSERT_UPDATED;
	}
	if (rc == 0) {
		rc = run_cached(s, &s->touch, touch_sql, source_id, key, p, now, err);
		*result = UPSERT_UNCHANGED;
	}
	free(key);
	return rc < 0 ? -1 : 0;
}

static const char *column_str(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Fill a posting whose strings borrow the statement's current row. */
static void posting_from_row(sqlite3_stmt *st, struct posting *p)
{
	const char *country = column_str(st, 6);
	const char *period = column_str(st, 13);

	memset(p, 0, sizeof(*p));
	p->external_id = (char *)column_str(st, 0);
	p->url = (char *)column_str(st, 1);
	p->title = (char *)column_str(st, 2);
	p->company = (char *)column_str(st, 3);
	p->location = (char *)column_str(st, 4);
	p->remote = column_str(st, 5);
	snprintf(p->country, sizeof(p->country), "%s", country ? country : "");
	p->level = column_str(st, 7);
	p->employment_type = column_str(st, 8);
	p->salary_text = (char *)column_str(st, 9);
	p->salary.found = sqlite3_column_type(st, 10) != SQLITE_NULL;
	p->salary.min = sqlite3_column_double(st, 10);
	p->salary.max = sqlite3_column_double(st, 11);
	snprintf(p->salary.currency, sizeof(p->salary.currency), "%s",
		 column_str(st, 12) ? column_str(st, 12) : "");
	p->salary.period = salary_period_from_name(period);
	p->salary.annual_min = sqlite3_column_double(st, 14);
	p->salary.annual_max = sqlite3_column_double(st, 15);
	p->salary.provenance = column_str(st, 16);
	p->description = (char *)column_str(st, 17);
	p->posted = (char *)column_str(st, 18);
}

int store_foreach_posting(struct store *s, const struct posting_filter *f,
			  int (*fn)(const struct stored_posting *sp, void *ctx), void *ctx,
			  char **err)
{
	sqlite3_stmt *st;
	struct posting p;
	struct stored_posting sp = { &p, NULL, NULL, NULL };
	int rc;

	if (prepare(s, "SELECT " POSTING_COLUMNS ", "
		    "(SELECT name FROM sources WHERE id = source_id), first_seen, last_seen "
		    "FROM postings WHERE ?1 IS NULL OR source_id = "
		    "(SELECT id FROM sources WHERE name = ?1) ORDER BY id", &st, err) < 0)
		return -1;
	bind_text(st, 1, f ? f->source : NULL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		posting_from_row(st, &p);
		sp.source = column_str(st, 19);
		sp.first_seen = column_str(st, 20);
		sp.last_seen = column_str(st, 21);
		if (fn(&sp, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, err, "cannot read postings");
	return 0;
}
