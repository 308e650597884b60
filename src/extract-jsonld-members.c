/*
 * extract-jsonld-members.c - the members of the objects jget reads, read
 * once by json_each and kept (extract-jsonld-internal.h): jget answers from
 * them as MEMBER_SQL (extract-jsonld.c) would.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-jsonld-internal.h"
#include "xalloc.h"

static void object_release(struct jobject *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		free(o->members[i].key);
		free(o->members[i].value);
	}
	free(o->members);
	free(o->text);
	memset(o, 0, sizeof(*o));
}

void jsonq_forget(struct jsonq *q)
{
	size_t i;

	for (i = 0; i < q->nobjects; i++)
		object_release(&q->objects[i]);
	q->nobjects = q->next = 0;
}

static void read_members(struct jsonq *q, const char *json, struct jobject *o)
{
	const unsigned char *k, *t, *v;
	struct jmember *m;

	o->text = xstrdup(json);
	sqlite3_reset(q->each);
	sqlite3_bind_text(q->each, 1, json, -1, SQLITE_STATIC);
	while (sqlite3_step(q->each) == SQLITE_ROW) {
		k = sqlite3_column_text(q->each, 0);
		t = sqlite3_column_text(q->each, 1);
		v = sqlite3_column_text(q->each, 2);
		o->members = xreallocarray(o->members, o->n + 1, sizeof(*o->members));
		m = &o->members[o->n++];
		m->key = xstrdup(k ? (const char *)k : "");
		snprintf(m->type, sizeof(m->type), "%s", t ? (const char *)t : "");
		m->value = v ? xstrdup((const char *)v) : NULL;
	}
	sqlite3_reset(q->each);
}

const struct jobject *jsonq_members(struct jsonq *q, const char *json)
{
	struct jobject *o;
	size_t i;

	if (json[strspn(json, " \t\r\n")] != '{')
		return NULL;	/* json_each would list an array's elements */
	for (i = 0; i < q->nobjects; i++)
		if (strcmp(q->objects[i].text, json) == 0)
			return &q->objects[i];
	if (q->nobjects < JSONQ_OBJECTS) {
		o = &q->objects[q->nobjects++];
	} else {
		o = &q->objects[q->next];
		q->next = (q->next + 1) % JSONQ_OBJECTS;
		object_release(o);
	}
	read_members(q, json, o);
	return o;
}

/* SQLite's NOCASE: ASCII letters only. */
static int same_nocase(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) != (*b >= 'A' && *b <= 'Z' ? *b + 32 : *b))
			return 0;
	return *a == *b;
}

int jsonq_member(const struct jobject *o, const char *key, char type[8], char **out)
{
	const struct jmember *exact = NULL, *other = NULL;
	size_t i, nexact = 0, nother = 0;

	for (i = 0; i < o->n; i++) {
		if (strcmp(o->members[i].key, key) == 0)
			exact = &o->members[i], nexact++;
		else if (same_nocase(o->members[i].key, key))
			other = &o->members[i], nother++;
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
