/*
 * check_salary_description - salary_from_description: the pay a posting's
 * description states, and the figures near pay words that are not pay.
 *
 * Quoted sentences are short quotes of the real pages in
 * ../shared/data/pages (named beside each; the pages are not copied here),
 * saved by third parties (see ../shared/data/README.md):
 *   linkedin/linkedin_posting.html (Google): marcpage/talynt, Unlicense
 *   eightfold/... (Netflix), paloalto/... (Palo Alto Networks):
 *     matchaboar/srajob2, no licence visible
 *   greenhouse/example_job_posting.json (The Farmer's Dog): raymur/wrkpmp,
 *     no licence visible
 *   workday/adfrisealach__job_page.html (Autodesk): adfrisealach/workday-scraper, MIT
 *   talentclue/ayuda_en_accion_talentclue_jobpage_coord.html (Ayuda en Acción):
 *     colophon-group/jobseek, job data under CC BY-NC 4.0
 *   hn-whoishiring/first.html: brianc/node-hacker-news-parser, MIT
 * The others are written in the shapes those pages use.
 */
#include "config.h"

#include "check-main.h"
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "salary.h"
#include "xalloc.h"

static const struct {
	const char *text, *country;
	double min, max;	/* 0, 0: no salary */
	const char *currency, *period;	/* period NULL: none stated or inferred */
} cases[] = {
	/* linkedin/linkedin_posting.html (Google) */
	{ "The US base salary range for this full-time position is $136,000-$203,000 + bonus "
	  "+ equity + benefits. Our salary ranges are determined by role, level, and location.",
	  "US", 136000, 203000, "USD", "year" },
	/* eightfold (Netflix): "range" is the only pay word in the sentence */
	{ "To determine your personal top of market compensation, we rely on market "
	  "indicators. The range for this role is $170,000-720,000.",
	  NULL, 170000, 720000, "USD", "year" },
	/* paloalto: a period at each end, and pay words before and after */
	{ "For candidates who receive an offer at the posted level, the starting base salary "
	  "(for non-sales roles) or base salary + commission target (for sales/commissioned "
	  "roles) is expected to be between $147000/YR - $237500/YR. The offered compensation "
	  "may also include restricted stock units and a bonus.",
	  "US", 147000, 237500, "USD", "year" },
	/* workday (Autodesk): a U.S. range is no pay for a posting in Canada */
	{ "Salary transparency\nSalary is one part of Autodesk\xe2\x80\x99s competitive "
	  "compensation package. For U.S.-based roles, we expect a starting base salary "
	  "between $148,200 and $239,800.", "CA", 0, 0, NULL, NULL },
	{ "For U.S.-based roles, we expect a starting base salary between $148,200 and "
	  "$239,800.", NULL, 148200, 239800, "USD", "year" },
	{ "For U.S.-based roles, we expect a starting base salary between $148,200 and "
	  "$239,800.", "US", 148200, 239800, "USD", "year" },
	/* greenhouse/example_job_posting.json (The Farmer's Dog): after
	 * funding and 401k lines (shortened) */
	{ "raised over $150M in funding to help us build a company\nCompetitive 401k plan with "
	  "company match\nFor this role the anticipated hiring base compensation range is "
	  "$155,000 - $175,000USD Annual and the compensation offered will include a robust "
	  "market competitive package of base and equity.", NULL, 155000, 175000, "USD", "year" },
	/* talentclue (Ayuda en Acción): a range with a currency and no period */
	{ "Remuneraci\xc3\xb3n/Salario: entre USD $1,200.00 y $1,500.00, de acuerdo con la "
	  "pol\xc3\xadtica retributiva de Ayuda en Acci\xc3\xb3n.", NULL, 1200, 1500, "USD", NULL },
	/* a heading, its figures on the next line */
	{ "Compensation\n$120,000 \xe2\x80\x94 $150,000 USD", NULL, 120000, 150000, "USD", "year" },
	{ "The base salary range for this role is:\n\xe2\x82\xac" "60.000 - \xe2\x82\xac"
	  "75.000 brutto pro Jahr", NULL, 60000, 75000, "EUR", "year" },
	{ "Pay\nFrom $18 per hour", NULL, 18, 18, "USD", "hour" },
	{ "OTE $150k - $200k", NULL, 150000, 200000, "USD", "year" },
	{ "L\xc3\xb6n: 40 000 kr per m\xc3\xa5nad", "SE", 40000, 40000, "SEK", "month" },
	{ "Gehalt: 55.000 \xe2\x82\xac bis 70.000 \xe2\x82\xac brutto im Jahr", NULL,
	  55000, 70000, "EUR", "year" },
	{ "Salaire : 45 000 \xe2\x82\xac - 55 000 \xe2\x82\xac par an", NULL, 45000, 55000, "EUR", "year" },
	/* 年収500万円〜800万円 */
	{ "\xe5\xb9\xb4\xe5\x8f\x8e" "500\xe4\xb8\x87\xe5\x86\x86\xe3\x80\x9c"
	  "800\xe4\xb8\x87\xe5\x86\x86", NULL, 5000000, 8000000, "JPY", "year" },
	/* a range beats a single figure found before it */
	{ "Base salary from $90,000. The salary range for this role is $90,000 - $120,000.",
	  NULL, 90000, 120000, "USD", "year" },
	{ "Salary: $95,000 a year. Great team.", NULL, 95000, 95000, "USD", "year" },
	/* the first of several ranges */
	{ "Salary range: $140,000 - $180,000 (New York); $120,000 - $160,000 (remote).",
	  NULL, 140000, 180000, "USD", "year" },
	/* the board's word "estimated" in the employer's text stays provenance text */
	{ "The estimated base salary range for this role is $120,000 - $150,000 per year.",
	  NULL, 120000, 150000, "USD", "year" },
	/* indeed/Harineko0__indeed.html: a card's snippet, a range with no period */
	{ "Benefits Start Day One - Including a New Child Care Assistance Program.\n"
	  "Starting pay rate of $21.25 with a top rate of $27.50 after periodic, regular "
	  "wage\xe2\x80\xa6", "US", 21.25, 27.50, "USD", NULL },
	/* indeed/Tharun-Techie__indeed_jobs.html (in.indeed.com): a card's
	 * labels joined to their values, "Salary" glued to the lakh unit */
	{ "Sync Recruiter Bengaluru/ Bangalore, Mumbai 0-3 yrsExperience 15L - 30LSalary "
	  "Aerospace & Defence Tech Start-up Product 1-10 Employees Job Description\xe2\x80\xa6",
	  "IN", 1500000, 3000000, "INR", "year" },

	/* not pay */
	{ NULL, NULL, 0, 0, NULL, NULL },
	{ "", NULL, 0, 0, NULL, NULL },
	/* no pay word: figures far from any */
	{ "We are backed with $20 million in funding from Kleiner Perkins.", NULL, 0, 0, NULL, NULL },
	{ "Personal learning and development budget of 2,000USD per annum", NULL, 0, 0, NULL, NULL },
	{ "it pays to spend the ~$200 or so initial consultation fee", NULL, 0, 0, NULL, NULL },
	/* hn-whoishiring/first.html: a perk */
	{ "Competitive salary. They also offer gym membership reimbursement ($50 a month), "
	  "12 holidays", NULL, 0, 0, NULL, NULL },
	{ "Compensation: competitive salary plus $50 a month gym", NULL, 0, 0, NULL, NULL },
	{ "Competitive salary and 401k with employer match", NULL, 0, 0, NULL, NULL },
	{ "Base salary plus 401(k) match up to 4%", NULL, 0, 0, NULL, NULL },
	{ "Competitive salary, and we just raised a $20M Series A.", NULL, 0, 0, NULL, NULL },
	{ "Salary depends on experience (5+ years required), team of 50.", NULL, 0, 0, NULL, NULL },
	{ "Compensation includes equity of 0.10% - 0.30%.", NULL, 0, 0, NULL, NULL },
	{ "Salary and equity: 0.5% - 1%, vesting over 4 years from 2024", NULL, 0, 0, NULL, NULL },
	{ "Competitive salary and a $10,000 relocation bonus", NULL, 0, 0, NULL, NULL },
	{ "Salary DOE; $5,000 signing bonus", NULL, 0, 0, NULL, NULL },
	{ "Competitive pay, plus a $1,500 annual learning stipend", NULL, 0, 0, NULL, NULL },
	{ "Pay: competitive. $2,000 home office stipend", NULL, 0, 0, NULL, NULL },
	/* a single figure without a period */
	{ "Compensation: $5,000", NULL, 0, 0, NULL, NULL },
	/* figures without a currency */
	{ "Salary range 3 - 5 depending on the grade", NULL, 0, 0, NULL, NULL },
	{ "The salary band is 120 - 150 in our grading", NULL, 0, 0, NULL, NULL },
	/* pay words inside other words */
	{ "Our database holds $100,000 - $120,000 a year", NULL, 0, 0, NULL, NULL },
	{ "Our DataBase holds $100,000 - $120,000 a year", NULL, 0, 0, NULL, NULL },
	{ "A l\xc3\xb6nsamhet of 40 000 kr per month", "SE", 0, 0, NULL, NULL },
	/* figures far beyond the pay word (past the window) */
	{ "Salary is competitive and reviewed every year by a committee that looks at the "
	  "market, the team, the company's results, your growth and many other things that "
	  "matter to us, and we take time to explain each of them to you in a long meeting "
	  "with your manager, your skip-level manager, your people partner and anyone else "
	  "who wants to join the conversation about it, at any time of the year, in any office "
	  "we have in the world, which is a lot of offices by now, and then we sold "
	  "$120,000 - $150,000 worth of goods", NULL, 0, 0, NULL, NULL },
};

START_TEST(test_description)
{
	struct salary s;
	const char *what = cases[_i].text ? cases[_i].text : "(null)";
	int found = salary_from_description(cases[_i].text, cases[_i].country, &s);

	ck_assert_msg(found == (cases[_i].max > 0), "'%s': found %d (%g-%g %s)", what, found,
		      s.min, s.max, s.currency);
	if (!found) {
		ck_assert_int_eq(s.found, 0);
		return;
	}
	ck_assert_msg(s.min == cases[_i].min && s.max == cases[_i].max, "'%s': %g-%g", what,
		      s.min, s.max);
	ck_assert_str_eq(s.currency, cases[_i].currency);
	check_same_str(salary_period_name(s.period), cases[_i].period, what);
	ck_assert_str_eq(s.provenance, "text");
	ck_assert_msg(s.notes & SALARY_FROM_DESCRIPTION, "'%s': no from-description note", what);
}
END_TEST

/* The pay sentence at the end of 100 KB: found, in one pass. */
START_TEST(test_long_description)
{
	struct buf b = BUF_INIT;
	struct salary s;
	char *text;

	while (b.len < 100 * 1024)
		buf_appends(&b, "Our salary, pay and compensation philosophy: 401(k), 5+ years, "
			    "team of 50, $50 a month gym.\n");
	buf_appends(&b, "The salary range for this role is $100,000 - $130,000.");
	text = buf_detach(&b);
	ck_assert_int_eq(salary_from_description(text, NULL, &s), 1);
	ck_assert_double_eq(s.min, 100000);
	ck_assert_double_eq(s.max, 130000);
	/* the same without spaces or sentence ends, pay words throughout */
	memset(text, 'x', strlen(text));
	memcpy(text, "salary", 6);
	memcpy(text + 50000, "salary $1", 9);
	ck_assert_int_eq(salary_from_description(text, NULL, &s), 0);
	free(text);
}
END_TEST

/* A year guessed from the figures' size is stated when the text calls the
 * pay annual elsewhere (eightfold, Netflix); else the rule says guessed. */
START_TEST(test_year_stated_elsewhere)
{
	static const char stated[] = "Our compensation structure consists solely of an annual "
				     "salary; we do not have bonuses. The range for this role is "
				     "$170,000-720,000.";
	static const char guessed[] = "The range for this role is $170,000-720,000.";
	struct salary s;

	ck_assert_int_eq(salary_from_description(stated, NULL, &s), 1);
	ck_assert_int_eq(s.period, PERIOD_YEAR);
	ck_assert_str_eq(s.rule, "range");
	ck_assert_int_eq(salary_from_description(guessed, NULL, &s), 1);
	ck_assert_str_eq(s.rule, "range-inferred-year");
	/* "annual" inside another word is no statement */
	ck_assert_int_eq(salary_from_description("Biannual salaryman review. The range for this "
						 "role is $170,000-720,000.", NULL, &s), 1);
	ck_assert_str_eq(s.rule, "range-inferred-year");
}
END_TEST

/* The note's name, as stored and exported. */
START_TEST(test_note_name)
{
	char buf[SALARY_NOTES_TEXT_MAX];

	salary_notes_text(SALARY_FROM_DESCRIPTION | SALARY_CURRENCY_ASSUMED, buf);
	ck_assert_str_eq(buf, "currency-assumed from-description");
	ck_assert_uint_eq(salary_notes_parse(buf), SALARY_FROM_DESCRIPTION | SALARY_CURRENCY_ASSUMED);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("salary-description");
	TCase *tc = tcase_create("description");

	tcase_add_loop_test(tc, test_description, 0, sizeof(cases) / sizeof(cases[0]));
	tcase_add_test(tc, test_long_description);
	tcase_add_test(tc, test_year_stated_elsewhere);
	tcase_add_test(tc, test_note_name);
	suite_add_tcase(s, tc);
	return s;
}
