/* settings.c - read the user's settings file (see settings.h). */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "confdir.h"
#include "settings.h"
#include "xalloc.h"

void settings_init(struct settings *s)
{
	memset(s, 0, sizeof(*s));
}

void settings_release(struct settings *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].key);
		free(s->v[i].value);
	}
	free(s->v);
	free(s->path);
	settings_init(s);
}

static char *trimmed(const char *from, const char *to)
{
	while (from < to && isspace((unsigned char)*from))
		from++;
	while (to > from && isspace((unsigned char)to[-1]))
		to--;
	return xstrndup(from, (size_t)(to - from));
}

/* One line without its newline; 0, or -1 with *err at path:line. */
static int read_line(struct settings *s, const char *line, const char *end, int lineno,
		     char **err)
{
	const char *p = line, *eq;
	struct setting *set;

	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end || *p == '#')
		return 0;
	eq = memchr(p, '=', (size_t)(end - p));
	if (eq == NULL)
		return set_error(err, "%s:%d: expected 'key = value'", s->path, lineno);
	s->v = xreallocarray(s->v, s->n + 1, sizeof(*s->v));
	set = &s->v[s->n++];
	set->key = trimmed(p, eq);
	set->value = trimmed(eq + 1, end);
	set->line = lineno;
	if (*set->key == '\0')
		return set_error(err, "%s:%d: a setting without a name", s->path, lineno);
	return 0;
}

int settings_read(struct settings *s, const char *path, char **err)
{
	struct buf b = BUF_INIT;
	const char *p, *nl, *end;
	int lineno = 0, rc;

	s->path = xstrdup(path);
	rc = confdir_read(path, SETTINGS_MAX_BYTES, "settings file", &b, err);
	p = buf_str(&b);
	end = p + b.len;
	for (; rc == 0 && p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		rc = read_line(s, p, nl > p && nl[-1] == '\r' ? nl - 1 : nl, ++lineno, err);
	}
	buf_release(&b);
	return rc;
}

int settings_load(struct settings *s, char **err)
{
	const char *env = getenv("JOBSTATS_CONFIG");
	char *path = env != NULL && *env ? xstrdup(env) : confdir_user("config");
	struct stat st;
	int rc = 0;

	settings_init(s);
	if (path != NULL && (stat(path, &st) == 0 || errno != ENOENT || env != NULL))
		rc = settings_read(s, path, err);
	free(path);
	return rc;
}
