/*
 * check_level.c - level_detect and level_name, table-driven.
 *
 * Titles are real: from the aijobs.net salary index (salary data: aijobs.net
 * salary index, CC0), the ai-jobs.net cards, and the LinkedIn, Monster and
 * Indeed pages in ../shared/data/pages.  Labels are the seed board's four,
 * the LinkedIn page's "Seniority level", and LinkedIn's labels in other
 * languages.  Each expected level is what the title or label itself says,
 * written by hand; a title that states no level expects NULL.
 */
#include "config.h"

#include "check-main.h"

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *label, *title, *hints, *want;
} cases[] = {
	/* the seed board's labels */
	{ "Entry-level / Junior", NULL, NULL, "EN" },
	{ "Mid-level / Intermediate", NULL, NULL, "MI" },
	{ "Senior-level / Expert", NULL, NULL, "SE" },
	{ "Executive-level / Director", NULL, NULL, "EX" },
	/* LinkedIn's "Seniority level", English (the saved page says Not Applicable) */
	{ "Internship", NULL, NULL, "EN" }, { "Entry level", NULL, NULL, "EN" },
	{ "Associate", NULL, NULL, "MI" }, { "Mid-Senior level", NULL, NULL, "SE" },
	{ "Director", NULL, NULL, "EX" }, { "Executive", NULL, NULL, "EX" },
	{ "Not Applicable", "Power Monitoring Execution Engineer, Google Data Center", NULL, NULL },
	{ "Not Applicable", "Senior Software Engineer", NULL, "SE" },
	{ "MID_SENIOR_LEVEL", NULL, NULL, "SE" }, { "ENTRY_LEVEL", NULL, NULL, "EN" },
	/* LinkedIn, Spanish (its f_E filter: 1 Prácticas ... 6 Ejecutivo) */
	{ "Pr\xc3\xa1" "cticas", NULL, NULL, "EN" }, { "Sin experiencia", NULL, NULL, "EN" },
	{ "Algo de responsabilidad", NULL, NULL, "MI" }, { "Intermedio", NULL, NULL, "SE" },
	{ "Director", "Analista de Datos", NULL, "EX" }, { "Ejecutivo", NULL, NULL, "EX" },
	{ "No corresponde", "Analista de Datos", NULL, NULL },
	/* Italian */
	{ "Stage", NULL, NULL, "EN" }, { "Esperienza minima", NULL, NULL, "EN" },
	{ "Livello base", NULL, NULL, "EN" }, { "Livello medio", NULL, NULL, "MI" },
	{ "Livello medio-alto", NULL, NULL, "SE" }, { "Direttore", NULL, NULL, "EX" },
	{ "Dirigente", NULL, NULL, "EX" }, { "Non applicabile", NULL, NULL, NULL },
	/* Portuguese (Brazil): Júnior is LinkedIn's Associate, read as the word says */
	{ "Est\xc3\xa1gio", NULL, NULL, "EN" }, { "Assistente", NULL, NULL, "EN" },
	{ "J\xc3\xbanior", NULL, NULL, "EN" }, { "Pleno-s\xc3\xaanior", NULL, NULL, "SE" },
	{ "Diretor", NULL, NULL, "EX" }, { "Executivo", NULL, NULL, "EX" },
	/* French and German */
	{ "Premier emploi", NULL, NULL, "EN" }, { "Confirm\xc3\xa9", NULL, NULL, "SE" },
	{ "Directeur", NULL, NULL, "EX" }, { "Praktikum", NULL, NULL, "EN" },
	{ "Einstiegslevel", NULL, NULL, "EN" }, { "Mid-Senior-Level", NULL, NULL, "SE" },
	{ "Direktor", NULL, NULL, "EX" }, { "Nicht zutreffend", NULL, NULL, NULL },
	/* codes, and the label winning over the title */
	{ "EN", NULL, NULL, "EN" }, { "mi", NULL, NULL, "MI" }, { " SE ", NULL, NULL, "SE" },
	{ "EX", NULL, NULL, "EX" }, { "Mid-level / Intermediate", "Lead Data Engineer", NULL, "MI" },
	/* hints: Indeed's job type "Fresher" (in.indeed.com), an ATS facet (HRworks) */
	{ NULL, "Data Analyst", "Fresher", "EN" },
	{ NULL, "Data Analyst", "Berufseinsteiger", "EN" },
	{ "Not Applicable", "Data Analyst", "Mid-Senior level", "SE" },
	{ "Entry level", "Data Analyst", "Mid-Senior level", "EN" },
	/* aijobs.net salary index titles that state a level */
	{ NULL, "Lead Data Engineer", NULL, "SE" }, { NULL, "Lead Analyst", NULL, "SE" },
	{ NULL, "Data Scientist Lead", NULL, "SE" }, { NULL, "AI Lead", NULL, "SE" },
	{ NULL, "Data Analytics Team Lead", NULL, "SE" }, { NULL, "Tech Lead", NULL, "SE" },
	{ NULL, "Machine Learning Tech Lead", NULL, "SE" },
	{ NULL, "Principal Data Scientist", NULL, "SE" },
	{ NULL, "Principal Statistical Programmer", NULL, "SE" },
	{ NULL, "Principal Researcher", NULL, "SE" },
	{ NULL, "Staff Machine Learning Engineer", NULL, "SE" },
	{ NULL, "Staff Data Analyst", NULL, "SE" }, { NULL, "Head of Data", NULL, "EX" },
	{ NULL, "Head of Machine Learning", NULL, "EX" },
	{ NULL, "Director of Business Intelligence", NULL, "EX" },
	{ NULL, "Director of Machine Learning", NULL, "EX" },
	/* ... a "Stage" is an internship (fr, it) */
	{ NULL, "Stage", NULL, "EN" },
	/* ... and titles that state none: a manager leads a team at any level */
	{ NULL, "Data Engineer", NULL, NULL }, { NULL, "Machine Learning Software Engineer", NULL, NULL },
	{ NULL, "Data Operations Manager", NULL, NULL }, { NULL, "Manager", NULL, NULL },
	{ NULL, "AI Engineering Manager", NULL, NULL },
	/* an account executive sells; MTS is any engineer at some labs */
	{ NULL, "Enterprise Account Executive", NULL, NULL },
	{ NULL, "Member of Technical Staff", NULL, NULL },
	/* a trailing Associate is a bank rank (mid) or a generic grade: unknown */
	{ NULL, "Data Analytics Associate", NULL, NULL }, { NULL, "Research Associate", NULL, NULL },
	{ NULL, "Associate", NULL, NULL },
	/* grades in digits differ by company; a postdoc is a research post */
	{ NULL, "Machine Learning Engineer 5", NULL, NULL },
	{ NULL, "Postdoctoral Fellow", NULL, NULL }, { NULL, "Analista de Datos", NULL, NULL },
	{ NULL, "Research Assistant", NULL, NULL }, { NULL, "Solutions Architect", NULL, NULL },
	/* ai-jobs.net card titles */
	{ NULL, "Senior NLP/LLM Data Scientist", NULL, "SE" },
	{ NULL, "Data Scientist, Senior", NULL, "SE" },
	{ NULL, "Lead Principal Data Scientist, R&D (f/m/d)", NULL, "SE" },
	{ NULL, "Data Scientist (f/m)", NULL, NULL },
	/* "confirmé(e)": some years' experience, the French boards' middle step */
	{ NULL, "Ing\xc3\xa9nieur(e) Data Scientist confirm\xc3\xa9(e) - Industrie - Toulouse",
	  NULL, "MI" },
	/* LinkedIn card titles (US search, 2022) */
	{ NULL, "Data Analytics Internship", NULL, "EN" }, { NULL, "Intern - Metaverse", NULL, "EN" },
	{ NULL, "Intern*", NULL, "EN" }, { NULL, "Intern *", NULL, "EN" },
	{ NULL, "undergrad intern, cybersecurity analyst - Summer 2022 Internship", NULL, "EN" },
	{ NULL, "Data Science & Analytics Internship (Graduate)", NULL, "EN" },
	{ NULL, "Finance Internship (Undergraduate)", NULL, "EN" },
	{ NULL, "Government Relations Internship (Washington, DC)", NULL, "EN" },
	{ NULL, "Procurement Leadership Development Program (PLDP)- 2022 Summer Internship.",
	  NULL, "EN" },
	{ NULL, "AT&T Labs Internship \xe2\x94\x80 Undergraduate & Masters Degrees", NULL,
	  "EN" },
	/* LinkedIn, Sweden (2024): civil-service titles with no level word */
	{ NULL, "Kvalificerad handl\xc3\xa4ggare", NULL, NULL },
	{ NULL, "Regulatorisk handl\xc3\xa4ggare tidsbegr\xc3\xa4nsad", NULL, NULL },
	/* Monster (US, 2020) */
	{ NULL, "Sr Java Developer with FIS Xpress -100% Remote Work", NULL, "SE" },
	{ NULL, "Senior Mortgage Banker - Remote", NULL, "SE" },
	{ NULL, "Principal Quality Auditor (Remote) (640646)", NULL, "SE" },
	{ NULL, "GRADUATE STUDENT-R&D - ASTROPHYSICS/REMOTE SENSING 15-01433", NULL, "EN" },
	{ NULL, "Remote Staff Accountant", NULL, NULL },
	{ NULL, "Senior Relationship Manager - Remote Pacific Northwest", NULL, "SE" },
	{ NULL, "Value-Based Solutions Manager - Remote", NULL, NULL },
	/* Indeed India (2024): a plural of Fresher; Glassdoor (US): "Grad" is graduate */
	{ NULL, "Java Developers - Freshers", NULL, "EN" },
	{ NULL, "Software Engineer, University Grad", NULL, "EN" },
	{ NULL, "New Grad Software Engineer", NULL, "EN" },
	/* ... and the other words for the people hired, in the plural (written here) */
	{ NULL, "Summer Interns - Data Science", NULL, "EN" },
	{ NULL, "Software Engineering Graduates 2025", NULL, "EN" },
	{ NULL, "Data Apprentices", NULL, "EN" }, { NULL, "Retail Trainees", NULL, "EN" },
	{ NULL, "Internal Audit Analyst", NULL, NULL }, { NULL, "Gradle Build Engineer", NULL, NULL },
	/* rooster.html (India), HRworks (Germany) */
	{ NULL, "Digital Marketing Intern", NULL, "EN" },
	{ NULL, "K\xc3\xbc" "chenprofi (m/w/d) in Teilzeit f\xc3\xbcr unsere Betriebskantine", NULL,
	  NULL },
	/* title words the brief names, and their traps (written here) */
	{ NULL, "Sr. Data Engineer", NULL, "SE" }, { NULL, "Jr. Data Analyst", NULL, "EN" },
	{ NULL, "Graduate Data Analyst", NULL, "EN" }, { NULL, "Trainee Data Engineer", NULL, "EN" },
	{ NULL, "Entry Level Data Analyst", NULL, "EN" }, { NULL, "Associate Data Scientist", NULL, "EN" },
	{ NULL, "VP of Engineering", NULL, "EX" }, { NULL, "Vice President, Data Science", NULL, "EX" },
	{ NULL, "Chief Data Officer", NULL, "EX" }, { NULL, "CTO", NULL, "EX" },
	{ NULL, "Senior Director, Analytics", NULL, "EX" }, { NULL, "Associate Director, Data", NULL, "EX" },
	{ NULL, "Intern - Office of the CTO", NULL, "EN" }, { NULL, "Software Engineer II", NULL, "MI" },
	{ NULL, "Software Engineer III, Ads", NULL, "SE" }, { NULL, "Data Analyst I", NULL, "EN" },
	{ NULL, "Senior Software Engineer II", NULL, "SE" }, { NULL, "Mid-Senior Data Engineer", NULL, "SE" },
	{ NULL, "Werkstudent Data Science (m/w/d)", NULL, "EN" },
	{ NULL, "Data Entry Clerk", NULL, NULL }, { NULL, "Senior Data Entry Clerk", NULL, "SE" },
	{ NULL, "Lead Generation Specialist", NULL, NULL }, { NULL, "Staffing Coordinator", NULL, NULL },
	{ NULL, "Mid-Market Account Executive", NULL, NULL }, { NULL, "Seniority Analyst", NULL, NULL },
	{ NULL, NULL, NULL, NULL }, { "", "", "", NULL },
};

START_TEST(test_level)
{
	const char *input = cases[_i].title ? cases[_i].title : cases[_i].label;

	check_same_str(level_detect(cases[_i].label, cases[_i].title, cases[_i].hints), cases[_i].want,
		    input ? input : "(null)");
}
END_TEST

static const struct {
	const char *code, *name;
} name_cases[] = {
	{ "EN", "Entry-level / Junior" }, { "MI", "Mid-level / Intermediate" },
	{ "SE", "Senior-level / Expert" }, { "EX", "Executive-level / Director" },
	{ "XX", NULL }, { NULL, NULL },
};

START_TEST(test_level_name)
{
	const char *code = name_cases[_i].code, *name = level_name(code);

	check_same_str(name, name_cases[_i].name, code ? code : "(null)");
	if (name != NULL)
		check_same_str(level_detect(name, NULL, NULL), code, name);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("level");
	TCase *tc = tcase_create("level");

	tcase_add_loop_test(tc, test_level, 0, COUNT(cases));
	tcase_add_loop_test(tc, test_level_name, 0, COUNT(name_cases));
	suite_add_tcase(s, tc);
	return s;
}
