/* check_store_search.c - full-text search of the stored postings: the FTS5
 * query syntax, accents, newest-first order, filters and limit, the index
 * kept in step on update and delete, and filled when a database migrates. */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "testdb.h"
#include "xalloc.h"

static char db_path[64];
static struct store *st;
static long long src;

static void open_store(void)
{
	char *err = NULL;

	ck_assert_msg(store_open(db_path, &st, &err) == 0, "store_open: %s", err);
}

/* A posting of source src with this id, title, company, description and
 * date (NULL: undated, first seen on now's day). */
static void add(const char *id, const char *title, const char *company, const char *description,
		const char *posted, const char *now)
{
	enum upsert_result r;
	struct posting p;
	char *err = NULL;

	posting_init(&p);
	p.external_id = xstrdup(id);
	p.title = xstrdup(title);
	p.company = company ? xstrdup(company) : NULL;
	p.description = description ? xstrdup(description) : NULL;
	p.posted = posted ? xstrdup(posted) : NULL;
	p.level = strcmp(id, "4") == 0 ? "SE" : "MI";
	ck_assert_msg(store_upsert(st, src, 0, NULL, &p, now, &r, &err) == 0, "upsert: %s", err);
	posting_release(&p);
}

static void setup(void)
{
	struct source s;
	char *err = NULL;

	testdb_path(db_path, sizeof(db_path), "check_store_search");
	open_store();
	ck_assert_int_eq(store_source_add(st, "demo", "https://jobs.example.test/", 5, -1, &err), 0);
	ck_assert_int_eq(store_source_get(st, "demo", &s, &err), 0);
	src = s.id;
	source_release(&s);
	add("1", "Data Engineer", "murmuration", "Spark and Python pipelines.", "2025-01-10",
	    "2025-01-12T00:00:00Z");
	add("2", "Senior Data Scientist", "Lakeside Bank", "Models in Python; no engineering.",
	    "2025-01-05", "2025-01-12T00:00:00Z");
	add("3", "Machine Learning Engineer", "Zürich Analytics AG", "Scala, Kubernetes.", NULL,
	    "2025-01-11T00:00:00Z");
	add("4", "Engineering Manager, Data", "Café Olé", NULL, "2025-01-10",
	    "2025-01-12T00:00:00Z");
}

static void teardown(void)
{
	store_free(st);
	st = NULL;
	testdb_remove(db_path);
}

/* The matches' external ids, in order, space separated. */
static int collect_ids(const struct stored_posting *sp, void *ctx)
{
	struct buf *b = ctx;

	buf_printf(b, "%s%s", b->len ? " " : "", sp->posting->external_id);
	return 0;
}

static char *search_ids(const char *query, const struct posting_filter *f, long long limit)
{
	struct buf b = BUF_INIT;
	char *err = NULL;
	int rc = store_search(st, query, f, limit, collect_ids, &b, &err);

	ck_assert_msg(rc == 0, "search '%s': %d %s", query, rc, err ? err : "");
	buf_appends(&b, "");
	return buf_detach(&b);
}

static void assert_search(const char *query, const char *want)
{
	char *got = search_ids(query, NULL, -1);

	ck_assert_msg(strcmp(got, want) == 0, "search '%s': '%s', expected '%s'", query, got,
		      want);
	free(got);
}

/* Newest first: 1 and 4 posted 2025-01-10 (4 stored later, first), 3
 * undated but first seen 2025-01-11, 2 posted 2025-01-05. */
START_TEST(test_query_syntax)
{
	static const struct {
		const char *query, *want;
	} cases[] = {
		{ "data", "4 1 2" },
		{ "DATA", "4 1 2" },			/* case ignored */
		{ "data engineer", "1" },		/* AND implied */
		{ "\"data engineer\"", "1" },		/* a phrase */
		{ "\"engineer data\"", "" },		/* the phrase in order */
		{ "engin*", "3 4 1 2" },		/* prefix: engineer(ing) */
		{ "python AND spark", "1" },
		{ "scala OR spark", "3 1" },
		{ "python NOT spark", "2" },
		{ "(scala OR spark) AND python", "1" },
		{ "title:python", "" },			/* in one column */
		{ "description:python", "1 2" },
		{ "company:bank", "2" },
		{ "zurich", "3" },			/* accents ignored both ways */
		{ "zürich", "3" },
		{ "cafe ole", "4" },
		{ "\"CAFÉ OLÉ\"", "4" },
		{ "kubernetes", "3" },			/* the description counts */
		{ "nothing_like_this", "" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_search(cases[i].query, cases[i].want);
}
END_TEST

/* A query FTS5 cannot read is the query's error, said without SQL noise. */
START_TEST(test_bad_query)
{
	static const struct {
		const char *query, *problem;
	} cases[] = {
		{ "\"data engineer", "unterminated string" },
		{ "AND", "syntax error near \"AND\"" },
		{ "data AND", "syntax error at the end of the query" },
		{ "(data", "syntax error at the end of the query" },
		{ "salary:high", "no such column: salary" },
	};
	size_t i;
	char *err;
	int n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		err = NULL;
		n = 0;
		ck_assert_int_eq(store_search(st, cases[i].query, NULL, -1, collect_ids, &n, &err),
				 STORE_SEARCH_BAD_QUERY);
		ck_assert_msg(strcmp(err, cases[i].problem) == 0, "'%s': '%s', expected '%s'",
			      cases[i].query, err, cases[i].problem);
		free(err);
	}
}
END_TEST

/* The report's filters and a limit apply to the matches. */
START_TEST(test_filter_and_limit)
{
	struct posting_filter f = { NULL, NULL, NULL, NULL, NULL, NULL, NULL };
	char *got;

	f.level = "SE";
	got = search_ids("data", &f, -1);
	ck_assert_str_eq(got, "4");
	free(got);
	f.level = NULL;
	f.since = "2025-01-06";
	f.until = "2025-01-10";
	got = search_ids("engin*", &f, -1);
	ck_assert_str_eq(got, "4 1");
	free(got);
	f.since = f.until = NULL;
	f.company = "LAKESIDE BANK";
	got = search_ids("python", &f, -1);
	ck_assert_str_eq(got, "2");
	free(got);
	got = search_ids("engin*", NULL, 2);
	ck_assert_str_eq(got, "3 4");
	free(got);
	got = search_ids("engin*", NULL, 0);
	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

/* The triggers keep the index in step with postings. */
START_TEST(test_index_follows_changes)
{
	char *err = NULL;

	/* posting 1 changes its title and description: old words go */
	add("1", "Analytics Engineer", "murmuration", "dbt and SQL.", "2025-01-10",
	    "2025-01-13T00:00:00Z");
	assert_search("spark", "");
	assert_search("analytics", "3 1");
	assert_search("dbt", "1");
	/* seen again unchanged: still found once */
	add("1", "Analytics Engineer", "murmuration", "dbt and SQL.", "2025-01-10",
	    "2025-01-14T00:00:00Z");
	assert_search("dbt", "1");
	/* a removed source takes its postings, and their words, with it */
	ck_assert_int_eq(store_source_remove(st, "demo", &err), 0);
	assert_search("engin*", "");
	assert_search("data", "");
}
END_TEST

/* FTS5's own check that the index holds exactly what postings holds. */
static void assert_index_sound(void)
{
	testdb_exec(db_path, "INSERT INTO postings_fts (postings_fts) VALUES ('integrity-check')");
}

/* New postings are indexed a batch at a time (store-fts.c): a search in
 * the transaction finds them, a posting changed in the transaction that
 * stored it keeps the index in step, a rollback leaves nothing behind. */
START_TEST(test_index_in_batches)
{
	char *err = NULL;

	ck_assert_int_eq(store_begin(st, &err), 0);
	add("10", "Quokka Handler", "Zoo", "Marsupials.", "2025-02-01", "2025-02-01T00:00:00Z");
	add("11", "Quokka Keeper", "Zoo", NULL, "2025-02-02", "2025-02-02T00:00:00Z");
	assert_search("quokka", "11 10");
	add("12", "Wombat Handler", "Zoo", "Burrows.", "2025-02-03", "2025-02-03T00:00:00Z");
	/* 12 queued, then changed in the same transaction */
	add("12", "Koala Handler", "Zoo", "Trees.", "2025-02-03", "2025-02-03T00:00:00Z");
	ck_assert_int_eq(store_commit(st, &err), 0);
	assert_search("wombat OR burrows", "");
	assert_search("koala", "12");
	assert_search("handler", "12 10");
	assert_index_sound();
	ck_assert_int_eq(store_begin(st, &err), 0);
	add("13", "Narwhal Keeper", "Sea", NULL, "2025-02-04", "2025-02-04T00:00:00Z");
	store_rollback(st);
	assert_search("narwhal", "");
	assert_index_sound();
	add("13", "Narwhal Keeper", "Sea", NULL, "2025-02-04", "2025-02-04T00:00:00Z");
	assert_search("narwhal", "13");
	assert_index_sound();
}
END_TEST

/* More new postings in one transaction than the queue holds. */
START_TEST(test_index_many)
{
	char *err = NULL, id[16];
	int i;

	ck_assert_int_eq(store_begin(st, &err), 0);
	for (i = 0; i < 2500; i++) {	/* the queue holds 1024 */
		snprintf(id, sizeof(id), "b%d", i);
		add(id, i % 2 ? "Platypus Handler" : "Platypus Keeper", "Zoo", NULL, "2025-03-01",
		    "2025-03-01T00:00:00Z");
	}
	ck_assert_int_eq(store_commit(st, &err), 0);
	ck_assert_int_eq(testdb_int(db_path, "SELECT count(*) FROM postings_fts "
				    "WHERE postings_fts MATCH 'platypus'"), 2500);
	ck_assert_int_eq(testdb_int(db_path, "SELECT count(*) FROM postings_fts "
				    "WHERE postings_fts MATCH 'keeper'"), 1250);
	assert_index_sound();
}
END_TEST

/* A version 2 database (no search index) gets one, holding its postings. */
START_TEST(test_migrate_v2)
{
	store_free(st);
	st = NULL;
	/* A version 2 database: without the search index (3), without
	 * identity's columns (4, merged after this test was written) and
	 * without the crawler's pages, run counts and lifecycle (5, later). */
	testdb_exec(db_path, "DROP TRIGGER postings_fts_update; "
		 "DROP TRIGGER postings_fts_delete; DROP TABLE postings_fts; "
		 "DROP INDEX postings_match_key; DROP INDEX postings_duplicate_of; "
		 "ALTER TABLE postings DROP COLUMN match_key; "
		 "ALTER TABLE postings DROP COLUMN duplicate_of; "
		 "DROP INDEX postings_page_id; ALTER TABLE postings DROP COLUMN page_id; "
		 "ALTER TABLE postings DROP COLUMN closed_at; DROP TABLE run_errors; "
		 "DROP TABLE pages; DROP INDEX runs_source; ALTER TABLE sources DROP COLUMN delay; "
		 "ALTER TABLE runs DROP COLUMN pages_not_modified; "
		 "ALTER TABLE runs DROP COLUMN pages_robots; "
		 "ALTER TABLE runs DROP COLUMN pages_skipped; "
		 "ALTER TABLE runs DROP COLUMN postings_unchanged; "
		 "ALTER TABLE runs DROP COLUMN postings_closed; "
		 "ALTER TABLE runs DROP COLUMN complete; ALTER TABLE runs DROP COLUMN outcome; "
		 "PRAGMA user_version = 2");
	open_store();
	assert_search("data", "4 1 2");
	assert_search("zurich", "3");
	add("5", "Data Platform Engineer", NULL, NULL, "2025-02-01", "2025-02-01T00:00:00Z");
	assert_search("\"data platform\"", "5");
}
END_TEST

/* The search index's table and its two triggers (since schema 6 the store
 * indexes new postings itself, store-fts.c). */
#define INDEX_OBJECTS \
	"SELECT count(*) FROM sqlite_master WHERE name IN ('postings_fts', " \
	"'postings_fts_update', 'postings_fts_delete')"

/* Every new connection made as if SQLite had no FTS5: its module and its
 * fts5() function, by which the store tells, removed. */
static int without_fts5(sqlite3 *db, const char **msg, const struct sqlite3_api_routines *api)
{
	(void)msg;
	(void)api;
	sqlite3_drop_modules(db, NULL);
	return sqlite3_create_function(db, "fts5", 1, SQLITE_UTF8, NULL, NULL, NULL, NULL);
}

/* Without FTS5 a database reaches the current version without the index
 * and works but for search; the first open with FTS5 adds the index,
 * holding what was stored. */
START_TEST(test_without_fts5)
{
	enum upsert_result r;
	struct posting p;
	char *err = NULL;
	int n = 0;

	store_free(st);
	st = NULL;
	testdb_remove(db_path);
	ck_assert_int_eq(sqlite3_auto_extension((void (*)(void))without_fts5), SQLITE_OK);
	open_store();
	ck_assert_int_eq(store_source_add(st, "demo", "https://jobs.example.test/", 5, -1, &err), 0);
	add("1", "Data Engineer", "Zürich Analytik", NULL, "2025-01-10", "2025-01-12T00:00:00Z");
	ck_assert_int_eq(store_search(st, "data", NULL, -1, collect_ids, &n, &err), -1);
	ck_assert_msg(strstr(err, "no FTS5") != NULL, "%s", err);
	free(err);
	err = NULL;
	/* the current version (3 when written; 4 since identity's columns, 5
	 * since the crawler's pages) */
	ck_assert_int_eq(testdb_int(db_path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(testdb_int(db_path, INDEX_OBJECTS), 0);
	store_free(st);
	st = NULL;
	sqlite3_reset_auto_extension();
	open_store();
	ck_assert_int_eq(testdb_int(db_path, INDEX_OBJECTS), 3);
	assert_search("zurich", "1");
	/* Such a database opened again without FTS5: read, not written. */
	store_free(st);
	st = NULL;
	ck_assert_int_eq(sqlite3_auto_extension((void (*)(void))without_fts5), SQLITE_OK);
	open_store();
	ck_assert_int_eq(store_search(st, "data", NULL, -1, collect_ids, &n, &err), -1);
	free(err);
	err = NULL;
	posting_init(&p);
	p.external_id = (char *)"2";
	p.title = (char *)"Data Analyst";
	ck_assert_int_eq(store_upsert(st, src, 0, NULL, &p, "2025-01-13T00:00:00Z", &r, &err), -1);
	ck_assert_msg(strstr(err, "fts5") != NULL, "%s", err);
	free(err);
	sqlite3_reset_auto_extension();
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("store_search");
	TCase *tc = tcase_create("store_search");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_query_syntax);
	tcase_add_test(tc, test_bad_query);
	tcase_add_test(tc, test_filter_and_limit);
	tcase_add_test(tc, test_index_follows_changes);
	tcase_add_test(tc, test_index_in_batches);
	tcase_add_test(tc, test_index_many);
	tcase_add_test(tc, test_migrate_v2);
	tcase_add_test(tc, test_without_fts5);
	suite_add_tcase(s, tc);
	return s;
}
