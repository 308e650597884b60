/*
 * store-rekey.c - postings' keys recomputed with today's identity rules
 * (identity.h), on upgrade to schema 4 and by renormalize: two postings of
 * a source whose keys meet become one.  Links across sources are in
 * store-link.c.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "identity.h"
#include "store-internal.h"
#include "xalloc.h"

/* A row whose key or match key today's rules compute otherwise. */
struct rekey {
	long long id, source;
	char *key;		/* the new key, NULL when it stays */
	char *match;		/* the new match key (NULL: none) */
	int match_changed;
};

static int same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void rekeys_free(struct rekey *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].match);
	}
	free(v);
}

/* What today's rules make of every row: the rows to change, in id order. */
static int rekey_read(struct store *s, struct rekey **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	struct posting p;
	struct rekey r;
	char *key;
	int rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(s, "SELECT id, source_id, posting_key, match_key, external_id, url, "
			  "title, company, location, salary_text FROM postings ORDER BY id",
			  &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		posting_init(&p);	/* borrowing the row's strings: not released */
		p.external_id = (char *)store_column_str(st, 4);
		p.url = (char *)store_column_str(st, 5);
		p.title = (char *)store_column_str(st, 6);
		p.company = (char *)store_column_str(st, 7);
		p.location = (char *)store_column_str(st, 8);
		p.salary_text = (char *)store_column_str(st, 9);
		key = identity_key(&p);
		r.id = sqlite3_column_int64(st, 0);
		r.source = sqlite3_column_int64(st, 1);
		r.match = identity_match_key(p.title, p.company, p.location);
		r.match_changed = !same(r.match, store_column_str(st, 3));
		r.key = same(key, store_column_str(st, 2)) ? NULL : key;
		if (r.key == NULL)
			free(key);
		if (r.key == NULL && !r.match_changed) {
			free(r.match);
			continue;
		}
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		(*out)[(*n)++] = r;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_error(s, err, "cannot read postings");
}

/* Statements of a rekeying, ?1 always the posting's id. */
enum { RK_MATCH, RK_OTHER, RK_DELETE, RK_MERGE, RK_SEEN, RK_N };

static const char *const rekey_sql[RK_N] = {
	"UPDATE postings SET match_key = ?2 WHERE id = ?1",
	/* the other posting of the source that has the key already */
	"SELECT id FROM postings WHERE source_id = ?2 AND posting_key = ?3 AND id != ?1",
	"DELETE FROM postings WHERE id = ?1",
	/* the survivor of two: the key, the earliest first_seen, the latest last_seen */
	("UPDATE postings SET posting_key = ?2, first_seen = min(first_seen, ?3), "
	 "last_seen = max(last_seen, ?4) WHERE id = ?1"),
	"SELECT first_seen, last_seen FROM postings WHERE id = ?1",
};

/* Run a statement bound by the caller; 1 for a row, 0 for none, -1 error. */
static int step(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		store_db_error(s, err, "cannot recompute posting keys");
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* first_seen and last_seen of id (copies), or 0 when the row is gone. */
static int seen_of(struct store *s, sqlite3_stmt *st, long long id, char **first, char **last,
		   char **err)
{
	int rc;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = step(s, st, err)) > 0) {
		*first = xstrdup(store_column_str(st, 0));
		*last = xstrdup(store_column_str(st, 1));
	}
	sqlite3_reset(st);
	return rc;
}

/* Give id the key, taking first and last seen in when they reach further. */
static int merge_into(struct store *s, sqlite3_stmt **q, long long id, const char *key,
		      const char *first, const char *last, char **err)
{
	sqlite3_reset(q[RK_MERGE]);
	sqlite3_bind_int64(q[RK_MERGE], 1, id);
	store_bind_text(q[RK_MERGE], 2, key);
	store_bind_text(q[RK_MERGE], 3, first);
	store_bind_text(q[RK_MERGE], 4, last);
	return step(s, q[RK_MERGE], err);
}

static int delete_row(struct store *s, sqlite3_stmt **q, long long id, char **err)
{
	sqlite3_reset(q[RK_DELETE]);
	sqlite3_bind_int64(q[RK_DELETE], 1, id);
	return step(s, q[RK_DELETE], err);
}

/*
 * Give row r its new key.  When another posting of its source has it
 * already, the two are one posting: the one seen last stays (its fields
 * are the page's latest), with the earlier first_seen of the two.
 */
static int apply_key(struct store *s, sqlite3_stmt **q, const struct rekey *r, size_t *merged,
		     char **err)
{
	char *first = NULL, *last = NULL, *ofirst = NULL, *olast = NULL;
	long long other = 0;
	int rc;

	if ((rc = seen_of(s, q[RK_SEEN], r->id, &first, &last, err)) <= 0)
		return rc;	/* merged into another already */
	sqlite3_reset(q[RK_OTHER]);
	sqlite3_bind_int64(q[RK_OTHER], 1, r->id);
	sqlite3_bind_int64(q[RK_OTHER], 2, r->source);
	store_bind_text(q[RK_OTHER], 3, r->key);
	if ((rc = step(s, q[RK_OTHER], err)) > 0)
		other = sqlite3_column_int64(q[RK_OTHER], 0);
	sqlite3_reset(q[RK_OTHER]);
	if (rc > 0)
		rc = seen_of(s, q[RK_SEEN], other, &ofirst, &olast, err);
	if (rc > 0 && strcmp(last, olast) > 0)
		rc = delete_row(s, q, other, err) < 0 ? -1 :
		     merge_into(s, q, r->id, r->key, ofirst, olast, err);
	else if (rc > 0)
		rc = delete_row(s, q, r->id, err) < 0 ? -1 :
		     merge_into(s, q, other, r->key, first, last, err);
	else if (rc == 0)
		rc = merge_into(s, q, r->id, r->key, first, last, err);
	*merged += other != 0 && rc >= 0;
	free(first);
	free(last);
	free(ofirst);
	free(olast);
	return rc;
}

static int apply_match(struct store *s, sqlite3_stmt **q, const struct rekey *r, char **err)
{
	sqlite3_reset(q[RK_MATCH]);
	sqlite3_bind_int64(q[RK_MATCH], 1, r->id);
	store_bind_text(q[RK_MATCH], 2, r->match);
	return step(s, q[RK_MATCH], err);
}

/* Keys and match keys by today's rules, inside the caller's transaction. */
static int rekey_all(struct store *s, struct identity_counts *k, char **err)
{
	sqlite3_stmt *q[RK_N] = { NULL };
	struct rekey *v;
	size_t n, i;
	int rc = 0;

	if (rekey_read(s, &v, &n, err) < 0)
		return -1;
	for (i = 0; i < RK_N && rc == 0; i++)
		rc = store_prepare(s, rekey_sql[i], &q[i], err);
	for (i = 0; i < n && rc >= 0; i++) {
		if (v[i].match_changed)
			rc = apply_match(s, q, &v[i], err);
		if (rc >= 0 && v[i].key != NULL) {
			rc = apply_key(s, q, &v[i], &k->merged, err);
			k->rekeyed++;
		}
	}
	for (i = 0; i < RK_N; i++)
		sqlite3_finalize(q[i]);
	rekeys_free(v, n);
	return rc < 0 ? -1 : 0;
}

int store_identity_refresh(struct store *s, struct identity_counts *k, char **err)
{
	struct identity_counts none;

	if (k == NULL)
		k = &none;
	memset(k, 0, sizeof(*k));
	/* merging deletes postings: their words must be in the index to go */
	return store_fts_flush(s, err) < 0 || rekey_all(s, k, err) < 0 ||
	       store_relink_all(s, &k->relinked, err) < 0 ? -1 : 0;
}

/* For the migration table (store.c): no counts wanted. */
int store_identity_upgrade(struct store *s, char **err)
{
	return store_identity_refresh(s, NULL, err);
}
