/*
 * location.c - work arrangement (remote, hybrid, onsite) and ISO 3166-1
 * alpha-2 country from location text and structured hints (normalize.h).
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_NAMES 12

/*
 * About fifty countries: names and common aliases (all-capital ones such as
 * "US" and "U.S." match case-sensitively: "us" is a word), and big cities,
 * which lose to a state or country code after a comma ("Dublin, CA" is in
 * California).
 */
static const struct country {
	const char *a2, *a3;
	const char *names[MAX_NAMES];
	const char *cities[MAX_NAMES];
} countries[] = {
	{ "US", "USA", { "United States", "United States of America", "U.S.A.", "U.S.",
		"USA", "US", "New Mexico" },
	  { "New York", "San Francisco", "Seattle", "Boston", "Chicago", "Los Angeles",
		"California", "Texas", "Florida", "Washington", "Virginia" } },
	{ "GB", "GBR", { "United Kingdom", "UK", "U.K.", "Great Britain", "Britain",
		"England", "Scotland", "Wales", "Northern Ireland" },
	  { "London", "Manchester", "Edinburgh", "Glasgow", "Bristol", "Cambridge" } },
	{ "DE", "DEU", { "Germany", "Deutschland" },
	  { "Berlin", "Munich", "M\xc3\xbcnchen", "Hamburg", "Frankfurt", "Cologne",
		"Stuttgart" } },
	{ "IN", "IND", { "India" },
	  { "Bengaluru", "Bangalore", "Mumbai", "New Delhi", "Delhi", "Hyderabad", "Pune",
		"Chennai", "Gurgaon", "Gurugram", "Noida", "Kolkata" } },
	{ "CA", "CAN", { "Canada" }, { "Toronto", "Vancouver", "Montreal", "Ottawa", "Calgary" } },
	{ "NL", "NLD", { "Netherlands", "The Netherlands", "Holland" },
	  { "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Den Haag", "The Hague" } },
	{ "FR", "FRA", { "France" }, { "Paris", "Lyon", "Toulouse", "Nantes", "Lille" } },
	{ "ES", "ESP", { "Spain", "Espa\xc3\xb1" "a" },
	  { "Madrid", "Barcelona", "Valencia", "Sevilla" } },
	{ "PL", "POL", { "Poland", "Polska" },
	  { "Warsaw", "Warszawa", "Krak\xc3\xb3w", "Krakow", "Wroc\xc5\x82" "aw", "Wroclaw" } },
	{ "AU", "AUS", { "Australia", "New South Wales" }, { "Sydney", "Melbourne", "Brisbane" } },
	{ "IE", "IRL", { "Ireland" }, { "Dublin", "Cork" } },
	{ "CH", "CHE", { "Switzerland" },
	  { "Zurich", "Z\xc3\xbcrich", "Geneva", "Basel", "Lausanne" } },
	{ "SE", "SWE", { "Sweden", "Sverige" }, { "Stockholm", "Gothenburg", "Malm\xc3\xb6" } },
	{ "BR", "BRA", { "Brazil", "Brasil" },
	  { "S\xc3\xa3o Paulo", "Sao Paulo", "Rio de Janeiro" } },
	{ "MX", "MEX", { "Mexico", "M\xc3\xa9xico" }, { "Mexico City", "Guadalajara" } },
	{ "SG", "SGP", { "Singapore" }, { NULL } },
	{ "JP", "JPN", { "Japan" }, { "Tokyo", "Osaka" } },
	{ "PT", "PRT", { "Portugal" }, { "Lisbon", "Lisboa", "Porto" } },
	{ "AT", "AUT", { "Austria", "\xc3\x96sterreich" }, { "Vienna", "Wien", "Graz" } },
	{ "IT", "ITA", { "Italy", "Italia" }, { "Milan", "Milano", "Rome", "Roma", "Turin" } },
	{ "BE", "BEL", { "Belgium" }, { "Brussels", "Antwerp", "Ghent" } },
	{ "DK", "DNK", { "Denmark" }, { "Copenhagen" } },
	{ "NO", "NOR", { "Norway" }, { "Oslo" } },
	{ "FI", "FIN", { "Finland" }, { "Helsinki" } },
	{ "CZ", "CZE", { "Czech Republic", "Czechia" }, { "Prague", "Brno" } },
	{ "RO", "ROU", { "Romania" }, { "Bucharest", "Cluj-Napoca" } },
	{ "UA", "UKR", { "Ukraine" }, { "Kyiv", "Kiev", "Lviv" } },
	{ "GR", "GRC", { "Greece" }, { "Athens" } },
	{ "HU", "HUN", { "Hungary" }, { "Budapest" } },
	{ "IL", "ISR", { "Israel" }, { "Tel Aviv" } },
	{ "AE", "ARE", { "United Arab Emirates", "UAE" }, { "Dubai", "Abu Dhabi" } },
	{ "TR", "TUR", { "Turkey", "T\xc3\xbcrkiye" }, { "Istanbul" } },
	{ "CN", "CHN", { "China" }, { "Beijing", "Shanghai", "Shenzhen" } },
	{ "HK", "HKG", { "Hong Kong" }, { NULL } },
	{ "TW", "TWN", { "Taiwan" }, { "Taipei" } },
	{ "KR", "KOR", { "South Korea", "Korea" }, { "Seoul" } },
	{ "NZ", "NZL", { "New Zealand" }, { "Auckland", "Wellington" } },
	{ "ZA", "ZAF", { "South Africa" }, { "Cape Town", "Johannesburg" } },
	{ "AR", "ARG", { "Argentina" }, { "Buenos Aires" } },
	{ "CO", "COL", { "Colombia" }, { "Bogot\xc3\xa1", "Bogota", "Medell\xc3\xadn" } },
	{ "CL", "CHL", { "Chile" }, { "Santiago" } },
	{ "PH", "PHL", { "Philippines" }, { "Manila" } },
	{ "ID", "IDN", { "Indonesia" }, { "Jakarta" } },
	{ "MY", "MYS", { "Malaysia" }, { "Kuala Lumpur" } },
	{ "VN", "VNM", { "Vietnam", "Viet Nam" }, { "Ho Chi Minh City", "Hanoi" } },
	{ "NG", "NGA", { "Nigeria" }, { "Lagos" } },
	{ "EG", "EGY", { "Egypt" }, { "Cairo" } },
	{ "PK", "PAK", { "Pakistan" }, { "Karachi", "Lahore" } },
	{ "EE", "EST", { "Estonia" }, { "Tallinn" } },
	{ "LT", "LTU", { "Lithuania" }, { "Vilnius" } },
	{ "LU", "LUX", { "Luxembourg" }, { NULL } },
};

/* US states and DC, as written after a comma: "Austin, TX". */
static const char us_states[] =
	"AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO "
	"MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC";

static const char *const remote_words[] = {
	"remote", "anywhere", "work from home", "working from home", "wfh",
	"telecommute", "telecommuting", "home based", "home-based",
};
static const char *const onsite_words[] = {
	"on-site", "onsite", "on site", "in office", "in-office", "office based",
	"office-based",
};

static int is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int is_alnum(int c)
{
	return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9');
}

static int any_word(const char *text, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (normalize_find_word(text, list[i], 1, NULL) != NULL)
			return 1;
	return 0;
}

/* Hybrid first: "Hybrid (remote 2 days)" is hybrid, not remote. */
static const char *arrangement_of(const char *text)
{
	if (normalize_find_word(text, "hybrid", 1, NULL) != NULL)
		return "hybrid";
	if (any_word(text, remote_words, COUNT(remote_words)))
		return "remote";
	if (any_word(text, onsite_words, COUNT(onsite_words)))
		return "onsite";
	return NULL;
}

const char *location_arrangement(const char *location, const char *hint, int onsite_if_place)
{
	const char *a = NULL, *p;

	if (hint != NULL)
		a = arrangement_of(hint);
	if (a == NULL && location != NULL)
		a = arrangement_of(location);
	if (a != NULL || !onsite_if_place || location == NULL)
		return a;
	for (p = location; *p; p++)
		if (is_alnum((unsigned char)*p))
			return "onsite";
	return NULL;
}

/* Names in capitals ("US", "U.S.") must match exactly: "us" is a word. */
static int fold_for(const char *name)
{
	for (; *name; name++)
		if (*name >= 'a' && *name <= 'z')
			return 1;
	return 0;
}

/*
 * The rightmost-ending match of any name in the lists ("London, Ontario,
 * Canada" is in Canada); of two ending together the longer wins ("New
 * Mexico" over "Mexico").  *end keeps the best end across calls.
 */
static const struct country *rightmost(const char *text, int cities, const char **best_end,
				       size_t *best_len, const struct country *best)
{
	size_t i, j;

	for (i = 0; i < COUNT(countries); i++) {
		const char *const *names = cities ? countries[i].cities : countries[i].names;

		for (j = 0; j < MAX_NAMES && names[j] != NULL; j++) {
			const char *p = text, *s, *e;

			int fold = fold_for(names[j]);

			while ((s = normalize_find_word(p, names[j], fold, &e)) != NULL) {
				size_t len = (size_t)(e - s);

				if (e > *best_end || (e == *best_end && len > *best_len)) {
					*best_end = e;
					*best_len = len;
					best = &countries[i];
				}
				p = e;
			}
		}
	}
	return best;
}

static const struct country *by_code(const char *code, size_t len)
{
	size_t i;

	for (i = 0; i < COUNT(countries); i++)
		if ((len == 2 && strncmp(code, countries[i].a2, 2) == 0) ||
		    (len == 3 && strncmp(code, countries[i].a3, 3) == 0))
			return &countries[i];
	return NULL;
}

static int is_state(const char *code)
{
	size_t i;

	for (i = 0; i + 2 <= sizeof(us_states) - 1; i += 3)
		if (us_states[i] == code[0] && us_states[i + 1] == code[1])
			return 1;
	return 0;
}

/*
 * The rightmost code of two or three capitals that stands alone between
 * commas (or starts the text): "Austin, TX", "Rochester, NY 14623",
 * "Warszawa, PL", "bundesweit, BE, DE, 10405", "ES - Madrid", "GBR,
 * Cambridgeshire".  Sets *len; NULL when there is none.
 */
static const char *code_component(const char *text, size_t *len)
{
	const char *p, *q, *found = NULL;
	size_t n;

	for (p = text; *p; p++) {
		for (n = 0; is_upper((unsigned char)p[n]); n++)
			;
		if (n < 2 || n > 3 || is_alnum((unsigned char)p[n]) ||
		    (p > text && is_alnum((unsigned char)p[-1])))
			continue;
		for (q = p; q > text && q[-1] == ' '; q--)
			;
		if (q != text && q[-1] != ',' && q[-1] != ';')
			continue;
		for (q = p + n; *q == ' '; q++)
			;
		if (*q == '\0' || *q == ',' || *q == ';' || *q == '-' ||
		    (*q >= '0' && *q <= '9')) {
			found = p;
			*len = n;
		}
	}
	return found;
}

/*
 * A code that is both a state and a country ("CA", "IN", "DE") is the
 * state unless a city of that country stands beside it ("Toronto, CA"),
 * except "DE": German boards write "Ludwigshafen, DE" far more often than
 * US boards write Delaware.
 */
static const struct country *resolve_code(const char *code, size_t len,
					  const struct country *city)
{
	const struct country *c = by_code(code, len);

	if (len == 2 && strncmp(code, "UK", 2) == 0)
		return by_code("GB", 2);
	if (len == 3 || (c != NULL && city == c))
		return c;
	if (is_state(code) && strncmp(code, "DE", 2) != 0)
		return by_code("US", 2);
	return c;
}

static const struct country *country_of_text(const char *text)
{
	const char *end = text, *code;
	size_t len = 0, code_len = 0;
	const struct country *c = rightmost(text, 0, &end, &len, NULL);
	const struct country *city;

	if (c != NULL)
		return c;
	end = text;
	len = 0;
	city = rightmost(text, 1, &end, &len, NULL);
	code = code_component(text, &code_len);
	if (code != NULL && (c = resolve_code(code, code_len, city)) != NULL)
		return c;
	return city;
}

/* "US", "usa", "GBR", "United Kingdom", "UK"; an unknown two-letter code as is. */
static int country_of_hint(const char *hint, char out[3])
{
	size_t i, j, n = strlen(hint);
	const struct country *c = NULL;

	for (i = 0; i < COUNT(countries) && c == NULL; i++)
		for (j = 0; j < MAX_NAMES && countries[i].names[j] != NULL; j++)
			if (normalize_find_word(hint, countries[i].names[j], 1, NULL) == hint &&
			    strlen(countries[i].names[j]) == n)
				c = &countries[i];
	if (c == NULL && (n == 2 || n == 3)) {
		char up[4];

		for (i = 0; i < n; i++)
			up[i] = (char)(is_lower((unsigned char)hint[i]) ? hint[i] - 'a' + 'A'
								: hint[i]);
		up[n] = '\0';
		c = by_code(up, n);
		if (c == NULL && n == 2 && is_upper((unsigned char)up[0]) &&
		    is_upper((unsigned char)up[1])) {
			memcpy(out, up, 3);
			return 1;
		}
	}
	if (c == NULL)
		return 0;
	memcpy(out, c->a2, 3);
	return 1;
}

void location_country(const char *location, const char *country_hint, char out[3])
{
	const struct country *c;

	out[0] = '\0';
	if (country_hint != NULL && country_of_hint(country_hint, out))
		return;
	if (location == NULL)
		return;
	c = country_of_text(location);
	if (c != NULL)
		memcpy(out, c->a2, 3);
}
