/*
 * htmlw.h - text into HTML and SVG markup.  Role names, companies and
 * sources are user data (anyone can post a job): every string a page shows
 * goes through htmlw_text, so it can neither close a tag nor start one.
 *
 * The output is also well-formed XML (a page an XML parser reads too), so
 * what XML 1.0 forbids is replaced rather than escaped.
 */
#ifndef JOBSTATS_HTMLW_H
#define JOBSTATS_HTMLW_H

#include "buf.h"

/*
 * s as text for an element or a quoted attribute value: & < > " ' become
 * character references; valid UTF-8 passes through; each maximal invalid
 * subsequence (utf8.h), each control character but tab, line feed and
 * carriage return, and U+FFFE and U+FFFF become U+FFFD.  NULL writes nothing.
 */
void htmlw_text(struct buf *out, const char *s);

/* <tag>text</tag>, the text escaped; tag is markup the caller writes (it may
 * carry attributes: "td class=\"num\""), closed by its first word. */
void htmlw_element(struct buf *out, const char *tag, const char *text);

#endif
