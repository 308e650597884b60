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

struct location;

/* "hybrid", "remote", "onsite" or NULL: the arrangement text speaks of
 * (text may be NULL; location-arrangement.c). */
const char *location_arrangement_of(const char *text);

/* Set out->place and out->place_len to the place in text, the arrangement
 * words cut from its ends; leave them alone when nothing is left. */
void location_place_of(const char *text, struct location *out);

#endif
