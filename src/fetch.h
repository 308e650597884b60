/*
 * fetch.h - the fetch stage: bytes of a page from an http, https or file URL,
 * or from a local path.  Knows nothing of postings.
 *
 * A crawl fetches through fetch-multi.h (many hosts at once, politely);
 * this is one page for a command, and local files.
 */
#ifndef JOBSTATS_FETCH_H
#define JOBSTATS_FETCH_H

#include <stddef.h>

#include "buf.h"

/* A page larger than this is refused rather than held in memory. */
#define FETCH_MAX_BYTES_DEFAULT (32u * 1024 * 1024)

struct fetch_result {
	struct buf body;
	long status;		/* HTTP status; 0 for file:// and local paths */
	char *content_type;	/* as the server said it, or NULL */
	char *effective_url;	/* after redirects */
};

void fetch_result_init(struct fetch_result *r);
void fetch_result_release(struct fetch_result *r);

/* Call once per process before fetching (curl_global_init). */
int fetch_global_init(char **err);
void fetch_global_cleanup(void);

/*
 * Fetch one URL the user named (jobstats parse): no robots.txt, which is
 * for crawlers, and no retries.  Returns 0, or -1 with *err naming the URL
 * and the reason (HTTP status >= 400, timeout, page too large, ...).
 */
int fetch_url(const char *url, struct fetch_result *out, char **err);

/* Read a local file with the same size limit (max_bytes 0: default). */
int fetch_file(const char *path, size_t max_bytes, struct buf *out, char **err);

/* Does this string look like a URL jobstats can fetch (http, https, file)? */
int fetch_is_url(const char *s);

/* May a link found on the page at from be fetched?  http(s) pages lead only
 * to http(s) pages, file:// pages only to file:// pages. */
int fetch_may_follow(const char *from, const char *to);

#endif
