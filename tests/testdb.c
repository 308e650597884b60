/* testdb.c - a scratch SQLite database for the store's Check tests. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "testdb.h"
#include "xalloc.h"

void testdb_path(char *out, size_t size, const char *prefix)
{
	int fd;

	snprintf(out, size, "/tmp/%s.XXXXXX", prefix);
	fd = mkstemp(out);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(out);
}

void testdb_remove(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	char file[256];
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(file, sizeof(file), "%s%s", path, suffixes[i]);
		unlink(file);
	}
}

void testdb_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s: %s", sql, msg);
	sqlite3_close(db);
}

struct store *testdb_open_store(const char *path)
{
	struct store *st;
	char *err = NULL;

	ck_assert_msg(store_open(path, &st, &err) == 0, "store_open: %s", err);
	return st;
}

long long testdb_add_source(struct store *st, const char *name)
{
	struct source src;
	char *err = NULL;
	long long id;

	ck_assert_int_eq(store_source_add(st, name, "https://jobs.example.test/", 5, -1, &err), 0);
	ck_assert_int_eq(store_source_get(st, name, &src, &err), 0);
	id = src.id;
	source_release(&src);
	return id;
}

/* Open path and step sql to its first row (a Check failure when none). */
static sqlite3_stmt *first_row(const char *path, const char *sql, sqlite3 **db)
{
	sqlite3_stmt *st;

	ck_assert_int_eq(sqlite3_open(path, db), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(*db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(*db));
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	return st;
}

long long testdb_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st = first_row(path, sql, &db);
	long long v = sqlite3_column_int64(st, 0);

	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

char *testdb_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st = first_row(path, sql, &db);
	const char *text = (const char *)sqlite3_column_text(st, 0);
	char *out = xstrdup(text ? text : "");

	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}
