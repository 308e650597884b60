/* report-trend.c - when a role's postings appeared: date span and the
 * postings and pay per week or month. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report-internal.h"
#include "xalloc.h"

/* Periods a trend lists at most; a longer span keeps its latest periods
 * (ten years of weeks fit). */
#define MAX_PERIODS 600

/* A date that does not read. */
#define NO_DAY LONG_MIN

/* The first day of date's period (a Monday, or the 1st), in days; NO_DAY
 * for a date that does not read. */
static long period_start(const char *date, int by_month)
{
	struct date d;
	long days;

	if (date == NULL || !date_read(date, 0, &d))
		return NO_DAY;
	if (by_month)
		d.day = 1;
	days = date_to_days(d);
	/* 1970-01-01 was a Thursday: days + 3 counts from a Monday. */
	return by_month ? days : days - ((days % 7 + 7 + 3) % 7);
}

static long next_period(long start, int by_month)
{
	struct date d;

	if (!by_month)
		return start + 7;
	d = date_from_days(start);
	d.year += d.month == 12;
	d.month = d.month % 12 + 1;
	return date_to_days(d);
}

static void date_span(struct report *r, const struct sample *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!v[i].date[0])
			continue;
		if (!r->first_date[0] || strcmp(v[i].date, r->first_date) < 0)
			memcpy(r->first_date, v[i].date, 11);
		if (!r->last_date[0] || strcmp(v[i].date, r->last_date) > 0)
			memcpy(r->last_date, v[i].date, 11);
	}
}

/* The periods from first to last (days), at most MAX_PERIODS, the latest. */
static long *periods_between(long first, long last, int by_month, size_t *n)
{
	long *v = xcalloc(MAX_PERIODS, sizeof(*v)), p;
	size_t k = 0;

	for (p = first; p <= last; p = next_period(p, by_month)) {
		if (k == MAX_PERIODS) {
			memmove(v, v + 1, (MAX_PERIODS - 1) * sizeof(*v));
			k--;
		}
		v[k++] = p;
	}
	*n = k;
	return v;
}

/* Index of the period starting at day p in starts (ascending), or -1. */
static long find_period(const long *starts, size_t n, long p)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (starts[mid] == p)
			return (long)mid;
		if (starts[mid] < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Each period's summary: the samples bucketed by period (a counting sort,
 * so a long trend over many postings stays linear). */
static void fill_periods(struct report *r, const long *starts, const struct sample *v,
			 size_t n, int by_month)
{
	const struct sample **ptrs = xcalloc(n ? n : 1, sizeof(*ptrs));
	double *scratch = xcalloc(n ? n : 1, sizeof(double));
	size_t *first = xcalloc(r->ntrend + 1, sizeof(*first));
	long *at = xcalloc(n ? n : 1, sizeof(*at));
	struct report_group g;
	size_t i, t;

	for (i = 0; i < n; i++) {
		at[i] = find_period(starts, r->ntrend, period_start(v[i].date, by_month));
		if (at[i] >= 0)
			first[at[i] + 1]++;
	}
	for (t = 0; t < r->ntrend; t++)
		first[t + 1] += first[t];
	for (i = 0; i < n; i++)
		if (at[i] >= 0)
			ptrs[first[at[i]]++] = &v[i];
	/* first[t] now ends period t: it starts where period t - 1 ended. */
	for (t = 0; t < r->ntrend; t++) {
		size_t from = t ? first[t - 1] : 0;

		report_summarize(ptrs + from, first[t] - from, scratch, &g);
		date_format(date_from_days(starts[t]), r->trend[t].start);
		r->trend[t].postings = g.postings;
		r->trend[t].with_salary = g.with_salary;
		r->trend[t].salary = g.salary;
	}
	free(at);
	free(first);
	free(scratch);
	free(ptrs);
}

void report_fill_trend(struct report *r, const struct collector *c, const struct sample *v,
		       size_t n)
{
	int by_month = c->q->by_month;
	long first, last, *starts;

	r->trend_by = by_month ? "month" : "week";
	date_span(r, v, n);
	first = period_start(c->q->filter.since ? c->q->filter.since : r->first_date, by_month);
	last = period_start(c->q->filter.until ? c->q->filter.until : r->last_date, by_month);
	if (first == NO_DAY || last == NO_DAY || last < first)
		return;
	starts = periods_between(first, last, by_month, &r->ntrend);
	r->trend = xcalloc(r->ntrend ? r->ntrend : 1, sizeof(*r->trend));
	fill_periods(r, starts, v, n, by_month);
	free(starts);
}
