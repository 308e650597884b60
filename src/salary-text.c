/*
 * salary-text.c - find a salary in free text: "USD 100K - 130K",
 * "$35.36 - $37.10 an hour", "₹2,40,000 - ₹3,00,000 a year", "Up to $120K".
 *
 * A hand-written scanner over UTF-8 bytes.  At each word start it tries to
 * read [currency] number [K] [separator [currency] number [K]], then "+",
 * "or more", a trailing currency code and a period.  Readings that are
 * something else (percentages, dates, bare small numbers here; perks,
 * plans, prices and facets in salary-notpay.c) are refused.  The first
 * range wins, else the first single amount: a text that gives both usually
 * gives a total first and the pay range after it.
 */
#include "config.h"

#include <string.h>

#include "salary-internal.h"

#define MAX_SKIP_WORDS 2	/* words allowed between an amount and its period */
#define PERIOD_BEFORE 4		/* words before an amount searched for "hourly" */
#define PERIOD_PHRASE_BEFORE 8	/* ... and for "per month" */
#define RANGE_MAX_RATIO 20	/* ends further apart are not one range */
#define BARE_JOIN_RATIO 3	/* ... and for ends joined by a bare "and" */
#define ASIDE_MAX 40		/* bytes of a parenthesis skipped inside a salary */
#define PAIR_GAP_WORDS 6	/* words between a starting figure and its top */

static const char *const more_words[] = {
	"or more", "or above", "and above", "or higher", "and up",
	"o m\xc3\xa1s", "ou plus", "ou mais", "oder mehr", "eller mer",	/* o más */
};

/* Hedges after a figure that change nothing: "~$200 or so". */
static const char *const about_words[] = { "or so", "ish" };

static const char *const period_adjectives[] = {
	"hourly", "daily", "weekly", "monthly", "yearly", "annual", "annually",
	"anual", "mensual", "annuel", "mensuel", "j\xc3\xa4hrlich", "monatlich",
	"jahresgehalt", "monatsgehalt", "havi",				/* jährlich */
	"diario", "diarios", "mensuales", "anuales", "semanales", "mensais", "anuais",
	"maandelijks", "jaarlijks", "sebulan", "setahun", "timl\xc3\xb6n",	/* timlön */
	"m\xc3\xa5nedsl\xc3\xb8nn", "\xc3\xa5rsl\xc3\xb8nn",		/* månedslønn årslønn */
	"m\xc3\xa5nadsl\xc3\xb6n", "\xc3\xa5rsl\xc3\xb6n",		/* månadslön årslön */
};

struct reading {
	const char *text, *country, *provenance;
	const char *start, *amounts_end, *end;
	struct amount a, b;
	int is_range, plus, period_direct, starred;
	const char *cur;
	enum salary_period period;
};

/*
 * Words that open a range, each with the word that joins its ends:
 * "between $50,000 and $70,000", "entre 1560 et 1950 euros", "od 4 000 do
 * 6 000 zł".  The joining words are too common to join amounts elsewhere.
 */
static const struct {
	const char *open, *join;
} range_openers[] = {
	{ "between", "and" }, { "entre", "y" }, { "entre", "et" }, { "entre", "e" },
	{ "zwischen", "und" }, { "mellom", "og" }, { "mellan", "och" },
	{ "fra", "til" }, { "fr\xc3\xa5n", "till" }, { "od", "do" }, { "tra", "e" },
	{ "tussen", "en" },
};

/*
 * Conditions a joining word puts on the range it joins.
 */
struct range_join {
	const char *closer;	/* a word that must follow the second end, or NULL */
	int signed_only;	/* both ends name their currency, the second the larger,
				 * at most BARE_JOIN_RATIO times the first */
	int marked_second;	/* the second end names a currency or a unit */
};

/* Up to this many words before a range's first end may open it: "tussen de
 * 3200 en 3300 euro". */
#define OPENER_WORDS 2

/* The words before a reading's first amount, nearest first. */
struct words_before {
	const char *ws[OPENER_WORDS], *we[OPENER_WORDS];
	size_t n;
};

/*
 * A separator between the ends of a range at p: dashes, "to", Spanish "a",
 * German "bis", French "à", tildes ("500万~700万"); or the word joining a
 * range that an opener (one of the words before the first end) opened.
 * Hungarian "és" ("and") joins only a range that "között" ("between")
 * closes.  A bare "and" ("$20,000 and $21,000 per month", "$20,000 y
 * $21,000 por mes") joins only two amounts that both name their currency,
 * rising by at most BARE_JOIN_RATIO: "5 and 10 years" is no pay, "$75,000
 * and $15,000 commission" pay and an extra.  Chinese "至" and Indonesian "hingga" and
 * "sampai" ("until") join only a second end with a currency or unit of
 * its own: "Rp 5 juta hingga 31 Desember" is pay and a date.  An amount
 * must follow.
 */
static const char *parse_range_sep(const char *p, const struct words_before *before,
				   struct range_join *join)
{
	static const char *const bare_joins[] = { "and", "y", "e", "et", "und" };
	static const char *const seps[] = {
		"-", "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\x92", "_", "to", "a", "bis",
		"\xc3\xa0", "~", "\xe3\x80\x9c", "\xef\xbd\x9e",	/* à 〜 ～ */
	};
	static const char *const until[] = { "\xe8\x87\xb3", "hingga", "sampai" };	/* 至 */
	const char *e;
	size_t i, w;

	memset(join, 0, sizeof(*join));
	for (i = 0; i < COUNT(seps); i++) {
		e = salary_match_phrase(p, seps[i]);
		if (e != NULL)
			return e;
	}
	if ((e = salary_match_any(p, until, COUNT(until))) != NULL) {
		join->marked_second = 1;
		return e;
	}
	if ((e = salary_match_phrase(p, "\xc3\xa9s")) != NULL) {	/* és */
		join->closer = "k\xc3\xb6z\xc3\xb6tt";		/* között */
		return e;
	}
	for (i = 0; i < COUNT(range_openers); i++) {
		const char *open = range_openers[i].open;

		for (w = 0; w < before->n; w++)
			if (salary_word_in(before->ws[w], before->we[w], &open, 1) &&
			    (e = salary_match_phrase(p, range_openers[i].join)) != NULL)
				return e;
	}
	if ((e = salary_match_any(p, bare_joins, COUNT(bare_joins))) != NULL)
		join->signed_only = 1;
	return e;
}

/* Is word among the next few words after p ("400 ezer és 1,2 millió forint között")? */
static int word_follows(const char *p, const char *word)
{
	int i;

	for (i = 0; i < 3; i++) {
		p = salary_skip_space(p);
		if (salary_match_phrase(p, word) != NULL)
			return 1;
		while (salary_is_word_byte(p))
			p++;
	}
	return 0;
}


/*
 * A parenthesis at p of at most ASIDE_MAX bytes: its end, or NULL.  With
 * figures 0 it may hold no digit ("(in Alberta)"); else it must hold a
 * letter ("(EUR)", "(~USD$1900.00)"), so a count such as "(30,336)" stays.
 * When it holds just a period ("(per month)", "(hourly)"), *period is set.
 */
static const char *aside_end(const char *p, int figures, enum salary_period *period)
{
	const char *q, *e;
	int letters = 0;

	if (*p != '(')
		return NULL;
	for (q = p + 1; *q && *q != ')' && *q != '(' && q - p < ASIDE_MAX; q++) {
		if (!figures && salary_is_digit((unsigned char)*q))
			return NULL;
		letters |= salary_is_alpha((unsigned char)*q);
	}
	if (*q != ')' || !letters)
		return NULL;
	e = salary_match_period(salary_skip_space(p + 1), period);
	if (e != NULL && salary_skip_space(e) != q)
		*period = PERIOD_UNKNOWN;	/* more than a period: only an aside */
	return q + 1;
}

/*
 * Qualifiers after the amounts: "+", "or more", "or so", "*" (the board's
 * mark for its own estimate), a currency, an aside in parentheses; then a
 * period, perhaps a few words on ("euros bruts par mois").
 */
static void parse_tail(const char *q, struct reading *r)
{
	enum salary_period inside = PERIOD_UNKNOWN;
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
			/* only a closing "*" marks an estimate; one before more
			 * text points to a footnote ("$60,000* (*DOE)") */
			e = s + 1;
			while (*e == ' ' || *e == '\t')
				e++;
			r->starred = *e == '\0' || *e == '\n' || *e == '\r';
			q = s + 1;
		} else if ((e = salary_match_any(s, more_words, COUNT(more_words))) != NULL) {
			r->plus = 1;
			q = e;
		} else if ((e = salary_match_any(s, about_words, COUNT(about_words))) != NULL) {
			q = e;
		} else if ((iso = salary_match_currency(s, &e, 0)) != NULL) {
			/* a word after the figure names the currency a "$" leaves open:
			 * "$15 dólares", "$26,000 pesos" */
			if (r->cur == NULL || strcmp(r->cur, "$") == 0)
				r->cur = iso;
			q = e;
		} else if ((e = aside_end(s, 1, &inside)) != NULL) {
			q = e;	/* "(EUR)", "(~USD$1900.00)", "(per month)" */
			if (inside != PERIOD_UNKNOWN) {
				r->period = inside;
				r->period_direct = 1;
			}
		} else {
			break;
		}
	}
	r->end = q;
	s = salary_skip_space(q);
	if ((e = salary_match_period(s, &r->period)) != NULL ||
	    (r->cur != NULL && (e = salary_match_unit_word(s, &r->period)) != NULL)) {
		r->period_direct = 1;
		r->end = e;
		return;
	}
	for (i = 0; i < MAX_SKIP_WORDS; i++) {
		e = s;
		while (salary_is_word_byte(e))
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

/*
 * Between a range's first end and the separator may stand that end's own
 * period ("$147000/YR - $237500/YR"), an aside ("C$23,545.60 (in
 * Saskatchewan) and C$31,200"), or both ("$278.21/month (minimum) to
 * $9,022.34/month"): where the separator would start.  *skipped says
 * whether anything was.
 */
static const char *before_sep(const char *q, enum salary_period *period, int *skipped)
{
	enum salary_period inside = PERIOD_UNKNOWN;
	const char *s = salary_skip_space(q), *e;

	*skipped = 0;
	if ((e = salary_match_period(s, period)) != NULL) {
		*skipped = 1;
		s = salary_skip_space(e);
	}
	if ((e = aside_end(s, 0, &inside)) != NULL) {
		*skipped = 1;
		s = salary_skip_space(e);
		if (inside != PERIOD_UNKNOWN)
			*period = inside;
	}
	return s;
}

/*
 * After a first end with its own period or an aside, a second end is one
 * only when it is written the same way: with a currency when the first has
 * one, and with the same period ("$25/hr - 40 hrs/week" is a wage and a
 * workload, "$3,000/month - $36,000/year" two wordings of one pay).
 */
static int second_end_matches(const struct reading *r, enum salary_period first)
{
	if (r->a.cur != NULL && r->b.cur == NULL)
		return 0;
	return first == PERIOD_UNKNOWN || r->period == first;
}

/*
 * Read [amount] [separator amount] and what follows at p; with allow_range
 * 0, the first amount alone.  Returns 0 when p holds no amount.
 */
static int parse_reading(const char *text, const char *p, struct reading *r, int allow_range)
{
	const char *q, *s;
	struct words_before before;
	struct range_join join;
	enum salary_period first = PERIOD_UNKNOWN;
	int skipped;

	memset(r, 0, sizeof(*r));
	r->text = text;
	r->start = p;
	q = salary_parse_amount(p, &r->a);
	if (q == NULL)
		return 0;
	before.n = salary_words_before(text, p, OPENER_WORDS, before.ws, before.we);
	s = allow_range ? parse_range_sep(before_sep(q, &first, &skipped), &before, &join) : NULL;
	if (s != NULL && (s = salary_parse_amount(salary_skip_space(s), &r->b)) != NULL &&
	    (join.closer == NULL || word_follows(s, join.closer)) &&
	    (!join.signed_only || (r->a.cur != NULL && r->b.cur != NULL && r->a.value < r->b.value &&
				   r->b.value <= r->a.value * BARE_JOIN_RATIO && !salary_extra_after(s))) &&
	    (!join.marked_second || r->b.cur != NULL || r->b.unit > 0)) {
		if ((*s == '-' || *s == '/') && salary_is_digit((unsigned char)s[1]))
			return 0;	/* a date: 2024-01-15 */
		r->is_range = 1;
		r->amounts_end = s;
		r->cur = r->a.cur != NULL ? r->a.cur : r->b.cur;
		parse_tail(s, r);
		if (!skipped || second_end_matches(r, first))
			return 1;
		return parse_reading(text, p, r, 0);
	}
	memset(&r->b, 0, sizeof(r->b));
	r->amounts_end = q;
	r->cur = r->a.cur;
	parse_tail(q, r);
	return 1;
}

/* Prepositions that start a period phrase found before an amount. */
static const char *const per_words[] = { "per", "pro", "par", "por", "za" };

/* Nouns a "per" phrase after them measures instead of the pay: "20 hours
 * per week at $18", "3 days per week for $25". */
static const char *const measured_words[] = {
	"hour", "hours", "hr", "hrs", "day", "days", "shift", "shifts", "weekend",
	"weekends", "time", "times", "visit", "visits", "session", "sessions",
	"week", "weeks", "month", "months", "year", "years",
};

/*
 * A period stated before the amount: an adjective shortly before ("Paid at
 * an hourly rate of $46.75", "havi bruttó 1,8 millió forint", "månedslønn
 * på 69 210 kr"), a "per" phrase a little further ("per month for a
 * full-time worker is CHF 5'430") unless it measures something else ("20
 * hours per week", "per year of experience"), or a Japanese or Chinese pay
 * word.  Words stop at a figure or punctuation.
 */
static enum salary_period period_before(const char *text, const char *p)
{
	const char *ws[PERIOD_PHRASE_BEFORE], *we[PERIOD_PHRASE_BEFORE], *e;
	size_t i, n = salary_words_before(text, p, PERIOD_PHRASE_BEFORE, ws, we);
	enum salary_period period;

	for (i = 0; i < n; i++) {
		if (i < PERIOD_BEFORE &&
		    salary_word_in(ws[i], we[i], period_adjectives, COUNT(period_adjectives)) &&
		    salary_match_period(ws[i], &period) != NULL)
			return period;
		if (!salary_word_in(ws[i], we[i], per_words, COUNT(per_words)) ||
		    (e = salary_match_period(ws[i], &period)) == NULL)
			continue;
		if (i + 1 < n && salary_word_in(ws[i + 1], we[i + 1], measured_words,
						COUNT(measured_words)))
			continue;
		if (salary_match_phrase(salary_skip_space(e), "of") != NULL)
			continue;
		return period;
	}
	return salary_cjk_period(text, p, NULL);
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
	/* "$140 - $160000": a short end shares the other's thousands; not
	 * when only the second has a currency sign before it ("Grade 6 -
	 * £28,142"; but "55-80,000 Dirham") */
	if (r->a.value < 1000 && r->b.value >= 10000 && r->a.value * 1000 <= r->b.value &&
	    r->a.value * 1000 >= r->b.value / 10 && (r->a.cur != NULL || !r->b.cur_first))
		r->a.value *= 1000;
	return SAL_RANGE;
}

/* Currencies of the languages that write "mil" for a thousand. */
static const char *const mil_currencies[] = {
	"BRL", "MXN", "ARS", "CLP", "COP", "PEN", "UYU", "DOP", "PYG", "BOB", "CRC",
	"GTQ", "HNL", "NIO", "VES", "EUR",
};

/*
 * Word units that need their language's money: "mil" is a thousand in
 * Spanish and Portuguese ("R$ 6,4 mil", "50 mil pesos") but a million in
 * English ("a $10 mil portfolio", "6 mil gloves"); "万" needs a currency or
 * a pay word ("1-5万人" counts people).
 */
static int units_fit(const struct reading *r)
{
	unsigned notes = 0;
	const char *iso;
	size_t i;

	if (r->a.mil || r->b.mil) {
		iso = salary_resolve_currency(r->cur, r->country, &notes);
		for (i = 0; iso != NULL && i < COUNT(mil_currencies); i++)
			if (strcmp(iso, mil_currencies[i]) == 0)
				break;
		if (iso == NULL || i == COUNT(mil_currencies) || (notes & SALARY_CURRENCY_ASSUMED))
			return 0;
	}
	if ((r->a.man || r->b.man) && r->cur == NULL)
		return salary_cjk_period(r->text, r->start, NULL) != PERIOD_UNKNOWN;
	return 1;
}

/*
 * A letter glued to digits that are an identifier, not money: a leading
 * zero or five digits and more with no grouping ("R0123456", "R10234"),
 * unless a period follows.
 */
static int reference_number(const char *p)
{
	size_t n = 0;

	p = salary_skip_space(p + 1);
	while (salary_is_digit((unsigned char)p[n]))
		n++;
	return (n > 1 && p[0] == '0') || (n >= 5 && p[n] != ',' && p[n] != '.');
}

/*
 * Signs that need their country ("N", "P", "Fr.", dirhams) are money only
 * on a page of it; signs of one letter ("R", "N", "P") only before a
 * figure of 1,000 or more or with a period ("R20.76 per hour"): "Grade
 * P5", "N95", "P100 respirator", "97070 Franken" (a postcode in Franconia)
 * are no pay.
 */
static int letter_sign_fits(const struct reading *r)
{
	unsigned notes = 0;

	if (salary_sign_needs_country(r->cur) &&
	    salary_resolve_currency(r->cur, r->country, &notes) == NULL)
		return 0;
	if (r->cur == NULL || strlen(r->cur) != 1 || strcmp(r->cur, "$") == 0)
		return 1;
	if (!r->period_direct && reference_number(r->start))
		return 0;
	return r->a.value >= 1000 || r->a.unit > 0 || r->period_direct;
}

static int accept_reading(struct reading *r, struct salary *out)
{
	struct salary_reading sr = { 0 };
	int lakhs = r->a.in_lakhs || r->b.in_lakhs, k = r->a.has_k || r->b.has_k || lakhs;
	int man = (r->a.man || r->b.man) && salary_cjk_period(r->text, r->start, NULL) != PERIOD_UNKNOWN;

	memset(out, 0, sizeof(*out));
	/* Lakhs and crores are money by themselves, and so are ten-thousands
	 * after a pay word ("年収500万"); other bare numbers need a currency, a
	 * period, or the shape of a pay range. */
	if (r->cur == NULL && !r->period_direct && !lakhs && !man &&
	    !(r->is_range && (k || bare_range_is_pay(r))))
		return 0;
	if (!units_fit(r) || !letter_sign_fits(r) ||
	    salary_not_pay(r->text, r->start, r->amounts_end, r->end))
		return 0;
	if (r->period == PERIOD_UNKNOWN && (r->a.per_year || r->b.per_year))
		r->period = PERIOD_YEAR;
	if (r->period == PERIOD_UNKNOWN && (r->cur != NULL || k || r->a.man || r->b.man))
		r->period = period_before(r->text, r->start);
	sr.kind = r->is_range ? range_kind(r) : single_kind(r->text, r);
	sr.lo = r->a.value;
	sr.hi = r->is_range ? r->b.value : r->a.value;
	if (sr.lo > 0 && sr.hi > 0 && (sr.hi / sr.lo > RANGE_MAX_RATIO || sr.lo / sr.hi > RANGE_MAX_RATIO))
		return 0;	/* "$60,000 - 15 days PTO": two things, not a range */
	sr.cur = r->cur;
	sr.period = r->period;
	sr.in_millions = r->a.in_millions || r->b.in_millions;
	sr.in_lakhs = r->a.in_lakhs || r->b.in_lakhs;
	sr.in_man = man;
	sr.provenance = r->starred ? "estimate" : r->provenance;
	sr.country = r->country;
	return salary_finish(out, &sr);
}

/*
 * Whether one of list (or, with up_to, the phrase "up to") is among the n
 * words before p, which stop at a figure or punctuation.
 */
static int word_before_in(const char *text, const char *p, size_t n, const char *const *list,
			  size_t count, int up_to)
{
	const char *ws[PAIR_GAP_WORDS], *we[PAIR_GAP_WORDS];
	size_t i, k = salary_words_before(text, p, n < PAIR_GAP_WORDS ? n : PAIR_GAP_WORDS, ws, we);

	for (i = 0; i < k; i++)
		if (salary_word_in(ws[i], we[i], list, count) ||
		    (up_to && i + 1 < k && salary_match_phrase(ws[i + 1], "up to") == we[i]))
			return 1;
	return 0;
}

/* The next amount after e with only words (and commas) before it, or NULL. */
static const char *next_figure(const char *e)
{
	struct amount am;
	const char *p = e;
	int words;

	for (words = 0; words <= PAIR_GAP_WORDS; words++) {
		while (*(p = salary_skip_space(p)) == ',')
			p++;
		if (salary_parse_amount(p, &am) != NULL)
			return p;
		if (!salary_is_alpha((unsigned char)*p))
			return NULL;
		while (salary_is_alpha((unsigned char)*p))
			p++;
	}
	return NULL;
}

/*
 * A starting figure and the top one after it are a range: "Starting pay
 * rate of $21.25 with a top rate of $27.50" (Indeed), "starting at $50K,
 * up to $70K".  The top must be larger, in the same currency and period.
 */
static int start_top_range(const char *text, const struct reading *first, struct salary *out)
{
	static const char *const start_words[] = { "starting", "start", "starts" };
	static const char *const top_words[] = { "top", "max", "maximum" };
	struct reading top, pair = *first, *r = &pair;
	struct salary got;
	const char *p;

	if (!word_before_in(text, r->start, PERIOD_BEFORE, start_words, COUNT(start_words), 0) ||
	    (p = next_figure(r->end)) == NULL ||
	    !word_before_in(text, p, PAIR_GAP_WORDS, top_words, COUNT(top_words), 1) ||
	    !parse_reading(text, p, &top, 0) || top.a.value <= r->a.value ||
	    (r->period_direct && top.period_direct && top.period != r->period) ||
	    (r->a.cur != NULL && top.a.cur != NULL && strcmp(r->a.cur, top.a.cur) != 0))
		return 0;
	r->b = top.a;
	r->is_range = 1;
	r->amounts_end = top.amounts_end;
	r->end = top.end;
	if (!r->period_direct && top.period_direct) {
		r->period = top.period;
		r->period_direct = 1;
	}
	if (!accept_reading(r, &got))
		return 0;
	*out = got;
	return 1;
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
		if (reading_start(text, p) && parse_reading(text, p, &r, 1)) {
			r.country = country;
			r.provenance = provenance;
			/* a range that cannot be pay may still start with pay:
			 * "$60,000 - 15 days PTO"; not when its first end
			 * borrows the second's unit ("$5-20M" is no $5), nor
			 * when a perk refused it ("$40,000 - $45,000 tuition
			 * reimbursement" is no $40,000) */
			int borrows = r.is_range && r.a.unit == 0 && r.b.unit > 0;

			if (!accept_reading(&r, &got) && r.is_range && !borrows &&
			    !salary_not_pay(text, r.start, r.amounts_end, r.end) &&
			    parse_reading(text, p, &r, 0)) {
				r.country = country;
				r.provenance = provenance;
				accept_reading(&r, &got);
			}
			if (got.found) {
				if (r.is_range || start_top_range(text, &r, &got)) {
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
