/*
 * json-value.c - what a parsed JSON document answers (json-read.h): member
 * lookup, elements, value texts and fullkeys, each as SQLite 3.40 gave it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "json-read.h"
#include "utf8.h"
#include "xalloc.h"

static unsigned hex4(const char *z)
{
	unsigned v = 0;
	int i;

	for (i = 0; i < 4; i++) {
		char c = z[i];

		v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
	}
	return v;
}

/* Code point v as UTF-8 (surrogates too: 3 bytes, as SQLite writes them). */
static size_t put_code(char *out, unsigned v)
{
	return utf8_encode(v, out);
}

static char simple_escape(char c)
{
	switch (c) {
	case 'b': return '\b';
	case 'f': return '\f';
	case 'n': return '\n';
	case 'r': return '\r';
	case 't': return '\t';
	}
	return c;	/* " \ / */
}

size_t json_unescape(const struct json_node *v, char *out)
{
	const char *z = v->text;
	size_t n = v->len, i, j = 0;
	unsigned u, lo;

	if (!v->escaped) {
		memcpy(out, z + 1, n - 2);
		return n - 2;
	}
	for (i = 1; i < n - 1; i++) {
		if (z[i] != '\\') {
			out[j++] = z[i];
		} else if (z[++i] != 'u') {
			out[j++] = simple_escape(z[i]);
		} else {
			u = hex4(z + i + 1);
			i += 4;
			if (u == 0)
				break;	/* SQLite ends the text at \u0000 */
			/* A high surrogate pairs only with a low one right after it. */
			if ((u & 0xfc00) == 0xd800 && i + 6 < n && z[i + 1] == '\\' && z[i + 2] == 'u' &&
			    ((lo = hex4(z + i + 3)) & 0xfc00) == 0xdc00) {
				u = ((u & 0x3ff) << 10) + (lo & 0x3ff) + 0x10000;
				i += 6;
			}
			j += put_code(out + j, u);
		}
	}
	return j;
}

/* The bytes of string node v, unescaped: in small when they fit, else allocated. */
static const char *string_bytes(const struct json_node *v, char *small, size_t size,
				size_t *len, char **owned)
{
	char *out = small;

	*owned = NULL;
	if (!v->escaped) {
		*len = v->len - 2;
		return v->text + 1;
	}
	if (v->len > size)
		out = *owned = xmalloc(v->len);
	*len = json_unescape(v, out);
	return out;
}

static int fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 2: s (n bytes) is key; 1: is key in another ASCII case; 0: neither. */
static int key_match(const char *s, size_t n, const char *key, size_t keylen)
{
	size_t i;

	if (n != keylen)
		return 0;
	if (memcmp(s, key, n) == 0)
		return 2;
	for (i = 0; i < n; i++)
		if (fold((unsigned char)s[i]) != fold((unsigned char)key[i]))
			return 0;
	return 1;
}

static int label_match(const struct json_node *k, const char *key, size_t keylen)
{
	char small[128], *owned;
	size_t n;
	const char *s = string_bytes(k, small, sizeof(small), &n, &owned);
	int m = key_match(s, n, key, keylen);

	free(owned);
	return m;
}

int json_text_is(const struct json_node *v, const char *key)
{
	return v->type == JSON_TEXT && label_match(v, key, strlen(key)) == 2;
}

const struct json_node *json_member(const struct json_node *o, const char *key)
{
	const struct json_node *k, *end, *other = NULL;
	size_t keylen = strlen(key);
	int m;

	if (o == NULL || o->type != JSON_OBJECT)
		return NULL;
	end = json_next(o);
	for (k = o + 1; k < end; k = json_next(k + 1)) {
		m = label_match(k, key, keylen);
		if (m == 2)
			return k + 1;
		if (m == 1 && other == NULL)
			other = k + 1;
	}
	return other;
}

const struct json_node *json_element(const struct json_node *a, size_t i)
{
	const struct json_node *e, *end;

	if (a == NULL || a->type != JSON_ARRAY)
		return NULL;
	end = json_next(a);
	for (e = a + 1; e < end; e = json_next(e))
		if (i-- == 0)
			return e;
	return NULL;
}

/* Minified JSON of v, as SQLite renders a parsed value: scalars as written. */
static void render(const struct json_node *v, struct buf *out)
{
	const struct json_node *c, *end;
	int object = v->type == JSON_OBJECT;

	if (v->type < JSON_ARRAY) {
		buf_append(out, v->text, v->len);
		return;
	}
	buf_append(out, object ? "{" : "[", 1);
	end = json_next(v);
	for (c = v + 1; c < end; c = json_next(c)) {
		if (c != v + 1)
			buf_append(out, ",", 1);
		if (object) {
			buf_append(out, c->text, c->len);
			buf_append(out, ":", 1);
			c++;
		}
		render(c, out);
	}
	buf_append(out, object ? "}" : "]", 1);
}

#define INT64_LIMIT 0x7fffffffffffffffLL

/*
 * The integer v as SQLite reads it: 0 with *i set, or -1 when it does not
 * fit an int64 (then SQLite reads it as a real).
 */
static int integer_value(const struct json_node *v, long long *i)
{
	const char *z = v->text, *end = v->text + v->len;
	int neg = *z == '-';
	long long n = 0;
	unsigned d;

	for (z += neg; z < end; z++) {
		d = (unsigned)(*z - '0');
		if (n >= INT64_LIMIT / 10) {
			if (n > INT64_LIMIT / 10 || z + 1 < end || d == 9 || (d == 8 && !neg))
				return -1;
			if (d == 8) {
				*i = -INT64_LIMIT - 1;
				return 0;
			}
		}
		n = n * 10 + d;
	}
	*i = neg ? -n : n;
	return 0;
}

/* A number's text as sqlite3_column_text gave it. */
static char *number_text(const struct json_node *v)
{
	char s[64];
	long long i;

	if (v->type == JSON_INTEGER && integer_value(v, &i) == 0)
		return xasprintf("%lld", i);
	sqlite3_snprintf(sizeof(s), s, "%!.15g", json_number_double(v->text, v->len));
	return xstrdup(s);
}

char *json_value_text(const struct json_node *v)
{
	struct buf b = BUF_INIT;
	char *s;

	switch (v->type) {
	case JSON_NULL:
		return NULL;
	case JSON_TRUE:
		return xstrdup("1");
	case JSON_FALSE:
		return xstrdup("0");
	case JSON_INTEGER:
	case JSON_REAL:
		return number_text(v);
	case JSON_TEXT:
		s = xmalloc(v->len);
		s[json_unescape(v, s)] = '\0';
		return s;
	}
	render(v, &b);
	return buf_detach(&b);
}

/* The step from v's holder to v, as json_tree writes it into fullkey. */
static void fullkey_step(const struct json_doc *d, const struct json_node *v, struct buf *out)
{
	const struct json_node *up = &d->node[v->up], *e, *k = v - 1;
	size_t i = 0, n;

	if (up->type == JSON_ARRAY) {
		for (e = up + 1; e != v; e = json_next(e))
			i++;
		buf_printf(out, "[%zu]", i);
		return;
	}
	/* A name of letters and digits, starting with a letter, goes unquoted. */
	n = k->len;
	if (n > 2 && ((k->text[1] | 0x20) >= 'a' && (k->text[1] | 0x20) <= 'z')) {
		for (i = 2; i < n - 1; i++) {
			char c = k->text[i];

			if (!((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
				break;
		}
		if (i == n - 1) {
			buf_printf(out, ".%.*s", (int)(n - 2), k->text + 1);
			return;
		}
	}
	buf_printf(out, ".%.*s", (int)n, k->text);
}

static void fullkey(const struct json_doc *d, const struct json_node *v, struct buf *out)
{
	if (v == d->node) {
		buf_append(out, "$", 1);
		return;
	}
	fullkey(d, &d->node[v->up], out);
	fullkey_step(d, v, out);
}

char *json_fullkey(const struct json_doc *d, const struct json_node *v)
{
	struct buf b = BUF_INIT;

	fullkey(d, v, &b);
	return buf_detach(&b);
}
