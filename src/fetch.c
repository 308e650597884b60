/* fetch.c - libcurl (easy interface for now) and local files. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "fetch.h"
#include "xalloc.h"

struct fetcher {
	CURL *curl;
	struct fetch_options opt;
	char errbuf[CURL_ERROR_SIZE];
};

/* The write callback's view of one transfer. */
struct sink {
	struct buf *body;
	size_t max_bytes;
	int too_big;
};

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

static size_t on_data(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct sink *sink = userdata;
	size_t len = size * nmemb;

	if (sink->body->len + len > sink->max_bytes) {
		sink->too_big = 1;
		return 0;	/* makes curl stop with CURLE_WRITE_ERROR */
	}
	buf_append(sink->body, data, len);
	return len;
}

static void set_defaults(struct fetch_options *o)
{
	if (o->max_bytes == 0)
		o->max_bytes = FETCH_MAX_BYTES_DEFAULT;
	if (o->connect_timeout == 0)
		o->connect_timeout = 15;
	if (o->timeout == 0)
		o->timeout = 120;
	if (o->user_agent == NULL)
		o->user_agent = PACKAGE_NAME "/" PACKAGE_VERSION;
}

/* Options that hold for every transfer of this fetcher. */
static void setup_handle(struct fetcher *f)
{
	CURL *c = f->curl;

	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, f->errbuf);
	curl_easy_setopt(c, CURLOPT_USERAGENT, f->opt.user_agent);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
	/* A web page must never redirect us into the local file system. */
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FILE);
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");	/* all libcurl decodes */
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, f->opt.connect_timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, f->opt.timeout);
	/* A server dripping bytes is dropped: under 100 B/s for 30 s. */
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 100L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 30L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
}

struct fetcher *fetcher_new(const struct fetch_options *opt)
{
	struct fetcher *f = xcalloc(1, sizeof(*f));

	if (opt != NULL)
		f->opt = *opt;
	set_defaults(&f->opt);
	f->curl = curl_easy_init();
	if (f->curl == NULL)	/* only fails when out of memory */
		xalloc_die();
	setup_handle(f);
	return f;
}

void fetcher_free(struct fetcher *f)
{
	if (f == NULL)
		return;
	curl_easy_cleanup(f->curl);
	free(f);
}

static void collect_info(CURL *c, struct fetch_result *out)
{
	char *s = NULL;

	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
	if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK && s != NULL)
		out->content_type = xstrdup(s);
	s = NULL;
	if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK && s != NULL)
		out->effective_url = xstrdup(s);
}

int fetcher_get(struct fetcher *f, const char *url, struct fetch_result *out, char **err)
{
	struct sink sink = { &out->body, f->opt.max_bytes, 0 };
	CURLcode rc;

	f->errbuf[0] = '\0';
	curl_easy_setopt(f->curl, CURLOPT_URL, url);
	curl_easy_setopt(f->curl, CURLOPT_WRITEDATA, &sink);
	rc = curl_easy_perform(f->curl);
	collect_info(f->curl, out);
	if (sink.too_big)
		return set_error(err, "cannot fetch '%s': page larger than %zu bytes", url,
				 f->opt.max_bytes);
	if (rc != CURLE_OK)
		return set_error(err, "cannot fetch '%s': %s", url,
				 f->errbuf[0] ? f->errbuf : curl_easy_strerror(rc));
	if (out->status >= 400)
		return set_error(err, "cannot fetch '%s': HTTP status %ld", url, out->status);
	return 0;
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
