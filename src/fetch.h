/*
 * fetch.h - the fetch stage: bytes of a page from an http, https or file URL,
 * or from a local path.  Knows nothing of postings.
 *
 * One struct fetcher per crawl so connections are reused.  (Concurrency,
 * politeness and robots.txt come later and stay inside this module.)
 */
#ifndef JOBSTATS_FETCH_H
#define JOBSTATS_FETCH_H

#include <stddef.h>

#include "buf.h"

/* A page larger than this is refused rather than held in memory. */
#define FETCH_MAX_BYTES_DEFAULT (32u * 1024 * 1024)

struct fetch_options {
	size_t max_bytes;		/* 0: FETCH_MAX_BYTES_DEFAULT */
	long connect_timeout;		/* seconds; 0: 15 */
	long timeout;			/* whole transfer, seconds; 0: 120 */
	const char *user_agent;		/* NULL: "jobstats/VERSION" */
};

struct fetch_result {
	struct buf body;
	long status;		/* HTTP status; 0 for file:// and local paths */
	char *content_type;	/* as the server said it, or NULL */
	char *effective_url;	/* after redirects */
};

void fetch_result_init(struct fetch_result *r);
void fetch_result_release(struct fetch_result *r);

struct fetcher;

/* Call once per process before the first fetcher (curl_global_init). */
int fetch_global_init(char **err);
void fetch_global_cleanup(void);

struct fetcher *fetcher_new(const struct fetch_options *opt);
void fetcher_free(struct fetcher *f);

/*
 * Fetch one URL.  Returns 0, or -1 with *err naming the URL and the reason
 * (HTTP status >= 400, timeout, page too large, unsupported scheme, ...).
 */
int fetcher_get(struct fetcher *f, const char *url, struct fetch_result *out, char **err);

/* Read a local file with the same size limit (max_bytes 0: default). */
int fetch_file(const char *path, size_t max_bytes, struct buf *out, char **err);

/* Does this string look like a URL jobstats can fetch (http, https, file)? */
int fetch_is_url(const char *s);

/* May a link found on the page at from be fetched?  http(s) pages lead only
 * to http(s) pages, file:// pages only to file:// pages. */
int fetch_may_follow(const char *from, const char *to);

#endif
