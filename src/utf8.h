/*
 * utf8.h - reading UTF-8 from the web one sequence at a time, for the
 * writers (JSON, HTML) that must pass valid text through and replace the
 * rest.
 */
#ifndef JOBSTATS_UTF8_H
#define JOBSTATS_UTF8_H

#include <stddef.h>

/*
 * Length of the UTF-8 sequence at s (a NUL-terminated string).  *valid says
 * whether it is well formed (Unicode Table 3-7: no overlongs, no surrogates,
 * nothing above U+10FFFF).  When it is not, the length covers the maximal
 * invalid subpart, at least one byte: each such subpart is one U+FFFD in the
 * Unicode / WHATWG practice.  Never reads past the terminating NUL.
 */
size_t utf8_seq(const unsigned char *s, int *valid);

/* Is the buffer valid UTF-8 (no NUL bytes)?  Read eight ASCII bytes at a
 * time: it runs over every page fetched. */
int utf8_valid(const char *s, size_t len);
/*
 * The length of its longest valid UTF-8 prefix (len when it is all valid);
 * NUL bytes count as valid here: a page's stray NUL is no encoding error.
 */
size_t utf8_valid_prefix(const char *s, size_t len);
/*
 * Code point c (at most 0x10FFFF) written as UTF-8 into out: its length,
 * 1-4.  Nothing is refused: surrogates come out as 3 bytes, which callers
 * that need valid text check for first.
 */
size_t utf8_encode(unsigned long c, char out[4]);

#endif
