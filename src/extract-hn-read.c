/*
 * extract-hn-read.c - one HN ad's head, part by part (extract-hn-internal.h).
 *
 * The thread asked posters to "lead with the location", and most ads open
 * with a few short lines such as
 *
 *   Austin, TX - BarZ Adventures.
 *   Software developer, Rails or iPhone.
 *   MyEnergy - Boston, MA - FULL TIME: VP Eng, Data & Rails Engineers
 *   San Francisco (REMOTE, H1B, INTERN welcome):
 *
 * Each of those lines is cut at " | ", " - ", ": ", "; " and ". " (outside
 * brackets) into parts, and each part is read as keywords (REMOTE, H1B,
 * Full time), a role (it names a job: engineer, developer, ...), a place
 * (jobstats' own location reader knows it) or a name.  A part that reads
 * as a sentence ("We're hiring ...") is left to the body reader.  A name
 * becomes the company only next to a known place, or second after an
 * unknown first part (which is then taken as the place): a wrong company
 * is worse than none.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract-hn-internal.h"
#include "normalize.h"
#include "xalloc.h"

#define HEAD_LINES 3	/* an ad's head is at most this many lines ... */
#define HEAD_MAX 120	/* ... each at most this long */
#define ROLE_WORDS 8	/* a role part longer than this is a sentence */
#define MAX_NAMES (sizeof(((struct hn_reading *)0)->names) / sizeof(char *))

static int is_sentence(const char *s)
{
	return hn_any_word(s, hn_is_sentence_word) || hn_word_count(s) > 10;
}

/* "Senior Developer for SteelSeries": the role, and the company after it. */
static void take_role_words(struct hn_reading *rd, char *role)
{
	static const char *const joins[] = { " at ", " for ", " @ " };
	const char *at;
	size_t i;

	for (i = 0; i < sizeof(joins) / sizeof(joins[0]); i++) {
		at = hn_find_top(role, joins[i]);
		if (at != NULL) {
			hn_set_once(&rd->company, hn_name_of(at + strlen(joins[i])));
			role[at - role] = '\0';
			break;
		}
	}
	if (hn_word_count(role) <= ROLE_WORDS && hn_any_word(role, hn_is_role_word))
		hn_set_once(&rd->ad->title, hn_trimmed(role, strlen(role)));
	free(role);
}

static int read_part(struct hn_reading *rd, const char *part, int can_be_role);

/* The role item without the other roles listed with it: "Designers and
 * Engineers" -> "Designers". */
static char *first_role(const char *item, size_t n)
{
	static const char *const seps[] = { " and ", " or ", " & " };
	char *copy = xstrndup(item, n), *role;
	const char *s;
	size_t i;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
		if ((s = hn_find_top(copy, seps[i])) != NULL)
			copy[s - copy] = '\0';
	role = hn_trimmed(copy, strlen(copy));
	free(copy);
	return role;
}

/* "Mountain View CA, Full-Time, Web Application Engineer": the comma item
 * that names a job is the role; the items before and after it are read
 * again as places, names or keywords. */
static void take_role(struct hn_reading *rd, const char *part)
{
	const char *item = part, *comma;
	char *one, *before;
	int role;

	for (;;) {
		comma = hn_find_top(item, ",");
		one = xstrndup(item, comma ? (size_t)(comma - item) : strlen(item));
		role = hn_any_word(one, hn_is_role_word);
		free(one);
		if (role || comma == NULL)
			break;
		item = comma + 1;
	}
	if (item > part) {
		before = xstrndup(part, (size_t)(item - 1 - part));
		read_part(rd, before, 0);
		free(before);
	}
	comma = hn_find_top(item, ",");
	take_role_words(rd, first_role(item, comma ? (size_t)(comma - item) : strlen(item)));
	if (comma != NULL)
		read_part(rd, comma + 1, 0);
}

static int is_role_not_intern(const char *w, size_t n)
{
	return hn_is_role_word(w, n) && !hn_is_intern_word(w, n);
}

/* "FULLTIME or INTERN in PALO ALTO, CA" names a place, not a role. */
static int names_role(const char *part)
{
	struct location loc;

	return hn_any_word(part, is_role_not_intern) ||
	       (hn_any_word(part, hn_is_intern_word) && !hn_known_place(part, &loc));
}

/* Returns 0 when the part is a sentence: the rest of its line is body. */
static int read_part(struct hn_reading *rd, const char *text, int can_be_role)
{
	char *part = hn_trimmed(text, strlen(text)), *name;
	int label = 1;

	if (!*part || hn_cue_part(part, strlen(part), &rd->cues))
		goto out;
	if (is_sentence(part)) {
		label = 0;
		goto out;
	}
	if (names_role(part)) {
		if (can_be_role)
			take_role(rd, part);
		goto out;
	}
	if (hn_read_place(rd, part))
		goto out;
	name = hn_name_of(part);
	if (name != NULL && rd->nnames < MAX_NAMES)
		rd->names[rd->nnames++] = name;
	else
		free(name);
out:
	free(part);
	return label;
}

/* Blank out bracketed keyword groups: "San Francisco (REMOTE, H1B):". */
static void take_keyword_groups(struct hn_reading *rd, char *line)
{
	char *open = line, *close;

	while ((open = strchr(open, '(')) != NULL) {
		close = strchr(open, ')');
		if (close == NULL)
			return;
		if (hn_cue_part(open + 1, (size_t)(close - open - 1), &rd->cues))
			memset(open, ' ', (size_t)(close - open + 1));
		open = close;
	}
}

/* "St. Petersburg", "Podium Advertising Ltd. is hiring": a short
 * capitalised word or a company suffix keeps its full stop. */
static int keeps_full_stop(const char *s, const char *stop)
{
	static const char *const suffixes[] = { "Inc", "Ltd", "Co", "Corp", "LLC", "inc" };
	const char *w = stop;
	size_t i, n;

	while (w > s && isalpha((unsigned char)w[-1]))
		w--;
	n = (size_t)(stop - w);
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (n == strlen(suffixes[i]) && strncmp(w, suffixes[i], n) == 0)
			return 1;
	return n == 2 && isupper((unsigned char)w[0]) && islower((unsigned char)w[1]);
}

/* The next part separator outside brackets, and its length. */
static const char *next_separator(const char *s, size_t *len)
{
	static const char *const seps[] = { " | ", "|", " - ", " -- ", " \xe2\x80\x93 ",
					     " \xe2\x80\x94 ", ": ", "; ", ". " };
	const char *best = NULL, *hit;
	size_t i;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		hit = hn_find_top(s, seps[i]);
		/* "St. Petersburg": a short capitalised word keeps its full stop */
		if (hit != NULL && i == 8 && keeps_full_stop(s, hit))
			continue;
		if (hit != NULL && (best == NULL || hit < best)) {
			best = hit;
			*len = strlen(seps[i]);
		}
	}
	return best;
}

static void read_head_line(struct hn_reading *rd, char *line)
{
	const char *s = line, *sep;
	size_t len = 0;
	char *part;
	int label, in_body = 0;

	take_keyword_groups(rd, line);
	while (*s) {
		sep = next_separator(s, &len);
		part = xstrndup(s, sep ? (size_t)(sep - s) : strlen(s));
		if (rd->nparts++ == 0)
			rd->first_names = rd->nnames;
		/* after a sentence only keywords: "... (must live in the U.S.).
		 * Full-time only. H1B is okay." */
		label = in_body ? 0 : read_part(rd, part, 1);
		if (in_body)
			hn_cue_part(part, strlen(part), &rd->cues);
		if (rd->nparts == 1)
			rd->first_is_name = rd->nnames > rd->first_names;
		free(part);
		if (sep == NULL)
			break;
		in_body |= !label;
		s = sep + len;
	}
}

/* Names become the company only next to a known place; with no known
 * place, "Mountain View - Khan Academy" leads with the place (HN's rule). */
static void settle_names(struct hn_reading *rd)
{
	size_t i, used = 0;

	if (rd->company == NULL && rd->nnames > 0) {
		if (rd->place_known) {
			rd->company = rd->names[0];
			used = 1;
		} else if (rd->nnames >= 2 && rd->first_is_name && rd->names_line0 >= 2) {
			hn_set_once(&rd->ad->location, rd->names[0]);
			rd->company = rd->names[1];
			used = 2;
		}
	}
	for (i = used; i < rd->nnames; i++)
		free(rd->names[i]);
	rd->nnames = 0;
}

void hn_read_head(struct hn_reading *rd, char **lines, size_t count)
{
	size_t i;

	/* the first line always: many ads put everything on it */
	for (i = 0; i < count && i < HEAD_LINES && (i == 0 || strlen(lines[i]) <= HEAD_MAX); i++) {
		read_head_line(rd, lines[i]);
		if (i == 0)
			rd->names_line0 = rd->nnames;
	}
	settle_names(rd);
}
