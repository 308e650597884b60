/* profile-load.c - find and read the role profiles (no printing). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "confdir.h"
#include "profile.h"
#include "xalloc.h"

/* A profile is a few kilobytes; anything larger is not one. */
#define PROFILE_MAX_BYTES (1024 * 1024)

char *profile_user_dir(void)
{
	return confdir_user("profiles");
}

char *profile_system_dir(void)
{
	return confdir_system("JOBSTATS_PROFILES_DIR", "profiles");
}

static size_t find_by_name(const struct profile_set *set, size_t from, const char *name)
{
	size_t i;

	for (i = from; i < set->n; i++)
		if (strcasecmp(set->v[i].name, name) == 0)
			return i;
	return set->n;
}

/*
 * Read dir/file into the set: skipped when an earlier directory (set->v[0]
 * up to first) has a profile of its name; an error when this directory has.
 */
static int load_file(const char *dir, const char *file, size_t first, struct profile_set *set,
		     char **err)
{
	struct buf text = BUF_INIT;
	struct profile p;
	char *path = xasprintf("%s/%s", dir, file);
	size_t dup;
	int rc = -1;

	if (confdir_read(path, PROFILE_MAX_BYTES, "profile", &text, err) < 0 || profile_parse(buf_str(&text), path, &p, err) < 0)
		goto out;
	rc = 0;
	dup = find_by_name(set, 0, p.name);
	if (dup >= first && dup < set->n)
		rc = set_error(err, "profiles '%s' and '%s' are both named '%s'",
			       set->v[dup].path, path, p.name);
	if (dup < set->n) {
		profile_release(&p);
		goto out;
	}
	p.path = path;
	path = NULL;
	set->v = xreallocarray(set->v, set->n + 1, sizeof(*set->v));
	set->v[set->n++] = p;
out:
	buf_release(&text);
	free(path);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcasecmp(((const struct profile *)a)->name, ((const struct profile *)b)->name);
}

static int load_dir(const char *dir, struct profile_set *set, char **err)
{
	char **names;
	size_t n, i, first = set->n;
	int rc;

	rc = confdir_list(dir, ".profile", "profile", &names, &n, err);
	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = load_file(dir, names[i], first, set, err);
		free(names[i]);
	}
	free(names);
	return rc;
}

int profile_load_dirs(const char *const *dirs, size_t ndirs, struct profile_set *out,
		      char **err)
{
	size_t i;

	out->v = NULL;
	out->n = 0;
	for (i = 0; i < ndirs; i++) {
		if (dirs[i] != NULL && load_dir(dirs[i], out, err) < 0) {
			profile_set_release(out);
			return -1;
		}
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_name);
	return 0;
}

int profile_load(struct profile_set *out, char **err)
{
	char *dirs[2] = { profile_user_dir(), profile_system_dir() };
	int rc;

	rc = profile_load_dirs((const char *const *)dirs, 2, out, err);
	free(dirs[0]);
	free(dirs[1]);
	return rc;
}
