/* extract.c - one walk over the page, then each strategy, then the merge. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract-internal.h"
#include "extract-scan.h"
#include "extract-schema.h"
#include "html.h"
#include "normalize.h"
#include "xalloc.h"

void extract_result_init(struct extract_result *r)
{
	memset(r, 0, sizeof(*r));
}

void extract_result_release(struct extract_result *r)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		raw_posting_release(&r->postings[i]);
	free(r->postings);
	for (i = 0; i < r->nwarnings; i++)
		free(r->warnings[i]);
	free(r->warnings);
	free(r->next_url);
	extract_result_init(r);
}

struct raw_posting *extract_result_add(struct extract_result *r)
{
	if (r->count == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 16;
		r->postings = xreallocarray(r->postings, r->alloc, sizeof(*r->postings));
	}
	raw_posting_init(&r->postings[r->count]);
	return &r->postings[r->count++];
}

void extract_result_warn(struct extract_result *r, const char *fmt, ...)
{
	va_list ap;

	r->warnings = xreallocarray(r->warnings, r->nwarnings + 1, sizeof(*r->warnings));
	va_start(ap, fmt);
	r->warnings[r->nwarnings++] = xvasprintf(fmt, ap);
	va_end(ap);
}

static int is_tag(const xmlNode *n, const char *tag)
{
	return xmlStrcasecmp(n->name, (const xmlChar *)tag) == 0;
}

static int attr_equals(const xmlNode *n, const char *name, const char *value)
{
	char *v = html_attr(n, name);
	int eq = v != NULL && strcasecmp(v, value) == 0;

	free(v);
	return eq;
}

/* One element's contribution to the scan; returns 1 to skip its subtree. */
static int scan_element(xmlNode *n, struct page_scan *scan)
{
	if (is_tag(n, "script") && attr_equals(n, "type", "application/ld+json")) {
		xmlChar *text = xmlNodeGetContent(n);

		scan->jsonld = xreallocarray(scan->jsonld, scan->njsonld + 1, sizeof(char *));
		scan->jsonld[scan->njsonld++] = xstrdup(text ? (const char *)text : "");
		xmlFree(text);
		return 1;
	}
	if (microdata_is_job(n)) {
		scan->microdata = xreallocarray(scan->microdata, scan->nmicrodata + 1,
						sizeof(xmlNode *));
		scan->microdata[scan->nmicrodata++] = n;
	}
	if (scan->next_href == NULL && (is_tag(n, "link") || is_tag(n, "a")) &&
	    attr_equals(n, "rel", "next"))
		scan->next_href = html_attr(n, "href");
	if (is_tag(n, "base") && scan->base == NULL) {
		char *href = html_attr(n, "href");

		scan->base = html_resolve(href, scan->url);
		free(href);
	}
	return 0;
}

static void scan_tree(xmlNode *node, struct page_scan *scan)
{
	xmlNode *c;

	for (c = node; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!scan_element(c, scan))
			scan_tree(c->children, scan);
	}
}

void page_scan_release(struct page_scan *scan)
{
	size_t i;

	for (i = 0; i < scan->njsonld; i++)
		free(scan->jsonld[i]);
	free(scan->jsonld);
	free(scan->microdata);
	free(scan->next_href);
	free(scan->base);
}

static int same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Same text, ignoring case; two NULLs count as the same (neither says). */
static int same_or_absent(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcasecmp(a, b) == 0;
}

/*
 * Does the rules posting describe the structured one's job?  The same url
 * or board id; else, for postings with neither in common, the same title
 * and company (a detail page's heading and its JSON-LD).
 */
static int same_job(const struct raw_posting *p, const struct raw_posting *q)
{
	if (same(p->url, q->url) || same(p->external_id, q->external_id))
		return 1;
	return p->title != NULL && q->title != NULL && strcasecmp(p->title, q->title) == 0 &&
	       (p->company == NULL || q->company == NULL || same_or_absent(p->company, q->company));
}

/*
 * schema.org's jobLocationType has TELECOMMUTE and no word for hybrid, so
 * employers of hybrid jobs write TELECOMMUTE; a board's own workplace type
 * that names hybrid ("Hybrid", Ashby's workplaceType) is the more precise.
 */
static int hybrid_refines(const char *structured, const char *board)
{
	struct location loc;

	if (structured == NULL || board == NULL || strcasecmp(structured, "TELECOMMUTE") != 0)
		return 0;
	location_parse(board, NULL, &loc);
	return loc.arrangement != NULL && strcmp(loc.arrangement, "hybrid") == 0;
}

/*
 * Move the rules posting's fields into the structured one wherever it has
 * none (and a hybrid workplace over TELECOMMUTE, see hybrid_refines).  The
 * board's own id wins: a JSON-LD identifier is often the employer's
 * requisition number, while a board's listing cards carry the board's id,
 * and one job must keep one identity on its board.
 */
static void fill_missing(struct raw_posting *to, struct raw_posting *from)
{
	if (from->external_id != NULL) {
		free(to->external_id);
		to->external_id = NULL;
	}
	if (hybrid_refines(to->remote, from->remote)) {
		free(to->remote);
		to->remote = NULL;
	}
	schema_fill_missing(to, from);
}

/*
 * A rules posting describing a structured posting's job completes it
 * instead of counting the job twice (each structured posting is completed
 * once); other rules postings are appended.
 */
static void merge_rules(struct extract_result *r, struct extract_result *rules)
{
	size_t i, j, nstructured = r->count;
	unsigned char *used = xcalloc(nstructured + 1, 1);

	for (i = 0; i < rules->count; i++) {
		struct raw_posting *card = &rules->postings[i];

		for (j = 0; j < nstructured; j++)
			if (!used[j] && same_job(&r->postings[j], card))
				break;
		if (j < nstructured) {
			used[j] = 1;
			fill_missing(&r->postings[j], card);
		} else {
			*extract_result_add(r) = *card;
			raw_posting_init(card);
		}
	}
	free(used);
	for (i = 0; i < rules->nwarnings; i++)
		extract_result_warn(r, "%s", rules->warnings[i]);
	r->skipped += rules->skipped;
	if (r->next_url == NULL) {
		r->next_url = rules->next_url;
		rules->next_url = NULL;
	}
}

/*
 * A JSON-LD posting no rules posting completed with a title cannot be reported or
 * matched to a role: drop it here, so crawl and parse agree on what a page
 * holds.  Postings keep their order.
 */
static void drop_untitled(struct extract_result *r, const char *url)
{
	size_t i, kept = 0;

	for (i = 0; i < r->count; i++) {
		struct raw_posting *p = &r->postings[i];

		if (p->title != NULL) {
			r->postings[kept++] = *p;
			continue;
		}
		extract_result_warn(r, "'%s': JSON-LD posting %s%s%shas no title, skipped",
				    url ? url : "page", p->external_id ? "'" : "",
				    p->external_id ? p->external_id : "",
				    p->external_id ? "' " : "");
		raw_posting_release(p);
		r->skipped++;
	}
	r->count = kept;
}

static int is_blank(const char *data, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r' && data[i] != '\n')
			return 0;
	return 1;
}

/*
 * Control bytes that text never holds (not tab, newline, form feed, CR), in
 * the first n bytes.
 */
static size_t control_bytes(const char *data, size_t n)
{
	size_t i, count = 0;
	unsigned char c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)data[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7f)
			count++;
	}
	return count;
}

/*
 * Why these bytes cannot be a web page (binary data, or no markup at the
 * start), or NULL.  Only the first 4 KB are looked at: enough for any real
 * page.  Binary data (an image, a zip, UTF-16) is more than 1 % control
 * bytes (random bytes are 13 %); a stray NUL or two in an HTML page's text
 * is not, and the page is still read.
 */
static const char *not_html(const char *data, size_t len)
{
	size_t n = len < 4096 ? len : 4096;

	if (memchr(data, '\0', n) != NULL && control_bytes(data, n) * 100 > n)
		return "binary data";
	if (memchr(data, '<', n) == NULL)
		return "no markup";
	return NULL;
}

/*
 * A page that declares UTF-8 but is not valid UTF-8: libxml2 reads it as
 * ISO-8859-1 from the first bad byte on, silently, so its text may be
 * garbled; say so.  (A page that declares no charset and is not UTF-8 is
 * read as ISO-8859-1 by HTML's default: no warning.)
 */
static void warn_not_utf8(const char *html, size_t len, size_t bad, htmlDocPtr doc,
			  const char *url, struct extract_result *out)
{
	const char *declared = (const char *)doc->encoding;

	if (declared == NULL || (strcasecmp(declared, "utf-8") != 0 && strcasecmp(declared, "utf8") != 0))
		return;
	if (bad == len)
		return;
	extract_result_warn(out, "'%s': page declares UTF-8 but is not valid UTF-8 (byte 0x%02x "
			    "at offset %zu); read as ISO-8859-1", url ? url : "page",
			    (unsigned char)html[bad], bad);
}

/*
 * The JSON-LD fast path (extract-scan.h): the page's ld+json blocks read
 * without a tree, when no other strategy could add to them.  What follows
 * is the tree path's own tail for such a page.
 */
static int extract_fast(const char *html, size_t len, const char *base_url,
			const struct board_set *boards, struct extract_result *out)
{
	struct page_scan scan;

	if (!scan_page(html, len, base_url, boards, &scan))
		return 0;
	if (base_url != NULL)
		scan.base = xstrdup(base_url);
	jsonld_extract(&scan, out);
	drop_untitled(out, base_url);
	if (scan.next_href != NULL) {
		free(out->next_url);
		out->next_url = html_resolve(scan.next_href, scan.base);
	}
	page_scan_release(&scan);
	return 1;
}

static int extract_html(const char *html, size_t len, const char *base_url,
			const struct board_set *boards, struct extract_result *out, char **err,
			int fast)
{
	struct page_scan scan = { 0 };
	struct extract_result rules;
	htmlDocPtr doc;
	const char *why;
	char *stopped;
	size_t utf8_len;

	scan.url = base_url;

	if (is_blank(html, len))
		return 0;	/* an empty page has no postings; that is not an error */
	if (jsonld_is_document(html, len)) {
		jsonld_extract_document(html, len, base_url, out);
		drop_untitled(out, base_url);
		return 0;
	}
	why = not_html(html, len);
	if (why != NULL) {
		extract_result_warn(out, "'%s': not an HTML page (%s), skipped",
				    base_url ? base_url : "page", why);
		return 0;
	}
	if (fast && extract_fast(html, len, base_url, boards, out))
		return 0;
	utf8_len = utf8_valid_prefix(html, len);	/* once: the parse and the warning */
	doc = html_parse_checked(html, len, utf8_len, base_url, &stopped);
	if (doc == NULL) {
		free(stopped);
		return set_error(err, "cannot parse '%s' as HTML", base_url ? base_url : "page");
	}
	/* What the parser kept is still worth extracting, but say what is lost. */
	if (stopped != NULL)
		extract_result_warn(out, "'%s': %s; postings from that point on are lost",
				    base_url ? base_url : "page", stopped);
	free(stopped);
	warn_not_utf8(html, len, utf8_len, doc, base_url, out);
	scan_tree(xmlDocGetRootElement(doc), &scan);
	if (scan.base == NULL && base_url != NULL)
		scan.base = xstrdup(base_url);
	jsonld_extract(&scan, out);
	microdata_extract(&scan, out);
	hn_extract(xmlDocGetRootElement(doc), &scan, out);
	extract_result_init(&rules);
	rules_extract(doc, &scan, boards, &rules);
	merge_rules(out, &rules);
	extract_result_release(&rules);
	drop_untitled(out, base_url);
	if (scan.next_href != NULL) {
		free(out->next_url);
		out->next_url = html_resolve(scan.next_href, scan.base);
	}
	page_scan_release(&scan);
	xmlFreeDoc(doc);
	return 0;
}

int extract_page(const char *html, size_t len, const char *base_url,
		 const struct board_set *boards, struct extract_result *out, char **err)
{
	return extract_html(html, len, base_url, boards, out, err, 1);
}

int extract_page_tree(const char *html, size_t len, const char *base_url,
		      const struct board_set *boards, struct extract_result *out, char **err)
{
	return extract_html(html, len, base_url, boards, out, err, 0);
}
