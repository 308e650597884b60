/* check_store.c - the SQLite store: schema and migrations, sources,
 * idempotent upserts with raw records, rates, renormalizing. */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "iso-codes.h"
#include "renormalize.h"
#include "store.h"
#include "testdb.h"
#include "testutil.h"
#include "xalloc.h"

static char db_path[64];
static struct store *st;

static void setup(void)
{
	testdb_path(db_path, sizeof(db_path), "check_store");
	st = testdb_open_store(db_path);
}

static void teardown(void)
{
	store_free(st);
	st = NULL;
	testdb_remove(db_path);
}

static long long add_source(const char *name)
{
	return testdb_add_source(st, name);
}

START_TEST(test_sources)
{
	struct source *list, src;
	size_t n;
	char *err = NULL;

	add_source("beta");
	add_source("alpha");
	ck_assert_int_eq(store_source_add(st, "alpha", "file:///x", 1, -1, &err), -1);
	ck_assert_str_eq(err, "source 'alpha' already exists");
	free(err);
	err = NULL;
	ck_assert_int_eq(store_source_list(st, &list, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(list[0].name, "alpha");	/* ordered by name */
	ck_assert_int_eq(list[0].max_pages, 5);
	source_release(&list[0]);
	source_release(&list[1]);
	free(list);
	ck_assert_int_eq(store_source_remove(st, "beta", &err), 0);
	ck_assert_int_eq(store_source_get(st, "beta", &src, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "no source named 'beta'"));
	free(err);
}
END_TEST

static void sample_posting(struct posting *p)
{
	posting_init(p);
	p->title = xstrdup("Data Engineer");
	p->company = xstrdup("murmuration");
	p->external_id = xstrdup("1001");
	p->level = "MI";
	snprintf(p->country, sizeof(p->country), "US");
	p->salary.found = 1;
	p->salary.min = 100000;
	p->salary.max = 130000;
	snprintf(p->salary.currency, sizeof(p->salary.currency), "USD");
	p->salary.period = PERIOD_YEAR;
	p->salary.annual_min = 100000;
	p->salary.annual_max = 130000;
	p->salary.provenance = "text";
	p->salary.rule = "range-inferred-year";
	p->salary.notes = SALARY_SWAPPED | SALARY_CURRENCY_ASSUMED;
}

static int collect(const struct stored_posting *sp, void *ctx)
{
	struct stored_posting *out = ctx;

	ck_assert_str_eq(sp->posting->title, "Data Engineer");
	ck_assert_str_eq(sp->posting->level, "MI");
	ck_assert_double_eq(sp->posting->salary.annual_max, 130000);
	ck_assert_int_eq(sp->posting->salary.period, PERIOD_YEAR);
	/* how the salary was read comes back as it went in */
	ck_assert_str_eq(sp->posting->salary.rule, "range-inferred-year");
	ck_assert_uint_eq(sp->posting->salary.notes, SALARY_SWAPPED | SALARY_CURRENCY_ASSUMED);
	free((char *)out->first_seen);
	free((char *)out->last_seen);
	out->first_seen = xstrdup(sp->first_seen);
	out->last_seen = xstrdup(sp->last_seen);
	out->source = sp->source;	/* not dereferenced after the call */
	return 0;
}

START_TEST(test_upsert_idempotent)
{
	long long src = add_source("demo"), n;
	struct stored_posting seen = { .posting = NULL };
	enum upsert_result r;
	struct posting p;
	char *err = NULL;

	sample_posting(&p);
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-01T00:00:00Z", &r, &err), 0);
	ck_assert_int_eq(r, UPSERT_NEW);
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-02T00:00:00Z", &r, &err), 0);
	ck_assert_int_eq(r, UPSERT_UNCHANGED);
	ck_assert_int_eq(store_count_postings(st, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(store_foreach_posting(st, NULL, collect, &seen, &err), 0);
	ck_assert_str_eq(seen.first_seen, "2025-01-01T00:00:00Z");
	ck_assert_str_eq(seen.last_seen, "2025-01-02T00:00:00Z");

	p.salary.max = 140000;
	p.salary.annual_max = 130000;	/* any changed field is an update */
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-03T00:00:00Z", &r, &err), 0);
	ck_assert_int_eq(r, UPSERT_UPDATED);
	p.salary.notes = SALARY_SWAPPED;	/* what the reading assumed counts too */
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-04T00:00:00Z", &r, &err), 0);
	ck_assert_int_eq(r, UPSERT_UPDATED);
	ck_assert_int_eq(store_count_postings(st, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	free((char *)seen.first_seen);
	free((char *)seen.last_seen);
	posting_release(&p);
}
END_TEST

static int count_rows(const struct stored_posting *sp, void *ctx)
{
	(void)sp;
	++*(int *)ctx;
	return 0;
}

/* Filters combine with AND; values are bound, never pasted into SQL; a
 * posting with no date counts by the day it was first seen. */
START_TEST(test_filter)
{
	static const struct {
		struct posting_filter f;
		int want;
	} cases[] = {
		{ { NULL, NULL, NULL, NULL, NULL, NULL, NULL }, 2 },
		{ { "demo", NULL, NULL, NULL, NULL, NULL, NULL }, 2 },
		{ { "other", NULL, NULL, NULL, NULL, NULL, NULL }, 0 },
		{ { NULL, "SE", NULL, NULL, NULL, NULL, NULL }, 1 },
		{ { NULL, "MI", "US", NULL, NULL, NULL, NULL }, 1 },
		{ { NULL, "MI", "GB", NULL, NULL, NULL, NULL }, 0 },
		{ { NULL, NULL, NULL, "remote", NULL, NULL, NULL }, 1 },
		{ { NULL, NULL, NULL, "onsite", NULL, NULL, NULL }, 0 },
		/* posted 2025-01-10; the other undated, first seen 2025-01-01 */
		{ { NULL, NULL, NULL, NULL, "2025-01-10", NULL, NULL }, 1 },
		{ { NULL, NULL, NULL, NULL, NULL, "2025-01-01", NULL }, 1 },
		{ { NULL, NULL, NULL, NULL, "2025-01-01", "2025-01-10", NULL }, 2 },
		{ { NULL, NULL, NULL, NULL, "2025-01-02", "2025-01-09", NULL }, 0 },
		{ { NULL, NULL, NULL, NULL, NULL, NULL, "O'BRIEN DATA" }, 1 },
		{ { NULL, NULL, NULL, NULL, NULL, NULL, "x' OR '1'='1" }, 0 },
		{ { NULL, "SE", "GB", "remote", "2025-01-10", "2025-01-10", "o'brien data" }, 1 },
	};
	long long src = add_source("demo");
	enum upsert_result r;
	struct posting p;
	char *err = NULL;
	size_t i;
	int n;

	add_source("other");
	sample_posting(&p);
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-01T09:00:00Z", &r, &err), 0);
	free(p.external_id);
	free(p.company);
	p.external_id = xstrdup("1002");
	p.company = xstrdup("O'Brien Data");
	p.posted = xstrdup("2025-01-10");
	p.level = "SE";
	p.remote = "remote";
	snprintf(p.country, sizeof(p.country), "GB");
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-12T09:00:00Z", &r, &err), 0);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = 0;
		ck_assert_int_eq(store_foreach_posting(st, &cases[i].f, count_rows, &n, &err), 0);
		ck_assert_msg(n == cases[i].want, "case %zu: %d postings, expected %d", i, n,
			      cases[i].want);
	}
	posting_release(&p);
}
END_TEST

START_TEST(test_runs)
{
	long long src = add_source("demo"), run;
	struct run_counts c = { .pages = 2, .pages_failed = 1, .postings_seen = 10,
				.postings_new = 8, .postings_updated = 1, .postings_skipped = 1,
				.errors = 1, .warnings = 2 };
	char *err = NULL;

	ck_assert_int_eq(store_run_begin(st, src, NULL, &run, &err), 0);
	ck_assert_int_eq(store_run_finish(st, run, &c, "cannot fetch 'x': HTTP status 500", &err), 0);
}
END_TEST

/* Close the store, run sql on the file directly, and open it again: the
 * open must fail with a message containing want. */
static void assert_refused_after(const char *sql, int expect_rc, const char *want)
{
	struct store *other = NULL;
	sqlite3 *db;
	char *err = NULL;

	store_free(st);
	st = NULL;
	ck_assert_int_eq(sqlite3_open(db_path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), expect_rc);
	sqlite3_close(db);
	ck_assert_int_eq(store_open(db_path, &other, &err), -1);
	ck_assert_msg(strstr(err, want) != NULL, "'%s' lacks '%s'", err, want);
	free(err);
}

/* A database written by a newer jobstats is refused, not damaged. */
START_TEST(test_newer_schema_refused)
{
	assert_refused_after("PRAGMA user_version = 99", SQLITE_OK, "schema version 99");
}
END_TEST

/* Someone else's SQLite file is refused, and left without our tables. */
START_TEST(test_foreign_database_refused)
{
	store_free(st);
	st = NULL;
	unlink(db_path);
	assert_refused_after("CREATE TABLE notes (body TEXT)", SQLITE_OK,
			     "is not a jobstats database");
	assert_refused_after("SELECT count(*) FROM postings", SQLITE_ERROR,
			     "is not a jobstats database");
}
END_TEST

static long long upsert_card(long long src, const char *salary_text)
{
	struct posting p;
	enum upsert_result r;
	char *err = NULL;
	long long n;

	posting_init(&p);
	p.title = xstrdup("Data Engineer");
	p.company = xstrdup("murmuration");
	p.location = xstrdup("Remote");
	p.salary_text = xstrdup(salary_text);
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-01T00:00:00Z", &r, &err), 0);
	posting_release(&p);
	ck_assert_int_eq(store_count_postings(st, &n, &err), 0);
	return n;
}

/* Without an id or URL, cards that differ only in pay are two postings. */
START_TEST(test_card_key)
{
	long long src = add_source("cards");

	ck_assert_int_eq(upsert_card(src, "USD 100K - 130K"), 1);
	ck_assert_int_eq(upsert_card(src, "USD 140K - 170K"), 2);
	ck_assert_int_eq(upsert_card(src, "USD 100K - 130K"), 2);
}
END_TEST


/* Run SQL on the test database behind the store's back (the store stays open). */
static void sql_exec(const char *sql)
{
	testdb_exec(db_path, sql);
}

/* The first column of the first row of sql, as text ("" for NULL). */
static char *sql_text(const char *sql)
{
	return testdb_text(db_path, sql);
}

static void assert_sql(const char *sql, const char *want)
{
	char *got = sql_text(sql);

	ck_assert_msg(strcmp(got, want) == 0, "%s: '%s', expected '%s'", sql, got, want);
	free(got);
}

/* Every table's columns (name, type, not null, default, key), one string. */
static char *schema_of(void)
{
	return sql_text("SELECT group_concat(t.name || '(' || c.cols || ')', ' ') FROM "
			"(SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name) t, "
			"(SELECT m.name AS tname, group_concat(p.name || ' ' || p.type || ' ' || "
			"p.\"notnull\" || ' ' || ifnull(p.dflt_value, '-') || ' ' || p.pk, ', ') "
			"AS cols FROM sqlite_master m, pragma_table_info(m.name) p "
			"WHERE m.type = 'table' GROUP BY m.name) c WHERE c.tname = t.name");
}

/* Every index and trigger (type, name, table), and the virtual tables'
 * definitions, one string: what schema_of does not see. */
static char *objects_of(void)
{
	return sql_text("SELECT group_concat(o, '; ') FROM (SELECT type || ' ' || name || ' ON ' "
			"|| tbl_name || CASE WHEN sql LIKE 'CREATE VIRTUAL%' THEN ' ' || sql "
			"ELSE '' END AS o FROM sqlite_master WHERE type IN ('index', 'trigger') "
			"OR sql LIKE 'CREATE VIRTUAL%' ORDER BY type, name)");
}

/* Close the store and start the database anew from a schema as it
 * shipped, tests/fixtures/NAME. */
static void make_old_schema(const char *name)
{
	char *rel = xasprintf("tests/fixtures/%s", name);
	char *path = test_srcdir_path(rel);
	char *schema = test_read_file(path, NULL);

	ck_assert_msg(schema != NULL, "cannot read %s", path);
	store_free(st);
	st = NULL;
	teardown();
	sql_exec(schema);
	free(schema);
	free(path);
	free(rel);
}

/* A version 1 database, made with the version 1 schema as it shipped
 * (tests/fixtures/schema-v1.sql), holding one posting. */
static void make_v1_database(void)
{
	make_old_schema("schema-v1.sql");
	sql_exec("PRAGMA user_version = 1;"
		 "INSERT INTO sources (id, name, url, added_at) VALUES "
		 "(7, 'old', 'file:///old/board.html', '2024-06-01T00:00:00Z');"
		 "INSERT INTO postings (source_id, posting_key, external_id, title, company, "
		 "location, remote, country, level, employment_type, salary_text, salary_min, "
		 "salary_max, salary_currency, salary_period, annual_min, annual_max, "
		 "salary_provenance, posted, first_seen, last_seen) VALUES (7, 'id:41', '41', "
		 "'Data Engineer', 'Lakeside Bank', 'London, United Kingdom', 'onsite', 'GB', "
		 "'MI', 'FT', 'GBP 60K - 75K', 60000, 75000, 'GBP', 'year', 60000, 75000, 'text', "
		 "'2024-06-01', '2024-06-01T00:00:00Z', '2024-06-02T00:00:00Z')");
}

static int collect_v1(const struct stored_posting *sp, void *ctx)
{
	const struct posting *p = sp->posting;

	ck_assert_str_eq(sp->source, "old");
	ck_assert_str_eq(p->title, "Data Engineer");
	ck_assert_str_eq(p->company, "Lakeside Bank");
	ck_assert_str_eq(p->country, "GB");
	ck_assert_str_eq(p->level, "MI");
	ck_assert_str_eq(p->salary.currency, "GBP");
	ck_assert_double_eq(p->salary.annual_max, 75000);
	ck_assert_str_eq(sp->first_seen, "2024-06-01T00:00:00Z");
	ck_assert_str_eq(sp->last_seen, "2024-06-02T00:00:00Z");
	(*(int *)ctx)++;
	return 0;
}

/* Opening a version 1 database upgrades it, keeping what it holds. */
/* The upgraded schema is the fresh one, column for column, and its
 * indexes, triggers and search index too; frees both. */
static void assert_schema_is(char *fresh, char *fresh_objects)
{
	char *migrated = schema_of(), *migrated_objects = objects_of();

	ck_assert_str_eq(migrated, fresh);
	ck_assert_str_eq(migrated_objects, fresh_objects);
	free(fresh);
	free(migrated);
	free(fresh_objects);
	free(migrated_objects);
}

START_TEST(test_migrate_v1)
{
	char *err = NULL, *fresh, *fresh_objects;
	int n = 0;

	fresh = schema_of();
	fresh_objects = objects_of();
	make_v1_database();
	assert_sql("PRAGMA user_version", "1");
	ck_assert_msg(store_open(db_path, &st, &err) == 0, "store_open: %s", err);
	assert_sql("PRAGMA user_version", "6");
	ck_assert_int_eq(store_foreach_posting(st, NULL, collect_v1, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	assert_sql("SELECT count(*) FROM posting_raw", "0");
	assert_sql("SELECT count(*) FROM rates", "31");
	assert_sql("SELECT as_of || ' ' || per_usd FROM rates WHERE currency = 'USD'",
		   "2023-12-29 1.0");
	ck_assert_ptr_nonnull(strstr(fresh_objects, "trigger postings_fts_update ON postings"));
	ck_assert_ptr_nonnull(strstr(fresh, "postings_fts(title "));
	/* the version 1 posting was indexed by the migration */
	assert_sql("SELECT count(*) FROM postings_fts WHERE postings_fts MATCH 'lakeside'", "1");
	ck_assert_ptr_nonnull(strstr(fresh, "posting_raw(posting_id INTEGER 0 - 1, title TEXT"));
	ck_assert_ptr_nonnull(strstr(fresh, "rates(currency TEXT 0 - 1, per_usd REAL 1 - 0"));
	assert_schema_is(fresh, fresh_objects);
}
END_TEST

/* Opening a version 4 database (tests/fixtures/schema-v4.sql) upgrades
 * it to the fresh schema, keeping its rows: its finished runs get the
 * outcome their counts imply, its postings are open. */
START_TEST(test_migrate_v4)
{
	char *err = NULL, *fresh, *fresh_objects;
	struct source src;

	fresh = schema_of();
	fresh_objects = objects_of();
	make_old_schema("schema-v4.sql");
	sql_exec("PRAGMA user_version = 4;"
		 "INSERT INTO sources (id, name, url, added_at) VALUES "
		 "(3, 'old', 'file:///old/board.html', '2025-06-01T00:00:00Z');"
		 "INSERT INTO runs (source_id, started_at, finished_at, pages, pages_failed, "
		 "errors) VALUES (3, '2025-06-01T00:00:00Z', '2025-06-01T00:01:00Z', 2, 0, 0),"
		 "(3, '2025-06-02T00:00:00Z', '2025-06-02T00:01:00Z', 1, 1, 1),"
		 "(3, '2025-06-03T00:00:00Z', '2025-06-03T00:01:00Z', 0, 1, 1),"
		 "(3, '2025-06-04T00:00:00Z', NULL, 0, 0, 0);"
		 "INSERT INTO postings (source_id, posting_key, title, first_seen, last_seen) "
		 "VALUES (3, 'id:1', 'Data Engineer', '2025-06-01T00:00:00Z', "
		 "'2025-06-02T00:00:00Z')");
	ck_assert_msg(store_open(db_path, &st, &err) == 0, "store_open: %s", err);
	assert_sql("PRAGMA user_version", "6");
	assert_sql("SELECT group_concat(ifnull(outcome, '-'), ' ') FROM (SELECT outcome FROM runs "
		   "ORDER BY id)", "ok partial failed -");
	assert_sql("SELECT count(*) FROM postings WHERE closed_at IS NULL AND page_id IS NULL", "1");
	ck_assert_int_eq(store_source_get(st, "old", &src, &err), 0);
	ck_assert(src.delay < 0);	/* NULL: the default */
	source_release(&src);
	ck_assert_ptr_nonnull(strstr(fresh, "pages(id INTEGER 0 - 1, source_id INTEGER 1 - 0"));
	ck_assert_ptr_nonnull(strstr(fresh, "closed_at TEXT 0 - 0)"));
	ck_assert_ptr_nonnull(strstr(fresh_objects, "index postings_page_id ON postings"));
	assert_schema_is(fresh, fresh_objects);
}
END_TEST

/* Store one posting of a source: title, company, location, URL, date. */
static enum upsert_result upsert_job(long long src, const char *title, const char *company,
				     const char *location, const char *url, const char *posted)
{
	enum upsert_result r;
	struct posting p;
	char *err = NULL;

	posting_init(&p);
	p.title = xstrdup(title);
	p.company = xstrdup(company);
	p.location = xstrdup(location);
	p.url = xstrdup(url);
	p.posted = xstrdup_or_null(posted);
	ck_assert_msg(store_upsert(st, src, 0, NULL, &p, "2025-01-20T00:00:00Z", &r, &err) == 0,
		      "store_upsert: %s", err);
	posting_release(&p);
	return r;
}

/* Opening a version 5 database (tests/fixtures/schema-v5.sql, its search
 * index with the insert trigger) upgrades it to the fresh schema: the
 * trigger goes, the store indexes new postings itself, and what the index
 * held stays in it. */
START_TEST(test_migrate_v5)
{
	char *err = NULL, *fresh, *fresh_objects;

	fresh = schema_of();
	fresh_objects = objects_of();
	ck_assert_ptr_null(strstr(fresh_objects, "postings_fts_insert"));
	make_old_schema("schema-v5.sql");
	sql_exec("PRAGMA user_version = 5;"
		 "INSERT INTO sources (id, name, url, added_at) VALUES "
		 "(3, 'old', 'file:///old/board.html', '2025-06-01T00:00:00Z');"
		 "INSERT INTO postings (source_id, posting_key, title, company, first_seen, "
		 "last_seen) VALUES (3, 'id:1', 'Data Engineer', 'Lakeside Bank', "
		 "'2025-06-01T00:00:00Z', '2025-06-02T00:00:00Z')");
	assert_sql("SELECT count(*) FROM postings_fts WHERE postings_fts MATCH 'lakeside'", "1");
	ck_assert_msg(store_open(db_path, &st, &err) == 0, "store_open: %s", err);
	assert_sql("PRAGMA user_version", "6");
	assert_sql("SELECT count(*) FROM sqlite_master WHERE name = 'postings_fts_insert'", "0");
	ck_assert_int_eq(upsert_job(3, "Data Analyst", "Lakeside Bank", "London",
				    "https://jobs.example/j/2", NULL),
			 UPSERT_NEW);
	assert_sql("SELECT group_concat(rowid, ' ') FROM postings_fts "
		   "WHERE postings_fts MATCH 'lakeside'", "1 2");
	sql_exec("INSERT INTO postings_fts (postings_fts) VALUES ('integrity-check')");
	assert_schema_is(fresh, fresh_objects);
}
END_TEST

/* What store_foreach_posting says of each posting, one line each. */
static int describe(const struct stored_posting *sp, void *ctx)
{
	buf_printf(ctx, "%s %lld dup=%d of=%lld also=%s\n", sp->source, sp->id, sp->duplicate,
		   sp->duplicate_of, sp->also_on ? sp->also_on : "-");
	return 0;
}

static void assert_postings(const struct posting_filter *f, const char *want)
{
	struct buf b = BUF_INIT;
	char *err = NULL;

	ck_assert_int_eq(store_foreach_posting(st, f, describe, &b, &err), 0);
	ck_assert_msg(strcmp(buf_str(&b), want) == 0, "got:\n%s\nexpected:\n%s", buf_str(&b), want);
	buf_release(&b);
}

/* One job on two boards: linked to the earliest, shown as a duplicate only
 * when the posting it duplicates is read too. */
START_TEST(test_link_sources)
{
	long long alpha = add_source("alpha"), beta = add_source("beta"), gamma;
	const struct posting_filter only_beta = { .source = "beta" };
	const struct posting_filter late = { .since = "2025-01-12" };
	struct renormalize_counts k;
	char *err = NULL;

	gamma = add_source("gamma");
	upsert_job(alpha, "Data Engineer", "Acme, Inc.", "Berlin, Germany",
		   "https://alpha.example/j/1", "2025-01-10");
	upsert_job(beta, "data engineer", "ACME GmbH", "Berlin Germany",
		   "https://beta.example/jobs/77", "2025-01-15");
	/* a second opening on beta that looks the same: a job of its own */
	upsert_job(beta, "Data Engineer", "Acme", "Berlin, Germany",
		   "https://beta.example/jobs/78", "2025-01-16");
	/* a month later on gamma: another job */
	upsert_job(gamma, "Data Engineer", "Acme", "Berlin, Germany",
		   "https://gamma.example/9", "2025-02-20");
	assert_postings(NULL, "alpha 1 dup=0 of=0 also=beta\nbeta 2 dup=1 of=1 also=-\n"
			"beta 3 dup=0 of=0 also=-\ngamma 4 dup=0 of=0 also=-\n");
	/* beta alone, or without alpha's posting: beta's counts */
	assert_postings(&only_beta, "beta 2 dup=0 of=1 also=-\nbeta 3 dup=0 of=0 also=-\n");
	assert_postings(&late, "beta 2 dup=0 of=1 also=-\nbeta 3 dup=0 of=0 also=-\n"
			"gamma 4 dup=0 of=0 also=-\n");
	/* a recrawl changes nothing; renormalize finds every link in place */
	ck_assert_int_eq(upsert_job(beta, "data engineer", "ACME GmbH", "Berlin Germany",
				    "https://beta.example/jobs/77?utm_source=feed", "2025-01-15"),
			 UPSERT_UNCHANGED);
	ck_assert_int_eq(store_renormalize(st, NULL, renormalize_posting, &k, &err), 0);
	ck_assert_uint_eq(k.identity.rekeyed, 0);
	ck_assert_uint_eq(k.identity.relinked, 0);
	/* an earlier posting on gamma becomes the job's first */
	upsert_job(gamma, "Data Engineer", "Acme", "Berlin", "https://gamma.example/8",
		   "2025-01-09");
	assert_sql("SELECT group_concat(id || ':' || ifnull(duplicate_of, '-'), ' ') "
		   "FROM (SELECT * FROM postings ORDER BY id)", "1:- 2:1 3:- 4:- 5:-");
	upsert_job(gamma, "Data Engineer", "Acme", "Berlin, Germany", "https://gamma.example/8",
		   "2025-01-09");
	assert_sql("SELECT group_concat(id || ':' || ifnull(duplicate_of, '-'), ' ') "
		   "FROM (SELECT * FROM postings ORDER BY id)", "1:5 2:5 3:- 4:- 5:-");
	/* its source removed, the others stand alone or link anew */
	ck_assert_int_eq(store_source_remove(st, "gamma", &err), 0);
	assert_sql("SELECT group_concat(id || ':' || ifnull(duplicate_of, '-'), ' ') "
		   "FROM (SELECT * FROM postings ORDER BY id)", "1:- 2:1 3:-");
}
END_TEST

/* A database whose keys older versions made: upgraded, a posting known by
 * two URLs that differ only in tracking is one posting (the earliest
 * first_seen, the latest fields), cards are keyed anew, and a recrawl
 * finds every posting again. */
START_TEST(test_migrate_keys)
{
	char *err = NULL;
	long long n;

	make_v1_database();
	sql_exec("INSERT INTO sources (id, name, url, added_at) VALUES "
		 "(8, 'other', 'file:///other.html', '2024-06-01T00:00:00Z');"
		 "INSERT INTO postings (source_id, posting_key, url, title, company, location, "
		 "salary_text, posted, first_seen, last_seen, external_id) VALUES "
		 "(7, 'url:https://Jobs.example/j/1?utm_source=feed&refId=9', "
		 "'https://Jobs.example/j/1?utm_source=feed&refId=9', 'ML Engineer', 'Acme', "
		 "'Remote', NULL, NULL, '2024-06-01T00:00:00Z', '2024-06-05T00:00:00Z', NULL),"
		 "(7, 'url:https://jobs.example/j/1?trk=mail', 'https://jobs.example/j/1?trk=mail', "
		 "'ML Engineer', 'Acme', 'Remote', 'USD 150K', NULL, '2024-06-03T00:00:00Z', "
		 "'2024-06-09T00:00:00Z', NULL),"
		 "(7, 'card:Data Analyst|murmuration|Remote|USD 90K - 110K', NULL, 'Data Analyst', "
		 "'murmuration', 'Remote', 'USD 90K - 110K', NULL, '2024-06-01T00:00:00Z', "
		 "'2024-06-02T00:00:00Z', NULL),"
		 "(8, 'id:x1', NULL, 'Data Engineer', 'Lakeside Bank Ltd', 'London, United Kingdom', "
		 "NULL, '2024-06-03', '2024-06-03T00:00:00Z', '2024-06-03T00:00:00Z', 'x1')");
	ck_assert_msg(store_open(db_path, &st, &err) == 0, "store_open: %s", err);
	assert_sql("PRAGMA user_version", "6");
	assert_sql("SELECT group_concat(posting_key || ' ' || first_seen || ' ' || last_seen || ' ' "
		   "|| ifnull(salary_text, '-'), ' / ') FROM (SELECT * FROM postings ORDER BY id)",
		   "id:41 2024-06-01T00:00:00Z 2024-06-02T00:00:00Z GBP 60K - 75K / "
		   "url:https://jobs.example/j/1 2024-06-01T00:00:00Z 2024-06-09T00:00:00Z USD 150K / "
		   "card:data analyst|murmuration|remote|usd 90k 110k 2024-06-01T00:00:00Z "
		   "2024-06-02T00:00:00Z USD 90K - 110K / "
		   "id:x1 2024-06-03T00:00:00Z 2024-06-03T00:00:00Z -");
	/* the bank's job on both sources: the later one duplicates the first */
	assert_sql("SELECT group_concat(ifnull(duplicate_of, '-'), ' ') FROM "
		   "(SELECT duplicate_of FROM postings ORDER BY id)", "- - - 1");
	ck_assert_int_eq(upsert_job(7, "ML Engineer", "Acme", "Remote",
				    "https://jobs.example/j/1?utm_source=x", NULL), UPSERT_UPDATED);
	ck_assert_int_eq(store_count_postings(st, &n, &err), 0);
	ck_assert_int_eq(n, 4);
	ck_assert_int_eq(upsert_card(7, "USD 90K - 110K"), 5);	/* another title: new */
}
END_TEST

/* A migration that fails leaves the version 1 database as it was. */
START_TEST(test_migrate_all_or_nothing)
{
	struct store *other = NULL;
	char *err = NULL;

	make_v1_database();
	sql_exec("CREATE TABLE rates (x TEXT)");	/* migrate-2.sql will collide */
	ck_assert_int_eq(store_open(db_path, &other, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "table rates already exists"));
	free(err);
	assert_sql("PRAGMA user_version", "1");
	assert_sql("SELECT count(*) FROM sqlite_master WHERE name = 'posting_raw'", "0");
	assert_sql("SELECT count(*) FROM postings", "1");
}
END_TEST

static void sample_raw(struct raw_posting *raw, const char *level, const char *salary)
{
	raw_posting_init(raw);
	raw->title = xstrdup("Data Engineer");
	raw->company = xstrdup("murmuration");
	raw->location = xstrdup("Remote (anywhere in the U.S.)");
	raw->level = xstrdup(level);
	raw->employment_type = xstrdup("Full Time");
	raw->salary_text = xstrdup(salary);
	raw->external_id = xstrdup("1001");
	raw->posted = xstrdup("2025-01-10");
	raw->strategy = "cards";
}

static enum upsert_result upsert_raw(long long src, const struct raw_posting *raw)
{
	enum upsert_result r;
	struct posting p;
	char *err = NULL;

	posting_normalize(raw, &p);
	ck_assert_msg(store_upsert(st, src, 0, raw, &p, "2025-01-10T00:00:00Z", &r, &err) == 0,
		      "store_upsert: %s", err);
	posting_release(&p);
	return r;
}

/* The raw record is stored beside the posting; a change in it is an update. */
START_TEST(test_raw_record)
{
	long long src = add_source("demo");
	struct raw_posting raw, other;

	sample_raw(&raw, "Mid-level / Intermediate", "USD 100K - 130K");
	raw.salary_hints.min = 100000;
	snprintf(raw.salary_hints.currency, sizeof(raw.salary_hints.currency), "USD");
	ck_assert_int_eq(upsert_raw(src, &raw), UPSERT_NEW);
	assert_sql("SELECT level || '|' || employment_type || '|' || salary_text || '|' || "
		   "hint_min || '|' || hint_currency || '|' || strategy || '|' || "
		   "ifnull(hint_max, 'null') FROM posting_raw",
		   "Mid-level / Intermediate|Full Time|USD 100K - 130K|100000.0|USD|cards|null");
	ck_assert_int_eq(upsert_raw(src, &raw), UPSERT_UNCHANGED);
	/* Same normalized posting ("MI" either way), other words on the page. */
	sample_raw(&other, "Mid level", "USD 100K - 130K");
	other.salary_hints = raw.salary_hints;
	ck_assert_int_eq(upsert_raw(src, &other), UPSERT_UPDATED);
	assert_sql("SELECT level FROM posting_raw", "Mid level");
	assert_sql("SELECT count(*) FROM posting_raw", "1");
	/* A posting stored without one (schema 1) gets one, quietly. */
	sql_exec("DELETE FROM posting_raw");
	ck_assert_int_eq(upsert_raw(src, &other), UPSERT_UNCHANGED);
	assert_sql("SELECT count(*) FROM posting_raw", "1");
	/* Removing the source removes the raw records too. */
	ck_assert_int_eq(store_source_remove(st, "demo", NULL), 0);
	assert_sql("SELECT count(*) FROM posting_raw", "0");
	raw_posting_release(&raw);
	raw_posting_release(&other);
}
END_TEST

/* A hostile page's megabyte title is cut before it is stored, raw or not. */
START_TEST(test_raw_bounded)
{
	long long src = add_source("demo");
	struct raw_posting raw;
	char *big = xmalloc(100000);

	memset(big, 'x', 99999);
	big[99999] = '\0';
	sample_raw(&raw, "Senior", "USD 1");
	free(raw.title);
	raw.title = big;
	ck_assert_int_eq(upsert_raw(src, &raw), UPSERT_NEW);
	assert_sql("SELECT length(title) FROM posting_raw", "1024");
	raw_posting_release(&raw);
}
END_TEST

START_TEST(test_rates)
{
	struct rate r = { "GBP", 0.8, "2025-01-17", (char *)"test" }, *v;
	size_t n, i;
	char *err = NULL;

	ck_assert_int_eq(store_rates_list(st, &v, &n, &err), 0);
	ck_assert_uint_eq(n, 31);	/* the snapshot a new database starts with */
	ck_assert_str_eq(v[0].currency, "AUD");	/* by code */
	ck_assert_ptr_nonnull(rates_find(v, n, "EUR"));
	ck_assert_double_eq_tol(rates_find(v, n, "EUR")->per_usd, 1 / 1.1050, 1e-12);
	ck_assert_double_eq_tol(rates_find(v, n, "JPY")->per_usd, 156.33 / 1.1050, 1e-9);
	ck_assert_str_eq(rates_find(v, n, "GBP")->as_of, "2023-12-29");
	for (i = 0; i < n; i++)	/* each a code "rates set" would take */
		ck_assert_msg(iso_currency_known(v[i].currency), "%s", v[i].currency);
	rates_free(v, n);
	ck_assert_int_eq(store_rate_set(st, &r, &err), 0);
	snprintf(r.currency, sizeof(r.currency), "XTS");
	ck_assert_int_eq(store_rate_set(st, &r, &err), 0);
	ck_assert_int_eq(store_rates_list(st, &v, &n, &err), 0);
	ck_assert_uint_eq(n, 32);
	ck_assert_double_eq(rates_find(v, n, "GBP")->per_usd, 0.8);
	ck_assert_str_eq(rates_find(v, n, "GBP")->as_of, "2025-01-17");
	ck_assert_str_eq(rates_find(v, n, "GBP")->source, "test");
	rates_free(v, n);
	snprintf(r.currency, sizeof(r.currency), "USD");
	ck_assert_int_eq(store_rate_set(st, &r, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "USD is always 1"));
	free(err);
}
END_TEST

/* Stored postings, one column changed behind jobstats' back as an old rule
 * would have left it: renormalize puts back what today's rules say. */
START_TEST(test_renormalize)
{
	long long src = add_source("demo");
	struct renormalize_counts k;
	struct raw_posting raw;
	struct posting p;
	enum upsert_result r;
	char *err = NULL;

	sample_raw(&raw, "Mid-level / Intermediate", "USD 100K - 130K");
	upsert_raw(src, &raw);
	free(raw.external_id);
	raw.external_id = xstrdup("1002");
	upsert_raw(src, &raw);
	/* A third posting without a raw record, as schema 1 stored them. */
	free(raw.external_id);
	raw.external_id = xstrdup("1003");
	posting_normalize(&raw, &p);
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-10T00:00:00Z", &r, &err), 0);
	posting_release(&p);
	raw_posting_release(&raw);

	ck_assert_int_eq(store_renormalize(st, NULL, renormalize_posting, &k, &err), 0);
	ck_assert_uint_eq(k.postings, 3);
	ck_assert_uint_eq(k.changed, 0);
	ck_assert_uint_eq(k.without_raw, 1);

	sql_exec("UPDATE postings SET level = 'SE', annual_min = 1, remote = NULL "
		 "WHERE external_id = '1001';"
		 "UPDATE postings SET annual_max = 2, employment_type = 'PT' "
		 "WHERE external_id = '1003'");
	ck_assert_int_eq(store_renormalize(st, "demo", renormalize_posting, &k, &err), 0);
	ck_assert_uint_eq(k.postings, 3);
	ck_assert_uint_eq(k.changed, 2);
	assert_sql("SELECT level || ' ' || annual_min || ' ' || remote FROM postings "
		   "WHERE external_id = '1001'", "MI 100000.0 remote");
	/* Without a raw record the salary text is re-read; the stored code stands
	 * in for the lost employment-type label. */
	assert_sql("SELECT annual_max || ' ' || employment_type FROM postings "
		   "WHERE external_id = '1003'", "130000.0 PT");
	assert_sql("SELECT count(DISTINCT last_seen) FROM postings", "1");
}
END_TEST

/* A salary read in the description: renormalize reads the stored
 * description (posting_raw keeps none) and gets what crawl got. */
START_TEST(test_renormalize_description)
{
	long long src = add_source("demo");
	struct renormalize_counts k;
	struct raw_posting raw;
	char *err = NULL;
	static const char *const columns =
		"SELECT salary_min || ' ' || salary_max || ' ' || salary_currency || ' ' || "
		"salary_period || ' ' || salary_provenance || ' ' || salary_rule || ' ' || "
		"salary_notes FROM postings";

	sample_raw(&raw, "Senior", "Competitive");	/* a card that states no figure */
	raw.description = xstrdup("Compensation\nThe range for this role is $170,000-720,000.");
	ck_assert_int_eq(upsert_raw(src, &raw), UPSERT_NEW);
	assert_sql(columns, "170000.0 720000.0 USD year text range-inferred-year "
		   "currency-by-country from-description");
	ck_assert_int_eq(store_renormalize(st, NULL, renormalize_posting, &k, &err), 0);
	ck_assert_uint_eq(k.changed, 0);
	sql_exec("UPDATE postings SET salary_min = NULL, salary_max = NULL, salary_currency = NULL, "
		 "salary_period = NULL, annual_min = NULL, annual_max = NULL, "
		 "salary_provenance = NULL, salary_rule = NULL, salary_notes = ''");
	ck_assert_int_eq(store_renormalize(st, NULL, renormalize_posting, &k, &err), 0);
	ck_assert_uint_eq(k.changed, 1);
	assert_sql(columns, "170000.0 720000.0 USD year text range-inferred-year "
		   "currency-by-country from-description");
	/* the same without a raw record (schema 1) */
	sql_exec("DELETE FROM posting_raw; UPDATE postings SET salary_min = 1");
	ck_assert_int_eq(store_renormalize(st, NULL, renormalize_posting, &k, &err), 0);
	ck_assert_uint_eq(k.changed, 1);
	assert_sql(columns, "170000.0 720000.0 USD year text range-inferred-year "
		   "currency-by-country from-description");
	raw_posting_release(&raw);
}
END_TEST

/* Many postings (more than one batch) in one transaction. */
START_TEST(test_renormalize_batches)
{
	long long src = add_source("demo");
	struct renormalize_counts k;
	struct raw_posting raw;
	char *err = NULL;
	int i;

	ck_assert_int_eq(store_begin(st, &err), 0);
	sample_raw(&raw, "Senior", "USD 100K - 130K");
	for (i = 0; i < 600; i++) {
		free(raw.external_id);
		raw.external_id = xasprintf("%d", i);
		upsert_raw(src, &raw);
	}
	raw_posting_release(&raw);
	ck_assert_int_eq(store_commit(st, &err), 0);
	sql_exec("UPDATE postings SET level = NULL WHERE id % 7 = 0");
	ck_assert_int_eq(store_renormalize(st, NULL, renormalize_posting, &k, &err), 0);
	ck_assert_uint_eq(k.postings, 600);
	ck_assert_uint_eq(k.changed, 85);	/* ids 7, 14, ..., 595 */
	assert_sql("SELECT count(*) FROM postings WHERE level = 'SE'", "600");
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_sources);
	tcase_add_test(tc, test_upsert_idempotent);
	tcase_add_test(tc, test_runs);
	tcase_add_test(tc, test_newer_schema_refused);
	tcase_add_test(tc, test_foreign_database_refused);
	tcase_add_test(tc, test_card_key);
	tcase_add_test(tc, test_migrate_v1);
	tcase_add_test(tc, test_migrate_v4);
	tcase_add_test(tc, test_migrate_v5);
	tcase_add_test(tc, test_migrate_all_or_nothing);
	tcase_add_test(tc, test_raw_record);
	tcase_add_test(tc, test_raw_bounded);
	tcase_add_test(tc, test_rates);
	tcase_add_test(tc, test_renormalize);
	tcase_add_test(tc, test_renormalize_batches);
	tcase_add_test(tc, test_renormalize_description);
	tcase_add_test(tc, test_filter);
	tcase_add_test(tc, test_link_sources);
	tcase_add_test(tc, test_migrate_keys);
	suite_add_tcase(s, tc);
	return s;
}
