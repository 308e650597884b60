/* report-groups.c - a role's samples summarized: overall, split by level,
 * arrangement, country, company and employment type; sources; histogram. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report-internal.h"
#include "xalloc.h"

const char *const report_levels[] = { "EN", "MI", "SE", "EX", NULL };
const char *const report_arrangements[] = { "remote", "hybrid", "onsite", NULL };
const char *const report_employment_types[] = { "FT", "PT", "CT", "FL", "IN", "TEMP", NULL };

unsigned char report_code(const char *const *codes, const char *value)
{
	unsigned char i;

	for (i = 0; value != NULL && codes[i] != NULL; i++)
		if (strcmp(codes[i], value) == 0)
			return i;
	return REPORT_NO_CODE;
}

const char *report_code_name(const char *const *codes, unsigned char code)
{
	return code == REPORT_NO_CODE ? NULL : codes[code];
}

/* How each split reads its value off a sample, and orders its groups. */
struct split {
	const char *kind;
	const char *const *order;	/* fixed order, or NULL: by postings */
	int every_value;		/* list each of order even when empty */
	size_t limit;			/* at most this many groups; 0: all */
	int unknown;			/* list the samples with no value */
};

static const struct split splits[REPORT_SPLITS] = {
	[REPORT_BY_LEVEL] = { "level", report_levels, 1, 0, 1 },
	[REPORT_BY_ARRANGEMENT] = { "arrangement", report_arrangements, 0, 0, 1 },
	[REPORT_BY_COUNTRY] = { "country", NULL, 0, 0, 1 },
	[REPORT_BY_COMPANY] = { "company", NULL, 0, REPORT_TOP_COMPANIES, 0 },
	[REPORT_BY_EMPLOYMENT_TYPE] = { "employment_type", report_employment_types, 0, 0, 1 },
};

static const char *value_of(const struct sample *s, enum report_split k)
{
	switch (k) {
	case REPORT_BY_LEVEL:
		return report_code_name(report_levels, s->level);
	case REPORT_BY_ARRANGEMENT:
		return report_code_name(report_arrangements, s->remote);
	case REPORT_BY_COUNTRY:
		return s->country[0] ? s->country : NULL;
	case REPORT_BY_COMPANY:
		return s->company;
	default:
		return report_code_name(report_employment_types, s->employment_type);
	}
}

/*
 * The sample's value in split k as a number: equal values, equal keys.
 * Codes by their index, a country by its (at most two) letters, a company
 * by its string, which the collector keeps once (report_intern_str).
 */
static uint64_t key_of(const struct sample *s, enum report_split k)
{
	switch (k) {
	case REPORT_BY_LEVEL:
		return s->level;
	case REPORT_BY_ARRANGEMENT:
		return s->remote;
	case REPORT_BY_COUNTRY:
		return (uint64_t)(unsigned char)s->country[0] << 8 | (unsigned char)s->country[1];
	case REPORT_BY_COMPANY:
		return (uintptr_t)s->company;
	default:
		return s->employment_type;
	}
}

void report_summarize(const struct sample *const *ptrs, size_t n, double *scratch,
		      struct report_group *out)
{
	size_t i, k = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		const struct sample *s = ptrs[i];

		out->postings++;
		out->with_salary += s->pay != PAY_NONE;
		out->estimates += s->pay == PAY_ESTIMATE;
		out->other_currency += s->pay == PAY_OTHER_CURRENCY;
		out->unknown_period += s->pay == PAY_UNKNOWN_PERIOD;
		if (s->pay == PAY_OK) {
			scratch[k++] = s->annual_min;
			out->converted += s->from != NULL;
			out->estimated += s->estimate;
		}
	}
	out->typical_min = stats_median_unordered(scratch, k);
	for (i = k = 0; i < n; i++)
		if (ptrs[i]->pay == PAY_OK)
			scratch[k++] = ptrs[i]->annual_max;
	out->typical_max = stats_median_unordered(scratch, k);
	for (i = k = 0; i < n; i++)
		if (ptrs[i]->pay == PAY_OK)
			scratch[k++] = ptrs[i]->midpoint;
	stats_summarize_unordered(scratch, k, &out->salary);
}

void report_group_release(struct report_group *g)
{
	free(g->name);
	g->name = NULL;
}

/* A run of samples sharing one value of a split. */
struct run {
	const char *value;	/* NULL: unknown */
	const struct sample *const *ptrs;
	size_t n;
	int rank;		/* place in the split's fixed order */
};

/* The keys met, each numbered in order met (open addressing). */
struct key_numbers {
	uint64_t *key;
	uint32_t *number;	/* number + 1; 0: empty slot */
	size_t n, slots;
};

static size_t key_slot(const struct key_numbers *t, uint64_t key)
{
	size_t j = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & (t->slots - 1);

	while (t->number[j] != 0 && t->key[j] != key)
		j = (j + 1) & (t->slots - 1);
	return j;
}

static void key_numbers_grow(struct key_numbers *t)
{
	struct key_numbers old = *t;
	size_t i, j;

	t->slots = old.slots ? 2 * old.slots : 64;
	t->key = xcalloc(t->slots, sizeof(*t->key));
	t->number = xcalloc(t->slots, sizeof(*t->number));
	for (i = 0; i < old.slots; i++) {
		if (old.number[i] == 0)
			continue;
		j = key_slot(t, old.key[i]);
		t->key[j] = old.key[i];
		t->number[j] = old.number[i];
	}
	free(old.key);
	free(old.number);
}

/* key's number, the next one when it is new. */
static uint32_t key_number(struct key_numbers *t, uint64_t key)
{
	size_t j;

	if (2 * (t->n + 1) > t->slots)
		key_numbers_grow(t);
	j = key_slot(t, key);
	if (t->number[j] == 0) {
		t->key[j] = key;
		t->number[j] = (uint32_t)++t->n;
	}
	return t->number[j] - 1;
}

/*
 * The samples at v into ptrs, equal values together (the runs' order is
 * by_order's business, the order within a run nobody's: the figures are of
 * the values).  Often one value (a country, an arrangement): nothing to
 * move; else a counting sort by the keys' numbers, linear in n where a
 * sort by value compared strings n log n times.
 */
static void group_by_value(const struct sample *v, size_t n, enum report_split k,
			   const struct sample **ptrs)
{
	struct key_numbers t = { NULL, NULL, 0, 0 };
	uint32_t *number;
	size_t *start, i;

	for (i = 0; i < n; i++)
		ptrs[i] = &v[i];
	for (i = 1; i < n && key_of(&v[i], k) == key_of(&v[0], k); i++)
		;
	if (i >= n)
		return;
	number = xcalloc(n, sizeof(*number));
	for (i = 0; i < n; i++)
		number[i] = key_number(&t, key_of(&v[i], k));
	start = xcalloc(t.n + 1, sizeof(*start));
	for (i = 0; i < n; i++)
		start[number[i] + 1]++;
	for (i = 0; i < t.n; i++)
		start[i + 1] += start[i];
	for (i = 0; i < n; i++)
		ptrs[start[number[i]]++] = &v[i];
	free(start);
	free(number);
	free(t.key);
	free(t.number);
}

static int same_value(const char *x, const char *y)
{
	return x == NULL ? y == NULL : y != NULL && strcmp(x, y) == 0;
}

static int rank_of(const struct split *sp, const char *value)
{
	int i;

	for (i = 0; value != NULL && sp->order != NULL && sp->order[i] != NULL; i++)
		if (strcmp(sp->order[i], value) == 0)
			return i;
	return sp->order != NULL ? 999 : 0;
}

/* Fixed order by rank (runs of a split with no fixed order all rank the
 * same); then most postings first, then by value; unknown last. */
static int by_order(const void *a, const void *b)
{
	const struct run *x = a, *y = b;

	if (x->value == NULL || y->value == NULL)
		return (x->value == NULL) - (y->value == NULL);
	if (x->rank != y->rank)
		return x->rank - y->rank;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->value, y->value);
}

/* The runs of ptrs (equal values together), plus the fixed values none
 * has when the split lists every value, and then unknown if no sample made
 * it. */
static struct run *runs_of(const struct split *sp, enum report_split k,
			   const struct sample *const *ptrs, size_t n, size_t *nruns)
{
	struct run *runs = xcalloc(n + REPORT_LEVELS + 1, sizeof(*runs));
	const char *value;
	size_t i, j, m = 0;
	uint64_t key;
	int f;

	for (i = 0; i < n; i = j) {
		key = key_of(ptrs[i], k);
		for (j = i + 1; j < n && key_of(ptrs[j], k) == key; j++)
			;
		value = value_of(ptrs[i], k);
		if (value == NULL && !sp->unknown)
			continue;
		runs[m++] = (struct run){ value, ptrs + i, j - i, rank_of(sp, value) };
	}
	for (f = 0; sp->every_value && sp->order[f] != NULL; f++) {
		for (i = 0; i < m && !same_value(runs[i].value, sp->order[f]); i++)
			;
		if (i == m)
			runs[m++] = (struct run){ sp->order[f], NULL, 0, f };
	}
	for (i = 0; sp->every_value && i < m && runs[i].value != NULL; i++)
		;
	if (sp->every_value && i == m)
		runs[m++] = (struct run){ NULL, NULL, 0, 999 };
	*nruns = m;
	return runs;
}

/* One split's groups; ptrs is scratch for n sample pointers. */
static void fill_split(struct report_groups *out, enum report_split k, const struct sample *v,
		       size_t n, const struct sample **ptrs, double *scratch,
		       const struct report_group *all)
{
	const struct split *sp = &splits[k];
	struct run *runs;
	size_t i, nruns;

	group_by_value(v, n, k, ptrs);
	runs = runs_of(sp, k, ptrs, n, &nruns);
	qsort(runs, nruns, sizeof(*runs), by_order);
	out->kind = sp->kind;
	out->distinct = nruns;
	out->n = sp->limit && nruns > sp->limit ? sp->limit : nruns;
	out->v = xcalloc(out->n ? out->n : 1, sizeof(*out->v));
	for (i = 0; i < out->n; i++) {
		/* A group of every sample is the overall group (the figures are
		 * of the values, not their order): no need to summarize again. */
		if (runs[i].n == n && n > 0)
			out->v[i] = *all;
		else
			report_summarize(runs[i].ptrs, runs[i].n, scratch, &out->v[i]);
		out->v[i].name = xstrdup(runs[i].value ? runs[i].value : "unknown");
	}
	free(runs);
}

static int by_postings(const void *a, const void *b)
{
	const struct report_source *x = a, *y = b;

	if (x->postings != y->postings)
		return x->postings > y->postings ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The samples' sources, with how many each: most first, then by name. */
static void count_sources(struct report_source **out, size_t *nout, const struct collector *c,
			  const struct sample *v, size_t n)
{
	struct report_source *s = xcalloc(c->nsources ? c->nsources : 1, sizeof(*s));
	size_t i;

	for (i = 0; i < c->nsources; i++)
		s[i].name = xstrdup(c->sources[i]);
	for (i = 0; i < n; i++)
		s[v[i].source].postings++;
	for (i = *nout = 0; i < c->nsources; i++)
		if (s[i].postings > 0)
			s[(*nout)++] = s[i];
		else
			free(s[i].name);
	qsort(s, *nout, sizeof(*s), by_postings);
	*out = s;
}

static void fill_sources(struct report *r, const struct collector *c, const struct sample *v,
			 size_t n)
{
	count_sources(&r->sources, &r->nsources, c, v, n);
}

void report_fill_duplicates(struct report *r, const struct collector *c,
			    const struct sample *v, size_t n)
{
	r->duplicates = n;
	count_sources(&r->duplicate_sources, &r->nduplicate_sources, c, v, n);
}

static void fill_histogram(struct report *r, const struct sample *v, size_t n)
{
	double *mids = xcalloc(n ? n : 1, sizeof(double));
	struct stats_bin *bins = NULL;
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (v[i].pay == PAY_OK)
			mids[k++] = v[i].midpoint;
	r->nbins = stats_histogram(mids, k, &bins);
	r->histogram = xcalloc(r->nbins ? r->nbins : 1, sizeof(*r->histogram));
	for (i = 0; i < r->nbins; i++)
		r->histogram[i] = (struct report_bin){ bins[i].low, bins[i].high, bins[i].n };
	free(bins);
	free(mids);
}

void report_fill_groups(struct report *r, const struct collector *c, const struct sample *v,
			size_t n)
{
	const struct sample **ptrs = xcalloc(n ? n : 1, sizeof(*ptrs));
	double *scratch = xcalloc(n ? n : 1, sizeof(double));
	size_t i;
	int k;

	for (i = 0; i < n; i++)
		ptrs[i] = &v[i];
	report_summarize(ptrs, n, scratch, &r->all);
	for (k = 0; k < REPORT_SPLITS; k++)
		fill_split(&r->by[k], (enum report_split)k, v, n, ptrs, scratch, &r->all);
	fill_sources(r, c, v, n);
	fill_histogram(r, v, n);
	free(scratch);
	free(ptrs);
}
