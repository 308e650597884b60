/*
 * extract-hn.c - Hacker News "Ask HN: Who is hiring?" threads: each
 * top-level comment is one job ad in free text, read by extract-hn-read.c.
 *
 * HN's comment table: every comment is a row whose first cell indents it
 * (an <img src="s.gif" width=N>, or on newer pages <td class="ind"
 * indent="N">); width 0 is a top-level comment, anything else a reply.  The
 * comment's header (class "comhead") holds its permalink "item?id=N" and
 * "[dead]" or "[flagged]" when HN hides it; its text is the element with
 * class "comment" (class "commtext" on newer pages).
 *
 * Only replies and dead, deleted or flagged comments are left aside here;
 * an ad that names no role gives no posting (every posting needs a title),
 * and the page says how many such ads it skipped in one warning.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract-hn-internal.h"
#include "extract-internal.h"
#include "html.h"
#include "xalloc.h"

static int is_tag(const xmlNode *n, const char *tag)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, (const xmlChar *)tag) == 0;
}

static int contains_nocase(const char *s, const char *what)
{
	size_t n = strlen(what);

	for (; s != NULL && *s; s++)
		if (strncasecmp(s, what, n) == 0)
			return 1;
	return 0;
}

/* Is the URL's host news.ycombinator.com? */
static int hn_host(const char *url)
{
	static const char host[] = "news.ycombinator.com";
	const char *s = url ? strstr(url, "://") : NULL;

	if (s == NULL)
		return 0;
	s += 3;
	return strncasecmp(s, host, sizeof(host) - 1) == 0 &&
	       strchr("/:?#", s[sizeof(host) - 1]) != NULL;
}

/*
 * Is this a hiring thread of HN?  Its URL or its own title says HN; a page
 * titled as another thread ("Ask HN: Freelancer?") is not read, while the
 * "more comments" pages of a thread carry no thread title and count when
 * their URL is HN's.
 */
static int hn_hiring_page(xmlNode *root, const struct page_scan *scan)
{
	xmlNode *t = root ? html_find_tag(root, "title") : NULL;
	char *title = t ? html_text(t) : NULL;
	int hiring = contains_nocase(title, "who is hiring") ||
		     contains_nocase(title, "who's hiring");
	int ok;

	if (hn_host(scan->url) || hn_host(scan->base))
		ok = hiring || title == NULL || contains_nocase(title, "more comments");
	else
		ok = hiring && contains_nocase(title, "Hacker News");
	free(title);
	return ok;
}

/* The nearest enclosing table row. */
static xmlNode *row_of(xmlNode *n)
{
	for (n = n->parent; n != NULL && !is_tag(n, "tr"); n = n->parent)
		;
	return n;
}

static xmlNode *first_cell(xmlNode *row)
{
	xmlNode *c;

	for (c = row->children; c != NULL; c = c->next)
		if (is_tag(c, "td"))
			return c;
	return NULL;
}

/* The comment's indent in HN's pixels, or -1 when the row shows none. */
static long comment_indent(xmlNode *row)
{
	xmlNode *cell = row ? first_cell(row) : NULL, *img;
	char *v = NULL, *end;
	long indent = -1;

	if (cell == NULL)
		return -1;
	v = html_attr(cell, "indent");
	if (v == NULL && (img = is_tag(cell->children, "img") ? cell->children
							      : html_find_tag(cell, "img")) != NULL)
		v = html_attr(img, "width");
	if (v != NULL) {
		indent = strtol(v, &end, 10);
		if (end == v || *end != '\0' || indent < 0)
			indent = -1;
	}
	free(v);
	return indent;
}

/* The comment's id from its permalink "item?id=N" in the header. */
static char *comment_id(xmlNode *head)
{
	xmlNode *a;
	char *href, *id = NULL;

	for (a = html_find_tag(head, "a"); a != NULL && id == NULL; a = a->next) {
		if (!is_tag(a, "a"))
			continue;
		href = html_attr(a, "href");
		if (href != NULL && strncmp(href, "item?id=", 8) == 0 &&
		    href[8] != '\0' && strspn(href + 8, "0123456789") == strlen(href + 8))
			id = xstrdup(href + 8);
		free(href);
	}
	return id;
}

/* Permalinks sit in the header's own children on old pages and inside its
 * "age" span on newer ones. */
static char *find_comment_id(xmlNode *head)
{
	char *id = comment_id(head);
	xmlNode *age;

	if (id == NULL && (age = html_find_class(head, "age")) != NULL)
		id = comment_id(age);
	return id;
}

/* Text of a comment: paragraphs (<p>, <br>, <pre>) and the author's own
 * line breaks become lines; the reader splits it. */
static void comment_text(const xmlNode *node, struct buf *b)
{
	const xmlNode *c;

	for (c = node; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			buf_appends(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			int block = is_tag(c, "p") || is_tag(c, "br") || is_tag(c, "pre") ||
				    is_tag(c, "div");

			if (block)
				buf_appends(b, "\n");
			comment_text(c->children, b);
		}
	}
}

static int is_hidden_comment(xmlNode *head, const char *text)
{
	char *h = html_text(head);
	int hidden = contains_nocase(h, "[dead]") || contains_nocase(h, "[flagged]") ||
		     strncmp(text, "[deleted]", 9) == 0 || strncmp(text, "[dead]", 6) == 0;

	free(h);
	return hidden;
}

struct hn_walk {
	const struct page_scan *scan;
	struct extract_result *r;
	size_t unnamed;		/* top-level comments that name no role */
};

static void ad_posting(struct hn_walk *w, const char *id, char *text)
{
	struct hn_ad ad;
	struct raw_posting *p;
	char *href;

	hn_read_ad(text, &ad);
	if (ad.title == NULL) {
		hn_ad_release(&ad);
		free(text);
		w->unnamed++;
		return;
	}
	p = extract_result_add(w->r);
	p->strategy = "hn";
	p->title = ad.title;
	p->company = ad.company;
	p->location = ad.location;
	p->remote = ad.arrangement ? xstrdup(ad.arrangement) : NULL;
	p->employment_type = ad.type ? xstrdup(ad.type) : NULL;
	p->description = text;
	/* a saved copy (file://, another mirror) still links to HN itself */
	href = xasprintf("item?id=%s", id);
	p->url = html_resolve(href, hn_host(w->scan->base) ? w->scan->base
							   : "https://news.ycombinator.com/");
	p->external_id = xstrdup(id);
	free(href);
}

/* One comment text element: a posting when it is a live top-level ad.
 * ad_posting takes the text. */
static void read_comment(struct hn_walk *w, xmlNode *comment)
{
	xmlNode *row = row_of(comment), *head = row ? html_find_class(row, "comhead") : NULL;
	struct buf b = BUF_INIT;
	char *id, *text;

	if (head == NULL || comment_indent(row) != 0 || (id = find_comment_id(head)) == NULL)
		return;
	comment_text(comment->children, &b);
	text = buf_detach(&b);
	if (is_hidden_comment(head, text))
		free(text);
	else
		ad_posting(w, id, text);
	free(id);
}

static void walk(struct hn_walk *w, xmlNode *node)
{
	xmlNode *c;

	for (c = node; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (html_has_class(c, "comment") || html_has_class(c, "commtext"))
			read_comment(w, c);
		else
			walk(w, c->children);
	}
}

void hn_extract(xmlNode *root, const struct page_scan *scan, struct extract_result *r)
{
	struct hn_walk w = { scan, r, 0 };

	if (root == NULL || !hn_hiring_page(root, scan))
		return;
	walk(&w, root);
	if (w.unnamed > 0)
		extract_result_warn(r, "'%s': %zu top-level Hacker News comment%s name%s no role, "
				    "skipped", scan->url ? scan->url : "page", w.unnamed,
				    w.unnamed == 1 ? "" : "s", w.unnamed == 1 ? "s" : "");
}
