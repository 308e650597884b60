/* check_iso_codes.c - the currency table (ISO 4217) and country lookup (ISO 3166-1). */
#include "config.h"

#include "check-main.h"
#include <string.h>

#include "iso-codes.h"

/* bsearch needs the table sorted; a code is three upper-case letters. */
START_TEST(test_table_sorted)
{
	size_t i;
	int j;

	ck_assert_uint_ge(iso_ncurrency_codes, 175);
	for (i = 0; i < iso_ncurrency_codes; i++) {
		for (j = 0; j < 3; j++)
			ck_assert(iso_currency_codes[i][j] >= 'A' && iso_currency_codes[i][j] <= 'Z');
		ck_assert_int_eq(iso_currency_codes[i][3], '\0');
		if (i > 0)
			ck_assert_msg(strcmp(iso_currency_codes[i - 1], iso_currency_codes[i]) < 0,
				      "%s before %s", iso_currency_codes[i - 1], iso_currency_codes[i]);
		ck_assert_msg(iso_currency_known(iso_currency_codes[i]), "%s",
			      iso_currency_codes[i]);
	}
}
END_TEST

static const struct {
	const char *code;
	int known;
} currencies[] = {
	/* the first and the last, majors, funds, X codes, the newest */
	{ "AED", 1 }, { "ZWG", 1 }, { "USD", 1 }, { "EUR", 1 }, { "JPY", 1 }, { "CLF", 1 },
	{ "XAF", 1 }, { "XTS", 1 }, { "XXX", 1 }, { "XCG", 1 }, { "VED", 1 }, { "SLE", 1 },
	/* withdrawn since 2021, kept for postings paid in them */
	{ "HRK", 1 }, { "ZWL", 1 },
	/* withdrawn long ago, never codes, not upper case */
	{ "DEM", 0 }, { "VEF", 0 }, { "MRO", 0 }, { "BTC", 0 }, { "RMB", 0 }, { "ABC", 0 },
	{ "AAA", 0 }, { "ZZZ", 0 }, { "eur", 0 }, { "", 0 }, { "EU", 0 }, { "EURO", 0 },
};

START_TEST(test_currency)
{
	ck_assert_msg(iso_currency_known(currencies[_i].code) == currencies[_i].known, "'%s'",
		      currencies[_i].code);
}
END_TEST

static const struct {
	const char *code;
	int known;
} countries[] = {
	{ "US", 1 }, { "DE", 1 }, { "GB", 1 }, { "AD", 1 }, { "ZW", 1 }, { "TW", 1 }, { "AQ", 1 },
	{ "UK", 0 },	/* reserved; the salary command maps it to GB itself */
	{ "EU", 0 }, { "ZZ", 0 }, { "XX", 0 }, { "us", 0 }, { "USA", 0 }, { "", 0 }, { "U", 0 },
};

START_TEST(test_country)
{
	ck_assert_msg(iso_country_known(countries[_i].code) == countries[_i].known, "'%s'",
		      countries[_i].code);
}
END_TEST

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))

Suite *test_suite(void)
{
	Suite *s = suite_create("iso_codes");
	TCase *tc = tcase_create("iso_codes");

	tcase_add_test(tc, test_table_sorted);
	tcase_add_loop_test(tc, test_currency, 0, COUNT(currencies));
	tcase_add_loop_test(tc, test_country, 0, COUNT(countries));
	suite_add_tcase(s, tc);
	return s;
}
