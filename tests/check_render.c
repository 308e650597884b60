/* check_render.c - the report table: aligned, and never running together. */
#include "config.h"

#include "check-main.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render.h"

static void fill(struct stats_summary *s, size_t n, double base)
{
	double v[3] = { base, base * 1.5, base * 2 };

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
	r->with_salary = 3;
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

Suite *test_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("table");

	tcase_add_test(tc, test_usd_fits_80_columns);
	tcase_add_test(tc, test_large_figures_apart);
	tcase_add_test(tc, test_left_out_wraps);
	tcase_add_test(tc, test_estimates_included);
	suite_add_tcase(s, tc);
	return s;
}
