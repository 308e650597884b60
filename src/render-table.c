/* render-table.c - a report as an aligned table for an 80-column terminal. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "render-internal.h"
#include "render-number.h"

/* Column widths: each wide enough for its widest cell plus one space, so
 * large figures (a rupee salary, ten thousand postings) never run together. */
struct widths {
	int count, amount;
};

static void summary_figures(const struct stats_summary *s, double out[8])
{
	const double f[8] = { s->min, s->p10, s->p25, s->median, s->p75, s->p90, s->max,
			      s->mean };

	memcpy(out, f, sizeof(f));
}

static void widen(struct widths *w, size_t postings, const struct stats_summary *s)
{
	char cell[32];
	double f[8];
	int i, len;

	len = snprintf(cell, sizeof(cell), "%zu", postings > s->n ? postings : s->n);
	if (len + 1 > w->count)
		w->count = len + 1;
	summary_figures(s, f);
	for (i = 0; i < 8; i++) {
		render_amount(cell, sizeof(cell), f[i]);
		len = (int)strlen(cell);
		if (len + 1 > w->amount)
			w->amount = len + 1;
	}
}

static void summary_row(struct buf *out, const struct widths *w, const char *label,
			size_t postings, const struct stats_summary *s)
{
	char cell[32];
	double f[8];
	int i;

	buf_printf(out, "%-7s%*zu%*zu%s", label, w->count, postings, w->count, s->n,
		   s->n > 0 && s->n < REPORT_SMALL_GROUP ? "*" : " ");
	summary_figures(s, f);
	for (i = 0; i < 8; i++) {
		render_amount(cell, sizeof(cell), f[i]);
		buf_printf(out, "%*s", w->amount, cell);
	}
	buf_appends(out, "\n");
}

static void header_row(struct buf *out, const struct widths *w)
{
	static const char *const names[8] = { "min", "p10", "p25", "median", "p75", "p90",
					       "max", "mean" };
	int i;

	buf_printf(out, "%-7s%*s%*s ", "level", w->count, "jobs", w->count, "n");
	for (i = 0; i < 8; i++)
		buf_printf(out, "%*s", w->amount, names[i]);
	buf_appends(out, "\n");
}

/* The rates a conversion used, one line each. */
static void rates_footer(struct buf *out, const struct report *r)
{
	const struct report_rate *rate;
	size_t i;

	if (r->nrates > 0)
		buf_appends(out, "Rates (units per US dollar, see 'jobstats rates'):\n");
	for (i = 0; i < r->nrates; i++) {
		rate = &r->rates[i];
		buf_printf(out, "  %s %12.6g as of %s", rate->currency, rate->per_usd, rate->as_of);
		if (strcmp(rate->currency, r->currency) == 0)
			buf_appends(out, ", the report currency\n");
		else
			buf_printf(out, ", %zu converted\n", rate->postings);
	}
}

/* "Left out of the figures: ..." with each count, wrapped to 80 columns. */
static void left_out_line(struct buf *out, const struct report *r)
{
	static const char head[] = "Left out of the figures: ";
	char part[3][64];
	size_t col, i, n = 2;
	int wrap;

	snprintf(part[0], sizeof(part[0]), "%zu paid in %s", r->all.other_currency,
		 r->convert ? "currencies with no rate" : "other currencies");
	snprintf(part[1], sizeof(part[1]), "%zu with no pay period", r->all.unknown_period);
	if (r->all.estimates)
		snprintf(part[n++], sizeof(part[0]), "%zu board estimates", r->all.estimates);
	buf_printf(out, "\n%s%s", head, part[0]);
	col = strlen(head) + strlen(part[0]);
	for (i = 1; i < n; i++) {
		/* ", part" and the comma after it (all but the last) must fit */
		wrap = col + 2 + strlen(part[i]) + (i + 1 < n) > 80;
		buf_printf(out, ",%s%s", wrap ? "\n  " : " ", part[i]);
		col = (wrap ? 2 : col + 2) + strlen(part[i]);
	}
}

/* "Filters: level SE, country US" when any was applied. */
static void filters_line(struct buf *out, const struct report *r)
{
	const char *names[REPORT_FILTERS], *values[REPORT_FILTERS];
	int i, first = 1;

	if (report_filters(r, names, values) == 0)
		return;
	buf_appends(out, "Filters:");
	for (i = 0; i < REPORT_FILTERS; i++) {
		if (values[i] == NULL)
			continue;
		buf_printf(out, "%s %s %s", first ? "" : ",", names[i], values[i]);
		first = 0;
	}
	buf_appends(out, "\n");
}

/* "Dates: FIRST to LAST" and "Sources: NAME (N), ...", wrapped to 80 columns. */
static void origin_lines(struct buf *out, const struct report *r)
{
	size_t i, col;
	char part[96];

	if (r->first_date[0])
		buf_printf(out, "\nDates: %s to %s", r->first_date, r->last_date);
	if (r->nsources == 0)
		return;
	buf_appends(out, "\nSources:");
	col = 8;
	for (i = 0; i < r->nsources; i++) {
		snprintf(part, sizeof(part), " %s (%zu)%s", r->sources[i].name,
			 r->sources[i].postings, i + 1 < r->nsources ? "," : "");
		if (col + strlen(part) > 80 && col > 8) {
			buf_appends(out, "\n ");
			col = 1;
		}
		buf_appends(out, part);
		col += strlen(part);
	}
}

/* "Duplicates: N ... : NAME (N), ..." when some job is on several sources. */
static void duplicates_line(struct buf *out, const struct report *r)
{
	size_t i;

	if (r->duplicates == 0)
		return;
	buf_printf(out, "\nDuplicates: %zu also on another source, %s:", r->duplicates,
		   r->with_duplicates ? "counted again (--with-duplicates)" :
		   "each job counted once");
	for (i = 0; i < r->nduplicate_sources; i++)
		buf_printf(out, " %s (%zu)%s", r->duplicate_sources[i].name,
			   r->duplicate_sources[i].postings, i + 1 < r->nduplicate_sources ? "," : "");
}

/* "Typical advertised range: 120,000-150,000 (median of the minimums-...)". */
static void typical_line(struct buf *out, const struct report *r)
{
	char lo[32], hi[32];

	if (isnan(r->all.typical_min))
		return;
	render_amount(lo, sizeof(lo), r->all.typical_min);
	render_amount(hi, sizeof(hi), r->all.typical_max);
	buf_printf(out, "\nTypical advertised range: %s %s-%s a year (n %zu)\n  the median of the "
		   "advertised minimums to the median of the maximums.\n", r->currency, lo, hi,
		   r->all.salary.n);
}

void render_report_table(struct buf *out, const struct report *r)
{
	struct widths w = { 4, 8 };	/* "jobs", "  median" */
	int l;

	buf_printf(out, "Role: %s\n", r->role);
	filters_line(out, r);
	buf_printf(out, "Postings: %zu matched, %zu with a salary (%u%% state pay)", r->all.postings,
		   r->all.with_salary, render_percent(r->all.with_salary, r->all.postings));
	origin_lines(out, r);
	duplicates_line(out, r);
	if (r->all.converted)
		buf_printf(out, "\nConverted into %s: %zu, at the rates below", r->currency,
			   r->all.converted);
	if (r->include_estimates)
		buf_printf(out, "\nBoard estimates in the figures: %zu (--include-estimates)",
			   r->all.estimated);
	if (r->all.other_currency || r->all.unknown_period || r->all.estimates)
		left_out_line(out, r);
	buf_printf(out, "\n\nAnnualized salary midpoint, %s per year:\n\n", r->currency);
	widen(&w, r->all.postings, &r->all.salary);
	for (l = 0; l < (int)r->by[REPORT_BY_LEVEL].n; l++)
		widen(&w, r->by[REPORT_BY_LEVEL].v[l].postings, &r->by[REPORT_BY_LEVEL].v[l].salary);
	header_row(out, &w);
	summary_row(out, &w, "all", r->all.postings, &r->all.salary);
	for (l = 0; l < (int)r->by[REPORT_BY_LEVEL].n; l++)
		summary_row(out, &w, r->by[REPORT_BY_LEVEL].v[l].name, r->by[REPORT_BY_LEVEL].v[l].postings,
			    &r->by[REPORT_BY_LEVEL].v[l].salary);
	buf_printf(out, "\nn: postings with a salary in %s%s; * fewer than %d, read with care.\n"
		   "Levels: EN entry, MI mid, SE senior, EX executive.\n"
		   "Percentiles: linear interpolation (Hyndman-Fan type 7).\n",
		   r->currency, r->all.converted ? " (or converted)" : "", REPORT_SMALL_GROUP);
	if (!r->convert && r->all.other_currency)
		buf_appends(out, "Other currencies: --convert includes those with a stored rate.\n");
	if (r->all.estimates)
		buf_appends(out, "Board estimates (not employer pay): --include-estimates "
			    "counts them.\n");
	typical_line(out, r);
	render_table_histogram(out, r);
	render_table_splits(out, r);
	render_table_fit(out, r);
	render_table_trend(out, r);
	if (r->nrates > 0)
		buf_appends(out, "\n");
	rates_footer(out, r);
}
