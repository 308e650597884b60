/*
 * store-renormalize.c - every stored posting normalized again from its raw
 * record ("jobstats renormalize"), in place: only the normalized columns,
 * only where they differ, in one transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-internal.h"
#include "xalloc.h"

/* The normalized columns: those posting_normalize computes from the raw
 * record, all but external_id, url and description, which are only
 * bounded copies and never renormalized. */
#define NORMALIZED_COLUMNS \
	"title, company, location, remote, country, level, employment_type, salary_text, " \
	"salary_min, salary_max, salary_currency, salary_period, annual_min, annual_max, " \
	"salary_provenance, posted, salary_rule, salary_notes"
#define NORMALIZED_VALUES \
	"?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?21, ?23, ?24"

/* renormalize: the normalized columns of row ?25, when they differ. */
static const char renormalize_sql[] =
	"UPDATE postings SET (" NORMALIZED_COLUMNS ") = (" NORMALIZED_VALUES ") "
	"WHERE id = ?25 AND NOT (" NORMALIZED_SAME ")";

/* Rows a renormalize reads before it writes (a read never sees its writes). */
#define RENORMALIZE_BATCH 256

/* Postings after id ?1 (of source ?2), as stored, with their raw records. */
static const char renormalize_select_sql[] =
	"SELECT x.*, r.* FROM (SELECT id, " POSTING_COLUMNS " FROM postings "
	"WHERE id > ?1 AND (?2 IS NULL OR source_id = (SELECT id FROM sources WHERE name = ?2)) "
	"ORDER BY id LIMIT ?3) AS x LEFT JOIN (SELECT posting_id, " RAW_COLUMNS
	" FROM posting_raw) AS r ON r.posting_id = x.id ORDER BY x.id";

/* Columns of renormalize_select_sql. */
enum { SEL_ID, SEL_POSTING, SEL_HAS_RAW = SEL_POSTING + 21, SEL_RAW };

struct renormalized {
	long long id;
	struct posting p;
};

/* Fill a raw posting whose strings borrow the row, RAW_COLUMNS from column c. */
static void raw_from_row(sqlite3_stmt *st, int c, struct raw_posting *raw)
{
	struct salary_hints *h = &raw->salary_hints;
	const char *currency = store_column_str(st, c + 10);

	raw_posting_init(raw);
	raw->title = (char *)store_column_str(st, c + 0);
	raw->company = (char *)store_column_str(st, c + 1);
	raw->location = (char *)store_column_str(st, c + 2);
	raw->remote = (char *)store_column_str(st, c + 3);
	raw->country = (char *)store_column_str(st, c + 4);
	raw->level = (char *)store_column_str(st, c + 5);
	raw->employment_type = (char *)store_column_str(st, c + 6);
	raw->salary_text = (char *)store_column_str(st, c + 7);
	h->min = sqlite3_column_double(st, c + 8);	/* 0 when NULL, as hints want */
	h->max = sqlite3_column_double(st, c + 9);
	snprintf(h->currency, sizeof(h->currency), "%s", currency ? currency : "");
	h->period = salary_period_from_name(store_column_str(st, c + 11));
	raw->posted = (char *)store_column_str(st, c + 12);
	raw->strategy = store_column_str(st, c + 13);
	raw->applicant_country = (char *)store_column_str(st, c + 14);
}

/* Read and recompute the next batch after *last; the rows read, or -1. */
static int renormalize_read(struct store *s, sqlite3_stmt *st, const char *source,
			    long long *last, store_renormalize_fn *fn,
			    struct renormalized *out, struct renormalize_counts *counts,
			    char **err)
{
	struct posting stored;
	struct raw_posting raw;
	int n = 0, rc = SQLITE_DONE, has_raw;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, *last);
	store_bind_text(st, 2, source);
	sqlite3_bind_int(st, 3, RENORMALIZE_BATCH);
	while (n < RENORMALIZE_BATCH && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		has_raw = sqlite3_column_type(st, SEL_HAS_RAW) != SQLITE_NULL;
		store_posting_from_row(st, SEL_POSTING, &stored);
		if (has_raw) {
			raw_from_row(st, SEL_RAW, &raw);
			/* not a posting_raw column: the stored description is the
			 * bounded copy that crawl read the salary in, when it did */
			raw.description = stored.description;
		}
		out[n].id = *last = sqlite3_column_int64(st, SEL_ID);
		fn(&stored, has_raw ? &raw : NULL, &out[n++].p);
		counts->postings++;
		counts->without_raw += !has_raw;
	}
	if (n < RENORMALIZE_BATCH && rc != SQLITE_DONE) {
		while (n > 0)
			posting_release(&out[--n].p);
		store_db_error(s, err, "cannot read postings");
		n = -1;
	}
	sqlite3_reset(st);
	return n;
}

/* Write a batch back (only rows that differ change); releases the postings. */
static int renormalize_write(struct store *s, sqlite3_stmt *st, struct renormalized *v, int n,
			     struct renormalize_counts *counts, char **err)
{
	int i, rc = 0;

	for (i = 0; i < n; i++) {
		if (rc >= 0) {
			store_bind_posting(st, 0, NULL, NULL, &v[i].p, NULL);
			sqlite3_bind_int64(st, 25, v[i].id);
			rc = store_step_changes(s, st, err);
			counts->changed += rc > 0;
		}
		posting_release(&v[i].p);
	}
	return rc < 0 ? -1 : 0;
}

int store_renormalize(struct store *s, const char *source, store_renormalize_fn *fn,
		      struct renormalize_counts *counts, char **err)
{
	struct renormalized *batch = xcalloc(RENORMALIZE_BATCH, sizeof(*batch));
	sqlite3_stmt *sel = NULL, *upd = NULL;
	long long last = 0;
	int n, rc = -1;

	memset(counts, 0, sizeof(*counts));
	if (store_fts_flush(s, err) < 0 || store_prepare(s, renormalize_select_sql, &sel, err) < 0 ||
	    store_prepare(s, renormalize_sql, &upd, err) < 0 || store_begin(s, err) < 0)
		goto out;
	do {
		n = renormalize_read(s, sel, source, &last, fn, batch, counts, err);
		if (n > 0 && renormalize_write(s, upd, batch, n, counts, err) < 0)
			n = -1;
	} while (n == RENORMALIZE_BATCH);
	if (n < 0 || store_identity_refresh(s, &counts->identity, err) < 0 ||
	    store_commit(s, err) < 0) {
		store_rollback(s);
		memset(counts, 0, sizeof(*counts));
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	free(batch);
	return rc;
}
