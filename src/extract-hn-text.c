/*
 * extract-hn-text.c - string helpers for reading HN ads
 * (extract-hn-internal.h): lines, links cut out, trimming, words.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "extract-hn-internal.h"
#include "html.h"
#include "xalloc.h"

static int is_url_start(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0 ||
	       strncasecmp(s, "www.", 4) == 0;
}

/* Drop "()", "[]", "<>" left empty once their link is gone. */
static void drop_empty_brackets(char *s)
{
	static const char pairs[] = "()[]<>";
	char *r, *w, *q;
	const char *open;

	for (r = w = s; *r; r++) {
		open = strchr(pairs, *r);
		if (open != NULL && (open - pairs) % 2 == 0) {
			for (q = r + 1; *q == ' ' || *q == '-'; q++)
				;
			if (*q == open[1]) {
				r = q;
				continue;
			}
		}
		*w++ = *r;
	}
	*w = '\0';
}

char *hn_line_clean(const char *line, size_t n)
{
	struct buf b = BUF_INIT;
	const char *p = line, *end = line + n;
	char *s;

	while (p < end) {
		if ((p == line || !isalnum((unsigned char)p[-1])) && is_url_start(p)) {
			while (p < end && !isspace((unsigned char)*p) && !strchr(")]>", *p))
				p++;
			continue;
		}
		buf_append(&b, p, 1);
		p++;
	}
	s = buf_detach(&b);
	drop_empty_brackets(s);
	text_collapse(s);
	return s;
}

size_t hn_lines(const char *text, char ***lines)
{
	size_t count = 0, n;
	const char *s = text;
	char *line;

	*lines = NULL;
	while (*s) {
		n = strcspn(s, "\n");
		line = hn_line_clean(s, n);
		if (*line) {
			*lines = xreallocarray(*lines, count + 1, sizeof(**lines));
			(*lines)[count++] = line;
		} else {
			free(line);
		}
		s += n;
		if (*s)
			s++;
	}
	return count;
}

void hn_lines_free(char **lines, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(lines[i]);
	free(lines);
}

static int is_bullet(const char *s)
{
	return *s == '*' || *s == '-' || strncmp(s, "\xe2\x80\xa2", 3) == 0 || *s == ' ';
}

/* Does the text before end close with an abbreviation whose full stop
 * belongs to it ("Podium Advertising Ltd.")? */
static int ends_in_abbreviation(const char *s, const char *end)
{
	static const char *const abbrevs[] = { "inc", "ltd", "co", "corp", "llc" };
	const char *w = end;
	size_t i;

	while (w > s && isalpha((unsigned char)w[-1]))
		w--;
	for (i = 0; i < sizeof(abbrevs) / sizeof(abbrevs[0]); i++)
		if ((size_t)(end - w) == strlen(abbrevs[i]) &&
		    strncasecmp(w, abbrevs[i], (size_t)(end - w)) == 0)
			return 1;
	return 0;
}

char *hn_trimmed(const char *s, size_t n)
{
	const char *end = s + n;

	while (s < end && is_bullet(s))
		s += strncmp(s, "\xe2\x80\xa2", 3) == 0 ? 3 : 1;
	/* "1. GWT front end developer" */
	if (s < end && isdigit((unsigned char)*s) && s + 2 < end && strchr(".)", s[1]) && s[2] == ' ')
		s += 3;
	while (end > s && (isspace((unsigned char)end[-1]) || strchr(".,:;!*-", end[-1]))) {
		if (end[-1] == '.' && ends_in_abbreviation(s, end - 1))
			break;
		end--;
	}
	return xstrndup(s, (size_t)(end - s));
}

size_t hn_word_count(const char *s)
{
	size_t count = 0;

	while (*s) {
		while (isspace((unsigned char)*s))
			s++;
		if (!*s)
			break;
		count++;
		while (*s && !isspace((unsigned char)*s))
			s++;
	}
	return count;
}

int hn_any_word(const char *s, int (*test)(const char *w, size_t n))
{
	size_t n;

	while (*s) {
		while (isspace((unsigned char)*s))
			s++;
		n = strcspn(s, " \t\n");
		if (n > 0 && test(s, n))
			return 1;
		s += n;
	}
	return 0;
}

/* Where the top-level (outside brackets) separator sep occurs, or NULL. */
const char *hn_find_top(const char *s, const char *sep)
{
	size_t n = strlen(sep);
	int depth = 0;

	for (; *s; s++) {
		if (*s == '(' || *s == '[')
			depth++;
		else if ((*s == ')' || *s == ']') && depth > 0)
			depth--;
		else if (depth == 0 && strncasecmp(s, sep, n) == 0)
			return s;
	}
	return NULL;
}
