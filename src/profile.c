/* profile.c - parse a role profile's text (pure: no I/O). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "profile.h"
#include "role.h"
#include "xalloc.h"

#define PROFILE_MAX_WEIGHT 100
#define PROFILE_MAX_THRESHOLD 10000

static const char *const kind_names[] = {
	[PROFILE_RESPONSIBILITY] = "responsibility",
	[PROFILE_SKILL] = "skill",
	[PROFILE_TOOL] = "tool",
	[PROFILE_INDUSTRY] = "industry",
};

const char *profile_kind_name(enum profile_kind kind)
{
	return kind_names[kind];
}

/* Where the parser is: for messages and the entries read so far. */
struct parser {
	const char *source;
	unsigned line;
	struct profile *p;
	size_t titles_alloc, keywords_alloc;
	char **err;
};

static int parse_error(struct parser *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int parse_error(struct parser *ps, const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);

	set_error(ps->err, "profile '%s' line %u: %s", ps->source, ps->line, what);
	free(what);
	return -1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* s[0..*len) without the spaces around it. */
static const char *trim(const char *s, size_t *len)
{
	while (*len > 0 && is_space(*s)) {
		s++;
		(*len)--;
	}
	while (*len > 0 && is_space(s[*len - 1]))
		(*len)--;
	return s;
}

static int set_name(struct parser *ps, const char *v, size_t len)
{
	if (ps->p->name != NULL)
		return parse_error(ps, "a second 'name:'");
	ps->p->name = xstrndup(v, len);
	return 0;
}

/* Does v[0, len) hold a word (role.h)?  Without one it could match nothing. */
static int has_words(const char *v, size_t len)
{
	char *copy = xstrndup(v, len);
	const char *p = copy;
	size_t wlen;
	int yes = role_next_word(&p, &wlen) != NULL;

	free(copy);
	return yes;
}

/* A title pattern, which must have a word to match (role.h). */
static int add_title(struct parser *ps, const char *v, size_t len)
{
	struct profile *p = ps->p;
	char *title;

	if (!has_words(v, len))
		return parse_error(ps, "title '%.*s' has no words", (int)len, v);
	title = xstrndup(v, len);
	if (p->ntitles + 1 >= ps->titles_alloc) {
		ps->titles_alloc = ps->titles_alloc ? 2 * ps->titles_alloc : 8;
		p->titles = xreallocarray(p->titles, ps->titles_alloc, sizeof(*p->titles));
	}
	p->titles[p->ntitles++] = title;
	p->titles[p->ntitles] = NULL;
	return 0;
}

/* A whole number from 1 to max filling s (NUL-terminated), else -1. */
static long whole_number(const char *s, long max, char **end)
{
	long n;

	errno = 0;
	n = strtol(s, end, 10);
	if (*end == s || errno != 0 || n < 1 || n > max)
		return -1;
	return n;
}

/* "threshold: N": the score a posting needs to fit (profile-fit.h). */
static int set_threshold(struct parser *ps, const char *v, size_t len)
{
	char *copy = xstrndup(v, len), *end;
	long n = whole_number(copy, PROFILE_MAX_THRESHOLD, &end);
	int bad = n < 0 || *end != '\0';

	free(copy);
	if (ps->p->threshold != 0)
		return parse_error(ps, "a second 'threshold:'");
	if (bad)
		return parse_error(ps, "expected a whole number from 1 to %d after 'threshold:'",
				   PROFILE_MAX_THRESHOLD);
	ps->p->threshold = (int)n;
	return 0;
}

/* "WEIGHT phrase": a whole number 1..100, spaces, then the phrase. */
static int add_keyword(struct parser *ps, enum profile_kind kind, const char *v, size_t len)
{
	struct profile *p = ps->p;
	char *copy = xstrndup(v, len), *end;
	const char *phrase;
	size_t plen;
	long w;

	w = whole_number(copy, PROFILE_MAX_WEIGHT, &end);
	if (w < 0 || !is_space(*end)) {
		free(copy);
		return parse_error(ps, "expected 'WEIGHT phrase' (WEIGHT 1 to 100) after '%s:'",
				   kind_names[kind]);
	}
	plen = strlen(end);
	phrase = trim(end, &plen);
	if (!has_words(phrase, plen)) {
		parse_error(ps, "%s '%.*s' has no words", kind_names[kind], (int)plen, phrase);
		free(copy);
		return -1;
	}
	if (p->nkeywords == ps->keywords_alloc) {
		ps->keywords_alloc = ps->keywords_alloc ? 2 * ps->keywords_alloc : 32;
		p->keywords = xreallocarray(p->keywords, ps->keywords_alloc, sizeof(*p->keywords));
	}
	p->keywords[p->nkeywords].kind = kind;
	p->keywords[p->nkeywords].weight = (int)w;
	p->keywords[p->nkeywords++].phrase = xstrndup(phrase, plen);
	free(copy);
	return 0;
}

static int find_kind(const char *key, size_t len)
{
	size_t k;

	for (k = 0; k < sizeof(kind_names) / sizeof(kind_names[0]); k++)
		if (strlen(kind_names[k]) == len && memcmp(kind_names[k], key, len) == 0)
			return (int)k;
	return -1;
}

static int key_is(const char *key, size_t len, const char *want)
{
	return strlen(want) == len && memcmp(want, key, len) == 0;
}

/* One line, without its newline; blank and comment lines are nothing. */
static int parse_line(struct parser *ps, const char *s, size_t len)
{
	const char *colon, *key, *val;
	size_t klen, vlen;
	int kind;

	s = trim(s, &len);
	if (len == 0 || *s == '#')
		return 0;
	colon = memchr(s, ':', len);
	if (colon == NULL)
		return parse_error(ps, "expected 'key: value'");
	klen = (size_t)(colon - s);
	key = trim(s, &klen);
	vlen = len - (size_t)(colon + 1 - s);
	val = trim(colon + 1, &vlen);
	if (vlen == 0)
		return parse_error(ps, "no value after '%.*s:'", (int)klen, key);
	if (key_is(key, klen, "name"))
		return set_name(ps, val, vlen);
	if (key_is(key, klen, "title"))
		return add_title(ps, val, vlen);
	if (key_is(key, klen, "threshold"))
		return set_threshold(ps, val, vlen);
	kind = find_kind(key, klen);
	if (kind >= 0)
		return add_keyword(ps, (enum profile_kind)kind, val, vlen);
	return parse_error(ps, "unknown key '%.*s'", (int)klen, key);
}

static int parse_lines(struct parser *ps, const char *text)
{
	const char *nl;

	for (ps->line = 1; *text != '\0'; ps->line++) {
		nl = strchr(text, '\n');
		if (nl == NULL)
			nl = text + strlen(text);
		if (parse_line(ps, text, (size_t)(nl - text)) < 0)
			return -1;
		text = *nl ? nl + 1 : nl;
	}
	ps->line--;
	if (ps->p->name == NULL)
		return set_error(ps->err, "profile '%s': no 'name:' line", ps->source);
	if (ps->p->ntitles == 0)
		return set_error(ps->err, "profile '%s': no 'title:' line", ps->source);
	return 0;
}

int profile_parse(const char *text, const char *source, struct profile *out, char **err)
{
	struct parser ps = { .source = source, .p = out, .err = err };

	memset(out, 0, sizeof(*out));
	if (parse_lines(&ps, text) < 0) {
		profile_release(out);
		return -1;
	}
	return 0;
}

void profile_release(struct profile *p)
{
	size_t i;

	for (i = 0; i < p->ntitles; i++)
		free(p->titles[i]);
	for (i = 0; i < p->nkeywords; i++)
		free(p->keywords[i].phrase);
	free(p->titles);
	free(p->keywords);
	free(p->name);
	free(p->path);
	memset(p, 0, sizeof(*p));
}

/* "name" or a file stem "data-operations-manager" (from .../NAME.profile). */
static int names_profile(const struct profile *p, const char *name)
{
	const char *base, *dot;
	size_t len;

	if (strcasecmp(p->name, name) == 0)
		return 1;
	if (p->path == NULL)
		return 0;
	base = strrchr(p->path, '/');
	base = base ? base + 1 : p->path;
	dot = strrchr(base, '.');
	len = dot ? (size_t)(dot - base) : strlen(base);
	return strlen(name) == len && strncasecmp(base, name, len) == 0;
}

const struct profile *profile_find(const struct profile_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (names_profile(&set->v[i], name))
			return &set->v[i];
	return NULL;
}

void profile_set_release(struct profile_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		profile_release(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

int profile_resolve_role(const char *value, char ***titles, char **err)
{
	struct profile_set set = { NULL, 0 };
	const struct profile *p;
	size_t i;

	*titles = NULL;
	if (profile_load(&set, err) < 0)
		return -1;
	p = profile_find(&set, value);
	if (p != NULL) {
		*titles = xcalloc(p->ntitles + 1, sizeof(**titles));
		for (i = 0; i < p->ntitles; i++)
			(*titles)[i] = xstrdup(p->titles[i]);
	}
	profile_set_release(&set);
	return 0;
}

void profile_titles_free(char **titles)
{
	size_t i;

	for (i = 0; titles != NULL && titles[i] != NULL; i++)
		free(titles[i]);
	free(titles);
}
