/*
 * salary-description.c - the salary a posting's description states (salary.h):
 * "The US base salary range for this full-time position is $136,000-$203,000".
 *
 * Descriptions are full of figures that are not pay: 401(k), funding,
 * revenue, headcount, years of experience, dates, perks.  So only windows
 * near a pay word are read.  The text is cut into segments (lines, and
 * sentences within lines); a segment holding a pay word is read by the
 * salary text reader (salary_scan_text) from WINDOW_BEFORE bytes before
 * the pay word to WINDOW_AFTER bytes after it, never past the segment; a
 * short segment with a pay word and no figure ("Compensation", "The base
 * salary range for this role is:") is read together with the segment after
 * it.  A reading counts only with a currency; the first range with a
 * period (stated, or yearly by its size) wins, else the first single
 * figure with a period, else the first range without one.  A single
 * figure with no period ("a $5,000 ...") does not count.  A year guessed
 * from the size of the figures counts as stated when the text calls the
 * pay annual elsewhere ("an annual salary").
 *
 * One pass over the text: the search for pay words goes on after each
 * window, so no byte is read by more than two windows.
 */
#include "config.h"

#include <string.h>

#include "salary.h"
#include "salary-internal.h"

#define WINDOW_BEFORE 120	/* bytes before a pay word read with it */
#define WINDOW_AFTER 360	/* ... and after it */
#define HEADING_MAX 120		/* a segment this short without figures is a heading */

/*
 * Words that say a figure near them is pay, lower case (ASCII letters fold
 * case).  Latin ones match whole words; Japanese, Chinese and Korean ones
 * anywhere.  Not "bonus", "stipend", "equity", "benefits": what they name
 * is not the salary.
 */
static const char *const pay_words[] = {
	"salary", "salaries", "pay", "compensation", "base", "range", "ote",
	"on-target earnings", "wage", "wages", "hourly rate", "daily rate", "day rate",
	"remuneration", "earnings",
	"gehalt", "jahresgehalt", "bruttogehalt", "monatsgehalt", "grundgehalt",
	"verg\xc3\xbctung", "lohn", "stundenlohn",				/* Vergütung */
	"salario", "sueldo", "remuneraci\xc3\xb3n", "retribuci\xc3\xb3n",	/* -ción */
	"salaire", "r\xc3\xa9mun\xc3\xa9ration",				/* rémunération */
	"stipendio", "retribuzione", "sal\xc3\xa1rio", "remunera\xc3\xa7\xc3\xa3o",
	"salaris", "l\xc3\xb6n", "l\xc3\xb8nn", "l\xc3\xb8n", "m\xc3\xa5nadsl\xc3\xb6n",
	"\xc3\xa5rsl\xc3\xb6n", "wynagrodzenie", "mzda", "fizet\xc3\xa9s", "gaji",
	"l\xc6\xb0\xc6\xa1ng",							/* lương */
	/* 年収 月給 給与 時給 年俸 */
	"\xe5\xb9\xb4\xe5\x8f\x8e", "\xe6\x9c\x88\xe7\xb5\xa6", "\xe7\xb5\xa6\xe4\xb8\x8e",
	"\xe6\x99\x82\xe7\xb5\xa6", "\xe5\xb9\xb4\xe4\xbf\xb8",
	/* 薪资 薪酬 工资 年薪 月薪 */
	"\xe8\x96\xaa\xe8\xb5\x84", "\xe8\x96\xaa\xe9\x85\xac", "\xe5\xb7\xa5\xe8\xb5\x84",
	"\xe5\xb9\xb4\xe8\x96\xaa", "\xe6\x9c\x88\xe8\x96\xaa",
	"\xea\xb8\x89\xec\x97\xac", "\xec\x97\xb0\xeb\xb4\x89",	/* 급여 연봉 */
};

/* Japanese, Chinese and Korean words start with a lead byte of three. */
static int is_cjk_word(const char *w)
{
	return (unsigned char)w[0] >= 0xe3;
}

/* Is the byte at p part of a Latin word (ASCII letter, digit, or a letter
 * of Latin-1 and Latin Extended: lead bytes 0xc3 to 0xc9, continuations)? */
static int latin_word_byte(const char *p)
{
	unsigned char c = (unsigned char)*p;

	return salary_is_alnum(c) || (c >= 0xc3 && c <= 0xc9) || (c >= 0x80 && c <= 0xbf);
}

/*
 * Whether a capital at p starts a word glued to a figure or unit before
 * it, as a page's joined labels write them ("15L - 30LSalary"); not inside
 * a CamelCase name ("DataBase", "PayPal").
 */
static int glued_word_start(const char *text, const char *p)
{
	return p > text && (salary_is_digit((unsigned char)p[-1]) || (p[-1] >= 'A' && p[-1] <= 'Z')) &&
	       *p >= 'A' && *p <= 'Z' && p[1] >= 'a' && p[1] <= 'z';
}

/* The end of the pay word starting at p, or NULL. */
static const char *pay_word_at(const char *text, const char *p)
{
	const char *e;
	size_t i;
	int word_start = p == text || !latin_word_byte(p - 1) || glued_word_start(text, p);

	if (!word_start && (unsigned char)*p < 0xe3)
		return NULL;	/* inside a word: only a CJK word can start here */
	for (i = 0; i < COUNT(pay_words); i++) {
		if (salary_lower((unsigned char)*p) != (unsigned char)pay_words[i][0])
			continue;
		if (is_cjk_word(pay_words[i])) {
			if (strncmp(p, pay_words[i], strlen(pay_words[i])) == 0)
				return p + strlen(pay_words[i]);
		} else if (word_start && (e = salary_match_phrase(p, pay_words[i])) != NULL &&
			   !latin_word_byte(e)) {
			return e;
		}
	}
	return NULL;
}

/* The first pay word in [p, end), or NULL. */
static const char *find_pay_word(const char *text, const char *p, const char *end)
{
	for (; p < end; p++)
		if (pay_word_at(text, p) != NULL)
			return p;
	return NULL;
}

/*
 * Where the segment starting at p ends: at a newline, a bullet, or after
 * a sentence's '.', '!', '?' or ';' with a space and no lower-case letter
 * after it ("... $203,000. Our ranges", not "U.S. based"), or glued to a
 * capital ("Foxconn).Salary", paragraphs joined by an older extract).
 */
static const char *segment_end(const char *text, const char *p)
{
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p, n = (unsigned char)p[1];

		if (c == '\n' || (c == 0xe2 && n == 0x80 && (unsigned char)p[2] == 0xa2))
			return p;	/* newline, "•" */
		if (c != '.' && c != '!' && c != '?' && c != ';')
			continue;
		if (n == ' ' && !(p[2] >= 'a' && p[2] <= 'z'))
			return p + 1;
		if (c != ';' && n >= 'A' && n <= 'Z' && p > text &&
		    ((p[-1] >= 'a' && p[-1] <= 'z') || p[-1] == ')'))
			return p + 1;
	}
	return p;
}

/* The start of the next segment after one that ends at e. */
static const char *segment_next(const char *e)
{
	if (*e == '\n')
		return e + 1;
	if ((unsigned char)*e == 0xe2)
		return e + 3;
	return e;
}

static int has_digit(const char *p, const char *end)
{
	for (; p < end; p++)
		if (salary_is_digit((unsigned char)*p))
			return 1;
	return 0;
}

/*
 * Move p forward (dir 1) or back (dir -1), within [lo, hi], to a space, so
 * that a window never cuts a word or a figure in two; in text without
 * spaces (Japanese, Chinese), back to the first byte of a character.
 */
static const char *at_space(const char *p, const char *lo, const char *hi, int dir)
{
	const char *q = p;

	while (q > lo && q < hi && salary_space_len(q) == 0 && *q != '\n')
		q += dir;
	if (q > lo && q < hi)
		return q;
	while (p > lo && ((unsigned char)*p & 0xc0) == 0x80)
		p--;
	return p;
}

/*
 * Countries a pay sentence limits its figures to: "For U.S.-based roles",
 * "The US base salary range", "in Canada".  Codes and abbreviations match
 * in capitals only ("Join us!" names no country).
 */
static const struct {
	const char *name;
	char country[3];
	int exact_case;
} scope_names[] = {
	{ "US", "US", 1 }, { "U.S.", "US", 1 }, { "USA", "US", 1 }, { "U.S.A.", "US", 1 },
	{ "united states", "US", 0 }, { "Canada", "CA", 0 }, { "Canadian", "CA", 0 },
	{ "UK", "GB", 1 }, { "U.K.", "GB", 1 }, { "united kingdom", "GB", 0 },
	{ "australia", "AU", 0 }, { "new zealand", "NZ", 0 }, { "singapore", "SG", 0 },
	{ "ireland", "IE", 0 }, { "india", "IN", 0 }, { "mexico", "MX", 0 },
};

static const char *scope_at(const char *p)
{
	const char *e;
	size_t i, n;

	for (i = 0; i < COUNT(scope_names); i++) {
		n = strlen(scope_names[i].name);
		if (scope_names[i].exact_case)
			e = strncmp(p, scope_names[i].name, n) == 0 ? p + n : NULL;
		else
			e = salary_match_phrase(p, scope_names[i].name);
		if (e != NULL && (e[-1] == '.' || !latin_word_byte(e)))
			return scope_names[i].country;
	}
	return NULL;
}

/* The one country the window names, "" for none, NULL for several. */
static const char *window_scope(const char *from, const char *to)
{
	const char *p, *c, *found = "";

	for (p = from; p < to; p++) {
		if (p > from && latin_word_byte(p - 1))
			continue;
		c = scope_at(p);
		if (c != NULL && *found != '\0' && strcmp(c, found) != 0)
			return NULL;
		if (c != NULL)
			found = c;
	}
	return found;
}

/* How good a reading is: 3 a range with a period, 2 a single figure with
 * one, 1 a range without, 0 nothing that counts (see the top of the file). */
static int rank(const struct salary *s)
{
	int range = s->min < s->max;

	if (!s->found || s->currency[0] == '\0')
		return 0;
	if (s->period != PERIOD_UNKNOWN)
		return range ? 3 : 2;
	return range;
}

/*
 * Read [from, to) with the salary text reader.  A reading that does not
 * rank does not count, nor one the window limits to a country other
 * than the posting's ("For U.S.-based roles" in a posting in Montreal); a
 * country the window names reads "$" when the posting's is unknown.
 */
static int read_window(const char *from, const char *to, const char *country,
		       struct salary *got)
{
	char buf[WINDOW_BEFORE + WINDOW_AFTER + 2 * HEADING_MAX + 8];
	size_t n = (size_t)(to - from);
	const char *scope = window_scope(from, to);

	memset(got, 0, sizeof(*got));
	if (scope != NULL && *scope != '\0') {
		if (country != NULL && *country != '\0' && strcmp(country, scope) != 0)
			return 0;
		country = scope;
	}
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, from, n);
	buf[n] = '\0';
	salary_scan_text(buf, country, got);
	return rank(got);
}

/* What one pass over the text has found so far. */
struct scan {
	const char *text, *country;
	struct salary best;
	const char *done;	/* the end of the last window read */
};

/*
 * Read the windows around the pay words of the segment [s, e) (next_end:
 * where the segment after it ends, for a heading).  Returns 1 when a range
 * with a period is found: nothing later can beat it.
 */
static int read_segment(struct scan *sc, const char *s, const char *e, const char *next_end)
{
	const char *p = s > sc->done ? s : sc->done, *from, *to;
	struct salary got;
	int r;

	if (!has_digit(s, e) && (e - s > HEADING_MAX || !has_digit(e, next_end)))
		return 0;	/* no figure here nor after a heading: no pay word is looked for */
	while (p < e && (p = find_pay_word(sc->text, p, e)) != NULL) {
		from = p - s > WINDOW_BEFORE ? at_space(p - WINDOW_BEFORE, s, p, 1) : s;
		if (from < sc->done)
			from = sc->done;
		to = e - p > WINDOW_AFTER ? at_space(p + WINDOW_AFTER, p, e, -1) : e;
		if (!has_digit(from, to) && e - s <= HEADING_MAX && next_end - e <= WINDOW_AFTER)
			to = next_end;	/* a heading: its figures follow it */
		r = has_digit(from, to) ? read_window(from, to, sc->country, &got) : 0;
		if (r > rank(&sc->best)) {
			sc->best = got;
			if (r == 3)
				return 1;
		}
		sc->done = to > sc->done ? to : sc->done;
		p = to > p ? to : p + 1;
	}
	return 0;
}

/*
 * Does the text say its pay is yearly, away from the figures?  "Our
 * compensation structure consists solely of an annual salary; ... The
 * range for this role is $170,000-720,000" (Netflix).
 */
static int states_yearly_pay(const char *text)
{
	static const char *const phrases[] = {
		"annual salary", "annual base salary", "annual base pay", "yearly salary",
		"annual pay",
	};
	const char *p;
	const char *e;
	size_t i;

	for (p = text; *p; p++) {
		if (p > text && latin_word_byte(p - 1))
			continue;
		for (i = 0; i < COUNT(phrases); i++)
			if ((e = salary_match_phrase(p, phrases[i])) != NULL && !latin_word_byte(e))
				return 1;
	}
	return 0;
}

int salary_from_description(const char *text, const char *country, struct salary *out)
{
	struct scan sc = { text, country, { 0 }, text };
	const char *s, *e, *next, *next_end;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		return 0;
	/* each segment's end is found once, as the next one's of the segment before */
	for (s = text, e = segment_end(text, s); *s; s = next, e = next_end) {
		next = segment_next(e);
		next_end = segment_end(text, next);
		if (read_segment(&sc, s, e, next_end))
			break;
	}
	if (!sc.best.found)
		return 0;
	*out = sc.best;
	/* a year guessed from the size of the figures that the text states
	 * elsewhere is stated: only the rule's name changes */
	if (out->period == PERIOD_YEAR && states_yearly_pay(text))
		out->rule = salary_rule_stated(out->rule);
	out->provenance = "text";	/* the employer's words, even "estimated" */
	out->notes |= SALARY_FROM_DESCRIPTION;
	return 1;
}
