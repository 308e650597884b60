/*
 * board-parse.c - a rules file's text to a struct board, every XPath
 * compiled once here (a page only evaluates them).  Line format:
 * contrib/boards/README.md and jobstats-boards(5).
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xpathInternals.h>

#include "board.h"
#include "extract-internal.h"
#include "html.h"
#include "xalloc.h"

const char *const board_field_names[BOARD_NFIELDS] = {
	"title", "company", "location", "salary", "level", "type", "remote",
	"country", "posted", "url", "id", "description",
};

/* The longest directive value: an XPath longer than this is a mistake. */
#define BOARD_MAX_VALUE 4096

struct parser {
	const char *path;	/* for messages */
	int line;
	struct board *b;
	struct board_layout *layout;	/* the one being read, or NULL before the first */
	xmlXPathContextPtr xpctx;	/* compiles XPaths, collecting their errors */
	char *xpath_error;
};

static int fail(struct parser *ps, char **err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct parser *ps, char **err, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (ps->line > 0)
		set_error(err, "%s:%d: %s", ps->path, ps->line, msg);
	else
		set_error(err, "%s: %s", ps->path, msg);
	free(msg);
	return -1;
}

/* libxml2 reports XPath syntax errors here instead of printing them. */
static void keep_xpath_error(void *data, xmlErrorPtr e)
{
	struct parser *ps = data;

	if (ps->xpath_error == NULL && e != NULL && e->message != NULL) {
		ps->xpath_error = xstrdup(e->message);
		text_collapse(ps->xpath_error);
	}
}

/*
 * libxml2 compiles some broken expressions ("concat(") and only fails when
 * they run, and a misspelt function is only found then: so each XPath is
 * run once on an empty page, where such mistakes show at load time.
 */
static int evaluates(struct parser *ps, xmlXPathCompExprPtr xpath)
{
	xmlXPathObjectPtr o = rules_eval(ps->xpctx, &(struct board_expr){ NULL, xpath, NULL },
					 (xmlNodePtr)ps->xpctx->doc);

	xmlXPathFreeObject(o);
	return o != NULL;
}

static int add_expr(struct parser *ps, struct board_rule *rule, const char *value, int json,
		    char **err)
{
	struct board_expr e = { xstrdup(value), NULL, NULL };

	if (json && value[0] != '$') {
		free(e.text);
		return fail(ps, err, "'%s' is not a JSON path (they start with $)", value);
	}
	if (!json) {
		e.xpath = xmlXPathCtxtCompile(ps->xpctx, (const xmlChar *)value);
		if (e.xpath != NULL && !evaluates(ps, e.xpath)) {
			xmlXPathFreeCompExpr(e.xpath);
			e.xpath = NULL;
		}
		if (e.xpath == NULL) {
			char *why = ps->xpath_error ? ps->xpath_error : xstrdup("syntax error");

			ps->xpath_error = NULL;
			fail(ps, err, "invalid XPath '%s': %s", value, why);
			free(why);
			free(e.text);
			return -1;
		}
	}
	if (!json)
		e.path = board_path_compile(value);
	rule->v = xreallocarray(rule->v, rule->n + 1, sizeof(*rule->v));
	rule->v[rule->n++] = e;
	return 0;
}

static struct board_layout *new_layout(struct parser *ps, const char *name)
{
	struct board *b = ps->b;
	struct board_layout *l;

	b->layouts = xreallocarray(b->layouts, b->nlayouts + 1, sizeof(*b->layouts));
	l = &b->layouts[b->nlayouts++];
	memset(l, 0, sizeof(*l));
	l->name = xstrdup(name);
	l->line = ps->line;
	return l;
}

static int layout_directive(struct parser *ps, const char *value, char **err)
{
	size_t i;

	for (i = 0; i < ps->b->nlayouts; i++)
		if (strcmp(ps->b->layouts[i].name, value) == 0)
			return fail(ps, err, "layout '%s' is defined twice", value);
	if (ps->b->nlayouts == 1 && ps->b->layouts[0].line == 0)
		return fail(ps, err, "layout '%s' starts after rules that belong to no layout",
			    value);
	ps->layout = new_layout(ps, value);
	return 0;
}

static int board_directive(struct parser *ps, const char *key, const char *value, char **err)
{
	struct board *b = ps->b;
	char *h;

	if (ps->layout != NULL)
		return fail(ps, err, "'%s' belongs before the first layout", key);
	if (strcmp(key, "label") == 0) {
		if (b->label != NULL)
			return fail(ps, err, "'%s' is given twice", key);
		b->label = xstrdup(value);
		return 0;
	}
	h = xstrdup(value[0] == '.' ? value + 1 : value);
	for (char *p = h; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strchr(h, '/') != NULL || strchr(h, ' ') != NULL) {
		free(h);
		return fail(ps, err, "host '%s' is not a host name (no scheme, no path)", value);
	}
	b->hosts = xreallocarray(b->hosts, b->nhosts + 1, sizeof(*b->hosts));
	b->hosts[b->nhosts++] = h;
	return 0;
}

static int field_index(const char *key)
{
	int i;

	for (i = 0; i < BOARD_NFIELDS; i++)
		if (strcmp(key, board_field_names[i]) == 0)
			return i;
	return -1;
}

/* Rules met before any "layout" line make one layout named after the board. */
static struct board_layout *current_layout(struct parser *ps)
{
	if (ps->layout == NULL) {
		ps->layout = new_layout(ps, ps->b->name);
		ps->layout->line = 0;	/* implicit: marks "no layout line" */
	}
	return ps->layout;
}

static int single(struct parser *ps, const struct board_rule *r, const char *key, char **err)
{
	return r->n > 0 ? fail(ps, err, "'%s' is given twice in one layout", key) : 0;
}

static int layout_rule(struct parser *ps, const char *key, const char *value, char **err)
{
	struct board_layout *l = current_layout(ps);
	int f = field_index(key), json = l->json.n > 0;

	/* A JSON layout's field is a JSON path in the posting, or an XPath on
	 * the whole page; a relative XPath ('.//h2') is an error there, as a
	 * JSON posting is no node: it is checked as the JSON path it is not. */
	if (f >= 0)
		return add_expr(ps, &l->field[f], value,
				json && (value[0] == '$' || value[0] == '.'), err);
	if (strcmp(key, "posting") == 0)
		return single(ps, &l->posting, key, err) < 0 ? -1 :
		       add_expr(ps, &l->posting, value, json, err);
	if (strcmp(key, "match") == 0)
		return add_expr(ps, &l->match, value, 0, err);
	if (strcmp(key, "next") == 0)
		return add_expr(ps, &l->next, value, 0, err);
	if (strcmp(key, "json") == 0) {
		if (l->posting.n > 0 || l->field[BF_TITLE].n > 0)
			return fail(ps, err, "'%s' must come before the layout's posting and fields",
				    key);
		return single(ps, &l->json, key, err) < 0 ? -1 : add_expr(ps, &l->json, value, 0, err);
	}
	if (strcmp(key, "json-after") == 0) {
		if (l->json_after != NULL)
			return fail(ps, err, "'%s' is given twice in one layout", key);
		l->json_after = xstrdup(value);
		return 0;
	}
	return fail(ps, err, "unknown directive '%s'", key);
}

static int directive(struct parser *ps, char *line, char **err)
{
	char *key = line, *value = line;

	while (*value && !isspace((unsigned char)*value))
		value++;
	if (*value)
		*value++ = '\0';
	text_collapse(value);
	if (*value == '\0')
		return fail(ps, err, "'%s' has no value", key);
	if (strlen(value) > BOARD_MAX_VALUE)
		return fail(ps, err, "the value of '%s' is too long", key);
	if (strcmp(key, "layout") == 0)
		return layout_directive(ps, value, err);
	if (strcmp(key, "label") == 0 || strcmp(key, "host") == 0)
		return board_directive(ps, key, value, err);
	return layout_rule(ps, key, value, err);
}

/* What every layout must have, checked once the file is read. */
static int check_layouts(struct parser *ps, char **err)
{
	size_t i;

	if (ps->b->nlayouts == 0) {
		ps->line = 0;
		return fail(ps, err, "%s", "no rules: a board needs match, posting and title");
	}
	for (i = 0; i < ps->b->nlayouts; i++) {
		const struct board_layout *l = &ps->b->layouts[i];
		const char *missing = l->match.n == 0 ? "match" : l->posting.n == 0 ? "posting" :
				      l->field[BF_TITLE].n == 0 ? "title" : NULL;

		if (missing != NULL) {
			ps->line = l->line;
			return fail(ps, err, "layout has no '%s'", missing);
		}
		if (l->json_after != NULL && l->json.n == 0) {
			ps->line = l->line;
			return fail(ps, err, "%s", "layout has json-after but no json");
		}
	}
	return 0;
}

static int parse_lines(struct parser *ps, char *text, char **err)
{
	char *line = text, *end;

	for (; line != NULL; line = end) {
		end = strchr(line, '\n');
		if (end != NULL)
			*end++ = '\0';
		ps->line++;
		line += strspn(line, " \t\r");
		if (*line == '\0' || *line == '#')
			continue;
		if (directive(ps, line, err) < 0)
			return -1;
	}
	return check_layouts(ps, err);
}

/* <html><body/></html>: what each XPath is tried on when it is read. */
static xmlDocPtr empty_page(void)
{
	static const char html[] = "<html><body></body></html>";
	xmlDocPtr doc = html_parse(html, sizeof(html) - 1, NULL, NULL);

	if (doc == NULL)
		xalloc_die();
	return doc;
}

int board_parse(const char *text, const char *name, const char *path, struct board *out,
		char **err)
{
	struct parser ps = { 0 };
	char *copy = xstrdup(text);
	int rc;

	memset(out, 0, sizeof(*out));
	out->name = xstrdup(name);
	ps.path = path ? path : name;
	ps.b = out;
	ps.xpctx = rules_context(empty_page());
	ps.xpctx->error = keep_xpath_error;
	ps.xpctx->userData = &ps;
	xmlSetStructuredErrorFunc(&ps, keep_xpath_error);
	rules_quiet(1);
	rc = parse_lines(&ps, copy, err);
	rules_quiet(0);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeDoc(ps.xpctx->doc);
	xmlXPathFreeContext(ps.xpctx);
	free(ps.xpath_error);
	free(copy);
	if (rc < 0)
		board_release(out);
	return rc;
}

static void rule_release(struct board_rule *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].text);
		xmlXPathFreeCompExpr(r->v[i].xpath);
		board_path_free(r->v[i].path);
	}
	free(r->v);
}

static void layout_release(struct board_layout *l)
{
	int f;

	free(l->name);
	free(l->json_after);
	rule_release(&l->match);
	rule_release(&l->posting);
	rule_release(&l->next);
	rule_release(&l->json);
	for (f = 0; f < BOARD_NFIELDS; f++)
		rule_release(&l->field[f]);
}

void board_release(struct board *b)
{
	size_t i;

	for (i = 0; i < b->nlayouts; i++)
		layout_release(&b->layouts[i]);
	free(b->layouts);
	for (i = 0; i < b->nhosts; i++)
		free(b->hosts[i]);
	free(b->hosts);
	free(b->name);
	free(b->label);
	free(b->path);
	memset(b, 0, sizeof(*b));
}

int board_serves_host(const struct board *b, const char *host)
{
	size_t i, n = strlen(host), m;

	for (i = 0; i < b->nhosts; i++) {
		m = strlen(b->hosts[i]);
		if (n == m && strcasecmp(host, b->hosts[i]) == 0)
			return 1;
		if (n > m && host[n - m - 1] == '.' && strcasecmp(host + n - m, b->hosts[i]) == 0)
			return 1;
	}
	return 0;
}
