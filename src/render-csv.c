/* render-csv.c - a report as CSV rows (RFC 4180), one per group. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "csv.h"
#include "render.h"

#define NFIELDS 15

static const char *const header[NFIELDS] = {
	"role", "group", "value", "postings", "n", "min", "p10", "p25", "median",
	"p75", "p90", "max", "mean", "currency", "period"
};

void render_report_csv_header(struct buf *out)
{
	csv_row(out, header, NFIELDS);
}

static void group_row(struct buf *out, const struct report *r, const char *group,
		      const char *value, size_t postings, const struct stats_summary *s)
{
	const double figures[8] = { s->min, s->p10, s->p25, s->median, s->p75, s->p90,
				    s->max, s->mean };
	char text[10][32];
	const char *fields[NFIELDS] = { r->role, group, value, text[0], text[1] };
	int i;

	snprintf(text[0], sizeof(text[0]), "%zu", postings);
	snprintf(text[1], sizeof(text[1]), "%zu", s->n);
	for (i = 0; i < 8; i++) {
		snprintf(text[2 + i], sizeof(text[2 + i]), "%.15g", figures[i]);
		fields[5 + i] = isnan(figures[i]) ? NULL : text[2 + i];
	}
	fields[13] = r->currency;
	fields[14] = "year";
	csv_row(out, fields, NFIELDS);
}

void render_report_csv(struct buf *out, const struct report *r)
{
	int l;

	group_row(out, r, "all", NULL, r->postings, &r->salary);
	for (l = 0; l < REPORT_LEVELS; l++)
		group_row(out, r, "level", r->by_level[l].name, r->by_level[l].postings,
			  &r->by_level[l].salary);
}
