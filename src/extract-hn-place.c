/*
 * extract-hn-place.c - the parts of an HN ad's head that name a place, and
 * the company written beside it (extract-hn-internal.h):
 *
 *   "LinkedIn, Mountain View, CA"          company, then a place
 *   "RentMineOnline (San Francisco, ...)"  company, its place in brackets
 *   "Uken Games in downtown Toronto"       company in a place
 *   "San Francisco, CA  Full-Time,  REMOTE" a place; keywords cut off
 *
 * A place is what jobstats' own location reader knows (a country, a state
 * or province, a big city); an unknown town is left to extract-hn-read.c.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extract-hn-internal.h"
#include "normalize.h"
#include "xalloc.h"

#define NAME_WORDS 4	/* a company's name is at most this many words */

void hn_set_once(char **field, char *value)
{
	if (*field == NULL && value != NULL && *value)
		*field = value;
	else
		free(value);
}

/* A name as a company could be called: short, no list, no place words. */
char *hn_name_of(const char *part)
{
	const char *paren = hn_find_top(part, " (");
	char *name = hn_trimmed(part, paren ? (size_t)(paren - part) : strlen(part));

	if (!isalnum((unsigned char)name[0]) || hn_word_count(name) > NAME_WORDS ||
	    strchr(name, ',') || hn_find_top(name, " or ") || hn_find_top(name, " and ") ||
	    hn_any_word(name, hn_is_place_word) || hn_any_word(name, hn_is_role_word) ||
	    (hn_word_count(name) == 1 && hn_is_label(name, strlen(name)))) {
		free(name);
		return NULL;
	}
	return name;
}

int hn_known_place(const char *s, struct location *loc)
{
	location_parse(s, NULL, loc);
	return loc->country[0] != '\0' || loc->arrangement != NULL;
}

static int place_of(struct hn_reading *rd, const char *part);

/* "San Francisco, CA Full-Time, REMOTE": keywords after the place are
 * counted and cut off. */
static int take_location(struct hn_reading *rd, const char *text)
{
	struct location loc;
	const char *p;
	char *part = NULL;
	int ok;

	if (!hn_known_place(text, &loc))
		return 0;
	/* "FULLTIME or INTERN in PALO ALTO, CA" */
	if ((p = hn_find_top(text, " in ")) != NULL && hn_cue_part(text, (size_t)(p - text), &rd->cues))
		text = p + 4;
	for (p = strchr(text, ' '); p != NULL && part == NULL; p = strchr(p + 1, ' '))
		if (hn_cue_part(p, strlen(p), &rd->cues))
			part = hn_trimmed(text, (size_t)(p - text));
	ok = place_of(rd, part ? part : text);
	free(part);
	return ok;
}

/* A place part: the location (arrangement words cut off) and its cue. */
static int place_of(struct hn_reading *rd, const char *part)
{
	struct location loc;

	if (!hn_known_place(part, &loc))
		return 0;
	if (loc.arrangement != NULL && strcmp(loc.arrangement, "remote") == 0)
		rd->cues.seen[HN_CUE_REMOTE]++;
	if (loc.country[0] == '\0')
		return 1;
	if (loc.place != NULL && loc.place_len > 0)
		hn_set_once(&rd->ad->location, hn_trimmed(loc.place, loc.place_len));
	else
		hn_set_once(&rd->ad->location, xstrdup(part));
	rd->place_known = 1;
	return 1;
}

/* "LinkedIn, Mountain View, CA": a name, then a place of two or more items. */
static int company_then_place(struct hn_reading *rd, const char *part)
{
	const char *comma = hn_find_top(part, ","), *rest;
	struct location loc;
	char *first, *name;
	int ok;

	if (comma == NULL || hn_find_top(comma + 1, ",") == NULL)
		return 0;
	rest = comma + 1 + strspn(comma + 1, " ");
	if (isupper((unsigned char)rest[0]) && isupper((unsigned char)rest[1]) &&
	    !isalnum((unsigned char)rest[2]))
		return 0;	/* "Santa Monica, CA, ...": a city and its state */
	first = hn_trimmed(part, (size_t)(comma - part));
	name = hn_known_place(first, &loc) ? NULL : hn_name_of(first);
	ok = name != NULL && hn_known_place(rest, &loc) && loc.country[0] != '\0';
	free(first);
	if (!ok) {
		free(name);
		return 0;
	}
	hn_set_once(&rd->company, name);
	return take_location(rd, rest);
}

/* "Uken Games in downtown Toronto": a name, then its place. */
static int name_in_place(struct hn_reading *rd, const char *part)
{
	const char *in = hn_find_top(part, " in ");
	struct location loc;
	char *before, *name;

	if (in == NULL || !hn_known_place(in + 4, &loc) || loc.country[0] == '\0')
		return 0;
	before = xstrndup(part, (size_t)(in - part));
	name = hn_known_place(before, &loc) ? NULL : hn_name_of(before);
	free(before);
	if (name == NULL)
		return 0;
	hn_set_once(&rd->company, name);
	return take_location(rd, in + 4);
}

/* "RentMineOnline (San Francisco, based in the Presidio)": a name and,
 * in brackets, its place. */
static int name_with_place(struct hn_reading *rd, const char *part)
{
	const char *open = hn_find_top(part, " (");
	size_t n = strlen(part);
	struct location loc;
	char *before, *inside, *name = NULL, *comma;
	int ok = 0;

	if (open == NULL || part[n - 1] != ')')
		return 0;
	before = xstrndup(part, (size_t)(open - part));
	inside = xstrndup(open + 2, n - (size_t)(open + 2 - part) - 1);
	if (!hn_known_place(before, &loc) && (name = hn_name_of(before)) != NULL &&
	    hn_known_place(inside, &loc) && loc.country[0] != '\0') {
		comma = strchr(inside, ',');
		if (comma != NULL) {
			*comma = '\0';
			if (!hn_known_place(inside, &loc) || loc.country[0] == '\0')
				*comma = ',';
		}
		hn_set_once(&rd->company, name);
		name = NULL;
		ok = take_location(rd, inside);
	}
	free(name);
	free(before);
	free(inside);
	return ok;
}

int hn_read_place(struct hn_reading *rd, const char *part)
{
	return company_then_place(rd, part) || name_with_place(rd, part) ||
	       name_in_place(rd, part) || take_location(rd, part);
}
