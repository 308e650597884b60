/*
 * check_render_html.c - the HTML report on hand-built reports: a document an
 * XML parser reads, user text escaped, nothing fetched, no NaN, small groups
 * flagged, every chart or its empty state; and the escaping and round ticks
 * underneath.
 */
#include "config.h"

#include "check-main.h"
#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "htmlw.h"
#include "render.h"
#include "svg.h"

/* A group of n salaries base, base * 1.1, ... (n up to 8). */
static void group(struct report_group *g, const char *name, size_t postings, size_t n,
		  double base)
{
	double v[8];
	size_t i;

	memset(g, 0, sizeof(*g));
	g->name = (char *)name;
	g->postings = postings;
	g->with_salary = n;
	for (i = 0; i < n; i++)
		v[i] = base * (1 + 0.1 * (double)i);
	stats_summarize(v, n, &g->salary);
	g->typical_min = n ? base * 0.9 : NAN;
	g->typical_max = n ? base * 1.3 : NAN;
}

/* Everything a report can hold, role and company named to break markup. */
static struct report *full_report(const char *role)
{
	static struct report r;
	static struct report_group levels[REPORT_LEVELS], companies[2], fit_group;
	static struct report_bin bins[3] = { { 80000, 100000, 2 }, { 100000, 120000, 5 },
					     { 120000, 140000, 1 } };
	static struct report_period trend[3] = { { "2025-01-06", 3, 2, { 0 } },
						 { "2025-01-13", 1, 0, { 0 } },
						 { "2025-01-20", 4, 4, { 0 } } };
	static struct report_source sources[1] = { { (char *)"demo & co", 8 } };
	static struct report_fit fits[1];
	static struct report_rate rates[1] = { { "EUR", 0.92, "2025-01-17", 2 } };
	static const char *const level_names[REPORT_LEVELS] = { "EN", "MI", "SE", "EX",
								 "unknown" };
	double v[4] = { 90000, 100000, 110000, 120000 };
	int l;

	memset(&r, 0, sizeof(r));
	r.role = (char *)role;
	memcpy(r.currency, "USD", 4);
	group(&r.all, NULL, 8, 7, 90000);
	r.all.with_salary = 7;
	r.convert = 1;
	r.all.converted = 2;
	for (l = 0; l < REPORT_LEVELS; l++)
		group(&levels[l], level_names[l], 2, l == 2 ? 6 : l == 4 ? 0 : 2, 80000 + 10000 * l);
	r.by[REPORT_BY_LEVEL] = (struct report_groups){ "level", levels, REPORT_LEVELS, 5 };
	group(&companies[0], "<b>Evil</b> & \"Sons\"", 5, 5, 100000);
	group(&companies[1], "Quiet Ltd", 3, 2, 95000);
	r.by[REPORT_BY_COMPANY] = (struct report_groups){ "company", companies, 2, 17 };
	r.by[REPORT_BY_ARRANGEMENT] = (struct report_groups){ "arrangement", NULL, 0, 0 };
	memcpy(r.first_date, "2025-01-06", 11);
	memcpy(r.last_date, "2025-01-24", 11);
	r.sources = sources;
	r.nsources = 1;
	r.histogram = bins;
	r.nbins = 3;
	stats_summarize(v, 2, &trend[0].salary);
	stats_summarize(NULL, 0, &trend[1].salary);
	stats_summarize(v, 4, &trend[2].salary);
	r.trend_by = "week";
	r.trend = trend;
	r.ntrend = 3;
	memset(fits, 0, sizeof(fits));
	fits[0].threshold = 6;
	group(&fit_group, "Machine Learning <Software> Engineer", 3, 3, 110000);
	fits[0].group = fit_group;
	fits[0].top[0] = (struct report_keyword){ (char *)"PyTorch", "tool", 3, 2 };
	fits[0].top[1] = (struct report_keyword){ (char *)"a very long skill name that goes "
						  "on and on past any label", "skill", 2, 1 };
	fits[0].ntop = 2;
	r.fits = fits;
	r.nfits = 1;
	r.rates = rates;
	r.nrates = 1;
	return &r;
}

/* The page of r, NUL-terminated, in b. */
static const char *page(struct buf *b, const struct report *r)
{
	buf_release(b);
	render_report_html(b, r);
	buf_appends(b, "");
	return b->data;
}

/* An XML parser reads the whole page: it is well-formed. */
static void assert_well_formed(const char *html)
{
	xmlDocPtr doc = xmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	ck_assert_msg(doc != NULL, "not well-formed XML: %s",
		      xmlGetLastError() ? xmlGetLastError()->message : "?");
	ck_assert_str_eq((const char *)xmlDocGetRootElement(doc)->name, "html");
	xmlFreeDoc(doc);
}

/* Nothing fetched: the only URL is the SVG namespace's name. */
static void assert_nothing_external(const char *html)
{
	static const char svg_ns[] = "http://www.w3.org/2000/svg\"";
	const char *p;

	for (p = strstr(html, "http"); p != NULL; p = strstr(p + 1, "http"))
		ck_assert_msg(strncmp(p, svg_ns, strlen(svg_ns)) == 0, "a URL: '%.40s'", p);
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_null(strstr(html, "<link"));
	ck_assert_ptr_null(strstr(html, "<img"));
	ck_assert_ptr_null(strstr(html, "@import"));
	ck_assert_ptr_null(strstr(html, "url("));
}

/* No figure prints as nan or inf: "nan" only ever inside a word. */
static void assert_no_nan(const char *html)
{
	const char *p;

	for (p = strcasestr(html, "nan"); p != NULL; p = strcasestr(p + 1, "nan"))
		ck_assert_msg(p > html && isalpha((unsigned char)p[-1]), "NaN: '%.30s'", p - 1);
	ck_assert_ptr_null(strcasestr(html, ">inf"));
	ck_assert_ptr_null(strcasestr(html, "\"inf"));
	ck_assert_ptr_null(strcasestr(html, "-inf"));
}

static void assert_page(const char *html)
{
	assert_well_formed(html);
	assert_nothing_external(html);
	assert_no_nan(html);
}

/* html holds every one of needles (NULL-terminated). */
static void assert_contains(const char *html, const char *const *needles)
{
	for (; *needles != NULL; needles++)
		ck_assert_msg(strstr(html, *needles) != NULL, "no '%s'", *needles);
}

/* Every chart drawn, figures with separators and n beside them. */
static const char *const full_needles[] = {
	"<!DOCTYPE html>\n", "<h1>Salary report: Data Engineer</h1>",
	"<td>8</td><td>7 (88%)</td><td>7</td><td>90,000</td>",
	"<td class=\"range\">81,000 &#8211; 117,000</td>", "Top 2 of 17 companies",
	"<td>EUR</td><td>0.92</td><td>2025-01-17</td>", "2025-01-06 &#8211; 2025-01-24",
	"<b>demo &amp; co</b> (8)",
	"<title>Salary by level</title>", "<title>Distribution of salaries</title>",
	"<title>Postings and median salary over time</title>",
	"<title>Fit to the role profiles</title>",
	">Median of the fitting postings 121,000 USD (n=3); of all the role&#39;s 117,000 USD "
	"(n=7).</text>", ">3 (38%)</text>", NULL
};
/* A role, a company and a profile named like markup come out as text. */
static const char *const escaped_needles[] = {
	"<h1>Salary report: &lt;script&gt;&amp;&quot;x&#39;</h1>",
	"<td>&lt;b&gt;Evil&lt;/b&gt; &amp; &quot;Sons&quot;</td>",
	"Machine Learning &lt;Software&gt; Engineer", NULL
};

static const struct {
	const char *role;
	const char *const *needles;
	const char *absent;
} full_cases[] = {
	{ "Data Engineer", full_needles, "to chart" },	/* no empty state */
	{ "<script>&\"x'", escaped_needles, "<b>Evil" },
};

START_TEST(test_full_report)
{
	struct buf b = BUF_INIT;
	const char *html = page(&b, full_report(full_cases[_i].role));

	assert_page(html);
	assert_contains(html, full_cases[_i].needles);
	ck_assert_ptr_null(strstr(html, full_cases[_i].absent));
	ck_assert_ptr_null(strstr(html, "No role profile"));
	buf_release(&b);
}
END_TEST

/* Fewer than REPORT_SMALL_GROUP salaries: the row greyed and starred, the
 * box plot muted, and a footnote saying why; a level without salaries has
 * no figure and no box. */
START_TEST(test_small_groups_flagged)
{
	static const char *const needles[] = {
		"<tr class=\"small\"><td>Entry (EN)</td><td>2</td><td>2 (100%)</td><td>2*</td>",
		"<tr><td>Senior (SE)</td>", "fewer than 5 salaries", "n=2*",
		"<g class=\"muted\">",
		"<td>unknown</td><td>2</td><td>0 (0%)</td><td>0</td><td>&#8211;</td>",
		">no salaries</text>", NULL
	};
	struct buf b = BUF_INIT;

	assert_contains(page(&b, full_report("Data Engineer")), needles);
	buf_release(&b);
}
END_TEST

/* The next <path> from *at: how many pieces (M) and joins (L) it draws. */
static void next_path(const char **at, int *moves, int *lines)
{
	const char *d = strstr(*at, "<path d=\"");

	ck_assert_ptr_nonnull(d);
	*moves = *lines = 0;
	for (d += strlen("<path d=\""); *d != '"'; d++) {
		*moves += *d == 'M';
		*lines += *d == 'L';
	}
	*at = d;
}

/* The postings' line joins every period; the medians' breaks at a period
 * without salaries rather than bridging it. */
START_TEST(test_trend_gap)
{
	struct buf b = BUF_INIT;
	const char *at = page(&b, full_report("Data Engineer"));
	int moves, lines;

	next_path(&at, &moves, &lines);
	ck_assert_int_eq(moves, 1);
	ck_assert_int_eq(lines, 2);
	next_path(&at, &moves, &lines);
	ck_assert_int_eq(moves, 2);
	ck_assert_int_eq(lines, 0);
	buf_release(&b);
}
END_TEST

/* No postings at all: every section says so, nothing divides by zero. */
START_TEST(test_empty_report)
{
	static const char *const kinds[REPORT_SPLITS] = { "level", "arrangement", "country",
							  "company", "employment_type" };
	static const char *const empty_states[] = {
		"Salary by level: no salaries to chart.", "Distribution: no salaries to chart.",
		"Trend: no dated postings to chart.", "No role profile was compared",
		"Top 0 of 0 companies, by postings: no postings.", NULL
	};
	struct buf b = BUF_INIT;
	struct report r;
	const char *html;
	int k;

	memset(&r, 0, sizeof(r));
	r.role = (char *)"Nobody";
	memcpy(r.currency, "EUR", 4);
	stats_summarize(NULL, 0, &r.all.salary);
	r.all.typical_min = r.all.typical_max = NAN;
	for (k = 0; k < REPORT_SPLITS; k++)
		r.by[k].kind = kinds[k];
	html = page(&b, &r);
	assert_page(html);
	assert_contains(html, empty_states);
	ck_assert_ptr_null(strstr(html, "<svg"));
	buf_release(&b);
}
END_TEST

/* Salaries but no profile asked about, and a trend without any salary. */
START_TEST(test_no_fits_no_trend_salaries)
{
	struct buf b = BUF_INIT;
	struct report *r = full_report("Data Engineer");
	struct report_period none[2] = { { "2025-01-01", 2, 0, { 0 } },
					 { "2025-02-01", 0, 0, { 0 } } };
	const char *html;

	stats_summarize(NULL, 0, &none[0].salary);
	stats_summarize(NULL, 0, &none[1].salary);
	r->nfits = 0;
	r->trend = none;
	r->ntrend = 2;
	r->trend_by = "month";
	html = page(&b, r);
	assert_page(html);
	ck_assert_ptr_nonnull(strstr(html, "No role profile was compared"));
	ck_assert_ptr_nonnull(strstr(html, "Median salary: no salaries to chart"));
	ck_assert_ptr_nonnull(strstr(html, "Month (first day)"));
	buf_release(&b);
}
END_TEST

static const struct {
	const char *in, *out;
} escapes[] = {
	{ "a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;" },
	{ "Z\xC3\xBCrich \xE2\x82\xAC", "Z\xC3\xBCrich \xE2\x82\xAC" },	/* valid UTF-8 kept */
	{ "bad \xC3( end", "bad \xEF\xBF\xBD( end" },			/* truncated */
	{ "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },	/* a surrogate */
	{ "bell\x07 tab\t", "bell\xEF\xBF\xBD tab\t" },		/* XML forbids \x07 */
	{ "\xEF\xBF\xBF", "\xEF\xBF\xBD" },				/* U+FFFF */
	{ "", "" },
};

START_TEST(test_escape)
{
	struct buf b = BUF_INIT;

	htmlw_text(&b, escapes[_i].in);
	buf_appends(&b, "");
	ck_assert_str_eq(b.data, escapes[_i].out);
	buf_release(&b);
}
END_TEST

static const struct {
	double lo, hi;
	int want;
	double step, first, last;
} tick_cases[] = {
	{ 85000, 263500, 7, 50000, 50000, 300000 },
	{ 0, 4, 5, 1, 0, 4 },
	{ 0, 100, 6, 20, 0, 100 },
	{ 0.3, 0.3, 5, 0.1, 0.3, 0.4 },		/* one value: ticks around it */
	{ -12, 7, 4, 10, -20, 10 },
	{ 1, 1e9, 15, 1e8, 0, 1e9 },
};

START_TEST(test_ticks)
{
	struct svg_ticks t;
	size_t i;

	svg_ticks(tick_cases[_i].lo, tick_cases[_i].hi, tick_cases[_i].want, &t);
	ck_assert_double_eq_tol(t.step, tick_cases[_i].step, 1e-9 * tick_cases[_i].step);
	ck_assert_double_eq_tol(t.v[0], tick_cases[_i].first, 1e-9 * tick_cases[_i].step);
	ck_assert_double_eq_tol(t.v[t.n - 1], tick_cases[_i].last, 1e-9 * tick_cases[_i].step);
	ck_assert_uint_le(t.n, SVG_MAX_TICKS);
	/* the ticks hold [lo, hi] (up to rounding: 3 * 0.1 is 0.30000000000000004) */
	ck_assert(t.v[0] <= tick_cases[_i].lo + 1e-9 * t.step);
	ck_assert(t.v[t.n - 1] >= tick_cases[_i].hi - 1e-9 * t.step);
	for (i = 1; i < t.n; i++)
		ck_assert_double_eq_tol(t.v[i] - t.v[i - 1], t.step, 1e-9 * t.step);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("render_html");
	TCase *page_case = tcase_create("page"), *parts = tcase_create("parts");

	tcase_add_loop_test(page_case, test_full_report, 0,
			    sizeof(full_cases) / sizeof(full_cases[0]));
	tcase_add_test(page_case, test_small_groups_flagged);
	tcase_add_test(page_case, test_trend_gap);
	tcase_add_test(page_case, test_empty_report);
	tcase_add_test(page_case, test_no_fits_no_trend_salaries);
	tcase_add_loop_test(parts, test_escape, 0, sizeof(escapes) / sizeof(escapes[0]));
	tcase_add_loop_test(parts, test_ticks, 0, sizeof(tick_cases) / sizeof(tick_cases[0]));
	suite_add_tcase(s, page_case);
	suite_add_tcase(s, parts);
	return s;
}
