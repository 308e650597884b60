/*
 * html.h - small helpers over libxml2's HTML parser shared by the extract
 * strategies.  Parsing never touches the network and never expands external
 * entities.
 */
#ifndef JOBSTATS_HTML_H
#define JOBSTATS_HTML_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "utf8.h"	/* utf8_valid_prefix: html_parse_checked's callers */

/*
 * Parse a page; NULL only when libxml2 cannot make any document of it.
 * When libxml2 stops before the end of the page (elements nested deeper
 * than its limit, out of memory) the document holds only what came before
 * that point, and *stopped is set to the reason (allocated, the caller's);
 * otherwise *stopped is NULL.  stopped may be NULL.
 */
htmlDocPtr html_parse(const char *data, size_t len, const char *url, char **stopped);
/* The same, given utf8_valid_prefix(data, len), which the caller needed too. */
htmlDocPtr html_parse_checked(const char *data, size_t len, size_t utf8_prefix_len,
			      const char *url, char **stopped);

/* Whitespace-collapsed, trimmed text of a node's subtree; NULL when empty. */
char *html_text(const xmlNode *node);
/* Text of an HTML fragment (entities decoded, tags dropped); NULL when empty. */
char *html_fragment_text(const char *fragment);
/*
 * Text of an HTML fragment (a description) with one line per paragraph,
 * list item, heading or <br>: entities decoded, tags dropped, blanks
 * collapsed within lines, no empty lines.  Text without tags keeps its own
 * lines; text that still holds tags once decoded (HTML escaped twice,
 * "&lt;p&gt;") is read a second time.  NULL when empty.
 */
char *html_fragment_blocks(const char *fragment);
/* Collapse runs of whitespace into one space and trim, in place. */
void text_collapse(char *s);

/* Is cls one of the space-separated tokens of the element's class attribute? */
int html_has_class(const xmlNode *node, const char *cls);
/* Attribute value (allocated), or NULL when absent. */
char *html_attr(const xmlNode *node, const char *name);
/* First element in the subtree (node itself excluded) with class cls. */
xmlNode *html_find_class(xmlNode *node, const char *cls);
/* First element in the subtree (node itself excluded) with this tag name. */
xmlNode *html_find_tag(xmlNode *node, const char *tag);

/* href resolved against base (allocated); NULL when href is NULL or empty. */
char *html_resolve(const char *href, const char *base);

#endif
