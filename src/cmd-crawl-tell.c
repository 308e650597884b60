/*
 * cmd-crawl-tell.c - what a crawl says.  Silent on success (cron mails
 * whatever a job prints); errors and warnings on stderr naming the URL;
 * with -v what it fetches; with --summary a line per source; on a terminal
 * a progress line, redrawn at most ten times a second.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cmd-crawl.h"
#include "xalloc.h"

/* The progress line is on the terminal: clear it before another line. */
static void clear_progress(struct crawl *c)
{
	if (c->progress_shown) {
		fputs("\r\033[K", stderr);
		c->progress_shown = 0;
	}
}

void crawl_error(struct crawl_source *cs, const char *url, char *msg)
{
	struct crawl *c = cs->crawl;
	char *err = NULL;

	clear_progress(c);
	cmd_error("%s", msg);
	cs->counts.errors++;
	c->errors++;
	if (cs->run_id > 0 &&
	    store_run_error(c->ctx->store, cs->run_id, url, msg, c->now, &err) < 0) {
		cmd_error("%s", err);
		free(err);
	}
	if (cs->first_error == NULL)
		cs->first_error = msg;
	else
		free(msg);
}

void crawl_warning(struct crawl_source *cs, char *msg)
{
	clear_progress(cs->crawl);
	cmd_warn("%s", msg);
	cs->counts.warnings++;
	free(msg);
}

void crawl_note(const char *msg, void *ctx)
{
	struct crawl *c = ctx;

	if (!c->ctx->verbose)
		return;
	clear_progress(c);
	cmd_note("%s", msg);
}

void crawl_progress(struct crawl *c, int last)
{
	double now = fetch_now();
	const char *red = "", *plain = "";

	if (c->opts->progress <= 0)
		return;
	if (last) {
		clear_progress(c);
		return;
	}
	if (now - c->progress_at < 0.1)
		return;
	c->progress_at = now;
	if (c->errors > 0 && c->opts->color)
		red = "\033[31m", plain = "\033[m";
	fprintf(stderr, "\r\033[Kjobstats: crawl: %d/%d pages, %d new postings, %s%d error%s%s",
		c->pages_done, c->pages_queued, c->postings_new, red, c->errors,
		c->errors == 1 ? "" : "s", plain);
	fflush(stderr);
	c->progress_shown = 1;
}

void crawl_tell_source(const struct crawl_source *cs)
{
	const struct run_counts *k = &cs->counts;

	if (!cs->crawl->opts->summary && !cs->crawl->ctx->verbose)
		return;
	clear_progress(cs->crawl);
	cmd_note("%s: %s: %d pages fetched, %d not modified, %d failed, %d skipped by "
		 "robots.txt; %d postings: %d new, %d updated, %d unchanged, %d closed%s; "
		 "%d errors, %d warnings", cs->src->name, run_outcome_name(k->outcome),
		 k->pages, k->pages_not_modified, k->pages_failed, k->pages_robots,
		 k->postings_seen, k->postings_new, k->postings_updated, k->postings_unchanged,
		 k->postings_closed, k->complete ? "" : " (crawl not complete: none closed)",
		 k->errors, k->warnings);
}
