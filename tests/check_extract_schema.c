#include "config.h"

#include "check-main.h"

/*
 * check_extract_schema - schema.org JobPostings as real sites write them,
 * in JSON-LD (every shape of @type, wrappers, repairs, key case, baseSalary)
 * and in microdata, each case a small hand-written fragment shaped like a
 * real page's (shared/data/pages: reed, aijobs, golangcafe, paloalto, ...).
 *
 * A case gives the titles of every posting found, joined by "|", and the
 * fields of the first one: a string field not given must be NULL, a salary
 * not given must be absent.  A case's warnings are counted, and one of them
 * must hold the given words.  No board rules are loaded: these are the
 * generic strategies alone (a shipped board may read the same markup too).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "posting.h"
#include "salary.h"

#define PAGE_URL "https://jobs.example.test/p/1"

enum kind {
	JSONLD,		/* text: JSON-LD blocks, separated by "\f" */
	MICRODATA,	/* text: the page's body */
	DOCUMENT,	/* text: the whole document */
};

struct schema_case {
	const char *name;
	enum kind kind;
	const char *text;
	const char *titles;	/* every posting's title joined by "|"; "" for none */
	size_t warnings;
	const char *warning;	/* words one warning holds, or NULL */
	const char *company, *location, *country, *employment_type, *url, *id, *posted;
	const char *salary_text, *strategy;	/* strategy NULL: "jsonld" */
	double min, max;
	const char *currency;	/* NULL: "" */
	enum salary_period period;
};

#define JP "\"@type\": \"JobPosting\", "
#define MA "\"@type\": \"MonetaryAmount\", "
#define QV "\"@type\": \"QuantitativeValue\", "

static const struct schema_case jsonld_cases[] = {
	/* where postings are */
	{ "@graph", JSONLD, "{\"@context\": \"https://schema.org\", \"@graph\": ["
	  "{\"@type\": \"WebSite\", \"name\": \"Careers\"}, {" JP "\"title\": \"A\"}]}",
	  .titles = "A", .url = PAGE_URL },
	{ "top-level array", JSONLD, "[{\"@type\": \"Organization\", \"name\": \"Acme\"},"
	  "{" JP "\"title\": \"A\", \"url\": \"/a\"}, {" JP "\"title\": \"B\"}]",
	  .titles = "A|B", .url = "https://jobs.example.test/a" },
	{ "@type list", JSONLD, "{\"@type\": [\"JobPosting\", \"Thing\"], \"title\": \"A\"}",
	  .titles = "A", .url = PAGE_URL },
	{ "several blocks", JSONLD, "{\"@type\": \"BreadcrumbList\"}\f{" JP "\"title\": \"A\", "
	  "\"url\": \"/a\"}\f{" JP "\"title\": \"B\", \"url\": \"/b\"}",
	  .titles = "A|B", .url = "https://jobs.example.test/a" },
	{ "ItemList of postings", JSONLD, "{\"@type\": \"ItemList\", \"itemListElement\": ["
	  "{\"@type\": \"ListItem\", \"position\": 1, \"item\": {" JP "\"title\": \"A\", "
	  "\"url\": \"/a\"}}, {\"@type\": \"ListItem\", \"position\": 2, \"item\": {" JP
	  "\"title\": \"B\", \"url\": \"/b\"}}]}",
	  .titles = "A|B", .url = "https://jobs.example.test/a" },
	{ "ItemList of urls (golangcafe)", JSONLD, "{\"@type\": \"ItemList\", \"itemListElement\": ["
	  "{\"@type\": \"ListItem\", \"position\": 1, \"url\": \"https://jobs.example.test/j/1\"}]}",
	  .titles = "" },
	{ "schema:JobPosting", JSONLD, "{\"@type\": \"schema:JobPosting\", \"title\": \"A\"}",
	  .titles = "A", .url = PAGE_URL },
	{ "http://schema.org/JobPosting", JSONLD,
	  "{\"@type\": \"http://schema.org/JobPosting\", \"title\": \"A\"}",
	  .titles = "A", .url = PAGE_URL },
	{ "https://www.schema.org/JobPosting", JSONLD,
	  "{\"@type\": [\"https://www.schema.org/JobPosting\"], \"title\": \"A\"}",
	  .titles = "A", .url = PAGE_URL },
	{ "another vocabulary's JobPosting", JSONLD,
	  "{\"@type\": \"http://example.org/JobPosting\", \"title\": \"A\"}", .titles = "" },
	/* wrappers and repairs */
	{ "CDATA wrapper", JSONLD, "//<![CDATA[\n{" JP "\"title\": \"A\"}\n//]]>",
	  .titles = "A", .url = PAGE_URL },
	{ "comment wrapper", JSONLD, "<!--\n{" JP "\"title\": \"A\"}\n-->",
	  .titles = "A", .url = PAGE_URL },
	{ "HTML-escaped block", JSONLD, "{&quot;@type&quot;: &quot;JobPosting&quot;, "
	  "&quot;title&quot;: &quot;R&amp;D Engineer&quot;, &quot;hiringOrganization&quot;: "
	  "{&quot;name&quot;: &quot;Acme &amp;amp; Sons&quot;}}",
	  .titles = "R&D Engineer", .warnings = 1, .warning = "repaired (HTML entities decoded)",
	  .company = "Acme & Sons", .url = PAGE_URL },
	{ "&quot; inside a valid block is text", JSONLD, "{" JP "\"title\": "
	  "\"The &quot;A&quot; team\"}", .titles = "The \"A\" team", .url = PAGE_URL },
	{ "trailing commas", JSONLD, "{" JP "\"title\": \"Data, ]Engineer\", \"employmentType\": "
	  "[\"FULL_TIME\", ], }", .titles = "Data, ]Engineer", .warnings = 1,
	  .warning = "repaired (trailing commas dropped)", .employment_type = "FULL_TIME",
	  .url = PAGE_URL },
	{ "raw newline and tab in strings", JSONLD, "{" JP "\"title\": \"Data\tEngineer\", "
	  "\"hiringOrganization\": \"Acme\nLabs\"}", .titles = "Data Engineer", .warnings = 1,
	  .warning = "repaired (control characters in strings escaped)", .company = "Acme Labs",
	  .url = PAGE_URL },
	{ "single quotes are not repaired", JSONLD, "{'@type': 'JobPosting', 'title': 'A'}",
	  .titles = "", .warnings = 1, .warning = "is not valid JSON" },
	{ "a missing brace is not repaired", JSONLD, "{" JP "\"title\": \"A\",",
	  .titles = "", .warnings = 1, .warning = "is not valid JSON" },
	/* keys in another case */
	{ "PascalCase keys", JSONLD, "{" JP "\"Title\": \"A\", \"HiringOrganization\": "
	  "{\"Name\": \"Acme\"}, \"DatePosted\": \"2025-01-02\", \"BaseSalary\": {\"Currency\": "
	  "\"USD\", \"Value\": {\"MinValue\": 40, \"MaxValue\": 50, \"UnitText\": \"HOUR\"}}}",
	  .titles = "A", .company = "Acme", .posted = "2025-01-02", .url = PAGE_URL,
	  .min = 40, .max = 50, .currency = "USD", .period = PERIOD_HOUR },
	{ "the exact spelling wins", JSONLD, "{" JP "\"TITLE\": \"B\", \"title\": \"A\"}",
	  .titles = "A", .url = PAGE_URL },
	/* baseSalary in its shapes */
	{ "QuantitativeValue range", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": {" MA
	  "\"currency\": \"EUR\", \"value\": {" QV "\"minValue\": 77604, \"maxValue\": 77604, "
	  "\"unitText\": \"YEAR\"}}}", .titles = "A", .url = PAGE_URL,
	  .min = 77604, .max = 77604, .currency = "EUR", .period = PERIOD_YEAR },
	{ "QuantitativeValue value, unit in lower case", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"baseSalary\": {\"currency\": \"USD\", \"value\": {\"value\": 95000, \"unitText\": "
	  "\"year\"}}}", .titles = "A", .url = PAGE_URL,
	  .min = 95000, .max = 95000, .currency = "USD", .period = PERIOD_YEAR },
	{ "value a bare number, unit 'per year'", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": "
	  "{" MA "\"currency\": \"GBP\", \"value\": 52000, \"unitText\": \"per year\"}}",
	  .titles = "A", .url = PAGE_URL,
	  .min = 52000, .max = 52000, .currency = "GBP", .period = PERIOD_YEAR },
	{ "value '120,000', unit 'annual'", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": {" MA
	  "\"currency\": \"USD\", \"value\": {\"value\": \"120,000\", \"unitText\": \"annual\"}}}",
	  .titles = "A", .url = PAGE_URL,
	  .min = 120000, .max = 120000, .currency = "USD", .period = PERIOD_YEAR },
	{ "minValue '120000.00', unit 'Yearly'", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": {"
	  MA "\"currency\": \"USD\", \"value\": {\"minValue\": \"120000.00\", \"maxValue\": "
	  "\"150000.00\", \"unitText\": \"Yearly\"}}}", .titles = "A", .url = PAGE_URL,
	  .min = 120000, .max = 150000, .currency = "USD", .period = PERIOD_YEAR },
	{ "unit 'Month', currency from salaryCurrency", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"salaryCurrency\": \"EUR\", \"baseSalary\": {" MA "\"value\": {\"minValue\": 4000, "
	  "\"maxValue\": 5000, \"unitText\": \"Month\"}}}", .titles = "A", .url = PAGE_URL,
	  .min = 4000, .max = 5000, .currency = "EUR", .period = PERIOD_MONTH },
	{ "no currency, unit 'per hour'", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": {"
	  "\"value\": {\"minValue\": 30, \"unitText\": \"per hour\"}}}", .titles = "A",
	  .url = PAGE_URL, .min = 30, .max = 30, .period = PERIOD_HOUR },
	{ "units DAY and WEEK", JSONLD, "[{" JP "\"title\": \"A\", \"baseSalary\": {\"currency\": "
	  "\"USD\", \"value\": {\"value\": 500, \"unitText\": \"DAY\"}}}, {" JP "\"title\": \"B\", "
	  "\"baseSalary\": {\"value\": {\"value\": 2000, \"unitText\": \"WEEK\"}}}]",
	  .titles = "A|B", .min = 500, .max = 500, .currency = "USD", .period = PERIOD_DAY },
	{ "MonetaryAmount with minValue of its own", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"baseSalary\": {" MA "\"currency\": \"CAD\", \"minValue\": 90000, \"maxValue\": 110000, "
	  "\"unitText\": \"YEAR\"}}", .titles = "A", .url = PAGE_URL,
	  .min = 90000, .max = 110000, .currency = "CAD", .period = PERIOD_YEAR },
	{ "an array: the first with an amount", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": "
	  "[{" MA "\"currency\": \"\", \"value\": {\"unitText\": \"\"}}, {" MA "\"currency\": "
	  "\"CHF\", \"value\": {\"minValue\": 120000, \"maxValue\": 140000, \"unitText\": "
	  "\"YEAR\"}}, {" MA "\"currency\": \"EUR\", \"value\": 1}]}", .titles = "A",
	  .url = PAGE_URL, .min = 120000, .max = 140000, .currency = "CHF", .period = PERIOD_YEAR },
	{ "estimatedSalary when baseSalary is absent", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"estimatedSalary\": {\"@type\": \"MonetaryAmountDistribution\", \"currency\": \"USD\", "
	  "\"duration\": \"P1Y\", \"percentile10\": 80000, \"median\": 95000, "
	  "\"percentile90\": 120000}}", .titles = "A", .url = PAGE_URL,
	  .salary_text = "Estimated USD 80000 - 120000 per year" },
	{ "estimatedSalary as text", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"estimatedSalary\": \"$80K - $95K\"}", .titles = "A", .url = PAGE_URL,
	  .salary_text = "Estimated $80K - $95K" },
	{ "estimatedSalary, one hourly figure", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"estimatedSalary\": {\"currency\": \"GBP\", \"value\": {\"value\": 22.5, "
	  "\"unitText\": \"HOUR\"}}}", .titles = "A", .url = PAGE_URL,
	  .salary_text = "Estimated GBP 22.50 per hour" },
	{ "baseSalary wins over estimatedSalary", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"baseSalary\": {\"currency\": \"USD\", \"value\": {\"value\": 100, \"unitText\": "
	  "\"DAY\"}}, \"estimatedSalary\": {\"currency\": \"USD\", \"value\": 99999}}",
	  .titles = "A", .url = PAGE_URL, .min = 100, .max = 100, .currency = "USD",
	  .period = PERIOD_DAY },
	{ "empty baseSalary (paloalto)", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": {" MA
	  "\"currency\": \"\", \"value\": {" QV "\"unitText\": \"\"}}}", .titles = "A",
	  .url = PAGE_URL },
	{ "baseSalary {}", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": {}}",
	  .titles = "A", .url = PAGE_URL },
	{ "baseSalary as text", JSONLD, "{" JP "\"title\": \"A\", \"baseSalary\": "
	  "\"$100k - $120k\"}", .titles = "A", .url = PAGE_URL, .salary_text = "$100k - $120k" },
	{ "baseSalary a bare number", JSONLD, "{" JP "\"title\": \"A\", \"salaryCurrency\": "
	  "\"USD\", \"baseSalary\": 90000}", .titles = "A", .url = PAGE_URL,
	  .min = 90000, .max = 90000, .currency = "USD" },
	{ "address parts a template left as N/A (aijobs)", JSONLD, "{" JP "\"title\": \"A\", "
	  "\"jobLocation\": {\"@type\": \"Place\", \"address\": {\"streetAddress\": \"N/A\", "
	  "\"addressRegion\": \"N/A\", \"addressLocality\": \"Belgium-Mons\", "
	  "\"addressCountry\": \"Belgium\"}}}", .titles = "A", .url = PAGE_URL,
	  .location = "Belgium-Mons, Belgium", .country = "Belgium" },
	{ "JSON document with a byte order mark", DOCUMENT, "\xef\xbb\xbf{" JP "\"title\": \"A\"}",
	  .titles = "A", .url = PAGE_URL },
	{ "jobLocation as text", JSONLD, "{" JP "\"title\": \"A\", \"jobLocation\": "
	  "\"Remote, Europe\"}", .titles = "A", .url = PAGE_URL, .location = "Remote, Europe" },
	/* a document that is itself JSON (aijobs) */
	{ "JSON document", DOCUMENT, "\n  {\"@context\": \"https://schema.org/\", " JP
	  "\"title\": \"Staff Officer\", \"identifier\": {\"@type\": \"PropertyValue\", "
	  "\"name\": \"NATO\", \"value\": \"1319179\"}, \"baseSalary\": {" MA "\"currency\": "
	  "\"EUR\", \"value\": {" QV "\"minValue\": 77604, \"maxValue\": 77604, \"unitText\": "
	  "\"YEAR\"}}}\n", .titles = "Staff Officer", .url = PAGE_URL, .id = "1319179",
	  .min = 77604, .max = 77604, .currency = "EUR", .period = PERIOD_YEAR },
	{ "JSON document, an array", DOCUMENT, "[{" JP "\"title\": \"A\", \"url\": \"/a\"}, {" JP
	  "\"title\": \"B\", \"url\": \"/b\"}]", .titles = "A|B",
	  .url = "https://jobs.example.test/a" },
	{ "JSON document with no posting (an API answer)", DOCUMENT,
	  "{\"jobs\": [{\"id\": 1, \"title\": \"A\"}]}", .titles = "", .warnings = 1,
	  .warning = "not an HTML page (JSON with no schema.org JobPosting)" },
	{ "HTML fragments saved as a list are HTML (monster)", DOCUMENT,
	  "[<section class=\"card\"><script type=\"application/ld+json\">{" JP "\"title\": "
	  "\"A\"}</script></section>, <section></section>]", .titles = "A", .url = PAGE_URL },
	{ "JSON document, invalid", DOCUMENT, "{\"jobs\": [", .titles = "", .warnings = 1,
	  .warning = "is not valid JSON" },
};

#define MD_JOB "<div itemscope itemtype=\"https://schema.org/JobPosting\">"
#define MD_MA "<span itemprop=\"baseSalary\" itemscope itemtype=\"http://schema.org/MonetaryAmount\">"
#define MD_QV "<span itemprop=\"value\" itemscope itemtype=\"http://schema.org/QuantitativeValue\">"

static const struct schema_case microdata_cases[] = {
	{ "reed detail shape", MICRODATA, "<article itemscope=\"\" "
	  "itemtype=\"https://schema.org/JobPosting\"><h1>Software Developer</h1>"
	  "<meta itemprop=\"title\" content=\"Software Developer \">"
	  "<meta itemprop=\"datePosted\" content=\"2024-04-19\">"
	  "<meta itemprop=\"validThrough\" content=\"2024-05-31T23:55:00\">"
	  "<span itemprop=\"hiringOrganization\" itemscope=\"\" "
	  "itemtype=\"http://schema.org/Organization\">Posted by <a href=\"/c\">"
	  "<span itemprop=\"name\">Pilot Group</span></a></span>"
	  "<meta itemprop=\"url\" content=\"https://jobs.example.test/jobs/5250\">"
	  MD_MA "<meta itemprop=\"currency\" content=\"GBP\">"
	  "<span>£35,000 - £45,000 per annum</span>" MD_QV
	  "<meta itemprop=\"minValue\" content=\"35000.00\">"
	  "<meta itemprop=\"maxValue\" content=\"45000.00\">"
	  "<meta itemprop=\"unitText\" content=\"YEAR\"></span></span>"
	  "<a href=\"/jobs-in-manchester\" itemprop=\"jobLocation\" itemscope=\"\" "
	  "itemtype=\"http://schema.org/Place\"><span itemprop=\"address\" itemscope=\"\" "
	  "itemtype=\"http://schema.org/PostalAddress\">"
	  "<meta itemprop=\"addressRegion\" content=\"Lancashire\">"
	  "<span itemprop=\"addressLocality\">Manchester</span>"
	  "<meta itemprop=\"addressCountry\" content=\"GB\"></span></a>"
	  "<span itemprop=\"employmentType\" content=\"FULL_TIME\"><a href=\"/p\">Permanent</a>"
	  "</span><span itemprop=\"description\"><p>Build things.</p></span></article>",
	  .titles = "Software Developer", .company = "Pilot Group",
	  .location = "Manchester, Lancashire, GB", .country = "GB",
	  .employment_type = "FULL_TIME", .url = "https://jobs.example.test/jobs/5250",
	  .posted = "2024-04-19", .strategy = "microdata",
	  .min = 35000, .max = 45000, .currency = "GBP", .period = PERIOD_YEAR },
	{ "http, no www; company and location as text; time datetime", MICRODATA,
	  "<li itemscope itemtype=\"http://schema.org/JobPosting\"><h2 itemprop=\"title\">Data "
	  "Engineer</h2><span itemprop=\"hiringOrganization\">Acme Ltd</span>"
	  "<span itemprop=\"jobLocation\">Leeds</span><time itemprop=\"datePosted\" "
	  "datetime=\"2025-03-01\">1 March</time><a itemprop=\"url\" href=\"/job/7\">more</a>"
	  "<span itemprop=\"identifier\">J-7</span></li>",
	  .titles = "Data Engineer", .company = "Acme Ltd", .location = "Leeds",
	  .url = "https://jobs.example.test/job/7", .id = "J-7", .posted = "2025-03-01",
	  .strategy = "microdata" },
	{ "www; identifier item; date as text; employment types listed", MICRODATA,
	  "<div itemscope itemtype=\"https://www.schema.org/JobPosting\">"
	  "<span itemprop=\"title\">A</span><span itemprop=\"datePosted\">2025-03-02</span>"
	  "<span itemprop=\"identifier\" itemscope itemtype=\"http://schema.org/PropertyValue\">"
	  "<meta itemprop=\"name\" content=\"Acme\"><meta itemprop=\"value\" content=\"77\">"
	  "</span><span itemprop=\"employmentType\">FULL_TIME</span>"
	  "<span itemprop=\"employmentType\">CONTRACTOR</span></div>",
	  .titles = "A", .id = "77", .posted = "2025-03-02", .employment_type =
	  "FULL_TIME, CONTRACTOR", .url = PAGE_URL, .strategy = "microdata" },
	{ "a nested item's name is not the title", MICRODATA, MD_JOB
	  "<div itemprop=\"hiringOrganization\" itemscope itemtype=\"http://schema.org/Organization\">"
	  "<span itemprop=\"name\">Acme</span></div></div>",
	  .titles = "", .warnings = 1, .warning = "microdata posting 1 has no title, skipped" },
	{ "another vocabulary's JobPosting", MICRODATA, "<div itemscope "
	  "itemtype=\"http://example.org/JobPosting\"><span itemprop=\"title\">A</span></div>",
	  .titles = "" },
	{ "two postings; a JobPosting nested in one is part of it", MICRODATA,
	  MD_JOB "<span itemprop=\"title\">A</span><a itemprop=\"url\" href=\"/a\">a</a>"
	  MD_JOB "<span itemprop=\"title\">inner</span></div></div>"
	  MD_JOB "<span itemprop=\"title\">B</span><a itemprop=\"url\" href=\"/b\">b</a></div>",
	  .titles = "A|B", .url = "https://jobs.example.test/a", .strategy = "microdata" },
	{ "baseSalary as text", MICRODATA, MD_JOB "<span itemprop=\"title\">A</span>"
	  "<span itemprop=\"baseSalary\">£30,000 per annum</span></div>", .titles = "A",
	  .url = PAGE_URL, .salary_text = "£30,000 per annum", .strategy = "microdata" },
	{ "value a number, unit on the MonetaryAmount", MICRODATA, MD_JOB
	  "<span itemprop=\"title\">A</span>" MD_MA "<meta itemprop=\"currency\" content=\"EUR\">"
	  "<meta itemprop=\"value\" content=\"4,500\"><meta itemprop=\"unitText\" "
	  "content=\"per month\"></span></div>", .titles = "A", .url = PAGE_URL,
	  .strategy = "microdata", .min = 4500, .max = 4500, .currency = "EUR",
	  .period = PERIOD_MONTH },
	{ "estimatedSalary", MICRODATA, MD_JOB "<span itemprop=\"title\">A</span>"
	  "<span itemprop=\"estimatedSalary\" itemscope><meta itemprop=\"currency\" "
	  "content=\"USD\"><meta itemprop=\"minValue\" content=\"90000\"><meta "
	  "itemprop=\"maxValue\" content=\"99000\"><meta itemprop=\"unitText\" "
	  "content=\"YEAR\"></span></div>", .titles = "A", .url = PAGE_URL,
	  .salary_text = "Estimated USD 90000 - 99000 per year", .strategy = "microdata" },
	{ "MonetaryAmount without amount: its text", MICRODATA, MD_JOB
	  "<span itemprop=\"title\">A</span>" MD_MA "<meta itemprop=\"currency\" content=\"GBP\">"
	  "£40 - £50 per hour</span></div>", .titles = "A", .url = PAGE_URL,
	  .salary_text = "£40 - £50 per hour", .strategy = "microdata" },
	/* JSON-LD and microdata of one job: counted once, JSON-LD first */
	{ "same url as JSON-LD", MICRODATA, "<script type=\"application/ld+json\">{" JP
	  "\"title\": \"Data Engineer\", \"url\": \"/j/1\"}</script>" MD_JOB
	  "<span itemprop=\"title\">Data Engineer (London)</span><a itemprop=\"url\" "
	  "href=\"/j/1\">a</a><span itemprop=\"hiringOrganization\">Acme</span>" MD_MA
	  "<meta itemprop=\"currency\" content=\"GBP\">" MD_QV
	  "<meta itemprop=\"value\" content=\"60000\"><meta itemprop=\"unitText\" "
	  "content=\"YEAR\"></span></span></div>", .titles = "Data Engineer", .company = "Acme",
	  .url = "https://jobs.example.test/j/1", .min = 60000, .max = 60000, .currency = "GBP",
	  .period = PERIOD_YEAR },
	{ "same title as JSON-LD", MICRODATA, "<script type=\"application/ld+json\">{" JP
	  "\"title\": \"Data Engineer\", \"hiringOrganization\": {\"name\": \"Acme\"}}</script>"
	  MD_JOB "<span itemprop=\"title\">data engineer</span>"
	  "<span itemprop=\"datePosted\">2025-04-01</span></div>", .titles = "Data Engineer",
	  .company = "Acme", .url = PAGE_URL, .posted = "2025-04-01" },
	{ "same title, another company: two jobs", MICRODATA, "<script "
	  "type=\"application/ld+json\">{" JP "\"title\": \"Data Engineer\", "
	  "\"hiringOrganization\": \"Acme\", \"url\": \"/j/1\"}</script>" MD_JOB
	  "<span itemprop=\"title\">Data Engineer</span><span itemprop=\"hiringOrganization\">"
	  "Zenith</span></div>", .titles = "Data Engineer|Data Engineer", .company = "Acme",
	  .url = "https://jobs.example.test/j/1" },
};

static void build_page(const struct schema_case *c, struct buf *page)
{
	const char *s, *end;

	if (c->kind == DOCUMENT) {
		buf_appends(page, c->text);
		return;
	}
	buf_appends(page, "<!DOCTYPE html><html><head><title>Jobs</title>\n");
	for (s = c->text; c->kind == JSONLD && s != NULL; s = *end ? end + 1 : NULL) {
		end = s + strcspn(s, "\f");
		buf_printf(page, "<script type=\"application/ld+json\">%.*s</script>\n",
			   (int)(end - s), s);
	}
	buf_appends(page, "</head><body>");
	if (c->kind == MICRODATA)
		buf_appends(page, c->text);
	buf_appends(page, "</body></html>\n");
}

static void check_salary_hints(const struct schema_case *c, const struct raw_posting *p)
{
	const struct salary_hints *h = &p->salary_hints;

	ck_assert_msg(h->min == c->min && h->max == c->max, "%s: salary %g-%g, want %g-%g",
		      c->name, h->min, h->max, c->min, c->max);
	if (c->min == 0 && c->max == 0)
		return;
	check_same_str(h->currency, c->currency ? c->currency : "", c->name);
	ck_assert_msg(h->period == c->period, "%s: period %d, want %d", c->name,
		      (int)h->period, (int)c->period);
}

static void check_first(const struct schema_case *c, const struct raw_posting *p)
{
	check_same_str(p->company, c->company, c->name);
	check_same_str(p->location, c->location, c->name);
	check_same_str(p->country, c->country, c->name);
	check_same_str(p->employment_type, c->employment_type, c->name);
	check_same_str(p->url, c->url, c->name);
	check_same_str(p->external_id, c->id, c->name);
	check_same_str(p->posted, c->posted, c->name);
	check_same_str(p->salary_text, c->salary_text, c->name);
	check_same_str(p->strategy, c->strategy ? c->strategy : "jsonld", c->name);
	check_salary_hints(c, p);
}

static void check_warnings(const struct schema_case *c, const struct extract_result *res)
{
	size_t i;
	int found = c->warning == NULL;

	for (i = 0; i < res->nwarnings; i++)
		if (c->warning != NULL && strstr(res->warnings[i], c->warning) != NULL)
			found = 1;
	for (i = 0; (res->nwarnings != c->warnings || !found) && i < res->nwarnings; i++)
		fprintf(stderr, "%s: warning: %s\n", c->name, res->warnings[i]);
	ck_assert_msg(res->nwarnings == c->warnings, "%s: %zu warnings, want %zu", c->name,
		      res->nwarnings, c->warnings);
	ck_assert_msg(found, "%s: no warning holds '%s'", c->name, c->warning);
}

static void run_case(const struct schema_case *c)
{
	struct buf page = BUF_INIT, titles = BUF_INIT;
	struct extract_result res;
	char *err = NULL;
	size_t i;

	build_page(c, &page);
	extract_result_init(&res);
	ck_assert_msg(extract_page(page.data, page.len, PAGE_URL, NULL, &res, &err) == 0,
		      "%s: %s", c->name, err ? err : "error");
	for (i = 0; i < res.count; i++)
		buf_printf(&titles, "%s%s", i ? "|" : "", res.postings[i].title);
	check_same_str(buf_str(&titles), c->titles, c->name);
	check_warnings(c, &res);
	if (res.count > 0)
		check_first(c, &res.postings[0]);
	extract_result_release(&res);
	buf_release(&page);
	buf_release(&titles);
}

START_TEST(test_jsonld)
{
	run_case(&jsonld_cases[_i]);
}
END_TEST

START_TEST(test_microdata)
{
	run_case(&microdata_cases[_i]);
}
END_TEST

/* An estimate beyond what a long long holds is written out whole, with no
 * undefined conversion on the way (fuzz-jsonld found one). */
START_TEST(test_estimate_huge)
{
	static const char page_text[] = "<script type=\"application/ld+json\">{" JP
		"\"title\": \"E\", \"estimatedSalary\": {\"currency\": \"GBP\", \"value\": "
		"{\"minValue\": 99000, \"maxValue\": 5.5e60, \"unitText\": \"YEAR\"}}}</script>";
	struct extract_result res;
	char *err = NULL;

	extract_result_init(&res);
	ck_assert_int_eq(extract_page(page_text, strlen(page_text), PAGE_URL, NULL, &res, &err), 0);
	ck_assert_uint_eq(res.count, 1);
	ck_assert_ptr_nonnull(res.postings[0].salary_text);
	ck_assert_str_eq(res.postings[0].salary_text, "Estimated GBP 99000 - "
			 "5500000000000000078441167310397074032871539922947539497648128 per year");
	extract_result_release(&res);
}
END_TEST

/* An estimatedSalary is the board's estimate once normalized, never
 * employer pay; a baseSalary is structured pay. */
START_TEST(test_estimate_provenance)
{
	static const char page_text[] = "<html><head><script type=\"application/ld+json\">["
		"{" JP "\"title\": \"A\", \"estimatedSalary\": {\"currency\": \"USD\", "
		"\"value\": {\"minValue\": 80000, \"maxValue\": 120000, \"unitText\": \"YEAR\"}}},"
		"{" JP "\"title\": \"B\", \"baseSalary\": {\"currency\": \"USD\", "
		"\"value\": {\"minValue\": 80000, \"maxValue\": 120000, \"unitText\": \"YEAR\"}}}"
		"]</script></head></html>";
	static const char *const provenance[] = { "estimate", "structured" };
	struct extract_result res;
	struct posting p;
	char *err = NULL;
	size_t i;

	extract_result_init(&res);
	ck_assert_int_eq(extract_page(page_text, strlen(page_text), PAGE_URL, NULL, &res, &err), 0);
	ck_assert_uint_eq(res.count, 2);
	for (i = 0; i < 2; i++) {
		posting_normalize(&res.postings[i], &p);
		ck_assert_int_eq(p.salary.found, 1);
		ck_assert_str_eq(p.salary.provenance, provenance[i]);
		ck_assert(p.salary.min == 80000 && p.salary.max == 120000);
		ck_assert_str_eq(p.salary.currency, "USD");
		ck_assert_int_eq(p.salary.period, PERIOD_YEAR);
		posting_release(&p);
	}
	extract_result_release(&res);
}
END_TEST

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *test_suite(void)
{
	Suite *s = suite_create("extract_schema");
	TCase *tc = tcase_create("jsonld");

	tcase_add_loop_test(tc, test_jsonld, 0, COUNT(jsonld_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("microdata");
	tcase_add_loop_test(tc, test_microdata, 0, COUNT(microdata_cases));
	suite_add_tcase(s, tc);
	tc = tcase_create("normalized");
	tcase_add_test(tc, test_estimate_provenance);
	tcase_add_test(tc, test_estimate_huge);
	suite_add_tcase(s, tc);
	return s;
}
