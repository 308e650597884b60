/*
 * store-pages.c - fetched pages in the store: bodies kept zlib-compressed
 * (level 1: a page costs well under a millisecond to pack, and HTML still
 * shrinks several times) with the validators of conditional requests; and
 * the postings' lifecycle that follows from pages: seen on a page that did
 * not change, closed when a complete crawl misses them.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "store-internal.h"
#include "xalloc.h"

void page_record_init(struct page_record *pg)
{
	memset(pg, 0, sizeof(*pg));
	buf_init(&pg->body);
}

void page_record_release(struct page_record *pg)
{
	free(pg->url);
	free(pg->final_url);
	free(pg->next_url);
	free(pg->content_type);
	free(pg->etag);
	free(pg->last_modified);
	free(pg->fetched_at);
	free(pg->checked_at);
	buf_release(&pg->body);
	page_record_init(pg);
}

static int too_big(size_t size, const char *url, char **err)
{
	return set_error(err, "page '%s' has a body of %zu bytes, more than the %u MB a stored "
			 "page may hold", url, size, STORE_PAGE_MAX_BODY / (1024 * 1024));
}

/* Bind body (compressed) as ?i, its size as ?i+1. */
static int bind_body(sqlite3_stmt *st, int i, const struct page_record *pg, char **err)
{
	static const unsigned char empty[1];
	const unsigned char *in = pg->body.len ? (const unsigned char *)pg->body.data : empty;
	uLongf packed_len;
	unsigned char *packed;

	if (pg->body.len > STORE_PAGE_MAX_BODY)
		return too_big(pg->body.len, pg->url, err);
	packed_len = compressBound(pg->body.len);
	packed = xmalloc(packed_len ? packed_len : 1);
	if (compress2(packed, &packed_len, in, pg->body.len, 1) != Z_OK) {
		free(packed);
		return set_error(err, "cannot compress page '%s'", pg->url);
	}
	sqlite3_bind_blob(st, i, packed, (int)packed_len, free);
	sqlite3_bind_int64(st, i + 1, (sqlite3_int64)pg->body.len);
	return 0;
}

/* Unpack a stored body (column c, its size column c + 1) into out. */
static int unpack_body(sqlite3_stmt *st, int c, const char *url, struct buf *out, char **err)
{
	const void *packed = sqlite3_column_blob(st, c);
	uLongf got, packed_len = (uLongf)sqlite3_column_bytes(st, c);
	sqlite3_int64 size = sqlite3_column_int64(st, c + 1);

	if (size < 0 || size > STORE_PAGE_MAX_BODY)
		return set_error(err, "stored page '%s' says its body has %lld bytes, more than "
				 "the %u MB a stored page may hold", url, (long long)size,
				 STORE_PAGE_MAX_BODY / (1024 * 1024));
	buf_release(out);
	out->data = xmalloc((size_t)size + 1);
	out->cap = (size_t)size + 1;
	got = (uLongf)size;
	if (size > 0 && (packed == NULL ||
			 uncompress((Bytef *)out->data, &got, packed, packed_len) != Z_OK ||
			 got != (uLongf)size)) {
		buf_release(out);
		return set_error(err, "stored page '%s' is damaged: its body does not unpack to "
				 "%lld bytes", url, (long long)size);
	}
	out->len = (size_t)size;
	out->data[out->len] = '\0';
	return 0;
}

int store_page_validators(struct store *s, long long source_id, const char *url,
			  long long *page_id, char **etag, char **last_modified, char **err)
{
	sqlite3_stmt *st;
	int rc;

	*page_id = 0;
	*etag = *last_modified = NULL;
	if (store_cached(s, &s->page_validators, "SELECT id, etag, last_modified FROM pages "
			 "WHERE source_id = ?1 AND url = ?2", err) < 0)
		return -1;
	st = s->page_validators;
	sqlite3_bind_int64(st, 1, source_id);
	store_bind_text(st, 2, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*page_id = sqlite3_column_int64(st, 0);
		*etag = xstrdup_or_null(store_column_str(st, 1));
		*last_modified = xstrdup_or_null(store_column_str(st, 2));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read page");
	return 0;
}

#define PAGE_COLUMNS \
	"final_url, next_url, status, content_type, etag, last_modified, fetched_at, checked_at, " \
	"body, body_size"

static const char page_save_sql[] =
	"INSERT INTO pages (source_id, url, " PAGE_COLUMNS ") "
	"VALUES (?1, ?2, ?3, ?12, ?4, ?5, ?6, ?7, ?8, coalesce(?9, ?8), ?10, ?11) "
	"ON CONFLICT (source_id, url) DO UPDATE SET (" PAGE_COLUMNS ") = (excluded.final_url, "
	"excluded.next_url, "
	"excluded.status, excluded.content_type, excluded.etag, excluded.last_modified, "
	"excluded.fetched_at, excluded.checked_at, excluded.body, excluded.body_size) "
	"RETURNING id";

/* Run a cached statement binding ?1 = id, ?2 = text (when it has a ?2); *changed (may be
 * NULL) = the rows it changed. */
static int run_id_text(struct store *s, sqlite3_stmt **st, const char *sql, long long id,
		       const char *text, int *changed, const char *what, char **err)
{
	int rc;

	if (store_cached(s, st, sql, err) < 0)
		return -1;
	sqlite3_bind_int64(*st, 1, id);
	store_bind_text(*st, 2, text);
	rc = sqlite3_step(*st);
	sqlite3_reset(*st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, what);
	if (changed != NULL)
		*changed = sqlite3_changes(s->db);
	return 0;
}

/*
 * A new body vouches only for the postings it holds: those last seen on
 * the page before are detached from it, and store_upsert attaches the new
 * body's own, so that a later 304 counts as seen only what the page shows.
 */
static int detach_postings(struct store *s, long long page_id, char **err)
{
	return run_id_text(s, &s->page_detach, "UPDATE postings SET page_id = NULL "
			   "WHERE page_id = ?1", page_id, NULL, NULL, "cannot store page", err);
}

int store_page_save(struct store *s, const struct page_record *pg, long long *page_id,
		    char **err)
{
	sqlite3_stmt *st;
	long long id;
	int rc;

	if (store_cached(s, &s->page_save, page_save_sql, err) < 0)
		return -1;
	st = s->page_save;
	sqlite3_bind_int64(st, 1, pg->source_id);
	store_bind_text(st, 2, pg->url);
	store_bind_text(st, 3, pg->final_url);
	sqlite3_bind_int64(st, 4, pg->status);
	store_bind_text(st, 5, pg->content_type);
	store_bind_text(st, 6, pg->etag);
	store_bind_text(st, 7, pg->last_modified);
	store_bind_text(st, 8, pg->fetched_at);
	store_bind_text(st, 9, pg->checked_at);
	store_bind_text(st, 12, pg->next_url);
	if (bind_body(st, 10, pg, err) < 0) {
		sqlite3_clear_bindings(st);
		return -1;
	}
	rc = sqlite3_step(st);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);	/* the body's copy goes now, not at the next save */
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot store page");
	if (page_id != NULL)
		*page_id = id;
	return detach_postings(s, id, err);
}

/* The stored next link of page_id, or NULL. */
static int page_next_url(struct store *s, long long page_id, char **next_url, char **err)
{
	sqlite3_stmt *st;
	int rc;

	*next_url = NULL;
	if (store_cached(s, &s->page_next, "SELECT next_url FROM pages WHERE id = ?1", err) < 0)
		return -1;
	st = s->page_next;
	sqlite3_bind_int64(st, 1, page_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*next_url = xstrdup_or_null(store_column_str(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read page");
	return 0;
}

int store_page_not_modified(struct store *s, long long page_id, const char *now,
			    int *postings_seen, char **next_url, char **err)
{
	const char *what = "cannot record an unchanged page";

	if (next_url != NULL && page_next_url(s, page_id, next_url, err) < 0)
		return -1;

	if (run_id_text(s, &s->page_seen_postings, "UPDATE postings SET last_seen = ?2, "
			"closed_at = NULL WHERE page_id = ?1", page_id, now, postings_seen,
			what, err) < 0)
		return -1;
	return run_id_text(s, &s->page_checked, "UPDATE pages SET checked_at = ?2 WHERE id = ?1",
			   page_id, now, NULL, what, err);
}

int store_close_missing(struct store *s, long long source_id, const char *since,
			const char *now, int *closed, char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_cached(s, &s->close_missing, "UPDATE postings SET closed_at = ?3 "
			 "WHERE source_id = ?1 AND closed_at IS NULL AND last_seen < ?2", err) < 0)
		return -1;
	st = s->close_missing;
	sqlite3_bind_int64(st, 1, source_id);
	store_bind_text(st, 2, since);
	store_bind_text(st, 3, now);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		store_db_error(s, err, "cannot close missing postings");
	else if (closed != NULL)
		*closed = sqlite3_changes(s->db);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* A page's row: its own columns, then the body's (PAGE_BODY, PAGE_BODY + 1). */
#define PAGE_SELECT \
	"SELECT p.id, p.source_id, p.url, p.final_url, p.status, p.content_type, p.etag, " \
	"p.last_modified, p.fetched_at, p.checked_at, p.body, p.body_size, p.next_url " \
	"FROM pages p "
enum { PAGE_BODY = 10 };

/* Fill pg (released first) from the current row. */
static int page_from_row(sqlite3_stmt *st, struct page_record *pg, char **err)
{
	page_record_release(pg);
	pg->id = sqlite3_column_int64(st, 0);
	pg->source_id = sqlite3_column_int64(st, 1);
	pg->url = store_column_dup(st, 2);
	pg->final_url = store_column_dup(st, 3);
	pg->status = (long)sqlite3_column_int64(st, 4);
	pg->content_type = store_column_dup(st, 5);
	pg->etag = store_column_dup(st, 6);
	pg->last_modified = store_column_dup(st, 7);
	pg->fetched_at = store_column_dup(st, 8);
	pg->checked_at = store_column_dup(st, 9);
	pg->next_url = store_column_dup(st, 12);
	return unpack_body(st, PAGE_BODY, pg->url, &pg->body, err);
}

int store_page_load(struct store *s, const char *url, struct page_record *out, char **err)
{
	sqlite3_stmt *st;
	int rc;

	page_record_init(out);
	if (store_prepare(s, PAGE_SELECT "WHERE p.url = ?1 OR p.final_url = ?1 "
			  "ORDER BY p.fetched_at DESC, p.id DESC LIMIT 1", &st, err) < 0)
		return -1;
	store_bind_text(st, 1, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = page_from_row(st, out, err) < 0 ? -1 : 0;
	else if (rc == SQLITE_DONE)
		rc = set_error(err, "no stored page for URL '%s'", url);
	else
		rc = store_db_error(s, err, "cannot read page");
	sqlite3_finalize(st);
	if (rc < 0)
		page_record_release(out);
	return rc;
}

int store_page_foreach(struct store *s, const char *source,
		       int (*fn)(const struct page_record *pg, void *ctx), void *ctx,
		       char **err)
{
	struct page_record pg;
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, PAGE_SELECT "JOIN sources s ON s.id = p.source_id "
			  "WHERE ?1 IS NULL OR s.name = ?1 ORDER BY s.name, p.id", &st, err) < 0)
		return -1;
	store_bind_text(st, 1, source);
	page_record_init(&pg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (page_from_row(st, &pg, err) < 0)
			break;
		if (fn(&pg, ctx) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	page_record_release(&pg);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return -1;	/* a damaged page: *err says which */
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read pages");
	return 0;
}

int store_pages_prune(struct store *s, const char *before, int *deleted, char **err)
{
	sqlite3_stmt *st;

	if (store_prepare(s, "DELETE FROM pages WHERE coalesce(checked_at, fetched_at, '') < ?1",
			  &st, err) < 0)
		return -1;
	store_bind_text(st, 1, before);
	if (store_step_done(s, st, "cannot prune pages", err) < 0)
		return -1;
	if (deleted != NULL)
		*deleted = sqlite3_changes(s->db);
	return 0;
}
