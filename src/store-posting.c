/*
 * store-posting.c - postings into the store: idempotent upserts with their
 * raw records.  Reading them back is in store-posting-read.c, renormalizing
 * them in place in store-renormalize.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "identity.h"
#include "store-internal.h"


static const char insert_sql[] =
	"INSERT INTO postings (source_id, posting_key, " POSTING_COLUMNS ", first_seen, last_seen, "
	"match_key, page_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
	"?15, ?16, ?17, ?18, ?19, ?20, ?21, ?23, ?24, ?22, ?22, ?26, ?27) "
	"ON CONFLICT (source_id, posting_key) DO NOTHING";

/* Changes the row only when some field differs or the posting was closed
 * (seen again, it reopens), so changes() tells "updated".  last_seen never
 * goes back: reextract stores postings as of their page's fetch time.  A
 * stored posting's statements find it by its id, ?28 (its raw record's:
 * ?18), looked up once (store_identity_stored), not by its key each time. */
static const char update_sql[] =
	"UPDATE postings SET (" POSTING_COLUMNS ", last_seen, match_key, page_id, closed_at) = "
	"(?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?23, "
	"?24, max(last_seen, ?22), ?26, coalesce(?27, page_id), NULL) "
	"WHERE id = ?28 AND NOT ("
	"external_id IS ?3 AND url IS ?4 AND description IS ?20 AND match_key IS ?26 AND "
	"closed_at IS NULL AND " NORMALIZED_SAME ")";

static const char touch_sql[] =
	"UPDATE postings SET last_seen = max(last_seen, ?22), page_id = coalesce(?27, page_id) "
	"WHERE id = ?28";

#define RAW_VALUES "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17"

static const char raw_update_sql[] =
	"UPDATE posting_raw SET (" RAW_COLUMNS ") = (" RAW_VALUES ") WHERE posting_id = ?18 "
	"AND NOT (title IS ?3 AND company IS ?4 "
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
	"INSERT INTO posting_raw (posting_id, " RAW_COLUMNS ") VALUES (?18, " RAW_VALUES ") "
	"ON CONFLICT (posting_id) DO NOTHING";

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

void store_bind_posting(sqlite3_stmt *st, long long source_id, const char *key,
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

/* Reset st and bind a raw record as ?3 .. ?17 (?1 and ?2 are unused). */
static void bind_raw(sqlite3_stmt *st, const struct raw_posting *raw)
{
	const struct salary_hints *h = &raw->salary_hints;

	sqlite3_reset(st);
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

int store_step_changes(struct store *s, sqlite3_stmt *st, char **err)
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
	long long row;		/* the posting's id once known, else 0 */
	const struct posting_identity *id;
	const struct posting *p;
	const char *now;
};

static int run_cached(struct store *s, sqlite3_stmt **st, const char *sql,
		      const struct upsert *u, char **err)
{
	if (store_cached(s, st, sql, err) < 0)
		return -1;
	store_bind_posting(*st, u->source_id, u->id->key, u->id->match, u->p, u->now);
	if (u->page_id > 0)
		sqlite3_bind_int64(*st, 27, u->page_id);
	else
		sqlite3_bind_null(*st, 27);
	if (u->row > 0)
		sqlite3_bind_int64(*st, 28, u->row);
	return store_step_changes(s, *st, err);
}

/* Run a raw record's statement for posting row. */
static int run_raw(struct store *s, sqlite3_stmt **st, const char *sql, const struct upsert *u,
		   long long row, const struct raw_posting *raw, char **err)
{
	if (store_cached(s, st, sql, err) < 0)
		return -1;
	bind_raw(*st, raw);
	sqlite3_bind_int64(*st, 18, row);
	return store_step_changes(s, *st, err);
}

/*
 * The raw record: a changed one makes the posting "updated" (the page says
 * something else); a first one for a posting stored before raw records were
 * kept does not.
 */
static int upsert_raw(struct store *s, const struct upsert *u, const struct raw_posting *raw,
		      enum upsert_result *result, char **err)
{
	int rc = run_raw(s, &s->raw_update, raw_update_sql, u, u->row, raw, err);

	if (rc > 0 && *result == UPSERT_UNCHANGED)
		*result = UPSERT_UPDATED;
	if (rc >= 0)
		rc = run_raw(s, &s->raw_insert, raw_insert_sql, u, u->row, raw, err);
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
	return run_raw(s, &s->raw_insert_new, raw_insert_new_sql, u, row, raw, err);
}

/* A posting stored before: changed, reopened or only seen again. */
static int stored_again(struct store *s, const struct upsert *u, struct posting_identity *id,
			const struct raw_posting *raw, enum upsert_result *result, char **err)
{
	struct upsert again = *u;
	int rc;

	/* Its search index entry must be there before an update's trigger
	 * takes its old words out. */
	rc = store_identity_stored(s, u->source_id, id, &again.row, err);
	if (rc >= 0)
		rc = store_fts_flush_for(s, again.row, err);
	if (rc >= 0)
		rc = run_cached(s, &s->update, update_sql, &again, err);
	*result = UPSERT_UPDATED;
	if (rc == 0) {
		rc = run_cached(s, &s->touch, touch_sql, &again, err);
		*result = UPSERT_UNCHANGED;
	}
	if (rc >= 0 && raw != NULL)
		rc = upsert_raw(s, &again, raw, result, err);
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
	const struct upsert u = { source_id, page_id, 0, &id, p, now };
	/* Outside a transaction: one of its own, so that a posting, its raw
	 * record and its search index entry are stored together or not. */
	int own = sqlite3_get_autocommit(s->db), rc;

	if (own && store_exec_cached(s, &s->savepoint, "SAVEPOINT store_upsert", err) < 0)
		return -1;
	store_identity_begin(p, &id);
	rc = upsert_steps(s, &u, &id, raw, result, err);
	posting_identity_release(&id);
	if (own && rc == 0)
		rc = store_fts_flush(s, err) < 0 ||
			store_exec_cached(s, &s->release, "RELEASE store_upsert", err) < 0 ? -1 : 0;
	if (own && rc < 0) {
		store_fts_discard(s);
		sqlite3_exec(s->db, "ROLLBACK TO store_upsert; RELEASE store_upsert", NULL, NULL,
			     NULL);
	}
	return rc;
}
