/*
 * extract-scan-internal.h - between the fast path's rule reader
 * (extract-scan-rules.c) and its page search (extract-scan-words.c).
 */
#ifndef JOBSTATS_EXTRACT_SCAN_INTERNAL_H
#define JOBSTATS_EXTRACT_SCAN_INTERNAL_H

#include <stddef.h>

#include "extract-scan.h"

/* A word a match rule cannot hold without. */
struct scan_needle {
	const char *s;		/* borrowed from the rule's text; at least 3 bytes */
	size_t n;
	int tag;		/* an element name (any case), else a word (exact) */
	int found;		/* set by scan_find_needles */
};

struct scan_needles {
	struct scan_needle *v;
	size_t n, alloc;
};

/*
 * Mark each needle the page holds: an element name as a tag's name, a word
 * in the bytes or in the text with character references decoded.
 */
void scan_find_needles(const char *html, size_t len, struct scan_needles *l);

#endif
