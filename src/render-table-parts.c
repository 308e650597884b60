/* render-table-parts.c - the table report's sections after the level
 * table: groups, histogram, profile fit and trend, with ASCII bars. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render-internal.h"

/* Widest a bar is drawn, in characters. */
#define BAR_WIDTH 30
/* Columns a group's name takes; longer names are cut, with "...". */
#define NAME_WIDTH 24

/* Characters (not bytes) of UTF-8 text: what a terminal pads by. */
static size_t text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* name padded or cut to width characters, cut at a character boundary. */
static void padded(struct buf *out, const char *name, size_t width)
{
	size_t n = text_width(name), used = 0;
	const char *p = name;

	if (n <= width) {
		buf_printf(out, "%s%*s", name, (int)(width - n), "");
		return;
	}
	for (; *p && used < width - 3; p++) {
		buf_printf(out, "%c", *p);
		used += ((unsigned char)p[1] & 0xC0) != 0x80;
	}
	buf_appends(out, "...");
}

/* " " and count as a bar of '#', scaled so that max fills BAR_WIDTH; a
 * count above zero always shows at least one '#', zero nothing (no
 * trailing space either). */
static void bar(struct buf *out, size_t count, size_t max)
{
	size_t len = max ? (size_t)ceil((double)count * BAR_WIDTH / (double)max) : 0;

	if (len > 0)
		buf_appends(out, " ");
	while (len-- > 0)
		buf_appends(out, "#");
}

static int amount_width(double v)
{
	char cell[32];

	render_amount(cell, sizeof(cell), v);
	return (int)strlen(cell);
}

/* "  n" or "  n*" (fewer than REPORT_SMALL_GROUP salaries): n beside every figure. */
static void n_cell(struct buf *out, size_t n)
{
	buf_printf(out, "%6zu%s", n, n > 0 && n < REPORT_SMALL_GROUP ? "*" : " ");
}

static void typical_cell(struct buf *out, const struct report_group *g, int width)
{
	char lo[32], hi[32], cell[80];

	render_amount(lo, sizeof(lo), g->typical_min);
	render_amount(hi, sizeof(hi), g->typical_max);
	if (isnan(g->typical_min))
		snprintf(cell, sizeof(cell), "-");
	else
		snprintf(cell, sizeof(cell), "%s-%s", lo, hi);
	buf_printf(out, " %*s", width, cell);
}

static void group_line(struct buf *out, const struct report_group *g, int median_width,
		       int range_width)
{
	char median[32];

	buf_appends(out, "  ");
	padded(out, g->name ? g->name : "all postings", NAME_WIDTH);
	buf_printf(out, "%6zu %4u%%", g->postings, render_percent(g->with_salary, g->postings));
	n_cell(out, g->salary.n);
	render_amount(median, sizeof(median), g->salary.median);
	buf_printf(out, "%*s", median_width, median);
	typical_cell(out, g, range_width);
	buf_appends(out, "\n");
}

/* The widths of the median and typical range columns for groups. */
static void group_widths(const struct report_group *v, size_t n, int *median, int *range)
{
	size_t i;
	int w;

	*median = 8;	/* "  median" */
	*range = 13;	/* "typical range" */
	for (i = 0; i < n; i++) {
		w = amount_width(v[i].salary.median) + 2;
		*median = w > *median ? w : *median;
		w = amount_width(v[i].typical_min) + 1 + amount_width(v[i].typical_max);
		*range = w > *range ? w : *range;
	}
}

static void groups_header(struct buf *out, const char *title, int median, int range)
{
	buf_printf(out, "\n%s:\n  %-*s%6s %5s%6s %*s %*s\n", title, NAME_WIDTH, "", "jobs",
		   "pay", "n", median, "median", range, "typical range");
}

static void groups_table(struct buf *out, const char *title, const struct report_group *v,
			 size_t n)
{
	int median, range;
	size_t i;

	group_widths(v, n, &median, &range);
	groups_header(out, title, median, range);
	for (i = 0; i < n; i++)
		group_line(out, &v[i], median, range);
}

void render_table_splits(struct buf *out, const struct report *r)
{
	static const char *const titles[REPORT_SPLITS] = {
		[REPORT_BY_LEVEL] = "By level", [REPORT_BY_ARRANGEMENT] = "By work arrangement",
		[REPORT_BY_COUNTRY] = "By country", [REPORT_BY_COMPANY] = "Top companies",
		[REPORT_BY_EMPLOYMENT_TYPE] = "By employment type",
	};
	char title[80];
	int k;

	for (k = 0; k < REPORT_SPLITS; k++) {
		const struct report_groups *by = &r->by[k];

		if (by->n == 0)
			continue;
		if (by->distinct > by->n)
			snprintf(title, sizeof(title), "%s (%zu of %zu)", titles[k], by->n,
				 by->distinct);
		else
			snprintf(title, sizeof(title), "%s", titles[k]);
		groups_table(out, title, by->v, by->n);
	}
	buf_appends(out, "\npay: share of postings stating any pay; median and typical range "
		    "(median of\nminimums-median of maximums) over the n with a salary in the "
		    "report currency.\n");
}

void render_table_histogram(struct buf *out, const struct report *r)
{
	char lo[32], hi[32];
	size_t i, max = 0;
	int w = 0;

	if (r->nbins == 0)
		return;
	for (i = 0; i < r->nbins; i++) {
		max = r->histogram[i].n > max ? r->histogram[i].n : max;
		w = amount_width(r->histogram[i].high) > w ? amount_width(r->histogram[i].high) : w;
	}
	buf_printf(out, "\nDistribution of the %zu midpoints, %s per year:\n", r->all.salary.n,
		   r->currency);
	for (i = 0; i < r->nbins; i++) {
		render_amount(lo, sizeof(lo), r->histogram[i].low);
		render_amount(hi, sizeof(hi), r->histogram[i].high);
		buf_printf(out, "  %*s to under %*s %6zu", w, lo, w, hi, r->histogram[i].n);
		bar(out, r->histogram[i].n, max);
		buf_appends(out, "\n");
	}
}

/* The role's pay beside the pay of the postings that fit each profile. */
static void fit_pay(struct buf *out, const struct report *r)
{
	int median, range, m, g;
	size_t i;

	group_widths(&r->all, 1, &median, &range);
	for (i = 0; i < r->nfits; i++) {
		group_widths(&r->fits[i].group, 1, &m, &g);
		median = m > median ? m : median;
		range = g > range ? g : range;
	}
	groups_header(out, "Pay of the postings that fit, beside the role's", median, range);
	group_line(out, &r->all, median, range);
	for (i = 0; i < r->nfits; i++)
		group_line(out, &r->fits[i].group, median, range);
}

static void fit_keywords(struct buf *out, const struct report *r, const struct report_fit *f)
{
	size_t k;

	buf_printf(out, "  %s:%s\n", f->group.name, f->ntop ? "" : " none of its skills or tools");
	for (k = 0; k < f->ntop; k++) {
		const struct report_keyword *kw = &f->top[k];

		buf_appends(out, "    ");
		padded(out, kw->phrase, NAME_WIDTH);
		buf_printf(out, " %-5s %6zu %4u%%", kw->kind, kw->postings,
			   render_percent(kw->postings, r->all.postings));
		bar(out, kw->postings, r->all.postings);
		buf_appends(out, "\n");
	}
}

void render_table_fit(struct buf *out, const struct report *r)
{
	size_t i;

	if (r->nfits == 0)
		return;
	buf_printf(out, "\nProfile fit: a posting fits a profile when the weights of the "
		    "profile's\nkeywords it names (title or description) reach its threshold.\n");
	for (i = 0; i < r->nfits; i++) {
		const struct report_fit *f = &r->fits[i];

		buf_appends(out, "  ");
		padded(out, f->group.name, NAME_WIDTH + 12);
		buf_printf(out, "%6zu of %zu %4u%%", f->group.postings, r->all.postings,
			   render_percent(f->group.postings, r->all.postings));
		bar(out, f->group.postings, r->all.postings);
		buf_printf(out, "\n    (threshold %d)\n", f->threshold);
	}
	fit_pay(out, r);
	buf_printf(out, "\nSkills and tools most asked for, of the role's %zu postings:\n",
		   r->all.postings);
	for (i = 0; i < r->nfits; i++)
		fit_keywords(out, r, &r->fits[i]);
}

void render_table_trend(struct buf *out, const struct report *r)
{
	char median[32];
	size_t i, max = 0;
	int w = 8;

	if (r->ntrend == 0)
		return;
	for (i = 0; i < r->ntrend; i++) {
		max = r->trend[i].postings > max ? r->trend[i].postings : max;
		w = amount_width(r->trend[i].salary.median) + 2 > w ?
			amount_width(r->trend[i].salary.median) + 2 : w;
	}
	buf_printf(out, "\nTrend per %s (by posting date, else the day first seen):\n"
		   "  %-10s %6s%6s %*s\n", r->trend_by, r->trend_by[0] == 'w' ? "week of" : "month",
		   "jobs", "n", w, "median");
	for (i = 0; i < r->ntrend; i++) {
		const struct report_period *p = &r->trend[i];

		render_amount(median, sizeof(median), p->salary.median);
		buf_printf(out, "  %-10.*s %6zu", r->trend_by[0] == 'w' ? 10 : 7, p->start,
			   p->postings);
		n_cell(out, p->salary.n);
		buf_printf(out, "%*s", w, median);
		bar(out, p->postings, max);
		buf_appends(out, "\n");
	}
}
