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

/* What separates a title's role from its cues: "|", " - ", ",", "(". */
static size_t cue_start(const char *s)
{
	static const char *const seps[] = { "|", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", ",", "(", "[" };
	size_t i, best = strlen(s), at;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
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
static char *cues_of(const char *title)
{
	size_t at;

	if (title == NULL)
		return NULL;
	at = cue_start(title);
	return title[at] ? xstrdup(title + at) : NULL;
}

const char *title_arrangement(const char *title)
{
	char *cues = cues_of(title);
	const char *a = location_arrangement_of(cues);

	free(cues);
	return a;
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

/*
 * Is one of the cues' segments (split at | , ( ) and dashes) nothing but an
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

	for (seg = strtok_r(copy, "|,()[]\xe2\x80\x93\xe2\x80\x94", &save); seg != NULL && type == NULL;
	     seg = strtok_r(NULL, "|,()[]\xe2\x80\x93\xe2\x80\x94", &save)) {
		seg += strspn(seg, " -");
		for (i = 0; i < sizeof(hours) / sizeof(hours[0]) && type == NULL; i++) {
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
	char *cues;
	const char *type = NULL;

	if (title == NULL)
		return NULL;
	if (normalize_first_of(title, intern_words, sizeof(intern_words) / sizeof(intern_words[0])) <
	    sizeof(intern_words) / sizeof(intern_words[0]))
		return "IN";
	if (normalize_first_of(title, fixed_term_words,
			       sizeof(fixed_term_words) / sizeof(fixed_term_words[0])) <
	    sizeof(fixed_term_words) / sizeof(fixed_term_words[0]))
		return "TEMP";
	cues = cues_of(title);
	if (cues != NULL)
		type = hours_segment(cues);
	free(cues);
	return type;
}
