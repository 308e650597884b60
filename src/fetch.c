/* fetch.c - one page for a command (through fetch-multi.c), and local files. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "fetch.h"
#include "fetch-multi.h"
#include "xalloc.h"

void fetch_result_init(struct fetch_result *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->body);
}

void fetch_result_release(struct fetch_result *r)
{
	buf_release(&r->body);
	free(r->content_type);
	free(r->effective_url);
	fetch_result_init(r);
}

int fetch_global_init(char **err)
{
	CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);

	if (rc != CURLE_OK)
		return set_error(err, "cannot initialise libcurl: %s", curl_easy_strerror(rc));
	return 0;
}

void fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

static int is_web_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

static int is_file_url(const char *s)
{
	return strncasecmp(s, "file://", 7) == 0;
}

int fetch_is_url(const char *s)
{
	return is_web_url(s) || is_file_url(s);
}

/*
 * A link on a web page may lead to another web page, never into the local
 * file system (a hostile page could otherwise make a crawl read and store
 * local files); a local demo board may link only to local files.
 */
int fetch_may_follow(const char *from, const char *to)
{
	if (is_web_url(from))
		return is_web_url(to);
	return is_file_url(from) && is_file_url(to);
}

/* fetch_url's one transfer. */
static void keep_result(const struct fetch_done *d, void *ctx)
{
	struct fetch_result *out = ((void **)ctx)[0];
	char **err = ((void **)ctx)[1];

	out->status = d->status;
	out->content_type = xstrdup_or_null(d->content_type);
	out->effective_url = xstrdup_or_null(d->effective_url);
	if (d->outcome == FETCH_OK) {
		out->body = *d->body;
		buf_init(d->body);
	} else {	/* a 304 too: the request was not conditional (fetch-multi.c) */
		set_error(err, "cannot fetch '%s': %s", d->url, d->error);
	}
}

int fetch_url(const char *url, struct fetch_result *out, char **err)
{
	struct fetch_policy policy = { .delay = 0, .jitter = 0, .retries = 0,
				       .ignore_robots = 1, .max_redirects = -1 };
	void *ctx[2] = { out, err };
	struct fetch_multi *m = fetch_multi_new(&policy, keep_result, NULL, ctx);
	char *e = NULL;
	int rc;

	*err = NULL;
	fetch_multi_add(m, url, -1, NULL, NULL, NULL);
	rc = fetch_multi_run(m, &e);
	fetch_multi_free(m);
	if (rc < 0)
		return set_error(err, "cannot fetch '%s': %s", url, e), free(e), -1;
	return *err != NULL ? -1 : 0;
}

int fetch_file(const char *path, size_t max_bytes, struct buf *out, char **err)
{
	FILE *fp = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc = 0;

	if (max_bytes == 0)
		max_bytes = FETCH_MAX_BYTES_DEFAULT;
	if (fp == NULL)
		return set_error(err, "cannot open '%s': %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (out->len + n > max_bytes) {
			rc = set_error(err, "cannot read '%s': larger than %zu bytes", path, max_bytes);
			break;
		}
		buf_append(out, chunk, n);
	}
	if (rc == 0 && ferror(fp))
		rc = set_error(err, "cannot read '%s': %s", path, strerror(errno));
	fclose(fp);
	return rc;
}
