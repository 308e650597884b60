/*
 * check_role_list.c - roles read from a file, one a line: what is taken,
 * what is skipped, what is refused (naming the line), each role once.
 */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "role-list.h"

struct read_case {
	const char *in;
	const char *want;	/* the roles joined by '|'; NULL: an error */
	int n;			/* roles the file holds, duplicates included */
	const char *error;	/* how the message ends */
	size_t len;		/* of in, when it holds a NUL byte; else 0 */
};

static const struct read_case read_cases[] = {
	{ "Data Engineer\nData Analyst\n", "Data Engineer|Data Analyst", 2, NULL, 0 },
	{ "Data Engineer", "Data Engineer", 1, NULL, 0 },	/* no final line end */
	{ "\xEF\xBB\xBF" "Data Engineer\r\nData Analyst\r\n", "Data Engineer|Data Analyst", 2,
	  NULL, 0 },
	{ "# weekly\n\n \t\n  # indented\nData Engineer\n", "Data Engineer", 1, NULL, 0 },
	{ "  Data Engineer \t\r\n", "Data Engineer", 1, NULL, 0 },
	{ "Data Engineer\ndata-ENGINEER\nData Engineer II\n",
	  "Data Engineer|Data Engineer II", 3, NULL, 0 },	/* same words: once */
	{ "C# Developer\n", "C# Developer", 1, NULL, 0 },	/* '#' inside is text */
	{ "Zürich Analyst\n", "Zürich Analyst", 1, NULL, 0 },
	{ "# only comments\r\n\r\n", "", 0, NULL, 0 },
	{ "", "", 0, NULL, 0 },
	{ "Data Engineer\n\xFF" "Data\n", NULL, -1, "line 2: not UTF-8 text", 0 },
	{ "a\nb\nc\0d\n", NULL, -1, "line 3: not UTF-8 text", 8 },
	/* a byte order mark is one only at the start of the file */
	{ "\xEF\xBB\xBFok\n\xEF\xBB\xBFsecond\n", "ok|\xEF\xBB\xBFsecond", 2, NULL, 0 },
};

/* A file holding the n bytes of text, read from its start. */
static FILE *file_of(const char *text, size_t n)
{
	FILE *f = tmpfile();

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, n, f), n);
	rewind(f);
	return f;
}

START_TEST(test_read)
{
	const struct read_case *c = &read_cases[_i];
	FILE *f = file_of(c->in, c->len ? c->len : strlen(c->in));
	struct role_list l = ROLE_LIST_INIT;
	struct buf got = BUF_INIT;
	char *err = NULL;
	size_t i;
	int n;

	n = role_list_read(&l, f, "roles.txt", &err);
	ck_assert_int_eq(n, c->n);
	if (c->want == NULL) {
		ck_assert_ptr_nonnull(err);
		ck_assert_msg(strncmp(err, "cannot read roles from 'roles.txt': ", 36) == 0 &&
			      strcmp(err + 36, c->error) == 0, "error '%s'", err);
	} else {
		ck_assert_ptr_null(err);
		for (i = 0; i < l.n; i++)
			buf_printf(&got, "%s%s", i ? "|" : "", l.v[i]);
		ck_assert_str_eq(buf_str(&got), c->want);
	}
	free(err);
	buf_release(&got);
	role_list_release(&l);
	fclose(f);
}
END_TEST

/* A role too long for a file is refused, naming its line; one just short enough is not. */
START_TEST(test_long_line)
{
	char text[ROLE_LIST_MAX_ROLE + 8];
	struct role_list l = ROLE_LIST_INIT;
	char *err = NULL;
	FILE *f;

	memset(text, 'a', ROLE_LIST_MAX_ROLE);
	memcpy(text + ROLE_LIST_MAX_ROLE, "\n", 2);
	f = file_of(text, strlen(text));
	ck_assert_int_eq(role_list_read(&l, f, "r", &err), 1);
	fclose(f);
	memcpy(text + ROLE_LIST_MAX_ROLE, "a\n", 3);
	f = file_of(text, strlen(text));
	ck_assert_int_eq(role_list_read(&l, f, "r", &err), -1);
	ck_assert_str_eq(err, "cannot read roles from 'r': line 1: longer than 256 bytes");
	fclose(f);
	free(err);
	role_list_release(&l);
}
END_TEST

/* --role and a file's roles share one list: the first spelling stays. */
START_TEST(test_add)
{
	struct role_list l = ROLE_LIST_INIT;

	ck_assert_int_eq(role_list_add(&l, "Data Engineer"), 1);
	ck_assert_int_eq(role_list_add(&l, "DATA ENGINEER"), 0);
	ck_assert_int_eq(role_list_add(&l, "Engineer"), 1);
	ck_assert_int_eq(role_list_add(&l, "data, engineer"), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[0], "Data Engineer");
	ck_assert_str_eq(l.v[1], "Engineer");
	role_list_release(&l);
	ck_assert_uint_eq(l.n, 0);
	role_list_release(&l);	/* twice is harmless */
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("role_list");
	TCase *tc = tcase_create("read");

	tcase_add_loop_test(tc, test_read, 0, sizeof(read_cases) / sizeof(read_cases[0]));
	tcase_add_test(tc, test_long_line);
	tcase_add_test(tc, test_add);
	suite_add_tcase(s, tc);
	return s;
}
