/* check_posting.c - posting_normalize: the normalize stage's entry point. */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "posting.h"
#include "xalloc.h"

/* The seed board's card, field by field, as extract gives it. */
START_TEST(test_seed_card)
{
	struct raw_posting raw;
	struct posting p;

	raw_posting_init(&raw);
	raw.title = xstrdup("Data Engineer");
	raw.company = xstrdup("murmuration");
	raw.location = xstrdup("Remote (anywhere in the U.S.)");
	raw.employment_type = xstrdup("Full Time");
	raw.level = xstrdup("Mid-level / Intermediate");
	raw.salary_text = xstrdup("USD 100K - 130K");
	raw.posted = xstrdup("2025-01-10T08:00:00Z");
	posting_normalize(&raw, &p);
	ck_assert_str_eq(p.title, "Data Engineer");
	ck_assert_str_eq(p.remote, "remote");
	ck_assert_str_eq(p.country, "US");
	ck_assert_str_eq(p.level, "MI");
	ck_assert_str_eq(p.employment_type, "FT");
	ck_assert_int_eq(p.salary.found, 1);
	ck_assert_double_eq(p.salary.annual_min, 100000);
	ck_assert_double_eq(p.salary.annual_max, 130000);
	ck_assert_str_eq(p.salary.currency, "USD");
	ck_assert_str_eq(p.posted, "2025-01-10");
	posting_release(&p);
	raw_posting_release(&raw);
}
END_TEST

/* Dates: only an ISO 8601 date (or date-time) becomes posted. */
static const struct { const char *in, *want; } dates[] = {
	{ "2025-01-10", "2025-01-10" },
	{ "2023-04-13T16:38:22Z", "2023-04-13" },
	{ "2 weeks ago", NULL },
	{ "13/04/2023", NULL },
	{ "2025-1-10", NULL },
	{ "", NULL },
};

START_TEST(test_posted_dates)
{
	struct raw_posting raw;
	struct posting p;

	raw_posting_init(&raw);
	raw.title = xstrdup("Data Engineer");
	raw.posted = xstrdup(dates[_i].in);
	posting_normalize(&raw, &p);
	if (dates[_i].want == NULL)
		ck_assert_ptr_null(p.posted);
	else
		ck_assert_str_eq(p.posted, dates[_i].want);
	posting_release(&p);
	raw_posting_release(&raw);
}
END_TEST

/* A hostile page's huge fields are cut, at a character boundary. */
START_TEST(test_bounded_fields)
{
	struct raw_posting raw;
	struct posting p;
	size_t i, n = 300000;
	char *big = xmalloc(n + 1);

	for (i = 0; i + 2 <= n; i += 2)
		memcpy(big + i, "\xc3\xa9", 2);	/* "é" over and over */
	big[i] = '\0';
	raw_posting_init(&raw);
	raw.title = xstrdup(big);
	raw.description = big;
	raw.url = xasprintf("https://jobs.example.test/%.*s", 9000, big);
	posting_normalize(&raw, &p);
	ck_assert_uint_le(strlen(p.title), 1024);
	ck_assert_uint_ge(strlen(p.title), 1022);
	ck_assert(utf8_valid(p.title, strlen(p.title)));
	ck_assert_uint_le(strlen(p.description), 64 * 1024);
	ck_assert(utf8_valid(p.description, strlen(p.description)));
	ck_assert_uint_le(strlen(p.url), 4096);
	ck_assert(utf8_valid(p.url, strlen(p.url)));
	posting_release(&p);
	raw_posting_release(&raw);
}
END_TEST

/*
 * With no salary on the card or in structured data, the description's is
 * read, in the posting's country, and says where it came from; a card's
 * figures, and structured data, win over a description's.
 */
START_TEST(test_description_salary)
{
	struct raw_posting raw;
	struct posting p;

	raw_posting_init(&raw);
	raw.title = xstrdup("Power Monitoring Execution Engineer");
	raw.location = xstrdup("Austin, TX, US");
	raw.description = xstrdup("We keep our networks up.\nThe US base salary range for this "
				  "full-time position is $136,000-$203,000 + bonus + equity.");
	posting_normalize(&raw, &p);
	ck_assert_int_eq(p.salary.found, 1);
	ck_assert_double_eq(p.salary.annual_min, 136000);
	ck_assert_double_eq(p.salary.annual_max, 203000);
	ck_assert_str_eq(p.salary.currency, "USD");
	ck_assert_str_eq(p.salary.provenance, "text");
	ck_assert_str_eq(p.salary.rule, "range-inferred-year");
	ck_assert_uint_eq(p.salary.notes, SALARY_CURRENCY_BY_COUNTRY | SALARY_FROM_DESCRIPTION);
	ck_assert_ptr_null(p.salary_text);
	posting_release(&p);

	raw.salary_text = xstrdup("USD 100K - 130K");
	posting_normalize(&raw, &p);
	ck_assert_double_eq(p.salary.annual_min, 100000);
	ck_assert_uint_eq(p.salary.notes & SALARY_FROM_DESCRIPTION, 0);
	posting_release(&p);

	raw.salary_hints.min = 150000;
	raw.salary_hints.max = 160000;
	snprintf(raw.salary_hints.currency, sizeof(raw.salary_hints.currency), "USD");
	posting_normalize(&raw, &p);
	ck_assert_str_eq(p.salary.provenance, "structured");
	ck_assert_double_eq(p.salary.annual_min, 150000);
	posting_release(&p);
	raw_posting_release(&raw);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("posting");
	TCase *tc = tcase_create("normalize");

	tcase_add_test(tc, test_seed_card);
	tcase_add_loop_test(tc, test_posted_dates, 0, sizeof(dates) / sizeof(dates[0]));
	tcase_add_test(tc, test_bounded_fields);
	tcase_add_test(tc, test_description_salary);
	suite_add_tcase(s, tc);
	return s;
}
