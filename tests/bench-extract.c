/*
 * bench-extract.c - extract_page then posting_normalize over a corpus, on
 * one core and then on every core: the crawl's worker threads
 * (extract-pool.c, each with its own copy of the boards; libxml2
 * initialized once in the main thread), and forked processes to compare.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-speed.h"
#include "board.h"
#include "extract-pool.h"
#include "extract.h"
#include "normalize.h"
#include "posting.h"
#include "testutil.h"

/* One page extracted and its postings normalized: how many there were. */
static size_t extract_normalize(const struct bench_page *pg)
{
	struct extract_result r;
	struct posting p;
	char *err = NULL;
	size_t j, n = 0;

	extract_result_init(&r);
	if (extract_page(pg->html, pg->len, pg->url, test_bench_boards(), &r, &err) == 0)
		for (j = 0; j < r.count; j++) {
			posting_normalize(&r.postings[j], &p);
			n += p.title != NULL;
			posting_release(&p);
		}
	extract_result_release(&r);
	free(err);
	return n;
}

static size_t extract_pass(void *arg)
{
	const struct bench_corpus *c = arg;
	size_t i, n = 0;

	for (i = 0; i < c->n; i++)
		n += extract_normalize(&c->pages[i]);
	return n;
}

/* The runs of r as ratios to the ceiling's median. */
static void ratio_row(const struct bench_row *mbs, double ceiling, const char *name,
		      double target, const char *target_text)
{
	struct bench_row r;
	int i;

	bench_row_init(&r, name, "x");
	for (i = 0; i < mbs->n; i++)
		bench_row_add(&r, mbs->v[i] / ceiling);
	r.rss_kb = mbs->rss_kb;
	snprintf(r.detail, sizeof(r.detail), "extract+normalize MB/s over tree parse's %.1f MB/s",
		 ceiling);
	bench_row_target(&r, target, 0, target_text);
	bench_row_emit(&r);
}

/* Rows for c on one core; its median MB/s. */
double bench_extract_rows(const struct bench_corpus *c, const struct bench_ceiling *ceil,
			  double target_ratio, const char *target_text)
{
	struct bench_row mbs, pps;
	char name[40];
	size_t found = extract_pass((void *)c);
	int i;

	snprintf(name, sizeof(name), "extract %s", c->name);
	bench_row_init(&mbs, name, "MB/s");
	bench_rate_row(&mbs, extract_pass, (void *)c, (double)c->bytes / 1e6, 1);
	snprintf(mbs.detail, sizeof(mbs.detail),
		 "extract_page+posting_normalize, 1 core, %.1f MB, %zu pages, %zu postings found "
		 "(%zu generated)", (double)c->bytes / 1e6, c->n, found, c->postings);
	bench_row_emit(&mbs);
	snprintf(name, sizeof(name), "extract %s", c->name);
	bench_row_init(&pps, name, "postings/s");
	for (i = 0; i < mbs.n; i++)
		bench_row_add(&pps, mbs.v[i] * 1e6 / (double)c->bytes * (double)found);
	pps.rss_kb = mbs.rss_kb;
	snprintf(pps.detail, sizeof(pps.detail), "the same runs, in postings");
	bench_row_emit(&pps);
	if (ceil != NULL && ceil->tree_mbs > 0) {
		snprintf(name, sizeof(name), "extract/tree %s", c->name);
		ratio_row(&mbs, ceil->tree_mbs, name, target_ratio, target_text);
	}
	return bench_row_median(&mbs);
}

static long nthreads(void)
{
	const char *s = getenv("BENCH_THREADS");
	long n = s != NULL ? atol(s) : sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : n;
}

/* Titled postings of one page the pool gave back. */
static size_t titled(const struct extract_work *w)
{
	size_t j, n = 0;

	for (j = 0; w->rc == 0 && j < w->page.count; j++)
		n += w->postings[j].title != NULL;
	return n;
}

/* What the crawl does (extract-pool.c): every page submitted to n worker
 * threads, each with its own copy of the boards, and taken back in order;
 * a page's bytes are copied in, as the crawl hands over the bodies it
 * fetched.  The pool's start (copying the boards) is timed too. */
static size_t threads_pass(void *arg)
{
	const struct bench_corpus *c = arg;
	struct extract_pool *pool = extract_pool_new((int)nthreads(), test_bench_boards(), NULL, NULL);
	struct extract_work *w;
	size_t i, found = 0;

	for (i = 0; i < c->n; i++) {
		struct buf body;

		while (extract_pool_full(pool) && (w = extract_pool_take(pool, 1)) != NULL) {
			found += titled(w);
			extract_work_free(w);
		}
		buf_init(&body);
		buf_append(&body, c->pages[i].html, c->pages[i].len);
		extract_pool_submit(pool, &body, c->pages[i].url, NULL);
	}
	while ((w = extract_pool_take(pool, 1)) != NULL) {
		found += titled(w);
		extract_work_free(w);
	}
	extract_pool_free(pool);
	return found;
}

/* The same with processes: each child takes every n-th page (the pages
 * are alike, so the shares are even), the parent waits for all. */
static size_t processes_pass(void *arg)
{
	const struct bench_corpus *c = arg;
	long k, n = nthreads();
	size_t i;
	int status, ok = 0;

	for (k = 0; k < n; k++) {
		pid_t pid = fork();

		if (pid < 0)
			bench_fail("cannot fork");
		if (pid == 0) {
			for (i = (size_t)k; i < c->n; i += (size_t)n)
				extract_normalize(&c->pages[i]);
			_exit(0);
		}
	}
	while (wait(&status) > 0)
		ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return (size_t)ok;
}

/* MB/s with n workers of one kind, and its ratio to one core. */
static void parallel_rows(const struct bench_corpus *c, double single_mbs, const char *kind,
			  size_t (*pass)(void *))
{
	struct bench_row mbs, r;
	char name[40];
	long n = nthreads();
	int i;

	snprintf(name, sizeof(name), "extract %s %ld%s", c->name, n, kind);
	bench_row_init(&mbs, name, "MB/s");
	bench_rate_row(&mbs, pass, (void *)c, (double)c->bytes / 1e6, 1);
	snprintf(mbs.detail, sizeof(mbs.detail), "%ld worker %s", n,
		 strcmp(kind, "thr") == 0 ? "threads of extract_pool, pages taken back in order" :
		 "processes (fork), one extract_page a page");
	bench_row_emit(&mbs);
	snprintf(name, sizeof(name), "%s/1 %s", kind, c->name);
	bench_row_init(&r, name, "x");
	for (i = 0; i < mbs.n; i++)
		bench_row_add(&r, mbs.v[i] / single_mbs);
	r.rss_kb = mbs.rss_kb;
	snprintf(r.detail, sizeof(r.detail), "%ld workers over 1 core's %.1f MB/s", n, single_mbs);
	bench_row_target(&r, n == 2 ? 1.8 : 0.9 * (double)n, 0, n == 2 ? ">=1.8x on 2 cores" :
			 ">=0.9x per core");
	bench_row_emit(&r);
}

/* The same extraction on every core: the pool's threads (their postings
 * must be the single core's), then processes for comparison. */
void bench_threads_rows(const struct bench_corpus *c, double single_mbs)
{
	size_t found = threads_pass((void *)c), alone = extract_pass((void *)c);

	if (found != alone)
		bench_fail("%s: %zu postings with threads, %zu on one core", c->name, found, alone);
	parallel_rows(c, single_mbs, "thr", threads_pass);
	parallel_rows(c, single_mbs, "proc", processes_pass);
}
