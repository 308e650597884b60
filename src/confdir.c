/* confdir.c - find and read the files users edit (see confdir.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confdir.h"
#include "xalloc.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/jobstats"
#endif

char *confdir_user(const char *kind)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg != NULL && *xdg == '/')
		return xasprintf("%s/jobstats/%s", xdg, kind);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.config/jobstats/%s", home, kind);
	return NULL;
}

char *confdir_system(const char *envvar, const char *kind)
{
	const char *env = getenv(envvar);

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	return xasprintf("%s/%s", PKGDATADIR, kind);
}

int confdir_read(const char *path, size_t max, const char *what, struct buf *b, char **err)
{
	FILE *f = fopen(path, "rb");
	char chunk[4096];
	size_t n;
	int rc = 0;

	if (f == NULL)
		return set_error(err, "cannot open %s '%s': %s", what, path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_append(b, chunk, n);
		if (b->len > max) {
			rc = set_error(err, "%s '%s' is larger than %zu bytes", what, path, max);
			break;
		}
	}
	if (rc == 0 && ferror(f))
		rc = set_error(err, "cannot read %s '%s': %s", what, path, strerror(errno));
	fclose(f);
	if (rc == 0 && memchr(buf_str(b), '\0', b->len) != NULL)
		rc = set_error(err, "%s '%s' is not text", what, path);
	return rc;
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && strcmp(s + n - m, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int confdir_list(const char *dir, const char *suffix, const char *what, char ***names,
		 size_t *n, char **err)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	*names = NULL;
	*n = 0;
	if (d == NULL && (errno == ENOENT || errno == ENOTDIR))
		return 0;
	if (d == NULL)
		return set_error(err, "cannot read %s directory '%s': %s", what, dir,
				 strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !has_suffix(e->d_name, suffix))
			continue;
		*names = xreallocarray(*names, *n + 1, sizeof(**names));
		(*names)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*names, *n, sizeof(**names), cmp_str);
	return 0;
}
