/*
 * aijobs.h - the aijobs.net salary index (salaries.csv) as raw postings, for
 * "jobstats import --aijobs-salaries".  One row is one posting:
 *
 *   job_title          title
 *   experience_level   level: EN, MI, SE, EX as they are
 *   employment_type    FT, PT, CT, FL as "Full Time", "Part Time",
 *                      "Contract", "Freelance" (what the normalizer reads)
 *   salary_in_usd      structured pay: that figure as min and max, USD, a
 *                      year (provenance "structured"); the index's own
 *                      conversion, so every row compares in one currency
 *   salary, salary_currency, work_year, employee_residence, company_size
 *                      kept in the description, as the index states them
 *   remote_ratio       100 remote, 50 hybrid, 0 onsite
 *   company_location   country (ISO 3166-1 alpha-2)
 *
 * The external id is "L<line>-<hash>": the row's line in the file and an
 * FNV-1a hash of its fields, so importing the same file again changes
 * nothing, and two identical rows (the index has many) stay two postings.
 * Nothing here prints or touches the store.
 */
#ifndef JOBSTATS_AIJOBS_H
#define JOBSTATS_AIJOBS_H

#include "csv-read.h"
#include "posting.h"

enum aijobs_column {
	AIJOBS_WORK_YEAR, AIJOBS_LEVEL, AIJOBS_EMPLOYMENT, AIJOBS_TITLE, AIJOBS_SALARY,
	AIJOBS_CURRENCY, AIJOBS_SALARY_USD, AIJOBS_RESIDENCE, AIJOBS_REMOTE,
	AIJOBS_LOCATION, AIJOBS_SIZE, AIJOBS_NCOLUMNS
};

/* Where each column stands in the file, read from its header. */
struct aijobs_columns {
	size_t at[AIJOBS_NCOLUMNS];
	size_t nfields;		/* the header's field count, which every row has */
};

/* Read the header record r holds; -1 and *err when a column is missing. */
int aijobs_header(const struct csv_reader *r, struct aijobs_columns *cols, char **err);

/*
 * The raw posting of the data row r holds (out initialized here; release it
 * with raw_posting_release).  -1 and *err ("line N: ...") when the row is
 * not one the index writes: a wrong field count, an unknown level,
 * employment type or remote ratio, no title, a salary_in_usd that is not a
 * positive number, a company_location that is not two capital letters.
 */
int aijobs_row(const struct csv_reader *r, const struct aijobs_columns *cols,
	       struct raw_posting *out, char **err);

#endif
