/* check_rates.c - exchange rates: conversion arithmetic, fields, rates files. */
#include "config.h"

#include "check-main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rates.h"

/* Figures worked by hand: 67,500 GBP at 0.8 GBP per USD is 84,375 USD. */
START_TEST(test_convert)
{
	ck_assert_double_eq_tol(rates_convert(67500, 0.8, 1), 84375, 1e-9);
	ck_assert_double_eq_tol(rates_convert(84375, 1, 0.8), 67500, 1e-9);
	/* Through the dollar: 100 EUR at 0.92/USD into JPY at 150/USD. */
	ck_assert_double_eq_tol(rates_convert(100, 0.92, 150), 100 / 0.92 * 150, 1e-9);
	ck_assert_double_eq(rates_convert(130000, 1, 1), 130000);
	/* There and back is the identity (to rounding). */
	ck_assert_double_eq_tol(rates_convert(rates_convert(123456, 0.86905, 156.33), 156.33,
					      0.86905), 123456, 1e-6);
}
END_TEST

START_TEST(test_find)
{
	struct rate v[2] = { { "EUR", 0.9, "2025-01-17", NULL }, { "GBP", 0.8, "2025-01-17", NULL } };

	ck_assert_ptr_eq(rates_find(v, 2, "GBP"), &v[1]);
	ck_assert_ptr_null(rates_find(v, 2, "JPY"));
	ck_assert_ptr_null(rates_find(v, 2, ""));
	ck_assert_ptr_null(rates_find(NULL, 0, "EUR"));
}
END_TEST

static const struct {
	const char *text;
	const char *want;	/* NULL: refused */
} currencies[] = {
	{ "EUR", "EUR" }, { "eur", "EUR" }, { "gBp", "GBP" }, { "xcg", "XCG" }, { "HRK", "HRK" },
	{ "EU", NULL }, { "EURO", NULL }, { "", NULL }, { "E1R", NULL }, { "€", NULL },
};

START_TEST(test_currency)
{
	char out[4], *err = NULL;
	int rc = rates_parse_currency(currencies[_i].text, out, &err);

	if (currencies[_i].want) {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(out, currencies[_i].want);
	} else {
		ck_assert_int_eq(rc, -1);
		ck_assert_ptr_nonnull(strstr(err, "invalid currency '"));
		free(err);
	}
}
END_TEST

/* Three letters, but no ISO 4217 code: refused, named as typed. */
static const struct {
	const char *text;
	const char *want;
} unknown_currencies[] = {
	{ "ABC", "unknown currency code 'ABC'" }, { "abc", "unknown currency code 'abc'" },
	{ "EUO", "unknown currency code 'EUO'" }, { "USS", "unknown currency code 'USS'" },
	{ "BTC", "unknown currency code 'BTC'" }, { "RMB", "unknown currency code 'RMB'" },
};

START_TEST(test_currency_unknown)
{
	char out[4], *err = NULL;

	ck_assert_int_eq(rates_parse_currency(unknown_currencies[_i].text, out, &err), -1);
	ck_assert_str_eq(err, unknown_currencies[_i].want);
	free(err);
}
END_TEST

static const struct {
	const char *text;
	double want;	/* 0: refused */
} per_usd[] = {
	{ "0.92", 0.92 }, { "1", 1 }, { "156.33", 156.33 }, { "15457.3", 15457.3 }, { ".5", 0.5 },
	{ "0", 0 }, { "-1", 0 }, { "", 0 }, { "abc", 0 }, { "1,5", 0 }, { "1e3", 0 },
	{ "inf", 0 }, { "nan", 0 }, { "0x10", 0 }, { "1.2.3", 0 }, { " 1", 0 },
	{ "10000000000", 0 }, { "0.000", 0 },
};

START_TEST(test_per_usd)
{
	double v = -1;
	char *err = NULL;
	int rc = rates_parse_per_usd(per_usd[_i].text, &v, &err);

	if (per_usd[_i].want > 0) {
		ck_assert_int_eq(rc, 0);
		ck_assert_double_eq(v, per_usd[_i].want);
	} else {
		ck_assert_msg(rc == -1, "'%s' was read as %g", per_usd[_i].text, v);
		ck_assert_ptr_nonnull(strstr(err, "invalid rate '"));
		free(err);
	}
}
END_TEST

static const struct {
	const char *text;
	int ok;
} dates[] = {
	{ "2025-01-17", 1 }, { "2024-02-29", 1 }, { "2000-02-29", 1 }, { "2023-12-31", 1 },
	{ "2023-02-29", 0 }, { "1900-02-29", 0 }, { "2025-13-01", 0 }, { "2025-00-10", 0 },
	{ "2025-04-31", 0 }, { "2025-1-17", 0 }, { "17/01/2025", 0 }, { "2025-01-17T00:00", 0 },
	{ "", 0 }, { "1899-12-31", 0 },
};

START_TEST(test_date)
{
	char out[11], *err = NULL;
	int rc = rates_parse_date(dates[_i].text, out, &err);

	if (dates[_i].ok) {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(out, dates[_i].text);
	} else {
		ck_assert_msg(rc == -1, "'%s' was taken for a date", dates[_i].text);
		ck_assert_ptr_nonnull(strstr(err, "invalid date '"));
		free(err);
	}
}
END_TEST

static int parse(const char *text, struct rate **v, size_t *n, char **err)
{
	return rates_parse_csv(text, strlen(text), "rates.csv", "2025-01-20", "test", v, n, err);
}

START_TEST(test_csv_good)
{
	struct rate *v;
	size_t n;
	char *err = NULL;

	ck_assert_int_eq(parse("currency,rate,date\r\neur,0.92,2025-01-17\r\n\r\n"
			       " GBP , 0.8 \r\nUSD,1\r\n", &v, &n, &err), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(v[0].currency, "EUR");
	ck_assert_double_eq(v[0].per_usd, 0.92);
	ck_assert_str_eq(v[0].as_of, "2025-01-17");
	ck_assert_str_eq(v[1].currency, "GBP");
	ck_assert_str_eq(v[1].as_of, "2025-01-20");	/* the default date */
	ck_assert_str_eq(v[2].source, "test");
	rates_free(v, n);
	ck_assert_int_eq(parse("JPY,156.33", &v, &n, &err), 0);	/* no final newline */
	ck_assert_uint_eq(n, 1);
	rates_free(v, n);
}
END_TEST

/* A spreadsheet's "CSV UTF-8": a byte order mark first, CR LF line ends. */
START_TEST(test_csv_bom)
{
	struct rate *v;
	size_t n;
	char *err = NULL;

	ck_assert_int_eq(parse("\xEF\xBB\xBF" "currency,rate,date\r\nEUR,0.92,2025-01-17\r\n"
			       "GBP,0.8,2025-01-17\r\n", &v, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(v[0].currency, "EUR");
	ck_assert_str_eq(v[1].as_of, "2025-01-17");
	rates_free(v, n);
	ck_assert_int_eq(parse("\xEF\xBB\xBF" "JPY,156.33\r\n", &v, &n, &err), 0);	/* no header */
	ck_assert_str_eq(v[0].currency, "JPY");
	rates_free(v, n);
	/* Only at the very start: elsewhere it is part of a field. */
	ck_assert_int_eq(parse("EUR,0.92\r\n\xEF\xBB\xBF" "GBP,0.8\r\n", &v, &n, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "line 2: invalid currency '"));
	free(err);
}
END_TEST

static const struct {
	const char *text;
	const char *want;	/* the whole message */
} bad_files[] = {
	{ "EUR,0.92\nGBP,abc\n",
	  "cannot import rates from 'rates.csv', line 2: invalid rate 'abc': expected units per "
	  "US dollar, a number above 0 such as 0.92" },
	{ "EUR,0.92\n\nEURO,1.1\n",
	  "cannot import rates from 'rates.csv', line 3: invalid currency 'EURO': expected a "
	  "three-letter ISO 4217 code such as EUR" },
	{ "EUR,0.92\nEUO,0.9\n",
	  "cannot import rates from 'rates.csv', line 2: unknown currency code 'EUO'" },
	{ "EUR,0.92,2025-02-30\n",
	  "cannot import rates from 'rates.csv', line 1: invalid date '2025-02-30': expected a "
	  "date written YYYY-MM-DD" },
	{ "EUR;0.92\n",
	  "cannot import rates from 'rates.csv', line 1: expected currency,rate[,date] but found "
	  "1 field" },
	{ "EUR,0.92,2025-01-17,ECB\n",
	  "cannot import rates from 'rates.csv', line 1: expected currency,rate[,date] but found "
	  "4 fields" },
	{ "EUR,0.92\nGBP,0.8\neur,0.93\n",
	  "cannot import rates from 'rates.csv', line 3: EUR is given twice" },
	{ "USD,1.1\n",
	  "cannot import rates from 'rates.csv', line 1: invalid rate for USD: rates are units "
	  "per US dollar, so USD is always 1" },
	{ "GBP,-0.8\n",
	  "cannot import rates from 'rates.csv', line 1: invalid rate '-0.8': expected units per "
	  "US dollar, a number above 0 such as 0.92" },
	{ "currency,rate\n\n", "cannot import rates from 'rates.csv': no rates in the file" },
	{ "", "cannot import rates from 'rates.csv': no rates in the file" },
};

START_TEST(test_csv_bad)
{
	struct rate *v = (struct rate *)1;
	size_t n = 99;
	char *err = NULL;

	ck_assert_int_eq(parse(bad_files[_i].text, &v, &n, &err), -1);
	ck_assert_str_eq(err, bad_files[_i].want);
	ck_assert_ptr_null(v);
	ck_assert_uint_eq(n, 0);
	free(err);
}
END_TEST

START_TEST(test_csv_binary)
{
	struct rate *v;
	size_t n;
	char *err = NULL;

	ck_assert_int_eq(rates_parse_csv("EUR,0.9\0\n", 9, "x.bin", "2025-01-20", "t", &v, &n,
					 &err), -1);
	ck_assert_str_eq(err, "cannot read rates from 'x.bin': not a text file");
	free(err);
}
END_TEST

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))

Suite *test_suite(void)
{
	Suite *s = suite_create("rates");
	TCase *tc = tcase_create("rates");

	tcase_add_test(tc, test_convert);
	tcase_add_test(tc, test_find);
	tcase_add_loop_test(tc, test_currency, 0, COUNT(currencies));
	tcase_add_loop_test(tc, test_currency_unknown, 0, COUNT(unknown_currencies));
	tcase_add_loop_test(tc, test_per_usd, 0, COUNT(per_usd));
	tcase_add_loop_test(tc, test_date, 0, COUNT(dates));
	tcase_add_test(tc, test_csv_good);
	tcase_add_test(tc, test_csv_bom);
	tcase_add_loop_test(tc, test_csv_bad, 0, COUNT(bad_files));
	tcase_add_test(tc, test_csv_binary);
	suite_add_tcase(s, tc);
	return s;
}
