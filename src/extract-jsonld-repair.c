/*
 * extract-jsonld-repair.c - narrow repairs of JSON-LD blocks as real sites
 * write them: comment and CDATA wrappers, the whole block HTML-escaped,
 * trailing commas, raw control characters inside strings.  Each repair
 * looks at one kind of byte in one place (outside or inside strings) and
 * never guesses structure: a block missing a bracket or quoting with ' stays
 * invalid.  The caller warns of every repair that made a block readable.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "extract-jsonld-internal.h"
#include "html.h"
#include "xalloc.h"

static int is_json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* s without its leading and trailing blanks, in place. */
static void trim(char *s)
{
	size_t n = strlen(s), start = 0;

	while (n > 0 && is_json_space(s[n - 1]))
		s[--n] = '\0';
	while (is_json_space(s[start]))
		start++;
	memmove(s, s + start, n - start + 1);
}

/*
 * Only trimmed, not collapsed: a raw newline inside a string is a repair
 * to warn of (jsonld_repair), and a description keeps its lines.
 */
char *jsonld_unwrap(const char *text)
{
	static const char *const heads[] = { "<!--", "//<![CDATA[", "<![CDATA[" };
	static const char *const tails[] = { "-->", "//]]>", "]]>" };
	char *s = xstrdup(text), *p;
	size_t i, n;

	trim(s);
	for (i = 0; i < 3; i++) {
		n = strlen(heads[i]);
		if (strncmp(s, heads[i], n) == 0)
			memmove(s, s + n, strlen(s + n) + 1);
		n = strlen(tails[i]);
		p = s + strlen(s);
		if ((size_t)(p - s) >= n && strcmp(p - n, tails[i]) == 0)
			p[-(ptrdiff_t)n] = '\0';
		trim(s);
	}
	return s;
}

/* The entities an HTML-escaping template writes, and what they stand for. */
static const struct {
	const char *name;
	char c;
} entities[] = {
	{ "&quot;", '"' }, { "&#34;", '"' }, { "&#x22;", '"' }, { "&amp;", '&' },
	{ "&lt;", '<' }, { "&gt;", '>' }, { "&#39;", '\'' }, { "&apos;", '\'' },
};

unsigned jsonld_repair_entities(char *json)
{
	char *in = json, *out = json;
	size_t i, n;

	/* A '"' of its own means the block is JSON and &quot; is its text's. */
	if (strchr(json, '"') != NULL || strstr(json, "&quot;") == NULL)
		return 0;
	while (*in) {
		for (i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
			n = strlen(entities[i].name);
			if (strncmp(in, entities[i].name, n) == 0)
				break;
		}
		if (i < sizeof(entities) / sizeof(entities[0])) {
			*out++ = entities[i].c;
			in += n;
		} else {
			*out++ = *in++;
		}
	}
	*out = '\0';
	return JSONLD_REPAIRED_ENTITIES;
}

/* A comma outside strings with only blanks before the next } or ]. */
static int is_trailing_comma(const char *s)
{
	for (s++; is_json_space(*s); s++)
		;
	return *s == '}' || *s == ']';
}

/* A control character inside a string, escaped as JSON wants it. */
static void append_escaped(struct buf *out, unsigned char c)
{
	if (c == '\n')
		buf_appends(out, "\\n");
	else if (c == '\t')
		buf_appends(out, "\\t");
	else if (c == '\r')
		buf_appends(out, "\\r");
	else
		buf_printf(out, "\\u%04x", c);
}

char *jsonld_repair(const char *json, unsigned *done)
{
	struct buf out = BUF_INIT;
	const char *s;
	int in_string = 0;

	*done = 0;
	for (s = json; *s; s++) {
		if (in_string && *s == '\\' && s[1] != '\0') {
			buf_append(&out, s, 2);
			s++;
			continue;
		}
		if (in_string && (unsigned char)*s < 0x20) {
			append_escaped(&out, (unsigned char)*s);
			*done |= JSONLD_REPAIRED_CONTROLS;
			continue;
		}
		if (!in_string && *s == ',' && is_trailing_comma(s)) {
			*done |= JSONLD_REPAIRED_COMMAS;
			continue;
		}
		if (*s == '"')
			in_string = !in_string;
		buf_append(&out, s, 1);
	}
	buf_appends(&out, "");	/* an empty block still gets its NUL */
	return buf_detach(&out);
}

const char *jsonld_repairs_text(unsigned done, char *buf, size_t size)
{
	static const struct {
		unsigned bit;
		const char *text;
	} names[] = {
		{ JSONLD_REPAIRED_ENTITIES, "HTML entities decoded" },
		{ JSONLD_REPAIRED_COMMAS, "trailing commas dropped" },
		{ JSONLD_REPAIRED_CONTROLS, "control characters in strings escaped" },
	};
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((done & names[i].bit) && len < size)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? ", " : "", names[i].text);
	return buf;
}

/*
 * A byte scan that skips strings, so a hostile block is refused before
 * SQLite parses it (SQLite's own limit is in the thousands, and json_tree's
 * cost grows with depth).  Unbalanced brackets are left for json_valid to
 * reject.
 */
int jsonld_too_deep(const char *s, int max)
{
	int depth = 0, in_string = 0;

	for (; *s; s++) {
		if (in_string) {
			if (*s == '\\' && s[1] != '\0')
				s++;
			else if (*s == '"')
				in_string = 0;
		} else if (*s == '"') {
			in_string = 1;
		} else if (*s == '[' || *s == '{') {
			if (++depth > max)
				return 1;
		} else if (*s == ']' || *s == '}') {
			depth--;
		}
	}
	return 0;
}
