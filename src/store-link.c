/*
 * store-link.c - the same job on several sources, linked through
 * duplicate_of (identity.h has the rules): one match key's postings at
 * store time, every posting's by renormalize and on upgrade.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "identity.h"
#include "store-internal.h"
#include "xalloc.h"

/* The rows of relinking: id, source, match key, day, duplicate_of; by
 * match key, then day, then id (identity_link's order). */
#define RELINK_SELECT \
	"SELECT id, source_id, match_key, substr(coalesce(posted, first_seen), 1, 10), " \
	"duplicate_of FROM postings "
#define RELINK_ORDER " ORDER BY match_key, 4, id"

static const char relink_all_sql[] =
	RELINK_SELECT "WHERE match_key IS NOT NULL" RELINK_ORDER;
static const char relink_group_sql[] = RELINK_SELECT "WHERE match_key = ?1" RELINK_ORDER;
static const char set_link_sql[] = "UPDATE postings SET duplicate_of = ?2 WHERE id = ?1";

/* One match key's rows as read, and the links to write. */
struct relink {
	struct identity_item *v;
	long long *stored, *dup_of;
	size_t n, alloc;
	char *match;		/* the group's match key */
	long long *ids, *links;	/* rows whose duplicate_of changes, and to what */
	size_t nchanged, changed_alloc;
};

static void relink_release(struct relink *g)
{
	free(g->v);
	free(g->stored);
	free(g->dup_of);
	free(g->match);
	free(g->ids);
	free(g->links);
}

/* Link the group read so far and note what changes. */
static void relink_flush(struct relink *g)
{
	size_t i;

	identity_link(g->v, g->n, g->dup_of);
	for (i = 0; i < g->n; i++) {
		if (g->dup_of[i] == g->stored[i])
			continue;
		if (g->nchanged == g->changed_alloc) {
			g->changed_alloc = g->changed_alloc ? 2 * g->changed_alloc : 16;
			g->ids = xreallocarray(g->ids, g->changed_alloc, sizeof(*g->ids));
			g->links = xreallocarray(g->links, g->changed_alloc, sizeof(*g->links));
		}
		g->ids[g->nchanged] = g->v[i].id;
		g->links[g->nchanged++] = g->dup_of[i];
	}
	g->n = 0;
}

static void relink_add(struct relink *g, sqlite3_stmt *st)
{
	const char *match = store_column_str(st, 2), *day = store_column_str(st, 3);
	struct date d;

	if (g->n > 0 && strcmp(g->match, match) != 0)
		relink_flush(g);
	if (g->n == 0) {
		free(g->match);
		g->match = xstrdup(match);
	}
	if (g->n == g->alloc) {
		g->alloc = g->alloc ? 2 * g->alloc : 16;
		g->v = xreallocarray(g->v, g->alloc, sizeof(*g->v));
		g->stored = xreallocarray(g->stored, g->alloc, sizeof(*g->stored));
		g->dup_of = xreallocarray(g->dup_of, g->alloc, sizeof(*g->dup_of));
	}
	g->v[g->n].id = sqlite3_column_int64(st, 0);
	g->v[g->n].source = sqlite3_column_int64(st, 1);
	g->v[g->n].day = day != NULL && date_read(day, 0, &d) ? date_to_days(d) : 0;
	g->stored[g->n++] = sqlite3_column_int64(st, 4);	/* 0 when NULL */
}

/* Write the links relink_flush noted. */
static int write_links(struct store *s, const struct relink *g, char **err)
{
	size_t i;
	int rc = SQLITE_DONE;

	if (g->nchanged == 0)
		return 0;
	if (store_cached(s, &s->set_link, set_link_sql, err) < 0)
		return -1;
	for (i = 0; i < g->nchanged && rc == SQLITE_DONE; i++) {
		sqlite3_reset(s->set_link);
		sqlite3_bind_int64(s->set_link, 1, g->ids[i]);
		if (g->links[i])
			sqlite3_bind_int64(s->set_link, 2, g->links[i]);
		else
			sqlite3_bind_null(s->set_link, 2);
		rc = sqlite3_step(s->set_link);
	}
	if (rc != SQLITE_DONE)
		store_db_error(s, err, "cannot link duplicate postings");
	sqlite3_reset(s->set_link);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Read the rows st selects (bound), link each group, write what changed. */
static int relink_rows(struct store *s, sqlite3_stmt *st, size_t *changed, char **err)
{
	struct relink g;
	int rc;

	memset(&g, 0, sizeof(g));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		relink_add(&g, st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		relink_release(&g);
		return store_db_error(s, err, "cannot link duplicate postings");
	}
	if (g.n > 0)
		relink_flush(&g);
	rc = write_links(s, &g, err);
	if (changed != NULL)
		*changed += g.nchanged;
	relink_release(&g);
	return rc;
}

/* Link the postings of one match key anew. */
static int relink_group(struct store *s, const char *match, char **err)
{
	if (store_cached(s, &s->relink, relink_group_sql, err) < 0)
		return -1;
	store_bind_text(s->relink, 1, match);
	return relink_rows(s, s->relink, NULL, err);
}

int store_relink_all(struct store *s, size_t *changed, char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_exec(s, "UPDATE postings SET duplicate_of = NULL "
		       "WHERE match_key IS NULL AND duplicate_of IS NOT NULL", err) < 0 ||
	    store_prepare(s, relink_all_sql, &st, err) < 0)
		return -1;
	rc = relink_rows(s, st, changed, err);
	sqlite3_finalize(st);
	return rc;
}

static const char old_match_sql[] =
	"SELECT match_key, id FROM postings WHERE source_id = ?1 AND posting_key = ?2";
/* Two probes of postings_match_key: "source_id != ?1" scanned every
 * posting of the match key, a cost growing with the database. */
static const char other_source_sql[] =
	"SELECT 1 WHERE EXISTS (SELECT 1 FROM postings WHERE match_key = ?2 AND source_id < ?1) "
	"OR EXISTS (SELECT 1 FROM postings WHERE match_key = ?2 AND source_id > ?1)";
static const char unlink_sql[] =
	"UPDATE postings SET duplicate_of = NULL "
	"WHERE source_id = ?1 AND posting_key = ?2 AND duplicate_of IS NOT NULL";

/* Run a cached statement on (source, key); for a select, copy its text
 * (column 0) and its row id (column 1) when text and row are not NULL. */
static int run_keyed(struct store *s, sqlite3_stmt **st, const char *sql, long long source_id,
		     const char *key, char **text, long long *row, char **err)
{
	int rc;

	if (store_cached(s, st, sql, err) < 0)
		return -1;
	sqlite3_bind_int64(*st, 1, source_id);
	store_bind_text(*st, 2, key);
	rc = sqlite3_step(*st);
	if (rc == SQLITE_ROW && text != NULL)
		*text = store_column_str(*st, 0) ? xstrdup(store_column_str(*st, 0)) : NULL;
	if (rc == SQLITE_ROW && row != NULL)
		*row = sqlite3_column_int64(*st, 1);
	sqlite3_reset(*st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot store posting");
	return rc == SQLITE_ROW;
}

void store_identity_begin(const struct posting *p, struct posting_identity *id)
{
	memset(id, 0, sizeof(*id));
	id->key = identity_key(p);
	id->match = identity_match_key(p->title, p->company, p->location);
}

int store_identity_stored(struct store *s, long long source_id, struct posting_identity *id,
			  long long *row, char **err)
{
	id->stored = run_keyed(s, &s->old_match, old_match_sql, source_id, id->key,
			       &id->old_match, row, err);
	return id->stored < 0 ? -1 : 0;
}

void posting_identity_release(struct posting_identity *id)
{
	free(id->key);
	free(id->match);
	free(id->old_match);
	memset(id, 0, sizeof(*id));
}

static int same_text(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int store_identity_link(struct store *s, long long source_id, const struct posting_identity *id,
			char **err)
{
	int moved = !same_text(id->match, id->old_match), rc = 0;

	if (id->stored && moved)
		rc = run_keyed(s, &s->unlink, unlink_sql, source_id, id->key, NULL, NULL, err);
	if (rc >= 0 && id->match != NULL)
		rc = run_keyed(s, &s->other_source, other_source_sql, source_id, id->match, NULL,
			       NULL, err);
	if (rc > 0)
		rc = relink_group(s, id->match, err);
	if (rc >= 0 && moved && id->old_match != NULL)
		rc = relink_group(s, id->old_match, err);
	return rc < 0 ? -1 : 0;
}
