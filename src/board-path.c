/*
 * board-path.c - the simple location paths most board rules are written in
 * ("./div[@class = 'meta']/span[@class = 'company']", ".//h2[has-class('x')]/a",
 * "//meta[@property = 'og:url']/@content"), read by a walk of the tree
 * instead of libxml2's XPath engine.
 *
 * XPath builds a node set for each step and evaluates each predicate as an
 * expression; for a field read on every card of a listing page that costs
 * more than the card's own parse.  A path made only of child steps, at most
 * one descendant step ("//"), name tests or '*', the predicates [@a],
 * [@a = 'v'] and [has-class('v')], and a last attribute step selects the
 * same nodes, in the same (document) order, as XPath does: board_path_compile
 * accepts exactly that, and anything else (functions, axes, positions,
 * unions) is left to XPath.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "html.h"
#include "xalloc.h"

enum pred_kind { PRED_HAS_ATTR, PRED_ATTR_EQUALS, PRED_HAS_CLASS };

struct path_pred {
	enum pred_kind kind;
	char *name;		/* the attribute's, or NULL for has-class */
	char *value;		/* the literal compared with, or NULL */
};

struct path_step {
	char *name;		/* element name; NULL for '*' */
	struct path_pred *preds;
	size_t npreds;
};

struct board_path {
	int absolute;		/* from the document, not the context node */
	size_t desc;		/* index of the step after "//"; nsteps when none */
	struct path_step *steps;
	size_t nsteps;
	char *attr;		/* a last attribute step's name, or NULL */
};

static void steps_free(struct path_step *v, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < v[i].npreds; j++) {
			free(v[i].preds[j].name);
			free(v[i].preds[j].value);
		}
		free(v[i].preds);
		free(v[i].name);
	}
}

/* Characters of the names this reader accepts (no prefixes, no ':'). */
static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.';
}

static int name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* A name at *s, allocated, *s past it; NULL when there is none. */
static char *read_name(const char **s)
{
	const char *p = *s;

	if (!name_start(*p))
		return NULL;
	while (name_char(*p))
		p++;
	/* "name(" is a function call, "name::" an axis: not a name test. */
	if (*p == '(' || *p == ':')
		return NULL;
	{
		char *name = xstrndup(*s, (size_t)(p - *s));

		*s = p;
		return name;
	}
}

static void skip_blanks(const char **s)
{
	while (**s == ' ' || **s == '\t')
		(*s)++;
}

/* A quoted literal at *s ('v' or "v"), allocated; NULL when there is none. */
static char *read_literal(const char **s)
{
	char q = **s, *v;
	const char *end;

	if (q != '\'' && q != '"')
		return NULL;
	end = strchr(*s + 1, q);
	if (end == NULL)
		return NULL;
	v = xstrndup(*s + 1, (size_t)(end - *s - 1));
	*s = end + 1;
	return v;
}

/* One predicate's inside, "@a", "@a = 'v'" or "has-class('v')"; 0 when it is none of them. */
static int read_pred(const char **s, struct path_pred *pr)
{
	static const char has_class[] = "has-class(";

	memset(pr, 0, sizeof(*pr));
	skip_blanks(s);
	if (strncmp(*s, has_class, sizeof(has_class) - 1) == 0) {
		*s += sizeof(has_class) - 1;
		skip_blanks(s);
		pr->kind = PRED_HAS_CLASS;
		if ((pr->value = read_literal(s)) == NULL)
			return 0;
		skip_blanks(s);
		return *(*s)++ == ')';
	}
	if (**s != '@')
		return 0;
	(*s)++;
	if ((pr->name = read_name(s)) == NULL)
		return 0;
	skip_blanks(s);
	pr->kind = PRED_HAS_ATTR;
	if (**s != '=')
		return 1;
	(*s)++;
	skip_blanks(s);
	pr->kind = PRED_ATTR_EQUALS;
	return (pr->value = read_literal(s)) != NULL;
}

/* An element step at *s: a name or '*', then its predicates. */
static int read_step(const char **s, struct path_step *st)
{
	struct path_pred pr;

	memset(st, 0, sizeof(*st));
	if (**s == '*')
		(*s)++;
	else if ((st->name = read_name(s)) == NULL)
		return 0;
	while (**s == '[') {
		(*s)++;
		if (!read_pred(s, &pr)) {
			free(pr.name);
			free(pr.value);
			return 0;
		}
		skip_blanks(s);
		st->preds = xreallocarray(st->preds, st->npreds + 1, sizeof(*st->preds));
		st->preds[st->npreds++] = pr;
		if (*(*s)++ != ']')
			return 0;
	}
	return 1;
}

/* How the path starts: "//", "/", ".//", "./" or a bare step; *s past it. */
static void read_start(const char **s, struct board_path *p)
{
	if (strncmp(*s, "//", 2) == 0 || strncmp(*s, ".//", 3) == 0) {
		p->absolute = **s == '/';
		*s += p->absolute ? 2 : 3;
		p->desc = 0;
	} else if (**s == '/' || strncmp(*s, "./", 2) == 0) {
		p->absolute = **s == '/';
		*s += p->absolute ? 1 : 2;
	}
}

static int read_path(const char *s, struct board_path *p)
{
	struct path_step st;

	p->desc = (size_t)-1;
	read_start(&s, p);
	for (;;) {
		if (*s == '@') {
			s++;
			p->attr = read_name(&s);
			return p->attr != NULL && *s == '\0' && p->desc != p->nsteps;
		}
		if (!read_step(&s, &st)) {
			steps_free(&st, 1);
			return 0;
		}
		p->steps = xreallocarray(p->steps, p->nsteps + 1, sizeof(*p->steps));
		p->steps[p->nsteps++] = st;
		if (*s == '\0')
			return 1;
		if (*s++ != '/')
			return 0;
		if (*s == '/') {
			if (p->desc != (size_t)-1)
				return 0;	/* a second "//": XPath's */
			p->desc = p->nsteps;
			s++;
		}
	}
}

void board_path_free(struct board_path *p)
{
	if (p == NULL)
		return;
	steps_free(p->steps, p->nsteps);
	free(p->steps);
	free(p->attr);
	free(p);
}

struct board_path *board_path_compile(const char *text)
{
	struct board_path *p = xcalloc(1, sizeof(*p));

	if (!read_path(text, p) || p->nsteps + (p->attr != NULL) == 0) {
		board_path_free(p);
		return NULL;
	}
	if (p->desc == (size_t)-1)
		p->desc = p->nsteps;
	return p;
}

/* XPath's attribute name test: the name, and no namespace prefix. */
static int attr_named(const xmlAttr *a, const char *name)
{
	return (a->ns == NULL || a->ns->prefix == NULL) &&
	       strcmp((const char *)a->name, name) == 0;
}

/* Is the attribute's string value v?  (A lone text child is read in place.) */
static int attr_value_is(xmlAttr *a, const char *v)
{
	xmlChar *content;
	int eq;

	if (a->children != NULL && a->children->next == NULL &&
	    a->children->type == XML_TEXT_NODE && a->children->content != NULL)
		return strcmp((const char *)a->children->content, v) == 0;
	content = xmlNodeGetContent((xmlNode *)a);
	eq = strcmp(content ? (const char *)content : "", v) == 0;
	xmlFree(content);
	return eq;
}

static int pred_holds(const xmlNode *n, const struct path_pred *pr)
{
	xmlAttr *a;

	if (pr->kind == PRED_HAS_CLASS)
		return html_has_class(n, pr->value);
	for (a = n->properties; a != NULL; a = a->next)
		if (attr_named(a, pr->name) && (pr->kind == PRED_HAS_ATTR || attr_value_is(a, pr->value)))
			return 1;
	return 0;
}

static int step_matches(const xmlNode *n, const struct path_step *st)
{
	size_t i;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	/* The first byte first: most elements of a page differ there already. */
	if (st->name != NULL && (n->ns != NULL || n->name[0] != (xmlChar)st->name[0] ||
				 strcmp((const char *)n->name, st->name) != 0))
		return 0;
	for (i = 0; i < st->npreds; i++)
		if (!pred_holds(n, &st->preds[i]))
			return 0;
	return 1;
}

struct path_run {
	const struct board_path *p;
	struct board_nodes *out;
	unsigned long visits, budget;	/* budget 0: no limit */
};

/* Count a node visited; 0 once the budget is spent. */
static int tick(struct path_run *r)
{
	r->visits++;
	return r->budget == 0 || r->visits <= r->budget;
}

static void push(struct board_nodes *out, xmlNode *n)
{
	if (out->n == out->alloc) {
		out->alloc = out->alloc ? out->alloc * 2 : 16;
		out->v = xreallocarray(out->v, out->alloc, sizeof(*out->v));
	}
	out->v[out->n++] = n;
}

/* An element the steps selected: itself, or its attributes of the last step's name. */
static void emit(struct path_run *r, xmlNode *n)
{
	xmlAttr *a;

	if (r->p->attr == NULL) {
		push(r->out, n);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;		/* a document has no attributes */
	for (a = n->properties; a != NULL; a = a->next)
		if (attr_named(a, r->p->attr))
			push(r->out, (xmlNode *)a);
}

/* Do n and its ancestors match the steps after "//", the topmost below top? */
static int matches_up(const struct path_run *r, const xmlNode *n, const xmlNode *top)
{
	size_t k = r->p->nsteps;

	while (k > r->p->desc) {
		k--;
		if (n == NULL || n == top || !step_matches(n, &r->p->steps[k]))
			return 0;
		n = n->parent;
	}
	return 1;
}

/*
 * The steps after "//" below top: every element of top's subtree in
 * document order, kept when it and its ancestors match them.  One pass in
 * document order, so nested matches come out in XPath's order.
 */
static int descend(struct path_run *r, xmlNode *top)
{
	xmlNode *n = top->children;

	while (n != NULL) {
		if (!tick(r))
			return 0;
		if (n->type == XML_ELEMENT_NODE && matches_up(r, n, top))
			emit(r, n);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == top)
				return 1;
		}
		n = n->next;
	}
	return 1;
}

/* Steps i on from ctx: child steps up to "//", then descend. */
static int walk(struct path_run *r, xmlNode *ctx, size_t i)
{
	xmlNode *c;

	if (i == r->p->nsteps) {
		emit(r, ctx);
		return 1;
	}
	if (i == r->p->desc)
		return descend(r, ctx);
	for (c = ctx->children; c != NULL; c = c->next) {
		if (!tick(r))
			return 0;
		if (step_matches(c, &r->p->steps[i]) && !walk(r, c, i + 1))
			return 0;
	}
	return 1;
}

int board_path_eval(const struct board_path *p, xmlNode *node, struct board_nodes *out,
		    unsigned long *ops, unsigned long limit)
{
	struct path_run r = { p, out, 0, 0 };
	int ok;

	out->n = 0;
	if (limit != 0 && *ops >= limit)
		return -1;
	r.budget = limit != 0 ? limit - *ops : 0;
	if (p->absolute)
		node = (xmlNode *)node->doc;
	ok = node != NULL && (node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE ||
			      node->type == XML_HTML_DOCUMENT_NODE) ? walk(&r, node, 0) : 1;
	*ops += r.visits;
	if (!ok)
		out->n = 0;
	return ok ? 0 : -1;
}
