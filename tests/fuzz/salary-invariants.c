/* salary-invariants.c - what a parsed salary must look like (fuzz.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

static void require(int ok, const char *what, const struct salary *s)
{
	if (ok)
		return;
	fprintf(stderr, "salary invariant broken: %s\n"
		"  found=%d min=%.17g max=%.17g currency='%.4s' period=%d\n"
		"  annual_min=%.17g annual_max=%.17g rule=%s provenance=%s\n",
		what, s->found, s->min, s->max, s->currency, (int)s->period,
		s->annual_min, s->annual_max,
		s->rule ? s->rule : "(null)", s->provenance ? s->provenance : "(null)");
	abort();
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int currency_ok(const char *c)
{
	if (c[0] == '\0')
		return 1;
	return is_upper(c[0]) && is_upper(c[1]) && is_upper(c[2]) && c[3] == '\0';
}

static void check_found(const struct salary *s)
{
	require(isfinite(s->min) && isfinite(s->max), "min and max finite", s);
	require(s->min >= 0 && s->max > 0, "min >= 0 and max > 0", s);
	require(s->min <= s->max, "min <= max", s);
	require(currency_ok(s->currency), "currency \"\" or three capitals", s);
	require(s->period >= PERIOD_UNKNOWN && s->period <= PERIOD_YEAR, "known period", s);
	require(isfinite(s->annual_min) && isfinite(s->annual_max), "annual figures finite", s);
	require(s->annual_min >= 0 && s->annual_min <= s->annual_max,
		"0 <= annual_min <= annual_max", s);
	require(s->annual_max <= SALARY_ANNUAL_CEILING, "annual_max <= SALARY_ANNUAL_CEILING", s);
	if (s->period == PERIOD_UNKNOWN)
		require(s->annual_min == 0 && s->annual_max == 0,
			"annual figures 0 when the period is unknown", s);
	require(s->rule != NULL && s->provenance != NULL, "rule and provenance set", s);
}

static void check_empty(const struct salary *s)
{
	require(s->min == 0 && s->max == 0 && s->annual_min == 0 && s->annual_max == 0,
		"not found: figures zero", s);
	require(s->currency[0] == '\0' && s->period == PERIOD_UNKNOWN,
		"not found: no currency, no period", s);
	require(s->rule == NULL && s->provenance == NULL, "not found: no rule, no provenance", s);
}

void fuzz_check_salary(const struct salary *s, int ret)
{
	require(ret == s->found, "return value is out->found", s);
	if (s->found)
		check_found(s);
	else
		check_empty(s);
}
