/*
 * cmd-crawl.h - what the files of "jobstats crawl" share (cmd-crawl.c the
 * command, cmd-crawl-opts.c its settings, cmd-crawl-page.c what happens to
 * a fetched page, cmd-crawl-pool.c the threads that extract it,
 * cmd-crawl-tell.c what it prints).  Also used by
 * "jobstats reextract", which stores a stored page's postings the same way.
 */
#ifndef JOBSTATS_CMD_CRAWL_H
#define JOBSTATS_CMD_CRAWL_H

#include "board.h"
#include "cmd.h"
#include "extract.h"
#include "extract-pool.h"
#include "fetch-multi.h"
#include "settings.h"

struct crawl_opts {
	struct fetch_policy policy;
	int keep_pages;			/* days a page not seen again is kept; 0: forever */
	const char *contact;		/* the User-Agent's contact */
	int summary, progress;		/* progress: -1 auto (a terminal), 0, 1 */
	int jobs;			/* pages extracted at once; 0: one per CPU */
	int color;			/* a terminal, and no NO_COLOR */
	char *user_agent;		/* made from contact */
	char *owned[16];		/* strings the settings file gave */
	size_t nowned;
};

/* One source's crawl, as it goes. */
struct crawl_source {
	struct crawl *crawl;
	const struct source *src;
	long long run_id;
	struct run_counts counts;
	char *first_error;
	char **visited;			/* never fetch a page twice: next links can loop */
	size_t nvisited;
	int outstanding;		/* its URLs queued and not yet done */
	int incomplete;			/* a page not read, or pages left unvisited */
};

struct crawl {
	struct cmd_ctx *ctx;
	struct crawl_opts *opts;
	const struct board_set *boards;
	struct fetch_multi *fetch;	/* NULL in reextract */
	struct extract_pool *pool;
	/* What to do with a page's work once extracted, in submission order;
	 * frees w's tag. */
	void (*finish)(struct crawl *c, struct extract_work *w);
	int collecting;			/* in crawl_collect: not again */
	struct crawl_source *sources;
	size_t nsources;
	char now[32];			/* the run's time: first_seen, last_seen */
	int pages_done, pages_queued, postings_new, errors;
	double progress_at;		/* when the progress line was last drawn */
	int progress_shown;
};

/* cmd-crawl-opts.c */
void crawl_opts_init(struct crawl_opts *o);
void crawl_opts_release(struct crawl_opts *o);
/* The settings file's values, then those of the command line (getopt's
 * long options from crawl_options()); print why and return EXIT_USAGE
 * (bad option) or EXIT_ERROR (bad settings file) on error. */
int crawl_opts_settings(struct crawl_opts *o, const struct settings *s);
int crawl_opts_option(struct crawl_opts *o, int id, const char *arg);
/* getopt_long's table of the crawl's options. */
const struct option *crawl_options(void);
/* After both: the User-Agent, whether to draw progress and colour. */
void crawl_opts_finish(struct crawl_opts *o, int verbose);
#define CRAWL_OPTS_HELP_LINES \
	"Settings, each an option and a line \"NAME = VALUE\" in the settings file\n" \
	"($JOBSTATS_CONFIG, else ~/.config/jobstats/config); options win:\n" \
	"  --delay SECONDS        between requests to one host (default 1; a\n" \
	"                         source's own --delay, or robots.txt's\n" \
	"                         Crawl-delay, when longer)\n" \
	"  --per-host N           transfers at once to one host (default 1)\n" \
	"  --parallel N           transfers at once in all (default 8)\n" \
	"  --retries N            further tries after 429, 503, 5xx, timeouts (3)\n" \
	"  --retry-after-max SECONDS  a longer Retry-After gives the host up (300)\n" \
	"  --host-failures N      failures in a row that give a host up (5)\n" \
	"  --connect-timeout SECONDS, --timeout SECONDS (15, 120)\n" \
	"  --max-filesize BYTES   larger pages are cut off and reported (32M)\n" \
	"  --max-redirs N         (10)\n" \
	"  --speed-limit BYTES --speed-time SECONDS  slower transfers are\n" \
	"                         dropped (100 bytes/s for 30 s)\n" \
	"  --keep-pages DAYS      stored pages not fetched again for this long are\n" \
	"                         deleted (90; 0 keeps them)\n" \
	"  --contact URL|EMAIL    put in the User-Agent, for sites to reach you\n" \
	"  --jobs N               pages extracted at once, on as many threads\n" \
	"                         (default: one per CPU, at most 8; 1: no threads)\n"

/* cmd-crawl-page.c */
/* What the fetch engine said of a URL, once its page (if any) is extracted
 * (w): store it, follow it, count it, say it. */
void crawl_page_finish(struct crawl *c, const struct fetch_done *d, struct extract_work *w);
/* Queue url for cs, conditional on what is stored about it. */
void crawl_queue(struct crawl_source *cs, const char *url);
/* A page's postings as extracted, and normalized (NULL: crawl_store
 * normalizes them). */
struct crawl_page {
	const char *url;
	const struct extract_result *page;
	const struct posting *normalized;
};
/* Store the postings extracted from a page, and the page itself when pg is
 * not NULL (else they are linked to page_id), in one transaction; counts go
 * to cs, an error is said.  -1 when nothing was stored. */
int crawl_store(struct crawl_source *cs, const struct crawl_page *cp, struct page_record *pg,
		long long page_id);
void crawl_source_release(struct crawl_source *cs);

/* cmd-crawl-pool.c: pages extracted on worker threads, finished in order */
/* Worker threads for --jobs (0: one per CPU); with c->fetch set, the
 * engine waits for the pool and is woken by it. */
void crawl_pool_start(struct crawl *c, int jobs);
/* The fetch engine's done callback (ctx: the struct crawl). */
void crawl_page_done(const struct fetch_done *d, void *ctx);
/* Finish the extracted pages, in order, as long as the oldest is done
 * (room: and, while the pool is full, once it is). */
void crawl_collect(struct crawl *c, int room);
/* Finish every page pending, then stop the threads. */
void crawl_pool_stop(struct crawl *c);

/* cmd-crawl-tell.c: everything the crawl prints */
void crawl_error(struct crawl_source *cs, const char *url, char *msg);
void crawl_warning(struct crawl_source *cs, char *msg);
void crawl_note(const char *msg, void *ctx);	/* fetch_note_fn, -v only */
void crawl_progress(struct crawl *c, int last);
void crawl_tell_source(const struct crawl_source *cs);

#endif
