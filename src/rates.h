/*
 * rates.h - exchange rates: what one is, how a salary is converted with two
 * of them, and how a rates file is read.  Pure functions: no I/O, no SQL
 * (the store keeps the rates; see store.h).
 *
 * A rate is the number of units of a currency that one US dollar buys
 * ("per_usd"), so USD is 1 by definition and every pair converts through the
 * dollar: amount in B = amount in A / per_usd(A) * per_usd(B).
 */
#ifndef JOBSTATS_RATES_H
#define JOBSTATS_RATES_H

#include <stddef.h>

/* The currency every rate is quoted against. */
#define RATES_BASE "USD"

/* Rates above this many units per dollar are typos, not currencies (the
 * weakest in use trade at tens of thousands). */
#define RATES_MAX_PER_USD 1e9

struct rate {
	char currency[4];	/* ISO 4217, upper case */
	double per_usd;		/* units of currency per US dollar, > 0 */
	char as_of[11];		/* YYYY-MM-DD */
	char *source;		/* where the figure came from (owned) */
};

/* Free each rate's source, then the array (v may be NULL). */
void rates_free(struct rate *v, size_t n);

/* The rate for currency in v[0..n), or NULL. */
const struct rate *rates_find(const struct rate *v, size_t n, const char *currency);

/* amount in a currency worth from_per_usd per dollar, in one worth to_per_usd. */
double rates_convert(double amount, double from_per_usd, double to_per_usd);

/*
 * Readers of one field each: 0 and the value, or -1 and *err saying what is
 * wrong with s (quoted).  A currency is an ISO 4217 code (iso-codes.h) in
 * any case, written upper case into out; a rate a decimal number above 0 and at most
 * RATES_MAX_PER_USD; a date a real calendar date written YYYY-MM-DD.
 */
int rates_parse_currency(const char *s, char out[4], char **err);
int rates_parse_per_usd(const char *s, double *out, char **err);
int rates_parse_date(const char *s, char out[11], char **err);

/* A rate for USD other than 1 is refused: -1 and *err, else 0. */
int rates_check_base(const struct rate *r, char **err);

/*
 * Read a rates file: one "currency,rate[,date]" a line (a UTF-8 byte order
 * mark, a first line naming the columns, blank lines, CR LF line ends and
 * spaces around fields are allowed).  A line without a date gets default_date; every rate gets a copy
 * of source.  All or nothing: on any problem returns -1 with *err naming
 * file (the name to print), the line number and what is wrong, and *out
 * NULL; a currency given twice is a problem.  On success *out is an array of
 * *n rates (free with rates_free).
 */
int rates_parse_csv(const char *text, size_t len, const char *file, const char *default_date,
		    const char *source, struct rate **out, size_t *n, char **err);

#endif
