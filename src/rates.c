/* rates.c - exchange rates: conversion and the reading of rates files. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "iso-codes.h"
#include "date.h"
#include "rates.h"
#include "xalloc.h"

void rates_free(struct rate *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].source);
	free(v);
}

const struct rate *rates_find(const struct rate *v, size_t n, const char *currency)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].currency, currency) == 0)
			return &v[i];
	return NULL;
}

double rates_convert(double amount, double from_per_usd, double to_per_usd)
{
	return amount / from_per_usd * to_per_usd;
}

static int is_letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

int rates_parse_currency(const char *s, char out[4], char **err)
{
	int i;

	for (i = 0; i < 3 && is_letter((unsigned char)s[i]); i++)
		out[i] = (char)(s[i] >= 'a' ? s[i] - 'a' + 'A' : s[i]);
	out[i] = '\0';
	if (i != 3 || s[3] != '\0')
		return set_error(err, "invalid currency '%s': expected a three-letter ISO 4217 "
				 "code such as EUR", s);
	if (!iso_currency_known(out))
		return set_error(err, "unknown currency code '%s'", s);
	return 0;
}

int rates_parse_per_usd(const char *s, double *out, char **err)
{
	char *end;
	double v;
	size_t i;

	/* Plain decimals only: no hex, "inf", "nan" or exponent surprises. */
	for (i = 0; s[i] != '\0'; i++)
		if (!is_digit((unsigned char)s[i]) && s[i] != '.')
			break;
	errno = 0;
	v = strtod(s, &end);
	if (s[i] != '\0' || end == s || *end != '\0' || errno != 0 || !(v > 0) ||
	    v > RATES_MAX_PER_USD)
		return set_error(err, "invalid rate '%s': expected units per US dollar, a number "
				 "above 0 such as 0.92", s);
	*out = v;
	return 0;
}

int rates_parse_date(const char *s, char out[11], char **err)
{
	struct date d;

	if (date_read(s, 1, &d) && d.year >= 1900) {
		memcpy(out, s, 11);
		return 0;
	}
	return set_error(err, "invalid date '%s': expected a date written YYYY-MM-DD", s);
}

int rates_check_base(const struct rate *r, char **err)
{
	if (strcmp(r->currency, RATES_BASE) == 0 && r->per_usd != 1)
		return set_error(err, "invalid rate for USD: rates are units per US dollar, so "
				 "USD is always 1");
	return 0;
}

/* Cut one line into at most max comma-separated fields, trimmed, in place. */
static size_t split_fields(char *line, char **field, size_t max)
{
	size_t n = 0, i;
	char *p = line, *e;

	for (;;) {
		e = strchr(p, ',');
		if (e != NULL)
			*e = '\0';
		if (n < max)
			field[n] = p;
		n++;
		if (e == NULL)
			break;
		p = e + 1;
	}
	for (i = 0; i < n && i < max; i++) {
		while (*field[i] == ' ' || *field[i] == '\t')
			field[i]++;
		e = field[i] + strlen(field[i]);
		while (e > field[i] && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			*--e = '\0';
	}
	return n;
}

static int is_header(char **field, size_t n)
{
	return strcmp(field[0], "currency") == 0 && strcmp(field[1], "rate") == 0 &&
	       (n == 2 || strcmp(field[2], "date") == 0);
}

/* One line's rate into r; -1 and *err (without the file and line) if bad. */
static int parse_line(char **field, size_t n, const char *default_date, struct rate *r,
		      char **err)
{
	if (n < 2 || n > 3)
		return set_error(err, "expected currency,rate[,date] but found %zu field%s", n,
				 n == 1 ? "" : "s");
	if (rates_parse_currency(field[0], r->currency, err) < 0 ||
	    rates_parse_per_usd(field[1], &r->per_usd, err) < 0 ||
	    rates_parse_date(n == 3 ? field[2] : default_date, r->as_of, err) < 0)
		return -1;
	return rates_check_base(r, err);
}

/* The byte order mark some programs write at the start of UTF-8 text. */
#define UTF8_BOM "\xEF\xBB\xBF"

/* The next line of text (NUL-free), copied; NULL at the end. */
static char *next_line(const char *text, size_t len, size_t *pos)
{
	const char *start = text + *pos, *nl;
	size_t n;

	if (*pos >= len)
		return NULL;
	nl = memchr(start, '\n', len - *pos);
	n = nl ? (size_t)(nl - start) : len - *pos;
	*pos += n + (nl != NULL);
	return xstrndup(start, n);
}

int rates_parse_csv(const char *text, size_t len, const char *file, const char *default_date,
		    const char *source, struct rate **out, size_t *n, char **err)
{
	struct rate r, *v = NULL;
	size_t pos = 0, lineno = 0, count = 0, nf;
	char *line, *field[3], *why = NULL;

	if (memchr(text, '\0', len) != NULL)
		return set_error(err, "cannot read rates from '%s': not a text file", file);
	if (len >= 3 && memcmp(text, UTF8_BOM, 3) == 0)
		pos = 3;	/* what spreadsheets put first in a "CSV UTF-8" file */
	while (why == NULL && (line = next_line(text, len, &pos)) != NULL) {
		lineno++;
		nf = split_fields(line, field, 3);
		if (nf == 1 && *field[0] == '\0') {
			free(line);
			continue;
		}
		memset(&r, 0, sizeof(r));
		if (lineno == 1 && nf >= 2 && is_header(field, nf)) {
			free(line);
			continue;
		}
		if (parse_line(field, nf, default_date, &r, &why) == 0 &&
		    rates_find(v, count, r.currency) != NULL)
			why = xasprintf("%s is given twice", r.currency);
		if (why == NULL) {
			r.source = xstrdup(source);
			v = xreallocarray(v, count + 1, sizeof(*v));
			v[count++] = r;
		}
		free(line);
	}
	if (why == NULL && count == 0)
		set_error(err, "cannot import rates from '%s': no rates in the file", file);
	if (why != NULL)
		set_error(err, "cannot import rates from '%s', line %zu: %s", file, lineno, why);
	if (why != NULL || count == 0) {
		free(why);
		rates_free(v, count);
		*out = NULL;
		*n = 0;
		return -1;
	}
	*out = v;
	*n = count;
	return 0;
}
