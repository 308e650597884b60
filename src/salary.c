/*
 * salary.c - salary text to numbers (salary.h).
 *
 * This file owns the public API (structured hints against text, sanity
 * checks, annualization, period names) and the vocabulary of salary text:
 * currency and period spellings, UTF-8 spaces, phrase matching and the
 * words around an amount.  The scanner that finds amounts in text is
 * salary-text.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "salary.h"
#include "salary-internal.h"

/* Longest spelling first where one is a prefix of another ("US$", "$"). */
static const struct {
	const char *text;
	const char *iso;
} currencies[] = {
	{ "US$", "USD" }, { "USD", "USD" }, { "CA$", "CAD" }, { "C$", "CAD" },
	{ "CAD", "CAD" }, { "AU$", "AUD" }, { "A$", "AUD" }, { "AUD", "AUD" },
	{ "NZ$", "NZD" }, { "NZD", "NZD" }, { "HK$", "HKD" }, { "HKD", "HKD" },
	{ "S$", "SGD" }, { "SGD", "SGD" }, { "R$", "BRL" }, { "BRL", "BRL" },
	{ "$", "USD" },
	{ "\xe2\x82\xac", "EUR" }, { "EUR", "EUR" },	/* € */
	{ "\xc2\xa3", "GBP" }, { "GBP", "GBP" },	/* £ */
	{ "\xe2\x82\xb9", "INR" }, { "INR", "INR" },	/* ₹ */
	{ "Rs.", "INR" }, { "Rs", "INR" },
	{ "CN\xc2\xa5", "CNY" }, { "CNY", "CNY" }, { "RMB", "CNY" },
	{ "\xc2\xa5", "JPY" }, { "JPY", "JPY" },	/* ¥ */
	{ "CHF", "CHF" }, { "SEK", "SEK" }, { "NOK", "NOK" }, { "DKK", "DKK" },
	{ "PLN", "PLN" }, { "MXN", "MXN" }, { "ZAR", "ZAR" },
};

/* ' ' in a spelling stands for one or more spaces. */
static const struct {
	const char *text;
	enum salary_period period;
} periods[] = {
	{ "per annum", PERIOD_YEAR }, { "per year", PERIOD_YEAR },
	{ "per yr", PERIOD_YEAR }, { "a year", PERIOD_YEAR }, { "a yr", PERIOD_YEAR },
	{ "p.a.", PERIOD_YEAR }, { "p.a", PERIOD_YEAR }, { "p/a", PERIOD_YEAR },
	{ "pa", PERIOD_YEAR }, { "/annum", PERIOD_YEAR }, { "/year", PERIOD_YEAR },
	{ "/yr", PERIOD_YEAR }, { "yearly", PERIOD_YEAR },
	{ "annually", PERIOD_YEAR }, { "annual", PERIOD_YEAR },
	{ "per hour", PERIOD_HOUR }, { "per hr", PERIOD_HOUR },
	{ "an hour", PERIOD_HOUR }, { "a hour", PERIOD_HOUR }, { "an hr", PERIOD_HOUR },
	{ "/hour", PERIOD_HOUR }, { "/hrs", PERIOD_HOUR }, { "/hr", PERIOD_HOUR },
	{ "/h", PERIOD_HOUR }, { "hourly", PERIOD_HOUR }, { "p/hr", PERIOD_HOUR },
	{ "p/h", PERIOD_HOUR }, { "p.h.", PERIOD_HOUR }, { "ph", PERIOD_HOUR },
	{ "per day", PERIOD_DAY }, { "a day", PERIOD_DAY }, { "/day", PERIOD_DAY },
	{ "daily", PERIOD_DAY }, { "p/d", PERIOD_DAY }, { "p.d.", PERIOD_DAY },
	{ "per week", PERIOD_WEEK }, { "a week", PERIOD_WEEK },
	{ "/week", PERIOD_WEEK }, { "/wk", PERIOD_WEEK }, { "weekly", PERIOD_WEEK },
	{ "p/w", PERIOD_WEEK }, { "p.w.", PERIOD_WEEK }, { "pw", PERIOD_WEEK },
	{ "per month", PERIOD_MONTH }, { "a month", PERIOD_MONTH },
	{ "/month", PERIOD_MONTH }, { "/mth", PERIOD_MONTH }, { "/mo", PERIOD_MONTH },
	{ "monthly", PERIOD_MONTH }, { "p.m.", PERIOD_MONTH }, { "p/m", PERIOD_MONTH },
	{ "pcm", PERIOD_MONTH },
};

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

const char *salary_match_period(const char *p, enum salary_period *period)
{
	const char *e;
	size_t i;

	for (i = 0; i < COUNT(periods); i++) {
		if ((e = salary_match_phrase(p, periods[i].text)) != NULL) {
			if (period != NULL)
				*period = periods[i].period;
			return e;
		}
	}
	return NULL;
}

/*
 * A currency at p (case-sensitive: "CAD" is a code, "cad" a word).  After a
 * number, allow_dollar is 0: a "$" there belongs to the next amount.
 */
const char *salary_match_currency(const char *p, const char **end, int allow_dollar)
{
	size_t i, n;

	for (i = 0; i < COUNT(currencies); i++) {
		const char *t = currencies[i].text;

		n = strlen(t);
		if (strncmp(p, t, n) != 0)
			continue;
		if (salary_is_alpha((unsigned char)t[n - 1]) &&
		    salary_is_alpha((unsigned char)p[n]))
			continue;
		if (!allow_dollar && t[n - 1] == '$')
			continue;
		*end = p + n;
		return currencies[i].iso;
	}
	return NULL;
}

/*
 * The word before p, skipping blanks, ':' and '(': sets *start and returns
 * its end, or NULL when other punctuation or the text's start comes first.
 */
static const char *prev_word(const char *text, const char *p, const char **start)
{
	const char *e = p, *s;

	while (e > text) {
		unsigned char c = (unsigned char)e[-1];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == '(')
			e--;
		else if (c == 0xa0 && e - 1 > text && (unsigned char)e[-2] == 0xc2)
			e -= 2;
		else
			break;
	}
	for (s = e; s > text && (salary_is_alpha((unsigned char)s[-1]) || s[-1] == '-'); s--)
		;
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

		if (strlen(w) != len)
			continue;
		for (j = 0; j < len && salary_lower((unsigned char)s[j]) == w[j]; j++)
			;
		if (j == len)
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

static const char *const period_names[] = {
	[PERIOD_UNKNOWN] = NULL,
	[PERIOD_HOUR] = "hour",
	[PERIOD_DAY] = "day",
	[PERIOD_WEEK] = "week",
	[PERIOD_MONTH] = "month",
	[PERIOD_YEAR] = "year",
};

/* Spellings salary_period_from_name accepts besides the names above. */
static const struct {
	const char *name;
	enum salary_period period;
} period_aliases[] = {
	{ "hourly", PERIOD_HOUR }, { "hr", PERIOD_HOUR },
	{ "daily", PERIOD_DAY },
	{ "weekly", PERIOD_WEEK },
	{ "monthly", PERIOD_MONTH },
	{ "yearly", PERIOD_YEAR }, { "annual", PERIOD_YEAR },
	{ "annually", PERIOD_YEAR }, { "annum", PERIOD_YEAR },
};

/* Rule names: [kind][1 when the year was inferred from the size]. */
static const char *const rule_names[][2] = {
	[SAL_SINGLE] = { "single", "single-inferred-year" },
	[SAL_RANGE] = { "range", "range-inferred-year" },
	[SAL_UP_TO] = { "up-to", "up-to-inferred-year" },
	[SAL_FROM] = { "from", "from-inferred-year" },
	[SAL_PLUS] = { "plus", "plus-inferred-year" },
	[SAL_HINTS] = { "hints", "hints-inferred-year" },
};

const char *salary_period_name(enum salary_period p)
{
	if ((unsigned)p >= COUNT(period_names))
		return NULL;
	return period_names[p];
}

static int ci_equal(const char *a, const char *b)
{
	while (*a && salary_lower((unsigned char)*a) == salary_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

enum salary_period salary_period_from_name(const char *name)
{
	size_t i;

	if (name == NULL)
		return PERIOD_UNKNOWN;
	for (i = PERIOD_HOUR; i <= PERIOD_YEAR; i++)
		if (ci_equal(name, period_names[i]))
			return (enum salary_period)i;
	for (i = 0; i < COUNT(period_aliases); i++)
		if (ci_equal(name, period_aliases[i].name))
			return period_aliases[i].period;
	return PERIOD_UNKNOWN;
}

double salary_annualize(double amount, enum salary_period p)
{
	switch (p) {
	case PERIOD_HOUR:
		return amount * HOURS_PER_YEAR;
	case PERIOD_DAY:
		return amount * DAYS_PER_YEAR;
	case PERIOD_WEEK:
		return amount * WEEKS_PER_YEAR;
	case PERIOD_MONTH:
		return amount * MONTHS_PER_YEAR;
	case PERIOD_YEAR:
		return amount;
	case PERIOD_UNKNOWN:
		break;
	}
	return 0;
}

/*
 * Fill out from a finished reading, or leave it zeroed and return 0 when the
 * numbers cannot be pay: nothing but zeros, an hourly rate above 1000 (an
 * annual figure with the wrong unit), a "yearly" figure below 1000, or a
 * yearly total above SALARY_ANNUAL_CEILING (also what keeps 1e308 from
 * annualizing to infinity).  When
 * no period was stated, five-figure amounts are read as yearly and the rule
 * name says so.
 */
int salary_finish(struct salary *out, double lo, double hi, const char *cur,
		  enum salary_period period, enum salary_kind kind,
		  const char *provenance)
{
	int inferred = 0;

	memset(out, 0, sizeof(*out));
	if (!isfinite(lo) || !isfinite(hi) || lo < 0 || hi < 0)
		return 0;
	if (lo > hi) {
		double t = lo;

		lo = hi;
		hi = t;
	}
	if (hi <= 0)
		return 0;
	if (period == PERIOD_UNKNOWN && lo >= 10000) {
		period = PERIOD_YEAR;
		inferred = 1;
	}
	if ((period == PERIOD_HOUR && hi > 1000) ||
	    (period == PERIOD_YEAR && lo < 1000))
		return 0;
	if (salary_annualize(hi, period) > SALARY_ANNUAL_CEILING)
		return 0;
	out->found = 1;
	out->min = lo;
	out->max = hi;
	if (cur != NULL && strlen(cur) == 3)
		memcpy(out->currency, cur, 4);
	out->period = period;
	out->annual_min = salary_annualize(lo, period);
	out->annual_max = salary_annualize(hi, period);
	out->provenance = provenance;
	out->rule = rule_names[kind][inferred];
	return 1;
}

/* A currency from structured data, upper-cased; NULL unless three letters. */
static const char *hint_currency(const char *in, char out[4])
{
	int i;

	for (i = 0; i < 3; i++) {
		if (!salary_is_alpha((unsigned char)in[i]))
			return NULL;
		out[i] = (char)(salary_lower((unsigned char)in[i]) - 'a' + 'A');
	}
	out[3] = '\0';
	return in[3] == '\0' ? out : NULL;
}

/*
 * Structured numbers win; a currency or period the structure leaves out is
 * taken from the text when the text states one.
 */
static int parse_hints(const struct salary_hints *h, const struct salary *text,
		       struct salary *out)
{
	double lo = h->min > 0 ? h->min : h->max;
	double hi = h->max > 0 ? h->max : h->min;
	char cbuf[4];
	const char *cur = hint_currency(h->currency, cbuf);
	enum salary_period period = h->period;

	if (cur == NULL && text->found && text->currency[0])
		cur = text->currency;
	if (period == PERIOD_UNKNOWN && text->found &&
	    strstr(text->rule, "inferred") == NULL)
		period = text->period;
	return salary_finish(out, lo, hi, cur, period, SAL_HINTS, "structured");
}

int salary_parse(const char *text, const struct salary_hints *hints, struct salary *out)
{
	struct salary from_text;

	memset(&from_text, 0, sizeof(from_text));
	if (text != NULL)
		salary_scan_text(text, &from_text);
	if (hints != NULL && (hints->min > 0 || hints->max > 0) &&
	    parse_hints(hints, &from_text, out))
		return 1;
	*out = from_text;
	return out->found;
}
