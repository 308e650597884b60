/*
 * report-intern.c - the strings of a report's samples, each kept once: a
 * million postings name a few thousand titles and companies, so a sample
 * points at its strings instead of copying them, and equal strings are one
 * pointer (titles are grouped by their key's index).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report-internal.h"
#include "xalloc.h"

/* FNV-1a: short strings, few of them; good enough and dependency-free. */
static uint64_t hash_of(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void grow(struct report_intern *t)
{
	size_t i, j, nslots = t->nslots ? 2 * t->nslots : 256;
	size_t *slots = xcalloc(nslots, sizeof(*slots));

	/* Slots hold index + 1 (0: empty). */
	for (i = 0; i < t->n; i++) {
		for (j = t->v[i].hash & (nslots - 1); slots[j] != 0; j = (j + 1) & (nslots - 1))
			;
		slots[j] = i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
}

size_t report_intern(struct report_intern *t, const char *s)
{
	uint64_t h = hash_of(s);
	size_t j;

	if (2 * (t->n + 1) > t->nslots)
		grow(t);
	for (j = h & (t->nslots - 1); t->slots[j] != 0; j = (j + 1) & (t->nslots - 1)) {
		const struct report_string *e = &t->v[t->slots[j] - 1];

		if (e->hash == h && strcmp(e->s, s) == 0)
			return t->slots[j] - 1;
	}
	t->v = xreallocarray(t->v, t->n + 1, sizeof(*t->v));
	t->v[t->n] = (struct report_string){ xstrdup(s), h, REPORT_NONE, REPORT_NONE };
	t->slots[j] = t->n + 1;
	return t->n++;
}

const char *report_intern_str(struct report_intern *t, const char *s)
{
	size_t i = report_intern(t, s);

	return t->v[i].s;
}

void report_intern_release(struct report_intern *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].s);
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
