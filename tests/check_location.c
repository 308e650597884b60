/*
 * check_location.c - location_parse, table-driven: arrangement, country and
 * place of real location strings, each expectation written by hand.
 *
 * Sources: the seed article's card; ../shared/data/aijobs-cards; pages in
 * ../shared/data/pages: Indeed (US, India, UK), LinkedIn (US, Sweden),
 * Glassdoor, Monster, We Work Remotely, Golang Cafe, python.org, Rooster,
 * Work at a Startup, Workday, Avature, Ashby, Eightfold, Greenhouse,
 * HRworks, Stack Overflow Jobs and JSON-LD postings.  Lines marked
 * "(written here)" are not from a page.
 */
#include "config.h"

#include "check-main.h"
#include <string.h>

#include "normalize.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#define FLAG_US "\xf0\x9f\x87\xba\xf0\x9f\x87\xb8"
#define FLAG_GB "\xf0\x9f\x87\xac\xf0\x9f\x87\xa7"
#define FLAG_EU "\xf0\x9f\x87\xaa\xf0\x9f\x87\xba"
#define FLAG_GE "\xf0\x9f\x87\xac\xf0\x9f\x87\xaa"
#define FLAG_MD "\xf0\x9f\x87\xb2\xf0\x9f\x87\xa9"
#define DASH "\xe2\x80\x93"

static const struct {
	const char *text;
	struct location_hints hints;
	const char *arrangement, *country, *place;
} cases[] = {
	/* the seed board */
	{ "Remote (anywhere in the U.S.)", { 0 }, "remote", "US", "U.S." },
	/* ai-jobs.net cards */
	{ "CDR (Amsterdam - Cedar), Netherlands", { 0 }, NULL, "NL", NULL },
	{ "London", { 0 }, NULL, "GB", NULL }, { "Paris", { 0 }, NULL, "FR", NULL },
	{ "M\xc3\xbcnchen", { 0 }, NULL, "DE", NULL }, { "Berlin, Germany", { 0 }, NULL, "DE", NULL },
	{ "Marignane, France", { 0 }, NULL, "FR", NULL }, { "Kyiv, Ukraine", { 0 }, NULL, "UA", NULL },
	{ "Toulouse, Occitanie, France", { 0 }, NULL, "FR", NULL },
	{ "Gorinchem, Avelingen West 20, Netherlands", { 0 }, NULL, "NL", NULL },
	{ "Warsaw, Masovian Voivodeship, Poland", { 0 }, NULL, "PL", NULL },
	{ "ES - Central Victoria - Pozuelo Headquarters, \xe2\x80\xa6", { 0 }, NULL, "ES",
	  "ES - Central Victoria - Pozuelo Headquarters" },
	{ "London, GB, W2 6BD", { 0 }, NULL, "GB", NULL }, { "Warszawa, PL", { 0 }, NULL, "PL", NULL },
	{ "Dortmund", { 0 }, NULL, "DE", NULL }, { "D\xc3\xbcsseldorf", { 0 }, NULL, "DE", NULL },
	{ "M\xc3\xbcnchen, DE, 80686", { 0 }, NULL, "DE", NULL },
	{ "Zurich, Switzerland", { 0 }, NULL, "CH", NULL }, { "Saint-Ouen, FR", { 0 }, NULL, "FR", NULL },
	{ "MADRID, ES", { 0 }, NULL, "ES", NULL }, { "Prague", { 0 }, NULL, "CZ", NULL },
	{ "Germany - Berlin", { 0 }, NULL, "DE", NULL },
	{ "Regensburg oder Frankfurt", { 0 }, NULL, "DE", NULL },
	{ "Metamorfosi, Attica, Greece", { 0 }, NULL, "GR", NULL },
	/* the cards cut long places with "…": the place stops before it */
	{ "GBR, Cambridgeshire (RAF Molesworth Huntingdon Cambridgeshire), United \xe2\x80\xa6",
	  { 0 }, NULL, "GB", "GBR, Cambridgeshire (RAF Molesworth Huntingdon Cambridgeshire), United" },
	{ "Heverlee - Berchem - Gent - Hasselt \xe2\x80\xa6", { 0 }, NULL, "BE",
	  "Heverlee - Berchem - Gent - Hasselt" },
	{ "Nantes, Pays de la Loire, France", { 0 }, NULL, "FR", NULL },
	{ "Barcelona, Catalunya [Catalu\xc3\xb1" "a], Spain", { 0 }, NULL, "ES", NULL },
	{ "Barcelona, ES; Madrid, ES; Mallorca, ES; Sevilla, \xe2\x80\xa6", { 0 }, NULL, "ES",
	  "Barcelona, ES; Madrid, ES; Mallorca, ES; Sevilla" },
	{ "EMEA - United Kingdom - Birmingham", { 0 }, NULL, "GB", NULL },
	{ "CH - Basel, Switzerland", { 0 }, NULL, "CH", NULL },
	{ "IT-FI-FLORENCE-VIA FELICE MATTEUCCI 2, Italy", { 0 }, NULL, "IT", NULL },
	{ "Occitanie", { 0 }, NULL, "FR", NULL }, { "France", { 0 }, NULL, "FR", NULL },
	{ "Eschborn / Frankfurt (Main), HE, DE, 65760", { 0 }, NULL, "DE", NULL },
	{ "Ludwigshafen am Rhein, DE", { 0 }, NULL, "DE", NULL },
	/* "BE" is Berlin's Land code here, DE the country */
	{ "bundesweit, BE, DE, 10405, 204", { 0 }, NULL, "DE", NULL },
	{ "Basel (City), Switzerland", { 0 }, NULL, "CH", "Basel (City), Switzerland" },
	/* Indeed (US, India, UK; JSON-LD hints from the detail page) */
	{ "Loganville, GA 30052", { 0 }, NULL, "US", NULL },
	{ "Prescott, WI 54021", { 0 }, NULL, "US", NULL }, { "Huntsville, AL", { 0 }, NULL, "US", NULL },
	{ "Big Timber, MT", { 0 }, NULL, "US", NULL }, { "Cameron, LA", { 0 }, NULL, "US", NULL },
	{ "Social Circle, GA", { 0 }, NULL, "US", NULL }, { "Concord, CA", { 0 }, NULL, "US", NULL },
	{ "Bengaluru, Karnataka", { 0 }, NULL, "IN", NULL },
	{ "Banaswadi, Bengaluru, Karnataka", { 0 }, NULL, "IN", NULL },
	{ "New York, NY 10016", { 0 }, NULL, "US", NULL }, { "Brooklyn, NY 11210", { 0 }, NULL, "US", NULL },
	{ "Austin, TX", { "TELECOMMUTE", "United States", "US" }, "remote", "US", "Austin, TX" },
	{ "Remote", { 0 }, "remote", "", "" },
	/* LinkedIn (US search; se.linkedin.com) */
	{ "Palo Alto, CA", { 0 }, NULL, "US", NULL }, { "Chicago, IL", { 0 }, NULL, "US", NULL },
	{ "Woonsocket, RI", { 0 }, NULL, "US", NULL },
	{ "Washington, United States", { 0 }, NULL, "US", NULL },
	{ "United States", { 0 }, NULL, "US", NULL },
	{ "Austin, Texas Metropolitan Area", { 0 }, NULL, "US", NULL },
	{ "Uppsala", { 0 }, NULL, "SE", NULL }, { "Norrk\xc3\xb6ping", { 0 }, NULL, "SE", NULL },
	/* Glassdoor, Monster ("Remote, OR" is Monster's remote-in-Oregon) */
	{ "Murray Hill, NJ", { 0 }, NULL, "US", NULL }, { "Edison, NJ", { 0 }, NULL, "US", NULL },
	{ "Remote, OR", { 0 }, "remote", "US", "OR" }, { "WALNUT, CA", { 0 }, NULL, "US", NULL },
	{ "Washington, DC", { 0 }, NULL, "US", NULL }, { "richmond, VA", { 0 }, NULL, "US", NULL },
	/* Monster's titles, which its rule reads as the workplace: remote
	 * sensing is a field of science; a 50/50 split of the week is hybrid */
	{ "San Antonio, TX",
	  { .location_type = "GRADUATE STUDENT-R&D - ASTROPHYSICS/REMOTE SENSING 15-01433" },
	  NULL, "US", NULL },
	{ "Spring Grove, PA", { .location_type = "SAP PP/PM Functional Analyst (50/50 remote)" },
	  "hybrid", "US", NULL },
	{ "New York, NY", { .location_type = "Manager - Transaction Review Group - NY Remote" },
	  "remote", "US", NULL },
	/* ... and their shapes (written here): a share of the time remote is
	 * hybrid, all of it remote; remote sensing beside remote work is remote */
	{ NULL, { .location_type = "Java Developer (60/40 remote)" }, "hybrid", "", NULL },
	{ NULL, { .location_type = "Java Developer - 50% remote" }, "hybrid", "", NULL },
	{ NULL, { .location_type = "Java Developer - 100% remote" }, "remote", "", NULL },
	{ NULL, { .location_type = "Remote Sensing Analyst - Remote" }, "remote", "", NULL },
	{ NULL, { .location_type = "24/7 Remote Support" }, "remote", "", NULL },
	/* Warsaw, Indiana: the state after a city beats the Polish city */
	{ "Warsaw, IN", { 0 }, NULL, "US", "Warsaw, IN" },
	{ "Indianapolis, IN", { 0 }, NULL, "US", NULL },
	/* We Work Remotely: flags spell the country; the EU flag is none */
	{ "Anywhere in the World", { 0 }, "remote", "", "" },
	{ FLAG_US " United States of America", { 0 }, NULL, "US", NULL },
	{ FLAG_GB " United Kingdom of Great Britain and Northern Ireland", { 0 }, NULL, "GB", NULL },
	{ FLAG_MD " Moldova (Republic of)", { 0 }, NULL, "MD",
	  FLAG_MD " Moldova (Republic of)" },
	{ FLAG_GE " Georgia", { 0 }, NULL, "GE", NULL },
	/* a region names no country, nor an arrangement by itself */
	{ "North America Only", { 0 }, NULL, "", NULL }, { "EMEA Only", { 0 }, NULL, "", NULL },
	/* Golang Cafe */
	{ "Remote - United States " FLAG_US, { 0 }, "remote", "US", "United States " FLAG_US },
	{ "Atlanta, Georgia - United States " FLAG_US, { 0 }, NULL, "US", NULL },
	{ "London - United Kingdom " FLAG_GB, { .location_type = "Hybrid Remote" }, "hybrid", "GB", NULL },
	{ "Remote - Europe " FLAG_EU, { 0 }, "remote", "", "Europe " FLAG_EU },
	{ "New York City - United States " FLAG_US, { .location_type = "On-Site" }, "onsite", "US", NULL },
	/* python.org */
	{ "Telecommute", { 0 }, "remote", "", "" },
	{ "100% Remote " DASH " USA", { 0 }, "remote", "US", "USA" },
	{ "Bangalore, Pune " DASH " India", { 0 }, NULL, "IN", NULL },
	{ "Glasgow, Scotland " DASH " United Kingdom", { 0 }, NULL, "GB", NULL },
	{ "Illinois, Chicago " DASH " United States", { 0 }, NULL, "US", NULL },
	{ "LATAM " DASH " LATAM", { 0 }, NULL, "", NULL },
	{ "Long Beach, Hybrid, California " DASH " USA", { 0 }, "hybrid", "US", NULL },
	{ "Montreal, QC " DASH " Canada", { 0 }, NULL, "CA", NULL },
	{ "Remote - London UK " DASH " United Kingdom", { 0 }, "remote", "GB",
	  "London UK " DASH " United Kingdom" },
	{ "REMOTE " DASH " REMOTE", { 0 }, "remote", "", "" },
	{ "Remote " DASH " Anywhere", { 0 }, "remote", "", "" },
	{ "Toronto, ON " DASH " Canada", { 0 }, NULL, "CA", NULL },
	{ "Toronto, Ontario " DASH " Canada", { 0 }, NULL, "CA", NULL },
	{ "Warsaw (fully remote) " DASH " Poland", { 0 }, "remote", "PL", NULL },
	{ "Farmington Hills, MI " DASH " United States", { 0 }, NULL, "US", NULL },
	/* Rooster (India) */
	{ "Stanford-le-Hope SS17, UK", { 0 }, NULL, "GB", NULL },
	{ "Mumbai, Maharashtra, India", { 0 }, NULL, "IN", NULL },
	/* Work at a Startup: a leading code is a country, "(IN)" is India too */
	{ "IN / Remote (IN)", { 0 }, "remote", "IN", NULL },
	{ "New York, NY, US", { 0 }, NULL, "US", NULL },
	/* Workday, Avature, Ashby, Eightfold, Greenhouse, Stack Overflow, JSON-LD */
	{ "AMER - Canada - Quebec - Montreal - 10 Rue Duke", { .address_country = "Canada" }, NULL, "CA", NULL },
	{ "UK - Remote", { 0 }, "remote", "GB", "UK" },
	{ "New York, New York, United States of America", { 0 }, NULL, "US", NULL },
	{ "San Jose, California, United States", { .location_type = "TELECOMMUTE" }, "remote",
	  "US", NULL },
	{ "USA - Remote", { .address_country = "US" }, "remote", "US", "USA" },
	{ "Remotely from US", { 0 }, "remote", "US", "US" },
	{ "No office location", { 0 }, "remote", "", "" },
	{ "Sunnyvale, CA", { 0 }, NULL, "US", NULL },
	{ "Metzingen", { .address_country = "DE" }, NULL, "DE", NULL },
	/* HRworks (German) */
	{ "Homeoffice", { 0 }, "remote", "", "" }, { "Hybrides Arbeiten", { 0 }, "hybrid", "", "" },
	/* Indeed India's remote-work model, LinkedIn's workplace type */
	{ "Bengaluru, Karnataka", { .location_type = "Hybrid work" }, "hybrid", "IN", NULL },
	{ "Uppsala", { .location_type = "OnSite" }, "onsite", "SE", NULL },
	/* ambiguities (written here) */
	{ "Hybrid - Austin, TX", { 0 }, "hybrid", "US", "Austin, TX" },
	/* WWR: a split week is hybrid, whatever else the text says.  (The place
	 * keeps the split-week words: only the arrangement word at the end is
	 * taken off; a place reader for such text is left for later.) */
	{ "Katowice - 2 days in office / 3 days remote", { 0 }, "hybrid", "PL",
	  "Katowice - 2 days in office / 3 days" },
	{ "London, UK", { 0 }, NULL, "GB", NULL }, { "New York, NY", { 0 }, NULL, "US", NULL },
	{ "Bengaluru, Karnataka, India", { 0 }, NULL, "IN", NULL },
	{ "Remote - EMEA", { 0 }, "remote", "", "EMEA" }, { "Anywhere", { 0 }, "remote", "", "" },
	{ "Z\xc3\xbcrich, CH", { 0 }, NULL, "CH", NULL },
	{ "Hybrid work in Bengaluru, Karnataka", { 0 }, "hybrid", "IN", "Bengaluru, Karnataka" },
	{ "In office, New York, NY", { 0 }, "onsite", "US", "New York, NY" },
	/* Georgia alone names no one country; a city decides */
	{ "Georgia", { 0 }, NULL, "", NULL }, { "Tbilisi, Georgia", { 0 }, NULL, "GE", NULL },
	{ NULL, { .applicant_country = "Georgia" }, NULL, "GE", NULL },
	/* a code shared by a state and a country */
	{ "Toronto, CA", { 0 }, NULL, "CA", NULL }, { "Dublin, CA", { 0 }, NULL, "US", NULL },
	{ "Bengaluru, IN", { 0 }, NULL, "IN", NULL }, { "Wilmington, DE 19801", { 0 }, NULL, "US", NULL },
	{ "Paris, TX", { 0 }, NULL, "US", NULL }, { "Cambridge, MA", { 0 }, NULL, "US", NULL },
	{ "Amsterdam, NL", { 0 }, NULL, "NL", NULL },
	{ "London, Ontario, Canada", { 0 }, NULL, "CA", NULL },
	{ "Santa Fe, New Mexico", { 0 }, NULL, "US", NULL }, { "Jersey City, NJ", { 0 }, NULL, "US", NULL },
	{ "Mexico City, Mexico", { 0 }, NULL, "MX", NULL }, { "Join us in Berlin", { 0 }, NULL, "DE", NULL },
	/*
	 * Australian state codes: WA, SA and NT are Australia after an
	 * Australian city, and US, Saudi or Canadian elsewhere; a city that
	 * the US or Canada has too keeps their codes.  Real: Perth from We
	 * Work Remotely, Bellevue and Redmond from the Ashby and JSON-LD
	 * pages.  No page here writes an Australian code, so the rest is
	 * written here in the forms Australian boards use ("Sydney NSW 2000").
	 */
	{ "Perth, Western Australia", { 0 }, NULL, "AU", NULL },
	{ "Bellevue, WA", { 0 }, NULL, "US", NULL }, { "Redmond, WA", { 0 }, NULL, "US", NULL },
	{ "Perth, WA", { 0 }, NULL, "AU", NULL }, { "Perth WA 6000", { 0 }, NULL, "AU", NULL },
	{ "Perth", { 0 }, NULL, "AU", NULL }, { "Perth, WA, Australia", { 0 }, NULL, "AU", NULL },
	{ "Sydney NSW 2000", { 0 }, NULL, "AU", NULL }, { "Sydney, NSW", { 0 }, NULL, "AU", NULL },
	{ "Melbourne, VIC 3000", { 0 }, NULL, "AU", NULL }, { "Brisbane, QLD", { 0 }, NULL, "AU", NULL },
	{ "Adelaide, SA", { 0 }, NULL, "AU", NULL }, { "Hobart, TAS", { 0 }, NULL, "AU", NULL },
	{ "Canberra, ACT", { 0 }, NULL, "AU", NULL }, { "Darwin, NT", { 0 }, NULL, "AU", NULL },
	{ "Gold Coast, QLD", { 0 }, NULL, "AU", NULL }, { "Newcastle, NSW", { 0 }, NULL, "AU", NULL },
	{ "Hybrid - Perth, WA", { 0 }, "hybrid", "AU", "Perth, WA" },
	{ "Vancouver, WA", { 0 }, NULL, "US", NULL }, { "Portland, OR", { 0 }, NULL, "US", NULL },
	{ "Melbourne, FL", { 0 }, NULL, "US", NULL }, { "Brisbane, CA", { 0 }, NULL, "US", NULL },
	{ "Sydney, NS", { 0 }, NULL, "CA", NULL }, { "Perth, ON", { 0 }, NULL, "CA", NULL },
	{ "Perth, Scotland", { 0 }, NULL, "GB", NULL }, { "Riyadh, SA", { 0 }, NULL, "SA", NULL },
	{ "Yellowknife, NT", { 0 }, NULL, "CA", NULL }, { "Seattle, WA", { 0 }, NULL, "US", NULL },
	/* the Australian city must stand just before the code: WA follows Seattle here */
	{ "Melbourne, Australia; Seattle, WA", { 0 }, NULL, "US", NULL },
	/* a code before a full stop, a colon or a count (HN's Who is hiring, Indeed) */
	{ "Doximity, San Mateo, CA.", { 0 }, NULL, "US", NULL },
	{ "Location is Orange County, CA.", { 0 }, NULL, "US", NULL },
	{ "Providence, RI (1,224)", { 0 }, NULL, "US", NULL },
	{ "Boulder, CO: Full time", { 0 }, NULL, "US", NULL },	/* (written here) */
	/* "EST" is a time zone, not Estonia */
	{ "Remote (EST)", { 0 }, "remote", "", "EST" },
	/* hints: applicant country first, then address country; junk is ignored */
	{ "Berlin, Germany", { NULL, "Poland", "DE" }, NULL, "PL", NULL },
	{ "Berlin, Germany", { NULL, "Narnia", "" }, NULL, "DE", NULL },
	{ NULL, { .address_country = "GBR" }, NULL, "GB", NULL }, { NULL, { .address_country = "uk" }, NULL, "GB", NULL },
	{ NULL, { .address_country = "KE" }, NULL, "KE", NULL },
	{ NULL, { .applicant_country = "United States, Canada" }, NULL, "", NULL },
	{ "", { 0 }, NULL, "", "" }, { " , ", { 0 }, NULL, "", "" }, { NULL, { 0 }, NULL, "", "" },
};

START_TEST(test_location)
{
	struct location l;
	const char *t = cases[_i].text ? cases[_i].text : "(null)";
	const char *want_place = cases[_i].place ? cases[_i].place : cases[_i].text;

	location_parse(cases[_i].text, &cases[_i].hints, &l);
	check_same_str(l.arrangement, cases[_i].arrangement, t);
	ck_assert_msg(strcmp(l.country, cases[_i].country) == 0, "'%s': country '%s', want '%s'", t,
		      l.country, cases[_i].country);
	/* A NULL place in the table means the whole text; "" means none. */
	if (want_place == NULL || *want_place == '\0')
		ck_assert_msg(l.place == NULL, "'%s': place '%.*s', want none", t, (int)l.place_len,
			      l.place ? l.place : "");
	else
		ck_assert_msg(l.place != NULL && l.place_len == strlen(want_place) &&
				      memcmp(l.place, want_place, l.place_len) == 0,
			      "'%s': place '%.*s', want '%s'", t, (int)l.place_len,
			      l.place ? l.place : "", want_place);
}
END_TEST

Suite *test_suite(void)
{
	Suite *s = suite_create("location");
	TCase *tc = tcase_create("location");

	tcase_add_loop_test(tc, test_location, 0, COUNT(cases));
	suite_add_tcase(s, tc);
	return s;
}
