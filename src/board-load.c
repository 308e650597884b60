/* board-load.c - find and read the board rules files (no printing). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "buf.h"
#include "confdir.h"
#include "xalloc.h"

char *board_user_dir(void)
{
	return confdir_user("boards");
}

char *board_system_dir(void)
{
	return confdir_system("JOBSTATS_BOARDS_DIR", "boards");
}

const struct board *board_find(const struct board_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i].name, name) == 0)
			return &set->v[i];
	return NULL;
}

int board_read(const char *path, const char *name, struct board *out, char **err)
{
	struct buf text = BUF_INIT;
	int rc = confdir_read(path, BOARD_MAX_BYTES, "rules file", &text, err);

	if (rc == 0)
		rc = board_parse(buf_str(&text), name, path, out, err);
	if (rc == 0)
		out->path = xstrdup(path);
	buf_release(&text);
	return rc;
}

/* dir/file into the set, unless an earlier directory had that board. */
static int load_file(const char *dir, const char *file, struct board_set *set, char **err)
{
	struct board b;
	char *path = xasprintf("%s/%s", dir, file);
	char *name = xstrndup(file, strlen(file) - strlen(".rules"));
	int rc = 0;

	if (board_find(set, name) == NULL && (rc = board_read(path, name, &b, err)) == 0) {
		set->v = xreallocarray(set->v, set->n + 1, sizeof(*set->v));
		set->v[set->n++] = b;
	}
	free(name);
	free(path);
	return rc;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct board *)a)->name, ((const struct board *)b)->name);
}

int board_load_dirs(const char *const *dirs, size_t ndirs, struct board_set *out, char **err)
{
	size_t i, j, n;
	char **names;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < ndirs && rc == 0; i++) {
		if (dirs[i] == NULL)
			continue;
		rc = confdir_list(dirs[i], ".rules", "rules", &names, &n, err);
		for (j = 0; j < n; j++) {
			if (rc == 0)
				rc = load_file(dirs[i], names[j], out, err);
			free(names[j]);
		}
		free(names);
	}
	if (rc < 0) {
		board_set_release(out);
		return -1;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_name);
	return 0;
}

int board_load(struct board_set *out, char **err)
{
	char *dirs[2] = { board_user_dir(), board_system_dir() };
	int rc = board_load_dirs((const char *const *)dirs, 2, out, err);

	free(dirs[0]);
	free(dirs[1]);
	return rc;
}

int board_set_choose(struct board_set *set, const char *name)
{
	size_t i, kept = 0;

	for (i = 0; i < set->n; i++) {
		if (strcmp(set->v[i].name, name) == 0)
			set->v[kept++] = set->v[i];
		else
			board_release(&set->v[i]);
	}
	set->n = kept;
	set->any_host = 1;
	return kept == 1 ? 0 : -1;
}

void board_set_release(struct board_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		board_release(&set->v[i]);
	free(set->v);
	memset(set, 0, sizeof(*set));
}
