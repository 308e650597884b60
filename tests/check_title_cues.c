/*
 * check_title_cues.c - what titles say beside the role (title-cues.c), on
 * real titles from the saved pages (python.org, LinkedIn, Indeed, Monster)
 * and on titles whose words mean something else.
 */
#include "config.h"

#include "check-main.h"

#include "normalize.h"

struct cue_case {
	const char *title;
	const char *arrangement;	/* NULL: says nothing */
	const char *type;
};

static const struct cue_case cases[] = {
	/* python.org */
	{ "Senior Python Developer | Hybrid| Full-time", "hybrid", "FT" },
	{ "Backend Engineer (Python) | Remote \xe2\x80\x93 LATAM | Full-time", "remote", "FT" },
	/* LinkedIn guest search (US, 2022) */
	{ "Software Engineering Internship", NULL, "IN" },
	{ "Data Science Intern - Summer 2022", NULL, "IN" },
	{ "Machine Learning Engineer, Remote", "remote", NULL },
	/* LinkedIn Sweden: a fixed term in the title */
	{ "Regulatorisk handl\xc3\xa4ggare tidsbegr\xc3\xa4nsad", NULL, "TEMP" },
	{ "Sachbearbeiter (m/w/d) befristet", NULL, "TEMP" },
	/* Indeed (in.indeed.com) */
	{ "Python Developer Intern", NULL, "IN" },
	{ "Part-time Data Entry (Work from Home)", "remote", NULL },
	/* the cue words inside a role say something else */
	/* HN: a head count of several kinds says no one type */
	{ "webdesigner (1 fulltime, 1-2 partime/freelance)", NULL, NULL },
	{ "Hybrid Cloud Engineer", NULL, NULL },
	{ "Remote Sensing Analyst", NULL, NULL },
	{ "Internal Auditor", NULL, NULL },
	{ "International Sales Manager", NULL, NULL },
	{ "Full Stack Developer", NULL, NULL },
	{ "Data Engineer", NULL, NULL },
	{ NULL, NULL, NULL },
};

START_TEST(test_cues)
{
	const struct cue_case *c = &cases[_i];

	check_same_str(title_arrangement(c->title), c->arrangement, c->title);
	check_same_str(title_employment_type(c->title), c->type, c->title);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("title_cues");
	TCase *tc = tcase_create("cues");

	tcase_add_loop_test(tc, test_cues, 0, sizeof(cases) / sizeof(cases[0]));
	suite_add_tcase(s, tc);
	return s;
}
