/*
 * check_salary_real.c - salary_parse against the hand-labelled corpus of real
 * salary strings in tests/data/salary-real.tsv (see the head of that file for
 * the columns, the sources and their licences).
 *
 * Every row is checked; every mismatch is printed on stderr as one line, then
 * a summary for all rows and for the rows read from saved job-board pages
 * (source "pages/..."), and the test fails if any row is wrong.
 */
#include "config.h"

#include "check-main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "salary.h"
#include "testutil.h"

#define NFIELDS 8
enum { F_SOURCE, F_COUNTRY, F_TEXT, F_MIN, F_MAX, F_CURRENCY, F_PERIOD, F_PROVENANCE };

struct tally {
	int rows, right, wrong, wrongly_accepted, missed;
};

/* Print s on stderr with tab, newline and backslash escaped again. */
static void put_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			fputs("\\n", stderr);
		else if (*s == '\t')
			fputs("\\t", stderr);
		else if (*s == '\\')
			fputs("\\\\", stderr);
		else
			fputc(*s, stderr);
	}
}

static int same_number(double want, double got)
{
	double scale = fmax(fabs(want), fabs(got));

	return want == got || fabs(want - got) <= 1e-9 * scale;
}

static const char *nz(const char *s)
{
	return s ? s : "";
}

static void report_mismatch(char *f[NFIELDS], const char *text, const struct salary *s)
{
	fprintf(stderr, "%s: '", f[F_SOURCE]);
	put_escaped(text);
	if (f[F_MIN][0] == '-')
		fprintf(stderr, "': expected no salary");
	else
		fprintf(stderr, "': expected %s %s %s %s %s", f[F_MIN], f[F_MAX],
			f[F_CURRENCY][0] ? f[F_CURRENCY] : "-",
			f[F_PERIOD][0] ? f[F_PERIOD] : "-", f[F_PROVENANCE]);
	if (!s->found)
		fprintf(stderr, " got no salary\n");
	else
		fprintf(stderr, " got %.10g %.10g %s %s %s\n", s->min, s->max,
			s->currency[0] ? s->currency : "-",
			salary_period_name(s->period) ? salary_period_name(s->period) : "-",
			nz(s->provenance)[0] ? s->provenance : "-");
}

static void print_tally(const char *what, const struct tally *t)
{
	fprintf(stderr,
		"salary-real %s: rows %d, parsed right %d, parsed wrong %d, "
		"wrongly accepted %d, missed %d\n",
		what, t->rows, t->right, t->wrong, t->wrongly_accepted, t->missed);
}

START_TEST(test_salary_real_corpus)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *fp;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0, header_seen = 0, bad_lines = 0;
	struct tally all = { 0, 0, 0, 0, 0 }, pages = { 0, 0, 0, 0, 0 };

	snprintf(path, sizeof path, "%s/tests/data/salary-real.tsv", top ? top : ".");
	fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot open %s (is top_srcdir set?)", path);

	while ((len = getline(&line, &cap, fp)) != -1) {
		char *f[NFIELDS];
		struct salary_hints hints;
		struct salary s;
		struct tally *t2;
		int expect_none, ok;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (!header_seen && strncmp(line, "source\t", 7) == 0) {
			header_seen = 1;
			continue;
		}
		if (test_split_tabs(line, f, NFIELDS) != 0) {
			fprintf(stderr, "%s:%d: not %d tab-separated fields\n", path, lineno,
				NFIELDS);
			bad_lines++;
			continue;
		}
		test_unescape(f[F_TEXT]);

		memset(&hints, 0, sizeof hints);
		snprintf(hints.country, sizeof hints.country, "%s", f[F_COUNTRY]);
		memset(&s, 0, sizeof s);
		salary_parse(f[F_TEXT], &hints, &s);

		t2 = strncmp(f[F_SOURCE], "pages/", 6) == 0 ? &pages : NULL;
		all.rows++;
		if (t2)
			t2->rows++;

		expect_none = strcmp(f[F_MIN], "-") == 0;
		if (expect_none) {
			ok = !s.found;
			if (!ok) {
				all.wrongly_accepted++;
				if (t2)
					t2->wrongly_accepted++;
			}
		} else if (!s.found) {
			ok = 0;
			all.missed++;
			if (t2)
				t2->missed++;
		} else {
			const char *period = salary_period_name(s.period);

			ok = same_number(strtod(f[F_MIN], NULL), s.min) &&
				same_number(strtod(f[F_MAX], NULL), s.max) &&
				strcmp(f[F_CURRENCY], s.currency) == 0 &&
				strcmp(f[F_PERIOD], nz(period)) == 0 &&
				strcmp(f[F_PROVENANCE], nz(s.provenance)) == 0;
			if (!ok) {
				all.wrong++;
				if (t2)
					t2->wrong++;
			}
		}
		if (ok) {
			all.right++;
			if (t2)
				t2->right++;
		} else {
			report_mismatch(f, f[F_TEXT], &s);
		}
	}
	free(line);
	fclose(fp);

	print_tally("all", &all);
	print_tally("pages/ only", &pages);
	ck_assert_msg(header_seen, "%s: no header line", path);
	ck_assert_msg(bad_lines == 0, "%s: %d malformed lines", path, bad_lines);
	ck_assert_msg(all.rows > 0, "%s: no rows", path);
	ck_assert_msg(all.right == all.rows,
		      "%d of %d real salary strings read wrong (wrong %d, wrongly accepted %d, "
		      "missed %d); see the lines above",
		      all.rows - all.right, all.rows, all.wrong, all.wrongly_accepted, all.missed);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("salary-real");
	TCase *tc = tcase_create("corpus");

	tcase_add_test(tc, test_salary_real_corpus);
	suite_add_tcase(s, tc);
	return s;
}
