/* stats.c - percentiles (Hyndman-Fan type 7) and a summary of a sample. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "stats.h"

double stats_percentile_sorted(const double *sorted, size_t n, double p)
{
	double h, frac;
	size_t lo;

	/* !(p >= 0) also rejects NaN. */
	if (n == 0 || !(p >= 0.0) || p > 1.0)
		return NAN;
	h = (double)(n - 1) * p;
	lo = (size_t)floor(h);
	/* p == 1 (or rounding at the top) lands on the last value exactly. */
	if (lo >= n - 1)
		return sorted[n - 1];
	frac = h - (double)lo;
	return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/* Ascending; NaN after everything, so qsort gets a consistent order. */
static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	if (isnan(a) || isnan(b))
		return isnan(a) - isnan(b);
	return (a > b) - (a < b);
}

/*
 * Neumaier's variant of Kahan summation: the compensation also holds when an
 * addend is larger than the running sum.  When the plain sum is not finite
 * (an infinite value or overflow) the compensation would be NaN, so the
 * plain sum is the answer.
 */
static double mean_of(const double *v, size_t n)
{
	double sum = 0.0, c = 0.0, t;
	size_t i;

	for (i = 0; i < n; i++) {
		t = sum + v[i];
		if (fabs(sum) >= fabs(v[i]))
			c += (sum - t) + v[i];
		else
			c += (v[i] - t) + sum;
		sum = t;
	}
	if (!isfinite(sum))
		return sum / (double)n;
	return (sum + c) / (double)n;
}

/* The figures of a summary, read from values ordered at least where the
 * percentiles and the ends fall (sorted, or selected: stats_summarize_unordered). */
static void fill_summary(const double *values, size_t n, struct stats_summary *out)
{
	out->n = n;
	out->min = values[0];
	out->p10 = stats_percentile_sorted(values, n, 0.10);
	out->p25 = stats_percentile_sorted(values, n, 0.25);
	out->median = stats_percentile_sorted(values, n, 0.50);
	out->p75 = stats_percentile_sorted(values, n, 0.75);
	out->p90 = stats_percentile_sorted(values, n, 0.90);
	out->max = values[n - 1];
	out->mean = mean_of(values, n);
}

void stats_summarize(double *values, size_t n, struct stats_summary *out)
{
	out->n = n;
	if (n == 0) {
		out->min = out->p10 = out->p25 = out->median = NAN;
		out->p75 = out->p90 = out->max = out->mean = NAN;
		return;
	}
	qsort(values, n, sizeof(*values), cmp_double);
	fill_summary(values, n, out);
}

/* The smallest round width (1, 2, 2.5, 5 x 10^k) at least raw. */
static double round_width(double raw)
{
	static const double steps[] = { 1, 2, 2.5, 5, 10 };
	double scale = pow(10, floor(log10(raw)));
	size_t i;

	for (i = 0; i + 1 < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i] * scale >= raw)
			break;
	return steps[i] * scale;
}

size_t stats_histogram(const double *values, size_t n, struct stats_bin **out)
{
	double lo, hi, width, start;
	size_t i, nbins, b;

	*out = NULL;
	if (n == 0)
		return 0;
	lo = hi = values[0];
	for (i = 1; i < n; i++) {
		lo = values[i] < lo ? values[i] : lo;
		hi = values[i] > hi ? values[i] : hi;
	}
	/* One value, or all equal: one bar a tenth of it wide (at least 1). */
	width = round_width(hi > lo ? (hi - lo) / 12 : fmax(1, fabs(lo) / 10));
	for (;;) {
		start = floor(lo / width) * width;
		nbins = (size_t)floor((hi - start) / width) + 1;
		if (nbins <= STATS_MAX_BINS)
			break;
		width = round_width(width * 1.01);
	}
	*out = calloc(nbins, sizeof(**out));
	if (*out == NULL)
		abort();
	for (b = 0; b < nbins; b++) {
		(*out)[b].low = start + (double)b * width;
		(*out)[b].high = start + (double)(b + 1) * width;
	}
	for (i = 0; i < n; i++) {
		b = (size_t)floor((values[i] - start) / width);
		(*out)[b < nbins ? b : nbins - 1].n++;
	}
	return nbins;
}

/*
 * Selection: the summary's percentiles without sorting.  Only the ranks
 * stats_percentile_sorted reads need their sorted values; a three-way
 * quickselect puts them in place (salaries repeat a lot: the band equal to
 * the pivot is settled at once), and a range that recurses too deep is
 * sorted instead, bounding the worst case at n log n (introselect).
 */

/* The ranks the summary reads: min, max and two about each percentile. */
#define MAX_RANKS 12

static const double summary_ps[] = { 0.10, 0.25, 0.50, 0.75, 0.90 };

static void swap_values(double *a, double *b)
{
	double t = *a;

	*a = *b;
	*b = t;
}

static double median_of_three(double a, double b, double c)
{
	if (a > b)
		swap_values(&a, &b);
	if (b > c)
		b = c;
	return a > b ? a : b;
}

/* Reorder v[lo, hi) into < pivot, == pivot, > pivot; the == band is
 * [*lt, *gt). */
static void partition3(double *v, size_t lo, size_t hi, double pivot, size_t *lt, size_t *gt)
{
	size_t i = lo;

	*lt = lo;
	*gt = hi;
	while (i < *gt) {
		if (v[i] < pivot)
			swap_values(&v[(*lt)++], &v[i++]);
		else if (v[i] > pivot)
			swap_values(&v[i], &v[--*gt]);
		else
			i++;
	}
}

/* Put the k ranks (ascending, each in [lo, hi)) at their sorted places. */
static void select_ranks(double *v, size_t lo, size_t hi, const size_t *ranks, size_t k,
			 int depth)
{
	size_t lt, gt, i, j;

	while (k > 0 && hi - lo > 1) {
		if (depth-- == 0) {
			qsort(v + lo, hi - lo, sizeof(*v), cmp_double);
			return;
		}
		partition3(v, lo, hi, median_of_three(v[lo], v[lo + (hi - lo) / 2], v[hi - 1]),
			   &lt, &gt);
		for (i = 0; i < k && ranks[i] < lt; i++)
			;
		select_ranks(v, lo, lt, ranks, i, depth);
		for (j = i; j < k && ranks[j] < gt; j++)
			;
		ranks += j;
		k -= j;
		lo = gt;
	}
}

static int cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return (a > b) - (a < b);
}

/* The ranks stats_percentile_sorted reads for each of ps (the same
 * arithmetic), with 0 and n - 1: ascending, each once; returns how many. */
static size_t ranks_for(size_t n, const double *ps, size_t nps, size_t ranks[MAX_RANKS])
{
	size_t i, k = 0, m = 0, lo;

	ranks[k++] = 0;
	ranks[k++] = n - 1;
	for (i = 0; i < nps; i++) {
		lo = (size_t)floor((double)(n - 1) * ps[i]);
		ranks[k++] = lo < n - 1 ? lo : n - 1;
		if (lo < n - 1)
			ranks[k++] = lo + 1;
	}
	qsort(ranks, k, sizeof(*ranks), cmp_size);
	for (i = 0; i < k; i++)
		if (m == 0 || ranks[m - 1] != ranks[i])
			ranks[m++] = ranks[i];
	return m;
}

/* Selection's depth limit: about twice the levels a balanced split needs. */
static int depth_limit(size_t n)
{
	int d = 0;

	while (n > 1) {
		n >>= 1;
		d++;
	}
	return 2 * d + 4;
}

static void select_for(double *v, size_t n, const double *ps, size_t nps)
{
	size_t ranks[MAX_RANKS];

	select_ranks(v, 0, n, ranks, ranks_for(n, ps, nps, ranks), depth_limit(n));
}

/*
 * Does summing v in any order give the same result?  Yes when every value
 * is a finite multiple of 2^-10 and their magnitudes sum below 2^42: every
 * partial sum is then a multiple of 2^-10 below 2^42, held exactly in a
 * double's 53 bits, so no addition rounds (and the compensation is 0).
 * NaN fails the first test, an infinity the second.
 */
static int sum_is_exact(const double *v, size_t n)
{
	double magnitude = 0.0, scaled;
	size_t i;

	for (i = 0; i < n; i++) {
		scaled = v[i] * 1024.0;
		if (!(scaled == trunc(scaled)))
			return 0;
		magnitude += fabs(v[i]);
	}
	return magnitude < 0x1p42;
}

void stats_summarize_unordered(double *values, size_t n, struct stats_summary *out)
{
	if (n == 0 || !sum_is_exact(values, n)) {
		stats_summarize(values, n, out);
		return;
	}
	select_for(values, n, summary_ps, sizeof(summary_ps) / sizeof(summary_ps[0]));
	fill_summary(values, n, out);
}

double stats_median_unordered(double *values, size_t n)
{
	static const double half[] = { 0.50 };
	size_t i;

	if (n == 0)
		return NAN;
	/* NaNs sort last in stats_summarize: let it place them. */
	for (i = 0; i < n; i++)
		if (isnan(values[i])) {
			struct stats_summary s;

			stats_summarize(values, n, &s);
			return s.median;
		}
	select_for(values, n, half, 1);
	return stats_percentile_sorted(values, n, 0.50);
}
