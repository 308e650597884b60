/*
 * cmd-crawl.c - "jobstats crawl [SOURCE...]": fetch every source's pages
 * (all sources at once, each host politely: fetch-multi.h), extract and
 * store their postings, record a run per source.  What cron runs: one
 * crawl at a time (a lock beside the database), silent on success, an exit
 * status that says how it went.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "cmd-crawl.h"
#include "xalloc.h"

static struct fetch_multi *volatile interrupted_fetch;

/* SIGINT, SIGTERM (systemd stopping us): stop fetching, record the runs. */
static void on_signal(int sig)
{
	(void)sig;
	if (interrupted_fetch != NULL)
		fetch_multi_stop(interrupted_fetch);
}

static void catch_signals(struct fetch_multi *m)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = m != NULL ? on_signal : SIG_DFL;
	sa.sa_flags = SA_RESETHAND;	/* a second one kills, should the first not stop us */
	interrupted_fetch = m;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

/*
 * flock on DB.lock, held until we exit: two crawls of one database never
 * overlap (the kernel drops the lock if we die, even by SIGKILL).  Returns
 * the descriptor, or -1 after saying why (*rc the exit status).
 */
static int take_lock(const char *db_path, int *rc)
{
	char *path = xasprintf("%s.lock", db_path);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	*rc = EXIT_ERROR;
	if (fd < 0) {
		cmd_error("cannot open lock file '%s': %s", path, strerror(errno));
	} else if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno == EWOULDBLOCK) {
			cmd_error("another crawl of '%s' is running (it holds '%s'); not starting",
				  db_path, path);
			*rc = EXIT_LOCKED;
		} else {
			cmd_error("cannot lock '%s': %s", path, strerror(errno));
		}
		close(fd);
		fd = -1;
	}
	free(path);
	return fd;
}

/* Open a run for every source and queue its first page. */
static int start_sources(struct crawl *c, const struct source *list, size_t n)
{
	char *err = NULL;
	size_t i;

	c->sources = xcalloc(n, sizeof(*c->sources));
	c->nsources = n;
	for (i = 0; i < n; i++) {
		struct crawl_source *cs = &c->sources[i];

		cs->crawl = c;
		cs->src = &list[i];
		if (store_run_begin(c->ctx->store, list[i].id, c->now, &cs->run_id, &err) < 0)
			return cmd_fail(err);
	}
	for (i = 0; i < n; i++)
		crawl_queue(&c->sources[i], list[i].url);
	return EXIT_OK;
}

/* Pages of no source fetched for keep_pages days go. */
static void prune_pages(struct crawl *c)
{
	char before[32], *err = NULL;
	int n = 0;

	if (c->opts->keep_pages == 0)
		return;
	cmd_iso_time(time(NULL) - (time_t)c->opts->keep_pages * 86400, before);
	if (store_pages_prune(c->ctx->store, before, &n, &err) < 0) {
		cmd_warn("%s", err);
		free(err);
	} else if (n > 0 && c->ctx->verbose) {
		cmd_note("deleted %d stored pages not fetched since %s", n, before);
	}
}

/* 0 every source fine, 3 some failed or had errors, 1 none could be read. */
static int crawl_status(const struct crawl *c)
{
	size_t i, failed = 0, troubled = 0;

	for (i = 0; i < c->nsources; i++) {
		failed += c->sources[i].counts.outcome == RUN_FAILED;
		troubled += c->sources[i].counts.outcome == RUN_PARTIAL;
	}
	if (failed == c->nsources)
		return EXIT_ERROR;
	return failed || troubled ? EXIT_PARTIAL : EXIT_OK;
}

static int run_crawl(struct cmd_ctx *ctx, struct crawl_opts *o, const struct source *list,
		     size_t n, const struct board_set *boards)
{
	struct crawl c = { .ctx = ctx, .opts = o, .boards = boards };
	char *err = NULL;
	size_t i;
	int rc;

	cmd_iso_now(c.now);
	if (o->policy.ignore_robots)
		cmd_warn("--ignore-robots: robots.txt is not read, every page is fetched");
	c.fetch = fetch_multi_new(&o->policy, crawl_page_done, crawl_note, &c);
	crawl_pool_start(&c, o->jobs);
	rc = start_sources(&c, list, n);
	catch_signals(c.fetch);
	if (rc == EXIT_OK && fetch_multi_run(c.fetch, &err) < 0)
		rc = cmd_fail(err);
	crawl_pool_stop(&c);	/* pages fetched before a stop are stored */
	catch_signals(NULL);
	crawl_progress(&c, 1);
	if (rc == EXIT_OK) {
		prune_pages(&c);
		rc = crawl_status(&c);
	}
	fetch_multi_free(c.fetch);
	for (i = 0; i < c.nsources; i++)
		crawl_source_release(&c.sources[i]);
	free(c.sources);
	return rc;
}

static int parse_options(int argc, char **argv, struct crawl_opts *o)
{
	struct settings s;
	char *err = NULL;
	int c, rc;

	if (settings_load(&s, &err) < 0)
		return cmd_fail(err);
	rc = crawl_opts_settings(o, &s);
	optind = 0;
	while (rc == EXIT_OK && (c = cmd_getopt(argc, argv, "", crawl_options())) != -1)
		rc = crawl_opts_option(o, c, optarg);
	settings_release(&s);
	if (rc == EXIT_USAGE)
		return cmd_usage(&cmd_crawl_entry);
	return rc;
}

static int cmd_crawl(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct crawl_opts o;
	struct source *list = NULL;
	struct board_set boards = { 0 };
	size_t n = 0, i;
	char *err = NULL;
	int rc, lock = -1;

	crawl_opts_init(&o);
	rc = parse_options(argc, argv, &o);
	crawl_opts_finish(&o, ctx->verbose);
	if (rc == EXIT_OK)
		lock = take_lock(ctx->db_path, &rc);
	if (lock >= 0)
		rc = cmd_load_sources(ctx, argc - optind, argv + optind, &list, &n);
	if (lock >= 0 && rc == EXIT_OK && n == 0) {
		cmd_error("no sources to crawl; add one with 'jobstats source add NAME URL'");
		rc = EXIT_ERROR;
	}
	if (lock >= 0 && rc == EXIT_OK && board_load(&boards, &err) < 0)
		rc = cmd_fail(err);
	if (lock >= 0 && rc == EXIT_OK)
		rc = run_crawl(ctx, &o, list, n, &boards);
	for (i = 0; i < n; i++)
		source_release(&list[i]);
	free(list);
	board_set_release(&boards);
	crawl_opts_release(&o);
	if (lock >= 0)
		close(lock);
	return rc;
}

const struct cmd_entry cmd_crawl_entry = {
	.name = "crawl",
	.usage = "crawl [--summary] [--ignore-robots] [--insecure] [--[no-]progress]\n"
		 "             [SETTING OPTIONS] [SOURCE...]",
	.summary = "fetch the sources, extract their postings, store them",
	.help = "Fetch every source (or the ones named), all at once but each host\n"
		"politely: its robots.txt obeyed, one request at a time, --delay apart,\n"
		"Retry-After honoured, failures retried with backoff, a host that keeps\n"
		"failing given up for this run.  Pages come again only when changed\n"
		"(ETag, Last-Modified); each page is kept, compressed, for 'reextract'.\n"
		"Next-page links are followed up to the source's --max-pages.  A posting\n"
		"seen is kept up to date; one missing from a complete crawl of its source\n"
		"is closed (never after a failed or partial one), and reopens if it\n"
		"comes back.  Each source's run is recorded: see 'jobstats status'.\n"
		"\n"
		"Pages are extracted on --jobs threads while the next ones are fetched;\n"
		"what is stored does not depend on how many.\n"
		"\n"
		"Silent on success; -v says what it fetches, --summary sums up each\n"
		"source; on a terminal a progress line (not with --no-progress; no\n"
		"colour with NO_COLOR).  --ignore-robots and --insecure (no TLS\n"
		"verification) exist for sites you own.  One crawl at a time: a second\n"
		"one exits at once.  Exit status: 0 every source fine, 3 some pages or\n"
		"sources failed, 1 nothing could be fetched, 4 another crawl is running,\n"
		"2 usage.\n"
		"\n" CRAWL_OPTS_HELP_LINES,
	.flags = CMD_NEEDS_DB,
	.exec = cmd_crawl,
};
