/*
 * check_profile_fit.c - how well a posting fits a role profile: phrase
 * matching, one-letter words, the score, the threshold and its key.
 *
 * The postings are real: short fragments of real saved job-board pages
 * (third-party captures, see ../shared/data/README.md; the pages themselves
 * are not in this repository), quoted as they read once the HTML is
 * stripped, each row naming its page under pages/:
 *   hn-whoishiring/...   "Ask HN: Who is Hiring?" January 2012, saved by
 *                        brianc/node-hacker-news-parser (MIT)
 *   eightfold/...        Netflix's "Data Visualization Engineer (L4) - Ads"
 *                        (JSON-LD description), saved by matchaboar/srajob2
 *   jsonld-misc/...      Neura Robotics (JSON-LD description, HTML entities
 *                        left in), saved by colophon-group/jobseek (MIT; job
 *                        data CC BY-NC 4.0)
 *   hrworks/...          4SELLERS on HRworks, saved by
 *                        saint-net/open-jobs-searcher
 *   pythonorg-jobs/...   a python.org/jobs card (title and its tags), saved
 *                        by SheharaDill/JobMarketIntelligence
 * Rows marked "issue" are shapes written for these tests.  Expected scores
 * were added up by hand from the shipped profiles' weights.
 */
#include "config.h"

#include "check-main.h"
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "profile-fit.h"
#include "profile.h"
#include "testutil.h"
#include "xalloc.h"

#define NCASES(a) ((int)(sizeof(a) / sizeof((a)[0])))

#define DOM "Data Operations Manager"
#define MLSE "Machine Learning Software Engineer"

/* One keyword against one text: the matching rules. */
struct match_case {
	const char *source;
	const char *phrase;
	const char *title;
	const char *description;
	int want;
};

static const struct match_case matches[] = {
	/* punctuation and case */
	{ "issue", "scikit-learn", NULL, "Experience with Scikit Learn or XGBoost", 1 },
	{ "issue", "scikit-learn", NULL, "numpy, pandas, SCIKIT-LEARN.", 1 },
	{ "issue", "Scikit Learn", NULL, "scikit_learn", 1 },
	{ "issue", "scikit-learn", NULL, "scikit", 0 },
	{ "pages/pythonorg-jobs", "machine learning", "Python Machine Learning Engineer",
	  "Machine Learning , ML/Data Engineering", 1 },
	{ "pages/hn-whoishiring/first.html", "Python",
	  NULL, "Experience with python, Qt, numpy, scipy", 1 },
	{ "issue", "Power BI", NULL, "<li>Power&nbsp;BI dashboards</li>", 1 },
	/* whole words, in order, within one part */
	{ "pages/hn-whoishiring/second.html", "SQL", NULL,
	  "RDBMS and NoSQL experience (ideally MongoDB and/or HBase)", 0 },
	{ "pages/hn-whoishiring/second.html", "NoSQL", NULL,
	  "RDBMS and NoSQL experience (ideally MongoDB and/or HBase)", 1 },
	{ "issue", "machine learning", NULL, "learning machine", 0 },
	{ "issue", "machine learning", "Senior Machine", "Learning is our passion", 0 },
	{ "issue", "data quality", "Head of Data Quality", NULL, 1 },
	{ "issue", "Git", NULL, "GitHub and GitLab", 0 },
	/* one-letter words: alone only */
	{ "pages/hn-whoishiring/first.html", "R", NULL,
	  "with a bit of R, Python and what not in the mix.", 1 },
	{ "pages/jsonld-misc/jsonld_neura_robotics_manager.html", "R", NULL,
	  "Collaborate closely with R&amp;D, AI, Product Management, and Quality teams", 0 },
	{ "pages/hrworks/hrworks_jobs.html", "R", NULL,
	  "Mittendrin in der digitalen (R)evolution!", 0 },
	{ "pages/hn-whoishiring/first.html", "C", NULL,
	  "The position requires a strong background in C++, experience in software", 0 },
	{ "issue", "R", NULL, "Python/R", 1 },
	{ "issue", "R", NULL, "statistics (R) or SAS", 1 },
	{ "issue", "R", NULL, "tools such as SAS or R.", 1 },
	{ "issue", "R", "R", NULL, 1 },
	{ "issue", "R", NULL, "R&D", 0 },
	{ "issue", "R", NULL, "R'n'D", 0 },
	{ "issue", "R", NULL, "R.J. Reynolds", 0 },
	{ "issue", "R", NULL, "R-based", 0 },
	{ "issue", "C", NULL, "C#", 0 },
	{ "issue", "C level", NULL, "reports to the C level; owns", 1 },
	{ "issue", "C level", NULL, "C-level", 1 },
	{ "pages/hn-whoishiring/second.html", "E-commerce", NULL,
	  "Rangespan is an ambitious e-commerce and supply chain software company", 1 },
	/* nothing to read */
	{ "issue", "Python", NULL, NULL, 0 },
	{ "issue", "Python", "", "", 0 },
	{ "issue", "Python", "Python Developer", NULL, 1 },
};

/* A profile of one keyword, weight 3. */
static void one_keyword(struct profile *p, const char *phrase)
{
	char *text = xasprintf("name: T\ntitle: T\nskill: 3 %s\n", phrase), *err = NULL;

	ck_assert_msg(profile_parse(text, "t", p, &err) == 0, "%s", err ? err : "");
	free(text);
}

START_TEST(test_match)
{
	const struct match_case *c = &matches[_i];
	struct profile p;
	struct fit_text t;
	unsigned char found = 2;

	one_keyword(&p, c->phrase);
	fit_text_init(&t);
	fit_text_set(&t, c->title, c->description);
	ck_assert_msg(profile_fit_score(&p, &t, &found) == 3 * c->want && found == c->want,
		      "'%s' in title '%s' description '%s' (%s): found %d, want %d", c->phrase,
		      c->title ? c->title : "(null)", c->description ? c->description : "(null)",
		      c->source, found, c->want);
	fit_text_release(&t);
	profile_release(&p);
}
END_TEST

/* A keyword counts once however often it appears; distinct ones add up. */
START_TEST(test_counted_once)
{
	static const char text[] = "name: T\ntitle: T\nskill: 4 Python\ntool: 2 Git\n"
				   "industry: 1 Finance\n";
	struct profile p;
	struct fit_text t;
	unsigned char found[3];
	char *err = NULL;

	ck_assert_int_eq(profile_parse(text, "t", &p, &err), 0);
	fit_text_init(&t);
	fit_text_set(&t, "Python Developer", "Python, python and PYTHON; git or Git.");
	ck_assert_int_eq(profile_fit_score(&p, &t, found), 6);
	ck_assert_int_eq(found[0], 1);
	ck_assert_int_eq(found[1], 1);
	ck_assert_int_eq(found[2], 0);
	ck_assert_int_eq(profile_fit_score(&p, &t, NULL), 6);
	/* the same fit_text, reused for a shorter posting, forgets the first */
	fit_text_set(&t, NULL, "Finance");
	ck_assert_int_eq(profile_fit_score(&p, &t, found), 1);
	ck_assert_int_eq(found[0], 0);
	fit_text_release(&t);
	fit_text_release(&t);	/* harmless twice */
	profile_release(&p);
}
END_TEST

static void load_shipped(struct profile_set *set)
{
	char *err = NULL;

	ck_assert_msg(test_load_shipped_profiles(set, &err) == 0, "%s", err ? err : "");
}

/* A real posting against both shipped profiles. */
struct posting_case {
	const char *source;
	const char *title;
	const char *description;
	int dom_score, mlse_score;
	const char *dom_found, *mlse_found;	/* the phrases found, ", " between */
};

static const struct posting_case postings[] = {
	{ "pages/hn-whoishiring/first.html", "Scientific Software Developer",
	  "Current ilastik development seeks to bring the power of interactive machine "
	  "learning to very large data sets. [...] The position requires a strong background "
	  "in C++, experience in software engineering applied to large projects, and the "
	  "skills to integrate existing algorithms and functionality into a unifying "
	  "biomedical processing framework. Experience with python, Qt, numpy, scipy and "
	  "scientific parallel programming is a plus. Good communication skills are "
	  "essential",
	  2, 13, "communication", "algorithms, Python, machine learning" },
	{ "pages/hn-whoishiring/second.html", "Software Developer",
	  "Software Developers should have: - a BS or MS degree in Computer Science or "
	  "equivalent - Fluency with Python - Proficiency with Django, MongoDB and MySQL [...] "
	  "- Bonus points for those with catalogue and machine learning skills Data "
	  "Scientists should have: - a MS or PhD in computer science, computational "
	  "linguistics, statistics, applied math - Experience with HDFS, Hadoop, Hive/Pig - "
	  "RDBMS and NoSQL experience (ideally MongoDB and/or HBase) [...] Rangespan is an "
	  "ambitious e-commerce and supply chain software company",
	  7, 12, "NoSQL, MySQL, MongoDB, E-commerce",
	  "Python, machine learning, statistics, E-commerce" },
	/* The one BI posting the saved pages hold: it leans to the Data
	 * Operations profile, yet under its default threshold (12), as no
	 * real posting in the saved pages reaches it. */
	{ "pages/eightfold/spidercloud_netflix_job_detail_790313323421_raw_html.extracted.html",
	  "Data Visualization Engineer (L4) - Ads",
	  "We are seeking a highly empathetic and curious self-starter who is eager to deliver "
	  "and develop their skills in front-end engineering, data visualization, and product "
	  "development. [...] transforming complex, messy data into engaging and informative "
	  "visualizations that clearly explain key business trends to stakeholders and "
	  "executives. [...] You’re familiar with working with data teams who craft metrics "
	  "and know how to query data using skills like SQL or GraphQL.",
	  8, 0, "stakeholders, data visualization, SQL", "" },
	{ "pages/jsonld-misc/jsonld_neura_robotics_manager.html",
	  "Manager Ecosystem Integration & Certification (Human)",
	  "<li>Collaborate closely with R&amp;D, AI, Product Management, and Quality teams on "
	  "system validation</li>",
	  0, 0, "", "" },
	{ "issue", "Machine Learning Engineer", NULL, 0, 5, "", "machine learning" },
	{ "issue", NULL, NULL, 0, 0, "", "" },
};

/* The phrases of p that found marks, ", " between, in p's order. */
static char *found_phrases(const struct profile *p, const unsigned char *found)
{
	struct buf b = BUF_INIT;
	size_t i;

	buf_appends(&b, "");
	for (i = 0; i < p->nkeywords; i++)
		if (found[i])
			buf_printf(&b, "%s%s", b.len ? ", " : "", p->keywords[i].phrase);
	return buf_detach(&b);
}

static void check_posting(const struct profile *p, const struct fit_text *t, int want,
			  const char *want_found, const char *source)
{
	unsigned char *found = xcalloc(p->nkeywords, 1);
	int score = profile_fit_score(p, t, found);
	char *got = found_phrases(p, found);

	ck_assert_msg(score == want, "%s: '%s' scores %d, want %d (found %s)", source, p->name,
		      score, want, got);
	check_same_str(got, want_found, source);
	ck_assert_int_eq(profile_fits(p, t), score >= profile_threshold(p));
	free(got);
	free(found);
}

START_TEST(test_postings)
{
	const struct posting_case *c = &postings[_i];
	struct profile_set set;
	struct fit_text t;

	load_shipped(&set);
	fit_text_init(&t);
	fit_text_set(&t, c->title, c->description);
	check_posting(profile_find(&set, DOM), &t, c->dom_score, c->dom_found, c->source);
	check_posting(profile_find(&set, MLSE), &t, c->mlse_score, c->mlse_found, c->source);
	fit_text_release(&t);
	profile_set_release(&set);
}
END_TEST

/* The real ML postings fit the ML profile and not the Data Operations one. */
START_TEST(test_ml_fits)
{
	struct profile_set set;
	struct fit_text t;
	int i;

	load_shipped(&set);
	fit_text_init(&t);
	for (i = 0; i < 2; i++) {
		fit_text_set(&t, postings[i].title, postings[i].description);
		ck_assert_msg(profile_fits(profile_find(&set, MLSE), &t), "%s", postings[i].source);
		ck_assert_msg(!profile_fits(profile_find(&set, DOM), &t), "%s", postings[i].source);
	}
	fit_text_release(&t);
	profile_set_release(&set);
}
END_TEST

/* The default threshold of the shipped profiles: the ten heaviest weights
 * are 5 5 5 4 4 3 3 3 3 3 (38) and 5 5 4 4 4 4 4 4 3 3 (40). */
START_TEST(test_shipped_threshold)
{
	struct profile_set set;

	load_shipped(&set);
	ck_assert_int_eq(profile_find(&set, DOM)->threshold, 0);
	ck_assert_int_eq(profile_threshold(profile_find(&set, DOM)), 12);
	ck_assert_int_eq(profile_threshold(profile_find(&set, MLSE)), 12);
	profile_set_release(&set);
}
END_TEST

/* Profile text and the threshold it gives. */
static const struct {
	const char *text;
	int want;
} thresholds[] = {
	{ "name: X\ntitle: X\nthreshold: 7\nskill: 5 SQL\n", 7 },
	{ "name: X\ntitle: X\nskill: 5 SQL\n  threshold :  10000 \n", 10000 },
	{ "name: X\ntitle: X\n", 1 },
	{ "name: X\ntitle: X\nskill: 1 SQL\n", 1 },
	{ "name: X\ntitle: X\nskill: 10 SQL\ntool: 1 Git\n", 4 },
	/* eleven of 100: the ten heaviest make 1000, 30% of which is 300 */
	{ "name: X\ntitle: X\nskill: 100 a1\nskill: 100 a2\nskill: 100 a3\nskill: 100 a4\n"
	  "skill: 100 a5\nskill: 1 a0\nskill: 100 a6\nskill: 100 a7\nskill: 100 a8\n"
	  "skill: 100 a9\nskill: 100 a10\n", 300 },
};

START_TEST(test_threshold)
{
	struct profile p;
	char *err = NULL;

	ck_assert_msg(profile_parse(thresholds[_i].text, "t", &p, &err) == 0, "%s",
		      err ? err : "");
	ck_assert_int_eq(profile_threshold(&p), thresholds[_i].want);
	profile_release(&p);
}
END_TEST

/* "threshold:" and keyword text that does not parse, and the message. */
static const struct {
	const char *text;
	const char *err;
} bad[] = {
	{ "name: X\ntitle: X\nthreshold: 0\n", "profile 'x.profile' line 3: expected a whole "
	  "number from 1 to 10000 after 'threshold:'" },
	{ "name: X\ntitle: X\nthreshold: 10001\n", "profile 'x.profile' line 3: expected a "
	  "whole number from 1 to 10000 after 'threshold:'" },
	{ "name: X\ntitle: X\nthreshold: -3\n", "profile 'x.profile' line 3: expected a whole "
	  "number from 1 to 10000 after 'threshold:'" },
	{ "name: X\ntitle: X\nthreshold: twelve\n", "profile 'x.profile' line 3: expected a "
	  "whole number from 1 to 10000 after 'threshold:'" },
	{ "name: X\ntitle: X\nthreshold: 12 points\n", "profile 'x.profile' line 3: expected "
	  "a whole number from 1 to 10000 after 'threshold:'" },
	{ "name: X\ntitle: X\nthreshold: 1.5\n", "profile 'x.profile' line 3: expected a "
	  "whole number from 1 to 10000 after 'threshold:'" },
	{ "name: X\ntitle: X\nthreshold:\n",
	  "profile 'x.profile' line 3: no value after 'threshold:'" },
	{ "name: X\nthreshold: 5\ntitle: X\n# again\nthreshold: 5\n",
	  "profile 'x.profile' line 5: a second 'threshold:'" },
	{ "name: X\ntitle: X\nTHRESHOLD: 5\n", "profile 'x.profile' line 3: unknown key "
	  "'THRESHOLD'" },
	{ "name: X\ntitle: X\nskill: 3 ++\n", "profile 'x.profile' line 3: skill '++' has no "
	  "words" },
};

START_TEST(test_bad)
{
	struct profile p;
	char *err = NULL;

	ck_assert_int_eq(profile_parse(bad[_i].text, "x.profile", &p, &err), -1);
	check_same_str(err, bad[_i].err, bad[_i].text);
	ck_assert_int_eq(p.threshold, 0);
	free(err);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("profile_fit");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_match, 0, NCASES(matches));
	tcase_add_test(tc, test_counted_once);
	tcase_add_loop_test(tc, test_postings, 0, NCASES(postings));
	tcase_add_test(tc, test_ml_fits);
	tcase_add_test(tc, test_shipped_threshold);
	tcase_add_loop_test(tc, test_threshold, 0, NCASES(thresholds));
	tcase_add_loop_test(tc, test_bad, 0, NCASES(bad));
	suite_add_tcase(s, tc);
	return s;
}
