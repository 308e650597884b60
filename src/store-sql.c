/*
 * store-sql.c - the SQLite helpers the store's files share: errors,
 * statements (run once, or kept in the handle and prepared once),
 * bindings and columns, and transactions.
 */
#include "config.h"

#include <stdlib.h>

#include "store-internal.h"
#include "xalloc.h"

int store_db_error(struct store *s, char **err, const char *what)
{
	return set_error(err, "%s in '%s': %s", what, s->path, sqlite3_errmsg(s->db));
}

int store_exec(struct store *s, const char *sql, char **err)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		set_error(err, "cannot run SQL on database '%s': %s", s->path,
			  msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, char **err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot prepare statement");
	return 0;
}

int store_cached(struct store *s, sqlite3_stmt **st, const char *sql, char **err)
{
	if (*st != NULL) {
		sqlite3_reset(*st);
		return 0;
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return store_db_error(s, err, "cannot prepare statement");
	return 0;
}

int store_exec_cached(struct store *s, sqlite3_stmt **st, const char *sql, char **err)
{
	int rc;

	if (store_cached(s, st, sql, err) < 0)
		return -1;
	rc = sqlite3_step(*st);
	if (rc != SQLITE_DONE)
		set_error(err, "cannot run SQL on database '%s': %s", s->path,
			  sqlite3_errmsg(s->db));
	sqlite3_reset(*st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int store_begin(struct store *s, char **err)
{
	return store_exec_cached(s, &s->begin, "BEGIN IMMEDIATE", err);
}

int store_commit(struct store *s, char **err)
{
	if (store_fts_flush(s, err) < 0)
		return -1;
	return store_exec_cached(s, &s->commit, "COMMIT", err);
}

void store_rollback(struct store *s)
{
	store_fts_discard(s);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Run a statement that returns no rows; finalizes it. */
int store_step_done(struct store *s, sqlite3_stmt *st, const char *what, char **err)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE)
		store_db_error(s, err, what);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void store_bind_double(sqlite3_stmt *st, int i, int present, double v)
{
	if (present)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

const char *store_column_str(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

char *store_column_dup(sqlite3_stmt *st, int i)
{
	return xstrdup_or_null(store_column_str(st, i));
}
