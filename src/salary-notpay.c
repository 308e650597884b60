/*
 * salary-notpay.c - money beside a salary text that is not pay: perks and
 * budgets ("$50 a month gym", "$1,500 annual learning budget"), what a
 * board charges, retirement plans ("contribution to a 401(k) is limited
 * to $19,500"), prices per unit, holdings ("$150k of shares"), Japanese
 * allowances and fees, filter facets with their counts.  The scanner
 * (salary-text.c) asks salary_not_pay about each reading.
 */
#include "config.h"

#include <string.h>

#include "salary-internal.h"

#define PERK_AFTER 4		/* words after an amount checked for perk words */
#define PERK_BEFORE 3		/* ... and before it */
#define PRICE_BEFORE 4		/* words before an amount searched for "post a job for" */
#define PLAN_BEFORE 64		/* bytes before it searched for "401(k)" in the same clause */
#define CJK_PERK_BEFORE 24	/* ... and for 手当, 駐車場 ... */

/* Words that say an amount nearby is a perk, a bonus or company money. */
static const char *const perk_words[] = {
	"gym", "stipend", "equipment", "wellness", "lunch", "lunches", "meal",
	"meals", "allowance", "allowances", "reimbursement", "membership",
	"voucher", "vouchers", "credit", "credits", "budget", "perk", "perks",
	"discount", "snacks", "coffee", "internet", "commuter", "parking",
	"relocation", "referral", "bonus", "bonuses", "signing", "sign-on",
	"revenue", "funding", "raised", "valuation", "series", "arr", "grant",
	"spend", "spending", "contribution", "contributions",
};

/* Perk words only as the first word after an amount, in lower case, or
 * after "for" ("$1,500 annual learning budget", "$3,000 per year for
 * conferences"): before an amount, or capitalised after it, they are part
 * of a job title ("Learning Designer $80,000", "£35,000 Learning Support
 * Assistant"). */
static const char *const perk_words_after[] = {
	"learning", "development", "conference", "conferences", "tuition", "courses",
	"deductible", "deductibles", "copay",
};

/* What an amount "of" or "in" is held in: "$150k of shares", "$100,000 in
 * equity"; "$90,000 - $120,000 equity" is pay beside equity. */
static const char *const held_words[] = {
	"shares", "equity", "stock", "rsu", "rsus", "options",
};

/* Extras a second amount after a bare "and" names: "$25/hr and $37.50/hr
 * overtime" is a rate and its overtime rate, not a range. */
static const char *const extra_words[] = {
	"overtime", "differential", "differentials", "commission", "commissions",
	"weighting", "bonus", "premium", "shift",
};

/* Endings of compound words for allowances: Dutch "thuiswerkvergoeding",
 * "reiskostenvergoeding", German "Fahrtkostenzuschuss". */
static const char *const perk_endings[] = { "vergoeding", "zuschuss", "toeslag" };

/* What a period measures when "of" follows it: "$5,000 per year of
 * experience" is a step on a scale, not pay. */
static const char *const per_unit_of[] = {
	"of experience", "of service", "of tenure", "of employment",
};

/* Words that end the perk window: what follows is added to the pay, or
 * said to be in it or not ("25.98 p/hr excluding casual allowance", "€ 3.500
 * per maand inclusief vakantietoeslag"). */
static const char *const joining_words[] = {
	"plus", "and", "with", "incl", "inc", "including", "inclusive", "included", "excl",
	"excluding", "inclusief", "exclusief", "inkl", "zzgl", "met", "en", "und", "mit",
	"sowie", "y", "con", "et", "avec", "e", "com",
};

/* Words that say what the pay depends on, or how it is given ("based on
 * education and training", "$18/hr paid training"): they end the window
 * unless a perk word is one of the next two ("$5,000 paid relocation"). */
static const char *const depends_words[] = {
	"depending", "dependent", "based", "upon", "commensurate", "doe", "paid",
	"provided", "during", "available", "negotiable",
};

/* The next word at or after p, as [*s, return); a lone dash is skipped,
 * "/" and "*" too.  Returns *s when no word follows. */
static const char *next_word(const char *p, const char **s)
{
	const char *e;

	for (;;) {
		p = salary_skip_space(p);
		if (*p == '/' || *p == '*') {
			p++;
			continue;
		}
		for (e = p; salary_is_alpha((unsigned char)*e) || *e == '-'; e++)
			;
		if (e == p + 1 && *p == '-') {
			p = e;	/* a dash is no word */
			continue;
		}
		*s = p;
		return e;
	}
}

int salary_extra_after(const char *p)
{
	const char *s, *e;
	int words;

	for (words = 0; words < 3; words++, p = e) {
		e = next_word(p, &s);
		if (e == s)
			return 0;
		if (salary_word_in(s, e, extra_words, COUNT(extra_words)))
			return 1;
	}
	return 0;
}

/*
 * A filter facet, not a posting's pay: an amount followed by a count in
 * parentheses, "$40,000+ (30,336)", "$40,000 (1,234 jobs)".
 */
static int facet_count_after(const char *p)
{
	static const char *const counted[] = {
		/* not "openings": "$18/hr (5 openings)" is a job's pay */
		"jobs", "job", "results", "listings",
	};
	const char *q = salary_skip_space(p), *e;

	if (*q == '+')
		q = salary_skip_space(q + 1);
	if (*q++ != '(' || !salary_is_digit((unsigned char)*q))
		return 0;
	while (salary_is_digit((unsigned char)*q) || *q == ',' || *q == '.')
		q++;
	q = salary_skip_space(q);
	if (*q != ')' && (e = salary_match_any(q, counted, COUNT(counted))) != NULL)
		q = salary_skip_space(e);
	return *q == ')';
}

/* Whether the word [s, e) ends in one of list (lower case), ignoring ASCII case. */
static int ends_with_any(const char *s, const char *e, const char *const *list, size_t n)
{
	size_t i, len;

	for (i = 0; i < n; i++) {
		len = strlen(list[i]);
		if ((size_t)(e - s) >= len && salary_word_in(e - len, e, &list[i], 1))
			return 1;
	}
	return 0;
}

static int is_perk_word(const char *s, const char *e)
{
	return salary_word_in(s, e, perk_words, COUNT(perk_words)) ||
	       ends_with_any(s, e, perk_endings, COUNT(perk_endings));
}

/*
 * A perk word right after the amounts, before anything that adds to the
 * pay: within PERK_AFTER words for the perk words, first (or after "for")
 * for the words that are perks only after an amount, after "of" or "in"
 * for what an amount is held in.
 */
static int perk_after(const char *p)
{
	const char *s, *e, *ps = NULL, *pe = NULL;
	int words;

	for (words = 0; words < PERK_AFTER; words++, ps = s, pe = e, p = e) {
		e = next_word(p, &s);
		if (e == s || salary_word_in(s, e, joining_words, COUNT(joining_words)))
			return 0;
		if (salary_word_in(s, e, depends_words, COUNT(depends_words))) {
			e = next_word(e, &s);	/* "paid relocation", "paid in relocation" */
			if (is_perk_word(s, e))
				return 1;
			e = next_word(e, &s);
			return is_perk_word(s, e);
		}
		if (is_perk_word(s, e))
			return 1;
		if ((words == 0 || (words == 1 && salary_match_phrase(ps, "for") == pe)) &&
		    !(*s >= 'A' && *s <= 'Z') &&
		    salary_word_in(s, e, perk_words_after, COUNT(perk_words_after)))
			return 1;
		if (ps != NULL && (salary_match_phrase(ps, "of") == pe ||
				   salary_match_phrase(ps, "in") == pe) &&
		    salary_word_in(s, e, held_words, COUNT(held_words)))
			return 1;
	}
	return 0;
}



/* What a board charges, right before the amount: "Post a job for $299". */
static int price_before(const char *text, const char *p)
{
	static const char *const prices[] = { "post a job", "post a listing", "post a job ad" };
	const char *ws[PRICE_BEFORE], *we[PRICE_BEFORE];
	size_t i, n = salary_words_before(text, p, PRICE_BEFORE, ws, we);

	for (i = 0; i < n; i++)
		if (salary_match_any(ws[i], prices, COUNT(prices)) != NULL)
			return 1;
	return 0;
}

/*
 * A retirement plan named earlier in the same clause: "the maximum
 * contribution to a 401(k) is limited to $19,500".  The clause ends at
 * ",", ";", "|", "•", ")", " - ", "and", a pay word, a full stop or a line
 * end, so "401(k), Salary: $100,000" and "Benefits include 401(k) Salary
 * Range: $100,000 - $120,000" keep their pay.
 */
static int plan_before(const char *text, const char *p)
{
	static const char *const plans[] = { "401(k)", "401k", "403(b)", "457(b)" };
	static const char *const pay[] = { " pay", " salary", " compensation", " range", " wage" };
	const char *from = p, *e = NULL;

	while (from > text && p - from < PLAN_BEFORE) {
		const char *c = from - 1;

		if ((*c == ',' && !(c > text && salary_is_digit((unsigned char)c[-1]) &&
				    salary_is_digit((unsigned char)c[1]))) ||
		    *c == ';' || *c == '|' || *c == '\n' ||
		    (*c == ')' && c > text && c[-1] != 'k' && c[-1] != 'b') ||
		    (*c == '.' && (c[1] == ' ' || c[1] == '\0')) ||
		    (c - text >= 2 && strncmp(c - 2, "\xe2\x80\xa2", 3) == 0) ||	/* • */
		    salary_match_phrase(c, " and ") != NULL || salary_match_phrase(c, " - ") ||
		    salary_match_any(c, pay, COUNT(pay)) != NULL)
			break;
		from = c;
	}
	for (; from < p; from++)
		if ((e = salary_match_any(from, plans, COUNT(plans))) != NULL)
			break;
	if (from == p)
		return 0;
	/* "Full benefits + 401k $60,000-$70,000": a list, not the plan's sum */
	for (; e < p && !salary_is_alpha((unsigned char)*e); e++)
		;
	return e < p;
}

/* A price per something that is no period: "$0.65/cubic foot", "$10/user". */
static int price_per_unit(const char *p)
{
	static const char *const units[] = {
		"user", "users", "seat", "seats", "license", "licence", "cubic", "foot", "feet",
		"ft", "sq", "sqft", "mile", "miles", "mi", "km", "kg", "lb", "lbs", "ton",
		"tonne", "unit", "units", "item", "items", "piece", "pcs", "word", "words",
		"page", "pages", "click", "clicks", "lead", "leads", "call", "calls", "gb",
		"mb", "device", "devices", "employee", "person", "head", "guest", "ticket",
	};
	const char *e;

	p = salary_skip_space(p);
	if (*p != '/')
		return 0;
	p = salary_skip_space(p + 1);
	for (e = p; salary_is_alpha((unsigned char)*e); e++)
		;
	return e > p && salary_word_in(p, e, units, COUNT(units));
}

/*
 * A Japanese or Chinese allowance, fee or fine named shortly before the
 * figure, with no pay word between: "【通勤手当】月上限50,000円", "駐車場
 * 月額4000円".  After the figure such words are the pay's extras
 * ("月給30万円（交通費支給）").
 */
static int cjk_perk_before(const char *text, const char *p)
{
	static const char *const perks[] = {
		"\xe6\x89\x8b\xe5\xbd\x93", "\xe9\xa7\x90\xe8\xbb\x8a\xe5\xa0\xb4",	/* 手当 駐車場 */
		"\xe4\xba\xa4\xe9\x80\x9a\xe8\xb2\xbb", "\xe9\x80\x9a\xe5\x8b\xa4",	/* 交通費 通勤 */
		"\xe5\xae\xb6\xe8\xb3\x83", "\xe8\xa3\x9c\xe5\x8a\xa9",		/* 家賃 補助 */
		"\xe7\xbd\xb0\xe9\x87\x91",					/* 罰金 */
	};
	/* 給与 基本給 給料: pay words that name no period */
	static const char *const pay[] = {
		"\xe7\xb5\xa6\xe4\xb8\x8e", "\xe5\x9f\xba\xe6\x9c\xac\xe7\xb5\xa6", "\xe7\xb5\xa6\xe6\x96\x99",
	};
	/* 込 あり: "手当込み" (allowances included), "手当あり" (allowances paid) */
	static const char *const not_perk[] = { "\xe8\xbe\xbc", "\xe3\x81\x82\xe3\x82\x8a" };
	const char *from = p - text > CJK_PERK_BEFORE ? p - CJK_PERK_BEFORE : text, *q, *at;
	size_t i, n;

	salary_cjk_period(text, p, &at);
	for (q = from; q < p; q++)
		for (i = 0; i < COUNT(pay); i++)
			if (strncmp(q, pay[i], strlen(pay[i])) == 0 && (at == NULL || q > at))
				at = q;
	if (at != NULL && at > from)
		from = at;	/* a pay word nearer than the perk: pay */
	for (q = from; q < p; q++)
		for (i = 0; i < COUNT(perks); i++) {
			n = strlen(perks[i]);
			if (strncmp(q, perks[i], n) == 0 &&
			    salary_match_any(q + n, not_perk, COUNT(not_perk)) == NULL)
				return 1;
		}
	return 0;
}

int salary_not_pay(const char *text, const char *start, const char *amounts_end,
		   const char *end)
{
	const char *ws[PERK_BEFORE], *we[PERK_BEFORE];
	size_t i, n = salary_words_before(text, start, PERK_BEFORE, ws, we);

	for (i = 0; i < n; i++)
		if (salary_word_in(ws[i], we[i], perk_words, COUNT(perk_words)))
			return 1;
	if (price_before(text, start) || plan_before(text, start) || cjk_perk_before(text, start))
		return 1;
	if (salary_match_any(salary_skip_space(end), per_unit_of, COUNT(per_unit_of)))
		return 1;
	if (price_per_unit(amounts_end) || facet_count_after(amounts_end) || facet_count_after(end))
		return 1;
	/* from the figures ("$50,000 bonus per year"), and from after the
	 * qualifiers ("~$200 or so initial consultation fee") */
	return perk_after(amounts_end) || perk_after(end);
}
