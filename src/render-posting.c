/* render-posting.c - postings as CSV rows, JSON Lines and readable lines. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "jsonw.h"
#include "render.h"
#include "salary.h"

enum column {
	COL_SOURCE, COL_EXTERNAL_ID, COL_URL, COL_TITLE, COL_COMPANY, COL_LOCATION,
	COL_COUNTRY, COL_REMOTE, COL_LEVEL, COL_EMPLOYMENT_TYPE, COL_SALARY_TEXT,
	COL_SALARY_MIN, COL_SALARY_MAX, COL_SALARY_CURRENCY, COL_SALARY_PERIOD,
	COL_ANNUAL_MIN, COL_ANNUAL_MAX, COL_SALARY_PROVENANCE, COL_POSTED,
	COL_FIRST_SEEN, COL_LAST_SEEN, COL_ANNUAL_FACTOR, COL_SALARY_RULE,
	COL_SALARY_NOTES, COL_ID, COL_DUPLICATE_OF, COL_ALSO_ON, COL_CLOSED_AT, NCOLUMNS
};

/* Column names: the CSV header and the JSON keys (documented in jobstats(1)). */
static const char *const column_names[NCOLUMNS] = {
	"source", "external_id", "url", "title", "company", "location",
	"country", "remote", "level", "employment_type", "salary_text",
	"salary_min", "salary_max", "salary_currency", "salary_period",
	"annual_min", "annual_max", "salary_provenance", "posted",
	"first_seen", "last_seen", "annual_factor", "salary_rule", "salary_notes",
	"id", "duplicate_of", "also_on", "closed_at"
};

static int stored_only(int col)
{
	return col == COL_SOURCE || col == COL_FIRST_SEEN || col == COL_LAST_SEEN ||
	       col == COL_ID || col == COL_DUPLICATE_OF || col == COL_ALSO_ON ||
	       col == COL_CLOSED_AT;
}

static const char *nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* A text column's value; notes (the caller's buffer) holds salary_notes. */
static const char *text_value(const struct posting *p, const struct stored_posting *sp, int col,
			      char notes[SALARY_NOTES_TEXT_MAX])
{
	const struct salary *s = &p->salary;

	switch (col) {
	case COL_SOURCE: return sp->source;
	case COL_EXTERNAL_ID: return p->external_id;
	case COL_URL: return p->url;
	case COL_TITLE: return p->title;
	case COL_COMPANY: return p->company;
	case COL_LOCATION: return p->location;
	case COL_COUNTRY: return nonempty(p->country);
	case COL_REMOTE: return p->remote;
	case COL_LEVEL: return p->level;
	case COL_EMPLOYMENT_TYPE: return p->employment_type;
	case COL_SALARY_TEXT: return p->salary_text;
	case COL_SALARY_CURRENCY: return s->found ? nonempty(s->currency) : NULL;
	case COL_SALARY_PERIOD: return s->found ? salary_period_name(s->period) : NULL;
	case COL_SALARY_PROVENANCE: return s->found ? s->provenance : NULL;
	case COL_SALARY_RULE: return s->found ? s->rule : NULL;
	case COL_SALARY_NOTES:
		salary_notes_text(s->found ? s->notes : 0, notes);
		return nonempty(notes);
	case COL_POSTED: return p->posted;
	case COL_FIRST_SEEN: return sp->first_seen;
	case COL_LAST_SEEN: return sp->last_seen;
	case COL_ALSO_ON: return sp->also_on;
	case COL_CLOSED_AT: return sp->closed_at;
	default: return NULL;
	}
}

/* Numeric columns: 1 and *v when present, 0 when null, -1 for a text column. */
static int number_value(const struct posting *p, const struct stored_posting *sp, int col,
			double *v)
{
	const struct salary *s = &p->salary;
	int annual = s->found && s->period != PERIOD_UNKNOWN;

	switch (col) {
	case COL_ID: *v = (double)sp->id; return sp->id != 0;
	case COL_DUPLICATE_OF: *v = (double)sp->duplicate_of; return sp->duplicate_of != 0;
	case COL_SALARY_MIN: *v = s->min; return s->found;
	case COL_SALARY_MAX: *v = s->max; return s->found;
	case COL_ANNUAL_MIN: *v = s->annual_min; return annual;
	case COL_ANNUAL_MAX: *v = s->annual_max; return annual;
	/* what salary_min and salary_max were multiplied by (2080 for hourly) */
	case COL_ANNUAL_FACTOR: *v = salary_annual_factor(s->period); return annual;
	default: return -1;
	}
}

void render_posting_csv_header(struct buf *out)
{
	csv_row(out, column_names, NCOLUMNS, 0, 0);
}

void render_posting_csv(struct buf *out, const struct posting *p,
			const struct stored_posting *stored, int csv_flags)
{
	uint64_t numbers = 0;
	const struct stored_posting none = { .posting = p };
	char figures[NCOLUMNS][32], notes[SALARY_NOTES_TEXT_MAX];
	const char *fields[NCOLUMNS];
	double v;
	int col, kind;

	if (stored == NULL)
		stored = &none;
	for (col = 0; col < NCOLUMNS; col++) {
		kind = number_value(p, stored, col, &v);
		if (kind < 0) {
			fields[col] = text_value(p, stored, col, notes);
		} else {
			snprintf(figures[col], sizeof(figures[col]), "%.15g", v);
			fields[col] = kind ? figures[col] : NULL;
			numbers |= CSV_COLUMN(col);
		}
	}
	csv_row(out, fields, NCOLUMNS, numbers, csv_flags);
}

void render_posting_json(struct buf *out, const struct posting *p,
			 const struct stored_posting *stored)
{
	char notes[SALARY_NOTES_TEXT_MAX];
	double v;
	int col, kind, first = 1;

	buf_appends(out, "{");
	for (col = 0; col < NCOLUMNS; col++) {
		if (stored == NULL && stored_only(col))
			continue;
		if (!first)
			buf_appends(out, ",");
		first = 0;
		jsonw_key(out, column_names[col]);
		kind = number_value(p, stored, col, &v);
		if (kind < 0)
			jsonw_string(out, text_value(p, stored, col, notes));
		else if (kind)
			jsonw_number(out, v);
		else
			buf_appends(out, "null");
	}
	buf_appends(out, "}\n");
}

void render_posting_line(struct buf *out, const struct posting *p)
{
	buf_printf(out, "%s | %s | %s | %s | %s | ", p->title ? p->title : "-",
		   p->company ? p->company : "-", p->location ? p->location : "-",
		   p->level ? p->level : "-", p->employment_type ? p->employment_type : "-");
	render_salary_words(out, &p->salary);
	if (p->salary.found && (p->salary.notes & SALARY_FROM_DESCRIPTION))
		buf_appends(out, " (from the description)");
	buf_appends(out, "\n");
}

void render_stored_posting_line(struct buf *out, const struct stored_posting *sp)
{
	const char *day = sp->posting->posted ? sp->posting->posted : sp->first_seen;

	buf_printf(out, "%.10s | ", day ? day : "-");
	render_posting_line(out, sp->posting);
}
