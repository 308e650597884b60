/*
 * extract-scan.h - the JSON-LD fast path: read a page's
 * <script type="application/ld+json"> blocks with a byte-level scan, no
 * HTML tree, when that provably gives what the tree would.
 *
 * The scan follows libxml2's HTML tokenizer (the one html_parse runs) only
 * as far as it must: tags and their attributes, comments, the raw bodies of
 * script and style.  Anything it is not sure libxml2 reads the same way (a
 * byte the tree would drop, a quote left open, a comment libxml2 may end
 * elsewhere, an entity in an attribute that matters, nesting near libxml2's
 * depth limit) makes it give up, and the page takes the tree path.
 */
#ifndef JOBSTATS_EXTRACT_SCAN_H
#define JOBSTATS_EXTRACT_SCAN_H

#include <stddef.h>

#include "extract-internal.h"

/*
 * Can the page be extracted from its JSON-LD blocks alone, exactly as the
 * tree path would?  That needs at least one ld+json block, a page the
 * parser reads whole (valid UTF-8, no NUL, shallow nesting), no <base>, no
 * microdata, no Hacker News thread, and no board layout that could match
 * (scan_rules_excluded).  Returns 1 and fills scan's jsonld blocks and
 * next_href (url is set, base left NULL); 0 when the page needs the tree
 * (scan then holds nothing to release).
 */
int scan_page(const char *html, size_t len, const char *url, const struct board_set *boards,
	      struct page_scan *scan);

/*
 * Is it certain that no layout of boards matches the page?  Each layout's
 * match rules are read for words they cannot hold without (a class, an
 * attribute value, a script's text, an element name); a layout is ruled out
 * when one of them is not in the page, character references decoded.  1
 * when every layout is ruled out (or there are none), else 0.
 */
int scan_rules_excluded(const char *html, size_t len, const struct board_set *boards);

#endif
