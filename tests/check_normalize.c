/*
 * check_normalize.c - level, work arrangement, country and employment type,
 * table-driven.  Labels, titles and locations are real strings from the
 * pages and cards in ../shared/data (ai-jobs.net cards, LinkedIn, Indeed,
 * We Work Remotely, JSON-LD postings) unless a comment says otherwise.
 */
#include "config.h"

#include "check-main.h"
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* NULL and a string compare equal only to NULL. */
static void assert_same(const char *got, const char *want, const char *input)
{
	if (want == NULL)
		ck_assert_msg(got == NULL, "'%s': got '%s', want NULL", input, got);
	else
		ck_assert_msg(got != NULL && strcmp(got, want) == 0, "'%s': got '%s', want '%s'",
			      input, got ? got : "(null)", want);
}

static const struct {
	const char *label, *title, *want;
} level_cases[] = {
	/* the seed board's labels */
	{ "Entry-level / Junior", NULL, "EN" },
	{ "Mid-level / Intermediate", NULL, "MI" },
	{ "Senior-level / Expert", NULL, "SE" },
	{ "Executive-level / Director", NULL, "EX" },
	/* LinkedIn's "Seniority level" */
	{ "Internship", NULL, "EN" },
	{ "Entry level", NULL, "EN" },
	{ "Associate", NULL, "MI" },
	{ "Mid-Senior level", NULL, "SE" },
	{ "Director", NULL, "EX" },
	{ "Executive", NULL, "EX" },
	{ "Not Applicable", "Software Engineer", NULL },
	{ "Not Applicable", "Senior Software Engineer", "SE" },
	/* codes, and the label winning over the title */
	{ "EN", NULL, "EN" }, { "mi", NULL, "MI" }, { " SE ", NULL, "SE" }, { "EX", NULL, "EX" },
	{ "Mid-level / Intermediate", "Senior Data Engineer", "MI" },
	/* ai-jobs.net card titles */
	{ NULL, "Senior NLP/LLM Data Scientist", "SE" },
	{ NULL, "Data Scientist, Senior", "SE" },
	{ NULL, "Lead Principal Data Scientist, R&D (f/m/d)", "SE" },
	{ NULL, "Associate Data Scientist", NULL },
	{ NULL, "Data Scientist (f/m)", NULL },
	{ NULL, "Ing\xc3\xa9nieur(e) Data Scientist confirm\xc3\xa9(e) - Industrie - Toulouse",
	  NULL },
	/* LinkedIn card titles */
	{ NULL, "Data Analytics Internship", "EN" },
	{ NULL, "Intern - Metaverse", "EN" },
	{ NULL, "Intern*", "EN" },
	{ NULL, "undergrad intern, cybersecurity analyst - Summer 2022 Internship", "EN" },
	{ NULL, "Data Science & Analytics Internship (Graduate)", "EN" },
	{ NULL, "Procurement Leadership Development Program (PLDP)- 2022 Summer Internship.",
	  "EN" },
	/* title words the brief names (written here) */
	{ NULL, "Sr. Data Engineer", "SE" }, { NULL, "Sr Data Engineer", "SE" },
	{ NULL, "Staff Software Engineer", "SE" }, { NULL, "Jr. Data Analyst", "EN" },
	{ NULL, "Graduate Data Analyst", "EN" }, { NULL, "Trainee Data Engineer", "EN" },
	{ NULL, "Entry Level Data Analyst", "EN" }, { NULL, "Head of Data", "EX" },
	{ NULL, "VP of Engineering", "EX" }, { NULL, "Vice President, Data Science", "EX" },
	{ NULL, "Chief Data Officer", "EX" }, { NULL, "CTO", "EX" }, { NULL, "CDO", "EX" },
	{ NULL, "Senior Director, Analytics", "EX" },
	{ NULL, "Director of Machine Learning", "EX" },
	/* no level to be read */
	{ NULL, "Data Entry Clerk", NULL }, { NULL, "Senior Data Entry Clerk", "SE" },
	{ NULL, "Data Engineer", NULL }, { NULL, "Machine Learning Software Engineer", NULL },
	{ NULL, "Data Operations Manager", NULL }, { NULL, "Staffing Coordinator", NULL },
	{ NULL, "Seniority Analyst", NULL }, { NULL, NULL, NULL }, { "", "", NULL },
};

START_TEST(test_level)
{
	assert_same(level_normalize(level_cases[_i].label, level_cases[_i].title),
		    level_cases[_i].want,
		    level_cases[_i].title ? level_cases[_i].title : level_cases[_i].label);
}
END_TEST

static const struct {
	const char *code, *name;
} level_name_cases[] = {
	{ "EN", "Entry-level / Junior" }, { "MI", "Mid-level / Intermediate" },
	{ "SE", "Senior-level / Expert" }, { "EX", "Executive-level / Director" },
	{ "XX", NULL }, { NULL, NULL },
};

START_TEST(test_level_name)
{
	const char *code = level_name_cases[_i].code, *name = level_name(code);

	assert_same(name, level_name_cases[_i].name, code ? code : "(null)");
	if (name != NULL)
		assert_same(level_normalize(name, NULL), code, name);
}
END_TEST

static const struct {
	const char *location, *hint;
	int onsite_if_place;
	const char *want;
} arrangement_cases[] = {
	{ "Remote (anywhere in the U.S.)", NULL, 0, "remote" },
	{ "Remote - US", NULL, 0, "remote" },
	{ "Remote, United States", NULL, 1, "remote" },
	{ "Anywhere in the World", NULL, 0, "remote" },
	{ "Work from home", NULL, 0, "remote" },
	{ "WFH - India", NULL, 1, "remote" },
	{ NULL, "TELECOMMUTE", 0, "remote" },
	{ "New York, NY", "TELECOMMUTE", 1, "remote" },
	{ "Hybrid work in Bengaluru, Karnataka", NULL, 1, "hybrid" },
	{ "Hybrid - London", NULL, 0, "hybrid" },
	{ "Hybrid remote in Austin, TX", NULL, 0, "hybrid" },
	{ "On-site", NULL, 0, "onsite" },
	{ "Onsite - Berlin", NULL, 0, "onsite" },
	{ "In office, New York, NY", NULL, 0, "onsite" },
	{ "New York, NY 10016", NULL, 1, "onsite" },
	{ "New York, NY 10016", NULL, 0, NULL },
	{ "Bengaluru, Karnataka", NULL, 1, "onsite" },
	{ "", NULL, 1, NULL },
	{ " , ", NULL, 1, NULL },
	{ NULL, NULL, 1, NULL },
};

START_TEST(test_arrangement)
{
	assert_same(location_arrangement(arrangement_cases[_i].location, arrangement_cases[_i].hint,
					 arrangement_cases[_i].onsite_if_place),
		    arrangement_cases[_i].want,
		    arrangement_cases[_i].location ? arrangement_cases[_i].location
						   : arrangement_cases[_i].hint);
}
END_TEST

static const struct {
	const char *location, *hint, *want;
} country_cases[] = {
	/* JSON-LD addressCountry and other structured values */
	{ NULL, "US", "US" }, { NULL, "United States", "US" }, { NULL, "United Kingdom", "GB" },
	{ NULL, "Netherlands", "NL" }, { NULL, "Mexico", "MX" }, { NULL, "USA", "US" },
	{ NULL, "GBR", "GB" }, { NULL, "DEU", "DE" }, { NULL, "IND", "IN" }, { NULL, "CAN", "CA" },
	{ NULL, "uk", "GB" }, { NULL, "de", "DE" }, { NULL, "KE", "KE" },
	{ "Berlin, Germany", "Narnia", "DE" }, { "Berlin, Germany", "", "DE" },
	/* US boards */
	{ "Remote (anywhere in the U.S.)", NULL, "US" },
	{ "Austin, TX", NULL, "US" }, { "Rochester, NY", NULL, "US" },
	{ "New York, NY 10016", NULL, "US" }, { "Brooklyn, NY 11210", NULL, "US" },
	{ "Indianapolis, IN", NULL, "US" }, { "Remote - US", NULL, "US" },
	{ "Remote, United States", NULL, "US" },
	/* Indian and European boards, ai-jobs.net cards */
	{ "Bengaluru, Karnataka", NULL, "IN" }, { "Banaswadi, Bengaluru, Karnataka", NULL, "IN" },
	{ "London, United Kingdom", NULL, "GB" }, { "London, GB, W2 6BD", NULL, "GB" },
	{ "Berlin, Germany", NULL, "DE" }, { "M\xc3\xbcnchen, DE, 80686", NULL, "DE" },
	{ "Ludwigshafen am Rhein, DE", NULL, "DE" },
	{ "bundesweit, BE, DE, 10405, 204", NULL, "DE" },
	{ "Eschborn / Frankfurt (Main), HE, DE, 65760", NULL, "DE" },
	{ "CDR (Amsterdam - Cedar), Netherlands", NULL, "NL" },
	{ "Den Haag, Netherlands", NULL, "NL" },
	{ "Warszawa, PL", NULL, "PL" }, { "Warsaw, Masovian Voivodeship, Poland", NULL, "PL" },
	{ "Madrid, ES", NULL, "ES" }, { "MADRID, ES", NULL, "ES" },
	{ "Barcelona, ES; Madrid, ES; Mallorca, ES; Sevilla, \xe2\x80\xa6", NULL, "ES" },
	{ "Barcelona, Catalunya [Catalu\xc3\xb1" "a], Spain", NULL, "ES" },
	{ "ES - Central Victoria - Pozuelo Headquarters, \xe2\x80\xa6", NULL, "ES" },
	{ "Saint-Ouen, FR", NULL, "FR" }, { "Toulouse, Occitanie, France", NULL, "FR" },
	{ "Kyiv, Ukraine", NULL, "UA" }, { "Metamorfosi, Attica, Greece", NULL, "GR" },
	{ "Zurich, Switzerland", NULL, "CH" }, { "CH - Basel, Switzerland", NULL, "CH" },
	{ "Stockholm, Sweden", NULL, "SE" },
	{ "GBR, Cambridgeshire (RAF Molesworth Huntingdon Cambridgeshire), United \xe2\x80\xa6",
	  NULL, "GB" },
	{ "IT-FI-FLORENCE-VIA FELICE MATTEUCCI 2, Italy", NULL, "IT" },
	/* ambiguities (written here) */
	{ "Toronto, ON", NULL, "CA" }, { "Toronto, CA", NULL, "CA" }, { "Dublin, CA", NULL, "US" },
	{ "Dublin, Ireland", NULL, "IE" }, { "London, Ontario, Canada", NULL, "CA" },
	{ "Santa Fe, New Mexico", NULL, "US" }, { "Mexico City, Mexico", NULL, "MX" },
	{ "Sydney, New South Wales", NULL, "AU" }, { "Join us in Berlin", NULL, "DE" },
	{ "Bengaluru, IN", NULL, "IN" }, { "Remote (EST)", NULL, "" },
	/* nothing to go on */
	{ "Remote", NULL, "" }, { "Anywhere", NULL, "" }, { "", NULL, "" }, { NULL, NULL, "" },
};

START_TEST(test_country)
{
	char out[3] = "??";

	location_country(country_cases[_i].location, country_cases[_i].hint, out);
	ck_assert_msg(strcmp(out, country_cases[_i].want) == 0, "'%s' / '%s': got '%s', want '%s'",
		      country_cases[_i].location ? country_cases[_i].location : "(null)",
		      country_cases[_i].hint ? country_cases[_i].hint : "(null)", out,
		      country_cases[_i].want);
}
END_TEST

static const struct {
	const char *text, *want;
} emptype_cases[] = {
	{ "Full Time", "FT" }, { "full-time", "FT" }, { "FULL_TIME", "FT" }, { "Full-time", "FT" },
	{ "FullTime", "FT" }, { "Permanent", "FT" }, { "Part Time", "PT" }, { "PART_TIME", "PT" },
	{ "part-time", "PT" }, { "Permanent, Part-time", "PT" }, { "Contract", "CT" },
	{ "Contractor", "CT" }, { "CONTRACTOR", "CT" }, { "Temporary contract", "CT" },
	{ "Contract-to-hire", "CT" }, { "Freelance", "FL" }, { "Internship", "IN" },
	{ "INTERN", "IN" }, { "Intern", "IN" }, { "Full Time Internship", "IN" },
	{ "Temporary", "TE" }, { "TEMPORARY", "TE" }, { "Seasonal", "TE" }, { "PER_DIEM", "TE" },
	{ "VOLUNTEER", NULL }, { "OTHER", NULL }, { "Contractual obligations", NULL },
	{ "", NULL }, { NULL, NULL },
};

START_TEST(test_emptype)
{
	assert_same(employment_type_normalize(emptype_cases[_i].text), emptype_cases[_i].want,
		    emptype_cases[_i].text ? emptype_cases[_i].text : "(null)");
}
END_TEST

static const struct {
	const char *text, *phrase;
	int fold;
	int want_at;	/* offset of the match, -1 for none */
} find_cases[] = {
	{ "FULL_TIME", "full time", 1, 0 }, { "Full-Time", "full time", 1, 0 },
	{ "Remote - US", "US", 0, 9 }, { "join us", "US", 0, -1 }, { "USA", "US", 0, -1 },
	{ "in the U.S.)", "U.S.", 0, 7 }, { "Staffing", "staff", 1, -1 },
	{ NULL, "x", 1, -1 }, { "x", NULL, 1, -1 }, { "x", "", 1, -1 },
};

START_TEST(test_find_word)
{
	const char *t = find_cases[_i].text;
	const char *got = normalize_find_word(t, find_cases[_i].phrase, find_cases[_i].fold, NULL);

	ck_assert_int_eq(got ? (int)(got - t) : -1, find_cases[_i].want_at);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("normalize");

	tcase_add_loop_test(tc, test_level, 0, COUNT(level_cases));
	tcase_add_loop_test(tc, test_level_name, 0, COUNT(level_name_cases));
	tcase_add_loop_test(tc, test_arrangement, 0, COUNT(arrangement_cases));
	tcase_add_loop_test(tc, test_country, 0, COUNT(country_cases));
	tcase_add_loop_test(tc, test_emptype, 0, COUNT(emptype_cases));
	tcase_add_loop_test(tc, test_find_word, 0, COUNT(find_cases));
	suite_add_tcase(s, tc);
	return s;
}
