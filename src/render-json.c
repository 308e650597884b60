/* render-json.c - a report as one JSON object. */
#include "config.h"

#include "jsonw.h"
#include "render.h"
#include "salary.h"

static void summary_json(struct buf *out, const struct stats_summary *s)
{
	const struct { const char *key; double v; } figures[] = {
		{ "min", s->min }, { "p10", s->p10 }, { "p25", s->p25 },
		{ "median", s->median }, { "p75", s->p75 }, { "p90", s->p90 },
		{ "max", s->max }, { "mean", s->mean },
	};
	size_t i;

	buf_appends(out, "{");
	jsonw_key(out, "n");
	jsonw_int(out, (long long)s->n);
	for (i = 0; i < sizeof(figures) / sizeof(figures[0]); i++) {
		buf_appends(out, ",");
		jsonw_key(out, figures[i].key);
		jsonw_number(out, figures[i].v);	/* NaN (n == 0) prints null */
	}
	buf_appends(out, "}");
}

static void count_json(struct buf *out, const char *key, size_t n)
{
	jsonw_key(out, key);
	jsonw_int(out, (long long)n);
	buf_appends(out, ",");
}

/* "rates": [{"currency", "per_usd", "as_of", "postings"}, ...] */
static void rates_json(struct buf *out, const struct report *r)
{
	size_t i;

	jsonw_key(out, "rates");
	buf_appends(out, "[");
	for (i = 0; i < r->nrates; i++) {
		buf_appends(out, i ? ",{" : "{");
		jsonw_key(out, "currency");
		jsonw_string(out, r->rates[i].currency);
		buf_appends(out, ",");
		jsonw_key(out, "per_usd");
		jsonw_number(out, r->rates[i].per_usd);
		buf_appends(out, ",");
		jsonw_key(out, "as_of");
		jsonw_string(out, r->rates[i].as_of);
		buf_appends(out, ",");
		jsonw_key(out, "postings");
		jsonw_int(out, (long long)r->rates[i].postings);
		buf_appends(out, "}");
	}
	buf_appends(out, "]");
}

/* "annualization": {"hour": 2080, ...}: how the yearly figures were made. */
static void annualization_json(struct buf *out)
{
	enum salary_period p;

	jsonw_key(out, "annualization");
	buf_appends(out, "{");
	for (p = PERIOD_HOUR; p <= PERIOD_YEAR; p++) {
		if (p != PERIOD_HOUR)
			buf_appends(out, ",");
		jsonw_key(out, salary_period_name(p));
		jsonw_number(out, salary_annual_factor(p));
	}
	buf_appends(out, "},");
}

/* "provenance": ["structured", "text"(, "estimate")]: what the figures count. */
static void provenance_json(struct buf *out, const struct report *r)
{
	const char *const *names;
	size_t i, n = report_provenances(r, &names);

	jsonw_key(out, "provenance");
	buf_appends(out, "[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_appends(out, ",");
		jsonw_string(out, names[i]);
	}
	buf_appends(out, "],");
}

/* A group's counts but its postings: of salary.n, and those left out. */
static void group_counts_json(struct buf *out, const struct report_group *g)
{
	count_json(out, "converted", g->converted);
	count_json(out, "estimated", g->estimated);
	count_json(out, "other_currency", g->other_currency);
	count_json(out, "unknown_period", g->unknown_period);
	count_json(out, "estimates", g->estimates);
}

/* "filters": {"source": null, "level": "SE", ...}, every key, null when unset. */
static void filters_json(struct buf *out, const struct report *r)
{
	const char *names[REPORT_FILTERS], *values[REPORT_FILTERS];
	int i;

	report_filters(r, names, values);
	jsonw_key(out, "filters");
	buf_appends(out, "{");
	for (i = 0; i < REPORT_FILTERS; i++) {
		if (i > 0)
			buf_appends(out, ",");
		jsonw_key(out, names[i]);
		if (values[i] != NULL)
			jsonw_string(out, values[i]);
		else
			buf_appends(out, "null");
	}
	buf_appends(out, "},");
}

void render_report_json(struct buf *out, const struct report *r)
{
	int l;

	buf_appends(out, "{");
	jsonw_key(out, "role");
	jsonw_string(out, r->role);
	buf_appends(out, ",");
	filters_json(out, r);
	count_json(out, "postings", r->all.postings);
	count_json(out, "with_salary", r->with_salary);
	group_counts_json(out, &r->all);
	provenance_json(out, r);
	jsonw_key(out, "currency");
	jsonw_string(out, r->currency);
	buf_appends(out, ",");
	jsonw_key(out, "period");
	jsonw_string(out, "year");
	buf_appends(out, ",");
	annualization_json(out);
	jsonw_key(out, "percentile_method");
	jsonw_string(out, "hyndman-fan-7");
	buf_appends(out, ",");
	jsonw_key(out, "salary");
	summary_json(out, &r->all.salary);
	buf_appends(out, ",");
	jsonw_key(out, "by_level");
	buf_appends(out, "[");
	for (l = 0; l < (int)r->by[REPORT_BY_LEVEL].n; l++) {
		buf_appends(out, l ? ",{" : "{");
		jsonw_key(out, "level");
		jsonw_string(out, r->by[REPORT_BY_LEVEL].v[l].name);
		buf_appends(out, ",");
		count_json(out, "postings", r->by[REPORT_BY_LEVEL].v[l].postings);
		group_counts_json(out, &r->by[REPORT_BY_LEVEL].v[l]);
		jsonw_key(out, "salary");
		summary_json(out, &r->by[REPORT_BY_LEVEL].v[l].salary);
		buf_appends(out, "}");
	}
	buf_appends(out, "],");
	rates_json(out, r);
	buf_appends(out, "}\n");
}
