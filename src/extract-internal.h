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
	char *next_href;	/* first rel="next" link, as written */
};

/* schema.org JobPosting objects of the JSON-LD blocks, appended to r. */
void jsonld_extract(const struct page_scan *scan, struct extract_result *r);

/* The job ads of a Hacker News "Who is hiring?" thread page (top-level
 * comments), appended to r; nothing on any other page (extract-hn.c). */
void hn_extract(xmlNode *root, const struct page_scan *scan, struct extract_result *r);

/* Seed-board listing cards, appended to r. */
void cards_extract(const struct page_scan *scan, struct extract_result *r);

#endif
