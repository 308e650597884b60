/*
 * extract-rules-json.c - board layouts whose postings are JSON in a script
 * (Indeed's window._initialData, app state objects): the script's JSON is
 * cut out after the layout's json-after text and read by json-read.c, as
 * SQLite's JSON functions read it before (the postings may not change).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract-internal.h"
#include "html.h"
#include "json-read.h"
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

/*
 * The text of a scalar v as SQLite gave it, NULL for objects, arrays and
 * null, and for a number too large for a double (1e999999, a 400-digit
 * integer): SQLite read it as infinity, "Inf", which the page never said.
 */
static char *scalar_text(const struct json_node *v)
{
	char *s;

	if (v->type == JSON_NULL || v->type >= JSON_ARRAY)
		return NULL;
	s = json_value_text(v);
	if (v->type != JSON_TEXT && (strcmp(s, "Inf") == 0 || strcmp(s, "-Inf") == 0)) {
		free(s);
		return NULL;
	}
	return s;
}

/*
 * The text at path in the posting: a string read as HTML text (boards put
 * markup and entities in their JSON), a number as written (none when it is
 * beyond a double), an array's (or an object's) scalar values joined (by
 * newlines with lines, else by ", "); NULL for objects and null, and for a
 * path in error.  As json_each(posting, path) listed them.
 */
static char *json_text(const struct json_node *posting, const char *path, int lines)
{
	const char *bad;
	const struct json_node *v = json_at(posting, path, &bad), *c, *end;
	struct buf b = BUF_INIT;
	char *s, *text;

	if (v == NULL)
		return NULL;
	c = v->type >= JSON_ARRAY ? v + 1 : v;
	end = json_next(v);
	for (; c < end; c = json_next(c)) {
		if (c->label)
			continue;	/* an object's values, not its names */
		s = scalar_text(c);
		text = s == NULL ? NULL : lines ? html_fragment_blocks(s) : html_fragment_text(s);
		if (text != NULL && b.len > 0)
			buf_append(&b, lines ? "\n" : ", ", lines ? 1 : 2);
		if (text != NULL)
			buf_append(&b, text, strlen(text));
		free(text);
		free(s);
	}
	return b.len > 0 ? buf_detach(&b) : (buf_release(&b), NULL);
}

/* The first of a field's expressions that gives a value: a JSON path in
 * the posting, or an XPath (what the page says of all its postings, such
 * as the company of a company's board) on the whole page. */
static char *field_json(xmlXPathContextPtr x, const struct board_rule *r,
			const struct json_node *posting, int lines)
{
	size_t i;
	char *s = NULL;

	for (i = 0; i < r->n && s == NULL; i++)
		s = r->v[i].xpath != NULL ?
		    rules_expr_text(x, &r->v[i], (xmlNodePtr)x->doc, lines) :
		    json_text(posting, r->v[i].text, lines);
	return s;
}

static void read_posting(xmlXPathContextPtr x, const struct board *b,
			 const struct board_layout *l, const struct json_node *posting,
			 const struct page_scan *scan, struct extract_result *r, size_t i)
{
	char *f[BOARD_NFIELDS];
	struct raw_posting p;
	int k;

	for (k = 0; k < BOARD_NFIELDS; k++)
		f[k] = field_json(x, &l->field[k], posting, k == BF_DESCRIPTION);
	raw_posting_init(&p);
	rules_fill(&p, f, scan->base);
	rules_add(r, scan, &p, b, i);
}

/* SQLite's message for a path in error at bad (its %q: quotes doubled). */
static char *path_error(const char *bad)
{
	struct buf m = BUF_INIT;

	buf_appends(&m, "JSON path error near '");
	for (; *bad; bad++) {
		buf_append(&m, bad, 1);
		if (*bad == '\'')
			buf_append(&m, "'", 1);
	}
	buf_append(&m, "'", 1);
	return buf_detach(&m);
}

/*
 * Each posting at the layout's posting path: an array's objects, or one
 * object.  A script whose JSON does not parse, or a path SQLite would have
 * called in error, is warned of with SQLite's words.
 */
static void read_json(struct json_doc *d, xmlXPathContextPtr x, const struct board *b,
		      const struct board_layout *l, const char *json,
		      const struct page_scan *scan, struct extract_result *r)
{
	const struct json_node *v = NULL, *e;
	const char *bad = NULL;
	char *why = NULL;
	size_t n = 0;

	if (json_parse(d, json) < 0)
		why = xstrdup("malformed JSON");
	else if ((v = json_at(d->node, l->posting.v[0].text, &bad)) == NULL && bad != NULL)
		why = path_error(bad);
	if (why != NULL) {
		extract_result_warn(r, "'%s': board '%s': cannot read the JSON in the page's script: %s",
				    scan->url ? scan->url : "page", b->name, why);
		free(why);
		return;
	}
	if (v != NULL && v->type == JSON_OBJECT)
		read_posting(x, b, l, v, scan, r, n++);
	if (v != NULL && v->type == JSON_ARRAY)
		for (e = v + 1; e < json_next(v); e = json_next(e))
			if (e->type == JSON_OBJECT)
				read_posting(x, b, l, e, scan, r, n++);
}

void rules_json_layout(xmlXPathContextPtr x, const struct board *b, const struct board_layout *l,
		       const struct page_scan *scan, struct extract_result *r)
{
	xmlXPathObjectPtr o = rules_eval(x, &l->json.v[0], (xmlNodePtr)x->doc);
	xmlNodeSetPtr set = o && o->type == XPATH_NODESET ? o->nodesetval : NULL;
	struct json_doc d = { 0 };
	int i;

	for (i = 0; set != NULL && i < set->nodeNr; i++) {
		xmlChar *text = xmlNodeGetContent(set->nodeTab[i]);
		char *json = text ? script_json((const char *)text, l->json_after) : NULL;

		if (json != NULL)
			read_json(&d, x, b, l, json, scan, r);
		free(json);
		xmlFree(text);
	}
	json_doc_release(&d);
	xmlXPathFreeObject(o);
}
