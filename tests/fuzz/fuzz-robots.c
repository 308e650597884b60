/*
 * fuzz-robots.c - robots_parse() on any text, then robots_allowed() on
 * paths from the input.  The input is the robots.txt, optionally followed
 * by "\n----\n" and one path a line; without one, the text's first line
 * (with a '/' before it) is the path.
 *
 * Invariants: every answer is 0 or 1; "/robots.txt" is always allowed; the
 * crawl delay is -1 or within [0, ROBOTS_DELAY_MAX]; a path whose letters
 * and digits are written as %xx gets the same answer (the matcher compares
 * normalized paths; paths with a '%' or too long to compare whole aside).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "robots.h"
#include "xalloc.h"

/* path with every letter and digit percent-encoded: the same path. */
static char *encode_unreserved(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), o = 0, i;
	char *out = xmalloc(3 * n + 1);

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)path[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return out;
}

static void check_path(const struct robots *r, const char *path)
{
	int allowed = robots_allowed(r, path);
	char *encoded;

	if (allowed != 0 && allowed != 1)
		abort();
	/* The cut at ROBOTS_PATH_MAX falls elsewhere in a longer spelling,
	 * and "%4a" spelt "%%34%61" is no longer an escape. */
	if (strlen(path) >= ROBOTS_PATH_MAX / 3 || strchr(path, '%') != NULL)
		return;
	encoded = encode_unreserved(path);
	if (robots_allowed(r, encoded) != allowed)
		abort();
	free(encoded);
}

static void check_paths(const struct robots *r, char *paths)
{
	char *line = paths, *nl;

	for (;;) {
		nl = strchr(line, '\n');
		if (nl != NULL)
			*nl = '\0';
		check_path(r, line);
		if (nl == NULL)
			break;
		line = nl + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *sep = size >= 6 ? memmem(text, size, "\n----\n", 6) : NULL;
	size_t len = sep != NULL ? (size_t)(sep - text) : size;
	struct robots *r = robots_parse(text, len, "jobstats");
	double delay = robots_crawl_delay(r);
	char *paths;

	if (robots_allowed(r, "/robots.txt") != 1)
		abort();
	if (delay != -1 && !(delay >= 0 && delay <= ROBOTS_DELAY_MAX))
		abort();
	if (sep != NULL) {
		paths = xstrndup(sep + 6, size - len - 6);
	} else {
		const char *nl = memchr(text, '\n', size);

		char *first = xstrndup(text, nl != NULL ? (size_t)(nl - text) : size);

		paths = xasprintf("/%s", first);
		free(first);
	}
	check_paths(r, paths);
	free(paths);
	robots_free(r);
	return 0;
}
