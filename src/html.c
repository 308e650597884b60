/* html.c - libxml2 HTML helpers: parse, text, classes, links. */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <libxml/xmlversion.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "html.h"
#include "xalloc.h"

/* No network, no warnings on stderr (stages never print), keep going. */
#define PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
		       HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT)

/*
 * libxml2's limit on element nesting without XML_PARSE_HUGE.  HUGE is left
 * off on purpose: it also lifts the limits on text and name sizes, and the
 * tree walks here recurse once per level.
 */
#define HTML_DEPTH_LIMIT 256

/* Depth of the deepest element below node (node at depth 1). */
static int tree_depth(const xmlNode *node)
{
	const xmlNode *c;
	int d, max = 0;

	for (c = node; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		d = 1 + tree_depth(c->children);
		if (d > max)
			max = d;
	}
	return max;
}

/*
 * The first error libxml2 raised outside the parser context during a parse.
 * Encoding errors (a byte that is not valid in the page's declared charset)
 * are raised that way, with no context, so HTML_PARSE_NOERROR does not
 * silence them and by default they go to stderr; stages never print.
 */
struct parse_errors {
	char *first;
	int encoding;		/* an input conversion failed */
};

static void capture_error(void *ctx, const xmlError *e)
{
	struct parse_errors *pe = ctx;

	if (e->domain == XML_FROM_I18N || e->domain == XML_FROM_IO)
		pe->encoding = 1;
	if (pe->first == NULL && e->message != NULL) {
		pe->first = xstrdup(e->message);
		text_collapse(pe->first);	/* libxml2's messages end in a newline */
	}
}

/* libxml2 2.12 made the handler's error argument const. */
#if LIBXML_VERSION >= 21200
static void capture_error_cb(void *ctx, const xmlError *e)
#else
static void capture_error_cb(void *ctx, xmlErrorPtr e)
#endif
{
	capture_error(ctx, e);
}

/*
 * Why libxml2 stopped before the end of the page, allocated, or NULL when it
 * read it all.  In recovery mode only a halt (the depth limit, a byte the
 * declared charset cannot decode, out of memory) disables the SAX callbacks;
 * everything after that point is missing from the tree.
 */
static char *stop_reason(htmlParserCtxtPtr ctxt, htmlDocPtr doc, const struct parse_errors *pe)
{
	const xmlError *e;
	const char *enc = ctxt->input != NULL && ctxt->input->encoding != NULL ?
			  (const char *)ctxt->input->encoding : NULL;
	char *detail, *msg;

	if (!ctxt->disableSAX && !pe->encoding)
		return NULL;
	if (doc != NULL && tree_depth(xmlDocGetRootElement(doc)) >= HTML_DEPTH_LIMIT)
		return xasprintf("page nests elements deeper than %d levels", HTML_DEPTH_LIMIT);
	if (pe->encoding)
		return xasprintf("page is not valid in its declared charset%s%s%s (%s)",
				 enc ? " (" : "", enc ? enc : "", enc ? ")" : "",
				 pe->first ? pe->first : "input conversion failed");
	e = xmlCtxtGetLastError(ctxt);
	detail = xstrdup(e != NULL && e->message != NULL ? e->message :
			 pe->first ? pe->first : "no reason given");
	text_collapse(detail);
	msg = xasprintf("HTML parser stopped early (%s)", detail);
	free(detail);
	return msg;
}

htmlDocPtr html_parse(const char *data, size_t len, const char *url, char **stopped)
{
	return html_parse_checked(data, len, utf8_valid_prefix(data, len), url, stopped);
}

htmlDocPtr html_parse_checked(const char *data, size_t len, size_t utf8_prefix_len,
			      const char *url, char **stopped)
{
	/*
	 * libxml2 assumes ISO-8859-1 when a page declares no charset; real pages
	 * that are valid UTF-8 are UTF-8, so say so and leave the rest to the
	 * page's own declaration.
	 */
	const char *encoding = utf8_prefix_len == len ? "UTF-8" : NULL;
	struct parse_errors errors = { NULL, 0 };
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;

	if (stopped != NULL)
		*stopped = NULL;
	if (len > (size_t)INT_MAX)
		return NULL;
	/* A context of our own, so its errors can be read after the parse. */
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	/* libxml2 keeps this handler per thread; put back the default after. */
	xmlSetStructuredErrorFunc(&errors, capture_error_cb);
	doc = htmlCtxtReadMemory(ctxt, data, (int)len, url, encoding, PARSE_OPTIONS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (stopped != NULL)
		*stopped = stop_reason(ctxt, doc, &errors);
	free(errors.first);
	htmlFreeParserCtxt(ctxt);
	return doc;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/*
 * Collapse runs of blanks into one space and drop blanks at the ends, in
 * place; with keep_lines, also at the ends of each line, and newlines stay
 * (runs of them, one newline).
 */
static void collapse(char *s, int keep_lines)
{
	char *w = s;
	const char *r = s;
	int space = 0, line = 0;

	for (;;) {
		const char *run = r;

		/* Most bytes are neither blanks (all at or below ' ') nor the lead
		 * byte of a no-break space: find where they stop, then move the
		 * run at once (not at all while nothing was dropped before it). */
		while ((unsigned char)*r > ' ' && (unsigned char)*r != 0xC2)
			r++;
		if (r > run) {
			if (line || space)
				*w++ = line ? '\n' : ' ';
			line = space = 0;
			if (w != run)
				memmove(w, run, (size_t)(r - run));
			w += r - run;
		}
		if (*r == '\0')
			break;
		if (*r == '\n' && keep_lines) {
			line = w != s;
		} else if ((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xA0) {
			/* U+00A0 NO-BREAK SPACE counts as a space in page text. */
			r++;
			space = w != s;
		} else if (is_space((unsigned char)*r)) {
			space = w != s;
		} else {
			if (line || space)
				*w++ = line ? '\n' : ' ';
			line = space = 0;
			*w++ = *r;
		}
		r++;
	}
	*w = '\0';
}

void text_collapse(char *s)
{
	collapse(s, 0);
}

static char *collapsed_or_null(char *s)
{
	if (s == NULL)
		return NULL;
	text_collapse(s);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/*
 * Append the text xmlNodeGetContent gives for the element top: its text
 * and CDATA descendants' in document order (an entity reference's as
 * libxml2 reads it), walked as libxml2 walks them.  Straight into b: not
 * into libxml2's buffer first and then copied.
 */
static void append_content(const xmlNode *top, struct buf *b)
{
	const xmlNode *n = top;

	while (n != NULL) {
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
		    n->content != NULL) {
			buf_appends(b, (const char *)n->content);
		} else if (n->type == XML_ENTITY_REF_NODE) {
			xmlChar *c = xmlNodeGetContent(n);

			if (c != NULL)
				buf_appends(b, (const char *)c);
			xmlFree(c);
		}
		if (n->children != NULL && n->children->type != XML_ENTITY_DECL) {
			n = n->children;
			continue;
		}
		if (n == top)
			break;
		while (n != NULL && n->next == NULL)
			n = n->parent == top ? NULL : n->parent;
		if (n != NULL)
			n = n->next;
	}
}

char *html_text(const xmlNode *node)
{
	xmlChar *content;
	char *s;

	if (node != NULL && node->type == XML_ELEMENT_NODE) {
		struct buf b = BUF_INIT;

		append_content(node, &b);
		if (b.len > 0)
			text_collapse(b.data);
		if (b.len > 0 && *b.data != '\0')
			return buf_detach(&b);
		buf_release(&b);
		return NULL;
	}
	content = xmlNodeGetContent(node);
	if (content == NULL)
		return NULL;
	/* Collapsed in libxml2's buffer first: the copy is of the shorter text. */
	text_collapse((char *)content);
	s = *content ? xstrdup((const char *)content) : NULL;
	xmlFree(content);
	return s;
}

char *html_fragment_text(const char *fragment)
{
	htmlDocPtr doc;
	xmlNode *root;
	char *s = NULL;

	if (fragment == NULL)
		return NULL;
	if (strchr(fragment, '<') == NULL && strchr(fragment, '&') == NULL)
		return collapsed_or_null(xstrdup(fragment));
	doc = html_parse(fragment, strlen(fragment), NULL, NULL);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root != NULL)
		s = html_text(root);
	xmlFreeDoc(doc);
	return s;
}

/* Elements that stand on lines of their own in block text. */
static int is_block(const xmlNode *n)
{
	static const char *const blocks[] = {
		"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "h1",
		"h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
		"blockquote", "pre", "hr",
	};
	size_t i;

	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (xmlStrcasecmp(n->name, (const xmlChar *)blocks[i]) == 0)
			return 1;
	return 0;
}

static int is_hidden(const xmlNode *n)
{
	return xmlStrcasecmp(n->name, (const xmlChar *)"script") == 0 ||
	       xmlStrcasecmp(n->name, (const xmlChar *)"style") == 0;
}

/* Text of the nodes from node on, a newline around each block element;
 * newlines in the text itself are spaces, as HTML shows them, unless
 * text_lines (a fragment with no tags). */
static void block_text(const xmlNode *node, int text_lines, struct buf *b)
{
	const xmlNode *c;
	size_t from;

	for (c = node; c != NULL; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content != NULL) {
			from = b->len;
			buf_appends(b, (const char *)c->content);
			for (; from < b->len && !text_lines; from++)
				if (b->data[from] == '\n')
					b->data[from] = ' ';
		} else if (c->type == XML_ELEMENT_NODE && !is_hidden(c)) {
			if (is_block(c))
				buf_appends(b, "\n");
			block_text(c->children, text_lines, b);
			if (is_block(c))
				buf_appends(b, "\n");
		}
	}
}

/* Does s hold something that looks like a tag: '<' before a letter or '/'? */
static int has_tag_text(const char *s)
{
	for (s = strchr(s, '<'); s != NULL; s = strchr(s + 1, '<'))
		if (isalpha((unsigned char)s[1]) || s[1] == '/' || s[1] == '!')
			return 1;
	return 0;
}

static char *blocks_once(const char *fragment)
{
	struct buf b = BUF_INIT;
	htmlDocPtr doc;
	char *s;
	int tags = has_tag_text(fragment);

	if (!tags && strchr(fragment, '&') == NULL) {
		s = xstrdup(fragment);
		collapse(s, 1);
		return s;
	}
	doc = html_parse(fragment, strlen(fragment), NULL, NULL);
	if (doc != NULL)
		block_text(doc->children, !tags, &b);
	xmlFreeDoc(doc);
	s = buf_detach(&b);
	collapse(s, 1);
	return s;
}

char *html_fragment_blocks(const char *fragment)
{
	char *s, *again;

	if (fragment == NULL)
		return NULL;
	s = blocks_once(fragment);
	if (has_tag_text(s)) {
		again = blocks_once(s);	/* escaped twice: "&lt;p&gt;" */
		free(s);
		s = again;
	}
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

int html_has_class(const xmlNode *node, const char *cls)
{
	xmlChar *value;
	const char *p;
	size_t n = strlen(cls);
	int found = 0;

	if (node->type != XML_ELEMENT_NODE)
		return 0;
	value = xmlGetProp(node, (const xmlChar *)"class");
	if (value == NULL)
		return 0;
	for (p = (const char *)value; *p && !found; ) {
		size_t len;

		while (is_space((unsigned char)*p))
			p++;
		for (len = 0; p[len] && !is_space((unsigned char)p[len]); len++)
			;
		found = len == n && memcmp(p, cls, n) == 0;
		p += len;
	}
	xmlFree(value);
	return found;
}

char *html_attr(const xmlNode *node, const char *name)
{
	xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
	char *s;

	if (value == NULL)
		return NULL;
	s = xstrdup((const char *)value);
	xmlFree(value);
	return s;
}

/* Depth-first search below node for the first element that satisfies pred. */
static xmlNode *find_below(xmlNode *node, int (*pred)(const xmlNode *, const char *),
			   const char *arg)
{
	xmlNode *c, *hit;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (pred(c, arg))
			return c;
		hit = find_below(c, pred, arg);
		if (hit != NULL)
			return hit;
	}
	return NULL;
}

static int has_tag(const xmlNode *node, const char *tag)
{
	return xmlStrcasecmp(node->name, (const xmlChar *)tag) == 0;
}

xmlNode *html_find_class(xmlNode *node, const char *cls)
{
	return find_below(node, html_has_class, cls);
}

xmlNode *html_find_tag(xmlNode *node, const char *tag)
{
	return find_below(node, has_tag, tag);
}

char *html_resolve(const char *href, const char *base)
{
	xmlChar *uri;
	char *s;

	if (href == NULL || *href == '\0')
		return NULL;
	if (base == NULL)
		return xstrdup(href);
	uri = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
	if (uri == NULL)
		return xstrdup(href);
	s = xstrdup((const char *)uri);
	xmlFree(uri);
	return s;
}
