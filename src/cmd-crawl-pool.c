/*
 * cmd-crawl-pool.c - the crawl's pages are extracted on worker threads
 * (extract-pool.h) while the main thread fetches and stores.  Every URL the
 * fetch engine reports goes through the pool, a page or not, so the main
 * thread finishes them in the order their transfers ended, as it would
 * with no threads: the database, the counts and the messages are the same
 * whatever --jobs is.
 */
#include "config.h"

#include <stdlib.h>

#include "cmd-crawl.h"
#include "xalloc.h"

#define MAX_DEFAULT_JOBS 8

/* A fetch_done kept until its page is extracted: the engine's strings die
 * with its callback. */
static struct fetch_done *fetched_copy(const struct fetch_done *d)
{
	struct fetch_done *f = xcalloc(1, sizeof(*f));

	*f = *d;
	f->url = xstrdup(d->url);
	f->error = xstrdup_or_null(d->error);
	f->effective_url = xstrdup_or_null(d->effective_url);
	f->content_type = xstrdup_or_null(d->content_type);
	f->etag = xstrdup_or_null(d->etag);
	f->last_modified = xstrdup_or_null(d->last_modified);
	f->body = NULL;
	return f;
}

static void fetched_free(struct fetch_done *f)
{
	free((char *)f->url);
	free((char *)f->error);
	free((char *)f->effective_url);
	free((char *)f->content_type);
	free((char *)f->etag);
	free((char *)f->last_modified);
	free(f);
}

static void finish_fetched(struct crawl *c, struct extract_work *w)
{
	struct fetch_done *f = w->tag;

	f->body = &w->body;
	crawl_page_finish(c, f, w);
	fetched_free(f);
}

void crawl_page_done(const struct fetch_done *d, void *ctx)
{
	struct crawl *c = ctx;

	extract_pool_submit(c->pool, d->outcome == FETCH_OK ? d->body : NULL, d->effective_url,
			    fetched_copy(d));
	crawl_collect(c, 0);
}

/* Finish the pages done, oldest first; all: every page pending, waiting
 * for each; room: wait for the oldest while the pool is full. */
static void collect(struct crawl *c, int room, int all)
{
	struct extract_work *w;

	if (c->collecting)	/* finishing a page queued a URL that ended at once */
		return;	/* the loop below gets to it */
	c->collecting = 1;
	while ((w = extract_pool_take(c->pool, all || (room && extract_pool_full(c->pool)))) !=
	       NULL) {
		c->finish(c, w);
		extract_work_free(w);
	}
	c->collecting = 0;
}

void crawl_collect(struct crawl *c, int room)
{
	collect(c, room, 0);
}

/* fetch_tick_fn: finish what is done; hold the fetching while pages pile
 * up (memory stays flat). */
static int tick(void *ctx, int *hold)
{
	struct crawl *c = ctx;

	crawl_collect(c, 0);
	*hold = extract_pool_full(c->pool);
	return (int)extract_pool_pending(c->pool);
}

static void wake(void *arg)
{
	fetch_multi_wakeup(arg);
}

void crawl_pool_start(struct crawl *c, int jobs)
{
	int threads = jobs > 0 ? jobs : extract_pool_cpus(MAX_DEFAULT_JOBS);

	if (threads == 1)
		threads = 0;	/* extract in the main thread, as it stores */
	if (c->finish == NULL)
		c->finish = finish_fetched;
	c->pool = extract_pool_new(threads, c->boards, c->fetch ? wake : NULL, c->fetch);
	if (c->fetch != NULL)
		fetch_multi_set_tick(c->fetch, tick);
}

void crawl_pool_stop(struct crawl *c)
{
	collect(c, 0, 1);
	extract_pool_free(c->pool);
	c->pool = NULL;
}
