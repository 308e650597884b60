/*
 * check_extract_pool.c - the extract stage on worker threads
 * (extract-pool.h): work comes back in submission order even when later
 * pages finish first, threads extract exactly what one thread does (on
 * every real page under $JOBSTATS_DATA/pages, when present), and freeing
 * the pool with pages in flight loses nothing (the sanitizers see leaks).
 */
#include "config.h"

#include "check-main.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract-pool.h"
#include "testutil.h"
#include "xalloc.h"

/* A page with one JSON-LD posting titled "Job N", padded with filler
 * paragraphs so that it takes longer to read. */
static void make_page(struct buf *b, int n, int filler)
{
	int i;

	buf_printf(b, "<html><head><script type=\"application/ld+json\">"
		   "{\"@type\":\"JobPosting\",\"title\":\"Job %d\","
		   "\"hiringOrganization\":{\"name\":\"Acme\"},"
		   "\"baseSalary\":{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\","
		   "\"value\":{\"minValue\":%d,\"maxValue\":%d,\"unitText\":\"YEAR\"}}}"
		   "</script></head><body>", n, 100000 + n, 120000 + n);
	for (i = 0; i < filler; i++)
		buf_printf(b, "<div class=\"x%d\"><p>filler <b>%d</b> text</p></div>", i % 7, i);
	buf_appends(b, "</body></html>");
}

static int wakes;	/* only counted; read after the workers stopped */

static void count_wake(void *arg)
{
	(void)arg;
	__atomic_add_fetch(&wakes, 1, __ATOMIC_RELAXED);
}

START_TEST(test_submission_order)
{
	struct extract_pool *p = extract_pool_new(4, NULL, count_wake, NULL);
	struct extract_work *w;
	intptr_t i, n = 40;

	wakes = 0;
	for (i = 0; i < n; i++) {
		struct buf b = BUF_INIT;

		/* the first page is by far the largest: the others end first */
		make_page(&b, (int)i, i == 0 ? 60000 : 10);
		extract_pool_submit(p, &b, "https://jobs.example.test/", (void *)i);
		ck_assert_ptr_null(b.data);	/* taken */
		if (i % 5 == 4)	/* a URL with no page keeps its place too */
			extract_pool_submit(p, NULL, NULL, (void *)(i + 1000));
	}
	for (i = 0; i < n; i++) {
		char title[32];

		w = extract_pool_take(p, 1);
		ck_assert_ptr_nonnull(w);
		ck_assert_int_eq((intptr_t)w->tag, i);
		ck_assert_int_eq(w->extracted, 1);
		ck_assert_int_eq(w->rc, 0);
		ck_assert_uint_eq(w->page.count, 1);
		snprintf(title, sizeof(title), "Job %d", (int)i);
		ck_assert_str_eq(w->page.postings[0].title, title);
		ck_assert_int_eq(w->postings[0].salary.found, 1);
		ck_assert_double_eq(w->postings[0].salary.min, 100000 + i);
		ck_assert_ptr_nonnull(w->body.data);	/* given back */
		extract_work_free(w);
		if (i % 5 == 4) {
			w = extract_pool_take(p, 1);
			ck_assert_int_eq((intptr_t)w->tag, i + 1000);
			ck_assert_int_eq(w->extracted, 0);
			extract_work_free(w);
		}
	}
	ck_assert_ptr_null(extract_pool_take(p, 1));
	ck_assert_uint_eq(extract_pool_pending(p), 0);
	extract_pool_free(p);
	ck_assert_int_gt(wakes, 0);
}
END_TEST

/* No wait: NULL while the oldest page is not done, never a later one. */
START_TEST(test_take_no_wait)
{
	struct extract_pool *p = extract_pool_new(2, NULL, NULL, NULL);
	struct extract_work *w;
	intptr_t i, next = 0;

	for (i = 0; i < 10; i++) {
		struct buf b = BUF_INIT;

		make_page(&b, (int)i, i == 0 ? 30000 : 5);
		extract_pool_submit(p, &b, NULL, (void *)i);
	}
	while (next < 10) {
		if ((w = extract_pool_take(p, 0)) == NULL)
			continue;
		ck_assert_int_eq((intptr_t)w->tag, next++);
		extract_work_free(w);
	}
	extract_pool_free(p);
}
END_TEST

/* Freed with pages queued and running: workers stop, nothing leaks. */
START_TEST(test_free_in_flight)
{
	struct extract_pool *p = extract_pool_new(4, test_shipped_boards(), NULL, NULL);
	int i;

	for (i = 0; i < 30; i++) {
		struct buf b = BUF_INIT;

		make_page(&b, i, 2000);
		extract_pool_submit(p, &b, "https://jobs.example.test/", NULL);
	}
	extract_pool_free(p);
	extract_pool_free(NULL);
}
END_TEST

/* Everything a crawl stores of a page, as one text. */
static void describe(struct buf *b, const struct extract_work *w)
{
	size_t i;

	buf_printf(b, "rc=%d err=%s count=%zu next=%s skipped=%zu\n", w->rc,
		   w->err ? w->err : "-", w->page.count,
		   w->page.next_url ? w->page.next_url : "-", w->page.skipped);
	for (i = 0; i < w->page.nwarnings; i++)
		buf_printf(b, "warning %s\n", w->page.warnings[i]);
	for (i = 0; i < w->page.count; i++) {
		const struct raw_posting *r = &w->page.postings[i];
		const struct posting *p = &w->postings[i];
#define S(x) ((x) ? (x) : "-")
		buf_printf(b, "raw %s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%g|%g|%s|%d\n",
			   S(r->title), S(r->company), S(r->location), S(r->remote),
			   S(r->country), S(r->applicant_country), S(r->level),
			   S(r->employment_type), S(r->salary_text), S(r->url), S(r->external_id),
			   S(r->description), S(r->posted), S(r->strategy), r->salary_hints.min,
			   r->salary_hints.max, r->salary_hints.currency, (int)r->salary_hints.period);
		buf_printf(b, "posting %s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%.6f|%.6f|%s|%d|"
			   "%.6f|%.6f|%s|%s|%u\n",
			   S(p->title), S(p->company), S(p->location), S(p->remote), p->country,
			   S(p->level), S(p->employment_type), S(p->salary_text), S(p->url),
			   S(p->external_id), S(p->description), S(p->posted), p->salary.found,
			   p->salary.min, p->salary.max, p->salary.currency, (int)p->salary.period,
			   p->salary.annual_min, p->salary.annual_max, S(p->salary.provenance),
			   S(p->salary.rule), p->salary.notes);
#undef S
	}
}

static char **page_files;
static size_t npages;


/* All the real pages through a pool of n threads, described in order. */
static void extract_all(int n, struct buf *out)
{
	struct extract_pool *p = extract_pool_new(n, test_shipped_boards(), NULL, NULL);
	struct extract_work *w;
	size_t i;

	for (i = 0; i < npages; i++) {
		struct buf b = BUF_INIT;
		size_t len;
		char *html = test_read_file(page_files[i], &len);

		ck_assert_msg(html != NULL, "cannot read %s", page_files[i]);
		buf_append(&b, html, len);
		free(html);
		/* a base URL on no board's host: the boards pick by their
		 * match rules, as for a page read with "jobstats parse" */
		extract_pool_submit(p, &b, NULL, page_files[i]);
		while (extract_pool_full(p) && (w = extract_pool_take(p, 1)) != NULL) {
			buf_printf(out, "== %s\n", (const char *)w->tag);
			describe(out, w);
			extract_work_free(w);
		}
	}
	while ((w = extract_pool_take(p, 1)) != NULL) {
		buf_printf(out, "== %s\n", (const char *)w->tag);
		describe(out, w);
		extract_work_free(w);
	}
	extract_pool_free(p);
}

START_TEST(test_real_pages_same)
{
	struct buf one = BUF_INIT, four = BUF_INIT;

	ck_assert_uint_gt(npages, 0);
	extract_all(0, &one);
	extract_all(4, &four);
	ck_assert_uint_eq(one.len, four.len);
	ck_assert(memcmp(buf_str(&one), buf_str(&four), one.len) == 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&one), "\nposting "));	/* postings were found */
	buf_release(&one);
	buf_release(&four);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("extract_pool");
	TCase *tc = tcase_create("pool");
	const char *data = getenv("JOBSTATS_DATA");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_submission_order);
	tcase_add_test(tc, test_take_no_wait);
	tcase_add_test(tc, test_free_in_flight);
	if (data != NULL && *data != '\0') {
		char *dir = xasprintf("%s/pages", data);

		page_files = test_list_files(dir, NULL, &npages);
		free(dir);
		tcase_add_test(tc, test_real_pages_same);
	} else {
		printf("real pages not present (set JOBSTATS_DATA): N=1 vs N=4 not compared\n");
	}
	suite_add_tcase(s, tc);
	return s;
}
