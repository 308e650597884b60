/*
 * extract.h - the extract stage: an HTML page to raw postings.
 *
 * Strategies, in order: schema.org JobPosting JSON-LD (extract-jsonld*.c),
 * schema.org JobPosting microdata (extract-microdata.c), Hacker News "Who
 * is hiring?" threads (extract-hn*.c), then the rules of
 * the board the page belongs to (board.h, extract-rules*.c; the seed
 * board's listing cards are one such board).  A microdata posting that
 * describes the same job as a JSON-LD posting (same URL, external id, or
 * title and no other company), and a rules posting that describes the same
 * job as an earlier one (same URL, external id, or title and company), fill
 * its missing fields instead of being counted twice.  A document that is
 * itself JSON is read as one JSON-LD block; a page that only its JSON-LD
 * blocks can add to is read without an HTML tree (extract-scan.h), with
 * the same result.  Also yields the next-page link.
 * Knows nothing of fetching or storage.
 */
#ifndef JOBSTATS_EXTRACT_H
#define JOBSTATS_EXTRACT_H

#include <stddef.h>

#include "posting.h"

struct board_set;

struct extract_result {
	struct raw_posting *postings;
	size_t count, alloc;
	char *next_url;		/* absolute, or NULL when there is no next page */
	char **warnings;	/* things skipped on this page, each a full message */
	size_t nwarnings;
	size_t skipped;		/* postings found but dropped (no title), each warned of */
};

void extract_result_init(struct extract_result *r);
void extract_result_release(struct extract_result *r);

/*
 * Extract the postings of one page.  base_url resolves relative links and
 * picks the board by its host (it may be NULL: boards are then picked by
 * their match rules alone).  boards may be NULL or empty (structured data
 * only).  Returns 0, or -1 with *err set when the page cannot be read as
 * HTML at all; problems with single postings (a JSON-LD block that is not
 * valid JSON, a posting with no title, ...) become warnings and extraction
 * goes on.  Every posting returned has a title.
 */
int extract_page(const char *html, size_t len, const char *base_url,
		 const struct board_set *boards, struct extract_result *out, char **err);

/* A new empty posting at the end of r (used by the strategies). */
struct raw_posting *extract_result_add(struct extract_result *r);
void extract_result_warn(struct extract_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
