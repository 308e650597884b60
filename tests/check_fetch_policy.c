/*
 * check_fetch_policy.c - Retry-After values as servers send them, the
 * backoff's bounds, and the verdict on each kind of finished transfer.
 */
#include "config.h"

#include "check-main.h"
#include <curl/curl.h>
#include <limits.h>
#include <math.h>

#include "fetch-policy.h"

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* 2015-10-21 07:26:00 UTC: two minutes before the dates below. */
#define NOW ((time_t)1445412480 - 120)

static const struct {
	const char *value;
	int ret;
	double seconds;
} retry_cases[] = {
	{ "120", 0, 120 },
	{ "0", 0, 0 },
	{ " 5 ", 0, 5 },
	{ "\t30", 0, 30 },
	{ "007", 0, 7 },
	{ "86400", 0, 86400 },
	{ "86401", 0, FETCH_RETRY_AFTER_MAX },
	{ "99999999999999999999999999999999", 0, FETCH_RETRY_AFTER_MAX },
	/* the three HTTP-date forms of one moment */
	{ "Wed, 21 Oct 2015 07:28:00 GMT", 0, 120 },
	{ "Wednesday, 21-Oct-15 07:28:00 GMT", 0, 120 },
	{ "Wed Oct 21 07:28:00 2015", 0, 120 },
	{ "Wed, 21 Oct 2015 07:28:00 GMT  ", 0, 120 },
	{ "Wed Oct  1 07:28:00 2015", 0, 0 },		/* a padded day, in the past */
	{ "Thu, 22 Oct 2015 07:26:00 GMT", 0, 86400 },
	{ "Fri, 31 Dec 9999 23:59:59 GMT", 0, FETCH_RETRY_AFTER_MAX },
	{ "Wed, 21 Oct 2015 07:26:00 GMT", 0, 0 },	/* now */
	{ "Sun, 06 Nov 1994 08:49:37 GMT", 0, 0 },	/* past: at once */
	{ "Sunday, 06-Nov-94 08:49:37 GMT", 0, 0 },
	{ "Sun Nov  6 08:49:37 1994", 0, 0 },
	{ "Thursday, 01-Jan-70 00:00:00 GMT", 0, 0 },	/* 1970, not 2070 */
	{ "Wed, 21 oct 2015 07:28:00 GMT", 0, 120 },	/* month in any case */
	{ "Wed, 21 Oct 2015 07:28:60 GMT", 0, 180 },	/* a leap second */
	/* not a Retry-After */
	{ "", -1, 0 },
	{ "   ", -1, 0 },
	{ "soon", -1, 0 },
	{ "-5", -1, 0 },
	{ "1.5", -1, 0 },
	{ "12 s", -1, 0 },
	{ "0x10", -1, 0 },
	{ "Wed, 21 Oct 2015 07:28:00", -1, 0 },
	{ "Wed, 21 Oct 2015 07:28:00 CET", -1, 0 },
	{ "Wed, 31 Feb 2015 07:28:00 GMT", -1, 0 },
	{ "Wed, 21 Oct 2015 25:28:00 GMT", -1, 0 },
	{ "Wed, 21 Oct 2015 07:61:00 GMT", -1, 0 },
	{ "Wed, 21 Foo 2015 07:28:00 GMT", -1, 0 },
	{ "Wed, 21 Oct 15 07:28:00 GMT", -1, 0 },
	{ "Wed, 1 Oct 2015 07:28:00 GMT", -1, 0 },
	{ "Wed, 21 Oct 2015 07:28 GMT", -1, 0 },
	{ "Wed, 21 Oct 2015 07:28:00 GMT x", -1, 0 },
	{ "Wed Oct 21 07:28:00 15", -1, 0 },
	{ "2015-10-21T07:28:00Z", -1, 0 },
	{ "We, 21 Oct 2015 07:28:00 GMT", -1, 0 },
};

START_TEST(test_retry_after)
{
	double seconds = -42;
	int ret = fetch_retry_after(retry_cases[_i].value, NOW, &seconds);

	ck_assert_msg(ret == retry_cases[_i].ret, "'%s': returned %d", retry_cases[_i].value, ret);
	if (ret == 0)
		ck_assert_msg(seconds == retry_cases[_i].seconds, "'%s': %g s", retry_cases[_i].value,
			      seconds);
	else
		ck_assert_msg(seconds == -42, "'%s': set %g", retry_cases[_i].value, seconds);
}
END_TEST

START_TEST(test_retry_after_null)
{
	double seconds = -42;

	ck_assert_int_eq(fetch_retry_after(NULL, NOW, &seconds), -1);
	ck_assert(seconds == -42);
}
END_TEST

/* Without jitter: doubling from base, then the cap. */
static const struct {
	int attempt;
	double base, cap, jitter, want;
} backoff_cases[] = {
	{ 1, 1, 60, 0, 1 },
	{ 2, 1, 60, 0, 2 },
	{ 3, 1, 60, 0, 4 },
	{ 6, 1, 60, 0, 32 },
	{ 7, 1, 60, 0, 60 },
	{ 100, 1, 60, 0, 60 },
	{ INT_MAX, 1, 60, 0, 60 },
	{ 0, 1, 60, 0, 1 },
	{ -5, 1, 60, 0, 1 },
	{ 1, 0.5, 300, 0, 0.5 },
	{ 4, 0.5, 300, 0, 4 },
	{ 1, 90, 60, 0, 60 },		/* base above cap */
	{ 3, 1, 60, 0.5, 4 * (1 - FETCH_JITTER / 2) },
	{ 9, 1, 60, 0.5, 60 * (1 - FETCH_JITTER / 2) },
	{ 1, 1, 60, 5, 1 - FETCH_JITTER },	/* jitter clamped */
	{ 1, 1, 60, -1, 1 },
	{ 1, 0, 60, 0, 0 },
	{ 1, -1, 60, 0, 0 },
	{ 1, 1, 0, 0, 0 },
};

START_TEST(test_backoff)
{
	double got = fetch_backoff(backoff_cases[_i].attempt, backoff_cases[_i].base,
				   backoff_cases[_i].cap, backoff_cases[_i].jitter);

	ck_assert_msg(fabs(got - backoff_cases[_i].want) < 1e-9, "attempt %d: %g, want %g",
		      backoff_cases[_i].attempt, got, backoff_cases[_i].want);
}
END_TEST

/* For every jitter: within (1 - FETCH_JITTER) d .. d, never above the cap,
 * never shorter than the attempt before. */
START_TEST(test_backoff_bounds)
{
	double jitter, d;
	int attempt;

	for (jitter = 0; jitter < 1; jitter += 0.0625) {
		double last = 0;

		for (attempt = 1; attempt <= 40; attempt++) {
			double got = fetch_backoff(attempt, 0.75, 120, jitter);

			d = fmin(120, 0.75 * pow(2, attempt - 1));
			ck_assert_msg(got >= d * (1 - FETCH_JITTER) - 1e-9 && got <= d + 1e-9,
				      "attempt %d jitter %g: %g", attempt, jitter, got);
			ck_assert(got <= 120);
			ck_assert(got >= last);
			last = got;
		}
	}
	ck_assert(fetch_backoff(2, 1, 60, NAN) == 2);
}
END_TEST

static const struct {
	long status;
	int code;
	enum fetch_verdict want;
} classify_cases[] = {
	{ 200, CURLE_OK, FETCH_DONE },
	{ 204, CURLE_OK, FETCH_DONE },
	{ 206, CURLE_OK, FETCH_DONE },
	{ 304, CURLE_OK, FETCH_DONE },
	{ 0, CURLE_OK, FETCH_DONE },		/* file:// */
	{ 100, CURLE_OK, FETCH_FAIL },
	{ 301, CURLE_OK, FETCH_FAIL },		/* a redirect not followed */
	{ 400, CURLE_OK, FETCH_FAIL },
	{ 401, CURLE_OK, FETCH_FAIL },
	{ 403, CURLE_OK, FETCH_FAIL },
	{ 404, CURLE_OK, FETCH_FAIL },
	{ 410, CURLE_OK, FETCH_FAIL },
	{ 408, CURLE_OK, FETCH_RETRY },
	{ 429, CURLE_OK, FETCH_RETRY_AFTER },
	{ 503, CURLE_OK, FETCH_RETRY_AFTER },
	{ 500, CURLE_OK, FETCH_RETRY },
	{ 502, CURLE_OK, FETCH_RETRY },
	{ 504, CURLE_OK, FETCH_RETRY },
	{ 599, CURLE_OK, FETCH_RETRY },
	{ 600, CURLE_OK, FETCH_FAIL },
	{ 0, CURLE_OPERATION_TIMEDOUT, FETCH_RETRY },	/* also the low-speed limit */
	{ 200, CURLE_OPERATION_TIMEDOUT, FETCH_RETRY },
	{ 0, CURLE_COULDNT_CONNECT, FETCH_RETRY },
	{ 0, CURLE_RECV_ERROR, FETCH_RETRY },		/* connection reset */
	{ 0, CURLE_SEND_ERROR, FETCH_RETRY },
	{ 0, CURLE_GOT_NOTHING, FETCH_RETRY },
	{ 200, CURLE_PARTIAL_FILE, FETCH_RETRY },	/* a truncated body */
	{ 200, CURLE_HTTP2_STREAM, FETCH_RETRY },
	{ 301, CURLE_TOO_MANY_REDIRECTS, FETCH_FAIL },
	{ 200, CURLE_FILESIZE_EXCEEDED, FETCH_FAIL },
	{ 200, CURLE_WRITE_ERROR, FETCH_FAIL },		/* the body cap's callback */
	{ 200, CURLE_ABORTED_BY_CALLBACK, FETCH_FAIL },
	{ 0, CURLE_SSL_CONNECT_ERROR, FETCH_FAIL },
	{ 0, CURLE_PEER_FAILED_VERIFICATION, FETCH_FAIL },
	{ 0, CURLE_COULDNT_RESOLVE_HOST, FETCH_FAIL },
	{ 0, CURLE_URL_MALFORMAT, FETCH_FAIL },
	{ 0, CURLE_UNSUPPORTED_PROTOCOL, FETCH_FAIL },
	{ 200, CURLE_BAD_CONTENT_ENCODING, FETCH_FAIL },
	{ 503, CURLE_HTTP_RETURNED_ERROR, FETCH_RETRY_AFTER },
	{ 500, CURLE_HTTP_RETURNED_ERROR, FETCH_RETRY },
	{ 404, CURLE_HTTP_RETURNED_ERROR, FETCH_FAIL },
	{ 0, CURLE_HTTP_RETURNED_ERROR, FETCH_FAIL },
};

START_TEST(test_classify)
{
	enum fetch_verdict got = fetch_classify(classify_cases[_i].status, classify_cases[_i].code);

	ck_assert_msg(got == classify_cases[_i].want, "status %ld, curl %d: %d, want %d",
		      classify_cases[_i].status, classify_cases[_i].code, (int)got,
		      (int)classify_cases[_i].want);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("fetch-policy");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_retry_after, 0, NCASES(retry_cases));
	tcase_add_test(tc, test_retry_after_null);
	tcase_add_loop_test(tc, test_backoff, 0, NCASES(backoff_cases));
	tcase_add_test(tc, test_backoff_bounds);
	tcase_add_loop_test(tc, test_classify, 0, NCASES(classify_cases));
	suite_add_tcase(s, tc);
	return s;
}
