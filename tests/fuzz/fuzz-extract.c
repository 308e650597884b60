/*
 * fuzz-extract.c - extract_page() on any bytes, then posting_normalize() on
 * every raw posting it finds; everything is released, so a leak shows too.
 * A normalized posting must hold only the values posting.h allows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "extract.h"
#include "fuzz.h"
#include "posting.h"
#include "xalloc.h"

#define BASE_URL "https://fuzz.example.test/list"

/*
 * The shipped board rules, so every input also runs through them: from
 * $JOBSTATS_BOARDS_DIR, else contrib/boards under $top_srcdir or here.
 */
static const struct board_set *boards(void)
{
	static struct board_set set;
	static int loaded;
	const char *env = getenv("JOBSTATS_BOARDS_DIR"), *top = getenv("top_srcdir");
	char *dir, *err = NULL;
	const char *dirs[1];

	if (loaded)
		return &set;
	loaded = 1;
	dir = env && *env ? xstrdup(env) : xasprintf("%s/contrib/boards", top && *top ? top : ".");
	dirs[0] = dir;
	if (board_load_dirs(dirs, 1, &set, &err) < 0) {
		fprintf(stderr, "fuzz-extract: %s\n", err);
		abort();
	}
	free(dir);
	return &set;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_result result;
	char *err = NULL;
	size_t i;

	extract_result_init(&result);
	if (extract_page((const char *)data, size, BASE_URL, boards(), &result, &err) == 0) {
		for (i = 0; i < result.count; i++)
			fuzz_normalize_and_check(&result.postings[i]);
	} else if (err == NULL) {
		abort();	/* -1 must come with a message */
	}
	free(err);
	extract_result_release(&result);
	return 0;
}
