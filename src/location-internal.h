/*
 * location-internal.h - the place tables location.c reads (defined in
 * location-places.c).  Not part of the normalize API.
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

#endif
