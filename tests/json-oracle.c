/*
 * json-oracle.c - the JSON reader against SQLite 3.40's JSON functions
 * (json-oracle.h).  SQLite is used here, in the tests, only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "extract-jsonld-internal.h"
#include "json-oracle.h"
#include "json-read.h"
#include "xalloc.h"

/* What extract-jsonld.c asked SQLite for a member, before json_member. */
#define MEMBER_SQL \
	"SELECT type, value FROM json_each(?1) WHERE key = ?2 COLLATE NOCASE " \
	"ORDER BY key = ?2 DESC LIMIT 1"

/* More members than this in one object: only the first ones are asked for. */
#define MEMBERS_ASKED 48
/* Nodes whose fullkey is read back as a path (each reads the whole block again). */
#define PATHS_ASKED 256

static struct {
	sqlite3 *db;
	sqlite3_stmt *valid, *tree, *member, *path, *each;
} o;

static sqlite3_stmt *prepare(const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(o.db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "json-oracle: cannot prepare '%s': %s\n", sql, sqlite3_errmsg(o.db));
		abort();
	}
	return st;
}

static void oracle_open(void)
{
	if (o.db != NULL)
		return;
	if (sqlite3_open_v2(":memory:", &o.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		abort();
	o.valid = prepare("SELECT json_valid(?1)");
	o.tree = prepare("SELECT fullkey, type, value FROM json_tree(?1)");
	o.member = prepare(MEMBER_SQL);
	o.path = prepare("SELECT json_type(?1, ?2), json_extract(?1, ?2)");
	o.each = prepare("SELECT type, value FROM json_each(?1, ?2)");
}

void json_oracle_close(void)
{
	sqlite3_finalize(o.valid);
	sqlite3_finalize(o.tree);
	sqlite3_finalize(o.member);
	sqlite3_finalize(o.path);
	sqlite3_finalize(o.each);
	sqlite3_close(o.db);
	memset(&o, 0, sizeof(o));
}

static int same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void bind(sqlite3_stmt *st, const char *json, const char *arg)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	if (arg != NULL)
		sqlite3_bind_text(st, 2, arg, -1, SQLITE_STATIC);
}

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* One difference: "what: thing: reader 'a', sqlite 'b'". */
static size_t differ(struct buf *diff, const char *what, const char *thing, const char *mine,
		     const char *theirs)
{
	buf_printf(diff, "%s: %s: reader '%s', sqlite '%s'\n", what, thing, mine ? mine : "(null)",
		   theirs ? theirs : "(null)");
	return 1;
}

/* Type and value of v (NULL: none) against the row of st, as jget read them. */
static size_t same_answer(const struct json_node *v, sqlite3_stmt *st, int row, const char *what,
			  const char *thing, struct buf *diff)
{
	const char *type = v ? json_type_name(v->type) : NULL;
	char *text = v ? json_value_text(v) : NULL;
	size_t n = 0;

	if (!same(type, row ? col(st, 0) : NULL))
		n += differ(diff, what, thing, type, row ? col(st, 0) : NULL);
	else if (!same(text, row ? col(st, 1) : NULL))
		n += differ(diff, what, thing, text, row ? col(st, 1) : NULL);
	free(text);
	return n;
}

static size_t same_member(const char *json, const struct json_node *obj, const char *key,
			  const char *what, struct buf *diff)
{
	int row;

	bind(o.member, json, key);
	row = sqlite3_step(o.member) == SQLITE_ROW;
	return same_answer(json_member(obj, key), o.member, row, what, key, diff);
}

/* A member name in upper or lower ASCII case. */
static char *recase(const char *s, int upper)
{
	char *c = xstrdup(s), *p;

	for (p = c; *p; p++)
		if (upper && *p >= 'a' && *p <= 'z')
			*p = (char)(*p - 32);
		else if (!upper && *p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return c;
}

static size_t members(const char *json, const struct json_node *obj, const char *what,
		      struct buf *diff)
{
	static const char *const names[] = { "title", "Title", "@type", "value", "name", "x" };
	const struct json_node *k, *end = json_next(obj);
	char *text, *up, *low;
	size_t n = 0, i = 0;

	for (k = obj + 1; k < end && i < MEMBERS_ASKED; k = json_next(k + 1), i++) {
		text = json_value_text(k);
		up = recase(text, 1);
		low = recase(text, 0);
		n += same_member(json, obj, text, what, diff) + same_member(json, obj, up, what, diff) +
		     same_member(json, obj, low, what, diff);
		free(text);
		free(up);
		free(low);
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		n += same_member(json, obj, names[i], what, diff);
	return n;
}

/* Each json_tree row against the next node that is no label. */
static size_t tree(const char *json, const struct json_doc *d, const char *what, struct buf *diff)
{
	const struct json_node *v = d->node, *end = d->node + d->n;
	size_t n = 0;
	char *key, *text;

	bind(o.tree, json, NULL);
	while (sqlite3_step(o.tree) == SQLITE_ROW && n < 8) {
		while (v < end && v->label)
			v++;
		if (v == end)
			return n + differ(diff, what, "more json_tree rows", "", col(o.tree, 0));
		key = json_fullkey(d, v);
		text = json_value_text(v);
		if (!same(key, col(o.tree, 0)))
			n += differ(diff, what, "fullkey", key, col(o.tree, 0));
		else if (!same(json_type_name(v->type), col(o.tree, 1)))
			n += differ(diff, what, key, json_type_name(v->type), col(o.tree, 1));
		else if (!same(text, col(o.tree, 2)))
			n += differ(diff, what, key, text, col(o.tree, 2));
		if (n == 0 && v - d->node < PATHS_ASKED)
			n += json_oracle_path(json, key, what, diff);
		if (n == 0 && v->type == JSON_OBJECT)
			n += members(text, v, what, diff);	/* jget reads an object's own text */
		free(key);
		free(text);
		v++;
	}
	while (v < end && v->label)
		v++;
	if (n == 0 && v != end)
		n += differ(diff, what, "fewer json_tree rows", "", "");
	return n;
}

size_t json_oracle_compare(const char *json, const char *what, struct buf *diff)
{
	struct json_doc d = { 0 };
	int mine, theirs;
	size_t n = 0;

	oracle_open();
	mine = json_parse(&d, json) == 0;
	bind(o.valid, json, NULL);
	theirs = sqlite3_step(o.valid) == SQLITE_ROW && sqlite3_column_int(o.valid, 0) == 1;
	if (mine != theirs)
		n += differ(diff, what, "json_valid", mine ? "1" : "0", theirs ? "1" : "0");
	else if (mine)
		n += tree(json, &d, what, diff);
	json_doc_release(&d);
	return n;
}

/*
 * The rows of json_each(json, path) against what extract-rules-json.c
 * walks: v's elements or member values, or v itself when it is a scalar.
 */
static size_t each(const char *json, const char *path, const struct json_node *v,
		   const char *thing, const char *what, struct buf *diff)
{
	const struct json_node *c = v ? (v->type >= JSON_ARRAY ? v + 1 : v) : NULL;
	const struct json_node *end = v ? json_next(v) : NULL;
	size_t n = 0;

	bind(o.each, json, path);
	while (n == 0 && sqlite3_step(o.each) == SQLITE_ROW) {
		while (c != NULL && c < end && c->label)
			c++;
		n += same_answer(c != NULL && c < end ? c : NULL, o.each, 1, what, thing, diff);
		c = c != NULL && c < end ? json_next(c) : c;
	}
	while (c != NULL && c < end && c->label)
		c++;
	if (n == 0 && c != NULL && c < end)
		n += differ(diff, what, thing, "more json_each rows", "");
	return n;
}

size_t json_oracle_path(const char *json, const char *path, const char *what, struct buf *diff)
{
	struct json_doc d = { 0 };
	const struct json_node *v = NULL;
	const char *bad = NULL;
	char *mine = NULL, *theirs = NULL, *thing = xasprintf("path %s", path);
	size_t n = 0;
	int rc;

	oracle_open();
	if (json_parse(&d, json) == 0)
		v = json_at(d.node, path, &bad);
	bind(o.path, json, path);
	rc = sqlite3_step(o.path);
	if (rc != SQLITE_ROW || bad != NULL) {
		if (bad != NULL)
			mine = sqlite3_mprintf("JSON path error near '%q'", bad);
		if (rc != SQLITE_ROW)
			theirs = xstrdup(sqlite3_errmsg(o.db));
		if (d.n > 0 && !same(mine, theirs))
			n += differ(diff, what, thing, mine, theirs);
	} else {
		n += same_answer(v, o.path, 1, what, thing, diff);
		if (n == 0)
			n += each(json, path, v, thing, what, diff);
	}
	sqlite3_free(mine);
	free(theirs);
	free(thing);
	json_doc_release(&d);
	return n;
}

size_t json_oracle_block(const char *text, const char *what, struct buf *diff)
{
	char *json = jsonld_unwrap(text), *repaired;
	unsigned done;
	size_t n = json_oracle_compare(text, what, diff);

	jsonld_repair_entities(json);
	if (strcmp(json, text) != 0)
		n += json_oracle_compare(json, what, diff);
	repaired = jsonld_repair(json, &done);
	if (done)
		n += json_oracle_compare(repaired, what, diff);
	free(repaired);
	free(json);
	return n;
}
