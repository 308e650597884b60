/*
 * extract-jsonld-members.c - the members of the JobPosting being read,
 * read once (extract-jsonld-internal.h, jsonq_cache): jget answers from
 * them as MEMBER_SQL (extract-jsonld.c) would.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-jsonld-internal.h"
#include "xalloc.h"

void jsonq_uncache(struct jsonq *q)
{
	size_t i;

	for (i = 0; i < q->nmembers; i++) {
		free(q->members[i].key);
		free(q->members[i].value);
	}
	free(q->members);
	q->members = NULL;
	q->nmembers = 0;
	q->cached = NULL;
}

void jsonq_cache(struct jsonq *q, const char *job)
{
	const unsigned char *k, *t, *v;
	struct jmember *m;

	jsonq_uncache(q);
	sqlite3_reset(q->each);
	sqlite3_bind_text(q->each, 1, job, -1, SQLITE_STATIC);
	while (sqlite3_step(q->each) == SQLITE_ROW) {
		k = sqlite3_column_text(q->each, 0);
		t = sqlite3_column_text(q->each, 1);
		v = sqlite3_column_text(q->each, 2);
		q->members = xreallocarray(q->members, q->nmembers + 1, sizeof(*q->members));
		m = &q->members[q->nmembers++];
		m->key = xstrdup(k ? (const char *)k : "");
		snprintf(m->type, sizeof(m->type), "%s", t ? (const char *)t : "");
		m->value = v ? xstrdup((const char *)v) : NULL;
	}
	sqlite3_reset(q->each);
	q->cached = job;
}

/* SQLite's NOCASE: ASCII letters only. */
static int same_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) != (*b >= 'A' && *b <= 'Z' ? *b + 32 : *b))
			return 0;
	return *a == *b;
}

int jsonq_cached_member(const struct jsonq *q, const char *key, char type[8], char **out)
{
	const struct jmember *exact = NULL, *other = NULL;
	size_t i, nexact = 0, nother = 0;

	for (i = 0; i < q->nmembers; i++) {
		if (strcmp(q->members[i].key, key) == 0)
			exact = &q->members[i], nexact++;
		else if (same_nocase(q->members[i].key, key))
			other = &q->members[i], nother++;
	}
	if (nexact > 1 || (nexact == 0 && nother > 1))
		return 0;
	if (exact == NULL)
		exact = other;
	type[0] = '\0';
	*out = NULL;
	if (exact != NULL && strcmp(exact->type, "null") != 0 && exact->value != NULL) {
		snprintf(type, 8, "%s", exact->type);
		*out = xstrdup(exact->value);
	}
	return 1;
}
