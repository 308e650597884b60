/*
 * salary.c - salary text to numbers (salary.h).
 *
 * This file owns the public API (structured hints against text, sanity
 * checks, rule and note names) and the shared vocabulary helpers: UTF-8
 * spaces, phrase matching and the words around an amount.  Amounts are read
 * in salary-amount.c, currencies in salary-currency.c, periods in
 * salary-period.c, and the scanner that finds them in text is
 * salary-text.c.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "iso-codes.h"
#include "salary.h"
#include "salary-internal.h"

/* Bytes of the space at p: ASCII blanks, NBSP, thin and narrow NBSP. */
size_t salary_space_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (*u == ' ' || *u == '\t' || *u == '\n' || *u == '\r')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xaf))
		return 3;
	return 0;
}

const char *salary_skip_space(const char *p)
{
	size_t n;

	while ((n = salary_space_len(p)) != 0)
		p += n;
	return p;
}

/*
 * Match phrase at p, ignoring ASCII case; ' ' in phrase matches one or more
 * spaces.  A phrase ending in a letter must end a word.  Returns the end.
 */
const char *salary_match_phrase(const char *p, const char *phrase)
{
	const char *q;

	for (; *phrase; phrase++) {
		if (*phrase == ' ') {
			q = salary_skip_space(p);
			if (q == p)
				return NULL;
			p = q;
		} else if (salary_lower((unsigned char)*p) ==
			   salary_lower((unsigned char)*phrase)) {
			p++;
		} else {
			return NULL;
		}
	}
	if (salary_is_alnum((unsigned char)phrase[-1]) && salary_is_alnum((unsigned char)*p))
		return NULL;
	return p;
}

const char *salary_match_any(const char *p, const char *const *list, size_t n)
{
	const char *e;
	size_t i;

	for (i = 0; i < n; i++)
		if ((e = salary_match_phrase(p, list[i])) != NULL)
			return e;
	return NULL;
}

/*
 * The word before p, skipping blanks, ':', '(' and '~': sets *start and returns
 * its end, or NULL when other punctuation or the text's start comes first.
 */
static const char *prev_word(const char *text, const char *p, const char **start)
{
	const char *e = p, *s, *lead;

	while (e > text) {
		unsigned char c = (unsigned char)e[-1];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == '(' ||
		    c == '~')
			e--;	/* "~" is "about": "spend the ~$200" */
		else if (c == 0xa0 && e - 1 > text && (unsigned char)e[-2] == 0xc2)
			e -= 2;
		else
			break;
	}
	for (s = e; s > text; s = lead) {
		lead = s - 1;
		while (lead > text && ((unsigned char)*lead & 0xc0) == 0x80)
			lead--;	/* back to the first byte of a UTF-8 character */
		if (!salary_is_word_byte(lead))
			break;
	}
	if (s == e)
		return NULL;
	*start = s;
	return e;
}

int salary_word_in(const char *s, const char *e, const char *const *list, size_t n)
{
	size_t i, len = (size_t)(e - s);

	for (i = 0; i < n; i++) {
		const char *w = list[i];
		size_t j;

		/* Compared as far as both go, not measured first: most words
		 * differ at once. */
		for (j = 0; j < len && w[j] != '\0' &&
			    salary_lower((unsigned char)s[j]) == (unsigned char)w[j];
		     j++)
			;
		if (j == len && w[j] == '\0')
			return 1;
	}
	return 0;
}

size_t salary_words_before(const char *text, const char *p, size_t n,
			   const char **ws, const char **we)
{
	size_t i;

	for (i = 0; i < n; i++) {
		we[i] = prev_word(text, p, &ws[i]);
		if (we[i] == NULL)
			break;
		p = ws[i];
	}
	return i;
}

/* Rule names: [kind][1 when the year was inferred from the size]. */
static const char *const rule_names[][2] = {
	[SAL_SINGLE] = { "single", "single-inferred-year" },
	[SAL_RANGE] = { "range", "range-inferred-year" },
	[SAL_UP_TO] = { "up-to", "up-to-inferred-year" },
	[SAL_FROM] = { "from", "from-inferred-year" },
	[SAL_PLUS] = { "plus", "plus-inferred-year" },
	[SAL_HINTS] = { "hints", "hints-inferred-year" },
};
/* "span" and "span-inferred-year" (salary-text.c) join two singles. */

const char *salary_rule_stated(const char *rule)
{
	size_t i;

	if (rule != NULL && strcmp(rule, "span-inferred-year") == 0)
		return "span";
	for (i = 0; rule != NULL && i < COUNT(rule_names); i++)
		if (strcmp(rule, rule_names[i][1]) == 0)
			return rule_names[i][0];
	return rule;
}

/* Names of struct salary's notes, in bit order (documented in jobstats(1)). */
static const struct {
	unsigned bit;
	const char *name;
} note_names[] = {
	{ SALARY_SWAPPED, "swapped" },
	{ SALARY_CURRENCY_ASSUMED, "currency-assumed" },
	{ SALARY_CURRENCY_BY_COUNTRY, "currency-by-country" },
	{ SALARY_FROM_DESCRIPTION, "from-description" },
};

const char *salary_note(size_t i, unsigned *bit)
{
	if (i >= COUNT(note_names))
		return NULL;
	*bit = note_names[i].bit;
	return note_names[i].name;
}

void salary_notes_text(unsigned notes, char buf[SALARY_NOTES_TEXT_MAX])
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < COUNT(note_names); i++)
		if (notes & note_names[i].bit)
			n += (size_t)snprintf(buf + n, SALARY_NOTES_TEXT_MAX - n, "%s%s",
					      n ? " " : "", note_names[i].name);
}

unsigned salary_notes_parse(const char *text)
{
	unsigned notes = 0;
	size_t i, len;

	while (text != NULL && *text != '\0') {
		len = strcspn(text, " ");
		for (i = 0; i < COUNT(note_names); i++)
			if (strlen(note_names[i].name) == len &&
			    strncmp(text, note_names[i].name, len) == 0)
				notes |= note_names[i].bit;
		text += len + (text[len] == ' ');
	}
	return notes;
}

/*
 * Per stated period, the pay a real posting stays within, in US dollars
 * (other currencies scaled by salary_currency_scale): an hourly rate of
 * 95,000 is a yearly figure with the wrong unit, a yearly salary of 12 a
 * misread.  Documented in jobstats(1), SALARIES.
 */
static const struct {
	double lo, hi;
} windows[] = {
	[PERIOD_UNKNOWN] = { 0, 1e300 },
	[PERIOD_HOUR] = { 0.5, 1000 },
	[PERIOD_DAY] = { 4, 10000 },
	[PERIOD_WEEK] = { 20, 50000 },
	[PERIOD_MONTH] = { 50, 200000 },
	[PERIOD_YEAR] = { 1000, 5e6 },
};

/* With no period stated, a figure this large (in dollars) is yearly pay. */
#define YEARLY_WITHOUT_PERIOD 10000
/* Amounts in millions without a period only in currencies of many digits. */
#define MILLIONS_MIN_SCALE 20

static int within_window(double lo, double hi, enum salary_period period, double scale)
{
	return lo / scale >= windows[period].lo && hi / scale <= windows[period].hi &&
	       salary_annualize(hi, period) <= SALARY_ANNUAL_CEILING;
}

/* The period when none was stated: yearly for large figures and lakhs. */
static enum salary_period implied_period(const struct salary_reading *r, double lo,
					 double scale, int *inferred)
{
	if (r->period != PERIOD_UNKNOWN)
		return r->period;
	if (r->in_lakhs || lo / scale >= YEARLY_WITHOUT_PERIOD) {
		*inferred = 1;
		return PERIOD_YEAR;
	}
	return PERIOD_UNKNOWN;
}

/*
 * Fill out from a reading, or leave it zeroed and return 0 when the numbers
 * cannot be pay: not finite, negative, nothing but zeros, outside the
 * window of their period, or beyond SALARY_ANNUAL_CEILING a year.  Max
 * written first is swapped and noted; the rule name says when the year
 * was inferred from the size.
 */
int salary_finish(struct salary *out, const struct salary_reading *r)
{
	double lo = r->lo < r->hi ? r->lo : r->hi, hi = r->lo < r->hi ? r->hi : r->lo, scale;
	const char *cur;
	enum salary_period period;
	unsigned notes = r->lo > r->hi ? SALARY_SWAPPED : 0;
	int inferred = 0;

	memset(out, 0, sizeof(*out));
	if (!isfinite(lo) || !isfinite(hi) || lo < 0 || hi <= 0)
		return 0;
	/* A currency comes only from the text's own sign or code, or its
	 * country: lakhs are counted in rupees (and taka) of several
	 * countries, so "12 LPA" on a page of no country names none; so are
	 * ten-thousands (万) in yen, yuan and won. */
	cur = salary_resolve_currency(r->cur != NULL ? r->cur : r->in_lakhs ? "lakh" :
				      r->in_man ? "ten-thousand" : NULL, r->country, &notes);
	/* with no currency, size lakhs as rupees and 万 as yuan (the smaller
	 * of yen and yuan, so no yearly yen figure falls out of the window) */
	scale = salary_currency_scale(cur != NULL ? cur : r->in_lakhs ? "INR" :
				      r->in_man ? "CNY" : NULL);
	if (r->in_millions && r->period == PERIOD_UNKNOWN && scale < MILLIONS_MIN_SCALE)
		return 0;
	period = implied_period(r, lo, scale, &inferred);
	if (!within_window(lo, hi, period, scale))
		return 0;
	out->found = 1;
	out->min = lo;
	out->max = hi;
	if (cur != NULL)
		memcpy(out->currency, cur, 4);
	out->period = period;
	out->annual_min = salary_annualize(lo, period);
	out->annual_max = salary_annualize(hi, period);
	out->provenance = r->provenance;
	out->rule = rule_names[r->kind][inferred];
	out->notes = notes;
	return 1;
}

/*
 * A currency from structured data: an ISO 4217 code, upper-cased; or a sign
 * or spelling alone ("€", "US$", "$"; some boards put the symbol where the
 * code belongs), which salary_finish reads as text would.  Else NULL.
 */
static const char *hint_currency(const char *in, char out[4])
{
	const char *sign, *e;
	int i;

	in = salary_skip_space(in);
	sign = salary_match_currency(in, &e, 1);
	if (sign != NULL && *salary_skip_space(e) == '\0')
		return sign;
	for (i = 0; i < 3; i++) {
		if (!salary_is_alpha((unsigned char)in[i]))
			return NULL;
		out[i] = (char)(salary_lower((unsigned char)in[i]) - 'a' + 'A');
	}
	out[3] = '\0';
	if (strcmp(out, "RUR") == 0)
		memcpy(out, "RUB", 4);	/* the pre-1998 code, which hh.ru still gives */
	if (*salary_skip_space(in + 3) != '\0' || !iso_currency_known(out))
		return NULL;	/* "DOL", "XYZ": no currency, the text may name one */
	return out;
}

/*
 * Structured numbers win; a currency or period the structure leaves out is
 * taken from the text when the text states one.
 */
static int parse_hints(const struct salary_hints *h, const struct salary *text,
		       struct salary *out)
{
	char cbuf[4];
	struct salary_reading r = {
		.lo = h->min > 0 ? h->min : h->max,
		.hi = h->max > 0 ? h->max : h->min,
		.cur = hint_currency(h->currency, cbuf),
		.period = h->period,
		.kind = SAL_HINTS,
		.provenance = "structured",
		.country = h->country,
	};

	/* a code the text names wins over a sign the structure gives ("$"
	 * and "CA$80,000"), unless the text's own code was only assumed */
	if ((r.cur == NULL || !iso_currency_known(r.cur)) && text->found && text->currency[0] &&
	    !(r.cur != NULL && (text->notes & SALARY_CURRENCY_ASSUMED)))
		r.cur = text->currency;
	if (r.period == PERIOD_UNKNOWN && text->found &&
	    strstr(text->rule, "inferred") == NULL)
		r.period = text->period;
	return salary_finish(out, &r);
}

int salary_parse(const char *text, const struct salary_hints *hints, struct salary *out)
{
	struct salary from_text;

	memset(&from_text, 0, sizeof(from_text));
	if (text != NULL)
		salary_scan_text(text, hints ? hints->country : NULL, &from_text);
	if (hints != NULL && (hints->min > 0 || hints->max > 0) &&
	    parse_hints(hints, &from_text, out))
		return 1;
	*out = from_text;
	return out->found;
}
