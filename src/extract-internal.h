/*
 * extract-internal.h - what extract.c hands to its strategies.  Not part of
 * the extract stage's public interface (extract.h).
 */
#ifndef JOBSTATS_EXTRACT_INTERNAL_H
#define JOBSTATS_EXTRACT_INTERNAL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract.h"

/* What one walk over the page found, for the strategies to read. */
struct page_scan {
	const char *url;	/* the page's own URL, for messages; may be NULL */
	char *base;		/* <base href> resolved, else the page URL */
	char **jsonld;		/* text of each application/ld+json script */
	size_t njsonld;
	xmlNode **cards;	/* seed-board card elements (class "job-card") */
	size_t ncards;
	xmlNode **microdata;	/* itemscope elements of itemtype JobPosting */
	size_t nmicrodata;
	char *next_href;	/* first rel="next" link, as written */
};

/* schema.org JobPosting objects of the JSON-LD blocks, appended to r. */
void jsonld_extract(const struct page_scan *scan, struct extract_result *r);

/*
 * Is the document itself JSON (its first byte, after blanks, is { or [)?
 * Such a document is read by jsonld_extract_document, not as HTML.
 */
int jsonld_is_document(const char *data, size_t len);
/*
 * The JobPosting objects of a JSON document, read as one JSON-LD block;
 * a document with none is warned of as not an HTML page.
 */
void jsonld_extract_document(const char *data, size_t len, const char *url,
			     struct extract_result *r);

/*
 * schema.org JobPosting microdata items, appended to r; a posting the
 * JSON-LD postings already in r describe (same url, id or title) fills
 * their missing fields instead of being counted twice.  Call after
 * jsonld_extract.
 */
void microdata_extract(const struct page_scan *scan, struct extract_result *r);
/* Is n an itemscope element whose itemtype is schema.org's JobPosting? */
int microdata_is_job(const xmlNode *n);

/* Seed-board listing cards, appended to r. */
void cards_extract(const struct page_scan *scan, struct extract_result *r);

#endif
