/*
 * fuzz-extract.c - extract_page() on any bytes, then posting_normalize() on
 * every raw posting it finds; everything is released, so a leak shows too.
 * A normalized posting must hold only the values posting.h allows.  Where
 * the JSON-LD fast path (extract-scan.h) reads the page, the tree path must
 * give exactly the same: postings, warnings, skips and next page.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "extract.h"
#include "extract-internal.h"
#include "extract-scan.h"
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

static int same_text(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static int same_posting(const struct raw_posting *a, const struct raw_posting *b)
{
	return same_text(a->title, b->title) && same_text(a->company, b->company) &&
	       same_text(a->location, b->location) && same_text(a->remote, b->remote) &&
	       same_text(a->country, b->country) &&
	       same_text(a->applicant_country, b->applicant_country) &&
	       same_text(a->level, b->level) && same_text(a->employment_type, b->employment_type) &&
	       same_text(a->salary_text, b->salary_text) && same_text(a->url, b->url) &&
	       same_text(a->external_id, b->external_id) &&
	       same_text(a->description, b->description) && same_text(a->posted, b->posted) &&
	       same_text(a->strategy, b->strategy) &&
	       memcmp(&a->salary_hints, &b->salary_hints, sizeof(a->salary_hints)) == 0;
}

/* Abort unless the tree path gives r too, when the fast path read the page. */
static void check_fast_path(const uint8_t *data, size_t size, const struct extract_result *r)
{
	struct extract_result tree;
	struct page_scan scan;
	char *err = NULL;
	size_t i;

	if (!scan_page((const char *)data, size, BASE_URL, boards(), &scan))
		return;
	page_scan_release(&scan);
	extract_result_init(&tree);
	if (extract_page_tree((const char *)data, size, BASE_URL, boards(), &tree, &err) != 0 ||
	    tree.count != r->count || tree.nwarnings != r->nwarnings ||
	    tree.skipped != r->skipped || !same_text(tree.next_url, r->next_url))
		abort();
	for (i = 0; i < r->count; i++)
		if (!same_posting(&tree.postings[i], &r->postings[i]))
			abort();
	for (i = 0; i < r->nwarnings; i++)
		if (strcmp(tree.warnings[i], r->warnings[i]) != 0)
			abort();
	extract_result_release(&tree);
	free(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_result result;
	char *err = NULL;
	size_t i;

	extract_result_init(&result);
	if (extract_page((const char *)data, size, BASE_URL, boards(), &result, &err) == 0) {
		check_fast_path(data, size, &result);
		for (i = 0; i < result.count; i++)
			fuzz_normalize_and_check(&result.postings[i]);
	} else if (err == NULL) {
		abort();	/* -1 must come with a message */
	}
	free(err);
	extract_result_release(&result);
	return 0;
}
