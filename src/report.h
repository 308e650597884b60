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
/* Companies listed by name (the most postings first); the rest are counted. */
#define REPORT_TOP_COMPANIES 10
/* A profile's skills and tools listed as most asked for. */
#define REPORT_TOP_KEYWORDS 5
/* Groups with fewer salaries than this are flagged: percentiles say little. */
#define REPORT_SMALL_GROUP 5

/* The postings of the report, or of one group, and what became of their pay. */
struct report_group {
	char *name;		/* the group's value ("SE", "remote", "US", a
				   company, "FT", "unknown"); NULL for the
				   report's overall group */
	size_t postings;	/* postings matching the role */
	size_t with_salary;	/* of postings, with any salary (pay transparency) */
	size_t converted;	/* of salary.n, converted from another currency */
	size_t estimated;	/* of salary.n, boards' estimates (0 unless included) */
	size_t estimates;	/* left out: boards' estimates (0 when included) */
	size_t other_currency;	/* left out: paid in another currency (with convert:
				   one with no stored rate, or none stated) */
	size_t unknown_period;	/* left out: no pay period to annualize */
	/* The typical advertised range: the median of the annualized minimums
	 * and the median of the annualized maximums of the salary.n postings
	 * (a single figure counting as both); NAN when salary.n is 0. */
	double typical_min, typical_max;
	struct stats_summary salary;	/* annualized midpoints */
};

/*
 * The ways a report splits its postings, each a list of groups.  Levels are
 * always the five of REPORT_LEVELS in that order; arrangements (remote,
 * hybrid, onsite) and employment types (FT, PT, CT, FL, IN, TEMP) in that
 * order, then "unknown", each only when some posting has it; countries (ISO
 * 3166 codes) by postings, most first, then code, "unknown" last; companies
 * by postings then name, at most REPORT_TOP_COMPANIES, postings naming no
 * company not among them.
 */
enum report_split {
	REPORT_BY_LEVEL,
	REPORT_BY_ARRANGEMENT,
	REPORT_BY_COUNTRY,
	REPORT_BY_COMPANY,
	REPORT_BY_EMPLOYMENT_TYPE,
	REPORT_SPLITS
};

struct report_groups {
	const char *kind;	/* static: "level", "arrangement", "country",
				   "company", "employment_type" */
	struct report_group *v;
	size_t n;
	size_t distinct;	/* values met (companies: may be more than n) */
};

/* One week (from Monday) or month of the trend, by posting date (else the
 * day jobstats first saw the posting). */
struct report_period {
	char start[11];		/* YYYY-MM-DD, the period's first day */
	size_t postings;
	size_t with_salary;
	struct stats_summary salary;	/* annualized midpoints, as the report's */
};

/* A source the role's postings came from. */
struct report_source {
	char *name;
	size_t postings;
};

/* One bar of the histogram of annualized midpoints: [low, high). */
struct report_bin {
	double low, high;
	size_t n;
};

/* A profile keyword and the postings (of the role's) that ask for it. */
struct report_keyword {
	char *phrase;
	const char *kind;	/* static: "skill" or "tool" */
	int weight;
	size_t postings;
};

/* How the role's postings fit one role profile (profile-fit.h: a posting
 * fits when the weights of the profile's keywords it names reach the
 * profile's threshold). */
struct report_fit {
	int threshold;
	/* The report's postings that fit: name the profile's, postings how
	 * many fit, and their pay. */
	struct report_group group;
	/* The profile's skills and tools most often asked for in the role's
	 * postings, most first (ties: heavier first), none asked for left out. */
	struct report_keyword top[REPORT_TOP_KEYWORDS];
	size_t ntop;
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
	int convert;		/* conversion was asked for */
	int include_estimates;	/* boards' estimates count in the figures */
	struct report_group all;	/* every posting matching the role */
	struct report_groups by[REPORT_SPLITS];
	/* Dates of the postings (as for the trend): first and last, "" when none. */
	char first_date[11], last_date[11];
	struct report_source *sources;	/* by postings, most first, then name */
	size_t nsources;
	/* The role's postings that duplicate another posting of the report, of
	 * another source (the same job: identity.h): left out of every figure
	 * above, each job counted once, unless with_duplicates (then counted
	 * too, and in sources); by source as sources are. */
	int with_duplicates;
	size_t duplicates;
	struct report_source *duplicate_sources;
	size_t nduplicate_sources;
	/* The histogram of all.salary's midpoints: equal bins of a round width
	 * from the lowest to the highest; none when all.salary.n is 0. */
	struct report_bin *histogram;
	size_t nbins;
	/* Postings and pay per period, every period from the first to the last
	 * (--since/--until when given) in order, empty ones included. */
	const char *trend_by;	/* static: "week" or "month" */
	struct report_period *trend;
	size_t ntrend;
	/* One per profile asked about, in the order given; none without. */
	struct report_fit *fits;
	size_t nfits;
	/* The rates used: the report currency's own first (unless it is USD),
	 * then each converted currency's, by code; NULL when none. */
	struct report_rate *rates;
	size_t nrates;
	/* The postings the report was asked for (its strings the report's own). */
	struct posting_filter filter;
};

struct profile_set;

struct report_query {
	const char *role;	/* words the title must contain; NULL: every title */
	char *const *role_titles;	/* NULL-terminated patterns standing for role
					 * (a profile's titles, role.h); NULL: role */
	const char *currency;	/* ISO 4217; NULL: "USD" */
	struct posting_filter filter;	/* which postings (store.h); zero: all */
	int convert;		/* convert other currencies at the stored rates */
	int include_estimates;	/* count boards' estimates in the figures */
	int with_duplicates;	/* count a job on several sources once per source */
	int by_month;		/* the trend per month, not per week */
	const struct profile_set *profiles;	/* the fit to each; NULL: none */
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
