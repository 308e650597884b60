/*
 * store-posting.c - postings in the store: idempotent upserts with their raw
 * records, reading them back, and renormalizing them in place.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identity.h"
#include "store-internal.h"
#include "xalloc.h"

/*
 * A posting's columns (POSTING_COLUMNS, store-internal.h) are bound as
 * ?3 .. ?21, ?23 and ?24 (bind_posting); ?1 is the source, ?2 the key
 * (identity.h), ?22 the time, ?26 the match key, ?27 the page it was seen
 * on (NULL: none, a stored one is kept).  The normalized ones are
 * those posting_normalize computes from the raw record: all but
 * external_id, url and description, which are only bounded copies and
 * never renormalized.
 */
#define NORMALIZED_COLUMNS \
	"title, company, location, remote, country, level, employment_type, salary_text, " \
	"salary_min, salary_max, salary_currency, salary_period, annual_min, annual_max, " \
	"salary_provenance, posted, salary_rule, salary_notes"
#define NORMALIZED_VALUES \
	"?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?21, ?23, ?24"
#define NORMALIZED_SAME \
	"title IS ?5 AND company IS ?6 AND location IS ?7 AND remote IS ?8 " \
	"AND country IS ?9 AND level IS ?10 AND employment_type IS ?11 " \
	"AND salary_text IS ?12 AND salary_min IS ?13 AND salary_max IS ?14 " \
	"AND salary_currency IS ?15 AND salary_period IS ?16 AND annual_min IS ?17 " \
	"AND annual_max IS ?18 AND salary_provenance IS ?19 AND posted IS ?21 " \
	"AND salary_rule IS ?23 AND salary_notes IS ?24"

static const char insert_sql[] =
	"INSERT INTO postings (source_id, posting_key, " POSTING_COLUMNS ", first_seen, last_seen, "
	"match_key, page_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	"?15, ?16, ?17, ?18, ?19, ?20, ?21, ?23, ?24, ?22, ?22, ?26, ?27) "
	"ON CONFLICT (source_id, posting_key) DO NOTHING";

/* Changes the row only when some field differs or the posting was closed
 * (seen again, it reopens), so changes() tells "updated".  last_seen never
 * goes back: reextract stores postings as of their page's fetch time. */
static const char update_sql[] =
	"UPDATE postings SET (" POSTING_COLUMNS ", last_seen, match_key, page_id, closed_at) = "
	"(?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?23, "
	"?24, max(last_seen, ?22), ?26, coalesce(?27, page_id), NULL) "
	"WHERE source_id = ?1 AND posting_key = ?2 AND NOT ("
	"external_id IS ?3 AND url IS ?4 AND description IS ?20 AND match_key IS ?26 AND "
	"closed_at IS NULL AND " NORMALIZED_SAME ")";

static const char touch_sql[] =
	"UPDATE postings SET last_seen = max(last_seen, ?22), page_id = coalesce(?27, page_id) "
	"WHERE source_id = ?1 AND posting_key = ?2";

/* renormalize: the normalized columns of row ?25, when they differ. */
static const char renormalize_sql[] =
	"UPDATE postings SET (" NORMALIZED_COLUMNS ") = (" NORMALIZED_VALUES ") "
	"WHERE id = ?25 AND NOT (" NORMALIZED_SAME ")";

/* The raw record's columns, bound as ?3 .. ?17 (bind_raw). */
#define RAW_COLUMNS \
	"title, company, location, remote, country, level, employment_type, salary_text, " \
	"hint_min, hint_max, hint_currency, hint_period, posted, strategy, applicant_country"
#define RAW_VALUES "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17"

static const char raw_update_sql[] =
	"UPDATE posting_raw SET (" RAW_COLUMNS ") = (" RAW_VALUES ") WHERE posting_id = "
	"(SELECT id FROM postings WHERE source_id = ?1 AND posting_key = ?2) AND NOT (title IS ?3 AND company IS ?4 "
	"AND location IS ?5 AND remote IS ?6 AND country IS ?7 AND level IS ?8 "
	"AND employment_type IS ?9 AND salary_text IS ?10 AND hint_min IS ?11 "
	"AND hint_max IS ?12 AND hint_currency IS ?13 AND hint_period IS ?14 "
	"AND posted IS ?15 AND strategy IS ?16 AND applicant_country IS ?17)";

/* A new posting's raw record: its id is ?18 (a stale row of a posting
 * deleted without foreign keys, whose id was reused, is replaced). */
static const char raw_insert_new_sql[] =
	"INSERT OR REPLACE INTO posting_raw (posting_id, " RAW_COLUMNS ") VALUES (?18, "
	RAW_VALUES ")";

static const char raw_insert_sql[] =
	"INSERT INTO posting_raw (posting_id, " RAW_COLUMNS ") "
	"SELECT id, " RAW_VALUES " FROM postings WHERE source_id = ?1 AND posting_key = ?2 "
	"ON CONFLICT (posting_id) DO NOTHING";

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

static void bind_salary(sqlite3_stmt *st, const struct salary *sal)
{
	char notes[SALARY_NOTES_TEXT_MAX];
	int annual = sal->found && sal->period != PERIOD_UNKNOWN;

	store_bind_double(st, 13, sal->found, sal->min);
	store_bind_double(st, 14, sal->found, sal->max);
	store_bind_text(st, 15, sal->found ? sal->currency : NULL);
	store_bind_text(st, 16, sal->found ? salary_period_name(sal->period) : NULL);
	store_bind_double(st, 17, annual, sal->annual_min);
	store_bind_double(st, 18, annual, sal->annual_max);
	store_bind_text(st, 19, sal->found ? sal->provenance : NULL);
	store_bind_text(st, 23, sal->found ? sal->rule : NULL);
	salary_notes_text(sal->found ? sal->notes : 0, notes);
	store_bind_text(st, 24, notes);
}

/* Bind an allocated string (freed by SQLite), NULL and "" as SQL NULL. */
static void bind_owned(sqlite3_stmt *st, int i, char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(st, i, v, -1, free);
	else {
		sqlite3_bind_null(st, i);
		free(v);
	}
}

/* Reset st and bind a posting's parameters (key, match and now may be NULL). */
static void bind_posting(sqlite3_stmt *st, long long source_id, const char *key,
			 const char *match, const struct posting *p, const char *now)
{
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, source_id);
	store_bind_text(st, 2, key);
	store_bind_text(st, 26, match);
	store_bind_text(st, 3, p->external_id);
	/* the canonical URL: tracking parameters change from crawl to crawl and
	 * say nothing of the job (identity.h) */
	bind_owned(st, 4, url_canonical(p->url));
	store_bind_text(st, 5, p->title);
	store_bind_text(st, 6, p->company);
	store_bind_text(st, 7, p->location);
	store_bind_text(st, 8, p->remote);
	store_bind_text(st, 9, p->country);
	store_bind_text(st, 10, p->level);
	store_bind_text(st, 11, p->employment_type);
	store_bind_text(st, 12, p->salary_text);
	bind_salary(st, &p->salary);
	store_bind_text(st, 20, p->description);
	store_bind_text(st, 21, p->posted);
	store_bind_text(st, 22, now);
}

/* A string from a page, cut as the posting's own strings are. */
static void bind_bounded(sqlite3_stmt *st, int i, const char *v)
{
	bind_owned(st, i, posting_bounded(v, POSTING_MAX_FIELD));
}

static void bind_raw(sqlite3_stmt *st, long long source_id, const char *key,
		     const struct raw_posting *raw)
{
	const struct salary_hints *h = &raw->salary_hints;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, source_id);
	store_bind_text(st, 2, key);
	bind_bounded(st, 3, raw->title);
	bind_bounded(st, 4, raw->company);
	bind_bounded(st, 5, raw->location);
	bind_bounded(st, 6, raw->remote);
	bind_bounded(st, 7, raw->country);
	bind_bounded(st, 8, raw->level);
	bind_bounded(st, 9, raw->employment_type);
	bind_bounded(st, 10, raw->salary_text);
	store_bind_double(st, 11, h->min != 0, h->min);
	store_bind_double(st, 12, h->max != 0, h->max);
	store_bind_text(st, 13, h->currency);
	store_bind_text(st, 14, salary_period_name(h->period));
	bind_bounded(st, 15, raw->posted);
	store_bind_text(st, 16, raw->strategy);
	bind_bounded(st, 17, raw->applicant_country);
}

/* Step a cached statement, bound by the caller; 1 when it changed a row,
 * 0 when not, -1 on error. */
static int step_cached(struct store *s, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot store posting");
	return sqlite3_changes(s->db) > 0;
}

/* The posting being stored, for the cached statements that store it. */
struct upsert {
	long long source_id, page_id;
	const struct posting_identity *id;
	const struct posting *p;
	const char *now;
};

static int run_cached(struct store *s, sqlite3_stmt **st, const char *sql,
		      const struct upsert *u, char **err)
{
	if (*st == NULL && store_prepare(s, sql, st, err) < 0)
		return -1;
	bind_posting(*st, u->source_id, u->id->key, u->id->match, u->p, u->now);
	if (u->page_id > 0)
		sqlite3_bind_int64(*st, 27, u->page_id);
	else
		sqlite3_bind_null(*st, 27);
	return step_cached(s, *st, err);
}

static int run_raw(struct store *s, sqlite3_stmt **st, const char *sql, long long source_id,
		   const char *key, const struct raw_posting *raw, char **err)
{
	if (*st == NULL && store_prepare(s, sql, st, err) < 0)
		return -1;
	bind_raw(*st, source_id, key, raw);
	return step_cached(s, *st, err);
}

/*
 * The raw record: a changed one makes the posting "updated" (the page says
 * something else); a first one for a posting stored before raw records were
 * kept does not.
 */
static int upsert_raw(struct store *s, long long source_id, const char *key,
		      const struct raw_posting *raw, enum upsert_result *result, char **err)
{
	int rc = run_raw(s, &s->raw_update, raw_update_sql, source_id, key, raw, err);

	if (rc > 0 && *result == UPSERT_UNCHANGED)
		*result = UPSERT_UPDATED;
	if (rc >= 0)
		rc = run_raw(s, &s->raw_insert, raw_insert_sql, source_id, key, raw, err);
	return rc;
}

/* A posting just inserted as row: its raw record, and queued for the
 * search index. */
static int stored_new(struct store *s, const struct upsert *u, long long row,
		      const struct raw_posting *raw, char **err)
{
	if (store_fts_queue(s, row, u->p->title, u->p->company, u->p->description, err) < 0)
		return -1;
	if (raw == NULL)
		return 0;
	if (s->raw_insert_new == NULL &&
	    store_prepare(s, raw_insert_new_sql, &s->raw_insert_new, err) < 0)
		return -1;
	bind_raw(s->raw_insert_new, u->source_id, u->id->key, raw);
	sqlite3_bind_int64(s->raw_insert_new, 18, row);
	return step_cached(s, s->raw_insert_new, err);
}

/* A posting stored before: changed, reopened or only seen again. */
static int stored_again(struct store *s, const struct upsert *u, struct posting_identity *id,
			const struct raw_posting *raw, enum upsert_result *result, char **err)
{
	long long row = 0;
	int rc;

	/* Its search index entry must be there before an update's trigger
	 * takes its old words out. */
	rc = store_identity_stored(s, u->source_id, id, &row, err);
	if (rc >= 0)
		rc = store_fts_flush_for(s, row, err);
	if (rc >= 0)
		rc = run_cached(s, &s->update, update_sql, u, err);
	*result = UPSERT_UPDATED;
	if (rc == 0) {
		rc = run_cached(s, &s->touch, touch_sql, u, err);
		*result = UPSERT_UNCHANGED;
	}
	if (rc >= 0 && raw != NULL)
		rc = upsert_raw(s, u->source_id, id->key, raw, result, err);
	return rc;
}

/*
 * One statement per step of a new posting (insert, raw record, duplicate
 * probe) and its search index a batch at a time (store-fts.c); a stored
 * one is looked up first, then updated or touched.
 */
static int upsert_steps(struct store *s, const struct upsert *u, struct posting_identity *id,
			const struct raw_posting *raw, enum upsert_result *result, char **err)
{
	int rc = run_cached(s, &s->insert, insert_sql, u, err);

	*result = UPSERT_NEW;
	if (rc > 0)
		rc = stored_new(s, u, sqlite3_last_insert_rowid(s->db), raw, err);
	else if (rc == 0)
		rc = stored_again(s, u, id, raw, result, err);
	if (rc >= 0 && *result != UPSERT_UNCHANGED)
		rc = store_identity_link(s, u->source_id, id, err);
	return rc < 0 ? -1 : 0;
}

int store_upsert(struct store *s, long long source_id, long long page_id,
		 const struct raw_posting *raw, const struct posting *p, const char *now,
		 enum upsert_result *result, char **err)
{
	struct posting_identity id;
	const struct upsert u = { source_id, page_id, &id, p, now };
	/* Outside a transaction: one of its own, so that a posting, its raw
	 * record and its search index entry are stored together or not. */
	int own = sqlite3_get_autocommit(s->db), rc;

	if (own && store_exec(s, "SAVEPOINT store_upsert", err) < 0)
		return -1;
	store_identity_begin(p, &id);
	rc = upsert_steps(s, &u, &id, raw, result, err);
	posting_identity_release(&id);
	if (own && rc == 0)
		rc = store_fts_flush(s, err) < 0 || store_exec(s, "RELEASE store_upsert", err) < 0
			? -1 : 0;
	if (own && rc < 0) {
		store_fts_discard(s);
		sqlite3_exec(s->db, "ROLLBACK TO store_upsert; RELEASE store_upsert", NULL, NULL,
			     NULL);
	}
	return rc;
}

void store_posting_from_row(sqlite3_stmt *st, int c, struct posting *p)
{
	const char *country = store_column_str(st, c + 6);
	const char *currency = store_column_str(st, c + 12);

	memset(p, 0, sizeof(*p));
	p->external_id = (char *)store_column_str(st, c + 0);
	p->url = (char *)store_column_str(st, c + 1);
	p->title = (char *)store_column_str(st, c + 2);
	p->company = (char *)store_column_str(st, c + 3);
	p->location = (char *)store_column_str(st, c + 4);
	p->remote = store_column_str(st, c + 5);
	snprintf(p->country, sizeof(p->country), "%s", country ? country : "");
	p->level = store_column_str(st, c + 7);
	p->employment_type = store_column_str(st, c + 8);
	p->salary_text = (char *)store_column_str(st, c + 9);
	p->salary.found = sqlite3_column_type(st, c + 10) != SQLITE_NULL;
	p->salary.min = sqlite3_column_double(st, c + 10);
	p->salary.max = sqlite3_column_double(st, c + 11);
	snprintf(p->salary.currency, sizeof(p->salary.currency), "%s", currency ? currency : "");
	p->salary.period = salary_period_from_name(store_column_str(st, c + 13));
	p->salary.annual_min = sqlite3_column_double(st, c + 14);
	p->salary.annual_max = sqlite3_column_double(st, c + 15);
	p->salary.provenance = store_column_str(st, c + 16);
	p->description = (char *)store_column_str(st, c + 17);
	p->posted = (char *)store_column_str(st, c + 18);
	p->salary.rule = store_column_str(st, c + 19);
	p->salary.notes = salary_notes_parse(store_column_str(st, c + 20));
}

/*
 * Stored postings matching the filter; with each, whether the posting it
 * duplicates matches too, and the sources of the matching postings that
 * duplicate it (struct stored_posting).  Its columns are those of
 * STORED_POSTING_SELECT (store-internal.h), which search reads too.
 */
static const char foreach_sql[] =
	"SELECT " POSTING_COLUMNS ", (SELECT name FROM sources WHERE id = p.source_id), "
	"p.first_seen, p.last_seen, p.id, p.duplicate_of, "
	"EXISTS (SELECT 1 FROM postings c WHERE c.id = p.duplicate_of AND " FILTER_MATCHES("c")
	"), (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT s.name AS name "
	"FROM postings d JOIN sources s ON s.id = d.source_id "
	"WHERE d.duplicate_of = p.id AND " FILTER_MATCHES("d") " ORDER BY s.name)), p.closed_at "
	"FROM postings p WHERE " FILTER_MATCHES("p") " ORDER BY p.id";

void store_bind_filter(sqlite3_stmt *st, const struct posting_filter *f)
{
	const struct posting_filter none = { NULL, NULL, NULL, NULL, NULL, NULL, NULL };

	if (f == NULL)
		f = &none;
	store_bind_text(st, 1, f->source);
	store_bind_text(st, 2, f->level);
	store_bind_text(st, 3, f->country);
	store_bind_text(st, 4, f->remote);
	store_bind_text(st, 5, f->since);
	store_bind_text(st, 6, f->until);
	store_bind_text(st, 7, f->company);
}

int store_posting_rows(sqlite3_stmt *st, int (*fn)(const struct stored_posting *sp, void *ctx),
		       void *ctx)
{
	struct posting p;
	struct stored_posting sp;
	int rc;

	memset(&sp, 0, sizeof(sp));
	sp.posting = &p;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_posting_from_row(st, 0, &p);
		sp.source = store_column_str(st, SP_SOURCE);
		sp.first_seen = store_column_str(st, SP_FIRST_SEEN);
		sp.last_seen = store_column_str(st, SP_LAST_SEEN);
		sp.id = sqlite3_column_int64(st, SP_ID);
		sp.duplicate_of = sqlite3_column_int64(st, SP_DUPLICATE_OF);
		sp.duplicate = sqlite3_column_int(st, SP_DUPLICATE);
		sp.also_on = store_column_str(st, SP_ALSO_ON);
		sp.closed_at = store_column_str(st, SP_CLOSED_AT);
		if (fn(&sp, ctx) != 0)
			return SQLITE_DONE;
	}
	return rc;
}

int store_foreach_posting(struct store *s, const struct posting_filter *f,
			  int (*fn)(const struct stored_posting *sp, void *ctx), void *ctx,
			  char **err)
{
	sqlite3_stmt *st;
	int rc;

	if (store_prepare(s, foreach_sql, &st, err) < 0)
		return -1;
	store_bind_filter(st, f);
	rc = store_posting_rows(st, fn, ctx);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_db_error(s, err, "cannot read postings");
	return 0;
}

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
			bind_posting(st, 0, NULL, NULL, &v[i].p, NULL);
			sqlite3_bind_int64(st, 25, v[i].id);
			rc = step_cached(s, st, err);
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
