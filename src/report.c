/* report.c - select a role's postings from the store and summarize their pay. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report-internal.h"
#include "xalloc.h"

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

/*
 * Put the samples that duplicate another after the others, keeping the
 * order of each (the first of a title names it); returns how many come
 * before.
 */
static size_t duplicates_last(struct sample *v, size_t n)
{
	struct sample *tmp;
	size_t i, k = 0, unique = 0;
	int dup;

	for (i = 0; i < n && !v[i].duplicate; i++)
		;
	if (i == n)
		return n;	/* the common case: nothing to move */
	tmp = xcalloc(n, sizeof(*tmp));
	for (dup = 0; dup <= 1; dup++) {
		if (dup)
			unique = k;
		for (i = 0; i < n; i++)
			if (v[i].duplicate == dup)
				tmp[k++] = v[i];
	}
	memcpy(v, tmp, n * sizeof(*v));
	free(tmp);
	return unique;
}

static void fill_report(struct report *r, const char *role, const struct collector *c,
			struct sample *v, size_t n)
{
	size_t unique = duplicates_last(v, n);

	memset(r, 0, sizeof(*r));
	r->with_duplicates = c->q->with_duplicates;
	report_fill_duplicates(r, c, v + unique, n - unique);
	if (!r->with_duplicates)
		n = unique;
	r->role = xstrdup(role);
	snprintf(r->currency, sizeof(r->currency), "%s", c->currency);
	r->convert = c->q->convert;
	r->include_estimates = c->q->include_estimates;
	filter_copy(&r->filter, &c->q->filter);
	report_fill_groups(r, c, v, n);
	report_fill_trend(r, c, v, n);
	report_fill_fit(r, c, v, n);
	list_rates(r, c, v, n);
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
	size_t i, k;

	free(r->role);
	for (k = 0; k < REPORT_SPLITS; k++) {
		for (i = 0; i < r->by[k].n; i++)
			report_group_release(&r->by[k].v[i]);
		free(r->by[k].v);
	}
	for (i = 0; i < r->nsources; i++)
		free(r->sources[i].name);
	free(r->sources);
	for (i = 0; i < r->nduplicate_sources; i++)
		free(r->duplicate_sources[i].name);
	free(r->duplicate_sources);
	free(r->histogram);
	free(r->trend);
	for (i = 0; i < r->nfits; i++) {
		report_group_release(&r->fits[i].group);
		for (k = 0; k < r->fits[i].ntop; k++)
			free(r->fits[i].top[k].phrase);
	}
	free(r->fits);
	free(r->rates);
	filter_release(&r->filter);
	memset(r, 0, sizeof(*r));
}

int report_build(struct store *s, const struct report_query *q, struct report *out, char **err)
{
	struct collector c;

	if (report_collect(s, &c, q, 0, err) < 0)
		return -1;
	fill_report(out, q->role, &c, c.v, c.n);
	report_collector_release(&c);
	return 0;
}

/* Title key groups by their key, for the rows' order. */
struct key_group {
	const char *key;
	size_t group;
};

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct key_group *)a)->key, ((const struct key_group *)b)->key);
}

/* The groups in key order: order[i] is the i-th group's number. */
static size_t *groups_by_key(const struct collector *c)
{
	struct key_group *kg = xcalloc(c->ntitle_groups + 1, sizeof(*kg));
	size_t *order = xcalloc(c->ntitle_groups + 1, sizeof(*order)), i, k = 0;

	for (i = 0; i < c->strings.n; i++)
		if (c->strings.v[i].group != REPORT_NONE)
			kg[k++] = (struct key_group){ c->strings.v[i].s, c->strings.v[i].group };
	qsort(kg, k, sizeof(*kg), by_key);
	for (i = 0; i < k; i++)
		order[i] = kg[i].group;
	free(kg);
	return order;
}

/*
 * Each title key's samples together, in place, groups in key order; start
 * (ngroups + 1 entries) where each group begins.  A counting sort that
 * swaps each sample into its group's next free place: linear in the
 * samples, no copy of them, where sorting them by key compared strings
 * n log n times.  The order within a group is lost: nothing a report shows
 * depends on it (the figures are of the values, whatever their order; the
 * group's name was kept when met).
 */
static size_t *group_by_title(struct collector *c)
{
	size_t *order = groups_by_key(c), g = c->ntitle_groups, i, to;
	size_t *rank = xcalloc(g + 1, sizeof(*rank)), *next = xcalloc(g + 1, sizeof(*next));
	size_t *start = xcalloc(g + 1, sizeof(*start));
	struct sample tmp;

	for (i = 0; i < g; i++)
		rank[order[i]] = i;
	for (i = 0; i < c->n; i++)
		start[rank[c->v[i].title_group] + 1]++;
	for (i = 0; i < g; i++)
		start[i + 1] += start[i];
	memcpy(next, start, g * sizeof(*next));
	for (i = 0; i < g; i++) {
		while (next[i] < start[i + 1]) {
			to = rank[c->v[next[i]].title_group];
			if (to == i) {
				next[i]++;
				continue;
			}
			tmp = c->v[next[to]];
			c->v[next[to]++] = c->v[next[i]];
			c->v[next[i]] = tmp;
		}
	}
	free(next);
	free(rank);
	free(order);
	return start;
}

int report_build_by_title(struct store *s, const struct report_query *q,
			  struct report **out, size_t *n, char **err)
{
	struct collector c;
	size_t i, *start, *order;

	*out = NULL;
	*n = 0;
	if (report_collect(s, &c, q, 1, err) < 0)
		return -1;
	order = groups_by_key(&c);
	start = group_by_title(&c);
	*out = xcalloc(c.ntitle_groups + 1, sizeof(**out));
	for (i = 0; i < c.ntitle_groups; i++)
		fill_report(&(*out)[(*n)++], c.title_names[order[i]], &c, &c.v[start[i]],
			    start[i + 1] - start[i]);
	free(order);
	free(start);
	report_collector_release(&c);
	return 0;
}
