/*
 * render-html-charts.c - the HTML report's charts as inline SVG: salary by
 * level as box plots, the histogram of midpoints, postings and the median
 * per period (the profile fit: render-html-fit.c).  Each is drawn from the
 * report's own figures; where the report has none, a sentence says so.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render-html-internal.h"
#include "svg.h"

/* The plot area: its left margin leaves room for the vertical axis's ticks
 * and label. */
#define PLOT_LEFT 80
#define PLOT_RIGHT (CHART_W - 24)

void render_html_short_amount(char *out, size_t size, double v)
{
	if (fabs(v) >= 1e6)
		snprintf(out, size, "%gM", v / 1e6);
	else if (fabs(v) >= 1e3)
		snprintf(out, size, "%gk", v / 1e3);
	else
		snprintf(out, size, "%g", v == 0 ? 0.0 : v);	/* never "-0" */
}

static void count_label(char *out, size_t size, double v)
{
	snprintf(out, size, "%.0f", v);
}

/* Ticks for a count axis from 0 to most: whole numbers, at least 0 to 4. */
static void count_ticks(size_t most, struct svg_ticks *t)
{
	svg_ticks(0, most > 4 ? (double)most : 4, 5, t);
}

static void heading(struct buf *out, const char *title)
{
	buf_printf(out, "<h3>%s</h3>\n", title);
}

void render_html_empty(struct buf *out, const char *what)
{
	buf_printf(out, "<p class=\"empty\">%s</p>\n", what);
}

void render_html_figure_close(struct buf *out, const char *caption)
{
	svg_close(out);
	buf_printf(out, "<figcaption>%s</figcaption></figure>\n", caption);
}

/* ---- Salary by level: box plots ---------------------------------------- */

#define BOX_ROW 32

static void box(struct buf *out, const struct svg_scale *x, double y, const struct stats_summary *s)
{
	double p10 = svg_at(x, s->p10), p25 = svg_at(x, s->p25), p75 = svg_at(x, s->p75);
	double p90 = svg_at(x, s->p90), med = svg_at(x, s->median);

	svg_line(out, p10, y, p25, y, "whisker");
	svg_line(out, p75, y, p90, y, "whisker");
	svg_line(out, p10, y - 6, p10, y + 6, "whisker");
	svg_line(out, p90, y - 6, p90, y + 6, "whisker");
	svg_rect(out, p25, y - 9, p75 - p25, 18, "box");
	svg_line(out, med, y - 9, med, y + 9, "median");
}

static void box_row(struct buf *out, const struct svg_scale *x, double y, const char *label,
		    const struct report_group *g)
{
	char n[32];
	int small = g->salary.n < REPORT_SMALL_GROUP;

	buf_appends(out, small ? "<g class=\"muted\">\n" : "<g>\n");
	svg_text(out, x->u0 - 10, y + 4, "end", "name", label);
	if (g->salary.n == 0) {
		svg_text(out, x->u0 + 4, y + 4, "start", "quiet", "no salaries");
	} else {
		box(out, x, y, &g->salary);
		snprintf(n, sizeof(n), "n=%zu%s", g->salary.n, small ? "*" : "");
		svg_text(out, x->u1 + 6, y + 4, "start", "quiet", n);
	}
	buf_appends(out, "</g>\n");
}

/* The lowest p10 and the highest p90 of the groups with a salary. */
static void box_domain(const struct report *r, double *lo, double *hi)
{
	const struct report_groups *levels = &r->by[REPORT_BY_LEVEL];
	size_t i;

	*lo = r->all.salary.p10;
	*hi = r->all.salary.p90;
	for (i = 0; i < levels->n; i++) {
		if (levels->v[i].salary.n == 0)
			continue;
		*lo = fmin(*lo, levels->v[i].salary.p10);
		*hi = fmax(*hi, levels->v[i].salary.p90);
	}
}

void render_html_boxplots(struct buf *out, const struct report *r)
{
	const struct report_groups *levels = &r->by[REPORT_BY_LEVEL];
	struct svg_scale x = { 0, 0, 150, CHART_W - 70 };
	struct svg_ticks t;
	char label[160];
	double lo, hi, axis_y = 16 + BOX_ROW * (double)(levels->n + 1);
	size_t i;

	heading(out, "Salary by level");

	if (r->all.salary.n == 0) {
		render_html_empty(out, "Salary by level: no salaries to chart.");
		return;
	}
	box_domain(r, &lo, &hi);
	svg_ticks(lo, hi, 7, &t);
	x.d0 = t.v[0];
	x.d1 = t.v[t.n - 1];
	snprintf(label, sizeof(label), "Annualized salary midpoint (%s per year)", r->currency);
	buf_appends(out, "<figure>\n");
	svg_open(out, CHART_W, (int)axis_y + 44, "Salary by level",
		 "Box plots of the annualized salary midpoint, overall and by level: whiskers "
		 "from the 10th to the 90th percentile, the box from the 25th to the 75th, a "
		 "line at the median.");
	svg_axis_x(out, &x, &t, axis_y, 6, render_html_short_amount, label);
	box_row(out, &x, 16 + BOX_ROW / 2.0, "all", &r->all);
	for (i = 0; i < levels->n; i++)
		box_row(out, &x, 16 + BOX_ROW * (i + 1.5), render_html_label(levels->kind,
			levels->v[i].name), &levels->v[i]);
	snprintf(label, sizeof(label), "Salary by level: whiskers p10&#8211;p90, box "
		 "p25&#8211;p75, line the median. Grey, *: fewer than %d salaries.",
		 REPORT_SMALL_GROUP);
	render_html_figure_close(out, label);
}

/* ---- Histogram of midpoints ------------------------------------------- */

#define HIST_H 300
#define HIST_TOP 12
#define HIST_BOTTOM (HIST_H - 50)

void render_html_histogram(struct buf *out, const struct report *r)
{
	struct svg_scale x = { 0, 0, PLOT_LEFT, PLOT_RIGHT }, y = { 0, 0, HIST_BOTTOM, HIST_TOP };
	struct svg_ticks tx, ty;
	char label[96];
	size_t i, most = 0;

	heading(out, "Distribution of salaries");

	if (r->nbins == 0) {
		render_html_empty(out, "Distribution: no salaries to chart.");
		return;
	}
	for (i = 0; i < r->nbins; i++)
		most = r->histogram[i].n > most ? r->histogram[i].n : most;
	svg_ticks(r->histogram[0].low, r->histogram[r->nbins - 1].high, 8, &tx);
	count_ticks(most, &ty);
	x.d0 = tx.v[0];
	x.d1 = tx.v[tx.n - 1];
	y.d1 = ty.v[ty.n - 1];
	snprintf(label, sizeof(label), "Annualized salary midpoint (%s per year)", r->currency);
	buf_appends(out, "<figure>\n");
	svg_open(out, CHART_W, HIST_H, "Distribution of salaries",
		 "Histogram: how many postings have an annualized salary midpoint in each "
		 "range of equal width.");
	svg_axis_y(out, &y, &ty, PLOT_LEFT, PLOT_RIGHT, count_label, "Postings");
	for (i = 0; i < r->nbins; i++) {
		double x0 = svg_at(&x, r->histogram[i].low), x1 = svg_at(&x, r->histogram[i].high);
		double top = svg_at(&y, (double)r->histogram[i].n);

		svg_rect(out, x0 + 1, top, x1 - x0 - 2, HIST_BOTTOM - top, "bar");
	}
	svg_axis_x(out, &x, &tx, HIST_BOTTOM, HIST_BOTTOM, render_html_short_amount, label);
	snprintf(label, sizeof(label), "Distribution: postings per %s range of the "
		 "annualized midpoint.", r->currency);
	render_html_figure_close(out, label);
}

/* ---- Trend: postings and median salary per period ------------------------ */

#define TREND_H 420
#define TREND_PANEL 140

/* The centre of period i of n across the plot area. */
static double period_x(size_t i, size_t n)
{
	return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * (i + 0.5) / (double)n;
}

/* Period start dates under a panel, about eight of them so they never overlap. */
static void period_axis(struct buf *out, const struct report *r, double y)
{
	size_t i, every = (r->ntrend + 7) / 8;

	svg_line(out, PLOT_LEFT, y, PLOT_RIGHT, y, "axis");
	for (i = 0; i < r->ntrend; i += every) {
		svg_line(out, period_x(i, r->ntrend), y, period_x(i, r->ntrend), y + 4, "axis");
		svg_text(out, period_x(i, r->ntrend), y + 16, "middle", "tick", r->trend[i].start);
	}
}

/*
 * The line of a panel, a dot at each period: the postings of every period
 * (none is 0), or the median of each period with salaries, broken where a
 * period has none rather than drawn across it.
 */
static void period_line(struct buf *out, const struct report *r, const struct svg_scale *y,
			int medians)
{
	struct svg_path line;
	double px, py;
	size_t i;

	svg_path_init(&line);
	for (i = 0; i < r->ntrend; i++) {
		if (medians && r->trend[i].salary.n == 0) {
			svg_path_break(&line);
			continue;
		}
		px = period_x(i, r->ntrend);
		py = svg_at(y, medians ? r->trend[i].salary.median : (double)r->trend[i].postings);
		svg_path_point(&line, px, py);
		svg_circle(out, px, py, 3, "dot");
	}
	svg_path_write(out, &line, "line");
	svg_path_release(&line);
}

static void postings_panel(struct buf *out, const struct report *r, double top)
{
	struct svg_scale y = { 0, 0, top + TREND_PANEL, top };
	struct svg_ticks t;
	size_t i, most = 0;

	for (i = 0; i < r->ntrend; i++)
		most = r->trend[i].postings > most ? r->trend[i].postings : most;
	count_ticks(most, &t);
	y.d1 = t.v[t.n - 1];
	svg_axis_y(out, &y, &t, PLOT_LEFT, PLOT_RIGHT, count_label, "Postings");
	period_line(out, r, &y, 0);
	period_axis(out, r, y.u0);
}

/* The lowest and highest median of the periods with a salary; 0 when none. */
static size_t median_domain(const struct report *r, double *lo, double *hi)
{
	size_t i, n = 0;

	for (i = 0; i < r->ntrend; i++) {
		if (r->trend[i].salary.n == 0)
			continue;
		*lo = n ? fmin(*lo, r->trend[i].salary.median) : r->trend[i].salary.median;
		*hi = n ? fmax(*hi, r->trend[i].salary.median) : r->trend[i].salary.median;
		n++;
	}
	return n;
}

static void median_panel(struct buf *out, const struct report *r, double top)
{
	struct svg_scale y = { 0, 0, top + TREND_PANEL, top };
	struct svg_ticks t;
	char label[64];
	double lo = 0, hi = 0;

	if (median_domain(r, &lo, &hi) == 0) {
		svg_text(out, (PLOT_LEFT + PLOT_RIGHT) / 2.0, top + TREND_PANEL / 2.0, "middle",
			 "quiet", "Median salary: no salaries to chart");
		return;
	}
	svg_ticks(lo, hi, 4, &t);
	y.d0 = t.v[0];
	y.d1 = t.v[t.n - 1];
	snprintf(label, sizeof(label), "Median (%s/yr)", r->currency);
	svg_axis_y(out, &y, &t, PLOT_LEFT, PLOT_RIGHT, render_html_short_amount, label);
	period_line(out, r, &y, 1);
	period_axis(out, r, y.u0);
}

void render_html_trend(struct buf *out, const struct report *r)
{
	char caption[160];

	heading(out, "Postings and median salary over time");

	if (r->ntrend == 0) {
		render_html_empty(out, "Trend: no dated postings to chart.");
		return;
	}
	buf_appends(out, "<figure>\n");
	svg_open(out, CHART_W, TREND_H, "Postings and median salary over time",
		 "Above, the postings per period; below, the median annualized salary "
		 "midpoint of each period that has salaries, a gap where one has none.");
	postings_panel(out, r, 12);
	median_panel(out, r, 12 + TREND_PANEL + 70);
	svg_text(out, (PLOT_LEFT + PLOT_RIGHT) / 2.0, TREND_H - 6, "middle", "label",
		 r->trend_by && strcmp(r->trend_by, "month") == 0 ? "Month (first day)"
		 : "Week (from Monday)");
	snprintf(caption, sizeof(caption), "Trend per %s: postings (by posting date, else the "
		 "day first seen) and their median salary in %s per year.",
		 r->trend_by ? r->trend_by : "week", r->currency);
	render_html_figure_close(out, caption);
}
