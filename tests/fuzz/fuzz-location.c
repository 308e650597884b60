/*
 * fuzz-location.c - location_parse() on any text and hints.  The input is
 * up to four lines: the location text, then the hints location_type,
 * applicant_country and address_country; the whole input is also parsed
 * as a text alone.
 *
 * Invariants: the arrangement is NULL or a known one, the country "" or
 * two capital letters, the place NULL (length 0) or a non-empty span
 * inside the text; the hints never move the place; the country is the
 * applicant country's when that names one, else the address country's,
 * else the text's; the arrangement is the text's when it says hybrid,
 * else the location type's when that says one, else the text's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "normalize.h"
#include "xalloc.h"

static void require(int ok, const char *what, const char *text)
{
	if (ok)
		return;
	fprintf(stderr, "location invariant broken: %s (text '%s')\n", what,
		text ? text : "(null)");
	abort();
}

static void parse(const char *text, const struct location_hints *hints, struct location *out)
{
	size_t len = text ? strlen(text) : 0;

	memset(out, 0xa5, sizeof(*out));
	location_parse(text, hints, out);
	require(fuzz_is_arrangement(out->arrangement), "unknown arrangement", text);
	require(out->country[0] == '\0' || fuzz_is_country(out->country), "bad country", text);
	if (out->place == NULL)
		require(out->place_len == 0, "a length without a place", text);
	else
		require(text != NULL && out->place >= text && out->place_len > 0 &&
			out->place_len <= len - (size_t)(out->place - text),
			"place outside the text", text);
}

static int same_string(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The parse with hints agrees with each piece parsed alone. */
static void check_precedence(const char *text, const struct location_hints *h)
{
	struct location all, alone, type, app, addr;
	struct location_hints one = { NULL, NULL, NULL };
	const char *country, *arrangement;

	parse(text, h, &all);
	parse(text, NULL, &alone);
	one.location_type = h->location_type;
	parse(NULL, &one, &type);
	one.location_type = NULL;
	one.applicant_country = h->applicant_country;
	parse(NULL, &one, &app);
	one.applicant_country = NULL;
	one.address_country = h->address_country;
	parse(NULL, &one, &addr);

	require(all.place == alone.place && all.place_len == alone.place_len,
		"the hints moved the place", text);
	country = app.country[0] ? app.country : addr.country[0] ? addr.country : alone.country;
	require(strcmp(all.country, country) == 0, "country not from the first that names one",
		text);
	arrangement = same_string(alone.arrangement, "hybrid") ? "hybrid"
		      : type.arrangement ? type.arrangement : alone.arrangement;
	require(same_string(all.arrangement, arrangement), "arrangement out of order", text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), *lines[4];
	struct location_hints h;
	struct location loc;

	parse(text, NULL, &loc);
	fuzz_split_lines(text, lines, COUNT(lines));
	h.location_type = lines[1];
	h.applicant_country = lines[2];
	h.address_country = lines[3];
	check_precedence(lines[0], &h);
	free(text);
	return 0;
}
