/*
 * level.c - seniority (EN, MI, SE, EX) from a board's label, a structured
 * hint or a job title (normalize.h).  The tables below are the mapping
 * jobstats(1) prints under LEVELS; change both together.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct word_code {
	const char *phrase;	/* folded: case and accents do not matter */
	const char *code;
	unsigned flags;
};

#define EXACT_CASE 1u	/* "II" is a numeral, "ii" is not */
#define BEFORE_WORD 2u	/* another word must follow: "Associate Data Scientist" */
#define ENDS_TITLE 4u	/* last word of the title or of its first part: "Engineer II, Ads" */
#define PLURAL 8u	/* also with a closing "s": "Java Developers - Freshers" */

/* Labels that say there is no level: the title decides. */
static const char *const not_applicable[] = {
	"not applicable", "no corresponde", "no aplica", "non applicabile", "non applicable",
	"nicht zutreffend", "nao aplicavel", "ej tillampligt", "niet van toepassing",
};

/*
 * Board labels, first match wins.  LinkedIn's six steps (Internship, Entry
 * level, Associate, Mid-Senior level, Director, Executive) map in order onto
 * our four: Associate sits above entry level, so MI; Mid-Senior level is
 * where LinkedIn puts senior individual contributors, so SE.  Its
 * translations map as the English ones: es (checked against LinkedIn's
 * f_E filter) Prácticas, Sin experiencia, Algo de responsabilidad,
 * Intermedio (= Mid-Senior), Director, Ejecutivo; it Stage, Esperienza
 * minima, Livello medio (= Associate), Livello medio-alto, Direttore,
 * Executive; pt-BR Estágio, Assistente (= Entry level), Pleno-sênior,
 * Diretor, Executivo; fr Stage, Premier emploi, Associé, Confirmé
 * (= Mid-Senior), Directeur, Cadre dirigeant; de Praktikum, Einstiegslevel,
 * Mid-Senior-Level, Direktor.  pt-BR writes Júnior for Associate, but the
 * word means junior wherever else it is written, so it stays EN.  Swedish
 * "Mellannivå" is left out: unverified whether LinkedIn means Associate or
 * Mid-Senior by it.  The compound senior steps come before "mid" and
 * "medio"; executive before all ("Executive-level / Director").
 */
static const struct word_code label_words[] = {
	{ "executive", "EX", 0 }, { "director", "EX", 0 }, { "ejecutivo", "EX", 0 },
	{ "executivo", "EX", 0 }, { "directeur", "EX", 0 }, { "direttore", "EX", 0 },
	{ "dirigente", "EX", 0 }, { "diretor", "EX", 0 }, { "direktor", "EX", 0 },
	{ "cadre dirigeant", "EX", 0 },
	{ "mid senior", "SE", 0 }, { "pleno senior", "SE", 0 }, { "livello medio alto", "SE", 0 },
	{ "intermedio", "SE", 0 }, { "confirme", "SE", 0 },
	{ "entry", "EN", 0 }, { "junior", "EN", 0 }, { "internship", "EN", 0 },
	{ "intern", "EN", 0 }, { "sin experiencia", "EN", 0 }, { "practicas", "EN", 0 },
	{ "pasantia", "EN", 0 }, { "esperienza minima", "EN", 0 }, { "livello base", "EN", 0 },
	{ "stage", "EN", 0 }, { "estagio", "EN", 0 }, { "assistente", "EN", 0 },
	{ "premier emploi", "EN", 0 }, { "debutant", "EN", 0 }, { "praktikum", "EN", 0 },
	{ "praktik", "EN", 0 }, { "einstiegslevel", "EN", 0 }, { "berufseinstieg", "EN", 0 },
	{ "berufseinsteiger", "EN", 0 }, { "fresher", "EN", 0 },
	{ "associate", "MI", 0 }, { "associe", "MI", 0 }, { "algo de responsabilidad", "MI", 0 },
	{ "livello medio", "MI", 0 }, { "mid", "MI", 0 }, { "intermediate", "MI", 0 },
	{ "pleno", "MI", 0 },
	{ "senior", "SE", 0 }, { "expert", "SE", 0 },
};

/*
 * Title words, first match wins.  An internship is entry level whatever
 * office it sits in ("Intern - Office of the CTO"), so those words come
 * first; then the higher level before the lower: "Senior Director" is a
 * director, "Lead Principal" senior.  Staff, Principal and Lead are senior
 * individual contributors.  Manager, Architect and Expert say nothing:
 * managers run teams at every level.  VP is executive although banks give
 * the title to mid-career staff.  A leading "Associate" is the step below
 * the plain title ("Associate Data Scientist"), so EN; a trailing one is a
 * rank that banks put mid-level ("Data Analytics Associate"), so nothing.
 * French "confirmé" asks for some years of experience: MI.  Roman numerals
 * end a title ("Software Engineer II") and count from I = EN; companies
 * differ (Google's II is entry level), the common reading is taken.
 * Arabic grades ("Machine Learning Engineer 5") differ too much to read.
 * "Grad" is short for graduate ("New Grad", "University Grad").  Words for
 * the people hired (intern, trainee, graduate, fresher) read in the plural
 * too: a card may ask for several ("Java Developers - Freshers").
 */
static const struct word_code title_words[] = {
	{ "intern", "EN", PLURAL }, { "internship", "EN", 0 }, { "trainee", "EN", PLURAL },
	{ "apprentice", "EN", PLURAL }, { "apprenticeship", "EN", 0 }, { "werkstudent", "EN", 0 },
	{ "praktikant", "EN", 0 }, { "praktikum", "EN", 0 }, { "stagiaire", "EN", PLURAL },
	{ "stage", "EN", 0 }, { "alternance", "EN", 0 }, { "estagio", "EN", 0 },
	{ "estagiario", "EN", 0 }, { "becario", "EN", 0 }, { "practicas", "EN", 0 },
	{ "tirocinio", "EN", 0 },
	{ "head of", "EX", 0 }, { "director", "EX", 0 }, { "directeur", "EX", 0 },
	{ "vp", "EX", 0 }, { "svp", "EX", 0 }, { "evp", "EX", 0 }, { "vice president", "EX", 0 },
	{ "president", "EX", 0 }, { "chief", "EX", 0 }, { "geschaftsfuhrer", "EX", 0 },
	{ "CEO", "EX", EXACT_CASE }, { "CTO", "EX", EXACT_CASE }, { "CDO", "EX", EXACT_CASE },
	{ "CIO", "EX", EXACT_CASE }, { "CFO", "EX", EXACT_CASE }, { "COO", "EX", EXACT_CASE },
	{ "CISO", "EX", EXACT_CASE }, { "CPO", "EX", EXACT_CASE }, { "CMO", "EX", EXACT_CASE },
	{ "mid senior", "SE", 0 }, { "senior", "SE", 0 }, { "sr", "SE", 0 }, { "snr", "SE", 0 },
	{ "lead", "SE", 0 }, { "principal", "SE", 0 }, { "staff", "SE", 0 },
	{ "mid", "MI", 0 }, { "intermediate", "MI", 0 }, { "pleno", "MI", 0 },
	{ "confirme", "MI", 0 }, { "confirmee", "MI", 0 },
	{ "junior", "EN", 0 }, { "jr", "EN", 0 }, { "graduate", "EN", PLURAL },
	{ "undergraduate", "EN", PLURAL }, { "grad", "EN", PLURAL }, { "entry", "EN", 0 },
	{ "fresher", "EN", PLURAL }, { "debutant", "EN", 0 }, { "associate", "EN", BEFORE_WORD },
	{ "I", "EN", EXACT_CASE | ENDS_TITLE }, { "II", "MI", EXACT_CASE | ENDS_TITLE },
	{ "III", "SE", EXACT_CASE | ENDS_TITLE }, { "IV", "SE", EXACT_CASE | ENDS_TITLE },
};

/*
 * Phrases in which a level word names something else: data entry is the
 * work, a staff accountant is the entry rung of accounting, a member of
 * technical staff is any engineer at some labs, senior living is a care
 * home, an art director designs.
 */
static const char *const not_levels[] = {
	"data entry", "staff accountant", "staff nurse", "staff auditor", "staff writer",
	"staff attorney", "technical staff", "lead generation", "senior living", "senior care",
	"associate professor", "art director", "mid market", "stage manager",
};

static const struct word_code level_names[] = {
	{ "Entry-level / Junior", "EN", 0 },
	{ "Mid-level / Intermediate", "MI", 0 },
	{ "Senior-level / Expert", "SE", 0 },
	{ "Executive-level / Director", "EX", 0 },
};

/* The flags' conditions on what follows a match ending at e. */
static int follows_ok(const char *e, unsigned flags)
{
	if (flags & BEFORE_WORD) {
		if (*e != ' ')
			return 0;
		e += strspn(e, " ");
		return (*e >= 'A' && *e <= 'Z') || (*e >= 'a' && *e <= 'z');
	}
	if (flags & ENDS_TITLE) {
		e += strspn(e, " ");
		return *e == '\0' || strchr(",-(/|)", *e) != NULL;
	}
	return 1;
}

/* Whether phrase, under flags, stands in text as a level word. */
static int has_word(const char *text, const char *phrase, unsigned flags)
{
	const char *p = text, *s, *e;

	while ((s = normalize_find_word(p, phrase, !(flags & EXACT_CASE), &e)) != NULL) {
		if (follows_ok(e, flags) && !normalize_inside_any(text, s, not_levels, COUNT(not_levels)))
			return 1;
		p = e;
	}
	return 0;
}

static const char *first_word(const char *text, const struct word_code *t, size_t n)
{
	struct normalize_initials in;
	char plural[64];
	size_t i;
	int len;

	if (text == NULL)
		return NULL;
	normalize_initials_of(text, &in);
	for (i = 0; i < n; i++) {
		if (!normalize_may_start(&in, t[i].phrase))
			continue;	/* nor can its plural */
		if (has_word(text, t[i].phrase, t[i].flags))
			return t[i].code;
		if (!(t[i].flags & PLURAL))
			continue;
		len = snprintf(plural, sizeof(plural), "%ss", t[i].phrase);
		if (len > 0 && (size_t)len < sizeof(plural) && has_word(text, plural, t[i].flags))
			return t[i].code;
	}
	return NULL;
}

/* A label that is a code itself: "SE", " mi ". */
static const char *label_code(const char *label)
{
	size_t i, n;

	label += strspn(label, " \t");
	for (n = strlen(label); n > 0 && (label[n - 1] == ' ' || label[n - 1] == '\t'); n--)
		;
	if (n != 2)
		return NULL;
	for (i = 0; i < COUNT(level_names); i++)
		if (normalize_fold((unsigned char)label[0]) ==
			    normalize_fold((unsigned char)level_names[i].code[0]) &&
		    normalize_fold((unsigned char)label[1]) ==
			    normalize_fold((unsigned char)level_names[i].code[1]))
			return level_names[i].code;
	return NULL;
}

/* A label or hint: a code, a label word, else a title word ("Lead"). */
static const char *label_level(const char *label)
{
	const char *code;

	if (label == NULL || normalize_first_of(label, not_applicable, COUNT(not_applicable)) <
				     COUNT(not_applicable))
		return NULL;
	if ((code = label_code(label)) != NULL)
		return code;
	if ((code = first_word(label, label_words, COUNT(label_words))) != NULL)
		return code;
	return first_word(label, title_words, COUNT(title_words));
}

const char *level_detect(const char *label, const char *title, const char *hints)
{
	const char *code = label_level(label);

	if (code == NULL)
		code = label_level(hints);
	if (code == NULL)
		code = first_word(title, title_words, COUNT(title_words));
	return code;
}

const char *level_name(const char *code)
{
	size_t i;

	if (code == NULL)
		return NULL;
	for (i = 0; i < COUNT(level_names); i++)
		if (strcmp(code, level_names[i].code) == 0)
			return level_names[i].phrase;
	return NULL;
}
