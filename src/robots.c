/*
 * robots.c - robots.txt (RFC 9309): the groups for our product token
 * read into one sorted rule list, then each path matched against it.
 * robots.h says what is read, what wins, and the limits.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "robots.h"
#include "xalloc.h"

struct robots_rule {
	char *pattern;	/* normalized, without a final '$' */
	size_t len;	/* bytes of pattern */
	size_t weight;	/* normalized length with the '$': longest wins */
	int allow;
	int anchored;	/* the pattern ended in '$' */
};

/* One merged group: ours, "*", or what robots_parse() keeps. */
struct robots {
	struct robots_rule *rules;
	size_t n, cap;
	double delay;	/* -1: none given */
	int seen;	/* a user-agent line named this group */
};

enum robots_key { KEY_OTHER, KEY_AGENT, KEY_ALLOW, KEY_DISALLOW, KEY_DELAY };

struct robots_parser {
	const char *agent;	/* our product token */
	size_t agent_len;
	struct robots *ours, *any;	/* groups naming us, groups for "*" */
	int in_agents;		/* the last line that counted was a user-agent */
	int to_ours, to_any;	/* whom the current group's rules are for */
};

/* Keys as written, with the misspellings Google's parser also takes. */
static const struct {
	const char *name;
	enum robots_key key;
} robots_keys[] = {
	{ "user-agent", KEY_AGENT }, { "useragent", KEY_AGENT }, { "user agent", KEY_AGENT },
	{ "allow", KEY_ALLOW },
	{ "disallow", KEY_DISALLOW }, { "dissallow", KEY_DISALLOW },
	{ "dissalow", KEY_DISALLOW }, { "disalow", KEY_DISALLOW },
	{ "crawl-delay", KEY_DELAY }, { "crawldelay", KEY_DELAY },
};

static const char hex_digits[] = "0123456789ABCDEF";

static struct robots *robots_new(void)
{
	struct robots *r = xcalloc(1, sizeof(*r));

	r->delay = -1;
	return r;
}

void robots_free(struct robots *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->rules[i].pattern);
	free(r->rules);
	free(r);
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* RFC 3986 unreserved: what a %xx may stand for without changing the URL. */
static int is_unreserved(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

/*
 * The normalized form of the bytes at in (n of them, n >= 1) in piece
 * (*plen bytes, 1 or 3); returns how many input bytes it stands for.
 */
static size_t normalize_piece(const unsigned char *in, size_t n, char piece[3], size_t *plen)
{
	int hi, lo, c = in[0];

	if (c == '%' && n >= 3 && (hi = hex_value(in[1])) >= 0 && (lo = hex_value(in[2])) >= 0) {
		if (is_unreserved(hi * 16 + lo)) {
			piece[0] = (char)(hi * 16 + lo);
			*plen = 1;
		} else {
			piece[0] = '%', piece[1] = hex_digits[hi], piece[2] = hex_digits[lo];
			*plen = 3;
		}
		return 3;
	}
	if (c <= 0x20 || c >= 0x7f) {
		piece[0] = '%', piece[1] = hex_digits[c >> 4], piece[2] = hex_digits[c & 15];
		*plen = 3;
		return 1;
	}
	piece[0] = (char)c;
	*plen = 1;
	return 1;
}

/*
 * in[0..n) normalized into out (ROBOTS_PATH_MAX + 1 bytes, NUL-terminated);
 * returns its length.  When it does not fit: with cut, what fits; without,
 * (size_t)-1.
 */
static size_t normalize(const char *in, size_t n, char *out, int cut)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0, o = 0, plen;
	char piece[3];

	while (i < n) {
		size_t used = normalize_piece(s + i, n - i, piece, &plen);

		if (o + plen > ROBOTS_PATH_MAX) {
			if (!cut)
				return (size_t)-1;
			break;
		}
		memcpy(out + o, piece, plen);
		o += plen;
		i += used;
	}
	out[o] = '\0';
	return o;
}

static void group_add_rule(struct robots *g, const char *value, size_t n, int allow)
{
	char pattern[ROBOTS_PATH_MAX + 1];
	struct robots_rule *rule;
	size_t len = normalize(value, n, pattern, 0);

	if (len == (size_t)-1 || g->n >= ROBOTS_MAX_RULES)
		return;
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		g->rules = xreallocarray(g->rules, g->cap, sizeof(*g->rules));
	}
	rule = &g->rules[g->n++];
	rule->weight = len;
	rule->anchored = len > 0 && pattern[len - 1] == '$';
	rule->len = len - (size_t)rule->anchored;
	rule->pattern = xstrndup(pattern, rule->len);
	rule->allow = allow;
}

/* A Crawl-delay value: the largest readable one wins, capped. */
static void group_add_delay(struct robots *g, const char *value, size_t n)
{
	char text[64], *end;
	double d;

	if (n == 0 || n >= sizeof(text))
		return;
	memcpy(text, value, n);
	text[n] = '\0';
	d = strtod(text, &end);
	if (end == text || !isfinite(d) || d < 0)
		return;
	if (d > ROBOTS_DELAY_MAX)
		d = ROBOTS_DELAY_MAX;
	if (d > g->delay)
		g->delay = d;
}

/* The product token that starts s: letters, '-' and '_' (Google's rule). */
static size_t token_length(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			 s[i] == '-' || s[i] == '_'))
		i++;
	return i;
}

static void parser_agent_line(struct robots_parser *p, const char *value, size_t n)
{
	size_t tok = token_length(value, n);

	if (!p->in_agents)
		p->to_ours = p->to_any = 0;	/* a new group starts */
	p->in_agents = 1;
	if (n > 0 && value[0] == '*' && (n == 1 || is_blank(value[1]))) {
		p->to_any = 1;
		p->any->seen = 1;
	}
	if (tok > 0 && tok == p->agent_len && strncasecmp(value, p->agent, tok) == 0) {
		p->to_ours = 1;
		p->ours->seen = 1;
	}
}

static void group_add(struct robots *g, enum robots_key key, const char *value, size_t n)
{
	if (key == KEY_DELAY)
		group_add_delay(g, value, n);
	else if (n > 0)	/* an empty Disallow (or Allow) says nothing */
		group_add_rule(g, value, n, key == KEY_ALLOW);
}

static enum robots_key key_of(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(robots_keys) / sizeof(robots_keys[0]); i++)
		if (strlen(robots_keys[i].name) == n && strncasecmp(key, robots_keys[i].name, n) == 0)
			return robots_keys[i].key;
	return KEY_OTHER;
}

/*
 * Split a trimmed, comment-free line into key and value.  Without a colon,
 * "key value" with exactly one blank run between two words still reads.
 */
static int split_line(const char *s, size_t n, size_t *klen, const char **value, size_t *vlen)
{
	const char *colon = memchr(s, ':', n), *sep = colon;
	const char *end = s + n, *v;

	if (sep == NULL)
		for (sep = s; sep < end && !is_blank(*sep); sep++)
			;
	if (sep == end)
		return 0;
	*klen = (size_t)(sep - s);
	while (*klen > 0 && is_blank(s[*klen - 1]))
		(*klen)--;
	for (v = sep + 1; v < end && is_blank(*v); v++)
		;
	if (colon == NULL && memchr(v, ' ', (size_t)(end - v)) != NULL)
		return 0;
	if (colon == NULL && memchr(v, '\t', (size_t)(end - v)) != NULL)
		return 0;
	*value = v;
	*vlen = (size_t)(end - v);
	return 1;
}

static void parser_line(struct robots_parser *p, const char *s, size_t n)
{
	const char *hash = memchr(s, '#', n), *value;
	size_t klen, vlen;
	enum robots_key key;

	if (hash != NULL)
		n = (size_t)(hash - s);
	while (n > 0 && is_blank(*s))
		s++, n--;
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	if (n == 0 || !split_line(s, n, &klen, &value, &vlen))
		return;
	key = key_of(s, klen);
	if (key == KEY_AGENT) {
		parser_agent_line(p, value, vlen);
		return;
	}
	if (key == KEY_OTHER)	/* sitemap, host, ...: no part of any group */
		return;
	p->in_agents = 0;
	if (p->to_ours)
		group_add(p->ours, key, value, vlen);
	if (p->to_any)
		group_add(p->any, key, value, vlen);
}

/* Longest pattern first, Allow before Disallow of one length: the first
 * rule that matches is the one RFC 9309 picks. */
static int rule_order(const void *a, const void *b)
{
	const struct robots_rule *x = a, *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return y->allow - x->allow;
}

static void parse_lines(struct robots_parser *p, const char *s, const char *end)
{
	static const char bom[] = "\xEF\xBB\xBF";

	if ((size_t)(end - s) >= 3 && memcmp(s, bom, 3) == 0)
		s += 3;
	while (s < end) {
		const char *e = s;

		while (e < end && *e != '\n' && *e != '\r')
			e++;
		parser_line(p, s, (size_t)(e - s));
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			e++;	/* CRLF is one line end */
		s = e < end ? e + 1 : e;
	}
}

struct robots *robots_parse(const char *text, size_t len, const char *agent)
{
	struct robots_parser p;
	struct robots *chosen;

	memset(&p, 0, sizeof(p));
	p.agent = agent != NULL ? agent : "";
	p.agent_len = token_length(p.agent, strlen(p.agent));
	p.ours = robots_new();
	p.any = robots_new();
	if (len > ROBOTS_MAX_BYTES)
		len = ROBOTS_MAX_BYTES;
	if (text != NULL)
		parse_lines(&p, text, text + len);
	if (p.ours->seen) {
		chosen = p.ours;
		robots_free(p.any);
	} else {
		chosen = p.any;
		robots_free(p.ours);
	}
	if (chosen->n > 1)
		qsort(chosen->rules, chosen->n, sizeof(*chosen->rules), rule_order);
	return chosen;
}

struct robots *robots_allow_all(void)
{
	return robots_new();
}

struct robots *robots_disallow_all(void)
{
	struct robots *r = robots_new();

	group_add_rule(r, "*", 1, 0);
	return r;
}

/*
 * Does rule match path[0..n) from its start?  The pieces between '*'s are
 * found leftmost in turn (leftmost leaves the most room for the rest); the
 * piece after the last '*' must end the path when the rule is anchored.
 */
static int rule_matches(const struct robots_rule *rule, const char *path, size_t n)
{
	const char *p = rule->pattern, *end = p + rule->len, *star = memchr(p, '*', rule->len);
	size_t piece = (size_t)((star != NULL ? star : end) - p), at;

	if (piece > n || memcmp(path, p, piece) != 0)
		return 0;
	if (star == NULL)
		return !rule->anchored || piece == n;
	for (at = piece, p = star + 1;; p = star + 1) {
		const char *hit;

		star = memchr(p, '*', (size_t)(end - p));
		piece = (size_t)((star != NULL ? star : end) - p);
		if (star == NULL)
			break;
		if ((hit = memmem(path + at, n - at, p, piece)) == NULL)
			return 0;
		at = (size_t)(hit - path) + piece;
	}
	if (rule->anchored)
		return n - at >= piece && memcmp(path + n - piece, p, piece) == 0;
	return memmem(path + at, n - at, p, piece) != NULL;
}

int robots_allowed(const struct robots *r, const char *path)
{
	char norm[ROBOTS_PATH_MAX + 1];
	size_t i, n;

	if (r == NULL)
		return 1;
	if (path == NULL || path[0] == '\0')
		path = "/";
	n = normalize(path, strlen(path), norm, 1);
	if (strcmp(norm, "/robots.txt") == 0)
		return 1;
	for (i = 0; i < r->n; i++)
		if (rule_matches(&r->rules[i], norm, n))
			return r->rules[i].allow;
	return 1;
}

double robots_crawl_delay(const struct robots *r)
{
	return r != NULL ? r->delay : -1;
}
