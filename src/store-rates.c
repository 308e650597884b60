/* store-rates.c - the exchange rates table (units of a currency per USD). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "store-internal.h"
#include "xalloc.h"

int store_rate_set(struct store *s, const struct rate *r, char **err)
{
	sqlite3_stmt *st;

	if (rates_check_base(r, err) < 0)
		return -1;
	if (store_prepare(s, "INSERT INTO rates (currency, per_usd, as_of, source) "
			  "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (currency) DO UPDATE SET "
			  "per_usd = excluded.per_usd, as_of = excluded.as_of, "
			  "source = excluded.source", &st, err) < 0)
		return -1;
	store_bind_text(st, 1, r->currency);
	sqlite3_bind_double(st, 2, r->per_usd);
	store_bind_text(st, 3, r->as_of);
	store_bind_text(st, 4, r->source);
	return store_step_done(s, st, "cannot store rate", err);
}

int store_rates_list(struct store *s, struct rate **out, size_t *n, char **err)
{
	sqlite3_stmt *st;
	struct rate *r;
	int rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(s, "SELECT currency, per_usd, as_of, source FROM rates "
			  "ORDER BY currency", &st, err) < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof(**out));
		r = &(*out)[(*n)++];
		snprintf(r->currency, sizeof(r->currency), "%s", store_column_str(st, 0));
		r->per_usd = sqlite3_column_double(st, 1);
		snprintf(r->as_of, sizeof(r->as_of), "%s", store_column_str(st, 2));
		r->source = xstrdup(store_column_str(st, 3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rates_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_db_error(s, err, "cannot read rates");
	}
	return 0;
}
