/*
 * normalize.h - the small pure normalizers besides salary (salary.h):
 * level, location (work arrangement, country, place) and employment type.
 * No I/O, no globals; every result is a static string, a span of the
 * caller's input, or written into caller storage.  The mappings are
 * tabled in jobstats(1), sections LEVELS, LOCATIONS and EMPLOYMENT TYPES.
 */
#ifndef JOBSTATS_NORMALIZE_H
#define JOBSTATS_NORMALIZE_H

#include <stddef.h>

/*
 * Seniority as "EN" (entry), "MI" (mid), "SE" (senior), "EX" (executive),
 * or NULL when nothing says.  Read in this order, the first that says wins:
 *   label  the board's level label: the seed board's "Mid-level /
 *          Intermediate", LinkedIn's "Seniority level" in its languages
 *          ("Mid-Senior level", "Livello medio", "Sin experiencia"), a
 *          code ("SE"); "Not Applicable" says nothing;
 *   hints  any other structured seniority text the page gives, read like
 *          a label: schema.org experienceRequirements when it is text,
 *          Indeed's job-type facet ("Fresher"), an ATS's career-level
 *          facet ("Berufseinsteiger");
 *   title  title words ("Senior", "Jr.", "Head of", "Intern", "II").
 * Any argument may be NULL.
 */
const char *level_detect(const char *label, const char *title, const char *hints);

/* Human name of a level code: "EN" -> "Entry-level / Junior"; NULL if unknown. */
const char *level_name(const char *code);

/* Structured location facts a page may give besides its location text. */
struct location_hints {
	const char *location_type;	/* JSON-LD jobLocationType ("TELECOMMUTE"), or a
					   board's workplace type ("Hybrid", "OnSite") */
	const char *applicant_country;	/* JSON-LD applicantLocationRequirements: a
					   country name or code */
	const char *address_country;	/* JSON-LD addressCountry: a name or code */
};

struct location {
	const char *arrangement;	/* static: "remote", "hybrid", "onsite", or NULL */
	char country[3];		/* ISO 3166-1 alpha-2, "" when unknown */
	const char *place;		/* span of the text naming the place, arrangement
					   words around it cut off ("Hybrid - Austin, TX"
					   -> "Austin, TX"); NULL when none */
	size_t place_len;
};

/*
 * Work arrangement, country and place from a location text ("Remote
 * (anywhere in the U.S.)", "Berlin, Germany", "Hybrid - Austin, TX") and
 * hints (may be NULL, as may any member and text).  A place alone does not
 * make a job on-site: boards list remote jobs under a city.  The country is
 * the applicant's country when the page names one country there, else the
 * address country, else what the text names; "" when nothing names one
 * country ("Remote", "EMEA", "Georgia" alone).  out->place points into text.
 */
void location_parse(const char *text, const struct location_hints *hints,
		    struct location *out);

/*
 * Employment type as "FT", "PT", "CT" (contract), "FL" (freelance), "IN"
 * (internship) or "TEMP" (temporary) from board text ("Full Time",
 * "FULL_TIME", "Vollzeit", "CDI") or a schema.org employmentType list
 * ("FULL_TIME, CONTRACTOR": the first listed type wins).  NULL when not
 * recognised.
 */
const char *employment_type_parse(const char *text);

/*
 * What a title says beside its role (title-cues.c), for cards with no field
 * of their own: the arrangement named after the title's first separator
 * ("Data Engineer | Remote - LATAM"; not "Hybrid Cloud Engineer"), and the
 * employment type: IN when the title names an internship anywhere ("Data
 * Science Intern"), TEMP a fixed term ("tidsbegr\xc3\xa4nsad"), FT or PT when a
 * segment after a separator is only the hours ("| Full-time").
 * NULL when the title says nothing.
 */
const char *title_arrangement(const char *title);
const char *title_employment_type(const char *title);

/*
 * The first place phrase occurs in text as whole words.  In phrase, ' ' and
 * '-' match a run of spaces, '-', '_', no-break spaces and en or em dashes,
 * so "full time" finds "Full-Time" and "FULL_TIME".  When fold_case is
 * non-zero, case and Latin accents are ignored ("zurich" finds "ZÜRICH").
 * Returns the start and sets *end (end may be NULL), or returns NULL.
 * Either string may be NULL.
 */
const char *normalize_find_word(const char *text, const char *phrase, int fold_case,
				const char **end);

/*
 * The end of phrase matched as whole words at p, a position in text (see
 * normalize_find_word), or NULL.
 */
const char *normalize_match_at(const char *text, const char *p, const char *phrase,
			       int fold_case);

/*
 * Whether s, a position in text, lies inside one of n phrases found in text
 * (folded): "entry" inside "data entry", "remote" inside "remote sensing".
 */
int normalize_inside_any(const char *text, const char *s, const char *const *phrases,
			 size_t n);

/*
 * The folded first two letters of the words of a text, for skipping the
 * phrases of a table that cannot match there without reading the text
 * again (normalize_may_start).  A word starts where no ASCII letter or
 * digit comes before; a letter of U+00C0..U+017F may fold to any letter.
 */
struct normalize_initials {
	unsigned long first;		/* a bit a folded first letter, 'a' bit 0 */
	unsigned long second[26];	/* for each, a bit a folded second letter */
};
void normalize_initials_of(const char *text, struct normalize_initials *in);
/* 0 when the phrase cannot match as a word of the text (folded or not). */
int normalize_may_start(const struct normalize_initials *in, const char *phrase);

/* Index of the first of n phrases found in text (folded), n if none. */
size_t normalize_first_of(const char *text, const char *const *phrases, size_t n);

/* A Unicode code point lower-cased and stripped of its Latin accent: 'Ü' -> 'u'. */
unsigned long normalize_fold(unsigned long c);

/*
 * The letter the character at p folds to, 0 for 'a' to 25 for 'z', else
 * -1: a phrase can match at p (normalize_match_at) only when its first
 * character folds to the same letter, so tables may be indexed by it.  Sets
 * *len (when len is not NULL) to the character's length, 0 at the end.
 */
int normalize_initial(const char *p, size_t *len);

#endif
