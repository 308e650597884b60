/*
 * extract-rules.c - postings read by a board's rules (board.h): the first
 * layout of the first board that matches the page.  Boards that serve the
 * page's host are tried first; when none does (a saved file, a board on a
 * new domain), every board is tried by its layouts' match rules alone.
 * JSON layouts are read by extract-rules-json.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>
#include <libxml/xpathInternals.h>

#include "buf.h"
#include "extract-internal.h"
#include "html.h"
#include "xalloc.h"

/*
 * XPath operations one page may cost: real rules on a 700 KB page take a
 * few hundred thousand; a rule that would explode (a descendant search nested in one per node) stops
 * here with a warning instead of running for minutes.
 */
#define RULES_MAX_OPS 50000000UL
/* More postings than any listing page shows; beyond, a rule is wrong. */
#define RULES_MAX_POSTINGS 10000

/* has-class('x'): is x one of the context element's class tokens? */
static void xpath_has_class(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlNodePtr n;
	xmlChar *cls;
	int has;

	CHECK_ARITY(1);
	cls = xmlXPathPopString(ctxt);
	n = ctxt->context->node;
	has = n != NULL && n->type == XML_ELEMENT_NODE && cls != NULL &&
	      html_has_class(n, (const char *)cls);
	xmlFree(cls);
	valuePush(ctxt, xmlXPathNewBoolean(has));
}

/* Evaluation errors (a function no one registered) are not printed. */
static void ignore_xpath_error(void *data, xmlErrorPtr e)
{
	(void)data;
	(void)e;
}

static void ignore_generic_error(void *data, const char *fmt, ...)
{
	(void)data;
	(void)fmt;
}

void rules_quiet(int on)
{
	/* Some XPath errors bypass the context's handler ("function not found"). */
	xmlSetGenericErrorFunc(NULL, on ? ignore_generic_error : NULL);
}

xmlXPathContextPtr rules_context(xmlDocPtr doc)
{
	xmlXPathContextPtr x = xmlXPathNewContext(doc);

	if (x == NULL)
		xalloc_die();
	xmlXPathRegisterFunc(x, (const xmlChar *)"has-class", xpath_has_class);
	x->error = ignore_xpath_error;
	x->opLimit = RULES_MAX_OPS;
	return x;
}

xmlXPathObjectPtr rules_eval(xmlXPathContextPtr x, const struct board_expr *e, xmlNodePtr node)
{
	x->node = node;
	return xmlXPathCompiledEval(e->xpath, x);
}

static char *node_text(xmlNodePtr n)
{
	xmlChar *c;
	char *s;

	if (n->type == XML_ELEMENT_NODE)
		return html_text(n);
	c = xmlNodeGetContent(n);
	s = c ? xstrdup((const char *)c) : NULL;
	xmlFree(c);
	if (s != NULL)
		text_collapse(s);
	return s;
}

/* The text of nodes: the first node's, or with all, every node's a line each. */
static char *nodes_text(xmlNodePtr *v, int n, int all)
{
	struct buf b = BUF_INIT;
	char *first = NULL, *s;
	int i;

	/* The first text that is not empty is returned as it is when no other
	 * follows (one node, or not all): joined only when there are two. */
	for (i = 0; i < n && (first == NULL || all); i++) {
		if ((s = node_text(v[i])) == NULL)
			continue;
		if (first == NULL && *s == '\0') {
			free(s);
			continue;
		}
		if (first == NULL) {
			first = s;
			continue;
		}
		if (b.len == 0)
			buf_append(&b, first, strlen(first));
		buf_append(&b, "\n", 1);
		buf_append(&b, s, strlen(s));
		free(s);
	}
	if (b.len == 0)
		return first;
	free(first);
	return buf_detach(&b);
}

/* A result's text, as nodes_text; a string, number or boolean as its string. */
static char *object_text(xmlXPathObjectPtr o, int all)
{
	xmlChar *c;
	char *s;

	if (o == NULL)
		return NULL;
	if (o->type != XPATH_NODESET) {
		c = xmlXPathCastToString(o);
		s = xstrdup(c ? (const char *)c : "");
		xmlFree(c);
		text_collapse(s);
		return *s ? s : (free(s), NULL);
	}
	return o->nodesetval != NULL ? nodes_text(o->nodesetval->nodeTab, o->nodesetval->nodeNr, all)
				     : NULL;
}

/*
 * The nodes of e's simple path (board-path.c) at node, counted against the
 * page's XPath step limit like XPath's own steps; -1 when over it.
 */
static int path_nodes(xmlXPathContextPtr x, const struct board_expr *e, xmlNodePtr node,
		      struct board_nodes *out)
{
	unsigned long ops = x->opCount;
	int rc = board_path_eval(e->path, node, out, &ops, x->opLimit);

	x->opCount = ops;
	return rc;
}

char *rules_expr_text(xmlXPathContextPtr x, const struct board_expr *e, xmlNodePtr node, int all)
{
	xmlXPathObjectPtr o;
	char *s = NULL;

	if (e->path != NULL) {
		struct board_nodes nodes = { NULL, 0, 0 };

		if (path_nodes(x, e, node, &nodes) == 0)
			s = nodes_text(nodes.v, (int)nodes.n, all);
		free(nodes.v);
		return s;
	}
	o = rules_eval(x, e, node);
	s = object_text(o, all);
	xmlXPathFreeObject(o);
	return s;
}

/* The first of a field's expressions that gives a value. */
static char *field_text(xmlXPathContextPtr x, const struct board_rule *r, xmlNodePtr node,
			int all)
{
	size_t i;
	char *s = NULL;

	for (i = 0; i < r->n && s == NULL; i++)
		s = rules_expr_text(x, &r->v[i], node, all);
	return s;
}

/* Do all of the layout's match rules hold on the page? */
static int layout_matches(xmlXPathContextPtr x, const struct board_layout *l, xmlNodePtr root)
{
	size_t i;
	int ok = 1;

	for (i = 0; i < l->match.n && ok; i++) {
		const struct board_expr *e = &l->match.v[i];
		struct board_nodes nodes = { NULL, 0, 0 };
		xmlXPathObjectPtr o;

		if (e->path != NULL) {
			ok = path_nodes(x, e, root, &nodes) == 0 && nodes.n > 0;
			free(nodes.v);
			continue;
		}
		o = rules_eval(x, e, root);
		ok = o != NULL && xmlXPathCastToBoolean(o);
		xmlXPathFreeObject(o);
	}
	return ok;
}

static void posting_from_node(xmlXPathContextPtr x, const struct board_layout *l,
			      xmlNodePtr node, const char *base, struct raw_posting *p)
{
	char *f[BOARD_NFIELDS];
	int i;

	for (i = 0; i < BOARD_NFIELDS; i++)
		f[i] = field_text(x, &l->field[i], node, i == BF_DESCRIPTION);
	rules_fill(p, f, base);
}

void rules_fill(struct raw_posting *p, char **f, const char *base)
{
	p->strategy = "rules";
	p->title = f[BF_TITLE];
	p->company = f[BF_COMPANY];
	p->location = f[BF_LOCATION];
	p->salary_text = f[BF_SALARY];
	p->level = f[BF_LEVEL];
	p->employment_type = f[BF_TYPE];
	p->remote = f[BF_REMOTE];
	p->country = f[BF_COUNTRY];
	p->posted = f[BF_POSTED];
	p->url = html_resolve(f[BF_URL], base);
	free(f[BF_URL]);
	p->external_id = f[BF_ID];
	p->description = f[BF_DESCRIPTION];
}

void rules_add(struct extract_result *r, const struct page_scan *scan, struct raw_posting *p,
	       const struct board *b, size_t i)
{
	if (p->title == NULL) {
		extract_result_warn(r, "'%s': board '%s' posting %zu has no title, skipped",
				    scan->url ? scan->url : "page", b->name, i + 1);
		r->skipped++;
		raw_posting_release(p);
		return;
	}
	*extract_result_add(r) = *p;
}

/* The posting nodes of the layout (XPath's node set, or the simple path's). */
static xmlNodePtr *posting_nodes(xmlXPathContextPtr x, const struct board_layout *l,
				 xmlXPathObjectPtr *o, struct board_nodes *nodes, int *n)
{
	const struct board_expr *e = &l->posting.v[0];
	xmlNodeSetPtr set;

	*o = NULL;
	*n = 0;
	if (e->path != NULL) {
		if (path_nodes(x, e, (xmlNodePtr)x->doc, nodes) == 0)
			*n = (int)nodes->n;
		return nodes->v;
	}
	*o = rules_eval(x, e, (xmlNodePtr)x->doc);
	set = *o && (*o)->type == XPATH_NODESET ? (*o)->nodesetval : NULL;
	*n = set ? set->nodeNr : 0;
	return set ? set->nodeTab : NULL;
}

static void html_layout(xmlXPathContextPtr x, const struct board *b, const struct board_layout *l,
			const struct page_scan *scan, struct extract_result *r)
{
	struct board_nodes nodes = { NULL, 0, 0 };
	xmlXPathObjectPtr o;
	int i, n;
	xmlNodePtr *set = posting_nodes(x, l, &o, &nodes, &n);

	if (n > RULES_MAX_POSTINGS) {
		extract_result_warn(r, "'%s': board '%s' finds %d postings; only the first %d are read",
				    scan->url ? scan->url : "page", b->name, n, RULES_MAX_POSTINGS);
		n = RULES_MAX_POSTINGS;
	}
	for (i = 0; i < n; i++) {
		struct raw_posting p;

		raw_posting_init(&p);
		posting_from_node(x, l, set[i], scan->base, &p);
		rules_add(r, scan, &p, b, (size_t)i);
	}
	xmlXPathFreeObject(o);
	free(nodes.v);
}

/* The layout's next-page link, resolved, when the page gives none by rel=next. */
static void next_link(xmlXPathContextPtr x, const struct board_layout *l,
		      const struct page_scan *scan, struct extract_result *r)
{
	char *href;

	if (r->next_url != NULL || scan->next_href != NULL || l->next.n == 0)
		return;
	href = field_text(x, &l->next, (xmlNodePtr)x->doc, 0);
	r->next_url = html_resolve(href, scan->base);
	free(href);
}

static char *page_host(const char *url)
{
	xmlURIPtr u = url ? xmlParseURI(url) : NULL;
	char *host = u && u->server ? xstrdup(u->server) : NULL;

	xmlFreeURI(u);
	return host;
}

/* The first layout of b that holds on the page, or NULL. */
static const struct board_layout *matching_layout(xmlXPathContextPtr x, const struct board *b)
{
	size_t i;

	for (i = 0; i < b->nlayouts; i++)
		if (layout_matches(x, &b->layouts[i], (xmlNodePtr)x->doc))
			return &b->layouts[i];
	return NULL;
}

/* Try the boards for which want(board) holds; 1 when one read the page. */
static int try_boards(xmlXPathContextPtr x, const struct board_set *boards, const char *host,
		      int serving, const struct page_scan *scan, struct extract_result *r)
{
	const struct board_layout *l;
	size_t i;

	for (i = 0; i < boards->n; i++) {
		const struct board *b = &boards->v[i];

		if (!boards->any_host && (host != NULL && board_serves_host(b, host)) != serving)
			continue;
		if ((l = matching_layout(x, b)) == NULL)
			continue;
		if (l->json.n > 0)
			rules_json_layout(x, b, l, scan, r);
		else
			html_layout(x, b, l, scan, r);
		next_link(x, l, scan, r);
		return 1;
	}
	return 0;
}

void rules_extract(xmlDocPtr doc, const struct page_scan *scan, const struct board_set *boards,
		   struct extract_result *r)
{
	xmlXPathContextPtr x;
	char *host;

	if (boards == NULL || boards->n == 0 || doc == NULL)
		return;
	x = rules_context(doc);
	host = page_host(scan->url);
	rules_quiet(1);
	if (!try_boards(x, boards, host, 1, scan, r) && !boards->any_host)
		try_boards(x, boards, host, 0, scan, r);
	rules_quiet(0);
	if (x->opCount >= RULES_MAX_OPS)
		extract_result_warn(r, "'%s': board rules stopped after %lu XPath steps; "
				    "postings may be missing", scan->url ? scan->url : "page",
				    RULES_MAX_OPS);
	free(host);
	xmlXPathFreeContext(x);
}
