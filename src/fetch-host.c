/*
 * fetch-host.c - the hosts of a crawl: a queue of URLs each, robots.txt
 * fetched first and obeyed, and giving a host up when it keeps failing.
 * A host is an origin (scheme, name, port), as robots.txt's scope is.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fetch-internal.h"
#include "robots.h"
#include "xalloc.h"

/* "scheme://host:port" of an http(s) URL, "file://" for local files; NULL
 * for what libcurl cannot parse. */
static char *origin_of(const char *url, int *is_web)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *key = NULL;

	if (u == NULL)
		xalloc_die();
	*is_web = 0;
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK)
		goto out;
	if (strcasecmp(scheme, "file") == 0) {
		key = xstrdup("file://");
		goto out;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK)
		goto out;
	*is_web = 1;
	key = xasprintf("%s://%s:%s", scheme, host, port);
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return key;
}

static struct fetch_host *host_new(struct fetch_multi *m, char *key, int is_web)
{
	struct fetch_host *h = xcalloc(1, sizeof(*h));

	h->key = key;
	h->is_web = is_web;
	h->delay = is_web ? m->policy.delay : 0;
	h->robots_state = is_web && !m->policy.ignore_robots ? ROBOTS_NEEDED : ROBOTS_READY;
	m->hosts = xreallocarray(m->hosts, m->nhosts + 1, sizeof(*m->hosts));
	m->hosts[m->nhosts++] = h;
	return h;
}

struct fetch_host *fetch_host_of(struct fetch_multi *m, const char *url)
{
	int is_web;
	char *key = origin_of(url, &is_web);
	size_t i;

	if (key == NULL)
		return NULL;
	for (i = 0; i < m->nhosts; i++)
		if (strcmp(m->hosts[i]->key, key) == 0) {
			free(key);
			return m->hosts[i];
		}
	return host_new(m, key, is_web);
}

void fetch_host_push(struct fetch_host *h, struct fetch_job *job, int front)
{
	if (front) {
		job->next = h->head;
		h->head = job;
		if (h->tail == NULL)
			h->tail = job;
		return;
	}
	job->next = NULL;
	if (h->tail != NULL)
		h->tail->next = job;
	else
		h->head = job;
	h->tail = job;
}

struct fetch_job *fetch_host_pop(struct fetch_host *h)
{
	struct fetch_job *job = h->head;

	if (job != NULL) {
		h->head = job->next;
		if (h->head == NULL)
			h->tail = NULL;
		job->next = NULL;
	}
	return job;
}

/* The path and query robots.txt rules are matched against. */
static char *robots_path_of(const char *url)
{
	CURLU *u = curl_url();
	char *path = NULL, *query = NULL, *out;

	if (u == NULL)
		xalloc_die();
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK)
		curl_url_get(u, CURLUPART_PATH, &path, 0);
	curl_url_get(u, CURLUPART_QUERY, &query, 0);
	out = xasprintf("%s%s%s", path ? path : "/", query ? "?" : "", query ? query : "");
	curl_free(path);
	curl_free(query);
	curl_url_cleanup(u);
	return out;
}

int fetch_host_allows(const struct fetch_host *h, const struct fetch_job *job)
{
	char *path;
	int ok;

	if (h->robots == NULL || job->is_robots)
		return 1;
	path = robots_path_of(job->url);
	ok = robots_allowed(h->robots, path);
	free(path);
	return ok;
}

/* A Crawl-delay slows the host down, never speeds it up. */
static void obey_crawl_delay(struct fetch_multi *m, struct fetch_host *h)
{
	double d = robots_crawl_delay(h->robots);

	if (d > h->delay) {
		fetch_note(m, "%s: robots.txt asks for %g s between requests", h->key, d);
		h->delay = d;	/* from robots.txt's own request on: finish_transfer */
	}
}

void fetch_host_robots_done(struct fetch_multi *m, struct fetch_host *h,
			    struct fetch_transfer *t, CURLcode rc)
{
	char *why;

	h->robots_state = ROBOTS_READY;
	if ((rc == CURLE_OK || t->too_big) && t->status >= 200 && t->status <= 299) {
		h->robots = robots_parse(t->body.data ? t->body.data : "", t->body.len,
					 m->policy.robots_agent);
		obey_crawl_delay(m, h);
		return;
	}
	/* 429 asks us to slow down, not to go ahead: unreachable, as Google has it */
	if (rc == CURLE_OK && t->status >= 400 && t->status <= 499 && t->status != 429) {
		/* RFC 9309: an unavailable robots.txt allows everything */
		fetch_note(m, "%s: no robots.txt (HTTP %ld), everything allowed", h->key, t->status);
		return;
	}
	/* Unreachable: RFC 9309 says assume everything is disallowed. */
	why = fetch_transfer_error(t, rc);
	fetch_host_give_up(m, h, xasprintf("robots.txt unreachable: %s", why));
	free(why);
}

void fetch_host_delay_from_request(struct fetch_transfer *t)
{
	curl_off_t pre = 0, total = 0;
	double sent, by_end;

	if (!t->host->is_web ||
	    curl_easy_getinfo(t->easy, CURLINFO_PRETRANSFER_TIME_T, &pre) != CURLE_OK || pre <= 0 ||
	    curl_easy_getinfo(t->easy, CURLINFO_TOTAL_TIME_T, &total) != CURLE_OK)
		return;	/* never sent */
	sent = t->started + (double)pre / 1e6;
	/* curl saw the answer end total - pre after sending; we see it later if
	 * anything, so this is never before the request went out */
	by_end = fetch_now() - (double)(total - pre) / 1e6;
	if (by_end > sent)
		sent = by_end;
	if (t->started == t->host->last_start)	/* the latest: a Crawl-delay counts from it */
		t->host->last_start = sent;
	if (t->host->next_at < sent + t->gap)
		t->host->next_at = sent + t->gap;
}

void fetch_host_give_up(struct fetch_multi *m, struct fetch_host *h, char *why)
{
	struct fetch_job *job;

	if (h->given_up == NULL) {
		fetch_note(m, "%s: given up for this run: %s", h->key, why);
		h->given_up = why;
	} else {
		free(why);
	}
	while ((job = fetch_host_pop(h)) != NULL) {
		m->queued--;
		fetch_job_report(m, job, FETCH_HOST_GIVEN_UP, h->given_up);
	}
}

void fetch_hosts_free(struct fetch_multi *m)
{
	size_t i;

	for (i = 0; i < m->nhosts; i++) {
		free(m->hosts[i]->key);
		free(m->hosts[i]->given_up);
		robots_free(m->hosts[i]->robots);
		free(m->hosts[i]);
	}
	free(m->hosts);
	m->hosts = NULL;
	m->nhosts = 0;
}
