/*
 * cmd-crawl.c - "jobstats crawl [SOURCE...]": fetch each source's pages,
 * following next links, extract and normalize their postings, store them.
 * Silent on success (cron); warnings name the URL and the reason.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "cmd.h"
#include "extract.h"
#include "fetch.h"
#include "xalloc.h"

/* One source's crawl, as it goes. */
struct crawl {
	struct cmd_ctx *ctx;
	struct fetcher *fetcher;
	const struct board_set *boards;
	const struct source *src;
	struct run_counts counts;
	char *first_error;
	char now[32];
	char **visited;		/* never fetch a page twice: next links can loop */
	size_t nvisited;
};

static void crawl_error(struct crawl *c, char *msg)
{
	cmd_error("%s", msg);
	c->counts.errors++;
	if (c->first_error == NULL)
		c->first_error = msg;
	else
		free(msg);
}

static void crawl_warning(struct crawl *c, char *msg)
{
	cmd_warn("%s", msg);
	c->counts.warnings++;
	free(msg);
}

static int was_visited(struct crawl *c, const char *url)
{
	size_t i;

	for (i = 0; i < c->nvisited; i++)
		if (strcmp(c->visited[i], url) == 0)
			return 1;
	c->visited = xreallocarray(c->visited, c->nvisited + 1, sizeof(char *));
	c->visited[c->nvisited++] = xstrdup(url);
	return 0;
}

static void count_upsert(struct run_counts *counts, enum upsert_result r)
{
	if (r == UPSERT_NEW)
		counts->postings_new++;
	else if (r == UPSERT_UPDATED)
		counts->postings_updated++;
}

/*
 * Salary text with figures in it that the parser could not read is worth a
 * warning (once, when the posting is new or changed, not every night);
 * "Competitive" is not.
 */
static void check_salary(struct crawl *c, const char *url, const struct posting *p)
{
	if (p->salary.found || p->salary_text == NULL ||
	    strpbrk(p->salary_text, "0123456789") == NULL)
		return;
	crawl_warning(c, xasprintf("'%s': posting '%s': cannot read salary '%s', stored "
				   "without figures", url, p->title, p->salary_text));
}

/* Normalize and store one page's postings in one transaction.  Counts reach
 * the run only once the transaction is committed. */
static int store_page(struct crawl *c, const char *url, struct extract_result *page)
{
	struct store *st = c->ctx->store;
	struct run_counts k = { 0 };
	enum upsert_result r;
	char *err = NULL;
	size_t i;

	if (store_begin(st, &err) < 0)
		return crawl_error(c, err), -1;
	for (i = 0; i < page->count && err == NULL; i++) {
		struct posting p;

		posting_normalize(&page->postings[i], &p);
		k.postings_seen++;
		if (store_upsert(st, c->src->id, 0, &page->postings[i], &p, c->now, &r, &err) == 0) {
			count_upsert(&k, r);
			if (r != UPSERT_UNCHANGED)
				check_salary(c, url, &p);
		}
		posting_release(&p);
	}
	if (err == NULL && store_commit(st, &err) == 0) {
		c->counts.postings_seen += k.postings_seen;
		c->counts.postings_new += k.postings_new;
		c->counts.postings_updated += k.postings_updated;
		return 0;
	}
	store_rollback(st);
	crawl_error(c, err);
	return -1;
}

static int is_extractable(const char *content_type)
{
	return content_type == NULL || strstr(content_type, "html") != NULL ||
	       strstr(content_type, "xml") != NULL || strstr(content_type, "json") != NULL;
}

/* Fetch, extract and store one page; *next is its next link or NULL. */
static void crawl_page(struct crawl *c, const char *url, char **next)
{
	struct fetch_result res;
	struct extract_result page;
	char *err = NULL;
	size_t i;

	*next = NULL;
	fetch_result_init(&res);
	extract_result_init(&page);
	if (fetcher_get(c->fetcher, url, &res, &err) < 0)
		goto failed;
	if (!is_extractable(res.content_type)) {
		err = xasprintf("'%s': content type '%s' is not a web page, skipped", url,
				res.content_type);
		goto failed;
	}
	if (res.body.len == 0) {
		err = xasprintf("'%s': empty page, skipped", url);
		goto failed;
	}
	if (extract_page(res.body.data, res.body.len, res.effective_url ? res.effective_url : url,
			 c->boards, &page, &err) < 0)
		goto failed;
	for (i = 0; i < page.nwarnings; i++)
		crawl_warning(c, xstrdup(page.warnings[i]));
	c->counts.postings_skipped += (int)page.skipped;
	c->counts.pages++;
	if (store_page(c, url, &page) == 0) {
		*next = page.next_url;
		page.next_url = NULL;
	}
	goto out;
failed:
	c->counts.pages_failed++;
	crawl_error(c, err);
out:
	extract_result_release(&page);
	fetch_result_release(&res);
}

/* The page's next link, when the crawl may follow it; else NULL. */
static char *next_to_follow(struct crawl *c, const char *url, char *next)
{
	if (next == NULL || fetch_may_follow(url, next))
		return next;
	crawl_warning(c, xasprintf("'%s': next link '%s' leaves the kind of URL the source "
				 "has, not followed", url, next));
	free(next);
	return NULL;
}

static void crawl_pages(struct crawl *c)
{
	char *url = xstrdup(c->src->url), *next;
	int n;

	for (n = 0; url != NULL && n < c->src->max_pages; n++) {
		if (was_visited(c, url)) {
			crawl_warning(c, xasprintf("'%s': next link leads back to a page already "
						 "crawled, stopping", url));
			break;
		}
		if (c->ctx->verbose)
			cmd_note("fetching %s", url);
		crawl_page(c, url, &next);
		next = next_to_follow(c, url, next);
		free(url);
		url = next;
	}
	free(url);
}

static void crawl_release(struct crawl *c)
{
	size_t i;

	for (i = 0; i < c->nvisited; i++)
		free(c->visited[i]);
	free(c->visited);
	free(c->first_error);
}

static void report_source(const struct crawl *c)
{
	const struct run_counts *k = &c->counts;

	cmd_note("%s: %d pages (%d failed), %d postings: %d new, %d updated, %d skipped; "
		 "%d errors, %d warnings", c->src->name, k->pages, k->pages_failed,
		 k->postings_seen, k->postings_new, k->postings_updated, k->postings_skipped,
		 k->errors, k->warnings);
}

/* Crawl one source and record the run; returns its error count, -1 when
 * nothing could be fetched. */
static int crawl_source(struct cmd_ctx *ctx, struct fetcher *f, const struct board_set *boards,
			const struct source *src)
{
	struct crawl c = { .ctx = ctx, .fetcher = f, .boards = boards, .src = src };
	long long run;
	char *err = NULL;
	int rc;

	cmd_iso_now(c.now);
	if (store_run_begin(ctx->store, src->id, &run, &err) < 0) {
		cmd_fail(err);
		return -1;
	}
	crawl_pages(&c);
	c.counts.outcome = run_outcome_of(&c.counts);
	if (store_run_finish(ctx->store, run, &c.counts, c.first_error, &err) < 0)
		crawl_error(&c, err);
	if (ctx->verbose)
		report_source(&c);
	rc = c.counts.pages == 0 ? -1 : c.counts.errors;
	crawl_release(&c);
	return rc;
}

static int load_sources(struct cmd_ctx *ctx, int argc, char **argv, struct source **list,
			size_t *n)
{
	char *err = NULL;
	int i;

	if (argc == 0) {
		if (store_source_list(ctx->store, list, n, &err) < 0)
			return cmd_fail(err);
		if (*n == 0) {
			cmd_error("no sources to crawl; add one with 'jobstats source add NAME URL'");
			return EXIT_ERROR;
		}
		return EXIT_OK;
	}
	*list = xcalloc((size_t)argc, sizeof(**list));
	for (i = 0, *n = 0; i < argc; i++, (*n)++)
		if (store_source_get(ctx->store, argv[i], &(*list)[i], &err) < 0)
			return cmd_fail(err);
	return EXIT_OK;
}

static int cmd_crawl(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct source *list = NULL;
	struct board_set boards = { 0 };
	struct fetcher *f;
	size_t n = 0, i, failed = 0, troubled = 0;
	char *err = NULL;
	int rc;

	optind = 0;
	if (cmd_getopt(argc, argv, "", (const struct option[]){ { NULL, 0, NULL, 0 } }) != -1)
		return cmd_usage(&cmd_crawl_entry);
	rc = load_sources(ctx, argc - optind, argv + optind, &list, &n);
	if (rc == EXIT_OK && board_load(&boards, &err) < 0)
		rc = cmd_fail(err);
	f = rc == EXIT_OK ? fetcher_new(NULL) : NULL;
	for (i = 0; rc == EXIT_OK && i < n; i++) {
		int r = crawl_source(ctx, f, &boards, &list[i]);

		failed += r < 0;
		troubled += r > 0;
	}
	for (i = 0; i < n; i++)
		source_release(&list[i]);
	free(list);
	fetcher_free(f);
	board_set_release(&boards);
	if (rc != EXIT_OK)
		return rc;
	if (failed == n)
		return EXIT_ERROR;
	return failed || troubled ? EXIT_PARTIAL : EXIT_OK;
}

const struct cmd_entry cmd_crawl_entry = {
	.name = "crawl",
	.usage = "crawl [SOURCE...]",
	.summary = "fetch the sources, extract their postings, store them",
	.help = "Fetch every source (or the ones named), follow their next-page links,\n"
		   "extract the postings and store them.  Silent on success; with -v, says\n"
		   "what it fetches and sums up each source.  Exit status 3 when some pages\n"
		   "failed, 1 when nothing could be fetched.",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_crawl,
};
