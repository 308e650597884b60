/*
 * store-search.c - full-text search of the stored postings: SQLite FTS5 over
 * their titles, companies and descriptions (the index postings_fts, made by
 * sql/migrate-3.sql and kept in step by its triggers).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store-internal.h"
#include "xalloc.h"

/*
 * The matches that also pass the filter (?1 .. ?7), newest first: by the
 * day posted (else first seen), then by id, the later stored first.  The
 * index is asked in a subquery so its column names (title, company,
 * description) never shadow the postings' own.  LIMIT -1 is no limit.
 */
static const char search_sql[] =
	STORED_POSTING_SELECT POSTING_FILTER_WHERE
	"AND id IN (SELECT rowid FROM postings_fts WHERE postings_fts MATCH ?8) "
	"ORDER BY " POSTED_DAY " DESC, id DESC LIMIT ?9";

/*
 * FTS5's message, for a person: without its "fts5: " prefix, and "near """
 * (the query ended where a word was wanted) said in words.
 */
static char *query_problem(const char *msg)
{
	static const char near_end[] = "syntax error near \"\"";

	if (strncmp(msg, "fts5: ", 6) == 0)
		msg += 6;
	if (strcmp(msg, near_end) == 0)
		return xstrdup("syntax error at the end of the query");
	return xstrdup(msg);
}

int store_search(struct store *s, const char *query, const struct posting_filter *f,
		 long long limit, int (*fn)(const struct stored_posting *sp, void *ctx),
		 void *ctx, char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (!s->fts5)
		return set_error(err, "cannot search: the SQLite this jobstats uses (%s) has "
				 "no FTS5, its full-text search", sqlite3_libversion());
	/* the postings of the caller's transaction are searched too */
	if (store_fts_flush(s, err) < 0 || store_prepare(s, search_sql, &st, err) < 0)
		return -1;
	store_bind_filter(st, f);
	store_bind_text(st, 8, query);
	sqlite3_bind_int64(st, 9, limit < 0 ? -1 : limit);
	rc = store_posting_rows(st, fn, ctx);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	/* Everything but the query is ours and known good: a plain SQL error
	 * while matching is the query's (FTS5 parses it as rows are read). */
	if (rc == SQLITE_ERROR) {
		*err = query_problem(sqlite3_errmsg(s->db));
		return STORE_SEARCH_BAD_QUERY;
	}
	return store_db_error(s, err, "cannot search postings");
}
