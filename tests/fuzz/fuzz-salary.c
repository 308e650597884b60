/*
 * fuzz-salary.c - salary_parse() on any text, with and without hints.
 *
 * The whole input is parsed as text alone.  When it is long enough, its
 * first HEADER bytes also make structured hints (min, max, currency,
 * period), parsed against the rest of the input and against no text at all.
 * The whole input is also read as a description (salary_from_description).
 * Every result must pass fuzz_check_salary().
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "xalloc.h"

/*
 * Header: [0] min selector, [1] max selector, [2] period, [3..5] currency,
 * [6..13] raw min, [14..21] raw max.
 */
#define HEADER 22

/* Values that sit on or beside the parser's limits, and the ones no page should send. */
static const double edges[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, 999.0, 1000.0, 1000.5, 9999.0, 10000.0,
	99999.0, 150000.0, 1e6, 1e9, 4.8e8, 4.9e8, 1e10, 1e11, 1e12, 1e12 * 1.0000001,
	1e15, 1e300, 1e308, DBL_MAX, -DBL_MAX, DBL_MIN, DBL_TRUE_MIN,
	INFINITY, -INFINITY, NAN, -NAN,
};

/* A selector below COUNT(edges) picks an edge; the rest read 8 raw bytes. */
static double hint_value(unsigned char sel, const uint8_t *raw)
{
	double d;

	if (sel < COUNT(edges))
		return edges[sel];
	if (sel < 128)
		return (double)sel * 1000.0;
	memcpy(&d, raw, sizeof(d));
	return d;
}

static void hints_from(const uint8_t *h, struct salary_hints *hints)
{
	memset(hints, 0, sizeof(*hints));
	hints->min = hint_value(h[0], h + 6);
	hints->max = hint_value(h[1], h + 14);
	hints->period = (enum salary_period)(h[2] % (PERIOD_YEAR + 1));
	memcpy(hints->currency, h + 3, 3);
	hints->currency[3] = '\0';
}

/* Parse into a struct full of junk, so a field the parser forgets shows. */
static void parse_and_check(const char *text, const struct salary_hints *hints)
{
	struct salary s;
	int ret;

	memset(&s, 0xa5, sizeof(s));
	ret = salary_parse(text, hints, &s);
	fuzz_check_salary(&s, ret);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size);
	struct salary_hints hints;
	struct salary s;

	parse_and_check(text, NULL);
	memset(&s, 0xa5, sizeof(s));
	fuzz_check_salary(&s, salary_from_description(text, size > 2 ? "US" : NULL, &s));
	if (size >= HEADER) {
		hints_from(data, &hints);
		parse_and_check(text + HEADER, &hints);
		parse_and_check(NULL, &hints);
	}
	free(text);
	return 0;
}
