/*
 * check_salary.c - salary_parse and friends, table-driven on real strings.
 *
 * The strings come from real pages and cards in ../shared/data (seed board
 * card, ai-jobs.net cards, Indeed, Glassdoor, LinkedIn, We Work Remotely,
 * Golang Cafe, Rooster, Reed, Work at a Startup, HN "Who is hiring") unless
 * a comment says otherwise.  One more case reads the labelled Australian
 * strings in ../shared/data/salary-strings (MIT, not copied here).
 */
#include "config.h"

#include "check-main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "salary.h"
#include "salary-cases.h"
#include "xalloc.h"


struct salary_case {
	const char *text;
	int found;
	double min, max;
	const char *currency;
	enum salary_period period;
	const char *rule;
	const char *provenance;
};

/* Employer's figures, and the board's own estimates. */
#define T "text"
#define E "estimate"

static const struct salary_case parse_cases[] = {
	/* seed board and ai-jobs.net cards; there a trailing "*" marks the
	 * board's estimate from its salary index, not the employer's range */
	{ "USD 100K - 130K", 1, 100000, 130000, "USD", Y, "range-inferred-year", T },
	{ "EUR 88K - 164K *", 1, 88000, 164000, "EUR", Y, "range-inferred-year", E },
	{ "EUR 88K+ *", 1, 88000, 88000, "EUR", Y, "plus-inferred-year", E },
	{ "EUR 88K - 164K *\nEUR 88K+ *", 1, 88000, 164000, "EUR", Y, "range-inferred-year", E },
	{ "CHF 130K - 241K *", 1, 130000, 241000, "CHF", Y, "range-inferred-year", E },
	{ "GBP 61K - 114K *", 1, 61000, 114000, "GBP", Y, "range-inferred-year", E },
	/* Indeed */
	{ "$35.36 - $37.10 an hour", 1, 35.36, 37.10, "USD", H, "range", T },
	{ "From $19 an hour", 1, 19, 19, "USD", H, "from", T },
	{ RUPEE "2,40,000 - " RUPEE "3,00,000 a year", 1, 240000, 300000, "INR", Y, "range", T },
	{ RUPEE "6,02,654.23 - " RUPEE "8,74,430.35 a year", 1, 602654.23, 874430.35, "INR", Y,
	  "range", T },
	{ "$100,000 - $110,000 a year", 1, 100000, 110000, "USD", Y, "range", T },
	{ "From $50,000 a year", 1, 50000, 50000, "USD", Y, "from", T },
	{ "From " POUND "55,000 a year", 1, 55000, 55000, "GBP", Y, "from", T },
	/* Glassdoor estimates */
	{ "$67K-$136K", 1, 67000, 136000, "USD", Y, "range-inferred-year", T },
	{ "$53K-$91K (Glassdoor est.)", 1, 53000, 91000, "USD", Y, "range-inferred-year", E },
	{ "$17-$24 Per Hour(Glassdoor est.)", 1, 17, 24, "USD", H, "range", E },
	{ "Employer Provided Salary:$150K-$160K", 1, 150000, 160000, "USD", Y, NULL, T },
	{ "-1", 0, 0, 0, "", U, NULL, T },
	/* Indeed (US, 2024), a card's description snippet: a starting figure
	 * and its top are a range; no period is stated, and none is guessed */
	{ "Starting pay rate of $21.25 with a top rate of $27.50 after periodic, regular "
	  "wage\xe2\x80\xa6", 1, 21.25, 27.50, "USD", U, "range", T },
	/* ... its shapes (written here); a top in another period, or no top, is none */
	{ "Starting at $50K, up to $70K", 1, 50000, 70000, "USD", Y, "range-inferred-year", T },
	{ "Starting pay $18/hr, top rate $25/hr", 1, 18, 25, "USD", H, "range", T },
	{ "Starting pay $18/hr with a top rate of $40,000 a year", 1, 18, 18, "USD", H, "single", T },
	{ "Starting salary $50,000 and 401k up to 4%", 1, 50000, 50000, "USD", Y,
	  "single-inferred-year", T },
	{ "Top rate of $27.50, starting at $21.25", 1, 27.50, 27.50, "USD", U, "single", T },
	/* We Work Remotely, Golang Cafe, Rooster, Reed, LinkedIn, Greenhouse */
	{ "$100,000 or more USD", 1, 100000, 100000, "USD", Y, "plus-inferred-year", T },
	{ "$50,000 - $74,999 USD", 1, 50000, 74999, "USD", Y, "range-inferred-year", T },
	{ "$160,000 - $200,000", 1, 160000, 200000, "USD", Y, "range-inferred-year", T },
	{ EURO "80 000 - " EURO "150 000", 1, 80000, 150000, "EUR", Y, NULL, T },
	{ "INR 800,000 - 1,000,000/year", 1, 800000, 1000000, "INR", Y, "range", T },
	{ POUND "35,000 - " POUND "45,000 per annum", 1, 35000, 45000, "GBP", Y, "range", T },
	{ "$136,000-$203,000", 1, 136000, 203000, "USD", Y, "range-inferred-year", T },
	{ "$155,000 - $175,000USD", 1, 155000, 175000, "USD", Y, "range-inferred-year", T },
	/* Work at a Startup, TalentClue (Spanish "entre ... y ...") */
	{ "$20K - $30K", 1, 20000, 30000, "USD", Y, "range-inferred-year", T },
	{ "$150K - $250K", 1, 150000, 250000, "USD", Y, "range-inferred-year", T },
	{ "entre USD $1,200.00 y $1,500.00", 1, 1200, 1500, "USD", U, "range", T },
	/* shapes the brief asks for (written here, modelled on the above) */
	{ "$45/hr", 1, 45, 45, "USD", H, "single", T },
	{ "Up to $120K", 1, 120000, 120000, "USD", Y, "up-to-inferred-year", T },
	{ "$120K+", 1, 120000, 120000, "USD", Y, "plus-inferred-year", T },
	{ "$100-130K", 1, 100000, 130000, "USD", Y, "range-inferred-year", T },
	{ "$100K-130", 1, 100000, 130000, "USD", Y, "range-inferred-year", T },
	{ "$100K " EN_DASH " $130K", 1, 100000, 130000, "USD", Y, NULL, T },
	{ "$100K " EM_DASH " $130K", 1, 100000, 130000, "USD", Y, NULL, T },
	{ "$100K to $130K", 1, 100000, 130000, "USD", Y, NULL, T },
	{ "between $50,000 and $70,000 per year", 1, 50000, 70000, "USD", Y, "range", T },
	{ "$130,000 - $100,000 a year", 1, 100000, 130000, "USD", Y, "range", T },
	{ "US$60/hr", 1, 60, 60, "USD", H, NULL, T },
	{ "C$80,000 - C$90,000", 1, 80000, 90000, "CAD", Y, NULL, T },
	{ "CA$80,000", 1, 80000, 80000, "CAD", Y, NULL, T },
	{ "CAD 95K", 1, 95000, 95000, "CAD", Y, NULL, T },
	{ "A$120K", 1, 120000, 120000, "AUD", Y, NULL, T },
	{ "AUD 120,000 p.a.", 1, 120000, 120000, "AUD", Y, "single", T },
	{ "JPY 8,000,000 a year", 1, 8000000, 8000000, "JPY", Y, NULL, T },
	{ YEN "8,000,000", 1, 8000000, 8000000, "JPY", Y, NULL, T },
	{ "CNY 30K a month", 1, 30000, 30000, "CNY", M, "single", T },
	{ "Rs. 50,000 per month", 1, 50000, 50000, "INR", M, NULL, T },
	{ "Rs 5,00,000 - 7,00,000 per annum", 1, 500000, 700000, "INR", Y, NULL, T },
	{ EURO "65.000", 1, 65000, 65000, "EUR", Y, NULL, T },	/* European dots */
	{ "45.000 - 55.000 " EURO " brutto", 1, 45000, 55000, "EUR", Y, "range-inferred-year", T },
	/* Catalan, TalentClue (Barcelona Activa): one figure written twice, per year */
	{ "12000/12000" EURO " Brut/any", 1, 12000, 12000, "EUR", Y, "single", T },
	{ "$100,000" NBSP "-" NBSP "$130,000" NBSP "a" NBSP "year", 1, 100000, 130000, "USD", Y,
	  "range", T },
	{ EURO "80" NBSP "000" EN_DASH EURO "95" NBSP "000", 1, 80000, 95000, "EUR", Y, NULL, T },
	{ "1.234,56 " EURO " im Monat", 1, 1234.56, 1234.56, "EUR", M, "single", T },
	{ "USD 2.5K a month", 1, 2500, 2500, "USD", M, "single", T },
	{ "100 EUR - 200 EUR per day", 1, 100, 200, "EUR", D, "range", T },
	{ "$5,000/mo", 1, 5000, 5000, "USD", M, NULL, T },
	{ "$300 a day", 1, 300, 300, "USD", D, NULL, T },
	{ "$1,200 per week", 1, 1200, 1200, "USD", W, NULL, T },
	{ "$2,000 monthly", 1, 2000, 2000, "USD", M, NULL, T },
	{ "$55,000 annually", 1, 55000, 55000, "USD", Y, NULL, T },
	{ "$45 hourly", 1, 45, 45, "USD", H, NULL, T },
	{ "$45", 1, 45, 45, "USD", U, "single", T },
	{ "$8,000 - $9,000", 1, 8000, 9000, "USD", U, "range", T },
	{ "$100K base + $20K bonus", 1, 100000, 100000, "USD", Y, "single-inferred-year", T },
	{ "Salary: $120,000 per year with $5,000 signing bonus", 1, 120000, 120000, "USD", Y,
	  NULL, T },
	{ "84000 - 99,601.85", 1, 84000, 99601.85, "", Y, "range-inferred-year", T },
	/* not pay */
	{ "Competitive", 0, 0, 0, "", U, NULL, T },
	{ "", 0, 0, 0, "", U, NULL, T },
	{ NULL, 0, 0, 0, "", U, NULL, T },
	{ "401(k)", 0, 0, 0, "", U, NULL, T },
	{ "401k matching", 0, 0, 0, "", U, NULL, T },
	{ "$50 a month gym", 0, 0, 0, "", U, NULL, T },
	{ "They also offer gym membership reimbursement ($50 a month), 12 holidays, "
	  "career training, 3 weeks PTO", 0, 0, 0, "", U, NULL, T },
	{ "a healthy 401k.", 0, 0, 0, "", U, NULL, T },
	{ "Premium for " EURO "0", 0, 0, 0, "", U, NULL, T },
	{ "$5M Series A", 0, 0, 0, "", U, NULL, T },
	{ "$2B revenue", 0, 0, 0, "", U, NULL, T },
	{ "raised $20 million", 0, 0, 0, "", U, NULL, T },
	{ "5+ years of experience", 0, 0, 0, "", U, NULL, T },
	{ "2024-01-15", 0, 0, 0, "", U, NULL, T },
	{ "15", 0, 0, 0, "", U, NULL, T },
	{ "Austin, TX 78701", 0, 0, 0, "", U, NULL, T },
	{ "$40,000+ (113,976)", 0, 0, 0, "", U, NULL, T },	/* a filter facet and its count */
	{ "(113,976)", 0, 0, 0, "", U, NULL, T },
	{ "17K followers", 0, 0, 0, "", U, NULL, T },
	{ "80-90k pro rata", 1, 80000, 90000, "", Y, "range-inferred-year", T },
	{ "64,896,912 views", 0, 0, 0, "", U, NULL, T },
	{ "372,372 - 372,372,000", 0, 0, 0, "", U, NULL, T },
	{ "$2,000 an hour", 0, 0, 0, "", U, NULL, T },
	{ "$500 a year", 0, 0, 0, "", U, NULL, T },
	{ "$1,000 home office stipend", 0, 0, 0, "", U, NULL, T },
	{ "$1,500 learning budget", 0, 0, 0, "", U, NULL, T },
	{ "100% remote", 0, 0, 0, "", U, NULL, T },
	{ "4 nights Mon -Thu, night shift (10pm to 8am)", 0, 0, 0, "", U, NULL, T },
	/* a bare unit word is a period after an amount that names its currency
	 * (applicant-tracking exports: "USD 40 HOUR"), else a workload or a time */
	{ "USD 40 HOUR", 1, 40, 40, "USD", H, "single", T },
	{ "EUR 77604 YEAR", 1, 77604, 77604, "EUR", Y, "single", T },
	{ "\xc2\xa3" "2,500 pm", 1, 2500, 2500, "GBP", M, "single", T },
	{ "40 hour week", 0, 0, 0, "", U, NULL, T },
	{ "Starts at 10pm, $18/hr", 1, 18, 18, "USD", H, "single", T },
	{ "$5,000 year-end bonus", 0, 0, 0, "", U, NULL, T },
	/* learning, training and conference money after an amount is a perk;
	 * before it, a job title; a step per year of experience is no pay */
	{ "$1,500 annual learning and development budget", 0, 0, 0, "", U, NULL, T },
	{ "$3,000 per year for conferences", 0, 0, 0, "", U, NULL, T },
	{ "$5,000 per year of experience", 0, 0, 0, "", U, NULL, T },
	{ "Learning Designer $80,000", 1, 80000, 80000, "USD", Y, "single-inferred-year", T },
	{ "Training Coordinator: $25/hr", 1, 25, 25, "USD", H, "single", T },
	{ "$90,000 base and bonus", 1, 90000, 90000, "USD", Y, "single-inferred-year", T },
	/* Romanian; Chinese after the figure */
	{ "5000 lei pe lun\xc4\x83", 1, 5000, 5000, "RON", M, "single", T },
	{ "4.500 lei brut/lun\xc4\x83", 1, 4500, 4500, "RON", M, "single", T },
	{ "RON 6000 lunar", 1, 6000, 6000, "RON", M, "single", T },
	{ "CNY 8000/\xe6\x9c\x88", 1, 8000, 8000, "CNY", M, "single", T },
	{ "15\xe4\xb8\x87\xe5\x85\x83/\xe5\xb9\xb4", 1, 150000, 150000, "CNY", Y, "single", T },
};

START_TEST(test_parse)
{
	const struct salary_case *c = &parse_cases[_i];
	const char *shown = c->text ? c->text : "(null)";
	struct salary s;
	int found = salary_parse(c->text, NULL, &s);

	ck_assert_msg(found == c->found && s.found == c->found,
		      "'%s': found %d, want %d", shown, found, c->found);
	if (!c->found) {
		ck_assert_msg(s.min == 0 && s.max == 0 && s.rule == NULL && s.provenance == NULL,
			      "'%s': refused but fields not zero", shown);
		return;
	}
	ck_assert_msg(near(s.min, c->min) && near(s.max, c->max),
		      "'%s': %.2f-%.2f, want %.2f-%.2f", shown, s.min, s.max, c->min, c->max);
	ck_assert_str_eq(s.currency, c->currency);
	ck_assert_msg(s.period == c->period, "'%s': period %d, want %d", shown, s.period,
		      c->period);
	ck_assert_str_eq(s.provenance, c->provenance);
	if (c->rule != NULL)
		ck_assert_str_eq(s.rule, c->rule);
	ck_assert(near(s.annual_min, salary_annualize(c->min, c->period)));
	ck_assert(near(s.annual_max, salary_annualize(c->max, c->period)));
}
END_TEST

struct hints_case {
	const char *text;
	struct salary_hints hints;
	int found;
	double min, max;
	const char *currency;
	enum salary_period period;
	const char *provenance, *rule;
};

static const struct hints_case hints_cases[] = {
	/* Ashby (Lambda) JSON-LD baseSalary; aijobs.net JSON-LD */
	{ NULL, { 188000, 282000, "USD", Y, "" }, 1, 188000, 282000, "USD", Y, "structured", "hints" },
	{ NULL, { 77604, 77604, "EUR", Y, "" }, 1, 77604, 77604, "EUR", Y, "structured", "hints" },
	/* a symbol where the code belongs: read as the text would read it */
	{ NULL, { 60000, 70000, EURO, Y, "" }, 1, 60000, 70000, "EUR", Y, "structured", "hints" },
	{ NULL, { 60000, 70000, "US$", Y, "" }, 1, 60000, 70000, "USD", Y, "structured", "hints" },
	{ NULL, { 60000, 70000, " usd ", Y, "" }, 1, 60000, 70000, "USD", Y, "structured", "hints" },
	{ NULL, { 90000, 90000, "$", Y, "CA" }, 1, 90000, 90000, "CAD", Y, "structured", "hints" },
	{ NULL, { 60000, 70000, "dollars", Y, "" }, 1, 60000, 70000, "USD", Y, "structured", "hints" },
	/* a code the text names wins over a sign the structure gives */
	{ "CA$80,000 - CA$90,000 a year", { 80000, 90000, "$", Y, "" }, 1, 80000, 90000, "CAD", Y,
	  "structured", "hints" },
	{ "40 000 - 45 000 SEK per m\xc3\xa5nad", { 40000, 45000, "kr", M, "" }, 1, 40000, 45000, "SEK",
	  M, "structured", "hints" },
	{ NULL, { 900000, 900000, "RUR", Y, "" }, 1, 900000, 900000, "RUB", Y, "structured", "hints" },
	/* three letters that are no ISO 4217 code name no currency; the text may */
	{ NULL, { 60000, 70000, "DOL", Y, "" }, 1, 60000, 70000, "", Y, "structured", "hints" },
	{ EURO "60,000 a year", { 60000, 70000, "XYZ", Y, "" }, 1, 60000, 70000, "EUR", Y,
	  "structured", "hints" },
	/* structure wins over the text */
	{ "$100,000 - $110,000 a year", { 120000, 130000, "USD", Y, "" }, 1, 120000, 130000, "USD", Y,
	  "structured", "hints" },
	/* what the structure leaves out comes from the text */
	{ EURO "80 000 - " EURO "150 000 a year", { 90000, 0, "", U, "" }, 1, 90000, 90000, "EUR", Y,
	  "structured", "hints" },
	{ NULL, { 0, 140000, "gbp", U, "" }, 1, 140000, 140000, "GBP", Y, "structured",
	  "hints-inferred-year" },
	{ NULL, { 60, 50, "USD", H, "" }, 1, 50, 60, "USD", H, "structured", "hints" },
	/* Palo Alto: an empty baseSalary gives no salary; zeros fall back to the text */
	{ NULL, { 0, 0, "", U, "" }, 0, 0, 0, "", U, NULL, NULL },
	{ "$45/hr", { 0, 0, "USD", H, "" }, 1, 45, 45, "USD", H, "text", "single" },
	/* an annual figure tagged HOUR is not pay per hour: use the text */
	{ NULL, { 120000, 150000, "USD", H, "" }, 0, 0, 0, "", U, NULL, NULL },
	{ "$120,000 - $150,000 a year", { 120000, 150000, "USD", H, "" }, 1, 120000, 150000, "USD", Y,
	  "text", "range" },
	/* hostile JSON-LD: 1e308 a month would annualize to infinity; 1e13 a
	 * year is no salary in any currency */
	{ NULL, { 1e308, 1e308, "USD", M, "" }, 0, 0, 0, "", U, NULL, NULL },
	{ NULL, { 5e12, 6e12, "USD", Y, "" }, 0, 0, 0, "", U, NULL, NULL },
	/* the largest real figures: Vietnamese dong, yearly */
	{ NULL, { 6e8, 9e8, "VND", Y, "" }, 1, 6e8, 9e8, "VND", Y, "structured", "hints" },
};

START_TEST(test_hints)
{
	const struct hints_case *c = &hints_cases[_i];
	struct salary s;

	ck_assert_int_eq(salary_parse(c->text, &c->hints, &s), c->found);
	if (!c->found)
		return;
	ck_assert(near(s.min, c->min) && near(s.max, c->max));
	ck_assert_str_eq(s.currency, c->currency);
	ck_assert_int_eq(s.period, c->period);
	ck_assert_str_eq(s.provenance, c->provenance);
	ck_assert_str_eq(s.rule, c->rule);
}
END_TEST

static const struct {
	const char *name;
	enum salary_period period;
} period_cases[] = {
	{ "hour", H }, { "HOUR", H }, { "Hourly", H }, { "day", D }, { "DAY", D },
	{ "week", W }, { "WEEK", W }, { "weekly", W }, { "month", M }, { "MONTH", M },
	{ "year", Y }, { "YEAR", Y }, { "Yearly", Y }, { "annual", Y },
	{ "fortnight", U }, { "", U }, { NULL, U },
};

START_TEST(test_period_from_name)
{
	ck_assert_int_eq(salary_period_from_name(period_cases[_i].name), period_cases[_i].period);
}
END_TEST

static const struct {
	double amount;
	enum salary_period period;
	double annual;
} annual_cases[] = {
	{ 45, H, 93600 }, { 300, D, 78000 }, { 1200, W, 62400 }, { 5000, M, 60000 },
	{ 100000, Y, 100000 }, { 45, U, 0 },
};

START_TEST(test_annualize)
{
	ck_assert(near(salary_annualize(annual_cases[_i].amount, annual_cases[_i].period),
		       annual_cases[_i].annual));
}
END_TEST

START_TEST(test_period_name)
{
	enum salary_period p;

	ck_assert_ptr_null(salary_period_name(U));
	for (p = H; p <= Y; p++)
		ck_assert_int_eq(salary_period_from_name(salary_period_name(p)), p);
	ck_assert_str_eq(salary_period_name(H), "hour");
	ck_assert_str_eq(salary_period_name(Y), "year");
}
END_TEST

/*
 * The labelled Australian strings (EdwardJRoss/job-advert-analysis, MIT):
 * read from the shared data folder, never copied into the repository.
 * "$" there is AUD, so only numbers and periods are compared.  A row the
 * label leaves without a period may be read as a year from its size.
 */
static const struct {
	const char *text;
	const char *reason;
} au_disagreements[] = {
	{ "$0 - $650 per day",
	  "a zero lower bound says nothing: read as \"up to $650\", min 650, not 0" },
	{ "$0 - $79000 per annum", "likewise \"up to $79,000\"" },
};

struct au_row {
	const char *text;
	double min, max;
	int has_min, has_max;
	enum salary_period period;
};

/* 1 and *v for a number, 0 for "None", -1 for anything else. */
static int au_number(const char *s, double *v)
{
	char *end;

	if (strcmp(s, "None") == 0)
		return 0;
	*v = strtod(s, &end);
	return end != s && *end == '\0' ? 1 : -1;
}

/* Split a line in place: 1 for a row, 0 for a comment or blank, -1 if malformed. */
static int au_parse_line(char *line, struct au_row *r)
{
	char *f[4];
	int i;

	line[strcspn(line, "\r\n")] = '\0';
	if (line[0] == '#' || line[0] == '\0')
		return 0;
	f[0] = line;
	for (i = 1; i < 4; i++) {
		f[i] = strchr(f[i - 1], '\t');
		if (f[i] == NULL)
			return -1;
		*f[i]++ = '\0';
	}
	r->text = f[0];
	r->has_min = au_number(f[1], &r->min);
	r->has_max = au_number(f[2], &r->max);
	r->period = salary_period_from_name(f[3]);
	if (r->has_min < 0 || r->has_max < 0 ||
	    (r->period == U && strcmp(f[3], "none") != 0))
		return -1;
	return 1;
}

/* What our reading gets wrong against the label, or NULL. */
static const char *au_mismatch(const struct au_row *r, const struct salary *s)
{
	if (!r->has_min)
		return s->found ? "found a salary in a row without one" : NULL;
	if (!s->found)
		return "found no salary";
	if (!near(s->min, r->min))
		return "min";
	if (!near(s->max, r->has_max ? r->max : r->min))
		return "max";
	if (r->period != U ? s->period != r->period
			   : s->period != U && strstr(s->rule, "inferred-year") == NULL)
		return "period";
	return NULL;
}

static int au_listed(const char *text)
{
	size_t i;

	for (i = 0; i < sizeof(au_disagreements) / sizeof(au_disagreements[0]); i++)
		if (strcmp(text, au_disagreements[i].text) == 0)
			return 1;
	return 0;
}

/* One row against its label; returns 1 when that is a test failure. */
static int au_check_row(const struct au_row *r)
{
	struct salary s;
	const char *why;

	salary_parse(r->text, NULL, &s);
	why = au_mismatch(r, &s);
	if (why != NULL && !au_listed(r->text)) {
		fprintf(stderr, "au-job-adverts: '%s': %s (read %d %.2f-%.2f %s)\n", r->text,
			why, s.found, s.min, s.max, s.rule ? s.rule : "-");
		return 1;
	}
	if (why == NULL && au_listed(r->text)) {
		fprintf(stderr, "au-job-adverts: '%s' is listed as a disagreement but agrees\n",
			r->text);
		return 1;
	}
	return 0;
}


/* Notes as stored and exported: names in bit order, parsed back the same. */
START_TEST(test_notes_text)
{
	char text[SALARY_NOTES_TEXT_MAX];
	unsigned all = SALARY_SWAPPED | SALARY_CURRENCY_ASSUMED | SALARY_CURRENCY_BY_COUNTRY;

	salary_notes_text(0, text);
	ck_assert_str_eq(text, "");
	salary_notes_text(SALARY_CURRENCY_ASSUMED | SALARY_SWAPPED, text);
	ck_assert_str_eq(text, "swapped currency-assumed");
	ck_assert_uint_eq(salary_notes_parse(text), SALARY_CURRENCY_ASSUMED | SALARY_SWAPPED);
	salary_notes_text(all, text);
	ck_assert_str_eq(text, "swapped currency-assumed currency-by-country");
	ck_assert_uint_eq(salary_notes_parse(text), all);
	ck_assert_uint_eq(salary_notes_parse(NULL), 0);
	ck_assert_uint_eq(salary_notes_parse("swapped unknown-note"), SALARY_SWAPPED);
}
END_TEST

/* The board's estimates are labelled as such; the employer's are not. */
static const struct {
	const char *text, *provenance;
} provenance_cases[] = {
	{ "$53K-$91K (Glassdoor est.)", "estimate" },
	{ "$17-$24 Per Hour(Glassdoor est.)", "estimate" },
	{ "$120K - $140K (Employer est.)", "text" },
	{ "Employer Provided Salary:$150K-$160K", "text" },
	{ "Estimated $80K - $100K a year", "estimate" },
	{ "$80K - $100K a year", "text" },
	{ "Salary: $50,000 - $60,000* (*DOE)", "text" },	/* a footnote, not a mark */
	{ "$60,000* *depending on experience", "text" },
	{ "EUR 88K - 164K *\nEUR 88K+ *", "estimate" },
};

START_TEST(test_provenance)
{
	struct salary s;

	ck_assert(salary_parse(provenance_cases[_i].text, NULL, &s));
	ck_assert_str_eq(s.provenance, provenance_cases[_i].provenance);
}
END_TEST

START_TEST(test_au_job_adverts)
{
	const char *top = getenv("top_srcdir");
	char *path = NULL;
	FILE *f = NULL;
	char line[2048];
	int rows = 0, bad = 0, kind;
	struct au_row r;

	if (top != NULL && *top != '\0') {
		path = xasprintf("%s/../shared/data/salary-strings/au-job-adverts.tsv", top);
		f = fopen(path, "r");
	}
	free(path);
	if (f == NULL) {
		fprintf(stderr, "skipped: shared data not present\n");
		return;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		kind = au_parse_line(line, &r);
		ck_assert_msg(kind >= 0, "malformed au-job-adverts line: '%s'", line);
		if (kind == 0)
			continue;
		rows++;
		bad += au_check_row(&r);
	}
	fclose(f);
	ck_assert_int_eq(rows, 63);
	ck_assert_msg(bad == 0, "%d au-job-adverts rows disagree with their labels (see stderr)",
		      bad);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("salary");
	TCase *tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_parse, 0, sizeof(parse_cases) / sizeof(parse_cases[0]));
	tcase_add_loop_test(tc, test_hints, 0, sizeof(hints_cases) / sizeof(hints_cases[0]));
	tcase_add_loop_test(tc, test_period_from_name, 0,
			    sizeof(period_cases) / sizeof(period_cases[0]));
	tcase_add_loop_test(tc, test_annualize, 0, sizeof(annual_cases) / sizeof(annual_cases[0]));
	tcase_add_test(tc, test_period_name);
	tcase_add_test(tc, test_notes_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("au-job-adverts");
	tcase_add_test(tc, test_au_job_adverts);
	tcase_add_loop_test(tc, test_provenance, 0,
			    sizeof(provenance_cases) / sizeof(provenance_cases[0]));
	suite_add_tcase(s, tc);
	return s;
}
