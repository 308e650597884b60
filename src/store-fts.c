/*
 * store-fts.c - new postings into the search index (postings_fts), a batch
 * at a time.
 *
 * An AFTER INSERT trigger indexed each posting in the statement that
 * stored it, and that statement (a trigger's) opens a statement
 * transaction, at whose start FTS5 writes its pending terms out as a new
 * segment: one tiny segment per posting, merged again and again, most of
 * what a crawl's upserts cost (issue 7's ingest row).  So store_upsert
 * queues each new posting here and the queue is indexed in a run of plain
 * inserts, which FTS5 gathers in memory and writes as one segment: before
 * the transaction commits (store_commit), before anything that reads the
 * index or changes or deletes an indexed posting (whose update and delete
 * triggers take the old words out of the index, so they must be in it), at
 * once outside a transaction, and when the queue is full.  Updates and
 * deletes keep their triggers (sql/migrate-3.sql): they are rare.
 */
#include "config.h"

#include <stdlib.h>

#include "store-internal.h"
#include "xalloc.h"

/* Postings queued at most: bounds the memory, a segment a batch. */
#define FTS_QUEUE_MAX 1024

static const char fts_insert_sql[] =
	"INSERT INTO postings_fts (rowid, title, company, description) VALUES (?1, ?2, ?3, ?4)";

static void entry_release(struct fts_entry *e)
{
	free(e->title);
	free(e->company);
	free(e->description);
}

void store_fts_discard(struct store *s)
{
	size_t i;

	for (i = 0; i < s->fts_n; i++)
		entry_release(&s->fts_queue[i]);
	s->fts_n = 0;
}

void store_fts_free(struct store *s)
{
	store_fts_discard(s);
	free(s->fts_queue);
	sqlite3_finalize(s->fts_insert);
}

int store_fts_flush(struct store *s, char **err)
{
	const struct fts_entry *e;
	size_t i;
	int rc = SQLITE_DONE;

	if (s->fts_n == 0)
		return 0;
	if (store_cached(s, &s->fts_insert, fts_insert_sql, err) < 0)
		return -1;
	for (i = 0; i < s->fts_n && rc == SQLITE_DONE; i++) {
		e = &s->fts_queue[i];
		sqlite3_reset(s->fts_insert);
		sqlite3_bind_int64(s->fts_insert, 1, e->id);
		store_bind_text(s->fts_insert, 2, e->title);
		store_bind_text(s->fts_insert, 3, e->company);
		store_bind_text(s->fts_insert, 4, e->description);
		rc = sqlite3_step(s->fts_insert);
	}
	sqlite3_reset(s->fts_insert);
	store_fts_discard(s);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot index postings for search");
	return 0;
}

int store_fts_flush_for(struct store *s, long long id, char **err)
{
	size_t i;

	for (i = 0; i < s->fts_n; i++)
		if (s->fts_queue[i].id == id)
			return store_fts_flush(s, err);
	return 0;
}

int store_fts_queue(struct store *s, long long id, const char *title, const char *company,
		    const char *description, char **err)
{
	struct fts_entry *e;

	/* An index without FTS5 here: the flush fails ("no such module"), as
	 * it must, since the posting could not be indexed. */
	if (!s->fts_index)
		return 0;
	if (s->fts_n == s->fts_alloc) {
		s->fts_alloc = s->fts_alloc ? 2 * s->fts_alloc : 256;
		s->fts_queue = xreallocarray(s->fts_queue, s->fts_alloc, sizeof(*s->fts_queue));
	}
	e = &s->fts_queue[s->fts_n++];
	e->id = id;
	e->title = xstrdup_or_null(title);
	e->company = xstrdup_or_null(company);
	e->description = xstrdup_or_null(description);
	/* Outside a transaction (not store_upsert's way) the posting is stored
	 * already: so is its index entry. */
	if (s->fts_n >= FTS_QUEUE_MAX || sqlite3_get_autocommit(s->db))
		return store_fts_flush(s, err);
	return 0;
}
