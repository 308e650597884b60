/*
 * store-internal.h - what the store's files (store.c, store-posting.c,
 * store-rates.c) share: the handle and the SQLite helpers.  Only they
 * include it; the rest of the program sees store.h.
 */
#ifndef JOBSTATS_STORE_INTERNAL_H
#define JOBSTATS_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3 *db;
	char *path;
	/* store_upsert's statements, prepared on first use */
	sqlite3_stmt *insert, *update, *touch, *raw_update, *raw_insert;
	/* and for identity (store-identity.c): a posting's match key as stored,
	 * one match key's postings to link, clearing a posting's link, another
	 * source's posting with a match key */
	sqlite3_stmt *old_match, *relink, *unlink, *other_source;
};

/* Set *err to "<what> in '<path>': <sqlite's message>"; returns -1. */
int store_db_error(struct store *s, char **err, const char *what);
/* Run SQL text (one or more statements) that returns no rows. */
int store_exec(struct store *s, const char *sql, char **err);
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st, char **err);
/* Run a statement that returns no rows; finalizes it. */
int store_step_done(struct store *s, sqlite3_stmt *st, const char *what, char **err);
/* Bind a string, NULL and "" as SQL NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *v);
/* Bind a number, or SQL NULL when present is 0. */
void store_bind_double(sqlite3_stmt *st, int i, int present, double v);
/* A column as text, NULL when SQL NULL (borrowed until the next step). */
const char *store_column_str(sqlite3_stmt *st, int i);

/* Link the postings of one match key anew (store-identity.c). */
int store_relink_group(struct store *s, const char *match, char **err);
/* Link every posting anew; *changed (may be NULL) += the rows relinked. */
int store_relink_all(struct store *s, size_t *changed, char **err);
/* store_identity_refresh without counts: the step of migration 4. */
int store_identity_upgrade(struct store *s, char **err);

#endif
