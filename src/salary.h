/*
 * salary.h - salary text to numbers.  Pure functions: no I/O, no globals.
 */
#ifndef JOBSTATS_SALARY_H
#define JOBSTATS_SALARY_H

enum salary_period {
	PERIOD_UNKNOWN = 0,
	PERIOD_HOUR,
	PERIOD_DAY,
	PERIOD_WEEK,
	PERIOD_MONTH,
	PERIOD_YEAR
};

/*
 * One set of annualization constants for the whole program (also written in
 * the man page): a year is 2080 working hours, 260 working days, 52 weeks,
 * 12 months.
 */
#define HOURS_PER_YEAR 2080
#define DAYS_PER_YEAR 260
#define WEEKS_PER_YEAR 52
#define MONTHS_PER_YEAR 12

/*
 * No yearly pay in any currency reaches this (10^12: a million dollars a
 * year is 2.5e10 in the currency with the most digits); a figure above it
 * is a misread number or a hostile page, never a salary.
 */
#define SALARY_ANNUAL_CEILING 1e12

/* Bytes kept of a structured currency (a longer one is no currency). */
#define SALARY_HINT_CURRENCY_MAX 16

/* Structured salary data a page may give beside (or instead of) text, and
 * what the page says about where it is. */
struct salary_hints {
	double min, max;	/* 0 when absent */
	/* ISO 4217, or the symbol some boards put in its place ("€", "US$");
	 * "" when absent */
	char currency[SALARY_HINT_CURRENCY_MAX];
	enum salary_period period;	/* PERIOD_UNKNOWN when absent */
	char country[3];	/* ISO 3166-1 alpha-2 hint for "$", "" when unknown */
};

/* What a reading had to assume, beside its rule (struct salary.notes). */
#define SALARY_SWAPPED 0x1		/* written max first: min and max swapped */
#define SALARY_CURRENCY_ASSUMED 0x2	/* "$" with no country to say which: USD */
#define SALARY_CURRENCY_BY_COUNTRY 0x4	/* "$", "kr" or "R" read by the page's country */
#define SALARY_FROM_DESCRIPTION 0x8	/* read in the description, not the salary text */

struct salary {
	int found;		/* 0: the text holds no salary; other fields zero */
	double min, max;	/* in currency per period; min == max for one value */
	char currency[4];	/* ISO 4217, "" when the text gives none */
	enum salary_period period;	/* PERIOD_UNKNOWN when not stated or guessed */
	double annual_min, annual_max;	/* per year; 0 when period is unknown */
	const char *provenance;	/* static: "structured", "text" or "estimate"
				 * (the board's own estimate, "(Glassdoor est.)") */
	const char *rule;	/* static: name of the rule that matched */
	unsigned notes;		/* SALARY_SWAPPED | SALARY_CURRENCY_... */
};

/*
 * Parse a salary.  text may be NULL (hints only); hints may be NULL.
 * Structured hints with a min or max win over the text.  Returns out->found.
 */
int salary_parse(const char *text, const struct salary_hints *hints, struct salary *out);

/*
 * The salary a posting's description states (salary-description.c), for a
 * posting whose salary text and structured data give none.  Only text near
 * a pay word ("salary", "pay range", "compensation", "Gehalt", "年収", ...)
 * is read, by salary_parse's reader, and a reading counts only with a
 * currency.  The first range with a period (stated, or yearly by its size)
 * wins, else the first single figure with one, else the first range
 * without one; a single figure without a period never counts.  A figure
 * limited to another country than the posting's ("For U.S.-based roles"
 * in a posting in Montreal) does not count.  Provenance "text", notes include
 * SALARY_FROM_DESCRIPTION.  text may be NULL; country as in struct
 * salary_hints.  Time linear in the text's length.  Returns out->found.
 */
int salary_from_description(const char *text, const char *country, struct salary *out);

/* "hour", "day", "week", "month", "year" or NULL for PERIOD_UNKNOWN. */
const char *salary_period_name(enum salary_period p);
/* Inverse of salary_period_name, also accepting schema.org unitText
 * ("HOUR", "YEAR", ...); PERIOD_UNKNOWN when not recognised. */
enum salary_period salary_period_from_name(const char *name);
/* Multiply an amount per period into an amount per year (0 when unknown). */
double salary_annualize(double amount, enum salary_period p);
/* What salary_annualize multiplies by: HOURS_PER_YEAR ... 1; 0 when unknown. */
double salary_annual_factor(enum salary_period p);

/* Names of notes, in bit order ("swapped", "currency-assumed",
 * "currency-by-country", "from-description"), as stored and exported. */
#define SALARY_NOTES_TEXT_MAX 64
/* The names of notes joined by spaces into buf; "" when none. */
void salary_notes_text(unsigned notes, char buf[SALARY_NOTES_TEXT_MAX]);
/* The notes whose names text holds (space-separated); 0 for NULL. */
unsigned salary_notes_parse(const char *text);
/* The name of the i-th note and its bit in *bit; NULL past the last. */
const char *salary_note(size_t i, unsigned *bit);

#endif
