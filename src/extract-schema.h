/*
 * extract-schema.h - what the two schema.org strategies (JSON-LD in
 * extract-jsonld*.c, microdata in extract-microdata.c) read alike: type
 * names, amounts, salary units, and when two postings are one job.
 */
#ifndef JOBSTATS_EXTRACT_SCHEMA_H
#define JOBSTATS_EXTRACT_SCHEMA_H

#include <stddef.h>

#include "extract.h"
#include "posting.h"
#include "salary.h"

/*
 * Does type name schema.org's type name?  "JobPosting", "schema:JobPosting",
 * "http://schema.org/JobPosting", "https://www.schema.org/JobPosting/" all
 * do (any case); other vocabularies do not.
 */
int schema_type_is(const char *type, const char *name);

/* An amount as sites write it, a number or a string ("120,000",
 * "120000.00"); 0 when it is none or not above 0. */
double schema_amount(const char *text);

/*
 * The period of a unitText in any case ("YEAR", "year", "per year",
 * "annual", "yearly", "per annum", "/hour") or of an ISO 8601 duration
 * ("P1Y", "PT1H"); PERIOD_UNKNOWN when not recognised.
 */
enum salary_period schema_period(const char *unit);

/*
 * Structured salary from its parts: min and max (0 when absent; one alone
 * is the advertised figure), currency and unit (NULL when absent).  Returns
 * 1 when there was an amount (and h was set), else 0 (h untouched).
 */
int schema_salary_hints(struct salary_hints *h, double min, double max,
			const char *currency, const char *unit);

/* s, or NULL (s freed) when it is a template's placeholder for a value a
 * site did not fill in ("N/A", "-", "null", "undefined"). */
char *schema_unless_placeholder(char *s);

/*
 * The salary text of a board's estimate (schema.org estimatedSalary), from
 * what was read of it into est (its hints, else its salary text):
 * "Estimated USD 80000 - 120000 per year", which the salary reader takes
 * as an estimate (provenance "estimate", never employer pay).  NULL when
 * est holds no pay.  Allocated.
 */
char *schema_estimate_text(const struct raw_posting *est);

/*
 * Do a and b describe the same job: same url or external id, or, when
 * neither differs, the same title (case and blanks aside) and no two
 * different companies?
 */
int schema_same_job(const struct raw_posting *a, const struct raw_posting *b);

/* Move from's fields into to wherever it has none (the structured salary
 * too, when to has no amount and from has one). */
void schema_fill_missing(struct raw_posting *to, struct raw_posting *from);

/* The first of r's postings 0 .. ntargets-1 that is the same job as p,
 * or -1. */
long schema_find_job(const struct extract_result *r, size_t ntargets,
		     const struct raw_posting *p);

/*
 * Add p (taken over, left empty) to r: into the first of r's postings
 * 0 .. ntargets-1 that is the same job, filling only the fields it lacks
 * (the structured salary too), else as a new posting.
 */
void schema_add_posting(struct extract_result *r, size_t ntargets, struct raw_posting *p);

#endif
