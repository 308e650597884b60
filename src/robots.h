/*
 * robots.h - robots.txt (RFC 9309) read once per host, then asked about
 * each path before it is fetched.  Pure: no I/O, no globals, never prints.
 *
 * Group choice: the groups whose user-agent line names our product token
 * (compared case-insensitively on the leading letters, '-' and '_' of the
 * line's value, so "JobStats" and "jobstats/1.2" name "jobstats"), merged;
 * else the "*" groups, merged; else everything is allowed.  A group that
 * names us but has no rules allows everything, whatever "*" says.
 *
 * Lines: user-agent, allow, disallow and crawl-delay, keys in any case,
 * a few common misspellings ("useragent", "user agent", "dissallow",
 * "disalow") and a missing colon ("Disallow /x") accepted as Google's
 * parser does; sitemap, host and anything else ignored.  '#' starts a
 * comment; lines end at LF, CR or CRLF; a UTF-8 byte order mark is
 * skipped.  Rules before the first user-agent line belong to no group.
 *
 * Limits (so a hostile file costs little):
 *   ROBOTS_MAX_BYTES   only the first 500 KiB are read (RFC 9309 2.5);
 *   ROBOTS_MAX_RULES   at most 1000 rules kept for our agent and 1000
 *                      for "*" (later ones ignored);
 *   ROBOTS_PATH_MAX    paths and patterns compared up to 2048 bytes once
 *                      normalized; a longer path is cut there, a longer
 *                      pattern is ignored;
 *   ROBOTS_DELAY_MAX   a crawl delay above 60 s is read as 60 s.
 * Matching a path costs O(rules * (path + pattern)): patterns are split
 * at '*' and each piece found with memmem, never by backtracking.
 */
#ifndef JOBSTATS_ROBOTS_H
#define JOBSTATS_ROBOTS_H

#include <stddef.h>

#define ROBOTS_MAX_BYTES ((size_t)500 * 1024)
#define ROBOTS_MAX_RULES 1000
#define ROBOTS_PATH_MAX 2048
#define ROBOTS_DELAY_MAX 60.0

struct robots;

/*
 * The rules text[0..len) (not NUL-terminated, may hold NUL bytes) gives
 * agent, our product token (e.g. "jobstats"; any text after the token,
 * such as "/0.7 (+https://...)", is ignored).  Never NULL: a file with
 * nothing we understand allows everything.  Free with robots_free().
 */
struct robots *robots_parse(const char *text, size_t len, const char *agent);

/* What to use when robots.txt is missing (4xx) or unreachable (5xx). */
struct robots *robots_allow_all(void);
struct robots *robots_disallow_all(void);

/*
 * 1 when path (the URL's path plus "?query", starting with '/') may be
 * fetched, 0 when not.  The longest matching pattern wins (length in
 * normalized bytes, '*' and '$' included), Allow wins a tie; '*' matches
 * any bytes, a final '$' anchors at the end; an empty Disallow allows.
 * Paths and patterns are compared with percent-encoding normalized: %xx of
 * an unreserved character (letters, digits, "-._~") is decoded, other %xx
 * upper-cased, and bytes outside printable ASCII percent-encoded.
 * "/robots.txt" is always allowed; a NULL r allows everything.
 */
int robots_allowed(const struct robots *r, const char *path);

/* The chosen groups' Crawl-delay in seconds (the largest when several),
 * at most ROBOTS_DELAY_MAX; -1 when none is given.  Negative, NaN,
 * infinite and unreadable values are ignored. */
double robots_crawl_delay(const struct robots *r);

/* No-op on NULL. */
void robots_free(struct robots *r);

#endif
