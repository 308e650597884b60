/*
 * fetch-internal.h - what fetch-multi.c, fetch-host.c and fetch-transfer.c
 * share: a queued URL, a host's state, one transfer in flight.
 */
#ifndef JOBSTATS_FETCH_INTERNAL_H
#define JOBSTATS_FETCH_INTERNAL_H

#include <signal.h>

#include <curl/curl.h>

#include "fetch-multi.h"

/* Header values kept from a response; longer ones are not validators we
 * would send back, nor a Retry-After we could read. */
#define FETCH_HEADER_MAX 256

/* robots.txt beyond this is not read (RFC 9309 asks for at least 500 KiB). */
#define FETCH_ROBOTS_MAX_BYTES (512u * 1024)

struct fetch_job {
	char *asked;			/* the URL as queued */
	char *url;			/* the one to request: asked, or where it redirected */
	int redirects;
	void *tag;
	double delay;
	char *etag, *last_modified;
	int attempts;
	double not_before;		/* monotonic seconds: a retry waits */
	int is_robots;			/* the host's robots.txt, not the caller's */
	struct fetch_job *next;
};

enum robots_state { ROBOTS_NEEDED, ROBOTS_FETCHING, ROBOTS_READY };

struct robots;

struct fetch_host {
	char *key;			/* "https://example.com:443", "file://" */
	int is_web;			/* http(s): politeness and robots.txt apply */
	struct fetch_job *head, *tail;	/* waiting, in order */
	int active;			/* transfers in flight */
	double last_start;		/* when its last request started, or went out
					 * once known (monotonic) */
	double next_at;			/* no request starts before (monotonic) */
	double delay;
	enum robots_state robots_state;
	struct robots *robots;		/* NULL: everything allowed */
	int failures;			/* in a row */
	char *given_up;			/* why, once given up */
};

enum body_mode { BODY_UNDECIDED, BODY_KEEP, BODY_DROP, BODY_STOP };

struct fetch_transfer {
	CURL *easy;
	struct fetch_job *job;
	struct fetch_host *host;
	struct fetch_multi *multi;
	struct buf body;
	size_t max_bytes;
	double started;			/* monotonic seconds, when it was added */
	double gap;			/* its host's delay, jitter added, from it to the next */
	long status;			/* of the response being read */
	enum body_mode body_mode;
	int too_big, wrong_type;
	struct curl_slist *headers;	/* conditional request headers */
	char etag[FETCH_HEADER_MAX], last_modified[FETCH_HEADER_MAX];
	char retry_after[FETCH_HEADER_MAX];
	char errbuf[CURL_ERROR_SIZE];
};

struct fetch_multi {
	struct fetch_policy policy;
	fetch_done_fn *done;
	fetch_note_fn *note;
	fetch_tick_fn *tick;		/* or NULL: fetch_multi_set_tick */
	void *ctx;
	CURLM *curl;
	struct fetch_host **hosts;
	size_t nhosts, next_host;	/* next_host: where the fair scan starts */
	struct fetch_transfer **list;	/* in flight */
	size_t nlist;
	int queued, running;
	volatile sig_atomic_t stopped;	/* set by a signal handler */
	unsigned long long rng;		/* jitter only; not for secrets */
};

/* fetch-multi.c */
double fetch_random(struct fetch_multi *m);
void fetch_note(struct fetch_multi *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Report the job done and free it. */
void fetch_job_done(struct fetch_multi *m, struct fetch_job *job, struct fetch_done *d);
void fetch_job_report(struct fetch_multi *m, struct fetch_job *job, enum fetch_outcome o,
		      const char *error);

/* Put job in h's queue (its robots.txt first, when not read yet); report
 * it at once when h was given up. */
void fetch_queue_job(struct fetch_multi *m, struct fetch_host *h, struct fetch_job *job,
		     int front);

/* fetch-host.c */
/* The host of url (created on first sight), or NULL when url is malformed. */
struct fetch_host *fetch_host_of(struct fetch_multi *m, const char *url);
void fetch_host_push(struct fetch_host *h, struct fetch_job *job, int front);
struct fetch_job *fetch_host_pop(struct fetch_host *h);
/* May this job's URL be fetched (robots.txt)?  *why when not. */
int fetch_host_allows(const struct fetch_host *h, const struct fetch_job *job);
/* The answer to the robots.txt request; may give the host up. */
void fetch_host_robots_done(struct fetch_multi *m, struct fetch_host *h,
			    struct fetch_transfer *t, CURLcode rc);
/* The next request to t's host waits t's gap from when t's request went
 * out, not from when t started: connecting (DNS, TCP, TLS; often robots.txt's
 * request's) is no part of the delay, nor of a Crawl-delay. */
void fetch_host_delay_from_request(struct fetch_transfer *t);
/* Give h up: every URL still queued is reported FETCH_HOST_GIVEN_UP. */
void fetch_host_give_up(struct fetch_multi *m, struct fetch_host *h, char *why);
void fetch_hosts_free(struct fetch_multi *m);

/* fetch-transfer.c */
struct fetch_transfer *fetch_transfer_new(struct fetch_multi *m, struct fetch_host *h,
					  struct fetch_job *job);
void fetch_transfer_free(struct fetch_transfer *t);
/* The policy's options on an easy handle (also for the single-URL fetch). */
void fetch_setup_easy(CURL *c, const struct fetch_policy *p);
/* Defaults filled into the zeros of a policy. */
void fetch_policy_defaults(struct fetch_policy *p);
/* Describe a failed transfer: "HTTP status 500", curl's message... */
char *fetch_transfer_error(const struct fetch_transfer *t, CURLcode rc);

#endif
