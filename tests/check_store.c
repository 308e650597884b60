/* check_store.c - the SQLite store: schema, sources, idempotent upserts. */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store.h"
#include "xalloc.h"

static char db_path[64];
static struct store *st;

static void setup(void)
{
	char *err = NULL;
	int fd;

	snprintf(db_path, sizeof(db_path), "/tmp/check_store.XXXXXX");
	fd = mkstemp(db_path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(db_path);
	ck_assert_msg(store_open(db_path, &st, &err) == 0, "store_open: %s", err);
}

static void teardown(void)
{
	char extra[80];

	store_free(st);
	st = NULL;
	unlink(db_path);
	snprintf(extra, sizeof(extra), "%s-wal", db_path);
	unlink(extra);
	snprintf(extra, sizeof(extra), "%s-shm", db_path);
	unlink(extra);
}

static long long add_source(const char *name)
{
	struct source src;
	char *err = NULL;
	long long id;

	ck_assert_int_eq(store_source_add(st, name, "https://jobs.example.test/", 5, &err), 0);
	ck_assert_int_eq(store_source_get(st, name, &src, &err), 0);
	id = src.id;
	source_release(&src);
	return id;
}

START_TEST(test_sources)
{
	struct source *list, src;
	size_t n;
	char *err = NULL;

	add_source("beta");
	add_source("alpha");
	ck_assert_int_eq(store_source_add(st, "alpha", "file:///x", 1, &err), -1);
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
}

static int collect(const struct stored_posting *sp, void *ctx)
{
	struct stored_posting *out = ctx;

	ck_assert_str_eq(sp->posting->title, "Data Engineer");
	ck_assert_str_eq(sp->posting->level, "MI");
	ck_assert_double_eq(sp->posting->salary.annual_max, 130000);
	ck_assert_int_eq(sp->posting->salary.period, PERIOD_YEAR);
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
	struct stored_posting seen = { NULL, NULL, NULL, NULL };
	enum upsert_result r;
	struct posting p;
	char *err = NULL;

	sample_posting(&p);
	ck_assert_int_eq(store_upsert(st, src, &p, "2025-01-01T00:00:00Z", &r, &err), 0);
	ck_assert_int_eq(r, UPSERT_NEW);
	ck_assert_int_eq(store_upsert(st, src, &p, "2025-01-02T00:00:00Z", &r, &err), 0);
	ck_assert_int_eq(r, UPSERT_UNCHANGED);
	ck_assert_int_eq(store_count_postings(st, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(store_foreach_posting(st, NULL, collect, &seen, &err), 0);
	ck_assert_str_eq(seen.first_seen, "2025-01-01T00:00:00Z");
	ck_assert_str_eq(seen.last_seen, "2025-01-02T00:00:00Z");

	p.salary.max = 140000;
	p.salary.annual_max = 130000;	/* any changed field is an update */
	ck_assert_int_eq(store_upsert(st, src, &p, "2025-01-03T00:00:00Z", &r, &err), 0);
	ck_assert_int_eq(r, UPSERT_UPDATED);
	ck_assert_int_eq(store_count_postings(st, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	free((char *)seen.first_seen);
	free((char *)seen.last_seen);
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

	ck_assert_int_eq(store_run_begin(st, src, &run, &err), 0);
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
	ck_assert_int_eq(store_upsert(st, src, &p, "2025-01-01T00:00:00Z", &r, &err), 0);
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
	suite_add_tcase(s, tc);
	return s;
}
