/*
 * extract-scan.c - the tokenizer of the JSON-LD fast path (extract-scan.h).
 *
 * It mirrors what libxml2 2.9's HTML parser (recovery mode) does with the
 * few constructs that decide which script blocks the tree holds, and gives
 * up on everything else.  Giving up is always safe: the page then takes the
 * tree path.  The equality of both paths is tested on every saved real page
 * and on hand-made tricky ones (tests/check_extract_scan.c), and fuzzed
 * (tests/fuzz/fuzz-extract.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract-scan.h"
#include "html.h"
#include "xalloc.h"

/*
 * libxml2 stops at 256 levels of nesting (html.c); the scan's count of open
 * elements may miss the ones libxml2 opens by itself (html, body, p), so
 * it gives up well before.
 */
#define SCAN_MAX_DEPTH 128
/*
 * Board match rules are evaluated with an XPath step limit (extract-rules.c)
 * whose warning the fast path could not give; pages with this many tags
 * stay far below it, larger ones take the tree path.
 */
#define SCAN_MAX_TAGS 20000
/*
 * libxml2 cuts what is longer than its limits (a text node of 10,000,000
 * bytes without XML_PARSE_HUGE, losing the rest of the page; a tag or
 * attribute name at HTML_PARSER_BUFFER_SIZE, 100 bytes); the scan gives up
 * on pages and names that could reach them.
 */
#define SCAN_MAX_BYTES (4 << 20)
#define SCAN_MAX_NAME 64

struct name {
	const char *s;
	size_t n;
};

struct scan_state {
	const char *p, *end;
	struct name open[SCAN_MAX_DEPTH + 1];	/* elements libxml2 may hold open */
	size_t depth, tags;
	struct page_scan *scan;
};

/* One start tag's attributes that may matter, as written. */
struct tag_attrs {
	struct name type, rel, href;
	int has_type, has_rel, has_href;
	int odd_type, odd_rel, odd_href;	/* said twice, with no value, or with an entity */
};

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * libxml2's htmlParseHTMLName: a letter, '_', ':' or '.', then those, digits
 * and '-'; 0 when there is none, or when it is longer than SCAN_MAX_NAME.
 */
static size_t name_length(const char *p, const char *end)
{
	size_t n = 0;

	if (p >= end || !(is_alpha(*p) || *p == '_' || *p == ':' || *p == '.'))
		return 0;
	while (p + n < end && (is_alpha(p[n]) || (p[n] >= '0' && p[n] <= '9') || p[n] == '_' ||
			       p[n] == ':' || p[n] == '.' || p[n] == '-'))
		n++;
	return n <= SCAN_MAX_NAME ? n : 0;
}

static int name_is(struct name nm, const char *word)
{
	return nm.n == strlen(word) && strncasecmp(nm.s, word, nm.n) == 0;
}

static int name_in(struct name nm, const char *const *words)
{
	for (; *words != NULL; words++)
		if (name_is(nm, *words))
			return 1;
	return 0;
}

/* libxml2's htmlEndPriority: an end tag closes nothing of a higher one. */
static int end_priority(struct name nm)
{
	static const struct {
		const char *name;
		int priority;
	} table[] = {
		{ "div", 150 }, { "td", 160 }, { "th", 160 }, { "tr", 170 }, { "thead", 180 },
		{ "tbody", 180 }, { "tfoot", 180 }, { "table", 190 }, { "head", 200 },
		{ "body", 200 }, { "html", 220 },
	};
	size_t i;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (name_is(nm, table[i].name))
			return table[i].priority;
	return 100;
}

/*
 * An element opened: the count only ever overstates libxml2's depth (it
 * closes more on its own: <p> before <p>, <li> before <li>).
 */
static int push(struct scan_state *st, struct name nm)
{
	static const char *const empty[] = {
		"area", "base", "basefont", "br", "col", "frame", "hr", "img", "input",
		"isindex", "link", "meta", "param", NULL,
	};

	if (name_in(nm, empty))
		return 0;
	if (st->depth >= SCAN_MAX_DEPTH)
		return -1;
	st->open[st->depth++] = nm;
	return 0;
}

/* An end tag closes up to its element, unless one of higher priority is in the way. */
static void pop(struct scan_state *st, struct name nm)
{
	int priority = end_priority(nm);
	size_t i;

	for (i = st->depth; i > 0; i--) {
		if (st->open[i - 1].n == nm.n && strncasecmp(st->open[i - 1].s, nm.s, nm.n) == 0)
			break;
		if (end_priority(st->open[i - 1]) > priority)
			return;
	}
	if (i > 0)
		st->depth = i - 1;
}

/* The value of one attribute at *pp (after '='), quoted or not; -1 when unsure. */
static int attr_value(struct scan_state *st, const char **pp, struct name *value)
{
	const char *p = *pp, *q;

	while (p < st->end && is_blank(*p))
		p++;
	if (p < st->end && (*p == '"' || *p == '\'')) {
		q = memchr(p + 1, *p, (size_t)(st->end - p - 1));
		if (q == NULL)
			return -1;
		value->s = p + 1;
		value->n = (size_t)(q - p - 1);
		*pp = q + 1;
		return 0;
	}
	for (q = p; q < st->end && !is_blank(*q) && *q != '>'; q++)
		if (*q == '"' || *q == '\'' || *q == '<' || *q == '`' || *q == '=')
			return -1;
	if (q == p)
		return -1;
	value->s = p;
	value->n = (size_t)(q - p);
	*pp = q;
	return 0;
}

/*
 * Keep an attribute that may matter (script's type, a link's rel and
 * href); what makes it unsure is judged by the tag (start_tag).  -1 for
 * microdata: it may describe the job, and the tree reads it.
 */
static int keep_attr(struct name nm, struct name value, int has_value, struct tag_attrs *a)
{
	static const char *const microdata[] = { "itemscope", "itemtype", NULL };
	struct name *slot = NULL;
	int *has = NULL, *odd;

	if (name_in(nm, microdata))
		return -1;
	if (name_is(nm, "type"))
		slot = &a->type, has = &a->has_type;
	else if (name_is(nm, "rel"))
		slot = &a->rel, has = &a->has_rel;
	else if (name_is(nm, "href"))
		slot = &a->href, has = &a->has_href;
	if (slot == NULL)
		return 0;
	odd = slot == &a->type ? &a->odd_type : slot == &a->rel ? &a->odd_rel : &a->odd_href;
	if (*has || !has_value || memchr(value.s, '&', value.n) != NULL)
		*odd = 1;
	if (!*has && has_value)
		*slot = value;
	*has = 1;
	return 0;
}

/*
 * The attributes of a start tag from *pp to its '>' (*pp left after it);
 * *selfclose when it ends "/>".  -1 when unsure.
 */
static int tag_attributes(struct scan_state *st, const char **pp, struct tag_attrs *a,
			  int *selfclose)
{
	const char *p = *pp;
	struct name nm, value = { "", 0 };
	int has_value;

	memset(a, 0, sizeof(*a));
	*selfclose = 0;
	for (;;) {
		while (p < st->end && is_blank(*p))
			p++;
		if (p >= st->end)
			return -1;
		if (*p == '>' || (*p == '/' && p + 1 < st->end && p[1] == '>')) {
			*selfclose = *p == '/';
			*pp = p + (*p == '/' ? 2 : 1);
			return 0;
		}
		nm.s = p;
		nm.n = name_length(p, st->end);
		if (nm.n == 0)
			return -1;
		p += nm.n;
		while (p < st->end && is_blank(*p))
			p++;
		has_value = p < st->end && *p == '=';
		if (has_value) {
			p++;
			if (attr_value(st, &p, &value) < 0)
				return -1;
		}
		if (keep_attr(nm, value, has_value, a) < 0)
			return -1;
		if (p < st->end && !is_blank(*p) && *p != '>' && *p != '/')
			return -1;
	}
}

/* Bytes libxml2 drops from a script body, or reads otherwise. */
static int has_odd_bytes(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') ||
		    ((unsigned char)s[i] == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
		     (unsigned char)s[i + 2] >= 0xBE))
			return 1;
	return 0;
}

/* The raw body of a script or style, up to "</" and its name (any case). */
static int raw_body(struct scan_state *st, struct name nm, int jsonld)
{
	const char *p = st->p, *body = p;

	/* libxml2 2.9 looks for markup before it reads a script's body: a body
	 * that starts with "</" (or "<!") is parsed as a tag, not as text. */
	if (p < st->end && *p == '<')
		return -1;
	for (;;) {
		p = memchr(p, '<', (size_t)(st->end - p));
		if (p == NULL || p + 2 + nm.n > st->end)
			return -1;	/* unclosed: libxml2 reads to the end */
		/* libxml2 stops the body at any "</script"; an end tag that is not
		 * this element's leaves it open, so more text joins the body. */
		if (p[1] == '/' && strncasecmp(p + 2, nm.s, nm.n) == 0) {
			if (p + 2 + nm.n == st->end || name_length(p + 2, st->end) != nm.n)
				return -1;
			break;
		}
		p++;
	}
	if (jsonld) {
		struct page_scan *scan = st->scan;

		if (has_odd_bytes(body, (size_t)(p - body)))
			return -1;
		scan->jsonld = xreallocarray(scan->jsonld, scan->njsonld + 1, sizeof(char *));
		scan->jsonld[scan->njsonld++] = xstrndup(body, (size_t)(p - body));
	}
	st->p = p;	/* the end tag is read as any other */
	return 0;
}

/* A title's text, when it may name a Hacker News hiring thread, needs the tree. */
static int plain_title(struct scan_state *st)
{
	const char *lt = memchr(st->p, '<', (size_t)(st->end - st->p)), *s;

	if (lt == NULL || (size_t)(st->end - lt) < 8 || strncasecmp(lt, "</title", 7) != 0)
		return -1;
	for (s = st->p; s < lt; s++)
		if (*s == '&' || ((size_t)(lt - s) >= 6 && strncasecmp(s, "hiring", 6) == 0))
			return -1;
	return 0;
}

static int is_jsonld_type(const struct tag_attrs *a)
{
	return a->has_type && a->type.n == strlen("application/ld+json") &&
	       strncasecmp(a->type.s, "application/ld+json", a->type.n) == 0;
}

/* A start tag at st->p ("<name"); -1 when unsure. */
static int start_tag(struct scan_state *st)
{
	struct name nm = { st->p + 1, name_length(st->p + 1, st->end) };
	struct tag_attrs a;
	const char *p = st->p + 1 + nm.n;
	int selfclose;

	if (nm.n == 0 || tag_attributes(st, &p, &a, &selfclose) < 0 || name_is(nm, "base"))
		return -1;
	st->p = p;
	if (++st->tags > SCAN_MAX_TAGS || push(st, nm) < 0)
		return -1;
	if ((name_is(nm, "a") || name_is(nm, "link")) && a.has_rel && st->scan->next_href == NULL) {
		int next = a.rel.n == 4 && strncasecmp(a.rel.s, "next", 4) == 0;

		if (a.odd_rel || (next && a.odd_href))
			return -1;	/* the tree may read them otherwise */
		if (next && a.has_href)
			st->scan->next_href = xstrndup(a.href.s, a.href.n);
	}
	if (name_is(nm, "title"))
		return plain_title(st);
	if (name_is(nm, "script") || name_is(nm, "style")) {
		if (selfclose || (a.odd_type && name_is(nm, "script")))
			return -1;
		return raw_body(st, nm, name_is(nm, "script") && is_jsonld_type(&a));
	}
	return 0;
}

/* An end tag at st->p ("</name"); -1 when unsure. */
static int end_tag(struct scan_state *st)
{
	struct name nm = { st->p + 2, name_length(st->p + 2, st->end) };
	const char *gt;

	if (nm.n == 0)
		return -1;
	gt = memchr(nm.s + nm.n, '>', (size_t)(st->end - nm.s - nm.n));
	if (gt == NULL || memchr(nm.s, '"', (size_t)(gt - nm.s)) != NULL ||
	    memchr(nm.s, '\'', (size_t)(gt - nm.s)) != NULL ||
	    memchr(nm.s, '<', (size_t)(gt - nm.s)) != NULL)
		return -1;
	pop(st, nm);
	st->p = gt + 1;
	return 0;
}

/*
 * "<!--" to the first "-->", as libxml2 reads it ("<!--" inside, as in
 * conditional comments, changes nothing); -1 when it may end it elsewhere
 * ("<!-->", "--!>").
 */
static int comment(struct scan_state *st)
{
	const char *body = st->p + 4, *close;
	size_t n = (size_t)(st->end - body);

	if (n > 0 && (*body == '>' || (n > 1 && body[0] == '-' && body[1] == '>')))
		return -1;
	close = memmem(body, n, "-->", 3);
	if (close == NULL || memmem(body, (size_t)(close - body), "--!", 3) != NULL)
		return -1;
	st->p = close + 3;
	return 0;
}

/* "<!DOCTYPE ...>" with no quoted part; -1 for any other "<!". */
static int doctype(struct scan_state *st)
{
	const char *gt;

	if ((size_t)(st->end - st->p) < 9 || strncasecmp(st->p + 2, "doctype", 7) != 0)
		return -1;
	gt = memchr(st->p, '>', (size_t)(st->end - st->p));
	if (gt == NULL || memchr(st->p, '"', (size_t)(gt - st->p)) != NULL ||
	    memchr(st->p, '\'', (size_t)(gt - st->p)) != NULL)
		return -1;
	st->p = gt + 1;
	return 0;
}

/* The markup at st->p ('<'); -1 when unsure. */
static int markup(struct scan_state *st)
{
	size_t left = (size_t)(st->end - st->p);

	if (left >= 4 && memcmp(st->p, "<!--", 4) == 0)
		return comment(st);
	if (left >= 2 && st->p[1] == '!')
		return doctype(st);
	if (left >= 2 && st->p[1] == '?')
		return -1;
	if (left >= 3 && st->p[1] == '/' && is_alpha(st->p[2]))
		return end_tag(st);
	if (left >= 2 && st->p[1] == '/')
		return -1;
	if (left >= 2 && is_alpha(st->p[1]))
		return start_tag(st);
	if (left >= 2 && (st->p[1] == '_' || st->p[1] == ':' || st->p[1] == '.'))
		return -1;	/* a tag to some libxml2 versions, text to others */
	st->p++;	/* a '<' in text */
	return 0;
}

/* The page's own URL may make it a Hacker News thread (extract-hn.c). */
static int maybe_hn(const char *url)
{
	static const char host[] = "news.ycombinator.com";
	size_t n = sizeof(host) - 1;

	for (; url != NULL && *url; url++)
		if (strncasecmp(url, host, n) == 0)
			return 1;
	return 0;
}

int scan_page(const char *html, size_t len, const char *url, const struct board_set *boards,
	      struct page_scan *scan)
{
	struct scan_state st;

	memset(scan, 0, sizeof(*scan));
	/* Most pages that are no fast path's say so at once: too large, or no
	 * JSON-LD (a type in mixed case, "LD+Json", is left to the tree). */
	if (len > SCAN_MAX_BYTES ||
	    (memmem(html, len, "+json", 5) == NULL && memmem(html, len, "+JSON", 5) == NULL) ||
	    !utf8_valid(html, len) || maybe_hn(url))
		return 0;
	memset(&st, 0, sizeof(st));
	st.p = html;
	st.end = html + len;
	st.scan = scan;
	while (st.p < st.end) {
		const char *lt = memchr(st.p, '<', (size_t)(st.end - st.p));

		if (lt == NULL)
			break;
		st.p = lt;
		if (markup(&st) < 0)
			goto unsure;
	}
	if (scan->njsonld == 0 || !scan_rules_excluded(html, len, boards))
		goto unsure;
	scan->url = url;
	return 1;
unsure:
	page_scan_release(scan);
	memset(scan, 0, sizeof(*scan));
	return 0;
}
