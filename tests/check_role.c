/* check_role.c - role matching on real-looking job titles. */
#include "config.h"

#include "check-main.h"
#include <stdlib.h>

#include "role.h"

struct role_case {
	const char *role;
	const char *title;
	int want;
};

static const struct role_case cases[] = {
	/* Whole words, any case, any punctuation between them. */
	{ "Data Engineer", "Data Engineer", 1 },
	{ "Data Engineer", "Senior Data Engineer", 1 },
	{ "Data Engineer", "Data Engineer (Remote)", 1 },
	{ "Data Engineer", "data-engineer", 1 },
	{ "Data Engineer", "DATA ENGINEER II", 1 },
	{ "Data Engineer", "Big Data Engineer", 1 },
	{ "Data Engineer", "Data  Engineer", 1 },
	{ "Data Engineer", "Lead, Data/Engineer!", 1 },
	{ "data engineer", "Data Engineer", 1 },
	{ "  Data -- Engineer  ", "Data Engineer", 1 },
	/* Part of a word, wrong order, or words in between: no. */
	{ "Data Engineer", "Data Engineering Manager", 0 },
	{ "Data Engineer", "Database Engineer", 0 },
	{ "Data Engineer", "Engineer, Data", 0 },
	{ "Data Engineer", "Data Science Engineer", 0 },
	{ "Data Engineer", "BigData Engineer", 0 },
	{ "Data Engineer", "Data", 0 },
	{ "Data Engineer", "", 0 },
	/* A false start before the real match must not hide it. */
	{ "Data Engineer", "Data Data Engineer", 1 },
	{ "Data Engineer", "Data Analyst and Data Engineer", 1 },
	{ "Machine Learning Engineer", "Machine Learning Engineer - NLP", 1 },
	{ "Machine Learning Engineer", "Senior Machine-Learning Engineer", 1 },
	{ "Machine Learning Engineer", "Machine Learning Research Engineer", 0 },
	{ "Machine Learning Software Engineer",
	  "Machine Learning Software Engineer", 1 },
	/* Punctuation is ignored: "C++ Developer" is the words C, Developer. */
	{ "C++ Developer", "C++ Developer", 1 },
	{ "C++ Developer", "C Developer", 1 },
	{ "C++ Developer", "Senior C/C++ Developer", 1 },
	{ "C++ Developer", "C# Developer", 1 },
	{ "C++ Developer", "Objective-C Developer", 1 },
	{ "C++ Developer", "Cpp Developer", 0 },
	/* Digits are word characters. */
	{ "Engineer II", "Software Engineer II", 1 },
	{ "Engineer II", "Software Engineer III", 0 },
	{ "Level 3", "Support Level 3", 1 },
	{ "Level 3", "Support Level 30", 0 },
	/* UTF-8 bytes stay inside words; only ASCII folds case. */
	{ "Ingénieur", "Ingénieur Données", 1 },
	{ "Ingénieur", "INGéNIEUR", 1 },
	{ "Ingénieur", "Ingenieur", 0 },
	{ "Ingénieur", "Ingénieure", 0 },
	{ "Zürich", "Engineer, Zürich", 1 },
	{ "Zürich", "ZÜRICH", 0 },
	{ "Entwickler", "Softwareentwickler", 0 },
	/* No words or no title: nothing matches. */
	{ "", "Data Engineer", 0 },
	{ "  ", "Data Engineer", 0 },
	{ "+++", "C++", 0 },
	{ NULL, "Data Engineer", 0 },
	{ "Data Engineer", NULL, 0 },
	{ "", "", 0 },
	/* One-word roles. */
	{ "Engineer", "Data Engineer", 1 },
	{ "Engineer", "Engineering Manager", 0 },
};

START_TEST(test_role_matches)
{
	const struct role_case *c = &cases[_i];

	ck_assert_msg(role_matches(c->role, c->title) == c->want,
		      "role_matches(\"%s\", \"%s\") != %d",
		      c->role ? c->role : "(null)",
		      c->title ? c->title : "(null)", c->want);
}
END_TEST

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *test_suite(void)
{
	Suite *s = suite_create("role");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_role_matches, 0, NCASES(cases));
	suite_add_tcase(s, tc);
	return s;
}
