/*
 * fetch-multi.h - the crawler's fetch stage: many URLs over libcurl's multi
 * interface, many hosts in parallel, each host treated politely.
 *
 * Per host (scheme, name and port): its robots.txt is fetched first and
 * obeyed; at most per_host transfers at once; a request starts at least the
 * host's delay (the largest of the policy's, the URL's source's and the
 * robots.txt Crawl-delay) plus a little random jitter after the previous
 * one started, and at least the delay after any ended.  429 and 503 wait for Retry-After; 5xx, 408, timeouts and
 * broken connections are retried with exponential backoff; other 4xx are
 * not.  A host that keeps failing is given up for this run and the URLs
 * still queued for it are reported as such; the other hosts go on.
 *
 * Every URL queued is reported exactly once, through the done callback, in
 * the order its transfer ends.  The callback may queue more URLs.  Nothing
 * here prints: notes (robots.txt missing, a host given up...) go to the
 * note callback, for the command to print when asked to.
 */
#ifndef JOBSTATS_FETCH_MULTI_H
#define JOBSTATS_FETCH_MULTI_H

#include <stddef.h>

#include "buf.h"

struct fetch_policy {
	int max_in_flight;	/* transfers at once, all hosts; 0: 8 */
	int per_host;		/* transfers at once to one host; 0: 1 */
	double delay;		/* seconds between request starts to one host; <0: 1 */
	double jitter;		/* up to this fraction of the delay is added; <0: 0.2 */
	int retries;		/* further attempts of a URL; <0: 3 */
	double backoff;		/* first retry's wait in seconds, doubling; <=0: 1 */
	double backoff_max;	/* longest wait between attempts; <=0: 60 */
	double retry_after_max;	/* a longer Retry-After gives the host up; <=0: 300 */
	int host_failures;	/* failures in a row that give a host up; 0: 5 */
	size_t max_bytes;	/* a body larger than this is cut off; 0: 32 MiB */
	long connect_timeout;	/* seconds; 0: 15 */
	long timeout;		/* seconds for one transfer; 0: 120 */
	long max_redirects;	/* <0: 10 */
	long low_speed_limit;	/* bytes/s below which ... ; 0: 100 */
	long low_speed_time;	/* ... for this many seconds drops a transfer; 0: 30 */
	int ignore_robots;	/* the user said so explicitly */
	int insecure;		/* no TLS verification: the user said so explicitly */
	const char *user_agent;	/* NULL: "jobstats/VERSION" */
	const char *robots_agent;	/* the token robots.txt groups name; NULL: "jobstats" */
	long buffer_size;	/* libcurl's receive buffer; 0: 100 KiB */
};

enum fetch_outcome {
	FETCH_OK,		/* 2xx: body holds the page */
	FETCH_NOT_MODIFIED,	/* 304 to a conditional request */
	FETCH_FAILED,		/* error says why (status, timeout, too large...) */
	FETCH_ROBOTS,		/* robots.txt forbids it: never requested */
	FETCH_WRONG_TYPE,	/* neither HTML, XML nor JSON: body not kept */
	FETCH_HOST_GIVEN_UP	/* its host was given up before its turn */
};

struct fetch_done {
	const char *url;		/* as queued */
	void *tag;			/* as queued */
	enum fetch_outcome outcome;
	long status;			/* last HTTP status, 0 when none */
	int attempts;			/* requests made for this URL */
	const char *error;		/* why, for FAILED, ROBOTS, WRONG_TYPE, GIVEN_UP */
	const char *effective_url;	/* after redirects, or url */
	const char *content_type;	/* or NULL */
	const char *etag, *last_modified;	/* validators sent back, or NULL */
	struct buf *body;		/* the page (OK); the callback may take it */
};

struct fetch_multi;

typedef void fetch_done_fn(const struct fetch_done *d, void *ctx);
typedef void fetch_note_fn(const char *msg, void *ctx);

/* policy is copied; user_agent and robots_agent must outlive the engine. */
struct fetch_multi *fetch_multi_new(const struct fetch_policy *policy, fetch_done_fn *done,
				    fetch_note_fn *note, void *ctx);
void fetch_multi_free(struct fetch_multi *m);

/*
 * Queue url (http, https or file).  delay < 0: the policy's; a larger one
 * slows the URL's host for the rest of the run.  etag and last_modified, when
 * not NULL, make the request conditional.  Strings are copied.
 */
void fetch_multi_add(struct fetch_multi *m, const char *url, double delay, const char *etag,
		     const char *last_modified, void *tag);

/* Run until every queued URL is done.  -1 with *err only when libcurl
 * itself fails (out of memory, bad multi state). */
int fetch_multi_run(struct fetch_multi *m, char **err);

/* Stop as soon as possible: transfers in flight are dropped and everything
 * still queued is reported FETCH_FAILED "interrupted". */
void fetch_multi_stop(struct fetch_multi *m);

/*
 * Work the caller does outside the engine for URLs it was told of (their
 * pages extracted on other threads, say), whose end may queue more URLs.
 * tick is called in fetch_multi_run's thread on every turn of its loop,
 * before transfers start, with the engine's ctx; it returns how many such
 * URLs are still pending (fetch_multi_run does not return while any is,
 * unless stopped) and sets *hold to 1 to start no transfer this turn (its
 * work is piling up).  It may queue URLs.
 */
typedef int fetch_tick_fn(void *ctx, int *hold);
void fetch_multi_set_tick(struct fetch_multi *m, fetch_tick_fn *tick);

/* Make fetch_multi_run's loop turn (and call tick) now rather than when
 * its wait ends.  Safe from any thread (curl_multi_wakeup). */
void fetch_multi_wakeup(struct fetch_multi *m);

/* Monotonic seconds, for measuring intervals. */
double fetch_now(void);

#endif
