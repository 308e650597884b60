/*
 * bench-ingest.c - store_upsert into a fresh database, in batched
 * transactions (what a crawl does), for 20k and 100k postings (1M with
 * BENCH_BIG=1), beside the schema's own ceiling: the same rows inserted
 * straight into its tables by one prepared statement each; and the
 * 1M-posting database the report rows read, written by a direct SQLite
 * insert (only the columns a report reads).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "bench-speed.h"
#include "identity.h"
#include "normalize.h"
#include "posting.h"
#include "store.h"
#include "xalloc.h"

/* Postings a transaction holds (and that are generated at a time). */
#define BATCH 10000
/* When the postings are seen. */
#define INGEST_NOW "2026-11-29T12:00:00Z"

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

/* Postings first..first+n-1, as extracted and normalized (not timed). */
struct ingest_batch {
	struct raw_posting *raw;
	struct posting *p;
	size_t n;
};

static void batch_make(struct ingest_batch *b, unsigned long first, size_t n)
{
	size_t i;

	b->raw = xcalloc(n, sizeof(*b->raw));
	b->p = xcalloc(n, sizeof(*b->p));
	b->n = n;
	for (i = 0; i < n; i++) {
		make_raw(first + i, &b->raw[i]);
		posting_normalize(&b->raw[i], &b->p[i]);
	}
}

static void batch_release(struct ingest_batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		raw_posting_release(&b->raw[i]);
		posting_release(&b->p[i]);
	}
	free(b->raw);
	free(b->p);
}

/* Upsert a batch in one transaction: the seconds it took. */
static double upsert_batch(struct store *s, long long source, const struct ingest_batch *b)
{
	enum upsert_result res;
	char *err = NULL;
	double start = bench_now();
	size_t i;

	if (store_begin(s, &err) < 0)
		bench_fail("begin: %s", err);
	for (i = 0; i < b->n; i++)
		if (store_upsert(s, source, 0, &b->raw[i], &b->p[i], INGEST_NOW, &res,
				 &err) < 0)
			bench_fail("store_upsert: %s", err);
	if (store_commit(s, &err) < 0)
		bench_fail("commit: %s", err);
	return bench_now() - start;
}

static void exec_sql(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		bench_fail("%s: %s", sql, msg);
}

/*
 * The schema's own ceiling: the rows store_upsert writes for a new posting
 * (its postings row with the table's indexes, and with its raw record and
 * search index entry) inserted by one prepared statement each, the values
 * made before the clock starts, nothing looked up.  What store_upsert
 * costs beyond it is ours: keys, probes, linking, copies.
 */
enum ingest_way {
	WAY_UPSERT,		/* store_upsert */
	WAY_AGAIN,		/* store_upsert of postings stored already, unchanged */
	WAY_POSTINGS,		/* INSERT INTO postings alone */
	WAY_ALL			/* the postings, posting_raw and postings_fts rows */
};

static const char ceiling_posting_sql[] =
	"INSERT INTO postings (source_id, posting_key, match_key, first_seen, last_seen, "
	"external_id, url, title, company, location, remote, country, level, employment_type, "
	"salary_text, salary_min, salary_max, salary_currency, salary_period, annual_min, "
	"annual_max, salary_provenance, description, posted, salary_rule, salary_notes) "
	"VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
	"?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)";
static const char ceiling_raw_sql[] =
	"INSERT INTO posting_raw (posting_id, title, company, location, remote, country, level, "
	"employment_type, salary_text, hint_min, hint_max, hint_currency, hint_period, posted, "
	"strategy, applicant_country) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	"?12, ?13, ?14, ?15, ?16)";
static const char ceiling_fts_sql[] =
	"INSERT INTO postings_fts (rowid, title, company, description) VALUES (?1, ?2, ?3, ?4)";

/* What store_upsert computes for a posting, computed here untimed. */
struct ceiling_row {
	char *key, *match, *url;
	char notes[SALARY_NOTES_TEXT_MAX];
	long long id;
};

/* The bound strings stay until the step: no copies, NULL and "" as NULL. */
static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_num(sqlite3_stmt *st, int i, int present, double v)
{
	if (present)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void step_insert(sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		bench_fail("insert: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
	sqlite3_reset(st);
}

/* The values store_upsert binds for a new posting (store-posting.c). */
static void insert_ceiling_posting(sqlite3_stmt *st, long long source,
				   const struct ceiling_row *r, const struct posting *p)
{
	const struct salary *sal = &p->salary;
	int annual = sal->found && sal->period != PERIOD_UNKNOWN;

	sqlite3_bind_int64(st, 1, source);
	bind_str(st, 2, r->key);
	bind_str(st, 3, r->match);
	bind_str(st, 4, INGEST_NOW);
	bind_str(st, 5, p->external_id);
	bind_str(st, 6, r->url);
	bind_str(st, 7, p->title);
	bind_str(st, 8, p->company);
	bind_str(st, 9, p->location);
	bind_str(st, 10, p->remote);
	bind_str(st, 11, p->country);
	bind_str(st, 12, p->level);
	bind_str(st, 13, p->employment_type);
	bind_str(st, 14, p->salary_text);
	bind_num(st, 15, sal->found, sal->min);
	bind_num(st, 16, sal->found, sal->max);
	bind_str(st, 17, sal->found ? sal->currency : NULL);
	bind_str(st, 18, sal->found ? salary_period_name(sal->period) : NULL);
	bind_num(st, 19, annual, sal->annual_min);
	bind_num(st, 20, annual, sal->annual_max);
	bind_str(st, 21, sal->found ? sal->provenance : NULL);
	bind_str(st, 22, p->description);
	bind_str(st, 23, p->posted);
	bind_str(st, 24, sal->found ? sal->rule : NULL);
	bind_str(st, 25, r->notes);
	step_insert(st);
}

static void insert_ceiling_raw(sqlite3_stmt *st, long long id, const struct raw_posting *raw)
{
	const struct salary_hints *h = &raw->salary_hints;

	sqlite3_bind_int64(st, 1, id);
	bind_str(st, 2, raw->title);
	bind_str(st, 3, raw->company);
	bind_str(st, 4, raw->location);
	bind_str(st, 5, raw->remote);
	bind_str(st, 6, raw->country);
	bind_str(st, 7, raw->level);
	bind_str(st, 8, raw->employment_type);
	bind_str(st, 9, raw->salary_text);
	bind_num(st, 10, h->min != 0, h->min);
	bind_num(st, 11, h->max != 0, h->max);
	bind_str(st, 12, h->currency);
	bind_str(st, 13, salary_period_name(h->period));
	bind_str(st, 14, raw->posted);
	bind_str(st, 15, raw->strategy);
	bind_str(st, 16, raw->applicant_country);
	step_insert(st);
}

static void insert_ceiling_fts(sqlite3_stmt *st, long long id, const struct posting *p)
{
	sqlite3_bind_int64(st, 1, id);
	bind_str(st, 2, p->title);
	bind_str(st, 3, p->company);
	bind_str(st, 4, p->description);
	step_insert(st);
}

/* The ceiling's statements: postings, posting_raw, postings_fts. */
struct ceiling {
	sqlite3 *db;
	sqlite3_stmt *posting, *raw, *fts;
	enum ingest_way way;
};

/* A batch inserted the ceiling's way in one transaction: its seconds. */
static double ceiling_batch(const struct ceiling *c, long long source,
			    const struct ingest_batch *b)
{
	struct ceiling_row *r = xcalloc(b->n, sizeof(*r));
	double start;
	size_t i;

	for (i = 0; i < b->n; i++) {
		r[i].key = identity_key(&b->p[i]);
		r[i].match = identity_match_key(b->p[i].title, b->p[i].company, b->p[i].location);
		r[i].url = url_canonical(b->p[i].url);
		salary_notes_text(b->p[i].salary.found ? b->p[i].salary.notes : 0, r[i].notes);
	}
	start = bench_now();
	exec_sql(c->db, "BEGIN IMMEDIATE");
	for (i = 0; i < b->n; i++) {
		insert_ceiling_posting(c->posting, source, &r[i], &b->p[i]);
		r[i].id = sqlite3_last_insert_rowid(c->db);
		if (c->way == WAY_ALL)
			insert_ceiling_raw(c->raw, r[i].id, &b->raw[i]);
	}
	/* the search index a batch at a time, as store-fts.c does */
	for (i = 0; c->way == WAY_ALL && i < b->n; i++)
		insert_ceiling_fts(c->fts, r[i].id, &b->p[i]);
	exec_sql(c->db, "COMMIT");
	start = bench_now() - start;
	for (i = 0; i < b->n; i++) {
		free(r[i].key);
		free(r[i].match);
		free(r[i].url);
	}
	free(r);
	return start;
}

static void ceiling_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		bench_fail("prepare: %s", sqlite3_errmsg(db));
}

/* Open the database store_open made as store_open does (its pragmas). */
static void ceiling_open(struct ceiling *c, const char *path, enum ingest_way way)
{
	memset(c, 0, sizeof(*c));
	c->way = way;
	if (sqlite3_open(path, &c->db) != SQLITE_OK)
		bench_fail("%s: %s", path, sqlite3_errmsg(c->db));
	exec_sql(c->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
		 "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;");
	ceiling_prepare(c->db, ceiling_posting_sql, &c->posting);
	ceiling_prepare(c->db, ceiling_raw_sql, &c->raw);
	ceiling_prepare(c->db, ceiling_fts_sql, &c->fts);
}

static void ceiling_close(struct ceiling *c)
{
	sqlite3_finalize(c->posting);
	sqlite3_finalize(c->raw);
	sqlite3_finalize(c->fts);
	sqlite3_close(c->db);
}

/* One run: n postings into a fresh database the way given; postings per
 * second. */
static double ingest_run(long n, enum ingest_way way)
{
	char *path = scratch_db("ingest"), *err = NULL;
	struct store *s;
	struct source src;
	struct ceiling c;
	struct ingest_batch b;
	double seconds = 0;
	long done;

	bench_remove_db(path);
	if (store_open(path, &s, &err) < 0 ||
	    store_source_add(s, "bench", "https://jobs.bench.example/search", 10, -1, &err) < 0 ||
	    store_source_get(s, "bench", &src, &err) < 0)
		bench_fail("%s: %s", path, err);
	if (way != WAY_UPSERT && way != WAY_AGAIN) {
		store_free(s);
		ceiling_open(&c, path, way);
	}
	for (done = 0; done < n; done += BATCH) {
		batch_make(&b, (unsigned long)done, (size_t)(n - done < BATCH ? n - done : BATCH));
		if (way == WAY_AGAIN)
			upsert_batch(s, src.id, &b);	/* stored first, not timed */
		seconds += way == WAY_UPSERT || way == WAY_AGAIN ? upsert_batch(s, src.id, &b)
			: ceiling_batch(&c, src.id, &b);
		batch_release(&b);
	}
	if (way == WAY_UPSERT || way == WAY_AGAIN)
		store_free(s);
	else
		ceiling_close(&c);
	source_release(&src);
	bench_remove_db(path);
	free(path);
	return (double)n / seconds;
}

/* The row of n postings stored the way given, runs times; its median.
 * upsert: the store_upsert row's median, for the ceiling rows' ratio. */
static double ingest_row(long n, int runs, enum ingest_way way, double upsert)
{
	static const char *const names[] = { "ingest", "ingest again", "schema postings",
					     "schema +raw+fts" };
	struct bench_row r;
	char name[40];
	int i;

	snprintf(name, sizeof(name), "%s %ldk", names[way], n / 1000);
	bench_row_init(&r, name, "postings/s");
	bench_rss_reset();
	for (i = 0; i < runs; i++)
		bench_row_add(&r, ingest_run(n, way));
	r.rss_kb = bench_rss_peak();
	if (way == WAY_UPSERT)
		snprintf(r.detail, sizeof(r.detail), "store_upsert, fresh db, %d per transaction, "
			 "WAL", BATCH);
	else if (way == WAY_AGAIN)
		snprintf(r.detail, sizeof(r.detail), "store_upsert of the same postings again, "
			 "unchanged (a re-crawl), %d per transaction", BATCH);
	else
		snprintf(r.detail, sizeof(r.detail), "%s by one INSERT each, %d per transaction; "
			 "store_upsert does %.2f of it", way == WAY_POSTINGS ? "postings rows"
			 : "postings, raw and search index rows", BATCH,
			 upsert / bench_row_median(&r));
	bench_row_target(&r, 250000, 0, ">=250k/s");
	bench_row_emit(&r);
	return bench_row_median(&r);
}

void bench_ingest_rows(void)
{
	const char *big = getenv("BENCH_BIG");
	int runs = bench_runs() < 3 ? bench_runs() : 3;
	double rate;

	rate = ingest_row(20000, runs, WAY_UPSERT, 0);
	ingest_row(20000, runs, WAY_POSTINGS, rate);
	ingest_row(20000, runs, WAY_ALL, rate);
	ingest_row(20000, runs, WAY_AGAIN, 0);
	/* One run: at today's rate 100k postings take half a minute. */
	rate = ingest_row(100000, 1, WAY_UPSERT, 0);
	ingest_row(100000, 1, WAY_POSTINGS, rate);
	ingest_row(100000, 1, WAY_ALL, rate);
	if (big != NULL && *big == '1') {
		rate = ingest_row(1000000, 1, WAY_UPSERT, 0);
		ingest_row(1000000, 1, WAY_ALL, rate);
	} else
		bench_note("ingest 1M", "not run (BENCH_BIG=1 runs it): at the 100k row's rate "
			   "1M would take about %.0f s", 1e6 / rate);
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
