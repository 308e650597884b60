/*
 * check_stats.c - percentiles and summaries against values computed
 * independently.  Each case names its numpy / R equivalent; both use
 * Hyndman-Fan type 7 by default (numpy.percentile(x, 100 * p),
 * R quantile(x, p, type = 7)).  Python's
 * statistics.quantiles(x, n=20, method="inclusive") is the same method.
 */
#include "config.h"

#include "check-main.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

#define MAXV 16

/* Equal, both NaN, or within a relative 1e-12 (the expectations are exact
 * decimal values; the code may round in the last bit). */
static int close_enough(double got, double want)
{
	if (isnan(want))
		return isnan(got);
	if (isinf(want))
		return got == want;
	return fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want));
}

#define ck_close(got, want) \
	ck_assert_msg(close_enough((got), (want)), "%s: got %.17g, want %.17g", \
		      #got, (double)(got), (double)(want))

static const double r_doc[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
static const double ties[] = { 1, 1, 3, 3, 3, 5, 9 };
static const double pair[] = { 10, 20 };
static const double one[] = { 42 };

struct pct_case {
	const double *x;	/* sorted */
	size_t n;
	double p, want;
};

static const struct pct_case pct_cases[] = {
	/* R: quantile(1:10) -> 1, 3.25, 5.5, 7.75, 10 */
	{ r_doc, 10, 0.00, 1.0 },
	{ r_doc, 10, 0.25, 3.25 },
	{ r_doc, 10, 0.50, 5.5 },
	{ r_doc, 10, 0.75, 7.75 },
	{ r_doc, 10, 1.00, 10.0 },
	/* numpy.percentile(range(1, 11), [10, 90]) -> 1.9, 9.1 */
	{ r_doc, 10, 0.10, 1.9 },
	{ r_doc, 10, 0.90, 9.1 },
	/* numpy.percentile([1,1,3,3,3,5,9], [10, 25, 75, 90]) -> 1, 2, 4, 6.6 */
	{ ties, 7, 0.10, 1.0 },
	{ ties, 7, 0.25, 2.0 },
	{ ties, 7, 0.50, 3.0 },
	{ ties, 7, 0.75, 4.0 },
	{ ties, 7, 0.90, 6.6 },
	/* numpy.percentile([10, 20], [0, 10, 50, 100]) -> 10, 11, 15, 20 */
	{ pair, 2, 0.00, 10.0 },
	{ pair, 2, 0.10, 11.0 },
	{ pair, 2, 0.50, 15.0 },
	{ pair, 2, 1.00, 20.0 },
	/* One value is every quantile. */
	{ one, 1, 0.00, 42.0 },
	{ one, 1, 0.37, 42.0 },
	{ one, 1, 1.00, 42.0 },
	/* Nothing to summarize, or p out of range: NAN, never a guess. */
	{ NULL, 0, 0.50, NAN },
	{ r_doc, 10, -0.01, NAN },
	{ r_doc, 10, 1.01, NAN },
	{ r_doc, 10, NAN, NAN },
};

START_TEST(test_percentile)
{
	const struct pct_case *c = &pct_cases[_i];

	ck_close(stats_percentile_sorted(c->x, c->n, c->p), c->want);
}
END_TEST

struct sum_case {
	const char *name;
	double x[MAXV];		/* as given: not necessarily sorted */
	size_t n;
	double min, p10, p25, median, p75, p90, max, mean;
};

static const struct sum_case sum_cases[] = {
	/* numpy.percentile([42], ...) -> 42 everywhere */
	{ "n=1", { 42 }, 1, 42, 42, 42, 42, 42, 42, 42, 42 },
	/* numpy.percentile([20, 10], [10, 25, 50, 75, 90]) -> 11, 12.5, 15, 17.5, 19 */
	{ "n=2", { 20, 10 }, 2, 10, 11, 12.5, 15, 17.5, 19, 20, 15 },
	/* R: quantile(c(10,9,8,7,6,5,4,3,2,1), c(.1,.25,.5,.75,.9))
	 * -> 1.9 3.25 5.5 7.75 9.1; mean 5.5 */
	{ "r-doc", { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }, 10,
	  1, 1.9, 3.25, 5.5, 7.75, 9.1, 10, 5.5 },
	/* numpy.percentile([5,1,3,3,3,9,1], ...) -> 1, 2, 3, 4, 6.6; mean 25/7 */
	{ "ties-unsorted", { 5, 1, 3, 3, 3, 9, 1 }, 7,
	  1, 1, 2, 3, 4, 6.6, 9, 25.0 / 7.0 },
	{ "all-equal", { 7, 7, 7, 7 }, 4, 7, 7, 7, 7, 7, 7, 7, 7 },
	/* numpy.percentile([-1, -3, -2], ...) -> -2.8, -2.5, -2, -1.5, -1.2 */
	{ "negative", { -1, -3, -2 }, 3, -3, -2.8, -2.5, -2, -1.5, -1.2, -1, -2 },
	/*
	 * x = [65000, 120000, 87500, 150000, 98000, 72000, 110000, 135000,
	 *      54000, 101500]
	 * numpy.percentile(x, [10, 25, 50, 75, 90])
	 *   -> 63900, 75875, 99750, 117500, 136500; numpy.mean(x) -> 99300
	 */
	{ "salaries", { 65000, 120000, 87500, 150000, 98000, 72000, 110000,
			135000, 54000, 101500 }, 10,
	  54000, 63900, 75875, 99750, 117500, 136500, 150000, 99300 },
	/*
	 * Compensated mean: plain summation gives 0 here (1e16 + 1 rounds
	 * back to 1e16); math.fsum([1e16, 1, -1e16]) / 3 -> 1/3.
	 * Percentiles of [-1e16, 1, 1e16] -> -8e15, -5e15, 1, 5e15, 8e15.
	 */
	{ "cancellation", { 1e16, 1, -1e16 }, 3,
	  -1e16, -8e15, -5e15, 1, 5e15, 8e15, 1e16, 1.0 / 3.0 },
};

START_TEST(test_summarize)
{
	const struct sum_case *c = &sum_cases[_i];
	struct stats_summary s;
	double v[MAXV];
	size_t i;

	memcpy(v, c->x, sizeof(v));
	stats_summarize(v, c->n, &s);
	ck_assert_msg(s.n == c->n, "%s: n", c->name);
	ck_close(s.min, c->min);
	ck_close(s.p10, c->p10);
	ck_close(s.p25, c->p25);
	ck_close(s.median, c->median);
	ck_close(s.p75, c->p75);
	ck_close(s.p90, c->p90);
	ck_close(s.max, c->max);
	ck_close(s.mean, c->mean);
	/* The header promises an in-place ascending sort. */
	for (i = 1; i < c->n; i++)
		ck_assert_msg(v[i - 1] <= v[i], "%s: not sorted at %zu", c->name, i);
}
END_TEST

START_TEST(test_summarize_empty)
{
	struct stats_summary s;

	memset(&s, 0, sizeof(s));
	s.n = 99;
	stats_summarize(NULL, 0, &s);
	ck_assert_uint_eq(s.n, 0);
	ck_assert(isnan(s.min) && isnan(s.p10) && isnan(s.p25));
	ck_assert(isnan(s.median) && isnan(s.p75) && isnan(s.p90));
	ck_assert(isnan(s.max) && isnan(s.mean));
}
END_TEST

/*
 * Selection against sorting: stats_summarize_unordered must give every
 * figure of stats_summarize bit for bit (same ranks, same mean), whatever
 * the order, the ties and n: odd and even n, duplicates, n = 1 and 2,
 * salaries with half units (midpoints), and values whose sum rounds (rates'
 * fractions, cancellation), NaN and infinity, where it falls back to
 * sorting.
 */
static const struct {
	const char *name;
	double x[MAXV];
	size_t n;
} select_cases[] = {
	{ "n=1", { 42 }, 1 },
	{ "n=2", { 20, 10 }, 2 },
	{ "odd, distinct", { 9, 1, 7, 3, 5 }, 5 },
	{ "even, distinct", { 8, 2, 6, 4, 10, 12 }, 6 },
	{ "duplicates, odd", { 5, 1, 3, 3, 3, 9, 1 }, 7 },
	{ "duplicates, even", { 3, 3, 1, 3, 1, 3, 3, 1 }, 8 },
	{ "all equal", { 7, 7, 7, 7, 7 }, 5 },
	{ "ascending", { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }, 16 },
	{ "descending", { 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 }, 16 },
	{ "midpoints", { 109000.5, 99500, 79000, 139000.5, 119000, 99500, 89250.25,
			 150000, 54000.5 }, 9 },
	{ "rates' fractions", { 93481.234567, 0.1, 0.2, 0.3, 120000.7, 1e-9, 55555.55 }, 7 },
	{ "cancellation", { 1e16, 1, -1e16 }, 3 },
	{ "negative and zero", { -1, 0, -3, 2, -2 }, 5 },
	{ "infinity", { 1, INFINITY, 3 }, 3 },
	{ "NaN", { 4, NAN, 1, 2 }, 4 },
};

/* Equal bits, or both NaN: "the same figure", as a report prints it. */
static int same_figure(double a, double b)
{
	return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof(a)) == 0;
}

static void check_same_summary(const char *name, const double *x, size_t n)
{
	double *a = malloc((n ? n : 1) * sizeof(double)), *b = malloc((n ? n : 1) * sizeof(double));
	struct stats_summary want, got;
	const double *w = &want.min, *g = &got.min;
	int i;

	memcpy(a, x, n * sizeof(double));
	memcpy(b, x, n * sizeof(double));
	stats_summarize(a, n, &want);
	stats_summarize_unordered(b, n, &got);
	ck_assert_msg(got.n == want.n, "%s: n", name);
	for (i = 0; i < 8; i++)
		ck_assert_msg(same_figure(g[i], w[i]), "%s: figure %d: got %.17g, want %.17g",
			      name, i, g[i], w[i]);
	memcpy(b, x, n * sizeof(double));
	ck_assert_msg(same_figure(stats_median_unordered(b, n), want.median), "%s: median",
		      name);
	free(a);
	free(b);
}

START_TEST(test_select_cases)
{
	check_same_summary(select_cases[_i].name, select_cases[_i].x, select_cases[_i].n);
}
END_TEST

/* Larger samples shaped like salaries (few distinct values, many ties) and
 * like converted pay (fractions), every n from 0 to 300. */
START_TEST(test_select_random)
{
	double x[300];
	unsigned long r = 12345;
	size_t n, i;

	for (n = 0; n <= 300; n++) {
		for (i = 0; i < n; i++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			x[i] = _i == 0 ? 50000 + 500.0 * (double)((r >> 33) % 40)
			       : _i == 1 ? (double)((r >> 33) % 3)
			       : 40000 + (double)(r >> 11) / 9007199254740992.0 * 1e5;
		}
		check_same_summary(_i == 0 ? "salaries" : _i == 1 ? "three values" : "fractions",
				   x, n);
	}
}
END_TEST

/* Histograms: annualized midpoints as reports see them (demo board and
 * aijobs.net figures), and the edges. */
static const struct {
	const char *what;
	double v[8];
	size_t n;
	double width, first_low;
	size_t nbins;
	size_t counts[8];	/* of the first bins */
} hist_cases[] = {
	{ "USD midpoints, 20,000 wide", { 85000, 90500, 122000, 136750, 175500, 263500 }, 6,
	  20000, 80000, 10, { 2, 0, 2, 0, 1 } },
	{ "one value: one bar a tenth of it wide", { 136750 }, 1, 20000, 120000, 1, { 1 } },
	{ "equal values", { 50000, 50000, 50000 }, 3, 5000, 50000, 1, { 3 } },
	{ "narrow spread: 2.5 steps", { 100000, 101000, 102000, 130000 }, 4, 2500, 100000, 13,
	  { 3 } },
	{ "the highest value is in the last bar", { 0, 12 }, 2, 1, 0, 13, { 1 } },
	{ "rupees and dollars: bars grow to fit 40", { 1000, 30000000 }, 2, 2500000, 0, 13,
	  { 1 } },
};

START_TEST(test_histogram)
{
	struct stats_bin *bins = NULL;
	size_t nbins, i, total = 0;

	nbins = stats_histogram(hist_cases[_i].v, hist_cases[_i].n, &bins);
	ck_assert_msg(nbins == hist_cases[_i].nbins, "%s: %zu bins", hist_cases[_i].what, nbins);
	ck_assert_msg(bins[0].low == hist_cases[_i].first_low, "%s: starts at %g",
		      hist_cases[_i].what, bins[0].low);
	for (i = 0; i < nbins; i++) {
		ck_assert_msg(bins[i].high - bins[i].low == hist_cases[_i].width, "%s: bin %zu",
			      hist_cases[_i].what, i);
		if (i < 8 && hist_cases[_i].counts[i])
			ck_assert_uint_eq(bins[i].n, hist_cases[_i].counts[i]);
		total += bins[i].n;
	}
	ck_assert_uint_eq(total, hist_cases[_i].n);
	ck_assert(bins[nbins - 1].n > 0);
	free(bins);
}
END_TEST

START_TEST(test_histogram_empty)
{
	struct stats_bin *bins = (struct stats_bin *)1;

	ck_assert_uint_eq(stats_histogram(NULL, 0, &bins), 0);
	ck_assert_ptr_null(bins);
}
END_TEST

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *test_suite(void)
{
	Suite *s = suite_create("stats");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_percentile, 0, NCASES(pct_cases));
	tcase_add_loop_test(tc, test_summarize, 0, NCASES(sum_cases));
	tcase_add_test(tc, test_summarize_empty);
	tcase_add_loop_test(tc, test_select_cases, 0, NCASES(select_cases));
	tcase_add_loop_test(tc, test_select_random, 0, 3);
	tcase_add_loop_test(tc, test_histogram, 0, NCASES(hist_cases));
	tcase_add_test(tc, test_histogram_empty);
	suite_add_tcase(s, tc);
	return s;
}
