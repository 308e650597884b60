/*
 * salary-internal.h - shared between salary.c (API, sanity checks, the
 * vocabulary) and salary-text.c (the text scanner).  Not part of the public
 * API.
 */
#ifndef JOBSTATS_SALARY_INTERNAL_H
#define JOBSTATS_SALARY_INTERNAL_H

#include <stddef.h>

#include "salary.h"

/* How the amounts were qualified; indexes the rule-name table. */
enum salary_kind {
	SAL_SINGLE,
	SAL_RANGE,
	SAL_UP_TO,
	SAL_FROM,
	SAL_PLUS,
	SAL_HINTS
};

/* What a scanner (or the structured hints) read, before the checks. */
struct salary_reading {
	double lo, hi;		/* as read; swapped by salary_finish when lo > hi */
	const char *cur;	/* ISO code, a sign ("$", "kr", "R") or NULL */
	enum salary_period period;
	enum salary_kind kind;
	int in_millions;	/* "¥5M": needs a stated period or a many-digit currency */
	int in_lakhs;		/* "12 LPA", "10-15 Lacs": Indian, and yearly by custom */
	int in_man;		/* "年収500万" with a pay word: money without a sign */
	const char *provenance;	/* "structured", "text" or "estimate" */
	const char *country;	/* ISO 3166-1 alpha-2 hint or "" / NULL */
};

/*
 * Check a reading and write it into out (zeroed first).  Returns
 * out->found: 0 when the figures cannot be pay.
 */
int salary_finish(struct salary *out, const struct salary_reading *r);

/* The rule name of a reading whose inferred year the text states after all
 * ("range-inferred-year" -> "range"); other names as they are. */
const char *salary_rule_stated(const char *rule);

/* Find the salary in free text; returns out->found (salary-text.c).
 * country (may be NULL) reads "$" and "kr". */
int salary_scan_text(const char *text, const char *country, struct salary *out);

/* The vocabulary (salary.c).  Text is UTF-8; only ASCII letters fold case. */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static inline int salary_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int salary_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int salary_is_alnum(int c)
{
	return salary_is_alpha(c) || salary_is_digit(c);
}

/*
 * Does a word go on at p: an ASCII letter, '-', or a non-ASCII character
 * ("månedslønn", "bruttó", "年収") other than NO-BREAK SPACE and U+2000 to
 * U+203F (spaces, dashes, quotes)?  p is the first byte of a character.
 */
static inline int salary_is_word_byte(const char *p)
{
	unsigned char c = (unsigned char)*p;

	if (c < 0x80)
		return salary_is_alpha(c) || c == '-';
	if (c == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 0;
	return !(c == 0xe2 && (unsigned char)p[1] == 0x80);
}

static inline int salary_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Bytes of the space at p (ASCII blanks, NBSP, thin/narrow NBSP), 0 if none. */
size_t salary_space_len(const char *p);
const char *salary_skip_space(const char *p);
/*
 * Match phrase at p, ignoring ASCII case; ' ' in phrase matches one or more
 * spaces; a phrase ending in a letter must end a word.  Returns the end of
 * the match or NULL.
 */
const char *salary_match_phrase(const char *p, const char *phrase);
/* The first of n phrases that matches at p. */
const char *salary_match_any(const char *p, const char *const *list, size_t n);
/* A period spelling at p ("a year", "/hr", "p.a."); period may be NULL. */
const char *salary_match_period(const char *p, enum salary_period *period);
/* A bare unit word at p ("HOUR", "year", "pm"): a period only after an
 * amount that names its currency. */
const char *salary_match_unit_word(const char *p, enum salary_period *period);
/*
 * A currency at p, case-sensitive ("CAD" is a code, "cad" a word): its ISO
 * code or a sign ("$", "kr", "R"), with *end set, or NULL.  before_figure
 * 1 reads a currency that precedes its figure, and refuses the words that
 * are money only after one ("원", "đồng", "naira"); 0 reads one after a
 * figure, and refuses "$" spellings (they belong to the next amount).
 * (salary-currency.c)
 */
const char *salary_match_currency(const char *p, const char **end, int before_figure);
/*
 * An ISO code for what salary_match_currency found: codes pass through;
 * "$", "kr", "R", "pesos" and "元" are read by country (setting
 * SALARY_CURRENCY_* in *notes); "$" of no dollar country is USD and "元"
 * CNY, assumed; else NULL.
 */
const char *salary_resolve_currency(const char *cur, const char *country, unsigned *notes);
/* Whether a sign ("N", "P", "Fr.", dirhams) is money only on a page of a
 * country that says which; elsewhere it is a letter, a region or a word. */
int salary_sign_needs_country(const char *cur);
/* Rough units of iso per US dollar, for sanity windows only (1 if unknown). */
double salary_currency_scale(const char *iso);
/* Whether the word [s, e) is one of list (lower case), ignoring ASCII case. */
int salary_word_in(const char *s, const char *e, const char *const *list, size_t n);
/*
 * Up to n words before p, nearest first, as [ws[i], we[i]); blanks, ':' and
 * '(' between them are skipped, other punctuation stops.  Returns how many.
 */
size_t salary_words_before(const char *text, const char *p, size_t n,
			   const char **ws, const char **we);

/*
 * The Japanese, Chinese or Korean pay word (年収, 月給, 時給, 연봉 ...) nearest
 * before p, within a few characters: "月給30万円（年収450万円）" is 300,000 a
 * month, then 4.5M a year.  *at (when not NULL) is set to where it starts,
 * NULL when there is none.  (salary-period.c)
 */
enum salary_period salary_cjk_period(const char *text, const char *p, const char **at);

/*
 * Whether the money read at [start, amounts_end), with its qualifiers up to
 * end, is something other than pay: a perk, a price, a plan's sum, a
 * holding, an allowance, a filter facet (salary-notpay.c).
 */
int salary_not_pay(const char *text, const char *start, const char *amounts_end,
		   const char *end);
/* Whether an extra (overtime, a differential, commission ...) is named in
 * the few words after p: "$25/hr and $37.50/hr overtime". */
int salary_extra_after(const char *p);

/* One amount as written (salary-amount.c). */
struct amount {
	double value;
	const char *cur;	/* ISO code, a sign ("$", "kr") or NULL */
	int cur_first;		/* the currency stands before the figure: "£28,142" */
	int has_k;		/* "130K" */
	double unit;		/* what a suffix multiplied by: 1e3, 1e5, 1e6, 1e7; else 0 */
	int in_millions;	/* "5M", "1.2 million" */
	int in_lakhs;		/* "12 LPA", "15 Lacs", "1.5 Cr" */
	int per_year;		/* "LPA": lakhs per annum */
	int mil;		/* "6,4 mil": a thousand in Spanish and Portuguese only */
	int man;		/* "500万" */
};

/* [currency] number [K] [currency code] at p: the end, or NULL when p holds
 * no amount. */
const char *salary_parse_amount(const char *p, struct amount *am);

#endif
