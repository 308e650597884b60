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
	/* Abbreviations in real titles (shared/data pages, aijobs.net index),
	 * read as the words they stand for on both sides. */
	{ "Senior Java Developer", "Sr Java Developer with FIS Xpress", 1 },
	{ "Junior Software Developer", "Jr. Software Developer", 1 },
	{ "Junior Software Engineer", "Jr. Software Engineer", 1 },
	{ "Senior Support Engineer", "Sr. Support Engineer", 1 },
	{ "Senior Staff Backend Engineer", "Sr Staff Backend Engineer", 1 },
	{ "Sr. Software Developer", "Senior Software Developer", 1 },
	{ "Machine Learning Infrastructure Engineer", "ML Infrastructure Engineer", 1 },
	{ "ML Engineer", "Machine Learning Engineer", 1 },
	{ "Machine Learning Engineer", "MLE", 1 },
	{ "MLE", "Senior Machine Learning Engineer", 1 },
	{ "Data Engineer", "Sr. Data Eng", 1 },
	{ "Engineering Manager", "Engineering Mgr", 1 },
	{ "Software Engineer", "SWE II", 1 },
	/* ... but only whole abbreviations, and never a product's name. */
	{ "Engineer", "English Teacher", 0 },
	{ "Senior Data Engineer", "Srinivasan Data Engineer", 0 },
	{ "Machine Learning", "HTML Developer", 0 },
	{ "Business Intelligence Developer", "Power BI Developer", 0 },
	{ "Senior Engineer", "Sr. Dev Ops", 0 },
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
