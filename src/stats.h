/*
 * stats.h - descriptive statistics for salary reports.
 *
 * Percentiles use one documented method everywhere: Hyndman & Fan (1996)
 * type 7, linear interpolation between the closest ranks.  It is the default
 * of numpy.percentile, R's quantile() and spreadsheet PERCENTILE.INC, so a
 * reader can check any figure we print with the tool at hand:
 *
 *	h = (n - 1) * p
 *	Q(p) = x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h])
 *
 * with x sorted ascending and indexed from 0.
 */
#ifndef JOBSTATS_STATS_H
#define JOBSTATS_STATS_H

#include <stddef.h>

/* The method's name where a report states it (JSON percentile_method, the
 * CSV column of that name). */
#define STATS_PERCENTILE_METHOD "hyndman-fan-7"

struct stats_summary {
	size_t n;
	double min, p10, p25, median, p75, p90, max, mean;
};

/*
 * The p-quantile (p in [0, 1]) of n values sorted ascending.  NAN when n is
 * 0, or when p is NaN or outside [0, 1].  The values must not be NaN.
 */
double stats_percentile_sorted(const double *sorted, size_t n, double p);

/*
 * Summarize n values: sorts values in place (ascending) and fills every field
 * of *out.  n == 0 gives out->n == 0 and every other field NAN; values may
 * then be NULL.  The values should be finite and not NaN (filter them
 * first); NaNs are sorted last so the sort stays well defined.
 *
 * The mean uses Neumaier's compensated summation, so a long column of
 * salaries of mixed magnitude loses no precision to accumulated rounding.
 */
void stats_summarize(double *values, size_t n, struct stats_summary *out);

/*
 * The same summary, bit for bit, without sorting: values are reordered (not
 * sorted) and the percentiles found by selection (quickselect), linear in n
 * where a sort is n log n.  Every figure equals stats_summarize's: the
 * percentiles take the same ranks; the mean is summed in another order only
 * when every partial sum is exact (all values multiples of 2^-10, their
 * magnitudes summing below 2^42, as salaries are), so the order cannot
 * change it; otherwise (NaN, infinities, fractions of rates) the values are
 * sorted and summarized by stats_summarize.
 */
void stats_summarize_unordered(double *values, size_t n, struct stats_summary *out);

/* The median of n values (reordered), as stats_summarize would give it;
 * NAN when n is 0. */
double stats_median_unordered(double *values, size_t n);

/* One bar of a histogram: the values in [low, high). */
struct stats_bin {
	double low, high;
	size_t n;
};

/* Most bars a histogram is given. */
#define STATS_MAX_BINS 40

/*
 * A histogram of n finite values (any order): equal bins of a round width
 * (1, 2, 2.5 or 5 times a power of ten) chosen for about 12 bars, the first
 * starting at a multiple of the width at or below the lowest value, the
 * last holding the highest; at most STATS_MAX_BINS (the width grows to fit).
 * Sets *out (the caller frees it) and returns the number of bins; 0 and
 * NULL when n is 0.
 */
size_t stats_histogram(const double *values, size_t n, struct stats_bin **out);

#endif
