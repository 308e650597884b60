/*
 * testdb.h - a scratch SQLite database for the store's Check tests
 * (check_store, check_store_search, check_store_pages): its path, its removal, and SQL run on
 * it behind the store's back.  Failures are Check assertions.
 */
#ifndef JOBSTATS_TESTDB_H
#define JOBSTATS_TESTDB_H

#include <stddef.h>

#include "store.h"

/* A new path under /tmp ("/tmp/PREFIX.XXXXXX", made unique), nothing there yet. */
void testdb_path(char *out, size_t size, const char *prefix);
/* Remove the database at path, with its -wal and -shm files. */
void testdb_remove(const char *path);
/* Run SQL (statements returning no rows) on the database at path through
 * a connection of its own; a store may hold the database open meanwhile. */
void testdb_exec(const char *path, const char *sql);

/* The integer the first row of sql holds, through a connection of its own. */
long long testdb_int(const char *path, const char *sql);
/* The first column of the first row of sql as text ("" for NULL),
 * allocated, through a connection of its own. */
char *testdb_text(const char *path, const char *sql);

/* Open the store at path (a Check failure when it cannot). */
struct store *testdb_open_store(const char *path);
/* Add a source named name (https://jobs.example.test/, 5 pages at most,
 * the default delay); its id. */
long long testdb_add_source(struct store *st, const char *name);

#endif
