/*
 * fetch-multi.c - the crawl's fetch loop over libcurl's multi interface:
 * start every transfer a host's turn allows, read what ended, retry or
 * report it, sleep in curl_multi_poll until the next thing can happen.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "fetch-internal.h"
#include "fetch-policy.h"
#include "xalloc.h"

double fetch_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* [0, 1), xorshift64*: jitter needs no more. */
double fetch_random(struct fetch_multi *m)
{
	m->rng ^= m->rng >> 12;
	m->rng ^= m->rng << 25;
	m->rng ^= m->rng >> 27;
	return (double)((m->rng * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

void fetch_note(struct fetch_multi *m, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (m->note == NULL)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	m->note(msg, m->ctx);
	free(msg);
}

static void job_free(struct fetch_job *job)
{
	free(job->asked);
	free(job->url);
	free(job->etag);
	free(job->last_modified);
	free(job);
}

void fetch_job_done(struct fetch_multi *m, struct fetch_job *job, struct fetch_done *d)
{
	d->url = job->asked ? job->asked : job->url;
	d->tag = job->tag;
	d->attempts = job->attempts;
	if (d->effective_url == NULL)
		d->effective_url = job->url;
	if (!job->is_robots)
		m->done(d, m->ctx);
	job_free(job);
}

void fetch_job_report(struct fetch_multi *m, struct fetch_job *job, enum fetch_outcome o,
		      const char *error)
{
	struct fetch_done d = { .outcome = o, .error = error };

	fetch_job_done(m, job, &d);
}

struct fetch_multi *fetch_multi_new(const struct fetch_policy *policy, fetch_done_fn *done,
				    fetch_note_fn *note, void *ctx)
{
	struct fetch_multi *m = xcalloc(1, sizeof(*m));

	m->policy = *policy;
	fetch_policy_defaults(&m->policy);
	m->done = done;
	m->note = note;
	m->ctx = ctx;
	m->curl = curl_multi_init();
	if (m->curl == NULL)
		xalloc_die();
	/* Transfers in flight are capped by start_ready; idle connections stay
	 * cached for their host's next turn (a total cap would close them). */
	curl_multi_setopt(m->curl, CURLMOPT_MAX_HOST_CONNECTIONS, (long)m->policy.per_host);
	curl_multi_setopt(m->curl, CURLMOPT_MAXCONNECTS, 256L);
	m->rng = (unsigned long long)time(NULL) * 0x9E3779B97F4A7C15ULL ^ (unsigned long long)getpid();
	if (m->rng == 0)
		m->rng = 1;
	return m;
}

void fetch_multi_add(struct fetch_multi *m, const char *url, double delay, const char *etag,
		     const char *last_modified, void *tag)
{
	struct fetch_job *job = xcalloc(1, sizeof(*job));
	struct fetch_host *h;

	job->asked = xstrdup(url);
	job->url = xstrdup(url);
	job->tag = tag;
	job->delay = delay;
	job->etag = xstrdup_or_null(etag);
	job->last_modified = xstrdup_or_null(last_modified);
	h = fetch_host_of(m, url);
	if (h == NULL || m->stopped) {
		fetch_job_report(m, job, FETCH_FAILED, h == NULL ? "malformed URL" : "interrupted");
		return;
	}
	if (h->is_web && delay > h->delay) {
		h->delay = delay;	/* from the last start on, not the next one */
		if (h->last_start > 0 && h->next_at < h->last_start + delay)
			h->next_at = h->last_start + delay;
	}
	fetch_queue_job(m, h, job, 0);
}

void fetch_queue_job(struct fetch_multi *m, struct fetch_host *h, struct fetch_job *job,
		     int front)
{
	if (h->given_up != NULL) {	/* also a redirect into it: no request again */
		fetch_job_report(m, job, FETCH_HOST_GIVEN_UP, h->given_up);
		return;
	}
	if (h->robots_state == ROBOTS_NEEDED) {
		struct fetch_job *r = xcalloc(1, sizeof(*r));

		r->url = xasprintf("%s/robots.txt", h->key);
		r->is_robots = 1;
		fetch_host_push(h, r, 0);
		m->queued++;
		h->robots_state = ROBOTS_FETCHING;
	}
	fetch_host_push(h, job, front);
	m->queued++;
}

/* Seconds until h may start its next request; 0: now; -1: not before
 * something running ends (or nothing waits). */
static double host_wait(const struct fetch_multi *m, const struct fetch_host *h, double now)
{
	double at;

	if (h->head == NULL || h->active >= (h->is_web ? m->policy.per_host : m->policy.max_in_flight))
		return -1;
	if (h->robots_state == ROBOTS_FETCHING && !h->head->is_robots)
		return -1;	/* robots.txt first */
	at = h->head->not_before > h->next_at ? h->head->not_before : h->next_at;
	return at > now ? at - now : 0;
}

static void start_transfer(struct fetch_multi *m, struct fetch_host *h, double now)
{
	struct fetch_job *job = fetch_host_pop(h);
	struct fetch_transfer *t;

	m->queued--;
	if (!fetch_host_allows(h, job)) {
		fetch_job_report(m, job, FETCH_ROBOTS, "disallowed by robots.txt");
		return;
	}
	job->attempts++;
	t = fetch_transfer_new(m, h, job);
	if (curl_multi_add_handle(m->curl, t->easy) != CURLM_OK)
		xalloc_die();	/* only a handle already added or out of memory */
	m->list = xreallocarray(m->list, m->nlist + 1, sizeof(*m->list));
	m->list[m->nlist++] = t;
	h->active++;
	m->running++;
	h->last_start = t->started = now;
	if (h->is_web) {
		t->gap = h->delay * (1 + m->policy.jitter * fetch_random(m));
		h->next_at = now + t->gap;
	}
}

/* Start what may start; the seconds until the next start could be due
 * (-1: none waits on time). */
static double start_ready(struct fetch_multi *m)
{
	double now = fetch_now(), soonest = -1, w;
	size_t i, k;

	for (k = 0; k < m->nhosts && m->running < m->policy.max_in_flight; k++) {
		struct fetch_host *h;

		i = (m->next_host + k) % m->nhosts;
		h = m->hosts[i];
		while (m->running < m->policy.max_in_flight && (w = host_wait(m, h, now)) == 0)
			start_transfer(m, h, now);
		if (w > 0 && (soonest < 0 || w < soonest))
			soonest = w;
	}
	if (m->nhosts > 0)
		m->next_host = (m->next_host + 1) % m->nhosts;
	return soonest;
}

/* A retry waits Retry-After when the server gave one, else backs off. */
static double retry_wait(struct fetch_multi *m, struct fetch_transfer *t, double *asked)
{
	double w = -1;

	*asked = -1;
	if (t->retry_after[0] && fetch_retry_after(t->retry_after, time(NULL), &w) == 0)
		*asked = w;
	if (w < 0)
		w = fetch_backoff(t->job->attempts, m->policy.backoff, m->policy.backoff_max,
				  fetch_random(m));
	return w;
}

/* Try again later; 0 when the job is out of attempts or its host asks for
 * a longer wait than we give (then the host is given up). */
static int retry_later(struct fetch_multi *m, struct fetch_transfer *t, const char *why)
{
	struct fetch_host *h = t->host;
	double asked, w = retry_wait(m, t, &asked);

	if (asked > m->policy.retry_after_max) {
		fetch_host_give_up(m, h, xasprintf("asks to wait %g s (Retry-After), longer "
						   "than %g s", asked, m->policy.retry_after_max));
		return 0;
	}
	if (t->job->attempts > m->policy.retries || h->failures >= m->policy.host_failures ||
	    h->given_up != NULL)	/* while this transfer ran */
		return 0;
	fetch_note(m, "%s: %s, retrying in %.1f s", t->job->url, why, w);
	t->job->not_before = fetch_now() + w;
	if (h->next_at < t->job->not_before)
		h->next_at = t->job->not_before;
	fetch_host_push(h, t->job, 1);
	m->queued++;
	t->job = NULL;
	return 1;
}

static enum fetch_outcome outcome_of(const struct fetch_transfer *t, enum fetch_verdict v)
{
	if (t->wrong_type)
		return FETCH_WRONG_TYPE;
	if (v != FETCH_DONE || t->too_big)
		return FETCH_FAILED;
	if (t->status == 304)	/* "unchanged" means nothing to a request that was not conditional */
		return t->headers != NULL ? FETCH_NOT_MODIFIED : FETCH_FAILED;
	return FETCH_OK;
}

/* Hand the caller what the transfer got; why is taken. */
static void report_transfer(struct fetch_multi *m, struct fetch_transfer *t,
			    enum fetch_verdict v, char *why)
{
	struct fetch_done d = { .status = t->status, .body = &t->body };
	char *ctype = NULL, *eff = NULL;

	d.outcome = outcome_of(t, v);
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &ctype);
	d.effective_url = eff;
	d.content_type = ctype;
	d.etag = t->etag[0] ? t->etag : NULL;
	d.last_modified = t->last_modified[0] ? t->last_modified : NULL;
	if (d.outcome == FETCH_WRONG_TYPE) {
		free(why);
		why = xasprintf("content type '%s' is not a web page", ctype ? ctype : "");
	}
	d.error = d.outcome == FETCH_OK || d.outcome == FETCH_NOT_MODIFIED ? NULL : why;
	fetch_job_done(m, t->job, &d);
	t->job = NULL;
	free(why);
}

static enum fetch_verdict verdict_of(const struct fetch_transfer *t, CURLcode rc)
{
	if (t->too_big || t->wrong_type)
		return FETCH_FAIL;
	if (rc == CURLE_OK && t->status == 0)
		return FETCH_DONE;	/* file:// */
	return fetch_classify(t->status, (int)rc);
}

static int is_redirect(long status)
{
	return status == 301 || status == 302 || status == 303 || status == 307 ||
	       status == 308;
}

/*
 * Follow a redirect ourselves rather than let libcurl do it, so that the
 * target's host gets its robots.txt read and its turn like any other.
 * 1 when the job was queued again; 0 with *why set when it cannot be.
 */
static int follow_redirect(struct fetch_multi *m, struct fetch_transfer *t, char **why)
{
	struct fetch_job *job = t->job;
	struct fetch_host *h;
	char *to = NULL;

	curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &to);
	if (to == NULL)
		return 0;	/* no Location: the 3xx is the answer */
	if (++job->redirects > m->policy.max_redirects) {
		free(*why);
		*why = xasprintf("more than %ld redirects", m->policy.max_redirects);
		return 0;
	}
	h = strncasecmp(to, "http://", 7) == 0 || strncasecmp(to, "https://", 8) == 0 ?
	    fetch_host_of(m, to) : NULL;
	if (h == NULL) {
		free(*why);
		*why = xasprintf("redirected to '%s', not a web page", to);
		return 0;
	}
	free(job->url);
	job->url = xstrdup(to);
	free(job->etag);	/* validators of another URL */
	free(job->last_modified);
	job->etag = job->last_modified = NULL;
	job->not_before = 0;
	job->attempts = 0;	/* retries are counted per URL */
	fetch_queue_job(m, h, job, h == t->host);
	t->job = NULL;
	return 1;
}

static void unlist_transfer(struct fetch_multi *m, struct fetch_transfer *t)
{
	size_t i;

	for (i = 0; i < m->nlist; i++)
		if (m->list[i] == t) {
			m->list[i] = m->list[--m->nlist];
			break;
		}
}

static void finish_transfer(struct fetch_multi *m, struct fetch_transfer *t, CURLcode rc)
{
	struct fetch_host *h = t->host;
	enum fetch_verdict v;
	char *why;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->status);
	fetch_host_delay_from_request(t);
	v = verdict_of(t, rc);
	why = fetch_transfer_error(t, rc);
	curl_multi_remove_handle(m->curl, t->easy);
	unlist_transfer(m, t);
	h->active--;
	m->running--;
	if (v == FETCH_DONE ||
	    (rc == CURLE_OK && t->status > 0 && t->status < 500 && t->status != 429))
		h->failures = 0;	/* it answered */
	else
		h->failures++;	/* the host's trouble, not the page's */
	if (rc == CURLE_OK && is_redirect(t->status) && !t->job->is_robots &&
	    follow_redirect(m, t, &why)) {
		free(why);
	} else if ((v == FETCH_RETRY || v == FETCH_RETRY_AFTER) && retry_later(m, t, why)) {
		free(why);
	} else if (t->job->is_robots) {
		fetch_host_robots_done(m, h, t, rc);
		fetch_job_report(m, t->job, FETCH_FAILED, NULL);	/* frees it */
		free(why);
	} else {
		report_transfer(m, t, v, why);
	}
	if (h->given_up == NULL && h->failures >= m->policy.host_failures)
		fetch_host_give_up(m, h, xasprintf("%d failure%s in a row", h->failures,
						  h->failures == 1 ? "" : "s"));
	/* The delay also runs from the end of a request: one that waited for
	 * its connection must not leave the next one arriving early. */
	if (h->is_web && h->next_at < fetch_now() + h->delay)
		h->next_at = fetch_now() + h->delay;
	fetch_transfer_free(t);
}

/* Read the transfers libcurl has finished; how many there were. */
static int drain(struct fetch_multi *m)
{
	CURLMsg *msg;
	int left, n = 0;

	while ((msg = curl_multi_info_read(m->curl, &left)) != NULL) {
		struct fetch_transfer *t = NULL;

		if (msg->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
		finish_transfer(m, t, msg->data.result);
		n++;
	}
	return n;
}

static int poll_ms(struct fetch_multi *m, double wait)
{
	long curl_ms = -1;
	double ms = wait < 0 ? 1000 : wait * 1000 + 1;

	curl_multi_timeout(m->curl, &curl_ms);
	if (curl_ms >= 0 && curl_ms < ms)
		ms = (double)curl_ms;
	return ms > 1000 ? 1000 : (int)ms;
}

static void drop_all(struct fetch_multi *m, const char *why);

int fetch_multi_run(struct fetch_multi *m, char **err)
{
	CURLMcode mc = CURLM_OK;
	int still;

	while (!m->stopped) {
		int hold = 0, outside = m->tick != NULL ? m->tick(m->ctx, &hold) : 0;
		double wait;

		if (m->queued == 0 && m->running == 0 && outside == 0)
			break;
		wait = hold ? -1 : start_ready(m);
		mc = curl_multi_perform(m->curl, &still);
		if (mc != CURLM_OK)
			break;
		if (drain(m) > 0)
			continue;	/* new URLs may be queued, hosts freed */
		mc = curl_multi_poll(m->curl, NULL, 0, poll_ms(m, wait), NULL);
		if (mc != CURLM_OK)
			break;
	}
	if (mc != CURLM_OK)
		m->stopped = 1;	/* what the callback queues now is reported at once */
	if (m->stopped)	/* every URL is still reported, once */
		drop_all(m, mc != CURLM_OK ? curl_multi_strerror(mc) : "interrupted");
	if (mc != CURLM_OK)
		return set_error(err, "cannot fetch: %s", curl_multi_strerror(mc));
	return 0;
}

void fetch_multi_set_tick(struct fetch_multi *m, fetch_tick_fn *tick)
{
	m->tick = tick;
}

void fetch_multi_wakeup(struct fetch_multi *m)
{
	curl_multi_wakeup(m->curl);
}

void fetch_multi_stop(struct fetch_multi *m)
{
	m->stopped = 1;
}

/* Everything still queued or in flight is reported failed: why. */
static void drop_all(struct fetch_multi *m, const char *why)
{
	size_t i;

	while (m->nlist > 0) {
		struct fetch_transfer *t = m->list[--m->nlist];

		curl_multi_remove_handle(m->curl, t->easy);
		m->running--;
		t->host->active--;
		fetch_job_report(m, t->job, FETCH_FAILED, why);
		fetch_transfer_free(t);
	}
	for (i = 0; i < m->nhosts; i++) {
		struct fetch_job *job;

		while ((job = fetch_host_pop(m->hosts[i])) != NULL) {
			m->queued--;
			fetch_job_report(m, job, FETCH_FAILED, why);
		}
	}
}

static void ignore_done(const struct fetch_done *d, void *ctx)
{
	(void)d;
	(void)ctx;
}

void fetch_multi_free(struct fetch_multi *m)
{
	if (m == NULL)
		return;
	m->done = ignore_done;	/* the caller's context may be gone by now */
	drop_all(m, "interrupted");
	fetch_hosts_free(m);
	free(m->list);
	curl_multi_cleanup(m->curl);
	free(m);
}
