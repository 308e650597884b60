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

/* "key": v, (null for NaN) */
static void number_json(struct buf *out, const char *key, double v)
{
	jsonw_key(out, key);
	jsonw_number(out, v);
	buf_appends(out, ",");
}

static void string_json(struct buf *out, const char *key, const char *value)
{
	jsonw_key(out, key);
	if (value != NULL && value[0] != '\0')
		jsonw_string(out, value);
	else
		buf_appends(out, "null");
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
		string_json(out, "currency", r->rates[i].currency);
		number_json(out, "per_usd", r->rates[i].per_usd);
		string_json(out, "as_of", r->rates[i].as_of);
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

/* "typical_range": {"min": ..., "max": ...}, nulls when there is no pay. */
static void typical_json(struct buf *out, const struct report_group *g)
{
	jsonw_key(out, "typical_range");
	buf_appends(out, "{");
	number_json(out, "min", g->typical_min);
	jsonw_key(out, "max");
	jsonw_number(out, g->typical_max);
	buf_appends(out, "},");
}

/* One group: {KEY: name, "postings", "with_salary", counts, typical range,
 * "salary"}. */
static void group_json(struct buf *out, const char *key, const struct report_group *g)
{
	buf_appends(out, "{");
	string_json(out, key, g->name);
	count_json(out, "postings", g->postings);
	count_json(out, "with_salary", g->with_salary);
	group_counts_json(out, g);
	typical_json(out, g);
	jsonw_key(out, "salary");
	summary_json(out, &g->salary);
	buf_appends(out, "}");
}

/* "by_level": [...], "by_arrangement", "by_country", "top_companies" (with
 * "companies": how many there are), "by_employment_type". */
static void splits_json(struct buf *out, const struct report *r)
{
	static const char *const keys[REPORT_SPLITS] = {
		[REPORT_BY_LEVEL] = "by_level", [REPORT_BY_ARRANGEMENT] = "by_arrangement",
		[REPORT_BY_COUNTRY] = "by_country", [REPORT_BY_COMPANY] = "top_companies",
		[REPORT_BY_EMPLOYMENT_TYPE] = "by_employment_type",
	};
	const struct report_groups *by;
	size_t i;
	int k;

	for (k = 0; k < REPORT_SPLITS; k++) {
		by = &r->by[k];
		if (k == REPORT_BY_COMPANY)
			count_json(out, "companies", by->distinct);
		jsonw_key(out, keys[k]);
		buf_appends(out, "[");
		for (i = 0; i < by->n; i++) {
			if (i > 0)
				buf_appends(out, ",");
			group_json(out, by->kind, &by->v[i]);
		}
		buf_appends(out, "],");
	}
}

/* [{"name", "postings"}, ...] */
static void sources_json(struct buf *out, const struct report_source *v, size_t n)
{
	size_t i;

	buf_appends(out, "[");
	for (i = 0; i < n; i++) {
		buf_appends(out, i ? ",{" : "{");
		string_json(out, "name", v[i].name);
		jsonw_key(out, "postings");
		jsonw_int(out, (long long)v[i].postings);
		buf_appends(out, "}");
	}
	buf_appends(out, "],");
}

/* "date_span": {"first", "last"}, "sources": [{"name", "postings"}], and
 * "with_duplicates", "duplicates", "duplicate_sources" (same shape). */
static void origin_json(struct buf *out, const struct report *r)
{
	jsonw_key(out, "date_span");
	buf_appends(out, "{");
	string_json(out, "first", r->first_date);
	jsonw_key(out, "last");
	if (r->last_date[0])
		jsonw_string(out, r->last_date);
	else
		buf_appends(out, "null");
	buf_appends(out, "},");
	jsonw_key(out, "sources");
	sources_json(out, r->sources, r->nsources);
	jsonw_key(out, "with_duplicates");
	buf_appends(out, r->with_duplicates ? "true," : "false,");
	jsonw_key(out, "duplicates");
	jsonw_int(out, (long long)r->duplicates);
	buf_appends(out, ",");
	jsonw_key(out, "duplicate_sources");
	sources_json(out, r->duplicate_sources, r->nduplicate_sources);
}

/* "histogram": [{"low", "high", "n"}, ...]. */
static void histogram_json(struct buf *out, const struct report *r)
{
	size_t i;

	jsonw_key(out, "histogram");
	buf_appends(out, "[");
	for (i = 0; i < r->nbins; i++) {
		buf_appends(out, i ? ",{" : "{");
		number_json(out, "low", r->histogram[i].low);
		number_json(out, "high", r->histogram[i].high);
		jsonw_key(out, "n");
		jsonw_int(out, (long long)r->histogram[i].n);
		buf_appends(out, "}");
	}
	buf_appends(out, "],");
}

/* "trend": {"by": "week", "periods": [{"start", "postings", "with_salary",
 * "salary"}, ...]}. */
static void trend_json(struct buf *out, const struct report *r)
{
	size_t i;

	jsonw_key(out, "trend");
	buf_appends(out, "{");
	string_json(out, "by", r->trend_by);
	jsonw_key(out, "periods");
	buf_appends(out, "[");
	for (i = 0; i < r->ntrend; i++) {
		buf_appends(out, i ? ",{" : "{");
		string_json(out, "start", r->trend[i].start);
		count_json(out, "postings", r->trend[i].postings);
		count_json(out, "with_salary", r->trend[i].with_salary);
		jsonw_key(out, "salary");
		summary_json(out, &r->trend[i].salary);
		buf_appends(out, "}");
	}
	buf_appends(out, "]},");
}

static double share(size_t part, size_t whole)
{
	return whole ? (double)part / (double)whole : 0;
}

static void keyword_json(struct buf *out, const struct report_keyword *k, size_t postings)
{
	buf_appends(out, "{");
	string_json(out, "keyword", k->phrase);
	string_json(out, "kind", k->kind);
	count_json(out, "weight", (size_t)k->weight);
	count_json(out, "postings", k->postings);
	jsonw_key(out, "share");
	jsonw_number(out, share(k->postings, postings));
	buf_appends(out, "}");
}

/* "profile_fit": [{"profile", "threshold", "fitting", "share", the fitting
 * postings' pay as a group, "top": [{"keyword", "kind", "weight",
 * "postings", "share"}]}]. */
static void fit_json(struct buf *out, const struct report *r)
{
	const struct report_fit *f;
	size_t i, k;

	jsonw_key(out, "profile_fit");
	buf_appends(out, "[");
	for (i = 0; i < r->nfits; i++) {
		f = &r->fits[i];
		buf_appends(out, i ? ",{" : "{");
		string_json(out, "profile", f->group.name);
		count_json(out, "threshold", (size_t)f->threshold);
		count_json(out, "fitting", f->group.postings);
		number_json(out, "share", share(f->group.postings, r->all.postings));
		jsonw_key(out, "fit");
		group_json(out, "profile", &f->group);
		buf_appends(out, ",");
		jsonw_key(out, "top");
		buf_appends(out, "[");
		for (k = 0; k < f->ntop; k++) {
			if (k > 0)
				buf_appends(out, ",");
			keyword_json(out, &f->top[k], r->all.postings);
		}
		buf_appends(out, "]}");
	}
	buf_appends(out, "],");
}

void render_report_json(struct buf *out, const struct report *r)
{
	buf_appends(out, "{");
	jsonw_key(out, "role");
	jsonw_string(out, r->role);
	buf_appends(out, ",");
	filters_json(out, r);
	count_json(out, "postings", r->all.postings);
	count_json(out, "with_salary", r->all.with_salary);
	group_counts_json(out, &r->all);
	origin_json(out, r);
	provenance_json(out, r);
	jsonw_key(out, "currency");
	jsonw_string(out, r->currency);
	buf_appends(out, ",");
	jsonw_key(out, "period");
	jsonw_string(out, "year");
	buf_appends(out, ",");
	annualization_json(out);
	jsonw_key(out, "percentile_method");
	jsonw_string(out, STATS_PERCENTILE_METHOD);
	buf_appends(out, ",");
	typical_json(out, &r->all);
	jsonw_key(out, "salary");
	summary_json(out, &r->all.salary);
	buf_appends(out, ",");
	splits_json(out, r);
	histogram_json(out, r);
	trend_json(out, r);
	fit_json(out, r);
	rates_json(out, r);
	buf_appends(out, "}\n");
}
