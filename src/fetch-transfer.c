/*
 * fetch-transfer.c - one request on a libcurl easy handle: the options
 * every transfer shares, conditional headers, the header and body
 * callbacks that keep validators and Retry-After and bound the body.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fetch-internal.h"
#include "xalloc.h"

void fetch_policy_defaults(struct fetch_policy *p)
{
	if (p->max_in_flight <= 0)
		p->max_in_flight = 8;
	if (p->per_host <= 0)
		p->per_host = 1;
	if (p->delay < 0)
		p->delay = 1.0;
	if (p->jitter < 0)
		p->jitter = 0.2;
	if (p->retries < 0)
		p->retries = 3;
	if (p->backoff <= 0)
		p->backoff = 1.0;
	if (p->backoff_max <= 0)
		p->backoff_max = 60.0;
	if (p->retry_after_max <= 0)
		p->retry_after_max = 300.0;
	if (p->host_failures <= 0)
		p->host_failures = 5;
	if (p->max_bytes == 0)
		p->max_bytes = 32u * 1024 * 1024;
	if (p->connect_timeout <= 0)
		p->connect_timeout = 15;
	if (p->timeout <= 0)
		p->timeout = 120;
	if (p->max_redirects < 0)
		p->max_redirects = 10;
	if (p->low_speed_limit <= 0)
		p->low_speed_limit = 100;
	if (p->low_speed_time <= 0)
		p->low_speed_time = 30;
	if (p->user_agent == NULL)
		p->user_agent = PACKAGE_NAME "/" PACKAGE_VERSION;
	if (p->robots_agent == NULL)
		p->robots_agent = PACKAGE_NAME;
	if (p->buffer_size <= 0)
		p->buffer_size = 100L * 1024;	/* twice the pages/s of the default here */
}

void fetch_setup_easy(CURL *c, const struct fetch_policy *p)
{
	curl_easy_setopt(c, CURLOPT_USERAGENT, p->user_agent);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
	/* A web page must never redirect us into the local file system. */
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FILE);
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");	/* all libcurl decodes */
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, p->connect_timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, p->timeout);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, p->low_speed_limit);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, p->low_speed_time);
	curl_easy_setopt(c, CURLOPT_BUFFERSIZE, p->buffer_size);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	if (p->insecure) {
		curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
	}
}

/* Pages we can read: HTML, XML (XHTML) and JSON, in any case (RFC 9110
 * 8.3.1); no type at all is let through, the extractor decides. */
static int readable_type(const char *ctype)
{
	return ctype == NULL || strcasestr(ctype, "html") != NULL ||
	       strcasestr(ctype, "xml") != NULL || strcasestr(ctype, "json") != NULL;
}

/* Decided once, on the response's first bytes (curl hands us no body of a
 * redirect it follows): keep it, drop it (an error page) or stop. */
static enum body_mode decide_body(struct fetch_transfer *t)
{
	char *ctype = NULL;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->status);
	if (t->status != 0 && (t->status < 200 || t->status > 299))
		return BODY_DROP;
	if (t->job->is_robots)
		return BODY_KEEP;
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ctype);
	if (!readable_type(ctype)) {
		t->wrong_type = 1;
		return BODY_STOP;
	}
	return BODY_KEEP;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct fetch_transfer *t = userdata;
	size_t len = size * nmemb;

	if (t->body_mode == BODY_UNDECIDED)
		t->body_mode = decide_body(t);
	if (t->body_mode == BODY_STOP)
		return 0;	/* CURLE_WRITE_ERROR: stop reading */
	if (t->body_mode == BODY_DROP)
		return len;
	if (len > t->max_bytes - t->body.len) {
		t->too_big = 1;
		return 0;
	}
	buf_append(&t->body, data, len);
	return len;
}

/* Copy a header's value, trimmed, when it is short and has no control
 * characters (it may be sent back to the server). */
static void keep_value(char *dst, const char *v, size_t len)
{
	size_t i;

	while (len > 0 && isspace((unsigned char)*v))
		v++, len--;
	while (len > 0 && isspace((unsigned char)v[len - 1]))
		len--;
	if (len >= FETCH_HEADER_MAX)
		return;
	for (i = 0; i < len; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return;
	memcpy(dst, v, len);
	dst[len] = '\0';
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	static const struct { const char *name; size_t off; } kept[] = {
		{ "etag:", offsetof(struct fetch_transfer, etag) },
		{ "last-modified:", offsetof(struct fetch_transfer, last_modified) },
		{ "retry-after:", offsetof(struct fetch_transfer, retry_after) },
	};
	struct fetch_transfer *t = userdata;
	size_t len = size * nmemb, i, n;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		/* a new response (after a redirect): forget the last one's */
		t->etag[0] = t->last_modified[0] = t->retry_after[0] = '\0';
		return len;
	}
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		n = strlen(kept[i].name);
		if (len > n && strncasecmp(data, kept[i].name, n) == 0)
			keep_value((char *)t + kept[i].off, data + n, len - n);
	}
	return len;
}

static void add_header(struct fetch_transfer *t, const char *name, const char *value)
{
	char *line;
	struct curl_slist *l;

	if (value == NULL || strpbrk(value, "\r\n") != NULL || strlen(value) >= FETCH_HEADER_MAX)
		return;
	line = xasprintf("%s: %s", name, value);
	l = curl_slist_append(t->headers, line);
	free(line);
	if (l == NULL)
		xalloc_die();
	t->headers = l;
}

struct fetch_transfer *fetch_transfer_new(struct fetch_multi *m, struct fetch_host *h,
					  struct fetch_job *job)
{
	struct fetch_transfer *t = xcalloc(1, sizeof(*t));
	CURL *c = curl_easy_init();

	if (c == NULL)
		xalloc_die();
	t->easy = c;
	t->job = job;
	t->host = h;
	t->multi = m;
	buf_init(&t->body);
	t->max_bytes = job->is_robots ? FETCH_ROBOTS_MAX_BYTES : m->policy.max_bytes;
	fetch_setup_easy(c, &m->policy);
	if (job->is_robots) {	/* RFC 9309: follow at least five */
		curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
		curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	}	/* other redirects are queued anew: fetch-multi.c */
	add_header(t, "If-None-Match", job->etag);
	add_header(t, "If-Modified-Since", job->last_modified);
	if (t->headers != NULL)
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(c, CURLOPT_URL, job->url);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(c, CURLOPT_PRIVATE, t);
	return t;
}

void fetch_transfer_free(struct fetch_transfer *t)
{
	if (t == NULL)
		return;
	curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	buf_release(&t->body);
	free(t);
}

char *fetch_transfer_error(const struct fetch_transfer *t, CURLcode rc)
{
	if (t->too_big)
		return xasprintf("page larger than %zu bytes, cut off", t->max_bytes);
	if (rc != CURLE_OK)
		return xstrdup(t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc));
	if (t->status == 304 && t->headers == NULL)
		return xstrdup("HTTP status 304 to a request that was not conditional");
	return xasprintf("HTTP status %ld", t->status);
}
