/* role-list.c - roles given one by one or read from a file, each once. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "html.h"
#include "role-list.h"
#include "role.h"
#include "xalloc.h"

void role_list_release(struct role_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* The same words in the same order: each matches the other as a title. */
static int same_role(const char *a, const char *b)
{
	return strcmp(a, b) == 0 || (role_matches(a, b) && role_matches(b, a));
}

int role_list_add(struct role_list *l, const char *role)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (same_role(l->v[i], role))
			return 0;
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = xstrdup(role);
	return 1;
}

/* Trim the line end (LF, CRLF), then spaces and tabs on both sides, in place. */
static char *trim(char *s, size_t *len)
{
	while (*len > 0 && strchr("\r\n \t", s[*len - 1]) != NULL)
		s[--*len] = '\0';
	while (*s == ' ' || *s == '\t') {
		s++;
		--*len;
	}
	return s;
}

/*
 * Add the role of one line as read (its line end still on it, and on the
 * first line maybe a byte order mark): 1 when it held one, 0 when blank or
 * a comment, -1 and why (room for 64 bytes) when it cannot be a role.
 */
static int add_line(struct role_list *l, char *s, size_t len, int first, char *why)
{
	if (first && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		len -= 3;
	}
	if (!utf8_valid(s, len)) {
		snprintf(why, 64, "not UTF-8 text");
		return -1;
	}
	s = trim(s, &len);
	if (len > ROLE_LIST_MAX_ROLE) {
		snprintf(why, 64, "longer than %d bytes", ROLE_LIST_MAX_ROLE);
		return -1;
	}
	if (len == 0 || s[0] == '#')
		return 0;
	role_list_add(l, s);
	return 1;
}

int role_list_read(struct role_list *l, FILE *f, const char *name, char **err)
{
	char *buf = NULL, why[64];
	size_t cap = 0;
	ssize_t got;
	long line = 0;
	int n = 0, rc = 0;

	while (rc >= 0 && (got = getline(&buf, &cap, f)) >= 0) {
		line++;
		if ((rc = add_line(l, buf, (size_t)got, line == 1, why)) > 0)
			n++;
	}
	free(buf);
	if (rc < 0)
		return set_error(err, "cannot read roles from '%s': line %ld: %s", name, line, why);
	if (ferror(f))
		return set_error(err, "cannot read roles from '%s': %s", name, strerror(errno));
	return n;
}
