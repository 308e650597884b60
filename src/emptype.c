/*
 * emptype.c - employment type (FT, PT, CT, FL, IN, TEMP) from board text and
 * schema.org employmentType values (normalize.h).  The table below is the
 * mapping jobstats(1) prints under EMPLOYMENT TYPES.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Employment types are a few words; longer text is read up to here. */
#define MAX_TEXT 256

/*
 * Within one item, first match wins, so the more specific word comes
 * first: a "Full Time Internship" is an internship, a "Part-time contract"
 * a contract.  A fixed-term job ("Temporary contract", French CDD, German
 * befristet) is temporary employment, not contracting: the worker is on
 * the payroll for a while.  Werkstudent (a student working up to 20 hours)
 * is part time.  Words of permanence (Permanent, CDI, Festanstellung,
 * unbefristet) say nothing about hours: they are read as full time only
 * when nothing else in the text says ("Permanent, Part-time" is part time).
 * Separators are loose (normalize_find_word): "full time" also reads
 * "Full-Time" and schema.org's "FULL_TIME"; accents fold ("Estágio").
 */
static const struct type_word {
	const char *phrase;
	const char *code;
} types[] = {
	{ "internship", "IN" }, { "intern", "IN" }, { "apprenticeship", "IN" },
	{ "apprentice", "IN" }, { "stage", "IN" }, { "praktikum", "IN" }, { "praktik", "IN" },
	{ "tirocinio", "IN" }, { "estagio", "IN" }, { "practicas", "IN" }, { "pasantia", "IN" },
	{ "alternance", "IN" }, { "ausbildung", "IN" },
	{ "freelance", "FL" }, { "freelancer", "FL" }, { "freiberuflich", "FL" },
	{ "autonomo", "FL" }, { "independant", "FL" }, { "self employed", "FL" },
	{ "temporary", "TEMP" }, { "temp", "TEMP" }, { "fixed term", "TEMP" }, { "cdd", "TEMP" },
	{ "befristet", "TEMP" }, { "tempo determinato", "TEMP" }, { "temporaneo", "TEMP" },
	{ "temporal", "TEMP" }, { "temporario", "TEMP" }, { "tidsbegransad", "TEMP" },
	{ "visstidsanstallning", "TEMP" }, { "tijdelijk", "TEMP" }, { "interim", "TEMP" },
	{ "aushilfe", "TEMP" }, { "seasonal", "TEMP" }, { "per diem", "TEMP" },
	{ "contract", "CT" }, { "contractor", "CT" }, { "contract to hire", "CT" },
	{ "contrato", "CT" }, { "contratto", "CT" },
	{ "part time", "PT" }, { "parttime", "PT" }, { "teilzeit", "PT" }, { "deltid", "PT" },
	{ "tempo parziale", "PT" }, { "medio tiempo", "PT" }, { "media jornada", "PT" },
	{ "tiempo parcial", "PT" }, { "jornada parcial", "PT" }, { "temps partiel", "PT" },
	{ "meio periodo", "PT" }, { "tempo parcial", "PT" }, { "deeltijd", "PT" },
	{ "temps parcial", "PT" },	/* Catalan (TalentClue, Barcelona Activa) */
	{ "minijob", "PT" }, { "werkstudent", "PT" },
	{ "full time", "FT" }, { "fulltime", "FT" }, { "vollzeit", "FT" }, { "heltid", "FT" },
	{ "tempo pieno", "FT" }, { "tiempo completo", "FT" }, { "jornada completa", "FT" },
	{ "temps plein", "FT" }, { "tempo integral", "FT" }, { "voltijd", "FT" },
};

/* Permanence: full time only when nothing else says (see above). */
static const char *const permanent[] = {
	"permanent", "cdi", "festanstellung", "unbefristet", "tempo indeterminato",
	"contrato indefinido", "indefinido", "tillsvidareanstallning", "fast anstallning",
	"efetivo",
};

/* Words joining two types in one text: "Vollzeit und Teilzeit". */
static const char *const joiners[] = {
	"and", "or", "und", "oder", "ou", "o", "y", "e", "och", "eller", "en", "of",
};

/* The type one item names; *perm set when it says only permanence. */
static const char *item_type(const char *item, int *perm)
{
	size_t i, n = COUNT(types);
	const char *s, *e;
	struct normalize_initials in;

	normalize_initials_of(item, &in);
	for (i = 0; i < n; i++) {
		const char *p = item;

		if (!normalize_may_start(&in, types[i].phrase))
			continue;

		/* "Contrato indefinido" is a permanent contract, not contracting. */
		while ((s = normalize_find_word(p, types[i].phrase, 1, &e)) != NULL) {
			size_t k;
			int inside = 0;

			for (k = 0; k < COUNT(permanent) && !inside; k++) {
				const char *ps, *pe;

				ps = normalize_find_word(item, permanent[k], 1, &pe);
				inside = ps != NULL && ps <= s && e <= pe;
			}
			if (!inside)
				return types[i].code;
			p = e;
		}
	}
	*perm = normalize_first_of(item, permanent, COUNT(permanent)) < COUNT(permanent);
	return NULL;
}

/*
 * Cut buf into items at list punctuation (JSON-LD arrays come as
 * "FULL_TIME, CONTRACTOR" or ["FULL_TIME","CONTRACTOR"]), " - " and joining
 * words, by writing NULs.
 */
static void split_items(char *buf)
{
	char *p;
	size_t i;

	for (p = buf; *p; p++) {
		if (strchr(",;|/[]\"+()", *p) != NULL) {
			*p = '\0';
			continue;
		}
		if (p > buf && p[-1] == ' ' && p[0] == '-' && p[1] == ' ') {
			*p = '\0';
			continue;
		}
		/* A joining word stands between spaces: look only after one. */
		for (i = 0; i < COUNT(joiners) && p > buf && p[-1] == ' '; i++) {
			const char *e = normalize_match_at(buf, p, joiners[i], 1);

			if (e != NULL && *e == ' ') {
				memset(p, '\0', (size_t)(e - p));
				p += e - p - 1;
				break;
			}
		}
	}
}

/* The first item's type wins: schema.org lists the main type first. */
const char *employment_type_parse(const char *text)
{
	char buf[MAX_TEXT + 1];
	const char *p, *end, *code;
	size_t n;
	int perm = 0;

	if (text == NULL)
		return NULL;
	n = strnlen(text, MAX_TEXT);
	memcpy(buf, text, n);
	buf[n] = '\0';
	split_items(buf);
	for (p = buf, end = buf + n; p < end; p += strlen(p) + 1) {
		int item_perm = 0;

		if ((code = item_type(p, &item_perm)) != NULL)
			return code;
		perm |= item_perm;
	}
	return perm ? "FT" : NULL;
}
