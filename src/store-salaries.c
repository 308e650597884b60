/*
 * store-salaries.c - the postings a report reads, narrowly: only the
 * columns a report needs, and with a role only the titles it names, found
 * through the title index so that no other posting is read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store-internal.h"
#include "xalloc.h"

/* What a report reads of a posting (the rest stays unread).  The posting it
 * duplicates counts only when it matches the filter too; the subquery runs
 * only for the few postings that duplicate one. */
#define REPORT_COLUMNS \
	"p.id, p.source_id, p.title, p.company, p.remote, p.country, p.level, " \
	"p.employment_type, p.salary_min IS NOT NULL, p.salary_currency, p.salary_period, " \
	"p.annual_min, p.annual_max, p.salary_provenance, p.posted, p.first_seen, " \
	"p.duplicate_of, CASE WHEN p.duplicate_of IS NULL THEN 0 ELSE EXISTS (SELECT 1 " \
	"FROM postings c WHERE c.id = p.duplicate_of AND " FILTER_MATCHES("c") ") END, " \
	"CASE WHEN ?8 THEN p.description END "

enum { RC_ID, RC_SOURCE_ID, RC_TITLE, RC_COMPANY, RC_REMOTE, RC_COUNTRY, RC_LEVEL,
       RC_EMPLOYMENT_TYPE, RC_HAS_SALARY, RC_CURRENCY, RC_PERIOD, RC_ANNUAL_MIN,
       RC_ANNUAL_MAX, RC_PROVENANCE, RC_POSTED, RC_FIRST_SEEN, RC_DUPLICATE_OF,
       RC_DUPLICATE, RC_DESCRIPTION };

static const char every_sql[] =
	"SELECT " REPORT_COLUMNS "FROM postings p WHERE " FILTER_MATCHES("p") " ORDER BY p.id";

/*
 * Some titles' postings (?9 and on), in one pass through the table by id:
 * their ids from the title index first (an ephemeral sorted list), then
 * each row in id order.  A pass a title read as many table pages again,
 * since a role's titles share the pages: 4 titles of 50k postings over 1M
 * read 45k pages that way, 36k in one pass.
 */
#define TITLES_SQL_HEAD \
	"SELECT " REPORT_COLUMNS "FROM postings p WHERE p.id IN (SELECT id FROM postings " \
	"WHERE title IN ("
#define TITLES_SQL_TAIL ")) AND " FILTER_MATCHES("p") " ORDER BY p.id"
/* Titles one statement takes (each a parameter, after the filter's 8). */
#define TITLES_AT_ONCE 200

/*
 * The distinct titles, from the title index alone: first by seeking from
 * one to the next (a handful of page reads each, however many postings
 * share a title), then, when they turn out many, by reading the rest of
 * the index in one pass.
 */
static const char first_title_sql[] = "SELECT title FROM postings ORDER BY title LIMIT 1";
static const char next_title_sql[] =
	"SELECT title FROM postings WHERE title > ?1 ORDER BY title LIMIT 1";
static const char titles_after_sql[] =
	"SELECT DISTINCT title FROM postings WHERE title > ?1 ORDER BY title";
/* Seeks before the pass: where titles are this many, the pass is cheaper. */
#define TITLE_SEEKS 1000

/* The sources' names by id: a crawl has few, read once. */
struct source_names {
	long long *id;
	char **name;
	size_t n;
};

static void source_names_release(struct source_names *sn)
{
	size_t i;

	for (i = 0; i < sn->n; i++)
		free(sn->name[i]);
	free(sn->name);
	free(sn->id);
}

static int source_names_read(struct store *s, struct source_names *sn, char **err)
{
	sqlite3_stmt *st;
	int rc;

	memset(sn, 0, sizeof(*sn));
	if (store_prepare(s, "SELECT id, name FROM sources", &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sn->id = xreallocarray(sn->id, sn->n + 1, sizeof(*sn->id));
		sn->name = xreallocarray(sn->name, sn->n + 1, sizeof(*sn->name));
		sn->id[sn->n] = sqlite3_column_int64(st, 0);
		sn->name[sn->n++] = store_column_dup(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_db_error(s, err, "cannot read sources");
}

static const char *source_name(const struct source_names *sn, long long id)
{
	size_t i;

	for (i = 0; i < sn->n; i++)
		if (sn->id[i] == id)
			return sn->name[i];
	return NULL;
}

/* s (NULL: "") into out of size bytes, cut to fit: snprintf's "%s", without
 * its format parsing, twice a row. */
static void copy_cut(char *out, size_t size, const char *s)
{
	size_t n = s != NULL ? strnlen(s, size - 1) : 0;

	if (n > 0)
		memcpy(out, s, n);
	out[n] = '\0';
}

/* The row as the posting and stored posting a report reads. */
static void report_row(sqlite3_stmt *st, const struct source_names *sn, struct posting *p,
		       struct stored_posting *sp)
{
	const char *country = store_column_str(st, RC_COUNTRY);
	const char *currency = store_column_str(st, RC_CURRENCY);

	memset(p, 0, sizeof(*p));
	memset(sp, 0, sizeof(*sp));
	p->title = (char *)store_column_str(st, RC_TITLE);
	p->company = (char *)store_column_str(st, RC_COMPANY);
	p->remote = store_column_str(st, RC_REMOTE);
	copy_cut(p->country, sizeof(p->country), country);
	p->level = store_column_str(st, RC_LEVEL);
	p->employment_type = store_column_str(st, RC_EMPLOYMENT_TYPE);
	p->salary.found = sqlite3_column_int(st, RC_HAS_SALARY);
	copy_cut(p->salary.currency, sizeof(p->salary.currency), currency);
	p->salary.period = salary_period_from_name(store_column_str(st, RC_PERIOD));
	p->salary.annual_min = sqlite3_column_double(st, RC_ANNUAL_MIN);
	p->salary.annual_max = sqlite3_column_double(st, RC_ANNUAL_MAX);
	p->salary.provenance = store_column_str(st, RC_PROVENANCE);
	p->posted = (char *)store_column_str(st, RC_POSTED);
	p->description = (char *)store_column_str(st, RC_DESCRIPTION);
	sp->posting = p;
	sp->id = sqlite3_column_int64(st, RC_ID);
	sp->source = source_name(sn, sqlite3_column_int64(st, RC_SOURCE_ID));
	sp->first_seen = store_column_str(st, RC_FIRST_SEEN);
	sp->duplicate_of = sqlite3_column_int64(st, RC_DUPLICATE_OF);
	sp->duplicate = sqlite3_column_int(st, RC_DUPLICATE);
}

/* Step st (bound) to its end, or until fn returns non-zero (1); -1 on an
 * error. */
static int report_rows(sqlite3_stmt *st, const struct source_names *sn,
		       int (*fn)(const struct stored_posting *sp, void *ctx), void *ctx)
{
	struct posting p;
	struct stored_posting sp;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		report_row(st, sn, &p, &sp);
		if (fn(&sp, ctx) != 0)
			return 1;
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The titles wanted accepts (title_sql binds each), NULL-terminated. */
struct wanted_list {
	int (*wanted)(const char *title, void *ctx);
	void *ctx;
	char **v;
	size_t n;
	char *last;		/* the last title read */
};

static void consider(struct wanted_list *w, const char *title)
{
	free(w->last);
	w->last = xstrdup(title);
	if (!w->wanted(title, w->ctx))
		return;
	w->v = xreallocarray(w->v, w->n + 2, sizeof(*w->v));
	w->v[w->n++] = xstrdup(title);
	w->v[w->n] = NULL;
}

/* Step st (bound) through its titles; SQLITE_DONE, or the error.  With
 * once, only its first row (a seek): SQLITE_ROW when there was one. */
static int read_titles(sqlite3_stmt *st, struct wanted_list *w, int once)
{
	const char *title;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((title = store_column_str(st, 0)) != NULL)
			consider(w, title);
		if (once)
			break;
	}
	sqlite3_reset(st);
	return rc;
}

static int wanted_titles(struct store *s, struct wanted_list *w, char **err)
{
	sqlite3_stmt *first = NULL, *next = NULL, *rest = NULL;
	int rc, seeks = 0;

	w->v = xcalloc(1, sizeof(*w->v));
	if (store_prepare(s, first_title_sql, &first, err) < 0 ||
	    store_prepare(s, next_title_sql, &next, err) < 0 ||
	    store_prepare(s, titles_after_sql, &rest, err) < 0) {
		rc = -1;
		goto out;
	}
	rc = read_titles(first, w, 1);
	while (rc == SQLITE_ROW && seeks++ < TITLE_SEEKS) {
		sqlite3_bind_text(next, 1, w->last, -1, SQLITE_TRANSIENT);
		rc = read_titles(next, w, 1);
	}
	if (rc == SQLITE_ROW) {
		sqlite3_bind_text(rest, 1, w->last, -1, SQLITE_TRANSIENT);
		rc = read_titles(rest, w, 0);
	}
	rc = rc == SQLITE_DONE ? 0 : store_db_error(s, err, "cannot read titles");
out:
	sqlite3_finalize(first);
	sqlite3_finalize(next);
	sqlite3_finalize(rest);
	free(w->last);
	return rc;
}

static void titles_free(char **titles)
{
	size_t i;

	for (i = 0; titles != NULL && titles[i] != NULL; i++)
		free(titles[i]);
	free(titles);
}

/* A statement of REPORT_COLUMNS, the filter and with_description bound. */
static int prepare_report(struct store *s, const char *sql, const struct posting_filter *f,
			  int with_description, sqlite3_stmt **st, char **err)
{
	if (store_prepare(s, sql, st, err) < 0)
		return -1;
	store_bind_filter(*st, f);
	sqlite3_bind_int(*st, 8, with_description);
	return 0;
}

/* The statement for n titles (TITLES_SQL_HEAD), bound but for the titles. */
static int prepare_titles(struct store *s, size_t n, const struct posting_filter *f,
			  int with_description, sqlite3_stmt **st, char **err)
{
	struct buf sql = BUF_INIT;
	size_t i;
	int rc;

	buf_appends(&sql, TITLES_SQL_HEAD);
	for (i = 0; i < n; i++)
		buf_printf(&sql, "%s?%zu", i ? ", " : "", i + 9);
	buf_appends(&sql, TITLES_SQL_TAIL);
	rc = prepare_report(s, buf_str(&sql), f, with_description, st, err);
	buf_release(&sql);
	return rc;
}

/* The wanted titles' postings, TITLES_AT_ONCE titles a pass. */
static int rows_by_title(struct store *s, char **titles, size_t n,
			 const struct posting_filter *f, int with_description,
			 const struct source_names *sn,
			 int (*fn)(const struct stored_posting *sp, void *ctx), void *ctx,
			 char **err)
{
	sqlite3_stmt *st;
	size_t at, i, k;
	int rc = 0;

	for (at = 0; rc == 0 && at < n; at += k) {
		k = n - at < TITLES_AT_ONCE ? n - at : TITLES_AT_ONCE;
		if (prepare_titles(s, k, f, with_description, &st, err) < 0)
			return -1;
		for (i = 0; i < k; i++)
			sqlite3_bind_text(st, (int)(i + 9), titles[at + i], -1, SQLITE_STATIC);
		rc = report_rows(st, sn, fn, ctx);
		if (rc < 0)
			store_db_error(s, err, "cannot read postings");
		sqlite3_finalize(st);
	}
	return rc;
}

int store_foreach_report_posting(struct store *s, const struct posting_filter *f,
				 int (*wanted)(const char *title, void *ctx),
				 int with_description,
				 int (*fn)(const struct stored_posting *sp, void *ctx),
				 void *ctx, char **err)
{
	struct wanted_list w = { wanted, ctx, NULL, 0, NULL };
	struct source_names sn;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (source_names_read(s, &sn, err) < 0)
		return -1;
	if (wanted != NULL) {
		if (wanted_titles(s, &w, err) == 0)
			rc = rows_by_title(s, w.v, w.n, f, with_description, &sn, fn, ctx, err);
		goto out;
	}
	if (prepare_report(s, every_sql, f, with_description, &st, err) < 0)
		goto out;
	rc = report_rows(st, &sn, fn, ctx);
	if (rc < 0)
		store_db_error(s, err, "cannot read postings");
out:
	sqlite3_finalize(st);
	titles_free(w.v);
	source_names_release(&sn);
	return rc < 0 ? -1 : 0;
}
