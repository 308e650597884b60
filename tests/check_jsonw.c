/*
 * check_jsonw.c - JSON tokens, byte for byte.  The replacement cases agree
 * with Python's bytes.decode("utf-8", "replace") (one U+FFFD per maximal
 * invalid subpart); the number cases with Python's float repr where that is
 * no longer than 17 digits.
 */
#include "config.h"

#include "check-main.h"
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "buf.h"
#include "jsonw.h"

struct str_case {
	const char *in;
	const char *want;
};

static const struct str_case str_cases[] = {
	{ NULL, "null" },
	{ "", "\"\"" },
	{ "Data Engineer", "\"Data Engineer\"" },
	{ "say \"hi\"", "\"say \\\"hi\\\"\"" },
	{ "C:\\path", "\"C:\\\\path\"" },
	{ "a\nb\tc\rd\be\ff", "\"a\\nb\\tc\\rd\\be\\ff\"" },
	{ "\x01\x1f", "\"\\u0001\\u001f\"" },
	{ "\x7f", "\"\x7f\"" },			/* DEL is legal in JSON */
	{ "</script>", "\"</script>\"" },
	/* Valid UTF-8 passes through, up to U+10FFFF. */
	{ "Zürich", "\"Zürich\"" },
	{ "€130K", "\"€130K\"" },
	{ "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"" },	/* U+1F600 */
	{ "\xed\x9f\xbf", "\"\xed\x9f\xbf\"" },		/* U+D7FF */
	{ "\xef\xbf\xbf", "\"\xef\xbf\xbf\"" },		/* U+FFFF */
	{ "\xf4\x8f\xbf\xbf", "\"\xf4\x8f\xbf\xbf\"" },	/* U+10FFFF */
	/* Invalid bytes: one U+FFFD per maximal invalid subpart. */
	{ "\xff", "\"\\ufffd\"" },
	{ "\xf5", "\"\\ufffd\"" },
	{ "a\x80" "b", "\"a\\ufffdb\"" },		/* stray continuation */
	{ "Z\xfcrich", "\"Z\\ufffdrich\"" },		/* Latin-1, not UTF-8 */
	{ "\xc3", "\"\\ufffd\"" },			/* truncated at the end */
	{ "\xe2\x82", "\"\\ufffd\"" },			/* truncated euro sign */
	{ "\xe2\x82(", "\"\\ufffd(\"" },
	{ "\xf0\x9f\x98(", "\"\\ufffd(\"" },
	{ "\xf1\x80\x80\xc3\xa9", "\"\\ufffd\xc3\xa9\"" },
	{ "\xc0\xaf", "\"\\ufffd\\ufffd\"" },		/* overlong "/" */
	{ "\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"" },	/* overlong "/" */
	{ "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"" },	/* surrogate */
	{ "\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"" },
	{ "\xe2\x82\"", "\"\\ufffd\\\"\"" },		/* the quote still escaped */
};

START_TEST(test_string)
{
	const struct str_case *c = &str_cases[_i];
	struct buf b = BUF_INIT;

	jsonw_string(&b, c->in);
	ck_assert_str_eq(buf_str(&b), c->want);
	buf_release(&b);
}
END_TEST

struct num_case {
	double in;
	const char *want;
};

static const struct num_case num_cases[] = {
	{ 0.0, "0" },
	{ -0.0, "0" },
	{ 130000.0, "130000" },
	{ -42.0, "-42" },
	{ 1e15, "1000000000000000" },
	{ 9007199254740992.0, "9007199254740992" },	/* 2^53 */
	{ -9007199254740992.0, "-9007199254740992" },
	{ 9007199254740994.0, "9007199254740994" },	/* needs %.16g */
	{ 1e20, "1e+20" },
	{ 1e300, "1e+300" },
	{ 0.1, "0.1" },
	{ 0.1 + 0.2, "0.30000000000000004" },		/* needs %.17g */
	{ 1.0 / 3.0, "0.3333333333333333" },		/* needs %.16g */
	{ 99750.5, "99750.5" },
	{ -1234.5678, "-1234.5678" },
	{ 123456789.123, "123456789.123" },
	{ 1.5e-7, "1.5e-07" },
	{ 1.7976931348623157e308, "1.7976931348623157e+308" },	/* DBL_MAX */
	{ NAN, "null" },
	{ INFINITY, "null" },
	{ -INFINITY, "null" },
};

START_TEST(test_number)
{
	const struct num_case *c = &num_cases[_i];
	struct buf b = BUF_INIT;

	jsonw_number(&b, c->in);
	ck_assert_str_eq(buf_str(&b), c->want);
	buf_release(&b);
}
END_TEST

/* Whatever the digits, they must read back as the same double. */
static const double round_trip[] = {
	0.1, 0.2, 0.7, 1.0 / 3.0, 2.0 / 3.0, 3.141592653589793, 1e-300, 5e-324,
	123456.789, 87499.99999999999, 1e22, 1.7976931348623157e308,
};

START_TEST(test_number_round_trip)
{
	struct buf b = BUF_INIT;

	jsonw_number(&b, round_trip[_i]);
	ck_assert_msg(strtod(buf_str(&b), NULL) == round_trip[_i],
		      "%s does not read back as %.17g", buf_str(&b), round_trip[_i]);
	buf_release(&b);
}
END_TEST

struct int_case {
	long long in;
	const char *want;
};

static const struct int_case int_cases[] = {
	{ 0, "0" },
	{ 130000, "130000" },
	{ -1, "-1" },
	{ LLONG_MAX, "9223372036854775807" },
	{ LLONG_MIN, "-9223372036854775808" },
};

START_TEST(test_int)
{
	const struct int_case *c = &int_cases[_i];
	struct buf b = BUF_INIT;

	jsonw_int(&b, c->in);
	ck_assert_str_eq(buf_str(&b), c->want);
	buf_release(&b);
}
END_TEST

static const struct str_case key_cases[] = {
	{ "salary_min", "\"salary_min\":" },
	{ "", "\"\":" },
	{ NULL, "\"\":" },
	{ "a\"b", "\"a\\\"b\":" },
	{ "\xff", "\"\\ufffd\":" },
};

START_TEST(test_key)
{
	const struct str_case *c = &key_cases[_i];
	struct buf b = BUF_INIT;

	jsonw_key(&b, c->in);
	ck_assert_str_eq(buf_str(&b), c->want);
	buf_release(&b);
}
END_TEST

/* Tokens append: the caller's punctuation and ours make one object. */
START_TEST(test_object)
{
	struct buf b = BUF_INIT;

	buf_appends(&b, "{");
	jsonw_key(&b, "role");
	jsonw_string(&b, "Data Engineer");
	buf_appends(&b, ",");
	jsonw_key(&b, "n");
	jsonw_int(&b, 3);
	buf_appends(&b, ",");
	jsonw_key(&b, "median");
	jsonw_number(&b, 115000.0);
	buf_appends(&b, ",");
	jsonw_key(&b, "mean");
	jsonw_number(&b, NAN);
	buf_appends(&b, "}");
	ck_assert_str_eq(buf_str(&b),
			 "{\"role\":\"Data Engineer\",\"n\":3,\"median\":115000,\"mean\":null}");
	buf_release(&b);
}
END_TEST

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *test_suite(void)
{
	Suite *s = suite_create("jsonw");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_string, 0, NCASES(str_cases));
	tcase_add_loop_test(tc, test_number, 0, NCASES(num_cases));
	tcase_add_loop_test(tc, test_number_round_trip, 0, NCASES(round_trip));
	tcase_add_loop_test(tc, test_int, 0, NCASES(int_cases));
	tcase_add_loop_test(tc, test_key, 0, NCASES(key_cases));
	tcase_add_test(tc, test_object);
	suite_add_tcase(s, tc);
	return s;
}
