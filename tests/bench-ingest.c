/*
 * bench-ingest.c - store_upsert into a fresh database, in batched
 * transactions (what a crawl does), for 20k and 100k postings (1M with
 * BENCH_BIG=1); and the 1M-posting database the report rows read, written
 * by a direct SQLite insert (only the columns a report reads).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench-speed.h"
#include "normalize.h"
#include "posting.h"
#include "store.h"
#include "xalloc.h"

/* Postings a transaction holds (and that are generated at a time). */
#define BATCH 10000

static char *scratch_db(const char *what)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/jobstats-bench-%s-%ld.db", dir && *dir ? dir : "/tmp", what,
			       (long)getpid());

	return path;
}

void bench_remove_db(const char *path)
{
	char *p;

	unlink(path);
	p = xasprintf("%s-wal", path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", path);
	unlink(p);
	free(p);
}

static void make_raw(unsigned long n, struct raw_posting *raw)
{
	struct bench_job j;
	char id[24];

	bench_job(n, &j);
	raw_posting_init(raw);
	snprintf(id, sizeof(id), "%ld", j.id);
	raw->title = xstrdup(j.title);
	raw->company = xstrdup(j.company);
	raw->location = xstrdup(j.location);
	raw->employment_type = xstrdup(j.type);
	raw->salary_text = xstrdup(j.salary);
	raw->external_id = xstrdup(id);
	raw->url = xasprintf("https://jobs.bench.example/job/%ld", j.id);
	raw->posted = xstrdup(j.posted);
	raw->description = xasprintf("%s at %s. You will design, build and run the pipelines "
				     "that feed our analytics platform. We value clear writing, "
				     "careful reviews and shipping small changes often. "
				     "Experience with SQL, Python and a cloud provider is "
				     "expected.", j.title, j.company);
	raw->strategy = "rules";
}

/* Upsert postings first..first+n-1 in one transaction: the seconds it took
 * (generating and normalizing them is not timed). */
static double upsert_batch(struct store *s, long long source, unsigned long first, size_t n)
{
	struct raw_posting *raw = xcalloc(n, sizeof(*raw));
	struct posting *p = xcalloc(n, sizeof(*p));
	enum upsert_result res;
	char *err = NULL;
	double start;
	size_t i;

	for (i = 0; i < n; i++) {
		make_raw(first + i, &raw[i]);
		posting_normalize(&raw[i], &p[i]);
	}
	start = bench_now();
	if (store_begin(s, &err) < 0)
		bench_fail("begin: %s", err);
	for (i = 0; i < n; i++)
		if (store_upsert(s, source, 0, &raw[i], &p[i], "2026-11-29T12:00:00Z", &res,
				 &err) < 0)
			bench_fail("store_upsert: %s", err);
	if (store_commit(s, &err) < 0)
		bench_fail("commit: %s", err);
	start = bench_now() - start;
	for (i = 0; i < n; i++) {
		raw_posting_release(&raw[i]);
		posting_release(&p[i]);
	}
	free(raw);
	free(p);
	return start;
}

/* One run: n postings into a fresh database; postings per second. */
static double ingest_run(long n)
{
	char *path = scratch_db("ingest"), *err = NULL;
	struct store *s;
	struct source src;
	double seconds = 0;
	long done;

	bench_remove_db(path);
	if (store_open(path, &s, &err) < 0 ||
	    store_source_add(s, "bench", "https://jobs.bench.example/search", 10, -1, &err) < 0 ||
	    store_source_get(s, "bench", &src, &err) < 0)
		bench_fail("%s: %s", path, err);
	for (done = 0; done < n; done += BATCH)
		seconds += upsert_batch(s, src.id, (unsigned long)done,
					(size_t)(n - done < BATCH ? n - done : BATCH));
	source_release(&src);
	store_free(s);
	bench_remove_db(path);
	free(path);
	return (double)n / seconds;
}

/* The row of n postings, runs times; its median. */
static double ingest_row(long n, int runs)
{
	struct bench_row r;
	char name[40];
	int i;

	snprintf(name, sizeof(name), "ingest %ldk", n / 1000);
	bench_row_init(&r, name, "postings/s");
	bench_rss_reset();
	for (i = 0; i < runs; i++)
		bench_row_add(&r, ingest_run(n));
	r.rss_kb = bench_rss_peak();
	snprintf(r.detail, sizeof(r.detail), "store_upsert, fresh db, %d per transaction, WAL",
		 BATCH);
	bench_row_target(&r, 250000, 0, ">=250k/s");
	bench_row_emit(&r);
	return bench_row_median(&r);
}

void bench_ingest_rows(void)
{
	const char *big = getenv("BENCH_BIG");
	int runs = bench_runs() < 3 ? bench_runs() : 3;
	double rate;

	ingest_row(20000, runs);
	/* One run: at today's rate 100k postings take half a minute. */
	rate = ingest_row(100000, 1);
	if (big != NULL && *big == '1')
		ingest_row(1000000, 1);
	else
		bench_note("ingest 1M", "not run (BENCH_BIG=1 runs it): at the 100k row's rate "
			   "1M would take about %.0f s", 1e6 / rate);
}

static void exec_sql(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		bench_fail("%s: %s", sql, msg);
}

static void insert_posting(sqlite3_stmt *st, long i)
{
	static const char *const levels[BENCH_LEVELS] = { "EN", "MI", "SE", "EX" };
	struct bench_job j;
	char key[32];

	bench_job((unsigned long)i, &j);
	snprintf(key, sizeof(key), "id:%ld", j.id);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, j.title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, j.company, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, levels[j.level], -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 5, (double)j.pay_min);
	sqlite3_bind_double(st, 6, (double)j.pay_max);
	sqlite3_bind_text(st, 7, j.salary, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, j.posted, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_DONE)
		bench_fail("insert: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
	sqlite3_reset(st);
}

/* n postings of the bench's 20 roles and 4 levels, salaries in USD a year,
 * in a database the store created (so its schema is the real one). */
void bench_make_report_db(const char *path, long n)
{
	struct store *s;
	sqlite3 *db;
	sqlite3_stmt *st;
	char *err = NULL;
	long i;

	bench_remove_db(path);
	if (store_open(path, &s, &err) < 0 ||
	    store_source_add(s, "bench", "https://jobs.bench.example/search", 10, -1, &err) < 0)
		bench_fail("%s: %s", path, err);
	store_free(s);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		bench_fail("%s: %s", path, sqlite3_errmsg(db));
	/* Every page in memory until the commit: a 1M-row transaction spilling
	 * a small cache into the WAL took 240 s instead of seconds. */
	exec_sql(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000; BEGIN");
	if (sqlite3_prepare_v2(db, "INSERT INTO postings (source_id, posting_key, title, company, "
			       "country, level, employment_type, salary_min, salary_max, "
			       "salary_currency, salary_period, annual_min, annual_max, "
			       "salary_provenance, salary_text, posted, first_seen, last_seen, "
			       "salary_rule) VALUES ((SELECT id FROM sources), ?1, ?2, ?3, 'US', "
			       "?4, 'FT', ?5, ?6, 'USD', 'year', ?5, ?6, 'structured', ?7, ?8, "
			       "'2026-11-29 12:00:00', '2026-11-29 12:00:00', 'range')",
			       -1, &st, NULL) != SQLITE_OK)
		bench_fail("prepare: %s", sqlite3_errmsg(db));
	for (i = 0; i < n; i++)
		insert_posting(st, i);
	sqlite3_finalize(st);
	exec_sql(db, "COMMIT");
	sqlite3_close(db);
}
