/*
 * extract-hn-internal.h - reading one Hacker News "Who is hiring?" ad (the
 * text of a top-level comment) into posting fields, conservatively: a field
 * the ad does not state plainly stays NULL.  Used by extract-hn.c; pure
 * string work, no libxml2.
 */
#ifndef JOBSTATS_EXTRACT_HN_INTERNAL_H
#define JOBSTATS_EXTRACT_HN_INTERNAL_H

#include <stddef.h>

#include "normalize.h"

struct hn_ad {
	char *title;		/* the first role the ad names, as written */
	char *company;
	char *location;		/* as written, arrangement words cut off */
	const char *arrangement;	/* static: "remote", "onsite" or NULL */
	const char *type;	/* static: "Full Time", "Part Time", "Contract",
				   "Internship" or NULL */
};

/*
 * Read an ad: text is the comment's text, one line per paragraph or line
 * break.  The ad's head (its first short lines, "Location - Company - Role
 * | REMOTE") is read part by part; the title and the company may also come
 * from a sentence of the body ("Pinterest is hiring engineers ...").
 * The caller owns the strings and frees them with hn_ad_release().
 */
void hn_read_ad(const char *text, struct hn_ad *ad);
void hn_ad_release(struct hn_ad *ad);

/* The ad's arrangement and employment-type cues (extract-hn-cues.c). */
enum hn_cue { HN_NOT_CUE = -1, HN_CUE_NONE, HN_CUE_REMOTE, HN_CUE_ONSITE, HN_CUE_FT,
	      HN_CUE_PT, HN_CUE_CT, HN_CUE_INTERN };
struct hn_cues {
	int seen[HN_CUE_INTERN + 1];	/* how often each cue was read */
};
/* Is the fragment (n bytes) made only of keywords ("REMOTE, H1B", "Full
 * time", "INTERN welcome")?  If so, count them in cues. */
int hn_cue_part(const char *s, size_t n, struct hn_cues *cues);
/* Sentences of the whole ad that say remote is possible ("Remote is OK for
 * the right candidate") or that it is not ("No remote", "only on-site"),
 * and the hours of the job ("full-time positions"). */
void hn_cue_sentences(const char *text, struct hn_cues *cues);
/* "remote", "onsite" or NULL (both said, or neither). */
const char *hn_cue_arrangement(const struct hn_cues *cues);
/* "Full Time", "Part Time", "Contract" or NULL (none, or several). */
const char *hn_cue_type(const struct hn_cues *cues);

/* What reading one ad has gathered so far. */
struct hn_reading {
	struct hn_ad *ad;
	struct hn_cues cues;
	char *company;		/* the company, once settled */
	char *names[4];		/* name-like parts of the head, in order */
	size_t nnames;
	size_t nparts, first_names;
	size_t names_line0;	/* how many of names came from the first line */
	int first_is_name;	/* the head's first part was a name */
	int place_known;	/* a part named a place jobstats knows */
};

/* Places and the companies beside them (extract-hn-place.c).
 * hn_read_place: 1 when the part named a place (kept in rd), else 0.
 * hn_name_of: the part as a company name, or NULL when it cannot be one.
 * hn_set_once: store value in an empty field, else free it. */
int hn_read_place(struct hn_reading *rd, const char *part);
int hn_known_place(const char *s, struct location *loc);
char *hn_name_of(const char *part);
void hn_set_once(char **field, char *value);

/* Read the ad's head lines into rd (extract-hn-read.c). */
void hn_read_head(struct hn_reading *rd, char **lines, size_t count);

/* Text helpers (extract-hn-text.c).  hn_line_clean: n bytes of a line with
 * its links cut out and blanks collapsed (allocated).  hn_lines: the
 * cleaned, non-empty lines of text (free with hn_lines_free).  hn_trimmed:
 * a copy without bullets, blanks and closing punctuation.  hn_find_top:
 * sep outside brackets, or NULL. */
char *hn_line_clean(const char *line, size_t n);
size_t hn_lines(const char *text, char ***lines);
void hn_lines_free(char **lines, size_t count);
char *hn_trimmed(const char *s, size_t n);
size_t hn_word_count(const char *s);
int hn_any_word(const char *s, int (*test)(const char *w, size_t n));
const char *hn_find_top(const char *s, const char *sep);

/* Word lists (extract-hn-words.c); w is one word of n bytes. */
int hn_is_role_word(const char *w, size_t n);
int hn_is_sentence_word(const char *w, size_t n);
int hn_is_filler(const char *w, size_t n);
int hn_is_phrase_end(const char *w, size_t n);
int hn_is_label(const char *w, size_t n);
int hn_is_place_word(const char *w, size_t n);
int hn_is_intern_word(const char *w, size_t n);

#endif
