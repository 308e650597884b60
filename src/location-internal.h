/*
 * location-internal.h - the place tables location.c reads (defined in
 * location-places.c) and the arrangement and place readers it calls
 * (location-arrangement.c).  Not part of the normalize API.
 */
#ifndef JOBSTATS_LOCATION_INTERNAL_H
#define JOBSTATS_LOCATION_INTERNAL_H

#include <stddef.h>

#define COUNTRY_NAMES 6

/* An ISO 3166-1 country: codes and the names boards write for it. */
struct country {
	char a2[3], a3[4];
	const char *names[COUNTRY_NAMES];	/* unused slots NULL */
};

/* A state, province, region or city, and the country it lies in. */
struct place {
	const char *name;
	char a2[3];
};

extern const struct country location_countries[];
extern const size_t location_ncountries;
extern const struct place location_regions[];
extern const size_t location_nregions;
extern const struct place location_cities[];
extern const size_t location_ncities;

/* The name tables, indexed by their names' initial (location-index.c).  A
 * country's ids are its index times COUNTRY_NAMES plus the name's. */
enum location_table { LOCATION_COUNTRIES, LOCATION_REGIONS, LOCATION_CITIES };
#define LOCATION_TABLES 3

/* Ids of table t (country ids include unused name slots). */
size_t location_table_size(enum location_table t);
/* The name of id, NULL for an unused country slot. */
const char *location_name(enum location_table t, size_t id);
/* Whether the name matches with case and accents ignored: all but country
 * names in capitals ("US", "UK"), which match only as written. */
int location_name_folds(enum location_table t, size_t id);
int location_has_lower(const char *s);

/* The ids of table t whose names may match at p, in table order: after
 * location_candidates, each location_next sets *id to the next and returns
 * 1, then returns 0. */
struct location_cursor {
	const size_t *a, *a_end, *b, *b_end;
};
void location_candidates(enum location_table t, const char *p, struct location_cursor *c);
int location_next(struct location_cursor *c, size_t *id);

/*
 * Call fn for each match of a name of table t in text, by start then table
 * order: for each name, the matches normalize_find_word finds one after
 * another, each searched from the end of the last.  Stops and returns 1
 * when fn returns non-zero, else returns 0.
 */
typedef int (*location_match_fn)(void *arg, size_t id, const char *start, const char *end);
int location_scan(enum location_table t, const char *text, location_match_fn fn, void *arg);

struct location;

/* "hybrid", "remote", "onsite" or NULL: the arrangement text speaks of
 * (text may be NULL; location-arrangement.c). */
const char *location_arrangement_of(const char *text);

/* Set out->place and out->place_len to the place in text, the arrangement
 * words cut from its ends; leave them alone when nothing is left. */
void location_place_of(const char *text, struct location *out);

#endif
