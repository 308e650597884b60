/*
 * report.h - the report stage: salary statistics for a role, as a finished
 * model that the renderers (render.h) only format.
 *
 * Salaries are compared as annualized midpoints: (annual min + annual max)/2,
 * a single advertised value counting as both, in one currency.  Postings paid
 * in another currency, or whose pay period is unknown, are left out of the
 * figures and counted.
 */
#ifndef JOBSTATS_REPORT_H
#define JOBSTATS_REPORT_H

#include <stddef.h>

#include "stats.h"
#include "store.h"

/* EN, MI, SE, EX and postings whose level is unknown. */
#define REPORT_LEVELS 5

struct report_group {
	const char *name;	/* static: "EN", "MI", "SE", "EX", "unknown" */
	size_t postings;
	struct stats_summary salary;
};

struct report {
	char *role;
	char currency[4];
	size_t postings;	/* postings matching the role */
	size_t with_salary;	/* of those, with any salary */
	size_t other_currency;	/* with a salary in another currency */
	size_t unknown_period;	/* in the currency, but no pay period to annualize */
	struct stats_summary salary;
	struct report_group by_level[REPORT_LEVELS];
};

struct report_query {
	const char *role;	/* words the title must contain; NULL: every title */
	const char *currency;	/* ISO 4217; NULL: "USD" */
	const char *source;	/* NULL: all sources */
};

void report_release(struct report *r);

/* One report for q->role (which must not be NULL). */
int report_build(struct store *s, const struct report_query *q, struct report *out, char **err);

/*
 * One report per distinct title (compared ignoring case and spacing), in
 * title order: the rows of "export --what salaries" without --role.
 */
int report_build_by_title(struct store *s, const struct report_query *q,
			  struct report **out, size_t *n, char **err);

#endif
