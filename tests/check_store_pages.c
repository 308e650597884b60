/* check_store_pages.c - the store's fetched pages (bodies compressed,
 * validators, 304s), the postings' lifecycle (closed when a complete
 * crawl misses them, reopened when seen again), runs, their errors and
 * each source's health. */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testdb.h"
#include "xalloc.h"

static char db_path[64];
static struct store *st;

static void setup(void)
{
	testdb_path(db_path, sizeof(db_path), "check_store_pages");
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

/* Save a page of source: url, its body, when fetched; returns its id. */
static long long save_page(long long source, const char *url, const char *body,
			   const char *when)
{
	struct page_record pg;
	long long id = 0;
	char *err = NULL;

	page_record_init(&pg);
	pg.source_id = source;
	pg.url = xstrdup(url);
	pg.status = 200;
	pg.content_type = xstrdup("text/html; charset=utf-8");
	pg.etag = xstrdup("\"v1\"");
	pg.last_modified = xstrdup("Sun, 29 Nov 2026 10:00:00 GMT");
	pg.fetched_at = xstrdup(when);
	buf_appends(&pg.body, body);
	ck_assert_msg(store_page_save(st, &pg, &id, &err) == 0, "store_page_save: %s", err);
	page_record_release(&pg);
	ck_assert_int_gt(id, 0);
	return id;
}

/* Store a posting titled title on page (0: none), seen at now. */
static enum upsert_result upsert(long long source, long long page, const char *title,
				 const char *now)
{
	enum upsert_result r;
	struct posting p;
	char *err = NULL;

	posting_init(&p);
	p.title = xstrdup(title);
	p.company = xstrdup("Acme");
	p.external_id = xstrdup(title);
	ck_assert_msg(store_upsert(st, source, page, NULL, &p, now, &r, &err) == 0,
		      "store_upsert: %s", err);
	posting_release(&p);
	return r;
}

/* The first column of the first row of sql, as text ("" for NULL). */
static void assert_sql(const char *sql, const char *want)
{
	char *got = testdb_text(db_path, sql);

	ck_assert_msg(strcmp(got, want) == 0, "%s: '%s', expected '%s'", sql, got, want);
	free(got);
}

/* 1 MB of every byte value, NULs included, in an order zlib cannot fold
 * away, survives the round trip byte for byte; so does an empty body. */
START_TEST(test_page_round_trip)
{
	long long src = add_source("demo"), id, again;
	struct page_record pg, out;
	size_t i, size = 1024 * 1024;
	unsigned x = 12345;
	char *err = NULL;

	page_record_init(&pg);
	pg.source_id = src;
	pg.url = xstrdup("https://jobs.example.test/list?page=2");
	pg.final_url = xstrdup("https://jobs.example.test/list/2");
	pg.status = 200;
	pg.content_type = xstrdup("application/octet-stream");
	pg.fetched_at = xstrdup("2026-11-29T10:00:00Z");
	for (i = 0; i < size; i++) {
		x = x * 1103515245u + 12345u;
		buf_append(&pg.body, &(char){ (char)(i % 7 == 0 ? 0 : x >> 16) }, 1);
	}
	ck_assert_int_eq(store_page_save(st, &pg, &id, &err), 0);
	assert_sql("SELECT body_size || ' ' || (length(body) < body_size) FROM pages", "1048576 1");
	/* by the URL asked for, and by the one redirected to */
	ck_assert_msg(store_page_load(st, "https://jobs.example.test/list/2", &out, &err) == 0,
		      "store_page_load: %s", err);
	ck_assert_int_eq(out.id, id);
	ck_assert_int_eq(out.source_id, src);
	ck_assert_str_eq(out.url, pg.url);
	ck_assert_int_eq(out.status, 200);
	ck_assert_str_eq(out.checked_at, "2026-11-29T10:00:00Z");	/* fetched_at when not given */
	ck_assert_ptr_null(out.etag);
	ck_assert_uint_eq(out.body.len, size);
	ck_assert(memcmp(out.body.data, pg.body.data, size) == 0);
	ck_assert_int_eq(out.body.data[size], '\0');
	page_record_release(&out);
	/* fetched again: the same row, the new body */
	buf_release(&pg.body);
	ck_assert_int_eq(store_page_save(st, &pg, &again, &err), 0);
	ck_assert_int_eq(again, id);
	ck_assert_int_eq(store_page_load(st, pg.url, &out, &err), 0);
	ck_assert_uint_eq(out.body.len, 0);
	assert_sql("SELECT count(*) FROM pages", "1");
	page_record_release(&out);
	page_record_release(&pg);
	ck_assert_int_eq(store_page_load(st, "https://elsewhere.test/", &out, &err), -1);
	ck_assert_str_eq(err, "no stored page for URL 'https://elsewhere.test/'");
	free(err);
}
END_TEST

/* A body said to be over the limit, or that does not unpack, is refused
 * with a message naming the page; so is saving one over the limit. */
START_TEST(test_page_refused)
{
	long long src = add_source("demo");
	struct page_record pg;
	char *err = NULL;

	save_page(src, "https://jobs.example.test/a", "<html>a</html>", "2026-11-29T10:00:00Z");
	testdb_exec(db_path, "UPDATE pages SET body_size = 100000000");
	ck_assert_int_eq(store_page_load(st, "https://jobs.example.test/a", &pg, &err), -1);
	ck_assert_msg(strstr(err, "more than the 64 MB a stored page may hold") != NULL, "%s", err);
	free(err);
	err = NULL;
	testdb_exec(db_path, "UPDATE pages SET body_size = 10, body = x'00'");
	ck_assert_int_eq(store_page_load(st, "https://jobs.example.test/a", &pg, &err), -1);
	ck_assert_str_eq(err, "stored page 'https://jobs.example.test/a' is damaged: its body "
			 "does not unpack to 10 bytes");
	free(err);
	err = NULL;
	page_record_init(&pg);
	pg.source_id = src;
	pg.url = xstrdup("https://jobs.example.test/huge");
	pg.body.len = STORE_PAGE_MAX_BODY + 1;	/* refused before it is read */
	ck_assert_int_eq(store_page_save(st, &pg, NULL, &err), -1);
	ck_assert_msg(strstr(err, "page 'https://jobs.example.test/huge' has a body of 67108865 "
			      "bytes") != NULL, "%s", err);
	free(err);
	err = NULL;
	pg.body.len = 0;
	page_record_release(&pg);
}
END_TEST

START_TEST(test_validators)
{
	long long src = add_source("demo"), other = add_source("other"), id, page;
	char *etag, *lm, *err = NULL;

	ck_assert_int_eq(store_page_validators(st, src, "https://jobs.example.test/a", &page, &etag,
					       &lm, &err), 0);
	ck_assert_int_eq(page, 0);
	ck_assert_ptr_null(etag);
	ck_assert_ptr_null(lm);
	id = save_page(src, "https://jobs.example.test/a", "<p>", "2026-11-29T10:00:00Z");
	ck_assert_int_eq(store_page_validators(st, src, "https://jobs.example.test/a", &page, &etag,
					       &lm, &err), 0);
	ck_assert_int_eq(page, id);
	ck_assert_str_eq(etag, "\"v1\"");
	ck_assert_str_eq(lm, "Sun, 29 Nov 2026 10:00:00 GMT");
	free(etag);
	free(lm);
	/* validators are per source */
	ck_assert_int_eq(store_page_validators(st, other, "https://jobs.example.test/a", &page,
					       &etag, &lm, &err), 0);
	ck_assert_int_eq(page, 0);
}
END_TEST

/* A closed posting seen again reopens (updated); page 0 keeps its page. */
START_TEST(test_upsert_reopens)
{
	long long src = add_source("demo"), page;
	int closed = 0;
	char *err = NULL;

	page = save_page(src, "https://jobs.example.test/a", "<p>", "2026-11-01T00:00:00Z");
	ck_assert_int_eq(upsert(src, page, "Data Engineer", "2026-11-01T00:00:00Z"), UPSERT_NEW);
	ck_assert_int_eq(store_close_missing(st, src, "2026-11-02T00:00:00Z",
					     "2026-11-02T01:00:00Z", &closed, &err), 0);
	ck_assert_int_eq(closed, 1);
	assert_sql("SELECT closed_at FROM postings", "2026-11-02T01:00:00Z");
	ck_assert_int_eq(upsert(src, 0, "Data Engineer", "2026-11-03T00:00:00Z"), UPSERT_UPDATED);
	assert_sql("SELECT ifnull(closed_at, 'open') || ' ' || page_id || ' ' || last_seen "
		   "FROM postings", "open 1 2026-11-03T00:00:00Z");
	ck_assert_int_eq(upsert(src, 0, "Data Engineer", "2026-11-04T00:00:00Z"),
			 UPSERT_UNCHANGED);
}
END_TEST

/* A 304 vouches for the postings last seen on the page, reopening them,
 * and only for those its body held when it was last fetched. */
START_TEST(test_not_modified)
{
	long long src = add_source("demo"), a, b;
	int seen = -1, closed = 0;
	char *err = NULL;

	a = save_page(src, "https://jobs.example.test/a", "<p>a", "2026-11-01T00:00:00Z");
	b = save_page(src, "https://jobs.example.test/b", "<p>b", "2026-11-01T00:00:00Z");
	upsert(src, a, "One", "2026-11-01T00:00:00Z");
	upsert(src, a, "Two", "2026-11-01T00:00:00Z");
	upsert(src, b, "Three", "2026-11-01T00:00:00Z");
	upsert(src, 0, "Four", "2026-11-01T00:00:00Z");
	ck_assert_int_eq(store_close_missing(st, src, "2026-11-05T00:00:00Z",
					     "2026-11-05T00:00:00Z", &closed, &err), 0);
	ck_assert_int_eq(closed, 4);
	ck_assert_int_eq(store_page_not_modified(st, a, "2026-11-06T00:00:00Z", &seen, NULL, &err), 0);
	ck_assert_int_eq(seen, 2);
	assert_sql("SELECT group_concat(title || ':' || ifnull(closed_at, 'open') || ':' || "
		   "last_seen, ' ') FROM (SELECT * FROM postings ORDER BY id)",
		   "One:open:2026-11-06T00:00:00Z Two:open:2026-11-06T00:00:00Z "
		   "Three:2026-11-05T00:00:00Z:2026-11-01T00:00:00Z "
		   "Four:2026-11-05T00:00:00Z:2026-11-01T00:00:00Z");
	assert_sql("SELECT checked_at || ' ' || fetched_at FROM pages WHERE url LIKE '%/a'",
		   "2026-11-06T00:00:00Z 2026-11-01T00:00:00Z");
	/* fetched anew, page a holds only Two: a later 304 vouches for Two alone */
	save_page(src, "https://jobs.example.test/a", "<p>a2", "2026-11-07T00:00:00Z");
	upsert(src, a, "Two", "2026-11-07T00:00:00Z");
	ck_assert_int_eq(store_page_not_modified(st, a, "2026-11-08T00:00:00Z", &seen, NULL, &err), 0);
	ck_assert_int_eq(seen, 1);
	assert_sql("SELECT group_concat(title, ' ') FROM postings WHERE page_id IS NOT NULL",
		   "Two Three");
}
END_TEST

/* Only the stale open postings of the source named are closed; closed
 * ones keep the day they were closed. */
START_TEST(test_close_missing)
{
	long long alpha = add_source("alpha"), beta = add_source("beta");
	int closed = -1;
	char *err = NULL;

	upsert(alpha, 0, "Old", "2026-11-01T00:00:00Z");
	upsert(alpha, 0, "Seen", "2026-11-03T00:00:00Z");
	upsert(beta, 0, "Other", "2026-11-01T00:00:00Z");
	ck_assert_int_eq(store_close_missing(st, alpha, "2026-11-02T00:00:00Z",
					     "2026-11-03T01:00:00Z", &closed, &err), 0);
	ck_assert_int_eq(closed, 1);
	ck_assert_int_eq(store_close_missing(st, alpha, "2026-11-02T00:00:00Z",
					     "2026-11-04T00:00:00Z", &closed, &err), 0);
	ck_assert_int_eq(closed, 0);
	assert_sql("SELECT group_concat(title || ':' || ifnull(closed_at, 'open'), ' ') FROM "
		   "(SELECT * FROM postings ORDER BY id)",
		   "Old:2026-11-03T01:00:00Z Seen:open Other:open");
}
END_TEST

static int list_pages(const struct page_record *pg, void *ctx)
{
	buf_printf(ctx, "%lld:%s:%s ", pg->source_id, pg->url, pg->body.data);
	return strcmp(pg->url, "stop") == 0;
}

START_TEST(test_foreach_and_prune)
{
	long long beta = add_source("beta"), alpha = add_source("alpha"), a;
	struct buf b = BUF_INIT;
	int deleted = -1;
	char *err = NULL;

	save_page(beta, "b1", "x", "2026-11-01T00:00:00Z");
	a = save_page(alpha, "a1", "y", "2026-11-02T00:00:00Z");
	save_page(alpha, "a2", "z", "2026-11-03T00:00:00Z");
	upsert(alpha, a, "On a1", "2026-11-02T00:00:00Z");
	ck_assert_int_eq(store_page_foreach(st, NULL, list_pages, &b, &err), 0);
	ck_assert_str_eq(buf_str(&b), "2:a1:y 2:a2:z 1:b1:x ");	/* by source name, then id */
	buf_release(&b);
	ck_assert_int_eq(store_page_foreach(st, "beta", list_pages, &b, &err), 0);
	ck_assert_str_eq(buf_str(&b), "1:b1:x ");
	buf_release(&b);
	save_page(alpha, "stop", "s", "2026-11-04T00:00:00Z");
	save_page(alpha, "after", "t", "2026-11-04T00:00:00Z");
	ck_assert_int_eq(store_page_foreach(st, "alpha", list_pages, &b, &err), 0);
	ck_assert_str_eq(buf_str(&b), "2:a1:y 2:a2:z 2:stop:s ");
	buf_release(&b);
	/* retention: pages not checked since the 3rd go, their postings stay */
	ck_assert_int_eq(store_pages_prune(st, "2026-11-03T00:00:00Z", &deleted, &err), 0);
	ck_assert_int_eq(deleted, 2);
	assert_sql("SELECT group_concat(url, ' ') FROM (SELECT url FROM pages ORDER BY id)",
		   "a2 stop after");
	assert_sql("SELECT title || ' ' || ifnull(page_id, 'none') FROM postings", "On a1 none");
}
END_TEST

/* Run a run of source with counts c, outcome o; returns its id. */
static long long run(long long source, struct run_counts c, enum run_outcome o)
{
	long long id;
	char *err = NULL;

	c.outcome = o;
	ck_assert_int_eq(store_run_begin(st, source, NULL, &id, &err), 0);
	ck_assert_int_eq(store_run_finish(st, id, &c, NULL, &err), 0);
	return id;
}

START_TEST(test_runs_and_health)
{
	long long alpha = add_source("alpha"), beta = add_source("beta"), last, id;
	struct run_counts all = { .pages = 1, .pages_failed = 2, .postings_seen = 3,
				  .postings_new = 4, .postings_updated = 5,
				  .postings_skipped = 6, .errors = 7, .warnings = 8,
				  .pages_not_modified = 9, .pages_robots = 10,
				  .pages_skipped = 11, .postings_unchanged = 12,
				  .postings_closed = 13, .complete = 1 };
	const struct run_counts ok = { .pages = 2, .complete = 1 };
	struct source_health *h;
	struct run_record *r;
	size_t n, i;
	char *err = NULL;

	ck_assert_int_eq(run_outcome_of(&ok), RUN_OK);
	ck_assert_int_eq(run_outcome_of(&all), RUN_PARTIAL);
	ck_assert_int_eq(run_outcome_of(&(struct run_counts){ .errors = 1 }), RUN_FAILED);
	ck_assert_int_eq(run_outcome_of(&(struct run_counts){ .pages_failed = 1,
							      .pages_not_modified = 1 }),
			 RUN_PARTIAL);
	ck_assert_str_eq(run_outcome_name(RUN_PARTIAL), "partial");
	ck_assert_ptr_null(run_outcome_name(RUN_UNFINISHED));
	run(alpha, ok, RUN_OK);
	id = run(alpha, (struct run_counts){ .errors = 1 }, RUN_FAILED);
	ck_assert_int_eq(store_run_error(st, id, NULL, "cannot resolve host", "2026-11-02T00:00:00Z",
					 &err), 0);
	last = run(alpha, all, RUN_PARTIAL);
	ck_assert_int_eq(store_run_error(st, last, "https://a.test/1", "HTTP status 500",
					 "2026-11-03T00:00:00Z", &err), 0);
	ck_assert_int_eq(store_run_error(st, last, "https://a.test/2", "timed out",
					 "2026-11-03T00:00:05Z", &err), 0);
	ck_assert_int_eq(store_run_begin(st, alpha, NULL, &id, &err), 0);	/* running */

	ck_assert_int_eq(store_source_health(st, &h, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(h[0].name, "alpha");
	ck_assert_int_eq(h[0].consecutive_failures, 2);
	ck_assert_int_eq(h[0].last.id, last);
	ck_assert_ptr_nonnull(h[0].last_success);
	ck_assert_str_eq(h[0].last_error, "https://a.test/2: timed out");
	ck_assert_str_eq(h[0].last_error_at, "2026-11-03T00:00:05Z");
	ck_assert_int_eq(h[0].last.counts.outcome, RUN_PARTIAL);
	ck_assert_int_eq(h[0].last.counts.postings_closed, 13);
	ck_assert_int_eq(h[0].last.counts.complete, 1);
	ck_assert_str_eq(h[1].name, "beta");	/* never run */
	ck_assert_int_eq(h[1].last.id, 0);
	ck_assert_int_eq(h[1].consecutive_failures, 0);
	ck_assert_ptr_null(h[1].last_success);
	ck_assert_ptr_null(h[1].last_error);
	for (i = 0; i < n; i++)
		source_health_release(&h[i]);
	free(h);

	ck_assert_int_eq(store_runs_recent(st, "alpha", 3, &r, &n, &err), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(r[0].id, id);	/* newest first, the running one too */
	ck_assert_ptr_null(r[0].finished_at);
	ck_assert_int_eq(r[0].counts.outcome, RUN_UNFINISHED);
	ck_assert_int_eq(r[1].id, last);
	all.outcome = RUN_PARTIAL;
	ck_assert(memcmp(&r[1].counts, &all, sizeof(all)) == 0);
	ck_assert_str_eq(r[1].source, "alpha");
	ck_assert_ptr_nonnull(r[1].finished_at);
	for (i = 0; i < n; i++)
		run_record_release(&r[i]);
	free(r);
	ck_assert_int_eq(store_runs_recent(st, "beta", 10, &r, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	free(r);
	/* the ok run comes back: failures in a row end */
	run(alpha, ok, RUN_OK);
	ck_assert_int_eq(store_source_health(st, &h, &n, &err), 0);
	ck_assert_int_eq(h[0].consecutive_failures, 0);
	for (i = 0; i < n; i++)
		source_health_release(&h[i]);
	free(h);
	(void)beta;
}
END_TEST

START_TEST(test_source_delay)
{
	struct source src;
	char *err = NULL;

	ck_assert_int_eq(store_source_add(st, "slow", "https://slow.test/", 5, 2.5, &err), 0);
	ck_assert_int_eq(store_source_get(st, "slow", &src, &err), 0);
	ck_assert_double_eq(src.delay, 2.5);
	source_release(&src);
	add_source("fast");
	ck_assert_int_eq(store_source_get(st, "fast", &src, &err), 0);
	ck_assert_double_eq(src.delay, -1);
	source_release(&src);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("store_pages");
	TCase *tc = tcase_create("store_pages");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_page_round_trip);
	tcase_add_test(tc, test_page_refused);
	tcase_add_test(tc, test_validators);
	tcase_add_test(tc, test_upsert_reopens);
	tcase_add_test(tc, test_not_modified);
	tcase_add_test(tc, test_close_missing);
	tcase_add_test(tc, test_foreach_and_prune);
	tcase_add_test(tc, test_runs_and_health);
	tcase_add_test(tc, test_source_delay);
	suite_add_tcase(s, tc);
	return s;
}
