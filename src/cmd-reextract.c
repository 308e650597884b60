/*
 * cmd-reextract.c - "jobstats reextract [SOURCE...]": run today's extractor
 * over the pages the crawls kept, without any network, so a better parser
 * or a new board rule improves what is stored.  Postings are upserted as a
 * crawl would (page by page, one transaction each), at their page's fetch
 * time, so nothing looks newer than it is; none is closed.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd-crawl.h"
#include "xalloc.h"

struct reextract {
	struct crawl crawl;
	struct crawl_opts opts;
	struct source *sources;
	size_t nsources;
	struct crawl_source *per;	/* one per source, in the same order */
	int pages;
};

static struct crawl_source *source_of(struct reextract *r, long long source_id)
{
	size_t i;

	for (i = 0; i < r->nsources; i++)
		if (r->sources[i].id == source_id)
			return &r->per[i];
	return NULL;
}

/* A stored page, kept while it is extracted. */
struct stored_page {
	struct crawl_source *cs;
	long long id;
	char *url, *fetched_at;
};

static int reextract_page(const struct page_record *pg, void *ctx)
{
	struct reextract *r = ctx;
	struct crawl_source *cs = source_of(r, pg->source_id);
	struct stored_page *sp;
	struct buf body = BUF_INIT;

	if (cs == NULL)	/* a source not asked for */
		return 0;
	sp = xcalloc(1, sizeof(*sp));
	sp->cs = cs;
	sp->id = pg->id;
	sp->url = xstrdup(pg->url);
	sp->fetched_at = xstrdup(pg->fetched_at);
	buf_append(&body, pg->body.data ? pg->body.data : "", pg->body.len);
	extract_pool_submit(r->crawl.pool, &body, pg->final_url ? pg->final_url : pg->url, sp);
	crawl_collect(&r->crawl, 1);	/* memory stays flat */
	return 0;
}

/* struct crawl's finish: store what a stored page gave, dated when it was
 * fetched. */
static void reextract_finish(struct crawl *c, struct extract_work *w)
{
	struct reextract *r = (struct reextract *)(void *)c;	/* its first member */
	struct stored_page *sp = w->tag;
	struct crawl_page cp = { sp->url, &w->page, w->postings };
	size_t i;

	snprintf(c->now, sizeof(c->now), "%s", sp->fetched_at);
	if (w->rc < 0) {
		crawl_error(sp->cs, sp->url, w->err);
		w->err = NULL;	/* taken */
	} else {
		for (i = 0; i < w->page.nwarnings; i++)
			crawl_warning(sp->cs, xstrdup(w->page.warnings[i]));
		if (crawl_store(sp->cs, &cp, NULL, sp->id) == 0)
			sp->cs->counts.pages++;
	}
	r->pages++;
	free(sp->url);
	free(sp->fetched_at);
	free(sp);
}

static int tell(const struct reextract *r)
{
	struct buf b = BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < r->nsources; i++) {
		const struct run_counts *k = &r->per[i].counts;

		buf_printf(&b, "%s: %d pages re-extracted, %d postings: %d new, %d updated, "
			   "%d unchanged; %d errors\n", r->sources[i].name, k->pages,
			   k->postings_seen, k->postings_new, k->postings_updated,
			   k->postings_unchanged, k->errors);
	}
	rc = cmd_write_stdout(&b);
	buf_release(&b);
	return rc;
}

static int reextract_all(struct reextract *r)
{
	size_t i;
	int errors = 0, rc;
	char *err = NULL;

	r->per = xcalloc(r->nsources ? r->nsources : 1, sizeof(*r->per));
	for (i = 0; i < r->nsources; i++) {
		r->per[i].crawl = &r->crawl;
		r->per[i].src = &r->sources[i];
	}
	r->crawl.finish = reextract_finish;
	crawl_pool_start(&r->crawl, r->opts.jobs);
	rc = store_page_foreach(r->crawl.ctx->store, NULL, reextract_page, r, &err);
	crawl_pool_stop(&r->crawl);
	if (rc < 0)
		return cmd_fail(err);
	if (tell(r) != EXIT_OK)
		return EXIT_ERROR;
	for (i = 0; i < r->nsources; i++)
		errors += r->per[i].counts.errors;
	return errors == 0 ? EXIT_OK : r->pages > errors ? EXIT_PARTIAL : EXIT_ERROR;
}

/* --jobs, as the crawl's (and checked the same way). */
static int parse_options(int argc, char **argv, struct crawl_opts *o)
{
	const struct option *all = crawl_options();
	struct option mine[2] = { { NULL, 0, NULL, 0 }, { NULL, 0, NULL, 0 } };
	int c, rc = EXIT_OK;

	while (all->name != NULL && strcmp(all->name, "jobs") != 0)
		all++;
	mine[0] = *all;
	optind = 0;
	while (rc == EXIT_OK && (c = cmd_getopt(argc, argv, "", mine)) != -1)
		rc = crawl_opts_option(o, c, optarg);
	return rc;
}

static int cmd_reextract(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct reextract r;
	struct board_set boards = { 0 };
	char *err = NULL;
	size_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	crawl_opts_init(&r.opts);
	if (parse_options(argc, argv, &r.opts) != EXIT_OK) {
		crawl_opts_release(&r.opts);
		return cmd_usage(&cmd_reextract_entry);
	}
	r.opts.progress = 0;
	r.crawl.ctx = ctx;
	r.crawl.opts = &r.opts;
	r.crawl.boards = &boards;
	rc = cmd_load_sources(ctx, argc - optind, argv + optind, &r.sources, &r.nsources);
	if (rc == EXIT_OK && board_load(&boards, &err) < 0)
		rc = cmd_fail(err);
	if (rc == EXIT_OK)
		rc = reextract_all(&r);
	for (i = 0; i < r.nsources; i++) {
		if (r.per != NULL)
			crawl_source_release(&r.per[i]);
		source_release(&r.sources[i]);
	}
	free(r.per);
	free(r.sources);
	board_set_release(&boards);
	crawl_opts_release(&r.opts);
	return rc;
}

const struct cmd_entry cmd_reextract_entry = {
	.name = "reextract",
	.usage = "reextract [--jobs N] [SOURCE...]",
	.summary = "extract the stored pages again, without the network",
	.help = "Run today's extractor and board rules over the pages the crawls kept\n"
		"(every source's, or the named ones') and store their postings as a\n"
		"crawl would, dated when the page was fetched; nothing is fetched and\n"
		"nothing is closed.  Prints a line per source.  Exit status 3 when some\n"
		"pages could not be read, 1 when none could.  --jobs N: pages extracted\n"
		"at once, on as many threads (default: one per CPU, at most 8; 1: no\n"
		"threads); what is stored does not depend on it.",
	.flags = CMD_NEEDS_DB,
	.exec = cmd_reextract,
};
