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

void stats_summarize(double *values, size_t n, struct stats_summary *out)
{
	out->n = n;
	if (n == 0) {
		out->min = out->p10 = out->p25 = out->median = NAN;
		out->p75 = out->p90 = out->max = out->mean = NAN;
		return;
	}
	qsort(values, n, sizeof(*values), cmp_double);
	out->min = values[0];
	out->p10 = stats_percentile_sorted(values, n, 0.10);
	out->p25 = stats_percentile_sorted(values, n, 0.25);
	out->median = stats_percentile_sorted(values, n, 0.50);
	out->p75 = stats_percentile_sorted(values, n, 0.75);
	out->p90 = stats_percentile_sorted(values, n, 0.90);
	out->max = values[n - 1];
	out->mean = mean_of(values, n);
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
