/*
 * salary-text.c - find a salary in free text: "USD 100K - 130K",
 * "$35.36 - $37.10 an hour", "₹2,40,000 - ₹3,00,000 a year", "Up to $120K".
 *
 * A hand-written scanner over UTF-8 bytes.  At each word start it tries to
 * read [currency] number [K] [separator [currency] number [K]], then "+",
 * "or more", a trailing currency code and a period.  Readings that are
 * something else (percentages, 401(k), funding rounds, perks, dates, bare
 * small numbers) are refused.  The first range wins, else the first single
 * amount: a text that gives both usually gives a total first and the pay
 * range after it.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "salary-internal.h"

#define MAX_SKIP_WORDS 2	/* words allowed between an amount and its period */
#define PERK_AFTER 4		/* words after an amount checked for perk words */
#define PERK_BEFORE 3		/* ... and before it */
#define PERIOD_BEFORE 4		/* words before an amount searched for "hourly" */

/* Words that say an amount nearby is a perk, a bonus or company money. */
static const char *const perk_words[] = {
	"gym", "stipend", "equipment", "wellness", "lunch", "lunches", "meal",
	"meals", "allowance", "allowances", "reimbursement", "membership",
	"voucher", "vouchers", "credit", "credits", "budget", "perk", "perks",
	"discount", "snacks", "coffee", "internet", "commuter", "parking",
	"relocation", "referral", "bonus", "bonuses", "signing", "sign-on",
	"revenue", "funding", "raised", "valuation", "series", "arr", "grant",
};

/* Words that end the perk window: what follows is added to the pay. */
static const char *const joining_words[] = { "plus", "and", "with", "incl" };

static const char *const more_words[] = {
	"or more", "or above", "and above", "or higher", "and up",
};

static const char *const period_adjectives[] = {
	"hourly", "daily", "weekly", "monthly", "yearly", "annual", "annually",
};

struct amount {
	double value;
	const char *cur;	/* ISO code, a sign ("$", "kr") or NULL */
	int has_k;		/* "130K" */
	double unit;		/* what a suffix multiplied by: 1e3, 1e5, 1e6, 1e7; else 0 */
	int in_millions;	/* "5M", "1.2 million" */
	int in_lakhs;		/* "12 LPA", "15 Lacs", "1.5 Cr" */
	int per_year;		/* "LPA": lakhs per annum */
};

struct reading {
	const char *text, *country, *provenance;
	const char *start, *amounts_end, *end;
	struct amount a, b;
	int is_range, plus, period_direct;
	const char *cur;
	enum salary_period period;
};

static size_t digit_run(const char *p)
{
	size_t n = 0;

	while (salary_is_digit((unsigned char)p[n]))
		n++;
	return n;
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
		if (k == '.' && salary_is_alpha((unsigned char)q[sl + g]) &&
		    !salary_match_period(q + sl + g, NULL))
			break;	/* "1.125K" is a decimal */
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
	/* the decimal mark is whichever of '.' and ',' did not group */
	d = *q == (kind == '.' ? ',' : '.') ? digit_run(q + 1) : 0;
	if (d > 0 && d <= (kind == '.' ? 2 : 6)) {
		buf[n++] = '.';
		memcpy(buf + n, q + 1, d);
		n += d;
		q += 1 + d;
	}
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

static const char *parse_indian_unit(const char *q, struct amount *am)
{
	const char *r = salary_skip_space(q);
	size_t i, n;

	for (i = 0; i < COUNT(indian_units); i++) {
		n = strlen(indian_units[i].word);
		if (strncmp(r, indian_units[i].word, n) != 0 ||
		    salary_is_alpha((unsigned char)r[n]))
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
 * "K" multiplies by a thousand, "M" and "million" by a million (checked
 * against the period and currency in salary_finish); a percentage,
 * billions and 401(k)-style plan names refuse the amount.
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
	if ((c == 'k' || c == 'K') && !salary_is_alpha((unsigned char)q[1])) {
		am->value *= 1000;
		am->unit = 1000;
		am->has_k = 1;
		return q + 1;
	}
	if ((c == 'b' || c == 'B') && !salary_is_alpha((unsigned char)q[1]))
		return NULL;
	if (salary_match_phrase(r, "billion") || salary_match_phrase(r, "bn"))
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

/* [currency] number [K] [currency code]; NULL when p holds no amount. */
static const char *parse_amount(const char *p, struct amount *am)
{
	const char *q = p, *e;

	memset(am, 0, sizeof(*am));
	am->cur = salary_match_currency(q, &e, 1);
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
	/* Letters glued to a number ("10pm", "3rd") make it no amount. */
	if (salary_is_alpha((unsigned char)*q) && !salary_match_period(q, NULL) &&
	    !salary_match_currency(q, &e, 0))
		return NULL;
	if (am->cur == NULL) {
		am->cur = salary_match_currency(salary_skip_space(q), &e, 0);
		if (am->cur != NULL)
			q = e;
	}
	return q;
}

/* "-", en and em dashes, "to", Spanish "a", German "bis", French "à"; "and"
 * and "y" only after "between" / "entre".  An amount must follow. */
static const char *parse_range_sep(const char *p, int between)
{
	static const char *const seps[] = {
		"-", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x92", "_", "to",
		"a", "bis", "\xc3\xa0", "and", "y",	/* "$20,000 a $21,000", "à" */
	};
	size_t i, n, count = between ? COUNT(seps) : COUNT(seps) - 2;

	for (i = 0; i < count; i++) {
		n = strlen(seps[i]);
		if (strncmp(p, seps[i], n) != 0)
			continue;
		if (!salary_is_alpha((unsigned char)seps[i][n - 1]) ||
		    !salary_is_alnum((unsigned char)p[n]))
			return p + n;
	}
	return NULL;
}

/* Qualifiers after the amounts: "+", "or more", "*", a currency code, then a period. */
static void parse_tail(const char *q, struct reading *r)
{
	const char *s, *e, *iso;
	int i;

	for (i = 0; i < 4; i++) {
		s = salary_skip_space(q);
		if (*s == '+') {
			e = salary_skip_space(s + 1);
			if (salary_is_alpha((unsigned char)*e) && !salary_match_period(e, NULL))
				break;	/* "+ bonus" adds to the pay */
			r->plus = 1;
			q = s + 1;
		} else if (*s == '*') {
			q = s + 1;
		} else if ((e = salary_match_any(s, more_words, COUNT(more_words))) != NULL) {
			r->plus = 1;
			q = e;
		} else if ((iso = salary_match_currency(s, &e, 0)) != NULL) {
			if (r->cur == NULL)
				r->cur = iso;
			q = e;
		} else {
			break;
		}
	}
	r->end = q;
	s = salary_skip_space(q);
	if ((e = salary_match_period(s, &r->period)) != NULL) {
		r->period_direct = 1;
		r->end = e;
		return;
	}
	for (i = 0; i < MAX_SKIP_WORDS; i++) {
		e = s;
		while (salary_is_alpha((unsigned char)*e) || *e == '-')
			e++;
		if (e == s)
			return;
		s = salary_skip_space(e);
		if ((e = salary_match_period(s, &r->period)) != NULL) {
			r->end = e;
			return;
		}
	}
}

/* "between $50,000 and $70,000" (Spanish "entre ... y ...") */
static int after_between(const char *text, const char *p)
{
	static const char *const between[] = { "between", "entre" };
	const char *ws[1], *we[1];

	return salary_words_before(text, p, 1, ws, we) == 1 &&
	       salary_word_in(ws[0], we[0], between, COUNT(between));
}

static int parse_reading(const char *text, const char *p, struct reading *r)
{
	const char *q, *s;

	memset(r, 0, sizeof(*r));
	r->text = text;
	r->start = p;
	q = parse_amount(p, &r->a);
	if (q == NULL)
		return 0;
	s = parse_range_sep(salary_skip_space(q), after_between(text, p));
	if (s != NULL && (s = parse_amount(salary_skip_space(s), &r->b)) != NULL) {
		if ((*s == '-' || *s == '/') && salary_is_digit((unsigned char)s[1]))
			return 0;	/* a date: 2024-01-15 */
		r->is_range = 1;
		q = s;
	}
	r->amounts_end = q;
	r->cur = r->a.cur != NULL ? r->a.cur : r->b.cur;
	parse_tail(q, r);
	return 1;
}

/* A perk word right after the amounts, before anything that adds to the pay. */
static int perk_after(const char *p)
{
	const char *e;
	int words = 0;

	while (words < PERK_AFTER) {
		p = salary_skip_space(p);
		if (*p == '/' || *p == '*') {
			p++;
			continue;
		}
		for (e = p; salary_is_alpha((unsigned char)*e) || *e == '-'; e++)
			;
		if (e == p || salary_word_in(p, e, joining_words, COUNT(joining_words)))
			return 0;
		if (salary_word_in(p, e, perk_words, COUNT(perk_words)))
			return 1;
		p = e;
		words++;
	}
	return 0;
}

static int perk_near(const char *text, const struct reading *r)
{
	const char *ws[PERK_BEFORE], *we[PERK_BEFORE];
	size_t i, n = salary_words_before(text, r->start, PERK_BEFORE, ws, we);

	for (i = 0; i < n; i++)
		if (salary_word_in(ws[i], we[i], perk_words, COUNT(perk_words)))
			return 1;
	return perk_after(r->amounts_end);
}

/* "Paid at an hourly rate of $46.75": a period adjective shortly before. */
static enum salary_period period_before(const char *text, const char *p)
{
	const char *ws[PERIOD_BEFORE], *we[PERIOD_BEFORE];
	size_t i, n = salary_words_before(text, p, PERIOD_BEFORE, ws, we);
	enum salary_period period;

	for (i = 0; i < n; i++)
		if (salary_word_in(ws[i], we[i], period_adjectives, COUNT(period_adjectives)) &&
		    salary_match_period(ws[i], &period) != NULL)
			return period;
	return PERIOD_UNKNOWN;
}

/* "Up to $120K", "From $19 an hour", "Starting at $50K", "$120K+". */
static enum salary_kind single_kind(const char *text, const struct reading *r)
{
	static const char *const up_to[] = { "upto", "max", "maximum" };
	static const char *const from[] = { "from", "min", "minimum", "starting" };
	const char *ws[2], *we[2];
	size_t n = salary_words_before(text, r->start, 2, ws, we);

	if (n >= 1 && salary_word_in(ws[0], we[0], up_to, COUNT(up_to)))
		return SAL_UP_TO;
	if (n == 2 && salary_match_phrase(ws[1], "up to") == we[0])
		return SAL_UP_TO;
	if (n >= 1 && salary_word_in(ws[0], we[0], from, COUNT(from)))
		return SAL_FROM;
	if (n == 2 && (salary_match_phrase(ws[1], "starting at") == we[0] ||
		       salary_match_phrase(ws[1], "at least") == we[0]))
		return SAL_FROM;
	return r->plus ? SAL_PLUS : SAL_SINGLE;
}

/*
 * Without a currency or a period, only a range is pay: "80-90k", or five
 * figures at both ends no more than ten times apart ("84000 - 99,601.85").
 * Single bare numbers ("17K", "113,976") are counts, codes and years far
 * more often than pay.
 */
static int bare_range_is_pay(const struct reading *r)
{
	double lo = r->a.value, hi = r->b.value;

	if (lo > hi) {
		lo = r->b.value;
		hi = r->a.value;
	}
	return r->is_range && lo >= 10000 && hi <= lo * 10;
}

/*
 * A filter facet, not a posting's pay: an amount followed by a count in
 * parentheses, "$40,000+ (30,336)".
 */
static int facet_count_after(const char *p)
{
	const char *q = salary_skip_space(p);

	if (*q++ != '(' || !salary_is_digit((unsigned char)*q))
		return 0;
	while (salary_is_digit((unsigned char)*q) || *q == ',' || *q == '.')
		q++;
	return *q == ')';
}

/*
 * "$100-130K", "¥5-8M", "10-15 Lacs": a bare low end shares the high end's
 * unit when that makes it the smaller figure of the same order; and the
 * other way round ("$100K-130").
 */
static void share_unit(struct amount *a, struct amount *b)
{
	if (a->unit == 0 && b->unit > 0 && a->value * b->unit <= b->value &&
	    a->value * b->unit * 10 >= b->value) {
		a->value *= b->unit;
		a->unit = b->unit;
	} else if (b->unit == 0 && a->unit > 0 && b->value * a->unit >= a->value &&
		   b->value * a->unit <= a->value * 10) {
		b->value *= a->unit;
		b->unit = a->unit;
	}
}

static enum salary_kind range_kind(struct reading *r)
{
	share_unit(&r->a, &r->b);
	if (r->a.value == 0) {
		r->a.value = r->b.value;	/* "$0 - $650": only the top says anything */
		return SAL_UP_TO;
	}
	/* "$140 - $160000": a short end shares the other's thousands */
	if (r->a.value < 1000 && r->b.value >= 10000 && r->a.value * 1000 <= r->b.value &&
	    r->a.value * 1000 >= r->b.value / 10)
		r->a.value *= 1000;
	return SAL_RANGE;
}

static int accept_reading(struct reading *r, struct salary *out)
{
	struct salary_reading sr = { 0 };
	int lakhs = r->a.in_lakhs || r->b.in_lakhs, k = r->a.has_k || r->b.has_k || lakhs;

	/* Lakhs and crores are money by themselves; other bare numbers need a
	 * currency, a period, or the shape of a pay range. */
	if (r->cur == NULL && !r->period_direct && !lakhs &&
	    !(r->is_range && (k || bare_range_is_pay(r))))
		return 0;
	if (perk_near(r->text, r) || facet_count_after(r->end))
		return 0;
	if (r->period == PERIOD_UNKNOWN && (r->a.per_year || r->b.per_year))
		r->period = PERIOD_YEAR;
	if (r->period == PERIOD_UNKNOWN && (r->cur != NULL || k))
		r->period = period_before(r->text, r->start);
	sr.kind = r->is_range ? range_kind(r) : single_kind(r->text, r);
	sr.lo = r->a.value;
	sr.hi = r->is_range ? r->b.value : r->a.value;
	sr.cur = r->cur;
	sr.period = r->period;
	sr.in_millions = r->a.in_millions || r->b.in_millions;
	sr.in_lakhs = r->a.in_lakhs || r->b.in_lakhs;
	sr.provenance = r->provenance;
	sr.country = r->country;
	return salary_finish(out, &sr);
}

/* Where a reading may begin: not inside a word or a number such as "4.4". */
static int reading_start(const char *text, const char *p)
{
	if (p == text)
		return 1;
	if (salary_is_alnum((unsigned char)p[-1]))
		return 0;
	return !((p[-1] == '.' || p[-1] == ',') && p - 1 > text &&
		 salary_is_digit((unsigned char)p[-2]));
}

/* Past the word, number or character at p; a refused amount goes whole. */
static const char *skip_token(const char *p)
{
	const char *e;

	if (salary_match_currency(p, &e, 1) != NULL)
		p = salary_skip_space(e);
	else if (!salary_is_alnum((unsigned char)*p))
		return p + 1;
	while (salary_is_alnum((unsigned char)*p) ||
	       ((*p == '.' || *p == ',') && salary_is_digit((unsigned char)p[1])))
		p++;
	return p;
}

/* The first place in text where one of phrases starts a word, or NULL. */
static const char *find_phrase(const char *text, const char *const *phrases, size_t n)
{
	const char *p;

	for (p = text; *p; p++)
		if (reading_start(text, p) && salary_match_any(p, phrases, n))
			return p;
	return NULL;
}

/* Texts that name an amount but say there is no salary. */
static int no_salary_text(const char *text)
{
	static const char *const phrases[] = { "commission only", "commission-only" };

	return find_phrase(text, phrases, COUNT(phrases)) != NULL;
}

/*
 * "$53K-$91K (Glassdoor est.)", "Estimated $80K - $100K a year": the
 * board's own estimate.  "(Employer est.)" and "Employer Provided Salary"
 * are the employer's figures.
 */
static const char *provenance_of(const char *text)
{
	static const char *const estimate[] = { "est.", "est)", "estimated", "estimate" };
	static const char *const employer[] = { "employer est", "employer provided",
						 "employer-provided" };

	if (find_phrase(text, employer, COUNT(employer)) != NULL)
		return "text";
	return find_phrase(text, estimate, COUNT(estimate)) != NULL ? "estimate" : "text";
}

int salary_scan_text(const char *text, const char *country, struct salary *out)
{
	struct salary single, got;
	struct reading r;
	const char *p = text, *provenance;

	memset(out, 0, sizeof(*out));
	memset(&single, 0, sizeof(single));
	if (no_salary_text(text))
		return 0;
	provenance = provenance_of(text);
	while (*p) {
		if (reading_start(text, p) && parse_reading(text, p, &r)) {
			r.country = country;
			r.provenance = provenance;
			if (accept_reading(&r, &got)) {
				if (r.is_range) {
					*out = got;
					return 1;
				}
				if (!single.found)
					single = got;
				p = r.end;
				continue;
			}
		}
		p = skip_token(p);
	}
	*out = single;
	return out->found;
}
