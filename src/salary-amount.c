/*
 * salary-amount.c - read one amount of money as written: "$100,000",
 * "USD 100K", "6,02,654.23", "1.234,56 €", "12 LPA", "6,4 mil", "500万".
 *
 * Digit grouping tells thousands from decimals (Indian lakh grouping,
 * European dots, Swiss apostrophes); suffixes and unit words multiply;
 * percentages, billions and 401(k)-style plan names are no amount.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "salary-internal.h"

static size_t digit_run(const char *p)
{
	size_t n = 0;

	while (salary_is_digit((unsigned char)p[n]))
		n++;
	return n;
}

/* "K" or "M" glued to a figure and ending the word: "130K", "1.5M". */
static int is_multiplier(const char *p)
{
	int c = salary_lower((unsigned char)*p);

	return (c == 'k' || c == 'm') && !salary_is_alpha((unsigned char)p[1]);
}

/*
 * Digit groups after the integer part: "100,000", "2,40,000" (Indian lakh:
 * twos ending in a three), "80 000", "65.000" (European: threes after a dot,
 * not followed by "K"), "120'000" (Swiss, also with a typographic ’).  Appends their digits to buf and sets *kind to the
 * separator; returns the end, or p when the grouping is not consistent.
 */
static const char *parse_groups(const char *p, char *buf, size_t *n, size_t size, char *kind)
{
	const char *q = p;
	size_t start = *n, sl, g, last = 0;

	*kind = 0;
	for (;;) {
		char k = *q == ',' || *q == '.' || *q == '\'' ? *q : ' ';

		sl = k != ' ' ? 1 : salary_space_len(q);
		if (k == ' ' && strncmp(q, "\xe2\x80\x99", 3) == 0) {
			k = '\'';	/* Swiss: 120'000, typographic apostrophe */
			sl = 3;
		}
		if (sl == 0 || (*kind && k != *kind) || *q == '\n' || *q == '\r' || *q == '\t')
			break;
		g = digit_run(q + sl);
		if (g != 3 && (g != 2 || k != ','))
			break;
		if (k == '.' && is_multiplier(q + sl + g))
			break;	/* "1.125K" is a decimal; "732.711kr" is not */
		if (*n + g >= size)
			return p;
		memcpy(buf + *n, q + sl, g);
		*n += g;
		q += sl + g;
		*kind = k;
		last = g;
	}
	if (q != p && last != 3) {
		*n = start;
		*kind = 0;
		return p;
	}
	return q;
}

/* A number as written: "100,000", "6,02,654.23", "80 000", "65.000", "35.36". */
static const char *parse_number(const char *p, double *value)
{
	char buf[48], *e, kind = 0;
	size_t n = digit_run(p), d;
	const char *q;

	if (n == 0 || n > 12)
		return NULL;
	memcpy(buf, p, n);
	q = n <= 3 ? parse_groups(p + n, buf, &n, sizeof(buf) - 16, &kind) : p + n;
	/* the decimal mark is whichever of '.' and ',' did not group; with no
	 * grouping, a comma before one or two digits is one too ("6,4 mil") */
	d = *q == (kind == '.' ? ',' : '.') ? digit_run(q + 1) : 0;
	if (d == 0 && kind == 0 && *q == ',' && digit_run(q + 1) <= 2)
		d = digit_run(q + 1);
	if (d > 0 && d <= (kind == '.' ? 2 : 6)) {
		buf[n++] = '.';
		memcpy(buf + n, q + 1, d);
		n += d;
		q += 1 + d;
	}
	if ((*q == ',' || *q == '.') && q[1] == '-' && !salary_is_digit((unsigned char)q[2]))
		q += 2;	/* "1300,-": a whole amount, no cents */
	buf[n] = '\0';
	errno = 0;
	*value = strtod(buf, &e);
	if (errno != 0 || *e != '\0')
		return NULL;
	return q;
}

/* Indian units after a number: lakh (10^5) and crore (10^7). */
static const struct {
	const char *word;
	double times;
	int per_year;
} indian_units[] = {
	{ "LPA", 1e5, 1 }, { "lpa", 1e5, 1 }, { "lakhs", 1e5, 0 }, { "lakh", 1e5, 0 },
	{ "Lakhs", 1e5, 0 }, { "Lakh", 1e5, 0 }, { "lacs", 1e5, 0 }, { "lac", 1e5, 0 },
	{ "Lacs", 1e5, 0 }, { "Lac", 1e5, 0 }, { "L", 1e5, 0 }, { "crores", 1e7, 0 },
	{ "crore", 1e7, 0 }, { "Crores", 1e7, 0 }, { "Crore", 1e7, 0 }, { "Cr", 1e7, 0 },
	{ "cr", 1e7, 0 },
};

/*
 * Whether a word ends at p: no letter follows, or a capital that starts
 * the next word glued on by a page's joined labels ("15L - 30LSalary",
 * "yrsExperience").
 */
static int unit_ends(const char *p)
{
	unsigned char c = (unsigned char)p[0];

	return !salary_is_alpha(c) || (c >= 'A' && c <= 'Z' && p[1] >= 'a' && p[1] <= 'z');
}

static const char *parse_indian_unit(const char *q, struct amount *am)
{
	const char *r = salary_skip_space(q);
	size_t i, n;

	for (i = 0; i < COUNT(indian_units); i++) {
		n = strlen(indian_units[i].word);
		if (strncmp(r, indian_units[i].word, n) != 0 || !unit_ends(r + n))
			continue;
		if (n == 1 && r != q)
			continue;	/* "12L" but not "12 L" */
		am->value *= indian_units[i].times;
		am->unit = indian_units[i].times;
		am->in_lakhs = 1;
		am->per_year = indian_units[i].per_year;
		return r + n;
	}
	return NULL;
}

/*
 * Thousands and ten-thousands written as words: "6,4 mil" (Portuguese and
 * Spanish), "400 ezer" (Hungarian), "500万" (Japanese and Chinese, glued;
 * also 萬, and Korean 만).  The Hungarian, German, Indonesian ("juta") and
 * Vietnamese ("triệu") millions count as millions.  A unit word makes
 * no figure money by itself: the amount still needs a currency.
 */
enum { UNIT_PLAIN, UNIT_MIL, UNIT_MAN };
static const struct {
	const char *word;
	double times;
	int glued;		/* written right after the figure, no space */
	int kind;		/* UNIT_MIL: a million in English; UNIT_MAN: 万 */
} word_units[] = {
	{ "mil", 1e3, 0, UNIT_MIL }, { "ezer", 1e3, 0, UNIT_PLAIN },
	{ "tys.", 1e3, 0, UNIT_PLAIN }, { "tys", 1e3, 0, UNIT_PLAIN },
	{ "\xe4\xb8\x87", 1e4, 1, UNIT_MAN }, { "\xe8\x90\xac", 1e4, 1, UNIT_MAN },	/* 万 萬 */
	{ "\xeb\xa7\x8c", 1e4, 1, UNIT_MAN }, { "\xec\x96\xb5", 1e8, 1, UNIT_MAN },	/* Korean 만 억 */
	{ "juta", 1e6, 0, UNIT_PLAIN }, { "tri\xe1\xbb\x87u", 1e6, 0, UNIT_PLAIN },	/* triệu */
	{ "milli\xc3\xb3", 1e6, 0, UNIT_PLAIN },				/* millió */
	{ "Mio.", 1e6, 0, UNIT_PLAIN }, { "Mio", 1e6, 0, UNIT_PLAIN },
};

static const char *parse_word_unit(const char *q, struct amount *am)
{
	const char *r = salary_skip_space(q), *e;
	size_t i;

	for (i = 0; i < COUNT(word_units); i++) {
		if (word_units[i].glued && r != q)
			continue;
		e = salary_match_phrase(r, word_units[i].word);
		if (e == NULL)
			continue;
		am->value *= word_units[i].times;
		am->unit = word_units[i].times;
		am->in_millions = word_units[i].times == 1e6;
		am->mil = word_units[i].kind == UNIT_MIL;
		am->man = word_units[i].kind == UNIT_MAN;
		return e;
	}
	return NULL;
}

/*
 * "K" multiplies by a thousand, "M" and "million" by a million (checked
 * against the period and currency in salary_finish); a percentage,
 * billions, trillions and 401(k)-style plan names refuse the amount.
 */
static const char *parse_suffix(const char *q, struct amount *am)
{
	const char *r = salary_skip_space(q), *e;
	int c = (unsigned char)*q;
	int plan = am->value == 401 || am->value == 403 || am->value == 457;

	if (*r == '%' || salary_match_phrase(q, "(k)") || salary_match_phrase(q, "(b)"))
		return NULL;
	if (plan && (c == 'k' || c == 'K' || c == 'b' || c == 'B'))
		return NULL;
	/* "37 k€": a spaced K only before a currency sign */
	if (r != q && (*r == 'k' || *r == 'K') && salary_match_currency(r + 1, &e, 0) != NULL)
		q = r;
	c = (unsigned char)*q;
	if ((c == 'k' || c == 'K') && !salary_is_alpha((unsigned char)q[1])) {
		am->value *= 1000;
		am->unit = 1000;
		am->has_k = 1;
		return q + 1;
	}
	if ((e = parse_word_unit(q, am)) != NULL)
		return e;
	if ((c == 'b' || c == 'B') && !salary_is_alpha((unsigned char)q[1]))
		return NULL;
	if (salary_match_phrase(r, "billion") || salary_match_phrase(r, "bn") ||
	    salary_match_phrase(r, "trillion") || salary_match_phrase(r, "tn"))
		return NULL;
	if ((c == 'm' || c == 'M') && !salary_is_alpha((unsigned char)q[1]))
		e = q + 1;
	else
		e = salary_match_phrase(r, "million") ? salary_match_phrase(r, "million")
						       : salary_match_phrase(r, "mn");
	if (e != NULL) {
		am->value *= 1e6;
		am->unit = 1e6;
		am->in_millions = 1;
		return e;
	}
	e = parse_indian_unit(q, am);
	return e != NULL ? e : q;
}

const char *salary_parse_amount(const char *p, struct amount *am)
{
	const char *q = p, *e;

	memset(am, 0, sizeof(*am));
	am->cur = salary_match_currency(q, &e, 1);
	am->cur_first = am->cur != NULL;
	if (am->cur != NULL) {
		q = salary_skip_space(e);
		if (salary_match_currency(q, &e, 1) != NULL)
			q = salary_skip_space(e);	/* "USD $1,200" */
	}
	if (!salary_is_digit((unsigned char)*q))
		return NULL;
	q = parse_number(q, &am->value);
	if (q != NULL)
		q = parse_suffix(q, am);
	if (q == NULL)
		return NULL;
	/* Letters glued to a number ("10pm", "3rd") make it no amount; a lakh
	 * unit has checked its own end ("30LSalary"). */
	if (salary_is_alpha((unsigned char)*q) && !am->in_lakhs && !salary_match_period(q, NULL) &&
	    !salary_match_currency(q, &e, 0))
		return NULL;
	if (am->cur == NULL) {
		am->cur = salary_match_currency(salary_skip_space(q), &e, 0);
		if (am->cur != NULL)
			q = e;
	}
	return q;
}

