/*
 * check_normalize.c - the matcher the normalizers share: whole words, loose
 * separators, case and Latin accents folded.  Level, location and
 * employment type have their own check_level.c, check_location.c and
 * check_emptype.c.
 */
#include "config.h"

#include "check-main.h"
#include <string.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *text, *phrase;
	int fold;
	int want_at;	/* offset of the match, -1 for none */
} find_cases[] = {
	{ "FULL_TIME", "full time", 1, 0 }, { "Full-Time", "full time", 1, 0 },
	{ "Full\xe2\x80\x93time", "full time", 1, 0 }, { "Full\xc2\xa0time", "full time", 1, 0 },
	{ "Remote - US", "US", 0, 9 }, { "join us", "US", 0, -1 }, { "USA", "US", 0, -1 },
	{ "in the U.S.)", "U.S.", 0, 7 }, { "Staffing", "staff", 1, -1 },
	{ "Z\xc3\x9cRICH, CH", "zurich", 1, 0 }, { "Z\xc3\xbcrich", "zurich", 1, 0 },
	{ "Wroc\xc5\x82" "aw", "wroclaw", 1, 0 }, { "Est\xc3\xa1gio", "estagio", 1, 0 },
	/* a letter with an accent is part of the word: no "rich" in "Zürich" */
	{ "Z\xc3\xbcrich", "rich", 1, -1 }, { "\xc3\x9c" "ber", "ber", 1, -1 },
	{ "Z\xc3\xbcrich", "zurich", 0, -1 },
	{ NULL, "x", 1, -1 }, { "x", NULL, 1, -1 }, { "x", "", 1, -1 },
};

START_TEST(test_find_word)
{
	const char *t = find_cases[_i].text;
	const char *got = normalize_find_word(t, find_cases[_i].phrase, find_cases[_i].fold, NULL);

	ck_assert_int_eq(got ? (int)(got - t) : -1, find_cases[_i].want_at);
}
END_TEST

static const struct {
	unsigned long in, out;
} fold_cases[] = {
	{ 'A', 'a' }, { 'z', 'z' }, { '1', '1' }, { 0xC4, 'a' }, { 0xE9, 'e' }, { 0xD1, 'n' },
	{ 0xC6, 0xE6 }, { 0xDF, 0xDF }, { 0xD7, 0xD7 }, { 0x141, 'l' }, { 0x15A, 's' },
	{ 0x17E, 'z' }, { 0x152, 0x153 }, { 0x1F1FA, 0x1F1FA },
};

START_TEST(test_fold)
{
	ck_assert_uint_eq(normalize_fold(fold_cases[_i].in), fold_cases[_i].out);
}
END_TEST

/* Texts and phrases for the initials filter: every phrase found must pass it. */
static const char *const initials_texts[] = {
	"Senior Data Engineer", "Zürich, Switzerland", "ÖSTERREICH", "São Paulo, SP", "Full-Time",
	"full_time", "e-commerce Lead", "3rd-party Tester", "Remote (US)", "Bogotá D.C.",
	"Łódź, Poland", "Hybrid - Berlin", "Vollzeit und Teilzeit", "ENGINEER II", "dev/ops",
	"Münchenstraße", "Sr. Dev", "  leading  spaces", "",
};

static const char *const initials_phrases[] = {
	"senior", "data engineer", "zurich", "switzerland", "osterreich", "sao paulo", "full time",
	"full-time", "commerce", "e-commerce", "tester", "remote", "us", "bogota", "lodz", "poland",
	"hybrid", "berlin", "teilzeit", "und", "II", "ops", "dev", "munchenstrasse", "sr", "leading",
	"s", "e", "3rd", "(us)", "d.c.",
};

START_TEST(test_initials)
{
	const char *text = initials_texts[_i];
	struct normalize_initials in;
	size_t j;

	normalize_initials_of(text, &in);
	for (j = 0; j < COUNT(initials_phrases); j++) {
		const char *ph = initials_phrases[j];
		int found = normalize_find_word(text, ph, 1, NULL) != NULL ||
			    normalize_find_word(text, ph, 0, NULL) != NULL;

		ck_assert_msg(!found || normalize_may_start(&in, ph),
			      "'%s' is in '%s' but the initials rule it out", ph, text);
	}
	ck_assert(!normalize_may_start(&in, "xylophone") || strchr(text, 'x') != NULL ||
		  strchr(text, 'X') != NULL || strstr(text, "\xc3") != NULL ||
		  strstr(text, "\xc5") != NULL);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("normalize");

	tcase_add_loop_test(tc, test_find_word, 0, COUNT(find_cases));
	tcase_add_loop_test(tc, test_fold, 0, COUNT(fold_cases));
	tcase_add_loop_test(tc, test_initials, 0, COUNT(initials_texts));
	suite_add_tcase(s, tc);
	return s;
}
