/* render-csv.c - a report as CSV rows (RFC 4180), one per group. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "csv.h"
#include "render.h"
#include "salary.h"

#define NFIELDS (23 + REPORT_FILTERS)

/* converted: of n, converted from another currency; rates: the rates used,
 * "CODE PER_USD AS_OF" joined by "; "; annualization: what each period was
 * multiplied by, "hour 2080; day 260; ..." (both the same on every row);
 * other_currency, unknown_period, estimates: the group's postings left out;
 * estimated: of n, boards' estimates; provenance: the provenances counted,
 * space-separated ("structured text", "structured text estimate");
 * filter_*: the filters applied (report_filters), empty when not. */
static const char *const header[NFIELDS] = {
	"role", "group", "value", "postings", "n", "min", "p10", "p25", "median",
	"p75", "p90", "max", "mean", "currency", "period", "converted", "rates",
	"annualization", "other_currency", "unknown_period", "estimates", "estimated",
	"provenance", "filter_source", "filter_level", "filter_country", "filter_remote",
	"filter_since", "filter_until", "filter_company"
};

void render_report_csv_header(struct buf *out)
{
	csv_row(out, header, NFIELDS, 0, 0);
}

struct report_notes {
	const char *rates, *annualization, *provenance;
	int csv_flags;
};

/* The fields jobstats writes as numbers: counts and figures. */
#define NUMBER_FIELDS (CSV_COLUMN(3) | CSV_COLUMN(4) | (CSV_COLUMN(13) - CSV_COLUMN(5)) | \
		       CSV_COLUMN(15) | (CSV_COLUMN(22) - CSV_COLUMN(18)))

static void group_row(struct buf *out, const struct report *r, const char *group,
		      const struct report_group *g, const struct report_notes *notes)
{
	const struct stats_summary *s = &g->salary;
	const double figures[8] = { s->min, s->p10, s->p25, s->median, s->p75, s->p90,
				    s->max, s->mean };
	const size_t counts[4] = { g->other_currency, g->unknown_period, g->estimates,
				   g->estimated };
	char text[15][32];
	const char *fields[NFIELDS] = { r->role, group, g->name, text[0], text[1] };
	const char *filter_names[REPORT_FILTERS];
	int i;

	snprintf(text[0], sizeof(text[0]), "%zu", g->postings);
	snprintf(text[1], sizeof(text[1]), "%zu", s->n);
	for (i = 0; i < 8; i++) {
		snprintf(text[2 + i], sizeof(text[2 + i]), "%.15g", figures[i]);
		fields[5 + i] = isnan(figures[i]) ? NULL : text[2 + i];
	}
	fields[13] = r->currency;
	fields[14] = "year";
	snprintf(text[10], sizeof(text[10]), "%zu", g->converted);
	fields[15] = text[10];
	fields[16] = notes->rates;
	fields[17] = notes->annualization;
	for (i = 0; i < 4; i++) {
		snprintf(text[11 + i], sizeof(text[11 + i]), "%zu", counts[i]);
		fields[18 + i] = text[11 + i];
	}
	fields[22] = notes->provenance;
	report_filters(r, filter_names, fields + 23);
	csv_row(out, fields, NFIELDS, NUMBER_FIELDS, notes->csv_flags);
}

void render_report_csv(struct buf *out, const struct report *r, int csv_flags)
{
	struct buf rates = BUF_INIT, annualization = BUF_INIT, provenance = BUF_INIT;
	const char *const *names;
	struct report_notes notes;
	enum salary_period p;
	size_t i, n = report_provenances(r, &names);
	int l;

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
	group_row(out, r, "all", &r->all, &notes);
	for (l = 0; l < (int)r->by[REPORT_BY_LEVEL].n; l++)
		group_row(out, r, "level", &r->by[REPORT_BY_LEVEL].v[l], &notes);
	buf_release(&rates);
	buf_release(&annualization);
	buf_release(&provenance);
}
