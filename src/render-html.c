/*
 * render-html.c - a report as one self-contained HTML page: its basis
 * (role, filters, currency, what counts), the summary and split tables, and
 * the charts (render-html-charts.c).  No script, no network: the style and
 * the SVG are inline, so the file opens, mails and prints as it is.  The
 * markup is also well-formed XML (quoted attributes, closed empty elements,
 * numeric references only), which lets a test read it with an XML parser.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "htmlw.h"
#include "render.h"
#include "render-html-internal.h"
#include "render-number.h"

/* Screen: a light page in a column.  Print: no backgrounds, black text,
 * tables and charts kept whole on a page, widths that fit A4 and Letter. */
static const char style[] =
	":root{color-scheme:light}\n"
	"body{margin:0;background:#eef1f4;color:#1d2329;"
	"font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}\n"
	"main{max-width:62rem;margin:0 auto;padding:1.5rem 2rem 2.5rem;background:#fff}\n"
	"h1{font-size:1.6rem;margin:.2rem 0 .4rem}\n"
	"h3{font-size:1rem;margin:1.2rem 0 .3rem}\n"
	"h2{font-size:1.15rem;margin:2rem 0 .5rem;padding-bottom:.2rem;"
	"border-bottom:1px solid #d8dde3}\n"
	"ul.basis{padding-left:1.2rem;margin:.4rem 0}\n"
	"table{border-collapse:collapse;width:100%;margin:.3rem 0;font-size:12.5px}\n"
	"caption{text-align:left;font-weight:600;padding:.3rem 0}\n"
	"th,td{padding:.22rem .4rem;border-bottom:1px solid #e3e7ec;text-align:right;"
	"white-space:nowrap}\n"
	"th:first-child,td:first-child{text-align:left;white-space:normal}\n"
	"thead th{border-bottom:2px solid #9aa5b1;vertical-align:bottom;white-space:normal}\n"
	"td.range{white-space:normal;min-width:5.5em}\n"
	"td{font-variant-numeric:tabular-nums}\n"
	"tr.all td{font-weight:600}\n"
	"tr.small td{color:#8a939c}\n"
	".note,figcaption{color:#5b6570;font-size:12.5px}\n"
	".empty{color:#8a939c;font-style:italic}\n"
	"figure{margin:1rem 0}\n"
	"svg.chart{display:block;width:100%;max-width:46rem;height:auto}\n"
	".chart text{font-size:12px;fill:#1d2329}\n"
	".chart .label,.chart .quiet{fill:#5b6570}\n"
	".chart .axis{stroke:#5b6570}\n"
	".chart .grid{stroke:#e3e7ec}\n"
	".chart .box{fill:#a9cbea;stroke:#1f5f99}\n"
	".chart .whisker,.chart .median{stroke:#1f5f99;stroke-width:2}\n"
	".chart .muted .box{fill:#eceff2;stroke:#9aa5b1}\n"
	".chart .muted .whisker,.chart .muted .median{stroke:#9aa5b1}\n"
	".chart .muted text{fill:#8a939c}\n"
	".chart .bar{fill:#4a8cc7}\n"
	".chart .fit{fill:#d9822b}\n"
	".chart .keyword{fill:#f0c391}\n"
	".chart .line{fill:none;stroke:#1f5f99;stroke-width:2}\n"
	".chart .dot{fill:#1f5f99}\n"
	"@page{margin:14mm}\n"
	"@media print{body{background:#fff;color:#000;font-size:10pt}"
	"main{max-width:none;padding:0}"
	"table{font-size:7.5pt}th,td{padding:.1rem .2rem}"
	"h2,h3{break-after:avoid;page-break-after:avoid}"
	"table,figure,svg,tr{break-inside:avoid;page-break-inside:avoid}"
	"svg.chart{max-width:100%}}\n";

const char *render_html_label(const char *kind, const char *name)
{
	static const struct { const char *kind, *name, *words; } labels[] = {
		{ "level", "EN", "Entry (EN)" }, { "level", "MI", "Mid (MI)" },
		{ "level", "SE", "Senior (SE)" }, { "level", "EX", "Executive (EX)" },
		{ "employment_type", "FT", "Full-time (FT)" },
		{ "employment_type", "PT", "Part-time (PT)" },
		{ "employment_type", "CT", "Contract (CT)" },
		{ "employment_type", "FL", "Freelance (FL)" },
		{ "employment_type", "IN", "Internship (IN)" },
		{ "employment_type", "TEMP", "Temporary (TEMP)" },
	};
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(kind, labels[i].kind) == 0 && strcmp(name, labels[i].name) == 0)
			return labels[i].words;
	return name;
}

/* A figure's cell: the amount with separators, an en dash when there is none. */
static void amount_cell(struct buf *out, double v)
{
	char cell[32];

	if (isnan(v)) {
		buf_appends(out, "<td>&#8211;</td>");
		return;
	}
	render_amount(cell, sizeof(cell), v);
	buf_printf(out, "<td>%s</td>", cell);
}

static void range_cell(struct buf *out, const struct report_group *g)
{
	char lo[32], hi[32];

	if (isnan(g->typical_min) || isnan(g->typical_max)) {
		buf_appends(out, "<td>&#8211;</td>");
		return;
	}
	render_amount(lo, sizeof(lo), g->typical_min);
	render_amount(hi, sizeof(hi), g->typical_max);
	buf_printf(out, "<td class=\"range\">%s &#8211; %s</td>", lo, hi);
}

static int small_group(const struct report_group *g)
{
	return g->salary.n > 0 && g->salary.n < REPORT_SMALL_GROUP;
}

static void group_row(struct buf *out, const char *cls, const char *label,
		      const struct report_group *g)
{
	const struct stats_summary *s = &g->salary;
	const double f[8] = { s->min, s->p10, s->p25, s->median, s->p75, s->p90, s->max,
			      s->mean };
	int i;

	if (small_group(g))
		cls = "small";
	if (cls != NULL)
		buf_printf(out, "<tr class=\"%s\">", cls);
	else
		buf_appends(out, "<tr>");
	htmlw_element(out, "td", label);
	buf_printf(out, "<td>%zu</td><td>%zu (%u%%)</td><td>%zu%s</td>", g->postings,
		   g->with_salary, render_percent(g->with_salary, g->postings), s->n,
		   small_group(g) ? "*" : "");
	for (i = 0; i < 8; i++)
		amount_cell(out, f[i]);
	range_cell(out, g);
	buf_appends(out, "</tr>\n");
}

/* <table> with its caption (escaped) and the figures' header row. */
static void table_open(struct buf *out, const char *caption, const char *first_column)
{
	static const char *const names[] = { "postings", "with salary", "n", "min", "p10",
					     "p25", "median", "p75", "p90", "max", "mean",
					     "typical range" };
	size_t i;

	buf_appends(out, "<table>");
	htmlw_element(out, "caption", caption);
	buf_appends(out, "\n<thead><tr>");
	htmlw_element(out, "th scope=\"col\"", first_column);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		buf_printf(out, "<th scope=\"col\">%s</th>", names[i]);
	buf_appends(out, "</tr></thead>\n<tbody>\n");
}

static void table_close(struct buf *out)
{
	buf_appends(out, "</tbody></table>\n");
}

/* "Filters: level SE, country US", or that there were none. */
static void filters_item(struct buf *out, const struct report *r)
{
	const char *names[REPORT_FILTERS], *values[REPORT_FILTERS];
	int i, first = 1;

	if (report_filters(r, names, values) == 0) {
		buf_appends(out, "<li>Filters: none.</li>\n");
		return;
	}
	buf_appends(out, "<li>Filters:");
	for (i = 0; i < REPORT_FILTERS; i++) {
		if (values[i] == NULL)
			continue;
		buf_printf(out, "%s %s <b>", first ? "" : ",", names[i]);
		htmlw_text(out, values[i]);
		buf_appends(out, "</b>");
		first = 0;
	}
	buf_appends(out, ".</li>\n");
}

/* What the figures are in, and what was converted or left out. */
static void currency_items(struct buf *out, const struct report *r)
{
	buf_printf(out, "<li>Figures: annualized salary midpoints ((min + max) / 2) in "
		   "<b>%s per year</b>; percentiles by linear interpolation "
		   "(Hyndman&#8211;Fan type 7).</li>\n", r->currency);
	if (r->convert)
		buf_printf(out, "<li>Conversion: %zu postings converted into %s at the "
			   "stored rates below; %zu paid in currencies with no rate (or none "
			   "stated) left out.</li>\n", r->all.converted, r->currency,
			   r->all.other_currency);
	else
		buf_printf(out, "<li>Conversion: none; %zu postings paid in other currencies "
			   "left out (<code>--convert</code> counts those with a stored "
			   "rate).</li>\n", r->all.other_currency);
	if (r->all.unknown_period)
		buf_printf(out, "<li>%zu postings with no pay period left out.</li>\n",
			   r->all.unknown_period);
}

/* Which pay counts: employer pay, and boards' estimates left out or in. */
static void provenance_item(struct buf *out, const struct report *r)
{
	const char *const *names;
	size_t i, n = report_provenances(r, &names);

	buf_appends(out, "<li>Salaries counted:");
	for (i = 0; i < n; i++)
		buf_printf(out, "%s %s", i ? "," : "", names[i]);
	if (r->include_estimates)
		buf_printf(out, ". Board estimates included: %zu of the %zu figures.</li>\n",
			   r->all.estimated, r->all.salary.n);
	else
		buf_printf(out, ". Board estimates (not employer pay) left out: %zu "
			   "(<code>--include-estimates</code> counts them).</li>\n",
			   r->all.estimates);
}

/* " NAME (N), NAME (N)." and the end of the list item. */
static void source_names(struct buf *out, const struct report_source *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		buf_appends(out, i ? ", " : " ");
		htmlw_element(out, "b", v[i].name);
		buf_printf(out, " (%zu)", v[i].postings);
	}
	buf_appends(out, ".</li>\n");
}

static void sources_item(struct buf *out, const struct report *r)
{
	if (r->nsources == 0)
		return;
	buf_appends(out, "<li>Sources:");
	source_names(out, r->sources, r->nsources);
	if (r->duplicates == 0)
		return;
	buf_printf(out, "<li>Duplicates: %zu also on another source, %s:", r->duplicates,
		   r->with_duplicates ? "counted again (<code>--with-duplicates</code>)" :
		   "each job counted once");
	source_names(out, r->duplicate_sources, r->nduplicate_sources);
}

static void basis(struct buf *out, const struct report *r)
{
	buf_appends(out, "<ul class=\"basis\">\n");
	filters_item(out, r);
	buf_printf(out, "<li>Postings: <b>%zu</b> matched, <b>%zu</b> with a salary "
		   "(<b>%u%%</b> pay transparency).</li>\n", r->all.postings, r->all.with_salary,
		   render_percent(r->all.with_salary, r->all.postings));
	if (r->first_date[0])
		buf_printf(out, "<li>Dates: %s &#8211; %s (posting date, else the day first "
			   "seen).</li>\n", r->first_date, r->last_date);
	sources_item(out, r);
	currency_items(out, r);
	provenance_item(out, r);
	buf_appends(out, "</ul>\n");
}

static void rates_table(struct buf *out, const struct report *r)
{
	const struct report_rate *rate;
	size_t i;

	if (r->nrates == 0)
		return;
	buf_appends(out, "<table class=\"rates\"><caption>Rates used (units per US dollar, "
		    "see <code>jobstats rates</code>)</caption>\n<thead><tr><th scope=\"col\">"
		    "currency</th><th scope=\"col\">per USD</th><th scope=\"col\">as of</th>"
		    "<th scope=\"col\">postings converted</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < r->nrates; i++) {
		rate = &r->rates[i];
		buf_printf(out, "<tr><td>%s</td><td>%.6g</td><td>%s</td>", rate->currency,
			   rate->per_usd, rate->as_of);
		if (strcmp(rate->currency, r->currency) == 0)
			buf_appends(out, "<td>report currency</td></tr>\n");
		else
			buf_printf(out, "<td>%zu</td></tr>\n", rate->postings);
	}
	table_close(out);
}

/* One split's table: its caption says what it is (companies: of how many). */
static void split_table(struct buf *out, const struct report_groups *g)
{
	static const struct { const char *kind, *caption, *column; } splits[] = {
		{ "level", "By level", "level" },
		{ "arrangement", "By work arrangement", "arrangement" },
		{ "country", "By country", "country" },
		{ "company", NULL, "company" },
		{ "employment_type", "By employment type", "employment type" },
	};
	char caption[96];
	size_t i, k;

	for (k = 0; k < sizeof(splits) / sizeof(splits[0]); k++)
		if (strcmp(g->kind, splits[k].kind) == 0)
			break;
	if (k == sizeof(splits) / sizeof(splits[0]))
		return;
	if (splits[k].caption != NULL)
		snprintf(caption, sizeof(caption), "%s", splits[k].caption);
	else
		snprintf(caption, sizeof(caption), "Top %zu of %zu companies, by postings", g->n,
			 g->distinct);
	if (g->n == 0) {
		buf_printf(out, "<p class=\"empty\">%s: no postings.</p>\n", caption);
		return;
	}
	table_open(out, caption, splits[k].column);
	for (i = 0; i < g->n; i++)
		group_row(out, NULL, render_html_label(g->kind, g->v[i].name), &g->v[i]);
	table_close(out);
}

static void tables(struct buf *out, const struct report *r)
{
	int k;

	buf_appends(out, "<h2>Summary</h2>\n");
	table_open(out, "All postings", "group");
	group_row(out, "all", "all", &r->all);
	table_close(out);
	rates_table(out, r);
	buf_appends(out, "<h2>Splits</h2>\n");
	for (k = 0; k < REPORT_SPLITS; k++)
		if (r->by[k].kind != NULL)
			split_table(out, &r->by[k]);
	buf_printf(out, "<p class=\"note\">n: postings with a salary in %s%s. "
		   "* and grey: fewer than %d salaries, read with care. "
		   "Typical range: the median advertised minimum &#8211; the median "
		   "advertised maximum. Companies: postings naming no company are in no "
		   "row.</p>\n", r->currency, r->all.converted ? " (or converted)" : "",
		   REPORT_SMALL_GROUP);
}

static void charts(struct buf *out, const struct report *r)
{
	buf_appends(out, "<h2>Charts</h2>\n");
	render_html_boxplots(out, r);
	render_html_histogram(out, r);
	render_html_trend(out, r);
	buf_appends(out, "<h2>Profile fit</h2>\n");
	render_html_fits(out, r);
}

void render_report_html(struct buf *out, const struct report *r)
{
	buf_appends(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		    "<meta charset=\"utf-8\"/>\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
		    "<title>");
	buf_appends(out, "Salary report: ");
	htmlw_text(out, r->role);
	buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", style);
	buf_appends(out, "<h1>Salary report: ");
	htmlw_text(out, r->role);
	buf_appends(out, "</h1>\n");
	basis(out, r);
	tables(out, r);
	charts(out, r);
	buf_appends(out, "<p class=\"note\">Made by jobstats from the postings in its "
		    "database. Levels: EN entry, MI mid, SE senior, EX executive.</p>\n"
		    "</main>\n</body>\n</html>\n");
}
