/* report.c - select a role's postings from the store and summarize their pay. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "role.h"
#include "xalloc.h"

static const char *const level_codes[REPORT_LEVELS] = { "EN", "MI", "SE", "EX", "unknown" };

enum pay { PAY_NONE, PAY_ESTIMATE, PAY_OTHER_CURRENCY, PAY_UNKNOWN_PERIOD, PAY_OK };

/* What one posting contributes to a report. */
struct sample {
	char *title_key;	/* lowercased, spacing collapsed; only for by-title */
	char *title;
	int level;		/* index into level_codes */
	enum pay pay;
	double midpoint;	/* annualized, when pay == PAY_OK */
	const struct rate *from;	/* converted at this rate, or NULL */
	int estimate;		/* a board's estimate (counted only when included) */
};

struct collector {
	const struct report_query *q;
	const char *currency;
	int keep_titles;
	struct rate *rates;	/* when converting: every stored rate */
	size_t nrates;
	const struct rate *target;	/* the report currency's rate, or NULL */
	struct sample *v;
	size_t n, alloc;
};

static int level_index(const char *code)
{
	int i;

	for (i = 0; code != NULL && i < REPORT_LEVELS - 1; i++)
		if (strcmp(code, level_codes[i]) == 0)
			return i;
	return REPORT_LEVELS - 1;
}

/* A posting's pay in the report currency: converted when it must and can be. */
static enum pay pay_of(const struct salary *s, const struct collector *c, struct sample *out)
{
	const struct rate *from = NULL;

	if (!s->found)
		return PAY_NONE;
	out->estimate = s->provenance != NULL && strcmp(s->provenance, "estimate") == 0;
	if (out->estimate && !c->q->include_estimates)
		return PAY_ESTIMATE;
	if (strcmp(s->currency, c->currency) != 0) {
		if (c->target != NULL)
			from = rates_find(c->rates, c->nrates, s->currency);
		if (from == NULL)
			return PAY_OTHER_CURRENCY;
	}
	if (s->period == PERIOD_UNKNOWN || s->annual_min <= 0)
		return PAY_UNKNOWN_PERIOD;
	out->midpoint = (s->annual_min + (s->annual_max > 0 ? s->annual_max : s->annual_min)) / 2;
	if (from != NULL)
		out->midpoint = rates_convert(out->midpoint, from->per_usd, c->target->per_usd);
	out->from = from;
	return PAY_OK;
}

static char *title_key(const char *title)
{
	char *k = xstrdup(title), *r, *w;
	int space = 0;

	for (r = w = k; *r; r++) {
		if (isspace((unsigned char)*r)) {
			space = w != k;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = (char)tolower((unsigned char)*r);
	}
	*w = '\0';
	return k;
}

static int collect_one(const struct stored_posting *sp, void *ctx)
{
	struct collector *c = ctx;
	const struct posting *p = sp->posting;
	struct sample *s;

	if (p->title == NULL || (c->q->role != NULL &&
				  !role_matches_any(c->q->role, c->q->role_titles, p->title)))
		return 0;
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 256;
		c->v = xreallocarray(c->v, c->alloc, sizeof(*c->v));
	}
	s = &c->v[c->n++];
	memset(s, 0, sizeof(*s));
	if (c->keep_titles) {
		s->title = xstrdup(p->title);
		s->title_key = title_key(p->title);
	}
	s->level = level_index(p->level);
	s->pay = pay_of(&p->salary, c, s);
	return 0;
}

static void collector_release(struct collector *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].title);
		free(c->v[i].title_key);
	}
	free(c->v);
	rates_free(c->rates, c->nrates);
}

/* Counts and the summary of the midpoints of samples at level (or every
 * level when -1); out->name is left NULL. */
static void summarize(const struct sample *v, size_t n, int level, double *scratch,
		      struct report_group *out)
{
	size_t i, k = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		if (level >= 0 && v[i].level != level)
			continue;
		out->postings++;
		out->estimates += v[i].pay == PAY_ESTIMATE;
		out->other_currency += v[i].pay == PAY_OTHER_CURRENCY;
		out->unknown_period += v[i].pay == PAY_UNKNOWN_PERIOD;
		if (v[i].pay == PAY_OK) {
			scratch[k++] = v[i].midpoint;
			out->converted += v[i].from != NULL;
			out->estimated += v[i].estimate;
		}
	}
	stats_summarize(scratch, k, &out->salary);
}

static int by_currency(const void *a, const void *b)
{
	return strcmp(((const struct report_rate *)a)->currency,
		      ((const struct report_rate *)b)->currency);
}

static void add_rate(struct report *r, const struct rate *rate, size_t postings)
{
	struct report_rate *rr;

	r->rates = xreallocarray(r->rates, r->nrates + 1, sizeof(*r->rates));
	rr = &r->rates[r->nrates++];
	memcpy(rr->currency, rate->currency, sizeof(rr->currency));
	rr->per_usd = rate->per_usd;
	memcpy(rr->as_of, rate->as_of, sizeof(rr->as_of));
	rr->postings = postings;
}

/* The rates the samples were converted with: the target's, then by code. */
static void list_rates(struct report *r, const struct collector *c, const struct sample *v,
		       size_t n)
{
	size_t i, j, first;

	if (r->all.converted == 0)
		return;
	if (strcmp(c->target->currency, RATES_BASE) != 0)
		add_rate(r, c->target, 0);
	first = r->nrates;
	for (i = 0; i < n; i++) {
		if (v[i].pay != PAY_OK || v[i].from == NULL)
			continue;
		for (j = first; j < r->nrates; j++)
			if (strcmp(r->rates[j].currency, v[i].from->currency) == 0)
				break;
		if (j == r->nrates)
			add_rate(r, v[i].from, 0);
		r->rates[j].postings++;
	}
	qsort(r->rates + first, r->nrates - first, sizeof(*r->rates), by_currency);
}

static const char *copy(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void filter_copy(struct posting_filter *to, const struct posting_filter *from)
{
	to->source = copy(from->source);
	to->level = copy(from->level);
	to->country = copy(from->country);
	to->remote = copy(from->remote);
	to->since = copy(from->since);
	to->until = copy(from->until);
	to->company = copy(from->company);
}

static void filter_release(struct posting_filter *f)
{
	free((char *)f->source);
	free((char *)f->level);
	free((char *)f->country);
	free((char *)f->remote);
	free((char *)f->since);
	free((char *)f->until);
	free((char *)f->company);
}

static void fill_report(struct report *r, const char *role, const struct collector *c,
			const struct sample *v, size_t n)
{
	double *scratch = xcalloc(n ? n : 1, sizeof(double));
	size_t i;
	int l;

	memset(r, 0, sizeof(*r));
	r->role = xstrdup(role);
	snprintf(r->currency, sizeof(r->currency), "%s", c->currency);
	r->convert = c->q->convert;
	r->include_estimates = c->q->include_estimates;
	filter_copy(&r->filter, &c->q->filter);
	for (i = 0; i < n; i++)
		r->with_salary += v[i].pay != PAY_NONE;
	summarize(v, n, -1, scratch, &r->all);
	for (l = 0; l < REPORT_LEVELS; l++) {
		summarize(v, n, l, scratch, &r->by_level[l]);
		r->by_level[l].name = level_codes[l];
	}
	list_rates(r, c, v, n);
	free(scratch);
}

int report_filters(const struct report *r, const char *names[REPORT_FILTERS],
		   const char *values[REPORT_FILTERS])
{
	static const char *const all[REPORT_FILTERS] = {
		"source", "level", "country", "remote", "since", "until", "company"
	};
	const struct posting_filter *f = &r->filter;
	const char *v[REPORT_FILTERS] = { f->source, f->level, f->country, f->remote,
					  f->since, f->until, f->company };
	int i, n = 0;

	for (i = 0; i < REPORT_FILTERS; i++) {
		names[i] = all[i];
		values[i] = v[i];
		n += v[i] != NULL;
	}
	return n;
}

size_t report_provenances(const struct report *r, const char *const **names)
{
	static const char *const all[] = { "structured", "text", "estimate" };

	*names = all;
	return r->include_estimates ? 3 : 2;
}

void report_release(struct report *r)
{
	free(r->role);
	free(r->rates);
	filter_release(&r->filter);
	memset(r, 0, sizeof(*r));
}

static int collect(struct store *s, struct collector *c, const struct report_query *q,
		   int keep_titles, char **err)
{
	memset(c, 0, sizeof(*c));
	c->q = q;
	c->currency = q->currency ? q->currency : "USD";
	c->keep_titles = keep_titles;
	if (q->convert && store_rates_list(s, &c->rates, &c->nrates, err) < 0)
		return -1;
	c->target = rates_find(c->rates, c->nrates, c->currency);
	if (q->convert && c->target == NULL) {
		collector_release(c);
		return set_error(err, "cannot convert into %s: no exchange rate is stored for %s "
				 "(add one with 'jobstats rates set %s RATE')", c->currency,
				 c->currency, c->currency);
	}
	if (store_foreach_posting(s, &q->filter, collect_one, c, err) < 0) {
		collector_release(c);
		return -1;
	}
	return 0;
}

int report_build(struct store *s, const struct report_query *q, struct report *out, char **err)
{
	struct collector c;

	if (collect(s, &c, q, 0, err) < 0)
		return -1;
	fill_report(out, q->role, &c, c.v, c.n);
	collector_release(&c);
	return 0;
}

static int by_title_key(const void *a, const void *b)
{
	const struct sample *x = a, *y = b;

	return strcmp(x->title_key, y->title_key);
}

int report_build_by_title(struct store *s, const struct report_query *q,
			  struct report **out, size_t *n, char **err)
{
	struct collector c;
	size_t i, j;

	*out = NULL;
	*n = 0;
	if (collect(s, &c, q, 1, err) < 0)
		return -1;
	qsort(c.v, c.n, sizeof(*c.v), by_title_key);
	for (i = 0; i < c.n; i = j) {
		for (j = i + 1; j < c.n && strcmp(c.v[j].title_key, c.v[i].title_key) == 0; j++)
			;
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		/* The group is named by the first spelling met (stable enough for a report). */
		fill_report(&(*out)[(*n)++], c.v[i].title, &c, &c.v[i], j - i);
	}
	collector_release(&c);
	return 0;
}
