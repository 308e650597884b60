/*
 * check_render.c - the report table: aligned, and never running together;
 * the report CSV: a row for every group, each as wide as the header.
 */
#include "config.h"

#include "check-main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "csv-read.h"
#include "render.h"
#include "xalloc.h"

/* n (at most 8) salaries from base up, by halves of base. */
static void fill(struct stats_summary *s, size_t n, double base)
{
	double v[8];
	size_t i;

	for (i = 0; i < n && i < 8; i++)
		v[i] = base * (1 + 0.5 * (double)i);
	stats_summarize(v, n, s);
}

static void sample_report(struct report *r, double base, size_t postings)
{
	static char names[REPORT_LEVELS][8] = { "EN", "MI", "SE", "EX", "unknown" };
	static struct report_group levels[REPORT_LEVELS];
	static char role[] = "Data Engineer";
	int l;

	memset(r, 0, sizeof(*r));
	r->by[REPORT_BY_LEVEL].kind = "level";
	r->by[REPORT_BY_LEVEL].v = levels;
	r->by[REPORT_BY_LEVEL].n = REPORT_LEVELS;
	r->role = role;
	memcpy(r->currency, "INR", 4);
	r->all.postings = postings;
	r->all.with_salary = 3;
	fill(&r->all.salary, 3, base);
	for (l = 0; l < REPORT_LEVELS; l++) {
		memset(&levels[l], 0, sizeof(levels[l]));
		levels[l].name = names[l];
		levels[l].postings = postings;
		fill(&levels[l].salary, l == 4 ? 0 : 3, base);
	}
}

/* Every row under the header has its 11 cells apart (a flag '*' aside). */
static void assert_cells_apart(const char *table)
{
	const char *line = strstr(table, "level ");
	int rows = 0;

	ck_assert_ptr_nonnull(line);
	while (line != NULL && *line != '\n' && *line != '\0') {
		const char *end = strchr(line, '\n'), *p = line;
		int len = (int)(end ? (size_t)(end - line) : strlen(line));
		int cells = 0;

		/* cells are the runs of characters other than ' ' and '*' */
		while (p < line + len) {
			p += strspn(p, " *");
			if (p >= line + len)
				break;
			cells++;
			p += strcspn(p, " *\n");
		}
		ck_assert_msg(cells == 11, "%d cells in '%.*s'", cells, len, line);
		rows++;
		line = end ? end + 1 : NULL;
	}
	ck_assert_int_eq(rows, 1 + 1 + REPORT_LEVELS);
}

static void assert_fits_80_columns(const char *text)
{
	const char *p;

	for (p = text; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		ck_assert_msg(strcspn(p, "\n") <= 80, "wider than 80: '%.*s'",
			      (int)strcspn(p, "\n"), p);
}

/* The table of r in b, NUL-terminated. */
static void render_table(struct buf *b, const struct report *r)
{
	render_report_table(b, r);
	buf_appends(b, "");
}

START_TEST(test_usd_fits_80_columns)
{
	struct buf b = BUF_INIT;
	struct report r;

	sample_report(&r, 85000, 30);
	render_table(&b, &r);
	assert_cells_apart(b.data);
	assert_fits_80_columns(b.data);
	buf_release(&b);
}
END_TEST

/* Crore-sized rupee figures and five-figure counts still read apart. */
START_TEST(test_large_figures_apart)
{
	struct buf b = BUF_INIT;
	struct report r;

	sample_report(&r, 123456789, 123456);
	render_table(&b, &r);
	assert_cells_apart(b.data);
	ck_assert_ptr_nonnull(strstr(b.data, "246,913,578"));
	buf_release(&b);
}
END_TEST

/* Every count left out is said, the line wrapped rather than too wide. */
START_TEST(test_left_out_wraps)
{
	struct buf b = BUF_INIT;
	struct report r;

	sample_report(&r, 85000, 30);
	r.convert = 1;
	r.all.other_currency = 1234;
	r.all.unknown_period = 56;
	r.all.estimates = 7;
	render_table(&b, &r);
	assert_fits_80_columns(b.data);
	ck_assert_ptr_nonnull(strstr(b.data, "\nLeft out of the figures: 1234 paid in currencies "
				     "with no rate,\n  56 with no pay period, 7 board estimates\n"));
	ck_assert_ptr_nonnull(strstr(b.data, "\nBoard estimates (not employer pay): "
				     "--include-estimates counts them.\n"));
	ck_assert_ptr_null(strstr(b.data, "in the figures"));
	buf_release(&b);
}
END_TEST

/* Included, estimates are said to be in the figures, however few. */
START_TEST(test_estimates_included)
{
	struct buf b = BUF_INIT;
	struct report r;

	sample_report(&r, 85000, 30);
	r.include_estimates = 1;
	r.all.estimated = 3;
	render_table(&b, &r);
	ck_assert_ptr_nonnull(strstr(b.data, "\nBoard estimates in the figures: 3 "
				     "(--include-estimates)\n"));
	ck_assert_ptr_null(strstr(b.data, "Left out"));
	ck_assert_ptr_null(strstr(b.data, "not employer pay"));
	buf_release(&b);
	r.all.estimated = 0;
	render_table(&b, &r);
	ck_assert_ptr_nonnull(strstr(b.data, "\nBoard estimates in the figures: 0 "));
	buf_release(&b);
}
END_TEST

/* A group of n salaries (NaN typical range when none), named name. */
static void csv_group(struct report_group *g, const char *name, size_t postings, size_t n)
{
	memset(g, 0, sizeof(*g));
	g->name = (char *)name;
	g->postings = postings;
	g->with_salary = n + 1 < postings ? n + 1 : postings;
	fill(&g->salary, n, 90000);
	g->typical_min = n ? 80000 : NAN;
	g->typical_max = n ? 120000 : NAN;
}

/*
 * sample_report's levels, then two groups of every other split (a company
 * that a spreadsheet would run, one with a comma), two profile fits (one
 * fitting nothing) and three weeks (one empty): a row of every kind.
 */
static void full_report(struct report *r)
{
	static const char *const names[REPORT_SPLITS][2] = {
		{ NULL, NULL }, { "remote", "onsite" }, { "US", "DE" },
		{ "=HYPERLINK(\"x\")", "Acme, Inc." }, { "FT", "CT" }
	};
	static const char *const kinds[REPORT_SPLITS] = {
		"level", "arrangement", "country", "company", "employment_type"
	};
	static struct report_group groups[REPORT_SPLITS][2];
	static struct report_fit fits[2];
	static struct report_period weeks[3];
	static struct report_rate rate = { "EUR", 0.9, "2025-01-17", 2 };
	static const size_t week_n[3] = { 2, 0, 5 };
	int k, i;

	sample_report(r, 90000, 8);
	fill(&r->all.salary, 6, 90000);
	for (k = REPORT_BY_ARRANGEMENT; k < REPORT_SPLITS; k++) {
		for (i = 0; i < 2; i++)
			csv_group(&groups[k][i], names[k][i], 4, i ? 0 : 3);
		r->by[k].kind = kinds[k];
		r->by[k].v = groups[k];
		r->by[k].n = 2;
	}
	memset(fits, 0, sizeof(fits));
	fits[0].threshold = 4;
	csv_group(&fits[0].group, "Data Operations Manager", 6, 5);
	fits[1].threshold = 5;
	csv_group(&fits[1].group, "Machine Learning Software Engineer", 0, 0);
	r->fits = fits;
	r->nfits = 2;
	for (i = 0; i < 3; i++) {
		memset(&weeks[i], 0, sizeof(weeks[i]));
		snprintf(weeks[i].start, sizeof(weeks[i].start), "2025-01-%02d", 6 + 7 * i);
		weeks[i].postings = weeks[i].with_salary = week_n[i];
		fill(&weeks[i].salary, week_n[i], 100000);
	}
	r->trend_by = "week";
	r->trend = weeks;
	r->ntrend = 3;
	r->rates = &rate;
	r->nrates = 1;
}

/* A CSV read back: every record's fields, the header first. */
#define TABLE_ROWS 64
struct table {
	size_t n;
	size_t width[TABLE_ROWS];
	char *cell[TABLE_ROWS][CSV_MAX_FIELDS];
};

static void table_read(struct table *t, const struct buf *b)
{
	FILE *f = fmemopen(b->data, b->len, "r");
	struct csv_reader rd;
	char *err = NULL;
	size_t j;
	int rc;

	ck_assert_ptr_nonnull(f);
	memset(t, 0, sizeof(*t));
	csv_reader_init(&rd, f);
	while ((rc = csv_read(&rd, &err)) > 0) {
		ck_assert_uint_lt(t->n, TABLE_ROWS);
		t->width[t->n] = rd.nfields;
		for (j = 0; j < rd.nfields; j++)
			t->cell[t->n][j] = xstrdup(csv_field_at(&rd, j));
		t->n++;
	}
	ck_assert_msg(rc == 0, "CSV not read back: %s", err);
	csv_reader_release(&rd);
	fclose(f);
}

static void table_release(struct table *t)
{
	size_t i, j;

	for (i = 0; i < t->n; i++)
		for (j = 0; j < t->width[i]; j++)
			free(t->cell[i][j]);
}

/* The header's column named name. */
static size_t table_col(const struct table *t, const char *name)
{
	size_t j;

	for (j = 0; j < t->width[0]; j++)
		if (strcmp(t->cell[0][j], name) == 0)
			return j;
	ck_abort_msg("no column '%s'", name);
	return 0;
}

/* The cell of column name in the row of group kind and value. */
static const char *table_cell(const struct table *t, const char *kind, const char *value,
			      const char *name)
{
	size_t g = table_col(t, "group"), v = table_col(t, "value"), i;

	for (i = 1; i < t->n; i++)
		if (strcmp(t->cell[i][g], kind) == 0 && strcmp(t->cell[i][v], value) == 0)
			return t->cell[i][table_col(t, name)];
	ck_abort_msg("no row %s %s", kind, value);
	return NULL;
}

/* The full report's CSV (header and rows) read back. */
static void full_report_table(struct table *t, int csv_flags)
{
	struct buf b = BUF_INIT;
	struct report r;

	full_report(&r);
	render_report_csv_header(&b);
	render_report_csv(&b, &r, csv_flags);
	table_read(t, &b);
	buf_release(&b);
}

/* Every kind of row, in the documented order, each as wide as the header. */
START_TEST(test_csv_every_row_kind)
{
	static const char *const want[][2] = {
		{ "all", "" }, { "level", "EN" }, { "level", "MI" }, { "level", "SE" },
		{ "level", "EX" }, { "level", "unknown" }, { "arrangement", "remote" },
		{ "arrangement", "onsite" }, { "country", "US" }, { "country", "DE" },
		{ "company", "'=HYPERLINK(\"x\")" }, { "company", "Acme, Inc." },
		{ "employment_type", "FT" }, { "employment_type", "CT" },
		{ "profile", "Data Operations Manager" },
		{ "profile", "Machine Learning Software Engineer" },
		{ "week", "2025-01-06" }, { "week", "2025-01-13" }, { "week", "2025-01-20" }
	};
	const size_t nwant = sizeof(want) / sizeof(want[0]);
	struct table t;
	size_t i;

	full_report_table(&t, 0);
	ck_assert_uint_eq(t.n, 1 + nwant);
	ck_assert_uint_eq(t.width[0], 36);
	for (i = 1; i < t.n; i++) {
		ck_assert_uint_eq(t.width[i], t.width[0]);
		ck_assert_str_eq(t.cell[i][0], "Data Engineer");
		ck_assert_str_eq(t.cell[i][table_col(&t, "group")], want[i - 1][0]);
		ck_assert_str_eq(t.cell[i][table_col(&t, "value")], want[i - 1][1]);
		/* what an auditor needs is on every row, whatever its kind */
		ck_assert_str_eq(t.cell[i][table_col(&t, "annualization")],
				 "hour 2080; day 260; week 52; month 12; year 1");
		ck_assert_str_eq(t.cell[i][table_col(&t, "rates")], "EUR 0.9 2025-01-17");
		ck_assert_str_eq(t.cell[i][table_col(&t, "percentile_method")], "hyndman-fan-7");
		ck_assert_str_eq(t.cell[i][table_col(&t, "provenance")], "structured text");
		ck_assert_str_eq(t.cell[i][table_col(&t, "currency")], "INR");
	}
	table_release(&t);
}
END_TEST

/* A cell a test expects: the column of the row of group kind and value. */
struct cell_case {
	const char *kind, *value, *column, *want;
};

/* Read the full report's CSV and check each case, up to one with no kind. */
static void assert_cells(const struct cell_case *c)
{
	struct table t;

	full_report_table(&t, 0);
	for (; c->kind != NULL; c++)
		ck_assert_msg(strcmp(table_cell(&t, c->kind, c->value, c->column), c->want) == 0,
			      "%s %s: %s is '%s', expected '%s'", c->kind, c->value, c->column,
			      table_cell(&t, c->kind, c->value, c->column), c->want);
	table_release(&t);
}

/* small_group: 1 for 0 < n < REPORT_SMALL_GROUP only. */
START_TEST(test_csv_small_group)
{
	static const struct cell_case cases[] = {
		{ "all", "", "n", "6" }, { "all", "", "small_group", "0" },
		{ "level", "EN", "small_group", "1" },
		{ "level", "unknown", "small_group", "0" },
		{ "country", "US", "small_group", "1" }, { "country", "DE", "small_group", "0" },
		{ "profile", "Data Operations Manager", "n", "5" },
		{ "profile", "Data Operations Manager", "small_group", "0" },
		{ "week", "2025-01-06", "small_group", "1" },
		{ "week", "2025-01-13", "small_group", "0" },
		{ "week", "2025-01-20", "small_group", "0" },
		{ NULL, NULL, NULL, NULL }
	};

	assert_cells(cases);
}
END_TEST

#define EMPTY_FIGURES(kind, value) \
	{ kind, value, "min", "" }, { kind, value, "p10", "" }, { kind, value, "p25", "" }, \
	{ kind, value, "median", "" }, { kind, value, "p75", "" }, \
	{ kind, value, "p90", "" }, { kind, value, "max", "" }, { kind, value, "mean", "" }

/* No salary: NaN figures are empty cells, never "nan"; counts stay 0. */
START_TEST(test_csv_nan_empty)
{
	static const struct cell_case cases[] = {
		EMPTY_FIGURES("country", "DE"),
		{ "country", "DE", "typical_min", "" }, { "country", "DE", "typical_max", "" },
		EMPTY_FIGURES("profile", "Machine Learning Software Engineer"),
		{ "profile", "Machine Learning Software Engineer", "typical_max", "" },
		EMPTY_FIGURES("week", "2025-01-13"),
		{ "country", "DE", "n", "0" }, { "country", "DE", "other_currency", "0" },
		{ "week", "2025-01-13", "postings", "0" },
		{ "country", "US", "median", "135000" },
		{ "country", "US", "typical_min", "80000" },
		{ NULL, NULL, NULL, NULL }
	};

	assert_cells(cases);
}
END_TEST

/* Profile rows: the postings that fit and the threshold; a period's rows:
 * no left-out counts nor typical range (it keeps none), threshold only on
 * profile rows. */
START_TEST(test_csv_profile_and_period_cells)
{
	static const struct cell_case cases[] = {
		{ "profile", "Data Operations Manager", "postings", "6" },
		{ "profile", "Data Operations Manager", "threshold", "4" },
		{ "profile", "Data Operations Manager", "with_salary", "6" },
		{ "profile", "Machine Learning Software Engineer", "threshold", "5" },
		{ "week", "2025-01-20", "converted", "" },
		{ "week", "2025-01-20", "other_currency", "" },
		{ "week", "2025-01-20", "unknown_period", "" },
		{ "week", "2025-01-20", "estimates", "" },
		{ "week", "2025-01-20", "estimated", "" },
		{ "week", "2025-01-20", "typical_min", "" },
		{ "week", "2025-01-20", "typical_max", "" },
		{ "week", "2025-01-20", "threshold", "" },
		{ "week", "2025-01-20", "with_salary", "5" },
		{ "week", "2025-01-20", "n", "5" },
		{ "all", "", "threshold", "" }, { "company", "Acme, Inc.", "threshold", "" },
		{ NULL, NULL, NULL, NULL }
	};

	assert_cells(cases);
}
END_TEST

/* --raw: a company is written as the page said it. */
START_TEST(test_csv_raw)
{
	struct table t;

	full_report_table(&t, CSV_RAW);
	ck_assert_str_eq(table_cell(&t, "company", "=HYPERLINK(\"x\")", "postings"), "4");
	table_release(&t);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, test_usd_fits_80_columns);
	tcase_add_test(tc, test_large_figures_apart);
	tcase_add_test(tc, test_left_out_wraps);
	tcase_add_test(tc, test_estimates_included);
	suite_add_tcase(s, tc);
	tc = tcase_create("csv");
	tcase_add_test(tc, test_csv_every_row_kind);
	tcase_add_test(tc, test_csv_small_group);
	tcase_add_test(tc, test_csv_nan_empty);
	tcase_add_test(tc, test_csv_profile_and_period_cells);
	tcase_add_test(tc, test_csv_raw);
	suite_add_tcase(s, tc);
	return s;
}
