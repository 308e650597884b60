/*
 * location.c - work arrangement (remote, hybrid, onsite), ISO 3166-1
 * alpha-2 country and place from location text and structured hints
 * (normalize.h).  The names live in location-places.c, the arrangement
 * words and the cutting of the place in location-arrangement.c.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "location-internal.h"
#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* US state and Canadian province codes, as written after a city: "Austin, TX". */
static const char us_states[] =
	"AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO "
	"MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC";
static const char ca_provinces[] = "AB BC MB NB NL NS NT NU ON PE QC SK YT";
/* Australian state and territory codes: "Perth, WA", "Sydney, NSW 2000". */
static const char au_states[] = "ACT NSW NT QLD SA TAS VIC WA";

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static const struct country *country_by_code(const char *code, size_t len)
{
	char up[4];
	size_t i;

	if (len < 2 || len > 3)
		return NULL;
	for (i = 0; i < len; i++)
		up[i] = (char)(code[i] >= 'a' && code[i] <= 'z' ? code[i] - 'a' + 'A' : code[i]);
	up[len] = '\0';
	if (strcmp(up, "UK") == 0)
		memcpy(up, "GB", 3);	/* the United Kingdom's own usage, reserved in ISO 3166 */
	for (i = 0; i < location_ncountries; i++)
		if (strcmp(up, len == 2 ? location_countries[i].a2 : location_countries[i].a3) == 0)
			return &location_countries[i];
	return NULL;
}

/* Whether the whole of s (spaces aside) is name. */
static int is_whole(const char *s, const char *name)
{
	const char *e;

	s += strspn(s, " \t");
	e = normalize_match_at(s, s, name, location_has_lower(name));
	return e != NULL && e[strspn(e, " \t")] == '\0';
}

/* A structured country: a name, an alpha-2 or alpha-3 code, any case. */
static const struct country *country_of_value(const char *v)
{
	struct location_cursor c;
	size_t id, n;

	if (v == NULL)
		return NULL;
	v += strspn(v, " \t");
	location_candidates(LOCATION_COUNTRIES, v, &c);
	while (location_next(&c, &id))
		if (is_whole(v, location_name(LOCATION_COUNTRIES, id)))
			return &location_countries[id / COUNTRY_NAMES];
	n = strcspn(v, " \t");
	return v[n + strspn(v + n, " \t")] == '\0' ? country_by_code(v, n) : NULL;
}

/*
 * A flag emoji is two regional indicator symbols (U+1F1E6..U+1F1FF, UTF-8
 * F0 9F 87 A6..BF) spelling the alpha-2 code: "🇺🇸 United States".  The
 * country when every flag in text agrees on one; the EU flag is none.
 */
static const struct country *country_of_flags(const char *text)
{
	const struct country *found = NULL, *c;
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p; p++) {
		char code[2];

		if (!(p[0] == 0xF0 && p[1] == 0x9F && p[2] == 0x87 && p[3] >= 0xA6 && p[3] <= 0xBF &&
		      p[4] == 0xF0 && p[5] == 0x9F && p[6] == 0x87 && p[7] >= 0xA6 && p[7] <= 0xBF))
			continue;
		code[0] = (char)('A' + p[3] - 0xA6);
		code[1] = (char)('A' + p[7] - 0xA6);
		c = strncmp(code, "UK", 2) == 0 ? NULL : country_by_code(code, 2);
		if (c == NULL || (found != NULL && found != c))
			return NULL;
		found = c;
		p += 7;
	}
	return found;
}

/* The country of id in table t. */
static const char *a2_of(enum location_table t, size_t id)
{
	return t == LOCATION_COUNTRIES ? location_countries[id / COUNTRY_NAMES].a2 :
	       t == LOCATION_REGIONS   ? location_regions[id].a2 :
					 location_cities[id].a2;
}

struct place_of {
	enum location_table table;
	const char *a2;
};

static int is_place_of(void *arg, size_t id, const char *start, const char *end)
{
	const struct place_of *want = arg;

	(void)start;
	(void)end;
	return strcmp(a2_of(want->table, id), want->a2) == 0;
}

/* Whether the text names a city or region of country a2. */
static int names_place_of(const char *text, const char *a2)
{
	struct place_of city = { LOCATION_CITIES, a2 }, region = { LOCATION_REGIONS, a2 };

	return location_scan(LOCATION_CITIES, text, is_place_of, &city) ||
	       location_scan(LOCATION_REGIONS, text, is_place_of, &region);
}

/* Whether s follows a comma: "Austin, TX" (text starts at text). */
static int after_comma(const char *text, const char *s)
{
	while (s > text && s[-1] == ' ')
		s--;
	return s > text && (s[-1] == ',' || s[-1] == ';');
}

/* Whether the len bytes at code are one of the space-separated codes of list. */
static int in_list(const char *list, const char *code, size_t len)
{
	size_t n;

	for (; *list != '\0'; list += n + (list[n] == ' ')) {
		n = strcspn(list, " ");
		if (n == len && strncmp(list, code, len) == 0)
			return 1;
	}
	return 0;
}

/* Whether a place of country a2 in table t (n entries) starts in [from, e) and ends at e. */
static int place_ends_at(const struct place *t, size_t n, const char *a2, const char *text,
			 const char *from, const char *e)
{
	const char *p;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(t[i].a2, a2) == 0)
			for (p = from; p < e; p++)
				if (normalize_match_at(text, p, t[i].name, 1) == e)
					return 1;
	return 0;
}

/* Whether a city or region of country a2 stands just before the comma in
 * front of s, the code: "Perth, WA" (text starts at text). */
static int place_before(const char *text, const char *s, const char *a2)
{
	const char *e = s, *from;

	while (e > text && e[-1] == ' ')
		e--;
	if (e == text || (e[-1] != ',' && e[-1] != ';'))
		return 0;
	for (e--; e > text && e[-1] == ' '; e--)
		;
	for (from = e; from > text && from[-1] != ',' && from[-1] != ';'; from--)
		;
	return place_ends_at(location_cities, location_ncities, a2, text, from, e) ||
	       place_ends_at(location_regions, location_nregions, a2, text, from, e);
}

/*
 * A two-letter code is a US state or Canadian province after a city
 * ("Indianapolis, IN", "Toronto, ON") and a country where it stands first
 * ("IN / Remote", "ES - Madrid") or beside a place of that country
 * ("Bengaluru, IN", "Toronto, CA").  Two exceptions read the country after
 * a city too: DE (German boards write "Ludwigshafen, DE" far more often
 * than US boards write Delaware), unless a ZIP code follows ("Wilmington,
 * DE 19801"); and NL, PE, SK, which Canada shares with the Netherlands, Peru
 * and Slovakia.  An Australian state code is Australia after an Australian
 * city or region ("Perth, WA", "Adelaide, SA", "Darwin, NT"), where WA,
 * SA and NT would otherwise be Washington, Saudi Arabia and the Northwest
 * Territories; so a city that is also a US or Canadian one keeps the other
 * codes: "Melbourne, FL", "Vancouver, WA", "Sydney, NS".  The three-letter
 * ones name no country and no other state: "Newcastle, NSW" is Australia.
 */
static const char *code_country(const char *text, const char *s, size_t len)
{
	const struct country *c = country_by_code(s, len);
	const char *z = s + len;
	int zip = *z == ' ' && strspn(z + 1, "0123456789") == 5, comma = after_comma(text, s);

	if (in_list(au_states, s, len) && (len == 3 || (comma && place_before(text, s, "AU"))))
		return "AU";
	if (len == 3 || (c != NULL && names_place_of(text, c->a2)))
		return c ? c->a2 : NULL;
	if (in_list(us_states, s, 2) && (zip || (comma && strncmp(s, "DE", 2) != 0)))
		return "US";
	if (in_list(ca_provinces, s, 2) && comma && c == NULL)
		return "CA";
	if (c != NULL)
		return c->a2;
	return in_list(us_states, s, 2) ? "US" : in_list(ca_provinces, s, 2) ? "CA" : NULL;
}

/* The best candidate so far: the one ending last, then the longest, then by kind. */
enum kind { KIND_CODE, KIND_CITY, KIND_COUNTRY, KIND_REGION };
struct best {
	const char *start, *end;
	enum kind kind;
	const char *a2;
};

static void consider(struct best *b, const char *s, const char *e, enum kind kind,
		     const char *a2)
{
	size_t len = (size_t)(e - s), blen = (size_t)(b->end - b->start);

	if (a2 == NULL)
		return;
	if (b->a2 == NULL || e > b->end ||
	    (e == b->end && (len > blen || (len == blen && kind > b->kind)))) {
		b->start = s;
		b->end = e;
		b->kind = kind;
		b->a2 = a2;
	}
}

/* Every name of one table found in the text, as a candidate of one kind. */
struct candidates {
	struct best *best;
	enum location_table table;
	enum kind kind;
};

static int consider_name(void *arg, size_t id, const char *start, const char *end)
{
	struct candidates *c = arg;

	consider(c->best, start, end, c->kind, a2_of(c->table, id));
	return 0;
}

/* Ties (one start, end and kind) go to the first in table order, as
 * location_scan calls them. */
static void consider_all(struct best *b, const char *text, enum location_table t,
			 enum kind kind)
{
	struct candidates c = { b, t, kind };

	location_scan(t, text, consider_name, &c);
}

/*
 * Codes of two or three capitals standing alone: first in the text or
 * after a comma, and before the end, a comma, a dash, a slash, digits, a
 * full stop, a colon or a parenthesis ("Austin, TX", "NY 10016", "IN /
 * Remote", "GBR, Cambridgeshire", "San Mateo, CA.", "Providence, RI
 * (1,224)").  "Remote (EST)" is a time zone, not Estonia.
 */
static void consider_codes(struct best *b, const char *text)
{
	const char *p, *q;
	size_t n;

	for (p = text; *p; p++) {
		for (n = 0; is_upper((unsigned char)p[n]); n++)
			;
		if (n < 2 || n > 3 || (p > text && (is_upper((unsigned char)p[-1]) ||
						    (p[-1] >= 'a' && p[-1] <= 'z'))))
			continue;
		for (q = p; q > text && q[-1] == ' '; q--)
			;
		if (q != text && q[-1] != ',' && q[-1] != ';')
			continue;
		for (q = p + n; *q == ' '; q++)
			;
		if (*q == '\0' || strchr(",;-/0123456789.:(", *q) != NULL)
			consider(b, p, p + n, KIND_CODE, code_country(text, p, n));
		p += n - 1;
	}
}

/*
 * A region that is also a country's name (Georgia): the country when one
 * of its cities stands beside ("Tbilisi, Georgia"), the state after a city
 * ("Atlanta, Georgia"), else nobody can tell.
 */
static const char *shared_name(const char *text, const struct best *b)
{
	size_t i, j;

	for (i = 0; i < location_ncountries; i++) {
		const struct country *c = &location_countries[i];

		for (j = 0; j < COUNTRY_NAMES && c->names[j] != NULL; j++) {
			const char *e;

			if (strcmp(c->a2, b->a2) == 0 ||
			    (e = normalize_match_at(b->start, b->start, c->names[j], 1)) != b->end)
				continue;
			if (names_place_of(text, c->a2))
				return c->a2;
			return after_comma(text, b->start) ? b->a2 : NULL;
		}
	}
	return b->a2;
}

static const char *country_of_text(const char *text)
{
	struct best b = { NULL, NULL, KIND_CODE, NULL };
	const struct country *flag = country_of_flags(text);

	if (flag != NULL)
		return flag->a2;
	consider_all(&b, text, LOCATION_COUNTRIES, KIND_COUNTRY);
	consider_all(&b, text, LOCATION_REGIONS, KIND_REGION);
	consider_all(&b, text, LOCATION_CITIES, KIND_CITY);
	consider_codes(&b, text);
	return b.a2 != NULL && b.kind == KIND_REGION ? shared_name(text, &b) : b.a2;
}

void location_parse(const char *text, const struct location_hints *hints,
		    struct location *out)
{
	static const struct location_hints none = { NULL, NULL, NULL };
	const struct country *c;
	const char *a = location_arrangement_of(text), *code = NULL;

	memset(out, 0, sizeof(*out));
	if (hints == NULL)
		hints = &none;
	/* A hybrid text beats TELECOMMUTE, which pages also set on hybrid jobs. */
	out->arrangement = location_arrangement_of(hints->location_type);
	if (out->arrangement == NULL || (a != NULL && strcmp(a, "hybrid") == 0))
		out->arrangement = a;
	if ((c = country_of_value(hints->applicant_country)) != NULL ||
	    (c = country_of_value(hints->address_country)) != NULL)
		code = c->a2;
	else if (text != NULL)
		code = country_of_text(text);
	if (code != NULL)
		memcpy(out->country, code, 3);
	if (text != NULL)
		location_place_of(text, out);
}
