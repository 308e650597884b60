/*
 * extract-pool.h - the extract and normalize stages on every core: worker
 * threads take pages as they are submitted, run extract_page and
 * posting_normalize on each (both pure), and hand the results back in the
 * order the pages were submitted, so that whoever stores them stores them
 * in that order, whichever thread finished first.
 *
 * One thread submits and takes (the crawl's main thread: it alone speaks
 * SQL).  Each worker owns a copy of the boards (board_set_copy: compiled
 * XPaths must not be shared).  Workers block every signal: they go to the
 * submitting thread.  Nothing here prints or exits.
 */
#ifndef JOBSTATS_EXTRACT_POOL_H
#define JOBSTATS_EXTRACT_POOL_H

#include <stddef.h>

#include "buf.h"
#include "extract.h"
#include "posting.h"

struct board_set;

/* One page's way through the pool. */
struct extract_work {
	void *tag;			/* as submitted */
	struct buf body;		/* the page as submitted, given back; empty when none */
	char *base_url;			/* as submitted, or NULL */
	int extracted;			/* 0: submitted without a page, nothing ran */
	int rc;				/* extract_page's; -1 with err set */
	char *err;
	struct extract_result page;
	struct posting *postings;	/* page.count: posting_normalize of each */
};

struct extract_pool;

/* Called by a worker (in its thread) when the oldest page is done: must be
 * safe to call from any thread (curl_multi_wakeup is). */
typedef void extract_wake_fn(void *arg);

/*
 * nthreads workers (0: none, each page is extracted at once in the
 * submitting thread, with boards as they are).  boards (NULL: none) are
 * copied for each worker and may be released after this returns.  wake may
 * be NULL.
 */
struct extract_pool *extract_pool_new(int nthreads, const struct board_set *boards,
				      extract_wake_fn *wake, void *wake_arg);
/* Stop the workers (each finishes the page it is on) and free the work
 * not taken, but not its tags: take every page first when the tags own
 * memory (the crawl and reextract do).  NULL is a no-op. */
void extract_pool_free(struct extract_pool *p);

/*
 * Submit a page: body is taken (left empty), base_url copied (it resolves
 * links and picks the board: extract_page's).  body NULL: nothing to
 * extract, the tag only keeps its place in the order.  Never blocks: see
 * extract_pool_full.
 */
void extract_pool_submit(struct extract_pool *p, struct buf *body, const char *base_url,
			 void *tag);

/* Pages submitted and not yet taken. */
size_t extract_pool_pending(const struct extract_pool *p);
/* Enough pages are pending (four per worker, done or not: the oldest may
 * hold up the rest): submit no more before taking some, so memory stays
 * flat however long the crawl.  Never with no workers. */
int extract_pool_full(const struct extract_pool *p);

/* The oldest work not taken, when it is done (wait: once it is); NULL when
 * nothing is pending, or (no wait) the oldest is not done yet.  The caller
 * frees it with extract_work_free. */
struct extract_work *extract_pool_take(struct extract_pool *p, int wait);
void extract_work_free(struct extract_work *w);

/* How many workers by default: the online CPUs, at most max. */
int extract_pool_cpus(int max);

#endif
