/*
 * json-read.h - a one-pass JSON reader: the document parsed into one array
 * of nodes in document order (parents before children, an object's label
 * before its value), read in place (nodes point into the text).
 *
 * It answers as SQLite 3.40's JSON functions did when the extractors used
 * them (tests/check_json_read.c proves it against SQLite): validity as
 * json_valid, type names as json_type, value texts as json_each's value
 * column, member lookup as json_each with a NOCASE key, paths as
 * json_extract.  The extractors' outputs must not change, so its quirks are
 * SQLite's, not RFC 8259's: see json-read.c.
 */
#ifndef JOBSTATS_JSON_READ_H
#define JOBSTATS_JSON_READ_H

#include <stddef.h>
#include <stdint.h>

enum json_type {
	JSON_NULL, JSON_TRUE, JSON_FALSE, JSON_INTEGER, JSON_REAL, JSON_TEXT, JSON_ARRAY,
	JSON_OBJECT
};

struct json_node {
	const char *text;	/* in the document: a string with its quotes, a number as written */
	uint32_t len;		/* bytes of text (scalars only) */
	uint32_t below;		/* arrays and objects: nodes inside, labels counted */
	uint32_t up;		/* index of the array or object holding it; the root's is its own */
	uint8_t type;		/* enum json_type */
	uint8_t escaped;	/* a string with backslash escapes */
	uint8_t label;		/* an object member's name */
};

struct json_doc {
	struct json_node *node;	/* node[0] is the root */
	size_t n, alloc;
	int depth;
};

/*
 * Parse text (NUL-terminated; nodes point into it, so it must outlive the
 * document).  Returns 0, or -1 when json_valid would say 0 (then d holds no
 * nodes).  d is reused: call json_doc_release once at the end.
 */
int json_parse(struct json_doc *d, const char *text);
void json_doc_release(struct json_doc *d);

/* json_type's name: "null", "true", "false", "integer", "real", "text",
 * "array", "object". */
const char *json_type_name(int type);

/* The node after v and all that is inside it (v's next sibling, when it has one). */
static inline const struct json_node *json_next(const struct json_node *v)
{
	return v + 1 + (v->type >= JSON_ARRAY ? v->below : 0);
}

/*
 * Member key of the object o as "SELECT type, value FROM json_each(o) WHERE
 * key = ?key COLLATE NOCASE ORDER BY key = ?key DESC LIMIT 1" gave it: the
 * first exact match, else the first match in another ASCII case.  NULL when
 * there is none or o is not an object.
 */
const struct json_node *json_member(const struct json_node *o, const char *key);
/* Element i of the array a (json_extract(a, '$[i]')), or NULL. */
const struct json_node *json_element(const struct json_node *a, size_t i);
/* The value of the label node k (k + 1). */
static inline const struct json_node *json_label_value(const struct json_node *k)
{
	return k + 1;
}

/*
 * The text SQLite gave for v (sqlite3_column_text of json_each's value),
 * allocated, or NULL for null: a string unescaped (cut at a \u0000, lone
 * surrogates as 3-byte sequences), true 1, false 0, an integer as an int64
 * (beyond one, as a real), a real as "%!.15g" renders its double, arrays
 * and objects minified.
 */
char *json_value_text(const struct json_node *v);
/* A string node's unescaped bytes into out (room for v->len bytes); returns its length. */
size_t json_unescape(const struct json_node *v, char *out);
/* Does the label or string node v read as key (a C string) exactly? */
int json_text_is(const struct json_node *v, const char *key);

/*
 * The fullkey json_tree gave node v of d ("$", "$.a", "$.\"@graph\"[0]"),
 * allocated.
 */
char *json_fullkey(const struct json_doc *d, const struct json_node *v);

/*
 * The node at path from v as json_extract(v, path) found it, or NULL when
 * there is none.  *bad is set where SQLite found the path in error (its
 * message: "JSON path error near '<*bad>'"), else NULL; the rest of a path
 * is not read once a step finds nothing, as in SQLite.
 */
const struct json_node *json_at(const struct json_node *v, const char *path, const char **bad);

/* The double of a JSON number's text z (n bytes), as SQLite computes it. */
double json_number_double(const char *z, size_t n);

#endif
