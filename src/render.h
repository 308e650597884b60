/*
 * render.h - renderers: a finished model (report, posting) to text in a
 * buffer.  They compute nothing; the caller writes the buffer out.
 */
#ifndef JOBSTATS_RENDER_H
#define JOBSTATS_RENDER_H

#include <stddef.h>

#include "buf.h"
#include "posting.h"
#include "report.h"
#include "store.h"

/* Report as an aligned table for an 80-column terminal. */
void render_report_table(struct buf *out, const struct report *r);
/* Report as one JSON object (keys documented in jobstats(1)). */
void render_report_json(struct buf *out, const struct report *r);
/* Report as one self-contained HTML page (inline style and SVG charts, no
 * script, nothing fetched), well-formed XML too; described in jobstats(1). */
void render_report_html(struct buf *out, const struct report *r);
/* Report as CSV rows, one per group: overall, each group of each split
 * (level, arrangement, country, company, employment type), each profile
 * fit, each trend period; every row as wide as the header (columns in
 * render-csv.c and jobstats(1)).  csv_flags as for csv_row (csv.h): 0
 * neutralizes formula-like text, CSV_RAW not. */
void render_report_csv_header(struct buf *out);
void render_report_csv(struct buf *out, const struct report *r, int csv_flags);

/*
 * Postings: the columns of "export --what postings", which are also the keys
 * of "parse --json".  stored may be NULL (parse: nothing stored yet), then
 * the source, first_seen and last_seen columns are left out.
 */
void render_posting_csv_header(struct buf *out);
void render_posting_csv(struct buf *out, const struct posting *p,
			const struct stored_posting *stored, int csv_flags);
void render_posting_json(struct buf *out, const struct posting *p,
			 const struct stored_posting *stored);
/* One readable line: "title | company | location | level | type | salary". */
void render_posting_line(struct buf *out, const struct posting *p);
/* A stored posting's line: the day it counts as posted on (its date, else
 * the day first seen), then render_posting_line's fields. */
void render_stored_posting_line(struct buf *out, const struct stored_posting *sp);

/* A salary as "USD 100000-130000 per year", or "-" when none was found. */
void render_salary_words(struct buf *out, const struct salary *s);
/* "jobstats salary": the text, a tab, then the reading in words with its
 * provenance, rule and notes; or "no salary". */
void render_salary_line(struct buf *out, const char *text, const struct salary *s);
/* "jobstats salary --json": one object a line, keys text, min, max,
 * currency, period, annual_min, annual_max, provenance, rule, notes. */
void render_salary_json(struct buf *out, const char *text, const struct salary *s);

#endif
