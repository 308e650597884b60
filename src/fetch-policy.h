/*
 * fetch-policy.h - what a crawler does after a response: done, retry now
 * after a backoff, retry when the server says, or give up.  Pure: no I/O,
 * no clock (the caller passes "now" and its random numbers), never prints.
 */
#ifndef JOBSTATS_FETCH_POLICY_H
#define JOBSTATS_FETCH_POLICY_H

#include <time.h>

/* Retry-After values above this (seconds) are read as this: one day. */
#define FETCH_RETRY_AFTER_MAX 86400.0

/* A backoff delay is cut by at most this fraction, at random (jitter). */
#define FETCH_JITTER 0.25

enum fetch_verdict {
	/* A 2xx or 304 (not modified); also a transfer with no HTTP status
	 * (file://) that curl completed. */
	FETCH_DONE,
	/* Transient: 408, another 5xx than 503, or a transport failure that
	 * may pass (timeout, also a too-slow transfer; connection refused,
	 * reset, closed with nothing, a truncated body): retry after
	 * fetch_backoff(). */
	FETCH_RETRY,
	/* 429 or 503: retry after the response's Retry-After
	 * (fetch_retry_after()), or fetch_backoff() when it has none. */
	FETCH_RETRY_AFTER,
	/* Do not retry: another 4xx, an unfollowed 3xx, too many redirects,
	 * a body over the size limit, TLS or certificate errors, a bad URL,
	 * an unknown host, and any curl error not named above. */
	FETCH_FAIL,
};

/*
 * The delay a Retry-After header value asks for, in *seconds: delta
 * seconds ("120"; blanks around it allowed) or an HTTP-date (IMF-fixdate
 * "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37
 * GMT" and asctime "Sun Nov  6 08:49:37 1994"), counted from now.  A past
 * date gives 0; anything above FETCH_RETRY_AFTER_MAX gives that.  Returns
 * 0, or -1 (*seconds untouched) when value is NULL or not one of these.
 */
int fetch_retry_after(const char *value, time_t now, double *seconds);

/*
 * The delay before retry number attempt (1 for the first retry):
 * d = base * 2^(attempt-1), at most cap, then cut by jitter01 *
 * FETCH_JITTER, so the result lies in (0.75 d, d].  jitter01 in [0, 1)
 * is the caller's random number (out of range is clamped).  For one
 * jitter01 it never decreases with attempt and never exceeds cap;
 * attempt < 1 counts as 1; a base or cap that is not positive gives 0.
 */
double fetch_backoff(int attempt, double base, double cap, double jitter01);

/*
 * What to do after a transfer that ended with curl_code (a CURLcode) and
 * HTTP status (0 when there was none).  A curl error decides first, except
 * CURLE_HTTP_RETURNED_ERROR, where the status does.
 */
enum fetch_verdict fetch_classify(long status, int curl_code);

#endif
