/* report-fit.c - how a role's postings fit each role profile asked about:
 * which keywords each posting names (kept as bits while collecting, since
 * descriptions are not kept), then per profile the postings that fit,
 * their pay, and the skills and tools most asked for. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "report-internal.h"
#include "xalloc.h"

static uint64_t *bits_of(const struct collector *c, const struct sample *s)
{
	return c->fit_bits + s->id * c->words_per_sample;
}

static int bit(const uint64_t *bits, size_t i)
{
	return (int)((bits[i / 64] >> (i % 64)) & 1);
}

void report_fit_mark(struct collector *c, const struct sample *s, const char *title,
		     const char *description)
{
	const struct profile_set *set = c->q->profiles;
	uint64_t *bits;
	size_t i, k, base = 0;

	if (set == NULL || c->words_per_sample == 0)
		return;
	bits = bits_of(c, s);
	memset(bits, 0, c->words_per_sample * sizeof(*bits));
	fit_text_set(&c->text, title, description);
	for (i = 0; i < set->n; i++) {
		const struct profile *p = &set->v[i];

		profile_fit_score(p, &c->text, c->found);
		for (k = 0; k < p->nkeywords; k++)
			if (c->found[k])
				bits[(base + k) / 64] |= (uint64_t)1 << ((base + k) % 64);
		base += p->nkeywords;
	}
}

/* A keyword and the samples naming it, for ranking. */
struct asked {
	size_t index;		/* in the profile */
	size_t postings;
	int weight;
};

static int most_asked(const void *a, const void *b)
{
	const struct asked *x = a, *y = b;

	if (x->postings != y->postings)
		return x->postings > y->postings ? -1 : 1;
	if (x->weight != y->weight)
		return y->weight - x->weight;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The profile's skills and tools named by most samples (base: the profile's
 * first bit). */
static void top_keywords(struct report_fit *f, const struct profile *p, size_t base,
			 const struct collector *c, const struct sample *v, size_t n)
{
	struct asked *asked = xcalloc(p->nkeywords ? p->nkeywords : 1, sizeof(*asked));
	size_t i, k, m = 0;

	for (k = 0; k < p->nkeywords; k++) {
		if (p->keywords[k].kind != PROFILE_SKILL && p->keywords[k].kind != PROFILE_TOOL)
			continue;
		asked[m] = (struct asked){ k, 0, p->keywords[k].weight };
		for (i = 0; i < n; i++)
			asked[m].postings += (size_t)bit(bits_of(c, &v[i]), base + k);
		m += asked[m].postings > 0;
	}
	qsort(asked, m, sizeof(*asked), most_asked);
	for (f->ntop = 0; f->ntop < m && f->ntop < REPORT_TOP_KEYWORDS; f->ntop++) {
		const struct profile_keyword *kw = &p->keywords[asked[f->ntop].index];

		f->top[f->ntop] = (struct report_keyword){ xstrdup(kw->phrase),
							   profile_kind_name(kw->kind), kw->weight,
							   asked[f->ntop].postings };
	}
	free(asked);
}

/* Whether sample s fits p: the weights of p's keywords it names (bits from
 * base) reach p's threshold. */
static int fits(const struct collector *c, const struct sample *s, const struct profile *p,
		size_t base, int threshold)
{
	const uint64_t *bits = bits_of(c, s);
	size_t k;
	int score = 0;

	for (k = 0; k < p->nkeywords; k++)
		if (bit(bits, base + k))
			score += p->keywords[k].weight;
	return score >= threshold;
}

static void fill_one(struct report_fit *f, const struct profile *p, size_t base,
		     const struct collector *c, const struct sample *v, size_t n)
{
	const struct sample **ptrs = xcalloc(n ? n : 1, sizeof(*ptrs));
	double *scratch = xcalloc(n ? n : 1, sizeof(double));
	size_t i, fitting = 0;

	f->threshold = profile_threshold(p);
	for (i = 0; i < n; i++)
		if (fits(c, &v[i], p, base, f->threshold))
			ptrs[fitting++] = &v[i];
	report_summarize(ptrs, fitting, scratch, &f->group);
	f->group.name = xstrdup(p->name);
	top_keywords(f, p, base, c, v, n);
	free(scratch);
	free(ptrs);
}

void report_fill_fit(struct report *r, const struct collector *c, const struct sample *v,
		     size_t n)
{
	const struct profile_set *set = c->q->profiles;
	size_t i, base = 0;

	if (set == NULL || set->n == 0)
		return;
	r->fits = xcalloc(set->n, sizeof(*r->fits));
	r->nfits = set->n;
	for (i = 0; i < set->n; i++) {
		fill_one(&r->fits[i], &set->v[i], base, c, v, n);
		base += set->v[i].nkeywords;
	}
}
