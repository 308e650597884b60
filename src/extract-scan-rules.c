/*
 * extract-scan-rules.c - can a board layout match this page?  Told without
 * the tree, from words its match rules cannot hold without (extract-scan.h).
 *
 * A match rule is XPath; what it needs of the page is read from its text,
 * conservatively: only parts that must hold for the rule to hold count (not
 * what is under not(), nor either side of an "or" or a "|"), and only words
 * the page's bytes must show:
 *   has-class('w'), @name = 'w', contains(@name, 'w'), starts-with(@name, 'w')
 *       w in an attribute value (exact; character references decoded);
 *   //script[contains(., 'w')]
 *       w in a script's raw text (exact);
 *   //name, /name, axis::name (not html, head, body, p: libxml2 adds those)
 *       "<name" in any case.
 * Words with '&' in them are not used.  A rule with no such word cannot be
 * ruled out, and a layout with no match rule matches every page.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract-scan.h"
#include "xalloc.h"

/* The page, and lazily its text with character references decoded. */
struct haystack {
	const char *html;
	size_t len;
	char *decoded;		/* NULL until needed */
	size_t dlen;
	int decoded_done;
};

struct range {
	const char *s, *end;
};

/* XPath names as the shipped rules write them (no namespace prefixes). */
static int is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* The UTF-8 of code point c, or 0 bytes when it is none. */
static size_t utf8_put(unsigned long c, char out[4])
{
	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* A character reference at s ("&#65;", "&#x41", "&quot;"): its length, *out set. */
static size_t reference(const char *s, const char *end, char out[4], size_t *nout)
{
	static const struct {
		const char *name;
		char c;
	} named[] = { { "&quot;", '"' }, { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
		      { "&apos;", '\'' } };
	unsigned long c = 0;
	const char *p = s + 2;
	int hex = p < end && (*p == 'x' || *p == 'X'), digits = 0;
	size_t i;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if ((size_t)(end - s) >= strlen(named[i].name) &&
		    memcmp(s, named[i].name, strlen(named[i].name)) == 0) {
			out[0] = named[i].c;
			*nout = 1;
			return strlen(named[i].name);
		}
	if (end - s < 3 || s[1] != '#')
		return 0;
	for (p += hex; p < end && digits < 8; p++, digits++) {
		int d = *p >= '0' && *p <= '9' ? *p - '0' : hex && *p >= 'a' && *p <= 'f' ?
			*p - 'a' + 10 : hex && *p >= 'A' && *p <= 'F' ? *p - 'A' + 10 : -1;

		if (d < 0)
			break;
		c = c * (hex ? 16 : 10) + (unsigned long)d;
	}
	*nout = digits ? utf8_put(c, out) : 0;
	if (*nout == 0)
		return 0;
	return (size_t)(p - s) + (p < end && *p == ';');
}

static void decode(struct haystack *h)
{
	struct buf b = BUF_INIT;
	const char *p = h->html, *end = h->html + h->len, *amp;
	char out[4];
	size_t n, nout;

	h->decoded_done = 1;
	if (memchr(p, '&', h->len) == NULL)
		return;
	while ((amp = memchr(p, '&', (size_t)(end - p))) != NULL) {
		buf_append(&b, p, (size_t)(amp - p));
		n = reference(amp, end, out, &nout);
		if (n == 0) {
			buf_append(&b, amp, 1);
			p = amp + 1;
			continue;
		}
		buf_append(&b, out, nout);
		p = amp + n;
	}
	buf_append(&b, p, (size_t)(end - p));
	h->dlen = b.len;
	h->decoded = buf_detach(&b);
}

/* Does the page hold "<name" in any case? */
static int has_tag_name(const struct haystack *h, const char *name, size_t n)
{
	const char *p = h->html, *end = h->html + h->len, *lt;

	while ((lt = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - lt) > n && strncasecmp(lt + 1, name, n) == 0)
			return 1;
		p = lt + 1;
	}
	return 0;
}

static int has_word(struct haystack *h, const char *w, size_t n)
{
	if (memmem(h->html, h->len, w, n) != NULL)
		return 1;
	if (!h->decoded_done)
		decode(h);
	return h->decoded != NULL && memmem(h->decoded, h->dlen, w, n) != NULL;
}

/* The end of the group opened at s ('(' or '['), literals skipped; NULL when open. */
static const char *group_end(const char *s, const char *end)
{
	int depth = 0;
	const char *q;

	for (; s < end; s++) {
		if (*s == '\'' || *s == '"') {
			q = memchr(s + 1, *s, (size_t)(end - s - 1));
			if (q == NULL)
				return NULL;
			s = q;
		} else if (*s == '(' || *s == '[') {
			depth++;
		} else if ((*s == ')' || *s == ']') && --depth == 0) {
			return s;
		}
	}
	return NULL;
}

/* Does the range say "or" or "|" outside its groups and literals? */
static int has_alternatives(struct range r)
{
	const char *s = r.s, *g;

	while (s < r.end) {
		if (*s == '\'' || *s == '"' || *s == '(' || *s == '[') {
			g = *s == '(' || *s == '[' ? group_end(s, r.end) :
			    memchr(s + 1, *s, (size_t)(r.end - s - 1));
			if (g == NULL)
				return 1;	/* not read: count it as unsure */
			s = g + 1;
		} else if (*s == '|') {
			return 1;
		} else if (is_name_char(*s)) {
			const char *w = s;

			while (s < r.end && is_name_char(*s))
				s++;
			if (s - w == 2 && strncmp(w, "or", 2) == 0)
				return 1;
		} else {
			s++;
		}
	}
	return 0;
}

/* The needles of one rule: -1 as soon as one is missing from the page. */
struct needles {
	struct haystack *h;
	int found_one;		/* at least one needle was read */
	int missing;
};

static void need_word(struct needles *nd, const char *w, size_t n)
{
	if (n < 3 || memchr(w, '&', n) != NULL || nd->missing)
		return;
	nd->found_one = 1;
	if (!has_word(nd->h, w, n))
		nd->missing = 1;
}

static void need_tag(struct needles *nd, const char *w, size_t n)
{
	static const char *const implied[] = { "html", "head", "body", "p" };
	size_t i;

	for (i = 0; i < sizeof(implied) / sizeof(implied[0]); i++)
		if (n == strlen(implied[i]) && strncasecmp(w, implied[i], n) == 0)
			return;
	if (nd->missing)
		return;
	nd->found_one = 1;
	if (!has_tag_name(nd->h, w, n))
		nd->missing = 1;
}

/* A literal 'w' at s: its text in *w, *n; the end after it. */
static const char *literal(const char *s, const char *end, const char **w, size_t *n)
{
	const char *q = memchr(s + 1, *s, (size_t)(end - s - 1));

	if (q == NULL)
		return end;
	*w = s + 1;
	*n = (size_t)(q - s - 1);
	return q + 1;
}

static const char *skip_blanks(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++;
	return s;
}

/* The arguments of has-class / contains / starts-with: (first, 'w'). */
static void function_needles(struct needles *nd, const char *fn, size_t fnlen, struct range args,
			     struct range step)
{
	const char *s = skip_blanks(args.s, args.end), *w = NULL;
	size_t n = 0;

	if (fnlen == 9 && strncmp(fn, "has-class", 9) == 0) {
		if (s < args.end && (*s == '\'' || *s == '"') &&
		    skip_blanks(literal(s, args.end, &w, &n), args.end) == args.end)
			need_word(nd, w, n);
		return;
	}
	if (!((fnlen == 8 && strncmp(fn, "contains", 8) == 0) ||
	      (fnlen == 11 && strncmp(fn, "starts-with", 11) == 0)))
		return;
	if (s < args.end && *s == '@') {
		for (s++; s < args.end && is_name_char(*s); s++)
			;
	} else if (s < args.end && *s == '.' && step.end - step.s == 6 &&
		   strncasecmp(step.s, "script", 6) == 0) {
		s++;
	} else {
		return;
	}
	s = skip_blanks(s, args.end);
	if (s >= args.end || *s != ',')
		return;
	s = skip_blanks(s + 1, args.end);
	if (s < args.end && (*s == '\'' || *s == '"') &&
	    skip_blanks(literal(s, args.end, &w, &n), args.end) == args.end)
		need_word(nd, w, n);
}

/* "@name = 'w'" at s (s at '@'): the needle w; returns the end of what was read. */
static const char *attr_equals(struct needles *nd, const char *s, const char *end)
{
	const char *w = NULL;
	size_t n = 0;

	for (s++; s < end && is_name_char(*s); s++)
		;
	s = skip_blanks(s, end);
	if (s >= end || *s != '=')
		return s;
	s = skip_blanks(s + 1, end);
	if (s < end && (*s == '\'' || *s == '"')) {
		s = literal(s, end, &w, &n);
		need_word(nd, w, n);
	}
	return s;
}

static void range_needles(struct needles *nd, struct range r, struct range step);

/* A name at s: a step, a function call or an axis; returns the end of what was read. */
static const char *name_token(struct needles *nd, const char *s, struct range r, char before,
			      struct range *step)
{
	const char *w = s, *g, *after;
	size_t n;

	while (s < r.end && is_name_char(*s))
		s++;
	n = (size_t)(s - w);
	after = skip_blanks(s, r.end);
	if (after < r.end && *after == '(') {
		g = group_end(after, r.end);
		if (g == NULL)
			return r.end;
		if (!(n == 3 && strncmp(w, "not", 3) == 0))
			function_needles(nd, w, n, (struct range){ after + 1, g }, *step);
		return g + 1;
	}
	if (after + 1 < r.end && after[0] == ':' && after[1] == ':')
		return after + 2;	/* an axis: the name after it is the step */
	if (before == '/' || before == ':' || w == r.s) {
		step->s = w;
		step->end = w + n;
		need_tag(nd, w, n);
	}
	return s;
}

/* The needles of a range with no alternatives at its own level. */
static void range_needles(struct needles *nd, struct range r, struct range step)
{
	const char *s = skip_blanks(r.s, r.end), *g;
	char before = '\0';

	r.s = s;
	if (has_alternatives(r))
		return;
	while (s < r.end && !nd->missing) {
		if (*s == '[' || *s == '(') {
			g = group_end(s, r.end);
			if (g == NULL)
				return;
			range_needles(nd, (struct range){ s + 1, g }, *s == '[' ? step :
				      (struct range){ NULL, NULL });
			s = g + 1;
		} else if (*s == '\'' || *s == '"') {
			const char *w;
			size_t n;

			s = literal(s, r.end, &w, &n);
		} else if (*s == '@') {
			s = attr_equals(nd, s, r.end);
		} else if (is_name_start(*s)) {
			s = name_token(nd, s, r, before, &step);
			before = s[-1] == ':' ? ':' : '\0';
			continue;
		} else if (is_name_char(*s)) {
			while (s < r.end && is_name_char(*s))
				s++;	/* a number, "..", "." */
		} else {
			if (*s == '/')
				step.s = step.end = NULL;
			before = *s == ' ' ? before : *s;
			s++;
			continue;
		}
		before = '\0';
	}
}

/* Is a match rule surely false on the page (a needle it cannot hold without is missing)? */
static int rule_excluded(struct haystack *h, const char *xpath)
{
	struct needles nd = { h, 0, 0 };

	range_needles(&nd, (struct range){ xpath, xpath + strlen(xpath) },
		      (struct range){ NULL, NULL });
	return nd.missing;
}

static int layout_excluded(struct haystack *h, const struct board_layout *l)
{
	size_t i;

	for (i = 0; i < l->match.n; i++)
		if (rule_excluded(h, l->match.v[i].text))
			return 1;
	return 0;
}

int scan_rules_excluded(const char *html, size_t len, const struct board_set *boards)
{
	struct haystack h = { html, len, NULL, 0, 0 };
	size_t i, j;
	int ok = 1;

	for (i = 0; boards != NULL && i < boards->n && ok; i++)
		for (j = 0; j < boards->v[i].nlayouts && ok; j++)
			ok = layout_excluded(&h, &boards->v[i].layouts[j]);
	free(h.decoded);
	return ok;
}
