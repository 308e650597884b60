/*
 * identity.h - what makes two postings one job: pure functions of the
 * normalize stage (no I/O, no globals), used by the store.
 *
 * Within a source a posting is known by its key (identity_key): the board's
 * own id, else its canonical URL (url_canonical), else a fingerprint of its
 * card.  Across sources the same job is found by its match key
 * (identity_match_key: title, company and location normalized) and posting
 * dates at most IDENTITY_WINDOW_DAYS apart (identity_link).  jobstats(1),
 * IDENTITY AND DUPLICATES, documents the rules.
 */
#ifndef JOBSTATS_IDENTITY_H
#define JOBSTATS_IDENTITY_H

#include <stddef.h>

#include "posting.h"

/*
 * The canonical form of an absolute URL (allocated; NULL for NULL or ""):
 * scheme and host lower-cased, the scheme's default port (http 80, https
 * 443) dropped, an empty path made "/", the fragment dropped, and the
 * tracking parameters of the query (utm_*, gclid, refId, trk, from, vjk, ...:
 * the list is in url-canonical.c and jobstats(1)) removed, the others kept
 * in order; an empty query goes.  Percent-encoding and the path are left as
 * they are.  A string with no "scheme://" is returned as it is.
 * Idempotent: url_canonical(url_canonical(u)) equals url_canonical(u).
 */
char *url_canonical(const char *url);

/*
 * Text as compared for identity (allocated; "" for NULL): ASCII letters
 * lower-cased, '.' and '\'' deleted ("S.A." is "sa", "O'Brien" "obrien"),
 * every other ASCII character that is not a letter or digit a blank, blanks
 * collapsed to one space, none at either end.  Other bytes (UTF-8 letters)
 * are kept as they are.  With company set, legal-form words at the end
 * ("Inc", "LLC", "Ltd", "GmbH", "S.A.", "Pty Ltd", ...) are dropped too,
 * unless nothing else is left.
 */
char *identity_text(const char *s, int company);

/*
 * A posting's key within its source (allocated): "id:" and its external id
 * when the board gives one, else "url:" and its canonical URL, else
 * "card:" and the identity_text of its title, company, location and salary
 * text joined by '|' (two openings that differ only in pay stay two).
 */
char *identity_key(const struct posting *p);

/*
 * The key under which postings of different sources may be one job
 * (allocated): the identity_text of title, company (legal forms dropped)
 * and location joined by '|'; NULL when the title or the company is
 * missing (a job with no company named is never matched).
 */
char *identity_match_key(const char *title, const char *company, const char *location);

/* Postings dated at most this many days apart may be one job. */
#define IDENTITY_WINDOW_DAYS 14

/* One posting of a match key's group, as identity_link reads it. */
struct identity_item {
	long long id;		/* the posting's id: what duplicate_of points to */
	long long source;	/* its source */
	long day;		/* its date (posted, else first seen), in days */
};

/*
 * Link the n postings of one match key, sorted by day then id: dup_of[i]
 * becomes the id of the posting v[i] duplicates, 0 when none.  A posting
 * duplicates the earliest posting before it that duplicates nothing, is of
 * another source, is dated at most IDENTITY_WINDOW_DAYS before it, and has
 * no duplicate of v[i]'s source yet (two openings on one board that look
 * alike stay two jobs).
 */
void identity_link(const struct identity_item *v, size_t n, long long *dup_of);

#endif
