/*
 * report.h - the report stage: salary statistics for a role, as a finished
 * model that the renderers (render.h) only format.
 *
 * Salaries are compared as annualized midpoints: (annual min + annual max)/2,
 * a single advertised value counting as both, in one currency.  A board's own
 * estimate (provenance "estimate", "(Glassdoor est.)") is not employer pay:
 * it is left out and counted, whatever its currency, unless the query
 * includes estimates.  Postings paid in another currency, or whose pay
 * period is unknown, are left out of the figures and counted; when
 * conversion is asked for, those paid in a currency with a stored rate
 * (rates.h) are converted into the report's currency instead, counted, and
 * the rates used are listed.  Every posting with a salary is in exactly one
 * of: the figures (salary.n, of which converted and estimated), estimates,
 * other_currency, unknown_period; so is every one of a group.
 */
#ifndef JOBSTATS_REPORT_H
#define JOBSTATS_REPORT_H

#include <stddef.h>

#include "stats.h"
#include "store.h"

/* EN, MI, SE, EX and postings whose level is unknown. */
#define REPORT_LEVELS 5

/* The postings of the report, or of one level, and what became of their pay. */
struct report_group {
	const char *name;	/* static: "EN", "MI", "SE", "EX", "unknown";
				   NULL for the report's overall group */
	size_t postings;	/* postings matching the role */
	size_t converted;	/* of salary.n, converted from another currency */
	size_t estimated;	/* of salary.n, boards' estimates (0 unless included) */
	size_t estimates;	/* left out: boards' estimates (0 when included) */
	size_t other_currency;	/* left out: paid in another currency (with convert:
				   one with no stored rate, or none stated) */
	size_t unknown_period;	/* left out: no pay period to annualize */
	struct stats_summary salary;
};

/* A rate a report converted with. */
struct report_rate {
	char currency[4];
	double per_usd;		/* units per US dollar */
	char as_of[11];		/* YYYY-MM-DD */
	size_t postings;	/* converted from it; 0 for the report currency's own */
};

struct report {
	char *role;
	char currency[4];
	size_t with_salary;	/* of the postings, with any salary */
	int convert;		/* conversion was asked for */
	int include_estimates;	/* boards' estimates count in the figures */
	struct report_group all;	/* every posting matching the role */
	struct report_group by_level[REPORT_LEVELS];
	/* The rates used: the report currency's own first (unless it is USD),
	 * then each converted currency's, by code; NULL when none. */
	struct report_rate *rates;
	size_t nrates;
	/* The postings the report was asked for (its strings the report's own). */
	struct posting_filter filter;
};

struct report_query {
	const char *role;	/* words the title must contain; NULL: every title */
	char *const *role_titles;	/* NULL-terminated patterns standing for role
					 * (a profile's titles, role.h); NULL: role */
	const char *currency;	/* ISO 4217; NULL: "USD" */
	struct posting_filter filter;	/* which postings (store.h); zero: all */
	int convert;		/* convert other currencies at the stored rates */
	int include_estimates;	/* count boards' estimates in the figures */
};

void report_release(struct report *r);

/* The filters a report names, in this order: source, level, country, remote,
 * since, until, company. */
#define REPORT_FILTERS 7
/* Set names[i] to each filter's name and values[i] to its value in r, NULL
 * when it was not applied; returns how many were. */
int report_filters(const struct report *r, const char *names[REPORT_FILTERS],
		   const char *values[REPORT_FILTERS]);

/* The salary provenances (salary.h) whose pay the figures count, in order:
 * "structured", "text", and "estimate" when estimates are included.  Sets
 * *names to them and returns how many. */
size_t report_provenances(const struct report *r, const char *const **names);

/* One report for q->role (which must not be NULL).  Converting into a
 * currency with no stored rate is an error: -1 and *err. */
int report_build(struct store *s, const struct report_query *q, struct report *out, char **err);

/*
 * One report per distinct title (compared ignoring case and spacing), in
 * title order: the rows of "export --what salaries" without --role.
 */
int report_build_by_title(struct store *s, const struct report_query *q,
			  struct report **out, size_t *n, char **err);

#endif
