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

#include "extract-scan-internal.h"
#include "xalloc.h"

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

/* What one rule needs; the words point into the rule's text. */
struct needles {
	struct scan_needles *list;
};

static void need(struct needles *nd, const char *w, size_t n, int tag)
{
	struct scan_needles *l = nd->list;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 64;
		l->v = xreallocarray(l->v, l->alloc, sizeof(*l->v));
	}
	l->v[l->n].s = w;
	l->v[l->n].n = n;
	l->v[l->n].tag = tag;
	l->v[l->n].found = 0;
	l->n++;
}

static void need_word(struct needles *nd, const char *w, size_t n)
{
	if (n >= 3 && memchr(w, '&', n) == NULL)
		need(nd, w, n, 0);
}

static void need_tag(struct needles *nd, const char *w, size_t n)
{
	static const char *const implied[] = { "html", "head", "body", "p" };
	size_t i;

	for (i = 0; i < sizeof(implied) / sizeof(implied[0]); i++)
		if (n == strlen(implied[i]) && strncasecmp(w, implied[i], n) == 0)
			return;
	need(nd, w, n, 1);
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

/* Past the name at s (blanks first): an attribute's or namespace's, no needle. */
static const char *skip_name_after(const char *s, const char *end)
{
	for (s = skip_blanks(s, end); s < end && is_name_char(*s); s++)
		;
	return s;
}

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
	if (after + 1 < r.end && after[0] == ':' && after[1] == ':') {
		/* an axis: the name after it is the step, an element's name
		 * unless the axis reads attributes or namespaces */
		if ((n == 9 && strncmp(w, "attribute", 9) == 0) ||
		    (n == 9 && strncmp(w, "namespace", 9) == 0))
			return skip_name_after(after + 2, r.end);
		return after + 2;
	}
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
	while (s < r.end) {
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

/* The needles of each match rule, in order; rules[i] is where rule i's end. */
struct rule_ends {
	size_t *end;
	size_t n;
};

static void collect(const struct board_set *boards, struct scan_needles *list, struct rule_ends *r)
{
	struct needles nd = { list };
	size_t i, j, k;

	for (i = 0; boards != NULL && i < boards->n; i++)
		for (j = 0; j < boards->v[i].nlayouts; j++) {
			const struct board_rule *m = &boards->v[i].layouts[j].match;

			for (k = 0; k < m->n; k++) {
				range_needles(&nd, (struct range){ m->v[k].text,
					      m->v[k].text + strlen(m->v[k].text) },
					      (struct range){ NULL, NULL });
				r->end = xreallocarray(r->end, r->n + 1, sizeof(size_t));
				r->end[r->n++] = list->n;
			}
		}
}

/* Is some rule of layout l surely false (a needle of it missing)?  *at: its first rule. */
static int layout_excluded(const struct board_layout *l, const struct scan_needles *list,
			   const struct rule_ends *r, size_t *at)
{
	size_t k, i, excluded = 0;

	for (k = 0; k < l->match.n; k++, (*at)++)
		for (i = *at ? r->end[*at - 1] : 0; i < r->end[*at]; i++)
			excluded |= !list->v[i].found;
	return excluded != 0;
}

int scan_rules_excluded(const char *html, size_t len, const struct board_set *boards)
{
	struct scan_needles list = { NULL, 0, 0 };
	struct rule_ends r = { NULL, 0 };
	size_t i, j, at = 0;
	int ok = 1;

	collect(boards, &list, &r);
	scan_find_needles(html, len, &list);
	for (i = 0; boards != NULL && i < boards->n; i++)
		for (j = 0; j < boards->v[i].nlayouts; j++)
			if (!layout_excluded(&boards->v[i].layouts[j], &list, &r, &at))
				ok = 0;
	free(list.v);
	free(r.end);
	return ok;
}
