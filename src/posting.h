/*
 * posting.h - the two shapes a posting takes on its way through the pipeline.
 *
 *   extract  ──▶ struct raw_posting  (strings exactly as the page says them)
 *   normalize ──▶ struct posting     (typed: codes, numbers, annualized pay)
 *
 * Every string member is owned by the struct and freed by *_release();
 * NULL means "the page does not say".
 */
#ifndef JOBSTATS_POSTING_H
#define JOBSTATS_POSTING_H

#include <stddef.h>

#include "salary.h"

/* The longest a string from a page is stored (bytes; titles, companies, ...). */
#define POSTING_MAX_FIELD 1024

struct raw_posting {
	char *title;
	char *company;
	char *location;
	char *remote;		/* e.g. JSON-LD jobLocationType "TELECOMMUTE" */
	char *country;		/* e.g. JSON-LD addressCountry */
	char *applicant_country;	/* JSON-LD applicantLocationRequirements, when it
					   names one country */
	char *level;		/* e.g. "Mid-level / Intermediate" */
	char *employment_type;	/* e.g. "Full Time", "FULL_TIME" */
	char *salary_text;	/* as shown, or rebuilt from structured data */
	struct salary_hints salary_hints;	/* structured salary, when given */
	char *url;
	char *external_id;
	char *description;
	char *posted;		/* date as given */
	const char *strategy;	/* static: "jsonld", "microdata", "hn", "rules" or "csv" */
};

struct posting {
	char *title;
	char *company;
	char *location;
	const char *remote;		/* static: "remote", "hybrid", "onsite" or NULL */
	char country[3];		/* ISO 3166-1 alpha-2, "" when unknown */
	const char *level;		/* static: "EN", "MI", "SE", "EX" or NULL */
	const char *employment_type;	/* static: "FT", "PT", "CT", "FL", "IN", "TEMP" or NULL */
	char *salary_text;
	struct salary salary;		/* salary.found == 0 when none */
	char *url;
	char *external_id;
	char *description;
	char *posted;			/* YYYY-MM-DD when it could be read, else NULL */
};

void raw_posting_init(struct raw_posting *raw);
void raw_posting_release(struct raw_posting *raw);
void posting_init(struct posting *p);
void posting_release(struct posting *p);

/* A copy of s cut to at most max bytes at a UTF-8 character boundary
 * (NULL for NULL): how strings from the web are bounded before storing. */
char *posting_bounded(const char *s, size_t max);

/* The pure normalize stage: typed posting from raw strings (no I/O). */
void posting_normalize(const struct raw_posting *raw, struct posting *out);

#endif
