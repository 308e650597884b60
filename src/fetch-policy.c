/*
 * fetch-policy.c - Retry-After, exponential backoff and the verdict on a
 * finished transfer.  HTTP dates are counted with date.h's day numbers, so
 * no time zone (TZ, timegm, mktime) is involved.
 */
#include "config.h"

#include <curl/curl.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "fetch-policy.h"

/* An HTTP-date's fields, as read. */
struct http_time {
	struct date day;
	int hour, minute, second;
};

static const char month_names[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* min to max digits at *s into *out; the cursor moves past them. */
static int read_digits(const char **s, int min, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && is_digit((*s)[n]))
		v = v * 10 + ((*s)[n++] - '0');
	if (n < min || is_digit((*s)[n]))
		return 0;
	*s += n;
	*out = v;
	return 1;
}

static int expect(const char **s, char c)
{
	if (**s != c)
		return 0;
	(*s)++;
	return 1;
}

/* A day name ("Sun", "Sunday"): letters only, checked no further. */
static int skip_day_name(const char **s)
{
	const char *p = *s;

	while (is_letter(*p))
		p++;
	if (p - *s < 3)
		return 0;
	*s = p;
	return 1;
}

static int read_month(const char **s, int *month)
{
	int i;

	if (!is_letter((*s)[0]) || !is_letter((*s)[1]) || !is_letter((*s)[2]) || is_letter((*s)[3]))
		return 0;
	for (i = 0; i < 12; i++)
		if (strncasecmp(*s, month_names + 3 * i, 3) == 0) {
			*month = i + 1;
			*s += 3;
			return 1;
		}
	return 0;
}

/* "08:49:37"; a leap second (60) is taken. */
static int read_clock(const char **s, struct http_time *t)
{
	return read_digits(s, 2, 2, &t->hour) && expect(s, ':') &&
	       read_digits(s, 2, 2, &t->minute) && expect(s, ':') &&
	       read_digits(s, 2, 2, &t->second) &&
	       t->hour < 24 && t->minute < 60 && t->second <= 60;
}

static int read_gmt(const char **s)
{
	if (strncmp(*s, "GMT", 3) != 0)
		return 0;
	*s += 3;
	return 1;
}

/* RFC 9110 5.6.7: a two-digit year more than 50 years ahead is last century's. */
static int full_year(int yy, time_t now)
{
	int this_year = date_from_days((long)(now / 86400)).year;
	int year = this_year - this_year % 100 + yy;

	return year > this_year + 50 ? year - 100 : year;
}

/* "06 Nov 1994 08:49:37 GMT" (IMF-fixdate) or "06-Nov-94 08:49:37 GMT" (RFC 850). */
static int read_after_comma(const char **s, time_t now, struct http_time *t)
{
	int yy;

	if (!expect(s, ' ') || !read_digits(s, 2, 2, &t->day.day))
		return 0;
	if (expect(s, ' '))
		return read_month(s, &t->day.month) && expect(s, ' ') &&
		       read_digits(s, 4, 4, &t->day.year) && expect(s, ' ') &&
		       read_clock(s, t) && expect(s, ' ') && read_gmt(s);
	if (!expect(s, '-') || !read_month(s, &t->day.month) || !expect(s, '-') ||
	    !read_digits(s, 2, 2, &yy))
		return 0;
	t->day.year = full_year(yy, now);
	return expect(s, ' ') && read_clock(s, t) && expect(s, ' ') && read_gmt(s);
}

/* "Nov  6 08:49:37 1994" (asctime; the day padded with a blank). */
static int read_asctime(const char **s, struct http_time *t)
{
	if (!expect(s, ' ') || !read_month(s, &t->day.month) || !expect(s, ' '))
		return 0;
	expect(s, ' ');
	return read_digits(s, 1, 2, &t->day.day) && expect(s, ' ') && read_clock(s, t) &&
	       expect(s, ' ') && read_digits(s, 4, 4, &t->day.year);
}

/* Seconds since the epoch of the HTTP-date s, or -1 when it is none. */
static int read_http_date(const char *s, time_t now, double *when)
{
	struct http_time t = { { 0, 0, 0 }, 0, 0, 0 };
	struct date back;
	int ok;

	if (!skip_day_name(&s))
		return -1;
	ok = expect(&s, ',') ? read_after_comma(&s, now, &t) : read_asctime(&s, &t);
	while (*s == ' ' || *s == '\t')
		s++;
	if (!ok || *s != '\0' || t.day.day < 1 || t.day.day > 31)
		return -1;
	back = date_from_days(date_to_days(t.day));	/* "31 Feb" comes back as March */
	if (back.year != t.day.year || back.month != t.day.month || back.day != t.day.day)
		return -1;
	*when = (double)date_to_days(t.day) * 86400.0 + t.hour * 3600.0 + t.minute * 60.0 +
		t.second;
	return 0;
}

/* Delta seconds: digits, blanks after; any count of digits, capped. */
static int read_delta(const char *s, double *seconds)
{
	double v = 0;

	if (!is_digit(*s))
		return -1;
	for (; is_digit(*s); s++)
		if (v <= FETCH_RETRY_AFTER_MAX)
			v = v * 10 + (*s - '0');
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0')
		return -1;
	*seconds = v < FETCH_RETRY_AFTER_MAX ? v : FETCH_RETRY_AFTER_MAX;
	return 0;
}

int fetch_retry_after(const char *value, time_t now, double *seconds)
{
	double when, wait;

	if (value == NULL)
		return -1;
	while (*value == ' ' || *value == '\t')
		value++;
	if (is_digit(*value))
		return read_delta(value, seconds);
	if (read_http_date(value, now, &when) != 0)
		return -1;
	wait = when - (double)now;
	*seconds = wait <= 0 ? 0 : wait < FETCH_RETRY_AFTER_MAX ? wait : FETCH_RETRY_AFTER_MAX;
	return 0;
}

double fetch_backoff(int attempt, double base, double cap, double jitter01)
{
	double d = base;
	int i;

	if (!(base > 0) || !(cap > 0))
		return 0;
	if (!(jitter01 > 0))	/* also NaN */
		jitter01 = 0;
	if (jitter01 > 1)
		jitter01 = 1;
	for (i = 1; i < attempt && d < cap; i++)
		d *= 2;
	if (d > cap)
		d = cap;
	return d * (1 - FETCH_JITTER * jitter01);
}

/* Transport failures that may well pass on a second try. */
static int curl_transient(int code)
{
	switch (code) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_COULDNT_CONNECT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2_STREAM:	/* the server reset the stream */
		return 1;
	default:
		return 0;
	}
}

enum fetch_verdict fetch_classify(long status, int curl_code)
{
	if (curl_code != CURLE_OK && curl_code != CURLE_HTTP_RETURNED_ERROR)
		return curl_transient(curl_code) ? FETCH_RETRY : FETCH_FAIL;
	if (status == 0)	/* file://: no status, curl is the judge */
		return curl_code == CURLE_OK ? FETCH_DONE : FETCH_FAIL;
	if ((status >= 200 && status < 300) || status == 304)
		return FETCH_DONE;
	if (status == 429 || status == 503)
		return FETCH_RETRY_AFTER;
	if (status == 408 || (status >= 500 && status < 600))
		return FETCH_RETRY;
	return FETCH_FAIL;
}
