/*
 * store-posting-read.c - postings out of the store: the rows of stored
 * postings (a filter's, with their duplicates' sources).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store-internal.h"

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
