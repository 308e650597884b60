/*
 * store-internal.h - what the store's files (store.c, store-posting.c,
 * store-rekey.c, store-link.c, store-rates.c) share: the handle and the SQLite helpers.  Only they
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
	/* and for identity (store-link.c): a posting's match key as stored,
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

/* The identity of a posting being stored (identity.h), and what was stored
 * under its key before. */
struct posting_identity {
	char *key, *match;	/* its key and match key (NULL: none) */
	char *old_match;	/* the match key stored before, NULL when none */
	int stored;		/* the posting was stored before */
};

/* Fill id for p, to be stored into source_id (store-link.c). */
int store_identity_begin(struct store *s, long long source_id, const struct posting *p,
			 struct posting_identity *id, char **err);
void posting_identity_release(struct posting_identity *id);
/*
 * After a posting was stored new or changed: its own link dropped when its
 * match key changed, its match key's postings linked anew when another
 * source has one (the common case, a job on one board, costs one index
 * probe), and those of the match key it had.
 */
int store_identity_link(struct store *s, long long source_id, const struct posting_identity *id,
			char **err);
/* Link every posting anew; *changed (may be NULL) += the rows relinked. */
int store_relink_all(struct store *s, size_t *changed, char **err);
/* store_identity_refresh without counts: the step of migration 4
 * (store-rekey.c). */
int store_identity_upgrade(struct store *s, char **err);

#endif
