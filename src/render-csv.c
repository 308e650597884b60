/* render-csv.c - a report as CSV rows (RFC 4180), one per group. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "csv.h"
#include "render.h"
#include "salary.h"

/* The columns, by name where the code fills them one by one. */
enum column {
	COL_POSTINGS = 3, COL_N = 4, COL_FIGURES = 5, COL_CURRENCY = 13, COL_PERIOD = 14,
	COL_CONVERTED = 15, COL_RATES = 16, COL_ANNUALIZATION = 17, COL_LEFT_OUT = 18,
	COL_PROVENANCE = 22, COL_FILTERS = 23, COL_WITH_SALARY = 23 + REPORT_FILTERS,
	COL_TYPICAL_MIN, COL_TYPICAL_MAX, COL_SMALL_GROUP, COL_THRESHOLD,
	COL_PERCENTILE_METHOD, NFIELDS
};

/*
 * One row per group: group names its kind ("all", "level", "arrangement",
 * "country", "company", "employment_type", "profile", "week" or "month")
 * and value the group's own value (empty for "all"; a profile's name; a
 * period's first day, YYYY-MM-DD).  postings: the group's postings (a
 * profile's: those that fit it); n and min .. mean: the annualized
 * midpoints in the figures, empty when n is 0.
 *
 * converted: of n, converted from another currency; rates: the rates used,
 * "CODE PER_USD AS_OF" joined by "; "; annualization: what each period was
 * multiplied by, "hour 2080; day 260; ..." (both the same on every row);
 * other_currency, unknown_period, estimates: the group's postings left out;
 * estimated: of n, boards' estimates; provenance: the provenances counted,
 * space-separated ("structured text", "structured text estimate");
 * filter_*: the filters applied (report_filters), empty when not.
 *
 * Appended later, so readers of the first columns by position keep
 * working: with_salary: of postings, those with any salary; typical_min,
 * typical_max: the typical advertised range (report.h); small_group: 1
 * when 0 < n < REPORT_SMALL_GROUP (the percentiles say little), else 0;
 * threshold: a profile row's fit threshold; percentile_method: how the
 * percentiles were computed (STATS_PERCENTILE_METHOD, on every row).
 * A period keeps no left-out counts nor typical range: on week and month
 * rows converted, other_currency, unknown_period, estimates, estimated,
 * typical_min and typical_max are empty; threshold is empty but on
 * profile rows.
 */
static const char *const header[NFIELDS] = {
	"role", "group", "value", "postings", "n", "min", "p10", "p25", "median",
	"p75", "p90", "max", "mean", "currency", "period", "converted", "rates",
	"annualization", "other_currency", "unknown_period", "estimates", "estimated",
	"provenance", "filter_source", "filter_level", "filter_country", "filter_remote",
	"filter_since", "filter_until", "filter_company", "with_salary", "typical_min",
	"typical_max", "small_group", "threshold", "percentile_method"
};

/* The fields jobstats writes as numbers: counts and figures. */
#define NUMBER_FIELDS (CSV_COLUMN(COL_POSTINGS) | CSV_COLUMN(COL_N) | \
		       (CSV_COLUMN(COL_CURRENCY) - CSV_COLUMN(COL_FIGURES)) | \
		       CSV_COLUMN(COL_CONVERTED) | \
		       (CSV_COLUMN(COL_PROVENANCE) - CSV_COLUMN(COL_LEFT_OUT)) | \
		       (CSV_COLUMN(COL_PERCENTILE_METHOD) - CSV_COLUMN(COL_WITH_SALARY)))

void render_report_csv_header(struct buf *out)
{
	csv_row(out, header, NFIELDS, 0, 0);
}

/* What every row of one report repeats. */
struct report_notes {
	const char *rates, *annualization, *provenance;
	int csv_flags;
};

/* One row, whatever its kind.  g is NULL for a period, which keeps no
 * left-out counts nor typical range; threshold < 0 for all but profiles. */
struct row {
	const char *group, *value;
	size_t postings, with_salary;
	const struct stats_summary *salary;
	const struct report_group *g;
	int threshold;
};

/* Room for the text of every number of a row. */
struct row_text {
	char cell[NFIELDS][32];
};

static const char *count_cell(struct row_text *t, int col, size_t n)
{
	snprintf(t->cell[col], sizeof(t->cell[col]), "%zu", n);
	return t->cell[col];
}

/* A figure, or NULL (an empty cell) when it is NaN: no salary to say it. */
static const char *figure_cell(struct row_text *t, int col, double v)
{
	if (isnan(v))
		return NULL;
	snprintf(t->cell[col], sizeof(t->cell[col]), "%.15g", v);
	return t->cell[col];
}

/* The cells only a group has: converted, the left-out counts, the typical range. */
static void group_cells(const char **fields, struct row_text *t, const struct report_group *g)
{
	const size_t left_out[4] = { g->other_currency, g->unknown_period, g->estimates,
				     g->estimated };
	int i;

	fields[COL_CONVERTED] = count_cell(t, COL_CONVERTED, g->converted);
	for (i = 0; i < 4; i++)
		fields[COL_LEFT_OUT + i] = count_cell(t, COL_LEFT_OUT + i, left_out[i]);
	fields[COL_TYPICAL_MIN] = figure_cell(t, COL_TYPICAL_MIN, g->typical_min);
	fields[COL_TYPICAL_MAX] = figure_cell(t, COL_TYPICAL_MAX, g->typical_max);
}

static void write_row(struct buf *out, const struct report *r, const struct row *row,
		      const struct report_notes *notes)
{
	const struct stats_summary *s = row->salary;
	const double figures[8] = { s->min, s->p10, s->p25, s->median, s->p75, s->p90,
				    s->max, s->mean };
	const char *fields[NFIELDS] = { r->role, row->group, row->value };
	const char *filter_names[REPORT_FILTERS];
	struct row_text t;
	int i;

	fields[COL_POSTINGS] = count_cell(&t, COL_POSTINGS, row->postings);
	fields[COL_N] = count_cell(&t, COL_N, s->n);
	for (i = 0; i < 8; i++)
		fields[COL_FIGURES + i] = figure_cell(&t, COL_FIGURES + i, figures[i]);
	fields[COL_CURRENCY] = r->currency;
	fields[COL_PERIOD] = "year";
	fields[COL_RATES] = notes->rates;
	fields[COL_ANNUALIZATION] = notes->annualization;
	fields[COL_PROVENANCE] = notes->provenance;
	report_filters(r, filter_names, fields + COL_FILTERS);
	if (row->g != NULL)
		group_cells(fields, &t, row->g);
	fields[COL_WITH_SALARY] = count_cell(&t, COL_WITH_SALARY, row->with_salary);
	fields[COL_SMALL_GROUP] = s->n > 0 && s->n < REPORT_SMALL_GROUP ? "1" : "0";
	if (row->threshold >= 0)
		fields[COL_THRESHOLD] = count_cell(&t, COL_THRESHOLD, (size_t)row->threshold);
	fields[COL_PERCENTILE_METHOD] = STATS_PERCENTILE_METHOD;
	csv_row(out, fields, NFIELDS, NUMBER_FIELDS, notes->csv_flags);
}

static void group_row(struct buf *out, const struct report *r, const char *kind,
		      const struct report_group *g, const struct report_notes *notes)
{
	const struct row row = { kind, g->name, g->postings, g->with_salary, &g->salary, g, -1 };

	write_row(out, r, &row, notes);
}

/* A profile's row: the postings that fit it, and their pay. */
static void fit_row(struct buf *out, const struct report *r, const struct report_fit *f,
		    const struct report_notes *notes)
{
	const struct row row = { "profile", f->group.name, f->group.postings, f->group.with_salary,
				 &f->group.salary, &f->group, f->threshold };

	write_row(out, r, &row, notes);
}

static void period_row(struct buf *out, const struct report *r, const struct report_period *p,
		       const struct report_notes *notes)
{
	const struct row row = { r->trend_by, p->start, p->postings, p->with_salary,
				 &p->salary, NULL, -1 };

	write_row(out, r, &row, notes);
}

/* The rows of r in order: all, each split's groups (report.h's order), each
 * profile fit, each trend period. */
static void report_rows(struct buf *out, const struct report *r,
			const struct report_notes *notes)
{
	size_t i, k;

	group_row(out, r, "all", &r->all, notes);
	for (k = 0; k < REPORT_SPLITS; k++)
		for (i = 0; i < r->by[k].n; i++)
			group_row(out, r, r->by[k].kind, &r->by[k].v[i], notes);
	for (i = 0; i < r->nfits; i++)
		fit_row(out, r, &r->fits[i], notes);
	for (i = 0; i < r->ntrend; i++)
		period_row(out, r, &r->trend[i], notes);
}

void render_report_csv(struct buf *out, const struct report *r, int csv_flags)
{
	struct buf rates = BUF_INIT, annualization = BUF_INIT, provenance = BUF_INIT;
	const char *const *names;
	struct report_notes notes;
	enum salary_period p;
	size_t i, n = report_provenances(r, &names);

	for (i = 0; i < r->nrates; i++)
		buf_printf(&rates, "%s%s %.15g %s", i ? "; " : "", r->rates[i].currency,
			   r->rates[i].per_usd, r->rates[i].as_of);
	for (p = PERIOD_HOUR; p <= PERIOD_YEAR; p++)
		buf_printf(&annualization, "%s%s %g", p != PERIOD_HOUR ? "; " : "",
			   salary_period_name(p), salary_annual_factor(p));
	for (i = 0; i < n; i++)
		buf_printf(&provenance, "%s%s", i ? " " : "", names[i]);
	notes.rates = rates.data;
	notes.annualization = annualization.data;
	notes.provenance = provenance.data;
	notes.csv_flags = csv_flags;
	report_rows(out, r, &notes);
	buf_release(&rates);
	buf_release(&annualization);
	buf_release(&provenance);
}
