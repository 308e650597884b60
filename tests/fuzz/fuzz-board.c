/*
 * fuzz-board.c - board_parse() on any text, then the board it makes (when
 * the text is a valid rules file) on a page.  The input is the rules file,
 * optionally followed by "\n----\n" and the page; without one, a small
 * listing page shaped like the seed board's is used.
 *
 * Invariants: a refused file comes with a message naming it; an accepted
 * one has at least one layout, each with match, posting and title; the
 * board extracts without error and every posting has a title.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "extract.h"
#include "fuzz.h"
#include "xalloc.h"

static const char default_page[] =
	"<html><head><script>window._d = {\"jobs\": [{\"t\": \"A\"}]};</script></head>"
	"<body><ul><li class=\"job-card\" data-job-id=\"1\"><a href=\"/j/1\">"
	"<h3 class=\"job-title\">Data Engineer</h3></a><p class=\"job-meta\">@ Acme | Remote</p>"
	"<span class=\"job-salary\">USD 100K - 130K</span></li></ul>"
	"<a rel=\"next\" href=\"?page=2\">next</a></body></html>";

static void check_board(const struct board *b)
{
	size_t i;

	if (b->nlayouts == 0)
		abort();
	for (i = 0; i < b->nlayouts; i++)
		if (b->layouts[i].match.n == 0 || b->layouts[i].posting.n == 0 ||
		    b->layouts[i].field[BF_TITLE].n == 0)
			abort();
}

static void run_board(struct board *b, const char *page, size_t len)
{
	struct board_set set = { b, 1, 1 };
	struct extract_result r;
	char *err = NULL;
	size_t i;

	extract_result_init(&r);
	if (extract_page(page, len, "https://fuzz.test/list", &set, &r, &err) == 0) {
		for (i = 0; i < r.count; i++)
			if (r.postings[i].title == NULL)
				abort();
	} else if (err == NULL) {
		abort();
	}
	free(err);
	extract_result_release(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), *sep = strstr(text, "\n----\n");
	const char *page = default_page;
	size_t len = sizeof(default_page) - 1;
	struct board b;
	char *err = NULL;

	if (sep != NULL) {
		*sep = '\0';
		page = sep + 6;
		len = size - (size_t)(page - text);
	}
	if (board_parse(text, "fuzz", "fuzz.rules", &b, &err) == 0) {
		check_board(&b);
		run_board(&b, page, len);
		board_release(&b);
	} else if (err == NULL || strncmp(err, "fuzz.rules:", 11) != 0) {
		abort();
	}
	free(err);
	free(text);
	return 0;
}
