/*
 * title-cues.c - what a title says beside the role, for boards whose cards
 * have no field for it: "Data Engineer | Remote – LATAM | Full-time"
 * (python.org), "Software Engineering Internship" (LinkedIn).  Read only
 * when the page gives no employment type or arrangement of its own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "location-internal.h"
#include "normalize.h"
#include "xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* What separates a title's role from its cues: "|", " - ", ",", "(". */
static size_t cue_start(const char *s)
{
	static const char *const seps[] = { "|", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", ",", "(", "[" };
	size_t i, best = strlen(s), at;

	for (i = 0; i < COUNT(seps); i++) {
		const char *p = strstr(s, seps[i]);

		at = p ? (size_t)(p - s) + strlen(seps[i]) : best;
		if (at < best)
			best = at;
	}
	return best;
}

/*
 * The title after its first separator ("Remote – LATAM | Full-time"), or
 * NULL when it has none: a cue word in the role itself says something
 * else ("Hybrid Cloud Engineer", "Remote Sensing Analyst").
 */
static const char *cues_of(const char *title)
{
	size_t at;

	if (title == NULL)
		return NULL;
	at = cue_start(title);
	return title[at] ? title + at : NULL;
}

const char *title_arrangement(const char *title)
{
	return location_arrangement_of(cues_of(title));
}

/*
 * Words that say the employment wherever the title has them: interns are
 * interns, and a fixed term is a fixed term ("Regulatorisk handl\xc3\xa4ggare
 * tidsbegr\xc3\xa4nsad", LinkedIn Sweden).  Hours only count as a cue.
 */
static const char *const intern_words[] = {
	"intern", "interns", "internship", "internships", "praktikant", "praktikantin",
	"werkstudent", "werkstudentin",
};
static const char *const fixed_term_words[] = {
	"tidsbegransad", "befristet", "fixed term", "fixed-term", "temporary",
};

/* Past blanks and dashes (-, en dash, em dash) that start a segment. */
static char *skip_dashes(char *s)
{
	for (;;) {
		s += strspn(s, " -");
		if (strncmp(s, "\xe2\x80\x93", 3) != 0 && strncmp(s, "\xe2\x80\x94", 3) != 0)
			return s;
		s += 3;
	}
}

/*
 * Is one of the cues' segments (split at | , ( ) [ ]) nothing but an
 * hours phrase?  "| Full-time" is a cue; "(1 fulltime, 1-2 partime)" is a
 * head count of several kinds, and says no one type.
 */
static const char *hours_segment(const char *cues)
{
	static const char *const hours[] = { "full time", "full-time", "fulltime", "part time",
					     "part-time", "parttime" };
	char *copy = xstrdup(cues), *seg, *save = NULL;
	const char *type = NULL;
	size_t i;

	for (seg = strtok_r(copy, "|,()[]", &save); seg != NULL && type == NULL;
	     seg = strtok_r(NULL, "|,()[]", &save)) {
		seg = skip_dashes(seg);
		for (i = 0; i < COUNT(hours) && type == NULL; i++) {
			size_t n = strlen(hours[i]);

			if (strncasecmp(seg, hours[i], n) == 0 && seg[n + strspn(seg + n, " -")] == '\0')
				type = employment_type_parse(hours[i]);
		}
	}
	free(copy);
	return type;
}

const char *title_employment_type(const char *title)
{
	const char *cues;

	if (title == NULL)
		return NULL;
	if (normalize_first_of(title, intern_words, COUNT(intern_words)) < COUNT(intern_words))
		return "IN";
	if (normalize_first_of(title, fixed_term_words, COUNT(fixed_term_words)) <
	    COUNT(fixed_term_words))
		return "TEMP";
	cues = cues_of(title);
	return cues != NULL ? hours_segment(cues) : NULL;
}
