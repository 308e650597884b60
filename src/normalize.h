/*
 * normalize.h - the small pure normalizers besides salary (salary.h):
 * level, work arrangement and country, employment type.  No I/O, no globals;
 * every result is a static string or written into caller storage.
 */
#ifndef JOBSTATS_NORMALIZE_H
#define JOBSTATS_NORMALIZE_H

/*
 * Seniority as EN (entry), MI (mid), SE (senior), EX (executive), from the
 * board's label ("Mid-level / Intermediate", "Senior-level / Expert", ...)
 * when it has one, else from obvious title words ("Senior", "Junior", "Head
 * of", "Director", "Intern", ...).  Either argument may be NULL.  NULL when
 * neither says.
 */
const char *level_normalize(const char *label, const char *title);

/* Human name of a level code: "EN" -> "Entry-level / Junior"; NULL if unknown. */
const char *level_name(const char *code);

/*
 * Work arrangement from the location text ("Remote (anywhere in the U.S.)",
 * "Hybrid - London") and/or a structured hint ("TELECOMMUTE"):
 * "remote", "hybrid", "onsite", or NULL when nothing says.
 * A plain place name with no remote/hybrid word is "onsite" only when
 * onsite_if_place is non-zero (boards that would say "Remote" if it were).
 */
const char *location_arrangement(const char *location, const char *hint, int onsite_if_place);

/*
 * ISO 3166-1 alpha-2 country from a structured country (a code or a name such
 * as "US", "USA", "United States") or, failing that, from the location text
 * ("Remote (anywhere in the U.S.)", "Berlin, Germany", "Austin, TX").
 * Writes "" into out when unknown.  out must hold 3 bytes.
 */
void location_country(const char *location, const char *country_hint, char out[3]);

/*
 * Employment type as FT, PT, CT, FL, IN (internship) or TE (temporary) from
 * board text ("Full Time", "full-time", "FULL_TIME", "Contract", ...).
 * NULL when not recognised.
 */
const char *employment_type_normalize(const char *text);

/*
 * The first place phrase occurs in text as whole words (level.c; shared by
 * the normalizers).  In phrase, ' ' and '-' match a run of spaces, '-' or
 * '_', so "full time" finds "Full-Time" and "FULL_TIME".  ASCII case is
 * ignored when fold_case is non-zero.  Returns the start and sets *end (end
 * may be NULL), or returns NULL.  Either string may be NULL.
 */
const char *normalize_find_word(const char *text, const char *phrase, int fold_case,
				const char **end);

#endif
