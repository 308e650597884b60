/* aijobs.c - aijobs.net salary index rows as raw postings (aijobs.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aijobs.h"
#include "xalloc.h"

static const char *const column_names[AIJOBS_NCOLUMNS] = {
	"work_year", "experience_level", "employment_type", "job_title", "salary",
	"salary_currency", "salary_in_usd", "employee_residence", "remote_ratio",
	"company_location", "company_size",
};

int aijobs_header(const struct csv_reader *r, struct aijobs_columns *cols, char **err)
{
	size_t c, i;

	for (c = 0; c < AIJOBS_NCOLUMNS; c++) {
		for (i = 0; i < r->nfields; i++)
			if (strcmp(csv_field_at(r, i), column_names[c]) == 0)
				break;
		if (i == r->nfields)
			return set_error(err, "line %ld: no column '%s' in the header", r->line,
					 column_names[c]);
		cols->at[c] = i;
	}
	cols->nfields = r->nfields;
	return 0;
}

/* The index's code among codes (each two letters) -> its word, else NULL. */
static const char *lookup(const char *code, const char *const (*table)[2], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(code, table[i][0]) == 0)
			return table[i][1];
	return NULL;
}

static const char *const levels[][2] = {
	{ "EN", "EN" }, { "MI", "MI" }, { "SE", "SE" }, { "EX", "EX" },
};
static const char *const employment[][2] = {
	{ "FT", "Full Time" }, { "PT", "Part Time" }, { "CT", "Contract" }, { "FL", "Freelance" },
};
static const char *const remote[][2] = {
	{ "100", "remote" }, { "50", "hybrid" }, { "0", "onsite" },
};

#define LOOKUP(code, table) lookup(code, table, sizeof(table) / sizeof(table[0]))

static int positive_number(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return *s != '\0' && *end == '\0' && errno == 0 && isfinite(*out) && *out > 0;
}

static int country_code(const char *s)
{
	return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

/* FNV-1a (64 bits) over the row's fields, each ended by a NUL. */
static uint64_t row_hash(const struct csv_reader *r)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < r->text.len; i++) {
		h ^= (unsigned char)r->text.data[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int bad(const struct csv_reader *r, char **err, const char *what, const char *v)
{
	return set_error(err, "line %ld: %s '%s' is not one the salary index writes", r->line,
			 what, v);
}

int aijobs_row(const struct csv_reader *r, const struct aijobs_columns *cols,
	       struct raw_posting *out, char **err)
{
	const char *v[AIJOBS_NCOLUMNS], *level, *etype, *arrangement;
	struct salary_hints *h = &out->salary_hints;
	double usd;
	size_t c;

	raw_posting_init(out);
	if (r->nfields != cols->nfields)
		return set_error(err, "line %ld: %zu fields, the header has %zu", r->line,
				 r->nfields, cols->nfields);
	for (c = 0; c < AIJOBS_NCOLUMNS; c++)
		v[c] = csv_field_at(r, cols->at[c]);
	if ((level = LOOKUP(v[AIJOBS_LEVEL], levels)) == NULL)
		return bad(r, err, "experience_level", v[AIJOBS_LEVEL]);
	if ((etype = LOOKUP(v[AIJOBS_EMPLOYMENT], employment)) == NULL)
		return bad(r, err, "employment_type", v[AIJOBS_EMPLOYMENT]);
	if ((arrangement = LOOKUP(v[AIJOBS_REMOTE], remote)) == NULL)
		return bad(r, err, "remote_ratio", v[AIJOBS_REMOTE]);
	if (*v[AIJOBS_TITLE] == '\0')
		return set_error(err, "line %ld: no job_title", r->line);
	if (!positive_number(v[AIJOBS_SALARY_USD], &usd))
		return bad(r, err, "salary_in_usd", v[AIJOBS_SALARY_USD]);
	if (!country_code(v[AIJOBS_LOCATION]))
		return bad(r, err, "company_location", v[AIJOBS_LOCATION]);

	out->title = xstrdup(v[AIJOBS_TITLE]);
	out->level = xstrdup(level);
	out->employment_type = xstrdup(etype);
	out->remote = xstrdup(arrangement);
	out->country = xstrdup(v[AIJOBS_LOCATION]);
	h->min = h->max = usd;
	memcpy(h->currency, "USD", 4);
	h->period = PERIOD_YEAR;
	out->external_id = xasprintf("L%ld-%016llx", r->line, (unsigned long long)row_hash(r));
	out->description = xasprintf("aijobs.net salary index (CC0), work year %s: %s %s a year "
				     "(%s USD); employee residence %s; company size %s",
				     v[AIJOBS_WORK_YEAR], v[AIJOBS_SALARY], v[AIJOBS_CURRENCY],
				     v[AIJOBS_SALARY_USD], v[AIJOBS_RESIDENCE], v[AIJOBS_SIZE]);
	out->strategy = "csv";
	return 0;
}
