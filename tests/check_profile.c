/* check_profile.c - role profiles: the parser, the loader, the shipped files. */
#include "config.h"

#include "check-main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile.h"
#include "role.h"
#include "testutil.h"
#include "xalloc.h"

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Text that does not parse, and the whole message it must give. */
struct bad_case {
	const char *text;
	const char *err;
};

static const struct bad_case bad[] = {
	{ "", "profile 'x.profile': no 'name:' line" },
	{ "# only a comment\n", "profile 'x.profile': no 'name:' line" },
	{ "name: X\n", "profile 'x.profile': no 'title:' line" },
	{ "name: X\ntitle: X\nfoo: bar\n", "profile 'x.profile' line 3: unknown key 'foo'" },
	{ "name: X\ntitle: X\n\n# c\n  Title: Y\n",
	  "profile 'x.profile' line 5: unknown key 'Title'" },
	{ "name: X\njust words\n", "profile 'x.profile' line 2: expected 'key: value'" },
	{ "name: X\ntitle:   \n", "profile 'x.profile' line 2: no value after 'title:'" },
	{ "name:\n", "profile 'x.profile' line 1: no value after 'name:'" },
	{ "name: X\nname: Y\n", "profile 'x.profile' line 2: a second 'name:'" },
	{ "name: X\ntitle: X\nskill: GDPR\n",
	  "profile 'x.profile' line 3: expected 'WEIGHT phrase' (WEIGHT 1 to 100) after 'skill:'" },
	{ "name: X\ntitle: X\ntool: 0 Git\n",
	  "profile 'x.profile' line 3: expected 'WEIGHT phrase' (WEIGHT 1 to 100) after 'tool:'" },
	{ "name: X\ntitle: X\ntool: 101 Git\n",
	  "profile 'x.profile' line 3: expected 'WEIGHT phrase' (WEIGHT 1 to 100) after 'tool:'" },
	{ "name: X\ntitle: X\nindustry: 3\n",
	  "profile 'x.profile' line 3: expected 'WEIGHT phrase' (WEIGHT 1 to 100) after 'industry:'" },
	{ "name: X\ntitle: X\nresponsibility: 3x quality\n",
	  "profile 'x.profile' line 3: expected 'WEIGHT phrase' (WEIGHT 1 to 100) after "
	  "'responsibility:'" },
	{ "name: X\ntitle: C++\ntitle: ++ / --\n",
	  "profile 'x.profile' line 3: title '++ / --' has no words" },
	{ "name: X\r\ntitle: X\r\nskill 3 SQL\r\n",
	  "profile 'x.profile' line 3: expected 'key: value'" },
};

START_TEST(test_bad)
{
	struct profile p;
	char *err = NULL;

	ck_assert_int_eq(profile_parse(bad[_i].text, "x.profile", &p, &err), -1);
	check_same_str(err, bad[_i].err, bad[_i].text);
	ck_assert_ptr_null(p.name);
	ck_assert_uint_eq(p.ntitles, 0);
	free(err);
}
END_TEST

START_TEST(test_good)
{
	static const char text[] =
		"# a comment\n"
		"  name :  Data Ops Person  \r\n"
		"\n"
		"title: Data Ops Person\n"
		"title:DataOps Person\n"
		"skill: 5   data quality \n"
		"tool: 100 Power BI:Desktop\n"
		"industry: 1 Finance";
	struct profile p;
	char *err = NULL;

	ck_assert_int_eq(profile_parse(text, "t", &p, &err), 0);
	ck_assert_str_eq(p.name, "Data Ops Person");
	ck_assert_uint_eq(p.ntitles, 2);
	ck_assert_str_eq(p.titles[1], "DataOps Person");
	ck_assert_uint_eq(p.nkeywords, 3);
	ck_assert_int_eq(p.keywords[0].kind, PROFILE_SKILL);
	ck_assert_int_eq(p.keywords[0].weight, 5);
	ck_assert_str_eq(p.keywords[0].phrase, "data quality");
	ck_assert_str_eq(p.keywords[1].phrase, "Power BI:Desktop");
	ck_assert_int_eq(p.keywords[1].weight, 100);
	ck_assert_str_eq(profile_kind_name(p.keywords[2].kind), "industry");
	ck_assert_ptr_null(p.path);
	profile_release(&p);
}
END_TEST

static void load_shipped(struct profile_set *set)
{
	char *err = NULL;

	ck_assert_msg(test_load_shipped_profiles(set, &err) == 0, "%s", err ? err : "");
}

/* Each shipped profile: found by name or file stem, and what it selects. */
struct shipped_case {
	const char *name;	/* as --role would give it */
	const char *title;
	int want;
};

static const struct shipped_case shipped[] = {
	{ "Data Operations Manager", "Data Operations Manager", 1 },
	{ "data operations manager", "Senior DataOps Manager", 1 },
	{ "data-operations-manager", "Data Ops Manager (Remote)", 1 },
	{ "DATA OPERATIONS MANAGER", "Data Operations Lead", 1 },
	{ "Data Operations Manager", "Head of Data Operations", 1 },
	{ "Data Operations Manager", "Data Manager", 0 },
	{ "Data Operations Manager", "Data Engineer", 0 },
	{ "Machine Learning Software Engineer", "ML Engineer", 1 },
	{ "Machine Learning Software Engineer", "Senior MLE", 1 },
	{ "machine-learning-software-engineer", "Machine Learning Engineer - NLP", 1 },
	{ "Machine Learning Software Engineer", "ML Software Engineer II", 1 },
	{ "Machine Learning Software Engineer", "Software Engineer, Machine Learning", 1 },
	{ "Machine Learning Software Engineer", "Software Engineer", 0 },
	{ "Machine Learning Software Engineer", "Machine Learning Research Scientist", 0 },
	{ "Machine Learning Software Engineer", "HTML Engineer", 0 },
};

START_TEST(test_shipped)
{
	const struct shipped_case *c = &shipped[_i];
	struct profile_set set;
	const struct profile *p;

	load_shipped(&set);
	ck_assert_uint_eq(set.n, 2);
	p = profile_find(&set, c->name);
	ck_assert_msg(p != NULL, "no profile '%s'", c->name);
	ck_assert_msg(role_matches_any(c->name, p->titles, c->title) == c->want,
		      "profile '%s' on '%s' != %d", c->name, c->title, c->want);
	profile_set_release(&set);
}
END_TEST

/* The keywords the article names are in the shipped profiles. */
static const struct {
	const char *profile;
	enum profile_kind kind;
	const char *phrase;
} keywords[] = {
	{ "Data Operations Manager", PROFILE_TOOL, "Tableau" },
	{ "Data Operations Manager", PROFILE_TOOL, "Power BI" },
	{ "Data Operations Manager", PROFILE_TOOL, "Informatica" },
	{ "Data Operations Manager", PROFILE_TOOL, "Talend" },
	{ "Data Operations Manager", PROFILE_SKILL, "GDPR" },
	{ "Data Operations Manager", PROFILE_SKILL, "CCPA" },
	{ "Data Operations Manager", PROFILE_SKILL, "data governance" },
	{ "Data Operations Manager", PROFILE_RESPONSIBILITY, "data quality" },
	{ "Data Operations Manager", PROFILE_INDUSTRY, "Healthcare" },
	{ "Machine Learning Software Engineer", PROFILE_TOOL, "TensorFlow" },
	{ "Machine Learning Software Engineer", PROFILE_TOOL, "PyTorch" },
	{ "Machine Learning Software Engineer", PROFILE_TOOL, "scikit-learn" },
	{ "Machine Learning Software Engineer", PROFILE_TOOL, "SageMaker" },
	{ "Machine Learning Software Engineer", PROFILE_SKILL, "feature engineering" },
	{ "Machine Learning Software Engineer", PROFILE_SKILL, "MLOps" },
	{ "Machine Learning Software Engineer", PROFILE_RESPONSIBILITY, "pipelines" },
	{ "Machine Learning Software Engineer", PROFILE_INDUSTRY, "Automotive" },
};

START_TEST(test_shipped_keywords)
{
	struct profile_set set;
	const struct profile *p;
	size_t i;
	int found = 0;

	load_shipped(&set);
	p = profile_find(&set, keywords[_i].profile);
	ck_assert_ptr_nonnull(p);
	for (i = 0; i < p->nkeywords; i++)
		if (p->keywords[i].kind == keywords[_i].kind &&
		    strcmp(p->keywords[i].phrase, keywords[_i].phrase) == 0)
			found = 1;
	ck_assert_msg(found, "'%s' has no %s '%s'", keywords[_i].profile,
		      profile_kind_name(keywords[_i].kind), keywords[_i].phrase);
	profile_set_release(&set);
}
END_TEST

static char *write_profile(const char *dir, const char *file, const char *text)
{
	char *path = xasprintf("%s/%s", dir, file);
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

/* A user profile of a shipped profile's name wins; two in one directory fail. */
START_TEST(test_override)
{
	char tmpl[] = "/tmp/check_profile.XXXXXX", *shipped_dir, *err = NULL, *files[3];
	const char *dirs[3];
	struct profile_set set;
	const struct profile *p;
	size_t i;

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	shipped_dir = test_srcdir_path("contrib/profiles");
	dirs[0] = tmpl;
	dirs[1] = NULL;
	dirs[2] = shipped_dir;
	files[0] = write_profile(tmpl, "mine.profile", "name: data OPERATIONS manager\ntitle: Data Wrangler\n");
	files[1] = write_profile(tmpl, "notes.txt", "not a profile\n");
	ck_assert_int_eq(profile_load_dirs(dirs, 3, &set, &err), 0);
	ck_assert_uint_eq(set.n, 2);
	p = profile_find(&set, "Data Operations Manager");
	ck_assert_uint_eq(p->ntitles, 1);
	ck_assert_str_eq(p->path, files[0]);
	ck_assert_ptr_null(profile_find(&set, "data-operations-manager"));
	ck_assert_ptr_nonnull(profile_find(&set, "mine"));
	ck_assert_ptr_null(profile_find(&set, "Data Wrangler"));
	profile_set_release(&set);

	files[2] = write_profile(tmpl, "other.profile", "name: Data Operations Manager\ntitle: X\n");
	ck_assert_int_eq(profile_load_dirs(dirs, 3, &set, &err), -1);
	ck_assert_ptr_nonnull(strstr(err, "are both named 'Data Operations Manager'"));
	ck_assert_ptr_null(set.v);
	free(err);
	for (i = 0; i < 3; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	rmdir(tmpl);
	free(shipped_dir);
}
END_TEST

START_TEST(test_missing_dir)
{
	const char *dirs[1] = { "/nonexistent/jobstats/profiles" };
	struct profile_set set;
	char *err = NULL;

	ck_assert_int_eq(profile_load_dirs(dirs, 1, &set, &err), 0);
	ck_assert_uint_eq(set.n, 0);
	ck_assert_ptr_null(profile_find(&set, "anything"));
	profile_set_release(&set);
}
END_TEST

START_TEST(test_role_without_profile)
{
	ck_assert_int_eq(role_matches_any("Data Engineer", NULL, "Senior Data Engineer"), 1);
	ck_assert_int_eq(role_matches_any("Data Engineer", NULL, "Data Manager"), 0);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_bad, 0, NCASES(bad));
	tcase_add_test(tc, test_good);
	tcase_add_loop_test(tc, test_shipped, 0, NCASES(shipped));
	tcase_add_loop_test(tc, test_shipped_keywords, 0, NCASES(keywords));
	tcase_add_test(tc, test_override);
	tcase_add_test(tc, test_missing_dir);
	tcase_add_test(tc, test_role_without_profile);
	suite_add_tcase(s, tc);
	return s;
}
