/*
 * level.c - seniority (EN, MI, SE, EX) from a board's label or a job title,
 * and the whole-word matcher the other normalizers share (normalize.h).
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct word_code {
	const char *phrase;
	const char *code;
};

/*
 * Board labels, first match wins: the seed board's "Senior-level / Expert",
 * LinkedIn's "Internship", "Entry level", "Associate", "Mid-Senior level",
 * "Director", "Executive".  LinkedIn's six steps map in order onto our four:
 * Associate sits above entry level, Mid-Senior level covers senior ICs.
 */
static const struct word_code label_words[] = {
	{ "executive", "EX" }, { "director", "EX" },
	{ "mid-senior", "SE" },
	{ "entry", "EN" }, { "junior", "EN" }, { "internship", "EN" }, { "intern", "EN" },
	{ "associate", "MI" }, { "mid", "MI" }, { "intermediate", "MI" },
	{ "senior", "SE" }, { "expert", "SE" },
};

/*
 * Title words, first match wins: "Senior Director" is a director.  Titles
 * with none of these say nothing: a plain "Data Engineer" is not proof of
 * mid level.
 */
static const struct word_code title_words[] = {
	{ "head of", "EX" }, { "director", "EX" }, { "vp", "EX" },
	{ "vice president", "EX" }, { "chief", "EX" }, { "cto", "EX" },
	{ "cdo", "EX" }, { "ceo", "EX" }, { "cio", "EX" },
	{ "senior", "SE" }, { "sr", "SE" }, { "snr", "SE" }, { "lead", "SE" },
	{ "principal", "SE" }, { "staff", "SE" },
	{ "junior", "EN" }, { "jr", "EN" }, { "intern", "EN" }, { "internship", "EN" },
	{ "graduate", "EN" }, { "trainee", "EN" }, { "apprentice", "EN" },
	{ "entry", "EN" },
};

static const struct word_code level_names[] = {
	{ "Entry-level / Junior", "EN" },
	{ "Mid-level / Intermediate", "MI" },
	{ "Senior-level / Expert", "SE" },
	{ "Executive-level / Director", "EX" },
};

static int is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_sep(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_';
}

/* Match phrase at p (see normalize_find_word); the end of the match or NULL. */
static const char *match_at(const char *p, const char *phrase, int fold_case)
{
	for (; *phrase; phrase++) {
		if (*phrase == ' ' || *phrase == '-') {
			if (!is_sep((unsigned char)*p))
				return NULL;
			while (is_sep((unsigned char)*p))
				p++;
		} else if (fold_case ? fold((unsigned char)*p) == fold((unsigned char)*phrase)
				     : *p == *phrase) {
			p++;
		} else {
			return NULL;
		}
	}
	if (is_alnum((unsigned char)phrase[-1]) && is_alnum((unsigned char)*p))
		return NULL;
	return p;
}

const char *normalize_find_word(const char *text, const char *phrase, int fold_case,
				const char **end)
{
	const char *p, *e;

	if (text == NULL || phrase == NULL || *phrase == '\0')
		return NULL;
	for (p = text; *p; p++) {
		if (p > text && is_alnum((unsigned char)p[-1]) && is_alnum((unsigned char)*phrase))
			continue;
		if ((e = match_at(p, phrase, fold_case)) != NULL) {
			if (end != NULL)
				*end = e;
			return p;
		}
	}
	return NULL;
}

static const char *first_word(const char *text, const struct word_code *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (normalize_find_word(text, t[i].phrase, 1, NULL) != NULL)
			return t[i].code;
	return NULL;
}

/* A label that is a code itself: "SE", " mi ". */
static const char *label_code(const char *label)
{
	size_t i;

	for (i = 0; i < COUNT(level_names); i++) {
		const char *e;
		const char *s = normalize_find_word(label, level_names[i].code, 1, &e);

		if (s != NULL && strspn(label, " \t") == (size_t)(s - label) &&
		    e[strspn(e, " \t")] == '\0')
			return level_names[i].code;
	}
	return NULL;
}

/* Whether the word before s (within text) is word: "Data" in "Data Entry". */
static int preceded_by(const char *text, const char *s, const char *word)
{
	size_t n = strlen(word), i;

	while (s > text && is_sep((unsigned char)s[-1]))
		s--;
	if ((size_t)(s - text) < n)
		return 0;
	s -= n;
	if (s > text && is_alnum((unsigned char)s[-1]))
		return 0;
	for (i = 0; i < n; i++)
		if (fold((unsigned char)s[i]) != word[i])
			return 0;
	return 1;
}

/* Title words; "Data Entry Clerk" names the work, not the level. */
static const char *title_level(const char *title)
{
	size_t i;

	for (i = 0; i < COUNT(title_words); i++) {
		const char *p = title, *s, *e;

		while ((s = normalize_find_word(p, title_words[i].phrase, 1, &e)) != NULL) {
			if (strcmp(title_words[i].phrase, "entry") != 0 ||
			    !preceded_by(title, s, "data"))
				return title_words[i].code;
			p = e;
		}
	}
	return NULL;
}

const char *level_normalize(const char *label, const char *title)
{
	const char *code = NULL;

	if (label != NULL) {
		code = label_code(label);
		if (code == NULL)
			code = first_word(label, label_words, COUNT(label_words));
	}
	if (code == NULL && title != NULL)
		code = title_level(title);
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
