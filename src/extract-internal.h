/*
 * extract-internal.h - what extract.c hands to its strategies.  Not part of
 * the extract stage's public interface (extract.h).
 */
#ifndef JOBSTATS_EXTRACT_INTERNAL_H
#define JOBSTATS_EXTRACT_INTERNAL_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "board.h"
#include "extract.h"

/* What one walk over the page found, for the strategies to read. */
struct page_scan {
	const char *url;	/* the page's own URL, for messages; may be NULL */
	char *base;		/* <base href> resolved, else the page URL */
	char **jsonld;		/* text of each application/ld+json script */
	size_t njsonld;
	xmlNode **microdata;	/* itemscope elements of itemtype JobPosting */
	size_t nmicrodata;
	char *next_href;	/* first rel="next" link, as written */
};

/*
 * extract_page without the JSON-LD fast path (extract-scan.h): always the
 * tree.  For the tests and the fuzz target that hold both paths equal.
 */
int extract_page_tree(const char *html, size_t len, const char *base_url,
		      const struct board_set *boards, struct extract_result *out, char **err);

/* Free what a scan holds (url is borrowed). */
void page_scan_release(struct page_scan *scan);

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

/* Postings read by the first board whose rules match the page, appended to
 * r; sets r->next_url from the layout when the page has no rel=next. */
void rules_extract(xmlDocPtr doc, const struct page_scan *scan, const struct board_set *boards,
		   struct extract_result *r);

/* Shared by the HTML and the JSON layouts (extract-rules*.c). */
xmlXPathContextPtr rules_context(xmlDocPtr doc);
xmlXPathObjectPtr rules_eval(xmlXPathContextPtr x, const struct board_expr *e, xmlNodePtr node);
/* The text of e's result at node: the first node's, or with all, every
 * node's a line each; NULL when empty. */
char *rules_expr_text(xmlXPathContextPtr x, const struct board_expr *e, xmlNodePtr node, int all);
/* Keep libxml2 from printing XPath errors (on), or let it again (off). */
void rules_quiet(int on);
/* Move the field values f[BOARD_NFIELDS] into p (the url resolved against base). */
void rules_fill(struct raw_posting *p, char **f, const char *base);
/* Append p to r, or warn and drop it when it has no title (posting i of b). */
void rules_add(struct extract_result *r, const struct page_scan *scan, struct raw_posting *p,
	       const struct board *b, size_t i);
void rules_json_layout(xmlXPathContextPtr x, const struct board *b, const struct board_layout *l,
		       const struct page_scan *scan, struct extract_result *r);

/* The job ads of a Hacker News "Who is hiring?" thread page (top-level
 * comments), appended to r; nothing on any other page (extract-hn.c). */
void hn_extract(xmlNode *root, const struct page_scan *scan, struct extract_result *r);

#endif
