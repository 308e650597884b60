/*
 * iso-codes.h - is a code a currency (ISO 4217) or a country (ISO 3166-1
 * alpha-2)?  For checking what a user types (--currency, rates set, rates
 * import, --country) before it is used or stored.  Pure: no I/O.
 */
#ifndef JOBSTATS_ISO_CODES_H
#define JOBSTATS_ISO_CODES_H

#include <stddef.h>

/*
 * The currency codes jobstats accepts, sorted: ISO 4217's list of active
 * codes (List One, funds and X codes included), and the few withdrawn since
 * 2021 that stored postings may still be paid in (see iso-codes.c).
 */
extern const char iso_currency_codes[][4];
extern const size_t iso_ncurrency_codes;

/* Whether code (upper case, e.g. "EUR") is in iso_currency_codes. */
int iso_currency_known(const char *code);

/* Whether code (upper case, e.g. "DE") is an ISO 3166-1 alpha-2 country
 * code: those of location's country table (location-internal.h). */
int iso_country_known(const char *code);

#endif
