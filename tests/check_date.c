/* check_date.c - days written YYYY-MM-DD: which read, and day counting. */
#include "config.h"

#include "check-main.h"
#include <string.h>

#include "date.h"

/* Dates as pages, filters and rates files give them. */
static const struct {
	const char *text;
	int whole;
	int ok;
	int year, month, day;
} read_cases[] = {
	{ "2025-01-19", 1, 1, 2025, 1, 19 },
	{ "2024-02-29", 1, 1, 2024, 2, 29 },	/* leap year */
	{ "2000-02-29", 1, 1, 2000, 2, 29 },	/* divisible by 400 */
	{ "1900-02-29", 1, 0, 0, 0, 0 },	/* divisible by 100 */
	{ "2025-02-29", 1, 0, 0, 0, 0 },
	{ "2025-04-31", 1, 0, 0, 0, 0 },
	{ "2025-13-01", 1, 0, 0, 0, 0 },
	{ "2025-00-10", 1, 0, 0, 0, 0 },
	{ "2025-1-19", 1, 0, 0, 0, 0 },
	{ "2025/01/19", 1, 0, 0, 0, 0 },
	{ "2025-01", 1, 0, 0, 0, 0 },
	{ "", 1, 0, 0, 0, 0 },
	{ "2025-01-19 08:55:11", 1, 0, 0, 0, 0 },	/* whole: nothing may follow */
	{ "2025-01-19 08:55:11", 0, 1, 2025, 1, 19 },	/* a stored first_seen */
	{ "2025-01-19T08:55:11Z", 0, 1, 2025, 1, 19 },
};

START_TEST(test_read)
{
	struct date d = { 0, 0, 0 };
	int ok = date_read(read_cases[_i].text, read_cases[_i].whole, &d);

	ck_assert_msg(ok == read_cases[_i].ok, "'%s': %d", read_cases[_i].text, ok);
	if (ok) {
		ck_assert_int_eq(d.year, read_cases[_i].year);
		ck_assert_int_eq(d.month, read_cases[_i].month);
		ck_assert_int_eq(d.day, read_cases[_i].day);
	}
}
END_TEST

/* Day numbers: the epoch, a Monday the trend starts weeks on, the leap
 * day, and back again from 1422 to 2517. */
START_TEST(test_days)
{
	struct date epoch = { 1970, 1, 1 }, monday = { 2024, 10, 28 }, leap = { 2024, 2, 29 };
	char text[11];
	long z;

	ck_assert_int_eq(date_to_days(epoch), 0);
	ck_assert_int_eq((date_to_days(monday) % 7 + 7 + 3) % 7, 0);
	ck_assert_int_eq(date_to_days((struct date){ 2024, 3, 1 }) - date_to_days(leap), 1);
	ck_assert_int_eq(date_to_days((struct date){ 1969, 12, 31 }), -1);
	for (z = -200000; z <= 200000; z += 997) {
		date_format(date_from_days(z), text);
		ck_assert_msg(date_read(text, 1, NULL), "%ld formats as '%s'", z, text);
		ck_assert_int_eq(date_to_days(date_from_days(z)), z);
	}
	date_format(leap, text);
	ck_assert_str_eq(text, "2024-02-29");
}
END_TEST

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *test_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_read, 0, NCASES(read_cases));
	tcase_add_test(tc, test_days);
	suite_add_tcase(s, tc);
	return s;
}
