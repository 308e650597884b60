/*
 * salary-period.c - pay periods: how salary text spells them ("a year",
 * "/hr", "por mes", "pro Jahr", "pe lună", "/月"), their names in the
 * database and exports, and the one set of annualization constants.
 */
#include "config.h"

#include <string.h>

#include "salary.h"
#include "salary-internal.h"

#define CJK_BEFORE 48		/* bytes before a figure searched for 年収, 月給 ... */

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
	/* Spanish, German, French, Italian, Portuguese, as the real pages say them */
	{ "al a\xc3\xb1o", PERIOD_YEAR }, { "por a\xc3\xb1o", PERIOD_YEAR },
	{ "anuales", PERIOD_YEAR }, { "anual", PERIOD_YEAR },
	{ "por mes", PERIOD_MONTH }, { "al mes", PERIOD_MONTH }, { "mensuales", PERIOD_MONTH },
	{ "mensual", PERIOD_MONTH }, { "por hora", PERIOD_HOUR }, { "la hora", PERIOD_HOUR },
	{ "por d\xc3\xad" "a", PERIOD_DAY }, { "al d\xc3\xad" "a", PERIOD_DAY },
	{ "por semana", PERIOD_WEEK }, { "semanal", PERIOD_WEEK },
	/* Catalan: "12000/12000â¬ Brut/any" (TalentClue, Barcelona Activa) */
	{ "/any", PERIOD_YEAR }, { "a l'any", PERIOD_YEAR }, { "anuals", PERIOD_YEAR },
	{ "pro Jahr", PERIOD_YEAR }, { "im Jahr", PERIOD_YEAR }, { "j\xc3\xa4hrlich", PERIOD_YEAR },
	{ "brutto/Jahr", PERIOD_YEAR }, { "pro Monat", PERIOD_MONTH }, { "im Monat", PERIOD_MONTH },
	{ "monatlich", PERIOD_MONTH }, { "pro Stunde", PERIOD_HOUR }, { "pro Tag", PERIOD_DAY },
	{ "pro Woche", PERIOD_WEEK }, { "/Monat", PERIOD_MONTH }, { "/Jahr", PERIOD_YEAR },
	{ "/Std.", PERIOD_HOUR }, { "/Std", PERIOD_HOUR }, { "/Stunde", PERIOD_HOUR },
	{ "/Tag", PERIOD_DAY },
	{ "par an", PERIOD_YEAR }, { "/an", PERIOD_YEAR }, { "annuels", PERIOD_YEAR }, { "annuel", PERIOD_YEAR },
	{ "par mois", PERIOD_MONTH }, { "/mois", PERIOD_MONTH }, { "mensuels", PERIOD_MONTH }, { "mensuel", PERIOD_MONTH },
	{ "par heure", PERIOD_HOUR }, { "de l'heure", PERIOD_HOUR }, { "par jour", PERIOD_DAY },
	{ "all'anno", PERIOD_YEAR }, { "annui", PERIOD_YEAR }, { "al mese", PERIOD_MONTH },
	{ "mensili", PERIOD_MONTH }, { "all'ora", PERIOD_HOUR },
	{ "por ano", PERIOD_YEAR }, { "ao ano", PERIOD_YEAR }, { "por m\xc3\xaas", PERIOD_MONTH },
	{ "ao m\xc3\xaas", PERIOD_MONTH },
	/* Nordic, Czech, Polish, Hungarian */
	{ "/m\xc3\xa5nad", PERIOD_MONTH }, { "per m\xc3\xa5nad", PERIOD_MONTH },
	{ "i m\xc3\xa5naden", PERIOD_MONTH }, { "om m\xc3\xa5neden", PERIOD_MONTH },
	{ "pr. m\xc3\xa5ned", PERIOD_MONTH }, { "per m\xc3\xa5ned", PERIOD_MONTH },
	{ "/mnd", PERIOD_MONTH }, { "per \xc3\xa5r", PERIOD_YEAR }, { "pr. \xc3\xa5r", PERIOD_YEAR },
	{ "om \xc3\xa5ret", PERIOD_YEAR }, { "i \xc3\xa5ret", PERIOD_YEAR },
	{ "m\xc4\x9bs\xc3\xad\xc4\x8dn\xc4\x9b", PERIOD_MONTH },
	{ "miesi\xc4\x99" "cznie", PERIOD_MONTH }, { "/mies.", PERIOD_MONTH },
	{ "/ h\xc3\xb3", PERIOD_MONTH }, { "/h\xc3\xb3", PERIOD_MONTH },
	{ "havi", PERIOD_MONTH }, { "havonta", PERIOD_MONTH },
	{ "/m\xc3\xa5n", PERIOD_MONTH }, { "m\xc3\xa5nedsl\xc3\xb8nn", PERIOD_MONTH },
	{ "\xc3\xa5rsl\xc3\xb8nn", PERIOD_YEAR }, { "m\xc3\xa5nadsl\xc3\xb6n", PERIOD_MONTH },
	{ "\xc3\xa5rsl\xc3\xb6n", PERIOD_YEAR },
	{ "za godzin\xc4\x99", PERIOD_HOUR }, { "na godzin\xc4\x99", PERIOD_HOUR },	/* godzinę */
	{ "za miesi\xc4\x85" "c", PERIOD_MONTH }, { "rocznie", PERIOD_YEAR },	/* miesiąc */
	{ "/mesiac", PERIOD_MONTH }, { "mesa\xc4\x8dne", PERIOD_MONTH },		/* mesačne */
	{ "/m\xc4\x9bs\xc3\xad" "c", PERIOD_MONTH },					/* /měsíc */
	/* further Spanish, French, Portuguese and German spellings */
	{ "diarios", PERIOD_DAY }, { "diario", PERIOD_DAY }, { "a la semana", PERIOD_WEEK },
	{ "semanales", PERIOD_WEEK },
	{ "chaque jour", PERIOD_DAY }, { "par semaine", PERIOD_WEEK },
	{ "mensais", PERIOD_MONTH }, { "anuais", PERIOD_YEAR }, { "por dia", PERIOD_DAY },
	{ "Jahresgehalt", PERIOD_YEAR }, { "Monatsgehalt", PERIOD_MONTH },
	{ "each hour", PERIOD_HOUR }, { "each day", PERIOD_DAY }, { "each week", PERIOD_WEEK },
	{ "each month", PERIOD_MONTH }, { "every month", PERIOD_MONTH },
	{ "each year", PERIOD_YEAR }, { "every year", PERIOD_YEAR },
	/* slash forms of many languages: "R$ 3.500/mês", "30 zł/godz.", "$5k/m" */
	{ "/m\xc3\xaas", PERIOD_MONTH }, { "/mes", PERIOD_MONTH }, { "/a\xc3\xb1o", PERIOD_YEAR },
	{ "/hora", PERIOD_HOUR }, { "/heure", PERIOD_HOUR }, { "/mese", PERIOD_MONTH },
	{ "/ora", PERIOD_HOUR }, { "/giorno", PERIOD_DAY }, { "/dia", PERIOD_DAY },
	{ "/d\xc3\xad" "a", PERIOD_DAY }, { "/jour", PERIOD_DAY },
	{ "/miesi\xc4\x85" "c", PERIOD_MONTH }, { "/godz.", PERIOD_HOUR }, { "/godz", PERIOD_HOUR },
	{ "/mies", PERIOD_MONTH }, { "/m\xc4\x9bs.", PERIOD_MONTH }, { "/hod.", PERIOD_HOUR },
	{ "/hod", PERIOD_HOUR }, { "/luna", PERIOD_MONTH }, { "/kk", PERIOD_MONTH },
	{ "/tim", PERIOD_HOUR }, { "/time", PERIOD_HOUR }, { "/annually", PERIOD_YEAR },
	{ "/m", PERIOD_MONTH }, { "/y", PERIOD_YEAR },	/* not "/d" (D.O.E.) or "/w" (with) */
	{ "timl\xc3\xb6n", PERIOD_HOUR },					/* Swedish timlön */
	/* Danish and Norwegian */
	{ "i timen", PERIOD_HOUR }, { "i m\xc3\xa5neden", PERIOD_MONTH },
	{ "/t.", PERIOD_HOUR },
	/* Dutch */
	{ "per jaar", PERIOD_YEAR }, { "per maand", PERIOD_MONTH }, { "per uur", PERIOD_HOUR },
	{ "per dag", PERIOD_DAY }, { "jaarlijks", PERIOD_YEAR }, { "maandelijks", PERIOD_MONTH },
	{ "/maand", PERIOD_MONTH }, { "/uur", PERIOD_HOUR },
	/* Malay and Indonesian; Vietnamese */
	{ "per bulan", PERIOD_MONTH }, { "sebulan", PERIOD_MONTH }, { "/bulan", PERIOD_MONTH },
	{ "per tahun", PERIOD_YEAR }, { "setahun", PERIOD_YEAR }, { "per jam", PERIOD_HOUR },
	{ "per hari", PERIOD_DAY }, { "sehari", PERIOD_DAY },
	{ "/th\xc3\xa1ng", PERIOD_MONTH }, { "/n\xc4\x83m", PERIOD_YEAR },	/* /tháng /năm */
	{ "/gi\xe1\xbb\x9d", PERIOD_HOUR },					/* /giờ */
	{ "por jornada", PERIOD_DAY },
	/* Romanian */
	{ "pe lun\xc4\x83", PERIOD_MONTH }, { "/lun\xc4\x83", PERIOD_MONTH },	/* pe lună */
	{ "lunar", PERIOD_MONTH }, { "pe an", PERIOD_YEAR },
	{ "pe or\xc4\x83", PERIOD_HOUR }, { "pe ora", PERIOD_HOUR }, { "/or\xc4\x83", PERIOD_HOUR },
	{ "pe zi", PERIOD_DAY },
	/* Chinese and Japanese after the figure: "8000元/月", "15万/年" */
	{ "/\xe6\x9c\x88", PERIOD_MONTH }, { "/\xe5\xb9\xb4", PERIOD_YEAR },	/* /月 /年 */
	{ "/\xe5\xb0\x8f\xe6\x97\xb6", PERIOD_HOUR }, { "/\xe6\x99\x82", PERIOD_HOUR },	/* /小时 /時 */
	{ "/\xe5\xa4\xa9", PERIOD_DAY }, { "/\xe6\x97\xa5", PERIOD_DAY },	/* /天 /日 */
	{ "/\xe5\x91\xa8", PERIOD_WEEK },					/* /周 */
};

/*
 * Bare unit words right after a figure, which count as its period only when
 * the amount names a currency and they are written as these (case matters):
 * "USD 40 HOUR", "EUR 77604 YEAR", "£2,500 pm".  Without a currency they
 * are a workload ("40 hour week") or a time ("5 pm"); in other cases they
 * start a phrase ("$18 Day Shift", "$45,000 Week days only", "$65,000 HR
 * Manager").
 */
static const struct {
	const char *text;
	enum salary_period period;
} unit_words[] = {
	{ "HOUR", PERIOD_HOUR }, { "DAY", PERIOD_DAY }, { "WEEK", PERIOD_WEEK },
	{ "MONTH", PERIOD_MONTH }, { "YEAR", PERIOD_YEAR }, { "pm", PERIOD_MONTH },
};

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

const char *salary_match_period(const char *p, enum salary_period *period)
{
	const char *e, *after = NULL;
	size_t i;

	/* "euros/ mois", "$20 / hour": a slash spelling with space after it */
	if (*p == '/' && salary_space_len(p + 1) > 0)
		after = salary_skip_space(p + 1);
	for (i = 0; i < COUNT(periods); i++) {
		e = NULL;
		if (after != NULL && periods[i].text[0] == '/')
			e = salary_match_phrase(after, periods[i].text + 1);
		if (e == NULL)
			e = salary_match_phrase(p, periods[i].text);
		/* a word goes on in a letter beyond ASCII: "/h" is not "/hó" */
		if (e != NULL && (unsigned char)*e >= 0x80 && salary_is_word_byte(e) &&
		    salary_is_alpha((unsigned char)e[-1]))
			e = NULL;
		if (e != NULL) {
			if (period != NULL)
				*period = periods[i].period;
			return e;
		}
	}
	return NULL;
}

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

double salary_annual_factor(enum salary_period p)
{
	switch (p) {
	case PERIOD_HOUR:
		return HOURS_PER_YEAR;
	case PERIOD_DAY:
		return DAYS_PER_YEAR;
	case PERIOD_WEEK:
		return WEEKS_PER_YEAR;
	case PERIOD_MONTH:
		return MONTHS_PER_YEAR;
	case PERIOD_YEAR:
		return 1;
	case PERIOD_UNKNOWN:
		break;
	}
	return 0;
}

double salary_annualize(double amount, enum salary_period p)
{
	return amount * salary_annual_factor(p);
}

const char *salary_match_unit_word(const char *p, enum salary_period *period)
{
	const char *e;
	size_t i;

	for (i = 0; i < COUNT(unit_words); i++) {
		size_t n = strlen(unit_words[i].text);

		if (strncmp(p, unit_words[i].text, n) != 0)
			continue;
		e = salary_match_phrase(p, unit_words[i].text);
		if (e == NULL || (*e == '-' && salary_is_alpha((unsigned char)e[1])) ||
		    salary_match_phrase(salary_skip_space(e), "shift") != NULL ||
		    salary_match_phrase(salary_skip_space(e), "shifts") != NULL)
			continue;	/* "YEAR-END", "DAY SHIFT" */
		*period = unit_words[i].period;
		return e;
	}
	return NULL;
}

/*
 * Japanese, Chinese and Korean words for yearly, monthly, weekly, daily and
 * hourly pay, written without spaces: 年収 年俸 年薪, 月収 月給 月薪, 周薪, 日給
 * 日薪, 時給 时薪, 연봉 월급 주급 일급 시급.
 */
static const struct {
	const char *word;
	enum salary_period period;
} cjk_periods[] = {
	{ "\xe5\xb9\xb4\xe5\x8f\x8e", PERIOD_YEAR }, { "\xe5\xb9\xb4\xe4\xbf\xb8", PERIOD_YEAR },
	{ "\xe5\xb9\xb4\xe8\x96\xaa", PERIOD_YEAR }, { "\xe6\x9c\x88\xe5\x8f\x8e", PERIOD_MONTH },
	{ "\xe6\x9c\x88\xe7\xb5\xa6", PERIOD_MONTH }, { "\xe6\x9c\x88\xe8\x96\xaa", PERIOD_MONTH },
	{ "\xe6\x97\xa5\xe7\xb5\xa6", PERIOD_DAY }, { "\xe6\x99\x82\xe7\xb5\xa6", PERIOD_HOUR },
	/* Chinese 时薪 日薪 周薪 (simplified), 時薪 (traditional) */
	{ "\xe6\x97\xb6\xe8\x96\xaa", PERIOD_HOUR }, { "\xe6\x99\x82\xe8\x96\xaa", PERIOD_HOUR }, { "\xe6\x97\xa5\xe8\x96\xaa", PERIOD_DAY },
	{ "\xe5\x91\xa8\xe8\x96\xaa", PERIOD_WEEK },
	{ "\xe6\x9c\x88\xe5\x85\xa5", PERIOD_MONTH }, { "\xe5\xb9\xb4\xe5\x85\xa5", PERIOD_YEAR },	/* 月入 年入 */
	/* Korean 연봉 월급 주급 일급 시급 */
	{ "\xec\x97\xb0\xeb\xb4\x89", PERIOD_YEAR }, { "\xec\x9b\x94\xea\xb8\x89", PERIOD_MONTH },
	{ "\xec\xa3\xbc\xea\xb8\x89", PERIOD_WEEK }, { "\xec\x9d\xbc\xea\xb8\x89", PERIOD_DAY },
	{ "\xec\x8b\x9c\xea\xb8\x89", PERIOD_HOUR },
};

enum salary_period salary_cjk_period(const char *text, const char *p, const char **at)
{
	const char *from = p - text > CJK_BEFORE ? p - CJK_BEFORE : text, *q, *best = NULL;
	enum salary_period period = PERIOD_UNKNOWN;
	size_t i, n;

	for (i = 0; i < COUNT(cjk_periods); i++) {
		n = strlen(cjk_periods[i].word);
		for (q = from; q + n <= p; q++) {
			if (memcmp(q, cjk_periods[i].word, n) == 0 && (best == NULL || q > best)) {
				best = q;
				period = cjk_periods[i].period;
			}
		}
	}
	if (at != NULL)
		*at = best;
	return period;
}
