/*
 * extract-rules-json.c - board layouts whose postings are JSON in a script
 * (Indeed's window._initialData, app state objects): the script's JSON is
 * cut out after the layout's json-after text and read with SQLite's JSON
 * functions on a private in-memory database, like JSON-LD.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "extract-internal.h"
#include "html.h"
#include "xalloc.h"

/* The JSON value starting at s ({ or [): its length, or 0 when it never closes. */
static size_t json_value_length(const char *s)
{
	const char *p = s;
	int depth = 0, in_string = 0;

	for (; *p; p++) {
		if (in_string) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			else if (*p == '"')
				in_string = 0;
		} else if (*p == '"') {
			in_string = 1;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if ((*p == '}' || *p == ']') && --depth == 0) {
			return (size_t)(p - s) + 1;
		}
	}
	return 0;
}

/* The JSON in a script's text: after the layout's marker, else all of it. */
static char *script_json(const char *text, const char *after)
{
	const char *s = text;
	size_t n;

	if (after != NULL) {
		s = strstr(text, after);
		if (s == NULL)
			return NULL;
		s += strlen(after);
	}
	s += strspn(s, " \t\r\n=");
	if (*s != '{' && *s != '[')
		return NULL;
	n = json_value_length(s);
	return n ? xstrndup(s, n) : NULL;
}

struct jsonrd {
	sqlite3 *db;
	sqlite3_stmt *get;	/* type and value of ?1 at path ?2 */
	sqlite3_stmt *each;	/* the elements of the array at ?2 in ?1 */
};

static int jsonrd_open(struct jsonrd *j)
{
	memset(j, 0, sizeof(*j));
	return sqlite3_open_v2(":memory:", &j->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	       sqlite3_prepare_v2(j->db, "SELECT json_type(?1, ?2), json_extract(?1, ?2)", -1,
				  &j->get, NULL) != SQLITE_OK ||
	       sqlite3_prepare_v2(j->db, "SELECT type, value FROM json_each(?1, ?2)", -1,
				  &j->each, NULL) != SQLITE_OK ? -1 : 0;
}

static void jsonrd_close(struct jsonrd *j)
{
	sqlite3_finalize(j->get);
	sqlite3_finalize(j->each);
	sqlite3_close(j->db);
}

/*
 * A number too large for a double (1e999999, a 400-digit integer): SQLite
 * reads it as infinity (an "integer" or a "real") and its text is "Inf",
 * which the page never said.
 */
static int json_infinite(const char *type, const char *value)
{
	return strcmp(type, "text") != 0 && (strcmp(value, "Inf") == 0 || strcmp(value, "-Inf") == 0);
}

/*
 * The text at path: a string read as HTML text (boards put markup and
 * entities in their JSON), a number as written (none when it is beyond a
 * double), an array's scalar elements joined (by newlines with lines, else
 * by ", "); NULL for objects and null.
 */
static char *json_text(struct jsonrd *j, const char *json, const char *path, int lines)
{
	struct buf b = BUF_INIT;
	const char *t, *v;
	char *s;

	sqlite3_reset(j->each);
	sqlite3_bind_text(j->each, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(j->each, 2, path, -1, SQLITE_STATIC);
	while (sqlite3_step(j->each) == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(j->each, 0);
		v = (const char *)sqlite3_column_text(j->each, 1);
		if (t == NULL || v == NULL || strcmp(t, "object") == 0 || strcmp(t, "array") == 0 ||
		    strcmp(t, "null") == 0 || json_infinite(t, v))
			continue;
		s = lines ? html_fragment_blocks(v) : html_fragment_text(v);
		if (s != NULL && b.len > 0)
			buf_append(&b, lines ? "\n" : ", ", lines ? 1 : 2);
		if (s != NULL)
			buf_append(&b, s, strlen(s));
		free(s);
	}
	sqlite3_reset(j->each);
	return b.len > 0 ? buf_detach(&b) : (buf_release(&b), NULL);
}

/* The first of a field's expressions that gives a value: a JSON path in
 * the posting, or an XPath (what the page says of all its postings, such
 * as the company of a company's board) on the whole page. */
static char *field_json(struct jsonrd *j, xmlXPathContextPtr x, const struct board_rule *r,
			const char *posting, int lines)
{
	size_t i;
	char *s = NULL;

	for (i = 0; i < r->n && s == NULL; i++)
		s = r->v[i].xpath != NULL ?
		    rules_expr_text(x, &r->v[i], (xmlNodePtr)x->doc, lines) :
		    json_text(j, posting, r->v[i].text, lines);
	return s;
}

static void read_posting(struct jsonrd *j, xmlXPathContextPtr x, const struct board *b,
			 const struct board_layout *l, const char *posting,
			 const struct page_scan *scan, struct extract_result *r, size_t i)
{
	char *f[BOARD_NFIELDS];
	struct raw_posting p;
	int k;

	for (k = 0; k < BOARD_NFIELDS; k++)
		f[k] = field_json(j, x, &l->field[k], posting, k == BF_DESCRIPTION);
	raw_posting_init(&p);
	rules_fill(&p, f, scan->base);
	rules_add(r, scan, &p, b, i);
}

/* Each posting at the layout's posting path: an array's objects, or one object. */
static void read_json(struct jsonrd *j, xmlXPathContextPtr x, const struct board *b,
		      const struct board_layout *l, const char *json,
		      const struct page_scan *scan, struct extract_result *r)
{
	const char *path = l->posting.v[0].text;
	sqlite3_stmt *st;
	size_t n = 0;
	int rc;

	if (sqlite3_prepare_v2(j->db, "SELECT CASE json_type(?1, ?2) WHEN 'object' THEN "
			       "json_extract(?1, ?2) END UNION ALL SELECT value FROM "
			       "json_each(?1, ?2) WHERE type = 'object' AND json_type(?1, ?2) = 'array'",
			       -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *posting = (const char *)sqlite3_column_text(st, 0);

		if (posting != NULL)
			read_posting(j, x, b, l, posting, scan, r, n++);
	}
	if (rc != SQLITE_DONE)
		extract_result_warn(r, "'%s': board '%s': cannot read the JSON in the page's script: %s",
				    scan->url ? scan->url : "page", b->name, sqlite3_errmsg(j->db));
	sqlite3_finalize(st);
}

void rules_json_layout(xmlXPathContextPtr x, const struct board *b, const struct board_layout *l,
		       const struct page_scan *scan, struct extract_result *r)
{
	xmlXPathObjectPtr o = rules_eval(x, &l->json.v[0], (xmlNodePtr)x->doc);
	xmlNodeSetPtr set = o && o->type == XPATH_NODESET ? o->nodesetval : NULL;
	struct jsonrd j;
	int i;

	if (set == NULL || set->nodeNr == 0 || jsonrd_open(&j) < 0) {
		if (set != NULL && set->nodeNr > 0)
			extract_result_warn(r, "'%s': cannot read JSON: out of memory",
					    scan->url ? scan->url : "page");
		xmlXPathFreeObject(o);
		return;
	}
	for (i = 0; i < set->nodeNr; i++) {
		xmlChar *text = xmlNodeGetContent(set->nodeTab[i]);
		char *json = text ? script_json((const char *)text, l->json_after) : NULL;

		if (json != NULL)
			read_json(&j, x, b, l, json, scan, r);
		free(json);
		xmlFree(text);
	}
	jsonrd_close(&j);
	xmlXPathFreeObject(o);
}
