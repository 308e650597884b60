/*
 * check_location_index.c - the place tables' index (location-index.c)
 * against the linear definition it replaced: for every name of every table,
 * in texts built from it, location_scan reports exactly the matches that
 * looking for each name in table order with normalize_find_word finds, in
 * the order of their starts then of the table.
 */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "location-internal.h"
#include "normalize.h"

#define MAX_FOUND 4096

struct found {
	size_t n;
	size_t id[MAX_FOUND];
	size_t start[MAX_FOUND], end[MAX_FOUND];
	const char *text;
};

static void add(struct found *f, size_t id, const char *s, const char *e)
{
	ck_assert_uint_lt(f->n, MAX_FOUND);
	f->id[f->n] = id;
	f->start[f->n] = (size_t)(s - f->text);
	f->end[f->n] = (size_t)(e - f->text);
	f->n++;
}

static int collect(void *arg, size_t id, const char *s, const char *e)
{
	add(arg, id, s, e);
	return 0;
}

/* The linear definition: each name in table order (a country's names up
 * to its first unused slot), each match searched from the end of the last. */
static void linear(enum location_table t, const char *text, struct found *f)
{
	size_t id, n = location_table_size(t);

	f->n = 0;
	f->text = text;
	for (id = 0; id < n; id++) {
		const char *p = text, *s, *e, *name = location_name(t, id);

		if (name == NULL) {
			if (t == LOCATION_COUNTRIES)
				id = (id / COUNTRY_NAMES + 1) * COUNTRY_NAMES - 1;
			continue;
		}
		while ((s = normalize_find_word(p, name, location_name_folds(t, id), &e)) != NULL) {
			add(f, id, s, e);
			p = e;
		}
	}
}

static size_t at(const struct found *f, size_t i)
{
	return f->start[i];
}

/* The linear matches sorted by start, then table order (insertion sort:
 * a few matches a text). */
static void by_start(struct found *f)
{
	size_t i, j;

	for (i = 1; i < f->n; i++)
		for (j = i; j > 0 && (at(f, j - 1) > at(f, j) ||
				      (at(f, j - 1) == at(f, j) && f->id[j - 1] > f->id[j])); j--) {
			size_t id = f->id[j], s = f->start[j], e = f->end[j];

			f->id[j] = f->id[j - 1];
			f->start[j] = f->start[j - 1];
			f->end[j] = f->end[j - 1];
			f->id[j - 1] = id;
			f->start[j - 1] = s;
			f->end[j - 1] = e;
		}
}

static void same_matches(enum location_table t, const char *text)
{
	static struct found want, got;
	size_t i;

	linear(t, text, &want);
	by_start(&want);
	got.n = 0;
	got.text = text;
	ck_assert_int_eq(location_scan(t, text, collect, &got), 0);
	ck_assert_msg(got.n == want.n, "table %d, \"%s\": %zu matches, want %zu", (int)t, text,
		      got.n, want.n);
	for (i = 0; i < want.n; i++)
		ck_assert_msg(got.id[i] == want.id[i] && got.start[i] == want.start[i] &&
				      got.end[i] == want.end[i],
			      "table %d, \"%s\": match %zu is %s at %zu..%zu, want %s at %zu..%zu",
			      (int)t, text, i, location_name(t, got.id[i]), got.start[i],
			      got.end[i], location_name(t, want.id[i]), want.start[i], want.end[i]);
}

/* Texts a name stands in, as boards write it and as they do not: before
 * it, after it, and what joins it to itself when it stands twice. */
static const struct {
	const char *before, *after, *twice;
} shapes[] = {
	{ "", "", NULL },	{ "Remote - ", "", NULL }, { "", ", US", NULL },
	{ "Hybrid (", ")", NULL }, { "", "", " " }, { "", "", "/" },
	{ "x", "", NULL },	{ "", "9", NULL },	{ "  ", "  ", NULL },
	{ "\xc3\xa9", "", NULL }, { "", "", "\xc2\xa0" },
};

static void shape(char *text, size_t size, size_t k, const char *name)
{
	snprintf(text, size, "%s%s%s%s%s", shapes[k].before, name,
		 shapes[k].twice ? shapes[k].twice : "", shapes[k].twice ? name : "",
		 shapes[k].after);
}

static void upper(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static void every_table(const char *text)
{
	int t;

	for (t = 0; t < LOCATION_TABLES; t++)
		same_matches((enum location_table)t, text);
}

/* Every name of table _i in every shape, as written, in capitals and in
 * lower case, and beside the next name of the table. */
START_TEST(test_every_name)
{
	enum location_table t = (enum location_table)_i;
	size_t id, k, n = location_table_size(t);
	const char *last = "Paris";

	for (id = 0; id < n; id++) {
		const char *name = location_name(t, id);
		char text[512];

		if (name == NULL)
			continue;
		for (k = 0; k < sizeof(shapes) / sizeof(shapes[0]); k++) {
			shape(text, sizeof(text), k, name);
			every_table(text);
			upper(text);
			every_table(text);
			lower(text);
			every_table(text);
		}
		snprintf(text, sizeof(text), "%s, %s; %s", last, name, last);
		every_table(text);
		last = name;
	}
}
END_TEST

/* Each name is among the candidates at its own first letter, and a
 * country's names fill its slots from the first. */
START_TEST(test_candidates)
{
	enum location_table t = (enum location_table)_i;
	size_t id, n = location_table_size(t);

	for (id = 0; id < n; id++) {
		const char *name = location_name(t, id);
		struct location_cursor c;
		size_t got, last = 0;
		int seen = 0, first = 1;

		if (name == NULL) {
			ck_assert(t == LOCATION_COUNTRIES);
			if (id % COUNTRY_NAMES + 1 < COUNTRY_NAMES)
				ck_assert_ptr_null(location_name(t, id + 1));
			continue;
		}
		location_candidates(t, name, &c);
		while (location_next(&c, &got)) {
			seen |= got == id;
			ck_assert(first || last < got);
			first = 0;
			last = got;
		}
		ck_assert_msg(seen, "%s is not a candidate at its own start", name);
	}
}
END_TEST

/* Real location texts and hostile ones: many names, names inside names. */
static const char *const texts[] = {
	"San Francisco, CA / New York, NY / Austin, TX",
	"Remote - US; Remote - Canada; Remote - United Kingdom",
	"\xc3\x96sterreich, Wien",
	"ZURICH, Switzerland",
	"New York City, New York, United States",
	"Georgia Georgia Georgia",
	"Perth, WA 6000, Australia",
	"Bengaluru, Karnataka, IN",
	"U.S. / UK / UAE",
	"Sao Paulo, Brasil - S\xc3\xa3o Paulo",
	"",
	"\xf0\x9f\x87\xba\xf0\x9f\x87\xb8 United States",
	"\xc3",
};

START_TEST(test_texts)
{
	every_table(texts[_i]);
}
END_TEST

/* A text naming every city at once: more names than the scan keeps on the stack. */
START_TEST(test_many_names)
{
	size_t id, n = location_table_size(LOCATION_CITIES), len = 0;
	char *text = calloc(n, 64);

	ck_assert_ptr_nonnull(text);
	for (id = 0; id < n; id++)
		len += (size_t)sprintf(text + len, "%s / ", location_name(LOCATION_CITIES, id));
	every_table(text);
	free(text);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("location_index");
	TCase *tc = tcase_create("location_index");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_every_name, 0, LOCATION_TABLES);
	tcase_add_loop_test(tc, test_candidates, 0, LOCATION_TABLES);
	tcase_add_loop_test(tc, test_texts, 0, (int)(sizeof(texts) / sizeof(texts[0])));
	tcase_add_test(tc, test_many_names);
	suite_add_tcase(s, tc);
	return s;
}
