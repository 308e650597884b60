/*
 * cmd-crawl-page.c - what happens to each URL of a crawl once the fetch
 * stage is done with it: a page is extracted, normalized and stored with
 * its postings in one transaction (extracted and normalized by then:
 * cmd-crawl-pool.c), and its next link queued; a 304 counts
 * the page's postings as seen; anything else is counted and said.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd-crawl.h"
#include "fetch.h"
#include "xalloc.h"

/* "'URL': why" (why is taken): the database's errors name no page. */
static char *about(const char *url, char *why)
{
	char *msg;

	if (strstr(why, url) != NULL)
		return why;	/* it does already */
	msg = xasprintf("'%s': %s", url, why);

	free(why);
	return msg;
}

static int was_queued(const struct crawl_source *cs, const char *url)
{
	size_t i;

	for (i = 0; i < cs->nvisited; i++)
		if (strcmp(cs->visited[i], url) == 0)
			return 1;
	return 0;
}

void crawl_queue(struct crawl_source *cs, const char *url)
{
	struct crawl *c = cs->crawl;
	char *etag = NULL, *lm = NULL, *err = NULL;
	long long page_id;

	if (store_page_validators(c->ctx->store, cs->src->id, url, &page_id, &etag, &lm,
				  &err) < 0) {
		crawl_warning(cs, about(url, err));	/* fetched again unconditionally */
		etag = lm = NULL;
	}
	cs->visited = xreallocarray(cs->visited, cs->nvisited + 1, sizeof(char *));
	cs->visited[cs->nvisited++] = xstrdup(url);
	cs->outstanding++;
	c->pages_queued++;
	fetch_multi_add(c->fetch, url, cs->src->delay, etag, lm, cs);
	free(etag);
	free(lm);
}

/* Follow the page's next link when the source allows one more page. */
static void follow(struct crawl_source *cs, const char *url, const char *next)
{
	if (next == NULL)
		return;
	if (!fetch_may_follow(url, next)) {
		crawl_warning(cs, xasprintf("'%s': next link '%s' leaves the kind of URL the "
					  "source has, not followed", url, next));
		return;
	}
	if (was_queued(cs, next)) {
		crawl_warning(cs, xasprintf("'%s': next link leads back to a page already "
					  "crawled, stopping", next));
		return;
	}
	if ((int)cs->nvisited >= cs->src->max_pages) {
		cs->incomplete = 1;	/* pages left: not a complete crawl */
		return;
	}
	crawl_queue(cs, next);
}

static void count_upsert(struct run_counts *k, enum upsert_result r)
{
	if (r == UPSERT_NEW)
		k->postings_new++;
	else if (r == UPSERT_UPDATED)
		k->postings_updated++;
	else
		k->postings_unchanged++;
}

/*
 * Salary text with figures in it that the parser could not read is worth a
 * warning (once, when the posting is new or changed, not every night);
 * "Competitive" is not.
 */
static void check_salary(struct crawl_source *cs, const char *url, const struct posting *p)
{
	if (p->salary.found || p->salary_text == NULL ||
	    strpbrk(p->salary_text, "0123456789") == NULL)
		return;
	crawl_warning(cs, xasprintf("'%s': posting '%s': cannot read salary '%s', stored "
				    "without figures", url, p->title, p->salary_text));
}

static int upsert_all(struct crawl_source *cs, const struct crawl_page *cp,
		      long long page_id, struct run_counts *k, char **err)
{
	struct store *st = cs->crawl->ctx->store;
	enum upsert_result r;
	size_t i;

	for (i = 0; i < cp->page->count; i++) {
		struct posting mine;
		const struct posting *p = cp->normalized ? &cp->normalized[i] : &mine;
		int rc;

		if (cp->normalized == NULL)
			posting_normalize(&cp->page->postings[i], &mine);
		k->postings_seen++;
		rc = store_upsert(st, cs->src->id, page_id, &cp->page->postings[i], p,
				  cs->crawl->now, &r, err);
		if (rc == 0) {
			count_upsert(k, r);
			if (r != UPSERT_UNCHANGED)
				check_salary(cs, cp->url, p);
		}
		if (cp->normalized == NULL)
			posting_release(&mine);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static void add_counts(struct run_counts *to, const struct run_counts *k)
{
	to->postings_seen += k->postings_seen;
	to->postings_new += k->postings_new;
	to->postings_updated += k->postings_updated;
	to->postings_unchanged += k->postings_unchanged;
}

int crawl_store(struct crawl_source *cs, const struct crawl_page *cp, struct page_record *pg,
		long long page_id)
{
	struct store *st = cs->crawl->ctx->store;
	struct run_counts k = { 0 };
	char *err = NULL;

	if (store_begin(st, &err) < 0)
		return crawl_error(cs, cp->url, about(cp->url, err)), -1;
	if ((pg == NULL || store_page_save(st, pg, &page_id, &err) == 0) &&
	    upsert_all(cs, cp, page_id, &k, &err) == 0 && store_commit(st, &err) == 0) {
		add_counts(&cs->counts, &k);
		cs->crawl->postings_new += k.postings_new;
		return 0;
	}
	store_rollback(st);
	crawl_error(cs, cp->url, about(cp->url, err));
	return -1;
}

/* A page fetched and extracted (w: the extract pool's work): store,
 * follow. */
static void page_ok(struct crawl_source *cs, const struct fetch_done *d,
		    struct extract_work *w)
{
	struct crawl_page cp = { d->url, &w->page, w->postings };
	struct page_record pg;
	size_t i;

	if (w->rc < 0) {
		cs->counts.pages_failed++;
		crawl_error(cs, d->url, w->err);
		w->err = NULL;	/* taken */
		return;
	}
	for (i = 0; i < w->page.nwarnings; i++)
		crawl_warning(cs, xstrdup(w->page.warnings[i]));
	cs->counts.postings_skipped += (int)w->page.skipped;
	page_record_init(&pg);
	pg.source_id = cs->src->id;
	pg.url = (char *)d->url;
	pg.final_url = (char *)d->effective_url;
	pg.content_type = (char *)d->content_type;
	pg.etag = (char *)d->etag;
	pg.last_modified = (char *)d->last_modified;
	pg.next_url = w->page.next_url;
	pg.fetched_at = pg.checked_at = cs->crawl->now;
	pg.status = d->status;
	pg.body = w->body;
	if (w->page.count == 0)	/* a new layout, a block page... more often than no jobs */
		cs->incomplete = 1;	/* so none is closed as unseen */
	if (crawl_store(cs, &cp, &pg, 0) == 0) {
		cs->counts.pages++;
		follow(cs, d->url, w->page.next_url);
	} else {
		cs->counts.pages_failed++;
	}
}

/* A 304: the page is as stored; its postings are seen again. */
static void page_unchanged(struct crawl_source *cs, const struct fetch_done *d)
{
	struct store *st = cs->crawl->ctx->store;
	char *err = NULL, *next = NULL, *etag = NULL, *lm = NULL;
	long long page_id;
	int seen = 0, rc;

	rc = store_page_validators(st, cs->src->id, d->url, &page_id, &etag, &lm, &err);
	free(etag);
	free(lm);
	if (rc == 0 && page_id == 0)	/* gone meanwhile: its postings were not seen */
		rc = -1, err = xstrdup("not modified, but the page is not stored");
	if (rc < 0 || store_page_not_modified(st, page_id, cs->crawl->now, &seen, &next, &err) < 0) {
		cs->counts.pages_failed++;
		crawl_error(cs, d->url, about(d->url, err));
		return;
	}
	if (seen == 0)	/* as a page fetched with none: see page_ok */
		cs->incomplete = 1;
	cs->counts.pages_not_modified++;
	cs->counts.postings_seen += seen;
	cs->counts.postings_unchanged += seen;
	follow(cs, d->url, next);
	free(next);
}

static void page_not_read(struct crawl_source *cs, const struct fetch_done *d)
{
	cs->incomplete = 1;
	switch (d->outcome) {
	case FETCH_ROBOTS:
		cs->counts.pages_robots++;
		if (cs->crawl->ctx->verbose)
			cmd_note("'%s': %s, skipped", d->url, d->error);
		break;
	case FETCH_WRONG_TYPE:
		cs->counts.pages_skipped++;
		crawl_warning(cs, xasprintf("'%s': %s, skipped", d->url, d->error));
		break;
	case FETCH_HOST_GIVEN_UP:
		cs->counts.pages_failed++;
		crawl_error(cs, d->url, xasprintf("'%s': not fetched, its host was given up "
						  "for this run: %s", d->url, d->error));
		break;
	default:
		cs->counts.pages_failed++;
		crawl_error(cs, d->url, xasprintf("cannot fetch '%s': %s", d->url, d->error));
		break;
	}
}

/* Every URL of the source done: close what a complete crawl did not see,
 * record the run. */
static void source_finished(struct crawl_source *cs)
{
	struct store *st = cs->crawl->ctx->store;
	struct run_counts *k = &cs->counts;
	char *err = NULL;

	k->complete = !cs->incomplete && k->pages_failed == 0 && k->errors == 0;
	if (k->complete &&
	    store_close_missing(st, cs->src->id, cs->crawl->now, cs->crawl->now,
				&k->postings_closed, &err) < 0)
		crawl_error(cs, NULL, err);
	k->outcome = run_outcome_of(k);
	if (store_run_finish(st, cs->run_id, k, cs->first_error, &err) < 0)
		crawl_error(cs, NULL, err);
	crawl_tell_source(cs);
}

void crawl_page_finish(struct crawl *c, const struct fetch_done *d, struct extract_work *w)
{
	struct crawl_source *cs = d->tag;

	if (c->ctx->verbose)
		cmd_note("%s: %s%s", d->url, d->outcome == FETCH_OK ? "fetched" :
			 d->outcome == FETCH_NOT_MODIFIED ? "not modified" : "not read",
			 d->attempts > 1 ? " (after retrying)" : "");
	if (d->outcome == FETCH_OK)
		page_ok(cs, d, w);
	else if (d->outcome == FETCH_NOT_MODIFIED)
		page_unchanged(cs, d);
	else
		page_not_read(cs, d);
	c->pages_done++;
	if (--cs->outstanding == 0)
		source_finished(cs);
	crawl_progress(c, 0);
}

void crawl_source_release(struct crawl_source *cs)
{
	size_t i;

	for (i = 0; i < cs->nvisited; i++)
		free(cs->visited[i]);
	free(cs->visited);
	free(cs->first_error);
}
